# Program: graph algorithms (BFS, DFS, topological sort, Dijkstra) using dicts and lists.
edges = [("a", "b", 4), ("a", "c", 2), ("b", "c", 5), ("b", "d", 10), ("c", "e", 3), ("e", "d", 4), ("d", "f", 11), ("g", "h", 1)]
graph = {}
for u, v, w in edges:
    graph.setdefault(u, []).append((v, w))
    graph.setdefault(v, []).append((u, w))
def bfs(start):
    seen, order, queue = {start}, [], [start]
    while queue:
        node = queue.pop(0)
        order.append(node)
        for nxt, _ in sorted(graph[node]):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return order
def dfs(start, seen=None):
    seen = seen if seen is not None else []
    seen.append(start)
    for nxt, _ in sorted(graph[start]):
        if nxt not in seen:
            dfs(nxt, seen)
    return seen
def dijkstra(src):
    dist = {src: 0}
    prev = {}
    todo = [(0, src)]
    while todo:
        todo.sort()
        d, u = todo.pop(0)
        if d > dist.get(u, float("inf")):
            continue
        for v, w in graph[u]:
            nd = d + w
            if nd < dist.get(v, float("inf")):
                dist[v] = nd
                prev[v] = u
                todo.append((nd, v))
    return dist, prev
def path(prev, target):
    p = [target]
    while p[-1] in prev:
        p.append(prev[p[-1]])
    return p[::-1]
print(bfs("a"), dfs("a"), bfs("g"))
dist, prev = dijkstra("a")
print(sorted(dist.items()), path(prev, "f"), "g" in dist)
def components():
    seen, comps = set(), []
    for node in sorted(graph):
        if node not in seen:
            comp = dfs(node)
            seen.update(comp)
            comps.append(sorted(comp))
    return comps
print(components())
deps = {"app": ["lib", "utils"], "lib": ["core"], "utils": ["core", "log"], "core": [], "log": [], "tests": ["app"]}
def toposort(deps):
    order, state = [], {}
    def visit(n):
        if state.get(n) == "done":
            return
        if state.get(n) == "active":
            raise ValueError(f"cycle at {n}")
        state[n] = "active"
        for d in deps[n]:
            visit(d)
        state[n] = "done"
        order.append(n)
    for n in deps:
        visit(n)
    return order
print(toposort(deps))
deps["core"] = ["app"]
try:
    toposort(deps)
except ValueError as e:
    print("ValueError:", e)

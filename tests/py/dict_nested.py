# Nested dict manipulation, merging and recursive walking.
config = {"db": {"host": "localhost", "port": 5432, "opts": {"ssl": False}}, "debug": True, "paths": ["/a", "/b"]}
override = {"db": {"port": 6543, "opts": {"ssl": True, "timeout": 5}}, "paths": ["/c"], "new": None}
def deep_merge(a, b):
    out = dict(a)
    for k, v in b.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = deep_merge(out[k], v)
        else:
            out[k] = v
    return out
merged = deep_merge(config, override)
print(merged)
print(config["db"]["port"], merged["db"]["port"], config is not merged)
def flatten(d, prefix=""):
    for k, v in d.items():
        key = f"{prefix}.{k}" if prefix else k
        if isinstance(v, dict):
            yield from flatten(v, key)
        else:
            yield key, v
print(dict(flatten(merged)))
def get_path(d, path, default=None):
    for part in path.split("."):
        if not isinstance(d, dict) or part not in d:
            return default
        d = d[part]
    return d
print(get_path(merged, "db.opts.timeout"), get_path(merged, "db.nope", "dflt"), get_path(merged, "debug.x"))
def set_path(d, path, value):
    *parents, last = path.split(".")
    for p in parents:
        d = d.setdefault(p, {})
    d[last] = value
set_path(merged, "cache.redis.port", 6379)
set_path(merged, "db.host", "db.internal")
print(merged["cache"], merged["db"]["host"])
tree = {}
for path in ["a/b/c", "a/b/d", "a/e", "f"]:
    node = tree
    for part in path.split("/"):
        node = node.setdefault(part, {})
print(tree)
def count_leaves(t):
    return 1 if not t else sum(count_leaves(v) for v in t.values())
print(count_leaves(tree), len(str(tree)))

# Closures created in loops, generator closures, and cell sharing.
def make_funcs():
    funcs = []
    for i in range(3):
        def f():
            return i
        funcs.append(f)
    return funcs
print([f() for f in make_funcs()])
def make_funcs_bound():
    return [(lambda i: lambda: i)(i) for i in range(3)]
print([f() for f in make_funcs_bound()])
def shared_cell():
    x = 0
    def get():
        return x
    def set_(v):
        nonlocal x
        x = v
    return get, set_
g, s = shared_cell()
s(10)
print(g())
s(20)
print(g())
def gen_closure():
    total = 0
    def add(n):
        nonlocal total
        total += n
        return total
    for v in [1, 2, 3]:
        yield add(v)
print(list(gen_closure()))
def counter_factory():
    counts = {}
    def count(key):
        counts[key] = counts.get(key, 0) + 1
        return counts[key]
    return count
c1 = counter_factory()
c2 = counter_factory()
print(c1("a"), c1("a"), c2("a"), c1("b"))
def outer():
    v = "first"
    inner = lambda: v
    v = "second"
    r1 = inner()
    v = "third"
    return r1, inner()
print(outer())
adders = {n: (lambda x, n=n: x + n) for n in range(3)}
print({k: f(10) for k, f in adders.items()})
def closure_in_class():
    value = "from function"
    class K:
        def get(self):
            return value
    return K().get()
print(closure_in_class())

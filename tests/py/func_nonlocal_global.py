# nonlocal and global statements.
g = "global-start"
def set_global():
    global g
    g = "global-changed"
def read_global():
    return g
print(read_global())
set_global()
print(g, read_global())
def create_global():
    global brand_new
    brand_new = 42
create_global()
print(brand_new)
def outer():
    a = 1
    def mid():
        nonlocal a
        a += 10
        def inner():
            nonlocal a
            a *= 2
        inner()
    mid()
    return a
print(outer())
def local_shadows():
    g = "local"
    return g
print(local_shadows(), g)
def unbound():
    try:
        print(g)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    g = 1
unbound()
counter = 0
def bump(n):
    global counter
    for _ in range(n):
        counter += 1
bump(5)
print(counter)
def nl_loop():
    total = 0
    def add(x):
        nonlocal total
        total += x
    for i in range(5):
        add(i)
    return total
print(nl_loop())
x = "module"
def f():
    x = "enclosing"
    def g():
        global x
        return x
    return g()
print(f())
for src in ["def f():\n    nonlocal zz\n", "nonlocal q\n", "def f(a):\n    global a\n", "def f():\n    x = 1\n    global x\n"]:
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno)

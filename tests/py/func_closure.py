# Closures and cell variables.
def make_adder(n):
    def add(x):
        return x + n
    return add
add5 = make_adder(5)
print(add5(1), make_adder(-1)(1), add5.__closure__ is not None, len(add5.__closure__), add5.__closure__[0].cell_contents)
def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def get():
        return count
    return inc, get
inc, get = counter()
inc(); inc()
print(get(), inc(), get())
def late():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]
print(late())
def early():
    return [(lambda j: lambda: j)(i)() for i in range(3)]
print(early())
def outer():
    x = "outer-x"
    def middle():
        def inner():
            return x
        return inner
    return middle()()
print(outer())
def rebinding():
    v = 1
    f = lambda: v
    v = 2
    return f()
print(rebinding())
def shadow():
    x = 1
    def g():
        x = 2
        return x
    return g(), x
print(shadow())
def deep(a):
    def l1(b):
        def l2(c):
            def l3(d):
                return a + b + c + d
            return l3
        return l2
    return l1
print(deep(1)(10)(100)(1000))
print(make_adder.__code__.co_cellvars, add5.__code__.co_freevars)
def unbound_closure():
    def g():
        return y
    try:
        g()
    except NameError as e:
        print(type(e).__name__ + ":", e)
    y = 1
    return g()
print(unbound_closure())

# Class body scoping rules.
x = "global"
class A:
    x = "class"
    y = x
    def get_x(self):
        return x
    z = [x for _ in range(1)]
    w = (lambda: x)()
print(A.y, A().get_x(), A.z, A.w)
def f():
    v = "enclosing"
    class B:
        u = v
        def m(self):
            return v
    return B.u, B().m()
print(f())
def g():
    v = "enclosing"
    class C:
        v = "class-level"
        def m(self):
            return v
        w = v
    return C.w, C().m()
print(g())
class D:
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
    try:
        bad = [i for i in range(2) if i in items]
    except NameError as e:
        bad = "NameError: " + str(e)
print(D.doubled, D.bad)
class E:
    a = 1
    b = a + 1
    del a
print(hasattr(E, "a"), E.b)
class F:
    def method(self):
        return "m"
    alias = method
    name = __qualname__
    mod = __module__
print(F().alias(), F.name, F.mod)
counter = 0
class G:
    global counter
    counter += 1
print(counter)

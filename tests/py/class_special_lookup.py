# Special methods are looked up on the type, not the instance.
class C:
    def __len__(self):
        return 1
    def __repr__(self):
        return "C-type-repr"
c = C()
c.__len__ = lambda: 99
c.__repr__ = lambda: "instance repr"
print(len(c), repr(c), c.__len__(), c.__repr__())
C.__len__ = lambda self: 5
print(len(c))
class D:
    pass
d = D()
D.__add__ = lambda self, o: "added " + str(o)
D.__getitem__ = lambda self, k: k * 2
D.__call__ = lambda self: "called"
print(d + 1, d[21], d())
del D.__add__
try:
    d + 1
except TypeError as e:
    print("TypeError:", e)
class E:
    def __getattr__(self, name):
        print("getattr", name)
        return lambda *a: 0
e = E()
try:
    len(e)
except TypeError as e2:
    print("TypeError:", e2)
print(e.__len__())
class F:
    __eq__ = lambda self, o: "eq via lambda"
    __hash__ = object.__hash__
print(F() == 1)
class Bool:
    __bool__ = lambda self: False
print(bool(Bool()), "falsy" if not Bool() else "truthy")

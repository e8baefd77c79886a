def f2bad():
    (no_such_global): int
    print(no_such_global)
try:
    f2bad()
except Exception as e:
    print(type(e).__name__)
class A:
    attr: int
class B(A):
    pass
print(A.__annotations__, B.__annotations__, "__annotations__" in B.__dict__)
print(B.__annotations__ is B.__annotations__)
ns = {}
exec('X: int; Z: str = "Z"; (w): complex = 1j', ns)
print(ns['__annotations__'])
class CNS2:
    def __init__(self):
        self._dct = {}
    def __setitem__(self, item, value):
        self._dct[item] = value
    def __getitem__(self, item):
        return self._dct[item]
c = CNS2()
exec('x: int = 1', {}, c)
print(c._dct)

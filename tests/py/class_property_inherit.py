# Properties and class attributes across inheritance, overriding and mutation.
class Base:
    kind = "base"
    registry = []
    def __init__(self):
        self._v = 1
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, val):
        self._v = val
    def describe(self):
        return f"{type(self).__name__}:{self.kind}:{self.v}"
class Child(Base):
    kind = "child"
    @property
    def v(self):
        return super().v * 100
class GrandChild(Child):
    pass
b, c, g = Base(), Child(), GrandChild()
print(b.describe(), c.describe(), g.describe())
try:
    c.v = 5
except AttributeError as e:
    print("AttributeError:", e)
b.v = 7
print(b.v)
Base.registry.append("shared")
print(Child.registry, GrandChild.registry is Base.registry)
Child.registry = ["own"]
print(Base.registry, Child.registry, GrandChild.registry)
GrandChild.kind = "grand"
print(g.describe(), c.describe())
del GrandChild.kind
print(g.describe())
class Counted:
    count = 0
    def __init__(self):
        self.count += 1
x = Counted()
print(x.count, Counted.count)
class WithClassVarList:
    items = []
    def add(self, v):
        self.items.append(v)
p, q = WithClassVarList(), WithClassVarList()
p.add(1); q.add(2)
print(p.items, q.items, WithClassVarList.items)

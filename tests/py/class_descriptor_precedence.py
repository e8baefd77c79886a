# Data descriptors beat the instance dict; non-data descriptors don't.
class Data:
    def __get__(self, obj, t=None):
        return "data-descriptor"
    def __set__(self, obj, v):
        obj.__dict__["d"] = v
class NonData:
    def __get__(self, obj, t=None):
        return "non-data-descriptor"
class C:
    d = Data()
    n = NonData()
    plain = "class-attr"
c = C()
c.__dict__["d"] = "instance-d"
c.__dict__["n"] = "instance-n"
c.__dict__["plain"] = "instance-plain"
print(c.d, c.n, c.plain)
c.d = "set-through"
print(c.d, c.__dict__["d"])
del c.__dict__["n"]
print(c.n)
class DelOnly:
    def __get__(self, obj, t=None):
        return "delonly-get"
    def __delete__(self, obj):
        print("deleting via descriptor")
class E:
    x = DelOnly()
e = E()
e.__dict__["x"] = "inst"
print(e.x)
del e.x
print(e.__dict__)
def func(self):
    return "function " + type(self).__name__
class F:
    m = func
f = F()
print(f.m())
f.m = lambda: "instance lambda"
print(f.m())
class P:
    @property
    def p(self):
        return "property"
pp = P()
pp.__dict__["p"] = "shadow"
print(pp.p)
try:
    pp.p = 1
except AttributeError as e:
    print("AttributeError:", e)
class Meta(type):
    attr = "meta-attr"
class K(metaclass=Meta):
    pass
print(K.attr)
class K2(metaclass=Meta):
    attr = "class-attr"
print(K2.attr)
try:
    K().attr
except AttributeError as e:
    print("AttributeError:", e)

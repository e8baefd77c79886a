# Descriptors: __get__, __set__, __delete__, __set_name__.
class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = name
        self.slot = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return ("descriptor", self.name, objtype.__name__)
        return getattr(obj, self.slot, "unset")
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}")
        setattr(obj, self.slot, value)
    def __delete__(self, obj):
        print("delete", self.name)
        delattr(obj, self.slot)
class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, name, age):
        self.name = name
        self.age = age
p = Person("Ann", 30)
print(p.name, p.age, Person.name, p.__dict__)
try:
    p.age = "old"
except TypeError as e:
    print("TypeError:", e)
del p.age
print(p.age)
class Const:
    def __get__(self, obj, objtype):
        return 42
class Holder:
    c = Const()
h = Holder()
print(h.c, Holder.c)
h.c = "shadow"
print(h.c, Holder.c)
class Logging:
    def __get__(self, obj, objtype=None):
        print("get called with", type(obj).__name__, objtype.__name__)
        return 1
class Use:
    x = Logging()
Use().x
Use.x
class Method:
    def __init__(self, f):
        self.f = f
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return lambda *a: self.f(obj, *a)
class W:
    @Method
    def hello(self, who):
        return "hello " + who + " from " + type(self).__name__
print(W().hello("you"), type(W.hello).__name__)
class OnlySet:
    def __set__(self, obj, v):
        print("OnlySet.__set__", v)
class OS:
    a = OnlySet()
o = OS()
o.a = 5
print(type(o.a).__name__, o.__dict__)

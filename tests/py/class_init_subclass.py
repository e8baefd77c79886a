# __init_subclass__, __set_name__, __class_getitem__.
class Plugin:
    registry = []
    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)
class A(Plugin):
    pass
class B(Plugin, name="bee"):
    pass
class C(B):
    pass
print(Plugin.registry, A.plugin_name, B.plugin_name, C.plugin_name)
try:
    class D(Plugin, unknown=1):
        pass
except TypeError as e:
    print("TypeError:", e)
class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
class Model:
    a = Field()
    b = Field()
print(Model.a.name, Model.b.name)
f = Field()
class Later:
    pass
Later.c = f
print(hasattr(f, "name"))
class Box:
    def __class_getitem__(cls, item):
        return f"Box[{item!r}]"
print(Box[int], Box["x"], Box[1, 2])
print(list[int], dict[str, list[int]], tuple[int, ...], type(list[int]).__name__)
print(list[int]([1, 2]), list[int].__origin__, list[int].__args__)
try:
    int[5]
except TypeError as e:
    print("TypeError:", e)
class Base:
    def __init_subclass__(cls):
        print("init_subclass of", cls.__name__, "bases", [b.__name__ for b in cls.__bases__])
class X(Base): pass
class Y(X): pass

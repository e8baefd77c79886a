# __instancecheck__ and __subclasscheck__ on metaclasses.
class DuckMeta(type):
    def __instancecheck__(cls, obj):
        print("instancecheck", cls.__name__, type(obj).__name__)
        return hasattr(obj, "quack")
    def __subclasscheck__(cls, sub):
        print("subclasscheck", cls.__name__, sub.__name__)
        return hasattr(sub, "quack")
class Duck(metaclass=DuckMeta):
    pass
class Mallard:
    def quack(self):
        return "Quack"
class Rock:
    pass
print(isinstance(Mallard(), Duck), isinstance(Rock(), Duck), issubclass(Mallard, Duck), issubclass(Rock, Duck))
print(isinstance(Mallard(), (int, Duck)), isinstance(Duck(), Duck))
class EvenMeta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, int) and obj % 2 == 0
class Even(metaclass=EvenMeta):
    pass
print([x for x in range(10) if isinstance(x, Even)])
print(isinstance(True, int), isinstance(1, bool), isinstance([], (list, tuple)), isinstance(3, (str, (float, (int,)))))
print(issubclass(bool, (str, int)), issubclass(int, ()), isinstance(1, ()))
print(isinstance(int, type), isinstance(type, type), isinstance(type, object), isinstance(object, type))
try:
    isinstance(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(int, [int])
except TypeError as e:
    print("TypeError:", e)
print(isinstance(1, int | str), issubclass(bool, int | None), isinstance(None, int | None), int | str)

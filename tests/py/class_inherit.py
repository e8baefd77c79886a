# Single inheritance, overriding, isinstance/issubclass.
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def kind(self):
        return "animal"
class Dog(Animal):
    sound = "woof"
    def kind(self):
        return "dog, a kind of " + super().kind()
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return Animal.speak(self) + "!"
a, d, p = Animal("generic"), Dog("rex"), Puppy("bit", 1)
for x in (a, d, p):
    print(x.speak(), "|", x.kind(), "|", type(x).__name__, isinstance(x, Animal), isinstance(x, Dog), isinstance(x, Puppy))
print(issubclass(Puppy, Animal), issubclass(Animal, Puppy), issubclass(Dog, Dog), issubclass(Dog, object), issubclass(Dog, (int, Animal)))
print(Puppy.__bases__, Puppy.__mro__, Puppy.__base__, Animal.__subclasses__(), Dog.__subclasses__())
print(p.age, p.name, vars(p))
print(isinstance(p, (int, str)), isinstance(p, (int, (str, Dog))))
class MyList(list):
    def sum(self):
        return sum(self)
ml = MyList([1, 2, 3])
ml.append(4)
print(ml, ml.sum(), len(ml), type(ml).__name__, type(ml + [5]).__name__, isinstance(ml, list))
class MyStr(str):
    def shout(self):
        return self.upper() + "!"
s = MyStr("hi")
print(s, s.shout(), type(s.upper()).__name__, s == "hi", repr(s))
class MyInt(int):
    pass
mi = MyInt(5)
print(mi + 1, type(mi + 1).__name__, mi, repr(mi))
class MyDict(dict):
    def __getitem__(self, k):
        return super().__getitem__(k) * 2
md = MyDict(a=1)
print(md["a"], md.get("a"), md)
try:
    issubclass(p, Animal)
except TypeError as e:
    print("TypeError:", e)
try:
    isinstance(p, p)
except TypeError as e:
    print("TypeError:", e)

# An enum-like class built with a metaclass: iteration, lookup, members, singletons.
class EnumMeta(type):
    def __new__(mcls, name, bases, ns):
        members = {k: v for k, v in ns.items() if not k.startswith("_") and not callable(v)}
        for k in members:
            del ns[k]
        cls = super().__new__(mcls, name, bases, ns)
        cls._members = {}
        for k, v in members.items():
            inst = object.__new__(cls)
            inst.name, inst.value = k, v
            cls._members[k] = inst
            setattr(cls, k, inst)
        return cls
    def __iter__(cls):
        return iter(cls._members.values())
    def __len__(cls):
        return len(cls._members)
    def __getitem__(cls, name):
        return cls._members[name]
    def __call__(cls, value):
        for m in cls._members.values():
            if m.value == value:
                return m
        raise ValueError(f"{value!r} is not a valid {cls.__name__}")
    def __contains__(cls, m):
        return isinstance(m, cls) and m.name in cls._members
class Enum(metaclass=EnumMeta):
    def __repr__(self):
        return f"<{type(self).__name__}.{self.name}: {self.value!r}>"
    def __str__(self):
        return f"{type(self).__name__}.{self.name}"
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    def is_warm(self):
        return self is Color.RED
print(list(Color), len(Color), Color.RED, repr(Color.GREEN), Color["BLUE"], Color(2), Color(3) is Color.BLUE)
print(Color.RED.is_warm(), Color.BLUE.is_warm(), Color.RED in Color, 1 in Color, Color.RED.name, Color.RED.value)
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)
try:
    Color["PURPLE"]
except KeyError as e:
    print("KeyError:", e)
print(sorted(Color, key=lambda c: -c.value), {c: c.value for c in Color}[Color.GREEN])
match Color(1):
    case Color.RED:
        print("matched RED by value pattern")
    case _:
        print("no")
class Status(Enum):
    OK = "ok"
    FAIL = "fail"
print([str(s) for s in Status], type(Status).__name__, isinstance(Status.OK, Enum), Status("fail"))

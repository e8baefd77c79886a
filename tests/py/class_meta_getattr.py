# Metaclass-level attribute hooks and class-level __getattr__ via the metaclass.
class Meta(type):
    def __getattr__(cls, name):
        if name.startswith("get_"):
            return lambda: f"{cls.__name__}.{name[4:]}"
        raise AttributeError(f"type object {cls.__name__!r} has no attribute {name!r}")
    def __setattr__(cls, name, value):
        print(f"setting {name} on class {cls.__name__}")
        super().__setattr__(name, value)
    def __len__(cls):
        return 99
    def __repr__(cls):
        return f"<Meta class {cls.__name__}>"
    def __eq__(cls, other):
        return isinstance(other, str) and other == cls.__name__
    __hash__ = type.__hash__
class Widget(metaclass=Meta):
    size = 1
print(Widget.get_color(), Widget.size, len(Widget), repr(Widget), Widget == "Widget", Widget == "Other")
Widget.size = 5
print(Widget.size, Widget().size)
try:
    Widget.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    Widget().get_color
except AttributeError as e:
    print("AttributeError:", e)
print({Widget: "ok"}[Widget], str(Widget), [Widget])
class Sub(Widget):
    pass
print(Sub.get_thing(), type(Sub).__name__, repr(Sub))

"""A simple module used by the import tests."""
print("simple_mod: executing, __name__ =", __name__)
VALUE = 42
items = []
def greet(name):
    return "hello " + name
class Thing:
    def __repr__(self):
        return "Thing()"
_private = "underscore"

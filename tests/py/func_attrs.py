# Function attributes: __name__, __qualname__, __doc__, __module__, __defaults__, __code__, custom attributes.
def documented(a, b=1, *args, c, d=2, **kw):
    """The docstring."""
    x = a
    return x
print(documented.__name__, documented.__qualname__, documented.__doc__, documented.__module__)
print(documented.__defaults__, documented.__kwdefaults__)
co = documented.__code__
print(co.co_name, co.co_argcount, co.co_kwonlyargcount, co.co_posonlyargcount, co.co_varnames, co.co_nlocals)
def nodoc():
    pass
print(nodoc.__doc__, nodoc.__defaults__, nodoc.__kwdefaults__, nodoc())
class Outer:
    def method(self):
        def inner():
            pass
        return inner
    class Nested:
        def m(self):
            pass
print(Outer.method.__qualname__, Outer().method().__qualname__, Outer.Nested.m.__qualname__, Outer.Nested.__qualname__)
documented.custom = "attr"
print(documented.custom, documented.__dict__)
def annotated(x: int, y: "str" = "s") -> list:
    pass
print(annotated.__annotations__)
print(callable(documented), type(documented).__name__)
nodoc.__name__ = "renamed"
print(nodoc.__name__, nodoc.__qualname__)
try:
    nodoc.__name__ = 5
except TypeError as e:
    print("TypeError:", e)
print((lambda: 0).__qualname__, Outer.method.__name__)

# callable, isinstance on builtins, type of builtins, staticmethod of builtins.
import sys
print(callable(print), callable(int), callable(int.__add__), callable("".join), callable(5), callable(None), callable(type))
print(type(print).__name__, type("".join).__name__, type(len).__name__)
print(print.__name__, len.__qualname__, "".join.__name__, "".join.__qualname__, str.join.__qualname__, print.__module__)
print("".join.__self__ == "", [].append.__self__, abs.__self__ is sys.modules["builtins"])
m = [3, 1, 2].sort
print(m(), type(m).__name__)
f = (1).__add__
print(f(2), f.__name__)
print(int.__add__(1, 2), str.upper("x"), list.__len__([1, 2]), dict.get({"a": 1}, "a"))
try:
    str.upper(5)
except TypeError as e:
    print("TypeError:", e)
try:
    list.append((), 1)
except TypeError as e:
    print("TypeError:", e)
try:
    int.__add__("a", 1)
except TypeError as e:
    print("TypeError:", e)

# None and NotImplemented and Ellipsis.
print(None, repr(None), str(None), type(None).__name__, None is None, None == None)
print(bool(None), None != 0, [None] * 3, {None: None})
def f():
    pass
print(f(), f() is None)
print(NotImplemented, Ellipsis, ..., ... is Ellipsis, type(...).__name__, type(NotImplemented).__name__)
print(hash(None) == hash(None))
try:
    None + 1
except TypeError as e:
    print("TypeError:", e)
try:
    n = None
    n()
except TypeError as e:
    print("TypeError:", e)
try:
    None.x
except AttributeError as e:
    print("AttributeError:", e)
try:
    len(None)
except TypeError as e:
    print("TypeError:", e)
try:
    for _ in None:
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    x = None
    x[0]
except TypeError as e:
    print("TypeError:", e)
try:
    None < None
except TypeError as e:
    print("TypeError:", e)
print(type(None)() is None)
x = None
x = x or "default"
print(x)

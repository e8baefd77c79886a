# Keyword-only and positional-only parameters.
def kw(a, *, b, c=3):
    return a, b, c
print(kw(1, b=2), kw(a=1, b=2, c=4))
def pos(a, b, /, c, *, d):
    return a, b, c, d
print(pos(1, 2, 3, d=4), pos(1, 2, c=3, d=4))
def pos_default(a, b=2, /):
    return a, b
print(pos_default(1), pos_default(1, 5))
def pos_kw_same(a, /, **kw):
    return a, kw
print(pos_kw_same(1, a=2))
def star_kw(*args, key):
    return args, key
print(star_kw(1, 2, key=3))
tests = [
    lambda: kw(1, 2),
    lambda: kw(1),
    lambda: pos(a=1, b=2, c=3, d=4),
    lambda: pos(1, 2, 3, 4),
    lambda: pos_default(a=1),
    lambda: star_kw(1, 2),
    lambda: pos(1, 2, 3, d=4, e=5),
]
for t in tests:
    try:
        print(t())
    except TypeError as e:
        print("TypeError:", e)
print(kw.__code__.co_kwonlyargcount, pos.__code__.co_posonlyargcount, pos.__code__.co_argcount)

# __index__, __int__, __float__, __complex__, __bool__, __bytes__, __round__, __trunc__ etc.
class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
i = Idx(3)
print([0, 1, 2, 3, 4][i], "abcdef"[Idx(1):Idx(4)], bin(i), hex(i), oct(i), range(i), int(i), 2 * [i.v])
print([1, 2] * i, "x" * i, bytes(i), float(Idx(2)), i.__index__(), (2).__pow__(i))
class Num:
    def __int__(self):
        return 42
    def __float__(self):
        return 2.5
    def __complex__(self):
        return 1 + 2j
    def __bytes__(self):
        return b"bytes!"
    def __round__(self, n=None):
        return "rounded" if n is None else f"rounded {n}"
    def __trunc__(self):
        return 7
    def __floor__(self):
        return "floor"
    def __ceil__(self):
        return "ceil"
n = Num()
import math
print(int(n), float(n), complex(n), bytes(n), round(n), round(n, 2), math.trunc(n), math.floor(n), math.ceil(n))
try:
    [1, 2][Num()]
except TypeError as e:
    print("TypeError:", e)
class BadInt:
    def __int__(self):
        return "no"
try:
    int(BadInt())
except TypeError as e:
    print("TypeError:", e)
class BadIndex:
    def __index__(self):
        return 1.5
try:
    [1][BadIndex()]
except TypeError as e:
    print("TypeError:", e)
class BadFloat:
    def __float__(self):
        return 1
try:
    float(BadFloat())
except TypeError as e:
    print("TypeError:", e)
class IntSub(int):
    pass
print(type(int(IntSub(3))).__name__, type(+IntSub(3)).__name__, IntSub(3) + 1)
class OnlyIndex:
    def __index__(self):
        return 9
print(int(OnlyIndex()), float(OnlyIndex()))
try:
    bytes(object())
except TypeError as e:
    print("TypeError:", e)

# In-place operator dunders and fallback to binary operators.
class Acc:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"Acc({self.v})"
    def __iadd__(self, o): self.v += o; return self
    def __isub__(self, o): self.v -= o; return self
    def __imul__(self, o): self.v *= o; return self
    def __itruediv__(self, o): self.v /= o; return self
    def __ifloordiv__(self, o): self.v //= o; return self
    def __imod__(self, o): self.v %= o; return self
    def __ipow__(self, o): self.v **= o; return self
    def __ilshift__(self, o): self.v <<= o; return self
    def __irshift__(self, o): self.v >>= o; return self
    def __iand__(self, o): self.v &= o; return self
    def __ior__(self, o): self.v |= o; return self
    def __ixor__(self, o): self.v ^= o; return self
    def __imatmul__(self, o): self.v = ("mm", self.v, o); return self
a = Acc(10)
ref = a
a += 5; print(a); a -= 3; print(a); a *= 4; print(a); a //= 5; print(a); a %= 7; print(a)
a **= 3; print(a); a <<= 2; print(a); a >>= 1; print(a); a &= 0xF; print(a); a |= 0x30; print(a)
a ^= 1; print(a); a /= 4; print(a); a @= "m"; print(a)
print(a is ref)
class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return OnlyAdd(self.v + o)
o = OnlyAdd(1)
orig = o
o += 2
print(o.v, o is orig)
class ReturnsOther:
    def __iadd__(self, o):
        return "replaced"
r = ReturnsOther()
r += 1
print(r)
class NI:
    def __iadd__(self, o):
        return NotImplemented
    def __add__(self, o):
        return "fell back to __add__"
x = NI()
x += 1
print(x)
class Hold:
    def __init__(self):
        self.items = [1]
        self.count = 0
h = Hold()
h.items += [2]
h.count += 1
d = {"k": [0], "n": 1}
d["k"] += [1]
d["n"] *= 10
lst = [1, 2, 3]
lst[0] += 100
lst[-1] **= 2
print(h.items, h.count, d, lst)
try:
    y = object()
    y += 1
except TypeError as e:
    print("TypeError:", e)

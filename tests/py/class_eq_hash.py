# __eq__ and __hash__ interplay.
class NoEq:
    pass
a = NoEq()
print(a == a, a == NoEq(), hash(a) == hash(a), {a: 1}[a])
class EqOnly:
    def __eq__(self, o):
        return True
print(EqOnly.__hash__)
try:
    hash(EqOnly())
except TypeError as e:
    print("TypeError:", e)
try:
    {EqOnly()}
except TypeError as e:
    print("TypeError:", e)
class EqHash:
    def __init__(self, k):
        self.k = k
    def __eq__(self, o):
        return isinstance(o, EqHash) and self.k == o.k
    def __hash__(self):
        return hash(self.k)
s = {EqHash(1), EqHash(1), EqHash(2)}
print(len(s), EqHash(2) in s, hash(EqHash("x")) == hash("x"))
class Inherit(EqHash):
    pass
print(hash(Inherit(3)) == hash(3))
class InheritEq(EqHash):
    def __eq__(self, o):
        return False
print(InheritEq.__hash__)
class Unhashable:
    __hash__ = None
try:
    hash(Unhashable())
except TypeError as e:
    print("TypeError:", e)
class BigHash:
    def __hash__(self):
        return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100))
class NegOne:
    def __hash__(self):
        return -1
print(hash(NegOne()))
class BadHash:
    def __hash__(self):
        return "str"
try:
    hash(BadHash())
except TypeError as e:
    print("TypeError:", e)
class HashFloat:
    def __hash__(self):
        return 1.5
try:
    hash(HashFloat())
except TypeError as e:
    print("TypeError:", e)
class MyInt(int):
    def __hash__(self):
        return 7
print(hash(MyInt(100)), {MyInt(1): "a"})
class StrLike(str):
    pass
print(hash(StrLike("abc")) == hash("abc"), {StrLike("k"): 1}["k"])

# __len__ and __bool__ and truthiness.
class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(len(L(3)), bool(L(0)), bool(L(2)), not L(0), "yes" if L(1) else "no")
class B:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("bool called")
        return self.v
print(bool(B(True)), bool(B(False)))
print(B(True) and "and-result", B(False) or "or-result")
class Both:
    def __len__(self):
        return 0
    def __bool__(self):
        return True
print(bool(Both()))
class Neither:
    pass
print(bool(Neither()))
for bad in [-1, 2 ** 70, "3", 1.5]:
    class Bad:
        def __len__(self, v=bad):
            return v
    try:
        print(len(Bad()))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
class IdxLen:
    def __len__(self):
        return True
print(len(IdxLen()))
try:
    len(5)
except TypeError as e:
    print("TypeError:", e)
while L(0):
    print("never")
print(any([L(0), L(1)]), all([L(1), L(0)]), [x.n for x in filter(None, [L(0), L(4), L(2)])])

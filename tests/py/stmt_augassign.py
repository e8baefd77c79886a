# Augmented assignment on names, attributes, subscripts; evaluation order.
log = []
class Obj:
    def __init__(self):
        self.__dict__["v"] = 1
    def __getattr__(self, name):
        log.append("getattr " + name)
        raise AttributeError(name)
    def __setattr__(self, name, value):
        log.append(f"setattr {name}={value}")
        self.__dict__[name] = value
class Box:
    def __init__(self):
        self.data = {"k": 10}
    def __getitem__(self, k):
        log.append("getitem " + k)
        return self.data[k]
    def __setitem__(self, k, v):
        log.append(f"setitem {k}={v}")
        self.data[k] = v
def obj():
    log.append("eval obj")
    return o
def key():
    log.append("eval key")
    return "k"
o = Obj()
obj().v += 5
print(o.v, log)
log.clear()
b = Box()
def box():
    log.append("eval box")
    return b
box()[key()] *= 3
print(b.data, log)
n = 10
n -= 3; n *= 2; n //= 3; n **= 2; n %= 7; n <<= 3; n >>= 1; n |= 1; n &= 0b1101; n ^= 0b11
print(n)
s = "ab"
s += "cd"; s *= 2
print(s)
t = (1,)
t += (2,)
print(t)
l = [[0, 0], [0, 0]]
l[1][0] += 5
l[0][-1] -= 1
print(l)
d = {"count": 0}
for _ in range(3):
    d["count"] += 1
print(d)
f = 1.5
f **= 2; f //= 1; f /= 4
print(f)
try:
    undefined_aug += 1
except NameError as e:
    print("NameError:", e)
for src in ["a, b += 1", "[a] += 1", "f() += 1"]:
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)

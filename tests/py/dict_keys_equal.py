# Keys that compare equal share a slot; custom __hash__/__eq__ keys.
d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
print(d, len(d))
d2 = {0: "a", False: "b", 0.0: "c", -0.0: "d", 0j: "e"}
print(d2)
class Key:
    def __init__(self, name):
        self.name = name
    def __hash__(self):
        return hash(self.name.lower())
    def __eq__(self, other):
        return isinstance(other, Key) and self.name.lower() == other.name.lower()
    def __repr__(self):
        return "Key(%r)" % self.name
k = {Key("Abc"): 1}
k[Key("ABC")] = 2
k[Key("xyz")] = 3
print(k, Key("aBC") in k, Key("q") in k)
class Collide:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 42
    def __eq__(self, other):
        return self.v == other.v
    def __repr__(self):
        return "C%d" % self.v
c = {Collide(i): i for i in range(10)}
print(c, c[Collide(7)], len(c))
del c[Collide(3)]
print(list(c.values()), Collide(3) in c)
nan = float("nan")
n = {nan: 1}
print(n.get(nan), n.get(float("nan")))
print({"a": 1}.get("a"), {(1, (2, 3)): "nested"}[(1, (2, 3))])

# Printing sets of strings and ints whose iteration order depends on the hash.
print(set("abcdefghijklmnopqrstuvwxyz"))
print(set(["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]))
print({str(i) for i in range(20)})
print({i * 1000003 for i in range(-10, 10)})
print({2 ** i for i in range(70)})
print({-i for i in range(30)})
s = set()
for w in "the quick brown fox jumps over the lazy dog".split():
    s.add(w)
print(s)
for w in ["the", "fox", "dog"]:
    s.remove(w)
print(s)
s.update(["cat", "emu", "gnu"])
print(s)
print(frozenset("python"), {b"a", b"b", b"cd"})
print(list({"k1": 1, "k2": 2}.keys() | {"k3"}))
print({"b", "a"} | {"c"}, {1, 2, 3} ^ {3, 4, 5})

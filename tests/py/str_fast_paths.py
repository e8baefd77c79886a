# The str methods' fast paths (exact types, ASCII caches, short-needle search) agree
# with the general paths: subclasses, odd tables, surrogates, identity of results.

class S(str):
    pass

class D(dict):
    def __missing__(self, k):
        return ord("#") if k == ord("z") else None

class M:
    def __getitem__(self, k):
        if k == ord("q"):
            raise LookupError
        return k + 1

s = "alpha Beta, gamma, caf\u00e9 na\u00efve, zeta, zz"
t = {ord("a"): "AA", ord("e"): None, ord("z"): 0x1F600, ord("\u00e9"): ord("E")}
print(s.translate(t))
print(s.translate(t))
print(s.translate(D({ord("a"): "A"})))
print("qrs".translate(M()))
print(S("abc").translate({97: 98}), type(S("abc").translate({})).__name__)
try:
    "abc".translate({97: 1.5})
except TypeError as e:
    print("TypeError", e)

# join over lists, tuples, subclasses, generators, errors
print("|".join(["a", "b", "c"]), "|".join(("x",)), repr("|".join([])), "-".join([S("q"), "r"]))
one = S("solo")
print(type("|".join([one])).__name__, type("|".join(["solo"])).__name__)
w = "x"
print("|".join([w]) is w, ", ".join(x.upper() for x in "abc"))
print(S(", ").join(["a", "b"]), type(S(", ").join(["a", "b"])).__name__)
for bad in (["a", 1], ("a", None)):
    try:
        "|".join(bad)
    except TypeError as e:
        print("TypeError", e)
sur = "\ud800"
print(ascii("|".join(["a", sur])), ascii(sur.join(["a", "b"])))

# split, rsplit, count, find and partition with short and long needles
for sep in (", ", ",", "a", "zz", "caf\u00e9", "not there"):
    print(sep, s.split(sep), s.split(sep, 1), s.rsplit(sep, 1), s.count(sep), s.find(sep), s.rfind(sep))
    print(s.partition(sep), s.rpartition(sep))
long = "ab" * 3000 + "needle" + "ab" * 10
print(long.find("needle"), long.rfind("ab"), long.count("ab"), len(long.split("needle")))
print(s.find("a", 3), s.find("a", 3, 5), s.rfind("a", 0, 10), s.index("gamma"), s.count("a", 10))
p = "abc"
print(p.partition("b")[1] is not None, p.partition("x")[0] == p, p.rpartition("x")[2] == p)

# strip and padding return the str itself when nothing changes
x = "word"
print(x.strip() is x, x.lstrip("q") is x, x.rstrip("dr"), x.center(2) is x, x.ljust(3) is x, x.zfill(4) is x)
print(S("  y ").strip(), type(S("y").strip()).__name__, type(S("y").center(1)).__name__)
print(repr("-5".zfill(5)), repr("+ab".zfill(6)), repr("\u00e9".center(6, "\u00b7")), repr("ab".rjust(5, "*")))
ab = "a b"
print(repr(ab.replace("z", "y")), ab.replace("z", "y") is ab, "aaa".replace("a", "b", -1), "aaa".replace("a", "b", 2))
print(len("x"), len(S("xy")), len([1, 2]), isinstance(x, str))

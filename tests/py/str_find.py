# find/rfind/index/rindex/count with ranges.
s = "abracadabra"
for sub in ["a", "bra", "cad", "z", "", "abracadabra", "abracadabrax"]:
    print(repr(sub), s.find(sub), s.rfind(sub), s.count(sub), s.find(sub, 2), s.rfind(sub, 0, 8),
          s.find(sub, -4), s.count(sub, 1, -1), s.find(sub, 20), s.count(sub, 5, 2))
print(s.index("c"), s.rindex("a"), s.index("a", 1), s.rindex("a", 0, -1))
for args in [("z",), ("a", 11), ("bra", 2, 5)]:
    try:
        s.index(*args)
    except ValueError as e:
        print("ValueError:", e)
    try:
        s.rindex(*args)
    except ValueError as e:
        print("ValueError:", e)
print("".find(""), "".count(""), "abc".count(""), "abc".find("", 3), "abc".find("", 4), "abc".rfind(""))
print("日本語日本".find("本"), "日本語日本".rfind("本"), "😀a😀".count("😀"))
print("a" in "abc", "" in "abc", "ac" in "abc", "abc" not in "ab")
try:
    1 in "abc"
except TypeError as e:
    print("TypeError:", e)
print(s.find("a", None, None), s.find("a", True))

# replace with counts, empty patterns.
s = "the cat sat on the mat with the hat"
print(s.replace("the", "THE"), s.replace("the", "a", 1), s.replace("the", "", 2), s.replace("zzz", "y"))
print(s.replace("at", "AT", 0), s.replace("at", "AT", -1))
print("abc".replace("", "-"), "abc".replace("", "-", 2), "".replace("", "x"), "".replace("a", "b"))
print("aaaa".replace("aa", "b"), "aaa".replace("a", "aa"), "日本日本".replace("日", "月"))
print("x".replace("x", "😀" * 3))
print(s.replace(old="the", new="a") if False else s.replace("cat", "dog", count=1) if False else "ok")
try:
    "a".replace("a")
except TypeError as e:
    print("TypeError:", e)
try:
    "a".replace(1, "b")
except TypeError as e:
    print("TypeError:", e)
print(b"aXbXc".replace(b"X", b"--"), bytearray(b"hello").replace(b"l", b"L", 1))

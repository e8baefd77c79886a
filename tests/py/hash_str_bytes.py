# hash() of str and bytes (deterministic with PYTHONHASHSEED=0).
for s in ["", "a", "b", "ab", "abc", "hello", "hello world", "é", "☃", "😀", "日本語", "a" * 100, "\x00"]:
    print(repr(s), hash(s))
for b in [b"", b"a", b"ab", b"abc", b"hello", b"\x00\xff", b"x" * 50]:
    print(repr(b), hash(b))
print(hash("abc") == hash(b"abc"), hash("") == 0, hash(b"") == 0)
print(hash("a" + "bc") == hash("abc"), hash(memoryview(b"abc")) == hash(b"abc"))

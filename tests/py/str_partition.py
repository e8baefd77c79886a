# partition and rpartition.
for s in ["key=value", "key=value=more", "novalue", "=start", "end=", ""]:
    print(repr(s), s.partition("="), s.rpartition("="))
print("a->b->c".partition("->"), "a->b->c".rpartition("->"))
print("日本語".partition("本"))
try:
    "abc".partition("")
except ValueError as e:
    print("ValueError:", e)
try:
    "abc".partition(None)
except TypeError as e:
    print("TypeError:", e)
print(b"k:v".partition(b":"), b"a:b:c".rpartition(b":"), b"x".partition(b":"))

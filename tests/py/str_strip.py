# strip family and removeprefix/removesuffix.
cases = ["  hi  ", "\t\n hi \r\x0b\x0c", "xxhixx", "", "   ", "\u3000hi\u00a0", "hi"]
for s in cases:
    print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip("x")), repr(s.strip(" h")))
print("www.example.com".strip("cmowz."), "mississippi".rstrip("ips"), "abcba".lstrip("ab"))
print("abc".strip(None), "abc".strip(""))
print("prefix_body".removeprefix("prefix_"), "prefix_body".removeprefix("x"), "body.py".removesuffix(".py"),
      "body.py".removesuffix(".txt"), "aaa".removeprefix("a"), "".removesuffix(""))
try:
    "abc".strip(1)
except TypeError as e:
    print("TypeError:", e)
print(b"  x  ".strip(), b"xxyxx".strip(b"x"), bytearray(b" y ").lstrip())

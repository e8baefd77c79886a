# Non-ASCII strings: length, indexing, slicing, iteration, ord/chr.
s = "héllo wörld ☃ 日本語 😀!"
print(s, len(s))
print([s[i] for i in range(len(s))])
print(s[0], s[1], s[-1], s[-2], s[12], s[14:17], s[::-1], s[::2], s[-5:-1])
print([ord(c) for c in s])
print("".join(chr(ord(c) + 1) for c in "abc☃"))
print(s.encode("utf-8"), len(s.encode("utf-8")))
print(s.encode("utf-8").decode("utf-8") == s)
print("😀".encode("utf-16-le"), "😀".encode("utf-32-be"))
print(s.find("☃"), s.index("日"), s.count("l"), "ö" in s, "😀!" in s)
print(s.upper(), s.title())
print(chr(0), repr(chr(0)), chr(0x10FFFF) == "\U0010ffff", len("\U0001F600"))
print("\N{GREEK SMALL LETTER ALPHA}\N{SNOWMAN}", "\u00e9" == "é", "\x41")
print(sorted("zébra☃a"), max("日本"), min("aé"))
print("ü" < "z", "z" < "ä", "Ω" > "a")
try:
    chr(0x110000)
except ValueError as e:
    print("ValueError:", e)
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
try:
    ord("")
except TypeError as e:
    print("TypeError:", e)
try:
    s[100]
except IndexError as e:
    print("IndexError:", e)
for i, c in enumerate("añ😀"):
    print(i, c, hex(ord(c)))
print("e\u0301", len("e\u0301"), "ﬁ".upper(), len("ﬁ".upper()))

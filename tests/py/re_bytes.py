# re on bytes: bytes patterns on bytes, bytearray and memoryview subjects, LOCALE flag,
# results are bytes, and str/bytes mismatches are TypeErrors
import re

p = re.compile(rb"(\w+)=(\d+)")
for subj in (b"a=1 bb=22", bytearray(b"a=1 bb=22"), memoryview(b"xa=1 bb=22")[1:]):
    m = p.search(subj)
    print(type(subj).__name__, m.group(), m.groups(), type(m.string).__name__, p.findall(subj))
    try:
        print(p.sub(rb"\2:\1", subj), end=" ")
    except AttributeError as e:
        print("AttributeError:", e, end=" ")
    print(p.split(subj), p.subn(b"X", subj), p.sub(lambda m: m.group(2), subj))
print(re.findall(rb"[\x80-\xff]+", b"ab\xe9\xff c"), re.findall(rb"\w", b"a\xe9", re.L))
print(re.findall(rb"(?i)\xc9", b"\xe9\xc9"), re.findall(rb"(?iL)\xc9", b"\xe9\xc9"))
print(re.findall(b"(?i)[a-c]+", b"ABCabc"), re.findall(b"(?iL)[a-c]+", b"ABCabc"))
print(re.findall(rb"\s+", b"a \x1c\tb"), re.findall(rb"\d", b"1\xb2"))
print(re.sub(b"a", lambda m: b"<" + m.group() + b">", b"banana"))
print(re.sub(b"a", lambda m: bytearray(b"#"), b"aa"), re.sub(b"(a)", rb"\1\1", bytearray(b"xa")))
print(re.match(b"x", memoryview(b"xyz")).string.tobytes())
print(re.compile(b"a").pattern, re.compile(b"(?P<n>a)").groupindex)
print(re.escape(b"a.b*c"), re.escape("a.b*c\u00e9 "))

for pat, subj in ((b"a", "a"), ("a", b"a"), ("a", bytearray(b"a")), (b"a", 5), ("a", None)):
    try:
        re.search(pat, subj)
    except TypeError as e:
        print("TypeError:", e)
for call in (lambda: re.sub(b"a", "x", b"bab"), lambda: re.sub("a", lambda m: 5, "bab"),
             lambda: re.sub(b"a", lambda m: "x", b"bab"), lambda: re.sub("a", b"x", "a"),
             lambda: re.compile("(?L)a"), lambda: re.compile(b"(?u)a"), lambda: re.compile(b"a", re.A | re.L)):
    try:
        print(call())
    except (TypeError, ValueError, re.error) as e:
        print(type(e).__name__ + ":", e)

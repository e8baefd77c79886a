# _sre itself: constants, code size, the case functions over every code point (checksums
# against CPython's Unicode 14 data), and patterns made from hand-written code
import _sre, sys

print(_sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS, _sre.getcodesize(), repr(_sre.copyright))
print(sorted(n for n in dir(_sre) if not n.startswith("__")))
print(_sre.ascii_iscased(ord("a")), _sre.ascii_iscased(ord("1")), _sre.ascii_iscased(0xe9))
print(_sre.unicode_iscased(0xe9), _sre.unicode_iscased(0xdf), _sre.unicode_iscased(0x1c4), _sre.unicode_iscased(0x2160))
print(_sre.ascii_tolower(ord("A")), _sre.ascii_tolower(0xc9), _sre.unicode_tolower(0xc9), _sre.unicode_tolower(0x130))
print(_sre.unicode_tolower(-1), _sre.unicode_tolower(0x110000), _sre.ascii_tolower(2**31 - 1))
for bad in (2**31, "a", 1.5):
    try:
        _sre.ascii_tolower(bad)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
try:
    _sre.unicode_iscased()
except TypeError as e:
    print("TypeError:", e)

lower = cased = 0
for c in range(0x110000):
    lower = (lower * 31 + _sre.unicode_tolower(c)) % 1000000007
    if _sre.unicode_iscased(c):
        cased += c
print("unicode_tolower checksum", lower, "iscased sum", cased)
print(sum(c for c in range(256) if _sre.ascii_iscased(c)), sum(_sre.ascii_tolower(c) for c in range(256)))

# hand-written code: LITERAL 'a', then SUCCESS
p = _sre.compile("a", 0, [16, 97, 1], 0, {}, ())
print(p, p.match("ab"), p.search("ba"), p.groups, p.groupindex)
# MARK 0, LITERAL 'b', MARK 1, SUCCESS with a named group
q = _sre.compile(None, 0, [17, 0, 16, 98, 17, 1, 1], 1, {"g": 1}, (None, "g"))
m = q.search("abc")
print(q, m.span(), m.group("g"), m.lastgroup, q.pattern)
# pattern None is neither str nor bytes: both kinds of subject are accepted
print(q.search(b"abc").group(1))

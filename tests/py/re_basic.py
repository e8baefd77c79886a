# re: match, search, fullmatch, findall, finditer, split, sub/subn on str, with pos/endpos,
# empty matches, the flags, and the reprs of patterns and matches
import re

p = re.compile(r"(\w+)@(\w+)\.com")
s = "mail alice@example.com or bob@test.com now"
print(p.search(s))
print(p.match(s), p.match(s, 5))
print(p.fullmatch(s), p.fullmatch("x@y.com"))
print(p.findall(s))
print([m.span() for m in p.finditer(s)])
print(p.split(s))
print(p.sub(r"<\2:\1>", s))
print(p.subn("X", s))
print(p.search(s, 6), p.search(s, 0, 21), p.search(s, 0, 22))
print(p.search(s, -5), p.search(s, 100), p.match(s, 5, 2))

# module-level functions go through the cache
print(re.search("b+", "abbbc").group(), re.match("a", "ba"), re.fullmatch("a|ab", "ab"))
print(re.findall(r"\d+", "a1b22c333"), re.findall(r"(\d)(\w)", "1a2b3"), re.findall("(a)|b", "ab"))
print(re.split(r"\W+", "Words, words, words."), re.split(r"(\W+)", "Words, words."))
print(re.split(r"\W+", "Words, words, words.", 1), re.split("x*", "axbc"), re.split("(?:)", "abc"))
print(re.split(r"\b", "a b"), re.split("^", "a\nb", flags=re.M))

# empty matches and must-advance
print(re.findall("x*", "axxb"), [m.span() for m in re.finditer(r"\b", "ab cd")])
print(re.sub("x*", "-", "abxd"), re.sub("", "-", "abc"), re.subn("(?:)", "+", ""))
print(re.findall("^", "a\nb\n", re.M), re.findall("$", "a\nb\n", re.M), re.findall("$", "a\nb\n"))

# flags
print(re.findall("a.c", "abc a\nc", re.S), re.findall("a.c", "abc a\nc"))
print(re.findall("^x", "x\nx", re.M), re.findall(r"(?m)x$", "x\nx"))
print(re.findall("HELLO", "hello Hello", re.I), re.findall("(?i)straße", "STRASSE strasse STRAßE"))
print(re.findall(r"""a   # an a
  b+  # some bs
""", "abbb ab", re.X))
print(re.findall(r"\w+", "héllo wörld", re.A), re.findall(r"\w+", "héllo wörld"))
print(re.findall(r"\d", "1\u0663٣", re.A), re.findall(r"\d", "1\u0663"))
print(re.findall(r"\s", "a\x1cb c", re.A), re.findall(r"\s", "a\x1cb c"))

# reprs
print(repr(re.compile("a")), repr(re.compile("a", re.I | re.S)), repr(re.compile(b"a", re.L)))
print(repr(re.compile("a", re.U)), repr(re.compile("a", re.X | re.M | re.A)))
print(repr(re.compile("x" * 300))[:40], len(repr(re.compile("x" * 300))))
print(re.compile("a", re.DEBUG if False else 0).flags, re.compile(b"a").flags, re.compile("(?i)a").flags)
m = re.search("b+", "a" + "b" * 80)
print(m)
print(re.match("", ""), re.match("é", "éa"), re.match(".", "\U0001f600"))
print(re.match(b"\\x00", b"\x00x"))

# attributes of the pattern
q = re.compile(r"(?P<first>\w)(\d)?(?P<last>\w)")
print(q.pattern, q.flags, q.groups, q.groupindex, type(q.groupindex).__name__)
print(re.compile("a").groupindex, type(re.compile("a").groupindex).__name__)
print(q == re.compile(r"(?P<first>\w)(\d)?(?P<last>\w)"), q != re.compile("a"), q == "x")
print(hash(q) == hash(re.compile(r"(?P<first>\w)(\d)?(?P<last>\w)")))
print(type(q).__name__, type(q).__module__, type(q.match("ab")).__name__, type(q.match("ab")).__module__)
print(re.Pattern, re.Match, re.Pattern[str], re.Match[bytes])
import copy
print(copy.copy(q) is q, copy.deepcopy(q) is q)
m = q.match("ab")
print(copy.copy(m) is m, copy.deepcopy(m) is m, bool(m))

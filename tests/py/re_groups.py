# re.Match: group by number and name, several at once, groups/groupdict with defaults,
# start/end/span, lastindex/lastgroup, regs, string/re/pos/endpos, m[g], expand
import re

p = re.compile(r"(?P<y>\d{4})-(?P<m>\d\d)(?:-(?P<d>\d\d))?( T)?")
m = p.search("on 2024-05 then", 1, 12)
print(m, m.group(), m.group(0), m.group(1), m.group("m"), m.group(1, "m", 0))
print(m.groups(), m.groups("-"), m.groupdict(), m.groupdict(0))
print(m.start(), m.end(), m.span(), m.start(2), m.end("y"), m.span("d"), m.start(3), m.end(4))
print(m.lastindex, m.lastgroup, m.regs)
print(m.string, m.re is p, m.pos, m.endpos)
print(m[0], m[1], m["m"], m["d"])
print(m.expand(r"\2/\1 \g<y>\g<0>"), m.expand(r"[\g<d>]"))
print(m.group(True), m.group(False))

m = re.match(r"(a)(b)?(c)(?P<n>d)?", "acx")
print(m.lastindex, m.lastgroup, m.groups(), m.groupdict("?"), m.regs)
print(re.match("(a)|(b)", "b").lastindex, re.match("(?P<x>a)|(?P<y>b)", "b").lastgroup)
print(re.match("((a)b)", "ab").lastindex, re.match("(a(b))", "ab").lastindex)
print(re.match("(?:(a)|b)*", "ab").groups(), re.match("(a)*", "aaa").span(1))
print(re.match("(a|(b))+", "ab").groups(), re.match("(?:(a)|(b))+", "ab").groups())

for bad in (5, -1, "zz", 2**80, 1.5):
    try:
        print(m.group(bad))
    except IndexError as e:
        print("IndexError:", e)
for bad in ([], {}):
    try:
        m.group(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    m.start(10)
except IndexError as e:
    print("IndexError:", e)
try:
    re.match("(a)", "a").group(1, 2)
except IndexError as e:
    print("IndexError:", e)

class Index:
    def __index__(self):
        return 1
print(re.match("(x)(y)", "xy").group(Index()), re.match("(x)(y)", "xy").span(Index()))

# named groups, groupindex and duplicates through (?P=name)
q = re.compile(r"(?P<w>\w+) (?P=w)")
print(q.search("hello hello world").groupdict(), q.search("a b"), q.groupindex)
# group(...) on a str subclass subject returns str
class S(str):
    pass
m = re.match("(a)b", S("abc"))
print(type(m.group()).__name__, type(m.group(1)).__name__, type(m.string).__name__)
s = "whole"
print(re.match("whole", s).group() is s, re.fullmatch(".*", s).group(0) is s)

# re: errors of the pattern compiler (re.error with position, line and column), bad
# arguments to Pattern and Match methods (CPython's TypeError/ValueError messages),
# and the _sre.compile checks
import re, _sre

for pat in ("(", ")", "[a", "a**", "*", "(?P<1>a)", "(?P<a>x)(?P<a>y)", r"\1", "a{2,1}", "(?<=a+)b",
            "(?z)", r"\p", "[z-a]", "(?P=nope)", "a\n(", "(?i", "x{99999999999}", "(?(2)a|b)",
            "(?#comment", "[]", "(?'x')", "a|*", "(?<!a|bc)", "(?P<a-b>x)"):
    try:
        re.compile(pat)
        print(repr(pat), "compiles")
    except re.error as e:
        print(repr(pat), "error:", e, "|", e.msg, e.pos, e.lineno, e.colno)
    except (OverflowError, ValueError) as e:
        print(repr(pat), type(e).__name__, e)

p = re.compile("(a)(?P<n>b)?")
m = p.match("a")
tests = [
    lambda: p.match(), lambda: p.match("a", x=1), lambda: p.match("a", 1, 2, 3), lambda: p.match("a", "b"),
    lambda: p.match("a", 1.5), lambda: p.match("a", 2**70), lambda: p.search(b"a"), lambda: p.findall(5),
    lambda: p.split("a", "x"), lambda: p.finditer(None), lambda: p.scanner([]), lambda: p.fullmatch(),
    lambda: p.__copy__(1), lambda: p.__deepcopy__(), lambda: m.__deepcopy__(1, 2), lambda: m.__copy__(1),
    lambda: m.group(x=1), lambda: m.start(1, 2), lambda: m.start(group=1), lambda: m.groups(1, 2),
    lambda: m.groupdict(5), lambda: m.span("zz"), lambda: m.expand(5), lambda: p.scanner("a").match(1),
    lambda: re.Pattern(), lambda: re.Match(), lambda: type(p.scanner(""))(), lambda: p.match(s="a"),
    lambda: re.compile(p, re.I), lambda: re.compile(5), lambda: re.purge(1), lambda: p.sub("a", "b", x=1),
    lambda: p.sub("a", "b", 1, repl=2), lambda: p.split("a", 1, 2), lambda: m.groups(default=1, x=2),
]
for t in tests:
    try:
        print(repr(t()))
    except (TypeError, ValueError, IndexError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
try:
    class P(re.Pattern):
        pass
except TypeError as e:
    print("TypeError")
try:
    p.x = 1
except AttributeError as e:
    print("AttributeError")

for args in ((None, 0, [1], 0, {}, ()), ("a", "x", [1], 0, {}, ()), ("a", 0, (1,), 0, {}, ()),
             ("a", 0, [1.5], 0, {}, ()), ("a", 0, [-1], 0, {}, ()), ("a", 0, [2**32], 0, {}, ()),
             ("a", 0, [2**64], 0, {}, ()), ("a", 0, [5], 0, {}, ()), ("a", 0, [1], -1, {}, ()),
             ("a", 0, [1], 0, [], ()), ("a", 0, [1], 0, {}, []), (5, 0, [1], 0, {}, ()),
             ("a", 0, [17, 3, 1], 0, {}, ()), ("a", 0, [17, 1, 1], 0, {}, ()), ("a", 0, [], 0, {}, ()),
             ("a", 0, [24, 6, 0, 4294967295, 16, 97, 1, 1], 0, {}, ()),
             ("a", 0, [24, 60, 0, 4294967295, 16, 97, 1, 1], 0, {}, ()), ("a", 0, [7, 0, 1], 0, {}, ())):
    try:
        print(_sre.compile(*args))
    except (TypeError, OverflowError, RuntimeError) as e:
        print(type(e).__name__ + ":", e)
try:
    _sre.compile()
except TypeError as e:
    print("TypeError:", e)

# str.format: positional, keyword, indexing, attributes, conversions, nesting.
class P:
    x = 3
    y = [10, 20]
    def __format__(self, spec):
        return "P(" + spec + ")"
    def __repr__(self):
        return "P!"
    def __str__(self):
        return "p-str"
print("{} {} {}".format(1, "a", 2.5), "{0}{1}{0}".format("ab", "cd"), "{a}-{b}".format(a=1, b=2))
print("{0[1]} {0[0]} {1[key]} {2.x} {2.y[1]}".format([5, 6], {"key": "v"}, P()))
print("{!r} {!s} {!a} {}".format(P(), P(), "é", P()), "{:spec}".format(P()))
print("{{literal}} {}".format(1), "{:>{w}}|".format("x", w=5), "{:{f}{a}{w}.{p}f}".format(3.14159, f="*", a="^", w=10, p=2))
print("{0:>5}{1:<5}|{2:^5}|".format(1, 2, 3), "{:,}".format(1234567), "{:_b}".format(255))
print("{:%}".format(0.25), "{:.1%}".format(1 / 3), "{:e}".format(1234.5), "{:x}".format(3054))
print("{0!r:>10}".format("hi"), "{:s}".format("str"), "{:10}|".format("left"), "{:10}|".format(12))
print("{:#x} {:#o} {:#b}".format(255, 8, 5), "{:+} {:+} {: }".format(1, -1, 1))
print("{}".format([1, "a"]), "{}".format({"k": (1,)}), "{}".format(None))
print("{0}".format(*["only"]), "{x}".format(**{"x": "kw"}))
print("{:c}".format(9731), "{:=^11}".format(" mid "), "{:08.3f}".format(-3.14159))
print(format("abc", "^9"), format("abc", ".1"), format(None, ""), format([1], ""))
errors = ["{", "}", "{0", "{1}", "{a}", "{0[}", "{!x}", "{:d}", "{0!}", "{0:{1:{2}}}", "{:,s}", "{} {0}", "{0} {}", "{.nope}"]
for fmt in errors:
    try:
        print(fmt.format("s"))
    except (ValueError, IndexError, KeyError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
print("{0:{1}}".format(5, "03"))
print("{[0]}".format("xyz"), "{0[-1]}".format({"-1": "neg"}))
print("{:<{}}|".format("a", 4), "{:>{}}|".format("b", 3))
print("{a.x}".format(a=P), "{!s:>8}".format(P()))
print("{}".format_map({}) if False else "{k}".format_map({"k": "mapped"}))
class D(dict):
    def __missing__(self, k):
        return "<" + k + ">"
print("{a} {b}".format_map(D(a=1)))

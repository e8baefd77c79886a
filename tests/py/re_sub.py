# re.sub/subn: template expansion (numbered, named, \g<0>, octal and character escapes),
# callable replacements (None drops nothing, non-str is refused when joining), counts,
# empty matches, and the identity of unchanged results
import re

s = "John Smith, Jane Doe"
print(re.sub(r"(\w+) (\w+)", r"\2 \1", s), re.sub(r"(?P<f>\w+) (?P<l>\w+)", r"\g<l>, \g<f>", s))
print(re.sub(r"(\w+)", r"[\g<0>]", "a b"), re.sub("a", r"\n\t\\", "xa"), re.sub("a", r"\0\101\07", "a"))
print(re.sub("(a)", r"\1\1", "banana", count=2), re.subn("a", "o", "banana", 1), re.sub("a", "o", "banana", 0))
print(re.sub("a", "o", "banana", -1), re.subn("q", "x", "banana"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "a1b22c333"))
print(re.sub("(a)|(b)", lambda m: m.group(1) or m.group(2).upper(), "abcab"))
print(re.sub("x", lambda m: None if False else "", "axbx"))
print(re.compile("o").sub("0", "foo boo"), re.compile("o").subn(lambda m: "0", "foo", 1))
print(re.sub("(?=b)", "^", "abab"), re.sub("a*", "-", "baaac"), re.sub("(?:)", "/", "ab"))
print(re.sub(r"(a)?b", r"[\1]", "b ab"))
print(re.sub(r"(?P<x>a)", r"\g<x>\g<1>", "a"))
print(re.sub("é", "e", "café é"), re.sub("\U0001f600", ":)", "hi \U0001f600!"))

unchanged = "nothing here"
print(re.sub("zzz", "y", unchanged) is unchanged, re.sub("nothing here", lambda m: unchanged, unchanged) is unchanged)

for repl in (r"\3", r"\g<nope>", r"\g<1x>", r"\g<", r"\q", "\\", r"\g<-1>", 5):
    try:
        print(re.sub("(a)", repl, "a"))
    except (re.error, IndexError, TypeError) as e:
        print(type(e).__name__ + ":", e)
for bad in (lambda m: 5, lambda m: b"x"):
    try:
        re.sub("a", bad, "bab")
    except TypeError as e:
        print("TypeError:", e)
calls = []
try:
    re.sub("a", lambda m: calls.append(m.start()) or 7, "aXaXa")
except TypeError as e:
    print("TypeError:", e, calls)
def boom(m):
    raise ValueError("from the callback at %d" % m.start())
try:
    re.sub("b", boom, "abc")
except ValueError as e:
    print("ValueError:", e)
try:
    re.compile("a").sub()
except TypeError as e:
    print("TypeError:", e)
try:
    re.compile("a").subn("x")
except TypeError as e:
    print("TypeError:", e)
try:
    re.compile("a").sub("x", "a", "2")
except TypeError as e:
    print("TypeError:", e)
print(re.compile("a").sub(repl="b", string="aa", count=1))
# expand uses the same template rules
m = re.match(r"(?P<a>x)(y)?", "x")
print(repr(m.expand(r"\1-\2-\g<a>")), repr(m.expand(b"a" if False else r"\g<0>")))
try:
    m.expand(r"\5")
except re.error as e:
    print("error:", e)

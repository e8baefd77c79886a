# re: matching that backtracks deeply or repeats many times runs on the engine's own
# stack (no recursion limit, no native stack overflow); long subjects; a scanner's state
import re

s = "ab" * 100000
print(re.match("(?:a|b)*", s).end(), re.match("(a|b)*c", s))
print(re.fullmatch("((ab)*?)*", s).span(), re.match("(?:(a)|b)*?$", s).group(1))
print(len(re.findall("(?:ab)+?", s)), re.search("(?<=a)b$", s).span())
print(re.match(r"(x+x+)+y", "x" * 16))
print(re.match("(" * 90 + "a" + ")" * 90, "a").lastindex)
print(re.match("(?:a{1,3}?){500}", "a" * 600).end(), re.match("(?:a|b){1000,}", s).end())
print(re.match(r"(?=(a+))a*b\1", "aaab"), re.search(r"(a+)$", "a" * 5000 + "b"))
big = "x" * 200000 + "needle" + "y" * 1000
print(re.search("needle", big).span(), re.search("ne+dle", big).span(), re.search("[n]eedle", big).span())
print(len(re.split("x", big)), len(re.sub("y", "zz", big)), re.subn("x{1000}", "", big)[1])
words = " ".join("w%d" % i for i in range(20000))
print(len(re.findall(r"\bw\d+\b", words)), sum(1 for _ in re.finditer(r"\d+", words)))

sc = re.compile(r"(\d+)|(\s+)|([a-z]+)").scanner("12 ab 7x")
print(sc.pattern.pattern, [m.lastindex for m in iter(sc.match, None)], sc.match(), sc.search())
sc = re.compile(r"\d").scanner("a1b2", 1, 3)
print(sc.search(), sc.search(), sc.search())
sc = re.compile("").scanner("ab")
print([m.span() for m in iter(sc.search, None)])
lex = re.Scanner([(r"\d+", lambda s, t: ("N", t)), (r"\s+", None), (r"[a-z]+", lambda s, t: ("W", t))])
print(lex.scan("12 abc 3 ?"))

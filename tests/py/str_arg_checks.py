# str methods' argument checks with CPython's messages (find family, expandtabs, splitlines),
# isprintable of lone surrogates, %c of an object with __index__.
for e in ['"h".expandtabs(42, 42)', '"a".splitlines(42, 42)', '"a".find(1, 2, 3, 4)', '"a".rindex()', '"a".count()', '"%c" % "ab"', '"\\ud800".isprintable()', '"a\\ud800".isprintable()', '"ab".isprintable()', '"".isprintable()', '"h\\tb".expandtabs(4)', '"a\\nb".splitlines(True)', '"abc".__mul__(2)', '"ab".find("b", 0, 5)']:
    try: print(e, repr(eval(e)))
    except TypeError as x: print(e, "TypeError", x)
class PseudoInt:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
print('%c' % PseudoInt(109), '%x' % PseudoInt(109))

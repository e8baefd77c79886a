# __repr__, __str__, __format__.
class Both:
    def __repr__(self):
        return "Both<repr>"
    def __str__(self):
        return "Both<str>"
class ReprOnly:
    def __repr__(self):
        return "ReprOnly()"
class StrOnly:
    def __str__(self):
        return "StrOnly-str"
b, r = Both(), ReprOnly()
print(b, repr(b), str(b), [b], (b,), {b: b}, f"{b}", f"{b!r}", "%s %r" % (b, b), format(b), "{}".format(b))
print(r, str(r), [r], f"{r}")
print(str(StrOnly()), [StrOnly()].__len__())
class Fmt:
    def __format__(self, spec):
        return f"<{spec}>"
print(format(Fmt(), "abc"), f"{Fmt():x>10}", "{:q}".format(Fmt()), f"{Fmt()}")
class DefaultFmt:
    def __str__(self):
        return "dflt"
print(format(DefaultFmt()), f"{DefaultFmt()}", f"{DefaultFmt()!s:>6}")
try:
    format(DefaultFmt(), "x")
except TypeError as e:
    print("TypeError:", e)
class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
class BadStr:
    def __str__(self):
        return None
try:
    str(BadStr())
except TypeError as e:
    print("TypeError:", e)
class SubStr(str):
    pass
class ReturnsSub:
    def __repr__(self):
        return SubStr("sub")
print(repr(ReturnsSub()), type(repr(ReturnsSub())).__name__)
class Nested:
    def __init__(self, items):
        self.items = items
    def __repr__(self):
        return f"Nested({self.items!r})"
print(Nested([Nested(1), "s", Both()]))
class Money:
    def __init__(self, v):
        self.v = v
    def __format__(self, spec):
        if spec.endswith("$"):
            return "$" + format(self.v, spec[:-1])
        return format(self.v, spec)
m = Money(1234.5)
print(f"{m:,.2f$}", f"{m:>10.1f}", format(m, ""))
print(ascii(Both()), ascii([ReprOnly()]))

# A str subclass's own __str__ is used by %s, format() with an empty spec and f-strings.
class S(str):
    def __str__(self): return '__str__ overridden'
s = S('xxx')
print("%s" % s, "{}".format(s), format(s), f"{s}", str(s), "%r" % s)
class T(str):
    pass
t = T("plain")
print("%s" % t, "{}".format(t), format(t), f"{t}", str(t), type(str(t)).__name__, format(t, ">7"), "{:^9}".format(s))

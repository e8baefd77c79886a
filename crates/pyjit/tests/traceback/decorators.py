def d1(f): return f
def d2(x):
    def inner(f): return f.zzz
    return inner
@d1
@d2(1)
def g(): pass

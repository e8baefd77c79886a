# Bound native methods compare equal when they bind the same object; classmethod/staticmethod
# copy the wrapped function's attributes into their __dict__; property.__set__/__delete__;
# a dict iterator notices keys added after the ones it counted.
d = {1: 1, 2: 2, 3: 3}
try:
    for k in d:
        if k == 1:
            del d[2]
            d[4] = 4
        if k == 4:
            d[5] = 5
            del d[1]
except RuntimeError as e: print(e)
l = [1]
print(l.append == l.append, l.__add__ == l.__add__, [].append == l.append, hash(l.append) == hash(l.append), len == len)
def f(x): "f docstring"
cm = classmethod(f); print(sorted(cm.__dict__)); cm.x = 42; print(cm.x, sorted(cm.__dict__)); del cm.x; print(hasattr(cm, "x"))
sm = staticmethod(None); print(sm.__dict__)
class C:
    def gx(self): return self._x
    def sx(self, v): self._x = v
    x = property(gx, sx)
    y = property(gx)
a = C(); C.x.__set__(a, 100); print(C.x.__get__(a), a._x)
try: C.y.__set__(a, 1)
except AttributeError as e: print(e)
try: C.x.__delete__(a)
except AttributeError as e: print(e)
d = {1: 1}
try:
    for i in d: d[i+1] = 1
except RuntimeError as e: print(e)
it = iter({1: 2, 3: 4}); next(it); print(it.__length_hint__())

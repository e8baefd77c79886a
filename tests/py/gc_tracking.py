# gc module: is_tracked, thresholds, garbage and callbacks lists
import gc
class A: pass
key = A()
for d in ({}, {'a': 1}, {key: 'val'}, {1: (2, key)}):
    print(gc.is_tracked(d), gc.is_tracked(d.copy()))
print([gc.is_tracked(x) for x in (1, 1.5, "s", b"b", None, True, (1, 2), (1, []), [], A, A(), gc)])
t = gc.get_threshold()
gc.set_threshold(1, 0, 0)
print(gc.get_threshold())
gc.set_threshold(*t)
print(gc.get_threshold(), gc.garbage, gc.callbacks)

# _random: MT19937 seeded as CPython seeds it, getrandbits, getstate/setstate, bad arguments
import _random
r = _random.Random(42)
print(r.random(), r.getrandbits(10), r.getrandbits(64), r.getrandbits(100))
r.seed(2**100+7); print(r.random())
r.seed(-5); print(r.random())
r.seed(3.5); print(r.random())
r.seed(0); print(r.random())
st = r.getstate(); print(len(st), st[-1]); a = r.random(); r.setstate(st); print(a == r.random())
for bad in [lambda: r.seed(1,2), lambda: r.getrandbits(-1), lambda: r.getrandbits('a'), lambda: r.setstate(1), lambda: r.setstate((1,)*3), lambda: r.setstate((1,)*624+(625,)), lambda: r.setstate((1,)*624+(-1,)),lambda: r.setstate((-1,)*625), lambda: r.setstate((2**32,)*625),lambda: r.setstate(('a',)*625), lambda: r.seed([1]), lambda: r.random(1), lambda: r.getrandbits(), lambda: r.getrandbits(2**70), lambda: _random.Random(1,2), lambda: _random.Random(x=1)]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
class S(_random.Random): pass
try: S(x=1)
except Exception as e: print(e)
class R(_random.Random):
    def __init__(self, *a, **k): print('init', a, k)
R(1,2,x=1)
print(_random.Random.__new__(_random.Random).random())
print(type(r), _random.Random.__module__)
for seed in (0, 1, 42, 2**32 - 1, 2**32, 2**64 + 5, -(2**100), 12345678901234567890):
    r = _random.Random(seed)
    print(seed, r.random(), r.getrandbits(1), r.getrandbits(31), r.getrandbits(32), r.getrandbits(33), r.getrandbits(65))
r = _random.Random(9)
print([r.getrandbits(k) for k in range(0, 40, 3)])
print(r.getstate()[:3], r.getstate()[-1])
st = list(r.getstate()); st[-1] = 624; r.setstate(tuple(st)); print(r.random())
r.seed(None); x = r.random(); print(0.0 <= x < 1.0)
r.seed(); print(0.0 <= r.random() < 1.0)
r.seed("abc"); a = r.random(); r.seed("abc"); print(a == r.random())
r.seed((1, 2)); a = r.random(); r.seed((1, 2)); print(a == r.random())
r.seed(True); print(r.random())

# float ** for C99's special cases with zero and infinite operands, and NaN hashing by
# identity (also for float subclasses, through float.__hash__).
import operator
INF = float('inf'); NAN = float('nan')
cases = [(0.0, -1), (0.0, -1.0), (-0.0, -1.0), (0.0, -2.0), (0.0, -0.5), (0.0, -INF), (-0.0, -INF),
         (-0.0, -2.0), (-INF, 0.5), (-INF, 3.0), (-INF, -3.0), (-INF, -0.5), (-1.0, INF), (-0.5, INF),
         (-2.0, -INF), (-0.0, 3.0), (-0.0, 0.5), (1.0, NAN), (NAN, 0.0)]
for x, y in cases:
    for op in (pow, operator.pow):
        try:
            print(x, y, op(x, y))
        except ZeroDivisionError as e:
            print(x, y, 'ZeroDivisionError', e)
print(pow(-2.0, 0.5).real < 1e-15)
v = float('nan')
print(hash(v) == object.__hash__(v) == float.__hash__(v))
class H:
    def __hash__(self): return 42
class F(float, H): pass
v = F('nan')
print(hash(v) == object.__hash__(v) == float.__hash__(v))
print(hash(F(1.5)) == hash(1.5))

# code.co_positions() and co_lines(): every entry has the shape CPython gives, the lines
# are the function's, and a traceback's tb_lasti finds the failing expression's columns.
import itertools

def f(a, b):
    x = a + b
    y = (a *
         b)
    return x // y

code = f.__code__
pos = list(code.co_positions())
print(all(len(p) == 4 for p in pos), len(pos) > 0)
lines = sorted({p[0] for p in pos if p[0] is not None and p[0] > 5})  # CPython's RESUME is on line 5
print(lines)
print(all(p[2] is None or (isinstance(p[2], int) and p[2] <= p[3]) for p in pos if p[0] == p[1]))
spans = list(code.co_lines())
print(all(s < e for s, e, _ in spans), spans[0][0], spans[-1][1] == 2 * len(pos))
print(sorted({l for _, _, l in spans if l is not None and l > 5}))
print(all(spans[i][1] == spans[i + 1][0] for i in range(len(spans) - 1)))

try:
    f(1, 0)
except ZeroDivisionError as e:
    tb = e.__traceback__.tb_next
    p = next(itertools.islice(tb.tb_frame.f_code.co_positions(), tb.tb_lasti // 2, None))
    print(p)
try:
    f(None, 1)
except TypeError as e:
    tb = e.__traceback__.tb_next
    p = next(itertools.islice(tb.tb_frame.f_code.co_positions(), tb.tb_lasti // 2, None))
    print(p)
for bad in ((), (1,)):
    try:
        type(code).co_positions(*bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    code.co_lines(1)
except TypeError as e:
    print("TypeError:", e)

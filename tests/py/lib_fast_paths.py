# Fast paths of native library functions agree with their general paths: bisect's
# positional calls and float comparisons, heapq's and operator's argument errors,
# struct's iter_unpack, getrandbits' argument.
import bisect, heapq, operator, random, struct

a = [0.5, 1.0, 1.0, 2.5, float("inf")]
for x in (0.0, 1.0, 2.5, 3.0, float("nan"), -0.0, 1):
    print(x, bisect.bisect(a, x), bisect.bisect_left(a, x), bisect.bisect_right(a, x, 1), bisect.bisect_left(a, x, 1, 3))
print(bisect.bisect_right(a, 1.0, 0, None), bisect.bisect_right([1, 2, 3], 2, -0, 2))
class F(float):
    def __lt__(self, o):
        return True
print(bisect.bisect_right([F(1.0), F(2.0)], F(5.0)), bisect.bisect([F(1.0)], 0.5))
for bad in ((a, 1.0, "x"), (a, 1.0, 0, "y"), (a, 1.0, -1)):
    try:
        bisect.bisect_right(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(bisect.bisect_right(a, 1.0, hi=2), bisect.bisect_left(a, 1.0, key=None))

for f in (heapq.heappush, heapq.heappushpop, heapq.heapreplace):
    try:
        f((), 1)
    except TypeError as e:
        print("TypeError", e)
for f in (heapq.heappop, heapq.heapify):
    try:
        f(())
    except TypeError as e:
        print("TypeError", e)

print(operator.index(5), operator.index(True), type(operator.index(True)).__name__)
for args in ((), (1, 2)):
    try:
        operator.index(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    operator.index(1.5)
except TypeError as e:
    print("TypeError", e)

r = random.Random(5)
print(r.getrandbits(1), r.getrandbits(31), r.getrandbits(32), r.getrandbits(33), r.getrandbits(True))
for bad in (-1, 2**40, 1.0):
    try:
        r.getrandbits(bad)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)

s = struct.Struct("<hB3s")
data = b"".join(s.pack(i, i * 3 % 256, b"abc") for i in range(-2, 3))
it = s.iter_unpack(bytearray(data))
print(it.__length_hint__(), next(it), list(it), it.__length_hint__())
print(list(struct.iter_unpack("<h", memoryview(b"\x01\x00\x02\x00"))))
print([1.5 < 2.5, 2.5 <= 2.5, float("nan") != float("nan"), float("nan") == float("nan")])

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

# sum over exact lists and tuples by index, and the general path
print(sum([1, 2, 3]), sum((1.5, 2.25)), sum([], 7), sum([[1], [2]], []), sum((1, 2), start=10), sum(range(5)))
grow = [1, 2]
class Adder(int):
    def __radd__(self, o):
        if len(grow) < 5:
            grow.append(Adder(1))
        return o + int(self)
grow.append(Adder(1))
print(sum(grow), len(grow))
class L(list):
    def __iter__(self):
        return iter([100])
print(sum(L([1, 2])), sum((x for x in (1, 2))), sum([2 ** 70, 1]), sum([0.1] * 10))
for bad in ((["a"],), (["a"], ""), ([1, "a"],)):
    try:
        sum(*bad)
    except TypeError as e:
        print("TypeError", e)

# unpack_from copies only the record it reads
buf = bytearray(range(16))
print(struct.unpack_from("<H", buf), struct.unpack_from("<H", buf, 14), struct.unpack_from("<H", buf, -2), struct.unpack_from(">I", memoryview(buf), 3))
print(struct.Struct("<b").unpack_from(bytes(buf), offset=-16))
for off in (15, 16, -17, 2 ** 62, -2 ** 62):
    try:
        struct.unpack_from("<H", buf, off)
    except struct.error as e:
        print("error", e)

# comparisons of floats with floats and small ints (exact below 2**53 only), bit_length
vals = [0, 1, -1, 2**53, 2**53 + 1, -2**53 - 1, 2**62, 0.5, -0.0, 1.0, float(2**53), float("nan"), float("inf"), 9007199254740993, True]
rows = []
for x in vals:
    for y in vals:
        rows.append((x < y, x <= y, x > y, x >= y, x == y, x != y, bisect.bisect([x], y), bisect.bisect_left([x], y)))
print(sum(1 << (i % 60) for i, r in enumerate(rows) for b in r[:6] if b) % 1000003, rows[40:44])
print([(n, n.bit_length(), (-n).bit_length()) for n in (0, 1, 5, 2**40, 2**61, 2**62 - 1, 2**62, 2**63, 2**100)])

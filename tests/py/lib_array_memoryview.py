# memoryview over array.array (the buffer protocol of array): format, itemsize, tolist,
# slicing, cast, item and slice assignment through to the array, and the errors of each.
import array
for tc, init in [('b', [1, -2, 3]), ('B', [1, 2, 255]), ('h', [-300, 2]), ('H', [65535]), ('i', [1, 2, 3]),
                 ('I', [4000000000]), ('l', [-2**63]), ('L', [2**64-1]), ('q', [5, -5]), ('Q', [2**63]),
                 ('f', [1.5, -2.25]), ('d', [3.125, 1e300])]:
    a = array.array(tc, init)
    m = memoryview(a)
    print(tc, m.format, m.itemsize, m.nbytes, len(m), m.shape, m.strides, m.readonly, m.ndim, m.obj is a)
    print(' ', m.tolist(), m[0], m[-1], m[::-1].tolist(), m[1:].tolist(), bytes(m) == a.tobytes(), m.tobytes() == a.tobytes())
    print(' ', m == a, m == array.array(tc, init), m.contiguous, m.c_contiguous)
m = memoryview(array.array('i', [1, 2, 3, 4]))
print(m.cast('B').tolist()[:8], m.cast('B').nbytes, m[::2].tolist(), m[::2].contiguous, m[1:3].strides)
b = m.cast('B')
print(b.cast('i').tolist(), b.cast('h').tolist())
try:
    m.cast('h')
except TypeError as e:
    print("TypeError:", e)
a = array.array('i', [1, 2, 3])
m = memoryview(a)
m[0] = 10
m[-1] = -7
print(a.tolist())
m[0:2] = array.array('i', [7, 8])
print(a.tolist())
m[::2] = memoryview(array.array('i', [100, 200]))
print(a.tolist())
for bad in ['x', 2**40, 1.5, None]:
    try:
        m[1] = bad
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
for bad in [b'abcdefgh', array.array('h', [1, 2, 3, 4]), array.array('i', [1])]:
    try:
        m[0:2] = bad
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    m[0:1] = [1]
except TypeError as e:
    print("TypeError:", e)
d = memoryview(array.array('d', [1.5, 2.5]))
d[0] = 3
d[1] = True
print(d.tolist(), d.obj.tolist())
try:
    d[0] = 'a'
except TypeError as e:
    print("TypeError:", e)
bm = memoryview(array.array('b', [0]))
for v in [127, -128, 128, -129]:
    try:
        bm[0] = v
        print(bm[0])
    except ValueError as e:
        print("ValueError:", e)
u = memoryview(array.array('u', 'ab'))
print(u.format, u.itemsize, u.nbytes, len(u))
for f in (lambda: u.tolist(), lambda: u[0]):
    try:
        f()
    except NotImplementedError as e:
        print("NotImplementedError:", e)
try:
    hash(memoryview(array.array('B', [1])))
except ValueError as e:
    print("ValueError:", e)
m = memoryview(array.array('B', [104, 105]))
print(m.tobytes(), m.hex(), bytes(m[::-1]), str(m.tobytes(), 'ascii'))
print(memoryview(array.array('i')).tolist(), len(memoryview(array.array('d'))))
with memoryview(array.array('i', [9])) as mv:
    print(mv[0])
try:
    mv[0]
except ValueError as e:
    print("ValueError:", e)

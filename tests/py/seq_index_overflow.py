# An index beyond Py_ssize_t: IndexError "cannot fit 'int' into an index-sized integer" for
# tuple, list, str, bytes, bytearray, range, memoryview and array items, as in CPython.
import array
big = 2**1000
for obj in [(1,2,3), [1,2,3], "abc", b"abc", bytearray(b"abc"), range(3), memoryview(b"abc"), array.array('i',[1,2,3])]:
    for idx in [big, -big, 2**63, -2**63-1]:
        try:
            obj[idx]
            print("no error")
        except Exception as e:
            print(type(obj).__name__, type(e).__name__ + ":", e)
l = [1,2,3]
for idx in [big, 2**63]:
    try:
        l[idx] = 1
    except Exception as e:
        print("setitem", type(e).__name__ + ":", e)
    try:
        del l[idx]
    except Exception as e:
        print("delitem", type(e).__name__ + ":", e)
for s in [slice(big), slice(-big, big), slice(0, 3, big)]:
    print([1,2,3][s], "abc"[s], (1,2,3)[s])
try:
    [1,2,3][::2**1000 * 0]
except Exception as e:
    print(type(e).__name__ + ":", e)
try:
    "abc" * big
except Exception as e:
    print(type(e).__name__ + ":", e)
try:
    [1].index(1, big)
except Exception as e:
    print(type(e).__name__ + ":", e)
print([1,2,3].index(2, -big, big))

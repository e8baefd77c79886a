# bytearray mutation and methods.
ba = bytearray(b"hello")
print(ba, len(ba), ba[0], ba[-1], ba[1:3], type(ba[1:3]).__name__)
ba[0] = 72
print(ba)
ba[1:3] = b"EY"
print(ba)
ba[1:3] = b"ABCDE"
print(ba)
ba[::2] = b"xxxx"
print(ba)
del ba[0]
print(ba)
del ba[::3]
print(ba)
ba.append(33)
ba.extend(b"??")
ba.extend([1, 2])
print(ba)
ba.insert(0, 64)
ba.insert(-1, 65)
print(ba, ba.pop(), ba.pop(0), ba)
ba.remove(ord("?"))
print(ba)
ba.reverse()
print(ba)
ba += b"++"
ba *= 2
print(ba, ba.count(b"+"), ba.find(b"+"), ba.index(b"+"))
c = ba.copy()
c.clear()
print(c, ba == c, bytearray(3), bytearray([1, 2, 3]), bytearray("é", "utf-8"), bytearray())
for bad in [lambda: ba.__setitem__(0, 256), lambda: ba.__setitem__(0, b"a"), lambda: ba.remove(200),
            lambda: bytearray().pop(), lambda: ba.__setitem__(100, 1), lambda: ba.append(-1), lambda: ba.__setitem__(slice(0, 4, 2), b"a"),
            lambda: hash(ba)]:
    try:
        print(bad())
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__ + ":", e)
x = bytearray(b"abc")
y = x
y += b"d"
print(x, x is y)
print(bytearray(b"hello world").upper(), bytearray(b"a,b").split(b","), bytearray(b"hi").hex(), bytearray.fromhex("6869"))
print(bytearray(b"xyz") + b"1", b"1" + bytearray(b"xyz"), type(b"1" + bytearray(b"x")).__name__)

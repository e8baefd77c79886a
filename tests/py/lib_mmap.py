# mmap: anonymous maps and maps of a file, the file-like methods, item and slice access,
# flush/move/resize/madvise, the buffer protocol, and CPython's errors for each.
import mmap
import os
import tempfile

def err(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__ + ":", e)

print(mmap.error is OSError, mmap.ACCESS_READ, mmap.ACCESS_WRITE, mmap.ACCESS_COPY, mmap.ACCESS_DEFAULT)
print(mmap.PAGESIZE == mmap.ALLOCATIONGRANULARITY, mmap.PAGESIZE % 4096, mmap.MAP_SHARED, mmap.MAP_PRIVATE, mmap.PROT_READ, mmap.PROT_WRITE)

m = mmap.mmap(-1, 16)
print(len(m), m.tell(), m.closed, m[:4], m[0])
err(lambda: m.size())
print(m.write(b"hello world\n"), m.tell())
m.seek(0)
print(m.readline(), m.read(3), m.read(), m.tell())
m.seek(0)
print(m.read_byte(), m.find(b"o"), m.rfind(b"o"), m.find(b"o", 5), m.find(b"zz"), m.find(b""), m.rfind(b"", 3, 6), m.find(b"o", -12, -7))
m[0] = 72
m[6:11] = b"WORLD"
print(m[:12], m[::-1][:6], m[-1], m[1:10:3])
m.move(0, 6, 5)
print(m[:12])
m.seek(-2, 2)
print(m.tell())
m.write_byte(33)
print(m[:], m.tell())
err(lambda: m.write_byte(1))
err(lambda: m.write_byte(300))
err(lambda: m.write(b"xyz"))
err(lambda: m.read_byte())
err(lambda: m.seek(17))
err(lambda: m.seek(-1))
err(lambda: m.seek(0, 3))
err(lambda: m[16])
err(lambda: m["a"])
err(lambda: m.__setitem__(0, 256))
err(lambda: m.__setitem__(0, "a"))
err(lambda: m.__setitem__(slice(0, 2), b"abc"))
err(lambda: m.move(10, 0, 7))
err(lambda: m.flush(1, 100))
print(m.flush())
print(bytes(memoryview(m)[:5]), memoryview(m).readonly, len(memoryview(m)))
mv = memoryview(m)
mv[0] = ord("J")
del mv
print(m[:5], bytes(m)[:5], m[:].count(b"l"))
m.resize(32)
print(len(m), m[:16] == bytes(m)[:16], m[16:20])
err(lambda: m.madvise(mmap.MADV_NORMAL))
err(lambda: m.madvise(mmap.MADV_NORMAL, 100))
print(list(m[:3]), [b for b in m][:3])
with m:
    print(m.closed)
print(m.closed)
err(lambda: m.read())
err(lambda: len(m))
err(lambda: m[0])
m.close()

# a file
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, "f.bin")
    with open(p, "wb") as f:
        f.write(b"0123456789abcdef" * 512)
    with open(p, "r+b") as f:
        fm = mmap.mmap(f.fileno(), 0)
        print(len(fm), fm.size(), fm[:10], fm.find(b"f0"), fm.rfind(b"0123"))
        fm[:4] = b"ABCD"
        fm.flush()
        fm.close()
    with open(p, "rb") as f:
        print(f.read(6))
    with open(p, "rb") as f:
        r = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        print(r[:6], memoryview(r).readonly)
        err(lambda: r.write(b"x"))
        err(lambda: r.__setitem__(0, 1))
        err(lambda: r.resize(10))
        err(lambda: r.move(0, 1, 1))
        print(r.flush())
        r.close()
        c = mmap.mmap(f.fileno(), 4096, access=mmap.ACCESS_COPY, offset=4096)
        c[:4] = b"copy"
        print(c[:6], len(c))
        c.close()
        err(lambda: mmap.mmap(f.fileno(), 10, offset=100))
        err(lambda: mmap.mmap(f.fileno(), 10 ** 6))
        err(lambda: mmap.mmap(f.fileno(), 0, offset=10 ** 6))
        err(lambda: mmap.mmap(f.fileno(), 10, access=9))
        err(lambda: mmap.mmap(f.fileno(), 10, flags=mmap.MAP_PRIVATE, access=mmap.ACCESS_READ))
    with open(p, "rb") as f:
        print(f.read(6))
    with open(p, "r+b") as f:
        w = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_WRITE)
        w.resize(100)
        print(len(w), w.size(), w[:4])
        w.close()
    print(os.path.getsize(p))
    e = os.path.join(d, "empty")
    open(e, "wb").close()
    with open(e, "rb") as f:
        err(lambda: mmap.mmap(f.fileno(), 0))
err(lambda: mmap.mmap(-1, -1))
err(lambda: mmap.mmap(-1, 10, offset=-1))
err(lambda: mmap.mmap(-1, 0))
err(lambda: mmap.mmap(12345, 10))
err(lambda: mmap.mmap("x", 10))
class Sub(mmap.mmap):
    pass
s = Sub(-1, 8)
print(type(s).__name__, len(s), isinstance(s, mmap.mmap))
s.close()

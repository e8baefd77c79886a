# Binary files: FileIO (buffering=0) and BufferedReader/Writer/Random over it.
import io
import os

p = '/tmp/pyjit_io_bin_%d.bin' % os.getpid()


def show(x):
    print(repr(x).replace(p, 'PATH'))


with open(p, 'wb') as f:
    show(f)
    show(f.raw)
    print(f.mode, f.raw.mode, f.name == p, f.writable(), f.readable(), f.seekable())
    print(f.write(b'hello\nworld\n'), f.write(bytearray(b'\x00\xff')), f.write(memoryview(b'xyz')))
    print(f.tell())
print(f.closed, f.raw.closed)
show(f)
show(f.raw)

with open(p, 'rb') as f:
    show(f)
    print(f.read(3), f.tell(), f.peek(2)[:2], f.read1(4), f.readline(), f.readline(2))
    b = bytearray(4)
    print(f.readinto(b), b)
    print(f.read(), f.read(), f.read(5))
    print(f.seek(0), f.readline(), f.seek(-3, 2), f.read(), f.seek(2, 0), f.seek(1, 1), f.read(2))
    try:
        f.write(b'x')
    except io.UnsupportedOperation as e:
        print('UnsupportedOperation', e)
    print(list(f))
    f.seek(0)
    print(list(f))
    f.seek(0)
    print(f.readlines(7))

with open(p, 'r+b') as f:
    show(f)
    print(f.read(2))
    f.write(b'LL')
    print(f.tell(), f.read(3))
    f.seek(0)
    print(f.read())
    f.seek(100)
    f.write(b'!')
    print(f.tell())
    print(f.truncate(8), f.tell())
    f.seek(0)
    print(f.read())

with open(p, 'w+b') as f:
    f.write(b'abcdef')
    f.seek(1)
    print(f.read(2), f.tell())
    f.write(b'XY')
    f.seek(0)
    print(f.read(), f.tell())

with open(p, 'ab') as f:
    print(f.tell())
    f.write(b'++')
with open(p, 'rb') as f:
    print(f.read())

# unbuffered raw file
with open(p, 'rb', buffering=0) as f:
    show(f)
    print(f.read(2), f.readall(), f.read(), f.seek(0), f.readline(), f.tell())
    b = bytearray(3)
    print(f.readinto(b), b, f.closefd, f.fileno() > 2, f.isatty())
    print(f.readlines())
with io.FileIO(p, 'w') as f:
    show(f)
    print(f.write(b'raw bytes'), f.tell(), f.truncate(3), f.tell())
    try:
        f.read()
    except io.UnsupportedOperation as e:
        print('UnsupportedOperation', e)
with io.FileIO(p) as f:
    print(f.read())
for m in ['r+', 'a', 'a+', 'x']:
    try:
        with io.FileIO(p, m) as f:
            print(m, f.mode)
    except OSError as e:
        print(m, type(e).__name__, e.errno)

# buffered classes built by hand
raw = io.FileIO(p, 'w')
w = io.BufferedWriter(raw, buffer_size=4)
w.write(b'ab')
print(os.path.getsize(p))
w.write(b'cdef')
print(os.path.getsize(p))
w.flush()
print(os.path.getsize(p), w.raw is raw)
w.close()
print(raw.closed)
r = io.BufferedReader(io.FileIO(p))
print(r.read(1), r.peek(1)[:1], r.read())
print(r.detach().closed, repr(r))
try:
    r.read()
except ValueError as e:
    print(e)
try:
    io.BufferedReader(io.FileIO(p, 'w'))
except io.UnsupportedOperation as e:
    print('UnsupportedOperation', e)
try:
    io.BufferedWriter(io.FileIO(p), 0)
except (ValueError, io.UnsupportedOperation) as e:
    print(type(e).__name__, e)
try:
    io.BufferedReader(io.FileIO(p), 0)
except ValueError as e:
    print(type(e).__name__, e)

# closed buffered objects
f = open(p, 'rb')
f.close()
for name in ['read', 'read1', 'peek', 'readline', 'seek', 'tell', 'flush', 'fileno']:
    try:
        getattr(f, name)(*([0] if name == 'seek' else []))
        print(name, 'ok')
    except ValueError as e:
        print(name, e)
f = open(p, 'wb')
f.close()
for name in ['write', 'flush', 'seek', 'truncate']:
    try:
        getattr(f, name)(*([b'x'] if name == 'write' else [0] if name == 'seek' else []))
    except ValueError as e:
        print(name, e)

# BufferedRWPair over two raw streams
rf = io.FileIO(p, 'w')
rf.write(b'pair data\nline2\n')
rf.close()
pair = io.BufferedRWPair(io.FileIO(p), io.FileIO(p + '2', 'w'))
print(pair.read(4), pair.peek(1)[:1], pair.readline(), pair.readable(), pair.writable())
print(pair.write(b'out'), pair.closed)
pair.close()
print(pair.closed)
with open(p + '2', 'rb') as f:
    print(f.read())
os.remove(p + '2')
os.remove(p)

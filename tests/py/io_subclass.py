# Subclassing the io classes, and the generic methods of the io base classes.
import io
import os


class Upper(io.StringIO):
    def write(self, s):
        return super().write(s.upper())


u = Upper()
print(u.write('abc\n'), u.getvalue(), isinstance(u, io.StringIO), type(u).__name__)
print('line', file=u)
print(repr(u.getvalue()))
u.extra = 1
print(u.extra, u.__dict__)


class Lines(io.StringIO):
    def readline(self, *args):
        line = super().readline(*args)
        return line.strip() + '|' if line else line


print(list(Lines('a\nb\nc')))


class Init(io.BytesIO):
    def __init__(self, data, tag):
        super().__init__(data)
        self.tag = tag


i = Init(b'bytes', 'T')
print(i.read(), i.tag, repr(i).startswith('<__main__.Init object'))


class NoInit(io.BytesIO):
    def __init__(self):
        pass


n = NoInit()
n.write(b'still works')
print(n.getvalue())


# a raw stream written in Python
class Gen(io.RawIOBase):
    def __init__(self, data):
        self.data = data
        self.pos = 0
        self.calls = 0

    def readable(self):
        return True

    def readinto(self, b):
        self.calls += 1
        chunk = self.data[self.pos:self.pos + min(len(b), 5)]
        b[:len(chunk)] = chunk
        self.pos += len(chunk)
        return len(chunk)


g = Gen(b'hello\nraw world\n')
print(g.read(3), g.read(), g.read(), g.calls)
g = Gen(b'abc\ndef\n')
print(g.readall(), g.closed)
g = Gen(b'abc\ndef\n')
print(g.readline(), list(g))
g.close()
print(g.closed)
try:
    g.read()
except ValueError as e:
    print('ValueError', e)

r = io.BufferedReader(Gen(b'line one\nline two\nthree'), 4)
print(r.read(3), r.readline(), r.peek(1)[:1], r.read())
t = io.TextIOWrapper(io.BufferedReader(Gen('ünï\ncode\n'.encode())), encoding='utf-8')
print(t.readlines())


class Sink(io.RawIOBase):
    def __init__(self):
        self.chunks = []

    def writable(self):
        return True

    def write(self, b):
        self.chunks.append(bytes(b))
        return len(b)


s = Sink()
w = io.BufferedWriter(s, 8)
w.write(b'abc')
w.write(b'defghij')
w.write(b'k')
print(s.chunks)
w.flush()
print(s.chunks)
t = io.TextIOWrapper(io.BufferedWriter(Sink()), encoding='utf-8', line_buffering=True)
t.write('no newline')
print(t.buffer.raw.chunks)
t.write(' and one\n')
print(t.buffer.raw.chunks)


# generic IOBase methods built on readline / write
class Source(io.IOBase):
    def __init__(self, lines):
        self.lines = list(lines)
        self.flushed = 0

    def readline(self, size=-1):
        return self.lines.pop(0) if self.lines else ''

    def flush(self):
        self.flushed += 1
        super().flush()


src = Source(['1\n', '2\n', '3\n'])
with src as f:
    print(f is src, next(f), f.readlines())
print(src.closed, src.flushed)
try:
    iter(src)
except ValueError as e:
    print('ValueError', e)
print(Source(['a\n', 'bb\n', 'c\n']).readlines(2))
for m in ['seek', 'truncate', 'fileno']:
    try:
        getattr(Source([]), m)(*([0] if m == 'seek' else []))
    except io.UnsupportedOperation as e:
        print('UnsupportedOperation', e)
b = Source([])
print(b.readable(), b.writable(), b.seekable(), b.isatty())
try:
    b._checkReadable()
except io.UnsupportedOperation as e:
    print('UnsupportedOperation', e)


class Block(io.BufferedIOBase):
    def read(self, n=-1):
        return b'xyz'[:n]


blk = bytearray(2)
print(Block().readinto(blk), blk)
for m in ['read1', 'write', 'detach']:
    try:
        getattr(io.BufferedIOBase(), m)(*([b''] if m == 'write' else []))
    except io.UnsupportedOperation as e:
        print('UnsupportedOperation', e)
tb = io.TextIOBase()
print(tb.encoding, tb.errors, tb.newlines)
try:
    tb.read()
except io.UnsupportedOperation as e:
    print('UnsupportedOperation', e)

# subclasses of the file classes
p = '/tmp/pyjit_io_sub_%d.txt' % os.getpid()


class Logged(io.FileIO):
    def write(self, b):
        print('raw write', bytes(b))
        return super().write(b)


with open(p, 'wb') as f:
    pass
lg = Logged(p, 'w')
bw = io.BufferedWriter(lg)
bw.write(b'one')
bw.write(b'two')
print('before flush')
bw.close()
print(repr(lg).replace(p, 'PATH'), lg.closed)


class MyText(io.TextIOWrapper):
    pass


mt = MyText(open(p, 'rb'), encoding='latin-1')
print(repr(mt).replace(p, 'PATH'), mt.read(), isinstance(mt, io.TextIOWrapper))
mt.close()
os.remove(p)
print(issubclass(io.FileIO, io.RawIOBase), issubclass(io.BufferedReader, io.BufferedIOBase),
      issubclass(io.TextIOWrapper, io.TextIOBase), issubclass(io.StringIO, io.IOBase))

# io.BytesIO
import io


def tryit(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)


b = io.BytesIO(b'abc\ndef\nghi')
print(b.read(2), b.tell(), b.readline(), b.readlines(), b.read())
print(b.seek(20), b.write(b'xy'), b.getvalue(), b.tell())
print(b.seek(-3, 2), b.read(), b.seek(-100, 1), b.seek(5), b.truncate(3), b.tell(), b.getvalue())
print(b.truncate(), b.getvalue(), b.read1(), b.read1(-1))
b.seek(0)
buf = bytearray(2)
print(b.readinto(buf), buf, b.readinto1(buf), buf, b.readinto(memoryview(buf)[:1]), buf)
print(b.isatty(), b.readable(), b.writable(), b.seekable(), b.flush(), b.closed)
print(bytes(b.getbuffer()), b.getbuffer().nbytes)
print(list(io.BytesIO(b'a\nb\n')), io.BytesIO(b'a\nb').readlines(1), io.BytesIO(b'x').readline(0))
print(io.BytesIO(bytearray(b'ba')).getvalue(), io.BytesIO(memoryview(b'mv')).read(), io.BytesIO(None).getvalue(),
      io.BytesIO(initial_bytes=b'kw').getvalue())
print(io.BytesIO(b'abcdef').read(-2), io.BytesIO(b'ab').read(None))

c = io.BytesIO()
c.write(b'hello world')
c.seek(6)
c.write(b'W')
print(c.getvalue())
c.writelines([b'1', bytearray(b'2'), memoryview(b'3')])
print(c.getvalue(), c.tell())
with io.BytesIO(b'ctx') as d:
    print(d.read())
print(d.closed)

b.close()
for name in ['read', 'getvalue', 'getbuffer', 'write', 'seek', 'tell', 'truncate', 'readline', 'flush', 'readable',
             'isatty', '__next__', '__enter__', 'read1', 'readlines']:
    def call(name=name):
        return getattr(b, name)(*([b'x'] if name == 'write' else [0] if name == 'seek' else []))
    print(name, end=': ')
    tryit(call)
print(b.close(), iter(b) is b)

tryit(lambda: io.BytesIO(1))
tryit(lambda: io.BytesIO('text'))
tryit(lambda: io.BytesIO().write('text'))
tryit(lambda: io.BytesIO().seek(1.0))
tryit(lambda: io.BytesIO().seek(0, 3))
tryit(lambda: io.BytesIO().seek(-1))
tryit(lambda: io.BytesIO().truncate(-1))
tryit(lambda: io.BytesIO().read('x'))
tryit(lambda: io.BytesIO().read(1, 2))
tryit(lambda: io.BytesIO(x=1))
tryit(lambda: io.BytesIO().readinto(b'immutable'))
print(isinstance(io.BytesIO(), io.BufferedIOBase), isinstance(io.BytesIO(), io.IOBase), type(io.BytesIO()).__mro__)

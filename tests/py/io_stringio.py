# io.StringIO
import io


def tryit(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)


s = io.StringIO('héllo\nwörld\n')
print(s.read(3), s.tell(), repr(s.readline()), s.readlines(), repr(s.read()))
print(s.seek(20), s.write('xy'), repr(s.getvalue()), s.tell())
print(s.seek(0, 2), s.seek(3), s.truncate(2), s.tell(), s.getvalue(), s.truncate(), s.getvalue())

for nl in [None, '', '\n', '\r', '\r\n']:
    s = io.StringIO('a\rb\r\nc\nd', newline=nl)
    print(repr(nl), repr(s.getvalue()), s.readlines(), s.newlines)
    s = io.StringIO(newline=nl)
    s.write('x\ny\r\nz\r')
    print('  ', repr(s.getvalue()), s.newlines)
    s.seek(0)
    print('  ', list(s))

s = io.StringIO()
print(s.line_buffering, s.encoding, s.errors, s.newlines, s.closed, s.readable(), s.writable(), s.seekable(),
      s.isatty())
tryit(lambda: s.detach())
tryit(lambda: s.fileno())
print(s.write('abc'), s.write(''), s.tell(), s.getvalue())
s.writelines(['1', '2'])
print(s.getvalue())
print(s.close(), s.closed)
for name in ['read', 'getvalue', 'write', 'line_buffering', 'newlines', '__iter__', '__next__', 'tell', 'close',
             'readline', 'seek', 'truncate', 'readable', 'isatty', 'flush']:
    def call(name=name):
        a = getattr(s, name)
        if callable(a):
            return a(*(['x'] if name == 'write' else [0] if name == 'seek' else []))
        return a
    print(name, end=': ')
    tryit(call)

s = io.StringIO('abc')
print(repr(s.read(-5)), repr(s.readline(-1)), s.seek(1), repr(s.readline(1)), repr(s.read(None)))
s = io.StringIO('\udc80x')
print(ascii(s.read()), s.tell())
s = io.StringIO('abc')
s.seek(1)
s.write('\udc81')
print(ascii(s.getvalue()))
s = io.StringIO('short')
s.seek(8)
s.write('!')
print(repr(s.getvalue()))
s = io.StringIO(None)
print(repr(s.getvalue()))
with io.StringIO('ctx') as c:
    print(c.read())
print(c.closed)

tryit(lambda: io.StringIO(1))
tryit(lambda: io.StringIO(b'x'))
tryit(lambda: io.StringIO(newline=1))
tryit(lambda: io.StringIO(newline='x'))
tryit(lambda: io.StringIO().write(1))
tryit(lambda: io.StringIO().seek(-1))
tryit(lambda: io.StringIO().seek(1, 1))
tryit(lambda: io.StringIO().seek(1, 2))
tryit(lambda: io.StringIO().seek(0, 7))
tryit(lambda: io.StringIO().truncate(-1))
tryit(lambda: io.StringIO().read('x'))
tryit(lambda: io.StringIO().read(1, 2))
print(isinstance(io.StringIO(), io.TextIOBase), type(io.StringIO()).__mro__)

# print() into a StringIO, and sys.stdout redirected to one
import sys
buf = io.StringIO()
print('to', 'buffer', sep='-', end='!\n', file=buf)
print(1, 2.5, None, file=buf)
old = sys.stdout
sys.stdout = buf
print('captured')
sys.stdout.write('direct\n')
sys.stdout = old
print(repr(buf.getvalue()))

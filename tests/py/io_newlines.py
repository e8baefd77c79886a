# Newline translation of text files: reading with newline None/''/'\n'/'\r'/'\r\n',
# writing with each, the newlines attribute, and \r\n split across read chunks.
import io
import os

p = '/tmp/pyjit_io_nl_%d.txt' % os.getpid()
data = b'a\nb\r\nc\rd\r\n\r\ne\n\rf'

with open(p, 'wb') as f:
    f.write(data)

for nl in [None, '', '\n', '\r', '\r\n']:
    with open(p, newline=nl) as f:
        print(repr(nl), 'newlines before:', f.newlines)
        print('  read:', repr(f.read()), f.newlines)
    with open(p, newline=nl) as f:
        print('  lines:', list(f))
    with open(p, newline=nl) as f:
        print('  readline(2):', [f.readline(2) for _ in range(5)])

for nl in [None, '', '\n', '\r', '\r\n']:
    with open(p, 'w', newline=nl) as f:
        f.write('x\ny\r\nz\r')
        f.write('\n')
    with open(p, 'rb') as f:
        print('write', repr(nl), f.read())

# \r\n split across chunk boundaries
with open(p, 'wb') as f:
    f.write(b'ab\r\ncd\r\nef' * 3000)
for nl in [None, '', '\r\n']:
    with open(p, newline=nl) as f:
        f._CHUNK_SIZE = 3
        lines = f.readlines()
        print(repr(nl), len(lines), lines[:3], lines[-1:], f.newlines)

# only \r at the end of the file
with open(p, 'wb') as f:
    f.write(b'one\rtwo\r')
with open(p) as f:
    print(f.readlines(), f.newlines)
with open(p, newline='') as f:
    print(f.readlines(), f.newlines)

# the same through TextIOWrapper over BytesIO
for nl in [None, '', '\n', '\r', '\r\n']:
    t = io.TextIOWrapper(io.BytesIO(data), newline=nl)
    print(repr(nl), t.readlines(), t.newlines)
    b = io.BytesIO()
    t = io.TextIOWrapper(b, newline=nl)
    t.write('1\n2\r\n3\r')
    t.flush()
    print('  ->', b.getvalue())

# IncrementalNewlineDecoder
d = io.IncrementalNewlineDecoder(None, translate=True)
print(repr(d.decode('a\r')), repr(d.decode('\nb\r')), repr(d.decode('', final=True)), d.newlines)
print(d.getstate())
d.setstate((b'', 1))
print(repr(d.decode('x')))
d.reset()
print(d.newlines, d.getstate())
d = io.IncrementalNewlineDecoder(None, translate=False)
print(repr(d.decode('a\r\nb\rc\n')), d.newlines)
try:
    d.decode(b'bytes')
except TypeError as e:
    print('TypeError', e)


class Dec:
    def decode(self, data, final=False):
        return data.decode('ascii')

    def getstate(self):
        return (b'', 3)

    def setstate(self, st):
        print('setstate', st)

    def reset(self):
        print('reset')


d = io.IncrementalNewlineDecoder(Dec(), True)
print(repr(d.decode(b'x\r\ny\r')), d.getstate())
d.setstate((b'', 7))
d.reset()
os.remove(p)

# multibyte characters around a '\r\n' newline split across chunks
data = ('é€x\r\n' * 50 + 'ü\r\nend').encode()
for cs in [1, 2, 3, 5, 7]:
    t = io.TextIOWrapper(io.BytesIO(data), encoding='utf-8', newline='\r\n')
    t._CHUNK_SIZE = cs
    lines = t.readlines()
    t2 = io.TextIOWrapper(io.BytesIO(data), encoding='utf-8', newline='\r')
    t2._CHUNK_SIZE = cs
    print(cs, len(lines), lines[-2:], ascii(lines[0]), len(t2.readlines()))

# Text files: write, read, append, exclusive create, context managers, attributes
import os

base = '/tmp/pyjit_io_text_%d' % os.getpid()
p = base + '.txt'


def show(f):
    print(repr(f).replace(p, 'PATH'))


with open(p, 'w') as f:
    show(f)
    print(f.mode, f.encoding, f.errors, f.newlines, f.line_buffering, f.write_through)
    print(f.readable(), f.writable(), f.seekable(), f.isatty(), f.closed)
    print(f.write('first line\n'), f.write('second: ünïcödé €\n'), f.write(''))
    f.writelines(['x', 'y\n', 'last'])
    print(f.tell())
print(f.closed)
show(f)

with open(p) as f:
    show(f)
    print(repr(f.read()))
    print(repr(f.read()), f.tell())

with open(p, encoding='utf-8') as f:
    print(repr(f.read(5)), repr(f.read(6)), repr(f.readline()))
    print(repr(f.readline(3)), repr(f.readline(100)))
    print(f.readlines())
    print(repr(f.readline()), repr(f.read(3)))

with open(p) as f:
    for i, line in enumerate(f):
        print(i, repr(line))

with open(p) as f:
    print(f.readlines(12))
    print(f.readlines(0))

with open(p, 'a') as f:
    show(f)
    print(f.tell())
    f.write('\nappended\n')
with open(p) as f:
    print(f.read().splitlines())

# r+ and w+
with open(p, 'r+') as f:
    print(repr(f.read(5)))
    f.seek(0)
    f.write('FIRST')
    f.seek(0)
    print(repr(f.readline()))
with open(p, 'w+') as f:
    print(repr(f.read()))
    f.write('abc\ndef\n')
    f.seek(0)
    print(f.readlines())
    print(f.truncate(2), f.tell())
    f.seek(0)
    print(repr(f.read()))
with open(p, 'a+') as f:
    f.write('XYZ')
    f.seek(0)
    print(repr(f.read()))

# exclusive creation
try:
    open(p, 'x')
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename == p)
os.remove(p)
with open(p, 'x') as f:
    f.write('made')
with open(p, 'rt') as f:
    print(f.read())

# a file flushed and closed by the garbage collector / at exit
f = open(p, 'w')
f.write('unclosed data\n')
f.flush()
with open(p) as g:
    print(repr(g.read()))
f.close()

# operations on closed files
f = open(p)
f.close()
for name, call in [('read', lambda: f.read()), ('readline', lambda: f.readline()), ('write', lambda: f.write('x')),
                   ('seek', lambda: f.seek(0)), ('tell', lambda: f.tell()), ('iter', lambda: next(iter(f))),
                   ('with', lambda: f.__enter__()), ('flush', lambda: f.flush()), ('fileno', lambda: f.fileno()),
                   ('readlines', lambda: f.readlines()), ('truncate', lambda: f.truncate())]:
    try:
        call()
        print(name, 'ok')
    except ValueError as e:
        print(name, type(e).__name__, e)
print(f.close(), f.closed)

# not readable / not writable
import io
with open(p, 'w') as f:
    for call in [f.read, f.readline, lambda: next(f)]:
        try:
            call()
        except io.UnsupportedOperation as e:
            print('UnsupportedOperation', e, isinstance(e, OSError), isinstance(e, ValueError))
with open(p) as f:
    try:
        f.write('x')
    except io.UnsupportedOperation as e:
        print('UnsupportedOperation', e)
    try:
        f.truncate(0)
    except io.UnsupportedOperation as e:
        print('UnsupportedOperation', e)

# attributes of instances
f = open(p)
f.custom = 5
print(f.custom, f.buffer.raw.name == p, f.name == p, f.fileno() > 2)
d = f.detach()
print(repr(d).replace(p, 'PATH'), f.buffer)
for call in [f.read, f.close, lambda: f.name, lambda: repr(f)]:
    try:
        print(call())
    except ValueError as e:
        print(e)
d.close()
os.remove(p)
print(os.path.exists(p))

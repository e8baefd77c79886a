# tell() cookies and seek() of text files: byte positions for simple cases, and the
# packed cookies CPython returns inside multibyte characters and after universal newlines.
import io
import os

p = '/tmp/pyjit_io_seek_%d.txt' % os.getpid()

with open(p, 'w', encoding='utf-8', newline='') as f:
    f.write('ab\ncd\r\néè\r\nü€x\n' * 3)

with open(p, encoding='utf-8') as f:
    print(f.tell())
    cookies = []
    while True:
        c = f.tell()
        ch = f.read(1)
        if not ch:
            break
        cookies.append((c, ch))
    print(cookies[:16])
    print(f.tell())
    for c, ch in cookies:
        f.seek(c)
        got = f.read(1)
        if got != ch:
            print('mismatch at', c, repr(got), repr(ch))
    print('seek(tell()) round trip ok')

with open(p, encoding='utf-8') as f:
    positions = []
    while True:
        t = f.tell()
        line = f.readline()
        if not line:
            break
        positions.append((t, line))
    print(positions[:6])
    for t, line in positions:
        f.seek(t)
        assert f.readline() == line
    print(f.seek(0, 2), f.read(), f.seek(0, 1) == f.tell())

# tell during iteration
with open(p) as f:
    next(f)
    try:
        f.tell()
    except OSError as e:
        print(type(e).__name__, e)
    for _ in f:
        pass
    print(f.tell())

# seek errors
with open(p) as f:
    for args in [(1, 1), (-1, 2), (3, 0, 1), (0, 3), (-5,)]:
        try:
            f.seek(*args)
        except (ValueError, OSError, TypeError) as e:
            print(args, type(e).__name__, e)

# utf-16: the BOM is part of the position
with open(p, 'w', encoding='utf-16') as f:
    f.write('hi\nthere\n')
    print(f.tell())
with open(p, 'rb') as f:
    print(f.read())
with open(p, encoding='utf-16') as f:
    print(f.tell(), repr(f.readline()), f.tell(), repr(f.read(2)), f.tell())
    f.seek(0)
    print(repr(f.read()))
with open(p, 'a', encoding='utf-16') as f:
    f.write('more')
with open(p, 'rb') as f:
    print(f.read())

# text positions of a StringIO are character counts
s = io.StringIO('héllo\nwörld')
print(s.read(3), s.tell(), s.seek(7), s.read(), s.tell())

# truncate through the text layer
with open(p, 'w+') as f:
    f.write('0123456789')
    f.seek(4)
    print(f.truncate(), f.tell())
    f.seek(0)
    print(f.read())
os.remove(p)

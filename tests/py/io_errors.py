# Errors of open() and the io classes, with CPython's exception types and messages.
import io
import os

base = '/tmp/pyjit_io_err_%d' % os.getpid()
p = base + '.txt'
with open(p, 'w') as f:
    f.write('data\n')


def tryit(label, f):
    try:
        r = f()
        if hasattr(r, 'close'):
            r.close()
        print(label, 'ok')
    except Exception as e:
        msg = str(e).replace(base, 'BASE')
        print(label, type(e).__name__, msg)


for mode in ['rw', 'rr', '', 'U', 'rU', 'rt+b', 'bt', 'wa', '+', 'b', 't', 'abc', 'r+', 'rb+', 'x', 'a+b']:
    tryit('mode %r:' % mode, lambda: open(p, mode))
tryit('binary encoding', lambda: open(p, 'rb', encoding='utf-8'))
tryit('binary errors', lambda: open(p, 'rb', errors='strict'))
tryit('binary newline', lambda: open(p, 'rb', newline=''))
tryit('unbuffered text', lambda: open(p, 'r', buffering=0))
tryit('unbuffered binary', lambda: open(p, 'rb', buffering=0))
tryit('newline', lambda: open(p, newline='x'))
tryit('newline type', lambda: open(p, newline=5))
tryit('mode type', lambda: open(p, 5))
tryit('buffering type', lambda: open(p, buffering='x'))
tryit('file type', lambda: open(1.5))
tryit('file list', lambda: open([]))
tryit('file None', lambda: open(None))
tryit('closefd', lambda: open(p, closefd=False))
tryit('too many', lambda: open(p, 'r', -1, None, None, None, True, None, 9))
tryit('missing', lambda: open())
tryit('keyword', lambda: open(p, bogus=1))
tryit('twice', lambda: open(p, 'r', mode='r'))
tryit('nul', lambda: open(p + '\0'))

tryit('missing file', lambda: open(base + '/nope.txt'))
tryit('directory', lambda: open('/tmp'))
tryit('directory w', lambda: open('/tmp', 'w'))
tryit('bad fd', lambda: open(987654))
tryit('negative fd', lambda: open(-3))
try:
    open(base + '_missing')
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename == base + '_missing', e.args[1])
    print(isinstance(e, FileNotFoundError), isinstance(e, OSError), isinstance(e, IOError))
try:
    open('/tmp', 'w')
except IsADirectoryError as e:
    print('IsADirectoryError', e.errno, e.strerror, e.filename)


class PathLike:
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return self.p


with open(PathLike(p)) as f:
    print('pathlike', f.read().strip(), f.name == p)
with open(p.encode()) as f:
    print('bytes path', f.read().strip(), f.name == p.encode())
tryit('pathlike bad', lambda: open(PathLike(5)))
print(os.fspath(PathLike('x')), os.fspath('s'), os.fspath(b'b'))
tryit('fspath', lambda: os.fspath(3))


def opener(path, flags):
    print('opener called', path == p, flags & 3)
    return os_open_replacement(path, flags)


fd_holder = []


def os_open_replacement(path, flags):
    f = open(path, 'rb', buffering=0, closefd=True)
    fd_holder.append(f)
    return f.fileno()


with open(p, 'rb', opener=opener) as f:
    print('opened', f.read())
tryit('opener bad', lambda: open(p, opener=lambda path, flags: 'x'))
tryit('opener negative', lambda: open(p, opener=lambda path, flags: -5))

tryit('FileIO mode', lambda: io.FileIO(p, 'rt'))
tryit('FileIO mode2', lambda: io.FileIO(p, 'rw'))
tryit('FileIO mode type', lambda: io.FileIO(p, mode=3))
tryit('FileIO float', lambda: io.FileIO(1.5))
tryit('TextIOWrapper newline', lambda: io.TextIOWrapper(io.BytesIO(), newline='x'))
tryit('TextIOWrapper encoding', lambda: io.TextIOWrapper(io.BytesIO(), encoding=1))
tryit('TextIOWrapper errors', lambda: io.TextIOWrapper(io.BytesIO(), errors=1))
tryit('TextIOWrapper missing', lambda: io.TextIOWrapper())
tryit('open_code bytes', lambda: io.open_code(p.encode()))
print(io.text_encoding(None), io.text_encoding('latin-1'))
with io.open_code(p) as f:
    print(repr(f).replace(base, 'BASE'))

w = io.TextIOWrapper.__new__(io.TextIOWrapper)
tryit('uninitialized', lambda: w.read())
os.remove(p)
tryit('remove missing', lambda: os.remove(p))
os.mkdir(base)
tryit('mkdir twice', lambda: os.mkdir(base))
os.rmdir(base)
print(os.path.exists(base))

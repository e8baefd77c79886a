# sys.stdin/stdout/stderr are TextIOWrapper objects of the io module.
import io
import sys

out = sys.stdout
print(repr(out), repr(out.buffer), repr(out.buffer.raw))
print(repr(sys.stderr), repr(sys.stderr.buffer))
print(repr(sys.stdin), repr(sys.stdin.buffer), repr(sys.stdin.buffer.raw))
print(isinstance(out, io.TextIOWrapper), isinstance(out.buffer, io.BufferedWriter), isinstance(out, io.TextIOBase))
print(out.encoding, out.errors, sys.stderr.errors, sys.stdin.errors, out.mode, sys.stdin.mode)
print(out.fileno(), sys.stderr.fileno(), sys.stdin.fileno(), out.buffer.raw.closefd, out.buffer.raw.mode)
print(out.line_buffering, sys.stderr.line_buffering, out.write_through, out.newlines, out.closed)
print(out.readable(), out.writable(), sys.stdin.readable(), sys.stdin.writable())
print(sys.__stdout__ is out, sys.__stderr__ is sys.stderr, sys.__stdin__ is sys.stdin)

# the layers keep their order when flushed in between
print('text 1')
out.flush()
out.buffer.write(b'bytes 2\n')
out.buffer.flush()
out.write('text 3\n')
out.flush()
out.buffer.raw.write(b'raw 4\n')
n = out.write('abc\n')
out.flush()
print(n, out.buffer.write(b'xyz\n'))
out.flush()
print('é€😀', 'done', sep='|')
out.flush()
out.buffer.write('é\n'.encode())
out.flush()

# print() to other files
buf = io.StringIO()
print('a', 1, sep=',', file=buf)
print(file=buf, end='')
print('x', 'y', file=buf, flush=True)
print(repr(buf.getvalue()))
b = io.BytesIO()
t = io.TextIOWrapper(b, encoding='utf-8')
print('through', 'wrapper', file=t)
t.flush()
print(b.getvalue())

# replacing sys.stdout
saved = sys.stdout
sys.stdout = io.StringIO()
print('hidden')
sys.stdout.write('also hidden\n')
captured = sys.stdout.getvalue()
sys.stdout = saved
print(repr(captured))


class Collect:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)


c = Collect()
print('one', 'two', file=c)
sys.stdout = c
print('via stdout', end='')
sys.stdout = saved
print(c.parts)

# stdin is /dev/null in the tests
print(repr(sys.stdin.read()), repr(sys.stdin.readline()), sys.stdin.buffer.read())
try:
    input('prompt> ')
except EOFError as e:
    print()
    print('EOFError', e)
try:
    sys.stdout.write(b'bytes')
except TypeError as e:
    print('TypeError', e)
sys.stdout.writelines(['w1 ', 'w2\n'])
sys.stderr.write('to stderr\n')
print('end')

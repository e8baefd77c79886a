# Encodings and error handlers of text files and TextIOWrapper.
import io
import os

p = '/tmp/pyjit_io_enc_%d.txt' % os.getpid()
text = 'Aé€😀\n'

for enc in ['utf-8', 'utf8', 'UTF-8', 'utf-8-sig', 'latin-1', 'iso-8859-1', 'ascii', 'utf-16', 'utf-16-le',
            'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be']:
    try:
        with open(p, 'w', encoding=enc) as f:
            print(enc, f.encoding, f.write(text))
    except UnicodeEncodeError as e:
        print(enc, 'UnicodeEncodeError', e)
        continue
    with open(p, 'rb') as f:
        raw = f.read()
    print('  bytes', raw)
    with open(p, encoding=enc) as f:
        print('  text', ascii(f.read()))
    with open(p, encoding=enc) as f:
        print('  chars', [f.read(1) for _ in range(6)])

# error handlers when writing
for errors in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'namereplace_missing']:
    try:
        with open(p, 'w', encoding='ascii', errors=errors) as f:
            f.write('aé€b\n')
        with open(p, 'rb') as f:
            print(errors, f.read())
    except (UnicodeEncodeError, LookupError) as e:
        print(errors, type(e).__name__, e)

with open(p, 'wb') as f:
    f.write(b'ok \xff\xfe bad \xc3\n')
for errors in ['strict', 'ignore', 'replace', 'backslashreplace', 'surrogateescape']:
    try:
        with open(p, encoding='utf-8', errors=errors) as f:
            s = f.read()
        print(errors, ascii(s))
        if errors == 'surrogateescape':
            with open(p + '2', 'w', encoding='utf-8', errors=errors) as g:
                g.write(s)
            with open(p + '2', 'rb') as g:
                print('  round trip', g.read())
            os.remove(p + '2')
    except UnicodeDecodeError as e:
        print(errors, type(e).__name__, e)

# a multibyte character cut by the chunk boundary
with open(p, 'w', encoding='utf-8') as f:
    f.write('é' * 5000 + '€' * 3000)
with open(p, encoding='utf-8') as f:
    f._CHUNK_SIZE = 7
    s = f.read()
    print(len(s), s[:3], s[-3:])

try:
    open(p, encoding='no-such-codec')
except LookupError as e:
    print('LookupError', e)
try:
    open(p, encoding='hex')
except LookupError as e:
    print('LookupError', e)
try:
    open(p, 'w', encoding=5)
except TypeError as e:
    print('TypeError', e)
with open(p, 'w', encoding='utf-8', errors='bogus') as f:
    f.write('fine')
    try:
        f.write('\udc80')
    except LookupError as e:
        print('LookupError', e)
    except UnicodeEncodeError as e:
        print('UnicodeEncodeError', e)

# TextIOWrapper over BytesIO
b = io.BytesIO()
t = io.TextIOWrapper(b, encoding='utf-16-le')
t.write('hé')
t.flush()
print(b.getvalue(), t.encoding, t.errors)
t = io.TextIOWrapper(io.BytesIO('x\u20acy'.encode('utf-8')), encoding='ascii', errors='replace')
print(ascii(t.read()))
t = io.TextIOWrapper(io.BytesIO(b'abc'), encoding='utf-16')
try:
    t.read()
except UnicodeError as e:
    print(type(e).__name__, e)

# reconfigure
with open(p, 'w', encoding='ascii') as f:
    f.reconfigure(encoding='utf-8')
    f.write('€')
    print(f.encoding, f.errors)
    f.reconfigure(errors='replace')
    print(f.encoding, f.errors)
with open(p, 'rb') as f:
    print(f.read())
with open(p) as f:
    f.read(1)
    try:
        f.reconfigure(encoding='latin-1')
    except io.UnsupportedOperation as e:
        print('UnsupportedOperation', e)
    f.reconfigure(line_buffering=True)
    print(f.line_buffering)
os.remove(p)

# bz2 / _bz2: one-shot and incremental compression, BZ2Decompressor's max_length,
# needs_input, eof and unused_data, multi-stream data, BZ2File, and bad arguments.
import bz2, _bz2, io, pickle

data = b"".join(b"line %d: the quick brown fox jumps over the lazy dog\n" % i for i in range(2000))
for level in range(1, 10):
    c = bz2.compress(data, level)
    print(level, len(c), c[:4], bz2.decompress(c) == data)
print(bz2.compress(b""), bz2.decompress(b""), bz2.decompress(bz2.compress(b"ab") * 3))
c = _bz2.BZ2Compressor(5)
parts = [c.compress(data[i:i + 7000]) for i in range(0, len(data), 7000)]
print([len(p) for p in parts])
parts.append(c.flush())
stream = b"".join(parts)
print(len(stream), bz2.decompress(stream) == data)

d = _bz2.BZ2Decompressor()
print(d.eof, d.needs_input, d.unused_data)
out = d.decompress(stream[:100])
print(len(out), d.needs_input, d.eof)
out += d.decompress(stream[100:], 1000)
print(len(out), d.needs_input, d.eof)
while not d.eof:
    chunk = d.decompress(b"", 50000)
    out += chunk
    print(len(chunk), d.needs_input, d.eof)
print(out == data, d.unused_data)
d = _bz2.BZ2Decompressor()
print(d.decompress(bz2.compress(b"hello") + b"trailing junk"), d.eof, d.unused_data, d.needs_input)
try:
    d.decompress(b"x")
except EOFError as e:
    print("EOFError:", e)
d = _bz2.BZ2Decompressor()
for i, b in enumerate(bz2.compress(b"byte by byte")):
    r = d.decompress(bytes([b]))
    if r:
        print(i, r, d.eof)

# BZ2File and open()
buf = io.BytesIO()
with bz2.BZ2File(buf, "wb", compresslevel=3) as f:
    f.write(b"first\n")
    f.writelines([b"second\n", b"third\n"])
raw = buf.getvalue()
with bz2.open(io.BytesIO(raw + bz2.compress(b"fourth\n")), "rb") as f:
    print(f.readline(), f.read(3), f.readlines())
with bz2.open(io.BytesIO(raw), "rt", encoding="utf-8") as f:
    print(list(f))

def attempt(label, f, *a, **k):
    try:
        r = f(*a, **k)
        print(label, "->", r)
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

attempt("level 0", _bz2.BZ2Compressor, 0)
attempt("level 10", _bz2.BZ2Compressor, 10)
attempt("level str", _bz2.BZ2Compressor, "9")
attempt("level kw", _bz2.BZ2Compressor, compresslevel=9)
attempt("two args", _bz2.BZ2Compressor, 1, 2)
attempt("decomp args", _bz2.BZ2Decompressor, 1)
attempt("decomp kw", _bz2.BZ2Decompressor, x=1)
attempt("compress str", _bz2.BZ2Compressor().compress, "abc")
attempt("compress none", _bz2.BZ2Compressor().compress)
attempt("decompress str", _bz2.BZ2Decompressor().decompress, "abc")
attempt("decompress none", _bz2.BZ2Decompressor().decompress)
attempt("decompress maxlen str", _bz2.BZ2Decompressor().decompress, b"", "1")
attempt("decompress kw", _bz2.BZ2Decompressor().decompress, data=b"", max_length=5)
attempt("bad data", bz2.decompress, b"this is not bzip2 data")
attempt("bad magic", _bz2.BZ2Decompressor().decompress, b"BZh9" + b"\x00" * 20)
attempt("truncated", bz2.decompress, bz2.compress(b"abc" * 100)[:-5])
c = _bz2.BZ2Compressor()
c.flush()
attempt("after flush", c.compress, b"x")
attempt("flush twice", c.flush)
attempt("pickle", pickle.dumps, _bz2.BZ2Compressor())
attempt("pickle d", pickle.dumps, _bz2.BZ2Decompressor())
attempt("subclass", type, "X", (_bz2.BZ2Decompressor,), {})
attempt("file mode", bz2.BZ2File, io.BytesIO(), "z")
attempt("file level", bz2.BZ2File, io.BytesIO(), "w", compresslevel=0)

# lzma / _lzma: the xz, alone and raw formats, presets, filter chains, integrity checks,
# incremental (de)compression with max_length, filter properties, and bad arguments.
import lzma, _lzma, io, pickle

data = b"".join(b"line %d: the quick brown fox jumps over the lazy dog\n" % i for i in range(600))
for preset in [0, 1, 6, 2 | lzma.PRESET_EXTREME]:
    for check in [lzma.CHECK_NONE, lzma.CHECK_CRC32, lzma.CHECK_CRC64, lzma.CHECK_SHA256]:
        c = lzma.compress(data, preset=preset, check=check)
        d = lzma.LZMADecompressor()
        back = d.decompress(c)
        print(preset, check, c[:6], back == data, d.check, d.eof, lzma.decompress(c, lzma.FORMAT_XZ) == data)
al = lzma.compress(data, lzma.FORMAT_ALONE)
print(al[:5], lzma.decompress(al) == data, lzma.decompress(al, lzma.FORMAT_ALONE) == data)
d = lzma.LZMADecompressor(lzma.FORMAT_ALONE); print(d.check, d.decompress(al) == data, d.check, d.eof)
d = lzma.LZMADecompressor(); print(d.check, d.decompress(al) == data, d.check)
print(lzma.decompress(lzma.compress(b"ab") + lzma.compress(b"cd")), lzma.compress(b"")[:6], lzma.decompress(lzma.compress(b"")))

chains = [
    [{"id": lzma.FILTER_LZMA2, "preset": 1}],
    [{"id": lzma.FILTER_DELTA, "dist": 4}, {"id": lzma.FILTER_LZMA2, "preset": 6}],
    [{"id": lzma.FILTER_X86}, {"id": lzma.FILTER_LZMA2, "dict_size": 1 << 20, "lc": 2, "lp": 1, "pb": 1, "mode": lzma.MODE_FAST, "nice_len": 64, "mf": lzma.MF_HC4, "depth": 8}],
    [{"id": lzma.FILTER_ARM, "start_offset": 16}, {"id": lzma.FILTER_LZMA2}],
    [{"id": lzma.FILTER_DELTA}, {"id": lzma.FILTER_SPARC}, {"id": lzma.FILTER_LZMA2, "mf": lzma.MF_BT2}],
]
for ch in chains:
    x = lzma.compress(data, filters=ch)
    r = lzma.compress(data, lzma.FORMAT_RAW, filters=ch)
    print(lzma.decompress(x) == data, lzma.decompress(r, lzma.FORMAT_RAW, filters=ch) == data)
l1 = [{"id": lzma.FILTER_LZMA1, "preset": 2, "lc": 0}]
a1 = lzma.compress(data, lzma.FORMAT_ALONE, filters=l1)
r1 = lzma.compress(data, lzma.FORMAT_RAW, filters=l1)
print(lzma.decompress(a1) == data, lzma.decompress(r1, lzma.FORMAT_RAW, filters=l1) == data, a1[:1])

c = lzma.LZMACompressor(check=lzma.CHECK_CRC32)
parts = [c.compress(data[i:i + 10000]) for i in range(0, len(data), 10000)]
parts.append(c.flush())
stream = b"".join(parts)
d = lzma.LZMADecompressor()
print(d.check, d.eof, d.needs_input, d.unused_data)
out = d.decompress(stream[:30])
print(len(out), d.check, d.needs_input)
out += d.decompress(stream[30:], 1000)
print(len(out), d.needs_input, d.eof)
while not d.eof:
    chunk = d.decompress(b"", 60000)
    out += chunk
    print(len(chunk), d.needs_input, d.eof)
print(out == data, d.unused_data)
d = lzma.LZMADecompressor()
print(d.decompress(lzma.compress(b"hello") + b"junk"), d.eof, d.unused_data, d.needs_input)
try:
    d.decompress(b"x")
except EOFError as e:
    print("EOFError:", e)

for fid, props in [(lzma.FILTER_LZMA1, None), (lzma.FILTER_LZMA2, None), (lzma.FILTER_DELTA, None), (lzma.FILTER_X86, None)]:
    spec = {"id": fid}
    if fid == lzma.FILTER_DELTA:
        spec["dist"] = 7
    if fid == lzma.FILTER_X86:
        spec["start_offset"] = 0x1234
    p = _lzma._encode_filter_properties(spec)
    print(fid, p, _lzma._decode_filter_properties(fid, p))
for ds in [1, 4096, 5000, 1 << 20, 3 << 20, (1 << 20) + 1, 2**32 - 1]:
    print(ds, _lzma._encode_filter_properties({"id": lzma.FILTER_LZMA2, "dict_size": ds}), _lzma._encode_filter_properties({"id": lzma.FILTER_LZMA1, "dict_size": ds, "lc": 1, "lp": 2, "pb": 3}))
print(_lzma._decode_filter_properties(lzma.FILTER_LZMA2, b"\x10"), _lzma._decode_filter_properties(lzma.FILTER_DELTA, b"\x00"))
print([lzma.is_check_supported(i) for i in range(17)])
print(lzma.FORMAT_AUTO, lzma.FORMAT_XZ, lzma.FORMAT_ALONE, lzma.FORMAT_RAW, lzma.CHECK_ID_MAX, lzma.CHECK_UNKNOWN, lzma.FILTER_LZMA1, lzma.FILTER_LZMA2, lzma.MF_BT4, lzma.MODE_NORMAL, lzma.PRESET_DEFAULT, lzma.PRESET_EXTREME)

buf = io.BytesIO()
with lzma.LZMAFile(buf, "w", check=lzma.CHECK_SHA256) as f:
    f.write(b"first\nsecond\n")
raw = buf.getvalue()
with lzma.open(io.BytesIO(raw + lzma.compress(b"third\n")), "rb") as f:
    print(f.readline(), f.read(3), f.readlines())
with lzma.open(io.BytesIO(raw), "rt", encoding="utf-8") as f:
    print(list(f))

def attempt(label, f, *a, **k):
    try:
        r = f(*a, **k)
        print(label, "->", r)
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

attempt("format", lzma.LZMACompressor, 7)
attempt("alone check", lzma.LZMACompressor, lzma.FORMAT_ALONE, lzma.CHECK_CRC32)
attempt("raw check", lzma.LZMACompressor, lzma.FORMAT_RAW, lzma.CHECK_CRC32, filters=[{"id": lzma.FILTER_LZMA2}])
attempt("raw nofilters", lzma.LZMACompressor, lzma.FORMAT_RAW)
attempt("both", lzma.LZMACompressor, preset=1, filters=[{"id": lzma.FILTER_LZMA2}])
attempt("bad preset", lzma.LZMACompressor, preset=10)
attempt("neg preset", lzma.LZMACompressor, preset=-1)
attempt("bad check", lzma.LZMACompressor, check=3)
attempt("unknown check", lzma.LZMACompressor, check=lzma.CHECK_UNKNOWN)
attempt("check str", lzma.LZMACompressor, check="x")
attempt("filters not list", lzma.LZMACompressor, filters=3)
attempt("filter not dict", lzma.LZMACompressor, filters=[3])
attempt("filter no id", lzma.LZMACompressor, filters=[{"dist": 3}])
attempt("filter bad id", lzma.LZMACompressor, filters=[{"id": 99}])
attempt("filter bad key", lzma.LZMACompressor, filters=[{"id": lzma.FILTER_LZMA2, "foo": 1}])
attempt("delta bad key", lzma.LZMACompressor, filters=[{"id": lzma.FILTER_DELTA, "foo": 1}, {"id": lzma.FILTER_LZMA2}])
attempt("delta dist 0", lzma.LZMACompressor, filters=[{"id": lzma.FILTER_DELTA, "dist": 0}, {"id": lzma.FILTER_LZMA2}])
attempt("too many", lzma.LZMACompressor, filters=[{"id": lzma.FILTER_DELTA}] * 4 + [{"id": lzma.FILTER_LZMA2}])
attempt("no lzma2 last", lzma.LZMACompressor, filters=[{"id": lzma.FILTER_DELTA}])
attempt("bad lc", lzma.LZMACompressor, filters=[{"id": lzma.FILTER_LZMA2, "lc": 9}])
attempt("bad mode", lzma.LZMACompressor, filters=[{"id": lzma.FILTER_LZMA2, "mode": 7}])
attempt("filter preset", lzma.LZMACompressor, filters=[{"id": lzma.FILTER_LZMA2, "preset": 99}])
attempt("alone lzma2", lzma.LZMACompressor, lzma.FORMAT_ALONE, filters=[{"id": lzma.FILTER_LZMA2}])
attempt("d format", lzma.LZMADecompressor, 9)
attempt("d raw memlimit", lzma.LZMADecompressor, lzma.FORMAT_RAW, 100)
attempt("d raw nofilters", lzma.LZMADecompressor, lzma.FORMAT_RAW)
attempt("d filters xz", lzma.LZMADecompressor, lzma.FORMAT_XZ, filters=[{"id": lzma.FILTER_LZMA2}])
attempt("bad data", lzma.decompress, b"this is not xz data at all")
attempt("bad xz", lzma.LZMADecompressor(lzma.FORMAT_XZ).decompress, b"not xz data at all..")
attempt("bad alone", lzma.LZMADecompressor(lzma.FORMAT_ALONE).decompress, b"\xff" * 20)
attempt("corrupt", lzma.decompress, lzma.compress(data)[:40] + b"\x00" * 40 + lzma.compress(data)[80:])
attempt("truncated", lzma.decompress, lzma.compress(data)[:-10])
attempt("memlimit", lzma.decompress, lzma.compress(data), memlimit=1024)
attempt("str data", lzma.LZMACompressor().compress, "abc")
attempt("d str data", lzma.LZMADecompressor().decompress, "abc")
attempt("d none", lzma.LZMADecompressor().decompress)
c = lzma.LZMACompressor(); c.flush()
attempt("after flush", c.compress, b"x")
attempt("flush twice", c.flush)
attempt("pickle", pickle.dumps, lzma.LZMACompressor())
attempt("pickle d", pickle.dumps, lzma.LZMADecompressor())
attempt("enc props", _lzma._encode_filter_properties, {"id": 99})
attempt("dec props", _lzma._decode_filter_properties, lzma.FILTER_LZMA1, b"\xff")
attempt("dec props id", _lzma._decode_filter_properties, 99, b"")
attempt("check arg", lzma.is_check_supported, "x")
attempt("lzma error", lambda: issubclass(lzma.LZMAError, Exception))

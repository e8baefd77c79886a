# zlib: round trips in the zlib, gzip and raw containers, streaming objects, checksums,
# errors. (Compressed bytes are not printed: they are valid but not zlib's own bytes.)
import zlib

data = b"".join(b"line %d: the quick brown fox jumps over the lazy dog\n" % i for i in range(500))
for level in [-1, 0, 1, 6, 9]:
    for wbits in [15, 9, -15, -9, 31, 25]:
        c = zlib.compress(data, level, wbits)
        back = zlib.decompress(c, wbits)
        auto = zlib.decompress(c, 47) if wbits > 0 else back
        print(level, wbits, back == data, auto == data, len(c) < len(data) or level == 0)
print(zlib.decompress(zlib.compress(b"")), zlib.decompress(zlib.compress(b"abc") + b"junk"), zlib.decompress(zlib.compress(b"x"), 0))
print(zlib.compress(b"")[:2], zlib.compress(b"a", 9)[:2], zlib.compress(b"a", 1)[:2], zlib.compress(b"a", wbits=9)[:1], zlib.compress(b"a", wbits=31)[:4])
co = zlib.compressobj(6, zlib.DEFLATED, -15)
parts = [co.compress(data[i:i + 1000]) for i in range(0, len(data), 1000)]
parts.append(co.flush(zlib.Z_SYNC_FLUSH)); parts.append(co.compress(b"more")); parts.append(co.flush())
stream = b"".join(parts)
do = zlib.decompressobj(-15)
out = b""
buf = stream + b"UNUSED"
while buf:
    out += do.decompress(buf, 777)
    buf = do.unconsumed_tail
    if do.eof:
        break
print(out == data + b"more", do.eof, do.unused_data, do.unconsumed_tail, do.flush())
d2 = zlib.decompressobj()
z = zlib.compress(b"hello world" * 10)
print(d2.decompress(z[:10]) + d2.decompress(z[10:] + b"tail"), d2.eof, d2.unused_data)
d3 = zlib.decompressobj(); first = d3.decompress(z, 5); cp = d3.copy()
print(first, d3.unconsumed_tail[:3] == z[len(z) - len(d3.unconsumed_tail):][:3], cp.decompress(cp.unconsumed_tail) + d3.flush() != b"")
gz = zlib.compressobj(9, zlib.DEFLATED, 31); g = gz.compress(data) + gz.flush()
print(g[:3], zlib.decompress(g, 31) == data, zlib.decompress(g, 47) == data)
print(zlib.crc32(b"hello"), zlib.crc32(b"hello", 2**40), zlib.adler32(b"hello"), zlib.adler32(b"x", -1), zlib.adler32(b""), zlib.crc32(data), zlib.adler32(data))
print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.DEF_BUF_SIZE, zlib.Z_FINISH, zlib.Z_BEST_COMPRESSION, zlib.ZLIB_VERSION, issubclass(zlib.error, Exception))

def attempt(label, f, *a, **k):
    try:
        r = f(*a, **k)
        print(label, "->", r if not isinstance(r, bytes) else len(r))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

attempt("level", zlib.compress, b"x", 10)
attempt("wbits 16", zlib.compress, b"x", wbits=16)
attempt("bad header", zlib.decompress, b"xyz")
attempt("truncated", zlib.decompress, b"x\x9c")
attempt("cut", zlib.decompress, zlib.compress(b"abc")[:-2])
attempt("wbits 7", zlib.decompress, b"x", wbits=7)
attempt("wbits 50", zlib.decompress, b"x", wbits=50)
attempt("bad check", zlib.decompress, b"\x78\x9c\x03\x00\x00\x00\x00\x02")
attempt("method", zlib.decompress, b"\x08\x9c")
attempt("gzip magic", zlib.decompress, b"\x1f\x8c\x08\x00", 31)
attempt("gzip len", zlib.decompress, b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\x03\x00\x00\x00\x00\x00\x00\x00\x00\x01", 31)
attempt("gzip short", zlib.decompress, b"\x1f\x8b", 31)
attempt("obj level", zlib.compressobj, level=12)
attempt("obj method", zlib.compressobj, method=9)
attempt("obj wbits", zlib.compressobj, wbits=3)
attempt("obj mem", zlib.compressobj, memLevel=0)
attempt("obj strategy", zlib.compressobj, strategy=9)
attempt("str data", zlib.decompress, "abc")
attempt("str crc", zlib.crc32, "a")
attempt("dobj wbits", zlib.decompressobj, 3)
c = zlib.compressobj(); c.compress(b"a"); c.flush()
attempt("after finish", c.compress, b"b")
attempt("flush after finish", c.flush)
attempt("max_length neg", zlib.decompressobj().decompress, b"", -1)
attempt("flush zero", zlib.decompressobj().flush, 0)

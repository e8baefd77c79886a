"""Struct: packing and unpacking binary records with the struct module.

Measures: _struct's format parsing and caching (struct.pack/unpack with a
format string), Struct objects, pack_into/unpack_from on a bytearray,
iter_unpack, calcsize; integer, float, bool, bytes and padding codes in
both byte orders.

Algorithm: synthetic workload written from scratch for pyjit: records made
by a seeded linear congruential generator are packed into a buffer,
read back several ways and folded into a checksum.
"""

import struct
import sys
import time

ITERATIONS = 48
RECORDS = 25000


from _bench_env import iter_times_wanted as _iter_times_wanted, quick_wanted as _quick_wanted


if _quick_wanted():
    ITERATIONS = 2
    RECORDS = 1000


HEADER = struct.Struct("<4sHHI")
RECORD = struct.Struct("<iHbxdf?3s")


def make_records(seed, n):
    state = seed
    out = []
    for i in range(n):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        out.append((state - 0x40000000, state & 0xFFFF, (state >> 5) % 256 - 128,
                    (state % 10007) / 64.0, (state % 1000) / 8.0, bool(state & 1),
                    bytes(((state >> k) & 0x3F) + 48 for k in (0, 6, 12))))
    return out


def run(records):
    n = len(records)
    buf = bytearray(HEADER.size + RECORD.size * n)
    HEADER.pack_into(buf, 0, b"PYJT", 1, RECORD.size, n)
    off = HEADER.size
    for rec in records:
        RECORD.pack_into(buf, off, *rec)
        off += RECORD.size
    magic, version, size, count = HEADER.unpack_from(buf, 0)
    acc = version + size + count + len(magic)
    for rec in RECORD.iter_unpack(bytes(buf[HEADER.size:])):
        acc = (acc + rec[0] + rec[1] + rec[2] + int(rec[3] * 64) + rec[6][0]) % 1000000007
    # module-level functions with format strings (the cache)
    for i, rec in enumerate(records):
        b = struct.pack(">iHd", rec[0], rec[1], rec[3])
        x, y, z = struct.unpack(">iHd", b)
        acc = (acc + x + y + int(z)) % 1000000007
        q = struct.pack("<Qhh", i * 2654435761 % (1 << 64), -i % 30000, i % 30000)
        acc = (acc + struct.unpack_from("<Q", q)[0] % 1000 + struct.calcsize("<Qhh")) % 1000000007
        acc = (acc + sum(struct.unpack("4B", struct.pack("<I", rec[1] * 65537)))) % 1000000007
    return acc


def main():
    report = _iter_times_wanted()
    data = [make_records(seed, RECORDS) for seed in (7, 8)]
    checksum = 0
    for it in range(ITERATIONS):
        t0 = time.perf_counter()
        checksum = (checksum * 7 + run(data[it % 2])) % 1000000007
        if report:
            sys.stderr.write("iter %d %.6f\n" % (it, time.perf_counter() - t0))
    print("checksum: %d" % checksum)


if __name__ == "__main__":
    main()

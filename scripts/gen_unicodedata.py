#!/usr/bin/env python3
"""Generate crates/stdlib/src/unicodedata/ucd.bin, the data of pyjit's unicodedata module,
from the running CPython's Unicode database (CPython 3.11: Unicode 14.0.0).

Like gen_unicode_tables.py (the str methods' tables), the data comes from CPython itself,
so pyjit answers exactly what CPython 3.11 answers. The file is little-endian binary:

  "UCD1", version string (u8 length + bytes)
  property records: u32 count, then 5 bytes each
      (category index, bidirectional index, combining class, east asian width index, mirrored)
  property runs: u32 count, then (u32 first code point, u16 record) each, ascending
  numeric values: u32 count, then (u32 cp, i8 decimal, i8 digit, f64 numeric) each
  decompositions: u32 count, then (u32 cp, u8 length, text) each
  compositions: u32 count, then (u32 first, u32 second, u32 composite) each
  name words: u32 count, then (u8 length, text) each
  names: u32 count, then (u32 cp, u8 word count, u16 word index each) each
      (names that CPython derives from the code point are not stored)
  derived names: u32 count, then (u32 first, u32 last, u8 kind) each, kind indexing
      DERIVED (1, Hangul syllables, is algorithmic; the others end in the hex code point)
  aliases: u32 count, then (u8 length, name, u32 cp) each
  named sequences: u32 count, then (u8 length, name, u8 count, u32 cp each) each
  Unicode 3.2.0 overrides (ucd_3_2_0): u32 count, then (u32 first, u32 last, 5 property
      bytes as above, i8 decimal, i8 digit, f64 numeric (NaN: none), u8 length, decomposition)

The whole file is zlib-compressed. Aliases and named sequences are read from
NameAliases.txt / NamedSequences.txt files found on the machine (paths below) and kept
only where CPython's unicodedata.lookup agrees.

Run: python3 scripts/gen_unicodedata.py crates/stdlib/src/unicodedata/ucd.bin
"""
import glob
import struct
import sys
import unicodedata as u
import zlib

ALIAS_FILES = glob.glob("/root/.cargo/registry/src/*/unicode_names2-*/data/NameAliases.txt")
SEQUENCE_FILES = glob.glob("/usr/share/perl/*/unicore/NamedSequences.txt")

CATEGORIES = ["Cn", "Lu", "Ll", "Lt", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Zs", "Zl", "Zp", "Cc", "Cf",
              "Cs", "Co", "Lm", "Lo", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So"]
BIDI = ["", "L", "LRE", "LRO", "R", "AL", "RLE", "RLO", "PDF", "EN", "ES", "ET", "AN", "CS", "NSM", "BN",
        "B", "S", "WS", "ON", "LRI", "RLI", "FSI", "PDI"]
EAW = ["F", "H", "W", "Na", "A", "N"]
DERIVED = ("CJK UNIFIED IDEOGRAPH-", "HANGUL SYLLABLE ", "TANGUT IDEOGRAPH-", "KHITAN SMALL SCRIPT CHARACTER-",
           "NUSHU CHARACTER-", "CJK COMPATIBILITY IDEOGRAPH-")


def main(path):
    out = bytearray(b"UCD1")
    v = u.unidata_version.encode()
    out += bytes([len(v)]) + v
    records, record_index, runs = [], {}, []
    prev = None
    for cp in range(0x110000):
        c = chr(cp)
        rec = (CATEGORIES.index(u.category(c)), BIDI.index(u.bidirectional(c)), u.combining(c),
               EAW.index(u.east_asian_width(c)), u.mirrored(c))
        if rec not in record_index:
            record_index[rec] = len(records)
            records.append(rec)
        r = record_index[rec]
        if r != prev:
            runs.append((cp, r))
            prev = r
    out += struct.pack("<I", len(records))
    for rec in records:
        out += bytes(rec)
    out += struct.pack("<I", len(runs))
    for cp, r in runs:
        out += struct.pack("<IH", cp, r)
    nums = []
    for cp in range(0x110000):
        c = chr(cp)
        n = u.numeric(c, None)
        if n is not None:
            nums.append((cp, u.decimal(c, -1), u.digit(c, -1), n))
    out += struct.pack("<I", len(nums))
    for cp, de, di, n in nums:
        out += struct.pack("<Ibbd", cp, de, di, n)
    decs = [(cp, u.decomposition(chr(cp))) for cp in range(0x110000) if u.decomposition(chr(cp))]
    out += struct.pack("<I", len(decs))
    for cp, d in decs:
        t = d.encode()
        out += struct.pack("<IB", cp, len(t)) + t
    comps = []
    for cp, d in decs:
        if d.startswith("<"):
            continue
        parts = [int(x, 16) for x in d.split()]
        if len(parts) == 2 and u.normalize("NFC", chr(parts[0]) + chr(parts[1])) == chr(cp):
            comps.append((parts[0], parts[1], cp))
    comps.sort()
    out += struct.pack("<I", len(comps))
    for a, b, c in comps:
        out += struct.pack("<III", a, b, c)
    names = []
    for cp in range(0x110000):
        n = u.name(chr(cp), None)
        if n is not None and not n.startswith(DERIVED):
            names.append((cp, n))
    words = sorted({w for _, n in names for w in n.split(" ")})
    assert len(words) < 65536
    windex = {w: i for i, w in enumerate(words)}
    out += struct.pack("<I", len(words))
    for w in words:
        t = w.encode()
        out += bytes([len(t)]) + t
    out += struct.pack("<I", len(names))
    for cp, n in names:
        ws = n.split(" ")
        out += struct.pack("<IB", cp, len(ws))
        for w in ws:
            out += struct.pack("<H", windex[w])
    derived = []
    for cp in range(0x110000):
        n = u.name(chr(cp), None)
        if n is None or not n.startswith(DERIVED):
            continue
        kind = [i for i, p in enumerate(DERIVED) if n.startswith(p)][0]
        if derived and derived[-1][1] == cp - 1 and derived[-1][2] == kind:
            derived[-1][1] = cp
        else:
            derived.append([cp, cp, kind])
    out += struct.pack("<I", len(derived))
    for first, last, kind in derived:
        out += struct.pack("<IIB", first, last, kind)
    aliases = {}
    for fn in ALIAS_FILES[:1]:
        for line in open(fn):
            line = line.split("#")[0].strip()
            if not line:
                continue
            cp, name, _kind = line.split(";")
            try:
                if u.lookup(name) == chr(int(cp, 16)):
                    aliases[name] = int(cp, 16)
            except KeyError:
                pass
    out += struct.pack("<I", len(aliases))
    for name, cp in sorted(aliases.items()):
        t = name.encode()
        out += bytes([len(t)]) + t + struct.pack("<I", cp)
    seqs = {}
    for fn in SEQUENCE_FILES[:1]:
        for line in open(fn):
            line = line.split("#")[0].strip()
            if not line:
                continue
            name, cps = line.split(";")
            text = "".join(chr(int(x, 16)) for x in cps.split())
            try:
                if u.lookup(name) == text:
                    seqs[name] = text
            except KeyError:
                pass
    out += struct.pack("<I", len(seqs))
    for name, text in sorted(seqs.items()):
        t = name.encode()
        out += bytes([len(t)]) + t + bytes([len(text)]) + b"".join(struct.pack("<I", ord(c)) for c in text)
    o = u.ucd_3_2_0
    over = []
    for cp in range(0x110000):
        c = chr(cp)
        new = (u.category(c), u.bidirectional(c), u.combining(c), u.east_asian_width(c), u.mirrored(c),
               u.decimal(c, -1), u.digit(c, -1), u.numeric(c, None), u.decomposition(c))
        old = (o.category(c), o.bidirectional(c), o.combining(c), o.east_asian_width(c), o.mirrored(c),
               o.decimal(c, -1), o.digit(c, -1), o.numeric(c, None), o.decomposition(c))
        if new != old:
            if over and over[-1][1] == cp - 1 and over[-1][2] == old:
                over[-1][1] = cp
            else:
                over.append([cp, cp, old])
    out += struct.pack("<I", len(over))
    for first, last, old in over:
        cat, bidi, comb, eaw, mir, de, di, num, dec = old
        t = dec.encode()
        out += struct.pack("<II", first, last) + bytes([CATEGORIES.index(cat), BIDI.index(bidi), comb, EAW.index(eaw), mir])
        out += struct.pack("<bbd", de, di, float("nan") if num is None else num) + bytes([len(t)]) + t
    print("%d aliases, %d named sequences, %d 3.2.0 overrides" % (len(aliases), len(seqs), len(over)))
    with open(path, "wb") as f:
        f.write(zlib.compress(bytes(out), 9))
    print("%d records, %d runs, %d numerics, %d decompositions, %d compositions, %d words, %d names"
          % (len(records), len(runs), len(nums), len(decs), len(comps), len(words), len(names)))


if __name__ == "__main__":
    main(sys.argv[1])

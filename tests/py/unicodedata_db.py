# unicodedata: CPython 3.11's Unicode 14.0 properties, names, normalization, ucd_3_2_0
import unicodedata as u

print(u.unidata_version, u.ucd_3_2_0.unidata_version, type(u.ucd_3_2_0).__name__)
counts = {}
checks = []
for cp in range(0, 0x110000, 7):
    c = chr(cp)
    key = (u.category(c), u.bidirectional(c), u.east_asian_width(c))
    counts[key] = counts.get(key, 0) + 1
    checks.append(u.combining(c) * 7 + u.mirrored(c) + len(u.decomposition(c)))
print(sorted(counts.items())[:40])
print(len(counts), sum(checks), sum(i * v for i, v in enumerate(checks)) % 1000003)
names = [u.name(chr(cp), "") for cp in range(0, 0x32000, 11)]
print(sum(len(n) for n in names), sum(sum(map(ord, n)) * (i % 97) for i, n in enumerate(names)), names[::500])
for cp in [0, 0x41, 0xe9, 0x3a3, 0x4e00, 0x9fff, 0xac00, 0xd7a3, 0xac01, 0x17000, 0x18b00, 0x1b170, 0xf900, 0x2f800, 0x1f600, 0xe000, 0x10ffff, 0xd800, 0x20000, 0x2a6df, 0x323af]:
    c = chr(cp)
    print(hex(cp), u.name(c, None), u.category(c), u.bidirectional(c), u.combining(c), u.east_asian_width(c), u.mirrored(c), repr(u.decomposition(c)))
for c in "0٣⅓½²Ⅻ九a":
    print(repr(c), u.decimal(c, None), u.digit(c, None), u.numeric(c, None))
for n in ["LATIN SMALL LETTER A", "latin small letter a", "CJK UNIFIED IDEOGRAPH-4E00", "HANGUL SYLLABLE GAG", "HANGUL SYLLABLE A", "TANGUT IDEOGRAPH-17000",
          "LATIN CAPITAL LETTER GHA", "KEYCAP DIGIT ONE", "SNAKE", "GRINNING FACE", "CJK COMPATIBILITY IDEOGRAPH-F900",
          "KHITAN SMALL SCRIPT CHARACTER-18B00", "NUSHU CHARACTER-1B170", "CJK UNIFIED IDEOGRAPH-4e00", "CJK UNIFIED IDEOGRAPH-04E00",
          "HANGUL SYLLABLE GAGX", "CJK UNIFIED IDEOGRAPH-A000"]:
    try:
        print(n, repr(u.lookup(n)))
    except KeyError as e:
        print(n, "KeyError", e)
texts = ["café", "cafe\u0301", "Å", "A\u030a", "ﬁ", "①", "한국어", "\u1100\u1161\u11a8", "e\u0323\u0302", "\u0958", "ẛ̣", "Ω", "K", "x\u0327\u0301\u0300"]
for form in ["NFC", "NFD", "NFKC", "NFKD"]:
    print(form, [u.normalize(form, t) for t in texts], [u.is_normalized(form, t) for t in texts])
print([u.ucd_3_2_0.normalize("NFKC", t) for t in texts], u.ucd_3_2_0.category("\U0001f600"), u.ucd_3_2_0.name("A"), u.ucd_3_2_0.name("\U0001f600", None))
print(u.ucd_3_2_0.bidirectional("\u0600"), u.ucd_3_2_0.east_asian_width("\u20a9"), u.ucd_3_2_0.lookup("LATIN SMALL LETTER A"))

def attempt(label, f, *a):
    try:
        print(label, "->", repr(f(*a)))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

attempt("name none", u.name, "\x00")
attempt("name int", u.name, 65)
attempt("name two", u.name, "ab")
attempt("decimal", u.decimal, "a")
attempt("digit", u.digit, "a")
attempt("numeric", u.numeric, "a")
attempt("category int", u.category, 1)
attempt("category two", u.category, "ab")
attempt("lookup missing", u.lookup, "NO SUCH THING")
attempt("lookup long", u.lookup, "A" * 300)
attempt("lookup int", u.lookup, 1)
attempt("normalize form", u.normalize, "NFX", "a")
attempt("normalize int", u.normalize, "NFC", 1)
attempt("is_normalized form", u.is_normalized, "x", "a")
attempt("3.2 lookup alias", u.ucd_3_2_0.lookup, "LATIN CAPITAL LETTER GHA")
attempt("3.2 name", u.ucd_3_2_0.name, "\U0001f600")
attempt("create", u.UCD)

# binascii: base64, hex, uu, quoted-printable, crc32, crc_hqx; errors as CPython
import binascii as b

for data in [b"", b"a", b"ab", b"abc", b"abcd", bytes(range(256)), b"\xff\xfe\x00hello world"]:
    enc = b.b2a_base64(data)
    print(enc, b.a2b_base64(enc) == data, b.b2a_base64(data, newline=False)[:20], b.hexlify(data)[:16], b.unhexlify(b.hexlify(data)) == data)
    uu = b.b2a_uu(data[:45]); print(uu, b.a2b_uu(uu) == data[:45], b.b2a_uu(data[:45], backtick=True))
    print(b.crc32(data), b.crc32(data, 12345), b.crc_hqx(data, 0), b.crc_hqx(data, 0xffff))
print(b.a2b_base64("YWJj"), b.a2b_base64(b"YW Jj\n"), b.a2b_base64("YQ==YQ"), b.a2b_base64("YWJj===="), b.a2b_base64(b"Y!W@J#j"))
print(b.hexlify(b"abcdef", "-"), b.hexlify(b"abcdef", b":", 2), b.b2a_hex(b"\x01\x02\x03", "_", -2), b.a2b_hex("ABcd"), b.unhexlify(bytearray(b"00ff")))
print(b.crc32(b"hello", 2**40), b.crc32(b"x", -1), b.crc32(memoryview(b"abc")))
qp_in = b"hello = world\tend \nline two=\r\n" + bytes(range(120, 135)) + b"." + b"x" * 100 + b"\n.\n trailing \t"
for kw in [{}, {"quotetabs": True}, {"istext": False}, {"header": True}]:
    e = b.b2a_qp(qp_in, **kw)
    print(kw, e, b.a2b_qp(e, header=kw.get("header", False)) == qp_in)
print(b.b2a_qp(b"a\r\nb c\r\n"), b.b2a_qp(b"under_score and space", header=True), b.a2b_qp(b"=41=4=\n=3D_x=", header=True), b.a2b_qp("=\r\nab==cd=ZZ"))
print(b.a2b_uu(b""), b.a2b_uu(b"x"), b.a2b_uu(b" \n"), b.a2b_uu(b"!80``\n"))

def attempt(label, f, *a, **k):
    try:
        print(label, "->", f(*a, **k))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

attempt("pad", b.a2b_base64, "YWJ")
attempt("one more", b.a2b_base64, "YWJjZ")
attempt("nonascii", b.a2b_base64, "é")
attempt("int", b.a2b_base64, 1)
attempt("b2a str", b.b2a_base64, "abc")
attempt("strict disc", b.a2b_base64, "YW=Jj", strict_mode=True)
attempt("strict lead", b.a2b_base64, "=YWJj", strict_mode=True)
attempt("strict only", b.a2b_base64, "YW!Jj", strict_mode=True)
attempt("strict excess", b.a2b_base64, "YQ==YQ", strict_mode=True)
attempt("strict ok", b.a2b_base64, "YWJj=", strict_mode=True)
attempt("odd", b.unhexlify, "abc")
attempt("nonhex", b.unhexlify, "zz")
attempt("crc str", b.crc32, "abc")
attempt("hqx one", b.crc_hqx, b"abc")
attempt("b2a_hex none", b.b2a_hex)
attempt("uu long", b.b2a_uu, b"x" * 46)
attempt("uu illegal", b.a2b_uu, b"!\x7f")
attempt("uu trailing", b.a2b_uu, b"!80``\nzz")
attempt("sep long", b.hexlify, b"ab", "--")
print(b.Error.__mro__[1].__name__, b.Incomplete.__mro__[1].__name__, b.Error.__module__)

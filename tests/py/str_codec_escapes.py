# unicode_escape and raw_unicode_escape: final=False and True, error positions of
# truncated and malformed escapes, and runs of backslashes before \u in raw mode.
import codecs
for d in [b"ab\\", b"a\\x4", b"a\\x4g", b"a\\u00", b"a\\N{LATIN", b"a\\1", b"a\\12", b"a\\\\", b"\\", b"a\\\\\\", b"a\\\\u00", b"a\\\\\\u00", b"a\\N", b"a\\Nx", b"\\U0001f60", b"x\\n\\t"]:
    for f in (codecs.unicode_escape_decode, codecs.raw_unicode_escape_decode):
        for final in (False, True):
            try: print(d, f.__name__[:3], final, f(d, "strict", final))
            except Exception as e: print(d, f.__name__[:3], final, "ERR", e)
for d in [b"\\\\u0041", b"\\\\\\u0041", b"\\\\\\\\u0041", b"a\\u12", b"\\U0011ffff", b"\\u004", b"\\x", b"\\N{DASH}", b"\\N{EM DASH}x"]:
    for f in (codecs.unicode_escape_decode, codecs.raw_unicode_escape_decode):
        try: print(d, f.__name__[:3], f(d))
        except Exception as e: print(d, f.__name__[:3], "ERR", e)

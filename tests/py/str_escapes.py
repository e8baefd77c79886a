# String literal escape sequences.
s = "\a\b\f\n\r\t\v\\\'\"\0\101\x41\u0041\U00000041\N{LATIN CAPITAL LETTER A}"
print(repr(s), len(s), [ord(c) for c in s])
print(repr("\777"[0]) if False else repr("\7"), repr("\18"), repr("\x7f"), repr("\u00ff"), repr("\uffff"))
print(repr(r"\n\t\\"), len(r"\n"), repr(rb"\x00"), repr(b"\x00\n\\"))
print(repr("""a
b"""), repr('''x\
y'''))
print("tab:\t|", "bs:\\|", 'quote:\'|', "dq:\"|")
print(len("\N{SNOWMAN}"), "\N{snowman}" == "\u2603", "\N{EM DASH}")
print(repr("\r\n"), repr("\x00\x1f\x7f\x80\xa0"))
print("a" "b" 'c' """d""" '''e''')
print(b"\x41\102\n" == b"AB\n", len(b"\\"), b"\'" == b"'")

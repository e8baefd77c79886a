# expandtabs.
s = "a\tbc\tdef\tghij\t\nxy\tz"
print(repr(s.expandtabs()), repr(s.expandtabs(4)), repr(s.expandtabs(1)), repr(s.expandtabs(0)), repr(s.expandtabs(-3)))
print(repr("\t".expandtabs(3)), repr("12345678\t9".expandtabs()), repr("a\r\tb".expandtabs(4)))
print(repr("日\t本".expandtabs(4)))
print(repr(b"a\tb".expandtabs(4)))
print(repr("x\ty".expandtabs(tabsize=2)))

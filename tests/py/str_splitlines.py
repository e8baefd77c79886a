# splitlines recognises many line boundaries.
s = "one\ntwo\r\nthree\rfour\x0bfive\x0csix\x1cseven\x1deight\x1enine\x85ten\u2028eleven\u2029twelve\n"
print(s.splitlines())
print(s.splitlines(True))
print(s.splitlines(keepends=True)[:3])
print("".splitlines(), "\n".splitlines(), "\n\n".splitlines(True), "a\n\nb".splitlines(), "x".splitlines())
print("a\r\n\r\nb\r".splitlines(True))
print(b"a\nb\r\nc\x0bd".splitlines(), b"a\nb\r\n".splitlines(True))
print("no newline at end".splitlines())
print("line1\nline2".split("\n"), "line1\nline2\n".split("\n"))

# unicode-escape / raw-unicode-escape decoding errors
for codec in ("unicode-escape", "raw-unicode-escape"):
    for b in [br'\U11111111', br'\U00100000', b'\\N{foo}', b'\\N{foo', b'x\\N{LATIN SMALL LETTER A}']:
        try:
            print(codec, ascii(b.decode(codec)))
        except UnicodeDecodeError as e:
            print(codec, e.start, e.end, e.reason)
print(br'\U00100000'.decode("raw-unicode-escape").encode("raw-unicode-escape"))
class R:
    def __rmul__(self, other):
        return "R.__rmul__"
print('abc' * R(), 'abc'.__mul__(2))

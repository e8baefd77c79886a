"""Characters CPython 3.11's tokenizer rejects: not XID_Start/XID_Continue in a name,
control characters, a byte order mark inside a str source (a bytes source may start
with one), with the tokenizer's positions."""

cases = ['\ufeffx=1', 'x=1\n\ufeffy', 'x = \ufeff', '\ufeff', '# c\n\ufeff', 'x\u200b = 1', 'x = \u00a0 1', '€ = 1', 'a€ = 1',
         'x = 1 €', 'x = \x01', 'x = \x7f', 'a\u2028b', '\u0e33x = 1', 'x\u00b7 = 1', '\u00b7x = 1', '\U0001f600', 'ℕ = 1',
         'x = ℕ', '\u2160 = 3', 'a = \u30fb', 'f(\u30fb)', 's = "€" €', '# €\n€', 'x = 1 # €', 'def €(): pass', 'x.€',
         '1€', '1 €', '0x€', '$', '?', '!', 'a ! b', 'x = "\x01"', '# \x01\n', '\n\n\x0b', 'x = 1\x0c', '\x0c\x0cx = 1\n',
         'é€ = 1', 'x = 1é', 'x = 0b1é', 'x = 1.5é', 'x = 1jé', 'x = 1€', 'print(ℌ𝔢𝔩𝔩𝔬)', 'x = \U000e0001',
         'x = \U0010ffff', 'if x:\n    y = \u3000']
for s in cases:
    for m in ['exec', 'eval']:
        try:
            compile(s, '<s>', m)
            print(repr(s), m, 'OK')
        except SyntaxError as e:
            print(repr(s), m, e.args)
    if 'é' in s and '€' not in s:
        # a bytes source without a coding cookie: CPython's parser counts its offsets in bytes
        continue
    try:
        compile(s.encode(), '<s>', 'exec')
        print('  bytes OK')
    except SyntaxError as e:
        print('  bytes', e.args)

# a byte order mark starts a bytes source, not a str one
ns = {}
exec(compile(b'\xef\xbb\xbfx = 1\n', '<s>', 'exec'), ns)
print(ns['x'])
exec(b'\xef\xbb\xbfy = 2\n', ns)
print(ns['y'], eval(b'\xef\xbb\xbf3 + 4'))
try:
    eval('\ufeff3 + 4')
except SyntaxError as e:
    print(e.args)
# identifiers are NFKC-normalized
ℌ = 5
print(H, 'ℌ' in globals(), 'H' in globals())

# str(int) and int(str) round trips for many sizes and signs.
vals = []
for e in [0, 1, 9, 10, 18, 19, 20, 38, 39, 63, 64, 100, 500, 1000, 4000]:
    for base in [10 ** e, 2 ** e]:
        for delta in [-1, 0, 1]:
            vals.append(base + delta)
ok = True
for v in vals:
    for sign in [1, -1]:
        n = sign * v
        s = str(n)
        if int(s) != n or repr(n) != s:
            ok = False
            print("mismatch", n)
print("roundtrip ok:", ok, len(vals))
for v in vals[:24]:
    print(v, -v, f"{v:,}", f"{v:_x}" if v >= 0 else "")
print(str(10 ** 4000)[:5], len(str(10 ** 4000)), str(-(10 ** 299))[:4])
print(int("-0"), int("+0"), int("000123"), int("-000"), int("0" * 100 + "7"))
print(int(" \t\n 42 \r\n"), int("4_2"), int("0_0"), int("-1_0_0"))

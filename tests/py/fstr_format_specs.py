# f-string format specs: fill, align, sign, '#', '0', width, grouping, precision, type.
ints = [0, 7, -7, 255, -4096, 1234567]
for n in ints:
    print(f"{n:d}|{n:5d}|{n:<5d}|{n:^7d}|{n:>7d}|{n:*^9d}|{n:+d}|{n: d}|{n:-d}|{n:07d}|{n:=+8d}|{n:,d}|{n:_d}|{n:x}|{n:#x}|{n:#X}|{n:#o}|{n:#b}|{n:_b}|{n:#012_b}")
floats = [0.0, 3.14159, -2.71828, 1234567.8912, 1e-7, 6.02e23, -0.0]
for x in floats:
    print(f"{x:f}|{x:.2f}|{x:10.3f}|{x:<10.1f}|{x:^12.4f}|{x:+.1f}|{x: .1f}|{x:010.2f}|{x:,.2f}|{x:_.1f}|{x:e}|{x:.2E}|{x:g}|{x:.3g}|{x:#.3g}|{x:%}|{x:.1%}|{x:=+12.3f}|{x:x<9.1f}")
strs = ["", "a", "hello", "日本語", "wide string here"]
for s in strs:
    print(f"[{s}]|[{s:8}]|[{s:<8}]|[{s:>8}]|[{s:^8}]|[{s:.3}]|[{s:*^9.2}]|[{s!r:>10}]|[{s:{'-'}>{6}}]")
v = 42
w, p, f, a = 10, 3, "#", "^"
print(f"{v:{f}{a}{w}}", f"{3.14159:{w}.{p}}", f"{v:{'+' if v > 0 else ''}}", f"{v!r:{f}>{w}}", f"{'x':{f}<{w}}")
print(f"{True:d}", f"{True:>5}", f"{False!s:>7}", f"{None!r:^8}", f"{b'ab'!r}", f"{[1, 2]!s:>10}")
print(f"{1e16:.0f}", f"{2 ** 70:e}", f"{2 ** 70:,}", f"{-2 ** 70:_x}", f"{123.456:.0e}", f"{0.000123:.2g}")

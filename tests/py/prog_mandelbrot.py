# Program: ASCII Mandelbrot set using complex arithmetic (exercises float math determinism).
chars = " .:-=+*#%@"
rows = []
for y in range(-12, 13):
    row = []
    for x in range(-39, 21):
        c = complex(x / 20, y / 10)
        z = 0j
        n = 0
        while abs(z) <= 2 and n < 30:
            z = z * z + c
            n += 1
        row.append(chars[n * (len(chars) - 1) // 30])
    rows.append("".join(row))
print("\n".join(rows))
inside = sum(r.count("@") for r in rows)
print("points inside:", inside)
z = 0j
for _ in range(5):
    z = z * z + complex(-0.75, 0.1)
print(z, abs(z), z.real, z.imag)

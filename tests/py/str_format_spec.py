# Format specs for strings, ints and floats in format().
for spec in ["", "5", "<5", ">5", "^5", "*^7", ".2", "10.3", "-<4", "0>4", "=>4" if False else ">4"]:
    print(repr(spec), repr(format("abc", spec)), repr(format("日本", spec)))
for n in [0, 7, -7, 1234567, -1234567]:
    print([format(n, s) for s in ["", "5", "<5", "^6", "=6", "+", "-", " ", "05", "+06", ",", "_", "x", "#X", "o", "#o", "b", "#b", "c" if 0 <= n < 0x110000 else "d", "n", "e", "f", "%", ".3g", "#10x", "*>+9,", "0=8", "08,", "_o"]])
for x in [0.0, 1.5, -2.25, 1234.5678, 1e-10, 1e20, 0.1]:
    print([format(x, s) for s in ["", "g", ".3", "e", ".2e", "E", "f", ".0f", "F", "%", ".0%", "+.1f", " .1f", "08.2f", ",.2f", "_.3f", "<8.1f", "^9.2f", "=+9.1f", "#.0f", ".1g", "#.3g", "10", "-^10"]])
print(format(1.0, "g"), format(10.0, "g"), format(1e6, "g"), format(1e5, "g"), format(1.5e-5, "g"), format(12345678.0, "g"))
print(format(100.0, ""), format(1e16, ""), format(1.0, ".0"), format(0.5, ".0"), format(1.5, ".1"))
print(format(123.456, ".2"), format(123.456, ".5"), format(0.000012345, ".2"), format(float("nan"), "+"))
for bad in [("abc", "d"), ("abc", "+"), ("abc", "="), ("abc", ","), (1.5, "c"), (1, "z"), ("x", "#"), (1.5, "#x")]:
    try:
        print(format(*bad))
    except ValueError as e:
        print("ValueError:", e)

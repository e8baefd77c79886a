# int() from strings with bases, prefixes, underscores and whitespace.
cases = [
    ("0",), ("-0",), ("+17",), ("  42  ",), ("\t-99\n",), ("1_000_000",),
    ("ff", 16), ("FF", 16), ("0xff", 16), ("0xff", 0), ("0o17", 0), ("0b1011", 0),
    ("0b_1011", 0), ("z", 36), ("Zz", 36), ("777", 8), ("-101", 2), ("0", 0),
    ("00", 0), ("10", 0), ("1_0", 0), ("12345678901234567890123456789",),
    ("-0x_dead_beef", 16), ("0O777", 0), ("0B11", 0), ("0X1F", 0), ("11", 3),
    ("٣٤", ), ("１２３",),
]
for c in cases:
    print(repr(c), int(*c))
bad = [("",), (" ",), ("1.5",), ("0x10",), ("08", 0), ("1__0",), ("_1",), ("1_",),
       ("12", 2), ("g", 16), ("0b102", 0), ("abc",), ("--1",), ("+ 1",), ("1e5",),
       ("10", 1), ("10", 37), ("10", -1)]
for c in bad:
    try:
        print(int(*c))
    except ValueError as e:
        print("ValueError:", e)
print(int(3.99), int(-3.99), int(1e20), int(True), int(), int(-0.5))
print(int(b"42"), int(bytearray(b"-7")), int(b"ff", 16))
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
try:
    int([1])
except TypeError as e:
    print("TypeError:", e)
try:
    int(5, 10)
except TypeError as e:
    print("TypeError:", e)
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
print(int("  -  5".replace(" ", "")))
print(int(x="12") if False else int("12", base=10))

# Numeric literal forms.
print(0, 00, 0_0, 1_000_000, 0x_FF, 0XdeadBEEF, 0o777, 0O17, 0b1010, 0B_1_0, 0xffffffffffffffffffffffff)
print(1.0, 1., .5, 1e10, 1E10, 1e-10, 1.5e+3, 1_0.5_0, 1e1_0, 0.0, 00.5, 0e0, 1_2.3_4e5_6)
print(1j, 1J, 1.5j, 1e3j, 0j, 10_0j, .5j, 1_0e1_0j)
print(type(1).__name__, type(1.).__name__, type(1j).__name__, type(0x1).__name__, type(1e0).__name__)
print(1e308, 1e309, 1e-323, 1e-324, 4.9e-324, 2.4e-324, 2.5e-324)
print(12345678901234567890, 0x123456789ABCDEF0123, 0o1234567012345670123, 0b1 << 100)
print(0.1 + 0.2, 1/3, 2/3, 100.0, 1e16, 1e15, 123e-2, 9.999999999999999e22, 1e22 == 10 ** 22)
for src in ["1__0", "1_", "0x", "0b2", "0o8", "1e", "1.e", "0_x1", "09", "1.2.3", "1 000", "0x_", "1e1.5"]:
    try:
        print(repr(src), "->", eval(src))
    except SyntaxError as e:
        print(repr(src), "-> SyntaxError:", e.msg)

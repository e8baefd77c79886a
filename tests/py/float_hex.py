# float.hex and float.fromhex.
for v in [0.0, -0.0, 1.0, -1.0, 0.5, 0.1, 3.0, 1e-310, 5e-324, 1.7976931348623157e308, 255.5, 1 / 3]:
    h = v.hex()
    print(repr(v), h, float.fromhex(h) == v)
print(float("inf").hex(), float("-inf").hex(), float("nan").hex())
for s in ["0x1p0", "0x1.8p1", "-0x1p-2", "0X1.FFFFFFFFFFFFFP+1023", "0x.8", "1", "0xa",
          "  0x1p4  ", "inf", "-nan", "0x1.0000000000001p0", "0x1p-1074", "0x1p-1075", "0x3p-1076"]:
    print(s, repr(float.fromhex(s)))
for s in ["0x1p2000", "", "0xg", "1.2.3"]:
    try:
        print(float.fromhex(s))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)

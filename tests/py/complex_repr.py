# repr/str and construction of complex numbers.
vals = [0j, 1j, -1j, 1 + 0j, -1 - 0j, 1.5 + 2.5j, complex(0, -0.0), complex(-0.0, 0),
        complex(-0.0, -0.0), 1e20j, 1e-5 + 1e16j, complex(float("inf"), float("nan")),
        complex(1, float("-inf")), 3 + 4j]
for v in vals:
    print(repr(v), str(v))
print(complex(), complex(2), complex(2.5, -1), complex("1+2j"), complex(" 3-4j "), complex("j"),
      complex("-1.5e2J"), complex("(1+1j)"), complex("inf+nanj"), complex(1j, 1j), complex(True))
for bad in ["1+", "j1", "1 + 2j", "", "abc", "1+2j+3j"]:
    try:
        complex(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    complex("1", 2)
except TypeError as e:
    print("TypeError:", e)
print(format(1 + 2j, ""), format(1.5 - 2j, ".2f"), format(1 + 2j, "^20"), format(3j, "e"))
print("%s %r" % (1j, 2 + 3j))
print(f"{1+2j!r} {(1+2j).real:.1f}")
print(type(1j).__name__, isinstance(1j, complex), complex.__name__)

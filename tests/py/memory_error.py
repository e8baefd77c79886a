# Impossible allocations raise MemoryError (or OverflowError) and can be caught.
attempts = [
    ("list * 2**62", lambda: [0] * (2 ** 62)),
    ("str * 2**62", lambda: "x" * (2 ** 62)),
    ("bytes * 2**62", lambda: b"x" * (2 ** 62)),
    ("tuple * 2**62", lambda: (0,) * (2 ** 62)),
    ("bytearray(2**62)", lambda: bytearray(2 ** 62)),
    ("bytes(2**62)", lambda: bytes(2 ** 62)),
    ("'ab' * 2**62", lambda: "ab" * (2 ** 62)),
    ("list * 2**63", lambda: [0] * (2 ** 63)),
    ("str * 2**64", lambda: "x" * (2 ** 64)),
]
for name, f in attempts:
    try:
        f()
        print(name, "allocated?!")
    except MemoryError as e:
        print(name, "-> MemoryError", repr(str(e)))
    except OverflowError as e:
        print(name, "-> OverflowError:", e)
print(issubclass(MemoryError, Exception))
small = [0] * 1000
print(len(small), "interpreter still works")

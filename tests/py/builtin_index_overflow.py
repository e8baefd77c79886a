# Index-sized int arguments beyond Py_ssize_t raise OverflowError (not silently a default),
# non-ints raise TypeError; complex ** that overflows raises OverflowError; to_bytes sizes.
cases = [
    "'a b'.split(None, 'x')", "'a'.replace('a', 'b', 'x')", "'a b'.rsplit(None, 2**63)",
    "'a'.split('a', 2**63)", "'a'.replace('a', 'b', 2**63)", "'a b c'.split(None, 1)",
    "'aaa'.replace('a', 'b', 2)", "[1].pop(-2**63)", "[].insert(-2**64, 1)", "[].insert(2**63, 1)",
    "[1].pop(2**63)", "[1, 2].pop(1)", "(1+1j) ** (2**62)", "complex('1+2j') ** 1000",
    "(1e200+0j) ** 2", "complex(float('inf'), 0) ** 2", "(1+1j) ** 2", "(2**62).to_bytes(2**62, 'big')",
    "(1).to_bytes(2**63, 'big')", "(258).to_bytes(2, 'big')", "' '.ljust(2**63)", "'x'.zfill(2**64)",
    "__import__('sys').setrecursionlimit(2**62)",
]
for c in cases:
    try:
        print(c, '->', repr(eval(c))[:60])
    except (OverflowError, TypeError, IndexError, MemoryError, ValueError) as e:
        print(c, '->', type(e).__name__, e)

# Index-sized int arguments beyond Py_ssize_t raise OverflowError (not silently a default),
# non-ints raise TypeError; complex ** that overflows raises OverflowError; to_bytes sizes.
cases = [
    "'a b'.split(None, 'x')", "'a'.replace('a', 'b', 'x')", "'a b'.rsplit(None, 2**63)",
    "'a'.split('a', 2**63)", "'a'.replace('a', 'b', 2**63)", "'a b c'.split(None, 1)",
    "'aaa'.replace('a', 'b', 2)", "[1].pop(-2**63)", "[].insert(-2**64, 1)", "[].insert(2**63, 1)",
    "[1].pop(2**63)", "[1, 2].pop(1)", "(1+1j) ** (2**62)", "complex('1+2j') ** 1000",
    "(1e200+0j) ** 2", "complex(float('inf'), 0) ** 2", "(1+1j) ** 2", "(2**62).to_bytes(2**62, 'big')",
    "(1).to_bytes(2**63, 'big')", "(258).to_bytes(2, 'big')", "' '.ljust(2**63)", "'x'.zfill(2**64)",
    "__import__('sys').setrecursionlimit(2**62)", "sorted([1], reverse='x')", "sorted([1], reverse=2**70)",
    "sorted([2, 1], reverse=2)", "[1].sort(reverse=None)", "b'ab'.hex(':', 2**63)", "b'ab'.hex(':', 'x')",
    "b'abc'.hex(':', -2)", "__import__('os').strerror(2**40)", "__import__('time').gmtime(2**62)",
    "__import__('time').gmtime(67768036191676799)[:3]", "__import__('time').gmtime(-67768040609740801)",
    "__import__('math').comb(2**100, 2**63)", "__import__('math').perm(2**64, 2**64 - 1)",
    "__import__('math').comb(5, 2**64)", "[].__add__()", "[].__add__(1, 2)", "list.__add__([])",
    "object.__eq__(None)", "type.__instancecheck__(int)", "str.__mod__('')", "dict.__ior__({})",
    "(1).__neg__(2)", "dict.__contains__({})", "dict.__setitem__({}, 1)", "list.__getitem__([])",
    "tuple.__getitem__(())", "set.__contains__(set())", "frozenset.__contains__(frozenset())",
]
for c in cases:
    try:
        print(c, '->', repr(eval(c))[:60])
    except (OverflowError, TypeError, IndexError, MemoryError, ValueError, OSError) as e:
        print(c, '->', type(e).__name__, e)

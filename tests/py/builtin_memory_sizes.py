# A size the program asks for is checked before memory is taken: MemoryError (or
# OverflowError) at once, as CPython raises them, instead of growing until the kernel
# stops the process. Also float formatting with huge precisions (every digit printed).
# (bytearray(b'ab')*2**61 is left out: CPython 3.11 raises MemoryError for it but also
# prints a stray SystemError about exported buffers.)
cases = [
    "list(range(2**62))", "[0]*2**62", "'x'*2**62", "b'x'*2**62", "bytearray(2**62)", "bytes(2**62)",
    "(0,)*2**62", "[0,1]*2**61", "'ab'*2**61", "list(range(2**40))",
    "tuple(range(2**62))", "' '.ljust(2**62)", "'x'.center(2**62)", "'x'.rjust(2**62)",
    "'{:2000000000000}'.format(1)", "'%2000000000000d' % 1", "[None]*(2**63-1)", "'x'*(2**63)",
    "[0]*(2**63)", "'abc'.zfill(2**62)", "'a\\tb'.expandtabs(2**62)", "bytes(range(3))*2**62",
    "bytearray().zfill(2**62)", "'x'.ljust(2**64)", "list(range(2**62)[::2**30])[:1]",
    "len('%.1000000f' % 1.0)", "len(format(1.0, '.1000000f'))", "len(f'{1.0:.1000000f}')",
    "len('%.1000000e' % 1.0)", "len(format(2.5, '.1000000g'))", "('%.100000f' % 0.1)[:40]",
    "('%.100000f' % 0.1)[-5:]", "round(1.5, 2**62)", "format(10**100, '.1000000f')[:3]",
    "len(format(1, '1000000'))", "range(2**62)[::2]", "len(repr(1e300 * 10))", "format(1e308, '.400f')[-3:]",
]
for c in cases:
    try:
        r = eval(c)
        print(c, '->', repr(r)[:60])
    except (MemoryError, OverflowError) as e:
        print(c, '->', type(e).__name__, str(e)[:100])

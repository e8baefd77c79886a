# repr of floats whose shortest digits end exactly halfway (..25, ..75 at the 17th digit):
# CPython picks the even last digit. Found by the JIT fuzzer comparing the interpreter with
# CPython (PYJIT_FUZZ_CPYTHON=1, seed 60): 2.0**53 * 0.1.
print(9007199254740992.0 * 0.1)
print(900719925474099.25, 900719925474099.75)
print(2113019011531272.25, 856919535460074.25)
print(-900719925474099.25, 1801439850948198.5)
print(str(900719925474099.25), f"{900719925474099.25!r}", [900719925474099.25])
for v in (4503599627370495.5, 2251799813685247.75, 1125899906842623.875, 562949953421311.9375):
    print(v, repr(v * 3))

# Found by the JIT fuzzer (crates/pyjit/tests/jit_fuzz.rs, seeds 101195, 102187, 102348):
# loop variables swapped or rotated by a tuple assignment, one of them also used in int
# arithmetic (so the trace unboxes it), must keep their values in the compiled loop.

def rotate3():
    a = 13
    b = 12
    c = 0
    for i in range(36):
        x = a + 1
        a, b, c = b, c, a
    print("rotate3", a, b, c, x)


def swap2():
    a = 13
    b = 12
    for i in range(35):
        x = a + 1
        a, b = b, a
    print("swap2", a, b, x)


def swap_xor():
    a0 = 13
    a1 = 21699
    a2 = 7
    for i in range(16, 51, 3):
        a1 = (a1 ^ a0) & 1073741823
        a2, a0 = a0, a2
    print("swap_xor", a0, a1, a2)


def swap_bool():
    a0 = False
    a3 = 5
    w = -1
    for i in range(-13, 24, 5):
        a3, a0 = a0, a3
        a0 -= (w - w)
    print("swap_bool", a0, a3)


def fib_pair():
    a, b = 0, 1
    n = 0
    for i in range(40):
        n = n + a
        a, b = b, a + b
    print("fib_pair", a, b, n)


def rotate_while():
    a, b, c = 1, 2, 3
    k = 0
    while k < 50:
        k += 1
        s = a + b + c + k
        a, b, c = c, a, b
    print("rotate_while", a, b, c, s)


rotate3()
swap2()
swap_xor()
swap_bool()
fib_pair()
rotate_while()

# Lambdas.
sq = lambda x: x * x
print(sq(7), (lambda: "noargs")(), (lambda *a, **k: (a, k))(1, z=2), (lambda a, b=3: a + b)(1))
print(sq.__name__, (lambda: 0).__name__, sq.__qualname__)
print(list(map(lambda s: s[::-1], ["ab", "cd"])), sorted([3, -1, 2], key=lambda v: -v))
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
print(compose(sq, inc)(3), compose(inc, sq)(3))
Y = lambda f: (lambda x: x(x))(lambda y: f(lambda *args: y(y)(*args)))
fact = Y(lambda self: lambda n: 1 if n <= 1 else n * self(n - 1))
print(fact(10))
print((lambda x, /, y, *, z: (x, y, z))(1, y=2, z=3))
print([(lambda i=i: i * 10)() for i in range(4)])
cond = lambda n: "neg" if n < 0 else "zero" if n == 0 else "pos"
print([cond(v) for v in (-5, 0, 5)])
print((lambda: (yield))().__class__.__name__)

# __iter__/__next__ protocol.
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(5)), [x * 2 for x in Countdown(3)], sum(Countdown(4)), max(Countdown(6)))
c = Countdown(2)
print(list(c), list(c))
class Reusable:
    def __init__(self, data):
        self.data = data
    def __iter__(self):
        return iter(self.data)
r = Reusable("abc")
print(list(r), list(r), tuple(r), "-".join(r), sorted(r, reverse=True))
class GenIter:
    def __iter__(self):
        yield 1
        yield 2
print(list(GenIter()), [*GenIter()], dict.fromkeys(GenIter()))
a, b = GenIter()
print(a, b)
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)
try:
    for _ in BadIter():
        pass
except TypeError as e:
    print("TypeError:", e)
class NoNext:
    def __iter__(self):
        return self
try:
    list(NoNext())
except TypeError as e:
    print("TypeError:", e)
try:
    iter(42)
except TypeError as e:
    print("TypeError:", e)
try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)
it = iter([1, 2, 3])
print(next(it), iter(it) is it, list(it), next(it, "exhausted"))
class Fib:
    def __iter__(self):
        a, b = 0, 1
        while True:
            yield a
            a, b = b, a + b
for i, v in zip(range(10), Fib()):
    print(i, v, end="; ")
print()
class Raising:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i == 3:
            raise ValueError("boom at 3")
        return self.i
try:
    for x in Raising():
        print("got", x)
except ValueError as e:
    print("ValueError:", e)

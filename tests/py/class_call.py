# __call__ and callable().
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *rest, scale=1):
        return (self.n + x + sum(rest)) * scale
a = Adder(10)
print(a(1), a(1, 2, 3), a(1, scale=3), callable(a), callable(Adder), callable(1), callable(len), callable(lambda: 0))
print(list(map(Adder(100), [1, 2, 3])))
class Counter:
    def __init__(self):
        self.calls = 0
    def __call__(self):
        self.calls += 1
        return self.calls
c = Counter()
c(); c()
print(c(), c.calls)
try:
    five = 5
    five()
except TypeError as e:
    print("TypeError:", e)
class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print("TypeError:", e)
try:
    a()
except TypeError as e:
    print("TypeError:", e)
class CallViaInstance:
    pass
inst = CallViaInstance()
inst.__call__ = lambda: "instance attr"
try:
    inst()
except TypeError as e:
    print("TypeError:", e)
class Chain:
    def __call__(self):
        return self
print(Chain()()()() .__class__.__name__)
class StaticCall:
    __call__ = staticmethod(lambda: "static call")
print(StaticCall()())

# Decorators: simple, with arguments, stacking, class decorators, preserving attributes manually.
def trace(fn):
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args, kwargs)
        result = fn(*args, **kwargs)
        print("ret", result)
        return result
    wrapper.__name__ = fn.__name__
    wrapper.__wrapped__ = fn
    return wrapper
@trace
def add(a, b=0):
    return a + b
add(1, b=2)
print(add.__name__, add.__wrapped__(5))
def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    return "hi " + name
print(hello("bob"))
order = []
def mark(label):
    order.append("factory " + label)
    def deco(fn):
        order.append("apply " + label)
        return fn
    return deco
@mark("outer")
@mark("inner")
def f():
    pass
print(order)
def add_attr(cls):
    cls.added = "yes"
    return cls
@add_attr
class K:
    pass
print(K.added)
registry = {}
def register(fn):
    registry[fn.__name__] = fn
    return fn
@register
def one(): return 1
@register
def two(): return 2
print(sorted(registry), registry["two"]())
@(lambda fn: fn.__name__.upper())
def decorated_to_string():
    pass
print(decorated_to_string)
def memo(fn):
    cache = {}
    def w(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return w
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(90))

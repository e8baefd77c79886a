import sys
def gen():
    try:
        print("a", sys.exc_info()[0])
        yield
        raise TypeError()
    except TypeError as exc:
        print("b", sys.exc_info()[0], type(exc.__context__))
    print("c", sys.exc_info()[0])
    yield
    print("d", sys.exc_info()[0])
    yield "done"

g = gen()
next(g)
try:
    raise ValueError
except Exception:
    next(g)
print(next(g))
print(sys.exc_info())

def g2():
    print("e", type(sys.exc_info()[1]))
    yield
    print("f", sys.exc_info())
it = g2()
try:
    raise RuntimeError
except RuntimeError:
    next(it)
try:
    next(it)
except StopIteration:
    print("stop")

# a generator handling its own exception, resumed from a caller that handles another
def g3():
    try:
        raise KeyError("k")
    except KeyError:
        yield sys.exc_info()[0]
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]
it = g3()
print(next(it))
try:
    raise IndexError
except IndexError:
    print(next(it))
    print(next(it))
print(sys.exc_info()[0])

# bare raise in a generator re-raises the caller's exception
def g4():
    yield
    raise
it = g4()
next(it)
try:
    raise OSError("outer")
except OSError:
    try:
        next(it)
    except OSError as e:
        print("reraised", e)

# gen.throw(cls) whose instantiation fails or returns a non-exception throws that TypeError
# (or the error) into the generator; non-exception classes and objects are refused first.
class E(Exception):
    def __new__(cls, *args, **kwargs): return cls
def boring():
    yield
g = boring()
try: g.throw(E)
except TypeError as e: print(e)
try: next(g)
except StopIteration: print('stopped')
def gen2():
    try:
        yield
    except TypeError as e:
        print('inside', e)
g = gen2(); next(g)
try: g.throw(E)
except StopIteration: print('stopped 2')
g = gen2(); next(g)
try: g.throw(int)
except TypeError as e: print(e)
try: g.throw(5)
except TypeError as e: print(e)
class F(Exception):
    def __init__(self, x): raise KeyError(x)
g = gen2(); next(g)
try: g.throw(F, 3)
except KeyError as e: print('KeyError', e)

# try/finally and with inside generators when they are closed, exhausted or garbage-free closed.
log = []
class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        log.append("enter " + self.name)
    def __exit__(self, et, ev, tb):
        log.append(f"exit {self.name} {et.__name__ if et else None}")
def gen():
    with CM("outer"):
        try:
            for i in range(3):
                with CM(f"inner{i}"):
                    yield i
        finally:
            log.append("gen finally")
g = gen()
print(next(g), next(g))
g.close()
print(log)
log.clear()
print(list(gen()))
print(log)
log.clear()
g = gen()
next(g)
try:
    g.throw(KeyError("x"))
except KeyError:
    pass
print(log)
def gen_return_in_finally():
    try:
        yield 1
    finally:
        return "from finally"
g = gen_return_in_finally()
next(g)
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value)
g = gen_return_in_finally()
next(g)
print(g.close())
def gen_yield_in_finally():
    try:
        yield 1
    finally:
        yield "cleanup"
g = gen_yield_in_finally()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)
print(list(gen_yield_in_finally()))

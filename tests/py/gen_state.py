# Generator state attributes and introspection.
def g():
    yield 1
    yield 2
gen = g()
def state(x):
    return (x.gi_running, x.gi_frame is not None, x.gi_suspended if hasattr(x, "gi_suspended") else None)
print(state(gen))
next(gen)
print(state(gen))
list(gen)
print(state(gen))
print(gen.__name__, gen.__qualname__, g.__code__.co_flags & 0x20 != 0)
gen2 = g()
gen2.__name__ = "renamed"
print(gen2.__name__)
def inspect_self():
    yield me.gi_running
me = inspect_self()
print(next(me))
class Holder:
    def items(self):
        yield from range(3)
print(list(Holder().items()), Holder().items().__qualname__)
print(type(g).__name__, type(gen).__name__, iter(gen) is gen)

# gi_frame of a generator: its saved locals and line while suspended, the live frame
# while it runs, None once it finished (inspect.getgeneratorlocals reads it).
import inspect
def w(a):
    k = 5
    yield 1
    z = k + a
    yield 2
    def inner():
        return z
    yield inner
g = w(3)
print(g.gi_frame.f_locals, g.gi_frame.f_lineno, inspect.getgeneratorstate(g))
next(g)
print(g.gi_frame.f_locals, g.gi_frame.f_lineno, inspect.getgeneratorlocals(g))
next(g)
print(sorted(g.gi_frame.f_locals.items()), g.gi_frame.f_lineno)
next(g)
print(sorted(g.gi_frame.f_locals), g.gi_frame.f_lineno, g.gi_frame.f_code.co_name)
def selfref():
    me = yield
    yield me.gi_frame.f_lineno, me.gi_running, sorted(me.gi_frame.f_locals)
s = selfref()
next(s)
print(s.send(s))
for _ in g:
    pass
print(g.gi_frame, inspect.getgeneratorstate(g))

# Generators resumed as frames of the caller's dispatch loop (for, yield from, await):
# values, StopIteration as RuntimeError, exception state, tracebacks, frames, recursion.
import sys
def g(n):
    for i in range(n):
        yield i
print(sum(x for x in g(10)), list(g(3)))
t = 0
for x in g(5):
    t += x
print(t)
def bad():
    yield 1
    raise StopIteration
try:
    for x in bad(): print(x)
except RuntimeError as e:
    print("RE", e, type(e.__cause__))
def exc_inside():
    try:
        raise KeyError(1)
    except KeyError:
        yield sys.exc_info()[0]
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]
try:
    raise ValueError
except ValueError:
    for v in exc_inside():
        print(v, sys.exc_info()[0])
for v in exc_inside():
    print(v, sys.exc_info()[0])
def deleg():
    r = yield from g(3)
    print("r", r)
    r = yield from ret()
    print("r", r)
def ret():
    yield 'a'
    return 42
print(list(deleg()))
def boom():
    yield 1
    1/0
import traceback
try:
    for x in boom(): pass
except ZeroDivisionError:
    print(traceback.format_exc().replace(__file__, 'THIS_FILE'), end='')
def inner():
    x = yield 1
    print("got", x)
    y = yield 2
    return x, y
def outer():
    v = yield from inner()
    print("v", v)
    yield 3
o = outer()
print(next(o), o.send('A'), o.send('B'))
gen = g(3)
for x in gen:
    if x == 1: break
print(next(gen))
def selfref():
    for x in me: yield x
me = selfref()
try:
    for x in me: pass
except ValueError as e: print(e)
def fr():
    yield sys._getframe().f_back.f_code.co_name
def caller():
    return [x for x in fr()]
print(caller())
import asyncio
async def a1(): return 5
async def a2():
    x = await a1()
    await asyncio.sleep(0)
    return x + 1
print(asyncio.run(a2()))
def rec(n):
    if n: yield from rec(n-1)
    else: yield 0
try:
    print(list(rec(5000)))
except RecursionError as e: print("RecursionError")

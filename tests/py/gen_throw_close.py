# generator.throw and generator.close.
def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught in generator:", repr(e))
        yield "recovered"
    finally:
        print("finally in generator")
gen = g()
print(next(gen))
print(gen.throw(ValueError("boom")))
try:
    next(gen)
except StopIteration:
    print("done")
gen = g()
next(gen)
try:
    gen.throw(KeyError("unhandled"))
except KeyError as e:
    print("propagated:", repr(e))
print(next(gen, "exhausted after throw"))
gen = g()
try:
    gen.throw(ValueError("before start"))
except ValueError as e:
    print("thrown before start propagates:", repr(e))
gen = g()
next(gen)
gen.close()
print("closed; next ->", next(gen, "nothing"))
gen.close()
def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"
gen = ignores_exit()
next(gen)
try:
    gen.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def catches_exit():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
gen = catches_exit()
next(gen)
gen.close()
def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return "value ignored"
gen = returns_on_exit()
next(gen)
print(gen.close())
gen = g()
try:
    gen.throw(ValueError)
except ValueError as e:
    print("class thrown:", repr(e))
def typed():
    while True:
        try:
            yield
        except TypeError:
            print("TypeError inside")
t = typed()
next(t)
t.throw(TypeError)
t.throw(TypeError("again"))
t.close()
print(t.gi_frame)
def raise_stop():
    yield 1
    raise StopIteration("explicit")
try:
    list(raise_stop())
except RuntimeError as e:
    print("RuntimeError:", e, repr(e.__cause__))

# Bare raise, re-raising, raise in except, sys.exc_info.
import sys
def reraise():
    try:
        raise ValueError("orig")
    except ValueError:
        print("handling", sys.exc_info()[0].__name__, sys.exc_info()[1])
        raise
try:
    reraise()
except ValueError as e:
    print("re-raised", repr(e))
print(sys.exc_info())
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
def outer():
    try:
        raise KeyError("k")
    except KeyError:
        inner()
        raise
def inner():
    try:
        raise ValueError("inner")
    except ValueError:
        pass
try:
    outer()
except KeyError as e:
    print("after nested handler, bare raise re-raises", repr(e))
try:
    try:
        raise TypeError("t")
    except TypeError as e:
        raise e
except TypeError as e:
    print("raise e", repr(e), e.__context__)
def exc_in_handler():
    try:
        raise ValueError("a")
    except ValueError:
        print("exc_info inside:", sys.exc_info()[0].__name__)
    print("exc_info after:", sys.exc_info())
exc_in_handler()
print(sys.exception() if hasattr(sys, "exception") else "n/a")
try:
    raise ValueError("caught")
except ValueError:
    try:
        raise TypeError("nested")
    except TypeError:
        print("inner", sys.exc_info()[0].__name__)
    print("restored", sys.exc_info()[0].__name__)
def gen():
    try:
        yield 1
    except ValueError:
        print("gen caught", sys.exc_info()[0].__name__)
        yield 2
g = gen()
next(g)
print(g.throw(ValueError))
e = ValueError("with_traceback")
print(e.with_traceback(None) is e, e.__traceback__)
try:
    raise e
except ValueError as caught:
    print(caught.__traceback__ is not None, type(caught.__traceback__).__name__, caught.__traceback__.tb_lineno)

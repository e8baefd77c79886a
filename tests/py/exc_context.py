# Implicit exception chaining via __context__.
def chain_of(e):
    out = []
    while e is not None:
        out.append(f"{type(e).__name__}({e})")
        e = e.__context__
    return out
try:
    try:
        1 / 0
    except ZeroDivisionError:
        [][1]
except IndexError as e:
    print(chain_of(e), e.__cause__, e.__suppress_context__)
try:
    try:
        raise ValueError("a")
    except ValueError:
        try:
            raise TypeError("b")
        except TypeError:
            raise KeyError("c")
except KeyError as e:
    print(chain_of(e))
try:
    try:
        raise ValueError("a")
    finally:
        raise TypeError("in finally")
except TypeError as e:
    print(chain_of(e))
try:
    try:
        raise ValueError("handled")
    except ValueError:
        pass
    raise TypeError("after handled")
except TypeError as e:
    print(chain_of(e))
try:
    err = ValueError("reraise same")
    try:
        raise err
    except ValueError:
        raise err
except ValueError as e:
    print(chain_of(e), e.__context__ is None)
def f():
    try:
        raise KeyError("in f")
    except KeyError:
        return g()
def g():
    raise RuntimeError("in g")
try:
    f()
except RuntimeError as e:
    print(chain_of(e))
try:
    try:
        raise ValueError("x")
    except ValueError as e:
        raise
except ValueError as e:
    print(chain_of(e))
try:
    try:
        raise ValueError("outer")
    except ValueError as outer:
        try:
            raise outer
        except ValueError:
            raise KeyError("k")
except KeyError as e:
    print(chain_of(e))

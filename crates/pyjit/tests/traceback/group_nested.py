def f():
    raise ValueError("inner")
def g():
    try:
        f()
    except ValueError as e:
        raise ExceptionGroup("outer", [e, ExceptionGroup("sub", [TypeError("t"), KeyError("k")])])
g()

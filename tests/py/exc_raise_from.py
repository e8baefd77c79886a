# raise ... from ...: __cause__, __context__, __suppress_context__.
try:
    try:
        int("x")
    except ValueError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__, e.__cause__ is e.__context__)
try:
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("from None") from None
except RuntimeError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
try:
    raise ValueError("v") from TypeError("t")
except ValueError as e:
    print(repr(e.__cause__), e.__context__, e.__suppress_context__)
try:
    raise ValueError("cls cause") from KeyError
except ValueError as e:
    print(repr(e.__cause__), type(e.__cause__).__name__)
try:
    raise ValueError from 5
except TypeError as e:
    print("TypeError:", e)
e = ValueError("manual")
e.__cause__ = KeyError("c")
print(e.__suppress_context__, repr(e.__cause__))
e.__suppress_context__ = False
print(e.__suppress_context__)
try:
    e.__cause__ = "bad"
except TypeError as err:
    print("TypeError:", err)
try:
    try:
        raise ValueError(1)
    except ValueError as inner:
        raise KeyError(2) from inner
except KeyError as outer:
    chain = []
    x = outer
    while x is not None:
        chain.append(repr(x))
        x = x.__cause__ or x.__context__
    print(chain)

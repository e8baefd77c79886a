# ExceptionGroup and except*.
eg = ExceptionGroup("group msg", [ValueError(1), TypeError(2), ValueError(3)])
print(repr(eg), str(eg), eg.message, eg.exceptions, type(eg).__mro__[1].__name__)
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(repr(eg.subgroup(TypeError)), eg.subgroup(KeyError))
print(repr(eg.split(lambda e: isinstance(e, ValueError) and e.args[0] > 1)))
try:
    raise eg
except* ValueError as g:
    print("caught ValueErrors:", repr(g))
except* TypeError as g:
    print("caught TypeErrors:", repr(g))
try:
    try:
        raise ExceptionGroup("outer", [KeyError("k"), ExceptionGroup("inner", [ValueError("v"), OSError("o")])])
    except* ValueError as g:
        print("value part:", repr(g))
    except* OSError as g:
        print("os part:", repr(g))
except ExceptionGroup as rest:
    print("unhandled rest:", repr(rest))
try:
    raise ValueError("naked")
except* ValueError as g:
    print("naked wrapped:", repr(g), type(g).__name__)
try:
    BaseExceptionGroup("b", [KeyboardInterrupt()])
    print(type(BaseExceptionGroup("b", [KeyboardInterrupt()])).__name__, type(BaseExceptionGroup("b", [ValueError()])).__name__)
except Exception as e:
    print(e)
for args in [("m", []), ("m", [1]), (5, [ValueError()]), ("m", ValueError())]:
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    ExceptionGroup("m", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError:", e)
def handler():
    try:
        raise ExceptionGroup("eg", [ValueError("x")])
    except* ValueError:
        print("handled, no return allowed inside except*")
    return "done"
print(handler())
try:
    compile("try:\n    pass\nexcept* ValueError:\n    return 1\n", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    compile("def f():\n  try:\n    pass\n  except* ValueError:\n    return 1\n", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
eg2 = ExceptionGroup("derive", [ValueError("a")])
d = eg2.derive([TypeError("b")])
print(repr(d), d.message)

# Custom exception classes.
class AppError(Exception):
    pass
class ConfigError(AppError):
    def __init__(self, key, reason):
        super().__init__(f"bad config {key!r}: {reason}")
        self.key = key
        self.reason = reason
class NoSuper(Exception):
    def __init__(self, a, b):
        self.a, self.b = a, b
class WithStr(Exception):
    def __str__(self):
        return "custom str"
class WithRepr(ValueError):
    def __repr__(self):
        return "WithRepr!"
try:
    raise ConfigError("port", "not a number")
except AppError as e:
    print(type(e).__name__, e, e.key, e.reason, e.args, isinstance(e, Exception))
try:
    raise NoSuper(1, 2)
except NoSuper as e:
    print(e.args, str(e), repr(e), e.a, e.b)
print(str(WithStr("ignored")), repr(WithStr("x")), WithStr("x").args)
print(str(WithRepr("v")), repr(WithRepr("v")))
try:
    raise AppError
except AppError as e:
    print(repr(e), e.args)
class NotAnException:
    pass
try:
    raise NotAnException()
except TypeError as e:
    print("TypeError:", e)
try:
    raise 5
except TypeError as e:
    print("TypeError:", e)
try:
    try:
        pass
    except NotAnException:
        pass
    print("except clause with non-exception not evaluated")
    try:
        raise ValueError
    except NotAnException:
        pass
except TypeError as e:
    print("TypeError:", e)
class Hierarchy(KeyError):
    pass
try:
    raise Hierarchy("h")
except LookupError as e:
    print("caught as LookupError", repr(e), str(e))
class MyExc(Exception):
    def __init__(self, *args, code=0):
        super().__init__(*args)
        self.code = code
try:
    raise MyExc("m", code=7)
except MyExc as e:
    print(e, e.code)
class BadInit(Exception):
    def __init__(self):
        raise RuntimeError("init failed")
try:
    raise BadInit
except RuntimeError as e:
    print("RuntimeError:", e)

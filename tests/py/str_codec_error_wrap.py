# An exception raised inside a codec of the registry by str.encode / bytes.decode is
# re-raised as "encoding with 'NAME' codec failed (Type: message)", caused by the original,
# when it carries nothing but its message (CPython's wrap_codec_error); others pass as they are.
import codecs

class Plain(Exception):
    pass

class WithInit(Exception):
    def __init__(self, msg):
        super().__init__(msg)

def make_exc(kind):
    if kind == "index":
        return IndexError("position out of bounds")
    if kind == "value2":
        return ValueError("two", "args")
    if kind == "valuenum":
        return ValueError(42)
    if kind == "key":
        return KeyError("k")
    if kind == "os":
        return OSError(2, "No such file")
    if kind == "plain":
        return Plain("plain message")
    if kind == "withinit":
        return WithInit("init message")
    if kind == "attr":
        e = RuntimeError("with attribute")
        e.extra = 1
        return e
    if kind == "empty":
        return RuntimeError()
    if kind == "stop":
        return StopIteration("stop")
    if kind == "unicode":
        return UnicodeError("unicode base")
    return TypeError("type problem")

current = ["index"]

def enc(s, errors="strict"):
    raise make_exc(current[0])

def dec(b, errors="strict"):
    raise make_exc(current[0])

def search(name):
    if name == "test_failing":
        return codecs.CodecInfo(enc, dec, name="test-failing")
    return None

codecs.register(search)
for kind in ["index", "value2", "valuenum", "key", "os", "plain", "withinit", "attr", "empty", "stop", "unicode", "type"]:
    current[0] = kind
    for what, f in [("encode", lambda: "x".encode("test_failing")), ("decode", lambda: b"x".decode("Test_Failing"))]:
        try:
            f()
        except BaseException as e:
            cause = e.__cause__
            print(kind, what, type(e).__name__, repr(str(e)), type(cause).__name__ if cause else None,
                  e.__suppress_context__)
def handler(e):
    return ("x", 100)
codecs.register_error("test.wrap.bad", handler)
try:
    b"\xff".decode("utf-7", "test.wrap.bad")
except IndexError as e:
    print("IndexError:", e, type(e.__cause__).__name__)
try:
    b"+AG".decode("UTF7", "no.such.handler")
except LookupError as e:
    print("LookupError:", e)
try:
    "x".encode("utf-7", "anything")
    print("utf-7 encoding ignores the error handler")
except LookupError as e:
    print("LookupError:", e)

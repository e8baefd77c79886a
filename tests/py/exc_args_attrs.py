# Exception args, str/repr, and attributes of built-in exceptions.
cases = [Exception(), Exception("one"), Exception("a", 2), Exception(None), ValueError(""), KeyError("k"),
         KeyError("a", "b"), KeyError(), IndexError(3), OSError(2, "No such file"), StopIteration(5),
         SystemExit(3), UnicodeError("u"), ArithmeticError(1, (2,))]
for e in cases:
    print(type(e).__name__, e.args, repr(str(e)), repr(e))
e = OSError(2, "msg", "file.txt")
print(e.errno, e.strerror, e.filename, str(e), type(e).__name__, type(OSError(2, "x")).__name__)
print(StopIteration(7).value, StopIteration().value, SystemExit(4).code, SystemExit().code, SystemExit(1, 2).code)
ie = ImportError("no mod", name="modname", path="/p")
print(ie.name, ie.path, ie.msg, str(ie))
ne = NameError("x is undefined", name="x") if False else NameError("x is undefined")
print(ne.args, str(ne))
ae = AttributeError("attr")
print(ae.args, str(ae))
try:
    {}["missing"]
except KeyError as e:
    print(e.args, str(e), repr(e))
try:
    [].pop()
except IndexError as e:
    print(e.args)
e = ValueError("x")
e.args = ("changed", 1)
print(str(e), e.args)
e.custom = "attr"
print(e.custom, e.__dict__ if hasattr(e, "__dict__") else None)
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), issubclass(UnicodeDecodeError, ValueError))
print(BaseException.__subclasses__().__len__() > 3, Exception.__bases__, BaseException.__bases__)
print(ValueError("x") == ValueError("x"), str(Exception("é")), repr(Exception("é")))

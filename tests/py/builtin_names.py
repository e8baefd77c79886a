# Presence of builtin names.
import builtins
names = ["abs", "aiter", "all", "anext", "any", "ascii", "bin", "bool", "breakpoint", "bytearray", "bytes", "callable",
         "chr", "classmethod", "compile", "complex", "delattr", "dict", "dir", "divmod", "enumerate", "eval", "exec",
         "filter", "float", "format", "frozenset", "getattr", "globals", "hasattr", "hash", "help", "hex", "id", "input",
         "int", "isinstance", "issubclass", "iter", "len", "list", "locals", "map", "max", "memoryview", "min", "next",
         "object", "oct", "open", "ord", "pow", "print", "property", "range", "repr", "reversed", "round", "set",
         "setattr", "slice", "sorted", "staticmethod", "str", "sum", "super", "tuple", "type", "vars", "zip",
         "__import__", "__build_class__", "None", "Ellipsis", "NotImplemented", "True", "False", "__debug__"]
print([n for n in names if not hasattr(builtins, n)])
print(builtins.len is len, builtins.__name__, type(builtins).__name__)
exc_names = ["BaseException", "BaseExceptionGroup", "Exception", "ExceptionGroup", "ArithmeticError", "AssertionError",
             "AttributeError", "BufferError", "EOFError", "FloatingPointError", "GeneratorExit", "ImportError",
             "ModuleNotFoundError", "IndexError", "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError",
             "NameError", "NotImplementedError", "OSError", "OverflowError", "RecursionError", "ReferenceError",
             "RuntimeError", "StopAsyncIteration", "StopIteration", "SyntaxError", "IndentationError", "TabError",
             "SystemError", "SystemExit", "TypeError", "UnboundLocalError", "UnicodeError", "UnicodeDecodeError",
             "UnicodeEncodeError", "UnicodeTranslateError", "ValueError", "ZeroDivisionError", "FileNotFoundError",
             "FileExistsError", "PermissionError", "TimeoutError", "ConnectionError", "BrokenPipeError",
             "ChildProcessError", "InterruptedError", "IsADirectoryError", "NotADirectoryError", "ProcessLookupError",
             "BlockingIOError", "ConnectionAbortedError", "ConnectionRefusedError", "ConnectionResetError",
             "Warning", "UserWarning", "DeprecationWarning", "PendingDeprecationWarning", "SyntaxWarning",
             "RuntimeWarning", "FutureWarning", "ImportWarning", "UnicodeWarning", "BytesWarning", "ResourceWarning",
             "EncodingWarning", "EnvironmentError", "IOError"]
for n in exc_names:
    cls = getattr(builtins, n)
    print(n, [c.__name__ for c in cls.__mro__])
print(builtins.EnvironmentError is OSError, builtins.IOError is OSError)
builtins.my_global_builtin = "added to builtins"
print(my_global_builtin)
del builtins.my_global_builtin
try:
    my_global_builtin
except NameError as e:
    print("NameError:", e)
len = lambda x: "shadowed"
print(len([1, 2]), builtins.len([1, 2]))
del len
print(len([1, 2]))

# sys._getframe and frame objects: code, globals, live line and locals, f_back chain.
import sys

def outer():
    a = 1
    def inner(b):
        c = a + b
        fr = sys._getframe()
        print(sorted(fr.f_locals))
        print(fr.f_locals['c'], fr.f_lineno, fr.f_code.co_name)
        d = 4
        print(sorted(fr.f_locals), fr.f_lineno)
        print(fr.f_back.f_code.co_name, sorted(fr.f_back.f_locals), fr.f_back.f_back.f_code.co_name)
        print(fr.f_back.f_back.f_back)
        print(fr is sys._getframe(), fr.f_back is sys._getframe(1))
        return fr
    return inner(2)

fr = outer()
print(fr.f_code.co_name, fr.f_lineno, fr.f_code.co_filename.endswith("sys_frames.py"))
m = sys._getframe()
print(m.f_code.co_name, m.f_locals is globals(), m.f_back, m.f_globals is globals())

class K:
    x = 3
    print(sorted(k for k in sys._getframe().f_locals if not k.startswith("__")))

def caller_name():
    f = sys._getframe(1)
    return f.f_globals.get("__name__", "?"), f.f_code.co_name

def user():
    return caller_name()

print(user())
try:
    sys._getframe(100)
except ValueError as e:
    print(type(e).__name__, e)
print(type(sys._getframe()).__name__, sys._getframe().f_trace)

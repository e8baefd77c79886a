# "Did you mean" in the display of NameError and AttributeError (sys.excepthook), and the
# name/obj fields AttributeError gets (also when a __getattr__ raises a bare one).
import io
import sys

def show():
    # the display without its "File" lines (they name this file by its absolute path)
    buf = io.StringIO()
    old = sys.stderr
    sys.stderr = buf
    try:
        sys.__excepthook__(*sys.exc_info())
    finally:
        sys.stderr = old
    for line in buf.getvalue().splitlines():
        if not line.startswith("  File "):
            print(line)

class A:
    blech = None
    noise = more_noise = a = bc = None

for attr in ("blach", "blch", "Blech", "bluchin", "zzzzzz", "a_very_long_name_that_matches_nothing"):
    try:
        getattr(A(), attr)
    except AttributeError as e:
        print(e.name, type(e.obj).__name__)
        show()

class G:
    blech = None
    def __getattr__(self, attr):
        raise AttributeError()

try:
    G().bluch
except AttributeError as e:
    print(e.name, type(e.obj).__name__)
    show()

def f():
    blech = 1
    print(bluch)

global_for_suggestions = 3
def g():
    print(global_for_suggestio)

def h():
    print(ZeroDivisionErrrrr)

for fn in (f, g, h):
    try:
        fn()
    except NameError as e:
        print(e.name)
        show()
import math
try:
    math.sqr(2)
except AttributeError as e:
    show()

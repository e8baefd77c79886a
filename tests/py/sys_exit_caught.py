# SystemExit raised by sys.exit can be caught.
import sys
for arg in [(), (0,), (3,), ("message",), (None,), ([1, 2],), (True,)]:
    try:
        sys.exit(*arg)
    except SystemExit as e:
        print(repr(arg), "->", repr(e.code), e.args, isinstance(e, Exception), isinstance(e, BaseException))
try:
    raise SystemExit(5)
except SystemExit as e:
    print(e.code)
try:
    exit_called = False
    try:
        sys.exit(1)
    finally:
        print("finally runs during sys.exit")
except SystemExit:
    print("caught after finally")
try:
    try:
        sys.exit(2)
    except Exception:
        print("not caught by except Exception")
except BaseException as e:
    print("caught by BaseException:", type(e).__name__, e.code)

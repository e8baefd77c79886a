# pyjit's atexit module: functions to run when the interpreter exits (the VM calls
# _run_exitfuncs after the main program, as CPython does).

import sys as _sys

_callbacks = []


def register(func, /, *args, **kwargs):
    """Register a function to be executed upon normal program termination."""
    if not callable(func):
        raise TypeError('the first argument must be callable')
    _callbacks.append((func, args, kwargs))
    return func


def unregister(func, /):
    """Unregister an exit function which was previously registered."""
    _callbacks[:] = [c for c in _callbacks if c[0] != func]


def _clear():
    """Clear the list of previously registered exit functions."""
    _callbacks.clear()


def _ncallbacks():
    """Return the number of registered exit functions."""
    return len(_callbacks)


def _run_exitfuncs():
    """Run all registered exit functions."""
    while _callbacks:
        func, args, kwargs = _callbacks.pop()
        try:
            func(*args, **kwargs)
        except SystemExit:
            pass
        except BaseException as e:
            hook = getattr(_sys, 'unraisablehook', None)
            print(f'Exception ignored in atexit callback: {func!r}', file=_sys.stderr)
            import traceback
            traceback.print_exception(type(e), e, e.__traceback__, file=_sys.stderr)

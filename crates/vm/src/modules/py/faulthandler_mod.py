# faulthandler: argument handling over the natives of modules/faulthandler.rs, which write
# the tracebacks (from signal handlers and the watchdog thread too).
import sys as _sys

# the file objects in use, kept alive while their descriptors are written to
_files = {}


def _fileno(file):
    if file is None:
        file = _sys.stderr
        if file is None:
            raise RuntimeError("sys.stderr is None")
    if isinstance(file, int):
        if file < 0:
            raise ValueError("file is not a valid file descripter")  # sic, as CPython 3.11
        return file, None
    fd = file.fileno()
    if not isinstance(fd, int):
        raise RuntimeError("file.fileno() is not a valid file descriptor")
    if fd < 0:
        raise RuntimeError("file.fileno() is not a valid file descriptor")
    try:
        file.flush()
    except Exception:
        pass
    return fd, file


def enable(file=None, all_threads=True):
    """Enable the fault handler."""
    fd, f = _fileno(file)
    _files['fatal'] = f
    _enable(fd, bool(all_threads))


def disable():
    """Disable the fault handler."""
    r = _disable()
    _files.pop('fatal', None)
    return r


def is_enabled():
    """Check if the handler is enabled."""
    return _is_enabled()


def dump_traceback(file=None, all_threads=True):
    """Dump the traceback of the current thread, or of all threads if all_threads is True,
    into file."""
    fd, f = _fileno(file)
    _dump(fd, bool(all_threads))


def dump_traceback_later(timeout, repeat=False, file=None, exit=False):
    """Dump the traceback of all threads in timeout seconds,
    or each timeout seconds if repeat is True. If exit is True, call _exit(1) which is not safe."""
    us = _timeout_us(timeout)
    fd, f = _fileno(file)
    cancel_dump_traceback_later()
    _files['later'] = f
    _later(us, bool(repeat), fd, bool(exit))


def cancel_dump_traceback_later():
    """Cancel the previous call to dump_traceback_later()."""
    _cancel()
    _files.pop('later', None)


def register(signum, file=None, all_threads=True, chain=False):
    """Register a handler for the signal 'signum': dump the traceback of the current thread,
    or of all threads if all_threads is True, into file."""
    signum = _index(signum)
    _check_signum(signum)
    fd, f = _fileno(file)
    _files[signum] = f
    _register(signum, fd, bool(all_threads), bool(chain))


def unregister(signum):
    """Unregister the handler of the signal 'signum' registered by register()."""
    signum = _index(signum)
    _check_signum(signum)
    r = _unregister(signum)
    _files.pop(signum, None)
    return r


def _check_signum(signum):
    if signum in _FATAL:
        raise RuntimeError("signal %i cannot be registered, use enable() instead" % signum)
    if signum < 1 or signum >= 65:
        raise ValueError("signal number out of range")


def _timeout_us(timeout):
    if isinstance(timeout, float):
        if timeout != timeout:
            raise ValueError("Invalid value NaN (not a number)")
        if abs(timeout) > 9.2e9:
            raise OverflowError("timestamp too large to convert to C _PyTime_t")
        us = timeout * 1e6
        us = int(us) + (1 if us > int(us) else 0) if us > 0 else int(us) - (1 if us < int(us) else 0)
    else:
        us = _index(timeout) * 1_000_000
    if us <= 0:
        raise ValueError("timeout must be greater than 0")
    if us > 9_223_372_036_854_775:
        raise OverflowError("timeout value is too large")
    return us


_FATAL = (4, 6, 7, 8, 11)  # SIGILL, SIGABRT, SIGBUS, SIGFPE, SIGSEGV (Linux numbers)


def _index(v):
    try:
        f = type(v).__index__
    except AttributeError:
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__) from None
    return f(v)

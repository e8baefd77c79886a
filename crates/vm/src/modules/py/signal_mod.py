# pyjit's _signal module: the signal numbers, and the handler recorded per signal. The OS
# handler (Rust, signals.rs) only notes that a signal arrived; the interpreter then calls
# the Python handler recorded here, as CPython does.

import sys as _sys

SIG_DFL = 0
SIG_IGN = 1
NSIG = 65
SIG_BLOCK = 0
SIG_UNBLOCK = 1
SIG_SETMASK = 2
ITIMER_REAL = 0
ITIMER_VIRTUAL = 1
ITIMER_PROF = 2

_NUMBERS = dict(SIGHUP=1, SIGINT=2, SIGQUIT=3, SIGILL=4, SIGTRAP=5, SIGABRT=6, SIGIOT=6,
                SIGBUS=7, SIGFPE=8, SIGKILL=9, SIGUSR1=10, SIGSEGV=11, SIGUSR2=12,
                SIGPIPE=13, SIGALRM=14, SIGTERM=15, SIGSTKFLT=16, SIGCHLD=17, SIGCONT=18,
                SIGSTOP=19, SIGTSTP=20, SIGTTIN=21, SIGTTOU=22, SIGURG=23, SIGXCPU=24,
                SIGXFSZ=25, SIGVTALRM=26, SIGPROF=27, SIGWINCH=28, SIGIO=29, SIGPOLL=29,
                SIGPWR=30, SIGSYS=31, SIGRTMIN=34, SIGRTMAX=64)
globals().update(_NUMBERS)


class itimer_error(OSError):
    pass


itimer_error.__module__ = 'signal'
ItimerError = itimer_error


def default_int_handler(signalnum, frame, /):
    """The default handler for SIGINT installed by Python."""
    raise KeyboardInterrupt


def _initial(n):
    a = _os_action(n)
    if a == 0:
        return SIG_DFL
    if a == 1:
        return SIG_IGN
    if a == 2 and n == SIGINT:
        return default_int_handler
    return None


_handlers = {n: _initial(n) for n in range(1, NSIG)}
del _initial


def _check(signalnum):
    if not isinstance(signalnum, int):
        raise TypeError(f"'{type(signalnum).__name__}' object cannot be interpreted as an integer")
    if signalnum < 1 or signalnum >= NSIG:
        raise ValueError('signal number out of range')


def signal(signalnum, handler, /):
    """Set the action for the given signal."""
    _check(signalnum)
    if handler not in (SIG_DFL, SIG_IGN) and not callable(handler):
        raise TypeError('signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object')
    if signalnum in (SIGKILL, SIGSTOP, 32, 33):
        raise OSError(22, 'Invalid argument')
    old = _handlers.get(signalnum)
    _set_action(signalnum, handler if handler in (SIG_DFL, SIG_IGN) else 2)
    _handlers[signalnum] = handler
    # a signal that arrived meanwhile runs its handler now
    _check_signals()
    return old


def getsignal(signalnum, /):
    """Return the current action for the given signal."""
    _check(signalnum)
    return _handlers.get(signalnum)


def strsignal(signalnum, /):
    """Return the system description of the given signal."""
    _check(signalnum)
    names = {1: 'Hangup', 2: 'Interrupt', 3: 'Quit', 4: 'Illegal instruction',
             5: 'Trace/breakpoint trap', 6: 'Aborted', 7: 'Bus error',
             8: 'Floating point exception', 9: 'Killed', 10: 'User defined signal 1',
             11: 'Segmentation fault', 12: 'User defined signal 2', 13: 'Broken pipe',
             14: 'Alarm clock', 15: 'Terminated'}
    return names.get(signalnum)


def valid_signals():
    """Return a set of valid signal numbers on this platform."""
    return set(range(1, 32)) | set(range(34, NSIG))


def set_wakeup_fd(fd, /, *, warn_on_full_buffer=True):
    """Sets the fd to be written to (with the signal number) when a signal comes in."""
    if not isinstance(fd, int):
        raise TypeError(f"'{type(fd).__name__}' object cannot be interpreted as an integer")
    if fd != -1:
        import posix
        posix.fstat(fd)
        if posix.get_blocking(fd):
            raise ValueError("the fd %i must be in non-blocking mode" % fd)
    return _set_wakeup_fd(fd)


def siginterrupt(signalnum, flag, /):
    _check(signalnum)


def alarm(seconds, /):
    """Arrange for SIGALRM to arrive after the given number of seconds."""
    if not isinstance(seconds, int):
        raise TypeError(f"'{type(seconds).__name__}' object cannot be interpreted as an integer")
    return _alarm(seconds)



def pthread_sigmask(how, mask, /):
    return set()


def pthread_kill(thread_id, signalnum, /):
    raise_signal(signalnum)


def sigpending():
    return set()


def getitimer(which, /):
    """Returns current value of given itimer."""
    try:
        return _getitimer(which)
    except OSError as e:
        raise ItimerError(*e.args) from None


def setitimer(which, seconds, interval=0.0, /):
    """Sets given itimer (one of ITIMER_REAL, ITIMER_VIRTUAL or ITIMER_PROF)."""
    try:
        return _setitimer(which, seconds, interval)
    except OSError as e:
        raise ItimerError(*e.args) from None

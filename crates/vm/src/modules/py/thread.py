# pyjit's _thread module: one interpreter thread. Locks and thread-local data work as in
# CPython for a single thread; starting a new thread is not supported yet.

import sys as _sys

error = RuntimeError
TIMEOUT_MAX = 9223372036.0
_MAIN_IDENT = _ident()


class LockType:
    def __init__(self):
        self._locked = False

    def acquire(self, blocking=True, timeout=-1):
        if not blocking and timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        if timeout < 0 and timeout != -1:
            raise ValueError('timeout value must be a non-negative number')
        if not self._locked:
            self._locked = True
            return True
        if not blocking:
            return False
        if timeout >= 0:
            import time
            time.sleep(timeout)
            return False
        raise RuntimeError('deadlock: the lock is held and no other thread can release it '
                           '(pyjit runs one thread)')

    acquire_lock = acquire

    def release(self):
        if not self._locked:
            raise RuntimeError('release unlocked lock')
        self._locked = False

    release_lock = release

    def locked(self):
        return self._locked

    locked_lock = locked

    def _at_fork_reinit(self):
        self._locked = False

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()

    def __repr__(self):
        state = 'locked' if self._locked else 'unlocked'
        return f'<{state} _thread.lock object at {id(self):#x}>'


LockType.__name__ = LockType.__qualname__ = 'lock'
LockType.__module__ = '_thread'


class RLock:
    def __init__(self):
        self._count = 0
        self._owner = None

    def acquire(self, blocking=True, timeout=-1):
        me = get_ident()
        if self._count and self._owner == me:
            self._count += 1
            return True
        if self._count:
            if not blocking:
                return False
            raise RuntimeError('deadlock: the lock is held and no other thread can release it '
                               '(pyjit runs one thread)')
        self._owner = me
        self._count = 1
        return True

    def release(self):
        if self._count == 0 or self._owner != get_ident():
            raise RuntimeError('cannot release un-acquired lock')
        self._count -= 1
        if self._count == 0:
            self._owner = None

    def _is_owned(self):
        return self._count > 0 and self._owner == get_ident()

    def _release_save(self):
        if self._count == 0:
            raise RuntimeError('cannot release un-acquired lock')
        state = (self._count, self._owner)
        self._count = 0
        self._owner = None
        return state

    def _acquire_restore(self, state):
        self._count, self._owner = state

    def _recursion_count(self):
        return self._count if self._owner == get_ident() else 0

    def _at_fork_reinit(self):
        self._count = 0
        self._owner = None

    __enter__ = acquire

    def __exit__(self, *exc):
        self.release()

    def __repr__(self):
        state = 'locked' if self._count else 'unlocked'
        return (f'<{state} _thread.RLock object owner={self._owner or 0} '
                f'count={self._count} at {id(self):#x}>')


RLock.__module__ = '_thread'


def allocate_lock():
    """Create a new lock object."""
    return LockType()


allocate = allocate_lock


def get_ident():
    """Return a non-zero integer that uniquely identifies the current thread."""
    return _MAIN_IDENT


def get_native_id():
    """Return the native integral Thread ID of the current thread."""
    return _native_id()


def start_new_thread(function, args, kwargs=None):
    """Start a new thread (not supported by pyjit yet)."""
    if not isinstance(args, tuple):
        raise TypeError('2nd arg must be a tuple')
    if kwargs is not None and not isinstance(kwargs, dict):
        raise TypeError('optional 3rd arg must be a dictionary')
    raise RuntimeError("can't start new thread: pyjit does not run threads yet")


start_new = start_new_thread


def daemon_threads_allowed():
    return True


def _count():
    return 0


def stack_size(size=0):
    if size != 0 and size < 32768:
        raise ValueError('size not valid: %d bytes' % size)
    return 0


def _set_sentinel():
    return LockType()


def interrupt_main(signum=2):
    import _signal
    _signal.raise_signal(signum)


def exit():
    raise SystemExit


exit_thread = exit


class _local:
    """Thread-local data"""

    def __init__(self, *args, **kwargs):
        if (args or kwargs) and type(self).__init__ is object.__init__:
            raise TypeError('Initialization arguments are not supported')


_local.__module__ = '_thread'


class _ExceptHookArgs(tuple):
    def __new__(cls, seq):
        return tuple.__new__(cls, seq)

    exc_type = property(lambda self: self[0])
    exc_value = property(lambda self: self[1])
    exc_traceback = property(lambda self: self[2])
    thread = property(lambda self: self[3])


def _excepthook(args, /):
    """Handle uncaught Thread.run() exception."""
    if args.exc_type == SystemExit:
        return
    stderr = _sys.stderr
    if stderr is None:
        return
    name = args.thread.name if args.thread is not None else get_ident()
    print(f'Exception in thread {name}:', file=stderr, flush=True)
    import traceback
    traceback.print_exception(args.exc_type, args.exc_value, args.exc_traceback, file=stderr)
    stderr.flush()

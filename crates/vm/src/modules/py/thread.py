# pyjit's _thread module over the natives of crates/vm/src/threads.rs: OS threads that run
# one at a time under the global interpreter lock; locks whose waits release it.

import sys as _sys
import _weakref

error = RuntimeError
TIMEOUT_MAX = 9223372036.0


def _check_wait(blocking, timeout):
    """The argument errors of lock acquires, as CPython's lock_acquire_parse_args."""
    if not blocking and timeout != -1:
        raise ValueError("can't specify a timeout for a non-blocking call")
    if timeout < 0 and timeout != -1:
        raise ValueError('timeout value must be a non-negative number')
    if timeout > TIMEOUT_MAX:
        raise OverflowError('timeout value is too large')


class LockType:
    # `_locked` changes only while the GIL is held, and no thread switch happens between a
    # test of it and the store that takes the lock (switches are at backward jumps and
    # blocking calls), so the test and the store are one atomic step.
    def __init__(self):
        self._locked = False

    def acquire(self, blocking=True, timeout=-1):
        _check_wait(blocking, timeout)
        if self._locked:
            if not blocking:
                return False
            if not _wait_free(self, '_locked', timeout):
                return False
        self._locked = True
        return True

    acquire_lock = acquire

    def release(self):
        if not self._locked:
            raise RuntimeError('release unlocked lock')
        self._locked = False
        _notify()

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
        _check_wait(blocking, timeout)
        me = get_ident()
        if self._count:
            if self._owner == me:
                self._count += 1
                return True
            if not blocking:
                return False
            if not _wait_free(self, '_count', timeout):
                return False
        self._owner = me
        self._count = 1
        return True

    def release(self):
        if self._count == 0 or self._owner != get_ident():
            raise RuntimeError('cannot release un-acquired lock')
        self._count -= 1
        if self._count == 0:
            self._owner = None
            _notify()

    def _is_owned(self):
        return self._count > 0 and self._owner == get_ident()

    def _release_save(self):
        if self._count == 0:
            raise RuntimeError('cannot release un-acquired lock')
        state = (self._count, self._owner)
        self._count = 0
        self._owner = None
        _notify()
        return state

    def _acquire_restore(self, state):
        if self._count:
            _wait_free(self, '_count', -1)
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


# CPython's are builtin functions, which do not bind as methods (lock_tests keeps
# `locktype = _thread.allocate_lock` in a class): staticmethod objects are callable
@staticmethod
def allocate_lock():
    """Create a new lock object."""
    return LockType()


allocate = allocate_lock


@staticmethod
def get_native_id():
    """Return the native integral Thread ID of the current thread."""
    return _native_id()


def _bootstrap(function, args, kwargs):
    try:
        if kwargs is None:
            function(*args)
        else:
            function(*args, **kwargs)
    except SystemExit:
        pass
    finally:
        _forget_thread(get_ident())


@staticmethod
def start_new_thread(function, args, kwargs=None):
    """Start a new thread and return its identifier."""
    if not callable(function):
        raise TypeError('first arg must be callable')
    if not isinstance(args, tuple):
        raise TypeError('2nd arg must be a tuple')
    if kwargs is not None and not isinstance(kwargs, dict):
        raise TypeError('optional 3rd arg must be a dictionary')
    return _start(_bootstrap, function, args, kwargs)


start_new = start_new_thread


def daemon_threads_allowed():
    return True


def _set_sentinel():
    # threading acquires it; the thread's end releases it
    lock = LockType()
    _add_sentinel(lock)
    return lock


def interrupt_main(signum=2):
    _interrupt(signum)


def exit():
    raise SystemExit


exit_thread = exit


class _localimpl:
    __slots__ = ('dicts', 'args', '__weakref__')


class _local:
    """Thread-local data"""
    __slots__ = ('_local__impl', '__dict__')

    def __new__(cls, /, *args, **kw):
        if (args or kw) and (cls.__init__ is object.__init__):
            raise TypeError('Initialization arguments are not supported')
        self = object.__new__(cls)
        impl = _localimpl()
        impl.args = (args, kw)
        impl.dicts = {get_ident(): object.__getattribute__(self, '__dict__')}
        _live.append(_weakref.ref(impl))
        object.__setattr__(self, '_local__impl', impl)
        return self

    def __getattribute__(self, name):
        _local__patch(self)
        return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        if name == '__dict__':
            raise AttributeError(
                "%r object attribute '__dict__' is read-only" % self.__class__.__name__)
        _local__patch(self)
        return object.__setattr__(self, name, value)

    def __delattr__(self, name):
        if name == '__dict__':
            raise AttributeError(
                "%r object attribute '__dict__' is read-only" % self.__class__.__name__)
        _local__patch(self)
        return object.__delattr__(self, name)


def _local__patch(self):
    # installs the calling thread's dict as the object's __dict__ (a new one, with
    # __init__ run again, the first time a thread touches the object)
    impl = object.__getattribute__(self, '_local__impl')
    me = get_ident()
    d = impl.dicts.get(me)
    if d is None:
        d = {}
        impl.dicts[me] = d
        object.__setattr__(self, '__dict__', d)
        cls = type(self)
        if cls.__init__ is not object.__init__:
            args, kw = impl.args
            cls.__init__(self, *args, **kw)
    else:
        object.__setattr__(self, '__dict__', d)


_local.__module__ = '_thread'
_live = []


def _forget_thread(ident):
    # a thread ended: its data in every local object goes (a new thread may get its ident)
    alive = []
    for r in _live:
        impl = r()
        if impl is not None:
            impl.dicts.pop(ident, None)
            alive.append(r)
    _live[:] = alive


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

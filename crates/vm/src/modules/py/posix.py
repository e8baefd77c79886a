# The parts of pyjit's posix module written in Python: the struct sequences (stat_result,
# terminal_size, ...), DirEntry and scandir over the native directory reader, environ, and
# the tables os.py reads. Executed once in the posix module's namespace at start-up.


def _structseq(name, fields, n_sequence, module='os'):
    n_fields = len(fields)

    class _S(tuple):
        def __new__(cls, sequence, dict=None):
            seq = tuple(sequence)
            if len(seq) < n_sequence:
                raise TypeError(f'{module}.{name}() takes an at least {n_sequence}-sequence '
                                f'({len(seq)}-sequence given)')
            if len(seq) > n_fields:
                raise TypeError(f'{module}.{name}() takes an at most {n_fields}-sequence '
                                f'({len(seq)}-sequence given)')
            self = tuple.__new__(cls, seq[:n_sequence])
            hidden = list(seq[n_sequence:])
            for f in fields[n_sequence + len(hidden):]:
                hidden.append(None if dict is None else dict.get(f))
            self._hidden = tuple(hidden)
            return self

        def __repr__(self):
            parts = ', '.join(f'{f}={v!r}' for f, v in zip(fields, self))
            return f'{module}.{name}({parts})'

        def __reduce__(self):
            return (type(self), (tuple(self), {f: v for f, v in zip(fields[n_sequence:], self._hidden)}))

    for i, f in enumerate(fields):
        if i < n_sequence:
            setattr(_S, f, property(lambda self, i=i: tuple.__getitem__(self, i)))
        else:
            setattr(_S, f, property(lambda self, i=i - n_sequence: self._hidden[i]))
    _S.__name__ = _S.__qualname__ = name
    _S.__module__ = module
    _S.n_fields = n_fields
    _S.n_sequence_fields = n_sequence
    _S.n_unnamed_fields = 0
    _S._fields = fields
    return _S


_STAT_FIELDS = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size',
                '_atime_int', '_mtime_int', '_ctime_int', 'st_atime', 'st_mtime', 'st_ctime',
                'st_atime_ns', 'st_mtime_ns', 'st_ctime_ns', 'st_blksize', 'st_blocks', 'st_rdev')
stat_result = _structseq('stat_result', _STAT_FIELDS, 10)
stat_result.n_unnamed_fields = 3


def _stat_repr(self):
    names = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size',
             'st_atime', 'st_mtime', 'st_ctime')
    return 'os.stat_result(' + ', '.join(f'{n}={v!r}' for n, v in zip(names, self)) + ')'


stat_result.__repr__ = _stat_repr
del stat_result._atime_int, stat_result._mtime_int, stat_result._ctime_int

statvfs_result = _structseq('statvfs_result', (
    'f_bsize', 'f_frsize', 'f_blocks', 'f_bfree', 'f_bavail', 'f_files', 'f_ffree',
    'f_favail', 'f_flag', 'f_namemax', 'f_fsid'), 10)
terminal_size = _structseq('terminal_size', ('columns', 'lines'), 2)
times_result = _structseq('times_result', (
    'user', 'system', 'children_user', 'children_system', 'elapsed'), 5, 'posix')
uname_result = _structseq('uname_result', (
    'sysname', 'nodename', 'release', 'version', 'machine'), 5, 'posix')
times_result.__module__ = uname_result.__module__ = 'posix'


def _make_stat(t):
    return stat_result(t)


def times():
    """Return a collection containing process timing information."""
    u, s, cu, cs, e = _times_raw()
    tick = float(sysconf('SC_CLK_TCK'))
    return times_result((u / tick, s / tick, cu / tick, cs / tick, e / tick))


def uname():
    """Return an object identifying the current operating system."""
    return uname_result(tuple(x.decode('utf-8', 'surrogateescape') for x in _uname_raw()))


def get_terminal_size(fd=1, /):
    """Return the size of the terminal window as (columns, lines)."""
    return terminal_size(_terminal_size_raw(fd))


class DirEntry:
    __slots__ = ('name', 'path', '_d_type', '_ino', '_stat', '_lstat', '_dir_fd')

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 'posix.DirEntry' instances")

    def __repr__(self):
        return f'<DirEntry {self.name!r}>'

    def __fspath__(self):
        return self.path

    def inode(self):
        return self._ino

    def stat(self, *, follow_symlinks=True):
        if follow_symlinks:
            if self._stat is None:
                if self.is_symlink():
                    self._stat = stat(self.path)
                else:
                    self._stat = self.stat(follow_symlinks=False)
            return self._stat
        if self._lstat is None:
            self._lstat = lstat(self.path)
        return self._lstat

    def _test_mode(self, follow_symlinks, mode_bits):
        d_type = self._d_type
        if d_type != 0 and not (follow_symlinks and d_type == 10):
            return d_type == {0o040000: 4, 0o100000: 8, 0o120000: 10}[mode_bits]
        try:
            st = self.stat(follow_symlinks=follow_symlinks)
        except FileNotFoundError:
            return False
        return (st.st_mode & 0o170000) == mode_bits

    def is_dir(self, *, follow_symlinks=True):
        return self._test_mode(follow_symlinks, 0o040000)

    def is_file(self, *, follow_symlinks=True):
        return self._test_mode(follow_symlinks, 0o100000)

    def is_symlink(self):
        if self._d_type != 0:
            return self._d_type == 10
        return self._test_mode(False, 0o120000)

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


DirEntry.__module__ = 'posix'


def _new_entry(name, path, d_type, ino):
    e = object.__new__(DirEntry)
    e.name = name
    e.path = path
    e._d_type = d_type
    e._ino = ino
    e._stat = None
    e._lstat = None
    return e


class ScandirIterator:
    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 'posix.ScandirIterator' instances")

    def __iter__(self):
        return self

    def __next__(self):
        if self._entries is None:
            raise StopIteration
        try:
            return next(self._entries)
        except StopIteration:
            self._entries = None
            raise

    def close(self):
        self._entries = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


ScandirIterator.__module__ = 'posix'


def scandir(path=None):
    """Return an iterator of DirEntry objects for given path."""
    if path is None:
        path = '.'
        prefix = '.'
    else:
        path = fspath(path)
        prefix = path
    as_bytes = isinstance(path, bytes)
    raw = _scandir_raw(path)
    sep = b'/' if as_bytes else '/'
    if prefix[-1:] != sep:
        prefix = prefix + sep
    entries = [_new_entry(n, prefix + n, t, i) for n, t, i in raw]
    it = object.__new__(ScandirIterator)
    it._entries = iter(entries)
    return it


def _build_environ():
    env = {}
    for k, v in _environ_raw():
        env[k] = v
    return env


environ = _build_environ()

_have_functions = ['HAVE_FCHMOD', 'HAVE_FTRUNCATE', 'HAVE_LSTAT', 'HAVE_LCHOWN']

confstr_names = {'CS_PATH': 0}
sysconf_names = {'SC_ARG_MAX': 0, 'SC_CHILD_MAX': 1, 'SC_CLK_TCK': 2, 'SC_NGROUPS_MAX': 3,
                 'SC_OPEN_MAX': 4, 'SC_PAGESIZE': 30, 'SC_PAGE_SIZE': 30,
                 'SC_NPROCESSORS_CONF': 83, 'SC_NPROCESSORS_ONLN': 84, 'SC_PHYS_PAGES': 85}
pathconf_names = {'PC_LINK_MAX': 0, 'PC_MAX_CANON': 1, 'PC_MAX_INPUT': 2, 'PC_NAME_MAX': 3,
                  'PC_PATH_MAX': 4, 'PC_PIPE_BUF': 5}


def sysconf(name, /):
    """Return an integer-valued system configuration variable."""
    if isinstance(name, str):
        try:
            name = sysconf_names[name]
        except KeyError:
            raise ValueError('unrecognized configuration name') from None
    return _sysconf_raw(name)


def confstr(name, /):
    """Return a string-valued system configuration variable."""
    if name in ('CS_PATH', 0):
        return '/bin:/usr/bin'
    raise ValueError('unrecognized configuration name')


def WIFEXITED(status):
    return (status & 0x7f) == 0


def WEXITSTATUS(status):
    return (status >> 8) & 0xff


def WIFSIGNALED(status):
    return (status & 0x7f) not in (0, 0x7f)


def WTERMSIG(status):
    return status & 0x7f


def WIFSTOPPED(status):
    return (status & 0xff) == 0x7f


def WSTOPSIG(status):
    return (status >> 8) & 0xff


def WIFCONTINUED(status):
    return status == 0xffff


def WCOREDUMP(status):
    return bool(status & 0x80)


def waitstatus_to_exitcode(status):
    """Convert a wait status to an exit code."""
    if WIFEXITED(status):
        return WEXITSTATUS(status)
    if WIFSIGNALED(status):
        return -WTERMSIG(status)
    raise ValueError(f'invalid wait status: {status!r}')


_at_fork = ([], [], [])


def register_at_fork(*, before=None, after_in_child=None, after_in_parent=None):
    """Register callables to be called when forking a new process."""
    for name, f in (('before', before), ('after_in_child', after_in_child),
                    ('after_in_parent', after_in_parent)):
        if f is not None and not callable(f):
            raise TypeError("'%s' must be callable, not %s" % (name, type(f).__name__))
    if before is None and after_in_child is None and after_in_parent is None:
        raise TypeError('At least one argument is required.')
    for hooks, f in zip(_at_fork, (before, after_in_child, after_in_parent)):
        if f is not None:
            hooks.append(f)


def _run_fork_hooks(hooks):
    for f in hooks:
        try:
            f()
        except BaseException as e:
            import sys
            print(f'Exception ignored in: {f!r}', file=sys.stderr)
            import traceback
            traceback.print_exception(e, file=sys.stderr)


_fork_raw = fork


def fork():
    """Fork a child process.

    Return 0 to child process and PID of child to parent process."""
    _run_fork_hooks(reversed(_at_fork[0]))
    pid = _fork_raw()
    _run_fork_hooks(_at_fork[1] if pid == 0 else _at_fork[2])
    return pid


def statvfs(path):
    """Perform a statvfs system call on the given path."""
    return statvfs_result(_statvfs_raw(path))


def fstatvfs(fd, /):
    """Perform an fstatvfs system call on the given fd."""
    if not isinstance(fd, int):
        fd = fd.__index__()
    return statvfs_result(_statvfs_raw(fd))


def cpu_count():
    """Return the number of CPUs in the system; return None if indeterminable."""
    n = _sysconf_raw(84)
    return n if n > 0 else None


def get_exec_path(env=None):
    if env is None:
        env = environ
    p = env.get(b'PATH', env.get('PATH')) if env is environ else env.get('PATH')
    if p is None:
        p = '/bin:/usr/bin'
    if isinstance(p, bytes):
        p = p.decode('utf-8', 'surrogateescape')
    return p.split(':')


def execve(path, argv, env):
    args = [_fsencode(a) for a in argv]
    envl = [_fsencode(k) + b'=' + _fsencode(v) for k, v in env.items()]
    _execv_raw(_fsencode(path), args, envl)


def execv(path, argv, /):
    if not isinstance(argv, (tuple, list)):
        raise TypeError('execv() arg 2 must be a tuple or list')
    if not argv:
        raise ValueError('execv() arg 2 must not be empty')
    _execv_raw(_fsencode(path), [_fsencode(a) for a in argv], None)


def _fsencode(s):
    s = fspath(s)
    return s if isinstance(s, bytes) else s.encode('utf-8', 'surrogateescape')


del _build_environ

# The Python half of pyjit's _weakref module: the reference and proxy classes over the
# native table of referents (_register, _get).


class ReferenceType:
    def __new__(cls, ob, callback=None, /, *args, **kwargs):
        self = object.__new__(cls)
        _register(self, ob)
        self.__callback__ = callback
        self._hash = None
        return self

    def __init__(self, ob, callback=None, /, *args, **kwargs):
        pass

    def __call__(self):
        return _get(self)

    def __hash__(self):
        h = self._hash
        if h is None:
            ob = _get(self)
            if ob is None:
                raise TypeError('weak object has gone away')
            h = self._hash = hash(ob)
        return h

    def __eq__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        a, b = _get(self), _get(other)
        if a is None or b is None:
            return self is other
        return a == b

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __repr__(self):
        ob = _get(self)
        if ob is None:
            return f'<weakref at {id(self):#x}; dead>'
        name = getattr(ob, '__name__', None)
        tn = type(ob).__name__
        if isinstance(name, str):
            return f'<weakref at {id(self):#x}; to {tn!r} at {id(ob):#x} ({name})>'
        return f'<weakref at {id(self):#x}; to {tn!r} at {id(ob):#x}>'

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


ReferenceType.__name__ = ReferenceType.__qualname__ = 'ReferenceType'
ReferenceType.__module__ = 'weakref'
ref = ReferenceType


def _target(p):
    ob = _get(p)
    if ob is None:
        raise ReferenceError('weakly-referenced object no longer exists')
    return ob


class ProxyType:
    def __new__(cls, ob, callback=None):
        self = object.__new__(cls)
        _register(self, ob)
        object.__setattr__(self, '__callback__', callback)
        return self

    def __getattribute__(self, name):
        if name == '__callback__':
            return object.__getattribute__(self, name)
        return getattr(_target(self), name)

    def __setattr__(self, name, value):
        setattr(_target(self), name, value)

    def __delattr__(self, name):
        delattr(_target(self), name)

    def __repr__(self):
        ob = _get(self)
        return f'<weakproxy at {id(self):#x}; to {type(ob).__name__!r} at {id(ob):#x}>'

    def __str__(self): return str(_target(self))
    def __bool__(self): return bool(_target(self))
    def __len__(self): return len(_target(self))
    def __iter__(self): return iter(_target(self))
    def __next__(self): return next(_target(self))
    def __contains__(self, x): return x in _target(self)
    def __getitem__(self, k): return _target(self)[k]
    def __setitem__(self, k, v): _target(self)[k] = v
    def __delitem__(self, k): del _target(self)[k]
    def __eq__(self, o): return _target(self) == o
    def __ne__(self, o): return _target(self) != o
    def __lt__(self, o): return _target(self) < o
    def __le__(self, o): return _target(self) <= o
    def __gt__(self, o): return _target(self) > o
    def __ge__(self, o): return _target(self) >= o
    def __add__(self, o): return _target(self) + o
    def __sub__(self, o): return _target(self) - o
    def __mul__(self, o): return _target(self) * o
    def __index__(self): return _target(self).__index__()
    def __int__(self): return int(_target(self))
    def __float__(self): return float(_target(self))
    __hash__ = None


class CallableProxyType(ProxyType):
    def __call__(self, *args, **kwargs):
        return _target(self)(*args, **kwargs)


ProxyType.__module__ = CallableProxyType.__module__ = 'weakref'


def proxy(ob, callback=None, /):
    """Create a proxy object that weakly references 'object'."""
    if callable(ob):
        return CallableProxyType(ob, callback)
    return ProxyType(ob, callback)


def _remove_dead_weakref(d, key, /):
    """Atomically remove key from dict if it points to a dead weakref."""
    try:
        wr = d[key]
    except KeyError:
        return
    if wr() is None:
        del d[key]

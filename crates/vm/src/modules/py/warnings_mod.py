# pyjit's _warnings module: CPython's C warnings core in Python (filters, warn,
# warn_explicit), so warnings.py uses it as it uses CPython's and needs no regular
# expressions at import. Warnings the compiler issues go through the native filter list
# built from -W options (modules/warnings.rs).

import sys as _sys

filters = [('default', None, DeprecationWarning, '__main__', 0),
           ('ignore', None, DeprecationWarning, None, 0),
           ('ignore', None, PendingDeprecationWarning, None, 0),
           ('ignore', None, ImportWarning, None, 0),
           ('ignore', None, ResourceWarning, None, 0)]
_defaultaction = 'default'
_onceregistry = {}
_filters_version = 1


def _filters_mutated():
    global _filters_version
    _filters_version += 1


def _matches(pattern, text):
    if pattern is None:
        return True
    if isinstance(pattern, str):
        return pattern == text
    return bool(pattern.match(text))


def _filters():
    w = _sys.modules.get('warnings')
    f = getattr(w, 'filters', None) if w is not None else None
    return f if isinstance(f, list) else filters


def _show(message, category, filename, lineno, source=None):
    w = _sys.modules.get('warnings')
    if w is not None:
        msg = w.WarningMessage(message, category, filename, lineno, None, None, source)
        w._showwarnmsg(msg)
        return
    text = f'{filename}:{lineno}: {category.__name__}: {message}\n'
    try:
        _sys.stderr.write(text)
    except (AttributeError, OSError):
        pass


def warn_explicit(message, category, filename, lineno, module=None, registry=None,
                  module_globals=None, source=None):
    """Issue a warning, or maybe ignore it or raise an exception."""
    lineno = int(lineno)
    if module is None:
        module = filename or '<unknown>'
        if module[-3:].lower() == '.py':
            module = module[:-3]
    if registry is None:
        registry = {}
    if registry.get('version', 0) != _filters_version:
        registry.clear()
        registry['version'] = _filters_version
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if registry.get(key):
        return
    for item in _filters():
        action, msg, cat, mod, ln = item
        if (_matches(msg, text) and issubclass(category, cat) and _matches(mod, module)
                and (ln == 0 or lineno == ln)):
            break
    else:
        action = _defaultaction
    if action == 'ignore':
        return
    if action == 'error':
        raise message
    if action == 'once':
        registry[key] = 1
        oncekey = (text, category)
        if _onceregistry.get(oncekey):
            return
        _onceregistry[oncekey] = 1
    elif action == 'always':
        pass
    elif action == 'module':
        registry[key] = 1
        altkey = (text, category, 0)
        if registry.get(altkey):
            return
        registry[altkey] = 1
    elif action == 'default':
        registry[key] = 1
    else:
        raise RuntimeError(f'Unrecognized action ({action!r}) in warnings.filters:\n {item}')
    _show(message, category, filename, lineno, source)


def _internal(frame):
    name = frame.f_code.co_filename
    return 'importlib' in name and '_bootstrap' in name


def warn(message, category=None, stacklevel=1, source=None):
    """Issue a warning, or maybe ignore it or raise an exception."""
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError(f"category must be a Warning subclass, not '{type(category).__name__}'")
    try:
        frame = _sys._getframe(1)
        if stacklevel > 1 and _internal(frame):
            frame = None
            f = _sys._getframe(1)
            level = stacklevel
            while f is not None and level > 1:
                f = f.f_back
                while f is not None and _internal(f):
                    f = f.f_back
                level -= 1
            frame = f
        else:
            for _ in range(stacklevel - 1):
                frame = frame.f_back
                if frame is None:
                    break
    except ValueError:
        frame = None
    if frame is None:
        globals_ = _sys.__dict__
        filename = 'sys'
        lineno = 1
    else:
        globals_ = frame.f_globals
        filename = frame.f_code.co_filename
        lineno = frame.f_lineno
    module = globals_.get('__name__', '<string>') if isinstance(globals_, dict) else '<string>'
    registry = globals_.setdefault('__warningregistry__', {}) if isinstance(globals_, dict) else {}
    warn_explicit(message, category, filename, lineno, module, registry, globals_, source)

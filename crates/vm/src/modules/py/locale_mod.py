# pyjit's _locale module: the C locale's conventions, with the character type taken from
# the environment at start-up as CPython does (LC_CTYPE set from LC_ALL/LC_CTYPE/LANG).

import posix as _posix

LC_CTYPE = 0
LC_NUMERIC = 1
LC_TIME = 2
LC_COLLATE = 3
LC_MONETARY = 4
LC_MESSAGES = 5
LC_ALL = 6
CHAR_MAX = 127
CODESET = 14
D_T_FMT = 0x20028
D_FMT = 0x20029
T_FMT = 0x2002A
RADIXCHAR = 0x10000
THOUSEP = 0x10001
YESEXPR = 0x50000
NOEXPR = 0x50001
CRNCYSTR = 0x4000F


class Error(Exception):
    pass


Error.__module__ = 'locale'

_NAMES = ('LC_CTYPE', 'LC_NUMERIC', 'LC_TIME', 'LC_COLLATE', 'LC_MONETARY', 'LC_MESSAGES')


def _from_env(category):
    env = _posix.environ
    for key in (b'LC_ALL', _NAMES[category].encode(), b'LANG'):
        v = env.get(key)
        if v:
            return v.decode('utf-8', 'surrogateescape')
    return 'C'


def _valid(name):
    if name in ('C', 'POSIX'):
        return True
    base, _, enc = name.partition('.')
    if base == 'C' and enc.lower().replace('-', '') == 'utf8':
        return True
    import os
    if not enc:
        return False
    for d in ('/usr/lib/locale', '/usr/share/locale'):
        cand = f'{d}/{base}.{enc.lower().replace("-", "")}'
        if os.path.exists(cand) or os.path.exists(f'{d}/{name}'):
            return True
    try:
        with open('/usr/lib/locale/locale-archive', 'rb'):
            pass
    except OSError:
        return False
    return False


_current = ['C'] * 6
_current[LC_CTYPE] = _from_env(LC_CTYPE) if _valid(_from_env(LC_CTYPE)) else 'C'


def setlocale(category, locale=None, /):
    """Activates/queries locale processing."""
    if not isinstance(category, int) or not 0 <= category <= 6:
        raise Error('unsupported locale setting')
    if locale is None:
        if category == LC_ALL:
            if len(set(_current)) == 1:
                return _current[0]
            return ';'.join(f'{n}={v}' for n, v in zip(_NAMES, _current))
        return _current[category]
    cats = range(6) if category == LC_ALL else (category,)
    new = {}
    for c in cats:
        name = locale if locale else _from_env(c)
        if not _valid(name):
            raise Error('unsupported locale setting')
        new[c] = name
    for c, name in new.items():
        _current[c] = name
    return setlocale(category)


def localeconv():
    """Returns numeric and monetary locale-specific parameters."""
    return {'int_curr_symbol': '', 'currency_symbol': '', 'mon_decimal_point': '',
            'mon_thousands_sep': '', 'mon_grouping': [], 'positive_sign': '',
            'negative_sign': '', 'int_frac_digits': 127, 'frac_digits': 127,
            'p_cs_precedes': 127, 'p_sep_by_space': 127, 'n_cs_precedes': 127,
            'n_sep_by_space': 127, 'p_sign_posn': 127, 'n_sign_posn': 127,
            'decimal_point': '.', 'thousands_sep': '', 'grouping': []}


def nl_langinfo(key, /):
    """Return the value for the locale information associated with key."""
    values = {CODESET: getencoding(), RADIXCHAR: '.', THOUSEP: '', D_T_FMT: '%a %b %e %H:%M:%S %Y',
              D_FMT: '%m/%d/%y', T_FMT: '%H:%M:%S', YESEXPR: '^[yY]', NOEXPR: '^[nN]',
              CRNCYSTR: '-'}
    try:
        return values[key]
    except KeyError:
        raise ValueError('unsupported langinfo constant') from None


def getencoding():
    """Get the current locale encoding."""
    name = _current[LC_CTYPE]
    if name in ('C', 'POSIX'):
        return 'UTF-8'
    enc = name.partition('.')[2].partition('@')[0]
    if enc.lower().replace('-', '') == 'utf8':
        return 'UTF-8'
    return enc or 'ANSI_X3.4-1968'




def strcoll(os1, os2, /):
    """Compares two strings according to the locale."""
    return (os1 > os2) - (os1 < os2)


def strxfrm(string, /):
    """Return a string that can be used as a key for locale-aware comparisons."""
    return string


def getdefaultlocale():
    return None, None

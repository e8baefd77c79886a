# pyjit's _codecs module: the codec registry and the functions of the built-in codecs
# (the UTF and Latin-1/ASCII ones run in Rust: _encode, _decode), under codecs.py and the
# encodings package.

_search_functions = []
_cache = {}


def register(search_function, /):
    """Register a codec search function."""
    if not callable(search_function):
        raise TypeError('argument must be callable')
    if not _search_functions and getattr(search_function, '__module__', None) != 'encodings':
        # CPython's start-up imports encodings, whose search function comes first
        try:
            import encodings
        except ImportError:
            pass
    _search_functions.append(search_function)


def unregister(search_function, /):
    """Unregister a codec search function and clear the registry's cache."""
    try:
        _search_functions.remove(search_function)
    except ValueError:
        pass
    _cache.clear()


def _normalize(encoding):
    return encoding.lower().replace(' ', '_')


def lookup(encoding, /):
    """Looks up a codec tuple in the Python codec registry and returns a CodecInfo object."""
    if not isinstance(encoding, str):
        raise TypeError(f'lookup() argument must be str, not {type(encoding).__name__}')
    key = _normalize(encoding)
    try:
        return _cache[key]
    except KeyError:
        pass
    if not _search_functions:
        import encodings  # registers its search function
    for f in _search_functions:
        r = f(key)
        if r is None:
            continue
        if not isinstance(r, tuple) or len(r) != 4:
            raise TypeError('codec search functions must return 4-tuples')
        _cache[key] = r
        return r
    raise LookupError(f'unknown encoding: {encoding}')


def _forget_codec(encoding, /):
    _cache.pop(_normalize(encoding), None)


def encode(obj, encoding='utf-8', errors='strict'):
    """Encodes obj using the codec registered for encoding."""
    r = lookup(encoding)[0](obj, errors)
    if not isinstance(r, tuple) or len(r) != 2:
        raise TypeError('encoder must return a tuple (object, integer)')
    return r[0]


def decode(obj, encoding='utf-8', errors='strict'):
    """Decodes obj using the codec registered for encoding."""
    r = lookup(encoding)[1](obj, errors)
    if not isinstance(r, tuple) or len(r) != 2:
        raise TypeError('decoder must return a tuple (object,integer)')
    return r[0]


# error handlers

def strict_errors(exc, /):
    """Implements the 'strict' error handling, which raises a UnicodeError on coding errors."""
    if isinstance(exc, BaseException):
        raise exc
    raise TypeError('codec must pass exception instance')


def ignore_errors(exc, /):
    if isinstance(exc, (UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError)):
        return ('', exc.end)
    raise TypeError(f"don't know how to handle {type(exc).__name__} in error callback")


def replace_errors(exc, /):
    if isinstance(exc, UnicodeEncodeError):
        return ('?' * (exc.end - exc.start), exc.end)
    if isinstance(exc, UnicodeDecodeError):
        return ('\ufffd', exc.end)
    if isinstance(exc, UnicodeTranslateError):
        return ('\ufffd' * (exc.end - exc.start), exc.end)
    raise TypeError(f"don't know how to handle {type(exc).__name__} in error callback")


def _hexesc(c):
    n = ord(c)
    if n < 0x100:
        return f'\\x{n:02x}'
    if n < 0x10000:
        return f'\\u{n:04x}'
    return f'\\U{n:08x}'


def backslashreplace_errors(exc, /):
    if isinstance(exc, UnicodeDecodeError):
        return (''.join(f'\\x{b:02x}' for b in exc.object[exc.start:exc.end]), exc.end)
    if isinstance(exc, (UnicodeEncodeError, UnicodeTranslateError)):
        return (''.join(_hexesc(c) for c in exc.object[exc.start:exc.end]), exc.end)
    raise TypeError(f"don't know how to handle {type(exc).__name__} in error callback")


def xmlcharrefreplace_errors(exc, /):
    if isinstance(exc, UnicodeEncodeError):
        return (''.join(f'&#{ord(c)};' for c in exc.object[exc.start:exc.end]), exc.end)
    raise TypeError(f"don't know how to handle {type(exc).__name__} in error callback")


def namereplace_errors(exc, /):
    if isinstance(exc, UnicodeEncodeError):
        import unicodedata
        out = []
        for c in exc.object[exc.start:exc.end]:
            try:
                out.append('\\N{' + unicodedata.name(c) + '}')
            except ValueError:
                out.append(_hexesc(c))
        return (''.join(out), exc.end)
    raise TypeError(f"don't know how to handle {type(exc).__name__} in error callback")


def _surrogateescape(exc):
    if isinstance(exc, UnicodeDecodeError):
        out = []
        for b in exc.object[exc.start:exc.end]:
            if b < 128:
                raise exc
            out.append(chr(0xdc00 + b))
        return (''.join(out), exc.end)
    if isinstance(exc, UnicodeEncodeError):
        out = bytearray()
        for c in exc.object[exc.start:exc.end]:
            n = ord(c)
            if not 0xdc80 <= n <= 0xdcff:
                raise exc
            out.append(n - 0xdc00)
        return (bytes(out), exc.end)
    raise TypeError(f"don't know how to handle {type(exc).__name__} in error callback")


def _surrogatepass(exc):
    if isinstance(exc, UnicodeEncodeError):
        out = bytearray()
        for c in exc.object[exc.start:exc.end]:
            n = ord(c)
            if not 0xd800 <= n <= 0xdfff:
                raise exc
            out += chr(n).encode('utf-8', 'surrogatepass')
        return (bytes(out), exc.end)
    raise exc


_handlers = {
    'strict': strict_errors, 'ignore': ignore_errors, 'replace': replace_errors,
    'backslashreplace': backslashreplace_errors,
    'xmlcharrefreplace': xmlcharrefreplace_errors, 'namereplace': namereplace_errors,
    'surrogateescape': _surrogateescape, 'surrogatepass': _surrogatepass,
}


def register_error(errors, handler, /):
    """Register the specified error handler under the name errors."""
    if not callable(handler):
        raise TypeError('handler must be callable')
    _handlers[errors] = handler


def lookup_error(name, /):
    """Return the error handler for the specified error handling name."""
    try:
        return _handlers[name]
    except KeyError:
        raise LookupError(f'unknown error handler name {name!r}') from None


# the built-in codecs

def _data(data):
    if isinstance(data, str):
        raise TypeError(f"a bytes-like object is required, not 'str'")
    return bytes(data)


def _text(s, fname):
    if not isinstance(s, str):
        raise TypeError(f"{fname}() argument 1 must be str, not {type(s).__name__}")
    return s


def _make(name):
    def enc(str, errors=None, /):
        _text(str, name.replace('-', '_') + '_encode')
        return (_encode(str, name, errors or 'strict'), len(str))

    def dec(data, errors=None, final=False, /):
        return _decode(_data(data), name, errors or 'strict', bool(final))
    return enc, dec


utf_8_encode, utf_8_decode = _make('utf-8')
utf_16_encode, utf_16_decode = _make('utf-16')
utf_16_le_encode, utf_16_le_decode = _make('utf-16-le')
utf_16_be_encode, utf_16_be_decode = _make('utf-16-be')
utf_32_encode, utf_32_decode = _make('utf-32')
utf_32_le_encode, utf_32_le_decode = _make('utf-32-le')
utf_32_be_encode, utf_32_be_decode = _make('utf-32-be')
_latin_1_encode, _latin_1_decode = _make('latin-1')
_ascii_encode, _ascii_decode = _make('ascii')


def latin_1_encode(str, errors=None, /):
    return _latin_1_encode(str, errors)


def latin_1_decode(data, errors=None, /):
    return _latin_1_decode(data, errors, True)


def ascii_encode(str, errors=None, /):
    return _ascii_encode(str, errors)


def ascii_decode(data, errors=None, /):
    return _ascii_decode(data, errors, True)


def _ex_decode(width, data, errors=None, byteorder=0, final=False):
    data = _data(data)
    bom_le = b'\xff\xfe' if width == 16 else b'\xff\xfe\x00\x00'
    bom_be = b'\xfe\xff' if width == 16 else b'\x00\x00\xfe\xff'
    consumed = 0
    if byteorder == 0:
        if data.startswith(bom_le):
            byteorder = -1
            data = data[len(bom_le):]
            consumed = len(bom_le)
        elif data.startswith(bom_be):
            byteorder = 1
            data = data[len(bom_be):]
            consumed = len(bom_be)
        elif len(data) < len(bom_le) and not final:
            return ('', 0, 0)
    name = f'utf-{width}-' + ('be' if byteorder == 1 else 'le')
    s, n = _decode(data, name, errors or 'strict', bool(final))
    return (s, n + consumed, byteorder)


def utf_16_ex_decode(data, errors=None, byteorder=0, final=False, /):
    return _ex_decode(16, data, errors, byteorder, final)


def utf_32_ex_decode(data, errors=None, byteorder=0, final=False, /):
    return _ex_decode(32, data, errors, byteorder, final)


# UTF-7 (RFC 2152) as CPython writes it: the encoder writes the direct and optionally
# direct characters and whitespace as themselves, '+' as '+-', and everything else as
# modified base64 of UTF-16 code units between '+' and (when needed) '-'; the decoder takes
# any ASCII but '+' as itself and reports CPython's four errors through the error handler.
_B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
_B64_VALUE = {ord(c): i for i, c in enumerate(_B64)}
_UTF7_DIRECT = frozenset('\t\n\r !"#$%&\'()*,-./0123456789:;<=>?@'
                         'ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}')


def utf_7_encode(str, errors=None, /):
    _text(str, 'utf_7_encode')
    out = []
    in_shift = False
    bits = 0
    buf = 0
    for ch in str:
        if in_shift:
            if ch in _UTF7_DIRECT:
                if bits:
                    out.append(_B64[(buf << (6 - bits)) & 0x3f])
                    buf = bits = 0
                in_shift = False
                # a character outside the base64 set ends the shift by itself
                if ch in _B64 or ch == '-':
                    out.append('-')
                out.append(ch)
                continue
        elif ch == '+':
            out.append('+-')
            continue
        elif ch in _UTF7_DIRECT:
            out.append(ch)
            continue
        else:
            out.append('+')
            in_shift = True
        n = ord(ch)
        units = (0xd800 | ((n - 0x10000) >> 10), 0xdc00 | (n & 0x3ff)) if n >= 0x10000 else (n,)
        for u in units:
            bits += 16
            buf = (buf << 16) | u
            while bits >= 6:
                out.append(_B64[(buf >> (bits - 6)) & 0x3f])
                bits -= 6
            buf &= (1 << bits) - 1
    if bits:
        out.append(_B64[(buf << (6 - bits)) & 0x3f])
    if in_shift:
        out.append('-')
    return (''.join(out).encode('ascii'), len(str))


def _decode_handler_result(res, n):
    if not (isinstance(res, tuple) and len(res) == 2 and isinstance(res[0], str)
            and isinstance(res[1], int)):
        raise TypeError('decoding error handler must return (str, int) tuple')
    rep, pos = res
    if pos < 0:
        pos += n
    if not 0 <= pos <= n:
        raise IndexError(f'position {res[1]} from error handler out of bounds')
    return rep, pos


def utf_7_decode(data, errors=None, final=False, /):
    data = _data(data)
    errors = errors or 'strict'
    n = len(data)
    out = []
    in_shift = False
    bits = 0
    buf = 0
    surrogate = 0
    start = 0          # where the current shift sequence (or error) began
    shift_out = 0      # len(out) when the current shift sequence began
    i = 0

    def error(reason, begin, end):
        exc = UnicodeDecodeError('utf7', data, begin, end, reason)
        rep, pos = _decode_handler_result(lookup_error(errors)(exc), n)
        out.append(rep)
        return pos

    while True:
        while i < n:
            ch = data[i]
            if in_shift:
                if ch in _B64_VALUE:
                    buf = (buf << 6) | _B64_VALUE[ch]
                    bits += 6
                    i += 1
                    if bits >= 16:
                        unit = buf >> (bits - 16)
                        bits -= 16
                        buf &= (1 << bits) - 1
                        if surrogate:
                            if 0xdc00 <= unit <= 0xdfff:
                                out.append(chr(0x10000 + ((surrogate - 0xd800) << 10) + (unit - 0xdc00)))
                                surrogate = 0
                                continue
                            out.append(chr(surrogate))
                            surrogate = 0
                        if 0xd800 <= unit <= 0xdbff:
                            surrogate = unit
                        else:
                            out.append(chr(unit))
                    continue
                # leaving the shift sequence
                in_shift = False
                if bits >= 6:
                    i = error('partial character in shift sequence', start, i + 1)
                    continue
                if bits and buf:
                    i = error('non-zero padding bits in shift sequence', start, i + 1)
                    continue
                if surrogate and ch < 128 and ch != 0x2b:
                    out.append(chr(surrogate))
                surrogate = 0
                if ch == 0x2d:
                    i += 1
            elif ch == 0x2b:
                start = i
                i += 1
                if i < n and data[i] == 0x2d:
                    i += 1
                    out.append('+')
                elif i < n and data[i] not in _B64_VALUE:
                    i = error('ill-formed sequence', start, i + 1)
                else:
                    in_shift = True
                    surrogate = 0
                    shift_out = len(out)
                    bits = buf = 0
            elif ch < 128:
                out.append(chr(ch))
                i += 1
            else:
                i = error('unexpected special character', i, i + 1)
        if in_shift and final:
            in_shift = False
            if surrogate or bits >= 6 or (bits and buf):
                surrogate = 0
                i = error('unterminated shift sequence', start, n)
                if i < n:
                    continue
        break
    if in_shift:
        # an unfinished shift sequence waits for more input
        del out[shift_out:]
        return (''.join(out), start)
    return (''.join(out), i)


def readbuffer_encode(data, errors=None, /):
    b = data.encode('utf-8') if isinstance(data, str) else bytes(data)
    return (b, len(b))


def charmap_build(map, /):
    return {ord(c): i for i, c in enumerate(map)}


def charmap_decode(data, errors=None, mapping=None, /):
    data = _data(data)
    if mapping is None:
        return latin_1_decode(data, errors)
    out = []
    i = 0
    n = len(data)
    while i < n:
        b = data[i]
        try:
            c = mapping[b]
        except (IndexError, KeyError, LookupError):
            c = None
        if isinstance(c, int):
            c = chr(c)
        if c is None or c == '\ufffe':
            exc = UnicodeDecodeError('charmap', data, i, i + 1, 'character maps to <undefined>')
            rep, i = lookup_error(errors or 'strict')(exc)
            out.append(rep)
            continue
        out.append(c)
        i += 1
    return (''.join(out), n)


def charmap_encode(text, errors=None, mapping=None, /):
    if mapping is None:
        return latin_1_encode(text, errors)
    out = bytearray()
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        try:
            b = mapping[ord(c)] if not isinstance(mapping, dict) else mapping.get(ord(c))
        except (IndexError, KeyError, LookupError):
            b = None
        if b is None:
            exc = UnicodeEncodeError('charmap', text, i, i + 1, 'character maps to <undefined>')
            rep, i = lookup_error(errors or 'strict')(exc)
            if isinstance(rep, str):
                rep = charmap_encode(rep, 'strict', mapping)[0]
            out += rep
            continue
        if isinstance(b, int):
            out.append(b)
        else:
            out += b
        i += 1
    return (bytes(out), n)


_SIMPLE = {'\\': '\\', "'": "'", '"': '"', 'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n',
           'r': '\r', 't': '\t', 'v': '\v', '\n': ''}


def _unescape(s, errors, raw, as_bytes):
    out = []
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c != '\\' or i + 1 == n:
            if c == '\\' and not raw:
                if as_bytes:
                    raise ValueError('Trailing \\ in string')
                raise UnicodeDecodeError('unicodeescape', s.encode('latin-1'), i, n, '\\ at end of string')
            out.append(c)
            i += 1
            continue
        e = s[i + 1]
        if raw:
            # in a run of backslashes only the last of an odd count can start \u or \U
            j = i
            while j < n and s[j] == '\\':
                j += 1
            if (j - i) % 2 == 0 or j == n or s[j] not in 'uU':
                out.append(s[i:j])
                i = j
                continue
            out.append(s[i:j - 1])
            i = j - 1
            e = s[j]
            if e in 'uU':
                width = 4 if e == 'u' else 8
                h = s[i + 2:i + 2 + width]
                if len(h) == width and all(x in '0123456789abcdefABCDEF' for x in h):
                    if int(h, 16) > 0x10ffff:
                        raise UnicodeDecodeError('rawunicodeescape', s.encode('latin-1'), i, i + 2 + width, '\\Uxxxxxxxx out of range')
                    out.append(chr(int(h, 16)))
                    i += 2 + width
                    continue
                raise UnicodeDecodeError('rawunicodeescape', s.encode('latin-1'), i, min(n, i + 2 + width), 'truncated \\%sXXXX escape' % ('u' if e == 'u' else 'UXXXX'))
        if e in _SIMPLE:
            out.append(_SIMPLE[e])
            i += 2
        elif e in '01234567':
            j = i + 1
            while j < n and j < i + 4 and s[j] in '01234567':
                j += 1
            out.append(chr(int(s[i + 1:j], 8) & (0xff if as_bytes else 0x1ff)))
            i = j
        elif e == 'x' or (not as_bytes and e in 'uU'):
            width = {'x': 2, 'u': 4, 'U': 8}[e]
            h = s[i + 2:i + 2 + width]
            if len(h) == width and all(x in '0123456789abcdefABCDEF' for x in h):
                if int(h, 16) > 0x10ffff:
                    raise UnicodeDecodeError('unicodeescape', s.encode('latin-1'), i, i + 2 + width, 'illegal Unicode character')
                out.append(chr(int(h, 16)))
                i += 2 + width
            else:
                if as_bytes:
                    raise ValueError(f'invalid \\x escape at position {i}')
                k = 0
                while k < len(h) and h[k] in '0123456789abcdefABCDEF':
                    k += 1
                raise UnicodeDecodeError('unicodeescape', s.encode('latin-1'), i, i + 2 + k, f'truncated \\{"x" if e == "x" else e}{"X" * width} escape')
        elif e == 'N' and not as_bytes and not (i + 2 < n and s[i + 2] == '{'):
            raise UnicodeDecodeError('unicodeescape', s.encode('latin-1'), i, i + 2, 'malformed \\N character escape')
        elif e == 'N' and not as_bytes and i + 2 < n and s[i + 2] == '{':
            j = s.find('}', i + 3)
            import unicodedata
            if j < 0:
                raise UnicodeDecodeError('unicodeescape', s.encode('latin-1'), i, n, 'malformed \\N character escape')
            try:
                out.append(unicodedata.lookup(s[i + 3:j]))
            except KeyError:
                raise UnicodeDecodeError('unicodeescape', s.encode('latin-1'), i, n if j < 0 else j + 1, 'unknown Unicode character name') from None
            i = j + 1
        else:
            out.append('\\' + e)
            i += 2
    return ''.join(out)


def escape_decode(data, errors=None, /):
    if isinstance(data, str):
        data = data.encode('latin-1')
    data = bytes(data)
    r = _unescape(data.decode('latin-1'), errors, False, True)
    return (r.encode('latin-1'), len(data))


def escape_encode(data, errors=None, /):
    out = repr(bytes(data))[2:-1].replace('\\\'', "'")
    r = out.replace("'", "\\'").encode('latin-1')
    return (r, len(data))


_HEX_DIGITS = frozenset(b'0123456789abcdefABCDEF')


def _escape_tail(data, raw):
    """Where an escape sequence cut off by the end of `data` starts (len(data) if none):
    what a decoder told that more input follows (final=False) leaves for later."""
    n = len(data)
    i = 0
    while i < n:
        if data[i] != 0x5c:
            i += 1
            continue
        start = i
        if raw:
            j = i
            while j < n and data[j] == 0x5c:
                j += 1
            if (j - i) % 2 == 0:
                i = j
                continue
            # the run's last backslash is the escape's
            start = j - 1
            if j >= n:
                return start
            i = j
        else:
            i += 1
            if i >= n:
                return start
        c = data[i]
        count = {0x78: 2, 0x75: 4, 0x55: 8}.get(c) if not raw else {0x75: 4, 0x55: 8}.get(c)
        if count:
            i += 1
            while count and i < n and data[i] in _HEX_DIGITS:
                i += 1
                count -= 1
            if count and i >= n:
                return start
        elif c == 0x4e and not raw:
            if i + 1 >= n:
                return start
            if data[i + 1] == 0x7b:
                close = data.find(b'}', i + 2)
                if close < 0:
                    return start
                i = close + 1
            else:
                i += 1
        elif not raw:
            i += 1
    return n


def unicode_escape_decode(data, errors=None, final=True, /):
    if isinstance(data, str):
        data = data.encode('latin-1')
    data = bytes(data)
    if not final:
        data = data[:_escape_tail(data, False)]
    return (_unescape(data.decode('latin-1'), errors, False, False), len(data))


def unicode_escape_encode(str, errors=None, /):
    out = []
    for c in str:
        n = ord(c)
        if c == '\\':
            out.append('\\\\')
        elif c == '\t':
            out.append('\\t')
        elif c == '\n':
            out.append('\\n')
        elif c == '\r':
            out.append('\\r')
        elif 32 <= n < 127:
            out.append(c)
        else:
            out.append(_hexesc(c))
    return (''.join(out).encode('latin-1'), len(str))


def raw_unicode_escape_decode(data, errors=None, final=True, /):
    if isinstance(data, str):
        data = data.encode('latin-1')
    data = bytes(data)
    if not final:
        data = data[:_escape_tail(data, True)]
    return (_unescape(data.decode('latin-1'), errors, True, False), len(data))


def raw_unicode_escape_encode(str, errors=None, /):
    out = []
    for c in str:
        n = ord(c)
        if n < 0x100:
            out.append(c)
        elif n < 0x10000:
            out.append(f'\\u{n:04x}')
        else:
            out.append(f'\\U{n:08x}')
    return (''.join(out).encode('latin-1'), len(str))


# CPython's codec functions are builtins, which do not bind as methods: the encodings
# package stores them as class attributes (`_buffer_decode = codecs.utf_8_decode`,
# `encode = codecs.latin_1_encode`) and calls them through instances.
for _name, _f in list(globals().items()):
    if not _name.startswith('_') and _name.endswith(('_encode', '_decode')) and callable(_f):
        globals()[_name] = staticmethod(_f)
del _name, _f

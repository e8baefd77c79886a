# pyexpat's parser object over the Rust scanner (_scanner): handler attributes, namespace
# processing, character data buffering, positions and errors as CPython's pyexpat has them.

import sys as _sys

EXPAT_VERSION = 'expat_2.5.0'
version_info = (2, 5, 0)
native_encoding = 'UTF-8'
features = [('sizeof(XML_Char)', 1), ('sizeof(XML_LChar)', 1), ('XML_DTD', 0),
            ('XML_CONTEXT_BYTES', 1024), ('XML_NS', 0), ('XML_BLAP_MAX_AMP', 100),
            ('XML_BLAP_ACT_THRES', 8388608)]
XML_PARAM_ENTITY_PARSING_NEVER = 0
XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE = 1
XML_PARAM_ENTITY_PARSING_ALWAYS = 2
expat_CAPI = None


class ExpatError(Exception):
    pass


ExpatError.__module__ = 'xml.parsers.expat'
error = ExpatError

_Module = type(_sys)

errors = _Module('pyexpat.errors')
errors.__doc__ = 'Constants used to describe error conditions.'
errors.codes = {}
errors.messages = {}
for _code in range(1, len(_MESSAGES)):
    setattr(errors, 'XML_ERROR_' + _NAMES[_code], _MESSAGES[_code])
    errors.codes[_MESSAGES[_code]] = _code
    errors.messages[_code] = _MESSAGES[_code]

model = _Module('pyexpat.model')
model.__doc__ = 'Constants used to interpret content model information.'
for _n, _v in (('XML_CTYPE_EMPTY', 1), ('XML_CTYPE_ANY', 2), ('XML_CTYPE_MIXED', 3),
               ('XML_CTYPE_NAME', 4), ('XML_CTYPE_CHOICE', 5), ('XML_CTYPE_SEQ', 6),
               ('XML_CQUANT_NONE', 0), ('XML_CQUANT_OPT', 1), ('XML_CQUANT_REP', 2),
               ('XML_CQUANT_PLUS', 3)):
    setattr(model, _n, _v)
_sys.modules['pyexpat.errors'] = errors
_sys.modules['pyexpat.model'] = model
del _n, _v, _code


def ErrorString(code):
    """Returns string error for given number."""
    if not isinstance(code, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(code).__name__)
    if 0 < code < len(_MESSAGES):
        return _MESSAGES[code]
    return None


_HANDLERS = (
    'StartElementHandler', 'EndElementHandler', 'ProcessingInstructionHandler',
    'CharacterDataHandler', 'UnparsedEntityDeclHandler', 'NotationDeclHandler',
    'StartNamespaceDeclHandler', 'EndNamespaceDeclHandler', 'CommentHandler',
    'StartCdataSectionHandler', 'EndCdataSectionHandler', 'DefaultHandler',
    'DefaultHandlerExpand', 'NotStandaloneHandler', 'ExternalEntityRefHandler',
    'StartDoctypeDeclHandler', 'EndDoctypeDeclHandler', 'EntityDeclHandler',
    'XmlDeclHandler', 'ElementDeclHandler', 'AttlistDeclHandler', 'SkippedEntityHandler',
)

_XML_NS = 'http://www.w3.org/XML/1998/namespace'
_XMLNS_NS = 'http://www.w3.org/2000/xmlns/'
_FLAGS = ('buffer_text', 'ordered_attributes', 'specified_attributes', 'namespace_prefixes')


def _encoding_table(name):
    """The characters of the 256 bytes of an 8-bit codec (CPython's unknown encoding
    handler)."""
    import codecs
    codecs.lookup(name)
    table = []
    for b in range(256):
        try:
            c = bytes([b]).decode(name)
        except UnicodeDecodeError:
            c = '\ufffd'
        if len(c) != 1:
            raise ValueError('multi-byte encodings are not supported')
        table.append(c)
    return table


class xmlparser:
    """XML parser"""

    __slots__ = _HANDLERS + _FLAGS + (
        '_scanner', '_sep', '_intern', '_buffer', '_buffer_size', '_pos', '_in_callback',
        '_ns', '_ns_stack', '_base', '_error', '_expand', '_started', '_encoding',
        '_finished', '_raw', '_fragment', '_pe_parsing', '_foreign', '_subset', '_root_seen',
    )

    def __init__(self, *args, **kw):
        raise TypeError("cannot create 'pyexpat.xmlparser' instances")

    def __setattr__(self, name, value):
        if not isinstance(name, str):
            raise TypeError("attribute name must be string, not '%s'" % type(name).__name__)
        if name[0] == '_' and name in xmlparser.__slots__:
            object.__setattr__(self, name, value)
            return
        if name == 'buffer_size':
            if not isinstance(value, int):
                raise TypeError('buffer_size must be an integer')
            if value <= 0:
                raise ValueError('buffer_size must be greater than zero')
            if value > 2147483647:
                raise ValueError('buffer_size must not be greater than 2147483647')
            self._flush()
            object.__setattr__(self, '_buffer_size', value)
            return
        if name in _FLAGS:
            value = bool(value.__index__() if hasattr(value, '__index__') and not isinstance(value, bool) else value)
            if name == 'buffer_text' and not value:
                self._flush()
            elif name == 'namespace_prefixes' or name == 'specified_attributes':
                pass
            object.__setattr__(self, name, value)
            return
        if name in _HANDLERS:
            if name == 'CharacterDataHandler':
                self._flush()
            if name == 'DefaultHandler':
                self._scanner.set_expand(False)
            elif name == 'DefaultHandlerExpand':
                self._scanner.set_expand(True)
            object.__setattr__(self, name, value)
            return
        if name in ('buffer_used', 'intern', 'ErrorCode', 'ErrorLineNumber', 'ErrorColumnNumber',
                    'ErrorByteIndex', 'CurrentLineNumber', 'CurrentColumnNumber',
                    'CurrentByteIndex'):
            raise AttributeError("attribute '%s' of 'pyexpat.xmlparser' objects is not writable" % name)
        raise AttributeError("'pyexpat.xmlparser' object has no attribute '%s'" % name)

    # ---- attributes read from the state ----

    @property
    def buffer_size(self):
        return self._buffer_size

    @property
    def buffer_used(self):
        if self._buffer is None:
            return 0
        return sum(len(s.encode('utf-8')) for s in self._buffer)

    @property
    def intern(self):
        return self._intern

    @property
    def ErrorCode(self):
        return self._error[0] if self._error else 0

    @property
    def ErrorLineNumber(self):
        return self._error[1] if self._error else self._pos[0]

    @property
    def ErrorColumnNumber(self):
        return self._error[2] if self._error else self._pos[1]

    @property
    def ErrorByteIndex(self):
        return self._error[3] if self._error else self._pos[2]

    @property
    def CurrentLineNumber(self):
        return self._pos[0]

    @property
    def CurrentColumnNumber(self):
        return self._pos[1]

    @property
    def CurrentByteIndex(self):
        return self._pos[2]

    def __repr__(self):
        return '<pyexpat.xmlparser object at %#x>' % id(self)

    # ---- methods ----

    def SetBase(self, base):
        """Set the base URL for the parser."""
        if not isinstance(base, str):
            raise TypeError('SetBase() argument must be str, not %s' % type(base).__name__)
        object.__setattr__(self, '_base', base)

    def GetBase(self):
        """Return base URL string for the parser."""
        return self._base

    def GetInputContext(self):
        """Return the untranslated text of the input that caused the current event."""
        if not self._in_callback:
            return None
        return ''.join(self._raw).encode('utf-8')

    def SetParamEntityParsing(self, flag):
        """Controls parsing of parameter entities (including the external DTD subset)."""
        if not isinstance(flag, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(flag).__name__)
        if self._started or not 0 <= flag <= 2:
            return 0
        object.__setattr__(self, '_pe_parsing', flag)
        return 1

    def UseForeignDTD(self, flag=True):
        """Allows the application to provide an artificial external subset."""
        if self._started:
            raise ExpatError(_message(26, (1, 0)), 26, 1, 0)
        self._scanner.set_external(bool(flag))
        object.__setattr__(self, '_foreign', bool(flag))

    def ExternalEntityParserCreate(self, context, encoding=None):
        """Create a parser for parsing an external entity based on the information
        passed to the ExternalEntityRefHandler."""
        if context is not None and not isinstance(context, str):
            raise TypeError('ExternalEntityParserCreate() argument 1 must be str or None, not %s' % type(context).__name__)
        if encoding is not None and not isinstance(encoding, str):
            raise TypeError('ExternalEntityParserCreate() argument 2 must be str, not %s' % type(encoding).__name__)
        p = _new_parser(encoding, self._sep, self._intern)
        for h in _HANDLERS + _FLAGS:
            object.__setattr__(p, h, getattr(self, h))
        object.__setattr__(p, '_base', self._base)
        object.__setattr__(p, '_ns', dict(self._ns))
        object.__setattr__(p, '_fragment', True)
        object.__setattr__(p, '_buffer_size', self._buffer_size)
        if self.buffer_text:
            object.__setattr__(p, '_buffer', [])
        return p

    def Parse(self, data, isfinal=False):
        """Parse XML data.

        `isfinal' should be true at end of input."""
        if isinstance(isfinal, float):
            raise TypeError("'float' object cannot be interpreted as an integer")
        isfinal = bool(isfinal.__index__() if not isinstance(isfinal, bool) else isfinal)
        if isinstance(data, str):
            if not self._started:
                self._scanner.set_utf8()
            data = data.encode('utf-8', 'surrogatepass')
        elif not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)
        object.__setattr__(self, '_started', True)
        if self._fragment:
            return self._parse_fragment(bytes(data), isfinal)
        if self._error is not None:
            self._raise(self._error)
        events, err = self._scanner.feed(data, isfinal)
        if err is not None and err[0] == 18:
            name = self._scanner.unknown_encoding()
            self._scanner.set_table(_encoding_table(name))
            more, err = self._scanner.feed(b'', isfinal)
            events = events + more
        self._dispatch(events)
        self._pos = self._scanner.position()
        self._flush()
        if err is not None:
            self._fail(err)
        if isfinal:
            object.__setattr__(self, '_finished', True)
        return 1

    def ParseFile(self, file):
        """Parse XML data from file-like object."""
        try:
            read = file.read
        except AttributeError:
            raise TypeError("argument must have 'read' attribute") from None
        while True:
            data = read(self._buffer_size if self.buffer_text else 2048)
            if not isinstance(data, (bytes, bytearray)):
                raise TypeError('read() did not return a bytes object (type=%.400s)' % type(data).__name__)
            if not data:
                self.Parse(b'', True)
                return 1
            self.Parse(data, False)

    # ---- internals ----

    def _parse_fragment(self, data, isfinal):
        # an external parsed entity: its text is content of the element referring to it
        if self._fragment is True:
            if data.startswith(b'<?xml'):
                end = data.find(b'?>')
                if end >= 0:
                    data = data[end + 2:]
            data = b'<' + _WRAP + b'>' + data
            object.__setattr__(self, '_fragment', 2)
        if isfinal:
            data += b'</' + _WRAP + b'>'
        events, err = self._scanner.feed(data, isfinal)
        events = [e for e in events if not (e[0] in (1, 2) and e[5] == _WRAP_STR)]
        self._dispatch(events)
        self._flush()
        if err is not None:
            self._fail(err)
        return 1

    def _fail(self, err):
        object.__setattr__(self, '_error', err)
        self._raise(err)

    def _raise(self, err):
        code, line, col, byte = err
        e = ExpatError(_message(code, (line, col)))
        e.code = code
        e.lineno = line
        e.offset = col
        raise e

    def _flush(self):
        buf = self._buffer
        if buf:
            text = ''.join(buf)
            buf.clear()
            h = self.CharacterDataHandler
            if h is not None:
                h(text)

    def _data(self, text, raw):
        h = self.CharacterDataHandler
        if h is None:
            d = self.DefaultHandler or self.DefaultHandlerExpand
            if d is not None:
                for r in raw:
                    d(r)
            return
        buf = self._buffer
        if self.buffer_text and buf is not None:
            size = sum(len(s.encode('utf-8')) for s in buf) if buf else 0
            n = len(text.encode('utf-8'))
            if size + n > self._buffer_size:
                self._flush()
                if n > self._buffer_size:
                    h(text)
                    return
            buf.append(text)
        else:
            h(text)

    def _get(self, name):
        # a handler about to be called: the buffered text goes first
        h = getattr(self, name)
        if h is not None and self._buffer:
            self._flush()
        return h

    def _default(self, raw):
        d = self.DefaultHandler or self.DefaultHandlerExpand
        if d is not None:
            if self._buffer:
                self._flush()
            for r in raw:
                if r:
                    d(r)

    def _name(self, name, is_attr=False):
        if self._sep is None:
            return self._interned(name)
        prefix, colon, local = name.partition(':')
        if not colon:
            if is_attr:
                return self._interned(name)
            uri = self._ns.get(None)
            if uri is None:
                return self._interned(name)
            return self._interned(uri + self._sep + name)
        uri = _XML_NS if prefix == 'xml' else self._ns.get(prefix)
        if uri is None:
            return None
        full = uri + self._sep + local
        if self.namespace_prefixes:
            full += self._sep + prefix
        return self._interned(full)

    def _interned(self, name):
        d = self._intern
        if d is None:
            return name
        return d.setdefault(name, name)

    def _dispatch(self, events):
        object.__setattr__(self, '_in_callback', True)
        try:
            for ev in events:
                self._pos = (ev[1], ev[2], ev[3])
                self._raw = ev[4]
                kind = ev[0]
                if kind == 3:
                    self._data(ev[5], ev[4])
                elif kind == 1:
                    self._start(ev)
                elif kind == 2:
                    self._end(ev)
                else:
                    self._other(kind, ev)
        finally:
            object.__setattr__(self, '_in_callback', False)

    def _external_subset(self, sysid, pubid):
        # with parameter entity parsing on, the external subset (or the foreign DTD) is
        # offered to ExternalEntityRefHandler
        h = self._get('ExternalEntityRefHandler')
        if self._pe_parsing and h is not None:
            if not h(None, self._base, sysid, pubid):
                self._fail((21,) + self._pos)

    def _start(self, ev):
        name, flat, nspec = ev[5], ev[6], ev[7]
        if not self._root_seen:
            object.__setattr__(self, '_root_seen', True)
            if self._foreign and self._subset is None:
                self._external_subset(None, None)
        if self._sep is not None:
            decls = []
            keep = []
            for i in range(0, len(flat), 2):
                n, v = flat[i], flat[i + 1]
                if n == 'xmlns' or n.startswith('xmlns:'):
                    prefix = n[6:] or None
                    if prefix == 'xmlns':
                        self._fail((39,) + self._pos)
                    if prefix == 'xml' and v != _XML_NS or prefix != 'xml' and v in (_XML_NS, _XMLNS_NS):
                        self._fail((38 if prefix == 'xml' else 40,) + self._pos)
                    if prefix is not None and v == '':
                        self._fail((28,) + self._pos)
                    decls.append((prefix, v or None))
                    if i < nspec * 2:
                        nspec -= 1
                else:
                    keep.append((n, v))
            self._ns_stack.append((decls, [(p, self._ns.get(p, _MISSING)) for p, _ in decls]))
            for prefix, uri in decls:
                if uri is None:
                    self._ns.pop(prefix, None)
                else:
                    self._ns[prefix] = uri
                h = self._get('StartNamespaceDeclHandler')
                if h is not None:
                    h(prefix, uri)
                else:
                    self._default([])
            ename = self._name(name)
            if ename is None:
                self._fail((27,) + self._pos)
            flat = []
            seen = set()
            for n, v in keep:
                en = self._name(n, True)
                if en is None:
                    self._fail((27,) + self._pos)
                if en in seen:
                    self._fail((8,) + self._pos)
                seen.add(en)
                flat.append(en)
                flat.append(v)
            name = ename
        else:
            name = self._interned(name)
            if self._intern is not None:
                flat = [self._interned(x) if i % 2 == 0 else x for i, x in enumerate(flat)]
        h = self._get('StartElementHandler')
        if h is None:
            self._default(ev[4])
            return
        if self.specified_attributes:
            flat = flat[:nspec * 2]
        if self.ordered_attributes:
            attrs = flat
        else:
            attrs = {}
            for i in range(0, len(flat), 2):
                attrs[flat[i]] = flat[i + 1]
        h(name, attrs)

    def _end(self, ev):
        name = ev[5]
        if self._sep is not None:
            name = self._name(name)
        else:
            name = self._interned(name)
        h = self._get('EndElementHandler')
        if h is not None:
            h(name)
        else:
            self._default(ev[4])
        if self._sep is not None and self._ns_stack:
            decls, saved = self._ns_stack.pop()
            for prefix, old in reversed(saved):
                if old is _MISSING:
                    self._ns.pop(prefix, None)
                else:
                    self._ns[prefix] = old
            h = self._get('EndNamespaceDeclHandler')
            for prefix, _ in reversed(decls):
                if h is not None:
                    h(prefix)

    def _other(self, kind, ev):
        raw = ev[4]
        if kind == 16:
            self._default([ev[5]])
            return
        if kind == 17:
            h = self._get('NotStandaloneHandler')
            if h is not None:
                if not h():
                    self._fail((22,) + self._pos)
            else:
                self._default(raw)
            return
        if kind == 8:
            object.__setattr__(self, '_subset', (ev[6], ev[7]))
        elif kind == 9 and self._subset is not None:
            if self._subset[0] is not None:
                self._external_subset(*self._subset)
            elif self._foreign:
                self._external_subset(None, None)
        if kind == 10 and ev[10] is not None and self.UnparsedEntityDeclHandler is not None:
            self._get('UnparsedEntityDeclHandler')(ev[5], self._base, ev[8], ev[9], ev[10])
            return
        h = self._get(_KIND_HANDLER[kind])
        if h is None:
            if kind == 15 or kind == 14:
                if kind == 14 and (self.DefaultHandler or self.DefaultHandlerExpand) is None:
                    return
                if kind == 15:
                    return
            self._default(raw)
            return
        if kind == 0:
            h(ev[5], ev[6], ev[7])
        elif kind == 4:
            h(self._interned(ev[5]), ev[6])
        elif kind == 5:
            h(ev[5])
        elif kind in (6, 7, 9):
            h()
        elif kind == 8:
            h(ev[5], ev[6], ev[7], ev[8])
        elif kind == 10:
            h(ev[5], ev[6], ev[7], self._base, ev[8], ev[9], ev[10])
        elif kind == 11:
            h(ev[5], self._base, ev[6], ev[7])
        elif kind == 12:
            h(ev[5], ev[6])
        elif kind == 13:
            h(ev[5], ev[6], ev[7], ev[8], ev[9])
        elif kind == 14:
            h(ev[5], ev[6])
        elif kind == 15:
            if not h(ev[5], self._base, ev[6], ev[7]):
                self._fail((21,) + self._pos)


_MISSING = object()
_WRAP = b'pyexpat-external-entity'
_WRAP_STR = _WRAP.decode()
_KIND_HANDLER = {
    0: 'XmlDeclHandler', 4: 'ProcessingInstructionHandler', 5: 'CommentHandler',
    6: 'StartCdataSectionHandler', 7: 'EndCdataSectionHandler', 8: 'StartDoctypeDeclHandler',
    9: 'EndDoctypeDeclHandler', 10: 'EntityDeclHandler', 11: 'NotationDeclHandler',
    12: 'ElementDeclHandler', 13: 'AttlistDeclHandler', 14: 'SkippedEntityHandler',
    15: 'ExternalEntityRefHandler',
}


def _message(code, pos):
    return '%s: line %d, column %d' % (ErrorString(code), pos[0], pos[1])


def _new_parser(encoding, sep, intern):
    p = object.__new__(xmlparser)
    s = object.__setattr__
    for h in _HANDLERS:
        s(p, h, None)
    for f in _FLAGS:
        s(p, f, False)
    if encoding is None:
        sc = _scanner(None)
    else:
        try:
            sc = _scanner(encoding)
        except ValueError:
            sc = _scanner(_encoding_table(encoding))
    s(p, '_scanner', sc)
    s(p, '_encoding', encoding)
    s(p, '_sep', sep)
    s(p, '_intern', intern)
    s(p, '_buffer', [])
    s(p, '_buffer_size', 8192)
    s(p, '_pos', (1, 0, -1))
    s(p, '_in_callback', False)
    s(p, '_ns', {})
    s(p, '_ns_stack', [])
    s(p, '_base', None)
    s(p, '_error', None)
    s(p, '_started', False)
    s(p, '_finished', False)
    s(p, '_raw', [])
    s(p, '_fragment', False)
    s(p, '_pe_parsing', 0)
    s(p, '_foreign', False)
    s(p, '_subset', None)
    s(p, '_root_seen', False)
    return p


_NO_INTERN = object()


def ParserCreate(encoding=None, namespace_separator=None, intern=_NO_INTERN):
    """Return a new XML parser object."""
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError("ParserCreate() argument 'encoding' must be str or None, not %s" % type(encoding).__name__)
    if namespace_separator is not None:
        if not isinstance(namespace_separator, str):
            raise TypeError("ParserCreate() argument 'namespace_separator' must be str or None, not %s" % type(namespace_separator).__name__)
        if len(namespace_separator) > 1:
            raise ValueError('namespace_separator must be at most one character, omitted, or None')
    if intern is _NO_INTERN:
        intern = {}
    elif intern is not None and not isinstance(intern, dict):
        raise TypeError('intern must be a dictionary')
    return _new_parser(encoding, namespace_separator, intern)


XMLParserType = xmlparser
xmlparser.__module__ = 'pyexpat'
del _Module

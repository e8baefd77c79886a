# pyexpat: errors of ill-formed documents: codes, messages, lines, columns, byte indexes
import pyexpat
cases = [b"", b"<a>", b"<a", b"<a></b>", b"<a><b></a>", b"<a/><b/>", b"<a/>x", b"<a>&foo;</a>", b"<a b='1' b='2'/>",
 b"<a>\xc3</a>", b"<a>\xc3", b"<a><!-- x -- y --></a>", b"<a><![CDATA[x", b"<a>]]></a>", b"<a x=1/>", b"<a>&#0;</a>",
 b"  <?xml version='1.0'?><a/>", b"<a><?xml x?></a>", b"<1a/>", b"<a>\n<b>\n</c></a>", b"<a>\xe9</a>", b"<a>&amp</a>", b"<a>&#xZZ;</a>",
 b"<?xml version='1.0' encoding='foo'?><a/>", b"<a x='<'/>", b"<a>\x01</a>", b"<a>\xc3\xa9\xc3\xa9<</a>", b"<!DOCTYPE a [<!ENTITY e '&e;'>]><a>&e;</a>",
 b"<!DOCTYPE a [<!ENTITY e '<b>'>]><a>&e;</a>", b"<a xmlns:p='u'><q:b/></a>", b"<?xml version='1.0' standalone='maybe'?><a/>", b"<!DOCTYPE a SYSTEM 'x'><a>&e;</a>",
 b"<a>x</a><!-- c -->  ", b"<a>x</a>  \n <b", b"<a\n  b='1'\n  c>"]
for c in cases:
    p = pyexpat.ParserCreate(namespace_separator=' ' if b'xmlns' in c else None)
    try:
        p.Parse(c, True); print(c, 'ok')
    except Exception as e:
        if not isinstance(e, pyexpat.ExpatError): print(c, type(e).__name__, e); continue
        print(c, e.code, str(e), e.lineno, e.offset, p.ErrorByteIndex)

# the error object, ErrorString, the errors and model submodules
import io
from xml.parsers import expat
from xml.parsers.expat import errors, model
p = expat.ParserCreate()
try:
    p.Parse(b"<a>\n <b></c>", True)
except expat.ExpatError as e:
    print(type(e).__module__, type(e).__name__, e.code, e.lineno, e.offset, errors.messages[e.code])
    print(p.ErrorCode, p.ErrorLineNumber, p.ErrorColumnNumber, p.ErrorByteIndex)
print(expat.error is expat.ExpatError, issubclass(expat.ExpatError, Exception))
print(expat.ErrorString(3), expat.ErrorString(43), expat.ErrorString(0), expat.ErrorString(999))
print(errors.XML_ERROR_TAG_MISMATCH, errors.codes[errors.XML_ERROR_SYNTAX], len(errors.messages))
print(model.XML_CTYPE_MIXED, model.XML_CQUANT_PLUS)
print(expat.EXPAT_VERSION, expat.version_info, expat.native_encoding)
print(dict(expat.features)['XML_BLAP_MAX_AMP'])
# parsing after the end, and after an error
p = expat.ParserCreate()
p.Parse(b"<a/>", True)
try:
    p.Parse(b"<b/>", True)
except expat.ExpatError as e:
    print(e)
# bad arguments
for args, kw in [((1,), {}), ((None, 'ab'), {}), ((None, 5), {}), ((), {'intern': 5})]:
    try:
        expat.ParserCreate(*args, **kw)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
p = expat.ParserCreate()
for bad in [lambda: p.Parse(5), lambda: setattr(p, 'nosuch', 1), lambda: setattr(p, 'buffer_size', 0),
            lambda: setattr(p, 'buffer_size', 1.5), lambda: p.ParseFile(5), lambda: p.ParseFile(io.StringIO('<a/>')), lambda: expat.XMLParserType()]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
# an exception raised by a handler ends the parse and propagates
p = expat.ParserCreate()
def boom(name, attrs):
    raise RuntimeError(name)
p.StartElementHandler = boom
try:
    p.Parse(b"<a><b/></a>", True)
except RuntimeError as e:
    print("handler raised", e)
# billion laughs
lol = '<!DOCTYPE l [<!ENTITY l0 "lollollollollollollollollollol">'
for i in range(1, 9):
    lol += '<!ENTITY l%d "%s">' % (i, ('&l%d;' % (i - 1)) * 10)
lol += ']><l>&l8;</l>'
p = expat.ParserCreate()
p.CharacterDataHandler = lambda d: None
try:
    p.Parse(lol.encode(), True)
except expat.ExpatError as e:
    print(e.code, errors.messages[e.code])

# pyexpat: callbacks in order with positions, chunked input (split anywhere, even inside a
# tag or a character), buffer_text, attributes flags, namespaces, DTD declarations, entities
import pyexpat

HANDLERS = ['StartElementHandler', 'EndElementHandler', 'CharacterDataHandler',
            'ProcessingInstructionHandler', 'CommentHandler', 'StartCdataSectionHandler',
            'EndCdataSectionHandler', 'XmlDeclHandler', 'StartDoctypeDeclHandler',
            'EndDoctypeDeclHandler', 'EntityDeclHandler', 'AttlistDeclHandler',
            'ElementDeclHandler', 'NotationDeclHandler', 'UnparsedEntityDeclHandler',
            'StartNamespaceDeclHandler', 'EndNamespaceDeclHandler', 'SkippedEntityHandler']

def run(chunks, sep=None, handlers=HANDLERS, **flags):
    p = pyexpat.ParserCreate(namespace_separator=sep)
    out = []
    for k, v in flags.items():
        setattr(p, k, v)
    for h in handlers:
        setattr(p, h, (lambda h: lambda *a: out.append((h[:-7], a, p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex)))(h))
    for i, c in enumerate(chunks):
        p.Parse(c, i == len(chunks) - 1)
    return out

doc = ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE r [\n<!ENTITY foo "bar &amp; baz">\n'
       '<!ENTITY nest "[&foo;]">\n<!ENTITY el "<i>in</i>">\n<!ATTLIST r d CDATA "dflt">\n'
       '<!ELEMENT r (#PCDATA|e|i)*>\n<!NOTATION n SYSTEM "n.bin">\n<!ENTITY u SYSTEM "u.bin" NDATA n>\n]>\n'
       '<r a="&nest;" b="x\ty\nz">t\xe9xt &foo; &nest; &el; &#x263A; <![CDATA[c<d>\nq]]><?pi  data ?>'
       '<!-- com\n --><e/>\r\nend \U0001F600</r>\n').encode()
whole = run([doc])
for x in whole:
    print(x)
for n in (1, 2, 3, 5, 8):
    chunks = [doc[i:i + n] for i in range(0, len(doc), n)]
    r = run(chunks)
    print(n, [x[:2] for x in r if x[0] != 'CharacterData'] == [x[:2] for x in whole if x[0] != 'CharacterData'])
    print(n, [x[1][0] for x in r if x[0] == 'CharacterData'])
    print(n, run(chunks, buffer_text=True) == run([doc], buffer_text=True) or [x[:2] for x in run(chunks, buffer_text=True)])
print(run([doc], ordered_attributes=True, specified_attributes=True, handlers=['StartElementHandler']))

# buffer_text, buffer_size, buffer_used
p = pyexpat.ParserCreate()
print(p.buffer_text, p.buffer_size, p.buffer_used, p.ordered_attributes, p.specified_attributes, p.namespace_prefixes)
got = []
p.CharacterDataHandler = got.append
p.buffer_text = True
p.Parse(b'<a>one\ntwo &amp; three', False)
print(got, p.buffer_used)
p.Parse(b' four</a>', True)
print(got)
p = pyexpat.ParserCreate()
p.buffer_text = 1
p.buffer_size = 4
got = []
p.CharacterDataHandler = got.append
p.Parse(b'<a>abcdefgh ij</a>', True)
print(got)

# namespaces
ns = (b"<a xmlns='u1' xmlns:p='u2' xmlns:q='u3' p:x='1' y='2' xml:lang='en'>"
      b"<p:b xmlns=''/><c q:z='3'/></a>")
for x in run([ns], sep='!'):
    print(x[:2])
for x in run([ns], sep='}', namespace_prefixes=True, handlers=['StartElementHandler']):
    print(x[:2])
print([x[:2] for x in run([ns], sep='', handlers=['StartElementHandler'])])
for bad in [b"<a xmlns:p='u'><q:b/></a>", b"<a xmlns:p=''/>", b"<a xmlns:xmlns='x'/>"]:
    try:
        run([bad], sep=' ')
    except pyexpat.ExpatError as e:
        print(bad, e)

# the default handler sees what no other handler takes
for dh in ['DefaultHandler', 'DefaultHandlerExpand']:
    p = pyexpat.ParserCreate()
    got = []
    setattr(p, dh, got.append)
    p.CommentHandler = lambda c: got.append(('comment', c))
    p.Parse(b'<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
            b'"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd" [ <!ENTITY a "b<i>c</i>"> ]>\n'
            b'<html>&a;&nbsp;x&amp;<!--c--></html>\n', True)
    print(dh, got)

# encodings: declared, BOMs, UTF-16, an 8-bit codec, a str
for b in ['<?xml version="1.0" encoding="iso-8859-1"?><a>\xe9</a>'.encode('latin-1'),
          '<?xml version="1.0" encoding="utf-16"?><a>\u263a</a>'.encode('utf-16'),
          '<?xml version="1.0" encoding="utf-16le"?><a>\u263a</a>'.encode('utf-16le'),
          '<?xml version="1.0" encoding="cp1252"?><a>\u20ac</a>'.encode('cp1252'),
          b'\xef\xbb\xbf<a>b</a>', '<a>\xe9\u263a</a>']:
    print(run([b]))
    if isinstance(b, bytes):
        print(run([b[i:i + 1] for i in range(len(b))], buffer_text=True))
p = pyexpat.ParserCreate(encoding='latin-1')
p.CharacterDataHandler = print
p.Parse(b'<a>\xe9</a>', True)

# ParseFile, SetBase/GetBase, intern
import io
p = pyexpat.ParserCreate()
p.SetBase('http://example.com/')
print(p.GetBase())
p.StartElementHandler = lambda n, a: print('start', n, a)
print(p.ParseFile(io.BytesIO(b'<a x="1"><b/></a>')))
d = {}
p = pyexpat.ParserCreate(intern=d)
p.StartElementHandler = lambda n, a: None
p.Parse(b'<a x="1"><a/></a>', True)
print(sorted(d), p.intern is d)

# external entities and standalone
p = pyexpat.ParserCreate()
calls = []
p.ExternalEntityRefHandler = lambda *a: calls.append(a) or 1
p.NotStandaloneHandler = lambda: calls.append('not standalone') or 1
p.SkippedEntityHandler = lambda *a: calls.append(('skipped',) + a)
p.Parse(b'<!DOCTYPE a SYSTEM "a.dtd" [<!ENTITY ext SYSTEM "ext.xml">]><a>&ext;&undeclared;</a>', True)
print(calls)

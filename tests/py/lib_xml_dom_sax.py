# xml.dom.minidom and xml.sax over pyexpat
import io
import xml.dom.minidom as minidom
import xml.sax
import xml.sax.handler
from xml.sax.saxutils import XMLGenerator

src = ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE doc [<!ENTITY e "ent">]>\n'
       '<doc xmlns:x="urn:x" a="1"><x:item b="&amp;">t&e;xt</x:item><!--c--><?pi data?>'
       '<![CDATA[<raw>]]><empty/>\u263a</doc>')
d = minidom.parseString(src)
print(d.documentElement.tagName, d.documentElement.getAttribute('a'))
print(d.doctype.name, [n.nodeName for n in d.documentElement.childNodes])
item = d.getElementsByTagName('x:item')[0]
print(item.namespaceURI, item.localName, item.prefix, item.getAttribute('b'), item.firstChild.data)
print(d.toxml())
print(d.documentElement.toprettyxml(indent='  '))
print(minidom.parseString('<a><b/>x</a>').toxml(encoding='utf-8'))
d2 = minidom.parse(io.BytesIO(b'<r><c n="1"/><c n="2"/></r>'))
print([c.getAttribute('n') for c in d2.getElementsByTagName('c')])
try:
    minidom.parseString('<a><b></a>')
except Exception as e:
    print(type(e).__name__, e)

class H(xml.sax.handler.ContentHandler):
    def setDocumentLocator(self, loc):
        self.loc = loc
    def startDocument(self):
        print('startDocument')
    def endDocument(self):
        print('endDocument')
    def startElement(self, name, attrs):
        print('start', name, dict(attrs), self.loc.getLineNumber(), self.loc.getColumnNumber())
    def endElement(self, name):
        print('end', name)
    def characters(self, c):
        print('chars', repr(c))
    def processingInstruction(self, t, d):
        print('pi', t, d)
    def startPrefixMapping(self, p, u):
        print('prefix', p, u)
    def startElementNS(self, name, qname, attrs):
        print('startNS', name, qname, dict(attrs))
    def endElementNS(self, name, qname):
        print('endNS', name, qname)

xml.sax.parseString(b'<a x="1">\n <b>hi &amp; bye</b><?t d?></a>', H())
p = xml.sax.make_parser()
p.setFeature(xml.sax.handler.feature_namespaces, True)
p.setContentHandler(H())
p.parse(io.BytesIO(b'<p:a xmlns:p="urn:p" p:y="2"><c/></p:a>'))

class E(xml.sax.handler.ErrorHandler):
    def fatalError(self, e):
        print('fatal', e.getMessage(), e.getLineNumber(), e.getColumnNumber())
        raise e
try:
    xml.sax.parseString(b'<a>\n<b></a>', xml.sax.handler.ContentHandler(), E())
except xml.sax.SAXParseException as e:
    print('raised', e)

out = io.StringIO()
g = XMLGenerator(out)
xml.sax.parseString(b'<a x="&lt;1&gt;"><b>t &amp; u</b></a>', g)
print(out.getvalue())

# incremental parsing through the IncrementalParser interface
p = xml.sax.make_parser()
h = H()
h.loc = p
p.setContentHandler(h)
for chunk in [b'<r>', b'<i>o', b'ne</i', b'></r>']:
    p.feed(chunk)
p.close()

# xml.etree.ElementTree over pyexpat: fromstring/tostring round trips, namespaces,
# iterparse, XMLPullParser, XMLParser with a target, entities, doctype, errors
import io
import xml.etree.ElementTree as ET

src = ('<?xml version="1.0"?>\n<root xmlns="http://a" xmlns:b="http://b" id="1">'
       '<b:item n="x">text &amp; more</b:item><!-- c --><?pi d?><item>\u263a</item>tail</root>')
root = ET.fromstring(src)
print(root.tag, root.attrib, [c.tag for c in root], root[0].text, root[1].text, root[1].tail)
print(ET.tostring(root, encoding='unicode'))
print(ET.tostring(root))
ET.register_namespace('bee', 'http://b')
print(ET.tostring(root, encoding='unicode'))
print(root.find('{http://b}item').get('n'), root.findall('{http://a}item')[0].text)
print([e.tag for e in root.iter()])

tree = ET.parse(io.BytesIO(b'<a><b x="1">t</b><b x="2"/></a>'))
print([b.get('x') for b in tree.getroot().iter('b')])
out = io.BytesIO()
tree.write(out, encoding='utf-8', xml_declaration=True)
print(out.getvalue())
ET.indent(tree)
print(ET.tostring(tree.getroot(), encoding='unicode'))

data = b'<r><a>1</a><b xmlns:p="urn:p"><p:c/></b><!--x--><?t y?></r>'
for ev, el in ET.iterparse(io.BytesIO(data), events=('start', 'end', 'start-ns', 'end-ns', 'comment', 'pi')):
    print(ev, el if ev.endswith('-ns') else el.tag if ev in ('start', 'end') else el.text)

pp = ET.XMLPullParser(events=('start', 'end'))
for chunk in [b'<r><x', b'>hel', b'lo</x><y/', b'></r>']:
    pp.feed(chunk)
    print([(e, el.tag, el.text) for e, el in pp.read_events()])
pp.close()

class Target:
    def start(self, tag, attrib): print('start', tag, attrib)
    def end(self, tag): print('end', tag)
    def data(self, d): print('data', repr(d))
    def comment(self, t): print('comment', t)
    def pi(self, t, d): print('pi', t, d)
    def doctype(self, name, pubid, system): print('doctype', name, pubid, system)
    def close(self): return 'closed'
p = ET.XMLParser(target=Target())
p.feed('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">')
p.feed('<html><!--c--><?p q?>x<br/></html>')
print(p.close())

# internal entities expand; an undeclared one under an external DTD goes to parser.entity
print(ET.tostring(ET.fromstring('<!DOCTYPE a [<!ENTITY e "ent&#233;">]><a>&e;</a>'), encoding='unicode'))
p = ET.XMLParser()
p.entity['nbsp'] = '\xa0'
p.feed('<!DOCTYPE html SYSTEM "x.dtd"><html>a&nbsp;b</html>')
print(repr(p.close().text))
print(p.version)

for bad in ['<a><b></a>', '<a>', '', '<a>&u;</a>', '<a/><b/>']:
    try:
        ET.fromstring(bad)
    except ET.ParseError as e:
        print(repr(bad), e, e.code, e.position)

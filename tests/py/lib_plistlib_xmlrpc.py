# plistlib (XML plists) and xmlrpc.client (dumps/loads) over pyexpat
import datetime
import plistlib
import xmlrpc.client

pl = {'name': 'pyjit', 'n': 3, 'f': 1.5, 'ok': True, 'no': False, 'items': [1, 'two', {'k': 'v'}],
      'data': b'\x00\x01binary', 'when': datetime.datetime(2026, 12, 8, 1, 2, 3), 'uni': '\u263a <&>'}
b = plistlib.dumps(pl)
print(b.decode())
back = plistlib.loads(b)
print(back == pl, sorted(back))
print(plistlib.loads(plistlib.dumps([1, 2], sort_keys=False)))
try:
    plistlib.loads(b'<?xml version="1.0"?><plist><dict><key>a</key></plist>')
except Exception as e:
    print(type(e).__name__, e)

s = xmlrpc.client.dumps((1, 'two', [3.5, True], {'k': b'bytes'.decode()}, xmlrpc.client.Binary(b'\x00\xff')), 'method')
print(s)
params, method = xmlrpc.client.loads(s)
print(method, params[:4], params[4].data)
r = xmlrpc.client.dumps((42,), methodresponse=True)
print(xmlrpc.client.loads(r))
f = xmlrpc.client.dumps(xmlrpc.client.Fault(4, 'too many'))
try:
    xmlrpc.client.loads(f)
except xmlrpc.client.Fault as e:
    print('fault', e.faultCode, e.faultString)
print(xmlrpc.client.loads(xmlrpc.client.dumps((datetime.datetime(2020, 1, 2, 3, 4, 5),)), use_builtin_types=True))

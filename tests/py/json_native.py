# _json: scanstring, the scanner and the encoder as CPython's C accelerators. json.decoder
# needs re, so its JSONDecodeError is given here (the same class) as json.decoder.
import sys, math
m = type(sys)("json.decoder")
class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg, self.doc, self.pos, self.lineno, self.colno = msg, doc, pos, lineno, colno
m.JSONDecodeError = JSONDecodeError
sys.modules["json.decoder"] = m
import _json

class Ctx:
    strict = True
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int
    def parse_constant(self, name):
        return {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}[name]
ctx = Ctx()
ctx.parse_constant = Ctx.parse_constant.__get__(ctx)
scan = _json.make_scanner(ctx)

docs = ['{"a": [1, 2.5, -3, 1e3, 2E-2, 0, -0.0, true, false, null], "b": {"c": "d\\n\\u00e9\\ud83d\\ude00"}}',
        '[]', '{}', '  [ 1 , 2 ]', '"plain"', '123', '-1.5e+10', 'NaN', 'Infinity', '-Infinity', '[1, [2, [3, {}]]]',
        '{"é": "ü", "k": "a\\"b\\\\c\\/d\\b\\f\\r\\t"}', '12345678901234567890123', '1.', '1e', '-', '0123', '"\\ud800x"',
        '{"a" : 1 , "b":2}', '[1,2,]', '{"a":1,}', '{"a" 1}', '{1: 2}', '[1 2]', '"abc', '"a\x01"', '"\\x"', '"\\u12"', '"\\u12g4"',
        '', 'nul', 'tru', '[', '{', '{"a":', 'x']
for d in docs:
    try:
        print(repr(d), "->", repr(scan(d, 0)))
    except StopIteration as e:
        print(repr(d), "StopIteration", e.value)
    except JSONDecodeError as e:
        print(repr(d), "JSONDecodeError", e)
print(scan('xx[1]', 2), scan('{"k": 1} tail', 0))
for bad in [lambda: scan(5, 0), lambda: scan("[]", -1), lambda: scan("[]", "a")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
class Hooks(Ctx):
    object_hook = staticmethod(lambda d: ("hook", sorted(d.items())))
    parse_float = staticmethod(lambda s: ("float", s))
    parse_int = staticmethod(lambda s: ("int", s))
h = Hooks(); h.parse_constant = str
print(_json.make_scanner(h)('{"x": [1, 2.0, NaN], "y": {}}', 0))
class Pairs(Ctx):
    object_pairs_hook = staticmethod(lambda p: ("pairs", p))
p = Pairs(); p.parse_constant = str
print(_json.make_scanner(p)('{"a": 1, "a": 2, "b": {"c": 3}}', 0))
class Loose(Ctx):
    strict = False
lo = Loose(); lo.parse_constant = str
print(_json.make_scanner(lo)('"tab\there"', 0))
print(_json.scanstring('abc"xyz', 0), _json.scanstring('xx"a\\u00e9\\ud83d\\ude00"', 3), _json.scanstring('a\tb"', 0, False))
for args in [('abc', 0), ('a\\x"', 0), ('a\x01"', 0), ('a\\u12"', 0), ('a\\u12g4"', 0), ('abc"', 9), ('abc"', -1), (5, 0)]:
    try:
        print(_json.scanstring(*args))
    except Exception as e:
        print(type(e).__name__, e)

print(_json.encode_basestring_ascii('a"\\\n\x01é\U0001f600\x7f'), _json.encode_basestring('a"\x01é\x7f\U0001f600'), _json.encode_basestring(""))
enc = _json.make_encoder({}, None, _json.encode_basestring_ascii, None, ':', ',', False, False, True)
print(enc([1, 'é', {'a': 2.5, 1: None, True: float('inf'), None: 1, 2.5: 3}, (1, 2), [], {}, -0.0, 1e100, 2**70, False], 0))
print(_json.make_encoder({}, str, _json.encode_basestring, None, ': ', ', ', True, True, False)({'b': [1, (2, 3)], 'a': object.__class__, 'c': 3}, 0))
print(_json.make_encoder({}, str, _json.encode_basestring, None, ': ', ', ', False, True, False)({'b': 1, (1, 2): 3, 'c': 4}, 0))
class I(int):
    def __repr__(self):
        return 'I()'
class F(float):
    pass
print(_json.make_encoder(None, None, lambda s: "<" + s + ">", None, ':', ',', False, False, True)({"k": ["v", I(5), F(1.5)]}, 0))
for label, f in [("nan", lambda: _json.make_encoder({}, None, _json.encode_basestring, None, ':', ',', False, False, False)([float("nan")], 0)),
                 ("circular", lambda: (lambda l: (l.append(l), enc(l, 0)))([])),
                 ("key", lambda: enc({1j: 1}, 0)),
                 ("default none", lambda: enc(object(), 0)),
                 ("markers", lambda: _json.make_encoder(1, None, None, None, ':', ',', False, False, True)),
                 ("sep", lambda: _json.make_encoder(None, None, None, None, 1, ',', False, False, True)),
                 ("encoder result", lambda: _json.make_encoder(None, None, lambda s: 1, None, ':', ',', False, False, True)(["x"], 0)),
                 ("args", lambda: _json.make_encoder(None)),
                 ("escape int", lambda: _json.encode_basestring(1))]:
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)
class Obj:
    pass
print(_json.make_encoder({}, lambda o: {"obj": [1, 2]}, _json.encode_basestring, None, ':', ',', False, False, True)([Obj(), Obj()], 0))
deep = []
cur = deep
for i in range(100000):
    cur.append([]); cur = cur[0]
try:
    enc(deep, 0)
except RecursionError as e:
    print("RecursionError", str(e)[:60])
try:
    scan("[" * 100000, 0)
except RecursionError as e:
    print("RecursionError", str(e)[:60])

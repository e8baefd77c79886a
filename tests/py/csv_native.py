# _csv: the reader's state machine, the writer's quoting, dialects and errors
import _csv

class Out:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)

def rows(lines, **kw):
    try:
        r = _csv.reader(lines, **kw)
        out = [row for row in r]
        return out, r.line_num
    except (_csv.Error, ValueError) as e:
        return "%s: %s" % (type(e).__name__, e)

print(rows(["a,b,c\r\n", "1,2,3\r\n"]))
print(rows(['"quoted, field","with ""quotes""",plain\n', 'x\n']))
print(rows(['"multi\n', 'line",2\n']))
print(rows(["a,b\n", "\n", "c,d\n"]))
print(rows(["a;b;c\n"], delimiter=";"))
print(rows(["a, b,  c\n"], skipinitialspace=True))
print(rows(["a\\,b,c\n"], escapechar="\\"))
print(rows(['"a\\"b",c\n'], escapechar="\\", doublequote=False))
print(rows(["1,2.5,x\n"], quoting=_csv.QUOTE_NONNUMERIC))
print(rows(['"1",2\n'], quoting=_csv.QUOTE_NONNUMERIC))
print(rows(['a"b,c\n'], quoting=_csv.QUOTE_NONE))
print(rows(['"abc"def,g\n']))
print(rows(['"abc"def,g\n'], strict=True))
print(rows(['"unterminated\n']))
print(rows(['"unterminated\n'], strict=True))
print(rows(["a\rb\n"]))
print(rows(["a,b", "c"]))
print(rows(["é,ü\n", "日本,語\n"]))
print(rows(["a,\\\n", "b\n"], escapechar="\\"))
print(rows([b"bytes\n"]))
print(rows(["x" * 20 + "\n"]))
print(_csv.field_size_limit(10), rows(["x" * 20 + "\n"]), _csv.field_size_limit(), _csv.field_size_limit(131072))

def written(rowlist, **kw):
    o = Out()
    try:
        w = _csv.writer(o, **kw)
        for r in rowlist:
            w.writerow(r)
        return "".join(o.parts)
    except _csv.Error as e:
        return "Error: %s" % e

print(repr(written([["a", "b,c", 'd"e', "f\ng", 1, 2.5, None, ""]])))
print(repr(written([[""]])), repr(written([[]])), repr(written([[None]])))
print(repr(written([["a", 1, None, 2.5, "x y"]], quoting=_csv.QUOTE_ALL)))
print(repr(written([["a", 1, None, 2.5, True]], quoting=_csv.QUOTE_NONNUMERIC)))
print(repr(written([["a,b", 'q"'], ["x\\y"]], quoting=_csv.QUOTE_NONE, escapechar="\\")))
print(repr(written([["a,b"]], quoting=_csv.QUOTE_NONE)))
print(repr(written([[""]], quoting=_csv.QUOTE_NONE)))
print(repr(written([['a"b']], doublequote=False, escapechar="\\")))
print(repr(written([['a"b']], doublequote=False)))
print(repr(written([["a", "b"]], delimiter="\t", lineterminator="\n")))
print(repr(written([["a\rb", "c;d"]], lineterminator=";")))
print(repr(written(iter([(1, 2), range(3)]))))
print(repr(written([5])))
o = Out(); w = _csv.writer(o); w.writerows([[1], [2, 3]]); print(o.parts)

d = _csv.Dialect(delimiter=";", quotechar="'", quoting=_csv.QUOTE_ALL)
print(d.delimiter, d.quotechar, d.quoting, d.doublequote, d.escapechar, repr(d.lineterminator), d.skipinitialspace, d.strict)
print(_csv.Dialect(d) is d, _csv.Dialect(d, delimiter=",").delimiter, _csv.Dialect(quotechar=None).quoting)
class MyDialect:
    delimiter = "|"
    quotechar = "%"
    lineterminator = "\n"
    doublequote = True
    quoting = _csv.QUOTE_MINIMAL
    skipinitialspace = False
    strict = False
_csv.register_dialect("mine", MyDialect)
_csv.register_dialect("kw", delimiter=":")
print(sorted(_csv.list_dialects()), _csv.get_dialect("mine").delimiter, _csv.get_dialect("kw").delimiter)
print(rows(["%a|b%|c\n"], dialect="mine"), repr(written([["a|b", "c"]], dialect="mine")))
_csv.unregister_dialect("kw"); print(sorted(_csv.list_dialects()))
for label, f in [("unknown", lambda: _csv.get_dialect("nope")), ("unregister", lambda: _csv.unregister_dialect("nope")),
                 ("reader unknown", lambda: _csv.reader([], "nope")), ("delim len", lambda: _csv.Dialect(delimiter="ab")),
                 ("delim int", lambda: _csv.Dialect(delimiter=1)), ("delim none", lambda: _csv.Dialect(delimiter=None)),
                 ("quoting", lambda: _csv.Dialect(quoting=7)), ("quoting str", lambda: _csv.Dialect(quoting="a")),
                 ("quotechar", lambda: _csv.Dialect(quotechar=None, quoting=_csv.QUOTE_ALL)), ("escape int", lambda: _csv.Dialect(escapechar=1)),
                 ("lineterm", lambda: _csv.Dialect(lineterminator=None)), ("lineterm int", lambda: _csv.Dialect(lineterminator=1)),
                 ("bad kw", lambda: _csv.Dialect(foo=1)), ("writer no write", lambda: _csv.writer(1)), ("reader none", lambda: _csv.reader()),
                 ("reader int", lambda: _csv.reader(1)), ("name int", lambda: _csv.register_dialect(1)), ("limit str", lambda: _csv.field_size_limit("a")),
                 ("create", lambda: _csv.Reader())]:
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, type(e).__name__ + ":", e)
print(issubclass(_csv.Error, Exception), _csv.QUOTE_MINIMAL, _csv.QUOTE_ALL, _csv.QUOTE_NONNUMERIC, _csv.QUOTE_NONE, _csv.__version__)

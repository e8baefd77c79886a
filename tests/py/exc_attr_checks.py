# Exception attributes as CPython checks them: __cause__/__context__ cannot be deleted,
# add_note needs a list in __notes__, ImportError.__init__ resets its fields,
# UnicodeTranslateError has its fields and message, SyntaxError checks its details tuple.
def t(f):
    try:
        r = f(); print('ok', repr(r)[:80])
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: setattr(Exception(), '__cause__', 1))
t(lambda: delattr(Exception(), '__cause__'))
t(lambda: delattr(Exception(), '__context__'))
e = ValueError(3)
e.add_note('one')
t(lambda: e.add_note(42))
print(e.__notes__)
e.__notes__ = 42
t(lambda: e.add_note('x'))
exc = ImportError('test', name='name', path='path')
print(exc.args, exc.msg, exc.name, exc.path)
exc.__init__()
print(exc.args, exc.msg, exc.name, exc.path)
exc.__init__('again', name='n2')
print(exc.args, exc.msg, exc.name, exc.path)
u = UnicodeTranslateError('abc', 1, 2, 'r')
print(u.object, u.start, u.end, u.reason, u.encoding, str(u))
print(str(UnicodeTranslateError('abc\u1234', 3, 4, 'x')), str(UnicodeTranslateError('abcd', 0, 3, 'y')))
t(lambda: UnicodeTranslateError('abc', 1, 2))
t(lambda: SyntaxError("bad bad", ("bad.py", 1, 2)))
t(lambda: SyntaxError("bad bad", ("bad.py", 1, 2, 4, 5, 6, 7)))
t(lambda: SyntaxError("bad bad", ("bad.py", 1, 2, "abcdefg", 1)))
s = SyntaxError("bad", ("bad.py", 1, 2, "text"))
print(s.filename, s.lineno, s.offset, s.text, s.msg)
class A:
    blech = None
    def __getattr__(self, attr):
        raise AttributeError()
try:
    A().bluch
except AttributeError as e:
    print(repr(e.name), e.args)

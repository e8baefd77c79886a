# Warnings issued by native code go through the warnings module once it is imported:
# catch_warnings records them, simplefilter('error') raises them, and the compiler's
# SyntaxWarnings obey the same filters.
import warnings

class BadInt:
    def __int__(self): return True
class BadIndex:
    def __index__(self): return True
class Trunc:
    def __trunc__(self): return 42
class FS(float): pass
class F:
    def __float__(self): return FS(2.5)

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    print(type(int(BadInt())), int(BadInt()), int(BadIndex()), int(Trunc()), float(F()), type(float(F())))
    print(bool(NotImplemented))
    compile('x is 1', '<testcase>', 'exec')
    compile('assert(x, "msg")', '<testcase>', 'exec')
    compile('[(1, 2) (3, 4)]', '<testcase>', 'exec')
for x in w:
    print(x.category.__name__, '|', x.message, '|', x.filename == __file__ or x.filename)

with warnings.catch_warnings():
    warnings.simplefilter('error')
    for f in (lambda: int(BadInt()), lambda: bool(NotImplemented), lambda: float(F())):
        try:
            f()
        except DeprecationWarning as e:
            print('raised', e)
    try:
        compile('x is 1', '<testcase>', 'exec')
    except SyntaxError as e:
        print('SyntaxError', e)

class TruncBad:
    def __trunc__(self): return 1.5
with warnings.catch_warnings(record=True):
    warnings.simplefilter('ignore')
    try:
        int(TruncBad())
    except TypeError as e:
        print(e)

# buffers convert like bytes
import array
print(int(memoryview(b'1234')[1:3]), int(memoryview(b'12 ')), float(memoryview(b'1.5 ')), float(memoryview(b' 2.5')[1:]))
print(int(array.array('B', b'100')), float(array.array('B', b'1.25')))
for bad in (memoryview(b'x'), memoryview(b'1e')):
    for conv in (int, float):
        try:
            conv(bad)
        except ValueError as e:
            print(conv.__name__, str(e).split(' at ')[0])

# Bytecode files: sys.implementation.cache_tag, py_compile, compileall, marshal of code
# objects, and imports reading the files (and ignoring them when the source changes)
import compileall
import importlib
import importlib.util
import marshal
import os
import py_compile
import sys
import tempfile
import time
import types

print(isinstance(sys.implementation.cache_tag, str), len(importlib.util.MAGIC_NUMBER))

src = '''
"""module doc"""
import itertools

def outer(n):
    total = 0
    def inner(k):
        return k * n + total
    return [inner(i) for i in range(3)]

def gen(*args, key=None, **kw):
    yield from args
    yield key, sorted(kw)

class C:
    """class doc"""
    x = 1.5
    def m(self, a=(1, 'two', b'3', None, ...), b=10**40, c=2j):
        try:
            return a, b, c, frozenset({1})
        except ValueError as e:
            raise RuntimeError('no') from e

async def co():
    return 1

VALUE = outer(5), list(gen(1, 2, key='k', z=1, y=2)), C().m(), C.__doc__, f"{C.x!r:>6}"
'''

code = compile(src, 'mod.py', 'exec')
data = marshal.dumps(code)
back = marshal.loads(data)
print(type(back) is types.CodeType, back.co_filename, back.co_name)
ns = {}
exec(back, ns)
print(ns['VALUE'], ns['__doc__'])
print(marshal.loads(marshal.dumps((code, [code], {'k': 1}))) [2])
f = marshal.loads(marshal.dumps(ns['outer'].__code__))
print(f.co_name, f.co_varnames, sorted(f.co_cellvars), f.co_cellvars == ns['outer'].__code__.co_cellvars)

with tempfile.TemporaryDirectory() as d:
    sys.path.insert(0, d)
    path = os.path.join(d, 'cached_mod.py')
    with open(path, 'w') as fh:
        fh.write(src)
    cfile = py_compile.compile(path, dfile='elsewhere.py', doraise=True)
    print(os.path.basename(os.path.dirname(cfile)), os.path.basename(cfile).split('.')[0], os.path.exists(cfile))
    print(cfile == importlib.util.cache_from_source(path))
    with open(cfile, 'rb') as fh:
        head = fh.read(16)
    print(head[:4] == importlib.util.MAGIC_NUMBER)
    import cached_mod
    print(cached_mod.VALUE == ns['VALUE'], cached_mod.__cached__ == cfile, cached_mod.__doc__)
    # compiled as 'elsewhere.py': the code names the source importlib found
    print(cached_mod.outer.__code__.co_filename == path, cached_mod.C.m.__code__.co_filename == path)
    # the source changes (another size): the file is not used
    time.sleep(0.01)
    with open(path, 'w') as fh:
        fh.write(src + '\nVALUE = "changed"\n')
    importlib.invalidate_caches()
    importlib.reload(cached_mod)
    print(cached_mod.VALUE)
    # compileall over a tree with a package and a syntax error
    pkg = os.path.join(d, 'pkg')
    os.mkdir(pkg)
    with open(os.path.join(pkg, '__init__.py'), 'w') as fh:
        fh.write('A = 1\n')
    with open(os.path.join(pkg, 'bad.py'), 'w') as fh:
        fh.write('def (:\n')
    import io, contextlib
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        ok = compileall.compile_dir(pkg, quiet=1)
    print(ok, 'SyntaxError' in out.getvalue())
    print(sorted(n.split('.')[0] for n in os.listdir(os.path.join(pkg, '__pycache__'))))
    import pkg as p2
    print(p2.A, os.path.basename(p2.__cached__).split('.')[0])
    sys.path.remove(d)

# from module import * with and without __all__.
import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "mods"))
before = set(dir())
from star_all import *
print(sorted(set(dir()) - before - {"before"}))
print(public_a, _semi_private)
try:
    public_b
except NameError as e:
    print("NameError:", e)
before = set(dir())
from star_noall import *
print(sorted(set(dir()) - before - {"before"}))
try:
    _hidden
except NameError as e:
    print("NameError:", e)
import star_noall
print(star_noall._hidden)
try:
    compile("def f():\n    from star_all import *\n", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)

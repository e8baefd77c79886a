"""from __future__ statements (CPython's future.c and compiler): only after a docstring or
other future imports, known features only, and the SyntaxError fields of each error."""
cases = ["from __future__ import braces\n", "'''doc'''\nfrom __future__ import braces\n", "x = 1\nfrom __future__ import division\n",
 "'''doc'''\nfrom __future__ import annotations\nfrom __future__ import division\n", "'''doc'''\n'''doc2'''\nfrom __future__ import division\n",
 "from __future__ import division; import os; from __future__ import annotations\n",
 "from __future__ import division; from __future__ import annotations\n",
 "import os\nfrom __future__ import nonsense\n", "from __future__ import nonsense\n", "from __future__ import division, nonsense\n",
 "from __future__ import (division as d, annotations)\n", "def f():\n    from __future__ import division\n",
 "from __future__ import division\nimport os\nfrom __future__ import annotations\n",
 "if 1:\n    from __future__ import division\n", "from __future__ import *\n", "from __future__ import braces, nonsense\n",
 "from __future__ import nested_scopes, generators, division, absolute_import, with_statement, print_function, unicode_literals, barry_as_FLUFL, generator_stop, annotations\n",
 "import os; from __future__ import division\n", "from .__future__ import x\n", "from __future__ import division\nx = 1; from __future__ import annotations\n",
 "from __future__ import division\nfrom __future__ import braces\n", "x = 1\n\nfrom __future__ import braces\n",
 "def f(: pass\nfrom __future__ import braces\n", "from __future__ import braces\ndef f(a, a): pass\n", "def f(a, a): pass\nfrom __future__ import division\n",
 "from __future__ import braces\nnonlocal x\n", "class C:\n  from __future__ import division\n", "  from __future__ import braces\n",
 "\"doc\"; from __future__ import braces\n", "1\nfrom __future__ import division\n",
]
for src in cases:
    for fn in ["<s>", __file__]:
        try:
            compile(src, fn, "exec")
            print("OK")
        except SyntaxError as e:
            print(" ".join(map(str, (type(e).__name__, e.args, e.filename, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text)))).replace(__file__, "<this file>"))

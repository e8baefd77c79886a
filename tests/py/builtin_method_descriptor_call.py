# method descriptors of builtin types (list.append) have __call__, so collections.abc.Callable
# recognises them.
from collections.abc import Callable
l = []
list.append.__call__(l, 1)
print(l, isinstance(list.append, Callable), isinstance([].append, Callable), callable(list.append))
print(list.append(l, 2), l, str.upper('a'), str.upper.__call__('b'))
try: list.append.__call__()
except TypeError as e: print('TypeError')

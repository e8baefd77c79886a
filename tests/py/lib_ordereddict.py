# collections.OrderedDict (native in _collections): order, move_to_end, popitem, order-sensitive equality, repr, copying and pickling, subclasses whose __setitem__ init and update go through, instance attributes.
from collections import OrderedDict as O
import copy, pickle
o = O(a=1); o['b'] = 2; o['c'] = 3
print(o, repr(O()), O([(1, 2)]))
o.move_to_end('a'); print(list(o)); o.move_to_end('c', last=False); print(list(o)); o.move_to_end('b', False); print(list(o))
print(o.popitem(), o.popitem(last=False), o)
try: O().popitem()
except Exception as e: print(repr(e))
try: O(1, 2)
except Exception as e: print(e)
try: o.move_to_end('zz')
except Exception as e: print(repr(e))
try: o.popitem(1, 2)
except Exception as e: print(e)
x = O(a=1, b=2); y = O(b=2, a=1)
print(x == y, x != y, x == dict(y), dict(y) == x, x == O(a=1, b=2), x != O(a=1, b=2))
print(copy.copy(x), copy.deepcopy(x), pickle.loads(pickle.dumps(x)), x.copy())
print(x | {'z': 0}, {'z': 0} | x, type(x | {}).__name__)
x |= {'q': 9}; print(x)
class S(O):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)
s = S([('a', 1)], b=2); s.update(c=3); print(s, type(s.copy()).__name__)
print(O.fromkeys('abc', 0), type(O.fromkeys('ab')).__name__)
o2 = O(); o2[1] = 'x'; o2.move_to_end(1.0); print(o2, list(o2.keys()), list(reversed(O(a=1, b=2))))
r = O(); r['self'] = r; print(r)
print(isinstance(o, dict), O.__module__, O.__name__, O.__doc__)
try: hash(O()); print("hashable")
except TypeError as e: print('TypeError')
lru = O()
for k in [1, 2, 3, 1, 4, 5, 2, 6]:
    if k in lru: lru.move_to_end(k)
    else:
        lru[k] = k
        if len(lru) > 3: lru.popitem(last=False)
print(lru)
print(o.setdefault('n', 5), o.pop('n'), len(o))
o3 = O(a=1); o3.extra = 5; print(o3.extra, o3.__reduce__()[2])

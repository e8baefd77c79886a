# dict(mapping) order, reflected set operators of views, view.mapping, setdefault's hashing
import collections
od = collections.OrderedDict([('a', 1), ('b', 2)])
od.move_to_end('a')
print(list(dict(od).items()))
class CustomDict(dict):
    pass
pairs = [('a', 1), ('b', 2), ('c', 3)]
print(list(dict(CustomDict(pairs)).items()))
class CustomReversedDict(dict):
    def keys(self):
        return reversed(list(dict.keys(self)))
    __iter__ = keys
    def items(self):
        return reversed(dict.items(self))
print(list(dict(CustomReversedDict(pairs)).items()))
d = {}
d.update(CustomReversedDict(pairs))
print(d)

print({2} | {1: 1}.keys(), {2} & {1: 1, 2: 3}.keys(), {2, 5} - {1: 1, 2: 3}.keys(), {2} ^ {1: 1}.keys())
print({2} | {1: 1}.items(), [3] | {1: 1}.keys(), frozenset({2}) | {1: 1}.keys())
try:
    1 | {}.keys()
except TypeError as e:
    print("TypeError:", e)
try:
    {2} | {1: 1}.values()
except TypeError as e:
    print("TypeError:", e)

d = {1: 2}
m = d.keys().mapping
print(type(m).__name__, m == d, d.items().mapping[1])
d[3] = 4
print(len(m))

class Hashed:
    def __init__(self):
        self.hash_count = 0
        self.eq_count = 0
    def __hash__(self):
        self.hash_count += 1
        return 42
    def __eq__(self, other):
        self.eq_count += 1
        return id(self) == id(other)
h1 = Hashed()
y = {h1: 5}
h2 = Hashed()
y.setdefault(h2, [])
print(h1.hash_count, h2.hash_count, h1.eq_count + h2.eq_count)
print(y.setdefault(h2, 7), len(y))

# Deleting and re-adding keys while iterating a dict is detected (the deleted entry stays a
# hole, so the re-added key comes after the iterator); set and dict operations between sets
# and dicts reuse the stored hashes instead of calling __hash__ again.
def mutate(view):
    d = {0: 0}
    try:
        for i in view(d):
            del d[0]
            d[0] = 0
        print('no error')
    except RuntimeError as e:
        print(e)
mutate(lambda d: d)
mutate(lambda d: d.items())
mutate(lambda d: d.values())

d = {i: i for i in range(5)}
for k in list(d):
    del d[k]
d['x'] = 1
print(d, len(d))
d = {i: i for i in range(1000)}
while d:
    d.popitem()
print(d)
d = dict.fromkeys('abc')
del d['b']
d['b'] = 2
print(list(d), d.popitem(), list(d))

class H(int):
    hash_count = 0
    def __hash__(self):
        self.hash_count += 1
        return int.__hash__(self)
d = dict.fromkeys(map(H, range(10)))
count = lambda: sum(e.hash_count for e in d)
s = set(d); print('set', count())
s.difference(d); print('difference', count())
s.symmetric_difference_update(d); print('symmetric_difference_update', count(), s)
dict.fromkeys(set(d)); print('fromkeys(set)', count())
print(dict.fromkeys(frozenset(d), 1) == dict.fromkeys(d, 1), count())

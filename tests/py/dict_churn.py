# Insert/delete cycles on a dict that keeps its other keys: deleting the newest key
# leaves a tombstone; the table must be rebuilt before tombstones fill it, or a lookup
# of a missing key never ends (json's circular-reference markers hit this).
markers = {}
markers[-1] = "keep"
for i in range(2000):
    markers[i] = i
    if (i + 1) in markers:
        print("wrong", i)
    del markers[i]
print(len(markers), list(markers.items()))

d = {}
for i in range(50):
    d["k%d" % i] = i
for r in range(200):
    k = "t%d" % r
    d[k] = r
    assert k in d and ("t%d" % (r + 1)) not in d
    d.pop(k)
print(len(d), sum(d.values()), list(d)[:3], list(d)[-3:])
for i in range(0, 50, 2):
    del d["k%d" % i]
for r in range(500):
    d[r] = r
    del d[r]
    if -r in d and r:
        print("wrong", r)
print(len(d), list(d)[:5])
d2 = dict.fromkeys(range(10))
while d2:
    k, _ = d2.popitem()
    d2.pop(k - 100, None)
print(d2)

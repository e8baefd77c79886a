# OrderedDict as an LRU cache: popitem(last=False) after many front pops and
# move_to_end calls (the first live entry is found from a remembered position).
from collections import OrderedDict

class OD(OrderedDict):
    pass

for cls in (OrderedDict, OD):
    cache = cls()
    state = 7
    log = []
    for i in range(3000):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        k = state % 97
        if k in cache:
            cache.move_to_end(k, last=(i % 5 != 0))
        else:
            cache[k] = i
            if len(cache) > 40:
                log.append(cache.popitem(last=False))
        if i % 500 == 0:
            log.append(list(cache)[:5])
    print(cls.__name__, len(log), log[:4], log[-4:])
    print(list(cache.items())[:6], next(iter(cache)), next(reversed(cache)))
    added = False
    while cache:
        a = cache.popitem(last=False)
        if len(cache) == 3 and not added:
            added = True
            cache["new"] = 1
            cache.move_to_end("new", last=False)
    print(a, len(cache))
    try:
        cache.popitem(last=False)
    except KeyError as e:
        print("KeyError", e)
    cache.update(x=1, y=2)
    cache.popitem(last=False)
    print(cache)

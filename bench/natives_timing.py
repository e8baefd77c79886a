"""Timing of the hot paths of the native library modules (not a benchmark program of the
suite, not a test): run it with pyjit and with python3.11 and compare the columns.

    target/release/pyjit bench/natives_timing.py
    python3.11 bench/natives_timing.py

Each line is the best of three runs, in seconds. The loops run inside functions, as real
programs do, so variable access is local.
"""
import time

def best(f, n=3):
    r = []
    for _ in range(n):
        t = time.perf_counter(); f(); r.append(time.perf_counter() - t)
    return min(r)

def b_random():
    import _random
    r = _random.Random(42)
    rnd = r.random
    s = 0.0
    for i in range(1000000):
        s += rnd()

def b_getrandbits():
    import _random
    r = _random.Random(42)
    g = r.getrandbits
    for i in range(500000):
        g(20)

def b_struct():
    import _struct
    pack, unpack = _struct.pack, _struct.unpack
    for i in range(300000):
        unpack("<iHd", pack("<iHd", i, 7, 1.5))

def b_struct_obj():
    import _struct
    S = _struct.Struct("<iHd")
    for i in range(300000):
        S.unpack(S.pack(i, 7, 1.5))

def b_deque():
    from _collections import deque
    d = deque()
    for i in range(500000):
        d.append(i)
        if len(d) > 100:
            d.popleft()

def b_deque_bfs():
    from _collections import deque
    adj = [[(i * 7 + 1) % 20000, (i * 13 + 5) % 20000, (i + 1) % 20000] for i in range(20000)]
    for _ in range(5):
        seen = [False] * 20000
        q = deque([0]); seen[0] = True
        while q:
            v = q.popleft()
            for w in adj[v]:
                if not seen[w]:
                    seen[w] = True
                    q.append(w)

def b_heapq():
    import _heapq as h, _random
    r = _random.Random(1)
    data = [r.random() for i in range(100000)]
    heap = []
    push, pop = h.heappush, h.heappop
    for x in data:
        push(heap, x)
    while heap:
        pop(heap)

def b_heapq_tuples():
    import _heapq as h
    data = [((i * 7919) % 10007, i) for i in range(50000)]
    h.heapify(data)
    while data:
        h.heappop(data)

def b_itertools():
    import itertools as it
    n = 0
    for a, b in it.product(range(300), repeat=2):
        n += 1
    for c in it.combinations(range(50), 3):
        n += 1
    for x in it.islice(it.count(), 300000):
        n += 1

def _json_data():
    return {"items": [{"id": i, "name": "item %d" % i, "price": i * 1.25, "tags": ["a", "b", "é"], "ok": i % 2 == 0, "none": None} for i in range(2000)]}

def b_json_dumps():
    import _json
    enc = _json.make_encoder({}, None, _json.encode_basestring_ascii, None, ':', ',', False, False, True)
    data = _json_data()
    for i in range(10):
        enc(data, 0)

def b_json_loads():
    import _json
    enc = _json.make_encoder({}, None, _json.encode_basestring_ascii, None, ':', ',', False, False, True)
    text = enc(_json_data(), 0)[0]
    class Ctx:
        strict = True; object_hook = None; object_pairs_hook = None; parse_float = float; parse_int = int; parse_constant = str
    scan = _json.make_scanner(Ctx())
    for i in range(10):
        scan(text, 0)

for name, f in list(globals().items()):
    if name.startswith("b_"):
        print(f"{name[2:]:14s} {best(f):.3f}")

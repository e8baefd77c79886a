"""JSON: json.dumps and json.loads of a nested document.

Measures: the json module's encoder and decoder on realistic nested data:
dicts, lists, strings needing escapes, non-ASCII text, ints, floats,
booleans and None; with and without indentation and key sorting.

Algorithm: synthetic workload written from scratch for pyjit: a
deterministic catalogue-like document is built from a seeded linear
congruential generator, then repeatedly serialised and parsed back, and the
round trip is verified.
"""

import json
import sys
import time

ITERATIONS = 20
RECORDS = 1000


from _bench_env import iter_times_wanted as _iter_times_wanted, quick_wanted as _quick_wanted


if _quick_wanted():
    ITERATIONS = 2


class Lcg(object):
    def __init__(self, seed):
        self.state = seed

    def next(self, bound):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 8) % bound


SYLLABLES = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "vo", "ze", "qu",
             "\u00e9t\u00e9", "na\u00efve", "\u65e5\u672c", "caf\u00e9"]
TAGS = ["red", "green", "blue", "large", "small", "sale", "new", "used",
        "quote\"d", "back\\slash", "tab\there", "line\nbreak"]


def word(rng):
    n = 1 + rng.next(3)
    return "".join(SYLLABLES[rng.next(len(SYLLABLES))] for _ in range(n))


def make_record(rng, ident):
    rec = {
        "id": ident,
        "name": word(rng) + " " + word(rng),
        "price": rng.next(100000) / 100.0,
        "ratio": rng.next(1000) / 7.0,
        "stock": rng.next(500) - 100,
        "active": rng.next(2) == 1,
        "discontinued": None if rng.next(3) else False,
        "tags": [TAGS[rng.next(len(TAGS))] for _ in range(rng.next(5))],
        "dimensions": {"w": rng.next(300), "h": rng.next(300), "d": rng.next(300) / 4.0},
        "history": [
            {"day": d, "sold": rng.next(40), "note": word(rng) if rng.next(4) == 0 else ""}
            for d in range(rng.next(6))
        ],
    }
    if rng.next(5) == 0:
        rec["nested"] = {"level1": {"level2": {"level3": [1, [2, [3, [4, None]]]]}}}
    return rec


def make_document(seed, count):
    rng = Lcg(seed)
    return {
        "version": 3,
        "title": "Catalogue \u2116" + str(seed),
        "big": 12345678901234567890123,
        "negative": -0.5,
        "tiny": 1e-12,
        "records": [make_record(rng, i) for i in range(count)],
    }


def string_digest(s):
    h = len(s)
    for i in range(0, len(s), 7):
        h = (h * 31 + ord(s[i])) % 4294967291
    return h


def run(doc):
    digest = 0
    compact = json.dumps(doc)
    pretty = json.dumps(doc, indent=2, sort_keys=True)
    tight = json.dumps(doc, separators=(",", ":"), ensure_ascii=False)
    for text in (compact, pretty, tight):
        back = json.loads(text)
        if back != doc:
            raise RuntimeError("json round trip mismatch")
        digest = (digest * 131 + string_digest(text)) % 4294967291
    # many small documents as well
    for rec in doc["records"]:
        s = json.dumps(rec, sort_keys=True)
        r = json.loads(s)
        digest = (digest + len(s) + len(r)) % 4294967291
    return digest


def main():
    report = _iter_times_wanted()
    docs = [make_document(seed, RECORDS) for seed in (1, 2, 3)]
    digest = 0
    for it in range(ITERATIONS):
        t0 = time.perf_counter()
        digest = (digest * 7 + run(docs[it % len(docs)])) % 4294967291
        if report:
            sys.stderr.write("iter %d %.6f\n" % (it, time.perf_counter() - t0))
    print("checksum: %d" % digest)


if __name__ == "__main__":
    main()

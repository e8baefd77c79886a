"""JSON loads: json.loads of compact and indented text, the path of CPython's C scanner.

Measures: the json decoder (scanner) on nested objects and arrays, strings
with escapes and non-ASCII text (backslash-u escapes and raw UTF-8), ints, floats,
true/false/null, whitespace; many small documents as well as large ones.

Algorithm: synthetic workload written from scratch for pyjit: a
deterministic catalogue-like document is built from a seeded linear
congruential generator and serialised once in three styles; the texts are
parsed repeatedly and the results fold into a checksum.
"""

import json
import sys
import time

ITERATIONS = 100
RECORDS = 1000


from _bench_env import iter_times_wanted as _iter_times_wanted, quick_wanted as _quick_wanted


if _quick_wanted():
    ITERATIONS = 2
    RECORDS = 300


SYLLABLES = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "vo", "ze", "qu",
             "\u00e9t\u00e9", "na\u00efve", "\u65e5\u672c", "caf\u00e9"]
TAGS = ["red", "green", "blue", "large", "small", "sale", "new", "used",
        "quote\"d", "back\\slash", "tab\there", "line\nbreak"]


class Lcg(object):
    def __init__(self, seed):
        self.state = seed

    def next(self, bound):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 8) % bound


def word(rng):
    return "".join(SYLLABLES[rng.next(len(SYLLABLES))] for _ in range(1 + rng.next(3)))


def make_record(rng, ident):
    return {
        "id": ident,
        "name": word(rng) + " " + word(rng),
        "price": rng.next(100000) / 100.0,
        "stock": rng.next(500) - 100,
        "active": rng.next(2) == 1,
        "discontinued": None if rng.next(3) else False,
        "tags": [TAGS[rng.next(len(TAGS))] for _ in range(rng.next(5))],
        "dimensions": {"w": rng.next(300), "h": rng.next(300), "d": rng.next(300) / 4.0},
        "history": [{"day": d, "sold": rng.next(40)} for d in range(rng.next(6))],
    }


def make_document(seed, count):
    rng = Lcg(seed)
    return {"version": 3, "title": "Catalogue \u2116" + str(seed),
            "records": [make_record(rng, i) for i in range(count)]}


def texts_of(doc):
    return ([json.dumps(doc), json.dumps(doc, indent=1), json.dumps(doc, ensure_ascii=False)],
            [json.dumps(rec) for rec in doc["records"]])


def run(texts):
    big, small = texts
    d = 0
    for text in big:
        back = json.loads(text)
        recs = back["records"]
        d = (d * 131 + len(recs) + recs[-1]["id"] + len(recs[len(recs) // 2]["name"])) % 4294967291
    for text in small:
        rec = json.loads(text)
        d = (d + len(rec) + rec["stock"] + len(rec["tags"])) % 4294967291
    return d


def main():
    report = _iter_times_wanted()
    docs = [texts_of(make_document(seed, RECORDS)) for seed in (1, 2)]
    checksum = 0
    for it in range(ITERATIONS):
        t0 = time.perf_counter()
        checksum = (checksum * 7 + run(docs[it % 2])) % 4294967291
        if report:
            sys.stderr.write("iter %d %.6f\n" % (it, time.perf_counter() - t0))
    print("checksum: %d" % checksum)


if __name__ == "__main__":
    main()

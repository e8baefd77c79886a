"""Text words: dictionary- and string-heavy text processing.

Measures: str.split / join / lower / strip / replace / startswith / find,
string concatenation and formatting (%-format, str.format, f-strings),
dict get/set with string keys, sorting with key functions, and list
comprehensions over words.

Algorithm: synthetic workload written from scratch for pyjit: a seeded
linear congruential generator builds sentences from syllable-made words
with punctuation and capitalisation; the program then tokenises the text,
counts words and bigrams, finds the most frequent ones (ties broken
alphabetically), builds an index of first positions, wraps the text to a
fixed width and renders a formatted report, digesting everything.
"""

import sys
import time

ITERATIONS = 32
SENTENCES = 3000

SYLLABLES = ["an", "be", "co", "de", "el", "fa", "gi", "ho", "in", "ju",
             "ka", "lo", "ma", "no", "or", "pe", "qui", "ra", "st", "tu"]
PUNCT = [".", ".", ".", "!", "?", ";"]


from _bench_env import iter_times_wanted as _iter_times_wanted, quick_wanted as _quick_wanted


if _quick_wanted():
    ITERATIONS = 3


class Lcg(object):
    def __init__(self, seed):
        self.state = seed

    def next(self, bound):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 8) % bound


def make_vocabulary(rng, size):
    words = []
    seen = {}
    while len(words) < size:
        n = 1 + rng.next(3)
        w = "".join([SYLLABLES[rng.next(len(SYLLABLES))] for _ in range(n)])
        if w not in seen:
            seen[w] = True
            words.append(w)
    return words


def make_text(seed, sentences):
    rng = Lcg(seed)
    vocab = make_vocabulary(rng, 400)
    out = []
    for _ in range(sentences):
        n = 4 + rng.next(12)
        words = []
        for i in range(n):
            # skewed choice: small indices are much more common
            k = rng.next(len(vocab))
            k = (k * rng.next(len(vocab))) // len(vocab)
            w = vocab[k]
            if rng.next(9) == 0:
                w = w + ","
            words.append(w)
        words[0] = words[0].capitalize()
        out.append(" ".join(words) + PUNCT[rng.next(len(PUNCT))])
        if rng.next(7) == 0:
            out.append("\n\n")
    return " ".join(out)


def tokenize(text):
    words = []
    for raw in text.split():
        w = raw.strip(".,!?;").lower()
        if w:
            words.append(w)
    return words


def count(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


def bigrams(words):
    pairs = {}
    prev = None
    for w in words:
        if prev is not None:
            key = prev + " " + w
            if key in pairs:
                pairs[key] += 1
            else:
                pairs[key] = 1
        prev = w
    return pairs


def top(counts, k):
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return items[:k]


def wrap(text, width):
    lines = []
    for para in text.split("\n\n"):
        line = ""
        for w in para.split():
            if not line:
                line = w
            elif len(line) + 1 + len(w) <= width:
                line += " " + w
            else:
                lines.append(line)
                line = w
        if line:
            lines.append(line)
        lines.append("")
    return lines


def report(words, counts, pairs, lines):
    parts = []
    parts.append("words: %d distinct: %d lines: %d" % (len(words), len(counts), len(lines)))
    for rank, (w, c) in enumerate(top(counts, 25)):
        parts.append("{0:>3}. {1:<12} {2:6d} {3:7.3f}%".format(
            rank + 1, w, c, 100.0 * c / len(words)))
    for pair, c in top(pairs, 10):
        a, b = pair.split(" ")
        parts.append(f"{a.upper()}+{b.title()} x{c}")
    by_initial = {}
    for w in counts:
        by_initial.setdefault(w[0], []).append(w)
    for letter in sorted(by_initial):
        group = sorted(by_initial[letter])
        parts.append(letter + ": " + ", ".join(group[:5]) + (" ..." if len(group) > 5 else ""))
    longest = max(lines, key=len)
    parts.append("longest line: " + longest.center(80, "*"))
    return "\n".join(parts)


def text_digest(s):
    h = 0
    for ch in s:
        h = (h * 33 + ord(ch)) & 0xFFFFFFFF
    return h


def run(seed):
    text = make_text(seed, SENTENCES)
    words = tokenize(text)
    counts = count(words)
    pairs = bigrams(words)
    lines = wrap(text, 72)
    first_at = {}
    for i, w in enumerate(words):
        if w not in first_at:
            first_at[w] = i
    rep = report(words, counts, pairs, lines)
    digest = text_digest(rep)
    digest = (digest + sum(first_at.values()) + text.count("qui") + text.find("Tu")) & 0xFFFFFFFF
    replaced = text.replace(",", "").replace("  ", " ")
    digest = (digest * 31 + len(replaced) + len(lines)) & 0xFFFFFFFF
    caps = sum(1 for w in text.split() if w[:1].isupper())
    return digest ^ caps, len(rep)


def main():
    want = _iter_times_wanted()
    digest = 0
    size = 0
    for it in range(ITERATIONS):
        t0 = time.perf_counter()
        d, size = run(1000 + it % 4)
        digest = (digest * 1000003 + d) % 4294967291
        if want:
            sys.stderr.write("iter %d %.6f\n" % (it, time.perf_counter() - t0))
    print("checksum: %d %d" % (size, digest))


if __name__ == "__main__":
    main()

"""Regex: the re module over generated log-like text.

Measures: re.compile (including the pattern cache), search, match,
findall, finditer, sub with string and callable replacements, split, named
groups, alternation, character classes, lazy quantifiers, IGNORECASE and
MULTILINE flags.

Algorithm: synthetic workload written from scratch for pyjit: a seeded
linear congruential generator produces a server-log-like text (timestamps,
IP addresses, e-mail addresses, URLs, levels, free words); a set of
typical text-processing regexes is run over it, both on the whole text and
line by line.
"""

import re
import sys
import time

ITERATIONS = 52
LINES = 2000


from _bench_env import iter_times_wanted as _iter_times_wanted, quick_wanted as _quick_wanted


if _quick_wanted():
    ITERATIONS = 4


class Lcg(object):
    def __init__(self, seed):
        self.state = seed

    def next(self, bound):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 8) % bound


WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf",
         "hotel", "india", "juliet", "kilo", "lima", "Mike", "NOVEMBER",
         "oscar", "papa", "error", "timeout", "retry", "cache", "miss"]
LEVELS = ["INFO", "WARN", "ERROR", "DEBUG", "info", "Error"]
DOMAINS = ["example.com", "test.org", "mail.example.net", "corp.local"]
PATHS = ["/index.html", "/api/v1/items", "/api/v2/users/42", "/static/app.js",
         "/search?q=term&page=2", "/login"]


def make_text(seed, lines):
    rng = Lcg(seed)
    out = []
    for i in range(lines):
        ts = "2024-%02d-%02d %02d:%02d:%02d" % (1 + rng.next(12), 1 + rng.next(28),
                                                 rng.next(24), rng.next(60), rng.next(60))
        ip = "%d.%d.%d.%d" % (rng.next(256), rng.next(256), rng.next(256), rng.next(256))
        level = LEVELS[rng.next(len(LEVELS))]
        words = " ".join(WORDS[rng.next(len(WORDS))] for _ in range(2 + rng.next(6)))
        parts = [ts, "[" + level + "]", ip, words]
        if rng.next(3) == 0:
            parts.append("user%d@%s" % (rng.next(1000), DOMAINS[rng.next(len(DOMAINS))]))
        if rng.next(2) == 0:
            parts.append("GET https://%s%s %d" % (DOMAINS[rng.next(len(DOMAINS))],
                                                  PATHS[rng.next(len(PATHS))],
                                                  [200, 301, 404, 500][rng.next(4)]))
        if rng.next(5) == 0:
            parts.append("took %d.%03ds" % (rng.next(10), rng.next(1000)))
        out.append(" ".join(parts))
    return "\n".join(out)


def run(text):
    digest = 0
    line_re = re.compile(
        r"^(?P<date>\d{4}-\d{2}-\d{2}) (?P<time>\d{2}:\d{2}:\d{2}) "
        r"\[(?P<level>[A-Za-z]+)\] (?P<ip>(?:\d{1,3}\.){3}\d{1,3}) (?P<rest>.*)$",
        re.MULTILINE)
    email_re = re.compile(r"\b([a-z0-9._%+-]+)@([a-z0-9.-]+\.[a-z]{2,})\b")
    url_re = re.compile(r"https?://([^/\s]+)(/[^\s?]*)(?:\?(\S*))?")
    status_re = re.compile(r" (\d{3})(?:\s|$)")
    level_re = re.compile(r"\[(error|warn)\]", re.IGNORECASE)
    duration_re = re.compile(r"took (\d+)\.(\d+)s")
    word_re = re.compile(r"\b[a-z]+\b")

    # whole-text passes
    for m in line_re.finditer(text):
        digest = (digest * 31 + len(m.group("rest")) + int(m.group("date")[5:7])) % 1000000007
    emails = email_re.findall(text)
    digest += len(emails) + sum(len(u) + len(d) for u, d in emails)
    hosts = {}
    for host, path, query in url_re.findall(text):
        hosts[host] = hosts.get(host, 0) + 1
        digest += len(path) + len(query)
    for host in sorted(hosts):
        digest = (digest * 7 + hosts[host]) % 1000000007
    digest += len(level_re.findall(text))
    total_ms = 0
    for m in duration_re.finditer(text):
        total_ms += int(m.group(1)) * 1000 + int(m.group(2))
    digest += total_ms

    # substitutions
    masked = re.sub(r"\d{1,3}\.\d{1,3}\.\d{1,3}\.(\d{1,3})", r"x.x.x.\1", text)
    digest += len(masked)
    shouted = level_re.sub(lambda m: "[" + m.group(1).upper() + "!]", text)
    digest += len(shouted)
    anonymised, n = email_re.subn("<email>", text)
    digest += len(anonymised) + n

    # line-by-line passes
    errors = 0
    words = 0
    for line in text.split("\n"):
        if level_re.search(line):
            errors += 1
        m = status_re.search(line)
        if m is not None and m.group(1).startswith("5"):
            errors += 1
        words += len(word_re.findall(line))
        fields = re.split(r"\s+|,", line, maxsplit=4)
        digest += len(fields[-1])
        if re.match(r"\d{4}-0[1-6]", line):
            digest += 1
    digest = (digest + errors * 1009 + words) % 1000000007
    return digest


def main():
    report = _iter_times_wanted()
    texts = [make_text(seed, LINES) for seed in (11, 22)]
    digest = 0
    for it in range(ITERATIONS):
        t0 = time.perf_counter()
        digest = (digest * 131 + run(texts[it % 2])) % 1000000007
        if report:
            sys.stderr.write("iter %d %.6f\n" % (it, time.perf_counter() - t0))
    print("checksum: %d" % digest)


if __name__ == "__main__":
    main()

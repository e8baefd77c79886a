# A hot loop inlining a call whose own loop (compiled first) is left by `return`, and
# calls of Python code the trace cannot inline from inside inlined calls (recursion):
# the callee must see its true callers, and results, exceptions and tracebacks must be
# the interpreter's.
import sys
import traceback


def find(items, want):
    for k, x in enumerate(items):
        if x == want:
            return k
    return -1


def first_big(items, limit):
    for x in items:
        if x > limit:
            return x
    if limit < 0:
        raise ValueError("negative limit %d" % limit)
    return None


def warm():
    t = 0
    for _ in range(3000):
        t += find([1, 2, 3, 4, 5], 4)
    return t


print(warm())


def outer(n):
    data = list(range(8))
    hits = 0
    misses = 0
    for i in range(n):
        k = find(data, i % 11)
        if k < 0:
            misses += 1
        else:
            hits += k
        b = first_big(data, i % 9)
        hits += 0 if b is None else b
    return hits, misses


print(outer(5000))


def raising(n):
    out = []
    for i in range(n):
        try:
            out.append(first_big([1, 2, 3], 5 - (i > 2500) * 10 if i % 700 else -1))
        except ValueError as e:
            out.append(str(e))
    return out[-3:], out.count(None), len(out)


print(raising(3000))


def depth(n):
    if n == 0:
        return sys._getframe(1).f_code.co_name, sys._getframe(2).f_code.co_name
    return depth(n - 1)


def middle(i):
    return depth(i % 3)


def caller_names(n):
    seen = set()
    for i in range(n):
        seen.add(middle(i))
    return sorted(seen)


print(caller_names(3000))


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def via(i):
    return fib(i % 12) + len(traceback.extract_stack())


def fibs(n):
    t = 0
    for i in range(n):
        t += via(i)
    return t


print(fibs(2000) - 2000 * len(traceback.extract_stack()))


def bad(n):
    if n == 0:
        raise KeyError("deep")
    return bad(n - 1)


def calls_bad(i):
    return bad(i % 4) if i == 2999 else i


def tb(n):
    t = 0
    for i in range(n):
        t += calls_bad(i)
    return t


try:
    tb(3000)
except KeyError:
    lines = traceback.format_exc().splitlines()
    print(len(lines), lines[-1], [l.strip() for l in lines if l.strip().startswith("return")])


class Node:
    def __init__(self, kids):
        self.kids = kids

    def size(self):
        n = 1
        for k in self.kids:
            n += k.size()
        return n


def sizes(n):
    tree = Node([Node([Node([])]), Node([])])
    t = 0
    for i in range(n):
        t += tree.size()
    return t


print(sizes(3000))

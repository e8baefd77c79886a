# sorted() and list.sort() over keys of one class (str, float, small int, tuples led by
# them) take direct comparisons; results and errors must be those of the general path
x = 12345
def r():
    global x
    x = (x * 1103515245 + 12345) % 2**31
    return x
words = ["w%d" % (r() % 500) for _ in range(3000)]
print(sorted(words)[:5], sorted(words, reverse=True)[:3])
pairs = [(-(r() % 7), w) for w in words]
print(sorted(pairs)[:4], sorted(pairs, reverse=True)[:3])
fl = [r() / 7.0 for _ in range(1000)] + [1.0, -0.0, 0.0]
s = sorted(fl); print(s[:3], s[-3:])
tf = [(r() % 3 / 2, i) for i in range(50)]
print(sorted(tf)[:5])
mixed = [(1, 'a'), (1.0, 'b'), (0, 'c')]
print(sorted(mixed))
print(sorted(["b", "a", "ä", "\ud800", "z"]))
class S(str):
    def __lt__(self, o): return len(self) < len(o)
print(sorted([S("bbb"), S("a"), S("cc")]))
print(sorted([(), (1,), (0, 2)]))
try: sorted([(1, 'a'), (1, 2)])
except TypeError as e: print(e)
print(sorted([("a", 2), ("a", 1), ("b", 0)], key=lambda t: t))

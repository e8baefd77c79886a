# Behaviour of builtin functions dispatching to dunder methods.
class Everything:
    def __len__(self): return 3
    def __iter__(self): return iter([3, 1, 2])
    def __reversed__(self): return iter(["r"])
    def __contains__(self, x): return x == "in"
    def __abs__(self): return "abs"
    def __index__(self): return 5
    def __hash__(self): return 77
    def __repr__(self): return "E()"
    def __format__(self, spec): return "fmt" + spec
    def __round__(self, n=None): return ("round", n)
    def __bool__(self): return False
    def __dir__(self): return ["b", "a"]
e = Everything()
print(len(e), list(e), sorted(e), max(e), min(e), sum(e), list(reversed(e)), "in" in e, "out" in e, abs(e))
print(hex(e), bin(e), oct(e), [10, 20, 30, 40, 50, 60][e], hash(e), repr(e), ascii(e), str(e), format(e, "!"), f"{e:?}")
print(round(e), round(e, 1), bool(e), not e, dir(e), list(enumerate(e)), list(zip(e, e)), tuple(e), set(e) == {1, 2, 3})
print(any(e), all(e), list(map(str, e)), list(filter(None, e)), dict.fromkeys(e), "".join(map(str, e)))
print(range(e), "ab" * e, bytes(e) if False else "skip", divmod(e, 2) if False else "skip")

# itertools objects pickle and copy as in CPython: a copy made part-way goes on from the same
# place; __setstate__ checks its state; module functions know their module (pickled by name).
import copy, itertools as it, operator, pickle

def small(x):
    return x < 3

def check(name, make, take=2):
    a = make()
    for _ in range(take):
        next(a, None)
    outs = []
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        b = pickle.loads(pickle.dumps(a, proto))
        outs.append(list(it.islice(b, 12)))
    c = copy.deepcopy(a)
    outs.append(list(it.islice(c, 12)))
    assert all(o == outs[0] for o in outs), (name, outs)
    print(name, outs[0], list(it.islice(a, 12)) == outs[0])

check("accumulate", lambda: it.accumulate([1, 2, 3, 4, 5]))
check("accumulate initial", lambda: it.accumulate([1, 2, 3], initial=10), take=0)
check("accumulate none", lambda: it.accumulate([None, None, None], operator.is_), take=1)
check("chain", lambda: it.chain("ab", "cd", "ef"), take=3)
check("compress", lambda: it.compress("abcdef", [1, 0, 1, 1, 0, 1]))
check("dropwhile", lambda: it.dropwhile(small, [1, 2, 3, 4, 1]), take=1)
check("takewhile", lambda: it.takewhile(small, [1, 2, 3, 1]), take=1)
check("filterfalse", lambda: it.filterfalse(None, [0, 1, 0, 2, 0]))
check("starmap", lambda: it.starmap(operator.pow, [(2, 3), (3, 2), (4, 1)]), take=1)
check("cycle", lambda: it.cycle("abc"), take=4)
check("islice", lambda: it.islice(range(20), 2, 15, 3))
check("zip_longest", lambda: it.zip_longest("abc", [1], fillvalue="-"))
check("product", lambda: it.product("ab", range(3)))
check("combinations", lambda: it.combinations(range(5), 3), take=4)
check("cwr", lambda: it.combinations_with_replacement("abc", 2), take=3)
check("permutations", lambda: it.permutations(range(4), 2), take=5)
g = it.groupby("aabbbc")
next(g)
print([(k, list(v)) for k, v in pickle.loads(pickle.dumps(g))])

c = it.cycle("defg")
c.__setstate__((list("abc"), 0))
print("".join(it.islice(c, 20)))
c = it.cycle("defg")
c.__setstate__((list("abcdefg"), 1))
print("".join(it.islice(c, 20)))
for bad in ([list("abc"), 0], (tuple("ab"), 0), (list("ab"), "x"), (), ([],)):
    try:
        it.cycle("x").__setstate__(bad)
    except TypeError:
        print("TypeError", type(bad).__name__, len(bad) if hasattr(bad, "__len__") else bad)
for bad in ((), [], 0, ([],), (iter([]), [])):
    try:
        it.chain().__setstate__(bad)
    except TypeError:
        print("TypeError", type(bad).__name__, len(bad) if hasattr(bad, "__len__") else bad)
ch = it.chain()
ch.__setstate__((iter(["abc", "def"]),))
print(list(ch))
p = it.product("ab", "cd")
p.__setstate__((0, 0x1000))
print(list(p))
print(operator.pow.__module__, len.__module__, type(operator.pow.__self__).__name__)
print(pickle.loads(pickle.dumps(operator.is_)) is operator.is_)

# Lists and tuples read in compiled loops: iteration, indexing with positive and negative
# indexes, bounds, lists that change length between runs of a compiled loop, and items of
# changing types.
def total(xs):
    t = 0
    for x in xs:
        t = t + x
    return t

def ftotal(xs):
    t = 0.0
    for x in xs:
        t = t + x * 0.5
    return t

def pairs(xs, ys):
    t = 0
    n = len(xs)
    for i in range(n):
        t = t + xs[i] * ys[-1 - i]
    return t

def window(xs, k):
    best = -1
    for i in range(len(xs) - k):
        s = xs[i] + xs[i + k]
        if s > best:
            best = s
    return best

def find(xs, v):
    i = 0
    while i < 1000:
        if xs[i] == v:
            return i
        i += 1

nums = list(range(200))
print(total(nums), total(nums[:5]), total([]), total((1, 2, 3)))
print(ftotal([float(i) for i in range(100)]))
print(total([1, 2, 3.5, 4, 5] * 20))
print(total([10 ** 18, 10 ** 18, 10 ** 18] * 30))
print(pairs(nums, nums), pairs(tuple(nums), nums))
print(window(nums, 7), window([5] * 40, 3))
print(find(nums, 150), find(nums, 3))
try:
    find(nums, -1)
except IndexError as e:
    print('IndexError', e)
mixed = [1, 2, 3] * 10 + ['x']
try:
    total(mixed)
except TypeError as e:
    print('TypeError', e)
grow = [1] * 50
for rep in range(4):
    print(total(grow), len(grow))
    grow = grow + [2] * 10
shrink = list(range(100))
for rep in range(3):
    print(total(shrink))
    shrink = shrink[:50 - rep * 10]
it = iter(nums)
for v in it:
    if v == 100:
        break
print(v, next(it))
t = (3, 1, 4, 1, 5, 9, 2, 6)
acc = 0
for r in range(100):
    acc = acc + t[r % 8] - t[-(r % 8) - 1]
print(acc)

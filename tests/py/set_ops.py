# Set operators and methods.
a = {1, 2, 3, 4, 5}
b = {4, 5, 6, 7}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [10]), a.intersection(b, {5}), a.difference(b, {1}), a.symmetric_difference([5, 6, 100]))
print(a <= b, {1, 2} <= a, {1, 2} < a, a < a, a <= a, a >= {1}, a > {1}, a.issubset(range(10)), a.issuperset([1, 2]))
print(a.isdisjoint(b), a.isdisjoint({100}), {1}.isdisjoint([]))
c = set(a)
c |= {10}; print(c)
c &= {1, 2, 10, 11}; print(c)
c -= {1}; print(c)
c ^= {2, 3}; print(c)
c.intersection_update([3, 10, 4]); print(c)
c.difference_update([3]); print(c)
c.symmetric_difference_update({10, 20}); print(c)
x = {"a", "b", "c"}
y = {"b", "c", "d"}
print(x | y, x & y, x - y, x ^ y)
try:
    a | [1]
except TypeError as e:
    print("TypeError:", e)
try:
    a < [1]
except TypeError as e:
    print("TypeError:", e)
print(a == frozenset(a), a | frozenset([0]), type(frozenset([0]) | a).__name__)
print(set.union(*[{1}, {2}, {3}]), set().union(), set().intersection())

# types.MethodType(func, obj) makes a bound method; its argument checks.
import types

class A:
    pass

def f(self, x):
    return (self, x)

a = A()
m = types.MethodType(f, a)
print(m(1)[1], m.__self__ is a, m.__func__ is f, type(m) is types.MethodType)
print(types.MethodType(len, [1, 2])(), types.MethodType(A, 5).__self__)
for args in [(), (1,), (print, None), (1, 2), (f, a, 3)]:
    try:
        types.MethodType(*args)
    except TypeError as e:
        print("TypeError:", e)
print(3.0 in range(10, 0, -3), 7.0 in range(10), "a" in range(3), range.__contains__(range(3), 2.0))
# set.remove / discard / in with a set argument look for the frozenset of its items
s = {frozenset([1, 2]), 3}
print({1, 2} in s, s.discard({2, 1}), s)
s.add(frozenset("a"))
s.remove(set("a"))
print(s)
try:
    s.remove({9})
except KeyError as e:
    print("KeyError:", e)
try:
    s.remove([1])
except TypeError as e:
    print("TypeError:", e)

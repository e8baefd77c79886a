# Deeply nested containers: repr/str/== raise RecursionError instead of crashing.
nested = []
for _ in range(100000):
    nested = [nested]
try:
    repr(nested)
except RecursionError as e:
    print("repr:", type(e).__name__, e)
try:
    str(nested)
except RecursionError as e:
    print("str:", type(e).__name__)
other = []
for _ in range(100000):
    other = [other]
try:
    print(nested == other)
except RecursionError as e:
    print("eq:", type(e).__name__, e)
d = {}
for _ in range(100000):
    d = {"k": d}
try:
    repr(d)
except RecursionError as e:
    print("dict repr:", type(e).__name__)
t = ()
for _ in range(100000):
    t = (t,)
try:
    repr(t)
except RecursionError as e:
    print("tuple repr:", type(e).__name__)
depth = 0
x = nested
while x:
    x = x[0]
    depth += 1
print("depth", depth)
del nested, other, d, t
print("deallocated fine")
shallow = [[[[1]]]]
print(repr(shallow), shallow == [[[[1]]]])

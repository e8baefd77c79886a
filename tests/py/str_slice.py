# String slicing with all step combinations.
s = "abcdefghij"
for start in [None, 0, 2, -3, 20, -20]:
    for stop in [None, 5, -1, 0, 20]:
        for step in [None, 1, 2, -1, -3]:
            print(start, stop, step, repr(s[start:stop:step]))
print(s[slice(2, 8, 3)], s[::], s[:], s[5:2], s[-1:-11:-1])
try:
    s[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    s["a"]
except TypeError as e:
    print("TypeError:", e)
try:
    s[1.0]
except TypeError as e:
    print("TypeError:", e)
print(s[True], s[10 ** 20:], s[-10 ** 20:3])
u = "αβγδε"
print(u[1:4], u[::-2], u[-2:])

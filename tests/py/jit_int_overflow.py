# Ints that leave the small-int range inside a compiled loop: the overflow guard exits,
# the interpreter continues with big ints, and later entries see big values.
def grow(n):
    x = 1
    i = 0
    while i < n:
        x = x * 3 + i
        i += 1
    return x

def add_near_limit(start, n):
    total = start
    for i in range(n):
        total = total + 1000000007
    return total

def sub_down(n):
    x = -(2 ** 62) + 50
    for i in range(n):
        x -= 1
    return x

print(grow(10))
print(grow(100))
print(add_near_limit(2 ** 62 - 10 ** 12, 2000))
print(add_near_limit(0, 2000))
print(sub_down(100))
print(sub_down(10))
for k in range(5):
    print(k, grow(40 + k) % 1000003)
acc = 0
for j in range(3):
    for i in range(50):
        acc = acc * 7 + i
print(acc % 10 ** 12, acc.bit_length())

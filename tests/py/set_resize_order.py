# Set growth and shrinkage: iteration order of int and str sets after many adds/removes.
s = set()
for i in range(0, 200, 7):
    s.add(i)
print(s)
for i in range(0, 200, 14):
    s.discard(i)
print(s)
for i in range(1000, 1010):
    s.add(i)
print(s)
t = set(range(50))
for i in range(0, 50, 3):
    t.remove(i)
print(t)
t.update(range(100, 140, 5))
print(t)
words = set()
for w in "one two three four five six seven eight nine ten eleven twelve".split():
    words.add(w)
print(words)
for w in ["two", "four", "six", "eight"]:
    words.remove(w)
print(words)
words |= {"alpha", "beta"}
print(words)
print({i * 8 for i in range(16)}, {i * 32 for i in range(10)}, {-i * 5 for i in range(10)})
print(set(range(100)) - set(range(5, 100)), {2 ** 31, 2 ** 32, 2 ** 33, 1, 2})
u = {1, 2, 3}
u.add(2 ** 64)
u.add(-(2 ** 64))
print(u)
c = s.copy()
print(c == s, c)

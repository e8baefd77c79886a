# for/while loops with else, break, continue, nested loops.
for i in range(3):
    print("for", i)
else:
    print("for else ran")
for i in range(10):
    if i == 2:
        break
else:
    print("not printed")
print("broke at", i)
n = 0
while n < 3:
    n += 1
else:
    print("while else ran", n)
while True:
    n -= 1
    if n == 0:
        break
else:
    print("not printed")
print("n", n)
for i in range(5):
    if i % 2:
        continue
    print("even", i)
out = []
for i in range(4):
    for j in range(4):
        if j > i:
            break
        if (i + j) % 2:
            continue
        out.append((i, j))
print(out)
for x in []:
    print("never")
else:
    print("empty loop else")
i = "unchanged"
for i in []:
    pass
print(i)
for ch in "ab":
    pass
print(ch)
lst = [1, 2, 3]
for x in lst:
    if x == 1:
        lst.append(4)
print(lst)
count = 0
for a in range(3):
    for b in range(3):
        for c in range(3):
            count += 1
print(count)
k = 0
while k < 10:
    k += 1
    if k % 3:
        continue
    print("k", k)
for i, (a, b) in enumerate(zip("xyz", range(3)), start=1):
    print(i, a, b)
for src in ["break", "continue", "def f():\n    break\n", "for x in y:\n    def g():\n        continue\n"]:
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)

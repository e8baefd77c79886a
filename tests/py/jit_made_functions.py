# Functions made inside a loop (comprehensions, lambdas, nested defs with closures) are
# called inline by the loop's trace: the trace made them itself, so their code is known.
# Exits inside them rebuild a frame for the function object the trace made. Each case
# changes its data after the loops are hot (the JIT tests run this with the threshold at
# 1-3).

def comprehension_with_closure(n):
    cells = [0, 1, 0, 2, 0, 0, 1] * 3
    total = 0
    i = 0
    while i < n:
        if i == n - 5:
            cells[3] = 0          # the comprehension's filter changes late
        empties = [p for p in range(len(cells)) if cells[p] == 0]
        total += len(empties) * 7 + i % 3
        i += 1
    return total

def lambda_in_loop(n):
    acc = 0
    for i in range(n):
        k = i % 4
        f = lambda x: x * k + 1
        acc += f(i)
        if i == n - 2:
            k = "s"               # the closure's cell now holds a str
            try:
                acc += f(1)
            except TypeError as e:
                acc += 1000
                last = str(e)
    return acc, last

def nested_def(n):
    out = []
    for i in range(n):
        base = i * 2
        def add(y):
            return base + y
        out.append(add(3))
        if i % 50 == 49:
            base = -1
            out.append(add(0))
    return out[-6:]

def escaping(n):
    fs = []
    for i in range(n):
        fs.append(lambda j=i: j * j)
        g = lambda: i
        if g() != i:
            return "wrong"
    return [f() for f in fs[-4:]], sum(f() for f in fs)

def dict_and_set_comps(n):
    t = 0
    for i in range(n):
        d = {k: k * i for k in range(3)}
        s = {x % 3 for x in range(i % 7)}
        t += sum(d.values()) + len(s)
    return t

def raising_inside(n):
    seen = 0
    for i in range(n):
        try:
            vals = [10 // (x - i % 9) for x in range(3)]
            seen += vals[0]
        except ZeroDivisionError:
            seen -= 1
    return seen

def frame_inspection(n):
    import sys
    names = set()
    for i in range(n):
        r = [sys._getframe().f_code.co_name for _ in range(2)]
        names.add(r[0])
    return sorted(names)

print(comprehension_with_closure(300))
print(lambda_in_loop(200))
print(nested_def(200))
print(escaping(100))
print(dict_and_set_comps(100))
print(raising_inside(100))
print(frame_inspection(50))

# functions with cell variables (a local a comprehension or lambda captures) called
# inline: the trace makes their cells
def spline_at(knots, t):
    lo = 0
    w = [k * t for k in knots if k != lo]
    scale = lambda v: v * 2 + lo
    return scale(sum(w))

def param_cell(x, y):
    adder = lambda z: z + x
    x = x * 2 if y else x
    return adder(y)

def cells_caller(n):
    acc = 0.0
    knots = [0.5, 1.0, 0.0, 2.0]
    for i in range(n):
        acc += spline_at(knots, i * 0.25)
        acc += param_cell(i, i % 3)
        if i == n - 4:
            knots.append(3.0)
    return acc

print(cells_caller(200))

# Floor division and modulo with negative operands follow floor semantics.
pairs = [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (0, -5), (1, 7), (-1, 7),
         (6, 3), (-6, 3), (6, -3), (100, 7), (-100, 7), (100, -7), (-100, -7)]
for a, b in pairs:
    q, r = a // b, a % b
    print(a, b, q, r, divmod(a, b), q * b + r == a)
for a, b in pairs:
    print(a, b, int.__floordiv__(a, b), int.__mod__(a, b), int.__rfloordiv__(b, a))
big = 10 ** 30 + 7
for a, b in [(big, 3), (-big, 3), (big, -3), (-big, -3), (big, big - 1), (-big, 10 ** 15)]:
    print(a // b, a % b, divmod(a, b))
for a in [5, -5]:
    for b in [0]:
        try:
            print(a // b)
        except ZeroDivisionError as e:
            print("ZeroDivisionError:", e)
        try:
            print(a % b)
        except ZeroDivisionError as e:
            print("ZeroDivisionError:", e)
        try:
            print(divmod(a, b))
        except ZeroDivisionError as e:
            print("ZeroDivisionError:", e)
        try:
            print(a / b)
        except ZeroDivisionError as e:
            print("ZeroDivisionError:", e)

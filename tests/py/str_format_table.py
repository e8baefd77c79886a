# Building aligned text tables with str methods and format specs.
rows = [("Widget", 4, 3.5), ("Gadget extra long", 12, 12.25), ("Ünïcödé", 1, 1000.0), ("", 0, 0.0)]
w = max(len(r[0]) for r in rows)
header = f"{'Item':<{w}} | {'Qty':>5} | {'Price':>10} | {'Total':>11}"
print(header)
print("-" * len(header))
for name, qty, price in rows:
    print(f"{name:<{w}} | {qty:>5d} | {price:>10,.2f} | {qty * price:>11,.2f}")
total = sum(q * p for _, q, p in rows)
print(f"{'TOTAL':>{w}} | {sum(r[1] for r in rows):>5} | {'':>10} | {total:>11,.2f}")
print("|".join(s.center(9, "~") for s in ["a", "bb", "ccc"]))
print("|".join(s.ljust(5, ".") + s.rjust(5, ".") for s in ["x", "yy"]))
for n in [0, 1, -1, 1234567.891, -0.001, 1e10]:
    print("{:>15.3f}|{:<15e}|{:^15g}|{:+015.2f}|{:>15,}".format(n, n, n, n, n))
print("%-10s|%10s|%-5d|%5.1f%%" % ("left", "right", 42, 99.5))

# Nested f-strings and expressions inside format specs.
values = [3.14159, 2.71828, 1.41421]
for p in range(4):
    print(f"{', '.join(f'{v:.{p}f}' for v in values)}")
w = 8
for align in "<^>":
    print(f"[{'x':{align}{w}}]", f"[{f'{align}':{align}{w}}]")
table = {"apples": 3, "kiwis": 12, "dragonfruit": 1}
for k, v in table.items():
    print(f"{k:<12}{v:>4}{'!' * v if v < 4 else ''}")
print(f"{f'{1}'}")
print(f"{'{'}{'}'}")
def fmt(x, spec):
    return f"{x:{spec}}"
print(fmt(255, "#x"), fmt("s", ">3"), fmt(1.5, "08.3f"), fmt(12345, ","))
print(f"{3:{'>'}{5}}")
print(f"{[f'{i:02d}' for i in range(3)]}")
print(f"{dict(a=1)['a']}", f"{'ab'[::-1]}", f"{(1, 2)[0]}")

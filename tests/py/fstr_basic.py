# f-string basics.
name = "World"
n = 42
pi = 3.14159265
items = [1, 2, 3]
d = {"k": "v", "n": 5}
print(f"Hello, {name}!", f"{n}", f"{n + 1}", f"{n * 2 = }" if False else f"{n*2}", f"{pi:.2f}")
print(f"{items}", f"{items[1]}", f"{d['k']}", f"{d['n'] ** 2}", f"{len(items)}")
print(f"{'nested'}", f"{'x' if n > 10 else 'y'}", f"{[i * i for i in items]}")
print(f"{{}}", f"{{{n}}}", f"a{{b}}c", f"{n}{n}{n}")
print(f"{name!r}", f"{name!s}", f"{'é☃'!a}", f"{name!r:>10}", f"{3.0!s:>6}")
print(f"{n:>6}|{n:<6}|{n:^6}|{n:06}|{n:+}|{n:x}|{n:#b}|{n:,}")
print(f"{pi:10.3f}|{pi:<10.1e}|{pi:%}|{pi:g}")
width, prec = 12, 3
print(f"{pi:{width}.{prec}f}|", f"{name:{'*'}^{width}}", f"{n:{'x'}}")
print(f"{1}" f"{2}" "3" f'{"4"}')
x = 10
print(f"{x=}", f"{x = }", f"{x*2=}", f"{name=!s}", f"{pi=:.2f}", f"{ x = !r:>5}")
print(f"{(lambda: 'lam')()}")
print(f"""triple {name}
second line {n}""")
print(f"{'a' 'b'}", f"{3 if True else 4}", f"{None}", f"{True}", f"{-n}")
print(f"{n!r:}", f"{'':>3}|", f"{b'bytes'}", f"{1+2j}")
print(F"upper {n}", rf"raw \n {n}", fr"{name}\t")
obj = type("O", (), {"a": 5, "__format__": lambda self, s: "fmt[" + s + "]"})()
print(f"{obj}", f"{obj:xyz}", f"{obj.a}")

# Assignment expressions (walrus).
data = [1, 5, 12, 3, 20]
if (n := len(data)) > 3:
    print("long list", n)
print([y for x in data if (y := x * 2) > 10])
print(y)
values = iter([3, 2, 1, 0, 5])
out = []
while (v := next(values)) != 0:
    out.append(v)
print(out, v)
print((a := 10) + a, a)
def f():
    if (res := sum(range(5))) > 5:
        return res
print(f())
print([(last := i) for i in range(4)], last)
print({k: (tmp := k * 2) for k in range(3)}, tmp)
print(any((hit := x) > 10 for x in data), hit)
stuff = [{"name": "a", "ok": True}, {"name": "b", "ok": False}]
print([s["name"] for s in stuff if (ok := s["ok"])])
print(ok)
x = (y := 5, 6)
print(x, y)
for src in ["x := 5", "[i := 0 for i in range(3)]", "def f(): (a.b := 1)", "class C: [(j := 1) for _ in range(1)]"]:
    try:
        compile(src, "<s>", "exec")
        print("compiled", src)
    except SyntaxError as e:
        print("SyntaxError:", e.msg)

# del statement: names, items, slices, attributes.
a = 1
del a
try:
    a
except NameError as e:
    print("NameError:", e)
lst = list(range(10))
del lst[0]
del lst[-1]
del lst[1:3]
del lst[::2]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
class O:
    pass
o = O()
o.x = 1
o.y = 2
del o.x
print(vars(o))
x, y, z = 1, 2, 3
del x, y
print("z" in dir(), "x" in dir())
nested = {"k": [1, 2, {"inner": 3}]}
del nested["k"][2]["inner"]
del nested["k"][0]
print(nested)
def local_del():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(local_del())
for target in ["del undefined_name", "del d['zz']", "del lst[100]", "del o.nope", "del (1).real"]:
    try:
        exec(target)
    except (NameError, KeyError, IndexError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
a, b = [1], [2]
del (a, b)
print("a" in dir())
c = [1, 2, 3]
del [c[0], c[1]]
print(c)
g = 5
def del_global():
    global g
    del g
del_global()
print("g" in globals())
for src in ["del f()", "del 1", "del a + b"]:
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)

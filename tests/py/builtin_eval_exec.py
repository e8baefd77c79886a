# eval, exec, compile.
print(eval("1 + 2 * 3"), eval("x * 2", {"x": 21}), eval("y", {}, {"y": "local"}), eval("[i for i in range(3)]"))
ns = {}
exec("a = 5\ndef f(n):\n    return n + a\nb = f(10)", ns)
print(ns["a"], ns["b"], ns["f"](1), "__builtins__" in ns)
g = {"v": 1}
l = {}
exec("v2 = v + 1\nw = 'local'", g, l)
print(sorted(l.items()), "v2" in g)
code = compile("z = 40 + 2", "<string>", "exec")
scope = {}
exec(code, scope)
print(scope["z"], type(code).__name__, code.co_filename)
expr = compile("3 ** 3", "<e>", "eval")
print(eval(expr))
single = compile("1 + 1", "<s>", "single")
exec(single)
print(exec("1 + 1"))
for src, mode in [("1 +", "eval"), ("x = ", "exec"), ("a b", "exec"), ("return 5", "exec"), ("yield 1", "exec"),
                  ("def f(:\n  pass", "exec"), ("if True\n  pass", "exec"), ("(]", "eval"), ("x = 1", "eval"), ("'abc", "exec"),
                  ('"""abc', "exec"), ("f(**a, *b)", "exec"), ("1 = x", "exec"), ("None = 1", "exec"), ("lambda: (yield)", "eval"),
                  ("def f(a, a): pass", "exec"), ("f(a=1, a=2)", "exec"), ("x +== 1", "exec"), ("0777", "eval"), ("1_", "eval")]:
    try:
        compile(src, "<src>", mode)
        print("compiled:", repr(src))
    except SyntaxError as e:
        print(repr(src), "->", e.msg, e.lineno, e.offset)
try:
    compile("x", "<s>", "bogus")
except ValueError as e:
    print("ValueError:", e)
try:
    eval("undefined_name_q")
except NameError as e:
    print("NameError:", e)
try:
    eval(5)
except TypeError as e:
    print("TypeError:", e)
print(eval("__name__"), eval("__name__", {"__name__": "custom"}))
def in_func():
    local_var = "seen"
    return eval("local_var")
print(in_func())
print(eval("len('abc')", {"__builtins__": {"len": len}}))
try:
    eval("abs(-1)", {"__builtins__": {}})
except NameError as e:
    print("NameError:", e)

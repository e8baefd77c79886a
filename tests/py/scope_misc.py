# Assorted scoping rules: shadowing builtins, del of globals, locals in nested functions, class scope skipping.
def uses_builtin():
    return len("abc")
len = lambda x: -1
print(uses_builtin(), len("x"))
del len
print(uses_builtin())
x = "global x"
def read_then_shadow():
    def inner():
        return x
    r1 = inner()
    return r1
print(read_then_shadow())
def local_only():
    if False:
        x = "never assigned"
    try:
        return x
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(local_only())
class Outer:
    y = "class y"
    def method(self):
        try:
            return y
        except NameError as e:
            return "NameError: " + str(e)
print(Outer().method())
def loop_var_leak():
    for i in range(3):
        pass
    return i
print(loop_var_leak())
def except_var_cleared():
    e = "before"
    try:
        raise ValueError("x")
    except ValueError as e:
        pass
    try:
        return e
    except UnboundLocalError:
        return "e was deleted after except"
print(except_var_cleared())
def nested_nonlocal_chain():
    a = 1
    def f():
        def g():
            nonlocal a
            a += 1
            return a
        return g
    return f()(), a
print(nested_nonlocal_chain())
def lambda_defaults_capture():
    fs = []
    for i in range(3):
        fs.append(lambda i=i, j=i * 10: i + j)
    return [f() for f in fs]
print(lambda_defaults_capture())
print([__name__ for _ in range(1)], (lambda: __name__)())

def f(x):
    return x + None
def g():
    return f([1])
g()

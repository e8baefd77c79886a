def f(*x): raise ValueError
x = "中文"; f(1,
 2)

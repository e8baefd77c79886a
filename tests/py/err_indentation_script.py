# This file has an indentation error.
def f():
    x = 1
      return x
print(f())

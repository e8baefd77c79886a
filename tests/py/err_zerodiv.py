# Uncaught ZeroDivisionError: exit status 1, traceback on stderr.
print("before the error")
x = 10
y = x - 10
print(x / y)
print("never printed")

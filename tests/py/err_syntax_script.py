# This file itself contains a syntax error: nothing runs, exit status 1.
print("never printed")
values = [1, 2, 3
print(values)

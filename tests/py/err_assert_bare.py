# Uncaught bare AssertionError.
print("start")
assert 1 + 1 == 3

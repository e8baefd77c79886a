x = 0
assert x > 1, "too small"

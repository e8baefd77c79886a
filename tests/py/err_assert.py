# Uncaught AssertionError with a message.
def check(n):
    assert n >= 0, f"negative value: {n}"
    return n
print(check(3))
print(check(-4))

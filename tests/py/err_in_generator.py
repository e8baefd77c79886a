# Uncaught error raised inside a generator while iterating.
def numbers():
    yield 1
    yield 2
    raise RuntimeError("generator failed after two items")
for n in numbers():
    print(n)

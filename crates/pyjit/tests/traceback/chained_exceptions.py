try:
    {}["a"]
except KeyError:
    raise ValueError("x")

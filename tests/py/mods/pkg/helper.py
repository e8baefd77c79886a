print("pkg.helper: executing, __name__ =", __name__, "__package__ =", __package__)
def helper_func():
    return "helper_func from " + __name__

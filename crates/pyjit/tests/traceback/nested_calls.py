def outer():
    y = 0
    def inner():
        return 1 / y
    return inner()
outer()

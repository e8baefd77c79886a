# Uncaught error raised while executing a class body.
print("defining class")
class Broken:
    x = 1
    y = x / 0

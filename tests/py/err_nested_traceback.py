# Uncaught error in a nested function: full traceback, last line checked.
def level3(d):
    return d["missing"] + 1
def level2(d):
    return level3(d) * 2
def level1():
    data = {"present": 1}
    def inner():
        return level2(data)
    return inner()
print("start")
print(level1())

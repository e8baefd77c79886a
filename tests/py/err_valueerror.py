# Uncaught ValueError from int().
for s in ["1", "22", "x33"]:
    print(int(s))

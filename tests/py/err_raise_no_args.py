# Uncaught exception raised without arguments: last line is just the class name.
print("raising")
raise ValueError

# Uncaught exception raised while handling another one.
try:
    {}["key"]
except KeyError:
    print("handling KeyError")
    None.method()

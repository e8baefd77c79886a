# Uncaught TypeError from calling a value that is not callable.
handlers = {"start": lambda: "started", "stop": None}
for name in ["start", "stop"]:
    print(name, handlers[name]())

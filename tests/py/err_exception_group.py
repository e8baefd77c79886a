# Uncaught ExceptionGroup.
print("raising a group")
raise ExceptionGroup("several failures", [ValueError("bad value"), TypeError("bad type")])

# Uncaught NameError (no similar name exists, so no suggestion).
def compute():
    return 1 + qqqqq_undefined
print("calling")
compute()

def fail_deep(n):
    if n == 0:
        raise LookupError("failure inside an imported module")
    return fail_deep(n - 1)

# Uncaught exception at the end of a three-level implicit context chain.
try:
    try:
        int("not a number")
    except ValueError:
        [].pop()
except IndexError:
    {}["final"]

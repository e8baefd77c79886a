# except (A, B): every entry must be an exception class, checked before matching
for spec in [(ValueError, 42), 42, (ValueError, (KeyError, TypeError))]:
    try:
        try:
            raise ValueError("v")
        except spec:
            print("caught by", spec)
    except TypeError as e:
        print("TypeError:", e)
try:
    try:
        raise KeyError("k")
    except (ValueError, (KeyError,)):
        print("nested caught")
except TypeError as e:
    print("TypeError:", e)

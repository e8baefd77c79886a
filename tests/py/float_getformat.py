# float.__getformat__ (test.support reads it at import) and its argument checks.
print(float.__getformat__("double"))
print(float.__getformat__("float"))
print(type(1.5).__getformat__("double") == float.__getformat__("double"))
for bad in ("long double", "", 1, None, b"double"):
    try:
        float.__getformat__(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    float.__getformat__()
except TypeError as e:
    print("TypeError:", e)

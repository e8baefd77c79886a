# join and concatenation.
print(",".join(["a", "b", "c"]), "".join([]), "-".join("xyz"), " ".join(("1",)), "☃".join(["a", "b"]))
print("\n".join(str(i) for i in range(3)))
print(", ".join(map(str, [1, 2.5, None, True])))
print("".join({"k": 1, "j": 2}))
try:
    ",".join(["a", 1])
except TypeError as e:
    print("TypeError:", e)
try:
    ",".join(5)
except TypeError as e:
    print("TypeError:", e)
try:
    ",".join([b"a"])
except TypeError as e:
    print("TypeError:", e)
print("a" + "b", "ab" * 3, 3 * "ab", "x" * 0, "x" * -5, "" * 100)
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
try:
    1 + "a"
except TypeError as e:
    print("TypeError:", e)
try:
    "a" * "b"
except TypeError as e:
    print("TypeError:", e)
try:
    "a" * 1.5
except TypeError as e:
    print("TypeError:", e)
s = "x"
s += "y"
s *= 3
print(s)
parts = []
for i in range(5):
    parts.append(str(i) * i)
print("|".join(parts))
print(b",".join([b"a", bytearray(b"b")]), bytearray(b"-").join([b"x", b"y"]))

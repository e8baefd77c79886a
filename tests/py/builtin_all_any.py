# all / any with short-circuit.
print(all([]), any([]), all([1, 2]), all([1, 0]), any([0, 0]), any([0, 3]), all("abc"), any(""), all([[]]), any([[0]]))
def gen(vals):
    for v in vals:
        print("yield", v)
        yield v
print(all(gen([1, 0, 1])))
print(any(gen([0, 2, 0])))
print(all(x > 0 for x in range(1, 5)), any(x > 3 for x in range(3)))
print(all({0: "a"}), any({0: "a", 1: "b"}), all(set()), any({None}))
try:
    all(5)
except TypeError as e:
    print("TypeError:", e)
class B:
    def __bool__(self):
        raise ValueError("bool failed")
try:
    any([B()])
except ValueError as e:
    print("ValueError:", e)

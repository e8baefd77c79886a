# reversed on sequences and custom types.
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1, 2))), list(reversed(range(5))), list(reversed(range(1, 10, 3))))
print(list(reversed(b"xyz")), list(reversed(bytearray(b"ab"))), list(reversed({"a": 1, "b": 2})), list(reversed({"a": 1}.items())))
print("".join(reversed("stressed")), list(reversed([])))
l = [1, 2, 3]
r = reversed(l)
l.append(4)
print(list(r))
for bad in [{1, 2}, 5, iter([1]), (x for x in [1])]:
    try:
        reversed(bad)
    except TypeError as e:
        print("TypeError:", e)

# sort, sorted: key, reverse, stability.
data = [("bob", 3), ("alice", 1), ("carol", 3), ("dave", 2), ("eve", 1), ("frank", 2)]
print(sorted(data))
print(sorted(data, key=lambda p: p[1]))
print(sorted(data, key=lambda p: p[1], reverse=True))
print(sorted(data, key=lambda p: -p[1]))
print(sorted(data, key=lambda p: p[0][-1]))
words = ["banana", "Apple", "cherry", "apple", "Banana", "date", "fig"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
nums = [5, -3, 2.5, -1, 0, 10, -10, 3]
print(sorted(nums), sorted(nums, key=abs), sorted(nums, reverse=True), sorted(nums, key=lambda x: (x % 2, x)))
l = list(range(20, 0, -1))
l.sort(key=lambda x: x % 5)
print(l)
print(sorted("hello world"), sorted((3, 1, 2)), sorted({3: "a", 1: "b"}), sorted(set([5, 1, 3])))
print(sorted([[2, 1], [1, 2], [1, 1, 1], [2]]), sorted([(1, "b"), (1, "a"), (0, "z")]))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([3, 2, 1], key=lambda x: 1 / (x - 2))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    sorted([1, 2], lambda x: x)
except TypeError as e:
    print("TypeError:", e)
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return "K(%d)" % self.v
print(sorted([K(3), K(1), K(2)]), max([K(3), K(1), K(2)], key=lambda k: k.v))
big = [(i * 7919) % 1000 for i in range(1000)]
s = sorted(big)
print(s[:10], s[-5:], all(s[i] <= s[i + 1] for i in range(len(s) - 1)))
stable = sorted([(i % 3, i) for i in range(15)], key=lambda t: t[0])
print(stable)
print(sorted([], reverse=True), sorted([1]), list(reversed(sorted([2, 3, 1]))))
l2 = [3, 1, 2]
try:
    l2.sort(key=lambda x: (l2.append(0), x)[1])
except ValueError as e:
    print("ValueError:", e)

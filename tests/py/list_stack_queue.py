# Lists as stacks and queues; copying semantics.
stack = []
for i in range(5):
    stack.append(i * i)
print(stack, stack.pop(), stack.pop(), stack, stack[-1])
queue = list("abcde")
out = []
while queue:
    out.append(queue.pop(0))
    if len(out) == 2:
        queue.append("z")
print(out)
orig = [[1, 2], [3, 4]]
shallow = orig[:]
shallow2 = list(orig)
shallow3 = orig.copy()
deep = [row[:] for row in orig]
orig[0].append(99)
orig.append([5])
print(orig, shallow, shallow2, shallow3, deep)
print(shallow[0] is orig[0], deep[0] is orig[0], shallow is orig)
a = [1, 2, 3]
b = a
b.append(4)
c = a + []
c.append(5)
print(a, b, c, a is b, a == c[:4])
def mutate(lst):
    lst.append("mutated")
    lst = ["rebound"]
    return lst
m = [0]
print(mutate(m), m)
matrix = [[0] * 3 for _ in range(3)]
for i in range(3):
    matrix[i][i] = 1
print(matrix)
rot = [list(r) for r in zip(*matrix[::-1])]
print(rot)
nums = list(range(10))
evens = nums[::2]
evens[0] = "changed"
print(nums[:3], evens[:3])
lst = [3, 1, 2]
s = sorted(lst)
lst.sort()
print(s == lst, s is lst)

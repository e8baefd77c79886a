# Methods of instances with an instance dict (a subclass of a builtin class) called from
# compiled loops: an attribute set on the instance hides the class method, and deleting
# it shows the method again.
import random
class R(random.Random):
    pass
r = R(5)
t = 0
for i in range(3000):
    t += r.randint(1, 10)
    if i == 2000:
        r.randint = lambda a, b: 1000
print(t)
class Q(random.Random):
    def helper(self):
        return 1
q = Q(1)
s = 0
for i in range(3000):
    s += q.helper()
    if i == 1500:
        q.helper = lambda: 7
    if i == 2500:
        del q.helper
print(s)

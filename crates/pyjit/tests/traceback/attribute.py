class A: pass
a = A()
print(a.b.c)

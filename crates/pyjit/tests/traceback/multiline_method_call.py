class A:
    def m(self, a, b): return a / b
a = A()
y = (a
  .m(1, b=0))

class C:
    def m(self, n):
        return self.helper(n) * 2
    def helper(self, n):
        return {}[n]
C().m(5)

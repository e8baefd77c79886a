# Program: matrix class with exact integer/fraction-free determinant, transpose, multiply, power.
class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
        self.n, self.m = len(rows), len(rows[0]) if rows else 0
    @classmethod
    def identity(cls, n):
        return cls([[int(i == j) for j in range(n)] for i in range(n)])
    def __matmul__(self, o):
        if self.m != o.n:
            raise ValueError(f"shape mismatch: {self.n}x{self.m} @ {o.n}x{o.m}")
        cols = list(zip(*o.rows))
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])
    def __add__(self, o):
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, o.rows)])
    def __mul__(self, k):
        return Matrix([[a * k for a in r] for r in self.rows])
    __rmul__ = __mul__
    def __pow__(self, e):
        result, base = Matrix.identity(self.n), self
        while e:
            if e & 1:
                result = result @ base
            base = base @ base
            e >>= 1
        return result
    def T(self):
        return Matrix(list(zip(*self.rows)))
    def det(self):
        a = [r[:] for r in self.rows]
        n, sign, prev = self.n, 1, 1
        for k in range(n - 1):
            if a[k][k] == 0:
                for i in range(k + 1, n):
                    if a[i][k]:
                        a[k], a[i] = a[i], a[k]
                        sign = -sign
                        break
                else:
                    return 0
            for i in range(k + 1, n):
                for j in range(k + 1, n):
                    a[i][j] = (a[i][j] * a[k][k] - a[i][k] * a[k][j]) // prev
            prev = a[k][k]
        return sign * a[-1][-1]
    def __eq__(self, o):
        return self.rows == o.rows
    def __repr__(self):
        w = max(len(str(v)) for r in self.rows for v in r)
        return "\n".join("[" + " ".join(f"{v:>{w}}" for v in r) + "]" for r in self.rows)
A = Matrix([[2, -1, 0], [1, 3, 4], [0, 5, -2]])
B = Matrix([[1, 2], [0, 1], [4, 0]])
print(A @ B)
print(A.T())
print(A.det(), Matrix.identity(4).det(), Matrix([[1, 2], [2, 4]]).det(), Matrix([[0, 1], [1, 0]]).det())
print(A ** 5)
print((A ** 3).det() == A.det() ** 3, 2 * A == A + A, A @ Matrix.identity(3) == A)
F = Matrix([[1, 1], [1, 0]]) ** 90
print(F.rows[0][1])
H = Matrix([[1 if bin(i & j).count("1") % 2 == 0 else -1 for j in range(8)] for i in range(8)])
print((H @ H.T()) == Matrix.identity(8) * 8, H.det())
try:
    B @ B
except ValueError as e:
    print("ValueError:", e)

# X.__new__(Y) for builtin classes X: CPython's argument checks
def t(f):
    try:
        print("ok", repr(f()))
    except TypeError as e:
        print("TypeError", e)


t(lambda: tuple.__new__(list))
t(lambda: tuple.__new__(tuple, [1, 2]))
t(lambda: tuple.__new__(5))
t(lambda: tuple.__new__())
t(lambda: int.__new__(bool, 1))
t(lambda: object.__new__(int))
t(lambda: int.__new__(int, "12"))


class MyT(tuple):
    pass


t(lambda: tuple.__new__(MyT, (1,)))
t(lambda: type(tuple.__new__(MyT, (1,))).__name__)


class MyI(int):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)


t(lambda: MyI(4))
t(lambda: str.__new__(MyI))
t(lambda: dict.__new__(dict))
t(lambda: float.__new__(float, "1.5"))
t(lambda: list.__new__(list))


class A:
    pass


t(lambda: type(object.__new__(A)).__name__)
t(lambda: object.__new__(A, 1))
t(lambda: A(1))

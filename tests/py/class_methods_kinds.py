# classmethod and staticmethod.
class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        return cls(*map(int, s.split("-")))
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"
class MyDate(Date):
    pass
print(Date.from_string("2024-02-29"), MyDate.from_string("1999-12-31"), MyDate(1, 2, 3).from_string("5-6-7"))
print(Date.is_leap(2000), Date.is_leap(1900), Date(1, 1, 1).is_leap(2024))
print(type(Date.__dict__["from_string"]).__name__, type(Date.__dict__["is_leap"]).__name__)
print(Date.__dict__["is_leap"].__func__(4), Date.__dict__["from_string"].__func__.__name__)
sm = staticmethod(len)
print(sm.__func__ is len)
class Counter:
    instances = 0
    def __init__(self):
        type(self).increment()
    @classmethod
    def increment(cls):
        cls.instances += 1
class SubCounter(Counter):
    instances = 0
Counter(); Counter(); SubCounter()
print(Counter.instances, SubCounter.instances)
class C:
    def inst(self):
        return self
    @classmethod
    def clsm(cls):
        return cls
    @staticmethod
    def stat(*a):
        return a
c = C()
print(c.clsm() is C, C.clsm() is C, c.stat(1), C.stat(), c.inst() is c)
try:
    C.inst()
except TypeError as e:
    print("TypeError:", e)
print(C.clsm.__self__ is C, C.clsm.__name__)

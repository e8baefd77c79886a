# sqlite3: window functions (create_window_function), aggregates whose methods are missing
# or fail, and functions failing with OverflowError or returning out-of-range ints.
import sqlite3

class WindowSumInt:
    def __init__(self):
        self.count = 0
    def step(self, value):
        self.count += value
    def value(self):
        return self.count
    def inverse(self, value):
        self.count -= value
    def finalize(self):
        return self.count

con = sqlite3.connect(":memory:")
con.execute("create table test(x, y)")
con.executemany("insert into test values(?, ?)", [("a", 4), ("b", 5), ("c", 3), ("d", 8), ("e", 1)])
query = "select x, %s(y) over (order by x rows between 1 preceding and 1 following) as sum_y from test order by x"
con.create_window_function("sumint", 1, WindowSumInt)
print(con.execute(query % "sumint").fetchall())
print(con.execute("select sumint(y) from test").fetchall())

class NoInverse:
    def step(self, x): pass
    def value(self): return 42
    def finalize(self): return 42
class NoStep:
    def value(self): return 1
    def finalize(self): return 1
class BadValue(WindowSumInt):
    def value(self): raise ValueError
con.create_window_function("noinv", 1, NoInverse)
con.create_window_function("nostep", 1, NoStep)
con.create_window_function("badvalue", 1, BadValue)
for name in ["noinv", "nostep", "badvalue"]:
    try:
        con.execute(query % name).fetchall()
    except sqlite3.OperationalError as e:
        print("OperationalError:", e)
con.create_aggregate("nostepagg", 1, NoStep)
try:
    con.execute("select nostepagg(y) from test").fetchall()
except sqlite3.OperationalError as e:
    print("OperationalError:", e)
con.create_window_function("sumint", 1, None)
try:
    con.execute(query % "sumint")
except sqlite3.OperationalError as e:
    print("OperationalError:", e)
try:
    con.create_window_function("bad", -100, WindowSumInt)
except sqlite3.ProgrammingError as e:
    print("ProgrammingError")

def overflow():
    raise OverflowError
con.create_function("overflow", 0, overflow)
for v in (2**63, -2**63 - 1):
    con.create_function("large", 0, lambda v=v: v)
    try:
        con.execute("select large()")
    except sqlite3.DataError as e:
        print("DataError:", e)
try:
    con.execute("select overflow()")
except sqlite3.DataError as e:
    print("DataError:", e)

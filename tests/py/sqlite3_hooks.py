# sqlite3: trace callbacks, authorizers, progress handlers, limits, and callback exceptions
# reaching sys.unraisablehook when enable_callback_tracebacks(True).
import sqlite3
con = sqlite3.connect(":memory:")
seen = []
con.set_trace_callback(seen.append)
con.execute("create table t (a)")
con.execute("insert into t values (?)", (5,))
con.commit()
print(seen)
con.set_trace_callback(None)
def deny(action, a1, a2, db, src):
    return sqlite3.SQLITE_DENY if a2 == "secret" else sqlite3.SQLITE_OK
con.execute("create table s (pub, secret)")
con.set_authorizer(deny)
try:
    con.execute("select secret from s")
except sqlite3.DatabaseError as e:
    print(type(e).__name__, e)
print(con.execute("select pub from s").fetchall())
con.set_authorizer(None)
n = [0]
def prog():
    n[0] += 1
    return n[0] > 3
con.set_progress_handler(prog, 1)
try:
    con.execute("with recursive c(x) as (select 1 union all select x+1 from c where x < 100000) select count(*) from c").fetchall()
except sqlite3.OperationalError as e:
    print(type(e).__name__, e)
con.set_progress_handler(None, 1)
print(con.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) > 0, con.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 1) > 0, con.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))
try:
    con.execute("select ?, ?", (1, 2))
except sqlite3.OperationalError as e:
    print(type(e).__name__, e)
try:
    con.getlimit(99)
except sqlite3.ProgrammingError as e:
    print(type(e).__name__, e)
sqlite3.enable_callback_tracebacks(True)
import sys
got = []
sys.unraisablehook = lambda u: got.append((u.exc_type.__name__, u.object.__name__))
def bad(x): raise ValueError(x)
con.create_function("bad", 1, bad)
try:
    con.execute("select bad(1)")
except sqlite3.OperationalError as e:
    print(e)
print(got)

# adaptation protocols, Row indexes, a factory given by position
class CustomProto:
    def __adapt__(self):
        return "adapted"
print(sqlite3.adapt(1.0, CustomProto), sqlite3.adapt(1.0, None, "alt"))
class BadConform:
    def __init__(self, exc):
        self.exc = exc
    def __conform__(self, proto):
        raise self.exc
for exc in (TypeError, KeyError):
    try:
        con.execute("select ?", (BadConform(exc),))
    except Exception as e:
        print(type(e).__name__)
con.row_factory = sqlite3.Row
row = con.execute("select 1 as a_1, 2 as b").fetchone()
for k in ["c", 2, -3, 2**1000, complex(), 1.5]:
    try:
        row[k]
    except IndexError as e:
        print("IndexError:", e)
class Factory(sqlite3.Connection):
    pass
print(type(sqlite3.connect(":memory:", 5.0, 0, None, True, Factory)).__name__)

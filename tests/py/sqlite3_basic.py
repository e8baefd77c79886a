# sqlite3: connections, cursors, parameters, fetching, row factories, transactions,
# user functions and aggregates, type adaptation, and SQLite's errors as CPython raises them.
import sqlite3, os, tempfile

print(sqlite3.paramstyle, sqlite3.apilevel, sqlite3.version, sqlite3.threadsafety in (1, 3), sqlite3.sqlite_version_info >= (3, 7, 15))
print(sqlite3.PARSE_DECLTYPES, sqlite3.PARSE_COLNAMES, sqlite3.SQLITE_OK, sqlite3.SQLITE_DENY, sqlite3.SQLITE_IGNORE)
print([c.__name__ for c in sqlite3.IntegrityError.__mro__])
print(issubclass(sqlite3.Warning, Exception), issubclass(sqlite3.InterfaceError, sqlite3.Error), sqlite3.Error.__module__)

con = sqlite3.connect(":memory:")
print(type(con).__name__, con.isolation_level, con.in_transaction, con.total_changes, con.row_factory, con.text_factory)
cur = con.cursor()
print(type(cur).__name__, cur.arraysize, cur.rowcount, cur.lastrowid, cur.description, cur.connection is con)
cur.execute("create table t (id integer primary key, name text unique, score real, data blob)")
print(cur.rowcount, cur.description, con.in_transaction)
cur.execute("insert into t (name, score, data) values (?, ?, ?)", ("ann", 1.5, b"\x00\x01"))
print(cur.rowcount, cur.lastrowid, con.in_transaction)
cur.executemany("insert into t (name, score) values (?, ?)", [("bob", 2), ("cy", None), ("dee", 4.25)])
print(cur.rowcount, cur.lastrowid, con.total_changes)
cur.execute("insert into t (name, score) values (:n, :s)", {"n": "eve", "s": -1})
cur.execute("insert into t (name) values (@n)", {"n": "fay"})
con.commit()
print(con.in_transaction)
cur.execute("select * from t order by id")
print(cur.description)
print(cur.fetchone())
print(cur.fetchmany(2))
print(cur.fetchall())
print(cur.fetchone(), cur.fetchall(), cur.rowcount)
cur.arraysize = 4
print(len(cur.execute("select id from t").fetchmany()))
for row in con.execute("select name, typeof(score), score from t where id > ?", (3,)):
    print(row)
print(con.execute("select count(*), sum(score), avg(score), max(name) from t").fetchone())
print(con.execute("select 1, 2.5, 'x', x'ff00', null, 9223372036854775807, -9223372036854775808").fetchone())
print(con.execute("select ? , ?, ?, ?, ?", (True, 3.0, "é€😀", bytearray(b"ab"), memoryview(b"cd"))).fetchone())

# rollback and isolation levels
con.execute("insert into t (name) values ('tmp')")
print(con.in_transaction, con.execute("select count(*) from t").fetchone())
con.rollback()
print(con.in_transaction, con.execute("select count(*) from t").fetchone())
con.isolation_level = None
con.execute("insert into t (name) values ('auto')")
print(con.in_transaction)
con.isolation_level = "IMMEDIATE"
con.execute("update t set score = 0 where name = 'auto'")
print(con.in_transaction, con.isolation_level)
con.commit()
with con:
    con.execute("insert into t (name) values ('ctx')")
try:
    with con:
        con.execute("insert into t (name) values ('gone')")
        raise ValueError("boom")
except ValueError as e:
    print("ValueError", e)
print(con.execute("select name from t where name in ('ctx', 'gone')").fetchall())

# row factories
con.row_factory = sqlite3.Row
r = con.execute("select id, name as Name, score from t where id = 1").fetchone()
print(type(r).__name__, r[0], r["name"], r["NAME"], r[-1], r[0:2], len(r), r.keys(), list(r), tuple(r))
print(r == con.execute("select id, name as Name, score from t where id = 1").fetchone(), r == (1, "ann", 1.5), "name" in r.keys())
try:
    r["nope"]
except IndexError as e:
    print("IndexError:", e)
try:
    r[5]
except IndexError as e:
    print("IndexError:", e)
con.row_factory = lambda cur, row: {d[0]: v for d, v in zip(cur.description, row)}
print(con.execute("select id, name from t where id = 2").fetchone())
con.row_factory = None
con.text_factory = bytes
print(con.execute("select name from t where id = 1").fetchone())
con.text_factory = str

# user functions and aggregates
con.create_function("double", 1, lambda x: x * 2)
con.create_function("pyconcat", -1, lambda *a: "-".join(map(str, a)))
print(con.execute("select double(21), double(1.25), double('ab'), pyconcat(1, 'b', 2.5, null)").fetchone())
class Median:
    def __init__(self):
        self.v = []
    def step(self, x):
        if x is not None:
            self.v.append(x)
    def finalize(self):
        s = sorted(self.v)
        return s[len(s) // 2] if s else None
con.create_aggregate("median", 1, Median)
print(con.execute("select median(score) from t").fetchone(), con.execute("select median(score) from t where 0").fetchone())
def boom(x):
    raise ValueError("inside")
con.create_function("boom", 1, boom)
try:
    con.execute("select boom(1)").fetchone()
except sqlite3.OperationalError as e:
    print("OperationalError:", e)
con.create_collation("reverse", lambda a, b: (a < b) - (a > b))
print(con.execute("select name from t where id < 5 order by name collate reverse").fetchall())

# adapters and converters
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
sqlite3.register_adapter(Point, lambda p: f"{p.x};{p.y}")
sqlite3.register_converter("point", lambda b: Point(*map(float, b.split(b";"))))
c2 = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES)
c2.execute("create table p (pt point, d date, ts timestamp, n integer)")
import datetime
c2.execute("insert into p values (?, ?, ?, ?)", (Point(1, 2.5), datetime.date(2020, 5, 17), datetime.datetime(2021, 1, 2, 3, 4, 5, 600), 7))
pt, d, ts, n = c2.execute("select pt, d, ts, n from p").fetchone()
print(type(pt).__name__, pt.x, pt.y, repr(d), repr(ts), n)
print(c2.execute('select pt as "p [point]", n as "n [text]" from p').fetchone()[0].y)
print(c2.execute("select d from p").description)

# executescript
con.executescript("""
    create table s (a, b);
    insert into s values (1, 'x');  -- a comment
    insert into s values (2, 'y');
""")
print(con.execute("select * from s").fetchall())

# file databases
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "test.db")
    f = sqlite3.connect(path)
    f.execute("create table k (v)")
    f.executemany("insert into k values (?)", ((i,) for i in range(5)))
    f.commit()
    f.close()
    g = sqlite3.connect(path)
    print(g.execute("select sum(v) from k").fetchone())
    g.close()

def attempt(label, f, *a, **k):
    try:
        r = f(*a, **k)
        print(label, "->", r)
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

attempt("syntax", con.execute, "selec 1")
attempt("no table", con.execute, "select * from nope")
attempt("unique", con.execute, "insert into t (name) values ('ann')")
attempt("notnull", con.executescript, "create table nn (a not null); insert into nn values (null);")
attempt("two stmts", con.execute, "select 1; select 2")
attempt("too few", con.execute, "select ?, ?", (1,))
attempt("too many", con.execute, "select ?", (1, 2))
attempt("missing name", con.execute, "select :a, :b", {"a": 1})
attempt("dict qmark", con.execute, "select ?", {"a": 1})
attempt("bad param type", con.execute, "select ?", ([1],))
attempt("params not seq", con.execute, "select ?", 5)
attempt("sql not str", con.execute, 5)
attempt("big int", con.execute, "select ?", (2**63,))
attempt("executemany select", con.executemany, "select ?", [(1,)])
attempt("isolation bad", setattr, con, "isolation_level", "WRONG")
attempt("isolation type", setattr, con, "isolation_level", 5)
attempt("create_function args", con.create_function, "f", 1)
attempt("connect none", sqlite3.connect)
attempt("cursor closed", lambda: (lambda c: (c.close(), c.execute("select 1")))(con.cursor()))
attempt("empty", lambda: con.execute("").fetchall())
attempt("comment only", lambda: con.execute("-- nothing").description)
con.close()
attempt("closed", con.execute, "select 1")
attempt("closed cursor", con.cursor)
attempt("closed commit", con.commit)
con.close()
print("done")

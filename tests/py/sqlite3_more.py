# sqlite3: subclasses and factories, iterdump, adaptation protocols, text_factory,
# executescript failures, error attributes, Row details, and bad arguments.
import sqlite3

class MyCursor(sqlite3.Cursor):
    def tagged(self):
        return ("tag", self.fetchone())

class MyConn(sqlite3.Connection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.opened = True

con = sqlite3.connect(":memory:", factory=MyConn, isolation_level=None)
print(type(con).__name__, con.opened, con.isolation_level, con.Error is sqlite3.Error, con.IntegrityError is sqlite3.IntegrityError)
cur = con.cursor(MyCursor)
print(type(cur).__name__, cur.execute("select 41 + 1").tagged(), cur.execute("select 1") is cur)
con.executescript("""
    create table a (x integer primary key, y text not null default 'd', z);
    create index ia on a (y);
    insert into a (x, z) values (1, 'one');
    insert into a (y, z) values ('b', x'0102');
    create view v as select y from a;
""")
for line in con.iterdump():
    print(line)
print(sqlite3.complete_statement("select 1;"), sqlite3.complete_statement("select 1"), sqlite3.complete_statement("select ';'"), sqlite3.complete_statement("-- x;\n"))

# row_factory on a cursor, Row details
cur = con.cursor()
cur.row_factory = sqlite3.Row
rows = cur.execute("select x, y as Why from a order by x").fetchall()
print([tuple(r) for r in rows], rows[0].keys(), rows[1]["why"], rows[0] == rows[0], rows[0] != rows[1], hash(rows[0]) == hash(cur.execute("select x, y as Why from a order by x").fetchone()))
print(isinstance(rows[0], sqlite3.Row), len(rows[0]), rows[0][-2], rows[0][::-1])
print(sqlite3.Row(cur, (7, "seven"))["x"])

# adaptation
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __conform__(self, protocol):
        if protocol is sqlite3.PrepareProtocol:
            return "%d.%02d" % divmod(self.cents, 100)
class Plain:
    pass
print(con.execute("select ?", (Money(1234),)).fetchone())
sqlite3.register_adapter(Plain, lambda p: "plain!")
print(con.execute("select ?", (Plain(),)).fetchone(), sqlite3.adapt(Money(5)), sqlite3.adapt(Plain()))
class MyInt(int):
    pass
sqlite3.register_adapter(MyInt, lambda i: "myint %d" % i)
print(con.execute("select ?, ?", (MyInt(3), 3)).fetchone())
print(con.execute("select :a || :b", {"a": "x", "b": "y"}).fetchone(), con.execute("select ?1, ?2, ?1", (5, 6)).fetchone())

# text_factory
con.text_factory = lambda b: b.decode().upper()
print(con.execute("select 'abc', x'41'").fetchone())
con.text_factory = bytes
print(con.execute("select 'é'").fetchone())
con.text_factory = str
try:
    con.execute("select cast(x'ff41' as text) as c").fetchone()
except sqlite3.OperationalError as e:
    print("OperationalError:", e)

# executescript stops at the first error (earlier statements stay done)
try:
    con.executescript("insert into a (z) values ('s1'); insert into nope values (1); insert into a (z) values ('s2');")
except sqlite3.OperationalError as e:
    print("OperationalError:", e)
print(con.execute("select z from a where z like 's%'").fetchall())

# error attributes
try:
    con.execute("insert into a (x) values (1)")
except sqlite3.IntegrityError as e:
    print(e, e.sqlite_errorcode, e.sqlite_errorname)
try:
    con.execute("select * from nope")
except sqlite3.OperationalError as e:
    print(e, e.sqlite_errorcode, e.sqlite_errorname)

# functions and aggregates that fail
con.create_function("badret", 0, lambda: [1])
con.create_function("det", 1, lambda x: x + 1, deterministic=True)
print(con.execute("select det(1)").fetchone())
class BadStep:
    def step(self, x):
        raise ValueError
    def finalize(self):
        return 0
class BadFinal:
    def step(self, x):
        pass
    def finalize(self):
        1 / 0
class BadInit:
    def __init__(self):
        raise ValueError
    def step(self, x):
        pass
    def finalize(self):
        return 0
con.create_aggregate("badstep", 1, BadStep)
con.create_aggregate("badfinal", 1, BadFinal)
con.create_aggregate("badinit", 1, BadInit)
for q in ["select badret()", "select badstep(x) from a", "select badfinal(x) from a", "select badinit(x) from a"]:
    try:
        con.execute(q).fetchall()
    except sqlite3.OperationalError as e:
        print("OperationalError:", e)

# transactions with an explicit BEGIN and isolation_level None
con.execute("begin")
con.execute("insert into a (z) values ('t')")
print(con.in_transaction)
con.rollback()
print(con.in_transaction, con.execute("select count(*) from a where z = 't'").fetchone())
with sqlite3.connect(":memory:") as c3:
    c3.execute("create table q (v)")
    c3.execute("insert into q values (1)")
print(c3.in_transaction, c3.execute("select * from q").fetchall())

def attempt(label, f, *a, **k):
    try:
        r = f(*a, **k)
        print(label, "->", r)
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

attempt("cursor bad factory", con.cursor, lambda c: 5)
attempt("Cursor(int)", sqlite3.Cursor, 5)
attempt("Row(1, 2)", sqlite3.Row, 1, 2)
attempt("fetchmany kw", lambda: con.execute("select 1 union select 2").fetchmany(size=5))
attempt("arraysize str", setattr, cur, "arraysize", "x")
attempt("create_aggregate args", con.create_aggregate, "x")
attempt("create_collation noncallable", con.create_collation, "c", 5)
attempt("create_function name", con.create_function, 5, 1, len)
attempt("executescript int", con.executescript, 5)
attempt("executemany not iterable", con.executemany, "insert into a (z) values (?)", 5)
attempt("executemany ok", lambda: con.executemany("insert into a (z) values (?)", iter([(1,), (2,)])).rowcount)
attempt("register_converter int", sqlite3.register_converter, 5, str)
attempt("connect timeout", sqlite3.connect, ":memory:", timeout="x")
attempt("bad database", sqlite3.connect, 5)
attempt("no dir", sqlite3.connect, "/nonexistent-dir/x.db")
attempt("nul", con.execute, "select 1\0")
attempt("str subclass param", lambda: con.execute("select ?", (type("S", (str,), {})("s"),)).fetchone())
c4 = con.cursor(); c4.close()
attempt("fetch closed", c4.fetchall)
attempt("iter closed", list, c4)
con.close()
attempt("closed isolation", getattr, con, "isolation_level")
attempt("closed in_transaction", getattr, con, "in_transaction")
attempt("closed total_changes", getattr, con, "total_changes")
attempt("closed create_function", con.create_function, "f", 1, len)
attempt("closed iterdump", con.iterdump)

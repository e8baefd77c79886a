# sqlite3: Connection.backup with pages and a progress callback, and its argument errors.
import sqlite3

src = sqlite3.connect(":memory:")
src.execute("create table foo (key integer)")
src.executemany("insert into foo values (?)", [(i,) for i in range(300)])
src.execute("create table big (b)")
src.executemany("insert into big values (?)", [(b"x" * 2000,) for _ in range(20)])
src.commit()
journal = []
with sqlite3.connect(":memory:") as dst:
    src.backup(dst, pages=3, progress=lambda status, remaining, total: journal.append((status, remaining, total)))
    print(dst.execute("select count(*), sum(key) from foo").fetchone(), dst.execute("select count(*) from big").fetchone())
print(len(journal) > 2, journal[-1][0] == sqlite3.SQLITE_DONE, journal[-1][1], all(t == journal[0][2] for _, _, t in journal))
with sqlite3.connect(":memory:") as dst:
    src.backup(dst)
    print(dst.execute("select count(*) from foo").fetchone())

def attempt(label, f, *a, **k):
    try:
        r = f(*a, **k)
        print(label, "->", r)
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

attempt("none", src.backup, None)
attempt("same", src.backup, src)
attempt("not callable", src.backup, sqlite3.connect(":memory:"), progress="bar")
attempt("unknown db", src.backup, sqlite3.connect(":memory:"), name="nope")
def failing(*a):
    raise RuntimeError("out of space")
attempt("failing progress", src.backup, sqlite3.connect(":memory:"), progress=failing)
closed = sqlite3.connect(":memory:")
closed.close()
attempt("closed target", src.backup, closed)

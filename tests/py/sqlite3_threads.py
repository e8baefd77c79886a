# sqlite3's check_same_thread: a connection (and its cursors) used from another thread than
# the one that opened it raises ProgrammingError naming both thread ids, except for the
# getters any thread may read; check_same_thread=False lifts the check.
import re
import sqlite3
import threading

con = sqlite3.connect(":memory:")
con.execute("create table t(x)")
con.execute("insert into t values (1)")
cur = con.cursor()
free = sqlite3.connect(":memory:", check_same_thread=False)
free.execute("create table u(y)")
out = []
main_id = threading.get_ident()


def attempt(name, f):
    try:
        r = f()
        out.append((name, "ok", r))
    except sqlite3.ProgrammingError as e:
        msg = str(e)
        ids = [int(n) for n in re.findall(r"thread id (\d+)", msg)]
        out.append((name, re.sub(r"\d+", "N", msg), ids[0] == main_id, ids[1] == threading.get_ident()))


def work():
    attempt("execute", lambda: con.execute("select 1"))
    attempt("cursor.execute", lambda: cur.execute("select x from t"))
    attempt("cursor()", con.cursor)
    attempt("commit", con.commit)
    attempt("rollback", con.rollback)
    attempt("close", con.close)
    attempt("total_changes", lambda: con.total_changes)
    attempt("in_transaction", lambda: con.in_transaction)
    attempt("isolation_level", lambda: con.isolation_level)
    attempt("free", lambda: free.execute("insert into u values (2)").rowcount)


t = threading.Thread(target=work)
t.start()
t.join()
for o in out:
    print(o)
print(con.execute("select x from t").fetchall(), free.execute("select y from u").fetchall())
con.close()

import subprocess, sys, os
r = subprocess.run(["echo", "hello"], capture_output=True)
print(r.returncode, r.stdout, r.stderr)
r = subprocess.run("echo out; echo err >&2; exit 3", shell=True, capture_output=True, text=True)
print(r.returncode, repr(r.stdout), repr(r.stderr))
print(subprocess.check_output(["tr", "a-z", "A-Z"], input=b"abc"))
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, _ = p.communicate(b"x" * 100000)
print(len(out), p.returncode)
try:
    subprocess.run(["/nonexistent/prog"])
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.filename)
try:
    subprocess.check_call(["false"])
except subprocess.CalledProcessError as e:
    print("CalledProcessError", e.returncode)
print(subprocess.run(["pwd"], cwd="/tmp", capture_output=True).stdout)
try:
    subprocess.run(["pwd"], cwd="/nonexistent")
except FileNotFoundError as e:
    print("cwd", e.filename)
print(subprocess.run(["sh", "-c", "echo $FOO"], env={"FOO": "bar"}, capture_output=True).stdout)
print(subprocess.getoutput("echo hi; exit 2"), subprocess.getstatusoutput("exit 2"))
try:
    subprocess.run(["sleep", "5"], timeout=0.3)
except subprocess.TimeoutExpired as e:
    print("timeout", round(e.timeout, 1))
print(subprocess.run([sys.executable, "-c", "import sys; print(sys.argv[1:])", "a", "b"], capture_output=True, text=True).stdout)

# select and fcntl under it
import select, fcntl, selectors
r, w = os.pipe()
print(select.select([r], [w], [], 0)[1] == [w], select.select([r], [], [], 0))
os.write(w, b"ping")
p = select.poll()
p.register(r, select.POLLIN)
print(p.poll(100) == [(r, select.POLLIN)], os.read(r, 10))
p.unregister(r)
try:
    p.unregister(r)
except KeyError as e:
    print("KeyError", e.args[0] == r)
print(fcntl.fcntl(r, fcntl.F_GETFD) & fcntl.FD_CLOEXEC, os.get_inheritable(r))
fcntl.fcntl(r, fcntl.F_SETFD, 0)
print(os.get_inheritable(r))
fl = fcntl.fcntl(w, fcntl.F_GETFL)
fcntl.fcntl(w, fcntl.F_SETFL, fl | os.O_NONBLOCK)
print(bool(fcntl.fcntl(w, fcntl.F_GETFL) & os.O_NONBLOCK), os.get_blocking(w))
with selectors.DefaultSelector() as sel:
    sel.register(w, selectors.EVENT_WRITE, data="w")
    print([(k.data, ev) for k, ev in sel.select(0)])
for bad in [lambda: select.select([r], [], [], -1), lambda: select.select([-1], [], []), lambda: select.select([r], [], [], "x"),
            lambda: fcntl.fcntl("x", 1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
os.close(r); os.close(w)

import socket
a, b = socket.socketpair()
print(a.family, a.type, a.gettimeout())
a.sendall(b"hello")
print(b.recv(10))
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen()
port = srv.getsockname()[1]
c = socket.create_connection(("127.0.0.1", port))
conn, addr = srv.accept()
c.sendall(b"x" * 1000)
got = b""
while len(got) < 1000:
    got += conn.recv(4096)
print(len(got), addr[0], conn.getpeername()[0])
conn.settimeout(0.2)
try:
    conn.recv(10)
except TimeoutError as e:
    print("timeout", e)
for s in (a, b, srv, c, conn):
    s.close()
print(socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM)[0][4], socket.inet_aton("1.2.3.4"), socket.htons(1))
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.bind(("127.0.0.1", 0))
u.sendto(b"dg", u.getsockname())
print(u.recvfrom(10)[0])
u.close()
with socket.socket() as s:
    print(s.family, s.type, s.fileno() >= 0)
print(s.fileno())
for bad in [lambda: socket.socket().bind(("127.0.0.1", 70000)), lambda: socket.socket().connect("x"),
            lambda: socket.inet_ntop(socket.AF_INET, b"12"), lambda: socket.htons(-1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
try:
    socket.getaddrinfo("no-such-host.invalid", 80)
except socket.gaierror as e:
    print("gaierror", isinstance(e, OSError))
print(socket.inet_pton(socket.AF_INET6, "::1"), socket.inet_ntop(socket.AF_INET6, b"\0" * 15 + b"\1"), socket.ntohl(1), socket.getdefaulttimeout())

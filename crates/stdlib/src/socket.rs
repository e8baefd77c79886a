//! `_socket`, the basics: the socket class over libc sockets (IPv4, IPv6 and Unix stream
//! and datagram sockets; blocking, non-blocking and timeouts), socketpair, getaddrinfo,
//! gethostname, byte-order and address conversions, and the common constants; what socket.py,
//! asyncio's event loop, http.client and email need; sendmsg/recvmsg with ancillary data
//! (descriptors passed by SCM_RIGHTS: multiprocessing's forkserver).
#![allow(unsafe_code)]

use std::ffi::{CStr, CString};
use std::net::{Ipv4Addr, Ipv6Addr};

use crate::class_slot;
use crate::fcntl::fd_of;
use crate::util::*;

class_slot!(SOCKET);
class_slot!(GAIERROR);

pyjit_vm::gil_local! {
    static DEFAULT_TIMEOUT: std::cell::Cell<f64> = const { std::cell::Cell::new(-1.0) };
}

struct Sock {
    fd: i32,
    family: i32,
    kind: i32,
    proto: i32,
    /// Seconds; negative: blocking without limit (None).
    timeout: f64,
}
impl NativeData for Sock {
    fn trace(&self, _t: &mut Tracer) {}
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO)
}

fn os_err(vm: &mut Vm, code: i32) -> PyErr {
    let e = std::io::Error::from_raw_os_error(code);
    pyjit_vm::modules::io::os_error(vm, &e, None)
}

fn state(vm: &mut Vm, s: Value) -> PyResult<(i32, i32, i32, i32, f64)> {
    with_state(vm, s, "_socket.socket", |k: &mut Sock| (k.fd, k.family, k.kind, k.proto, k.timeout))
}

fn set_nonblocking(fd: i32, on: bool) {
    // SAFETY: fcntl on an integer descriptor with integer arguments.
    unsafe {
        let f = libc::fcntl(fd, libc::F_GETFL);
        if f >= 0 {
            let nf = if on { f | libc::O_NONBLOCK } else { f & !libc::O_NONBLOCK };
            libc::fcntl(fd, libc::F_SETFL, nf);
        }
    }
}

/// Waits until `fd` is ready when the socket has a timeout; TimeoutError when it passes.
fn wait_ready(vm: &mut Vm, fd: i32, timeout: f64, writing: bool) -> PyResult<()> {
    if timeout <= 0.0 {
        return Ok(());
    }
    let mut p = libc::pollfd { fd, events: if writing { libc::POLLOUT } else { libc::POLLIN }, revents: 0 };
    let ms = (timeout * 1000.0).ceil().min(i32::MAX as f64) as i32;
    loop {
        // SAFETY: p is a live pollfd for the call.
        let (r, e) = pyjit_vm::threads::allow_threads(vm, || (unsafe { libc::poll(&mut p, 1, ms) }, errno()));
        if r > 0 {
            return Ok(());
        }
        if r == 0 {
            let t = vm.types.os_error;
            let te = vm.dict_get_by_str(vm.builtins_dict, "TimeoutError").unwrap_or(t);
            return Err(vm.err(te, "timed out"));
        }
        if e != libc::EINTR {
            return Err(os_err(vm, e));
        }
    }
}

/// A socket address in C form.
struct Addr {
    buf: libc::sockaddr_storage,
    len: libc::socklen_t,
}

fn empty_addr() -> Addr {
    // SAFETY: an all-zero sockaddr_storage is valid.
    Addr { buf: unsafe { std::mem::zeroed() }, len: std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t }
}

fn resolve_host(vm: &mut Vm, host: &str, family: i32) -> PyResult<std::net::IpAddr> {
    match host {
        "" => return Ok(if family == libc::AF_INET6 { Ipv6Addr::UNSPECIFIED.into() } else { Ipv4Addr::UNSPECIFIED.into() }),
        "<broadcast>" => return Ok(Ipv4Addr::BROADCAST.into()),
        _ => {}
    }
    if let Ok(ip) = host.parse::<std::net::IpAddr>() {
        return Ok(ip);
    }
    let list = getaddrinfo_raw(vm, Some(host), None, family, 0, 0, 0)?;
    match list.into_iter().next() {
        Some((_, _, _, _, a)) => match sockaddr_ip(&a) {
            Some((ip, _)) => Ok(ip),
            None => Err(gai_err(vm, libc::EAI_NONAME)),
        },
        None => Err(gai_err(vm, libc::EAI_NONAME)),
    }
}

fn sockaddr_ip(a: &Addr) -> Option<(std::net::IpAddr, u16)> {
    match a.buf.ss_family as i32 {
        libc::AF_INET => {
            // SAFETY: the family says the storage holds a sockaddr_in.
            let s: &libc::sockaddr_in = unsafe { &*(&a.buf as *const _ as *const libc::sockaddr_in) };
            Some((Ipv4Addr::from(u32::from_be(s.sin_addr.s_addr)).into(), u16::from_be(s.sin_port)))
        }
        libc::AF_INET6 => {
            // SAFETY: the family says the storage holds a sockaddr_in6.
            let s: &libc::sockaddr_in6 = unsafe { &*(&a.buf as *const _ as *const libc::sockaddr_in6) };
            Some((Ipv6Addr::from(s.sin6_addr.s6_addr).into(), u16::from_be(s.sin6_port)))
        }
        _ => None,
    }
}

fn port_of(vm: &mut Vm, v: Value, what: &str) -> PyResult<u16> {
    if !vm.is_int(v) {
        let tn = tname(vm, v);
        return Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")));
    }
    let p = c_long(vm, v)?;
    if !(0..=65535).contains(&p) {
        let t = vm.types.overflow_error;
        return Err(vm.err(t, &format!("{what}(): port must be 0-65535.")));
    }
    Ok(p as u16)
}

/// The C address for a Python address of `family`.
fn to_addr(vm: &mut Vm, family: i32, v: Value, what: &str) -> PyResult<Addr> {
    let mut a = empty_addr();
    match family {
        libc::AF_UNIX => {
            let path = match with_buffer(vm, v, |b| b.to_vec())? {
                Some(b) => b,
                None if is_str(v) => vm.str_of(v).into_bytes(),
                None => {
                    let tn = tname(vm, v);
                    return Err(vm.type_error(&format!("{what}(): AF_UNIX address must be str or bytes, not {tn}")));
                }
            };
            // SAFETY: the storage is large enough for a sockaddr_un, which is filled here.
            let s: &mut libc::sockaddr_un = unsafe { &mut *(&mut a.buf as *mut _ as *mut libc::sockaddr_un) };
            if path.len() >= s.sun_path.len() {
                return Err(vm.os_error_msg("AF_UNIX path too long"));
            }
            s.sun_family = libc::AF_UNIX as libc::sa_family_t;
            for (i, b) in path.iter().enumerate() {
                s.sun_path[i] = *b as libc::c_char;
            }
            a.len = (std::mem::size_of::<libc::sa_family_t>() + path.len() + usize::from(path.first() != Some(&0))) as libc::socklen_t;
        }
        libc::AF_INET | libc::AF_INET6 => {
            let items = match v.get::<TupleObj>() {
                Some(t) => t.items.to_vec(),
                None => {
                    let fam = if family == libc::AF_INET { "AF_INET" } else { "AF_INET6" };
                    let tn = tname(vm, v);
                    return Err(vm.type_error(&format!("{what}(): {fam} address must be tuple, not {tn}")));
                }
            };
            let want = if family == libc::AF_INET { 2..=2 } else { 2..=4 };
            if !want.contains(&items.len()) || !is_str(items[0]) {
                return Err(vm.type_error(&format!("{what}(): AF_INET address must be a pair (host, port)")));
            }
            let host = vm.str_of(items[0]);
            let port = port_of(vm, items[1], what)?;
            let ip = resolve_host(vm, &host, family)?;
            match (family, ip) {
                (libc::AF_INET, std::net::IpAddr::V4(ip4)) => {
                    // SAFETY: the storage holds a sockaddr_in, filled here.
                    let s: &mut libc::sockaddr_in = unsafe { &mut *(&mut a.buf as *mut _ as *mut libc::sockaddr_in) };
                    s.sin_family = libc::AF_INET as libc::sa_family_t;
                    s.sin_port = port.to_be();
                    s.sin_addr.s_addr = u32::from(ip4).to_be();
                    a.len = std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t;
                }
                (libc::AF_INET6, ip) => {
                    let ip6 = match ip {
                        std::net::IpAddr::V6(x) => x,
                        std::net::IpAddr::V4(x) => x.to_ipv6_mapped(),
                    };
                    // SAFETY: the storage holds a sockaddr_in6, filled here.
                    let s: &mut libc::sockaddr_in6 = unsafe { &mut *(&mut a.buf as *mut _ as *mut libc::sockaddr_in6) };
                    s.sin6_family = libc::AF_INET6 as libc::sa_family_t;
                    s.sin6_port = port.to_be();
                    s.sin6_addr.s6_addr = ip6.octets();
                    if let Some(&f) = items.get(2) {
                        s.sin6_flowinfo = c_long(vm, f)? as u32;
                    }
                    if let Some(&sc) = items.get(3) {
                        s.sin6_scope_id = c_long(vm, sc)? as u32;
                    }
                    a.len = std::mem::size_of::<libc::sockaddr_in6>() as libc::socklen_t;
                }
                _ => return Err(gai_err(vm, libc::EAI_FAMILY)),
            }
        }
        _ => return Err(vm.os_error_msg("getsockaddrarg: bad family")),
    }
    Ok(a)
}

/// The Python form of a C address.
fn from_addr(vm: &mut Vm, a: &Addr) -> Value {
    if a.len == 0 {
        return vm.none;
    }
    match a.buf.ss_family as i32 {
        libc::AF_UNIX => {
            // SAFETY: the family says the storage holds a sockaddr_un.
            let s: &libc::sockaddr_un = unsafe { &*(&a.buf as *const _ as *const libc::sockaddr_un) };
            let n = (a.len as usize).saturating_sub(std::mem::size_of::<libc::sa_family_t>()).min(s.sun_path.len());
            let bytes: Vec<u8> = s.sun_path[..n].iter().map(|c| *c as u8).collect();
            if bytes.first() == Some(&0) {
                return vm.new_bytes(bytes);
            }
            let end = bytes.iter().position(|b| *b == 0).unwrap_or(bytes.len());
            vm.new_string(String::from_utf8_lossy(&bytes[..end]).into_owned())
        }
        libc::AF_INET => {
            let (ip, port) = sockaddr_ip(a).unwrap_or((Ipv4Addr::UNSPECIFIED.into(), 0));
            let h = vm.new_string(ip.to_string());
            let p = vm.new_int(port as i64);
            vm.new_tuple(vec![h, p])
        }
        libc::AF_INET6 => {
            // SAFETY: the family says the storage holds a sockaddr_in6.
            let s: &libc::sockaddr_in6 = unsafe { &*(&a.buf as *const _ as *const libc::sockaddr_in6) };
            let h = vm.new_string(Ipv6Addr::from(s.sin6_addr.s6_addr).to_string());
            let items = vec![h, vm.new_int(u16::from_be(s.sin6_port) as i64), vm.new_int(s.sin6_flowinfo as i64), vm.new_int(s.sin6_scope_id as i64)];
            vm.new_tuple(items)
        }
        _ => vm.none,
    }
}

trait OsErrMsg {
    fn os_error_msg(&mut self, msg: &str) -> PyErr;
}
impl OsErrMsg for Vm {
    fn os_error_msg(&mut self, msg: &str) -> PyErr {
        let t = self.types.os_error;
        self.err(t, msg)
    }
}

fn gai_err(vm: &mut Vm, code: i32) -> PyErr {
    // SAFETY: gai_strerror returns a static NUL-terminated message.
    let msg = unsafe { CStr::from_ptr(libc::gai_strerror(code)) }.to_string_lossy().into_owned();
    let t = GAIERROR.with(|c| c.get());
    let c = vm.new_int(code as i64);
    let m = vm.new_string(msg);
    match vm.call(t, &[c, m]) {
        Ok(e) => PyErr(e),
        Err(e) => e,
    }
}

type AddrInfo = (i32, i32, i32, String, Addr);

fn getaddrinfo_raw(vm: &mut Vm, host: Option<&str>, port: Option<&str>, family: i32, kind: i32, proto: i32, flags: i32) -> PyResult<Vec<AddrInfo>> {
    let h = host.map(|h| CString::new(h).map_err(|_| vm.value_error("embedded null character"))).transpose()?;
    let p = port.map(|p| CString::new(p).map_err(|_| vm.value_error("embedded null character"))).transpose()?;
    // SAFETY: an all-zero addrinfo is a valid hints value; the fields are set below.
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    hints.ai_family = family;
    hints.ai_socktype = kind;
    hints.ai_protocol = proto;
    hints.ai_flags = flags;
    let mut res: *mut libc::addrinfo = std::ptr::null_mut();
    // SAFETY: the strings and hints outlive the call; res receives a list freed below.
    let r = unsafe { libc::getaddrinfo(h.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()), p.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()), &hints, &mut res) };
    if r != 0 {
        if r == libc::EAI_SYSTEM {
            return Err(os_err(vm, errno()));
        }
        return Err(gai_err(vm, r));
    }
    let mut out = Vec::new();
    let mut cur = res;
    while !cur.is_null() {
        // SAFETY: cur points into the list getaddrinfo returned, not yet freed.
        let ai = unsafe { &*cur };
        let mut a = empty_addr();
        let n = (ai.ai_addrlen as usize).min(std::mem::size_of::<libc::sockaddr_storage>());
        // SAFETY: ai_addr points to ai_addrlen bytes; at most the storage's size is copied.
        unsafe { std::ptr::copy_nonoverlapping(ai.ai_addr as *const u8, &mut a.buf as *mut _ as *mut u8, n) };
        a.len = n as libc::socklen_t;
        let canon = if ai.ai_canonname.is_null() {
            String::new()
        } else {
            // SAFETY: a NUL-terminated name from getaddrinfo.
            unsafe { CStr::from_ptr(ai.ai_canonname) }.to_string_lossy().into_owned()
        };
        out.push((ai.ai_family, ai.ai_socktype, ai.ai_protocol, canon, a));
        cur = ai.ai_next;
    }
    // SAFETY: res is the list getaddrinfo returned.
    unsafe { libc::freeaddrinfo(res) };
    Ok(out)
}

fn opt_str(vm: &mut Vm, v: Value, what: &str) -> PyResult<Option<String>> {
    if is_none(vm, v) {
        return Ok(None);
    }
    if is_str(v) {
        return Ok(Some(vm.str_of(v)));
    }
    if let Some(b) = with_buffer(vm, v, |b| b.to_vec())? {
        return Ok(Some(String::from_utf8_lossy(&b).into_owned()));
    }
    if vm.is_int(v) && what == "port" {
        let i = c_long(vm, v)?;
        return Ok(Some(i.to_string()));
    }
    Err(vm.os_error_msg(if what == "port" { "Int or String expected" } else { "getaddrinfo() argument 1 must be string or None" }))
}

fn getaddrinfo(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = parse(vm, a, kw, "getaddrinfo", &["host", "port", "family", "type", "proto", "flags"], &[], 2)?;
    let none = vm.none;
    let host = opt_str(vm, v[0].unwrap_or(none), "host")?;
    let port = opt_str(vm, v[1].unwrap_or(none), "port")?;
    let mut ints = [0i32; 4];
    for (i, slot) in ints.iter_mut().enumerate() {
        if let Some(x) = v[2 + i] {
            *slot = c_int(vm, x)?;
        }
    }
    let list = getaddrinfo_raw(vm, host.as_deref(), port.as_deref(), ints[0], ints[1], ints[2], ints[3])?;
    let mut out = Vec::new();
    for (f, t, p, canon, addr) in list {
        let items = vec![vm.new_int(f as i64), vm.new_int(t as i64), vm.new_int(p as i64), vm.new_string(canon), from_addr(vm, &addr)];
        out.push(vm.new_tuple(items));
    }
    Ok(vm.new_list(out))
}

fn gethostname(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "gethostname")?;
    let mut buf = [0u8; 256];
    // SAFETY: buf is a live 256-byte buffer.
    if unsafe { libc::gethostname(buf.as_mut_ptr() as *mut libc::c_char, buf.len()) } < 0 {
        return Err(os_err(vm, errno()));
    }
    let end = buf.iter().position(|b| *b == 0).unwrap_or(buf.len());
    Ok(vm.new_string(String::from_utf8_lossy(&buf[..end]).into_owned()))
}

fn gethostbyname(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let h = onearg_fn(vm, a, kw, "gethostbyname")?;
    let host = vm.str_of(h);
    let ip = resolve_host(vm, &host, libc::AF_INET)?;
    Ok(vm.new_string(ip.to_string()))
}

fn new_sock(vm: &mut Vm, cls: Value, fd: i32, family: i32, kind: i32, proto: i32) -> Value {
    let timeout = DEFAULT_TIMEOUT.with(|d| d.get());
    if timeout >= 0.0 && fd >= 0 {
        set_nonblocking(fd, true);
    }
    new_native(vm, cls, Sock { fd, family, kind, proto, timeout })
}

fn sock_new(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let cls = a.first().copied().unwrap_or(vm.none);
    Ok(new_native(vm, cls, Sock { fd: -1, family: libc::AF_INET, kind: libc::SOCK_STREAM, proto: 0, timeout: -1.0 }))
}

fn getsockopt_int(fd: i32, level: i32, opt: i32) -> Option<i32> {
    let mut v: libc::c_int = 0;
    let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: v and len are live for the call.
    let r = unsafe { libc::getsockopt(fd, level, opt, &mut v as *mut _ as *mut libc::c_void, &mut len) };
    (r == 0).then_some(v)
}

fn sock_init(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = parse(vm, &a[1..], kw, "socket", &["family", "type", "proto", "fileno"], &[], 0)?;
    let none = vm.none;
    let get = |vm: &mut Vm, i: usize| -> PyResult<i32> {
        match v[i] {
            Some(x) if x != none => c_int(vm, x),
            _ => Ok(-1),
        }
    };
    let (mut family, mut kind, mut proto) = (get(vm, 0)?, get(vm, 1)?, get(vm, 2)?);
    let fd = match v[3] {
        Some(f) if f != none => {
            let fd = fd_of(vm, f)?;
            if family == -1 {
                family = getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_DOMAIN).ok_or_else(|| os_err(vm, errno()))?;
            }
            if kind == -1 {
                kind = getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_TYPE).unwrap_or(libc::SOCK_STREAM);
            }
            if proto == -1 {
                proto = getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_PROTOCOL).unwrap_or(0);
            }
            fd
        }
        _ => {
            if family == -1 {
                family = libc::AF_INET;
            }
            if kind == -1 {
                kind = libc::SOCK_STREAM;
            }
            if proto == -1 {
                proto = 0;
            }
            // SAFETY: socket() takes plain integers.
            let fd = unsafe { libc::socket(family, kind | libc::SOCK_CLOEXEC, proto) };
            if fd < 0 {
                return Err(os_err(vm, errno()));
            }
            fd
        }
    };
    let timeout = DEFAULT_TIMEOUT.with(|d| d.get());
    if kind & libc::SOCK_NONBLOCK != 0 {
        set_nonblocking(fd, true);
    } else if timeout >= 0.0 {
        set_nonblocking(fd, true);
    }
    let t = if kind & libc::SOCK_NONBLOCK != 0 { 0.0 } else { timeout };
    with_state(vm, a[0], "_socket.socket", |s: &mut Sock| {
        s.fd = fd;
        s.family = family;
        s.kind = kind & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC);
        s.proto = proto;
        s.timeout = t;
    })?;
    Ok(vm.none)
}

fn sock_fileno(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let (fd, ..) = state(vm, a[0])?;
    Ok(vm.new_int(fd as i64))
}

fn sock_close(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let fd = with_state(vm, a[0], "_socket.socket", |s: &mut Sock| std::mem::replace(&mut s.fd, -1))?;
    // SAFETY: closing the descriptor this socket owned.
    if fd >= 0 && unsafe { libc::close(fd) } < 0 && errno() != libc::ECONNRESET {
        return Err(os_err(vm, errno()));
    }
    Ok(vm.none)
}

fn sock_detach(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let fd = with_state(vm, a[0], "_socket.socket", |s: &mut Sock| std::mem::replace(&mut s.fd, -1))?;
    Ok(vm.new_int(fd as i64))
}

fn check_open(vm: &mut Vm, fd: i32) -> PyResult<()> {
    if fd < 0 {
        return Err(os_err(vm, libc::EBADF));
    }
    Ok(())
}

fn sock_bind(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    check_pos(vm, a, Value::NULL, "bind", 2, 2)?;
    let (fd, family, ..) = state(vm, a[0])?;
    let addr = to_addr(vm, family, a[1], "bind")?;
    // SAFETY: addr holds addr.len valid bytes.
    if unsafe { libc::bind(fd, &addr.buf as *const _ as *const libc::sockaddr, addr.len) } < 0 {
        return Err(os_err(vm, errno()));
    }
    Ok(vm.none)
}

fn sock_listen(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let (fd, ..) = state(vm, a[0])?;
    let backlog = match a.get(1) {
        Some(&b) => c_int(vm, b)?.max(0),
        None => 128.min(libc::SOMAXCONN),
    };
    // SAFETY: listen takes plain integers.
    if unsafe { libc::listen(fd, backlog) } < 0 {
        return Err(os_err(vm, errno()));
    }
    Ok(vm.none)
}

fn sock_accept(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let (fd, _, _, _, timeout) = state(vm, a[0])?;
    check_open(vm, fd)?;
    loop {
        wait_ready(vm, fd, timeout, false)?;
        let mut addr = empty_addr();
        // SAFETY: addr's storage and length are live for the call.
        let (nfd, e) = pyjit_vm::threads::allow_threads(vm, || (unsafe { libc::accept4(fd, &mut addr.buf as *mut _ as *mut libc::sockaddr, &mut addr.len, libc::SOCK_CLOEXEC) }, errno()));
        if nfd >= 0 {
            let n = vm.new_int(nfd as i64);
            let ad = from_addr(vm, &addr);
            return Ok(vm.new_tuple(vec![n, ad]));
        }
        if e != libc::EINTR {
            return Err(os_err(vm, e));
        }
    }
}

fn connect_common(vm: &mut Vm, a: &[Value], raise: bool) -> PyResult<i32> {
    check_pos(vm, a, Value::NULL, "connect", 2, 2)?;
    let (fd, family, _, _, timeout) = state(vm, a[0])?;
    let addr = to_addr(vm, family, a[1], "connect")?;
    // SAFETY: addr holds addr.len valid bytes.
    let (r, e) = pyjit_vm::threads::allow_threads(vm, || (unsafe { libc::connect(fd, &addr.buf as *const _ as *const libc::sockaddr, addr.len) }, errno()));
    let mut code = if r < 0 { e } else { 0 };
    if code == libc::EINPROGRESS && timeout > 0.0 {
        wait_ready(vm, fd, timeout, true)?;
        code = getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_ERROR).unwrap_or(0);
    }
    if code != 0 && raise {
        return Err(os_err(vm, code));
    }
    Ok(code)
}

fn sock_connect(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    connect_common(vm, a, true)?;
    Ok(vm.none)
}

fn sock_connect_ex(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let c = connect_common(vm, a, false)?;
    Ok(vm.new_int(c as i64))
}

fn flags_at(vm: &mut Vm, a: &[Value], i: usize) -> PyResult<i32> {
    a.get(i).map(|f| c_int(vm, *f)).transpose().map(|f| f.unwrap_or(0))
}

fn send_some(vm: &mut Vm, fd: i32, timeout: f64, data: &[u8], flags: i32, to: Option<&Addr>) -> PyResult<usize> {
    loop {
        wait_ready(vm, fd, timeout, true)?;
        let (r, e) = pyjit_vm::threads::allow_threads(vm, || {
            // SAFETY: data is a live slice; the address, if any, holds len valid bytes.
            let r = unsafe {
                match to {
                    Some(ad) => libc::sendto(fd, data.as_ptr() as *const libc::c_void, data.len(), flags | libc::MSG_NOSIGNAL, &ad.buf as *const _ as *const libc::sockaddr, ad.len),
                    None => libc::send(fd, data.as_ptr() as *const libc::c_void, data.len(), flags | libc::MSG_NOSIGNAL),
                }
            };
            (r, errno())
        });
        if r >= 0 {
            return Ok(r as usize);
        }
        if e != libc::EINTR {
            return Err(os_err(vm, e));
        }
    }
}

fn sock_send(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    check_pos(vm, a, Value::NULL, "send", 2, 3)?;
    let (fd, _, _, _, timeout) = state(vm, a[0])?;
    let data = bytes_like(vm, a[1])?;
    let flags = flags_at(vm, a, 2)?;
    let n = send_some(vm, fd, timeout, &data, flags, None)?;
    Ok(vm.new_int(n as i64))
}

fn sock_sendall(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    check_pos(vm, a, Value::NULL, "sendall", 2, 3)?;
    let (fd, _, _, _, timeout) = state(vm, a[0])?;
    let data = bytes_like(vm, a[1])?;
    let flags = flags_at(vm, a, 2)?;
    let mut off = 0;
    while off < data.len() {
        off += send_some(vm, fd, timeout, &data[off..], flags, None)?;
    }
    Ok(vm.none)
}

fn sock_sendto(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    check_pos(vm, a, Value::NULL, "sendto", 3, 4)?;
    let (fd, family, _, _, timeout) = state(vm, a[0])?;
    let data = bytes_like(vm, a[1])?;
    let (flags, addr) = if a.len() == 4 { (c_int(vm, a[2])?, a[3]) } else { (0, a[2]) };
    let ad = to_addr(vm, family, addr, "sendto")?;
    let n = send_some(vm, fd, timeout, &data, flags, Some(&ad))?;
    Ok(vm.new_int(n as i64))
}

fn recv_some(vm: &mut Vm, fd: i32, timeout: f64, buf: &mut [u8], flags: i32, from: Option<&mut Addr>) -> PyResult<usize> {
    let mut from = from;
    loop {
        wait_ready(vm, fd, timeout, false)?;
        let (r, e) = pyjit_vm::threads::allow_threads(vm, || {
            // SAFETY: buf is a live mutable slice; the address storage, if any, is live.
            let r = unsafe {
                match from.as_deref_mut() {
                    Some(ad) => libc::recvfrom(fd, buf.as_mut_ptr() as *mut libc::c_void, buf.len(), flags, &mut ad.buf as *mut _ as *mut libc::sockaddr, &mut ad.len),
                    None => libc::recv(fd, buf.as_mut_ptr() as *mut libc::c_void, buf.len(), flags),
                }
            };
            (r, errno())
        });
        if r >= 0 {
            return Ok(r as usize);
        }
        if e != libc::EINTR {
            return Err(os_err(vm, e));
        }
    }
}

fn bufsize(vm: &mut Vm, v: Value, what: &str) -> PyResult<usize> {
    let n = c_long(vm, v)?;
    if n < 0 {
        return Err(vm.value_error(&format!("negative buffersize in {what}")));
    }
    Ok(n as usize)
}

fn sock_recv(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    check_pos(vm, a, Value::NULL, "recv", 2, 3)?;
    let (fd, _, _, _, timeout) = state(vm, a[0])?;
    let n = bufsize(vm, a[1], "recv")?;
    let flags = flags_at(vm, a, 2)?;
    let mut buf = vec![0u8; n];
    let got = recv_some(vm, fd, timeout, &mut buf, flags, None)?;
    buf.truncate(got);
    Ok(vm.new_bytes(buf))
}

fn sock_recvfrom(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    check_pos(vm, a, Value::NULL, "recvfrom", 2, 3)?;
    let (fd, _, _, _, timeout) = state(vm, a[0])?;
    let n = bufsize(vm, a[1], "recvfrom")?;
    let flags = flags_at(vm, a, 2)?;
    let mut buf = vec![0u8; n];
    let mut ad = empty_addr();
    let got = recv_some(vm, fd, timeout, &mut buf, flags, Some(&mut ad))?;
    buf.truncate(got);
    let b = vm.new_bytes(buf);
    let addr = from_addr(vm, &ad);
    Ok(vm.new_tuple(vec![b, addr]))
}

fn sock_recv_into(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    check_pos(vm, a, Value::NULL, "recv_into", 2, 4)?;
    let (fd, _, _, _, timeout) = state(vm, a[0])?;
    let cap = with_buffer(vm, a[1], |b| b.len())?.unwrap_or(0);
    let want = match a.get(2) {
        Some(&n) => match bufsize(vm, n, "recv_into")? {
            0 => cap,
            k if k > cap => return Err(vm.value_error("buffer too small for requested bytes")),
            k => k,
        },
        None => cap,
    };
    let flags = flags_at(vm, a, 3)?;
    let mut buf = vec![0u8; want];
    let got = recv_some(vm, fd, timeout, &mut buf, flags, None)?;
    with_buffer_mut(vm, a[1], |dst| dst[..got].copy_from_slice(&buf[..got]))?;
    Ok(vm.new_int(got as i64))
}

fn sock_setsockopt(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    check_pos(vm, a, Value::NULL, "setsockopt", 4, 4)?;
    let (fd, ..) = state(vm, a[0])?;
    let (level, opt) = (c_int(vm, a[1])?, c_int(vm, a[2])?);
    let data: Vec<u8> = if vm.is_int(a[3]) {
        c_int(vm, a[3])?.to_ne_bytes().to_vec()
    } else {
        bytes_like(vm, a[3])?
    };
    // SAFETY: data is a live buffer of the given length.
    if unsafe { libc::setsockopt(fd, level, opt, data.as_ptr() as *const libc::c_void, data.len() as libc::socklen_t) } < 0 {
        return Err(os_err(vm, errno()));
    }
    Ok(vm.none)
}

fn sock_getsockopt(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    check_pos(vm, a, Value::NULL, "getsockopt", 3, 4)?;
    let (fd, ..) = state(vm, a[0])?;
    let (level, opt) = (c_int(vm, a[1])?, c_int(vm, a[2])?);
    match a.get(3) {
        None => match getsockopt_int(fd, level, opt) {
            Some(v) => Ok(vm.new_int(v as i64)),
            None => Err(os_err(vm, errno())),
        },
        Some(&n) => {
            let n = bufsize(vm, n, "getsockopt")?.clamp(1, 1024);
            let mut buf = vec![0u8; n];
            let mut len = n as libc::socklen_t;
            // SAFETY: buf and len are live for the call.
            if unsafe { libc::getsockopt(fd, level, opt, buf.as_mut_ptr() as *mut libc::c_void, &mut len) } < 0 {
                return Err(os_err(vm, errno()));
            }
            buf.truncate(len as usize);
            Ok(vm.new_bytes(buf))
        }
    }
}

fn name_common(vm: &mut Vm, a: &[Value], peer: bool) -> PyResult<Value> {
    let (fd, ..) = state(vm, a[0])?;
    let mut ad = empty_addr();
    // SAFETY: the address storage and length are live for the call.
    let r = unsafe {
        if peer {
            libc::getpeername(fd, &mut ad.buf as *mut _ as *mut libc::sockaddr, &mut ad.len)
        } else {
            libc::getsockname(fd, &mut ad.buf as *mut _ as *mut libc::sockaddr, &mut ad.len)
        }
    };
    if r < 0 {
        return Err(os_err(vm, errno()));
    }
    Ok(from_addr(vm, &ad))
}

fn sock_getsockname(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    name_common(vm, a, false)
}

fn sock_getpeername(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    name_common(vm, a, true)
}

fn set_timeout(vm: &mut Vm, s: Value, t: f64) -> PyResult<()> {
    let fd = with_state(vm, s, "_socket.socket", |k: &mut Sock| {
        k.timeout = t;
        k.fd
    })?;
    if fd >= 0 {
        set_nonblocking(fd, t >= 0.0);
    }
    Ok(())
}

fn timeout_arg(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if is_none(vm, v) {
        return Ok(-1.0);
    }
    let f = match v.kind() {
        Some(ObjKind::Float) => vm.call(vm.types.float, &[v]).ok().and_then(|x| x.get::<pyjit_vm::objects::FloatObj>().map(|f| f.0)),
        _ if vm.is_int(v) => vm.as_i64(v).map(|i| i as f64),
        _ => None,
    };
    match f {
        Some(x) if x < 0.0 => Err(vm.value_error("Timeout value out of range")),
        Some(x) => Ok(x),
        None => {
            let tn = tname(vm, v);
            Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer or float")))
        }
    }
}

fn sock_settimeout(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    check_pos(vm, a, Value::NULL, "settimeout", 2, 2)?;
    let t = timeout_arg(vm, a[1])?;
    set_timeout(vm, a[0], t)?;
    Ok(vm.none)
}

fn sock_gettimeout(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let (.., t) = state(vm, a[0])?;
    Ok(if t < 0.0 { vm.none } else { vm.new_float(t) })
}

fn sock_setblocking(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    check_pos(vm, a, Value::NULL, "setblocking", 2, 2)?;
    let on = vm.truthy(a[1])?;
    set_timeout(vm, a[0], if on { -1.0 } else { 0.0 })?;
    Ok(vm.none)
}

fn sock_getblocking(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let (.., t) = state(vm, a[0])?;
    Ok(vm.bool_val(t != 0.0))
}

fn sock_shutdown(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    check_pos(vm, a, Value::NULL, "shutdown", 2, 2)?;
    let (fd, ..) = state(vm, a[0])?;
    let how = c_int(vm, a[1])?;
    // SAFETY: shutdown takes plain integers.
    if unsafe { libc::shutdown(fd, how) } < 0 {
        return Err(os_err(vm, errno()));
    }
    Ok(vm.none)
}

fn sock_family(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let (_, f, ..) = state(vm, a[0])?;
    Ok(vm.new_int(f as i64))
}

fn sock_type(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let (_, _, k, ..) = state(vm, a[0])?;
    Ok(vm.new_int(k as i64))
}

fn sock_proto(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let (_, _, _, p, _) = state(vm, a[0])?;
    Ok(vm.new_int(p as i64))
}

fn sock_timeout_get(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    sock_gettimeout(vm, a, kw)
}

fn socketpair(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = parse(vm, a, kw, "socketpair", &["family", "type", "proto"], &[], 0)?;
    let mut ints = [libc::AF_UNIX, libc::SOCK_STREAM, 0];
    for (i, slot) in ints.iter_mut().enumerate() {
        if let Some(x) = v[i] {
            *slot = c_int(vm, x)?;
        }
    }
    let mut fds = [0i32; 2];
    // SAFETY: fds is a live two-int array.
    if unsafe { libc::socketpair(ints[0], ints[1] | libc::SOCK_CLOEXEC, ints[2], fds.as_mut_ptr()) } < 0 {
        return Err(os_err(vm, errno()));
    }
    let cls = SOCKET.with(|c| c.get());
    let s1 = new_sock(vm, cls, fds[0], ints[0], ints[1], ints[2]);
    let s2 = new_sock(vm, cls, fds[1], ints[0], ints[1], ints[2]);
    Ok(vm.new_tuple(vec![s1, s2]))
}

fn getdefaulttimeout(vm: &mut Vm, _a: &[Value], _kw: Value) -> PyResult<Value> {
    let t = DEFAULT_TIMEOUT.with(|d| d.get());
    Ok(if t < 0.0 { vm.none } else { vm.new_float(t) })
}

fn setdefaulttimeout(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = onearg_fn(vm, a, kw, "setdefaulttimeout")?;
    let t = timeout_arg(vm, v)?;
    DEFAULT_TIMEOUT.with(|d| d.set(t));
    Ok(vm.none)
}

fn dup(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = onearg_fn(vm, a, kw, "dup")?;
    let fd = fd_of(vm, v)?;
    // SAFETY: fcntl F_DUPFD_CLOEXEC on an integer descriptor.
    let n = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if n < 0 {
        return Err(os_err(vm, errno()));
    }
    Ok(vm.new_int(n as i64))
}

fn close_fd(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = onearg_fn(vm, a, kw, "close")?;
    let fd = c_int(vm, v)?;
    // SAFETY: closing an integer descriptor the caller owns.
    if unsafe { libc::close(fd) } < 0 && errno() != libc::ECONNRESET {
        return Err(os_err(vm, errno()));
    }
    Ok(vm.none)
}

fn swap16(vm: &mut Vm, a: &[Value], kw: Value, name: &str) -> PyResult<Value> {
    let v = onearg_fn(vm, a, kw, name)?;
    let x = c_long(vm, v)?;
    if !(0..=0xffff).contains(&x) {
        let t = vm.types.overflow_error;
        let why = if x < 0 { "can't convert negative Python int" } else { "Python int too large to convert" };
        return Err(vm.err(t, &format!("{name}: {why} to C 16-bit unsigned integer")));
    }
    Ok(vm.new_int(u16::from_be(x as u16) as i64))
}

fn swap32(vm: &mut Vm, a: &[Value], kw: Value, name: &str) -> PyResult<Value> {
    let v = onearg_fn(vm, a, kw, name)?;
    let x = c_long(vm, v)?;
    if !(0..=0xffff_ffff).contains(&x) {
        let t = vm.types.overflow_error;
        return Err(vm.err(t, "int larger than 32 bits"));
    }
    Ok(vm.new_int(u32::from_be(x as u32) as i64))
}

fn inet_aton(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = onearg_fn(vm, a, kw, "inet_aton")?;
    let s = vm.str_of(v);
    match s.parse::<Ipv4Addr>() {
        Ok(ip) => Ok(vm.new_bytes(ip.octets().to_vec())),
        Err(_) => Err(vm.os_error_msg("illegal IP address string passed to inet_aton")),
    }
}

fn inet_ntoa(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = onearg_fn(vm, a, kw, "inet_ntoa")?;
    let b = bytes_like(vm, v)?;
    if b.len() != 4 {
        return Err(vm.os_error_msg("packed IP wrong length for inet_ntoa"));
    }
    Ok(vm.new_string(Ipv4Addr::new(b[0], b[1], b[2], b[3]).to_string()))
}

fn inet_pton(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    check_pos(vm, a, kw, "inet_pton", 2, 2)?;
    let fam = c_int(vm, a[0])?;
    let s = vm.str_of(a[1]);
    let r = match fam {
        libc::AF_INET => s.parse::<Ipv4Addr>().map(|ip| ip.octets().to_vec()).ok(),
        libc::AF_INET6 => s.parse::<Ipv6Addr>().map(|ip| ip.octets().to_vec()).ok(),
        _ => return Err(os_err(vm, libc::EAFNOSUPPORT)),
    };
    match r {
        Some(b) => Ok(vm.new_bytes(b)),
        None => Err(vm.os_error_msg("illegal IP address string passed to inet_pton")),
    }
}

fn inet_ntop(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    check_pos(vm, a, kw, "inet_ntop", 2, 2)?;
    let fam = c_int(vm, a[0])?;
    let b = bytes_like(vm, a[1])?;
    let s = match (fam, b.len()) {
        (libc::AF_INET, 4) => Ipv4Addr::new(b[0], b[1], b[2], b[3]).to_string(),
        (libc::AF_INET6, 16) => {
            let mut o = [0u8; 16];
            o.copy_from_slice(&b);
            Ipv6Addr::from(o).to_string()
        }
        (libc::AF_INET | libc::AF_INET6, _) => return Err(vm.value_error("invalid length of packed IP address string")),
        _ => return Err(vm.value_error(&format!("unknown address family {fam}"))),
    };
    Ok(vm.new_string(s))
}

/// The items of an iterable (sendmsg's buffers and ancillary data).
fn items_of(vm: &mut Vm, v: Value) -> PyResult<Vec<Value>> {
    let it = vm.iter(v)?;
    let mut out = Vec::new();
    while let Some(x) = vm.next(it)? {
        out.push(x);
    }
    Ok(out)
}

/// sendmsg(buffers[, ancdata[, flags[, address]]]): the buffers gathered into one message,
/// with ancillary data items (level, type, bytes) (SCM_RIGHTS passes descriptors).
fn sock_sendmsg(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    check_pos(vm, a, Value::NULL, "sendmsg", 2, 5)?;
    let (fd, family, _, _, timeout) = state(vm, a[0])?;
    let mut bufs = Vec::new();
    for b in items_of(vm, a[1])? {
        bufs.push(bytes_like(vm, b)?);
    }
    let mut anc: Vec<(i32, i32, Vec<u8>)> = Vec::new();
    if let Some(&ad) = a.get(2) {
        for item in items_of(vm, ad)? {
            let parts = items_of(vm, item)?;
            if parts.len() != 3 {
                return Err(vm.type_error("[sendmsg() ancillary data items]() argument must be sequence of length 3"));
            }
            let level = c_int(vm, parts[0])?;
            let kind = c_int(vm, parts[1])?;
            let data = bytes_like(vm, parts[2])?;
            anc.push((level, kind, data));
        }
    }
    let flags = flags_at(vm, a, 3)?;
    let to = match a.get(4) {
        Some(&v) if !is_none(vm, v) => Some(to_addr(vm, family, v, "sendmsg")?),
        _ => None,
    };
    // SAFETY: CMSG_SPACE computes a size from a length.
    let space: usize = anc.iter().map(|(_, _, d)| unsafe { libc::CMSG_SPACE(d.len() as u32) } as usize).sum();
    let mut control = vec![0u8; space];
    let mut iov: Vec<libc::iovec> = bufs.iter().map(|b| libc::iovec { iov_base: b.as_ptr() as *mut libc::c_void, iov_len: b.len() }).collect();
    // SAFETY: an all-zero msghdr is valid; its pointers are set to live buffers below.
    let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
    msg.msg_iov = iov.as_mut_ptr();
    msg.msg_iovlen = iov.len() as _;
    if let Some(ad) = &to {
        msg.msg_name = &ad.buf as *const _ as *mut libc::c_void;
        msg.msg_namelen = ad.len;
    }
    if space > 0 {
        msg.msg_control = control.as_mut_ptr() as *mut libc::c_void;
        msg.msg_controllen = space as _;
        // SAFETY: the headers are walked with the CMSG macros inside `control`, which has
        // room for every item (the sum of their CMSG_SPACE).
        unsafe {
            let mut c = libc::CMSG_FIRSTHDR(&msg);
            for (level, kind, data) in &anc {
                if c.is_null() {
                    break;
                }
                (*c).cmsg_level = *level;
                (*c).cmsg_type = *kind;
                (*c).cmsg_len = libc::CMSG_LEN(data.len() as u32) as _;
                std::ptr::copy_nonoverlapping(data.as_ptr(), libc::CMSG_DATA(c), data.len());
                c = libc::CMSG_NXTHDR(&msg, c);
            }
        }
    }
    let mp = &msg as *const libc::msghdr as usize;
    loop {
        wait_ready(vm, fd, timeout, true)?;
        // SAFETY: msg and the buffers it points to live across the call.
        let (r, e) = pyjit_vm::threads::allow_threads(vm, || (unsafe { libc::sendmsg(fd, mp as *const libc::msghdr, flags | libc::MSG_NOSIGNAL) }, errno()));
        if r >= 0 {
            return Ok(vm.new_int(r as i64));
        }
        if e != libc::EINTR {
            return Err(os_err(vm, e));
        }
    }
}

/// recvmsg(bufsize[, ancbufsize[, flags]]) -> (data, ancdata, msg_flags, address).
fn sock_recvmsg(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    check_pos(vm, a, Value::NULL, "recvmsg", 2, 4)?;
    let (fd, _, _, _, timeout) = state(vm, a[0])?;
    let n = bufsize(vm, a[1], "recvmsg")?;
    let anc_n = match a.get(2) {
        Some(&v) => {
            let k = c_long(vm, v)?;
            if k < 0 {
                return Err(vm.value_error("negative buffer size in recvmsg()"));
            }
            k as usize
        }
        None => 0,
    };
    let flags = flags_at(vm, a, 3)?;
    let mut buf = vec![0u8; n];
    let mut control = vec![0u8; anc_n];
    let mut ad = empty_addr();
    let mut iov = libc::iovec { iov_base: buf.as_mut_ptr() as *mut libc::c_void, iov_len: n };
    // SAFETY: an all-zero msghdr is valid; its pointers are set to live buffers below.
    let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
    msg.msg_iov = &mut iov;
    msg.msg_iovlen = 1;
    msg.msg_name = &mut ad.buf as *mut _ as *mut libc::c_void;
    msg.msg_namelen = ad.len;
    if anc_n > 0 {
        msg.msg_control = control.as_mut_ptr() as *mut libc::c_void;
        msg.msg_controllen = anc_n as _;
    }
    let mp = &mut msg as *mut libc::msghdr as usize;
    let got = loop {
        wait_ready(vm, fd, timeout, false)?;
        // SAFETY: msg and the buffers it points to live across the call.
        let (r, e) = pyjit_vm::threads::allow_threads(vm, || (unsafe { libc::recvmsg(fd, mp as *mut libc::msghdr, flags | libc::MSG_CMSG_CLOEXEC) }, errno()));
        if r >= 0 {
            break r as usize;
        }
        if e != libc::EINTR {
            return Err(os_err(vm, e));
        }
    };
    let mut items: Vec<(i32, i32, Vec<u8>)> = Vec::new();
    if anc_n > 0 && msg.msg_controllen > 0 {
        // SAFETY: the kernel filled `control` with msg_controllen bytes of headers, walked
        // with the CMSG macros, each data part bounded by its header's length and the buffer.
        unsafe {
            let end = control.as_ptr() as usize + (msg.msg_controllen as usize).min(anc_n);
            let mut c = libc::CMSG_FIRSTHDR(&msg);
            while !c.is_null() {
                let data = libc::CMSG_DATA(c) as usize;
                let len = ((*c).cmsg_len as usize).saturating_sub(data - c as usize);
                let len = len.min(end.saturating_sub(data));
                let bytes = std::slice::from_raw_parts(data as *const u8, len).to_vec();
                items.push(((*c).cmsg_level, (*c).cmsg_type, bytes));
                c = libc::CMSG_NXTHDR(&msg, c);
            }
        }
    }
    buf.truncate(got);
    let data = vm.new_bytes(buf);
    let mut anc = Vec::new();
    for (level, kind, bytes) in items {
        let (l, k, b) = (vm.new_int(level as i64), vm.new_int(kind as i64), vm.new_bytes(bytes));
        anc.push(vm.new_tuple(vec![l, k, b]));
    }
    let anc = vm.new_list(anc);
    let fl = vm.new_int(msg.msg_flags as i64);
    ad.len = msg.msg_namelen;
    let addr = if ad.len == 0 { vm.none } else { from_addr(vm, &ad) };
    Ok(vm.new_tuple(vec![data, anc, fl, addr]))
}

fn cmsg_len(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = onearg_fn(vm, a, kw, "CMSG_LEN")?;
    let n = c_long(vm, v)?;
    if !(0..=i32::MAX as i64 - 64).contains(&n) {
        return Err(vm.overflow_error("CMSG_LEN() argument out of range"));
    }
    // SAFETY: CMSG_LEN computes a size from a length.
    Ok(vm.new_int(unsafe { libc::CMSG_LEN(n as u32) } as i64))
}

fn cmsg_space(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = onearg_fn(vm, a, kw, "CMSG_SPACE")?;
    let n = c_long(vm, v)?;
    if !(0..=i32::MAX as i64 - 64).contains(&n) {
        return Err(vm.overflow_error("CMSG_SPACE() argument out of range"));
    }
    // SAFETY: CMSG_SPACE computes a size from a length.
    Ok(vm.new_int(unsafe { libc::CMSG_SPACE(n as u32) } as i64))
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    add_fns(
        vm,
        m,
        &[
            ("getaddrinfo", getaddrinfo),
            ("gethostname", gethostname),
            ("gethostbyname", gethostbyname),
            ("socketpair", socketpair),
            ("CMSG_LEN", cmsg_len),
            ("CMSG_SPACE", cmsg_space),
            ("getdefaulttimeout", getdefaulttimeout),
            ("setdefaulttimeout", setdefaulttimeout),
            ("dup", dup),
            ("close", close_fd),
            ("htons", |vm, a, k| swap16(vm, a, k, "htons")),
            ("ntohs", |vm, a, k| swap16(vm, a, k, "ntohs")),
            ("htonl", |vm, a, k| swap32(vm, a, k, "htonl")),
            ("ntohl", |vm, a, k| swap32(vm, a, k, "ntohl")),
            ("inet_aton", inet_aton),
            ("inet_ntoa", inet_ntoa),
            ("inet_pton", inet_pton),
            ("inet_ntop", inet_ntop),
        ],
    );
    let t = new_class(vm, "_socket", "socket", None, ObjKind::Native, true);
    set_new(vm, t, sock_new);
    add_methods(
        vm,
        t,
        &[
            ("__init__", sock_init),
            ("fileno", sock_fileno),
            ("close", sock_close),
            ("detach", sock_detach),
            ("bind", sock_bind),
            ("listen", sock_listen),
            ("_accept", sock_accept),
            ("connect", sock_connect),
            ("connect_ex", sock_connect_ex),
            ("send", sock_send),
            ("sendall", sock_sendall),
            ("sendto", sock_sendto),
            ("recv", sock_recv),
            ("recvfrom", sock_recvfrom),
            ("recv_into", sock_recv_into),
            ("sendmsg", sock_sendmsg),
            ("recvmsg", sock_recvmsg),
            ("setsockopt", sock_setsockopt),
            ("getsockopt", sock_getsockopt),
            ("getsockname", sock_getsockname),
            ("getpeername", sock_getpeername),
            ("settimeout", sock_settimeout),
            ("gettimeout", sock_gettimeout),
            ("setblocking", sock_setblocking),
            ("getblocking", sock_getblocking),
            ("shutdown", sock_shutdown),
        ],
    );
    add_getsets(vm, t, &[("family", sock_family, None), ("type", sock_type, None), ("proto", sock_proto, None), ("timeout", sock_timeout_get, None)]);
    SOCKET.with(|c| c.set(t));
    set_attr(vm, m, "socket", t);
    set_attr(vm, m, "SocketType", t);
    let ose = vm.types.os_error;
    set_attr(vm, m, "error", ose);
    let te = vm.dict_get_by_str(vm.builtins_dict, "TimeoutError").unwrap_or(ose);
    set_attr(vm, m, "timeout", te);
    for name in ["herror", "gaierror"] {
        let n = vm.new_str(name);
        let bases = vm.new_tuple(vec![ose]);
        let d = vm.new_dict();
        let modname = vm.new_str("socket");
        vm.dict_set_str(d, "__module__", modname);
        let ty = vm.types.type_;
        let cls = vm.call(ty, &[n, bases, d])?;
        vm.permanent.push(cls);
        if name == "gaierror" {
            GAIERROR.with(|c| c.set(cls));
        }
        set_attr(vm, m, name, cls);
    }
    let yes = vm.bool_val(true);
    set_attr(vm, m, "has_ipv6", yes);
    let consts: &[(&str, i64)] = &[
        ("AF_UNSPEC", libc::AF_UNSPEC as i64),
        ("AF_INET", libc::AF_INET as i64),
        ("AF_INET6", libc::AF_INET6 as i64),
        ("AF_UNIX", libc::AF_UNIX as i64),
        ("SOCK_STREAM", libc::SOCK_STREAM as i64),
        ("SOCK_DGRAM", libc::SOCK_DGRAM as i64),
        ("SOCK_RAW", libc::SOCK_RAW as i64),
        ("SOCK_SEQPACKET", libc::SOCK_SEQPACKET as i64),
        ("SOCK_NONBLOCK", libc::SOCK_NONBLOCK as i64),
        ("SOCK_CLOEXEC", libc::SOCK_CLOEXEC as i64),
        ("SOL_SOCKET", libc::SOL_SOCKET as i64),
        ("SCM_RIGHTS", libc::SCM_RIGHTS as i64),
        ("SCM_CREDENTIALS", libc::SCM_CREDENTIALS as i64),
        ("MSG_CTRUNC", libc::MSG_CTRUNC as i64),
        ("MSG_CMSG_CLOEXEC", libc::MSG_CMSG_CLOEXEC as i64),
        ("MSG_EOR", libc::MSG_EOR as i64),
        ("SO_REUSEADDR", libc::SO_REUSEADDR as i64),
        ("SO_REUSEPORT", libc::SO_REUSEPORT as i64),
        ("SO_KEEPALIVE", libc::SO_KEEPALIVE as i64),
        ("SO_BROADCAST", libc::SO_BROADCAST as i64),
        ("SO_ERROR", libc::SO_ERROR as i64),
        ("SO_TYPE", libc::SO_TYPE as i64),
        ("SO_RCVBUF", libc::SO_RCVBUF as i64),
        ("SO_SNDBUF", libc::SO_SNDBUF as i64),
        ("SO_LINGER", libc::SO_LINGER as i64),
        ("SO_RCVTIMEO", libc::SO_RCVTIMEO as i64),
        ("SO_SNDTIMEO", libc::SO_SNDTIMEO as i64),
        ("SO_DOMAIN", libc::SO_DOMAIN as i64),
        ("SO_PROTOCOL", libc::SO_PROTOCOL as i64),
        ("SOMAXCONN", libc::SOMAXCONN as i64),
        ("IPPROTO_IP", libc::IPPROTO_IP as i64),
        ("IPPROTO_TCP", libc::IPPROTO_TCP as i64),
        ("IPPROTO_UDP", libc::IPPROTO_UDP as i64),
        ("IPPROTO_IPV6", libc::IPPROTO_IPV6 as i64),
        ("IPPROTO_ICMP", libc::IPPROTO_ICMP as i64),
        ("TCP_NODELAY", libc::TCP_NODELAY as i64),
        ("TCP_KEEPIDLE", libc::TCP_KEEPIDLE as i64),
        ("TCP_KEEPINTVL", libc::TCP_KEEPINTVL as i64),
        ("TCP_KEEPCNT", libc::TCP_KEEPCNT as i64),
        ("IPV6_V6ONLY", libc::IPV6_V6ONLY as i64),
        ("IP_TOS", libc::IP_TOS as i64),
        ("IP_TTL", libc::IP_TTL as i64),
        ("SHUT_RD", libc::SHUT_RD as i64),
        ("SHUT_WR", libc::SHUT_WR as i64),
        ("SHUT_RDWR", libc::SHUT_RDWR as i64),
        ("MSG_PEEK", libc::MSG_PEEK as i64),
        ("MSG_DONTWAIT", libc::MSG_DONTWAIT as i64),
        ("MSG_WAITALL", libc::MSG_WAITALL as i64),
        ("MSG_OOB", libc::MSG_OOB as i64),
        ("MSG_NOSIGNAL", libc::MSG_NOSIGNAL as i64),
        ("MSG_TRUNC", libc::MSG_TRUNC as i64),
        ("AI_PASSIVE", libc::AI_PASSIVE as i64),
        ("AI_CANONNAME", libc::AI_CANONNAME as i64),
        ("AI_NUMERICHOST", libc::AI_NUMERICHOST as i64),
        ("AI_NUMERICSERV", libc::AI_NUMERICSERV as i64),
        ("AI_ADDRCONFIG", libc::AI_ADDRCONFIG as i64),
        ("AI_V4MAPPED", libc::AI_V4MAPPED as i64),
        ("AI_ALL", libc::AI_ALL as i64),
        ("NI_NUMERICHOST", libc::NI_NUMERICHOST as i64),
        ("NI_NUMERICSERV", libc::NI_NUMERICSERV as i64),
        ("NI_NAMEREQD", libc::NI_NAMEREQD as i64),
        ("NI_DGRAM", libc::NI_DGRAM as i64),
        ("NI_MAXHOST", 1025),
        ("NI_MAXSERV", 32),
        ("EAI_AGAIN", libc::EAI_AGAIN as i64),
        ("EAI_BADFLAGS", libc::EAI_BADFLAGS as i64),
        ("EAI_FAIL", libc::EAI_FAIL as i64),
        ("EAI_FAMILY", libc::EAI_FAMILY as i64),
        ("EAI_MEMORY", libc::EAI_MEMORY as i64),
        ("EAI_NONAME", libc::EAI_NONAME as i64),
        ("EAI_SERVICE", libc::EAI_SERVICE as i64),
        ("EAI_SOCKTYPE", libc::EAI_SOCKTYPE as i64),
        ("INADDR_ANY", 0),
        ("INADDR_BROADCAST", 0xffff_ffff),
        ("INADDR_LOOPBACK", 0x7f00_0001),
        ("INADDR_NONE", 0xffff_ffff),
    ];
    crate::util::set_int_consts(vm, m, consts);
    Ok(())
}

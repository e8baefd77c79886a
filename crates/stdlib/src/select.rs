//! `select`: select() and poll objects over poll(2) (selectors picks PollSelector; what
//! subprocess's communicate() and asyncio need), with the POLL* constants.
#![allow(unsafe_code)]

use num_traits::ToPrimitive;
use pyjit_vm::builtins::num::Num;

use crate::class_slot;
use crate::fcntl::fd_of;
use crate::util::*;

class_slot!(POLL);

/// A timeout in seconds (None: wait forever) as poll's milliseconds, rounded up.
fn timeout_ms(vm: &mut Vm, v: Option<Value>, scale: f64) -> PyResult<i32> {
    let Some(v) = v.filter(|v| !is_none(vm, *v)) else { return Ok(-1) };
    let secs = match vm.as_num(v) {
        Some(Num::Small(i)) => i as f64,
        Some(Num::Int(b)) => b.to_f64().unwrap_or(f64::INFINITY),
        Some(Num::Float(f)) => f,
        Some(Num::Complex(..)) | None => {
            let what = if scale == 1000.0 { "timeout must be a float or None" } else { "timeout must be an integer or None" };
            return Err(vm.type_error(what));
        }
    };
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    let ms = (secs * scale).ceil();
    if scale == 1000.0 && ms < 0.0 {
        return Err(vm.value_error("timeout must be non-negative"));
    }
    if ms < 0.0 {
        return Ok(-1);
    }
    if ms > i32::MAX as f64 {
        let t = vm.types.overflow_error;
        return Err(vm.err(t, "timeout is too large"));
    }
    Ok(ms as i32)
}

/// poll(2), retried after a signal.
fn do_poll(vm: &mut Vm, fds: &mut [libc::pollfd], ms: i32) -> PyResult<i32> {
    loop {
        // SAFETY: fds is a live slice of pollfd for the duration of the call.
        let (r, e) = pyjit_vm::threads::allow_threads(vm, || {
            let r = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, ms) };
            (r, std::io::Error::last_os_error())
        });
        if r >= 0 {
            return Ok(r);
        }
        if e.raw_os_error() != Some(libc::EINTR) {
            return Err(pyjit_vm::modules::io::os_error(vm, &e, None));
        }
    }
}

/// select(rlist, wlist, xlist[, timeout]): the ready objects of each list.
fn select(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "select")?;
    check_pos(vm, a, kw, "select", 3, 4)?;
    let ms = timeout_ms(vm, a.get(3).copied(), 1000.0)?;
    let mut objs: Vec<(Value, i32, usize)> = Vec::new();
    for (which, &l) in a[..3].iter().enumerate() {
        let (_h, items) = match vm.to_vec(l) {
            Ok(x) => x,
            Err(_) => return Err(vm.type_error("arguments 1-3 must be sequences")),
        };
        for it in items {
            let fd = fd_of(vm, it)?;
            objs.push((it, fd, which));
        }
    }
    let want = [libc::POLLIN, libc::POLLOUT, libc::POLLPRI];
    let mut fds: Vec<libc::pollfd> = objs.iter().map(|&(_, fd, w)| libc::pollfd { fd, events: want[w], revents: 0 }).collect();
    do_poll(vm, &mut fds, ms)?;
    let mut out: [Vec<Value>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    for (i, &(o, _, w)) in objs.iter().enumerate() {
        let r = fds[i].revents;
        if r & libc::POLLNVAL != 0 {
            let e = std::io::Error::from_raw_os_error(libc::EBADF);
            return Err(pyjit_vm::modules::io::os_error(vm, &e, None));
        }
        let hit = match w {
            0 => r & (libc::POLLIN | libc::POLLHUP | libc::POLLERR) != 0,
            1 => r & (libc::POLLOUT | libc::POLLERR) != 0,
            _ => r & libc::POLLPRI != 0,
        };
        if hit {
            out[w].push(o);
        }
    }
    let [r, w, x] = out;
    let lists = vec![vm.new_list(r), vm.new_list(w), vm.new_list(x)];
    Ok(vm.new_tuple(lists))
}

struct Poll {
    fds: Vec<(i32, i16)>,
}
impl NativeData for Poll {
    fn trace(&self, _t: &mut Tracer) {}
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

fn poll_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "poll")?;
    check_pos(vm, a, kw, "poll", 0, 0)?;
    let t = POLL.with(|c| c.get());
    Ok(new_native(vm, t, Poll { fds: Vec::new() }))
}

fn mask_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<i16> {
    match v {
        None => Ok(libc::POLLIN | libc::POLLPRI | libc::POLLOUT),
        Some(v) => {
            let m = c_long(vm, v)?;
            if !(0..=0xffff).contains(&m) {
                let t = vm.types.overflow_error;
                return Err(vm.err(t, "Python int too large for C unsigned short"));
            }
            Ok(m as u16 as i16)
        }
    }
}

fn poll_register(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "register")?;
    check_pos(vm, a, kw, "register", 2, 3)?;
    let fd = fd_of(vm, a[1])?;
    let mask = mask_arg(vm, a.get(2).copied())?;
    with_state(vm, a[0], "select.poll", |p: &mut Poll| match p.fds.iter_mut().find(|e| e.0 == fd) {
        Some(e) => e.1 = mask,
        None => p.fds.push((fd, mask)),
    })?;
    Ok(vm.none)
}

fn poll_modify(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "modify")?;
    check_pos(vm, a, kw, "modify", 3, 3)?;
    let fd = fd_of(vm, a[1])?;
    let mask = mask_arg(vm, Some(a[2]))?;
    let found = with_state(vm, a[0], "select.poll", |p: &mut Poll| match p.fds.iter_mut().find(|e| e.0 == fd) {
        Some(e) => {
            e.1 = mask;
            true
        }
        None => false,
    })?;
    if !found {
        let e = std::io::Error::from_raw_os_error(libc::ENOENT);
        return Err(pyjit_vm::modules::io::os_error(vm, &e, None));
    }
    Ok(vm.none)
}

fn poll_unregister(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "unregister")?;
    check_pos(vm, a, kw, "unregister", 2, 2)?;
    let fd = fd_of(vm, a[1])?;
    let found = with_state(vm, a[0], "select.poll", |p: &mut Poll| {
        let n = p.fds.len();
        p.fds.retain(|e| e.0 != fd);
        n != p.fds.len()
    })?;
    if !found {
        return Err(vm.key_error(a[1]));
    }
    Ok(vm.none)
}

/// poll([timeout]): [(fd, events)] of the registered descriptors with events; the timeout
/// is in milliseconds.
fn poll_poll(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "poll")?;
    check_pos(vm, a, kw, "poll", 1, 2)?;
    let ms = timeout_ms(vm, a.get(1).copied(), 1.0)?;
    let regs = with_state(vm, a[0], "select.poll", |p: &mut Poll| p.fds.clone())?;
    let mut fds: Vec<libc::pollfd> = regs.iter().map(|&(fd, ev)| libc::pollfd { fd, events: ev, revents: 0 }).collect();
    do_poll(vm, &mut fds, ms)?;
    let mut out = Vec::new();
    for p in fds.iter().filter(|p| p.revents != 0) {
        let (fd, ev) = (vm.new_int(p.fd as i64), vm.new_int(p.revents as u16 as i64));
        out.push(vm.new_tuple(vec![fd, ev]));
    }
    Ok(vm.new_list(out))
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    add_fns(vm, m, &[("select", select), ("poll", poll_new)]);
    let t = new_class(vm, "select", "poll", None, ObjKind::Native, false);
    add_methods(vm, t, &[("register", poll_register), ("modify", poll_modify), ("unregister", poll_unregister), ("poll", poll_poll)]);
    POLL.with(|c| c.set(t));
    let ose = vm.types.os_error;
    set_attr(vm, m, "error", ose);
    let consts: &[(&str, i64)] = &[
        ("POLLIN", libc::POLLIN as i64),
        ("POLLPRI", libc::POLLPRI as i64),
        ("POLLOUT", libc::POLLOUT as i64),
        ("POLLERR", libc::POLLERR as i64),
        ("POLLHUP", libc::POLLHUP as i64),
        ("POLLNVAL", libc::POLLNVAL as i64),
        ("POLLRDNORM", libc::POLLRDNORM as i64),
        ("POLLRDBAND", libc::POLLRDBAND as i64),
        ("POLLWRNORM", libc::POLLWRNORM as i64),
        ("POLLWRBAND", libc::POLLWRBAND as i64),
        ("POLLMSG", 0x400),
        ("POLLRDHUP", libc::POLLRDHUP as i64),
        ("PIPE_BUF", libc::PIPE_BUF as i64),
    ];
    crate::util::set_int_consts(vm, m, consts);
    Ok(())
}

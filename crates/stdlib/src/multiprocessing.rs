//! `_multiprocessing` (POSIX): `SemLock`, the semaphore under multiprocessing's locks,
//! semaphores, conditions and events, on POSIX named semaphores (`sem_open`) so that a
//! forked child shares it through memory and a spawned child opens it again by name; and
//! `sem_unlink`, used by the resource tracker. `_posixshmem` (shm_open/shm_unlink) for
//! multiprocessing.shared_memory is here too.
#![allow(unsafe_code)]

use std::ffi::CString;

use crate::class_slot;
use crate::util::*;
use pyjit_vm::objects::FloatObj;

class_slot!(SEMLOCK);

const RECURSIVE_MUTEX: i64 = 0;
const SEMAPHORE: i64 = 1;

/// One SemLock: the semaphore's handle, the kind (recursive mutex or counting semaphore),
/// how many times the owning thread holds it, and which thread that is.
struct SemLock {
    handle: *mut libc::sem_t,
    kind: i64,
    maxvalue: i64,
    name: Option<String>,
    count: i64,
    last_tid: u64,
}

crate::native_state!(SemLock);

impl Drop for SemLock {
    fn drop(&mut self) {
        if !self.handle.is_null() && self.handle != libc::SEM_FAILED {
            // SAFETY: the handle came from sem_open and is closed once, here.
            unsafe { libc::sem_close(self.handle) };
        }
    }
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

fn os_err(vm: &mut Vm, code: i32) -> PyErr {
    let e = std::io::Error::from_raw_os_error(code);
    pyjit_vm::modules::io::os_error(vm, &e, None)
}

fn this_thread() -> u64 {
    // SAFETY: pthread_self has no preconditions.
    unsafe { libc::pthread_self() as u64 }
}

fn cname(vm: &mut Vm, v: Value) -> PyResult<CString> {
    if !is_str(v) {
        let tn = tname(vm, v);
        return Err(vm.type_error(&format!("argument 'name' must be str, not {tn}")));
    }
    let s = vm.str_of(v);
    CString::new(s).map_err(|_| vm.value_error("embedded null character"))
}

fn semlock_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let cls = a[0];
    let p = parse(vm, &a[1..], kw, "SemLock", &["kind", "value", "maxvalue", "name", "unlink"], &[], 5)?;
    let kind = c_int(vm, p[0].unwrap_or(Value::NULL))? as i64;
    let value = c_int(vm, p[1].unwrap_or(Value::NULL))?;
    let maxvalue = c_int(vm, p[2].unwrap_or(Value::NULL))? as i64;
    let namev = p[3].unwrap_or(Value::NULL);
    let unlink = vm.truthy(p[4].unwrap_or(Value::NULL))?;
    if kind != RECURSIVE_MUTEX && kind != SEMAPHORE {
        return Err(vm.value_error("unrecognized kind"));
    }
    let name = cname(vm, namev)?;
    // SAFETY: name is a NUL-terminated string; O_CREAT takes the mode and initial value.
    let h = unsafe { libc::sem_open(name.as_ptr(), libc::O_CREAT | libc::O_EXCL, 0o600 as libc::c_uint, value as libc::c_uint) };
    if h == libc::SEM_FAILED {
        return Err(os_err(vm, errno()));
    }
    if unlink {
        // SAFETY: as above.
        if unsafe { libc::sem_unlink(name.as_ptr()) } < 0 {
            let e = errno();
            // SAFETY: h was opened above and is not kept.
            unsafe { libc::sem_close(h) };
            return Err(os_err(vm, e));
        }
    }
    let name = if unlink { None } else { Some(vm.str_of(namev)) };
    Ok(new_native(vm, cls, SemLock { handle: h, kind, maxvalue, name, count: 0, last_tid: 0 }))
}

/// `SemLock._rebuild(handle, kind, maxvalue, name)`: the semaphore of another process, by
/// name when it has one (spawn), else by the handle (fork: the same address is mapped).
fn semlock_rebuild(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "_rebuild")?;
    check_count(vm, a.len() - 1, "_rebuild", 4, 4)?;
    let cls = a[0];
    let handle = c_long(vm, a[1])? as usize as *mut libc::sem_t;
    let kind = c_int(vm, a[2])? as i64;
    let maxvalue = c_int(vm, a[3])? as i64;
    let (h, name) = if is_none(vm, a[4]) {
        (handle, None)
    } else {
        let n = cname(vm, a[4])?;
        // SAFETY: n is NUL-terminated; without O_CREAT no further arguments are read.
        let h = unsafe { libc::sem_open(n.as_ptr(), 0) };
        if h == libc::SEM_FAILED {
            return Err(os_err(vm, errno()));
        }
        (h, Some(vm.str_of(a[4])))
    };
    Ok(new_native(vm, cls, SemLock { handle: h, kind, maxvalue, name, count: 0, last_tid: 0 }))
}

fn state(vm: &mut Vm, v: Value) -> PyResult<(*mut libc::sem_t, i64, i64, i64, u64)> {
    with_state::<SemLock, _>(vm, v, "SemLock", |s| (s.handle, s.kind, s.maxvalue, s.count, s.last_tid))
}

fn is_mine(count: i64, tid: u64) -> bool {
    count > 0 && tid == this_thread()
}

fn timeout_secs(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if let Some(f) = v.get::<FloatObj>() {
        return Ok(f.0);
    }
    let i = vm.index_of(v).map_err(|_| {
        let tn = tname(vm, v);
        vm.type_error(&format!("must be real number, not {tn}"))
    })?;
    Ok(vm.as_i64(i).unwrap_or(i64::MAX) as f64)
}

fn acquire(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let p = parse(vm, &a[1..], kw, "acquire", &["block", "timeout"], &[], 0)?;
    let me = a[0];
    let (h, kind, _, count, tid) = state(vm, me)?;
    let block = match p[0] {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    if kind == RECURSIVE_MUTEX && is_mine(count, tid) {
        with_state::<SemLock, _>(vm, me, "SemLock", |s| s.count += 1)?;
        return Ok(vm.true_);
    }
    let timeout = match p[1] {
        Some(v) if !is_none(vm, v) => Some(timeout_secs(vm, v)?.max(0.0)),
        _ => None,
    };
    let deadline = timeout.map(|t| {
        let mut now = libc::timespec { tv_sec: 0, tv_nsec: 0 };
        // SAFETY: now is a live timespec.
        unsafe { libc::clock_gettime(libc::CLOCK_REALTIME, &mut now) };
        let whole = t.floor();
        let mut sec = now.tv_sec as i64 + whole.min(1e12) as i64;
        let mut nsec = now.tv_nsec as i64 + ((t - whole) * 1e9) as i64;
        if nsec >= 1_000_000_000 {
            sec += 1;
            nsec -= 1_000_000_000;
        }
        libc::timespec { tv_sec: sec as libc::time_t, tv_nsec: nsec as _ }
    });
    let hp = h as usize;
    // first without waiting and without giving up the GIL
    loop {
        // SAFETY: h is the live semaphore of this SemLock.
        let r = unsafe { libc::sem_trywait(h) };
        if r == 0 {
            return got(vm, me);
        }
        let e = errno();
        if e == libc::EINTR {
            pyjit_vm::signals::check(vm)?;
            continue;
        }
        if e != libc::EAGAIN {
            return Err(os_err(vm, e));
        }
        break;
    }
    if !block {
        return Ok(vm.false_);
    }
    loop {
        let (r, e) = pyjit_vm::threads::allow_threads(vm, || {
            let h = hp as *mut libc::sem_t;
            // SAFETY: the semaphore stays open while the SemLock, which the caller holds, lives.
            let r = unsafe {
                match &deadline {
                    Some(d) => libc::sem_timedwait(h, d),
                    None => libc::sem_wait(h),
                }
            };
            (r, errno())
        });
        if r == 0 {
            return got(vm, me);
        }
        match e {
            libc::EINTR => pyjit_vm::signals::check(vm)?,
            libc::ETIMEDOUT | libc::EAGAIN => return Ok(vm.false_),
            _ => return Err(os_err(vm, e)),
        }
    }
}

fn got(vm: &mut Vm, me: Value) -> PyResult<Value> {
    let t = this_thread();
    with_state::<SemLock, _>(vm, me, "SemLock", |s| {
        s.count += 1;
        s.last_tid = t;
    })?;
    Ok(vm.true_)
}

fn release(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "release")?;
    let me = a[0];
    let (h, kind, maxvalue, count, tid) = state(vm, me)?;
    if kind == RECURSIVE_MUTEX {
        if !is_mine(count, tid) {
            let t = vm.types.assertion_error;
            return Err(vm.err(t, "attempt to release recursive lock not owned by thread"));
        }
        if count > 1 {
            with_state::<SemLock, _>(vm, me, "SemLock", |s| s.count -= 1)?;
            return Ok(vm.none);
        }
    } else {
        let mut sval: libc::c_int = 0;
        // SAFETY: h is live; sval is a live int.
        if unsafe { libc::sem_getvalue(h, &mut sval) } < 0 {
            return Err(os_err(vm, errno()));
        }
        if sval as i64 >= maxvalue {
            return Err(vm.value_error("semaphore or lock released too many times"));
        }
    }
    // SAFETY: h is the live semaphore of this SemLock.
    if unsafe { libc::sem_post(h) } < 0 {
        return Err(os_err(vm, errno()));
    }
    with_state::<SemLock, _>(vm, me, "SemLock", |s| s.count -= 1)?;
    Ok(vm.none)
}

fn exit(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    release(vm, &a[..1], Value::NULL)
}

fn get_value(vm: &mut Vm, h: *mut libc::sem_t) -> PyResult<i64> {
    let mut sval: libc::c_int = 0;
    // SAFETY: h is live; sval is a live int.
    if unsafe { libc::sem_getvalue(h, &mut sval) } < 0 {
        return Err(os_err(vm, errno()));
    }
    // some systems give minus the number of waiters
    Ok((sval as i64).max(0))
}

fn m_count(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "_count")?;
    let c = state(vm, a[0])?.3;
    Ok(vm.new_int(c))
}

fn m_is_mine(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "_is_mine")?;
    let (_, _, _, c, t) = state(vm, a[0])?;
    Ok(if is_mine(c, t) { vm.true_ } else { vm.false_ })
}

fn m_get_value(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "_get_value")?;
    let h = state(vm, a[0])?.0;
    let v = get_value(vm, h)?;
    Ok(vm.new_int(v))
}

fn m_is_zero(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "_is_zero")?;
    let h = state(vm, a[0])?.0;
    let v = get_value(vm, h)?;
    Ok(if v == 0 { vm.true_ } else { vm.false_ })
}

fn m_after_fork(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "_after_fork")?;
    with_state::<SemLock, _>(vm, a[0], "SemLock", |s| s.count = 0)?;
    Ok(vm.none)
}

fn g_handle(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let h = state(vm, a[0])?.0;
    Ok(vm.new_int(h as usize as i64))
}

fn g_kind(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let k = state(vm, a[0])?.1;
    Ok(vm.new_int(k))
}

fn g_maxvalue(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let k = state(vm, a[0])?.2;
    Ok(vm.new_int(k))
}

fn g_name(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let n = with_state::<SemLock, _>(vm, a[0], "SemLock", |s| s.name.clone())?;
    Ok(match n {
        Some(s) => vm.new_str(&s),
        None => vm.none,
    })
}

fn sem_unlink(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = onearg_fn(vm, a, kw, "sem_unlink")?;
    let n = cname(vm, v)?;
    // SAFETY: n is NUL-terminated.
    if unsafe { libc::sem_unlink(n.as_ptr()) } < 0 {
        let e = std::io::Error::last_os_error();
        return Err(pyjit_vm::modules::io::os_error(vm, &e, Some(v)));
    }
    Ok(vm.none)
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let ty = new_class(vm, "_multiprocessing", "SemLock", None, ObjKind::Native, true);
    SEMLOCK.with(|c| c.set(ty));
    set_new(vm, ty, semlock_new);
    add_methods(
        vm,
        ty,
        &[
            ("acquire", acquire),
            ("release", release),
            ("__enter__", acquire),
            ("__exit__", exit),
            ("_count", m_count),
            ("_is_mine", m_is_mine),
            ("_get_value", m_get_value),
            ("_is_zero", m_is_zero),
            ("_after_fork", m_after_fork),
        ],
    );
    add_classmethod(vm, ty, "_rebuild", semlock_rebuild);
    add_getsets(vm, ty, &[("handle", g_handle, None), ("kind", g_kind, None), ("maxvalue", g_maxvalue, None), ("name", g_name, None)]);
    // SEM_VALUE_MAX: glibc's is INT_MAX
    let mx = vm.new_int(i32::MAX as i64);
    set_class_attr(vm, ty, "SEM_VALUE_MAX", mx);
    set_attr(vm, m, "SemLock", ty);
    add_fns(vm, m, &[("sem_unlink", sem_unlink)]);
    let flags = vm.new_dict();
    for k in ["HAVE_SEM_OPEN", "HAVE_SEM_TIMEDWAIT"] {
        let one = vm.new_int(1);
        vm.dict_set_str(flags, k, one);
    }
    set_attr(vm, m, "flags", flags);
    Ok(())
}

fn shm_open(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let p = parse(vm, a, kw, "shm_open", &["path", "flags", "mode"], &[], 2)?;
    let pv = p[0].unwrap_or(Value::NULL);
    let path = cname(vm, pv)?;
    let flags = c_int(vm, p[1].unwrap_or(Value::NULL))?;
    let mode = match p[2] {
        Some(v) => c_int(vm, v)?,
        None => 0o777,
    };
    loop {
        // SAFETY: path is NUL-terminated.
        let fd = unsafe { libc::shm_open(path.as_ptr(), flags, mode as libc::mode_t) };
        if fd >= 0 {
            return Ok(vm.new_int(fd as i64));
        }
        let e = std::io::Error::last_os_error();
        if e.raw_os_error() == Some(libc::EINTR) {
            pyjit_vm::signals::check(vm)?;
            continue;
        }
        return Err(pyjit_vm::modules::io::os_error(vm, &e, Some(pv)));
    }
}

fn shm_unlink(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let p = parse(vm, a, kw, "shm_unlink", &["path"], &[], 1)?;
    let pv = p[0].unwrap_or(Value::NULL);
    let path = cname(vm, pv)?;
    // SAFETY: path is NUL-terminated.
    if unsafe { libc::shm_unlink(path.as_ptr()) } < 0 {
        let e = std::io::Error::last_os_error();
        return Err(pyjit_vm::modules::io::os_error(vm, &e, Some(pv)));
    }
    Ok(vm.none)
}

pub fn init_posixshmem(vm: &mut Vm, m: Value) -> PyResult<()> {
    add_fns(vm, m, &[("shm_open", shm_open), ("shm_unlink", shm_unlink)]);
    Ok(())
}

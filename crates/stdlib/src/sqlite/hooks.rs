//! Connection callbacks over SQLite's C API: set_trace_callback, set_progress_handler,
//! set_authorizer, and getlimit/setlimit. SQLite gets a C callback and, as its context
//! pointer, the connection's number (never dereferenced); the callback finds the Python
//! callable in a per-thread table and calls it with the VM `bridge` lends during steps.
#![allow(unsafe_code)]

use std::cell::RefCell;
use std::collections::HashMap;
use std::ffi::{c_char, c_int, c_uint, c_void, CStr};

use rusqlite::ffi;

use super::bridge;
use crate::util::*;

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub enum Hook {
    Trace,
    Progress,
    Authorizer,
}

pyjit_vm::gil_local! {
    static TABLE: RefCell<HashMap<(usize, Hook), Value>> = RefCell::new(HashMap::new());
}

fn callable(id: usize, h: Hook) -> Option<Value> {
    TABLE.with(|t| t.borrow().get(&(id, h)).copied())
}

fn set(id: usize, h: Hook, f: Option<Value>) {
    TABLE.with(|t| {
        let mut t = t.borrow_mut();
        match f {
            Some(f) => t.insert((id, h), f),
            None => t.remove(&(id, h)),
        }
    });
}

/// Forgets a closed connection's callables.
pub fn forget(id: usize) {
    TABLE.with(|t| t.borrow_mut().retain(|k, _| k.0 != id));
}

fn cstr(p: *const c_char) -> Option<String> {
    if p.is_null() {
        None
    } else {
        // SAFETY: SQLite passes NUL-terminated strings valid for the callback's duration
        Some(unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned())
    }
}

unsafe extern "C" fn trace_cb(kind: c_uint, ctx: *mut c_void, stmt: *mut c_void, sql: *mut c_void) -> c_int {
    if kind != ffi::SQLITE_TRACE_STMT as c_uint {
        return 0;
    }
    let Some(f) = callable(ctx as usize, Hook::Trace) else { return 0 };
    let raw = cstr(sql as *const c_char).unwrap_or_default();
    // a trigger's statements come as "-- comment" text; others are expanded with their
    // bound parameters, as CPython does
    let text = if raw.starts_with("--") {
        raw
    } else {
        // SAFETY: `stmt` is the statement SQLite is running; the expanded text is a
        // string SQLite allocated, copied and then freed here
        unsafe {
            let e = ffi::sqlite3_expanded_sql(stmt as *mut ffi::sqlite3_stmt);
            let s = cstr(e);
            ffi::sqlite3_free(e as *mut c_void);
            s.unwrap_or(raw)
        }
    };
    bridge::with_vm(|vm| {
        let s = vm.new_str(&text);
        if let Err(e) = vm.call(f, &[s]) {
            super::report_callback_error(vm, e, f);
        }
    });
    0
}

unsafe extern "C" fn progress_cb(ctx: *mut c_void) -> c_int {
    let Some(f) = callable(ctx as usize, Hook::Progress) else { return 0 };
    let r = bridge::with_vm(|vm| match vm.call(f, &[]).and_then(|v| vm.truthy(v)) {
        Ok(stop) => stop,
        Err(e) => {
            super::report_callback_error(vm, e, f);
            true
        }
    });
    r.unwrap_or(false) as c_int
}

unsafe extern "C" fn auth_cb(ctx: *mut c_void, action: c_int, a1: *const c_char, a2: *const c_char, db: *const c_char, src: *const c_char) -> c_int {
    let Some(f) = callable(ctx as usize, Hook::Authorizer) else { return ffi::SQLITE_OK };
    let strs = [cstr(a1), cstr(a2), cstr(db), cstr(src)];
    let r = bridge::with_vm(|vm| {
        let mut args = vec![vm.new_int(action as i64)];
        for s in &strs {
            let v = match s {
                Some(s) => vm.new_str(s),
                None => vm.none,
            };
            args.push(v);
        }
        match vm.call(f, &args) {
            Ok(v) if v.is_small() => i32::try_from(v.small_value()).unwrap_or(ffi::SQLITE_DENY),
            Ok(_) => ffi::SQLITE_DENY,
            Err(e) => {
                super::report_callback_error(vm, e, f);
                ffi::SQLITE_DENY
            }
        }
    });
    r.unwrap_or(ffi::SQLITE_DENY)
}

/// Registers (Some) or removes (None) a callback of connection `id` on `db`.
pub fn install(db: &rusqlite::Connection, id: usize, h: Hook, f: Option<Value>, n: c_int) {
    set(id, h, f);
    let ctx = id as *mut c_void;
    // SAFETY: the handle is the open connection; the callbacks are plain functions that only
    // use `ctx` as a number, and stay valid for the program's lifetime
    unsafe {
        let handle = db.handle();
        match h {
            Hook::Trace => {
                let cb = f.map(|_| trace_cb as unsafe extern "C" fn(c_uint, *mut c_void, *mut c_void, *mut c_void) -> c_int);
                ffi::sqlite3_trace_v2(handle, if cb.is_some() { ffi::SQLITE_TRACE_STMT as c_uint } else { 0 }, cb, ctx);
            }
            Hook::Progress => {
                let cb = f.map(|_| progress_cb as unsafe extern "C" fn(*mut c_void) -> c_int);
                ffi::sqlite3_progress_handler(handle, n, cb, ctx);
            }
            Hook::Authorizer => {
                let cb = f.map(|_| auth_cb as unsafe extern "C" fn(*mut c_void, c_int, *const c_char, *const c_char, *const c_char, *const c_char) -> c_int);
                ffi::sqlite3_set_authorizer(handle, cb, ctx);
            }
        }
    }
}

/// sqlite3_limit: the old value of limit `category`, setting `new` when it is not negative;
/// None for an unknown category.
pub fn limit(db: &rusqlite::Connection, category: c_int, new: c_int) -> Option<c_int> {
    if !(0..=11).contains(&category) {
        return None;
    }
    // SAFETY: the handle is the open connection and the category is in SQLite's range
    Some(unsafe { ffi::sqlite3_limit(db.handle(), category, new) })
}

/// Connection.backup: copies database `name` of `src` into "main" of `dst`, `pages` pages
/// a step, calling `progress(status, remaining, pagecount)` after each step. The outer error
/// is the progress callback's (the backup is abandoned), the inner one SQLite's.
pub fn backup<E>(
    src: &rusqlite::Connection,
    dst: &rusqlite::Connection,
    name: &std::ffi::CStr,
    pages: c_int,
    sleep_ms: c_int,
    mut progress: impl FnMut(c_int, c_int, c_int) -> Result<(), E>,
) -> Result<Result<(), rusqlite::Error>, E> {
    // SAFETY: both handles are open connections; the backup handle is finished exactly once
    // on every path below
    unsafe {
        let b = ffi::sqlite3_backup_init(dst.handle(), c"main".as_ptr(), src.handle(), name.as_ptr());
        if b.is_null() {
            return Ok(Err(super::stmt::last_error(dst, ffi::SQLITE_ERROR)));
        }
        loop {
            let rc = ffi::sqlite3_backup_step(b, pages);
            let (remaining, count) = (ffi::sqlite3_backup_remaining(b), ffi::sqlite3_backup_pagecount(b));
            if let Err(e) = progress(rc, remaining, count) {
                ffi::sqlite3_backup_finish(b);
                return Err(e);
            }
            if rc == ffi::SQLITE_BUSY || rc == ffi::SQLITE_LOCKED {
                ffi::sqlite3_sleep(sleep_ms);
            }
            if !(rc == ffi::SQLITE_OK || rc == ffi::SQLITE_BUSY || rc == ffi::SQLITE_LOCKED) {
                break;
            }
        }
        let rc = ffi::sqlite3_backup_finish(b);
        if rc != ffi::SQLITE_OK {
            return Ok(Err(super::stmt::last_error(dst, rc)));
        }
        Ok(Ok(()))
    }
}

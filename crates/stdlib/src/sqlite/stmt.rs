//! A prepared SQLite statement a cursor keeps between calls (CPython steps a SELECT one row
//! at a time, as it is fetched). rusqlite's statements borrow their connection and reset
//! when their row iterator is dropped, so this is a small owner of the raw `sqlite3_stmt`
//! over the C API instead, holding the connection alive through an `Rc`.
#![allow(unsafe_code)]

use std::ffi::{c_char, c_int, CStr};
use std::ptr::NonNull;
use std::rc::Rc;

use rusqlite::ffi;
use rusqlite::types::Value as SqlValue;

use super::values::SqlVal;

pub struct Stmt {
    raw: NonNull<ffi::sqlite3_stmt>,
    /// Keeps the connection open: Drop finalizes the statement before the fields drop, so
    /// the connection is never closed (by this last reference) with it unfinalized.
    db: Rc<rusqlite::Connection>,
}

/// The connection's last error as rusqlite's error (SQLite's code and message).
pub(super) fn last_error(db: &rusqlite::Connection, code: c_int) -> rusqlite::Error {
    // SAFETY: the handle is the open connection `db` owns; sqlite3_errmsg returns a
    // NUL-terminated string owned by SQLite, copied at once.
    let (ext, msg) = unsafe {
        let h = db.handle();
        let m = ffi::sqlite3_errmsg(h);
        let msg = if m.is_null() { None } else { Some(CStr::from_ptr(m).to_string_lossy().into_owned()) };
        (ffi::sqlite3_extended_errcode(h), msg)
    };
    let code = if ext != 0 { ext } else { code };
    rusqlite::Error::SqliteFailure(ffi::Error::new(code), msg)
}

impl Stmt {
    /// Prepares the first statement of `sql`: the statement (None when the text holds only
    /// blanks and comments) and the byte offset where the rest of the text starts.
    pub fn prepare(db: &Rc<rusqlite::Connection>, sql: &str) -> Result<(Option<Stmt>, usize), rusqlite::Error> {
        let len = c_int::try_from(sql.len()).map_err(|_| rusqlite::Error::SqliteFailure(ffi::Error::new(ffi::SQLITE_TOOBIG), Some("query string is too large".into())))?;
        let mut raw: *mut ffi::sqlite3_stmt = std::ptr::null_mut();
        let mut tail: *const c_char = std::ptr::null();
        let start = sql.as_ptr() as *const c_char;
        // SAFETY: `sql` is valid for `len` bytes (no NUL terminator is needed when the
        // length is given); `raw` and `tail` are out-parameters written by SQLite, `tail`
        // pointing into `sql`.
        let rc = unsafe { ffi::sqlite3_prepare_v2(db.handle(), start, len, &mut raw, &mut tail) };
        if rc != ffi::SQLITE_OK {
            // SAFETY: finalizing NULL is a no-op; a statement made despite the error is freed
            unsafe { ffi::sqlite3_finalize(raw) };
            return Err(last_error(db, rc));
        }
        let rest = if tail.is_null() { sql.len() } else { (tail as usize).saturating_sub(start as usize).min(sql.len()) };
        Ok((NonNull::new(raw).map(|raw| Stmt { raw, db: db.clone() }), rest))
    }

    fn p(&self) -> *mut ffi::sqlite3_stmt {
        self.raw.as_ptr()
    }

    pub fn param_count(&self) -> usize {
        // SAFETY: `raw` is a live statement (finalized only in Drop)
        unsafe { ffi::sqlite3_bind_parameter_count(self.p()) as usize }
    }

    /// The name of parameter `i` (1-based) with its prefix (":a", "@a", "$a"); None for "?".
    pub fn param_name(&self, i: usize) -> Option<String> {
        // SAFETY: live statement; the name is a NUL-terminated string owned by it, copied
        unsafe {
            let n = ffi::sqlite3_bind_parameter_name(self.p(), i as c_int);
            if n.is_null() {
                None
            } else {
                Some(CStr::from_ptr(n).to_string_lossy().into_owned())
            }
        }
    }

    /// Binds parameter `i` (1-based).
    pub fn bind(&mut self, i: usize, v: &SqlValue) -> Result<(), rusqlite::Error> {
        let i = i as c_int;
        // SAFETY: live statement; text and blob bytes are copied by SQLite (SQLITE_TRANSIENT)
        // and their lengths are checked to fit the C int SQLite takes
        let rc = unsafe {
            match v {
                SqlValue::Null => ffi::sqlite3_bind_null(self.p(), i),
                SqlValue::Integer(n) => ffi::sqlite3_bind_int64(self.p(), i, *n),
                SqlValue::Real(f) => ffi::sqlite3_bind_double(self.p(), i, *f),
                SqlValue::Text(s) => match c_int::try_from(s.len()) {
                    Ok(n) => ffi::sqlite3_bind_text(self.p(), i, s.as_ptr() as *const c_char, n, ffi::SQLITE_TRANSIENT()),
                    Err(_) => ffi::SQLITE_TOOBIG,
                },
                SqlValue::Blob(b) => match c_int::try_from(b.len()) {
                    Ok(n) => ffi::sqlite3_bind_blob(self.p(), i, b.as_ptr() as *const std::ffi::c_void, n, ffi::SQLITE_TRANSIENT()),
                    Err(_) => ffi::SQLITE_TOOBIG,
                },
            }
        };
        if rc == ffi::SQLITE_OK {
            Ok(())
        } else if rc == ffi::SQLITE_TOOBIG {
            Err(rusqlite::Error::SqliteFailure(ffi::Error::new(rc), Some("string or blob too big".into())))
        } else {
            Err(last_error(&self.db, rc))
        }
    }

    /// One step: true when a row is ready, false when the statement is done.
    pub fn step(&mut self) -> Result<bool, rusqlite::Error> {
        // SAFETY: live statement
        let rc = unsafe { ffi::sqlite3_step(self.p()) };
        match rc {
            ffi::SQLITE_ROW => Ok(true),
            ffi::SQLITE_DONE => Ok(false),
            _ => {
                // sqlite3_reset returns the error of the failed step (and makes the
                // statement reusable)
                // SAFETY: live statement
                let rc2 = unsafe { ffi::sqlite3_reset(self.p()) };
                Err(last_error(&self.db, if rc2 != ffi::SQLITE_OK { rc2 } else { rc }))
            }
        }
    }

    /// Makes the statement ready to run again (bindings stay).
    pub fn reset(&mut self) {
        // SAFETY: live statement
        unsafe { ffi::sqlite3_reset(self.p()) };
    }

    pub fn column_count(&self) -> usize {
        // SAFETY: live statement
        unsafe { ffi::sqlite3_column_count(self.p()) as usize }
    }

    fn text_of(p: *const c_char) -> Option<String> {
        if p.is_null() {
            return None;
        }
        // SAFETY: SQLite returned a NUL-terminated string that stays valid until the next
        // call on the statement; it is copied here
        Some(unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned())
    }

    pub fn column_name(&self, i: usize) -> String {
        // SAFETY: live statement, i < column_count
        Self::text_of(unsafe { ffi::sqlite3_column_name(self.p(), i as c_int) }).unwrap_or_default()
    }

    pub fn column_decltype(&self, i: usize) -> Option<String> {
        // SAFETY: live statement, i < column_count
        Self::text_of(unsafe { ffi::sqlite3_column_decltype(self.p(), i as c_int) })
    }

    /// Whether the statement does not write (sqlite3_stmt_readonly).
    pub fn readonly(&self) -> bool {
        // SAFETY: live statement
        unsafe { ffi::sqlite3_stmt_readonly(self.p()) != 0 }
    }

    /// The values of the current row (after `step` returned true).
    pub fn row(&self) -> Vec<SqlVal> {
        let n = self.column_count();
        let mut out = Vec::with_capacity(n);
        for i in 0..n as c_int {
            // SAFETY: live statement positioned on a row, i < column_count. For text and
            // blobs the pointer is read after sqlite3_column_bytes would change the
            // representation, per SQLite's documented order (pointer first, then bytes), and
            // copied before the next call.
            let v = unsafe {
                match ffi::sqlite3_column_type(self.p(), i) {
                    ffi::SQLITE_INTEGER => SqlVal::Int(ffi::sqlite3_column_int64(self.p(), i)),
                    ffi::SQLITE_FLOAT => SqlVal::Real(ffi::sqlite3_column_double(self.p(), i)),
                    ffi::SQLITE_TEXT => {
                        let p = ffi::sqlite3_column_text(self.p(), i);
                        let len = ffi::sqlite3_column_bytes(self.p(), i).max(0) as usize;
                        SqlVal::Text(if p.is_null() { Vec::new() } else { std::slice::from_raw_parts(p, len).to_vec() })
                    }
                    ffi::SQLITE_BLOB => {
                        let p = ffi::sqlite3_column_blob(self.p(), i) as *const u8;
                        let len = ffi::sqlite3_column_bytes(self.p(), i).max(0) as usize;
                        SqlVal::Blob(if p.is_null() { Vec::new() } else { std::slice::from_raw_parts(p, len).to_vec() })
                    }
                    _ => SqlVal::Null,
                }
            };
            out.push(v);
        }
        out
    }
}

impl Drop for Stmt {
    fn drop(&mut self) {
        // SAFETY: the statement is live and finalized exactly once, here
        unsafe { ffi::sqlite3_finalize(self.raw.as_ptr()) };
    }
}

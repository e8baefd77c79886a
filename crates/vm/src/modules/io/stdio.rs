//! sys.stdin, sys.stdout and sys.stderr: TextIOWrapper over BufferedReader/Writer over
//! FileIO(0/1/2, closefd=False), as CPython builds them. Their text and buffer layers
//! write into the interpreter's stdout buffer (`Vm::stdout_buf`, see `sys::flush_stdout`)
//! or straight to fd 2, so text, `.buffer` and `.buffer.raw` writes keep program order;
//! `print()` to the original stdout/stderr skips the layers entirely (`sys::write_to`)
//! as long as the stream is open, attached and still UTF-8 with its first error handler.
//! sys.stdin reads through std's buffer, a line at a time, which the REPL shares.

use std::io::IsTerminal;

use crate::heap::Value;
use crate::interp::Vm;
use crate::objects::*;

use super::{buffered, fileio, io_obj, textio, IoState};

fn std_text(vm: &mut Vm, fd: i32, name: &str, errors: &str, line_buffering: bool) -> Value {
    let raw = fileio::new_fileio_fd(vm, fd, fd == 0, name);
    let buffer = if fd != 0 && vm.config.unbuffered { raw } else { buffered::new_std(vm, raw, fd) };
    let t = super::types();
    let w = vm.alloc(t.textio, IoObj::new(IoState::Empty)).value();
    let codec = crate::builtins::codecs::Codec::Utf8;
    let wt = fd != 0 && vm.config.unbuffered;
    if textio::make_text(vm, w, buffer, "utf-8".into(), codec, errors.into(), Some("\n"), line_buffering, wt, fd).is_err() {
        crate::interp::fatal("cannot create the standard streams");
    }
    let mode = vm.new_str(if fd == 0 { "r" } else { "w" });
    let _ = vm.setattr_str(w, "mode", mode);
    w
}

pub fn register(vm: &mut Vm) {
    let errors = crate::modules::sys::stdout_errors();
    let tty = std::io::stdout().is_terminal();
    let inp = std_text(vm, 0, "<stdin>", &errors, false);
    let out = std_text(vm, 1, "<stdout>", &errors, tty);
    let err = std_text(vm, 2, "<stderr>", "backslashreplace", true);
    crate::modules::sys::set_std_streams(vm, inp, out, err, tty);
}

/// A standard stream closed or detached: print() must go through its methods (and fail
/// as CPython's does).
pub fn forget_std(v: Value) {
    crate::modules::sys::disable_fast_path(v);
}

/// After reconfigure(): the fast path stays only for UTF-8 with the original error handler;
/// stdout's line buffering is what the object says.
pub fn check_std_fast(v: Value) {
    let Some(o) = io_obj(v) else { return };
    let Ok(st) = o.st.try_borrow() else { return };
    let IoState::Text(t) = &*st else { return };
    if t.std == 1 {
        crate::modules::sys::set_stdout_line_buffering(t.line_buffering);
    }
    let utf8 = t.codec == crate::builtins::codecs::Codec::Utf8;
    let errors_ok = if t.std == 2 { t.errors == "backslashreplace" } else { t.errors == crate::modules::sys::stdout_errors() };
    let keep = utf8 && errors_ok;
    drop(st);
    if !keep {
        crate::modules::sys::disable_fast_path(v);
    }
}

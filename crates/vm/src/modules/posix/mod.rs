//! The posix module, under CPython's os.py: file system, descriptor and process calls in
//! Rust (`fs.rs`, `fdproc.rs` over `sys_calls.rs`), the struct sequences, DirEntry,
//! scandir and environ in Python (`py/posix.py`).

mod args;
mod fdproc;
mod fs;
mod sys_calls;

use crate::heap::Value;
use crate::interp::{NativeFn, PyResult, Vm};
use crate::objects::ModuleObj;

pub use args::{decode_os, encode_str};

const PRELUDE: &str = include_str!("../py/posix.py");

/// An attribute of the posix module (its Python half).
fn module_attr(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let mods = vm.modules;
    let k = vm.new_str("posix");
    let m = vm.dict_get(mods, k)?.unwrap_or(vm.none);
    let d = m.get::<ModuleObj>().map(|m| m.dict).unwrap_or(Value::NULL);
    match vm.dict_get_by_str(d, name) {
        Some(v) => Ok(v),
        None => Err(vm.runtime_error(&format!("posix.{name} is missing"))),
    }
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("stat", fs::stat),
    ("lstat", fs::lstat),
    ("fstat", fs::fstat),
    ("listdir", fs::listdir),
    ("_scandir_raw", fs::scandir_raw),
    ("getcwd", fs::getcwd),
    ("getcwdb", fs::getcwdb),
    ("chdir", fs::chdir),
    ("unlink", fs::unlink),
    ("remove", fs::remove),
    ("rmdir", fs::rmdir),
    ("mkdir", fs::mkdir),
    ("rename", fs::rename),
    ("replace", fs::replace),
    ("link", fs::link),
    ("symlink", fs::symlink),
    ("readlink", fs::readlink),
    ("access", fs::access),
    ("chmod", fs::chmod),
    ("fchmod", fs::fchmod),
    ("chown", fs::chown),
    ("lchown", fs::lchown),
    ("utime", fs::utime),
    ("truncate", fs::truncate),
    ("mkfifo", fs::mkfifo),
    ("open", fdproc::open),
    ("close", fdproc::close),
    ("closerange", fdproc::closerange),
    ("read", fdproc::read),
    ("write", fdproc::write),
    ("lseek", fdproc::lseek),
    ("dup", fdproc::dup),
    ("dup2", fdproc::dup2),
    ("pipe", fdproc::pipe),
    ("isatty", fdproc::isatty),
    ("fsync", fdproc::fsync),
    ("ftruncate", fdproc::ftruncate),
    ("get_inheritable", fdproc::get_inheritable),
    ("set_inheritable", fdproc::set_inheritable),
    ("get_blocking", fdproc::get_blocking),
    ("set_blocking", fdproc::set_blocking),
    ("device_encoding", fdproc::device_encoding),
    ("urandom", fdproc::urandom),
    ("getpid", fdproc::getpid),
    ("getppid", fdproc::getppid),
    ("getpgrp", fdproc::getpgrp),
    ("getuid", fdproc::getuid),
    ("geteuid", fdproc::geteuid),
    ("getgid", fdproc::getgid),
    ("getegid", fdproc::getegid),
    ("getgroups", fdproc::getgroups),
    ("getlogin", fdproc::getlogin),
    ("kill", fdproc::kill),
    ("killpg", fdproc::killpg),
    ("_exit", fdproc::exit_),
    ("abort", fdproc::abort),
    ("umask", fdproc::umask),
    ("strerror", fdproc::strerror),
    ("ttyname", fdproc::ttyname),
    ("getloadavg", fdproc::getloadavg),
    ("putenv", fdproc::putenv),
    ("unsetenv", fdproc::unsetenv),
    ("waitpid", fdproc::waitpid),
    ("wait", fdproc::wait),
    ("fork", fdproc::fork),
    ("system", fdproc::system),
    ("setsid", fdproc::setsid),
    ("setpgid", fdproc::setpgid),
    ("getsid", fdproc::getsid),
    ("getpgid", fdproc::getpgid),
    ("nice", fdproc::nice),
    ("fspath", super::io::os_fspath),
    ("_uname_raw", fdproc::uname_raw),
    ("_times_raw", fdproc::times_raw),
    ("_sysconf_raw", fdproc::sysconf_raw),
    ("_statvfs_raw", fdproc::statvfs_raw),
    ("sched_getaffinity", fdproc::sched_getaffinity),
    ("_terminal_size_raw", fdproc::terminal_size_raw),
    ("_environ_raw", fdproc::environ_raw),
    ("_execv_raw", fdproc::execv_raw),
];

/// The integer constants of the posix module, from the C library of the target.
fn constants() -> Vec<(&'static str, i64)> {
    use libc as c;
    vec![
        ("F_OK", c::F_OK as i64),
        ("R_OK", c::R_OK as i64),
        ("W_OK", c::W_OK as i64),
        ("X_OK", c::X_OK as i64),
        ("O_RDONLY", c::O_RDONLY as i64),
        ("O_WRONLY", c::O_WRONLY as i64),
        ("O_RDWR", c::O_RDWR as i64),
        ("O_ACCMODE", c::O_ACCMODE as i64),
        ("O_APPEND", c::O_APPEND as i64),
        ("O_CREAT", c::O_CREAT as i64),
        ("O_EXCL", c::O_EXCL as i64),
        ("O_TRUNC", c::O_TRUNC as i64),
        ("O_NONBLOCK", c::O_NONBLOCK as i64),
        ("O_NDELAY", c::O_NDELAY as i64),
        ("O_SYNC", c::O_SYNC as i64),
        ("O_DSYNC", c::O_DSYNC as i64),
        ("O_RSYNC", c::O_RSYNC as i64),
        ("O_FSYNC", c::O_FSYNC as i64),
        ("O_NOCTTY", c::O_NOCTTY as i64),
        ("O_CLOEXEC", c::O_CLOEXEC as i64),
        ("O_DIRECTORY", c::O_DIRECTORY as i64),
        ("O_NOFOLLOW", c::O_NOFOLLOW as i64),
        ("O_NOATIME", c::O_NOATIME as i64),
        ("O_PATH", c::O_PATH as i64),
        ("O_TMPFILE", c::O_TMPFILE as i64),
        ("O_ASYNC", c::O_ASYNC as i64),
        ("O_DIRECT", c::O_DIRECT as i64),
        ("O_LARGEFILE", 0),
        ("SEEK_SET", 0),
        ("SEEK_CUR", 1),
        ("SEEK_END", 2),
        ("SEEK_DATA", c::SEEK_DATA as i64),
        ("SEEK_HOLE", c::SEEK_HOLE as i64),
        ("WNOHANG", c::WNOHANG as i64),
        ("WUNTRACED", c::WUNTRACED as i64),
        ("WCONTINUED", c::WCONTINUED as i64),
        ("WEXITED", c::WEXITED as i64),
        ("WSTOPPED", c::WSTOPPED as i64),
        ("WNOWAIT", c::WNOWAIT as i64),
        ("P_PID", 1),
        ("P_PGID", 2),
        ("P_ALL", 0),
        ("EX_OK", 0),
        ("EX_USAGE", 64),
        ("EX_DATAERR", 65),
        ("EX_NOINPUT", 66),
        ("EX_NOUSER", 67),
        ("EX_NOHOST", 68),
        ("EX_UNAVAILABLE", 69),
        ("EX_SOFTWARE", 70),
        ("EX_OSERR", 71),
        ("EX_OSFILE", 72),
        ("EX_CANTCREAT", 73),
        ("EX_IOERR", 74),
        ("EX_TEMPFAIL", 75),
        ("EX_PROTOCOL", 76),
        ("EX_NOPERM", 77),
        ("EX_CONFIG", 78),
        ("F_LOCK", 1),
        ("F_TLOCK", 2),
        ("F_ULOCK", 0),
        ("F_TEST", 3),
        ("NGROUPS_MAX", 65536),
        ("TMP_MAX", 238328),
        ("RTLD_LAZY", c::RTLD_LAZY as i64),
        ("RTLD_NOW", c::RTLD_NOW as i64),
        ("RTLD_GLOBAL", c::RTLD_GLOBAL as i64),
        ("RTLD_LOCAL", c::RTLD_LOCAL as i64),
        ("RTLD_NODELETE", c::RTLD_NODELETE as i64),
        ("RTLD_NOLOAD", c::RTLD_NOLOAD as i64),
        ("RTLD_DEEPBIND", c::RTLD_DEEPBIND as i64),
        ("PRIO_PROCESS", 0),
        ("PRIO_PGRP", 1),
        ("PRIO_USER", 2),
        ("ST_RDONLY", 1),
        ("ST_NOSUID", 2),
    ]
}

pub fn register(vm: &mut Vm) {
    let m = super::new_module(vm, "posix");
    for &(name, f) in FUNCTIONS {
        super::add_fn(vm, m, name, f);
    }
    for (name, v) in constants() {
        let iv = vm.new_int(v);
        super::set_attr(vm, m, name, iv);
    }
    let ose = vm.types.os_error;
    super::set_attr(vm, m, "error", ose);
    let d = m.get::<ModuleObj>().map(|m| m.dict).unwrap_or(Value::NULL);
    let b = vm.builtins;
    vm.dict_set_str(d, "__builtins__", b);
    let code = vm.compile_source(PRELUDE, "<frozen posix>", pyjit_compiler::Mode::Exec);
    // a failure here is a bug in the prelude; os.py's import then names what is missing
    let _ = code.and_then(|c| vm.run_code(c, d, d));
}

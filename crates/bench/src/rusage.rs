//! The operating-system calls for waiting on a child process and reading
//! what it used: the only module of the harness with `unsafe`.
//!
//! The caller first waits for the child to exit *without* reaping it
//! ([`wait_exited`]), so that its process id (and process group id) cannot be
//! reused while a watchdog may still send it a signal, and then reaps it with
//! [`reap`], which returns the exit status and the resource usage (CPU time,
//! max RSS) of that child and of the descendants it waited for.

use std::io;

/// How a child process ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Exited normally with this status code.
    Code(i32),
    /// Killed by this signal.
    Signal(i32),
}

/// Resources a child used, from `wait4`'s `struct rusage`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Usage {
    /// User plus system CPU time, seconds.
    pub cpu_s: f64,
    /// Maximum resident set size, KiB (Linux reports `ru_maxrss` in KiB).
    pub max_rss_kib: u64,
}

fn pid_of(pid: u32) -> io::Result<libc::pid_t> {
    libc::pid_t::try_from(pid)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "process id out of range"))
}

/// Blocks until the child `pid` has exited, leaving it a zombie (not reaped).
pub fn wait_exited(pid: u32) -> io::Result<()> {
    let id = libc::id_t::from(pid);
    loop {
        // SAFETY: siginfo_t is a plain C struct for which all-zero bytes are a
        // valid value.
        let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
        // SAFETY: `info` is a valid, writable siginfo_t that outlives the call;
        // waitid with WNOWAIT only reports the state change of our own child.
        let r = unsafe {
            libc::waitid(libc::P_PID, id, &mut info, libc::WEXITED | libc::WNOWAIT)
        };
        if r == 0 {
            return Ok(());
        }
        let err = io::Error::last_os_error();
        if err.kind() != io::ErrorKind::Interrupted {
            return Err(err);
        }
    }
}

/// Reaps the exited child `pid` and returns its exit status and usage.
pub fn reap(pid: u32) -> io::Result<(Exit, Usage)> {
    let pid = pid_of(pid)?;
    loop {
        let mut status: libc::c_int = 0;
        // SAFETY: struct rusage is plain C data; all-zero bytes are valid.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: `status` and `usage` are valid, writable and outlive the
        // call; wait4 on our own child's pid only writes to them.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == pid {
            let exit = if libc::WIFEXITED(status) {
                Exit::Code(libc::WEXITSTATUS(status))
            } else if libc::WIFSIGNALED(status) {
                Exit::Signal(libc::WTERMSIG(status))
            } else {
                Exit::Code(-1)
            };
            let seconds = |tv: libc::timeval| tv.tv_sec as f64 + tv.tv_usec as f64 * 1e-6;
            let usage = Usage {
                cpu_s: seconds(usage.ru_utime) + seconds(usage.ru_stime),
                max_rss_kib: u64::try_from(usage.ru_maxrss).unwrap_or(0),
            };
            return Ok((exit, usage));
        }
        let err = io::Error::last_os_error();
        if err.kind() != io::ErrorKind::Interrupted {
            return Err(err);
        }
    }
}

/// Sends SIGKILL to the process group `pgid` (the child was started as the
/// leader of its own group, so this also reaches its descendants).  Errors
/// (the group is already gone) are ignored.
pub fn kill_group(pgid: u32) {
    if let Ok(pgid) = pid_of(pgid) {
        if pgid > 0 {
            // SAFETY: kill has no memory-safety preconditions; a negative pid
            // addresses the process group of our own, not yet reaped, child.
            unsafe {
                libc::kill(-pgid, libc::SIGKILL);
            }
        }
    }
}

//! Running one child process: captured output, wall time, CPU time, max RSS
//! and a time limit.

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use crate::rusage::{self, Exit};

/// What one process did.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub wall_s: f64,
    pub cpu_s: f64,
    pub max_rss_kib: u64,
    pub exit: Exit,
    /// The time limit was hit and the process group was killed.
    pub timed_out: bool,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `argv` in `cwd` with `env` added to the environment, stdin from
/// /dev/null, stdout and stderr captured.  The child leads its own process
/// group; after `timeout` the whole group is killed.  Wall time runs from
/// just before the spawn to the moment the child has exited.
pub fn run(
    argv: &[String],
    cwd: &Path,
    env: &[(&str, &str)],
    timeout: Duration,
) -> Result<Outcome, String> {
    let (program, args) = argv.split_first().ok_or("empty command")?;
    let mut cmd = Command::new(program);
    cmd.args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    for (k, v) in env {
        cmd.env(k, v);
    }

    let start = Instant::now();
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot start {program}: {e}"))?;
    let pid = child.id();

    let (stop_tx, stop_rx) = mpsc::channel::<()>();
    let watchdog = thread::spawn(move || match stop_rx.recv_timeout(timeout) {
        Err(mpsc::RecvTimeoutError::Timeout) => {
            rusage::kill_group(pid);
            true
        }
        _ => false,
    });
    let out_reader = child.stdout.take().map(spawn_reader);
    let err_reader = child.stderr.take().map(spawn_reader);

    let waited = rusage::wait_exited(pid);
    let wall_s = start.elapsed().as_secs_f64();
    // Stop the watchdog before reaping: until then the pid cannot be reused.
    let _ = stop_tx.send(());
    let timed_out = watchdog.join().unwrap_or(false);
    // Whatever the child left running in its group would keep the output
    // pipes open; the leader is still a zombie, so the group id is ours.
    rusage::kill_group(pid);
    if let Err(e) = waited {
        let _ = rusage::reap(pid);
        return Err(format!("waiting for {program}: {e}"));
    }
    let (exit, usage) = rusage::reap(pid).map_err(|e| format!("reaping {program}: {e}"))?;
    let stdout = join_reader(out_reader);
    let stderr = join_reader(err_reader);
    Ok(Outcome {
        wall_s,
        cpu_s: usage.cpu_s,
        max_rss_kib: usage.max_rss_kib,
        exit,
        timed_out,
        stdout,
        stderr,
    })
}

fn spawn_reader<R: Read + Send + 'static>(mut pipe: R) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = pipe.read_to_end(&mut buf);
        buf
    })
}

fn join_reader(reader: Option<thread::JoinHandle<Vec<u8>>>) -> String {
    let bytes = reader.and_then(|h| h.join().ok()).unwrap_or_default();
    String::from_utf8_lossy(&bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sh(script: &str) -> Vec<String> {
        vec!["/bin/sh".to_string(), "-c".to_string(), script.to_string()]
    }

    #[test]
    fn captures_output_exit_code_and_env() {
        let out = run(
            &sh("echo out; echo err >&2; echo $FOO; exit 3"),
            Path::new("/"),
            &[("FOO", "bar")],
            Duration::from_secs(20),
        )
        .unwrap();
        assert_eq!(out.stdout, "out\nbar\n");
        assert_eq!(out.stderr, "err\n");
        assert_eq!(out.exit, Exit::Code(3));
        assert!(!out.timed_out);
        assert!(out.wall_s > 0.0 && out.wall_s < 20.0);
        assert!(out.max_rss_kib > 0);
    }

    #[test]
    fn runs_in_the_given_directory() {
        let out = run(&sh("pwd"), Path::new("/tmp"), &[], Duration::from_secs(20)).unwrap();
        assert_eq!(out.stdout.trim_end(), std::fs::canonicalize("/tmp").unwrap().to_str().unwrap());
    }

    #[test]
    fn time_limit_kills_the_whole_group() {
        // The shell's child `sleep` holds the pipes open: only killing the
        // group lets the readers finish.
        let t = Instant::now();
        let out = run(&sh("sleep 30; echo late"), Path::new("/"), &[], Duration::from_millis(300))
            .unwrap();
        assert!(out.timed_out);
        assert_eq!(out.exit, Exit::Signal(libc::SIGKILL));
        assert!(t.elapsed() < Duration::from_secs(10));
        assert_eq!(out.stdout, "");
    }

    #[test]
    fn cpu_time_is_measured() {
        let out = run(
            &sh("i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done"),
            Path::new("/"),
            &[],
            Duration::from_secs(60),
        )
        .unwrap();
        assert_eq!(out.exit, Exit::Code(0));
        assert!(out.cpu_s > 0.0, "cpu {}", out.cpu_s);
    }

    #[test]
    fn missing_program_is_an_error() {
        let r = run(&["/nonexistent/pyjit-bench-test".to_string()], Path::new("/"), &[], Duration::from_secs(5));
        match r {
            Err(err) => assert!(err.contains("cannot start"), "{err}"),
            // under qemu-user the exec failure surfaces in the child, which exits 127
            Ok(o) => assert_eq!(o.exit, Exit::Code(127), "{o:?}"),
        }
    }
}

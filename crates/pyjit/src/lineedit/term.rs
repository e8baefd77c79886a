//! Putting the terminal into character-at-a-time mode and back, through stty(1), so that
//! the line editor needs no `unsafe` termios calls.

use std::process::{Command, Stdio};

/// The terminal's settings before raw mode; restored on drop.
pub struct RawMode {
    saved: String,
}

impl RawMode {
    /// Switches stdin's terminal to non-canonical, no-echo, no-signal mode. `None` if stty
    /// is missing or stdin is not a terminal.
    pub fn enter() -> Option<RawMode> {
        let saved = stty(&["-g"])?;
        let saved = saved.trim().to_string();
        stty(&["-icanon", "-echo", "-isig", "-ixon", "min", "1", "time", "0"])?;
        Some(RawMode { saved })
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = stty(&[&self.saved]);
    }
}

/// Columns of the terminal on stdin, 80 when unknown.
pub fn columns() -> usize {
    stty(&["size"])
        .and_then(|s| s.split_whitespace().nth(1).and_then(|c| c.parse().ok()))
        .filter(|&c: &usize| c > 0)
        .unwrap_or(80)
}

fn stty(args: &[&str]) -> Option<String> {
    let out = Command::new("stty").args(args).stdin(Stdio::inherit()).stderr(Stdio::null()).output().ok()?;
    if !out.status.success() {
        return None;
    }
    String::from_utf8(out.stdout).ok()
}

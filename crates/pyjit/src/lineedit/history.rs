//! Persistent history of the interactive prompt: one entry a line in ~/.pyjit_history.

use std::io::Write;
use std::path::PathBuf;

const MAX_ENTRIES: usize = 1000;

pub struct History {
    pub entries: Vec<String>,
    file: Option<PathBuf>,
}

impl History {
    /// Loads the history file named by PYJIT_HISTFILE, or ~/.pyjit_history.
    pub fn load() -> History {
        let file = std::env::var_os("PYJIT_HISTFILE")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".pyjit_history")));
        let mut entries: Vec<String> = file
            .as_ref()
            .and_then(|f| std::fs::read_to_string(f).ok())
            .map(|s| s.lines().filter(|l| !l.trim().is_empty()).map(str::to_string).collect())
            .unwrap_or_default();
        if entries.len() > MAX_ENTRIES {
            entries.drain(..entries.len() - MAX_ENTRIES);
        }
        History { entries, file }
    }

    /// In-memory history only (no history file: sys.__interactivehook__ was removed).
    pub fn empty() -> History {
        History { entries: Vec::new(), file: None }
    }

    /// Records a line: kept in memory and appended to the file. Blank lines and repeats
    /// of the previous entry are not recorded.
    pub fn add(&mut self, line: &str) {
        if line.trim().is_empty() || self.entries.last().map(String::as_str) == Some(line) {
            return;
        }
        self.entries.push(line.to_string());
        if let Some(f) = &self.file {
            if let Ok(mut fh) = std::fs::OpenOptions::new().create(true).append(true).open(f) {
                let _ = writeln!(fh, "{line}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_blank_and_repeated_lines() {
        let mut h = History::empty();
        for l in ["x = 1", "", "x = 1", "print(x)", "   "] {
            h.add(l);
        }
        assert_eq!(h.entries, vec!["x = 1", "print(x)"]);
    }
}

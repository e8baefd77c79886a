//! Progress on stderr: a bar redrawn in place on a terminal, otherwise one
//! plain line per finished process.

use std::io::Write;

const BAR_WIDTH: usize = 20;

/// What is being run.
#[derive(Debug, Clone, Copy)]
pub struct Step<'a> {
    pub benchmark: &'a str,
    pub implementation: &'a str,
    /// 0-based.
    pub run: u32,
    pub runs: u32,
}

/// `[#######.........] 23/120  richards  pyjit  run 2/3  1.52s`: `done` of
/// `total` processes finished; the step is running (no time yet) or has
/// just finished after `seconds`.
pub fn bar_line(done: usize, total: usize, step: &Step, seconds: Option<f64>) -> String {
    let filled = (done * BAR_WIDTH).checked_div(total).unwrap_or(0).min(BAR_WIDTH);
    let mut s = format!(
        "[{}{}] {}/{}  {}  {}  run {}/{}",
        "#".repeat(filled),
        ".".repeat(BAR_WIDTH - filled),
        done,
        total,
        step.benchmark,
        step.implementation,
        step.run + 1,
        step.runs
    );
    if let Some(t) = seconds {
        s.push_str(&format!("  {t:.2}s"));
    }
    s
}

/// `[23/120] richards  pyjit  run 2/3: 1.52 s ok`
pub fn plain_line(done: usize, total: usize, step: &Step, seconds: f64, outcome: &str) -> String {
    format!(
        "[{}/{}] {}  {}  run {}/{}: {:.2} s {}",
        done,
        total,
        step.benchmark,
        step.implementation,
        step.run + 1,
        step.runs,
        seconds,
        outcome
    )
}

pub struct Progress {
    total: usize,
    done: usize,
    tty: bool,
    /// Length of the bar currently on screen (to blank it).
    shown: usize,
}

impl Progress {
    pub fn new(total: usize, tty: bool) -> Progress {
        Progress {
            total,
            done: 0,
            tty,
            shown: 0,
        }
    }

    fn draw(&mut self, line: &str) {
        let pad = self.shown.saturating_sub(line.chars().count());
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r{line}{}", " ".repeat(pad));
        let _ = err.flush();
        self.shown = line.chars().count();
    }

    /// A process is about to start.
    pub fn start(&mut self, step: &Step) {
        if self.tty {
            let line = bar_line(self.done, self.total, step, None);
            self.draw(&line);
        }
    }

    /// A process finished after `seconds`; `outcome` is "ok", "FAILED", ...
    pub fn finish(&mut self, step: &Step, seconds: f64, outcome: &str) {
        self.done += 1;
        if self.tty {
            let line = bar_line(self.done, self.total, step, Some(seconds));
            self.draw(&line);
        } else {
            eprintln!("{}", plain_line(self.done, self.total, step, seconds, outcome));
        }
    }

    /// Leaves the bar on screen and ends its line.
    pub fn end(&mut self) {
        if self.tty && self.shown > 0 {
            eprintln!();
            self.shown = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STEP: Step = Step {
        benchmark: "richards",
        implementation: "pyjit",
        run: 1,
        runs: 3,
    };

    #[test]
    fn bar() {
        assert_eq!(
            bar_line(30, 120, &STEP, Some(1.523)),
            "[#####...............] 30/120  richards  pyjit  run 2/3  1.52s"
        );
        assert_eq!(
            bar_line(0, 0, &STEP, None),
            "[....................] 0/0  richards  pyjit  run 2/3"
        );
        assert!(bar_line(5, 5, &STEP, None).starts_with("[####################] 5/5"));
    }

    #[test]
    fn plain() {
        assert_eq!(
            plain_line(3, 9, &STEP, 0.5, "ok"),
            "[3/9] richards  pyjit  run 2/3: 0.50 s ok"
        );
    }
}

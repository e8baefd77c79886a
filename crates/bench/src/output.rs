//! Reading a benchmark program's output: the `checksum: ` line on stdout and
//! the `iter <i> <seconds>` lines on stderr.

/// The value of the last `checksum: <value>` line, trimmed.
pub fn checksum(stdout: &str) -> Option<String> {
    stdout
        .lines()
        .rev()
        .find_map(|line| line.trim_end().strip_prefix("checksum: "))
        .map(|v| v.trim().to_string())
}

/// Parses an `iter <i> <seconds>` line.
fn iter_line(line: &str) -> Option<(u64, f64)> {
    let mut words = line.split_whitespace();
    if words.next()? != "iter" {
        return None;
    }
    let index = words.next()?.parse::<u64>().ok()?;
    let seconds = words.next()?.parse::<f64>().ok()?;
    if words.next().is_some() || !seconds.is_finite() || seconds < 0.0 {
        return None;
    }
    Some((index, seconds))
}

/// The per-iteration times in the order they were printed.
pub fn iter_times(stderr: &str) -> Vec<f64> {
    stderr.lines().filter_map(iter_line).map(|(_, s)| s).collect()
}

/// The last `n` non-empty stderr lines that are not `iter` lines.
pub fn stderr_tail(stderr: &str, n: usize) -> Vec<String> {
    let mut tail: Vec<String> = stderr
        .lines()
        .rev()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && iter_line(l).is_none())
        .take(n)
        .map(str::to_string)
        .collect();
    tail.reverse();
    tail
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksum_takes_the_last_line() {
        assert_eq!(checksum("checksum: 1\nchecksum: 2 3/4\n"), Some("2 3/4".to_string()));
        assert_eq!(checksum("noise\nchecksum: 0.123456789\r\n"), Some("0.123456789".to_string()));
        assert_eq!(checksum("checksum: 7\ntrailing text\n"), Some("7".to_string()));
        assert_eq!(checksum("no checksum here\n"), None);
        assert_eq!(checksum(""), None);
        assert_eq!(checksum("  checksum: 5\n"), None, "must start the line");
    }

    #[test]
    fn iter_times_in_order_skipping_other_lines() {
        let err = "iter 0 0.500000\nwarning: x\niter 1 0.25\niter 2 abc\niter x 1\niter 3 -1\niter 4 0.125 extra\niter 5 0.1\n";
        assert_eq!(iter_times(err), vec![0.5, 0.25, 0.1]);
        assert!(iter_times("").is_empty());
    }

    #[test]
    fn tail_skips_iter_lines_and_blanks() {
        let err = "a\nb\niter 0 0.1\nTraceback:\n  File x\n\nValueError: y\niter 1 0.2\n";
        assert_eq!(stderr_tail(err, 3), vec!["Traceback:", "  File x", "ValueError: y"]);
        assert_eq!(stderr_tail("one\n", 3), vec!["one"]);
        assert!(stderr_tail("iter 0 1.0\n", 3).is_empty());
    }
}

//! The exit status of a suite run and the problems that decide it.

use crate::markdown::status_word;
use crate::results::{RunResults, Status};

/// The outcome of a suite run.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// 0 or 1.
    pub exit_code: i32,
    /// One line per problem, marked with whether it fails the run.
    pub lines: Vec<String>,
}

/// Whether `allow_fail` (entries `IMPL` or `IMPL:PROGRAM`) excuses a
/// failure of `implementation` on `program`.
pub fn allowed(allow_fail: &[String], implementation: &str, program: &str) -> bool {
    allow_fail.iter().any(|a| match a.split_once(':') {
        Some((i, p)) => i == implementation && p == program,
        None => a == implementation,
    })
}

/// Exit 1 when any implementation's checksum differs, or the reference
/// failed; in quick mode also when another implementation failed, unless
/// `allow_fail` excuses it.
pub fn judge(results: &RunResults, quick: bool, allow_fail: &[String]) -> Verdict {
    let mut exit_code = 0;
    let mut lines = Vec::new();
    for b in &results.benchmarks {
        for r in &b.results {
            let is_ref = r.implementation == results.reference;
            let fatal = match r.status {
                Status::Ok => continue,
                Status::ChecksumMismatch => true,
                Status::Failed | Status::Timeout => {
                    is_ref || (quick && !allowed(allow_fail, &r.implementation, &b.name))
                }
            };
            if fatal {
                exit_code = 1;
            }
            let tag = match (fatal, is_ref) {
                (true, true) => " (reference)",
                (false, _) if allowed(allow_fail, &r.implementation, &b.name) => " (allowed)",
                _ => "",
            };
            lines.push(format!(
                "{}{tag}: {} / {}: {}",
                status_word(&r.status),
                b.name,
                r.implementation,
                r.error.as_deref().unwrap_or("")
            ));
        }
    }
    Verdict { exit_code, lines }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::tests::sample;

    #[test]
    fn allow_fail_by_implementation_or_program() {
        let a = vec!["pyjit:json_bench".to_string(), "pypy".to_string()];
        assert!(allowed(&a, "pyjit", "json_bench"));
        assert!(!allowed(&a, "pyjit", "richards"));
        assert!(allowed(&a, "pypy", "richards"));
        assert!(!allowed(&a, "cpython", "json_bench"));
    }

    #[test]
    fn failure_of_other_implementation() {
        let s = sample();
        let full = judge(&s, false, &[]);
        assert_eq!(full.exit_code, 0);
        assert_eq!(full.lines.len(), 1);
        assert!(full.lines[0].starts_with("FAILED: regex_bench / pyjit: exit status 1"), "{:?}", full.lines);
        assert_eq!(judge(&s, true, &[]).exit_code, 1);
        let allowed = judge(&s, true, &["pyjit".to_string()]);
        assert_eq!(allowed.exit_code, 0);
        assert!(allowed.lines[0].starts_with("FAILED (allowed)"));
    }

    #[test]
    fn mismatch_and_reference_failure_always_fail() {
        let mut s = sample();
        s.benchmarks[0].results[0].status = Status::ChecksumMismatch;
        assert_eq!(judge(&s, false, &["pyjit".to_string()]).exit_code, 1);
        let mut s = sample();
        s.benchmarks[1].results[0].status = Status::Ok;
        s.benchmarks[1].results[0].error = None;
        s.benchmarks[1].results[1].status = Status::Timeout;
        let v = judge(&s, false, &[]);
        assert_eq!(v.exit_code, 1);
        assert!(v.lines[0].starts_with("TIMEOUT (reference): regex_bench / cpython"));
        s.benchmarks[1].results[1].status = Status::Ok;
        assert_eq!(judge(&s, true, &[]), Verdict { exit_code: 0, lines: vec![] });
    }
}

//! Warm-up analysis from the per-iteration times a program reports.
//!
//! Steady-state iteration time: the median of the last half of the
//! iterations.  Steady state begins at the first iteration `k` that is itself
//! within `TOLERANCE` of the steady time and from which on the rolling median
//! of three neighbouring iterations stays within it: an isolated slow (or
//! fast) iteration later on -- a GC pause, another job on a shared machine --
//! does not push the start of the steady state past it, while a stretch of
//! two or more does.  A run whose times keep falling to the end never
//! reaches steady state.  With fewer than three iterations there is no
//! smoothing: the times themselves must stay within the tolerance.

use crate::results::Warmup;
use crate::stats::median;

/// An iteration within this fraction of the steady time counts as steady.
pub const TOLERANCE: f64 = 0.10;

/// Warm-up of one run.
#[derive(Debug, Clone, PartialEq)]
pub struct RunWarmup {
    pub first_iter_s: f64,
    pub steady_iter_s: f64,
    /// Iterations before steady state; equal to the number of iterations
    /// when it was never reached.
    pub steady_after_iters: usize,
    pub time_to_steady_s: f64,
}

/// Median of the last half of the iterations (at least the last one).
pub fn steady_time(times: &[f64]) -> Option<f64> {
    let half = (times.len() / 2).max(1).min(times.len());
    median(&times[times.len() - half..])
}

/// Rolling median of three, the window kept inside the slice at the ends.
fn rolling_median3(times: &[f64]) -> Vec<f64> {
    let n = times.len();
    if n < 3 {
        return times.to_vec();
    }
    (0..n)
        .map(|i| {
            let lo = i.saturating_sub(1).min(n - 3);
            median(&times[lo..lo + 3]).unwrap_or(times[i])
        })
        .collect()
}

/// Index of the first steady iteration (`times.len()` if none).
pub fn steady_start(times: &[f64], steady: f64) -> usize {
    let near = |t: f64| (t - steady).abs() <= steady * TOLERANCE;
    let smooth = rolling_median3(times);
    // Scan from the end: `from` is the earliest index from which every
    // smoothed time is near the steady time.
    let mut from = times.len();
    while from > 0 && near(smooth[from - 1]) {
        from -= 1;
    }
    // The first steady iteration must itself be near the steady time.
    (from..times.len())
        .find(|&k| near(times[k]))
        .unwrap_or(times.len())
}

/// Warm-up of one run of `wall_s` seconds whose iterations took `times`;
/// None without iteration times.
pub fn analyze_run(times: &[f64], wall_s: f64) -> Option<RunWarmup> {
    let first = *times.first()?;
    let steady = steady_time(times)?;
    let k = steady_start(times, steady);
    let total: f64 = times.iter().sum();
    let startup = (wall_s - total).max(0.0);
    let before: f64 = times[..k].iter().sum();
    Some(RunWarmup {
        first_iter_s: first,
        steady_iter_s: steady,
        steady_after_iters: k,
        time_to_steady_s: startup + before,
    })
}

/// Median of the per-run warm-ups; None when no run reported iterations.
pub fn combine(runs: &[RunWarmup]) -> Option<Warmup> {
    let pick = |f: fn(&RunWarmup) -> f64| median(&runs.iter().map(f).collect::<Vec<_>>());
    Some(Warmup {
        first_iter_s: pick(|r| r.first_iter_s)?,
        steady_iter_s: pick(|r| r.steady_iter_s)?,
        steady_after_iters: pick(|r| r.steady_after_iters as f64)?.round() as u32,
        time_to_steady_s: pick(|r| r.time_to_steady_s)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn clean_warmup() {
        let t = [5.0, 3.0, 2.0, 1.0, 1.0, 1.0, 1.0, 1.0];
        assert_eq!(steady_time(&t), Some(1.0));
        assert_eq!(steady_start(&t, 1.0), 3);
        let w = analyze_run(&t, 16.5).unwrap();
        assert_eq!(w.first_iter_s, 5.0);
        assert_eq!(w.steady_iter_s, 1.0);
        assert_eq!(w.steady_after_iters, 3);
        // startup 16.5 - 15 = 1.5, plus 5 + 3 + 2
        assert!(close(w.time_to_steady_s, 11.5));
    }

    #[test]
    fn steady_from_the_start() {
        let t = [1.0, 1.02, 0.98, 1.0, 1.01, 0.99];
        let w = analyze_run(&t, 6.2).unwrap();
        assert_eq!(w.steady_after_iters, 0);
        assert!(close(w.time_to_steady_s, 6.2 - t.iter().sum::<f64>()));
    }

    #[test]
    fn isolated_late_spikes_are_ignored() {
        let t = [4.0, 1.0, 1.0, 1.0, 3.0, 1.0, 1.0, 1.0, 1.0, 2.5, 1.0, 1.0];
        assert_eq!(steady_start(&t, 1.0), 1);
        // a spike in the very last iteration too
        let t = [4.0, 1.0, 1.0, 1.0, 1.0, 1.0, 5.0];
        assert_eq!(steady_start(&t, steady_time(&t).unwrap()), 1);
        // an isolated fast one neither
        let t = [1.0, 0.5, 1.0, 1.0, 1.0, 1.0];
        assert_eq!(steady_start(&t, 1.0), 0);
    }

    #[test]
    fn a_slow_stretch_moves_the_start() {
        let t = [4.0, 1.0, 1.0, 3.0, 3.0, 1.0, 1.0, 1.0, 1.0, 1.0];
        assert_eq!(steady_start(&t, 1.0), 5);
    }

    #[test]
    fn never_steady() {
        let t = [8.0, 7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0];
        let steady = steady_time(&t).unwrap();
        assert_eq!(steady, 2.5);
        let w = analyze_run(&t, 37.0).unwrap();
        assert_eq!(w.steady_after_iters, t.len());
        assert!(close(w.time_to_steady_s, 37.0));
    }

    #[test]
    fn too_few_iterations() {
        assert_eq!(analyze_run(&[], 1.0), None);
        let one = analyze_run(&[0.7], 1.0).unwrap();
        assert_eq!((one.first_iter_s, one.steady_iter_s, one.steady_after_iters), (0.7, 0.7, 0));
        assert!(close(one.time_to_steady_s, 0.3));
        let two = analyze_run(&[2.0, 1.0], 3.5).unwrap();
        assert_eq!((two.steady_iter_s, two.steady_after_iters), (1.0, 1));
        assert!(close(two.time_to_steady_s, 2.5));
        let flat = analyze_run(&[1.0, 1.05], 2.1).unwrap();
        assert_eq!(flat.steady_after_iters, 0);
    }

    #[test]
    fn startup_never_negative() {
        let w = analyze_run(&[1.0, 1.0, 1.0], 2.0).unwrap();
        assert_eq!(w.time_to_steady_s, 0.0);
    }

    #[test]
    fn combine_takes_medians() {
        let r = |f, s, k, t| RunWarmup {
            first_iter_s: f,
            steady_iter_s: s,
            steady_after_iters: k,
            time_to_steady_s: t,
        };
        let w = combine(&[r(3.0, 1.0, 2, 4.0), r(2.0, 1.2, 3, 5.0), r(4.0, 0.9, 1, 3.0)]).unwrap();
        assert_eq!(w.first_iter_s, 3.0);
        assert_eq!(w.steady_iter_s, 1.0);
        assert_eq!(w.steady_after_iters, 2);
        assert_eq!(w.time_to_steady_s, 4.0);
        assert_eq!(combine(&[]), None);
    }
}

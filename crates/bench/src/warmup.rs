//! Warm-up analysis from the per-iteration times a program reports.
//!
//! Steady-state iteration time: the median of the last half of the
//! iterations.  Steady state begins at the first iteration `k` that is itself
//! near the steady time and from which on a rolling median (of five
//! iterations when there are at least ten, else of three) stays near it: an
//! isolated slow or fast iteration later on -- a GC pause, another job on a
//! shared machine -- does not push the start of the steady state past it,
//! while a longer stretch does.  "Near" is within 10%, or within twice the
//! noise of the last half when that is larger (capped at 50%): PyPy's
//! iteration times scatter by a third even once warm.  The noise is
//! estimated from the differences of successive iterations, so a trend is
//! not mistaken for noise: a run whose times keep falling to the end never
//! reaches steady state.  With fewer than three iterations there is no
//! smoothing.

use crate::results::Warmup;
use crate::stats::median;

/// An iteration within this fraction of the steady time counts as steady
/// (the least tolerance; noisy runs get up to `MAX_TOLERANCE`).
pub const TOLERANCE: f64 = 0.10;
pub const MAX_TOLERANCE: f64 = 0.50;

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

/// Rolling median over `width` iterations, the window kept inside the
/// slice at the ends.
fn rolling_median(times: &[f64], width: usize) -> Vec<f64> {
    let n = times.len();
    if width < 2 || n < width {
        return times.to_vec();
    }
    (0..n)
        .map(|i| {
            let lo = i.saturating_sub(width / 2).min(n - width);
            median(&times[lo..lo + width]).unwrap_or(times[i])
        })
        .collect()
}

/// The tolerance for `times` with steady time `steady`: 10%, or twice the
/// noise of the last half (standard deviation estimated robustly from the
/// median absolute deviation of successive differences) if that is more,
/// at most 50%.  Needs ten iterations to estimate the noise.
pub fn tolerance(times: &[f64], steady: f64) -> f64 {
    let n = times.len();
    if n < 10 || steady <= 0.0 {
        return TOLERANCE;
    }
    let last = &times[n - n / 2..];
    let diffs: Vec<f64> = last.windows(2).map(|w| w[1] - w[0]).collect();
    let center = median(&diffs).unwrap_or(0.0);
    let deviations: Vec<f64> = diffs.iter().map(|d| (d - center).abs()).collect();
    // MAD * 1.4826 estimates sigma of the differences, which is sigma * sqrt 2.
    let sigma = median(&deviations).unwrap_or(0.0) * 1.4826 / std::f64::consts::SQRT_2;
    (2.0 * sigma / steady).clamp(TOLERANCE, MAX_TOLERANCE)
}

/// Index of the first steady iteration (`times.len()` if none).
pub fn steady_start(times: &[f64], steady: f64) -> usize {
    let tol = tolerance(times, steady);
    let near = |t: f64| (t - steady).abs() <= steady * tol;
    let width = if times.len() >= 10 { 5 } else { 3 };
    let smooth = rolling_median(times, width);
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
        let t = [4.0, 1.0, 1.0, 1.0, 1.0, 3.0, 3.0, 3.0, 1.0, 1.0, 1.0, 1.0];
        assert_eq!(steady_time(&t), Some(1.0));
        assert_eq!(steady_start(&t, 1.0), 8);
    }

    #[test]
    fn noisy_jit_times() {
        // PyPy on nqueens (quick), measured on a shared machine.
        let t = [
            0.251, 0.086, 0.095, 0.066, 0.064, 0.056, 0.043, 0.049, 0.036, 0.116, 0.074, 0.045, 0.037,
            0.04, 0.049, 0.04, 0.067, 0.034, 0.044, 0.046, 0.059, 0.044, 0.046, 0.052, 0.051,
        ];
        let steady = steady_time(&t).unwrap();
        assert_eq!(steady, 0.046);
        let tol = tolerance(&t, steady);
        assert!(tol > 0.3 && tol <= MAX_TOLERANCE, "{tol}");
        assert_eq!(steady_start(&t, steady), 5);
        // a trend is not noise
        let falling: Vec<f64> = (0..20).map(|i| 3.0 - 0.1 * i as f64).collect();
        assert_eq!(tolerance(&falling, steady_time(&falling).unwrap()), TOLERANCE);
        assert_eq!(steady_start(&falling, steady_time(&falling).unwrap()), 20);
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

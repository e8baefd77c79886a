//! The logarithmic value axis: chooses round tick values (0.1, 0.2, 0.5, 1,
//! 2, 5, 10, ... or whole decades when space is short) covering the data and
//! maps values to pixels.

/// Values are clamped to this range before the axis is fitted: a speedup of
/// a billion is a bug in the data, and the bar is drawn to the axis end.
const LIMIT_LOW: f64 = 1e-9;
const LIMIT_HIGH: f64 = 1e9;

/// A family of tick values: `m * 10^e` for every mantissa `m` and every
/// exponent `e` that is a multiple of `decade_step`.
#[derive(Debug, Clone, Copy)]
struct TickSet {
    mantissas: &'static [f64],
    decade_step: i32,
}

/// From densest to sparsest; the densest whose labels do not crowd is used.
const TICK_SETS: &[TickSet] = &[
    TickSet {
        mantissas: &[1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0],
        decade_step: 1,
    },
    TickSet {
        mantissas: &[1.0, 1.5, 2.0, 3.0, 5.0, 7.0],
        decade_step: 1,
    },
    TickSet {
        mantissas: &[1.0, 2.0, 3.0, 5.0],
        decade_step: 1,
    },
    TickSet {
        mantissas: &[1.0, 2.0, 5.0],
        decade_step: 1,
    },
    TickSet {
        mantissas: &[1.0],
        decade_step: 1,
    },
    TickSet {
        mantissas: &[1.0],
        decade_step: 2,
    },
    TickSet {
        mantissas: &[1.0],
        decade_step: 3,
    },
    TickSet {
        mantissas: &[1.0],
        decade_step: 5,
    },
    TickSet {
        mantissas: &[1.0],
        decade_step: 10,
    },
];

/// Slack in comparisons of tick values, which carry rounding errors.
const EPS: f64 = 1e-9;

fn pow10(m: f64, e: i32) -> f64 {
    // Dividing by an exact power of ten keeps 0.2 etc. correctly rounded.
    if e >= 0 {
        m * 10f64.powi(e)
    } else {
        m / 10f64.powi(-e)
    }
}

impl TickSet {
    /// Every tick of the set within a decade of [lo, hi].
    fn around(&self, lo: f64, hi: f64) -> Vec<f64> {
        let e0 = lo.log10().floor() as i32 - self.decade_step;
        let e1 = hi.log10().ceil() as i32 + self.decade_step;
        let mut out = Vec::new();
        for e in e0..=e1 {
            if e.rem_euclid(self.decade_step) != 0 {
                continue;
            }
            for &m in self.mantissas {
                out.push(pow10(m, e));
            }
        }
        out
    }

    /// The ticks from lo to hi inclusive.
    fn between(&self, lo: f64, hi: f64) -> Vec<f64> {
        self.around(lo, hi)
            .into_iter()
            .filter(|&t| t >= lo * (1.0 - EPS) && t <= hi * (1.0 + EPS))
            .collect()
    }
}

/// A log-scale axis from `lo` to `hi` drawn from pixel `px0` to `px1`.
#[derive(Debug, Clone)]
pub struct LogScale {
    lo: f64,
    hi: f64,
    px0: f64,
    px1: f64,
    ticks: Vec<f64>,
}

impl LogScale {
    /// The axis for values from `min` to `max` (1.0 is always included),
    /// drawn from `px0` to `px1`, with `pad_low` pixels left of the smallest
    /// value and `pad_high` right of the largest (room for the bar labels),
    /// and ticks from the densest family whose ticks are at least `min_gap`
    /// pixels apart. Non-finite or non-positive bounds are ignored.
    pub fn fit(
        min: f64,
        max: f64,
        px0: f64,
        px1: f64,
        pad_low: f64,
        pad_high: f64,
        min_gap: f64,
    ) -> LogScale {
        let clamp = |v: f64| {
            if v.is_finite() && v > 0.0 {
                v.clamp(LIMIT_LOW, LIMIT_HIGH)
            } else {
                1.0
            }
        };
        let (mut min, mut max) = (clamp(min).min(1.0), clamp(max).max(1.0));
        if min > max {
            std::mem::swap(&mut min, &mut max);
        }
        if max / min < 1.05 {
            // Nothing but 1.0: show a range around it.
            min = min.min(0.5);
            max = max.max(2.0);
        }
        let px1 = if px1 > px0 { px1 } else { px0 + 1.0 };
        let width = px1 - px0;
        // The pads may not take more than most of the width.
        let total = (pad_low.max(0.0) + pad_high.max(0.0)).max(f64::MIN_POSITIVE);
        let shrink = (0.7 * width / total).min(1.0);
        let (pad_low, pad_high) = (pad_low.max(0.0) * shrink, pad_high.max(0.0) * shrink);
        // Stretch the data range so the pads fall outside it.
        let (a, b) = (min.log10(), max.log10());
        let per_px = (b - a) / (width - pad_low - pad_high);
        let lo = 10f64.powf(a - pad_low * per_px);
        let hi = 10f64.powf(b + pad_high * per_px);
        let mut scale = LogScale {
            lo,
            hi,
            px0,
            px1,
            ticks: Vec::new(),
        };
        for set in TICK_SETS {
            let ticks = set.between(lo, hi);
            let crowded = ticks
                .windows(2)
                .any(|w| scale.to_px(w[1]) - scale.to_px(w[0]) < min_gap);
            if !crowded {
                scale.ticks = ticks;
                return scale;
            }
        }
        // Even whole decades crowd: 1.0 alone.
        scale.ticks = vec![1.0];
        scale
    }

    /// The value at the low end of the axis.
    #[cfg(test)]
    pub fn lo(&self) -> f64 {
        self.lo
    }

    /// The value at the high end of the axis.
    #[cfg(test)]
    pub fn hi(&self) -> f64 {
        self.hi
    }

    /// The tick values, ascending, from `lo` to `hi`.
    pub fn ticks(&self) -> &[f64] {
        &self.ticks
    }

    /// The pixel of `v`, clamped to the axis (non-positive or NaN values
    /// map to its low end).
    pub fn to_px(&self, v: f64) -> f64 {
        let v = if v > 0.0 { v } else { self.lo };
        let span = (self.hi / self.lo).log10();
        let t = if span > 0.0 {
            (v / self.lo).log10() / span
        } else {
            0.5
        };
        let t = if t.is_nan() { 0.0 } else { t.clamp(0.0, 1.0) };
        self.px0 + t * (self.px1 - self.px0)
    }
}

/// A tick label: "0.5x", "1x", "1.5x", "20x".
pub fn tick_label(v: f64) -> String {
    if !(1e-4..1e6).contains(&v) {
        return format!("{v:.0e}x");
    }
    // Ticks have at most two significant digits.
    let decimals = if v >= 1.0 {
        1
    } else {
        (-v.log10() - EPS).ceil() as usize + 1
    };
    let text = format!("{v:.decimals$}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{text}x")
}

/// A bar label: about three significant digits ("3.21x", "0.85x", "12.3x").
pub fn factor_label(v: f64) -> String {
    if !v.is_finite() {
        return "n/a".to_string();
    }
    if !(1e-3..1e5).contains(&v) {
        return format!("{v:.1e}x");
    }
    if v >= 100.0 {
        format!("{v:.0}x")
    } else if v >= 10.0 {
        format!("{v:.1}x")
    } else if v >= 0.995 {
        format!("{v:.2}x")
    } else {
        // Two significant digits below one.
        let decimals = (1.0 - v.log10().floor()).max(2.0) as usize;
        let text = format!("{v:.decimals$}");
        // "0.0010" reads better as "0.001"; "0.80" stays, like "0.85".
        let text = if decimals > 2 {
            text.trim_end_matches('0').trim_end_matches('.')
        } else {
            &text
        };
        format!("{text}x")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
    }

    fn assert_ticks(s: &LogScale, expected: &[f64]) {
        assert_eq!(s.ticks().len(), expected.len(), "{:?}", s.ticks());
        for (t, e) in s.ticks().iter().zip(expected) {
            assert!(close(*t, *e), "{:?} != {expected:?}", s.ticks());
        }
    }

    #[test]
    fn ticks_are_round_values_within_the_data() {
        let s = LogScale::fit(0.3, 4.2, 100.0, 1000.0, 0.0, 0.0, 40.0);
        assert!(close(s.lo(), 0.3) && close(s.hi(), 4.2), "{s:?}");
        assert_ticks(
            &s,
            &[
                0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0,
            ],
        );
        let s = LogScale::fit(0.3, 4.2, 100.0, 1000.0, 0.0, 0.0, 60.0);
        assert_ticks(&s, &[0.3, 0.5, 0.7, 1.0, 1.5, 2.0, 3.0]);
        // Sparser families when the labels would crowd.
        let s = LogScale::fit(0.3, 4.2, 100.0, 1000.0, 0.0, 0.0, 100.0);
        assert_ticks(&s, &[0.3, 0.5, 1.0, 2.0, 3.0]);
        let s = LogScale::fit(0.3, 4.2, 100.0, 1000.0, 0.0, 0.0, 200.0);
        assert_ticks(&s, &[0.5, 1.0, 2.0]);
        // 1.0 is always on the axis.
        let s = LogScale::fit(2.5, 70.0, 0.0, 900.0, 0.0, 0.0, 70.0);
        assert!(close(s.lo(), 1.0) && close(s.hi(), 70.0), "{s:?}");
        assert_ticks(&s, &[1.0, 2.0, 3.0, 5.0, 10.0, 20.0, 30.0, 50.0]);
        for pair in s.ticks().windows(2) {
            assert!(s.to_px(pair[1]) - s.to_px(pair[0]) >= 70.0);
        }
    }

    #[test]
    fn wide_ranges_use_decades() {
        let s = LogScale::fit(0.001, 1000.0, 0.0, 600.0, 0.0, 0.0, 50.0);
        assert_ticks(&s, &[0.001, 0.01, 0.1, 1.0, 10.0, 100.0, 1000.0]);
        let s = LogScale::fit(0.001, 1000.0, 0.0, 150.0, 0.0, 0.0, 50.0);
        assert_ticks(&s, &[0.01, 1.0, 100.0]);
        let s = LogScale::fit(0.001, 1000.0, 0.0, 100.0, 0.0, 0.0, 50.0);
        assert_ticks(&s, &[0.001, 1.0, 1000.0]);
        let s = LogScale::fit(0.001, 1000.0, 0.0, 30.0, 0.0, 0.0, 50.0);
        assert_ticks(&s, &[1.0]);
    }

    #[test]
    fn only_one_gives_a_range_around_it() {
        for (min, max) in [(1.0, 1.0), (f64::NAN, f64::INFINITY), (0.0, -3.0)] {
            let s = LogScale::fit(min, max, 0.0, 500.0, 0.0, 0.0, 60.0);
            assert!(close(s.lo(), 0.5) && close(s.hi(), 2.0), "{s:?}");
            assert_ticks(&s, &[0.5, 0.7, 1.0, 1.5, 2.0]);
        }
    }

    #[test]
    fn mapping_is_logarithmic_and_clamped() {
        let s = LogScale::fit(0.2, 5.0, 100.0, 1000.0, 0.0, 0.0, 40.0);
        assert!(close(s.to_px(s.lo()), 100.0));
        assert!(close(s.to_px(s.hi()), 1000.0));
        let one = s.to_px(1.0);
        // Equal ratios, equal distances.
        assert!(close(s.to_px(2.0) - one, one - s.to_px(0.5)));
        assert!(close(s.to_px(4.0) - s.to_px(2.0), s.to_px(2.0) - one));
        // 0.2 .. 5 spans log10(25); 1 .. 5 is log10(5) of it.
        assert!(close(
            s.to_px(5.0) - one,
            900.0 * 5f64.log10() / 25f64.log10()
        ));
        assert_eq!(s.to_px(1e6), 1000.0);
        assert_eq!(s.to_px(1e-6), 100.0);
        assert_eq!(s.to_px(0.0), 100.0);
        assert_eq!(s.to_px(f64::NAN), 100.0);
        assert_eq!(s.to_px(f64::INFINITY), 1000.0);
    }

    #[test]
    fn pads_leave_room_for_labels() {
        let s = LogScale::fit(0.5, 4.0, 0.0, 800.0, 60.0, 40.0, 40.0);
        assert!(close(s.to_px(4.0), 760.0), "{s:?}");
        assert!(close(s.to_px(0.5), 60.0), "{s:?}");
        assert!(s.ticks().iter().all(|&t| t >= s.lo() && t <= s.hi()));
        // Pads wider than the axis are scaled down rather than looping.
        let s = LogScale::fit(0.5, 4.0, 0.0, 100.0, 500.0, 500.0, 10.0);
        assert!(s.lo() > 0.0 && s.hi().is_finite());
    }

    #[test]
    fn extreme_values_are_clamped() {
        let s = LogScale::fit(1e-300, 1e300, 0.0, 900.0, 30.0, 30.0, 50.0);
        assert!(s.lo() >= 1e-10 && s.hi() <= 1e10, "{:?}", s);
        assert!(s.ticks().len() >= 2);
        let empty_axis = LogScale::fit(0.5, 2.0, 10.0, 10.0, 0.0, 0.0, 40.0);
        assert!(empty_axis.to_px(1.0).is_finite());
    }

    #[test]
    fn labels() {
        assert_eq!(tick_label(1.0), "1x");
        assert_eq!(tick_label(20.0), "20x");
        assert_eq!(tick_label(0.5), "0.5x");
        assert_eq!(tick_label(0.2), "0.2x");
        assert_eq!(tick_label(0.05), "0.05x");
        assert_eq!(tick_label(0.001), "0.001x");
        assert_eq!(tick_label(1.5), "1.5x");
        assert_eq!(tick_label(0.7), "0.7x");
        assert_eq!(tick_label(0.15), "0.15x");
        assert_eq!(tick_label(0.25), "0.25x");
        assert_eq!(tick_label(1.2), "1.2x");
        assert_eq!(tick_label(0.07), "0.07x");
        assert_eq!(tick_label(1000.0), "1000x");
        assert_eq!(factor_label(3.214), "3.21x");
        assert_eq!(factor_label(0.851), "0.85x");
        assert_eq!(factor_label(0.0851), "0.085x");
        assert_eq!(factor_label(0.001), "0.001x");
        assert_eq!(factor_label(0.8), "0.80x");
        assert_eq!(factor_label(12.34), "12.3x");
        assert_eq!(factor_label(1234.0), "1234x");
        assert_eq!(factor_label(0.999), "1.00x");
        assert_eq!(factor_label(1e-6), "1.0e-6x");
        assert_eq!(factor_label(f64::NAN), "n/a");
    }
}

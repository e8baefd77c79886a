//! Summary statistics: min / median / max / spread, and geometric means.

use crate::results::Stats;

/// Median of the values (mean of the two middle ones for an even count);
/// None when empty.
pub fn median(values: &[f64]) -> Option<f64> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| !x.is_nan()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    })
}

/// Min, median, max and spread ((max - min) / median, percent); None when
/// empty.
pub fn summarize(values: &[f64]) -> Option<Stats> {
    let median = median(values)?;
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let spread_pct = if median > 0.0 {
        (max - min) / median * 100.0
    } else {
        0.0
    };
    Some(Stats {
        min,
        median,
        max,
        spread_pct,
    })
}

/// Geometric mean of positive values; None when empty or any is not positive.
pub fn geomean(values: &[f64]) -> Option<f64> {
    if values.is_empty() || values.iter().any(|&x| x.is_nan() || x <= 0.0 || x.is_infinite()) {
        return None;
    }
    let mean_log = values.iter().map(|x| x.ln()).sum::<f64>() / values.len() as f64;
    Some(mean_log.exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn median_odd_even_empty() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(&[7.0]), Some(7.0));
        assert_eq!(median(&[]), None);
    }

    #[test]
    fn summarize_min_median_max_spread() {
        let s = summarize(&[1.1, 1.0, 1.2]).unwrap();
        assert_eq!(s.min, 1.0);
        assert_eq!(s.max, 1.2);
        assert_eq!(s.median, 1.1);
        assert!(close(s.spread_pct, 0.2 / 1.1 * 100.0));
        let one = summarize(&[2.0]).unwrap();
        assert_eq!((one.min, one.median, one.max, one.spread_pct), (2.0, 2.0, 2.0, 0.0));
        assert!(summarize(&[]).is_none());
    }

    #[test]
    fn geomean_values() {
        assert!(close(geomean(&[2.0, 8.0]).unwrap(), 4.0));
        assert!(close(geomean(&[0.5, 2.0]).unwrap(), 1.0));
        assert!(close(geomean(&[3.0]).unwrap(), 3.0));
        assert_eq!(geomean(&[]), None);
        assert_eq!(geomean(&[1.0, 0.0]), None);
        assert_eq!(geomean(&[1.0, f64::NAN]), None);
    }
}

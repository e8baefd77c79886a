//! PNG charts drawn from result files.

use std::path::Path;

use crate::results::RunResults;

/// Speedup over the reference per benchmark, one bar per non-reference
/// implementation, log scale, labelled with the factor.
pub fn speedup_chart(results: &RunResults, out: &Path) -> Result<(), String> {
    let _ = (results, out);
    Err("charts are not built yet".to_string())
}

/// Relative speedups between two architectures: for each implementation and
/// benchmark, speedup in `a` divided by speedup in `b`.
pub fn arch_chart(a: &RunResults, b: &RunResults, out: &Path) -> Result<(), String> {
    let _ = (a, b, out);
    Err("charts are not built yet".to_string())
}

//! Names and dates as the charts print them.

use crate::results::{ImplResult, RunResults, Status};

use super::bars::Cell;

/// How an implementation's short name is written for people.
pub fn display_name(name: &str) -> String {
    match name {
        "cpython" => "CPython".to_string(),
        "pypy" => "PyPy".to_string(),
        "graalpy" => "GraalPy".to_string(),
        other => other.to_string(),
    }
}

/// An implementation and its version for a legend or subtitle: the version
/// line alone when it already names the implementation ("pyjit 0.1.0"),
/// else "PyPy: Python 3.9.16 (...)".
pub fn with_version(name: &str, version: &str) -> String {
    let shown = display_name(name);
    let version = version.trim();
    if version.is_empty() {
        shown
    } else if version.to_lowercase().starts_with(&shown.to_lowercase()) {
        version.to_string()
    } else {
        format!("{shown}: {version}")
    }
}

/// The reference's display name with its major.minor version when the
/// version string has one: "CPython 3.11".
pub fn reference_name(results: &RunResults) -> String {
    let name = display_name(&results.reference);
    let version = results
        .implementations
        .iter()
        .find(|i| i.name == results.reference)
        .and_then(|i| major_minor(&i.version));
    match version {
        Some(v) => format!("{name} {v}"),
        None => name,
    }
}

/// "3.11" from "Python 3.11.7" (the first word that starts like a version).
pub fn major_minor(version: &str) -> Option<String> {
    version.split_whitespace().find_map(|word| {
        let mut parts = word.split('.');
        let major = parts.next()?;
        let minor = parts.next()?;
        let minor: String = minor.chars().take_while(char::is_ascii_digit).collect();
        let numeric = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
        (numeric(major) && numeric(&minor)).then(|| format!("{major}.{minor}"))
    })
}

/// The day of an RFC 3339 timestamp ("2026-11-24"), or the text as given.
pub fn day(date: &str) -> &str {
    match date.get(..10) {
        Some(d)
            if d.as_bytes().iter().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    *b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            }) =>
        {
            d
        }
        _ => date,
    }
}

/// The implementations other than the reference, in file order.
pub fn compared(results: &RunResults) -> Vec<&str> {
    results
        .implementations
        .iter()
        .map(|i| i.name.as_str())
        .filter(|n| *n != results.reference)
        .collect()
}

/// A short word for a status that is not ok.
pub fn status_word(status: &Status) -> &'static str {
    match status {
        Status::Ok => "ok",
        Status::Failed => "failed",
        Status::ChecksumMismatch => "checksum mismatch",
        Status::Timeout => "timeout",
    }
}

/// A usable speedup: finite and positive.
pub fn valid(v: Option<f64>) -> Option<f64> {
    v.filter(|v| v.is_finite() && *v > 0.0)
}

/// The speedup of one result, or why there is none.
pub fn speedup_of(
    result: Option<&ImplResult>,
    reference: Option<&ImplResult>,
) -> Result<f64, String> {
    let Some(r) = result else {
        return Err("not run".to_string());
    };
    if r.status != Status::Ok {
        return Err(status_word(&r.status).to_string());
    }
    if let Some(v) = valid(r.speedup) {
        return Ok(v);
    }
    match reference {
        Some(reference) if reference.status != Status::Ok => Err("reference failed".to_string()),
        _ => Err("n/a".to_string()),
    }
}

/// The geometric mean of the values of the cells that have one.
pub fn geometric_mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values
        .filter(|v| v.is_finite() && *v > 0.0)
        .fold((0.0, 0u32), |(s, n), v| (s + v.ln(), n + 1));
    (n > 0).then(|| (sum / f64::from(n)).exp())
}

/// Orders rows by the first series' value, largest first; rows without one
/// go last, by name.
pub fn sort_rows(rows: &mut [super::bars::Row]) {
    rows.sort_by(|a, b| {
        let key = |r: &super::bars::Row| r.cells.first().and_then(Cell::value);
        match (key(a), key(b)) {
            (Some(x), Some(y)) => y.total_cmp(&x).then_with(|| a.name.cmp(&b.name)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.name.cmp(&b.name),
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::bars::Row;

    #[test]
    fn names_versions_dates() {
        assert_eq!(display_name("cpython"), "CPython");
        assert_eq!(display_name("pypy"), "PyPy");
        assert_eq!(display_name("pyjit"), "pyjit");
        assert_eq!(major_minor("Python 3.11.7").as_deref(), Some("3.11"));
        assert_eq!(
            major_minor("Python 3.9.16 (7.3.11+dfsg-2, Feb 03 2023)").as_deref(),
            Some("3.9")
        );
        assert_eq!(major_minor("pyjit"), None);
        assert_eq!(day("2026-11-24T10:31:07Z"), "2026-11-24");
        assert_eq!(with_version("pyjit", "pyjit 0.1.0"), "pyjit 0.1.0");
        assert_eq!(
            with_version("cpython", "Python 3.11.7"),
            "CPython: Python 3.11.7"
        );
        assert_eq!(with_version("pypy", ""), "PyPy");
        assert_eq!(day("yesterday"), "yesterday");
    }

    #[test]
    fn geometric_mean_skips_unusable_values() {
        let g = geometric_mean([2.0, 8.0, 0.0, f64::NAN, f64::INFINITY].into_iter()).unwrap();
        assert!((g - 4.0).abs() < 1e-12);
        assert_eq!(geometric_mean(std::iter::empty()), None);
    }

    #[test]
    fn rows_sort_by_first_series_descending() {
        let row = |name: &str, cell: Cell| Row {
            name: name.to_string(),
            cells: vec![cell],
        };
        let mut rows = vec![
            row("b", Cell::Note("failed".into())),
            row("c", Cell::Value(1.5)),
            row("a", Cell::Value(f64::NAN)),
            row("d", Cell::Value(3.0)),
        ];
        sort_rows(&mut rows);
        let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["d", "c", "a", "b"]);
    }
}

//! Chart 1: the speedup over the reference (CPython) per benchmark, one bar
//! per other implementation, sorted, with the geometric mean on top.

use crate::results::RunResults;

use super::bars::{series_of, BarChart, Cell, Row};
use super::labels::{
    compared, day, display_name, geometric_mean, reference_name, sort_rows, speedup_of, valid,
    with_version,
};

/// The chart's content (layout is `bars::render`'s business).
pub fn build(results: &RunResults) -> Result<BarChart, String> {
    if results.benchmarks.is_empty() {
        return Err("no benchmarks in the results: nothing to chart".to_string());
    }
    let impls = compared(results);
    if impls.is_empty() {
        return Err(format!(
            "no implementation besides the reference {} in the results: nothing to chart",
            results.reference
        ));
    }
    let reference = reference_name(results);
    let reference_short = display_name(&results.reference);

    let mut rows: Vec<Row> = results
        .benchmarks
        .iter()
        .map(|b| {
            let find = |name: &str| b.results.iter().find(|r| r.implementation == name);
            let ref_result = find(&results.reference);
            let cells = impls
                .iter()
                .map(|name| match speedup_of(find(name), ref_result) {
                    Ok(v) => Cell::Value(v),
                    Err(why) => Cell::Note(why),
                })
                .collect();
            Row {
                name: b.name.clone(),
                cells,
            }
        })
        .collect();
    sort_rows(&mut rows);

    // The geometric mean as the run recorded it, else recomputed.
    let summary_cells = impls
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let stored = results
                .geomean_speedup
                .iter()
                .find(|g| g.name == *name)
                .and_then(|g| valid(Some(g.value)));
            let computed = || {
                geometric_mean(
                    rows.iter()
                        .filter_map(|r| r.cells.get(i).and_then(Cell::value)),
                )
            };
            match stored.or_else(computed) {
                Some(v) => Cell::Value(v),
                None => Cell::Note("n/a".to_string()),
            }
        })
        .collect();

    let m = &results.machine;
    let mut title = format!("Speedup over {reference} — {}", m.arch);
    if !m.cpu_model.trim().is_empty() {
        title += &format!(", {}", m.cpu_model.trim());
    }
    title += &format!(", {}", day(&results.date));
    if results.mode == "quick" {
        title += " (quick run)";
    }
    let versions = results
        .implementations
        .iter()
        .map(|i| with_version(&i.name, &i.version))
        .collect::<Vec<_>>()
        .join("  ·  ");
    let runs = results
        .benchmarks
        .iter()
        .flat_map(|b| b.results.iter())
        .filter(|r| r.implementation == results.reference)
        .map(|r| r.runs.len())
        .max()
        .unwrap_or(0);
    let runs_text = match runs {
        0 => String::new(),
        1 => " (1 run each)".to_string(),
        n => format!(" (best of {n} runs)"),
    };
    let explanation = format!(
        "Bar = {reference_short} wall time ÷ implementation wall time{runs_text}; right of the line is faster."
    );
    let footer = vec![format!(
        "{} · {} cores · {} · load {:.2} at start · {} benchmarks · {} mode",
        if m.hostname.is_empty() {
            "unknown host"
        } else {
            &m.hostname
        },
        m.cores,
        m.os,
        m.load_average,
        results.benchmarks.len(),
        results.mode
    )];

    Ok(BarChart {
        title,
        subtitles: vec![versions, explanation],
        series: series_of(&impls),
        summary: Some(Row {
            name: "geometric mean".to_string(),
            cells: summary_cells,
        }),
        rows,
        reference_label: format!("{reference_short} = 1.0"),
        low_hint: "← slower".to_string(),
        high_hint: "faster →".to_string(),
        axis_label: format!("speedup over {reference_short} (log scale, higher is faster)"),
        footer,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::testdata::{results, with_speedup};
    use crate::results::Status;

    #[test]
    fn rows_are_sorted_and_failures_noted() {
        let r = results(
            "x86_64",
            &[
                ("richards", 3.0, 9.0),
                ("nbody", 1.5, 4.0),
                ("chaos", 0.6, 2.0),
            ],
        );
        let chart = build(&r).unwrap();
        let names: Vec<&str> = chart.rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["richards", "nbody", "chaos", "broken"]);
        assert_eq!(chart.rows[0].cells, [Cell::Value(3.0), Cell::Value(9.0)]);
        assert_eq!(chart.rows[3].cells[0], Cell::Note("failed".to_string()));
        assert_eq!(chart.series.len(), 2);
        assert_eq!(chart.series[0].name, "pyjit");
        assert_eq!(chart.series[1].name, "PyPy");
        assert!(
            chart
                .title
                .starts_with("Speedup over CPython 3.11 — x86_64, "),
            "{}",
            chart.title
        );
        assert!(chart.title.ends_with("2026-11-24"), "{}", chart.title);
        assert_eq!(chart.reference_label, "CPython = 1.0");
        assert!(
            chart.subtitles[0].contains("  ·  pyjit 0.1.0  ·  "),
            "{:?}",
            chart.subtitles
        );
        // The stored geometric mean (the test data stores pyjit's over its three values).
        let Cell::Value(g) = chart.summary.unwrap().cells[0] else {
            panic!("no mean")
        };
        assert!((g - 2.7f64.cbrt()).abs() < 1e-9, "{g}");
    }

    #[test]
    fn geometric_mean_is_recomputed_when_missing() {
        let mut r = results("x86_64", &[("a", 2.0, 1.0), ("b", 8.0, 1.0)]);
        r.geomean_speedup.clear();
        let chart = build(&r).unwrap();
        let Cell::Value(g) = chart.summary.unwrap().cells[0] else {
            panic!("no mean")
        };
        assert!((g - 4.0).abs() < 1e-9, "{g}");
    }

    #[test]
    fn unusable_speedups_become_notes() {
        let mut r = results("x86_64", &[("a", 2.0, 1.0)]);
        with_speedup(&mut r, "a", "pyjit", Some(f64::NAN));
        with_speedup(&mut r, "a", "pypy", None);
        let chart = build(&r).unwrap();
        let a = chart.rows.iter().find(|r| r.name == "a").unwrap();
        assert_eq!(
            a.cells,
            [Cell::Note("n/a".into()), Cell::Note("n/a".into())]
        );
        let mut r = results("x86_64", &[("a", 2.0, 1.0)]);
        r.benchmarks[0].results[2].status = Status::ChecksumMismatch;
        assert_eq!(
            build(&r).unwrap().rows[0].cells[1],
            Cell::Note("checksum mismatch".into())
        );
    }

    #[test]
    fn nothing_to_chart_is_an_error() {
        let mut r = results("x86_64", &[]);
        r.benchmarks.clear();
        assert!(build(&r).err().unwrap().contains("no benchmarks"));
        let mut r = results("x86_64", &[("a", 2.0, 1.0)]);
        r.implementations.retain(|i| i.name == "cpython");
        assert!(build(&r)
            .err()
            .unwrap()
            .contains("no implementation besides the reference cpython"));
    }
}

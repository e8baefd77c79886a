//! Chart 2: relative speedups between two result files, usually from two
//! architectures: for each implementation and benchmark, its speedup over
//! the reference in `a` divided by its speedup in `b`.

use crate::results::{BenchmarkResult, RunResults, Status};

use super::bars::{series_of, BarChart, Cell, Row};
use super::labels::{
    day, display_name, geometric_mean, sort_rows, speedup_of, status_word, with_version,
};

/// How the two runs are named on the chart: their architectures, with the
/// dates added when the architectures are the same.
fn run_labels(a: &RunResults, b: &RunResults) -> (String, String) {
    if a.machine.arch != b.machine.arch {
        return (a.machine.arch.clone(), b.machine.arch.clone());
    }
    let (da, db) = (day(&a.date), day(&b.date));
    if da != db {
        (
            format!("{} ({da})", a.machine.arch),
            format!("{} ({db})", b.machine.arch),
        )
    } else {
        (
            format!("{} (first file)", a.machine.arch),
            format!("{} (second file)", b.machine.arch),
        )
    }
}

/// The relative speedup of `implementation` on one benchmark, or why there
/// is none.
fn relative(
    implementation: &str,
    reference: &str,
    in_a: &BenchmarkResult,
    in_b: &BenchmarkResult,
    labels: (&str, &str),
) -> Result<f64, String> {
    let speedup = |b: &BenchmarkResult, label: &str| {
        let find = |name: &str| b.results.iter().find(|r| r.implementation == name);
        speedup_of(find(implementation), find(reference)).map_err(|why| {
            let reason = match find(implementation).map(|r| &r.status) {
                Some(status) if *status != Status::Ok => status_word(status).to_string(),
                _ => why,
            };
            format!("{reason} on {label}")
        })
    };
    let (sa, sb) = match (speedup(in_a, labels.0), speedup(in_b, labels.1)) {
        (Ok(sa), Ok(sb)) => (sa, sb),
        (Err(ea), Err(eb)) => {
            // The same failure on both sides is said once.
            let (wa, wb) = (
                ea.rsplit_once(" on ").map(|p| p.0),
                eb.rsplit_once(" on ").map(|p| p.0),
            );
            return Err(match (wa, wb) {
                (Some(x), Some(y)) if x == y => format!("{x} on both"),
                _ => ea,
            });
        }
        (Err(e), _) | (_, Err(e)) => return Err(e),
    };
    let r = sa / sb;
    if r.is_finite() && r > 0.0 {
        Ok(r)
    } else {
        Err("n/a".to_string())
    }
}

pub fn build(a: &RunResults, b: &RunResults) -> Result<BarChart, String> {
    if a.reference != b.reference {
        return Err(format!(
            "the two result files have different reference implementations ({} and {})",
            a.reference, b.reference
        ));
    }
    let reference = a.reference.as_str();
    let impls: Vec<&str> = a
        .implementations
        .iter()
        .map(|i| i.name.as_str())
        .filter(|n| *n != reference && b.implementations.iter().any(|j| j.name == *n))
        .collect();
    if impls.is_empty() {
        return Err(format!(
            "the two result files have no implementation besides the reference {reference} in common"
        ));
    }
    let common: Vec<(&BenchmarkResult, &BenchmarkResult)> = a
        .benchmarks
        .iter()
        .filter_map(|x| {
            b.benchmarks
                .iter()
                .find(|y| y.name == x.name)
                .map(|y| (x, y))
        })
        .collect();
    if common.is_empty() {
        return Err("the two result files have no benchmark in common".to_string());
    }
    let (la, lb) = run_labels(a, b);
    let mut rows: Vec<Row> = common
        .iter()
        .map(|(x, y)| Row {
            name: x.name.clone(),
            cells: impls
                .iter()
                .map(|name| match relative(name, reference, x, y, (&la, &lb)) {
                    Ok(v) => Cell::Value(v),
                    Err(why) => Cell::Note(why),
                })
                .collect(),
        })
        .filter(|row| row.cells.iter().any(|c| c.value().is_some()))
        .collect();
    if rows.is_empty() {
        return Err(
            "no benchmark has speedups for the same implementation in both result files"
                .to_string(),
        );
    }
    sort_rows(&mut rows);
    let summary_cells = (0..impls.len())
        .map(|i| {
            match geometric_mean(
                rows.iter()
                    .filter_map(|r| r.cells.get(i).and_then(Cell::value)),
            ) {
                Some(v) => Cell::Value(v),
                None => Cell::Note("n/a".to_string()),
            }
        })
        .collect();

    let reference_short = display_name(reference);
    let machine = |r: &RunResults, label: &str| {
        let m = &r.machine;
        format!(
            "{label}: {}, {} cores, {}",
            m.cpu_model.trim(),
            m.cores,
            day(&r.date)
        )
    };
    let versions = |r: &RunResults, label: &str| {
        let list = impls
            .iter()
            .filter_map(|n| r.implementations.iter().find(|i| i.name == *n))
            .map(|i| with_version(&i.name, &i.version))
            .collect::<Vec<_>>()
            .join("  ·  ");
        format!("{label}: {list}")
    };
    Ok(BarChart {
        title: format!("Relative speedup: {la} vs {lb}"),
        subtitles: vec![
            format!(
                ">1: the implementation gains more over {reference_short} on {la} than on {lb}"
            ),
            format!("{}  ·  {}", machine(a, &la), machine(b, &lb)),
        ],
        series: series_of(&impls),
        summary: Some(Row {
            name: "geometric mean".to_string(),
            cells: summary_cells,
        }),
        rows,
        reference_label: "same on both = 1.0".to_string(),
        low_hint: format!("← more gain on {lb}"),
        high_hint: format!("more gain on {la} →"),
        axis_label: format!("speedup on {la} ÷ speedup on {lb} (log scale)"),
        footer: vec![versions(a, &la), versions(b, &lb)],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::testdata::results;

    #[test]
    fn relative_speedups_are_a_over_b() {
        let a = results(
            "aarch64",
            &[
                ("richards", 4.0, 6.0),
                ("nbody", 1.0, 3.0),
                ("only_a", 2.0, 2.0),
            ],
        );
        let b = results(
            "x86_64",
            &[
                ("richards", 2.0, 6.0),
                ("nbody", 2.0, 2.0),
                ("only_b", 2.0, 2.0),
            ],
        );
        let chart = build(&a, &b).unwrap();
        assert_eq!(chart.title, "Relative speedup: aarch64 vs x86_64");
        assert!(chart.subtitles[0]
            .contains(">1: the implementation gains more over CPython on aarch64 than on x86_64"));
        let names: Vec<&str> = chart.rows.iter().map(|r| r.name.as_str()).collect();
        // "broken" stays: pyjit failed on both, but PyPy has a value.
        assert_eq!(names, ["richards", "nbody", "broken"]);
        assert_eq!(chart.rows[0].cells, [Cell::Value(2.0), Cell::Value(1.0)]);
        assert_eq!(chart.rows[1].cells, [Cell::Value(0.5), Cell::Value(1.5)]);
        assert_eq!(
            chart.rows[2].cells,
            [Cell::Note("failed on both".into()), Cell::Value(1.0)]
        );
        let summary = chart.summary.unwrap();
        let Cell::Value(g) = summary.cells[0] else {
            panic!("no mean")
        };
        assert!((g - 1.0).abs() < 1e-9, "{g}");
        let Cell::Value(g) = summary.cells[1] else {
            panic!("no mean")
        };
        assert!((g - 1.5f64.cbrt()).abs() < 1e-9, "{g}");
    }

    #[test]
    fn failures_name_their_side() {
        let a = results("aarch64", &[("richards", 4.0, 6.0)]);
        let mut b = results("x86_64", &[("richards", 2.0, 6.0)]);
        b.benchmarks[0].results[2].status = Status::Timeout;
        b.benchmarks[1].results[1].status = Status::Ok;
        b.benchmarks[1].results[1].speedup = Some(2.0);
        let chart = build(&a, &b).unwrap();
        assert_eq!(
            chart.rows[0].cells[1],
            Cell::Note("timeout on x86_64".into())
        );
        let broken = chart.rows.iter().find(|r| r.name == "broken").unwrap();
        assert_eq!(broken.cells[0], Cell::Note("failed on aarch64".into()));
    }

    #[test]
    fn same_architecture_is_told_apart() {
        let a = results("x86_64", &[("richards", 4.0, 6.0)]);
        let mut b = a.clone();
        b.date = "2026-12-01T00:00:00Z".to_string();
        let chart = build(&a, &b).unwrap();
        assert_eq!(
            chart.title,
            "Relative speedup: x86_64 (2026-11-24) vs x86_64 (2026-12-01)"
        );
        let chart = build(&a, &a).unwrap();
        assert!(chart.title.contains("(first file) vs x86_64 (second file)"));
    }

    #[test]
    fn nothing_in_common_is_an_error() {
        let a = results("aarch64", &[("richards", 4.0, 6.0)]);
        let mut b = results("x86_64", &[("nbody", 2.0, 6.0)]);
        b.benchmarks.retain(|x| x.name != "broken");
        assert!(build(&a, &b)
            .err()
            .unwrap()
            .contains("no benchmark in common"));

        let mut b = results("x86_64", &[("richards", 2.0, 6.0)]);
        b.implementations.retain(|i| i.name == "cpython");
        assert!(build(&a, &b)
            .err()
            .unwrap()
            .contains("no implementation besides the reference cpython"));

        let mut b = results("x86_64", &[("richards", 2.0, 6.0)]);
        b.reference = "pypy".to_string();
        assert!(build(&a, &b).err().unwrap().contains("different reference"));

        // Common benchmarks, but no implementation has speedups in both.
        let mut b = results("x86_64", &[("richards", 2.0, 6.0)]);
        for bench in &mut b.benchmarks {
            for r in &mut bench.results {
                r.speedup = None;
            }
        }
        assert!(build(&a, &b)
            .err()
            .unwrap()
            .contains("no benchmark has speedups"));
    }
}

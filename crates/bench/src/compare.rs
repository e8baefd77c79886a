//! Comparing two result files (before / after a change) for one
//! implementation: min wall time, ratio after/before, speedups.

use std::fmt::Write;

use crate::markdown::{factor, secs, status_word};
use crate::results::{ImplResult, RunResults, Status};
use crate::stats;

/// The implementation to compare: the one named, else `pyjit` when both
/// files have it, else the only non-reference implementation they share.
pub fn pick_implementation(
    before: &RunResults,
    after: &RunResults,
    named: Option<&str>,
) -> Result<String, String> {
    let has = |r: &RunResults, n: &str| r.implementations.iter().any(|i| i.name == n);
    if let Some(n) = named {
        return if has(before, n) && has(after, n) {
            Ok(n.to_string())
        } else {
            Err(format!("implementation '{n}' is not in both result files"))
        };
    }
    if has(before, "pyjit") && has(after, "pyjit") {
        return Ok("pyjit".to_string());
    }
    let shared: Vec<String> = after
        .implementations
        .iter()
        .map(|i| i.name.clone())
        .filter(|n| n != &after.reference && n != &before.reference && has(before, n))
        .collect();
    match shared.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err("the result files share no implementation besides the reference; name one with --impl".to_string()),
        _ => Err(format!(
            "several implementations to compare ({}); name one with --impl",
            shared.join(", ")
        )),
    }
}

fn find<'a>(r: &'a RunResults, bench: &str, imp: &str) -> Option<&'a ImplResult> {
    r.benchmarks
        .iter()
        .find(|b| b.name == bench)?
        .results
        .iter()
        .find(|x| x.implementation == imp)
}

fn ok_min(r: Option<&ImplResult>) -> Option<f64> {
    let r = r?;
    if r.status != Status::Ok {
        return None;
    }
    r.wall.as_ref().map(|w| w.min).filter(|m| *m > 0.0)
}

fn wall_text(r: Option<&ImplResult>) -> String {
    match r {
        None => "–".to_string(),
        Some(x) if x.status != Status::Ok => status_word(&x.status).to_string(),
        Some(x) => x.wall.as_ref().map(|w| secs(w.min)).unwrap_or_else(|| "–".to_string()),
    }
}

fn speedup_text(r: Option<&ImplResult>) -> String {
    r.and_then(|x| x.speedup).map(factor).unwrap_or_else(|| "–".to_string())
}

fn describe(r: &RunResults, imp: &str) -> String {
    let version = r
        .implementations
        .iter()
        .find(|i| i.name == imp)
        .map(|i| i.version.as_str())
        .unwrap_or("?");
    format!("{} {} ({}), {}", r.date, r.machine.arch, r.mode, version)
}

/// The Markdown comparison of `imp` between the two files.
pub fn compare(before: &RunResults, after: &RunResults, imp: &str) -> String {
    let mut names: Vec<&str> = before.benchmarks.iter().map(|b| b.name.as_str()).collect();
    for b in &after.benchmarks {
        if !names.contains(&b.name.as_str()) {
            names.push(&b.name);
        }
    }
    let mut s = String::new();
    let _ = writeln!(s, "## {imp}: before / after\n");
    let _ = writeln!(s, "- before: {}", describe(before, imp));
    let _ = writeln!(s, "- after: {}\n", describe(after, imp));
    let _ = writeln!(
        s,
        "| benchmark | before (min wall) | after (min wall) | after / before | change | speedup over {} before → after |",
        after.reference
    );
    let _ = writeln!(s, "| --- | ---: | ---: | ---: | ---: | ---: |");
    let mut ratios = Vec::new();
    let mut speedups_before = Vec::new();
    let mut speedups_after = Vec::new();
    for name in names {
        let b = find(before, name, imp);
        let a = find(after, name, imp);
        let (ratio, change) = match (ok_min(b), ok_min(a)) {
            (Some(x), Some(y)) => {
                let r = y / x;
                ratios.push(r);
                (format!("{r:.3}"), format!("{:+.1}%", (r - 1.0) * 100.0))
            }
            _ => ("–".to_string(), "–".to_string()),
        };
        if let (Some(x), Some(y)) = (b.and_then(|r| r.speedup), a.and_then(|r| r.speedup)) {
            speedups_before.push(x);
            speedups_after.push(y);
        }
        let _ = writeln!(
            s,
            "| {name} | {} | {} | {ratio} | {change} | {} → {} |",
            wall_text(b),
            wall_text(a),
            speedup_text(b),
            speedup_text(a)
        );
    }
    let geo = stats::geomean(&ratios);
    let (ratio, change) = match geo {
        Some(g) => (format!("**{g:.3}**"), format!("**{:+.1}%**", (g - 1.0) * 100.0)),
        None => ("–".to_string(), "–".to_string()),
    };
    let speed = match (stats::geomean(&speedups_before), stats::geomean(&speedups_after)) {
        (Some(x), Some(y)) => format!("{} → {}", factor(x), factor(y)),
        _ => "–".to_string(),
    };
    let _ = writeln!(s, "| **geometric mean** |  |  | {ratio} | {change} | {speed} |");
    let _ = writeln!(
        s,
        "\nafter / before < 1: faster after the change; the geometric mean is over the {} benchmark(s) where {imp} succeeded in both files.",
        ratios.len()
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::tests::sample;

    #[test]
    fn compare_table() {
        let before = sample();
        let mut after = sample();
        {
            let r = &mut after.benchmarks[0].results[0];
            r.wall.as_mut().unwrap().min = 0.25;
            r.speedup = Some(8.0);
        }
        let md = compare(&before, &after, "pyjit");
        assert!(md.contains("| richards | 0.500 s | 0.250 s | 0.500 | -50.0% | 4.00× → 8.00× |"), "{md}");
        assert!(md.contains("| regex_bench | FAILED | FAILED | – | – | – → – |"), "{md}");
        assert!(md.contains("| **geometric mean** |  |  | **0.500** | **-50.0%** | 4.00× → 8.00× |"), "{md}");
        assert!(md.contains("over the 1 benchmark(s)"));
    }

    #[test]
    fn benchmarks_only_in_one_file() {
        let before = sample();
        let mut after = sample();
        after.benchmarks.remove(0);
        let md = compare(&before, &after, "cpython");
        assert!(md.contains("| richards | 2.00 s | – | – | – |"), "{md}");
        assert!(md.contains("| regex_bench | 1.50 s | 1.50 s | 1.000 | +0.0% |"), "{md}");
    }

    #[test]
    fn implementation_choice() {
        let s = sample();
        assert_eq!(pick_implementation(&s, &s, None).unwrap(), "pyjit");
        assert_eq!(pick_implementation(&s, &s, Some("cpython")).unwrap(), "cpython");
        assert!(pick_implementation(&s, &s, Some("pypy")).is_err());
        let mut t = sample();
        t.implementations[0].name = "jit2".into();
        let mut u = t.clone();
        assert_eq!(pick_implementation(&t, &u, None).unwrap(), "jit2");
        u.implementations.push(crate::results::Implementation {
            name: "jit3".into(),
            path: "x".into(),
            version: "v".into(),
        });
        t.implementations.push(u.implementations[2].clone());
        assert!(pick_implementation(&t, &u, None).unwrap_err().contains("several"));
    }
}

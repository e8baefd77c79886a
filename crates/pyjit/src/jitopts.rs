//! The JIT's command-line controls: `-X jit=off|on`, `-X jit-threshold=N`, `-X jit-log=FILE`,
//! `-X jit-stats`, `-X jit-cross`, `-X jit-code-mem=SIZE` (executable memory the JIT may use:
//! bytes, or with a K/M/G suffix), and their environment variables `PYJIT_JIT`,
//! `PYJIT_JIT_THRESHOLD`, `PYJIT_JIT_LOG`, `PYJIT_JIT_STATS=FILE` (JSON statistics),
//! `PYJIT_JIT_CODE_MEM`; and `-X jit-bridges=off` / `PYJIT_JIT_BRIDGES=off` (no side traces
//! from hot exits; they are on by default).

use pyjit_jit::Options;

/// The JIT settings from `-X` options (which win) and the environment; None: JIT off.
pub fn options(x_options: &[String], env: &dyn Fn(&str) -> Option<String>) -> Result<Option<Options>, String> {
    let mut o = Options::default();
    let mut on = true;
    if let Some(v) = env("PYJIT_JIT") {
        on = parse_switch(&v).ok_or_else(|| format!("PYJIT_JIT: expected on or off, got {v:?}"))?;
    }
    if let Some(v) = env("PYJIT_JIT_THRESHOLD") {
        o.threshold = parse_threshold(&v).ok_or_else(|| format!("PYJIT_JIT_THRESHOLD: expected a positive integer, got {v:?}"))?;
    }
    if let Some(v) = env("PYJIT_JIT_CODE_MEM") {
        o.code_limit = parse_size(&v).ok_or_else(|| format!("PYJIT_JIT_CODE_MEM: expected a size like 65536, 64K or 16M, got {v:?}"))?;
    }
    if let Some(v) = env("PYJIT_JIT_BRIDGES") {
        o.bridges = parse_switch(&v).ok_or_else(|| format!("PYJIT_JIT_BRIDGES: expected on or off, got {v:?}"))?;
    }
    if let Some(v) = env("PYJIT_JIT_LOG").filter(|v| !v.is_empty()) {
        o.log = Some(v);
    }
    if let Some(v) = env("PYJIT_JIT_STATS").filter(|v| !v.is_empty()) {
        o.stats_json = Some(v);
    }
    for x in x_options {
        let (k, v) = match x.split_once('=') {
            Some((k, v)) => (k, Some(v)),
            None => (x.as_str(), None),
        };
        match (k, v) {
            ("jit", Some(v)) => on = parse_switch(v).ok_or_else(|| format!("-X jit: expected on or off, got {v:?}"))?,
            ("jit", None) => on = true,
            ("jit-threshold", Some(v)) => {
                o.threshold = parse_threshold(v).ok_or_else(|| format!("-X jit-threshold: expected a positive integer, got {v:?}"))?
            }
            ("jit-log", Some(v)) => o.log = Some(v.to_string()),
            ("jit-stats", None) => o.stats_stderr = true,
            ("jit-stats", Some(v)) => o.stats_json = Some(v.to_string()),
            ("jit-cross", None) => o.cross = true,
            ("jit-bridges", None) => o.bridges = true,
            ("jit-bridges", Some(v)) => o.bridges = parse_switch(v).ok_or_else(|| format!("-X jit-bridges: expected on or off, got {v:?}"))?,
            ("jit-code-mem", Some(v)) => {
                o.code_limit = parse_size(v).ok_or_else(|| format!("-X jit-code-mem: expected a size like 65536, 64K or 16M, got {v:?}"))?
            }
            _ => {}
        }
    }
    Ok(on.then_some(o))
}

fn parse_switch(v: &str) -> Option<bool> {
    match v {
        "on" | "1" => Some(true),
        "off" | "0" => Some(false),
        _ => None,
    }
}

fn parse_size(v: &str) -> Option<usize> {
    let (num, mult) = match v.chars().last()? {
        'K' | 'k' => (&v[..v.len() - 1], 1usize << 10),
        'M' | 'm' => (&v[..v.len() - 1], 1 << 20),
        'G' | 'g' => (&v[..v.len() - 1], 1 << 30),
        _ => (v, 1),
    };
    num.parse::<usize>().ok()?.checked_mul(mult).filter(|&n| n > 0)
}

fn parse_threshold(v: &str) -> Option<u32> {
    v.parse::<u32>().ok().filter(|&n| n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(x: &[&str], env: &[(&str, &str)]) -> Result<Option<Options>, String> {
        let x: Vec<String> = x.iter().map(|s| s.to_string()).collect();
        let env: Vec<(String, String)> = env.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        options(&x, &|k| env.iter().find(|e| e.0 == k).map(|e| e.1.clone()))
    }

    #[test]
    fn options_and_environment() {
        assert!(opts(&["jit=off"], &[]).unwrap().is_none());
        assert!(opts(&[], &[("PYJIT_JIT", "off")]).unwrap().is_none());
        assert!(opts(&["jit=on"], &[("PYJIT_JIT", "off")]).unwrap().is_some(), "-X wins");
        let o = opts(&["jit-threshold=7", "jit-stats", "jit-cross", "jit-log=/tmp/x"], &[("PYJIT_JIT_STATS", "s.json")]).unwrap().unwrap();
        assert_eq!(o.threshold, 7);
        assert!(o.stats_stderr && o.cross);
        assert_eq!(o.log.as_deref(), Some("/tmp/x"));
        assert_eq!(o.stats_json.as_deref(), Some("s.json"));
        assert_eq!(opts(&[], &[("PYJIT_JIT_THRESHOLD", "3")]).unwrap().unwrap().threshold, 3);
        assert!(opts(&["jit-threshold=0"], &[]).is_err());
        assert!(opts(&["jit=maybe"], &[]).is_err());
        assert_eq!(opts(&["jit-code-mem=64K"], &[]).unwrap().unwrap().code_limit, 65536);
        assert_eq!(opts(&[], &[("PYJIT_JIT_CODE_MEM", "2M")]).unwrap().unwrap().code_limit, 2 << 20);
        assert!(opts(&["jit-code-mem=lots"], &[]).is_err());
    }
}

//! Optimizer filetests: each tests/opt/*.trace holds a recorded trace in the text format,
//! optionally a `close` line (the slot map when the loop closed: `slot=%ref`, `!` marking
//! slots the trace wrote; `itN` is the position of the range iterator in slot N), then `; ---- expect` and the trace after the optimizer chain:
//! every instruction re-emitted through the fold engine, then peeling (when `close` is
//! given), then dead-code elimination. PYJIT_BLESS=1 rewrites the expectations.

use std::collections::HashMap;
use std::path::Path;

use pyjit_jit::fold::{Builder, Known};
use pyjit_jit::ir::Ref;
use pyjit_jit::{dce, irtext, peel};

const KNOWN: Known = Known { int_type: 0x1000, float_type: 0x2000, bool_type: 0x3000, true_: 0x4000, false_: 0x5000 };

fn names() -> HashMap<String, i64> {
    [("int", 0x1000), ("float", 0x2000), ("bool", 0x3000), ("True", 0x4000), ("False", 0x5000), ("None", 0x6000)]
        .into_iter()
        .map(|(n, a)| (n.to_string(), a))
        .collect()
}

fn name_of(a: i64) -> Option<String> {
    names().into_iter().find(|(_, v)| *v == a).map(|(n, _)| n)
}

/// Runs the optimizer chain on the input part of a filetest.
fn optimize(input: &str) -> Result<String, String> {
    let mut body = String::new();
    let mut close: Option<Vec<(u32, Ref, bool)>> = None;
    for line in input.lines() {
        if let Some(c) = line.trim().strip_prefix("close") {
            let mut m = Vec::new();
            for w in c.split_whitespace() {
                let (slot, r) = w.split_once('=').ok_or("bad close entry")?;
                let written = r.ends_with('!');
                let r: u32 = r.trim_end_matches('!').trim_start_matches('%').parse().map_err(|_| "bad close ref")?;
                let slot: u32 = match slot.strip_prefix("it") {
                    Some(it) => it.parse::<u32>().map_err(|_| "bad close slot")? | pyjit_jit::ir::ITER_POS,
                    None => slot.parse().map_err(|_| "bad close slot")?,
                };
                m.push((slot, Ref(r), written));
            }
            close = Some(m);
        } else {
            body.push_str(line);
            body.push('\n');
        }
    }
    let t = irtext::parse(&body, &names())?;
    // re-emit through the fold engine, mapping old refs to new ones
    let mut b = Builder::new(KNOWN);
    let mut map: Vec<Ref> = Vec::new();
    for i in &t.insts {
        let m = |r: Ref| if r == Ref::NONE { r } else { map[r.idx()] };
        let snap = (i.snap != u32::MAX).then(|| {
            let mut s = t.snaps[i.snap as usize].clone();
            for e in s.slots.iter_mut() {
                e.1 = m(e.1);
            }
            s
        });
        let n = i.op.args().len();
        let a = if n > 0 { m(i.a) } else { i.a };
        let bb = if n > 1 { m(i.b) } else { i.b };
        let r = b.emit(i.op, a, bb, i.aux, snap).map_err(|_| "a guard always fails".to_string())?;
        map.push(r);
    }
    let mut b = b;
    b.t.tail = t.tail.clone().map(|mut s| {
        for e in s.slots.iter_mut() {
            e.1 = map[e.1.idx()];
        }
        s
    });
    let b = match close {
        Some(c) => {
            let c: Vec<(u32, Ref, bool)> = c.into_iter().map(|(s, r, w)| (s, map[r.idx()], w)).collect();
            peel::peel(&b, &c).map_err(|e| e.0)?
        }
        None => b,
    };
    let out = dce::dce(&b.t);
    out.verify()?;
    Ok(irtext::print(&out, &name_of))
}

#[test]
fn optimizer_filetests() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/opt");
    let bless = std::env::var("PYJIT_BLESS").is_ok();
    let mut files: Vec<_> = std::fs::read_dir(&dir).expect("tests/opt").filter_map(|e| e.ok()).map(|e| e.path()).collect();
    files.sort();
    let mut failures = Vec::new();
    let mut n = 0;
    for f in files.iter().filter(|f| f.extension().is_some_and(|e| e == "trace")) {
        n += 1;
        let text = std::fs::read_to_string(f).expect("read");
        let (input, expected) = text.split_once("; ---- expect\n").unwrap_or((&text, ""));
        let got = match optimize(input) {
            Ok(s) => s,
            Err(e) => format!("error: {e}\n"),
        };
        if got != expected {
            if bless {
                std::fs::write(f, format!("{input}; ---- expect\n{got}")).expect("write");
            } else {
                failures.push(format!("{}:\n--- got\n{got}--- want\n{expected}", f.display()));
            }
        }
    }
    assert!(n > 0, "no filetests");
    assert!(failures.is_empty(), "{} of {n} filetests differ (PYJIT_BLESS=1 to accept):\n{}", failures.len(), failures.join("\n"));
}

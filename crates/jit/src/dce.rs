//! Dead-code elimination: drops pure instructions (and slot reads) whose values nothing
//! uses, and renumbers the trace densely. Guards, the loop header and float division (which
//! must still raise ZeroDivisionError through its exit) always stay.

use crate::ir::{Op, Ref, Trace, GUARD, PURE};

fn removable(op: Op) -> bool {
    (op.flags() & PURE != 0 && op != Op::FloatDiv && op != Op::FloatPow && op != Op::FloatFn) || op.is_entry_read() || op == Op::ListGet
}

pub fn dce(t: &Trace) -> Trace {
    let n = t.insts.len();
    let mut live = vec![false; n];
    let mut work: Vec<Ref> = Vec::new();
    for (k, i) in t.insts.iter().enumerate() {
        if !removable(i.op) {
            live[k] = true;
            work.push(Ref(k as u32));
        }
    }
    for &(h, e) in &t.phis {
        for r in [h, e] {
            if !live[r.idx()] {
                live[r.idx()] = true;
                work.push(r);
            }
        }
    }
    if let Some(s) = &t.tail {
        {
            for &(_, r) in &s.slots {
                if !live[r.idx()] {
                    live[r.idx()] = true;
                    work.push(r);
                }
            }
        }
    }
    while let Some(r) = work.pop() {
        let i = &t.insts[r.idx()];
        let mut uses: Vec<Ref> = i.operands().collect();
        if i.op.flags() & GUARD != 0 {
            if let Some(s) = t.snaps.get(i.snap as usize) {
                uses.extend(s.slots.iter().map(|&(_, v)| v));
            }
        }
        for u in uses {
            if !live[u.idx()] {
                live[u.idx()] = true;
                work.push(u);
            }
        }
    }
    // guards of live pure ops (overflow checks) keep their snapshot values alive too: done
    // above since the op itself is in `work` once live
    let mut map = vec![Ref::NONE; n];
    let mut out = Trace { looping: t.looping, ..Default::default() };
    // (the tail snapshot is renumbered at the end)
    for (k, i) in t.insts.iter().enumerate() {
        if !live[k] {
            continue;
        }
        let mut ni = *i;
        let args = i.op.args().len();
        if args > 0 {
            ni.a = map[i.a.idx()];
        }
        if args > 1 {
            ni.b = map[i.b.idx()];
        }
        if i.op.flags() & GUARD != 0 && (i.snap as usize) < t.snaps.len() {
            let mut s = t.snaps[i.snap as usize].clone();
            for e in s.slots.iter_mut() {
                e.1 = map[e.1.idx()];
            }
            ni.snap = out.snaps.len() as u32;
            out.snaps.push(s);
        }
        map[k] = Ref(out.insts.len() as u32);
        out.insts.push(ni);
    }
    out.phis = t.phis.iter().map(|&(h, e)| (map[h.idx()], map[e.idx()])).collect();
    out.tail = t.tail.as_ref().map(|s| {
        let mut s = s.clone();
        for e in s.slots.iter_mut() {
            e.1 = map[e.1.idx()];
        }
        s
    });
    out
}

//! The trace IR's text form, printed by `-X jit-log` and parsed back by the optimizer's
//! filetests. One instruction a line, in order; a line's position is its `%N`:
//!
//! ```text
//! %0 = sload 1
//!      guard_int %0 {ip=4 sp=2}
//! %2 = unbox_int %0
//! %3 = kint 1
//! %4 = int_add %2, %3 {ip=8 sp=3 1=%0 2=%2}
//!      loop
//!      jump %2<-%4
//! ```
//!
//! Object addresses print through a naming function (`@float` for the float type, say), so
//! logs and tests do not depend on where objects happen to live.

use std::collections::HashMap;
use std::fmt::Write;

use crate::ir::{Aux, Inst, Op, Ref, Snap, Trace, Ty, GUARD, ITER_POS};

/// Prints `t`, naming addresses through `name` (None prints the address in hex).
pub fn print(t: &Trace, name: &dyn Fn(i64) -> Option<String>) -> String {
    let mut s = String::new();
    for (k, i) in t.insts.iter().enumerate() {
        if i.op.ty() == Ty::Void {
            s.push_str("       ");
        } else {
            let _ = write!(s, "{:>4} = ", format!("%{k}"));
        }
        s.push_str(i.op.text());
        let mut sep = " ";
        for r in i.operands() {
            let _ = write!(s, "{sep}{r}");
            sep = ", ";
        }
        match i.op.aux() {
            Aux::None => {}
            Aux::Slot | Aux::Int => {
                let _ = write!(s, "{sep}{}", i.aux);
            }
            Aux::Float => {
                let _ = write!(s, "{sep}{:?}", f64::from_bits(i.aux as u64));
            }
            Aux::Ptr => match name(i.aux) {
                Some(n) => {
                    let _ = write!(s, "{sep}@{n}");
                }
                None => {
                    let _ = write!(s, "{sep}{:#x}", i.aux);
                }
            },
        }
        if i.op.flags() & GUARD != 0 {
            if let Some(sn) = t.snaps.get(i.snap as usize) {
                let _ = write!(s, " {}", print_snap(sn));
            }
        }
        s.push('\n');
    }
    if t.looping {
        let ps: Vec<String> = t.phis.iter().map(|(h, e)| format!("{h}<-{e}")).collect();
        let _ = writeln!(s, "       jump {}", ps.join(", "));
    } else if let Some(sn) = &t.tail {
        let _ = writeln!(s, "       exit {}", print_snap(sn));
    }
    s
}

fn print_snap(sn: &Snap) -> String {
    let mut s = format!("{{ip={} sp={}", sn.ip, sn.sp);
    for &(slot, r) in &sn.slots {
        if slot & ITER_POS != 0 {
            let _ = write!(s, " it{}={r}", slot & !ITER_POS);
        } else {
            let _ = write!(s, " {slot}={r}");
        }
    }
    for f in &sn.frames {
        let _ = write!(s, " frame={:#x}:{}:{}", f.func, f.base, f.ret_ip);
        if f.binop != 0 {
            let _ = write!(s, ":b{}", f.binop);
        }
        if f.gen {
            s.push_str(":g");
        }
    }
    s.push('}');
    s
}

/// Parses the text form; `names` gives the addresses of `@name` operands.
pub fn parse(text: &str, names: &HashMap<String, i64>) -> Result<Trace, String> {
    let mut t = Trace::default();
    for (lineno, raw) in text.lines().enumerate() {
        let line = raw.split(';').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let err = |m: &str| format!("line {}: {m}: {raw}", lineno + 1);
        // `%N = op ...` or `op ...`
        let (def, rest) = match line.split_once('=') {
            Some((d, r)) if d.trim().starts_with('%') && !d.contains('{') => (Some(d.trim()), r.trim()),
            _ => (None, line),
        };
        if let Some(d) = def {
            let n: usize = d[1..].parse().map_err(|_| err("bad definition"))?;
            if n != t.insts.len() {
                return Err(err(&format!("expected %{}", t.insts.len())));
            }
        }
        let (body, snap) = match rest.split_once('{') {
            Some((b, s)) => (b.trim(), Some(s.trim_end_matches('}').trim())),
            None => (rest, None),
        };
        let (opname, args) = body.split_once(' ').map(|(o, a)| (o, a.trim())).unwrap_or((body, ""));
        if opname == "jump" {
            t.looping = true;
            for p in args.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                let (h, e) = p.split_once("<-").ok_or_else(|| err("bad phi"))?;
                t.phis.push((parse_ref(h).ok_or_else(|| err("bad ref"))?, parse_ref(e).ok_or_else(|| err("bad ref"))?));
            }
            continue;
        }
        if opname == "exit" {
            let sn = parse_snap(snap.ok_or_else(|| err("exit without snapshot"))?).ok_or_else(|| err("bad snapshot"))?;
            t.tail = Some(sn);
            continue;
        }
        let op = Op::from_text(opname).ok_or_else(|| err("unknown op"))?;
        if (def.is_some()) != (op.ty() != Ty::Void) {
            return Err(err("a value op needs `%N =`, a void op none"));
        }
        let parts: Vec<&str> = args.split(',').map(str::trim).filter(|p| !p.is_empty()).collect();
        let nargs = op.args().len();
        let has_aux = op.aux() != Aux::None;
        if parts.len() != nargs + has_aux as usize {
            return Err(err("wrong operand count"));
        }
        let mut refs = [Ref::NONE, Ref::NONE];
        for k in 0..nargs {
            refs[k] = parse_ref(parts[k]).ok_or_else(|| err("bad ref"))?;
        }
        let aux = if has_aux {
            let a = parts[nargs];
            match op.aux() {
                Aux::Float => a.parse::<f64>().map_err(|_| err("bad float"))?.to_bits() as i64,
                Aux::Ptr if a.starts_with('@') => *names.get(&a[1..]).ok_or_else(|| err("unknown name"))?,
                Aux::Ptr if a.starts_with("0x") => i64::from_str_radix(&a[2..], 16).map_err(|_| err("bad address"))?,
                _ => a.parse::<i64>().map_err(|_| err("bad integer"))?,
            }
        } else {
            0
        };
        let mut inst = Inst::new(op, refs[0], refs[1], aux);
        if op.flags() & GUARD != 0 {
            let sn = parse_snap(snap.ok_or_else(|| err("guard without snapshot"))?).ok_or_else(|| err("bad snapshot"))?;
            inst.snap = t.snaps.len() as u32;
            t.snaps.push(sn);
        }
        t.insts.push(inst);
    }
    t.verify()?;
    Ok(t)
}

fn parse_ref(s: &str) -> Option<Ref> {
    s.trim().strip_prefix('%')?.parse().ok().map(Ref)
}

fn parse_snap(s: &str) -> Option<Snap> {
    let mut sn = Snap::default();
    for w in s.split_whitespace() {
        let (k, v) = w.split_once('=')?;
        match k {
            "ip" => sn.ip = v.parse().ok()?,
            "sp" => sn.sp = v.parse().ok()?,
            "frame" => {
                let mut p = v.split(':');
                let func = i64::from_str_radix(p.next()?.strip_prefix("0x")?, 16).ok()?;
                let base = p.next()?.parse().ok()?;
                let ret_ip = p.next()?.parse().ok()?;
                let (mut binop, mut gen) = (0, false);
                for x in p {
                    match x.strip_prefix('b') {
                        Some(b) => binop = b.parse().ok()?,
                        None if x == "g" => gen = true,
                        None => return None,
                    }
                }
                sn.frames.push(crate::ir::SnapFrame { func, base, ret_ip, binop, gen });
            }
            slot => {
                let n = match slot.strip_prefix("it") {
                    Some(it) => it.parse::<u32>().ok()? | ITER_POS,
                    None => slot.parse().ok()?,
                };
                sn.slots.push((n, parse_ref(v)?))
            }
        }
    }
    Some(sn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let text = "\
  %0 = sload 1
       guard_int %0 {ip=4 sp=2}
  %2 = unbox_int %0
  %3 = kint 1
  %4 = int_add %2, %3 {ip=8 sp=3 1=%0 2=%2}
  %5 = kfloat 2.5
  %6 = kval @none
       loop
       jump %2<-%4
";
        let names: HashMap<String, i64> = [("none".to_string(), 0x1000)].into_iter().collect();
        let t = parse(text, &names).unwrap();
        assert_eq!(t.insts.len(), 8);
        assert_eq!(t.phis, vec![(Ref(2), Ref(4))]);
        assert_eq!(t.snaps[1].slots, vec![(1, Ref(0)), (2, Ref(2))]);
        let printed = print(&t, &|a| (a == 0x1000).then(|| "none".to_string()));
        let norm = |s: &str| s.lines().map(str::trim).collect::<Vec<_>>().join("\n");
        assert_eq!(norm(&printed), norm(text));
    }

    #[test]
    fn errors_name_the_line() {
        let names = HashMap::new();
        assert!(parse("%0 = int_add %1, %2 {ip=0 sp=0}", &names).unwrap_err().contains("not defined"));
        assert!(parse("%0 = frob", &names).unwrap_err().contains("unknown op"));
        assert!(parse("%0 = kint 1\n%1 = kfloat 1.0\n%2 = int_lt %0, %1", &names).unwrap_err().contains("float where int"));
    }
}

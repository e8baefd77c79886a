//! Unicode normalization (NFD, NFKD, NFC, NFKC): full decomposition, canonical ordering
//! by combining class, and canonical composition with Hangul handled algorithmically.

use super::data::{ucd, Ucd, L_BASE, L_COUNT, N_COUNT, S_BASE, S_COUNT, T_BASE, T_COUNT, V_BASE, V_COUNT};

fn decompose_one(u: &Ucd, cp: u32, compat: bool, old: bool, out: &mut Vec<u32>) {
    if (S_BASE..S_BASE + S_COUNT).contains(&cp) {
        let s = cp - S_BASE;
        out.push(L_BASE + s / N_COUNT);
        out.push(V_BASE + (s % N_COUNT) / T_COUNT);
        let t = s % T_COUNT;
        if t != 0 {
            out.push(T_BASE + t);
        }
        return;
    }
    if old && u.unassigned_in_3_2(cp) {
        out.push(cp);
        return;
    }
    let d = u.decomposition(cp);
    if d.is_empty() || (d.starts_with('<') && !compat) {
        out.push(cp);
        return;
    }
    for part in d.split(' ') {
        if part.starts_with('<') {
            continue;
        }
        match u32::from_str_radix(part, 16) {
            Ok(c) => decompose_one(u, c, compat, old, out),
            Err(_) => out.push(cp),
        }
    }
}

/// Canonical ordering: each run of non-starters sorted (stably) by combining class.
fn reorder(u: &Ucd, s: &mut [u32]) {
    let mut i = 0;
    while i < s.len() {
        if u.combining(s[i]) == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < s.len() && u.combining(s[i]) != 0 {
            i += 1;
        }
        s[start..i].sort_by_key(|&c| u.combining(c));
    }
}

fn compose_pair(u: &Ucd, a: u32, b: u32, old: bool) -> Option<u32> {
    if (L_BASE..L_BASE + L_COUNT).contains(&a) && (V_BASE..V_BASE + V_COUNT).contains(&b) {
        return Some(S_BASE + ((a - L_BASE) * V_COUNT + (b - V_BASE)) * T_COUNT);
    }
    if (S_BASE..S_BASE + S_COUNT).contains(&a) && (a - S_BASE) % T_COUNT == 0 && (T_BASE + 1..T_BASE + T_COUNT).contains(&b) {
        return Some(a + (b - T_BASE));
    }
    let c = *u.comps.get(&(a, b))?;
    if old && u.unassigned_in_3_2(c) {
        return None;
    }
    Some(c)
}

fn compose(u: &Ucd, s: Vec<u32>, old: bool) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::with_capacity(s.len());
    let mut starter: Option<usize> = None;
    let mut last_cc: i32 = -1;
    for c in s {
        let cc = u.combining(c) as i32;
        if let Some(si) = starter {
            let blocked = last_cc != -1 && (last_cc >= cc || last_cc == 0);
            if !blocked {
                if let Some(comp) = compose_pair(u, out[si], c, old) {
                    out[si] = comp;
                    continue;
                }
            }
        }
        if cc == 0 {
            starter = Some(out.len());
            last_cc = -1;
        } else {
            last_cc = cc;
        }
        out.push(c);
    }
    out
}

/// `form` applied to code points; None for an unknown form.
pub fn normalize(form: &str, s: &[u32], old: bool) -> Option<Vec<u32>> {
    let u = ucd();
    let (compat, comp) = match form {
        "NFC" => (false, true),
        "NFKC" => (true, true),
        "NFD" => (false, false),
        "NFKD" => (true, false),
        _ => return None,
    };
    let mut d = Vec::with_capacity(s.len());
    for &c in s {
        decompose_one(u, c, compat, old, &mut d);
    }
    reorder(u, &mut d);
    Some(if comp { compose(u, d, old) } else { d })
}

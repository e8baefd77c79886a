//! Expressions by kind: ints (with constants at the small-int and machine-word edges), numbers
//! (floats with inf, nan and -0.0, mixed with ints), conditions, and the late conditions that
//! first hold after the JIT has compiled a loop.

use super::{Gen, Kind};

/// Ints at the edges the JIT cares about, all small ints (pyjit's end at 2**62 - 1): they
/// cross the edge by arithmetic in the loop. 2**31 squared is 2**62.
const EDGE_SMALL: &[&str] = &[
    "4611686018427387903",
    "4611686018427387900",
    "-4611686018427387904",
    "-4611686018427387902",
    "2147483648",
    "3037000499",
    "3037000500",
    "-2147483648",
    "4294967295",
    "9007199254740993",
    "2305843009213693951",
    "1152921504606846976",
];

/// Ints just past the small-int range and at the machine word and beyond.
const EDGE_BIG: &[&str] = &[
    "4611686018427387904",
    "-4611686018427387905",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
    "-9223372036854775809",
    "18446744073709551616",
];

const FLOATS: &[&str] = &[
    "0.0",
    "-0.0",
    "0.5",
    "1.5",
    "-2.25",
    "0.1",
    "3.0",
    "-7.0",
    "1e16",
    "1e308",
    "-1e308",
    "1e-300",
    "5e-324",
    "9007199254740992.0",
    "4.611686018427388e+18",
    "1e309",
    "-1e309",
    "float('nan')",
    "float('inf')",
    "float('-inf')",
    "(1e309 - 1e309)",
];

/// Divisors that are never zero.
const DIVISORS: &[&str] = &["1", "2", "3", "7", "-1", "-3", "10", "1000003", "4611686018427387904"];
const FLOAT_DIVISORS: &[&str] = &["2", "-4", "0.5", "3.0", "-0.25", "1e-300", "7", "1e300", "float('inf')"];

const CMP: &[&str] = &["<", "<=", "==", "!=", ">", ">="];

impl Gen {
    pub(super) fn small_int(&mut self) -> String {
        self.rng.range(-5, 20).to_string()
    }

    /// An int constant; in pure code rarely one the recorder does not take (a big int, a bool).
    pub(super) fn int_const(&mut self) -> String {
        let rare = if self.pure { 1 } else { 4 };
        match self.rng.weighted(&[10, 3, 3, rare, rare]) {
            0 => self.small_int(),
            1 => self.rng.range(-1000, 100_000).to_string(),
            2 => self.rng.pick(EDGE_SMALL).to_string(),
            3 => self.rng.pick(EDGE_BIG).to_string(),
            _ => self.rng.pick(&["True", "False"]).to_string(),
        }
    }

    pub(super) fn edge_int(&mut self) -> String {
        if self.rng.chance(50) {
            self.rng.pick(EDGE_SMALL).to_string()
        } else {
            self.rng.pick(EDGE_BIG).to_string()
        }
    }

    pub(super) fn float_const(&mut self) -> String {
        if self.pure && self.rng.chance(90) {
            // no calls in loops that should compile
            let plain: Vec<&str> = FLOATS.iter().copied().filter(|f| !f.contains('(') || f.starts_with("(1e")).collect();
            return self.rng.pick(&plain).to_string();
        }
        self.rng.pick(FLOATS).to_string()
    }

    /// A constant of any type, for `Src` variables.
    pub(super) fn any_const(&mut self) -> String {
        match self.rng.below(12) {
            0 => "None".into(),
            1 => "'ab'".into(),
            2 => "''".into(),
            3 => "True".into(),
            4 => "False".into(),
            5 | 6 => self.float_const(),
            7 => self.edge_int(),
            8 => "(1, 2)".into(),
            _ => self.small_int(),
        }
    }

    pub(super) fn int_leaf(&mut self) -> String {
        if self.rng.chance(8) {
            if let Some(r) = self.seq_read(Kind::Int) {
                return r;
            }
        }
        let vars = self.names(&[Kind::Int]);
        if !vars.is_empty() && self.rng.chance(65) {
            return self.rng.pick(&vars).clone();
        }
        self.int_const()
    }

    /// An int expression of depth at most `d`.
    pub(super) fn int_expr(&mut self, d: u32) -> String {
        if d == 0 || self.rng.chance(30) {
            return self.int_leaf();
        }
        let w: [u32; 9] = if self.pure { [14, 0, 0, 1, 1, 0, 1, 0, 0] } else { [12, 2, 1, 1, 1, 1, 1, 1, 1] };
        match self.rng.weighted(&w) {
            0 => {
                let op = *self.rng.pick(&["+", "-", "*", "+", "-", "&", "|", "^"]);
                let a = self.int_expr(d - 1);
                let b = self.int_expr(d - 1);
                format!("({a} {op} {b})")
            }
            1 => {
                let op = *self.rng.pick(&["//", "%"]);
                let a = self.int_expr(d - 1);
                let c = self.rng.pick(DIVISORS);
                format!("({a} {op} {c})")
            }
            2 => {
                let a = self.int_expr(d - 1);
                if self.rng.chance(50) {
                    format!("({a} << {})", self.rng.range(0, 4))
                } else {
                    format!("({a} >> {})", self.rng.range(0, 64))
                }
            }
            3 => {
                let a = self.int_expr(d - 1);
                if self.pure || self.rng.chance(60) {
                    format!("(-{a})")
                } else {
                    format!("(~{a})")
                }
            }
            4 => {
                let (a, b, c) = (self.int_expr(d - 1), self.bool_expr(d - 1), self.int_expr(d - 1));
                format!("({a} if {b} else {c})")
            }
            5 => {
                let op = *self.rng.pick(&["and", "or"]);
                let (a, b) = (self.int_expr(d - 1), self.int_expr(d - 1));
                format!("({a} {op} {b})")
            }
            6 => {
                let op = *self.rng.pick(CMP);
                let (a, b) = (self.int_expr(d - 1), self.int_expr(d - 1));
                format!("({a} {op} {b})")
            }
            7 => {
                let f = *self.rng.pick(&["abs", "min", "max"]);
                let a = self.int_expr(d - 1);
                if f == "abs" {
                    format!("abs({a})")
                } else {
                    format!("{f}({a}, {})", self.int_expr(d - 1))
                }
            }
            _ => {
                if self.obj && self.rng.chance(50) {
                    "len(o0.__dict__)".into()
                } else {
                    let a = self.int_expr(d - 1);
                    format!("int({a})")
                }
            }
        }
    }

    pub(super) fn num_leaf(&mut self) -> String {
        // globals are read in traces (as constants under a guard on the namespace's version)
        let glob = if self.globals.is_empty() { 0 } else { 1 };
        let seq = if self.seqs().is_empty() { 0 } else { 2 };
        match self.rng.weighted(&[6, 3, 3, glob, if self.pure || !self.obj { 0 } else { 1 }, seq]) {
            0 => {
                let vars = self.names(&[Kind::Num]);
                if vars.is_empty() {
                    self.float_const()
                } else {
                    self.rng.pick(&vars).clone()
                }
            }
            1 => self.float_const(),
            2 => self.int_leaf(),
            3 => self.rng.pick(&self.globals.clone()).clone(),
            4 => self.rng.pick(&["o0.x", "o0.k", "C0.k"]).to_string(),
            _ => self.seq_read(Kind::Num).unwrap_or_else(|| "0.5".into()),
        }
    }

    /// A number expression (int or float) of depth at most `d`.
    pub(super) fn num_expr(&mut self, d: u32) -> String {
        if d == 0 || self.rng.chance(30) {
            return self.num_leaf();
        }
        let w: [u32; 6] = if self.pure { [12, 2, 0, 1, 1, 0] } else { [12, 2, 1, 1, 1, 1] };
        match self.rng.weighted(&w) {
            0 => {
                let op = *self.rng.pick(&["+", "-", "*"]);
                let (a, b) = (self.num_expr(d - 1), self.num_expr(d - 1));
                format!("({a} {op} {b})")
            }
            1 => {
                let a = self.num_expr(d - 1);
                let c = self.rng.pick(FLOAT_DIVISORS);
                format!("({a} / {c})")
            }
            2 => {
                let op = *self.rng.pick(&["//", "%"]);
                let a = self.num_expr(d - 1);
                let c = *self.rng.pick(&["2.5", "0.75", "-3", "1e-3", "7"]);
                format!("({a} {op} {c})")
            }
            3 => {
                let a = self.num_expr(d - 1);
                format!("(-{a})")
            }
            4 => {
                let (a, b, c) = (self.num_expr(d - 1), self.bool_expr(d - 1), self.num_expr(d - 1));
                format!("({a} if {b} else {c})")
            }
            _ => {
                let a = self.int_expr(d - 1);
                format!("float({a})")
            }
        }
    }

    /// A condition of depth at most `d`.
    pub(super) fn bool_expr(&mut self, d: u32) -> String {
        let late = if self.loops.iter().any(|l| l.var.is_some()) { 2 } else { 0 };
        let w: [u32; 8] = if self.pure { [8, 1, 1, 2, 1, 0, late, 0] } else { [8, 2, 1, 2, 1, 1, late, 1] };
        let pick = if d == 0 { self.rng.weighted(&[8, 0, 0, 0, 1, 0, late, 0]) } else { self.rng.weighted(&w) };
        let d1 = d.saturating_sub(1);
        match pick {
            0 => {
                let op = *self.rng.pick(CMP);
                if self.rng.chance(if self.pure { 75 } else { 55 }) {
                    let (a, b) = (self.int_expr(d1), self.int_expr(d1));
                    format!("{a} {op} {b}")
                } else {
                    let (a, b) = (self.num_expr(d1), self.num_expr(d1));
                    format!("{a} {op} {b}")
                }
            }
            1 => {
                let (o1, o2) = (*self.rng.pick(CMP), *self.rng.pick(CMP));
                let (a, b, c) = (self.num_expr(d1), self.num_expr(d1), self.num_expr(d1));
                format!("{a} {o1} {b} {o2} {c}")
            }
            2 => {
                let b = self.bool_expr(d1);
                format!("not ({b})")
            }
            3 => {
                let op = *self.rng.pick(&["and", "or"]);
                let (a, b) = (self.bool_expr(d1), self.bool_expr(d1));
                format!("({a}) {op} ({b})")
            }
            4 => self.int_expr(d1),
            5 => {
                let vars = self.names(&[Kind::Num]);
                if vars.is_empty() {
                    self.int_leaf()
                } else {
                    self.rng.pick(&vars).clone()
                }
            }
            6 => self.late_cond(),
            _ => {
                let vars = self.names(&[Kind::Src, Kind::Sink]);
                if vars.is_empty() {
                    return self.int_leaf();
                }
                let v = self.rng.pick(&vars).clone();
                match self.rng.below(3) {
                    0 => format!("{v} is None"),
                    1 => format!("{v} is not None"),
                    _ => format!("{v} == {}", self.int_leaf()),
                }
            }
        }
    }

    /// A condition on an enclosing loop's variable that first holds at a late iteration
    /// (after the first few, when the loop is compiled): once, from then on, or periodically.
    pub(super) fn late_cond(&mut self) -> String {
        let cands: Vec<usize> = (0..self.loops.len()).filter(|&k| self.loops[k].var.is_some() && self.loops[k].count >= 2).collect();
        if cands.is_empty() {
            return if self.rng.chance(50) { self.int_leaf() } else { format!("{} > {}", self.int_leaf(), self.int_leaf()) };
        }
        // mostly the innermost loop
        let k = if self.rng.chance(70) { *cands.last().unwrap_or(&0) } else { *self.rng.pick(&cands) };
        let l = self.loops[k].clone();
        let v = l.var.clone().unwrap_or_default();
        let it = if l.count > 5 { self.rng.range(4, l.count - 1) } else { self.rng.range(1, l.count - 1) };
        let at = l.value_at(it);
        let forms: [u32; 4] = if self.pure { [4, 4, 0, 1] } else { [4, 4, 3, 1] };
        match self.rng.weighted(&forms) {
            0 => format!("{v} == {at}"),
            1 => {
                if l.step > 0 {
                    format!("{v} >= {at}")
                } else {
                    format!("{v} <= {at}")
                }
            }
            2 => {
                let m = self.rng.range(3, 9) as i128;
                // the residue of the chosen late iteration, unless the first iterations share it
                let r = at.rem_euclid(m);
                format!("{v} % {m} == {r}")
            }
            _ => {
                let b = self.bool_expr(0);
                let op = if l.step > 0 { ">" } else { "<" };
                format!("{v} {op} {at} and {b}")
            }
        }
    }
}

//! Statements: assignments and augmented assignments (with "wrap" statements that keep ints
//! bounded once they have grown past the machine word), tuple swaps, branches, break and
//! continue, caught exceptions, type changes, calls, attributes and globals.

use super::{Gen, Kind, Shape};

/// Bounds past which a wrap statement shrinks a variable: below, at and beyond pyjit's small
/// ints (2**62) and the machine word, and far beyond (2**90).
const WRAP: &[(&str, u32)] = &[
    ("1048576", 30),
    ("1099511627776", 25),
    ("2305843009213693952", 15),
    ("4611686018427387903", 10),
    ("9223372036854775808", 10),
    ("1237940039285380274899124224", 10),
];

#[derive(Clone, Copy, Debug)]
enum S {
    AssignInt,
    AssignNum,
    Hash,
    Swap,
    If,
    Loop,
    Break,
    Continue,
    TryDiv,
    TypeChange,
    AnyUse,
    Call,
    Obj,
    Global,
    Raise,
    ShowOnce,
    Seq,
}

impl Gen {
    /// Statements for a block body: one at least, more while the budget lasts.
    pub(super) fn body(&mut self, max: usize) {
        let n = self.rng.range(1, max as i64) as usize;
        for k in 0..n {
            if k > 0 && !self.affordable(1.0) {
                break;
            }
            self.stmt();
        }
    }

    pub(super) fn stmt(&mut self) {
        let in_loop = !self.loops.is_empty();
        let deep = self.nest >= 6;
        let p = self.pure;
        let has_seqs = !self.seqs().is_empty();
        let can_call = !p && self.funcs.iter().any(|f| self.affordable(f.cost * 2.0) && (has_seqs || !f.params.contains(&Kind::Seq)));
        let table: [(S, u32); 17] = [
            (S::AssignInt, 14),
            (S::AssignNum, 10),
            (S::Hash, 4),
            (S::Swap, 3),
            (S::If, if deep { 0 } else { 6 }),
            (S::Loop, if deep || self.loops.len() >= 3 || !self.affordable(8.0) { 0 } else { 3 }),
            (S::Break, if in_loop { 2 } else { 0 }),
            (S::Continue, if in_loop { 1 } else { 0 }),
            (S::TryDiv, if deep { 0 } else { 2 }),
            (S::TypeChange, if in_loop && !deep { 3 } else { 1 }),
            (S::AnyUse, if deep { 0 } else { 2 }),
            (S::Call, if can_call { 3 } else { 0 }),
            (S::Obj, if self.obj && !p { 2 } else { 0 }),
            (S::Global, if self.globals.is_empty() { 0 } else { 2 }),
            (S::Raise, if !p && !deep { 1 } else { 0 }),
            (S::ShowOnce, if in_loop && !p && self.mult <= 50.0 { 1 } else { 0 }),
            (S::Seq, if self.seqs().is_empty() { 0 } else { 4 }),
        ];
        let w: Vec<u32> = table.iter().map(|t| t.1).collect();
        let s = table[self.rng.weighted(&w)].0;
        self.spend(1.0);
        match s {
            S::AssignInt => self.assign_int(),
            S::AssignNum => self.assign_num(),
            S::Hash => self.hash(),
            S::Swap => self.swap(),
            S::If => self.if_stmt(),
            S::Loop => self.loop_stmt(),
            S::Break => {
                let c = self.cond_for_exit();
                self.line(format!("if {c}:"));
                self.indented(|g| g.line("break"));
            }
            S::Continue => {
                let c = if self.rng.chance(60) { self.late_cond() } else { self.bool_expr(1) };
                self.line(format!("if {c}:"));
                self.indented(|g| {
                    if g.rng.chance(50) {
                        g.assign_int();
                    }
                    g.line("continue")
                });
            }
            S::TryDiv => self.try_div(),
            S::TypeChange => self.type_change(),
            S::AnyUse => self.any_use(),
            S::Call => self.call(),
            S::Obj => self.obj_stmt(),
            S::Global => self.global_stmt(),
            S::Raise => self.raise_catch(),
            S::Seq => self.seq_stmt(),
            S::ShowOnce => {
                let c = self.once_cond();
                self.line(format!("if {c}:"));
                self.indented(|g| {
                    let vs = g.names(&[Kind::Int, Kind::Num, Kind::Src, Kind::Sink]);
                    let n = g.rng.range(1, 4) as usize;
                    let pick: Vec<String> = (0..n).map(|_| g.rng.pick(&vs).clone()).collect();
                    g.line(format!("show('at', {})", pick.join(", ")));
                });
            }
        }
    }

    /// A condition for `break`: late, so that the compiled loop sees it flip.
    fn cond_for_exit(&mut self) -> String {
        if self.rng.chance(75) {
            self.late_cond()
        } else {
            self.bool_expr(1)
        }
    }

    /// A condition true at one late iteration of the innermost loop (or a plain condition).
    pub(super) fn once_cond(&mut self) -> String {
        match self.loops.iter().rev().find(|l| l.var.is_some() && l.count >= 2).cloned() {
            Some(l) => {
                let it = if l.count > 5 { self.rng.range(4, l.count - 1) } else { self.rng.range(1, l.count - 1) };
                format!("{} == {}", l.var.clone().unwrap_or_default(), l.value_at(it))
            }
            None => self.bool_expr(1),
        }
    }

    /// `if t > W or t < -W: t = <smaller>`, after a statement that may grow `t`.
    pub(super) fn wrap(&mut self, t: &str) {
        // the bound is compared in every iteration: a big one stops the recording today
        let choices = if self.pure { &WRAP[..4] } else { WRAP };
        let w: Vec<u32> = choices.iter().map(|x| x.1).collect();
        let mut bound = choices[self.rng.weighted(&w)].0.to_string();
        // numbers are mostly floats: a float bound keeps the comparison float-only
        let num = t.contains('.') || t.starts_with('G') || self.vars.iter().any(|v| v.name == t && v.kind == Kind::Num);
        if num && self.pure {
            bound.push_str(".0");
        }
        self.line(format!("if {t} > {bound} or {t} < -{bound}:"));
        let shrink = match self.rng.below(4) {
            0 => format!("{t} = {t} % 1000003"),
            1 => format!("{t} = {t} % 97 - 48"),
            2 => format!("{t} = {t} % 2305843009213693951"),
            _ => format!("{t} = -({t} % 65536)"),
        };
        self.indented(|g| g.line(shrink));
    }

    /// Wraps `t` after `t op e` when that may grow it much (and now and then anyway).
    fn maybe_wrap(&mut self, t: &str, op: &str, e: &str) {
        let risky = matches!(op, "*=" | "<<=") || e.contains('*') || e.contains("<<") || e.contains(t);
        if risky || self.rng.chance(30) {
            self.wrap(t);
        }
    }

    pub(super) fn assign_int(&mut self) {
        let Some(t) = self.target(Kind::Int) else { return };
        let pure = self.pure;
        let form = self.rng.weighted(&[6, 5, 3, 3, 2, 1, 1, if pure { 0 } else { 1 }, if pure { 0 } else { 1 }]);
        let (op, e) = match form {
            0 => ("=", self.int_expr(2)),
            1 => ("+=", self.int_expr(2)),
            2 => ("-=", self.int_expr(1)),
            3 => ("*=", self.int_expr(1)),
            4 => ("^=", self.int_expr(1)),
            5 => ("|=", self.int_expr(1)),
            6 => ("&=", self.int_expr(1)),
            7 => ("//=", self.rng.pick(&["2", "3", "-7", "1000003"]).to_string()),
            _ => ("<<=", self.rng.range(0, 3).to_string()),
        };
        self.line(format!("{t} {op} {e}"));
        self.maybe_wrap(&t, op, &e);
    }

    pub(super) fn assign_num(&mut self) {
        let Some(t) = self.target(Kind::Num) else { return self.assign_int() };
        let (op, e) = match self.rng.weighted(&[5, 5, 3, 3]) {
            0 => ("=", self.num_expr(2)),
            1 => ("+=", self.num_expr(2)),
            2 => ("-=", self.num_expr(1)),
            _ => ("*=", self.num_expr(1)),
        };
        self.line(format!("{t} {op} {e}"));
        self.maybe_wrap(&t, op, &e);
    }

    /// A running checksum of ints the loop computes.
    fn hash(&mut self) {
        let Some(h) = self.target(Kind::Int) else { return };
        let e = self.int_expr(1);
        match self.rng.below(if self.pure { 2 } else { 4 }) {
            0 => self.line(format!("{h} = ({h} * 31 + {e}) & 4294967295")),
            1 => self.line(format!("{h} = ({h} ^ {e}) & 1073741823")),
            2 => self.line(format!("{h} = ({h} * 7 + {e}) % 1000000007")),
            _ => {
                let c = self.bool_expr(1);
                self.line(format!("{h} = {h} * 3 + ({c})"));
                self.wrap(&h);
            }
        }
    }

    fn swap(&mut self) {
        let kind = if self.rng.chance(60) { Kind::Int } else { Kind::Num };
        let ts = self.targets(kind);
        if ts.len() < 2 {
            return self.assign_int();
        }
        let a = self.rng.pick(&ts).clone();
        let b = ts.iter().find(|x| **x != a).cloned().unwrap_or_default();
        match self.rng.below(4) {
            0 => self.line(format!("{a}, {b} = {b}, {a}")),
            1 | 2 => {
                self.line(format!("{a}, {b} = {b}, {a} + {b}"));
                self.wrap(&a);
                self.wrap(&b);
            }
            _ => {
                let c = ts.iter().rev().find(|x| **x != a && **x != b).cloned();
                match c {
                    Some(c) => self.line(format!("{a}, {b}, {c} = {b}, {c}, {a}")),
                    None => {
                        self.line(format!("{a}, {b} = {b} - {a}, {a}"));
                        self.wrap(&a);
                    }
                }
            }
        }
    }

    fn if_stmt(&mut self) {
        let in_loop = !self.loops.is_empty();
        let late = in_loop && self.rng.chance(55);
        let c = if late { self.late_cond() } else { self.bool_expr(2) };
        self.line(format!("if {c}:"));
        let was = self.pure;
        // a late branch is entered only after the loop compiled: anything goes there
        if late {
            self.pure = false;
        }
        self.indented(|g| g.body(3));
        self.pure = was;
        if self.rng.chance(25) {
            let c2 = if in_loop && self.rng.chance(50) { self.late_cond() } else { self.bool_expr(1) };
            self.line(format!("elif {c2}:"));
            self.indented(|g| g.body(2));
        }
        if self.rng.chance(40) {
            self.line("else:");
            self.indented(|g| g.body(2));
        }
    }

    /// A division that may divide by zero (at a late iteration, often), caught in the loop.
    fn try_div(&mut self) {
        let int_target = !self.pure && self.rng.chance(50);
        let Some(t) = self.target(if int_target { Kind::Int } else { Kind::Num }) else { return };
        let late_zero = self.loops.iter().rev().find(|l| l.var.is_some() && l.count >= 2).cloned();
        let divisor = match late_zero {
            Some(l) if self.rng.chance(60) => {
                let it = if l.count > 5 { self.rng.range(4, l.count - 1) } else { self.rng.range(1, l.count - 1) };
                format!("({} - {})", l.var.clone().unwrap_or_default(), l.value_at(it))
            }
            _ => match self.rng.below(3) {
                0 => {
                    let a = self.int_leaf_var();
                    format!("({a} - {a})")
                }
                1 => self.int_expr(1),
                _ if int_target => self.int_expr(1),
                _ => self.num_expr(1),
            },
        };
        let (num, op) = if int_target {
            (self.int_expr(1), *self.rng.pick(&["//", "%"]))
        } else {
            (self.num_expr(1), *self.rng.pick(&["/", "/", "%", "//"]))
        };
        let fallback = if int_target { self.int_const() } else { self.float_const() };
        self.line("try:");
        self.indented(|g| {
            g.line(format!("{t} = {num} {op} {divisor}"));
            g.wrap(&t);
        });
        let handler = if self.rng.chance(70) { "except ZeroDivisionError:" } else { "except (ZeroDivisionError, OverflowError):" };
        self.line(handler);
        self.indented(|g| g.line(format!("{t} = {fallback}")));
    }

    fn int_leaf_var(&mut self) -> String {
        let vs = self.names(&[Kind::Int]);
        if vs.is_empty() {
            "0".into()
        } else {
            self.rng.pick(&vs).clone()
        }
    }

    /// A variable takes another type, at a late iteration in a loop.
    fn type_change(&mut self) {
        let kind = *self.rng.pick(&[Kind::Int, Kind::Num, Kind::Num, Kind::Src, Kind::Src]);
        let Some(t) = self.target(kind) else { return };
        let v = match kind {
            Kind::Int => self.rng.pick(&["True", "False", "9223372036854775808", "4611686018427387904", "-4611686018427387905", "18446744073709551616"]).to_string(),
            Kind::Num => {
                if self.rng.chance(75) {
                    self.float_const()
                } else {
                    self.int_const()
                }
            }
            _ => self.any_const(),
        };
        if self.loops.is_empty() {
            self.line(format!("{t} = {v}"));
            return;
        }
        let c = self.late_cond();
        self.line(format!("if {c}:"));
        self.indented(|g| g.line(format!("{t} = {v}")));
    }

    /// An operation on a variable of any type, whatever error it raises caught.
    fn any_use(&mut self) {
        let srcs = self.names(&[Kind::Src]);
        let Some(sink) = self.target(Kind::Sink) else { return };
        if srcs.is_empty() {
            return;
        }
        let p = self.rng.pick(&srcs).clone();
        let e = self.int_leaf();
        let op = match self.rng.below(if self.pure { 4 } else { 9 }) {
            0 => format!("{p} + {e}"),
            1 => format!("{e} - {p}"),
            2 => format!("{p} * 3"),
            3 => format!("{p} < {e}"),
            4 => format!("-{p}"),
            5 => format!("{p} // {e}"),
            6 => format!("int({p})"),
            7 => format!("{p} == {e}"),
            _ => format!("{p} + {}", self.num_leaf()),
        };
        self.line("try:");
        self.indented(|g| g.line(format!("{sink} = {op}")));
        self.line("except (TypeError, ValueError, ZeroDivisionError, OverflowError) as e:");
        let how = self.rng.below(3);
        self.indented(|g| match how {
            0 => g.line(format!("{sink} = type(e).__name__")),
            1 => g.line(format!("{sink} = None")),
            _ => {
                let h = g.target(Kind::Int).unwrap_or_else(|| "_".into());
                g.line(format!("{sink} = {h} = {h} + 1"));
                g.wrap(&h);
            }
        });
        if !self.pure && self.rng.chance(30) {
            let h = self.target(Kind::Int).unwrap_or_else(|| "_".into());
            self.line(format!("{h} = {h} + ({sink} == {e}) + ({sink} is None)"));
        }
    }

    fn call(&mut self) {
        let seqs = self.seqs();
        let fs: Vec<_> = self
            .funcs
            .iter()
            .filter(|f| self.affordable(f.cost * 2.0) && (!seqs.is_empty() || !f.params.contains(&Kind::Seq)))
            .cloned()
            .collect();
        if fs.is_empty() {
            return self.assign_int();
        }
        let f = self.rng.pick(&fs).clone();
        self.spend(f.cost);
        match f.shape {
            Shape::Plain => {
                let args: Vec<String> = f
                    .params
                    .iter()
                    .map(|k| match k {
                        Kind::Int => self.int_expr(1),
                        Kind::Seq => self.rng.pick(&seqs).clone(),
                        _ => self.num_expr(1),
                    })
                    .collect();
                let Some(t) = self.target(f.ret) else { return };
                let call = format!("{}({})", f.name, args.join(", "));
                if self.rng.chance(50) {
                    self.line(format!("{t} = {call}"));
                } else {
                    self.line(format!("{t} = {t} + {call}"));
                }
                self.wrap(&t);
            }
            Shape::Rec { max_n } => {
                let Some(t) = self.target(f.ret) else { return };
                let n = match self.loops.last().and_then(|l| l.var.clone()) {
                    Some(v) if self.rng.chance(60) => format!("({v} & {})", pow2_mask(max_n)),
                    _ => self.rng.range(0, max_n).to_string(),
                };
                self.line(format!("{t} = {t} + {}({n})", f.name));
                self.wrap(&t);
            }
            Shape::Gen => {
                // consumed whole (the loop form is in loops.rs)
                let Some(t) = self.target(Kind::Int) else { return };
                let n = self.rng.range(0, 12);
                let a = self.int_expr(1);
                let how = *self.rng.pick(&["sum", "max", "len", "list"]);
                match how {
                    "sum" => self.line(format!("{t} = {t} + sum({}({n}, {a}))", f.name)),
                    "max" => self.line(format!("{t} = max({}({n}, {a}), default={t})", f.name)),
                    "len" => self.line(format!("{t} = {t} + len(list({}({n}, {a})))", f.name)),
                    _ => self.line(format!("{t} = {t} ^ len(str(list({}({n}, 3)))[:20])", f.name)),
                }
                self.wrap(&t);
            }
        }
    }

    /// Instance attributes (one added mid-loop), class attributes mutated mid-loop.
    fn obj_stmt(&mut self) {
        let in_loop = !self.loops.is_empty();
        match self.rng.below(7) {
            0 => {
                let e = self.num_expr(1);
                self.line(format!("o0.x = o0.x + {e}"));
                self.wrap("o0.x");
            }
            1 => {
                let Some(t) = self.target(Kind::Num) else { return };
                let e = self.int_expr(1);
                self.line(format!("{t} = o0.step({e})"));
                self.wrap("o0.x");
            }
            2 => {
                let e = self.int_leaf();
                if in_loop {
                    let c = self.late_cond();
                    self.line(format!("if {c}:"));
                    self.indented(|g| g.line(format!("o0.y = {e}")));
                } else {
                    self.line(format!("o0.y = {e}"));
                }
            }
            3 => {
                let Some(t) = self.target(Kind::Int) else { return };
                self.line("try:");
                self.indented(|g| g.line(format!("{t} = {t} + o0.y")));
                self.line("except AttributeError:");
                self.indented(|g| g.line(format!("{t} = {t} - 1")));
                self.wrap(&t);
            }
            4 => {
                let v = if self.rng.chance(50) { "C0.k + 1".to_string() } else { self.float_const() };
                let c = if in_loop { self.late_cond() } else { "True".into() };
                self.line(format!("if {c}:"));
                self.indented(|g| g.line(format!("C0.k = {v}")));
                self.wrap("C0.k");
            }
            5 => {
                let v = self.int_const();
                let c = if in_loop { self.late_cond() } else { "True".into() };
                self.line(format!("if {c}:"));
                self.indented(|g| g.line(format!("o0.k = {v}")));
            }
            _ => {
                let Some(t) = self.target(Kind::Num) else { return };
                self.line(format!("{t} = {t} + o0.k"));
                self.wrap(&t);
            }
        }
    }

    /// Globals: rebound (by main) mid-loop, read everywhere.
    fn global_stmt(&mut self) {
        let g = self.rng.pick(&self.globals.clone()).clone();
        if !self.own_globals {
            let Some(t) = self.target(Kind::Num) else { return };
            self.line(format!("{t} = {t} + {g}"));
            self.wrap(&t);
            return;
        }
        // pure code rebinds a global only in a late branch (storing aborts the recording)
        if !self.pure && self.rng.chance(50) {
            let e = self.num_expr(1);
            self.line(format!("{g} = {g} + {e}"));
            self.wrap(&g);
        } else {
            let v = if self.rng.chance(70) { self.float_const() } else { self.int_const() };
            if self.loops.is_empty() {
                self.line(format!("{g} = {v}"));
            } else {
                let c = self.late_cond();
                self.line(format!("if {c}:"));
                self.indented(|x| x.line(format!("{g} = {v}")));
            }
        }
    }

    /// An exception raised and caught inside the loop.
    fn raise_catch(&mut self) {
        let Some(t) = self.target(Kind::Int) else { return };
        let c = if self.loops.is_empty() { self.bool_expr(1) } else { self.late_cond() };
        let e = self.int_leaf();
        let exc = *self.rng.pick(&["ValueError", "KeyError", "RuntimeError"]);
        self.line("try:");
        self.indented(|g| {
            g.line(format!("if {c}:"));
            g.indented(|g| g.line(format!("raise {exc}({e})")));
            g.assign_int();
        });
        if self.rng.chance(50) {
            self.line(format!("except {exc} as e:"));
            self.indented(|g| g.line(format!("{t} = {t} + len(e.args)")));
        } else {
            self.line("except Exception:");
            self.indented(|g| g.line(format!("{t} = -{t}")));
        }
    }
}

/// The largest 2**k - 1 not above n (an `&` mask keeping a recursion argument in 0..=n).
fn pow2_mask(n: i64) -> i64 {
    let mut m = 1;
    while m * 2 - 1 <= n {
        m *= 2;
    }
    m - 1
}

//! main and its blocks: random loops, loops walking over the small-int and machine-word
//! edges, a local deleted mid-loop, a variable changing type mid-loop, zero and negative range
//! steps, helpers called with varied types; and a loop at module level.

use super::loops::Form;
use super::{Gen, Kind, Shape, Var};

/// Starting values and steps that cross pyjit's small-int limit (2**62) or the machine word.
const WALKS: &[(&str, &str)] = &[
    ("4611686018427387900", "{t} += 1"),
    ("4611686018427387895", "{t} = {t} + 2"),
    ("-4611686018427387900", "{t} -= 1"),
    ("9223372036854775800", "{t} += 1"),
    ("-9223372036854775800", "{t} = {t} - 1"),
    ("144115188075855872", "{t} = {t} * 2"),
    ("-144115188075855872", "{t} *= 2"),
    ("576460752303423488", "{t} = {t} + {t}"),
    ("1152921504606846970", "{t} = {t} * 3 - 1"),
];

impl Gen {
    pub(super) fn main_fn(&mut self) {
        self.line("def main():");
        self.ind += 1;
        if !self.globals.is_empty() && self.rng.chance(80) {
            self.line(format!("global {}", self.globals.join(", ")));
            self.own_globals = true;
        }
        let ni = self.rng.range(2, 4);
        let nf = self.rng.range(1, 3);
        for k in 0..ni {
            let v = self.int_const();
            self.line(format!("a{k} = {v}"));
            self.add_var(&format!("a{k}"), Kind::Int, true);
        }
        self.line("h = 0");
        self.add_var("h", Kind::Int, true);
        for k in 0..nf {
            let v = if self.rng.chance(60) { self.float_const() } else { self.int_const() };
            self.line(format!("f{k} = {v}"));
            self.add_var(&format!("f{k}"), Kind::Num, true);
        }
        for k in 0..self.rng.range(1, 2) {
            let v = if self.rng.chance(50) { self.small_int() } else { self.any_const() };
            self.line(format!("p{k} = {v}"));
            self.add_var(&format!("p{k}"), Kind::Src, true);
        }
        self.line("q0 = None");
        self.add_var("q0", Kind::Sink, true);
        self.line("i0 = i1 = i2 = w0 = w1 = w2 = -1");
        for n in ["i0", "i1", "i2", "w0", "w1", "w2"] {
            self.add_var(n, Kind::Int, false);
        }
        self.seq_init();
        if !self.seqs().is_empty() {
            self.line("v0 = v1 = v2 = -1");
            for n in ["v0", "v1", "v2"] {
                self.add_var(n, Kind::Num, false);
            }
        }
        if self.class && self.rng.chance(80) {
            let x = self.int_const();
            self.line(format!("o0 = C0({x})"));
            self.obj = true;
        }
        let blocks = self.rng.range(2, 6);
        for b in 0..blocks {
            if b >= 2 && self.budget < 300.0 {
                break;
            }
            self.block();
            if self.rng.chance(70) {
                self.show_all(&format!("b{b}"));
            }
        }
        self.show_all("end");
        self.ind -= 1;
        self.vars.clear();
        self.obj = false;
        self.line("");
    }

    fn block(&mut self) {
        self.pure = self.rng.chance(60);
        let plain_fns = self.funcs.iter().any(|f| f.shape == Shape::Plain);
        let w = [10, 3, 2, 3, 1, if self.funcs.is_empty() { 0 } else { 2 }, 1, 2];
        match self.rng.weighted(&w) {
            0 => self.loop_stmt(),
            1 => self.walk_block(),
            2 => self.del_block(),
            3 => self.type_change_block(),
            4 => self.step_block(),
            5 if plain_fns || self.rng.chance(50) => self.calls_block(),
            6 => {
                self.pure = false;
                self.body(4)
            }
            _ => self.nested_block(),
        }
        self.pure = false;
    }

    fn any_form(&mut self) -> Form {
        if self.rng.chance(70) {
            Form::Range
        } else {
            Form::While
        }
    }

    /// A variable walks over the small-int or machine-word edge while the loop runs.
    fn walk_block(&mut self) {
        let Some(t) = self.target(Kind::Int) else { return };
        let (start, step) = *self.rng.pick(WALKS);
        self.line(format!("{t} = {start}"));
        let c = self.rng.range(6, 60).min(self.pick_count().max(6));
        let form = self.any_form();
        let step = step.replace("{t}", &t);
        self.emit_loop(form, c, |g| {
            g.body(2);
            g.line(step);
            if g.rng.chance(50) {
                let (f, e) = (g.target(Kind::Num), g.float_const());
                if let Some(f) = f {
                    g.line(format!("{f} = {t} + {e}"));
                }
            }
            g.body(2);
        });
        self.wrap(&t);
    }

    /// `del` of a local at a late iteration; the next read raises UnboundLocalError, caught
    /// outside the loop.
    fn del_block(&mut self) {
        let d = self.fresh("d");
        let init = self.small_int();
        self.line(format!("{d} = {init}"));
        self.line("try:");
        let h = self.target(Kind::Int).unwrap_or_else(|| "h".into());
        self.indented(|g| {
            let c = g.pick_count().max(2);
            let form = g.any_form();
            g.emit_loop(form, c, |g| {
                let e = g.int_leaf_any();
                g.line(format!("{d} = {d} + {e}"));
                g.wrap(&d);
                g.body(2);
                let c = g.late_cond();
                g.line(format!("if {c}:"));
                g.indented(|g| g.line(format!("del {d}")));
            });
            g.line(format!("{h} = {h} + {d}"));
            g.wrap(&h);
        });
        let exc = *self.rng.pick(&["UnboundLocalError", "NameError"]);
        self.line(format!("except {exc} as e:"));
        self.indented(|g| g.line("show('unbound', type(e).__name__, i0, w0)"));
    }

    fn int_leaf_any(&mut self) -> String {
        let vs = self.names(&[Kind::Int]);
        if vs.is_empty() || self.rng.chance(30) {
            self.small_int()
        } else {
            self.rng.pick(&vs).clone()
        }
    }

    /// A variable holds one type for the first iterations and another from a late one on,
    /// and the loop keeps computing with it.
    fn type_change_block(&mut self) {
        let kind = *self.rng.pick(&[Kind::Int, Kind::Num, Kind::Num, Kind::Src]);
        let Some(t) = self.target(kind) else { return };
        let c = self.pick_count().max(6);
        let form = self.any_form();
        self.emit_loop(form, c, |g| {
            g.body(2);
            let v = match kind {
                Kind::Int => g.rng.pick(&["True", "False", "9223372036854775808", "-4611686018427387905"]).to_string(),
                Kind::Num => g.float_const(),
                _ => g.any_const(),
            };
            let cond = g.late_cond();
            g.line(format!("if {cond}:"));
            g.indented(|g| g.line(format!("{t} = {v}")));
            match kind {
                Kind::Src => g.any_use_of(&t),
                Kind::Int => {
                    if let Some(u) = g.target(Kind::Int).filter(|u| *u != t) {
                        g.line(format!("{u} = ({u} * 31 + {t}) & 4294967295"));
                    }
                    let e = g.int_expr(1);
                    g.line(format!("if {t} > {e}:"));
                    g.indented(|g| g.body(1));
                }
                _ => {
                    if let Some(u) = g.target(Kind::Num).filter(|u| *u != t) {
                        let op = *g.rng.pick(&["+", "-", "*"]);
                        g.line(format!("{u} = {u} {op} {t}"));
                        g.wrap(&u);
                    }
                    let e = g.num_expr(1);
                    let op = *g.rng.pick(&["<", "<=", "==", "!=", ">"]);
                    g.line(format!("if {t} {op} {e}:"));
                    g.indented(|g| g.body(1));
                }
            }
            g.body(2);
        });
    }

    /// Any operation on `p` (of changing type) into a sink, errors caught.
    fn any_use_of(&mut self, p: &str) {
        let Some(sink) = self.target(Kind::Sink) else { return };
        let e = self.int_leaf_any();
        let op = match self.rng.below(4) {
            0 => format!("{p} + {e}"),
            1 => format!("{p} * 2"),
            2 => format!("{p} < {e}"),
            _ => format!("{e} - {p}"),
        };
        self.line("try:");
        self.indented(|g| g.line(format!("{sink} = {op}")));
        self.line("except (TypeError, ValueError, ZeroDivisionError, OverflowError) as e:");
        self.indented(|g| g.line(format!("{sink} = type(e).__name__")));
    }

    /// A zero range step (ValueError) and loops with negative steps.
    fn step_block(&mut self) {
        let (a, b) = (self.rng.range(-3, 3), self.rng.range(0, 9));
        self.line("try:");
        self.indented(|g| {
            g.line(format!("for i0 in range({a}, {b}, 0):"));
            g.indented(|g| g.line("h += 1"));
        });
        self.line("except ValueError as e:");
        self.indented(|g| g.line("show('step', type(e).__name__, str(e))"));
        let c = self.pick_count();
        let s = self.rng.range(-5, 50);
        let st = self.rng.range(1, 4);
        self.line(format!("for i0 in range({s}, {}, {}):", s - c * st, -st));
        self.loops.push(super::LoopCtx { var: Some("i0".into()), start: s as i128, step: -st as i128, count: c });
        let saved = self.mult;
        self.mult *= c.max(1) as f64;
        self.indented(|g| g.body(4));
        self.mult = saved;
        self.loops.pop();
    }

    /// The helpers called directly with ints, floats, bools and big ints.
    fn calls_block(&mut self) {
        let fs = self.funcs.clone();
        for f in fs {
            if !self.affordable(f.cost * 4.0) {
                continue;
            }
            self.spend(f.cost * 4.0);
            let call = match f.shape {
                Shape::Plain => {
                    let calls: Vec<String> = (0..4)
                        .map(|_| {
                            let args: Vec<String> = f
                                .params
                                .iter()
                                .map(|k| match k {
                                    Kind::Int => self.rng.pick(&["3", "-2", "True", "0", "4611686018427387903", "9223372036854775808"]).to_string(),
                                    Kind::Seq => self
                                        .rng
                                        .pick(&["[]", "(1, 2.5)", "[3, -1e309, 2]", "list(range(40))", "[0.5] * 30", "(4611686018427387903, 1, 2)"])
                                        .to_string(),
                                    _ => {
                                        if self.rng.chance(50) {
                                            self.float_const()
                                        } else {
                                            self.int_const()
                                        }
                                    }
                                })
                                .collect();
                            format!("{}({})", f.name, args.join(", "))
                        })
                        .collect();
                    calls.join(", ")
                }
                Shape::Rec { max_n } => format!("[{}(n) for n in range({})]", f.name, max_n + 1),
                Shape::Gen => {
                    let a = self.int_const();
                    format!("list({}(5, {a})), sum({}(30, -2))", f.name, f.name)
                }
            };
            self.line(format!("show('{}', {call})", f.name));
        }
    }

    /// A loop in a loop, the inner one often running 0 or 1 times.
    fn nested_block(&mut self) {
        let outer = self.rng.range(2, 20).min(self.pick_count().max(2));
        let f1 = self.any_form();
        self.emit_loop(f1, outer, |g| {
            g.body(2);
            let inner = if g.rng.chance(40) { g.rng.range(0, 1) } else { g.pick_count() };
            let f2 = g.any_form();
            g.emit_loop(f2, inner, |g| g.body(4));
            g.body(2);
        });
    }

    /// A loop at module level (globals, not locals).
    pub(super) fn module_loop(&mut self) {
        let saved = (std::mem::take(&mut self.vars), self.budget, self.own_globals, self.obj);
        self.prefix = "m";
        self.budget = 3000.0;
        self.own_globals = false;
        self.obj = false;
        self.vars = vec![
            Var { name: "m0".into(), kind: Kind::Int, assignable: true },
            Var { name: "mh".into(), kind: Kind::Int, assignable: true },
            Var { name: "m1".into(), kind: Kind::Num, assignable: true },
        ];
        let (a, b) = (self.int_const(), self.float_const());
        self.line(format!("m0 = {a}"));
        self.line("mh = 0");
        self.line(format!("m1 = {b}"));
        self.line("mi0 = mi1 = mi2 = mw0 = mw1 = mw2 = -1");
        for n in ["mi0", "mi1", "mi2", "mw0", "mw1", "mw2"] {
            self.add_var(n, Kind::Int, false);
        }
        self.pure = self.rng.chance(50);
        let c = self.pick_count();
        let form = self.any_form();
        self.emit_loop(form, c, |g| g.body(4));
        self.pure = false;
        self.show_all("module");
        self.prefix = "";
        (self.vars, self.budget, self.own_globals, self.obj) = saved;
    }
}

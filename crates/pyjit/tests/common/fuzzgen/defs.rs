//! Module-level definitions main uses: globals, a class (class attribute, instance attribute,
//! a method), helper functions (some with loops, called with ints, floats and bools),
//! recursive functions and generators.

use super::{Func, Gen, Kind, Shape, Var};

impl Gen {
    pub(super) fn defs(&mut self) {
        if self.rng.chance(40) {
            let (a, b) = (self.int_const(), self.float_const());
            self.line(format!("G0 = {a}"));
            self.line(format!("G1 = {b}"));
            self.globals = vec!["G0".into(), "G1".into()];
        }
        if self.rng.chance(40) {
            self.class_def();
        }
        let n = self.rng.range(0, 4);
        for k in 0..n {
            let g = if self.globals.is_empty() { 0 } else { 1 };
            match self.rng.weighted(&[3, 3, 2, 2, 2, g, 2, 2, 2]) {
                0 => self.plain_fn(k, false),
                1 => self.plain_fn(k, true),
                2 => self.int_fn(k),
                3 => self.rec_fn(k),
                4 => self.gen_fn(k),
                5 => self.global_fn(k),
                6 => self.seq_fn(k),
                7 => self.probe_fn(k),
                _ => self.made_fn(k),
            }
        }
    }

    fn class_def(&mut self) {
        let k = self.small_int();
        for l in [
            "class C0:".to_string(),
            format!("    k = {k}"),
            "    def __init__(self, x):".into(),
            "        self.x = x".into(),
            "    def step(self, d):".into(),
            "        self.x = self.x - d + self.k".into(),
            "        return self.x".into(),
            String::new(),
        ] {
            self.line(l);
        }
        self.class = true;
    }

    /// Generates a function body (one level in) with `vars` in scope and `budget` statement
    /// executions per call; returns the executions one call costs.
    fn in_function(&mut self, vars: Vec<Var>, budget: f64, f: impl FnOnce(&mut Gen)) -> f64 {
        let saved_vars = std::mem::replace(&mut self.vars, vars);
        let (b, m, o, g) = (self.budget, self.mult, self.obj, self.own_globals);
        self.budget = budget;
        self.mult = 1.0;
        self.obj = false;
        self.own_globals = false;
        self.pure = self.rng.chance(50);
        self.indented(f);
        self.pure = false;
        let used = (budget - self.budget).max(2.0);
        self.vars = saved_vars;
        self.budget = b;
        self.mult = m;
        self.obj = o;
        self.own_globals = g;
        self.line("");
        used
    }

    fn local(name: &str, kind: Kind, assignable: bool) -> Var {
        Var { name: name.into(), kind, assignable }
    }

    fn loop_vars() -> Vec<Var> {
        ["i0", "i1", "i2", "w0", "w1", "w2"].iter().map(|n| Gen::local(n, Kind::Int, false)).collect()
    }

    /// `fK(x, y)`: x a number, y an int; returns a number. With `loops`, it has loops of
    /// its own (compiled once hot, then entered with other types).
    fn plain_fn(&mut self, k: i64, loops: bool) {
        let name = format!("fn{k}");
        self.line(format!("def {name}(x, y):"));
        let mut vars = vec![Gen::local("x", Kind::Num, true), Gen::local("y", Kind::Int, true), Gen::local("a", Kind::Int, true), Gen::local("t", Kind::Num, true)];
        if loops {
            vars.extend(Gen::loop_vars());
        }
        let budget = if loops { 300.0 } else { 6.0 };
        let cost = self.in_function(vars, budget, |g| {
            let (a, t) = (g.int_const(), g.float_const());
            g.line(format!("a = {a}"));
            g.line(format!("t = {t}"));
            if loops {
                g.line("i0 = i1 = i2 = w0 = w1 = w2 = -1");
                g.loop_stmt();
            }
            g.body(3);
            let r = g.num_expr(2);
            g.line(format!("return {r}"));
        });
        self.funcs.push(super::Func { name, params: vec![Kind::Num, Kind::Int], ret: Kind::Num, cost, shape: Shape::Plain });
    }

    /// `fK(a, b)` over ints only, returning an int.
    fn int_fn(&mut self, k: i64) {
        let name = format!("fn{k}");
        self.line(format!("def {name}(a, b):"));
        let mut vars = vec![Gen::local("a", Kind::Int, true), Gen::local("b", Kind::Int, true), Gen::local("c", Kind::Int, true)];
        vars.extend(Gen::loop_vars());
        let cost = self.in_function(vars, 150.0, |g| {
            let c = g.int_const();
            g.line(format!("c = {c}"));
            g.line("i0 = i1 = i2 = w0 = w1 = w2 = -1");
            g.body(4);
            let r = g.int_expr(2);
            g.line(format!("return {r}"));
        });
        self.funcs.push(Func { name, params: vec![Kind::Int, Kind::Int], ret: Kind::Int, cost, shape: Shape::Plain });
    }

    fn rec_fn(&mut self, k: i64) {
        let name = format!("rec{k}");
        let c = self.small_int();
        let a = self.rng.range(1, 3);
        let (lines, max_n, cost, ret): (Vec<String>, i64, f64, Kind) = match self.rng.below(3) {
            0 => (
                vec![
                    format!("def {name}(n):"),
                    "    if n < 2:".into(),
                    format!("        return n + {c}"),
                    format!("    return {name}(n - 1) + {name}(n - 2) * {a}"),
                ],
                8,
                140.0,
                Kind::Int,
            ),
            1 => {
                let grow = if self.rng.chance(50) { format!("s = s + j * {a}") } else { "s = s * 2 + j".to_string() };
                (
                    vec![
                        format!("def {name}(n):"),
                        format!("    s = {c}"),
                        "    for j in range(n):".into(),
                        format!("        {grow}"),
                        "    if n <= 0:".into(),
                        "        return s".into(),
                        format!("    return s + {name}(n - 1)"),
                    ],
                    12,
                    120.0,
                    Kind::Int,
                )
            }
            _ => {
                let base = self.float_const();
                let m = self.rng.range(2, 4);
                (
                    vec![
                        format!("def {name}(n):"),
                        "    if n <= 0:".into(),
                        format!("        return {base}"),
                        format!("    x = {name}(n - 1)"),
                        format!("    if n % {m} == 0:"),
                        "        return x * 2 - n".into(),
                        "    return x + n".into(),
                    ],
                    15,
                    60.0,
                    Kind::Num,
                )
            }
        };
        for l in lines {
            self.line(l);
        }
        self.line("");
        self.funcs.push(Func { name, params: vec![Kind::Int], ret, cost, shape: Shape::Rec { max_n } });
    }

    /// A generator of ints: `gK(n, a)` yields at most n values.
    fn gen_fn(&mut self, k: i64) {
        let name = format!("gen{k}");
        let c = self.small_int();
        let r = self.rng.range(0, 2);
        let lines: Vec<String> = match self.rng.below(4) {
            0 => vec![
                format!("def {name}(n, a):"),
                "    k = 0".into(),
                "    while k < n:".into(),
                format!("        yield k * a + {c}"),
                "        k += 1".into(),
            ],
            1 => vec![
                format!("def {name}(n, a):"),
                "    for k in range(n):".into(),
                format!("        if k % 3 == {r}:"),
                "            continue".into(),
                "        yield a - k".into(),
            ],
            2 => vec![
                format!("def {name}(n, a):"),
                "    x = a".into(),
                "    for k in range(n):".into(),
                "        x = (x * 2 + k) % 1000003".into(),
                "        yield x".into(),
            ],
            _ => vec![format!("def {name}(n, a):"), "    yield from range(a % 5, a % 5 + n)".into()],
        };
        for l in lines {
            self.line(l);
        }
        self.line("");
        self.funcs.push(Func { name, params: vec![Kind::Int, Kind::Int], ret: Kind::Int, cost: 14.0, shape: Shape::Gen });
    }

    /// `fnK(xs)` folding a list or tuple of numbers (a for loop over it, or indexes).
    fn seq_fn(&mut self, k: i64) {
        let name = format!("fn{k}");
        let init = *self.rng.pick(&["0", "0.0", "-1"]);
        let step = *self.rng.pick(&["t = t + v", "t = t * 0.5 + v", "t = t - v * 2", "t = v if v > t else t", "t = (t + v) * 3"]);
        let lines: Vec<String> = if self.rng.chance(60) {
            vec![format!("def {name}(xs):"), format!("    t = {init}"), "    for v in xs:".into(), format!("        {step}")]
        } else {
            vec![
                format!("def {name}(xs):"),
                format!("    t = {init}"),
                "    n = len(xs)".into(),
                "    i = 0".into(),
                "    while i < n:".into(),
                "        v = xs[i] - xs[-1 - i]".into(),
                format!("        {step}"),
                "        i += 1".into(),
            ]
        };
        for l in lines {
            self.line(l);
        }
        self.line("        if t > 1e300 or t < -1e300:");
        self.line("            t = t % 1000003");
        self.line("    return t");
        self.line("");
        self.funcs.push(Func { name, params: vec![Kind::Seq], ret: Kind::Num, cost: 60.0, shape: Shape::Plain });
    }

    /// `fnK(x)` walking a short constant sequence, maybe returning from inside the loop (an
    /// outer loop's trace unrolls it).
    fn probe_fn(&mut self, k: i64) {
        let name = format!("fn{k}");
        let seq = *self.rng.pick(&["(1, -2, 3)", "[2, 5]", "(7,)", "[1, 10, -1, -10]", "()"]);
        let m = self.rng.range(2, 5);
        let early = self.rng.chance(60);
        self.line(format!("def {name}(x):"));
        self.line("    t = 0");
        self.line(format!("    for d in {seq}:"));
        if early {
            self.line(format!("        if (x + d) % {m} == 0:"));
            self.line("            return d - t");
        }
        self.line("        t = t + d * 2");
        self.line("    return t");
        self.line("");
        self.funcs.push(Func { name, params: vec![Kind::Num], ret: Kind::Num, cost: 8.0, shape: Shape::Plain });
    }

    /// `fnK(x)` making a function and calling it: a comprehension or a lambda over a local
    /// (a closure), which an outer loop's trace calls inline.
    fn made_fn(&mut self, k: i64) {
        let name = format!("fn{k}");
        self.line(format!("def {name}(x):"));
        self.line("    c = x");
        match self.rng.range(0, 3) {
            0 => {
                let n = self.rng.range(1, 5);
                self.line(format!("    ys = [c * j - j for j in range({n}) if j != 1]"));
                self.line("    return len(ys) + ys[0]");
            }
            1 => {
                let op = *self.rng.pick(&["+", "-", "*"]);
                self.line(format!("    f = lambda y: y {op} c"));
                self.line("    return f(3) - f(c)");
            }
            _ => {
                self.line("    def g(y):");
                self.line("        return y - c if y > c else c");
                self.line("    return g(2) + g(-1)");
            }
        }
        self.line("");
        self.funcs.push(Func { name, params: vec![Kind::Num], ret: Kind::Num, cost: 8.0, shape: Shape::Plain });
    }

    /// `fK(x)` reading the globals (which main rebinds).
    fn global_fn(&mut self, k: i64) {
        let name = format!("fn{k}");
        let op = *self.rng.pick(&["+", "-", "*"]);
        self.line(format!("def {name}(x):"));
        self.line(format!("    return x {op} G0 - G1"));
        self.line("");
        self.funcs.push(Func { name, params: vec![Kind::Num], ret: Kind::Num, cost: 2.0, shape: Shape::Plain });
    }
}

//! Loops: `for` over ranges (0, 1, a few or many iterations; offset, stepped, negative,
//! beyond small ints), `while` loops of several shapes, `for` over generators, with `else`
//! clauses; the iteration count is chosen within the program's budget.

use super::{Gen, LoopCtx, Shape};

/// How a loop iterates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Form {
    Range,
    While,
    Generator,
    /// `for vD in` a list or tuple.
    Seq,
}

impl Gen {
    /// Iterations for a new loop: 0, 1, a few or many, as the budget allows.
    pub(super) fn pick_count(&mut self) -> i64 {
        let c = match self.rng.weighted(&[5, 7, 6, 6, 22, 30, 24]) {
            0 => 0,
            1 => 1,
            2 => 2,
            3 => 3,
            4 => self.rng.range(4, 8),
            5 => self.rng.range(9, 40),
            _ => self.rng.range(41, 300),
        };
        let max = (self.budget * 0.5 / (self.mult * 6.0)).floor().max(1.0) as i64;
        c.min(max)
    }

    /// A random loop with a random body.
    pub(super) fn loop_stmt(&mut self) {
        let c = self.pick_count();
        let has_gen = !self.pure && self.funcs.iter().any(|f| f.shape == Shape::Gen);
        let has_seq = !self.seqs().is_empty() && self.affordable(16.0 * 6.0);
        let form = match self.rng.weighted(&[6, 3, if has_gen { 1 } else { 0 }, if has_seq { 2 } else { 0 }]) {
            0 => Form::Range,
            1 => Form::While,
            2 => Form::Generator,
            _ => Form::Seq,
        };
        self.emit_loop(form, c, |g| g.body(5));
    }

    /// Emits a loop of `form` running `count` times whose body `body` writes (after the
    /// counter update of a `while` loop); sometimes with an `else` clause.
    pub(super) fn emit_loop(&mut self, form: Form, count: i64, body: impl FnOnce(&mut Gen)) {
        let d = self.loops.len();
        let (ctx, count) = match form {
            Form::Range => (self.range_header(d, count), count),
            Form::While => (self.while_header(d, count), count),
            Form::Generator => (self.gen_header(d, count), count),
            // as many iterations as items (8 to 12, a few more if some were appended)
            Form::Seq => (self.seq_header(d), 16),
        };
        let iterated = (form == Form::Seq).then(|| self.iterating.last().cloned()).flatten();
        let is_while = form == Form::While;
        let shape = self.while_shape;
        self.loops.push(ctx);
        let saved = self.mult;
        self.mult *= count.max(1) as f64;
        self.indented(|g| {
            if is_while {
                let w = format!("{}w{d}", g.prefix);
                match shape {
                    1 => g.line(format!("{w} -= 1")),
                    2 => {
                        g.line(format!("{w} += 1"));
                        g.line(format!("if {w} > {count}:"));
                        g.indented(|g| g.line("break"));
                    }
                    _ => g.line(format!("{w} += 1")),
                }
            }
            body(g);
        });
        self.mult = saved;
        self.loops.pop();
        if iterated.is_some() {
            self.iterating.pop();
        }
        if self.rng.chance(15) {
            self.line("else:");
            self.indented(|g| g.assign_int());
        }
    }

    /// `for iD in range(...)` with `count` iterations.
    fn range_header(&mut self, d: usize, count: i64) -> LoopCtx {
        let v = format!("{}i{d}", self.prefix);
        let c = count as i128;
        let (start, step, header) = match self.rng.weighted(&[6, 3, 2, 2, 1, if count <= 12 { 1 } else { 0 }]) {
            0 => (0, 1, format!("range({count})")),
            1 => {
                let s = self.rng.range(-20, 20) as i128;
                (s, 1, format!("range({s}, {})", s + c))
            }
            2 => {
                let s = self.rng.range(-30, 30) as i128;
                let st = self.rng.range(2, 7) as i128;
                let r = self.rng.range(0, st as i64 - 1) as i128;
                let stop = if c == 0 { s - r } else { s + (c - 1) * st + 1 + r };
                (s, st, format!("range({s}, {stop}, {st})"))
            }
            3 => {
                let s = self.rng.range(-10, 60) as i128;
                let st = self.rng.range(1, 5) as i128;
                let r = self.rng.range(0, st as i64 - 1) as i128;
                let stop = if c == 0 { s + r } else { s - (c - 1) * st - 1 - r };
                (s, -st, format!("range({s}, {stop}, {})", -st))
            }
            4 => {
                let n = self.fresh("n");
                self.line(format!("{n} = {count}"));
                (0, 1, format!("range({n})"))
            }
            _ => {
                // around the end of small ints and of the machine word
                let base: i128 = *self.rng.pick(&[1 << 62, -(1 << 62), 1 << 63, -(1 << 63), 1 << 31]);
                let s = base - self.rng.range(0, c as i64 + 1) as i128;
                (s, 1, format!("range({s}, {})", s + c))
            }
        };
        self.line(format!("for {v} in {header}:"));
        LoopCtx { var: Some(v), start, step, count }
    }

    /// A `while` loop on the counter `wD`, of one of three shapes (remembered in
    /// `while_shape` for the counter update at the top of the body).
    fn while_header(&mut self, d: usize, count: i64) -> LoopCtx {
        let w = format!("{}w{d}", self.prefix);
        let shape = self.rng.weighted(&[5, 2, 2, 2]);
        self.while_shape = shape;
        match shape {
            1 => {
                self.line(format!("{w} = {count}"));
                self.line(format!("while {w} > 0:"));
                LoopCtx { var: Some(w), start: count as i128 - 1, step: -1, count }
            }
            2 => {
                self.line(format!("{w} = 0"));
                self.line("while True:");
                LoopCtx { var: Some(w), start: 1, step: 1, count }
            }
            3 => {
                let c = self.bool_expr(1);
                self.line(format!("{w} = 0"));
                self.line(format!("while {w} < {count} and ({c}):"));
                LoopCtx { var: Some(w), start: 1, step: 1, count }
            }
            _ => {
                self.line(format!("{w} = 0"));
                self.line(format!("while {w} < {count}:"));
                LoopCtx { var: Some(w), start: 1, step: 1, count }
            }
        }
    }

    /// `for vD in` a list or tuple (whose length the body does not change).
    fn seq_header(&mut self, d: usize) -> LoopCtx {
        let seqs = self.seqs();
        let s = self.rng.pick(&seqs).clone();
        self.line(format!("for v{d} in {s}:"));
        self.iterating.push(s);
        LoopCtx { var: None, start: 0, step: 1, count: 16 }
    }

    /// `for iD in genK(count, a)`; the values are not known here.
    fn gen_header(&mut self, d: usize, count: i64) -> LoopCtx {
        let v = format!("{}i{d}", self.prefix);
        let gens: Vec<String> = self.funcs.iter().filter(|f| f.shape == Shape::Gen).map(|f| f.name.clone()).collect();
        let name = self.rng.pick(&gens).clone();
        let a = self.int_expr(1);
        self.line(format!("for {v} in {name}({count}, {a}):"));
        LoopCtx { var: None, start: 0, step: 1, count }
    }
}

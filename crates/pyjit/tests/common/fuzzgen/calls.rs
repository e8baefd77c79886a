//! Calls in loops: helper functions with numbers of either type, recursive functions with
//! a masked argument, generators consumed whole.

use super::{Gen, Kind, Shape};

impl Gen {
    /// A call of one of the helpers the budget allows here.
    pub(super) fn call(&mut self) {
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
}

/// The largest 2**k - 1 not above n (an `&` mask keeping a recursion argument in 0..=n).
fn pow2_mask(n: i64) -> i64 {
    let mut m = 1;
    while m * 2 - 1 <= n {
        m *= 2;
    }
    m - 1
}

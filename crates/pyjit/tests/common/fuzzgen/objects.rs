//! Attributes and globals in loops: an instance attribute added mid-loop, class attributes
//! mutated mid-loop, instance attributes shadowing them; globals rebound mid-loop by main and
//! read everywhere.

use super::{Gen, Kind};

impl Gen {
    /// Instance attributes (one added mid-loop), class attributes mutated mid-loop.
    pub(super) fn obj_stmt(&mut self) {
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
    pub(super) fn global_stmt(&mut self) {
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
}

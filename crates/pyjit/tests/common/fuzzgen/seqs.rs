//! Lists and tuples: main's `xs0` (numbers), `ks0` (ints) and `tp0` (a tuple of numbers),
//! read by index (inside by construction: they keep at least 8 items and indexes are masked
//! with `& 7`; or past the end at a late iteration, IndexError caught), iterated, and changed
//! mid-loop (an item of another type, items appended, removed or reversed, the variable
//! rebound to a new sequence).

use super::{Gen, Kind};

impl Gen {
    /// The list and tuple variables in scope.
    pub(super) fn seqs(&self) -> Vec<String> {
        self.names(&[Kind::Seq])
    }

    /// What the items of `seq` are.
    fn item_kind(seq: &str) -> Kind {
        if seq.starts_with("ks") {
            Kind::Int
        } else {
            Kind::Num
        }
    }

    fn is_list(seq: &str) -> bool {
        !seq.starts_with("tp")
    }

    /// Items for a new sequence of `kind` items: 8 to 12 of them.
    fn items(&mut self, kind: Kind) -> String {
        let n = self.rng.range(8, 12);
        let v: Vec<String> = (0..n)
            .map(|_| if kind == Kind::Int || self.rng.chance(40) { self.int_const() } else { self.float_const() })
            .collect();
        v.join(", ")
    }

    /// main's sequences (some programs have none).
    pub(super) fn seq_init(&mut self) {
        if self.rng.chance(35) {
            return;
        }
        let all = [("xs0", Kind::Num), ("ks0", Kind::Int), ("tp0", Kind::Num)];
        for (name, kind) in all {
            if self.rng.chance(70) {
                let items = self.items(kind);
                if Gen::is_list(name) {
                    self.line(format!("{name} = [{items}]"));
                } else {
                    self.line(format!("{name} = ({items})"));
                }
                self.add_var(name, Kind::Seq, true);
            }
        }
    }

    /// An index inside any of the sequences (which keep at least 8 items).
    fn safe_index(&mut self) -> String {
        let v = self.names(&[Kind::Int]);
        match self.rng.below(5) {
            0 => self.rng.range(0, 7).to_string(),
            1 => self.rng.range(-8, -1).to_string(),
            _ if v.is_empty() => "3".into(),
            2 | 3 => format!("{} & 7", self.rng.pick(&v)),
            _ => format!("-1 - ({} & 7)", self.rng.pick(&v)),
        }
    }

    /// `seq[index]` for an item of `kind` (ints are numbers too), or None.
    pub(super) fn seq_read(&mut self, kind: Kind) -> Option<String> {
        let cands: Vec<String> = self.seqs().into_iter().filter(|s| kind == Kind::Num || Gen::item_kind(s) == kind).collect();
        if cands.is_empty() {
            return None;
        }
        let s = self.rng.pick(&cands).clone();
        let i = self.safe_index();
        Some(format!("{s}[{i}]"))
    }

    /// A statement on a list or tuple (see the module comment).
    pub(super) fn seq_stmt(&mut self) {
        let seqs = self.seqs();
        if seqs.is_empty() {
            return self.assign_num();
        }
        let s = self.rng.pick(&seqs).clone();
        let kind = Gen::item_kind(&s);
        let list = Gen::is_list(&s);
        let iterated = self.iterating.contains(&s);
        let late = !self.loops.is_empty();
        match self.rng.below(8) {
            0 if list => {
                let c = self.rng.range(-8, 7);
                let e = if kind == Kind::Int { self.int_expr(1) } else { self.num_expr(1) };
                self.line(format!("{s}[{c}] = {e}"));
                self.wrap(&format!("{s}[{c}]"));
            }
            1 | 0 => {
                let Some(t) = self.target(kind) else { return };
                let i = self.safe_index();
                let op = *self.rng.pick(&["+", "-", "*"]);
                self.line(format!("{t} = {t} {op} {s}[{i}]"));
                self.wrap(&t);
            }
            2 if list => {
                // an item of another type from a late iteration on
                let c = self.rng.range(-8, 7);
                let v = if kind == Kind::Int {
                    self.rng.pick(&["True", "False", "4611686018427387904", "9223372036854775808", "-4611686018427387905"]).to_string()
                } else if self.rng.chance(60) {
                    self.float_const()
                } else {
                    self.int_const()
                };
                let cond = if late { self.late_cond() } else { "True".into() };
                self.line(format!("if {cond}:"));
                self.indented(|g| g.line(format!("{s}[{c}] = {v}")));
            }
            3 if list && !iterated => {
                let v = if kind == Kind::Int { self.int_const() } else { self.float_const() };
                let op = match self.rng.below(5) {
                    0 | 1 => format!("{s}.append({v})"),
                    2 => format!("{s}.insert(0, {v})"),
                    3 => format!("{s}.pop()"),
                    _ => format!("del {s}[-1]"),
                };
                let cond = self.once_cond();
                let shrink = op.contains("pop") || op.starts_with("del");
                if shrink {
                    self.line(format!("if ({cond}) and len({s}) > 8:"));
                } else {
                    self.line(format!("if ({cond}) and len({s}) < 40:"));
                }
                self.indented(|g| g.line(op));
            }
            4 => {
                // rebound to a new sequence of the same (or more) items
                let v = if kind == Kind::Int { self.int_const() } else { self.float_const() };
                let new = match (list, self.rng.below(3)) {
                    (true, 0) => format!("{s} + [{v}]"),
                    (true, 1) => format!("{s}[::-1]"),
                    (true, _) => format!("list({s})"),
                    (false, 0) => format!("{s}[1:] + ({v},)"),
                    (false, 1) => format!("{s}[::-1]"),
                    (false, _) => format!("tuple([{}])", self.items(Kind::Num)),
                };
                let cond = self.once_cond();
                self.line(format!("if ({cond}) and len({s}) < 40:"));
                self.indented(|g| g.line(format!("{s} = {new}")));
            }
            5 => {
                // past the end at a late iteration
                let Some(t) = self.target(kind) else { return };
                let i = match self.loops.iter().rev().find_map(|l| l.var.clone()) {
                    Some(v) => v,
                    None => self.int_leaf(),
                };
                self.line("try:");
                self.indented(|g| {
                    g.line(format!("{t} = {t} + {s}[{i}]"));
                    g.wrap(&t);
                });
                self.line("except IndexError:");
                self.indented(|g| g.line(format!("{t} = {t} - 1")));
            }
            6 if list => {
                let cond = self.once_cond();
                self.line(format!("if {cond}:"));
                self.indented(|g| g.line(format!("{s}.reverse()")));
            }
            _ => {
                let Some(t) = self.target(Kind::Num) else { return };
                let r = self.seq_read(Kind::Num).unwrap_or_else(|| "0".into());
                let c = self.bool_expr(1);
                self.line(format!("if {c}:"));
                self.indented(|g| {
                    g.line(format!("{t} = {t} + {r}"));
                    g.wrap(&t);
                });
            }
        }
    }
}

//! Random Python programs made to trip a tracing JIT (used by tests/jit_fuzz.rs): loops whose
//! value types, magnitudes and control flow change after the first iterations, with calls,
//! recursion, generators, objects, globals and exceptions around them. Same seed, same program.
//!
//! Every program is valid Python 3.11, deterministic, bounded (a budget of statement
//! executions keeps it to a few milliseconds interpreted) and prints its variables (repr,
//! big ints and long strings abbreviated) after each block and at the end.

mod blocks;
mod defs;
mod expr;
mod loops;
mod rng;
mod seqs;
mod stmt;

use rng::Rng;

/// The program for `seed`.
pub fn program(seed: u64) -> String {
    Gen::new(seed).program()
}

/// Statement executions a whole program may cost (as estimated while generating it).
const BUDGET: f64 = 40_000.0;

/// What a variable may hold; expressions only use a variable where its kind is safe.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    /// An int or bool, kept below about 2**90 by "wrap" statements.
    Int,
    /// An int or a float (inf and nan included).
    Num,
    /// Anything (None, str, bool, int, float): written only with constants, read only in
    /// `try` statements, `is` tests and `==`.
    Src,
    /// Results of operations on `Src` variables (or the name of the exception they raised).
    Sink,
    /// A list or tuple of at least 8 items (see seqs.rs).
    Seq,
}

#[derive(Clone, Debug)]
struct Var {
    name: String,
    kind: Kind,
    /// Loop variables and `while` counters are not targets of random assignments.
    assignable: bool,
}

/// An enclosing loop whose variable takes the values start, start+step, ... (`count` of
/// them), so that a condition can name the iteration where it first holds.
#[derive(Clone, Debug)]
struct LoopCtx {
    var: Option<String>,
    start: i128,
    step: i128,
    count: i64,
}

impl LoopCtx {
    fn value_at(&self, k: i64) -> i128 {
        self.start + self.step * k as i128
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    Plain,
    /// Recursive; called with 0..=max_n.
    Rec { max_n: i64 },
    /// A generator of ints, called as (count, int).
    Gen,
}

/// A module-level function main can call.
#[derive(Clone, Debug)]
struct Func {
    name: String,
    params: Vec<Kind>,
    ret: Kind,
    /// Estimated statement executions per call.
    cost: f64,
    shape: Shape,
}

struct Gen {
    rng: Rng,
    seed: u64,
    lines: Vec<String>,
    ind: usize,
    /// Variables of the function (or module) being generated.
    vars: Vec<Var>,
    /// Loop variable names start with this ("" in functions, "m" at module level).
    prefix: &'static str,
    loops: Vec<LoopCtx>,
    /// Statement executions left, and the executions of one statement here (the product of
    /// the enclosing loops' iterations).
    budget: f64,
    mult: f64,
    /// Only statements the recorder handles today (arithmetic, comparisons, branches, loops
    /// over ranges), so that the loop compiles; the bodies of late branches are not pure.
    pure: bool,
    /// Blocks nested in the current function (if/loop/try), bounded.
    nest: usize,
    funcs: Vec<Func>,
    /// The class `C0` exists; `o0` is an instance of it in main.
    class: bool,
    obj: bool,
    globals: Vec<String>,
    /// main declared the globals `global` (so it may assign them).
    own_globals: bool,
    fresh: usize,
    /// The shape of the `while` loop whose header was just written (see loops.rs).
    while_shape: usize,
    /// Lists the enclosing loops iterate over (not to be grown or shrunk there).
    iterating: Vec<String>,
}

impl Gen {
    fn new(seed: u64) -> Gen {
        Gen {
            rng: Rng::new(seed),
            seed,
            lines: Vec::new(),
            ind: 0,
            vars: Vec::new(),
            prefix: "",
            loops: Vec::new(),
            budget: BUDGET,
            mult: 1.0,
            pure: false,
            nest: 0,
            funcs: Vec::new(),
            class: false,
            obj: false,
            globals: Vec::new(),
            own_globals: false,
            fresh: 0,
            while_shape: 0,
            iterating: Vec::new(),
        }
    }

    fn line(&mut self, s: impl AsRef<str>) {
        self.lines.push(format!("{}{}", "    ".repeat(self.ind), s.as_ref()));
    }

    /// Runs `f` one indentation level deeper; an empty body becomes `pass`.
    fn indented(&mut self, f: impl FnOnce(&mut Gen)) {
        self.ind += 1;
        self.nest += 1;
        let n = self.lines.len();
        f(self);
        if self.lines.len() == n {
            self.line("pass");
        }
        self.nest -= 1;
        self.ind -= 1;
    }

    fn fresh(&mut self, prefix: &str) -> String {
        self.fresh += 1;
        format!("{prefix}{}", self.fresh)
    }

    fn add_var(&mut self, name: &str, kind: Kind, assignable: bool) {
        self.vars.push(Var { name: name.to_string(), kind, assignable });
    }

    fn names(&self, kinds: &[Kind]) -> Vec<String> {
        self.vars.iter().filter(|v| kinds.contains(&v.kind)).map(|v| v.name.clone()).collect()
    }

    fn targets(&self, kind: Kind) -> Vec<String> {
        self.vars.iter().filter(|v| v.kind == kind && v.assignable).map(|v| v.name.clone()).collect()
    }

    /// A variable of `kind` to assign; now and then the innermost loop's own variable.
    fn target(&mut self, kind: Kind) -> Option<String> {
        if kind == Kind::Int && self.rng.chance(8) {
            if let Some(v) = self.loops.last().and_then(|l| l.var.clone()) {
                if !v.contains('w') {
                    return Some(v);
                }
            }
        }
        let t = self.targets(kind);
        if t.is_empty() {
            None
        } else {
            Some(self.rng.pick(&t).clone())
        }
    }

    /// Counts one execution of a statement here.
    fn spend(&mut self, units: f64) {
        self.budget -= units * self.mult;
    }

    fn affordable(&self, units: f64) -> bool {
        self.budget > units * self.mult
    }

    fn program(mut self) -> String {
        self.line(format!("# pyjit JIT differential fuzz program, seed {} (crates/pyjit/tests/jit_fuzz.rs)", self.seed));
        self.show_def();
        self.defs();
        self.main_fn();
        if self.rng.chance(20) {
            self.module_loop();
        }
        self.line("main()");
        match self.rng.below(40) {
            0 => {
                let code = self.rng.range(1, 5);
                self.line(format!("raise SystemExit({code})"))
            }
            1 => self.line("print(1 // (len('') * 0))"),
            _ => {}
        }
        let mut s = self.lines.join("\n");
        s.push('\n');
        s
    }

    /// `show(*values)`: one line of reprs, big ints as bit length and residue, long reprs cut
    /// to their start, length and checksum.
    fn show_def(&mut self) {
        for l in [
            "def show(*vs):",
            "    out = []",
            "    for v in vs:",
            "        if type(v) is int and not -10**30 < v < 10**30:",
            "            r = '%sbig%d:%d' % ('-' if v < 0 else '', v.bit_length(), v % 1000003)",
            "        else:",
            "            r = repr(v)",
            "        if len(r) > 80:",
            "            c = 0",
            "            for ch in r:",
            "                c = (c * 31 + ord(ch)) % 1000000007",
            "            r = r[:40] + '...%d:%d' % (len(r), c)",
            "        out.append(r)",
            "    print(*out)",
            "",
        ] {
            self.line(l);
        }
    }

    /// `show('tag', every variable)`.
    fn show_all(&mut self, tag: &str) {
        let mut vs: Vec<String> = self.vars.iter().map(|v| v.name.clone()).collect();
        if self.obj {
            vs.extend(["o0.x", "getattr(o0, 'y', None)", "o0.k", "C0.k"].map(String::from));
        }
        if self.own_globals || (self.prefix.is_empty() && !self.globals.is_empty()) {
            vs.extend(self.globals.iter().cloned());
        }
        let mut s = format!("show('{tag}'");
        for v in vs {
            s.push_str(", ");
            s.push_str(&v);
        }
        s.push(')');
        self.line(s);
    }
}

//! How deeply source may nest, as CPython 3.11 limits it.
//!
//! CPython's PEG parser gives up with MemoryError when its rule recursion passes a fixed
//! depth (MAXSTACK, 6000 levels: a chain of about 5975 prefix operators), and its symbol
//! table pass raises RecursionError("maximum recursion depth exceeded during compilation")
//! when statements and expressions nest deeper than three times the remaining recursion
//! limit. pyjit's compiler recurses over the tree too, so the same limits also keep it off
//! the end of the native stack; `HARD_LIMIT` bounds it when the recursion limit is raised.
//!
//! Left-recursive chains (`a + b + c`, `a.b.c`, `f()()`, `a < b < c`) do not deepen the
//! parser's recursion, only the tree's; they count for the compile limit alone.

use ruff_python_ast::visitor::{walk_expr, walk_stmt, Visitor};
use ruff_python_ast::{Expr, Operator, Stmt};

/// Parser depth beyond which CPython raises MemoryError (measured: 5975 nested unary
/// minus signs in `eval` pass, 5976 fail).
pub const PARSER_LIMIT: u32 = 5976;

/// Tree depth beyond which pyjit refuses to compile whatever the recursion limit says.
pub const HARD_LIMIT: u32 = 100_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TooDeep {
    /// The parser's stack: CPython raises MemoryError (with no message).
    Parser,
    /// The compiler's recursion limit: RecursionError.
    Compiler,
}

struct Depth {
    depth: u32,
    parser_depth: u32,
    /// The next expression visited continues a left-recursive chain.
    left_chain: bool,
    limit: u32,
    result: Option<TooDeep>,
}

impl Depth {
    fn too_deep(&mut self) -> bool {
        if self.result.is_some() {
            return true;
        }
        if self.parser_depth > PARSER_LIMIT {
            self.result = Some(TooDeep::Parser);
        } else if self.depth > self.limit {
            self.result = Some(TooDeep::Compiler);
        }
        self.result.is_some()
    }

    fn chain(&mut self, left: &Expr) {
        self.left_chain = true;
        self.visit_expr(left);
    }
}

impl<'a> Visitor<'a> for Depth {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        self.depth += 1;
        self.parser_depth += 1;
        if !self.too_deep() {
            walk_stmt(self, stmt);
        }
        self.depth -= 1;
        self.parser_depth -= 1;
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        let step = u32::from(!std::mem::take(&mut self.left_chain));
        self.depth += 1;
        self.parser_depth += step;
        if !self.too_deep() {
            match expr {
                Expr::BinOp(b) if b.op != Operator::Pow => {
                    self.chain(&b.left);
                    self.visit_expr(&b.right);
                }
                Expr::BoolOp(b) if !b.values.is_empty() => {
                    self.chain(&b.values[0]);
                    for v in &b.values[1..] {
                        self.visit_expr(v);
                    }
                }
                Expr::Compare(c) => {
                    self.chain(&c.left);
                    for v in c.comparators.iter() {
                        self.visit_expr(v);
                    }
                }
                Expr::Attribute(a) => self.chain(&a.value),
                Expr::Subscript(s) => {
                    self.chain(&s.value);
                    self.visit_expr(&s.slice);
                }
                Expr::Call(c) => {
                    self.chain(&c.func);
                    self.visit_arguments(&c.arguments);
                }
                _ => walk_expr(self, expr),
            }
        }
        self.depth -= 1;
        self.parser_depth -= step;
    }
}

/// Checks a module body against the limits; `limit` is the deepest nesting of statements
/// and expressions the compiler may enter (CPython: 3 x the remaining recursion limit).
pub fn check(body: &[Stmt], limit: u32) -> Result<(), TooDeep> {
    let mut d = Depth { depth: 0, parser_depth: 0, left_chain: false, limit: limit.min(HARD_LIMIT), result: None };
    for s in body {
        d.visit_stmt(s);
    }
    d.result.map_or(Ok(()), Err)
}

/// The same check for the expression of `eval` mode.
pub fn check_expr(expr: &Expr, limit: u32) -> Result<(), TooDeep> {
    let mut d = Depth { depth: 0, parser_depth: 0, left_chain: false, limit: limit.min(HARD_LIMIT), result: None };
    d.visit_expr(expr);
    d.result.map_or(Ok(()), Err)
}

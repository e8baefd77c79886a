//! CPython's compiler refuses to bind `__debug__` (forbidden_name): as an assignment or
//! deletion target, a parameter, a keyword argument, an import or a def/class name, a match
//! capture. This pass finds the first such binding in source order, with the location CPython
//! reports.

use crate::error::{CompileError, SourceMap, Stage};
use ruff_python_ast::visitor::{walk_expr, walk_pattern, walk_stmt, Visitor};
use ruff_python_ast::{self as ast, Expr, ExprContext, Pattern, Stmt};
use ruff_text_size::{Ranged, TextRange};

const NAME: &str = "__debug__";

struct Finder<'s> {
    src: &'s SourceMap,
    found: Option<CompileError>,
    /// Inside an augmented assignment's target (attributes are not checked there).
    in_augassign: bool,
}

impl Finder<'_> {
    fn report(&mut self, msg: &str, range: TextRange) {
        if self.found.is_none() {
            self.found = Some(self.src.syntax_error(msg.to_string(), range).at_stage(Stage::Compiler));
        }
    }

    fn params(&mut self, p: &ast::Parameters, range: TextRange) {
        let named = p.posonlyargs.iter().chain(&p.args).chain(&p.kwonlyargs).any(|a| a.parameter.name.as_str() == NAME);
        let star = p.vararg.iter().chain(&p.kwarg).any(|a| a.name.as_str() == NAME);
        if named || star {
            self.report("cannot assign to __debug__", range);
        }
    }
}

impl<'a> Visitor<'a> for Finder<'_> {
    fn visit_stmt(&mut self, s: &'a Stmt) {
        if self.found.is_some() {
            return;
        }
        match s {
            Stmt::FunctionDef(f) => {
                if f.name.as_str() == NAME {
                    self.report("cannot assign to __debug__", s.range());
                }
                self.params(&f.parameters, s.range());
            }
            Stmt::ClassDef(c) => {
                let kw = c.arguments.as_ref().is_some_and(|a| a.keywords.iter().any(|k| k.arg.as_ref().is_some_and(|n| n.as_str() == NAME)));
                if c.name.as_str() == NAME || kw {
                    self.report("cannot assign to __debug__", s.range());
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let bound = a.asname.as_ref().map(|n| n.as_str()).unwrap_or_else(|| a.name.as_str().split('.').next().unwrap_or(""));
                    if bound == NAME {
                        self.report("cannot assign to __debug__", s.range());
                    }
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    if a.asname.as_ref().unwrap_or(&a.name).as_str() == NAME {
                        self.report("cannot assign to __debug__", s.range());
                    }
                }
            }
            Stmt::AnnAssign(a) => {
                if matches!(&*a.target, Expr::Name(n) if n.id.as_str() == NAME) {
                    self.report("cannot assign to __debug__", s.range());
                }
            }
            Stmt::AugAssign(a) => {
                self.in_augassign = true;
                self.visit_expr(&a.target);
                self.in_augassign = false;
                self.visit_expr(&a.value);
                return;
            }
            Stmt::Try(t) => {
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if h.name.as_ref().is_some_and(|n| n.as_str() == NAME) {
                        self.report("cannot assign to __debug__", h.range);
                    }
                }
            }
            _ => {}
        }
        walk_stmt(self, s);
    }

    fn visit_expr(&mut self, e: &'a Expr) {
        if self.found.is_some() {
            return;
        }
        match e {
            Expr::Name(n) if n.id.as_str() == NAME => match n.ctx {
                ExprContext::Store => self.report("cannot assign to __debug__", n.range),
                ExprContext::Del => self.report("cannot delete __debug__", n.range),
                _ => {}
            },
            Expr::Attribute(a) if a.attr.as_str() == NAME && a.ctx == ExprContext::Store && !self.in_augassign => {
                self.report("cannot assign to __debug__", a.range)
            }
            Expr::Call(c) => {
                if c.arguments.keywords.iter().any(|k| k.arg.as_ref().is_some_and(|n| n.as_str() == NAME)) {
                    self.report("cannot assign to __debug__", c.range());
                }
            }
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.params(p, l.range);
                }
            }
            _ => {}
        }
        walk_expr(self, e);
    }

    fn visit_pattern(&mut self, p: &'a Pattern) {
        let bound = match p {
            Pattern::MatchAs(a) => a.name.as_ref(),
            Pattern::MatchStar(s) => s.name.as_ref(),
            Pattern::MatchMapping(m) => m.rest.as_ref(),
            _ => None,
        };
        if bound.is_some_and(|n| n.as_str() == NAME) {
            self.report("cannot assign to __debug__", p.range());
        }
        // a class pattern's keyword names an attribute to read, but CPython checks it too
        if let Pattern::MatchClass(c) = p {
            if let Some(k) = c.arguments.keywords.iter().find(|k| k.attr.as_str() == NAME) {
                self.report("cannot assign to __debug__", k.pattern.range());
            }
        }
        walk_pattern(self, p);
    }
}

/// The first binding of `__debug__` in `body`, as CPython's compiler reports it.
pub(crate) fn find(body: &[Stmt], src: &SourceMap) -> Option<CompileError> {
    let mut f = Finder { src, found: None, in_augassign: false };
    f.visit_body(body);
    f.found
}

//! `_ast` statement nodes (and their helper nodes: arguments, aliases, handlers, with items,
//! match cases) back to ruff's statements.

use pyjit_compiler::ruff_ast::{self as ra, Expr, Stmt};
use pyjit_compiler::ruff_text_size::TextRange;

use super::from_py::{Ctx, FromPy};
use crate::util::*;

const STMTS: &[&str] = &[
    "FunctionDef", "AsyncFunctionDef", "ClassDef", "Return", "Delete", "Assign", "AugAssign", "AnnAssign", "For", "AsyncFor",
    "While", "If", "With", "AsyncWith", "Match", "Raise", "Try", "TryStar", "Assert", "Import", "ImportFrom", "Global",
    "Nonlocal", "Expr", "Pass", "Break", "Continue",
];

fn ni() -> ra::AtomicNodeIndex {
    ra::AtomicNodeIndex::default()
}

impl FromPy<'_> {
    pub fn stmt(&mut self, obj: Value) -> PyResult<Stmt> {
        let range = self.range(obj, "stmt")?;
        let Some(kind) = self.kind_of(obj, STMTS)? else { return Err(self.expected("stmt", obj)) };
        self.enter_node()?;
        let r = self.stmt_kind(obj, kind, range);
        self.leave();
        r
    }

    fn stmt_kind(&mut self, o: Value, k: &'static str, range: TextRange) -> PyResult<Stmt> {
        let node_index = ni();
        Ok(match k {
            "FunctionDef" | "AsyncFunctionDef" => {
                let mut name = self.ident(o, "name", k)?;
                name.range = TextRange::empty(range.start());
                let a = self.field(o, "args", k)?;
                let parameters = Box::new(self.arguments(a)?);
                let body = self.body(o, "body", k, true)?;
                let decorator_list = self.decorators(o, k)?;
                let returns = match self.opt_field(o, "returns") {
                    Some(v) => Some(Box::new(self.annotation(v)?)),
                    None => None,
                };
                Stmt::FunctionDef(ra::StmtFunctionDef {
                    node_index,
                    range,
                    is_async: k == "AsyncFunctionDef",
                    decorator_list: decorator_list.into(),
                    name,
                    type_params: None,
                    parameters,
                    returns,
                    body: body.into(),
                })
            }
            "ClassDef" => {
                let mut name = self.ident(o, "name", k)?;
                name.range = TextRange::empty(range.start());
                let bases = self.exprs(o, "bases", k)?;
                let keywords = self.keywords(o, k)?;
                let body = self.body(o, "body", k, true)?;
                let decorator_list = self.decorators(o, k)?;
                let arguments = Some(Box::new(ra::Arguments { range, node_index: ni(), args: bases.into(), keywords: keywords.into() }));
                Stmt::ClassDef(ra::StmtClassDef { node_index, range, decorator_list: decorator_list.into(), name, type_params: None, arguments, body: body.into() })
            }
            "Return" => Stmt::Return(ra::StmtReturn { node_index, range, value: self.opt_expr(o, "value")?.map(Box::new) }),
            "Delete" => {
                let targets = self.exprs_ctx(o, "targets", k, Ctx::Del)?;
                if targets.is_empty() {
                    return Err(self.vm.value_error("empty targets on Delete"));
                }
                Stmt::Delete(ra::StmtDelete { node_index, range, targets })
            }
            "Assign" => {
                let targets = self.exprs_ctx(o, "targets", k, Ctx::Store)?;
                if targets.is_empty() {
                    return Err(self.vm.value_error("empty targets on Assign"));
                }
                let value = Box::new(self.expr(o, "value", k)?);
                Stmt::Assign(ra::StmtAssign { node_index, range, targets, value })
            }
            "AugAssign" => {
                let target = Box::new(self.expr_ctx(o, "target", k, Ctx::Store)?);
                let op = self.operator(o)?;
                let value = Box::new(self.expr(o, "value", k)?);
                Stmt::AugAssign(ra::StmtAugAssign { node_index, range, target, op, value })
            }
            "AnnAssign" => {
                let target = Box::new(self.expr_ctx(o, "target", k, Ctx::Store)?);
                let a = self.field(o, "annotation", k)?;
                let annotation = Box::new(self.annotation(a)?);
                let value = self.opt_expr(o, "value")?.map(Box::new);
                let simple = self.int_field(o, "simple", k)? != 0;
                Stmt::AnnAssign(ra::StmtAnnAssign { node_index, range, target, annotation, value, simple })
            }
            "For" | "AsyncFor" => {
                let target = Box::new(self.expr_ctx(o, "target", k, Ctx::Store)?);
                let iter = Box::new(self.expr(o, "iter", k)?);
                let body = self.body(o, "body", k, true)?;
                let orelse = self.body(o, "orelse", k, false)?;
                Stmt::For(ra::StmtFor { node_index, range, is_async: k == "AsyncFor", target, iter, body: body.into(), orelse: orelse.into() })
            }
            "While" => {
                let test = Box::new(self.expr(o, "test", k)?);
                let body = self.body(o, "body", k, true)?;
                let orelse = self.body(o, "orelse", k, false)?;
                Stmt::While(ra::StmtWhile { node_index, range, test, body: body.into(), orelse: orelse.into() })
            }
            "If" => {
                let test = Box::new(self.expr(o, "test", k)?);
                let body = self.body(o, "body", k, true)?;
                let orelse = self.body(o, "orelse", k, false)?;
                let elif_else_clauses = if orelse.is_empty() {
                    vec![]
                } else {
                    let r = TextRange::new(orelse[0].range_start(), range.end().max(orelse[0].range_start()));
                    vec![ra::ElifElseClause { range: r, node_index: ni(), test: None, body: orelse.into() }]
                };
                Stmt::If(ra::StmtIf { node_index, range, test, body: body.into(), elif_else_clauses })
            }
            "With" | "AsyncWith" => {
                let mut items = Vec::new();
                for it in self.list_field(o, "items", k)? {
                    let context_expr = self.expr(it, "context_expr", "withitem")?;
                    let optional_vars = match self.opt_field(it, "optional_vars") {
                        Some(v) => Some(Box::new(self.expr_value(v, Ctx::Store)?)),
                        None => None,
                    };
                    items.push(ra::WithItem { range, node_index: ni(), context_expr, optional_vars });
                }
                if items.is_empty() {
                    return Err(self.vm.value_error(&format!("empty items on {k}")));
                }
                let body = self.body(o, "body", k, true)?;
                Stmt::With(ra::StmtWith { node_index, range, is_async: k == "AsyncWith", items, body: body.into() })
            }
            "Match" => {
                let subject = Box::new(self.expr(o, "subject", k)?);
                let mut cases = Vec::new();
                for c in self.list_field(o, "cases", k)? {
                    let p = self.field(c, "pattern", "match_case")?;
                    let pattern = self.pattern(p)?;
                    let guard = self.opt_expr(c, "guard")?.map(Box::new);
                    let body = self.body(c, "body", "match_case", true)?;
                    cases.push(ra::MatchCase { range, node_index: ni(), pattern, guard, body: body.into() });
                }
                if cases.is_empty() {
                    return Err(self.vm.value_error("empty cases on Match"));
                }
                Stmt::Match(ra::StmtMatch { node_index, range, subject, cases })
            }
            "Raise" => {
                let exc = self.opt_expr(o, "exc")?.map(Box::new);
                let cause = self.opt_expr(o, "cause")?.map(Box::new);
                if exc.is_none() && cause.is_some() {
                    return Err(self.vm.value_error("Raise with cause but no exception"));
                }
                Stmt::Raise(ra::StmtRaise { node_index, range, exc, cause })
            }
            "Try" | "TryStar" => {
                let body = self.body(o, "body", k, true)?;
                let mut handlers = Vec::new();
                for h in self.list_field(o, "handlers", k)? {
                    let hr = self.range(h, "excepthandler")?;
                    if self.kind_of(h, &["ExceptHandler"])?.is_none() {
                        return Err(self.expected("excepthandler", h));
                    }
                    let type_ = self.opt_expr(h, "type")?.map(Box::new);
                    let name = self.opt_ident(h, "name")?;
                    let hb = self.body(h, "body", "ExceptHandler", true)?;
                    handlers.push(ra::ExceptHandler::ExceptHandler(ra::ExceptHandlerExceptHandler { range: hr, node_index: ni(), type_, name, body: hb.into() }));
                }
                let orelse = self.body(o, "orelse", k, false)?;
                let finalbody = self.body(o, "finalbody", k, false)?;
                if handlers.is_empty() && finalbody.is_empty() {
                    return Err(self.vm.value_error(&format!("{k} has neither except handlers nor finalbody")));
                }
                if handlers.is_empty() && !orelse.is_empty() {
                    return Err(self.vm.value_error(&format!("{k} has orelse but no except handlers")));
                }
                Stmt::Try(ra::StmtTry { node_index, range, body: body.into(), handlers, orelse: orelse.into(), finalbody: finalbody.into(), is_star: k == "TryStar" })
            }
            "Assert" => {
                let test = Box::new(self.expr(o, "test", k)?);
                let msg = self.opt_expr(o, "msg")?.map(Box::new);
                Stmt::Assert(ra::StmtAssert { node_index, range, test, msg })
            }
            "Import" => {
                let names = self.aliases(o, k)?;
                if names.is_empty() {
                    return Err(self.vm.value_error("empty names on Import"));
                }
                Stmt::Import(ra::StmtImport { node_index, range, names, is_lazy: false })
            }
            "ImportFrom" => {
                let module = self.opt_ident(o, "module")?;
                let names = self.aliases(o, k)?;
                let level = match self.opt_field(o, "level") {
                    Some(v) => self.vm.as_i64(v).unwrap_or(0),
                    None => 0,
                };
                if level < 0 {
                    return Err(self.vm.value_error("Negative ImportFrom level"));
                }
                if names.is_empty() {
                    return Err(self.vm.value_error("empty names on ImportFrom"));
                }
                Stmt::ImportFrom(ra::StmtImportFrom { node_index, range, module, names, level: level.min(u32::MAX as i64) as u32, is_lazy: false })
            }
            "Global" | "Nonlocal" => {
                let mut names = Vec::new();
                for n in self.list_field(o, "names", k)? {
                    names.push(self.ident_value(n)?);
                }
                if names.is_empty() {
                    return Err(self.vm.value_error(&format!("empty names on {k}")));
                }
                if k == "Global" {
                    Stmt::Global(ra::StmtGlobal { node_index, range, names })
                } else {
                    Stmt::Nonlocal(ra::StmtNonlocal { node_index, range, names })
                }
            }
            "Expr" => Stmt::Expr(ra::StmtExpr { node_index, range, value: Box::new(self.expr(o, "value", k)?) }),
            "Pass" => Stmt::Pass(ra::StmtPass { node_index, range }),
            "Break" => Stmt::Break(ra::StmtBreak { node_index, range }),
            _ => Stmt::Continue(ra::StmtContinue { node_index, range }),
        })
    }

    fn decorators(&mut self, o: Value, owner: &str) -> PyResult<Vec<ra::Decorator>> {
        let mut out = Vec::new();
        for d in self.list_field(o, "decorator_list", owner)? {
            let expression = self.expr_value(d, Ctx::Load)?;
            out.push(ra::Decorator { range: ranged(&expression), node_index: ni(), expression });
        }
        Ok(out)
    }

    fn aliases(&mut self, o: Value, owner: &str) -> PyResult<Vec<ra::Alias>> {
        let mut out = Vec::new();
        for a in self.list_field(o, "names", owner)? {
            let range = self.range(a, "alias")?;
            let name = self.ident(a, "name", "alias")?;
            let asname = self.opt_ident(a, "asname")?;
            out.push(ra::Alias { range, node_index: ni(), name, asname });
        }
        Ok(out)
    }

    pub fn keywords(&mut self, o: Value, owner: &str) -> PyResult<Vec<ra::Keyword>> {
        let mut out = Vec::new();
        for kw in self.list_field(o, "keywords", owner)? {
            let range = self.range(kw, "keyword")?;
            let arg = self.opt_ident(kw, "arg")?;
            let value = self.expr(kw, "value", "keyword")?;
            out.push(ra::Keyword { range, node_index: ni(), arg, value });
        }
        Ok(out)
    }

    fn arg(&mut self, a: Value) -> PyResult<ra::Parameter> {
        if self.kind_of(a, &["arg"])?.is_none() {
            return Err(self.expected("arg", a));
        }
        let range = self.range(a, "arg")?;
        let mut name = self.ident(a, "arg", "arg")?;
        name.range = range;
        let annotation = match self.opt_field(a, "annotation") {
            Some(v) => Some(Box::new(self.annotation(v)?)),
            None => None,
        };
        Ok(ra::Parameter { range, node_index: ni(), name, annotation })
    }

    pub fn arguments(&mut self, a: Value) -> PyResult<ra::Parameters> {
        if self.kind_of(a, &["arguments"])?.is_none() {
            return Err(self.expected("arguments", a));
        }
        let k = "arguments";
        let mut posonly = Vec::new();
        for p in self.list_field(a, "posonlyargs", k)? {
            posonly.push(self.arg(p)?);
        }
        let mut args = Vec::new();
        for p in self.list_field(a, "args", k)? {
            args.push(self.arg(p)?);
        }
        let vararg = match self.opt_field(a, "vararg") {
            Some(v) => Some(Box::new(self.arg(v)?)),
            None => None,
        };
        let mut kwonly = Vec::new();
        for p in self.list_field(a, "kwonlyargs", k)? {
            kwonly.push(self.arg(p)?);
        }
        let mut kw_defaults = Vec::new();
        for d in self.list_field(a, "kw_defaults", k)? {
            kw_defaults.push(if d == self.vm.none { None } else { Some(self.expr_value(d, Ctx::Load)?) });
        }
        let kwarg = match self.opt_field(a, "kwarg") {
            Some(v) => Some(Box::new(self.arg(v)?)),
            None => None,
        };
        let mut defaults = Vec::new();
        for d in self.list_field(a, "defaults", k)? {
            defaults.push(self.expr_value(d, Ctx::Load)?);
        }
        if defaults.len() > posonly.len() + args.len() {
            return Err(self.vm.value_error("more positional defaults than args on arguments"));
        }
        if kw_defaults.len() != kwonly.len() {
            return Err(self.vm.value_error("length of kwonlyargs is not the same as kw_defaults on arguments"));
        }
        let first_default = posonly.len() + args.len() - defaults.len();
        let mut defaults = defaults.into_iter();
        let mut with_default = |i: usize, parameter: ra::Parameter| {
            let default = if i >= first_default { defaults.next().map(Box::new) } else { None };
            ra::ParameterWithDefault { range: parameter.range, node_index: ni(), parameter, default }
        };
        let n_posonly = posonly.len();
        let posonlyargs: Vec<_> = posonly.into_iter().enumerate().map(|(i, p)| with_default(i, p)).collect();
        let args: Vec<_> = args.into_iter().enumerate().map(|(i, p)| with_default(n_posonly + i, p)).collect();
        let kwonlyargs: Vec<_> = kwonly
            .into_iter()
            .zip(kw_defaults)
            .map(|(parameter, d)| ra::ParameterWithDefault { range: parameter.range, node_index: ni(), parameter, default: d.map(Box::new) })
            .collect();
        Ok(ra::Parameters { range: TextRange::default(), node_index: ni(), posonlyargs: posonlyargs.into(), args: args.into(), vararg, kwonlyargs: kwonlyargs.into(), kwarg })
    }
}

pub(super) fn ranged(e: &Expr) -> TextRange {
    pyjit_compiler::ruff_text_size::Ranged::range(e)
}

trait RangeStart {
    fn range_start(&self) -> pyjit_compiler::ruff_text_size::TextSize;
}

impl RangeStart for Stmt {
    fn range_start(&self) -> pyjit_compiler::ruff_text_size::TextSize {
        pyjit_compiler::ruff_text_size::Ranged::range(self).start()
    }
}

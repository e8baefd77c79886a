//! ruff's syntax tree to `_ast` node objects as CPython 3.11's parser builds them:
//! statements, arguments and the helper nodes (expressions are in `to_py_expr.rs`).

use std::collections::HashMap;

use pyjit_compiler::ruff_ast::{self as ra, Stmt};
use pyjit_compiler::ruff_text_size::Ranged;
use pyjit_compiler::ruff_text_size::{TextRange, TextSize};
use pyjit_compiler::SourceMap;

use crate::util::*;

pub(super) struct ToPy<'a> {
    pub vm: &'a mut Vm,
    pub src: &'a SourceMap,
    classes: Value,
    names: HashMap<&'static str, Value>,
    singletons: HashMap<&'static str, Value>,
    /// ast.parse's feature_version (3.x) for the checks ruff's parser leaves out.
    pub feature: u8,
}

impl<'a> ToPy<'a> {
    pub fn new(vm: &'a mut Vm, src: &'a SourceMap, classes: Value) -> Self {
        ToPy { vm, src, classes, names: HashMap::new(), singletons: HashMap::new(), feature: 11 }
    }

    fn class(&mut self, name: &str) -> PyResult<Value> {
        match self.vm.dict_get_by_str(self.classes, name) {
            Some(c) => Ok(c),
            None => Err(self.vm.type_error(&format!("_ast has no node class {name}"))),
        }
    }

    fn name(&mut self, n: &'static str) -> Value {
        if let Some(v) = self.names.get(n) {
            return *v;
        }
        let v = self.vm.intern(n);
        self.names.insert(n, v);
        v
    }

    /// A node of class `cls` with `fields`, and positions when `range` is given.
    pub fn node(&mut self, cls: &'static str, fields: &[(&'static str, Value)], range: Option<TextRange>) -> PyResult<Value> {
        let c = self.class(cls)?;
        let obj = self.vm.call(c, &[])?;
        // what a call returns is not an allocation root of this native: the tree holds it
        // only from Rust vectors until it is done
        self.vm.keep(obj);
        for &(k, v) in fields {
            let kn = self.name(k);
            self.vm.setattr(obj, kn, v)?;
        }
        if let Some(r) = range {
            self.positions(obj, r)?;
        }
        Ok(obj)
    }

    fn positions(&mut self, obj: Value, r: TextRange) -> PyResult<()> {
        let vals = [
            ("lineno", self.src.line_of(r.start())),
            ("col_offset", self.src.byte_col_of(r.start())),
            ("end_lineno", self.src.line_of(r.end())),
            ("end_col_offset", self.src.byte_col_of(r.end())),
        ];
        for (k, n) in vals {
            let kn = self.name(k);
            let v = self.vm.new_int(i64::from(n));
            self.vm.setattr(obj, kn, v)?;
        }
        Ok(())
    }

    /// The shared instance of a field-less node class (Load, Add, Eq, ...): one for all
    /// parses, as CPython's (kept in `_ast._singletons`).
    pub fn single(&mut self, cls: &'static str) -> PyResult<Value> {
        if let Some(v) = self.singletons.get(cls) {
            return Ok(*v);
        }
        let shared = self.vm.dict_get_by_str(self.classes, "_singletons").filter(|d| d.kind() == Some(ObjKind::Dict));
        let v = match shared.and_then(|d| self.vm.dict_get_by_str(d, cls)) {
            Some(v) => v,
            None => {
                let v = self.node(cls, &[], None)?;
                if let Some(d) = shared {
                    self.vm.dict_set_str(d, cls, v);
                }
                v
            }
        };
        self.singletons.insert(cls, v);
        Ok(v)
    }

    pub fn str(&mut self, s: &str) -> Value {
        self.vm.new_str(s)
    }

    pub fn int(&mut self, i: i64) -> Value {
        self.vm.new_int(i)
    }

    pub fn none(&self) -> Value {
        self.vm.none
    }

    pub fn list(&mut self, items: Vec<Value>) -> Value {
        self.vm.new_list(items)
    }

    pub fn opt_str(&mut self, s: Option<&str>) -> Value {
        match s {
            Some(s) => self.str(s),
            None => self.none(),
        }
    }

    pub fn module(&mut self, body: &[Stmt]) -> PyResult<Value> {
        let b = self.stmts(body)?;
        let ti = self.list(vec![]);
        self.node("Module", &[("body", b), ("type_ignores", ti)], None)
    }

    pub fn stmts(&mut self, body: &[Stmt]) -> PyResult<Value> {
        let mut out = Vec::with_capacity(body.len());
        for s in body {
            out.push(self.stmt(s)?);
        }
        Ok(self.list(out))
    }

    /// The end of a block ending at `end`: CPython's includes a `;` after its last statement.
    fn block_end(&self, end: TextSize) -> TextSize {
        let b = self.src.source.as_bytes();
        let mut at = end.to_usize();
        while at < b.len() && matches!(b[at], b' ' | b'\t' | b'\x0c') {
            at += 1;
        }
        if b.get(at) == Some(&b';') {
            return TextSize::try_from(at + 1).unwrap_or(end);
        }
        end
    }

    fn block_range(&self, r: TextRange) -> TextRange {
        TextRange::new(r.start(), self.block_end(r.end()))
    }

    fn stmt(&mut self, s: &Stmt) -> PyResult<Value> {
        let mut r = pyjit_compiler::stmt_range(self.src, s);
        if matches!(
            s,
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) | Stmt::For(_) | Stmt::While(_) | Stmt::If(_) | Stmt::With(_) | Stmt::Match(_) | Stmt::Try(_)
        ) {
            r = self.block_range(r);
        }
        let r = Some(r);
        let none = self.none();
        match s {
            Stmt::FunctionDef(f) => {
                let name = self.str(f.name.as_str());
                let args = self.parameters(Some(&f.parameters))?;
                let body = self.stmts(&f.body)?;
                let decos = self.decorators(&f.decorator_list)?;
                let returns = self.opt_expr(f.returns.as_deref())?;
                let cls = if f.is_async { "AsyncFunctionDef" } else { "FunctionDef" };
                let fields = [("name", name), ("args", args), ("body", body), ("decorator_list", decos), ("returns", returns), ("type_comment", none)];
                self.node(cls, &fields, r)
            }
            Stmt::ClassDef(c) => {
                let name = self.str(c.name.as_str());
                let (bases, keywords) = match &c.arguments {
                    Some(a) => (self.exprs(&a.args)?, self.keywords(&a.keywords)?),
                    None => (self.list(vec![]), self.list(vec![])),
                };
                let body = self.stmts(&c.body)?;
                let decos = self.decorators(&c.decorator_list)?;
                self.node("ClassDef", &[("name", name), ("bases", bases), ("keywords", keywords), ("body", body), ("decorator_list", decos)], r)
            }
            Stmt::Return(x) => {
                let v = self.opt_expr(x.value.as_deref())?;
                self.node("Return", &[("value", v)], r)
            }
            Stmt::Delete(x) => {
                let t = self.exprs(&x.targets)?;
                self.node("Delete", &[("targets", t)], r)
            }
            Stmt::Assign(x) => {
                let t = self.exprs(&x.targets)?;
                let v = self.expr(&x.value)?;
                self.node("Assign", &[("targets", t), ("value", v), ("type_comment", none)], r)
            }
            Stmt::AugAssign(x) => {
                let t = self.expr(&x.target)?;
                let op = self.operator(x.op)?;
                let v = self.expr(&x.value)?;
                self.node("AugAssign", &[("target", t), ("op", op), ("value", v)], r)
            }
            Stmt::AnnAssign(x) => {
                let t = self.expr(&x.target)?;
                let a = self.expr(&x.annotation)?;
                let v = self.opt_expr(x.value.as_deref())?;
                let simple = self.int(i64::from(x.simple));
                self.node("AnnAssign", &[("target", t), ("annotation", a), ("value", v), ("simple", simple)], r)
            }
            Stmt::For(x) => {
                let t = self.expr(&x.target)?;
                let it = self.expr(&x.iter)?;
                let body = self.stmts(&x.body)?;
                let orelse = self.stmts(&x.orelse)?;
                let cls = if x.is_async { "AsyncFor" } else { "For" };
                self.node(cls, &[("target", t), ("iter", it), ("body", body), ("orelse", orelse), ("type_comment", none)], r)
            }
            Stmt::While(x) => {
                let t = self.expr(&x.test)?;
                let body = self.stmts(&x.body)?;
                let orelse = self.stmts(&x.orelse)?;
                self.node("While", &[("test", t), ("body", body), ("orelse", orelse)], r)
            }
            Stmt::If(x) => {
                let t = self.expr(&x.test)?;
                let body = self.stmts(&x.body)?;
                let orelse = self.elif_chain(&x.elif_else_clauses)?;
                self.node("If", &[("test", t), ("body", body), ("orelse", orelse)], r)
            }
            Stmt::With(x) => {
                if self.feature < 9 && x.items.iter().any(|it| self.parenthesized_item(it)) {
                    let e = self.src.syntax_error("Parenthesized context managers are only supported in Python 3.9 and greater".into(), x.range);
                    return Err(self.vm.syntax_error(&e));
                }
                let mut items = Vec::new();
                for it in &x.items {
                    let c = self.expr(&it.context_expr)?;
                    let o = self.opt_expr(it.optional_vars.as_deref())?;
                    items.push(self.node("withitem", &[("context_expr", c), ("optional_vars", o)], None)?);
                }
                let items = self.list(items);
                let body = self.stmts(&x.body)?;
                let cls = if x.is_async { "AsyncWith" } else { "With" };
                self.node(cls, &[("items", items), ("body", body), ("type_comment", none)], r)
            }
            Stmt::Match(x) => {
                let subject = self.expr(&x.subject)?;
                let mut cases = Vec::new();
                for c in &x.cases {
                    let p = self.pattern(&c.pattern)?;
                    let g = self.opt_expr(c.guard.as_deref())?;
                    let body = self.stmts(&c.body)?;
                    cases.push(self.node("match_case", &[("pattern", p), ("guard", g), ("body", body)], None)?);
                }
                let cases = self.list(cases);
                self.node("Match", &[("subject", subject), ("cases", cases)], r)
            }
            Stmt::Raise(x) => {
                let e = self.opt_expr(x.exc.as_deref())?;
                let c = self.opt_expr(x.cause.as_deref())?;
                self.node("Raise", &[("exc", e), ("cause", c)], r)
            }
            Stmt::Try(x) => {
                let body = self.stmts(&x.body)?;
                let mut hs = Vec::new();
                for h in &x.handlers {
                    let ra::ExceptHandler::ExceptHandler(h) = h;
                    let t = self.opt_expr(h.type_.as_deref())?;
                    let n = self.opt_str(h.name.as_ref().map(|n| n.as_str()));
                    let b = self.stmts(&h.body)?;
                    let hr = self.block_range(h.range);
                    hs.push(self.node("ExceptHandler", &[("type", t), ("name", n), ("body", b)], Some(hr))?);
                }
                let hs = self.list(hs);
                let orelse = self.stmts(&x.orelse)?;
                let fin = self.stmts(&x.finalbody)?;
                let cls = if x.is_star { "TryStar" } else { "Try" };
                self.node(cls, &[("body", body), ("handlers", hs), ("orelse", orelse), ("finalbody", fin)], r)
            }
            Stmt::Assert(x) => {
                let t = self.expr(&x.test)?;
                let m = self.opt_expr(x.msg.as_deref())?;
                self.node("Assert", &[("test", t), ("msg", m)], r)
            }
            Stmt::Import(x) => {
                let names = self.aliases(&x.names)?;
                self.node("Import", &[("names", names)], r)
            }
            Stmt::ImportFrom(x) => {
                let m = self.opt_str(x.module.as_ref().map(|n| n.as_str()));
                let names = self.aliases(&x.names)?;
                let level = self.int(i64::from(x.level));
                self.node("ImportFrom", &[("module", m), ("names", names), ("level", level)], r)
            }
            Stmt::Global(x) => {
                let names: Vec<Value> = x.names.iter().map(|n| self.vm.new_str(n.as_str())).collect();
                let names = self.list(names);
                self.node("Global", &[("names", names)], r)
            }
            Stmt::Nonlocal(x) => {
                let names: Vec<Value> = x.names.iter().map(|n| self.vm.new_str(n.as_str())).collect();
                let names = self.list(names);
                self.node("Nonlocal", &[("names", names)], r)
            }
            Stmt::Expr(x) => {
                let v = self.expr(&x.value)?;
                self.node("Expr", &[("value", v)], r)
            }
            Stmt::Pass(_) => self.node("Pass", &[], r),
            Stmt::Break(_) => self.node("Break", &[], r),
            Stmt::Continue(_) => self.node("Continue", &[], r),
            Stmt::TypeAlias(_) | Stmt::IpyEscapeCommand(_) => Err(self.vm.value_error("syntax not in Python 3.11")),
        }
    }

    /// The `orelse` of an `if` from its elif/else clauses: a nested If per elif.
    fn elif_chain(&mut self, clauses: &[ra::ElifElseClause]) -> PyResult<Value> {
        let Some((first, rest)) = clauses.split_first() else { return Ok(self.list(vec![])) };
        let Some(test) = &first.test else { return self.stmts(&first.body) };
        let t = self.expr(test)?;
        let body = self.stmts(&first.body)?;
        let orelse = self.elif_chain(rest)?;
        let end = clauses.last().map(|c| c.range.end()).unwrap_or(first.range.end());
        let n = self.node("If", &[("test", t), ("body", body), ("orelse", orelse)], Some(TextRange::new(first.range.start(), self.block_end(end))))?;
        Ok(self.list(vec![n]))
    }

    /// `with (a as b):`: an item with a target inside parentheses of its own.
    fn parenthesized_item(&self, it: &ra::WithItem) -> bool {
        let Some(target) = &it.optional_vars else { return false };
        let b = self.src.source.as_bytes();
        let blank = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\x0c' | b'\\');
        let mut before = it.context_expr.start().to_usize();
        while before > 0 && blank(b[before - 1]) {
            before -= 1;
        }
        let mut after = target.end().to_usize();
        while after < b.len() && blank(b[after]) {
            after += 1;
        }
        before > 0 && b[before - 1] == b'(' && b.get(after) == Some(&b')')
    }

    fn decorators(&mut self, ds: &[ra::Decorator]) -> PyResult<Value> {
        let mut out = Vec::new();
        for d in ds {
            out.push(self.expr(&d.expression)?);
        }
        Ok(self.list(out))
    }

    fn aliases(&mut self, names: &[ra::Alias]) -> PyResult<Value> {
        let mut out = Vec::new();
        for a in names {
            let n = self.str(a.name.as_str());
            let asn = self.opt_str(a.asname.as_ref().map(|n| n.as_str()));
            out.push(self.node("alias", &[("name", n), ("asname", asn)], Some(a.range))?);
        }
        Ok(self.list(out))
    }

    pub fn keywords(&mut self, ks: &[ra::Keyword]) -> PyResult<Value> {
        let mut out = Vec::new();
        for k in ks {
            let a = self.opt_str(k.arg.as_ref().map(|n| n.as_str()));
            let v = self.expr(&k.value)?;
            out.push(self.node("keyword", &[("arg", a), ("value", v)], Some(k.range))?);
        }
        Ok(self.list(out))
    }

    fn arg(&mut self, p: &ra::Parameter) -> PyResult<Value> {
        let n = self.str(p.name.as_str());
        let a = self.opt_expr(p.annotation.as_deref())?;
        let none = self.none();
        // `*args` and `**kwargs` start at their name
        let r = TextRange::new(p.name.range.start(), p.range.end());
        self.node("arg", &[("arg", n), ("annotation", a), ("type_comment", none)], Some(r))
    }

    /// CPython's `arguments` (no positions): defaults of the trailing positional parameters,
    /// and one keyword-only default (or None) per keyword-only parameter.
    pub fn parameters(&mut self, ps: Option<&ra::Parameters>) -> PyResult<Value> {
        let (mut posonly, mut args, mut kwonly, mut kw_defaults, mut defaults) = (vec![], vec![], vec![], vec![], vec![]);
        let (mut vararg, mut kwarg) = (self.none(), self.none());
        if let Some(ps) = ps {
            for p in &ps.posonlyargs {
                posonly.push(self.arg(&p.parameter)?);
                if let Some(d) = &p.default {
                    defaults.push(self.expr(d)?);
                }
            }
            for p in &ps.args {
                args.push(self.arg(&p.parameter)?);
                if let Some(d) = &p.default {
                    defaults.push(self.expr(d)?);
                }
            }
            if let Some(v) = &ps.vararg {
                vararg = self.arg(v)?;
            }
            for p in &ps.kwonlyargs {
                kwonly.push(self.arg(&p.parameter)?);
                kw_defaults.push(self.opt_expr(p.default.as_deref())?);
            }
            if let Some(v) = &ps.kwarg {
                kwarg = self.arg(v)?;
            }
        }
        let fields = [
            ("posonlyargs", self.list(posonly)),
            ("args", self.list(args)),
            ("vararg", vararg),
            ("kwonlyargs", self.list(kwonly)),
            ("kw_defaults", self.list(kw_defaults)),
            ("kwarg", kwarg),
            ("defaults", self.list(defaults)),
        ];
        self.node("arguments", &fields, None)
    }

    pub fn operator(&mut self, op: ra::Operator) -> PyResult<Value> {
        use ra::Operator::*;
        self.single(match op {
            Add => "Add",
            Sub => "Sub",
            Mult => "Mult",
            MatMult => "MatMult",
            Div => "Div",
            Mod => "Mod",
            Pow => "Pow",
            LShift => "LShift",
            RShift => "RShift",
            BitOr => "BitOr",
            BitXor => "BitXor",
            BitAnd => "BitAnd",
            FloorDiv => "FloorDiv",
        })
    }

    pub fn ctx(&mut self, c: ra::ExprContext) -> PyResult<Value> {
        self.single(match c {
            ra::ExprContext::Store => "Store",
            ra::ExprContext::Del => "Del",
            _ => "Load",
        })
    }
}

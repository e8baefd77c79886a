//! `_ast` node objects back to ruff's syntax tree, for compile() of a tree: field reading with
//! CPython's TypeErrors (missing fields, wrong node kinds, non-lists) and ValueErrors (the
//! validator's), and positions mapped onto a blank source text whose lines are just long
//! enough, so the compiler's line and column arithmetic gives back the tree's own positions.

use pyjit_compiler::ruff_ast::{self as ra, Stmt};
use pyjit_compiler::ruff_text_size::{TextRange, TextSize};

use crate::util::*;

/// Largest blank source made for a tree's positions; beyond it columns are dropped.
const MAX_SOURCE: usize = 1 << 28;
/// Largest line number kept; later lines map to it.
const MAX_LINE: i64 = 1 << 24;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Ctx {
    Load,
    Store,
    Del,
}

impl Ctx {
    pub fn name(self) -> &'static str {
        match self {
            Ctx::Load => "Load",
            Ctx::Store => "Store",
            Ctx::Del => "Del",
        }
    }
}

pub(super) struct FromPy<'a> {
    pub vm: &'a mut Vm,
    classes: Value,
    /// Byte offset where each line (1-based; index 0 unused) starts in the blank source.
    line_starts: Vec<u32>,
    widths: Vec<u32>,
    depth: u32,
    max_depth: u32,
    cache: std::collections::HashMap<String, Value>,
    /// Under `from __future__ import annotations`: each annotation node's text (ast.unparse),
    /// then where that text was put in the blank source (the compiler reads an annotation's
    /// text from the source).
    future_annotations: bool,
    annotation_text: std::collections::HashMap<Value, String>,
    annotation_at: std::collections::HashMap<Value, TextRange>,
}

impl<'a> FromPy<'a> {
    /// Reads the tree's positions first to size the blank source; returns it with the reader.
    pub fn new(vm: &'a mut Vm, classes: Value, tree: Value, future_annotations: bool) -> PyResult<(Self, String)> {
        let max_depth = vm.compile_nesting_limit();
        let mut f = FromPy {
            vm,
            classes,
            line_starts: vec![0],
            widths: vec![0],
            depth: 0,
            max_depth,
            cache: Default::default(),
            future_annotations,
            annotation_text: Default::default(),
            annotation_at: Default::default(),
        };
        f.scan(tree)?;
        let total: usize = f.widths.iter().map(|w| *w as usize + 1).sum();
        if total > MAX_SOURCE {
            f.widths.iter_mut().for_each(|w| *w = 0);
        }
        let mut src = String::new();
        f.line_starts = vec![0];
        for (i, w) in f.widths.iter().enumerate().skip(1) {
            f.line_starts.push(src.len() as u32);
            src.push_str(&" ".repeat(*w as usize));
            if i + 1 < f.widths.len() {
                src.push('\n');
            }
        }
        src.push('\n');
        // the annotations' texts after the blank lines
        let texts: Vec<(Value, String)> = f.annotation_text.iter().map(|(k, v)| (*k, v.clone())).collect();
        for (node, text) in texts {
            let start = TextSize::try_from(src.len()).unwrap_or_default();
            src.push_str(&text);
            let end = TextSize::try_from(src.len()).unwrap_or(start);
            src.push('\n');
            f.annotation_at.insert(node, TextRange::new(start, end));
        }
        Ok((f, src))
    }

    fn enter(&mut self) -> PyResult<()> {
        self.depth += 1;
        if self.depth > self.max_depth {
            let t = self.vm.types.recursion_error;
            return Err(self.vm.err(t, "maximum recursion depth exceeded during compilation"));
        }
        Ok(())
    }

    /// Every node's positions, to size the lines.
    fn scan(&mut self, v: Value) -> PyResult<()> {
        if let Some(items) = self.list_items(v) {
            for it in items {
                self.scan(it)?;
            }
            return Ok(());
        }
        let ast = self.class("AST")?;
        if !self.vm.isinstance(v, ast) {
            return Ok(());
        }
        self.enter()?;
        let get = |s: &mut Self, n: &str| -> Option<i64> {
            let v = s.vm.getattr_str(v, n).ok()?;
            s.vm.as_i64(v)
        };
        let ty = self.vm.type_of(v);
        // (no lookup, and no AttributeError made, for nodes without positions: Load, Add...)
        let has_positions = match self.vm.getattr_str(ty, "_attributes") {
            Ok(a) => self.tuple_items(a).map(|t| !t.is_empty()).unwrap_or(true),
            Err(_) => true,
        };
        let start = if has_positions { (get(self, "lineno"), get(self, "col_offset")) } else { (None, None) };
        if let (Some(l), Some(c)) = start {
            let el = get(self, "end_lineno").unwrap_or(l);
            let ec = get(self, "end_col_offset").unwrap_or(c);
            self.note(l, c);
            self.note(el, ec);
        }
        if self.future_annotations {
            self.note_annotation(v)?;
        }
        let fields = self.vm.getattr_str(ty, "_fields")?;
        let names: Vec<Value> = self.tuple_items(fields).unwrap_or_default();
        for n in names {
            let n = self.vm.str_of(n);
            if let Ok(x) = self.vm.getattr_str(v, &n) {
                self.scan(x)?;
            }
        }
        self.depth -= 1;
        Ok(())
    }

    /// The text of `v`'s annotation (an arg's, a def's return, an annotated assignment's).
    fn note_annotation(&mut self, v: Value) -> PyResult<()> {
        let field = match self.kind_of(v, &["arg", "FunctionDef", "AsyncFunctionDef", "AnnAssign"])? {
            Some("arg" | "AnnAssign") => "annotation",
            Some(_) => "returns",
            None => return Ok(()),
        };
        let Some(an) = self.opt_field(v, field) else { return Ok(()) };
        let ast_cls = self.class("AST")?;
        if !self.vm.isinstance(an, ast_cls) {
            return Ok(());
        }
        let n = self.vm.new_str("ast");
        let none = self.vm.none;
        let zero = self.vm.new_int(0);
        let m = pyjit_vm::modules::import::import_name(self.vm, n, Value::NULL, none, zero)?;
        let unparse = self.vm.getattr_str(m, "unparse")?;
        let text = self.vm.call(unparse, &[an])?;
        let text = self.vm.str_of(text);
        self.annotation_text.insert(an, text);
        Ok(())
    }

    /// An annotation: under future annotations, a string literal over its text.
    pub fn annotation(&mut self, v: Value) -> PyResult<ra::Expr> {
        if let Some(&range) = self.annotation_at.get(&v) {
            let text = self.annotation_text.get(&v).cloned().unwrap_or_default();
            let lit = ra::StringLiteral { range, node_index: Default::default(), value: text.into(), flags: ra::StringLiteralFlags::empty() };
            return Ok(ra::Expr::StringLiteral(ra::ExprStringLiteral { node_index: Default::default(), range, value: ra::StringLiteralValue::single(lit) }));
        }
        self.expr_value(v, Ctx::Load)
    }

    fn note(&mut self, line: i64, col: i64) {
        let line = line.clamp(1, MAX_LINE) as usize;
        let col = col.clamp(0, u32::MAX as i64 / 2) as u32;
        if self.widths.len() <= line {
            self.widths.resize(line + 1, 0);
        }
        self.widths[line] = self.widths[line].max(col);
    }

    fn offset(&self, line: i64, col: i64) -> TextSize {
        let line = line.clamp(1, MAX_LINE) as usize;
        let Some(&start) = self.line_starts.get(line) else { return TextSize::from(*self.line_starts.last().unwrap_or(&0)) };
        let w = self.widths.get(line).copied().unwrap_or(0);
        TextSize::from(start + (col.clamp(0, u32::MAX as i64) as u32).min(w))
    }

    pub fn class(&mut self, name: &str) -> PyResult<Value> {
        if let Some(c) = self.cache.get(name) {
            return Ok(*c);
        }
        match self.vm.dict_get_by_str(self.classes, name) {
            Some(c) => {
                self.cache.insert(name.to_string(), c);
                Ok(c)
            }
            None => Err(self.vm.type_error(&format!("_ast has no node class {name}"))),
        }
    }

    pub fn list_items(&self, v: Value) -> Option<Vec<Value>> {
        v.get::<pyjit_vm::objects::ListObj>().map(|l| l.items.borrow().clone())
    }

    fn tuple_items(&self, v: Value) -> Option<Vec<Value>> {
        v.get::<TupleObj>().map(|t| t.items.to_vec())
    }

    /// The `_ast` class name `v` is an instance of, among `names`.
    pub fn kind_of(&mut self, v: Value, names: &[&'static str]) -> PyResult<Option<&'static str>> {
        // the node's own class first (no walk of its bases), then subclasses
        let ty = self.vm.type_of(v);
        for n in names {
            if self.class(n)? == ty {
                return Ok(Some(n));
            }
        }
        for n in names {
            let c = self.class(n)?;
            if self.vm.isinstance(v, c) {
                return Ok(Some(n));
            }
        }
        Ok(None)
    }

    pub fn expected(&mut self, sum: &str, v: Value) -> PyErr {
        let r = self.vm.repr(v).unwrap_or_default();
        self.vm.type_error(&format!("expected some sort of {sum}, but got {r}"))
    }

    /// A required field (None counts as missing for a required node).
    pub fn field(&mut self, obj: Value, name: &str, owner: &str) -> PyResult<Value> {
        match self.vm.getattr_str(obj, name) {
            Ok(v) if v != self.vm.none => Ok(v),
            Ok(_) => Err(self.vm.value_error(&format!("field '{name}' is required for {owner}"))),
            Err(_) => Err(self.vm.type_error(&format!("required field \"{name}\" missing from {owner}"))),
        }
    }

    /// An optional field: None when absent or None.
    pub fn opt_field(&mut self, obj: Value, name: &str) -> Option<Value> {
        match self.vm.getattr_str(obj, name) {
            Ok(v) if v != self.vm.none => Some(v),
            _ => None,
        }
    }

    pub fn list_field(&mut self, obj: Value, name: &str, owner: &str) -> PyResult<Vec<Value>> {
        let v = match self.vm.getattr_str(obj, name) {
            Ok(v) => v,
            Err(_) => return Err(self.vm.type_error(&format!("required field \"{name}\" missing from {owner}"))),
        };
        match self.list_items(v) {
            Some(items) => Ok(items),
            None => {
                let tn = self.vm.type_name_of(v);
                Err(self.vm.type_error(&format!("{owner} field \"{name}\" must be a list, not a {tn}")))
            }
        }
    }

    pub fn ident(&mut self, obj: Value, name: &str, owner: &str) -> PyResult<ra::Identifier> {
        let v = match self.vm.getattr_str(obj, name) {
            Ok(v) => v,
            Err(_) => return Err(self.vm.type_error(&format!("required field \"{name}\" missing from {owner}"))),
        };
        self.ident_value(v)
    }

    pub fn ident_value(&mut self, v: Value) -> PyResult<ra::Identifier> {
        if v.kind() != Some(ObjKind::Str) {
            return Err(self.vm.type_error("AST identifier must be of type str"));
        }
        let s = self.vm.str_of(v);
        Ok(ra::Identifier::new(s, TextRange::default()))
    }

    pub fn opt_ident(&mut self, obj: Value, name: &str) -> PyResult<Option<ra::Identifier>> {
        match self.opt_field(obj, name) {
            Some(v) => self.ident_value(v).map(Some),
            None => Ok(None),
        }
    }

    pub fn int_field(&mut self, obj: Value, name: &str, owner: &str) -> PyResult<i64> {
        let v = match self.vm.getattr_str(obj, name) {
            Ok(v) => v,
            Err(_) => return Err(self.vm.type_error(&format!("required field \"{name}\" missing from {owner}"))),
        };
        self.int_value(v)
    }

    fn int_value(&mut self, v: Value) -> PyResult<i64> {
        match self.vm.as_i64(v) {
            Some(i) if self.vm.is_int(v) => Ok(i),
            _ => {
                let r = self.vm.repr(v).unwrap_or_default();
                Err(self.vm.value_error(&format!("invalid integer value: {r}")))
            }
        }
    }

    /// The positions of a node with attributes (`sum`: its family, for the error message),
    /// checked as CPython's validator does.
    pub fn range(&mut self, obj: Value, sum: &str) -> PyResult<TextRange> {
        let l = self.int_field(obj, "lineno", sum)?;
        let c = self.int_field(obj, "col_offset", sum)?;
        let el = match self.opt_field(obj, "end_lineno") {
            Some(v) => self.int_value(v)?,
            None => l,
        };
        let ec = match self.opt_field(obj, "end_col_offset") {
            Some(v) => self.int_value(v)?,
            None => c,
        };
        if l > el {
            return Err(self.vm.value_error(&format!("AST node line range ({l}, {el}) is not valid")));
        }
        if (l < 0 && el != l) || (c < 0 && c != ec) {
            return Err(self.vm.value_error(&format!("AST node column range ({c}, {ec}) for line range ({l}, {el}) is not valid")));
        }
        if l == el && c > ec {
            return Err(self.vm.value_error(&format!("line {l}, column {c}-{ec} is not a valid range")));
        }
        let s = self.offset(l, c);
        let e = self.offset(el, ec).max(s);
        Ok(TextRange::new(s, e))
    }

    pub fn body(&mut self, obj: Value, name: &str, owner: &str, required: bool) -> PyResult<Vec<Stmt>> {
        let items = self.list_field(obj, name, owner)?;
        if required && items.is_empty() {
            return Err(self.vm.value_error(&format!("empty {name} on {owner}")));
        }
        let mut out = Vec::with_capacity(items.len());
        for it in items {
            if it == self.vm.none {
                return Err(self.vm.value_error("None disallowed in statement list"));
            }
            out.push(self.stmt(it)?);
        }
        Ok(out)
    }

    pub fn ctx_of(&mut self, obj: Value, owner: &str, want: Ctx) -> PyResult<ra::ExprContext> {
        let v = self.field(obj, "ctx", owner)?;
        let got = match self.kind_of(v, &["Load", "Store", "Del"])? {
            Some("Store") => Ctx::Store,
            Some("Del") => Ctx::Del,
            Some(_) => Ctx::Load,
            None => return Err(self.expected("expr_context", v)),
        };
        if got != want {
            return Err(self.vm.value_error(&format!("expression must have {} context but has {} instead", want.name(), got.name())));
        }
        Ok(match got {
            Ctx::Load => ra::ExprContext::Load,
            Ctx::Store => ra::ExprContext::Store,
            Ctx::Del => ra::ExprContext::Del,
        })
    }

    pub fn leave(&mut self) {
        self.depth -= 1;
    }

    pub fn enter_node(&mut self) -> PyResult<()> {
        self.enter()
    }
}

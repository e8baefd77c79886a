//! ruff's expressions, f-strings and match patterns to `_ast` node objects, with CPython
//! 3.11's shapes (JoinedStr/FormattedValue, Constant.kind, a lone generator argument's
//! range including the call's parentheses).

use pyjit_compiler::ruff_ast::{self as ra, Expr, InterpolatedStringElement, Pattern};
use pyjit_compiler::ruff_text_size::{Ranged, TextRange, TextSize};
use pyjit_compiler::Const;

use super::to_py::ToPy;
use crate::util::*;

impl ToPy<'_> {
    pub fn exprs(&mut self, es: &[Expr]) -> PyResult<Value> {
        let mut out = Vec::with_capacity(es.len());
        for e in es {
            out.push(self.expr(e)?);
        }
        Ok(self.list(out))
    }

    pub fn opt_expr(&mut self, e: Option<&Expr>) -> PyResult<Value> {
        match e {
            Some(e) => self.expr(e),
            None => Ok(self.none()),
        }
    }

    fn comprehensions(&mut self, gs: &[ra::Comprehension]) -> PyResult<Value> {
        let mut out = Vec::new();
        for g in gs {
            let t = self.expr(&g.target)?;
            let it = self.expr(&g.iter)?;
            let ifs = self.exprs(&g.ifs)?;
            let a = self.int(i64::from(g.is_async));
            out.push(self.node("comprehension", &[("target", t), ("iter", it), ("ifs", ifs), ("is_async", a)], None)?);
        }
        Ok(self.list(out))
    }

    pub fn expr(&mut self, e: &Expr) -> PyResult<Value> {
        self.expr_at(e, e.range())
    }

    fn constant(&mut self, v: Value, kind: Value, r: TextRange) -> PyResult<Value> {
        self.node("Constant", &[("value", v), ("kind", kind)], Some(r))
    }

    fn expr_at(&mut self, e: &Expr, range: TextRange) -> PyResult<Value> {
        let r = Some(range);
        let none = self.none();
        match e {
            Expr::BoolOp(x) => {
                let op = self.single(if x.op == ra::BoolOp::And { "And" } else { "Or" })?;
                let vs = self.exprs(&x.values)?;
                self.node("BoolOp", &[("op", op), ("values", vs)], r)
            }
            Expr::Named(x) => {
                let t = self.expr(&x.target)?;
                let v = self.expr(&x.value)?;
                self.node("NamedExpr", &[("target", t), ("value", v)], r)
            }
            Expr::BinOp(x) => {
                let l = self.expr(&x.left)?;
                let op = self.operator(x.op)?;
                let rt = self.expr(&x.right)?;
                self.node("BinOp", &[("left", l), ("op", op), ("right", rt)], r)
            }
            Expr::UnaryOp(x) => {
                let op = self.single(match x.op {
                    ra::UnaryOp::Invert => "Invert",
                    ra::UnaryOp::Not => "Not",
                    ra::UnaryOp::UAdd => "UAdd",
                    ra::UnaryOp::USub => "USub",
                })?;
                let o = self.expr(&x.operand)?;
                self.node("UnaryOp", &[("op", op), ("operand", o)], r)
            }
            Expr::Lambda(x) => {
                let a = self.parameters(x.parameters.as_deref())?;
                let b = self.expr(&x.body)?;
                self.node("Lambda", &[("args", a), ("body", b)], r)
            }
            Expr::If(x) => {
                let t = self.expr(&x.test)?;
                let b = self.expr(&x.body)?;
                let o = self.expr(&x.orelse)?;
                self.node("IfExp", &[("test", t), ("body", b), ("orelse", o)], r)
            }
            Expr::Dict(x) => {
                let (mut ks, mut vs) = (vec![], vec![]);
                for it in &x.items {
                    ks.push(self.opt_expr(it.key.as_ref())?);
                    vs.push(self.expr(&it.value)?);
                }
                let ks = self.list(ks);
                let vs = self.list(vs);
                self.node("Dict", &[("keys", ks), ("values", vs)], r)
            }
            Expr::Set(x) => {
                let es = self.exprs(&x.elts)?;
                self.node("Set", &[("elts", es)], r)
            }
            Expr::ListComp(x) => {
                let el = self.expr(&x.elt)?;
                let g = self.comprehensions(&x.generators)?;
                self.node("ListComp", &[("elt", el), ("generators", g)], r)
            }
            Expr::SetComp(x) => {
                let el = self.expr(&x.elt)?;
                let g = self.comprehensions(&x.generators)?;
                self.node("SetComp", &[("elt", el), ("generators", g)], r)
            }
            Expr::DictComp(x) => {
                let k = self.opt_expr(x.key.as_deref())?;
                let v = self.expr(&x.value)?;
                let g = self.comprehensions(&x.generators)?;
                self.node("DictComp", &[("key", k), ("value", v), ("generators", g)], r)
            }
            Expr::Generator(x) => {
                let el = self.expr(&x.elt)?;
                let g = self.comprehensions(&x.generators)?;
                self.node("GeneratorExp", &[("elt", el), ("generators", g)], r)
            }
            Expr::Await(x) => {
                let v = self.expr(&x.value)?;
                self.node("Await", &[("value", v)], r)
            }
            Expr::Yield(x) => {
                let v = self.opt_expr(x.value.as_deref())?;
                self.node("Yield", &[("value", v)], r)
            }
            Expr::YieldFrom(x) => {
                let v = self.expr(&x.value)?;
                self.node("YieldFrom", &[("value", v)], r)
            }
            Expr::Compare(x) => {
                let l = self.expr(&x.left)?;
                let mut ops = Vec::new();
                for op in x.ops.iter() {
                    use ra::CmpOp::*;
                    ops.push(self.single(match op {
                        Eq => "Eq",
                        NotEq => "NotEq",
                        Lt => "Lt",
                        LtE => "LtE",
                        Gt => "Gt",
                        GtE => "GtE",
                        Is => "Is",
                        IsNot => "IsNot",
                        In => "In",
                        NotIn => "NotIn",
                    })?);
                }
                let ops = self.list(ops);
                let cs = self.exprs(&x.comparators)?;
                self.node("Compare", &[("left", l), ("ops", ops), ("comparators", cs)], r)
            }
            Expr::Call(x) => {
                let f = self.expr(&x.func)?;
                let a = &x.arguments;
                let args = match (&a.args[..], a.keywords.is_empty()) {
                    // a lone generator argument takes the call's parentheses
                    ([g @ Expr::Generator(ge)], true) if !ge.parenthesized => {
                        let g = self.expr_at(g, a.range)?;
                        self.list(vec![g])
                    }
                    _ => self.exprs(&a.args)?,
                };
                let ks = self.keywords(&a.keywords)?;
                self.node("Call", &[("func", f), ("args", args), ("keywords", ks)], r)
            }
            Expr::FString(x) => self.joined_str(&x.value, range),
            Expr::StringLiteral(x) => {
                let v = self.vm.load_const(&pyjit_compiler::str_const(self.src, &x.value));
                // only a lower-case `u` prefix on the first part (CPython reads the token)
                let first = x.value.iter().next().map(|p| p.range.start().to_usize()).unwrap_or(0);
                let kind = if self.src.source.as_bytes().get(first) == Some(&b'u') { self.str("u") } else { none };
                self.constant(v, kind, range)
            }
            Expr::BytesLiteral(x) => {
                let mut b = Vec::new();
                for p in x.value.iter() {
                    b.extend_from_slice(&p.value);
                }
                let v = self.vm.new_bytes(b);
                self.constant(v, none, range)
            }
            Expr::NumberLiteral(x) => {
                let v = match &x.value {
                    ra::Number::Int(i) => match i.as_i64() {
                        Some(v) => self.int(v),
                        None => self.vm.load_const(&Const::BigInt(i.to_string())),
                    },
                    ra::Number::Float(f) => self.vm.new_float(*f),
                    ra::Number::Complex { real, imag } => self.vm.new_complex(*real, *imag),
                };
                self.constant(v, none, range)
            }
            Expr::BooleanLiteral(x) => {
                let v = if x.value { self.vm.bool_val(true) } else { self.vm.bool_val(false) };
                self.constant(v, none, range)
            }
            Expr::NoneLiteral(_) => self.constant(none, none, range),
            Expr::EllipsisLiteral(_) => {
                let v = self.vm.ellipsis;
                self.constant(v, none, range)
            }
            Expr::Attribute(x) => {
                let v = self.expr(&x.value)?;
                let a = self.str(x.attr.as_str());
                let c = self.ctx(x.ctx)?;
                self.node("Attribute", &[("value", v), ("attr", a), ("ctx", c)], r)
            }
            Expr::Subscript(x) => {
                let v = self.expr(&x.value)?;
                let s = self.expr(&x.slice)?;
                let c = self.ctx(x.ctx)?;
                self.node("Subscript", &[("value", v), ("slice", s), ("ctx", c)], r)
            }
            Expr::Starred(x) => {
                let v = self.expr(&x.value)?;
                let c = self.ctx(x.ctx)?;
                self.node("Starred", &[("value", v), ("ctx", c)], r)
            }
            Expr::Name(x) => {
                let id = self.str(x.id.as_str());
                let c = self.ctx(x.ctx)?;
                self.node("Name", &[("id", id), ("ctx", c)], r)
            }
            Expr::List(x) => {
                let es = self.exprs(&x.elts)?;
                let c = self.ctx(x.ctx)?;
                self.node("List", &[("elts", es), ("ctx", c)], r)
            }
            Expr::Tuple(x) => {
                let es = self.exprs(&x.elts)?;
                let c = self.ctx(x.ctx)?;
                self.node("Tuple", &[("elts", es), ("ctx", c)], r)
            }
            Expr::Slice(x) => {
                let l = self.opt_expr(x.lower.as_deref())?;
                let u = self.opt_expr(x.upper.as_deref())?;
                let s = self.opt_expr(x.step.as_deref())?;
                self.node("Slice", &[("lower", l), ("upper", u), ("step", s)], r)
            }
            Expr::TString(_) | Expr::IpyEscapeCommand(_) => Err(self.vm.value_error("syntax not in Python 3.11")),
        }
    }

    /// An f-string (possibly concatenated with plain strings) as 3.11's JoinedStr: adjacent
    /// literal text merged into one Constant; every value has the whole string's position.
    fn joined_str(&mut self, v: &ra::FStringValue, range: TextRange) -> PyResult<Value> {
        let mut values = Vec::new();
        let mut text = String::new();
        for part in v.iter() {
            match part {
                ra::FStringPart::Literal(l) => text.push_str(&l.value),
                ra::FStringPart::FString(f) => self.fstring_elements(f.elements.iter(), f.range, range, &mut text, &mut values)?,
            }
        }
        self.flush_text(&mut text, range, &mut values)?;
        let vs = self.list(values);
        self.node("JoinedStr", &[("values", vs)], Some(range))
    }

    fn flush_text(&mut self, text: &mut String, range: TextRange, values: &mut Vec<Value>) -> PyResult<()> {
        if !text.is_empty() {
            let s = self.str(text);
            let none = self.none();
            values.push(self.constant(s, none, range)?);
            text.clear();
        }
        Ok(())
    }

    fn fstring_elements<'e>(
        &mut self,
        elements: impl Iterator<Item = &'e InterpolatedStringElement>,
        part: TextRange,
        range: TextRange,
        text: &mut String,
        values: &mut Vec<Value>,
    ) -> PyResult<()> {
        for el in elements {
            match el {
                InterpolatedStringElement::Literal(l) => text.push_str(&l.value),
                InterpolatedStringElement::Interpolation(i) => {
                    if i.debug_text.is_some() && self.feature < 8 {
                        let e = self.src.syntax_error("f-string: self documenting expressions are only supported in Python 3.8 and greater".into(), i.range);
                        return Err(self.vm.syntax_error(&e));
                    }
                    if let Some(d) = &i.debug_text {
                        text.push_str(d.as_str());
                    }
                    self.flush_text(text, range, values)?;
                    // 3.11 parses a field's expression in added parentheses: a bare tuple's
                    // range takes them in
                    let v = match &*i.expression {
                        e @ Expr::Tuple(t) if !t.parenthesized => {
                            let r = e.range();
                            let start = r.start().checked_sub(1.into()).unwrap_or(r.start());
                            self.expr_at(e, TextRange::new(start, r.end() + TextSize::from(1)))?
                        }
                        e => self.expr(e)?,
                    };
                    let mut conv = i.conversion as i8 as i64;
                    if i.debug_text.is_some() && conv == -1 && i.format_spec.is_none() {
                        conv = i64::from(b'r');
                    }
                    let conv = self.int(conv);
                    let spec = match &i.format_spec {
                        Some(s) => {
                            // CPython 3.11: text before a nested field and the fields take the
                            // whole string's position; the spec and its last text, the part's
                            let (mut t, mut vs) = (String::new(), Vec::new());
                            self.fstring_elements(s.elements.iter(), part, range, &mut t, &mut vs)?;
                            self.flush_text(&mut t, part, &mut vs)?;
                            let vs = self.list(vs);
                            self.node("JoinedStr", &[("values", vs)], Some(part))?
                        }
                        None => self.none(),
                    };
                    values.push(self.node("FormattedValue", &[("value", v), ("conversion", conv), ("format_spec", spec)], Some(range))?);
                }
            }
        }
        Ok(())
    }

    fn patterns(&mut self, ps: &[Pattern]) -> PyResult<Value> {
        let mut out = Vec::with_capacity(ps.len());
        for p in ps {
            out.push(self.pattern(p)?);
        }
        Ok(self.list(out))
    }

    pub fn pattern(&mut self, p: &Pattern) -> PyResult<Value> {
        let r = Some(p.range());
        match p {
            Pattern::MatchValue(x) => {
                let v = self.expr(&x.value)?;
                self.node("MatchValue", &[("value", v)], r)
            }
            Pattern::MatchSingleton(x) => {
                let v = match x.value {
                    ra::Singleton::None => self.none(),
                    ra::Singleton::True => self.vm.bool_val(true),
                    ra::Singleton::False => self.vm.bool_val(false),
                };
                self.node("MatchSingleton", &[("value", v)], r)
            }
            Pattern::MatchSequence(x) => {
                let ps = self.patterns(&x.patterns)?;
                self.node("MatchSequence", &[("patterns", ps)], r)
            }
            Pattern::MatchMapping(x) => {
                let ks = self.exprs(&x.keys)?;
                let ps = self.patterns(&x.patterns)?;
                let rest = self.opt_str(x.rest.as_ref().map(|n| n.as_str()));
                self.node("MatchMapping", &[("keys", ks), ("patterns", ps), ("rest", rest)], r)
            }
            Pattern::MatchClass(x) => {
                let c = self.expr(&x.cls)?;
                let ps = self.patterns(&x.arguments.patterns)?;
                let mut attrs = Vec::new();
                let mut kps = Vec::new();
                for k in &x.arguments.keywords {
                    attrs.push(self.str(k.attr.as_str()));
                    kps.push(self.pattern(&k.pattern)?);
                }
                let attrs = self.list(attrs);
                let kps = self.list(kps);
                self.node("MatchClass", &[("cls", c), ("patterns", ps), ("kwd_attrs", attrs), ("kwd_patterns", kps)], r)
            }
            Pattern::MatchStar(x) => {
                let n = self.opt_str(x.name.as_ref().map(|n| n.as_str()));
                self.node("MatchStar", &[("name", n)], r)
            }
            Pattern::MatchAs(x) => {
                let p = match &x.pattern {
                    Some(p) => self.pattern(p)?,
                    None => self.none(),
                };
                let n = self.opt_str(x.name.as_ref().map(|n| n.as_str()));
                self.node("MatchAs", &[("pattern", p), ("name", n)], r)
            }
            Pattern::MatchOr(x) => {
                let ps = self.patterns(&x.patterns)?;
                self.node("MatchOr", &[("patterns", ps)], r)
            }
        }
    }
}

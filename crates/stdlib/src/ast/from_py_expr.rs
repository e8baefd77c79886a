//! `_ast` expression, constant, f-string and pattern nodes back to ruff's tree.

use std::str::FromStr;

use pyjit_compiler::ruff_ast::{self as ra, Expr};
use pyjit_compiler::ruff_text_size::TextRange;

use super::from_py::{Ctx, FromPy};
use crate::util::*;

const EXPRS: &[&str] = &[
    "BoolOp", "NamedExpr", "BinOp", "UnaryOp", "Lambda", "IfExp", "Dict", "Set", "ListComp", "SetComp", "DictComp", "GeneratorExp",
    "Await", "Yield", "YieldFrom", "Compare", "Call", "FormattedValue", "JoinedStr", "Constant", "Attribute", "Subscript", "Starred",
    "Name", "List", "Tuple", "Slice",
];
const OPERATORS: &[&str] = &["Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow", "LShift", "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv"];
const CMPOPS: &[&str] = &["Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"];

fn ni() -> ra::AtomicNodeIndex {
    ra::AtomicNodeIndex::default()
}

fn bx(e: Expr) -> Box<Expr> {
    Box::new(e)
}

impl FromPy<'_> {
    pub fn expr(&mut self, o: Value, field: &str, owner: &str) -> PyResult<Expr> {
        self.expr_ctx(o, field, owner, Ctx::Load)
    }

    pub fn expr_ctx(&mut self, o: Value, field: &str, owner: &str, want: Ctx) -> PyResult<Expr> {
        let v = self.field(o, field, owner)?;
        self.expr_value(v, want)
    }

    pub fn opt_expr(&mut self, o: Value, field: &str) -> PyResult<Option<Expr>> {
        match self.opt_field(o, field) {
            Some(v) => self.expr_value(v, Ctx::Load).map(Some),
            None => Ok(None),
        }
    }

    pub fn exprs(&mut self, o: Value, field: &str, owner: &str) -> PyResult<Vec<Expr>> {
        self.exprs_ctx(o, field, owner, Ctx::Load)
    }

    pub fn exprs_ctx(&mut self, o: Value, field: &str, owner: &str, want: Ctx) -> PyResult<Vec<Expr>> {
        let items = self.list_field(o, field, owner)?;
        let mut out = Vec::with_capacity(items.len());
        for it in items {
            if it == self.vm.none {
                return Err(self.vm.value_error("None disallowed in expression list"));
            }
            out.push(self.expr_value(it, want)?);
        }
        Ok(out)
    }

    pub fn operator(&mut self, o: Value) -> PyResult<ra::Operator> {
        use ra::Operator::*;
        let v = self.field(o, "op", "operator")?;
        Ok(match self.kind_of(v, OPERATORS)? {
            Some("Add") => Add,
            Some("Sub") => Sub,
            Some("Mult") => Mult,
            Some("MatMult") => MatMult,
            Some("Div") => Div,
            Some("Mod") => Mod,
            Some("Pow") => Pow,
            Some("LShift") => LShift,
            Some("RShift") => RShift,
            Some("BitOr") => BitOr,
            Some("BitXor") => BitXor,
            Some("BitAnd") => BitAnd,
            Some(_) => FloorDiv,
            None => return Err(self.expected("operator", v)),
        })
    }

    pub fn expr_value(&mut self, o: Value, want: Ctx) -> PyResult<Expr> {
        let range = self.range(o, "expr")?;
        let Some(kind) = self.kind_of(o, EXPRS)? else { return Err(self.expected("expr", o)) };
        if want != Ctx::Load && !matches!(kind, "Name" | "Attribute" | "Subscript" | "Starred" | "List" | "Tuple") {
            return Err(self.vm.value_error(&format!("expression which can't be assigned to in {} context", want.name())));
        }
        self.enter_node()?;
        let r = self.expr_kind(o, kind, range, want);
        self.leave();
        r
    }

    fn comprehensions(&mut self, o: Value, owner: &str) -> PyResult<Vec<ra::Comprehension>> {
        let mut out = Vec::new();
        for g in self.list_field(o, "generators", owner)? {
            let target = self.expr_ctx(g, "target", "comprehension", Ctx::Store)?;
            let iter = self.expr(g, "iter", "comprehension")?;
            let ifs = self.exprs(g, "ifs", "comprehension")?;
            let is_async = self.int_field(g, "is_async", "comprehension")? != 0;
            out.push(ra::Comprehension { range: TextRange::default(), node_index: ni(), target, iter, ifs, is_async });
        }
        if out.is_empty() {
            return Err(self.vm.value_error("comprehension with no generators"));
        }
        Ok(out)
    }

    fn expr_kind(&mut self, o: Value, k: &'static str, range: TextRange, want: Ctx) -> PyResult<Expr> {
        let node_index = ni();
        Ok(match k {
            "BoolOp" => {
                let v = self.field(o, "op", k)?;
                let op = match self.kind_of(v, &["And", "Or"])? {
                    Some("And") => ra::BoolOp::And,
                    Some(_) => ra::BoolOp::Or,
                    None => return Err(self.expected("boolop", v)),
                };
                let values = self.exprs(o, "values", k)?;
                if values.len() < 2 {
                    return Err(self.vm.value_error("BoolOp with less than 2 values"));
                }
                Expr::BoolOp(ra::ExprBoolOp { node_index, range, op, values })
            }
            "NamedExpr" => {
                let target = bx(self.expr_ctx(o, "target", k, Ctx::Store)?);
                let value = bx(self.expr(o, "value", k)?);
                Expr::Named(ra::ExprNamed { node_index, range, target, value })
            }
            "BinOp" => {
                let left = bx(self.expr(o, "left", k)?);
                let op = self.operator(o)?;
                let right = bx(self.expr(o, "right", k)?);
                Expr::BinOp(ra::ExprBinOp { node_index, range, left, op, right })
            }
            "UnaryOp" => {
                let v = self.field(o, "op", k)?;
                let op = match self.kind_of(v, &["Invert", "Not", "UAdd", "USub"])? {
                    Some("Invert") => ra::UnaryOp::Invert,
                    Some("Not") => ra::UnaryOp::Not,
                    Some("UAdd") => ra::UnaryOp::UAdd,
                    Some(_) => ra::UnaryOp::USub,
                    None => return Err(self.expected("unaryop", v)),
                };
                let operand = bx(self.expr(o, "operand", k)?);
                Expr::UnaryOp(ra::ExprUnaryOp { node_index, range, op, operand })
            }
            "Lambda" => {
                let a = self.field(o, "args", k)?;
                let parameters = Some(Box::new(self.arguments(a)?));
                let body = bx(self.expr(o, "body", k)?);
                Expr::Lambda(ra::ExprLambda { node_index, range, parameters, body })
            }
            "IfExp" => {
                let test = bx(self.expr(o, "test", k)?);
                let body = bx(self.expr(o, "body", k)?);
                let orelse = bx(self.expr(o, "orelse", k)?);
                Expr::If(ra::ExprIf { node_index, range, test, body, orelse })
            }
            "Dict" => {
                let keys = self.list_field(o, "keys", k)?;
                let values = self.exprs(o, "values", k)?;
                if keys.len() != values.len() {
                    return Err(self.vm.value_error("Dict doesn't have the same number of keys as values"));
                }
                let mut items = Vec::new();
                for (key, value) in keys.into_iter().zip(values) {
                    let key = if key == self.vm.none { None } else { Some(self.expr_value(key, Ctx::Load)?) };
                    items.push(ra::DictItem { key, value });
                }
                Expr::Dict(ra::ExprDict { node_index, range, items })
            }
            "Set" => Expr::Set(ra::ExprSet { node_index, range, elts: self.exprs(o, "elts", k)? }),
            "ListComp" | "SetComp" | "GeneratorExp" => {
                let generators = self.comprehensions(o, k)?;
                let elt = bx(self.expr(o, "elt", k)?);
                match k {
                    "ListComp" => Expr::ListComp(ra::ExprListComp { node_index, range, elt, generators }),
                    "SetComp" => Expr::SetComp(ra::ExprSetComp { node_index, range, elt, generators }),
                    _ => Expr::Generator(ra::ExprGenerator { node_index, range, elt, generators, parenthesized: true }),
                }
            }
            "DictComp" => {
                let generators = self.comprehensions(o, k)?;
                let key = Some(bx(self.expr(o, "key", k)?));
                let value = bx(self.expr(o, "value", k)?);
                Expr::DictComp(ra::ExprDictComp { node_index, range, key, value, generators })
            }
            "Await" => Expr::Await(ra::ExprAwait { node_index, range, value: bx(self.expr(o, "value", k)?) }),
            "Yield" => Expr::Yield(ra::ExprYield { node_index, range, value: self.opt_expr(o, "value")?.map(bx) }),
            "YieldFrom" => Expr::YieldFrom(ra::ExprYieldFrom { node_index, range, value: bx(self.expr(o, "value", k)?) }),
            "Compare" => {
                let left = bx(self.expr(o, "left", k)?);
                let mut ops = Vec::new();
                for v in self.list_field(o, "ops", k)? {
                    use ra::CmpOp::*;
                    ops.push(match self.kind_of(v, CMPOPS)? {
                        Some("Eq") => Eq,
                        Some("NotEq") => NotEq,
                        Some("Lt") => Lt,
                        Some("LtE") => LtE,
                        Some("Gt") => Gt,
                        Some("GtE") => GtE,
                        Some("Is") => Is,
                        Some("IsNot") => IsNot,
                        Some("In") => In,
                        Some(_) => NotIn,
                        None => return Err(self.expected("cmpop", v)),
                    });
                }
                let comparators = self.exprs(o, "comparators", k)?;
                if comparators.is_empty() {
                    return Err(self.vm.value_error("Compare with no comparators"));
                }
                if comparators.len() != ops.len() {
                    return Err(self.vm.value_error("Compare has a different number of comparators and operands"));
                }
                Expr::Compare(ra::ExprCompare { node_index, range, left, ops: ops.into(), comparators: comparators.into() })
            }
            "Call" => {
                let func = bx(self.expr(o, "func", k)?);
                let args = self.exprs(o, "args", k)?;
                let keywords = self.keywords(o, k)?;
                let arguments = ra::Arguments { range, node_index: ni(), args: args.into(), keywords: keywords.into() };
                Expr::Call(ra::ExprCall { node_index, range_start: range.start(), func, arguments })
            }
            "JoinedStr" | "FormattedValue" => {
                let elements = if k == "JoinedStr" { self.fstring_elements(o, range)? } else { vec![self.interpolation(o, range)?] };
                let f = ra::FString { range, node_index: ni(), elements: elements.into(), flags: ra::FStringFlags::empty() };
                Expr::FString(ra::ExprFString { node_index, range, value: ra::FStringValue::single(f) })
            }
            "Constant" => {
                let v = match self.vm.getattr_str(o, "value") {
                    Ok(v) => v,
                    Err(_) => return Err(self.vm.type_error("required field \"value\" missing from Constant")),
                };
                self.constant(v, range)?
            }
            "Attribute" => {
                let value = bx(self.expr(o, "value", k)?);
                let attr = self.ident(o, "attr", k)?;
                let ctx = self.ctx_of(o, k, want)?;
                Expr::Attribute(ra::ExprAttribute { node_index, range, value, attr, ctx })
            }
            "Subscript" => {
                let value = bx(self.expr(o, "value", k)?);
                let slice = bx(self.expr(o, "slice", k)?);
                let ctx = self.ctx_of(o, k, want)?;
                Expr::Subscript(ra::ExprSubscript { node_index, range, value, slice, ctx })
            }
            "Starred" => {
                let value = bx(self.expr_ctx(o, "value", k, want)?);
                let ctx = self.ctx_of(o, k, want)?;
                Expr::Starred(ra::ExprStarred { node_index, range, value, ctx })
            }
            "Name" => {
                let id = self.ident(o, "id", k)?;
                if matches!(id.as_str(), "None" | "True" | "False") {
                    return Err(self.vm.value_error(&format!("identifier field can't represent '{}' constant", id.as_str())));
                }
                let ctx = self.ctx_of(o, k, want)?;
                Expr::Name(ra::ExprName { node_index, range, id: id.id, ctx })
            }
            "List" | "Tuple" => {
                let elts = self.exprs_ctx(o, "elts", k, want)?;
                let ctx = self.ctx_of(o, k, want)?;
                if k == "List" {
                    Expr::List(ra::ExprList { node_index, range, elts, ctx })
                } else {
                    Expr::Tuple(ra::ExprTuple { node_index, range, elts, ctx, parenthesized: true })
                }
            }
            _ => {
                let lower = self.opt_expr(o, "lower")?.map(bx);
                let upper = self.opt_expr(o, "upper")?.map(bx);
                let step = self.opt_expr(o, "step")?.map(bx);
                Expr::Slice(ra::ExprSlice { node_index, range, lower, upper, step })
            }
        })
    }

    /// A Constant's value as a literal (a negative number as a negation, a tuple as a tuple
    /// of literals).
    pub fn constant(&mut self, v: Value, range: TextRange) -> PyResult<Expr> {
        let node_index = ni();
        let num = |value| Expr::NumberLiteral(ra::ExprNumberLiteral { node_index: ni(), range, value });
        let neg = |e: Expr| Expr::UnaryOp(ra::ExprUnaryOp { node_index: ni(), range, op: ra::UnaryOp::USub, operand: bx(e) });
        if v == self.vm.none {
            return Ok(Expr::NoneLiteral(ra::ExprNoneLiteral { node_index, range }));
        }
        if v == self.vm.ellipsis {
            return Ok(Expr::EllipsisLiteral(ra::ExprEllipsisLiteral { node_index, range }));
        }
        let ty = self.vm.type_of(v);
        let t = &self.vm.types;
        let exact = |k: ObjKind| v.kind() == Some(k);
        if ty == t.bool {
            let value = v == self.vm.bool_val(true);
            return Ok(Expr::BooleanLiteral(ra::ExprBooleanLiteral { node_index, range, value }));
        }
        if ty == t.str && exact(ObjKind::Str) {
            let s = self.vm.str_of(v);
            let lit = ra::StringLiteral { range, node_index: ni(), value: s.into(), flags: ra::StringLiteralFlags::empty() };
            return Ok(Expr::StringLiteral(ra::ExprStringLiteral { node_index, range, value: ra::StringLiteralValue::single(lit) }));
        }
        if ty == t.bytes && exact(ObjKind::Bytes) {
            let b = v.get::<pyjit_vm::objects::BytesObj>().map(|b| b.data.clone()).unwrap_or_default();
            let lit = ra::BytesLiteral { range, node_index: ni(), value: b, flags: ra::BytesLiteralFlags::empty() };
            return Ok(Expr::BytesLiteral(ra::ExprBytesLiteral { node_index, range, value: ra::BytesLiteralValue::single(lit) }));
        }
        if ty == t.float && exact(ObjKind::Float) {
            let f = v.get::<pyjit_vm::objects::FloatObj>().map(|f| f.0).unwrap_or(0.0);
            let lit = num(ra::Number::Float(f.abs()));
            return Ok(if f.is_sign_negative() { neg(lit) } else { lit });
        }
        if ty == t.complex && exact(ObjKind::Complex) {
            let (real, imag) = v.get::<pyjit_vm::objects::ComplexObj>().map(|c| (c.re, c.im)).unwrap_or((0.0, 0.0));
            return Ok(num(ra::Number::Complex { real, imag }));
        }
        if (ty == t.tuple && exact(ObjKind::Tuple)) || ty == t.frozenset {
            let is_tuple = ty == t.tuple;
            let items = if is_tuple { v.get::<TupleObj>().map(|t| t.items.to_vec()).unwrap_or_default() } else { self.vm.set_items(v) };
            let mut elts = Vec::new();
            for it in items {
                elts.push(self.constant(it, range)?);
            }
            if !is_tuple {
                return Err(self.vm.type_error("pyjit cannot compile a frozenset constant from a syntax tree"));
            }
            return Ok(Expr::Tuple(ra::ExprTuple { node_index, range, elts, ctx: ra::ExprContext::Load, parenthesized: true }));
        }
        if ty == t.int && self.vm.is_int(v) {
            let text = self.vm.repr(v)?;
            let (negative, digits) = match text.strip_prefix('-') {
                Some(d) => (true, d),
                None => (false, text.as_str()),
            };
            let Ok(i) = ra::Int::from_str(digits) else { return Err(self.vm.value_error("invalid integer constant")) };
            let lit = num(ra::Number::Int(i));
            return Ok(if negative { neg(lit) } else { lit });
        }
        let tn = self.vm.type_name_of(v);
        Err(self.vm.type_error(&format!("got an invalid type in Constant: {tn}")))
    }

    fn fstring_elements(&mut self, o: Value, range: TextRange) -> PyResult<Vec<ra::InterpolatedStringElement>> {
        let mut out = Vec::new();
        for v in self.list_field(o, "values", "JoinedStr")? {
            match self.kind_of(v, &["Constant", "FormattedValue"])? {
                Some("Constant") => {
                    let c = self.field(v, "value", "Constant")?;
                    if c.kind() != Some(ObjKind::Str) {
                        return Err(self.vm.type_error("unexpected constant inside of a JoinedStr"));
                    }
                    let s = self.vm.str_of(c);
                    out.push(ra::InterpolatedStringElement::Literal(ra::InterpolatedStringLiteralElement { range, node_index: ni(), value: s.into() }));
                }
                Some(_) => out.push(self.interpolation(v, range)?),
                None => return Err(self.vm.value_error("unexpected node inside of a JoinedStr")),
            }
        }
        Ok(out)
    }

    fn interpolation(&mut self, o: Value, range: TextRange) -> PyResult<ra::InterpolatedStringElement> {
        let expression = bx(self.expr(o, "value", "FormattedValue")?);
        let conversion = match self.int_field(o, "conversion", "FormattedValue")? {
            115 => ra::ConversionFlag::Str,
            114 => ra::ConversionFlag::Repr,
            97 => ra::ConversionFlag::Ascii,
            _ => ra::ConversionFlag::None,
        };
        let format_spec = match self.opt_field(o, "format_spec") {
            Some(spec) => {
                if self.kind_of(spec, &["JoinedStr"])?.is_none() {
                    return Err(self.vm.type_error("format_spec of a FormattedValue must be a JoinedStr"));
                }
                let elements = self.fstring_elements(spec, range)?;
                Some(Box::new(ra::InterpolatedStringFormatSpec { range, node_index: ni(), elements: elements.into() }))
            }
            None => None,
        };
        Ok(ra::InterpolatedStringElement::Interpolation(ra::InterpolatedElement { range, node_index: ni(), expression, debug_text: None, conversion, format_spec }))
    }
}

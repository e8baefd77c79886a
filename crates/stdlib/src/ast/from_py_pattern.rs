//! `_ast` match patterns back to ruff's patterns, with CPython's pattern validation (literal
//! values only, capture names, where a star may stand).

use pyjit_compiler::ruff_ast::{self as ra, Expr, Pattern};
use pyjit_compiler::ruff_text_size::TextRange;

use super::from_py::{Ctx, FromPy};
use crate::util::*;

const PATTERNS: &[&str] = &["MatchValue", "MatchSingleton", "MatchSequence", "MatchMapping", "MatchClass", "MatchStar", "MatchAs", "MatchOr"];

fn ni() -> ra::AtomicNodeIndex {
    ra::AtomicNodeIndex::default()
}

impl FromPy<'_> {
    fn patterns(&mut self, o: Value, field: &str, owner: &str, star_ok: bool) -> PyResult<Vec<Pattern>> {
        let mut out = Vec::new();
        for p in self.list_field(o, field, owner)? {
            out.push(self.pattern_at(p, star_ok)?);
        }
        Ok(out)
    }

    pub fn pattern(&mut self, o: Value) -> PyResult<Pattern> {
        self.pattern_at(o, false)
    }

    /// A name a pattern binds: not `_`, not None/True/False.
    fn capture(&mut self, name: Option<ra::Identifier>) -> PyResult<Option<ra::Identifier>> {
        if let Some(n) = &name {
            match n.as_str() {
                "_" => return Err(self.vm.value_error("can't capture name '_' in patterns")),
                c @ ("None" | "True" | "False") => return Err(self.vm.value_error(&format!("identifier field can't represent '{c}' constant"))),
                _ => {}
            }
        }
        Ok(name)
    }

    fn plain_name(&mut self, n: ra::Identifier) -> PyResult<ra::Identifier> {
        if let c @ ("None" | "True" | "False") = n.as_str() {
            return Err(self.vm.value_error(&format!("identifier field can't represent '{c}' constant")));
        }
        Ok(n)
    }

    /// A MatchValue's value (or a mapping key): a literal or an attribute lookup.
    fn literal_value(&mut self, v: Value) -> PyResult<Expr> {
        let e = self.expr_value(v, Ctx::Load)?;
        match &e {
            Expr::Attribute(_) | Expr::UnaryOp(_) | Expr::BinOp(_) | Expr::FString(_) => Ok(e),
            Expr::StringLiteral(_) | Expr::BytesLiteral(_) | Expr::NumberLiteral(_) => Ok(e),
            Expr::NoneLiteral(_) | Expr::BooleanLiteral(_) | Expr::EllipsisLiteral(_) | Expr::Tuple(_) if self.kind_of(v, &["Constant"])?.is_some() => {
                Err(self.vm.value_error("unexpected constant inside of a literal pattern"))
            }
            _ => Err(self.vm.value_error("patterns may only match literals and attribute lookups")),
        }
    }

    fn pattern_at(&mut self, o: Value, star_ok: bool) -> PyResult<Pattern> {
        let range = self.range(o, "pattern")?;
        let Some(k) = self.kind_of(o, PATTERNS)? else { return Err(self.expected("pattern", o)) };
        if k == "MatchStar" && !star_ok {
            return Err(self.vm.value_error("can't use MatchStar here"));
        }
        self.enter_node()?;
        let r = self.pattern_kind(o, k, range);
        self.leave();
        r
    }

    fn pattern_kind(&mut self, o: Value, k: &'static str, range: TextRange) -> PyResult<Pattern> {
        let node_index = ni();
        Ok(match k {
            "MatchValue" => {
                let v = self.field(o, "value", k)?;
                Pattern::MatchValue(ra::PatternMatchValue { node_index, range, value: Box::new(self.literal_value(v)?) })
            }
            "MatchSingleton" => {
                let v = match self.vm.getattr_str(o, "value") {
                    Ok(v) => v,
                    Err(_) => return Err(self.vm.type_error("required field \"value\" missing from MatchSingleton")),
                };
                let value = if v == self.vm.none {
                    ra::Singleton::None
                } else if v == self.vm.bool_val(true) {
                    ra::Singleton::True
                } else if v == self.vm.bool_val(false) {
                    ra::Singleton::False
                } else {
                    return Err(self.vm.value_error("MatchSingleton can only contain True, False and None"));
                };
                Pattern::MatchSingleton(ra::PatternMatchSingleton { node_index, range, value })
            }
            "MatchSequence" => Pattern::MatchSequence(ra::PatternMatchSequence { node_index, range, patterns: self.patterns(o, "patterns", k, true)? }),
            "MatchMapping" => {
                let mut keys = Vec::new();
                for key in self.list_field(o, "keys", k)? {
                    keys.push(self.literal_value(key)?);
                }
                let patterns = self.patterns(o, "patterns", k, false)?;
                if keys.len() != patterns.len() {
                    return Err(self.vm.value_error("MatchMapping doesn't have the same number of keys as patterns"));
                }
                let rest = self.opt_ident(o, "rest")?;
                let rest = self.capture(rest)?;
                Pattern::MatchMapping(ra::PatternMatchMapping { node_index, range, keys: keys.into(), patterns: patterns.into(), rest })
            }
            "MatchClass" => {
                let cls = Box::new(self.expr(o, "cls", k)?);
                let mut c: &Expr = &cls;
                while let Expr::Attribute(a) = c {
                    c = &a.value;
                }
                if !matches!(c, Expr::Name(_)) {
                    return Err(self.vm.value_error("MatchClass cls field can only contain Name or Attribute nodes."));
                }
                let patterns = self.patterns(o, "patterns", k, false)?;
                let mut attrs = Vec::new();
                for a in self.list_field(o, "kwd_attrs", k)? {
                    let n = self.ident_value(a)?;
                    attrs.push(self.plain_name(n)?);
                }
                let kps = self.patterns(o, "kwd_patterns", k, false)?;
                if attrs.len() != kps.len() {
                    return Err(self.vm.value_error("MatchClass doesn't have the same number of keyword attributes as patterns"));
                }
                let keywords = attrs.into_iter().zip(kps).map(|(attr, pattern)| ra::PatternKeyword { range, node_index: ni(), attr, pattern }).collect();
                let arguments = ra::PatternArguments { range, node_index: ni(), patterns: patterns.into(), keywords };
                Pattern::MatchClass(ra::PatternMatchClass { node_index, range, cls, arguments })
            }
            "MatchStar" => {
                let name = self.opt_ident(o, "name")?;
                Pattern::MatchStar(ra::PatternMatchStar { node_index, range, name: self.capture(name)? })
            }
            "MatchAs" => {
                let pattern = match self.opt_field(o, "pattern") {
                    Some(p) => Some(Box::new(self.pattern_at(p, false)?)),
                    None => None,
                };
                let name = self.opt_ident(o, "name")?;
                let name = self.capture(name)?;
                if pattern.is_some() && name.is_none() {
                    return Err(self.vm.value_error("MatchAs must specify a target name if a pattern is given"));
                }
                Pattern::MatchAs(ra::PatternMatchAs { node_index, range, pattern, name })
            }
            _ => {
                let patterns = self.patterns(o, "patterns", k, false)?;
                if patterns.len() < 2 {
                    return Err(self.vm.value_error("MatchOr requires at least 2 patterns"));
                }
                Pattern::MatchOr(ra::PatternMatchOr { node_index, range, patterns })
            }
        })
    }
}

//! The SyntaxWarnings of CPython 3.11's code generator: identity checks against literals,
//! calls and subscripts of objects that cannot support them (a likely missing comma), and
//! asserts of a tuple.

use ruff_python_ast::{self as ast, Expr};

use super::Compiler;
use crate::code::Const;

impl<'a> Compiler<'a> {
    /// The type name of an expression whose type the compiler knows (CPython's infer_type).
    fn inferred_type(&self, e: &Expr) -> Option<&'static str> {
        Some(match e {
            Expr::Tuple(_) => "tuple",
            Expr::List(_) | Expr::ListComp(_) => "list",
            Expr::Dict(_) | Expr::DictComp(_) => "dict",
            Expr::Set(_) | Expr::SetComp(_) => "set",
            Expr::Generator(_) => "generator",
            Expr::Lambda(_) => "function",
            Expr::FString(_) => "str",
            Expr::Slice(_) => "slice",
            _ => const_type(&self.folded(e)?)?,
        })
    }

    /// The constant an expression folds to, as CPython's AST optimizer would make it.
    fn folded(&self, e: &Expr) -> Option<Const> {
        match e {
            Expr::Name(_) | Expr::Call(_) | Expr::Attribute(_) | Expr::Subscript(_) => None,
            _ => self.const_of(e),
        }
    }

    /// check_compare: `is` or `is not` with a literal other than None, True, False, `...`.
    pub(crate) fn check_compare(&mut self, c: &ast::ExprCompare) {
        let literal = |me: &Self, e: &Expr| !matches!(me.folded(e), None | Some(Const::None | Const::Bool(_) | Const::Ellipsis));
        let mut left = literal(self, &c.left);
        for (op, right_e) in c.ops.iter().zip(c.comparators.iter()) {
            let right = literal(self, right_e);
            let msg = match op {
                ast::CmpOp::Is => "\"is\" with a literal. Did you mean \"==\"?",
                ast::CmpOp::IsNot => "\"is not\" with a literal. Did you mean \"!=\"?",
                _ => "",
            };
            if !msg.is_empty() && (left || right) {
                self.warn(msg.to_string());
                return;
            }
            left = right;
        }
    }

    /// check_caller: calling a literal or a display.
    pub(crate) fn check_caller(&mut self, func: &Expr) {
        let warn = match func {
            Expr::Tuple(_)
            | Expr::List(_)
            | Expr::ListComp(_)
            | Expr::Dict(_)
            | Expr::DictComp(_)
            | Expr::Set(_)
            | Expr::SetComp(_)
            | Expr::Generator(_)
            | Expr::FString(_) => true,
            other => self.folded(other).is_some(),
        };
        if warn {
            if let Some(t) = self.inferred_type(func) {
                self.warn(format!("'{t}' object is not callable; perhaps you missed a comma?"));
            }
        }
    }

    /// check_subscripter and check_index, for a subscript that is read.
    pub(crate) fn check_subscript(&mut self, value: &Expr, index: &Expr) {
        let not_subscriptable = match value {
            Expr::Set(_) | Expr::SetComp(_) | Expr::Generator(_) | Expr::Lambda(_) => true,
            other => matches!(
                self.folded(other),
                Some(Const::None | Const::Ellipsis | Const::Int(_) | Const::BigInt(_) | Const::Float(_) | Const::Complex(..) | Const::Bool(_) | Const::FrozenSet(_))
            ),
        };
        if not_subscriptable {
            if let Some(t) = self.inferred_type(value) {
                self.warn(format!("'{t}' object is not subscriptable; perhaps you missed a comma?"));
            }
            return;
        }
        let Some(index_type) = self.inferred_type(index) else { return };
        if matches!(index_type, "int" | "bool" | "slice") {
            return;
        }
        let sequence = match value {
            Expr::Tuple(_) | Expr::List(_) | Expr::ListComp(_) | Expr::FString(_) => true,
            other => matches!(self.folded(other), Some(Const::Str(_) | Const::StrCps(_) | Const::Bytes(_) | Const::Tuple(_))),
        };
        if sequence {
            if let Some(t) = self.inferred_type(value) {
                self.warn(format!("{t} indices must be integers or slices, not {index_type}; perhaps you missed a comma?"));
            }
        }
    }
}

fn const_type(c: &Const) -> Option<&'static str> {
    Some(match c {
        Const::None => "NoneType",
        Const::Bool(_) => "bool",
        Const::Int(_) | Const::BigInt(_) => "int",
        Const::Float(_) => "float",
        Const::Complex(..) => "complex",
        Const::Str(_) | Const::StrCps(_) => "str",
        Const::Bytes(_) => "bytes",
        Const::Ellipsis => "ellipsis",
        Const::Tuple(_) => "tuple",
        Const::FrozenSet(_) => "frozenset",
        Const::Code(_) => return None,
    })
}

//! The secondary ranges CPython 3.11 marks under a failing expression in a traceback
//! (Python/traceback.c, extract_anchors_from_line): the source segment of the failing
//! instruction is parsed on its own, and a binary operation gets `~` under its operands and
//! `^` under the operator, a subscript `~` under the value and `^` under `[...]`.

use ruff_python_ast::{Expr, Mod, PythonVersion, Stmt};
use ruff_python_parser::{parse_unchecked, Mode, ParseOptions};
use ruff_text_size::Ranged;

/// Anchors inside a segment, as UTF-8 byte offsets into it: the primary character marks
/// `[0, left_end)` and `[right_start, len)`, the secondary one `[left_end, right_start)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Anchors {
    pub left_end: usize,
    pub right_start: usize,
    pub primary: char,
    pub secondary: char,
}

fn is_blank(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\x0c')
}

/// The anchors of a one-line source segment, if it parses as a single binary operation or
/// subscript expression statement.
pub fn anchors(segment: &str) -> Option<Anchors> {
    let opts = ParseOptions::from(Mode::Module).with_target_version(PythonVersion::PY311);
    let parsed = parse_unchecked(segment, opts);
    if !parsed.errors().is_empty() {
        return None;
    }
    let Mod::Module(module) = parsed.into_syntax() else { return None };
    let [Stmt::Expr(stmt)] = &module.body[..] else { return None };
    let s = segment.as_bytes();
    match &*stmt.value {
        Expr::BinOp(b) => {
            let from = b.left.range().end().to_usize();
            let to = b.right.range().start().to_usize();
            let mut found = None;
            let mut chars = ('^', '^');
            let mut i = from;
            while i < to {
                if is_blank(s[i]) {
                    i += 1;
                    continue;
                }
                let mut right = i + 1;
                // a two-character operator (`//`, `**`, ...)
                if i + 1 < to && !is_blank(s[i + 1]) {
                    right += 1;
                }
                found = Some((i, right));
                // a closing parenthesis of the left operand: keep looking for the operator
                if i + 1 < to && s[i] == b')' {
                    i += 1;
                    continue;
                }
                chars = ('~', '^');
                break;
            }
            let (left_end, right_start) = found?;
            Some(Anchors { left_end, right_start, primary: chars.0, secondary: chars.1 })
        }
        Expr::Subscript(sub) => {
            let len = s.len();
            let mut left = sub.value.range().end().to_usize();
            let mut right = sub.slice.range().end().to_usize() + 1;
            while left < len && s[left] != b'[' {
                left += 1;
            }
            while right < len && s[right] != b']' {
                right += 1;
            }
            if right < len {
                right += 1;
            }
            Some(Anchors { left_end: left, right_start: right, primary: '~', secondary: '^' })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(seg: &str) -> String {
        let a = anchors(seg).expect("anchors");
        let n = seg.len();
        (0..n)
            .map(|i| if a.left_end <= i && i < a.right_start { a.secondary } else { a.primary })
            .collect()
    }

    #[test]
    fn binary_operations() {
        assert_eq!(marks("x[1] + 2"), "~~~~~^~~");
        assert_eq!(marks("a // b"), "~~^^~~");
        assert_eq!(marks("(a) + (b)"), "~~~~^~~~~");
        assert_eq!(marks("(a)+(b)"), "~~~^^~~");
    }

    #[test]
    fn subscripts() {
        assert_eq!(marks("x[1]"), "~^^^");
        assert_eq!(marks("x [ 'k' ]"), "~~^^^^^^^");
        assert_eq!(marks("d[a:b]"), "~^^^^^");
    }

    #[test]
    fn others_have_none() {
        assert_eq!(anchors("f(x)"), None);
        assert_eq!(anchors("a.b"), None);
        assert_eq!(anchors("return x"), None);
        assert_eq!(anchors("x = 1 +"), None);
        assert_eq!(anchors("a; b + c"), None);
    }
}

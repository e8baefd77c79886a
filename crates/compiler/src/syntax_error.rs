//! Turns ruff's parse errors into the SyntaxError CPython 3.11 raises for the same source:
//! its message and its location (line, offset, end). ruff's error kind and range say where
//! parsing failed; the recovered syntax tree and the tokenizer scan supply what CPython's
//! error rules look at (the invalid target, the expressions next to a missing comma, the
//! bracket left open).

use crate::error::{CompileError, ErrorKind, SourceMap};
use crate::tokscan::Scan;
use crate::Mode;
use ruff_python_ast::token::TokenKind;
use ruff_python_ast::visitor::{walk_expr, walk_stmt, Visitor};
use ruff_python_ast::{Expr, Mod, Stmt};
use ruff_python_parser::{LexicalErrorType, ParseError, ParseErrorType, Parsed};
use ruff_text_size::{Ranged, TextRange, TextSize};

/// Every expression and statement of the recovered tree.
#[derive(Default)]
struct Index<'a> {
    exprs: Vec<&'a Expr>,
    stmts: Vec<&'a Stmt>,
}

impl<'a> Visitor<'a> for Index<'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        self.stmts.push(stmt);
        walk_stmt(self, stmt);
    }
    fn visit_expr(&mut self, expr: &'a Expr) {
        self.exprs.push(expr);
        walk_expr(self, expr);
    }
}

fn index(m: &Mod) -> Index<'_> {
    let mut ix = Index::default();
    match m {
        Mod::Module(m) => ix.visit_body(&m.body),
        Mod::Expression(e) => ix.visit_expr(&e.body),
    }
    ix
}

/// CPython's _PyPegen_get_expr_name: how error messages name an expression.
pub(crate) fn expr_name(e: &Expr) -> &'static str {
    match e {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Generator(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) | Expr::TString(_) => "f-string expression",
        Expr::NoneLiteral(_) => "None",
        Expr::BooleanLiteral(b) if b.value => "True",
        Expr::BooleanLiteral(_) => "False",
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::StringLiteral(_) | Expr::BytesLiteral(_) | Expr::NumberLiteral(_) => "literal",
        Expr::Compare(_) => "comparison",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        Expr::Slice(_) | Expr::IpyEscapeCommand(_) => "expression",
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Targets {
    Store,
    Del,
    For,
}

/// CPython's _PyPegen_get_invalid_target: the first part of a target that cannot be assigned.
fn invalid_target(e: &Expr, kind: Targets) -> Option<&Expr> {
    match e {
        Expr::List(l) => l.elts.iter().find_map(|x| invalid_target(x, kind)),
        Expr::Tuple(t) => t.elts.iter().find_map(|x| invalid_target(x, kind)),
        Expr::Starred(_) if kind == Targets::Del => Some(e),
        Expr::Starred(s) => invalid_target(&s.value, kind),
        Expr::Compare(c) if kind == Targets::For => {
            if matches!(c.ops.first(), Some(ruff_python_ast::CmpOp::In)) {
                invalid_target(&c.left, kind)
            } else {
                None
            }
        }
        Expr::Name(_) | Expr::Subscript(_) | Expr::Attribute(_) => None,
        _ => Some(e),
    }
}

struct Ctx<'a> {
    src: &'a SourceMap,
    scan: &'a Scan,
    mode: Mode,
    ix: Index<'a>,
}

pub(crate) fn from_parse(src: &SourceMap, parsed: &Parsed<Mod>, e: &ParseError, scan: &Scan, mode: Mode) -> CompileError {
    let text = e.error.to_string();
    if std::env::var_os("PYJIT_DEBUG_PARSE").is_some() {
        eprintln!("ruff: {text:?} at {:?}", e.location);
    }
    let cx = Ctx { src, scan, mode, ix: index(parsed.syntax()) };
    let mut err = cx.map(&e.error, &text, e.location);
    // 3.11 parses an f-string's expressions on their own: its parser errors say so
    let at = e.location.start().to_usize();
    if scan.fstrings.iter().any(|&(a, b)| a <= at && at < b) {
        if err.msg.starts_with("invalid syntax") || err.msg == "cannot mix bytes and nonbytes literals" {
            err.msg = format!("f-string: {}", err.msg);
        }
    }
    err
}

impl<'a> Ctx<'a> {
    fn at(&self, msg: impl Into<String>, range: TextRange) -> CompileError {
        self.src.syntax_error(msg.into(), range)
    }

    fn byte(&self, at: usize) -> u8 {
        self.src.source.as_bytes().get(at).copied().unwrap_or(0)
    }

    /// The end of the token starting at `at` (a name or number, else one operator).
    fn token_end(&self, at: usize) -> usize {
        let b = self.src.source.as_bytes();
        let mut i = at;
        let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80;
        if i < b.len() && (word(b[i]) || (b[i] == b'.' && b.get(i + 1).is_some_and(|c| c.is_ascii_digit()))) {
            i += 1;
            while i < b.len() && (word(b[i]) || b[i] == b'.') {
                i += 1;
            }
            return i;
        }
        let two = self.src.source.get(at..at + 2).unwrap_or("");
        let three = self.src.source.get(at..at + 3).unwrap_or("");
        if matches!(three, "**=" | "//=" | ">>=" | "<<=" | "...") {
            return at + 3;
        }
        if matches!(two, "**" | "//" | ">>" | "<<" | "<=" | ">=" | "==" | "!=" | "->" | ":=" | "+=" | "-=" | "*=" | "/=" | "%=" | "&=" | "|=" | "^=" | "@=") {
            return at + 2;
        }
        (at + 1).min(b.len().max(at))
    }

    /// CPython's generic "invalid syntax" at the token starting at `at`.
    fn invalid_syntax_at(&self, at: usize) -> CompileError {
        let c = self.byte(at);
        if at >= self.src.source.len() || c == b'\n' || c == b'\r' {
            return self.at_newline("invalid syntax", at);
        }
        let r = TextRange::new(TextSize::new(at as u32), TextSize::new(self.token_end(at) as u32));
        self.at("invalid syntax", r)
    }

    /// An error at a NEWLINE token (or the end of the source), whose end is its start.
    fn at_newline(&self, msg: &str, at: usize) -> CompileError {
        let at = at.min(self.src.source.len());
        let p = TextSize::new(at as u32);
        let mut e = self.at(msg, TextRange::new(p, p));
        if at >= self.src.source.len() && self.mode == Mode::Eval && !self.src.source.ends_with('\n') {
            e.col = 0;
        }
        e.end_col = e.col;
        e
    }

    /// The end of the source after a line continuation: CPython counts the characters of
    /// the last line, its newline included, and has no end column.
    fn eof_error(&self) -> CompileError {
        let text = &self.src.source;
        let body = text.strip_suffix('\n').unwrap_or(text);
        let ls = body.rfind('\n').map(|i| i + 1).unwrap_or(0);
        let line = self.src.line_of(TextSize::new(ls as u32));
        let mut e = CompileError::syntax("unexpected EOF while parsing".into(), self.src, line);
        e.col = text[ls..].chars().count() as i32;
        e.end_col = -1;
        e
    }

    /// The parameter before the `=` at `at` is `*name: *annotation` (PEP 646), which CPython's
    /// rule for a defaulted `*name` does not match.
    fn star_annotated_param(&self, at: usize) -> bool {
        let before = &self.src.source[..at];
        let Some(star) = before.rfind(['(', ',']).map(|i| i + 1) else { return false };
        let param = before[star..].trim_start();
        match param.split_once(':') {
            Some((name, ann)) => name.starts_with('*') && !name.starts_with("**") && ann.trim_start().starts_with('*'),
            None => false,
        }
    }

    fn never_closed(&self) -> Option<CompileError> {
        let (ch, pos) = self.scan.unclosed?;
        let p = TextSize::new(pos as u32);
        let mut e = self.at(format!("'{ch}' was never closed"), TextRange::new(p, p));
        e.end_col = 0;
        Some(e)
    }

    /// A generic error at `at`: "'(' was never closed" when CPython's tokenizer would have
    /// reached the end of the source inside a bracket opened on an earlier line.
    fn generic(&self, at: usize) -> CompileError {
        if let Some((_, pos)) = self.scan.unclosed {
            let bl = self.src.line_of(TextSize::new(pos as u32));
            let el = self.src.line_of(TextSize::new(at as u32));
            if pos < at && el > bl {
                if let Some(e) = self.never_closed() {
                    return e;
                }
            }
        }
        self.invalid_syntax_at(at)
    }

    /// Bracket depth at byte offset `at` (ignoring strings and comments).
    fn depth_at(&self, at: usize) -> usize {
        self.open_brackets(at).len()
    }

    /// Positions of the brackets still open at `at` (strings and comments skipped),
    /// innermost last.
    fn open_brackets(&self, at: usize) -> Vec<usize> {
        let b = self.src.source.as_bytes();
        let mut open = Vec::new();
        let mut i = 0;
        while i < at.min(b.len()) {
            match b[i] {
                b'#' => {
                    while i < b.len() && b[i] != b'\n' {
                        i += 1;
                    }
                }
                q @ (b'\'' | b'"') => {
                    let triple = b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q);
                    i += if triple { 3 } else { 1 };
                    while i < b.len() {
                        if b[i] == b'\\' {
                            i += 2;
                            continue;
                        }
                        if b[i] == q && (!triple || (b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q))) {
                            i += if triple { 2 } else { 0 };
                            break;
                        }
                        if !triple && b[i] == b'\n' {
                            break;
                        }
                        i += 1;
                    }
                }
                b'(' | b'[' | b'{' => open.push(i),
                b')' | b']' | b'}' => {
                    open.pop();
                }
                _ => {}
            }
            i += 1;
        }
        open
    }

    /// `if x = 1:`, `[a = 1]`: a lone `=` where a named expression is parsed. CPython's
    /// invalid_named_expression rule: after a name, "Maybe you meant '==' or ':='"; after
    /// another operand-level expression, "cannot assign to ... here".
    fn maybe_meant_equal(&self, at: usize) -> Option<CompileError> {
        if self.byte(at) != b'=' || self.byte(at + 1) == b'=' {
            return None;
        }
        // where a named expression is allowed: inside (), [] or {} that are not a call's
        // arguments, or in an if/elif/while header
        let open = self.open_brackets(at);
        let context_start = match open.last() {
            Some(&p) => {
                let before = self.prev_token_end(p);
                let prev = self.byte(before.wrapping_sub(1));
                let call = self.byte(p) == b'(' && before == p && (prev.is_ascii_alphanumeric() || prev == b'_' || prev == b')' || prev == b']' || prev >= 0x80);
                if call {
                    return None;
                }
                p + 1
            }
            None => {
                let ls = self.src.source[..at].rfind('\n').map(|i| i + 1).unwrap_or(0);
                let line = &self.src.source[ls..at];
                let trimmed = line.trim_start();
                let kw = ["if ", "elif ", "while "].iter().find(|k| trimmed.starts_with(*k))?;
                ls + (line.len() - trimmed.len()) + kw.len()
            }
        };
        let prev_end = self.prev_token_end(at);
        let a = self
            .ix
            .exprs
            .iter()
            .copied()
            .filter(|e| e.range().end().to_usize() == prev_end && e.range().start().to_usize() >= context_start)
            .min_by_key(|e| e.range().start())?;
        let operand_level = !matches!(
            a,
            Expr::Compare(_) | Expr::BoolOp(_) | Expr::Lambda(_) | Expr::If(_) | Expr::Named(_) | Expr::Starred(_)
                | Expr::Yield(_) | Expr::YieldFrom(_) | Expr::Slice(_)
        ) && !matches!(a, Expr::UnaryOp(u) if u.op == ruff_python_ast::UnaryOp::Not)
            && !matches!(a, Expr::Tuple(t) if !t.parenthesized)
            && !matches!(a, Expr::Generator(g) if !g.parenthesized);
        if !operand_level {
            return None;
        }
        // the right operand, not followed by another `=` or `:=`
        let b_start = at + 1 + self.src.source[at + 1..].len() - self.src.source[at + 1..].trim_start_matches([' ', '\t']).len();
        let b_end = self
            .ix
            .exprs
            .iter()
            .filter(|e| e.range().start().to_usize() == b_start)
            .map(|e| e.range().end().to_usize())
            .max()
            .unwrap_or_else(|| self.token_end(b_start));
        if b_end <= b_start {
            return None;
        }
        let after = self.src.source[b_end..].trim_start_matches([' ', '\t']);
        if after.starts_with('=') || after.starts_with(":=") {
            return None;
        }
        if matches!(a, Expr::Name(_)) {
            let r = TextRange::new(a.range().start(), TextSize::new(b_end as u32));
            return Some(self.at("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", r));
        }
        if matches!(a, Expr::List(_) | Expr::Tuple(_) | Expr::Generator(_) | Expr::BooleanLiteral(_) | Expr::NoneLiteral(_)) {
            return None;
        }
        Some(self.at(format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(a)), a.range()))
    }

    /// The last non-blank byte before `at`, skipping comments.
    fn prev_token_end(&self, at: usize) -> usize {
        let b = self.src.source.as_bytes();
        let mut i = at.min(b.len());
        loop {
            while i > 0 && matches!(b[i - 1], b' ' | b'\t' | b'\n' | b'\r' | 0x0c) {
                i -= 1;
            }
            // a comment: the line's text before '#' (strings are not considered)
            let ls = b[..i].iter().rposition(|&c| c == b'\n').map(|x| x + 1).unwrap_or(0);
            match b[ls..i].iter().position(|&c| c == b'#') {
                Some(h) if i > 0 => i = ls + h,
                _ => return i,
            }
        }
    }

    fn expr_at(&self, range: TextRange) -> Option<&'a Expr> {
        self.ix.exprs.iter().copied().find(|e| e.range() == range)
    }

    fn map(&self, err: &ParseErrorType, text: &str, range: TextRange) -> CompileError {
        let start = range.start().to_usize();
        let end = range.end().to_usize();
        let snippet = self.src.source.get(start..end.min(self.src.source.len())).unwrap_or("");
        let line = self.src.line_of(range.start());
        let line_text = self.src.line_text(line);
        if !matches!(err, ParseErrorType::Lexical(_)) {
            if let Some(e) = self.maybe_meant_equal(start) {
                return e;
            }
        }
        if text == "Bytes literal cannot be mixed with non-bytes literals" {
            return self.at("cannot mix bytes and nonbytes literals", range);
        }
        match err {
            ParseErrorType::UnexpectedIndentation => {
                let mut e = self.at("unexpected indent", range);
                e.kind = ErrorKind::IndentationError;
                e.line = self.src.line_of(range.end());
                e.end_line = e.line;
                e.col = self.src.col_of(range.end()) as i32;
                e.end_col = -1;
                return e;
            }
            ParseErrorType::Lexical(LexicalErrorType::IndentationError) => {
                let mut e = self.at("unindent does not match any outer indentation level", range);
                e.kind = ErrorKind::IndentationError;
                e.col = line_text.trim_end_matches(['\n', '\r']).chars().count() as i32 + 1;
                e.end_col = -1;
                return e;
            }
            ParseErrorType::Lexical(LexicalErrorType::Eof) => {
                return self.never_closed().unwrap_or_else(|| self.eof_error());
            }
            ParseErrorType::ExpectedToken { expected: TokenKind::Colon, found } => {
                if *found == TokenKind::Newline {
                    return self.at_newline("expected ':'", start);
                }
                let head = self.header_keyword(start);
                if matches!(head.as_str(), "def" | "try" | "else" | "finally") {
                    let r = TextRange::new(range.start(), TextSize::new(self.token_end(start) as u32));
                    return self.at("expected ':'", r);
                }
                return self.generic(start);
            }
            ParseErrorType::ExpectedToken { expected: TokenKind::Else, .. } => {
                if let Some(e) = self.missing_else(start) {
                    return e;
                }
                return self.generic(start);
            }
            ParseErrorType::ExpectedToken { expected: TokenKind::Comma, found } => {
                if matches!(found, TokenKind::PlusEqual | TokenKind::MinusEqual | TokenKind::StarEqual | TokenKind::SlashEqual
                    | TokenKind::DoubleSlashEqual | TokenKind::PercentEqual | TokenKind::DoubleStarEqual | TokenKind::AmperEqual
                    | TokenKind::VbarEqual | TokenKind::CircumflexEqual | TokenKind::LeftShiftEqual | TokenKind::RightShiftEqual
                    | TokenKind::AtEqual)
                {
                    // `a, b += 1`: the target is the tuple from the statement's start
                    let ls = self.src.source[..start].rfind('\n').map(|i| i + 1).unwrap_or(0);
                    let first = ls + line_text.len() - line_text.trim_start().len();
                    let last = self.prev_token_end(start);
                    let r = TextRange::new(TextSize::new(first as u32), TextSize::new(last as u32));
                    return self.at("'tuple' is an illegal expression for augmented assignment", r);
                }
                if let Some(e) = self.forgot_comma(start) {
                    return e;
                }
                return self.generic(start);
            }
            ParseErrorType::NonDefaultParamAfterDefaultParam => return self.at("non-default argument follows default argument", range),
            ParseErrorType::ExpectedKeywordParam => {
                let star = self.src.source[..start].rfind('*').unwrap_or(start);
                let p = TextSize::new(star as u32);
                return self.at("named arguments must follow bare *", TextRange::new(p, p + TextSize::new(1)));
            }
            ParseErrorType::ParamAfterVarKeywordParam => return self.at("arguments cannot follow var-keyword argument", range),
            ParseErrorType::VarParameterWithDefault if self.star_annotated_param(start) => return self.invalid_syntax_at(start),
            ParseErrorType::InvalidStarredExpressionUsage => {
                let before = self.src.source[..start].trim_end();
                if let Some(arrow) = before.strip_suffix("->").map(str::len) {
                    // `def f() -> *Ts:`: the return annotation fails, and then the colon
                    let p = TextSize::new(arrow as u32);
                    return self.at("expected ':'", TextRange::new(p, p + TextSize::new(2)));
                }
                let after = end + (self.src.source[end..].len() - self.src.source[end..].trim_start_matches([' ', '\t']).len());
                if before.ends_with(['[', ',']) && self.byte(after) == b':' {
                    // `x[*a:b]`: a starred subscript ends at the colon
                    return self.invalid_syntax_at(after);
                }
            }
            ParseErrorType::VarParameterWithDefault => {
                let msg = if snippet.starts_with("**") || self.src.source[..start].trim_end().ends_with("**") {
                    "var-keyword argument cannot have default value"
                } else {
                    "var-positional argument cannot have default value"
                };
                return self.at(msg, range);
            }
            ParseErrorType::PositionalAfterKeywordArgument => return self.at("positional argument follows keyword argument", range),
            ParseErrorType::PositionalAfterKeywordUnpacking => return self.at("positional argument follows keyword argument unpacking", range),
            ParseErrorType::InvalidArgumentUnpackingOrder => {
                let mut e = self.at("iterable argument unpacking follows keyword argument unpacking", range);
                e.end_col = e.col + 1;
                return e;
            }
            ParseErrorType::UnparenthesizedGeneratorExpression => return self.at("Generator expression must be parenthesized", range),
            ParseErrorType::InvalidAssignmentTarget => {
                if let Some(e) = self.assign_target(range) {
                    return e;
                }
            }
            ParseErrorType::InvalidDeleteTarget => {
                if let Some(t) = self.expr_at(range) {
                    if let Some(bad) = invalid_target(t, Targets::Del) {
                        return self.at(format!("cannot delete {}", expr_name(bad)), bad.range());
                    }
                }
            }
            ParseErrorType::InvalidAugmentedAssignmentTarget => {
                if let Some(t) = self.expr_at(range) {
                    return self.at(format!("'{}' is an illegal expression for augmented assignment", expr_name(t)), range);
                }
            }
            ParseErrorType::InvalidAnnotatedAssignmentTarget => {
                let msg = match self.expr_at(range) {
                    Some(Expr::Tuple(_)) => "only single target (not tuple) can be annotated",
                    Some(Expr::List(_)) => "only single target (not list) can be annotated",
                    _ => "illegal target for annotation",
                };
                return self.at(msg, range);
            }
            ParseErrorType::InvalidNamedAssignmentTarget => {
                let what = self.expr_at(range).map(expr_name).unwrap_or("expression");
                return self.at(format!("cannot use assignment expressions with {what}"), range);
            }
            ParseErrorType::SimpleStatementsOnSameLine => {
                let trimmed = line_text.trim_start();
                for kw in ["print", "exec"] {
                    let before = self.src.source[..start].trim_end();
                    if trimmed.starts_with(kw) && before.ends_with(kw) && !snippet.starts_with('(') && !snippet.starts_with('=') {
                        let kw_at = before.len() - kw.len();
                        let stmt_end = self.src.source[start..].find('\n').map(|i| start + i).unwrap_or(self.src.source.len());
                        let r = TextRange::new(TextSize::new(kw_at as u32), TextSize::new(stmt_end as u32));
                        return self.at(format!("Missing parentheses in call to '{kw}'. Did you mean {kw}(...)?"), r);
                    }
                }
            }
            _ => {}
        }
        if let Some(rest) = text.strip_prefix("Expected an indented block after ") {
            return self.expected_block(rest, range);
        }
        if text.contains("Expected `except` or `finally` after `try` block") {
            let last = self.prev_token_end(start);
            let p = TextSize::new(last as u32);
            let mut e = self.at("expected 'except' or 'finally' block", TextRange::new(p, p));
            e.end_col = -1;
            return e;
        }
        if text.contains("missing closing quote") {
            let last_line = self.src.line_of(TextSize::new(self.src.source.len() as u32));
            let triple = snippet.starts_with("\"\"\"") || snippet.starts_with("'''");
            let msg = if triple {
                format!("unterminated triple-quoted string literal (detected at line {last_line})")
            } else {
                format!("unterminated string literal (detected at line {line})")
            };
            let mut e = self.at(msg, range);
            e.end_col = e.col;
            return e;
        }
        if start >= self.src.source.len() {
            if let Some(e) = self.never_closed() {
                return e;
            }
        }
        self.generic(start)
    }

    /// The keyword of the compound statement whose header holds `at`.
    fn header_keyword(&self, at: usize) -> String {
        let mut line = self.src.line_of(TextSize::new(at as u32));
        loop {
            let t = self.src.line_text(line);
            let w: String = t.trim_start().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            let w = if w == "async" {
                t.trim_start()[5..].trim_start().chars().take_while(|c| c.is_alphanumeric()).collect()
            } else {
                w
            };
            if matches!(w.as_str(), "def" | "class" | "if" | "elif" | "else" | "while" | "for" | "with" | "try" | "except" | "finally" | "match" | "case")
                || line <= 1
            {
                return w;
            }
            line -= 1;
        }
    }

    fn expected_block(&self, rest: &str, range: TextRange) -> CompileError {
        let start = range.start().to_usize();
        let colon = self.prev_token_end(start).saturating_sub(1);
        let colon_line = self.src.line_of(TextSize::new(colon as u32));
        let head = self.header_keyword(colon);
        let mut opener = colon_line;
        while opener > 1 {
            let t = self.src.line_text(opener);
            let w = t.trim_start();
            if w.starts_with(head.as_str()) || w.starts_with("async") {
                break;
            }
            opener -= 1;
        }
        let what = match rest {
            "`class` definition" => "class definition".to_string(),
            "function definition" => "function definition".to_string(),
            _ => {
                let kw = rest.split('`').nth(1).unwrap_or("");
                let line_text = self.src.line_text(opener);
                let kw = if kw == "except" && line_text.trim_start().starts_with("except*") { "except*" } else { kw };
                format!("'{kw}' statement")
            }
        };
        // at the first token of the next statement, or at the end of the header's line
        let c = self.byte(start);
        let mut e = if start >= self.src.source.len() || c == b'\n' || c == b'\r' {
            let mut e = self.at_newline("", start);
            e.end_col = -1;
            e
        } else {
            self.at("", TextRange::new(range.start(), TextSize::new(self.token_end(start) as u32)))
        };
        e.msg = format!("expected an indented block after {what} on line {opener}");
        e.kind = ErrorKind::IndentationError;
        e
    }

    /// `a if b` with no else: CPython's "expected 'else' after 'if' expression" over `a if b`.
    fn missing_else(&self, at: usize) -> Option<CompileError> {
        let e = self
            .ix
            .exprs
            .iter()
            .filter_map(|e| if let Expr::If(i) = e { Some(i) } else { None })
            .filter(|i| i.test.range().end().to_usize() <= at && i.range.start().to_usize() < at)
            .max_by_key(|i| i.test.range().end())?;
        let r = TextRange::new(e.body.range().start(), e.test.range().end());
        Some(self.at("expected 'else' after 'if' expression", r))
    }

    /// Two expressions side by side inside brackets: "Perhaps you forgot a comma?".
    fn forgot_comma(&self, at: usize) -> Option<CompileError> {
        if self.depth_at(at) == 0 {
            return None;
        }
        let prev_end = self.prev_token_end(at);
        let a = self.ix.exprs.iter().copied().filter(|e| e.range().end().to_usize() == prev_end).min_by_key(|e| e.range().start())?;
        let b = self.ix.exprs.iter().copied().filter(|e| e.range().start().to_usize() == at).max_by_key(|e| e.range().end())?;
        let disjunction = !matches!(a, Expr::Lambda(_) | Expr::If(_) | Expr::Named(_) | Expr::Starred(_) | Expr::Yield(_) | Expr::YieldFrom(_) | Expr::Slice(_))
            && !matches!(a, Expr::Tuple(t) if !t.parenthesized)
            && !matches!(a, Expr::Generator(g) if !g.parenthesized);
        if !disjunction || !matches!(b, e if !matches!(e, Expr::Lambda(_) | Expr::Starred(_) | Expr::Slice(_))) {
            return None;
        }
        if let Expr::Name(n) = a {
            if matches!(b, Expr::StringLiteral(_) | Expr::BytesLiteral(_) | Expr::FString(_)) || matches!(n.id.as_str(), "match" | "case" | "_" | "type") {
                return None;
            }
        }
        if let Some(e) = self.never_closed() {
            if self.scan.unclosed.is_some_and(|(_, p)| p < at) {
                return Some(e);
            }
        }
        let r = TextRange::new(a.range().start(), b.range().end());
        Some(self.at("invalid syntax. Perhaps you forgot a comma?", r))
    }

    /// An invalid assignment target (in `=`, `for`, `with ... as`, comprehensions).
    fn assign_target(&self, range: TextRange) -> Option<CompileError> {
        let t = self.expr_at(range)?;
        // the statement it belongs to
        let stmt = self.ix.stmts.iter().copied().filter(|s| s.range().contains_range(range)).min_by_key(|s| s.range().len());
        let kind = match stmt {
            Some(Stmt::For(f)) if f.target.range().contains_range(range) => Targets::For,
            _ => Targets::Store,
        };
        if let Some(Stmt::Assign(a)) = stmt {
            let idx = a.targets.iter().position(|x| x.range().contains_range(range));
            if idx == Some(0) && a.targets.len() == 1 {
                let first = &a.targets[0];
                let last = match first {
                    Expr::Tuple(tp) if !tp.parenthesized => tp.elts.last(),
                    _ => Some(first),
                };
                let value_ok = !matches!(&*a.value, Expr::Lambda(_) | Expr::Yield(_) | Expr::YieldFrom(_) | Expr::Starred(_))
                    && !matches!(&*a.value, Expr::UnaryOp(u) if u.op == ruff_python_ast::UnaryOp::Not)
                    && !matches!(&*a.value, Expr::Tuple(tp) if !tp.parenthesized && matches!(tp.elts.first(), Some(Expr::Starred(_))));
                if let Some(e) = last {
                    let excluded = matches!(e, Expr::List(_) | Expr::Tuple(_) | Expr::NoneLiteral(_) | Expr::BooleanLiteral(_))
                        || matches!(e, Expr::Generator(g) if g.parenthesized);
                    let bitwise_or = !matches!(e, Expr::Compare(_) | Expr::BoolOp(_) | Expr::Lambda(_) | Expr::If(_) | Expr::Starred(_))
                        && !matches!(e, Expr::UnaryOp(u) if u.op == ruff_python_ast::UnaryOp::Not);
                    if value_ok && !excluded && bitwise_or {
                        if let Expr::Name(_) = e {
                            let r = TextRange::new(e.range().start(), a.value.range().end());
                            return Some(self.at("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", r));
                        }
                        return Some(self.at(format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(e)), e.range()));
                    }
                }
            }
            if idx.is_some_and(|i| i > 0) {
                if let Some(Expr::Yield(_) | Expr::YieldFrom(_)) = Some(t) {
                    return Some(self.at("assignment to yield expression not possible", range));
                }
            }
        }
        let bad = invalid_target(t, kind).unwrap_or(t);
        Some(self.at(format!("cannot assign to {}", expr_name(bad)), bad.range()))
    }
}

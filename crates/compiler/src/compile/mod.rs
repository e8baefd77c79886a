//! AST → bytecode. `unit.rs` builds one code object (emission, labels, stack depth,
//! exception table); `stmt.rs`, `expr.rs` and `pattern.rs` translate the tree.

mod expr;
mod forbidden;
mod future;
mod pattern;
mod stmt;
mod surrogates;
mod unit;
mod warn;

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};
use std::rc::Rc;

use crate::code::{flags, CodeObject, Const, Loc};
use crate::error::{CompileError, CompileWarning, SourceMap, Stage, WarningCategory};
use crate::opcode::Instr;
use crate::symtable::{mangle, NameScope, ScopeKind, SymbolTable};
pub(crate) use unit::{Label, Unit};

/// What kind of top-level code is being compiled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module or script: statements.
    Exec,
    /// A single expression (eval): the code returns its value.
    Eval,
    /// REPL input: expression statements echo their values.
    Single,
}

/// Why a block is being unwound by break, continue or return.
#[derive(Clone, Copy)]
pub(crate) enum FBlock<'a> {
    While { start: Label, end: Label },
    For { start: Label, end: Label },
    /// The body of a try with a finally: unwinding runs the finally body.
    FinallyTry { body: &'a [Stmt] },
    /// A finally body running for an exception: [prev_exc, exc] on the stack.
    FinallyEnd,
    /// An except body: [prev_exc] on the stack (and the bound name to clear).
    Handler { name: Option<&'a str> },
    /// An except* body: break, continue and return may not leave it.
    StarHandler,
    /// A with body: the bound `__exit__` on the stack.
    With { is_async: bool },
    /// The body of a try/except: nothing to emit, but the handler is popped.
    TryExcept,
    /// A finally body inlined by a return: the return value under it on the stack.
    PopValue,
}

pub struct Compiler<'a> {
    pub(crate) src: &'a SourceMap,
    pub(crate) table: SymbolTable,
    pub(crate) units: Vec<Unit<'a>>,
    pub(crate) mode: Mode,
    /// `from __future__ import annotations` seen.
    pub(crate) future_annotations: bool,
    /// The line of the last leading future import (0: none).
    pub(crate) future_lineno: u32,
    /// Warnings met so far (CPython's compiler_warn).
    pub(crate) warnings: Vec<CompileWarning>,
}

pub(crate) type CResult<T> = Result<T, CompileError>;

impl<'a> Compiler<'a> {
    pub(crate) fn unit(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("a code unit is always open while compiling")
    }
    pub(crate) fn u(&self) -> &Unit<'a> {
        self.units.last().expect("a code unit is always open while compiling")
    }

    /// An error of CPython's code generator (compiler_error): `text` comes from the file.
    pub(crate) fn err(&self, msg: impl Into<String>, node: impl Ranged) -> CompileError {
        self.src.syntax_error(msg.into(), node.range()).at_stage(Stage::Compiler)
    }

    /// An error CPython's parser raises but that ruff's leaves to the compiler here.
    pub(crate) fn parse_err(&self, msg: impl Into<String>, node: impl Ranged) -> CompileError {
        self.src.syntax_error(msg.into(), node.range())
    }

    /// An error at the statement being compiled.
    pub(crate) fn err_here(&self, msg: impl Into<String>) -> CompileError {
        let loc = self.u().loc;
        let mut e = CompileError::syntax(msg.into(), self.src, loc.line);
        e.col = self.src.char_col(loc.line, loc.col) as i32 + 1;
        e.end_line = loc.end_line;
        e.end_col = self.src.char_col(loc.end_line, loc.end_col) as i32 + 1;
        e.at_stage(Stage::Compiler)
    }

    pub(crate) fn set_loc(&mut self, range: TextRange) {
        let loc = Loc {
            line: self.src.line_of(range.start()),
            end_line: self.src.line_of(range.end()),
            col: self.src.byte_col_of(range.start()),
            end_col: self.src.byte_col_of(range.end()),
        };
        self.unit().loc = loc;
    }

    /// A statement's range as CPython's AST has it: a decorated def or class starts at its
    /// `def`, `async` or `class` keyword, not at the first decorator.
    pub(crate) fn stmt_range(&self, s: &Stmt) -> TextRange {
        stmt_range(self.src, s)
    }

    pub(crate) fn emit(&mut self, i: Instr) {
        self.unit().emit(i);
    }
    pub(crate) fn emit_jump(&mut self, i: Instr, l: Label) {
        self.unit().emit_jump(i, l);
    }
    pub(crate) fn new_label(&mut self) -> Label {
        self.unit().new_label()
    }
    pub(crate) fn bind(&mut self, l: Label) {
        self.unit().bind(l);
    }
    pub(crate) fn load_const(&mut self, c: Const) {
        let i = self.unit().add_const(c);
        self.emit(Instr::LoadConst(i));
    }

    pub(crate) fn mangle(&self, name: &str) -> String {
        mangle(self.u().class_name.as_deref(), name)
    }

    /// Emits a load, store or delete of a plain name, choosing the instruction by scope.
    pub(crate) fn name_op(&mut self, name: &str, ctx: ast::ExprContext) {
        let mangled = self.mangle(name);
        let scope_id = self.u().scope;
        let sc = &self.table.scopes[scope_id];
        let kind = sc.kind;
        let mut ns = sc.lookup(&mangled);
        let declared_nonlocal = sc.flags_of(&mangled) & crate::symtable::DEF_NONLOCAL != 0;
        // `__class__` and `super` inside methods come from the implicit cell.
        if ns == NameScope::GlobalImplicit && sc.freevars.iter().any(|f| f == &mangled) {
            ns = NameScope::Free;
        }
        let u = self.unit();
        match ns {
            NameScope::Free | NameScope::Cell => {
                let idx = u.deref_index(&mangled);
                let instr = match ctx {
                    ast::ExprContext::Load => {
                        if kind == ScopeKind::Class && ns == NameScope::Free {
                            Instr::LoadClassDeref(idx)
                        } else {
                            Instr::LoadDeref(idx)
                        }
                    }
                    ast::ExprContext::Store => Instr::StoreDeref(idx),
                    _ => Instr::DeleteDeref(idx),
                };
                // In a class body, an assigned name is local even if a method closes over
                // a variable of the same name in an enclosing function (unless declared nonlocal).
                if kind == ScopeKind::Class && ctx != ast::ExprContext::Load && !declared_nonlocal {
                    let n = u.add_name(&mangled);
                    u.emit(if ctx == ast::ExprContext::Store { Instr::StoreName(n) } else { Instr::DeleteName(n) });
                } else {
                    u.emit(instr);
                }
            }
            NameScope::Local if kind.is_function_like() => {
                let idx = u.varname_index(&mangled);
                u.emit(match ctx {
                    ast::ExprContext::Load => Instr::LoadFast(idx),
                    ast::ExprContext::Store => Instr::StoreFast(idx),
                    _ => Instr::DeleteFast(idx),
                });
            }
            NameScope::GlobalExplicit => {
                let n = u.add_name(&mangled);
                u.emit(match ctx {
                    ast::ExprContext::Load => Instr::LoadGlobal(n),
                    ast::ExprContext::Store => Instr::StoreGlobal(n),
                    _ => Instr::DeleteGlobal(n),
                });
            }
            NameScope::GlobalImplicit if kind.is_function_like() => {
                let n = u.add_name(&mangled);
                u.emit(match ctx {
                    ast::ExprContext::Load => Instr::LoadGlobal(n),
                    ast::ExprContext::Store => Instr::StoreGlobal(n),
                    _ => Instr::DeleteGlobal(n),
                });
            }
            _ => {
                let n = u.add_name(&mangled);
                u.emit(match ctx {
                    ast::ExprContext::Load => Instr::LoadName(n),
                    ast::ExprContext::Store => Instr::StoreName(n),
                    _ => Instr::DeleteName(n),
                });
            }
        }
    }

    pub(crate) fn store_name(&mut self, name: &str) {
        self.name_op(name, ast::ExprContext::Store);
    }
    pub(crate) fn load_name(&mut self, name: &str) {
        if name == "__debug__" {
            // a constant, as CPython's AST optimizer makes it
            self.load_const(Const::Bool(crate::optimize() == 0));
            return;
        }
        self.name_op(name, ast::ExprContext::Load);
    }

    /// Opens a code unit for the scope keyed by `key`.
    pub(crate) fn enter_scope(&mut self, key: crate::symtable::ScopeKey, name: &str, line: u32) -> CResult<()> {
        let scope = *self
            .table
            .by_node
            .get(&key)
            .ok_or_else(|| CompileError::syntax("internal error: scope not found".into(), self.src, line))?;
        let sc = &self.table.scopes[scope];
        let parent_qual = self.units.last().map(|u| {
            let psc = &self.table.scopes[u.scope];
            match psc.kind {
                ScopeKind::Module => String::new(),
                ScopeKind::Class => format!("{}.", u.qualname),
                _ => format!("{}.<locals>.", u.qualname),
            }
        });
        let mut qualname = format!("{}{}", parent_qual.unwrap_or_default(), name);
        // A function declared global keeps its plain name as qualname.
        if let Some(u) = self.units.last() {
            let psc = &self.table.scopes[u.scope];
            if psc.kind.is_function_like() && psc.lookup(&mangle(u.class_name.as_deref(), name)) == NameScope::GlobalExplicit {
                qualname = name.to_string();
            }
        }
        let class_name = if sc.kind == ScopeKind::Class {
            Some(name.to_string())
        } else {
            self.units.last().and_then(|u| u.class_name.clone())
        };
        let mut unit = Unit::new(scope, name, &qualname, line, class_name);
        for c in &sc.cellvars {
            unit.cellvars.push(c.clone());
        }
        for f in &sc.freevars {
            unit.freevars.push(f.clone());
        }
        for p in &sc.params {
            unit.varname_index(p);
        }
        let mut fl = 0;
        if sc.kind.is_function_like() {
            if self.units.len() > 1 {
                fl |= flags::NESTED;
            }
            match (sc.is_generator, sc.is_coroutine) {
                (true, true) => fl |= flags::ASYNC_GENERATOR,
                (true, false) => fl |= flags::GENERATOR,
                (false, true) => fl |= flags::COROUTINE,
                _ => {}
            }
        } else {
            fl |= flags::NAMESPACE;
        }
        unit.flags = fl;
        self.units.push(unit);
        Ok(())
    }

    /// Closes the innermost unit into a code object.
    pub(crate) fn exit_scope(&mut self) -> CResult<CodeObject> {
        let unit = self.units.pop().ok_or_else(|| CompileError::syntax("internal error: no unit".into(), self.src, 1))?;
        let sc = &self.table.scopes[unit.scope];
        let cell_params: Vec<(u32, u32)> = unit
            .cellvars
            .iter()
            .enumerate()
            .filter_map(|(ci, c)| sc.params.iter().position(|p| p == c).map(|pi| (ci as u32, pi as u32)))
            .collect();
        unit.finish(Rc::clone(&self.src.filename), cell_params)
            .map_err(|m| CompileError::syntax(m, self.src, 1))
    }

    /// Emits a closure-building sequence for `code` and `MakeFunction`.
    pub(crate) fn make_closure(&mut self, code: CodeObject, mut fn_flags: u32) {
        if !code.freevars.is_empty() {
            for name in code.freevars.clone() {
                // The cell comes from this unit's cells or free variables.
                let u = self.unit();
                let idx = u.deref_index(&name);
                u.emit(Instr::LoadClosure(idx));
            }
            let n = code.freevars.len() as u32;
            self.emit(Instr::BuildTuple(n));
            fn_flags |= crate::opcode::make_fn::CLOSURE;
        }
        self.load_const(Const::Code(Rc::new(code)));
        self.emit(Instr::MakeFunction(fn_flags));
    }

    pub(crate) fn is_docstring(body: &[Stmt]) -> Option<String> {
        // -OO drops docstrings (the string is then an expression statement, which costs nothing)
        if crate::optimize() >= 2 {
            return None;
        }
        if let Some(Stmt::Expr(e)) = body.first() {
            if let Expr::StringLiteral(s) = &*e.value {
                return Some(s.value.to_str().to_string());
            }
        }
        None
    }
}

impl ScopeKind {
    pub fn is_function_like(self) -> bool {
        matches!(self, ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension)
    }
}

/// Compiles a parsed module to its code object.
/// A statement's range as CPython's AST has it: a decorated def or class starts at its
/// `def`, `async` or `class` keyword, not at the first decorator.
pub fn stmt_range(src: &SourceMap, s: &Stmt) -> TextRange {
    let (name_start, is_async) = match s {
        Stmt::FunctionDef(f) if !f.decorator_list.is_empty() => (f.name.range.start(), f.is_async),
        Stmt::ClassDef(c) if !c.decorator_list.is_empty() => (c.name.range.start(), false),
        _ => return s.range(),
    };
    let text = src.source.as_bytes();
    // back over the blanks (and line continuations) and the keyword(s) before the name
    let mut at = name_start.to_usize().min(text.len());
    for _ in 0..(1 + usize::from(is_async)) {
        while at > 0 && matches!(text[at - 1], b' ' | b'\t' | b'\x0c' | b'\\' | b'\n' | b'\r') {
            at -= 1;
        }
        while at > 0 && text[at - 1].is_ascii_alphabetic() {
            at -= 1;
        }
    }
    let start = ruff_text_size::TextSize::try_from(at).unwrap_or(name_start);
    TextRange::new(start.max(s.range().start()), s.range().end())
}

/// The constant of a string literal (rebuilding lone surrogates from the source text).
pub fn str_const(src: &SourceMap, v: &ast::StringLiteralValue) -> Const {
    match surrogates::literal_code_points(&src.source, v.iter()) {
        Some(cps) => Const::StrCps(cps),
        None => Const::Str(v.to_str().to_string()),
    }
}

pub fn compile_module(body: &[Stmt], src: &SourceMap, mode: Mode, warnings: &mut Vec<CompileWarning>) -> CResult<CodeObject> {
    let ff = future::parse(body, src)?;
    let table = SymbolTable::build(body, src)?;
    let debug = forbidden::find(body, src);
    first_error(debug, compile_body(body, src, mode, table, ff, warnings))
}

/// Of a `__debug__` binding and the code generator's own error, the one CPython meets first.
fn first_error(debug: Option<CompileError>, r: CResult<CodeObject>) -> CResult<CodeObject> {
    match (debug, r) {
        (None, r) => r,
        (Some(d), Ok(_)) => Err(d),
        (Some(d), Err(e)) => Err(if (d.line, d.col) <= (e.line, e.col) { d } else { e }),
    }
}

fn compile_body(
    body: &[Stmt],
    src: &SourceMap,
    mode: Mode,
    table: SymbolTable,
    ff: future::Features,
    warnings: &mut Vec<CompileWarning>,
) -> CResult<CodeObject> {
    let mut c =
        Compiler { src, table, units: Vec::new(), mode, future_annotations: ff.annotations, future_lineno: ff.lineno, warnings: Vec::new() };
    let r = c.compile_module_body(body);
    warnings.append(&mut c.warnings);
    r
}

impl<'a> Compiler<'a> {
    fn compile_module_body(&mut self, body: &'a [Stmt]) -> CResult<CodeObject> {
        let c = self;
        let mut unit = Unit::new(0, "<module>", "<module>", 1, None);
        unit.flags = flags::NAMESPACE;
        for cv in &c.table.scopes[0].cellvars {
            unit.cellvars.push(cv.clone());
        }
        c.units.push(unit);
        c.module_body(body)?;
        c.exit_scope()
    }
}

/// Compiles an expression for eval: the code returns its value.
pub fn compile_expression(e: &Expr, src: &SourceMap, warnings: &mut Vec<CompileWarning>) -> CResult<CodeObject> {
    let stmt = Stmt::Expr(ast::StmtExpr { range: e.range(), node_index: Default::default(), value: Box::new(e.clone()) });
    let body = vec![stmt];
    let table = SymbolTable::build(&body, src)?;
    let debug = forbidden::find(&body, src);
    // the code generator walks the tree the symbol table did (scopes are keyed by node)
    let Some(Stmt::Expr(s)) = body.first() else { return Err(CompileError::syntax("internal error".into(), src, 1)) };
    let mut c = Compiler { src, table, units: Vec::new(), mode: Mode::Eval, future_annotations: false, future_lineno: 0, warnings: Vec::new() };
    let r = c.compile_eval(&s.value);
    warnings.append(&mut c.warnings);
    first_error(debug, r)
}

impl<'a> Compiler<'a> {
    fn compile_eval(&mut self, e: &'a Expr) -> CResult<CodeObject> {
        let mut unit = Unit::new(0, "<module>", "<module>", 1, None);
        unit.flags = flags::NAMESPACE;
        self.units.push(unit);
        self.set_loc(e.range());
        self.expr(e)?;
        self.emit(Instr::ReturnValue);
        self.exit_scope()
    }

    /// CPython's compiler_warn: a SyntaxWarning at the current location.
    pub(crate) fn warn(&mut self, msg: String) {
        let error = self.err_here(msg.clone());
        self.warnings.push(CompileWarning { category: WarningCategory::SyntaxWarning, msg, line: error.line, error });
    }
}

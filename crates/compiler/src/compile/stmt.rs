//! Statements.

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;

use super::{CResult, Compiler, FBlock, Mode};
use crate::code::Const;
use crate::opcode::{make_fn, BinOp, Instr, INPLACE};
use crate::symtable::ScopeKind;

pub(crate) fn binop_of(op: ast::Operator) -> BinOp {
    use ast::Operator as O;
    match op {
        O::Add => BinOp::Add,
        O::Sub => BinOp::Sub,
        O::Mult => BinOp::Mul,
        O::MatMult => BinOp::MatMul,
        O::Div => BinOp::TrueDiv,
        O::Mod => BinOp::Mod,
        O::Pow => BinOp::Pow,
        O::LShift => BinOp::LShift,
        O::RShift => BinOp::RShift,
        O::BitOr => BinOp::Or,
        O::BitXor => BinOp::Xor,
        O::BitAnd => BinOp::And,
        O::FloorDiv => BinOp::FloorDiv,
    }
}

impl<'a> Compiler<'a> {
    pub(crate) fn module_body(&mut self, body: &'a [Stmt]) -> CResult<()> {
        if let Some(doc) = Self::is_docstring(body) {
            if self.mode == Mode::Exec {
                self.set_loc(body[0].range());
                self.load_const(Const::Str(doc));
                self.store_name("__doc__");
            }
        }
        if has_annotations(body) {
            self.emit(Instr::SetupAnnotations);
        }
        let skip = if self.mode == Mode::Exec && Self::is_docstring(body).is_some() { 1 } else { 0 };
        self.stmts(&body[skip..])?;
        self.load_const(Const::None);
        self.emit(Instr::ReturnValue);
        Ok(())
    }

    pub(crate) fn stmts(&mut self, body: &'a [Stmt]) -> CResult<()> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &'a Stmt) -> CResult<()> {
        self.set_loc(self.stmt_range(s));
        match s {
            Stmt::FunctionDef(f) => self.function_def(f),
            Stmt::ClassDef(c) => self.class_def(c),
            Stmt::Return(r) => {
                if !self.table.scopes[self.u().scope].kind.is_function_like() {
                    return Err(self.err("'return' outside function", s));
                }
                let is_async_gen = self.u().flags & crate::code::flags::ASYNC_GENERATOR != 0;
                match &r.value {
                    Some(v) => {
                        if is_async_gen {
                            return Err(self.err("'return' with value in async generator", s));
                        }
                        self.expr(v)?;
                        self.unwind_all(true)?;
                    }
                    None => {
                        self.unwind_all(false)?;
                        self.load_const(Const::None);
                    }
                }
                self.set_loc(s.range());
                self.emit(Instr::ReturnValue);
                Ok(())
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete_target(t)?;
                }
                Ok(())
            }
            Stmt::TypeAlias(_) => Err(self.parse_err("type alias statements require Python 3.12 or later", s)),
            Stmt::Assign(a) => {
                // a, b = x, y: no tuple is built (CPython does the same with SWAP)
                if let ([Expr::Tuple(ast::ExprTuple { elts: targets, .. })], Expr::Tuple(ast::ExprTuple { elts: values, .. })) =
                    (&a.targets[..], &*a.value)
                {
                    let n = targets.len();
                    let plain = |e: &Expr| !matches!(e, Expr::Starred(_));
                    if n == values.len() && (2..=3).contains(&n) && targets.iter().all(plain) && values.iter().all(plain) {
                        for v in values {
                            self.expr(v)?;
                        }
                        self.emit(Instr::Swap(n as u32));
                        for t in targets {
                            self.store_target(t)?;
                        }
                        return Ok(());
                    }
                }
                self.expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Instr::Copy(1));
                    }
                    self.store_target(t)?;
                }
                Ok(())
            }
            Stmt::AugAssign(a) => self.aug_assign(a),
            Stmt::AnnAssign(a) => self.ann_assign(a),
            Stmt::For(f) => self.for_stmt(f),
            Stmt::While(w) => self.while_stmt(w),
            Stmt::If(i) => self.if_stmt(i),
            Stmt::With(w) => self.with_stmt(w, 0),
            Stmt::Match(m) => self.match_stmt(m),
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.set_loc(s.range());
                self.emit(Instr::RaiseVarargs(n));
                Ok(())
            }
            Stmt::Try(t) => {
                if !t.finalbody.is_empty() {
                    self.try_finally(t)
                } else if t.is_star {
                    self.try_star(&t.body, &t.handlers, &t.orelse)
                } else {
                    self.try_except(&t.body, &t.handlers, &t.orelse)
                }
            }
            Stmt::Assert(a) => {
                if matches!(&*a.test, Expr::Tuple(t) if !t.elts.is_empty()) {
                    self.warn("assertion is always true, perhaps remove parentheses?".into());
                }
                if crate::optimize() > 0 {
                    return Ok(());
                }
                let end = self.new_label();
                self.jump_if(&a.test, true, end)?;
                self.emit(Instr::LoadAssertionError);
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                    self.emit(Instr::Call(1));
                }
                self.emit(Instr::RaiseVarargs(1));
                self.bind(end);
                Ok(())
            }
            Stmt::Import(i) => {
                for alias in &i.names {
                    self.load_const(Const::Int(0));
                    self.load_const(Const::None);
                    let n = self.unit().add_name(alias.name.as_str());
                    self.emit(Instr::ImportName(n));
                    match &alias.asname {
                        Some(asname) => {
                            // import a.b.c as d binds the innermost module
                            let parts: Vec<&str> = alias.name.as_str().split('.').collect();
                            for p in &parts[1..] {
                                let n = self.unit().add_name(p);
                                self.emit(Instr::ImportFrom(n));
                                self.emit(Instr::Swap(2));
                                self.emit(Instr::PopTop);
                            }
                            self.store_name(asname.as_str());
                        }
                        None => {
                            let first = alias.name.as_str().split('.').next().unwrap_or("");
                            self.store_name(first);
                        }
                    }
                }
                Ok(())
            }
            Stmt::ImportFrom(i) => {
                let module = i.module.as_ref().map(|m| m.as_str()).unwrap_or("");
                if super::future::is_late(s, self.src, self.future_lineno) {
                    return Err(self.err("from __future__ imports must occur at the beginning of the file", s));
                }
                self.load_const(Const::Int(i.level as i64));
                let names: Vec<Const> = i.names.iter().map(|a| Const::Str(a.name.to_string())).collect();
                self.load_const(Const::Tuple(names));
                let n = self.unit().add_name(module);
                self.emit(Instr::ImportName(n));
                if i.names.len() == 1 && i.names[0].name.as_str() == "*" {
                    self.emit(Instr::ImportStar);
                    return Ok(());
                }
                for a in &i.names {
                    let n = self.unit().add_name(a.name.as_str());
                    self.emit(Instr::ImportFrom(n));
                    self.store_name(a.asname.as_ref().unwrap_or(&a.name).as_str());
                }
                self.emit(Instr::PopTop);
                Ok(())
            }
            Stmt::Global(_) | Stmt::Nonlocal(_) | Stmt::Pass(_) => Ok(()),
            Stmt::Expr(e) => {
                if self.mode == Mode::Single && self.units.len() == 1 {
                    self.expr(&e.value)?;
                    self.emit(Instr::PrintExpr);
                } else {
                    // A docstring-like constant statement costs nothing.
                    if matches!(&*e.value, Expr::StringLiteral(_) | Expr::NumberLiteral(_) | Expr::EllipsisLiteral(_)) {
                        return Ok(());
                    }
                    self.expr(&e.value)?;
                    self.emit(Instr::PopTop);
                }
                Ok(())
            }
            Stmt::Break(_) => self.break_continue(s, true),
            Stmt::Continue(_) => self.break_continue(s, false),
            Stmt::IpyEscapeCommand(_) => Err(self.parse_err("invalid syntax", s)),
        }
    }

    fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> CResult<()> {
        for d in &f.decorator_list {
            self.expr(&d.expression)?;
        }
        let mut fl = self.defaults(&f.parameters)?;
        if self.annotations(&f.parameters, f.returns.as_deref())? {
            fl |= make_fn::ANNOTATIONS;
        }
        let line = self.src.line_of(f.range.start());
        let code_line = f.decorator_list.first().map(|d| self.src.line_of(d.range.start())).unwrap_or(line);
        self.enter_scope(crate::symtable::scope_key(f), f.name.as_str(), code_line)?;
        self.set_arg_counts(&f.parameters);
        self.unit().doc = Self::is_docstring(&f.body);
        if f.is_async {
            // coroutine flag was set from the symbol table
        }
        let body: &'a [Stmt] = &f.body;
        let skip = if self.u().doc.is_some() { 1 } else { 0 };
        self.stmts(&body[skip..])?;
        self.load_const(Const::None);
        self.emit(Instr::ReturnValue);
        let code = self.exit_scope()?;
        self.make_closure(code, fl);
        self.apply_decorators(&f.decorator_list);
        self.store_name(f.name.as_str());
        Ok(())
    }

    /// Calls the decorators, innermost first, each call located at its decorator.
    fn apply_decorators(&mut self, decorators: &[ast::Decorator]) {
        let saved = self.u().loc;
        for d in decorators.iter().rev() {
            self.set_loc(d.expression.range());
            self.emit(Instr::Call(1));
        }
        self.unit().loc = saved;
    }

    pub(crate) fn set_arg_counts(&mut self, p: &ast::Parameters) {
        let u = self.unit();
        u.posonlyargcount = p.posonlyargs.len() as u32;
        u.argcount = (p.posonlyargs.len() + p.args.len()) as u32;
        u.kwonlyargcount = p.kwonlyargs.len() as u32;
        if p.vararg.is_some() {
            u.flags |= crate::code::flags::VARARGS;
        }
        if p.kwarg.is_some() {
            u.flags |= crate::code::flags::VARKEYWORDS;
        }
    }

    /// Pushes the defaults tuple and keyword-defaults dict; returns the MakeFunction flags.
    pub(crate) fn defaults(&mut self, p: &'a ast::Parameters) -> CResult<u32> {
        let mut fl = 0;
        let pos: Vec<&Expr> = p.posonlyargs.iter().chain(p.args.iter()).filter_map(|a| a.default.as_deref()).collect();
        if !pos.is_empty() {
            for d in &pos {
                self.expr(d)?;
            }
            self.emit(Instr::BuildTuple(pos.len() as u32));
            fl |= make_fn::DEFAULTS;
        }
        let kw: Vec<(&str, &Expr)> = p
            .kwonlyargs
            .iter()
            .filter_map(|a| a.default.as_deref().map(|d| (a.parameter.name.as_str(), d)))
            .collect();
        if !kw.is_empty() {
            for (name, d) in &kw {
                let m = self.mangle(name);
                self.load_const(Const::Str(m));
                self.expr(d)?;
            }
            self.emit(Instr::BuildMap(kw.len() as u32));
            fl |= make_fn::KWDEFAULTS;
        }
        Ok(fl)
    }

    /// Pushes the annotations dict when there are any.
    fn annotations(&mut self, p: &'a ast::Parameters, returns: Option<&'a Expr>) -> CResult<bool> {
        let mut n = 0;
        let all = p.posonlyargs.iter().chain(p.args.iter());
        let mut items: Vec<(&str, &'a Expr)> = Vec::new();
        for a in all {
            if let Some(an) = &a.parameter.annotation {
                items.push((a.parameter.name.as_str(), an));
            }
        }
        if let Some(v) = &p.vararg {
            if let Some(an) = &v.annotation {
                items.push((v.name.as_str(), an));
            }
        }
        for a in p.kwonlyargs.iter() {
            if let Some(an) = &a.parameter.annotation {
                items.push((a.parameter.name.as_str(), an));
            }
        }
        if let Some(v) = &p.kwarg {
            if let Some(an) = &v.annotation {
                items.push((v.name.as_str(), an));
            }
        }
        if let Some(r) = returns {
            items.push(("return", r));
        }
        for (name, an) in items {
            let m = self.mangle(name);
            self.load_const(Const::Str(m));
            self.annotation_value(an)?;
            n += 1;
        }
        if n > 0 {
            self.emit(Instr::BuildMap(n));
        }
        Ok(n > 0)
    }

    fn annotation_value(&mut self, an: &'a Expr) -> CResult<()> {
        if self.future_annotations {
            let text = self.src.source[an.range()].to_string();
            self.load_const(Const::Str(text));
            Ok(())
        } else if let Expr::Starred(s) = an {
            // `*args: *Ts` (PEP 646) evaluates as `[value] = [*Ts]`
            self.expr(&s.value)?;
            self.emit(Instr::UnpackSequence(1));
            Ok(())
        } else {
            self.expr(an)
        }
    }

    fn class_def(&mut self, c: &'a ast::StmtClassDef) -> CResult<()> {
        for d in &c.decorator_list {
            self.expr(&d.expression)?;
        }
        self.emit(Instr::LoadBuildClass);
        let line = self.src.line_of(c.range.start());
        let code_line = c.decorator_list.first().map(|d| self.src.line_of(d.range.start())).unwrap_or(line);
        self.enter_scope(crate::symtable::scope_key(c), c.name.as_str(), code_line)?;
        let body: &'a [Stmt] = &c.body;
        self.set_loc(c.range);
        self.load_name("__name__");
        self.store_name("__module__");
        let q = self.u().qualname.clone();
        self.load_const(Const::Str(q));
        self.store_name("__qualname__");
        let mut skip = 0;
        if let Some(doc) = Self::is_docstring(body) {
            self.load_const(Const::Str(doc));
            self.store_name("__doc__");
            skip = 1;
        }
        if has_annotations(body) {
            self.emit(Instr::SetupAnnotations);
        }
        self.stmts(&body[skip..])?;
        let scope = self.u().scope;
        if self.table.scopes[scope].needs_class_cell {
            let idx = self.unit().deref_index("__class__");
            self.emit(Instr::LoadClosure(idx));
            self.emit(Instr::Copy(1));
            self.store_name_raw("__classcell__");
        } else {
            self.load_const(Const::None);
        }
        self.emit(Instr::ReturnValue);
        let code = self.exit_scope()?;
        self.make_closure(code, 0);
        self.load_const(Const::Str(c.name.to_string()));
        match c.arguments.as_deref() {
            Some(args) => self.call_args(args, 2)?,
            None => self.emit(Instr::Call(2)),
        }
        self.apply_decorators(&c.decorator_list);
        self.store_name(c.name.as_str());
        Ok(())
    }

    fn store_name_raw(&mut self, name: &str) {
        let n = self.unit().add_name(name);
        self.emit(Instr::StoreName(n));
    }

    /// Stores TOS into an assignment target; the store is located at the target.
    pub(crate) fn store_target(&mut self, t: &'a Expr) -> CResult<()> {
        let saved = self.u().loc;
        self.set_loc(t.range());
        let r = self.store_target_here(t);
        self.unit().loc = saved;
        r
    }

    fn store_target_here(&mut self, t: &'a Expr) -> CResult<()> {
        match t {
            Expr::Name(n) => {
                self.store_name(n.id.as_str());
                Ok(())
            }
            Expr::Attribute(_) | Expr::Subscript(_) => self.member_target(t, true),
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                self.unpack_into(elts, t)
            }
            Expr::Starred(_) => Err(self.err("starred assignment target must be in a list or tuple", t)),
            _ => Err(self.parse_err(format!("cannot assign to {}", describe(t)), t)),
        }
    }

    /// Stores into (or deletes) `obj.attr` or `obj[key]`.
    fn member_target(&mut self, t: &'a Expr, store: bool) -> CResult<()> {
        match t {
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.attr_start_loc(a);
                let n = self.mangle(a.attr.as_str());
                let i = self.unit().add_name(&n);
                self.emit(if store { Instr::StoreAttr(i) } else { Instr::DeleteAttr(i) });
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.subscript_slice(&s.slice)?;
                self.emit(if store { Instr::StoreSubscr } else { Instr::DeleteSubscr });
            }
            _ => return Err(self.parse_err("invalid target", t)),
        }
        Ok(())
    }

    fn unpack_into(&mut self, elts: &'a [Expr], whole: &Expr) -> CResult<()> {
        let star = elts.iter().position(|e| matches!(e, Expr::Starred(_)));
        if elts.iter().filter(|e| matches!(e, Expr::Starred(_))).count() > 1 {
            return Err(self.err("multiple starred expressions in assignment", whole));
        }
        match star {
            Some(i) => {
                let after = elts.len() - i - 1;
                if i > 255 || after > (1 << 23) {
                    return Err(self.err("too many expressions in star-unpacking assignment", whole));
                }
                self.emit(Instr::UnpackEx(i as u32 | ((after as u32) << 8)));
            }
            None => self.emit(Instr::UnpackSequence(elts.len() as u32)),
        }
        for e in elts {
            match e {
                Expr::Starred(s) => self.store_target(&s.value)?,
                other => self.store_target(other)?,
            }
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &'a Expr) -> CResult<()> {
        let saved = self.u().loc;
        self.set_loc(t.range());
        let r = self.delete_target_here(t);
        self.unit().loc = saved;
        r
    }

    fn delete_target_here(&mut self, t: &'a Expr) -> CResult<()> {
        match t {
            Expr::Name(n) => {
                self.name_op(n.id.as_str(), ast::ExprContext::Del);
                Ok(())
            }
            Expr::Attribute(_) | Expr::Subscript(_) => self.member_target(t, false),
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                for e in elts {
                    self.delete_target(e)?;
                }
                Ok(())
            }
            _ => Err(self.parse_err(format!("cannot delete {}", describe(t)), t)),
        }
    }

    /// `target op= value`: the target's loads and stores are located at the target, the
    /// operation at the whole statement (as CPython 3.11 does).
    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> CResult<()> {
        let op = binop_of(a.op) as u32 + INPLACE;
        let stmt_loc = self.u().loc;
        self.set_loc(a.target.range());
        match &*a.target {
            Expr::Name(n) => {
                self.load_name(n.id.as_str());
                self.unit().loc = stmt_loc;
                self.expr(&a.value)?;
                self.emit(Instr::BinaryOp(op));
                self.set_loc(a.target.range());
                self.store_name(n.id.as_str());
            }
            Expr::Attribute(at) => {
                self.expr(&at.value)?;
                self.attr_start_loc(at);
                let target_loc = self.u().loc;
                self.emit(Instr::Copy(1));
                let name = self.mangle(at.attr.as_str());
                let i = self.unit().add_name(&name);
                self.emit(Instr::LoadAttr(i));
                self.unit().loc = stmt_loc;
                self.expr(&a.value)?;
                self.emit(Instr::BinaryOp(op));
                self.unit().loc = target_loc;
                self.emit(Instr::Swap(2));
                self.emit(Instr::StoreAttr(i));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.subscript_slice(&s.slice)?;
                self.emit(Instr::Copy(2));
                self.emit(Instr::Copy(2));
                self.emit(Instr::BinarySubscr);
                self.unit().loc = stmt_loc;
                self.expr(&a.value)?;
                self.emit(Instr::BinaryOp(op));
                self.set_loc(a.target.range());
                self.emit(Instr::Swap(3));
                self.emit(Instr::Swap(2));
                self.emit(Instr::StoreSubscr);
            }
            other => return Err(self.parse_err(format!("'{}' is an illegal expression for augmented assignment", describe(other)), other)),
        }
        self.unit().loc = stmt_loc;
        Ok(())
    }

    fn ann_assign(&mut self, a: &'a ast::StmtAnnAssign) -> CResult<()> {
        if let Some(v) = &a.value {
            self.expr(v)?;
            self.store_target(&a.target)?;
        }
        let kind = self.table.scopes[self.u().scope].kind;
        if let Expr::Name(n) = &*a.target {
            if a.simple && matches!(kind, ScopeKind::Module | ScopeKind::Class) {
                self.annotation_value(&a.annotation)?;
                self.load_name_raw("__annotations__");
                let m = self.mangle(n.id.as_str());
                self.load_const(Const::Str(m));
                self.emit(Instr::StoreSubscr);
            }
        } else if matches!(kind, ScopeKind::Module | ScopeKind::Class) && !self.future_annotations {
            self.expr(&a.annotation)?;
            self.emit(Instr::PopTop);
        }
        Ok(())
    }

    fn load_name_raw(&mut self, name: &str) {
        let n = self.unit().add_name(name);
        self.emit(Instr::LoadName(n));
    }

    fn for_stmt(&mut self, f: &'a ast::StmtFor) -> CResult<()> {
        let start = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.expr(&f.iter)?;
        if f.is_async {
            return self.async_for(f, start, cleanup, end);
        }
        self.emit(Instr::GetIter);
        self.bind(start);
        self.set_loc(f.range);
        self.emit_jump(Instr::ForIter(0), cleanup);
        self.store_target(&f.target)?;
        self.unit().fblocks.push(FBlock::For { start, end });
        self.stmts(&f.body)?;
        self.unit().fblocks.pop();
        self.emit_jump(Instr::JumpBackward(0), start);
        self.bind(cleanup);
        self.stmts(&f.orelse)?;
        self.bind(end);
        Ok(())
    }

    fn async_for(&mut self, f: &'a ast::StmtFor, start: super::Label, cleanup: super::Label, end: super::Label) -> CResult<()> {
        self.check_async_allowed(f)?;
        self.emit(Instr::GetAiter);
        self.bind(start);
        let handler = self.new_label();
        self.unit().push_handler(handler);
        self.emit(Instr::GetAnext);
        self.load_const(Const::None);
        self.yield_from_loop(true)?;
        self.unit().pop_handler();
        self.store_target(&f.target)?;
        self.unit().fblocks.push(FBlock::For { start, end });
        self.stmts(&f.body)?;
        self.unit().fblocks.pop();
        self.emit_jump(Instr::JumpBackward(0), start);
        let d = self.u().depth;
        self.unit().bind_handler(handler, d);
        self.emit(Instr::EndAsyncFor);
        self.bind(cleanup);
        self.stmts(&f.orelse)?;
        self.bind(end);
        Ok(())
    }

    pub(crate) fn check_async_allowed(&self, node: impl Ranged) -> CResult<()> {
        if !self.table.scopes[self.u().scope].is_async_def {
            return Err(self.err("'async for' outside async function", node));
        }
        Ok(())
    }

    fn while_stmt(&mut self, w: &'a ast::StmtWhile) -> CResult<()> {
        let start = self.new_label();
        let orelse = self.new_label();
        let end = self.new_label();
        self.bind(start);
        let always = is_const_true(&w.test);
        if !always {
            self.jump_if(&w.test, false, orelse)?;
        }
        self.unit().fblocks.push(FBlock::While { start, end });
        self.stmts(&w.body)?;
        self.unit().fblocks.pop();
        self.set_loc(w.range);
        self.emit_jump(Instr::JumpBackward(0), start);
        self.bind(orelse);
        self.stmts(&w.orelse)?;
        self.bind(end);
        Ok(())
    }

    fn if_stmt(&mut self, i: &'a ast::StmtIf) -> CResult<()> {
        let end = self.new_label();
        let mut next = self.new_label();
        self.jump_if(&i.test, false, next)?;
        self.stmts(&i.body)?;
        for clause in &i.elif_else_clauses {
            self.emit_jump(Instr::Jump(0), end);
            self.bind(next);
            next = self.new_label();
            if let Some(t) = &clause.test {
                // CPython's AST nests an elif as an if statement running from its keyword to
                // the end of the whole chain
                let last = i.elif_else_clauses.last().map(|c| c.range.end()).unwrap_or(clause.range.end());
                self.set_loc(ruff_text_size::TextRange::new(clause.range.start(), last));
                self.jump_if(t, false, next)?;
            }
            self.stmts(&clause.body)?;
        }
        self.bind(next);
        self.bind(end);
        Ok(())
    }

    fn with_stmt(&mut self, w: &'a ast::StmtWith, item: usize) -> CResult<()> {
        let Some(it) = w.items.get(item) else {
            return self.stmts(&w.body);
        };
        if w.is_async {
            if !self.table.scopes[self.u().scope].is_async_def {
                return Err(self.err("'async with' outside async function", w));
            }
        }
        self.expr(&it.context_expr)?;
        let handler = self.new_label();
        let end = self.new_label();
        if w.is_async {
            self.emit(Instr::BeforeAsyncWith);
            self.emit(Instr::GetAwaitable);
            self.load_const(Const::None);
            self.yield_from_loop(false)?;
        } else {
            self.emit(Instr::BeforeWith);
        }
        // [exit, enter_result]
        self.unit().depth -= 1;
        self.unit().push_handler(handler);
        self.unit().depth += 1;
        self.unit().fblocks.push(FBlock::With { is_async: w.is_async });
        match &it.optional_vars {
            Some(v) => self.store_target(v)?,
            None => self.emit(Instr::PopTop),
        }
        self.with_stmt(w, item + 1)?;
        self.unit().fblocks.pop();
        self.unit().pop_handler();
        self.set_loc(w.range);
        self.call_exit_none(w.is_async)?;
        self.emit_jump(Instr::Jump(0), end);
        // exceptional exit: [exit, exc]
        let d = self.u().depth;
        self.unit().bind_handler(handler, d);
        let cleanup = self.new_label();
        self.unit().push_handler(cleanup);
        self.emit(Instr::PushExcInfo);
        // [exit, prev, exc]
        self.emit(Instr::WithExceptStart);
        if w.is_async {
            self.emit(Instr::GetAwaitable);
            self.load_const(Const::None);
            self.yield_from_loop(false)?;
        }
        let suppress = self.new_label();
        self.emit_jump(Instr::PopJumpIfTrue(0), suppress);
        self.emit(Instr::Reraise);
        self.bind(suppress);
        self.unit().pop_handler();
        self.emit(Instr::PopTop);
        self.emit(Instr::PopExcept);
        self.emit(Instr::PopTop);
        self.emit_jump(Instr::Jump(0), end);
        self.emit_cleanup_handler(cleanup, d + 1, true);
        self.bind(end);
        Ok(())
    }

    /// Calls the `__exit__` on the stack with three Nones and drops the result.
    pub(crate) fn call_exit_none(&mut self, is_async: bool) -> CResult<()> {
        self.load_const(Const::None);
        self.load_const(Const::None);
        self.load_const(Const::None);
        self.emit(Instr::Call(3));
        if is_async {
            self.emit(Instr::GetAwaitable);
            self.load_const(Const::None);
            self.yield_from_loop(false)?;
        }
        self.emit(Instr::PopTop);
        Ok(())
    }

    /// The handler that restores the previous exception state when an exception escapes an
    /// except/finally body: stack at entry is [..., prev, exc] with `depth` = position of prev + 1.
    /// With `pop_below`, one more item (a with statement's `__exit__`) is dropped too.
    pub(crate) fn emit_cleanup_handler(&mut self, l: super::Label, depth: i32, pop_below: bool) {
        let skip = self.new_label();
        if !self.u_unreachable() {
            self.emit_jump(Instr::Jump(0), skip);
        }
        self.unit().bind_handler(l, depth);
        // [.., prev, exc2]
        self.emit(Instr::Swap(2));
        self.emit(Instr::PopExcept);
        if pop_below {
            self.emit(Instr::Swap(2));
            self.emit(Instr::PopTop);
        }
        self.emit(Instr::Reraise);
        self.bind(skip);
    }

    fn u_unreachable(&self) -> bool {
        self.u().code.last().map(|i| i.is_terminal()).unwrap_or(false)
    }

    fn try_except(&mut self, body: &'a [Stmt], handlers: &'a [ast::ExceptHandler], orelse: &'a [Stmt]) -> CResult<()> {
        let handler = self.new_label();
        let else_l = self.new_label();
        let end = self.new_label();
        let base_depth = self.u().depth;
        self.unit().push_handler(handler);
        self.unit().fblocks.push(FBlock::TryExcept);
        self.stmts(body)?;
        self.unit().fblocks.pop();
        self.unit().pop_handler();
        self.emit_jump(Instr::Jump(0), else_l);
        self.unit().bind_handler(handler, base_depth);
        let cleanup = self.new_label();
        self.unit().push_handler(cleanup);
        self.emit(Instr::PushExcInfo);
        // [prev, exc]
        for h in handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range);
            let next = self.new_label();
            match &h.type_ {
                Some(ty) => {
                    self.expr(ty)?;
                    self.emit(Instr::CheckExcMatch);
                    self.emit_jump(Instr::PopJumpIfFalse(0), next);
                }
                None => {
                    if !std::ptr::eq(h, last_handler(handlers)) {
                        return Err(self.parse_err("default 'except:' must be last", h));
                    }
                }
            }
            match &h.name {
                Some(name) => {
                    self.store_name(name.as_str());
                    // the body runs under a cleanup that deletes the name
                    let named_cleanup = self.new_label();
                    self.unit().push_handler(named_cleanup);
                    self.unit().fblocks.push(FBlock::Handler { name: Some(name.as_str()) });
                    self.stmts(&h.body)?;
                    self.unit().fblocks.pop();
                    self.unit().pop_handler();
                    self.emit(Instr::PopExcept);
                    self.clear_name(name.as_str());
                    self.emit_jump(Instr::Jump(0), end);
                    let d = self.u().depth;
                    self.unit().bind_handler(named_cleanup, d);
                    self.clear_name(name.as_str());
                    self.emit(Instr::Reraise);
                }
                None => {
                    self.emit(Instr::PopTop);
                    self.unit().fblocks.push(FBlock::Handler { name: None });
                    self.stmts(&h.body)?;
                    self.unit().fblocks.pop();
                    self.emit(Instr::PopExcept);
                    self.emit_jump(Instr::Jump(0), end);
                }
            }
            self.bind(next);
            // after a failed match, the stack is [prev, exc] again
            self.unit().depth = base_depth + 2;
        }
        self.unit().pop_handler();
        if !self.u_unreachable() {
            self.unit().push_handler(cleanup);
            self.emit(Instr::Reraise);
            self.unit().pop_handler();
        }
        self.emit_cleanup_handler(cleanup, base_depth + 1, false);
        self.bind(else_l);
        self.unit().depth = base_depth;
        self.stmts(orelse)?;
        self.bind(end);
        self.unit().depth = base_depth;
        Ok(())
    }

    fn clear_name(&mut self, name: &'a str) {
        self.load_const(Const::None);
        self.store_name(name);
        self.name_op(name, ast::ExprContext::Del);
    }

    fn try_finally(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        let handler = self.new_label();
        let end = self.new_label();
        let base_depth = self.u().depth;
        self.unit().push_handler(handler);
        self.unit().fblocks.push(FBlock::FinallyTry { body: &t.finalbody });
        if t.handlers.is_empty() {
            self.stmts(&t.body)?;
        } else if t.is_star {
            self.try_star(&t.body, &t.handlers, &t.orelse)?;
        } else {
            self.try_except(&t.body, &t.handlers, &t.orelse)?;
        }
        self.unit().fblocks.pop();
        self.unit().pop_handler();
        self.stmts(&t.finalbody)?;
        self.emit_jump(Instr::Jump(0), end);
        // exceptional path: [exc]
        self.unit().bind_handler(handler, base_depth);
        let cleanup = self.new_label();
        self.unit().push_handler(cleanup);
        self.emit(Instr::PushExcInfo);
        self.unit().fblocks.push(FBlock::FinallyEnd);
        self.stmts(&t.finalbody)?;
        self.unit().fblocks.pop();
        self.emit(Instr::Reraise);
        self.unit().pop_handler();
        self.emit_cleanup_handler(cleanup, base_depth + 1, false);
        self.bind(end);
        self.unit().depth = base_depth;
        Ok(())
    }

    fn try_star(&mut self, body: &'a [Stmt], handlers: &'a [ast::ExceptHandler], orelse: &'a [Stmt]) -> CResult<()> {
        let handler = self.new_label();
        let else_l = self.new_label();
        let end = self.new_label();
        let base_depth = self.u().depth;
        self.unit().push_handler(handler);
        self.unit().fblocks.push(FBlock::TryExcept);
        self.stmts(body)?;
        self.unit().fblocks.pop();
        self.unit().pop_handler();
        self.emit_jump(Instr::Jump(0), else_l);
        self.unit().bind_handler(handler, base_depth);
        let cleanup = self.new_label();
        self.unit().push_handler(cleanup);
        self.emit(Instr::PushExcInfo);
        // [prev, orig] -> [prev, orig, raised_list, rest]
        self.emit(Instr::BuildList(0));
        self.emit(Instr::Copy(2));
        for h in handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range);
            let next = self.new_label();
            let no_match = self.new_label();
            let Some(ty) = &h.type_ else {
                return Err(self.parse_err("expected 'except' or 'finally' block", h));
            };
            self.expr(ty)?;
            self.emit(Instr::CheckEgMatch);
            // [.., rest, match]
            self.emit(Instr::Copy(1));
            self.emit_jump(Instr::PopJumpIfNone(0), no_match);
            let body_handler = self.new_label();
            match &h.name {
                Some(name) => self.store_name(name.as_str()),
                None => self.emit(Instr::PopTop),
            }
            let d = self.u().depth;
            self.unit().push_handler(body_handler);
            self.unit().fblocks.push(FBlock::StarHandler);
            self.stmts(&h.body)?;
            self.unit().fblocks.pop();
            self.unit().pop_handler();
            if let Some(name) = &h.name {
                self.clear_name(name.as_str());
            }
            self.emit_jump(Instr::Jump(0), next);
            // an exception from the handler body joins the raised list
            self.unit().bind_handler(body_handler, d);
            self.emit(Instr::ListAppend(2));
            if let Some(name) = &h.name {
                self.clear_name(name.as_str());
            }
            self.emit_jump(Instr::Jump(0), next);
            self.bind(no_match);
            self.unit().depth = d + 1;
            self.emit(Instr::PopTop);
            self.bind(next);
            self.unit().depth = d;
        }
        // [prev, orig, list, rest]
        self.emit(Instr::PrepReraiseStar);
        // [prev, orig, to_raise_or_none]
        let reraise = self.new_label();
        self.emit(Instr::Copy(1));
        self.emit_jump(Instr::PopJumpIfNotNone(0), reraise);
        self.emit(Instr::PopTop);
        self.emit(Instr::PopTop);
        self.emit(Instr::PopExcept);
        self.emit_jump(Instr::Jump(0), end);
        self.bind(reraise);
        self.emit(Instr::Swap(2));
        self.emit(Instr::PopTop);
        self.emit(Instr::Reraise);
        self.unit().pop_handler();
        self.emit_cleanup_handler(cleanup, base_depth + 1, false);
        self.bind(else_l);
        self.unit().depth = base_depth;
        self.stmts(orelse)?;
        self.bind(end);
        self.unit().depth = base_depth;
        Ok(())
    }

    fn break_continue(&mut self, s: &'a Stmt, is_break: bool) -> CResult<()> {
        let what = if is_break { "'break' outside loop" } else { "'continue' not properly in loop" };
        let n = self.u().fblocks.len();
        let saved_handlers = self.u().handlers.clone();
        let saved_depth = self.u().depth;
        for i in (0..n).rev() {
            let fb = self.u().fblocks[i];
            match fb {
                FBlock::While { start, end } | FBlock::For { start, end } => {
                    let is_for = matches!(fb, FBlock::For { .. });
                    if is_break {
                        if is_for {
                            self.emit(Instr::PopTop);
                        }
                        self.emit_jump(Instr::Jump(0), end);
                    } else {
                        self.emit_jump(Instr::JumpBackward(0), start);
                    }
                    self.unit().handlers = saved_handlers;
                    self.unit().depth = saved_depth;
                    return Ok(());
                }
                _ => self.unwind_block(fb, false, i)?,
            }
        }
        self.unit().handlers = saved_handlers;
        Err(self.err(what, s))
    }

    /// Unwinds every block before a return (the return value on TOS when `preserve`).
    fn unwind_all(&mut self, preserve: bool) -> CResult<()> {
        let n = self.u().fblocks.len();
        let saved_handlers = self.u().handlers.clone();
        for i in (0..n).rev() {
            let fb = self.u().fblocks[i];
            if let FBlock::For { .. } = fb {
                if preserve {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopTop);
            } else {
                self.unwind_block(fb, preserve, i)?;
            }
        }
        self.unit().handlers = saved_handlers;
        Ok(())
    }

    fn unwind_block(&mut self, fb: FBlock<'a>, preserve: bool, index: usize) -> CResult<()> {
        match fb {
            FBlock::While { .. } | FBlock::For { .. } => {}
            FBlock::TryExcept => {
                self.unit().pop_handler();
            }
            FBlock::FinallyTry { body } => {
                self.unit().pop_handler();
                // the finally body runs outside its own block
                let saved: Vec<FBlock<'a>> = self.unit().fblocks.drain(index..).collect();
                if preserve {
                    // a break/continue in the body drops the pending return value
                    self.unit().fblocks.push(FBlock::PopValue);
                }
                self.stmts(body)?;
                if preserve {
                    self.unit().fblocks.pop();
                }
                self.unit().fblocks.extend(saved);
            }
            FBlock::FinallyEnd => {
                // [prev, exc (, value)]
                self.unit().pop_handler();
                if preserve {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopTop);
                if preserve {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopExcept);
            }
            FBlock::StarHandler => {
                return Err(self.err_here("'break', 'continue' and 'return' cannot appear in an except* block"));
            }
            FBlock::PopValue => {
                if preserve {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopTop);
            }
            FBlock::Handler { name } => {
                self.unit().pop_handler();
                if preserve {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopExcept);
                if let Some(n) = name {
                    self.clear_name(n);
                }
            }
            FBlock::With { is_async } => {
                self.unit().pop_handler();
                if preserve {
                    self.emit(Instr::Swap(2));
                }
                self.call_exit_none(is_async)?;
            }
        }
        Ok(())
    }
}

fn last_handler(handlers: &[ast::ExceptHandler]) -> *const ast::ExceptHandlerExceptHandler {
    match handlers.last() {
        Some(ast::ExceptHandler::ExceptHandler(h)) => h,
        None => std::ptr::null(),
    }
}

pub(crate) fn is_const_true(e: &Expr) -> bool {
    match e {
        Expr::BooleanLiteral(b) => b.value,
        Expr::NumberLiteral(n) => match &n.value {
            ast::Number::Int(i) => i.as_u64() != Some(0),
            ast::Number::Float(f) => *f != 0.0,
            ast::Number::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        },
        _ => false,
    }
}

fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(a) => a.simple && matches!(&*a.target, Expr::Name(_)),
        Stmt::If(i) => has_annotations(&i.body) || i.elif_else_clauses.iter().any(|c| has_annotations(&c.body)),
        Stmt::For(f) => has_annotations(&f.body) || has_annotations(&f.orelse),
        Stmt::While(w) => has_annotations(&w.body) || has_annotations(&w.orelse),
        Stmt::With(w) => has_annotations(&w.body),
        Stmt::Try(t) => {
            has_annotations(&t.body)
                || has_annotations(&t.orelse)
                || has_annotations(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    has_annotations(&h.body)
                })
        }
        _ => false,
    })
}

/// How CPython names an expression in "cannot assign to ..." messages.
pub(crate) fn describe(e: &Expr) -> &'static str {
    match e {
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Lambda(_) => "lambda",
        Expr::If(_) => "conditional expression",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Generator(_) => "generator expression",
        Expr::Await(_) => "await expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Compare(_) => "comparison",
        Expr::FString(_) => "f-string expression",
        Expr::StringLiteral(_) | Expr::BytesLiteral(_) | Expr::NumberLiteral(_) => "literal",
        Expr::BooleanLiteral(b) => {
            if b.value {
                "True"
            } else {
                "False"
            }
        }
        Expr::NoneLiteral(_) => "None",
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::Named(_) => "named expression",
        _ => "expression",
    }
}

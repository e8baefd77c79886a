//! Expressions, calls, comprehensions, f-strings and conditional jumps.

use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::Ranged;

use super::stmt::binop_of;
use super::{surrogates, CResult, Compiler, Label};
use crate::code::Const;
use crate::symtable::ScopeKind;
use crate::opcode::{fmt_flags, CmpOp, Instr};

impl<'a> Compiler<'a> {
    /// Compiles an expression. Its instructions are located at its range (sub-expressions at
    /// theirs), and the location of what follows is restored, as CPython's compiler_visit_expr does.
    pub(crate) fn expr(&mut self, e: &'a Expr) -> CResult<()> {
        let saved = self.u().loc;
        self.set_loc(e.range());
        let r = self.expr_here(e);
        self.unit().loc = saved;
        r
    }

    fn expr_here(&mut self, e: &'a Expr) -> CResult<()> {
        if let Some(c) = self.const_of(e) {
            self.load_const(c);
            return Ok(());
        }
        match e {
            Expr::BoolOp(b) => {
                let end = self.new_label();
                let n = b.values.len();
                for (i, v) in b.values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < n {
                        let j = match b.op {
                            ast::BoolOp::And => Instr::JumpIfFalseOrPop(0),
                            ast::BoolOp::Or => Instr::JumpIfTrueOrPop(0),
                        };
                        self.emit_jump(j, end);
                    }
                }
                self.bind(end);
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.emit(Instr::Copy(1));
                self.store_target(&n.target)?;
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.emit(Instr::BinaryOp(binop_of(b.op) as u32));
            }
            Expr::UnaryOp(u) => {
                self.expr(&u.operand)?;
                self.emit(match u.op {
                    ast::UnaryOp::Invert => Instr::UnaryInvert,
                    ast::UnaryOp::Not => Instr::UnaryNot,
                    ast::UnaryOp::UAdd => Instr::UnaryPositive,
                    ast::UnaryOp::USub => Instr::UnaryNegative,
                });
            }
            Expr::Lambda(l) => {
                let fl = match &l.parameters {
                    Some(p) => self.defaults(p)?,
                    None => 0,
                };
                let line = self.src.line_of(l.range.start());
                self.enter_scope(crate::symtable::scope_key(l), "<lambda>", line)?;
                if let Some(p) = &l.parameters {
                    self.set_arg_counts(p);
                }
                self.set_loc(l.body.range());
                self.expr(&l.body)?;
                self.emit(Instr::ReturnValue);
                let code = self.exit_scope()?;
                self.make_closure(code, fl);
            }
            Expr::If(i) => {
                let orelse = self.new_label();
                let end = self.new_label();
                self.jump_if(&i.test, false, orelse)?;
                self.expr(&i.body)?;
                self.emit_jump(Instr::Jump(0), end);
                self.bind(orelse);
                self.expr(&i.orelse)?;
                self.bind(end);
            }
            Expr::Dict(d) => {
                let has_unpack = d.items.iter().any(|it| it.key.is_none());
                if !has_unpack && d.items.len() < 256 {
                    for it in &d.items {
                        if let Some(k) = &it.key {
                            self.expr(k)?;
                        }
                        self.expr(&it.value)?;
                    }
                    self.emit(Instr::BuildMap(d.items.len() as u32));
                } else {
                    self.emit(Instr::BuildMap(0));
                    for it in &d.items {
                        match &it.key {
                            Some(k) => {
                                self.expr(k)?;
                                self.expr(&it.value)?;
                                self.emit(Instr::MapAdd(1));
                            }
                            None => {
                                self.expr(&it.value)?;
                                self.emit(Instr::DictUpdate(1));
                            }
                        }
                    }
                }
            }
            Expr::Set(s) => self.sequence(&s.elts, Seq::Set)?,
            Expr::List(l) => self.sequence(&l.elts, Seq::List)?,
            Expr::Tuple(t) => self.sequence(&t.elts, Seq::Tuple)?,
            Expr::ListComp(c) => self.comprehension(c.range, "<listcomp>", &c.generators, Comp::List(&c.elt))?,
            Expr::SetComp(c) => self.comprehension(c.range, "<setcomp>", &c.generators, Comp::Set(&c.elt))?,
            Expr::DictComp(c) => {
                let Some(k) = &c.key else { return Err(self.parse_err("dict unpacking cannot be used in dict comprehension", e)) };
                self.comprehension(c.range, "<dictcomp>", &c.generators, Comp::Dict(k, &c.value))?
            }
            Expr::Generator(g) => self.comprehension(g.range, "<genexpr>", &g.generators, Comp::Gen(&g.elt))?,
            Expr::Await(a) => {
                let sc = &self.table.scopes[self.u().scope];
                if !sc.kind.is_function_like() {
                    return Err(self.err("'await' outside function", e));
                }
                if !sc.is_async_def && sc.kind != ScopeKind::Comprehension {
                    return Err(self.err("'await' outside async function", e));
                }
                self.expr(&a.value)?;
                self.emit(Instr::GetAwaitable);
                self.load_const(Const::None);
                self.yield_from_loop(false)?;
            }
            Expr::Yield(y) => {
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Const::None),
                }
                self.emit(Instr::YieldValue);
            }
            Expr::YieldFrom(y) => {
                if self.u().flags & crate::code::flags::COROUTINE != 0 {
                    return Err(self.err("'yield from' inside async function", e));
                }
                self.expr(&y.value)?;
                self.emit(Instr::GetYieldFromIter);
                self.load_const(Const::None);
                self.yield_from_loop(false)?;
            }
            Expr::Compare(c) => self.compare(c)?,
            Expr::Call(c) => self.call(c)?,
            Expr::FString(f) => self.fstring(f)?,
            Expr::TString(_) => return Err(self.parse_err("template strings require Python 3.14", e)),
            Expr::StringLiteral(_) | Expr::BytesLiteral(_) | Expr::NumberLiteral(_) | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_) | Expr::EllipsisLiteral(_) => {
                // handled by const_of
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.attr_start_loc(a);
                let n = self.mangle(a.attr.as_str());
                let i = self.unit().add_name(&n);
                self.emit(Instr::LoadAttr(i));
            }
            Expr::Subscript(s) => {
                self.check_subscript(&s.value, &s.slice);
                self.expr(&s.value)?;
                self.subscript_slice(&s.slice)?;
                self.emit(Instr::BinarySubscr);
            }
            Expr::Starred(s) => return Err(self.err("can't use starred expression here", s)),
            Expr::Name(n) => {
                self.load_name(n.id.as_str());
            }
            Expr::Slice(s) => {
                for p in [&s.lower, &s.upper] {
                    match p {
                        Some(v) => self.expr(v)?,
                        None => self.load_const(Const::None),
                    }
                }
                match &s.step {
                    Some(st) => {
                        self.expr(st)?;
                        self.emit(Instr::BuildSlice(3));
                    }
                    None => self.emit(Instr::BuildSlice(2)),
                }
            }
            Expr::IpyEscapeCommand(_) => return Err(self.parse_err("invalid syntax", e)),
        }
        Ok(())
    }

    /// The constant an expression folds to, if any.
    pub(crate) fn const_of(&self, e: &Expr) -> Option<Const> {
        Some(match e {
            Expr::NumberLiteral(n) => match &n.value {
                ast::Number::Int(i) => match i.as_i64() {
                    Some(v) => Const::Int(v),
                    None => Const::BigInt(i.to_string()),
                },
                ast::Number::Float(f) => Const::Float(*f),
                ast::Number::Complex { real, imag } => Const::Complex(*real, *imag),
            },
            Expr::StringLiteral(s) => match surrogates::literal_code_points(&self.src.source, s.value.iter()) {
                Some(cps) => Const::StrCps(cps),
                None => Const::Str(s.value.to_str().to_string()),
            },
            Expr::BytesLiteral(b) => {
                let mut v = Vec::new();
                for part in b.value.iter() {
                    v.extend_from_slice(&part.value);
                }
                Const::Bytes(v)
            }
            Expr::BooleanLiteral(b) => Const::Bool(b.value),
            Expr::NoneLiteral(_) => Const::None,
            Expr::EllipsisLiteral(_) => Const::Ellipsis,
            Expr::Tuple(t) if !t.elts.is_empty() || true => {
                let mut items = Vec::with_capacity(t.elts.len());
                for x in &t.elts {
                    items.push(self.const_of(x)?);
                }
                Const::Tuple(items)
            }
            Expr::BinOp(b) => fold_binop(self.const_of(&b.left)?, b.op, self.const_of(&b.right)?)?,
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::USub => match self.const_of(&u.operand)? {
                Const::Int(v) if v != i64::MIN => Const::Int(-v),
                Const::Float(f) => Const::Float(-f),
                Const::Complex(r, i) => Const::Complex(-r, -i),
                _ => return None,
            },
            _ => return None,
        })
    }

    /// A subscript's index; a lone starred one (`x[*a]`, PEP 646) is the tuple `(*a,)`.
    pub(crate) fn subscript_slice(&mut self, slice: &'a Expr) -> CResult<()> {
        if let Expr::Starred(_) = slice {
            return self.sequence(std::slice::from_ref(slice), Seq::Tuple);
        }
        self.expr(slice)
    }

    fn sequence(&mut self, elts: &'a [Expr], kind: Seq) -> CResult<()> {
        let star = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        // CPython builds a constant set display from a frozenset constant, which fixes the
        // set's table layout (and so its iteration order).
        if let (Seq::Set, false, true) = (kind, star, elts.len() > 2) {
            let consts: Option<Vec<Const>> = elts.iter().map(|e| self.const_of(e)).collect();
            if let Some(items) = consts {
                self.emit(Instr::BuildSet(0));
                self.load_const(Const::FrozenSet(items));
                self.emit(Instr::SetUpdate(1));
                return Ok(());
            }
        }
        if !star {
            for e in elts {
                self.expr(e)?;
            }
            let n = elts.len() as u32;
            self.emit(match kind {
                Seq::List => Instr::BuildList(n),
                Seq::Tuple => Instr::BuildTuple(n),
                Seq::Set => Instr::BuildSet(n),
            });
            return Ok(());
        }
        let is_set = matches!(kind, Seq::Set);
        self.emit(if is_set { Instr::BuildSet(0) } else { Instr::BuildList(0) });
        for e in elts {
            match e {
                Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(if is_set { Instr::SetUpdate(1) } else { Instr::ListExtend(1) });
                }
                other => {
                    self.expr(other)?;
                    self.emit(if is_set { Instr::SetAdd(1) } else { Instr::ListAppend(1) });
                }
            }
        }
        if matches!(kind, Seq::Tuple) {
            self.emit(Instr::ListToTuple);
        }
        Ok(())
    }

    /// Compiles `e` as a condition: jumps to `target` when its truth equals `when`.
    pub(crate) fn jump_if(&mut self, e: &'a Expr, when: bool, target: Label) -> CResult<()> {
        match e {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => return self.jump_if(&u.operand, !when, target),
            Expr::BoolOp(b) => {
                let is_and = b.op == ast::BoolOp::And;
                let n = b.values.len();
                if is_and != when {
                    // and-false / or-true: any operand decides
                    for v in &b.values {
                        self.jump_if(v, when, target)?;
                    }
                } else {
                    let skip = self.new_label();
                    for (i, v) in b.values.iter().enumerate() {
                        if i + 1 < n {
                            self.jump_if(v, !when, skip)?;
                        } else {
                            self.jump_if(v, when, target)?;
                        }
                    }
                    self.bind(skip);
                }
                return Ok(());
            }
            // CPython 3.11 leaves a tested comparison's location in place for the code
            // after the jump (an assert's raise is located at its comparison).
            Expr::Compare(c) if c.ops.len() > 1 => self.set_loc(c.range),
            Expr::Compare(c) => {
                self.set_loc(c.range);
                self.check_compare(c);
                self.expr(&c.left)?;
                self.expr(&c.comparators[0])?;
                self.cmp_op(c.ops[0]);
                self.emit_jump(if when { Instr::PopJumpIfTrue(0) } else { Instr::PopJumpIfFalse(0) }, target);
                return Ok(());
            }
            _ => {}
        }
        self.expr(e)?;
        self.emit_jump(if when { Instr::PopJumpIfTrue(0) } else { Instr::PopJumpIfFalse(0) }, target);
        Ok(())
    }

    fn cmp_op(&mut self, op: ast::CmpOp) {
        use ast::CmpOp as C;
        self.emit(match op {
            C::Eq => Instr::CompareOp(CmpOp::Eq as u32),
            C::NotEq => Instr::CompareOp(CmpOp::Ne as u32),
            C::Lt => Instr::CompareOp(CmpOp::Lt as u32),
            C::LtE => Instr::CompareOp(CmpOp::Le as u32),
            C::Gt => Instr::CompareOp(CmpOp::Gt as u32),
            C::GtE => Instr::CompareOp(CmpOp::Ge as u32),
            C::Is => Instr::IsOp(0),
            C::IsNot => Instr::IsOp(1),
            C::In => Instr::ContainsOp(0),
            C::NotIn => Instr::ContainsOp(1),
        });
    }

    fn compare(&mut self, c: &'a ast::ExprCompare) -> CResult<()> {
        self.check_compare(c);
        self.expr(&c.left)?;
        let n = c.ops.len();
        if n == 1 {
            self.expr(&c.comparators[0])?;
            self.cmp_op(c.ops[0]);
            return Ok(());
        }
        let cleanup = self.new_label();
        let end = self.new_label();
        for i in 0..n {
            self.expr(&c.comparators[i])?;
            if i + 1 < n {
                self.emit(Instr::Swap(2));
                self.emit(Instr::Copy(2));
                self.cmp_op(c.ops[i]);
                self.emit_jump(Instr::JumpIfFalseOrPop(0), cleanup);
            } else {
                self.cmp_op(c.ops[i]);
            }
        }
        self.emit_jump(Instr::Jump(0), end);
        self.bind(cleanup);
        self.emit(Instr::Swap(2));
        self.emit(Instr::PopTop);
        self.bind(end);
        Ok(())
    }

    fn call(&mut self, c: &'a ast::ExprCall) -> CResult<()> {
        self.check_caller(&c.func);
        let simple = !c.arguments.args.iter().any(|a| matches!(a, Expr::Starred(_)))
            && c.arguments.keywords.is_empty();
        if let Expr::Attribute(a) = &*c.func {
            if self.cpython_method_call(c, a) {
                // CPython 3.11 moves the call's start to a multi-line method's name too
                self.attr_start_loc(a);
            }
            if simple {
                let call_loc = self.u().loc;
                self.expr(&a.value)?;
                self.set_loc(a.range);
                self.attr_start_loc(a);
                let n = self.mangle(a.attr.as_str());
                let i = self.unit().add_name(&n);
                self.emit(Instr::LoadMethod(i));
                self.unit().loc = call_loc;
                for arg in c.arguments.args.iter() {
                    self.expr(arg)?;
                }
                self.emit(Instr::CallMethod(c.arguments.args.len() as u32));
                return Ok(());
            }
        }
        self.expr(&c.func)?;
        self.call_args(&c.arguments, 0)?;
        Ok(())
    }

    /// Whether CPython 3.11 compiles this call with LOAD_METHOD (maybe_optimize_method_call):
    /// no `*args` or `**kwargs`, fewer than 30 stack items, and the object is not a name
    /// the module imports.
    fn cpython_method_call(&self, c: &ast::ExprCall, a: &ast::ExprAttribute) -> bool {
        let args = &c.arguments;
        let nkw = args.keywords.len();
        if let Expr::Name(n) = &*a.value {
            if self.table.imported_at_top(n.id.as_str()) {
                return false;
            }
        }
        args.args.len() + nkw + usize::from(nkw != 0) < 30
            && !args.args.iter().any(|a| matches!(a, Expr::Starred(_)))
            && args.keywords.iter().all(|k| k.arg.is_some())
    }

    /// CPython 3.11's update_start_location_to_match_attr: an attribute access spanning
    /// lines starts at the attribute name.
    pub(crate) fn attr_start_loc(&mut self, a: &ast::ExprAttribute) {
        let end_line = self.src.line_of(a.range.end());
        if self.src.line_of(a.range.start()) != end_line {
            let end_col = self.src.byte_col_of(a.range.end());
            let u = self.unit();
            u.loc.line = end_line;
            u.loc.col = end_col.saturating_sub(a.attr.as_str().chars().count() as u32);
        }
    }

    /// Pushes the arguments and emits the call; `already` arguments are on the stack.
    pub(crate) fn call_args(&mut self, args: &'a ast::Arguments, already: u32) -> CResult<()> {
        let starred = args.args.iter().any(|a| matches!(a, Expr::Starred(_)));
        let dstar = args.keywords.iter().any(|k| k.arg.is_none());
        // Duplicate keyword arguments are a syntax error.
        let mut seen = std::collections::HashSet::new();
        for k in args.keywords.iter() {
            if let Some(name) = &k.arg {
                if !seen.insert(name.as_str()) {
                    return Err(self.err(format!("keyword argument repeated: {}", name.as_str()), k));
                }
            }
        }
        if !starred && !dstar {
            for a in args.args.iter() {
                self.expr(a)?;
            }
            let nkw = args.keywords.len();
            for k in args.keywords.iter() {
                self.expr(&k.value)?;
            }
            let n = already + (args.args.len() + nkw) as u32;
            if nkw > 0 {
                let names = args.keywords.iter().map(|k| Const::Str(k.arg.as_ref().map(|a| a.to_string()).unwrap_or_default())).collect();
                self.load_const(Const::Tuple(names));
                self.emit(Instr::CallKw(n));
            } else {
                self.emit(Instr::Call(n));
            }
            return Ok(());
        }
        match (already, &args.args[..]) {
            // f(*x): the iterable itself goes to CallEx, which checks it (as CPython does)
            (0, [Expr::Starred(s)]) => self.expr(&s.value)?,
            _ => {
                self.emit(Instr::BuildList(already));
                for a in args.args.iter() {
                    match a {
                        Expr::Starred(s) => {
                            self.expr(&s.value)?;
                            self.emit(Instr::ListExtend(1));
                        }
                        other => {
                            self.expr(other)?;
                            self.emit(Instr::ListAppend(1));
                        }
                    }
                }
                self.emit(Instr::ListToTuple);
            }
        }
        if !args.keywords.is_empty() {
            // Runs of named keywords make a dict each; the dicts and `**` mappings are merged
            // into the first, refusing duplicate keys.
            let kws = &args.keywords[..];
            let mut have_dict = false;
            let mut i = 0;
            while i < kws.len() {
                if kws[i].arg.is_none() {
                    if !have_dict {
                        self.emit(Instr::BuildMap(0));
                        have_dict = true;
                    }
                    self.expr(&kws[i].value)?;
                    self.emit(Instr::DictMerge(1));
                    i += 1;
                    continue;
                }
                self.emit(Instr::BuildMap(0));
                while let Some(k) = kws.get(i) {
                    let Some(name) = &k.arg else { break };
                    self.load_const(Const::Str(name.to_string()));
                    self.expr(&k.value)?;
                    self.emit(Instr::MapAdd(1));
                    i += 1;
                }
                if have_dict {
                    self.emit(Instr::DictMerge(1));
                }
                have_dict = true;
            }
            self.emit(Instr::CallEx(1));
        } else {
            self.emit(Instr::CallEx(0));
        }
        Ok(())
    }

    /// The send/yield loop shared by `yield from` and `await`: [receiver, value] → [result].
    pub(crate) fn yield_from_loop(&mut self, _is_anext: bool) -> CResult<()> {
        let start = self.new_label();
        let exit = self.new_label();
        self.bind(start);
        self.emit_jump(Instr::Send(0), exit);
        self.emit(Instr::YieldValue);
        self.emit_jump(Instr::JumpBackward(0), start);
        self.bind(exit);
        Ok(())
    }

    fn comprehension(&mut self, range: ruff_text_size::TextRange, name: &str, gens: &'a [ast::Comprehension], kind: Comp<'a>) -> CResult<()> {
        let Some(first) = gens.first() else { return Ok(()) };
        let line = self.src.line_of(first.iter.range().start());
        let outer = &self.table.scopes[self.u().scope];
        let outer_allows_async = outer.is_async_def || outer.kind == ScopeKind::Comprehension;
        self.enter_scope(crate::symtable::scope_key(gens), name, line)?;
        // the loop machinery of the comprehension's code is located at the whole expression
        self.set_loc(range);
        self.unit().argcount = 1;
        // a comprehension that awaits (or has an `async for`) is a coroutine, or an
        // asynchronous generator for a generator expression
        let is_async = self.table.scopes[self.u().scope].is_coroutine;
        if is_async && !matches!(kind, Comp::Gen(_)) && !outer_allows_async {
            return Err(self.err("asynchronous comprehension outside of an asynchronous function", range));
        }
        match kind {
            Comp::List(_) => self.emit(Instr::BuildList(0)),
            Comp::Set(_) => self.emit(Instr::BuildSet(0)),
            Comp::Dict(..) => self.emit(Instr::BuildMap(0)),
            Comp::Gen(_) => {}
        }
        self.comp_level(gens, 0, kind)?;
        if let Comp::Gen(_) = kind {
            self.load_const(Const::None);
        }
        self.emit(Instr::ReturnValue);
        let code = self.exit_scope()?;
        let code_is_coro = code.flags & (crate::code::flags::COROUTINE) != 0;
        self.make_closure(code, 0);
        self.expr(&first.iter)?;
        if first.is_async {
            self.emit(Instr::GetAiter);
        } else {
            self.emit(Instr::GetIter);
        }
        self.emit(Instr::Call(1));
        if code_is_coro {
            self.emit(Instr::GetAwaitable);
            self.load_const(Const::None);
            self.yield_from_loop(false)?;
        }
        Ok(())
    }

    fn comp_level(&mut self, gens: &'a [ast::Comprehension], level: usize, kind: Comp<'a>) -> CResult<()> {
        let g = &gens[level];
        let start = self.new_label();
        let end = self.new_label();
        if level == 0 {
            self.emit(Instr::LoadFast(0));
        } else {
            self.expr(&g.iter)?;
            self.emit(if g.is_async { Instr::GetAiter } else { Instr::GetIter });
        }
        self.bind(start);
        let handler = self.new_label();
        if g.is_async {
            self.unit().push_handler(handler);
            self.emit(Instr::GetAnext);
            self.load_const(Const::None);
            self.yield_from_loop(true)?;
            self.unit().pop_handler();
        } else {
            self.emit_jump(Instr::ForIter(0), end);
        }
        self.store_target(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, false, start)?;
        }
        if level + 1 < gens.len() {
            self.comp_level(gens, level + 1, kind)?;
        } else {
            let depth = (gens.len() + 1) as u32;
            match kind {
                Comp::List(e) => {
                    self.expr(e)?;
                    self.emit(Instr::ListAppend(depth));
                }
                Comp::Set(e) => {
                    self.expr(e)?;
                    self.emit(Instr::SetAdd(depth));
                }
                Comp::Dict(k, v) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Instr::MapAdd(depth));
                }
                Comp::Gen(e) => {
                    self.expr(e)?;
                    self.emit(Instr::YieldValue);
                    self.emit(Instr::PopTop);
                }
            }
        }
        self.emit_jump(Instr::JumpBackward(0), start);
        if g.is_async {
            let d = self.u().depth;
            self.unit().bind_handler(handler, d);
            self.emit(Instr::EndAsyncFor);
        }
        self.bind(end);
        Ok(())
    }

    fn fstring(&mut self, f: &'a ast::ExprFString) -> CResult<()> {
        let mut n = 0u32;
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(l) => {
                    if !l.value.is_empty() {
                        self.load_const(Const::Str(l.value.to_string()));
                        n += 1;
                    }
                }
                ast::FStringPart::FString(fs) => n += self.fstring_elements(&fs.elements)?,
            }
        }
        if n == 0 {
            self.load_const(Const::Str(String::new()));
        } else if n > 1 {
            self.emit(Instr::BuildString(n));
        } else {
            // a lone formatted value is already a str; a lone literal too
        }
        Ok(())
    }

    /// Pushes the pieces of an f-string; returns how many.
    fn fstring_elements(&mut self, els: &'a ast::InterpolatedStringElements) -> CResult<u32> {
        let mut n = 0;
        for el in els.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => {
                    self.load_const(Const::Str(l.value.to_string()));
                    n += 1;
                }
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let mut conv = match i.conversion {
                        ast::ConversionFlag::None => fmt_flags::CONV_NONE,
                        ast::ConversionFlag::Str => fmt_flags::CONV_STR,
                        ast::ConversionFlag::Repr => fmt_flags::CONV_REPR,
                        ast::ConversionFlag::Ascii => fmt_flags::CONV_ASCII,
                    };
                    if let Some(dbg) = &i.debug_text {
                        self.load_const(Const::Str(dbg.as_str().to_string()));
                        n += 1;
                        if conv == fmt_flags::CONV_NONE && i.format_spec.is_none() {
                            conv = fmt_flags::CONV_REPR;
                        }
                    }
                    self.expr(&i.expression)?;
                    if let Some(spec) = &i.format_spec {
                        let k = self.fstring_elements(&spec.elements)?;
                        if k == 0 {
                            self.load_const(Const::Str(String::new()));
                        } else if k > 1 {
                            self.emit(Instr::BuildString(k));
                        }
                        self.emit(Instr::FormatValue(conv | fmt_flags::HAVE_SPEC));
                    } else {
                        self.emit(Instr::FormatValue(conv));
                    }
                    n += 1;
                }
            }
        }
        Ok(n)
    }
}

#[derive(Clone, Copy)]
enum Seq {
    List,
    Tuple,
    Set,
}

#[derive(Clone, Copy)]
enum Comp<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
    Gen(&'a Expr),
}

/// Constant folding of integer and float arithmetic, as CPython's AST optimizer does for
/// results of bounded size (so `2 ** 40` in a set display is a constant too).
fn fold_binop(a: Const, op: ast::Operator, b: Const) -> Option<Const> {
    use ast::Operator as O;
    match (a, b) {
        (Const::Int(x), Const::Int(y)) => {
            let (x, y) = (x as i128, y as i128);
            let r: i128 = match op {
                O::Add => x + y,
                O::Sub => x - y,
                O::Mult => x.checked_mul(y)?,
                O::FloorDiv if y != 0 => x.div_euclid(y) - if (x.rem_euclid(y) != 0) && (y < 0) { 1 } else { 0 },
                O::Mod if y != 0 => {
                    let m = x % y;
                    if m != 0 && ((m < 0) != (y < 0)) {
                        m + y
                    } else {
                        m
                    }
                }
                O::Pow if (0..=127).contains(&y) => {
                    let mut r: i128 = 1;
                    for _ in 0..y {
                        r = r.checked_mul(x)?;
                    }
                    r
                }
                O::LShift if (0..64).contains(&y) => x.checked_mul(1i128 << y)?,
                O::RShift if y >= 0 => x >> y.min(127),
                O::BitAnd => x & y,
                O::BitOr => x | y,
                O::BitXor => x ^ y,
                _ => return None,
            };
            Some(match i64::try_from(r) {
                Ok(v) => Const::Int(v),
                Err(_) => Const::BigInt(r.to_string()),
            })
        }
        (Const::Float(x), Const::Float(y)) => fold_float(x, op, y),
        (Const::Int(x), Const::Float(y)) => fold_float(x as f64, op, y),
        (Const::Float(x), Const::Int(y)) => fold_float(x, op, y as f64),
        _ => None,
    }
}

fn fold_float(x: f64, op: ast::Operator, y: f64) -> Option<Const> {
    use ast::Operator as O;
    let r = match op {
        O::Add => x + y,
        O::Sub => x - y,
        O::Mult => x * y,
        O::Div if y != 0.0 => x / y,
        _ => return None,
    };
    r.is_finite().then_some(Const::Float(r))
}


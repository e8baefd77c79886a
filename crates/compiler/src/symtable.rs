//! Symbol tables: which scope each name of each code block belongs to, by CPython's rules
//! (locals, globals, nonlocal, free and cell variables, class bodies, comprehension scopes).

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;
/// Fx hashing: the compiler hashes short names, where SipHash cost 3% of a start-up.
type HashMap<K, V> = std::collections::HashMap<K, V, rustc_hash::FxBuildHasher>;
type HashSet<T> = std::collections::HashSet<T, rustc_hash::FxBuildHasher>;

use crate::error::{CompileError, Stage};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

/// Where a name lives, as seen from the scope that uses it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameScope {
    Local,
    Cell,
    Free,
    GlobalExplicit,
    GlobalImplicit,
}

const DEF_LOCAL: u8 = 1;
const DEF_PARAM: u8 = 2;
const DEF_GLOBAL: u8 = 4;
pub(crate) const DEF_NONLOCAL: u8 = 8;
const USE: u8 = 16;
const DEF_COMP_ITER: u8 = 32;
/// Bound by an import statement (CPython's DEF_IMPORT).
const DEF_IMPORT: u8 = 64;

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    /// Symbols in first-seen order with their flags.
    pub order: Vec<String>,
    flags: HashMap<String, u8>,
    pub children: Vec<usize>,
    pub parent: Option<usize>,
    pub params: Vec<String>,
    pub is_generator: bool,
    pub is_coroutine: bool,
    /// An `async def` (CPython's COMPILER_SCOPE_ASYNC_FUNCTION): where `await`, `async for`
    /// and `async with` are allowed, with comprehensions nested in it.
    pub is_async_def: bool,
    /// Resolved scope of every name this block uses or binds.
    pub resolved: HashMap<String, NameScope>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    /// Class bodies: a method uses `super` or `__class__`.
    pub needs_class_cell: bool,
    /// Function inside a class that names `super` or `__class__`.
    uses_class_cell: bool,
    /// Names bound in this class body, for class-body free variable loads.
    pub line: u32,
    /// Where each nonlocal name was declared (for "no binding for nonlocal").
    nonlocal_at: HashMap<String, ruff_text_size::TextRange>,
    /// Visiting the target of a comprehension's `for` (CPython's ste_comp_iter_target).
    comp_iter_target: bool,
    /// Visiting the iterable of a comprehension's `for`, here or in an enclosing block
    /// (CPython's ste_comp_iter_expr, inherited by nested blocks).
    comp_iter_expr: u32,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, parent: Option<usize>, line: u32) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            order: Vec::new(),
            flags: HashMap::default(),
            children: Vec::new(),
            parent,
            params: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            is_async_def: false,
            resolved: HashMap::default(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            needs_class_cell: false,
            uses_class_cell: false,
            line,
            nonlocal_at: HashMap::default(),
            comp_iter_target: false,
            comp_iter_expr: 0,
        }
    }
    fn is_function_like(&self) -> bool {
        matches!(self.kind, ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension)
    }
    pub fn lookup(&self, name: &str) -> NameScope {
        self.resolved.get(name).copied().unwrap_or(match self.kind {
            ScopeKind::Module | ScopeKind::Class => NameScope::GlobalImplicit,
            _ => NameScope::GlobalImplicit,
        })
    }
    pub fn flags_of(&self, name: &str) -> u8 {
        self.flags.get(name).copied().unwrap_or(0)
    }
    pub fn is_param(&self, name: &str) -> bool {
        self.flags_of(name) & DEF_PARAM != 0
    }
}

/// Key of a scope: the start offset of the node that opens it.
pub type ScopeKey = usize;

/// The key of the scope a node opens: the node's address, the same in the symbol table's
/// walk and the code generator's (both walk one tree), and distinct for every node even
/// when positions repeat (a tree built or rewritten in Python).
pub fn scope_key<T: ?Sized>(node: &T) -> ScopeKey {
    node as *const T as *const u8 as usize
}

pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    pub by_node: HashMap<ScopeKey, usize>,
}

impl SymbolTable {
    /// Whether the top-level scope binds `name` by an import (CPython's `is_import_originated`).
    pub fn imported_at_top(&self, name: &str) -> bool {
        self.scopes.first().map(|s| s.flags_of(name) & DEF_IMPORT != 0).unwrap_or(false)
    }
}

struct Builder<'a> {
    scopes: Vec<Scope>,
    by_node: HashMap<ScopeKey, usize>,
    cur: usize,
    class_names: Vec<String>,
    source: &'a crate::SourceMap,
}

/// Mangles `__private` names inside a class, as CPython does.
pub fn mangle(class_name: Option<&str>, name: &str) -> String {
    let Some(cls) = class_name else { return name.to_string() };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = cls.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

impl<'a> Builder<'a> {
    fn err(&self, msg: String, node: impl Ranged) -> CompileError {
        self.source.syntax_error(msg, node.range()).at_stage(Stage::Symtable)
    }

    fn mangled(&self, name: &str) -> String {
        mangle(self.class_names.last().map(|s| s.as_str()), name)
    }

    fn add(&mut self, name: &str, flag: u8) {
        let name = self.mangled(name);
        let scope = &mut self.scopes[self.cur];
        let e = scope.flags.entry(name.clone()).or_insert_with(|| 0);
        if *e == 0 {
            scope.order.push(name);
        }
        *e |= flag;
    }

    fn push(&mut self, kind: ScopeKind, name: &str, key: ScopeKey, line: u32) -> usize {
        let id = self.scopes.len();
        let mut scope = Scope::new(kind, name, Some(self.cur), line);
        scope.comp_iter_expr = self.scopes[self.cur].comp_iter_expr;
        self.scopes.push(scope);
        self.scopes[self.cur].children.push(id);
        self.by_node.insert(key, id);
        let prev = self.cur;
        self.cur = id;
        prev
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<(), CompileError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn params(&mut self, p: &ast::Parameters) -> Result<(), CompileError> {
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            self.param(&a.parameter.name)?;
        }
        for a in p.kwonlyargs.iter() {
            self.param(&a.parameter.name)?;
        }
        if let Some(v) = &p.vararg {
            self.param(&v.name)?;
        }
        if let Some(k) = &p.kwarg {
            self.param(&k.name)?;
        }
        Ok(())
    }

    fn param(&mut self, name: &ast::Identifier) -> Result<(), CompileError> {
        let m = self.mangled(name.as_str());
        if self.scopes[self.cur].flags_of(&m) & DEF_PARAM != 0 {
            return Err(self.err(format!("duplicate argument '{}' in function definition", name.as_str()), name));
        }
        self.scopes[self.cur].params.push(m);
        self.add(name.as_str(), DEF_PARAM);
        Ok(())
    }

    fn param_defaults_and_annotations(&mut self, p: &ast::Parameters) -> Result<(), CompileError> {
        for a in p.posonlyargs.iter().chain(p.args.iter()).chain(p.kwonlyargs.iter()) {
            if let Some(d) = &a.default {
                self.expr(d)?;
            }
            if let Some(an) = &a.parameter.annotation {
                self.expr(an)?;
            }
        }
        for v in [&p.vararg, &p.kwarg].into_iter().flatten() {
            if let Some(an) = &v.annotation {
                self.expr(an)?;
            }
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), CompileError> {
        match s {
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(&d.expression)?;
                }
                self.param_defaults_and_annotations(&f.parameters)?;
                if let Some(r) = &f.returns {
                    self.expr(r)?;
                }
                self.add(f.name.as_str(), DEF_LOCAL);
                let line = self.source.line_of(f.range.start());
                let prev = self.push(ScopeKind::Function, f.name.as_str(), scope_key(f), line);
                self.scopes[self.cur].is_coroutine = f.is_async;
                self.scopes[self.cur].is_async_def = f.is_async;
                self.params(&f.parameters)?;
                self.stmts(&f.body)?;
                self.cur = prev;
            }
            Stmt::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.expr(&d.expression)?;
                }
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.expr(a)?;
                    }
                    for k in args.keywords.iter() {
                        self.expr(&k.value)?;
                    }
                }
                self.add(c.name.as_str(), DEF_LOCAL);
                let line = self.source.line_of(c.range.start());
                let prev = self.push(ScopeKind::Class, c.name.as_str(), scope_key(c), line);
                self.class_names.push(c.name.to_string());
                self.stmts(&c.body)?;
                self.class_names.pop();
                self.cur = prev;
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v)?;
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.expr(t)?;
                }
            }
            Stmt::TypeAlias(t) => {
                self.expr(&t.name)?;
                self.expr(&t.value)?;
            }
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                for t in &a.targets {
                    self.expr(t)?;
                }
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.value)?;
                self.expr(&a.target)?;
                if let Expr::Name(n) = &*a.target {
                    self.add(n.id.as_str(), USE);
                }
            }
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v)?;
                }
                if let Expr::Name(n) = &*a.target {
                    let m = self.mangled(n.id.as_str());
                    let f = self.scopes[self.cur].flags_of(&m);
                    if f & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && a.simple {
                        let kind = if f & DEF_GLOBAL != 0 { "global" } else { "nonlocal" };
                        return Err(self.err(format!("annotated name '{}' can't be {kind}", n.id), n));
                    }
                    // `(x): int` with no value binds nothing (CPython's symtable)
                    if a.simple || a.value.is_some() {
                        self.add(n.id.as_str(), DEF_LOCAL);
                    }
                } else {
                    self.expr(&a.target)?;
                }
                if self.scopes[self.cur].kind != ScopeKind::Function {
                    self.expr(&a.annotation)?;
                }
            }
            Stmt::For(f) => {
                self.expr(&f.iter)?;
                self.expr(&f.target)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.expr(&w.test)?;
                self.stmts(&w.body)?;
                self.stmts(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.expr(&i.test)?;
                self.stmts(&i.body)?;
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.expr(t)?;
                    }
                    self.stmts(&c.body)?;
                }
            }
            Stmt::With(w) => {
                for it in &w.items {
                    self.expr(&it.context_expr)?;
                    if let Some(v) = &it.optional_vars {
                        self.expr(v)?;
                    }
                }
                self.stmts(&w.body)?;
            }
            Stmt::Match(m) => {
                self.expr(&m.subject)?;
                for c in &m.cases {
                    self.pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&c.body)?;
                }
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.expr(c)?;
                }
            }
            Stmt::Try(t) => {
                self.stmts(&t.body)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.add(n.as_str(), DEF_LOCAL);
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(&t.orelse)?;
                self.stmts(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let bound = match &a.asname {
                        Some(n) => n.to_string(),
                        None => a.name.as_str().split('.').next().unwrap_or("").to_string(),
                    };
                    self.add(&bound, DEF_LOCAL | DEF_IMPORT);
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    if a.name.as_str() == "*" {
                        if self.scopes[self.cur].kind != ScopeKind::Module {
                            return Err(self.err("import * only allowed at module level".into(), a));
                        }
                        continue;
                    }
                    let bound = a.asname.as_ref().unwrap_or(&a.name);
                    self.add(bound.as_str(), DEF_LOCAL | DEF_IMPORT);
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    let m = self.mangled(n.as_str());
                    let f = self.scopes[self.cur].flags_of(&m);
                    if f & DEF_PARAM != 0 {
                        return Err(self.err(format!("name '{}' is parameter and global", n), s));
                    }
                    if f & DEF_NONLOCAL != 0 {
                        return Err(self.err(format!("name '{}' is nonlocal and global", n), s));
                    }
                    if f & USE != 0 {
                        return Err(self.err(format!("name '{}' is used prior to global declaration", n), s));
                    }
                    if f & DEF_LOCAL != 0 {
                        return Err(self.err(format!("name '{}' is assigned to before global declaration", n), s));
                    }
                    self.add(n.as_str(), DEF_GLOBAL);
                    // as CPython: a global declaration anywhere makes the module's own uses of
                    // the name explicit globals too (STORE_GLOBAL even under exec with locals)
                    let top = &mut self.scopes[0];
                    let e = top.flags.entry(m.clone()).or_insert(0);
                    if *e == 0 {
                        top.order.push(m);
                    }
                    *e |= DEF_GLOBAL;
                }
            }
            Stmt::Nonlocal(g) => {
                if self.scopes[self.cur].kind == ScopeKind::Module {
                    return Err(self.err("nonlocal declaration not allowed at module level".into(), s));
                }
                for n in &g.names {
                    let m = self.mangled(n.as_str());
                    let f = self.scopes[self.cur].flags_of(&m);
                    if f & DEF_PARAM != 0 {
                        return Err(self.err(format!("name '{}' is parameter and nonlocal", n), s));
                    }
                    if f & DEF_GLOBAL != 0 {
                        return Err(self.err(format!("name '{}' is nonlocal and global", n), s));
                    }
                    if f & USE != 0 {
                        return Err(self.err(format!("name '{}' is used prior to nonlocal declaration", n), s));
                    }
                    if f & DEF_LOCAL != 0 {
                        return Err(self.err(format!("name '{}' is assigned to before nonlocal declaration", n), s));
                    }
                    self.add(n.as_str(), DEF_NONLOCAL);
                    let cur = self.cur;
                    self.scopes[cur].nonlocal_at.entry(m.clone()).or_insert(s.range());
                }
            }
            Stmt::Expr(e) => self.expr(&e.value)?,
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) | Stmt::IpyEscapeCommand(_) => {}
        }
        Ok(())
    }

    fn pattern(&mut self, p: &ast::Pattern) -> Result<(), CompileError> {
        use ast::Pattern as P;
        match p {
            P::MatchValue(v) => self.expr(&v.value)?,
            P::MatchSingleton(_) => {}
            P::MatchSequence(s) => {
                for p in &s.patterns {
                    self.pattern(p)?;
                }
            }
            P::MatchMapping(m) => {
                for k in &m.keys {
                    self.expr(k)?;
                }
                for p in &m.patterns {
                    self.pattern(p)?;
                }
                if let Some(r) = &m.rest {
                    self.add(r.as_str(), DEF_LOCAL);
                }
            }
            P::MatchClass(c) => {
                self.expr(&c.cls)?;
                for p in &c.arguments.patterns {
                    self.pattern(p)?;
                }
                for k in &c.arguments.keywords {
                    self.pattern(&k.pattern)?;
                }
            }
            P::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.add(n.as_str(), DEF_LOCAL);
                }
            }
            P::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.pattern(p)?;
                }
                if let Some(n) = &a.name {
                    self.add(n.as_str(), DEF_LOCAL);
                }
            }
            P::MatchOr(o) => {
                for p in &o.patterns {
                    self.pattern(p)?;
                }
            }
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        key: ScopeKey,
        name: &str,
        generators: &[ast::Comprehension],
        elts: &[&Expr],
        is_genexp: bool,
    ) -> Result<(), CompileError> {
        let Some(first) = generators.first() else { return Ok(()) };
        // the outermost iterable is evaluated in the enclosing scope
        self.scopes[self.cur].comp_iter_expr += 1;
        self.expr(&first.iter)?;
        self.scopes[self.cur].comp_iter_expr -= 1;
        let line = self.source.line_of(first.iter.range().start());
        let prev = self.push(ScopeKind::Comprehension, name, key, line);
        if is_genexp {
            self.scopes[self.cur].is_generator = true;
        }
        if first.is_async {
            self.scopes[self.cur].is_coroutine = true;
        }
        self.scopes[self.cur].params.push(".0".into());
        self.add(".0", DEF_PARAM);
        for (i, g) in generators.iter().enumerate() {
            // CPython visits a nested `for`'s target before its iterable
            self.comp_target(&g.target)?;
            if i > 0 {
                self.scopes[self.cur].comp_iter_expr += 1;
                self.expr(&g.iter)?;
                self.scopes[self.cur].comp_iter_expr -= 1;
            }
            for cond in &g.ifs {
                self.expr(cond)?;
            }
            if g.is_async {
                self.scopes[self.cur].is_coroutine = true;
            }
        }
        for e in elts {
            self.expr(e)?;
        }
        // a list, set or dict comprehension that awaits is itself awaited by its enclosing
        // scope (an asynchronous generator expression is not)
        let awaits = !is_genexp && self.scopes[self.cur].is_coroutine;
        self.cur = prev;
        if awaits {
            self.scopes[self.cur].is_coroutine = true;
        }
        Ok(())
    }

    /// A comprehension's `for` target: every name in it (even one only read, as in
    /// `for x.y in ...`) is an iteration variable.
    fn comp_target(&mut self, t: &Expr) -> Result<(), CompileError> {
        self.scopes[self.cur].comp_iter_target = true;
        let r = self.expr(t);
        self.scopes[self.cur].comp_iter_target = false;
        r
    }

    fn expr(&mut self, e: &Expr) -> Result<(), CompileError> {
        match e {
            Expr::BoolOp(b) => b.values.iter().try_for_each(|v| self.expr(v))?,
            Expr::Named(n) => {
                if self.scopes[self.cur].comp_iter_expr > 0 {
                    return Err(self.err("assignment expression cannot be used in a comprehension iterable expression".into(), e));
                }
                if let Expr::Name(name) = &*n.target {
                    if self.scopes[self.cur].kind == ScopeKind::Comprehension {
                        self.walrus_target(name)?;
                    }
                }
                self.expr(&n.value)?;
                self.expr(&n.target)?;
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
            }
            Expr::UnaryOp(u) => self.expr(&u.operand)?,
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.param_defaults_and_annotations(p)?;
                }
                let line = self.source.line_of(l.range.start());
                let prev = self.push(ScopeKind::Lambda, "<lambda>", scope_key(l), line);
                if let Some(p) = &l.parameters {
                    self.params(p)?;
                }
                self.expr(&l.body)?;
                self.cur = prev;
            }
            Expr::If(i) => {
                self.expr(&i.test)?;
                self.expr(&i.body)?;
                self.expr(&i.orelse)?;
            }
            Expr::Dict(d) => {
                for it in &d.items {
                    if let Some(k) = &it.key {
                        self.expr(k)?;
                    }
                    self.expr(&it.value)?;
                }
            }
            Expr::Set(s) => s.elts.iter().try_for_each(|v| self.expr(v))?,
            Expr::ListComp(c) => self.comprehension(scope_key(&c.generators[..]), "<listcomp>", &c.generators, &[&c.elt], false)?,
            Expr::SetComp(c) => self.comprehension(scope_key(&c.generators[..]), "<setcomp>", &c.generators, &[&c.elt], false)?,
            Expr::DictComp(c) => {
                // CPython visits the value before the key
                let mut elts: Vec<&Expr> = vec![&c.value];
                if let Some(k) = &c.key {
                    elts.push(k);
                }
                self.comprehension(scope_key(&c.generators[..]), "<dictcomp>", &c.generators, &elts, false)?
            }
            Expr::Generator(g) => self.comprehension(scope_key(&g.generators[..]), "<genexpr>", &g.generators, &[&g.elt], true)?,
            Expr::Await(a) => {
                self.expr(&a.value)?;
                // CPython marks the scope a coroutine; the code generator then decides
                // whether `await` is allowed there
                self.scopes[self.cur].is_coroutine = true;
            }
            Expr::Yield(y) => {
                self.mark_generator(e)?;
                if let Some(v) = &y.value {
                    self.expr(v)?;
                }
            }
            Expr::YieldFrom(y) => {
                self.mark_generator(e)?;
                self.expr(&y.value)?;
            }
            Expr::Compare(c) => {
                self.expr(&c.left)?;
                c.comparators.iter().try_for_each(|v| self.expr(v))?;
            }
            Expr::Call(c) => {
                self.expr(&c.func)?;
                c.arguments.args.iter().try_for_each(|v| self.expr(v))?;
                c.arguments.keywords.iter().try_for_each(|k| self.expr(&k.value))?;
            }
            Expr::FString(f) => {
                for part in f.value.iter() {
                    if let ast::FStringPart::FString(fs) = part {
                        self.fstring_elements(&fs.elements)?;
                    }
                }
            }
            Expr::TString(_) => return Err(self.err("template strings are not supported in Python 3.11".into(), e)),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
            | Expr::IpyEscapeCommand(_) => {}
            Expr::Attribute(a) => self.expr(&a.value)?,
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
            }
            Expr::Starred(s) => self.expr(&s.value)?,
            Expr::Name(n) => {
                let mut flag = match n.ctx {
                    ast::ExprContext::Load => USE,
                    _ => DEF_LOCAL,
                };
                if self.scopes[self.cur].comp_iter_target {
                    let m = self.mangled(n.id.as_str());
                    if self.scopes[self.cur].flags_of(&m) & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                        return Err(self.err(
                            format!("comprehension inner loop cannot rebind assignment expression target '{}'", n.id),
                            n,
                        ));
                    }
                    flag |= DEF_COMP_ITER;
                }
                self.add(n.id.as_str(), flag);
                if n.ctx == ast::ExprContext::Load
                    && (n.id.as_str() == "super" || n.id.as_str() == "__class__")
                    && self.scopes[self.cur].is_function_like()
                {
                    self.scopes[self.cur].uses_class_cell = true;
                }
            }
            Expr::List(l) => l.elts.iter().try_for_each(|v| self.expr(v))?,
            Expr::Tuple(t) => t.elts.iter().try_for_each(|v| self.expr(v))?,
            Expr::Slice(s) => {
                for p in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(p)?;
                }
            }
        }
        Ok(())
    }

    fn fstring_elements(&mut self, els: &ast::InterpolatedStringElements) -> Result<(), CompileError> {
        for el in els.iter() {
            if let ast::InterpolatedStringElement::Interpolation(i) = el {
                self.expr(&i.expression)?;
                if let Some(spec) = &i.format_spec {
                    self.fstring_elements(&spec.elements)?;
                }
            }
        }
        Ok(())
    }

    fn mark_generator(&mut self, e: &Expr) -> Result<(), CompileError> {
        let s = &mut self.scopes[self.cur];
        match s.kind {
            ScopeKind::Function | ScopeKind::Lambda => {
                s.is_generator = true;
                Ok(())
            }
            ScopeKind::Comprehension => {
                let what = match s.name.as_str() {
                    "<listcomp>" => "list comprehension",
                    "<setcomp>" => "set comprehension",
                    "<dictcomp>" => "dict comprehension",
                    _ => "generator expression",
                };
                Err(self.err(format!("'yield' inside {what}"), e))
            }
            // raised by CPython's code generator, not its symbol table
            _ => Err(self.source.syntax_error("'yield' outside function".into(), e.range()).at_stage(Stage::Compiler)),
        }
    }

    /// The target of an assignment expression in a comprehension binds in the nearest
    /// enclosing function or module (CPython's symtable_extend_namedexpr_scope).
    fn walrus_target(&mut self, name: &ast::ExprName) -> Result<(), CompileError> {
        let mangled = self.mangled(name.id.as_str());
        let mut id = self.cur;
        loop {
            let sc = &self.scopes[id];
            match sc.kind {
                ScopeKind::Comprehension => {
                    if sc.flags_of(&mangled) & DEF_COMP_ITER != 0 {
                        return Err(self.err(
                            format!("assignment expression cannot rebind comprehension iteration variable '{}'", name.id),
                            name,
                        ));
                    }
                    id = sc.parent.unwrap_or(0);
                }
                ScopeKind::Function | ScopeKind::Lambda => {
                    let global = sc.flags_of(&mangled) & DEF_GLOBAL != 0;
                    self.add(name.id.as_str(), if global { DEF_GLOBAL } else { DEF_NONLOCAL });
                    self.add_to(id, &mangled, DEF_LOCAL);
                    return Ok(());
                }
                ScopeKind::Module => {
                    self.add(name.id.as_str(), DEF_GLOBAL);
                    self.add_to(id, &mangled, DEF_GLOBAL);
                    return Ok(());
                }
                ScopeKind::Class => {
                    return Err(self.err(
                        "assignment expression within a comprehension cannot be used in a class body".into(),
                        name,
                    ));
                }
            }
        }
    }

    /// Adds a flag to an already mangled name of scope `id`.
    fn add_to(&mut self, id: usize, mangled: &str, flag: u8) {
        let scope = &mut self.scopes[id];
        let e = scope.flags.entry(mangled.to_string()).or_insert(0);
        if *e == 0 {
            scope.order.push(mangled.to_string());
        }
        *e |= flag;
    }
}

impl SymbolTable {
    pub fn build(body: &[Stmt], source: &crate::SourceMap) -> Result<SymbolTable, CompileError> {
        let mut b = Builder {
            scopes: vec![Scope::new(ScopeKind::Module, "<module>", None, 1)],
            by_node: HashMap::default(),
            cur: 0,
            class_names: Vec::new(),
            source,
        };
        b.stmts(body)?;
        let mut table = SymbolTable { scopes: b.scopes, by_node: b.by_node };
        let mut free = HashSet::default();
        table.analyze(0, &HashSet::default(), &mut free, source)?;
        Ok(table)
    }

    /// Resolves scope `id`. `bound`: names bound in enclosing function scopes. Adds to
    /// `free_out` the names this scope (or its children) need from outside.
    fn analyze(
        &mut self,
        id: usize,
        bound: &HashSet<String>,
        free_out: &mut HashSet<String>,
        source: &crate::SourceMap,
    ) -> Result<(), CompileError> {
        let kind = self.scopes[id].kind;
        let mut resolved = HashMap::default();
        let mut locals = HashSet::default();
        for name in self.scopes[id].order.clone() {
            let f = self.scopes[id].flags_of(&name);
            let scope = if f & DEF_GLOBAL != 0 {
                NameScope::GlobalExplicit
            } else if f & DEF_NONLOCAL != 0 {
                if !bound.contains(&name) {
                    let msg = format!("no binding for nonlocal '{name}' found");
                    let e = match self.scopes[id].nonlocal_at.get(&name) {
                        Some(r) => source.syntax_error(msg, *r),
                        None => CompileError::syntax(msg, source, self.scopes[id].line),
                    };
                    return Err(e.at_stage(Stage::Symtable));
                }
                NameScope::Free
            } else if f & (DEF_LOCAL | DEF_PARAM) != 0 {
                locals.insert(name.clone());
                NameScope::Local
            } else if kind != ScopeKind::Module && bound.contains(&name) {
                NameScope::Free
            } else {
                NameScope::GlobalImplicit
            };
            resolved.insert(name, scope);
        }
        // Names visible to children as enclosing-function bindings.
        let mut child_bound = bound.clone();
        match kind {
            ScopeKind::Module => child_bound.clear(),
            ScopeKind::Class => {
                child_bound.insert("__class__".to_string());
            }
            _ => {
                for l in &locals {
                    child_bound.insert(l.clone());
                }
                for (n, s) in &resolved {
                    if *s == NameScope::GlobalExplicit {
                        child_bound.remove(n);
                    }
                }
            }
        }
        let mut child_free = HashSet::default();
        for child in self.scopes[id].children.clone() {
            // A function in a class that names super/__class__ needs the class cell.
            if kind == ScopeKind::Class && self.scopes[child].uses_class_cell {
                self.scopes[id].needs_class_cell = true;
            }
            let mut cf = HashSet::default();
            if self.scopes[child].uses_class_cell && kind == ScopeKind::Class {
                self.scopes[child].flags.entry("__class__".into()).or_insert(0);
                if !self.scopes[child].order.iter().any(|n| n == "__class__") {
                    self.scopes[child].order.push("__class__".into());
                }
            }
            self.analyze(child, &child_bound, &mut cf, source)?;
            child_free.extend(cf);
        }
        let mut cells = Vec::new();
        let mut frees: Vec<String> = Vec::new();
        let mut child_free_sorted: Vec<String> = child_free.into_iter().collect();
        child_free_sorted.sort();
        for name in child_free_sorted {
            if kind == ScopeKind::Class && name == "__class__" {
                if !cells.contains(&name) {
                    cells.push(name.clone());
                }
                continue;
            }
            match (kind, resolved.get(&name).copied()) {
                (ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension, Some(NameScope::Local)) => {
                    resolved.insert(name.clone(), NameScope::Cell);
                    cells.push(name);
                }
                (_, Some(NameScope::Cell)) => {}
                (ScopeKind::Module, _) => {}
                (ScopeKind::Class, _) => {
                    // passes through the class body as a free variable
                    if !frees.contains(&name) {
                        frees.push(name.clone());
                    }
                    free_out.insert(name);
                }
                _ => {
                    if resolved.get(&name).copied() != Some(NameScope::GlobalExplicit) {
                        resolved.entry(name.clone()).or_insert(NameScope::Free);
                        if !frees.contains(&name) {
                            frees.push(name.clone());
                        }
                        free_out.insert(name);
                    }
                }
            }
        }
        for (name, s) in &resolved {
            if *s == NameScope::Free {
                free_out.insert(name.clone());
                if !frees.contains(name) {
                    frees.push(name.clone());
                }
            }
        }
        frees.sort();
        cells.sort();
        let s = &mut self.scopes[id];
        s.resolved = resolved;
        s.cellvars = cells;
        s.freevars = frees;
        Ok(())
    }
}

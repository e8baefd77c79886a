//! `_ast`: the syntax tree node classes (written in Python, `nodes.py`), under ast.py, and
//! the conversions compile() uses for `PyCF_ONLY_AST` (`_parse`) and for a tree (`_compile`).

mod from_py;
mod from_py_expr;
mod from_py_pattern;
mod from_py_stmt;
mod to_py;
mod to_py_expr;

use pyjit_compiler::ruff_ast::Mod;

use crate::util::*;
use to_py::ToPy;

const NODES: &str = include_str!("nodes.py");

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let d = module_dict(m);
    let b = vm.builtins;
    vm.dict_set_str(d, "__builtins__", b);
    let code = vm.compile_source(NODES, "<frozen _ast>", pyjit_compiler::Mode::Exec)?;
    vm.run_code(code, d, d)?;
    add_fns(vm, m, &[("_parse", parse), ("_compile", compile)]);
    Ok(())
}

fn module_dict(m: Value) -> Value {
    m.get::<pyjit_vm::objects::ModuleObj>().map(|m| m.dict).unwrap_or(Value::NULL)
}

/// The `_ast` module's namespace (where the node classes are).
fn classes(vm: &mut Vm) -> PyResult<Value> {
    let n = vm.new_str("_ast");
    let none = vm.none;
    let zero = vm.new_int(0);
    let m = pyjit_vm::modules::import::import_name(vm, n, Value::NULL, none, zero)?;
    Ok(module_dict(m))
}

/// `_parse(source, filename, mode, feature_version)`: the tree of a source text (compile()
/// with PyCF_ONLY_AST; `feature_version`: the 3.x minor version whose grammar applies, -1
/// for the current one).
fn parse(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let [src, filename, mode, feature, ..] = args else { return Err(vm.type_error("_parse() takes 4 arguments")) };
    let feature = vm.as_i64(*feature).filter(|m| *m >= 0).map(|m| m.min(11) as u8);
    let text = vm.str_of(*src);
    let fname = vm.str_of(*filename);
    let mode = vm.str_of(*mode);
    if mode == "func_type" {
        return func_type(vm, &text, &fname);
    }
    let m = match mode.as_str() {
        "exec" => pyjit_compiler::Mode::Exec,
        "eval" => pyjit_compiler::Mode::Eval,
        "single" => pyjit_compiler::Mode::Single,
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval', 'single' or 'func_type'")),
    };
    let limit = vm.compile_nesting_limit();
    let (r, warnings) = pyjit_compiler::parse(&text, &fname, m, limit, feature);
    vm.report_compile_warnings(&warnings, &fname)?;
    let (tree, src) = match r {
        Ok(t) => t,
        Err(e) => return Err(vm.syntax_error(&e)),
    };
    let cls = classes(vm)?;
    let mut b = ToPy::new(vm, &src, cls);
    b.feature = feature.unwrap_or(11);
    match (&tree, m) {
        (Mod::Module(md), pyjit_compiler::Mode::Single) => {
            let body = b.stmts(&md.body)?;
            b.node("Interactive", &[("body", body)], None)
        }
        (Mod::Module(md), _) => b.module(&md.body),
        (Mod::Expression(e), _) => {
            let body = b.expr(&e.body)?;
            b.node("Expression", &[("body", body)], None)
        }
    }
}

/// mode 'func_type': `(argtypes) -> returns`, parsed as the expression of each side.
fn func_type(vm: &mut Vm, text: &str, fname: &str) -> PyResult<Value> {
    let Some(arrow) = top_level_arrow(text) else {
        let e = pyjit_compiler::CompileError::syntax("invalid syntax".into(), &pyjit_compiler::SourceMap::new(fname, text), 1);
        return Err(vm.syntax_error(&e));
    };
    // the argument list stays in place (blanked arrow and return) so positions hold
    let mut args_src: String = text[..arrow].to_string();
    args_src.push_str(&" ".repeat(text.len() - arrow));
    // the return annotation in parentheses that start where the argument list did
    let mut ret_src = String::with_capacity(text.len() + 2);
    for (i, c) in text.char_indices() {
        if i >= arrow + 2 || c == '\n' {
            ret_src.push(c);
        } else {
            ret_src.push_str(&" ".repeat(c.len_utf8()));
        }
    }
    ret_src.replace_range(0..1, "(");
    ret_src.push(')');
    let limit = vm.compile_nesting_limit();
    let mut trees = Vec::new();
    for s in [args_src.trim_end().to_string(), ret_src] {
        let (r, _) = pyjit_compiler::parse(&s, fname, pyjit_compiler::Mode::Eval, limit, None);
        match r {
            Ok(t) => trees.push(t),
            Err(e) => return Err(vm.syntax_error(&e)),
        }
    }
    let cls = classes(vm)?;
    let (Some((Mod::Expression(a), asrc)), Some((Mod::Expression(r), rsrc))) = (trees.first(), trees.get(1)) else {
        return Err(vm.value_error("func_type"));
    };
    let argtypes = {
        let mut b = ToPy::new(vm, asrc, cls);
        match &*a.body {
            pyjit_compiler::ruff_ast::Expr::Tuple(t) if t.parenthesized => b.exprs(&t.elts)?,
            e => {
                let v = b.expr(e)?;
                b.list(vec![v])
            }
        }
    };
    let mut b = ToPy::new(vm, rsrc, cls);
    let returns = b.expr(&r.body)?;
    b.node("FunctionType", &[("argtypes", argtypes), ("returns", returns)], None)
}

fn top_level_arrow(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let mut depth = 0i32;
    for i in 0..b.len() {
        match b[i] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            b'-' if depth == 0 && b.get(i + 1) == Some(&b'>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// `_compile(tree, filename, mode, optimize)`: compile() of a syntax tree.
fn compile(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let [tree, filename, mode, optimize, ..] = args else { return Err(vm.type_error("_compile() takes 4 arguments")) };
    let fname = vm.str_of(*filename);
    let mode = vm.str_of(*mode);
    let (want, m) = match mode.as_str() {
        "exec" => ("Module", pyjit_compiler::Mode::Exec),
        "eval" => ("Expression", pyjit_compiler::Mode::Eval),
        "single" => ("Interactive", pyjit_compiler::Mode::Single),
        "func_type" => ("FunctionType", pyjit_compiler::Mode::Exec),
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval', 'single' or 'func_type'")),
    };
    let cls = classes(vm)?;
    let want_cls = vm.dict_get_by_str(cls, want).unwrap_or(vm.none);
    if !vm.isinstance(*tree, want_cls) {
        let tn = vm.type_name_of(*tree);
        return Err(vm.type_error(&format!("expected {want} node, got {tn}")));
    }
    if want == "FunctionType" {
        return Err(vm.value_error("compile() mode 'func_type' requires flag PyCF_ONLY_AST"));
    }
    let future = future_annotations(vm, *tree);
    let (mut f, text) = from_py::FromPy::new(vm, cls, *tree, future)?;
    let range = pyjit_compiler::ruff_text_size::TextRange::default();
    let node_index = Default::default();
    let module = if want == "Expression" {
        let body = Box::new(f.expr(*tree, "body", want)?);
        Mod::Expression(pyjit_compiler::ruff_ast::ModExpression { node_index, range, body })
    } else {
        if want == "Module" {
            f.list_field(*tree, "type_ignores", want)?;
        }
        let body = f.body(*tree, "body", want, false)?;
        Mod::Module(pyjit_compiler::ruff_ast::ModModule { node_index, range, body: body.into() })
    };
    let src = pyjit_compiler::SourceMap::new(&fname, &text);
    let level = vm.as_i64(*optimize).unwrap_or(-1);
    let saved = pyjit_compiler::optimize();
    if (0..=2).contains(&level) {
        pyjit_compiler::set_optimize(level as u8);
    }
    let mut warnings = Vec::new();
    let r = pyjit_compiler::compile_tree(&module, &src, m, &mut warnings);
    pyjit_compiler::set_optimize(saved);
    vm.report_compile_warnings(&warnings, &fname)?;
    match r {
        Ok(code) => Ok(vm.load_code(std::rc::Rc::new(code))),
        Err(e) => Err(vm.syntax_error(&e)),
    }
}

/// Whether a module's tree imports `annotations` from `__future__`.
fn future_annotations(vm: &mut Vm, tree: Value) -> bool {
    let Ok(body) = vm.getattr_str(tree, "body") else { return false };
    let stmts: Vec<Value> = body.get::<pyjit_vm::objects::ListObj>().map(|l| l.items.borrow().clone()).unwrap_or_default();
    for s in stmts {
        let Ok(m) = vm.getattr_str(s, "module") else { continue };
        if m.kind() != Some(ObjKind::Str) || vm.str_of(m) != "__future__" {
            continue;
        }
        let Ok(names) = vm.getattr_str(s, "names") else { continue };
        let names: Vec<Value> = names.get::<pyjit_vm::objects::ListObj>().map(|l| l.items.borrow().clone()).unwrap_or_default();
        for n in names {
            if let Ok(name) = vm.getattr_str(n, "name") {
                if name.kind() == Some(ObjKind::Str) && vm.str_of(name) == "annotations" {
                    return true;
                }
            }
        }
    }
    false
}

//! repr() and str() of the builtin types.

use crate::heap::{ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::objects::*;

use super::num::float_repr;
use super::strfmt::repr_bytes;

/// `<module.Class object at 0x...>`.
pub fn default_repr(vm: &mut Vm, v: Value) -> String {
    let ty = vm.type_of(v);
    let name = vm.type_name_qualified_full(ty);
    format!("<{name} object at {:#x}>", v.raw())
}

/// repr() of a complex: `imj` when the real part is +0.0, else `(re±imj)` (CPython's layout,
/// shortest digits without a `.0`).
pub fn complex_repr(re: f64, im: f64) -> String {
    use super::dtoa::{double_to_string, DtoaFlags};
    let plain = DtoaFlags::default();
    if re == 0.0 && re.is_sign_positive() {
        format!("{}j", double_to_string(im, 'r', 0, plain))
    } else {
        let signed = DtoaFlags { sign: true, ..plain };
        format!("({}{}j)", double_to_string(re, 'r', 0, plain), double_to_string(im, 'r', 0, signed))
    }
}

/// repr of builtin objects; None when the type has no native repr.
pub fn native_repr(vm: &mut Vm, v: Value) -> PyResult<Option<String>> {
    let Some(kind) = v.kind() else { return Ok(Some(v.small_value().to_string())) };
    Ok(Some(match kind {
        ObjKind::BigInt => vm.int_to_str(v)?,
        ObjKind::Bool => if v == vm.true_ { "True".into() } else { "False".into() },
        ObjKind::Float => float_repr(v.get::<FloatObj>().map(|f| f.0).unwrap_or(0.0)),
        ObjKind::Complex => {
            let c = v.get::<ComplexObj>().expect("kind checked");
            complex_repr(c.re, c.im)
        }
        ObjKind::Str => super::strfmt::repr_str_obj(&v.get::<StrObj>().expect("kind checked")),
        ObjKind::Bytes => repr_bytes(&v.get::<BytesObj>().expect("kind checked").data, "b"),
        ObjKind::ByteArray => {
            let b = v.get::<ByteArrayObj>().expect("kind checked").data.borrow().clone();
            format!("bytearray({})", super::strfmt::repr_bytes_q(&b, "b", true))
        }
        ObjKind::Singleton => {
            if v == vm.none {
                "None".into()
            } else if v == vm.not_implemented {
                "NotImplemented".into()
            } else {
                "Ellipsis".into()
            }
        }
        ObjKind::Tuple => {
            let items = v.get::<TupleObj>().expect("kind checked").items.to_vec();
            if items.is_empty() {
                return Ok(Some("()".into()));
            }
            if vm.repr_stack.contains(&v) {
                return Ok(Some("(...)".into()));
            }
            let inner = seq_repr(vm, v, &items)?;
            if items.len() == 1 {
                format!("({inner},)")
            } else {
                format!("({inner})")
            }
        }
        ObjKind::List => {
            if vm.repr_stack.contains(&v) {
                return Ok(Some("[...]".into()));
            }
            let items = v.get::<ListObj>().expect("kind checked").snapshot();
            format!("[{}]", seq_repr(vm, v, &items)?)
        }
        ObjKind::Dict => {
            if vm.repr_stack.contains(&v) {
                return Ok(Some("{...}".into()));
            }
            let items = vm.dict_items(v);
            vm.enter_native_at(" while getting the repr of an object")?;
            vm.repr_stack.push(v);
            let mut parts = Vec::with_capacity(items.len());
            let mut res = Ok(());
            for (k, x) in items {
                match (vm.repr(k), vm.repr(x)) {
                    (Ok(a), Ok(b)) => parts.push(format!("{a}: {b}")),
                    (Err(e), _) | (_, Err(e)) => {
                        res = Err(e);
                        break;
                    }
                }
            }
            vm.repr_stack.pop();
            vm.leave_native();
            res?;
            format!("{{{}}}", parts.join(", "))
        }
        ObjKind::Set => {
            let items = vm.set_items(v);
            let ty = vm.type_of(v);
            let frozen = vm.is_subtype(ty, vm.types.frozenset);
            let name = vm.type_name(ty);
            if items.is_empty() {
                return Ok(Some(format!("{name}()")));
            }
            if vm.repr_stack.contains(&v) {
                return Ok(Some(format!("{name}(...)")));
            }
            let inner = seq_repr(vm, v, &items)?;
            if frozen || ty != vm.types.set {
                format!("{name}({{{inner}}})")
            } else {
                format!("{{{inner}}}")
            }
        }
        ObjKind::Type => {
            let t = v.get::<TypeObj>().expect("kind checked");
            let q = t.qualname.borrow().clone();
            let mn = vm.intern("__module__");
            let module = vm.type_dict_get(v, mn).map(|m| vm.str_of(m)).unwrap_or_else(|| "builtins".into());
            if module == "builtins" || module.is_empty() {
                format!("<class '{q}'>")
            } else {
                format!("<class '{module}.{q}'>")
            }
        }
        ObjKind::Function => {
            let f = v.get::<FunctionObj>().expect("kind checked");
            format!("<function {} at {:#x}>", vm.str_of(f.qualname.get()), v.raw())
        }
        ObjKind::Builtin => {
            let b = v.get::<BuiltinObj>().expect("kind checked");
            if b.self_.is_null() && !b.owner.is_null() {
                let on = vm.type_name(b.owner);
                let what = if b.name.starts_with("__") { "slot wrapper" } else { "method" };
                return Ok(Some(format!("<{what} '{}' of '{on}' objects>", b.name)));
            }
            if b.self_.is_null() || b.self_.kind() == Some(ObjKind::Module) {
                format!("<built-in function {}>", b.name)
            } else {
                let tn = vm.type_name_of(b.self_);
                format!("<built-in method {} of {tn} object at {:#x}>", b.name, b.self_.raw())
            }
        }
        ObjKind::Method => {
            let m = v.get::<MethodObj>().expect("kind checked");
            let (func, self_) = (m.func, m.self_);
            let q = match func.get::<FunctionObj>() {
                Some(f) => vm.str_of(f.qualname.get()),
                None => {
                    // another callable: its __qualname__, else its __name__, else "?"
                    let qn = vm.intern("__qualname__");
                    let nn = vm.intern("__name__");
                    let q = match vm.getattr_opt(func, qn)? {
                        Some(v) => Some(v),
                        None => vm.getattr_opt(func, nn)?,
                    };
                    match q {
                        Some(v) if v.kind() == Some(ObjKind::Str) => vm.str_of(v),
                        _ => "?".into(),
                    }
                }
            };
            let sr = vm.repr(self_)?;
            format!("<bound method {q} of {sr}>")
        }
        ObjKind::Module => {
            let m = v.get::<ModuleObj>().expect("kind checked");
            let name = vm.str_of(m.name);
            let d = m.dict;
            match vm.dict_get_by_str(d, "__file__") {
                Some(f) if f.kind() == Some(ObjKind::Str) => format!("<module '{name}' from '{}'>", vm.str_of(f)),
                _ => format!("<module '{name}' (built-in)>"),
            }
        }
        ObjKind::Range => {
            let r = v.get::<RangeObj>().expect("kind checked");
            let (a, b, c) = (r.start, r.stop, r.step);
            let (sa, sb) = (vm.repr(a)?, vm.repr(b)?);
            if vm.as_i64(c) == Some(1) {
                format!("range({sa}, {sb})")
            } else {
                format!("range({sa}, {sb}, {})", vm.repr(c)?)
            }
        }
        ObjKind::Slice => {
            let s = v.get::<SliceObj>().expect("kind checked");
            let (a, b, c) = (s.start, s.stop, s.step);
            format!("slice({}, {}, {})", vm.repr(a)?, vm.repr(b)?, vm.repr(c)?)
        }
        ObjKind::Exception => {
            let ty = vm.type_of(v);
            let name = vm.type_name(ty);
            let args = vm.exc_args(v);
            if args.len() == 1 {
                format!("{name}({})", vm.repr(args[0])?)
            } else {
                let t = vm.new_tuple(args.clone());
                let r = vm.repr(t)?;
                if args.is_empty() {
                    format!("{name}()")
                } else {
                    format!("{name}{r}")
                }
            }
        }
        ObjKind::CellK => {
            let c = v.get::<CellObj>().map(|c| c.v.get()).unwrap_or(Value::NULL);
            if c.is_null() {
                format!("<cell at {:#x}: empty>", v.raw())
            } else {
                let tn = vm.type_name_of(c);
                format!("<cell at {:#x}: {tn} object at {:#x}>", v.raw(), c.raw())
            }
        }
        ObjKind::Code => {
            let c = v.get::<CodeObj>().expect("kind checked");
            format!("<code object {} at {:#x}, file \"{}\", line {}>", c.code.name, v.raw(), c.code.filename, c.code.first_line)
        }
        ObjKind::Generator => {
            let g = v.get::<GeneratorObj>().expect("kind checked");
            let what = match g.flavor {
                1 => "coroutine",
                2 => "async_generator",
                _ => "generator",
            };
            format!("<{what} object {} at {:#x}>", vm.str_of(g.qualname.get()), v.raw())
        }
        ObjKind::DictView => {
            let dv = v.get::<DictViewObj>().expect("kind checked");
            let (d, which) = (dv.dict, dv.which);
            let name = vm.type_name_of(v);
            let parts: Vec<Value> = match which {
                0 => vm.dict_keys(d),
                1 => vm.dict_items(d).into_iter().map(|e| e.1).collect(),
                _ => {
                    let items = vm.dict_items(d);
                    let mut out = Vec::new();
                    for (k, x) in items {
                        out.push(vm.new_tuple(vec![k, x]));
                    }
                    out
                }
            };
            let l = vm.new_list(parts);
            format!("{name}({})", vm.repr(l)?)
        }
        ObjKind::Property | ObjKind::ClassMethod | ObjKind::StaticMethod | ObjKind::Super | ObjKind::Iter
        | ObjKind::Instance | ObjKind::Map | ObjKind::Traceback | ObjKind::Frame | ObjKind::MemoryView => {
            if kind == ObjKind::MemoryView {
                let released = v.get::<MemoryViewObj>().map(|m| m.released.get()).unwrap_or(false);
                let what = if released { "released memory" } else { "memory" };
                return Ok(Some(format!("<{what} at {:#x}>", v.raw())));
            }
            if let Some(fo) = v.get::<FrameObj>() {
                let line = match crate::modules::sys::live_frame(vm, v) {
                    Some(level) => vm.frames[level].line(),
                    None => fo.lineno.get(),
                };
                let (file, name) = fo.code.get::<CodeObj>().map(|c| (c.code.filename.to_string(), c.code.name.clone())).unwrap_or_default();
                let file = super::strfmt::repr_str(&file);
                return Ok(Some(format!("<frame at {:#x}, file {file}, line {line}, code {name}>", v.raw())));
            }
            if kind == ObjKind::StaticMethod || kind == ObjKind::ClassMethod {
                let f = v.get::<StaticMethodObj>().map(|s| s.f).or_else(|| v.get::<ClassMethodObj>().map(|c| c.f)).unwrap_or(Value::NULL);
                let name = vm.type_name_of(v);
                return Ok(Some(format!("<{name}({})>", vm.repr(f)?)));
            }
            default_repr(vm, v)
        }
        ObjKind::Free | ObjKind::MemberDescr | ObjKind::MappingProxy | ObjKind::GenericAlias | ObjKind::Io | ObjKind::Sre | ObjKind::Native => return Ok(None),
    }))
}

fn seq_repr(vm: &mut Vm, container: Value, items: &[Value]) -> PyResult<String> {
    vm.enter_native_at(" while getting the repr of an object")?;
    vm.repr_stack.push(container);
    let mut parts = Vec::with_capacity(items.len());
    let mut res = Ok(());
    for &it in items {
        match vm.repr(it) {
            Ok(s) => parts.push(s),
            Err(e) => {
                res = Err(e);
                break;
            }
        }
    }
    vm.repr_stack.pop();
    vm.leave_native();
    res?;
    Ok(parts.join(", "))
}

/// str() where it differs from repr() for builtin types.
pub fn native_str(vm: &mut Vm, v: Value) -> PyResult<Option<String>> {
    match v.kind() {
        Some(ObjKind::Str) => Ok(Some(vm.str_of(v))),
        Some(ObjKind::Exception) => {
            let args = vm.exc_args(v);
            let ty = vm.type_of(v);
            if vm.is_subtype(ty, vm.types.key_error) && args.len() == 1 {
                return Ok(Some(vm.repr(args[0])?));
            }
            // a builtin subclass's own __str__ (OSError, ImportError, groups)
            let n = vm.intern("__str__");
            if let Some(f) = vm.lookup(ty, n) {
                let own = f.get::<BuiltinObj>().map(|b| b.owner != vm.types.base_exception && b.owner != vm.types.object).unwrap_or(false);
                if own {
                    let r = vm.call(f, &[v])?;
                    return Ok(Some(vm.str_of(r)));
                }
            }
            base_exc_str(vm, v, &args).map(Some)
        }
        // str() of a mappingproxy is str() of its mapping
        Some(ObjKind::MappingProxy) => match v.get::<MappingProxyObj>() {
            Some(p) => {
                let m = p.mapping;
                vm.str(m).map(Some)
            }
            None => Ok(None),
        },
        _ => Ok(None),
    }
}

/// BaseException.__str__ (KeyError shows the repr of its one argument).
pub fn base_exc_str(vm: &mut Vm, v: Value, args: &[Value]) -> PyResult<String> {
    let ty = vm.type_of(v);
    if vm.is_subtype(ty, vm.types.key_error) && args.len() == 1 {
        return vm.repr(args[0]);
    }
    Ok(match args.len() {
        0 => String::new(),
        1 => vm.str(args[0])?,
        _ => {
            let t = vm.new_tuple(args.to_vec());
            vm.repr(t)?
        }
    })
}

impl Vm {
    /// module.qualname of a class, for default reprs.
    pub fn type_name_qualified_full(&mut self, ty: Value) -> String {
        let q = ty.get::<TypeObj>().map(|t| t.qualname.borrow().clone()).unwrap_or_default();
        let mn = self.intern("__module__");
        match self.type_dict_get(ty, mn).map(|m| self.str_of(m)) {
            Some(m) if m != "builtins" && !m.is_empty() => format!("{m}.{q}"),
            _ => q,
        }
    }
}

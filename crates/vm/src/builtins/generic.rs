//! `types.GenericAlias` (`list[int]`) and `types.UnionType` (`int | str`).
//!
//! Both are `GenericAliasObj`s; the class tells them apart. An alias forwards attribute
//! reads other than its own to its origin class and calls the origin when called.

use crate::heap::{ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::objects::*;

use super::{marity, method};

/// Attributes a GenericAlias answers itself instead of forwarding them to its origin.
const OWN_ATTRS: &[&str] = &[
    "__class__",
    "__origin__",
    "__args__",
    "__unpacked__",
    "__parameters__",
    "__typing_unpacked_tuple_args__",
    "__mro_entries__",
    "__reduce_ex__",
    "__reduce__",
    "__copy__",
    "__deepcopy__",
];

impl Vm {
    /// `origin[args]`: a tuple of arguments is spread, anything else is one argument.
    pub fn new_generic_alias(&mut self, origin: Value, args: Value) -> Value {
        let args = if args.kind() == Some(ObjKind::Tuple) && self.type_of(args) == self.types.tuple {
            args
        } else {
            self.new_tuple(vec![args])
        };
        let t = self.types.generic_alias;
        self.alloc(t, GenericAliasObj { origin, args }).value()
    }

    pub fn is_union(&self, v: Value) -> bool {
        v.kind() == Some(ObjKind::GenericAlias) && self.type_of(v) == self.types.union_type
    }

    pub fn is_generic_alias(&self, v: Value) -> bool {
        v.kind() == Some(ObjKind::GenericAlias) && self.type_of(v) == self.types.generic_alias
    }

    /// The argument tuple's items of an alias or union.
    pub fn alias_args(&self, v: Value) -> Vec<Value> {
        v.get::<GenericAliasObj>().and_then(|g| g.args.get::<TupleObj>().map(|t| t.items.to_vec())).unwrap_or_default()
    }

    /// `a | b` for classes, None, aliases and unions (NotImplemented for anything else).
    pub fn make_union(&mut self, a: Value, b: Value) -> PyResult<Value> {
        let unionable = |vm: &Vm, v: Value| v == vm.none || vm.is_type(v) || v.kind() == Some(ObjKind::GenericAlias);
        if !unionable(self, a) || !unionable(self, b) {
            return Ok(self.not_implemented);
        }
        let mut args: Vec<Value> = Vec::new();
        for v in [a, b] {
            let parts = if self.is_union(v) { self.alias_args(v) } else { vec![v] };
            for p in parts {
                let p = if p == self.none { self.types.none_type } else { p };
                let mut dup = false;
                for &q in &args {
                    let same = if self.is_generic_alias(p) && self.is_generic_alias(q) { self.eq(p, q)? } else { p == q };
                    if same {
                        dup = true;
                        break;
                    }
                }
                if !dup {
                    args.push(p);
                }
            }
        }
        if args.len() == 1 {
            return Ok(args[0]);
        }
        let args = self.new_tuple(args);
        let t = self.types.union_type;
        Ok(self.alloc(t, GenericAliasObj { origin: Value::NULL, args }).value())
    }

    /// How an argument of an alias or union prints: classes by qualified name.
    fn alias_item_repr(&mut self, v: Value) -> PyResult<String> {
        if v == self.ellipsis {
            return Ok("...".into());
        }
        if v.kind() == Some(ObjKind::GenericAlias) {
            return self.repr(v);
        }
        if let Some(t) = v.get::<TypeObj>() {
            let q = t.qualname.borrow().clone();
            let mn = self.intern("__module__");
            let module = self.type_dict_get(v, mn).map(|m| self.str_of(m)).unwrap_or_else(|| "builtins".into());
            return Ok(if module == "builtins" { q } else { format!("{module}.{q}") });
        }
        self.repr(v)
    }
}

fn parts(vm: &mut Vm, v: Value) -> PyResult<(Value, Value)> {
    v.get::<GenericAliasObj>().map(|g| (g.origin, g.args)).ok_or_else(|| vm.type_error("expected a generic alias"))
}

fn ga_repr(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let (origin, _) = parts(vm, a[0])?;
    let args = vm.alias_args(a[0]);
    let mut s = vm.alias_item_repr(origin)?;
    s.push('[');
    if args.is_empty() {
        s.push_str("()");
    }
    for (i, &x) in args.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        let r = vm.alias_item_repr(x)?;
        s.push_str(&r);
    }
    s.push(']');
    Ok(vm.new_string(s))
}

fn ga_getattribute(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "__getattribute__")?;
    let name = vm.intern_value(a[1]);
    let (origin, args) = parts(vm, a[0])?;
    let n = vm.str_of(name);
    if !OWN_ATTRS.contains(&n.as_str()) {
        return vm.getattr(origin, name);
    }
    match n.as_str() {
        "__origin__" => Ok(origin),
        "__args__" => Ok(args),
        "__parameters__" => Ok(vm.empty_tuple),
        "__unpacked__" => Ok(vm.false_),
        _ => match vm.generic_getattr(a[0], name)? {
            Some(v) => Ok(v),
            None => Err(vm.no_attribute(a[0], name)),
        },
    }
}

fn ga_call(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let (origin, _) = parts(vm, a[0])?;
    let r = vm.call_kw(origin, &a[1..], k)?;
    let n = vm.intern("__orig_class__");
    if let Err(e) = vm.setattr(r, n, a[0]) {
        if !vm.isinstance(e.0, vm.types.attribute_error) && !vm.isinstance(e.0, vm.types.type_error) {
            return Err(e);
        }
    }
    Ok(r)
}

fn ga_mro_entries(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let (origin, _) = parts(vm, a[0])?;
    Ok(vm.new_tuple(vec![origin]))
}

fn ga_eq_impl(vm: &mut Vm, a: Value, b: Value) -> PyResult<Option<bool>> {
    if a.kind() != Some(ObjKind::GenericAlias) || b.kind() != Some(ObjKind::GenericAlias) || vm.type_of(a) != vm.type_of(b) {
        return Ok(None);
    }
    let (o1, t1) = parts(vm, a)?;
    let (o2, t2) = parts(vm, b)?;
    if vm.is_union(a) {
        // unions compare as sets of arguments
        let (x, y) = (vm.alias_args(a), vm.alias_args(b));
        for (p, q) in [(&x, &y), (&y, &x)] {
            for &v in p.iter() {
                let mut found = false;
                for &w in q.iter() {
                    if vm.eq(v, w)? {
                        found = true;
                        break;
                    }
                }
                if !found {
                    return Ok(Some(false));
                }
            }
        }
        return Ok(Some(true));
    }
    Ok(Some(vm.eq(o1, o2)? && vm.eq(t1, t2)?))
}

fn ga_eq(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "__eq__")?;
    Ok(match ga_eq_impl(vm, a[0], a[1])? {
        Some(r) => vm.bool_val(r),
        None => vm.not_implemented,
    })
}

fn ga_ne(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "__ne__")?;
    Ok(match ga_eq_impl(vm, a[0], a[1])? {
        Some(r) => vm.bool_val(!r),
        None => vm.not_implemented,
    })
}

fn ga_hash(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let (origin, args) = parts(vm, a[0])?;
    let h = if vm.is_union(a[0]) {
        let fs = vm.new_frozenset();
        vm.set_update(fs, args)?;
        vm.hash(fs)?
    } else {
        vm.hash(origin)? ^ vm.hash(args)?
    };
    Ok(vm.new_int(if h == -1 { -2 } else { h }))
}

fn ga_or(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "__or__")?;
    vm.make_union(a[0], a[1])
}

fn ga_ror(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "__ror__")?;
    vm.make_union(a[1], a[0])
}

fn union_repr(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let args = vm.alias_args(a[0]);
    let mut out = Vec::with_capacity(args.len());
    for x in args {
        out.push(if x == vm.types.none_type { "None".to_string() } else { vm.alias_item_repr(x)? });
    }
    Ok(vm.new_string(out.join(" | ")))
}

fn union_args(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    Ok(parts(vm, a[0])?.1)
}

fn union_parameters(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    Ok(vm.empty_tuple)
}

fn alias_check(vm: &mut Vm, a: &[Value], what: &str) -> PyResult<Value> {
    marity(vm, a, 2, 2, what)?;
    let which = if what == "__instancecheck__" { "isinstance" } else { "issubclass" };
    Err(vm.type_error(&format!("{which}() argument 2 cannot be a parameterized generic")))
}

fn ga_instancecheck(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    alias_check(vm, a, "__instancecheck__")
}

fn ga_subclasscheck(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    alias_check(vm, a, "__subclasscheck__")
}

/// `GenericAlias(origin, args)`, also for subclasses (the library's _CallableGenericAlias).
fn ga_new(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    super::no_kw(vm, k, "GenericAlias")?;
    if a.len() != 3 {
        return Err(vm.type_error(&format!("GenericAlias expected 2 arguments, got {}", a.len().saturating_sub(1))));
    }
    let cls = a[0];
    if !vm.is_type(cls) || !vm.is_subtype(cls, vm.types.generic_alias) {
        return Err(vm.type_error("GenericAlias.__new__(X): X is not a subtype of GenericAlias"));
    }
    let g = vm.new_generic_alias(a[1], a[2]);
    let args = g.get::<GenericAliasObj>().map(|g| g.args).unwrap_or(Value::NULL);
    Ok(vm.alloc(cls, GenericAliasObj { origin: a[1], args }).value())
}

/// `cls[item]` for the builtin generic classes (list, dict, ...).
pub fn class_getitem(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "__class_getitem__")?;
    Ok(vm.new_generic_alias(a[0], a[1]))
}

pub fn register(vm: &mut Vm) {
    let ga = vm.types.generic_alias;
    let ms: &[(&'static str, crate::interp::NativeFn)] = &[
        ("__repr__", ga_repr),
        ("__getattribute__", ga_getattribute),
        ("__call__", ga_call),
        ("__mro_entries__", ga_mro_entries),
        ("__eq__", ga_eq),
        ("__ne__", ga_ne),
        ("__hash__", ga_hash),
        ("__or__", ga_or),
        ("__ror__", ga_ror),
        ("__instancecheck__", ga_instancecheck),
        ("__subclasscheck__", ga_subclasscheck),
    ];
    for &(n, f) in ms {
        method(vm, ga, n, f);
    }
    super::static_method(vm, ga, "__new__", ga_new);
    if let Some(t) = ga.get::<TypeObj>() {
        t.flags.set(t.flags.get() | type_flags::CUSTOM_GETATTR | type_flags::BASETYPE);
    }
    let un = vm.types.union_type;
    let ms: &[(&'static str, crate::interp::NativeFn)] = &[
        ("__repr__", union_repr),
        ("__eq__", ga_eq),
        ("__ne__", ga_ne),
        ("__hash__", ga_hash),
        ("__or__", ga_or),
        ("__ror__", ga_ror),
    ];
    for &(n, f) in ms {
        method(vm, un, n, f);
    }
    super::getset(vm, un, "__args__", union_args, None);
    super::getset(vm, un, "__parameters__", union_parameters, None);
    let types_name = vm.intern("types");
    for t in [ga, un] {
        if let Some(d) = t.get::<TypeObj>().map(|t| t.dict) {
            vm.dict_set_str(d, "__module__", types_name);
        }
    }
    let generic = [vm.types.list, vm.types.tuple, vm.types.dict, vm.types.set, vm.types.frozenset, vm.types.enumerate];
    for t in generic {
        super::class_method(vm, t, "__class_getitem__", class_getitem);
    }
}

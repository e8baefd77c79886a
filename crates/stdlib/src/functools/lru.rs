//! `_functools._lru_cache_wrapper`: the function object functools.lru_cache returns. The
//! cache is a dict kept in least- to most-recently-used order (a hit moves its key to the
//! end; a full cache drops the first key). Keys are made as CPython's C version makes them.

use crate::util::*;
use crate::{class_slot, native_state};

struct Lru {
    func: Value,
    /// None for an unbounded cache.
    maxsize: Option<usize>,
    typed: bool,
    info_type: Value,
    cache: Value,
    hits: i64,
    misses: i64,
}
native_state!(Lru, dict, |s, t| {
    t.visit_all(&[s.func, s.info_type, s.cache]);
});

class_slot!(KWD_MARK);

fn lru<R>(vm: &mut Vm, v: Value, f: impl FnOnce(&mut Lru) -> R) -> PyResult<R> {
    with_state::<Lru, R>(vm, v, "functools._lru_cache_wrapper", f)
}

fn lru_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, &a[1..], kw, "lru_cache", &["user_function", "maxsize", "typed", "cache_info_type"], &[], 4)?;
    let none = vm.none;
    let func = args[0].unwrap_or(none);
    if !is_callable(vm, func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let ms = args[1].unwrap_or(none);
    let maxsize = if ms == none {
        None
    } else if vm.is_int(ms) {
        Some(vm.as_i64(ms).unwrap_or(i64::MAX).max(0) as usize)
    } else {
        return Err(vm.type_error("maxsize should be integer or None"));
    };
    let typed_v = args[2].unwrap_or(none);
    let typed = vm.truthy(typed_v)?;
    let cache = vm.new_dict();
    let st = Lru { func, maxsize, typed, info_type: args[3].unwrap_or(none), cache, hits: 0, misses: 0 };
    Ok(new_native(vm, a[0], st))
}

/// The cache key of a call (see CPython's lru_cache_make_key).
fn make_key(vm: &mut Vm, args: &[Value], kws: &[(String, Value)], typed: bool) -> Value {
    if !typed && kws.is_empty() {
        if args.len() == 1 {
            let k = args[0];
            let exact = (k.kind() == Some(ObjKind::Str) && vm.type_of(k) == vm.types.str) || k.is_small() || (k.kind() == Some(ObjKind::BigInt) && vm.type_of(k) == vm.types.int);
            if exact {
                return k;
            }
        }
        return vm.new_tuple(args.to_vec());
    }
    let mut items = args.to_vec();
    if !kws.is_empty() {
        let mut mark = KWD_MARK.with(|c| c.get());
        if mark.is_null() {
            let ot = vm.types.object;
            mark = vm.new_instance(ot);
            vm.permanent.push(mark);
            KWD_MARK.with(|c| c.set(mark));
        }
        items.push(mark);
        for (k, v) in kws {
            let kv = vm.new_str(k);
            items.push(kv);
            items.push(*v);
        }
    }
    if typed {
        for &v in args {
            items.push(vm.type_of(v));
        }
        for (_, v) in kws {
            items.push(vm.type_of(*v));
        }
    }
    vm.new_tuple(items)
}

fn lru_call(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let me = a[0];
    let (func, maxsize, typed, cache) = lru(vm, me, |l| (l.func, l.maxsize, l.typed, l.cache))?;
    let call_args = &a[1..];
    if maxsize == Some(0) {
        lru(vm, me, |l| l.misses += 1)?;
        return vm.call_kw(func, call_args, kw);
    }
    let kws = keywords(vm, call_args, kw);
    let pos = positional(call_args, kw);
    let key = make_key(vm, pos, &kws, typed);
    let h = vm.hash(key)?;
    // a bounded cache moves a hit to the end (most recently used)
    let hit = if maxsize.is_some() { vm.dict_get_move_to_end(cache, key, h)? } else { vm.dict_get_h(cache, key, h)? };
    if let Some(v) = hit {
        lru(vm, me, |l| l.hits += 1)?;
        return Ok(v);
    }
    lru(vm, me, |l| l.misses += 1)?;
    let result = vm.call_kw(func, call_args, kw)?;
    if let Some(max) = maxsize {
        if vm.dict_get_h(cache, key, h)?.is_some() {
            // a recursive call cached it meanwhile
            return Ok(result);
        }
        if vm.len(cache)? >= max {
            if let Some(&oldest) = vm.dict_keys(cache).first() {
                vm.dict_del(cache, oldest)?;
            }
        }
    }
    vm.dict_set_h(cache, key, result, h)?;
    Ok(result)
}

fn lru_get(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    if a.len() < 2 || a.len() > 3 {
        return Err(vm.type_error(&format!("expected 1 or 2 arguments, got {}", a.len().saturating_sub(1))));
    }
    let obj = a.get(1).copied().unwrap_or(vm.none);
    if obj == vm.none {
        return Ok(a[0]);
    }
    Ok(vm.new_method(a[0], obj))
}

fn cache_info(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "_lru_cache_wrapper.cache_info")?;
    let (hits, misses, maxsize, cache, info) = lru(vm, a[0], |l| (l.hits, l.misses, l.maxsize, l.cache, l.info_type))?;
    let n = vm.len(cache)?;
    let (h, m) = (vm.new_int(hits), vm.new_int(misses));
    let ms = match maxsize {
        Some(x) => vm.new_int(x as i64),
        None => vm.none,
    };
    let cur = vm.new_int(if maxsize == Some(0) { 0 } else { n as i64 });
    vm.call(info, &[h, m, ms, cur])
}

fn cache_clear(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "_lru_cache_wrapper.cache_clear")?;
    let cache = lru(vm, a[0], |l| {
        l.hits = 0;
        l.misses = 0;
        l.cache
    })?;
    vm.call_method_str(cache, "clear", &[])?;
    Ok(vm.none)
}

fn lru_reduce(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 0)?;
    vm.getattr_str(a[0], "__qualname__")
}

fn lru_copy(_vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    Ok(a[0])
}

pub fn register(vm: &mut Vm, m: Value) {
    let t = new_class(vm, "functools", "_lru_cache_wrapper", None, ObjKind::Native, true);
    set_new(vm, t, lru_new);
    add_methods(
        vm,
        t,
        &[
            ("__call__", lru_call),
            ("__get__", lru_get),
            ("cache_info", cache_info),
            ("cache_clear", cache_clear),
            ("__reduce__", lru_reduce),
            ("__copy__", lru_copy),
            ("__deepcopy__", lru_copy),
        ],
    );
    add_getsets(vm, t, &[("__dict__", super::dict_get, None)]);
    set_attr(vm, m, "_lru_cache_wrapper", t);
}

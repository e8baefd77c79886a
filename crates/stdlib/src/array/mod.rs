//! `array`: the array.array type (typed items stored as machine bytes, exported as a
//! buffer so bytes(), struct and the hash/zlib functions read it), its iterator and
//! `_array_reconstructor`. Conversions per typecode are in items.rs.

mod items;

use pyjit_compiler::opcode::CmpOp;
use pyjit_vm::objects::{ListObj, SliceObj};

use crate::util::*;
use crate::{class_slot, native_state};

pub struct Array {
    pub tc: u8,
    pub data: Vec<u8>,
}

impl pyjit_vm::objects::NativeData for Array {
    fn trace(&self, _t: &mut Tracer) {}
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
    fn buffer(&self) -> Option<&[u8]> {
        Some(&self.data)
    }
    fn buffer_mut(&mut self) -> Option<&mut [u8]> {
        Some(&mut self.data)
    }
    fn buffer_format(&self) -> u8 {
        // 'u' items are wchar_t, which the buffer protocol spells 'w'
        if self.tc == b'u' { b'w' } else { self.tc }
    }
    fn len(&self) -> Option<usize> {
        Some(self.data.len() / items::itemsize(self.tc))
    }
}

impl Array {
    fn size(&self) -> usize {
        items::itemsize(self.tc)
    }
    fn len(&self) -> usize {
        self.data.len() / self.size()
    }
}

class_slot!(ARRAY);
class_slot!(ITER);

fn arr<R>(vm: &mut Vm, v: Value, f: impl FnOnce(&mut Array) -> R) -> PyResult<R> {
    with_state::<Array, R>(vm, v, "array.array", f)
}

fn info(vm: &mut Vm, v: Value) -> PyResult<(u8, usize, usize)> {
    arr(vm, v, |a| (a.tc, a.size(), a.len()))
}

/// The bytes of Python items for typecode `tc`.
fn encode_all(vm: &mut Vm, tc: u8, vals: &[Value]) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(vals.len() * items::itemsize(tc));
    for &v in vals {
        items::to_bytes(vm, tc, v, &mut out)?;
    }
    Ok(out)
}

fn item_at(vm: &mut Vm, me: Value, i: usize) -> PyResult<Value> {
    let (tc, d) = arr(vm, me, |a| {
        let s = a.size();
        (a.tc, a.data[i * s..(i + 1) * s].to_vec())
    })?;
    Ok(items::from_bytes(vm, tc, &d))
}

fn tolist_values(vm: &mut Vm, me: Value) -> PyResult<Vec<Value>> {
    let (tc, s, data) = arr(vm, me, |a| (a.tc, a.size(), a.data.clone()))?;
    Ok(data.chunks(s).map(|c| items::from_bytes(vm, tc, c)).collect())
}

fn new_array(vm: &mut Vm, ty: Value, tc: u8, data: Vec<u8>) -> Value {
    new_native(vm, ty, Array { tc, data })
}

fn array_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let cls = a[0];
    if nkw(kw) > 0 && cls == ARRAY.with(|c| c.get()) {
        return Err(vm.type_error("array.array() takes no keyword arguments"));
    }
    let pos = positional(&a[1..], kw);
    if pos.is_empty() || pos.len() > 2 {
        let n = pos.len();
        let msg = if n == 0 { format!("array() takes at least 1 argument ({n} given)") } else { format!("array() takes at most 2 arguments ({n} given)") };
        return Err(vm.type_error(&msg));
    }
    let tcv = pos[0];
    let tc = if is_str(tcv) {
        let s = vm.str_of(tcv);
        let mut cs = s.chars();
        match (cs.next(), cs.next()) {
            (Some(c), None) => c,
            _ => {
                let tn = vm.type_name_of(tcv);
                return Err(vm.type_error(&format!("array() argument 1 must be a unicode character, not {tn}")));
            }
        }
    } else {
        let tn = vm.type_name_of(tcv);
        return Err(vm.type_error(&format!("array() argument 1 must be a unicode character, not {tn}")));
    };
    if !c_is_typecode(tc) {
        return Err(vm.value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)"));
    }
    let tc = tc as u8;
    let me = new_array(vm, cls, tc, Vec::new());
    if let Some(&init) = pos.get(1) {
        if is_str(init) {
            if tc != b'u' {
                return Err(vm.type_error(&format!("cannot use a str to initialize an array with typecode '{}'", tc as char)));
            }
            fromunicode_into(vm, me, init)?;
        } else if init.kind() == Some(ObjKind::Bytes) || init.kind() == Some(ObjKind::ByteArray) {
            frombytes_into(vm, me, init)?;
        } else if has_state::<Array>(init) {
            let (otc, od) = arr(vm, init, |x| (x.tc, x.data.clone()))?;
            if otc == tc {
                arr(vm, me, |x| x.data = od)?;
            } else {
                let vals = tolist_values(vm, init)?;
                let d = encode_all(vm, tc, &vals)?;
                arr(vm, me, |x| x.data = d)?;
            }
        } else {
            extend_iter(vm, me, init)?;
        }
    }
    Ok(me)
}

fn c_is_typecode(c: char) -> bool {
    c.is_ascii() && items::TYPECODES.contains(c)
}

fn extend_iter(vm: &mut Vm, me: Value, iterable: Value) -> PyResult<()> {
    let tc = arr(vm, me, |a| a.tc)?;
    let it = vm.iter(iterable)?;
    while let Some(v) = vm.next(it)? {
        let mut b = Vec::with_capacity(8);
        items::to_bytes(vm, tc, v, &mut b)?;
        arr(vm, me, |a| a.data.extend_from_slice(&b))?;
    }
    Ok(())
}

fn frombytes_into(vm: &mut Vm, me: Value, v: Value) -> PyResult<()> {
    let d = bytes_like(vm, v)?;
    let s = arr(vm, me, |a| a.size())?;
    if d.len() % s != 0 {
        return Err(vm.value_error("bytes length not a multiple of item size"));
    }
    arr(vm, me, |a| a.data.extend_from_slice(&d))?;
    Ok(())
}

fn fromunicode_into(vm: &mut Vm, me: Value, v: Value) -> PyResult<()> {
    let tc = arr(vm, me, |a| a.tc)?;
    if tc != b'u' {
        return Err(vm.value_error("fromunicode() may only be called on unicode type arrays"));
    }
    if !is_str(v) {
        let tn = vm.type_name_of(v);
        return Err(vm.type_error(&format!("fromunicode() argument must be str, not {tn}")));
    }
    let s = vm.str_of(v);
    let mut d = Vec::with_capacity(s.len() * 4);
    for c in s.chars() {
        d.extend_from_slice(&(c as u32).to_ne_bytes());
    }
    arr(vm, me, |a| a.data.extend_from_slice(&d))?;
    Ok(())
}

fn a_append(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = onearg(vm, a, kw, "array.append")?;
    let tc = arr(vm, a[0], |x| x.tc)?;
    let mut b = Vec::with_capacity(8);
    items::to_bytes(vm, tc, v, &mut b)?;
    arr(vm, a[0], |x| x.data.extend_from_slice(&b))?;
    Ok(vm.none)
}

fn a_extend(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = onearg(vm, a, kw, "array.extend")?;
    if has_state::<Array>(v) {
        let (tc, d) = arr(vm, v, |x| (x.tc, x.data.clone()))?;
        let same = arr(vm, a[0], |x| x.tc == tc)?;
        if !same {
            return Err(vm.type_error("can only extend with array of same kind"));
        }
        arr(vm, a[0], |x| x.data.extend_from_slice(&d))?;
        return Ok(vm.none);
    }
    extend_iter(vm, a[0], v)?;
    Ok(vm.none)
}

fn a_frombytes(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = onearg(vm, a, kw, "array.frombytes")?;
    frombytes_into(vm, a[0], v)?;
    Ok(vm.none)
}

fn a_fromlist(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = onearg(vm, a, kw, "array.fromlist")?;
    let Some(l) = v.get::<ListObj>() else { return Err(vm.type_error("arg must be list")) };
    let vals = l.snapshot();
    let tc = arr(vm, a[0], |x| x.tc)?;
    let d = encode_all(vm, tc, &vals)?;
    arr(vm, a[0], |x| x.data.extend_from_slice(&d))?;
    Ok(vm.none)
}

fn a_fromunicode(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = onearg(vm, a, kw, "array.fromunicode")?;
    fromunicode_into(vm, a[0], v)?;
    Ok(vm.none)
}

fn a_tobytes(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "array.tobytes")?;
    let d = arr(vm, a[0], |x| x.data.clone())?;
    Ok(vm.new_bytes(d))
}

fn a_tolist(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "array.tolist")?;
    let vals = tolist_values(vm, a[0])?;
    Ok(vm.new_list(vals))
}

fn a_tounicode(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "array.tounicode")?;
    let (tc, d) = arr(vm, a[0], |x| (x.tc, x.data.clone()))?;
    if tc != b'u' {
        return Err(vm.value_error("tounicode() may only be called on unicode type arrays"));
    }
    let cps: Vec<u32> = d.chunks(4).map(|c| u32::from_ne_bytes([c[0], c[1], c[2], c[3]])).collect();
    if cps.iter().any(|&c| c > 0x10ffff) {
        return Err(vm.value_error("character U+110000 is not in range [U+0000; U+10ffff]"));
    }
    Ok(vm.new_str_cps(&cps))
}

fn a_buffer_info(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "array.buffer_info")?;
    let (ptr, n) = arr(vm, a[0], |x| (x.data.as_ptr() as usize, x.len()))?;
    let p = vm.new_int(ptr as i64);
    let nv = vm.new_int(n as i64);
    Ok(vm.new_tuple(vec![p, nv]))
}

fn a_byteswap(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "array.byteswap")?;
    arr(vm, a[0], |x| {
        let s = x.size();
        for c in x.data.chunks_mut(s) {
            c.reverse();
        }
    })?;
    Ok(vm.none)
}

fn a_reverse(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "array.reverse")?;
    arr(vm, a[0], |x| {
        let s = x.size();
        let items: Vec<Vec<u8>> = x.data.chunks(s).rev().map(|c| c.to_vec()).collect();
        x.data = items.concat();
    })?;
    Ok(vm.none)
}

/// The position of the first item equal to `v` in `start..stop`.
fn find(vm: &mut Vm, me: Value, v: Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    for i in start..stop {
        if i >= info(vm, me)?.2 {
            break;
        }
        let it = item_at(vm, me, i)?;
        if vm.eq(it, v)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn a_count(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = onearg(vm, a, kw, "array.count")?;
    let n = info(vm, a[0])?.2;
    let mut c = 0;
    for i in 0..n {
        if i >= info(vm, a[0])?.2 {
            break;
        }
        let it = item_at(vm, a[0], i)?;
        if vm.eq(it, v)? {
            c += 1;
        }
    }
    Ok(vm.new_int(c))
}

fn a_index(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "index")?;
    check_count(vm, a.len() - 1, "index", 1, 3)?;
    let n = info(vm, a[0])?.2 as i64;
    let clamp = |x: i64| if x < 0 { (x + n).max(0) } else { x.min(n) };
    let start = match a.get(2) {
        Some(&v) => clamp(ssize(vm, v)?),
        None => 0,
    };
    let stop = match a.get(3) {
        Some(&v) => clamp(ssize(vm, v)?),
        None => n,
    };
    match find(vm, a[0], a[1], start as usize, stop as usize)? {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => Err(vm.value_error("array.index(x): x not in array")),
    }
}

fn a_remove(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = onearg(vm, a, kw, "array.remove")?;
    let n = info(vm, a[0])?.2;
    match find(vm, a[0], v, 0, n)? {
        Some(i) => {
            arr(vm, a[0], |x| {
                let s = x.size();
                x.data.drain(i * s..(i + 1) * s);
            })?;
            Ok(vm.none)
        }
        None => Err(vm.value_error("array.remove(x): x not in array")),
    }
}

fn a_insert(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "insert")?;
    check_count(vm, a.len() - 1, "insert", 2, 2)?;
    let i = ssize(vm, a[1])?;
    let tc = arr(vm, a[0], |x| x.tc)?;
    let mut b = Vec::with_capacity(8);
    items::to_bytes(vm, tc, a[2], &mut b)?;
    arr(vm, a[0], |x| {
        let n = x.len() as i64;
        let at = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
        let s = x.size();
        x.data.splice(at * s..at * s, b);
    })?;
    Ok(vm.none)
}

fn a_pop(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "pop")?;
    check_count(vm, a.len() - 1, "pop", 0, 1)?;
    let i = match a.get(1) {
        Some(&v) => ssize(vm, v)?,
        None => -1,
    };
    let n = info(vm, a[0])?.2 as i64;
    if n == 0 {
        return Err(vm.index_error("pop from empty array"));
    }
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("pop index out of range"));
    }
    let v = item_at(vm, a[0], j as usize)?;
    arr(vm, a[0], |x| {
        let s = x.size();
        x.data.drain(j as usize * s..(j as usize + 1) * s);
    })?;
    Ok(v)
}

fn index_key(vm: &mut Vm, key: Value, n: usize) -> PyResult<usize> {
    let i = match vm.index_opt(key)? {
        Some(i) => match vm.as_i64(i) {
            Some(x) => x,
            None => return Err(vm.index_error("cannot fit 'int' into an index-sized integer")),
        },
        None => return Err(vm.type_error("array indices must be integers")),
    };
    let j = if i < 0 { i + n as i64 } else { i };
    if j < 0 || j >= n as i64 {
        return Err(vm.index_error("array index out of range"));
    }
    Ok(j as usize)
}

fn slice_positions(vm: &mut Vm, key: Value, n: usize) -> PyResult<Vec<usize>> {
    let b = vm.slice_bounds(key, n)?;
    Ok((0..b.len).map(|k| (b.start + k as i64 * b.step) as usize).collect())
}

fn a_getitem(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 1)?;
    let (tc, s, n) = info(vm, a[0])?;
    if a[1].get::<SliceObj>().is_some() {
        let pos = slice_positions(vm, a[1], n)?;
        let d = arr(vm, a[0], |x| pos.iter().flat_map(|&p| x.data[p * s..(p + 1) * s].iter().copied()).collect::<Vec<u8>>())?;
        let ty = ARRAY.with(|c| c.get());
        return Ok(new_array(vm, ty, tc, d));
    }
    let i = index_key(vm, a[1], n)?;
    item_at(vm, a[0], i)
}

fn a_setitem(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 2)?;
    let (tc, s, n) = info(vm, a[0])?;
    let v = a[2];
    if a[1].get::<SliceObj>().is_some() {
        if !has_state::<Array>(v) {
            let tn = vm.type_name_of(v);
            return Err(vm.type_error(&format!("can only assign array (not \"{tn}\") to array slice")));
        }
        let (vtc, vd) = arr(vm, v, |x| (x.tc, x.data.clone()))?;
        if vtc != tc {
            return Err(vm.type_error("bad argument type for built-in operation"));
        }
        let b = vm.slice_bounds(a[1], n)?;
        if b.step == 1 {
            let (lo, hi) = (b.start as usize, (b.start as usize + b.len).max(b.start as usize));
            arr(vm, a[0], |x| {
                x.data.splice(lo * s..hi * s, vd);
            })?;
            return Ok(vm.none);
        }
        let pos: Vec<usize> = (0..b.len).map(|k| (b.start + k as i64 * b.step) as usize).collect();
        if vd.len() / s != pos.len() {
            return Err(vm.value_error(&format!("attempt to assign array of size {} to extended slice of size {}", vd.len() / s, pos.len())));
        }
        arr(vm, a[0], |x| {
            for (k, &p) in pos.iter().enumerate() {
                x.data[p * s..(p + 1) * s].copy_from_slice(&vd[k * s..(k + 1) * s]);
            }
        })?;
        return Ok(vm.none);
    }
    let i = index_key(vm, a[1], n)?;
    let mut b = Vec::with_capacity(8);
    items::to_bytes(vm, tc, v, &mut b)?;
    arr(vm, a[0], |x| {
        if (i + 1) * s <= x.data.len() {
            x.data[i * s..(i + 1) * s].copy_from_slice(&b);
        }
    })?;
    Ok(vm.none)
}

fn a_delitem(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 1)?;
    let (_, s, n) = info(vm, a[0])?;
    if a[1].get::<SliceObj>().is_some() {
        let mut pos = slice_positions(vm, a[1], n)?;
        pos.sort_unstable();
        arr(vm, a[0], |x| {
            for &p in pos.iter().rev() {
                x.data.drain(p * s..(p + 1) * s);
            }
        })?;
        return Ok(vm.none);
    }
    let i = index_key(vm, a[1], n)?;
    arr(vm, a[0], |x| {
        x.data.drain(i * s..(i + 1) * s);
    })?;
    Ok(vm.none)
}

fn a_len(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 0)?;
    let n = info(vm, a[0])?.2;
    Ok(vm.new_int(n as i64))
}

fn a_contains(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 1)?;
    let n = info(vm, a[0])?.2;
    let r = find(vm, a[0], a[1], 0, n)?.is_some();
    Ok(vm.bool_val(r))
}

fn a_add(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 1)?;
    if !has_state::<Array>(a[1]) {
        let tn = vm.type_name_of(a[1]);
        return Err(vm.type_error(&format!("can only append array (not \"{tn}\") to array")));
    }
    let (tc, mut d) = arr(vm, a[0], |x| (x.tc, x.data.clone()))?;
    let (otc, od) = arr(vm, a[1], |x| (x.tc, x.data.clone()))?;
    if tc != otc {
        return Err(vm.type_error("bad argument type for built-in operation"));
    }
    d.extend_from_slice(&od);
    let ty = ARRAY.with(|c| c.get());
    Ok(new_array(vm, ty, tc, d))
}

fn a_iadd(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 1)?;
    if !has_state::<Array>(a[1]) {
        let tn = vm.type_name_of(a[1]);
        return Err(vm.type_error(&format!("can only extend array with array (not \"{tn}\")")));
    }
    let (otc, od) = arr(vm, a[1], |x| (x.tc, x.data.clone()))?;
    let same = arr(vm, a[0], |x| x.tc == otc)?;
    if !same {
        return Err(vm.type_error("can only extend with array of same kind"));
    }
    arr(vm, a[0], |x| x.data.extend_from_slice(&od))?;
    Ok(a[0])
}

fn repeat_count(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match vm.index_opt(v)? {
        Some(i) => Ok(vm.as_i64(i).unwrap_or(i64::MAX)),
        None => {
            let tn = vm.type_name_of(v);
            Err(vm.type_error(&format!("can't multiply sequence by non-int of type '{tn}'")))
        }
    }
}

fn repeated(vm: &mut Vm, me: Value, n: i64) -> PyResult<Vec<u8>> {
    let d = arr(vm, me, |x| x.data.clone())?;
    let n = n.max(0) as u128;
    vm.checked_len(d.len() as u128 * n / 8)?;
    Ok(d.repeat(n as usize))
}

fn a_mul(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 1)?;
    let n = repeat_count(vm, a[1])?;
    let d = repeated(vm, a[0], n)?;
    let tc = arr(vm, a[0], |x| x.tc)?;
    let ty = ARRAY.with(|c| c.get());
    Ok(new_array(vm, ty, tc, d))
}

fn a_imul(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 1)?;
    let n = repeat_count(vm, a[1])?;
    let d = repeated(vm, a[0], n)?;
    arr(vm, a[0], |x| x.data = d)?;
    Ok(a[0])
}

fn a_repr(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 0)?;
    let (tc, _, n) = info(vm, a[0])?;
    let name = vm.type_name_of(a[0]);
    if n == 0 {
        return Ok(vm.new_string(format!("{name}('{}')", tc as char)));
    }
    let inner = if tc == b'u' {
        let s = a_tounicode(vm, &[a[0]], Value::NULL)?;
        vm.repr(s)?
    } else {
        let l = a_tolist(vm, &[a[0]], Value::NULL)?;
        vm.repr(l)?
    };
    Ok(vm.new_string(format!("{name}('{}', {inner})", tc as char)))
}

fn compare(vm: &mut Vm, a: &[Value], op: CmpOp) -> PyResult<Value> {
    if !has_state::<Array>(a[1]) {
        return Ok(vm.not_implemented);
    }
    let (n1, n2) = (info(vm, a[0])?.2, info(vm, a[1])?.2);
    if matches!(op, CmpOp::Eq | CmpOp::Ne) && n1 != n2 {
        return Ok(vm.bool_val(op == CmpOp::Ne));
    }
    let x = tolist_values(vm, a[0])?;
    let y = tolist_values(vm, a[1])?;
    let hx = vm.new_list(x.clone());
    let hy = vm.new_list(y.clone());
    let r = pyjit_vm::builtins::compare::seq_compare(vm, &x, &y, op);
    vm.keep(hx);
    vm.keep(hy);
    r
}

fn a_eq(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 1)?;
    compare(vm, a, CmpOp::Eq)
}
fn a_ne(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 1)?;
    compare(vm, a, CmpOp::Ne)
}
fn a_lt(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 1)?;
    compare(vm, a, CmpOp::Lt)
}
fn a_le(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 1)?;
    compare(vm, a, CmpOp::Le)
}
fn a_gt(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 1)?;
    compare(vm, a, CmpOp::Gt)
}
fn a_ge(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 1)?;
    compare(vm, a, CmpOp::Ge)
}

fn a_copy(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let (tc, d) = arr(vm, a[0], |x| (x.tc, x.data.clone()))?;
    let ty = ARRAY.with(|c| c.get());
    Ok(new_array(vm, ty, tc, d))
}

fn a_typecode(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let tc = arr(vm, a[0], |x| x.tc)?;
    Ok(vm.new_char(tc as char))
}

fn a_itemsize(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let s = arr(vm, a[0], |x| x.size())?;
    Ok(vm.new_int(s as i64))
}

fn a_reduce_ex(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let (tc, d) = arr(vm, a[0], |x| (x.tc, x.data.clone()))?;
    let ty = vm.type_of(a[0]);
    let dict = vm.instance_dict(a[0], false).filter(|d| vm.len(*d).map(|n| n > 0).unwrap_or(false)).unwrap_or(vm.none);
    let m = vm.intern("array");
    let mods = vm.modules;
    let module = vm.dict_get(mods, m)?.unwrap_or(vm.none);
    let recon = vm.getattr_str(module, "_array_reconstructor")?;
    let tcv = vm.new_char(tc as char);
    let mformat = vm.new_int(machine_format(tc));
    let b = vm.new_bytes(d);
    let args = vm.new_tuple(vec![ty, tcv, mformat, b]);
    Ok(vm.new_tuple(vec![recon, args, dict]))
}

/// CPython's machine format codes (little-endian x86-64 / aarch64).
fn machine_format(tc: u8) -> i64 {
    match tc {
        b'b' => 1,
        b'B' => 0,
        b'h' => 4,
        b'H' => 2,
        b'i' => 8,
        b'I' => 6,
        b'l' | b'q' => 12,
        b'L' | b'Q' => 10,
        b'f' => 14,
        b'd' => 16,
        _ => 20,
    }
}

fn array_reconstructor(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    check_pos(vm, a, kw, "_array_reconstructor", 4, 4)?;
    let (cls, tcv, mf, items) = (a[0], a[1], a[2], a[3]);
    if !vm.is_type(cls) {
        let tn = vm.type_name_of(cls);
        return Err(vm.type_error(&format!("first argument must be a type object, not {tn}")));
    }
    let tcs = vm.str_of(tcv);
    let Some(tc) = tcs.chars().next().filter(|c| c_is_typecode(*c)) else {
        return Err(vm.value_error("second argument must be a valid type code"));
    };
    let mfv = c_int(vm, mf)? as i64;
    let native = machine_format(tc as u8);
    let mut d = bytes_like(vm, items)?;
    if !(0..=21).contains(&mfv) {
        return Err(vm.value_error("third argument must be a valid machine format code."));
    }
    // the native format, or its big-endian twin (the next code) for multi-byte items
    let s = items::itemsize(tc as u8);
    if mfv == native + 1 && s > 1 {
        for c in d.chunks_mut(s) {
            c.reverse();
        }
    } else if mfv != native {
        return Err(vm.value_error("pyjit's array reconstructs only its own item formats (native or byte-swapped)"));
    }
    if d.len() % s != 0 {
        return Err(vm.value_error("string length not a multiple of item size"));
    }
    Ok(new_array(vm, cls, tc as u8, d))
}

/// The array iterator: the array and the next index.
struct ArrayIter {
    array: Value,
    index: usize,
}
native_state!(ArrayIter, |s, t| {
    t.visit(s.array);
});

fn a_iter(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 0)?;
    let t = ITER.with(|c| c.get());
    Ok(new_native_iter(vm, t, ArrayIter { array: a[0], index: 0 }, iter_next))
}

fn iter_next(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    let (array, index) = with_state::<ArrayIter, _>(vm, me, "arrayiterator", |s| (s.array, s.index))?;
    if array.is_null() || index >= info(vm, array)?.2 {
        with_state::<ArrayIter, _>(vm, me, "arrayiterator", |s| s.array = Value::NULL)?;
        return Ok(None);
    }
    let v = item_at(vm, array, index)?;
    with_state::<ArrayIter, _>(vm, me, "arrayiterator", |s| s.index = index + 1)?;
    Ok(Some(v))
}

fn no_new(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let tn = vm.type_name_qualified(a[0]);
    Err(vm.type_error(&format!("cannot create '{tn}' instances")))
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let t = new_class(vm, "array", "array", None, ObjKind::Native, true);
    ARRAY.with(|c| c.set(t));
    set_new(vm, t, array_new);
    add_methods(
        vm,
        t,
        &[
            ("append", a_append),
            ("extend", a_extend),
            ("frombytes", a_frombytes),
            ("fromlist", a_fromlist),
            ("fromunicode", a_fromunicode),
            ("tobytes", a_tobytes),
            ("tolist", a_tolist),
            ("tounicode", a_tounicode),
            ("buffer_info", a_buffer_info),
            ("byteswap", a_byteswap),
            ("reverse", a_reverse),
            ("count", a_count),
            ("index", a_index),
            ("remove", a_remove),
            ("insert", a_insert),
            ("pop", a_pop),
            ("__getitem__", a_getitem),
            ("__setitem__", a_setitem),
            ("__delitem__", a_delitem),
            ("__len__", a_len),
            ("__contains__", a_contains),
            ("__add__", a_add),
            ("__iadd__", a_iadd),
            ("__mul__", a_mul),
            ("__rmul__", a_mul),
            ("__imul__", a_imul),
            ("__repr__", a_repr),
            ("__eq__", a_eq),
            ("__ne__", a_ne),
            ("__lt__", a_lt),
            ("__le__", a_le),
            ("__gt__", a_gt),
            ("__ge__", a_ge),
            ("__copy__", a_copy),
            ("__deepcopy__", a_copy),
            ("__reduce_ex__", a_reduce_ex),
            ("__iter__", a_iter),
        ],
    );
    add_getsets(vm, t, &[("typecode", a_typecode, None), ("itemsize", a_itemsize, None)]);
    let none = vm.none;
    set_class_attr(vm, t, "__hash__", none);
    if let Some(cg) = vm.lookup_str(vm.types.list, "__class_getitem__") {
        set_class_attr(vm, t, "__class_getitem__", cg);
    }
    set_attr(vm, m, "array", t);
    set_attr(vm, m, "ArrayType", t);
    let codes = vm.new_str(items::TYPECODES);
    set_attr(vm, m, "typecodes", codes);
    add_fns(vm, m, &[("_array_reconstructor", array_reconstructor)]);
    let it = iter_class(vm, "array", "arrayiterator", Some(no_new), false);
    ITER.with(|c| c.set(it));
    Ok(())
}

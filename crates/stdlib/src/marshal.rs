//! `marshal`: CPython's serialization format for values; code objects are pyjit's own and
//! are written in pyjit's format (type code `J`, `pyjit_compiler::serial`). Versions 0-4; loads reads CPython's output including object
//! references. Versions 0-2 write CPython's exact bytes. From version 3 CPython marks an
//! object for reference when its reference count is above one; pyjit marks the objects
//! that occur more than once in the value, the small ints CPython caches and the
//! identifier-like strings CPython interns, which agrees for values built at run time.

use std::collections::HashMap;

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};
use pyjit_compiler::serial;
use pyjit_vm::objects::{BytesObj, CodeObj, ComplexObj, FloatObj, ListObj, StrObj, TupleObj};

use crate::util::*;

const FLAG_REF: u8 = 0x80;

struct Writer {
    out: Vec<u8>,
    version: i64,
    refs: HashMap<u64, u32>,
    /// How often each object occurs in the value.
    seen: HashMap<u64, u32>,
    depth: usize,
}

/// Counts the occurrences of the objects of `v` (containers once, as marshal visits them).
fn count(vm: &mut Vm, v: Value, seen: &mut HashMap<u64, u32>, depth: usize) {
    if !v.is_ptr() || depth > 2000 {
        return;
    }
    let n = seen.entry(v.raw()).or_insert(0);
    *n += 1;
    if *n > 1 {
        return;
    }
    let items: Vec<Value> = if let Some(t) = v.get::<TupleObj>() {
        t.items.to_vec()
    } else if let Some(l) = v.get::<ListObj>() {
        l.snapshot()
    } else if v.kind() == Some(ObjKind::Dict) {
        vm.dict_items(v).into_iter().flat_map(|(k, x)| [k, x]).collect()
    } else if v.kind() == Some(ObjKind::Set) {
        vm.set_items(v)
    } else {
        Vec::new()
    };
    for it in items {
        count(vm, it, seen, depth + 1);
    }
}

fn float_text(x: f64) -> String {
    use pyjit_vm::builtins::dtoa::{double_to_string, DtoaFlags};
    double_to_string(x, 'g', 17, DtoaFlags::default())
}

fn unmarshallable(vm: &mut Vm) -> PyErr {
    vm.value_error("unmarshallable object")
}

impl Writer {
    fn long(&mut self, x: i32) {
        self.out.extend_from_slice(&x.to_le_bytes());
    }

    fn bytes(&mut self, b: &[u8]) {
        self.long(b.len() as i32);
        self.out.extend_from_slice(b);
    }

    fn float_plain(&mut self, x: f64) {
        if self.version > 1 {
            self.out.extend_from_slice(&x.to_le_bytes());
        } else {
            let t = float_text(x);
            self.out.push(t.len() as u8);
            self.out.extend_from_slice(t.as_bytes());
        }
    }

    /// Writes an object reference if `v` was written before; else records it and returns
    /// the flag to or into its type byte.
    fn reference(&mut self, vm: &Vm, v: Value) -> Result<u8, ()> {
        if self.version < 3 {
            return Ok(0);
        }
        let shared = self.seen.get(&v.raw()).copied().unwrap_or(0) > 1
            || (v.is_small() && (-5..=256).contains(&v.small_value()))
            || v.get::<StrObj>().map(|s| s.s.len() < 40 && s.s.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_')).unwrap_or(false) && vm.type_of(v) == vm.types.str;
        if !shared {
            return Ok(0);
        }
        if let Some(&i) = self.refs.get(&v.raw()) {
            self.out.push(b'r');
            self.long(i as i32);
            return Err(());
        }
        let n = self.refs.len() as u32;
        self.refs.insert(v.raw(), n);
        Ok(FLAG_REF)
    }

    fn obj(&mut self, vm: &mut Vm, v: Value) -> PyResult<()> {
        self.depth += 1;
        if self.depth > 2000 {
            return Err(vm.value_error("object too deeply nested to marshal"));
        }
        let r = self.obj_inner(vm, v);
        self.depth -= 1;
        r
    }

    fn obj_inner(&mut self, vm: &mut Vm, v: Value) -> PyResult<()> {
        if v == vm.none {
            self.out.push(b'N');
            return Ok(());
        }
        if v == vm.true_ {
            self.out.push(b'T');
            return Ok(());
        }
        if v == vm.false_ {
            self.out.push(b'F');
            return Ok(());
        }
        if v == vm.ellipsis {
            self.out.push(b'.');
            return Ok(());
        }
        if v == vm.types.stop_iteration {
            self.out.push(b'S');
            return Ok(());
        }
        let ty = vm.type_of(v);
        let Ok(flag) = self.reference(vm, v) else { return Ok(()) };
        if ty == vm.types.int {
            let b = vm.as_bigint(v).unwrap_or_default();
            match b.to_i32() {
                Some(x) => {
                    self.out.push(b'i' | flag);
                    self.long(x);
                }
                None => {
                    self.out.push(b'l' | flag);
                    // base 2**15 digits, the count signed like the number
                    let mut digits: Vec<u16> = Vec::new();
                    let mut m = b.abs();
                    let base = BigInt::from(1u32 << 15);
                    while !m.is_zero() {
                        let d = (&m % &base).to_u16().unwrap_or(0);
                        digits.push(d);
                        m /= &base;
                    }
                    let n = digits.len() as i32;
                    self.long(if b.sign() == Sign::Minus { -n } else { n });
                    for d in digits {
                        self.out.extend_from_slice(&d.to_le_bytes());
                    }
                }
            }
        } else if ty == vm.types.float {
            let x = v.get::<FloatObj>().map(|f| f.0).unwrap_or(0.0);
            if self.version > 1 {
                self.out.push(b'g' | flag);
                self.out.extend_from_slice(&x.to_le_bytes());
            } else {
                let t = float_text(x);
                self.out.push(b'f' | flag);
                self.out.push(t.len() as u8);
                self.out.extend_from_slice(t.as_bytes());
            }
        } else if ty == vm.types.complex {
            let (re, im) = v.get::<ComplexObj>().map(|c| (c.re, c.im)).unwrap_or((0.0, 0.0));
            self.out.push((if self.version > 1 { b'y' } else { b'x' }) | flag);
            self.float_plain(re);
            self.float_plain(im);
        } else if ty == vm.types.str {
            let so = v.get::<StrObj>().expect("str type");
            let interned = so.s.len() < 40 && !so.s.is_empty() && so.s.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_');
            if self.version >= 4 && so.is_ascii() {
                let short = so.s.len() < 256;
                let code = match (short, interned) {
                    (true, true) => b'Z',
                    (true, false) => b'z',
                    (false, true) => b'A',
                    (false, false) => b'a',
                };
                self.out.push(code | flag);
                if short {
                    self.out.push(so.s.len() as u8);
                    self.out.extend_from_slice(so.s.as_bytes());
                } else {
                    self.bytes(so.s.as_bytes());
                }
            } else {
                let data = match so.wide() {
                    None => so.s.as_bytes().to_vec(),
                    Some(_) => {
                        // surrogatepass
                        let mut b = Vec::new();
                        for cp in so.code_points() {
                            match char::from_u32(cp) {
                                Some(c) => {
                                    let mut buf = [0u8; 4];
                                    b.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                                }
                                None => b.extend_from_slice(&[0xe0 | (cp >> 12) as u8, 0x80 | ((cp >> 6) & 0x3f) as u8, 0x80 | (cp & 0x3f) as u8]),
                            }
                        }
                        b
                    }
                };
                let code = if self.version >= 3 && interned { b't' } else { b'u' };
                self.out.push(code | flag);
                self.bytes(&data);
            }
        } else if ty == vm.types.tuple {
            let items = v.get::<TupleObj>().map(|t| t.items.to_vec()).unwrap_or_default();
            if self.version >= 4 && items.len() < 256 {
                self.out.push(b')' | flag);
                self.out.push(items.len() as u8);
            } else {
                self.out.push(b'(' | flag);
                self.long(items.len() as i32);
            }
            for it in items {
                self.obj(vm, it)?;
            }
        } else if ty == vm.types.list {
            let items = v.get::<ListObj>().map(|l| l.snapshot()).unwrap_or_default();
            self.out.push(b'[' | flag);
            self.long(items.len() as i32);
            let hold = vm.new_list(items.clone());
            for it in items {
                self.obj(vm, it)?;
            }
            vm.keep(hold);
        } else if ty == vm.types.dict {
            self.out.push(b'{' | flag);
            for (k, val) in vm.dict_items(v) {
                self.obj(vm, k)?;
                self.obj(vm, val)?;
            }
            self.out.push(b'0');
        } else if ty == vm.types.set || ty == vm.types.frozenset {
            let items = vm.set_items(v);
            self.out.push((if ty == vm.types.set { b'<' } else { b'>' }) | flag);
            self.long(items.len() as i32);
            for it in items {
                self.obj(vm, it)?;
            }
        } else if let Some(c) = v.get::<CodeObj>() {
            // pyjit's own code objects, in pyjit's format (`pyjit_compiler::serial`)
            let (rc, fname) = (c.code.clone(), c.filename);
            let fname = vm.str_of(fname);
            self.out.push(b'J' | flag);
            if *rc.filename == *fname {
                self.out.extend_from_slice(&serial::encode(&rc));
            } else {
                let mut code = (*rc).clone();
                code.filename = fname.as_str().into();
                self.out.extend_from_slice(&serial::encode(&code));
            }
        } else if let Some(b) = v.get::<BytesObj>() {
            let d = b.data.to_vec();
            self.out.push(b's' | flag);
            self.bytes(&d);
        } else if let Some(d) = with_buffer(vm, v, |b| b.to_vec())? {
            self.out.push(b's' | flag);
            self.bytes(&d);
        } else {
            return Err(unmarshallable(vm));
        }
        Ok(())
    }
}

fn version_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<i64> {
    match v {
        Some(v) => Ok(c_int(vm, v)? as i64),
        None => Ok(4),
    }
}

fn dumps_value(vm: &mut Vm, v: Value, version: i64) -> PyResult<Vec<u8>> {
    let mut seen = HashMap::new();
    if version >= 3 {
        count(vm, v, &mut seen, 0);
    }
    let mut w = Writer { out: Vec::new(), version, refs: HashMap::new(), seen, depth: 0 };
    w.obj(vm, v)?;
    Ok(w.out)
}

fn dumps(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    check_pos(vm, a, kw, "dumps", 1, 2)?;
    let version = version_arg(vm, a.get(1).copied())?;
    let d = dumps_value(vm, a[0], version)?;
    Ok(vm.new_bytes(d))
}

fn dump(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    check_pos(vm, a, kw, "dump", 2, 3)?;
    let version = version_arg(vm, a.get(2).copied())?;
    let d = dumps_value(vm, a[0], version)?;
    let b = vm.new_bytes(d);
    vm.call_method_str(a[1], "write", &[b])?;
    Ok(vm.none)
}

struct Reader<'a> {
    d: &'a [u8],
    at: usize,
    refs: Vec<Value>,
    depth: usize,
}

fn bad(vm: &mut Vm, what: &str) -> PyErr {
    vm.value_error(&format!("bad marshal data ({what})"))
}

fn short(vm: &mut Vm) -> PyErr {
    let t = vm.types.exceptions.iter().find(|e| e.0 == "EOFError").map(|e| e.1).unwrap_or(vm.types.value_error);
    vm.err(t, "marshal data too short")
}

impl Reader<'_> {
    fn take(&mut self, vm: &mut Vm, n: usize) -> PyResult<&[u8]> {
        if self.at + n > self.d.len() {
            return Err(short(vm));
        }
        let s = &self.d[self.at..self.at + n];
        self.at += n;
        Ok(s)
    }

    fn byte(&mut self, vm: &mut Vm) -> PyResult<u8> {
        Ok(self.take(vm, 1)?[0])
    }

    fn long(&mut self, vm: &mut Vm) -> PyResult<i32> {
        let b = self.take(vm, 4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn size(&mut self, vm: &mut Vm) -> PyResult<usize> {
        let n = self.long(vm)?;
        if n < 0 {
            return Err(bad(vm, "size out of range"));
        }
        Ok(n as usize)
    }

    fn float_text(&mut self, vm: &mut Vm) -> PyResult<f64> {
        let n = self.byte(vm)? as usize;
        let t = self.take(vm, n)?.to_vec();
        let s = String::from_utf8_lossy(&t).into_owned();
        pyjit_vm::builtins::numparse::parse_float_ascii(s.trim()).ok_or_else(|| vm.value_error(&format!("could not convert string to float: '{s}'")))
    }

    fn float_bin(&mut self, vm: &mut Vm) -> PyResult<f64> {
        let b = self.take(vm, 8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(f64::from_le_bytes(a))
    }

    fn obj(&mut self, vm: &mut Vm) -> PyResult<Value> {
        self.depth += 1;
        if self.depth > 2000 {
            return Err(bad(vm, "recursion limit exceeded"));
        }
        let r = self.obj_inner(vm);
        self.depth -= 1;
        r
    }

    fn obj_inner(&mut self, vm: &mut Vm) -> PyResult<Value> {
        if self.at >= self.d.len() {
            let t = vm.types.exceptions.iter().find(|e| e.0 == "EOFError").map(|e| e.1).unwrap_or(vm.types.value_error);
            return Err(vm.err(t, "EOF read where object expected"));
        }
        let code = self.byte(vm)?;
        let flag = code & FLAG_REF != 0;
        let t = code & !FLAG_REF;
        // containers are registered before their items are read (they may refer to them)
        let slot = if flag {
            self.refs.push(vm.none);
            Some(self.refs.len() - 1)
        } else {
            None
        };
        let v = match t {
            b'N' => vm.none,
            b'T' => vm.true_,
            b'F' => vm.false_,
            b'.' => vm.ellipsis,
            b'S' => vm.types.stop_iteration,
            b'i' => {
                let x = self.long(vm)?;
                vm.new_int(x as i64)
            }
            b'l' => {
                let n = self.long(vm)?;
                let count = n.unsigned_abs() as usize;
                let mut b = BigInt::zero();
                let data = self.take(vm, count * 2)?.to_vec();
                for k in (0..count).rev() {
                    let d = u16::from_le_bytes([data[2 * k], data[2 * k + 1]]);
                    if d >= 1 << 15 {
                        return Err(bad(vm, "digit out of range in long"));
                    }
                    b = (b << 15) + BigInt::from(d);
                }
                if n < 0 {
                    b = -b;
                }
                int_value(vm, b)
            }
            b'g' => {
                let x = self.float_bin(vm)?;
                vm.new_float(x)
            }
            b'f' => {
                let x = self.float_text(vm)?;
                vm.new_float(x)
            }
            b'y' => {
                let (re, im) = (self.float_bin(vm)?, self.float_bin(vm)?);
                vm.new_complex(re, im)
            }
            b'x' => {
                let (re, im) = (self.float_text(vm)?, self.float_text(vm)?);
                vm.new_complex(re, im)
            }
            b's' => {
                let n = self.size(vm)?;
                let d = self.take(vm, n)?.to_vec();
                vm.new_bytes(d)
            }
            b'u' | b't' => {
                let n = self.size(vm)?;
                let d = self.take(vm, n)?.to_vec();
                pyjit_vm::builtins::codecs::decode_str(vm, &d, "utf-8", "surrogatepass")?
            }
            b'a' | b'A' | b'z' | b'Z' => {
                let n = if t == b'z' || t == b'Z' { self.byte(vm)? as usize } else { self.size(vm)? };
                let d = self.take(vm, n)?.to_vec();
                let s: String = d.iter().map(|&c| c as char).collect();
                if t == b'Z' || t == b'A' {
                    vm.intern(&s)
                } else {
                    vm.new_string(s)
                }
            }
            b'(' | b')' => {
                let n = if t == b')' { self.byte(vm)? as usize } else { self.size(vm)? };
                let mut items = Vec::with_capacity(n.min(1 << 16));
                let hold = vm.new_list(Vec::new());
                for _ in 0..n {
                    let it = self.obj(vm)?;
                    if let Some(l) = hold.get::<ListObj>() {
                        l.items.borrow_mut().push(it);
                    }
                    items.push(it);
                }
                vm.new_tuple(items)
            }
            b'[' => {
                let n = self.size(vm)?;
                let l = vm.new_list(Vec::new());
                if let Some(s) = slot {
                    self.refs[s] = l;
                }
                for _ in 0..n {
                    let it = self.obj(vm)?;
                    if let Some(lo) = l.get::<ListObj>() {
                        lo.items.borrow_mut().push(it);
                    }
                }
                l
            }
            b'{' => {
                let d = vm.new_dict();
                if let Some(s) = slot {
                    self.refs[s] = d;
                }
                loop {
                    if self.at < self.d.len() && self.d[self.at] == b'0' {
                        self.at += 1;
                        break;
                    }
                    let k = self.obj(vm)?;
                    let val = self.obj(vm)?;
                    vm.dict_set(d, k, val)?;
                }
                d
            }
            b'<' | b'>' => {
                let n = self.size(vm)?;
                let s = if t == b'<' { vm.new_set() } else { vm.new_frozenset() };
                if let (Some(si), true) = (slot, t == b'<') {
                    self.refs[si] = s;
                }
                for _ in 0..n {
                    let it = self.obj(vm)?;
                    vm.set_add(s, it)?;
                }
                s
            }
            b'r' => {
                let i = self.long(vm)?;
                match usize::try_from(i).ok().and_then(|i| self.refs.get(i).copied()) {
                    Some(v) => v,
                    None => return Err(bad(vm, "invalid reference")),
                }
            }
            b'c' => return Err(bad(vm, "CPython's code objects are not supported by pyjit")),
            b'J' => match serial::decode(&self.d[self.at..]) {
                Ok((code, n)) => {
                    self.at += n;
                    vm.load_code(std::rc::Rc::new(code))
                }
                Err(why) => return Err(bad(vm, why)),
            },
            _ => return Err(bad(vm, "unknown type code")),
        };
        if let Some(s) = slot {
            self.refs[s] = v;
        }
        Ok(v)
    }
}

fn loads_bytes(vm: &mut Vm, d: &[u8]) -> PyResult<(Value, usize)> {
    let mut r = Reader { d, at: 0, refs: Vec::new(), depth: 0 };
    let hold = vm.new_list(Vec::new());
    let v = r.obj(vm);
    vm.keep(hold);
    let v = v?;
    Ok((v, r.at))
}

fn loads(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let x = onearg_fn(vm, a, kw, "marshal.loads")?;
    let d = bytes_like(vm, x)?;
    Ok(loads_bytes(vm, &d)?.0)
}

fn load(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let f = onearg_fn(vm, a, kw, "marshal.load")?;
    let data = vm.call_method_str(f, "read", &[])?;
    let d = bytes_like(vm, data)?;
    let (v, used) = loads_bytes(vm, &d)?;
    // give back what was not used, as CPython reads only the object
    if used < d.len() {
        let pos = vm.call_method_str(f, "tell", &[]);
        if let Ok(p) = pos {
            if let Some(p) = vm.as_i64(p) {
                let np = vm.new_int(p - (d.len() - used) as i64);
                vm.call_method_str(f, "seek", &[np])?;
            }
        }
    }
    Ok(v)
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    add_fns(vm, m, &[("dumps", dumps), ("loads", loads), ("dump", dump), ("load", load)]);
    let v = vm.new_int(4);
    set_attr(vm, m, "version", v);
    Ok(())
}

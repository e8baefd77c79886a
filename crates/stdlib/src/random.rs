//! `_random`: the Mersenne Twister (MT19937) behind random.py, bit for bit as CPython's
//! (seeding by init_by_array over the seed's 32-bit words, 53-bit floats, getrandbits,
//! getstate/setstate as a 625-tuple).

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive};

use crate::{class_slot, native_state};
use crate::util::*;

const N: usize = 624;
const M: usize = 397;

/// The generator's state.
pub struct Mt {
    pub state: [u32; N],
    pub index: usize,
}

native_state!(Mt);

impl Mt {
    /// The state of an object made by `__new__` alone (CPython zeroes it).
    pub fn zeroed() -> Mt {
        Mt { state: [0; N], index: 0 }
    }

    pub fn init_genrand(&mut self, s: u32) {
        self.state[0] = s;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1812433253u32.wrapping_mul(prev ^ (prev >> 30)).wrapping_add(i as u32);
        }
        self.index = N;
    }

    pub fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19650218);
        let mt = &mut self.state;
        let (mut i, mut j) = (1usize, 0usize);
        let len = key.len().max(1);
        for _ in 0..N.max(len) {
            let prev = mt[i - 1];
            let k = key.get(j).copied().unwrap_or(0);
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1664525)).wrapping_add(k).wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= len {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1566083941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
    }

    fn generate(&mut self) {
        const UPPER: u32 = 0x8000_0000;
        const LOWER: u32 = 0x7fff_ffff;
        const MATRIX_A: u32 = 0x9908_b0df;
        let mt = &mut self.state;
        for kk in 0..N {
            let y = (mt[kk] & UPPER) | (mt[(kk + 1) % N] & LOWER);
            let mag = if y & 1 != 0 { MATRIX_A } else { 0 };
            mt[kk] = mt[(kk + M) % N] ^ (y >> 1) ^ mag;
        }
        self.index = 0;
    }

    #[inline]
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.generate();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// A float in [0, 1) with 53 random bits.
    #[inline]
    pub fn next_f64(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }

    /// `k` random bits (k > 0) as little-endian 32-bit words.
    pub fn bits(&mut self, k: u64) -> Vec<u32> {
        let words = ((k - 1) / 32 + 1) as usize;
        let mut out = Vec::with_capacity(words);
        let mut left = k;
        for _ in 0..words {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            out.push(r);
            left = left.saturating_sub(32);
        }
        out
    }
}

class_slot!(RANDOM);

fn mt_of<R>(vm: &mut Vm, v: Value, f: impl FnOnce(&mut Mt) -> R) -> PyResult<R> {
    with_state::<Mt, R>(vm, v, "_random.Random", f)
}

/// 624 words from the system's random source (time and pid when it cannot be read).
fn urandom_key() -> Vec<u32> {
    use std::io::Read;
    let mut buf = vec![0u8; N * 4];
    let ok = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut buf)).is_ok();
    if !ok {
        let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
        return vec![t as u32, (t >> 32) as u32, (t >> 64) as u32, std::process::id()];
    }
    buf.chunks(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect()
}

/// Seeds like CPython's random_seed: None from the OS, an int by its absolute value,
/// anything else by its hash.
fn seed_with(vm: &mut Vm, this: Value, arg: Option<Value>) -> PyResult<()> {
    let key = match arg {
        None => urandom_key(),
        Some(a) if a == vm.none => urandom_key(),
        Some(a) => {
            let n = if vm.is_int(a) {
                match vm.as_bigint(a) {
                    Some(b) => b.abs(),
                    None => BigInt::from(0),
                }
            } else {
                let h = vm.hash(a)?;
                BigInt::from(h as u64)
            };
            u32_words(&n)
        }
    };
    mt_of(vm, this, |m| m.init_by_array(&key))
}

fn random_new(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    // PyType_GenericNew: a zeroed state, seeded by __init__
    Ok(new_native(vm, a[0], Mt::zeroed()))
}

fn random_init(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let this = a[0];
    if nkw(kw) > 0 {
        // refused unless a subclass's own __init__ passed them on
        let ty = RANDOM.with(|c| c.get());
        let cls = vm.type_of(this);
        let init = vm.intern("__init__");
        if cls == ty || vm.lookup(cls, init) == vm.lookup(ty, init) {
            return Err(vm.type_error("Random() takes no keyword arguments"));
        }
    }
    let pos = positional(&a[1..], kw);
    if pos.len() > 1 {
        return Err(vm.type_error("Random() requires 0 or 1 argument"));
    }
    let arg = pos.first().copied();
    seed_with(vm, this, arg)?;
    Ok(vm.none)
}

fn random_seed(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    check_pos(vm, &a[1..], kw, "seed", 0, 1)?;
    seed_with(vm, a[0], a.get(1).copied())?;
    Ok(vm.none)
}

fn random_random(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    if a.len() != 1 || nkw(kw) != 0 {
        noargs(vm, a, kw, "Random.random")?;
    }
    let f = mt_of(vm, a[0], |m| m.next_f64())?;
    Ok(vm.new_float(f))
}

fn random_getrandbits(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let k = onearg(vm, a, kw, "Random.getrandbits")?;
    let k = c_int(vm, k).map_err(|e| {
        if vm.isinstance(e.0, vm.types.overflow_error) {
            vm.overflow_error("Python int too large to convert to C int")
        } else {
            e
        }
    })?;
    if k < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    if k == 0 {
        return Ok(vm.new_int(0));
    }
    if k <= 32 {
        let r = mt_of(vm, a[0], |m| m.next_u32() >> (32 - k))?;
        return Ok(vm.new_int(r as i64));
    }
    let words = mt_of(vm, a[0], |m| m.bits(k as u64))?;
    if words.len() == 2 {
        let v = words[0] as u64 | (words[1] as u64) << 32;
        if let Some(i) = v.to_i64() {
            return Ok(vm.new_int(i));
        }
    }
    Ok(int_value(vm, BigInt::from_slice(Sign::Plus, &words)))
}

fn random_getstate(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "Random.getstate")?;
    let (st, idx) = mt_of(vm, a[0], |m| (m.state, m.index))?;
    let mut items = Vec::with_capacity(N + 1);
    for w in st {
        items.push(vm.new_int(w as i64));
    }
    items.push(vm.new_int(idx as i64));
    Ok(vm.new_tuple(items))
}

/// An element of a state tuple as C's unsigned long.
fn state_word(vm: &mut Vm, v: Value) -> PyResult<u64> {
    if !vm.is_int(v) {
        return Err(vm.type_error("an integer is required"));
    }
    let b = vm.as_bigint(v).unwrap_or_default();
    if b.is_negative() {
        return Err(vm.overflow_error("can't convert negative value to unsigned int"));
    }
    b.to_u64().ok_or_else(|| vm.overflow_error("Python int too large to convert to C unsigned long"))
}

fn random_setstate(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let state = onearg(vm, a, kw, "Random.setstate")?;
    let Some(t) = state.get::<TupleObj>() else {
        return Err(vm.type_error("state vector must be a tuple"));
    };
    if vm.type_of(state) != vm.types.tuple && !vm.isinstance(state, vm.types.tuple) {
        return Err(vm.type_error("state vector must be a tuple"));
    }
    let items = t.items.to_vec();
    if items.len() != N + 1 {
        return Err(vm.value_error("state vector is the wrong size"));
    }
    let mut st = [0u32; N];
    for (i, &v) in items[..N].iter().enumerate() {
        st[i] = state_word(vm, v)? as u32;
    }
    let idx = c_long(vm, items[N]).map_err(|e| {
        if vm.isinstance(e.0, vm.types.type_error) {
            vm.type_error("an integer is required")
        } else {
            e
        }
    })?;
    if idx < 0 || idx > N as i64 {
        return Err(vm.value_error("invalid state"));
    }
    mt_of(vm, a[0], |m| {
        m.state = st;
        m.index = idx as usize;
    })?;
    Ok(vm.none)
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let ty = new_class(vm, "_random", "Random", None, ObjKind::Native, true);
    RANDOM.with(|c| c.set(ty));
    set_new(vm, ty, random_new);
    add_methods(
        vm,
        ty,
        &[
            ("__init__", random_init),
            ("seed", random_seed),
            ("random", random_random),
            ("getrandbits", random_getrandbits),
            ("getstate", random_getstate),
            ("setstate", random_setstate),
        ],
    );
    let doc = vm.new_str("Random() -> create a random number generator with its own internal state.");
    set_class_attr(vm, ty, "__doc__", doc);
    set_attr(vm, m, "Random", ty);
    let mdoc = vm.new_str("Module implements the Mersenne Twister random number generator.");
    set_attr(vm, m, "__doc__", mdoc);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_sequence() {
        // the MT19937 reference output for init_by_array({0x123, 0x234, 0x345, 0x456})
        let mut m = Mt::zeroed();
        m.init_by_array(&[0x123, 0x234, 0x345, 0x456]);
        let first: Vec<u32> = (0..5).map(|_| m.next_u32()).collect();
        assert_eq!(first, vec![1067595299, 955945823, 477289528, 4107218783, 4228976476]);
    }

    #[test]
    fn python_seed_42() {
        // random.seed(42); random.random() in CPython
        let mut m = Mt::zeroed();
        m.init_by_array(&[42]);
        assert_eq!(m.next_f64(), 0.6394267984578837);
    }
}

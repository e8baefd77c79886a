//! CPython-compatible hashing: SipHash-1-3 for str and bytes keyed like PYTHONHASHSEED,
//! the modulus-(2^61 - 1) numeric hash, and the xxHash-based tuple hash.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive};

pub const MODULUS: u64 = (1 << 61) - 1;
const INF_HASH: i64 = 314159;

/// The SipHash key from PYTHONHASHSEED: zero when 0, CPython's LCG stream otherwise, and a
/// fixed arbitrary key when unset (pyjit does not randomise yet).
pub fn key_from_seed(seed: Option<u32>) -> (u64, u64) {
    let seed = match seed {
        Some(0) => return (0, 0),
        Some(s) => s,
        None => return random_key(),
    };
    let mut buf = [0u8; 24];
    let mut x: u32 = seed;
    for b in buf.iter_mut() {
        x = x.wrapping_mul(214013).wrapping_add(2531011);
        *b = ((x >> 16) & 0xff) as u8;
    }
    let k0 = u64::from_le_bytes(buf[0..8].try_into().unwrap_or([0; 8]));
    let k1 = u64::from_le_bytes(buf[8..16].try_into().unwrap_or([0; 8]));
    (k0, k1)
}

/// A fresh key for each process when PYTHONHASHSEED is unset or "random", as CPython does:
/// from /dev/urandom, or the clock and process id where that cannot be read.
fn random_key() -> (u64, u64) {
    use std::io::Read;
    let mut buf = [0u8; 16];
    let read = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut buf)).is_ok();
    if !read {
        let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(0);
        let p = std::process::id() as u64;
        buf[..8].copy_from_slice(&t.to_le_bytes());
        buf[8..].copy_from_slice(&(p.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ t.rotate_left(29)).to_le_bytes());
    }
    let k0 = u64::from_le_bytes(buf[0..8].try_into().unwrap_or([0; 8]));
    let k1 = u64::from_le_bytes(buf[8..16].try_into().unwrap_or([0; 8]));
    (k0, k1)
}

/// SipHash-1-3 of `data` with key (k0, k1), as CPython's Python/pyhash.c computes it.
pub fn siphash13(k0: u64, k1: u64, data: &[u8]) -> u64 {
    let mut v0 = k0 ^ 0x736f6d6570736575;
    let mut v1 = k1 ^ 0x646f72616e646f6d;
    let mut v2 = k0 ^ 0x6c7967656e657261;
    let mut v3 = k1 ^ 0x7465646279746573;
    let b: u64 = (data.len() as u64) << 56;
    macro_rules! round {
        () => {
            v0 = v0.wrapping_add(v1);
            v1 = v1.rotate_left(13);
            v1 ^= v0;
            v0 = v0.rotate_left(32);
            v2 = v2.wrapping_add(v3);
            v3 = v3.rotate_left(16);
            v3 ^= v2;
            v0 = v0.wrapping_add(v3);
            v3 = v3.rotate_left(21);
            v3 ^= v0;
            v2 = v2.wrapping_add(v1);
            v1 = v1.rotate_left(17);
            v1 ^= v2;
            v2 = v2.rotate_left(32);
        };
    }
    let chunks = data.chunks_exact(8);
    let tail = chunks.remainder();
    for c in chunks {
        let m = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
        v3 ^= m;
        round!();
        v0 ^= m;
    }
    let mut t: u64 = 0;
    for (i, &byte) in tail.iter().enumerate() {
        t |= (byte as u64) << (8 * i);
    }
    let m = b | t;
    v3 ^= m;
    round!();
    v0 ^= m;
    v2 ^= 0xff;
    round!();
    round!();
    round!();
    v0 ^ v1 ^ v2 ^ v3
}

fn fix(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// hash() of a str: SipHash over the PEP 393 representation (1, 2 or 4 bytes per char).
pub fn str_hash(key: (u64, u64), s: &str) -> i64 {
    if s.is_empty() {
        return 0;
    }
    let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let h = if max < 256 {
        let bytes: Vec<u8> = s.chars().map(|c| c as u32 as u8).collect();
        siphash13(key.0, key.1, &bytes)
    } else if max < 65536 {
        let mut bytes = Vec::with_capacity(s.len() * 2);
        for c in s.chars() {
            bytes.extend_from_slice(&(c as u32 as u16).to_le_bytes());
        }
        siphash13(key.0, key.1, &bytes)
    } else {
        let mut bytes = Vec::with_capacity(s.len() * 4);
        for c in s.chars() {
            bytes.extend_from_slice(&(c as u32).to_le_bytes());
        }
        siphash13(key.0, key.1, &bytes)
    };
    fix(h as i64)
}

/// hash() of a str given as code points (one holding lone surrogates).
pub fn cps_hash(key: (u64, u64), cps: &[u32]) -> i64 {
    if cps.is_empty() {
        return 0;
    }
    let max = cps.iter().copied().max().unwrap_or(0);
    let bytes: Vec<u8> = if max < 256 {
        cps.iter().map(|&c| c as u8).collect()
    } else if max < 65536 {
        cps.iter().flat_map(|&c| (c as u16).to_le_bytes()).collect()
    } else {
        cps.iter().flat_map(|&c| c.to_le_bytes()).collect()
    };
    fix(siphash13(key.0, key.1, &bytes) as i64)
}

pub fn bytes_hash(key: (u64, u64), b: &[u8]) -> i64 {
    if b.is_empty() {
        return 0;
    }
    fix(siphash13(key.0, key.1, b) as i64)
}

pub fn int_hash(i: i64) -> i64 {
    let a = i.unsigned_abs() % MODULUS;
    let h = if i < 0 { -(a as i64) } else { a as i64 };
    fix(h)
}

pub fn bigint_hash(b: &BigInt) -> i64 {
    let m = BigInt::from(MODULUS);
    let a = b.abs().mod_floor(&m).to_i64().unwrap_or(0);
    fix(if b.is_negative() { -a } else { a })
}

/// CPython's _Py_HashDouble.
pub fn float_hash(v: f64) -> i64 {
    if v.is_nan() {
        // CPython 3.11 hashes NaN by identity; pyjit uses 0 (NaNs are never equal anyway).
        return 0;
    }
    if v.is_infinite() {
        return if v > 0.0 { INF_HASH } else { -INF_HASH };
    }
    let (m, e) = frexp(v);
    let mut sign = 1i64;
    let mut m = m;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    let mut e = e;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 { e % 61 } else { 61 - 1 - ((-1 - e) % 61) };
    x = ((x << e) & MODULUS) | (x >> (61 - e));
    fix(x as i64 * sign)
}

/// (mantissa in [0.5, 1), exponent) with v = m * 2^e.
pub fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // subnormal: scale up first
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, e)
}

/// The tuple hash (xxHash-based, CPython 3.8+).
pub fn tuple_hash(items: &[i64]) -> i64 {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc: u64 = P5;
    for &h in items {
        acc = acc.wrapping_add((h as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
    if acc as i64 == -1 {
        return 1546275796;
    }
    acc as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_hashes_match_cpython() {
        assert_eq!(int_hash(-1), -2);
        assert_eq!(int_hash(1 << 61), 1);
        assert_eq!(int_hash((1 << 61) - 1), 0);
        assert_eq!(float_hash(1.5), 1152921504606846977);
        assert_eq!(float_hash(-0.5), -1152921504606846976);
        assert_eq!(float_hash(2.0), 2);
        assert_eq!(tuple_hash(&[1, 2]), -3550055125485641917);
        assert_eq!(tuple_hash(&[]), 5740354900026072187);
    }

    #[test]
    fn str_hash_with_seed_zero_matches_cpython() {
        // PYTHONHASHSEED=0 python3 -c "print(hash('abc'), hash('é'), hash(b'abc'))"
        let k = key_from_seed(Some(0));
        assert_eq!(str_hash(k, "abc"), -4594863902769663758);
        assert_eq!(str_hash(k, "é"), 6047309291227476195);
        assert_eq!(bytes_hash(k, b"abc"), -4594863902769663758);
        assert_eq!(str_hash(k, ""), 0);
        // strs holding lone surrogates, hashed from their code points
        assert_eq!(cps_hash(k, &[0xd800]), 5926611903945376553);
        assert_eq!(cps_hash(k, &[0x61, 0xdc80]), 764621704099939125);
        assert_eq!(cps_hash(k, &[0xd800, 0x1f600]), 3727700810992885198);
        assert_eq!(cps_hash(k, &[0x61, 0xe9]), str_hash(k, "a\u{e9}"));
    }
}

//! The hash modules hashlib falls back to without OpenSSL: `_md5`, `_sha1`, `_sha256`,
//! `_sha512`, `_sha3` and `_blake2`, over the RustCrypto digests (md-5, sha1, sha2, sha3)
//! and blake2b_simd/blake2s_simd. One object layout serves every algorithm.

use blake2b_simd::Params as B2bParams;
use blake2s_simd::Params as B2sParams;
use sha2::Digest;
use sha3::digest::{ExtendableOutput, Update as XofUpdate, XofReader};

use crate::util::*;
use crate::{class_slot, native_state};

#[derive(Clone)]
enum Algo {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
    Sha3_224(sha3::Sha3_224),
    Sha3_256(sha3::Sha3_256),
    Sha3_384(sha3::Sha3_384),
    Sha3_512(sha3::Sha3_512),
    Shake128(sha3::Shake128),
    Shake256(sha3::Shake256),
    Blake2b(Box<blake2b_simd::State>, usize),
    Blake2s(Box<blake2s_simd::State>, usize),
}

#[derive(Clone)]
struct Hash {
    algo: Algo,
}
native_state!(Hash);

impl Algo {
    fn update(&mut self, d: &[u8]) {
        match self {
            Algo::Md5(h) => Digest::update(h, d),
            Algo::Sha1(h) => Digest::update(h, d),
            Algo::Sha224(h) => Digest::update(h, d),
            Algo::Sha256(h) => Digest::update(h, d),
            Algo::Sha384(h) => Digest::update(h, d),
            Algo::Sha512(h) => Digest::update(h, d),
            Algo::Sha3_224(h) => Digest::update(h, d),
            Algo::Sha3_256(h) => Digest::update(h, d),
            Algo::Sha3_384(h) => Digest::update(h, d),
            Algo::Sha3_512(h) => Digest::update(h, d),
            Algo::Shake128(h) => XofUpdate::update(h, d),
            Algo::Shake256(h) => XofUpdate::update(h, d),
            Algo::Blake2b(h, _) => {
                h.update(d);
            }
            Algo::Blake2s(h, _) => {
                h.update(d);
            }
        }
    }

    /// The digest of the data so far (`len` bytes for the shakes).
    fn digest(&self, len: usize) -> Vec<u8> {
        match self {
            Algo::Md5(h) => h.clone().finalize().to_vec(),
            Algo::Sha1(h) => h.clone().finalize().to_vec(),
            Algo::Sha224(h) => h.clone().finalize().to_vec(),
            Algo::Sha256(h) => h.clone().finalize().to_vec(),
            Algo::Sha384(h) => h.clone().finalize().to_vec(),
            Algo::Sha512(h) => h.clone().finalize().to_vec(),
            Algo::Sha3_224(h) => h.clone().finalize().to_vec(),
            Algo::Sha3_256(h) => h.clone().finalize().to_vec(),
            Algo::Sha3_384(h) => h.clone().finalize().to_vec(),
            Algo::Sha3_512(h) => h.clone().finalize().to_vec(),
            Algo::Shake128(h) => {
                let mut out = vec![0u8; len];
                h.clone().finalize_xof().read(&mut out);
                out
            }
            Algo::Shake256(h) => {
                let mut out = vec![0u8; len];
                h.clone().finalize_xof().read(&mut out);
                out
            }
            Algo::Blake2b(h, _) => h.finalize().as_bytes().to_vec(),
            Algo::Blake2s(h, _) => h.finalize().as_bytes().to_vec(),
        }
    }

    /// (name, digest_size, block_size)
    fn info(&self) -> (&'static str, usize, usize) {
        match self {
            Algo::Md5(_) => ("md5", 16, 64),
            Algo::Sha1(_) => ("sha1", 20, 64),
            Algo::Sha224(_) => ("sha224", 28, 64),
            Algo::Sha256(_) => ("sha256", 32, 64),
            Algo::Sha384(_) => ("sha384", 48, 128),
            Algo::Sha512(_) => ("sha512", 64, 128),
            Algo::Sha3_224(_) => ("sha3_224", 28, 144),
            Algo::Sha3_256(_) => ("sha3_256", 32, 136),
            Algo::Sha3_384(_) => ("sha3_384", 48, 104),
            Algo::Sha3_512(_) => ("sha3_512", 64, 72),
            Algo::Shake128(_) => ("shake_128", 0, 168),
            Algo::Shake256(_) => ("shake_256", 0, 136),
            Algo::Blake2b(_, n) => ("blake2b", *n, 128),
            Algo::Blake2s(_, n) => ("blake2s", *n, 64),
        }
    }

    fn is_shake(&self) -> bool {
        matches!(self, Algo::Shake128(_) | Algo::Shake256(_))
    }
}

/// The bytes of data to hash: "Strings must be encoded before hashing" for a str,
/// "object supporting the buffer API required" for other non-buffers.
fn data_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if is_str(v) {
        return Err(vm.type_error("Strings must be encoded before hashing"));
    }
    match with_buffer(vm, v, |b| b.to_vec())? {
        Some(b) => Ok(b),
        None => Err(vm.type_error("object supporting the buffer API required")),
    }
}

fn hash_of<R>(vm: &mut Vm, v: Value, f: impl FnOnce(&mut Hash) -> R) -> PyResult<R> {
    with_state::<Hash, R>(vm, v, "hash", f)
}

fn qual(vm: &mut Vm, v: Value, m: &str) -> String {
    let name = hash_of(vm, v, |h| h.algo.info().0).unwrap_or("hash");
    format!("{name}.{m}")
}

fn h_update(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    if a.len() != 2 || nkw(kw) != 0 {
        let q = qual(vm, a[0], "update");
        onearg(vm, a, kw, &q)?;
    }
    let d = data_arg(vm, a[1])?;
    hash_of(vm, a[0], |h| h.algo.update(&d))?;
    Ok(vm.none)
}

/// The length argument of a shake's digest()/hexdigest().
fn shake_len(vm: &mut Vm, a: &[Value], kw: Value, m: &str) -> PyResult<usize> {
    let q = qual(vm, a[0], m);
    let args = parse(vm, &a[1..], kw, &q, &["length"], &[], 0)?;
    let Some(l) = args[0] else {
        return Err(vm.type_error(&format!("{q}() takes exactly one argument (0 given)")));
    };
    let n = c_long(vm, l)?;
    if n < 0 {
        return Err(vm.value_error("value must be positive"));
    }
    if n >= 1 << 29 {
        return Err(vm.value_error("length is too large"));
    }
    Ok(n as usize)
}

fn digest_bytes(vm: &mut Vm, a: &[Value], kw: Value, m: &str) -> PyResult<Vec<u8>> {
    let shake = hash_of(vm, a[0], |h| h.algo.is_shake())?;
    let len = if shake {
        shake_len(vm, a, kw, m)?
    } else {
        if a.len() != 1 || nkw(kw) != 0 {
            let q = qual(vm, a[0], m);
            noargs(vm, a, kw, &q)?;
        }
        0
    };
    hash_of(vm, a[0], |h| h.algo.digest(len))
}

fn h_digest(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let d = digest_bytes(vm, a, kw, "digest")?;
    Ok(vm.new_bytes(d))
}

fn h_hexdigest(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let d = digest_bytes(vm, a, kw, "hexdigest")?;
    let mut s = String::with_capacity(d.len() * 2);
    for b in d {
        s.push_str(&format!("{b:02x}"));
    }
    Ok(vm.new_string(s))
}

fn h_copy(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    if a.len() != 1 || nkw(kw) != 0 {
        let q = qual(vm, a[0], "copy");
        noargs(vm, a, kw, &q)?;
    }
    let c = hash_of(vm, a[0], |h| h.clone())?;
    let ty = vm.type_of(a[0]);
    Ok(new_native(vm, ty, c))
}

fn h_name(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let n = hash_of(vm, a[0], |h| h.algo.info().0)?;
    Ok(vm.new_str(n))
}

fn h_digest_size(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let n = hash_of(vm, a[0], |h| h.algo.info().1)?;
    Ok(vm.new_int(n as i64))
}

fn h_block_size(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let n = hash_of(vm, a[0], |h| h.algo.info().2)?;
    Ok(vm.new_int(n as i64))
}

fn h_rate_bits(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let n = hash_of(vm, a[0], |h| h.algo.info().2 * 8)?;
    Ok(vm.new_int(n as i64))
}

fn h_capacity_bits(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let n = hash_of(vm, a[0], |h| 1600 - h.algo.info().2 * 8)?;
    Ok(vm.new_int(n as i64))
}

fn h_suffix(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let s = hash_of(vm, a[0], |h| if h.algo.is_shake() { 0x1f } else { 0x06 })?;
    Ok(vm.new_bytes(vec![s]))
}

fn no_new(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let tn = vm.type_name_qualified(a[0]);
    Err(vm.type_error(&format!("cannot create '{tn}' instances")))
}

/// A hash class of `module` named `name`.
fn hash_class(vm: &mut Vm, module: &str, name: &str, sha3: bool) -> Value {
    let t = new_class(vm, module, name, None, ObjKind::Native, false);
    add_methods(vm, t, &[("update", h_update), ("digest", h_digest), ("hexdigest", h_hexdigest), ("copy", h_copy)]);
    add_getsets(vm, t, &[("name", h_name, None), ("digest_size", h_digest_size, None), ("block_size", h_block_size, None)]);
    if sha3 {
        add_getsets(vm, t, &[("_rate_bits", h_rate_bits, None), ("_capacity_bits", h_capacity_bits, None), ("_suffix", h_suffix, None)]);
    }
    t
}

class_slot!(MD5);
class_slot!(SHA1);
class_slot!(SHA224);
class_slot!(SHA256);
class_slot!(SHA384);
class_slot!(SHA512);

/// A constructor `name(string=b'', *, usedforsecurity=True)` (md5, sha1, the sha2 family).
fn construct(vm: &mut Vm, a: &[Value], kw: Value, name: &str, ty: Value, mut algo: Algo) -> PyResult<Value> {
    let args = parse(vm, a, kw, name, &["string"], &["usedforsecurity"], 0)?;
    if let Some(d) = args[0] {
        let d = data_arg(vm, d)?;
        algo.update(&d);
    }
    Ok(new_native(vm, ty, Hash { algo }))
}

fn md5_fn(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let t = MD5.with(|c| c.get());
    construct(vm, a, kw, "md5", t, Algo::Md5(md5::Md5::new()))
}

fn sha1_fn(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let t = SHA1.with(|c| c.get());
    construct(vm, a, kw, "sha1", t, Algo::Sha1(sha1::Sha1::new()))
}

fn sha224_fn(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let t = SHA224.with(|c| c.get());
    construct(vm, a, kw, "sha224", t, Algo::Sha224(sha2::Sha224::new()))
}

fn sha256_fn(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let t = SHA256.with(|c| c.get());
    construct(vm, a, kw, "sha256", t, Algo::Sha256(sha2::Sha256::new()))
}

fn sha384_fn(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let t = SHA384.with(|c| c.get());
    construct(vm, a, kw, "sha384", t, Algo::Sha384(sha2::Sha384::new()))
}

fn sha512_fn(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let t = SHA512.with(|c| c.get());
    construct(vm, a, kw, "sha512", t, Algo::Sha512(sha2::Sha512::new()))
}

pub fn init_md5(vm: &mut Vm, m: Value) -> PyResult<()> {
    let t = hash_class(vm, "_md5", "md5", false);
    MD5.with(|c| c.set(t));
    set_new(vm, t, no_new);
    set_attr(vm, m, "MD5Type", t);
    add_fns(vm, m, &[("md5", md5_fn)]);
    Ok(())
}

pub fn init_sha1(vm: &mut Vm, m: Value) -> PyResult<()> {
    let t = hash_class(vm, "_sha1", "sha1", false);
    SHA1.with(|c| c.set(t));
    set_new(vm, t, no_new);
    set_attr(vm, m, "SHA1Type", t);
    add_fns(vm, m, &[("sha1", sha1_fn)]);
    Ok(())
}

pub fn init_sha256(vm: &mut Vm, m: Value) -> PyResult<()> {
    let t224 = hash_class(vm, "_sha256", "sha224", false);
    let t256 = hash_class(vm, "_sha256", "sha256", false);
    SHA224.with(|c| c.set(t224));
    SHA256.with(|c| c.set(t256));
    set_new(vm, t224, no_new);
    set_new(vm, t256, no_new);
    set_attr(vm, m, "SHA224Type", t224);
    set_attr(vm, m, "SHA256Type", t256);
    add_fns(vm, m, &[("sha224", sha224_fn), ("sha256", sha256_fn)]);
    Ok(())
}

pub fn init_sha512(vm: &mut Vm, m: Value) -> PyResult<()> {
    let t384 = hash_class(vm, "_sha512", "sha384", false);
    let t512 = hash_class(vm, "_sha512", "sha512", false);
    SHA384.with(|c| c.set(t384));
    SHA512.with(|c| c.set(t512));
    set_new(vm, t384, no_new);
    set_new(vm, t512, no_new);
    // CPython 3.11 registers the sha512 class under the name SHA384Type (and no other)
    set_attr(vm, m, "SHA384Type", t512);
    add_fns(vm, m, &[("sha384", sha384_fn), ("sha512", sha512_fn)]);
    Ok(())
}

/// `__new__` of a _sha3 class: `cls(data=b'', /, *, usedforsecurity=True)`.
fn sha3_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let cls = a[0];
    let name = vm.type_name(cls);
    let mut algo = match name.as_str() {
        "sha3_224" => Algo::Sha3_224(sha3::Sha3_224::new()),
        "sha3_256" => Algo::Sha3_256(sha3::Sha3_256::new()),
        "sha3_384" => Algo::Sha3_384(sha3::Sha3_384::new()),
        "sha3_512" => Algo::Sha3_512(sha3::Sha3_512::new()),
        "shake_128" => Algo::Shake128(sha3::Shake128::default()),
        _ => Algo::Shake256(sha3::Shake256::default()),
    };
    let pos = positional(&a[1..], kw);
    if pos.len() > 1 {
        return Err(vm.type_error(&format!("{name}() takes at most 1 positional argument ({} given)", pos.len())));
    }
    for (k, _) in keywords(vm, &a[1..], kw) {
        if k != "usedforsecurity" {
            return Err(vm.type_error(&format!("'{k}' is an invalid keyword argument for {name}()")));
        }
    }
    if let Some(&d) = pos.first() {
        let d = data_arg(vm, d)?;
        algo.update(&d);
    }
    Ok(new_native(vm, cls, Hash { algo }))
}

pub fn init_sha3(vm: &mut Vm, m: Value) -> PyResult<()> {
    for name in ["sha3_224", "sha3_256", "sha3_384", "sha3_512", "shake_128", "shake_256"] {
        let t = hash_class(vm, "_sha3", name, true);
        set_new(vm, t, sha3_new);
        set_attr(vm, m, name, t);
    }
    let imp = vm.new_str("tiny_sha3");
    set_attr(vm, m, "implementation", imp);
    let k = vm.new_int(0);
    set_attr(vm, m, "keccakopt", k);
    Ok(())
}

/// blake2b/blake2s limits: (digest and key size, salt size, person size, node offset bits).
fn blake2_limits(big: bool) -> (usize, usize, usize, u32) {
    if big {
        (64, 16, 16, 64)
    } else {
        (32, 8, 8, 48)
    }
}

/// An optional bytes-like parameter of blake2.
fn opt_bytes(vm: &mut Vm, v: Option<Value>) -> PyResult<Vec<u8>> {
    match v {
        None => Ok(Vec::new()),
        Some(v) => bytes_like(vm, v),
    }
}

/// A blake2 integer parameter: "value must be positive" below zero.
fn nonneg(vm: &mut Vm, v: Option<Value>, default: u64) -> PyResult<Option<u64>> {
    let Some(v) = v else { return Ok(Some(default)) };
    let i = index(vm, v)?;
    let Some(b) = vm.as_bigint(i) else { return Ok(None) };
    if b.sign() == num_bigint::Sign::Minus {
        return Err(vm.value_error("value must be positive"));
    }
    Ok(num_traits::ToPrimitive::to_u64(&b))
}

fn blake2_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let cls = a[0];
    let name = vm.type_name(cls);
    let big = name == "blake2b";
    let (max_digest, max_salt, max_person, offset_bits) = blake2_limits(big);
    let args = parse(
        vm,
        &a[1..],
        kw,
        &name,
        &["data"],
        &["digest_size", "key", "salt", "person", "fanout", "depth", "leaf_size", "node_offset", "node_depth", "inner_size", "last_node", "usedforsecurity"],
        0,
    )?;
    if kw_names_has(vm, kw, "data") {
        return Err(vm.type_error(&format!("'data' is an invalid keyword argument for {name}()")));
    }
    let digest_size = match args[1] {
        Some(v) => c_long(vm, v)?,
        None => max_digest as i64,
    };
    if digest_size < 1 || digest_size > max_digest as i64 {
        return Err(vm.value_error(&format!("digest_size must be between 1 and {max_digest} bytes")));
    }
    let key = opt_bytes(vm, args[2])?;
    if key.len() > max_digest {
        return Err(vm.value_error(&format!("maximum key length is {max_digest} bytes")));
    }
    let salt = opt_bytes(vm, args[3])?;
    if salt.len() > max_salt {
        return Err(vm.value_error(&format!("maximum salt length is {max_salt} bytes")));
    }
    let person = opt_bytes(vm, args[4])?;
    if person.len() > max_person {
        return Err(vm.value_error(&format!("maximum person length is {max_person} bytes")));
    }
    let fanout = match args[5] {
        Some(v) => c_long(vm, v)?,
        None => 1,
    };
    if !(0..=255).contains(&fanout) {
        return Err(vm.value_error("fanout must be between 0 and 255"));
    }
    let depth = match args[6] {
        Some(v) => c_long(vm, v)?,
        None => 1,
    };
    if !(1..=255).contains(&depth) {
        return Err(vm.value_error("depth must be between 1 and 255"));
    }
    let leaf = match nonneg(vm, args[7], 0)? {
        Some(l) if l <= u32::MAX as u64 => l as u32,
        _ => return Err(vm.overflow_error("leaf_size is too large")),
    };
    let offset = match nonneg(vm, args[8], 0)? {
        Some(o) if offset_bits == 64 || o < (1u64 << offset_bits) => o,
        _ => return Err(vm.overflow_error("node_offset is too large")),
    };
    let node_depth = match args[9] {
        Some(v) => c_long(vm, v)?,
        None => 0,
    };
    if !(0..=255).contains(&node_depth) {
        return Err(vm.value_error("node_depth must be between 0 and 255"));
    }
    let inner = match args[10] {
        Some(v) => c_long(vm, v)?,
        None => 0,
    };
    if inner < 0 || inner > max_digest as i64 {
        return Err(vm.value_error(&format!("inner_size must be between 0 and is {max_digest}")));
    }
    let last = match args[11] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let n = digest_size as usize;
    let mut algo = if big {
        let mut p = B2bParams::new();
        p.hash_length(n)
            .key(&key)
            .salt(&salt)
            .personal(&person)
            .fanout(fanout as u8)
            .max_depth(depth as u8)
            .max_leaf_length(leaf)
            .node_offset(offset)
            .node_depth(node_depth as u8)
            .inner_hash_length(inner as usize)
            .last_node(last);
        Algo::Blake2b(Box::new(p.to_state()), n)
    } else {
        let mut p = B2sParams::new();
        p.hash_length(n)
            .key(&key)
            .salt(&salt)
            .personal(&person)
            .fanout(fanout as u8)
            .max_depth(depth as u8)
            .max_leaf_length(leaf)
            .node_offset(offset)
            .node_depth(node_depth as u8)
            .inner_hash_length(inner as usize)
            .last_node(last);
        Algo::Blake2s(Box::new(p.to_state()), n)
    };
    if let Some(d) = args[0] {
        let d = data_arg(vm, d)?;
        algo.update(&d);
    }
    Ok(new_native(vm, cls, Hash { algo }))
}

/// Whether the keyword names of a call include `name`.
fn kw_names_has(vm: &Vm, kw: Value, name: &str) -> bool {
    kw.get::<TupleObj>().map(|t| t.items.iter().any(|k| vm.str_of(*k) == name)).unwrap_or(false)
}

pub fn init_blake2(vm: &mut Vm, m: Value) -> PyResult<()> {
    for (name, big) in [("blake2b", true), ("blake2s", false)] {
        let t = hash_class(vm, "_blake2", name, false);
        set_new(vm, t, blake2_new);
        let (digest, salt, person, _) = blake2_limits(big);
        let upper = name.to_ascii_uppercase();
        for (k, v) in [("SALT_SIZE", salt), ("PERSON_SIZE", person), ("MAX_KEY_SIZE", digest), ("MAX_DIGEST_SIZE", digest)] {
            let iv = vm.new_int(v as i64);
            set_class_attr(vm, t, k, iv);
            set_attr(vm, m, &format!("{upper}_{k}"), iv);
        }
        set_attr(vm, m, name, t);
    }
    Ok(())
}

//! `_lzma` filter specifiers: the dicts Python passes (`{"id": FILTER_LZMA2, "preset": 6}`)
//! parsed into Rust, turned into liblzma filter chains, and the filter properties
//! encoded and decoded as liblzma's lzma_properties_encode/decode do.

use liblzma::stream::{Filters, LzmaOptions, MatchFinder, Mode};

use crate::util::*;

pub const FILTER_LZMA1: u64 = 0x4000000000000001;
pub const FILTER_LZMA2: u64 = 0x21;
pub const FILTER_DELTA: u64 = 0x03;
pub const FILTER_X86: u64 = 0x04;
pub const FILTER_POWERPC: u64 = 0x05;
pub const FILTER_IA64: u64 = 0x06;
pub const FILTER_ARM: u64 = 0x07;
pub const FILTER_ARMTHUMB: u64 = 0x08;
pub const FILTER_SPARC: u64 = 0x09;
pub const PRESET_DEFAULT: u32 = 6;
pub const PRESET_EXTREME: u32 = 0x8000_0000;

/// The options of an LZMA1/LZMA2 filter: a preset and the fields set over it.
#[derive(Clone, Debug)]
pub struct LzParams {
    pub preset: u32,
    pub dict_size: Option<u32>,
    pub lc: Option<u32>,
    pub lp: Option<u32>,
    pub pb: Option<u32>,
    pub mode: Option<u32>,
    pub nice_len: Option<u32>,
    pub mf: Option<u32>,
    pub depth: Option<u32>,
}

/// One parsed filter specifier.
#[derive(Clone, Debug)]
pub enum Spec {
    Lzma { id: u64, p: LzParams },
    Delta { dist: u32 },
    Bcj { id: u64, start_offset: u32 },
}

/// Why a chain could not be built: liblzma's options error or an invalid preset.
pub enum BuildErr {
    Options,
    Preset(u32),
}

/// The dictionary size of each preset level (liblzma's lzma_lzma_preset).
pub fn preset_dict_size(preset: u32) -> u32 {
    const SIZES: [u32; 10] = [1 << 18, 1 << 20, 1 << 21, 1 << 22, 1 << 22, 1 << 23, 1 << 23, 1 << 24, 1 << 25, 1 << 26];
    SIZES[(preset & 0x1f).min(9) as usize]
}

fn preset_valid(preset: u32) -> bool {
    (preset & 0x1f) <= 9 && (preset & !0x1f & !PRESET_EXTREME) == 0
}

impl LzParams {
    /// liblzma options for these parameters.
    pub fn options(&self) -> Result<LzmaOptions, BuildErr> {
        let mut o = LzmaOptions::new_preset(self.preset).map_err(|_| BuildErr::Preset(self.preset))?;
        if let Some(v) = self.dict_size {
            o.dict_size(v);
        }
        if let Some(v) = self.lc {
            o.literal_context_bits(v);
        }
        if let Some(v) = self.lp {
            o.literal_position_bits(v);
        }
        if let Some(v) = self.pb {
            o.position_bits(v);
        }
        if let Some(v) = self.mode {
            o.mode(match v {
                1 => Mode::Fast,
                2 => Mode::Normal,
                _ => return Err(BuildErr::Options),
            });
        }
        if let Some(v) = self.nice_len {
            o.nice_len(v);
        }
        if let Some(v) = self.mf {
            o.match_finder(match v {
                0x03 => MatchFinder::HashChain3,
                0x04 => MatchFinder::HashChain4,
                0x12 => MatchFinder::BinaryTree2,
                0x13 => MatchFinder::BinaryTree3,
                0x14 => MatchFinder::BinaryTree4,
                _ => return Err(BuildErr::Options),
            });
        }
        if let Some(v) = self.depth {
            o.depth(v);
        }
        Ok(o)
    }

    fn dict(&self) -> u32 {
        self.dict_size.unwrap_or_else(|| preset_dict_size(self.preset))
    }
}

/// The dictionary size of a filter (0 for those without one).
pub fn dict_size(s: &Spec) -> u32 {
    match s {
        Spec::Lzma { p, .. } => p.dict(),
        _ => 0,
    }
}

/// A liblzma filter chain for parsed specifiers.
pub fn build(specs: &[Spec]) -> Result<Filters, BuildErr> {
    let mut f = Filters::new();
    for s in specs {
        match s {
            Spec::Lzma { id, p } => {
                let o = p.options()?;
                if *id == FILTER_LZMA1 {
                    f.lzma1(&o);
                } else {
                    f.lzma2(&o);
                }
            }
            Spec::Delta { dist } => {
                if !(1..=256).contains(dist) {
                    return Err(BuildErr::Options);
                }
                f.delta_properties(&[(dist - 1) as u8]).map_err(|_| BuildErr::Options)?;
            }
            Spec::Bcj { id, start_offset } => {
                let props = start_offset.to_le_bytes();
                let props: &[u8] = if *start_offset == 0 { &[] } else { &props };
                let r = match *id {
                    FILTER_X86 => f.x86_properties(props),
                    FILTER_POWERPC => f.powerpc_properties(props),
                    FILTER_IA64 => f.ia64_properties(props),
                    FILTER_ARM => f.arm_properties(props),
                    FILTER_ARMTHUMB => f.arm_thumb_properties(props),
                    _ => f.sparc_properties(props),
                };
                r.map_err(|_| BuildErr::Options)?;
            }
        }
    }
    Ok(f)
}

/// An unsigned argument (PyLong_AsUnsignedLongLong): OverflowError for a negative int.
pub fn u64_arg(vm: &mut Vm, v: Value) -> PyResult<u64> {
    if v.is_small() && v.small_value() >= 0 {
        return Ok(v.small_value() as u64);
    }
    if v.kind() == Some(ObjKind::Float) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let i = index(vm, v)?;
    let Some(b) = bigint(vm, i) else { return Err(vm.type_error("an integer is required")) };
    if b.sign() == num_bigint::Sign::Minus {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    use num_traits::ToPrimitive;
    match b.to_u64() {
        Some(n) => Ok(n),
        None => Err(vm.overflow_error("int too big to convert")),
    }
}

/// A uint32_t argument (_lzma's uint32_converter).
pub fn u32_arg(vm: &mut Vm, v: Value) -> PyResult<u32> {
    let n = u64_arg(vm, v)?;
    u32::try_from(n).map_err(|_| vm.overflow_error("Value too large for uint32_t"))
}

fn is_dict(vm: &mut Vm, v: Value) -> bool {
    let d = vm.types.dict;
    vm.isinstance(v, d)
}

/// Parses one filter specifier dict.
pub fn parse_spec(vm: &mut Vm, spec: Value) -> PyResult<Spec> {
    if !is_dict(vm, spec) {
        return Err(vm.type_error("Filter specifier must be a dict or dict-like object"));
    }
    let Some(idv) = vm.dict_get_by_str(spec, "id") else {
        return Err(vm.value_error("Filter specifier must have an \"id\" entry"));
    };
    let id = u64_arg(vm, idv)?;
    let items = vm.dict_items(spec);
    let (allowed, what): (&[&str], &str) = match id {
        FILTER_LZMA1 | FILTER_LZMA2 => (&["id", "preset", "dict_size", "lc", "lp", "pb", "mode", "nice_len", "mf", "depth"], "LZMA"),
        FILTER_DELTA => (&["id", "dist"], "delta"),
        FILTER_X86 | FILTER_POWERPC | FILTER_IA64 | FILTER_ARM | FILTER_ARMTHUMB | FILTER_SPARC => (&["id", "start_offset"], "BCJ"),
        _ => return Err(vm.value_error(&format!("Invalid filter ID: {id}"))),
    };
    let mut fields: Vec<(String, u32)> = Vec::new();
    let bad = |vm: &mut Vm| vm.value_error(&format!("Invalid filter specifier for {what} filter"));
    for (k, v) in items {
        if !is_str(k) {
            return Err(bad(vm));
        }
        let name = vm.str_of(k);
        if !allowed.contains(&name.as_str()) {
            return Err(bad(vm));
        }
        if name == "id" {
            continue;
        }
        match u32_arg(vm, v) {
            Ok(n) => fields.push((name, n)),
            Err(_) => return Err(bad(vm)),
        }
    }
    let get = |n: &str| fields.iter().find(|f| f.0 == n).map(|f| f.1);
    Ok(match id {
        FILTER_LZMA1 | FILTER_LZMA2 => {
            let preset = get("preset").unwrap_or(PRESET_DEFAULT);
            if !preset_valid(preset) {
                let t = super::error_class();
                return Err(vm.err(t, &format!("Invalid compression preset: {preset}")));
            }
            let p = LzParams {
                preset,
                dict_size: get("dict_size"),
                lc: get("lc"),
                lp: get("lp"),
                pb: get("pb"),
                mode: get("mode"),
                nice_len: get("nice_len"),
                mf: get("mf"),
                depth: get("depth"),
            };
            Spec::Lzma { id, p }
        }
        FILTER_DELTA => Spec::Delta { dist: get("dist").unwrap_or(1) },
        _ => Spec::Bcj { id, start_offset: get("start_offset").unwrap_or(0) },
    })
}

/// Parses a filter chain (a sequence of specifier dicts).
pub fn parse_chain(vm: &mut Vm, chain: Value) -> PyResult<Vec<Spec>> {
    let items: Vec<Value> = match chain.kind() {
        Some(ObjKind::List | ObjKind::Tuple) => vm.to_vec(chain)?.1,
        _ => {
            let tn = tname(vm, chain);
            return Err(vm.type_error(&format!("object of type '{tn}' has no len()")));
        }
    };
    if items.len() > 4 {
        return Err(vm.value_error("Too many filters - liblzma supports a maximum of 4"));
    }
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        out.push(parse_spec(vm, it)?);
    }
    Ok(out)
}

/// The distance slot of a match distance (LZMA's get_dist_slot).
fn dist_slot(d: u32) -> u32 {
    if d < 4 {
        return d;
    }
    let n = 31 - d.leading_zeros();
    2 * n + ((d >> (n - 1)) & 1)
}

/// lzma_properties_encode for one filter: None when its options are invalid.
pub fn encode_props(spec: &Spec) -> Option<Vec<u8>> {
    match spec {
        Spec::Lzma { id, p } => {
            let (lc, lp, pb) = (p.lc.unwrap_or(3), p.lp.unwrap_or(0), p.pb.unwrap_or(2));
            if lc > 4 || lp > 4 || lc + lp > 4 || pb > 4 {
                return None;
            }
            let dict = p.dict();
            if *id == FILTER_LZMA1 {
                let mut v = vec![((pb * 5 + lp) * 9 + lc) as u8];
                v.extend_from_slice(&dict.to_le_bytes());
                Some(v)
            } else {
                let mut d = dict.max(4096) - 1;
                d |= d >> 2;
                d |= d >> 3;
                d |= d >> 4;
                d |= d >> 8;
                d |= d >> 16;
                let b = if d == u32::MAX { 40 } else { dist_slot(d + 1) - 24 };
                Some(vec![b as u8])
            }
        }
        Spec::Delta { dist } => {
            if !(1..=256).contains(dist) {
                return None;
            }
            Some(vec![(dist - 1) as u8])
        }
        Spec::Bcj { start_offset, .. } => Some(if *start_offset == 0 { Vec::new() } else { start_offset.to_le_bytes().to_vec() }),
    }
}

/// lzma_properties_decode: the (field, value) pairs of the filter's dict, None when the
/// properties are invalid.
pub fn decode_props(id: u64, p: &[u8]) -> Option<Vec<(&'static str, u64)>> {
    match id {
        FILTER_LZMA1 => {
            if p.len() != 5 || p[0] > (4 * 5 + 4) * 9 + 8 {
                return None;
            }
            let b = p[0] as u64;
            let (lc, lp, pb) = (b % 9, (b / 9) % 5, b / 45);
            if lc + lp > 4 {
                return None;
            }
            let dict = u32::from_le_bytes([p[1], p[2], p[3], p[4]]) as u64;
            Some(vec![("lc", lc), ("lp", lp), ("pb", pb), ("dict_size", dict)])
        }
        FILTER_LZMA2 => {
            if p.len() != 1 || p[0] & 0xc0 != 0 || p[0] > 40 {
                return None;
            }
            let dict = if p[0] == 40 { u32::MAX as u64 } else { (2 | (p[0] as u64 & 1)) << (p[0] / 2 + 11) };
            Some(vec![("dict_size", dict)])
        }
        FILTER_DELTA => {
            if p.len() != 1 {
                return None;
            }
            Some(vec![("dist", p[0] as u64 + 1)])
        }
        FILTER_X86 | FILTER_POWERPC | FILTER_IA64 | FILTER_ARM | FILTER_ARMTHUMB | FILTER_SPARC => match p.len() {
            0 => Some(vec![("start_offset", 0)]),
            4 => Some(vec![("start_offset", u32::from_le_bytes([p[0], p[1], p[2], p[3]]) as u64)]),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lzma2_dict_size_byte() {
        let enc = |d: u32| {
            let p = LzParams { preset: 6, dict_size: Some(d), lc: None, lp: None, pb: None, mode: None, nice_len: None, mf: None, depth: None };
            encode_props(&Spec::Lzma { id: FILTER_LZMA2, p }).unwrap_or_default()
        };
        assert_eq!(enc(1), vec![0]);
        assert_eq!(enc(5000), vec![1]);
        assert_eq!(enc(1 << 20), vec![0x10]);
        assert_eq!(enc(3 << 20), vec![0x13]);
        assert_eq!(enc((1 << 20) + 1), vec![0x11]);
        assert_eq!(enc(u32::MAX), vec![40]);
        assert_eq!(decode_props(FILTER_LZMA2, &[0x10]), Some(vec![("dict_size", 1 << 20)]));
    }
}

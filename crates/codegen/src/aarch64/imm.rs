//! AArch64 immediate fields: which constants an instruction can hold, and their encodings
//! (add/sub 12-bit, logical bitmask, move-wide sequences, FP 8-bit, load/store offsets).
//!
//! The lowering asks these predicates first and falls back to a scratch register when a
//! constant does not fit; the `Asm` methods assert that it fits.

/// The 13-bit add/sub immediate field `sh:imm12` for `v`: `v` < 4096, or a multiple of
/// 4096 below 2^24 (`#imm, lsl #12`). None when `add`/`sub` cannot hold `v`.
pub fn encode_add_imm(v: u64) -> Option<u32> {
    if v < 1 << 12 {
        Some(v as u32)
    } else if v & 0xfff == 0 && v < 1 << 24 {
        Some((1 << 12) | (v >> 12) as u32)
    } else {
        None
    }
}

/// For a signed addend `v`: `Some((false, field))` when `add #v` encodes, `Some((true,
/// field))` when `sub #-v` does (so `x + v` is one instruction either way).
pub fn encode_add_sub_imm(v: i64) -> Option<(bool, u32)> {
    if v >= 0 {
        encode_add_imm(v as u64).map(|f| (false, f))
    } else {
        encode_add_imm(v.unsigned_abs()).map(|f| (true, f))
    }
}

fn ror(x: u64, r: u32, size: u32) -> u64 {
    let mask = if size == 64 { !0 } else { (1u64 << size) - 1 };
    let x = x & mask;
    if r == 0 {
        x
    } else {
        ((x >> r) | (x << (size - r))) & mask
    }
}

/// The logical-immediate fields `(N, immr, imms)` of `v` for 64-bit `and`/`orr`/`eor`/`ands`
/// (and `tst`), or None when `v` is not a bitmask immediate: a 2, 4, 8, 16, 32 or 64-bit
/// element, repeated to fill 64 bits, that is a rotated run of ones (neither 0 nor all
/// ones).
pub fn logical_imm(v: u64) -> Option<(u32, u32, u32)> {
    if v == 0 || v == !0 {
        return None;
    }
    // The smallest element size whose repetition gives v.
    let mut size = 64u32;
    while size > 2 {
        let half = size / 2;
        let mask = (1u64 << half) - 1;
        if v & mask != (v >> half) & mask {
            break;
        }
        size = half;
    }
    let mask = if size == 64 { !0 } else { (1u64 << size) - 1 };
    let elt = v & mask;
    let ones = elt.count_ones(); // 1..size-1: v is neither 0 nor all ones
    let run = (1u64 << ones) - 1;
    // Where the run starts (bit index of its lowest one, going round the element).
    let start = if elt & 1 == 0 {
        elt.trailing_zeros()
    } else {
        let zeros = !elt & mask;
        (zeros.trailing_zeros() + zeros.count_ones()) % size
    };
    if ror(elt, start, size) != run {
        return None;
    }
    let immr = (size - start) % size;
    let imms = ((!(size * 2 - 1)) & 0x3f) | (ones - 1);
    Some(((size == 64) as u32, immr, imms))
}

/// The 64-bit value of logical-immediate fields, or None for a reserved encoding. The
/// inverse of `logical_imm` (used by the tests and by anyone reading code back).
pub fn decode_logical_imm(n: u32, immr: u32, imms: u32) -> Option<u64> {
    let combined = (n << 6) | (!imms & 0x3f);
    if combined == 0 {
        return None;
    }
    let len = 31 - combined.leading_zeros();
    if len < 1 {
        return None;
    }
    let size = 1u32 << len;
    let levels = size - 1;
    let s = imms & levels;
    let r = immr & levels;
    if s == levels {
        return None;
    }
    let elt = ror((1u64 << (s + 1)) - 1, r, size);
    let mut v = elt;
    let mut w = size;
    while w < 64 {
        v |= v << w;
        w *= 2;
    }
    Some(v)
}

/// How `mov_imm` builds a 64-bit constant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MovImm {
    /// One `orr xd, xzr, #imm` (the value is a bitmask immediate).
    Orr { n: u32, immr: u32, imms: u32 },
    /// `movz` (or `movn` when `inverted`) of `parts[0]`, then `movk` of the rest.
    /// Each part is `(halfword index 0..=3, the 16 bits movz/movk write)`; for `movn` the
    /// first part holds the bits before inversion (what `movn`'s immediate field holds).
    Wide { inverted: bool, len: u8, parts: [(u8, u16); 4] },
}

impl MovImm {
    /// Instructions the sequence takes.
    pub fn len(&self) -> usize {
        match *self {
            MovImm::Orr { .. } => 1,
            MovImm::Wide { len, .. } => len as usize,
        }
    }
    pub fn is_empty(&self) -> bool {
        false
    }
}

/// The shortest `movz`/`movn` + `movk` sequence, or a single `orr` with a logical
/// immediate, that puts `v` in a 64-bit register.
pub fn plan_mov_imm(v: u64) -> MovImm {
    let hw = |i: u32| ((v >> (16 * i)) & 0xffff) as u16;
    let nonzero = (0..4).filter(|&i| hw(i) != 0).count();
    let nonones = (0..4).filter(|&i| hw(i) != 0xffff).count();
    if nonzero.min(nonones) > 1 {
        if let Some((n, immr, imms)) = logical_imm(v) {
            return MovImm::Orr { n, immr, imms };
        }
    }
    // movn when more halfwords are all ones than all zeros.
    let inverted = nonones < nonzero;
    let skip = if inverted { 0xffff } else { 0 };
    let mut parts = [(0u8, 0u16); 4];
    let mut len = 0;
    for i in 0..4 {
        let h = hw(i);
        if h != skip {
            parts[len] = (i as u8, h);
            len += 1;
        }
    }
    if len == 0 {
        // v == 0 (movz #0) or v == !0 (movn #0): one instruction on halfword 0.
        parts[0] = (0, skip);
        len = 1;
    }
    if inverted {
        parts[0].1 = !parts[0].1;
    }
    MovImm::Wide { inverted, len: len as u8, parts }
}

/// The 8-bit immediate of `fmov dN, #imm` for `f`, or None: ±(16+m)/16 × 2^e with m in
/// 0..16 and e in -3..=4 (so 0.0 is not one; use `fmov d, xzr`).
pub fn fp_imm8(f: f64) -> Option<u8> {
    let bits = f.to_bits();
    if bits & ((1u64 << 48) - 1) != 0 {
        return None;
    }
    let sign = (bits >> 63) as u8;
    let exp = ((bits >> 52) & 0x7ff) as u32;
    let frac4 = ((bits >> 48) & 0xf) as u8;
    let b = match exp >> 2 {
        0x100 => 0u8,
        0x0ff => 1u8,
        _ => return None,
    };
    Some((sign << 7) | (b << 6) | (((exp & 3) as u8) << 4) | frac4)
}

/// `[xn, #off]` with the unsigned scaled 12-bit offset of an access of 2^`size_log2` bytes.
pub fn scaled_offset_fits(off: i64, size_log2: u32) -> bool {
    off >= 0 && off & ((1 << size_log2) - 1) == 0 && (off >> size_log2) < 4096
}

/// `[xn, #off]` with the signed unscaled 9-bit offset of `ldur`/`stur` (and of pre/post
/// indexing).
pub fn unscaled_offset_fits(off: i64) -> bool {
    (-256..=255).contains(&off)
}

/// One load or store of 2^`size_log2` bytes at `[xn, #off]` encodes (scaled or unscaled).
pub fn mem_offset_fits(off: i64, size_log2: u32) -> bool {
    scaled_offset_fits(off, size_log2) || unscaled_offset_fits(off)
}

/// `ldp`/`stp` of two 8-byte registers at `off` (any of offset, pre-index, post-index):
/// a multiple of 8 in -512..=504.
pub fn pair_offset_fits(off: i64) -> bool {
    off & 7 == 0 && (-512..=504).contains(&off)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_imm_boundaries() {
        assert_eq!(encode_add_imm(0), Some(0));
        assert_eq!(encode_add_imm(4095), Some(4095));
        assert_eq!(encode_add_imm(4096), Some(0x1001));
        assert_eq!(encode_add_imm(4097), None);
        assert_eq!(encode_add_imm(0xfff000), Some(0x1fff));
        assert_eq!(encode_add_imm(0x1000000), None);
        assert_eq!(encode_add_sub_imm(-8), Some((true, 8)));
        assert_eq!(encode_add_sub_imm(i64::MIN), None);
    }

    #[test]
    fn logical_imm_roundtrips_every_encoding() {
        // Every valid (N, immr, imms) decodes to a value that encodes back to itself, and
        // there are 5334 distinct 64-bit bitmask immediates.
        let mut values = std::collections::HashSet::new();
        for n in 0..2 {
            for immr in 0..64 {
                for imms in 0..64 {
                    let Some(v) = decode_logical_imm(n, immr, imms) else { continue };
                    let (n2, r2, s2) = logical_imm(v).expect("decoded value must encode");
                    assert_eq!(decode_logical_imm(n2, r2, s2), Some(v), "{v:#x}");
                    values.insert(v);
                }
            }
        }
        assert_eq!(values.len(), 5334);
        // Values that are not bitmask immediates.
        for v in [0u64, !0, 0x1234, 0x5555_5555_5555_5554, 0x0f0f_0f0f_0f0f_0f0e, 0xff00_ff00_ff00_ff01]
        {
            assert_eq!(logical_imm(v), None, "{v:#x}");
        }
        // Cheap pseudo-random values: encodes iff among the decoded set.
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..100_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            assert_eq!(logical_imm(x).is_some(), values.contains(&x));
        }
    }

    #[test]
    fn mov_imm_plans_are_shortest() {
        assert_eq!(plan_mov_imm(0).len(), 1);
        assert_eq!(plan_mov_imm(!0).len(), 1);
        assert_eq!(plan_mov_imm(0xffff_0000).len(), 1);
        assert_eq!(plan_mov_imm(0xffff_ffff_ffff_1234).len(), 1);
        assert_eq!(plan_mov_imm(0x5555_5555_5555_5555).len(), 1);
        assert!(matches!(plan_mov_imm(0x5555_5555_5555_5555), MovImm::Orr { .. }));
        assert_eq!(plan_mov_imm(0x1234_5678).len(), 2);
        assert_eq!(plan_mov_imm(0x1234_5678_9abc_def0).len(), 4);
        assert_eq!(plan_mov_imm(0xffff_1234_ffff_5678).len(), 2);
    }

    #[test]
    fn fp_imm8_values() {
        assert_eq!(fp_imm8(1.0), Some(0x70));
        assert_eq!(fp_imm8(2.0), Some(0x00));
        assert_eq!(fp_imm8(-0.5), Some(0xe0));
        assert_eq!(fp_imm8(31.0), Some(0x3f));
        assert_eq!(fp_imm8(0.125), Some(0x40));
        assert_eq!(fp_imm8(0.0), None);
        assert_eq!(fp_imm8(0.1), None);
        assert_eq!(fp_imm8(32.0), None);
        assert_eq!(fp_imm8(f64::NAN), None);
    }
}

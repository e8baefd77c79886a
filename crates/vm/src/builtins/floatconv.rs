//! Exact conversions between big integers, rationals and floats: correctly rounded (half to
//! even) int / int true division, ratio to float, round(float, ndigits), ldexp.

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, ToPrimitive, Zero};

/// `x * 2**e`, correctly rounded (like C's ldexp): infinite on overflow, rounds half to even
/// into the subnormal range.
pub fn ldexp(x: f64, e: i64) -> f64 {
    if x == 0.0 || !x.is_finite() || e == 0 {
        return x;
    }
    let (m, ex) = frexp(x);
    // x = m * 2**ex with 0.5 <= |m| < 1; the result's exponent
    let target = ex as i64 + e;
    if target > 1024 {
        return f64::INFINITY.copysign(x);
    }
    if target < -1100 {
        return 0.0f64.copysign(x);
    }
    let target = target as i32;
    if target >= -1021 {
        // normal result: exact
        return (m * 2.0) * pow2(target - 1);
    }
    // subnormal: round the 53-bit mantissa to the bits that remain, half to even
    let mant = (m.abs() * pow2(53)) as u64; // exact, 53 bits
    let drop = (-1021 - target) as u32; // bits lost below 2**-1074
    let q = if drop >= 64 { 0 } else { mant >> drop };
    let rem = if drop >= 64 { mant } else { mant & ((1u64 << drop) - 1) };
    let half = if drop == 0 || drop > 64 { 0 } else { 1u64 << (drop - 1) };
    let q = if drop > 0 && drop <= 64 && (rem > half || (rem == half && q & 1 == 1)) { q + 1 } else { q };
    let r = q as f64 * pow2(-1074);
    r.copysign(x)
}

/// 2**e for -1074 <= e <= 1023, exactly.
fn pow2(e: i32) -> f64 {
    if e >= -1022 {
        f64::from_bits(((e + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (e + 1074))
    }
}

/// (m, e) with x = m * 2**e and 0.5 <= |m| < 1 (x finite and non-zero).
pub fn frexp(x: f64) -> (f64, i32) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // subnormal: normalise first
        let (m, e) = frexp(x * pow2(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

/// The exact value of a finite float as `mantissa * 2**exponent` with an integer mantissa.
pub fn float_parts(x: f64) -> (BigInt, i64) {
    if x == 0.0 {
        return (BigInt::zero(), 0);
    }
    let (m, e) = frexp(x);
    let mant = (m * pow2(53)) as i64;
    (BigInt::from(mant), e as i64 - 53)
}

/// a / b correctly rounded to a float, for a >= 0 and b > 0; None when it overflows.
pub fn ratio_to_f64(a: &BigUint, b: &BigUint) -> Option<f64> {
    if a.is_zero() {
        return Some(0.0);
    }
    let diff = a.bits() as i64 - b.bits() as i64;
    // a/b lies in [2**(diff-1), 2**(diff+1))
    if diff > 1025 {
        return None;
    }
    if diff < -1080 {
        return Some(0.0);
    }
    let top = if diff >= 0 {
        if a >= &(b << diff as usize) { diff } else { diff - 1 }
    } else if (a << (-diff) as usize) >= *b {
        diff
    } else {
        diff - 1
    };
    if top > 1023 {
        return None;
    }
    // exponent of the last bit kept, then two more bits for rounding
    let lsb = (top - 52).max(-1074);
    let k = lsb - 2;
    let (q, r) = if k < 0 { (a << (-k) as usize).div_rem(b) } else { a.div_rem(&(b << k as usize)) };
    let q = q.to_u64().unwrap_or(u64::MAX);
    let sticky = !r.is_zero();
    let low = q & 3;
    let mut m = q >> 2;
    if low > 2 || (low == 2 && (sticky || m & 1 == 1)) {
        m += 1;
    }
    if m >= 1 << 53 && lsb + 53 > 1023 {
        return None;
    }
    // m * 2**lsb is exactly representable
    Some(ldexp(m as f64, lsb))
}

/// a / b for ints, correctly rounded; None when the result overflows.
pub fn int_true_div(a: &BigInt, b: &BigInt) -> Option<f64> {
    if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64()) {
        if x.unsigned_abs() <= (1 << 53) && y.unsigned_abs() <= (1 << 53) {
            return Some(x as f64 / y as f64);
        }
    }
    let neg = (a.sign() == Sign::Minus) != (b.sign() == Sign::Minus);
    let r = ratio_to_f64(a.magnitude(), b.magnitude())?;
    Some(if neg { -r } else { r })
}

/// round(x, ndigits) for finite x: x rounded half to even at 10**-ndigits, as a float (None
/// when the rounded value overflows).
pub fn round_float_digits(x: f64, ndigits: i64) -> Option<f64> {
    if x == 0.0 {
        return Some(x);
    }
    let (mant, exp) = float_parts(x);
    let neg = mant.sign() == Sign::Minus;
    let mant = mant.magnitude().clone();
    let ten = BigUint::from(10u32);
    let pow10 = |n: i64| num_traits::pow(ten.clone(), n as usize);
    // value * 10**ndigits = num / den exactly
    let mut num = mant;
    let mut den = BigUint::one();
    if ndigits >= 0 {
        num *= pow10(ndigits);
    } else {
        den *= pow10(-ndigits);
    }
    if exp >= 0 {
        num <<= exp as usize;
    } else {
        den <<= (-exp) as usize;
    }
    let (mut q, r) = num.div_rem(&den);
    let twice = r << 1usize;
    if twice > den || (twice == den && q.is_odd()) {
        q += 1u32;
    }
    // result = q / 10**ndigits
    let r = if ndigits >= 0 { ratio_to_f64(&q, &pow10(ndigits))? } else { ratio_to_f64(&(q * pow10(-ndigits)), &BigUint::one())? };
    Some(if neg { -r } else { r })
}

/// float.fromhex: `[ws][sign](inf|infinity|nan|[0x]hexdigits[.hexdigits][p[sign]digits])[ws]`,
/// correctly rounded. Ok(None) for a malformed string, Err(true) when the value overflows.
pub fn parse_hex_float(s: &str) -> Result<Option<f64>, bool> {
    let t = s.trim_matches(|c: char| c.is_whitespace());
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let sign = |x: f64| if neg { -x } else { x };
    let lower = t.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Ok(Some(sign(f64::INFINITY)));
    }
    if lower == "nan" {
        return Ok(Some(sign(f64::NAN)));
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mant, exp) = match body.split_once('p') {
        Some((m, e)) => (m, Some(e)),
        None => (body, None),
    };
    let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
    let all_hex = |x: &str| x.chars().all(|c| c.is_ascii_hexdigit());
    if int.len() + frac.len() == 0 || !all_hex(int) || !all_hex(frac) {
        return Ok(None);
    }
    let exp: i64 = match exp {
        None => 0,
        Some(e) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
                return Ok(None);
            }
            // saturate: anything this large overflows or underflows anyway
            let v: i64 = digits.parse().unwrap_or(i64::MAX / 4).min(i64::MAX / 4);
            if e.starts_with('-') {
                -v
            } else {
                v
            }
        }
    };
    let digits = format!("{int}{frac}");
    let m = BigUint::parse_bytes(digits.as_bytes(), 16).unwrap_or_default();
    if m.is_zero() {
        return Ok(Some(sign(0.0)));
    }
    let e = exp - 4 * frac.len() as i64;
    let top = m.bits() as i64 + e;
    if top > 1025 {
        return Err(true);
    }
    if top < -1080 {
        return Ok(Some(sign(0.0)));
    }
    let r = if e >= 0 { ratio_to_f64(&(m << e as usize), &BigUint::one()) } else { ratio_to_f64(&m, &(BigUint::one() << (-e) as usize)) };
    match r {
        Some(x) => Ok(Some(sign(x))),
        None => Err(true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn div(a: i128, b: i128) -> f64 {
        int_true_div(&BigInt::from(a), &BigInt::from(b)).unwrap()
    }

    #[test]
    fn true_division_rounds_correctly() {
        assert_eq!(div(1, 3), 1.0 / 3.0);
        assert_eq!(div((1 << 53) + 1, 1), 9007199254740992.0);
        assert_eq!(div((1 << 53) + 3, 1), 9007199254740996.0);
        assert_eq!(div(10_000_000_000_000_000, 3), 3333333333333333.5);
        let one = BigUint::one();
        assert_eq!(ratio_to_f64(&one, &(BigUint::one() << 1074usize)), Some(5e-324));
        assert_eq!(ratio_to_f64(&one, &(BigUint::one() << 1075usize)), Some(0.0));
        assert_eq!(ratio_to_f64(&BigUint::from(3u32), &(BigUint::one() << 1076usize)), Some(5e-324));
        assert_eq!(ratio_to_f64(&(BigUint::one() << 1024usize), &one), None);
    }

    #[test]
    fn ldexp_and_round() {
        assert_eq!(ldexp(1.0, -1074), 5e-324);
        assert_eq!(ldexp(1.0, -1075), 0.0);
        assert_eq!(ldexp(1.5, -1074), 1e-323);
        assert_eq!(ldexp(1.0, 1024), f64::INFINITY);
        assert_eq!(ldexp(1.0, 1023), 8.98846567431158e307);
        assert_eq!(round_float_digits(2.675, 2), Some(2.67));
        assert_eq!(round_float_digits(0.5, 0), Some(0.0));
        assert_eq!(round_float_digits(1e300, -299), Some(1e300));
        assert_eq!(round_float_digits(1234.5, -2), Some(1200.0));
    }
}

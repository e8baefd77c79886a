//! IEEE 754 half precision ('e' format), converted from and to doubles as CPython's
//! PyFloat_Pack2/Unpack2 do (rounding half to even from the double; NaN packs as 0x7e00).

/// The half-precision bits of `x`; None when it is too large.
pub fn pack(x: f64) -> Option<u16> {
    let (sign, e, bits): (u16, i32, u16);
    if x == 0.0 {
        sign = x.is_sign_negative() as u16;
        e = 0;
        bits = 0;
    } else if x.is_infinite() {
        sign = (x < 0.0) as u16;
        e = 0x1f;
        bits = 0;
    } else if x.is_nan() {
        sign = x.is_sign_negative() as u16;
        e = 0x1f;
        bits = 512;
    } else {
        sign = (x < 0.0) as u16;
        let ax = x.abs();
        let (mut f, mut ex) = frexp(ax);
        f *= 2.0;
        ex -= 1;
        if ex >= 16 {
            return None;
        } else if ex < -25 {
            f = 0.0;
            ex = 0;
        } else if ex < -14 {
            f = ldexp(f, 14 + ex);
            ex = 0;
        } else {
            ex += 15;
            f -= 1.0;
        }
        f *= 1024.0;
        let mut b = f as u16;
        let frac = f - b as f64;
        if frac > 0.5 || (frac == 0.5 && b % 2 == 1) {
            b += 1;
            if b == 1024 {
                b = 0;
                ex += 1;
                if ex == 31 {
                    return None;
                }
            }
        }
        e = ex;
        bits = b;
    }
    Some(bits | ((e as u16) << 10) | (sign << 15))
}

pub fn unpack(h: u16) -> f64 {
    let sign = h >> 15;
    let e = ((h >> 10) & 0x1f) as i32;
    let f = (h & 0x3ff) as f64;
    if e == 0x1f {
        let v = if f == 0.0 { f64::INFINITY } else { f64::NAN };
        return if sign == 1 { -v } else { v };
    }
    let mut x = f / 1024.0;
    let ex = if e == 0 {
        -14
    } else {
        x += 1.0;
        e - 15
    };
    x = ldexp(x, ex);
    if sign == 1 {
        -x
    } else {
        x
    }
}

fn frexp(x: f64) -> (f64, i32) {
    pyjit_vm::builtins::floatconv::frexp(x)
}

fn ldexp(x: f64, e: i32) -> f64 {
    pyjit_vm::builtins::floatconv::ldexp(x, e as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for (x, bits) in [(1.0, 0x3c00u16), (-2.0, 0xc000), (65504.0, 0x7bff), (6.103515625e-05, 0x0400), (5.960464477539063e-08, 0x0001)] {
            assert_eq!(pack(x), Some(bits));
            assert_eq!(unpack(bits), x);
        }
        assert_eq!(pack(65520.0), None);
        assert_eq!(pack(f64::NAN), Some(0x7e00));
    }
}

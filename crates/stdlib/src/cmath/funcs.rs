//! The arithmetic of `cmath`: each function of a complex number with C99 Annex G's special
//! values, CPython 3.11's branch cuts and overflow guards, and the error it signals.

use std::f64::consts::{E, LN_2, PI};

use super::tables::{special, Table};

/// A complex number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Z {
    pub re: f64,
    pub im: f64,
}

/// What a function signals besides its value (CPython's errno).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    None,
    /// ValueError("math domain error").
    Domain,
    /// OverflowError("math range error").
    Range,
}

pub type Out = (Z, Fault);

#[inline]
pub const fn z(re: f64, im: f64) -> Z {
    Z { re, im }
}

const LARGE: f64 = f64::MAX / 4.0;
const MANT_DIG: i32 = 53;
const SCALE_UP: i32 = 2 * (MANT_DIG / 2) + 1;
const SCALE_DOWN: i32 = -(SCALE_UP + 1) / 2;
const LN_10: f64 = std::f64::consts::LN_10;

fn sqrt_large() -> f64 {
    LARGE.sqrt()
}

fn log_large() -> f64 {
    LARGE.ln()
}

fn sqrt_dbl_min() -> f64 {
    f64::MIN_POSITIVE.sqrt()
}

/// The C library's hypot, as CPython's cmath calls it.
#[inline]
fn hypot(x: f64, y: f64) -> f64 {
    x.hypot(y)
}

/// x * 2**n for the exponents the functions use (|n| < 1023, so 2**n is a normal number).
fn ldexp(x: f64, n: i32) -> f64 {
    x * f64::from_bits(((1023 + n) as u64) << 52)
}

/// The inverse hyperbolic sine as the C library computes it (fdlibm's method), so that
/// results match CPython's to the bit where the formulas use asinh.
pub fn asinh_real(x: f64) -> f64 {
    if !x.is_finite() {
        return x + x;
    }
    let a = x.abs();
    let hi = (a.to_bits() >> 32) as u32;
    let w = if hi < 0x3e30_0000 {
        return x;
    } else if hi > 0x41b0_0000 {
        a.ln() + LN_2
    } else if hi > 0x4000_0000 {
        (2.0 * a + 1.0 / ((x * x + 1.0).sqrt() + a)).ln()
    } else {
        let t = x * x;
        (a + t / (1.0 + (1.0 + t).sqrt())).ln_1p()
    };
    w.copysign(x)
}

/// The table's value when z has an infinite or NaN part.
#[inline]
fn table(t: &Table, v: Z) -> Option<Out> {
    if v.re.is_finite() && v.im.is_finite() {
        None
    } else {
        Some((special(t, v.re, v.im), Fault::None))
    }
}

pub fn sqrt(v: Z) -> Out {
    if let Some(r) = table(&super::tables::SQRT, v) {
        return r;
    }
    if v.re == 0.0 && v.im == 0.0 {
        return (z(0.0, v.im), Fault::None);
    }
    let mut ax = v.re.abs();
    let ay = v.im.abs();
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        ax = ldexp(ax, SCALE_UP);
        ldexp((ax + hypot(ax, ldexp(ay, SCALE_UP))).sqrt(), SCALE_DOWN)
    } else {
        ax /= 8.0;
        2.0 * (ax + hypot(ax, ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    let r = if v.re >= 0.0 {
        z(s, d.copysign(v.im))
    } else {
        z(d, s.copysign(v.im))
    };
    (r, Fault::None)
}

pub fn acos(v: Z) -> Out {
    if let Some(r) = table(&super::tables::ACOS, v) {
        return r;
    }
    let r = if v.re.abs() > LARGE || v.im.abs() > LARGE {
        let re = v.im.abs().atan2(v.re);
        let im = -((hypot(v.re / 2.0, v.im / 2.0)).ln() + LN_2 * 2.0).copysign(v.im);
        z(re, im)
    } else {
        let s1 = sqrt(z(1.0 - v.re, -v.im)).0;
        let s2 = sqrt(z(1.0 + v.re, v.im)).0;
        z(
            2.0 * s1.re.atan2(s2.re),
            asinh_real(s2.re * s1.im - s2.im * s1.re),
        )
    };
    (r, Fault::None)
}

pub fn acosh(v: Z) -> Out {
    if let Some(r) = table(&super::tables::ACOSH, v) {
        return r;
    }
    let r = if v.re.abs() > LARGE || v.im.abs() > LARGE {
        z(
            (hypot(v.re / 2.0, v.im / 2.0)).ln() + LN_2 * 2.0,
            v.im.atan2(v.re),
        )
    } else {
        let s1 = sqrt(z(v.re - 1.0, v.im)).0;
        let s2 = sqrt(z(v.re + 1.0, v.im)).0;
        z(
            asinh_real(s1.re * s2.re + s1.im * s2.im),
            2.0 * s1.im.atan2(s2.re),
        )
    };
    (r, Fault::None)
}

/// asin(z) = -i asinh(iz).
pub fn asin(v: Z) -> Out {
    let (s, f) = asinh(z(-v.im, v.re));
    (z(s.im, -s.re), f)
}

pub fn asinh(v: Z) -> Out {
    if let Some(r) = table(&super::tables::ASINH, v) {
        return r;
    }
    let r = if v.re.abs() > LARGE || v.im.abs() > LARGE {
        let l = (hypot(v.re / 2.0, v.im / 2.0)).ln() + LN_2 * 2.0;
        let re = if v.im >= 0.0 {
            l.copysign(v.re)
        } else {
            -l.copysign(-v.re)
        };
        z(re, v.im.atan2(v.re.abs()))
    } else {
        let s1 = sqrt(z(1.0 + v.im, -v.re)).0;
        let s2 = sqrt(z(1.0 - v.im, v.re)).0;
        z(
            asinh_real(s1.re * s2.im - s2.re * s1.im),
            v.im.atan2(s1.re * s2.re - s1.im * s2.im),
        )
    };
    (r, Fault::None)
}

/// atan(z) = -i atanh(iz).
pub fn atan(v: Z) -> Out {
    let (s, f) = atanh(z(-v.im, v.re));
    (z(s.im, -s.re), f)
}

pub fn atanh(v: Z) -> Out {
    if let Some(r) = table(&super::tables::ATANH, v) {
        return r;
    }
    if v.re < 0.0 {
        let (r, f) = atanh(z(-v.re, -v.im));
        return (z(-r.re, -r.im), f);
    }
    let ay = v.im.abs();
    if v.re > sqrt_large() || ay > sqrt_large() {
        let h = hypot(v.re / 2.0, v.im / 2.0);
        return (
            z(v.re / 4.0 / h / h, (PI / 2.0).copysign(v.im)),
            Fault::None,
        );
    }
    if v.re == 1.0 && ay < sqrt_dbl_min() {
        if ay == 0.0 {
            return (z(f64::INFINITY, v.im), Fault::Domain);
        }
        let re = -(ay.sqrt() / hypot(ay, 2.0).sqrt()).ln();
        return (z(re, (2.0f64.atan2(-ay) / 2.0).copysign(v.im)), Fault::None);
    }
    let re = (4.0 * v.re / ((1.0 - v.re) * (1.0 - v.re) + ay * ay)).ln_1p() / 4.0;
    let im = -(-2.0 * v.im).atan2((1.0 - v.re) * (1.0 + v.re) - ay * ay) / 2.0;
    (z(re, im), Fault::None)
}

/// cos(z) = cosh(iz).
pub fn cos(v: Z) -> Out {
    cosh(z(-v.im, v.re))
}

/// The value for an infinite real part and a finite non-zero imaginary part, shared by
/// cosh, sinh and exp: signs from cos(y) and sin(y).
fn inf_cis(y: f64, mag: f64, sre: f64, sim: f64) -> Z {
    z(sre * mag.copysign(y.cos()), sim * mag.copysign(y.sin()))
}

pub fn cosh(v: Z) -> Out {
    if !v.re.is_finite() || !v.im.is_finite() {
        let r = if v.re.is_infinite() && v.im.is_finite() && v.im != 0.0 {
            let s = if v.re > 0.0 { 1.0 } else { -1.0 };
            inf_cis(v.im, f64::INFINITY, 1.0, s)
        } else {
            special(&super::tables::COSH, v.re, v.im)
        };
        let f = if v.im.is_infinite() && !v.re.is_nan() {
            Fault::Domain
        } else {
            Fault::None
        };
        return (r, f);
    }
    let r = if v.re.abs() > log_large() {
        let x1 = v.re - 1.0f64.copysign(v.re);
        z(v.im.cos() * x1.cosh() * E, v.im.sin() * x1.sinh() * E)
    } else {
        z(v.im.cos() * v.re.cosh(), v.im.sin() * v.re.sinh())
    };
    (r, overflowed(r))
}

fn overflowed(r: Z) -> Fault {
    if r.re.is_infinite() || r.im.is_infinite() {
        Fault::Range
    } else {
        Fault::None
    }
}

pub fn exp(v: Z) -> Out {
    if !v.re.is_finite() || !v.im.is_finite() {
        let r = if v.re.is_infinite() && v.im.is_finite() && v.im != 0.0 {
            let mag = if v.re > 0.0 { f64::INFINITY } else { 0.0 };
            inf_cis(v.im, mag, 1.0, 1.0)
        } else {
            special(&super::tables::EXP, v.re, v.im)
        };
        let f = if v.im.is_infinite() && (v.re.is_finite() || (v.re.is_infinite() && v.re > 0.0)) {
            Fault::Domain
        } else {
            Fault::None
        };
        return (r, f);
    }
    let r = if v.re > log_large() {
        let l = (v.re - 1.0).exp();
        z(l * v.im.cos() * E, l * v.im.sin() * E)
    } else {
        let l = v.re.exp();
        z(l * v.im.cos(), l * v.im.sin())
    };
    (r, overflowed(r))
}

pub fn log(v: Z) -> Out {
    if let Some(r) = table(&super::tables::LOG, v) {
        return r;
    }
    let ax = v.re.abs();
    let ay = v.im.abs();
    let re = if ax > LARGE || ay > LARGE {
        (hypot(ax / 2.0, ay / 2.0)).ln() + LN_2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            let m = MANT_DIG;
            hypot(ldexp(ax, m), ldexp(ay, m)).ln() - f64::from(m) * LN_2
        } else {
            return (z(f64::NEG_INFINITY, v.im.atan2(v.re)), Fault::Domain);
        }
    } else {
        let h = hypot(ax, ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            ((am - 1.0) * (am + 1.0) + an * an).ln_1p() / 2.0
        } else {
            h.ln()
        }
    };
    (z(re, v.im.atan2(v.re)), Fault::None)
}

pub fn log10(v: Z) -> Out {
    let (r, f) = log(v);
    (z(r.re / LN_10, r.im / LN_10), f)
}

/// sin(z) = -i sinh(iz).
pub fn sin(v: Z) -> Out {
    let (s, f) = sinh(z(-v.im, v.re));
    (z(s.im, -s.re), f)
}

pub fn sinh(v: Z) -> Out {
    if !v.re.is_finite() || !v.im.is_finite() {
        let r = if v.re.is_infinite() && v.im.is_finite() && v.im != 0.0 {
            let s = if v.re > 0.0 { 1.0 } else { -1.0 };
            inf_cis(v.im, f64::INFINITY, s, 1.0)
        } else {
            special(&super::tables::SINH, v.re, v.im)
        };
        let f = if v.im.is_infinite() && !v.re.is_nan() {
            Fault::Domain
        } else {
            Fault::None
        };
        return (r, f);
    }
    let r = if v.re.abs() > log_large() {
        let x1 = v.re - 1.0f64.copysign(v.re);
        z(v.im.cos() * x1.sinh() * E, v.im.sin() * x1.cosh() * E)
    } else {
        z(v.im.cos() * v.re.sinh(), v.im.sin() * v.re.cosh())
    };
    (r, overflowed(r))
}

/// tan(z) = -i tanh(iz).
pub fn tan(v: Z) -> Out {
    let (s, f) = tanh(z(-v.im, v.re));
    (z(s.im, -s.re), f)
}

pub fn tanh(v: Z) -> Out {
    if !v.re.is_finite() || !v.im.is_finite() {
        let r = if v.re.is_infinite() && v.im.is_finite() && v.im != 0.0 {
            let re = if v.re > 0.0 { 1.0 } else { -1.0 };
            z(re, 0.0f64.copysign(2.0 * v.im.sin() * v.im.cos()))
        } else {
            special(&super::tables::TANH, v.re, v.im)
        };
        let f = if v.im.is_infinite() && v.re.is_finite() {
            Fault::Domain
        } else {
            Fault::None
        };
        return (r, f);
    }
    let r = if v.re.abs() > log_large() {
        z(
            1.0f64.copysign(v.re),
            4.0 * v.im.sin() * v.im.cos() * (-2.0 * v.re.abs()).exp(),
        )
    } else {
        let tx = v.re.tanh();
        let ty = v.im.tan();
        let cx = 1.0 / v.re.cosh();
        let txty = tx * ty;
        let denom = 1.0 + txty * txty;
        z(tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx)
    };
    (r, Fault::None)
}

/// a / b as CPython 3.11's complex division (Smith's method); a zero divisor is a domain
/// error.
pub fn quot(a: Z, b: Z) -> Out {
    let abr = b.re.abs();
    let abi = b.im.abs();
    if abr >= abi {
        if abr == 0.0 {
            return (z(0.0, 0.0), Fault::Domain);
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        (
            z((a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom),
            Fault::None,
        )
    } else if abi >= abr {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        (
            z((a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom),
            Fault::None,
        )
    } else {
        (z(f64::NAN, f64::NAN), Fault::None)
    }
}

/// |z| as CPython's complex abs: an infinite part wins over a NaN; overflow is a range error.
pub fn abs(v: Z) -> (f64, Fault) {
    if !v.re.is_finite() || !v.im.is_finite() {
        if v.re.is_infinite() {
            return (v.re.abs(), Fault::None);
        }
        if v.im.is_infinite() {
            return (v.im.abs(), Fault::None);
        }
        return (f64::NAN, Fault::None);
    }
    let r = hypot(v.re, v.im);
    (
        r,
        if r.is_finite() {
            Fault::None
        } else {
            Fault::Range
        },
    )
}

/// The complex number with modulus r and phase phi.
pub fn rect(r: f64, phi: f64) -> Out {
    if !r.is_finite() || !phi.is_finite() {
        let v = if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            let s = if r > 0.0 { 1.0 } else { -1.0 };
            inf_cis(phi, f64::INFINITY, s, s)
        } else {
            special(&super::tables::RECT, r, phi)
        };
        let f = if r != 0.0 && !r.is_nan() && phi.is_infinite() {
            Fault::Domain
        } else {
            Fault::None
        };
        return (v, f);
    }
    if phi == 0.0 {
        return (z(r, r * phi), Fault::None);
    }
    (z(r * phi.cos(), r * phi.sin()), Fault::None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: f64, b: f64) -> bool {
        (a.is_nan() && b.is_nan()) || a.to_bits() == b.to_bits()
    }

    #[test]
    fn sqrt_signed_zeros_and_cut() {
        let (r, f) = sqrt(z(-0.0, -0.0));
        assert!(same(r.re, 0.0) && same(r.im, -0.0) && f == Fault::None);
        let (r, _) = sqrt(z(-4.0, -0.0));
        assert!(same(r.re, 0.0) && same(r.im, -2.0));
        let (r, _) = sqrt(z(f64::NEG_INFINITY, f64::NAN));
        assert!(r.re.is_nan() && r.im.is_infinite());
    }

    #[test]
    fn log_zero_is_domain_error() {
        let (r, f) = log(z(0.0, 0.0));
        assert_eq!(f, Fault::Domain);
        assert!(r.re == f64::NEG_INFINITY);
    }

    #[test]
    fn exp_overflow_is_range_error() {
        assert_eq!(exp(z(800.0, 0.0)).1, Fault::Range);
        assert_eq!(exp(z(1.0, f64::INFINITY)).1, Fault::Domain);
    }

    #[test]
    fn asinh_matches_known_values() {
        assert!((asinh_real(1.0) - 0.881373587019543).abs() < 1e-15);
        assert!(same(asinh_real(-0.0), -0.0));
        assert_eq!(asinh_real(1e300), 1e300f64.ln() + LN_2);
    }
}

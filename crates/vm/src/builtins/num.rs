//! Numbers: the int/float/complex arithmetic tower, int and float text conversions.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Pow, Signed, ToPrimitive, Zero};
use pyjit_compiler::opcode::BinOp;

use crate::heap::{ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::objects::{BoolObj, ComplexObj, FloatObj, IntObj};

/// CPython's limit on int/str conversion digits (sys.set_int_max_str_digits).
pub const MAX_STR_DIGITS: usize = 4300;
/// Conversions of at most this many digits are never limited; the limit cannot go below it.
pub const MAX_STR_DIGITS_THRESHOLD: usize = 640;

/// A number operand.
pub enum Num {
    Int(BigInt),
    Small(i64),
    Float(f64),
    Complex(f64, f64),
}

impl Vm {
    /// The operand as a number, for int, bool, float and complex (and their subclasses).
    pub fn as_num(&self, v: Value) -> Option<Num> {
        if v.is_small() {
            return Some(Num::Small(v.small_value()));
        }
        match v.kind()? {
            ObjKind::BigInt => Some(Num::Int(v.get::<IntObj>()?.0.clone())),
            ObjKind::Bool => Some(Num::Small(v.get::<BoolObj>()?.0 as i64)),
            ObjKind::Float => Some(Num::Float(v.get::<FloatObj>()?.0)),
            ObjKind::Complex => {
                let c = v.get::<ComplexObj>()?;
                Some(Num::Complex(c.re, c.im))
            }
            _ => None,
        }
    }

    /// The value of an int (or bool) as a BigInt.
    pub fn as_bigint(&self, v: Value) -> Option<BigInt> {
        match self.as_num(v)? {
            Num::Small(i) => Some(BigInt::from(i)),
            Num::Int(b) => Some(b),
            _ => None,
        }
    }

    /// The value of an int (or bool) as i64, if it fits.
    pub fn as_i64(&self, v: Value) -> Option<i64> {
        if v.is_small() {
            return Some(v.small_value());
        }
        match self.as_num(v)? {
            Num::Small(i) => Some(i),
            Num::Int(b) => b.to_i64(),
            _ => None,
        }
    }

    pub fn is_int(&self, v: Value) -> bool {
        v.is_small() || matches!(v.kind(), Some(ObjKind::BigInt) | Some(ObjKind::Bool))
    }

    pub fn int_to_f64(&mut self, b: &BigInt) -> PyResult<f64> {
        match b.to_f64() {
            Some(f) if f.is_finite() => Ok(f),
            _ => Err(self.overflow_error("int too large to convert to float")),
        }
    }

    /// A binary arithmetic operation on numbers; None when the operands are not numbers.
    pub fn num_binop(&mut self, a: Value, b: Value, op: BinOp) -> PyResult<Option<Value>> {
        let (Some(x), Some(y)) = (self.as_num(a), self.as_num(b)) else { return Ok(None) };
        if matches!(op, BinOp::And | BinOp::Or | BinOp::Xor) && a.kind() == Some(ObjKind::Bool) && b.kind() == Some(ObjKind::Bool) {
            let (p, q) = (a == self.true_, b == self.true_);
            let r = match op {
                BinOp::And => p & q,
                BinOp::Or => p | q,
                _ => p ^ q,
            };
            return Ok(Some(self.bool_val(r)));
        }
        use Num::*;
        match (x, y) {
            (Small(i), Small(j)) => self.small_op(i, j, op).map(Some),
            (Small(i), Int(j)) => self.int_op(BigInt::from(i), j, op).map(Some),
            (Int(i), Small(j)) => self.int_op(i, BigInt::from(j), op).map(Some),
            (Int(i), Int(j)) => self.int_op(i, j, op).map(Some),
            (Complex(r1, i1), y) => {
                let (r2, i2) = self.complex_parts(y)?;
                self.complex_op((r1, i1), (r2, i2), op)
            }
            (x, Complex(r2, i2)) => {
                let (r1, i1) = self.complex_parts(x)?;
                self.complex_op((r1, i1), (r2, i2), op)
            }
            (x, y) => {
                if matches!(op, BinOp::LShift | BinOp::RShift | BinOp::And | BinOp::Or | BinOp::Xor | BinOp::MatMul) {
                    return Ok(None);
                }
                let f = self.num_to_f64(x)?;
                let g = self.num_to_f64(y)?;
                self.float_op(f, g, op)
            }
        }
    }

    /// divmod(a, b) for builtin numbers; None when they are not both real numbers.
    pub fn num_divmod(&mut self, a: Value, b: Value) -> PyResult<Option<Value>> {
        let (Some(x), Some(y)) = (self.as_num(a), self.as_num(b)) else { return Ok(None) };
        if matches!(x, Num::Complex(..)) || matches!(y, Num::Complex(..)) {
            let (an, bn) = (self.type_name_of(a), self.type_name_of(b));
            return Err(self.type_error(&format!("unsupported operand type(s) for divmod(): '{an}' and '{bn}'")));
        }
        if matches!(x, Num::Float(_)) || matches!(y, Num::Float(_)) {
            let f = self.num_to_f64(x)?;
            let g = self.num_to_f64(y)?;
            if g == 0.0 {
                return Err(self.zero_division("float divmod()"));
            }
            let (q, r) = float_divmod(f, g);
            let (q, r) = (self.new_float(q), self.new_float(r));
            return Ok(Some(self.new_tuple(vec![q, r])));
        }
        let q = self.binary_op(a, b, BinOp::FloorDiv, false)?;
        let r = self.binary_op(a, b, BinOp::Mod, false)?;
        Ok(Some(self.new_tuple(vec![q, r])))
    }

    fn num_to_f64(&mut self, n: Num) -> PyResult<f64> {
        match n {
            Num::Small(i) => Ok(i as f64),
            Num::Int(b) => self.int_to_f64(&b),
            Num::Float(f) => Ok(f),
            Num::Complex(r, _) => Ok(r),
        }
    }

    fn complex_parts(&mut self, n: Num) -> PyResult<(f64, f64)> {
        match n {
            Num::Complex(r, i) => Ok((r, i)),
            other => Ok((self.num_to_f64(other)?, 0.0)),
        }
    }

    pub fn small_op(&mut self, i: i64, j: i64, op: BinOp) -> PyResult<Value> {
        let r = match op {
            BinOp::Add => i.checked_add(j),
            BinOp::Sub => i.checked_sub(j),
            BinOp::Mul => i.checked_mul(j),
            BinOp::FloorDiv => {
                if j == 0 {
                    return Err(self.zero_division("integer division or modulo by zero"));
                }
                i.checked_div_euclid(j).map(|_| Integer::div_floor(&i, &j))
            }
            BinOp::Mod => {
                if j == 0 {
                    return Err(self.zero_division("integer modulo by zero"));
                }
                Some(i.mod_floor(&j))
            }
            BinOp::And => Some(i & j),
            BinOp::Or => Some(i | j),
            BinOp::Xor => Some(i ^ j),
            BinOp::LShift => {
                if j < 0 {
                    return Err(self.value_error("negative shift count"));
                }
                if j < 63 && (i == 0 || (i.unsigned_abs().leading_zeros() as i64) > j + 1) {
                    Some(i << j)
                } else {
                    None
                }
            }
            BinOp::RShift => {
                if j < 0 {
                    return Err(self.value_error("negative shift count"));
                }
                Some(if j >= 64 { if i < 0 { -1 } else { 0 } } else { i >> j })
            }
            BinOp::TrueDiv => {
                if j == 0 {
                    return Err(self.zero_division("division by zero"));
                }
                if i.unsigned_abs() < (1 << 53) && j.unsigned_abs() < (1 << 53) {
                    return Ok(self.new_float(i as f64 / j as f64));
                }
                None
            }
            BinOp::Pow => {
                if j < 0 {
                    return self.float_op(i as f64, j as f64, op).map(|v| v.unwrap_or(Value::NULL));
                }
                if j <= u32::MAX as i64 {
                    i.checked_pow(j as u32)
                } else {
                    None
                }
            }
            BinOp::MatMul => return Ok(self.not_implemented),
        };
        match r {
            Some(v) => Ok(self.new_int(v)),
            None => self.int_op(BigInt::from(i), BigInt::from(j), op),
        }
    }

    pub fn int_op(&mut self, a: BigInt, b: BigInt, op: BinOp) -> PyResult<Value> {
        let r = match op {
            BinOp::Add => a + b,
            BinOp::Sub => a - b,
            BinOp::Mul => a * b,
            BinOp::FloorDiv | BinOp::Mod => {
                if b.is_zero() {
                    let what = if op == BinOp::FloorDiv { "integer division or modulo by zero" } else { "integer modulo by zero" };
                    return Err(self.zero_division(what));
                }
                if let Some((q, r)) = div_small_quotient(&a, &b) {
                    if op == BinOp::FloorDiv {
                        q
                    } else {
                        r
                    }
                } else if op == BinOp::FloorDiv {
                    a.div_floor(&b)
                } else {
                    a.mod_floor(&b)
                }
            }
            BinOp::TrueDiv => {
                if b.is_zero() {
                    return Err(self.zero_division("division by zero"));
                }
                let f = int_true_div(&a, &b);
                match f {
                    Some(f) => return Ok(self.new_float(f)),
                    None => return Err(self.overflow_error("integer division result too large for a float")),
                }
            }
            BinOp::And => a & b,
            BinOp::Or => a | b,
            BinOp::Xor => a ^ b,
            BinOp::LShift => {
                if b.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                if a.is_zero() {
                    return Ok(self.new_int(0));
                }
                // CPython counts 30-bit digits in an ssize_t: beyond that the size itself
                // overflows, below it the allocation fails
                let max_digits = (i64::MAX as u64 - 24) / 4;
                let words = (&b / 30u32).to_u64().unwrap_or(u64::MAX).min(i64::MAX as u64 / 4);
                if words + a.bits() / 30 + 1 > max_digits {
                    return Err(self.overflow_error("too many digits in integer"));
                }
                let n = b.to_u64().unwrap_or(u64::MAX);
                if a.bits() + n > (1 << 35) {
                    return Err(self.memory_error());
                }
                a << n
            }
            BinOp::RShift => {
                if b.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                match b.to_u64() {
                    Some(n) if n < a.bits() + 1 => a >> n,
                    _ => {
                        if a.is_negative() {
                            BigInt::from(-1)
                        } else {
                            BigInt::zero()
                        }
                    }
                }
            }
            BinOp::Pow => {
                if b.is_negative() {
                    let x = self.int_to_f64(&a)?;
                    let y = self.int_to_f64(&b)?;
                    return self.float_op(x, y, op).map(|v| v.unwrap_or(Value::NULL));
                }
                let Some(e) = b.to_u64() else { return Err(self.memory_error()) };
                if a.is_zero() || a.is_one() {
                    a
                } else if a == BigInt::from(-1) {
                    if e % 2 == 0 {
                        BigInt::one()
                    } else {
                        a
                    }
                } else {
                    if (a.bits() as u128) * (e as u128) > (1u128 << 34) {
                        return Err(self.memory_error());
                    }
                    Pow::pow(a, e)
                }
            }
            BinOp::MatMul => return Ok(self.not_implemented),
        };
        Ok(self.new_bigint(r))
    }

    pub fn float_op(&mut self, a: f64, b: f64, op: BinOp) -> PyResult<Option<Value>> {
        let r = match op {
            BinOp::Add => a + b,
            BinOp::Sub => a - b,
            BinOp::Mul => a * b,
            BinOp::TrueDiv => {
                if b == 0.0 {
                    return Err(self.zero_division("float division by zero"));
                }
                a / b
            }
            BinOp::FloorDiv => {
                if b == 0.0 {
                    return Err(self.zero_division("float floor division by zero"));
                }
                float_divmod(a, b).0
            }
            BinOp::Mod => {
                if b == 0.0 {
                    return Err(self.zero_division("float modulo"));
                }
                float_divmod(a, b).1
            }
            BinOp::Pow => {
                // (+-0) ** -inf is inf (C99 F.9.4.4); a finite negative power divides by zero
                if a == 0.0 && b < 0.0 && b.is_finite() {
                    return Err(self.zero_division("0.0 cannot be raised to a negative power"));
                }
                if a < 0.0 && a.is_finite() && b.fract() != 0.0 && b.is_finite() {
                    // a negative base with a fractional exponent gives a complex
                    let (r, i) = complex_pow((a, 0.0), (b, 0.0));
                    return Ok(Some(self.new_complex(r, i)));
                }
                let r = a.powf(b);
                if r.is_infinite() && a.is_finite() && b.is_finite() {
                    return Err(self.overflow_error("(34, 'Numerical result out of range')"));
                }
                r
            }
            _ => return Ok(None),
        };
        Ok(Some(self.new_float(r)))
    }

    fn complex_op(&mut self, a: (f64, f64), b: (f64, f64), op: BinOp) -> PyResult<Option<Value>> {
        let r = match op {
            BinOp::Add => (a.0 + b.0, a.1 + b.1),
            BinOp::Sub => (a.0 - b.0, a.1 - b.1),
            BinOp::Mul => (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0),
            BinOp::TrueDiv => {
                if b.0 == 0.0 && b.1 == 0.0 {
                    return Err(self.zero_division("complex division by zero"));
                }
                complex_div(a, b)
            }
            BinOp::Pow => {
                if a.0 == 0.0 && a.1 == 0.0 {
                    if b.1 != 0.0 || b.0 < 0.0 {
                        return Err(self.zero_division("0.0 to a negative or complex power"));
                    }
                    if b.0 == 0.0 {
                        (1.0, 0.0)
                    } else {
                        (0.0, 0.0)
                    }
                } else {
                    let r = complex_pow(a, b);
                    // CPython's Py_ADJUST_ERANGE2: an infinite part is an overflow
                    if r.0.is_infinite() || r.1.is_infinite() {
                        return Err(self.overflow_error("complex exponentiation"));
                    }
                    r
                }
            }
            BinOp::FloorDiv | BinOp::Mod => {
                return Err(self.type_error(&format!("unsupported operand type(s) for {}: 'complex' and 'complex'", op.symbol())))
            }
            _ => return Ok(None),
        };
        Ok(Some(self.new_complex(r.0, r.1)))
    }

    /// int(text, base) following Python's rules (underscores, prefixes, whitespace, digits of
    /// other scripts).
    pub fn parse_int(&mut self, text: &str, base: u32) -> PyResult<Value> {
        let ascii = super::numparse::to_ascii_number(text);
        self.parse_int_with(&ascii, base, |_| crate::builtins::strfmt::repr_str(text))
    }

    /// int(bytes, base): the bytes must be ASCII.
    pub fn parse_int_bytes(&mut self, data: &[u8], base: u32) -> PyResult<Value> {
        let text: String = data.iter().map(|&c| c as char).collect();
        self.parse_int_with(&text, base, |_| crate::builtins::strfmt::repr_bytes(data, "b"))
    }

    fn parse_int_with(&mut self, ascii: &str, base: u32, repr: impl FnOnce(&str) -> String) -> PyResult<Value> {
        use super::numparse::{parse_int_ascii, IntParseError};
        match parse_int_ascii(ascii, base, self.int_max_str_digits) {
            Ok(v) => Ok(self.new_bigint(v)),
            Err(IntParseError::TooManyDigits(n)) => {
                let limit = self.int_max_str_digits;
                Err(self.value_error(&format!(
                    "Exceeds the limit ({limit} digits) for integer string conversion: value has {n} digits; use sys.set_int_max_str_digits() to increase the limit"
                )))
            }
            Err(IntParseError::Invalid) => {
                let r: String = repr(ascii).chars().take(200).collect();
                Err(self.value_error(&format!("invalid literal for int() with base {base}: {r}")))
            }
        }
    }

    /// str(int) with the 4300-digit limit.
    pub fn int_to_str(&mut self, v: Value) -> PyResult<String> {
        if v.is_small() {
            return Ok(v.small_value().to_string());
        }
        let b = self.as_bigint(v).unwrap_or_default();
        self.bigint_to_decimal(&b)
    }

    /// Decimal digits of `b` (with a `-` if negative), refused with ValueError beyond
    /// sys.get_int_max_str_digits() digits.
    pub fn bigint_to_decimal(&mut self, b: &BigInt) -> PyResult<String> {
        // machine-sized values (far below any digit limit) skip num-bigint's general path
        if let Some(x) = b.to_i64() {
            return Ok(x.to_string());
        }
        let limit = self.int_max_str_digits;
        // a number of `bits` bits has at least floor((bits - 1) * log10(2)) + 1 digits
        let too_big = |bits: u64| limit > 0 && (bits.saturating_sub(1) as f64 * std::f64::consts::LOG10_2).floor() as u64 + 1 > limit as u64;
        if b.bits() > 2000 && too_big(b.bits()) {
            return Err(self.int_str_limit_error());
        }
        let s = b.to_string();
        let n = s.len() - b.is_negative() as usize;
        if limit > 0 && n > limit.max(MAX_STR_DIGITS_THRESHOLD) {
            return Err(self.int_str_limit_error());
        }
        Ok(s)
    }

    fn int_str_limit_error(&mut self) -> crate::interp::PyErr {
        let limit = self.int_max_str_digits;
        self.value_error(&format!(
            "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
        ))
    }
}

use super::floatconv::int_true_div;

pub fn float_divmod(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(a / b)
    };
    (floordiv, m)
}

fn complex_div(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    let (ar, ai) = a;
    let (br, bi) = b;
    if br.abs() >= bi.abs() {
        let ratio = bi / br;
        let denom = br + bi * ratio;
        ((ar + ai * ratio) / denom, (ai - ar * ratio) / denom)
    } else {
        let ratio = br / bi;
        let denom = br * ratio + bi;
        ((ar * ratio + ai) / denom, (ai * ratio - ar) / denom)
    }
}

fn complex_pow(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    if b.1 == 0.0 && b.0.fract() == 0.0 && b.0.abs() < 100.0 {
        // integer powers by repeated multiplication, as CPython does for small exponents
        let n = b.0 as i64;
        let mut r = (1.0, 0.0);
        let mut base = a;
        let mut e = n.unsigned_abs();
        while e > 0 {
            if e & 1 == 1 {
                r = (r.0 * base.0 - r.1 * base.1, r.0 * base.1 + r.1 * base.0);
            }
            base = (base.0 * base.0 - base.1 * base.1, 2.0 * base.0 * base.1);
            e >>= 1;
        }
        return if n < 0 { complex_div((1.0, 0.0), r) } else { r };
    }
    let vabs = hypot(a.0, a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    (len * phase.cos(), len * phase.sin())
}

pub use super::dtoa::float_repr;

/// abs() of a complex: its modulus; OverflowError when a finite number's overflows.
pub fn complex_abs(vm: &mut Vm, r: f64, i: f64) -> PyResult<Value> {
    let h = hypot(r, i);
    if h.is_infinite() && r.is_finite() && i.is_finite() {
        return Err(vm.overflow_error("absolute value too large"));
    }
    Ok(vm.new_float(h))
}

/// sqrt(x*x + y*y), correctly rounded in practice: a first estimate corrected with the exact
/// residual computed by fused multiply-adds. Gives the same bits on every architecture (libm
/// hypot differs between x86-64 and AArch64 builds of glibc).
pub fn hypot(x: f64, y: f64) -> f64 {
    let (mut a, mut b) = (x.abs(), y.abs());
    if a.is_infinite() || b.is_infinite() {
        return f64::INFINITY;
    }
    if a.is_nan() || b.is_nan() {
        return f64::NAN;
    }
    if a < b {
        std::mem::swap(&mut a, &mut b);
    }
    if b == 0.0 {
        return a;
    }
    // scale into a safe range
    let scale = if a > 1e150 {
        2f64.powi(-600)
    } else if a < 1e-150 {
        2f64.powi(600)
    } else {
        1.0
    };
    let (a, b) = (a * scale, b * scale);
    let h = (a * a + b * b).sqrt();
    // residual r = a^2 + b^2 - h^2, computed with exact products
    let a2 = a * a;
    let ea = a.mul_add(a, -a2);
    let b2 = b * b;
    let eb = b.mul_add(b, -b2);
    let h2 = h * h;
    let eh = h.mul_add(h, -h2);
    let r = ((a2 - h2) + b2) + ((ea + eb) - eh);
    let h = h + r / (2.0 * h);
    h / scale
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn divmod_signs() {
        assert_eq!(float_divmod(-7.0, 2.0), (-4.0, 1.0));
        assert_eq!(float_divmod(7.0, -2.0), (-4.0, -1.0));
    }
}

/// `(a // b, a % b)` for big `a >= 0` and `b > 0` of nearly the same length, where the
/// quotient fits in a machine word: estimated from the top bits and corrected (it is off by
/// at most one), in linear time. num-bigint's general division recurses for such operands
/// (pidigits divides numbers of thousands of digits for one decimal digit).
fn div_small_quotient(a: &BigInt, b: &BigInt) -> Option<(BigInt, BigInt)> {
    use num_bigint::Sign;
    if a.sign() == Sign::Minus || b.sign() != Sign::Plus {
        return None;
    }
    let (abits, bbits) = (a.bits(), b.bits());
    if bbits <= 128 || abits < bbits || abits - bbits > 60 {
        return None;
    }
    let shift = bbits - 64;
    let at = (a >> shift).to_u128()?;
    let bt = (b >> shift).to_u128()?;
    if bt == 0 {
        return None;
    }
    // at/bt is within one of a/b: b's top 64 bits are exact to 2^-63 and the quotient < 2^61
    let mut q = BigInt::from(at / bt);
    let mut r = a - &q * b;
    while r.sign() == Sign::Minus {
        q -= 1;
        r += b;
    }
    while &r >= b {
        q += 1;
        r -= b;
    }
    Some((q, r))
}

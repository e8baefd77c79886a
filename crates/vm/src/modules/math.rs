//! The math module.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::builtins::numfloat;
use crate::heap::Value;
use crate::interp::{NativeFn, PyResult, Vm};

use super::{add_fn, new_module, set_attr};

fn domain(vm: &mut Vm) -> crate::interp::PyErr {
    vm.value_error("math domain error")
}

fn range_err(vm: &mut Vm) -> crate::interp::PyErr {
    vm.overflow_error("math range error")
}

fn arg1(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<f64> {
    if a.len() != 1 {
        return Err(vm.type_error(&format!("math.{name}() takes exactly one argument ({} given)", a.len())));
    }
    numfloat(vm, a[0])
}

/// Checks a libm result: NaN from finite input is a domain error, inf from finite an overflow.
fn checked(vm: &mut Vm, x: f64, r: f64, can_overflow: bool) -> PyResult<Value> {
    if r.is_nan() && !x.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range_err(vm) } else { domain(vm) });
    }
    Ok(vm.new_float(r))
}

macro_rules! unary {
    ($name:ident, $s:expr, $f:expr, $ovf:expr) => {
        fn $name(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
            let x = arg1(vm, a, $s)?;
            let f: fn(f64) -> f64 = $f;
            checked(vm, x, f(x), $ovf)
        }
    };
}

unary!(m_sqrt, "sqrt", |x| if x < 0.0 { f64::NAN } else { x.sqrt() }, false);
unary!(m_exp, "exp", f64::exp, true);
unary!(m_expm1, "expm1", f64::exp_m1, true);
unary!(m_sin, "sin", |x| if x.is_infinite() { f64::NAN } else { x.sin() }, false);
unary!(m_cos, "cos", |x| if x.is_infinite() { f64::NAN } else { x.cos() }, false);
unary!(m_tan, "tan", |x| if x.is_infinite() { f64::NAN } else { x.tan() }, false);
unary!(m_asin, "asin", f64::asin, false);
unary!(m_acos, "acos", f64::acos, false);
unary!(m_atan, "atan", f64::atan, false);
unary!(m_sinh, "sinh", f64::sinh, true);
unary!(m_cosh, "cosh", f64::cosh, true);
unary!(m_tanh, "tanh", f64::tanh, false);
unary!(m_asinh, "asinh", f64::asinh, false);
unary!(m_acosh, "acosh", f64::acosh, false);
unary!(m_atanh, "atanh", |x| if x.abs() >= 1.0 { f64::NAN } else { x.atanh() }, false);
unary!(m_log1p, "log1p", |x| if x <= -1.0 { f64::NAN } else { x.ln_1p() }, false);
unary!(m_fabs, "fabs", f64::abs, false);
unary!(m_degrees, "degrees", f64::to_degrees, true);
unary!(m_radians, "radians", f64::to_radians, false);
unary!(m_cbrt, "cbrt", f64::cbrt, false);
unary!(m_exp2, "exp2", f64::exp2, true);

fn m_log(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    if a.is_empty() || a.len() > 2 {
        return Err(vm.type_error(&format!("log expected 1 or 2 arguments, got {}", a.len())));
    }
    let lx = log_any(vm, a[0])?;
    if a.len() == 2 {
        let lb = log_any(vm, a[1])?;
        if lb == 0.0 {
            return Err(vm.zero_division("float division by zero"));
        }
        return Ok(vm.new_float(lx / lb));
    }
    Ok(vm.new_float(lx))
}

/// Natural log of an int of any size or a float.
fn log_any(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if let Some(b) = vm.as_bigint(v) {
        if !b.is_positive() {
            return Err(domain(vm));
        }
        if let Some(f) = b.to_f64().filter(|f| f.is_finite()) {
            return Ok(f.ln());
        }
        let bits = b.bits();
        let shift = bits - 60;
        let top = (&b >> shift).to_f64().unwrap_or(1.0);
        return Ok(top.ln() + shift as f64 * std::f64::consts::LN_2);
    }
    let x = numfloat(vm, v)?;
    if x <= 0.0 {
        return Err(domain(vm));
    }
    Ok(x.ln())
}

fn m_log2(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let Some(&first) = a.first() else { return Err(vm.type_error("log2() takes exactly one argument")) };
    // an int a double holds: the C library's log2 (exact for powers of two)
    if let Some(f) = vm.as_bigint(first).filter(|b| b.is_positive()).and_then(|b| b.to_f64()).filter(|f| f.is_finite()) {
        return Ok(vm.new_float(f.log2()));
    }
    // beyond a double: log2 of the top bits as a fraction in [0.5, 1) plus the bit count
    if let Some(b) = vm.as_bigint(first).filter(|b| b.is_positive()) {
        let bits = b.bits();
        let top = (&b >> (bits - 60)).to_f64().unwrap_or(1.0) / 2f64.powi(60);
        return Ok(vm.new_float(top.log2() + bits as f64));
    }
    let l = log_any(vm, first)?;
    if let Some(x) = a.first().and_then(|v| vm.as_num(*v)) {
        if let crate::builtins::num::Num::Float(f) = x {
            return Ok(vm.new_float(f.log2()));
        }
    }
    Ok(vm.new_float(l / std::f64::consts::LN_2))
}

fn m_log10(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let v = *a.first().ok_or_else(|| vm.type_error("log10() takes exactly one argument"))?;
    if let Some(crate::builtins::num::Num::Float(f)) = vm.as_num(v) {
        if f <= 0.0 {
            return Err(domain(vm));
        }
        return Ok(vm.new_float(f.log10()));
    }
    if let Some(i) = vm.as_i64(v) {
        if i > 0 {
            return Ok(vm.new_float((i as f64).log10()));
        }
    }
    let l = log_any(vm, v)?;
    Ok(vm.new_float(l / std::f64::consts::LN_10))
}

fn two(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<(f64, f64)> {
    if a.len() != 2 {
        return Err(vm.type_error(&format!("{name} expected 2 arguments, got {}", a.len())));
    }
    Ok((numfloat(vm, a[0])?, numfloat(vm, a[1])?))
}

fn m_pow(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let (x, y) = two(vm, a, "pow")?;
    // infinities and NaNs follow C99's pow (Annex F), as CPython's explicit cases
    if !x.is_finite() || !y.is_finite() {
        return Ok(vm.new_float(x.powf(y)));
    }
    let r = x.powf(y);
    if r.is_nan() || (r.is_infinite() && x == 0.0) {
        return Err(domain(vm));
    }
    if r.is_infinite() {
        return Err(range_err(vm));
    }
    Ok(vm.new_float(r))
}

fn m_atan2(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let (y, x) = two(vm, a, "atan2")?;
    Ok(vm.new_float(y.atan2(x)))
}

fn m_hypot(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    crate::builtins::no_kw(vm, k, "math.hypot")?;
    let mut acc = 0.0f64;
    let mut vals = Vec::new();
    for &v in a {
        vals.push(numfloat(vm, v)?.abs());
    }
    if vals.iter().any(|v| v.is_infinite()) {
        return Ok(vm.new_float(f64::INFINITY));
    }
    if vals.iter().any(|v| v.is_nan()) {
        return Ok(vm.new_float(f64::NAN));
    }
    if vals.len() == 2 {
        return Ok(vm.new_float(crate::builtins::num::hypot(vals[0], vals[1])));
    }
    let m = vals.iter().cloned().fold(0.0, f64::max);
    if m == 0.0 {
        return Ok(vm.new_float(0.0));
    }
    for v in &vals {
        let s = v / m;
        acc += s * s;
    }
    Ok(vm.new_float(m * acc.sqrt()))
}

fn m_copysign(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let (x, y) = two(vm, a, "copysign")?;
    Ok(vm.new_float(x.copysign(y)))
}

fn m_fmod(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let (x, y) = two(vm, a, "fmod")?;
    if y == 0.0 || x.is_infinite() {
        return Err(domain(vm));
    }
    Ok(vm.new_float(x % y))
}

fn m_remainder(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let (x, y) = two(vm, a, "remainder")?;
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return Err(domain(vm));
        }
        // IEEE 754 remainder: x - n*y for the integer n nearest x/y, ties to even
        let (ax, ay) = (x.abs(), y.abs());
        let m = ax % ay;
        let c = ay - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            m - 2.0 * ((0.5 * (ax - m)) % ay)
        };
        return Ok(vm.new_float(1f64.copysign(x) * r));
    }
    if x.is_nan() {
        return Ok(vm.new_float(x));
    }
    if y.is_nan() {
        return Ok(vm.new_float(y));
    }
    if x.is_infinite() {
        return Err(domain(vm));
    }
    Ok(vm.new_float(x))
}

fn to_int_result(vm: &mut Vm, f: f64) -> PyResult<Value> {
    crate::builtins::float_to_int_pub(vm, f)
}

/// math.floor / math.ceil: ints unchanged, `__floor__`/`__ceil__` of other classes, floats rounded.
fn round_to_int(vm: &mut Vm, a: &[Value], name: &str, dunder: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    if a.len() != 1 {
        return Err(vm.type_error(&format!("math.{name}() takes exactly one argument ({} given)", a.len())));
    }
    let v = a[0];
    if vm.is_int(v) && !vm.is_heap_type(v) {
        let b = vm.as_bigint(v).unwrap_or_default();
        return Ok(vm.new_bigint(b));
    }
    // anything but an exact float: its class's __floor__/__ceil__ first (float subclasses too)
    if !(v.kind() == Some(crate::heap::ObjKind::Float) && !vm.is_heap_type(v)) {
        let ty = vm.type_of(v);
        let n = vm.intern(dunder);
        if let Some(m) = vm.lookup(ty, n) {
            return vm.call(m, &[v]);
        }
    }
    let x = numfloat(vm, v)?;
    to_int_result(vm, f(x))
}

fn m_floor(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    round_to_int(vm, a, "floor", "__floor__", f64::floor)
}

fn m_ceil(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    round_to_int(vm, a, "ceil", "__ceil__", f64::ceil)
}

fn m_trunc(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    if a.len() != 1 {
        return Err(vm.type_error(&format!("math.trunc() takes exactly one argument ({} given)", a.len())));
    }
    let v = a[0];
    if vm.is_int(v) && !vm.is_heap_type(v) {
        let b = vm.as_bigint(v).unwrap_or_default();
        return Ok(vm.new_bigint(b));
    }
    if v.kind() == Some(crate::heap::ObjKind::Float) && !vm.is_heap_type(v) {
        let x = numfloat(vm, v)?;
        return to_int_result(vm, x.trunc());
    }
    let ty = vm.type_of(v);
    let n = vm.intern("__trunc__");
    match vm.lookup(ty, n) {
        Some(f) => vm.call(f, &[v]),
        None => {
            let tn = vm.type_name(ty);
            Err(vm.type_error(&format!("type {tn} doesn't define __trunc__ method")))
        }
    }
}

fn m_isnan(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let x = arg1(vm, a, "isnan")?;
    Ok(vm.bool_val(x.is_nan()))
}
fn m_isinf(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let x = arg1(vm, a, "isinf")?;
    Ok(vm.bool_val(x.is_infinite()))
}
fn m_isfinite(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let x = arg1(vm, a, "isfinite")?;
    Ok(vm.bool_val(x.is_finite()))
}

fn int_arg(vm: &mut Vm, v: Value, name: &str) -> PyResult<BigInt> {
    if !vm.is_int(v) {
        let i = vm.index_of(v).map_err(|_| {
            let tn = vm.type_name_of(v);
            vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer"))
        });
        let _ = name;
        let i = i?;
        return Ok(vm.as_bigint(i).unwrap_or_default());
    }
    Ok(vm.as_bigint(v).unwrap_or_default())
}

fn m_factorial(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let v = *a.first().ok_or_else(|| vm.type_error("factorial() takes exactly one argument (0 given)"))?;
    if v.kind() == Some(crate::heap::ObjKind::Float) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = int_arg(vm, v, "factorial")?;
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let n = n.to_u64().ok_or_else(|| vm.overflow_error("factorial() argument should not exceed 9223372036854775807"))?;
    if n > 200_000 {
        return Err(vm.memory_error());
    }
    let mut r = BigInt::one();
    for i in 2..=n {
        r *= i;
    }
    Ok(vm.new_bigint(r))
}

fn m_gcd(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let mut g = BigInt::zero();
    for &v in a {
        let x = int_arg(vm, v, "gcd")?;
        g = g.gcd(&x);
    }
    Ok(vm.new_bigint(g))
}

fn m_lcm(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let mut l = BigInt::one();
    for &v in a {
        // every argument is checked, also after a zero
        let x = int_arg(vm, v, "lcm")?;
        if x.is_zero() || l.is_zero() {
            l = BigInt::zero();
            continue;
        }
        l = l.lcm(&x);
    }
    Ok(vm.new_bigint(l.abs()))
}

fn m_isqrt(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let v = *a.first().ok_or_else(|| vm.type_error("isqrt() takes exactly one argument"))?;
    let n = int_arg(vm, v, "isqrt")?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(vm.new_bigint(n.sqrt()))
}

fn m_comb(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    if a.len() != 2 {
        return Err(vm.type_error(&format!("comb expected 2 arguments, got {}", a.len())));
    }
    let n = int_arg(vm, a[0], "comb")?;
    let k = int_arg(vm, a[1], "comb")?;
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(vm.new_int(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let Some(k) = k.to_i64().map(|k| k as u64) else {
        return Err(vm.overflow_error("min(n - k, k) must not exceed 9223372036854775807"));
    };
    let mut r = BigInt::one();
    for i in 0..k {
        r = r * (&n - i) / (i + 1);
    }
    Ok(vm.new_bigint(r))
}

fn m_perm(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    if a.is_empty() || a.len() > 2 {
        return Err(vm.type_error(&format!("perm expected at most 2 arguments, got {}", a.len())));
    }
    if a.len() == 1 || a[1] == vm.none {
        // perm(n) is factorial(n), with its errors
        return m_factorial(vm, &a[..1], Value::NULL);
    }
    let n = int_arg(vm, a[0], "perm")?;
    let k = int_arg(vm, a[1], "perm")?;
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(vm.new_int(0));
    }
    let mut r = BigInt::one();
    let Some(k) = k.to_i64().map(|k| k as u64) else {
        return Err(vm.overflow_error("k must not exceed 9223372036854775807"));
    };
    for i in 0..k {
        r *= &n - i;
    }
    Ok(vm.new_bigint(r))
}

fn m_prod(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let (pos, kws) = crate::builtins::split_kw(vm, a, k);
    if pos.len() > 1 {
        return Err(vm.type_error(&format!("prod() takes exactly 1 positional argument ({} given)", pos.len())));
    }
    if let Some((bad, _)) = kws.iter().find(|x| x.0 != "start") {
        return Err(vm.type_error(&format!("prod() got an unexpected keyword argument '{bad}'")));
    }
    let mut acc = kws.iter().find(|x| x.0 == "start").map(|x| x.1).unwrap_or(Value::small(1).unwrap_or(Value::NULL));
    let Some(&first) = pos.first() else { return Err(vm.type_error("prod() takes exactly 1 positional argument (0 given)")) };
    let it = vm.iter(first)?;
    while let Some(v) = vm.next(it)? {
        acc = vm.binary_op(acc, v, pyjit_compiler::opcode::BinOp::Mul, false)?;
    }
    Ok(acc)
}

fn m_fsum(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    // Shewchuk's exact summation with partials, as CPython's msum
    let Some(&first) = a.first() else { return Err(vm.type_error("fsum() takes exactly one argument (0 given)")) };
    let it = vm.iter(first)?;
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    let mut inf_sum = 0.0f64;
    while let Some(v) = vm.next(it)? {
        let mut x = numfloat(vm, v)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // an inf or nan summand, or an intermediate overflow
                if xsave.is_finite() {
                    return Err(vm.overflow_error("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special += xsave;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.value_error("-inf + inf in fsum"));
        }
        return Ok(vm.new_float(special));
    }
    let mut hi = 0.0;
    if let Some(mut n) = partials.len().checked_sub(1) {
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(vm.new_float(hi))
}

fn m_isclose(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let (pos, kws) = crate::builtins::split_kw(vm, a, k);
    if pos.len() != 2 {
        return Err(vm.type_error("isclose() takes exactly 2 positional arguments"));
    }
    let x = numfloat(vm, pos[0])?;
    let y = numfloat(vm, pos[1])?;
    let mut rel = 1e-9;
    let mut abs = 0.0;
    for (n, v) in kws {
        match n.as_str() {
            "rel_tol" => rel = numfloat(vm, v)?,
            "abs_tol" => abs = numfloat(vm, v)?,
            _ => {}
        }
    }
    if rel < 0.0 || abs < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(vm.true_);
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(vm.false_);
    }
    let d = (x - y).abs();
    Ok(vm.bool_val(d <= (rel * y).abs() || d <= (rel * x).abs() || d <= abs))
}

fn m_modf(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let x = arg1(vm, a, "modf")?;
    let (f, i) = if x.is_infinite() { (0.0f64.copysign(x), x) } else { (x.fract(), x.trunc()) };
    let (fv, iv) = (vm.new_float(f), vm.new_float(i));
    Ok(vm.new_tuple(vec![fv, iv]))
}

fn m_frexp(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let x = arg1(vm, a, "frexp")?;
    let (m, e) = crate::builtins::hash::frexp(x);
    let (mv, ev) = (vm.new_float(m), vm.new_int(e as i64));
    Ok(vm.new_tuple(vec![mv, ev]))
}

fn m_ldexp(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    if a.len() != 2 {
        return Err(vm.type_error("ldexp expected 2 arguments"));
    }
    let x = numfloat(vm, a[0])?;
    if !vm.is_int(a[1]) {
        return Err(vm.type_error("Expected an int as second argument to ldexp."));
    }
    // exponents beyond any float's range saturate (CPython clips them to LONG_MIN/LONG_MAX)
    let e = match vm.as_i64(a[1]) {
        Some(e) => e,
        None => {
            if vm.as_bigint(a[1]).map(|b| b.is_negative()).unwrap_or(false) {
                i64::MIN
            } else {
                i64::MAX
            }
        }
    };
    let r = crate::builtins::floatconv::ldexp(x, e.clamp(-100_000, 100_000));
    checked(vm, x, r, true)
}

fn m_gamma(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let x = arg1(vm, a, "gamma")?;
    if x <= 0.0 && x.fract() == 0.0 {
        return Err(domain(vm));
    }
    let r = gamma(x);
    checked(vm, x, r, true)
}

fn m_lgamma(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let x = arg1(vm, a, "lgamma")?;
    if x <= 0.0 && x.fract() == 0.0 {
        return Err(domain(vm));
    }
    Ok(vm.new_float(gamma(x).abs().ln()))
}

/// Lanczos approximation of the gamma function.
fn gamma(x: f64) -> f64 {
    if x < 0.5 {
        return std::f64::consts::PI / ((std::f64::consts::PI * x).sin() * gamma(1.0 - x));
    }
    if x.fract() == 0.0 && x <= 171.0 {
        let mut r = 1.0;
        let mut i = 2.0;
        while i < x {
            r *= i;
            i += 1.0;
        }
        return r;
    }
    const G: f64 = 7.0;
    const C: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    let x = x - 1.0;
    let mut a = C[0];
    let t = x + G + 0.5;
    for (i, c) in C.iter().enumerate().skip(1) {
        a += c / (x + i as f64);
    }
    (2.0 * std::f64::consts::PI).sqrt() * t.powf(x + 0.5) * (-t).exp() * a
}

fn m_erf(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let x = arg1(vm, a, "erf")?;
    Ok(vm.new_float(erf(x)))
}

fn m_erfc(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let x = arg1(vm, a, "erfc")?;
    Ok(vm.new_float(1.0 - erf(x)))
}

fn erf(x: f64) -> f64 {
    // series for small |x|, continued fraction beyond
    if x.abs() < 2.5 {
        let mut sum = x;
        let mut term = x;
        let x2 = x * x;
        let mut n = 0.0;
        loop {
            n += 1.0;
            term *= -x2 / n;
            let t = term / (2.0 * n + 1.0);
            sum += t;
            if t.abs() <= 1e-17 * sum.abs() || n > 200.0 {
                break;
            }
        }
        return 2.0 / std::f64::consts::PI.sqrt() * sum;
    }
    let s = x.signum();
    let z = x.abs();
    let mut f = 0.0;
    for k in (1..60).rev() {
        f = (k as f64 / 2.0) / (z + f);
    }
    s * (1.0 - (-z * z).exp() / std::f64::consts::PI.sqrt() / (z + f))
}

fn m_nextafter(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let (x, y) = two(vm, a, "nextafter")?;
    Ok(vm.new_float(nextafter(x, y)))
}

fn nextafter(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let up = (y > x) == (x > 0.0);
    f64::from_bits(if up { bits + 1 } else { bits - 1 })
}

fn m_ulp(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let x = arg1(vm, a, "ulp")?.abs();
    if x.is_nan() || x.is_infinite() {
        return Ok(vm.new_float(x));
    }
    if x == f64::MAX {
        return Ok(vm.new_float(x - nextafter(x, 0.0)));
    }
    Ok(vm.new_float(nextafter(x, f64::INFINITY) - x))
}

fn m_dist(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    crate::builtins::no_kw(vm, k, "math.dist")?;
    if a.len() != 2 {
        return Err(vm.type_error("dist expected 2 arguments"));
    }
    let (_h1, p) = vm.to_vec(a[0])?;
    let (_h2, q) = vm.to_vec(a[1])?;
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut diffs = Vec::new();
    for (x, y) in p.iter().zip(q.iter()) {
        let d = numfloat(vm, *x)? - numfloat(vm, *y)?;
        diffs.push(vm.new_float(d));
    }
    m_hypot(vm, &diffs, Value::NULL)
}

pub fn register(vm: &mut Vm) {
    let m = new_module(vm, "math");
    let fns: &[(&'static str, NativeFn)] = &[
        ("sqrt", m_sqrt),
        ("exp", m_exp),
        ("expm1", m_expm1),
        ("exp2", m_exp2),
        ("sin", m_sin),
        ("cos", m_cos),
        ("tan", m_tan),
        ("asin", m_asin),
        ("acos", m_acos),
        ("atan", m_atan),
        ("sinh", m_sinh),
        ("cosh", m_cosh),
        ("tanh", m_tanh),
        ("asinh", m_asinh),
        ("acosh", m_acosh),
        ("atanh", m_atanh),
        ("log", m_log),
        ("log2", m_log2),
        ("log10", m_log10),
        ("log1p", m_log1p),
        ("fabs", m_fabs),
        ("degrees", m_degrees),
        ("radians", m_radians),
        ("cbrt", m_cbrt),
        ("pow", m_pow),
        ("atan2", m_atan2),
        ("hypot", m_hypot),
        ("copysign", m_copysign),
        ("fmod", m_fmod),
        ("remainder", m_remainder),
        ("floor", m_floor),
        ("ceil", m_ceil),
        ("trunc", m_trunc),
        ("isnan", m_isnan),
        ("isinf", m_isinf),
        ("isfinite", m_isfinite),
        ("factorial", m_factorial),
        ("gcd", m_gcd),
        ("lcm", m_lcm),
        ("isqrt", m_isqrt),
        ("comb", m_comb),
        ("perm", m_perm),
        ("prod", m_prod),
        ("fsum", m_fsum),
        ("isclose", m_isclose),
        ("modf", m_modf),
        ("frexp", m_frexp),
        ("ldexp", m_ldexp),
        ("gamma", m_gamma),
        ("lgamma", m_lgamma),
        ("erf", m_erf),
        ("erfc", m_erfc),
        ("dist", m_dist),
        ("nextafter", m_nextafter),
        ("ulp", m_ulp),
    ];
    for &(n, f) in fns {
        add_fn(vm, m, n, f);
    }
    for (n, v) in [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        let fv = vm.new_float(v);
        set_attr(vm, m, n, fv);
    }
}

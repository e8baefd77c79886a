//! `cmath`: mathematical functions for complex numbers, as CPython 3.11's cmathmodule:
//! the Python-facing layer (argument conversion, errors, constants).

mod funcs;
mod tables;

use funcs::{z, Fault, Out, Z};
use pyjit_vm::builtins::numfloat;
use pyjit_vm::objects::ComplexObj;

use crate::util::*;

/// The argument as a complex number, as PyComplex_AsCComplex: a complex as is, else
/// `__complex__`, else the float value (`__float__`, `__index__`).
fn to_complex(vm: &mut Vm, v: Value) -> PyResult<Z> {
    if let Some(c) = v.get::<ComplexObj>() {
        return Ok(z(c.re, c.im));
    }
    if !v.is_small() {
        let ty = vm.type_of(v);
        if ty != vm.types.float && ty != vm.types.int && ty != vm.types.bool {
            let n = vm.intern("__complex__");
            if let Some(f) = vm.lookup(ty, n) {
                let r = vm.call(f, &[v])?;
                return match r.get::<ComplexObj>() {
                    Some(c) => Ok(z(c.re, c.im)),
                    None => {
                        let tn = vm.type_name_of(r);
                        Err(vm.type_error(&format!("__complex__ returned non-complex (type {tn})")))
                    }
                };
            }
        }
    }
    Ok(z(numfloat(vm, v)?, 0.0))
}

fn fault(vm: &mut Vm, f: Fault) -> PyResult<()> {
    match f {
        Fault::None => Ok(()),
        Fault::Domain => Err(vm.value_error("math domain error")),
        Fault::Range => Err(vm.overflow_error("math range error")),
    }
}

fn finish(vm: &mut Vm, (r, f): Out) -> PyResult<Value> {
    fault(vm, f)?;
    Ok(vm.new_complex(r.re, r.im))
}

/// The one argument of a function taking exactly one (METH_O).
fn only_arg(vm: &mut Vm, a: &[Value], kw: Value, name: &str) -> PyResult<Value> {
    if nkw(kw) > 0 {
        return Err(vm.type_error(&format!("cmath.{name}() takes no keyword arguments")));
    }
    if a.len() != 1 {
        return Err(vm.type_error(&format!(
            "cmath.{name}() takes exactly one argument ({} given)",
            a.len()
        )));
    }
    Ok(a[0])
}

fn one_complex(vm: &mut Vm, a: &[Value], kw: Value, name: &str) -> PyResult<Z> {
    let v = only_arg(vm, a, kw, name)?;
    to_complex(vm, v)
}

macro_rules! unary {
    ($($fname:ident => $name:literal, $f:path;)*) => {
        $(
            fn $fname(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
                let v = one_complex(vm, a, kw, $name)?;
                finish(vm, $f(v))
            }
        )*
        const UNARY: &[(&str, NativeFn)] = &[$(($name, $fname)),*];
    };
}

unary! {
    c_acos => "acos", funcs::acos;
    c_acosh => "acosh", funcs::acosh;
    c_asin => "asin", funcs::asin;
    c_asinh => "asinh", funcs::asinh;
    c_atan => "atan", funcs::atan;
    c_atanh => "atanh", funcs::atanh;
    c_cos => "cos", funcs::cos;
    c_cosh => "cosh", funcs::cosh;
    c_exp => "exp", funcs::exp;
    c_log10 => "log10", funcs::log10;
    c_sin => "sin", funcs::sin;
    c_sinh => "sinh", funcs::sinh;
    c_sqrt => "sqrt", funcs::sqrt;
    c_tan => "tan", funcs::tan;
    c_tanh => "tanh", funcs::tanh;
}

/// Checks a positional-only call's argument count as CPython's _PyArg_CheckPositional.
fn check_positional(
    vm: &mut Vm,
    a: &[Value],
    kw: Value,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<()> {
    if nkw(kw) > 0 {
        return Err(vm.type_error(&format!("cmath.{name}() takes no keyword arguments")));
    }
    let n = a.len();
    let s = |k: usize| if k == 1 { "" } else { "s" };
    if n < min {
        let m = if min == max {
            format!("{name} expected {min} argument{}, got {n}", s(min))
        } else {
            format!("{name} expected at least {min} argument{}, got {n}", s(min))
        };
        return Err(vm.type_error(&m));
    }
    if n > max {
        let m = if min == max {
            format!("{name} expected {max} argument{}, got {n}", s(max))
        } else {
            format!("{name} expected at most {max} argument{}, got {n}", s(max))
        };
        return Err(vm.type_error(&m));
    }
    Ok(())
}

/// log(z[, base]): the error is the one of the last logarithm taken, or of the division.
fn c_log(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    check_positional(vm, a, kw, "log", 1, 2)?;
    let x = to_complex(vm, a[0])?;
    let (lx, mut f) = funcs::log(x);
    let mut r = lx;
    if let Some(&b) = a.get(1) {
        let y = to_complex(vm, b)?;
        let (ly, fy) = funcs::log(y);
        let (q, fq) = funcs::quot(lx, ly);
        r = q;
        f = if fq != Fault::None { fq } else { fy };
    }
    finish(vm, (r, f))
}

fn c_phase(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = one_complex(vm, a, kw, "phase")?;
    Ok(vm.new_float(v.im.atan2(v.re)))
}

fn c_polar(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = one_complex(vm, a, kw, "polar")?;
    let phi = v.im.atan2(v.re);
    let (r, f) = funcs::abs(v);
    fault(vm, f)?;
    let rv = vm.new_float(r);
    let pv = vm.new_float(phi);
    Ok(vm.new_tuple(vec![rv, pv]))
}

fn c_rect(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    check_positional(vm, a, kw, "rect", 2, 2)?;
    let r = numfloat(vm, a[0])?;
    let phi = numfloat(vm, a[1])?;
    finish(vm, funcs::rect(r, phi))
}

fn c_isfinite(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = one_complex(vm, a, kw, "isfinite")?;
    Ok(vm.bool_val(v.re.is_finite() && v.im.is_finite()))
}

fn c_isnan(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = one_complex(vm, a, kw, "isnan")?;
    Ok(vm.bool_val(v.re.is_nan() || v.im.is_nan()))
}

fn c_isinf(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = one_complex(vm, a, kw, "isinf")?;
    Ok(vm.bool_val(v.re.is_infinite() || v.im.is_infinite()))
}

fn c_isclose(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let npos = positional(a, kw).len();
    if npos > 2 {
        return Err(vm.type_error(&format!(
            "isclose() takes exactly 2 positional arguments ({npos} given)"
        )));
    }
    let v = parse(
        vm,
        a,
        kw,
        "isclose",
        &["a", "b"],
        &["rel_tol", "abs_tol"],
        2,
    )?;
    let none = vm.none;
    let x = to_complex(vm, v[0].unwrap_or(none))?;
    let y = to_complex(vm, v[1].unwrap_or(none))?;
    let rel = match v[2] {
        Some(t) => numfloat(vm, t)?,
        None => 1e-9,
    };
    let abs = match v[3] {
        Some(t) => numfloat(vm, t)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if x.re == y.re && x.im == y.im {
        return Ok(vm.true_);
    }
    if x.re.is_infinite() || x.im.is_infinite() || y.re.is_infinite() || y.im.is_infinite() {
        return Ok(vm.false_);
    }
    let diff = funcs::abs(z(x.re - y.re, x.im - y.im)).0;
    let close = diff <= rel * funcs::abs(y).0 || diff <= rel * funcs::abs(x).0 || diff <= abs;
    Ok(vm.bool_val(close))
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    add_fns(vm, m, UNARY);
    add_fns(
        vm,
        m,
        &[
            ("log", c_log),
            ("phase", c_phase),
            ("polar", c_polar),
            ("rect", c_rect),
            ("isfinite", c_isfinite),
            ("isnan", c_isnan),
            ("isinf", c_isinf),
            ("isclose", c_isclose),
        ],
    );
    let consts = [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ];
    for (n, x) in consts {
        let v = vm.new_float(x);
        set_attr(vm, m, n, v);
    }
    let infj = vm.new_complex(0.0, f64::INFINITY);
    set_attr(vm, m, "infj", infj);
    let nanj = vm.new_complex(0.0, f64::NAN);
    set_attr(vm, m, "nanj", nanj);
    let doc =
        vm.new_str("This module provides access to mathematical functions for complex\nnumbers.");
    set_attr(vm, m, "__doc__", doc);
    Ok(())
}

//! The special-value tables of `cmath` (C99 Annex G): the result of each function when a
//! part of its argument is infinite or NaN, indexed by the kinds of the two parts.

use std::f64::consts::PI;

use super::funcs::{z as c, Z};

/// Rows: the kind of the real part; columns: the kind of the imaginary part.
pub type Table = [[Z; 7]; 7];

const P: f64 = PI;
const P14: f64 = 0.25 * PI;
const P12: f64 = 0.5 * PI;
const P34: f64 = 0.75 * PI;
const INF: f64 = f64::INFINITY;
const N: f64 = f64::NAN;
/// A placeholder for entries only finite arguments reach (never returned).
const U: f64 = -9.5426319407711027e33;

/// The kind of a float: 0 -inf, 1 negative, 2 -0.0, 3 +0.0, 4 positive, 5 +inf, 6 NaN.
fn kind(d: f64) -> usize {
    if d.is_nan() {
        6
    } else if d.is_infinite() {
        if d > 0.0 {
            5
        } else {
            0
        }
    } else if d == 0.0 {
        if d.is_sign_positive() {
            3
        } else {
            2
        }
    } else if d > 0.0 {
        4
    } else {
        1
    }
}

/// The table's entry for (re, im).
pub fn special(t: &Table, re: f64, im: f64) -> Z {
    t[kind(re)][kind(im)]
}

#[rustfmt::skip]
pub const ACOS: Table = [
    [c(P34, INF), c(P, INF), c(P, INF), c(P, -INF), c(P, -INF), c(P34, -INF), c(N, INF)],
    [c(P12, INF), c(U, U), c(U, U), c(U, U), c(U, U), c(P12, -INF), c(N, N)],
    [c(P12, INF), c(U, U), c(P12, 0.0), c(P12, -0.0), c(U, U), c(P12, -INF), c(P12, N)],
    [c(P12, INF), c(U, U), c(P12, 0.0), c(P12, -0.0), c(U, U), c(P12, -INF), c(P12, N)],
    [c(P12, INF), c(U, U), c(U, U), c(U, U), c(U, U), c(P12, -INF), c(N, N)],
    [c(P14, INF), c(0.0, INF), c(0.0, INF), c(0.0, -INF), c(0.0, -INF), c(P14, -INF), c(N, INF)],
    [c(N, INF), c(N, N), c(N, N), c(N, N), c(N, N), c(N, -INF), c(N, N)],
];

#[rustfmt::skip]
pub const ACOSH: Table = [
    [c(INF, -P34), c(INF, -P), c(INF, -P), c(INF, P), c(INF, P), c(INF, P34), c(INF, N)],
    [c(INF, -P12), c(U, U), c(U, U), c(U, U), c(U, U), c(INF, P12), c(N, N)],
    [c(INF, -P12), c(U, U), c(0.0, -P12), c(0.0, P12), c(U, U), c(INF, P12), c(N, N)],
    [c(INF, -P12), c(U, U), c(0.0, -P12), c(0.0, P12), c(U, U), c(INF, P12), c(N, N)],
    [c(INF, -P12), c(U, U), c(U, U), c(U, U), c(U, U), c(INF, P12), c(N, N)],
    [c(INF, -P14), c(INF, -0.0), c(INF, -0.0), c(INF, 0.0), c(INF, 0.0), c(INF, P14), c(INF, N)],
    [c(INF, N), c(N, N), c(N, N), c(N, N), c(N, N), c(INF, N), c(N, N)],
];

#[rustfmt::skip]
pub const ASINH: Table = [
    [c(-INF, -P14), c(-INF, -0.0), c(-INF, -0.0), c(-INF, 0.0), c(-INF, 0.0), c(-INF, P14), c(-INF, N)],
    [c(-INF, -P12), c(U, U), c(U, U), c(U, U), c(U, U), c(-INF, P12), c(N, N)],
    [c(-INF, -P12), c(U, U), c(-0.0, -0.0), c(-0.0, 0.0), c(U, U), c(-INF, P12), c(N, N)],
    [c(INF, -P12), c(U, U), c(0.0, -0.0), c(0.0, 0.0), c(U, U), c(INF, P12), c(N, N)],
    [c(INF, -P12), c(U, U), c(U, U), c(U, U), c(U, U), c(INF, P12), c(N, N)],
    [c(INF, -P14), c(INF, -0.0), c(INF, -0.0), c(INF, 0.0), c(INF, 0.0), c(INF, P14), c(INF, N)],
    [c(INF, N), c(N, N), c(N, -0.0), c(N, 0.0), c(N, N), c(INF, N), c(N, N)],
];

#[rustfmt::skip]
pub const ATANH: Table = [
    [c(-0.0, -P12), c(-0.0, -P12), c(-0.0, -P12), c(-0.0, P12), c(-0.0, P12), c(-0.0, P12), c(-0.0, N)],
    [c(-0.0, -P12), c(U, U), c(U, U), c(U, U), c(U, U), c(-0.0, P12), c(N, N)],
    [c(-0.0, -P12), c(U, U), c(-0.0, -0.0), c(-0.0, 0.0), c(U, U), c(-0.0, P12), c(-0.0, N)],
    [c(0.0, -P12), c(U, U), c(0.0, -0.0), c(0.0, 0.0), c(U, U), c(0.0, P12), c(0.0, N)],
    [c(0.0, -P12), c(U, U), c(U, U), c(U, U), c(U, U), c(0.0, P12), c(N, N)],
    [c(0.0, -P12), c(0.0, -P12), c(0.0, -P12), c(0.0, P12), c(0.0, P12), c(0.0, P12), c(0.0, N)],
    [c(0.0, -P12), c(N, N), c(N, N), c(N, N), c(N, N), c(0.0, P12), c(N, N)],
];

#[rustfmt::skip]
pub const COSH: Table = [
    [c(INF, N), c(U, U), c(INF, 0.0), c(INF, -0.0), c(U, U), c(INF, N), c(INF, N)],
    [c(N, N), c(U, U), c(U, U), c(U, U), c(U, U), c(N, N), c(N, N)],
    [c(N, 0.0), c(U, U), c(1.0, 0.0), c(1.0, -0.0), c(U, U), c(N, 0.0), c(N, 0.0)],
    [c(N, 0.0), c(U, U), c(1.0, -0.0), c(1.0, 0.0), c(U, U), c(N, 0.0), c(N, 0.0)],
    [c(N, N), c(U, U), c(U, U), c(U, U), c(U, U), c(N, N), c(N, N)],
    [c(INF, N), c(U, U), c(INF, -0.0), c(INF, 0.0), c(U, U), c(INF, N), c(INF, N)],
    [c(N, N), c(N, N), c(N, 0.0), c(N, 0.0), c(N, N), c(N, N), c(N, N)],
];

#[rustfmt::skip]
pub const EXP: Table = [
    [c(0.0, 0.0), c(U, U), c(0.0, -0.0), c(0.0, 0.0), c(U, U), c(0.0, 0.0), c(0.0, 0.0)],
    [c(N, N), c(U, U), c(U, U), c(U, U), c(U, U), c(N, N), c(N, N)],
    [c(N, N), c(U, U), c(1.0, -0.0), c(1.0, 0.0), c(U, U), c(N, N), c(N, N)],
    [c(N, N), c(U, U), c(1.0, -0.0), c(1.0, 0.0), c(U, U), c(N, N), c(N, N)],
    [c(N, N), c(U, U), c(U, U), c(U, U), c(U, U), c(N, N), c(N, N)],
    [c(INF, N), c(U, U), c(INF, -0.0), c(INF, 0.0), c(U, U), c(INF, N), c(INF, N)],
    [c(N, N), c(N, N), c(N, -0.0), c(N, 0.0), c(N, N), c(N, N), c(N, N)],
];

#[rustfmt::skip]
pub const LOG: Table = [
    [c(INF, -P34), c(INF, -P), c(INF, -P), c(INF, P), c(INF, P), c(INF, P34), c(INF, N)],
    [c(INF, -P12), c(U, U), c(U, U), c(U, U), c(U, U), c(INF, P12), c(N, N)],
    [c(INF, -P12), c(U, U), c(-INF, -P), c(-INF, P), c(U, U), c(INF, P12), c(N, N)],
    [c(INF, -P12), c(U, U), c(-INF, -0.0), c(-INF, 0.0), c(U, U), c(INF, P12), c(N, N)],
    [c(INF, -P12), c(U, U), c(U, U), c(U, U), c(U, U), c(INF, P12), c(N, N)],
    [c(INF, -P14), c(INF, -0.0), c(INF, -0.0), c(INF, 0.0), c(INF, 0.0), c(INF, P14), c(INF, N)],
    [c(INF, N), c(N, N), c(N, N), c(N, N), c(N, N), c(INF, N), c(N, N)],
];

#[rustfmt::skip]
pub const SINH: Table = [
    [c(INF, N), c(U, U), c(-INF, -0.0), c(-INF, 0.0), c(U, U), c(INF, N), c(INF, N)],
    [c(N, N), c(U, U), c(U, U), c(U, U), c(U, U), c(N, N), c(N, N)],
    [c(0.0, N), c(U, U), c(-0.0, -0.0), c(-0.0, 0.0), c(U, U), c(0.0, N), c(0.0, N)],
    [c(0.0, N), c(U, U), c(0.0, -0.0), c(0.0, 0.0), c(U, U), c(0.0, N), c(0.0, N)],
    [c(N, N), c(U, U), c(U, U), c(U, U), c(U, U), c(N, N), c(N, N)],
    [c(INF, N), c(U, U), c(INF, -0.0), c(INF, 0.0), c(U, U), c(INF, N), c(INF, N)],
    [c(N, N), c(N, N), c(N, -0.0), c(N, 0.0), c(N, N), c(N, N), c(N, N)],
];

#[rustfmt::skip]
pub const SQRT: Table = [
    [c(INF, -INF), c(0.0, -INF), c(0.0, -INF), c(0.0, INF), c(0.0, INF), c(INF, INF), c(N, INF)],
    [c(INF, -INF), c(U, U), c(U, U), c(U, U), c(U, U), c(INF, INF), c(N, N)],
    [c(INF, -INF), c(U, U), c(0.0, -0.0), c(0.0, 0.0), c(U, U), c(INF, INF), c(N, N)],
    [c(INF, -INF), c(U, U), c(0.0, -0.0), c(0.0, 0.0), c(U, U), c(INF, INF), c(N, N)],
    [c(INF, -INF), c(U, U), c(U, U), c(U, U), c(U, U), c(INF, INF), c(N, N)],
    [c(INF, -INF), c(INF, -0.0), c(INF, -0.0), c(INF, 0.0), c(INF, 0.0), c(INF, INF), c(INF, N)],
    [c(INF, -INF), c(N, N), c(N, N), c(N, N), c(N, N), c(INF, INF), c(N, N)],
];

#[rustfmt::skip]
pub const TANH: Table = [
    [c(-1.0, 0.0), c(U, U), c(-1.0, -0.0), c(-1.0, 0.0), c(U, U), c(-1.0, 0.0), c(-1.0, 0.0)],
    [c(N, N), c(U, U), c(U, U), c(U, U), c(U, U), c(N, N), c(N, N)],
    [c(N, N), c(U, U), c(-0.0, -0.0), c(-0.0, 0.0), c(U, U), c(N, N), c(N, N)],
    [c(N, N), c(U, U), c(0.0, -0.0), c(0.0, 0.0), c(U, U), c(N, N), c(N, N)],
    [c(N, N), c(U, U), c(U, U), c(U, U), c(U, U), c(N, N), c(N, N)],
    [c(1.0, 0.0), c(U, U), c(1.0, -0.0), c(1.0, 0.0), c(U, U), c(1.0, 0.0), c(1.0, 0.0)],
    [c(N, N), c(N, N), c(N, -0.0), c(N, 0.0), c(N, N), c(N, N), c(N, N)],
];

#[rustfmt::skip]
pub const RECT: Table = [
    [c(INF, N), c(U, U), c(-INF, 0.0), c(-INF, -0.0), c(U, U), c(INF, N), c(INF, N)],
    [c(N, N), c(U, U), c(U, U), c(U, U), c(U, U), c(N, N), c(N, N)],
    [c(0.0, 0.0), c(U, U), c(-0.0, 0.0), c(-0.0, -0.0), c(U, U), c(0.0, 0.0), c(0.0, 0.0)],
    [c(0.0, 0.0), c(U, U), c(0.0, -0.0), c(0.0, 0.0), c(U, U), c(0.0, 0.0), c(0.0, 0.0)],
    [c(N, N), c(U, U), c(U, U), c(U, U), c(U, U), c(N, N), c(N, N)],
    [c(INF, N), c(U, U), c(INF, -0.0), c(INF, 0.0), c(U, U), c(INF, N), c(INF, N)],
    [c(N, N), c(N, N), c(N, 0.0), c(N, 0.0), c(N, N), c(N, N), c(N, N)],
];


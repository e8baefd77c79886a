//! Float to decimal string, laid out exactly like CPython's `PyOS_double_to_string`
//! (`format_float_short` over David Gay's dtoa). Rust's float formatting already gives
//! correctly rounded digits (shortest round-trip, or a fixed number of digits rounded
//! half-even on the exact binary value), which is what dtoa's modes 0, 2 and 3 produce;
//! this module turns those digits into Python's layouts.

/// Options of one conversion (the `Py_DTSF_*` flags).
#[derive(Clone, Copy, Default, Debug)]
pub struct DtoaFlags {
    /// `#`: keep trailing zeros for 'g' and a trailing decimal point.
    pub alt: bool,
    /// Append `.0` to an integral result written without exponent (repr, and format
    /// with no type but a precision).
    pub add_dot_0: bool,
    /// `z`: a negative value that rounds to zero is written without its sign.
    pub no_neg_0: bool,
    /// Always write a sign (`+` for non-negative values, also for nan).
    pub sign: bool,
}

/// Correctly rounded decimal digits of a finite, non-negative `a`: `(digits, decpt)` with the
/// value being `0.digits * 10**decpt`. Trailing zeros are stripped; zero is `("0", 1)`.
/// `code` is 'r' (shortest), 'e'/'g' (`ndigits` significant digits) or 'f' (`ndigits` after
/// the point).
fn digits_of(a: f64, code: char, ndigits: usize) -> (String, i64) {
    if a == 0.0 {
        return ("0".into(), 1);
    }
    // A double's exact expansion has at most 767 significant digits and 1074 after the
    // point: digits asked beyond those are zeros, which are stripped below anyway (and
    // Rust's formatter takes at most 65535 digits).
    let (mut digits, mut decpt) = match code {
        'f' => {
            let s = format!("{:.*}", ndigits.min(1100), a);
            let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
            let mut all = String::with_capacity(int.len() + frac.len());
            all.push_str(int);
            all.push_str(frac);
            let lead = all.len() - all.trim_start_matches('0').len();
            (all[lead..].to_string(), int.len() as i64 - lead as i64)
        }
        _ => {
            let s = if code == 'r' { format!("{:e}", a) } else { format!("{:.*e}", ndigits.clamp(1, 800) - 1, a) };
            let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
            let exp: i64 = e.parse().unwrap_or(0);
            (m.chars().filter(|c| c.is_ascii_digit()).collect::<String>(), exp + 1)
        }
    };
    let trimmed = digits.trim_end_matches('0').len();
    digits.truncate(trimmed);
    if code == 'r' {
        if let Some(even) = halfway_even(a, &digits, decpt) {
            return even;
        }
    }
    if digits.is_empty() {
        // rounded to zero ('f' with a small value)
        digits = "0".into();
        decpt = 1;
    }
    (digits, decpt)
}

/// The exact decimal digits of finite `a > 0` when it has at most 18 significant digits:
/// (digits without trailing zeros, decpt) as digits_of gives them.
fn exact_short_digits(a: f64) -> Option<(String, i64)> {
    let bits = a.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mut mant, mut exp) = if biased == 0 { (frac, -1074) } else { (frac | (1u64 << 52), biased - 1075) };
    if mant == 0 {
        return None;
    }
    let tz = mant.trailing_zeros();
    mant >>= tz;
    exp += tz as i64;
    const LIMIT: u128 = 1_000_000_000_000_000_000;
    if exp < 0 {
        // mant / 2^k = mant * 5^k / 10^k; odd, so no trailing zeros
        let k = (-exp) as u32;
        if k > 25 {
            return None;
        }
        let n = (mant as u128) * 5u128.pow(k);
        if n >= LIMIT {
            return None;
        }
        let s = n.to_string();
        let decpt = s.len() as i64 - k as i64;
        Some((s, decpt))
    } else {
        if exp > 70 {
            return None;
        }
        let mut n = (mant as u128) << exp;
        let mut zeros = 0;
        while n % 10 == 0 {
            n /= 10;
            zeros += 1;
        }
        if n >= LIMIT {
            return None;
        }
        let s = n.to_string();
        let decpt = s.len() as i64 + zeros;
        Some((s, decpt))
    }
}

/// David Gay's dtoa (mode 0) breaks a tie between two equally near shortest strings to
/// the even last digit; Rust's shortest formatting may take the odd one. `digits`/`decpt`
/// are Rust's shortest digits of `a`; returns the even candidate when `a` lies exactly
/// halfway between two shortest candidates that both round-trip.
fn halfway_even(a: f64, digits: &str, decpt: i64) -> Option<(String, i64)> {
    let n = digits.len();
    let (exact, edecpt) = exact_short_digits(a)?;
    // halfway: the exact value is the n-digit prefix followed by a single 5
    if exact.len() != n + 1 || !exact.ends_with('5') {
        return None;
    }
    let lower: u128 = exact[..n].parse().ok()?;
    let pick = if lower % 2 == 0 { lower } else { lower + 1 };
    let mut s = pick.to_string();
    let mut dp = edecpt;
    if s.len() > n {
        // 99..9 + 1 carried into a new digit
        dp += 1;
    }
    let candidate = format!("0.{s}e{dp}");
    if candidate.parse::<f64>().ok()? != a {
        return None;
    }
    let t = s.trim_end_matches('0').len();
    s.truncate(t);
    if s == digits && dp == decpt {
        return None;
    }
    Some((s, dp))
}

/// `PyOS_double_to_string(x, code, precision, flags)` for code in 'e', 'f', 'g', 'r' (and the
/// upper-case 'E', 'F', 'G'). For 'r' the precision is ignored.
pub fn double_to_string(x: f64, code: char, precision: usize, flags: DtoaFlags) -> String {
    // 'f' without flags on a finite value is C's %.Nf, which Rust's fixed formatting
    // writes the same (digits rounded half-even on the exact binary value, no exponent,
    // "-" kept on a negative value rounding to zero): one formatting call instead of
    // digits, then layout
    if code == 'f' && x.is_finite() && precision <= 64 && !flags.alt && !flags.add_dot_0 && !flags.no_neg_0 && !flags.sign {
        use std::fmt::Write;
        let mut out = String::with_capacity(24 + precision);
        let _ = write!(out, "{:.*}", precision, x);
        return out;
    }
    layout_digits(x, code, precision, flags)
}

/// double_to_string's general path: the correctly rounded digits, laid out by the rules of
/// CPython's format_float_short.
fn layout_digits(x: f64, code: char, precision: usize, flags: DtoaFlags) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    let mut out = String::new();
    if x.is_nan() {
        if flags.sign {
            out.push('+');
        }
        out.push_str(if upper { "NAN" } else { "nan" });
        return out;
    }
    let mut neg = x.is_sign_negative();
    if x.is_infinite() {
        if neg {
            out.push('-');
        } else if flags.sign {
            out.push('+');
        }
        out.push_str(if upper { "INF" } else { "inf" });
        return out;
    }
    let a = x.abs();
    let mut precision = precision;
    let ndigits = match code {
        'e' => {
            precision += 1;
            precision
        }
        'g' => {
            if precision == 0 {
                precision = 1;
            }
            precision
        }
        'f' => precision,
        _ => 17,
    };
    let (digits, mut decpt) = digits_of(a, code, ndigits);
    if flags.no_neg_0 && neg && digits == "0" {
        neg = false;
    }
    let digits_len = digits.len() as i64;
    let precision = precision as i64;
    let mut use_exp = false;
    let mut vdigits_end = digits_len;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            if decpt <= -4 || decpt > if flags.add_dot_0 { precision - 1 } else { precision } {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    vdigits_end = if !use_exp && flags.add_dot_0 { vdigits_end.max(decpt + 1) } else { vdigits_end.max(decpt) };

    if neg {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    let zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    } else {
        out.push_str(&digits);
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
    out
}

/// repr() of a float: the shortest string that round-trips, in Python's layout.
pub fn float_repr(f: f64) -> String {
    double_to_string(f, 'r', 0, DtoaFlags { add_dot_0: true, ..DtoaFlags::default() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(x: f64, code: char, p: usize) -> String {
        double_to_string(x, code, p, DtoaFlags::default())
    }

    #[test]
    fn repr_layouts() {
        assert_eq!(float_repr(1.0), "1.0");
        assert_eq!(float_repr(-0.0), "-0.0");
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(1e15), "1000000000000000.0");
        assert_eq!(float_repr(1.5e-5), "1.5e-05");
        assert_eq!(float_repr(0.0001), "0.0001");
        assert_eq!(float_repr(5e-324), "5e-324");
        assert_eq!(float_repr(1.7976931348623157e308), "1.7976931348623157e+308");
    }

    #[test]
    fn repr_breaks_a_halfway_tie_to_even() {
        assert_eq!(float_repr(-113799453474816.125), "-113799453474816.12");
        assert_eq!(float_repr(900719925474099.25), "900719925474099.2");
        assert_eq!(float_repr(900719925474099.75), "900719925474099.8");
        assert_eq!(float_repr(0.1), "0.1");
        assert_eq!(float_repr(2.5), "2.5");
    }

    #[test]
    fn huge_precisions_print_every_digit() {
        let s = f(1.0, 'f', 1_000_000);
        assert_eq!(s.len(), 1_000_002);
        assert!(s.starts_with("1.000") && s.ends_with("000"));
        assert_eq!(f(0.1, 'e', 100_000).len(), 100_006);
    }

    #[test]
    fn fixed_fast_path_agrees_with_the_layout() {
        let mut xs = vec![0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.0001, -0.0001, 1e21, 1e22, 123.456, 5e-324, 1.7976931348623157e308, 2.675, 1.005];
        let mut state: u64 = 12345;
        for _ in 0..2000 {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let bits = state >> 1;
            let x = f64::from_bits(bits);
            if x.is_finite() {
                xs.push(x);
                xs.push(-x);
            }
            xs.push((state % 100000) as f64 / 64.0 - 700.0);
            xs.push((state % 1000) as f64 / 7.0);
        }
        for &x in &xs {
            for p in [0usize, 1, 2, 3, 5, 6, 10, 17, 20, 40, 64] {
                assert_eq!(f(x, 'f', p), layout_digits(x, 'f', p, DtoaFlags::default()), "{x:e} .{p}f");
                assert_eq!(f(x, 'F', p), layout_digits(x, 'F', p, DtoaFlags::default()), "{x:e} .{p}F");
            }
        }
    }

    #[test]
    fn fixed_exp_general() {
        assert_eq!(f(0.5, 'f', 0), "0");
        assert_eq!(f(2.5, 'f', 0), "2");
        assert_eq!(f(0.0001, 'f', 2), "0.00");
        assert_eq!(f(1e21, 'f', 2), "1000000000000000000000.00");
        assert_eq!(f(0.0, 'e', 3), "0.000e+00");
        assert_eq!(f(1234567.0, 'g', 6), "1.23457e+06");
        assert_eq!(f(100.0, 'g', 6), "100");
        assert_eq!(f(0.00001, 'g', 6), "1e-05");
        let alt = DtoaFlags { alt: true, ..DtoaFlags::default() };
        assert_eq!(double_to_string(2.0, 'f', 0, alt), "2.");
        assert_eq!(double_to_string(2.0, 'g', 3, alt), "2.00");
        let dot0 = DtoaFlags { add_dot_0: true, ..DtoaFlags::default() };
        assert_eq!(double_to_string(100.0, 'g', 3, dot0), "1e+02");
        assert_eq!(double_to_string(1.5, 'g', 3, dot0), "1.5");
        assert_eq!(double_to_string(2.0, 'g', 3, dot0), "2.0");
    }
}

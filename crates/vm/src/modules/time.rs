//! The time module: clocks, sleep, and UTC calendar conversion (gmtime, strftime, asctime)
//! with time.struct_time.

use num_traits::ToPrimitive;

use crate::heap::{ObjKind, Value};
use crate::interp::{NativeFn, PyResult, Vm};
use crate::objects::*;

use super::{add_fn, new_module, set_attr};

fn time_time(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs_f64()).unwrap_or(0.0);
    Ok(vm.new_float(t))
}

fn time_time_ns(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    Ok(vm.new_bigint(num_bigint::BigInt::from(t)))
}

pub fn monotonic_start() -> std::time::Instant {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    *START.get_or_init(std::time::Instant::now)
}

fn time_perf_counter(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    Ok(vm.new_float(monotonic_start().elapsed().as_secs_f64()))
}

fn time_perf_counter_ns(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    let n = monotonic_start().elapsed().as_nanos() as i64;
    Ok(vm.new_int(n))
}

fn time_process_time(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    Ok(vm.new_float(monotonic_start().elapsed().as_secs_f64()))
}

/// A number of seconds as CPython's _PyTime_FromSecondsObject reads it: a float, or an
/// integer (anything with __index__).
fn seconds_arg(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if let Some(f) = v.get::<FloatObj>() {
        if f.0.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        return Ok(f.0);
    }
    let i = vm.index_of(v)?;
    match vm.as_i64(i) {
        Some(n) => Ok(n as f64),
        None => Err(vm.overflow_error("timestamp too large to convert to C _PyTime_t")),
    }
}

fn time_sleep(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::arity(vm, a, 1, 1, "sleep")?;
    let s = seconds_arg(vm, a[0])?;
    if s < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    if s > 9.2e9 {
        return Err(vm.overflow_error("timestamp too large to convert to C _PyTime_t"));
    }
    std::thread::sleep(std::time::Duration::from_secs_f64(s));
    Ok(vm.none)
}

/// Broken-down UTC time: (year, mon 1-12, mday, hour, min, sec, wday Monday=0, yday 1-366).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tm {
    pub year: i64,
    pub mon: i64,
    pub mday: i64,
    pub hour: i64,
    pub min: i64,
    pub sec: i64,
    pub wday: i64,
    pub yday: i64,
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The UTC calendar fields of a Unix timestamp in whole seconds.
pub fn gmtime_of(t: i64) -> Tm {
    let days = t.div_euclid(86400);
    let secs = t.rem_euclid(86400);
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let mday = doy - (153 * mp + 2) / 5 + 1;
    let mon = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + (mon <= 2) as i64;
    let yday = days - days_from_civil(year, 1, 1) + 1;
    Tm { year, mon, mday, hour: secs / 3600, min: secs % 3600 / 60, sec: secs % 60, wday: (days + 3).rem_euclid(7), yday }
}

const FIELDS: [&str; 9] = ["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"];

fn struct_time_type(vm: &mut Vm) -> Value {
    let found = vm.dict_get_by_str(vm.modules, "time").and_then(|m| m.get::<ModuleObj>().map(|m| m.dict)).and_then(|d| vm.dict_get_by_str(d, "struct_time"));
    match found {
        Some(t) if t.kind() == Some(ObjKind::Type) => t,
        _ => super::sys::structseq_type(vm, "time.struct_time", &FIELDS),
    }
}

fn new_struct_time(vm: &mut Vm, tm: &Tm) -> Value {
    let ty = struct_time_type(vm);
    let items: Vec<Value> = [tm.year, tm.mon, tm.mday, tm.hour, tm.min, tm.sec, tm.wday, tm.yday, 0].iter().map(|&x| vm.new_int(x)).collect();
    vm.alloc(ty, TupleObj { items: items.into_boxed_slice() }).value()
}

fn time_gmtime(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::arity(vm, a, 0, 1, "gmtime")?;
    let t = match a.first() {
        None => None,
        Some(&v) if v == vm.none => None,
        Some(&v) => Some(v),
    };
    let secs = match t {
        None => std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0),
        Some(v) => {
            let range_err = |vm: &mut Vm| vm.overflow_error("timestamp out of range for platform time_t");
            if let Some(f) = v.get::<FloatObj>() {
                if f.0.is_nan() {
                    return Err(vm.value_error("Invalid value NaN (not a number)"));
                }
                let s = f.0.floor();
                if !(-9.2e18..9.2e18).contains(&s) {
                    return Err(range_err(vm));
                }
                s as i64
            } else {
                let i = vm.index_of(v)?;
                vm.as_i64(i).ok_or_else(|| range_err(vm))?
            }
        }
    };
    // glibc's gmtime fails when the year does not fit in an int
    if !(-67768040609740800..=67767976233316604).contains(&secs) {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    }
    let tm = gmtime_of(secs);
    Ok(new_struct_time(vm, &tm))
}

/// A time tuple argument (struct_time or 9-tuple) as calendar fields, checked like CPython's
/// gettmarg and checktm.
fn tm_arg(vm: &mut Vm, v: Value, fname: &str) -> PyResult<Tm> {
    let items = match v.get::<TupleObj>() {
        Some(t) => t.items.to_vec(),
        None => return Err(vm.type_error("Tuple or struct_time argument required")),
    };
    if items.len() != 9 {
        return Err(vm.type_error(&format!("{fname}(): illegal time tuple argument")));
    }
    let mut f = [0i64; 9];
    for (i, &x) in items.iter().enumerate() {
        let iv = vm.index_of(x)?;
        f[i] = vm.as_bigint(iv).and_then(|b| b.to_i64()).filter(|n| i32::try_from(*n).is_ok()).ok_or_else(|| vm.overflow_error("Python int too large to convert to C int"))?;
    }
    let mut tm = Tm { year: f[0], mon: f[1], mday: f[2], hour: f[3], min: f[4], sec: f[5], wday: f[6], yday: f[7] };
    // CPython's checktm, after it maps out-of-range zero values to defaults
    if tm.mon == 0 {
        tm.mon = 1;
    }
    if tm.mday == 0 {
        tm.mday = 1;
    }
    if tm.yday == 0 {
        tm.yday = 1;
    }
    let checks: [(bool, &str); 6] = [
        (!(1..=12).contains(&tm.mon), "month out of range"),
        (!(1..=31).contains(&tm.mday), "day of month out of range"),
        (!(0..=23).contains(&tm.hour), "hour out of range"),
        (!(0..=59).contains(&tm.min), "minute out of range"),
        (!(0..=61).contains(&tm.sec), "seconds out of range"),
        (!(1..=366).contains(&tm.yday), "day of year out of range"),
    ];
    for (bad, msg) in checks {
        if bad {
            return Err(vm.value_error(msg));
        }
    }
    tm.wday = tm.wday.rem_euclid(7);
    Ok(tm)
}

const DAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// ISO 8601 (year, week) of a date.
fn iso_week(tm: &Tm) -> (i64, i64) {
    let wday = tm.wday; // Monday = 0
    let week = (tm.yday - 1 - wday + 10) / 7;
    if week < 1 {
        let py = tm.year - 1;
        let pdays = if is_leap(py) { 366 } else { 365 };
        return (py, (tm.yday - 1 + pdays - wday + 10) / 7);
    }
    let days = if is_leap(tm.year) { 366 } else { 365 };
    if week == 53 && tm.yday - 1 - wday + 3 >= days {
        return (tm.year + 1, 1);
    }
    (tm.year, week)
}

/// strftime in the C locale for a UTC time.
pub fn strftime(fmt: &str, tm: &Tm, zone: &str) -> String {
    let mut out = String::new();
    let mut chars = fmt.chars();
    let day = |i: i64| DAYS[i.rem_euclid(7) as usize];
    let month = |m: i64| MONTHS[(m - 1).clamp(0, 11) as usize];
    let sunday_wday = (tm.wday + 1) % 7;
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(d) = chars.next() else {
            out.push('%');
            break;
        };
        let h12 = if tm.hour % 12 == 0 { 12 } else { tm.hour % 12 };
        let piece = match d {
            'a' => day(tm.wday)[..3].to_string(),
            'A' => day(tm.wday).to_string(),
            'b' | 'h' => month(tm.mon)[..3].to_string(),
            'B' => month(tm.mon).to_string(),
            'c' => format!("{} {} {:2} {:02}:{:02}:{:02} {}", &day(tm.wday)[..3], &month(tm.mon)[..3], tm.mday, tm.hour, tm.min, tm.sec, tm.year),
            'C' => format!("{:02}", tm.year.div_euclid(100)),
            'd' => format!("{:02}", tm.mday),
            'D' | 'x' => format!("{:02}/{:02}/{:02}", tm.mon, tm.mday, tm.year.rem_euclid(100)),
            'e' => format!("{:2}", tm.mday),
            'F' => format!("{}-{:02}-{:02}", tm.year, tm.mon, tm.mday),
            'G' => iso_week(tm).0.to_string(),
            'g' => format!("{:02}", iso_week(tm).0.rem_euclid(100)),
            'H' => format!("{:02}", tm.hour),
            'I' => format!("{:02}", h12),
            'j' => format!("{:03}", tm.yday),
            'k' => format!("{:2}", tm.hour),
            'l' => format!("{:2}", h12),
            'm' => format!("{:02}", tm.mon),
            'M' => format!("{:02}", tm.min),
            'n' => "\n".into(),
            'p' => (if tm.hour < 12 { "AM" } else { "PM" }).into(),
            'R' => format!("{:02}:{:02}", tm.hour, tm.min),
            'S' => format!("{:02}", tm.sec),
            's' => (days_from_civil(tm.year, tm.mon, tm.mday) * 86400 + tm.hour * 3600 + tm.min * 60 + tm.sec).to_string(),
            't' => "\t".into(),
            'T' | 'X' => format!("{:02}:{:02}:{:02}", tm.hour, tm.min, tm.sec),
            'u' => (tm.wday + 1).to_string(),
            'U' => format!("{:02}", (tm.yday - 1 + 7 - sunday_wday) / 7),
            'V' => format!("{:02}", iso_week(tm).1),
            'w' => sunday_wday.to_string(),
            'W' => format!("{:02}", (tm.yday - 1 + 7 - tm.wday) / 7),
            'y' => format!("{:02}", tm.year.rem_euclid(100)),
            'Y' => tm.year.to_string(),
            'z' => "+0000".into(),
            'Z' => zone.to_string(),
            '%' => "%".into(),
            other => format!("%{other}"),
        };
        out.push_str(&piece);
    }
    out
}

fn time_strftime(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::arity(vm, a, 1, 2, "strftime")?;
    if a[0].kind() != Some(ObjKind::Str) {
        let tn = vm.type_name_of(a[0]);
        return Err(vm.type_error(&format!("strftime() argument 1 must be str, not {tn}")));
    }
    let fmt = vm.str_of(a[0]);
    let (tm, zone) = match a.get(1) {
        Some(&t) => {
            let is_struct = vm.type_of(t) == struct_time_type(vm);
            (tm_arg(vm, t, "strftime")?, if is_struct { "GMT" } else { "UTC" })
        }
        None => {
            let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
            (gmtime_of(now), "UTC")
        }
    };
    let s = strftime(&fmt, &tm, zone);
    Ok(vm.new_string(s))
}

fn time_asctime(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::arity(vm, a, 0, 1, "asctime")?;
    let tm = match a.first() {
        Some(&t) => tm_arg(vm, t, "asctime")?,
        None => gmtime_of(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)),
    };
    let s = format!("{} {} {:2} {:02}:{:02}:{:02} {}", &DAYS[tm.wday as usize][..3], &MONTHS[(tm.mon - 1) as usize][..3], tm.mday, tm.hour, tm.min, tm.sec, tm.year);
    Ok(vm.new_string(s))
}

pub fn register(vm: &mut Vm) {
    let t = new_module(vm, "time");
    let fns: &[(&'static str, NativeFn)] = &[
        ("time", time_time),
        ("time_ns", time_time_ns),
        ("perf_counter", time_perf_counter),
        ("perf_counter_ns", time_perf_counter_ns),
        ("monotonic", time_perf_counter),
        ("monotonic_ns", time_perf_counter_ns),
        ("process_time", time_process_time),
        ("sleep", time_sleep),
        ("gmtime", time_gmtime),
        ("strftime", time_strftime),
        ("asctime", time_asctime),
    ];
    for &(n, f) in fns {
        add_fn(vm, t, n, f);
    }
    let st = super::sys::structseq_type(vm, "time.struct_time", &FIELDS);
    set_attr(vm, t, "struct_time", st);
    let _ = monotonic_start();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar() {
        let t = gmtime_of(0);
        assert_eq!((t.year, t.mon, t.mday, t.wday, t.yday), (1970, 1, 1, 3, 1));
        let t = gmtime_of(1234567890);
        assert_eq!((t.year, t.mon, t.mday, t.hour, t.min, t.sec, t.wday, t.yday), (2009, 2, 13, 23, 31, 30, 4, 44));
        let t = gmtime_of(-2);
        assert_eq!((t.year, t.mon, t.mday, t.hour, t.yday), (1969, 12, 31, 23, 365));
        assert_eq!(strftime("%a %b %d %j %U %W %V %G", &gmtime_of(1234567890), "GMT"), "Fri Feb 13 044 06 06 07 2009");
    }
}

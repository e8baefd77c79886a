//! The time module: sleep, calendar conversion in UTC and local time (gmtime, localtime,
//! mktime, strftime, asctime, ctime), the time zone attributes and tzset, with
//! time.struct_time. Clocks are in clocks.rs, time zones in tz.rs, strptime in strptime.rs.

use num_traits::ToPrimitive;

use crate::heap::{ObjKind, Value};
use crate::interp::{NativeFn, PyResult, Vm};
use std::cell::Cell;

use crate::objects::*;

use super::{add_fn, new_module, set_attr};

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
    // PEP 475: a signal whose handler does not raise lets the sleep go on
    crate::signals::check(vm)?;
    let mut left = std::time::Duration::from_secs_f64(s);
    while let Some(rest) = crate::threads::allow_threads(vm, || crate::signals::sleep(left)) {
        crate::signals::check(vm)?;
        left = rest;
    }
    Ok(vm.none)
}

/// Broken-down time: (year, mon 1-12, mday, hour, min, sec, wday Monday=0, yday 1-366,
/// isdst), with C's tm_zone and tm_gmtoff (None when unknown, as for a plain 9-tuple).
#[derive(Clone, Debug, PartialEq)]
pub struct Tm {
    pub year: i64,
    pub mon: i64,
    pub mday: i64,
    pub hour: i64,
    pub min: i64,
    pub sec: i64,
    pub wday: i64,
    pub yday: i64,
    pub isdst: i64,
    pub zone: Option<String>,
    pub gmtoff: Option<i64>,
}

pub fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
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
    Tm {
        year,
        mon,
        mday,
        hour: secs / 3600,
        min: secs % 3600 / 60,
        sec: secs % 60,
        wday: (days + 3).rem_euclid(7),
        yday,
        isdst: 0,
        zone: Some("GMT".into()),
        gmtoff: Some(0),
    }
}

/// The local calendar fields of a Unix timestamp in the current time zone.
pub fn localtime_of(t: i64) -> Tm {
    let lt = super::tz::current().at(t);
    let mut tm = gmtime_of(t + lt.offset);
    tm.isdst = lt.isdst as i64;
    tm.zone = Some(lt.abbr);
    tm.gmtoff = Some(lt.offset);
    tm
}

/// Local seconds since the epoch of calendar fields, normalising out-of-range months, days,
/// hours, minutes and seconds the way C's mktime does.
fn local_seconds(tm: &Tm) -> Option<i64> {
    let m0 = tm.mon - 1;
    let year = tm.year.checked_add(m0.div_euclid(12))?;
    if year.abs() > 1 << 40 {
        return None;
    }
    let days = days_from_civil(year, m0.rem_euclid(12) + 1, 1) + tm.mday - 1;
    Some(days * 86400 + tm.hour * 3600 + tm.min * 60 + tm.sec)
}

/// C's mktime: the Unix time of local calendar fields. tm.isdst chooses between the two
/// readings of a repeated hour (and, when it names a kind of time the date does not have,
/// the fields are read in that kind's offset); a time in a skipped hour is read with the
/// offset before the change.
pub fn mktime_of(tm: &Tm) -> Option<i64> {
    let local = local_seconds(tm)?;
    let zone = super::tz::current();
    let before = zone.at(local - 86400 - 3 * 3600);
    let after = zone.at(local + 86400 + 3 * 3600);
    let mut candidates: Vec<(i64, bool)> = Vec::new();
    for lt in [&before, &after] {
        let t = local - lt.offset;
        let at = zone.at(t);
        if at.offset == lt.offset && !candidates.iter().any(|c| c.0 == t) {
            candidates.push((t, at.isdst));
        }
    }
    candidates.sort();
    if tm.isdst >= 0 {
        let want = tm.isdst > 0;
        if let Some(c) = candidates.iter().find(|c| c.1 == want) {
            return Some(c.0);
        }
        if let Some(&(t, _)) = candidates.first() {
            // the fields were given in the other kind of time: shift by the difference of
            // the offsets (an hour when the zone never has that kind, as glibc does)
            let now = zone.at(t);
            return Some(match zone.all_types().into_iter().filter(|lt| lt.isdst == want).last() {
                Some(lt) => t + now.offset - lt.offset,
                None if want => t - 3600,
                None => t + 3600,
            });
        }
    }
    // a repeated hour read without a hint is taken as standard time
    match candidates.iter().find(|c| !c.1).or(candidates.first()) {
        Some(c) => Some(c.0),
        None => Some(local - before.offset),
    }
}

const FIELDS: [&str; 11] = ["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff"];

/// time.struct_time: a 9-item tuple whose tm_zone and tm_gmtoff (fields 10 and 11, not part
/// of the sequence) live in a side dict of the VM keyed by the object, which dies with it.
fn struct_time_type(vm: &mut Vm) -> Value {
    let st = vm.sys_state;
    if let Some(t) = vm.dict_get_by_str(st, "struct_time") {
        return t;
    }
    let ty = super::sys::structseq_type(vm, "time.struct_time", &FIELDS[..9]);
    let d = ty.get::<TypeObj>().map(|t| t.dict).unwrap_or(Value::NULL);
    let bt = vm.types.builtin_function;
    let pt = vm.types.property;
    for (i, f) in FIELDS[9..].iter().enumerate() {
        let idx = Value::small(i as i64).unwrap_or(Value::NULL);
        let g = vm.alloc(bt, BuiltinObj { name: f, func: struct_time_extra, self_: idx, owner: Value::NULL, slot_args: NO_SLOT, module: Value::NULL }).value();
        let fname = vm.intern(f);
        let p = vm.alloc(pt, PropertyObj { fget: g, fset: Value::NULL, fdel: Value::NULL, doc: Cell::new(Value::NULL), name: Cell::new(fname) }).value();
        vm.dict_set_str(d, f, p);
    }
    for (k, v) in [("n_fields", 11), ("n_sequence_fields", 9), ("n_unnamed_fields", 0)] {
        let n = vm.new_int(v);
        vm.dict_set_str(d, k, n);
    }
    let m = vm.new_str("time");
    vm.dict_set_str(d, "__module__", m);
    crate::builtins::static_method(vm, ty, "__new__", struct_time_new);
    vm.dict_set_str(st, "struct_time", ty);
    ty
}

fn struct_time_extra(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let i = a[0].small_value() as usize;
    let obj = a.get(1).copied().unwrap_or(Value::NULL);
    let extra = vm.ext_dicts.get(&obj.raw()).copied();
    let key = FIELDS[9 + i.min(1)];
    Ok(extra.and_then(|d| vm.dict_get_by_str(d, key)).unwrap_or(vm.none))
}

/// A struct_time of 9 sequence items and the two extra fields.
fn make_struct_time(vm: &mut Vm, items: Vec<Value>, zone: Value, gmtoff: Value) -> Value {
    let ty = struct_time_type(vm);
    let obj = vm.alloc(ty, TupleObj { items: items.into_boxed_slice() }).value();
    let d = vm.new_dict();
    vm.dict_set_str(d, "tm_zone", zone);
    vm.dict_set_str(d, "tm_gmtoff", gmtoff);
    vm.ext_dicts.insert(obj.raw(), d);
    obj
}

fn new_struct_time(vm: &mut Vm, tm: &Tm) -> Value {
    let items: Vec<Value> = [tm.year, tm.mon, tm.mday, tm.hour, tm.min, tm.sec, tm.wday, tm.yday, tm.isdst].iter().map(|&x| vm.new_int(x)).collect();
    let zone = match &tm.zone {
        Some(z) => vm.new_str(z),
        None => vm.none,
    };
    let gmtoff = match tm.gmtoff {
        Some(g) => vm.new_int(g),
        None => vm.none,
    };
    make_struct_time(vm, items, zone, gmtoff)
}

/// time.struct_time(sequence): 9 to 11 items.
fn struct_time_new(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let Some(&seq) = a.get(1) else {
        return Err(vm.type_error("time.struct_time() missing required argument 'sequence' (pos 1)"));
    };
    let is_seq = matches!(seq.kind(), Some(ObjKind::Tuple) | Some(ObjKind::List)) || {
        let ty = vm.type_of(seq);
        let n = vm.intern("__getitem__");
        vm.lookup(ty, n).is_some() && seq.kind() != Some(ObjKind::Dict)
    };
    if !is_seq {
        return Err(vm.type_error("constructor requires a sequence"));
    }
    let (_h, items) = vm.to_vec(seq)?;
    let n = items.len();
    if n < 9 {
        return Err(vm.type_error(&format!("time.struct_time() takes an at least 9-sequence ({n}-sequence given)")));
    }
    if n > 11 {
        return Err(vm.type_error(&format!("time.struct_time() takes an at most 11-sequence ({n}-sequence given)")));
    }
    let none = vm.none;
    let zone = items.get(9).copied().unwrap_or(none);
    let gmtoff = items.get(10).copied().unwrap_or(none);
    Ok(make_struct_time(vm, items[..9].to_vec(), zone, gmtoff))
}

/// A timestamp argument (None or absent: now) as whole seconds, rounded toward -inf.
fn timestamp_arg(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<i64> {
    crate::builtins::arity(vm, a, 0, 1, name)?;
    let v = match a.first() {
        None => None,
        Some(&v) if v == vm.none => None,
        Some(&v) => Some(v),
    };
    let secs = match v {
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
    // glibc's gmtime and localtime fail with EOVERFLOW when the year does not fit in an int
    if !(-67768040609740800..=67768036191676799).contains(&secs) {
        let e = std::io::Error::from_raw_os_error(libc::EOVERFLOW);
        return Err(super::io::os_error(vm, &e, None));
    }
    Ok(secs)
}

fn time_gmtime(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let secs = timestamp_arg(vm, a, "gmtime")?;
    let tm = gmtime_of(secs);
    Ok(new_struct_time(vm, &tm))
}

fn time_localtime(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let secs = timestamp_arg(vm, a, "localtime")?;
    let tm = localtime_of(secs);
    Ok(new_struct_time(vm, &tm))
}

fn time_ctime(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let secs = timestamp_arg(vm, a, "ctime")?;
    let tm = localtime_of(secs);
    Ok(vm.new_string(asctime_text(&tm)))
}

/// One field of a time tuple converted like PyArg_ParseTuple's "i".
fn c_int_field(vm: &mut Vm, x: Value) -> PyResult<i64> {
    let iv = vm.index_of(x)?;
    let Some(n) = vm.as_bigint(iv).and_then(|b| b.to_i64()) else {
        return Err(vm.overflow_error("Python int too large to convert to C long"));
    };
    if n > i32::MAX as i64 {
        return Err(vm.overflow_error("signed integer is greater than maximum"));
    }
    if n < i32::MIN as i64 {
        return Err(vm.overflow_error("signed integer is less than minimum"));
    }
    Ok(n)
}

/// A time tuple argument (struct_time or 9-tuple) as calendar fields (CPython's gettmarg);
/// tm_zone and tm_gmtoff come along from a struct_time.
fn gettmarg(vm: &mut Vm, v: Value, fname: &str) -> PyResult<Tm> {
    let items = match v.get::<TupleObj>() {
        Some(t) => t.items.to_vec(),
        None => return Err(vm.type_error("Tuple or struct_time argument required")),
    };
    if items.len() != 9 {
        return Err(vm.type_error(&format!("{fname}(): illegal time tuple argument")));
    }
    let mut f = [0i64; 9];
    for (i, &x) in items.iter().enumerate() {
        f[i] = c_int_field(vm, x)?;
    }
    let mut tm = Tm { year: f[0], mon: f[1], mday: f[2], hour: f[3], min: f[4], sec: f[5], wday: f[6], yday: f[7], isdst: f[8], zone: None, gmtoff: None };
    if vm.type_of(v) == struct_time_type(vm) {
        let z = vm.getattr_str(v, "tm_zone")?;
        if z != vm.none {
            tm.zone = Some(vm.str(z)?);
        }
        let g = vm.getattr_str(v, "tm_gmtoff")?;
        if g != vm.none {
            let gi = vm.index_of(g)?;
            tm.gmtoff = vm.as_i64(gi);
        }
    }
    Ok(tm)
}

/// gettmarg then CPython's checktm, after it maps zero month, day and yday to defaults.
fn tm_arg(vm: &mut Vm, v: Value, fname: &str) -> PyResult<Tm> {
    let mut tm = gettmarg(vm, v, fname)?;
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

fn time_mktime(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::arity(vm, a, 1, 1, "mktime")?;
    let tm = gettmarg(vm, a[0], "mktime")?;
    match mktime_of(&tm) {
        Some(t) if (-67768040609740800..=67767976233316604).contains(&t) => Ok(vm.new_float(t as f64)),
        _ => Err(vm.overflow_error("mktime argument out of range")),
    }
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
pub fn strftime(fmt: &str, tm: &Tm) -> String {
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
            's' => mktime_of(tm).unwrap_or(-1).to_string(),
            't' => "\t".into(),
            'T' | 'X' => format!("{:02}:{:02}:{:02}", tm.hour, tm.min, tm.sec),
            'u' => (tm.wday + 1).to_string(),
            'U' => format!("{:02}", (tm.yday - 1 + 7 - sunday_wday) / 7),
            'V' => format!("{:02}", iso_week(tm).1),
            'w' => sunday_wday.to_string(),
            'W' => format!("{:02}", (tm.yday - 1 + 7 - tm.wday) / 7),
            'y' => format!("{:02}", tm.year.rem_euclid(100)),
            'Y' => tm.year.to_string(),
            // glibc leaves %z and %Z empty when it is unknown whether DST is in effect
            'z' if tm.isdst < 0 => String::new(),
            'z' => {
                let g = tm.gmtoff.unwrap_or(0);
                let a = g.abs() / 60;
                format!("{}{:02}{:02}", if g < 0 { '-' } else { '+' }, a / 60, a % 60)
            }
            'Z' => match &tm.zone {
                Some(z) => z.clone(),
                None if tm.isdst < 0 => String::new(),
                None => {
                    let (s, d) = tznames();
                    if tm.isdst > 0 { d } else { s }
                }
            },
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
    let mut tm = match a.get(1) {
        Some(&t) => tm_arg(vm, t, "strftime")?,
        None => {
            let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
            localtime_of(now)
        }
    };
    tm.isdst = tm.isdst.clamp(-1, 1);
    let s = strftime(&fmt, &tm);
    Ok(vm.new_string(s))
}

/// C's asctime layout.
fn asctime_text(tm: &Tm) -> String {
    let day = &DAYS[tm.wday.rem_euclid(7) as usize][..3];
    let mon = &MONTHS[(tm.mon - 1).clamp(0, 11) as usize][..3];
    format!("{day} {mon}{:3} {:02}:{:02}:{:02} {}", tm.mday, tm.hour, tm.min, tm.sec, tm.year)
}

fn time_asctime(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::arity(vm, a, 0, 1, "asctime")?;
    let tm = match a.first() {
        Some(&t) => tm_arg(vm, t, "asctime")?,
        None => localtime_of(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)),
    };
    Ok(vm.new_string(asctime_text(&tm)))
}

/// The names of standard and daylight time, for %Z of a tuple without tm_zone.
pub fn tznames() -> (String, String) {
    let z = zone_summary();
    (z.tzname.0, z.tzname.1)
}

struct ZoneSummary {
    timezone: i64,
    altzone: i64,
    daylight: bool,
    tzname: (String, String),
}

/// timezone, altzone, daylight and tzname as CPython computes them on glibc: from the local
/// times of January and July of the current year.
fn zone_summary() -> ZoneSummary {
    const YEAR: i64 = (365 * 24 + 6) * 3600;
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
    let t = now / YEAR * YEAR;
    let zone = super::tz::current();
    let jan = zone.at(t);
    let jul = zone.at(t + YEAR / 2);
    let name = |s: &str| s.chars().take(9).collect::<String>();
    let (janzone, julzone) = (-jan.offset, -jul.offset);
    if janzone < julzone {
        // DST is reversed in the southern hemisphere
        ZoneSummary { timezone: julzone, altzone: janzone, daylight: janzone != julzone, tzname: (name(&jul.abbr), name(&jan.abbr)) }
    } else {
        ZoneSummary { timezone: janzone, altzone: julzone, daylight: janzone != julzone, tzname: (name(&jan.abbr), name(&jul.abbr)) }
    }
}

fn set_zone_attrs(vm: &mut Vm, m: Value) {
    let z = zone_summary();
    let tz = vm.new_int(z.timezone);
    set_attr(vm, m, "timezone", tz);
    let alt = vm.new_int(z.altzone);
    set_attr(vm, m, "altzone", alt);
    let dl = vm.new_int(z.daylight as i64);
    set_attr(vm, m, "daylight", dl);
    let (a, b) = (vm.new_string(z.tzname.0), vm.new_string(z.tzname.1));
    let names = vm.new_tuple(vec![a, b]);
    set_attr(vm, m, "tzname", names);
}

fn time_tzset(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::arity(vm, a, 0, 0, "tzset")?;
    let tz = super::sys_hooks::environ_get(vm, "TZ");
    super::tz::set_current(super::tz::load_zone(tz.as_deref()));
    let m = vm.dict_get_by_str(vm.modules, "time").unwrap_or(Value::NULL);
    if m.get::<ModuleObj>().is_some() {
        set_zone_attrs(vm, m);
    }
    Ok(vm.none)
}

fn time_strptime(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let (pos, kws) = crate::builtins::split_kw(vm, a, k);
    if !kws.is_empty() {
        return Err(vm.type_error("strptime() takes no keyword arguments"));
    }
    // CPython passes the arguments on to _strptime._strptime_time
    if pos.is_empty() {
        return Err(vm.type_error("_strptime_time() missing 1 required positional argument: 'data_string'"));
    }
    if pos.len() > 2 {
        return Err(vm.type_error(&format!("_strptime_time() takes from 1 to 2 positional arguments but {} were given", pos.len())));
    }
    let fmt = match pos.get(1) {
        Some(&f) => f,
        None => vm.new_str("%a %b %d %H:%M:%S %Y"),
    };
    for (i, v) in [pos[0], fmt].into_iter().enumerate() {
        if v.kind() != Some(ObjKind::Str) {
            let tn = vm.type_name_of(v);
            return Err(vm.type_error(&format!("strptime() argument {i} must be str, not <class '{tn}'>")));
        }
    }
    let (data, fmt) = (vm.str_of(pos[0]), vm.str_of(fmt));
    let z = zone_summary();
    let r = match super::strptime::strptime(&data, &fmt, &z.tzname, z.daylight) {
        Ok(r) => r,
        Err(msg) => return Err(vm.value_error(&msg)),
    };
    let items: Vec<Value> = [r.year, r.mon, r.mday, r.hour, r.min, r.sec, r.wday, r.yday, r.isdst].iter().map(|&x| vm.new_int(x)).collect();
    let zone = match &r.zone {
        Some(z) => vm.new_str(z),
        None => vm.none,
    };
    let gmtoff = match r.gmtoff {
        Some(g) => vm.new_int(g),
        None => vm.none,
    };
    Ok(make_struct_time(vm, items, zone, gmtoff))
}

pub fn register(vm: &mut Vm) {
    let t = new_module(vm, "time");
    let fns: &[(&'static str, NativeFn)] = &[
        ("time", super::clocks::time_time),
        ("time_ns", super::clocks::time_time_ns),
        ("perf_counter", super::clocks::time_monotonic),
        ("perf_counter_ns", super::clocks::time_monotonic_ns),
        ("monotonic", super::clocks::time_monotonic),
        ("monotonic_ns", super::clocks::time_monotonic_ns),
        ("process_time", super::clocks::time_process_time),
        ("process_time_ns", super::clocks::time_process_time_ns),
        ("thread_time", super::clocks::time_thread_time),
        ("thread_time_ns", super::clocks::time_thread_time_ns),
        ("clock_gettime", super::clocks::time_clock_gettime),
        ("clock_gettime_ns", super::clocks::time_clock_gettime_ns),
        ("clock_getres", super::clocks::time_clock_getres),
        ("clock_settime", super::clocks::time_clock_settime),
        ("clock_settime_ns", super::clocks::time_clock_settime_ns),
        ("pthread_getcpuclockid", super::clocks::time_pthread_getcpuclockid),
        ("get_clock_info", super::clocks::time_get_clock_info),
        ("sleep", time_sleep),
        ("gmtime", time_gmtime),
        ("localtime", time_localtime),
        ("mktime", time_mktime),
        ("ctime", time_ctime),
        ("strftime", time_strftime),
        ("strptime", time_strptime),
        ("asctime", time_asctime),
        ("tzset", time_tzset),
    ];
    for &(n, f) in fns {
        add_fn(vm, t, n, f);
    }
    for (n, v) in super::clocks::CONSTANTS {
        let iv = vm.new_int(v);
        set_attr(vm, t, n, iv);
    }
    let items = vm.new_int(11);
    set_attr(vm, t, "_STRUCT_TM_ITEMS", items);
    let st = struct_time_type(vm);
    set_attr(vm, t, "struct_time", st);
    set_zone_attrs(vm, t);
    super::clocks::init();
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
        assert_eq!(strftime("%a %b %d %j %U %W %V %G %Z %z", &gmtime_of(1234567890)), "Fri Feb 13 044 06 06 07 2009 GMT +0000");
    }
}

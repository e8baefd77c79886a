//! Local time zones for the time module, read the way glibc reads them: the TZ variable
//! (a zoneinfo name, a ":"-prefixed or absolute file path, or a POSIX TZ rule such as
//! "EST5EDT,M3.2.0,M11.1.0"), else /etc/localtime. Zone files are TZif (RFC 8536); times past
//! the last transition follow the file's footer rule.

use std::cell::RefCell;
use std::rc::Rc;

/// One kind of local time: offset east of UTC in seconds, DST flag, abbreviation.
#[derive(Clone, Debug, PartialEq)]
pub struct LocalType {
    pub offset: i64,
    pub isdst: bool,
    pub abbr: String,
}

/// The day a POSIX rule switches on.
#[derive(Clone, Copy, Debug, PartialEq)]
enum RuleDay {
    /// Jn: day n (1..=365) of the year, February 29 never counted.
    Julian1(i64),
    /// n: day n (0..=365) of the year, counting February 29.
    Julian0(i64),
    /// Mm.w.d: day d (0 = Sunday) of week w (1..=5, 5 = last) of month m.
    MonthWeekDay(i64, i64, i64),
}

#[derive(Clone, Debug, PartialEq)]
struct PosixTz {
    std: LocalType,
    /// The DST type with its start and end rules (day, seconds after local midnight).
    dst: Option<(LocalType, (RuleDay, i64), (RuleDay, i64))>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Zone {
    transitions: Vec<i64>,
    /// Index into `types` of the local time starting at each transition.
    indices: Vec<usize>,
    types: Vec<LocalType>,
    footer: Option<PosixTz>,
}

fn utc_type(name: &str) -> LocalType {
    LocalType { offset: 0, isdst: false, abbr: name.to_string() }
}

impl Zone {
    pub fn utc(name: &str) -> Zone {
        Zone { types: vec![utc_type(name)], ..Zone::default() }
    }

    /// The local time type in effect at Unix time `t`.
    pub fn at(&self, t: i64) -> LocalType {
        if let Some(&last) = self.transitions.last() {
            if t >= last {
                if let Some(f) = &self.footer {
                    return f.at(t);
                }
            }
            if t >= self.transitions[0] {
                let i = self.transitions.partition_point(|&x| x <= t) - 1;
                return self.types[self.indices[i]].clone();
            }
        } else if let Some(f) = &self.footer {
            return f.at(t);
        }
        self.types.first().cloned().unwrap_or_else(|| utc_type("UTC"))
    }

    /// Every local time type the zone uses, for mktime's search.
    pub fn all_types(&self) -> Vec<LocalType> {
        let mut v = self.types.clone();
        if let Some(f) = &self.footer {
            v.push(f.std.clone());
            if let Some((d, _, _)) = &f.dst {
                v.push(d.clone());
            }
        }
        v
    }
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

impl PosixTz {
    fn at(&self, t: i64) -> LocalType {
        let Some((dst, start, end)) = &self.dst else { return self.std.clone() };
        // glibc computes the rules for the UTC year of `t`
        let year = super::time::gmtime_of(t).year;
        let s = rule_instant(year, *start) - self.std.offset;
        let e = rule_instant(year, *end) - dst.offset;
        let in_dst = if s < e { t >= s && t < e } else { !(t >= e && t < s) };
        if in_dst {
            dst.clone()
        } else {
            self.std.clone()
        }
    }
}

/// Seconds since the epoch of local midnight plus the rule's time on the day a rule switches
/// in `year`, as glibc's compute_change counts them: for years up to 1970 it starts from
/// 1970-01-01 rather than from the year's own January 1 (so old dates get 1970's switches).
fn rule_instant(year: i64, (day, secs): (RuleDay, i64)) -> i64 {
    let jan1 = super::time::days_from_civil(year, 1, 1);
    let day_of_year = match day {
        RuleDay::Julian1(n) => n - 1 + (is_leap(year) && n >= 60) as i64,
        RuleDay::Julian0(n) => n,
        RuleDay::MonthWeekDay(m, w, d) => {
            let first = super::time::days_from_civil(year, m, 1);
            // 1970-01-01 was a Thursday (4 when Sunday is 0)
            let wday_first = (first + 4).rem_euclid(7);
            let mut day = first + (d - wday_first).rem_euclid(7) + (w - 1) * 7;
            let mdays = super::time::days_from_civil(if m == 12 { year + 1 } else { year }, if m == 12 { 1 } else { m + 1 }, 1) - first;
            while day - first >= mdays {
                day -= 7;
            }
            day - jan1
        }
    };
    let base = if year > 1970 { jan1 } else { 0 };
    (base + day_of_year) * 86400 + secs
}

/// A POSIX TZ string parser over bytes.
struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn name(&mut self) -> Option<String> {
        let start = self.i;
        if self.peek() == Some(b'<') {
            self.i += 1;
            let b = self.i;
            while self.peek().is_some_and(|c| c != b'>') {
                self.i += 1;
            }
            let n = std::str::from_utf8(&self.s[b..self.i]).ok()?.to_string();
            self.peek()?;
            self.i += 1;
            return (n.len() >= 3).then_some(n);
        }
        while self.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
            self.i += 1;
        }
        let n = std::str::from_utf8(&self.s[start..self.i]).ok()?.to_string();
        (n.len() >= 3).then_some(n)
    }

    fn number(&mut self) -> Option<i64> {
        let start = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.i += 1;
        }
        std::str::from_utf8(&self.s[start..self.i]).ok()?.parse().ok()
    }

    /// [+|-]hh[:mm[:ss]] in seconds.
    fn time(&mut self) -> Option<i64> {
        let sign = match self.peek() {
            Some(b'-') => {
                self.i += 1;
                -1
            }
            Some(b'+') => {
                self.i += 1;
                1
            }
            _ => 1,
        };
        let mut secs = self.number()? * 3600;
        for mult in [60, 1] {
            if self.peek() != Some(b':') {
                break;
            }
            self.i += 1;
            secs += self.number()? * mult;
        }
        Some(sign * secs)
    }

    fn rule(&mut self) -> Option<(RuleDay, i64)> {
        let day = match self.peek()? {
            b'J' => {
                self.i += 1;
                RuleDay::Julian1(self.number()?.clamp(1, 365))
            }
            b'M' => {
                self.i += 1;
                let m = self.number()?;
                (self.peek() == Some(b'.')).then_some(())?;
                self.i += 1;
                let w = self.number()?;
                (self.peek() == Some(b'.')).then_some(())?;
                self.i += 1;
                let d = self.number()?;
                if !(1..=12).contains(&m) || !(1..=5).contains(&w) || !(0..=6).contains(&d) {
                    return None;
                }
                RuleDay::MonthWeekDay(m, w, d)
            }
            _ => RuleDay::Julian0(self.number()?.clamp(0, 365)),
        };
        let secs = if self.peek() == Some(b'/') {
            self.i += 1;
            self.time()?
        } else {
            7200
        };
        Some((day, secs))
    }
}

/// Parses a POSIX TZ rule. A valid name without a valid offset is UTC under that name, as
/// glibc does; None when not even a name can be read.
fn parse_posix(s: &str) -> Option<PosixTz> {
    let mut p = Parser { s: s.as_bytes(), i: 0 };
    let std_name = p.name()?;
    let Some(std_off) = p.time() else {
        return Some(PosixTz { std: utc_type(&std_name), dst: None });
    };
    let std = LocalType { offset: -std_off, isdst: false, abbr: std_name };
    if p.peek().is_none() {
        return Some(PosixTz { std, dst: None });
    }
    let Some(dst_name) = p.name() else { return Some(PosixTz { std, dst: None }) };
    let dst_off = match p.peek() {
        Some(b',') | None => std.offset + 3600,
        _ => -p.time().unwrap_or(-(std.offset + 3600)),
    };
    let dst = LocalType { offset: dst_off, isdst: true, abbr: dst_name };
    // without rules, glibc uses the US rules of 2007
    let default_rules = ((RuleDay::MonthWeekDay(3, 2, 0), 7200), (RuleDay::MonthWeekDay(11, 1, 0), 7200));
    let rules = if p.peek() == Some(b',') {
        p.i += 1;
        let start = p.rule();
        let end = if p.peek() == Some(b',') {
            p.i += 1;
            p.rule()
        } else {
            None
        };
        match (start, end) {
            (Some(a), Some(b)) => (a, b),
            _ => default_rules,
        }
    } else {
        default_rules
    };
    Some(PosixTz { std, dst: Some((dst, rules.0, rules.1)) })
}

fn be_i32(b: &[u8]) -> i64 {
    i32::from_be_bytes([b[0], b[1], b[2], b[3]]) as i64
}

fn be_i64(b: &[u8]) -> i64 {
    i64::from_be_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]])
}

/// Parses a TZif file (versions 1 to 4).
pub fn parse_tzif(data: &[u8]) -> Option<Zone> {
    let header = |d: &[u8]| -> Option<(u8, [usize; 6])> {
        if d.len() < 44 || &d[..4] != b"TZif" {
            return None;
        }
        let mut c = [0usize; 6];
        for (k, slot) in c.iter_mut().enumerate() {
            *slot = be_i32(&d[20 + 4 * k..]) as usize;
        }
        Some((d[4], c))
    };
    let (version, c) = header(data)?;
    // counts: isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
    let v1_len = |c: &[usize; 6], tsize: usize| c[3] * tsize + c[3] + c[4] * 6 + c[5] + c[2] * (tsize + 4) + c[1] + c[0];
    let (body, c, tsize) = if version >= b'2' {
        let second = data.get(44 + v1_len(&c, 4)..)?;
        let (_, c2) = header(second)?;
        (&second[44..], c2, 8)
    } else {
        (&data[44..], c, 4)
    };
    if body.len() < v1_len(&c, tsize) {
        return None;
    }
    let (timecnt, typecnt, charcnt) = (c[3], c[4], c[5]);
    let mut pos = 0;
    let mut transitions = Vec::with_capacity(timecnt);
    for i in 0..timecnt {
        let b = &body[pos + i * tsize..];
        transitions.push(if tsize == 8 { be_i64(b) } else { be_i32(b) });
    }
    pos += timecnt * tsize;
    let indices: Vec<usize> = body[pos..pos + timecnt].iter().map(|&x| x as usize).collect();
    pos += timecnt;
    let chars = &body[pos + typecnt * 6..pos + typecnt * 6 + charcnt];
    let mut types = Vec::with_capacity(typecnt);
    for i in 0..typecnt {
        let b = &body[pos + i * 6..];
        let idx = b[5] as usize;
        let abbr_bytes = chars.get(idx..).unwrap_or(&[]);
        let end = abbr_bytes.iter().position(|&x| x == 0).unwrap_or(abbr_bytes.len());
        types.push(LocalType { offset: be_i32(b), isdst: b[4] != 0, abbr: String::from_utf8_lossy(&abbr_bytes[..end]).into_owned() });
    }
    if types.is_empty() || indices.iter().any(|&i| i >= types.len()) {
        return None;
    }
    let mut footer = None;
    if version >= b'2' {
        let rest = &body[v1_len(&c, tsize)..];
        if let Some(text) = rest.strip_prefix(b"\n") {
            if let Some(end) = text.iter().position(|&x| x == b'\n') {
                footer = std::str::from_utf8(&text[..end]).ok().filter(|s| !s.is_empty()).and_then(parse_posix);
            }
        }
    }
    Some(Zone { transitions, indices, types, footer })
}

/// The zone a TZ value (None: unset) names.
pub fn load_zone(tz: Option<&str>) -> Zone {
    let from_file = |path: &str| std::fs::read(path).ok().and_then(|d| parse_tzif(&d));
    let Some(tz) = tz else {
        return from_file("/etc/localtime").unwrap_or_else(|| Zone::utc("UTC"));
    };
    if tz.is_empty() {
        return Zone::utc("UTC");
    }
    let name = tz.strip_prefix(':').unwrap_or(tz);
    let dir = std::env::var("TZDIR").unwrap_or_else(|_| "/usr/share/zoneinfo".into());
    let path = if name.starts_with('/') { name.to_string() } else { format!("{dir}/{name}") };
    // names that climb out of the zoneinfo directory are not looked up, like glibc
    if !name.contains("..") {
        if let Some(z) = from_file(&path) {
            return z;
        }
    }
    match parse_posix(name) {
        Some(p) => Zone { footer: Some(p), ..Zone::default() },
        None => Zone::utc("UTC"),
    }
}

crate::gil_local! {
    static CURRENT: RefCell<Option<Rc<Zone>>> = const { RefCell::new(None) };
}

/// The local zone, loaded from the process environment the first time.
pub fn current() -> Rc<Zone> {
    CURRENT.with(|c| {
        let mut c = c.borrow_mut();
        if let Some(z) = &*c {
            return z.clone();
        }
        let z = Rc::new(load_zone(std::env::var("TZ").ok().as_deref()));
        *c = Some(z.clone());
        z
    })
}

/// Replaces the local zone (time.tzset).
pub fn set_current(z: Zone) {
    CURRENT.with(|c| *c.borrow_mut() = Some(Rc::new(z)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posix_rules() {
        let z = load_zone(Some("EST5EDT,M3.2.0,M11.1.0"));
        // 2009-02-13 23:31:30 UTC is winter, 2009-08-01 is summer
        assert_eq!(z.at(1234567890), LocalType { offset: -18000, isdst: false, abbr: "EST".into() });
        assert_eq!(z.at(1249084800).offset, -14400);
        // 2009-03-08 07:00 UTC is 02:00 EST, the switch
        assert!(!z.at(1236495599).isdst);
        assert!(z.at(1236495600).isdst);
        let j = load_zone(Some("JST-9"));
        assert_eq!(j.at(0).offset, 32400);
        let odd = load_zone(Some("<+0530>-5:30"));
        assert_eq!((odd.at(0).offset, odd.at(0).abbr.as_str()), (19800, "+0530"));
        assert_eq!(load_zone(Some("Foo/Bar-not-a-file")).at(0).abbr, "Foo");
        // southern hemisphere: DST over new year
        let s = load_zone(Some("AEST-10AEDT,M10.1.0,M4.1.0/3"));
        assert!(s.at(1234567890).isdst);
        assert!(!s.at(1246449600).isdst);
    }
}

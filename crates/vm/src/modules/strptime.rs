//! time.strptime in the C locale, following CPython's Lib/_strptime.py: every directive
//! becomes the same alternatives its regular expression has, tried in the same order with
//! backtracking, and the fields found are combined the way _strptime does.

use super::time::{days_from_civil, is_leap, Tm};

const DAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const MONTHS: [&str; 12] = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/// One piece of a format: literal text, whitespace (one or more), or a directive.
#[derive(Clone, Debug, PartialEq)]
enum Piece {
    Lit(char),
    Space,
    Dir(char),
}

/// Expands a format into pieces; %c, %x and %X become their C-locale formats.
fn compile(fmt: &str) -> Result<Vec<Piece>, String> {
    let mut out = Vec::new();
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '%' {
            let Some(&d) = chars.get(i + 1) else {
                return Err(format!("stray % in format '{fmt}'"));
            };
            match d {
                'c' => out.extend(compile("%a %b %d %H:%M:%S %Y")?),
                'x' => out.extend(compile("%m/%d/%y")?),
                'X' => out.extend(compile("%H:%M:%S")?),
                '%' => out.push(Piece::Lit('%')),
                'a' | 'A' | 'b' | 'B' | 'd' | 'f' | 'H' | 'I' | 'G' | 'j' | 'm' | 'M' | 'p' | 'S' | 'U' | 'w' | 'u' | 'V' | 'W' | 'y' | 'Y' | 'z' | 'Z' => {
                    out.push(Piece::Dir(d))
                }
                // _strptime escapes regex characters first, so '%' before one reads as '\'
                '\\' | '.' | '^' | '$' | '*' | '+' | '?' | '(' | ')' | '{' | '}' | '[' | ']' | '|' => {
                    return Err(format!("'%' is a bad directive in format '{fmt}'"));
                }
                other if other.is_whitespace() => return Err(format!("'%' is a bad directive in format '{fmt}'")),
                other => return Err(format!("'{other}' is a bad directive in format '{fmt}'")),
            }
            i += 2;
            continue;
        }
        if c.is_whitespace() {
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
            out.push(Piece::Space);
            continue;
        }
        out.push(Piece::Lit(c));
        i += 1;
    }
    Ok(out)
}

/// The alternatives of a number directive's regex, as (min value, max value, digits) groups
/// in order; None for digit counts that allow any length in a range.
fn digits_at(s: &[char], pos: usize, n: usize) -> Option<i64> {
    if pos + n > s.len() || !s[pos..pos + n].iter().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s[pos..pos + n].iter().collect::<String>().parse().ok()
}

/// The ends of the matches a directive can make at `pos`, in the order the regex tries them,
/// with the text matched.
fn candidates(d: char, s: &[char], pos: usize, names: &Names) -> Vec<usize> {
    let mut out = Vec::new();
    // numeric alternatives: (width, allowed range) in regex order
    let numeric: &[(usize, i64, i64)] = match d {
        'd' => &[(2, 30, 31), (2, 10, 29), (2, 1, 9), (1, 1, 9)],
        'f' => &[(6, 0, 999999), (5, 0, 99999), (4, 0, 9999), (3, 0, 999), (2, 0, 99), (1, 0, 9)],
        'H' => &[(2, 20, 23), (2, 0, 19), (1, 0, 9)],
        'I' => &[(2, 10, 12), (2, 1, 9), (1, 1, 9)],
        'G' | 'Y' => &[(4, 0, 9999)],
        'j' => &[(3, 360, 366), (3, 300, 359), (3, 100, 299), (3, 10, 99), (3, 1, 9), (2, 10, 99), (2, 1, 9), (1, 1, 9)],
        'm' => &[(2, 10, 12), (2, 1, 9), (1, 1, 9)],
        'M' => &[(2, 0, 59), (1, 0, 9)],
        'S' => &[(2, 60, 61), (2, 0, 59), (1, 0, 9)],
        'U' | 'W' => &[(2, 50, 53), (2, 0, 49), (1, 0, 9)],
        'V' => &[(2, 50, 53), (2, 1, 9), (2, 10, 49), (1, 0, 9)],
        'w' => &[(1, 0, 6)],
        'u' => &[(1, 1, 7)],
        'y' => &[(2, 0, 99)],
        _ => &[],
    };
    for &(w, lo, hi) in numeric {
        if let Some(v) = digits_at(s, pos, w) {
            if (lo..=hi).contains(&v) {
                out.push(pos + w);
            }
        }
    }
    // %d also accepts a space and one digit
    if d == 'd' && s.get(pos) == Some(&' ') && s.get(pos + 1).is_some_and(|c| ('1'..='9').contains(c)) {
        out.push(pos + 2);
    }
    let words: Vec<String> = match d {
        'A' => sorted_by_len(DAYS.iter().map(|x| x.to_string()).collect()),
        'a' => DAYS.iter().map(|x| x[..3].to_string()).collect(),
        'B' => sorted_by_len(MONTHS.iter().map(|x| x.to_string()).collect()),
        'b' => MONTHS.iter().map(|x| x[..3].to_string()).collect(),
        'p' => vec!["am".into(), "pm".into()],
        'Z' => names.zone_words(),
        _ => vec![],
    };
    for w in words {
        let n = w.chars().count();
        if pos + n <= s.len() && s[pos..pos + n].iter().collect::<String>().to_lowercase() == w {
            out.push(pos + n);
        }
    }
    if d == 'z' {
        out.extend(utc_offset_ends(s, pos));
    }
    out
}

fn sorted_by_len(mut v: Vec<String>) -> Vec<String> {
    v.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    v
}

/// [+-]HH[:]MM[[:]SS[.ffffff]] or Z, longest first as the regex's greedy optionals try.
fn utc_offset_ends(s: &[char], pos: usize) -> Vec<usize> {
    let mut out = Vec::new();
    if s.get(pos) == Some(&'Z') {
        out.push(pos + 1);
        return out;
    }
    if !matches!(s.get(pos), Some('+') | Some('-')) || digits_at(s, pos + 1, 2).is_none() {
        return out;
    }
    let mut p = pos + 3;
    if s.get(p) == Some(&':') {
        p += 1;
    }
    let Some(mm) = digits_at(s, p, 2) else { return out };
    if mm > 59 {
        return out;
    }
    p += 2;
    let minutes_end = p;
    let mut q = p;
    if s.get(q) == Some(&':') {
        q += 1;
    }
    if let Some(ss) = digits_at(s, q, 2) {
        if ss <= 59 {
            let sec_end = q + 2;
            if s.get(sec_end) == Some(&'.') {
                let mut n = 0;
                while n < 6 && s.get(sec_end + 1 + n).is_some_and(|c| c.is_ascii_digit()) {
                    n += 1;
                }
                for k in (1..=n).rev() {
                    out.push(sec_end + 1 + k);
                }
            }
            out.push(sec_end);
        }
    }
    out.push(minutes_end);
    out
}

struct Names {
    tzname: (String, String),
    daylight: bool,
}

impl Names {
    /// The words %Z matches: utc, gmt and the local zone names.
    fn zone_words(&self) -> Vec<String> {
        let mut v: Vec<String> = vec!["utc".into(), "gmt".into(), self.tzname.0.to_lowercase()];
        if self.daylight {
            v.push(self.tzname.1.to_lowercase());
        }
        v.retain(|w| !w.is_empty());
        v.dedup();
        sorted_by_len(v)
    }
}

/// Matches pieces from `pi` at text position `pos`; fills `found` with the directive texts.
fn match_from(pieces: &[Piece], pi: usize, s: &[char], pos: usize, names: &Names, found: &mut Vec<(char, String)>) -> Option<usize> {
    let Some(piece) = pieces.get(pi) else { return Some(pos) };
    match piece {
        Piece::Lit(c) => {
            let ok = s.get(pos).is_some_and(|x| x == c || x.to_lowercase().eq(c.to_lowercase()));
            if ok {
                match_from(pieces, pi + 1, s, pos + 1, names, found)
            } else {
                None
            }
        }
        Piece::Space => {
            let mut end = pos;
            while end < s.len() && s[end].is_whitespace() {
                end += 1;
            }
            // greedy, backing off one character at a time
            while end > pos {
                if let Some(r) = match_from(pieces, pi + 1, s, end, names, found) {
                    return Some(r);
                }
                end -= 1;
            }
            None
        }
        Piece::Dir(d) => {
            // a directive repeated in one format must match the same text (a regex named
            // group may appear once, so _strptime refers back to the first)
            if let Some((_, prev)) = found.iter().find(|(k, _)| k == d) {
                let p: Vec<char> = prev.chars().collect();
                if pos + p.len() <= s.len() && s[pos..pos + p.len()] == p[..] {
                    return match_from(pieces, pi + 1, s, pos + p.len(), names, found);
                }
                return None;
            }
            for end in candidates(*d, s, pos, names) {
                found.push((*d, s[pos..end].iter().collect()));
                if let Some(r) = match_from(pieces, pi + 1, s, end, names, found) {
                    return Some(r);
                }
                found.pop();
            }
            None
        }
    }
}

/// datetime.date's check of a day in a month.
fn check_date(year: i64, month: i64, day: i64) -> Result<(), String> {
    if !(1..=9999).contains(&year) {
        return Err(format!("year {year} is out of range"));
    }
    let mdays = [31, if is_leap(year) { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if !(1..=mdays[(month - 1) as usize]).contains(&day) {
        return Err("day is out of range for month".into());
    }
    Ok(())
}

/// Monday = 0 weekday of a date.
fn weekday(year: i64, month: i64, day: i64) -> i64 {
    (days_from_civil(year, month, day) + 3).rem_euclid(7)
}

pub fn strptime(data: &str, fmt: &str, tzname: &(String, String), daylight: bool) -> Result<Tm, String> {
    let pieces = compile(fmt)?;
    let s: Vec<char> = data.chars().collect();
    let names = Names { tzname: tzname.clone(), daylight };
    let mut found = Vec::new();
    let Some(end) = match_from(&pieces, 0, &s, 0, &names, &mut found) else {
        return Err(format!("time data {} does not match format {}", py_repr(data), py_repr(fmt)));
    };
    if end != s.len() {
        return Err(format!("unconverted data remains: {}", s[end..].iter().collect::<String>()));
    }
    let get = |k: char| found.iter().find(|(d, _)| *d == k).map(|(_, v)| v.clone());
    let num = |k: char| get(k).map(|v| v.trim().parse::<i64>().unwrap_or(0));
    let mut year: Option<i64> = None;
    let (mut month, mut day, mut hour, mut minute, mut second) = (1, 1, 0, 0, 0);
    let mut tz = -1;
    let mut gmtoff: Option<i64> = None;
    let mut iso_year = None;
    let mut iso_week = None;
    let mut week_of_year = None;
    let mut week_starts_mon = false;
    let mut wday: Option<i64> = None;
    let mut julian: Option<i64> = None;
    for (k, v) in &found {
        let lower = v.to_lowercase();
        match k {
            'y' => {
                let y = num('y').unwrap_or(0);
                year = Some(if y <= 68 { y + 2000 } else { y + 1900 });
            }
            'Y' => year = num('Y'),
            'G' => iso_year = num('G'),
            'm' => month = num('m').unwrap_or(1),
            'B' => month = MONTHS.iter().position(|m| *m == lower).unwrap_or(0) as i64 + 1,
            'b' => month = MONTHS.iter().position(|m| m[..3] == lower).unwrap_or(0) as i64 + 1,
            'd' => day = num('d').unwrap_or(1),
            'H' => hour = num('H').unwrap_or(0),
            'I' => {
                hour = num('I').unwrap_or(0);
                let ampm = get('p').map(|p| p.to_lowercase()).unwrap_or_default();
                if ampm.is_empty() || ampm == "am" {
                    if hour == 12 {
                        hour = 0;
                    }
                } else if ampm == "pm" && hour != 12 {
                    hour += 12;
                }
            }
            'M' => minute = num('M').unwrap_or(0),
            'S' => second = num('S').unwrap_or(0),
            'A' => wday = DAYS.iter().position(|d| *d == lower).map(|i| i as i64),
            'a' => wday = DAYS.iter().position(|d| d[..3] == lower).map(|i| i as i64),
            'w' => {
                let w = num('w').unwrap_or(0);
                wday = Some(if w == 0 { 6 } else { w - 1 });
            }
            'u' => wday = num('u').map(|u| u - 1),
            'j' => julian = num('j'),
            'U' | 'W' => {
                week_of_year = num(*k);
                week_starts_mon = *k == 'W';
            }
            'V' => iso_week = num('V'),
            'z' => gmtoff = Some(parse_offset(v)?),
            'Z' => {
                let is_std = lower == "utc" || lower == "gmt" || lower == tzname.0.to_lowercase();
                let is_dst = daylight && lower == tzname.1.to_lowercase();
                let ambiguous = tzname.0 == tzname.1 && daylight && lower != "utc" && lower != "gmt";
                if !ambiguous {
                    if is_std {
                        tz = 0;
                    } else if is_dst {
                        tz = 1;
                    }
                }
            }
            _ => {}
        }
    }
    if year.is_none() && iso_year.is_some() {
        if iso_week.is_none() || wday.is_none() {
            return Err("ISO year directive '%G' must be used with the ISO week directive '%V' and a weekday directive ('%A', '%a', '%w', or '%u').".into());
        }
        if julian.is_some() {
            return Err("Day of the year directive '%j' is not compatible with ISO year directive '%G'. Use '%Y' instead.".into());
        }
    } else if iso_week.is_some() {
        if year.is_none() || wday.is_none() {
            return Err("ISO week directive '%V' must be used with the ISO year directive '%G' and a weekday directive ('%A', '%a', '%w', or '%u').".into());
        }
        return Err("ISO week directive '%V' is incompatible with the year directive '%Y'. Use the ISO year '%G' instead.".into());
    }
    let mut leap_year_fix = false;
    let mut year = match year {
        Some(y) => y,
        None if month == 2 && day == 29 => {
            leap_year_fix = true;
            1904
        }
        None => 1900,
    };
    if julian.is_none() {
        if let Some(wd) = wday {
            if let Some(w) = week_of_year {
                julian = Some(julian_from_u_or_w(year, w, wd, week_starts_mon));
            } else if let (Some(iy), Some(iw)) = (iso_year, iso_week) {
                let (y, j) = julian_from_v(iy, iw, wd + 1);
                year = y;
                julian = Some(j);
            }
            if let Some(j) = julian {
                if j <= 0 {
                    year -= 1;
                    julian = Some(j + if is_leap(year) { 366 } else { 365 });
                }
            }
        }
    }
    let yday = match julian {
        None => {
            check_date(year, month, day)?;
            days_from_civil(year, month, day) - days_from_civil(year, 1, 1) + 1
        }
        Some(j) => {
            let t = super::time::gmtime_of((days_from_civil(year, 1, 1) + j - 1) * 86400);
            if !(1..=9999).contains(&t.year) {
                return Err(format!("year {} is out of range", t.year));
            }
            year = t.year;
            month = t.mon;
            day = t.mday;
            j
        }
    };
    let wday = match wday {
        Some(w) => w,
        None => weekday(year, month, day),
    };
    if leap_year_fix {
        year = 1900;
    }
    Ok(Tm { year, mon: month, mday: day, hour, min: minute, sec: second, wday, yday, isdst: tz, zone: get('Z'), gmtoff })
}

fn julian_from_u_or_w(year: i64, week: i64, day_of_week: i64, week_starts_mon: bool) -> i64 {
    let mut first = weekday(year, 1, 1);
    let mut dow = day_of_week;
    if !week_starts_mon {
        first = (first + 1) % 7;
        dow = (dow + 1) % 7;
    }
    let week_0_length = (7 - first) % 7;
    if week == 0 {
        1 + dow - first
    } else {
        1 + week_0_length + 7 * (week - 1) + dow
    }
}

fn julian_from_v(iso_year: i64, iso_week: i64, iso_weekday: i64) -> (i64, i64) {
    let correction = weekday(iso_year, 1, 4) + 1 + 3;
    let mut ordinal = iso_week * 7 + iso_weekday - correction;
    let mut y = iso_year;
    if ordinal < 1 {
        ordinal += days_from_civil(y, 1, 1);
        y -= 1;
        ordinal -= days_from_civil(y, 1, 1);
    }
    (y, ordinal)
}

/// The seconds east of UTC of a %z match.
fn parse_offset(z: &str) -> Result<i64, String> {
    if z == "Z" {
        return Ok(0);
    }
    let mut t: Vec<char> = z.chars().collect();
    if t.get(3) == Some(&':') {
        t.remove(3);
    }
    if t.len() > 5 {
        if t[5] != ':' {
            return Err(format!("Inconsistent use of : in {z}"));
        }
        t.remove(5);
    }
    let part = |a: usize, b: usize| t.get(a..b.min(t.len())).map(|x| x.iter().collect::<String>().parse::<i64>().unwrap_or(0)).unwrap_or(0);
    let secs = (part(1, 3) * 60 + part(3, 5)) * 60 + part(5, 7);
    Ok(if t[0] == '-' { -secs } else { secs })
}

/// repr() of a str as Python prints it (for the mismatch message).
fn py_repr(s: &str) -> String {
    crate::builtins::strfmt::repr_str(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> (String, String) {
        ("UTC".into(), "UTC".into())
    }

    #[test]
    fn common_formats() {
        let t = strptime("2009-02-13 23:31:30", "%Y-%m-%d %H:%M:%S", &names(), false).unwrap();
        assert_eq!((t.year, t.mon, t.mday, t.hour, t.min, t.sec, t.wday, t.yday, t.isdst), (2009, 2, 13, 23, 31, 30, 4, 44, -1));
        let t = strptime("Fri Feb 13 23:31:30 2009", "%c", &names(), false).unwrap();
        assert_eq!((t.mday, t.wday), (13, 4));
        // the first alternative that lets the rest match wins: %d takes two digits
        let t = strptime("112", "%d%m", &names(), false).unwrap();
        assert_eq!((t.mday, t.mon), (11, 2));
        // backtracking: %m gives a digit back so that %Y can have four
        let t = strptime("12009", "%m%Y", &names(), false).unwrap();
        assert_eq!((t.mon, t.year), (1, 2009));
        let t = strptime("12 PM", "%I %p", &names(), false).unwrap();
        assert_eq!(t.hour, 12);
        assert_eq!(strptime("+05:30", "%z", &names(), false).unwrap().gmtoff, Some(19800));
        assert!(strptime("2009", "%Q", &names(), false).unwrap_err().contains("bad directive"));
        assert_eq!(strptime("2009 x", "%Y", &names(), false).unwrap_err(), "unconverted data remains:  x");
    }
}

//! The Unicode database of the unicodedata module, decoded on first use from ucd.bin
//! (generated from CPython 3.11's own database by scripts/gen_unicodedata.py).

use std::collections::HashMap;
use std::sync::OnceLock;

pub const CATEGORIES: [&str; 30] = [
    "Cn", "Lu", "Ll", "Lt", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co", "Lm", "Lo", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf",
    "Po", "Sm", "Sc", "Sk", "So",
];
pub const BIDI: [&str; 24] = [
    "", "L", "LRE", "LRO", "R", "AL", "RLE", "RLO", "PDF", "EN", "ES", "ET", "AN", "CS", "NSM", "BN", "B", "S", "WS", "ON", "LRI", "RLI", "FSI", "PDI",
];
pub const EAW: [&str; 6] = ["F", "H", "W", "Na", "A", "N"];
pub const DERIVED: [&str; 6] = [
    "CJK UNIFIED IDEOGRAPH-",
    "HANGUL SYLLABLE ",
    "TANGUT IDEOGRAPH-",
    "KHITAN SMALL SCRIPT CHARACTER-",
    "NUSHU CHARACTER-",
    "CJK COMPATIBILITY IDEOGRAPH-",
];

/// The properties of one code point.
#[derive(Clone, Debug)]
pub struct Props {
    pub category: u8,
    pub bidi: u8,
    pub combining: u8,
    pub eaw: u8,
    pub mirrored: u8,
    pub decimal: i8,
    pub digit: i8,
    pub numeric: Option<f64>,
    pub decomposition: String,
}

pub struct Ucd {
    pub version: String,
    records: Vec<[u8; 5]>,
    runs: Vec<(u32, u16)>,
    numerics: Vec<(u32, i8, i8, f64)>,
    decomps: Vec<(u32, String)>,
    pub comps: HashMap<(u32, u32), u32>,
    words: Vec<String>,
    names: Vec<(u32, Vec<u16>)>,
    derived: Vec<(u32, u32, u8)>,
    pub aliases: HashMap<String, u32>,
    pub sequences: HashMap<String, Vec<u32>>,
    old: Vec<(u32, u32, Props)>,
    by_name: OnceLock<HashMap<String, u32>>,
}

struct Reader<'a> {
    d: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn bytes(&mut self, n: usize) -> &[u8] {
        let end = (self.at + n).min(self.d.len());
        let s = &self.d[self.at.min(end)..end];
        self.at = end;
        s
    }
    fn u8(&mut self) -> u8 {
        self.bytes(1).first().copied().unwrap_or(0)
    }
    fn u16(&mut self) -> u16 {
        let b = self.bytes(2);
        if b.len() < 2 {
            return 0;
        }
        u16::from_le_bytes([b[0], b[1]])
    }
    fn u32(&mut self) -> u32 {
        let b = self.bytes(4);
        if b.len() < 4 {
            return 0;
        }
        u32::from_le_bytes([b[0], b[1], b[2], b[3]])
    }
    fn f64(&mut self) -> f64 {
        let b = self.bytes(8);
        if b.len() < 8 {
            return 0.0;
        }
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        f64::from_le_bytes(a)
    }
    fn text(&mut self, n: usize) -> String {
        String::from_utf8_lossy(self.bytes(n)).into_owned()
    }
    fn count(&mut self) -> usize {
        self.u32() as usize
    }
}

static RAW: &[u8] = include_bytes!("ucd.bin");

fn decode() -> Ucd {
    let data = miniz_oxide::inflate::decompress_to_vec_zlib(RAW).unwrap_or_default();
    let mut r = Reader { d: &data, at: 4 };
    let vl = r.u8() as usize;
    let version = r.text(vl);
    let records = (0..r.count())
        .map(|_| {
            let b = r.bytes(5);
            let mut a = [0u8; 5];
            a[..b.len()].copy_from_slice(b);
            a
        })
        .collect();
    let runs = (0..r.count()).map(|_| (r.u32(), r.u16())).collect();
    let numerics = (0..r.count()).map(|_| (r.u32(), r.u8() as i8, r.u8() as i8, r.f64())).collect();
    let decomps = (0..r.count())
        .map(|_| {
            let cp = r.u32();
            let n = r.u8() as usize;
            (cp, r.text(n))
        })
        .collect();
    let comps = (0..r.count()).map(|_| ((r.u32(), r.u32()), r.u32())).collect();
    let words = (0..r.count())
        .map(|_| {
            let n = r.u8() as usize;
            r.text(n)
        })
        .collect();
    let names = (0..r.count())
        .map(|_| {
            let cp = r.u32();
            let n = r.u8() as usize;
            (cp, (0..n).map(|_| r.u16()).collect())
        })
        .collect();
    let derived = (0..r.count()).map(|_| (r.u32(), r.u32(), r.u8())).collect();
    let aliases = (0..r.count())
        .map(|_| {
            let n = r.u8() as usize;
            let name = r.text(n);
            (name, r.u32())
        })
        .collect();
    let sequences = (0..r.count())
        .map(|_| {
            let n = r.u8() as usize;
            let name = r.text(n);
            let k = r.u8() as usize;
            (name, (0..k).map(|_| r.u32()).collect())
        })
        .collect();
    let old = (0..r.count())
        .map(|_| {
            let (first, last) = (r.u32(), r.u32());
            let p = r.bytes(5).to_vec();
            let (decimal, digit, num) = (r.u8() as i8, r.u8() as i8, r.f64());
            let n = r.u8() as usize;
            let decomposition = r.text(n);
            let g = |i: usize| p.get(i).copied().unwrap_or(0);
            let props = Props {
                category: g(0),
                bidi: g(1),
                combining: g(2),
                eaw: g(3),
                mirrored: g(4),
                decimal,
                digit,
                numeric: if num.is_nan() { None } else { Some(num) },
                decomposition,
            };
            (first, last, props)
        })
        .collect();
    Ucd { version, records, runs, numerics, decomps, comps, words, names, derived, aliases, sequences, old, by_name: OnceLock::new() }
}

static UCD: OnceLock<Ucd> = OnceLock::new();

pub fn ucd() -> &'static Ucd {
    UCD.get_or_init(decode)
}

pub const S_BASE: u32 = 0xAC00;
pub const L_BASE: u32 = 0x1100;
pub const V_BASE: u32 = 0x1161;
pub const T_BASE: u32 = 0x11A7;
pub const L_COUNT: u32 = 19;
pub const V_COUNT: u32 = 21;
pub const T_COUNT: u32 = 28;
pub const N_COUNT: u32 = V_COUNT * T_COUNT;
pub const S_COUNT: u32 = L_COUNT * N_COUNT;

const JAMO_L: [&str; 19] = ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"];
const JAMO_V: [&str; 21] = ["A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"];
const JAMO_T: [&str; 28] = [
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H",
];

impl Ucd {
    /// The properties of `cp` in the current version, or in Unicode 3.2.0 (`old`).
    pub fn props(&self, cp: u32, old: bool) -> Props {
        if old {
            let i = self.old.partition_point(|e| e.0 <= cp);
            if i > 0 && self.old[i - 1].1 >= cp {
                return self.old[i - 1].2.clone();
            }
        }
        let i = self.runs.partition_point(|e| e.0 <= cp);
        let rec = if i > 0 { self.records.get(self.runs[i - 1].1 as usize).copied().unwrap_or([0; 5]) } else { [0; 5] };
        let (decimal, digit, numeric) = match self.numerics.binary_search_by_key(&cp, |e| e.0) {
            Ok(j) => (self.numerics[j].1, self.numerics[j].2, Some(self.numerics[j].3)),
            Err(_) => (-1, -1, None),
        };
        Props {
            category: rec[0],
            bidi: rec[1],
            combining: rec[2],
            eaw: rec[3],
            mirrored: rec[4],
            decimal,
            digit,
            numeric,
            decomposition: self.decomposition(cp).to_string(),
        }
    }

    pub fn decomposition(&self, cp: u32) -> &str {
        match self.decomps.binary_search_by_key(&cp, |e| e.0) {
            Ok(j) => &self.decomps[j].1,
            Err(_) => "",
        }
    }

    /// Whether `cp` was unassigned in Unicode 3.2.0 (and is assigned now).
    pub fn unassigned_in_3_2(&self, cp: u32) -> bool {
        let i = self.old.partition_point(|e| e.0 <= cp);
        i > 0 && self.old[i - 1].1 >= cp && self.old[i - 1].2.category == 0
    }

    pub fn combining(&self, cp: u32) -> u8 {
        let i = self.runs.partition_point(|e| e.0 <= cp);
        if i == 0 {
            return 0;
        }
        self.records.get(self.runs[i - 1].1 as usize).map(|r| r[2]).unwrap_or(0)
    }

    pub fn name(&self, cp: u32) -> Option<String> {
        if let Ok(j) = self.names.binary_search_by_key(&cp, |e| e.0) {
            let ws: Vec<&str> = self.names[j].1.iter().map(|&w| self.words.get(w as usize).map(|s| s.as_str()).unwrap_or("")).collect();
            return Some(ws.join(" "));
        }
        let i = self.derived.partition_point(|e| e.0 <= cp);
        if i > 0 && self.derived[i - 1].1 >= cp {
            let kind = self.derived[i - 1].2 as usize;
            if kind == 1 {
                let s = cp - S_BASE;
                let (l, v, t) = (s / N_COUNT, (s % N_COUNT) / T_COUNT, s % T_COUNT);
                return Some(format!("HANGUL SYLLABLE {}{}{}", JAMO_L[l as usize], JAMO_V[v as usize], JAMO_T[t as usize]));
            }
            return Some(format!("{}{cp:X}", DERIVED[kind]));
        }
        None
    }

    /// The code point of a name (`up`: upper-cased, `orig`: as given), including the
    /// derived names CPython's lookup accepts (the part after the prefix of a Hangul or
    /// CJK unified ideograph name is matched as given).
    pub fn code_of(&self, up: &str, orig: &str) -> Option<u32> {
        let map = self.by_name.get_or_init(|| {
            let mut m = HashMap::with_capacity(self.names.len());
            for (cp, ws) in &self.names {
                let n: Vec<&str> = ws.iter().map(|&w| self.words.get(w as usize).map(|s| s.as_str()).unwrap_or("")).collect();
                m.insert(n.join(" "), *cp);
            }
            m
        });
        if let Some(&cp) = map.get(up) {
            return Some(cp);
        }
        if up.starts_with("HANGUL SYLLABLE ") {
            return hangul_code(&orig[16..]);
        }
        // Tangut names are made by name() but not looked up
        for (kind, prefix) in DERIVED.iter().enumerate() {
            if matches!(kind, 1 | 2) {
                continue;
            }
            if up.starts_with(prefix) {
                let hex = if kind == 0 { &orig[prefix.len()..] } else { &up[prefix.len()..] };
                if hex.len() < 4 || hex.len() > 5 || !hex.chars().all(|c| c.is_ascii_digit() || ('A'..='F').contains(&c)) {
                    return None;
                }
                let cp = u32::from_str_radix(hex, 16).ok()?;
                let i = self.derived.partition_point(|e| e.0 <= cp);
                if i > 0 && self.derived[i - 1].1 >= cp && self.derived[i - 1].2 as usize == kind {
                    return Some(cp);
                }
                return None;
            }
        }
        None
    }
}

/// The syllable of a Hangul name such as "GAG" (longest jamo matches, as CPython).
fn hangul_code(rest: &str) -> Option<u32> {
    let take = |s: &str, table: &[&str]| -> Option<(usize, usize)> {
        let mut best: Option<(usize, usize)> = None;
        for (i, j) in table.iter().enumerate() {
            if s.starts_with(j) && best.map(|b| j.len() > b.1).unwrap_or(true) {
                best = Some((i, j.len()));
            }
        }
        best
    };
    let (l, n1) = take(rest, &JAMO_L)?;
    let (v, n2) = take(&rest[n1..], &JAMO_V)?;
    let (t, n3) = take(&rest[n1 + n2..], &JAMO_T)?;
    if n1 + n2 + n3 != rest.len() {
        return None;
    }
    Some(S_BASE + (l as u32 * V_COUNT + v as u32) * T_COUNT + t as u32)
}

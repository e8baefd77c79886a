//! The XML scanner: bytes in (in chunks of any size), events out, as Expat reports them.
//!
//! The unconsumed input is kept in `buf`; each step looks at one complete token (a tag, a
//! comment, a reference, a run of text) and either consumes it, reporting its events, or
//! says it needs more input. Text is reported as far as it is known (up to the end of the
//! input so far, never splitting a character or a CR LF), so chunked input gives the
//! callbacks Expat gives. Markup tokens are reported whole, once complete.

use std::collections::HashMap;

use super::chars::{is_space, name_byte, name_char, utf8_len, xml_char, Decoder};
use super::events::{code, Ev, Event, XmlError};

/// An entity declared in the internal subset.
#[derive(Clone, Debug)]
pub struct Entity {
    /// The replacement text of an internal entity (character references already replaced).
    pub value: Option<String>,
    pub sysid: Option<String>,
    pub pubid: Option<String>,
    pub notation: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    /// Before anything: a BOM or an XML declaration may come.
    Start,
    /// Before the root element.
    Prolog,
    /// Inside `[...]` of the DOCTYPE declaration.
    Subset,
    /// After the subset's `]`, before the `>` closing the DOCTYPE declaration.
    AfterSubset,
    Content,
    /// Inside `<![CDATA[ ... ]]>`.
    Cdata,
    /// After the root element.
    Epilog,
}

/// Where a token starts.
#[derive(Clone, Copy, Debug, Default)]
pub struct Pos {
    pub line: u64,
    pub col: u64,
    pub byte: u64,
    /// Input bytes per character of the encoding: 0 for UTF-8 (the scanner's own bytes),
    /// 1 for 8-bit encodings, 2 for UTF-16 (4 for characters above U+FFFF).
    pub unit: u8,
}

fn unit_of(d: &Decoder) -> u8 {
    match d {
        Decoder::Utf8 => 0,
        Decoder::Utf16 { .. } => 2,
        _ => 1,
    }
}

/// A step's outcome: consumed `n` bytes, or needs more input.
pub type Step = Result<Option<usize>, (u32, usize)>;

/// Expat's defaults for the billion laughs protection.
const AMP_ACTIVATION: u64 = 8 * 1024 * 1024;
const AMP_FACTOR: u64 = 100;

pub struct Scanner {
    pub(super) buf: Vec<u8>,
    pub(super) pos: usize,
    pub(super) at: Pos,
    pub state: State,
    pub(super) stack: Vec<String>,
    pub events: Vec<Event>,
    pub ents: HashMap<String, Entity>,
    pub pents: HashMap<String, Entity>,
    /// ATTLIST defaults by element: (attribute, default value).
    pub defaults: HashMap<String, Vec<(String, String)>>,
    /// The document has an external subset or parameter entity references: references to
    /// undeclared entities are skipped, not errors.
    pub has_external: bool,
    /// Internal entity references in content are expanded (false while a DefaultHandler,
    /// not DefaultHandlerExpand, is set: they go to it as text).
    pub expand: bool,
    /// Entities being expanded (recursion check).
    pub(super) open: Vec<String>,
    pub(super) direct: u64,
    pub(super) indirect: u64,
    decoder: Decoder,
    pending: Vec<u8>,
    /// The encoding was given by the caller: the XML declaration's does not change it.
    forced: bool,
    /// No input decoded yet (the BOM and the declared encoding are still to be seen).
    sniffing: bool,
    pub finished: bool,
    pub seen_root: bool,
    pub(super) seen_doctype: bool,
    /// Declarations are still processed (false after an unread parameter entity).
    pub(super) keep_processing: bool,
    /// The default handler's pieces between the internal subset's `]` and the `>`.
    pub(super) doctype_tail: Vec<String>,
    /// The element depth where the entity being expanded began.
    pub(super) floor: usize,
    /// standalone="yes" in the XML declaration.
    pub(super) standalone: bool,
    /// An encoding the XML declaration names that the scanner does not know itself.
    pub unknown_encoding: Option<String>,
    /// The decoder for `unknown_encoding`, once the caller made one.
    pub table: Option<Decoder>,
    /// A new decoder and where the raw input it applies to starts in `buf`.
    redecode: Option<(Decoder, usize)>,
}

impl Scanner {
    pub fn new(encoding: Option<Decoder>) -> Scanner {
        Scanner {
            buf: Vec::new(),
            pos: 0,
            at: Pos { line: 1, col: 0, byte: 0, unit: 0 },
            state: State::Start,
            stack: Vec::new(),
            events: Vec::new(),
            ents: HashMap::new(),
            pents: HashMap::new(),
            defaults: HashMap::new(),
            has_external: false,
            expand: true,
            open: Vec::new(),
            direct: 0,
            indirect: 0,
            forced: encoding.is_some(),
            decoder: encoding.unwrap_or(Decoder::Utf8),
            pending: Vec::new(),
            sniffing: true,
            finished: false,
            seen_root: false,
            seen_doctype: false,
            keep_processing: true,
            doctype_tail: Vec::new(),
            floor: 0,
            standalone: false,
            unknown_encoding: None,
            redecode: None,
            table: None,
        }
    }

    /// The position of the next unconsumed byte.
    pub fn position(&self) -> Pos {
        self.at
    }

    /// The input is UTF-8 whatever it declares (pyexpat's Parse of a str); only before
    /// the first input.
    pub fn force_utf8(&mut self) {
        if self.sniffing && self.pending.is_empty() {
            self.decoder = Decoder::Utf8;
            self.forced = true;
        }
    }

    /// Feeds input; events go to `self.events`. `Err` on a well-formedness error.
    pub fn feed(&mut self, input: &[u8], last: bool) -> Result<(), XmlError> {
        if self.finished {
            return Err(self.error_at(code::FINISHED, self.at));
        }
        if self.sniffing {
            self.pending.extend_from_slice(input);
            let p = std::mem::take(&mut self.pending);
            if p.len() < 4 && !last {
                self.pending = p;
                return Ok(());
            }
            self.sniffing = false;
            let mut start = 0;
            if p.starts_with(&[0xEF, 0xBB, 0xBF]) && matches!(self.decoder, Decoder::Utf8) {
                start = 3;
                self.at.byte = 3;
                self.at.col = 1;
            } else if !self.forced && (p.starts_with(&[0xFF, 0xFE]) || p.starts_with(&[0xFE, 0xFF])) {
                self.decoder = Decoder::Utf16 { big: p[0] == 0xFE };
                start = 2;
                self.at.byte = 2;
                self.at.col = 1;
            } else if !self.forced && p.starts_with(&[b'<', 0]) {
                self.decoder = Decoder::Utf16 { big: false };
            } else if !self.forced && p.starts_with(&[0, b'<']) {
                self.decoder = Decoder::Utf16 { big: true };
            } else if matches!(self.decoder, Decoder::Utf16 { .. }) && (p.starts_with(&[0xFF, 0xFE]) || p.starts_with(&[0xFE, 0xFF])) {
                start = 2;
                self.at.byte = 2;
                self.at.col = 1;
            }
            let d = self.decoder.clone();
            self.at.unit = unit_of(&d);
            d.decode(&mut self.pending, &p[start..], &mut self.buf);
        } else {
            let d = self.decoder.clone();
            d.decode(&mut self.pending, input, &mut self.buf);
        }
        let r = self.run(last);
        if self.pos > 0 && (self.pos > 4096 || self.pos == self.buf.len()) {
            self.buf.drain(..self.pos);
            self.pos = 0;
        }
        if r.is_ok() && last {
            self.finished = true;
        }
        r
    }

    pub(super) fn error_at(&self, code: u32, p: Pos) -> XmlError {
        XmlError { code, line: p.line, col: p.col, byte: p.byte as i64 }
    }

    /// The position `n` bytes after the current one (within the unconsumed input).
    pub(super) fn pos_after(&self, n: usize) -> Pos {
        let mut p = self.at;
        let end = (self.pos + n).min(self.buf.len());
        advance_pos(&mut p, &self.buf[self.pos..end], self.buf.get(end).copied());
        p
    }

    fn consume(&mut self, n: usize) {
        let end = (self.pos + n).min(self.buf.len());
        let next = self.buf.get(end).copied();
        advance_pos(&mut self.at, &self.buf[self.pos..end], next);
        self.direct += (end - self.pos) as u64;
        self.pos = end;
    }

    pub(super) fn push(&mut self, ev: Ev, raw: Vec<String>, p: Pos) {
        self.events.push(Event { ev, raw, line: p.line, col: p.col, byte: p.byte });
    }

    fn run(&mut self, last: bool) -> Result<(), XmlError> {
        loop {
            let here = self.at;
            let buf = std::mem::take(&mut self.buf);
            let s = &buf[self.pos..];
            let r = match self.state {
                State::Start | State::Prolog | State::Epilog => self.prolog_step(s, last, here),
                State::Subset | State::AfterSubset => self.subset_step(s, last, here),
                State::Content => self.content_step(s, last, here, false),
                State::Cdata => self.cdata_step(s, last, here),
            };
            let empty = s.is_empty();
            self.buf = buf;
            if let Ok(Some(n)) = r {
                self.consume(n);
                self.apply_redecode();
                continue;
            }
            match r {
                Ok(Some(n)) => self.consume(n),
                Ok(None) => {
                    if !last {
                        return Ok(());
                    }
                    return self.at_end(empty);
                }
                Err((c, off)) => {
                    let p = if off == usize::MAX { here } else { self.pos_after(off) };
                    return Err(self.error_at(c, p));
                }
            }
        }
    }

    /// The input ended where a step needed more: fine after the root element, else
    /// Expat's error for what was left open.
    fn at_end(&mut self, empty: bool) -> Result<(), XmlError> {
        if !self.pending.is_empty() {
            return Err(self.error_at(code::PARTIAL_CHAR, self.at));
        }
        let rest = &self.buf[self.pos..];
        if self.state == State::Cdata {
            return Err(self.error_at(code::UNCLOSED_CDATA_SECTION, self.pos_after(rest.len())));
        }
        if empty || self.state == State::Epilog && rest.iter().all(|&b| is_space(b)) {
            if self.state == State::Epilog {
                return Ok(());
            }
            let mut e = self.error_at(code::NO_ELEMENTS, self.at);
            if self.at.byte == 0 && self.direct == 0 {
                e.byte = -1;
            }
            return Err(e);
        }
        if self.state == State::Cdata {
            return Err(self.error_at(code::UNCLOSED_CDATA_SECTION, self.pos_after(rest.len())));
        }
        let l = utf8_len(rest[0]);
        if l > 1 && rest.len() < l {
            return Err(self.error_at(code::PARTIAL_CHAR, self.at));
        }
        if self.state == State::Content && !matches!(rest[0], b'<' | b'&') {
            return Err(self.error_at(code::NO_ELEMENTS, self.pos_after(rest.len())));
        }
        Err(self.error_at(code::UNCLOSED_TOKEN, self.at))
    }

    // ---- the prolog and the epilog ----

    fn prolog_step(&mut self, s: &[u8], last: bool, here: Pos) -> Step {
        let first = self.state == State::Start;
        if s.is_empty() {
            return Ok(None);
        }
        if first {
            if s.len() < 6 && b"<?xml ".starts_with(s) && !last {
                return Ok(None);
            }
            if s.starts_with(b"<?xml") && s.len() > 5 && is_space(s[5]) {
                let r = self.xml_decl(s, here);
                if matches!(r, Ok(Some(_))) {
                    self.state = State::Prolog;
                }
                return r;
            }
            self.state = State::Prolog;
        }
        let epilog = self.state == State::Epilog;
        if is_space(s[0]) {
            let n = s.iter().position(|&b| !is_space(b)).unwrap_or(s.len());
            if n == s.len() && !last {
                // the run may go on: report what is known, but keep a trailing CR
                let k = if s[n - 1] == b'\r' { n - 1 } else { n };
                if k == 0 {
                    return Ok(None);
                }
                self.push(Ev::Default(text(&s[..k])), vec![], here);
                return Ok(Some(k));
            }
            self.push(Ev::Default(text(&s[..n])), vec![], here);
            return Ok(Some(n));
        }
        if s[0] != b'<' {
            if epilog {
                return Err((code::JUNK_AFTER_DOC_ELEMENT, 0));
            }
            return Err((code::SYNTAX, 0));
        }
        if s.len() < 2 {
            return Ok(None);
        }
        match s[1] {
            b'?' => self.pi(s, here),
            b'!' => {
                if s.len() < 4 && !last {
                    return Ok(None);
                }
                if s.starts_with(b"<!--") {
                    return self.comment(s, here);
                }
                if s.len() < 9 && b"<!DOCTYPE".starts_with(s) {
                    return Ok(None);
                }
                if s.starts_with(b"<!DOCTYPE") && !epilog && !self.seen_doctype {
                    return self.doctype(s, last, here);
                }
                if epilog {
                    return Err((code::JUNK_AFTER_DOC_ELEMENT, 0));
                }
                Err((code::SYNTAX, 0))
            }
            _ => {
                if epilog {
                    return Err((code::JUNK_AFTER_DOC_ELEMENT, 0));
                }
                self.state = State::Content;
                self.seen_root = true;
                self.content_step(s, last, here, false)
            }
        }
    }

    /// `<?xml version=... encoding=... standalone=...?>` at the very start.
    fn xml_decl(&mut self, s: &[u8], here: Pos) -> Step {
        let Some(end) = find(s, b"?>") else { return Ok(None) };
        let body = &s[5..end];
        let mut i = 0;
        let mut vals: Vec<(String, String, usize)> = Vec::new();
        loop {
            let ws = body[i..].iter().take_while(|&&b| is_space(b)).count();
            i += ws;
            if i >= body.len() {
                break;
            }
            if ws == 0 {
                return Err((code::XML_DECL, 5 + i));
            }
            let ns = i;
            while i < body.len() && name_byte(body[i]) {
                i += 1;
            }
            let name = text(&body[ns..i]);
            while i < body.len() && is_space(body[i]) {
                i += 1;
            }
            if body.get(i) != Some(&b'=') {
                return Err((code::XML_DECL, 5 + i));
            }
            i += 1;
            while i < body.len() && is_space(body[i]) {
                i += 1;
            }
            let q = match body.get(i) {
                Some(&q) if q == b'"' || q == b'\'' => q,
                _ => return Err((code::XML_DECL, 5 + i)),
            };
            let vs = i + 1;
            let Some(ve) = body[vs..].iter().position(|&b| b == q) else { return Err((code::XML_DECL, 5 + i)) };
            vals.push((name, text(&body[vs..vs + ve]), 5 + vs));
            i = vs + ve + 1;
        }
        let mut version = None;
        let mut encoding = None;
        let mut standalone = -1;
        for (k, (name, v, at)) in vals.iter().enumerate() {
            match (name.as_str(), k) {
                ("version", 0) => version = Some(v.clone()),
                ("encoding", 1) | ("encoding", 0) if k == 1 || version.is_some() => encoding = Some(v.clone()),
                ("standalone", _) if version.is_some() => {
                    standalone = match v.as_str() {
                        "yes" => {
                            self.standalone = true;
                            1
                        }
                        "no" => 0,
                        _ => return Err((code::XML_DECL, *at)),
                    }
                }
                _ => return Err((code::XML_DECL, *at)),
            }
        }
        if version.is_none() {
            return Err((code::XML_DECL, 5));
        }
        if let (Some(e), false) = (&encoding, self.forced) {
            match Decoder::for_name(e).or_else(|| self.table.clone()) {
                Some(d) => self.switch_decoder(d, end + 2),
                None => {
                    self.unknown_encoding = Some(e.clone());
                    return Err((code::UNKNOWN_ENCODING, usize::MAX));
                }
            }
        }
        self.push(Ev::XmlDecl { version, encoding, standalone }, vec![text(&s[..end + 2])], here);
        Ok(Some(end + 2))
    }

    /// The declared encoding is not UTF-8: the input after the declaration (still raw)
    /// is decoded again.
    fn switch_decoder(&mut self, d: Decoder, decl_len: usize) {
        if d == self.decoder || matches!((&d, &self.decoder), (Decoder::Utf16 { .. }, Decoder::Utf16 { .. })) {
            return;
        }
        let cut = self.pos + decl_len;
        // `buf` is taken out while a step runs: keep the raw tail to re-decode after
        self.redecode = Some((d, cut));
    }

    /// Applies a pending change of decoder (the buffer is back in place).
    pub(super) fn apply_redecode(&mut self) {
        if let Some((d, cut)) = self.redecode.take() {
            let raw: Vec<u8> = self.buf.split_off(cut.min(self.buf.len()));
            let mut out = Vec::new();
            d.decode(&mut self.pending, &raw, &mut out);
            self.buf.extend_from_slice(&out);
            self.at.unit = unit_of(&d);
            self.decoder = d;
        }
    }

    /// `<?target data?>`.
    pub(super) fn pi(&mut self, s: &[u8], here: Pos) -> Step {
        let mut i = 2;
        let (name, n) = match scan_name(s, i)? {
            Some(x) => x,
            None => return Ok(None),
        };
        i = n;
        if name.eq_ignore_ascii_case("xml") {
            return Err((code::MISPLACED_XML_PI, 0));
        }
        if s.len() <= i {
            return Ok(None);
        }
        let data_start;
        if s[i..].starts_with(b"?>") {
            self.push(Ev::Pi { target: name, data: String::new() }, vec![text(&s[..i + 2])], here);
            return Ok(Some(i + 2));
        } else if is_space(s[i]) {
            while i < s.len() && is_space(s[i]) {
                i += 1;
            }
            data_start = i;
        } else {
            return Err((code::INVALID_TOKEN, i));
        }
        let Some(e) = find(&s[data_start..], b"?>") else {
            check_chars(&s[data_start..])?;
            return Ok(None);
        };
        let body = &s[data_start..data_start + e];
        check_chars(body).map_err(|(c, o)| (c, o + data_start))?;
        let end = data_start + e + 2;
        self.push(Ev::Pi { target: name, data: normalize_newlines(&text(body)) }, vec![text(&s[..end])], here);
        Ok(Some(end))
    }

    /// `<!-- ... -->`.
    pub(super) fn comment(&mut self, s: &[u8], here: Pos) -> Step {
        let Some(k) = find(&s[4..], b"--") else {
            check_chars(&s[4..]).map_err(|(c, o)| (c, o + 4))?;
            return Ok(None);
        };
        let at = 4 + k;
        let body = &s[4..at];
        check_chars(body).map_err(|(c, o)| (c, o + 4))?;
        if s.len() < at + 3 {
            return Ok(None);
        }
        if s[at + 2] != b'>' {
            return Err((code::INVALID_TOKEN, at + 2));
        }
        self.push(Ev::Comment(normalize_newlines(&text(body))), vec![text(&s[..at + 3])], here);
        Ok(Some(at + 3))
    }
}

/// Moves a position over `bytes` (CR LF and CR count as one line end).
pub fn advance_pos(p: &mut Pos, bytes: &[u8], next: Option<u8>) {
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        p.byte += match p.unit {
            0 => 1,
            1 => (b & 0xC0 != 0x80) as u64,
            _ if b & 0xC0 == 0x80 => 0,
            _ if b >= 0xF0 => 4,
            _ => 2,
        };
        if b == b'\n' {
            p.line += 1;
            p.col = 0;
        } else if b == b'\r' {
            if bytes.get(i + 1).copied().or(if i + 1 == bytes.len() { next } else { None }) == Some(b'\n') {
                // the LF that follows ends the line
            } else {
                p.line += 1;
                p.col = 0;
            }
        } else if b & 0xC0 != 0x80 {
            p.col += 1;
        }
        i += 1;
    }
}

/// The position `off` bytes into `s`, which starts at `here`.
pub fn pos_in(here: Pos, s: &[u8], off: usize) -> Pos {
    let mut p = here;
    let off = off.min(s.len());
    advance_pos(&mut p, &s[..off], s.get(off).copied());
    p
}

pub fn find(s: &[u8], pat: &[u8]) -> Option<usize> {
    s.windows(pat.len()).position(|w| w == pat)
}

pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// CR LF and lone CR become LF, as the XML spec's end-of-line handling says.
pub fn normalize_newlines(s: &str) -> String {
    if !s.contains('\r') {
        return s.to_string();
    }
    s.replace("\r\n", "\n").replace('\r', "\n")
}

/// Checks that `s` holds only XML characters in valid UTF-8 (a partial character at the
/// end is left for more input).
pub fn check_chars(s: &[u8]) -> Result<(), (u32, usize)> {
    let mut i = 0;
    while i < s.len() {
        let b = s[i];
        if b < 0x80 {
            if !xml_char(b as u32) {
                return Err((code::INVALID_TOKEN, i));
            }
            i += 1;
            continue;
        }
        let l = utf8_len(b);
        if l == 0 {
            return Err((code::INVALID_TOKEN, i));
        }
        if i + l > s.len() {
            if s[i + 1..].iter().all(|&c| c & 0xC0 == 0x80) {
                return Ok(());
            }
            return Err((code::INVALID_TOKEN, i));
        }
        match std::str::from_utf8(&s[i..i + l]) {
            Ok(c) => {
                let cp = c.chars().next().map(|c| c as u32).unwrap_or(0);
                if !xml_char(cp) {
                    return Err((code::INVALID_TOKEN, i));
                }
            }
            Err(_) => return Err((code::INVALID_TOKEN, i)),
        }
        i += l;
    }
    Ok(())
}

/// A name starting at `s[i]`: the name and the index after it; None when the input ends
/// inside it; an invalid token error at a character that cannot start it.
pub fn scan_name(s: &[u8], start: usize) -> Result<Option<(String, usize)>, (u32, usize)> {
    let mut i = start;
    loop {
        if i >= s.len() {
            return Ok(None);
        }
        let b = s[i];
        let first = i == start;
        if b < 0x80 {
            let ok = if first { super::chars::name_start_byte(b) } else { name_byte(b) };
            if !ok {
                if first {
                    return Err((code::INVALID_TOKEN, i));
                }
                return Ok(Some((text(&s[start..i]), i)));
            }
            i += 1;
            continue;
        }
        let l = utf8_len(b);
        if l == 0 {
            return Err((code::INVALID_TOKEN, i));
        }
        if i + l > s.len() {
            return Ok(None);
        }
        let Ok(c) = std::str::from_utf8(&s[i..i + l]) else { return Err((code::INVALID_TOKEN, i)) };
        let ch = c.chars().next().unwrap_or('\0');
        if !name_char(ch, first) {
            if first {
                return Err((code::INVALID_TOKEN, i));
            }
            return Ok(Some((text(&s[start..i]), i)));
        }
        i += l;
    }
}

impl Scanner {
    /// Counts `n` bytes of entity replacement text; the amplification error when the
    /// document has grown past Expat's limits.
    pub(super) fn amplify(&mut self, n: usize) -> Result<(), (u32, usize)> {
        self.indirect += n as u64;
        let direct = self.direct.max(1);
        let total = direct + self.indirect;
        if total >= AMP_ACTIVATION && total / direct > AMP_FACTOR {
            return Err((code::AMPLIFICATION_LIMIT_BREACH, usize::MAX));
        }
        Ok(())
    }
}

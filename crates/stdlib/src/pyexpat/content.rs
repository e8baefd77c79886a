//! Element content: tags, text, references, CDATA sections, and the expansion of internal
//! entities (their replacement text is parsed as content, as Expat does).

use super::chars::{is_space, push_char, utf8_len};
use super::events::{code, Ev};
use super::scan::{check_chars, find, normalize_newlines, scan_name, text, Pos, Scanner, State, Step};

/// Nested entity expansions allowed before a reference is refused as recursive.
const MAX_DEPTH: usize = 1000;

impl Scanner {
    /// One token of content. `in_entity`: `s` is an entity's replacement text (complete,
    /// positions are the reference's).
    pub(super) fn content_step(&mut self, s: &[u8], last: bool, here: Pos, in_entity: bool) -> Step {
        if s.is_empty() {
            return Ok(None);
        }
        match s[0] {
            b'<' => {
                if s.len() < 2 {
                    return Ok(None);
                }
                match s[1] {
                    b'/' => self.end_tag(s, here, in_entity),
                    b'?' => self.pi(s, here),
                    b'!' => {
                        if s.len() < 9 && (b"<![CDATA[".starts_with(s) || b"<!--".starts_with(&s[..s.len().min(4)])) && !last {
                            return Ok(None);
                        }
                        if s.starts_with(b"<!--") {
                            self.comment(s, here)
                        } else if s.starts_with(b"<![CDATA[") {
                            if in_entity {
                                return self.cdata(s, here);
                            }
                            self.push(Ev::CdataStart, vec!["<![CDATA[".into()], here);
                            self.state = State::Cdata;
                            Ok(Some(9))
                        } else {
                            Err((code::INVALID_TOKEN, 2))
                        }
                    }
                    _ => self.start_tag(s, here),
                }
            }
            b'&' => self.reference(s, here, in_entity),
            _ => self.char_data(s, last || in_entity, here),
        }
    }

    /// A run of text up to markup; each line end is reported by itself as "\n".
    fn char_data(&mut self, s: &[u8], last: bool, here: Pos) -> Step {
        if s[0] == b'\n' || s[0] == b'\r' {
            if s[0] == b'\r' {
                if s.len() < 2 && !last {
                    return Ok(None);
                }
                let n = if s.get(1) == Some(&b'\n') { 2 } else { 1 };
                self.push(Ev::Data("\n".into()), vec![text(&s[..n])], here);
                return Ok(Some(n));
            }
            self.push(Ev::Data("\n".into()), vec!["\n".into()], here);
            return Ok(Some(1));
        }
        let mut i = 0;
        while i < s.len() {
            let b = s[i];
            if b == b'<' || b == b'&' || b == b'\n' || b == b'\r' {
                break;
            }
            if b == b']' && s[i..].starts_with(b"]]>") {
                return Err((code::INVALID_TOKEN, i + 2));
            }
            if b == b']' && !last && s.len() - i < 3 && b"]]>".starts_with(&s[i..]) {
                break;
            }
            if b < 0x80 {
                if b < 0x20 && b != b'\t' {
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
                if !s[i + 1..].iter().all(|&c| c & 0xC0 == 0x80) {
                    return Err((code::INVALID_TOKEN, i));
                }
                break;
            }
            check_chars(&s[i..i + l]).map_err(|(c, o)| (c, o + i))?;
            i += l;
        }
        if i == 0 {
            return Ok(None);
        }
        let t = text(&s[..i]);
        self.push(Ev::Data(t.clone()), vec![t], here);
        Ok(Some(i))
    }

    /// `<![CDATA[ ... ]]>`: start, the text (line ends reported apart), end.
    fn cdata(&mut self, s: &[u8], here: Pos) -> Step {
        let Some(k) = find(&s[9..], b"]]>") else {
            check_chars(&s[9..]).map_err(|(c, o)| (c, o + 9))?;
            return Ok(None);
        };
        let body = &s[9..9 + k];
        check_chars(body).map_err(|(c, o)| (c, o + 9))?;
        self.push(Ev::CdataStart, vec!["<![CDATA[".into()], here);
        let mut start = 0;
        let mut i = 0;
        let flush = |sc: &mut Scanner, a: usize, b: usize| {
            if b > a {
                let t = text(&body[a..b]);
                sc.push(Ev::Data(t.clone()), vec![t], here);
            }
        };
        while i < body.len() {
            if body[i] == b'\n' || body[i] == b'\r' {
                flush(self, start, i);
                let n = if body[i] == b'\r' && body.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                self.push(Ev::Data("\n".into()), vec![text(&body[i..i + n])], here);
                i += n;
                start = i;
            } else {
                i += 1;
            }
        }
        flush(self, start, body.len());
        self.push(Ev::CdataEnd, vec!["]]>".into()], here);
        Ok(Some(9 + k + 3))
    }

    /// Text of a CDATA section as far as it is known, a line end, or the closing `]]>`.
    pub(super) fn cdata_step(&mut self, s: &[u8], last: bool, here: Pos) -> Step {
        if s.is_empty() {
            return Ok(None);
        }
        if s.starts_with(b"]]>") {
            self.push(Ev::CdataEnd, vec!["]]>".into()], here);
            self.state = State::Content;
            return Ok(Some(3));
        }
        if s[0] == b'\r' || s[0] == b'\n' {
            if s[0] == b'\r' && s.len() < 2 && !last {
                return Ok(None);
            }
            let n = if s[0] == b'\r' && s.get(1) == Some(&b'\n') { 2 } else { 1 };
            self.push(Ev::Data("\n".into()), vec![text(&s[..n])], here);
            return Ok(Some(n));
        }
        let mut i = 0;
        while i < s.len() {
            let b = s[i];
            if b == b'\n' || b == b'\r' || (b == b']' && s[i..].starts_with(b"]]>")) {
                break;
            }
            if b == b']' && s.len() - i < 3 && b"]]>".starts_with(&s[i..]) {
                break;
            }
            i += 1;
        }
        // a character split by the end of the input waits for the rest
        let mut k = i;
        if i == s.len() {
            let back = s[..i].iter().rev().take_while(|&&c| c & 0xC0 == 0x80).count();
            if back < i && utf8_len(s[i - back - 1]) > back + 1 {
                k = i - back - 1;
            }
        }
        check_chars(&s[..k])?;
        if k == 0 {
            return Ok(None);
        }
        let t = text(&s[..k]);
        self.push(Ev::Data(t.clone()), vec![t], here);
        Ok(Some(k))
    }

    /// `</name S? >`.
    fn end_tag(&mut self, s: &[u8], here: Pos, in_entity: bool) -> Step {
        let Some((name, mut i)) = scan_name(s, 2)? else { return Ok(None) };
        while i < s.len() && is_space(s[i]) {
            i += 1;
        }
        if i >= s.len() {
            return Ok(None);
        }
        if s[i] != b'>' {
            return Err((code::INVALID_TOKEN, i));
        }
        if self.stack.len() <= self.entity_floor(in_entity) {
            return Err((code::ASYNC_ENTITY, usize::MAX));
        }
        if self.stack.last() != Some(&name) {
            return Err((code::TAG_MISMATCH, if in_entity { usize::MAX } else { 2 }));
        }
        self.stack.pop();
        self.push(Ev::End { name }, vec![text(&s[..i + 1])], here);
        if self.stack.is_empty() && !in_entity {
            self.state = State::Epilog;
        }
        Ok(Some(i + 1))
    }

    fn entity_floor(&self, in_entity: bool) -> usize {
        if in_entity {
            self.floor
        } else {
            0
        }
    }

    /// `<name (S attr S? = S? value)* S? /?>`.
    fn start_tag(&mut self, s: &[u8], here: Pos) -> Step {
        let Some((name, mut i)) = scan_name(s, 1)? else { return Ok(None) };
        let mut attrs: Vec<(String, String)> = Vec::new();
        let empty;
        loop {
            let ws = s[i..].iter().take_while(|&&b| is_space(b)).count();
            i += ws;
            if i >= s.len() {
                return Ok(None);
            }
            if s[i] == b'>' {
                empty = false;
                i += 1;
                break;
            }
            if s[i] == b'/' {
                if i + 1 >= s.len() {
                    return Ok(None);
                }
                if s[i + 1] != b'>' {
                    return Err((code::INVALID_TOKEN, i + 1));
                }
                empty = true;
                i += 2;
                break;
            }
            if ws == 0 {
                return Err((code::INVALID_TOKEN, i));
            }
            let an = i;
            let Some((aname, j)) = scan_name(s, i)? else { return Ok(None) };
            i = j;
            while i < s.len() && is_space(s[i]) {
                i += 1;
            }
            if i >= s.len() {
                return Ok(None);
            }
            if s[i] != b'=' {
                return Err((code::INVALID_TOKEN, i));
            }
            i += 1;
            while i < s.len() && is_space(s[i]) {
                i += 1;
            }
            if i >= s.len() {
                return Ok(None);
            }
            let q = s[i];
            if q != b'"' && q != b'\'' {
                return Err((code::INVALID_TOKEN, i));
            }
            let vs = i + 1;
            let Some(ve) = s[vs..].iter().position(|&b| b == q) else {
                check_attr_bytes(&s[vs..]).map_err(|(c, o)| (c, o + vs))?;
                return Ok(None);
            };
            let raw = &s[vs..vs + ve];
            check_attr_bytes(raw).map_err(|(c, o)| (c, o + vs))?;
            if attrs.iter().any(|(n, _)| *n == aname) {
                return Err((code::DUPLICATE_ATTRIBUTE, an));
            }
            let v = self.attr_value(raw, vs)?;
            attrs.push((aname, v));
            i = vs + ve + 1;
        }
        let nspec = attrs.len();
        if let Some(d) = self.defaults.get(&name) {
            for (a, v) in d {
                if !attrs.iter().any(|(n, _)| n == a) {
                    attrs.push((a.clone(), v.clone()));
                }
            }
        }
        let raw = text(&s[..i]);
        self.push(Ev::Start { name: name.clone(), attrs, nspec }, vec![raw], here);
        if empty {
            let end = super::scan::pos_in(here, s, i);
            self.push(Ev::End { name }, vec![], end);
            if self.stack.is_empty() && self.open.is_empty() {
                self.state = State::Epilog;
            }
        } else {
            self.stack.push(name);
        }
        Ok(Some(i))
    }

    /// An attribute value's text: references replaced, white space characters become
    /// spaces. `off`: where `raw` is in the token (for error positions).
    pub(super) fn attr_value(&mut self, raw: &[u8], off: usize) -> Result<String, (u32, usize)> {
        let mut out: Vec<u8> = Vec::with_capacity(raw.len());
        let mut i = 0;
        while i < raw.len() {
            let b = raw[i];
            match b {
                b'&' => {
                    let (r, n) = parse_ref(raw, i)?.ok_or((code::INVALID_TOKEN, off + raw.len()))?;
                    match r {
                        Ref::Char(c) => push_char(&mut out, c),
                        Ref::Named(name) => {
                            if let Some(c) = predefined(&name) {
                                out.push(c);
                            } else {
                                self.attr_entity(&name, &mut out).map_err(|(c, o)| (c, if o == usize::MAX { off + i } else { o }))?;
                            }
                        }
                    }
                    i += n;
                    continue;
                }
                b'\r' => {
                    out.push(b' ');
                    if raw.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                }
                b'\n' | b'\t' => out.push(b' '),
                _ => out.push(b),
            }
            i += 1;
        }
        Ok(text(&out))
    }

    /// The replacement text of entity `name` in an attribute value.
    fn attr_entity(&mut self, name: &str, out: &mut Vec<u8>) -> Result<(), (u32, usize)> {
        let Some(e) = self.ents.get(name).cloned() else {
            if self.has_external && !self.standalone {
                return Ok(());
            }
            return Err((code::UNDEFINED_ENTITY, usize::MAX));
        };
        let Some(v) = e.value else { return Err((code::ATTRIBUTE_EXTERNAL_ENTITY_REF, usize::MAX)) };
        if self.open.iter().any(|n| n == name) || self.open.len() > MAX_DEPTH {
            return Err((code::RECURSIVE_ENTITY_REF, usize::MAX));
        }
        self.amplify(v.len())?;
        if v.as_bytes().contains(&b'<') {
            return Err((code::INVALID_TOKEN, usize::MAX));
        }
        self.open.push(name.to_string());
        let r = self.attr_value(v.as_bytes(), 0).map_err(|(c, _)| (c, usize::MAX));
        self.open.pop();
        out.extend_from_slice(r?.as_bytes());
        Ok(())
    }

    /// `&name;` or `&#N;` / `&#xN;` in content.
    fn reference(&mut self, s: &[u8], here: Pos, in_entity: bool) -> Step {
        let Some((r, n)) = parse_ref(s, 0)? else { return Ok(None) };
        let raw = text(&s[..n]);
        match r {
            Ref::Char(c) => {
                let mut b = Vec::new();
                push_char(&mut b, c);
                self.push(Ev::Data(text(&b)), vec![raw], here);
            }
            Ref::Named(name) => {
                if let Some(c) = predefined(&name) {
                    self.push(Ev::Data((c as char).to_string()), vec![raw], here);
                    return Ok(Some(n));
                }
                let Some(e) = self.ents.get(&name).cloned() else {
                    if self.has_external && !self.standalone {
                        self.push(Ev::Skipped { name, param: false }, vec![raw], here);
                        return Ok(Some(n));
                    }
                    return Err((code::UNDEFINED_ENTITY, 0));
                };
                if e.notation.is_some() {
                    return Err((code::BINARY_ENTITY_REF, 0));
                }
                let Some(v) = e.value else {
                    self.push(Ev::ExternalRef { name, sysid: e.sysid, pubid: e.pubid }, vec![raw], here);
                    return Ok(Some(n));
                };
                if !self.expand {
                    self.push(Ev::Default(raw.clone()), vec![raw], here);
                    return Ok(Some(n));
                }
                if self.open.iter().any(|o| *o == name) || self.open.len() > MAX_DEPTH {
                    return Err((code::RECURSIVE_ENTITY_REF, if in_entity { usize::MAX } else { 0 }));
                }
                self.amplify(v.len()).map_err(|(c, _)| (c, if in_entity { usize::MAX } else { 0 }))?;
                self.expand_entity(&name, v.as_bytes(), here).map_err(|(c, _)| (c, if in_entity { usize::MAX } else { 0 }))?;
            }
        }
        Ok(Some(n))
    }

    /// Parses an entity's replacement text as content.
    fn expand_entity(&mut self, name: &str, v: &[u8], here: Pos) -> Result<(), (u32, usize)> {
        let floor = self.floor;
        self.floor = self.stack.len();
        self.open.push(name.to_string());
        let mut i = 0;
        let r = loop {
            if i >= v.len() {
                break if self.stack.len() != self.floor { Err((code::ASYNC_ENTITY, 0)) } else { Ok(()) };
            }
            match self.content_step(&v[i..], true, here, true) {
                Ok(Some(n)) => i += n,
                Ok(None) => break Err((code::UNCLOSED_TOKEN, 0)),
                Err(e) => break Err(e),
            }
        };
        self.open.pop();
        self.floor = floor;
        r
    }
}

/// A reference: a character number or an entity name.
pub enum Ref {
    Char(u32),
    Named(String),
}

/// The entity of a predefined name.
pub fn predefined(name: &str) -> Option<u8> {
    Some(match name {
        "amp" => b'&',
        "lt" => b'<',
        "gt" => b'>',
        "apos" => b'\'',
        "quot" => b'"',
        _ => return None,
    })
}

/// Parses `&...;` at `s[i]`: the reference and its length; None when the input ends
/// inside it.
pub fn parse_ref(s: &[u8], i: usize) -> Result<Option<(Ref, usize)>, (u32, usize)> {
    if i + 1 >= s.len() {
        return Ok(None);
    }
    if s[i + 1] == b'#' {
        let hex = s.get(i + 2) == Some(&b'x');
        let start = if hex { i + 3 } else { i + 2 };
        let mut j = start;
        let mut v: u64 = 0;
        loop {
            let Some(&b) = s.get(j) else { return Ok(None) };
            if b == b';' && j > start {
                break;
            }
            let d = match b {
                b'0'..=b'9' => (b - b'0') as u64,
                b'a'..=b'f' if hex => (b - b'a' + 10) as u64,
                b'A'..=b'F' if hex => (b - b'A' + 10) as u64,
                _ => return Err((code::INVALID_TOKEN, j)),
            };
            v = (v * if hex { 16 } else { 10 } + d).min(0x110000);
            j += 1;
        }
        if v > 0x10FFFF || !super::chars::xml_char(v as u32) {
            return Err((code::BAD_CHAR_REF, i));
        }
        return Ok(Some((Ref::Char(v as u32), j + 1 - i)));
    }
    let Some((name, j)) = scan_name(s, i + 1)? else { return Ok(None) };
    if s[j] != b';' {
        return Err((code::INVALID_TOKEN, j));
    }
    Ok(Some((Ref::Named(name), j + 1 - i)))
}

/// Bytes an attribute value may not hold: `<` and non-characters.
fn check_attr_bytes(v: &[u8]) -> Result<(), (u32, usize)> {
    if let Some(k) = v.iter().position(|&b| b == b'<') {
        check_chars(&v[..k])?;
        return Err((code::INVALID_TOKEN, k));
    }
    check_chars(v)
}

/// Normalises an entity value's line ends (used by the DTD).
pub fn entity_text(v: &str) -> String {
    normalize_newlines(v)
}

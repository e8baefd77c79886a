//! The DOCTYPE declaration and its internal subset: entity, notation, element and
//! attribute-list declarations, reported as Expat reports them. External subsets and
//! external entities are never read.

use super::chars::{is_space, name_byte, push_char};
use super::content::{entity_text, parse_ref, Ref};
use super::events::{code, Ev, Model};
use super::scan::{check_chars, pos_in, scan_name, text, Entity, Pos, Scanner, State, Step};

/// One token of a markup declaration.
#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Space,
    /// A name, keyword or `#KEYWORD`.
    Word(String),
    /// A quoted literal (the quotes removed).
    Lit(String),
    /// `(`, `)`, `|`, `,`, `?`, `*`, `+`, `%`.
    Punct(u8),
}

/// Splits a declaration (from after `<!` up to, not including, its `>`) into tokens, each
/// with its source text; `Err(offset)` at a character no token starts with.
fn tokens(s: &[u8], from: usize) -> Result<Vec<(Tok, String, usize)>, usize> {
    let mut out = Vec::new();
    let mut i = from;
    while i < s.len() {
        let b = s[i];
        let st = i;
        if is_space(b) {
            while i < s.len() && is_space(s[i]) {
                i += 1;
            }
            out.push((Tok::Space, text(&s[st..i]), st));
        } else if b == b'"' || b == b'\'' {
            let Some(k) = s[i + 1..].iter().position(|&c| c == b) else { return Err(i) };
            i += k + 2;
            out.push((Tok::Lit(text(&s[st + 1..i - 1])), text(&s[st..i]), st));
        } else if b"()|,?*+%".contains(&b) {
            i += 1;
            out.push((Tok::Punct(b), text(&s[st..i]), st));
        } else if name_byte(b) || b == b'#' {
            i += 1;
            while i < s.len() && name_byte(s[i]) {
                i += 1;
            }
            out.push((Tok::Word(text(&s[st..i])), text(&s[st..i]), st));
        } else {
            return Err(i);
        }
    }
    Ok(out)
}

/// The end of a declaration starting at `s[0]` (`<!...`): the index of its `>`, outside
/// quoted literals; None when the input ends first.
fn decl_end(s: &[u8]) -> Option<usize> {
    let mut q = 0u8;
    for (i, &b) in s.iter().enumerate() {
        if q != 0 {
            if b == q {
                q = 0;
            }
        } else if b == b'"' || b == b'\'' {
            q = b;
        } else if b == b'>' {
            return Some(i);
        }
    }
    None
}

impl Scanner {
    /// `<!DOCTYPE name ExternalID? [` or `... >`.
    pub(super) fn doctype(&mut self, s: &[u8], _last: bool, here: Pos) -> Step {
        // the header ends at the first `[` or `>` outside literals
        let mut q = 0u8;
        let mut end = None;
        for (i, &b) in s.iter().enumerate().skip(9) {
            if q != 0 {
                if b == q {
                    q = 0;
                }
            } else if b == b'"' || b == b'\'' {
                q = b;
            } else if b == b'[' || b == b'>' {
                end = Some(i);
                break;
            }
        }
        let Some(end) = end else { return Ok(None) };
        let toks = tokens(&s[..end], 9).map_err(|o| (code::INVALID_TOKEN, o))?;
        let words: Vec<&(Tok, String, usize)> = toks.iter().filter(|t| t.0 != Tok::Space).collect();
        let bad = |k: usize| -> (u32, usize) { (code::SYNTAX, words.get(k).map(|t| t.2).unwrap_or(end)) };
        if toks.first().map(|t| &t.0) != Some(&Tok::Space) {
            return Err((code::SYNTAX, 9));
        }
        let name = match words.first() {
            Some((Tok::Word(n), _, _)) => n.clone(),
            _ => return Err(bad(0)),
        };
        let (mut sysid, mut pubid) = (None, None);
        match words.get(1).map(|t| &t.0) {
            None => {}
            Some(Tok::Word(w)) if w == "SYSTEM" => match words.get(2).map(|t| &t.0) {
                Some(Tok::Lit(l)) if words.len() == 3 => sysid = Some(l.clone()),
                _ => return Err(bad(2)),
            },
            Some(Tok::Word(w)) if w == "PUBLIC" => match (words.get(2).map(|t| &t.0), words.get(3).map(|t| &t.0)) {
                (Some(Tok::Lit(p)), Some(Tok::Lit(l))) if words.len() == 4 => {
                    check_pubid(p).map_err(|_| (code::PUBLICID, words[2].2))?;
                    pubid = Some(p.clone());
                    sysid = Some(l.clone());
                }
                _ => return Err(bad(2)),
            },
            _ => return Err(bad(1)),
        }
        let mut raw: Vec<String> = vec!["<!DOCTYPE".into()];
        raw.extend(toks.iter().map(|t| t.1.clone()));
        raw.push(text(&s[end..end + 1]));
        self.seen_doctype = true;
        if sysid.is_some() {
            self.has_external = true;
            if !self.standalone {
                let at = pos_in(here, s, words.last().map(|t| t.2).unwrap_or(end));
                self.push(Ev::NotStandalone, vec![], at);
            }
        }
        let here = pos_in(here, s, end);
        if s[end] == b'[' {
            self.push(Ev::DoctypeStart { name, sysid, pubid, internal: true }, raw, here);
            self.state = State::Subset;
        } else {
            raw.pop();
            self.push(Ev::DoctypeStart { name, sysid, pubid, internal: false }, raw, here);
            self.push(Ev::DoctypeEnd, vec![">".into()], here);
        }
        Ok(Some(end + 1))
    }

    /// One declaration, comment, PI, reference or white space of the internal subset, or
    /// its closing `]` `>`.
    pub(super) fn subset_step(&mut self, s: &[u8], _last: bool, here: Pos) -> Step {
        if s.is_empty() {
            return Ok(None);
        }
        if is_space(s[0]) {
            let n = s.iter().position(|&b| !is_space(b)).unwrap_or(s.len());
            if n == s.len() {
                return Ok(None);
            }
            if self.state == State::AfterSubset {
                self.doctype_tail.push(text(&s[..n]));
            } else {
                self.push(Ev::Default(text(&s[..n])), vec![], here);
            }
            return Ok(Some(n));
        }
        if self.state == State::AfterSubset {
            if s[0] != b'>' {
                return Err((code::SYNTAX, 0));
            }
            self.state = State::Prolog;
            let mut raw = std::mem::take(&mut self.doctype_tail);
            raw.push(">".into());
            self.push(Ev::DoctypeEnd, raw, here);
            return Ok(Some(1));
        }
        match s[0] {
            b']' => {
                self.state = State::AfterSubset;
                self.doctype_tail = vec!["]".into()];
                Ok(Some(1))
            }
            b'%' => {
                let Some((name, j)) = scan_name(s, 1)? else { return Ok(None) };
                if s[j] != b';' {
                    return Err((code::INVALID_TOKEN, j));
                }
                // parameter entities are not read (XML_PARAM_ENTITY_PARSING_NEVER): later
                // declarations are ignored unless the document is standalone, as in Expat
                self.has_external = true;
                if !self.standalone {
                    self.keep_processing = false;
                    self.push(Ev::NotStandalone, vec![text(&s[..j + 1])], here);
                }
                let _ = name;
                Ok(Some(j + 1))
            }
            b'<' => {
                if s.len() < 4 {
                    return Ok(None);
                }
                if s[1] == b'?' {
                    return self.pi(s, here);
                }
                if s.starts_with(b"<!--") {
                    return self.comment(s, here);
                }
                if s[1] != b'!' {
                    return Err((code::SYNTAX, 0));
                }
                let Some(end) = decl_end(s) else { return Ok(None) };
                check_chars(&s[..end])?;
                self.declaration(&s[..end], here)?;
                Ok(Some(end + 1))
            }
            _ => Err((code::SYNTAX, 0)),
        }
    }

    fn declaration(&mut self, s: &[u8], here: Pos) -> Result<(), (u32, usize)> {
        let toks = tokens(s, 2).map_err(|o| (code::INVALID_TOKEN, o))?;
        let mut raw: Vec<String> = vec!["<!".to_string() + &toks.first().map(|t| t.1.clone()).unwrap_or_default()];
        raw.extend(toks.iter().skip(1).map(|t| t.1.clone()));
        raw.push(">".into());
        let words: Vec<(Tok, usize)> = toks.iter().filter(|t| t.0 != Tok::Space).map(|t| (t.0.clone(), t.2)).collect();
        let kw = match words.first() {
            Some((Tok::Word(w), _)) => w.clone(),
            _ => return Err((code::SYNTAX, 2)),
        };
        let bad = |k: usize| (code::SYNTAX, words.get(k).map(|t| t.1).unwrap_or(s.len()));
        // Expat reports a declaration when it reaches its last token (for ELEMENT: the last `)`)
        let last_off = words.last().map(|t| t.1).unwrap_or(0);
        let here_last = pos_in(here, s, last_off);
        let close = words.iter().rev().find(|t| t.0 == Tok::Punct(b')')).map(|t| t.1).unwrap_or(last_off);
        let here_close = pos_in(here, s, close);
        match kw.as_str() {
            "ENTITY" => {
                // an external entity without NDATA is known complete at the `>`
                let ext = words.iter().any(|t| matches!(&t.0, Tok::Word(w) if w == "SYSTEM" || w == "PUBLIC"));
                let ndata = words.iter().any(|t| matches!(&t.0, Tok::Word(w) if w == "NDATA"));
                let at = if ext && !ndata { pos_in(here, s, s.len()) } else { here_last };
                self.entity_decl(&words, raw, at, s.len())
            }
            "NOTATION" => {
                let Some((Tok::Word(name), _)) = words.get(1) else { return Err(bad(1)) };
                let (sysid, pubid) = match (words.get(2), words.get(3), words.get(4)) {
                    (Some((Tok::Word(w), _)), Some((Tok::Lit(l), _)), None) if w == "SYSTEM" => (Some(l.clone()), None),
                    (Some((Tok::Word(w), _)), Some((Tok::Lit(p), _)), x) if w == "PUBLIC" => match x {
                        None => (None, Some(p.clone())),
                        Some((Tok::Lit(l), _)) if words.len() == 5 => (Some(l.clone()), Some(p.clone())),
                        _ => return Err(bad(4)),
                    },
                    _ => return Err(bad(2)),
                };
                self.push(Ev::NotationDecl { name: name.clone(), sysid, pubid }, raw, here_last);
                Ok(())
            }
            "ELEMENT" => {
                let Some((Tok::Word(name), _)) = words.get(1) else { return Err(bad(1)) };
                let rest: Vec<Tok> = words[2..].iter().map(|t| t.0.clone()).collect();
                let model = content_model(&rest).ok_or(bad(2))?;
                self.push(Ev::ElementDecl { name: name.clone(), model }, raw, here_close);
                Ok(())
            }
            "ATTLIST" => self.attlist_decl(&words, raw, here, s),
            _ => Err((code::SYNTAX, 2)),
        }
    }

    fn entity_decl(&mut self, w: &[(Tok, usize)], raw: Vec<String>, here: Pos, len: usize) -> Result<(), (u32, usize)> {
        let bad = |k: usize| (code::SYNTAX, w.get(k).map(|t| t.1).unwrap_or(len));
        let mut k = 1;
        let param = matches!(w.get(1), Some((Tok::Punct(b'%'), _)));
        if param {
            k = 2;
        }
        let Some((Tok::Word(name), _)) = w.get(k) else { return Err(bad(k)) };
        let name = name.clone();
        let mut e = Entity { value: None, sysid: None, pubid: None, notation: None };
        match w.get(k + 1) {
            Some((Tok::Lit(v), at)) => {
                if w.len() != k + 2 {
                    return Err(bad(k + 2));
                }
                e.value = Some(self.entity_value(v, *at + 1)?);
            }
            Some((Tok::Word(x), _)) if x == "SYSTEM" || x == "PUBLIC" => {
                let mut j = k + 2;
                if x == "PUBLIC" {
                    let Some((Tok::Lit(p), at)) = w.get(j) else { return Err(bad(j)) };
                    check_pubid(p).map_err(|_| (code::PUBLICID, *at))?;
                    e.pubid = Some(p.clone());
                    j += 1;
                }
                let Some((Tok::Lit(sy), _)) = w.get(j) else { return Err(bad(j)) };
                e.sysid = Some(sy.clone());
                j += 1;
                match (w.get(j), w.get(j + 1)) {
                    (None, _) => {}
                    (Some((Tok::Word(nd), _)), Some((Tok::Word(n), _))) if nd == "NDATA" && !param && w.len() == j + 2 => {
                        e.notation = Some(n.clone());
                    }
                    _ => return Err(bad(j)),
                }
            }
            _ => return Err(bad(k + 1)),
        }
        if !self.keep_processing {
            self.push(Ev::Default(raw.concat()), vec![], here);
            return Ok(());
        }
        let table = if param { &mut self.pents } else { &mut self.ents };
        if table.contains_key(&name) {
            return Ok(());
        }
        table.insert(name.clone(), e.clone());
        self.push(
            Ev::EntityDecl { name, param, value: e.value, sysid: e.sysid, pubid: e.pubid, notation: e.notation },
            raw,
            here,
        );
        Ok(())
    }

    /// An entity value literal: character references replaced, parameter entity
    /// references refused (the internal subset does not allow them there).
    fn entity_value(&mut self, v: &str, off: usize) -> Result<String, (u32, usize)> {
        let b = v.as_bytes();
        let mut out = Vec::with_capacity(b.len());
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'%' => return Err((code::PARAM_ENTITY_REF, off + i)),
                b'&' => {
                    let Some((r, n)) = parse_ref(b, i).map_err(|(c, o)| (c, off + o))? else {
                        return Err((code::INVALID_TOKEN, off + b.len()));
                    };
                    match r {
                        Ref::Char(c) => push_char(&mut out, c),
                        Ref::Named(_) => out.extend_from_slice(&b[i..i + n]),
                    }
                    i += n;
                }
                c => {
                    out.push(c);
                    i += 1;
                }
            }
        }
        Ok(entity_text(&text(&out)))
    }

    fn attlist_decl(&mut self, w: &[(Tok, usize)], raw: Vec<String>, here: Pos, s: &[u8]) -> Result<(), (u32, usize)> {
        let len = s.len();
        let bad = |k: usize| (code::SYNTAX, w.get(k).map(|t| t.1).unwrap_or(len));
        let Some((Tok::Word(el), _)) = w.get(1) else { return Err(bad(1)) };
        let el = el.clone();
        let mut k = 2;
        let mut first = true;
        while k < w.len() {
            let Some((Tok::Word(att), _)) = w.get(k) else { return Err(bad(k)) };
            let att = att.clone();
            k += 1;
            let mut atype = String::new();
            match w.get(k) {
                Some((Tok::Word(t), _)) if t == "NOTATION" => {
                    atype.push_str("NOTATION");
                    k += 1;
                    k = enumeration(w, k, &mut atype).ok_or(bad(k))?;
                }
                Some((Tok::Word(t), _)) if matches!(t.as_str(), "CDATA" | "ID" | "IDREF" | "IDREFS" | "ENTITY" | "ENTITIES" | "NMTOKEN" | "NMTOKENS") => {
                    atype.push_str(t);
                    k += 1;
                }
                Some((Tok::Punct(b'('), _)) => k = enumeration(w, k, &mut atype).ok_or(bad(k))?,
                _ => return Err(bad(k)),
            }
            let at = pos_in(here, s, w.get(k).map(|t| t.1).unwrap_or(len));
            let (default, required) = match w.get(k) {
                Some((Tok::Word(d), _)) if d == "#REQUIRED" => (None, true),
                Some((Tok::Word(d), _)) if d == "#IMPLIED" => (None, false),
                Some((Tok::Word(d), _)) if d == "#FIXED" => {
                    k += 1;
                    let Some((Tok::Lit(v), at)) = w.get(k) else { return Err(bad(k)) };
                    (Some(self.attr_value(v.as_bytes(), *at + 1)?), true)
                }
                Some((Tok::Lit(v), at)) => (Some(self.attr_value(v.as_bytes(), *at + 1)?), false),
                _ => return Err(bad(k)),
            };
            k += 1;
            if !self.keep_processing {
                continue;
            }
            if let Some(d) = &default {
                let list = self.defaults.entry(el.clone()).or_default();
                if !list.iter().any(|(n, _)| *n == att) {
                    list.push((att.clone(), d.clone()));
                }
            }
            let r = if first { raw.clone() } else { vec![] };
            first = false;
            self.push(Ev::AttlistDecl { elname: el.clone(), attname: att, atype, default, required }, r, at);
        }
        if first {
            self.push(Ev::Default(raw.concat()), vec![], here);
        }
        Ok(())
    }
}

/// `(a|b|c)` from `w[k]`: appended to `out` without spaces; the index after it.
fn enumeration(w: &[(Tok, usize)], mut k: usize, out: &mut String) -> Option<usize> {
    if w.get(k)?.0 != Tok::Punct(b'(') {
        return None;
    }
    out.push('(');
    k += 1;
    loop {
        match &w.get(k)?.0 {
            Tok::Word(n) => out.push_str(n),
            _ => return None,
        }
        k += 1;
        match &w.get(k)?.0 {
            Tok::Punct(b'|') => out.push('|'),
            Tok::Punct(b')') => {
                out.push(')');
                return Some(k + 1);
            }
            _ => return None,
        }
        k += 1;
    }
}

fn check_pubid(p: &str) -> Result<(), ()> {
    let ok = p.bytes().all(|b| b.is_ascii_alphanumeric() || b" \r\n-'()+,./:=?;!*#@$_%".contains(&b));
    if ok {
        Ok(())
    } else {
        Err(())
    }
}

/// The content model of an element declaration (tokens after the name).
fn content_model(t: &[Tok]) -> Option<Model> {
    let leaf = |ctype: u8| Model { ctype, quant: 0, name: None, children: vec![] };
    match t {
        [Tok::Word(w)] if w == "EMPTY" => return Some(leaf(1)),
        [Tok::Word(w)] if w == "ANY" => return Some(leaf(2)),
        _ => {}
    }
    if t.len() >= 3 && t[0] == Tok::Punct(b'(') && t[1] == Tok::Word("#PCDATA".into()) {
        // Mixed: (#PCDATA) or (#PCDATA | a | b)*
        let mut m = leaf(3);
        let mut k = 2;
        while t.get(k) == Some(&Tok::Punct(b'|')) {
            match t.get(k + 1)? {
                Tok::Word(n) => m.children.push(Model { ctype: 4, quant: 0, name: Some(n.clone()), children: vec![] }),
                _ => return None,
            }
            k += 2;
        }
        if t.get(k) != Some(&Tok::Punct(b')')) {
            return None;
        }
        k += 1;
        if t.get(k) == Some(&Tok::Punct(b'*')) {
            m.quant = 2;
            k += 1;
        } else if !m.children.is_empty() {
            return None;
        }
        return if k == t.len() { Some(m) } else { None };
    }
    let (m, k) = group(t, 0)?;
    if k == t.len() {
        Some(m)
    } else {
        None
    }
}

/// A parenthesised choice or sequence at `t[k]`, with its quantifier.
fn group(t: &[Tok], mut k: usize) -> Option<(Model, usize)> {
    if t.get(k)? != &Tok::Punct(b'(') {
        return None;
    }
    k += 1;
    let mut children = Vec::new();
    let mut sep: Option<u8> = None;
    loop {
        let (c, nk) = particle(t, k)?;
        children.push(c);
        k = nk;
        match t.get(k)? {
            Tok::Punct(b')') => {
                k += 1;
                break;
            }
            Tok::Punct(s @ (b'|' | b',')) => {
                if sep.is_some() && sep != Some(*s) {
                    return None;
                }
                sep = Some(*s);
                k += 1;
            }
            _ => return None,
        }
    }
    let (quant, k) = quantifier(t, k);
    Some((Model { ctype: if sep == Some(b'|') { 5 } else { 6 }, quant, name: None, children }, k))
}

fn particle(t: &[Tok], k: usize) -> Option<(Model, usize)> {
    match t.get(k)? {
        Tok::Word(n) if !n.starts_with('#') => {
            let (quant, k) = quantifier(t, k + 1);
            Some((Model { ctype: 4, quant, name: Some(n.clone()), children: vec![] }, k))
        }
        Tok::Punct(b'(') => group(t, k),
        _ => None,
    }
}

fn quantifier(t: &[Tok], k: usize) -> (u8, usize) {
    match t.get(k) {
        Some(Tok::Punct(b'?')) => (1, k + 1),
        Some(Tok::Punct(b'*')) => (2, k + 1),
        Some(Tok::Punct(b'+')) => (3, k + 1),
        _ => (0, k),
    }
}

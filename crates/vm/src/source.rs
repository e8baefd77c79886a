//! Reading Python source files: the encoding a PEP 263 coding cookie declares (UTF-8 when
//! there is none or a byte order mark).

use crate::interp::Vm;

/// The encoding a PEP 263 cookie on the first two lines names, unless it is UTF-8 (which a
/// byte order mark implies too).
pub fn source_encoding(bytes: &[u8]) -> Option<String> {
    if bytes.starts_with(b"\xef\xbb\xbf") {
        return None;
    }
    let mut lines = bytes.split(|&b| b == b'\n');
    for n in 0..2 {
        let line = lines.next()?;
        let text = String::from_utf8_lossy(line);
        let t = text.trim_start_matches([' ', '\t', '\x0c']);
        if !t.starts_with('#') {
            // only a comment or blank first line lets the second one name the encoding
            if n == 0 && t.trim().is_empty() {
                continue;
            }
            return None;
        }
        if let Some(at) = t.find("coding") {
            let rest = &t[at + 6..];
            if let Some(rest) = rest.strip_prefix(':').or_else(|| rest.strip_prefix('=')) {
                let name: String = rest
                    .trim_start_matches([' ', '\t'])
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
                    .collect();
                let lower = name.to_ascii_lowercase().replace('_', "-");
                if name.is_empty() || lower == "utf-8" || lower.starts_with("utf-8-") || lower == "utf8" {
                    return None;
                }
                return Some(name);
            }
        }
    }
    None
}

/// The text of a source file, decoded by its declared encoding; None when it does not decode.
/// A UTF-8 byte order mark stays (CPython's traceback shows it in a file's first line).
pub fn decode_strict(vm: &mut Vm, bytes: Vec<u8>) -> Option<String> {
    match source_encoding(&bytes) {
        None => String::from_utf8(bytes).ok(),
        Some(enc) => crate::builtins::codecs::decode(vm, &bytes, &enc, "strict").ok(),
    }
}

/// The text of a source file to compile: decoded by its declared encoding, undecodable bytes
/// replaced, without a UTF-8 byte order mark (in a str source it would be an invalid
/// character).
pub fn decode(vm: &mut Vm, mut bytes: Vec<u8>) -> String {
    if bytes.starts_with(b"\xef\xbb\xbf") {
        // a byte order mark means UTF-8, whatever a cookie says
        bytes.drain(..3);
        return String::from_utf8_lossy(&bytes).into_owned();
    }
    if source_encoding(&bytes).is_some() {
        if let Some(text) = decode_strict(vm, bytes.clone()) {
            return text;
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use super::source_encoding;

    #[test]
    fn cookies() {
        assert_eq!(source_encoding(b"# -*- coding: latin-1 -*-\nx = 1\n").as_deref(), Some("latin-1"));
        assert_eq!(source_encoding(b"#!/usr/bin/env python\n# vim: set fileencoding=cp1252 :\n").as_deref(), Some("cp1252"));
        assert_eq!(source_encoding(b"x = 1\n# coding: latin-1\n"), None);
        assert_eq!(source_encoding(b"# coding: utf-8\n"), None);
        assert_eq!(source_encoding(b"\xef\xbb\xbf# coding: latin-1\n"), None);
        assert_eq!(source_encoding(b"\n# coding=koi8-r\n").as_deref(), Some("koi8-r"));
    }
}

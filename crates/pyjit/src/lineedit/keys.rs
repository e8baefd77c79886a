//! Decoding the bytes a terminal sends into editing keys.
//!
//! Terminals send printable text as UTF-8 and special keys as control bytes or escape
//! sequences (`ESC [ A` for up, `ESC [ 3 ~` for delete, `ESC O H` for home...).

/// One key press, as the line editor understands it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Enter,
    Backspace,
    Delete,
    Left,
    Right,
    Up,
    Down,
    Home,
    End,
    WordLeft,
    WordRight,
    Tab,
    /// Ctrl-C.
    Interrupt,
    /// Ctrl-D.
    EndOfFile,
    /// Ctrl-K: delete from the cursor to the end of the line.
    KillToEnd,
    /// Ctrl-U: delete from the start of the line to the cursor.
    KillToStart,
    /// Ctrl-W: delete the word before the cursor.
    KillWordBack,
    /// Ctrl-L.
    ClearScreen,
    /// Ctrl-T.
    Transpose,
    /// A sequence the editor ignores.
    Ignored,
}

/// Turns a byte stream into keys. Feed bytes one at a time; a key comes out when its
/// sequence is complete.
#[derive(Default)]
pub struct KeyDecoder {
    pending: Vec<u8>,
}

impl KeyDecoder {
    pub fn feed(&mut self, b: u8) -> Option<Key> {
        self.pending.push(b);
        let (key, used) = decode(&self.pending)?;
        debug_assert_eq!(used, self.pending.len());
        self.pending.clear();
        Some(key)
    }

    /// True while an escape sequence or a multi-byte character is half read.
    #[cfg(test)]
    pub fn is_pending(&self) -> bool {
        !self.pending.is_empty()
    }
}

/// Decodes `buf` if it holds exactly one complete key; `None` if more bytes are needed.
fn decode(buf: &[u8]) -> Option<(Key, usize)> {
    let b = buf[0];
    let key = match b {
        0x1b => return decode_escape(buf),
        b'\r' | b'\n' => Key::Enter,
        0x7f | 0x08 => Key::Backspace,
        b'\t' => Key::Tab,
        0x01 => Key::Home,
        0x02 => Key::Left,
        0x03 => Key::Interrupt,
        0x04 => Key::EndOfFile,
        0x05 => Key::End,
        0x06 => Key::Right,
        0x0b => Key::KillToEnd,
        0x0c => Key::ClearScreen,
        0x0e => Key::Down,
        0x10 => Key::Up,
        0x14 => Key::Transpose,
        0x15 => Key::KillToStart,
        0x17 => Key::KillWordBack,
        0x00..=0x1f => Key::Ignored,
        0x20..=0x7e => Key::Char(b as char),
        _ => return decode_utf8(buf),
    };
    Some((key, 1))
}

fn decode_utf8(buf: &[u8]) -> Option<(Key, usize)> {
    let need = match buf[0] {
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => return Some((Key::Ignored, buf.len())),
    };
    if buf.len() > 1 && !(0x80..=0xbf).contains(&buf[buf.len() - 1]) {
        return Some((Key::Ignored, buf.len()));
    }
    if buf.len() < need {
        return None;
    }
    match std::str::from_utf8(buf) {
        Ok(s) => Some((s.chars().next().map(Key::Char).unwrap_or(Key::Ignored), buf.len())),
        Err(_) => Some((Key::Ignored, buf.len())),
    }
}

/// `ESC [ params final` (CSI), `ESC O final` (SS3), or `ESC b` / `ESC f` (word moves).
fn decode_escape(buf: &[u8]) -> Option<(Key, usize)> {
    if buf.len() < 2 {
        return None;
    }
    match buf[1] {
        b'[' => {
            if buf.len() < 3 {
                return None;
            }
            let last = buf[buf.len() - 1];
            // Parameter and intermediate bytes are 0x20..=0x3f; the final byte is 0x40..=0x7e.
            if (0x20..=0x3f).contains(&last) {
                return if buf.len() > 16 { Some((Key::Ignored, buf.len())) } else { None };
            }
            let params = &buf[2..buf.len() - 1];
            let key = match (params, last) {
                (_, b'A') => Key::Up,
                (_, b'B') => Key::Down,
                (b"1;5" | b"1;3", b'C') => Key::WordRight,
                (b"1;5" | b"1;3", b'D') => Key::WordLeft,
                (_, b'C') => Key::Right,
                (_, b'D') => Key::Left,
                (_, b'H') => Key::Home,
                (_, b'F') => Key::End,
                (b"1" | b"7", b'~') => Key::Home,
                (b"4" | b"8", b'~') => Key::End,
                (b"3", b'~') => Key::Delete,
                _ => Key::Ignored,
            };
            Some((key, buf.len()))
        }
        b'O' => {
            if buf.len() < 3 {
                return None;
            }
            let key = match buf[2] {
                b'A' => Key::Up,
                b'B' => Key::Down,
                b'C' => Key::Right,
                b'D' => Key::Left,
                b'H' => Key::Home,
                b'F' => Key::End,
                _ => Key::Ignored,
            };
            Some((key, 3))
        }
        b'b' => Some((Key::WordLeft, 2)),
        b'f' => Some((Key::WordRight, 2)),
        0x7f => Some((Key::KillWordBack, 2)),
        _ => Some((Key::Ignored, 2)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(bytes: &[u8]) -> Vec<Key> {
        let mut d = KeyDecoder::default();
        bytes.iter().filter_map(|&b| d.feed(b)).collect()
    }

    #[test]
    fn printable_and_utf8() {
        assert_eq!(keys("aé☃😀".as_bytes()), vec![Key::Char('a'), Key::Char('é'), Key::Char('☃'), Key::Char('😀')]);
    }

    #[test]
    fn control_keys() {
        assert_eq!(keys(b"\x01\x05\x7f\r\x03\x04"), vec![Key::Home, Key::End, Key::Backspace, Key::Enter, Key::Interrupt, Key::EndOfFile]);
    }

    #[test]
    fn escape_sequences() {
        assert_eq!(
            keys(b"\x1b[A\x1b[B\x1b[C\x1b[D\x1b[3~\x1b[H\x1b[F\x1bOH\x1b[1;5C\x1bb\x1b[200~"),
            vec![Key::Up, Key::Down, Key::Right, Key::Left, Key::Delete, Key::Home, Key::End, Key::Home, Key::WordRight, Key::WordLeft, Key::Ignored]
        );
    }

    #[test]
    fn pending_until_complete() {
        let mut d = KeyDecoder::default();
        assert_eq!(d.feed(0x1b), None);
        assert!(d.is_pending());
        assert_eq!(d.feed(b'['), None);
        assert_eq!(d.feed(b'A'), Some(Key::Up));
        assert!(!d.is_pending());
    }
}

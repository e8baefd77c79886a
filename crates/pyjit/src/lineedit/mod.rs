//! A small line editor for the interactive prompt: cursor movement, editing keys, history
//! (Up/Down, persisted in ~/.pyjit_history). Used when stdin and stdout are terminals;
//! otherwise the prompt reads plain lines like CPython without readline.

mod history;
mod keys;
mod line;
mod term;

use std::io::{Read, Write};

pub use history::History;
use keys::KeyDecoder;
use line::{LineBuffer, Outcome};

/// How reading a line ended.
pub enum ReadLine {
    Line(String),
    Interrupted,
    Eof,
}

/// Reads one line with editing, showing `prompt`. `None` if the terminal cannot be put in
/// raw mode (the caller falls back to plain reading).
pub fn read_line(prompt: &str, history: &mut History) -> Option<ReadLine> {
    let raw = term::RawMode::enter()?;
    let cols = term::columns();
    let mut out = std::io::stdout().lock();
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut decoder = KeyDecoder::default();
    let entries = history.entries.clone();
    let mut buf = LineBuffer::new(&entries);
    redraw(&mut out, prompt, &buf, cols);
    let result = loop {
        let mut byte = [0u8; 1];
        match input.read(&mut byte) {
            Ok(1) => {}
            _ => break ReadLine::Eof,
        }
        let Some(key) = decoder.feed(byte[0]) else { continue };
        match buf.apply(key) {
            Outcome::Continue => redraw(&mut out, prompt, &buf, cols),
            Outcome::Clear => {
                let _ = write!(out, "\x1b[H\x1b[2J");
                redraw(&mut out, prompt, &buf, cols);
            }
            Outcome::Done => {
                // Show the whole line before leaving it.
                buf.cursor = buf.chars.len();
                redraw(&mut out, prompt, &buf, cols);
                let _ = write!(out, "\r\n");
                break ReadLine::Line(buf.text());
            }
            Outcome::Interrupted => {
                let _ = write!(out, "\r\n");
                break ReadLine::Interrupted;
            }
            Outcome::Eof => {
                let _ = write!(out, "\r\n");
                break ReadLine::Eof;
            }
        }
    };
    let _ = out.flush();
    drop(raw);
    if let ReadLine::Line(l) = &result {
        history.add(l);
    }
    Some(result)
}

/// Redraws the prompt and the visible part of the line on the current terminal row, and
/// puts the terminal cursor at the edit cursor. Lines wider than the terminal scroll
/// sideways so the cursor stays visible.
fn redraw(out: &mut impl Write, prompt: &str, buf: &LineBuffer, cols: usize) {
    let avail = cols.saturating_sub(prompt.chars().count() + 1).max(8);
    let start = buf.cursor.saturating_sub(avail);
    let end = (start + avail).min(buf.chars.len());
    let visible: String = buf.chars[start..end].iter().collect();
    let back = end - buf.cursor;
    let _ = write!(out, "\r{prompt}{visible}\x1b[K");
    if back > 0 {
        let _ = write!(out, "\x1b[{back}D");
    }
    let _ = out.flush();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redraw_places_the_cursor() {
        let hist = Vec::new();
        let mut buf = LineBuffer::new(&hist);
        for c in "abcdef".chars() {
            buf.apply(keys::Key::Char(c));
        }
        buf.apply(keys::Key::Left);
        buf.apply(keys::Key::Left);
        let mut out = Vec::new();
        redraw(&mut out, ">>> ", &buf, 80);
        assert_eq!(String::from_utf8(out).unwrap(), "\r>>> abcdef\x1b[K\x1b[2D");
    }

    #[test]
    fn redraw_scrolls_long_lines() {
        let hist = Vec::new();
        let mut buf = LineBuffer::new(&hist);
        for c in "0123456789abcdefghij".chars() {
            buf.apply(keys::Key::Char(c));
        }
        let mut out = Vec::new();
        redraw(&mut out, ">>> ", &buf, 15);
        // 15 columns - 4 for the prompt - 1 for the cursor = 10 visible characters.
        assert_eq!(String::from_utf8(out).unwrap(), "\r>>> abcdefghij\x1b[K");
    }
}

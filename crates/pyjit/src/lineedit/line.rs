//! The line being edited and the history it can be replaced from: pure editing logic,
//! no terminal, so that every key's effect is unit-tested.

use super::keys::Key;

/// What the caller should do after a key.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Keep reading; redraw the line.
    Continue,
    /// The line is finished (Enter).
    Done,
    /// Ctrl-C: the caller abandons the line.
    Interrupted,
    /// Ctrl-D on an empty line.
    Eof,
    /// Ctrl-L: the caller clears the screen, then redraws.
    Clear,
}

/// An editable line: characters, a cursor, and a position in the history.
pub struct LineBuffer<'h> {
    pub chars: Vec<char>,
    pub cursor: usize,
    history: &'h [String],
    /// Index into `history` being shown, or `history.len()` for the line being typed.
    hist_pos: usize,
    /// The line being typed, kept while the user browses the history.
    draft: Vec<char>,
}

impl<'h> LineBuffer<'h> {
    pub fn new(history: &'h [String]) -> Self {
        LineBuffer { chars: Vec::new(), cursor: 0, history, hist_pos: history.len(), draft: Vec::new() }
    }

    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    pub fn apply(&mut self, key: Key) -> Outcome {
        match key {
            Key::Char(c) => self.insert(&[c]),
            Key::Tab => {
                // Indentation is what a tab is for at a Python prompt.
                let width = 4 - self.cursor % 4;
                self.insert(&vec![' '; width]);
            }
            Key::Enter => return Outcome::Done,
            Key::Interrupt => return Outcome::Interrupted,
            Key::EndOfFile => {
                if self.chars.is_empty() {
                    return Outcome::Eof;
                }
                self.delete_at_cursor();
            }
            Key::Backspace => {
                if self.cursor > 0 {
                    self.cursor -= 1;
                    self.chars.remove(self.cursor);
                }
            }
            Key::Delete => self.delete_at_cursor(),
            Key::Left => self.cursor = self.cursor.saturating_sub(1),
            Key::Right => self.cursor = (self.cursor + 1).min(self.chars.len()),
            Key::Home => self.cursor = 0,
            Key::End => self.cursor = self.chars.len(),
            Key::WordLeft => self.cursor = self.word_start_before(self.cursor),
            Key::WordRight => self.cursor = self.word_end_after(self.cursor),
            Key::KillToEnd => self.chars.truncate(self.cursor),
            Key::KillToStart => {
                self.chars.drain(..self.cursor);
                self.cursor = 0;
            }
            Key::KillWordBack => {
                let start = self.word_start_before(self.cursor);
                self.chars.drain(start..self.cursor);
                self.cursor = start;
            }
            Key::Transpose => {
                if self.chars.len() >= 2 && self.cursor > 0 {
                    let at = self.cursor.min(self.chars.len() - 1);
                    self.chars.swap(at - 1, at);
                    self.cursor = at + 1;
                }
            }
            Key::Up => self.history_move(-1),
            Key::Down => self.history_move(1),
            Key::ClearScreen => return Outcome::Clear,
            Key::Ignored => {}
        }
        Outcome::Continue
    }

    fn insert(&mut self, cs: &[char]) {
        for (i, &c) in cs.iter().enumerate() {
            self.chars.insert(self.cursor + i, c);
        }
        self.cursor += cs.len();
    }

    fn delete_at_cursor(&mut self) {
        if self.cursor < self.chars.len() {
            self.chars.remove(self.cursor);
        }
    }

    fn is_word(c: char) -> bool {
        c.is_alphanumeric() || c == '_'
    }

    fn word_start_before(&self, mut i: usize) -> usize {
        while i > 0 && !Self::is_word(self.chars[i - 1]) {
            i -= 1;
        }
        while i > 0 && Self::is_word(self.chars[i - 1]) {
            i -= 1;
        }
        i
    }

    fn word_end_after(&self, mut i: usize) -> usize {
        let n = self.chars.len();
        while i < n && !Self::is_word(self.chars[i]) {
            i += 1;
        }
        while i < n && Self::is_word(self.chars[i]) {
            i += 1;
        }
        i
    }

    fn history_move(&mut self, delta: isize) {
        let target = self.hist_pos as isize + delta;
        if target < 0 || target > self.history.len() as isize {
            return;
        }
        if self.hist_pos == self.history.len() {
            self.draft = self.chars.clone();
        }
        self.hist_pos = target as usize;
        self.chars = match self.history.get(self.hist_pos) {
            Some(h) => h.chars().collect(),
            None => self.draft.clone(),
        };
        self.cursor = self.chars.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn type_keys(buf: &mut LineBuffer, keys: impl IntoIterator<Item = Key>) {
        for k in keys {
            assert_eq!(buf.apply(k), Outcome::Continue);
        }
    }

    fn chars(s: &str) -> Vec<Key> {
        s.chars().map(Key::Char).collect()
    }

    #[test]
    fn insert_in_the_middle_and_delete() {
        let mut b = LineBuffer::new(&[]);
        type_keys(&mut b, chars("print(1)"));
        type_keys(&mut b, [Key::Left, Key::Left]);
        type_keys(&mut b, chars("2"));
        assert_eq!(b.text(), "print(21)");
        type_keys(&mut b, [Key::Backspace, Key::Delete]);
        assert_eq!(b.text(), "print()");
        type_keys(&mut b, [Key::Home, Key::Delete]);
        assert_eq!((b.text().as_str(), b.cursor), ("rint()", 0));
        type_keys(&mut b, [Key::End]);
        assert_eq!(b.cursor, 6);
        assert_eq!(b.apply(Key::Enter), Outcome::Done);
    }

    #[test]
    fn kills_and_words() {
        let mut b = LineBuffer::new(&[]);
        type_keys(&mut b, chars("abc def_1 (x)"));
        type_keys(&mut b, [Key::WordLeft]);
        assert_eq!(b.cursor, 11);
        type_keys(&mut b, [Key::WordLeft, Key::KillToEnd]);
        assert_eq!(b.text(), "abc ");
        type_keys(&mut b, chars("xyz"));
        type_keys(&mut b, [Key::KillWordBack]);
        assert_eq!(b.text(), "abc ");
        type_keys(&mut b, [Key::Left, Key::KillToStart]);
        assert_eq!((b.text().as_str(), b.cursor), (" ", 0));
        type_keys(&mut b, [Key::WordRight]);
        assert_eq!(b.cursor, 1);
    }

    #[test]
    fn tab_indents_to_four() {
        let mut b = LineBuffer::new(&[]);
        type_keys(&mut b, [Key::Tab]);
        type_keys(&mut b, chars("x"));
        type_keys(&mut b, [Key::Tab]);
        assert_eq!(b.text(), "    x   ");
    }

    #[test]
    fn history_browsing_keeps_the_draft() {
        let hist = vec!["first".to_string(), "second".to_string()];
        let mut b = LineBuffer::new(&hist);
        type_keys(&mut b, chars("dra"));
        type_keys(&mut b, [Key::Up]);
        assert_eq!(b.text(), "second");
        type_keys(&mut b, [Key::Up, Key::Up]);
        assert_eq!(b.text(), "first");
        type_keys(&mut b, [Key::Down, Key::Down]);
        assert_eq!((b.text().as_str(), b.cursor), ("dra", 3));
        type_keys(&mut b, [Key::Down]);
        assert_eq!(b.text(), "dra");
    }

    #[test]
    fn control_d_and_c() {
        let mut b = LineBuffer::new(&[]);
        assert_eq!(b.apply(Key::EndOfFile), Outcome::Eof);
        type_keys(&mut b, chars("ab"));
        type_keys(&mut b, [Key::Home, Key::EndOfFile]);
        assert_eq!(b.text(), "b");
        assert_eq!(b.apply(Key::Interrupt), Outcome::Interrupted);
        type_keys(&mut b, [Key::End]);
        type_keys(&mut b, chars("c"));
        type_keys(&mut b, [Key::Transpose]);
        assert_eq!(b.text(), "cb");
    }
}

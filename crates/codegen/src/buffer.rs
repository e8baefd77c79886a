//! A growable code buffer with labels and fixups, shared by both ISAs' encoders.
//!
//! An encoder emits a branch to a label that may not be bound yet: it writes the instruction
//! with a zero displacement and records a fixup `(offset, label, kind)`. `kind` is the ISA's
//! own relocation number (`x64::Reloc`, `aarch64::Reloc`); `finish` hands each fixup with
//! its target offset back to the ISA's resolver, which writes the displacement or reports
//! that it is out of range.

/// A position in the code, bound once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Label(pub u32);

/// A displacement does not fit the instruction's field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutOfRange {
    pub at: u32,
    pub target: u32,
}

#[derive(Clone, Copy, Debug)]
struct Fixup {
    at: u32,
    label: Label,
    kind: u8,
}

#[derive(Default, Debug)]
pub struct CodeBuffer {
    bytes: Vec<u8>,
    labels: Vec<Option<u32>>,
    fixups: Vec<Fixup>,
}

impl CodeBuffer {
    pub fn new() -> CodeBuffer {
        CodeBuffer::default()
    }
    /// Offset of the next byte.
    #[inline]
    pub fn offset(&self) -> u32 {
        self.bytes.len() as u32
    }
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }
    pub fn bytes_mut(&mut self) -> &mut [u8] {
        &mut self.bytes
    }
    #[inline]
    pub fn put1(&mut self, b: u8) {
        self.bytes.push(b);
    }
    #[inline]
    pub fn put4(&mut self, w: u32) {
        self.bytes.extend_from_slice(&w.to_le_bytes());
    }
    #[inline]
    pub fn put8(&mut self, w: u64) {
        self.bytes.extend_from_slice(&w.to_le_bytes());
    }
    pub fn put_slice(&mut self, s: &[u8]) {
        self.bytes.extend_from_slice(s);
    }
    pub fn read4(&self, at: u32) -> u32 {
        let a = at as usize;
        u32::from_le_bytes([self.bytes[a], self.bytes[a + 1], self.bytes[a + 2], self.bytes[a + 3]])
    }
    pub fn write4(&mut self, at: u32, w: u32) {
        let a = at as usize;
        self.bytes[a..a + 4].copy_from_slice(&w.to_le_bytes());
    }
    pub fn new_label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() as u32 - 1)
    }
    /// Binds `l` to the current offset. A label is bound once.
    pub fn bind(&mut self, l: Label) {
        debug_assert!(self.labels[l.0 as usize].is_none(), "label bound twice");
        self.labels[l.0 as usize] = Some(self.offset());
    }
    pub fn label_offset(&self, l: Label) -> Option<u32> {
        self.labels[l.0 as usize]
    }
    /// Records that the instruction at `at` refers to `label` in the ISA's way `kind`.
    pub fn fixup(&mut self, at: u32, label: Label, kind: u8) {
        self.fixups.push(Fixup { at, label, kind });
    }
    /// Resolves every fixup through `resolve(bytes, at, target, kind)`. An unbound label
    /// is a bug of the caller (it panics); a displacement out of range is returned.
    pub fn resolve_fixups(
        &mut self,
        mut resolve: impl FnMut(&mut [u8], u32, u32, u8) -> Result<(), OutOfRange>,
    ) -> Result<(), OutOfRange> {
        for f in std::mem::take(&mut self.fixups) {
            let target = self.labels[f.label.0 as usize].expect("fixup to an unbound label");
            resolve(&mut self.bytes, f.at, target, f.kind)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_fixups() {
        let mut b = CodeBuffer::new();
        let l = b.new_label();
        b.put4(0);
        b.fixup(0, l, 7);
        b.put4(0xdead_beef);
        b.bind(l);
        let mut seen = vec![];
        b.resolve_fixups(|bytes, at, target, kind| {
            seen.push((at, target, kind));
            bytes[at as usize] = target as u8;
            Ok(())
        })
        .unwrap();
        assert_eq!(seen, vec![(0, 8, 7)]);
        assert_eq!(b.bytes()[0], 8);
        assert_eq!(b.read4(4), 0xdead_beef);
    }
}

//! struct format strings: byte order and size mode, codes with counts, native alignment,
//! and the CPython rules for which pack function (native or standard) a code gets.

/// Byte order and size mode of a format.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mode {
    /// '@' (or none): native sizes and alignment.
    Native,
    /// '<' and '=' (on a little-endian machine): standard sizes, little-endian.
    Little,
    /// '>' and '!': standard sizes, big-endian.
    Big,
}

/// One code of a format with its repeat count.
#[derive(Clone, Copy, Debug)]
pub struct Code {
    pub c: u8,
    /// Byte offset of the first item.
    pub offset: usize,
    /// Items ('s'/'p': one item of `count` bytes; 'x': no item).
    pub count: usize,
    pub size: usize,
}

#[derive(Clone, Debug)]
pub struct Layout {
    pub mode: Mode,
    pub codes: Vec<Code>,
    pub size: usize,
    /// How many values pack takes and unpack returns.
    pub items: usize,
}

/// Size and alignment of a code in a mode; None for codes the mode lacks.
pub fn size_align(c: u8, mode: Mode) -> Option<(usize, usize)> {
    let native = mode == Mode::Native;
    let s = match c {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    };
    let align = if native && !matches!(c, b's' | b'p' | b'x') { s } else { 1 };
    Some((s, align))
}

pub enum FormatError {
    BadChar,
    RepeatWithoutCode,
    TooLong,
}

impl FormatError {
    pub fn message(&self) -> &'static str {
        match self {
            FormatError::BadChar => "bad char in struct format",
            FormatError::RepeatWithoutCode => "repeat count given without format specifier",
            FormatError::TooLong => "total struct size too long",
        }
    }
}

pub fn parse(fmt: &[u8]) -> Result<Layout, FormatError> {
    let (mode, rest) = match fmt.first() {
        Some(b'@') => (Mode::Native, &fmt[1..]),
        Some(b'<') | Some(b'=') => (Mode::Little, &fmt[1..]),
        Some(b'>') | Some(b'!') => (Mode::Big, &fmt[1..]),
        _ => (Mode::Native, fmt),
    };
    let mut codes = Vec::new();
    let mut size: usize = 0;
    let mut items: usize = 0;
    let mut i = 0;
    const MAX: usize = isize::MAX as usize;
    while i < rest.len() {
        let mut c = rest[i];
        i += 1;
        if c.is_ascii_whitespace() {
            continue;
        }
        let mut num: usize = 1;
        if c.is_ascii_digit() {
            num = (c - b'0') as usize;
            loop {
                let Some(&d) = rest.get(i) else { return Err(FormatError::RepeatWithoutCode) };
                i += 1;
                if !d.is_ascii_digit() {
                    c = d;
                    break;
                }
                num = num.checked_mul(10).and_then(|n| n.checked_add((d - b'0') as usize)).filter(|n| *n <= MAX).ok_or(FormatError::TooLong)?;
            }
        }
        let (s, align) = size_align(c, mode).ok_or(FormatError::BadChar)?;
        if align > 1 && size > 0 {
            let extra = (align - 1) - (size - 1) % align;
            size = size.checked_add(extra).ok_or(FormatError::TooLong)?;
        }
        let offset = size;
        let (count, bytes) = match c {
            b's' | b'p' => {
                items += 1;
                (num, num)
            }
            b'x' => (num, num),
            _ => {
                items = items.checked_add(num).ok_or(FormatError::TooLong)?;
                (num, num.checked_mul(s).ok_or(FormatError::TooLong)?)
            }
        };
        size = size.checked_add(bytes).filter(|n| *n <= MAX).ok_or(FormatError::TooLong)?;
        if num > 0 || matches!(c, b's' | b'p') {
            codes.push(Code { c, offset, count, size: s });
        }
    }
    Ok(Layout { mode, codes, size, items })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_alignment() {
        let l = parse(b"cid").ok().expect("valid");
        assert_eq!(l.size, 16);
        assert_eq!(l.items, 3);
        let l = parse(b"<cid").ok().expect("valid");
        assert_eq!(l.size, 13);
        let l = parse(b"3s2xi").ok().expect("valid");
        assert_eq!((l.size, l.items), (12, 2));
        assert!(matches!(parse(b"4"), Err(FormatError::RepeatWithoutCode)));
        assert!(matches!(parse(b"<P"), Err(FormatError::BadChar)));
    }
}

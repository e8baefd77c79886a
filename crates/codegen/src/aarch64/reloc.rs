//! AArch64 pc-relative fields: resolving label fixups, and retargeting an emitted branch
//! (how a guard's exit is later patched to jump into a bridge).

use crate::buffer::OutOfRange;

/// How an instruction holds a pc-relative displacement (the `kind` of a `CodeBuffer` fixup).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Reloc {
    /// `b`, `bl`: bits 0..26, words, ±128 MiB.
    Imm26 = 0,
    /// `b.cond`, `cbz`, `cbnz`, `ldr` (literal): bits 5..24, words, ±1 MiB.
    Imm19 = 1,
    /// `tbz`, `tbnz`: bits 5..19, words, ±32 KiB.
    Imm14 = 2,
    /// `adr`: immhi bits 5..24 and immlo bits 29..31, bytes, ±1 MiB.
    Adr21 = 3,
}

impl Reloc {
    pub fn from_u8(k: u8) -> Reloc {
        match k {
            0 => Reloc::Imm26,
            1 => Reloc::Imm19,
            2 => Reloc::Imm14,
            3 => Reloc::Adr21,
            _ => panic!("not an aarch64 relocation kind: {k}"),
        }
    }

    /// The displacement (bytes) is in range for this field.
    pub fn fits(self, disp: i64) -> bool {
        match self {
            Reloc::Imm26 => disp & 3 == 0 && (-(1 << 27)..(1 << 27)).contains(&disp),
            Reloc::Imm19 => disp & 3 == 0 && (-(1 << 20)..(1 << 20)).contains(&disp),
            Reloc::Imm14 => disp & 3 == 0 && (-(1 << 15)..(1 << 15)).contains(&disp),
            Reloc::Adr21 => (-(1 << 20)..(1 << 20)).contains(&disp),
        }
    }

    /// `word` with its displacement field replaced by `disp` (bytes, in range).
    fn set(self, word: u32, disp: i64) -> u32 {
        let d = disp as u32; // two's complement; masked below
        match self {
            Reloc::Imm26 => (word & !0x03ff_ffff) | ((d >> 2) & 0x03ff_ffff),
            Reloc::Imm19 => (word & !(0x7ffff << 5)) | (((d >> 2) & 0x7ffff) << 5),
            Reloc::Imm14 => (word & !(0x3fff << 5)) | (((d >> 2) & 0x3fff) << 5),
            Reloc::Adr21 => {
                (word & !((0x7ffff << 5) | (3 << 29)))
                    | (((d >> 2) & 0x7ffff) << 5)
                    | ((d & 3) << 29)
            }
        }
    }

    /// Which branch `word` is, by its displacement field: `b`/`bl` (Imm26), `b.cond`/
    /// `cbz`/`cbnz` (Imm19), `tbz`/`tbnz` (Imm14); None for anything else.
    pub fn of_branch(word: u32) -> Option<Reloc> {
        if word & 0x7c00_0000 == 0x1400_0000 {
            Some(Reloc::Imm26)
        } else if word & 0xff00_0010 == 0x5400_0000 || word & 0x7e00_0000 == 0x3400_0000 {
            Some(Reloc::Imm19)
        } else if word & 0x7e00_0000 == 0x3600_0000 {
            Some(Reloc::Imm14)
        } else {
            None
        }
    }
}

fn read4(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

fn write4(bytes: &mut [u8], at: usize, w: u32) {
    bytes[at..at + 4].copy_from_slice(&w.to_le_bytes());
}

/// Writes into the instruction at `at` the displacement to `target` (both offsets in
/// `bytes`), or returns `OutOfRange` leaving the instruction as it was.
pub fn resolve(bytes: &mut [u8], at: u32, target: u32, kind: Reloc) -> Result<(), OutOfRange> {
    let disp = target as i64 - at as i64;
    if !kind.fits(disp) {
        return Err(OutOfRange { at, target });
    }
    let w = read4(bytes, at as usize);
    write4(bytes, at as usize, kind.set(w, disp));
    Ok(())
}

/// Retargets the branch already emitted at `at` (a `b`, `bl`, `b.cond`, `cbz`/`cbnz` or
/// `tbz`/`tbnz`: the word says which) to `target`; `OutOfRange` (and nothing written) when
/// that branch cannot reach it. Panics if the word at `at` is no such branch (a bug).
///
/// A guard whose exit may later be patched to a bridge anywhere in the code area should
/// exit through an unconditional `b` (±128 MiB): a `b.cond` to a nearby exit stub that
/// starts with `b`, or a `b.cond` with the inverted condition over an inline `b`; patch
/// that `b`. A `b.cond` reaches only ±1 MiB, and the architecture guarantees that another
/// thread executing the word while it is rewritten sees the old or the new instruction
/// only for `b`, `bl`, `nop` (and a few others), not for `b.cond`. The word is written with
/// one 4-byte aligned copy; the caller makes the page writable and then cleans the data
/// cache and invalidates the instruction cache for it (`CodeMemory`'s job).
pub fn patch_branch(code: &mut [u8], at: usize, target: usize) -> Result<(), OutOfRange> {
    let w = read4(code, at);
    let Some(kind) = Reloc::of_branch(w) else {
        panic!("patch_branch: {w:#010x} at {at:#x} is not a b/bl/b.cond/cbz/cbnz/tbz/tbnz");
    };
    // Code areas are far below 4 GiB; the error only reports the offsets.
    let disp = target as i64 - at as i64;
    if !kind.fits(disp) {
        return Err(OutOfRange { at: at as u32, target: target as u32 });
    }
    write4(code, at, kind.set(w, disp));
    Ok(())
}

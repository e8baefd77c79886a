//! What both ISAs' lowerings (`x64::lower`, `aarch64::lower`) return: the code, the exit
//! branches to patch later, statistics, and the ways emission can fail.

/// A lowered trace function.
pub struct Emitted {
    pub code: Vec<u8>,
    /// Per exit (index = ExitId), the offset of the branch instruction that leaves the fast
    /// path for that exit's stub, to be patched later into a jump to a bridge.
    pub exit_branches: Vec<u32>,
    pub stats: EmitStats,
}

/// Counts of what a lowering emitted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EmitStats {
    pub insns: u32,          // machine instructions emitted (x64: count instructions, not bytes)
    pub bytes: u32,
    pub spills: u32,         // stores to spill slots
    pub reloads: u32,        // loads from spill slots
    pub helper_calls: u32,   // Call instructions emitted
}

/// Why a function could not be emitted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EmitError {
    /// A branch displacement does not fit its instruction.
    OutOfRange,
    /// The function uses something this lowering does not handle (the message says what).
    Unsupported(String),
}

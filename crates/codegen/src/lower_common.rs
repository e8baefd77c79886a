//! What both ISAs' lowerings return: the code, where each exit's branch is, and figures.

pub struct Emitted {
    pub code: Vec<u8>,
    /// Per exit (index = ExitId), the offset of the branch instruction that leaves the fast
    /// path for that exit's stub, to be patched later into a jump to a bridge.
    pub exit_branches: Vec<u32>,
    pub stats: EmitStats,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EmitStats {
    pub insns: u32,
    pub bytes: u32,
    pub spills: u32,
    pub reloads: u32,
    pub helper_calls: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EmitError {
    OutOfRange,
    Unsupported(String),
}

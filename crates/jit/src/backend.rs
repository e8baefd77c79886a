//! The choice of instruction set: register allocation and emission through pyjit-codegen for
//! the host's ISA (whose code runs) or the other one (`-X jit-cross`: compiled for
//! comparison, never run).

use pyjit_codegen::lir::Func;
use pyjit_codegen::lower_common::{EmitStats, Emitted};
use pyjit_codegen::regalloc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Isa {
    X64,
    Aarch64,
}

impl Isa {
    pub fn native() -> Option<Isa> {
        if cfg!(target_arch = "x86_64") {
            Some(Isa::X64)
        } else if cfg!(target_arch = "aarch64") {
            Some(Isa::Aarch64)
        } else {
            None
        }
    }
    pub fn other(self) -> Isa {
        match self {
            Isa::X64 => Isa::Aarch64,
            Isa::Aarch64 => Isa::X64,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Isa::X64 => "x86_64",
            Isa::Aarch64 => "aarch64",
        }
    }
}

/// Allocates registers and emits `f` for `isa`.
pub fn compile(isa: Isa, f: &Func) -> Result<Emitted, String> {
    match isa {
        Isa::X64 => x64(f),
        Isa::Aarch64 => aarch64(f),
    }
}

fn x64(f: &Func) -> Result<Emitted, String> {
    let a = regalloc::allocate(f, &pyjit_codegen::x64::lower::TARGET);
    pyjit_codegen::x64::lower::emit(f, &a).map_err(|e| format!("{e:?}"))
}

fn aarch64(f: &Func) -> Result<Emitted, String> {
    let a = regalloc::allocate(f, &pyjit_codegen::aarch64::lower::TARGET);
    pyjit_codegen::aarch64::lower::emit(f, &a).map_err(|e| format!("{e:?}"))
}

/// Statistics of one emitted trace.
pub fn stats(e: &Emitted) -> EmitStats {
    e.stats
}

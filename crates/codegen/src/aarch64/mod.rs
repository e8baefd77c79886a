//! AArch64: registers, encoder, encoding tests (see the module files).

//! x86-64: registers, encoder, encoding tests (see the module files).

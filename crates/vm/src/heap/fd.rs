//! Files over raw descriptors (`open(fd)`, `FileIO(fd)`, the standard streams): the one
//! place the io stack needs `unsafe`.
#![allow(unsafe_code)]

use std::fs::File;
use std::mem::ManuallyDrop;
use std::os::fd::{FromRawFd, RawFd};

/// A `File` over descriptor `fd` that never closes it: dropping the result leaves the
/// descriptor open. The caller takes ownership (`ManuallyDrop::into_inner`) only when it
/// owns the descriptor (`closefd=True`, as CPython's FileIO does).
pub fn borrowed_file(fd: RawFd) -> ManuallyDrop<File> {
    // SAFETY: `File::from_raw_fd` requires `fd` to be open and owned by the new `File`.
    // The `File` is wrapped in `ManuallyDrop`, so it never closes `fd` unless the caller
    // explicitly takes ownership, which the io layer does only for descriptors the program
    // handed over (closefd=True) after `fstat` succeeded on them. A descriptor that is not
    // open makes every operation fail with EBADF; no memory is involved.
    ManuallyDrop::new(unsafe { File::from_raw_fd(fd) })
}

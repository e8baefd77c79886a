//! `gil_local!`: process-wide statics for state only the thread holding the GIL touches
//! (see `threads.rs`). Declared like `thread_local!` and used the same way (`X.with(|x| ..)`),
//! but every thread sees the same value: caches and tables that hold Python objects (class
//! objects of a module, the weak reference table) must not be one per OS thread, or a thread
//! would miss what another registered and the collector would purge only its own copy.
//! Scratch buffers stay `thread_local!`.
#![allow(unsafe_code)]

use std::sync::LazyLock;

/// A value shared by all threads, reached only under the GIL.
pub struct GilLocal<T: 'static> {
    inner: LazyLock<Shared<T>, fn() -> Shared<T>>,
}

/// The value of a `GilLocal` (public for the macro).
#[doc(hidden)]
pub struct Shared<T>(pub T);

// SAFETY: a `GilLocal` is only reached by the thread that holds the GIL (Python code and
// the natives it calls; threads without the GIL run only blocking calls that touch no
// interpreter state), so its value is never used by two threads at once, and the GIL's
// mutex orders one holder's accesses before the next holder's.
unsafe impl<T> Sync for Shared<T> {}
// SAFETY: as above.
unsafe impl<T> Send for Shared<T> {}

impl<T: 'static> GilLocal<T> {
    pub const fn new(init: fn() -> Shared<T>) -> GilLocal<T> {
        GilLocal { inner: LazyLock::new(init) }
    }

    /// Runs `f` on the value (made on first use).
    pub fn with<R>(&'static self, f: impl FnOnce(&T) -> R) -> R {
        f(&self.inner.0)
    }
}

/// Declares `GilLocal` statics with `thread_local!`'s syntax.
#[macro_export]
macro_rules! gil_local {
    ($(#[$m:meta])* $vis:vis static $name:ident: $t:ty = const $b:block; $($rest:tt)*) => {
        $crate::gil_local!($(#[$m])* $vis static $name: $t = $b; $($rest)*);
    };
    ($(#[$m:meta])* $vis:vis static $name:ident: $t:ty = const $b:block) => {
        $crate::gil_local!($(#[$m])* $vis static $name: $t = $b;);
    };
    ($(#[$m:meta])* $vis:vis static $name:ident: $t:ty = $e:expr; $($rest:tt)*) => {
        $(#[$m])* $vis static $name: $crate::gil_local::GilLocal<$t> = $crate::gil_local::GilLocal::new(|| $crate::gil_local::Shared($e));
        $crate::gil_local!($($rest)*);
    };
    ($(#[$m:meta])* $vis:vis static $name:ident: $t:ty = $e:expr) => {
        $crate::gil_local!($(#[$m])* $vis static $name: $t = $e;);
    };
    () => {};
}

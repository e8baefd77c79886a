//! Lends the running `Vm` to SQLite's callbacks (user functions, aggregates, collations):
//! SQLite calls them from inside `sqlite3_step`, through closures that must be `'static`,
//! so the VM cannot be captured; it is lent through a thread-local pointer for the
//! duration of the step instead.
#![allow(unsafe_code)]

use std::cell::Cell;

use pyjit_vm::Vm;

thread_local! {
    static LENT: Cell<*mut Vm> = const { Cell::new(std::ptr::null_mut()) };
}

/// Runs `f` (which steps SQLite) with `vm` lent to the callbacks it may run. `f` cannot
/// reach `vm` itself: the only way to it while `f` runs is `with_vm`.
pub fn lend<R>(vm: &mut Vm, f: impl FnOnce() -> R) -> R {
    let prev = LENT.with(|c| c.replace(vm as *mut Vm));
    let r = f();
    LENT.with(|c| c.set(prev));
    r
}

/// Runs `f` with the lent VM; None when no VM is lent (a callback outside a step).
pub fn with_vm<R>(f: impl FnOnce(&mut Vm) -> R) -> Option<R> {
    // taken out while in use: a nested step lends again from the reference given here
    let p = LENT.with(|c| c.replace(std::ptr::null_mut()));
    if p.is_null() {
        return None;
    }
    // SAFETY: `p` came from the `&mut Vm` given to `lend`, whose caller gave up every use of
    // it until `lend` returns (the closure there cannot capture it), and `lend` is still on
    // the stack below this callback (SQLite calls callbacks synchronously from the step
    // `lend` runs). The pointer is removed from the slot while this reference lives, so no
    // second reference to the VM is made from it; it is put back afterwards.
    let vm = unsafe { &mut *p };
    let r = f(vm);
    LENT.with(|c| c.set(p));
    Some(r)
}

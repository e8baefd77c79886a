//! Fuzz target: mutated Python sources (seeded from tests/py) go through compile() and, when
//! they compile, exec() in a fresh interpreter with the JIT off. Any Rust panic, abort or
//! sanitizer report is a finding; Python exceptions are the expected outcome of bad input.
//! A watchdog sends SIGINT after 100-200 ms, so a looping program ends by KeyboardInterrupt
//! (pyjit checks signals on backward jumps) instead of hanging the fuzzer.
#![no_main]

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Once;
use std::time::Duration;

use libfuzzer_sys::fuzz_target;

/// The run the watchdog may interrupt (0: none), and the thread running it.
static RUN: AtomicU64 = AtomicU64::new(0);
static THREAD: AtomicU64 = AtomicU64::new(0);
static START: Once = Once::new();

fn start() {
    pyjit_stdlib::install();
    pyjit_vm::signals::install_startup_handlers();
    // SIGINT is pyjit's (run libFuzzer with -handle_int=0): the watchdog's signal must
    // become KeyboardInterrupt in the program, not end the fuzzer
    let _ = pyjit_vm::signals::set_action(libc::SIGINT, pyjit_vm::signals::Action::Python);
    // SAFETY: pthread_self has no preconditions.
    THREAD.store(unsafe { libc::pthread_self() } as u64, Ordering::SeqCst);
    std::thread::spawn(|| {
        // the watchdog must not take the signal itself
        pyjit_vm::signals::block_in_this_thread();
        let mut last = 0;
        loop {
            std::thread::sleep(Duration::from_millis(100));
            let now = RUN.load(Ordering::SeqCst);
            if now != 0 && now == last {
                // SAFETY: THREAD is the fuzzing thread, alive for the process.
                unsafe {
                    libc::pthread_kill(THREAD.load(Ordering::SeqCst) as libc::pthread_t, libc::SIGINT);
                }
            }
            last = now;
        }
    });
}

static COUNTER: AtomicU64 = AtomicU64::new(1);

/// Sources that could reach the OS (files, processes, signals) through imports, open() or
/// introspection are not run: mutated programs must not delete files or kill processes on
/// the machine that fuzzes. (They are still compiled.)
const UNSAFE_WORDS: &[&str] = &[
    "import", "open", "exec", "eval", "compile", "getattr", "setattr", "delattr", "vars", "globals",
    "locals", "__dict__", "__self__", "__subclasses__", "__builtins__", "__loader__", "__spec__",
    "__reduce", "__base", "mro", "breakpoint", "help", "exit", "quit", "sys", "gc", "tb_",
    "f_back", "gi_", "cr_", "ag_", "__getattribute__", "__objclass__", "__wrapped__",
];

fuzz_target!(|data: &[u8]| {
    START.call_once(start);
    let Ok(source) = std::str::from_utf8(data) else { return };
    if source.len() > 20_000 {
        return;
    }
    let anchor = 0u64;
    let top = std::hint::black_box(&anchor) as *const u64 as usize;
    let mut vm = pyjit_vm::Vm::new(pyjit_vm::Config::default());
    vm.stack_top = top;
    let code = match vm.compile_source(source, "<fuzz>", pyjit_compiler::Mode::Exec) {
        Ok(c) => c,
        Err(_) => return,
    };
    if UNSAFE_WORDS.iter().any(|w| source.contains(w)) {
        return;
    }
    let d = vm.new_dict();
    let b = vm.builtins;
    vm.dict_set_str(d, "__builtins__", b);
    let name = vm.new_str("__main__");
    vm.dict_set_str(d, "__name__", name);
    RUN.store(COUNTER.fetch_add(1, Ordering::SeqCst), Ordering::SeqCst);
    let _ = vm.run_code(code, d, d);
    RUN.store(0, Ordering::SeqCst);
    // a signal the watchdog sent as the run ended is dropped with this interpreter
    let _ = pyjit_vm::signals::check(&mut vm);
    vm.at_exit();
});

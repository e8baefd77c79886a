//! The interactive prompt: `>>>` and `...` continuation, echo of expression values.

use std::io::{BufRead, Write};

use pyjit_vm::Vm;

/// Reads statements from stdin until EOF; returns the exit status.
pub fn run(vm: &mut Vm) -> i32 {
    eprintln!("Python 3.11.7 (pyjit 0.1.0) on {}\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.", std::env::consts::OS);
    let d = vm.main_module(None);
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    loop {
        let mut buf = String::new();
        let mut prompt = ">>> ";
        loop {
            eprint!("{prompt}");
            let _ = std::io::stderr().flush();
            let Some(Ok(line)) = lines.next() else {
                eprintln!();
                pyjit_vm::modules::sys::flush_stdout(vm);
                return 0;
            };
            buf.push_str(&line);
            buf.push('\n');
            let complete = is_complete(&buf, &line);
            if complete {
                break;
            }
            prompt = "... ";
        }
        if buf.trim().is_empty() {
            continue;
        }
        let r = vm.compile_source(&buf, "<stdin>", pyjit_compiler::Mode::Single).and_then(|code| vm.run_code(code, d, d));
        if let Err(e) = r {
            if vm.isinstance(e.0, vm.types.system_exit) {
                return vm.handle_uncaught(e);
            }
            vm.handle_uncaught(e);
        }
        pyjit_vm::modules::sys::flush_stdout(vm);
    }
}

/// A block is complete when the last line is blank, or when a single line compiles.
fn is_complete(buf: &str, last: &str) -> bool {
    let first = buf.lines().next().unwrap_or("");
    let opens_block = first.trim_end().ends_with(':') || first.trim_end().ends_with('\\');
    if opens_block {
        return last.trim().is_empty();
    }
    match pyjit_compiler::compile(buf, "<stdin>", pyjit_compiler::Mode::Single) {
        Ok(_) => true,
        Err(e) => !(e.msg.contains("never closed") || e.msg.contains("unexpected EOF") || e.msg.contains("unterminated triple")),
    }
}

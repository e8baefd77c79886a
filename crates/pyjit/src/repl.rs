//! The interactive prompt: `>>>` and `...` continuation, echo of expression values.
//! With a terminal on stdin and stdout, lines are read through the line editor (editing
//! keys, history); otherwise plain lines are read and the prompt goes to stderr, as
//! CPython does without readline.

use std::io::{BufRead, IsTerminal, Write};

use pyjit_vm::Vm;

use crate::lineedit::{self, History, ReadLine};

/// Where prompt lines come from.
enum Source {
    Editor(History),
    Plain,
}

impl Source {
    fn read(&mut self, vm: &mut Vm, prompt: &str) -> ReadLine {
        if let Source::Editor(h) = self {
            if let Some(r) = lineedit::read_line(prompt, h) {
                return r;
            }
            *self = Source::Plain;
        }
        eprint!("{prompt}");
        let _ = std::io::stderr().flush();
        read_plain_line(vm)
    }
}

/// One line from stdin; Ctrl-C (SIGINT) while waiting gives Interrupted.
fn read_plain_line(vm: &mut Vm) -> ReadLine {
    let mut line = Vec::new();
    let stdin = std::io::stdin();
    loop {
        // a signal that arrived before the read (the read could block until the next one)
        if pyjit_vm::signals::pending() && pyjit_vm::signals::check(vm).is_err() {
            return ReadLine::Interrupted;
        }
        let mut lock = stdin.lock();
        let (done, used) = match lock.fill_buf() {
            Ok([]) => {
                if line.is_empty() {
                    return ReadLine::Eof;
                }
                (true, 0)
            }
            Ok(buf) => match buf.iter().position(|&b| b == b'\n') {
                Some(i) => {
                    line.extend_from_slice(&buf[..i]);
                    (true, i + 1)
                }
                None => {
                    line.extend_from_slice(buf);
                    (false, buf.len())
                }
            },
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {
                drop(lock);
                // a signal: its Python handler runs; KeyboardInterrupt abandons the line
                if pyjit_vm::signals::check(vm).is_err() {
                    return ReadLine::Interrupted;
                }
                continue;
            }
            Err(_) => return ReadLine::Eof,
        };
        lock.consume(used);
        if done {
            return ReadLine::Line(String::from_utf8_lossy(&line).into_owned());
        }
    }
}

/// Reads statements from stdin until EOF; returns the exit status. `banner`: the version
/// lines first (not after a program run with -i, nor with -q).
pub fn run(vm: &mut Vm, banner: bool) -> i32 {
    // from here SystemExit ends the process again (-i reported the program's)
    vm.config.flags.inspect = false;
    if banner {
        eprintln!("Python 3.11.7 (pyjit 0.1.0) on {}\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.", std::env::consts::OS);
    }
    let d = vm.main_dict();
    // like CPython, the REPL runs sys.__interactivehook__ first; pyjit's default hook turns
    // on the history file
    pyjit_vm::modules::sys_hooks::run_interactivehook(vm);
    let history = if pyjit_vm::modules::sys_hooks::interactive_history_enabled(vm) { History::load() } else { History::empty() };
    let mut source = if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        Source::Editor(history)
    } else {
        Source::Plain
    };
    'outer: loop {
        let mut buf = String::new();
        let mut prompt = ">>> ";
        loop {
            let line = match source.read(vm, prompt) {
                ReadLine::Line(l) => l,
                ReadLine::Interrupted => {
                    if matches!(source, Source::Plain) {
                        eprintln!();
                    }
                    eprintln!("KeyboardInterrupt");
                    continue 'outer;
                }
                ReadLine::Eof => {
                    if matches!(source, Source::Plain) {
                        eprintln!();
                    }
                    vm.at_exit();
                    return 0;
                }
            };
            buf.push_str(&line);
            buf.push('\n');
            let complete = is_complete(&buf, &line);
            if complete {
                break;
            }
            prompt = "... ";
        }
        // blank lines and comments are no statement
        if buf.lines().all(|l| l.trim().is_empty() || l.trim_start().starts_with('#')) {
            continue;
        }
        let r = vm
            .compile_source(&buf, "<stdin>", pyjit_compiler::Mode::Single)
            .and_then(|code| vm.run_code(code, d, d))
            // a signal that arrived during the statement (after its last check) belongs to it
            .and_then(|_| pyjit_vm::signals::check(vm).map(|()| vm.none));
        if let Err(e) = r {
            if vm.isinstance(e.0, vm.types.system_exit) {
                let status = vm.handle_uncaught(e);
                vm.at_exit();
                return status;
            }
            vm.handle_uncaught(e);
            // KeyboardInterrupt in a statement: reported, and the prompt comes back
            pyjit_vm::signals::clear_exit_by_sigint();
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

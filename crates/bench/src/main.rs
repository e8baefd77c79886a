//! pyjit-bench: runs the programs in bench/programs under several Python
//! implementations and reports speedups over CPython (see bench/README.md).

mod chart;
mod results;

fn main() {
    eprintln!("pyjit-bench: not built yet");
    std::process::exit(2);
}

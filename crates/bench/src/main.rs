//! pyjit-bench: runs the programs in bench/programs under several Python
//! implementations and reports speedups over CPython (see bench/README.md).

mod assemble;
mod chart;
mod cli;
mod clock;
mod codequality;
mod codequality_md;
mod codequality_run;
mod commands;
mod compare;
mod impls;
mod jitstats;
mod machine;
mod markdown;
mod output;
mod process;
mod programs;
mod progress;
mod results;
#[allow(unsafe_code)]
mod rusage;
mod stats;
mod suite;
mod verdict;
mod warmup;

use cli::Command;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = cli::parse(&args).and_then(|cmd| match cmd {
        Command::Help => {
            print!("{}", cli::HELP);
            Ok(0)
        }
        Command::Run(opts) => commands::run(&opts),
        Command::Compare {
            before,
            after,
            implementation,
        } => commands::compare(&before, &after, implementation.as_deref()),
        Command::Chart { input, out } => commands::chart(&input, out.as_deref()),
        Command::ArchChart { a, b, out } => commands::arch_chart(&a, &b, out.as_deref()),
        Command::CodeQuality(opts) => codequality_run::codequality(&opts),
    });
    match result {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            eprintln!("pyjit-bench: error: {e}");
            std::process::exit(2);
        }
    }
}

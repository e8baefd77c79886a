//! The `pyjit` command: python3's command line (script, -c, -m, stdin, REPL and options).

mod jitopts;
mod lineedit;

/// Small Rust-side blocks (payload vectors, strings) come from per-size free lists
/// (see pyjit_vm::heap::small_alloc for why).
#[global_allocator]
static ALLOC: pyjit_vm::heap::small_alloc::SmallAlloc = pyjit_vm::heap::small_alloc::SmallAlloc::new();
mod repl;

use pyjit_vm::{Config, Vm};

const VERSION: &str = "Python 3.11.7 (pyjit 0.1.0)";

const USAGE: &str = "usage: pyjit [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options (and corresponding environment variables):
-c cmd : program passed in as string (terminates option list)
-E     : ignore PYTHON* environment variables (such as PYTHONPATH)
-h     : print this help message and exit (also -? or --help)
-I     : isolate Python from the user's environment (implies -E and -s)
-m mod : run library module as a script (terminates option list)
-u     : force the stdout and stderr streams to be unbuffered
-V     : print the Python version number and exit (also --version)
-W arg : warning control
-X opt : set implementation-specific option:
         -X dis         print the bytecode of every code object and exit
         -X gc-stress   collect garbage at every allocation (or PYJIT_GC_STRESS=1)
         -X jit-info    print the architecture and JIT backend and exit
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]
";

enum Program {
    File(String),
    Command(String),
    Module(String),
    Stdin,
}

struct Cli {
    config: Config,
    program: Program,
    dis: bool,
    jit_info: bool,
}

fn parse_args(args: Vec<String>) -> Result<Cli, (i32, String)> {
    let mut config = Config::default();
    let mut i = 1;
    let mut program = None;
    let mut dis = false;
    let mut jit_info = false;
    while i < args.len() {
        let a = &args[i];
        if a == "-" {
            program = Some(Program::Stdin);
            config.argv = args[i..].to_vec();
            break;
        }
        if a == "--version" {
            return Err((0, format!("{VERSION}\n")));
        }
        if a == "--help" || a == "-h" || a == "-?" {
            return Err((0, USAGE.to_string()));
        }
        if !a.starts_with('-') || a.len() < 2 {
            program = Some(Program::File(a.clone()));
            config.argv = args[i..].to_vec();
            break;
        }
        // a cluster of single-letter options, possibly ending in one that takes a value
        let flags: Vec<char> = a[1..].chars().collect();
        let mut j = 0;
        let mut consumed_next = false;
        while j < flags.len() {
            let f = flags[j];
            let rest: String = flags[j + 1..].iter().collect();
            let take_value = |consumed: &mut bool| -> Result<String, (i32, String)> {
                if !rest.is_empty() {
                    Ok(rest.clone())
                } else if i + 1 < args.len() {
                    *consumed = true;
                    Ok(args[i + 1].clone())
                } else {
                    Err((2, format!("Argument expected for the -{f} option\n{}", usage_hint())))
                }
            };
            match f {
                'c' => {
                    let cmd = take_value(&mut consumed_next)?;
                    let start = if consumed_next { i + 2 } else { i + 1 };
                    config.argv = std::iter::once("-c".to_string()).chain(args[start..].iter().cloned()).collect();
                    return Ok(Cli { config, program: Program::Command(cmd), dis, jit_info });
                }
                'm' => {
                    let m = take_value(&mut consumed_next)?;
                    let start = if consumed_next { i + 2 } else { i + 1 };
                    config.argv = std::iter::once(m.clone()).chain(args[start..].iter().cloned()).collect();
                    return Ok(Cli { config, program: Program::Module(m), dis, jit_info });
                }
                'X' => {
                    let x = take_value(&mut consumed_next)?;
                    match x.as_str() {
                        "dis" => dis = true,
                        "gc-stress" => config.gc_stress = true,
                        "jit-info" => jit_info = true,
                        _ => {}
                    }
                    config.x_options.push(x);
                    break;
                }
                'W' => {
                    let w = take_value(&mut consumed_next)?;
                    config.warn_options.push(w);
                    break;
                }
                'u' => config.unbuffered = true,
                'E' => config.ignore_env = true,
                'I' => {
                    config.isolated = true;
                    config.ignore_env = true;
                    config.no_user_site = true;
                }
                'S' => config.no_site = true,
                's' => config.no_user_site = true,
                'B' | 'd' | 'O' | 'q' | 'v' | 'b' | 'P' | 'R' => {}
                'i' => config.interactive = true,
                'V' => return Err((0, format!("{VERSION}\n"))),
                'h' | '?' => return Err((0, USAGE.to_string())),
                other => {
                    return Err((2, format!("Unknown option: -{other}\n{}", usage_hint())));
                }
            }
            j += 1;
        }
        i += if consumed_next { 2 } else { 1 };
    }
    let program = program.unwrap_or_else(|| {
        config.argv = vec![String::new()];
        Program::Stdin
    });
    Ok(Cli { config, program, dis, jit_info })
}

fn usage_hint() -> String {
    "usage: pyjit [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n".to_string()
}

fn main() {
    // the native library modules (_random, itertools, ...), created on first import
    pyjit_stdlib::install();
    // Panics are pyjit bugs; inside native functions they become SystemError (see
    // Vm::call_kw). Their Rust report is printed only on request.
    std::panic::set_hook(Box::new(|info| {
        if std::env::var_os("PYJIT_DEBUG_PANIC").is_some() {
            eprintln!("pyjit internal error: {info}");
        }
    }));
    let args: Vec<String> = std::env::args().collect();
    let mut cli = match parse_args(args) {
        Ok(c) => c,
        Err((code, msg)) => {
            if code == 0 {
                print!("{msg}");
            } else {
                eprint!("{msg}");
            }
            std::process::exit(code);
        }
    };
    if cli.jit_info {
        println!("pyjit 0.1.0 arch={} backend=tracing-jit {}", std::env::consts::ARCH, pyjit_jit::backend_info());
        std::process::exit(0);
    }
    let env = |k: &str| if cli.config.ignore_env { None } else { std::env::var(k).ok() };
    if std::env::var("PYJIT_GC_STRESS").map(|v| v == "1").unwrap_or(false) {
        cli.config.gc_stress = true;
    }
    if env("PYTHONUNBUFFERED").map(|v| !v.is_empty()).unwrap_or(false) {
        cli.config.unbuffered = true;
    }
    cli.config.hash_seed = match env("PYTHONHASHSEED") {
        Some(s) if s != "random" => s.parse::<u32>().ok(),
        _ => None,
    };
    cli.config.orig_argv = std::env::args().collect();
    cli.config.home = env("PYTHONHOME").filter(|h| !h.is_empty());
    if env("PYTHONNOUSERSITE").is_some_and(|v| !v.is_empty()) {
        cli.config.no_user_site = true;
    }
    // sys.warnoptions: PYTHONWARNINGS's comma-separated options, then the -W ones
    if let Some(w) = env("PYTHONWARNINGS") {
        let from_env: Vec<String> = w.split(',').filter(|o| !o.is_empty()).map(str::to_string).collect();
        cli.config.warn_options.splice(0..0, from_env);
    }
    cli.config.executable = std::env::current_exe().map(|p| p.to_string_lossy().to_string()).unwrap_or_default();
    let script_dir = match &cli.program {
        Program::File(f) => {
            // CPython puts the script's directory, symlinks resolved, first on sys.path.
            let p = std::path::Path::new(f);
            let dir = p.parent().map(|d| if d.as_os_str().is_empty() { std::path::Path::new(".") } else { d });
            dir.and_then(|d| std::fs::canonicalize(d).ok())
                .map(|d| d.to_string_lossy().to_string())
                .unwrap_or_else(|| p.parent().map(|d| d.to_string_lossy().to_string()).unwrap_or_default())
        }
        // -m: the current directory; -c, stdin and the REPL: ''
        Program::Module(_) => std::env::current_dir().map(|d| d.to_string_lossy().to_string()).unwrap_or_default(),
        _ => String::new(),
    };
    // -I leaves out the script's directory (as -P does)
    let mut path = if cli.config.isolated { vec![] } else { vec![script_dir] };
    if let Some(pp) = env("PYTHONPATH") {
        path.extend(pp.split(':').filter(|s| !s.is_empty()).map(|s| s.to_string()));
    }
    cli.config.path = path;
    // The interpreter runs on a thread with a large stack: native recursion (repr of deep
    // structures, the parser on deep nesting) is bounded by counters long before it ends.
    let handle = std::thread::Builder::new()
        .name("pyjit-main".into())
        .stack_size(1 << 30)
        .spawn(move || {
            let anchor = 0u64;
            let top = std::hint::black_box(&anchor) as *const u64 as usize;
            run(cli, top)
        });
    let code = match handle.map(|h| h.join()) {
        Ok(Ok(code)) => code,
        _ => {
            eprintln!("Fatal Python error: the interpreter thread failed");
            70
        }
    };
    std::process::exit(code);
}

#[inline(never)]
fn run(cli: Cli, stack_top: usize) -> i32 {
    let jit = jitopts::options(&cli.config.x_options, &|k| std::env::var(k).ok());
    let mut vm = Vm::new(cli.config);
    vm.stack_top = stack_top;
    match jit {
        Ok(Some(o)) => pyjit_jit::Engine::install(&mut vm, o),
        Ok(None) => {}
        Err(e) => {
            eprintln!("pyjit: {e}");
            return 2;
        }
    }
    if !cli.dis {
        vm.start_library();
    }
    let is_tty = std::io::IsTerminal::is_terminal(&std::io::stdin());
    match cli.program {
        Program::File(f) => {
            let source = match std::fs::read(&f) {
                Ok(b) => pyjit_vm::source::decode(&mut vm, b),
                Err(e) => {
                    let exe = "pyjit";
                    let abs = std::fs::canonicalize(&f).map(|p| p.to_string_lossy().to_string()).unwrap_or_else(|_| {
                        std::env::current_dir().map(|d| d.join(&f).to_string_lossy().to_string()).unwrap_or(f.clone())
                    });
                    eprintln!("{exe}: can't open file '{abs}': [Errno {}] {}", e.raw_os_error().unwrap_or(2), errno_text(&e));
                    return 2;
                }
            };
            if cli.dis {
                return disassemble(&source, &f);
            }
            // The code's file name and __file__ are the path made absolute without
            // normalising it, as CPython 3.11 does; sys.argv[0] stays as given.
            let abs = absolute_script_path(&f);
            vm.run_main_source(&source, &abs, Some(&abs))
        }
        Program::Command(c) => {
            if cli.dis {
                return disassemble(&c, "<string>");
            }
            vm.run_main_source(&c, "<string>", None)
        }
        Program::Module(m) => run_module(&mut vm, &m),
        Program::Stdin => {
            if is_tty {
                repl::run(&mut vm)
            } else {
                let mut s = String::new();
                let _ = std::io::Read::read_to_string(&mut std::io::stdin(), &mut s);
                if cli.dis {
                    return disassemble(&s, "<stdin>");
                }
                vm.run_main_source(&s, "<stdin>", None)
            }
        }
    }
}

fn absolute_script_path(f: &str) -> String {
    if f.starts_with('/') {
        return f.to_string();
    }
    match std::env::current_dir() {
        Ok(d) => format!("{}/{f}", d.to_string_lossy().trim_end_matches('/')),
        Err(_) => f.to_string(),
    }
}

fn errno_text(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".into(),
        _ => e.to_string(),
    }
}

fn disassemble(source: &str, filename: &str) -> i32 {
    match pyjit_compiler::compile(source, filename, pyjit_compiler::Mode::Exec) {
        Ok(code) => {
            print!("{}", pyjit_compiler::dis::disassemble(&code));
            0
        }
        Err(e) => {
            eprintln!("  File \"{}\", line {}\n{}: {}", e.filename, e.line, e.kind.name(), e.msg);
            1
        }
    }
}

fn run_module(vm: &mut Vm, name: &str) -> i32 {
    // find name.py or name/__main__.py on sys.path
    let rel = name.replace('.', "/");
    let mut dirs: Vec<String> = vec![std::env::current_dir().map(|d| d.to_string_lossy().to_string()).unwrap_or_default()];
    dirs.extend(vm.config.path.iter().cloned());
    for d in dirs {
        let base = std::path::Path::new(&d);
        for cand in [base.join(format!("{rel}.py")), base.join(&rel).join("__main__.py")] {
            if cand.is_file() {
                let f = cand.to_string_lossy().to_string();
                let source = std::fs::read_to_string(&cand).unwrap_or_default();
                return vm.run_main_source(&source, &f, Some(&f));
            }
        }
    }
    eprintln!("pyjit: No module named {name}");
    1
}

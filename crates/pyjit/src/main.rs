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

/// The help text (-h); `{0}` is the command as invoked.
const USAGE: &str = "usage: {0} [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options (and corresponding environment variables):
-b     : issue warnings about str(bytes_instance), str(bytearray_instance)
         and comparing bytes/bytearray with str. (-bb: issue errors)
-B     : don't write .pyc files on import; also PYTHONDONTWRITEBYTECODE=x
-c cmd : program passed in as string (terminates option list)
-d     : turn on parser debugging output (for experts only, only works on
         debug builds); also PYTHONDEBUG=x
-E     : ignore PYTHON* environment variables (such as PYTHONPATH)
-h     : print this help message and exit (also -? or --help)
-i     : inspect interactively after running script; forces a prompt even
         if stdin does not appear to be a terminal; also PYTHONINSPECT=x
-I     : isolate Python from the user's environment (implies -E and -s)
-m mod : run library module as a script (terminates option list)
-O     : remove assert and __debug__-dependent statements; add .opt-1 before
         .pyc extension; also PYTHONOPTIMIZE=x
-OO    : do -O changes and also discard docstrings; add .opt-2 before
         .pyc extension
-P     : don't prepend a potentially unsafe path to sys.path; also PYTHONSAFEPATH
-q     : don't print version and copyright messages on interactive startup
-s     : don't add user site directory to sys.path; also PYTHONNOUSERSITE
-S     : don't imply 'import site' on initialization
-u     : force the stdout and stderr streams to be unbuffered;
         this option has no effect on stdin; also PYTHONUNBUFFERED=x
-v     : verbose (trace import statements); also PYTHONVERBOSE=x
         can be supplied multiple times to increase verbosity
-V     : print the Python version number and exit (also --version)
         when given twice, print more information about the build
-W arg : warning control; arg is action:message:category:module:lineno
         also PYTHONWARNINGS=arg
-x     : skip first line of source, allowing use of non-Unix forms of #!cmd
-X opt : set implementation-specific option:
         -X dis         print the bytecode of every code object and exit
         -X gc-stress   collect garbage at every allocation (or PYJIT_GC_STRESS=1)
         -X jit-info    print the architecture and JIT backend and exit
         -X dev, -X utf8, -X int_max_str_digits=N as in CPython
Arguments:
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
    /// -x: the program's first line is not Python.
    skip_first_line: bool,
    /// -X int_max_str_digits's value as given (checked once the environment is read).
    bad_option: Option<String>,
}

fn parse_args(args: Vec<String>) -> Result<Cli, (i32, String)> {
    let argv0 = args.first().cloned().unwrap_or_else(|| "pyjit".into());
    let mut cli = Cli { config: Config::default(), program: Program::Stdin, dis: false, jit_info: false, skip_first_line: false, bad_option: None };
    let mut i = 1;
    let mut program = None;
    let mut version = 0;
    while i < args.len() {
        let a = &args[i];
        if a == "-" {
            program = Some(Program::Stdin);
            cli.config.argv = args[i..].to_vec();
            break;
        }
        if let Some(long) = a.strip_prefix("--") {
            match long {
                "" => {
                    // "--" ends the options; what follows is the program
                    i += 1;
                    if i < args.len() {
                        program = Some(if args[i] == "-" { Program::Stdin } else { Program::File(args[i].clone()) });
                        cli.config.argv = args[i..].to_vec();
                    }
                    break;
                }
                "version" => version += 1,
                "help" | "help-all" | "help-env" | "help-xoptions" => return Err((0, USAGE.replace("{0}", &argv0))),
                "check-hash-based-pycs" => {
                    if i + 1 >= args.len() {
                        return Err((2, format!("Argument expected for the --check-hash-based-pycs option\n{}", usage_hint(&argv0))));
                    }
                    i += 1;
                }
                _ => return Err((2, format!("unknown option {a}\n{}", usage_hint(&argv0)))),
            }
            i += 1;
            continue;
        }
        if !a.starts_with('-') || a.len() < 2 {
            program = Some(Program::File(a.clone()));
            cli.config.argv = args[i..].to_vec();
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
                    Err((2, format!("Argument expected for the -{f} option\n{}", usage_hint(&argv0))))
                }
            };
            let fl = &mut cli.config.flags;
            match f {
                'c' => {
                    let cmd = take_value(&mut consumed_next)?;
                    let start = if consumed_next { i + 2 } else { i + 1 };
                    cli.config.argv = std::iter::once("-c".to_string()).chain(args[start..].iter().cloned()).collect();
                    program = Some(Program::Command(cmd));
                    i = args.len();
                    break;
                }
                'm' => {
                    let m = take_value(&mut consumed_next)?;
                    let start = if consumed_next { i + 2 } else { i + 1 };
                    // runpy puts the module's file path in sys.argv[0] once it is found
                    cli.config.argv = std::iter::once("-m".to_string()).chain(args[start..].iter().cloned()).collect();
                    program = Some(Program::Module(m));
                    i = args.len();
                    break;
                }
                'X' => {
                    let x = take_value(&mut consumed_next)?;
                    let (key, val) = match x.split_once('=') {
                        Some((k, v)) => (k, Some(v)),
                        None => (x.as_str(), None),
                    };
                    match key {
                        "dis" => cli.dis = true,
                        "gc-stress" => cli.config.gc_stress = true,
                        "jit-info" => cli.jit_info = true,
                        "dev" => cli.config.flags.dev_mode = true,
                        "utf8" => cli.config.flags.utf8_mode = val != Some("0"),
                        "warn_default_encoding" => cli.config.flags.warn_default_encoding = true,
                        "int_max_str_digits" => match val.and_then(|v| v.parse::<i64>().ok()).filter(|&n| n == 0 || n >= 640) {
                            Some(n) => cli.config.flags.int_max_str_digits = Some(n),
                            None => {
                                cli.bad_option = Some("-X int_max_str_digits: invalid limit; must be >= 640 or 0 for unlimited.".into())
                            }
                        },
                        _ => {}
                    }
                    cli.config.x_options.push(x);
                    break;
                }
                'W' => {
                    let w = take_value(&mut consumed_next)?;
                    cli.config.warn_options.push(w);
                    break;
                }
                'u' => cli.config.unbuffered = true,
                'E' => cli.config.ignore_env = true,
                'I' => {
                    cli.config.isolated = true;
                    cli.config.ignore_env = true;
                    cli.config.no_user_site = true;
                    fl.safe_path = true;
                }
                'S' => cli.config.no_site = true,
                's' => cli.config.no_user_site = true,
                'B' => fl.dont_write_bytecode = true,
                'd' => fl.debug = fl.debug.saturating_add(1),
                'O' => fl.optimize = fl.optimize.saturating_add(1),
                'q' => fl.quiet = true,
                'v' => fl.verbose = fl.verbose.saturating_add(1),
                'b' => fl.bytes_warning = fl.bytes_warning.saturating_add(1),
                'P' => fl.safe_path = true,
                'R' => {}
                'x' => cli.skip_first_line = true,
                'i' => {
                    cli.config.interactive = true;
                    fl.inspect = true;
                }
                'V' => version += 1,
                'h' | '?' => return Err((0, USAGE.replace("{0}", &argv0))),
                other => {
                    return Err((2, format!("Unknown option: -{other}\n{}", usage_hint(&argv0))));
                }
            }
            j += 1;
        }
        if program.is_some() {
            break;
        }
        i += if consumed_next { 2 } else { 1 };
    }
    if version > 0 {
        return Err((0, format!("{VERSION}\n")));
    }
    cli.program = program.unwrap_or_else(|| {
        cli.config.argv = vec![String::new()];
        Program::Stdin
    });
    Ok(cli)
}

fn usage_hint(argv0: &str) -> String {
    format!("usage: {argv0} [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n")
}

/// The PYTHON* variables that set sys.flags (CPython's config_read_env_vars): a number
/// sets the level, any other non-empty value 1; options given count too (the larger wins).
fn env_flags(cli: &mut Cli, env: &dyn Fn(&str) -> Option<String>) {
    let level = |k: &str| -> u8 {
        match env(k) {
            Some(v) if !v.is_empty() => v.parse::<u8>().unwrap_or(1),
            _ => 0,
        }
    };
    let f = &mut cli.config.flags;
    f.optimize = f.optimize.max(level("PYTHONOPTIMIZE"));
    f.debug = f.debug.max(level("PYTHONDEBUG"));
    f.verbose = f.verbose.max(level("PYTHONVERBOSE"));
    f.inspect |= level("PYTHONINSPECT") > 0;
    f.dont_write_bytecode |= level("PYTHONDONTWRITEBYTECODE") > 0;
    f.safe_path |= level("PYTHONSAFEPATH") > 0;
    f.dev_mode |= level("PYTHONDEVMODE") > 0;
    f.warn_default_encoding |= level("PYTHONWARNDEFAULTENCODING") > 0;
    if !cli.config.x_options.iter().any(|x| x == "utf8" || x.starts_with("utf8=")) {
        f.utf8_mode = match env("PYTHONUTF8").as_deref() {
            Some("1") => true,
            Some("0") => false,
            // the C or POSIX locale turns UTF-8 mode on (PEP 540)
            _ => {
                let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
                let loc = var("LC_ALL").or_else(|| var("LC_CTYPE")).or_else(|| var("LANG")).unwrap_or_default();
                loc.is_empty() || loc == "C" || loc == "POSIX"
            }
        };
    }
    if f.int_max_str_digits.is_none() {
        if let Some(v) = env("PYTHONINTMAXSTRDIGITS") {
            match v.parse::<i64>().ok().filter(|&n| n == 0 || n >= 640) {
                Some(n) => f.int_max_str_digits = Some(n),
                None => cli.bad_option = Some("PYTHONINTMAXSTRDIGITS: invalid limit; must be >= 640 or 0 for unlimited.".into()),
            }
        }
    }
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
    let ignore_env = cli.config.ignore_env;
    let env = move |k: &str| if ignore_env { None } else { std::env::var(k).ok() };
    env_flags(&mut cli, &env);
    if let Some(msg) = cli.bad_option.take() {
        eprintln!("Fatal Python error: config_init_int_max_str_digits: {msg}\nPython runtime state: preinitialized\n");
        std::process::exit(1);
    }
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
    cli.config.executable = program_executable(cli.config.orig_argv.first().map(String::as_str));
    // -O / -OO: asserts, __debug__ and docstrings, for every compilation from here on
    pyjit_compiler::set_optimize(cli.config.flags.optimize.min(2));
    let script_dir = match &cli.program {
        Program::File(f) if main_importer_path(f) => {
            // a directory or zip file holding __main__.py is itself sys.path[0]
            let p = std::path::Path::new(f);
            std::fs::canonicalize(p).map(|d| d.to_string_lossy().to_string()).unwrap_or_else(|_| f.clone())
        }
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
    // -P and -I leave out the script's directory, unless it is the program itself
    let is_importer = matches!(&cli.program, Program::File(f) if main_importer_path(f));
    cli.config.path0 = if cli.config.flags.safe_path && !is_importer { None } else { Some(script_dir) };
    let mut path = vec![];
    if let Some(pp) = env("PYTHONPATH") {
        path.extend(pp.split(':').filter(|s| !s.is_empty()).map(|s| s.to_string()));
    }
    cli.config.path = path;
    // Ctrl-C raises KeyboardInterrupt (see pyjit_vm::signals)
    pyjit_vm::signals::install_startup_handlers();
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
    // signals go to the interpreter thread, so that they interrupt its blocking calls
    pyjit_vm::signals::block_in_this_thread();
    let code = match handle.map(|h| h.join()) {
        Ok(Ok(code)) => code,
        _ => {
            eprintln!("Fatal Python error: the interpreter thread failed");
            70
        }
    };
    if pyjit_vm::signals::exit_by_sigint() {
        // an uncaught KeyboardInterrupt: die by SIGINT as CPython does (status 130 in a shell)
        pyjit_vm::signals::die_by_sigint();
    }
    std::process::exit(code);
}

/// Whether the program named on the command line is a directory or zip file, run through
/// its `__main__` module as CPython does.
fn main_importer_path(f: &str) -> bool {
    let p = std::path::Path::new(f);
    if p.is_dir() {
        return true;
    }
    // a zip archive ends with its end-of-central-directory record (signature PK\5\6),
    // within the last 64 KiB + 22 bytes
    let Ok(mut file) = std::fs::File::open(p) else { return false };
    let Ok(len) = file.metadata().map(|m| m.len()) else { return false };
    let tail = len.min(65536 + 22);
    use std::io::{Read, Seek, SeekFrom};
    if file.seek(SeekFrom::Start(len - tail)).is_err() {
        return false;
    }
    let mut buf = Vec::with_capacity(tail as usize);
    if file.take(tail).read_to_end(&mut buf).is_err() {
        return false;
    }
    buf.windows(4).any(|w| w == b"PK\x05\x06")
}

#[inline(never)]
fn run(cli: Cli, stack_top: usize) -> i32 {
    let jit = jitopts::options(&cli.config.x_options, &|k| std::env::var(k).ok());
    let inspect = cli.config.flags.inspect;
    let quiet = cli.config.flags.quiet;
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
    } else {
        vm.insert_path0();
    }
    let is_tty = std::io::IsTerminal::is_terminal(&std::io::stdin());
    let skip = |s: String| if cli.skip_first_line { skip_first_line(s) } else { s };
    let status = match cli.program {
        Program::File(f) if !cli.dis && main_importer_path(&f) => {
            match vm.run_main_module("__main__", false) {
                Some(status) => status,
                None => run_dir_main(&mut vm, &f),
            }
        }
        Program::File(f) => {
            let source = match std::fs::read(&f) {
                Ok(b) => pyjit_vm::source::decode(&mut vm, b),
                Err(e) => {
                    let exe = std::env::args().next().unwrap_or_else(|| "pyjit".into());
                    let abs = std::fs::canonicalize(&f).map(|p| p.to_string_lossy().to_string()).unwrap_or_else(|_| {
                        std::env::current_dir().map(|d| d.join(&f).to_string_lossy().to_string()).unwrap_or(f.clone())
                    });
                    eprintln!("{exe}: can't open file '{abs}': [Errno {}] {}", e.raw_os_error().unwrap_or(2), errno_text(&e));
                    return 2;
                }
            };
            let source = skip(source);
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
        Program::Module(m) => match vm.run_main_module(&m, true) {
            Some(status) => status,
            None => run_module(&mut vm, &m),
        },
        Program::Stdin => {
            if is_tty || inspect {
                // the prompt; `pyjit -i` with no program reads it even from a pipe
                return repl::run(&mut vm, !quiet);
            }
            let mut s = String::new();
            let _ = std::io::Read::read_to_string(&mut std::io::stdin(), &mut s);
            let s = skip(s);
            if cli.dis {
                return disassemble(&s, "<stdin>");
            }
            vm.run_main_source(&s, "<stdin>", Some("<stdin>"))
        }
    };
    if inspect {
        // -i: the prompt opens after the program, whatever it raised
        pyjit_vm::signals::clear_exit_by_sigint();
        return repl::run(&mut vm, false);
    }
    status
}

/// -x: the first line is left out (its newline stays, so line numbers are the file's).
fn skip_first_line(s: String) -> String {
    match s.find('\n') {
        Some(i) => s[i..].to_string(),
        None => String::new(),
    }
}

/// A directory's __main__.py when the library (runpy) is missing.
fn run_dir_main(vm: &mut Vm, dir: &str) -> i32 {
    let main = std::path::Path::new(dir).join("__main__.py");
    match std::fs::read_to_string(&main) {
        Ok(source) => {
            let f = main.to_string_lossy().to_string();
            vm.run_main_source(&source, &f, Some(&f))
        }
        Err(_) => {
            let exe = std::env::args().next().unwrap_or_else(|| "pyjit".into());
            let abs = std::fs::canonicalize(dir).map(|p| p.to_string_lossy().to_string()).unwrap_or(dir.to_string());
            eprintln!("{exe}: can't find '__main__' module in '{abs}'");
            1
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

/// sys.executable as CPython's getpath computes it: argv[0] made absolute when it names a
/// path, else the first executable file of that name on PATH; symlinks are not resolved, so
/// a virtual environment's `bin/python` link stays itself (and finds its pyvenv.cfg).
/// Failing both, the running binary.
fn program_executable(argv0: Option<&str>) -> String {
    use std::os::unix::fs::PermissionsExt;
    let running = || std::env::current_exe().map(|p| p.to_string_lossy().to_string()).unwrap_or_default();
    let Some(prog) = argv0.filter(|p| !p.is_empty()) else { return running() };
    if prog.contains('/') {
        let p = std::path::Path::new(prog);
        let abs = if p.is_absolute() {
            p.to_path_buf()
        } else {
            match std::env::current_dir() {
                Ok(d) => d.join(p),
                Err(_) => return running(),
            }
        };
        return normalize_path(&abs);
    }
    if let Some(path) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&path) {
            let c = dir.join(prog);
            let exec = std::fs::metadata(&c).map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0).unwrap_or(false);
            if exec {
                let abs = if c.is_absolute() { c } else { std::env::current_dir().map(|d| d.join(&c)).unwrap_or(c) };
                return normalize_path(&abs);
            }
        }
    }
    running()
}

/// os.path.normpath of an absolute path: `.` and empty parts dropped, `..` removes the part
/// before it (lexically, as abspath does).
fn normalize_path(p: &std::path::Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for c in p.to_string_lossy().split('/') {
        match c {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            c => parts.push(c.to_string()),
        }
    }
    format!("/{}", parts.join("/"))
}

/// `-m name` without the library (no runpy): name.py or name/__main__.py on sys.path.
fn run_module(vm: &mut Vm, name: &str) -> i32 {
    let rel = name.replace('.', "/");
    let mut dirs: Vec<String> = vec![std::env::current_dir().map(|d| d.to_string_lossy().to_string()).unwrap_or_default()];
    dirs.extend(vm.config.path0.iter().chain(vm.config.path.iter()).cloned());
    for d in dirs {
        let base = std::path::Path::new(&d);
        for cand in [base.join(format!("{rel}.py")), base.join(&rel).join("__main__.py")] {
            if cand.is_file() {
                let f = cand.to_string_lossy().to_string();
                let source = std::fs::read_to_string(&cand).unwrap_or_default();
                // sys.argv[0] is the module's file, as runpy sets it
                let sys = vm.sys;
                let argv_name = vm.intern("argv");
                if let Ok(argv) = vm.getattr(sys, argv_name) {
                    let (zero, fv) = (vm.new_int(0), vm.new_str(&f));
                    let _ = vm.setitem(argv, zero, fv);
                }
                return vm.run_main_source(&source, &f, Some(&f));
            }
        }
    }
    eprintln!("{}: No module named {name}", vm.config.executable);
    1
}

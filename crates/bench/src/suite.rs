//! The measuring loop: every program, every run, every implementation, one
//! process at a time.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::assemble::{self, RawRun, RunKind};
use crate::impls::ImplSpec;
use crate::process;
use crate::programs;
use crate::progress::{Progress, Step};
use crate::results::BenchmarkResult;

/// Everything the loop needs, already resolved.
#[derive(Debug, Clone)]
pub struct Suite {
    pub programs_dir: PathBuf,
    pub repo: Option<PathBuf>,
    pub programs: Vec<String>,
    pub impls: Vec<ImplSpec>,
    pub reference: String,
    pub runs: u32,
    pub timeout: Duration,
    pub quick: bool,
}

impl Suite {
    pub fn total_processes(&self) -> usize {
        self.programs.len() * self.runs as usize * self.impls.len()
    }

    fn env(&self) -> Vec<(&'static str, &'static str)> {
        let mut env = vec![("PYJIT_BENCH_ITER_TIMES", "1")];
        if self.quick {
            env.push(("PYJIT_BENCH_QUICK", "1"));
        }
        env
    }

    /// Runs one process of `program` under `imp`.
    fn run_one(&self, imp: &ImplSpec, file_name: &str) -> RawRun {
        let mut argv = imp.argv.clone();
        argv.push(file_name.to_string());
        let env = self.env();
        match process::run(&argv, &self.programs_dir, &env, self.timeout) {
            Ok(out) => assemble::classify(&out, self.timeout.as_secs_f64()),
            Err(e) => assemble::not_started(e),
        }
    }

    /// Runs everything, interleaved: for each program, for each run, every
    /// implementation in turn.
    pub fn run(&self, progress: &mut Progress) -> Vec<BenchmarkResult> {
        let mut out = Vec::new();
        for name in &self.programs {
            let file_name = format!("{name}.py");
            let mut runs: Vec<(String, Vec<RawRun>)> = self
                .impls
                .iter()
                .map(|i| (i.name.clone(), Vec::new()))
                .collect();
            for run in 0..self.runs {
                for (imp, (_, raw)) in self.impls.iter().zip(runs.iter_mut()) {
                    let step = Step {
                        benchmark: name,
                        implementation: &imp.name,
                        run,
                        runs: self.runs,
                    };
                    progress.start(&step);
                    let r = self.run_one(imp, &file_name);
                    let outcome = match r.kind {
                        RunKind::Ok => "ok".to_string(),
                        RunKind::Failed => "FAILED".to_string(),
                        RunKind::Timeout => "TIMEOUT".to_string(),
                    };
                    progress.finish(&step, r.run.wall_s, &outcome);
                    raw.push(r);
                }
            }
            let path = self.programs_dir.join(&file_name);
            let file = programs::display_path(&path, self.repo.as_deref());
            out.push(assemble::benchmark_result(name, &file, &runs, &self.reference));
        }
        progress.end();
        out
    }
}

/// Absolute form of `p` against `cwd`.
pub fn absolute(p: &Path, cwd: &Path) -> PathBuf {
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        cwd.join(p)
    }
}

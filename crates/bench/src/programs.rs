//! Finding the repository and the benchmark programs.

use std::fs;
use std::path::{Path, PathBuf};

fn is_repo_root(dir: &Path) -> bool {
    dir.join("Cargo.toml").is_file() && dir.join("bench/programs").is_dir()
}

/// The repository root: the first directory from `cwd` upwards that holds
/// `Cargo.toml` and `bench/programs`, else the one this crate was built in.
pub fn find_repo_root(cwd: &Path) -> Option<PathBuf> {
    if let Some(dir) = cwd.ancestors().find(|d| is_repo_root(d)) {
        return Some(dir.to_path_buf());
    }
    let built = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    is_repo_root(&built)
        .then(|| built.canonicalize().unwrap_or(built))
}

/// Program names (file names without `.py`) in `dir`, sorted, keeping those
/// that contain any of `filters` (all when there is none). Files whose name
/// starts with `_` are helpers the programs import, not programs.
pub fn list(dir: &Path, filters: &[String]) -> Result<Vec<String>, String> {
    let entries =
        fs::read_dir(dir).map_err(|e| format!("cannot read programs directory {}: {e}", dir.display()))?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file())
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".py"))
                .map(str::to_string)
        })
        .filter(|n| !n.is_empty() && !n.starts_with('_'))
        .filter(|n| filters.is_empty() || filters.iter().any(|f| n.contains(f.as_str())))
        .collect();
    names.sort();
    if names.is_empty() {
        return Err(if filters.is_empty() {
            format!("no .py programs in {}", dir.display())
        } else {
            format!("no program in {} matches --filter {}", dir.display(), filters.join(", "))
        });
    }
    Ok(names)
}

/// `path` relative to the repository root when it lies inside it.
pub fn display_path(path: &Path, repo: Option<&Path>) -> String {
    repo.and_then(|r| path.strip_prefix(r).ok())
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_this_repository() {
        let here = Path::new(env!("CARGO_MANIFEST_DIR"));
        let root = find_repo_root(here).unwrap();
        assert!(root.join("bench/programs").is_dir());
        assert_eq!(find_repo_root(Path::new("/")).map(|p| p.join("bench/programs").is_dir()), Some(true));
    }

    #[test]
    fn lists_and_filters() {
        let dir = std::env::temp_dir().join(format!("pyjit-bench-list-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        for f in ["b_two.py", "a_one.py", "notes.txt", "c_three.py", "_helper.py"] {
            fs::write(dir.join(f), "").unwrap();
        }
        assert_eq!(list(&dir, &[]).unwrap(), vec!["a_one", "b_two", "c_three"]);
        let f = vec!["one".to_string(), "three".to_string()];
        assert_eq!(list(&dir, &f).unwrap(), vec!["a_one", "c_three"]);
        assert!(list(&dir, &["zzz".to_string()]).unwrap_err().contains("matches"));
        assert!(list(&dir.join("missing"), &[]).is_err());
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn relative_display() {
        let repo = Path::new("/r");
        assert_eq!(display_path(Path::new("/r/bench/programs/x.py"), Some(repo)), "bench/programs/x.py");
        assert_eq!(display_path(Path::new("/tmp/x.py"), Some(repo)), "/tmp/x.py");
        assert_eq!(display_path(Path::new("/tmp/x.py"), None), "/tmp/x.py");
    }
}

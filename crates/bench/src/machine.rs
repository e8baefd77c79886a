//! What machine the benchmarks ran on (from /proc and /etc/os-release), and
//! the version line of each implementation.

use std::fs;
use std::path::Path;
use std::time::Duration;

use crate::process;
use crate::results::Machine;

pub fn describe() -> Machine {
    let read = |p: &str| fs::read_to_string(p).unwrap_or_default();
    Machine {
        arch: std::env::consts::ARCH.to_string(),
        cpu_model: cpu_model(&read("/proc/cpuinfo")),
        cores: std::thread::available_parallelism()
            .map(|n| u32::try_from(n.get()).unwrap_or(u32::MAX))
            .unwrap_or(1),
        os: os_description(
            read("/proc/sys/kernel/ostype").trim(),
            read("/proc/sys/kernel/osrelease").trim(),
            &read("/etc/os-release"),
        ),
        hostname: first_non_empty(&[
            read("/proc/sys/kernel/hostname"),
            read("/etc/hostname"),
            std::env::var("HOSTNAME").unwrap_or_default(),
        ])
        .unwrap_or_else(|| "unknown".to_string()),
        load_average: load_average(&read("/proc/loadavg")).unwrap_or(0.0),
    }
}

fn first_non_empty(candidates: &[String]) -> Option<String> {
    candidates
        .iter()
        .map(|s| s.trim())
        .find(|s| !s.is_empty())
        .map(str::to_string)
}

fn cpuinfo_field<'a>(cpuinfo: &'a str, key: &str) -> Option<&'a str> {
    cpuinfo.lines().find_map(|line| {
        let (k, v) = line.split_once(':')?;
        (k.trim() == key && !v.trim().is_empty()).then(|| v.trim())
    })
}

/// Names of Arm Ltd. cores (implementer 0x41) by "CPU part".
fn arm_core_name(part: &str) -> Option<&'static str> {
    let part = u32::from_str_radix(part.trim_start_matches("0x"), 16).ok()?;
    Some(match part {
        0xd03 => "Cortex-A53",
        0xd04 => "Cortex-A35",
        0xd05 => "Cortex-A55",
        0xd07 => "Cortex-A57",
        0xd08 => "Cortex-A72",
        0xd09 => "Cortex-A73",
        0xd0a => "Cortex-A75",
        0xd0b => "Cortex-A76",
        0xd0c => "Neoverse N1",
        0xd0d => "Cortex-A77",
        0xd40 => "Neoverse V1",
        0xd41 => "Cortex-A78",
        0xd44 => "Cortex-X1",
        0xd46 => "Cortex-A510",
        0xd47 => "Cortex-A710",
        0xd48 => "Cortex-X2",
        0xd49 => "Neoverse N2",
        0xd4f => "Neoverse V2",
        _ => return None,
    })
}

/// "model name" (x86), else "Hardware", else the Arm implementer/part, else
/// "unknown".
pub fn cpu_model(cpuinfo: &str) -> String {
    if let Some(name) = cpuinfo_field(cpuinfo, "model name") {
        return name.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    if let Some(hw) = cpuinfo_field(cpuinfo, "Hardware") {
        return hw.to_string();
    }
    if let Some(part) = cpuinfo_field(cpuinfo, "CPU part") {
        let implementer = cpuinfo_field(cpuinfo, "CPU implementer").unwrap_or("?");
        if implementer == "0x41" {
            if let Some(name) = arm_core_name(part) {
                return format!("Arm {name}");
            }
        }
        return format!("CPU implementer {implementer} part {part}");
    }
    "unknown".to_string()
}

/// "Linux 6.1.0-18-amd64 (Debian GNU/Linux 12 (bookworm))".
pub fn os_description(sysname: &str, release: &str, os_release: &str) -> String {
    let sysname = if sysname.is_empty() {
        std::env::consts::OS
    } else {
        sysname
    };
    let mut s = sysname.to_string();
    if !release.is_empty() {
        s.push(' ');
        s.push_str(release);
    }
    let pretty = os_release.lines().find_map(|l| {
        let v = l.strip_prefix("PRETTY_NAME=")?.trim();
        let v = v.trim_matches('"').trim_matches('\'');
        (!v.is_empty()).then(|| v.to_string())
    });
    if let Some(p) = pretty {
        s.push_str(&format!(" ({p})"));
    }
    s
}

pub fn load_average(loadavg: &str) -> Option<f64> {
    loadavg.split_whitespace().next()?.parse().ok()
}

/// The version an implementation reports for `--version`: the first
/// non-empty line of its stdout (else stderr); a following line that starts
/// with `[` (PyPy's "[PyPy 7.3.11 with GCC ...]") is joined to it.
pub fn version_line(stdout: &str, stderr: &str) -> Option<String> {
    let text = if stdout.trim().is_empty() { stderr } else { stdout };
    let mut lines = text.lines().map(str::trim).skip_while(|l| l.is_empty());
    let first = lines.next()?.to_string();
    match lines.next() {
        Some(next) if next.starts_with('[') => Some(format!("{first} {next}")),
        _ => Some(first),
    }
}

/// Runs `<argv> --version` (30 s limit) and returns its version line, or
/// "unknown (...)".
pub fn implementation_version(argv: &[String], cwd: &Path) -> String {
    let mut cmd = argv.to_vec();
    cmd.push("--version".to_string());
    match process::run(&cmd, cwd, &[], Duration::from_secs(30)) {
        Ok(out) => version_line(&out.stdout, &out.stderr)
            .unwrap_or_else(|| "unknown (no output from --version)".to_string()),
        Err(e) => format!("unknown ({e})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpu_model_x86() {
        let info = "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R)  CPU @ 2.20GHz\n";
        assert_eq!(cpu_model(info), "Intel(R) Xeon(R) CPU @ 2.20GHz");
    }

    #[test]
    fn cpu_model_aarch64_fallbacks() {
        let arm = "processor\t: 0\nBogoMIPS\t: 50.00\nCPU implementer\t: 0x41\nCPU part\t: 0xd0c\n";
        assert_eq!(cpu_model(arm), "Arm Neoverse N1");
        let other = "CPU implementer\t: 0x61\nCPU part\t: 0x022\n";
        assert_eq!(cpu_model(other), "CPU implementer 0x61 part 0x022");
        let hw = "CPU part\t: 0xd08\nHardware\t: BCM2835\n";
        assert_eq!(cpu_model(hw), "BCM2835");
        assert_eq!(cpu_model(""), "unknown");
    }

    #[test]
    fn os_with_pretty_name() {
        let osr = "NAME=\"Debian GNU/Linux\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n";
        assert_eq!(
            os_description("Linux", "6.1.0-18-amd64", osr),
            "Linux 6.1.0-18-amd64 (Debian GNU/Linux 12 (bookworm))"
        );
        assert_eq!(os_description("Linux", "6.1", ""), "Linux 6.1");
    }

    #[test]
    fn load_average_first_field() {
        assert_eq!(load_average("1.25 0.90 0.80 2/345 6789\n"), Some(1.25));
        assert_eq!(load_average(""), None);
    }

    #[test]
    fn version_lines() {
        assert_eq!(version_line("Python 3.11.7\n", ""), Some("Python 3.11.7".to_string()));
        assert_eq!(version_line("", "\nPython 3.8.0\n"), Some("Python 3.8.0".to_string()));
        assert_eq!(
            version_line(
                "Python 3.9.16 (7.3.11+dfsg-2+deb12u3, Dec 30 2024, 22:36:23)\n[PyPy 7.3.11 with GCC 12.2.0]\n",
                ""
            ),
            Some(
                "Python 3.9.16 (7.3.11+dfsg-2+deb12u3, Dec 30 2024, 22:36:23) [PyPy 7.3.11 with GCC 12.2.0]"
                    .to_string()
            )
        );
        assert_eq!(version_line("a\nb\n", ""), Some("a".to_string()));
        assert_eq!(version_line("", ""), None);
    }

    #[test]
    fn describe_this_machine() {
        let m = describe();
        assert_eq!(m.arch, std::env::consts::ARCH);
        assert!(m.cores >= 1);
        assert!(!m.os.is_empty() && !m.cpu_model.is_empty() && !m.hostname.is_empty());
    }
}

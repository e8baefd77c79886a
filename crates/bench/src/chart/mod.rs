//! PNG charts drawn from result files.
//!
//! Everything is drawn here, without a plotting library: `canvas` is an RGB
//! raster, `font` lays text out with a system TrueType font, `scale` is the
//! log-scale axis, `bars` the horizontal-bar layout both charts share, and
//! `png_out` writes the image.

mod arch;
mod bars;
mod canvas;
mod font;
mod labels;
mod png_out;
mod scale;
mod speedup;
#[cfg(test)]
mod testdata;

use std::path::Path;

use crate::results::RunResults;

/// Speedup over the reference per benchmark, one bar per non-reference
/// implementation, log scale, labelled with the factor.
pub fn speedup_chart(results: &RunResults, out: &Path) -> Result<(), String> {
    let chart = speedup::build(results)?;
    let fonts = font::Fonts::load()?;
    png_out::write_file(&bars::render(&chart, &fonts), out)
}

/// Relative speedups between two architectures: for each implementation and
/// benchmark, speedup in `a` divided by speedup in `b`.
pub fn arch_chart(a: &RunResults, b: &RunResults, out: &Path) -> Result<(), String> {
    let chart = arch::build(a, b)?;
    let fonts = font::Fonts::load()?;
    png_out::write_file(&bars::render(&chart, &fonts), out)
}

#[cfg(test)]
mod tests {
    use super::bars::PALETTE;
    use super::testdata::{results, with_speedup};
    use super::*;
    use crate::results::Status;

    struct Image {
        width: u32,
        height: u32,
        pixels: Vec<u8>,
    }

    impl Image {
        fn at(&self, x: u32, y: u32) -> [u8; 3] {
            let i = ((y * self.width + x) * 3) as usize;
            [self.pixels[i], self.pixels[i + 1], self.pixels[i + 2]]
        }

        /// The blocks of pixels of exactly `color`, top to bottom: runs of
        /// rows that contain it, each with the leftmost and rightmost
        /// column it occupies: (first row, last row, first column, last column).
        fn blocks(&self, color: [u8; 3]) -> Vec<(u32, u32, u32, u32)> {
            let mut out: Vec<(u32, u32, u32, u32)> = Vec::new();
            let mut previous_row_had = false;
            for y in 0..self.height {
                let xs: Vec<u32> = (0..self.width)
                    .filter(|&x| self.at(x, y) == color)
                    .collect();
                match (xs.first(), xs.last()) {
                    (Some(&x0), Some(&x1)) => {
                        if previous_row_had {
                            let last = out.last_mut().expect("a block is open");
                            *last = (last.0, y, last.2.min(x0), last.3.max(x1));
                        } else {
                            out.push((y, y, x0, x1));
                        }
                        previous_row_had = true;
                    }
                    _ => previous_row_had = false,
                }
            }
            out
        }

        fn assert_margins_white(&self) {
            for y in 0..self.height {
                for x in (0..5).chain(self.width - 5..self.width) {
                    assert_eq!(
                        self.at(x, y),
                        [255, 255, 255],
                        "pixel ({x}, {y}) in the side margin"
                    );
                }
            }
            for x in 0..self.width {
                for y in [0, 1, 2, self.height - 3, self.height - 2, self.height - 1] {
                    assert_eq!(
                        self.at(x, y),
                        [255, 255, 255],
                        "pixel ({x}, {y}) in the top/bottom margin"
                    );
                }
            }
        }
    }

    fn temp_png(tag: &str) -> std::path::PathBuf {
        std::env::temp_dir().join(format!(
            "pyjit-bench-chart-{tag}-{}.png",
            std::process::id()
        ))
    }

    fn read_png(path: &Path) -> Image {
        let bytes = std::fs::read(path).expect("the chart was written");
        let _ = std::fs::remove_file(path);
        let (width, height, color, depth, pixels) = png_out::decode(&bytes);
        assert_eq!(color, png::ColorType::Rgb);
        assert_eq!(depth, png::BitDepth::Eight);
        Image {
            width,
            height,
            pixels,
        }
    }

    fn speedup_png(r: &RunResults, tag: &str) -> Image {
        let path = temp_png(tag);
        speedup_chart(r, &path).expect("the chart renders");
        read_png(&path)
    }

    fn length(block: &(u32, u32, u32, u32)) -> f64 {
        f64::from(block.3 - block.2 + 1)
    }

    #[test]
    fn speedup_chart_draws_sorted_bars_to_scale() {
        let r = results(
            "x86_64",
            &[
                ("richards", 3.0, 9.0),
                ("nbody", 1.5, 4.0),
                ("chaos", 0.6, 2.0),
                ("float", 1.2, 0.8),
            ],
        );
        let img = speedup_png(&r, "speedup");
        assert_eq!(img.width, 1200);
        assert!(
            img.height > 300 && img.height < 800,
            "height {}",
            img.height
        );
        assert_eq!(img.at(0, 0), [255, 255, 255]);
        assert_eq!(img.at(img.width - 1, img.height - 1), [255, 255, 255]);
        img.assert_margins_white();

        // pyjit: the legend square, the geometric mean, then the benchmarks
        // sorted by pyjit's speedup (3.0, 1.5, 1.2, 0.6); "broken" failed.
        let pyjit = img.blocks(PALETTE[0]);
        assert_eq!(pyjit.len(), 6, "{pyjit:?}");
        let legend = pyjit[0];
        assert_eq!(
            (legend.1 - legend.0 + 1, legend.3 - legend.2 + 1),
            (14, 14),
            "legend {legend:?}"
        );
        let (mean, fast, medium, slow) = (pyjit[1], pyjit[2], pyjit[4], pyjit[5]);
        assert!(legend.1 < mean.0 && mean.1 < fast.0 && fast.1 < medium.0 && medium.1 < slow.0);
        // Log scale: 3.0 is ln 3 / ln 1.2 times as far from 1.0 as 1.2.
        let ratio = length(&fast) / length(&medium);
        let expected = 3f64.ln() / 1.2f64.ln();
        assert!(
            (ratio / expected - 1.0).abs() < 0.1,
            "ratio {ratio}, expected {expected}"
        );
        assert!(length(&pyjit[3]) > length(&medium) && length(&fast) > length(&pyjit[3]));
        // Faster bars grow right of 1.0, slower ones left of it.
        assert!(
            slow.3 < fast.2 && fast.2 - slow.3 <= 4,
            "slow {slow:?} fast {fast:?}"
        );
        assert!(medium.2 == fast.2);

        // PyPy: legend, mean and all five benchmarks.
        let pypy = img.blocks(PALETTE[1]);
        assert_eq!(pypy.len(), 7, "{pypy:?}");
        assert_eq!(pypy[0].0, legend.0, "legend entries share a row");
        assert!(pypy[0].2 > legend.3, "PyPy's legend entry follows pyjit's");
        // pyjit's bar comes first in each group.
        assert!(pyjit[2].1 < pypy[2].0);
    }

    #[test]
    fn speedup_chart_survives_extreme_and_unusable_values() {
        let mut r = results(
            "x86_64",
            &[
                ("huge", 1000.0, 0.001),
                ("tiny", 0.001, 1000.0),
                ("zero", 1.0, 1.0),
            ],
        );
        with_speedup(&mut r, "zero", "pyjit", Some(0.0));
        with_speedup(&mut r, "zero", "pypy", Some(f64::NAN));
        with_speedup(&mut r, "broken", "pypy", Some(f64::INFINITY));
        let img = speedup_png(&r, "extreme");
        assert_eq!(img.width, 1200);
        img.assert_margins_white();
        // Legend, mean, 1000 and 0.001: the zero, NaN and infinite speedups have no bar.
        assert_eq!(img.blocks(PALETTE[0]).len(), 4);
        assert_eq!(img.blocks(PALETTE[1]).len(), 4);
        let bars = img.blocks(PALETTE[0]);
        // 1000 and 0.001 are equally far from 1.0 on a log scale.
        assert!(
            (length(&bars[2]) - length(&bars[3])).abs() <= 3.0,
            "{bars:?}"
        );

        // Values beyond any sensible range are drawn to the axis end.
        let r = results("x86_64", &[("absurd", 1e300, 1e-300)]);
        speedup_png(&r, "absurd").assert_margins_white();
    }

    #[test]
    fn speedup_chart_with_only_failures_still_renders() {
        let mut r = results("x86_64", &[]);
        for b in &mut r.benchmarks {
            for x in &mut b.results {
                x.status = Status::Timeout;
                x.speedup = None;
            }
        }
        r.geomean_speedup.clear();
        let img = speedup_png(&r, "failures");
        // Only the legend squares.
        assert_eq!(img.blocks(PALETTE[0]).len(), 1);
        assert_eq!(img.blocks(PALETTE[1]).len(), 1);
        img.assert_margins_white();
    }

    #[test]
    fn empty_results_are_an_error_and_write_nothing() {
        let mut r = results("x86_64", &[]);
        r.benchmarks.clear();
        let path = temp_png("empty");
        let err = speedup_chart(&r, &path).unwrap_err();
        assert!(err.contains("no benchmarks"), "{err}");
        assert!(!path.exists());
    }

    #[test]
    fn height_grows_with_the_rows() {
        let few = speedup_png(&results("x86_64", &[("a", 2.0, 3.0)]), "few");
        let list: Vec<(String, f64, f64)> = (0..20)
            .map(|i| (format!("b{i}"), 1.0 + f64::from(i) * 0.1, 2.0))
            .collect();
        let list: Vec<(&str, f64, f64)> =
            list.iter().map(|(n, a, b)| (n.as_str(), *a, *b)).collect();
        let many = speedup_png(&results("x86_64", &list), "many");
        assert!(
            many.height > few.height + 19 * 30,
            "{} vs {}",
            many.height,
            few.height
        );
        assert_eq!(many.blocks(PALETTE[0]).len(), 22);
    }

    #[test]
    fn many_implementations_wrap_the_legend() {
        let mut r = results("x86_64", &[("a", 2.0, 3.0), ("b", 0.5, 1.5)]);
        let template = r.implementations[1].clone();
        for i in 0..6 {
            let name = format!("an-implementation-with-a-long-name-{i}");
            r.implementations.push(crate::results::Implementation {
                name: name.clone(),
                ..template.clone()
            });
            for b in &mut r.benchmarks {
                let mut x = b.results[2].clone();
                x.implementation = name.clone();
                b.results.push(x);
            }
        }
        let img = speedup_png(&r, "wide-legend");
        img.assert_margins_white();
        // The legend takes three lines: the squares of PyPy (second series)
        // and of the eighth series (same colour) are on different rows.
        let pypy = img.blocks(PALETTE[1]);
        let squares: Vec<_> = pypy
            .iter()
            .filter(|b| b.1 - b.0 + 1 == 14 && b.3 - b.2 + 1 == 14)
            .collect();
        assert_eq!(squares.len(), 2, "{pypy:?}");
        assert!(squares[1].0 >= squares[0].0 + 22, "{squares:?}");
    }

    #[test]
    fn arch_chart_draws_relative_speedups() {
        let a = results(
            "aarch64",
            &[
                ("richards", 4.0, 6.0),
                ("nbody", 1.0, 3.0),
                ("chaos", 1.5, 1.0),
            ],
        );
        let b = results(
            "x86_64",
            &[
                ("richards", 2.0, 6.0),
                ("nbody", 2.0, 2.0),
                ("chaos", 1.5, 2.0),
            ],
        );
        let path = temp_png("arch");
        arch_chart(&a, &b, &path).expect("the chart renders");
        let img = read_png(&path);
        assert_eq!(img.width, 1200);
        assert_eq!(img.at(0, 0), [255, 255, 255]);
        img.assert_margins_white();
        // pyjit: legend, mean (1.0: a 2 px stub), 2.0, 1.0 (stub), 0.5.
        let pyjit = img.blocks(PALETTE[0]);
        assert_eq!(pyjit.len(), 5, "{pyjit:?}");
        let (up, down) = (pyjit[2], pyjit[4]);
        assert!(
            (length(&up) - length(&down)).abs() <= 3.0,
            "2.0 {up:?} vs 0.5 {down:?}"
        );
        assert!(down.3 < up.2);
        // PyPy: legend, mean, 1.0, 1.5, 0.5 and "broken" (1.0).
        assert_eq!(img.blocks(PALETTE[1]).len(), 6);

        let mut c = results("x86_64", &[("other", 1.0, 1.0)]);
        c.benchmarks.retain(|x| x.name != "broken");
        let err = arch_chart(&a, &c, &temp_png("arch-none")).unwrap_err();
        assert!(err.contains("no benchmark in common"), "{err}");
    }

    /// Realistic sample charts for looking at:
    /// `cargo test -p pyjit-bench -- --ignored sample_charts` writes
    /// /tmp/chart_speedup.png and /tmp/chart_arch.png.
    #[test]
    #[ignore]
    fn sample_charts() {
        let names = [
            ("bytecode_interp", 1.9, 8.5),
            ("chaos", 1.4, 12.0),
            ("coroutines", 1.1, 3.2),
            ("deepcopy_bench", 0.9, 4.1),
            ("deltablue", 2.3, 22.0),
            ("fannkuch", 2.8, 5.5),
            ("float", 1.6, 9.0),
            ("generators", 1.2, 2.4),
            ("go", 1.7, 14.0),
            ("hexiom", 1.5, 11.0),
            ("json_bench", 0.45, 0.8),
            ("nbody", 3.4, 18.0),
            ("nqueens", 1.3, 3.9),
            ("pidigits", 0.95, 0.55),
            ("raytrace", 2.1, 35.0),
            ("regex_bench", 0.7, 1.3),
            ("richards", 2.9, 40.0),
            ("spectral_norm", 3.1, 25.0),
            ("text_words", 0.8, 1.7),
            ("unpack_sequence", 1.05, 6.0),
        ];
        let mut x86 = results("x86_64", &names);
        x86.benchmarks.retain(|b| b.name != "broken");
        for b in &mut x86.benchmarks {
            if b.name == "coroutines" {
                b.results[2].status = Status::Failed;
                b.results[2].speedup = None;
            }
            if b.name == "regex_bench" {
                b.results[1].status = Status::ChecksumMismatch;
                b.results[1].speedup = None;
            }
        }
        x86.implementations[2].version =
            "Python 3.9.16 (7.3.11+dfsg-2, Feb 03 2023, 08:50:33)".to_string();
        speedup_chart(&x86, Path::new("/tmp/chart_speedup.png")).unwrap();

        let mut arm = x86.clone();
        arm.machine.arch = "aarch64".to_string();
        arm.machine.cpu_model = "Neoverse-N1".to_string();
        arm.date = "2026-11-25T08:00:00Z".to_string();
        let mut seed = 12345u64;
        for b in &mut arm.benchmarks {
            for r in &mut b.results[1..] {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let noise = 0.6 + (seed >> 33) as f64 / f64::from(1u32 << 31) * 0.9;
                r.speedup = r.speedup.map(|s| s * noise);
            }
        }
        arch_chart(&arm, &x86, Path::new("/tmp/chart_arch.png")).unwrap();

        // A few extreme values and a third implementation.
        let mut small = results(
            "x86_64",
            &[
                ("huge", 1000.0, 0.001),
                ("tiny", 0.001, 1000.0),
                ("zero", 1.0, 1.0),
            ],
        );
        with_speedup(&mut small, "zero", "pyjit", Some(0.0));
        small.implementations.push(crate::results::Implementation {
            name: "graalpy".to_string(),
            path: "/opt/graalpy/bin/graalpy".to_string(),
            version: "GraalPy 3.10.8 (Oracle GraalVM Native 23.1.0)".to_string(),
        });
        for (i, b) in small.benchmarks.iter_mut().enumerate() {
            let mut r = b.results[1].clone();
            r.implementation = "graalpy".to_string();
            r.status = Status::Ok;
            r.speedup = Some(0.5 + i as f64);
            b.results.push(r);
        }
        speedup_chart(&small, Path::new("/tmp/chart_small.png")).unwrap();
    }
}

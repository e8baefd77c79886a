//! Fonts: finding a TrueType font on the system at run time and laying text
//! out with it (advances and kerning), so the charts can measure text before
//! they draw it.

use std::path::{Path, PathBuf};

use ab_glyph::{point, Font, FontVec, Glyph, PxScale, ScaleFont};

/// Environment variable naming the font file to use instead of the system's.
pub const FONT_ENV: &str = "PYJIT_BENCH_FONT";

/// Where common systems keep a sans-serif font: (regular, bold), in order of
/// preference. The bold face is optional; the regular one stands in for it.
const CANDIDATES: &[(&str, &str)] = &[
    (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    ),
    (
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
    ),
    (
        "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans-Bold.ttf",
    ),
    (
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
    ),
    (
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    ),
    (
        "/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf",
        "/usr/share/fonts/liberation-sans/LiberationSans-Bold.ttf",
    ),
    (
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf",
    ),
    (
        "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
        "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
    ),
    (
        "/usr/share/fonts/noto/NotoSans-Regular.ttf",
        "/usr/share/fonts/noto/NotoSans-Bold.ttf",
    ),
    (
        "/usr/share/fonts/truetype/freefont/FreeSans.ttf",
        "/usr/share/fonts/truetype/freefont/FreeSansBold.ttf",
    ),
    (
        "/System/Library/Fonts/Supplemental/Arial.ttf",
        "/System/Library/Fonts/Supplemental/Arial Bold.ttf",
    ),
    ("/Library/Fonts/Arial.ttf", "/Library/Fonts/Arial Bold.ttf"),
    (
        "C:\\Windows\\Fonts\\arial.ttf",
        "C:\\Windows\\Fonts\\arialbd.ttf",
    ),
];

const NO_FONT: &str = "no TrueType font found: install fonts-dejavu-core or set PYJIT_BENCH_FONT";

/// One loaded font.
pub struct Face {
    font: FontVec,
}

impl Face {
    pub fn load(path: &Path) -> Result<Face, String> {
        let data =
            std::fs::read(path).map_err(|e| format!("cannot read font {}: {e}", path.display()))?;
        let font = FontVec::try_from_vec(data)
            .map_err(|_| format!("{} is not a TrueType/OpenType font", path.display()))?;
        Ok(Face { font })
    }

    pub fn font(&self) -> &FontVec {
        &self.font
    }

    /// The glyphs of `text` at `size` pixels, positioned on a baseline at
    /// y = 0 starting at x = 0, and the advance width of the whole text.
    /// Text is one line: control characters are dropped.
    pub fn layout(&self, text: &str, size: f32) -> (Vec<Glyph>, f64) {
        let scale = PxScale::from(size.max(0.0));
        let scaled = self.font.as_scaled(scale);
        let mut glyphs = Vec::with_capacity(text.len());
        let mut caret = 0.0f32;
        let mut prev = None;
        for c in text.chars().filter(|c| !c.is_control()) {
            let id = scaled.glyph_id(c);
            if let Some(p) = prev {
                caret += scaled.kern(p, id);
            }
            glyphs.push(id.with_scale_and_position(scale, point(caret, 0.0)));
            caret += scaled.h_advance(id);
            prev = Some(id);
        }
        (glyphs, f64::from(caret))
    }

    /// The advance width of `text` at `size` pixels.
    pub fn width(&self, text: &str, size: f32) -> f64 {
        self.layout(text, size).1
    }

    /// The height of a capital letter above the baseline, pixels.
    pub fn cap_height(&self, size: f32) -> f64 {
        let scale = PxScale::from(size.max(0.0));
        let glyph = self
            .font
            .glyph_id('H')
            .with_scale_and_position(scale, point(0.0, 0.0));
        match self.font.outline_glyph(glyph) {
            Some(outline) => f64::from(-outline.px_bounds().min.y),
            None => f64::from(size) * 0.7,
        }
    }

    /// `text` shortened with an ellipsis so that it is at most `max_width`
    /// pixels wide at `size` (unchanged if it fits).
    pub fn fit(&self, text: &str, size: f32, max_width: f64) -> String {
        if self.width(text, size) <= max_width {
            return text.to_string();
        }
        let chars: Vec<char> = text.chars().collect();
        let mut n = chars.len();
        while n > 0 {
            n -= 1;
            let candidate: String =
                chars[..n].iter().collect::<String>().trim_end().to_string() + "…";
            if self.width(&candidate, size) <= max_width {
                return candidate;
            }
        }
        String::new()
    }
}

/// The regular face, and a bold one for titles (the regular face again when
/// the system has no bold variant).
pub struct Fonts {
    pub regular: Face,
    pub bold: Face,
}

impl Fonts {
    /// Loads the font named by `PYJIT_BENCH_FONT`, else the first system
    /// font found.
    pub fn load() -> Result<Fonts, String> {
        let from_env = std::env::var_os(FONT_ENV)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from);
        let (regular, bold) = choose_files(from_env, CANDIDATES)?;
        let regular_face = Face::load(&regular)?;
        let bold_face = match bold {
            Some(path) => Face::load(&path)?,
            None => Face::load(&regular)?,
        };
        Ok(Fonts {
            regular: regular_face,
            bold: bold_face,
        })
    }
}

/// The font files to load: the one named by the environment (used for both
/// faces), else the first candidate whose regular file exists, with its bold
/// file if that exists too.
fn choose_files(
    from_env: Option<PathBuf>,
    candidates: &[(&str, &str)],
) -> Result<(PathBuf, Option<PathBuf>), String> {
    if let Some(path) = from_env {
        if !path.is_file() {
            return Err(format!("{FONT_ENV}={}: no such font file", path.display()));
        }
        return Ok((path, None));
    }
    for (regular, bold) in candidates {
        let regular = Path::new(regular);
        if regular.is_file() {
            let bold = Path::new(bold);
            let bold = bold.is_file().then(|| bold.to_path_buf());
            return Ok((regular.to_path_buf(), bold));
        }
    }
    Err(NO_FONT.to_string())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The system font the charts use (present here and in CI).
    pub(crate) fn fonts() -> Fonts {
        let (regular, bold) = choose_files(None, CANDIDATES).expect("a system TrueType font");
        let regular_face = Face::load(&regular).expect("regular font loads");
        let bold_face = Face::load(bold.as_deref().unwrap_or(&regular)).expect("bold font loads");
        Fonts {
            regular: regular_face,
            bold: bold_face,
        }
    }

    #[test]
    fn missing_fonts_are_a_clear_error() {
        let none: &[(&str, &str)] = &[("/nonexistent/a.ttf", "/nonexistent/b.ttf")];
        assert_eq!(choose_files(None, none).unwrap_err(), NO_FONT);
        let err = choose_files(Some(PathBuf::from("/nonexistent/x.ttf")), CANDIDATES).unwrap_err();
        assert!(err.contains("PYJIT_BENCH_FONT=/nonexistent/x.ttf"), "{err}");
        // A font named by the environment is used for both faces.
        let (regular, _) = choose_files(None, CANDIDATES).expect("a system font");
        let chosen = choose_files(Some(regular.clone()), &[]).expect("the named font");
        assert_eq!(chosen, (regular, None));
        let err = Face::load(Path::new("/nonexistent/x.ttf"))
            .err()
            .expect("load fails");
        assert!(
            err.starts_with("cannot read font /nonexistent/x.ttf"),
            "{err}"
        );
    }

    #[test]
    fn not_a_font_is_an_error() {
        let path =
            std::env::temp_dir().join(format!("pyjit-bench-not-a-font-{}.ttf", std::process::id()));
        std::fs::write(&path, b"hello").expect("write temp file");
        let err = Face::load(&path).err().expect("load fails");
        let _ = std::fs::remove_file(&path);
        assert!(err.contains("is not a TrueType/OpenType font"), "{err}");
    }

    #[test]
    fn text_width_is_measured() {
        let f = fonts();
        let face = &f.regular;
        assert_eq!(face.width("", 14.0), 0.0);
        let i = face.width("iiii", 14.0);
        let w = face.width("WWWW", 14.0);
        assert!(i > 0.0 && w > 2.0 * i, "iiii {i} WWWW {w}");
        // Width scales with size.
        let small = face.width("richards", 14.0);
        let large = face.width("richards", 28.0);
        assert!((large / small - 2.0).abs() < 0.02, "{small} {large}");
        // A 14 px sans-serif averages 6 to 9 px per lower-case letter.
        assert!(small > 8.0 * 6.0 && small < 8.0 * 9.0, "{small}");
        // The width is the sum of the advances plus kerning.
        let (glyphs, width) = face.layout("AV", 40.0);
        assert_eq!(glyphs.len(), 2);
        assert!(glyphs[1].position.x > 0.0);
        assert!(width <= face.width("A", 40.0) + face.width("V", 40.0) + 1e-3);
        // Control characters take no room.
        assert_eq!(face.width("ab\n", 14.0), face.width("ab", 14.0));
    }

    #[test]
    fn cap_height_and_fit() {
        let f = fonts();
        let cap = f.regular.cap_height(20.0);
        assert!(cap > 12.0 && cap < 17.0, "{cap}");
        let long = "a benchmark name that is far too long to fit";
        let fitted = f.regular.fit(long, 14.0, 120.0);
        assert!(fitted.ends_with('…'), "{fitted}");
        assert!(f.regular.width(&fitted, 14.0) <= 120.0);
        assert_eq!(f.regular.fit("short", 14.0, 120.0), "short");
        assert_eq!(f.regular.fit("short", 14.0, 1.0), "");
    }
}

//! An RGB raster the charts draw on: filled rectangles, axis-parallel lines
//! (solid or dashed) and anti-aliased text. Every drawing call clips to the
//! canvas, so nothing can be written outside the image whatever the input.

use ab_glyph::{point, Font};

use super::font::Face;

/// An 8-bit sRGB colour.
pub type Rgb = [u8; 3];

pub const WHITE: Rgb = [255, 255, 255];

/// Horizontal placement of text relative to the x coordinate given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// What text is drawn with: a face, a size in pixels (the em height) and a
/// colour.
#[derive(Clone, Copy)]
pub struct Style<'a> {
    pub face: &'a Face,
    pub size: f32,
    pub color: Rgb,
}

impl Style<'_> {
    /// The width `text` takes in this style, pixels.
    pub fn width(&self, text: &str) -> f64 {
        self.face.width(text, self.size)
    }
}

pub struct Canvas {
    width: u32,
    height: u32,
    /// Row-major RGB triples, `width * height * 3` bytes.
    pixels: Vec<u8>,
}

impl Canvas {
    pub fn new(width: u32, height: u32, background: Rgb) -> Canvas {
        let n = width as usize * height as usize;
        let mut pixels = Vec::with_capacity(n * 3);
        for _ in 0..n {
            pixels.extend_from_slice(&background);
        }
        Canvas {
            width,
            height,
            pixels,
        }
    }

    pub fn width(&self) -> u32 {
        self.width
    }

    pub fn height(&self) -> u32 {
        self.height
    }

    /// The raw RGB bytes, row after row.
    pub fn data(&self) -> &[u8] {
        &self.pixels
    }

    fn index(&self, x: i64, y: i64) -> Option<usize> {
        if x < 0 || y < 0 || x >= i64::from(self.width) || y >= i64::from(self.height) {
            return None;
        }
        Some((y as usize * self.width as usize + x as usize) * 3)
    }

    #[cfg(test)]
    pub fn get(&self, x: i64, y: i64) -> Option<Rgb> {
        self.index(x, y)
            .map(|i| [self.pixels[i], self.pixels[i + 1], self.pixels[i + 2]])
    }

    pub fn set(&mut self, x: i64, y: i64, c: Rgb) {
        if let Some(i) = self.index(x, y) {
            self.pixels[i..i + 3].copy_from_slice(&c);
        }
    }

    /// Mixes `c` into the pixel with weight `alpha` (0: unchanged, 1: `c`).
    pub fn blend(&mut self, x: i64, y: i64, c: Rgb, alpha: f32) {
        let a = if alpha.is_nan() {
            0.0
        } else {
            alpha.clamp(0.0, 1.0)
        };
        if a <= 0.0 {
            return;
        }
        if let Some(i) = self.index(x, y) {
            for (dst, src) in self.pixels[i..i + 3].iter_mut().zip(c) {
                let old = f32::from(*dst);
                let new = old + (f32::from(src) - old) * a;
                *dst = new.round().clamp(0.0, 255.0) as u8;
            }
        }
    }

    /// Fills the rectangle of `w` x `h` pixels whose top-left corner is
    /// (`x`, `y`); the parts outside the canvas are dropped.
    pub fn fill_rect(&mut self, x: i64, y: i64, w: i64, h: i64, c: Rgb) {
        let x0 = x.max(0);
        let y0 = y.max(0);
        let x1 = x.saturating_add(w).min(i64::from(self.width));
        let y1 = y.saturating_add(h).min(i64::from(self.height));
        for yy in y0..y1 {
            for xx in x0..x1 {
                self.set(xx, yy, c);
            }
        }
    }

    /// A horizontal line from `x0` to `x1` inclusive, `thickness` pixels
    /// thick downwards from `y`.
    pub fn hline(&mut self, x0: i64, x1: i64, y: i64, thickness: i64, c: Rgb) {
        let (a, b) = if x0 <= x1 { (x0, x1) } else { (x1, x0) };
        self.fill_rect(a, y, b - a + 1, thickness, c);
    }

    /// A vertical line from `y0` to `y1` inclusive, `thickness` pixels thick
    /// rightwards from `x`.
    pub fn vline(&mut self, x: i64, y0: i64, y1: i64, thickness: i64, c: Rgb) {
        let (a, b) = if y0 <= y1 { (y0, y1) } else { (y1, y0) };
        self.fill_rect(x, a, thickness, b - a + 1, c);
    }

    /// A vertical dashed line: `dash` pixels drawn, `gap` pixels skipped.
    pub fn dashed_vline(&mut self, x: i64, y0: i64, y1: i64, dash: i64, gap: i64, c: Rgb) {
        let (a, b) = if y0 <= y1 { (y0, y1) } else { (y1, y0) };
        let period = dash.max(1) + gap.max(0);
        let mut y = a;
        while y <= b {
            let end = (y + dash.max(1) - 1).min(b);
            self.vline(x, y, end, 1, c);
            y = y.saturating_add(period);
        }
    }

    /// Draws `text` with its baseline at `baseline` and returns its width.
    /// `x` is the left edge, centre or right edge of the text per `align`.
    pub fn text(&mut self, style: &Style, text: &str, x: f64, baseline: f64, align: Align) -> f64 {
        let (face, c) = (style.face, style.color);
        let (glyphs, width) = face.layout(text, style.size);
        let left = match align {
            Align::Left => x,
            Align::Center => x - width / 2.0,
            Align::Right => x - width,
        };
        for mut g in glyphs {
            g.position = point(g.position.x + left as f32, g.position.y + baseline as f32);
            if let Some(outline) = face.font().outline_glyph(g) {
                let b = outline.px_bounds();
                let (bx, by) = (b.min.x as i64, b.min.y as i64);
                outline.draw(|px, py, coverage| {
                    self.blend(bx + i64::from(px), by + i64::from(py), c, coverage);
                });
            }
        }
        width
    }

    /// Like [`Canvas::text`], centred vertically on `y_mid` (the middle of
    /// the capital letters) instead of placed on a baseline.
    pub fn text_mid(&mut self, style: &Style, text: &str, x: f64, y_mid: f64, align: Align) -> f64 {
        let baseline = y_mid + style.face.cap_height(style.size) / 2.0;
        self.text(style, text, x, baseline, align)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RED: Rgb = [200, 0, 0];

    #[test]
    fn fill_rect_clips_to_the_canvas() {
        let mut c = Canvas::new(10, 8, WHITE);
        c.fill_rect(-5, -5, 8, 7, RED);
        assert_eq!(c.get(0, 0), Some(RED));
        assert_eq!(c.get(2, 1), Some(RED));
        assert_eq!(c.get(3, 1), Some(WHITE));
        assert_eq!(c.get(2, 2), Some(WHITE));
        c.fill_rect(8, 6, i64::MAX, i64::MAX, RED);
        assert_eq!(c.get(9, 7), Some(RED));
        assert_eq!(c.get(-1, 0), None);
        assert_eq!(c.get(10, 0), None);
        assert_eq!(c.data().len(), 10 * 8 * 3);
    }

    #[test]
    fn lines_and_dashes() {
        let mut c = Canvas::new(20, 20, WHITE);
        c.hline(15, 2, 3, 1, RED);
        assert_eq!(c.get(2, 3), Some(RED));
        assert_eq!(c.get(15, 3), Some(RED));
        assert_eq!(c.get(16, 3), Some(WHITE));
        assert_eq!(c.get(2, 4), Some(WHITE));
        c.vline(5, 10, 12, 2, RED);
        assert_eq!(c.get(6, 12), Some(RED));
        assert_eq!(c.get(7, 12), Some(WHITE));
        c.dashed_vline(18, 0, 19, 3, 2, RED);
        let drawn: Vec<bool> = (0..20).map(|y| c.get(18, y) == Some(RED)).collect();
        assert!(drawn[0] && drawn[2] && !drawn[3] && !drawn[4] && drawn[5]);
    }

    #[test]
    fn text_ink_stays_within_the_measured_width() {
        let fonts = crate::chart::font::tests::fonts();
        let style = Style {
            face: &fonts.regular,
            size: 14.0,
            color: [0, 0, 0],
        };
        let mut c = Canvas::new(300, 40, WHITE);
        let text = "spectral_norm 3.21x";
        let width = c.text(&style, text, 150.0, 25.0, Align::Center);
        assert!((width - style.width(text)).abs() < 1e-9);
        let inked: Vec<(i64, i64)> = (0..40)
            .flat_map(|y| (0..300).map(move |x| (x, y)))
            .filter(|&(x, y)| c.get(x, y) != Some(WHITE))
            .collect();
        assert!(inked.len() > 100, "{} inked pixels", inked.len());
        let (min_x, max_x) = inked
            .iter()
            .fold((i64::MAX, i64::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
        let left = 150.0 - width / 2.0;
        assert!(
            min_x as f64 >= left - 1.0 && (max_x as f64) <= left + width + 1.0,
            "{min_x}..{max_x} vs {left} + {width}"
        );
        assert!(max_x - min_x > (width * 0.9) as i64);
        // Nothing below the descenders or above the ascenders.
        assert!(
            inked.iter().all(|p| p.1 >= 25 - 15 && p.1 <= 25 + 4),
            "{inked:?}"
        );
        // Right-aligned text ends at x.
        let mut c = Canvas::new(300, 40, WHITE);
        c.text_mid(&style, "HHH", 200.0, 20.0, Align::Right);
        let xs: Vec<i64> = (0..300)
            .filter(|&x| (0..40).any(|y| c.get(x, y) != Some(WHITE)))
            .collect();
        assert!(
            *xs.last().unwrap() <= 200 && *xs.last().unwrap() >= 195,
            "{xs:?}"
        );
        // Capitals centred on y_mid.
        let ys: Vec<i64> = (0..40)
            .filter(|&y| (0..300).any(|x| c.get(x, y) != Some(WHITE)))
            .collect();
        let centre = (ys[0] + ys[ys.len() - 1]) as f64 / 2.0;
        assert!((centre - 20.0).abs() <= 1.5, "{ys:?}");
    }

    #[test]
    fn blend_mixes_and_clamps() {
        let mut c = Canvas::new(2, 1, WHITE);
        c.blend(0, 0, [0, 0, 0], 0.5);
        assert_eq!(c.get(0, 0), Some([128, 128, 128]));
        c.blend(1, 0, [0, 0, 0], 7.0);
        assert_eq!(c.get(1, 0), Some([0, 0, 0]));
        c.blend(1, 0, WHITE, f32::NAN);
        assert_eq!(c.get(1, 0), Some([0, 0, 0]));
        c.blend(5, 5, WHITE, 1.0);
    }
}

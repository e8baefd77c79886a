//! Writing a canvas as an 8-bit RGB PNG file.

use std::io::Write;
use std::path::Path;

use super::canvas::Canvas;

/// The PNG encoding of `canvas`.
pub fn encode(canvas: &Canvas) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    write_to(canvas, &mut out)?;
    Ok(out)
}

/// Writes `canvas` to the file `path` (created or replaced).
pub fn write_file(canvas: &Canvas, path: &Path) -> Result<(), String> {
    let bytes = encode(canvas)?;
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn write_to<W: Write>(canvas: &Canvas, out: W) -> Result<(), String> {
    if canvas.width() == 0 || canvas.height() == 0 {
        return Err("cannot write an empty image".to_string());
    }
    let mut encoder = png::Encoder::new(out, canvas.width(), canvas.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::High);
    let err = |e: png::EncodingError| format!("PNG encoding failed: {e}");
    let mut writer = encoder.write_header().map_err(err)?;
    writer.write_image_data(canvas.data()).map_err(err)?;
    writer.finish().map_err(err)
}

/// Decoding for the tests: (width, height, colour type, bit depth, pixels).
#[cfg(test)]
pub(crate) fn decode(bytes: &[u8]) -> (u32, u32, png::ColorType, png::BitDepth, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().expect("PNG header decodes");
    let mut buf = vec![0; reader.output_buffer_size().expect("buffer size")];
    let info = reader.next_frame(&mut buf).expect("PNG frame decodes");
    buf.truncate(info.buffer_size());
    (
        info.width,
        info.height,
        info.color_type,
        info.bit_depth,
        buf,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::canvas::WHITE;

    #[test]
    fn png_round_trip() {
        let mut c = Canvas::new(7, 5, WHITE);
        c.fill_rect(1, 1, 2, 3, [10, 20, 30]);
        c.set(6, 4, [250, 0, 1]);
        let bytes = encode(&c).expect("encodes");
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        let (w, h, color, depth, pixels) = decode(&bytes);
        assert_eq!((w, h), (7, 5));
        assert_eq!(color, png::ColorType::Rgb);
        assert_eq!(depth, png::BitDepth::Eight);
        assert_eq!(pixels, c.data());
    }

    #[test]
    fn write_file_round_trip_and_errors() {
        let c = Canvas::new(3, 2, [1, 2, 3]);
        let path = std::env::temp_dir().join(format!("pyjit-bench-png-{}.png", std::process::id()));
        write_file(&c, &path).expect("writes");
        let bytes = std::fs::read(&path).expect("reads back");
        let _ = std::fs::remove_file(&path);
        let (w, h, _, _, pixels) = decode(&bytes);
        assert_eq!((w, h), (3, 2));
        assert_eq!(&pixels[..3], &[1, 2, 3]);
        let err = write_file(&c, Path::new("/nonexistent-dir/x.png")).unwrap_err();
        assert!(
            err.starts_with("cannot write /nonexistent-dir/x.png"),
            "{err}"
        );
        assert!(encode(&Canvas::new(0, 4, WHITE)).is_err());
    }
}

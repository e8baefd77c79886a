//! Deflate streams in the zlib, gzip and raw containers over miniz_oxide's raw deflate:
//! the headers and trailers (adler32 / crc32 + length) are written and checked here, so
//! the errors carry zlib's messages.

use miniz_oxide::deflate::core::{create_comp_flags_from_zip_params, CompressorOxide};
use miniz_oxide::inflate::stream::InflateState;
use miniz_oxide::{DataFormat, MZError, MZFlush, MZStatus};

/// The container of a stream, from wbits.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Container {
    Zlib,
    Raw,
    Gzip,
    /// Decompression: zlib or gzip, by the first bytes.
    Auto,
}

/// A zlib error: its code and message ("Error {code} while ...: {msg}").
#[derive(Debug)]
pub struct ZErr {
    pub code: i32,
    pub msg: &'static str,
}

pub const DATA_ERROR: i32 = -3;

fn data_err(msg: &'static str) -> ZErr {
    ZErr { code: DATA_ERROR, msg }
}

/// The container and window of a wbits value for decompression; None if invalid.
pub fn inflate_container(wbits: i64) -> Option<Container> {
    match wbits {
        0 | 8..=15 => Some(Container::Zlib),
        -15..=-8 => Some(Container::Raw),
        24..=31 => Some(Container::Gzip),
        40..=47 => Some(Container::Auto),
        _ => None,
    }
}

/// The container and window bits of a wbits value for compression; None if invalid.
pub fn deflate_container(wbits: i64) -> Option<(Container, u8)> {
    match wbits {
        8..=15 => Some((Container::Zlib, wbits.max(9) as u8)),
        -15..=-8 => Some((Container::Raw, (-wbits).max(9) as u8)),
        24..=31 => Some((Container::Gzip, (wbits - 16).max(9) as u8)),
        _ => None,
    }
}

#[derive(Clone, PartialEq, Eq, Debug)]
enum Stage {
    Header,
    Body,
    Trailer,
    Done,
}

#[derive(Clone)]
pub struct Inflater {
    container: Container,
    state: Box<InflateState>,
    stage: Stage,
    /// Bytes of a header or trailer being read.
    pending: Vec<u8>,
    crc: u32,
    adler: adler2::Adler32,
    size: u32,
}

pub struct Fed {
    /// Input bytes consumed.
    pub consumed: usize,
    pub eof: bool,
}

impl Inflater {
    pub fn new(container: Container) -> Inflater {
        let stage = if container == Container::Raw { Stage::Body } else { Stage::Header };
        Inflater {
            container,
            state: InflateState::new_boxed(DataFormat::Raw),
            stage,
            pending: Vec::new(),
            crc: 0,
            adler: adler2::Adler32::new(),
            size: 0,
        }
    }

    pub fn eof(&self) -> bool {
        self.stage == Stage::Done
    }

    /// Parses a header from `pending`: Ok(Some(len)) once complete, Ok(None) for more.
    fn header(&mut self) -> Result<Option<usize>, ZErr> {
        let p = &self.pending;
        if self.container == Container::Auto {
            if p.is_empty() {
                return Ok(None);
            }
            self.container = if p[0] == 0x1f { Container::Gzip } else { Container::Zlib };
        }
        let p = &self.pending;
        if self.container == Container::Zlib {
            if p.len() < 2 {
                return Ok(None);
            }
            let (cmf, flg) = (p[0], p[1]);
            if ((cmf as u32) * 256 + flg as u32) % 31 != 0 {
                return Err(data_err("incorrect header check"));
            }
            if cmf & 0x0f != 8 {
                return Err(data_err("unknown compression method"));
            }
            if (cmf >> 4) > 7 {
                return Err(data_err("invalid window size"));
            }
            if flg & 0x20 != 0 {
                return Err(ZErr { code: 2, msg: "need dictionary" });
            }
            return Ok(Some(2));
        }
        // gzip
        if p.len() < 10 {
            if p.len() >= 2 && (p[0] != 0x1f || p[1] != 0x8b) {
                return Err(data_err("incorrect header check"));
            }
            return Ok(None);
        }
        if p[0] != 0x1f || p[1] != 0x8b {
            return Err(data_err("incorrect header check"));
        }
        if p[2] != 8 {
            return Err(data_err("unknown compression method"));
        }
        let flags = p[3];
        if flags & 0xe0 != 0 {
            return Err(data_err("unknown header flags set"));
        }
        let mut at = 10;
        if flags & 4 != 0 {
            if p.len() < at + 2 {
                return Ok(None);
            }
            let xlen = p[at] as usize | (p[at + 1] as usize) << 8;
            at += 2 + xlen;
            if p.len() < at {
                return Ok(None);
            }
        }
        for bit in [8u8, 16] {
            if flags & bit != 0 {
                match p[at.min(p.len())..].iter().position(|&b| b == 0) {
                    Some(i) => at += i + 1,
                    None => return Ok(None),
                }
            }
        }
        if flags & 2 != 0 {
            at += 2;
            if p.len() < at {
                return Ok(None);
            }
        }
        Ok(Some(at))
    }

    fn trailer_len(&self) -> usize {
        match self.container {
            Container::Zlib => 4,
            Container::Gzip => 8,
            _ => 0,
        }
    }

    fn check_trailer(&self) -> Result<(), ZErr> {
        let t = &self.pending;
        match self.container {
            Container::Zlib => {
                let want = u32::from_be_bytes([t[0], t[1], t[2], t[3]]);
                if want != self.adler.checksum() {
                    return Err(data_err("incorrect data check"));
                }
            }
            Container::Gzip => {
                let crc = u32::from_le_bytes([t[0], t[1], t[2], t[3]]);
                let len = u32::from_le_bytes([t[4], t[5], t[6], t[7]]);
                if crc != self.crc {
                    return Err(data_err("incorrect data check"));
                }
                if len != self.size {
                    return Err(data_err("incorrect length check"));
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Decompresses from `input` into `out`, writing at most `limit` bytes (None: all).
    pub fn feed(&mut self, input: &[u8], out: &mut Vec<u8>, limit: Option<usize>) -> Result<Fed, ZErr> {
        let mut at = 0;
        loop {
            match self.stage {
                Stage::Done => return Ok(Fed { consumed: at, eof: true }),
                Stage::Header => {
                    let before = self.pending.len();
                    self.pending.extend_from_slice(&input[at..]);
                    match self.header()? {
                        Some(n) => {
                            at += n - before;
                            self.pending.clear();
                            self.stage = Stage::Body;
                        }
                        None => {
                            return Ok(Fed { consumed: input.len(), eof: false });
                        }
                    }
                }
                Stage::Trailer => {
                    let need = self.trailer_len() - self.pending.len();
                    let take = need.min(input.len() - at);
                    self.pending.extend_from_slice(&input[at..at + take]);
                    at += take;
                    if self.pending.len() < self.trailer_len() {
                        return Ok(Fed { consumed: at, eof: false });
                    }
                    self.check_trailer()?;
                    self.stage = Stage::Done;
                }
                Stage::Body => {
                    let mut buf = [0u8; 16384];
                    loop {
                        let room = match limit {
                            Some(l) => l.saturating_sub(out.len()).min(buf.len()),
                            None => buf.len(),
                        };
                        if room == 0 {
                            return Ok(Fed { consumed: at, eof: false });
                        }
                        let r = miniz_oxide::inflate::stream::inflate(&mut self.state, &input[at..], &mut buf[..room], MZFlush::None);
                        at += r.bytes_consumed;
                        let produced = &buf[..r.bytes_written];
                        match self.container {
                            Container::Zlib => self.adler.write_slice(produced),
                            Container::Gzip => {
                                let mut h = crc32fast::Hasher::new_with_initial(self.crc);
                                h.update(produced);
                                self.crc = h.finalize();
                                self.size = self.size.wrapping_add(produced.len() as u32);
                            }
                            _ => {}
                        }
                        out.extend_from_slice(produced);
                        match r.status {
                            Ok(MZStatus::StreamEnd) => {
                                self.stage = if self.trailer_len() > 0 { Stage::Trailer } else { Stage::Done };
                                break;
                            }
                            Ok(_) => {
                                if r.bytes_consumed == 0 && r.bytes_written == 0 {
                                    return Ok(Fed { consumed: at, eof: false });
                                }
                            }
                            Err(MZError::Buf) => return Ok(Fed { consumed: at, eof: false }),
                            Err(_) => return Err(data_err("invalid deflate data")),
                        }
                    }
                }
            }
        }
    }
}

pub struct Deflater {
    container: Container,
    wbits: u8,
    level: i32,
    comp: Box<CompressorOxide>,
    header_done: bool,
    crc: u32,
    adler: adler2::Adler32,
    size: u32,
    pub finished: bool,
}

impl Deflater {
    pub fn new(container: Container, wbits: u8, level: i32, strategy: i32) -> Deflater {
        let flags = create_comp_flags_from_zip_params(level, -15, strategy);
        Deflater {
            container,
            wbits,
            level,
            comp: Box::new(CompressorOxide::new(flags)),
            header_done: false,
            crc: 0,
            adler: adler2::Adler32::new(),
            size: 0,
            finished: false,
        }
    }

    fn header(&self, out: &mut Vec<u8>) {
        match self.container {
            Container::Zlib => {
                let cmf = ((self.wbits - 8) << 4) | 8;
                let flevel: u8 = match self.level {
                    0 | 1 => 0,
                    2..=5 => 1,
                    -1 | 6 => 2,
                    _ => 3,
                };
                let mut flg = flevel << 6;
                let rem = ((cmf as u32) * 256 + flg as u32) % 31;
                if rem != 0 {
                    flg += (31 - rem) as u8;
                }
                out.extend_from_slice(&[cmf, flg]);
            }
            Container::Gzip => {
                let xfl = if self.level == 9 {
                    2
                } else if self.level == 1 || self.level == 0 {
                    4
                } else {
                    0
                };
                out.extend_from_slice(&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, xfl, 3]);
            }
            _ => {}
        }
    }

    /// Compresses `input` with `flush` (Z_NO_FLUSH .. Z_FINISH) into `out`.
    pub fn feed(&mut self, input: &[u8], flush: i32, out: &mut Vec<u8>) -> Result<(), ZErr> {
        if self.finished {
            return Err(ZErr { code: -2, msg: "inconsistent stream state" });
        }
        if !self.header_done {
            self.header(out);
            self.header_done = true;
        }
        match self.container {
            Container::Zlib => self.adler.write_slice(input),
            Container::Gzip => {
                let mut h = crc32fast::Hasher::new_with_initial(self.crc);
                h.update(input);
                self.crc = h.finalize();
                self.size = self.size.wrapping_add(input.len() as u32);
            }
            _ => {}
        }
        let mzflush = match flush {
            0 => MZFlush::None,
            1 => MZFlush::Partial,
            2 => MZFlush::Sync,
            3 => MZFlush::Full,
            5 | 6 => MZFlush::Block,
            _ => MZFlush::Finish,
        };
        let mut at = 0;
        let mut buf = vec![0u8; 16384];
        loop {
            let r = miniz_oxide::deflate::stream::deflate(&mut self.comp, &input[at..], &mut buf, mzflush);
            at += r.bytes_consumed;
            out.extend_from_slice(&buf[..r.bytes_written]);
            match r.status {
                Ok(MZStatus::StreamEnd) => break,
                Ok(_) => {
                    if at >= input.len() && r.bytes_written < buf.len() && mzflush != MZFlush::Finish {
                        break;
                    }
                    if r.bytes_consumed == 0 && r.bytes_written == 0 {
                        break;
                    }
                }
                Err(MZError::Buf) => break,
                Err(_) => return Err(ZErr { code: -2, msg: "inconsistent stream state" }),
            }
        }
        if mzflush == MZFlush::Finish {
            match self.container {
                Container::Zlib => out.extend_from_slice(&self.adler.checksum().to_be_bytes()),
                Container::Gzip => {
                    out.extend_from_slice(&self.crc.to_le_bytes());
                    out.extend_from_slice(&self.size.to_le_bytes());
                }
                _ => {}
            }
            self.finished = true;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_each_container() {
        let data: Vec<u8> = (0..5000u32).map(|i| (i * 7 % 251) as u8).collect();
        for (c, bits) in [(Container::Zlib, 15), (Container::Raw, 15), (Container::Gzip, 15)] {
            let mut d = Deflater::new(c, bits, 6, 0);
            let mut z = Vec::new();
            assert!(d.feed(&data, 4, &mut z).is_ok());
            let mut i = Inflater::new(if c == Container::Gzip { Container::Auto } else { c });
            let mut out = Vec::new();
            let fed = i.feed(&z, &mut out, None).ok().expect("valid stream");
            assert!(fed.eof);
            assert_eq!(out, data);
        }
    }
}

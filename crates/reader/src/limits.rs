//! Resource limits per document, and the usage counted against them.
//!
//! A hostile file must be stopped by a limit, never by the allocator (an
//! allocation failure aborts the process, which no `catch_unwind` survives):
//! every amplification a small file can cause — inflating streams, drawing a
//! form XObject from many places, showing millions of glyphs, holding huge
//! arrays — is charged here, and the first limit hit ends the document with
//! [`ReadError::LimitExceeded`](crate::ReadError::LimitExceeded) naming it.
use std::cell::Cell;
use std::fmt;
use std::time::{Duration, Instant};

/// Resource limits for one document. The defaults are far above what real
/// documents need (the corpus files use at most 1/20 of each: 750k operators,
/// 110k glyphs, 110k values, 220 fonts, 7 MB decompressed) and low enough
/// that any document stays within 256 MB and a minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest size any one stream may decompress to, bytes.
    pub max_stream_bytes: usize,
    /// Bytes all the streams read from the document may decompress to together
    /// (page contents, form XObjects each time they are read, fonts, CMaps,
    /// object and cross-reference streams).
    pub max_decompressed_bytes: u64,
    /// Content-stream operators interpreted in the whole document; a form
    /// XObject's operators count each time the form is drawn.
    pub max_operators: u64,
    /// Glyphs shown in the whole document.
    pub max_glyphs: u64,
    /// Glyphs on one page (later stages grow faster than linearly with them).
    pub max_page_glyphs: usize,
    /// Ruling segments on one page.
    pub max_page_segments: usize,
    /// Values parsed from the file and held at once: every object, array
    /// element and dictionary entry counts one (a value takes about 120 bytes).
    pub max_objects: u64,
    /// Fonts held decoded at once.
    pub max_fonts: usize,
    /// Pages beyond this are not read.
    pub max_pages: usize,
    /// Wall-clock time for reading one document; `None` for no deadline.
    pub deadline: Option<Duration>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_stream_bytes: 32 << 20,
            max_decompressed_bytes: 512 << 20,
            max_operators: 50_000_000,
            max_glyphs: 5_000_000,
            max_page_glyphs: 250_000,
            max_page_segments: 250_000,
            max_objects: 1_000_000,
            max_fonts: 5000,
            max_pages: 5000,
            deadline: Some(Duration::from_secs(60)),
        }
    }
}

/// Which limit a document hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LimitKind {
    StreamBytes,
    DecompressedBytes,
    Operators,
    Glyphs,
    PageGlyphs,
    PageSegments,
    Objects,
    Fonts,
    Deadline,
}

impl fmt::Display for LimitKind {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(match self {
            LimitKind::StreamBytes => "bytes one stream may decompress to",
            LimitKind::DecompressedBytes => "bytes all streams may decompress to",
            LimitKind::Operators => "content-stream operators",
            LimitKind::Glyphs => "glyphs in the document",
            LimitKind::PageGlyphs => "glyphs on one page",
            LimitKind::PageSegments => "ruling segments on one page",
            LimitKind::Objects => "values held from the file",
            LimitKind::Fonts => "fonts",
            LimitKind::Deadline => "seconds of reading",
        })
    }
}

/// A limit that was hit, and its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LimitHit {
    pub kind: LimitKind,
    pub max: u64,
}

impl fmt::Display for LimitHit {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{} {}", self.max, self.kind)
    }
}

/// What one document has used so far, counted against its [`Limits`]. Shared by
/// reference (counters are cells); the first limit hit is remembered, so a
/// caller deep inside object resolution can fail soft (return nothing) and
/// the interpreter reports the hit at its next check.
#[derive(Debug)]
pub struct Usage {
    pub limits: Limits,
    start: Instant,
    decompressed: Cell<u64>,
    operators: Cell<u64>,
    glyphs: Cell<u64>,
    objects: Cell<u64>,
    fonts: Cell<usize>,
    hit: Cell<Option<LimitHit>>,
}

/// Operators between two looks at the clock.
const CLOCK_EVERY: u64 = 4096;

impl Usage {
    pub fn new(limits: Limits) -> Self {
        Usage {
            limits,
            start: Instant::now(),
            decompressed: Cell::new(0),
            operators: Cell::new(0),
            glyphs: Cell::new(0),
            objects: Cell::new(0),
            fonts: Cell::new(0),
            hit: Cell::new(None),
        }
    }

    /// The first limit hit so far.
    pub fn check(&self) -> Result<(), LimitHit> {
        match self.hit.get() {
            Some(hit) => Err(hit),
            None => Ok(()),
        }
    }

    /// Records a hit (the first one stays) and returns it.
    pub fn exceed(&self, kind: LimitKind, max: u64) -> LimitHit {
        let hit = self.hit.get().unwrap_or(LimitHit { kind, max });
        self.hit.set(Some(hit));
        hit
    }

    fn charge(
        &self,
        counter: &Cell<u64>,
        n: u64,
        max: u64,
        kind: LimitKind,
    ) -> Result<(), LimitHit> {
        self.check()?;
        let total = counter.get().saturating_add(n);
        counter.set(total);
        if total > max {
            return Err(self.exceed(kind, max));
        }
        Ok(())
    }

    /// Bytes one stream may still decompress to: the per-stream limit or what is
    /// left of the document's, whichever is smaller.
    pub fn stream_allowance(&self) -> usize {
        let left = self
            .limits
            .max_decompressed_bytes
            .saturating_sub(self.decompressed.get());
        (self.limits.max_stream_bytes as u64).min(left) as usize
    }

    /// Charges decompressed bytes.
    pub fn decompressed(&self, n: usize) -> Result<(), LimitHit> {
        let max = self.limits.max_decompressed_bytes;
        self.charge(
            &self.decompressed,
            n as u64,
            max,
            LimitKind::DecompressedBytes,
        )
    }

    /// Charges one operator, and looks at the clock now and then.
    pub fn operator(&self) -> Result<(), LimitHit> {
        let max = self.limits.max_operators;
        self.charge(&self.operators, 1, max, LimitKind::Operators)?;
        if self.operators.get().is_multiple_of(CLOCK_EVERY) {
            self.deadline()?;
        }
        Ok(())
    }

    /// Charges shown glyphs.
    pub fn glyphs(&self, n: usize) -> Result<(), LimitHit> {
        let max = self.limits.max_glyphs;
        self.charge(&self.glyphs, n as u64, max, LimitKind::Glyphs)
    }

    /// Charges parsed values.
    pub fn objects(&self, n: usize) -> Result<(), LimitHit> {
        let max = self.limits.max_objects;
        self.charge(&self.objects, n as u64, max, LimitKind::Objects)
    }

    /// Values parsed and held so far.
    pub fn objects_held(&self) -> u64 {
        self.objects.get()
    }

    /// Returns values that were dropped after one use (see `ObjectStore::get_once`).
    pub fn release_objects(&self, n: u64) {
        self.objects.set(self.objects.get().saturating_sub(n));
    }

    /// Values that may still be parsed.
    pub fn objects_left(&self) -> u64 {
        self.limits.max_objects.saturating_sub(self.objects.get())
    }

    /// Charges one decoded font.
    pub fn font(&self) -> Result<(), LimitHit> {
        self.check()?;
        self.fonts.set(self.fonts.get() + 1);
        let max = self.limits.max_fonts;
        if self.fonts.get() > max {
            return Err(self.exceed(LimitKind::Fonts, max as u64));
        }
        Ok(())
    }

    /// Fails once the deadline has passed.
    /// A decoded font let go of.
    pub fn release_font(&self) {
        self.fonts.set(self.fonts.get().saturating_sub(1));
    }

    pub fn deadline(&self) -> Result<(), LimitHit> {
        self.check()?;
        match self.limits.deadline {
            Some(d) if self.start.elapsed() > d => {
                Err(self.exceed(LimitKind::Deadline, d.as_secs()))
            }
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_hit_is_sticky_and_named() {
        let usage = Usage::new(Limits {
            max_operators: 2,
            ..Limits::default()
        });
        assert!(usage.operator().is_ok());
        assert!(usage.operator().is_ok());
        let hit = usage.operator().unwrap_err();
        assert_eq!(hit.kind, LimitKind::Operators);
        // Later charges of other kinds report the first hit.
        assert_eq!(usage.glyphs(1).unwrap_err(), hit);
        assert_eq!(hit.to_string(), "2 content-stream operators");
    }

    #[test]
    fn stream_allowance_shrinks_with_the_document_usage() {
        let usage = Usage::new(Limits {
            max_stream_bytes: 100,
            max_decompressed_bytes: 150,
            ..Limits::default()
        });
        assert_eq!(usage.stream_allowance(), 100);
        usage.decompressed(120).unwrap();
        assert_eq!(usage.stream_allowance(), 30);
        assert!(usage.decompressed(31).is_err());
    }

    #[test]
    fn deadline_passes() {
        let usage = Usage::new(Limits {
            deadline: Some(Duration::ZERO),
            ..Limits::default()
        });
        std::thread::sleep(Duration::from_millis(2));
        assert_eq!(usage.deadline().unwrap_err().kind, LimitKind::Deadline);
    }
}

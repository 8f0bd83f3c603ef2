//! Loading a PDF with lopdf under resource limits and interpreting every page.
use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId, Stream};

use crate::error::LayoutError;
use crate::font::FontTable;
use crate::geometry::Matrix;
use crate::interpret::Interpreter;
use crate::page::Page;

/// Resource bounds that keep hostile files from exhausting memory.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest size any one stream may decompress to.
    pub max_stream_bytes: usize,
    /// Largest decoded content (page plus its forms) per page.
    pub max_page_content_bytes: usize,
    /// Pages beyond this are not read.
    pub max_pages: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_stream_bytes: 64 << 20,
            max_page_content_bytes: 64 << 20,
            max_pages: 5000,
        }
    }
}

/// A document after the layout stage's first step: pages of glyphs and rulings.
#[derive(Debug, Clone, Default)]
pub struct LayoutDocument {
    pub pages: Vec<Page>,
    pub producer: Option<String>,
    pub title: Option<String>,
    /// Things recovered from, for the output's `warnings`.
    pub warnings: Vec<String>,
}

/// A stream's decoded bytes, at most `limit` of them. lopdf refuses to
/// "decompress" a stream without /Filter; its bytes are the data as they are.
pub(crate) fn stream_data(stream: &Stream, limit: usize) -> Option<Vec<u8>> {
    match stream.decompressed_content_with_limit(limit) {
        Ok(data) => Some(data),
        Err(_) if !stream.dict.has(b"Filter") => Some(stream.content.clone()),
        Err(_) => None,
    }
}

fn info_string(doc: &Document, key: &[u8]) -> Option<String> {
    let info = doc.trailer.get(b"Info").ok()?;
    let info = doc.dereference(info).ok()?.1.as_dict().ok()?;
    let s = info
        .get(b"Producer")
        .ok()
        .filter(|_| key == b"Producer")
        .or_else(|| info.get(key).ok())?;
    let s = lopdf::decode_text_string(doc.dereference(s).ok()?.1).ok()?;
    let s = s.trim().to_string();
    (!s.is_empty()).then_some(s)
}

/// Parses `bytes` as a PDF and interprets each page.
pub fn load_document(bytes: &[u8], limits: Limits) -> Result<LayoutDocument, LayoutError> {
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(LayoutError::NotPdf);
    }
    // A cut file still parses partially (lopdf rebuilds the xref by scanning),
    // but what it yields is incomplete; say so rather than return half a document.
    let tail = &bytes[bytes.len().saturating_sub(2048)..];
    if !tail.windows(5).any(|w| w == b"%%EOF") {
        return Err(LayoutError::Truncated);
    }
    let options = LoadOptions {
        max_decompressed_size: Some(limits.max_stream_bytes),
        ..Default::default()
    };
    let doc = Document::load_mem_with_options(bytes, options).map_err(|e| match e {
        lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword => LayoutError::Encrypted,
        lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { limit }) => {
            LayoutError::TooLarge { limit }
        }
        other => LayoutError::Damaged(other.to_string()),
    })?;
    if doc.is_encrypted() {
        return Err(LayoutError::Encrypted);
    }
    let page_ids: Vec<ObjectId> = doc.page_iter().take(limits.max_pages).collect();
    if page_ids.is_empty() {
        return Err(LayoutError::NoPages);
    }
    let mut fonts = FontTable::default();
    let mut out = LayoutDocument {
        producer: info_string(&doc, b"Producer"),
        title: info_string(&doc, b"Title"),
        ..Default::default()
    };
    let mut unmapped = 0;
    for (i, id) in page_ids.iter().enumerate() {
        let number = i as u32 + 1;
        let page_dict = doc
            .get_dictionary(*id)
            .map_err(|e| LayoutError::Damaged(e.to_string()))?;
        let (base, width, height) = page_space(&doc, page_dict);
        let content = match doc.get_page_content_with_limit(*id, limits.max_page_content_bytes) {
            Ok(c) => c,
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                limit,
            })) => {
                return Err(LayoutError::TooLarge { limit });
            }
            Err(e) => {
                out.warnings.push(format!(
                    "page {number}: content unreadable ({e}); page skipped"
                ));
                Vec::new()
            }
        };
        let resources = inherited(&doc, page_dict, b"Resources").and_then(|o| o.as_dict().ok());
        let result = Interpreter::new(&doc, &mut fonts, limits.max_page_content_bytes)
            .run(&content, resources, base);
        unmapped += result.unmapped_glyphs;
        out.pages.push(Page {
            number,
            width,
            height,
            glyphs: result.glyphs,
            segments: result.segments,
        });
    }
    let total: usize = out.pages.iter().map(|p| p.glyphs.len()).sum();
    if total == 0 {
        return Err(LayoutError::NoText);
    }
    if unmapped > 0 {
        out.warnings.push(format!(
            "{unmapped} glyphs had no Unicode mapping and were dropped"
        ));
    }
    Ok(out)
}

/// Looks a page attribute up the page tree (`/Resources`, `/MediaBox`, … are inheritable).
fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = page;
    for _ in 0..64 {
        if let Ok(v) = node.get(key) {
            return doc.dereference(v).ok().map(|(_, o)| o);
        }
        let parent = node.get(b"Parent").ok()?;
        node = doc.dereference(parent).ok()?.1.as_dict().ok()?;
    }
    None
}

fn rect(doc: &Document, page: &Dictionary, key: &[u8]) -> Option<[f32; 4]> {
    let arr = inherited(doc, page, key)?.as_array().ok()?;
    let v: Vec<f32> = arr
        .iter()
        .filter_map(|o| match doc.dereference(o).ok()?.1 {
            Object::Integer(i) => Some(*i as f32),
            Object::Real(r) => Some(*r),
            _ => None,
        })
        .collect();
    (v.len() == 4 && v.iter().all(|x| x.is_finite())).then(|| {
        [
            v[0].min(v[2]),
            v[1].min(v[3]),
            v[0].max(v[2]),
            v[1].max(v[3]),
        ]
    })
}

/// The matrix from user space to page space (top-left origin, `y` down, rotation applied).
fn page_space(doc: &Document, page: &Dictionary) -> (Matrix, f32, f32) {
    let b = rect(doc, page, b"CropBox")
        .or_else(|| rect(doc, page, b"MediaBox"))
        .unwrap_or([0.0, 0.0, 595.0, 842.0]);
    let [x0, y0, x1, y1] = b;
    let rotate = inherited(doc, page, b"Rotate")
        .and_then(|o| o.as_i64().ok())
        .unwrap_or(0)
        .rem_euclid(360);
    let (w, h) = (x1 - x0, y1 - y0);
    match rotate {
        90 => (Matrix::new(0.0, 1.0, 1.0, 0.0, -y0, -x0), h, w),
        180 => (Matrix::new(-1.0, 0.0, 0.0, 1.0, x1, -y0), w, h),
        270 => (Matrix::new(0.0, -1.0, -1.0, 0.0, y1, x1), h, w),
        _ => (Matrix::new(1.0, 0.0, 0.0, -1.0, -x0, y1), w, h),
    }
}

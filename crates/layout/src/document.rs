//! Loading a PDF under resource limits and interpreting every page.
use lopdf::{Dictionary, Object, ObjectId};

use crate::budget::{Budget, LimitHit, Limits};
use crate::error::LayoutError;
use crate::font::FontTable;
use crate::geometry::Matrix;
use crate::interpret::Interpreter;
use crate::objects::ObjectStore;
use crate::page::Page;

/// A document after the layout stage's first step: pages of glyphs and rulings.
#[derive(Debug, Clone, Default)]
pub struct LayoutDocument {
    pub pages: Vec<Page>,
    pub producer: Option<String>,
    pub title: Option<String>,
    /// Things recovered from, for the output's `warnings`.
    pub warnings: Vec<String>,
}

fn info_string(store: &ObjectStore<'_>, key: &[u8]) -> Option<String> {
    let info = store.dict(store.trailer().get(b"Info").ok()?)?;
    let s = lopdf::decode_text_string(store.get_in(info, key)?).ok()?;
    let s = s.trim().to_string();
    (!s.is_empty()).then_some(s)
}

/// Parses `bytes` as a PDF and interprets each page.
pub fn load_document(bytes: &[u8], limits: Limits) -> Result<LayoutDocument, LayoutError> {
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(LayoutError::NotPdf);
    }
    // A cut file still parses partially (objects are found by scanning),
    // but what it yields is incomplete; say so rather than return half a document.
    let tail = &bytes[bytes.len().saturating_sub(2048)..];
    if !tail.windows(5).any(|w| w == b"%%EOF") {
        return Err(LayoutError::Truncated);
    }
    let store = ObjectStore::open(bytes, Budget::new(limits))?;
    let page_ids = store.page_ids(limits.max_pages);
    if page_ids.is_empty() {
        return Err(LayoutError::NoPages);
    }
    let mut fonts = FontTable::default();
    let mut out = LayoutDocument {
        producer: info_string(&store, b"Producer"),
        title: info_string(&store, b"Title"),
        ..Default::default()
    };
    let mut unmapped = 0;
    for (i, id) in page_ids.iter().enumerate() {
        let number = i as u32 + 1;
        let page = read_page(&store, &mut fonts, *id, number, &mut out.warnings)
            .map_err(LayoutError::LimitExceeded)?;
        unmapped += page.1;
        out.pages.push(page.0);
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

/// Interprets one page; returns it with its count of unmapped glyphs.
fn read_page(
    store: &ObjectStore<'_>,
    fonts: &mut FontTable,
    id: ObjectId,
    number: u32,
    warnings: &mut Vec<String>,
) -> Result<(Page, usize), LimitHit> {
    let budget = store.budget();
    budget.deadline()?;
    let page_dict = store.get(id).and_then(|p| p.as_dict().ok());
    let Some(page_dict) = page_dict else {
        warnings.push(format!(
            "page {number}: not a page dictionary; page skipped"
        ));
        return Ok((
            Page {
                number,
                ..Page::default()
            },
            0,
        ));
    };
    let (base, width, height) = page_space(store, page_dict);
    let content = match page_content(store, page_dict) {
        Some(c) => c,
        None => {
            budget.check()?;
            warnings.push(format!("page {number}: content unreadable; page skipped"));
            Vec::new()
        }
    };
    let resources = inherited(store, page_dict, b"Resources").and_then(|o| o.as_dict().ok());
    let result = Interpreter::new(store, fonts).run(&content, resources, base)?;
    let page = Page {
        number,
        width,
        height,
        glyphs: result.glyphs,
        segments: result.segments,
    };
    Ok((page, result.unmapped_glyphs))
}

/// A page's content: its content streams decoded and joined, each followed by
/// a newline (a stream may end mid-line). `None` when a stream cannot be decoded.
fn page_content(store: &ObjectStore<'_>, page: &Dictionary) -> Option<Vec<u8>> {
    let mut content = Vec::new();
    let Some(contents) = page.get(b"Contents").ok().and_then(|c| store.once(c)) else {
        return Some(content);
    };
    let streams = match &*contents {
        Object::Array(a) => a.as_slice(),
        one => std::slice::from_ref(one),
    };
    for s in streams {
        let Some(held) = store.once(s) else { continue };
        let Object::Stream(stream) = &*held else {
            continue;
        };
        content.extend_from_slice(&store.stream_data(stream)?);
        content.push(b'\n');
    }
    Some(content)
}

/// Looks a page attribute up the page tree (`/Resources`, `/MediaBox`, … are inheritable).
fn inherited<'a>(
    store: &'a ObjectStore<'_>,
    page: &'a Dictionary,
    key: &[u8],
) -> Option<&'a Object> {
    let mut node = page;
    for _ in 0..64 {
        if node.has(key) {
            return store.get_in(node, key);
        }
        node = store.get_in(node, b"Parent")?.as_dict().ok()?;
    }
    None
}

fn rect(store: &ObjectStore<'_>, page: &Dictionary, key: &[u8]) -> Option<[f32; 4]> {
    let arr = inherited(store, page, key)?.as_array().ok()?;
    let v: Vec<f32> = arr
        .iter()
        .filter_map(|o| match store.resolve(o)? {
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
fn page_space(store: &ObjectStore<'_>, page: &Dictionary) -> (Matrix, f32, f32) {
    let b = rect(store, page, b"CropBox")
        .or_else(|| rect(store, page, b"MediaBox"))
        .unwrap_or([0.0, 0.0, 595.0, 842.0]);
    let [x0, y0, x1, y1] = b;
    let rotate = inherited(store, page, b"Rotate")
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

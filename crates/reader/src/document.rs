//! A PDF read page by page under resource limits: [`open_document`] gives
//! [`Pages`], an iterator that interprets one page at a time, so that a
//! caller can reduce each page (to blocks) and drop its glyphs before the
//! next; [`load_document`] collects them all.
use lopdf::ObjectId;

use crate::error::ReadError;
use crate::font::table::FontTable;
use crate::interpret::Interpreter;
use crate::limits::{LimitHit, Limits, Usage};
use crate::objects::ObjectStore;
use crate::page::Page;
use crate::page_dict::{inherited, page_content, page_space};

/// A PDF read: pages of glyphs and rulings, and what the file says of itself.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub pages: Vec<Page>,
    pub producer: Option<String>,
    pub title: Option<String>,
    /// Things recovered from, for the output's `warnings`.
    pub warnings: Vec<String>,
}

/// An opened PDF whose pages are interpreted as they are asked for, in order.
/// Yields `Err` once when a limit is hit (or the file turns out unreadable),
/// then nothing.
pub struct Pages<'a> {
    store: ObjectStore<'a>,
    fonts: FontTable,
    page_ids: Vec<ObjectId>,
    next: usize,
    glyphs: usize,
    unmapped: usize,
    failed: bool,
    producer: Option<String>,
    title: Option<String>,
    warnings: Vec<String>,
}

fn info_string(store: &ObjectStore<'_>, key: &[u8]) -> Option<String> {
    let info = store.dict(store.trailer().get(b"Info").ok()?)?;
    let s = lopdf::decode_text_string(store.get_in(info, key)?).ok()?;
    let s = s.trim().to_string();
    (!s.is_empty()).then_some(s)
}

/// Opens `bytes` as a PDF: its cross-reference data, encryption and page
/// tree. No page is interpreted yet.
pub fn open_document(bytes: &[u8], limits: Limits) -> Result<Pages<'_>, ReadError> {
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(ReadError::NotPdf);
    }
    // A cut file still parses partially (objects are found by scanning),
    // but what it yields is incomplete; say so rather than return half a document.
    let tail = &bytes[bytes.len().saturating_sub(2048)..];
    if !tail.windows(5).any(|w| w == b"%%EOF") {
        return Err(ReadError::Truncated);
    }
    let mut store = ObjectStore::open(bytes, Usage::new(limits))?;
    let page_ids = store.page_ids(limits.max_pages);
    store.usage().check().map_err(ReadError::LimitExceeded)?;
    if page_ids.is_empty() {
        return Err(ReadError::NoPages);
    }
    let producer = info_string(&store, b"Producer");
    let title = info_string(&store, b"Title");
    // The page tree is walked; pages read their objects as they come.
    store.release_parsed();
    Ok(Pages {
        producer,
        title,
        store,
        fonts: FontTable::default(),
        page_ids,
        next: 0,
        glyphs: 0,
        unmapped: 0,
        failed: false,
        warnings: Vec::new(),
    })
}

impl Pages<'_> {
    /// Pages the document has (up to the page limit).
    pub fn page_count(&self) -> usize {
        self.page_ids.len()
    }

    /// Passes over the next page without interpreting it (for a caller that
    /// reads only some pages); false when no page is left.
    pub fn skip_page(&mut self) -> bool {
        if self.failed || self.next >= self.page_ids.len() {
            return false;
        }
        self.next += 1;
        true
    }

    /// The document information's producer.
    pub fn producer(&self) -> Option<&str> {
        self.producer.as_deref()
    }

    /// The document information's title.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// After the last page: what was recovered from, for the output's
    /// `warnings`; [`ReadError::NoText`] when no page showed any text.
    pub fn finish(mut self) -> Result<Vec<String>, ReadError> {
        if self.glyphs == 0 {
            return Err(ReadError::NoText);
        }
        if self.unmapped > 0 {
            self.warnings.push(format!(
                "{} glyphs had no Unicode mapping and were dropped",
                self.unmapped
            ));
        }
        Ok(self.warnings)
    }

    /// Interprets page `number` (1-based).
    fn read_page(&mut self, id: ObjectId, number: u32) -> Result<Page, LimitHit> {
        let store = &self.store;
        let usage = store.usage();
        usage.deadline()?;
        let Some(page_dict) = store.get(id).and_then(|p| p.as_dict().ok()) else {
            let warning = format!("page {number}: not a page dictionary; page skipped");
            self.warnings.push(warning);
            return Ok(Page {
                number,
                ..Page::default()
            });
        };
        let (base, width, height) = page_space(store, page_dict);
        let content = match page_content(store, page_dict) {
            Some(c) => c,
            None => {
                usage.check()?;
                let warning = format!("page {number}: content unreadable; page skipped");
                self.warnings.push(warning);
                Vec::new()
            }
        };
        let resources = inherited(store, page_dict, b"Resources").and_then(|o| o.as_dict().ok());
        let result = Interpreter::new(store, &mut self.fonts).run(&content, resources, base)?;
        self.glyphs += result.glyphs.len();
        self.unmapped += result.unmapped_glyphs;
        Ok(Page {
            number,
            width,
            height,
            glyphs: result.glyphs,
            segments: result.segments,
        })
    }
}

impl Iterator for Pages<'_> {
    type Item = Result<Page, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let id = *self.page_ids.get(self.next)?;
        self.next += 1;
        let page = self.read_page(id, self.next as u32);
        // What this page reached is let go of before the next: memory stays
        // that of the largest page, not of the document.
        self.fonts.end_page(self.store.usage());
        self.store.release_parsed();
        self.failed = page.is_err();
        Some(page.map_err(ReadError::LimitExceeded))
    }
}

/// Parses `bytes` as a PDF and interprets every page, keeping them all.
pub fn load_document(bytes: &[u8], limits: Limits) -> Result<Document, ReadError> {
    let mut pages = open_document(bytes, limits)?;
    let mut out = Document {
        producer: pages.producer.take(),
        title: pages.title.take(),
        ..Default::default()
    };
    for page in pages.by_ref() {
        out.pages.push(page?);
    }
    out.warnings = pages.finish()?;
    Ok(out)
}

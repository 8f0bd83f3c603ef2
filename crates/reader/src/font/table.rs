//! The fonts of the pages at hand, decoded once while pages use them.
use std::collections::HashMap;

use lopdf::{Object, ObjectId};

use super::{Font, SharedParts};
use crate::limits::Usage;
use crate::objects::ObjectStore;

/// The address of an inline font dictionary: the key it is decoded once
/// under (objects the store keeps never move while it lives).
fn address(o: &Object) -> usize {
    o as *const Object as usize
}

/// Pages a font stays decoded after the last page that used it.
pub(super) const KEEP_UNUSED_FONT_PAGES: u32 = 2;

/// Fonts decoded once while pages use them: a font dictionary once per object
/// id (or, for a dictionary written inline in a resource dictionary, once per
/// place it is written), whatever number of `Tf`s select it. A font no page
/// has used for [`KEEP_UNUSED_FONT_PAGES`] pages is let go of (a long document
/// of many parts holds only the fonts of the pages at hand) and decoded again
/// if a later page uses it, under the same index.
#[derive(Default)]
pub struct FontTable {
    /// Indexed by font number; `None` once let go of.
    pub(super) fonts: Vec<Option<Font>>,
    /// The page (counted by [`Self::end_page`]) each font was last used on.
    last_used: Vec<u32>,
    /// Font dictionaries by id: their font number, kept for the document's
    /// life (a font keeps its number however often it is decoded).
    by_id: HashMap<ObjectId, Option<u32>>,
    /// Inline font dictionaries by address, valid until the store lets its
    /// objects go ([`Self::end_page`]).
    inline: HashMap<usize, Option<u32>>,
    pub(super) shared: SharedParts,
    page: u32,
}

impl FontTable {
    /// Index of the font for a (possibly indirect) font object; `None` when it
    /// is no dictionary or the fonts limit is reached.
    pub fn resolve(&mut self, store: &ObjectStore<'_>, font_obj: &Object) -> Option<u32> {
        // Failures are remembered too: a bad font selected a million times is
        // looked at once.
        if let Object::Reference(id) = font_obj {
            match self.by_id.get(id) {
                Some(&Some(i)) if self.fonts[i as usize].is_some() => {
                    self.last_used[i as usize] = self.page;
                    Some(i)
                }
                Some(&Some(i)) => {
                    let font = store.get_once(*id).and_then(|f| self.decode(store, &f))?;
                    self.fonts[i as usize] = Some(font);
                    self.last_used[i as usize] = self.page;
                    Some(i)
                }
                Some(None) => None,
                None => {
                    let i = store
                        .get_once(*id)
                        .and_then(|f| self.decode(store, &f))
                        .map(|font| self.push(font));
                    self.by_id.insert(*id, i);
                    i
                }
            }
        } else {
            if let Some(&i) = self.inline.get(&address(font_obj)) {
                if let Some(i) = i {
                    self.last_used[i as usize] = self.page;
                }
                return i;
            }
            let i = self.decode(store, font_obj).map(|font| self.push(font));
            self.inline.insert(address(font_obj), i);
            i
        }
    }

    fn decode(&mut self, store: &ObjectStore<'_>, o: &Object) -> Option<Font> {
        let dict = o.as_dict().ok()?;
        store.usage().font().ok()?;
        Some(Font::from_dict(store, dict, &mut self.shared))
    }

    fn push(&mut self, font: Font) -> u32 {
        self.fonts.push(Some(font));
        self.last_used.push(self.page);
        (self.fonts.len() - 1) as u32
    }

    pub fn get_mut(&mut self, i: u32) -> &mut Font {
        self.fonts[i as usize]
            .as_mut()
            .expect("a font resolved on this page is kept until its end")
    }

    /// After a page (and before its objects are let go of): forgets inline
    /// fonts by address, and lets go of the fonts, CMaps, widths and
    /// encodings no page has used for a while, giving them back to `usage`.
    pub fn end_page(&mut self, usage: &Usage) {
        self.inline.clear();
        for (font, &last) in self.fonts.iter_mut().zip(&self.last_used) {
            if font.is_some() && self.page.saturating_sub(last) >= KEEP_UNUSED_FONT_PAGES {
                *font = None;
                usage.release_font();
            }
        }
        self.page += 1;
        self.shared.release_unused();
    }
}

//! The document's objects, as the layout stage reaches them: references
//! followed, streams decoded under the document's [`Budget`].
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use crate::budget::{Budget, LimitKind};

/// Reference chains longer than this are taken for loops.
const MAX_REFERENCE_CHAIN: usize = 32;
/// Page tree levels deeper than this are not followed.
const MAX_PAGE_TREE_DEPTH: usize = 256;

/// Objects of one PDF and the budget they are read under.
pub struct ObjectStore {
    doc: Document,
    budget: Budget,
}

impl ObjectStore {
    pub fn new(doc: Document, budget: Budget) -> Self {
        ObjectStore { doc, budget }
    }

    pub fn budget(&self) -> &Budget {
        &self.budget
    }

    pub fn trailer(&self) -> &Dictionary {
        &self.doc.trailer
    }

    /// The object with this id, references followed.
    pub fn get(&self, id: ObjectId) -> Option<&Object> {
        self.resolve(self.doc.objects.get(&id)?)
    }

    /// `o` itself, or the object a reference (chain) leads to.
    pub fn resolve<'s>(&'s self, mut o: &'s Object) -> Option<&'s Object> {
        for _ in 0..MAX_REFERENCE_CHAIN {
            match o {
                Object::Reference(id) => o = self.doc.objects.get(id)?,
                _ => return Some(o),
            }
        }
        None
    }

    /// `o` (or what it refers to) as a dictionary; a stream gives its dictionary.
    pub fn dict<'s>(&'s self, o: &'s Object) -> Option<&'s Dictionary> {
        match self.resolve(o)? {
            Object::Dictionary(d) => Some(d),
            Object::Stream(s) => Some(&s.dict),
            _ => None,
        }
    }

    /// The value of `key` in `dict`, references followed.
    pub fn get_in<'s>(&'s self, dict: &'s Dictionary, key: &[u8]) -> Option<&'s Object> {
        self.resolve(dict.get(key).ok()?)
    }

    /// A stream's decoded bytes, charged to the budget. A stream without /Filter
    /// is its bytes as they are; one that fails to decode gives `None`; one over
    /// the budget records the hit and gives `None`.
    pub fn stream_data(&self, stream: &Stream) -> Option<Vec<u8>> {
        let allowance = self.budget.stream_allowance();
        let data = match stream.decompressed_content_with_limit(allowance) {
            Ok(data) => data,
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                ..
            })) => {
                self.exceeded_allowance(allowance);
                return None;
            }
            Err(_) if !stream.dict.has(b"Filter") => {
                if stream.content.len() > allowance {
                    self.exceeded_allowance(allowance);
                    return None;
                }
                stream.content.clone()
            }
            Err(_) => return None,
        };
        self.budget.decompressed(data.len()).ok()?;
        Some(data)
    }

    /// Records which limit an over-large stream hit: its own or the document's.
    fn exceeded_allowance(&self, allowance: usize) {
        let limits = &self.budget.limits;
        if allowance < limits.max_stream_bytes {
            self.budget
                .exceed(LimitKind::DecompressedBytes, limits.max_decompressed_bytes);
        } else {
            self.budget
                .exceed(LimitKind::StreamBytes, limits.max_stream_bytes as u64);
        }
    }

    /// The page objects in document order, at most `max`: leaves of the page
    /// tree with `/Type /Page`, reached through `/Kids` references.
    pub fn page_ids(&self, max: usize) -> Vec<ObjectId> {
        let mut pages = Vec::new();
        let Some(root) = self
            .get_in(self.trailer(), b"Root")
            .and_then(|c| self.dict(c))
            .and_then(|c| c.get(b"Pages").ok())
        else {
            return pages;
        };
        // Intermediate nodes seen (a page may be listed twice; a node twice is a loop).
        let mut visited = std::collections::HashSet::new();
        // Stack of kid lists still to visit, each with its position.
        let mut stack: Vec<(&[Object], usize)> = Vec::new();
        if let Some(kids) = self.kids(root) {
            stack.push((kids, 0));
        }
        while let Some((kids, i)) = stack.pop() {
            let Some(kid) = kids.get(i) else { continue };
            stack.push((kids, i + 1));
            let Object::Reference(id) = kid else { continue };
            let Some(node) = self.dict(kid) else { continue };
            match node.get(b"Type").and_then(Object::as_name) {
                Ok(b"Page") => {
                    pages.push(*id);
                    if pages.len() >= max {
                        break;
                    }
                }
                Ok(b"Pages") if stack.len() < MAX_PAGE_TREE_DEPTH && visited.insert(*id) => {
                    if let Some(kids) = self.kids(kid) {
                        stack.push((kids, 0));
                    }
                }
                _ => {}
            }
        }
        pages
    }

    fn kids<'s>(&'s self, node: &'s Object) -> Option<&'s [Object]> {
        let node = self.dict(node)?;
        Some(self.get_in(node, b"Kids")?.as_array().ok()?.as_slice())
    }
}

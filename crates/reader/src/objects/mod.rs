//! The document's objects, read lazily: only what pages, resources, fonts
//! and forms reach is parsed (never the structure tree, annotations or Type3
//! glyph procedures), each object once, and stream data is left in the input
//! until decoded within the document's [`Limits`](crate::Limits).
//!
//! Modules: [`parse`] (object syntax), [`xref`] (where objects lie). Files
//! encrypted with an empty user password (permissions only) are decrypted
//! object by object with lopdf's security handler.
pub mod parse;
pub mod xref;

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use lopdf::encryption::{decrypt_object, EncryptionState};
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use crate::error::ReadError;
use crate::limits::{LimitKind, Usage};
use parse::{Failure, Indirect, Parser};
use xref::{Entry, Xref};

/// Reference chains longer than this are taken for loops.
const MAX_REFERENCE_CHAIN: usize = 32;
/// Members of one object stream read at most (writers put 100 to 1000 in one).
const MAX_STREAM_MEMBERS: i64 = 100_000;
/// Page tree levels deeper than this are not followed.
const MAX_PAGE_TREE_DEPTH: usize = 256;

/// A decoded object stream: its data and where each member starts.
struct ObjectStream {
    data: Vec<u8>,
    /// (object number, offset from the start of the data).
    members: Vec<(u32, usize)>,
}

/// An object as parsed into its cell, and the values it holds (charged to
/// the usage until the cell is emptied).
struct Parsed {
    object: Option<Object>,
    nodes: u64,
}

/// An object lent by the store, or parsed for one use and given back to the
/// usage when dropped.
pub enum Held<'s> {
    Kept(&'s Object),
    Once {
        object: Object,
        nodes: u64,
        usage: &'s Usage,
    },
}

impl std::ops::Deref for Held<'_> {
    type Target = Object;
    fn deref(&self) -> &Object {
        match self {
            Held::Kept(o) => o,
            Held::Once { object, .. } => object,
        }
    }
}

impl Drop for Held<'_> {
    fn drop(&mut self) {
        if let Held::Once { nodes, usage, .. } = self {
            usage.release_objects(*nodes);
        }
    }
}

/// Objects of one PDF, parsed on first use, and the usage counted as they are read.
pub struct ObjectStore<'a> {
    /// The file from its `%PDF-` header on (offsets count from there).
    data: &'a [u8],
    xref: Xref,
    /// One cell per cross-reference entry; filled on first use, never moved
    /// until [`Self::release_parsed`] empties them all.
    cells: HashMap<u32, OnceCell<Parsed>>,
    object_streams: RefCell<HashMap<u32, Option<Rc<ObjectStream>>>>,
    /// Object offsets found by scanning, for entries whose offset is wrong.
    scanned: OnceCell<HashMap<u32, usize>>,
    encryption: Option<EncryptionState>,
    usage: Usage,
}

impl<'a> ObjectStore<'a> {
    /// Opens a PDF: reads its cross-reference data (or rebuilds it by
    /// scanning when unusable) and its encryption. Parses no page yet.
    pub fn open(bytes: &'a [u8], usage: Usage) -> Result<Self, ReadError> {
        let header = bytes
            .windows(5)
            .position(|w| w == b"%PDF-")
            .ok_or(ReadError::NotPdf)?;
        let data = &bytes[header..];
        let read = xref::read(data, &usage);
        usage.check().map_err(ReadError::LimitExceeded)?;
        let mut store = match read {
            Some(xref) => Self::with_xref(data, xref, usage)?,
            None => Self::rebuilt(data, usage)?,
        };
        if store.page_tree_root().is_none() {
            let usage = std::mem::replace(&mut store.usage, Usage::new(Default::default()));
            store = Self::rebuilt(data, usage)?;
        }
        if store.page_tree_root().is_none() {
            store.usage.check().map_err(ReadError::LimitExceeded)?;
            return Err(ReadError::Damaged(
                "no catalog with a page tree (cross-reference data unusable?)".into(),
            ));
        }
        Ok(store)
    }

    fn with_xref(data: &'a [u8], xref: Xref, usage: Usage) -> Result<Self, ReadError> {
        let cells = xref.entries.keys().map(|&n| (n, OnceCell::new())).collect();
        let mut store = ObjectStore {
            data,
            xref,
            cells,
            object_streams: RefCell::default(),
            scanned: OnceCell::new(),
            encryption: None,
            usage,
        };
        store.encryption = store.encryption_state()?;
        Ok(store)
    }

    /// A store over a table rebuilt by scanning, with object stream members
    /// added and the catalog found when no trailer names it.
    fn rebuilt(data: &'a [u8], usage: Usage) -> Result<Self, ReadError> {
        let mut xref = xref::reconstruct(data, &usage);
        let scanned: HashMap<u32, usize> = xref
            .entries
            .iter()
            .filter_map(|(&n, e)| match e {
                Entry::At(at) => Some((n, *at)),
                _ => None,
            })
            .collect();
        let mut store = Self::with_xref(data, std::mem::take(&mut xref), usage)?;
        let _ = store.scanned.set(scanned);
        // Members of object streams, and the catalog or a cross-reference
        // stream's trailer, are only seen by reading the objects.
        let mut numbers: Vec<u32> = store.xref.entries.keys().copied().collect();
        numbers.sort_unstable();
        let mut members = Vec::new();
        let mut xref_trailer = None;
        let mut catalog = None;
        for &n in &numbers {
            let Some(dict) = store.raw(n).and_then(|o| store.dict(o)) else {
                continue;
            };
            match dict.get(b"Type").and_then(Object::as_name) {
                Ok(b"ObjStm") => {
                    if let Some(os) = store.object_stream(n) {
                        let found = os.members.iter().enumerate();
                        members.extend(found.map(|(i, &(m, _))| (m, n, i as u32)));
                    }
                }
                Ok(b"XRef") => xref_trailer = Some(dict.clone()),
                Ok(b"Catalog") => catalog = Some(n),
                _ => {}
            }
        }
        for (m, stream, index) in members {
            if let std::collections::hash_map::Entry::Vacant(v) = store.xref.entries.entry(m) {
                v.insert(Entry::InStream { stream, index });
                store.cells.insert(m, OnceCell::new());
            }
        }
        if let (false, Some(mut trailer)) = (store.xref.trailer.has(b"Root"), xref_trailer) {
            trailer.remove(b"Prev");
            store.xref.trailer = trailer;
        }
        if let (false, Some(n)) = (store.xref.trailer.has(b"Root"), catalog) {
            store.xref.trailer.set("Root", Object::Reference((n, 0)));
        }
        Ok(store)
    }

    /// The security handler's state for an encrypted file (empty user
    /// password); an error when a password is needed.
    fn encryption_state(&self) -> Result<Option<EncryptionState>, ReadError> {
        let Ok(encrypt) = self.xref.trailer.get(b"Encrypt") else {
            return Ok(None);
        };
        // lopdf's handler reads the /Encrypt dictionary and /ID from a Document.
        let mut doc = Document::new();
        doc.trailer = self.xref.trailer.clone();
        let id = (0, 0);
        let dict = self.resolve(encrypt).cloned().ok_or(ReadError::Encrypted)?;
        doc.objects.insert(id, dict);
        doc.trailer.set("Encrypt", Object::Reference(id));
        EncryptionState::decode(&doc, "")
            .map(Some)
            .map_err(|_| ReadError::Encrypted)
    }

    pub fn usage(&self) -> &Usage {
        &self.usage
    }

    pub fn trailer(&self) -> &Dictionary {
        &self.xref.trailer
    }

    /// The object with this number as stored (a reference stays one).
    fn raw(&self, number: u32) -> Option<&Object> {
        self.cells
            .get(&number)?
            .get_or_init(|| {
                let before = self.usage.objects_held();
                let object = self.load(number);
                let nodes = self.usage.objects_held().saturating_sub(before);
                Parsed { object, nodes }
            })
            .object
            .as_ref()
    }

    /// Lets go of every object parsed so far, giving their values back to
    /// the usage; they are parsed again if asked for. Called between pages,
    /// so that what one page reached (its dictionary, resources, forms) does
    /// not stay for the rest of the document: the memory a long document
    /// takes stays that of its largest page. (Decoded object streams stay:
    /// each holds many pages' objects.)
    ///
    /// Inner nodes of the page tree (`/Type /Pages`) stay: every page's
    /// inherited attributes are looked up through them, and parsing a node
    /// of 200,000 kids again for each page made a hostile file 270× slower.
    pub fn release_parsed(&mut self) {
        for cell in self.cells.values_mut() {
            if cell
                .get()
                .is_some_and(|p| is_page_tree_node(p.object.as_ref()))
            {
                continue;
            }
            if let Some(parsed) = cell.take() {
                self.usage.release_objects(parsed.nodes);
            }
        }
    }

    /// The object with this id, references followed; kept for the document's life.
    pub fn get(&self, id: ObjectId) -> Option<&Object> {
        self.resolve(self.raw(id.0)?)
    }

    /// The object with this id for one use: lent when already kept, else
    /// parsed and dropped after use. For what is read once and then kept in
    /// decoded form (fonts, CMaps, `/W` arrays, page contents), so that their
    /// parsed objects do not stay for the whole document.
    pub fn get_once(&self, id: ObjectId) -> Option<Held<'_>> {
        if let Some(kept) = self.cells.get(&id.0)?.get() {
            return self.resolve(kept.object.as_ref()?).map(Held::Kept);
        }
        let before = self.usage.objects_held();
        let object = self.load(id.0);
        let nodes = self.usage.objects_held().saturating_sub(before);
        match object? {
            Object::Reference(r) => {
                self.usage.release_objects(nodes);
                self.get(r).map(Held::Kept)
            }
            object => Some(Held::Once {
                object,
                nodes,
                usage: &self.usage,
            }),
        }
    }

    /// `o` for one use: what a reference leads to through [`Self::get_once`].
    pub fn once<'s>(&'s self, o: &'s Object) -> Option<Held<'s>> {
        match o {
            Object::Reference(id) => self.get_once(*id),
            o => Some(Held::Kept(o)),
        }
    }

    /// `o` itself, or the object a reference (chain) leads to.
    pub fn resolve<'s>(&'s self, mut o: &'s Object) -> Option<&'s Object> {
        for _ in 0..MAX_REFERENCE_CHAIN {
            match o {
                Object::Reference(id) => o = self.raw(id.0)?,
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

    /// Parses object `number` where the cross-reference data places it.
    fn load(&self, number: u32) -> Option<Object> {
        match *self.xref.entries.get(&number)? {
            Entry::Free => None,
            Entry::At(at) => self.load_at(number, at).or_else(|| {
                // A wrong offset: look where the object really is.
                let found = *self.scanned().get(&number)?;
                (found != at).then(|| self.load_at(number, found))?
            }),
            Entry::InStream { stream, index } => self.load_member(number, stream, index),
        }
    }

    fn scanned(&self) -> &HashMap<u32, usize> {
        self.scanned.get_or_init(|| xref::scan_objects(self.data))
    }

    /// The indirect object at `at`, which must be object `number`, with its
    /// stream data located (copied and decrypted in an encrypted file).
    fn load_at(&self, number: u32, at: usize) -> Option<Object> {
        let Indirect {
            id,
            mut object,
            stream_data,
        } = self.parse_at(at, &|id| self.length_of(id))?;
        if id.0 != number {
            return None;
        }
        if let (Object::Stream(stream), Some(range)) = (&mut object, stream_data) {
            if self.encryption.is_some() {
                stream.content = self.data[range].to_vec();
            } else {
                stream.dict.set("Length", range.len() as i64);
                stream.start_position = Some(range.start);
            }
        }
        if let Some(state) = &self.encryption {
            // Strings that fail to decrypt stay as they are; the text shows it.
            let _ = decrypt_object(state, id, &mut object);
        }
        Some(object)
    }

    /// Parses the indirect object at `at`, charging the values built.
    fn parse_at(&self, at: usize, length_of: &dyn Fn(ObjectId) -> Option<i64>) -> Option<Indirect> {
        let mut p = Parser::new(
            self.data,
            at.min(self.data.len()),
            self.usage.objects_left(),
        );
        let parsed = p.indirect(length_of);
        self.charge_nodes(&p, parsed.as_ref().err().copied())?;
        parsed.ok()
    }

    fn charge_nodes(&self, p: &Parser, failure: Option<Failure>) -> Option<()> {
        if failure == Some(Failure::OverLimit) {
            let max = self.usage.limits.max_objects;
            self.usage.exceed(LimitKind::Objects, max);
            return None;
        }
        self.usage.objects(p.nodes as usize).ok()
    }

    /// An indirect `/Length`: the integer object, read without caching
    /// (it may be asked for while another object is being loaded).
    fn length_of(&self, id: ObjectId) -> Option<i64> {
        let kept = self.cells.get(&id.0).and_then(OnceCell::get);
        if let Some(Some(o)) = kept.map(|p| &p.object) {
            return o.as_i64().ok();
        }
        let Entry::At(at) = *self.xref.entries.get(&id.0)? else {
            return None;
        };
        let indirect = self.parse_at(at, &|_| None)?;
        (indirect.id.0 == id.0).then(|| indirect.object.as_i64().ok())?
    }

    /// Member `index` (object `number`) of an object stream.
    fn load_member(&self, number: u32, stream: u32, index: u32) -> Option<Object> {
        let os = self.object_stream(stream)?;
        let at = match os.members.get(index as usize) {
            Some(&(n, at)) if n == number => at,
            _ => os.members.iter().find(|m| m.0 == number)?.1,
        };
        let mut p = Parser::new(&os.data, at.min(os.data.len()), self.usage.objects_left());
        let object = p.object();
        self.charge_nodes(&p, object.is_none().then(|| p.failure()))?;
        object
    }

    /// An object stream, decoded once. Read without the object cells: its
    /// members are loaded while it is.
    fn object_stream(&self, number: u32) -> Option<Rc<ObjectStream>> {
        if let Some(cached) = self.object_streams.borrow().get(&number) {
            return cached.clone();
        }
        let decoded = self.decode_object_stream(number).map(Rc::new);
        self.object_streams
            .borrow_mut()
            .insert(number, decoded.clone());
        decoded
    }

    fn decode_object_stream(&self, number: u32) -> Option<ObjectStream> {
        let Entry::At(at) = *self.xref.entries.get(&number)? else {
            return None;
        };
        let object = self.load_at(number, at)?;
        let stream = object.as_stream().ok()?;
        let data = self.stream_data(stream)?;
        let count = stream.dict.get(b"N").ok()?.as_i64().ok()?;
        let first = usize::try_from(stream.dict.get(b"First").ok()?.as_i64().ok()?).ok()?;
        let mut p = Parser::new(&data, 0, 0);
        let mut members = Vec::new();
        for _ in 0..count.clamp(0, MAX_STREAM_MEMBERS) {
            let (Some(n), Some(offset)) = (p.unsigned(), p.unsigned()) else {
                break;
            };
            let (Ok(n), Ok(offset)) = (u32::try_from(n), usize::try_from(offset)) else {
                break;
            };
            members.push((n, first.saturating_add(offset)));
        }
        Some(ObjectStream { data, members })
    }

    /// A stream's decoded bytes, charged to the usage; `None` when it cannot
    /// be decoded or is over a limit (the hit is then recorded).
    pub fn stream_data(&self, stream: &Stream) -> Option<Vec<u8>> {
        let raw = match stream.start_position {
            // Data left in the file (see `load_at`).
            Some(start) if stream.content.is_empty() => {
                let len = stream.dict.get(b"Length").ok()?.as_i64().ok()?;
                let end = start.checked_add(usize::try_from(len).ok()?)?;
                self.data.get(start..end)?
            }
            _ => stream.content.as_slice(),
        };
        let allowance = self.usage.stream_allowance();
        let data = if stream.dict.has(b"Filter") {
            let whole = Stream {
                dict: stream.dict.clone(),
                content: raw.to_vec(),
                allows_compression: true,
                start_position: None,
            };
            match whole.decompressed_content_with_limit(allowance) {
                Ok(data) => data,
                Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                    ..
                })) => {
                    self.exceeded_allowance(allowance);
                    return None;
                }
                Err(_) => return None,
            }
        } else {
            if raw.len() > allowance {
                self.exceeded_allowance(allowance);
                return None;
            }
            raw.to_vec()
        };
        self.usage.decompressed(data.len()).ok()?;
        Some(data)
    }

    /// Records which limit an over-large stream hit: its own or the document's.
    fn exceeded_allowance(&self, allowance: usize) {
        let limits = &self.usage.limits;
        if allowance < limits.max_stream_bytes {
            self.usage
                .exceed(LimitKind::DecompressedBytes, limits.max_decompressed_bytes);
        } else {
            self.usage
                .exceed(LimitKind::StreamBytes, limits.max_stream_bytes as u64);
        }
    }

    /// The root of the page tree: the catalog's `/Pages`.
    fn page_tree_root(&self) -> Option<&Object> {
        let catalog = self.dict(self.trailer().get(b"Root").ok()?)?;
        let root = catalog.get(b"Pages").ok()?;
        self.kids(root).map(|_| root)
    }

    /// The page objects in document order, at most `max`: leaves of the page
    /// tree with `/Type /Page`, reached through `/Kids` references.
    pub fn page_ids(&self, max: usize) -> Vec<ObjectId> {
        let mut pages = Vec::new();
        let Some(root) = self.page_tree_root() else {
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

/// A document saved with an (empty) page tree, so that a store opens it.
#[cfg(test)]
pub(crate) fn saved_for_test(mut doc: Document) -> Vec<u8> {
    use lopdf::dictionary;
    let pages = doc.add_object(
        dictionary! { "Type" => "Pages", "Kids" => Vec::<Object>::new(), "Count" => 0 },
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// Whether `object` is an inner node of the page tree.
fn is_page_tree_node(object: Option<&Object>) -> bool {
    object
        .and_then(|o| o.as_dict().ok())
        .and_then(|d| d.get(b"Type").ok())
        .and_then(|t| t.as_name().ok())
        == Some(b"Pages")
}

//! Fonts: from character codes in a shown string to Unicode text and advance
//! widths. Each font dictionary is decoded once while pages use it ([`table::FontTable`]).
//!
//! Handled: simple fonts (Type1, TrueType, Type3) with `/Widths`, `/Encoding`
//! and `/ToUnicode`; composite (Type0) fonts with Identity or predefined CJK
//! CMaps (GBK-EUC-H, UniGB-UCS2-H, … via `hayro-cmap`), embedded CMaps,
//! `/W` arrays in both forms and a `/ToUnicode` map, falling back to the
//! character collection's CID → Unicode map (Adobe-GB1-UCS2) when a
//! non-embedded CJK font has none.
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

use hayro_cmap::{load_embedded, BfString, CMap, CMapName, CidFamily};
use lopdf::{Dictionary, Document, Encoding, Object, ObjectId};

use crate::objects::{Held, ObjectStore};

/// Hashes a character code in one multiply (codes are small integers, and
/// the default SipHash was a visible share of decoding).
#[derive(Default)]
struct CodeHasher(u64);

impl Hasher for CodeHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// A simple font's text for each byte.
type SimpleText = Rc<[Box<str>]>;

/// A composite font's widths: sorted (first_cid, last_cid, width) ranges.
type CidWidths = Rc<[(u32, u32, f32)]>;

/// One decoded code of a shown string.
#[derive(Debug, Clone)]
pub struct DecodedCode {
    /// Unicode text (usually one char; empty when the font maps the code to nothing).
    pub text: Box<str>,
    /// Advance in text space units per unit font size (glyph width / 1000 for most fonts).
    pub advance: f32,
    /// Whether the code is the single byte 32, to which word spacing applies.
    pub is_space_byte: bool,
}

enum CodeSplit {
    /// Simple fonts: one byte per code.
    OneByte,
    /// Identity-H / Identity-V: two bytes per code, CID = code.
    TwoByteIdentity,
    /// A predefined or embedded CMap decides code lengths and CIDs.
    CMap(Rc<CMap>),
}

pub struct Font {
    split: CodeSplit,
    /// Simple fonts: width per byte, glyph units.
    simple_widths: Vec<f32>,
    cid_widths: CidWidths,
    default_width: f32,
    /// Glyph units → text space (0.001, or a Type3 font's FontMatrix).
    width_scale: f32,
    /// Ratio of the rendered em height to the nominal font size (Type3 fonts differ).
    pub size_scale: f32,
    to_unicode: Option<Rc<CMap>>,
    /// CID → Unicode for CJK character collections without a ToUnicode map.
    cid_to_unicode: Option<Rc<CMap>>,
    /// Unicode code units are the codes themselves (UniGB-UCS2-H and friends).
    codes_are_unicode: bool,
    /// Simple fonts without ToUnicode: byte → text through /Encoding.
    simple_text: SimpleText,
    cache: HashMap<u32, DecodedCode, BuildHasherDefault<CodeHasher>>,
}

fn number(o: &Object) -> Option<f32> {
    match o {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

static NULL: Object = Object::Null;

/// `o` with references followed (`null` when they lead nowhere).
fn deref<'s>(store: &'s ObjectStore<'_>, o: &'s Object) -> &'s Object {
    store.resolve(o).unwrap_or(&NULL)
}

/// `o` for one use (see [`ObjectStore::get_once`]): a font's parts are read
/// once and kept decoded, not as objects.
fn once<'s>(store: &'s ObjectStore<'_>, o: &'s Object) -> Held<'s> {
    store.once(o).unwrap_or(Held::Kept(&NULL))
}

/// Which simple-font encoding a byte → text table was built for.
#[derive(PartialEq, Eq, Hash)]
enum EncodingKey {
    Latin1,
    /// /Encoding as a name or a referenced dictionary, and whether the font
    /// dictionary says `/Type /Font` (lopdf reads no encoding otherwise).
    Named(Vec<u8>, bool),
    Object(ObjectId, bool),
}

/// What fonts share, decoded once however many fonts or `Tf`s use it:
/// referenced CMap streams and `/W` arrays once per object, predefined CMaps
/// once per name, simple-font encodings once per encoding. (A part written
/// inline in a font is decoded with that font, which is decoded once.)
#[derive(Default)]
struct SharedParts {
    cmaps: HashMap<ObjectId, Option<Rc<CMap>>>,
    predefined: HashMap<String, Option<Rc<CMap>>>,
    widths: HashMap<ObjectId, CidWidths>,
    simple_texts: HashMap<EncodingKey, SimpleText>,
}

fn parse_cmap(store: &ObjectStore<'_>, o: &Object) -> Option<Rc<CMap>> {
    let data = store.stream_data(o.as_stream().ok()?)?;
    CMap::parse(&data, load_embedded).map(Rc::new)
}

/// Whether only the cache holds `part` (no decoded font uses it).
fn unused<T: ?Sized>(part: &Rc<T>) -> bool {
    Rc::strong_count(part) == 1
}

impl SharedParts {
    /// Lets go of the parts no decoded font uses (failures are remembered;
    /// predefined CMaps, a set bounded by their names, stay).
    fn release_unused(&mut self) {
        self.cmaps.retain(|_, c| !c.as_ref().is_some_and(unused));
        self.widths.retain(|_, w| !unused(w));
        self.simple_texts.retain(|_, t| !unused(t));
    }

    /// A CMap stream (ToUnicode or an embedded encoding).
    fn cmap(&mut self, store: &ObjectStore<'_>, o: &Object) -> Option<Rc<CMap>> {
        let Object::Reference(id) = o else {
            return parse_cmap(store, o);
        };
        self.cmaps
            .entry(*id)
            .or_insert_with(|| parse_cmap(store, &*store.get_once(*id)?))
            .clone()
    }

    /// A predefined CMap (GBK-EUC-H, Adobe-GB1-UCS2, …).
    fn predefined(&mut self, name: CMapName) -> Option<Rc<CMap>> {
        // CMapName has no Hash; its Debug form names it exactly.
        self.predefined
            .entry(format!("{name:?}"))
            .or_insert_with(|| {
                let data = load_embedded(name)?;
                CMap::parse(data, load_embedded).map(Rc::new)
            })
            .clone()
    }

    /// A simple font's byte → text table: through /Encoding when
    /// `use_encoding`, else Latin-1.
    fn simple_text(
        &mut self,
        store: &ObjectStore<'_>,
        dict: &Dictionary,
        use_encoding: bool,
    ) -> SimpleText {
        let is_font = dict.get(b"Type").and_then(Object::as_name).ok() == Some(b"Font");
        let key = match dict.get(b"Encoding") {
            _ if !use_encoding => Some(EncodingKey::Latin1),
            Ok(Object::Name(n)) => Some(EncodingKey::Named(n.clone(), is_font)),
            Ok(Object::Reference(id)) => Some(EncodingKey::Object(*id, is_font)),
            Err(_) => Some(EncodingKey::Named(Vec::new(), is_font)),
            Ok(_) => None,
        };
        let build = || match use_encoding {
            true => simple_text(store, dict).into(),
            false => (0u8..=255)
                .map(|b| char::from(b).to_string().into_boxed_str())
                .collect(),
        };
        match key {
            Some(key) => self.simple_texts.entry(key).or_insert_with(build).clone(),
            None => build(),
        }
    }

    /// A `/W` array's ranges.
    fn widths(&mut self, store: &ObjectStore<'_>, w: &Object) -> CidWidths {
        let read = |w: &Object| match w {
            Object::Array(a) => parse_w_array(store, a).into(),
            _ => Rc::from([]),
        };
        let Object::Reference(id) = w else {
            return read(w);
        };
        self.widths
            .entry(*id)
            .or_insert_with(|| read(&once(store, w)))
            .clone()
    }
}

/// The text of each byte of a simple font without ToUnicode, through its
/// /Encoding (standard encodings, /Differences glyph names).
///
/// lopdf reads encodings only through `Dictionary::get_font_encoding_with_limit`,
/// which follows references through a `Document`; /Encoding is resolved here
/// into a copy, and it is given an empty document. (A ToUnicode map is left
/// out: ours is parsed once per stream, lopdf's would be parsed per font.)
fn simple_text(store: &ObjectStore<'_>, dict: &Dictionary) -> Vec<Box<str>> {
    let mut copy = Dictionary::new();
    if let Ok(t) = dict.get(b"Type") {
        copy.set("Type", t.clone());
    }
    if let Ok(v) = dict.get(b"Encoding") {
        copy.set("Encoding", once(store, v).clone());
    }
    let limit = store.usage().stream_allowance();
    let empty = Document::new();
    let encoding = copy.get_font_encoding_with_limit(&empty, limit).ok();
    (0u8..=255)
        .map(|b| match &encoding {
            Some(Encoding::UnicodeMapEncoding(_)) | None => {
                char::from(b).to_string().into_boxed_str()
            }
            Some(enc) => enc
                .bytes_to_string(&[b])
                .unwrap_or_default()
                .into_boxed_str(),
        })
        .collect()
}

impl Font {
    fn from_dict(store: &ObjectStore<'_>, dict: &Dictionary, shared: &mut SharedParts) -> Font {
        let subtype = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let to_unicode = dict
            .get(b"ToUnicode")
            .ok()
            .and_then(|o| shared.cmap(store, o));
        if subtype == b"Type0" {
            Self::composite(store, dict, to_unicode, shared)
        } else {
            Self::simple(store, dict, subtype == b"Type3", to_unicode, shared)
        }
    }

    fn simple(
        store: &ObjectStore<'_>,
        dict: &Dictionary,
        type3: bool,
        to_unicode: Option<Rc<CMap>>,
        shared: &mut SharedParts,
    ) -> Font {
        let mut width_scale = 0.001;
        let mut size_scale = 1.0;
        if type3 {
            let matrix = dict.get(b"FontMatrix").map(|o| once(store, o));
            if let Ok(Object::Array(m)) = matrix.as_deref() {
                let v: Vec<f32> = m.iter().filter_map(number).collect();
                if v.len() == 6 && v[0].is_finite() && v[3].is_finite() && v[0] != 0.0 {
                    width_scale = v[0].abs();
                    size_scale = (v[3].abs() * 1000.0).clamp(0.01, 100.0);
                }
            }
        }
        let descriptor = dict.get(b"FontDescriptor").map(|o| once(store, o));
        let missing = descriptor
            .as_deref()
            .ok()
            .and_then(|fd| fd.as_dict().ok())
            .and_then(|fd| fd.get(b"MissingWidth").ok().and_then(number))
            .unwrap_or(if type3 { 0.0 } else { 500.0 });
        let mut widths = vec![missing; 256];
        let first = dict.get(b"FirstChar").ok().and_then(number).unwrap_or(0.0) as i64;
        let widths_array = dict.get(b"Widths").map(|o| once(store, o));
        if let Ok(Object::Array(ws)) = widths_array.as_deref() {
            for (i, w) in ws.iter().enumerate() {
                let code = first + i as i64;
                if (0..256).contains(&code) {
                    if let Some(w) = number(deref(store, w)) {
                        widths[code as usize] = w;
                    }
                }
            }
        }
        let simple_text =
            shared.simple_text(store, dict, dict.has(b"Encoding") || to_unicode.is_none());
        Font {
            split: CodeSplit::OneByte,
            simple_widths: widths,
            cid_widths: Rc::from([]),
            default_width: missing,
            width_scale,
            size_scale,
            to_unicode,
            cid_to_unicode: None,
            codes_are_unicode: false,
            simple_text,
            cache: HashMap::default(),
        }
    }

    fn composite(
        store: &ObjectStore<'_>,
        dict: &Dictionary,
        to_unicode: Option<Rc<CMap>>,
        shared: &mut SharedParts,
    ) -> Font {
        let descendants = dict.get(b"DescendantFonts").map(|o| once(store, o));
        let first = descendants
            .as_deref()
            .ok()
            .and_then(|o| o.as_array().ok())
            .and_then(|a| a.first())
            .map(|o| once(store, o));
        let descendant = first.as_deref().and_then(|o| o.as_dict().ok());
        let (mut enc_name, mut split) = (Vec::new(), CodeSplit::TwoByteIdentity);
        let encoding = dict.get(b"Encoding").ok();
        match encoding.map(|o| (o, deref(store, o))) {
            Some((_, Object::Name(n))) => {
                enc_name = n.clone();
                if n != b"Identity-H" && n != b"Identity-V" {
                    if let Some(cm) = shared.predefined(CMapName::from_bytes(n)) {
                        split = CodeSplit::CMap(cm);
                    }
                }
            }
            Some((o, Object::Stream(_))) => {
                if let Some(cm) = shared.cmap(store, o) {
                    split = CodeSplit::CMap(cm);
                }
            }
            _ => {}
        }
        let mut default_width = 1000.0;
        let mut cid_widths = Rc::from([]);
        let mut family = None;
        if let Some(df) = descendant {
            default_width = df.get(b"DW").ok().and_then(number).unwrap_or(1000.0);
            if let Ok(w) = df.get(b"W") {
                cid_widths = shared.widths(store, w);
            }
            let info = df.get(b"CIDSystemInfo").map(|o| once(store, o));
            if let Some(info) = info.as_deref().ok().and_then(|i| i.as_dict().ok()) {
                let reg = info
                    .get(b"Registry")
                    .and_then(Object::as_str)
                    .unwrap_or(b"");
                let ord = info
                    .get(b"Ordering")
                    .and_then(Object::as_str)
                    .unwrap_or(b"");
                family = Some(CidFamily::from_registry_ordering(reg, ord));
            }
        }
        if let (None, CodeSplit::CMap(cm)) = (&family, &split) {
            family = cm
                .metadata()
                .character_collection
                .as_ref()
                .map(|c| c.family.clone());
        }
        let cid_to_unicode = if to_unicode.is_none() {
            family
                .and_then(|f| f.ucs2_cmap())
                .and_then(|n| shared.predefined(n))
        } else {
            None
        };
        let codes_are_unicode = enc_name.starts_with(b"Uni")
            && (enc_name.windows(4).any(|w| w == b"UCS2" || w == b"UTF1"));
        Font {
            split,
            simple_widths: Vec::new(),
            cid_widths,
            default_width,
            width_scale: 0.001,
            size_scale: 1.0,
            to_unicode,
            cid_to_unicode,
            codes_are_unicode,
            simple_text: Rc::from([]),
            cache: HashMap::default(),
        }
    }

    fn cid_width(&self, cid: u32) -> f32 {
        let i = self.cid_widths.partition_point(|r| r.1 < cid);
        match self.cid_widths.get(i) {
            Some(&(a, b, w)) if a <= cid && cid <= b => w,
            _ => self.default_width,
        }
    }

    /// Splits `bytes` into codes and calls `f` for each decoded code.
    pub fn decode(&mut self, bytes: &[u8], mut f: impl FnMut(&DecodedCode)) {
        let mut i = 0;
        while i < bytes.len() {
            let (code, len) = self.next_code(&bytes[i..]);
            i += len.max(1);
            let key = code | ((len as u32) << 28);
            if let Some(decoded) = self.cache.get(&key) {
                f(decoded);
                continue;
            }
            let decoded = self.decode_code(code, len);
            f(self.cache.entry(key).or_insert(decoded));
        }
    }

    fn next_code(&self, bytes: &[u8]) -> (u32, usize) {
        match &self.split {
            CodeSplit::OneByte => (bytes[0] as u32, 1),
            CodeSplit::TwoByteIdentity => {
                if bytes.len() >= 2 {
                    (((bytes[0] as u32) << 8) | bytes[1] as u32, 2)
                } else {
                    (bytes[0] as u32, 1)
                }
            }
            CodeSplit::CMap(cm) => {
                let mut code = 0u32;
                for len in 1..=bytes.len().min(4) {
                    code = (code << 8) | bytes[len - 1] as u32;
                    if cm.lookup_cid_code(code, len as u8).is_some() {
                        return (code, len);
                    }
                }
                // Unknown code: consume two bytes for high bytes (CJK double-byte
                // encodings), one otherwise.
                if bytes[0] >= 0x80 && bytes.len() >= 2 {
                    (((bytes[0] as u32) << 8) | bytes[1] as u32, 2)
                } else {
                    (bytes[0] as u32, 1)
                }
            }
        }
    }

    fn decode_code(&self, code: u32, len: usize) -> DecodedCode {
        let is_space_byte = len == 1 && code == 32;
        let bf = |cm: &CMap, c: u32| -> Option<String> {
            match cm.lookup_bf_string(c)? {
                BfString::Char(ch) => Some(ch.to_string()),
                BfString::String(s) => Some(s),
            }
        };
        match &self.split {
            CodeSplit::OneByte => {
                let text = self
                    .to_unicode
                    .as_ref()
                    .and_then(|cm| bf(cm, code))
                    .map(String::into_boxed_str)
                    .unwrap_or_else(|| self.simple_text[code as usize].clone());
                DecodedCode {
                    text: clean(text),
                    advance: self.simple_widths[code as usize] * self.width_scale,
                    is_space_byte,
                }
            }
            CodeSplit::TwoByteIdentity | CodeSplit::CMap(_) => {
                let cid = match &self.split {
                    CodeSplit::CMap(cm) => cm.lookup_cid_code(code, len as u8).unwrap_or(0),
                    _ => code,
                };
                let text = self
                    .to_unicode
                    .as_ref()
                    .and_then(|cm| bf(cm, code))
                    .or_else(|| {
                        if self.codes_are_unicode {
                            char::from_u32(code).map(|c| c.to_string())
                        } else {
                            None
                        }
                    })
                    .or_else(|| self.cid_to_unicode.as_ref().and_then(|cm| bf(cm, cid)))
                    .unwrap_or_default();
                DecodedCode {
                    text: clean(text.into_boxed_str()),
                    advance: self.cid_width(cid) * self.width_scale,
                    is_space_byte,
                }
            }
        }
    }
}

/// Drops control characters a map may yield (NUL for unmapped glyphs).
fn clean(text: Box<str>) -> Box<str> {
    if text.chars().any(|c| c.is_control() && c != '\t') {
        text.chars()
            .filter(|c| !c.is_control())
            .collect::<String>()
            .into_boxed_str()
    } else {
        text
    }
}

/// `/W` holds `c [w1 w2 …]` (consecutive CIDs from c) and `c_first c_last w`
/// (one width for a range). pdf-extract 0.12 misreads the second form.
fn parse_w_array(store: &ObjectStore<'_>, w: &[Object]) -> Vec<(u32, u32, f32)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        let Some(first) = number(deref(store, &w[i])) else {
            break;
        };
        match w.get(i + 1).map(|o| deref(store, o)) {
            Some(Object::Array(list)) => {
                for (k, v) in list.iter().enumerate() {
                    if let Some(v) = number(deref(store, v)) {
                        let c = first as u32 + k as u32;
                        out.push((c, c, v));
                    }
                }
                i += 2;
            }
            Some(o) => {
                let (Some(last), Some(width)) = (
                    number(o),
                    w.get(i + 2).and_then(|x| number(deref(store, x))),
                ) else {
                    break;
                };
                out.push((first as u32, last as u32, width));
                i += 3;
            }
            None => break,
        }
    }
    out.sort_by_key(|r| r.0);
    out
}

pub(crate) mod table;

#[cfg(test)]
mod tests;

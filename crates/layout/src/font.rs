//! Fonts: from character codes in a shown string to Unicode text and advance
//! widths. Each font dictionary is decoded once per document ([`FontTable`]).
//!
//! Handled: simple fonts (Type1, TrueType, Type3) with `/Widths`, `/Encoding`
//! and `/ToUnicode`; composite (Type0) fonts with Identity or predefined CJK
//! CMaps (GBK-EUC-H, UniGB-UCS2-H, … via `hayro-cmap`), embedded CMaps,
//! `/W` arrays in both forms and a `/ToUnicode` map, falling back to the
//! character collection's CID → Unicode map (Adobe-GB1-UCS2) when a
//! non-embedded CJK font has none.
use std::collections::HashMap;

use hayro_cmap::{load_embedded, BfString, CMap, CMapName, CidFamily};
use lopdf::{Dictionary, Document, Encoding, Object, ObjectId};

use crate::document::stream_data;

/// Upper bound on decoded font-related streams (ToUnicode, CMaps).
const FONT_STREAM_LIMIT: usize = 16 << 20;

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
    CMap(Box<CMap>),
}

pub struct Font {
    split: CodeSplit,
    /// Simple fonts: width per byte, glyph units.
    simple_widths: Vec<f32>,
    /// Composite fonts: sorted (first_cid, last_cid, width) ranges.
    cid_widths: Vec<(u32, u32, f32)>,
    default_width: f32,
    /// Glyph units → text space (0.001, or a Type3 font's FontMatrix).
    width_scale: f32,
    /// Ratio of the rendered em height to the nominal font size (Type3 fonts differ).
    pub size_scale: f32,
    to_unicode: Option<CMap>,
    /// CID → Unicode for CJK character collections without a ToUnicode map.
    cid_to_unicode: Option<CMap>,
    /// Unicode code units are the codes themselves (UniGB-UCS2-H and friends).
    codes_are_unicode: bool,
    /// Simple fonts without ToUnicode: byte → text through /Encoding.
    simple_text: Vec<Box<str>>,
    cache: HashMap<u32, DecodedCode>,
}

fn number(o: &Object) -> Option<f32> {
    match o {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    doc.dereference(o).map(|(_, o)| o).unwrap_or(o)
}

fn get_dict<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    d.get(key)
        .ok()
        .map(|o| deref(doc, o))
        .and_then(|o| o.as_dict().ok())
}

fn stream_bytes(doc: &Document, o: &Object) -> Option<Vec<u8>> {
    stream_data(deref(doc, o).as_stream().ok()?, FONT_STREAM_LIMIT)
}

fn parse_cmap(bytes: &[u8]) -> Option<CMap> {
    CMap::parse(bytes, load_embedded)
}

fn predefined_cmap(name: &[u8]) -> Option<CMap> {
    let data = load_embedded(CMapName::from_bytes(name))?;
    CMap::parse(data, load_embedded)
}

impl Font {
    pub fn from_dict(doc: &Document, dict: &Dictionary) -> Font {
        let subtype = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let to_unicode = dict
            .get(b"ToUnicode")
            .ok()
            .and_then(|o| stream_bytes(doc, o))
            .and_then(|b| parse_cmap(&b));
        if subtype == b"Type0" {
            Self::composite(doc, dict, to_unicode)
        } else {
            Self::simple(doc, dict, subtype == b"Type3", to_unicode)
        }
    }

    fn simple(doc: &Document, dict: &Dictionary, type3: bool, to_unicode: Option<CMap>) -> Font {
        let mut width_scale = 0.001;
        let mut size_scale = 1.0;
        if type3 {
            if let Ok(Object::Array(m)) = dict.get(b"FontMatrix").map(|o| deref(doc, o)) {
                let v: Vec<f32> = m.iter().filter_map(number).collect();
                if v.len() == 6 && v[0].is_finite() && v[3].is_finite() && v[0] != 0.0 {
                    width_scale = v[0].abs();
                    size_scale = (v[3].abs() * 1000.0).clamp(0.01, 100.0);
                }
            }
        }
        let missing = get_dict(doc, dict, b"FontDescriptor")
            .and_then(|fd| fd.get(b"MissingWidth").ok().and_then(number))
            .unwrap_or(if type3 { 0.0 } else { 500.0 });
        let mut widths = vec![missing; 256];
        let first = dict.get(b"FirstChar").ok().and_then(number).unwrap_or(0.0) as i64;
        if let Ok(Object::Array(ws)) = dict.get(b"Widths").map(|o| deref(doc, o)) {
            for (i, w) in ws.iter().enumerate() {
                let code = first + i as i64;
                if (0..256).contains(&code) {
                    if let Some(w) = number(deref(doc, w)) {
                        widths[code as usize] = w;
                    }
                }
            }
        }
        let encoding = if dict.has(b"Encoding") || to_unicode.is_none() {
            dict.get_font_encoding_with_limit(doc, FONT_STREAM_LIMIT)
                .ok()
        } else {
            None
        };
        let simple_text = (0u8..=255)
            .map(|b| match &encoding {
                Some(Encoding::UnicodeMapEncoding(_)) | None => {
                    char::from(b).to_string().into_boxed_str()
                }
                Some(enc) => enc
                    .bytes_to_string(&[b])
                    .unwrap_or_default()
                    .into_boxed_str(),
            })
            .collect();
        Font {
            split: CodeSplit::OneByte,
            simple_widths: widths,
            cid_widths: Vec::new(),
            default_width: missing,
            width_scale,
            size_scale,
            to_unicode,
            cid_to_unicode: None,
            codes_are_unicode: false,
            simple_text,
            cache: HashMap::new(),
        }
    }

    fn composite(doc: &Document, dict: &Dictionary, to_unicode: Option<CMap>) -> Font {
        let descendant = dict
            .get(b"DescendantFonts")
            .ok()
            .map(|o| deref(doc, o))
            .and_then(|o| o.as_array().ok())
            .and_then(|a| a.first())
            .map(|o| deref(doc, o))
            .and_then(|o| o.as_dict().ok());
        let (mut enc_name, mut split) = (Vec::new(), CodeSplit::TwoByteIdentity);
        match dict.get(b"Encoding").map(|o| deref(doc, o)) {
            Ok(Object::Name(n)) => {
                enc_name = n.clone();
                if n != b"Identity-H" && n != b"Identity-V" {
                    if let Some(cm) = predefined_cmap(n) {
                        split = CodeSplit::CMap(Box::new(cm));
                    }
                }
            }
            Ok(o @ Object::Stream(_)) => {
                if let Some(cm) = stream_bytes(doc, o).and_then(|b| parse_cmap(&b)) {
                    split = CodeSplit::CMap(Box::new(cm));
                }
            }
            _ => {}
        }
        let mut default_width = 1000.0;
        let mut cid_widths = Vec::new();
        let mut family = None;
        if let Some(df) = descendant {
            default_width = df.get(b"DW").ok().and_then(number).unwrap_or(1000.0);
            if let Ok(Object::Array(w)) = df.get(b"W").map(|o| deref(doc, o)) {
                cid_widths = parse_w_array(doc, w);
            }
            if let Some(info) = get_dict(doc, df, b"CIDSystemInfo") {
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
                .and_then(|n| load_embedded(n))
                .and_then(|d| CMap::parse(d, load_embedded))
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
            simple_text: Vec::new(),
            cache: HashMap::new(),
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
            if !self.cache.contains_key(&key) {
                let decoded = self.decode_code(code, len);
                self.cache.insert(key, decoded);
            }
            f(&self.cache[&key]);
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
fn parse_w_array(doc: &Document, w: &[Object]) -> Vec<(u32, u32, f32)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        let Some(first) = number(deref(doc, &w[i])) else {
            break;
        };
        match w.get(i + 1).map(|o| deref(doc, o)) {
            Some(Object::Array(list)) => {
                for (k, v) in list.iter().enumerate() {
                    if let Some(v) = number(deref(doc, v)) {
                        let c = first as u32 + k as u32;
                        out.push((c, c, v));
                    }
                }
                i += 2;
            }
            Some(o) => {
                let (Some(last), Some(width)) =
                    (number(o), w.get(i + 2).and_then(|x| number(deref(doc, x))))
                else {
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

/// Fonts decoded once per document, keyed by the font dictionary's object id.
#[derive(Default)]
pub struct FontTable {
    fonts: Vec<Font>,
    by_id: HashMap<ObjectId, u32>,
}

impl FontTable {
    /// Index of the font for a (possibly indirect) font object.
    pub fn resolve(&mut self, doc: &Document, font_obj: &Object) -> Option<u32> {
        if let Object::Reference(id) = font_obj {
            if let Some(&i) = self.by_id.get(id) {
                return Some(i);
            }
            let dict = doc.get_dictionary(*id).ok()?;
            let i = self.push(Font::from_dict(doc, dict));
            self.by_id.insert(*id, i);
            Some(i)
        } else {
            // Direct font dictionaries are rare; decode each time they are selected.
            let dict = font_obj.as_dict().ok()?;
            Some(self.push(Font::from_dict(doc, dict)))
        }
    }

    fn push(&mut self, f: Font) -> u32 {
        self.fonts.push(f);
        (self.fonts.len() - 1) as u32
    }

    pub fn get_mut(&mut self, i: u32) -> &mut Font {
        &mut self.fonts[i as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    #[test]
    fn w_array_reads_both_forms() {
        let doc = Document::new();
        let w = vec![
            Object::Integer(1),
            Object::Array(vec![Object::Integer(500), Object::Integer(600)]),
            Object::Integer(10),
            Object::Integer(20),
            Object::Integer(540),
        ];
        assert_eq!(
            parse_w_array(&doc, &w),
            vec![(1, 1, 500.0), (2, 2, 600.0), (10, 20, 540.0)]
        );
    }

    #[test]
    fn gbk_euc_h_without_to_unicode_decodes_through_adobe_gb1() {
        let doc = Document::new();
        let font = dictionary! {
            "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "SimSun",
            "Encoding" => "GBK-EUC-H",
            "DescendantFonts" => vec![Object::Dictionary(dictionary! {
                "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "SimSun",
                "CIDSystemInfo" => dictionary! {
                    "Registry" => Object::string_literal("Adobe"),
                    "Ordering" => Object::string_literal("GB1"),
                    "Supplement" => 2,
                },
                "DW" => 1000,
                "W" => vec![Object::Integer(814), Object::Integer(939), Object::Integer(500)],
            })],
        };
        let mut f = Font::from_dict(&doc, &font);
        // "行1" in GBK: D0 D0, then ASCII '1'.
        let mut out = String::new();
        let mut adv = Vec::new();
        f.decode(&[0xD0, 0xD0, b'1'], |d| {
            out.push_str(&d.text);
            adv.push(d.advance);
        });
        assert_eq!(out, "行1");
        assert_eq!(adv[0], 1.0);
    }
}

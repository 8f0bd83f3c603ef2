//! Where each object lies: the cross-reference sections (tables and streams,
//! followed through `/Prev` and `/XRefStm`), or, when they are unusable, a
//! table rebuilt by scanning the file for `N G obj`.
use std::collections::HashMap;

use lopdf::{Dictionary, Object, Stream};

use super::parse::Parser;
use crate::limits::Usage;
use crate::syntax::{is_regular, is_white};

/// Sections followed through `/Prev` at most (a loop is cut sooner).
const MAX_SECTIONS: usize = 64;

/// Where one object lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Free,
    /// At this byte offset.
    At(usize),
    /// Member `index` of the object stream with this number.
    InStream {
        stream: u32,
        index: u32,
    },
}

/// The cross-reference table of a file: entries by object number, and the trailer.
#[derive(Debug, Default)]
pub struct Xref {
    pub entries: HashMap<u32, Entry>,
    pub trailer: Dictionary,
}

impl Xref {
    /// Adds an entry unless a newer section already placed the object (a free
    /// entry does not hide an older one: hybrid files list the objects of
    /// their object streams as free in the table).
    fn add(&mut self, number: u32, entry: Entry) {
        match self.entries.get(&number) {
            None | Some(Entry::Free) => {
                self.entries.insert(number, entry);
            }
            Some(_) => {}
        }
    }

    /// Takes the keys a newer trailer lacks from an older one.
    fn merge_trailer(&mut self, older: &Dictionary) {
        for (key, value) in older.iter() {
            if !self.trailer.has(key) {
                self.trailer.set(key.clone(), value.clone());
            }
        }
    }
}

/// The offset `startxref` names (the last one in the file).
fn startxref(data: &[u8]) -> Option<usize> {
    let at = data.windows(9).rposition(|w| w == b"startxref")?;
    let mut p = Parser::new(data, at + 9, 0);
    usize::try_from(p.unsigned()?).ok()
}

/// Reads the file's cross-reference sections; `None` when they cannot be read.
pub fn read(data: &[u8], usage: &Usage) -> Option<Xref> {
    let mut xref = Xref::default();
    let mut offset = startxref(data)?;
    let mut seen = Vec::new();
    while seen.len() < MAX_SECTIONS && !seen.contains(&offset) {
        seen.push(offset);
        let trailer = section(data, offset, &mut xref, usage)?;
        if let Some(stream_offset) = trailer.get(b"XRefStm").ok().and_then(offset_of) {
            // A hybrid file: the stream places what the table lists as free.
            section(data, stream_offset, &mut xref, usage);
        }
        if seen.len() == 1 {
            xref.trailer = trailer.clone();
        } else {
            xref.merge_trailer(&trailer);
        }
        match trailer.get(b"Prev").ok().and_then(offset_of) {
            Some(prev) => offset = prev,
            None => break,
        }
    }
    Some(xref)
}

fn offset_of(o: &Object) -> Option<usize> {
    usize::try_from(o.as_i64().ok()?).ok()
}

/// One section at `offset`, a table or a stream; returns its trailer.
fn section(data: &[u8], offset: usize, xref: &mut Xref, usage: &Usage) -> Option<Dictionary> {
    let mut p = Parser::new(data, offset.min(data.len()), objects_left(usage));
    if p.keyword(b"xref") {
        table(&mut p, xref, usage)
    } else {
        p.pos = offset.min(data.len());
        stream_section(data, &mut p, xref, usage)
    }
}

/// Values a parse may still build.
fn objects_left(usage: &Usage) -> u64 {
    usage.objects_left()
}

/// A classic table after `xref`: subsections `first count` of `offset gen n|f`
/// lines, then `trailer` and its dictionary.
fn table(p: &mut Parser, xref: &mut Xref, usage: &Usage) -> Option<Dictionary> {
    loop {
        if p.keyword(b"trailer") {
            let trailer = p.object()?;
            return trailer.as_dict().ok().cloned();
        }
        let first = u32::try_from(p.unsigned()?).ok()?;
        let count = p.unsigned()?;
        for k in 0..count {
            let (offset, _generation) = (p.unsigned()?, p.unsigned()?);
            let in_use = if p.keyword(b"n") {
                true
            } else if p.keyword(b"f") {
                false
            } else {
                return None;
            };
            usage.objects(1).ok()?;
            let number = first.checked_add(u32::try_from(k).ok()?)?;
            let entry = match usize::try_from(offset) {
                Ok(at) if in_use => Entry::At(at),
                _ => Entry::Free,
            };
            xref.add(number, entry);
        }
    }
}

/// A cross-reference stream (PDF 1.5): binary rows of `/W` widths.
fn stream_section(
    data: &[u8],
    p: &mut Parser,
    xref: &mut Xref,
    usage: &Usage,
) -> Option<Dictionary> {
    let indirect = p.indirect(&|_| None).ok()?;
    usage.objects(p.nodes as usize).ok()?;
    let Object::Stream(stream) = indirect.object else {
        return None;
    };
    let range = indirect.stream_data?;
    let rows = decode(
        Stream {
            content: data[range].to_vec(),
            ..stream.clone()
        },
        usage,
    )?;
    let dict = stream.dict;
    let widths: Vec<usize> = dict
        .get(b"W")
        .and_then(Object::as_array)
        .ok()?
        .iter()
        .map(|w| {
            w.as_i64()
                .ok()
                .and_then(|w| usize::try_from(w).ok())
                .filter(|&w| w <= 8)
        })
        .collect::<Option<_>>()?;
    let [w0, w1, w2] = widths[..] else {
        return None;
    };
    let row = w0 + w1 + w2;
    if row == 0 {
        return Some(dict);
    }
    let size = dict
        .get(b"Size")
        .ok()
        .and_then(|s| s.as_i64().ok())
        .unwrap_or(0);
    let index: Vec<i64> = match dict.get(b"Index").and_then(Object::as_array) {
        Ok(a) => a.iter().filter_map(|o| o.as_i64().ok()).collect(),
        Err(_) => vec![0, size],
    };
    let field = |bytes: &[u8]| bytes.iter().fold(0u64, |v, &b| (v << 8) | u64::from(b));
    let mut rows = rows.chunks_exact(row);
    for pair in index.chunks_exact(2) {
        let (Ok(first), Ok(count)) = (u32::try_from(pair[0]), u64::try_from(pair[1])) else {
            continue;
        };
        for k in 0..count {
            let Some(r) = rows.next() else {
                return Some(dict);
            };
            usage.objects(1).ok()?;
            let kind = if w0 == 0 { 1 } else { field(&r[..w0]) };
            let (a, b) = (field(&r[w0..w0 + w1]), field(&r[w0 + w1..]));
            let entry = match kind {
                1 => usize::try_from(a).map_or(Entry::Free, Entry::At),
                2 => match (u32::try_from(a), u32::try_from(b)) {
                    (Ok(stream), Ok(index)) => Entry::InStream { stream, index },
                    _ => Entry::Free,
                },
                _ => Entry::Free,
            };
            let Some(number) = u32::try_from(k).ok().and_then(|k| first.checked_add(k)) else {
                break;
            };
            xref.add(number, entry);
        }
    }
    Some(dict)
}

/// A stream's decoded data, within the limits.
pub fn decode(stream: Stream, usage: &Usage) -> Option<Vec<u8>> {
    let data = if stream.dict.has(b"Filter") {
        stream
            .decompressed_content_with_limit(usage.stream_allowance())
            .ok()?
    } else {
        stream.content
    };
    usage.decompressed(data.len()).ok()?;
    Some(data)
}

/// Offsets of every `N G obj` in the file, by object number (a later
/// definition replaces an earlier one, as an incremental update does).
pub fn scan_objects(data: &[u8]) -> HashMap<u32, usize> {
    let mut found = HashMap::new();
    let mut i = 0;
    while let Some(k) = data[i..].windows(3).position(|w| w == b"obj") {
        let at = i + k;
        i = at + 3;
        if data.get(at + 3).is_some_and(|&c| is_regular(c)) {
            continue; // "objstm", "object", …
        }
        if let Some((number, start)) = object_header_before(data, at) {
            found.insert(number, start);
        }
    }
    found
}

/// For `obj` at `at`: the object number and where `N G obj` starts.
fn object_header_before(data: &[u8], at: usize) -> Option<(u32, usize)> {
    let digits_before = |end: usize| {
        let start = data[..end]
            .iter()
            .rposition(|c| !c.is_ascii_digit())
            .map_or(0, |p| p + 1);
        (start < end).then_some(start)
    };
    let spaces_before = |end: usize| {
        let start = data[..end]
            .iter()
            .rposition(|&c| !is_white(c))
            .map_or(0, |p| p + 1);
        (start < end).then_some(start)
    };
    let g_end = spaces_before(at)?;
    let g_start = digits_before(g_end)?;
    let n_end = spaces_before(g_start)?;
    let n_start = digits_before(n_end)?;
    if n_start > 0 && is_regular(data[n_start - 1]) {
        return None;
    }
    let number = std::str::from_utf8(&data[n_start..n_end])
        .ok()?
        .parse()
        .ok()?;
    Some((number, n_start))
}

/// A table rebuilt by scanning: every object found, and a trailer merged from
/// the `trailer` dictionaries and cross-reference streams present (the last
/// first). Object streams' members are added by the caller, which decodes.
pub fn reconstruct(data: &[u8], usage: &Usage) -> Xref {
    let mut xref = Xref::default();
    for (number, at) in scan_objects(data) {
        xref.entries.insert(number, Entry::At(at));
    }
    let mut trailers: Vec<usize> = Vec::new();
    let mut i = 0;
    while let Some(k) = data[i..].windows(7).position(|w| w == b"trailer") {
        trailers.push(i + k + 7);
        i += k + 7;
    }
    for &at in trailers.iter().rev() {
        let mut p = Parser::new(data, at, usage.objects_left());
        if let Some(Object::Dictionary(d)) = p.object() {
            usage.objects(p.nodes as usize).ok();
            xref.merge_trailer(&d);
        }
    }
    xref.trailer.remove(b"Prev");
    xref
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::Limits;

    #[test]
    fn scan_finds_object_headers() {
        let data = b"%PDF-1.4\n1 0 obj <<>> endobj\n12 3 obj\n(x) endobj 4 0 objstm 56 0 obj";
        let found = scan_objects(data);
        assert_eq!(found.get(&1), Some(&9));
        assert_eq!(found.get(&12), Some(&29));
        assert_eq!(found.get(&56), Some(&60));
        assert_eq!(found.len(), 3);
    }

    #[test]
    fn table_with_prev_and_free_entries() {
        let data = b"%PDF-1.4\n\
            xref\n0 2\n0000000000 65535 f \n0000000100 00000 n \ntrailer <</Size 2>>\n\
            xref\n0 1\n0000000000 65535 f \n3 1\n0000000200 00000 n \n\
            trailer <</Size 4 /Root 3 0 R /Prev 9>>\nstartxref\n";
        let second = data.windows(9).position(|w| w == b"xref\n0 1\n").unwrap();
        let mut file = data.to_vec();
        file.extend_from_slice(format!("{second}\n%%EOF").as_bytes());
        let usage = Usage::new(Limits::default());
        let xref = read(&file, &usage).unwrap();
        assert_eq!(xref.entries.get(&1), Some(&Entry::At(100)));
        assert_eq!(xref.entries.get(&3), Some(&Entry::At(200)));
        assert_eq!(xref.entries.get(&0), Some(&Entry::Free));
        assert!(xref.trailer.has(b"Root"));
    }
}

//! Entry points for the fuzz targets in `fuzz/` (feature `fuzzing`, not part of
//! the reader's API): each runs one component on arbitrary bytes through the
//! code the reader itself uses, so that a fuzzer spends its executions there
//! rather than on getting a whole PDF right.
use lopdf::Object;

use crate::font::table::FontTable;
use crate::lexer::Lexer;
use crate::limits::{Limits, Usage};
use crate::objects::parse::Parser;
use crate::objects::xref::scan_objects;
use crate::objects::ObjectStore;

/// Limits small enough that one input stays fast, without a wall clock (runs
/// must be deterministic).
pub fn small_limits() -> Limits {
    Limits {
        max_stream_bytes: 4 << 20,
        max_decompressed_bytes: 16 << 20,
        max_operators: 200_000,
        max_glyphs: 100_000,
        max_page_glyphs: 20_000,
        max_page_segments: 20_000,
        max_objects: 100_000,
        max_fonts: 200,
        max_pages: 50,
        deadline: None,
    }
}

/// A content stream through the lexer, every operand read the way the
/// interpreter reads it. Returns the number of operations.
pub fn lex(content: &[u8]) -> usize {
    let mut lexer = Lexer::new(content);
    let mut text = Vec::new();
    let mut operations = 0;
    while let Some(op) = lexer.next() {
        operations += 1;
        for (i, operand) in op.operands.iter().enumerate() {
            operand.string_into(&mut text);
            let _ = (op.num(i), op.name(i));
            for item in op.array(i).unwrap_or_default() {
                item.string_into(&mut text);
            }
        }
    }
    operations
}

/// Object syntax: direct objects one after another from the start (until one
/// fails), then every `N G obj … endobj` the rebuilt cross-reference table
/// would find. Returns the number of objects read.
pub fn parse_objects(data: &[u8]) -> usize {
    let nodes = small_limits().max_objects;
    let mut read = 0;
    let mut parser = Parser::new(data, 0, nodes);
    while parser.pos < data.len() && parser.object().is_some() {
        read += 1;
    }
    let no_length = |_| None;
    for (_, at) in scan_objects(data) {
        if Parser::new(data, at, nodes).indirect(&no_length).is_ok() {
            read += 1;
        }
    }
    read
}

/// A tiny PDF holding `objects` (numbered from 3, after the catalog and an
/// empty page tree) with a correct cross-reference table: the font targets'
/// inputs go through the object store as a real file's would.
fn pdf_with(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut all = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [] /Count 0 >>".to_vec(),
    ];
    all.extend_from_slice(objects);
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in all.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", all.len() + 1).as_bytes());
    for at in offsets {
        out.extend_from_slice(format!("{at:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            all.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A stream object's text around `data`.
fn stream(data: &[u8]) -> Vec<u8> {
    let mut s = format!("<< /Length {} >>\nstream\n", data.len()).into_bytes();
    s.extend_from_slice(data);
    s.extend_from_slice(b"\nendstream");
    s
}

/// Object 3 of [`pdf_with`] decoded as a font, and `shown` decoded through it
/// (plus every one- and two-byte code, so that each mapping is looked up).
/// Returns the number of codes decoded to some text.
fn decode_font(pdf: &[u8], shown: &[u8]) -> usize {
    let Ok(store) = ObjectStore::open(pdf, Usage::new(small_limits())) else {
        return 0;
    };
    let mut fonts = FontTable::default();
    let Some(i) = fonts.resolve(&store, &Object::Reference((3, 0))) else {
        return 0;
    };
    let font = fonts.get_mut(i);
    let mut decoded = 0;
    let mut count = |d: &crate::font::DecodedCode| decoded += usize::from(!d.text.is_empty());
    font.decode(shown, &mut count);
    let probes: Vec<u8> = (0..=255u8)
        .chain((0..=255u8).flat_map(|b| [0, b, b, 0]))
        .collect();
    font.decode(&probes, &mut count);
    decoded
}

/// A CMap stream (`data`) as a composite font's `/ToUnicode` map (first byte
/// even) or as its embedded `/Encoding` CMap (odd), then codes decoded
/// through it.
pub fn cmap(data: &[u8]) -> usize {
    let as_encoding = data.first().is_some_and(|b| b % 2 == 1);
    let font: &[u8] = if as_encoding {
        b"<< /Type /Font /Subtype /Type0 /BaseFont /F /Encoding 4 0 R \
           /DescendantFonts [ << /Type /Font /Subtype /CIDFontType0 /BaseFont /F \
           /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 5 >> /DW 1000 >> ] >>"
    } else {
        b"<< /Type /Font /Subtype /Type0 /BaseFont /F /Encoding /Identity-H /ToUnicode 4 0 R \
           /DescendantFonts [ << /Type /Font /Subtype /CIDFontType2 /BaseFont /F /DW 1000 >> ] >>"
    };
    let pdf = pdf_with(&[font.to_vec(), stream(data)]);
    decode_font(&pdf, &data[..data.len().min(64)])
}

/// A widths array (`data`, any object text) as a composite font's `/W`
/// (first byte even) or a simple font's `/Widths` from `/FirstChar` 32
/// (odd), then codes decoded for their advances.
pub fn widths(data: &[u8]) -> usize {
    let simple = data.first().is_some_and(|b| b % 2 == 1);
    let font: &[u8] = if simple {
        b"<< /Type /Font /Subtype /TrueType /BaseFont /F /FirstChar 32 /LastChar 255 \
           /Widths 4 0 R >>"
    } else {
        b"<< /Type /Font /Subtype /Type0 /BaseFont /F /Encoding /Identity-H \
           /DescendantFonts [ << /Type /Font /Subtype /CIDFontType2 /BaseFont /F /DW 1000 \
           /W 4 0 R >> ] >>"
    };
    let pdf = pdf_with(&[font.to_vec(), data.to_vec()]);
    decode_font(&pdf, &data[..data.len().min(64)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_entry_point_reads_what_it_is_given() {
        assert_eq!(lex(b"BT /F1 12 Tf (ab) Tj [(c) -250 (d)] TJ ET"), 5);
        // In sequence: the dictionary, 7 and 0 (then `obj` is no object);
        // scanned: object 7.
        assert_eq!(parse_objects(b"<< /A [1 2 (x)] >> 7 0 obj 42 endobj"), 4);
        let to_unicode = b"1 begincodespacerange <0000> <FFFF> endcodespacerange \
            1 beginbfchar <0041> <4E2D> endbfchar";
        assert!(cmap(to_unicode) >= 1);
        assert!(widths(b"[ 1 [ 500 600 ] 10 20 700 ]") > 0);
    }
}

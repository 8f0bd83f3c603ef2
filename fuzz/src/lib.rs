//! The `layout` target's input: a page of glyphs and rulings in a compact
//! binary form, so that the fuzzer mutates geometry (positions, sizes, which
//! characters) rather than PDF syntax; [`encode`] writes real pages in it for
//! seeds (`cargo run --example layout_seeds`).
//!
//! Form: page width and height (one byte each, ×4 pt from 200 pt), then
//! records. A record's tag byte is even for a glyph (x, baseline: u16 in
//! quarter points; width, size: u8 in quarter points; character: u8 index
//! into [`ALPHABET`]; font: tag bits 1–3) and odd for a ruling (x0, y0, x1,
//! y1: u16 in quarter points). A cut record ends the page.
use fiscal_reader::{Glyph, Page, Segment};

/// The characters glyphs are drawn from: what the layout stage tells apart
/// (digits and amount punctuation, numbering, table words, brackets, spaces,
/// Latin letters, a Kangxi radical that normalization maps).
pub const ALPHABET: &[char] = &[
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.', ',', '-', '%', ' ', '/', '合', '计',
    '表', '年', '预', '算', '决', '收', '入', '支', '出', '项', '目', '单', '位', '万', '元', '一',
    '二', '三', '十', '、', '（', '）', '(', ')', '第', '部', '分', '页', '功', '能', '类', '科',
    '编', '码', '名', '称', '本', '其', '中', '：', '。', '，', '—', '…', 'A', 'x', '⾏', '　',
    '１', '％', '“', '”',
];

const QUARTER: f32 = 0.25;

fn u16_at(b: &[u8], i: usize) -> Option<f32> {
    Some(f32::from(u16::from_le_bytes([*b.get(i)?, *b.get(i + 1)?])) * QUARTER)
}

/// The page `bytes` describe (numbered 1).
pub fn decode(bytes: &[u8]) -> Page {
    let side = |i: usize| 200.0 + f32::from(bytes.get(i).copied().unwrap_or(100)) * 4.0;
    let mut page = Page {
        number: 1,
        width: side(0),
        height: side(1),
        ..Page::default()
    };
    let mut i = 2;
    while let Some(&tag) = bytes.get(i) {
        let r = &bytes[i + 1..];
        if tag % 2 == 0 {
            let (Some(x), Some(baseline), Some(&w), Some(&size), Some(&c)) =
                (u16_at(r, 0), u16_at(r, 2), r.get(4), r.get(5), r.get(6))
            else {
                break;
            };
            page.glyphs.push(Glyph {
                ch: ALPHABET[usize::from(c) % ALPHABET.len()],
                x,
                baseline,
                width: f32::from(w) * QUARTER,
                size: f32::from(size) * QUARTER,
                font: u32::from(tag >> 1 & 7),
                clip_anchor: None,
            });
            i += 8;
        } else {
            let (Some(x0), Some(y0), Some(x1), Some(y1)) =
                (u16_at(r, 0), u16_at(r, 2), u16_at(r, 4), u16_at(r, 6))
            else {
                break;
            };
            page.segments.push(Segment::new(x0, y0, x1, y1));
            i += 9;
        }
    }
    page
}

fn quarters(v: f32) -> [u8; 2] {
    ((v / QUARTER).round().clamp(0.0, 65535.0) as u16).to_le_bytes()
}

fn small(v: f32) -> u8 {
    (v / QUARTER).round().clamp(0.0, 255.0) as u8
}

/// The alphabet index nearest in kind to `c` (itself when listed).
fn index_of(c: char) -> u8 {
    let like = match ALPHABET.iter().position(|&a| a == c) {
        Some(i) => return i as u8,
        None if c.is_ascii_digit() => '0',
        None if c.is_ascii_alphabetic() => 'A',
        None if c.is_whitespace() => ' ',
        None if c.is_ascii() => '.',
        None => '中',
    };
    ALPHABET.iter().position(|&a| a == like).unwrap_or(0) as u8
}

/// `page` in the form [`decode`] reads, quantized to quarter points.
pub fn encode(page: &Page) -> Vec<u8> {
    let side = |v: f32| ((v - 200.0) / 4.0).round().clamp(0.0, 255.0) as u8;
    let mut out = vec![side(page.width), side(page.height)];
    for g in &page.glyphs {
        out.push(((g.font % 8) << 1) as u8);
        out.extend(quarters(g.x));
        out.extend(quarters(g.baseline));
        out.extend([small(g.width), small(g.size), index_of(g.ch)]);
    }
    for s in &page.segments {
        out.push(1);
        for v in [s.x0, s.y0, s.x1, s.y1] {
            out.extend(quarters(v));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_reads_back_as_written() {
        let page = Page {
            number: 1,
            width: 600.0,
            height: 840.0,
            glyphs: vec![Glyph {
                ch: '合',
                x: 72.25,
                baseline: 100.5,
                width: 12.0,
                size: 12.0,
                font: 3,
                clip_anchor: None,
            }],
            segments: vec![Segment::new(70.0, 90.0, 300.0, 90.0)],
        };
        assert_eq!(decode(&encode(&page)).glyphs, page.glyphs);
        assert_eq!(decode(&encode(&page)).segments, page.segments);
        assert_eq!(decode(&encode(&page)).width, 600.0);
    }
}

//! Content-stream lexer: operators with their operands, read straight from the
//! decoded bytes.
//!
//! Operands live on one reused stack and borrow from the content (strings and
//! names are decoded only when the interpreter asks for them); dictionaries and
//! nested arrays, which no operator the interpreter handles reads, are skipped
//! without being built. This replaces lopdf's content parser, which built an
//! owned `Object` tree for every operation and took about half of all CPU.
//!
//! The grammar follows lopdf's (numbers like `0.00-41` included) where a well
//! formed stream is concerned; on damage it is lenient the way poppler and
//! pdf.js are: a comment between operands is white space, a stray delimiter or
//! unknown keyword is skipped, and reading goes on rather than stopping.
use std::borrow::Cow;

use crate::syntax::{
    decode_hex, decode_literal, decode_name, is_regular, is_white, literal_string_end, parse_number,
};

/// One operand of an operation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Operand<'a> {
    Number(f32),
    /// A name without its `/`, `#xx` escapes not yet decoded.
    Name(&'a [u8]),
    /// A literal string's bytes between the parentheses, escapes not yet decoded.
    LiteralString(&'a [u8]),
    /// A hexadecimal string's bytes between `<` and `>`.
    HexString(&'a [u8]),
    /// An array: `start..end` in the operation's array items.
    Array(u32, u32),
    /// `true`, `false`, `null`, a dictionary or a nested array.
    Other,
}

impl Operand<'_> {
    /// The operand as a number; anything else counts as 0.
    pub fn number(&self) -> f32 {
        match self {
            Operand::Number(v) => *v,
            _ => 0.0,
        }
    }

    /// Decodes a string operand into `out` (cleared first); false if not a string.
    pub fn string_into(&self, out: &mut Vec<u8>) -> bool {
        out.clear();
        match self {
            Operand::LiteralString(raw) => decode_literal(raw, out),
            Operand::HexString(raw) => decode_hex(raw, out),
            _ => return false,
        }
        true
    }
}

/// One operation: an operator and the operands before it.
pub struct Operation<'l, 'a> {
    pub operator: &'a [u8],
    pub operands: &'l [Operand<'a>],
    items: &'l [Operand<'a>],
}

impl<'a> Operation<'_, 'a> {
    /// Operand `i` as a number (0 when absent or not a number).
    pub fn num(&self, i: usize) -> f32 {
        self.operands.get(i).map_or(0.0, Operand::number)
    }

    /// Operand `i` as a decoded name.
    pub fn name(&self, i: usize) -> Option<Cow<'a, [u8]>> {
        match self.operands.get(i)? {
            Operand::Name(raw) => Some(decode_name(raw)),
            _ => None,
        }
    }

    /// Operand `i` as an array's items.
    pub fn array(&self, i: usize) -> Option<&[Operand<'a>]> {
        match self.operands.get(i)? {
            Operand::Array(start, end) => Some(&self.items[*start as usize..*end as usize]),
            _ => None,
        }
    }
}

/// Reads operations one at a time; the operand stack is reused between them.
pub struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
    operands: Vec<Operand<'a>>,
    items: Vec<Operand<'a>>,
}

/// What a token is, before operands and operators are told apart.
enum Token<'a> {
    Operand(Operand<'a>),
    ArrayStart,
    ArrayEnd,
    Keyword(&'a [u8]),
    /// A byte that starts nothing (a stray `)`, `>`, `{`, …).
    Stray,
}

/// Arrays nested deeper than this inside an array are skipped as a whole.
const MAX_SKIP_DEPTH: usize = 1000;
/// Operands kept for one operation; more are dropped (no operator reads more
/// than a few, and a hostile stream would otherwise grow the stack unbounded).
const MAX_OPERANDS: usize = 1024;
/// Array items kept for one operation (a `TJ` line holds a few hundred).
const MAX_ARRAY_ITEMS: usize = 1 << 20;

impl<'a> Lexer<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Lexer {
            data,
            pos: 0,
            operands: Vec::with_capacity(16),
            items: Vec::new(),
        }
    }

    /// The next operation, or `None` at the end of the content.
    #[allow(clippy::should_implement_trait)] // lends from the lexer: not an Iterator
    pub fn next(&mut self) -> Option<Operation<'_, 'a>> {
        self.operands.clear();
        self.items.clear();
        loop {
            let operand = match self.token()? {
                Token::Operand(o) => o,
                Token::ArrayStart => {
                    let start = self.items.len() as u32;
                    self.read_array_items();
                    Operand::Array(start, self.items.len() as u32)
                }
                Token::Keyword(b"BI") => {
                    self.skip_inline_image();
                    self.operands.clear();
                    self.items.clear();
                    continue;
                }
                Token::Keyword(operator) => {
                    return Some(Operation {
                        operator,
                        operands: &self.operands,
                        items: &self.items,
                    })
                }
                Token::ArrayEnd | Token::Stray => continue,
            };
            if self.operands.len() < MAX_OPERANDS {
                self.operands.push(operand);
            }
        }
    }

    fn skip_white(&mut self) {
        while let Some(&c) = self.data.get(self.pos) {
            if is_white(c) {
                self.pos += 1;
            } else if c == b'%' {
                while self.pos < self.data.len() && !matches!(self.data[self.pos], b'\r' | b'\n') {
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    fn token(&mut self) -> Option<Token<'a>> {
        self.skip_white();
        let data = self.data;
        let c = *data.get(self.pos)?;
        let start = self.pos;
        let token = match c {
            b'/' => {
                self.pos += 1;
                let end = self.regular_run_end();
                Token::Operand(Operand::Name(&data[start + 1..end]))
            }
            b'(' => {
                let end = literal_string_end(data, start + 1);
                self.pos = (end + 1).min(data.len());
                if end >= data.len() {
                    // Unterminated: nothing usable follows.
                    return None;
                }
                Token::Operand(Operand::LiteralString(&data[start + 1..end]))
            }
            b'<' if data.get(start + 1) == Some(&b'<') => {
                self.skip_dictionary();
                Token::Operand(Operand::Other)
            }
            b'<' => {
                let end = data[start..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(data.len(), |p| start + p);
                self.pos = (end + 1).min(data.len());
                Token::Operand(Operand::HexString(&data[start + 1..end]))
            }
            b'[' => {
                self.pos += 1;
                Token::ArrayStart
            }
            b']' => {
                self.pos += 1;
                Token::ArrayEnd
            }
            b'0'..=b'9' | b'+' | b'-' | b'.' => match parse_number(&data[start..]) {
                Some((v, len)) => {
                    self.pos += len;
                    Token::Operand(Operand::Number(v.as_f32()))
                }
                None => {
                    self.pos += 1;
                    Token::Stray
                }
            },
            c if is_regular(c) => {
                let end = self.regular_run_end();
                match &data[start..end] {
                    b"true" | b"false" | b"null" => Token::Operand(Operand::Other),
                    word => Token::Keyword(word),
                }
            }
            _ => {
                self.pos += 1;
                Token::Stray
            }
        };
        Some(token)
    }

    /// Advances over regular characters; returns the end position.
    fn regular_run_end(&mut self) -> usize {
        while self.pos < self.data.len() && is_regular(self.data[self.pos]) {
            self.pos += 1;
        }
        self.pos
    }

    /// Reads an array's items (after `[`) into `items`; nested arrays become `Other`.
    fn read_array_items(&mut self) {
        while let Some(t) = self.token() {
            let item = match t {
                Token::Operand(o) => o,
                Token::ArrayEnd => return,
                Token::ArrayStart => {
                    self.skip_nested_array();
                    Operand::Other
                }
                Token::Keyword(_) | Token::Stray => Operand::Other,
            };
            if self.items.len() < MAX_ARRAY_ITEMS {
                self.items.push(item);
            }
        }
    }

    /// Skips to the `]` closing an array whose `[` was just read.
    fn skip_nested_array(&mut self) {
        let mut depth = 1;
        while let Some(t) = self.token() {
            match t {
                Token::ArrayStart if depth < MAX_SKIP_DEPTH => depth += 1,
                Token::ArrayEnd => {
                    depth -= 1;
                    if depth == 0 {
                        return;
                    }
                }
                _ => {}
            }
        }
    }

    /// Skips a `<< … >>` dictionary (nested ones and strings inside included).
    fn skip_dictionary(&mut self) {
        self.pos += 2;
        let mut depth = 1usize;
        while let Some(&c) = self.data.get(self.pos) {
            match c {
                b'(' => self.pos = literal_string_end(self.data, self.pos + 1) + 1,
                b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                    depth += 1;
                    self.pos += 2;
                }
                b'>' if self.data.get(self.pos + 1) == Some(&b'>') => {
                    depth -= 1;
                    self.pos += 2;
                    if depth == 0 {
                        return;
                    }
                }
                b'%' => self.skip_white(),
                _ => self.pos += 1,
            }
        }
    }

    /// Skips an inline image (`BI` dict `ID` data `EI`), whose data is binary.
    /// The data length is computed from the dictionary when it is unfiltered;
    /// otherwise (or when no `EI` follows that length) the data ends at the
    /// first `EI` standing between white space.
    fn skip_inline_image(&mut self) {
        let mut entries: Vec<Operand<'a>> = Vec::new();
        loop {
            let entry = match self.token() {
                None => return,
                Some(Token::Keyword(b"ID")) => break,
                Some(Token::Operand(o)) => o,
                Some(Token::ArrayStart) => {
                    let start = self.items.len() as u32;
                    self.read_array_items();
                    Operand::Array(start, self.items.len() as u32)
                }
                Some(_) => Operand::Other,
            };
            if entries.len() < MAX_OPERANDS {
                entries.push(entry);
            }
        }
        // One white-space byte (or CR LF) separates ID from the data.
        if self.data[self.pos..].starts_with(b"\r\n") {
            self.pos += 2;
        } else if self.data.get(self.pos).is_some_and(|&c| is_white(c)) {
            self.pos += 1;
        }
        let data_start = self.pos;
        if let Some(len) = inline_image_length(&entries, &self.items) {
            let after = data_start.saturating_add(len);
            if after <= self.data.len() {
                self.pos = after;
                self.skip_white();
                let rest = &self.data[self.pos..];
                if rest.starts_with(b"EI") && rest.get(2).is_none_or(|&c| !is_regular(c)) {
                    self.pos += 2;
                    return;
                }
            }
        }
        let rest = &self.data[data_start..];
        let end = rest
            .windows(3)
            .enumerate()
            .find(|&(i, w)| {
                is_white(w[0])
                    && &w[1..] == b"EI"
                    && rest.get(i + 3).is_none_or(|&c| !is_regular(c))
            })
            .map_or(rest.len(), |(i, _)| i + 3);
        self.pos = data_start + end;
    }
}

/// The byte length of unfiltered inline image data, from its dictionary.
fn inline_image_length(entries: &[Operand], items: &[Operand]) -> Option<usize> {
    let get = |short: &[u8], long: &[u8]| {
        entries.chunks(2).find_map(|kv| match kv {
            [Operand::Name(k), v] if *k == short || *k == long => Some(*v),
            _ => None,
        })
    };
    if get(b"F", b"Filter").is_some() {
        return None;
    }
    let size = |short: &[u8], long: &[u8]| match get(short, long)? {
        Operand::Number(v) if v >= 0.0 && v.fract() == 0.0 => Some(v as usize),
        _ => None,
    };
    let image_mask = matches!(get(b"IM", b"ImageMask"), Some(Operand::Other));
    let (width, height) = (size(b"W", b"Width")?, size(b"H", b"Height")?);
    let bpc = size(b"BPC", b"BitsPerComponent").or(image_mask.then_some(1))?;
    let colors = if image_mask {
        1
    } else {
        match get(b"CS", b"ColorSpace")? {
            Operand::Name(b"DeviceGray" | b"G" | b"Gray" | b"CalGray") => 1,
            Operand::Name(b"DeviceRGB" | b"RGB" | b"CalRGB") => 3,
            Operand::Name(b"DeviceCMYK" | b"CMYK") => 4,
            Operand::Array(s, e) => match items.get(s as usize..e as usize)?.first()? {
                Operand::Name(b"Indexed" | b"I") => 1,
                _ => return None,
            },
            _ => return None,
        }
    };
    let row = width.checked_mul(bpc)?.checked_mul(colors)?.div_ceil(8);
    row.checked_mul(height)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every operation as (operator, operands), strings decoded, arrays expanded.
    fn ops(content: &[u8]) -> Vec<(String, Vec<String>)> {
        let mut lexer = Lexer::new(content);
        let mut out = Vec::new();
        let show = |o: &Operand, items: &dyn Fn(u32, u32) -> String| {
            let mut buf = Vec::new();
            match o {
                Operand::Number(v) => format!("{v}"),
                Operand::Name(n) => format!("/{}", String::from_utf8_lossy(&decode_name(n))),
                Operand::Array(s, e) => items(*s, *e),
                Operand::Other => "?".to_string(),
                s => {
                    s.string_into(&mut buf);
                    format!("({})", String::from_utf8_lossy(&buf))
                }
            }
        };
        while let Some(op) = lexer.next() {
            let items = |s: u32, e: u32| {
                let inner: Vec<String> = op.items[s as usize..e as usize]
                    .iter()
                    .map(|o| show(o, &|_, _| "[..]".into()))
                    .collect();
                format!("[{}]", inner.join(" "))
            };
            let operands = op.operands.iter().map(|o| show(o, &items)).collect();
            out.push((String::from_utf8_lossy(op.operator).into_owned(), operands));
        }
        out
    }

    fn op(name: &str, operands: &[&str]) -> (String, Vec<String>) {
        (
            name.to_string(),
            operands.iter().map(|s| s.to_string()).collect(),
        )
    }

    #[test]
    fn numbers_as_lopdf_reads_them() {
        assert_eq!(
            ops(b"1 -2 +3 .5 -.5 4. 0.00-41 12.5 cm"),
            vec![op(
                "cm",
                &["1", "-2", "3", "0.5", "-0.5", "4", "0.0041", "12.5"]
            )]
        );
        // A number runs into an operator without a space between them.
        assert_eq!(ops(b"0.5Tc"), vec![op("Tc", &["0.5"])]);
    }

    #[test]
    fn strings_names_and_arrays() {
        let got = ops(b"/F#201 12 Tf (a\\(b\\)c \\101\\0612 (nest)) Tj [(x) -250 <4142 43>] TJ");
        assert_eq!(
            got,
            vec![
                op("Tf", &["/F 1", "12"]),
                op("Tj", &["(a(b)c A12 (nest))"]),
                op("TJ", &["[(x) -250 (ABC)]"]),
            ]
        );
    }

    #[test]
    fn string_line_ends_and_continuations() {
        let got = ops(b"(a\r\nb\\\r\nc\rd) Tj <414> Tj");
        assert_eq!(got, vec![op("Tj", &["(a\nbc\nd)"]), op("Tj", &["(A@)"])]);
    }

    #[test]
    fn comments_dictionaries_and_inline_images_are_skipped() {
        let content = b"/P <</MCID 0 /S (a>>b)>> BDC % note\n\
            1 0 0 %inside\n 1 0 0 cm BI /W 2 /H 1 /BPC 8 /CS /G ID EI EI Q";
        assert_eq!(
            ops(content),
            vec![
                op("BDC", &["/P", "?"]),
                op("cm", &["1", "0", "0", "1", "0", "0"]),
                op("Q", &[]),
            ]
        );
        // Filtered data: ends at the first white-space-delimited EI.
        let content = b"BI /F /AHx /W 1 ID 00ff> EI q";
        assert_eq!(ops(content), vec![op("q", &[])]);
    }

    #[test]
    fn damage_is_skipped_not_fatal() {
        let got = ops(b"1 2 ) } m 3 4 l (unterminated");
        assert_eq!(got, vec![op("m", &["1", "2"]), op("l", &["3", "4"])]);
        assert!(ops(b"").is_empty());
        assert_eq!(ops(b"[[[1]] 2] d"), vec![op("d", &["[? 2]"])]);
    }
}

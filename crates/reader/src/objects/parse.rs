//! PDF object syntax → lopdf `Object`s: direct objects, and indirect objects
//! (`N G obj … endobj`) with their stream data located but not copied.
//!
//! Lenient where damage is common (a missing `endobj`, a wrong stream
//! `/Length`, stray bytes inside an array or dictionary) and bounded where a
//! hostile file could amplify: nesting depth, and the number of values built,
//! which the caller takes from the document's limits.
use std::ops::Range;

use lopdf::{Dictionary, Object, ObjectId, Stream, StringFormat};

use crate::syntax::{
    decode_hex, decode_literal, decode_name, is_regular, is_white, literal_string_end,
    parse_number, Number,
};

/// Arrays and dictionaries nested deeper than this are not read.
const MAX_DEPTH: usize = 64;

/// Why no object was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The bytes are not an object.
    Syntax,
    /// Reading it would build more values than the limits allow.
    OverLimit,
}

/// Reads objects from `data`, starting at `pos`.
pub struct Parser<'a> {
    data: &'a [u8],
    pub pos: usize,
    /// Values that may still be built.
    nodes_left: u64,
    /// Values built so far.
    pub nodes: u64,
    exhausted: bool,
}

/// An indirect object, and where its stream data lies (for a stream).
pub struct Indirect {
    pub id: ObjectId,
    pub object: Object,
    pub stream_data: Option<Range<usize>>,
}

impl<'a> Parser<'a> {
    pub fn new(data: &'a [u8], pos: usize, nodes_left: u64) -> Self {
        Parser {
            data,
            pos,
            nodes_left,
            nodes: 0,
            exhausted: false,
        }
    }

    pub fn failure(&self) -> Failure {
        if self.exhausted {
            Failure::OverLimit
        } else {
            Failure::Syntax
        }
    }

    fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    /// Skips white space and comments.
    pub fn skip_space(&mut self) {
        while let Some(c) = self.peek() {
            if is_white(c) {
                self.pos += 1;
            } else if c == b'%' {
                while self.peek().is_some_and(|c| c != b'\r' && c != b'\n') {
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// After white space, the keyword `word` standing alone: consumed if there.
    pub fn keyword(&mut self, word: &[u8]) -> bool {
        self.skip_space();
        let rest = &self.data[self.pos.min(self.data.len())..];
        if rest.starts_with(word) && rest.get(word.len()).is_none_or(|&c| !is_regular(c)) {
            self.pos += word.len();
            true
        } else {
            false
        }
    }

    /// After white space, an unsigned integer.
    pub fn unsigned(&mut self) -> Option<u64> {
        self.skip_space();
        let start = self.pos;
        let mut value: u64 = 0;
        while let Some(d) = self.peek().filter(u8::is_ascii_digit) {
            value = value.checked_mul(10)?.checked_add(u64::from(d - b'0'))?;
            self.pos += 1;
        }
        (self.pos > start).then_some(value)
    }

    fn count_node(&mut self) -> bool {
        if self.nodes >= self.nodes_left {
            self.exhausted = true;
            return false;
        }
        self.nodes += 1;
        true
    }

    /// A direct object; `None` (position unspecified) when there is none.
    pub fn object(&mut self) -> Option<Object> {
        self.object_at_depth(0)
    }

    fn object_at_depth(&mut self, depth: usize) -> Option<Object> {
        self.skip_space();
        if depth > MAX_DEPTH || !self.count_node() {
            return None;
        }
        let data = self.data;
        let start = self.pos;
        match *data.get(start)? {
            b'/' => {
                self.pos += 1;
                while self.peek().is_some_and(is_regular) {
                    self.pos += 1;
                }
                Some(Object::Name(
                    decode_name(&data[start + 1..self.pos]).into_owned(),
                ))
            }
            b'(' => {
                let end = literal_string_end(data, start + 1);
                if end >= data.len() {
                    self.pos = data.len();
                    return None;
                }
                self.pos = end + 1;
                let mut bytes = Vec::new();
                decode_literal(&data[start + 1..end], &mut bytes);
                Some(Object::String(bytes, StringFormat::Literal))
            }
            b'<' if data.get(start + 1) == Some(&b'<') => {
                self.pos += 2;
                self.dictionary(depth).map(Object::Dictionary)
            }
            b'<' => {
                let Some(len) = data[start..].iter().position(|&c| c == b'>') else {
                    self.pos = data.len();
                    return None;
                };
                let end = start + len;
                self.pos = end + 1;
                let mut bytes = Vec::new();
                decode_hex(&data[start + 1..end], &mut bytes);
                Some(Object::String(bytes, StringFormat::Hexadecimal))
            }
            b'[' => {
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_space();
                    match self.peek()? {
                        b']' => {
                            self.pos += 1;
                            return Some(Object::Array(items));
                        }
                        _ => {
                            let at = self.pos;
                            match self.object_at_depth(depth + 1) {
                                Some(o) => items.push(o),
                                None if self.exhausted => return None,
                                None => self.resume_after_failure(at),
                            }
                        }
                    }
                }
            }
            b'0'..=b'9' | b'+' | b'-' | b'.' => {
                let (number, len) = parse_number(&data[start..])?;
                self.pos += len;
                match number {
                    Number::Integer(n) => {
                        Some(self.reference_after(n).unwrap_or(Object::Integer(n)))
                    }
                    Number::Real(r) => Some(Object::Real(r)),
                }
            }
            _ => {
                while self.peek().is_some_and(is_regular) {
                    self.pos += 1;
                }
                match &data[start..self.pos] {
                    b"true" => Some(Object::Boolean(true)),
                    b"false" => Some(Object::Boolean(false)),
                    b"null" => Some(Object::Null),
                    _ => None,
                }
            }
        }
    }

    /// After a value that failed to read from `at`: read on from the next
    /// byte (a stray byte is skipped), or from where the failed value left
    /// off when that is further: past a bad keyword, or at the end of the
    /// data for an unterminated string or array. Never re-reading what failed
    /// keeps nested and repeated failures linear (re-reading from `at + 1`
    /// after each failure took exponential time on unterminated nesting).
    fn resume_after_failure(&mut self, at: usize) {
        self.pos = self.pos.max(at + 1);
    }

    /// `G R` after an object number `n` makes a reference; the position is
    /// restored when they are not there.
    fn reference_after(&mut self, n: i64) -> Option<Object> {
        let at = self.pos;
        let reference = (|| {
            let number = u32::try_from(n).ok()?;
            if !self.peek().is_some_and(is_white) {
                return None;
            }
            let generation = u16::try_from(self.unsigned()?).ok()?;
            self.keyword(b"R")
                .then_some(Object::Reference((number, generation)))
        })();
        if reference.is_none() {
            self.pos = at;
        }
        reference
    }

    /// A dictionary's entries after `<<`, through `>>`.
    fn dictionary(&mut self, depth: usize) -> Option<Dictionary> {
        let mut dict = Dictionary::new();
        loop {
            self.skip_space();
            let data = self.data;
            match self.peek()? {
                b'>' if data.get(self.pos + 1) == Some(&b'>') => {
                    self.pos += 2;
                    return Some(dict);
                }
                b'/' => {
                    let Some(Object::Name(key)) = self.object_at_depth(depth + 1) else {
                        return None;
                    };
                    self.skip_space();
                    if self.data[self.pos..].starts_with(b">>") {
                        continue; // a key without a value
                    }
                    let at = self.pos;
                    match self.object_at_depth(depth + 1) {
                        Some(value) => dict.set(key, value),
                        None if self.exhausted => return None,
                        None => self.resume_after_failure(at),
                    }
                }
                // A stray byte: skip it and read on.
                _ => self.pos += 1,
            }
        }
    }

    /// The indirect object at `self.pos`; `length_of` resolves an indirect
    /// stream `/Length`.
    pub fn indirect(
        &mut self,
        length_of: &dyn Fn(ObjectId) -> Option<i64>,
    ) -> Result<Indirect, Failure> {
        let header = (|| {
            let number = u32::try_from(self.unsigned()?).ok()?;
            let generation = u16::try_from(self.unsigned()?).ok()?;
            self.keyword(b"obj").then_some((number, generation))
        })();
        let id = header.ok_or(Failure::Syntax)?;
        let object = self.object().ok_or_else(|| self.failure())?;
        let (object, stream_data) = match object {
            Object::Dictionary(dict) if self.keyword(b"stream") => {
                let range = self.stream_data(&dict, length_of);
                let stream = Stream {
                    dict,
                    content: Vec::new(),
                    allows_compression: true,
                    start_position: None,
                };
                (Object::Stream(stream), Some(range))
            }
            other => (other, None),
        };
        self.keyword(b"endobj");
        Ok(Indirect {
            id,
            object,
            stream_data,
        })
    }

    /// After the `stream` keyword: where the data lies. `/Length` is trusted
    /// when `endstream` follows it; otherwise the data runs to the first
    /// `endstream` (the end of line before it not included).
    fn stream_data(
        &mut self,
        dict: &Dictionary,
        length_of: &dyn Fn(ObjectId) -> Option<i64>,
    ) -> Range<usize> {
        let data = self.data;
        // The keyword's end of line: CR LF, LF, or (damaged) CR; spaces before it.
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
        if data[self.pos..].starts_with(b"\r\n") {
            self.pos += 2;
        } else if matches!(self.peek(), Some(b'\n' | b'\r')) {
            self.pos += 1;
        }
        let start = self.pos;
        let length = match dict.get(b"Length") {
            Ok(Object::Integer(n)) => Some(*n),
            Ok(Object::Reference(id)) => length_of(*id),
            _ => None,
        };
        if let Some(end) = length
            .and_then(|n| usize::try_from(n).ok())
            .and_then(|n| start.checked_add(n))
            .filter(|&end| end <= data.len())
        {
            self.pos = end;
            if self.keyword(b"endstream") {
                return start..end;
            }
        }
        let rest = &data[start..];
        let Some(found) = rest.windows(9).position(|w| w == b"endstream") else {
            self.pos = data.len();
            return start..data.len();
        };
        let mut end = start + found;
        self.pos = end + 9;
        if data[..end].ends_with(b"\r\n") {
            end -= 2;
        } else if data[..end].ends_with(b"\n") || data[..end].ends_with(b"\r") {
            end -= 1;
        }
        start..end.max(start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &[u8]) -> Option<Object> {
        Parser::new(text, 0, 1000).object()
    }

    #[test]
    fn direct_objects() {
        assert_eq!(parse(b" 12 "), Some(Object::Integer(12)));
        assert_eq!(parse(b"-.5"), Some(Object::Real(-0.5)));
        assert_eq!(parse(b"7 0 R"), Some(Object::Reference((7, 0))));
        assert_eq!(
            parse(b"[1 2 0 R /N#20x (s\\)) <41 4> true null]"),
            Some(Object::Array(vec![
                Object::Integer(1),
                Object::Reference((2, 0)),
                Object::Name(b"N x".to_vec()),
                Object::String(b"s)".to_vec(), StringFormat::Literal),
                Object::String(b"A@".to_vec(), StringFormat::Hexadecimal),
                Object::Boolean(true),
                Object::Null,
            ]))
        );
        let dict = parse(b"<</Type/Page/Kids[3 0 R]%c\n/Empty>>").unwrap();
        let dict = dict.as_dict().unwrap();
        assert_eq!(dict.get(b"Type").unwrap(), &Object::Name(b"Page".to_vec()));
        assert_eq!(dict.get(b"Kids").unwrap().as_array().unwrap().len(), 1);
        assert!(!dict.has(b"Empty"));
    }

    #[test]
    fn damage_and_bounds() {
        // A stray byte inside an array is skipped; an unterminated array is nothing.
        assert_eq!(
            parse(b"[1 } 2]"),
            Some(Object::Array(vec![Object::Integer(1), Object::Integer(2)]))
        );
        assert_eq!(parse(b"[1 2"), None);
        // A bad keyword is skipped whole (its tail is no number).
        assert_eq!(
            parse(b"[1 x2 3]"),
            Some(Object::Array(vec![Object::Integer(1), Object::Integer(3)]))
        );
        // Nesting and value limits.
        fn depth(o: &Object) -> usize {
            match o {
                Object::Array(a) => 1 + a.iter().map(depth).max().unwrap_or(0),
                _ => 0,
            }
        }
        let deep = [b"[".repeat(1000), b"]".repeat(1000)].concat();
        assert!(depth(&parse(&deep).unwrap()) <= MAX_DEPTH + 1);
        let mut p = Parser::new(b"[1 2 3 4 5]", 0, 4);
        assert_eq!(p.object(), None);
        assert_eq!(p.failure(), Failure::OverLimit);
    }

    #[test]
    fn unterminated_nesting_fails_in_linear_time() {
        // Each level used to re-read the rest after its child failed at the
        // end of the data: exponential in the depth.
        for tail in [&b"(x"[..], b"<41", b"[", b"<</A"] {
            let text = [b"[".repeat(100_000), tail.to_vec()].concat();
            let start = std::time::Instant::now();
            assert_eq!(Parser::new(&text, 0, 10_000_000).object(), None);
            assert!(start.elapsed() < std::time::Duration::from_secs(5));
        }
        let garbage = [b"[".to_vec(), b"(".repeat(100_000)].concat();
        assert_eq!(Parser::new(&garbage, 0, 10_000_000).object(), None);
        let keywords = [b"[".to_vec(), b"x".repeat(1_000_000), b"]".to_vec()].concat();
        let start = std::time::Instant::now();
        assert_eq!(parse(&keywords), Some(Object::Array(vec![])));
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
    }

    #[test]
    fn indirect_streams_find_their_data() {
        let file = b"5 0 obj <</Length 3>> stream\r\nabc\nendstream endobj \
            6 0 obj <</Length 99>> stream\nabcdef\r\nendstream\nendobj \
            7 0 obj <</Length 8 0 R>> stream\nxy\nendstream endobj";
        let no_lengths = |_: ObjectId| None;
        let mut p = Parser::new(file, 0, 100);
        let a = p.indirect(&no_lengths).unwrap();
        assert_eq!(a.id, (5, 0));
        assert_eq!(&file[a.stream_data.unwrap()], b"abc");
        let b = p.indirect(&no_lengths).unwrap();
        assert_eq!(&file[b.stream_data.unwrap()], b"abcdef");
        let c = p.indirect(&|id| (id == (8, 0)).then_some(2)).unwrap();
        assert_eq!(&file[c.stream_data.unwrap()], b"xy");
        assert!(c.object.as_stream().is_ok());
    }
}

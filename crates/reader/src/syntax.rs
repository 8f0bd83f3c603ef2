//! PDF token syntax shared by the content-stream lexer and the object parser:
//! character classes, numbers, and the decoding of names and strings.
use std::borrow::Cow;

/// A number as written: integers and reals are told apart (object syntax
/// needs it for `N G R` references; content operators read both as `f32`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    Integer(i64),
    Real(f32),
}

impl Number {
    pub fn as_f32(self) -> f32 {
        match self {
            // As lopdf converts, so values round identically.
            Number::Integer(i) => i as f32,
            Number::Real(r) => r,
        }
    }
}

pub fn is_white(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\0' | b'\x0C')
}

pub fn is_delimiter(c: u8) -> bool {
    matches!(
        c,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

pub fn is_regular(c: u8) -> bool {
    !is_white(c) && !is_delimiter(c)
}

/// Position of the `)` closing a literal string whose content starts at `start`
/// (nested parentheses balance, a backslash escapes the next byte); `data.len()`
/// when unterminated.
pub fn literal_string_end(data: &[u8], start: usize) -> usize {
    let mut depth = 0usize;
    let mut i = start;
    while i < data.len() {
        match data[i] {
            b'\\' => i += 1,
            b'(' => depth += 1,
            b')' if depth == 0 => return i,
            b')' => depth -= 1,
            _ => {}
        }
        i += 1;
    }
    data.len()
}

/// A number at the start of `s`: `[+-]digits[.digits]` or `[+-].digits`, with
/// lopdf's reading of a stray minus inside the fraction (`0.00-41` = 0.0041, as
/// pdf.js and poppler read it). Returns the number and the bytes consumed.
pub fn parse_number(s: &[u8]) -> Option<(Number, usize)> {
    let signed = matches!(s.first(), Some(b'+' | b'-'));
    let mut i = signed as usize;
    let int_start = i;
    while s.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    let int_digits = i - int_start;
    let is_real =
        s.get(i) == Some(&b'.') && (int_digits > 0 || s.get(i + 1).is_some_and(u8::is_ascii_digit));
    if !is_real {
        if int_digits == 0 {
            return None;
        }
        let magnitude = s[int_start..i].iter().try_fold(0i64, |v, d| {
            v.checked_mul(10)?.checked_add(i64::from(d - b'0'))
        });
        let number = match magnitude {
            Some(m) if s[0] == b'-' => Number::Integer(-m),
            Some(m) => Number::Integer(m),
            // Beyond i64: a real as large.
            None => Number::Real(std::str::from_utf8(&s[..i]).ok()?.parse().ok()?),
        };
        return Some((number, i));
    }
    let point = i;
    i += 1;
    let mut stray_minus = false;
    while let Some(&c) = s.get(i) {
        if c == b'-' {
            stray_minus = true;
        } else if !c.is_ascii_digit() {
            break;
        }
        i += 1;
    }
    let text = &s[..i];
    if !stray_minus {
        if let Some(v) = short_real(&s[int_start..point], &s[point + 1..i]) {
            return Some((Number::Real(if s[0] == b'-' { -v } else { v }), i));
        }
    }
    let value = if stray_minus {
        let mut kept = vec![text[0]];
        kept.extend(text[1..].iter().filter(|&&c| c != b'-'));
        std::str::from_utf8(&kept).ok()?.parse().ok()?
    } else {
        std::str::from_utf8(text).ok()?.parse().ok()?
    };
    Some((Number::Real(value), i))
}

/// Powers of ten exactly representable in an `f64`, as far as [`short_real`] needs.
const POW10: [f64; 13] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
];

/// The `f32` nearest `int.frac` when it has at most 15 digits and at most 12
/// after the point (nearly every number in a content stream), without going
/// through text. The digits form an integer below 2^53 and the power of ten is
/// exact, so the `f64` quotient is correctly rounded, and for numbers this
/// short it never falls on a midpoint between two `f32`s: rounding it again to
/// `f32` gives what parsing the text as `f32` gives.
fn short_real(int: &[u8], frac: &[u8]) -> Option<f32> {
    if int.len() + frac.len() > 15 || frac.len() >= POW10.len() {
        return None;
    }
    let digits = int.iter().chain(frac);
    let m = digits.fold(0u64, |m, d| m * 10 + u64::from(d - b'0'));
    Some((m as f64 / POW10[frac.len()]) as f32)
}

/// Decodes `#xx` escapes in a name.
pub fn decode_name(raw: &[u8]) -> Cow<'_, [u8]> {
    if !raw.contains(&b'#') {
        return Cow::Borrowed(raw);
    }
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        match (raw[i], hex_pair(raw.get(i + 1..i + 3))) {
            (b'#', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    Cow::Owned(out)
}

pub fn hex_value(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|v| v as u8)
}

fn hex_pair(p: Option<&[u8]>) -> Option<u8> {
    let p = p?;
    Some(hex_value(p[0])? << 4 | hex_value(p[1])?)
}

/// Hex digits to bytes; other bytes (white space, damage) are skipped and an
/// odd last digit is padded with 0.
pub fn decode_hex(raw: &[u8], out: &mut Vec<u8>) {
    let mut high: Option<u8> = None;
    for v in raw.iter().filter_map(|&c| hex_value(c)) {
        match high.take() {
            Some(h) => out.push(h << 4 | v),
            None => high = Some(v),
        }
    }
    if let Some(h) = high {
        out.push(h << 4);
    }
}

/// Literal string escapes: `\n \r \t \b \f`, `\ddd` octal, `\` before an end
/// of line (a continuation), `\` before any other byte (that byte); an
/// unescaped end of line (CR, LF or CR LF) reads as LF.
pub fn decode_literal(raw: &[u8], out: &mut Vec<u8>) {
    let mut i = 0;
    while i < raw.len() {
        let c = raw[i];
        i += 1;
        match c {
            b'\\' => {
                let Some(&e) = raw.get(i) else { break };
                i += 1;
                match e {
                    b'n' => out.push(b'\n'),
                    b'r' => out.push(b'\r'),
                    b't' => out.push(b'\t'),
                    b'b' => out.push(0x08),
                    b'f' => out.push(0x0C),
                    b'0'..=b'7' => {
                        let mut v = u16::from(e - b'0');
                        for _ in 0..2 {
                            match raw.get(i) {
                                Some(&d @ b'0'..=b'7') => {
                                    v = v * 8 + u16::from(d - b'0');
                                    i += 1;
                                }
                                _ => break,
                            }
                        }
                        out.push(v as u8);
                    }
                    b'\r' => {
                        if raw.get(i) == Some(&b'\n') {
                            i += 1;
                        }
                    }
                    b'\n' => {}
                    other => out.push(other),
                }
            }
            b'\r' => {
                if raw.get(i) == Some(&b'\n') {
                    i += 1;
                }
                out.push(b'\n');
            }
            other => out.push(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The short path gives the value parsing the text gives, for reals of
    /// every length and scale a content stream writes.
    #[test]
    fn short_reals_round_as_parsing_does() {
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..200_000 {
            let int_len = (next() % 9) as usize;
            let frac_len = (next() % 13) as usize;
            let digit = |r: u64| (b'0' + (r % 10) as u8) as char;
            let int: String = (0..int_len).map(|_| digit(next())).collect();
            let frac: String = (0..frac_len).map(|_| digit(next())).collect();
            let text = format!("{}{int}.{frac}", if next() % 2 == 0 { "-" } else { "" });
            if int.is_empty() && frac.is_empty() {
                continue;
            }
            let expected: f32 = text.parse().unwrap();
            let (got, len) = parse_number(text.as_bytes()).unwrap();
            assert_eq!(len, text.len());
            assert_eq!(got, Number::Real(expected), "{text}");
            assert_eq!(got.as_f32().to_bits(), expected.to_bits(), "{text}");
        }
    }
}

//! Amounts as printed ("1,899.52", "-3.00", "（3.00）") → exact decimals.
use rust_decimal::Decimal;
use std::str::FromStr;

/// Printed text that is not a figure (a word in a column of amounts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotAnAmount;

/// Parses a printed amount. `None` for an empty cell or a dash placeholder;
/// `Err` for text that is not a figure.
pub fn parse_amount(text: &str) -> Result<Option<Decimal>, NotAnAmount> {
    let t: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ',' && *c != '，')
        .map(|c| match c {
            '．' => '.',
            '－' | '−' => '-',
            c => c,
        })
        .collect();
    if t.is_empty() || matches!(t.as_str(), "-" | "—" | "－" | "/" | "——" | "--") {
        return Ok(None);
    }
    let (neg, body) = if let Some(inner) = t.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        (true, inner.to_string())
    } else if let Some(inner) = t.strip_prefix('（').and_then(|r| r.strip_suffix('）')) {
        (true, inner.to_string())
    } else {
        (false, t.clone())
    };
    if !body
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
        || !body.chars().any(|c| c.is_ascii_digit())
    {
        return Err(NotAnAmount);
    }
    let d = Decimal::from_str(&body).map_err(|_| NotAnAmount)?;
    Ok(Some(if neg { -d } else { d }))
}

/// Whether `tail`, at the head of a page, is the rest of the amount `head`
/// printed at the foot of the page before (a narrow column wraps a long
/// amount, and the page break can fall between its lines). Only evidence of
/// a cut counts: `head` ends in a separator or stops short of two decimals
/// or of a full thousands group, or `tail` begins with a separator.
pub fn is_cut_amount(head: &str, tail: &str) -> bool {
    let (h, t) = (crate::text::compact(head), crate::text::compact(tail));
    if h.is_empty()
        || t.is_empty()
        || !t
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        || !matches!(parse_amount(&format!("{h}{t}")), Ok(Some(_)))
    {
        return false;
    }
    let open_end = h.ends_with(['.', ',', '-']) || t.starts_with(['.', ',']);
    let short_decimals = h.split_once('.').is_some_and(|(_, d)| d.len() < 2);
    let short_group = h
        .rsplit_once(',')
        .is_some_and(|(_, g)| !g.contains('.') && g.len() < 3);
    open_end || short_decimals || short_group
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_cut_by_a_page_break() {
        assert!(is_cut_amount("1,604.3", "5"));
        assert!(is_cut_amount("1,604.", "35"));
        assert!(is_cut_amount("1,60", "4.35"));
        assert!(is_cut_amount("1604", ".35"));
        // Whole amounts, and a tail that is not the rest of a figure.
        assert!(!is_cut_amount("1,604.35", "5"));
        assert!(!is_cut_amount("1604", "35"));
        assert!(!is_cut_amount("1,604.3", "支出"));
        assert!(!is_cut_amount("", "5"));
    }

    #[test]
    fn amounts_keep_their_printed_scale() {
        assert_eq!(
            parse_amount("1,899.52").unwrap().unwrap().to_string(),
            "1899.52"
        );
        assert_eq!(parse_amount("0.00").unwrap().unwrap().to_string(), "0.00");
        assert_eq!(parse_amount("-3.5").unwrap().unwrap().to_string(), "-3.5");
        assert_eq!(
            parse_amount("（3.00）").unwrap().unwrap().to_string(),
            "-3.00"
        );
        assert_eq!(
            parse_amount("1，234．50").unwrap().unwrap().to_string(),
            "1234.50"
        );
    }

    #[test]
    fn empty_is_null_and_text_is_error() {
        assert_eq!(parse_amount(""), Ok(None));
        assert_eq!(parse_amount("—"), Ok(None));
        assert!(parse_amount("合计").is_err());
    }
}

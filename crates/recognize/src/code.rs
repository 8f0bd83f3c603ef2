//! Subject codes (科目编码). See the crate docs for what 功能分类 (functional)
//! and 经济分类 (economic) codes are; this is the one place that maps a code to
//! its level and parent.
use serde::{Deserialize, Serialize};

/// Which classification a subject code belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Classification {
    /// 功能分类
    Functional,
    /// 经济分类
    Economic,
}

/// Which of the two 经济分类 systems an economic code belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EconomicSystem {
    /// 部门预算支出经济分类 (301 工资福利支出, 30101 基本工资): what a
    /// department spends on.
    Department,
    /// 政府预算支出经济分类 (501 机关工资福利支出, 50101 工资奖金津补贴):
    /// the same spending as the government budget groups it.
    Government,
}

/// The system of an economic code, by its first digit (3 部门, 5 政府).
pub fn economic_system(code: &str) -> Option<EconomicSystem> {
    match code.as_bytes().first() {
        Some(b'3') => Some(EconomicSystem::Department),
        Some(b'5') => Some(EconomicSystem::Government),
        _ => None,
    }
}

/// Whether `s` is a subject code: 3, 5 or 7 ASCII digits.
pub fn is_code(s: &str) -> bool {
    Code::parse(s).is_some()
}

/// A subject code (科目编码) and its place in the hierarchy: 类 (3 digits),
/// 款 (5), 项 (7), each the one above it followed by two digits, in both
/// classifications (功能分类 201 / 20131 / 2013199; 经济分类 301 / 30101, 501 /
/// 50101). Recognition gives rows their level and parent through it, and
/// every check that follows the hierarchy walks it here: the one place that
/// knows how codes nest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code<'a>(&'a str);

impl<'a> Code<'a> {
    /// The code `s` is, if it is one (3, 5 or 7 ASCII digits).
    pub fn parse(s: &'a str) -> Option<Code<'a>> {
        (matches!(s.len(), 3 | 5 | 7) && s.bytes().all(|b| b.is_ascii_digit())).then_some(Code(s))
    }

    /// The digits as printed.
    pub fn as_str(self) -> &'a str {
        self.0
    }

    /// 1 类, 2 款, 3 项.
    pub fn level(self) -> u8 {
        ((self.0.len() - 1) / 2) as u8
    }

    /// The enclosing code (the code without its last two digits); none for a 类.
    pub fn parent(self) -> Option<Code<'a>> {
        (self.0.len() > 3).then(|| Code(&self.0[..self.0.len() - 2]))
    }

    /// The enclosing codes, nearest first (2013199 → 20131, 201).
    pub fn ancestors(self) -> impl Iterator<Item = Code<'a>> {
        std::iter::successors(self.parent(), |c| c.parent())
    }

    /// Whether `self` lies under `other` (at any depth).
    pub fn is_under(self, other: Code) -> bool {
        self.ancestors().any(|a| a.0 == other.0)
    }

    /// The classification the code's first digit names (3xx, 5xx economic;
    /// 1xx, 2xx functional) where the table does not say.
    pub fn classification(self) -> Classification {
        classify(self.0, None)
    }
}

impl std::fmt::Display for Code<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

/// Level: 1 类 (3 digits), 2 款 (5), 3 项 (7).
pub fn level(code: &str) -> Option<u8> {
    Code::parse(code).map(Code::level)
}

/// The enclosing code: the code without its last two digits.
pub fn parent(code: &str) -> Option<String> {
    Code::parse(code)?.parent().map(|p| p.as_str().to_string())
}

/// Classification of a code; the table's own classification wins when known.
pub fn classify(code: &str, table_default: Option<Classification>) -> Classification {
    if let Some(c) = table_default {
        return c;
    }
    match code.as_bytes().first() {
        // 301–399 and 501–599 are the economic classifications of departmental
        // and government budgets; 1xx (revenue) and 2xx (expenditure) are functional.
        Some(b'3') | Some(b'5') => Classification::Economic,
        _ => Classification::Functional,
    }
}

/// Splits "2013199 其他党委办公厅…" into code and name when a document prints
/// both in one cell.
pub fn split_leading_code(text: &str) -> Option<(String, String)> {
    let t = text.trim();
    let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    if !is_code(&digits) {
        return None;
    }
    let rest = t[digits.len()..].trim_start();
    if rest.is_empty() || rest.starts_with(|c: char| c.is_ascii_digit() || c == '.' || c == ',') {
        return None;
    }
    Some((digits, rest.to_string()))
}

/// Joins a code printed over 类/款/项 columns ("201" | "31" | "99", or
/// "301" | "01"). Parts left blank inherit from the previous row's parts, as
/// the printed tables do when a 类 is written once for its 款 rows.
pub fn join_parts(parts: &[String], previous: &mut Vec<String>) -> Option<String> {
    let last = parts.iter().rposition(|p| !p.is_empty())?;
    let mut pieces = Vec::with_capacity(last + 1);
    for (i, p) in parts.iter().enumerate().take(last + 1) {
        let mut piece = if p.is_empty() {
            previous.get(i).cloned()?
        } else {
            p.clone()
        };
        // 款 and 项 are two digits; spreadsheets drop the leading zero ("301" | "2").
        if i > 0 && piece.len() == 1 {
            piece.insert(0, '0');
        }
        if piece.is_empty() || !piece.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        pieces.push(piece);
    }
    let code = pieces.concat();
    if !is_code(&code) {
        return None;
    }
    *previous = pieces;
    Some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_and_parents() {
        assert_eq!(level("201"), Some(1));
        assert_eq!(level("20131"), Some(2));
        assert_eq!(level("2013199"), Some(3));
        assert_eq!(parent("2013199").as_deref(), Some("20131"));
        assert_eq!(parent("20131").as_deref(), Some("201"));
        assert_eq!(parent("201"), None);
        assert_eq!(parent("20131x"), None);
    }

    #[test]
    fn a_code_knows_its_ancestors() {
        let c = Code::parse("2013199").unwrap();
        let up: Vec<&str> = c.ancestors().map(Code::as_str).collect();
        assert_eq!(up, ["20131", "201"]);
        assert!(c.is_under(Code::parse("201").unwrap()));
        assert!(!c.is_under(Code::parse("202").unwrap()));
        assert!(!c.is_under(c));
        assert_eq!(Code::parse("3010201").unwrap().level(), 3);
        assert_eq!(
            Code::parse("301").unwrap().classification(),
            Classification::Economic
        );
        assert!(Code::parse("2013").is_none() && Code::parse("20a").is_none());
    }

    #[test]
    fn economic_systems_by_first_digit() {
        assert_eq!(economic_system("30101"), Some(EconomicSystem::Department));
        assert_eq!(economic_system("301"), Some(EconomicSystem::Department));
        assert_eq!(economic_system("50101"), Some(EconomicSystem::Government));
        assert_eq!(economic_system("2010101"), None);
    }

    #[test]
    fn economic_codes_classify_by_prefix() {
        assert_eq!(classify("30101", None), Classification::Economic);
        assert_eq!(classify("2013199", None), Classification::Functional);
        assert_eq!(
            classify("30101", Some(Classification::Functional)),
            Classification::Functional
        );
    }

    #[test]
    fn split_code_columns_join_and_inherit() {
        let mut prev = Vec::new();
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            join_parts(&s(&["301", ""]), &mut prev).as_deref(),
            Some("301")
        );
        assert_eq!(
            join_parts(&s(&["", "01"]), &mut prev).as_deref(),
            Some("30101")
        );
        assert_eq!(
            join_parts(&s(&["201", "31", "99"]), &mut prev).as_deref(),
            Some("2013199")
        );
        assert_eq!(
            join_parts(&s(&["", "", "02"]), &mut prev).as_deref(),
            Some("2013102")
        );
        assert_eq!(
            join_parts(&s(&["301", "2"]), &mut prev).as_deref(),
            Some("30102")
        );
    }

    #[test]
    fn leading_code_in_name_cell() {
        assert_eq!(
            split_leading_code("2013199 其他支出"),
            Some(("2013199".into(), "其他支出".into()))
        );
        assert_eq!(split_leading_code("201"), None);
    }
}

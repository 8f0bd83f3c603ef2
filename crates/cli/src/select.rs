//! `--pages` and `--tables`: what of each document is extracted and kept.
use std::ffi::OsString;
use std::fmt;
use std::path::Path;
use std::str::FromStr;

use fiscal_extract::{extract_file_with, AnyTable, Options, Output, TableKind};

use crate::args::Args;

/// A table asked for by `--tables`: by kind or by printed number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableChoice {
    /// Every table of this kind (`income`, `three_public_expenses`, …).
    Kind(TableKind),
    /// The table printed with this number (表3), spaces ignored.
    Number(String),
}

impl TableChoice {
    fn picks(&self, table: &AnyTable) -> bool {
        match self {
            TableChoice::Kind(kind) => table.kind() == *kind,
            TableChoice::Number(n) => table.number().map(compact).as_ref() == Some(n),
        }
    }
}

fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

impl FromStr for TableChoice {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let s = compact(s);
        if s.starts_with('表') || s.contains(|c: char| !c.is_ascii()) {
            return Ok(TableChoice::Number(s));
        }
        s.parse().map(TableChoice::Kind).map_err(|_| {
            format!("`{s}` is neither a table kind (income, expenditure, … as the JSON's `kind`) nor a printed number (表3)")
        })
    }
}

impl fmt::Display for TableChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TableChoice::Kind(k) => f.write_str(k.as_str()),
            TableChoice::Number(n) => f.write_str(n),
        }
    }
}

/// The extraction options the command line asks for.
pub fn options(args: &Args) -> Options {
    let mut options = Options::default();
    let most = u32::try_from(options.limits.max_pages).unwrap_or(u32::MAX);
    options.pages = args.pages.as_ref().map(|p| p.to_set(most));
    options
}

/// The flags that carry the selection to a batch child.
pub fn child_args(args: &Args) -> Vec<OsString> {
    let mut out = Vec::new();
    if let Some(pages) = &args.pages {
        out.extend([OsString::from("--pages"), pages.to_string().into()]);
    }
    if !args.tables.is_empty() {
        let tables: Vec<String> = args.tables.iter().map(ToString::to_string).collect();
        out.extend([OsString::from("--tables"), tables.join(",").into()]);
    }
    out
}

/// Extracts `path` as the command line asks: its pages, then its tables.
pub fn extract(path: &Path, args: &Args) -> Result<Output, String> {
    let mut out = extract_file_with(path, &options(args)).map_err(|e| e.to_string())?;
    keep_tables(&mut out, &args.tables);
    Ok(out)
}

/// Keeps the tables `wanted` picks (all when it is empty), and the checks
/// about them or about no table.
pub fn keep_tables(out: &mut Output, wanted: &[TableChoice]) {
    if wanted.is_empty() {
        return;
    }
    out.tables.retain(|t| wanted.iter().any(|w| w.picks(t)));
    // Checks name a table by its number, else its title.
    let kept: Vec<&str> = out
        .tables
        .iter()
        .map(|t| t.number().unwrap_or(t.title()))
        .collect();
    out.checks
        .retain(|c| c.table.as_deref().is_none_or(|t| kept.contains(&t)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_parse_as_kinds_or_numbers() {
        assert_eq!(
            "income".parse::<TableChoice>().unwrap(),
            TableChoice::Kind(TableKind::Income)
        );
        assert_eq!(
            " 表 3".parse::<TableChoice>().unwrap(),
            TableChoice::Number("表3".into())
        );
        assert!("incom".parse::<TableChoice>().is_err());
        let choice: TableChoice = "公开表2".parse().unwrap();
        assert_eq!(choice.to_string(), "公开表2");
    }
}

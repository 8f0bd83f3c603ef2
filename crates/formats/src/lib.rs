//! Output writers for extracted documents, shared by the `extract` CLI, the
//! Python package and other front ends: [`csv`] (the [`long`] form, one row
//! per printed figure), [`xlsx`] (a workbook, one sheet per table),
//! [`sqlite`] (a database, one transaction per document), [`arrow`] (record
//! batches: the long form and the database's tables) and [`parquet`] (a
//! dataset folder of them, partitioned by year and document kind). Each sits
//! behind a Cargo feature of its name (csv, xlsx and sqlite on by default;
//! parquet brings arrow), so a user takes only the writers and their
//! dependencies they need.
#[cfg(feature = "arrow")]
pub mod arrow;
#[cfg(feature = "csv")]
pub mod csv;
pub mod long;
#[cfg(feature = "parquet")]
pub mod parquet;
#[cfg(feature = "sqlite")]
pub mod sqlite;
#[cfg(feature = "xlsx")]
pub mod xlsx;

use std::borrow::Cow;

use serde::Serialize;

/// A text taken from a PDF, made safe to put in a spreadsheet cell: one that
/// starts with `=`, `+`, `-` or `@` (or a tab or carriage return) would be
/// read as a formula by spreadsheet software, so it gets a leading `'`, which
/// Excel, LibreOffice and Google Sheets show as text (OWASP's advice for CSV
/// injection). Amounts are numbers, never passed through this.
pub fn inert_text(text: &str) -> Cow<'_, str> {
    if starts_like_formula(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Whether spreadsheet software would take `text` for a formula.
pub fn starts_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// The JSON name of a value that serializes as a string (an enum such as a
/// table kind or classification), for flat formats.
pub fn name_of<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_that_start_like_formulas_are_quoted() {
        for t in ["=HYPERLINK(\"x\")", "+SUM(1,1)", "-1+2", "@SUM(A1)", "\t=1"] {
            assert_eq!(inert_text(t), format!("'{t}"), "{t}");
        }
        for t in ["一般公共服务支出", "合计", "2013199", "a=b", ""] {
            assert_eq!(inert_text(t), t);
        }
    }
}

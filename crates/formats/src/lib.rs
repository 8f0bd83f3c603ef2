//! Output writers for extracted documents, shared by the `extract` CLI and
//! other front ends: [`csv`] (long form, one row per printed figure),
//! [`xlsx`] (a workbook, one sheet per table) and [`sqlite`] (a database,
//! one transaction per document). Each sits behind a Cargo feature of its
//! name (all on by default), so a user takes only the writers and their
//! dependencies they need.
#[cfg(feature = "csv")]
pub mod csv;
#[cfg(feature = "sqlite")]
pub mod sqlite;
#[cfg(feature = "xlsx")]
pub mod xlsx;

use serde::Serialize;

/// The JSON name of a value that serializes as a string (an enum such as a
/// table kind or classification), for flat formats.
pub fn name_of<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

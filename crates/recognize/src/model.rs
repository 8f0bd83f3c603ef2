//! The document model recognition produces and the emitter serializes; field
//! names follow the output contract (`schema/output.schema.json`).
use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::code::Classification;
pub use crate::performance::{DepartmentGoals, PerformanceTable};
pub use crate::table_kind::TableKind;
pub use crate::unit::MoneyUnit;

/// Which kind of disclosure a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// 部门决算 / 单位决算: final accounts of a year.
    FinalAccounts,
    /// 部门预算 / 单位预算: the budget of a year.
    Budget,
}

#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct DocumentMeta {
    pub entity: Option<String>,
    pub year: Option<u32>,
    pub kind: Option<DocumentKind>,
    pub title: Option<String>,
    pub money_unit: Option<MoneyUnit>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Column {
    pub key: String,
    /// Printed header path, levels joined with "/".
    pub header: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Row {
    pub group: Option<String>,
    pub code: Option<String>,
    pub classification: Option<Classification>,
    pub level: Option<u8>,
    pub parent: Option<String>,
    pub name: Option<String>,
    pub line: Option<u32>,
    /// Exact decimals by column key; `None` for an empty cell.
    #[serde(serialize_with = "ser_values")]
    pub values: BTreeMap<String, Option<Decimal>>,
}

fn ser_values<S: serde::Serializer>(
    v: &BTreeMap<String, Option<Decimal>>,
    s: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut m = s.serialize_map(Some(v.len()))?;
    for (k, d) in v {
        m.serialize_entry(k, &d.map(|d| d.to_string()))?;
    }
    m.end()
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Table {
    pub number: Option<String>,
    pub title: String,
    pub kind: TableKind,
    pub entity: Option<String>,
    pub money_unit: Option<MoneyUnit>,
    pub pages: Vec<u32>,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct Section {
    pub heading: String,
    pub level: u8,
    pub pages: Vec<u32>,
    pub paragraphs: Vec<String>,
    pub children: Vec<Section>,
}

/// Any table of the document, serialized in the contract's shape for its kind.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AnyTable {
    Grid(Table),
    Performance(PerformanceTable),
    DepartmentGoals(DepartmentGoals),
}

impl AnyTable {
    pub fn as_grid(&self) -> Option<&Table> {
        match self {
            AnyTable::Grid(t) => Some(t),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Recognized {
    pub document: DocumentMeta,
    pub tables: Vec<AnyTable>,
    pub sections: Vec<Section>,
    pub warnings: Vec<String>,
}

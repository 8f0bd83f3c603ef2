//! Validation against the document's own arithmetic. Checks report; they never
//! change a figure. Tolerance: 0.01 per summand (the documents note that unit
//! conversion leaves 尾数误差).
use rust_decimal::Decimal;
use serde::Serialize;

use fiscal_recognize::{Recognized, Row, Table};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    Fail,
    Undetermined,
}

#[derive(Debug, Clone, Serialize)]
pub struct Check {
    pub rule: String,
    pub table: Option<String>,
    pub status: Status,
    pub detail: String,
    pub pages: Vec<u32>,
}

fn table_label(t: &Table) -> String {
    t.number.clone().unwrap_or_else(|| t.title.clone())
}

fn val(r: &Row, key: &str) -> Decimal {
    r.values.get(key).copied().flatten().unwrap_or_default()
}

fn tolerance(n: usize) -> Decimal {
    Decimal::new(1, 2) * Decimal::from(n.max(1) as u64)
}

/// Parent row = Σ child rows, per column, within each side of the table.
fn hierarchy(t: &Table, out: &mut Vec<Check>) {
    let keys: Vec<&str> = t.columns.iter().map(|c| c.key.as_str()).collect();
    for parent in t.rows.iter().filter(|r| r.code.is_some()) {
        let code = parent.code.as_deref().unwrap();
        let kids: Vec<&Row> = t
            .rows
            .iter()
            .filter(|r| r.group == parent.group && r.parent.as_deref() == Some(code))
            .collect();
        if kids.is_empty() {
            continue;
        }
        for k in &keys {
            if !parent.values.contains_key(*k) {
                continue;
            }
            let sum: Decimal = kids.iter().map(|r| val(r, k)).sum();
            let p = val(parent, k);
            let ok = (sum - p).abs() <= tolerance(kids.len());
            out.push(Check {
                rule: "hierarchy_sum".into(),
                table: Some(table_label(t)),
                status: if ok { Status::Pass } else { Status::Fail },
                detail: format!(
                    "{code} {} [{k}]: {p} {} Σ children {sum}",
                    parent.name.as_deref().unwrap_or(""),
                    if ok { "=" } else { "≠" }
                ),
                pages: t.pages.clone(),
            });
        }
    }
}

/// 合计 row = Σ level-1 rows, per column.
fn total_row(t: &Table, out: &mut Vec<Check>) {
    let keys: Vec<&str> = t.columns.iter().map(|c| c.key.as_str()).collect();
    let groups: Vec<Option<String>> =
        t.rows
            .iter()
            .map(|r| r.group.clone())
            .fold(Vec::new(), |mut v, g| {
                if !v.contains(&g) {
                    v.push(g);
                }
                v
            });
    for g in groups {
        let tops: Vec<&Row> = t
            .rows
            .iter()
            .filter(|r| r.group == g && r.level == Some(1))
            .collect();
        let Some(total) = t
            .rows
            .iter()
            .find(|r| r.group == g && r.code.is_none() && r.name.as_deref() == Some("合计"))
        else {
            continue;
        };
        if tops.is_empty() {
            continue;
        }
        for k in &keys {
            if !total.values.contains_key(*k) {
                continue;
            }
            let sum: Decimal = tops.iter().map(|r| val(r, k)).sum();
            let p = val(total, k);
            let ok = (sum - p).abs() <= tolerance(tops.len());
            out.push(Check {
                rule: "total_row".into(),
                table: Some(table_label(t)),
                status: if ok { Status::Pass } else { Status::Fail },
                detail: format!(
                    "合计 [{k}]: {p} {} Σ 类 rows {sum}",
                    if ok { "=" } else { "≠" }
                ),
                pages: t.pages.clone(),
            });
        }
    }
}

pub fn run_checks(doc: &Recognized) -> Vec<Check> {
    let mut out = Vec::new();
    for t in doc.tables.iter().filter_map(|t| t.as_grid()) {
        hierarchy(t, &mut out);
        total_row(t, &mut out);
    }
    out
}

//! The tables of the dataset and what one document puts in each. Keys are
//! those of the SQLite database (`--db`), with the document's sha256 where
//! SQLite has its row id: a table is (sha256, seq), a row (sha256,
//! table_seq, seq), a figure (sha256, table_seq, row_seq, column_key).
//! Every table ends with the document's year and kind, the partition keys.
use arrow_array::RecordBatch;
use fiscal_extract::{AnyTable, MoneyUnit, Output, PerformanceTable, Section};
use serde_json::Value;

use super::columns::{ColumnDef, ColumnError, Columns, Kind};
use crate::long::{self, Cell, CellKind};
use crate::name_of;

/// A table of the dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatasetTable {
    /// One row per document.
    Documents,
    /// One row per table or form, in page order.
    Tables,
    /// One row per body row of a grid table.
    Rows,
    /// One row per printed amount: the long form's figures, as the CLI's
    /// CSV (forms are in [`DatasetTable::Forms`] and [`DatasetTable::Indicators`]).
    Figures,
    /// One row per check.
    Checks,
    /// One row per form (绩效 tables), its fields as JSON.
    Forms,
    /// One row per 绩效指标 of a form, or of each project of a list of them.
    Indicators,
    /// One row per section of the narrative outline, depth first.
    Sections,
}

/// The partition keys, last in every table (hive-style folders).
pub const PARTITION_KEYS: [&str; 2] = ["year", "document_kind"];

const DOCUMENTS: &[ColumnDef] = &[
    ("sha256", Kind::Key),
    ("file", Kind::Key),
    ("pages", Kind::Int),
    ("producer", Kind::Text),
    ("entity", Kind::Text),
    ("title", Kind::Text),
    ("variant", Kind::Text),
    ("scope", Kind::Text),
    ("money_unit", Kind::Text),
    ("warnings", Kind::Texts),
    ("year", Kind::Int),
    ("document_kind", Kind::Text),
];

const TABLES: &[ColumnDef] = &[
    ("sha256", Kind::Key),
    ("seq", Kind::Int),
    ("number", Kind::Text),
    ("title", Kind::Key),
    ("kind", Kind::Key),
    ("entity", Kind::Text),
    ("money_unit", Kind::Text),
    ("pages", Kind::Ints),
    ("rows", Kind::Int),
    ("notes", Kind::Texts),
    ("year", Kind::Int),
    ("document_kind", Kind::Text),
];

const ROWS: &[ColumnDef] = &[
    ("sha256", Kind::Key),
    ("table_seq", Kind::Int),
    ("seq", Kind::Int),
    ("grp", Kind::Text),
    ("code", Kind::Text),
    ("classification", Kind::Text),
    ("economic_system", Kind::Text),
    ("level", Kind::Int),
    ("parent", Kind::Text),
    ("economic_code", Kind::Text),
    ("government_economic_code", Kind::Text),
    ("name", Kind::Text),
    ("line", Kind::Int),
    ("attributes", Kind::TextMap),
    ("page", Kind::Int),
    ("x0", Kind::Float),
    ("top", Kind::Float),
    ("x1", Kind::Float),
    ("bottom", Kind::Float),
    ("year", Kind::Int),
    ("document_kind", Kind::Text),
];

/// The long form's columns (year and document kind among them), then the keys.
const FIGURES: &[ColumnDef] = &{
    let mut defs = [("", Kind::Text); long::COLUMNS.len() + 3];
    let mut i = 0;
    while i < long::COLUMNS.len() {
        defs[i] = (
            long::COLUMNS[i],
            match long::KINDS[i] {
                CellKind::Text => Kind::Text,
                CellKind::Count => Kind::Int,
                CellKind::Amount => Kind::Amount,
                CellKind::Point => Kind::Float,
            },
        );
        i += 1;
    }
    defs[i] = ("sha256", Kind::Key);
    defs[i + 1] = ("table_seq", Kind::Int);
    defs[i + 2] = ("row_seq", Kind::Int);
    defs
};

const CHECKS: &[ColumnDef] = &[
    ("sha256", Kind::Key),
    ("seq", Kind::Int),
    ("rule", Kind::Key),
    ("table_number", Kind::Text),
    ("status", Kind::Key),
    ("detail", Kind::Key),
    ("pages", Kind::Ints),
    ("year", Kind::Int),
    ("document_kind", Kind::Text),
];

const FORMS: &[ColumnDef] = &[
    ("sha256", Kind::Key),
    ("table_seq", Kind::Int),
    ("kind", Kind::Key),
    ("title", Kind::Text),
    ("department", Kind::Text),
    ("project", Kind::Text),
    ("money_unit", Kind::Text),
    ("pages", Kind::Ints),
    ("data", Kind::Key),
    ("year", Kind::Int),
    ("document_kind", Kind::Text),
];

const INDICATORS: &[ColumnDef] = &[
    ("sha256", Kind::Key),
    ("table_seq", Kind::Int),
    ("form_seq", Kind::Int),
    ("seq", Kind::Int),
    ("project", Kind::Text),
    ("category", Kind::Text),
    ("level1", Kind::Text),
    ("level2", Kind::Text),
    ("target", Kind::Text),
    ("actual", Kind::Text),
    ("weight", Kind::Text),
    ("score", Kind::Text),
    ("nature", Kind::Text),
    ("unit", Kind::Text),
    ("data", Kind::Key),
    ("year", Kind::Int),
    ("document_kind", Kind::Text),
];

const SECTIONS: &[ColumnDef] = &[
    ("sha256", Kind::Key),
    ("seq", Kind::Int),
    ("parent_seq", Kind::Int),
    ("level", Kind::Int),
    ("heading", Kind::Key),
    ("pages", Kind::Ints),
    ("text", Kind::Key),
    ("year", Kind::Int),
    ("document_kind", Kind::Text),
];

impl DatasetTable {
    /// Every table, the documents last (a document listed there is whole).
    pub const ALL: [DatasetTable; 8] = [
        DatasetTable::Tables,
        DatasetTable::Rows,
        DatasetTable::Figures,
        DatasetTable::Checks,
        DatasetTable::Forms,
        DatasetTable::Indicators,
        DatasetTable::Sections,
        DatasetTable::Documents,
    ];

    /// The table's folder name.
    pub fn name(self) -> &'static str {
        match self {
            DatasetTable::Documents => "documents",
            DatasetTable::Tables => "tables",
            DatasetTable::Rows => "rows",
            DatasetTable::Figures => "figures",
            DatasetTable::Checks => "checks",
            DatasetTable::Forms => "forms",
            DatasetTable::Indicators => "indicators",
            DatasetTable::Sections => "sections",
        }
    }

    fn columns(self) -> &'static [ColumnDef] {
        match self {
            DatasetTable::Documents => DOCUMENTS,
            DatasetTable::Tables => TABLES,
            DatasetTable::Rows => ROWS,
            DatasetTable::Figures => FIGURES,
            DatasetTable::Checks => CHECKS,
            DatasetTable::Forms => FORMS,
            DatasetTable::Indicators => INDICATORS,
            DatasetTable::Sections => SECTIONS,
        }
    }

    /// The table's rows of `documents` (each with the input as the user named
    /// it), in one batch.
    pub fn batch<'a>(
        self,
        documents: impl IntoIterator<Item = (&'a str, &'a Output)>,
    ) -> Result<RecordBatch, ColumnError> {
        let mut columns = Columns::new(self.columns());
        for (file, out) in documents {
            let partition = Partition::of(out);
            match self {
                DatasetTable::Documents => documents_rows(&mut columns, file, out, &partition),
                DatasetTable::Tables => tables_rows(&mut columns, out, &partition),
                DatasetTable::Rows => rows_rows(&mut columns, out, &partition),
                DatasetTable::Figures => figures_rows(&mut columns, file, out)?,
                DatasetTable::Checks => checks_rows(&mut columns, out, &partition),
                DatasetTable::Forms => forms_rows(&mut columns, out, &partition),
                DatasetTable::Indicators => indicators_rows(&mut columns, out, &partition),
                DatasetTable::Sections => sections_rows(&mut columns, out, &partition),
            }
        }
        columns.finish()
    }
}

/// The long form of `documents`: exactly the CLI's CSV columns.
pub fn figures_long_form<'a>(
    documents: impl IntoIterator<Item = (&'a str, &'a Output)>,
) -> Result<RecordBatch, ColumnError> {
    let batch = DatasetTable::Figures.batch(documents)?;
    Ok(batch.project(&(0..long::COLUMNS.len()).collect::<Vec<_>>())?)
}

/// A document's partition: its year and kind.
struct Partition {
    year: Option<i64>,
    kind: Option<String>,
}

impl Partition {
    fn of(out: &Output) -> Partition {
        Partition {
            year: out.document.year.map(i64::from),
            kind: out.document.kind.as_ref().map(name_of),
        }
    }
}

trait EndWith {
    fn partition(self, p: &Partition);
}

impl EndWith for super::columns::RowWriter<'_> {
    fn partition(self, p: &Partition) {
        self.int(p.year).text(p.kind.as_deref()).end();
    }
}

fn seq(i: usize) -> Option<i64> {
    i64::try_from(i).ok()
}

fn documents_rows(c: &mut Columns, file: &str, out: &Output, p: &Partition) {
    let (source, doc) = (&out.source, &out.document);
    c.row()
        .text(Some(&source.sha256))
        .text(Some(file))
        .int(seq(source.pages))
        .text(source.producer.as_deref())
        .text(doc.entity.as_deref())
        .text(doc.title.as_deref())
        .text(doc.variant.as_ref().map(name_of).as_deref())
        .text(doc.scope.as_ref().map(name_of).as_deref())
        .text(doc.money_unit.map(MoneyUnit::as_str))
        .texts(&out.warnings)
        .partition(p);
}

/// A form's fields as its JSON has them, so that new forms and fields flow
/// through without this writer knowing them.
fn form_json(table: &AnyTable) -> Value {
    serde_json::to_value(table).unwrap_or(Value::Null)
}

fn json_text<'v>(value: &'v Value, key: &str) -> Option<&'v str> {
    value.get(key).and_then(Value::as_str)
}

fn json_pages(value: &Value) -> Vec<u32> {
    value
        .get("pages")
        .and_then(Value::as_array)
        .map(|pages| {
            pages
                .iter()
                .filter_map(|p| p.as_u64().and_then(|p| u32::try_from(p).ok()))
                .collect()
        })
        .unwrap_or_default()
}

fn tables_rows(c: &mut Columns, out: &Output, p: &Partition) {
    let sha = &out.source.sha256;
    for (i, table) in out.tables.iter().enumerate() {
        let row = c.row().text(Some(sha)).int(seq(i));
        match table.as_grid() {
            Some(t) => row
                .text(t.number.as_deref())
                .text(Some(&t.title))
                .text(Some(t.kind.as_str()))
                .text(t.entity.as_deref())
                .text(t.money_unit.map(MoneyUnit::as_str))
                .ints(&t.pages)
                .int(seq(t.rows.len()))
                .texts(&t.notes)
                .partition(p),
            None => {
                let form = form_json(table);
                row.text(None)
                    .text(json_text(&form, "title"))
                    .text(json_text(&form, "kind"))
                    .text(json_text(&form, "department"))
                    .text(json_text(&form, "money_unit"))
                    .ints(&json_pages(&form))
                    .int(None)
                    .texts::<&str>(&[])
                    .partition(p)
            }
        }
    }
}

fn rows_rows(c: &mut Columns, out: &Output, p: &Partition) {
    let sha = &out.source.sha256;
    for (t, table) in out.tables.iter().enumerate() {
        let Some(table) = table.as_grid() else {
            continue;
        };
        for (i, row) in table.rows.iter().enumerate() {
            let b = row.bbox.as_ref();
            let point = |v: Option<f32>| v.map(long::centipoints);
            c.row()
                .text(Some(sha))
                .int(seq(t))
                .int(seq(i))
                .text(row.group.as_deref())
                .text(row.code.as_deref())
                .text(row.classification.as_ref().map(name_of).as_deref())
                .text(row.economic_system.as_ref().map(name_of).as_deref())
                .int(row.level.map(i64::from))
                .text(row.parent.as_deref())
                .text(row.economic_code.as_deref())
                .text(row.government_economic_code.as_deref())
                .text(row.name.as_deref())
                .int(row.line.map(i64::from))
                .text_map(&row.attributes)
                .expect("a map of texts always appends")
                .int(b.map(|b| i64::from(b.page)))
                .float(point(b.map(|b| b.x0)))
                .float(point(b.map(|b| b.top)))
                .float(point(b.map(|b| b.x1)))
                .float(point(b.map(|b| b.bottom)))
                .partition(p);
        }
    }
}

fn figures_rows(c: &mut Columns, file: &str, out: &Output) -> Result<(), ColumnError> {
    let sha = &out.source.sha256;
    // Forms are the forms and indicators tables: their records stay out.
    for record in long::located(file, out).filter(|r| r.row.is_some()) {
        let mut row = c.row();
        for cell in &record.cells {
            row = match cell {
                // The CSV's empty text is a missing value.
                Cell::Text(t) => row.text(Some(t.as_str()).filter(|t| !t.is_empty())),
                Cell::Count(n) => row.int(n.map(i64::from)),
                Cell::Amount(d) => row.amount(d.as_ref())?,
                Cell::Point(p) => row.float(*p),
            };
        }
        row.text(Some(sha))
            .int(seq(record.table))
            .int(record.row.and_then(seq))
            .end();
    }
    Ok(())
}

fn checks_rows(c: &mut Columns, out: &Output, p: &Partition) {
    let sha = &out.source.sha256;
    for (i, check) in out.checks.iter().enumerate() {
        c.row()
            .text(Some(sha))
            .int(seq(i))
            .text(Some(check.rule.as_str()))
            .text(check.table.as_deref())
            .text(Some(&name_of(&check.status)))
            .text(Some(&check.detail))
            .ints(&check.pages)
            .partition(p);
    }
}

fn forms_rows(c: &mut Columns, out: &Output, p: &Partition) {
    let sha = &out.source.sha256;
    for (i, table) in out.tables.iter().enumerate() {
        if table.as_grid().is_some() {
            continue;
        }
        let form = form_json(table);
        c.row()
            .text(Some(sha))
            .int(seq(i))
            .text(json_text(&form, "kind"))
            .text(json_text(&form, "title"))
            .text(json_text(&form, "department"))
            .text(json_text(&form, "project"))
            .text(json_text(&form, "money_unit"))
            .ints(&json_pages(&form))
            .text(Some(&form.to_string()))
            .partition(p);
    }
}

fn indicators_rows(c: &mut Columns, out: &Output, p: &Partition) {
    let sha = &out.source.sha256;
    for (t, table) in out.tables.iter().enumerate() {
        let forms: Vec<&PerformanceTable> = match table {
            AnyTable::Performance(f) => vec![f],
            AnyTable::PerformanceList(l) => l.forms.iter().collect(),
            _ => Vec::new(),
        };
        for (form_seq, form) in forms.iter().enumerate() {
            for (i, ind) in form.indicators.iter().enumerate() {
                let data = serde_json::to_string(ind).unwrap_or_default();
                c.row()
                    .text(Some(sha))
                    .int(seq(t))
                    .int(seq(form_seq))
                    .int(seq(i))
                    .text(form.project.as_deref())
                    .text(ind.category.as_deref())
                    .text(ind.level1.as_deref())
                    .text(ind.level2.as_deref())
                    .text(ind.target.as_deref())
                    .text(ind.actual.as_deref())
                    .text(ind.weight.as_deref())
                    .text(ind.score.as_deref())
                    .text(ind.nature.as_deref())
                    .text(ind.unit.as_deref())
                    .text(Some(&data))
                    .partition(p);
            }
        }
    }
}

fn sections_rows(c: &mut Columns, out: &Output, p: &Partition) {
    fn walk(
        c: &mut Columns,
        sha: &str,
        parent: Option<i64>,
        sections: &[Section],
        next: &mut i64,
        p: &Partition,
    ) {
        for section in sections {
            let me = *next;
            *next += 1;
            c.row()
                .text(Some(sha))
                .int(Some(me))
                .int(parent)
                .int(Some(i64::from(section.level)))
                .text(Some(&section.heading))
                .ints(&section.pages)
                .text(Some(&section.paragraphs.join("\n")))
                .partition(p);
            walk(c, sha, Some(me), &section.children, next, p);
        }
    }
    walk(c, &out.source.sha256, None, &out.sections, &mut 0, p);
}

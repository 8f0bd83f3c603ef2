//! `--db FILE.sqlite`: every document loaded into SQLite, one transaction
//! per document. A document is keyed by the sha256 of its file: loading it
//! again replaces it (its tables, rows, figures, checks and sections go with
//! it), so re-running a batch never duplicates. The schema is in
//! [`SCHEMA`] and, with example queries, in the README.
use std::path::Path;

use fiscal_extract::{AnyTable, MoneyUnit, Output, PageBox, PerformanceTable, Section};
use rusqlite::{params, Connection, Transaction};
use rust_decimal::prelude::ToPrimitive;

use crate::long::centipoints;
use crate::name_of;

/// The tables, created when missing. Enum-like columns hold the JSON names
/// (`kind = 'three_public_expenses'`, `status = 'fail'`); lists of pages and
/// warnings are JSON arrays.
pub const SCHEMA: &str = "
PRAGMA foreign_keys = ON;
CREATE TABLE IF NOT EXISTS documents (
    id          INTEGER PRIMARY KEY,
    sha256      TEXT NOT NULL UNIQUE,   -- of the PDF file: the document's identity
    file        TEXT NOT NULL,          -- the input as named when last loaded
    pages       INTEGER NOT NULL,
    producer    TEXT,
    entity      TEXT,                   -- 单位/部门 as printed
    year        INTEGER,
    kind        TEXT,                   -- final_accounts (决算) | budget (预算)
    title       TEXT,
    money_unit  TEXT,
    warnings    TEXT NOT NULL           -- JSON array
);
CREATE TABLE IF NOT EXISTS tables (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,       -- order in the document, from 0
    number      TEXT,                   -- 表2
    title       TEXT NOT NULL,
    kind        TEXT NOT NULL,          -- income, three_public_expenses, …, unknown
    entity      TEXT,
    money_unit  TEXT,
    pages       TEXT NOT NULL,          -- JSON array
    data        TEXT NOT NULL           -- the table's JSON (forms keep their fields here)
);
CREATE TABLE IF NOT EXISTS rows (
    id             INTEGER PRIMARY KEY,
    table_id       INTEGER NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,
    grp            TEXT,                -- side of a two-sided table (收入/支出)
    code           TEXT,                -- 科目编码
    classification TEXT,                -- functional (功能分类) | economic (经济分类)
    level          INTEGER,             -- 1 类, 2 款, 3 项
    parent         TEXT,
    name           TEXT,
    item           TEXT,                -- vocabulary key of the row, in a 三公 table listing its items as rows
    period         TEXT NOT NULL DEFAULT 'current', -- where the row names a year (深圳: 2025 年, 2026 年)
    measure        TEXT,                -- where the row names a measure not its table's own (a 决算's 预算数 row)
    line           INTEGER,             -- 行次
    page           INTEGER,             -- where the row is printed: page and box in
    x0 REAL, top REAL, x1 REAL, bottom REAL  -- points from the page's top-left (pdfplumber's)
);
CREATE TABLE IF NOT EXISTS figures (
    row_id      INTEGER NOT NULL REFERENCES rows(id) ON DELETE CASCADE,
    column_key  TEXT NOT NULL,          -- the vocabulary's key (README: column keys)
    header      TEXT NOT NULL,          -- printed header path, levels joined by /
    period      TEXT NOT NULL DEFAULT 'current', -- current | prior_year | change (the row's where it names one)
    value       TEXT NOT NULL,          -- exact decimal as printed
    amount      REAL NOT NULL,          -- the same as a number, for arithmetic
    page        INTEGER,                -- where the figure is printed: page and box in
    x0 REAL, top REAL, x1 REAL, bottom REAL, -- points from the page's top-left (pdfplumber's)
    PRIMARY KEY (row_id, column_key)
);
CREATE TABLE IF NOT EXISTS checks (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    rule        TEXT NOT NULL,
    table_number TEXT,
    status      TEXT NOT NULL,          -- pass | fail | undetermined | skipped
    detail      TEXT NOT NULL,
    pages       TEXT NOT NULL,          -- JSON array
    figures     TEXT                    -- JSON array: the figures compared, with page and box
);
CREATE TABLE IF NOT EXISTS sections (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    parent_id   INTEGER REFERENCES sections(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,       -- order in the document, from 0
    level       INTEGER NOT NULL,
    heading     TEXT NOT NULL,
    pages       TEXT NOT NULL,          -- JSON array
    text        TEXT NOT NULL           -- paragraphs, one per line
);
CREATE TABLE IF NOT EXISTS indicators (
    table_id    INTEGER NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
    form_seq    INTEGER NOT NULL,       -- the form in a list of projects (0 for a single form)
    seq         INTEGER NOT NULL,       -- the indicator in its form
    project     TEXT,                   -- 项目名称 of its form
    category    TEXT,                   -- top level (产出指标 …)
    level1      TEXT,                   -- middle level (数量指标 …)
    level2      TEXT,                   -- the indicator
    target      TEXT,                   -- 指标值 / 年度指标值
    actual      TEXT,
    weight      TEXT,                   -- 分值
    score       TEXT,
    nature      TEXT,                   -- 指标性质
    unit        TEXT,                   -- 度量单位
    data        TEXT NOT NULL           -- the indicator's JSON
);
CREATE INDEX IF NOT EXISTS indicators_table ON indicators(table_id);
CREATE INDEX IF NOT EXISTS tables_document ON tables(document_id);
CREATE INDEX IF NOT EXISTS tables_kind ON tables(kind);
CREATE INDEX IF NOT EXISTS rows_table ON rows(table_id);
CREATE INDEX IF NOT EXISTS rows_code ON rows(code);
CREATE INDEX IF NOT EXISTS checks_document ON checks(document_id);
CREATE INDEX IF NOT EXISTS sections_document ON sections(document_id);
";

/// An open database.
pub struct Db {
    conn: Connection,
}

impl Db {
    /// Opens (creating if needed) the database and its tables.
    pub fn open(path: &Path) -> Result<Db, String> {
        let fail =
            |e: rusqlite::Error| format!("{}: cannot open the database: {e}", path.display());
        let conn = Connection::open(path).map_err(fail)?;
        conn.busy_timeout(std::time::Duration::from_secs(30))
            .map_err(fail)?;
        conn.execute_batch(SCHEMA).map_err(fail)?;
        add_missing_columns(&conn).map_err(fail)?;
        Ok(Db { conn })
    }

    /// Loads one document, replacing an earlier load of the same file.
    pub fn load(&mut self, file: &str, out: &Output) -> Result<(), String> {
        let tx = self
            .conn
            .transaction()
            .map_err(|e| format!("database: {e}"))?;
        insert_document(&tx, file, out)
            .and_then(|()| tx.commit())
            .map_err(|e| format!("database: cannot load {file}: {e}"))
    }
}

/// Columns added since the first schema, added to a database made before them.
fn add_missing_columns(conn: &Connection) -> rusqlite::Result<()> {
    let place = PLACE_COLUMNS.as_slice();
    let period = ("period", "TEXT NOT NULL DEFAULT 'current'");
    for (table, columns) in [
        ("rows", place),
        ("rows", &[("item", "TEXT"), period, ("measure", "TEXT")]),
        ("figures", place),
        ("figures", &[period]),
        ("checks", &[("figures", "TEXT")]),
    ] {
        let mut info = conn.prepare(&format!("PRAGMA table_info({table})"))?;
        let have: Vec<String> = info
            .query_map([], |r| r.get::<_, String>(1))?
            .collect::<Result<_, _>>()?;
        for (column, kind) in columns {
            if !have.iter().any(|h| h == column) {
                conn.execute_batch(&format!("ALTER TABLE {table} ADD COLUMN {column} {kind}"))?;
            }
        }
    }
    Ok(())
}

/// The columns that place a row or a figure on its page.
const PLACE_COLUMNS: [(&str, &str); 5] = [
    ("page", "INTEGER"),
    ("x0", "REAL"),
    ("top", "REAL"),
    ("x1", "REAL"),
    ("bottom", "REAL"),
];

/// A box's page and coordinates as SQL values (all NULL without a box).
fn place(b: Option<&PageBox>) -> (Option<u32>, [Option<f64>; 4]) {
    match b {
        Some(b) => (
            Some(b.page),
            [b.x0, b.top, b.x1, b.bottom].map(|v| Some(centipoints(v))),
        ),
        None => (None, [None; 4]),
    }
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

fn insert_document(tx: &Transaction, file: &str, out: &Output) -> rusqlite::Result<()> {
    let (source, doc) = (&out.source, &out.document);
    tx.execute("DELETE FROM documents WHERE sha256 = ?1", [&source.sha256])?;
    tx.execute(
        "INSERT INTO documents (sha256, file, pages, producer, entity, year, kind, title, money_unit, warnings)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            source.sha256,
            file,
            source.pages as i64,
            source.producer,
            doc.entity,
            doc.year,
            doc.kind.as_ref().map(name_of),
            doc.title,
            doc.money_unit.map(MoneyUnit::as_str),
            json(&out.warnings),
        ],
    )?;
    let document_id = tx.last_insert_rowid();
    for (seq, table) in out.tables.iter().enumerate() {
        insert_table(tx, document_id, seq, table)?;
    }
    let mut check = tx.prepare_cached(
        "INSERT INTO checks (document_id, rule, table_number, status, detail, pages, figures)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for c in &out.checks {
        check.execute(params![
            document_id,
            c.rule.as_str(),
            c.table,
            name_of(&c.status),
            c.detail,
            json(&c.pages),
            (!c.figures.is_empty()).then(|| json(&c.figures))
        ])?;
    }
    let mut seq = 0;
    for section in &out.sections {
        insert_section(tx, document_id, None, section, &mut seq)?;
    }
    Ok(())
}

fn insert_table(
    tx: &Transaction,
    document_id: i64,
    seq: usize,
    table: &AnyTable,
) -> rusqlite::Result<()> {
    let (number, title, kind, entity, unit, pages) = match table {
        AnyTable::Grid(t) => (
            t.number.clone(),
            &t.title,
            t.kind,
            t.entity.clone(),
            t.money_unit,
            &t.pages,
        ),
        AnyTable::Performance(p) => (
            None,
            &p.title,
            p.kind,
            p.department.clone(),
            p.money_unit,
            &p.pages,
        ),
        AnyTable::DepartmentGoals(g) => {
            (None, &g.title, g.kind, g.department.clone(), None, &g.pages)
        }
        AnyTable::PerformanceList(l) => (None, &l.title, l.kind, None, l.money_unit, &l.pages),
    };
    tx.prepare_cached(
        "INSERT INTO tables (document_id, seq, number, title, kind, entity, money_unit, pages, data)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        document_id,
        seq as i64,
        number,
        title,
        kind.as_str(),
        entity,
        unit.map(MoneyUnit::as_str),
        json(pages),
        json(table)
    ])?;
    let forms: Vec<&PerformanceTable> = match table {
        AnyTable::Performance(p) => vec![p],
        AnyTable::PerformanceList(l) => l.forms.iter().collect(),
        _ => Vec::new(),
    };
    if !forms.is_empty() {
        return insert_indicators(tx, tx.last_insert_rowid(), &forms);
    }
    let Some(grid) = table.as_grid() else {
        return Ok(());
    };
    let table_id = tx.last_insert_rowid();
    let mut row_stmt = tx.prepare_cached(
        "INSERT INTO rows (table_id, seq, grp, code, classification, level, parent, name, item,
                           period, measure, line, page, x0, top, x1, bottom)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )?;
    let mut figure = tx.prepare_cached(
        "INSERT INTO figures (row_id, column_key, header, period, value, amount, page, x0, top, x1, bottom)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for (seq, row) in grid.rows.iter().enumerate() {
        let (page, [x0, top, x1, bottom]) = place(row.bbox.as_ref());
        row_stmt.execute(params![
            table_id,
            seq as i64,
            row.group,
            row.code,
            row.classification.as_ref().map(name_of),
            row.level,
            row.parent,
            row.name,
            row.item,
            row.period.as_str(),
            row.measure,
            row.line,
            page,
            x0,
            top,
            x1,
            bottom
        ])?;
        let row_id = tx.last_insert_rowid();
        for column in &grid.columns {
            if let Some(Some(value)) = row.values.get(&column.key) {
                let (page, [x0, top, x1, bottom]) = place(row.value_bboxes.get(&column.key));
                figure.execute(params![
                    row_id,
                    column.key,
                    column.header,
                    if row.period.is_current() {
                        column.period.as_str()
                    } else {
                        row.period.as_str()
                    },
                    value.to_string(),
                    value.to_f64(),
                    page,
                    x0,
                    top,
                    x1,
                    bottom
                ])?;
            }
        }
    }
    Ok(())
}

fn insert_section(
    tx: &Transaction,
    document_id: i64,
    parent: Option<i64>,
    section: &Section,
    seq: &mut i64,
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO sections (document_id, parent_id, seq, level, heading, pages, text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        document_id,
        parent,
        *seq,
        section.level,
        section.heading,
        json(&section.pages),
        section.paragraphs.join("\n")
    ])?;
    *seq += 1;
    let id = tx.last_insert_rowid();
    for child in &section.children {
        insert_section(tx, document_id, Some(id), child, seq)?;
    }
    Ok(())
}

/// The indicators of a form, or of each form of a list, one row each.
fn insert_indicators(
    tx: &Transaction,
    table_id: i64,
    forms: &[&PerformanceTable],
) -> rusqlite::Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO indicators (table_id, form_seq, seq, project, category, level1, level2,
         target, actual, weight, score, nature, unit, data)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?;
    for (form_seq, f) in forms.iter().enumerate() {
        for (seq, i) in f.indicators.iter().enumerate() {
            stmt.execute(params![
                table_id,
                form_seq as i64,
                seq as i64,
                f.project,
                i.category,
                i.level1,
                i.level2,
                i.target,
                i.actual,
                i.weight,
                i.score,
                i.nature,
                i.unit,
                json(i)
            ])?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_made_before_boxes_gets_their_columns() {
        let dir = std::env::temp_dir().join(format!("fiscal-db-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("old.sqlite");
        let _ = std::fs::remove_file(&path);
        let old = Connection::open(&path).unwrap();
        old.execute_batch(
            "CREATE TABLE rows (id INTEGER PRIMARY KEY, table_id INTEGER, seq INTEGER, grp TEXT,
               code TEXT, classification TEXT, level INTEGER, parent TEXT, name TEXT, line INTEGER);
             CREATE TABLE figures (row_id INTEGER, column_key TEXT, header TEXT, value TEXT,
               amount REAL, PRIMARY KEY (row_id, column_key));
             CREATE TABLE checks (id INTEGER PRIMARY KEY, document_id INTEGER, rule TEXT,
               table_number TEXT, status TEXT, detail TEXT, pages TEXT);",
        )
        .unwrap();
        drop(old);
        let db = Db::open(&path).unwrap();
        for table in ["rows", "figures"] {
            let sql = format!("SELECT page, x0, top, x1, bottom FROM {table}");
            assert!(db.conn.prepare(&sql).is_ok(), "{table}");
        }
        assert!(db.conn.prepare("SELECT figures FROM checks").is_ok());
        drop(db);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

//! A table while it is being assembled: what its title said, the grids' rows
//! read so far (or a form's pieces), its notes; and the finished table.
use fiscal_layout::lines::TextLine;

use super::trace::TableName;
use crate::forms::PerfPiece;
use crate::header::{is_total_label, Role, TableModel};
use crate::model::{Column, MoneyUnit, Row, Table, TableKind};
use crate::narrative::NarrativeLine;
use crate::place::PageBox;
use crate::rows::{classify_rows, note_of_row, RawRow};
use crate::title::kind::kind_of_title;

#[derive(Debug, Default, Clone)]
pub(super) struct OpenTable {
    pub number: Option<String>,
    pub title: String,
    pub kind: TableKind,
    pub entity: Option<String>,
    pub money_unit: Option<MoneyUnit>,
    pub pages: Vec<u32>,
    /// Where its grids are printed, one box per page.
    pub bboxes: Vec<PageBox>,
    pub model: Option<TableModel>,
    pub raw: Vec<RawRow>,
    pub notes: Vec<String>,
    /// Set when a note was read: no further grids belong to this table.
    pub noted: bool,
    /// Performance tables are read as forms from their pieces.
    pub pieces: Vec<(u32, PerfPiece)>,
    /// The printed title lines, given back to the narrative when no table follows.
    pub title_lines: Vec<NarrativeLine>,
    /// Where in the narrative the title lines stood.
    pub narrative_at: usize,
    /// Lines read since the title (a title followed at once by another is a
    /// list of table names, not a table).
    pub lines_since_title: usize,
    /// The title ended its page: its grid must head the next one.
    pub grid_on_next_page: bool,
}

impl OpenTable {
    pub fn new(number: Option<String>, title: String, page: u32) -> Self {
        let kind = kind_of_title(&title).unwrap_or(TableKind::Unknown);
        OpenTable {
            number,
            title,
            kind,
            pages: vec![page],
            ..Default::default()
        }
    }

    pub fn name(&self) -> TableName {
        TableName {
            number: self.number.clone(),
            title: self.title.clone(),
        }
    }

    pub fn is_form(&self) -> bool {
        self.kind.is_form()
    }

    pub fn has_body(&self) -> bool {
        self.model.is_some() || !self.pieces.is_empty()
    }

    pub fn into_table(self, columns: Vec<Column>, rows: Vec<Row>) -> Table {
        Table {
            number: self.number,
            title: self.title,
            kind: self.kind,
            entity: self.entity,
            money_unit: self.money_unit,
            pages: self.pages,
            columns,
            text_columns: Vec::new(),
            rows,
            notes: self.notes,
            bboxes: self.bboxes,
        }
    }

    /// The finished table of a grid: rows classified by `model`, and a 合计
    /// row repeated under a continuation page's repeated header dropped (a
    /// blank 小计 of another section is a row of its own).
    pub fn into_grid_table(mut self, model: TableModel, warnings: &mut Vec<String>) -> Table {
        let (notes, raw): (Vec<RawRow>, Vec<RawRow>) = std::mem::take(&mut self.raw)
            .into_iter()
            .partition(|r| note_of_row(r).is_some());
        // A note ruled inside the grid comes before the notes printed under it.
        let under = std::mem::take(&mut self.notes);
        self.notes = notes.iter().filter_map(note_of_row).chain(under).collect();
        let mut rows = classify_rows(&model, &raw, self.kind.default_classification(), warnings);
        let mut seen = Vec::new();
        rows.retain(|r| {
            if r.code.is_none()
                && r.name.as_deref().is_some_and(is_total_label)
                && r.values.values().any(Option::is_some)
            {
                let k = (r.group.clone(), r.name.clone(), r.line, r.values.clone());
                if seen.contains(&k) {
                    return false;
                }
                seen.push(k);
            }
            true
        });
        let columns = model.columns_of(Role::Value);
        let mut table = self.into_table(columns, rows);
        table.text_columns = model.columns_of(Role::Attribute);
        table
    }
}

/// A free line as the narrative keeps it.
pub(super) fn narrative_line(line: &TextLine, page: u32, page_width: f32) -> NarrativeLine {
    NarrativeLine {
        page,
        page_width,
        line: line.clone(),
    }
}

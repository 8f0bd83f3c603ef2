//! Following tables through the page sequence: a title opens a table, its
//! unit line gives entity and money unit, grids fill it (a grid at the head of
//! the next page continues it, its repeated header rows dropped and a row cut
//! by the page break stitched), notes close it. Everything else is narrative.
use std::sync::OnceLock;

use fiscal_layout::blocks::{Block, PageBlocks};
use fiscal_layout::grid::CellGrid;
use fiscal_layout::lines::TextLine;
use regex::Regex;

use crate::forms::{read_form, LooseLine, LooseText, PerfPiece};
use crate::header::{
    body_start, build_model, continuation_body_start, is_total_label, Role, TableModel,
};
use crate::kind::{kind_of_title, looks_like_title};
use crate::model::{AnyTable, Column, MoneyUnit, Table, TableKind};
use crate::narrative::NarrativeLine;
use crate::numbering::numbering_level;
use crate::rows::{classify_rows, grid_rows, is_cut_continuation, stitch, RawRow};
use crate::text::compact;

#[derive(Debug, Default)]
pub struct Assembled {
    pub tables: Vec<AnyTable>,
    pub narrative: Vec<NarrativeLine>,
    pub warnings: Vec<String>,
}

#[derive(Debug, Default)]
struct OpenTable {
    number: Option<String>,
    title: String,
    kind: TableKind,
    entity: Option<String>,
    money_unit: Option<MoneyUnit>,
    pages: Vec<u32>,
    model: Option<TableModel>,
    raw: Vec<RawRow>,
    notes: Vec<String>,
    /// Set when a note was read: no further grids belong to this table.
    noted: bool,
    /// Performance tables are read as forms from their pieces.
    pieces: Vec<(u32, PerfPiece)>,
}

impl OpenTable {
    fn new(number: Option<String>, title: String, page: u32) -> Self {
        let kind = kind_of_title(&title).unwrap_or(TableKind::Unknown);
        OpenTable {
            number,
            title,
            kind,
            pages: vec![page],
            ..Default::default()
        }
    }

    fn is_form(&self) -> bool {
        self.kind.is_form()
    }
    fn has_body(&self) -> bool {
        self.model.is_some() || !self.pieces.is_empty()
    }

    fn into_table(self, columns: Vec<Column>, rows: Vec<crate::model::Row>) -> Table {
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
        }
    }
}

fn number_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^(附?表\d+(?:-\d+)?)").unwrap())
}

fn unit_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?:编制单位|编制部门|单位名称|部门名称|预算单位|金额单位|单位|部门)[：:]")
            .unwrap()
    })
}

/// Entity and money unit from a "单位：… 单位：万元" line, if it is one.
pub fn parse_unit_line(text: &str) -> Option<(Option<String>, Option<MoneyUnit>)> {
    let text = text.trim_start();
    let matches: Vec<_> = unit_re().find_iter(text).collect();
    if matches.is_empty() || matches[0].start() > 0 {
        return None;
    }
    let (mut entity, mut unit) = (None, None);
    for (i, m) in matches.iter().enumerate() {
        let end = matches.get(i + 1).map_or(text.len(), |n| n.start());
        let value = compact(&text[m.end()..end]);
        if value.is_empty() {
            continue;
        }
        if let Some(u) = MoneyUnit::parse(&value) {
            unit = Some(u);
        } else {
            entity = Some(value);
        }
    }
    Some((entity, unit))
}

/// A grid whose top row is one cell holding a title (Excel exports put it there).
fn caption_title(grid: &CellGrid) -> Option<String> {
    let cells: Vec<_> = grid.row_cells(0).collect();
    (cells.len() == 1 && cells[0].col1 - cells[0].col0 == grid.cols())
        .then(|| compact(&cells[0].text))
        .filter(|t| looks_like_title(t))
}

/// A line that ends a form: a title, an outline heading at the margin, a
/// paragraph line across the page, a table number.
/// `form_left` is where the form's multi-cell lines begin: a single run of text
/// starting further left is the narrative again.
fn ends_form(line: &TextLine, text: &str, page: &PageBlocks, form_left: f32) -> bool {
    // One run of text even at narrow gaps (two form cells side by side are two).
    let single = line.chunks.len() == 1 && line.fine_chunks.len() <= 1;
    let size = line.size().max(1.0);
    looks_like_title(text)
        || single && form_left < f32::MAX && line.x0() < form_left - 0.8 * size
        || number_re().is_match(text)
        || single && numbering_level(text).is_some() && line.x0() < page.width * 0.2
        || single && line.x1() - line.x0() > 0.7 * page.width
}

/// The last row of a form: 总分 of a 项目支出绩效自评表, the budget completion
/// rate of a 部门整体 table. Nothing after it belongs to the form.
fn is_form_end(text: &str) -> bool {
    text.contains("总分") || text.contains("预期预算完成率")
}

/// A text line as loose form text, split at the given chunks.
fn loose_line(l: &TextLine, chunks: &[fiscal_layout::lines::Chunk]) -> LooseLine {
    LooseLine {
        top: l.top,
        bottom: l.bottom,
        texts: chunks
            .iter()
            .map(|c| LooseText {
                x0: c.x0,
                x1: c.x1,
                top: c.top,
                text: c.text.clone(),
            })
            .collect(),
    }
}

struct Walker {
    out: Assembled,
    /// Left edge of the current form's multi-cell lines and grids.
    form_left: f32,
    /// The current form's last row has been read.
    form_done: bool,
    /// Lines at the head of a page while a form table may continue there.
    pending_loose: Vec<(u32, f32, TextLine)>,
    current: Option<OpenTable>,
    pending_number: Option<String>,
    /// The page the current table last took a grid from.
    last_grid_page: u32,
}

impl Walker {
    /// Moves held-back lines into the form, one loose piece per page.
    fn flush_loose(t: &mut OpenTable, pending: &mut Vec<(u32, f32, TextLine)>) {
        let mut held = std::mem::take(pending).into_iter().peekable();
        while let Some((p, _, first)) = held.next() {
            let mut lines = vec![loose_line(&first, &first.fine_chunks)];
            while let Some((_, _, l)) = held.next_if(|(q, _, _)| *q == p) {
                lines.push(loose_line(&l, &l.fine_chunks));
            }
            if !t.pages.contains(&p) {
                t.pages.push(p);
            }
            t.pieces.push((p, PerfPiece::Loose(lines)));
        }
    }

    fn finish(&mut self) {
        let Some(mut t) = self.current.take() else {
            return;
        };
        if t.is_form() {
            // Lines held back since the last grid are the form's own (unruled rows).
            Self::flush_loose(&mut t, &mut self.pending_loose);
            let form = read_form(t.kind, t.title, t.pages, t.money_unit, &t.pieces);
            self.out.tables.push(form.into());
            return;
        }
        let Some(model) = t.model.take() else {
            // A title with no grid after it (e.g. "本表本年度无发生额" with no table).
            if !t.title.is_empty() {
                self.out
                    .tables
                    .push(AnyTable::Grid(t.into_table(Vec::new(), Vec::new())));
            }
            return;
        };
        let mut rows = classify_rows(
            &model,
            &t.raw,
            t.kind.default_classification(),
            &mut self.out.warnings,
        );
        // A 合计 row repeated under a continuation page's repeated header (a
        // blank 小计 of another section is a row of its own).
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
        let mut table = t.into_table(columns, rows);
        table.text_columns = model.columns_of(Role::Attribute);
        self.out.tables.push(AnyTable::Grid(table));
    }

    fn open(&mut self, number: Option<String>, title: String, page: u32) {
        self.finish();
        self.form_left = f32::MAX;
        self.form_done = false;
        self.current = Some(OpenTable::new(number, title, page));
    }

    fn grid(&mut self, grid: &CellGrid, page: u32) {
        // Narrative and titles close or replace the current table, so an open one
        // without notes continues on the same or the next page.
        let continues = self.current.as_ref().is_some_and(|t| {
            !t.noted
                && (t.model.is_none()
                    || page == self.last_grid_page
                    || page == self.last_grid_page + 1)
        });
        if !continues {
            self.finish();
            // A "表N" line waits for its title; a grid without a title does not take it.
            let title = caption_title(grid).unwrap_or_default();
            let number = if title.is_empty() {
                None
            } else {
                self.pending_number.take()
            };
            self.current = Some(OpenTable::new(number, title, page));
        }
        let t = self.current.as_mut().unwrap();
        if !t.pages.contains(&page) {
            t.pages.push(page);
        }
        if t.is_form() {
            self.form_left = self
                .form_left
                .min(grid.x_edges.first().copied().unwrap_or(f32::MAX));
            self.form_done |= grid.cells.iter().any(|c| is_form_end(&compact(&c.text)));
            Self::flush_loose(t, &mut self.pending_loose);
            // An unruled grid in a form is form text read by alignment: the form reader regroups it.
            let piece = if grid.ruled {
                PerfPiece::Grid(grid.clone())
            } else {
                PerfPiece::Loose(
                    grid.source_lines
                        .iter()
                        .map(|l| loose_line(l, &l.chunks))
                        .collect(),
                )
            };
            t.pieces.push((page, piece));
            self.last_grid_page = page;
            return;
        }
        let start = match &t.model {
            None => {
                let start = body_start(grid);
                t.model = Some(build_model(grid, start, t.kind.side_labels()));
                start
            }
            Some(model) => continuation_body_start(grid, model),
        };
        let model = t.model.as_ref().unwrap();
        let mut rows = grid_rows(grid, start, model, page).into_iter();
        if continues && t.raw.last().is_some_and(|r| r.page != page) {
            if let Some(first) = rows.next() {
                let prev = t.raw.last_mut().unwrap();
                if is_cut_continuation(model, prev, &first) {
                    stitch(prev, first);
                } else {
                    t.raw.push(first);
                }
            }
        }
        t.raw.extend(rows);
        self.last_grid_page = page;
    }

    fn line(&mut self, line: &TextLine, page: &PageBlocks, next: Option<&Block>) {
        let text = compact(&line.text());
        // A form (绩效 table) takes every line until one that cannot be part of it:
        // ruled or not, cut by page breaks or not, its rows are read from them.
        if self.current.as_ref().is_some_and(|t| t.is_form()) {
            if let Some((_, Some(unit))) = parse_unit_line(&line.text()) {
                if let Some(t) = self.current.as_mut() {
                    t.money_unit.get_or_insert(unit);
                }
                return;
            }
            if !self.form_done && !ends_form(line, &text, page, self.form_left) {
                if line.fine_chunks.len() >= 2 {
                    self.form_left = self.form_left.min(line.x0());
                }
                self.form_done = is_form_end(&text);
                self.pending_loose
                    .push((page.number, page.width, line.clone()));
                return;
            }
            self.finish();
        }
        if let Some(m) = number_re().find(&text) {
            let rest = &text[m.end()..];
            if rest.is_empty() {
                self.pending_number = Some(m.as_str().to_string());
                return;
            }
            if looks_like_title(rest) {
                self.open(Some(m.as_str().to_string()), rest.to_string(), page.number);
                return;
            }
        }
        if looks_like_title(&text)
            && (kind_of_title(&text).is_some() || matches!(next, Some(Block::Grid(_))))
        {
            let number = self.pending_number.take();
            self.open(number, text, page.number);
            return;
        }
        if let Some((entity, unit)) = parse_unit_line(&line.text()) {
            if let Some(t) = self.current.as_mut().filter(|t| t.model.is_none()) {
                t.entity = entity.or(t.entity.take());
                t.money_unit = unit.or(t.money_unit.take());
                return;
            }
        }
        if let Some(t) = self
            .current
            .as_mut()
            .filter(|t| t.model.is_some() || t.noted)
        {
            let continues_note =
                t.notes.last().is_some_and(|n| !n.ends_with('。')) && !text.starts_with('注');
            let numbered = text.chars().next().is_some_and(|c| c.is_ascii_digit())
                && text.chars().nth(1).is_some_and(|c| c == '.' || c == '、');
            if text.starts_with('注')
                || (t.noted && numbered)
                || text.starts_with("说明：")
                || text.contains("本表")
            {
                t.notes.push(text);
                t.noted = true;
                return;
            }
            if continues_note && t.noted {
                if let Some(n) = t.notes.last_mut() {
                    n.push_str(&text);
                }
                return;
            }
        }
        if self.current.as_ref().is_some_and(|t| t.has_body()) {
            self.finish();
        }
        self.pending_number = None;
        self.out.narrative.push(NarrativeLine {
            page: page.number,
            page_width: page.width,
            line: line.clone(),
        });
    }
}

/// Walks all pages' blocks, assembling tables and collecting narrative lines.
pub fn assemble(pages: &[PageBlocks]) -> Assembled {
    let mut w = Walker {
        out: Assembled::default(),
        form_left: f32::MAX,
        form_done: false,
        pending_loose: Vec::new(),
        current: None,
        pending_number: None,
        last_grid_page: 0,
    };
    // A contents list (目录, over a page or two) repeats the outline; its entries
    // are not the sections. It ends where its first entry comes again as the
    // body's first heading.
    let mut contents: Option<(u32, Option<String>)> = None;
    for page in pages {
        for (i, block) in page.blocks.iter().enumerate() {
            if let Block::Line(l) = block {
                let text = compact(&l.text());
                if text == "目录" {
                    contents = Some((page.number, None));
                    continue;
                }
                if let Some((start, first)) = &mut contents {
                    match first {
                        None => *first = Some(text),
                        Some(f) if *f == text && page.number > *start => contents = None,
                        _ if page.number > *start + 3 => contents = None,
                        _ => {}
                    }
                    if contents.is_some() {
                        continue;
                    }
                }
            }
            match block {
                Block::Grid(g) => w.grid(g, page.number),
                Block::Line(l) => w.line(l, page, page.blocks.get(i + 1)),
            }
        }
    }
    w.finish();
    w.out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_lines() {
        assert_eq!(
            parse_unit_line("单位：中国共产党广州市海珠区委员会组织部 单位：万元"),
            Some((
                Some("中国共产党广州市海珠区委员会组织部".into()),
                Some(MoneyUnit::TenThousandYuan)
            ))
        );
        assert_eq!(
            parse_unit_line("单位：广州市海珠区城市管理和综合执法局单位：万元"),
            Some((
                Some("广州市海珠区城市管理和综合执法局".into()),
                Some(MoneyUnit::TenThousandYuan)
            ))
        );
        assert_eq!(
            parse_unit_line("金额单位：万元"),
            Some((None, Some(MoneyUnit::TenThousandYuan)))
        );
        assert_eq!(parse_unit_line("本单位：负责"), None);
    }
}

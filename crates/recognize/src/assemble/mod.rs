//! Following tables through the page sequence: a title opens a table, its
//! unit line gives entity and money unit, grids fill it (a grid at the head of
//! the next page continues it, its repeated header rows dropped and a row cut
//! by the page break stitched), notes close it. Everything else is narrative.

use fiscal_layout::blocks::{Block, PageBlocks};
use fiscal_layout::grid::CellGrid;
use fiscal_layout::lines::TextLine;

use crate::contents::{read_contents, Contents};
use crate::forms::{read_form, LooseLine, LooseText, PerfPiece};
use crate::header::{
    body_start, build_model, continuation_body_start, is_total_label, Role, TableModel,
};
use crate::model::{AnyTable, Column, MoneyUnit, Table, TableKind};
use crate::narrative::NarrativeLine;
use crate::numbering::numbering_level;
use crate::rows::{classify_rows, grid_rows, is_cut_continuation, stitch, RawRow};
use crate::text::compact;
use crate::title::companions::{
    after_title, is_title_companion, parse_unit_line, trailing_unit, AfterTitle,
};
use crate::title::kind::kind_of_title;
use crate::title::shape::{
    caption_title, is_table_set, is_title_tail, looks_like_title, number_re, same_title,
    split_title,
};

#[derive(Debug, Default)]
pub struct Assembled {
    pub tables: Vec<AnyTable>,
    pub narrative: Vec<NarrativeLine>,
    pub warnings: Vec<String>,
    /// The document's 目录, read before the walk.
    pub contents: Contents,
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
    /// The printed title lines, given back to the narrative when no table follows.
    title_lines: Vec<NarrativeLine>,
    /// Where in the narrative the title lines stood.
    narrative_at: usize,
    /// Lines read since the title (a title followed at once by another is a
    /// list of table names, not a table).
    lines_since_title: usize,
    /// The title ended its page: its grid must head the next one.
    grid_on_next_page: bool,
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

/// A line that ends a form: a title, an outline heading at the margin, a
/// paragraph line across the page, a table number.
/// `form_left` is where the form's multi-cell lines begin: a single run of text
/// starting further left and reaching into the form's columns is the narrative
/// again (one that ends before them is a label of the form's margin column).
fn ends_form(line: &TextLine, text: &str, page: &PageBlocks, form_left: f32) -> bool {
    // One run of text even at narrow gaps (two form cells side by side are two).
    let single = line.chunks.len() == 1 && line.fine_chunks.len() <= 1;
    let size = line.size().max(1.0);
    looks_like_title(text)
        || single
            && form_left < f32::MAX
            && line.x0() < form_left - 0.8 * size
            && line.x1() > form_left
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
    /// The current table's title was printed again at the head of a
    /// continuation page: its unit line and header follow.
    repeated_head: bool,
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
            // A title with no grid after it: a table of a known kind printed
            // empty ("本表本年度无发生额"); otherwise the line was not a title (a
            // heading, an entry of a list of table names) and is narrative again.
            if t.kind != TableKind::Unknown && t.lines_since_title > 0 {
                self.out
                    .tables
                    .push(AnyTable::Grid(t.into_table(Vec::new(), Vec::new())));
            } else {
                self.title_to_narrative(t);
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

    /// The title lines of a table that never came, back at their place in the
    /// narrative.
    fn title_to_narrative(&mut self, t: OpenTable) {
        let at = t.narrative_at.min(self.out.narrative.len());
        self.out.narrative.splice(at..at, t.title_lines);
    }

    /// The open table if it is only a title with nothing read after it: a
    /// heading above the table's own title or caption, or an entry of a list of
    /// table names.
    fn take_bare_title(&mut self) -> Option<OpenTable> {
        self.current
            .take_if(|t| !t.is_form() && t.model.is_none() && t.lines_since_title == 0)
    }

    /// A title opens a table, unless it repeats the title of the table
    /// continued from the page before (printed again on every page). A title
    /// right after another makes the first a heading ("一、收支预算总表" over
    /// "2026年度收支预算总表") or an entry of a list of table names.
    fn open(
        &mut self,
        number: Option<String>,
        title: String,
        page: &PageBlocks,
        lines: &[&TextLine],
    ) {
        if let Some(t) = self.current.as_mut().filter(|t| {
            !t.is_form()
                && t.model.is_some()
                && page.number == self.last_grid_page + 1
                && same_title(&t.title, &title)
                && (number.is_none() || t.number.is_none() || number == t.number)
        }) {
            t.noted = false;
            self.repeated_head = true;
            return;
        }
        if let Some(heading) = self.take_bare_title() {
            self.title_to_narrative(heading);
        }
        self.finish();
        self.form_left = f32::MAX;
        self.form_done = false;
        let mut t = OpenTable::new(number, title, page.number);
        t.narrative_at = self.out.narrative.len();
        t.title_lines = lines
            .iter()
            .map(|l| NarrativeLine {
                page: page.number,
                page_width: page.width,
                line: (*l).clone(),
            })
            .collect();
        self.current = Some(t);
    }

    fn grid(&mut self, grid: &CellGrid, page: u32) {
        self.repeated_head = false;
        // A title printed in the grid's top row names this table: a different
        // one starts a new table, and a bare title above it was a heading.
        let caption = caption_title(grid);
        let new_caption = caption.as_ref().is_some_and(|c| {
            self.current
                .as_ref()
                .is_some_and(|t| !t.is_form() && !same_title(&t.title, c))
        });
        if new_caption {
            if let Some(heading) = self.take_bare_title() {
                self.title_to_narrative(heading);
            }
        }
        if let Some(t) = self.current.as_mut() {
            t.lines_since_title += 1;
        }
        // Narrative and titles close or replace the current table, so an open one
        // without notes continues on the same or the next page.
        let continues = !new_caption
            && self.current.as_ref().is_some_and(|t| {
                !t.noted
                    && (t.model.is_none()
                        || page == self.last_grid_page
                        || page == self.last_grid_page + 1)
            });
        if !continues {
            self.finish();
            // A "表N" line waits for its title; a grid without a title does not take it.
            let title = caption.unwrap_or_default();
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

    /// Reads one free line; returns how many of the following blocks it used
    /// (the second line of a wrapped title).
    fn line(&mut self, line: &TextLine, page: &PageBlocks, rest: &[Block]) -> usize {
        let text = compact(&line.text());
        // A form (绩效 table) takes every line until one that cannot be part of it:
        // ruled or not, cut by page breaks or not, its rows are read from them.
        if self.current.as_ref().is_some_and(|t| t.is_form()) {
            if let Some((_, Some(unit))) = parse_unit_line(&line.text()) {
                if let Some(t) = self.current.as_mut() {
                    t.money_unit.get_or_insert(unit);
                }
                return 0;
            }
            if !self.form_done && !ends_form(line, &text, page, self.form_left) {
                if line.fine_chunks.len() >= 2 {
                    self.form_left = self.form_left.min(line.x0());
                }
                self.form_done = is_form_end(&text);
                self.pending_loose
                    .push((page.number, page.width, line.clone()));
                return 0;
            }
            self.finish();
        }
        if let Some(m) = number_re().find(&text).filter(|m| m.end() == text.len()) {
            self.pending_number = Some(m.as_str().to_string());
            return 0;
        }
        // A title, maybe wrapped onto a second short line.
        let next_line = match rest.first() {
            Some(Block::Line(n)) if is_title_tail(line, n) => Some(n),
            _ => None,
        };
        let candidates = [
            Some((text.clone(), 0)),
            next_line.map(|n| (format!("{text}{}", compact(&n.text())), 1)),
        ];
        for (joined, used) in candidates.into_iter().flatten() {
            let Some((number, title)) = split_title(&joined) else {
                continue;
            };
            let after = &rest[used..];
            let numbered = number.is_some() || numbering_level(&joined).is_some();
            // A numbered or unknown title needs its grid; a known one may stand
            // for a table printed empty.
            let needs_grid = numbered || kind_of_title(&title).is_none();
            let after = if needs_grid {
                after_title(after)
            } else {
                AfterTitle::Grid
            };
            if !is_table_set(&title) && after != AfterTitle::Text {
                let number = number.or_else(|| self.pending_number.take());
                let mut lines = vec![line];
                lines.extend(next_line.filter(|_| used == 1));
                self.open(number, title, page, &lines);
                if let Some(t) = self.current.as_mut().filter(|t| t.model.is_none()) {
                    t.grid_on_next_page = after == AfterTitle::PageEnd;
                }
                return used;
            }
        }
        // A title taken at a page's foot whose next page starts with text, not
        // its grid, was no title (a list of table names over two pages).
        if self.current.as_ref().is_some_and(|t| {
            t.grid_on_next_page
                && t.model.is_none()
                && t.pages[0] < page.number
                && !is_title_companion(line)
        }) {
            if let Some(t) = self.current.take() {
                self.title_to_narrative(t);
            }
        }
        if let Some(t) = self.current.as_mut() {
            t.lines_since_title += 1;
        }
        if self.repeated_head && is_title_companion(line) {
            return 0;
        }
        let unit_line =
            parse_unit_line(&line.text()).or_else(|| trailing_unit(line).map(|u| (None, Some(u))));
        if let Some((entity, unit)) = unit_line {
            if let Some(t) = self.current.as_mut().filter(|t| t.model.is_none()) {
                t.entity = entity.or(t.entity.take());
                t.money_unit = unit.or(t.money_unit.take());
                return 0;
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
                || text.starts_with("备注")
                || text.contains("本表")
                || text.contains("此表")
            {
                t.notes.push(text);
                t.noted = true;
                return 0;
            }
            if continues_note && t.noted {
                if let Some(n) = t.notes.last_mut() {
                    n.push_str(&text);
                }
                return 0;
            }
        }
        // Lines between a repeated title and its grid do not end the table.
        if !self.repeated_head && self.current.as_ref().is_some_and(|t| t.has_body()) {
            self.finish();
        }
        self.pending_number = None;
        self.out.narrative.push(NarrativeLine {
            page: page.number,
            page_width: page.width,
            line: line.clone(),
        });
        0
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
        repeated_head: false,
    };
    let contents = read_contents(pages);
    for page in pages {
        let mut skip = 0usize;
        for (i, block) in page.blocks.iter().enumerate() {
            // The 目录 lists the tables and headings; it is neither.
            if contents.covers(page.number, i) || skip > 0 {
                skip = skip.saturating_sub(1);
                continue;
            }
            match block {
                Block::Grid(g) => w.grid(g, page.number),
                Block::Line(l) => skip = w.line(l, page, &page.blocks[i + 1..]),
            }
        }
    }
    w.finish();
    let found: Vec<(Option<&str>, &str)> = w
        .out
        .tables
        .iter()
        .map(|t| match t {
            AnyTable::Grid(t) => (t.number.as_deref(), t.title.as_str()),
            AnyTable::Performance(t) => (None, t.title.as_str()),
            AnyTable::DepartmentGoals(t) => (None, t.title.as_str()),
        })
        .collect();
    let missing = crate::contents::unmatched_entries(&contents, &found);
    w.out.warnings.extend(missing);
    w.out.contents = contents;
    w.out
}

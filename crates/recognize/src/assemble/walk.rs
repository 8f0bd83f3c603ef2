//! The walk over the pages' blocks in reading order: each grid and line
//! acted on as [`super::decide`] says, each decision recorded in the trace.
use fiscal_layout::blocks::{Block, PageBlocks};
use fiscal_layout::grid::CellGrid;
use fiscal_layout::lines::TextLine;

use super::chart::chart_blocks;
use super::decide::{grid_continues, names_another_table, note_line, repeats_open_title, NoteLine};
use super::form::{ends_form, flush_loose, is_form_end, loose_line};
use super::table::{narrative_line, OpenTable};
use super::trace::{Close, Decision, NotTitle, Start, Step, Trace};
use crate::contents::{read_contents, Contents};
use crate::forms::{continues_form, read_form_with, PerfPiece};
use crate::header::{body_start, build_model, continuation_body_start};
use crate::model::{AnyTable, TableKind};
use crate::narrative::NarrativeLine;
use crate::numbering::numbering_level;
use crate::place::{add_per_page, PageBox};
use crate::rows::grid_rows;
use crate::settings::RecognizeSettings;
use crate::stitch::{is_cut_continuation, stitch};
use crate::text::compact;
use crate::title::companions::{
    after_title, is_title_companion, parse_unit_line, trailing_unit, AfterTitle,
};
use crate::title::kind::kind_of_title;
use crate::title::shape::{
    caption_title, is_table_set, is_title_tail, printed_table_number, same_title, split_title,
};

#[derive(Debug, Default)]
pub struct Assembled {
    pub tables: Vec<AnyTable>,
    pub narrative: Vec<NarrativeLine>,
    pub warnings: Vec<String>,
    /// The document's 目录, read before the walk.
    pub contents: Contents,
}

struct Walker<'s> {
    s: &'s RecognizeSettings,
    out: Assembled,
    trace: Trace,
    /// Left edge of the current form's multi-cell lines and grids.
    form_left: f32,
    /// The current form's last row has been read.
    form_done: bool,
    /// Lines at the head of a page while a form table may continue there.
    pending_loose: Vec<(u32, f32, TextLine)>,
    current: Option<OpenTable>,
    /// The last form read and where it stands in the output: a form printed
    /// on under the same title may continue it.
    last_form: Option<(usize, OpenTable)>,
    pending_number: Option<String>,
    /// The page the current table last took a grid from.
    last_grid_page: u32,
    /// The current table's title was printed again at the head of a
    /// continuation page: its unit line and header follow.
    repeated_head: bool,
}

impl Walker<'_> {
    /// Ends the open table (`why` it ends, read on `page`) and adds it to the
    /// output; a title that never got its grid is an empty table or narrative.
    fn finish(&mut self, page: u32, why: Close) {
        let Some(mut t) = self.current.take() else {
            return;
        };
        if t.is_form() {
            self.trace.record(page, || Decision::Closes {
                table: t.name(),
                why,
            });
            // Lines held back since the last grid are the form's own (unruled
            // rows), unless a page after its last grid holds only single runs
            // of text before the next title (a heading, a caption): narrative.
            let last = t.pieces.last().map_or(0, |(p, _)| *p);
            let (later, own): (Vec<_>, Vec<_>) = std::mem::take(&mut self.pending_loose)
                .into_iter()
                .partition(|(p, _, _)| *p > last);
            self.pending_loose = own;
            if later.iter().any(|(_, _, l)| l.fine_chunks.len() >= 2) {
                self.pending_loose.extend(later);
            } else {
                for (page, page_width, line) in later {
                    self.out.narrative.push(NarrativeLine {
                        page,
                        page_width,
                        line,
                    });
                }
            }
            flush_loose(&mut t, &mut self.pending_loose);
            if t.pieces.is_empty() {
                // A form's title printed twice (a heading over it): no form.
                self.title_to_narrative(t, page, NotTitle::NoGrid);
                return;
            }
            self.push_form(t, page);
            return;
        }
        let Some(model) = t.model.take() else {
            // A title with no grid after it: a table of a known kind printed
            // empty ("本表本年度无发生额"); otherwise the line was not a title (a
            // heading, an entry of a list of table names) and is narrative again.
            if t.kind != TableKind::Unknown && t.lines_since_title > 0 {
                self.trace
                    .record(page, || Decision::EmptyTable { table: t.name() });
                self.out
                    .tables
                    .push(AnyTable::Grid(t.into_table(Vec::new(), Vec::new())));
            } else {
                self.title_to_narrative(t, page, NotTitle::NoGrid);
            }
            return;
        };
        self.trace.record(page, || Decision::Closes {
            table: t.name(),
            why,
        });
        let table = t.into_grid_table(model, &mut self.out.warnings);
        self.out.tables.push(AnyTable::Grid(table));
    }

    /// An open form read, with its printed number.
    fn read_open_form(&self, t: OpenTable) -> AnyTable {
        let mut form: AnyTable = read_form_with(
            &self.s.forms,
            t.kind,
            t.title,
            t.pages,
            t.money_unit,
            &t.pieces,
        )
        .into();
        if let AnyTable::PerformanceList(l) = &mut form {
            l.number = t.number;
        }
        crate::place::forms::place_form(&mut form, &t.pieces);
        form
    }

    /// Reads a form into the output, or into the form before it when it
    /// continues that one: the same kind and title on the next page, a list
    /// going on or a form's indicator rows run over (see [`continues_form`]).
    fn push_form(&mut self, t: OpenTable, page: u32) {
        let tables = self.out.tables.len();
        if let Some((at, prev)) = self.last_form.as_mut().filter(|(at, prev)| {
            *at + 1 == tables
                && prev.kind == t.kind
                && same_title(&prev.title, &t.title)
                && t.pages
                    .first()
                    .is_some_and(|p| prev.pages.last().is_some_and(|q| *p == *q || *p == *q + 1))
                && continues_form(&prev.pieces, &t.pieces)
        }) {
            for p in t.pages {
                if !prev.pages.contains(&p) {
                    prev.pages.push(p);
                }
            }
            prev.pieces.extend(t.pieces);
            prev.money_unit = prev.money_unit.or(t.money_unit);
            let (at, prev) = (*at, prev.clone());
            let since = prev.pages.first().copied().unwrap_or(page);
            self.trace.record(page, || Decision::JoinsForm {
                table: prev.name(),
                since,
            });
            self.out.tables[at] = self.read_open_form(prev);
            return;
        }
        let form = self.read_open_form(t.clone());
        self.out.tables.push(form);
        self.last_form = Some((self.out.tables.len() - 1, t));
    }

    /// The title lines of a table that never came, back at their place in the
    /// narrative.
    fn title_to_narrative(&mut self, t: OpenTable, page: u32, why: NotTitle) {
        self.trace.record(page, || Decision::NotATitle {
            text: t.title.clone(),
            why,
        });
        let at = t.narrative_at.min(self.out.narrative.len());
        self.out.narrative.splice(at..at, t.title_lines);
    }

    /// Gives the open table back to the narrative if it is only a title with
    /// nothing read after it: a heading above the table's own title or
    /// caption, or an entry of a list of table names.
    fn drop_bare_title(&mut self, page: u32, why: NotTitle) {
        let bare = self
            .current
            .take_if(|t| !t.is_form() && t.model.is_none() && t.lines_since_title == 0);
        if let Some(heading) = bare {
            self.title_to_narrative(heading, page, why);
        }
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
        let (last, n) = (self.last_grid_page, page.number);
        if let Some(t) = self
            .current
            .as_mut()
            .filter(|t| repeats_open_title(t, number.as_deref(), &title, n, last))
        {
            t.noted = false;
            self.repeated_head = true;
            let since = t.pages[0];
            let table = t.name();
            self.trace
                .record(n, || Decision::AbsorbsRepeatedTitle { table, since });
            return;
        }
        self.drop_bare_title(n, NotTitle::TitleFollows);
        self.finish(n, Close::NewTitle(title.clone()));
        self.form_left = f32::MAX;
        self.form_done = false;
        let mut t = OpenTable::new(number, title, n);
        t.narrative_at = self.out.narrative.len();
        t.title_lines = lines
            .iter()
            .map(|l| narrative_line(l, n, page.width))
            .collect();
        self.trace.record(n, || Decision::Starts {
            table: t.name(),
            how: Start::Title,
        });
        self.current = Some(t);
    }

    fn grid(&mut self, grid: &CellGrid, page: u32) {
        self.repeated_head = false;
        // A title printed in the grid's top row names this table: a different
        // one starts a new table, and a bare title above it was a heading.
        let (caption_number, caption) = caption_title(grid).unzip();
        let new_caption = caption.as_deref().filter(|c| {
            self.current
                .as_ref()
                .is_some_and(|t| names_another_table(t, c))
        });
        if new_caption.is_some() {
            self.drop_bare_title(page, NotTitle::CaptionFollows);
        }
        if let Some(t) = self.current.as_mut() {
            t.lines_since_title += 1;
        }
        let decision = grid_continues(
            self.current.as_ref(),
            new_caption,
            page,
            self.last_grid_page,
        );
        let continues = decision.is_ok();
        match decision {
            Ok(how) => {
                let table = self.current.as_ref().map(OpenTable::name);
                self.trace.record(page, || Decision::Continues {
                    table: table.unwrap_or_default(),
                    how,
                });
            }
            Err(why) => {
                if let Some(why) = why {
                    self.finish(page, why);
                }
                // A "表N" line waits for its title; a grid without a title does not take it.
                let (title, how) = match caption {
                    Some(c) => (c, Start::Caption),
                    None => (String::new(), Start::Untitled),
                };
                let number = if title.is_empty() {
                    None
                } else {
                    caption_number
                        .flatten()
                        .or_else(|| self.pending_number.take())
                };
                let t = OpenTable::new(number, title, page);
                self.trace.record(page, || Decision::Starts {
                    table: t.name(),
                    how,
                });
                self.current = Some(t);
            }
        }
        let t = self.current.as_mut().unwrap();
        if !t.pages.contains(&page) {
            t.pages.push(page);
        }
        if let Some(r) = grid.rect() {
            add_per_page(&mut t.bboxes, PageBox::new(page, r));
        }
        if t.is_form() {
            self.form_left = self
                .form_left
                .min(grid.x_edges.first().copied().unwrap_or(f32::MAX));
            self.form_done |= grid.cells.iter().any(|c| is_form_end(&compact(&c.text)));
            flush_loose(t, &mut self.pending_loose);
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
            Some(model) => {
                let start = continuation_body_start(grid, model);
                if start > 0 {
                    self.trace
                        .record(page, || Decision::DropsRepeatedHeader { rows: start });
                }
                start
            }
        };
        let model = t.model.as_ref().unwrap();
        let mut rows = grid_rows(grid, start, model, page, self.s).into_iter();
        if continues && t.raw.last().is_some_and(|r| r.page != page) {
            if let Some(first) = rows.next() {
                let prev = t.raw.last_mut().unwrap();
                if is_cut_continuation(model, prev, &first) {
                    stitch(prev, first);
                    let row = prev.cells.join(" ");
                    self.trace.record(page, || Decision::StitchesCutRow { row });
                } else {
                    t.raw.push(first);
                }
            }
        }
        t.raw.extend(rows);
        self.last_grid_page = page;
    }

    /// A line while a form is open: its unit line, a line of the form held
    /// back, or the line that ends it. Returns whether the form took it.
    fn form_line(&mut self, line: &TextLine, text: &str, page: &PageBlocks) -> bool {
        // Between the title and the form's first grid, a unit may also stand
        // alone at a line's end ("507-某局 … 万元").
        let opening = self.pending_loose.is_empty()
            && self.current.as_ref().is_some_and(|t| t.pieces.is_empty());
        let unit = parse_unit_line(&line.text())
            .and_then(|(_, u)| u)
            .or_else(|| trailing_unit(line).filter(|_| opening));
        if let Some(unit) = unit {
            if let Some(t) = self.current.as_mut() {
                t.money_unit.get_or_insert(unit);
            }
            return true;
        }
        if !self.form_done && !ends_form(line, text, page, self.form_left, self.s) {
            if line.fine_chunks.len() >= 2 {
                self.form_left = self.form_left.min(line.x0());
            }
            self.form_done = is_form_end(text);
            self.pending_loose
                .push((page.number, page.width, line.clone()));
            return true;
        }
        self.finish(page.number, Close::FormEnds(text.to_string()));
        false
    }

    /// A title, maybe wrapped onto a second short line: opens its table and
    /// returns how many following blocks it used, or `None` for no title.
    fn title_line(
        &mut self,
        line: &TextLine,
        text: &str,
        page: &PageBlocks,
        rest: &[Block],
    ) -> Option<usize> {
        let next_line = match rest.first() {
            Some(Block::Line(n)) if is_title_tail(line, n, self.s) => Some(n),
            _ => None,
        };
        let candidates = [
            Some((text.to_string(), 0)),
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
                after_title(after, self.s)
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
                return Some(used);
            }
        }
        None
    }

    /// Reads one free line; returns how many of the following blocks it used
    /// (the second line of a wrapped title).
    fn line(&mut self, line: &TextLine, page: &PageBlocks, rest: &[Block]) -> usize {
        let text = compact(&line.text());
        // A form (绩效 table) takes every line until one that cannot be part of it:
        // ruled or not, cut by page breaks or not, its rows are read from them.
        if self.current.as_ref().is_some_and(|t| t.is_form()) && self.form_line(line, &text, page) {
            return 0;
        }
        // A line printing only a table number ("表3", "公开表2", "表七") waits for
        // its title; at the head of a continuation page it does not end the table.
        if let Some(number) = printed_table_number(&text) {
            self.trace
                .record(page.number, || Decision::HoldsTableNumber {
                    number: number.clone(),
                });
            self.pending_number = Some(number);
            return 0;
        }
        if let Some(used) = self.title_line(line, &text, page, rest) {
            return used;
        }
        // A title taken at a page's foot whose next page starts with text, not
        // its grid, was no title (a list of table names over two pages).
        if self.current.as_ref().is_some_and(|t| {
            t.grid_on_next_page
                && t.model.is_none()
                && t.pages[0] < page.number
                && !is_title_companion(line, self.s)
        }) {
            if let Some(t) = self.current.take() {
                self.title_to_narrative(t, page.number, NotTitle::NextPageStartsWithText);
            }
        }
        if let Some(t) = self.current.as_mut() {
            t.lines_since_title += 1;
        }
        if self.repeated_head && is_title_companion(line, self.s) {
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
            match note_line(t, &text) {
                NoteLine::Starts => {
                    t.notes.push(text);
                    t.noted = true;
                    return 0;
                }
                NoteLine::Continues => {
                    if let Some(n) = t.notes.last_mut() {
                        n.push_str(&text);
                    }
                    return 0;
                }
                NoteLine::No => {}
            }
        }
        // Lines between a repeated title and its grid do not end the table.
        if !self.repeated_head && self.current.as_ref().is_some_and(|t| t.has_body()) {
            self.finish(page.number, Close::Narrative(text));
        }
        self.pending_number = None;
        self.out
            .narrative
            .push(narrative_line(line, page.number, page.width));
        0
    }
}

/// Walks all pages' blocks, assembling tables and collecting narrative lines;
/// `trace` keeps the decisions taken if it is a kept one.
pub fn assemble_traced(
    pages: &[PageBlocks],
    trace: Trace,
    s: &RecognizeSettings,
) -> (Assembled, Vec<Step>) {
    let mut w = Walker {
        s,
        out: Assembled::default(),
        trace,
        form_left: f32::MAX,
        form_done: false,
        pending_loose: Vec::new(),
        current: None,
        last_form: None,
        pending_number: None,
        last_grid_page: 0,
        repeated_head: false,
    };
    let contents = read_contents(pages);
    for page in pages {
        let mut skip = 0usize;
        let (charts, count) = chart_blocks(page, s);
        if count > 0 {
            w.trace.record(page.number, || Decision::LeavesOutCharts {
                charts: count,
                blocks: charts.len(),
            });
        }
        for (i, block) in page.blocks.iter().enumerate() {
            // The 目录 lists the tables and headings; it is neither; nor is a chart.
            if contents.covers(page.number, i) || charts.contains(&i) || skip > 0 {
                skip = skip.saturating_sub(1);
                continue;
            }
            match block {
                Block::Grid(g) => w.grid(g, page.number),
                Block::Line(l) => skip = w.line(l, page, &page.blocks[i + 1..]),
            }
        }
    }
    let last_page = pages.last().map_or(0, |p| p.number);
    w.finish(last_page, Close::EndOfDocument);
    let found: Vec<(Option<&str>, &str)> = w
        .out
        .tables
        .iter()
        .map(|t| (t.number(), t.title()))
        .collect();
    let missing = crate::contents::unmatched_entries(&contents, &found);
    w.out.warnings.extend(missing);
    w.out.contents = contents;
    (w.out, w.trace.into_steps())
}

/// Walks all pages' blocks, assembling tables and collecting narrative lines.
pub fn assemble(pages: &[PageBlocks], s: &RecognizeSettings) -> Assembled {
    assemble_traced(pages, Trace::default(), s).0
}

//! The 目录 (contents list): where it is printed and what it lists.
//!
//! A contents list starts at a "目录" line and runs over the entry-shaped
//! lines after it — numbered headings (第一部分, 一、, （一）, 1.), table names
//! (表1 …), each with or without leader dots and a printed page number, part
//! headings such as 一、文字部分 / 二、表格部分 — on its page and the next pages
//! while they still read as entries. Some documents print it as a ruled table
//! (报表 | 报表名称 | 是否空表 | 公开空表理由). Entries wrapped over two lines are
//! joined. The body begins where the first entry is printed again.
//!
//! The list is what the document says it holds: the table walker matches the
//! tables it finds against the entries that name tables, and the outline
//! checks its headings against the others. Contents blocks are never narrative
//! and never tables.
use std::sync::OnceLock;

use fiscal_layout::blocks::{Block, PageBlocks};
use fiscal_layout::grid::CellGrid;
use fiscal_layout::lines::TextLine;

use crate::numbering::split_numbering;
use crate::pattern::Regex;
use crate::table_kind::TableKind;
use crate::text::compact;
use crate::title::shape::{ends_like_table, names_what_is_reported, same_title};

/// One entry of the 目录.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentsEntry {
    /// The entry's text with its numbering, wrapped lines joined, leader dots
    /// and page number removed, no whitespace ("二、收入决算表").
    pub text: String,
    /// The outline level of its numbering (第X部分 1, 一、 2, （一） 3, 1. 4, （1） 5).
    pub numbering: Option<u8>,
    /// A printed table number ("表1", "附表2-1") before the name.
    pub table_number: Option<String>,
    /// The printed page number the entry points to.
    pub page: Option<u32>,
    /// Whether the entry names one table (not a part heading or a set of tables).
    pub names_table: bool,
    /// A contents table's 是否空表 column: the document says the table is empty.
    pub declared_empty: bool,
    /// The page the entry is printed on.
    pub listed_on: u32,
}

impl ContentsEntry {
    /// The kind of table the entry names, read from its name as a title is
    /// (so "政府采购预算情况表" and a printed "政府采购预算表" are one kind).
    pub fn kind(&self) -> Option<TableKind> {
        crate::title::kind::kind_of_title(self.name()).filter(|k| *k != TableKind::Unknown)
    }

    /// The text without numbering or table number ("收入决算表").
    pub fn name(&self) -> &str {
        let rest = split_numbering(&self.text).map_or(self.text.as_str(), |(_, r)| r);
        match &self.table_number {
            Some(n) => rest.strip_prefix(n.as_str()).unwrap_or(rest),
            None => rest,
        }
    }
}

/// The document's contents lists (a document may print one before the text and
/// another before its tables).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contents {
    /// Entries in printed order, over all lists.
    pub entries: Vec<ContentsEntry>,
    /// Blocks the lists occupy: (page number, first block index, end block index).
    spans: Vec<(u32, usize, usize)>,
}

impl Contents {
    /// Whether block `index` of page `page` belongs to a contents list.
    pub fn covers(&self, page: u32, index: usize) -> bool {
        self.spans
            .iter()
            .any(|&(p, a, b)| p == page && (a..b).contains(&index))
    }

    /// The pages the lists are printed on.
    pub fn pages(&self) -> Vec<u32> {
        let mut pages: Vec<u32> = self.spans.iter().map(|s| s.0).collect();
        pages.dedup();
        pages
    }

    /// The entries that name tables, in printed order.
    pub fn tables(&self) -> impl Iterator<Item = &ContentsEntry> {
        self.entries.iter().filter(|e| e.names_table)
    }
}

/// Whether a table title and a contents entry name the same table. Either may
/// carry the entity and year in front ("2026年市级部门收支预算总表" lists
/// "收支预算总表"), quotes vary.
pub fn entry_matches_title(entry: &ContentsEntry, title: &str) -> bool {
    // Either may leave out a qualifier ("（功能科目）").
    let norm = |t: &str| {
        let t = compact(t);
        match t.strip_suffix(['）', ')']) {
            Some(s) => s
                .rsplit_once(['（', '('])
                .map_or(t.clone(), |(head, _)| head.to_string()),
            None => t,
        }
    };
    same_title(&norm(entry.name()), &norm(title))
}

/// Warnings for the tables the 目录 lists that were not found, by title or by
/// table number (a table the list itself declares empty may be left out).
/// `found` holds each table's number and title.
pub fn unmatched_entries(contents: &Contents, found: &[(Option<&str>, &str)]) -> Vec<String> {
    contents
        .tables()
        .filter(|e| !e.declared_empty)
        .filter(|e| {
            !found.iter().any(|(number, title)| {
                entry_matches_title(e, title)
                    || number.is_some() && *number == e.table_number.as_deref()
            })
        })
        .map(|e| {
            format!(
                "目录 (page {}) lists table \"{}\" but it was not found",
                e.listed_on, e.text
            )
        })
        .collect()
}

/// Longest compact entry text on one line; longer lines are prose.
const MAX_ENTRY_CHARS: usize = 64;
/// Pages a contents list may run over.
const MAX_PAGES: u32 = 4;

fn leader_page_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    // Leader dots (or a wide gap, seen as a space) before a page number at the end.
    RE.get_or_init(|| Regex::new(r"(?:[.．…·・‥_\-—]{2,}|\s)\s*(\d{1,3})\s*$").unwrap())
}

fn leaders_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"[\s.．…·・‥_\-—]+$").unwrap())
}

fn table_number_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^(附?表\s*\d+(?:[-－]\d+)?)(?:\s+|$)").unwrap())
}

fn names_one_table(name: &str) -> bool {
    ends_like_table(name) && names_what_is_reported(name)
}

/// An entry read from one printed line (or one row of a contents table).
#[derive(Debug, Clone)]
struct Piece {
    text: String,
    table_number: Option<String>,
    page: Option<u32>,
    leaders: bool,
    declared_empty: bool,
}

impl Piece {
    fn numbered(&self) -> bool {
        split_numbering(&self.text).is_some() || self.table_number.is_some()
    }
    /// Strong evidence of an entry: numbered, a table number or leaders.
    fn strong(&self) -> bool {
        self.numbered() || self.leaders || self.page.is_some()
    }
}

/// A printed line as a contents piece, if it is shaped like one.
fn line_piece(line: &TextLine) -> Option<Piece> {
    let spaced = line.text();
    let spaced = spaced.trim();
    let (table_number, rest) = match table_number_re().captures(spaced) {
        Some(c) => (
            Some(compact(&c[1])),
            &spaced[c.get(0).map_or(0, |m| m.end())..],
        ),
        None => (None, spaced),
    };
    let (page, body) = match leader_page_re().captures(rest) {
        Some(c) if rest.len() > c.get(0).unwrap().len() => {
            (c[1].parse().ok(), &rest[..c.get(0).unwrap().start()])
        }
        _ => (None, rest),
    };
    let leaders = leaders_re()
        .find(body)
        .is_some_and(|m| m.as_str().chars().filter(|c| !c.is_whitespace()).count() >= 2);
    let text = compact(leaders_re().replace(body, "").as_ref());
    if text.is_empty()
        || text.chars().count() > MAX_ENTRY_CHARS
        || text.contains(['。', '，', '；', ';', '：'])
    {
        return None;
    }
    let mut text = text;
    if let Some(n) = &table_number {
        text.insert_str(0, n);
    }
    Some(Piece {
        text,
        table_number,
        page,
        leaders,
        declared_empty: false,
    })
}

fn is_table_number(text: &str) -> bool {
    table_number_re().is_match(text.trim()) && compact(text).chars().count() <= 6
}

/// The rows of a contents table, if the grid is one: a header naming the list
/// (名称, 内容, 是否空表) or rows led by table numbers.
fn grid_pieces(grid: &CellGrid) -> Option<Vec<Piece>> {
    let rows: Vec<Vec<String>> = (0..grid.rows())
        .map(|r| grid.row_cells(r).map(|c| compact(&c.text)).collect())
        .collect();
    let is_header = |cells: &[String]| {
        cells
            .iter()
            .any(|c| c.contains("名称") || c == "内容" || c.contains("是否空表"))
    };
    let numbered = rows
        .iter()
        .filter(|r| r.first().is_some_and(|c| is_table_number(c)))
        .count();
    if !rows.iter().any(|r| is_header(r)) && numbered * 2 < rows.len().max(1) {
        return None;
    }
    let mut out = Vec::new();
    for cells in rows.iter().filter(|r| !is_header(r)) {
        let table_number = cells.iter().find(|c| is_table_number(c)).cloned();
        let Some(name) = cells
            .iter()
            .find(|c| !is_table_number(c) && c.chars().count() >= 4)
        else {
            continue;
        };
        let declared_empty = cells.iter().any(|c| c == "是");
        let page = cells
            .last()
            .filter(|c| c.len() <= 3 && c.chars().all(|d| d.is_ascii_digit()))
            .and_then(|c| c.parse().ok());
        let mut text = name.clone();
        if let Some(n) = &table_number {
            text.insert_str(0, n);
        }
        out.push(Piece {
            text,
            table_number,
            page,
            leaders: false,
            declared_empty,
        });
    }
    Some(out)
}

/// A contents heading: 目录 or 目次, alone or naming what it lists (报表目录,
/// 附表目录, 公开表目录).
fn is_contents_heading(line: &TextLine) -> bool {
    let text = compact(&line.text());
    let Some(what) = text
        .strip_suffix("目录")
        .or_else(|| text.strip_suffix("目次"))
    else {
        return false;
    };
    what.is_empty() || what.ends_with('表') && what.chars().count() <= MAX_LISTED_WORD_CHARS
}

/// Longest word naming what a contents heading lists ("公开表" of "公开表目录").
const MAX_LISTED_WORD_CHARS: usize = 4;

/// The contents piece a block reads as, or `None` where the list has ended.
/// A note under a contents table is part of the list but names nothing.
enum Read {
    Pieces(Vec<Piece>),
    Note,
    End,
}

fn read_block(block: &Block, after_grid: bool) -> Read {
    match block {
        Block::Grid(g) => grid_pieces(g).map_or(Read::End, Read::Pieces),
        Block::Line(l) => {
            let t = compact(&l.text());
            if after_grid && t.starts_with('注') {
                return Read::Note;
            }
            line_piece(l).map_or(Read::End, |p| Read::Pieces(vec![p]))
        }
    }
}

/// Adds a piece as an entry. A piece that is not numbered continues the entry
/// before it (`joinable`: of the same list) when that one reads as unfinished.
fn push_piece(entries: &mut Vec<ContentsEntry>, piece: Piece, page: u32, joinable: bool) {
    if let Some(prev) = entries
        .last_mut()
        .filter(|e| joinable && !piece.numbered() && e.page.is_none() && !ends_like_table(&e.text))
    {
        prev.text.push_str(&piece.text);
        prev.page = piece.page;
        prev.declared_empty |= piece.declared_empty;
        return;
    }
    entries.push(ContentsEntry {
        numbering: split_numbering(&piece.text).map(|(l, _)| l),
        text: piece.text,
        table_number: piece.table_number,
        page: piece.page,
        names_table: false,
        declared_empty: piece.declared_empty,
        listed_on: page,
    });
}

/// Reads the blocks of a page from `from` as long as they are contents;
/// returns the pieces and the end index.
fn read_run(page: &PageBlocks, from: usize) -> (Vec<Piece>, usize) {
    let mut pieces = Vec::new();
    let mut after_grid = false;
    let mut end = from;
    for (i, block) in page.blocks.iter().enumerate().skip(from) {
        match read_block(block, after_grid) {
            Read::Pieces(p) => {
                after_grid = matches!(block, Block::Grid(_));
                pieces.extend(p);
            }
            Read::Note => {}
            Read::End => break,
        }
        end = i + 1;
    }
    (pieces, end)
}

/// Reads the document's contents lists.
pub fn read_contents(pages: &[PageBlocks]) -> Contents {
    let mut out = Contents::default();
    let mut p = 0;
    while p < pages.len() {
        let page = &pages[p];
        let Some(head) = page
            .blocks
            .iter()
            .position(|b| matches!(b, Block::Line(l) if is_contents_heading(l)))
        else {
            p += 1;
            continue;
        };
        let first_entry = out.entries.len();
        let (pieces, end) = read_run(page, head + 1);
        out.spans.push((page.number, head, end));
        for piece in pieces {
            let joinable = out.entries.len() > first_entry;
            push_piece(&mut out.entries, piece, page.number, joinable);
        }
        // The list runs on over the next pages while it reaches their foot and
        // the next page reads as entries, not as the body's first heading again.
        let mut reached_foot = end == page.blocks.len();
        p += 1;
        while reached_foot && p < pages.len() && pages[p].number <= page.number + MAX_PAGES {
            let next = &pages[p];
            let (pieces, end) = read_run(next, 0);
            let listed: Vec<&str> = out.entries[first_entry..]
                .iter()
                .map(|e| e.text.as_str())
                .collect();
            let repeats = pieces.iter().any(|pc| listed.contains(&pc.text.as_str()));
            let strong = pieces.iter().filter(|pc| pc.strong()).count();
            if repeats || strong < 2 || strong * 3 < pieces.len() * 2 {
                break;
            }
            // A wrapped entry may run over the page break.
            for piece in pieces {
                let joinable = out.entries.len() > first_entry;
                push_piece(&mut out.entries, piece, next.number, joinable);
            }
            out.spans.push((next.number, 0, end));
            reached_foot = end == next.blocks.len();
            p += 1;
        }
    }
    mark_tables(&mut out.entries);
    out
}

/// An entry names a table when its name ends like one, says what it reports,
/// and is not the heading of the table entries listed under it.
fn mark_tables(entries: &mut [ContentsEntry]) {
    for i in 0..entries.len() {
        let level = entries[i].numbering;
        let heads_tables = entries.get(i + 1).is_some_and(|n| {
            level.is_some()
                && n.numbering.is_some_and(|l| Some(l) > level)
                && ends_like_table(n.name())
        });
        entries[i].names_table = names_one_table(entries[i].name()) && !heads_tables;
    }
}

#[cfg(test)]
mod tests;

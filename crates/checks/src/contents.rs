//! The tables against the 目录: every table it lists is printed
//! (`contents_tables`, unless the list itself declares the table empty), and
//! in the order it lists them (`table_order`).
use fiscal_recognize::contents::{entry_matches_title, ContentsEntry};
use fiscal_recognize::{AnyTable, TableKind};

use crate::check::{Check, Status};
use crate::context::Context;
use crate::rule::Rule;

/// A table as the 目录 can name it: printed number, title, first page.
struct Printed<'a> {
    number: Option<&'a str>,
    title: &'a str,
    kind: TableKind,
    pages: &'a [u32],
    /// Whether it prints rows (a form does; a grid of a header alone is no
    /// table the 目录 could list).
    has_rows: bool,
}

fn printed(doc: &AnyTable) -> Printed<'_> {
    Printed {
        number: doc.number(),
        title: doc.title(),
        kind: doc.kind(),
        pages: doc.pages(),
        has_rows: doc.as_grid().is_none_or(|g| !g.rows.is_empty()),
    }
}

/// The entry names the table by its title or number, or names the same kind
/// of table in other words (目录 "政府采购预算情况表", printed "政府采购预算表";
/// "部门收支总表", printed "部门收支总体情况表").
fn matches(e: &ContentsEntry, t: &Printed) -> bool {
    names(e, t.number, t.title) || e.kind().is_some_and(|k| k == t.kind)
}

/// The order is held by name or number only: entries of one kind (two 绩效目标
/// tables) would each take the first table of the kind.
fn named(e: &ContentsEntry, t: &Printed) -> bool {
    names(e, t.number, t.title)
}

/// Whether entry `e` names the table printed with `number` and `title`.
pub(crate) fn names(e: &ContentsEntry, number: Option<&str>, title: &str) -> bool {
    entry_matches_title(e, title)
        || (e.table_number.is_some() && number == e.table_number.as_deref())
}

const RULES: [Rule; 2] = [Rule::ContentsTables, Rule::TableOrder];

pub fn run(ctx: &Context, out: &mut Vec<Check>) {
    let entries: Vec<&ContentsEntry> = ctx.doc.contents.tables().collect();
    if entries.is_empty() {
        for rule in RULES {
            out.push(Check::skipped(
                rule,
                "the document prints no 目录 listing tables",
            ));
        }
        return;
    }
    let tables: Vec<Printed> = ctx.doc.tables.iter().map(printed).collect();
    if tables.is_empty() {
        for rule in RULES {
            out.push(Check::skipped(
                rule,
                "the 目录 lists tables but this file holds none (tables published separately?)",
            ));
        }
        return;
    }
    listed_tables(&entries, &tables, out);
    order(&entries, &tables, out);
}

fn listed_tables(entries: &[&ContentsEntry], tables: &[Printed], out: &mut Vec<Check>) {
    // A table whose title was not read may be the one listed.
    let untitled: Vec<u32> = tables
        .iter()
        .filter(|t| t.title.trim().is_empty() && t.has_rows)
        .flat_map(|t| t.pages.iter().copied())
        .collect();
    let mut found = 0;
    for e in entries {
        if e.declared_empty || tables.iter().any(|t| matches(e, t)) {
            found += 1;
            continue;
        }
        out.push(if untitled.is_empty() {
            Check::verdict(
                Rule::ContentsTables,
                false,
                format!(
                    "the 目录 (page {}) lists “{}”, which the document does not print",
                    e.listed_on, e.text
                ),
            )
            .on_pages(&[e.listed_on])
        } else {
            Check::new(
                Rule::ContentsTables,
                Status::Undetermined,
                format!(
                    "the 目录 (page {}) lists “{}”, not found by its title; it may be one of \
                     the tables whose title was not read (pages {untitled:?})",
                    e.listed_on, e.text
                ),
            )
            .on_pages(&[e.listed_on])
        });
    }
    if found == entries.len() {
        out.push(Check::verdict(
            Rule::ContentsTables,
            true,
            format!("all {} tables the 目录 lists are printed", entries.len()),
        ));
    }
}

/// The entries of each contents list: a document may print one before its
/// text and another before its tables; each list runs over adjacent pages.
fn lists<'a>(entries: &[&'a ContentsEntry]) -> Vec<Vec<&'a ContentsEntry>> {
    let mut lists: Vec<Vec<&ContentsEntry>> = Vec::new();
    for e in entries {
        match lists.last_mut() {
            Some(l) if l.last().is_some_and(|p| e.listed_on <= p.listed_on + 1) => l.push(e),
            _ => lists.push(vec![e]),
        }
    }
    lists
}

/// The tables found for the entries of each list, in its order, must stand
/// in the document in that order too.
fn order(entries: &[&ContentsEntry], tables: &[Printed], out: &mut Vec<Check>) {
    let placed: Vec<Vec<(&ContentsEntry, usize)>> = lists(entries)
        .into_iter()
        .map(|list| {
            list.into_iter()
                .filter_map(|e| tables.iter().position(|t| named(e, t)).map(|i| (e, i)))
                .collect()
        })
        .collect();
    let mut ok = true;
    for pair in placed.iter().flat_map(|list| list.windows(2)) {
        let ((before, i), (after, j)) = (pair[0], pair[1]);
        if j < i {
            ok = false;
            let mut pages: Vec<u32> = tables[j].pages.to_vec();
            pages.extend(tables[i].pages);
            out.push(
                Check::verdict(
                    Rule::TableOrder,
                    false,
                    format!(
                        "the 目录 lists “{}” before “{}”, the document prints them the other way \
                         round (pages {:?} and {:?})",
                        before.text, after.text, tables[i].pages, tables[j].pages
                    ),
                )
                .on_pages(&pages),
            );
        }
    }
    if ok {
        out.push(Check::verdict(
            Rule::TableOrder,
            true,
            format!("{} listed tables printed in the 目录's order", placed.len()),
        ));
    }
}

//! The document's tables as a set: every standard table of its kind printed
//! (`table_set`), none printed twice (`table_duplicate`), and an empty 基金 /
//! 国资 / 三公 table saying that it has no data (`empty_table_note`: a note
//! under it or its 目录 entry marked 空表).
use std::sync::OnceLock;

use fiscal_recognize::pattern::Regex;

use fiscal_recognize::{DocumentKind, Table, TableKind};

use crate::check::{label, Check, Status};
use crate::context::Context;
use crate::figures::{column, header_ends_with, is_blank};
use crate::rule::Rule;

use TableKind as K;

/// The standard tables of a 部门决算 (the national set, 表1 … 表9). Places
/// print 基金, 国资 and 三公 in different orders, so the order is the 目录's.
pub const FINAL_ACCOUNTS_SET: &[TableKind] = &[
    K::IncomeExpenditureSummary,
    K::Income,
    K::Expenditure,
    K::FiscalAppropriationSummary,
    K::GeneralBudgetExpenditure,
    K::GeneralBudgetBasicExpenditure,
    K::ThreePublicExpenses,
    K::GovernmentFund,
    K::StateCapital,
];

/// The tables every 部门预算 publishes (the 财政部 set; places add their own).
pub const BUDGET_SET: &[TableKind] = &[
    K::BudgetIncomeExpenditureSummary,
    K::BudgetIncome,
    K::BudgetExpenditure,
    K::BudgetFiscalAppropriationSummary,
    K::BudgetGeneralExpenditure,
    K::BudgetGeneralBasicExpenditure,
    K::BudgetThreePublicExpenses,
    K::BudgetGovernmentFund,
];

/// Tables a department without such funds still publishes, empty, with a
/// note that there is no data.
const MAY_BE_EMPTY: &[TableKind] = &[
    K::ThreePublicExpenses,
    K::GovernmentFund,
    K::StateCapital,
    K::BudgetThreePublicExpenses,
    K::BudgetGovernmentFund,
    K::BudgetStateCapital,
];

/// The standard set of a document kind.
pub fn standard_set(kind: DocumentKind) -> &'static [TableKind] {
    match kind {
        DocumentKind::FinalAccounts => FINAL_ACCOUNTS_SET,
        DocumentKind::Budget => BUDGET_SET,
        // A document that is no disclosure has no standard set.
        _ => &[],
    }
}

fn no_data_note() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"无数据|空表|为空|没有|无发生|未发生|不涉及|无此|无该|无相关|本表无|无[^，。；]{0,24}?(?:收入|支出|经费|预算|安排|项目|数据|事项)",
        )
        .expect("valid pattern")
    })
}

pub fn run(ctx: &Context, out: &mut Vec<Check>) {
    let Some(kind) = ctx.kind else {
        for rule in [Rule::TableSet, Rule::TableDuplicate, Rule::EmptyTableNote] {
            out.push(Check::skipped(
                rule,
                "the document's kind (决算 or 预算) is not known",
            ));
        }
        return;
    };
    if ctx.grids.is_empty() {
        for rule in [Rule::TableSet, Rule::TableDuplicate, Rule::EmptyTableNote] {
            out.push(Check::skipped(
                rule,
                "this file holds no table of figures (tables published separately?)",
            ));
        }
        return;
    }
    table_set(ctx, standard_set(kind), out);
    duplicates(ctx, out);
    empty_notes(ctx, out);
}

/// Whether a table was printed as one: a header or rows, not just a title
/// (a 目录 entry read as a title yields an empty shell).
fn printed(t: &Table) -> bool {
    !t.columns.is_empty() || !t.rows.is_empty()
}

/// A table printed in place of a standard one: a budget that publishes no
/// 一般公共预算基本支出表 but its 一般公共预算支出表 by 经济分类 with a 基本支出
/// column (深圳) shows the basic expenditure by economic class all the same.
fn stands_in(t: &Table, k: TableKind) -> bool {
    k == K::BudgetGeneralBasicExpenditure
        && t.kind == K::BudgetGeneralEconomicExpenditure
        && column(t, |h| header_ends_with(h, "基本支出")).is_some()
}

/// A file of tables alone — no 目录, no text — is an excerpt or the tables
/// published apart from their document: which tables it should hold cannot
/// be told from it.
fn tables_alone(ctx: &Context) -> bool {
    ctx.doc.contents.tables().next().is_none() && ctx.passages.iter().all(|p| p.is_heading)
}

fn table_set(ctx: &Context, set: &[TableKind], out: &mut Vec<Check>) {
    let missing: Vec<TableKind> = set
        .iter()
        .copied()
        .filter(|k| {
            !ctx.grids
                .iter()
                .any(|t| (t.kind == *k || stands_in(t, *k)) && printed(t))
        })
        .collect();
    if !missing.is_empty() && tables_alone(ctx) {
        out.push(Check::skipped(
            Rule::TableSet,
            format!(
                "the file holds {} tables and no 目录 or text: an excerpt or tables published \
                 apart, so the set it should hold cannot be told ({} of the standard set not in it)",
                ctx.grids.len(),
                missing.len()
            ),
        ));
        return;
    }
    // A table whose title was not recognised may be the missing one, if it
    // prints figures (a header alone, on a cover or 目录 page, or a list of
    // the department's units is no table of figures).
    let unknown: Vec<&Table> = ctx
        .grids
        .iter()
        .copied()
        .filter(|t| t.kind == K::Unknown && !t.columns.is_empty() && !t.rows.is_empty())
        .collect();
    if missing.is_empty() {
        out.push(Check::verdict(
            Rule::TableSet,
            true,
            format!("all {} standard tables printed", set.len()),
        ));
    }
    for k in missing {
        out.push(if unknown.is_empty() {
            Check::verdict(
                Rule::TableSet,
                false,
                format!("standard table {k} not found in the document"),
            )
        } else {
            let pages: Vec<u32> = unknown.iter().flat_map(|t| t.pages.clone()).collect();
            Check::new(
                Rule::TableSet,
                Status::Undetermined,
                format!(
                    "standard table {k} not recognised; it may be one of the {} tables whose title \
                     was not recognised (pages {pages:?})",
                    unknown.len()
                ),
            )
            .on_pages(&pages)
        });
    }
}

/// A title without what legitimately varies between printings of one table
/// (numbering, year, spacing), to tell a table printed twice from two tables
/// given one kind.
fn title_key(title: &str) -> String {
    title
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_ascii_digit() && !"表年度.、：:（）()".contains(*c))
        .collect()
}

/// A kind printed again after other tables (not a continuation over pages).
fn duplicates(ctx: &Context, out: &mut Vec<Check>) {
    let known: Vec<&Table> = ctx
        .grids
        .iter()
        .copied()
        .filter(|t| t.kind != K::Unknown && printed(t))
        .collect();
    let mut found = false;
    for (i, t) in known.iter().enumerate() {
        let Some(prev) = known[..i]
            .iter()
            .rev()
            .find(|p| p.kind == t.kind && title_key(&p.title) == title_key(&t.title))
        else {
            continue;
        };
        let between = known[..i]
            .iter()
            .rev()
            .take_while(|p| !std::ptr::eq(**p, *prev))
            .any(|p| p.kind != t.kind);
        let gap = match (prev.pages.last(), t.pages.first()) {
            (Some(a), Some(b)) => *b > a + 1,
            _ => false,
        };
        if between || gap {
            found = true;
            let mut pages = prev.pages.clone();
            pages.extend(&t.pages);
            out.push(
                Check::verdict(
                    Rule::TableDuplicate,
                    false,
                    format!(
                        "{} printed twice: {} (pages {:?}) and {} (pages {:?})",
                        t.kind,
                        label(prev),
                        prev.pages,
                        label(t),
                        t.pages
                    ),
                )
                .on_pages(&pages),
            );
        }
    }
    if !found {
        out.push(Check::verdict(
            Rule::TableDuplicate,
            true,
            format!("{} recognised tables, no kind printed twice", known.len()),
        ));
    }
}

/// What the text calls the funds of an empty-able table, to find the
/// sentence saying there are none.
fn fund_words(kind: TableKind) -> &'static str {
    match kind {
        K::GovernmentFund | K::BudgetGovernmentFund => "政府性基金",
        K::StateCapital | K::BudgetStateCapital => "国有资本经营",
        _ => "三公",
    }
}

/// A figure of zero ("为0", "0万元", "为零").
fn zero_figure() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"为零|(?:^|[^0-9.,])0(?:\.0+)?(?:万元|千元|元|[，。；]|$)")
            .expect("valid pattern")
    })
}

/// A nonzero figure.
fn nonzero_figure() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"[1-9][0-9,]*(?:\.[0-9]+)?(?:万元|千元|元)|0\.[0-9]*[1-9][0-9]*(?:万元|千元|元)",
        )
        .expect("valid pattern")
    })
}

/// A clause of the text that names `fund` and says there is none of it
/// ("本部门2022年度无国有资本经营预算财政拨款收支，已公开空表",
/// "政府性基金拨款支出预算为0").
pub(crate) fn says_none<'a>(text: &'a str, fund: &str) -> Option<&'a str> {
    text.split(['。', '；'])
        .filter(|c| c.contains(fund) && !c.contains("下述说明"))
        .find(|c| {
            no_data_note().is_match(c)
                || (zero_figure().is_match(c) && !nonzero_figure().is_match(c))
        })
}

/// Where the document says an empty table has no data: a note under it or in
/// its body, or its 目录 entry marked 空表. (The templates ask for the note
/// under the table; a sentence of the text is not it, but is worth quoting.)
fn no_data_said(ctx: &Context, t: &Table) -> Option<String> {
    // (A template's instruction to write one is not the note itself.)
    if let Some(n) = t
        .notes
        .iter()
        .chain(t.rows.iter().filter_map(|r| r.name.as_ref()))
        .find(|n| no_data_note().is_match(n) && !n.contains("下述说明"))
    {
        return Some(format!("“{n}”"));
    }
    ctx.doc
        .contents
        .tables()
        .find(|e| e.declared_empty && crate::contents::names(e, t.number.as_deref(), &t.title))
        .map(|e| format!("the 目录 (page {}) marks it 空表", e.listed_on))
}

/// A sentence of the text saying there is none of the table's funds.
fn text_says_none(ctx: &Context, t: &Table) -> Option<String> {
    let fund = fund_words(t.kind);
    ctx.passages
        .iter()
        .filter(|p| !p.is_heading)
        .find_map(|p| says_none(&p.text, fund).map(|c| format!("“{c}” (pages {:?})", p.pages)))
}

fn empty_notes(ctx: &Context, out: &mut Vec<Check>) {
    let before = out.len();
    for t in ctx
        .grids
        .iter()
        .filter(|t| MAY_BE_EMPTY.contains(&t.kind) && printed(t) && is_blank(t))
    {
        // The 决算 template asks for a note under the empty table itself
        // ("在本表下方作下述说明"); a budget says so where it likes, and a
        // sentence of its text saying there are none of the funds is enough.
        let said = text_says_none(ctx, t);
        let note = no_data_said(ctx, t).or_else(|| {
            said.as_ref()
                .filter(|_| ctx.kind == Some(DocumentKind::Budget))
                .map(|c| format!("the text says so: {c}"))
        });
        out.push(
            Check::verdict(
                Rule::EmptyTableNote,
                note.is_some(),
                match note {
                    Some(n) => format!("{} prints no data and says so: {n}", t.title),
                    None => format!(
                        "{} prints no data and no note under it saying there is none{}",
                        t.title,
                        said.map_or(String::new(), |c| format!(" (the text says so: {c})"))
                    ),
                },
            )
            .on_table(t),
        );
    }
    if out.len() == before {
        out.push(Check::skipped(
            Rule::EmptyTableNote,
            "no 基金 / 国资 / 三公 table is empty",
        ));
    }
}

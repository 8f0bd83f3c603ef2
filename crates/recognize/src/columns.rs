//! Column keys: each value column's printed header path (its side label
//! first) read against the [`crate::vocabulary`] and composed into one key,
//! the same for the same meaning in every document:
//!
//! `[prior_year_|change_]` + the measure where it is not the table's own
//! (决算数 in a 决算, 预算数 in a 预算) + the remaining terms in printed order,
//! where a total under a heading is the heading's figure
//! ("公务用车购置及运行费/小计" → `vehicles`), a term a later one lies within
//! is dropped ("基本支出/人员经费" → `personnel`), and terms the table's kind
//! implies are dropped ("一般公共预算支出/合计" in a 一般公共预算支出表 →
//! `total`). A year a header prints becomes the column's period (data, never
//! a suffix). A header word the vocabulary does not know keeps its printed
//! text as its key piece, and a warning names it.
use fiscal_layout::lines::compact;

use crate::header_words::text_column_key;
use crate::model::{AnyTable, Column, DocumentMeta, Table, TableKind};
use crate::numbering::split_numbering;
use crate::vocabulary::{normalise, read_segment, Facet, Period, Term};

/// The measure a kind's tables print unless a header says otherwise.
fn own_measure(kind: TableKind) -> Option<Term> {
    if kind == TableKind::Unknown || kind.is_form() {
        None
    } else if kind.is_budget() {
        Some(Term::Budget)
    } else {
        Some(Term::Final)
    }
}

/// Terms a table's kind implies (its subject), dropped from the keys of its
/// header paths: a 一般公共预算支出表's columns are all general-budget spending.
fn subject(kind: TableKind) -> &'static [Term] {
    use TableKind as K;
    use Term::*;
    match kind {
        K::Income | K::BudgetIncome => &[Income],
        K::Expenditure | K::BudgetExpenditure => &[Expenditure],
        K::FiscalAppropriationSummary | K::BudgetFiscalAppropriationSummary => {
            &[FiscalAppropriation]
        }
        K::GeneralBudgetExpenditure
        | K::BudgetGeneralExpenditure
        | K::BudgetGeneralEconomicExpenditure
        | K::BudgetGeneralBasicFunctionalExpenditure
        | K::BudgetGeneralProjectExpenditure => &[GeneralBudget, FiscalAppropriation, Expenditure],
        K::BudgetFiscalExpenditure | K::BudgetFiscalCarryoverExpenditure => {
            &[FiscalAppropriation, Expenditure]
        }
        K::GeneralBudgetBasicExpenditure | K::BudgetGeneralBasicExpenditure => {
            &[GeneralBudget, FiscalAppropriation, Expenditure, Basic]
        }
        K::BudgetFiscalBasicExpenditure => &[FiscalAppropriation, Expenditure, Basic],
        K::BudgetBasicExpenditure => &[Basic, Expenditure],
        K::BudgetProjectExpenditure => &[Project, Expenditure],
        K::GovernmentFund | K::BudgetGovernmentFund => &[GovernmentFund, FiscalAppropriation],
        K::StateCapital | K::BudgetStateCapital => &[StateCapital, FiscalAppropriation],
        K::ThreePublicExpenses | K::BudgetThreePublicExpenses => &[Expenditure],
        K::BudgetOperatingExpenses => &[OperatingExpenses, Expenditure],
        K::BudgetMeetingExpenses => &[Meetings, Expenditure],
        K::BudgetTrainingExpenses => &[Training, Expenditure],
        _ => &[],
    }
}

/// The flow of a one-sided table (政府性基金预算支出表: 支出) in its header
/// paths; a side label naming a flow (a 收支表's 收入 | 支出) keeps it.
fn one_sided_flow(kind: TableKind) -> Option<Term> {
    matches!(
        kind,
        TableKind::BudgetGovernmentFund | TableKind::BudgetStateCapital
    )
    .then_some(Term::Expenditure)
}

/// What a value column's header means, decided once.
#[derive(Debug, Clone, PartialEq)]
pub struct Meaning {
    /// The key rows' `values` use.
    pub key: String,
    /// Current year, prior year or change.
    pub period: Period,
    /// The year the header prints, if it prints one.
    pub year: Option<u32>,
    /// "其中：…": part of what the column before it heads, not a component.
    pub part_of: bool,
    /// The key's terms (measure and period aside), in key order.
    pub terms: Vec<Term>,
    /// Header segments the vocabulary does not know (their text is in the key).
    pub unknown: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Term(Term),
    Text(String),
}

/// A column's header path read, before its key is composed.
#[derive(Debug, Clone)]
struct Reading {
    period: Period,
    year: Option<u32>,
    measure: Option<Term>,
    pieces: Vec<Piece>,
    /// Terms left out that tell two columns apart, with where they stood:
    /// flows the kind implies that 本年 qualified (本年收入/小计 beside 收入总计)
    /// and the 部门预算 heading (部门预算/合计 beside 总计); put back where two
    /// columns would meet.
    restorable: Vec<(usize, Term)>,
    part_of: bool,
    unknown: Vec<String>,
    qualifiers: Vec<String>,
}

/// Whether `inner` lies within `outer` (公务用车购置费 within 公务用车购置及运行费 within 三公).
fn within(outer: Term, inner: Term) -> bool {
    std::iter::successors(inner.within(), |t| t.within()).any(|t| t == outer)
}

fn read_column(
    kind: TableKind,
    doc_year: Option<u32>,
    group: Option<&str>,
    header: &str,
) -> Reading {
    let subject = subject(kind);
    let three_public = kind.is_three_public();
    let label: Vec<&str> = group.map(|g| g.split('/').collect()).unwrap_or_default();
    let path: Vec<&str> = header.split('/').collect();
    // The side label is the header's top where the side prints one.
    let shared = label.iter().zip(&path).take_while(|(a, b)| a == b).count();
    let segments = label
        .iter()
        .map(|s| (true, *s))
        .chain(path[shared..].iter().map(|s| (false, *s)));
    let mut r = Reading {
        period: Period::Current,
        year: None,
        measure: None,
        pieces: Vec::new(),
        restorable: Vec::new(),
        part_of: false,
        unknown: Vec::new(),
        qualifiers: Vec::new(),
    };
    for (is_label, raw) in segments {
        let seg = read_segment(raw);
        r.part_of |= seg.part_of;
        r.year = seg.year.or(r.year);
        if let Some(p) = seg.period {
            if p == Period::Change || r.period != Period::Change {
                r.period = p;
            }
        }
        // A 三公 caption names the funds the 三公 are paid from
        // ("一般公共预算拨款安排的“三公”经费预算"): no breakdown by fund.
        let caption = three_public && seg.terms.iter().any(|(t, _)| *t == Term::ThreePublic);
        for (t, this_year) in seg.terms {
            if t.facet() == Facet::Measure {
                r.measure.get_or_insert(t);
                continue;
            }
            let implied = subject.contains(&t) && !(is_label && t.facet() == Facet::Flow);
            let one_sided = !is_label && one_sided_flow(kind) == Some(t);
            let caption_fund =
                caption && matches!(t, Term::GeneralBudget | Term::FiscalAppropriation);
            if t == Term::DepartmentBudget {
                r.restorable.push((r.pieces.len(), t));
                continue;
            }
            if implied || one_sided || caption_fund {
                if this_year {
                    r.restorable.push((r.pieces.len(), t));
                }
                continue;
            }
            r.pieces.push(Piece::Term(t));
        }
        if let Some(u) = seg.unknown {
            r.unknown.push(u.clone());
            r.pieces.push(Piece::Text(u));
        }
        r.qualifiers.extend(seg.qualifier);
    }
    if r.period != Period::Change {
        if let Some(y) = r.year {
            r.period = match doc_year {
                Some(d) if y < d => Period::PriorYear,
                _ => Period::Current,
            };
        }
    }
    r
}

/// The key of a column read and its terms; `restore` puts back the terms
/// left out that tell columns apart; `three_public_total`: a lone 合计 is the 三公 total.
fn compose(
    kind: TableKind,
    r: &Reading,
    restore: bool,
    three_public_total: bool,
) -> (String, Vec<Term>) {
    let mut pieces = r.pieces.clone();
    if restore {
        for (at, t) in r.restorable.iter().rev() {
            pieces.insert(*at, Piece::Term(*t));
        }
    }
    let mut kept: Vec<Piece> = Vec::new();
    for (i, p) in pieces.iter().enumerate() {
        if let Piece::Term(t) = p {
            let later_within = pieces[i + 1..]
                .iter()
                .any(|q| matches!(q, Piece::Term(u) if within(*t, *u)));
            // A total under a heading is the heading's figure.
            if later_within || (*t == Term::Total && !kept.is_empty()) {
                continue;
            }
        }
        if !kept.contains(p) {
            kept.push(p.clone());
        }
    }
    if kept.is_empty() {
        kept.push(Piece::Term(Term::Total));
    }
    if three_public_total && kept[0] == Piece::Term(Term::Total) {
        kept[0] = Piece::Term(Term::ThreePublic);
    }
    let mut parts: Vec<&str> = Vec::new();
    if let Some(m) = r.measure.filter(|m| Some(*m) != own_measure(kind)) {
        parts.push(m.slug());
        // "2025年执行数" alone: the measure says it.
        if kept == [Piece::Term(Term::Total)] {
            kept.clear();
        }
    }
    for p in &kept {
        parts.push(match p {
            Piece::Term(t) => t.slug(),
            Piece::Text(s) => s,
        });
    }
    parts.extend(r.qualifiers.iter().map(String::as_str));
    let body = parts.join("_");
    // 增减(%) under a change heading says "change" itself.
    let key = if r.period == Period::Change && kept.first() == Some(&Piece::Term(Term::ChangeRate))
    {
        body
    } else {
        format!("{}{body}", r.period.key_prefix())
    };
    let terms = kept
        .iter()
        .filter_map(|p| match p {
            Piece::Term(t) => Some(*t),
            Piece::Text(_) => None,
        })
        .collect();
    (key, terms)
}

/// The meanings of a table's value columns, given as (side label, printed
/// header path); keys unique within the table.
pub fn meanings(
    kind: TableKind,
    doc_year: Option<u32>,
    columns: &[(Option<&str>, &str)],
) -> Vec<Meaning> {
    let readings: Vec<Reading> = columns
        .iter()
        .map(|(g, h)| read_column(kind, doc_year, *g, h))
        .collect();
    // A 三公 table's 合计 is the 三公 total where the table prints 三公 items
    // and nothing else (with 会议费, 培训费 beside them it totals those too).
    let plain: Vec<(String, Vec<Term>)> = readings
        .iter()
        .map(|r| compose(kind, r, false, false))
        .collect();
    let item = |ts: &Vec<Term>| ts.iter().any(|t| within(Term::ThreePublic, *t));
    let other = |ts: &Vec<Term>| {
        ts.iter()
            .any(|t| matches!(t, Term::Meetings | Term::Training | Term::OperatingExpenses))
    };
    let three_public_total = kind.is_three_public()
        && plain.iter().any(|(_, ts)| item(ts))
        && !plain.iter().any(|(_, ts)| other(ts));
    let mut keyed: Vec<(String, Vec<Term>)> = readings
        .iter()
        .map(|r| compose(kind, r, false, three_public_total))
        .collect();
    // Where two columns meet, the one with a term left out that tells it apart keeps it.
    for i in 0..keyed.len() {
        let meets = keyed
            .iter()
            .enumerate()
            .any(|(j, k)| j != i && k.0 == keyed[i].0);
        if meets && !readings[i].restorable.is_empty() {
            keyed[i] = compose(kind, &readings[i], true, three_public_total);
        }
    }
    // Two printed columns still meeting (the same header printed twice, in
    // forms read as grids): the later ones by their order.
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (key, _) in keyed.iter_mut() {
        let n = seen.entry(key.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            *key = format!("{key}_{n}");
        }
    }
    keyed
        .into_iter()
        .zip(readings)
        .map(|((key, terms), r)| Meaning {
            key,
            period: r.period,
            year: r.year,
            part_of: r.part_of,
            terms,
            unknown: r.unknown,
        })
        .collect()
}

/// The key of a text column (序号, 采购组织形式 …): its word's, else its printed text.
fn text_key(column: &Column) -> String {
    let last = column.header.rsplit('/').next().unwrap_or_default();
    text_column_key(last)
        .map(str::to_string)
        .unwrap_or_else(|| normalise(&compact(&column.header).replace('/', "_")).0)
}

/// Names the columns of every grid table by meaning, once the document's
/// year is known: value columns get their vocabulary key and period, text
/// columns their word's key; rows follow. Headers of a known kind's table
/// that the vocabulary does not know are named in `warnings`.
pub fn name_columns(tables: &mut [AnyTable], document: &DocumentMeta, warnings: &mut Vec<String>) {
    for table in tables.iter_mut() {
        if let AnyTable::Grid(t) = table {
            name_table(t, document.year, warnings);
        }
    }
}

/// Names one table's columns and rows (see [`name_columns`]).
pub fn name_table(t: &mut Table, doc_year: Option<u32>, warnings: &mut Vec<String>) {
    let given: Vec<(Option<&str>, &str)> = t
        .columns
        .iter()
        .map(|c| (c.group.as_deref(), c.header.as_str()))
        .collect();
    let meanings = meanings(t.kind, doc_year, &given);
    let mut renames: Vec<(String, String)> = Vec::new();
    let mut unknown: Vec<String> = Vec::new();
    for (c, m) in t.columns.iter_mut().zip(meanings) {
        if !m.unknown.is_empty() && t.kind != TableKind::Unknown {
            unknown.push(c.header.clone());
        }
        renames.push((std::mem::replace(&mut c.key, m.key), c.key.clone()));
        c.period = m.period;
        c.year = m.year;
        c.part_of = m.part_of;
    }
    let mut text_renames: Vec<(String, String)> = Vec::new();
    let mut used = std::collections::HashSet::new();
    for (i, c) in t.text_columns.iter_mut().enumerate() {
        let mut key = text_key(c);
        if key.is_empty() {
            // A text column printed without a header.
            key = format!("text_{}", i + 1);
        }
        while !used.insert(key.clone()) {
            key = format!("{key}_{}", used.len());
        }
        text_renames.push((std::mem::replace(&mut c.key, key), c.key.clone()));
    }
    for row in &mut t.rows {
        row.values = std::mem::take(&mut row.values)
            .into_iter()
            .map(|(k, v)| (renamed(&renames, k), v))
            .collect();
        row.value_bboxes = std::mem::take(&mut row.value_bboxes)
            .into_iter()
            .map(|(k, v)| (renamed(&renames, k), v))
            .collect();
        row.attributes = std::mem::take(&mut row.attributes)
            .into_iter()
            .map(|(k, v)| (renamed(&text_renames, k), v))
            .collect();
    }
    name_rows(t, doc_year);
    if !unknown.is_empty() {
        warnings.push(format!(
            "page {}: {} headers not in the key vocabulary, keyed by their text: {}",
            t.pages.first().copied().unwrap_or_default(),
            if t.title.is_empty() {
                t.kind.as_str()
            } else {
                &t.title
            },
            unknown.join(", ")
        ));
    }
}

/// A row label without its numbering and 其中 ("其中：（1）公务用车购置费" →
/// "公务用车购置费").
fn bare_label(name: &str) -> String {
    let (mut s, _) = normalise(name);
    while let Some((_, rest)) = split_numbering(&s) {
        if rest.is_empty() || rest.len() == s.len() {
            break;
        }
        s = normalise(rest).0;
    }
    s
}

/// The period a row label names by itself ("2025 年", "增减变化金额"), if any.
fn row_period(name: &str, doc_year: Option<u32>) -> Option<Period> {
    let seg = read_segment(&bare_label(name));
    if seg.unknown.is_some() || !seg.terms.is_empty() {
        return None;
    }
    match (seg.period, seg.year, doc_year) {
        (Some(p), _, _) if p != Period::Current || seg.year.is_none() => Some(p),
        (_, Some(y), Some(d)) if y < d => Some(Period::PriorYear),
        (_, Some(_), _) => Some(Period::Current),
        _ => None,
    }
}

/// The measure a row label names by itself ("预算数", "决算数"), where it is
/// not the table's own (as a column key names it).
fn row_measure(kind: TableKind, name: &str) -> Option<Term> {
    let seg = read_segment(&bare_label(name));
    match seg.terms.as_slice() {
        [(m, _)] if seg.unknown.is_none() && m.facet() == Facet::Measure => {
            Some(*m).filter(|m| Some(*m) != own_measure(kind))
        }
        _ => None,
    }
}

/// Whether a 三公 table lists its items as rows: no value column names an
/// item (one column of figures, or one per fund or measure). (Other tables'
/// rows are named by their printed labels and codes.)
fn lists_items_as_rows(t: &Table) -> bool {
    if !t.kind.is_three_public() {
        return false;
    }
    let given: Vec<(Option<&str>, &str)> = t
        .columns
        .iter()
        .map(|c| (c.group.as_deref(), c.header.as_str()))
        .collect();
    meanings(t.kind, None, &given).iter().all(|m| {
        m.terms
            .iter()
            .all(|t| t.facet() != Facet::Item || *t == Term::Total)
    })
}

/// The vocabulary key of a row label, where it reads whole as items of the
/// vocabulary; a lone 合计 is `total` (in a 三公 table of 三公 items, the
/// 三公 total).
fn row_item(kind: TableKind, name: &str, three_public_only: bool) -> Option<String> {
    let seg = read_segment(&bare_label(name));
    if seg.unknown.is_some() || seg.year.is_some() || seg.terms.is_empty() {
        return None;
    }
    let reading = Reading {
        period: Period::Current,
        year: None,
        measure: None,
        pieces: seg
            .terms
            .iter()
            .filter(|(t, _)| t.facet() != Facet::Measure && !subject(kind).contains(t))
            .map(|(t, _)| Piece::Term(*t))
            .collect(),
        restorable: Vec::new(),
        part_of: false,
        unknown: Vec::new(),
        qualifiers: Vec::new(),
    };
    Some(compose(kind, &reading, false, three_public_only).0)
}

/// Rows' own meaning: the period a row names, and in a 三公 table listing
/// its items as rows, each row's item.
fn name_rows(t: &mut Table, doc_year: Option<u32>) {
    for row in &mut t.rows {
        if let Some(p) = row.name.as_deref().and_then(|n| row_period(n, doc_year)) {
            row.period = p;
        }
        row.measure = row
            .name
            .as_deref()
            .and_then(|n| row_measure(t.kind, n))
            .map(|m| m.slug().to_string());
    }
    if !lists_items_as_rows(t) {
        return;
    }
    let items: Vec<Option<String>> = t
        .rows
        .iter()
        .map(|r| r.name.as_deref().and_then(|n| row_item(t.kind, n, false)))
        .collect();
    let other = |k: &Option<String>| {
        k.as_deref()
            .is_some_and(|k| ["meetings", "training", "operating_expenses"].contains(&k))
    };
    let three_public_only = !items.iter().any(other);
    for row in t.rows.iter_mut() {
        row.item = row
            .name
            .as_deref()
            .and_then(|n| row_item(t.kind, n, three_public_only));
    }
}

fn renamed(renames: &[(String, String)], key: String) -> String {
    renames
        .iter()
        .find(|(old, _)| *old == key)
        .map_or(key, |(_, new)| new.clone())
}

#[cfg(test)]
mod tests;

//! 机关运行经费 as the text states it (`narrative_operating_expenses`). It is
//! the 公用经费 of the administrative units (and those managed like them)
//! paid from the 一般公共预算, so it cannot exceed the 公用经费 of the
//! basic-expenditure table; where the document prints it in a table of its
//! own (a budget's 机关运行经费 column), the two must be equal.
use std::sync::OnceLock;

use fiscal_recognize::pattern::Regex;
use fiscal_recognize::{DocumentKind, Table, TableKind};

use super::stated::{amount_check, amounts, re, table_unit, Stated};
use crate::check::{label, Check, ComparedFigure};
use crate::context::Context;
use crate::figures::half_unit;
use crate::identities::{Figure, Name, Pick, Read};
use crate::rule::Rule;

const RULE: Rule = Rule::NarrativeOperatingExpenses;

/// Where the 公用经费 of the 一般公共预算 basic expenditure is printed.
const PUBLIC_EXPENSES: &[Figure] = &[
    Figure {
        kind: TableKind::GeneralBudgetBasicExpenditure,
        pick: Pick::Row {
            group: None,
            name: Name::Is(&["公用经费合计"]),
            leaves: &[],
        },
    },
    Figure {
        kind: TableKind::BudgetGeneralBasicExpenditure,
        pick: Pick::Row {
            group: None,
            name: Name::Total,
            leaves: &["公用经费"],
        },
    },
];

/// A column of its own for the 机关运行经费 (Shanghai budgets print it beside
/// the 三公).
fn own_column<'a>(ctx: &Context<'a>) -> Option<Read<'a>> {
    ctx.grids.iter().find_map(|t: &&'a Table| {
        let c = t
            .columns
            .iter()
            .find(|c| c.header.contains("机关运行经费"))?;
        let r = t
            .rows
            .iter()
            .find(|r| r.is_total())
            .or_else(|| t.rows.first())?;
        let value = r.values.get(&c.key).map(|v| v.unwrap_or_default())?;
        Some(Read {
            value,
            summands: 1,
            table: t,
            figures: vec![ComparedFigure::of(t, r, &c.key)],
        })
    })
}

/// The 机关运行经费 figure a passage states: the first after the words, or for
/// final accounts the one the phrase calls 决算 ("预算627.62万元，支出决算627.62万元").
fn stated(ctx: &Context, text: &str) -> Option<Stated> {
    static WORDS: OnceLock<Regex> = OnceLock::new();
    let words = re(&WORDS, r"机关运行经费");
    let at = words.find(text)?;
    let sentence_end = text[at.end()..]
        .find('。')
        .map_or(text.len(), |i| at.end() + i);
    let figures: Vec<Stated> = amounts(&text[at.end()..sentence_end])
        .into_iter()
        .map(|s| Stated {
            start: s.start + at.end(),
            end: s.end + at.end(),
            ..s
        })
        .filter(|s| {
            // Not a change against last year ("比上年减少1.11万元").
            let phrase = &text[at.end()..s.start];
            let phrase = phrase.rsplit('，').next().unwrap_or(phrase);
            !["比", "较", "增加", "减少", "上年"]
                .iter()
                .any(|w| phrase.contains(w))
        })
        .collect();
    if ctx.kind == Some(DocumentKind::FinalAccounts) {
        if let Some(f) = figures.iter().find(|s| {
            let phrase = &text[at.end()..s.start];
            phrase
                .rsplit('，')
                .next()
                .unwrap_or(phrase)
                .contains("决算")
        }) {
            return Some(*f);
        }
    }
    figures.first().copied()
}

pub fn run(ctx: &Context, out: &mut Vec<Check>) {
    let before = out.len();
    for p in ctx.passages.iter() {
        // Definitions ("机关运行经费：指…") state no figure of the document.
        if p.text.contains("机关运行经费：指") || p.text.contains("机关运行经费）:指")
        {
            continue;
        }
        let Some(stated) = stated(ctx, &p.text) else {
            continue;
        };
        if let Some(read) = own_column(ctx) {
            out.push(amount_check(
                ctx,
                RULE,
                "机关运行经费",
                &stated,
                Ok(read),
                p.pages,
            ));
            continue;
        }
        let read = PUBLIC_EXPENSES.iter().find_map(|f| f.read(&ctx.grids).ok());
        let Some(read) = read else {
            out.push(
                Check::skipped(
                    RULE,
                    format!(
                        "机关运行经费 stated {} {}, but no basic-expenditure table prints a 公用经费 total",
                        stated.value, stated.unit
                    ),
                )
                .on_pages(p.pages),
            );
            continue;
        };
        let (unit, assumed) = table_unit(ctx, read.table);
        let public = unit.convert(read.value, stated.unit);
        let tol = stated
            .half_unit()
            .max(unit.convert(half_unit(read.value), stated.unit));
        let ok = stated.value <= public + tol;
        let mut check = Check::verdict(
            RULE,
            ok,
            format!(
                "机关运行经费 stated {} {} {} 公用经费 {public} of {}{}",
                stated.value,
                stated.unit,
                if ok { "≤" } else { ">" },
                label(read.table),
                assumed.map_or(String::new(), |a| format!(" ({a})"))
            ),
        )
        .on_pages(p.pages);
        check.table = Some(label(read.table));
        out.push(check);
    }
    if out.len() == before {
        out.push(Check::skipped(
            RULE,
            "the narrative states no 机关运行经费 figure",
        ));
    }
}

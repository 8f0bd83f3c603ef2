//! Named items a sentence states ("本年收入合计9746.50万元") bound to the table
//! figure they restate, as data: the item's wording, the rule, and where the
//! figure is ([`Figure`], the same description the cross-table identities
//! use). The longest wording ending right before a figure wins.
use rust_decimal::Decimal;

use fiscal_recognize::{DocumentKind, MoneyUnit, TableKind};

use super::stated::{amount_check, amounts, table_unit};
use crate::check::Check;
use crate::context::Context;
use crate::identities::{row, Figure, Name, BASIC_TABLE_TOTAL};
use crate::rule::Rule;

/// Where a named item's figure lives in the tables.
pub(crate) struct Binding {
    /// The wording that names the item, right before its figure.
    pub item: &'static str,
    pub rule: Rule,
    /// The figure, the first of these the document prints.
    pub at: &'static [Figure],
    /// Words that must appear in the passage or the headings above it (the
    /// 人员经费 of the 一般公共预算 basic expenditure, not of all funds).
    pub within: &'static [&'static str],
}

use TableKind as K;

const fn bind(item: &'static str, rule: Rule, at: &'static [Figure]) -> Binding {
    Binding {
        item,
        rule,
        at,
        within: &[],
    }
}

const SUMMARY_TOTAL_IN: Figure = row(K::IncomeExpenditureSummary, Some("收入"), Name::Total, &[]);
const SUMMARY_TOTAL_OUT: Figure = row(K::IncomeExpenditureSummary, Some("支出"), Name::Total, &[]);
const CURRENT_IN: Figure = row(
    K::IncomeExpenditureSummary,
    Some("收入"),
    Name::Subtotal,
    &[],
);
const CURRENT_OUT: Figure = row(
    K::IncomeExpenditureSummary,
    Some("支出"),
    Name::Subtotal,
    &[],
);
/// The items of a 部门决算's 情况说明.
const FINAL_ACCOUNTS: &[Binding] = &[
    bind("总收入", Rule::NarrativeTotalIncome, &[SUMMARY_TOTAL_IN]),
    bind(
        "总支出",
        Rule::NarrativeTotalExpenditure,
        &[SUMMARY_TOTAL_OUT],
    ),
    bind(
        "收入支出总计",
        Rule::NarrativeTotalIncome,
        &[SUMMARY_TOTAL_IN],
    ),
    bind("本年收入", Rule::NarrativeCurrentIncome, &[CURRENT_IN]),
    bind(
        "本年支出",
        Rule::NarrativeCurrentExpenditure,
        &[CURRENT_OUT],
    ),
    bind("本年收入合计", Rule::NarrativeCurrentIncome, &[CURRENT_IN]),
    bind(
        "本年支出合计",
        Rule::NarrativeCurrentExpenditure,
        &[CURRENT_OUT],
    ),
    bind(
        "财政拨款收入支出总计",
        Rule::NarrativeFiscalTotal,
        &[row(
            K::FiscalAppropriationSummary,
            Some("收入"),
            Name::Total,
            &[],
        )],
    ),
    bind(
        "财政拨款收入合计",
        Rule::NarrativeFiscalIncome,
        &[row(
            K::FiscalAppropriationSummary,
            Some("收入"),
            Name::Subtotal,
            &[],
        )],
    ),
    bind(
        "财政拨款支出合计",
        Rule::NarrativeFiscalExpenditure,
        &[row(
            K::FiscalAppropriationSummary,
            Some("支出"),
            Name::Subtotal,
            &["合计"],
        )],
    ),
    bind(
        "一般公共预算财政拨款收入",
        Rule::NarrativeGeneralBudgetIncome,
        &[row(
            K::IncomeExpenditureSummary,
            Some("收入"),
            Name::EndsWith("一般公共预算财政拨款收入"),
            &[],
        )],
    ),
    bind(
        "政府性基金预算财政拨款收入",
        Rule::NarrativeGovernmentFundIncome,
        &[row(
            K::IncomeExpenditureSummary,
            Some("收入"),
            Name::EndsWith("政府性基金预算财政拨款收入"),
            &[],
        )],
    ),
    bind(
        "国有资本经营预算财政拨款收入",
        Rule::NarrativeStateCapitalIncome,
        &[row(
            K::IncomeExpenditureSummary,
            Some("收入"),
            Name::EndsWith("国有资本经营预算财政拨款收入"),
            &[],
        )],
    ),
    bind(
        "一般公共预算财政拨款支出",
        Rule::NarrativeGeneralBudgetExpenditure,
        &[row(
            K::GeneralBudgetExpenditure,
            None,
            Name::Total,
            &["本年支出合计", "合计", "小计"],
        )],
    ),
    bind(
        "基本支出",
        Rule::NarrativeBasicExpenditure,
        &[row(K::Expenditure, None, Name::Total, &["基本支出"])],
    ),
    bind(
        "项目支出",
        Rule::NarrativeProjectExpenditure,
        &[row(K::Expenditure, None, Name::Total, &["项目支出"])],
    ),
    Binding {
        item: "基本支出",
        rule: Rule::NarrativeGeneralBudgetBasicExpenditure,
        at: &[row(
            K::GeneralBudgetExpenditure,
            None,
            Name::Total,
            &["基本支出"],
        )],
        within: &["一般公共预算"],
    },
    Binding {
        item: "项目支出",
        rule: Rule::NarrativeGeneralBudgetProjectExpenditure,
        at: &[row(
            K::GeneralBudgetExpenditure,
            None,
            Name::Total,
            &["项目支出"],
        )],
        within: &["一般公共预算"],
    },
    bind(
        "一般公共预算财政拨款基本支出",
        Rule::NarrativeGeneralBudgetBasicExpenditure,
        BASIC_TABLE_TOTAL,
    ),
    Binding {
        item: "人员经费",
        rule: Rule::NarrativePersonnelExpenses,
        at: &[row(
            K::GeneralBudgetBasicExpenditure,
            None,
            Name::Is(&["人员经费合计"]),
            &[],
        )],
        within: &["一般公共预算", "基本支出"],
    },
    Binding {
        item: "公用经费",
        rule: Rule::NarrativePublicExpenses,
        at: &[row(
            K::GeneralBudgetBasicExpenditure,
            None,
            Name::Is(&["公用经费合计"]),
            &[],
        )],
        within: &["一般公共预算", "基本支出"],
    },
    bind(
        "非税收入合计",
        Rule::NarrativeNonTaxRevenue,
        &[row(K::NonTaxRevenue, None, Name::Total, &["合计"])],
    ),
    bind(
        "纳入预算管理",
        Rule::NarrativeNonTaxInBudget,
        &[row(K::NonTaxRevenue, None, Name::Total, &["纳入预算管理"])],
    ),
    bind(
        "纳入财政专户管理",
        Rule::NarrativeNonTaxInSpecialAccount,
        &[row(
            K::NonTaxRevenue,
            None,
            Name::Total,
            &["纳入财政专户管理"],
        )],
    ),
];

/// The items of a 部门预算's 情况说明 (added as the budget tables' rows and
/// columns are settled): this year's totals of the summary table.
const BUDGET: &[Binding] = &[
    bind(
        "本年收入合计",
        Rule::NarrativeCurrentIncome,
        crate::budget::CURRENT_INCOME,
    ),
    bind(
        "本年支出合计",
        Rule::NarrativeCurrentExpenditure,
        crate::budget::CURRENT_EXPENDITURE,
    ),
];

pub(crate) fn for_document(kind: Option<DocumentKind>) -> &'static [Binding] {
    match kind {
        Some(DocumentKind::FinalAccounts) => FINAL_ACCOUNTS,
        Some(DocumentKind::Budget) => BUDGET,
        _ => &[],
    }
}

/// Words that may stand between an item and its figure ("本年收入合计为…").
const LINKS: &[&str] = &["共计", "为", "共"];

/// How far before a figure its item's wording is looked for, in characters.
const ITEM_REACH: usize = 16;

pub fn run(ctx: &Context, out: &mut Vec<Check>) {
    let binds = for_document(ctx.kind);
    for p in ctx.passages.iter().filter(|p| !p.is_heading) {
        for stated in amounts(&p.text) {
            let before = &p.text[..stated.start];
            let tail: String = {
                let chars: Vec<char> = before.chars().collect();
                chars[chars.len().saturating_sub(ITEM_REACH)..]
                    .iter()
                    .collect()
            };
            let tail = LINKS
                .iter()
                .fold(tail.as_str(), |t, w| t.strip_suffix(w).unwrap_or(t));
            // The longest wording wins; among equal wordings, the one whose
            // context words (一般公共预算, …) the passage has.
            let Some(b) = binds
                .iter()
                .filter(|b| {
                    tail.ends_with(b.item)
                        && b.within
                            .iter()
                            .all(|w| p.context.contains(w) || before.contains(w))
                })
                .max_by_key(|b| (b.item.len(), b.within.len()))
            else {
                continue;
            };
            let read = first_read(ctx, b.at);
            out.push(amount_check(ctx, b.rule, b.item, &stated, read, p.pages));
        }
    }
}

fn first_read<'a>(ctx: &Context<'a>, at: &[Figure]) -> Result<crate::identities::Read<'a>, String> {
    let mut why = String::from("no table figure");
    for (i, f) in at.iter().enumerate() {
        match f.read(&ctx.grids) {
            Ok(r) => return Ok(r),
            Err(e) if i == 0 => why = e,
            Err(_) => {}
        }
    }
    Err(why)
}

/// The table figure of the item named `name`, in 万元 (the denominator of a
/// share "占本年支出合计的r%").
pub(crate) fn total_named(ctx: &Context, name: &str) -> Option<Decimal> {
    let b = for_document(ctx.kind).iter().find(|b| b.item == name)?;
    let read = first_read(ctx, b.at).ok()?;
    let (unit, _) = table_unit(ctx, read.table);
    Some(unit.convert(read.value, MoneyUnit::TenThousandYuan))
}

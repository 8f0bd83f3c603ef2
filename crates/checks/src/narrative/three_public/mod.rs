//! “三公” figures of the narrative, however the place words them, bound to
//! the 三公 table: Guangdong ("支出决算为5.72万元，完成预算6.89万元的83.02%"),
//! Shanghai ("年初预算为2.85万元，支出决算为0.39万元，完成预算的13.68%"),
//! Jiangsu ("因公出国（境）费支出80万元，占“三公”经费的19.1%"), budgets
//! ("安排公务接待费预算100.93万元"), items named in a heading above the figure
//! ("（一）因公出国（境）经费" / "2026年预算安排6.14万元").
//!
//! Each figure is given to the item named last before it in its clause (else
//! in its passage, else in its heading) and to a measure: 预算 or 决算 as the
//! words before it say, else the document's own (决算 in final accounts).
//! Changes against last year ("比上年减少15万元"), sub-items ("含外宾接待")
//! and numbered parts of an item ("（1）参加会议支出0万元") are not table
//! figures and are left alone. The table is read in [`table`]; an empty
//! table reads 0, so a blanked table the text still describes fails.
mod table;

use std::sync::OnceLock;

use fiscal_recognize::pattern::Regex;

use fiscal_recognize::DocumentKind;

pub(crate) use table::three_public_totals;
use table::{item_of_label, measure_in, three_public_table, Item, Measure};

use super::stated::{amount_check, amounts, dec, re, table_unit, Stated};
use crate::check::{label, Check, Status};
use crate::context::Context;
use crate::identities::Read;
use crate::passages::Passage;
use crate::ratio::{rate_check, Ratio};
use crate::rule::Rule;

/// Whether a passage is about the 三公 (mentions them, or stands under a
/// heading that does).
pub(crate) fn in_three_public(p: &Passage) -> bool {
    p.text.contains("三公") || p.context.contains("三公")
}

/// Mentions of 三公 items in a text: (end of the mention, item), in order.
fn mentions(text: &str) -> Vec<(usize, usize, Item)> {
    static MENTION: OnceLock<Regex> = OnceLock::new();
    let mention = re(
        &MENTION,
        r"公务用?车(?:辆)?购置(?:及|和)运行|公务用?车(?:辆)?购置|购置公务用?车|公务用?车(?:辆)?运行|因公出国|公务接待|三公|会议费|培训费",
    );
    mention
        .find_iter(text)
        .filter_map(|m| item_of_label(m.as_str()).map(|i| (m.start(), m.end(), i)))
        .collect()
}

/// The one item a heading names, if it names exactly one kind.
fn heading_item(context: &str) -> Option<Item> {
    let last = context.trim_end_matches('/').rsplit('/').next()?;
    let items: Vec<Item> = mentions(last).into_iter().map(|(_, _, i)| i).collect();
    let first = *items.first()?;
    items.iter().all(|i| *i == first).then_some(first)
}

const DELTA_WORDS: &[&str] = &[
    "增加", "减少", "增长", "下降", "节约", "超支", "降低", "压减", "上升",
];
const COMPARISON_WORDS: &[&str] = &["比", "较", "与", "同比", "上年", "上一年"];
const SUB_ITEM_WORDS: &[&str] = &["含", "外宾", "国内", "国外", "境外"];

/// The marker of a numbered sub-entry: "（1）", "(2)", "①".
fn sub_list_marker() -> &'static Regex {
    static MARKER: OnceLock<Regex> = OnceLock::new();
    re(&MARKER, r"[（(][0-9]+[）)]|[①-⑳]")
}

/// A 三公 figure found in a passage.
struct Found {
    stated: Stated,
    item: Item,
    measure: Measure,
    clause_start: usize,
}

fn figures_of(p: &Passage, default: Measure) -> Vec<Found> {
    let text = p.text.as_str();
    let all_mentions = mentions(text);
    let from_heading = if p.is_heading {
        None
    } else {
        heading_item(&p.context)
    };
    let mut found = Vec::new();
    for stated in amounts(text) {
        let before = &text[..stated.start];
        let clause_start = before
            .rfind(['。', '；'])
            .map_or(0, |i| i + '。'.len_utf8());
        let phrase_start = before[clause_start..]
            .rfind(['，', '、'])
            .map_or(clause_start, |i| clause_start + i + '，'.len_utf8());
        let phrase = &before[phrase_start..];
        if DELTA_WORDS.iter().any(|w| phrase.ends_with(w))
            || COMPARISON_WORDS.iter().any(|w| phrase.contains(w))
            || SUB_ITEM_WORDS.iter().any(|w| phrase.contains(w))
        {
            continue;
        }
        let in_clause = all_mentions
            .iter()
            .rev()
            .find(|(s, _, _)| *s >= clause_start && *s < stated.start);
        // A numbered entry of a list under an item ("开支内容包括：（1）参加
        // 会议支出0万元") is a part of it, not the item's figure.
        let listed_part = || sub_list_marker().is_match(&before[clause_start..]);
        let item = match in_clause {
            Some(m) => Some(m.2),
            None if listed_part() => None,
            None => all_mentions
                .iter()
                .rev()
                .find(|(s, _, _)| *s < stated.start)
                .map(|(_, _, i)| *i)
                .or(from_heading),
        };
        let Some(item) = item.filter(|i| *i != Item::Other) else {
            continue;
        };
        // The measure: the last word of the phrase before the figure that
        // names one ("年初预算为" / "支出决算为"), else the clause's ("决算中，
        // 因公出国（境）费0.42万元").
        let measure = measure_in(phrase)
            .or_else(|| measure_in(&before[clause_start..]).filter(|_| !p.is_heading))
            .unwrap_or(default);
        found.push(Found {
            stated,
            item,
            measure,
            clause_start,
        });
    }
    found
}

static SHARE: OnceLock<Regex> = OnceLock::new();
static DONE: OnceLock<Regex> = OnceLock::new();
static DONE_OF: OnceLock<Regex> = OnceLock::new();

pub fn run(ctx: &Context, out: &mut Vec<Check>) {
    let before = out.len();
    let default = match ctx.kind {
        Some(DocumentKind::Budget) => Measure::Budget,
        _ => Measure::Final,
    };
    let table = three_public_table(ctx);
    let share = re(
        &SHARE,
        r"^，占(?:“?三公”?经费(?:支出)?的)?([0-9]+(?:\.[0-9]+)?)[%％]",
    );
    let done = re(
        &DONE,
        r"^[，。]?完成(?:年初|全年)?预算(?:数)?的([0-9]+(?:\.[0-9]+)?)[%％]",
    );
    let done_of = re(&DONE_OF, r"^的([0-9]+(?:\.[0-9]+)?)[%％]");
    for p in ctx.passages.iter().filter(|p| in_three_public(p)) {
        let found = figures_of(p, default);
        for (i, f) in found.iter().enumerate() {
            let rule = f.item.rule(f.measure);
            let what = format!("{} {}", f.item.name(), f.measure.name());
            let read = match &table {
                None => Err("no 三公 table in this document".to_string()),
                Some(t) => t
                    .figure(f.item, f.measure)
                    .map(|value| Read {
                        value,
                        summands: 1,
                        table: t.table,
                        figures: Vec::new(),
                    })
                    .ok_or_else(|| format!("{} prints no {what}", label(t.table))),
            };
            out.push(amount_check(ctx, rule, &what, &f.stated, read, p.pages));
            let after = &p.text[f.stated.end..];
            // "…万元，占r%": a share of the 三公 total of the same measure.
            if let Some(c) = share.captures(after) {
                if let Some(rate) = dec(&c[1]) {
                    let total = found[..i]
                        .iter()
                        .rev()
                        .find(|g| g.item == Item::Total && g.measure == f.measure)
                        .map(|g| g.stated.value)
                        .or_else(|| {
                            let t = table.as_ref()?;
                            let v = t.figure(Item::Total, f.measure)?;
                            let (unit, _) = table_unit(ctx, t.table);
                            Some(unit.convert(v, f.stated.unit))
                        });
                    out.push(
                        match total {
                            Some(total) => rate_check(
                                Rule::NarrativeThreePublicShare,
                                &format!(
                                    "{} {} of the 三公 total {total}",
                                    f.item.name(),
                                    f.stated.value
                                ),
                                rate,
                                Ratio::of(f.stated.value, total),
                            ),
                            None => Check::new(
                                Rule::NarrativeThreePublicShare,
                                Status::Undetermined,
                                format!(
                                    "{}: share of a 三公 total the document does not give",
                                    f.item.name()
                                ),
                            ),
                        }
                        .on_pages(p.pages),
                    );
                }
            }
            // "决算为a万元，完成预算的r%" (budget from the clause or the table),
            // "完成预算b万元的r%" (this figure is the budget, the one before the final).
            let completion = if f.measure == Measure::Final {
                done.captures(after).and_then(|c| {
                    let rate = dec(&c[1])?;
                    let budget = found[..i]
                        .iter()
                        .rev()
                        .find(|g| {
                            g.item == f.item
                                && g.measure == Measure::Budget
                                && g.clause_start == f.clause_start
                        })
                        .map(|g| g.stated.value)
                        .or_else(|| {
                            let t = table.as_ref()?;
                            let v = t.figure(f.item, Measure::Budget)?;
                            let (unit, _) = table_unit(ctx, t.table);
                            Some(unit.convert(v, f.stated.unit))
                        })?;
                    Some((rate, f.stated.value, budget))
                })
            } else {
                done_of.captures(after).and_then(|c| {
                    let rate = dec(&c[1])?;
                    let actual = found[..i]
                        .iter()
                        .rev()
                        .find(|g| g.item == f.item && g.measure == Measure::Final)?;
                    Some((rate, actual.stated.value, f.stated.value))
                })
            };
            if let Some((rate, actual, budget)) = completion {
                out.push(
                    rate_check(
                        Rule::NarrativeCompletionRate,
                        &format!(
                            "{} 决算 {actual} 完成预算 {budget} 的 {rate}%",
                            f.item.name()
                        ),
                        rate,
                        Ratio::of(actual, budget),
                    )
                    .on_pages(p.pages),
                );
            }
        }
    }
    if out.len() == before {
        // Named for the total a document of its kind states (预算 or 决算).
        let rule = if ctx.kind == Some(fiscal_recognize::DocumentKind::FinalAccounts) {
            Rule::NarrativeThreePublicTotalFinal
        } else {
            Rule::NarrativeThreePublicTotalBudget
        };
        out.push(Check::skipped(rule, "the narrative states no 三公 figure"));
    }
}

//! Stated percentages checked at their stated precision: "增长9.06%" is
//! right when the figures it is a rate of, anywhere within their own rounding,
//! give 9.055 … 9.065; "71.73%" where they give 71.65 % is a failure. A rate
//! cut at its last digit ("95.45%" for 95.457 %) passes with a note: some
//! documents truncate. A rate over a zero base is a finding of its own.
//!
//! Shapes read here: a change ("a万元，比上年增加d万元，增长r%": r = d / (a ∓ d)),
//! a completion ("预算为a万元，支出决算为b万元，完成年初预算的r%") and a
//! share ("b万元，占r%" of the total the paragraph opens with, or "占X的r%").
use std::sync::OnceLock;

use fiscal_recognize::pattern::{escape, Captures, Regex};
use rust_decimal::Decimal;

use super::bindings::total_named;
use super::stated::{amounts, dec, re};
use crate::check::{Check, Status};
use crate::context::Context;
use crate::passages::Passage;
use crate::ratio::{rate_check, Ratio};

static CHANGE: OnceLock<Regex> = OnceLock::new();
static DONE: OnceLock<Regex> = OnceLock::new();
static SHARE: OnceLock<Regex> = OnceLock::new();
static TOTAL: OnceLock<Regex> = OnceLock::new();

const N: &str = r"[0-9][0-9,]*(?:\.[0-9]+)?";

fn change_re() -> &'static Regex {
    re(
        &CHANGE,
        &format!(
            r"({N})万元(?:，比|[。，]与|，较)(?:上年|上一年度|[0-9]{{4}}年度?|年初预算)[^，。；0-9]{{0,12}}?(?:{N}万元)?(?:相比，[^，。]{{0,16}}?)?(增加|减少)({N})万元，(?:增长|下降|减少|增加|上升|降低)({N})[%％]"
        ),
    )
}

fn done_re() -> &'static Regex {
    re(
        &DONE,
        &format!(
            r"(年初|全年|调整后)?预算数?为?({N})万元，(?:执行数|支出决算为?|决算数?为?)({N})万元[，。](?:完成(年初|全年)?预算数?的|执行率为?)({N})[%％]"
        ),
    )
}

pub fn run(ctx: &Context, out: &mut Vec<Check>) {
    let share = re(
        &SHARE,
        &format!(r"({N})万元，占((?:[^，。；的]{{1,20}})的)?({N})[%％]"),
    );
    let total = re(&TOTAL, &format!(r"(?:合计|总额|总计)(?:为)?({N})万元"));
    for p in ctx.passages.iter().filter(|p| !p.is_heading) {
        let text = p.text.as_str();
        for c in change_re().captures_iter(text) {
            let (Some(now), Some(delta), Some(rate)) = (dec(&c[1]), dec(&c[3]), dec(&c[4])) else {
                continue;
            };
            let ratio = Ratio::change(now, delta, &c[2] == "增加");
            out.push(rate_check("narrative_change_rate", &c[0], rate, ratio).on_pages(p.pages));
        }
        // 三公 completions and shares are read with their items in `three_public`.
        if super::three_public::in_three_public(p) {
            continue;
        }
        for c in done_re().captures_iter(text) {
            let (Some(budget), Some(done), Some(rate)) = (dec(&c[2]), dec(&c[3]), dec(&c[5]))
            else {
                continue;
            };
            out.push(completion(p, &c, budget, done, rate));
        }
        for c in share.captures_iter(text) {
            let (Some(part), Some(rate)) = (dec(&c[1]), dec(&c[3])) else {
                continue;
            };
            let start = c.get(0).map_or(0, |m| m.start());
            let denominator = match c.get(2) {
                // "占本年支出合计的r%": the named total, stated in the paragraph or in the tables.
                Some(name) => {
                    let name = name.as_str().trim_end_matches('的');
                    stated_total(text, name).or_else(|| total_named(ctx, name))
                }
                // "X万元，其中：a万元，占r%": a part of the figure the paragraph opens with.
                None => {
                    let opening = &text[..start];
                    total
                        .captures(opening)
                        .and_then(|d| dec(&d[1]))
                        .or_else(|| {
                            let first = amounts(opening).into_iter().next()?;
                            let after = &opening[first.end..];
                            (after.contains("其中") || after.contains("主要用于"))
                                .then_some(first.value)
                        })
                }
            };
            out.push(
                match denominator {
                    Some(d) => rate_check("narrative_share", &c[0], rate, Ratio::of(part, d)),
                    None => Check::new(
                        "narrative_share",
                        Status::Undetermined,
                        format!("“{}”: share of what is not stated", &c[0]),
                    ),
                }
                .on_pages(p.pages),
            );
        }
    }
}

/// "完成年初预算的r%" is a rate of the 年初 budget: where the sentence states
/// a budget of another kind (全年), the rate is checked against the 年初
/// figure the passage states, if any.
fn completion(p: &Passage, c: &Captures, budget: Decimal, done: Decimal, rate: Decimal) -> Check {
    let stated_kind = c.get(1).map(|m| m.as_str());
    let rate_kind = c.get(4).map(|m| m.as_str());
    let base = match (stated_kind, rate_kind) {
        (Some(a), Some(b)) if a != b => {
            let named = Regex::new(&format!(r"{b}预算数?为?({N})万元"))
                .ok()
                .and_then(|r| r.captures(&p.text).and_then(|d| dec(&d[1])));
            match named {
                Some(other) => {
                    return rate_check(
                        "narrative_completion_rate",
                        &format!(
                            "{} (a rate of the {b} budget, stated as {other}万元)",
                            &c[0]
                        ),
                        rate,
                        Ratio::of(done, other),
                    )
                    .on_pages(p.pages)
                }
                None => budget,
            }
        }
        _ => budget,
    };
    rate_check(
        "narrative_completion_rate",
        &c[0],
        rate,
        Ratio::of(done, base),
    )
    .on_pages(p.pages)
}

/// "X为a万元" stated in the text.
fn stated_total(text: &str, name: &str) -> Option<Decimal> {
    Regex::new(&format!("{}(?:为)?({N})万元", escape(name)))
        .ok()?
        .captures(text)
        .and_then(|d| dec(&d[1]))
}

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
use crate::figures::half_printed;
use crate::passages::Passage;
use crate::ratio::{rate_check, Ratio};
use crate::rule::Rule;

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

/// A share whose text names no base ("b万元，占r%" with no total before it).
struct Unbased<'a> {
    part: Decimal,
    rate: Decimal,
    quote: String,
    passage: usize,
    pages: &'a [u32],
}

pub fn run(ctx: &Context, out: &mut Vec<Check>) {
    let share = re(
        &SHARE,
        &format!(r"({N})万元，占((?:[^，。；的]{{1,20}})的)?({N})[%％]"),
    );
    let total = re(&TOTAL, &format!(r"(?:合计|总额|总计)(?:为)?({N})万元"));
    let mut unbased = Vec::new();
    for (i, p) in ctx
        .passages
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.is_heading)
    {
        let text = p.text.as_str();
        for c in change_re().captures_iter(text) {
            let (Some(now), Some(delta), Some(rate)) = (dec(&c[1]), dec(&c[3]), dec(&c[4])) else {
                continue;
            };
            let ratio = Ratio::change(now, delta, &c[2] == "增加");
            out.push(rate_check(Rule::NarrativeChangeRate, &c[0], rate, ratio).on_pages(p.pages));
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
            match denominator {
                Some(d) => out.push(
                    rate_check(Rule::NarrativeShare, &c[0], rate, Ratio::of(part, d))
                        .on_pages(p.pages),
                ),
                None if c.get(2).is_none() => unbased.push(Unbased {
                    part,
                    rate,
                    quote: c[0].to_string(),
                    passage: i,
                    pages: p.pages,
                }),
                None => out.push(
                    Check::new(
                        Rule::NarrativeShare,
                        Status::Undetermined,
                        format!("“{}”: share of what is not stated", &c[0]),
                    )
                    .on_pages(p.pages),
                ),
            }
        }
    }
    listed_shares(&unbased, out);
}

/// Shares listed one after the other with no base named ("支出包括：一般公共服务
/// 支出15,291.3万元，占81.65%；教育支出118.01万元，占0.63%；…", in one passage
/// or one passage each): where their rates come to 100 %, the list names every
/// part of the total it follows, and each rate is a share of the parts' sum.
/// A list whose rates do not close at 100 % names only some parts: what its
/// shares are of is not stated.
fn listed_shares(unbased: &[Unbased], out: &mut Vec<Check>) {
    let hundred = Decimal::ONE_HUNDRED;
    let mut start = 0;
    while start < unbased.len() {
        let (mut rates, mut slack) = (Decimal::ZERO, Decimal::ZERO);
        let mut closed = None;
        for (j, u) in unbased.iter().enumerate().skip(start) {
            if j > start && u.passage > unbased[j - 1].passage + 1 {
                break;
            }
            rates += u.rate;
            slack += half_printed(u.rate);
            if (rates - hundred).abs() <= slack {
                closed = Some(j);
                break;
            }
            if rates > hundred + slack {
                break;
            }
        }
        let Some(end) = closed else {
            let u = &unbased[start];
            out.push(
                Check::new(
                    Rule::NarrativeShare,
                    Status::Undetermined,
                    format!("“{}”: share of what is not stated", u.quote),
                )
                .on_pages(u.pages),
            );
            start += 1;
            continue;
        };
        let list = &unbased[start..=end];
        let sum: Decimal = list.iter().map(|u| u.part).sum();
        let sum_err: Decimal = list.iter().map(|u| half_printed(u.part)).sum();
        for u in list {
            let ratio = Ratio {
                den: sum,
                den_err: sum_err,
                ..Ratio::of(u.part, sum)
            };
            let what = format!(
                "“{}” (of {sum}万元, the sum of the {} parts listed, whose rates come to 100%)",
                u.quote,
                list.len()
            );
            let mut check = rate_check(Rule::NarrativeShare, &what, u.rate, ratio);
            if check.status == Status::Fail {
                // The sum is of the parts as the text states them; a share off
                // it may be rounded to make the list close at 100%, or the
                // list may not be what the rates are of: not decided.
                check.status = Status::Undetermined;
                check.detail.push_str(
                    " (a share may be adjusted for the list to close at 100%, or the rates be \
                     of another total: not decided)",
                );
            }
            out.push(check.on_pages(u.pages));
        }
        start = end + 1;
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
                // "年初预算为0万元，全年预算为a万元，…完成年初预算的r%": a rate
                // of a budget of nothing is no rate; the one stated is of the
                // budget the sentence gives (全年).
                Some(other) if other.is_zero() => {
                    return rate_check(
                        Rule::NarrativeCompletionRate,
                        &format!(
                            "{} (the {b} budget is 0万元: the rate is of the {} budget stated, {budget}万元)",
                            &c[0],
                            stated_kind.unwrap_or_default()
                        ),
                        rate,
                        Ratio::of(done, budget),
                    )
                    .on_pages(p.pages)
                }
                Some(other) => {
                    return rate_check(
                        Rule::NarrativeCompletionRate,
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
        Rule::NarrativeCompletionRate,
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

//! Words of comparison against the figures they compare (`narrative_wording`):
//! "决算数小于预算数" where the 决算 stated (or, for the 三公, printed) is
//! larger; "持平" where the two differ; "比上年…264448.86万元增加" where the
//! figure is smaller than last year's; "增加 … 下降 r%" in one change.
use std::sync::OnceLock;

use fiscal_recognize::pattern::Regex;
use rust_decimal::Decimal;

use super::stated::{amounts, dec, re};
use super::three_public::{in_three_public, three_public_totals};
use crate::check::{Check, Status};
use crate::context::Context;
use crate::passages::Passage;
use crate::rule::Rule;

const RULE: Rule = Rule::NarrativeWording;
/// How many sentences before a comparison its figures are looked for in.
const SENTENCES_BACK: usize = 3;
const DIRECTION_WORDS: &[&str] = &["增加", "减少", "增长", "下降", "持平"];
const N: &str = r"[0-9][0-9,]*(?:\.[0-9]+)?";

/// How two figures compare, as the text says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Said {
    Greater,
    Less,
    Equal,
}

impl Said {
    fn of(word: &str) -> Option<Said> {
        match word {
            "大于" | "高于" | "超过" | "多于" | "增加" | "超支" | "增长" | "上升" => {
                Some(Said::Greater)
            }
            "小于" | "低于" | "少于" | "减少" | "节约" | "下降" | "降低" => {
                Some(Said::Less)
            }
            "等于" | "持平" | "相等" | "一致" | "相同" => Some(Said::Equal),
            _ => None,
        }
    }

    fn holds(self, a: Decimal, b: Decimal, tol: Decimal) -> bool {
        match self {
            Said::Greater => a > b + tol,
            Said::Less => a < b - tol,
            Said::Equal => (a - b).abs() <= tol,
        }
    }
}

/// The last figure stated between `from` and `end` whose own phrase says it
/// is a 决算 (`actual`) or else a 预算 ("年初预算为2.85万元").
fn last_labelled(text: &str, from: usize, end: usize, actual: bool) -> Option<Decimal> {
    amounts(&text[from..end]).into_iter().rev().find_map(|a| {
        let before = &text[from..from + a.start];
        let phrase_start = before
            .rfind(['，', '。', '；'])
            .map_or(0, |i| i + '，'.len_utf8());
        let phrase = &before[phrase_start..];
        if phrase.contains('比') || phrase.contains('较') {
            return None;
        }
        let is_actual = ["决算", "执行数", "实际支出"]
            .iter()
            .any(|w| phrase.contains(w));
        let is_budget = !is_actual && phrase.contains("预算");
        (if actual { is_actual } else { is_budget }).then_some(a.value)
    })
}

/// Whether `text` holds `word`, or one of the words of `a|b`.
fn text_has(text: &str, word: &str) -> bool {
    word.split('|').any(|w| text.contains(w))
}

static VERSUS: OnceLock<Regex> = OnceLock::new();
static PAIR: OnceLock<Regex> = OnceLock::new();
static PRIOR: OnceLock<Regex> = OnceLock::new();

pub fn run(ctx: &Context, out: &mut Vec<Check>) {
    let before = out.len();
    // "决算数小于（全年）预算数", "决算数同预算数持平", "决算数较预算数减少".
    let versus = re(
        &VERSUS,
        r"决算(?:数)?(?:(大于|小于|高于|低于|超过|少于|多于|等于)|(?:与|同|和)(?:年初|全年|调整后)?预算(?:数)?(?:基本)?(持平|相等|一致|相同)|(?:较|比)(?:年初|全年|调整后)?预算(?:数)?(减少|增加|节约|超支|下降|增长))",
    );
    // "增加d万元，下降r%": the two words of one change must agree.
    let pair = re(
        &PAIR,
        &format!(r"(增加|减少)({N})万元，(?:同比)?(增长|下降|上升|减少|增加|降低)({N})[%％]"),
    );
    // "a万元，比上年…b万元增加d万元": the direction against the two figures.
    let prior = re(
        &PRIOR,
        &format!(
            r"({N})万元[，,]?(?:比|较)([^，。；万]{{0,24}}?)({N})万元(?:相比)?[，,]?(增加|减少|增长|下降|持平)"
        ),
    );
    // A passage is searched only when it holds the words every match holds.
    let search = |re: &'static Regex, text, words: &[&str]| {
        words
            .iter()
            .all(|w| text_has(text, w))
            .then(|| re.captures_iter(text))
            .into_iter()
            .flatten()
    };
    for p in ctx.passages.iter() {
        let text = p.text.as_str();
        for m in search(versus, text, &["决算"]) {
            let whole = m.get(0).expect("match");
            let word = (1..=3).find_map(|i| m.get(i)).map_or("", |g| g.as_str());
            let Some(said) = Said::of(word) else {
                continue;
            };
            if let Some(check) = versus_check(ctx, p, whole.start(), whole.as_str(), said) {
                out.push(check);
            }
        }
        for c in search(pair, text, &["万元，"]) {
            let ok = Said::of(&c[1]) == Said::of(&c[3]);
            out.push(
                Check::verdict(
                    RULE,
                    ok,
                    format!(
                        "“{}”: {} and {} in one change{}",
                        &c[0],
                        &c[1],
                        &c[3],
                        if ok {
                            " agree"
                        } else {
                            " contradict each other"
                        }
                    ),
                )
                .on_pages(p.pages),
            );
        }
        for c in search(prior, text, &["万元", "比|较"]) {
            // The figure after 比 is last year's only when no change word precedes it.
            if DIRECTION_WORDS.iter().any(|w| c[2].contains(w)) {
                continue;
            }
            let (Some(now), Some(then), Some(said)) = (dec(&c[1]), dec(&c[3]), Said::of(&c[4]))
            else {
                continue;
            };
            let ok = said.holds(now, then, Decimal::new(5, 3));
            out.push(
                Check::verdict(
                    RULE,
                    ok,
                    format!(
                        "“{}”: {now} {} {then}, stated as {}",
                        &c[0],
                        if now > then {
                            ">"
                        } else if now < then {
                            "<"
                        } else {
                            "="
                        },
                        &c[4]
                    ),
                )
                .on_pages(p.pages),
            );
        }
    }
    if out.len() == before {
        out.push(Check::skipped(
            RULE,
            "the narrative compares no figures in words",
        ));
    }
}

/// "决算数小于预算数": the 决算 and 预算 the text stated just before (this
/// sentence or the one before), else for a 三公 sentence the 三公 table's.
fn versus_check(ctx: &Context, p: &Passage, at: usize, quoted: &str, said: Said) -> Option<Check> {
    let text = p.text.as_str();
    // This sentence and the two before it ("年初预算为0.88万元，支出决算为0.88
    // 万元。完成年初预算的100.00%。决算数同预算数持平。").
    let sentence_start =
        (0..SENTENCES_BACK).fold(at, |end, _| text[..end].rfind('。').unwrap_or(0));
    let sentence_start = if sentence_start == 0 {
        0
    } else {
        sentence_start + '。'.len_utf8()
    };
    let sentence = &text[text[..at].rfind('。').map_or(0, |i| i + '。'.len_utf8())..at];
    // A 三公 statement compares the 三公 totals, whatever items the sentences
    // before it list.
    let three_public = (in_three_public(p) && sentence.contains("三公"))
        .then(|| three_public_totals(ctx))
        .flatten();
    let stated = (
        last_labelled(text, sentence_start, at, true),
        last_labelled(text, sentence_start, at, false),
    );
    let (actual, budget, source) = match (three_public, stated) {
        (Some((a, b)), _) => (a, b, "the 三公 table's totals"),
        (None, (Some(a), Some(b))) => (a, b, "as stated"),
        _ => {
            return Some(
                Check::new(
                    RULE,
                    Status::Undetermined,
                    format!("“{quoted}”: no 决算 and 预算 figures stated before it"),
                )
                .on_pages(p.pages),
            )
        }
    };
    let ok = said.holds(actual, budget, Decimal::new(5, 3));
    Some(
        Check::verdict(
            RULE,
            ok,
            format!("“{quoted}”: 决算 {actual} vs 预算 {budget} ({source})"),
        )
        .on_pages(p.pages),
    )
}

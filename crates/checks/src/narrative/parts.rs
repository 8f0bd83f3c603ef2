//! A stated total against the parts the text lists under it, within the
//! text alone, so a document that publishes no tables is still checked:
//!
//! - inline: "政府采购预算总额29279.70万元，其中：货物预算664.32万元，工程预算
//!   201.61万元，服务预算28413.77万元。" (also "包括…");
//! - a numbered list after the figure it breaks down: "“三公”经费预算231.48万元，…"
//!   then "（一）…181.99万元" "（二）…2.85万元" "（三）…46.64万元" — the items
//!   numbered in one style, counting up, each giving its figure first;
//! - headings: "二、收入预算情况说明" opening with "收入预算288416.35万元" over
//!   "（一）本年财政拨款收入277848.45万元" "（二）…" "（三）…", and a heading
//!   that states a figure over the numbered items below it.
//!
//! Parts that come to more than their total are an error; parts that come to
//! less may be a list of some parts only ("其中" names some), so that is
//! undetermined, with both figures in the detail.
use rust_decimal::Decimal;

use fiscal_recognize::numbering::{numbering, Style};
use fiscal_recognize::text::compact;
use fiscal_recognize::Section;

use super::stated::{amounts, Stated};
use crate::check::{Check, Status};
use crate::context::Context;
use crate::figures::half_printed;
use crate::rule::Rule;

const RULE: Rule = Rule::NarrativePartsSum;

/// Words after which a sentence's figures are parts of the figure before them.
const INLINE_INTRO: &[&str] = &["其中：", "其中:", "包括："];
/// Words that begin a list of parts.
const LIST_WORDS: &[&str] = &["其中", "包括"];
/// Words that make a figure a change or a comparison, not a part.
const CHANGE_WORDS: &[&str] = &["比", "较", "增加", "减少", "增长", "下降", "持平"];

pub fn run(ctx: &Context, out: &mut Vec<Check>) {
    walk(&ctx.doc.sections, out);
}

fn walk(sections: &[Section], out: &mut Vec<Check>) {
    for s in sections {
        let paragraphs: Vec<String> = s.paragraphs.iter().map(|p| compact(p)).collect();
        for p in &paragraphs {
            inline_parts(p, &s.pages, out);
        }
        listed_parts(s, &paragraphs, out);
        child_parts(s, &paragraphs, out);
        walk(&s.children, out);
    }
}

/// The one figure `text` states of its own: the only one before a
/// comparison ("比上年…") or a list of parts ("其中", "包括") begins. Text
/// stating two ("预算为3.00万元，支出决算为2.40万元") gives none: which of
/// them the parts would add up to is not said.
fn own_figure(text: &str) -> Option<Stated> {
    let end = CHANGE_WORDS
        .iter()
        .chain(LIST_WORDS)
        .filter_map(|w| text.find(w))
        .min()
        .unwrap_or(text.len());
    match amounts(&text[..end]).as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// "X万元，其中：a万元，b万元。": each clause after the intro names one part.
fn inline_parts(text: &str, pages: &[u32], out: &mut Vec<Check>) {
    for sentence in text.split('。') {
        let Some((at, intro)) = INLINE_INTRO
            .iter()
            .filter_map(|w| sentence.find(w).map(|i| (i, *w)))
            .min()
        else {
            continue;
        };
        let Some(total) = amounts(&sentence[..at]).pop() else {
            continue;
        };
        let rest = &sentence[at + intro.len()..];
        // Each clause one part, none a comparison or a list of its own.
        // (An ASCII comma is a thousands separator: "3,360.84万元".)
        let clauses: Vec<&str> = rest.split(['，', '；', '、', ';']).collect();
        if LIST_WORDS.iter().any(|w| rest.contains(w))
            || clauses
                .iter()
                .any(|c| amounts(c).len() > 1 || CHANGE_WORDS.iter().any(|w| c.contains(w)))
        {
            continue;
        }
        let parts: Vec<Option<Stated>> = clauses
            .iter()
            .filter_map(|c| amounts(c).into_iter().next())
            .map(Some)
            .collect();
        if parts.len() >= 2 {
            out.push(verdict(sentence, &total, &parts).on_pages(pages));
        }
    }
}

/// A numbered item: its numbering and the figure it states first.
struct Item {
    style: Style,
    number: u32,
    figure: Option<Stated>,
}

fn item(text: &str) -> Option<Item> {
    let (style, number) = numbering(text)?;
    Some(Item {
        style,
        number,
        figure: own_figure(text),
    })
}

/// The items of a numbered list starting at `texts[0]`: those numbered in its
/// style counting up, other paragraphs between them (sub-items, captions)
/// passed over, up to one numbered out of turn.
fn numbered_run(texts: &[String]) -> Vec<Item> {
    let mut run: Vec<Item> = Vec::new();
    for t in texts {
        let Some(it) = item(t) else {
            if run.is_empty() {
                break;
            }
            continue;
        };
        match run.last() {
            None => run.push(it),
            Some(last) if it.style != last.style => {}
            Some(last) if it.number == last.number + 1 => run.push(it),
            Some(_) => break,
        }
    }
    run
}

/// A figure followed by the numbered items that break it down: a paragraph
/// then items in the paragraphs after it, or a heading stating a figure then
/// items opening its paragraphs.
fn listed_parts(s: &Section, paragraphs: &[String], out: &mut Vec<Check>) {
    let heading = compact(&s.heading);
    if let Some(total) = numbering(&heading).and(own_figure(&heading)) {
        lists_under(&heading, &total, paragraphs, &s.pages, out);
    }
    for (i, p) in paragraphs.iter().enumerate() {
        // An item stating its figure is a part, not an intro, unless it ends
        // by announcing its own parts ("…项目支出预算256759.24万元…。其中：").
        let announces = p.ends_with(['：', ':']);
        if numbering(p).is_some() && !announces {
            continue;
        }
        if let Some(total) = own_figure(p) {
            lists_under(p, &total, &paragraphs[i + 1..], &s.pages, out);
        }
    }
}

fn lists_under(intro: &str, total: &Stated, after: &[String], pages: &[u32], out: &mut Vec<Check>) {
    if states_both_sides(intro, total) {
        return;
    }
    let run = numbered_run(after);
    if run.len() >= 2 && run.iter().any(|it| it.figure.is_some()) {
        let parts: Vec<Option<Stated>> = run.into_iter().map(|it| it.figure).collect();
        out.push(verdict(intro, total, &parts).on_pages(pages));
    }
}

/// A section opening with a figure whose sub-sections, numbered in one style
/// counting up, each state theirs in the heading.
fn child_parts(s: &Section, paragraphs: &[String], out: &mut Vec<Check>) {
    let Some((intro, total)) = paragraphs
        .last()
        .and_then(|p| own_figure(p).map(|t| (p, t)))
    else {
        return;
    };
    let headings: Vec<String> = s.children.iter().map(|c| compact(&c.heading)).collect();
    let items: Vec<Item> = headings.iter().filter_map(|h| item(h)).collect();
    let counts_up = items
        .windows(2)
        .all(|w| w[1].style == w[0].style && w[1].number == w[0].number + 1);
    if items.len() >= 2
        && !states_both_sides(intro, &total)
        && items.len() == headings.len()
        && counts_up
        && items.iter().all(|it| it.figure.is_some())
    {
        let parts: Vec<Option<Stated>> = items.into_iter().map(|it| it.figure).collect();
        out.push(verdict(intro, &total, &parts).on_pages(&s.pages));
    }
}

/// A total of income and expenditure ("收入、支出预算总计…", "收支总计"): what
/// follows are its two sides, each the whole, not parts.
fn states_both_sides(intro: &str, total: &Stated) -> bool {
    let before = &intro[..total.start];
    before.contains("收支") || before.contains("收入、支出") || before.contains("收入和支出")
}

/// The total against the sum of its parts, each read in the total's unit.
fn verdict(intro: &str, total: &Stated, parts: &[Option<Stated>]) -> Check {
    let what = quote_total(intro, total);
    let known: Vec<&Stated> = parts.iter().flatten().collect();
    let sum: Decimal = known
        .iter()
        .map(|p| p.unit.convert(p.value, total.unit))
        .sum();
    let tol = total.half_unit()
        + known
            .iter()
            .map(|p| p.unit.convert(half_printed(p.value), total.unit))
            .sum::<Decimal>();
    let listed = format!(
        "{what}: the {} parts listed come to {sum} {}",
        parts.len(),
        total.unit
    );
    let unstated = parts.len() - known.len();
    if (sum - total.value).abs() <= tol {
        Check::verdict(RULE, true, format!("{listed} = {}", total.value))
    } else if sum > total.value {
        Check::verdict(RULE, false, format!("{listed} > {}", total.value))
    } else if unstated > 0 {
        Check::new(
            RULE,
            Status::Undetermined,
            format!(
                "{listed} < {}, and {unstated} of them state no figure",
                total.value
            ),
        )
    } else {
        Check::new(
            RULE,
            Status::Undetermined,
            format!(
                "{listed} < {}: the list may name only some of the parts",
                total.value
            ),
        )
    }
}

/// The total as the text states it, with a little of what precedes it.
fn quote_total(text: &str, total: &Stated) -> String {
    crate::passages::quote(text, total.start, total.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(heading: &str, paragraphs: &[&str], children: Vec<Section>) -> Section {
        Section {
            heading: heading.to_string(),
            level: 2,
            pages: vec![3],
            paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
            children,
            ..Default::default()
        }
    }

    fn checks(sections: &[Section]) -> Vec<(Status, String)> {
        let mut out = Vec::new();
        walk(sections, &mut out);
        out.into_iter().map(|c| (c.status, c.detail)).collect()
    }

    #[test]
    fn inline_parts_add_up() {
        let s = section(
            "（一）政府采购预算说明",
            &["2026年北京市商务局政府采购预算总额29279.70万元，其中：政府采购货物预算664.32万元，政府采购工程预算201.61万元，政府采购服务预算28413.77万元。"],
            vec![],
        );
        let c = checks(&[s]);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].0, Status::Pass, "{c:?}");
        // A part misprinted high: the parts exceed the total.
        let s = section(
            "",
            &["本年支出合计9759.38万元，其中：基本支出5377.64万元，占55.10%；项目支出4481.74万元，占44.90%。"],
            vec![],
        );
        let c = checks(&[s]);
        assert_eq!(c[0].0, Status::Fail, "{c:?}");
        assert!(c[0].1.contains("9859.38 万元 > 9759.38"), "{c:?}");
    }

    #[test]
    fn thousands_separators_and_the_two_sides_of_a_total() {
        let s = section(
            "",
            &[
                "2026年度本单位政府采购预算3,360.84万元，其中：政府采购货物预算1,303.00万元、政府采购工程预算0.00万元、政府采购服务预算2,057.84万元。",
                // A part with parts of its own ("其中结转结余…"): the list is no plain sum.
                "上级下达资金1,262.04万元，主要包括：机房建设项目84.00万元，常用装备保障项目615.04万元，其中结转结余126.00万元。",
                "2026年度收入、支出预算总计24,169.74万元，与上年相比收、支预算总计各增加1.00万元。",
                "1.收入预算24,169.74万元。",
                "2.支出预算24,169.74万元。",
            ],
            vec![],
        );
        let c = checks(&[s]);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].0, Status::Pass, "{c:?}");
    }

    #[test]
    fn a_comparison_is_no_part() {
        let s = section(
            "",
            &["收入合计100.00万元，其中：财政拨款60.00万元，比上年增加5.00万元。"],
            vec![],
        );
        assert!(checks(&[s]).is_empty());
    }

    #[test]
    fn numbered_items_after_their_total_pass_over_sub_items() {
        let s = section(
            "三、支出预算情况说明",
            &[
                "2026年支出预算288416.35万元，比2025年年初预算数264448.86万元增加23967.49万元，增长9.06%。",
                "（一）基本支出。基本支出预算31644.88万元，占本年支出预算10.97%。",
                "（二）项目支出。项目支出预算256759.24万元，占本年支出预算89.03%。其中：",
                "1.事业单位经营支出0.00万元。",
                "2.上缴上级支出0.00万元。",
                "图2：基本支出和项目支出情况",
                "（三）年终结转结余资金12.23万元。",
            ],
            vec![],
        );
        let c = checks(&[s]);
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(c[0].0, Status::Pass, "{c:?}");
        // "其中" names two kinds of project spending, not all of it.
        assert_eq!(c[1].0, Status::Undetermined, "{c:?}");
    }

    #[test]
    fn headings_stating_figures_are_parts_of_the_section_figure() {
        let s = section(
            "二、收入预算情况说明",
            &["2026年度收入预算288416.35万元，比2025年年初预算数264448.86万元增加23967.49万元，增长9.06%。"],
            vec![
                section(
                    "（一）本年财政拨款收入277848.45万元",
                    &[
                        "1.一般公共预算拨款收入130848.45万元。",
                        "2.政府性基金预算拨款收入147000.00万元。",
                        "3.国有资本经营预算拨款收入0.00万元。",
                    ],
                    vec![],
                ),
                section(
                    "（二）本年其他资金收入880.69万元",
                    &["4.财政专户管理资金收入330.00万元。", "5.其他收入550.69万元。"],
                    vec![],
                ),
                section("（三）上年结转结余9687.21万元", &[], vec![]),
            ],
        );
        let c = checks(&[s]);
        assert_eq!(
            c.iter().map(|c| c.0).collect::<Vec<_>>(),
            [Status::Pass, Status::Pass, Status::Pass],
            "{c:?}"
        );
    }

    #[test]
    fn an_item_without_a_figure_leaves_a_shortfall_undetermined() {
        let s = section(
            "（七）一般公共预算“三公”经费预算情况说明（详见表7）",
            &[
                "2026年“三公”经费预算数为4,112.82万元，比上年预算数增加11.97万元，增长0.3%，具体如下:",
                "1.因公出国（境）费用：根据市本级因公出国（境）费用预算管理模式，本部门年初不编制因公出国（境）费用预算。",
                "2.公务接待费：2026年安排公务接待费预算100.93万元，与上年预算数持平。",
                "3.公务用车购置及运行维护费：2026年安排公务用车购置及运行维护费预算4,011.89万元。",
            ],
            vec![],
        );
        let c = checks(&[s]);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].0, Status::Pass, "{c:?}");
    }
}

//! Planted errors in the narrative: figures, units, rates at their stated
//! precision, the 三公 in each place's wording, words of comparison,
//! 机关运行经费.
use rust_decimal::Decimal;

use fiscal_recognize::{AnyTable, DocumentKind, MoneyUnit, Recognized, TableKind};

use super::*;
use crate::check::Status;
use crate::ratio::{rate_check, Ratio};
use crate::rule::Rule;
use crate::run::run_checks;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn failed_rules_after(old: &str, new: &str) -> Vec<String> {
    let mut doc = consistent();
    edit(&mut doc, old, new);
    let f = failed(&doc);
    rules(&f).into_iter().map(str::to_string).collect()
}

#[test]
fn narrative_figures_off_by_a_cent_or_by_ten_are_caught() {
    for stated in ["105.01", "115.00", "104.99"] {
        let f = failed_rules_after(
            "收入支出总计105.00万元",
            &format!("收入支出总计{stated}万元"),
        );
        assert!(
            f.contains(&"narrative_total_income".to_string()),
            "{stated}: {f:?}"
        );
    }
    assert_eq!(
        failed_rules_after("人员经费60.00万元", "人员经费61.00万元"),
        vec!["narrative_personnel_expenses"]
    );
    // "一般公共预算财政拨款基本支出" is the basic-expenditure table's total,
    // not 支出决算表's 基本支出.
    assert_eq!(
        failed_rules_after("基本支出80.00万元。其中", "基本支出80.10万元。其中"),
        vec!["narrative_general_budget_basic_expenditure"]
    );
}

#[test]
fn tables_in_yuan_and_thousands_are_compared_at_their_own_scale() {
    for (unit, factor) in [(MoneyUnit::Yuan, "10000"), (MoneyUnit::ThousandYuan, "10")] {
        let mut doc = consistent();
        for t in doc.tables.iter_mut() {
            let AnyTable::Grid(t) = t else { continue };
            t.money_unit = Some(unit);
            for r in t.rows.iter_mut() {
                for v in r.values.values_mut().flatten() {
                    *v *= d(factor);
                }
            }
        }
        let f = failed(&doc);
        assert!(f.is_empty(), "{unit}: {f:#?}");
    }
}

#[test]
fn a_table_in_the_wrong_unit_is_a_unit_finding_and_a_missing_unit_is_said() {
    // 表1 says 元 but prints the figures of 万元.
    let mut doc = consistent();
    grid(&mut doc, "表1").money_unit = Some(MoneyUnit::Yuan);
    let f = failed(&doc);
    assert!(rules(&f).contains(&"narrative_unit"), "{f:#?}");
    let unit = f.iter().find(|c| c.rule == "narrative_unit").unwrap();
    assert!(unit.detail.contains("only if it were in 万元"), "{unit:#?}");

    // No unit anywhere: read in 万元, and the detail says so.
    let mut doc = consistent();
    doc.document.money_unit = None;
    for t in doc.tables.iter_mut() {
        if let AnyTable::Grid(t) = t {
            t.money_unit = None;
        }
    }
    let checks = run_checks(&doc);
    let c = checks
        .iter()
        .find(|c| c.rule == "narrative_total_income")
        .unwrap();
    assert_eq!(c.status, Status::Pass);
    assert!(c.detail.contains("prints no unit"), "{c:#?}");
}

#[test]
fn rates_are_checked_at_their_stated_precision() {
    let check = |stated: &str, num: &str, den: &str| {
        rate_check(
            Rule::NarrativeShare,
            "x",
            d(stated),
            Ratio::of(d(num), d(den)),
        )
        .status
    };
    // 71.65 % from the figures: "71.73%" is wrong, not within half a point.
    assert_eq!(check("71.73", "71.65", "100.00"), Status::Fail);
    assert_eq!(check("71.65", "71.65", "100.00"), Status::Pass);
    // One decimal: 71.6 … 71.7 both hold 71.65.
    assert_eq!(check("71.7", "71.65", "100.00"), Status::Pass);
    assert_eq!(check("71.6", "71.65", "100.00"), Status::Pass);
    assert_eq!(check("71.8", "71.65", "100.00"), Status::Fail);
    // The rounding of the inputs: 0.42 / 0.43 is anywhere in 95.4 … 100 %.
    assert_eq!(check("97.67", "0.42", "0.43"), Status::Pass);
    assert_eq!(check("98.00", "0.42", "0.43"), Status::Pass);
    assert_eq!(check("101.00", "0.42", "0.43"), Status::Fail);
    // A rate truncated instead of rounded (95.457 % printed "95.45%") is a
    // printing convention: it passes and says so; one digit lower still fails.
    let c = rate_check(
        Rule::NarrativeShare,
        "x",
        d("95.45"),
        Ratio::of(d("9746.50"), d("10210.34")),
    );
    assert_eq!(c.status, Status::Pass);
    assert!(c.detail.contains("truncated"), "{c:#?}");
    assert_eq!(check("95.44", "9746.50", "10210.34"), Status::Fail);
    // Over a zero base: 0% of nothing and a 100% rise from nothing are the
    // usual ways of saying there is no rate (skipped, with the reason); any
    // other rate over nothing is wrong.
    let c = rate_check(Rule::NarrativeShare, "x", d("0"), Ratio::of(d("0"), d("0")));
    assert!(c.detail.contains("zero base"));
    assert_eq!(c.status, Status::Skipped);
    let c = rate_check(
        Rule::NarrativeShare,
        "x",
        d("100.00"),
        Ratio::change(d("5"), d("5"), true),
    );
    assert_eq!(c.status, Status::Skipped);
    let c = rate_check(
        Rule::NarrativeShare,
        "x",
        d("35"),
        Ratio::of(d("5"), d("0")),
    );
    assert_eq!(c.status, Status::Fail);
}

#[test]
fn stated_rates_in_the_narrative_are_caught() {
    assert_eq!(
        failed_rules_after("增长5.00%", "增长5.10%"),
        vec!["narrative_change_rate"]
    );
    assert_eq!(
        failed_rules_after("增长33.3%", "增长33.4%"),
        vec!["narrative_change_rate"]
    );
    assert_eq!(
        failed_rules_after("完成年初预算的90.91%", "完成年初预算的90.19%"),
        vec!["narrative_completion_rate"]
    );
    assert_eq!(
        failed_rules_after("项目支出20.00万元，占20.00%", "项目支出20.00万元，占25.00%"),
        vec!["narrative_share"]
    );
    // A rate over a zero base.
    let mut doc = consistent();
    edit(
        &mut doc,
        "基本支出80.00万元，比上年决算增加20.00万元，增长33.3%",
        "基本支出80.00万元，比上年决算增加80.00万元，增长50%",
    );
    let f = failed(&doc);
    assert!(f[0].detail.contains("zero base"), "{f:#?}");
}

#[test]
fn completion_of_a_budget_the_sentence_does_not_name() {
    // "年初预算为0万元，全年预算为…，完成年初预算的r%": a rate of a budget of
    // nothing is no rate; the one stated is of the 全年 budget, and is held to it.
    let sentence = "一般公共预算财政拨款支出年初预算为0万元，全年预算为110.00万元，支出决算为100.00万元，完成年初预算的90.91%";
    assert_eq!(
        failed_rules_after(
            "一般公共预算财政拨款支出年初预算为110.00万元，支出决算为100.00万元，完成年初预算的90.91%",
            sentence,
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        failed_rules_after(
            "一般公共预算财政拨款支出年初预算为110.00万元，支出决算为100.00万元，完成年初预算的90.91%",
            &sentence.replace("90.91%", "90.19%"),
        ),
        vec!["narrative_completion_rate"]
    );
}

#[test]
fn three_public_figures_in_the_shanghai_wording() {
    assert_eq!(
        failed_rules_after(
            "公务接待费支出决算为0.50万元",
            "公务接待费支出决算为0.60万元"
        ),
        // The 三公 items then also come to more than the total stated before "其中".
        vec![
            "narrative_completion_rate",
            "narrative_parts_sum",
            "narrative_three_public_reception_final"
        ]
    );
    assert_eq!(
        failed_rules_after("年初预算为3.00万元", "年初预算为3.10万元"),
        vec![
            "narrative_completion_rate",
            "narrative_three_public_total_budget"
        ]
    );
    assert_eq!(
        failed_rules_after("完成预算的93.33%", "完成预算的94.33%"),
        vec!["narrative_completion_rate"]
    );
    assert_eq!(
        failed_rules_after("1.40万元，占58.33%", "1.40万元，占59.33%"),
        vec!["narrative_three_public_share"]
    );
}

#[test]
fn a_blanked_three_public_table_the_text_still_describes_fails() {
    let mut doc = consistent();
    for r in grid(&mut doc, "表7").rows.iter_mut() {
        for v in r.values.values_mut() {
            *v = None;
        }
    }
    grid(&mut doc, "表7").notes =
        vec!["说明：本单位本年度没有财政拨款“三公”经费支出，故本表无数据。".into()];
    let f = failed(&doc);
    let rules = rules(&f);
    assert!(
        rules.contains(&"narrative_three_public_total_final"),
        "{f:#?}"
    );
    assert!(rules.contains(&"narrative_three_public_reception_final"));
    let c = f
        .iter()
        .find(|c| c.rule == "narrative_three_public_total_final")
        .unwrap();
    assert!(c.detail.contains("stated 2.40 万元 ≠ table 0"), "{c:#?}");
}

/// The Guangdong wording: "决算为a万元，完成预算b万元的r%".
#[test]
fn three_public_figures_in_the_guangdong_wording() {
    let mut doc = consistent();
    edit(
        &mut doc,
        "“三公”经费财政拨款支出年初预算为3.00万元，支出决算为2.40万元，完成预算的80.00%，其中：因公出国（境）费决算为0.50万元，完成预算的50.00%；公务用车购置及运行维护费支出决算为1.40万元，完成预算的93.33%；公务接待费支出决算为0.50万元，完成预算的100.00%。",
        "本单位2024年度“三公”经费财政拨款支出决算为2.40万元，完成预算3.00万元的80%。其中：因公出国（境）费支出决算为0.50万元，完成预算1.00万元的50%；公务用车购置及运行费支出决算为1.40万元，完成预算1.50万元的93.33%（其中：公务用车购置支出决算为0.50万元，完成预算0.50万元的100%；公务用车运行费支出决算为0.90万元，完成预算1.00万元的90%）；公务接待费支出决算为0.50万元，完成预算0.50万元的100%。",
    );
    let f = failed(&doc);
    assert!(f.is_empty(), "{f:#?}");
    let checks = run_checks(&doc);
    for rule in [
        "narrative_three_public_vehicle_purchase_budget",
        "narrative_three_public_vehicle_operation_final",
    ] {
        assert!(
            checks
                .iter()
                .any(|c| c.rule == rule && c.status == Status::Pass),
            "{rule}"
        );
    }
    let mut wrong = doc.clone();
    edit(&mut wrong, "完成预算1.00万元的90%", "完成预算1.10万元的90%");
    assert_eq!(
        rules(&failed(&wrong)),
        vec![
            "narrative_completion_rate",
            "narrative_three_public_vehicle_operation_budget"
        ]
    );
}

/// The Jiangsu wording: "因公出国（境）费支出80万元，占“三公”经费的19.1%".
#[test]
fn three_public_shares_in_the_jiangsu_wording() {
    let mut doc = consistent();
    edit(
        &mut doc,
        "“三公”经费财政拨款支出决算中，因公出国（境）费支出决算0.50万元，占20.83%；",
        "本单位2024年度一般公共预算拨款安排的“三公”经费支出中，因公出国（境）费支出0.50万元，占“三公”经费的20.8%；",
    );
    assert!(failed(&doc).is_empty(), "{:#?}", failed(&doc));
    edit(&mut doc, "占“三公”经费的20.8%", "占“三公”经费的21.8%");
    assert_eq!(rules(&failed(&doc)), vec!["narrative_three_public_share"]);
}

/// A budget: one measure, items in headings or in the text, a row-wise table
/// (广州 "行政经费及“三公”经费预算表").
fn guangzhou_budget() -> Recognized {
    let row = |n: &str, v: &str| named(None, n, &[("total", v), ("general", v)]);
    let three_public = table(
        "表8",
        "财政拨款安排的行政经费及“三公”经费预算表",
        "budget_three_public_expenses",
        17,
        &[("total", "合计"), ("general", "一般公共预算")],
        vec![
            row("行政经费", "839.21"),
            row("“三公”经费", "19.86"),
            row("其中：（一）因公出国（境）支出", "5.00"),
            row("（二）公务用车购置及运行维护支出", "6.70"),
            row("1.公务用车购置费", "0.00"),
            row("2.公务用车运行维护费", "6.70"),
            row("（三）公务接待费支出", "8.16"),
        ],
    );
    let mut doc = consistent();
    doc.document.kind = Some(DocumentKind::Budget);
    doc.document.year = Some(2026);
    doc.tables = vec![AnyTable::Grid(three_public)];
    doc.sections = vec![section(
        "二、“三公”经费安排情况",
        2,
        23,
        &["2026年本部门财政拨款安排“三公”经费19.86万元，比上年减少22.65万元，下降53.3%，主要原因是厉行节约。其中：因公出国（境）费5万元，比上年减少15万元，下降75%；公务用车购置及运行维护费6.7万元（公务用车购置费0万元，比上年增加0万元；公务用车运行维护费6.7万元，比上年减少2.3万元。）；公务接待费8.16万元，比上年减少5.35万元，下降39.6%。"],
    )];
    doc
}

#[test]
fn three_public_figures_of_a_budget_bound_to_a_row_wise_table() {
    let doc = guangzhou_budget();
    let checks = run_checks(&doc);
    let bound: Vec<&str> = checks
        .iter()
        .filter(|c| {
            c.rule.as_str().starts_with("narrative_three_public") && c.status == Status::Pass
        })
        .map(|c| c.rule.as_str())
        .collect();
    assert_eq!(
        bound,
        vec![
            "narrative_three_public_total_budget",
            "narrative_three_public_overseas_travel_budget",
            "narrative_three_public_vehicles_budget",
            "narrative_three_public_vehicle_purchase_budget",
            "narrative_three_public_vehicle_operation_budget",
            "narrative_three_public_reception_budget",
        ]
    );
    let f: Vec<&Check> = checks.iter().filter(|c| c.status == Status::Fail).collect();
    assert!(
        f.iter().all(|c| c.rule == "table_set"),
        "only the budget's other tables are missing: {f:#?}"
    );
    let mut wrong = doc.clone();
    edit(&mut wrong, "公务接待费8.16万元", "公务接待费8.61万元");
    assert!(rules(&failed(&wrong)).contains(&"narrative_three_public_reception_budget"));
}

#[test]
fn three_public_items_named_in_a_heading() {
    let mut doc = guangzhou_budget();
    let mut part = section("六、一般公共预算“三公”经费支出情况", 2, 26, &[]);
    part.children = vec![
        section(
            "（一）因公出国（境）经费",
            3,
            26,
            &["2026年预算安排5.00万元，与上年持平。"],
        ),
        section(
            "（二）公务接待费",
            3,
            27,
            &["2026年预算安排8.16万元，与上年持平。"],
        ),
    ];
    doc.sections = vec![part];
    let checks = run_checks(&doc);
    for rule in [
        "narrative_three_public_overseas_travel_budget",
        "narrative_three_public_reception_budget",
    ] {
        assert!(
            checks
                .iter()
                .any(|c| c.rule == rule && c.status == Status::Pass),
            "{rule}"
        );
    }
}

#[test]
fn numbered_parts_of_a_three_public_item_are_not_its_figure() {
    // The dev seed's wording: the item, then what it was spent on, numbered.
    let mut doc = consistent();
    paragraphs(&mut doc)
        .into_iter()
        .find(|p| p.contains("占20.83%"))
        .unwrap()
        .push_str(
            "1.因公出国（境）费支出0.50万元。开支内容包括：（1）参加会议支出0.00万元；（2）出国谈判、工作磋商支出0.50万元；（3）境外业务培训及考察0.00万元。",
        );
    assert!(failed(&doc).is_empty(), "{:#?}", failed(&doc));
    // The item's own figure is still read.
    edit(
        &mut doc,
        "1.因公出国（境）费支出0.50万元",
        "1.因公出国（境）费支出0.60万元",
    );
    assert_eq!(
        rules(&failed(&doc)),
        vec!["narrative_three_public_overseas_travel_final"]
    );
}

#[test]
fn words_of_comparison_against_their_figures() {
    // "决算数大于预算数" where the 决算 stated is smaller.
    assert_eq!(
        failed_rules_after(
            "决算数小于预算数的主要原因：严格控制支出",
            "决算数大于预算数的主要原因：严格控制支出"
        ),
        vec!["narrative_wording"]
    );
    // The 三公 statement, against the 三公 table's totals.
    assert_eq!(
        failed_rules_after(
            "“三公”经费支出决算数小于预算数",
            "“三公”经费支出决算数与预算数持平"
        ),
        vec!["narrative_wording"]
    );
    // 增加 … 下降 in one change.
    let f = failed_rules_after("减少1.00万元，下降6.25%", "减少1.00万元，增长6.25%");
    assert!(f.contains(&"narrative_wording".to_string()), "{f:?}");
    // Last year's figure printed: 105.00 is not an increase on 110.00.
    let mut doc = consistent();
    edit(
        &mut doc,
        "收入支出总计105.00万元。与2023年度相比，收入支出总计增加5.00万元，增长5.00%。",
        "收入支出总计105.00万元，比2023年度110.00万元增加5.00万元。",
    );
    assert_eq!(rules(&failed(&doc)), vec!["narrative_wording"]);
}

#[test]
fn operating_expenses_cannot_exceed_the_public_expenses() {
    assert_eq!(
        failed_rules_after(
            "机关运行经费支出15.00万元，比2023年度减少1.00万元，下降6.25%",
            "机关运行经费支出25.00万元，比2023年度减少1.00万元，下降3.85%"
        ),
        vec!["narrative_operating_expenses"]
    );
    // Equal to the 公用经费 (an administrative unit alone) is right.
    assert!(failed_rules_after(
        "机关运行经费支出15.00万元，比2023年度减少1.00万元，下降6.25%",
        "机关运行经费支出20.00万元，比2023年度减少1.00万元，下降4.76%"
    )
    .is_empty());
}

#[test]
fn a_rule_that_cannot_run_is_skipped_not_passed() {
    // No narrative: the narrative rules are skipped, saying so.
    let mut doc = consistent();
    doc.sections.clear();
    let checks = run_checks(&doc);
    let skipped: Vec<&Check> = checks
        .iter()
        .filter(|c| c.rule.as_str().starts_with("narrative") && c.status == Status::Skipped)
        .collect();
    assert!(!skipped.is_empty());
    assert!(skipped.iter().all(|c| c.detail.contains("no narrative")));
    assert!(!checks
        .iter()
        .any(|c| c.rule.as_str().starts_with("narrative") && c.status == Status::Pass));

    // No 三公 table: each 三公 figure the text states is skipped, with why.
    let mut doc = consistent();
    doc.tables.retain(|t| {
        t.as_grid()
            .is_none_or(|g| g.kind != TableKind::ThreePublicExpenses)
    });
    let checks = run_checks(&doc);
    let c = checks
        .iter()
        .find(|c| c.rule == "narrative_three_public_total_final")
        .unwrap();
    assert_eq!(c.status, Status::Skipped);
    assert!(c.detail.contains("no 三公 table"), "{c:#?}");
}

#[test]
fn a_sentence_naming_no_item_is_undetermined_not_guessed() {
    let mut doc = consistent();
    doc.sections[0].children[2]
        .paragraphs
        .push("其中：占35.00%，主要用于日常运转。某项支出10.00万元，占35.00%。".into());
    let checks = run_checks(&doc);
    assert!(checks
        .iter()
        .any(|c| c.status == Status::Undetermined && c.rule == "narrative_share"));
}

/// Shares listed with no base named, in one passage or one passage each: a
/// list whose rates come to 100 % names every part, and each rate is held to
/// the parts' sum; a wrong rate, made up for by another so the list still
/// closes, is undetermined (rounded to close, or of another total); a list that does not close stays undetermined.
#[test]
fn shares_of_a_list_that_closes_at_a_hundred_are_shares_of_its_sum() {
    let all_shares = |paragraphs: &[&str]| {
        let mut doc = consistent();
        doc.sections[0].children[2]
            .paragraphs
            .extend(paragraphs.iter().map(|p| p.to_string()));
        run_checks(&doc)
            .into_iter()
            .filter(|c| c.rule == "narrative_share")
            .map(|c| c.status)
            .collect::<Vec<_>>()
    };
    // The document's own shares (each of a stated base) come first.
    let own = all_shares(&[]).len();
    let shares = |paragraphs: &[&str]| all_shares(paragraphs)[own..].to_vec();
    let one = "支出包括：一般公共服务支出75.30万元，占81.65%；教育支出0.58万元，占0.63%；住房保障支出16.35万元，占17.72%。";
    assert_eq!(shares(&[one]), [Status::Pass; 3]);
    let each = [
        "本年一般公共预算收入242,360.1万元，占96.95%；",
        "本年事业收入0万元，占0%；",
        "本年其他收入7,617.01万元，占3.05%。",
    ];
    assert_eq!(shares(&each), [Status::Pass; 3]);
    let wrong = one.replace("81.65%", "80.65%").replace("17.72%", "18.72%");
    assert_eq!(
        shares(&[&wrong]),
        [Status::Undetermined, Status::Pass, Status::Undetermined]
    );
    let some = "支出包括：一般公共服务支出75.30万元，占81.65%；教育支出0.58万元，占0.63%。";
    assert_eq!(shares(&[some]), [Status::Undetermined; 2]);
}

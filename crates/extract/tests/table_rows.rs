//! End-to-end on how printed rows become rows (issue 20): pages cut from the
//! real corpus with `qpdf --pages`; every expected figure was read on the page.
mod common;
use common::*;
use serde_json::Value;

fn value<'a>(r: &'a Value, key: &str) -> Option<&'a str> {
    r["values"][key].as_str()
}

fn rows(t: &Value) -> &Vec<Value> {
    t["rows"].as_array().unwrap()
}

/// 西安市工业和信息化局 2022 预算, pages 20–21 (收支总表): row 12 is cut by the
/// page break — "(5)资本性支出" | 0.00 and "11、债务利息及费用支" | 0.00 on page
/// 20, "(基本建设)" and "出" on page 21 with the 序号 cell blank. One row each;
/// the 收入 side, blank from row 13 on, gives no rows for the 序号 alone.
#[test]
fn a_row_cut_by_the_page_break_is_whole_where_its_number_is_left_blank() {
    let json = extract_json("budget-xian-row-cut-unnumbered.pdf");
    let t = table(&json, "2022年部门综合预算收支总表");
    let names: Vec<&str> = rows(t).iter().filter_map(|r| r["name"].as_str()).collect();
    assert!(names.contains(&"(5)资本性支出(基本建设)"), "{names:?}");
    assert!(names.contains(&"11、债务利息及费用支出"), "{names:?}");
    assert!(!names.contains(&"(基本建设)") && !names.contains(&"出"));
    let r = row_by(t, |r| r["name"] == "(5)资本性支出(基本建设)");
    assert!(r["values"]
        .as_object()
        .unwrap()
        .values()
        .any(|v| v == "0.00"));
    let r = row_by(t, |r| r["name"] == "(6)资本性支出");
    assert!(r["values"]
        .as_object()
        .unwrap()
        .values()
        .any(|v| v == "732067.92"));
    // Every row says something: a name or a figure.
    assert!(rows(t)
        .iter()
        .all(|r| r["name"].is_string() || r["code"].is_string()));
    let r = row_by(t, |r| r["name"] == "本年收入合计");
    assert_eq!(value(r, key(t, "收入/预算数")), Some("1056072667.43"));
}

/// 西安市安全生产监督管理局 2019 预算, page 29 (结转资金支出表): 预算单位代码 |
/// 名称 | 预算项目名称 | 金额 | 功能分类科目代码 | 名称 | 政府经济分类科目代码 |
/// 名称 | 项目类别 | 资金性质 | 备注. The codes after the amount are the same
/// printed row's, not a second side; the note ruled inside the grid is the
/// table's note; the 栏次 row (1 … 10, **) and the 单位 line head no column.
#[test]
fn codes_printed_after_the_amount_belong_to_the_row() {
    let json = extract_json("budget-xian-codes-after-amount.pdf");
    let t = &json["tables"][0];
    assert_eq!(t["kind"], "budget_fiscal_carryover_expenditure");
    assert_eq!(rows(t).len(), 2, "{}", t["rows"]);
    let amount = key(t, "金额");
    let r = row_by_code(t, "2150510");
    assert_eq!(value(r, amount), Some("9.00"));
    assert_eq!(r["name"], "工业和信息产业支持");
    assert_eq!(r["government_economic_code"], "50299");
    assert_eq!(r["attributes"]["unit_code"], "125001");
    let texts: Vec<&str> = r["attributes"]
        .as_object()
        .unwrap()
        .values()
        .filter_map(Value::as_str)
        .collect();
    for printed in [
        "西安市安全生产监督管理局",
        "拨付2017年度省级工业转型升级资金",
        "其他商品和服务支出",
        "项目支出",
        "一般公共预算支出",
    ] {
        assert!(texts.contains(&printed), "{printed} not in {texts:?}");
    }
    let r = row_by_code(t, "2150605");
    assert_eq!(value(r, amount), Some("2.61"));
    assert_eq!(r["name"], "安全监管监察专项");
    assert_eq!(
        t["notes"][0],
        "注：项目类别指基本支出或项目支出；资金性质指一般公共预算支出、政府性基金预算支出、国有资本经营预算支出等。"
    );
    let headers: Vec<&str> = t["text_columns"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["header"].as_str())
        .collect();
    assert!(
        headers.contains(&"资金性质") && headers.contains(&"备注"),
        "{headers:?}"
    );
}

/// 广州市统计局 2026 预算, page 21 (项目支出及其他支出预算表): the 绩效目标 text
/// printed right of the figures describes the project the row is named by.
#[test]
fn a_text_after_the_figures_describes_the_row() {
    let json = extract_json("budget-guangzhou-goal-after-figures.pdf");
    let t = &json["tables"][0];
    let total = key(t, "总计");
    let other = key(t, "其他资金");
    let r = row_by(t, |r| r["name"] == "机构运行辅助经费");
    assert_eq!(value(r, total), Some("86.37"));
    let goal = r["attributes"]
        .as_object()
        .unwrap()
        .values()
        .find_map(Value::as_str)
        .unwrap();
    assert!(goal.starts_with("1.达到项目预期的经济和社会效益"), "{goal}");
    let r = row_by(t, |r| r["name"] == "上级拨入专项调查经费");
    assert_eq!(value(r, total), Some("50.00"));
    assert_eq!(value(r, other), Some("50.00"));
    let r = row_by(t, |r| r["name"] == "合计");
    assert_eq!(value(r, total), Some("1082.05"));
    // One row per printed row: no row of a goal alone.
    assert!(rows(t).iter().all(|r| r["values"]
        .as_object()
        .unwrap()
        .values()
        .any(Value::is_string)));
}

/// 杭州市公安局 2026 预算, page 21 (收入预算总表): the 栏次 row "** 1 2 … 17"
/// numbers the columns and heads none of them.
#[test]
fn a_starred_column_number_row_is_no_header() {
    let json = extract_json("budget-hangzhou-starred-number-row.pdf");
    let t = &json["tables"][0];
    assert_eq!(t["kind"], "budget_income");
    assert!(t["columns"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| !c["header"].as_str().unwrap().ends_with(char::is_numeric)));
    let r = row_by(t, |r| r["name"] == "合计");
    assert_eq!(value(r, key(t, "总计")), Some("404415.23"));
    assert_eq!(value(r, key(t, "本年收入/一般公共预算")), Some("366195.79"));
    assert_eq!(value(r, key(t, "本年收入/事业收入")), Some("18536.88"));
    assert_eq!(value(r, key(t, "上年结转结余/小计")), Some("4023.45"));
}

//! End-to-end, issue 20 shapes 2 and 5–8 on pages cut from real documents with qpdf:
//! a table continued under its head printed again, notes under empty tables,
//! what a document is and who publishes it, kinds by meaning, a 报表目录 page
//! that is no table. Expected values were read on the rendered pages.
mod common;
use common::*;

/// 中共西安市委宣传部 2021 部门综合预算, pp. 26–29: 表6 "…一般公共预算支出明细表
/// （按支出经济分类科目-不含上年结转）" over two pages. What it leaves out (上年结转)
/// does not make it the carryover table.
#[test]
fn a_table_is_not_of_the_kind_it_excludes() {
    let json = extract_json("xian-excluded-carryover-wrapped-title.pdf");
    let t = table(
        &json,
        "2021年部门综合预算一般公共预算支出明细表（按支出经济分类科目-不含上年结转）",
    );
    assert_eq!(t["number"], "表6");
    assert_eq!(t["kind"], "budget_general_economic_expenditure");
    assert_eq!(t["pages"], serde_json::json!([1, 2]));
    let total = key(t, "合计");
    let r = row_by(t, |r| r["name"] == "合计");
    assert_eq!(r["values"][total], "258596001.79");
    assert_eq!(row_by_code(t, "301")["values"][total], "20790689.48");
    assert!(json["tables"]
        .as_array()
        .unwrap()
        .iter()
        .all(|t| t["kind"] != "budget_fiscal_carryover_expenditure"));
}

/// 国家信访局 2026 部门预算, cover (p. 1) and pp. 14–15: the cover prints
/// "国家信访局 2026 年度部门预算" over the date "二〇二六年三月" in the same type.
#[test]
fn the_cover_title_without_its_date() {
    let json = extract_json("central-cover-and-empty-tables.pdf");
    let d = &json["document"];
    assert_eq!(d["title"], "国家信访局2026年度部门预算");
    assert_eq!(d["entity"], "国家信访局");
    assert_eq!(d["year"], 2026);
    assert_eq!(d["kind"], "budget");
    assert_eq!(d["variant"], "department");
}

/// 广州市生态环境局 2026 项目支出绩效目标表, p. 1: "部门名称：广州市生态环境局" and
/// "单位：万元" on one line; the file holds the budget's 绩效目标表 only.
#[test]
fn the_entity_without_the_unit_label_beside_it() {
    let json = extract_json("guangzhou-goals-file-cover.pdf");
    let d = &json["document"];
    assert_eq!(d["entity"], "广州市生态环境局");
    assert_eq!(d["year"], 2026);
    assert_eq!(d["kind"], "budget");
}

/// 西安市司法局 2026 部门预算, p. 29: "报表目录" over a ruled list 表1 … 表16 with
/// 是否空表 and the reason (表9, 表11 and 表16 declared empty). It is the
/// document's contents, not a table and not narrative.
#[test]
fn a_report_contents_page_is_no_table() {
    let json = extract_json("xian-report-contents-page.pdf");
    assert!(json["tables"].as_array().unwrap().is_empty());
    assert!(json["sections"].as_array().unwrap().is_empty());
    // The 13 tables it lists as not empty are missing from this one page.
    let missing: Vec<&str> = json["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|w| w.as_str())
        .filter(|w| w.contains("lists table"))
        .collect();
    assert_eq!(missing.len(), 13, "{missing:#?}");
    assert!(missing[0].contains("表1部门综合预算收支总表"));
    assert!(!missing.iter().any(|w| w.contains("表11")));
}

/// 烟台市交通运输局 2026 部门预算 (iText), pp. 9–11: 收入总体情况表 with "公开表2",
/// its title, "部门（单位）：烟台市交通运输局 … 单位：万元" and its header printed
/// again on every page; the rows of pages 10 and 11 begin with a 项 code only.
#[test]
fn a_table_with_its_head_printed_on_every_page_is_one_table() {
    let json = extract_json("yantai-title-repeated-per-page.pdf");
    let tables: Vec<_> = json["tables"].as_array().unwrap().iter().collect();
    assert_eq!(tables.len(), 1, "{:?}", titles(&json));
    let t = tables[0];
    assert_eq!(t["title"], "收入总体情况表");
    assert_eq!(t["number"], "表2");
    assert_eq!(t["kind"], "budget_income");
    assert_eq!(t["entity"], "烟台市交通运输局");
    assert_eq!(t["pages"], serde_json::json!([1, 2, 3]));
    let total = key(t, "合计");
    assert_eq!(
        row_by(t, |r| r["name"] == "合计")["values"][total],
        "45761.72"
    );
    // Page 10's first row prints "99" under 项 only: its 类 and 款 are those above.
    let r = row_by_code(t, "2101199");
    assert_eq!(r["name"], "其他行政事业单位医疗支出");
    assert_eq!(r["values"][total], "512.60");
    assert_eq!(r["parent"], "21011");
    assert_eq!(r["level"], 3);
    // Page 11's first row: "01 住房公积金" under 221 住房保障支出 / 02 住房改革支出.
    assert_eq!(row_by_code(t, "2210201")["values"][total], "2196.37");
    assert_eq!(row_by_code(t, "2230107")["values"][total], "4.00");
}

/// 国家信访局 2026 部门预算, pp. 14–15: each table prints its header and 合计
/// only, with "（注：…没有使用…安排的支出。）" under it.
#[test]
fn a_note_under_an_empty_table_is_its_note() {
    let json = extract_json("central-cover-and-empty-tables.pdf");
    assert_eq!(
        table(&json, "政府性基金预算支出表")["notes"],
        serde_json::json!([
            "（注：2026年国家信访局部门预算中没有使用政府性基金预算拨款安排的支出。）"
        ])
    );
    assert_eq!(
        table(&json, "国有资本经营预算支出表")["notes"],
        serde_json::json!([
            "（注：2026年国家信访局部门预算中没有使用国有资本经营预算拨款安排的支出。）"
        ])
    );
}

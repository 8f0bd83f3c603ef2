//! End-to-end, issue 20 shapes 6–8 on pages cut from real documents with qpdf:
//! kinds by meaning. Expected values were read on the rendered pages.
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

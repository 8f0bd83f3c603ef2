//! End-to-end on pages cut from real disclosures: tables followed over pages
//! by their titles — a title printed again on each page, a long table with a
//! unit line beside the entity. Expected figures were read off the rendered
//! pages.
mod common;
use common::*;

/// 湖州市卫健委 2026 预算, pages 46–48: 表10 ends on the first page; 表11
/// (项目支出绩效表, a title that maps to no kind yet) prints "表11", its title
/// and "507-湖州市卫生健康委员会 … 万元" (the unit alone at the right end, no
/// 单位：) again at the head of each page. One table each, titled, in 万元.
#[test]
fn title_and_unit_line_repeated_on_each_page() {
    let json = extract_json("huzhou-title-unit-repeated.pdf");
    let tables = json["tables"].as_array().unwrap();
    assert_eq!(
        tables.len(),
        2,
        "{:#?}",
        tables.iter().map(|t| &t["title"]).collect::<Vec<_>>()
    );
    let t = table(&json, "2026年市级部门项目支出预算表");
    assert_eq!(t["number"], "表10");
    assert_eq!(t["pages"], serde_json::json!([1]));
    assert_eq!(t["money_unit"], "万元");

    let t = table(&json, "2026年市级部门项目支出绩效表");
    assert_eq!(t["number"], "表11");
    assert_eq!(t["pages"], serde_json::json!([2, 3]));
    assert_eq!(t["money_unit"], "万元");
    let amount = key(t, "金额");
    let r = row_by(t, |r| r["name"] == "合计");
    assert_eq!(r["values"][amount], "51856.41");
    // The third page's rows continue the table.
    let r = row_by(t, |r| r["name"] == "医院建设发展");
    assert_eq!(r["values"][amount], "5500.00");
    // Neither the repeated title nor the unit line is narrative.
    assert!(json["sections"].as_array().unwrap().is_empty());
}

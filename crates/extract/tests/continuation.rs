//! End-to-end on pages cut from real disclosures: tables followed over pages
//! by their titles — a title printed again on each page, a long table with a
//! unit line beside the entity. Expected figures were read off the rendered
//! pages.
mod common;
use common::*;

/// 湖州市卫健委 2026 预算, pages 46–48: 表10 ends on the first page; 表11
/// (项目支出绩效表, a list of the projects' targets) prints "表11", its title
/// and "507-湖州市卫生健康委员会 … 万元" (the unit alone at the right end, no
/// 单位：) again at the head of each page. One table each, titled, in 万元.
#[test]
fn title_and_unit_line_repeated_on_each_page() {
    let json = extract_json("huzhou-title-unit-repeated.pdf");
    assert_eq!(titles(&json).len(), 2, "{:#?}", titles(&json));
    let t = table(&json, "2026年市级部门项目支出预算表");
    assert_eq!(t["number"], "表10");
    assert_eq!(t["pages"], serde_json::json!([1]));
    assert_eq!(t["money_unit"], "万元");

    let t = table(&json, "2026年市级部门项目支出绩效表");
    assert_eq!(t["kind"], "budget_project_performance_goals");
    assert_eq!(t["number"], "表11");
    assert_eq!(t["pages"], serde_json::json!([2, 3]));
    assert_eq!(t["money_unit"], "万元");
    assert_eq!(t["totals"][0]["source"], "合计");
    assert_eq!(t["totals"][0]["values"][0], "51,856.41");
    // The third page's rows continue the list.
    let f = t["forms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["project"] == "医院建设发展")
        .expect("医院建设发展");
    assert_eq!(f["funds"]["rows"][0]["values"][0], "5,500.00");
    assert_eq!(f["implementer"], "湖州市中医院");
    // Neither the repeated title nor the unit line is narrative.
    assert!(json["sections"].as_array().unwrap().is_empty());
}

/// Section headings of a document, depth first.
fn headings(sections: &serde_json::Value) -> Vec<String> {
    let mut out = Vec::new();
    for s in sections.as_array().into_iter().flatten() {
        out.extend(s["heading"].as_str().map(str::to_string));
        out.extend(headings(&s["children"]));
    }
    out
}

/// 福州市科技局 2026 预算, pages 11 and 27–29: the heading "一、收支预算总表"
/// over the table's own title "2026年度收支预算总表" is a heading, not an empty
/// table; "（二）绩效目标表及说明" and "1. 项目支出绩效目标表" under it are two
/// headings, not one wrapped title; each project's 绩效目标表 prints its title in
/// the top row of its grid, so a grid with a new caption starts a new table
/// even on the next page. 科学普及活动 runs over two pages; its 产出指标 row at
/// the head of the second page is a row of its own, not the rest of 成本指标.
#[test]
fn headings_over_titles_and_titles_in_the_grid() {
    let json = extract_json("fuzhou-headings-captions.pdf");
    assert_eq!(
        titles(&json),
        [
            "2026年度收支预算总表",
            "科学普及活动项目项目绩效目标表",
            "科技发展、合作与交流项目绩效目标表"
        ]
    );
    let t = table(&json, "2026年度收支预算总表");
    assert_eq!(t["kind"], "budget_income_expenditure_summary");
    let income = key(t, "收入/预算数");
    let r = row_by(t, |r| r["name"] == "一、一般公共预算拨款收入");
    assert_eq!(r["values"][income], "70109.24");

    let t = table(&json, "科学普及活动项目项目绩效目标表");
    assert_eq!(t["kind"], "budget_project_performance_goals");
    assert_eq!(t["pages"], serde_json::json!([2, 3]));
    let categories: Vec<&str> = t["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["category"].as_str())
        .collect();
    assert!(categories.contains(&"成本指标") && categories.contains(&"产出指标"));
    let t = table(&json, "科技发展、合作与交流项目绩效目标表");
    assert_eq!(t["pages"], serde_json::json!([4]));

    let h = headings(&json["sections"]);
    for heading in [
        "一、收支预算总表",
        "（二）绩效目标表及说明",
        "1.项目支出绩效目标表",
    ] {
        assert!(
            h.iter().any(|x| x.replace(' ', "") == heading),
            "{heading} in {h:#?}"
        );
    }
}

/// 杭州市公安局 2026 预算, pages 18–20: the text lists the eleven tables by
/// number and title ("表1.2026年市级部门收支预算总表" …), six at the foot of one
/// page and five at the head of the next; the tables follow, 表1 on the third
/// page. The list is narrative, not eleven empty tables.
#[test]
fn a_list_of_table_titles_is_no_table() {
    let json = extract_json("hangzhou-title-list.pdf");
    assert_eq!(titles(&json).len(), 1, "{:#?}", titles(&json));
    let t = table(&json, "2026年市级部门收支预算总表");
    assert_eq!(t["number"], "表1");
    assert_eq!(t["pages"], serde_json::json!([3]));
    let income = key(t, "收入/预算数");
    let r = row_by(t, |r| r["name"] == "一、财政拨款");
    assert_eq!(r["values"][income], "373795.79");
    let text = json["sections"].to_string();
    assert!(text.contains("表6.2026年市级部门一般公共预算基本支出预算表"));
    assert!(text.contains("表11.2026年市级部门项目支出绩效表"));
}

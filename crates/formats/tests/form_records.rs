//! The long form of the 绩效 forms (what the CSV and the XLSX figures sheet
//! hold): a record per field and per indicator cell, on a list cut from
//! 长沙市公安局's 2025 budget (p23: values read on the page).
use std::path::Path;

use fiscal_formats::long::{records, Cell, COLUMNS, KINDS};

fn sample(name: &str) -> fiscal_extract::Output {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata")
        .join(name);
    fiscal_extract::extract_file(&path).expect("the sample converts")
}

fn at(column: &str) -> usize {
    COLUMNS.iter().position(|c| *c == column).unwrap()
}

fn text(record: &[Cell], column: &str) -> String {
    match &record[at(column)] {
        Cell::Text(t) => t.clone(),
        Cell::Count(n) => n.map(|n| n.to_string()).unwrap_or_default(),
        Cell::Amount(d) => d.map(|d| d.to_string()).unwrap_or_default(),
        Cell::Point(p) => p.map(|p| p.to_string()).unwrap_or_default(),
    }
}

#[test]
fn form_fields_and_indicator_cells_are_records() {
    let out = sample("forms-changsha-list.pdf");
    let all: Vec<Vec<Cell>> = records("f.pdf", &out).collect();
    for r in &all {
        let kinds: Vec<_> = r.iter().map(Cell::kind).collect();
        assert_eq!(kinds, KINDS, "every record has the columns' kinds");
    }
    let project = "大型警保卫及基础设施安全保护工作经费";
    let of_project: Vec<&Vec<Cell>> = all.iter().filter(|r| text(r, "group") == project).collect();
    let show = |r: &Vec<Cell>| {
        ["name", "line", "column_key", "header", "value", "text"].map(|c| text(r, c))
    };
    let rows: Vec<[String; 6]> = of_project.iter().map(|r| show(r)).collect();
    let want = |r: [&str; 6]| r.map(str::to_string);
    // Fields: the project, its unit code, its amount (a number) and goal.
    for expected in [
        ["项目名称", "", "form_field", "项目名称", "", project],
        ["单位编码", "", "form_field", "单位编码", "", "106001"],
        ["资金总额", "", "form_funds", "金额", "428.69", "428.69"],
        [
            "年度目标",
            "",
            "form_field",
            "年度目标",
            "",
            "发挥公安职能，切实做好大型警保卫及基础设施安全保护工作",
        ],
    ] {
        assert!(rows.contains(&want(expected)), "{expected:?} in {rows:#?}");
    }
    // The first indicator: each printed cell a record, numbered 1.
    let first: Vec<[String; 6]> = rows.iter().filter(|r| r[1] == "1").cloned().collect();
    let cells = [
        ("指标类别", "成本指标"),
        ("一级指标", "经济成本指标"),
        ("年度指标值", "100"),
        ("指标性质", "≤"),
        ("度量单位", "%"),
        ("备注", "20"),
        ("指标值内容", "成本控制在总预算内"),
    ];
    for (header, value) in cells {
        let expected = ["成本控制率", "1", "form_indicator", header, "", value];
        assert!(
            first.contains(&want(expected)),
            "{expected:?} in {first:#?}"
        );
    }
    // The list's totals under their amount heading.
    let totals: Vec<[String; 6]> = all
        .iter()
        .filter(|r| text(r, "table_kind") == "budget_project_performance_goals")
        .filter(|r| text(r, "group").is_empty() && text(r, "column_key") == "form_funds")
        .map(show)
        .collect();
    assert_eq!(
        totals,
        [
            want([
                "合计",
                "",
                "form_funds",
                "资金总额",
                "40233.95",
                "40,233.95"
            ]),
            want([
                "长沙市公安局",
                "",
                "form_funds",
                "资金总额",
                "40233.95",
                "40,233.95"
            ]),
        ]
    );
    // Every form record names its table, its kind and its document.
    for r in all
        .iter()
        .filter(|r| text(r, "column_key").starts_with("form_"))
    {
        assert_eq!(text(r, "entity"), "长沙市公安局");
        assert!(text(r, "table_kind").starts_with("budget_"), "{r:?}");
    }
}

//! End-to-end, issue 20 shape 6 and titles, on pages cut from real documents
//! with qpdf: what is a table and what it is called. Charts among the
//! narrative are neither tables nor narrative; a list of the department's
//! units keeps every name; a title wrapped over two lines, or printed in the
//! grid under a sheet label, names its table. Expected values were read on
//! the rendered pages.
mod common;
use common::*;
use serde_json::Value;

/// Every paragraph of the outline, in order.
fn paragraphs(json: &Value) -> Vec<String> {
    let mut all = Vec::new();
    sections(&json["sections"], &mut all);
    all.iter()
        .flat_map(|s| s["paragraphs"].as_array().cloned().unwrap_or_default())
        .filter_map(|p| p.as_str().map(str::to_string))
        .collect()
}

/// The row names of a table, in order.
fn names(t: &Value) -> Vec<&str> {
    t["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["name"].as_str())
        .collect()
}

/// 西安市工业和信息化局 2022 部门综合预算, pp. 6, 7 and 9: the list of the six
/// units under "三、部门预算单位构成" (序号 | 单位名称 | 拟变动情况, the sixth on
/// p. 7), then two bar charts: staff numbers (axis 0…200, legend 行政单位 /
/// 事业单位) and "一般公共预算拨款支出明细" (axis 0…120000, value labels).
#[test]
fn a_unit_list_keeps_every_name_and_charts_are_no_tables() {
    let json = extract_json("xian-unit-list-and-charts.pdf");
    let tables = json["tables"].as_array().unwrap();
    assert_eq!(tables.len(), 1, "{:?}", titles(&json));
    let list = &tables[0];
    assert_eq!(list["pages"], serde_json::json!([1, 2]));
    assert_eq!(
        names(list),
        [
            "西安市工业和信息化局（机关）",
            "西安市节能监察支队",
            "西安市工业交通干部学校",
            "西安市工业技工学校",
            "西安市中小企业服务中心",
            "西安市社会信用中心",
        ]
    );
    // The charts' ticks and value labels are not the narrative's either.
    let paragraphs = paragraphs(&json);
    assert!(
        !paragraphs
            .iter()
            .any(|p| p.chars().all(|c| c.is_ascii_digit() || c == '.')),
        "{paragraphs:#?}"
    );
    assert!(paragraphs
        .iter()
        .any(|p| p.starts_with("截止2021年底，本部门人员编制249人")));
    assert!(paragraphs
        .iter()
        .any(|p| p.starts_with("2022年本部门当年一般公共预算拨款支出105364.27万元")));
}

/// 西安市气象局 2022 部门综合预算, p. 10: a small ruled table (年度 | 总收入支出 |
/// 专项业务费 | 基本支出; 2021, 2022, 变化) printed without a title, and under it
/// the chart "2022 年与 2021 年地方财政预算对比图" of the same figures.
#[test]
fn a_small_table_stays_and_its_chart_goes() {
    let json = extract_json("xian-small-table-and-chart.pdf");
    let tables = json["tables"].as_array().unwrap();
    assert_eq!(tables.len(), 1, "{:?}", titles(&json));
    let text = tables[0].to_string();
    for figure in ["1493.51", "1899.9", "1535.82", "-19.11"] {
        assert!(text.contains(figure), "{figure} missing: {text}");
    }
    assert!(
        !text.contains("1800"),
        "an axis tick read as a figure: {text}"
    );
    assert!(paragraphs(&json)
        .iter()
        .any(|p| p.contains("2022年与2021年地方财政预算对比图")));
}

/// 上海市普陀区规划和自然资源局 2024 部门决算, p. 6: "纳入…编制范围的单位包括："
/// over a ruled list 序号 | 单位名称 | 备注 of five units, names wrapped in
/// their cells.
#[test]
fn a_unit_list_with_wrapped_names() {
    let json = extract_json("shanghai-unit-list.pdf");
    let tables = json["tables"].as_array().unwrap();
    assert_eq!(tables.len(), 1, "{:?}", titles(&json));
    assert_eq!(
        names(&tables[0]),
        [
            "上海市普陀区规划和自然资源局（本级）",
            "上海市普陀区规划和自然资源局执法大队（下属参公事业单位）",
            "上海市普陀区土地发展中心（下属事业单位）",
            "上海市普陀区自然资源确权登记事务中心（下属事业单位）",
            "上海市普陀区规划和自然资源管理事务中心（下属事业单位）",
        ]
    );
}

/// 西安市安全生产监督管理局 2019 部门综合预算公开报表, p. 29: the sheet's name
/// "表11-财拨结转支出表" printed small at the top of the page; the table's
/// title "2019年部门综合预算财政拨款结转资金支出表" in the grid, under a row
/// printing "表11".
#[test]
fn the_title_in_the_grid_beats_a_sheet_label() {
    let json = extract_json("xian-sheet-label-title.pdf");
    let t = table(&json, "2019年部门综合预算财政拨款结转资金支出表");
    assert_eq!(t["number"], "表11");
    assert_eq!(t["kind"], "budget_fiscal_carryover_expenditure");
    let text = t.to_string();
    assert!(text.contains("9.00") && text.contains("2.61"), "{text}");
    assert!(!titles(&json).iter().any(|t| t.starts_with('-')));
}

/// 中共西安市委宣传部 2021 部门综合预算, pp. 28–29 (pages 3–4 of the cut): 表7
/// titled "2021年部门综合预算一般公共预算基本支出明细表（按支出功" /
/// "能分类科目-不含上年结转）" over two lines, printed again on p. 29.
#[test]
fn a_title_wrapped_over_two_lines_names_one_table() {
    let json = extract_json("xian-excluded-carryover-wrapped-title.pdf");
    let t = table(
        &json,
        "2021年部门综合预算一般公共预算基本支出明细表（按支出功能分类科目-不含上年结转）",
    );
    assert_eq!(t["number"], "表7");
    assert_eq!(t["kind"], "budget_general_basic_functional_expenditure");
    assert_eq!(t["pages"], serde_json::json!([3, 4]));
    let total = key(t, "合计");
    assert_eq!(
        row_by(t, |r| r["name"] == "合计")["values"][total],
        "23174401.79"
    );
    assert_eq!(row_by_code(t, "2210203")["values"][total], "994470.60");
    assert!(json["tables"]
        .as_array()
        .unwrap()
        .iter()
        .all(|t| !t["title"].as_str().unwrap_or("").is_empty()));
}

/// A page of lines as the reader gives them: each line's text from `x` on
/// its baseline, glyphs `size` wide with `spacing` more between letters.
fn page_of(lines: &[(&str, f32, f32, f32)], size: f32) -> fiscal_reader::Page {
    let mut page = fiscal_reader::Page {
        number: 1,
        width: 595.0,
        height: 842.0,
        ..Default::default()
    };
    for &(text, x, baseline, spacing) in lines {
        for (i, ch) in text.chars().enumerate() {
            page.glyphs.push(fiscal_reader::Glyph {
                ch,
                x: x + i as f32 * (size + spacing),
                baseline,
                width: size,
                size,
                font: 0,
                clip_anchor: None,
            });
        }
    }
    page
}

/// The narrative of a 政协 budget's first pages: a letter-spaced heading and
/// paragraph ("部 门 概 况"), and short numbered lines one under another,
/// flush left. Lines of words are narrative, however they are spaced or
/// stacked: no table comes of them.
#[test]
fn letter_spaced_and_short_numbered_lines_stay_narrative() {
    let lines = [
        ("第一部分部门概况", 200.0, 100.0, 12.0),
        ("一、主要职能", 72.0, 140.0, 0.0),
        (
            "政协办公厅是政协常务委员会的办事机构，主要职",
            96.0,
            170.0,
            6.0,
        ),
        ("能是为政协履行职能提供服务和保障。", 72.0, 200.0, 6.0),
        ("二、部门预算单位构成", 72.0, 240.0, 0.0),
        ("1.机关", 96.0, 270.0, 0.0),
        ("2.机关服务中心", 96.0, 300.0, 0.0),
        ("3.文史资料馆", 96.0, 330.0, 0.0),
        ("4.政协书画院", 96.0, 360.0, 0.0),
    ];
    let blocks = vec![fiscal_layout::blocks::page_blocks(&page_of(&lines, 12.0))];
    let out = fiscal_recognize::recognize_blocks(blocks, None, Vec::new());
    assert!(out.tables.is_empty(), "{:?}", out.tables);
    let json = serde_json::to_value(&out.sections).unwrap();
    let text = json.to_string();
    for words in [
        "部门概况",
        "为政协履行职能提供服务和保障",
        "2.机关服务中心",
        "4.政协书画院",
    ] {
        assert!(text.contains(words), "{words} missing: {text}");
    }
}

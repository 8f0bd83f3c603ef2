//! End-to-end on 绩效 forms in shapes the corpus does not print, rendered with
//! `tools/render_forms.py` from corpus truth (options named per test).
//! Expected values are read from the rendered pages.
mod common;
use common::*;
use serde_json::Value;

fn forms<'a>(json: &'a Value, kind: &str) -> Vec<&'a Value> {
    json["tables"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["kind"] == kind)
        .collect()
}

fn project<'a>(json: &'a Value, name: &str) -> &'a Value {
    forms(json, "project_performance_self_evaluation")
        .into_iter()
        .find(|t| t["project"] == name)
        .unwrap_or_else(|| panic!("no form {name}"))
}

/// An indicator row as its eight fields, left to right.
fn indicator(i: &Value) -> Vec<&str> {
    [
        "category",
        "level1",
        "level2",
        "target",
        "actual",
        "weight",
        "score",
        "deviation",
    ]
    .iter()
    .map(|k| i[*k].as_str().unwrap_or_default())
    .collect()
}

fn indicators(form: &Value) -> Vec<Vec<&str>> {
    form["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(indicator)
        .collect()
}

/// Ruled, `--cut-header`: the indicator header row starts at the page foot and
/// its wrapped "偏差原因分析及 / 改进措施" ends at the next page's head. The
/// header is read whole, and no indicator shifts.
#[test]
fn ruled_form_with_its_indicator_header_cut_by_a_page_break() {
    let json = extract_json("forms-cut-header.pdf");
    let web = project(&json, "网站管理维护信息化建设费");
    assert_eq!(web["pages"], serde_json::json!([1, 2]));
    let inds = indicators(web);
    assert_eq!(inds.len(), 4);
    assert_eq!(
        inds[1],
        vec![
            "产量指标",
            "质量指标",
            "系统平均无故障时间(小时)",
            "系统平均无故障时间每年1000小时以上",
            "系统平均无故障时间每年1000小时以上",
            "25",
            "25",
            "无"
        ]
    );
    let history = project(&json, "党史工作经费");
    let inds = indicators(history);
    assert_eq!(inds.len(), 8);
    assert_eq!(
        inds[0],
        vec![
            "产出指标",
            "数量指标",
            "图书编纂数量",
            "2本",
            "2本",
            "15",
            "15",
            "无"
        ]
    );
    assert_eq!(
        inds[7],
        vec![
            "效益指标",
            "社会效益",
            "举办展览次数",
            "1期",
            "6期",
            "10",
            "10",
            "无"
        ]
    );
    assert_eq!(history["total_score"], "100");
}

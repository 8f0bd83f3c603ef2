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

/// Unruled, `--plain-pitch --lead 1.2`: one-line rows follow at the plain
/// line pitch, so merged labels over two rows stand two pitches apart and
/// one-line fund rows touch.
#[test]
fn unruled_form_with_one_line_rows_at_the_plain_pitch() {
    let json = extract_json("forms-plain-pitch.pdf");
    let web = project(&json, "网站管理维护信息化建设费");
    let sources: Vec<&str> = web["funds"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["source"].as_str().unwrap())
        .collect();
    assert_eq!(
        sources,
        vec![
            "总额",
            "其中：财政拨款（市本级支出）",
            "财政拨款（转移支付）",
            "非财政拨款"
        ]
    );
    assert_eq!(
        web["funds"]["rows"][3]["values"],
        serde_json::json!(["0.00", "0.00"])
    );
    let history = project(&json, "党史工作经费");
    let levels: Vec<(&str, &str)> = indicators(history).iter().map(|i| (i[1], i[2])).collect();
    assert_eq!(
        levels,
        vec![
            ("数量指标", "图书编纂数量"),
            ("数量指标", "巡察遗址次数"),
            ("质量指标", "出版物数量"),
            ("质量指标", "撰写研讨文章数量"),
            ("时效指标", "开展宣教活动次数"),
            ("时效指标", "维护展览馆次数"),
            ("社会效益", "图书资料字数"),
            ("社会效益", "举办展览次数"),
        ]
    );
}

/// Unruled, `--gutter 1.5`: 3 pt between columns. A cell's first line that
/// starts with a year ("2020年部门日常运行…") beside a full line of the cell
/// before is not glued onto it.
#[test]
fn unruled_form_with_a_narrow_gutter_before_a_year() {
    let json = extract_json("forms-narrow-gutter.pdf");
    let form = forms(&json, "department_performance_goals")[0];
    let row = form["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["indicator"] == "区委组织部办公综合业务费")
        .expect("row 区委组织部办公综合业务费");
    assert_eq!(
        row["expected"],
        "深入贯彻落实习近平总书记系列重要讲话和重要指示批示精神，根据全国、全省、全市组织部长会议精神和区委工作部署完成2020年全区组织工作计划。"
    );
    assert_eq!(
        row["actual"],
        "2020年部门日常运行正常开展、各项工作正常推进。"
    );
}

/// Unruled, `--fund-width 0.45`: the funds header words wrap; at page 4's head
/// "年度预算完成" / "数" puts the last character of the column name on a
/// line of its own, which stays in the header, not in the 总额 row's figure.
#[test]
fn unruled_form_with_a_one_character_header_fragment_at_a_page_head() {
    let json = extract_json("forms-narrow-funds.pdf");
    let form = project(&json, "组织部各项工作经费");
    assert_eq!(
        form["funds"]["columns"],
        serde_json::json!(["年度预算数", "年度预算完成数"])
    );
    assert_eq!(form["funds"]["rows"][0]["source"], "总额");
    assert_eq!(
        form["funds"]["rows"][0]["values"],
        serde_json::json!(["87.00", "69.62"])
    );
    assert_eq!(form["funds"]["completion_rate"], "80.02%");
}

//! End-to-end on narrative pages and 绩效 forms. Expected texts are the
//! corpus truth for these pages (whitespace removed), read against the
//! rendered pages.
mod common;
use common::*;
use serde_json::Value;

/// A "1." that enumerates duties inside a paragraph run is not a heading.
#[test]
fn inline_enumerations_are_paragraphs_not_headings() {
    let json = extract_json("seed-narrative.pdf");
    let part = find_section(&json, "第一部分中国共产党广州市海珠区委员会组织部概况");
    assert_eq!(part["level"], 1);
    let duties = find_section(&json, "（一）单位主要职责");
    assert_eq!(duties["level"], 3);
    assert!(
        duties["children"].as_array().unwrap().is_empty(),
        "{}",
        duties["children"]
    );
    let paras = duties["paragraphs"].as_array().unwrap();
    assert_eq!(paras.len(), 25);
    assert!(compact(&paras[1]).starts_with("1.贯彻执行党的组织工作的路线、方针、政策"));
    // Short items ("9.承担区委和上级组织部门交办的其他事项。") stay in the list too.
    assert!(paras
        .iter()
        .any(|p| compact(p) == "9.承担区委和上级组织部门交办的其他事项。"));
    // Page numbers are not paragraphs.
    assert!(paras
        .iter()
        .all(|p| !compact(p).chars().all(|c| c.is_ascii_digit())));
}

/// A paragraph cut by a page break is one paragraph; a form without rulings
/// (LibreOffice) is read from text alignment.
#[test]
fn paragraph_over_a_page_break_and_an_unruled_form() {
    let json = extract_json("lo-narrative-form.pdf");
    let s = find_section(&json, "一、绩效管理工作总体情况");
    assert_eq!(s["pages"], serde_json::json!([1, 2]));
    let paras: Vec<String> = s["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(compact)
        .collect();
    assert!(
        paras.contains(&"共组织对0个项目开展了重点绩效评价，涉及一般公共预算支出0万元，政府性基金预算支出0万元。其中，项目没有委托第三方机构开展绩效评价。".to_string()),
        "{paras:#?}"
    );
    let form = json["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["kind"] == "department_performance_goals")
        .expect("goals table");
    assert_eq!(form["department"], "广州市海珠区南华西街道办事处");
    let rows = form["rows"].as_array().unwrap();
    assert_eq!(compact(&rows[0]["indicator"]), "“大组工网”建设专项经费");
    assert_eq!(compact(&rows[0]["expected"]), "通过开展“大组工网”运维项目，确保网络畅通，实现中央组织部、省、市、县党委组织部涉密网络的互联互通和全面覆盖。");
    assert_eq!(compact(&rows[1]["indicator"]), "2023年度基层党建工作经费");
    assert!(compact(&rows[1]["actual"]).ends_with(
        "突出党性培养，全面加强党员教育管理培训，覆盖全区社区、联社、两新组织、机关党员。"
    ));
    assert_eq!(
        compact(&rows[2]["actual"]),
        "2023年部门日常运行正常开展、各项工作正常推进。"
    );
}

/// 项目支出绩效自评表 over page breaks: a goal cell whose text runs from the foot
/// of one page to the head of the next is one string; an indicator row printed
/// without rulings at a page head is its own row; merged 指标类别 cells repeat.
#[test]
fn performance_forms_across_page_breaks() {
    let json = extract_json("seed-performance.pdf");
    let forms: Vec<&Value> = json["tables"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["kind"] == "project_performance_self_evaluation")
        .collect();
    let web = forms
        .iter()
        .find(|t| t["project"] == "网站管理维护信息化建设费")
        .unwrap();
    assert_eq!(web["department"], "中国共产党广州市海珠区委员会组织部");
    assert_eq!(
        web["funds"]["rows"][0]["values"],
        serde_json::json!(["54.80", "54.80"])
    );
    assert_eq!(
        (
            web["funds"]["completion_rate"].as_str(),
            web["total_score"].as_str()
        ),
        (Some("100%"), Some("100"))
    );
    let inds = web["indicators"].as_array().unwrap();
    assert_eq!(inds.len(), 4);
    assert!(inds
        .iter()
        .all(|i| i["category"] == "产量指标" && i["level1"] == "质量指标" && i["weight"] == "25"));
    assert_eq!(inds[1]["level2"], "系统平均无故障时间(小时)");

    let party = forms
        .iter()
        .find(|t| t["project"] == "2020年度基层党建工作经费")
        .unwrap();
    assert_eq!(
        compact(&party["goal"]["actual"]),
        "以提升组织力为重点，突出政治功能，着力构建“令行禁止、有呼必应”党建引领基层共建共治共享社会治理格局，基层党建工作取得实效。截至2020年底，建设完善265个社区、18个街道、20个联社、12个机关、11个两新组织党群服务中心，实现全区党群服务中心全覆盖，打造出素社街“红宿舍”、琶洲新时代党群服务驿站、海珠区机关党群服务分中心（晓港公园）等亮点。建设金域、科大讯飞、港航等一批两新组织党建工作示范点。突出党性培养，全面加强党员教育管理培训，覆盖全区社区、联社、两新组织、机关党员。"
    );
    let cats: Vec<(&str, &str)> = party["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["category"].as_str().unwrap(),
                i["level1"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        cats,
        vec![
            ("产出指标", "数量指标"),
            ("产出指标", "数量指标"),
            ("产出指标", "数量指标"),
            ("产出指标", "时效指标"),
            ("效益指标", "社会效益")
        ]
    );
    assert_eq!(party["funds"]["completion_rate"], "92.91%");
}

//! End-to-end on pages cut from real documents (`testdata/narrative/`), one
//! per shape of narrative that real documents print: wrapped headings,
//! justified text, numbered sentences, restarted lists, glossaries, covers.
//! Expected headings and texts were read off the rendered pages.
mod common;
use common::*;
use serde_json::Value;

/// Each section's level and heading (whitespace removed), depth first.
fn headings(json: &Value) -> Vec<(u64, String)> {
    let mut all = Vec::new();
    sections(&json["sections"], &mut all);
    all.iter()
        .filter(|s| s["level"].as_u64() != Some(0))
        .map(|s| (s["level"].as_u64().unwrap(), compact(&s["heading"])))
        .collect()
}

fn child_headings(section: &Value) -> Vec<String> {
    section["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| compact(&c["heading"]))
        .collect()
}

fn paragraphs(section: &Value) -> Vec<&str> {
    section["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect()
}

fn outline_warnings(json: &Value) -> Vec<&str> {
    json["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .filter(|w| w.starts_with("outline:"))
        .collect()
}

/// Text with its whitespace removed.
fn plain(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn owned(v: &[(u64, &str)]) -> Vec<(u64, String)> {
    v.iter().map(|(l, h)| (*l, h.to_string())).collect()
}

/// 北京市商务局 prints its text justified: every character of a line spread
/// apart. The text reads as printed, without spaces between the characters.
#[test]
fn justified_text_reads_without_spaces() {
    let json = extract_json("narrative/beijing-justified.pdf");
    let s = find_section(&json, "（二）机关运行经费说明");
    assert_eq!(
        paragraphs(s),
        ["2026年北京市商务局机关运行经费财政拨款预算874.74万元。"]
    );
    let s = find_section(&json, "（三）国有资产占用情况说明");
    assert_eq!(
        paragraphs(s),
        ["截至2025年底，北京市商务局共有车辆33台，单位价值100万元以上的设备9台（套）。2026年预算安排中，购置单位价值100万元以上的设备0台（套）。"]
    );
    let s = find_section(&json, "五、其他情况说明");
    assert_eq!(
        child_headings(s),
        [
            "（一）政府采购预算说明",
            "（二）机关运行经费说明",
            "（三）国有资产占用情况说明"
        ]
    );
    // The glossary's terms are run in before their definitions: paragraphs.
    let s = find_section(&json, "六、名词解释");
    assert!(s["children"].as_array().unwrap().is_empty());
    assert_eq!(
        paragraphs(s)[0],
        "基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。"
    );
}

/// "（七）一般公共预算“三公”经费预算情况说明（详" / "见表7）": a heading
/// wrapped inside its bracket is one heading, its text stays its own, and
/// the next heading is its sibling.
#[test]
fn heading_wrapped_inside_a_bracket_is_one_heading() {
    let json = extract_json("narrative/hangzhou-wrapped-heading.pdf");
    let h = headings(&json);
    assert_eq!(
        h.iter()
            .filter(|(l, _)| *l == 3)
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>(),
        [
            "（六）一般公共预算基本支出情况说明（详见表6）",
            "（七）一般公共预算“三公”经费预算情况说明（详见表7）",
            "（八）政府性基金预算支出情况说明（详见表8）",
        ]
    );
    let s = find_section(&json, "（七）一般公共预算“三公”经费预算情况说明（详见表7）");
    let paras = paragraphs(s);
    assert!(
        plain(paras[0]).starts_with("2026年“三公”经费预算数为4,112.82万元"),
        "{paras:#?}"
    );
    // "1.因公出国（境）费用：根据…" is a run-in item, not a heading.
    assert!(s["children"].as_array().unwrap().is_empty());
    let s = find_section(&json, "（八）政府性基金预算支出情况说明（详见表8）");
    assert_eq!(
        child_headings(s),
        [
            "1.政府性基金预算当年拨款规模变化情况。",
            "2.政府性基金预算当年拨款结构情况。"
        ]
    );
    assert!(outline_warnings(&json).is_empty(), "{:?}", json["warnings"]);
}

/// "（二）推动科技创新与产业创新深度融合，培育新质生产力" fills its line as a
/// paragraph's first line would; it is the heading between （一） and （三）.
#[test]
fn a_sibling_heading_that_fills_its_line_is_found() {
    let json = extract_json("narrative/fuzhou-lost-sibling.pdf");
    let s = find_section(&json, "三、单位主要工作任务");
    assert_eq!(
        child_headings(s),
        [
            // The document's own doubled numbering, wrapped at the margin.
            "（一）（一）提升战略科技力量，打造高水平创新策源地",
            "（二）推动科技创新与产业创新深度融合，培育新质生产力",
            "（三）一体推进教育科技人才发展，构建一流创新生态环境",
        ]
    );
    let s = find_section(
        &json,
        "（二）推动科技创新与产业创新深度融合，培育新质生产力",
    );
    assert!(plain(paragraphs(s)[0]).starts_with("突出创新主体地位"));
    assert!(outline_warnings(&json).is_empty(), "{:?}", json["warnings"]);
}

/// A list of duties numbered （十四）…（十七） is a list of paragraphs even where
/// an item fits on one line; a list that starts again at 一、 under
/// "三、2019年部门主要工作任务及目标" is nested in it.
#[test]
fn numbered_duties_stay_items_and_a_restarted_list_nests() {
    let json = extract_json("narrative/jiangsu-list-and-nested.pdf");
    assert_eq!(
        headings(&json),
        owned(&[
            (2, "二、部门机构设置及预算单位构成情况"),
            (2, "三、2019年部门主要工作任务及目标"),
            (2, "一、坚决捍卫国家政治安全和社会大局稳定"),
        ])
    );
    let s = find_section(&json, "三、2019年部门主要工作任务及目标");
    assert_eq!(
        child_headings(s),
        ["一、坚决捍卫国家政治安全和社会大局稳定"]
    );
    let mut all = Vec::new();
    sections(&json["sections"], &mut all);
    let untitled = all[0];
    let paras: Vec<String> = paragraphs(untitled).iter().map(|p| plain(p)).collect();
    assert!(paras.contains(&"（十四）领导省以下各级人民检察院的检务督察工作。".to_string()));
    assert!(paras.contains(&"（十七）其他应当由江苏省人民检察院承办的事项。".to_string()));
}

/// A document printed without a cover, opening with its first table: the
/// table's title is not the document's title.
#[test]
fn a_first_page_with_a_table_gives_no_cover_title() {
    let json = extract_json("narrative/jiangsu-no-cover.pdf");
    assert_eq!(json["document"]["title"], Value::Null);
    assert!(json["tables"]
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["title"] == "收支预算总表"));
}

/// A cover title over three lines is one string; part headings spread apart
/// ("第一部分    上海市…概况") or wrapped and centred are single headings; a
/// glossary of run-in terms is paragraphs, not sections.
#[test]
fn cover_title_part_headings_and_a_glossary() {
    let json = extract_json("narrative/putuo-cover-parts-glossary.pdf");
    let doc = &json["document"];
    assert_eq!(doc["title"], "上海市普陀区规划和自然资源局2024年度部门决算");
    assert_eq!(doc["entity"], "上海市普陀区规划和自然资源局");
    // The cover's three centred lines are one string in the text too.
    assert_eq!(
        json["sections"][0]["paragraphs"],
        serde_json::json!(["上海市普陀区规划和自然资源局2024年度部门决算"])
    );
    let parts: Vec<String> = headings(&json)
        .into_iter()
        .filter(|(l, _)| *l == 1)
        .map(|(_, t)| t)
        .collect();
    assert_eq!(
        parts,
        [
            "第一部分上海市普陀区规划和自然资源局概况",
            "第三部分上海市普陀区规划和自然资源局2024年度部门决算情况说明",
            "第四部分名词解释",
        ]
    );
    // The cut leaves out the tables of 第二部分: a skip in the numbering.
    assert_eq!(
        outline_warnings(&json),
        ["outline: numbering skips from “第一部分上海市普陀区规划和自然资源局概况” (page 2) to “第三部分上海市普陀区规划和自然资源局2024年度部门决算情况说明” (page 3)"]
    );
    let glossary = find_section(&json, "第四部分名词解释");
    assert!(glossary["children"].as_array().unwrap().is_empty());
    assert!(plain(paragraphs(glossary)[0]).starts_with("一、财政拨款收入：指单位本年度"));
    let s = find_section(
        &json,
        "第三部分上海市普陀区规划和自然资源局2024年度部门决算情况说明",
    );
    assert_eq!(
        child_headings(s)[..4],
        [
            "一、收入支出决算总体情况说明",
            "二、收入决算情况说明",
            "三、支出决算情况说明",
            "四、财政拨款收入支出决算总体情况说明",
        ]
    );
}

/// "（一）因公出国（境）费0.00万元，与2025年预算持平。" says something: an item
/// of the text under 一、, not a heading.
#[test]
fn numbered_sentences_are_no_headings() {
    let json = extract_json("narrative/xingke-numbered-sentences.pdf");
    let level2: Vec<String> = headings(&json)
        .into_iter()
        .filter(|(l, _)| *l == 2)
        .map(|(_, t)| t)
        .collect();
    assert_eq!(
        level2,
        [
            "一、2026年“三公”经费预算情况说明",
            "二、机关运行经费预算",
            "三、政府采购预算情况",
            "四、绩效目标设置情况",
            "五、国有资产占有使用情况",
        ]
    );
    let s = find_section(&json, "一、2026年“三公”经费预算情况说明");
    assert!(s["children"].as_array().unwrap().is_empty());
    let paras: Vec<String> = paragraphs(s).iter().map(|p| plain(p)).collect();
    assert!(paras.contains(&"（一）因公出国（境）费0.00万元，与2025年预算持平。".to_string()));
    assert!(paras.contains(&"（三）公务接待费1.70万元，与2025年预算持平。".to_string()));
}

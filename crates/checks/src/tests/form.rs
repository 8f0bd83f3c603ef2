//! Planted errors in what the document says it is and how it is written:
//! year, entity, template text, typography; and the summary the CLI prints.
use super::*;
use crate::check::Status;
use crate::summary::{summary, CheckCounts};

#[test]
fn another_year_in_a_heading_a_title_or_a_date() {
    let mut doc = consistent();
    doc.sections[0].children[0].heading = "一、2023年度收入支出决算总体情况说明".into();
    let f = failed(&doc);
    assert_eq!(rules(&f), vec!["year_consistency"]);
    assert_eq!(f[0].pages, vec![12]);
    assert!(f[0].detail.contains("2023"));

    let mut doc = consistent();
    grid(&mut doc, "表2").title = "2023年度收入决算表".into();
    let f = failed(&doc);
    assert_eq!(rules(&f), vec!["year_consistency"]);
    assert_eq!(f[0].table.as_deref(), Some("表2"));

    let mut doc = consistent();
    edit(&mut doc, "截至2024年12月31日", "截至2023年12月31日");
    assert_eq!(rules(&failed(&doc)), vec!["year_consistency"]);

    // A comparison with last year is not another year's heading.
    let mut doc = consistent();
    doc.sections[0].children[0].heading = "一、收入支出决算总体情况（与2023年度比较）".into();
    assert!(failed(&doc).is_empty());
}

#[test]
fn the_document_naming_itself_with_another_year() {
    let mut doc = consistent();
    edit(
        &mut doc,
        &format!("{ENTITY}2024年度无政府性基金预算财政拨款收入和支出。"),
        &format!(
            "{ENTITY}2024年度无政府性基金预算财政拨款收入和支出，详见{ENTITY}2023年度部门决算。"
        ),
    );
    assert_eq!(rules(&failed(&doc)), vec!["year_consistency"]);
}

#[test]
fn an_entity_almost_the_cover_s() {
    // The district left out of a self-reference, a character changed in another.
    for wrong in ["上海市示例局", "上海市普陀区示范局"] {
        let mut doc = consistent();
        edit(
            &mut doc,
            &format!("{ENTITY}2024年度无政府性基金"),
            &format!("{wrong}2024年度无政府性基金"),
        );
        let f = failed(&doc);
        assert_eq!(rules(&f), vec!["entity_consistency"], "{wrong}");
        assert!(f[0].detail.contains(wrong));
        assert_eq!(f[0].pages, vec![14]);
    }
    // A table's 编制单位.
    let mut doc = consistent();
    grid(&mut doc, "表5").entity = Some("上海市普陀区示范局".into());
    let f = failed(&doc);
    assert_eq!(rules(&f), vec!["entity_consistency"]);
    assert_eq!(f[0].table.as_deref(), Some("表5"));
    // Another entity altogether is not a misspelling of this one.
    let mut doc = consistent();
    edit(
        &mut doc,
        &format!("{ENTITY}2024年度无政府性基金"),
        "按照上海市财政局2024年度无政府性基金",
    );
    assert!(failed(&doc).is_empty());
}

#[test]
fn placeholders_and_template_instructions() {
    for (old, new) in [
        ("人员经费60.00万元", "人员经费XX万元"),
        ("厉行节约", "××××"),
        ("严格控制支出", "某某原因"),
        (
            "减少1.00万元，下降6.25%",
            "减少（增加）1.00万元，下降（增长）6.25%",
        ),
        ("主要包括：办公费", "主要包括：办公费（不涉及的不列）"),
    ] {
        let mut doc = consistent();
        edit(&mut doc, old, new);
        let f = failed(&doc);
        assert!(rules(&f).contains(&"placeholder_text"), "{new}: {f:#?}");
    }
    let mut doc = consistent();
    grid(&mut doc, "表8").notes.insert(
        0,
        "无政府性基金预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明：".into(),
    );
    let f = failed(&doc);
    assert_eq!(rules(&f), vec!["placeholder_text"]);
    assert_eq!(f[0].table.as_deref(), Some("表8"));
}

#[test]
fn doubled_punctuation_and_a_repeated_word() {
    let mut doc = consistent();
    edit(&mut doc, "严格控制支出。", "严格控制支出。。");
    let f = failed(&doc);
    assert_eq!(rules(&f), vec!["doubled_punctuation"]);
    assert_eq!(f[0].pages, vec![13]);

    let mut doc = consistent();
    edit(&mut doc, "主要包括：办公费", "主要包括：办公费办公费");
    assert_eq!(rules(&failed(&doc)), vec!["repeated_word"]);
    let mut doc = consistent();
    edit(&mut doc, "主要包括：基本工资", "主要包括：的的基本工资");
    assert_eq!(rules(&failed(&doc)), vec!["repeated_word"]);
}

#[test]
fn the_summary_counts_every_status_and_lists_failures_with_pages() {
    let mut doc = consistent();
    edit(&mut doc, "收入支出总计105.00万元", "收入支出总计115.00万元");
    doc.sections[0].children[2]
        .paragraphs
        .push("某项支出10.00万元，占35.00%。".into());
    grid(&mut doc, "表8").notes.clear();
    doc.tables.retain(|t| {
        t.as_grid()
            .is_none_or(|g| g.number.as_deref() != Some("表2"))
    });
    let tables = doc.tables.len();
    let checks = run_checks(&doc);
    let c = CheckCounts::of(&checks);
    assert!(
        c.pass > 0 && c.fail >= 3 && c.undetermined >= 1 && c.skipped >= 1,
        "{c:?}"
    );
    assert_eq!(c.pass + c.fail + c.undetermined + c.skipped, checks.len());
    let counts = crate::summary::Counts {
        tables,
        grids: tables,
        warnings: 2,
    };
    let s = summary("x.pdf", counts, &checks);
    let first = s.lines().next().unwrap();
    assert_eq!(
        first,
        format!(
            "x.pdf: 8 tables, {} checks: {} passed, {} failed, {} undetermined, {} skipped, 2 warnings",
            checks.len(),
            c.pass,
            c.fail,
            c.undetermined,
            c.skipped
        )
    );
    assert!(
        s.contains("narrative_total_income 表1 p.12: 收入支出总计: stated 115.00 万元"),
        "{s}"
    );
    assert!(s.contains("empty_table_note 表8 p.10"), "{s}");
}

#[test]
fn skipped_checks_serialize_as_skipped() {
    let mut doc = consistent();
    doc.sections.clear();
    let json = serde_json::to_string_pretty(&run_checks(&doc)).unwrap();
    assert!(json.contains("\"status\": \"skipped\""));
    assert!(Status::Skipped != Status::Pass);
}

//! Planted errors in the tables: identities inside a table, between tables,
//! and the table set.
use fiscal_recognize::contents::ContentsEntry;
use fiscal_recognize::{AnyTable, DocumentKind, TableKind};

use super::*;
use crate::check::Status;
use crate::run::run_checks;

#[test]
fn a_changed_cell_breaks_the_hierarchy_the_row_total_and_the_identities() {
    let mut doc = consistent();
    set(grid(&mut doc, "表3"), "20101", "basic", "51.00");
    let f = failed(&doc);
    assert_eq!(rules(&f), vec!["hierarchy_sum", "row_total"]);
    assert!(f.iter().all(|c| c.table.as_deref() == Some("表3")));
}

#[test]
fn swapped_columns_keep_row_totals_but_break_the_hierarchy() {
    let mut doc = consistent();
    let t = grid(&mut doc, "表3");
    set(t, "20102", "basic", "10.00");
    set(t, "20102", "project", "30.00");
    assert_eq!(rules(&failed(&doc)), vec!["hierarchy_sum"]);
}

#[test]
fn unbalanced_sides_are_reported() {
    let mut doc = consistent();
    set(grid(&mut doc, "表1"), "总计", "expenditure_final", "106.00");
    assert!(rules(&failed(&doc)).contains(&"sides_balance"));
}

#[test]
fn each_cross_table_identity_names_itself() {
    // 表1's spending moved by one, consistently inside 表1: only 表1 ↔ 表3 breaks.
    let mut doc = consistent();
    let t = grid(&mut doc, "表1");
    set(t, "本年支出合计", "expenditure_final", "99.00");
    set(t, "一、一般公共服务支出", "expenditure_final", "99.00");
    set(t, "年末结转和结余", "expenditure_final", "6.00");
    let f = failed(&doc);
    assert_eq!(
        rules(&f),
        vec![
            "narrative_current_expenditure",
            "summary_expenditure_equals_expenditure_table"
        ]
    );
    let identity = f
        .iter()
        .find(|c| c.rule == "summary_expenditure_equals_expenditure_table")
        .unwrap();
    assert!(identity.detail.contains("99.00 ≠ 100.00"), "{identity:#?}");
    assert_eq!(identity.table.as_deref(), Some("表3"));

    // 表6's 公用经费 one more: 表5 基本支出 ≠ 人员经费 + 公用经费, and the
    // narrative's 公用经费 no longer agrees either.
    let mut doc = consistent();
    let t = grid(&mut doc, "表6");
    set(t, "公用经费合计", "final", "21.00");
    set(t, "302", "final", "21.00");
    set(t, "30201", "final", "21.00");
    let f = failed(&doc);
    assert_eq!(
        rules(&f),
        vec![
            "general_basic_equals_basic_table",
            "narrative_general_budget_basic_expenditure",
            "narrative_public_expenses"
        ],
        "{f:#?}"
    );

    // 表4's 类 row against 表5's 类 row of the same name.
    let mut doc = consistent();
    set(
        grid(&mut doc, "表4"),
        "一、一般公共服务支出",
        "expenditure_general",
        "90.00",
    );
    assert!(rules(&failed(&doc)).contains(&"fiscal_functions_equal_general_table"));
}

#[test]
fn an_identity_whose_table_is_missing_is_skipped_with_the_reason() {
    let mut doc = consistent();
    doc.tables
        .retain(|t| t.as_grid().is_none_or(|g| g.kind != TableKind::Income));
    let checks = run_checks(&doc);
    let skipped = checks
        .iter()
        .find(|c| c.rule == "summary_income_equals_income_table")
        .unwrap();
    assert_eq!(skipped.status, Status::Skipped);
    assert!(skipped.detail.contains("no income table"), "{skipped:#?}");
    // The missing table is a failure of the table set.
    let f = failed(&doc);
    assert_eq!(rules(&f), vec!["table_set"]);
    assert!(f[0].detail.contains("income"));
}

#[test]
fn a_budget_is_checked_against_the_budget_set() {
    let mut doc = consistent();
    doc.document.kind = Some(DocumentKind::Budget);
    let checks = run_checks(&doc);
    // The 决算 identities do not apply to a budget…
    assert!(!checks
        .iter()
        .any(|c| c.rule == "summary_income_equals_income_table"));
    // …and none of the budget's standard tables is there.
    let missing = checks
        .iter()
        .filter(|c| c.rule == "table_set" && c.status == Status::Fail)
        .count();
    assert_eq!(missing, crate::completeness::BUDGET_SET.len());
}

#[test]
fn a_table_printed_twice_is_reported_but_not_one_continued_over_pages() {
    let mut doc = consistent();
    let mut again = grid(&mut doc, "表3").clone();
    again.pages = vec![20];
    doc.tables.push(AnyTable::Grid(again));
    let f = failed(&doc);
    assert_eq!(rules(&f), vec!["table_duplicate"]);
    assert_eq!(f[0].pages, vec![5, 20]);

    // The same kind on the next page, nothing between: a continuation.
    let mut doc = consistent();
    let mut cont = grid(&mut doc, "表9").clone();
    cont.pages = vec![12];
    doc.tables.push(AnyTable::Grid(cont));
    assert!(failed(&doc).is_empty());
}

#[test]
fn an_empty_fund_table_needs_its_note() {
    let mut doc = consistent();
    grid(&mut doc, "表8").notes.clear();
    // The text saying there is no 政府性基金 is not the note the table needs,
    // but the failure quotes it.
    let f = failed(&doc);
    assert_eq!(rules(&f), vec!["empty_table_note"]);
    assert_eq!(f[0].pages, vec![10]);
    assert!(f[0].detail.contains("the text says so"), "{f:#?}");
    edit(
        &mut doc,
        "无政府性基金预算财政拨款收入和支出",
        "政府性基金预算财政拨款收支见表8",
    );
    let f = failed(&doc);
    assert!(!f[0].detail.contains("the text says so"), "{f:#?}");
    // A note written into the empty body counts.
    let t = grid(&mut doc, "表8");
    t.rows[0].name = Some("此表为空".into());
    assert!(failed(&doc).is_empty());
}

#[test]
fn a_sentence_saying_a_fund_is_nil() {
    use crate::completeness::says_none;
    let fund = "政府性基金";
    assert!(says_none(
        "本部门2022年度无政府性基金预算财政拨款收支，已公开空表",
        fund
    )
    .is_some());
    assert!(says_none(
        "政府性基金拨款支出预算为0；国有资本经营预算拨款支出预算为0",
        fund
    )
    .is_some());
    assert!(says_none("政府性基金预算财政拨款支出0.00万元", fund).is_some());
    assert!(says_none("政府性基金预算财政拨款支出为0，收入3.00万元", fund).is_none());
    assert!(says_none("国有资本经营预算拨款支出预算为0", fund).is_none());
}

#[test]
fn an_empty_table_the_contents_marks_empty_has_its_note() {
    let mut doc = consistent();
    grid(&mut doc, "表8").notes.clear();
    edit(
        &mut doc,
        "无政府性基金预算财政拨款收入和支出",
        "政府性基金预算财政拨款收支见表8",
    );
    let mut entry = listed("八、政府性基金预算财政拨款收入支出决算表", 2);
    entry.declared_empty = true;
    doc.contents.entries.push(entry);
    assert!(failed(&doc).is_empty(), "{:#?}", failed(&doc));
    // Listed by its number under a shorter name (西安 "表9 …政府性基金收支表").
    let entry = doc.contents.entries.last_mut().unwrap();
    entry.text = "表8政府性基金收支表".into();
    entry.table_number = Some("表8".into());
    assert!(failed(&doc).is_empty(), "{:#?}", failed(&doc));
    doc.contents.entries.last_mut().unwrap().declared_empty = false;
    assert_eq!(rules(&failed(&doc)), vec!["empty_table_note"]);
}

/// A 目录 entry naming one table, printed on `page`.
fn listed(text: &str, page: u32) -> ContentsEntry {
    ContentsEntry {
        text: text.to_string(),
        numbering: Some(2),
        table_number: None,
        page: None,
        names_table: true,
        declared_empty: false,
        listed_on: page,
    }
}

#[test]
fn a_table_the_contents_lists_must_be_printed_in_its_order() {
    let mut doc = consistent();
    for name in [
        "一、收入支出决算总表",
        "二、收入决算表",
        "三、支出决算表",
        "四、一般公共预算财政拨款基本支出决算表",
    ] {
        doc.contents.entries.push(listed(name, 2));
    }
    let passed = |doc: &Recognized, rule: &str| {
        run_checks(doc)
            .iter()
            .any(|c| c.rule == rule && c.status == Status::Pass)
    };
    assert!(failed(&doc).is_empty(), "{:#?}", failed(&doc));
    assert!(passed(&doc, "contents_tables") && passed(&doc, "table_order"));
    // Listed, not printed.
    doc.contents
        .entries
        .push(listed("十、部门整体支出绩效评价表", 3));
    let f = failed(&doc);
    assert_eq!(rules(&f), vec!["contents_tables"]);
    assert_eq!(f[0].pages, vec![3]);
    assert!(f[0].detail.contains("十、部门整体支出绩效评价表"), "{f:#?}");
    doc.contents.entries.pop();
    // Listed in another order than printed.
    doc.contents.entries.swap(1, 2);
    let f = failed(&doc);
    assert_eq!(rules(&f), vec!["table_order"]);
    assert!(f[0].detail.contains("三、支出决算表"), "{f:#?}");
    // A table the 目录 marks empty may be left out.
    doc.contents.entries.swap(1, 2);
    let mut empty = listed("十、部门整体支出绩效评价表", 3);
    empty.declared_empty = true;
    doc.contents.entries.push(empty);
    assert!(failed(&doc).is_empty());
    // A second list before the tables starts the order again.
    doc.contents.entries.push(listed("表1收入支出决算总表", 20));
    doc.contents.entries.push(listed("表2收入决算表", 20));
    assert!(failed(&doc).is_empty(), "{:#?}", failed(&doc));
}

#[test]
fn a_missing_standard_table_is_undetermined_while_untitled_tables_remain() {
    let mut doc = consistent();
    grid(&mut doc, "表2").kind = TableKind::Unknown;
    let checks = run_checks(&doc);
    let c = checks
        .iter()
        .find(|c| c.rule == "table_set" && c.detail.contains("income"))
        .unwrap();
    assert_eq!(c.status, Status::Undetermined, "{c:#?}");
    assert_eq!(c.pages, vec![4]);
}

#[test]
fn a_code_whose_parent_is_not_printed_sums_into_its_nearest_printed_ancestor() {
    // 西安 经济分类 detail: 3010201 津贴补贴 printed under 301 without a 30102 row.
    let r = |c: &str, n: &str, v: &str| coded(None, c, n, &[("total", v)]);
    let rows = |top: &str| {
        vec![
            r("301", "工资福利支出", top),
            r("30101", "基本工资", "237.03"),
            r("3010201", "津贴补贴", "317.69"),
            r("3010202", "改革性补贴", "34.76"),
            r("30108", "机关事业单位基本养老保险缴费", "81.23"),
        ]
    };
    let hierarchy = |t: &Table| {
        let mut out = Vec::new();
        crate::arithmetic::hierarchy_sum(t, &mut out);
        out
    };
    let cols = [("total", "合计")];
    let t = table(
        "表6",
        "一般公共预算支出明细表",
        "unknown",
        10,
        &cols,
        rows("670.71"),
    );
    let c = hierarchy(&t);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(c[0].status, Status::Pass, "{c:#?}");
    assert!(c[0].detail.contains("Σ 4 children"), "{c:#?}");
    let t = table(
        "表6",
        "一般公共预算支出明细表",
        "unknown",
        10,
        &cols,
        rows("618.39"),
    );
    assert_eq!(hierarchy(&t)[0].status, Status::Fail);
}

/// A document that is no department's disclosure — a 决算草案报告, a 通报, or
/// the template itself (its cover naming 上海市XX局) — runs no department
/// rule: one `document_kind` check, skipped with the reason, even where its
/// tables and text would fail them.
#[test]
fn no_department_rule_runs_on_what_is_no_disclosure() {
    for kind in [DocumentKind::GovernmentReport, DocumentKind::Notice] {
        let mut doc = consistent();
        doc.document.kind = Some(kind);
        edit(&mut doc, "收入支出总计105.00万元", "收入支出总计115.00万元");
        let checks = run_checks(&doc);
        assert_eq!(checks.len(), 1, "{checks:#?}");
        assert_eq!(checks[0].rule, "document_kind");
        assert_eq!(checks[0].status, Status::Skipped);
    }
    let mut doc = consistent();
    doc.document.entity = Some("上海市XX局".into());
    let checks = run_checks(&doc);
    assert_eq!(checks.len(), 1, "{checks:#?}");
    assert_eq!(checks[0].status, Status::Skipped);
    assert!(checks[0].detail.contains("template"), "{checks:#?}");
    // The same document naming its department is checked, and fails.
    doc.document.entity = Some(ENTITY.into());
    edit(&mut doc, "收入支出总计105.00万元", "收入支出总计115.00万元");
    assert!(!failed(&doc).is_empty());
}

//! Planted errors in the tables: identities inside a table, between tables,
//! and the table set.
use fiscal_recognize::{AnyTable, DocumentKind, TableKind};

use super::super::{run_checks, Status};
use super::*;

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
    assert_eq!(missing, super::super::completeness::BUDGET_SET.len());
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
    let f = failed(&doc);
    assert_eq!(rules(&f), vec!["empty_table_note"]);
    assert_eq!(f[0].pages, vec![10]);
    // A note written into the empty body counts.
    let t = grid(&mut doc, "表8");
    t.rows[0].name = Some("此表为空".into());
    assert!(failed(&doc).is_empty());
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

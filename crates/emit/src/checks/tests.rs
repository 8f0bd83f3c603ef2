//! Planted errors in a small consistent document, each caught by its rule.
use std::collections::BTreeMap;
use std::str::FromStr;

use rust_decimal::Decimal;

use fiscal_recognize::code::{self, Classification};
use fiscal_recognize::{AnyTable, Column, DocumentMeta, Recognized, Row, Section, Table};

use super::{run_checks, Check, Status};

fn values(pairs: &[(&str, &str)]) -> BTreeMap<String, Option<Decimal>> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), Some(Decimal::from_str(v).unwrap())))
        .collect()
}

fn named(group: Option<&str>, name: &str, line: Option<u32>, vals: &[(&str, &str)]) -> Row {
    Row {
        group: group.map(str::to_string),
        code: None,
        classification: None,
        level: None,
        parent: None,
        name: Some(name.to_string()),
        line,
        values: values(vals),
        ..Row::default()
    }
}

fn coded(c: &str, name: &str, vals: &[(&str, &str)]) -> Row {
    Row {
        group: None,
        code: Some(c.to_string()),
        classification: Some(Classification::Functional),
        level: code::level(c),
        parent: code::parent(c),
        name: Some(name.to_string()),
        line: None,
        values: values(vals),
        ..Row::default()
    }
}

fn table(number: &str, title: &str, kind: &str, columns: &[(&str, &str)], rows: Vec<Row>) -> Table {
    Table {
        number: Some(number.to_string()),
        title: title.to_string(),
        kind: kind.parse().unwrap(),
        entity: None,
        money_unit: Some(fiscal_recognize::MoneyUnit::TenThousandYuan),
        pages: vec![1],
        columns: columns
            .iter()
            .map(|(k, h)| Column {
                key: k.to_string(),
                header: h.to_string(),
            })
            .collect(),
        text_columns: Vec::new(),
        rows,
        notes: Vec::new(),
    }
}

/// A document whose tables agree with each other and whose narrative restates them.
fn consistent() -> Recognized {
    let i = |n: &str, l: u32, v: &str| named(Some("收入"), n, Some(l), &[("income_final", v)]);
    let e = |n: &str, l: u32, v: &str| named(Some("支出"), n, Some(l), &[("expenditure_final", v)]);
    let summary = table(
        "表1",
        "收入支出决算总表",
        "income_expenditure_summary",
        &[
            ("income_final", "收入/决算数"),
            ("expenditure_final", "支出/决算数"),
        ],
        vec![
            i("一、一般公共预算财政拨款收入", 1, "100.00"),
            i("二、政府性基金预算财政拨款收入", 2, "0.00"),
            i("本年收入合计", 3, "100.00"),
            i("年初结转和结余", 4, "5.00"),
            i("总计", 5, "105.00"),
            e("一、一般公共服务支出", 6, "100.00"),
            e("本年支出合计", 7, "100.00"),
            e("年末结转和结余", 8, "5.00"),
            e("总计", 9, "105.00"),
        ],
    );
    fn r<'a>(t: &'a str, b: &'a str, p: &'a str) -> [(&'a str, &'a str); 3] {
        [("total", t), ("basic", b), ("project", p)]
    }
    let spending = table(
        "表3",
        "支出决算表",
        "expenditure",
        &[
            ("total", "本年支出合计"),
            ("basic", "基本支出"),
            ("project", "项目支出"),
        ],
        vec![
            named(None, "合计", None, &r("100.00", "80.00", "20.00")),
            coded("201", "一般公共服务支出", &r("100.00", "80.00", "20.00")),
            coded("20101", "人大事务", &r("60.00", "50.00", "10.00")),
            coded("2010101", "行政运行", &r("60.00", "50.00", "10.00")),
            coded("20102", "政协事务", &r("40.00", "30.00", "10.00")),
            coded("2010201", "行政运行", &r("40.00", "30.00", "10.00")),
        ],
    );
    let narrative = Section {
        heading: "（一）年度收支总体情况".into(),
        level: 3,
        pages: vec![2],
        paragraphs: vec![
            "本单位2020年度总收入105.00万元，其中本年收入100.00万元。".into(),
            "1.基本支出80.00万元，比上年决算增加20.00万元，增长33.3%。".into(),
        ],
        children: Vec::new(),
    };
    Recognized {
        document: DocumentMeta::default(),
        contents: Default::default(),
        tables: vec![AnyTable::Grid(summary), AnyTable::Grid(spending)],
        sections: vec![narrative],
        warnings: Vec::new(),
    }
}

fn failed(doc: &Recognized) -> Vec<Check> {
    run_checks(doc)
        .into_iter()
        .filter(|c| c.status == Status::Fail)
        .collect()
}

fn grid(doc: &mut Recognized, i: usize) -> &mut Table {
    match &mut doc.tables[i] {
        AnyTable::Grid(t) => t,
        _ => unreachable!(),
    }
}

/// Sets the figure of the row named or coded `code` that has a `key` column.
fn set(t: &mut Table, code: &str, key: &str, v: &str) {
    let r = t
        .rows
        .iter_mut()
        .find(|r| {
            (r.code.as_deref() == Some(code) || r.name.as_deref() == Some(code))
                && r.values.contains_key(key)
        })
        .unwrap();
    r.values
        .insert(key.to_string(), Some(Decimal::from_str(v).unwrap()));
}

fn rules(checks: &[Check]) -> Vec<&str> {
    let mut r: Vec<&str> = checks.iter().map(|c| c.rule.as_str()).collect();
    r.sort();
    r.dedup();
    r
}

#[test]
fn a_consistent_document_has_no_failure_and_every_kind_of_rule_ran() {
    let doc = consistent();
    let checks = run_checks(&doc);
    assert!(failed(&doc).is_empty(), "{:#?}", failed(&doc));
    for rule in [
        "hierarchy_sum",
        "total_row",
        "row_total",
        "sides_balance",
        "cross_table",
        "narrative_total_income",
        "narrative_basic_expenditure",
        "narrative_change_rate",
    ] {
        assert!(checks.iter().any(|c| c.rule == rule), "{rule} did not run");
    }
}

#[test]
fn a_changed_cell_breaks_the_hierarchy_and_the_row_total() {
    let mut doc = consistent();
    set(grid(&mut doc, 1), "20101", "basic", "51.00");
    let f = failed(&doc);
    assert_eq!(rules(&f), vec!["hierarchy_sum", "row_total"]);
    assert!(f.iter().all(|c| c.table.as_deref() == Some("表3")));
}

#[test]
fn swapped_columns_keep_row_totals_but_break_the_hierarchy() {
    let mut doc = consistent();
    let t = grid(&mut doc, 1);
    set(t, "20102", "basic", "10.00");
    set(t, "20102", "project", "30.00");
    let f = failed(&doc);
    assert_eq!(rules(&f), vec!["hierarchy_sum"]);
}

#[test]
fn unbalanced_sides_are_reported() {
    let mut doc = consistent();
    set(grid(&mut doc, 0), "总计", "expenditure_final", "106.00");
    assert!(rules(&failed(&doc)).contains(&"sides_balance"));
}

#[test]
fn a_cross_table_difference_is_reported() {
    let mut doc = consistent();
    let t = grid(&mut doc, 0);
    set(t, "本年支出合计", "expenditure_final", "99.00");
    set(t, "一、一般公共服务支出", "expenditure_final", "99.00");
    set(t, "年末结转和结余", "expenditure_final", "6.00");
    assert_eq!(rules(&failed(&doc)), vec!["cross_table"]);
}

#[test]
fn narrative_figures_off_by_a_cent_or_by_ten_are_caught() {
    for stated in ["105.01", "115.00", "104.99"] {
        let mut doc = consistent();
        doc.sections[0].paragraphs[0] =
            format!("本单位2020年度总收入{stated}万元，其中本年收入100.00万元。");
        assert_eq!(
            rules(&failed(&doc)),
            vec!["narrative_total_income"],
            "{stated}"
        );
    }
}

#[test]
fn a_wrong_stated_rate_and_a_rate_over_zero_are_caught() {
    let mut doc = consistent();
    doc.sections[0].paragraphs[1] =
        "1.基本支出80.00万元，比上年决算增加20.00万元，增长40%。".into();
    assert_eq!(rules(&failed(&doc)), vec!["narrative_change_rate"]);
    let mut doc = consistent();
    doc.sections[0].paragraphs[1] =
        "1.基本支出80.00万元，比上年决算增加80.00万元，增长100%。".into();
    let f = failed(&doc);
    assert!(f[0].detail.contains("zero base"), "{f:#?}");
}

#[test]
fn a_sentence_naming_no_item_is_undetermined_not_guessed() {
    let mut doc = consistent();
    doc.sections[0]
        .paragraphs
        .push("其中：决算为0.42万元，完成预算0.43万元的97.67%。".into());
    let checks = run_checks(&doc);
    assert!(checks
        .iter()
        .any(|c| c.status == Status::Undetermined && c.rule == "narrative_three_public"));
}

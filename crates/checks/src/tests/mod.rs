//! Planted errors: a small document whose tables agree with each other and
//! whose narrative restates them, every rule run over it without a failure,
//! then one error planted at a time, each caught by its rule.
mod form;
mod tables;
mod text;

use std::collections::BTreeMap;
use std::str::FromStr;

use rust_decimal::Decimal;

use fiscal_recognize::code::{self, Classification};
use fiscal_recognize::{
    AnyTable, Column, DocumentKind, DocumentMeta, MoneyUnit, Recognized, Row, RowRole, Section,
    Table,
};

use crate::check::{Check, Status};
use crate::run::run_checks;

pub(super) const ENTITY: &str = "上海市普陀区示例局";

fn values(pairs: &[(&str, &str)]) -> BTreeMap<String, Option<Decimal>> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), Some(Decimal::from_str(v).unwrap())))
        .collect()
}

pub(super) fn named(group: Option<&str>, name: &str, vals: &[(&str, &str)]) -> Row {
    Row {
        group: group.map(str::to_string),
        role: RowRole::of_label(name),
        code: None,
        classification: None,
        level: None,
        parent: None,
        name: Some(name.to_string()),
        line: None,
        values: values(vals),
        ..Row::default()
    }
}

pub(super) fn coded(group: Option<&str>, c: &str, name: &str, vals: &[(&str, &str)]) -> Row {
    Row {
        group: group.map(str::to_string),
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

pub(super) fn table(
    number: &str,
    title: &str,
    kind: &str,
    page: u32,
    columns: &[(&str, &str)],
    mut rows: Vec<Row>,
) -> Table {
    RowRole::mark_subtotals(&mut rows);
    Table {
        number: Some(number.to_string()),
        title: title.to_string(),
        kind: kind.parse().unwrap(),
        entity: Some(ENTITY.to_string()),
        money_unit: Some(MoneyUnit::TenThousandYuan),
        pages: vec![page],
        columns: columns
            .iter()
            .map(|(k, h)| Column {
                key: k.to_string(),
                header: h.to_string(),
                ..Column::default()
            })
            .collect(),
        text_columns: Vec::new(),
        rows,
        notes: Vec::new(),
        bboxes: Vec::new(),
    }
}

pub(super) fn section(heading: &str, level: u8, page: u32, paragraphs: &[&str]) -> Section {
    Section {
        heading: heading.to_string(),
        level,
        pages: vec![page],
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        children: Vec::new(),
        ..Default::default()
    }
}

/// The nine tables of a 决算, in agreement with each other.
fn final_accounts_tables() -> Vec<Table> {
    let i = |n: &str, v: &str| named(Some("收入"), n, &[("income_final", v)]);
    let e = |n: &str, v: &str| named(Some("支出"), n, &[("expenditure_final", v)]);
    let summary = table(
        "表1",
        "收入支出决算总表",
        "income_expenditure_summary",
        3,
        &[
            ("income_final", "收入/决算数"),
            ("expenditure_final", "支出/决算数"),
        ],
        vec![
            i("一、一般公共预算财政拨款收入", "100.00"),
            i("二、政府性基金预算财政拨款收入", "0.00"),
            i("三、国有资本经营预算财政拨款收入", "0.00"),
            i("本年收入合计", "100.00"),
            i("年初结转和结余", "5.00"),
            i("总计", "105.00"),
            e("一、一般公共服务支出", "100.00"),
            e("本年支出合计", "100.00"),
            e("年末结转和结余", "5.00"),
            e("总计", "105.00"),
        ],
    );
    let income = table(
        "表2",
        "收入决算表",
        "income",
        4,
        &[("total", "本年收入合计"), ("fiscal", "财政拨款收入")],
        vec![
            named(None, "合计", &[("total", "100.00"), ("fiscal", "100.00")]),
            coded(
                None,
                "201",
                "一般公共服务支出",
                &[("total", "100.00"), ("fiscal", "100.00")],
            ),
        ],
    );
    fn r<'a>(t: &'a str, b: &'a str, p: &'a str) -> [(&'a str, &'a str); 3] {
        [("total", t), ("basic", b), ("project", p)]
    }
    let spending = |number: &str, title: &str, kind: &str, page: u32| {
        table(
            number,
            title,
            kind,
            page,
            &[
                ("total", "本年支出合计"),
                ("basic", "基本支出"),
                ("project", "项目支出"),
            ],
            vec![
                named(None, "合计", &r("100.00", "80.00", "20.00")),
                coded(
                    None,
                    "201",
                    "一般公共服务支出",
                    &r("100.00", "80.00", "20.00"),
                ),
                coded(None, "20101", "人大事务", &r("60.00", "50.00", "10.00")),
                coded(None, "2010101", "行政运行", &r("60.00", "50.00", "10.00")),
                coded(None, "20102", "政协事务", &r("40.00", "30.00", "10.00")),
                coded(None, "2010201", "行政运行", &r("40.00", "30.00", "10.00")),
            ],
        )
    };
    let fi = |n: &str, v: &str| named(Some("收入"), n, &[("income_final", v)]);
    let fe = |n: &str, v: &str| {
        named(
            Some("支出"),
            n,
            &[
                ("expenditure_total", v),
                ("expenditure_general", v),
                ("expenditure_fund", "0.00"),
                ("expenditure_capital", "0.00"),
            ],
        )
    };
    let fiscal = table(
        "表4",
        "财政拨款收入支出决算总表",
        "fiscal_appropriation_summary",
        6,
        &[
            ("income_final", "收入/决算数"),
            ("expenditure_total", "支出/合计"),
            ("expenditure_general", "支出/一般公共预算财政拨款"),
            ("expenditure_fund", "支出/政府性基金预算财政拨款"),
            ("expenditure_capital", "支出/国有资本经营预算财政拨款"),
        ],
        vec![
            fi("一、一般公共预算财政拨款", "100.00"),
            fi("二、政府性基金预算财政拨款", "0.00"),
            fi("三、国有资本经营预算财政拨款", "0.00"),
            fi("本年收入合计", "100.00"),
            fi("总计", "100.00"),
            fe("一、一般公共服务支出", "100.00"),
            fe("本年支出合计", "100.00"),
            fe("总计", "100.00"),
        ],
    );
    let b = |g: &str, c: &str, n: &str, v: &str| coded(Some(g), c, n, &[("final", v)]);
    let basic = table(
        "表6",
        "一般公共预算财政拨款基本支出决算表",
        "general_budget_basic_expenditure",
        8,
        &[("final", "决算数")],
        vec![
            b("人员经费", "301", "工资福利支出", "60.00"),
            b("人员经费", "30101", "基本工资", "60.00"),
            named(Some("人员经费"), "人员经费合计", &[("final", "60.00")]),
            b("公用经费", "302", "商品和服务支出", "20.00"),
            b("公用经费", "30201", "办公费", "20.00"),
            named(Some("公用经费"), "公用经费合计", &[("final", "20.00")]),
        ],
    );
    let three_columns: Vec<(String, String)> = [
        ("total", "合计"),
        ("overseas", "因公出国（境）费"),
        ("vehicles", "公务用车购置及运行维护费/小计"),
        ("purchase", "公务用车购置及运行维护费/公务用车购置费"),
        ("operation", "公务用车购置及运行维护费/公务用车运行维护费"),
        ("reception", "公务接待费"),
    ]
    .iter()
    .flat_map(|(k, h)| {
        [
            (format!("{k}_budget"), format!("{h}/预算数")),
            (format!("{k}_final"), format!("{h}/决算数")),
        ]
    })
    .collect();
    let columns: Vec<(&str, &str)> = three_columns
        .iter()
        .map(|(k, h)| (k.as_str(), h.as_str()))
        .collect();
    let three_public = Table {
        rows: vec![Row {
            name: None,
            ..named(
                None,
                "",
                &[
                    ("total_budget", "3.00"),
                    ("total_final", "2.40"),
                    ("overseas_budget", "1.00"),
                    ("overseas_final", "0.50"),
                    ("vehicles_budget", "1.50"),
                    ("vehicles_final", "1.40"),
                    ("purchase_budget", "0.50"),
                    ("purchase_final", "0.50"),
                    ("operation_budget", "1.00"),
                    ("operation_final", "0.90"),
                    ("reception_budget", "0.50"),
                    ("reception_final", "0.50"),
                ],
            )
        }],
        ..table(
            "表7",
            "财政拨款“三公”经费支出决算表",
            "three_public_expenses",
            9,
            &columns,
            Vec::new(),
        )
    };
    let empty = |number: &str, title: &str, kind: &str, page: u32, fund: &str| Table {
        notes: vec![format!(
            "说明：{ENTITY}本年度没有{fund}收入和支出，故本表无数据。"
        )],
        ..table(
            number,
            title,
            kind,
            page,
            &[("income", "本年收入"), ("expenditure", "本年支出/合计")],
            vec![Row {
                values: [
                    ("income".to_string(), None),
                    ("expenditure".to_string(), None),
                ]
                .into_iter()
                .collect(),
                ..named(None, "合计", &[])
            }],
        )
    };
    vec![
        summary,
        income,
        spending("表3", "支出决算表", "expenditure", 5),
        fiscal,
        spending(
            "表5",
            "一般公共预算财政拨款支出决算表",
            "general_budget_expenditure",
            7,
        ),
        basic,
        three_public,
        empty(
            "表8",
            "政府性基金预算财政拨款收入支出决算表",
            "government_fund",
            10,
            "政府性基金预算财政拨款",
        ),
        empty(
            "表9",
            "国有资本经营预算财政拨款收入支出决算表",
            "state_capital",
            11,
            "国有资本经营预算财政拨款",
        ),
    ]
}

/// The 情况说明, restating the tables (the Shanghai 2024 wording).
fn final_accounts_narrative() -> Vec<Section> {
    let mut part = section(
        &format!("第三部分 {ENTITY}2024年度部门决算情况说明"),
        1,
        12,
        &[],
    );
    part.children = vec![
        section(
            "一、收入支出决算总体情况说明",
            2,
            12,
            &[&format!(
                "{ENTITY}2024年度收入支出总计105.00万元。与2023年度相比，收入支出总计增加5.00万元，增长5.00%。"
            )],
        ),
        section(
            "二、收入决算情况说明",
            2,
            12,
            &["本年收入合计100.00万元，其中：财政拨款收入100.00万元，占100.00%。"],
        ),
        section(
            "三、支出决算情况说明",
            2,
            12,
            &[
                "本年支出合计100.00万元，其中：基本支出80.00万元，占80.00%；项目支出20.00万元，占20.00%。",
                "基本支出80.00万元，比上年决算增加20.00万元，增长33.3%。",
            ],
        ),
        section(
            "五、一般公共预算财政拨款支出决算情况说明",
            2,
            13,
            &[
                "一般公共预算财政拨款支出年初预算为110.00万元，支出决算为100.00万元，完成年初预算的90.91%。决算数小于预算数的主要原因：严格控制支出。",
            ],
        ),
        section(
            "六、一般公共预算财政拨款基本支出决算情况说明",
            2,
            13,
            &["一般公共预算财政拨款基本支出80.00万元。其中：人员经费60.00万元，主要包括：基本工资；公用经费20.00万元，主要包括：办公费。"],
        ),
        section(
            "七、财政拨款“三公”经费支出决算情况说明",
            2,
            13,
            &[
                "“三公”经费财政拨款支出年初预算为3.00万元，支出决算为2.40万元，完成预算的80.00%，其中：因公出国（境）费决算为0.50万元，完成预算的50.00%；公务用车购置及运行维护费支出决算为1.40万元，完成预算的93.33%；公务接待费支出决算为0.50万元，完成预算的100.00%。2024年度“三公”经费支出决算数小于预算数的主要原因：厉行节约。",
                "“三公”经费财政拨款支出决算中，因公出国（境）费支出决算0.50万元，占20.83%；公务用车购置及运行维护费支出决算1.40万元，占58.33%；公务接待费支出决算0.50万元，占20.83%。",
            ],
        ),
        section(
            "八、政府性基金预算财政拨款收入支出决算情况说明",
            2,
            14,
            &[&format!("{ENTITY}2024年度无政府性基金预算财政拨款收入和支出。")],
        ),
        Section {
            children: vec![
                section(
                    "（一）机关运行经费支出情况",
                    3,
                    14,
                    &["机关运行经费支出15.00万元，比2023年度减少1.00万元，下降6.25%。"],
                ),
                section(
                    "（二）国有资产占有使用情况",
                    3,
                    14,
                    &[&format!("截至2024年12月31日，{ENTITY}共有车辆1辆。")],
                ),
            ],
            ..section("十一、其他重要事项的情况说明", 2, 14, &[])
        },
    ];
    vec![part]
}

/// A document whose tables agree with each other and whose narrative restates them.
pub(super) fn consistent() -> Recognized {
    Recognized {
        document: DocumentMeta {
            entity: Some(ENTITY.to_string()),
            year: Some(2024),
            kind: Some(DocumentKind::FinalAccounts),
            title: Some(format!("{ENTITY}2024年度部门决算")),
            money_unit: Some(MoneyUnit::TenThousandYuan),
            ..DocumentMeta::default()
        },
        contents: Default::default(),
        tables: final_accounts_tables()
            .into_iter()
            .map(AnyTable::Grid)
            .collect(),
        sections: final_accounts_narrative(),
        warnings: Vec::new(),
    }
}

pub(super) fn failed(doc: &Recognized) -> Vec<Check> {
    run_checks(doc)
        .into_iter()
        .filter(|c| c.status == Status::Fail)
        .collect()
}

pub(super) fn grid<'a>(doc: &'a mut Recognized, number: &str) -> &'a mut Table {
    doc.tables
        .iter_mut()
        .find_map(|t| match t {
            AnyTable::Grid(t) if t.number.as_deref() == Some(number) => Some(t),
            _ => None,
        })
        .unwrap()
}

/// Sets the figure of the row named or coded `code` that has a `key` column.
pub(super) fn set(t: &mut Table, code: &str, key: &str, v: &str) {
    let r = t
        .rows
        .iter_mut()
        .find(|r| {
            (r.code.as_deref() == Some(code) || r.name.as_deref() == Some(code) || code.is_empty())
                && r.values.contains_key(key)
        })
        .unwrap();
    r.values
        .insert(key.to_string(), Some(Decimal::from_str(v).unwrap()));
}

/// All the paragraphs of the narrative, in order.
pub(super) fn paragraphs(doc: &mut Recognized) -> Vec<&mut String> {
    fn walk<'a>(sections: &'a mut [Section], out: &mut Vec<&'a mut String>) {
        for s in sections {
            out.extend(s.paragraphs.iter_mut());
            walk(&mut s.children, out);
        }
    }
    let mut out = Vec::new();
    walk(&mut doc.sections, &mut out);
    out
}

/// Replaces `old` with `new` in the one paragraph that contains it.
pub(super) fn edit(doc: &mut Recognized, old: &str, new: &str) {
    let mut hits = paragraphs(doc)
        .into_iter()
        .filter(|p| p.contains(old))
        .collect::<Vec<_>>();
    assert_eq!(hits.len(), 1, "{old} should be in exactly one paragraph");
    let p = hits.pop().unwrap();
    *p = p.replacen(old, new, 1);
}

pub(super) fn rules(checks: &[Check]) -> Vec<&str> {
    let mut r: Vec<&str> = checks.iter().map(|c| c.rule.as_str()).collect();
    r.sort();
    r.dedup();
    r
}

#[test]
fn a_consistent_document_has_no_failure_and_every_rule_ran() {
    let doc = consistent();
    let checks = run_checks(&doc);
    let f = failed(&doc);
    assert!(f.is_empty(), "{f:#?}");
    for rule in [
        "hierarchy_sum",
        "total_row",
        "row_total",
        "sides_balance",
        "summary_income_equals_income_table",
        "summary_expenditure_equals_expenditure_table",
        "summary_appropriations_equal_fiscal_summary",
        "fiscal_general_equals_general_table",
        "fiscal_fund_equals_fund_table",
        "fiscal_capital_equals_capital_table",
        "fiscal_functions_equal_general_table",
        "general_basic_equals_basic_table",
        "table_set",
        "table_duplicate",
        "empty_table_note",
        "narrative_total_income",
        "narrative_current_income",
        "narrative_basic_expenditure",
        "narrative_general_budget_basic_expenditure",
        "narrative_personnel_expenses",
        "narrative_public_expenses",
        "narrative_change_rate",
        "narrative_share",
        "narrative_completion_rate",
        "narrative_three_public_total_budget",
        "narrative_three_public_total_final",
        "narrative_three_public_overseas_travel_final",
        "narrative_three_public_vehicles_final",
        "narrative_three_public_reception_final",
        "narrative_three_public_share",
        "narrative_wording",
        "narrative_operating_expenses",
        "narrative_parts_sum",
        "year_consistency",
        "entity_consistency",
        "placeholder_text",
        "doubled_punctuation",
        "repeated_word",
    ] {
        assert!(
            checks
                .iter()
                .any(|c| c.rule == rule && c.status == Status::Pass),
            "{rule} did not pass: {:#?}",
            checks.iter().filter(|c| c.rule == rule).collect::<Vec<_>>()
        );
    }
    // Nothing was left undetermined in a document that states everything.
    let open: Vec<&Check> = checks
        .iter()
        .filter(|c| c.status == Status::Undetermined)
        .collect();
    assert!(open.is_empty(), "{open:#?}");
}

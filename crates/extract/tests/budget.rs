//! End-to-end on 部门预算 shapes: pages cut from real budgets with qpdf and
//! tables rendered by `tools/render_budget.py`. Expected figures were read off
//! the rendered pages (pdftoppm), or are the figures the render script prints.
mod common;
use common::*;
use serde_json::Value;

fn rows_of<'a>(t: &'a Value, group: &str) -> Vec<&'a Value> {
    t["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["group"] == group)
        .collect()
}

fn value<'a>(r: &'a Value, key: &str) -> Option<&'a str> {
    r["values"][key].as_str()
}

/// Our render: a 收支总表 printing 收入 and 支出 by 功能分类, by 部门 and by
/// 政府 经济分类 side by side, each pair a row group of its own.
#[test]
fn four_label_amount_pairs_are_four_row_groups() {
    let json = extract_json("budget-rendered.pdf");
    assert_eq!(json["document"]["kind"], "budget");
    assert_eq!(json["document"]["year"], 2025);
    let t = table(&json, "2025年部门收支总表");
    assert_eq!(t["kind"], "budget_income_expenditure_summary");
    let keys: Vec<&str> = t["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["key"].as_str().unwrap())
        .collect();
    assert_eq!(
        keys,
        [
            "income",
            "expenditure_functional",
            "expenditure_economic",
            "expenditure_government_economic"
        ]
    );
    let groups = [
        ("收入", "income"),
        ("支出/支出功能分类科目", "expenditure_functional"),
        ("支出/部门预算支出经济分类科目", "expenditure_economic"),
        (
            "支出/政府预算支出经济分类科目",
            "expenditure_government_economic",
        ),
    ];
    for (group, key) in groups {
        let rows = rows_of(t, group);
        assert_eq!(rows.len(), 6, "{group}");
        // Every name is a label: no figure of a middle pair read as a name.
        assert!(rows
            .iter()
            .all(|r| r["name"].as_str().is_some_and(|n| !n.contains('.'))));
        let last = rows.last().unwrap();
        assert_eq!(value(last, key), Some("1250.00"), "{group}");
    }
    let r = rows_of(t, "支出/部门预算支出经济分类科目")[1];
    assert_eq!(r["name"], "二、商品和服务支出");
    assert_eq!(value(r, "expenditure_economic"), Some("450.00"));
    let r = rows_of(t, "收入")[2];
    assert_eq!(r["name"], "三、事业收入");
    assert!(r["values"]["income"].is_null());
}

/// Our render: a 政府采购预算表 with a 序号 column, 功能分类 and both 经济分类
/// codes over 类/款/项 columns, text columns, and 小计 rows left blank.
#[test]
fn procurement_rows_keep_their_codes_and_text_columns() {
    let json = extract_json("budget-rendered.pdf");
    let t = table(&json, "2025年部门政府采购预算表");
    assert_eq!(t["kind"], "budget_government_procurement");
    // Only the money is a value column: 序号 and 数量 are text.
    let amount = key(t, "预算金额");
    assert_eq!(t["columns"].as_array().unwrap().len(), 1);
    let r = row_by(t, |r| r["name"] == "台式计算机");
    assert_eq!(r["code"], "2010101");
    assert_eq!(r["classification"], "functional");
    assert_eq!(r["economic_code"], "31002");
    assert_eq!(r["government_economic_code"], "50306");
    assert_eq!(value(r, amount), Some("30.00"));
    let text = |header: &str| key_of(t, "text_columns", header);
    assert_eq!(r["attributes"][text("序号")], "2");
    assert_eq!(r["attributes"][text("采购品目")], "计算机设备");
    assert_eq!(r["attributes"][text("采购组织形式")], "集中采购");
    assert_eq!(r["attributes"][text("数量")], "5");
    let r = row_by(t, |r| r["name"] == "复印纸");
    assert_eq!(
        (
            r["economic_code"].as_str(),
            r["government_economic_code"].as_str()
        ),
        (Some("30201"), Some("50201"))
    );
    // Three 小计 rows, two of them with blank figures, all kept.
    let subtotals: Vec<&Value> = t["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["name"] == "小计")
        .collect();
    assert_eq!(subtotals.len(), 3);
    assert_eq!(value(subtotals[0], amount), Some("31.50"));
    assert!(subtotals[1..].iter().all(|r| r["values"][amount].is_null()));
    let r = row_by(t, |r| r["name"] == "工程");
    assert_eq!(r["attributes"][text("序号")], "二");
}

/// The key of the column (in `columns` or `text_columns`) printed as `header`.
fn key_of<'a>(t: &'a Value, list: &str, header: &str) -> &'a str {
    t[list]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["header"] == header)
        .unwrap_or_else(|| panic!("no {list} column {header}"))["key"]
        .as_str()
        .unwrap()
}

/// 江苏省委办公厅 2019 (Acrobat Distiller from Excel), pages 1, 4 and 12: a
/// 收支预算总表 with 收入 | 支出 by 功能分类 | 支出 by 支出用途, whose
/// "当年支出小计" label spans both 支出 pairs; a 政府采购预算表 whose rows are
/// named by the item bought.
#[test]
fn jiangsu_summary_pairs_and_procurement() {
    let json = extract_json("budget-jiangsu-pairs-procurement.pdf");
    assert_eq!(json["document"]["kind"], "budget");
    // A file of tables only: the year comes from a table title.
    assert_eq!(json["document"]["year"], 2019);
    assert_eq!(json["document"]["entity"], "中共江苏省委办公厅");
    let t = table(&json, "收支预算总表");
    let functional = rows_of(t, "支出/功能分类");
    assert_eq!(functional.len(), 21);
    let r = functional
        .iter()
        .find(|r| r["name"] == "八、社会保障和就业支出")
        .unwrap();
    assert_eq!(value(r, "expenditure_functional"), Some("1374.63"));
    let r = functional
        .iter()
        .find(|r| r["name"] == "一、一般公共服务支出")
        .unwrap();
    assert_eq!(value(r, "expenditure_functional"), Some("22395.50"));
    let purpose = rows_of(t, "支出/支出用途");
    let r = purpose
        .iter()
        .find(|r| r["name"] == "当年支出小计")
        .unwrap();
    assert_eq!(value(r, "expenditure_purpose"), Some("27664.22"));
    let r = purpose
        .iter()
        .find(|r| r["name"] == "二、项目支出")
        .unwrap();
    assert_eq!(value(r, "expenditure_purpose"), Some("13025.38"));
    assert_eq!(rows_of(t, "收入").last().unwrap()["name"], "收入合计");

    let t = table(&json, "财政拨款收支预算总表");
    assert_eq!(t["kind"], "budget_fiscal_appropriation_summary");
    let r = row_by(t, |r| r["name"] == "三、单位预留机动经费");
    assert_eq!(r["group"], "支出");

    let t = table(&json, "2019年政府采购预算表");
    assert_eq!(t["kind"], "budget_government_procurement");
    let total = key(t, "总计");
    let r = row_by(t, |r| r["name"] == "家具用具");
    assert_eq!(value(r, total), Some("1.00"));
    // The 采购组织形式 header runs past its cell, its 式 hidden by the cell's
    // clip: still the header's text.
    assert_eq!(
        r["attributes"][key_of(t, "text_columns", "采购组织形式")],
        "部门集中采购"
    );
    // A 专项 subtotal row is named by its 专项, its 经济科目 kept beside.
    let r = row_by(t, |r| r["name"] == "机要及电子政务业务费");
    assert_eq!(value(r, total), Some("30.00"));
    assert_eq!(
        r["attributes"][key_of(t, "text_columns", "经济科目")],
        "办公设备购置"
    );
    let r = row_by(t, |r| r["name"] == "一、货物A");
    assert_eq!(value(r, total), Some("84.00"));
}

/// 西安 部门综合预算 (Excel 2010), page 10: 部门 经济分类 codes with the 政府
/// 经济分类 code and name beside, listed unit by unit under a 单位编码 row.
#[test]
fn economic_codes_of_both_systems_and_unit_sections() {
    let json = extract_json("budget-xian-economic-units.pdf");
    assert_eq!(json["document"]["variant"], "department_comprehensive");
    let t = &json["tables"][0];
    let total = key(t, "合计");
    let personnel = key(t, "人员经费支出");
    assert_eq!(personnel, "personnel");
    let r = row_by(t, |r| r["name"] == "合计");
    assert_eq!(value(r, total), Some("3643.37"));
    let unit = "西安市安全生产监督管理局";
    let r = row_by(t, |r| r["attributes"]["unit_code"] == "125001");
    assert_eq!(r["name"], unit);
    assert_eq!(value(r, total), Some("2080.32"));
    let r = row_by_code(t, "30101");
    assert_eq!(r["group"], unit);
    assert_eq!(r["classification"], "economic");
    assert_eq!(r["economic_system"], "department");
    assert_eq!(
        (r["level"].as_u64(), r["parent"].as_str()),
        (Some(2), Some("301"))
    );
    assert_eq!(r["government_economic_code"], "50101");
    assert_eq!(r["name"], "基本工资");
    assert_eq!(value(r, personnel), Some("237.03"));
    let r = row_by_code(t, "3010201");
    assert_eq!(
        (r["level"].as_u64(), r["parent"].as_str()),
        (Some(3), Some("30102"))
    );
    assert_eq!(r["economic_system"], "department");
    assert_eq!(value(r, total), Some("317.69"));
}

/// Covers: which budget, its scope and the entity without the scope mark.
#[test]
fn budget_variant_scope_and_entity_from_the_cover() {
    let doc = &extract_json("budget-shenzhen-cover.pdf")["document"];
    assert_eq!(doc["kind"], "budget");
    assert_eq!(doc["year"], 2026);
    assert_eq!(doc["variant"], "department");
    assert_eq!(doc["scope"], "own_level");
    assert_eq!(doc["entity"], "深圳市民政局");
    let doc = &extract_json("budget-fuzhou-cover.pdf")["document"];
    assert_eq!(doc["variant"], "unit");
    assert_eq!(doc["scope"], "own_level");
    assert_eq!(doc["entity"], "福州市科学技术局");
    assert_eq!(doc["year"], 2026);
}

/// 深圳 prints 表1 收支总表 with its caption (number, title, 部门名称 and 单位)
/// again on each of its three pages (pages 16–18 of 深圳市公安局(本级)2026年部门预算):
/// one table over the three pages, not three.
#[test]
fn a_title_repeated_on_each_page_continues_its_table() {
    let json = extract_json("budget-shenzhen-summary-over-pages.pdf");
    let summaries: Vec<&Value> = json["tables"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["kind"] == "budget_income_expenditure_summary")
        .collect();
    assert_eq!(summaries.len(), 1, "one 收支总表");
    let t = summaries[0];
    assert_eq!(t["number"], "表1");
    assert_eq!(t["pages"], serde_json::json!([1, 2, 3]));
    let income = |name: &str| value(row_by(t, |r| r["name"] == name), "income");
    let spending = |name: &str| value(row_by(t, |r| r["name"] == name), "expenditure");
    // Page 2 (printed page 14).
    assert_eq!(income("本年收入合计"), Some("201781.34"));
    assert_eq!(spending("其他优抚支出"), Some("1.81"));
    assert_eq!(spending("本年支出合计"), Some("204397.58"));
    // Page 3 (printed page 15).
    assert_eq!(income("2.非财政拨款结余、结转"), Some("268.37"));
    assert_eq!(income("收入总计"), Some("204397.58"));
    assert_eq!(spending("支出总计"), Some("204397.58"));
}

/// 江苏 closes a title with a remark: "财政拨款支出预算表（功能科目）" is a
/// title, its grid a table of that kind (page 5 of 江苏省委办公厅2019年度部门预算公开表格).
#[test]
fn a_title_closed_by_a_remark_names_its_table() {
    let json = extract_json("budget-jiangsu-title-remark.pdf");
    let t = table(&json, "财政拨款支出预算表（功能科目）");
    assert_eq!(t["kind"], "budget_fiscal_expenditure");
    let amount = key(t, "金额");
    assert_eq!(
        value(row_by(t, |r| r["name"] == "合计"), amount),
        Some("27664.22")
    );
    assert_eq!(value(row_by_code(t, "2013102"), amount), Some("13025.38"));
    assert_eq!(value(row_by_code(t, "2210202"), amount), Some("2928.22"));
}

/// The checks of a budget table set, on pages 7–14 of
/// 上海市普陀区社会福利院2024年单位预算 (printed in whole 元): each identity
/// between its tables compares the totals read off the pages.
#[test]
fn the_budget_identities_hold_on_a_real_table_set() {
    let json = extract_json("budget-shanghai-table-set.pdf");
    let checks = json["checks"].as_array().unwrap();
    let check = |rule: &str| -> (&str, &str) {
        let c = checks
            .iter()
            .find(|c| c["rule"] == rule)
            .unwrap_or_else(|| panic!("no {rule} check"));
        (c["status"].as_str().unwrap(), c["detail"].as_str().unwrap())
    };
    for (rule, figures) in [
        // 收入总计 (page 1) = 收入预算总表 合计 (page 2).
        (
            "budget_summary_income_equals_income_table",
            "12121164 = 12121164",
        ),
        // 支出总计 (page 1) = 支出预算总表 合计 (page 3).
        (
            "budget_summary_expenditure_equals_expenditure_table",
            "12121164 = 12121164",
        ),
        // 财政拨款收支预算总表 支出总计 [一般公共预算] (page 4) = 一般公共预算支出 合计 (page 5).
        (
            "budget_fiscal_general_equals_general_table",
            "9501164 = 9501164",
        ),
        // 一般公共预算支出 合计 [基本支出] (page 5) = 基本支出 合计 (page 8).
        (
            "budget_general_basic_equals_basic_table",
            "9501164 = 9501164",
        ),
    ] {
        let (status, detail) = check(rule);
        assert_eq!(status, "pass", "{rule}: {detail}");
        assert!(detail.ends_with(figures), "{rule}: {detail}");
    }
    // 收入总计 = 支出总计 of both summary tables (pages 1 and 4).
    let balances: Vec<&str> = checks
        .iter()
        .filter(|c| c["rule"] == "sides_balance")
        .map(|c| c["detail"].as_str().unwrap())
        .collect();
    assert_eq!(balances.len(), 2, "{balances:?}");
    assert!(balances[0].ends_with("12121164 = 12121164"), "{balances:?}");
    assert!(balances[1].ends_with("9501164 = 9501164"), "{balances:?}");
    assert!(
        !checks
            .iter()
            .any(|c| c["status"] == "fail" && c["rule"].as_str().unwrap().starts_with("budget_")),
        "a budget identity failed"
    );
}

//! End-to-end on table shapes of real documents (issue 20): pages cut from the
//! real corpus with `qpdf --pages`; every expected figure was read on the page.
mod common;
use common::*;
use serde_json::Value;

fn value<'a>(r: &'a Value, key: &str) -> Option<&'a str> {
    r["values"][key].as_str()
}

fn code_level_parent(r: &Value) -> (&str, Option<u64>, Option<&str>) {
    (
        r["code"].as_str().unwrap_or(""),
        r["level"].as_u64(),
        r["parent"].as_str(),
    )
}

/// 上海市普陀区财政局 2024 决算, pages 8–11 (ONLYOFFICE): 类 | 款 | 项 are printed
/// in the ruled row of 合计, under one "科目编码" header; the codes join to 7 digits.
#[test]
fn code_parts_labelled_in_the_total_row_join_into_whole_codes() {
    let json = extract_json("final-onlyoffice-code-parts.pdf");
    let t = table(&json, "收入决算表");
    assert_eq!(t["pages"], serde_json::json!([1, 2]));
    let total = key(t, "本年收入合计");
    let other = key(t, "其他收入");
    let r = row_by(t, |r| r["name"] == "合计");
    assert_eq!(r["code"], Value::Null);
    assert_eq!(value(r, total), Some("2946.25"));
    assert_eq!(value(r, other), Some("6.20"));
    let r = row_by(t, |r| r["name"] == "财政事务");
    assert_eq!(code_level_parent(r), ("20106", Some(2), Some("201")));
    assert_eq!(value(r, total), Some("2112.86"));
    let r = row_by(t, |r| r["name"] == "行政运行");
    assert_eq!(code_level_parent(r), ("2010601", Some(3), Some("20106")));
    assert_eq!(value(r, total), Some("1511.90"));
    assert_eq!(value(r, other), Some("0.01"));
    assert_eq!(
        row_by(t, |r| r["name"] == "财政委托业务支出")["code"],
        "2010608"
    );
    // Page 2 goes on with the codes whole.
    let r = row_by(t, |r| r["name"] == "购房补贴");
    assert_eq!(code_level_parent(r), ("2210203", Some(3), Some("22102")));
    assert_eq!(value(r, total), Some("258.50"));
    let t = table(&json, "支出决算表");
    let basic = key(t, "基本支出");
    let r = row_by_code(t, "2010601");
    assert_eq!(r["name"], "行政运行");
    assert_eq!(value(r, basic), Some("1503.52"));
    assert_eq!(value(r, key(t, "项目支出")), Some("8.37"));
}

/// 上海市减污降碳管理运行技术中心 2026 单位预算, page 8: 其他收入 printed in 元
/// as whole numbers (498, 332 …) is a column of figures, not of codes.
#[test]
fn whole_numbers_in_a_figures_column_stay_figures() {
    let json = extract_json("budget-shanghai-other-income.pdf");
    let t = &json["tables"][0];
    assert_eq!(t["kind"], "budget_income");
    let total = key(t, "收入预算/合计");
    let other = key(t, "收入预算/其他收入");
    assert_eq!(t["columns"].as_array().unwrap().len(), 5);
    let r = row_by_code(t, "208");
    assert_eq!(r["name"], "社会保障和就业支出");
    assert_eq!(value(r, total), Some("2616003"));
    assert_eq!(value(r, other), Some("498"));
    assert_eq!(value(row_by_code(t, "2080505"), other), Some("332"));
    assert_eq!(value(row_by_code(t, "211"), other), Some("868570"));
    let r = row_by(t, |r| r["name"] == "合计");
    assert_eq!(value(r, total), Some("39418784"));
    assert_eq!(value(r, key(t, "收入预算/财政拨款收入")), Some("38549381"));
    assert_eq!(value(r, other), Some("869403"));
    // No row is a figure read as a code.
    let codes: Vec<&str> = t["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["code"].as_str())
        .collect();
    assert_eq!(codes.len(), 13);
    assert!(!codes.contains(&"498"));
}

/// 江苏省人民检察院 2019 预算, page 20: a 三公 table of one row of figures
/// (1276.7 | 418.26 | 80 | 237 | | 237 | 101.26 | 158.44 | 700).
#[test]
fn a_single_row_of_figures_keeps_every_column() {
    let json = extract_json("budget-jiangsu-three-public-row.pdf");
    let t = table(&json, "“三公”经费、会议费、培训费支出预算表");
    let rows = t["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 1);
    let r = &rows[0];
    assert_eq!(r["code"], Value::Null);
    let read = |h: &str| value(r, key(t, h));
    assert_eq!(read("合计"), Some("1276.7"));
    assert_eq!(read("“三公”经费/小计"), Some("418.26"));
    assert_eq!(read("“三公”经费/因公出国（境）费"), Some("80"));
    assert_eq!(
        read("“三公”经费/公务用车购置及运行维护费/小计"),
        Some("237")
    );
    assert_eq!(
        read("“三公”经费/公务用车购置及运行维护费/公务用车购置费"),
        None
    );
    assert_eq!(
        read("“三公”经费/公务用车购置及运行维护费/公务用车运行维护费"),
        Some("237")
    );
    assert_eq!(read("“三公”经费/公务接待费"), Some("101.26"));
    assert_eq!(read("会议费"), Some("158.44"));
    assert_eq!(read("培训费"), Some("700"));
}

/// 西安市工业和信息化局 2022 部门综合预算, 表13 (page 44): the per-unit 三公
/// table prints 2021, 2022 and the change side by side, one row per unit; its
/// whole-yuan figures (18500, 168400) are figures, each row one row.
#[test]
fn a_wide_per_unit_three_public_table_is_one_row_per_unit() {
    let json = extract_json("budget-xian-three-public-units.pdf");
    let t = &json["tables"][0];
    assert_eq!(t["kind"], "budget_three_public_expenses");
    let rows = t["rows"].as_array().unwrap();
    assert!(rows.iter().all(|r| r["code"].is_null()));
    let wrap = "一般公共预算拨款安排的“三公”经费预算";
    let read = |r: &Value, year: &str, h: &str| {
        value(r, key(t, &format!("{year}/{h}"))).map(str::to_string)
    };
    let r = row_by(t, |r| r["name"] == "合计");
    assert_eq!(read(r, "2021年", "合计").as_deref(), Some("421672.5"));
    assert_eq!(
        read(r, "2021年", &format!("{wrap}/小计")).as_deref(),
        Some("18500")
    );
    assert_eq!(
        read(r, "2021年", &format!("{wrap}/公务接待费")).as_deref(),
        Some("18500")
    );
    assert_eq!(read(r, "2021年", "培训费").as_deref(), Some("403172.5"));
    assert_eq!(read(r, "2022年", "合计").as_deref(), Some("536000"));
    assert_eq!(
        read(r, "2022年", &format!("{wrap}/小计")).as_deref(),
        Some("168400")
    );
    assert_eq!(
        read(r, "2022年", &format!("{wrap}/公务接待费")).as_deref(),
        Some("18400")
    );
    assert_eq!(read(r, "2022年", "会议费").as_deref(), Some("51000"));
    assert_eq!(read(r, "增减变化情况", "合计").as_deref(), Some("114327.5"));
    assert_eq!(
        read(r, "增减变化情况", &format!("{wrap}/公务接待费")).as_deref(),
        Some("-100")
    );
    assert_eq!(
        read(r, "增减变化情况", "培训费").as_deref(),
        Some("-86572.5")
    );
    let r = row_by(t, |r| r["attributes"]["unit_code"] == "262001");
    assert_eq!(r["name"], "西安市工业和信息化局");
    assert_eq!(read(r, "2021年", "合计").as_deref(), Some("78000"));
    assert_eq!(
        read(r, "2021年", &format!("{wrap}/小计")).as_deref(),
        Some("18000")
    );
    assert_eq!(read(r, "2021年", "培训费").as_deref(), Some("60000"));
    assert_eq!(read(r, "2022年", "合计").as_deref(), Some("118000"));
    assert_eq!(read(r, "增减变化情况", "培训费").as_deref(), Some("-60000"));
}

/// 西安市工业和信息化局 2022 部门综合预算, 表12 (page 42): a 政府采购 table of text
/// and figures — 科目编码 类|款|项, 单位编码, 采购项目, 采购目录, 购买服务内容,
/// 规格型号, 数量, 部门 and 政府 经济科目编码 类|款, 预算金额: each printed row is
/// one row carrying its amount and its economic codes.
#[test]
fn a_procurement_row_carries_its_amount_and_economic_codes() {
    let json = extract_json("budget-xian-procurement.pdf");
    let t = &json["tables"][0];
    assert_eq!(t["kind"], "budget_government_procurement");
    let amount = key(t, "预算金额");
    assert_eq!(t["columns"].as_array().unwrap().len(), 1);
    let rows = t["rows"].as_array().unwrap();
    // 21 printed rows (序号 1–21), no row without its amount.
    assert_eq!(rows.len(), 21);
    assert!(rows.iter().all(|r| value(r, amount).is_some()));
    let r = &rows[0];
    assert_eq!(r["name"], "合计");
    assert_eq!(value(r, amount), Some("35740180.00"));
    assert_eq!(r["attributes"]["quantity"], "637");
    let r = &rows[2];
    assert_eq!(r["name"], "西安市工业技工学校");
    assert_eq!(r["code"], "2050303");
    assert_eq!(r["attributes"]["unit_code"], "262005");
    assert_eq!(value(r, amount), Some("1496600.00"));
    let r = row_by(t, |r| r["name"] == "女生公寓维修");
    assert_eq!(r["code"], "2050303");
    assert_eq!(r["economic_code"], "31006");
    assert_eq!(r["government_economic_code"], "50601");
    assert_eq!(r["attributes"]["procurement_category"], "B08修缮工程");
    assert_eq!(r["attributes"]["quantity"], "1");
    assert_eq!(value(r, amount), Some("235700.00"));
    let r = row_by(t, |r| r["name"] == "物业管理服务");
    assert_eq!(
        (
            r["economic_code"].as_str(),
            r["government_economic_code"].as_str()
        ),
        (Some("30209"), Some("50502"))
    );
    assert_eq!(value(r, amount), Some("970000.00"));
    let r = row_by(t, |r| r["name"] == "节能管理及行政执法监察");
    assert_eq!(r["code"], "2050803");
    assert_eq!(r["attributes"]["specification"], "培训");
    assert_eq!(r["economic_code"], "30216");
    assert_eq!(value(r, amount), Some("164600.00"));
}

/// 烟台市交通运输局 2026 预算, 公开表6 (page 18): 部门 经济分类 类|款 and its name,
/// then 政府 经济分类 类|款 and its name, both under "科目编码": each row has its
/// 部门 code with the 政府 code beside, named by the 部门 name.
#[test]
fn department_and_government_economic_codes_side_by_side() {
    let json = extract_json("budget-yantai-economic-pairs.pdf");
    let t = &json["tables"][0];
    assert_eq!(t["kind"], "budget_general_basic_expenditure");
    let subtotal = key(t, "基本支出预算/小计");
    let r = row_by(t, |r| r["name"] == "合计");
    assert_eq!(value(r, subtotal), Some("32382.54"));
    assert_eq!(
        value(r, key(t, "基本支出预算/日常公用支出")),
        Some("2297.17")
    );
    let r = row_by_code(t, "30101");
    assert_eq!(r["name"], "基本工资");
    assert_eq!(code_level_parent(r), ("30101", Some(2), Some("301")));
    assert_eq!(r["classification"], "economic");
    assert_eq!(r["government_economic_code"], "50101");
    assert_eq!(value(r, subtotal), Some("369.90"));
    // 301 is printed twice: under 501 机关工资福利支出 and under 505 对事业单位经常性补助.
    let tops: Vec<(&str, &str)> = t["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["code"] == "301")
        .map(|r| {
            (
                r["government_economic_code"].as_str().unwrap(),
                value(r, subtotal).unwrap(),
            )
        })
        .collect();
    assert_eq!(tops, [("501", "1478.92"), ("505", "24027.62")]);
}

/// 深圳市人力资源和社会保障局 2026 预算, 表3 支出总表 (pages 73–75): each unit's
/// name in the 预算单位 column, then its own 功能分类 tree with the column blank.
/// Each unit is a row group; the tree holds inside it.
#[test]
fn each_unit_block_is_a_row_group() {
    let json = extract_json("budget-shenzhen-unit-blocks.pdf");
    let t = &json["tables"][0];
    assert_eq!(t["kind"], "budget_expenditure");
    assert_eq!(t["pages"], serde_json::json!([1, 2, 3]));
    let total = key(t, "支出总计");
    let basic = key(t, "基本支出");
    let in_group =
        |unit: &str, code: &str| row_by(t, |r| r["group"] == unit && r["code"] == code).clone();
    let a = "深圳市劳动人事争议仲裁院";
    let r = row_by(t, |r| r["name"] == a);
    assert_eq!(r["group"], a);
    assert_eq!(r["code"], Value::Null);
    assert_eq!(value(r, total), Some("4720.86"));
    assert_eq!(value(r, basic), Some("2571.81"));
    assert_eq!(value(&in_group(a, "205"), total), Some("9.48"));
    let r = in_group(a, "208");
    assert_eq!(value(&r, total), Some("4022.82"));
    assert_eq!(value(&r, basic), Some("1883.24"));
    assert_eq!(value(&in_group(a, "20801"), total), Some("3726.74"));
    assert_eq!(value(&in_group(a, "20805"), total), Some("296.08"));
    assert_eq!(value(&in_group(a, "2080112"), total), Some("2139.58"));
    assert_eq!(value(&in_group(a, "2210203"), total), Some("433.91"));
    let b = "深圳市公共就业服务中心";
    assert_eq!(
        value(row_by(t, |r| r["name"] == b), total),
        Some("15501.05")
    );
    assert_eq!(value(&in_group(b, "205"), total), Some("1.00"));
    // The rows above the first unit name belong to a unit begun before the cut.
    let r = row_by(t, |r| r["code"] == "2210203" && r["group"].is_null());
    assert_eq!(value(r, total), Some("1025.00"));
}

/// 深圳人社 表9 三公 (page 252): the unit printed on its first row (2025 年),
/// then 2026 年 and 增减变化金额 with the unit cell blank.
#[test]
fn a_units_year_rows_are_its_group() {
    let json = extract_json("budget-shenzhen-unit-years.pdf");
    let t = &json["tables"][0];
    assert_eq!(t["kind"], "budget_three_public_expenses");
    let total = key(t, "总计/一般公共预算");
    let read: Vec<(&str, &str, &str)> = t["rows"]
        .as_array()
        .unwrap()
        .iter()
        .take(6)
        .map(|r| {
            (
                r["group"].as_str().unwrap(),
                r["name"].as_str().unwrap(),
                value(r, total).unwrap(),
            )
        })
        .collect();
    let (a, b) = (
        "深圳市人力资源和社会保障局",
        "深圳市人力资源和社会保障局（本级）",
    );
    assert_eq!(
        read,
        [
            (a, "2025年", "179.23"),
            (a, "2026年", "299.23"),
            (a, "增减变化金额", "120.00"),
            (b, "2025年", "26.90"),
            (b, "2026年", "163.92"),
            (b, "增减变化金额", "137.02"),
        ]
    );
}

/// 西安市气象局 2022 部门综合预算, 表5 (page 22, Excel output): a name longer
/// than its cell runs on under the cell's clip over the 合计 cell; it is the
/// name's text, and the 合计 beside it is read whole.
#[test]
fn a_name_running_past_its_cell_keeps_its_figure() {
    let json = extract_json("budget-xian-clipped-names.pdf");
    let t = &json["tables"][0];
    let total = key(t, "合计");
    let personnel = key(t, "人员经费支出");
    let r = row_by_code(t, "2080506");
    assert_eq!(r["name"], "机关事业单位职业年金缴费支出");
    assert_eq!(value(r, total), Some("43608.96"));
    assert_eq!(value(r, personnel), Some("43608.96"));
    assert_eq!(value(row_by_code(t, "20899"), total), Some("1090.22"));
    let r = row_by_code(t, "220");
    assert_eq!(value(r, total), Some("18803323.32"));
    assert_eq!(value(r, key(t, "专项业务经费支出")), Some("17159700"));
    let r = row_by(t, |r| r["name"] == "合计");
    assert_eq!(value(r, total), Some("18999011.66"));
    assert!(json["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|w| !w.as_str().unwrap().contains("not an amount")));
}

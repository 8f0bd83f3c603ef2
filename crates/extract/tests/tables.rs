//! End-to-end: small PDFs in testdata/ (pages cut from the corpus with qpdf)
//! through the whole pipeline. Expected figures were read off the rendered
//! pages and `pdftotext -layout`, not copied from this program's output.
mod common;
use common::*;

/// Chromium/Skia export, Type3 fonts, ruled. 表1 runs over two pages and
/// repeats its header on the second; 表10's header prints 户 as the Kangxi
/// radical ⼾.
#[test]
fn ruled_two_sided_table_over_two_pages() {
    let json = extract_json("seed-chrome-ruled.pdf");
    let t = table(&json, "收入支出决算总表");
    assert_eq!(t["number"], "表1");
    assert_eq!(t["kind"], "income_expenditure_summary");
    assert_eq!(t["pages"], serde_json::json!([1, 2]));
    let income = key(t, "收入/决算数");
    let spending = key(t, "支出/决算数");
    // A wrapped cell ("一、一般公共预算财政拨" / "款收入") is one name.
    let r = row_by(t, |r| r["group"] == "收入" && r["line"] == 1);
    assert_eq!(r["name"], "一、一般公共预算财政拨款收入");
    assert_eq!(r[&"values"][income], "1899.52");
    let r = row_by(t, |r| r["group"] == "收入" && r["line"] == 30);
    assert_eq!(
        (r["name"].as_str(), r["values"][income].as_str()),
        (Some("总计"), Some("1904.88"))
    );
    let r = row_by(t, |r| r["group"] == "支出" && r["line"] == 49);
    assert_eq!(
        (r["name"].as_str(), r["values"][spending].as_str()),
        (Some("十九、住房保障支出"), Some("117.62"))
    );
    // The header repeated on page 2 is dropped: 30 lines a side, no header words as rows.
    let rows = t["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 60);
    assert!(rows.iter().all(|r| r["line"].is_u64()));
    assert!(rows
        .iter()
        .all(|r| !matches!(r["name"].as_str(), Some("项目" | "栏次" | "收入" | "支出"))));
    assert_eq!(
        json["document"]["entity"],
        "中国共产党广州市海珠区委员会组织部"
    );
    assert_eq!(t["money_unit"], "万元");

    let t = table(&json, "非税收入征缴情况表");
    assert_eq!(t["kind"], "non_tax_revenue");
    let total = key(t, "合计");
    key(t, "纳入财政专户管理");
    let r = row_by(t, |r| r["name"] == "六、国有资源（资产）有偿使用收入");
    assert_eq!(r["values"][total], "0.05");
}

/// LibreOffice export, ruled. Row 2080505's name is cut by the page break:
/// "机关事业单位基本养老保险缴" on one page, "费支出" under the repeated header
/// of the next.
#[test]
fn row_cut_by_page_break_is_stitched() {
    let json = extract_json("lo-ruled-cut-row.pdf");
    let t = table(&json, "支出决算表");
    let total = key(t, "本年支出合计");
    let r = row_by_code(t, "2080505");
    assert_eq!(r["name"], "机关事业单位基本养老保险缴费支出");
    assert_eq!(r["values"][total], "332.70");
    assert_eq!(
        (
            r["level"].as_u64(),
            r["parent"].as_str(),
            r["classification"].as_str()
        ),
        (Some(3), Some("20805"), Some("functional"))
    );
    let next = row_by_code(t, "2080506");
    assert_eq!(next["values"][total], "5971.73");
    // No row made of the fragment alone.
    assert!(t["rows"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["name"] != "费支出"));
}

/// LibreOffice export without any rulings: columns and header spans from
/// alignment alone.
#[test]
fn unruled_tables_from_alignment() {
    let json = extract_json("lo-unruled.pdf");
    let t = table(&json, "收入支出决算总表");
    let income = key(t, "收入/决算数");
    let spending = key(t, "支出/决算数");
    let r = row_by(t, |r| r["group"] == "收入" && r["line"] == 1);
    assert_eq!(
        (r["name"].as_str(), r["values"][income].as_str()),
        (Some("一、一般公共预算财政拨款收入"), Some("11122.66"))
    );
    let r = row_by(t, |r| r["group"] == "支出" && r["line"] == 60);
    assert_eq!(
        (r["name"].as_str(), r["values"][spending].as_str()),
        (Some("总计"), Some("11181.18"))
    );

    let t = table(&json, "一般公共预算财政拨款“三公”经费支出决算表");
    assert_eq!(t["kind"], "three_public_expenses");
    let row = &t["rows"][0];
    for (header, value) in [
        ("预算数/合计", "16.53"),
        ("预算数/公务用车购置及运行费/小计", "13.62"),
        ("决算数/合计", "13.69"),
        ("决算数/因公出国（境）费", "2.54"),
        ("决算数/公务用车购置及运行费/小计", "11.06"),
        ("决算数/公务用车购置及运行费/公务用车购置费", "0.00"),
        ("决算数/公务接待费", "0.09"),
    ] {
        assert_eq!(row["values"][key(t, header)], value, "{header}");
    }
    let t = table(&json, "政府性基金预算财政拨款收入支出决算表");
    for h in [
        "年初结转和结余",
        "本年收入",
        "本年支出/小计",
        "本年支出/基本支出",
        "本年支出/项目支出",
        "年末结转和结余",
    ] {
        key(t, h);
    }
}

/// A real Word export: zeros printed as blanks, a continuation page with no
/// header at all, a cover with the entity's name broken over lines.
#[test]
fn real_word_document_with_blank_zeros_and_headerless_continuation() {
    let json = extract_json("word-real-blank-zeros.pdf");
    let doc = &json["document"];
    assert_eq!(doc["entity"], "上海市普陀区规划和自然资源局");
    assert_eq!(doc["year"], 2024);
    assert_eq!(doc["kind"], "final_accounts");
    let t = table(&json, "收入决算表");
    assert_eq!(t["pages"], serde_json::json!([2, 3]));
    let total = key(t, "本年收入合计");
    let superior = key(t, "上级补助收入");
    let r = row_by_code(t, "2080505");
    assert_eq!(
        (r["name"].as_str(), r["values"][total].as_str()),
        (Some("机关事业单位基本养老保险缴费支出"), Some("446.11"))
    );
    // On the page without a header.
    let r = row_by_code(t, "2120201");
    assert_eq!(r["values"][total], "2739.56");
    assert!(
        r["values"][superior].is_null(),
        "a blank cell is null, not 0"
    );
    assert_eq!(
        row_by(t, |r| r["name"] == "合计")["values"][total],
        "9746.50"
    );
    assert_eq!(t["rows"].as_array().unwrap().len(), 25);

    let t = table(&json, "财政拨款“三公”经费支出决算表");
    let row = &t["rows"][0];
    assert_eq!(row["values"][key(t, "合计/预算数")], "2.85");
    assert_eq!(row["values"][key(t, "合计/决算数")], "0.39");
    assert_eq!(row["values"][key(t, "公务接待费/决算数")], "0.39");
}

/// The document's own arithmetic holds on correctly extracted real tables.
#[test]
fn real_tables_pass_their_own_checks() {
    let json = extract_json("word-real-blank-zeros.pdf");
    let checks = json["checks"].as_array().unwrap();
    let ran = |rule: &str| checks.iter().filter(|c| c["rule"] == rule).count();
    assert!(
        ran("hierarchy_sum") >= 10 && ran("total_row") >= 1 && ran("row_total") >= 1,
        "{checks:#?}"
    );
    // The file is pages cut from a document: only its table set is incomplete.
    let failed: Vec<&serde_json::Value> = checks
        .iter()
        .filter(|c| c["status"] == "fail" && c["rule"] != "table_set")
        .collect();
    assert!(failed.is_empty(), "{failed:#?}");
}

/// Suwell OFD convertor (深圳市民政局 2026 预算, pages 16–18): 收支总表 prints
/// "表1" and its title again at the top of each of its three pages. One table.
#[test]
fn title_repeated_on_every_page_is_one_table() {
    let json = extract_json("suwell-title-repeated.pdf");
    assert_eq!(titles(&json).len(), 1, "{:#?}", titles(&json));
    let t = table(&json, "收支总表");
    assert_eq!(t["number"], "表1");
    assert_eq!(t["pages"], serde_json::json!([1, 2, 3]));
    let income = key(t, "收入/2026年预算数");
    let spending = key(t, "支出/2026年预算数");
    let r = row_by(t, |r| r["name"] == "本年收入合计");
    assert_eq!(r["values"][income], "28097.48");
    let r = row_by(t, |r| r["name"] == "上年结余、结转");
    assert_eq!(r["values"][income], "185.98");
    // The first row of the third page is its own row, not stitched to the one above.
    let r = row_by(t, |r| r["name"] == "2.非财政拨款结余、结转");
    assert_eq!(r["values"][income], "0.00");
    let r = row_by(t, |r| r["name"] == "支出总计");
    assert_eq!(r["values"][spending], "28283.46");
}

/// 广州市统计局 2026 预算, pages 6–7: "表1" printed on its own line above the
/// title, the unit line between the title and the grid; a title that maps to no
/// kind yet is still carried.
#[test]
fn table_number_on_its_own_line_and_unit_line_before_the_grid() {
    let json = extract_json("guangzhou-number-line.pdf");
    let t = table(&json, "收支总体情况表");
    assert_eq!(t["number"], "表1");
    assert_eq!(t["entity"], "广州市统计局");
    assert_eq!(t["money_unit"], "万元");
    let income = key(t, "收入/预算");
    let r = row_by(t, |r| r["name"] == "五、其他收入");
    assert_eq!(r["values"][income], "50.00");
    // Its second page has no title: it continues the table.
    assert_eq!(t["pages"], serde_json::json!([1, 2]));
    assert_eq!(json["tables"].as_array().unwrap().len(), 1);
}

/// 西安市卫健委 2022 决算, pages 145–146: a 目录 printed as a ruled table
/// (序号 | 内容 | 是否空表 | 表格为空的理由) is no table; the "公开01表" form
/// code under the title is not a title; tables the 目录 lists but that are not
/// in the file are reported.
#[test]
fn contents_table_and_form_code() {
    let json = extract_json("xian-contents-table.pdf");
    let tables = json["tables"].as_array().unwrap();
    assert_eq!(tables.len(), 1);
    let t = table(&json, "收入支出决算总表");
    assert_eq!(t["kind"], "income_expenditure_summary");
    assert_eq!(t["pages"], serde_json::json!([2]));
    let income = key(t, "收入/决算数");
    let r = row_by(t, |r| r["group"] == "收入" && r["line"] == 30);
    assert_eq!(r["values"][income], "2480372.70");
    let warnings: Vec<&str> = json["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|w| w.as_str())
        .filter(|w| w.contains("目录"))
        .collect();
    // 表2–表9 are listed and absent; 表8 is declared empty (是否空表: 是).
    assert_eq!(warnings.len(), 7, "{warnings:#?}");
    assert!(warnings.iter().any(|w| w.contains("收入决算表")));
    assert!(!warnings.iter().any(|w| w.contains("国有资本经营")));
}

/// Rendered with `tools/render_truth.py --unruled --landscape --widths
/// 1.2:0.5:1.1:1.2 --tables-only` (表4 and 表9 of the seed truth): unruled,
/// wide value columns. The side label 支出 is centred over the gutter between
/// two figure columns, and 小计 sits far left of its flush-right figures;
/// neither becomes a column of its own (issue 7 cause 6).
#[test]
fn unruled_side_labels_over_gutters_head_their_columns() {
    let json = extract_json("render-unruled-wide-gutter-labels.pdf");
    let t = table(&json, "财政拨款收入支出决算总表");
    let total = key(t, "支出/合计");
    let general = key(t, "支出/一般公共预算财政拨款");
    let r = row_by(t, |r| r["group"] == "支出" && r["line"] == 33);
    assert_eq!(r["name"], "一、一般公共服务支出");
    assert_eq!(r["values"][total], "1575.63");
    assert_eq!(r["values"][general], "1575.63");
    let r = row_by(t, |r| r["group"] == "支出" && r["line"] == 51);
    assert_eq!(r["values"][total], "117.62");
    assert!(t["columns"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["header"] != "支出" && c["header"] != ""));
    let t = table(&json, "国有资本经营预算财政拨款支出决算表");
    let headers: Vec<&str> = t["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["header"].as_str().unwrap())
        .collect();
    assert_eq!(
        headers,
        ["本年支出/小计", "本年支出/基本支出", "本年支出/项目支出"]
    );
    let r = row_by(t, |r| r["code"] == "2230102");
    assert_eq!(r["values"][key(t, "本年支出/小计")], "0.00");
}

use super::*;
use fiscal_layout::lines::Chunk;

/// A line of chunks at the given top (x positions only matter for order).
fn line(top: f32, chunks: &[&str]) -> Block {
    let chunks = chunks
        .iter()
        .enumerate()
        .map(|(i, t)| Chunk {
            text: t.to_string(),
            x0: 50.0 + 200.0 * i as f32,
            x1: 50.0 + 200.0 * i as f32 + 12.0 * t.chars().count() as f32,
            top,
            bottom: top + 12.0,
            size: 12.0,
            font: 0,
        })
        .collect();
    Block::Line(TextLine {
        top,
        bottom: top + 12.0,
        chunks,
        fine_chunks: Vec::new(),
    })
}

fn page(number: u32, lines: &[&[&str]]) -> PageBlocks {
    PageBlocks {
        number,
        width: 595.0,
        height: 842.0,
        blocks: lines
            .iter()
            .enumerate()
            .map(|(i, l)| line(60.0 + 20.0 * i as f32, l))
            .collect(),
    }
}

fn texts(c: &Contents) -> Vec<&str> {
    c.entries.iter().map(|e| e.text.as_str()).collect()
}

#[test]
fn leader_dots_and_page_numbers() {
    // 福州市科学技术局 2026 单位预算, page 2.
    let pages = [page(
        2,
        &[
            &["目录"],
            &["第一部分 单位概况 .............................. 1"],
            &["一、单位主要职责.............................. 2"],
            &["第二部分 2026 年度单位预算表 ...................... 8"],
            &["一、收支预算总表.............................. 9"],
            &["十、一般公共预算“三公”经费支出预算表..........", "20"],
        ],
    )];
    let c = read_contents(&pages);
    assert_eq!(
        texts(&c),
        [
            "第一部分单位概况",
            "一、单位主要职责",
            "第二部分2026年度单位预算表",
            "一、收支预算总表",
            "十、一般公共预算“三公”经费支出预算表"
        ]
    );
    let pages_of: Vec<_> = c.entries.iter().map(|e| e.page).collect();
    assert_eq!(pages_of, [Some(1), Some(2), Some(8), Some(9), Some(20)]);
    let tables: Vec<_> = c.tables().map(|e| e.name()).collect();
    assert_eq!(tables, ["收支预算总表", "一般公共预算“三公”经费支出预算表"]);
    assert_eq!(c.entries[0].numbering, Some(1));
    assert_eq!(c.entries[1].numbering, Some(2));
    assert!(c.covers(2, 0) && c.covers(2, 5));
}

#[test]
fn entries_wrapped_over_two_lines_are_joined() {
    // 上海市普陀区规划和自然资源局 2024 部门决算, page 2; 西安市卫健委 2022 决算, page 2.
    let pages = [page(
        2,
        &[
            &["目   录"],
            &["第二部分 上海市普陀区规划和自然资源局 2024 年度部门决算"],
            &["表"],
            &["一、收入支出决算总表"],
            &["九、财政拨款“三公”经费及会议费、培训费支出决"],
            &["算表"],
            &["第三部分 上海市普陀区规划和自然资源局 2024 年度部门决算"],
            &["情况说明"],
            &["一、收入支出决算总体情况说明"],
        ],
    )];
    let c = read_contents(&pages);
    assert_eq!(
        texts(&c),
        [
            "第二部分上海市普陀区规划和自然资源局2024年度部门决算表",
            "一、收入支出决算总表",
            "九、财政拨款“三公”经费及会议费、培训费支出决算表",
            "第三部分上海市普陀区规划和自然资源局2024年度部门决算情况说明",
            "一、收入支出决算总体情况说明",
        ]
    );
    let tables: Vec<bool> = c.entries.iter().map(|e| e.names_table).collect();
    assert_eq!(tables, [false, true, true, false, false]);
}

#[test]
fn list_runs_over_pages_until_the_body_repeats_its_first_entry() {
    // 北京市商务局 2026 部门预算, pages 1–3; 深圳市民政局 2026: 一、文字部分 / 二、表格部分.
    let pages = [
        page(
            1,
            &[
                &["北京市商务局 2026 年度部门预算信息公开"],
                &["目    录"],
                &["第一部分 2026 年度部门预算情况说明"],
                &["一、部门情况说明"],
                &["第二部分 2026 年度部门预算报表"],
                &["一、收支总表"],
                &["十一、财政拨款政府购买服务明细表"],
            ],
        ),
        page(
            2,
            &[
                &["十二、项目支出绩效目标表"],
                &["十三、部门整体支出绩效目标表"],
            ],
        ),
        page(
            3,
            &[
                &["第一部分 2026 年度部门预算情况说明"],
                &["一、部门情况说明"],
            ],
        ),
    ];
    let c = read_contents(&pages);
    assert_eq!(c.entries.len(), 7);
    assert_eq!(c.entries[6].text, "十三、部门整体支出绩效目标表");
    assert_eq!(c.entries[6].listed_on, 2);
    assert_eq!(c.pages(), [1, 2]);
    assert!(!c.covers(1, 0), "the cover line above 目录 is not contents");
    assert!(!c.covers(3, 0));
    // A part heading over a list of tables names no table.
    assert!(!c.entries[2].names_table);
    assert!(c.entries[3].names_table && c.entries[4].names_table);
}

#[test]
fn a_wrapped_entry_may_cross_the_page_break() {
    // 湖州市卫生健康委员会 2026 部门预算, pages 2–3.
    let pages = [
        page(
            2,
            &[
                &["目录"],
                &["一、部门概况"],
                &["（九）关于湖州市卫生健康委员会2026年一般公共预算"],
            ],
        ),
        page(
            3,
            &[
                &["“三公”经费预算情况说明"],
                &["（十）其他重要事项的情况说明"],
                &["四、2026 年部门预算表"],
                &["（一）2026年市级部门收支预算总表"],
            ],
        ),
        page(4, &[&["一、部门概况"], &["（一）主要职能"]]),
    ];
    let c = read_contents(&pages);
    assert_eq!(
        texts(&c),
        [
            "一、部门概况",
            "（九）关于湖州市卫生健康委员会2026年一般公共预算“三公”经费预算情况说明",
            "（十）其他重要事项的情况说明",
            "四、2026年部门预算表",
            "（一）2026年市级部门收支预算总表",
        ]
    );
    assert_eq!(c.tables().count(), 1);
}

#[test]
fn a_body_page_after_the_list_is_not_read_as_entries() {
    // 上海市刑事科学技术研究院 2026 单位预算: the body opens with an unnumbered title.
    let pages = [
        page(
            2,
            &[
                &["目   录"],
                &["一、单位主要职能"],
                &["六、其他相关情况说明"],
            ],
        ),
        page(
            3,
            &[
                &["上海市刑事科学技术研究院主要职能"],
                &["上海市刑事科学技术研究院是上海市公安局直属的事业单位，主要职能是："],
            ],
        ),
    ];
    let c = read_contents(&pages);
    assert_eq!(texts(&c), ["一、单位主要职能", "六、其他相关情况说明"]);
    assert_eq!(c.pages(), [2]);
}

#[test]
fn listed_tables_are_matched_to_titles() {
    let pages = [page(
        2,
        &[
            &["目录"],
            &["一、收支预算总表"],
            &["二、收入预算总表"],
            &["三、名词解释"],
        ],
    )];
    let c = read_contents(&pages);
    let found = [(None, "2026年市级部门收支预算总表（按功能分类）")];
    let w = unmatched_entries(&c, &found);
    assert_eq!(w.len(), 1);
    assert!(w[0].contains("二、收入预算总表"), "{w:?}");
}

#[test]
fn numbered_table_entries() {
    // 上海市刑事科学技术研究院 2026: "五、单位预算表" heads its numbered tables.
    let pages = [page(
        2,
        &[
            &["目   录"],
            &["五、单位预算表"],
            &["1. 2026年预算单位财务收支预算总表"],
            &["4．2026年预算单位财政拨款收支预算总表"],
            &["六、其他相关情况说明"],
        ],
    )];
    let c = read_contents(&pages);
    let flags: Vec<(Option<u8>, bool)> = c
        .entries
        .iter()
        .map(|e| (e.numbering, e.names_table))
        .collect();
    assert_eq!(
        flags,
        [
            (Some(2), false),
            (Some(4), true),
            (Some(4), true),
            (Some(2), false)
        ]
    );
    assert_eq!(c.entries[1].name(), "2026年预算单位财务收支预算总表");
}

#[test]
fn a_contents_heading_may_name_what_it_lists() {
    // 西安市司法局 2026 部门预算, page 29: "报表目录" over 表1 … 表16.
    let pages = [page(
        29,
        &[
            &["报表目录"],
            &["表1", "部门综合预算收支总表"],
            &["表2", "部门综合预算收入总表"],
            &["表11", "部门综合预算财政拨款上年结转资金支出表"],
        ],
    )];
    let c = read_contents(&pages);
    assert_eq!(c.tables().count(), 3);
    assert!(c.covers(29, 0) && c.covers(29, 3));
    for not_contents in ["目录说明", "收支预算总表目录", "报表"] {
        let pages = [page(
            1,
            &[&[not_contents], &["表1", "部门综合预算收支总表"]],
        )];
        assert!(read_contents(&pages).entries.is_empty(), "{not_contents}");
    }
}

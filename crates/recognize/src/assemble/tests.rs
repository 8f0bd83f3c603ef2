//! Table assembly on hand-built pages: each decision (starts, continues,
//! closes, absorbs a repeated title) taken on the evidence it names.
use fiscal_layout::blocks::{Block, PageBlocks};
use fiscal_layout::grid::{CellGrid, GridCell};
use fiscal_layout::lines::{Chunk, TextLine};

use super::trace::{Close, Continuation, Decision, NotTitle, Start, Step, Trace};
use super::{assemble_traced, Assembled};
use crate::model::{AnyTable, Table};
use crate::settings::RecognizeSettings;

const SIZE: f32 = 10.0;
const COLUMN: f32 = 120.0;

/// A line of one run of text at `top`, starting at x = 60.
fn line(text: &str, top: f32) -> Block {
    let chunk = Chunk {
        text: text.to_string(),
        x0: 60.0,
        x1: 60.0 + SIZE * text.chars().count() as f32,
        top,
        bottom: top + SIZE,
        size: SIZE,
        font: 0,
    };
    Block::Line(TextLine {
        top,
        bottom: top + SIZE,
        chunks: vec![chunk.clone()],
        fine_chunks: vec![chunk],
    })
}

/// A ruled grid at `top`, one cell per text, rows of equal height.
fn grid(top: f32, rows: &[&[&str]]) -> Block {
    let cols = rows.iter().map(|r| r.len()).max().unwrap_or(0);
    let x = |c: usize| 60.0 + c as f32 * COLUMN;
    let cells = rows
        .iter()
        .enumerate()
        .flat_map(|(r, row)| {
            row.iter().enumerate().map(move |(c, text)| GridCell {
                row0: r,
                row1: r + 1,
                col0: c,
                col1: c + 1,
                text: text.to_string(),
                x0: x(c),
                x1: x(c + 1),
                ink: None,
            })
        })
        .collect();
    Block::Grid(CellGrid {
        x_edges: (0..=cols).map(x).collect(),
        y_edges: (0..=rows.len())
            .map(|r| top + r as f32 * 2.0 * SIZE)
            .collect(),
        cells,
        ruled: true,
        col_spans: (0..cols).map(|c| (x(c), x(c + 1))).collect(),
        source_lines: Vec::new(),
    })
}

fn page(number: u32, blocks: Vec<Block>) -> PageBlocks {
    PageBlocks {
        number,
        width: 595.0,
        height: 842.0,
        blocks,
    }
}

const HEADER: &[&str] = &["项目", "金额"];

/// Page 1: the title "支出决算表" over its grid (one row, 一、工资福利支出),
/// then `more`.
fn expenditure_page(more: Vec<Block>) -> PageBlocks {
    let mut blocks = vec![
        line("支出决算表", 60.0),
        grid(90.0, &[HEADER, &["一、工资福利支出", "10.00"]]),
    ];
    blocks.extend(more);
    page(1, blocks)
}

fn assembled(pages: &[PageBlocks]) -> (Assembled, Vec<Step>) {
    assemble_traced(pages, Trace::kept(), &RecognizeSettings::default())
}

fn grids(a: &Assembled) -> Vec<&Table> {
    a.tables.iter().filter_map(AnyTable::as_grid).collect()
}

fn names(t: &Table) -> Vec<&str> {
    t.rows.iter().filter_map(|r| r.name.as_deref()).collect()
}

/// The decisions taken, as `extract --debug-layout` prints them.
fn said(steps: &[Step]) -> Vec<String> {
    steps
        .iter()
        .map(|s| format!("p.{} {}", s.page, s.decision))
        .collect()
}

#[test]
fn a_title_starts_a_table_and_its_grid_fills_it() {
    let pages = [expenditure_page(vec![])];
    let (a, steps) = assembled(&pages);
    let tables = grids(&a);
    assert_eq!(tables.len(), 1);
    assert_eq!(tables[0].title, "支出决算表");
    assert_eq!(names(tables[0]), ["一、工资福利支出"]);
    assert!(matches!(
        &steps[0].decision,
        Decision::Starts { table, how: Start::Title } if table.title == "支出决算表"
    ));
    assert!(matches!(
        steps[1].decision,
        Decision::Continues {
            how: Continuation::UnderTitle,
            ..
        }
    ));
    assert!(matches!(
        steps.last().unwrap().decision,
        Decision::Closes {
            why: Close::EndOfDocument,
            ..
        }
    ));
}

#[test]
fn a_grid_heading_the_next_page_continues_the_table() {
    let pages = [
        expenditure_page(vec![]),
        page(2, vec![grid(60.0, &[&["二、商品和服务支出", "20.00"]])]),
    ];
    let (a, steps) = assembled(&pages);
    let tables = grids(&a);
    assert_eq!(tables.len(), 1, "{:?}", said(&steps));
    assert_eq!(tables[0].pages, [1, 2]);
    assert_eq!(names(tables[0]), ["一、工资福利支出", "二、商品和服务支出"]);
    assert!(steps.iter().any(|s| s.page == 2
        && matches!(
            s.decision,
            Decision::Continues {
                how: Continuation::NextPage { from: 1 },
                ..
            }
        )));
}

#[test]
fn a_grid_two_pages_on_starts_a_table_of_its_own() {
    let pages = [
        expenditure_page(vec![]),
        page(3, vec![grid(60.0, &[&["二、商品和服务支出", "20.00"]])]),
    ];
    let (a, steps) = assembled(&pages);
    assert_eq!(grids(&a).len(), 2);
    let closes = steps.iter().find_map(|s| match &s.decision {
        Decision::Closes { why, .. } => Some(why.clone()),
        _ => None,
    });
    assert_eq!(closes, Some(Close::PageGap { last: 1 }));
    assert!(said(&steps)
        .contains(&"p.3 starts an untitled table: a grid with no title before it".to_string()));
}

#[test]
fn a_note_closes_the_table_to_later_grids() {
    let pages = [
        expenditure_page(vec![line("注：本表反映部门本年度的支出。", 160.0)]),
        page(
            2,
            vec![grid(60.0, &[HEADER, &["二、商品和服务支出", "20.00"]])],
        ),
    ];
    let (a, steps) = assembled(&pages);
    let tables = grids(&a);
    assert_eq!(tables.len(), 2, "{:?}", said(&steps));
    assert_eq!(tables[0].notes, ["注：本表反映部门本年度的支出。"]);
    assert_eq!(names(tables[1]), ["二、商品和服务支出"]);
    assert!(said(&steps)
        .contains(&"p.2 closes “支出决算表”: note “注：本表反映部门本年度的支出。”".to_string()));
}

#[test]
fn a_narrative_line_closes_the_table() {
    let pages = [
        expenditure_page(vec![line(
            "二〇二四年度支出较上年增加，主要是人员增加。",
            160.0,
        )]),
        page(2, vec![grid(60.0, &[&["二、商品和服务支出", "20.00"]])]),
    ];
    let (a, steps) = assembled(&pages);
    assert_eq!(grids(&a).len(), 2);
    assert_eq!(a.narrative.len(), 1);
    assert!(steps.iter().any(|s| s.page == 1
        && matches!(&s.decision,
            Decision::Closes { why: Close::Narrative(l), .. } if l.starts_with("二〇二四年度"))));
}

#[test]
fn a_repeated_title_on_the_next_page_is_absorbed_and_its_header_dropped() {
    let pages = [
        expenditure_page(vec![]),
        page(
            2,
            vec![
                line("支出决算表", 60.0),
                grid(90.0, &[HEADER, &["二、商品和服务支出", "20.00"]]),
            ],
        ),
    ];
    let (a, steps) = assembled(&pages);
    let tables = grids(&a);
    assert_eq!(tables.len(), 1, "{:?}", said(&steps));
    assert_eq!(names(tables[0]), ["一、工资福利支出", "二、商品和服务支出"]);
    assert_eq!(
        said(&steps)[2..5],
        [
            "p.2 absorbs a repeated title: same title as “支出决算表”, open since p.1",
            "p.2 continues “支出决算表”: grid on the page after p.1",
            "p.2 drops 1 header row(s) printed again",
        ]
    );
}

#[test]
fn another_title_closes_the_table_and_starts_its_own() {
    let pages = [page(
        1,
        vec![
            line("收入决算表", 60.0),
            grid(90.0, &[HEADER, &["财政拨款收入", "10.00"]]),
            line("支出决算表", 200.0),
            grid(230.0, &[HEADER, &["一、工资福利支出", "10.00"]]),
        ],
    )];
    let (a, steps) = assembled(&pages);
    let titles: Vec<&str> = grids(&a).iter().map(|t| t.title.as_str()).collect();
    assert_eq!(titles, ["收入决算表", "支出决算表"]);
    assert!(steps.iter().any(|s| matches!(&s.decision,
        Decision::Closes { table, why: Close::NewTitle(t) }
            if table.title == "收入决算表" && t == "支出决算表")));
}

#[test]
fn a_title_right_above_another_is_a_heading() {
    let pages = [page(
        1,
        vec![
            line("一、收入决算表", 60.0),
            line("2024年度收入决算表", 80.0),
            grid(110.0, &[HEADER, &["财政拨款收入", "10.00"]]),
        ],
    )];
    let (a, steps) = assembled(&pages);
    let tables = grids(&a);
    assert_eq!(tables.len(), 1);
    assert_eq!(tables[0].title, "2024年度收入决算表");
    assert_eq!(a.narrative.len(), 1);
    assert!(steps.iter().any(|s| s.decision
        == Decision::NotATitle {
            text: "收入决算表".into(),
            why: NotTitle::TitleFollows
        }));
}

#[test]
fn a_row_cut_by_the_page_break_is_stitched() {
    let pages = [
        page(
            1,
            vec![
                line("支出决算表", 60.0),
                grid(
                    90.0,
                    &[
                        &["科目编码", "科目名称", "金额"],
                        &["201", "一般公共服务", "10.00"],
                        &["20101", "人大事务", ""],
                    ],
                ),
            ],
        ),
        page(2, vec![grid(60.0, &[&["", "", "10.00"]])]),
    ];
    let (a, steps) = assembled(&pages);
    let t = grids(&a)[0];
    assert_eq!(t.rows.len(), 2, "{:?}", said(&steps));
    assert!(t.rows[1].values.values().any(|v| v.is_some()));
    assert!(steps
        .iter()
        .any(|s| matches!(s.decision, Decision::StitchesCutRow { .. })));
}

#[test]
fn a_table_number_over_a_repeated_title_does_not_close_the_table() {
    // 烟台 (iText): "公开表2", the title, the unit line and the header again on every page.
    let head = |top: f32| {
        vec![
            line("公开表2", top),
            line("收入总体情况表", top + 20.0),
            line("部门（单位）：烟台市交通运输局 单位：万元", top + 40.0),
        ]
    };
    let mut first = head(40.0);
    first.push(grid(100.0, &[HEADER, &["一、工资福利支出", "10.00"]]));
    let mut second = head(40.0);
    second.push(grid(100.0, &[HEADER, &["二、商品和服务支出", "20.00"]]));
    let pages = [page(1, first), page(2, second)];
    let (a, steps) = assembled(&pages);
    let tables = grids(&a);
    assert_eq!(tables.len(), 1, "{:?}", said(&steps));
    assert_eq!(tables[0].number.as_deref(), Some("表2"));
    assert_eq!(names(tables[0]), ["一、工资福利支出", "二、商品和服务支出"]);
    assert!(a.narrative.is_empty(), "{:?}", said(&steps));
    assert!(
        said(&steps).contains(&"p.2 holds table number “表2” for the title after it".to_string())
    );
}

#[test]
fn a_bracketed_note_under_an_empty_table_is_its_note() {
    // 国家信访局 2026, p. 14: the table prints its header and 合计 only.
    let pages = [
        page(
            1,
            vec![
                line("政府性基金预算支出表", 60.0),
                grid(90.0, &[HEADER, &["合计", ""]]),
                line(
                    "（注：2026年国家信访局部门预算中没有使用政府性基金预算拨款安排的支出。）",
                    160.0,
                ),
            ],
        ),
        page(
            2,
            vec![
                line("表八", 40.0),
                line("国有资本经营预算支出表", 60.0),
                grid(90.0, &[HEADER, &["合计", ""]]),
            ],
        ),
    ];
    let (a, steps) = assembled(&pages);
    let tables = grids(&a);
    assert_eq!(tables.len(), 2, "{:?}", said(&steps));
    assert_eq!(
        tables[0].notes,
        ["（注：2026年国家信访局部门预算中没有使用政府性基金预算拨款安排的支出。）"]
    );
    assert!(a.narrative.is_empty());
    assert_eq!(tables[1].number.as_deref(), Some("表8"));
}

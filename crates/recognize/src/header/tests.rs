use super::*;

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

#[test]
fn column_number_rows() {
    assert!(is_column_number_row(&s(&["栏次", "", "1", "2"])));
    assert!(is_column_number_row(&s(&["1", "2", "3"])));
    assert!(is_column_number_row(&s(&["", "7", "8", "9"])));
    // The last digits of two amounts wrapped onto the next page.
    assert!(!is_column_number_row(&s(&["", "5", "", "38"])));
    assert!(!is_column_number_row(&s(&["合计", "1.00", "2"])));
    assert!(!is_column_number_row(&s(&["201", "一般公共服务支出", "3"])));
    assert!(is_column_number_row(&s(&[
        "**", "**", "1", "2", "3", "4", "**"
    ])));
    assert!(is_column_number_row(&s(&["**", "**", "**", "**"])));
}

fn cell(row0: usize, col0: usize, col1: usize, text: &str) -> GridCell {
    GridCell {
        row0,
        row1: row0 + 1,
        col0,
        col1,
        text: text.to_string(),
        x0: col0 as f32 * 10.0,
        x1: col1 as f32 * 10.0,
        ink: None,
    }
}

fn grid_of(cells: Vec<GridCell>) -> CellGrid {
    let rows = cells.iter().map(|c| c.row1).max().unwrap_or(0);
    CellGrid {
        x_edges: vec![0.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0],
        y_edges: (0..=rows).map(|r| r as f32 * 10.0).collect(),
        cells,
        ruled: true,
        col_spans: (0..6)
            .map(|c| (c as f32 * 10.0, c as f32 * 10.0 + 10.0))
            .collect(),
        source_lines: Vec::new(),
    }
}

fn two_sided_cells() -> Vec<GridCell> {
    vec![
        cell(0, 0, 3, "收入"),
        cell(0, 3, 6, "支出"),
        cell(1, 0, 1, "项目"),
        cell(1, 1, 2, "行次"),
        cell(1, 2, 3, "决算数"),
        cell(1, 3, 4, "项目"),
        cell(1, 4, 5, "行次"),
        cell(1, 5, 6, "决算数"),
        cell(2, 0, 1, "一、一般公共预算财政拨款收入"),
        cell(2, 1, 2, "1"),
        cell(2, 2, 3, "1,899.52"),
        cell(2, 3, 4, "一、一般公共服务支出"),
        cell(2, 4, 5, "31"),
        cell(2, 5, 6, "1,575.63"),
    ]
}

#[test]
fn two_sided_header_gives_groups_and_paths() {
    let grid = grid_of(two_sided_cells());
    assert_eq!(body_start(&grid), 2);
    let m = build_model(&grid, 2, None);
    assert_eq!(
        m.groups,
        vec![Some("收入".to_string()), Some("支出".to_string())]
    );
    let roles: Vec<Role> = m.columns.iter().map(|c| c.role).collect();
    assert_eq!(
        roles,
        vec![
            Role::Name,
            Role::Line,
            Role::Value,
            Role::Name,
            Role::Line,
            Role::Value
        ]
    );
    assert_eq!(m.columns[5].path.join("/"), "支出/决算数");
    assert_ne!(m.columns[2].key, m.columns[5].key);
}

/// On the first page short names leave the 合计 label a column of its own,
/// with no header; overleaf longer names join it to the names, and the
/// repeated 科目名称 lies over both.
#[test]
fn a_header_word_over_a_blank_headed_column_is_repeated_header() {
    let first = grid_of(vec![
        cell(0, 0, 1, "科目编码"),
        cell(0, 2, 3, "科目名称"),
        cell(0, 3, 4, "本年收入合计"),
        cell(0, 4, 5, "财政拨款收入"),
        cell(0, 5, 6, "事业收入"),
        cell(1, 1, 2, "合计"),
        cell(1, 3, 4, "98.81"),
        cell(1, 4, 5, "98.81"),
        cell(1, 5, 6, "0.00"),
        cell(2, 0, 1, "204"),
        cell(2, 2, 3, "公共安全支出"),
        cell(2, 3, 4, "98.81"),
        cell(2, 4, 5, "98.81"),
        cell(2, 5, 6, "0.00"),
    ]);
    let model = build_model(&first, body_start(&first), None);
    let overleaf = grid_of(vec![
        cell(0, 0, 1, "科目编码"),
        cell(0, 1, 3, "科目名称"),
        cell(0, 3, 4, "本年收入合计"),
        cell(0, 4, 5, "财政拨款收入"),
        cell(0, 5, 6, "事业收入"),
        cell(1, 0, 1, "2040201"),
        cell(1, 1, 3, "行政运行"),
        cell(1, 3, 4, "83.65"),
        cell(1, 4, 5, "83.65"),
        cell(1, 5, 6, "0.00"),
    ]);
    assert_eq!(continuation_body_start(&overleaf, &model), 1);
}

#[test]
fn a_cut_row_reading_like_a_header_word_is_body() {
    let grid = grid_of(two_sided_cells());
    let model = build_model(&grid, 2, None);
    let mut cont = two_sided_cells();
    cont.truncate(8);
    // The rest of "二十四、债务还本支出", cut by the page break, under the repeated header.
    cont.push(cell(2, 3, 4, "支出"));
    cont.push(cell(3, 3, 4, "二十五、债务付息支出"));
    cont.push(cell(3, 4, 5, "57"));
    cont.push(cell(3, 5, 6, "0.00"));
    assert_eq!(continuation_body_start(&grid_of(cont.clone()), &model), 2);
    // The header alone is repeated: the body starts at the figures.
    cont.remove(8);
    assert_eq!(continuation_body_start(&grid_of(cont), &model), 3);
}

/// A grid of one cell per column, row by row; an empty text is no cell.
fn rows_grid(rows: &[&[&str]]) -> CellGrid {
    let cells = rows.iter().enumerate().flat_map(|(r, texts)| {
        texts
            .iter()
            .enumerate()
            .filter(|(_, t)| !t.is_empty())
            .map(move |(c, t)| cell(r, c, c + 1, t))
    });
    grid_of(cells.collect())
}

const CODED_HEADER: &[&str] = &["科目编码", "科目名称", "合计"];
const COLUMN_NUMBERS: &[&str] = &["栏次", "", "1"];

#[test]
fn the_body_starts_at_the_first_row_of_figures_or_codes() {
    let g = rows_grid(&[
        &["项目", "", "本年支出"],
        CODED_HEADER,
        COLUMN_NUMBERS,
        &["201", "一般公共服务支出", "10.00"],
    ]);
    assert_eq!(body_start(&g), 3);
    // A template printed without figures starts at its total row.
    let blank = rows_grid(&[&["项目", "金额"], &["合计"], &["一、工资福利支出"]]);
    assert_eq!(body_start(&blank), 1);
}

#[test]
fn a_list_without_figures_starts_where_its_index_counts() {
    let units = rows_grid(&[
        &["序号", "单位名称", "备注"],
        &["1", "某局（本级）"],
        &["2", "某中心"],
    ]);
    assert_eq!(body_start(&units), 1);
    let one = rows_grid(&[&["序号", "单位名称"], &["（一）", "某局(本级)"]]);
    assert_eq!(body_start(&one), 1);
    // A "1" that does not count on is no index.
    let stray = rows_grid(&[&["序号", "单位名称"], &["1", "某局"], &["附注", "某中心"]]);
    assert_eq!(body_start(&stray), 3);
}

#[test]
fn a_continuation_grid_drops_its_repeated_header_and_column_numbers_only() {
    let first = rows_grid(&[
        CODED_HEADER,
        COLUMN_NUMBERS,
        &["201", "一般公共服务支出", "10.00"],
    ]);
    let model = build_model(&first, body_start(&first), None);
    let body: &[&str] = &["20101", "人大事务", "4.00"];
    // The header and the 栏次 row printed again over the rest of the body.
    let overleaf = rows_grid(&[CODED_HEADER, COLUMN_NUMBERS, body]);
    assert_eq!(continuation_body_start(&overleaf, &model), 2);
    // A page that goes straight on with the body keeps every row.
    assert_eq!(continuation_body_start(&rows_grid(&[body]), &model), 0);
    // A row of text that is not the header is body, not a repeated header.
    let other = rows_grid(&[&["", "其他支出说明"], body]);
    assert_eq!(continuation_body_start(&other, &model), 0);
}

fn roles(m: &TableModel) -> Vec<Role> {
    m.columns.iter().map(|c| c.role).collect()
}

/// ONLYOFFICE: 类 | 款 | 项 printed in the ruled row of 合计, below the one
/// "科目编码" header over the three code columns.
#[test]
fn code_parts_printed_in_the_total_row_head_their_columns() {
    let g = grid_of(vec![
        cell(0, 0, 3, "科目编码"),
        cell(0, 3, 4, "科目名称"),
        cell(0, 4, 5, "本年收入合计"),
        cell(1, 0, 1, "类"),
        cell(1, 1, 2, "款"),
        cell(1, 2, 3, "项"),
        cell(1, 3, 4, "合计"),
        cell(1, 4, 5, "2,946.25"),
        cell(2, 0, 1, "201"),
        cell(2, 1, 2, "06"),
        cell(2, 2, 3, "01"),
        cell(2, 3, 4, "行政运行"),
        cell(2, 4, 5, "1,511.90"),
    ]);
    assert_eq!(body_start(&g), 1);
    let m = build_model(&g, 1, None);
    assert_eq!(
        roles(&m),
        [
            Role::CodePart,
            Role::CodePart,
            Role::CodePart,
            Role::Name,
            Role::Value
        ]
    );
    assert_eq!(m.columns[1].path, ["科目编码", "款"]);
}

/// Whole numbers under a header naming no role read like codes (498, 12240);
/// right of the row's label or of figures, with no label after them, they are figures.
#[test]
fn whole_figures_after_the_label_are_figures_not_codes() {
    // 其他收入 after the figures (上海, amounts in 元).
    let g = grid_of(vec![
        cell(0, 0, 1, "科目编码"),
        cell(0, 1, 2, "科目名称"),
        cell(0, 2, 3, "合计"),
        cell(0, 3, 4, "其他收入"),
        cell(1, 0, 1, "208"),
        cell(1, 1, 2, "社会保障和就业支出"),
        cell(1, 2, 3, "2,616,003"),
        cell(1, 3, 4, "498"),
        cell(2, 0, 1, "2080506"),
        cell(2, 1, 2, "机关事业单位职业年金缴费支出"),
        cell(2, 2, 3, "872,001"),
        cell(2, 3, 4, "166"),
    ]);
    let m = build_model(&g, 1, None);
    assert_eq!(
        roles(&m),
        [Role::Code, Role::Name, Role::Value, Role::Value]
    );
    assert_eq!(m.groups.len(), 1);
    // A 合计 right after the unit's name (西安 三公 per unit).
    let g = grid_of(vec![
        cell(0, 0, 1, "单位名称"),
        cell(0, 1, 2, "合计"),
        cell(0, 2, 3, "会议费"),
        cell(1, 0, 1, "西安市气象局"),
        cell(1, 1, 2, "12240"),
        cell(1, 2, 3, "2380"),
        cell(2, 0, 1, "西安市人工影响天气服务保障中心"),
        cell(2, 1, 2, "12240"),
        cell(2, 2, 3, "2380"),
    ]);
    let m = build_model(&g, 1, None);
    assert_eq!(roles(&m), [Role::Name, Role::Value, Role::Value]);
    // Codes before a label on the second side of a summary stay codes.
    let g = grid_of(vec![
        cell(0, 0, 1, "收入项目"),
        cell(0, 1, 2, "金额"),
        cell(0, 3, 4, "支出项目"),
        cell(0, 4, 5, "金额"),
        cell(1, 0, 1, "一、财政拨款"),
        cell(1, 1, 2, "1.00"),
        cell(1, 2, 3, "201"),
        cell(1, 3, 4, "一般公共服务支出"),
        cell(1, 4, 5, "1.00"),
        cell(2, 0, 1, "二、事业收入"),
        cell(2, 1, 2, "0.00"),
        cell(2, 2, 3, "205"),
        cell(2, 3, 4, "教育支出"),
        cell(2, 4, 5, "0.00"),
    ]);
    let m = build_model(&g, 1, None);
    assert_eq!(
        roles(&m),
        [Role::Name, Role::Value, Role::Code, Role::Name, Role::Value]
    );
    assert_eq!(m.groups.len(), 2);
}

/// 政府采购 (西安): the 经济科目 codes printed after a column of figures (or a
/// blank column taken as one) have no name of their own: they are codes beside
/// the row's, not a second side.
#[test]
fn codes_after_figures_without_a_name_stay_on_the_row() {
    let g = grid_of(vec![
        cell(0, 0, 1, "科目编码"),
        cell(0, 1, 2, "采购项目"),
        cell(0, 2, 3, "备用"),
        cell(0, 3, 5, "部门预算支出经济科目编码"),
        cell(0, 5, 6, "预算金额"),
        cell(1, 3, 4, "类"),
        cell(1, 4, 5, "款"),
        cell(2, 0, 1, "2050303"),
        cell(2, 1, 2, "女生公寓维修"),
        cell(2, 3, 4, "310"),
        cell(2, 4, 5, "06"),
        cell(2, 5, 6, "235700.00"),
    ]);
    let m = build_model(&g, 2, None);
    assert_eq!(m.groups.len(), 1);
    let slots: Vec<CodeSlot> = m
        .columns
        .iter()
        .filter(|c| c.role == Role::CodePart)
        .map(|c| c.slot)
        .collect();
    assert_eq!(slots, [CodeSlot::Beside(0), CodeSlot::Beside(0)]);
    // The 政府采购 text columns are attributes, blank or not.
    assert_eq!(role_from_header("购买服务内容"), Some(Role::Attribute));
    assert_eq!(role_from_header("实施采购时间"), Some(Role::Attribute));
}

/// 烟台: 科目编码 类|款 | 部门预算支出经济分类科目名称 | 科目编码 类|款 |
/// 政府预算支出经济分类科目名称: the second code is the 政府 code beside the
/// row's 部门 code, and the row is named by the 部门 name.
#[test]
fn a_code_header_repeated_after_a_name_is_the_code_beside() {
    let g = grid_of(vec![
        cell(0, 0, 2, "科目编码"),
        cell(0, 2, 3, "部门预算支出经济分类科目名称"),
        cell(0, 3, 5, "科目编码"),
        cell(0, 5, 6, "政府预算支出经济分类科目名称"),
        cell(1, 0, 1, "类"),
        cell(1, 1, 2, "款"),
        cell(1, 3, 4, "类"),
        cell(1, 4, 5, "款"),
        cell(2, 0, 1, "301"),
        cell(2, 1, 2, "01"),
        cell(2, 2, 3, "基本工资"),
        cell(2, 3, 4, "501"),
        cell(2, 4, 5, "01"),
        cell(2, 5, 6, "工资奖金津补贴"),
    ]);
    let m = build_model(&g, 2, None);
    let slots: Vec<CodeSlot> = m.columns.iter().map(|c| c.slot).collect();
    assert_eq!(
        slots[..2],
        [CodeSlot::Primary, CodeSlot::Primary],
        "the row's own code"
    );
    assert_eq!(slots[3..5], [CodeSlot::Beside(0), CodeSlot::Beside(0)]);
    assert_eq!(m.columns[2].role, Role::Name);
    assert_eq!(m.columns[5].role, Role::Attribute);
}

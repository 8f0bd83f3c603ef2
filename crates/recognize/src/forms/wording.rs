//! The words performance forms print, as word lists: which label names which
//! field, which header names which column, which words open the funds, goal
//! and indicator parts. The 决算 self-evaluation forms and the 预算 target
//! forms of every place are read through these lists: a place that words a
//! form its own way is an entry here, not new code.
use crate::text::compact;

/// The head field a label names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HeadField {
    Project,
    Department,
    Implementer,
    /// Any other labelled field, kept under its printed label.
    Other,
}

/// Head labels whose value is the cell beside them (compared without
/// spaces and a trailing colon).
const HEAD_LABELS: &[(&str, HeadField)] = &[
    ("项目名称", HeadField::Project),
    ("专项（项目）名称", HeadField::Project),
    ("专项(项目)名称", HeadField::Project),
    ("专项名称", HeadField::Project),
    ("主管部门", HeadField::Department),
    ("主管部门及代码", HeadField::Department),
    ("部门（单位）名称", HeadField::Department),
    ("部门(单位)名称", HeadField::Department),
    ("部门名称", HeadField::Department),
    ("单位名称", HeadField::Department),
    ("实施单位", HeadField::Implementer),
    ("预算单位", HeadField::Implementer),
    ("资金使用单位", HeadField::Implementer),
    ("项目属性", HeadField::Other),
    ("项目类型", HeadField::Other),
    ("项目类别", HeadField::Other),
    ("项目期限", HeadField::Other),
    ("实施期限", HeadField::Other),
    ("项目负责人", HeadField::Other),
    ("项目编码", HeadField::Other),
    ("项目代码", HeadField::Other),
];

/// A label without spaces and its trailing colon.
pub(crate) fn label_text(t: &str) -> String {
    compact(t).trim_end_matches(['：', ':']).to_string()
}

/// The head field a cell's text labels, if it is a head label.
pub(crate) fn head_label(t: &str) -> Option<HeadField> {
    let t = label_text(t);
    HEAD_LABELS.iter().find(|(w, _)| *w == t).map(|(_, f)| *f)
}

/// Fund sources a target form prints as labels with their amount beside
/// them (年度预算资金总额： 108.35), compared after 其中 and a colon.
const FUND_SOURCES: &[&str] = &[
    "年度预算资金总额",
    "年度资金总额",
    "实施期资金总额",
    "预算资金总额",
    "资金总额",
    "财政拨款",
    "当年财政拨款",
    "财政资金",
    "上年结转",
    "上年结转资金",
    "其他资金",
];

/// Whether a cell's text is a fund source label of a target form.
pub(crate) fn is_fund_source(t: &str) -> bool {
    let t = label_text(t);
    let t = t
        .trim_start_matches("其中")
        .trim_start_matches(['：', ':', '，', ','])
        .to_string();
    FUND_SOURCES.contains(&t.as_str())
}

/// The period a fund label's amount belongs to: a form printing the whole
/// implementation period beside the year has two amount columns.
pub(crate) fn fund_period(t: &str) -> Option<&'static str> {
    let t = label_text(t);
    ["实施期", "年度", "当年"]
        .into_iter()
        .find(|p| t.starts_with(p))
        .map(|p| if p == "当年" { "年度" } else { p })
}

/// Column headings of a department form's task block (年度主要任务) and of the
/// funds under it.
pub(crate) const TASK_NAME: &str = "任务名称";
pub(crate) const TASK_DETAIL: &str = "主要内容";
const TASK_AMOUNTS: &[&str] = &["总额", "财政拨款", "其他资金", "预算金额", "金额"];

/// Whether a cell heads an amount column of a task block.
pub(crate) fn is_task_amount(t: &str) -> bool {
    let t = label_text(t);
    TASK_AMOUNTS
        .iter()
        .any(|w| t == *w || t.starts_with("预算金额"))
}

/// Labels of a form's goal (the text beside or under them): the year's, or
/// the whole period's.
const GOAL_LABELS: &[&str] = &[
    "总体目标",
    "年度目标",
    "年度总体目标",
    "年度绩效目标",
    "当年绩效目标",
    "当年整体绩效目标",
    "整体绩效目标",
    "绩效目标",
    "项目概况",
];
const LONG_TERM_GOAL_LABELS: &[&str] = &["实施期总目标", "实施期目标", "中长期目标"];

/// Which part of the goal a label names: `Some(true)` the whole period's,
/// `Some(false)` the year's.
pub(crate) fn goal_label(t: &str) -> Option<bool> {
    let t = label_text(t);
    if LONG_TERM_GOAL_LABELS.contains(&t.as_str()) {
        Some(true)
    } else if GOAL_LABELS.contains(&t.as_str()) {
        Some(false)
    } else {
        None
    }
}

/// A column of the indicator block, by its header.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum IndicatorColumn {
    /// One of the levels (指标类别, 一级/二级/三级指标, 指标名称, 指标内容):
    /// which one is fixed by how many the header prints.
    Level,
    Target,
    Actual,
    Weight,
    Score,
    Deviation,
    Nature,
    Unit,
    Direction,
    Note,
    /// A column kept under its printed header.
    Other(String),
}

/// Headers of level columns, top to bottom.
const LEVEL_HEADERS: &[&str] = &[
    "指标类别",
    "一级指标",
    "二级指标",
    "三级指标",
    "指标名称",
    "指标内容",
];

/// Headers kept under their own name, checked before 指标值 (which they contain).
const OTHER_HEADERS: &[&str] = &[
    "指标值内容",
    "指标解释",
    "评（扣）分标准",
    "评(扣)分标准",
    "是否核心",
];

/// The column an indicator header names.
pub(crate) fn indicator_column(header: &str) -> Option<IndicatorColumn> {
    use IndicatorColumn::*;
    let h = compact(header);
    if let Some(w) = OTHER_HEADERS.iter().find(|w| h.starts_with(*w)) {
        return Some(Other(w.to_string()));
    }
    Some(match h.as_str() {
        h if LEVEL_HEADERS.iter().any(|w| h.starts_with(w)) => Level,
        h if h.contains("指标性质") || h.contains("指标值类型") => Nature,
        h if h.contains("计量单位") || h.contains("度量单位") => Unit,
        h if h.contains("指标方向") => Direction,
        h if h.contains("指标值") && !h.contains("实际") => Target,
        h if h.contains("实际完成") => Actual,
        h if h == "分值" || h.contains("权重") || h.starts_with("分值") => Weight,
        "得分" => Score,
        h if h.contains("偏差") || h.contains("改进措施") => Deviation,
        "备注" => Note,
        _ => return None,
    })
}

/// Longest column heading (characters): longer text in a cell is content,
/// even when it mentions a heading's word ("…提出了改进措施。").
pub(crate) const HEADER_MAX_CHARS: usize = 14;

/// Whether a cell's text is an indicator column's heading.
pub(crate) fn is_indicator_heading(t: &str) -> bool {
    compact(t).chars().count() <= HEADER_MAX_CHARS && indicator_column(t).is_some()
}

/// Whether a row of headers opens the indicator block: 一级指标, or a name
/// column (指标名称 / 指标内容) with its 指标值.
pub(crate) fn opens_indicators(headers: &[String]) -> bool {
    headers.iter().any(|h| h.contains("一级指标"))
        || (headers
            .iter()
            .any(|h| h.starts_with("指标名称") || h.starts_with("指标内容"))
            && headers.iter().any(|h| h.starts_with("指标值")))
}

/// Labels of the margin column in front of a part of the form (no field's
/// content): 绩效指标 printed on every indicator row, 年度主要任务 …
const MARGIN_LABELS: &[&str] = &[
    "绩效指标",
    "年度绩效指标",
    "绩效目标指标",
    "年度主要任务",
    "项目资金（万元）",
    "资金金额（万元）",
    "专项资金情况（万元）",
];

/// Whether a cell's text is a margin label of a target form.
pub(crate) fn is_margin_label(t: &str) -> bool {
    let t = compact(t);
    MARGIN_LABELS.contains(&t.as_str())
}

/// Headings of a list of many projects: the project's (or unit's) name …
const LIST_NAME_HEADERS: &[&str] = &[
    "项目名称",
    "单位（项目）名称",
    "单位(项目)名称",
    "项目名称（资金使用单位）",
    "项目名称(资金使用单位)",
    "单位名称",
];
/// … and the other headings a list prints in the same row.
const LIST_HEADERS: &[&str] = &[
    "序号",
    "单位编码",
    "项目编码",
    "金额",
    "资金总额",
    "总计",
    "财政拨款",
    "财政专户拨款",
    "其他资金",
    "当年财政拨款预算金额",
    "年度预算申请",
    "绩效目标",
    "当年绩效目标",
    "项目总体绩效目标",
    "整体绩效目标",
    "绩效指标",
    "部门整体支出年度绩效目标",
    "指标名称",
    "指标性质",
    "指标值",
    "计量单位",
    "指标权重",
];

/// Whether a cell heads a list's name column.
pub(crate) fn is_list_name_header(t: &str) -> bool {
    let t = label_text(t);
    LIST_NAME_HEADERS.contains(&t.as_str())
}

/// Whether a cell heads one of a list's other columns.
pub(crate) fn is_list_header(t: &str) -> bool {
    let t = label_text(t);
    t.chars().count() <= HEADER_MAX_CHARS && LIST_HEADERS.iter().any(|w| t.starts_with(w))
}

/// Whether a list column holds amounts, by its header.
pub(crate) fn is_amount_header(h: &str) -> bool {
    let h = compact(h);
    !h.contains("绩效")
        && ["金额", "总额", "总计", "拨款", "资金", "支出", "预算"]
            .iter()
            .any(|w| h.contains(w))
}

/// Whether a list column holds the project's goal, by its header.
pub(crate) fn is_goal_header(h: &str) -> bool {
    let h = compact(h);
    h.contains("目标") && !h.contains("指标")
}

/// Labels of a list's total rows.
pub(crate) fn is_total_label(t: &str) -> bool {
    matches!(label_text(t).as_str(), "合计" | "总计" | "小计")
}

/// What a value label inside an indicator text names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum IndicatorValue {
    /// The year's target (指标值).
    Target,
    /// Another value, kept under its label.
    Kept(&'static str),
}

/// Labels of an indicator's values printed inside one text with the
/// indicator (…，项目专职环保员数量；实施周期指标值：≦核定人数，年度指标值：≦核定人数),
/// a label that ends another one after it.
const INDICATOR_VALUE_LABELS: &[(&str, IndicatorValue)] = &[
    ("实施周期指标值", IndicatorValue::Kept("实施周期指标值")),
    ("年度指标值", IndicatorValue::Target),
    ("指标值", IndicatorValue::Target),
];

/// The value label `s` starts with: its length in bytes and what it names.
pub(crate) fn indicator_value_label(s: &str) -> Option<(usize, IndicatorValue)> {
    INDICATOR_VALUE_LABELS
        .iter()
        .find(|(w, _)| s.starts_with(w))
        .map(|(w, f)| (w.len(), *f))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_by_wording() {
        assert_eq!(head_label("主管部门及代码"), Some(HeadField::Department));
        assert_eq!(head_label("专项（项目）名称"), Some(HeadField::Project));
        assert_eq!(head_label("实施单位："), Some(HeadField::Implementer));
        assert_eq!(head_label("项目期限"), Some(HeadField::Other));
        assert_eq!(head_label("项目名称 是"), None);
        assert!(is_fund_source("年度预算资金总额："));
        assert!(is_fund_source("其中：财政拨款"));
        assert!(is_fund_source("上年结转"));
        assert!(!is_fund_source("执行率分值（10分）"));
        assert_eq!(fund_period("实施期资金总额："), Some("实施期"));
        assert_eq!(fund_period("其中：财政拨款"), None);
        assert_eq!(goal_label("总体目标"), Some(false));
        assert_eq!(goal_label("实施期总目标"), Some(true));
    }

    #[test]
    fn indicator_headers_by_wording() {
        use IndicatorColumn::*;
        assert_eq!(indicator_column("三级指标"), Some(Level));
        assert_eq!(indicator_column("指标内容"), Some(Level));
        assert_eq!(indicator_column("分值权重（90分）"), Some(Weight));
        assert_eq!(indicator_column("指标权重(%)"), Some(Weight));
        assert_eq!(indicator_column("指标值类型"), Some(Nature));
        assert_eq!(indicator_column("度量单位"), Some(Unit));
        assert_eq!(
            indicator_column("指标值内容"),
            Some(Other("指标值内容".into()))
        );
        assert_eq!(indicator_column("年度指标值"), Some(Target));
        assert_eq!(indicator_column("实际完成指标值"), Some(Actual));
        assert_eq!(indicator_column("年度绩效指标"), None);
        let h = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(opens_indicators(&h(&["一级指标", "二级指标"])));
        assert!(opens_indicators(&h(&["指标名称", "指标性质", "指标值"])));
        assert!(!opens_indicators(&h(&["指标名称"])));
    }

    #[test]
    fn list_headers_by_wording() {
        assert!(is_list_name_header("单位（项目）名称"));
        assert!(is_list_header("总计："));
        assert!(is_amount_header("当年财政拨款预算金额"));
        assert!(!is_amount_header("绩效目标"));
        assert!(is_goal_header("项目总体绩效目标"));
        assert!(!is_goal_header("部门整体支出年度绩效指标"));
    }
}

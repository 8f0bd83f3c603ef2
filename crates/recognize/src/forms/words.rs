//! The printed words that give a form its structure: labels whose value is
//! the cell beside them, header words that name the fields below them, and
//! the section labels of the margin column.
use super::loose::{stack_cells, LooseLine, LooseText};
use super::row::{FormCell, FormRow};
use super::settings::FormSettings;
use crate::text::compact;

/// Labels whose value is the next cell of their row.
pub(crate) const LABELS: [&str; 4] = ["项目名称", "主管部门", "实施单位", "部门名称"];

/// Words of a header line (besides the funds header, see [`structural_reach`]).
const HEADER_LINE_WORDS: [&str; 6] = [
    "一级指标",
    "关键指标",
    "预期实现值",
    "年度绩效目标内容",
    "总分",
    "预算完成率",
];

/// Header words that wrap over lines above and below their header line
/// ("偏差原因" / "分析及改" / "进措施").
const WRAPPING_HEADERS: [&str; 16] = [
    "偏差原因分析及改进措施",
    "实际完成指标值",
    "年度指标值",
    "预算完成率",
    "年度预算完成数",
    "年度预算数",
    "指标类别",
    "一级指标",
    "二级指标",
    "三级指标",
    "目标实际完成情况",
    "年度绩效目标内容",
    "部门整体支出目标",
    "预期实现值",
    "指标完成情况",
    "关键指标",
];

/// Labels of form sections printed in the margin column.
const SECTIONS: [&str; 4] = [
    "项目资金（万元）",
    "绩效目标完成情况",
    "年度绩效目标",
    "绩效指标",
];

/// How far (in line heights) the wrapped lines of a label or header line
/// reach, if `line` is one: a label's value is centred on it over up to three
/// lines; a header line's wrapped neighbours sit within about a line.
pub(crate) fn structural_reach(line: &LooseLine, s: &FormSettings) -> Option<f32> {
    // Labels and header words are short pieces of their own, a label first in
    // its piece; a sentence in a cell that mentions 主管部门 is no label, nor
    // is a line of one ("各主管部门分工负责、各司").
    let pieces: Vec<String> = line.texts.iter().map(|t| compact(&t.text)).collect();
    let short = |p: &&String| p.chars().count() <= s.label_max_chars;
    if pieces
        .iter()
        .filter(short)
        .any(|p| LABELS.iter().any(|k| p.starts_with(k)))
    {
        return Some(s.label_reach);
    }
    let text: String = pieces.iter().filter(short).map(String::as_str).collect();
    let header = HEADER_LINE_WORDS.iter().any(|k| text.contains(k))
        || (text.contains("预算数") && (text.contains("分值") || text.contains("完成数")));
    header.then_some(s.header_reach)
}

/// Whether a piece of text is part of a form header word.
pub(crate) fn is_header_fragment(t: &str, s: &FormSettings) -> bool {
    t.chars().count() >= s.header_fragment_min_chars
        && WRAPPING_HEADERS.iter().any(|h| h.contains(t))
}

/// Whether a row at a page's head is the rest of a header row the page break
/// cut: every piece of it a fragment of a header word.
pub(crate) fn is_header_rest(row: &FormRow, s: &FormSettings) -> bool {
    row.continues && {
        let mut pieces = row
            .cells
            .iter()
            .map(|c| compact(&c.text))
            .filter(|t| !t.is_empty())
            .peekable();
        pieces.peek().is_some() && pieces.all(|t| is_header_fragment(&t, s))
    }
}

/// Whether text is a section label of the margin column (no field's content),
/// or a piece of one when the label cell wraps ("绩效目" / "标完成" / "情况").
pub(crate) fn is_section_label(t: &str) -> bool {
    matches!(t, "(万元)" | "项目资金(万元)")
        || t.chars().count() >= 2 && SECTIONS.iter().any(|s| s.contains(t))
}

/// Cells of a data row: stacked loose text without the margin's section labels
/// (judged on whole cells: "2019 年度…" keeps its "年度").
pub(crate) fn data_cells(texts: &[LooseText], s: &FormSettings) -> Vec<FormCell> {
    stack_cells(texts, s)
        .into_iter()
        .filter(|c| !is_section_label(&compact(&c.text)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::loose::text;

    fn line(pieces: &[&str]) -> LooseLine {
        LooseLine {
            top: 0.0,
            bottom: 10.0,
            texts: pieces
                .iter()
                .enumerate()
                .map(|(i, p)| text(p, 100.0 * i as f32, 100.0 * i as f32 + 50.0, 0.0))
                .collect(),
        }
    }

    #[test]
    fn labels_and_header_lines_reach_their_wrapped_lines() {
        let s = FormSettings::default();
        assert_eq!(
            structural_reach(&line(&["主管部门", "某局"]), &s),
            Some(s.label_reach)
        );
        assert_eq!(
            structural_reach(&line(&["一级指标", "二级指标"]), &s),
            Some(s.header_reach)
        );
        assert_eq!(
            structural_reach(&line(&["年度预算数", "分值"]), &s),
            Some(s.header_reach)
        );
        // A sentence that mentions a label is a cell's text, even a short
        // wrapped line of one.
        assert_eq!(
            structural_reach(&line(&["由主管部门统一组织实施的培训项目"]), &s),
            None
        );
        assert_eq!(
            structural_reach(&line(&["各主管部门分工负责、各司"]), &s),
            None
        );
    }

    #[test]
    fn header_fragments_and_section_labels() {
        let s = FormSettings::default();
        assert!(is_header_fragment("分析及改", &s));
        assert!(!is_header_fragment("完成培训", &s));
        assert!(is_section_label("绩效目"));
        assert!(is_section_label("(万元)"));
        assert!(!is_section_label("2019年度绩效目标"));
    }
}

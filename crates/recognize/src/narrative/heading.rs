//! What makes a numbered line a heading: it stands alone (short, not a
//! sentence, not running on into a paragraph), and a heading wrapped onto a
//! second line is read as one.
use std::sync::OnceLock;

use super::line::{heading_level, NarrativeLine};
use crate::pattern::Regex;
use crate::settings::RecognizeSettings;

/// The narrative's text block: where its lines start and end, and the usual
/// step from one line to the next (documents use 1 to 2 line spacing); with
/// the settings its tests are made with.
pub(super) struct Margins<'s> {
    pub left: f32,
    pub right: f32,
    pub pitch: f32,
    /// The body text's size (the median line's).
    pub body_size: f32,
    pub s: &'s RecognizeSettings,
}

impl<'s> Margins<'s> {
    pub fn of(lines: &[NarrativeLine], s: &'s RecognizeSettings) -> Margins<'s> {
        let mut x0: Vec<f32> = lines.iter().map(|l| l.line.x0()).collect();
        let mut x1: Vec<f32> = lines.iter().map(|l| l.line.x1()).collect();
        x0.sort_by(f32::total_cmp);
        x1.sort_by(f32::total_cmp);
        let left = x0.get(x0.len() / 10).copied().unwrap_or(0.0);
        let right = x1.get(x1.len() * 9 / 10).copied().unwrap_or(0.0);
        let mut steps: Vec<f32> = lines
            .windows(2)
            .filter(|w| w[0].page == w[1].page)
            .map(|w| w[1].line.top - w[0].line.top)
            .filter(|d| *d > 0.0)
            .collect();
        steps.sort_by(f32::total_cmp);
        let pitch = steps
            .get(steps.len() / 3)
            .copied()
            .unwrap_or(s.default_pitch);
        let mut sizes: Vec<f32> = lines.iter().map(|l| l.line.size()).collect();
        sizes.sort_by(f32::total_cmp);
        let body_size = sizes.get(sizes.len() / 2).copied().unwrap_or(0.0);
        Margins {
            left,
            right,
            pitch,
            body_size,
            s,
        }
    }

    /// Whether `next` goes on the title `prev` is a line of: both in title
    /// type, centred on the page, one under the other ("上海市普陀区规划和自然"
    /// / "资源局" / "2024年度部门决算" on a cover) — one string, not three.
    pub fn continues_title(&self, prev: &NarrativeLine, next: &NarrativeLine) -> bool {
        let (a, b) = (&prev.line, &next.line);
        let size = a.size();
        let step = b.top - a.top;
        prev.page == next.page
            && size >= self.s.title_size * self.body_size
            && (b.size() - size).abs() <= self.s.same_size * size
            && step > 0.0
            && step <= self.s.max_title_step * size
            && self.centred(prev)
            && self.centred(next)
    }

    /// Whether the line runs to the right margin (a paragraph line that wraps).
    pub fn fills(&self, l: &NarrativeLine) -> bool {
        l.line.x1() >= self.right - self.s.full_line_slack * l.line.size()
    }

    /// Whether the line starts right of the left margin (a paragraph's first line).
    pub fn indented(&self, l: &NarrativeLine) -> bool {
        l.line.x0() > self.left + self.s.indent * l.line.size()
    }

    /// Whether a line is centred on its page (within two of its characters).
    pub fn centred(&self, l: &NarrativeLine) -> bool {
        ((l.line.x0() + l.line.x1()) / 2.0 - l.page_width / 2.0).abs()
            < self.s.centred * l.line.size()
    }
}

fn figure_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\d\s*(?:万元|亿元|千元|元|%|％)").unwrap())
}

/// A numbered sentence is an item of a list, not a heading: it ends a
/// sentence and says something ("（一）因公出国（境）费0.00万元，与2025年
/// 预算持平。", "10.上年结转结余9687.21万元。"), where a heading ending in
/// "。" only names its subject ("（一）部门整体支出绩效自评综述。").
fn is_sentence(text: &str) -> bool {
    let comma = text.contains(['，', ',']);
    let figure = figure_re().is_match(text);
    text.ends_with(['。', '；', ';']) && (comma || figure) || comma && figure
}

/// An item of a list run in with "；" or "，".
fn ends_list_item(t: &str) -> bool {
    t.ends_with(['；', '，', ';', ','])
}

/// A term run in before its definition ("五、年初结转和结余：指以前年度…"):
/// an entry of a glossary or list, not a heading (which may end with "：").
fn is_run_in(t: &str) -> bool {
    t.trim_end_matches(['：', ':']).contains(['：', ':'])
}

/// Whether text reads as a heading rather than as text: at most `max_chars`
/// long, not a sentence, not a list item or a run-in term.
pub(super) fn heading_shaped(text: &str, max_chars: usize) -> bool {
    text.chars().count() <= max_chars
        && !ends_list_item(text)
        && !is_sentence(text)
        && !is_run_in(text)
}

/// Whether a bracket or quote opened in `text` is still open at its end.
fn open_bracket(text: &str) -> bool {
    let count = |set: &[char]| text.chars().filter(|c| set.contains(c)).count();
    count(&['（', '(']) > count(&['）', ')']) || count(&['“']) > count(&['”'])
}

/// The second line of a heading wrapped over two (its text), when `next`
/// continues the heading `first` begins: on the next line in the same size
/// and font, short, not numbered, flowing on from where `first` stopped
/// mid-phrase — at the right margin or inside an open bracket
/// ("（七）一般公共预算“三公”经费预算情况说明（详" / "见表7）",
/// "九、财政拨款“三公”经费及会议费、培训费支出决" / "算情况说明"), or a
/// centred title's second centred line.
pub(super) fn continuation(
    first: &NarrativeLine,
    first_text: &str,
    next: Option<&NarrativeLine>,
    m: &Margins,
) -> Option<String> {
    let next = next?;
    let (a, b) = (&first.line, &next.line);
    let size = a.size();
    let text = next.line.reading_text();
    let step = b.top - a.top;
    let s = m.s;
    let same_type = (b.size() - size).abs() <= s.same_size * size
        && a.chunks.last().map(|c| c.font) == b.chunks.first().map(|c| c.font);
    if next.page != first.page
        || step <= 0.0
        || step > s.max_wrap_step * m.pitch
        || !same_type
        || text.chars().count() > s.max_continuation_chars
        || heading_level(&text).is_some()
        || m.fills(next)
        || first_text.ends_with(['。', '；', '：', ':', ';', '！', '？', '，'])
    {
        return None;
    }
    let centred_pair = m.centred(first) && m.centred(next);
    let wrapped_at_margin = a.x1() >= m.right - s.wrap_slack * size;
    // Flowing text goes on at the left margin, a hanging heading under its own start.
    let flows_on = b.x0() <= m.left + size || (b.x0() - a.x0()).abs() <= size;
    let ends_mid_phrase = wrapped_at_margin || open_bracket(first_text);
    if !(centred_pair || ends_mid_phrase && flows_on) {
        return None;
    }
    let joined = format!("{first_text}{text}");
    let whole = heading_shaped(&joined, s.max_wrapped_heading_chars)
        && !joined.trim_end_matches('。').contains('。');
    whole.then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_are_no_headings() {
        assert!(is_sentence(
            "（一）因公出国（境）费0.00万元，与2025年预算持平。"
        ));
        assert!(is_sentence("10.上年结转结余9687.21万元。"));
        assert!(!is_sentence("（一）部门整体支出绩效自评综述。"));
        assert!(!is_sentence("4.2020年度基层党建工作经费项目。"));
        assert!(!is_sentence("（一）本年财政拨款收入277848.45万元"));
        assert!(!is_sentence(
            "1、持续强化党的政治建设，推动“两个维护”落到实处"
        ));
        assert!(is_sentence(
            "3.“卫生健康支出”科目22万元，主要用于缴纳在职人员医疗保险等支出"
        ));
    }

    #[test]
    fn open_brackets() {
        assert!(open_bracket("（七）一般公共预算“三公”经费预算情况说明（详"));
        assert!(!open_bracket(
            "（七）一般公共预算“三公”经费预算情况说明（详见表7）"
        ));
        assert!(open_bracket("二、“三公"));
    }
}

//! Whether a line reads as a table title, and what it says: its printed
//! number split off, a title wrapped over two lines or set in a grid's caption
//! row, a title repeated on a continuation page, the name of the whole set of
//! tables (a part heading).
use std::sync::OnceLock;

use fiscal_layout::grid::CellGrid;
use fiscal_layout::lines::TextLine;

use crate::numbering::numbering_level;
use crate::pattern::Regex;
use crate::settings::RecognizeSettings;
use crate::text::compact;

/// Whether a line reads as a table title: short, ends with 表 (or 表 and a
/// bracketed qualifier: "…支出表（按功能分类）"), not a sentence or a
/// table-of-contents entry, not numbered like a heading.
pub fn looks_like_title(compact: &str) -> bool {
    numbering_level(compact).is_none() && reads_as_title(compact)
}

/// Longest title of a table; a form's title names its project and may run
/// longer (see [`FORM_TITLE_MAX_CHARS`]).
const TITLE_MAX_CHARS: usize = 48;
/// Longest title of a 绩效目标表 that names its project.
const FORM_TITLE_MAX_CHARS: usize = 96;

fn reads_as_title(compact: &str) -> bool {
    let n = compact.chars().count();
    let max = if compact.ends_with("绩效目标表") {
        FORM_TITLE_MAX_CHARS
    } else {
        TITLE_MAX_CHARS
    };
    (4..=max).contains(&n)
        && ends_like_table(compact)
        && !is_form_code(compact)
        && !compact.contains('。')
        && !compact.contains("…")
        && !compact.contains("...")
        && !compact.starts_with('注')
        && !compact.contains(['，', '；', ';', '《'])
}

/// A form code printed beside a title ("公开01表", "财决01表"), not a title.
fn is_form_code(compact: &str) -> bool {
    compact
        .strip_suffix('表')
        .is_some_and(|s| s.ends_with(|c: char| c.is_ascii_digit()))
}

/// A name that ends like a table title: "…表", "…表（按功能分类）", "…表(续)".
pub fn ends_like_table(name: &str) -> bool {
    let core = match name.strip_suffix(['）', ')']) {
        Some(s) => s.rsplit_once(['（', '(']).map_or(s, |(head, _)| head),
        None => name,
    };
    core.ends_with('表')
}

fn table_number_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^(附?表\d+(?:[-－]\d+)?)[.．:：、]?").unwrap())
}

/// A printed title split into its table number ("表1", "表01") and the title
/// itself, numbering ("二、", "（七）", "1.") and separators removed:
/// "表1：2026年部门收支总表" → (Some("表1"), "2026年部门收支总表"),
/// "（七）一般公共预算支出表（按功能分类）" → (None, "一般公共预算支出表（按功能分类）").
/// `None` when the text does not read as a title.
pub fn split_title(compact: &str) -> Option<(Option<String>, String)> {
    let (number, rest) = match table_number_re().captures(compact) {
        Some(c) => (Some(c[1].to_string()), &compact[c[0].len()..]),
        None => (None, compact),
    };
    let rest = crate::numbering::split_numbering(rest).map_or(rest, |(_, r)| r);
    let rest = rest.trim_start_matches(['.', '．', ':', '：', '、']);
    reads_as_title(rest).then(|| (number, rest.to_string()))
}

/// Words that name what a table reports. A "…部门预算表" without any is the
/// name of the set of tables (a part heading), not of one table.
const TABLE_SUBJECTS: &[&str] = &[
    "收入",
    "支出",
    "收支",
    "经费",
    "采购",
    "绩效",
    "基金",
    "资本",
    "拨款",
    "资产",
    "购买服务",
    "项目",
    "人员",
];

/// Whether a title says what its table reports (see [`TABLE_SUBJECTS`]).
pub fn names_what_is_reported(title: &str) -> bool {
    TABLE_SUBJECTS.iter().any(|w| title.contains(w))
}

/// Whether two titles name the same table, for telling a repeated title (a
/// continuation page) from a new table: no "（续）"/"续表" marker, quotes
/// aside, and the longer may add the entity and year in front — nothing that
/// says what is reported ("2026年收支总表" is "收支总表"; "财政拨款收入支出决算总表"
/// is not "收入支出决算总表").
pub fn same_title(a: &str, b: &str) -> bool {
    let core = |t: &str| {
        compact(t)
            .replace("（续）", "")
            .replace("(续)", "")
            .replace("续表", "")
            .replace(['“', '”', '"', '‘', '’'], "")
    };
    let (a, b) = (core(a), core(b));
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    !short.is_empty()
        && long
            .strip_suffix(short.as_str())
            .is_some_and(|prefix| !names_what_is_reported(prefix))
}

/// A table number at the start of a line ("表3", "附表1-2").
pub(crate) fn number_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^(附?表\d+(?:-\d+)?)").unwrap())
}

/// A grid whose top row is one cell holding a title (Excel exports put it
/// there), maybe under a row printing only the table's number ("表11" in its
/// first cell): the number (as "表N") and the title.
pub(crate) fn caption_title(grid: &CellGrid) -> Option<(Option<String>, String)> {
    let whole_row = |r: usize| {
        let cells: Vec<_> = grid.row_cells(r).collect();
        (cells.len() == 1 && cells[0].col1 - cells[0].col0 == grid.cols())
            .then(|| compact(&cells[0].text))
            .filter(|t| looks_like_title(t))
    };
    if let Some(title) = whole_row(0) {
        return Some((None, title));
    }
    let printed: Vec<String> = grid
        .row_cells(0)
        .map(|c| compact(&c.text))
        .filter(|t| !t.is_empty())
        .collect();
    let [only] = printed.as_slice() else {
        return None;
    };
    let number = printed_table_number(only)?;
    whole_row(1).map(|title| (Some(number), title))
}

/// The second line of a title wrapped over two: short (shorter than the
/// first, "能分类科目-不含上年结转）" under "…明细表（按支出功"), right under the first,
/// centred near it, the same size, not numbered on its own ("1.项目支出绩效目标表"
/// under "（二）绩效目标表及说明" is a heading of its own).
pub(crate) fn is_title_tail(first: &TextLine, next: &TextLine, s: &RecognizeSettings) -> bool {
    let size = first.size().max(1.0);
    let centre = |l: &TextLine| (l.x0() + l.x1()) / 2.0;
    let text = compact(&next.text());
    let chars = text.chars().count();
    chars <= s.title_tail_chars
        && chars < compact(&first.text()).chars().count()
        && numbering_level(&text).is_none()
        && !number_re().is_match(&text)
        && next.top - first.bottom < s.title_tail_gap * size
        && (centre(next) - centre(first)).abs() < s.title_tail_centre * size
        && (next.size() - first.size()).abs() < s.title_tail_size * size
}

/// A name for the whole set of tables ("2024年度部门决算表", "预算公开表"): a
/// part heading, never one table's title.
pub(crate) fn is_table_set(title: &str) -> bool {
    let set_ending = ["决算表", "预算表", "公开表", "报表"]
        .iter()
        .any(|e| title.ends_with(e));
    set_ending && !names_what_is_reported(title)
}

/// A line that prints only a table's number, in any of the forms places use:
/// "表3", "附表1-2", "公开表2", "部门公开表 8", "公开09表", "表七" — given back
/// as "表N" (附表N, 表N-M), the number in digits.
pub(crate) fn printed_table_number(compact: &str) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r"^(?:\p{Han}{0,3}公开)?(?:(附?)表(\d+|[一二三四五六七八九十]+)(?:[-－](\d+))?|(\d+)表)$",
        )
        .unwrap()
    });
    let c = re.captures(compact)?;
    if let Some(n) = c.get(4) {
        return Some(format!("表{}", n.as_str()));
    }
    let n = &c[2];
    let n = if n.chars().all(|d| d.is_ascii_digit()) {
        n.to_string()
    } else {
        chinese_number(n)?.to_string()
    };
    let sub = c
        .get(3)
        .map_or(String::new(), |m| format!("-{}", m.as_str()));
    Some(format!("{}表{n}{sub}", &c[1]))
}

/// A number written 一 … 九十九.
fn chinese_number(s: &str) -> Option<u32> {
    const DIGITS: &str = "一二三四五六七八九";
    let digit = |c: char| DIGITS.chars().position(|d| d == c).map(|i| i as u32 + 1);
    match s.split_once('十') {
        None if s.chars().count() == 1 => digit(s.chars().next()?),
        None => None,
        Some((tens, ones)) => {
            let tens = if tens.is_empty() {
                1
            } else {
                digit(tens.chars().next()?)?
            };
            let ones = if ones.is_empty() {
                0
            } else {
                digit(ones.chars().next()?)?
            };
            (tens.to_string().len() == 1).then_some(tens * 10 + ones)
        }
    }
}

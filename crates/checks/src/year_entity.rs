//! What the document says it is, said the same everywhere: the year
//! (`year_consistency`: part and section headings and table titles naming
//! another year, dates that contradict it, "E 2023年度部门决算" in a 2024
//! document) and the entity (`entity_consistency`: a table's 编制单位 or a
//! name the text gives itself before the year that is almost, but not, the
//! cover's — "上海市规划和自然资源局2024年度部门决算表" under the cover of
//! 上海市普陀区规划和自然资源局).
use std::sync::OnceLock;

use fiscal_recognize::pattern::Regex;

use fiscal_recognize::pattern::is_han;
use fiscal_recognize::DocumentKind;

use crate::check::{label, Check};
use crate::context::Context;
use crate::passages::quote;
use crate::rule::Rule;

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("valid pattern"))
}

/// Words that make a year before them a comparison ("与2025年预算持平").
const COMPARING: &[&str] = &["与", "比", "较", "同", "上年", "上一"];

pub fn run(ctx: &Context, out: &mut Vec<Check>) {
    year(ctx, out);
    entity(ctx, out);
}

fn year(ctx: &Context, out: &mut Vec<Check>) {
    const RULE: Rule = Rule::YearConsistency;
    let Some(year) = ctx.doc.document.year else {
        out.push(Check::skipped(RULE, "the cover names no year"));
        return;
    };
    static YEAR: OnceLock<Regex> = OnceLock::new();
    static DATE: OnceLock<Regex> = OnceLock::new();
    static OWN: OnceLock<Regex> = OnceLock::new();
    let year_re = re(&YEAR, r"((?:19|20)\d{2})年");
    let date_re = re(
        &DATE,
        r"截[至止](?:到)?((?:19|20)\d{2})年(?:\d{1,2}月(?:\d{1,2}日)?|底|末|年底|年末)",
    );
    let own_re = re(
        &OWN,
        r"((?:19|20)\d{2})年度?(?:部门|单位)?(?:综合)?(决算|预算)(?:表|情况说明|公开)?$",
    );
    let budget = ctx.kind == Some(DocumentKind::Budget);
    let before = out.len();
    let mut agreeing = 0;
    // Headings and table titles name the document's year, or compare with another.
    let titles = ctx
        .passages
        .iter()
        .filter(|p| p.is_heading)
        .map(|p| (p.text.as_str(), p.pages, None))
        .chain(
            ctx.grids
                .iter()
                .map(|t| (t.title.as_str(), &t.pages[..], Some(*t))),
        );
    for (text, pages, table) in titles {
        for c in year_re.captures_iter(text) {
            let m = c.get(0).expect("match");
            let y: u32 = c[1].parse().unwrap_or(year);
            let lead: String = text[..m.start()]
                .chars()
                .rev()
                .take(3)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            if y == year {
                agreeing += 1;
                continue;
            }
            if COMPARING.iter().any(|w| lead.contains(w)) {
                continue;
            }
            let mut check = Check::verdict(
                RULE,
                false,
                format!(
                    "{} {} names {y}, the document is of {year}",
                    if table.is_some() {
                        "table title"
                    } else {
                        "heading"
                    },
                    quote(text, m.start(), m.end())
                ),
            )
            .on_pages(pages);
            if let Some(t) = table {
                check.table = Some(label(t));
            }
            out.push(check);
        }
    }
    for p in ctx.passages.iter() {
        // "截至2023年12月31日" in a 2024 决算; a budget may date its assets a year before.
        // (Every date the pattern reads holds 截: most passages need no search.)
        let dates = p
            .text
            .contains('截')
            .then(|| date_re.captures_iter(&p.text));
        for c in dates.into_iter().flatten() {
            let m = c.get(0).expect("match");
            let y: u32 = c[1].parse().unwrap_or(year);
            let ok = y == year || (budget && y + 1 == year);
            if ok {
                agreeing += 1;
                continue;
            }
            out.push(
                Check::verdict(
                    RULE,
                    false,
                    format!(
                        "date {} contradicts the document's year {year}",
                        p.quote(m.start(), m.end())
                    ),
                )
                .on_pages(p.pages),
            );
        }
        // "…局2023年度部门决算" ending a heading: the document naming itself.
        if p.is_heading {
            continue;
        }
        for sentence in p.text.split(['。', '；', '，']) {
            // (The pattern ends in 决算 or 预算, and a sentence without 算 needs no search.)
            let own = sentence.contains('算').then(|| own_re.captures(sentence));
            if let Some(c) = own.flatten() {
                let y: u32 = c[1].parse().unwrap_or(year);
                if y != year && !COMPARING.iter().any(|w| sentence.contains(w)) {
                    out.push(
                        Check::verdict(
                            RULE,
                            false,
                            format!("“{sentence}” names {y}, the document is of {year}"),
                        )
                        .on_pages(p.pages),
                    );
                }
            }
        }
    }
    if out.len() == before {
        out.push(Check::verdict(
            RULE,
            true,
            format!("{agreeing} headings, table titles and dates name {year}"),
        ));
    }
}

/// The entity without what varies harmlessly: spaces, bracket forms, and a
/// trailing （本级） / （汇总）.
fn normalized(s: &str) -> String {
    let s: String = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            c => c,
        })
        .collect();
    let mut s = s.as_str();
    for tail in ["（本级）", "（汇总）", "（部门）", "（单位）"] {
        s = s.strip_suffix(tail).unwrap_or(s);
    }
    s.to_string()
}

fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The name at the end of `run` that is almost `entity` but not it (nor an
/// abbreviation of it that drops a leading 中共 / place): the closest
/// ending of `run` within a quarter of the name's length.
fn near_miss(run: &str, entity: &str) -> Option<String> {
    let run = normalized(run);
    if run.contains(entity) {
        return None;
    }
    let e: Vec<char> = entity.chars().collect();
    let r: Vec<char> = run.chars().collect();
    let slack = 3;
    let lengths = e.len().saturating_sub(slack).max(4)..=(e.len() + slack).min(r.len());
    let mut best: Option<(usize, String)> = None;
    for len in lengths {
        let cand = &r[r.len() - len..];
        let cand_s: String = cand.iter().collect();
        if entity.ends_with(&cand_s) {
            // A shortened form of the same name.
            return None;
        }
        let d = edit_distance(cand, &e);
        if best.as_ref().is_none_or(|(bd, _)| d < *bd) {
            best = Some((d, cand_s));
        }
    }
    let (d, cand) = best?;
    let misspelt = d >= 1 && d <= (e.len() / 4).max(1);
    // A name standing alone that drops a middle part of the entity's
    // ("上海市规划和自然资源局" for 上海市普陀区规划和自然资源局).
    let cut = cand.chars().count() == r.len() && inner_cut(&cand, entity, e.len() / 3);
    (misspelt || cut).then_some(cand)
}

/// Whether `name` is `entity` with one inner run of at most `most`
/// characters left out (not its start: dropping a leading 中共 / place is an
/// abbreviation).
fn inner_cut(name: &str, entity: &str, most: usize) -> bool {
    let n: Vec<char> = name.chars().collect();
    let e: Vec<char> = entity.chars().collect();
    let gap = e.len().saturating_sub(n.len());
    if gap == 0 || gap > most {
        return false;
    }
    (1..n.len()).any(|i| n[..i] == e[..i] && n[i..] == e[i + gap..])
}

/// A character a name before a year is made of: Han, or a bracket.
fn in_name(c: char) -> bool {
    matches!(c, '（' | '）' | '(' | ')') || is_han(c)
}

/// Where a year "19xx年" / "20xx年" starting at byte `at` ends.
fn year_end(text: &str, at: usize) -> Option<usize> {
    let b = text.as_bytes().get(at..at + 4)?;
    let century = b.starts_with(b"19") || b.starts_with(b"20");
    // Four ASCII digits: `at + 4` is a character boundary.
    (century && b[2..].iter().all(u8::is_ascii_digit) && text[at + 4..].starts_with('年'))
        .then(|| at + 4 + '年'.len_utf8())
}

/// Names printed right before a year, left to right: runs of 4 to 40 Han
/// characters and brackets ending where "19xx年" or "20xx年" begins (the last
/// 40 of a longer run), with where the year ends. The matches of
/// `([\p{Han}（）()]{4,40})(?:19|20)\d{2}年`, read by hand: the pattern
/// scanned every passage of every document.
fn names_before_years(text: &str) -> Vec<(std::ops::Range<usize>, usize)> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(start) = text[at..].find(in_name).map(|i| at + i) {
        let end = text[start..]
            .find(|c| !in_name(c))
            .map_or(text.len(), |i| start + i);
        at = end;
        let Some(year) = year_end(text, end) else {
            continue;
        };
        // The leftmost start the run allows: at most 40 characters before the year.
        let first = text[start..end]
            .char_indices()
            .rev()
            .nth(39)
            .map_or(start, |(i, _)| start + i);
        if text[first..end].chars().count() >= 4 {
            found.push((first..end, year));
            at = year;
        }
    }
    found
}

fn entity(ctx: &Context, out: &mut Vec<Check>) {
    const RULE: Rule = Rule::EntityConsistency;
    let Some(entity) = ctx.doc.document.entity.as_deref().map(normalized) else {
        out.push(Check::skipped(RULE, "the cover names no entity"));
        return;
    };
    let before = out.len();
    let mut agreeing = 0;
    for t in &ctx.grids {
        let Some(e) = t.entity.as_deref() else {
            continue;
        };
        match near_miss(e, &entity) {
            Some(name) if normalized(e) == name => out.push(
                Check::verdict(
                    RULE,
                    false,
                    format!("{} says 编制单位 {e}, the cover {entity}", label(t)),
                )
                .on_table(t),
            ),
            _ => agreeing += 1,
        }
    }
    for p in ctx.passages.iter() {
        for (run, end) in names_before_years(&p.text) {
            let name = &p.text[run.clone()];
            match near_miss(name, &entity) {
                Some(name) => out.push(
                    Check::verdict(
                        RULE,
                        false,
                        format!(
                            "{} names the document {name}, the cover {entity}",
                            p.quote(run.start, end)
                        ),
                    )
                    .on_pages(p.pages),
                ),
                None if normalized(name).contains(&entity) => agreeing += 1,
                None => {}
            }
        }
    }
    if out.len() == before {
        out.push(Check::verdict(
            RULE,
            true,
            format!("{agreeing} tables and passages name {entity}"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_misses_and_abbreviations() {
        let e = "上海市普陀区规划和自然资源局";
        assert_eq!(
            near_miss("上海市规划和自然资源局", e).as_deref(),
            Some("上海市规划和自然资源局")
        );
        assert_eq!(
            near_miss("上海市普陀区规划与自然资源局", e).as_deref(),
            Some("上海市普陀区规划与自然资源局")
        );
        assert_eq!(near_miss("纳入上海市普陀区规划和自然资源局", e), None);
        assert_eq!(near_miss("普陀区规划和自然资源局", e), None);
        assert_eq!(near_miss("上海市财政局", e), None);
        assert_eq!(
            near_miss("上海市普陀区委社会工作部", "中共上海市普陀区委社会工作部"),
            None
        );
        assert_eq!(
            near_miss("陕西省卫生健康委员会", "西安市卫生健康委员会"),
            None
        );
        assert_eq!(near_miss("深圳市民政局(本级)", "深圳市民政局"), None);
        // Leaving out the district is a near miss only where the name stands alone.
        assert_eq!(
            near_miss("上海市示例局", "上海市普陀区示例局").as_deref(),
            Some("上海市示例局")
        );
        assert_eq!(near_miss("按照上海市财政局", "上海市普陀区财政局"), None);
    }

    /// Strings of up to eight pieces (runs longer than 40 characters among
    /// them) give the names and year ends the pattern's matches give.
    #[test]
    fn names_before_years_are_the_patterns_matches() {
        let re = Regex::new(r"([\p{Han}（）()]{4,40})(?:19|20)\d{2}年").unwrap();
        let pieces = [
            "上海",
            "市",
            "局",
            "（",
            "）",
            "(",
            ")",
            "2023",
            "2024",
            "1999",
            "19",
            "20",
            "1",
            "年",
            "x",
            "，",
            " ",
            "部门决算",
            "上海市普陀区规划和自然资源局",
            "〇",
            "ア",
        ];
        let long = "一二三四五六七八九十".repeat(3);
        let texts = fiscal_recognize::pattern::sample_texts(&pieces, 8, 60_000);
        for (n, mut text) in texts.into_iter().enumerate() {
            if n % 3 == 0 {
                // Runs around the 40-character bound.
                text.insert_str(0, &long[..n % 31 * 3]);
            }
            let expected: Vec<_> = re
                .captures_iter(&text)
                .map(|c| (c.get(1).unwrap().range(), c.get(0).unwrap().end()))
                .collect();
            assert_eq!(names_before_years(&text), expected, "{text:?}");
        }
    }
}

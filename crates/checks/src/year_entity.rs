//! What the document says it is, said the same everywhere: the year
//! (`year_consistency`: part and section headings and table titles naming
//! another year, dates that contradict it, "E 2023年度部门决算" in a 2024
//! document) and the entity (`entity_consistency`: a table's 编制单位 or a
//! name the text gives itself before the year that is almost, but not, the
//! cover's — "上海市规划和自然资源局2024年度部门决算表" under the cover of
//! 上海市普陀区规划和自然资源局).
use std::sync::OnceLock;

use regex::Regex;

use fiscal_recognize::DocumentKind;

use crate::check::{label, Check};
use crate::context::Context;
use crate::passages::quote;

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
    const RULE: &str = "year_consistency";
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
        for c in date_re.captures_iter(&p.text) {
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
            if let Some(c) = own_re.captures(sentence) {
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

fn entity(ctx: &Context, out: &mut Vec<Check>) {
    const RULE: &str = "entity_consistency";
    let Some(entity) = ctx.doc.document.entity.as_deref().map(normalized) else {
        out.push(Check::skipped(RULE, "the cover names no entity"));
        return;
    };
    static BEFORE_YEAR: OnceLock<Regex> = OnceLock::new();
    let before_year = re(&BEFORE_YEAR, r"([\p{Han}（）()]{4,40})(?:19|20)\d{2}年");
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
        for c in before_year.captures_iter(&p.text) {
            let run = c.get(1).expect("group");
            match near_miss(run.as_str(), &entity) {
                Some(name) => out.push(
                    Check::verdict(
                        RULE,
                        false,
                        format!(
                            "{} names the document {name}, the cover {entity}",
                            p.quote(run.start(), c.get(0).expect("match").end())
                        ),
                    )
                    .on_pages(p.pages),
                ),
                None if normalized(run.as_str()).contains(&entity) => agreeing += 1,
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
}

//! Template text left in a published document (`placeholder_text`): the
//! placeholders of a template (XX, ××, ＸＸ, 某某) and its instructions to the
//! author ("（如持平作持平表述）", "增加（减少）", "仍保留该表格式").
use crate::check::{label, Check};
use crate::context::Context;
use crate::passages::quote;
use crate::rule::Rule;

const RULE: Rule = Rule::PlaceholderText;

/// Instructions and either-or wordings of the templates.
const INSTRUCTIONS: &[&str] = &[
    "如持平作持平表述",
    "不涉及的不列",
    "作下述说明",
    "按上述格式",
    "仍保留该表格式",
    "增加（减少）",
    "减少（增加）",
    "增长（下降）",
    "下降（增长）",
    "大于（小于）",
    "小于（大于）",
];

/// A template's placeholder marks: XX (in any width or case), ××.
fn is_mark(c: char) -> bool {
    matches!(c, 'X' | 'Ｘ' | '×' | 'x' | 'ｘ')
}

/// Placeholders left to right, none overlapping: runs of two or more marks,
/// and 某某 (the matches of `[XＸ×xｘ]{2,}|某某`, read by hand: every text of
/// every document is searched).
fn placeholders(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(c) = text[at..].chars().next() {
        let rest = &text[at..];
        let run = rest.find(|c| !is_mark(c)).unwrap_or(rest.len());
        let marks = rest[..run].chars().count();
        let end = if marks >= 2 {
            at + run
        } else if rest.starts_with("某某") {
            at + "某某".len()
        } else {
            at += c.len_utf8();
            continue;
        };
        found.push((at, end));
        at = end;
    }
    found
}

/// Whether `name` holds a template's placeholder ("上海市XX局"): the
/// document is the template, not a department's disclosure.
pub(crate) fn is_placeholder_name(name: &str) -> bool {
    !hits(name).is_empty()
}

/// The placeholders and instructions in `text`, quoted.
fn hits(text: &str) -> Vec<String> {
    let mut found: Vec<(usize, usize)> = placeholders(text)
        .into_iter()
        .filter(|&(start, end)| {
            // "XX" standing alone, not letters of a Latin word or code.
            let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
            !latin(text[..start].chars().next_back()) && !latin(text[end..].chars().next())
        })
        .collect();
    for w in INSTRUCTIONS {
        found.extend(text.match_indices(w).map(|(i, s)| (i, i + s.len())));
    }
    found.sort();
    found.into_iter().map(|(a, b)| quote(text, a, b)).collect()
}

/// How many quotations one check lists.
const LISTED: usize = 3;

fn report(hits: &[String]) -> String {
    let mut s = hits
        .iter()
        .take(LISTED)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if hits.len() > LISTED {
        s.push_str(&format!(" and {} more", hits.len() - LISTED));
    }
    s
}

pub fn run(ctx: &Context, out: &mut Vec<Check>) {
    let before = out.len();
    let meta = &ctx.doc.document;
    let mut cover = Vec::new();
    for text in [&meta.title, &meta.entity].into_iter().flatten() {
        cover.extend(hits(text));
    }
    if !cover.is_empty() {
        out.push(Check::verdict(
            RULE,
            false,
            format!("cover: {}", report(&cover)),
        ));
    }
    // The narrative by page (a template left unfilled would otherwise give a
    // failure per sentence).
    let mut by_page: Vec<(u32, Vec<String>)> = Vec::new();
    for p in &ctx.passages {
        let h = hits(&p.text);
        if h.is_empty() {
            continue;
        }
        let page = p.pages.first().copied().unwrap_or_default();
        match by_page.iter_mut().find(|(q, _)| *q == page) {
            Some((_, all)) => all.extend(h),
            None => by_page.push((page, h)),
        }
    }
    for (page, h) in by_page {
        let check = Check::verdict(RULE, false, report(&h));
        out.push(if page == 0 {
            check
        } else {
            check.on_pages(&[page])
        });
    }
    for t in &ctx.grids {
        let mut h = hits(&t.title);
        for text in t.notes.iter().chain(t.entity.iter()) {
            h.extend(hits(text));
        }
        if !h.is_empty() {
            out.push(
                Check::verdict(RULE, false, format!("{}: {}", label(t), report(&h))).on_table(t),
            );
        }
    }
    if out.len() == before {
        out.push(Check::verdict(
            RULE,
            true,
            format!(
                "no placeholder or template instruction in {} passages and {} tables",
                ctx.passages.len(),
                ctx.grids.len()
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_and_instructions_but_not_latin_words() {
        assert_eq!(hits("上海市XX局").len(), 1);
        assert_eq!(hits("支出××万元").len(), 1);
        assert_eq!(hits("某某单位").len(), 1);
        assert_eq!(hits("增加（减少）XXX万元").len(), 2);
        assert!(hits("X射线设备、DSA、3.0T MRI、XXL").is_empty());
        assert!(hits("本年度无数据").is_empty());
    }

    /// Strings of up to eight pieces give the placeholders the pattern finds.
    #[test]
    fn placeholders_are_the_patterns_matches() {
        let re = fiscal_recognize::pattern::Regex::new(r"[XＸ×xｘ]{2,}|某某").unwrap();
        let pieces = [
            "X", "Ｘ", "×", "x", "ｘ", "某", "某某", "a", "局", " ", "XX",
        ];
        for text in fiscal_recognize::pattern::sample_texts(&pieces, 8, 50_000) {
            let expected: Vec<_> = re.find_iter(&text).map(|m| (m.start(), m.end())).collect();
            assert_eq!(placeholders(&text), expected, "{text:?}");
        }
    }
}

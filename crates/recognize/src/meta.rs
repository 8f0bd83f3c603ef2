//! Document metadata: entity, year, kind (决算/预算) and title, from the cover,
//! the part headings and the tables' unit lines.
use std::sync::OnceLock;

use fiscal_layout::blocks::{Block, PageBlocks};
use regex::Regex;

use crate::model::{AnyTable, DocumentKind, DocumentMeta, MoneyUnit};
use crate::text::compact;

fn year_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"((?:19|20)\d{2})\s*年度?").unwrap())
}

/// The most common value, first seen winning ties.
fn most_common<'a>(items: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for i in items {
        match counts.iter_mut().find(|(k, _)| *k == i) {
            Some(c) => c.1 += 1,
            None => counts.push((i, 1)),
        }
    }
    counts
        .into_iter()
        .rev()
        .max_by_key(|c| c.1)
        .map(|c| c.0.to_string())
}

/// The cover's title: the first page's lines in its largest type, joined
/// ("上海市普陀区规划和自然" / "资源局" / "2024年度部门决算").
fn cover_title(pages: &[PageBlocks]) -> Option<String> {
    let first = pages
        .iter()
        .find(|p| p.blocks.iter().any(|b| matches!(b, Block::Line(_))))?;
    let lines: Vec<&fiscal_layout::lines::TextLine> = first
        .blocks
        .iter()
        .filter_map(|b| {
            if let Block::Line(l) = b {
                Some(l)
            } else {
                None
            }
        })
        .collect();
    let max = lines.iter().map(|l| l.size()).fold(0.0, f32::max);
    let title: String = lines
        .iter()
        .filter(|l| l.size() >= 0.9 * max)
        .map(|l| compact(&l.text()))
        .collect();
    (!title.is_empty()).then_some(title)
}

pub fn document_meta(
    pages: &[PageBlocks],
    tables: &[AnyTable],
    pdf_title: Option<&str>,
) -> DocumentMeta {
    let tables: Vec<_> = tables.iter().filter_map(AnyTable::as_grid).collect();
    let cover_title = cover_title(pages);
    // The lines of the first two pages (the cover) name the document.
    let cover: Vec<String> = pages
        .iter()
        .take(2)
        .flat_map(|p| p.blocks.iter())
        .filter_map(|b| {
            if let Block::Line(l) = b {
                Some(compact(&l.text()))
            } else {
                None
            }
        })
        .collect();
    let cover_text = cover.join("");
    // "上海市普陀区规划和自然资源局2024年度部门决算": the name before the year.
    let name_before_year = |l: &str| -> Option<String> {
        let m = year_re().find(l)?;
        let head = l[..m.start()].trim_end_matches(['（', '(']);
        (head.chars().count() >= 4
            && (l.contains("决算") || l.contains("预算"))
            && crate::numbering::numbering_level(head).is_none())
        .then(|| head.to_string())
    };
    let entity = most_common(tables.iter().filter_map(|t| t.entity.as_deref()))
        .or_else(|| cover_title.as_deref().and_then(name_before_year))
        .or_else(|| cover.iter().find_map(|l| name_before_year(l)));
    let all_text: String = pages
        .iter()
        .take(6)
        .flat_map(|p| p.blocks.iter())
        .map(|b| match b {
            Block::Line(l) => compact(&l.text()),
            Block::Grid(g) => g.cells.iter().map(|c| compact(&c.text)).collect(),
        })
        .collect();
    let year = year_re()
        .captures(&cover_text)
        .or_else(|| year_re().captures(&all_text))
        .and_then(|c| c[1].parse().ok());
    let kind_source = format!(
        "{}{cover_text}{}",
        cover_title.as_deref().unwrap_or(""),
        pdf_title.unwrap_or("")
    );
    // The first of 决算 / 预算 named wins: a budget's narrative may cite last year's 决算.
    let first_of = |s: &str, a: &str| s.find(a).unwrap_or(usize::MAX);
    let (f, b) = (
        first_of(&kind_source, "决算"),
        first_of(&kind_source, "预算"),
    );
    let kind = if f < b {
        Some(DocumentKind::FinalAccounts)
    } else if b < f {
        Some(DocumentKind::Budget)
    } else if tables.iter().any(|t| t.title.contains("决算")) {
        Some(DocumentKind::FinalAccounts)
    } else if tables.iter().any(|t| t.title.contains("预算")) {
        Some(DocumentKind::Budget)
    } else {
        None
    };
    let title = cover_title
        .filter(|t| t.contains("决算") || t.contains("预算"))
        .or_else(|| {
            cover
                .iter()
                .find(|l| l.contains("决算") || l.contains("预算"))
                .cloned()
        })
        .or_else(|| pdf_title.map(str::to_string));
    let money_unit = most_common(
        tables
            .iter()
            .filter_map(|t| t.money_unit.map(MoneyUnit::as_str)),
    )
    .and_then(|u| MoneyUnit::parse(&u));
    DocumentMeta {
        entity,
        year,
        kind,
        title,
        money_unit,
    }
}

//! Document metadata: entity, year, kind (决算/预算) and title, from the cover,
//! the part headings and the tables' unit lines.
use std::sync::OnceLock;

use fiscal_layout::blocks::{Block, PageBlocks};
use regex::Regex;

use crate::model::{DocumentMeta, Table};
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
    counts.into_iter().rev().max_by_key(|c| c.1).map(|c| c.0.to_string())
}

pub fn document_meta(pages: &[PageBlocks], tables: &[Table], pdf_title: Option<&str>) -> DocumentMeta {
    // The first page's lines (the cover) name the document.
    let cover: Vec<String> = pages
        .iter()
        .take(2)
        .flat_map(|p| p.blocks.iter())
        .filter_map(|b| if let Block::Line(l) = b { Some(compact(&l.text())) } else { None })
        .collect();
    let cover_text = cover.join("");
    let entity = most_common(tables.iter().filter_map(|t| t.entity.as_deref())).or_else(|| {
        cover.iter().find_map(|l| {
            let end = l.find(|c| c == '2' || c == '1').unwrap_or(l.len());
            let head = &l[..end];
            (head.chars().count() >= 4 && (l.contains("决算") || l.contains("预算"))).then(|| head.to_string())
        })
    });
    let all_text: String = pages
        .iter()
        .take(6)
        .flat_map(|p| p.blocks.iter())
        .filter_map(|b| if let Block::Line(l) = b { Some(compact(&l.text())) } else { None })
        .collect();
    let year = year_re()
        .captures(&cover_text)
        .or_else(|| year_re().captures(&all_text))
        .and_then(|c| c[1].parse().ok());
    let kind_source = format!("{cover_text}{}", pdf_title.unwrap_or(""));
    let kind = if kind_source.contains("决算") {
        Some("final_accounts")
    } else if kind_source.contains("预算") {
        Some("budget")
    } else if tables.iter().any(|t| t.title.contains("决算")) {
        Some("final_accounts")
    } else if tables.iter().any(|t| t.title.contains("预算")) {
        Some("budget")
    } else {
        None
    };
    let title = cover
        .iter()
        .find(|l| l.contains("决算") || l.contains("预算"))
        .cloned()
        .or_else(|| pdf_title.map(str::to_string));
    let money_unit = most_common(tables.iter().filter_map(|t| t.money_unit.as_deref()));
    DocumentMeta { entity, year, kind: kind.map(str::to_string), title, money_unit }
}

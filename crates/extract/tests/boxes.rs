//! Honest boxes: on pages cut from real documents, the words poppler's
//! `pdftotext -bbox-layout` finds inside each figure's box read as the
//! figure's amount. A second reader, not ours, says what is printed there.
//!
//! Needs pdftotext (poppler-utils; `.ci/setup` installs it).
mod common;

use std::process::Command;
use std::str::FromStr;

use common::testdata;
use fiscal_extract::{figures, Decimal, PageBox};

/// Pages cut from published documents (ruled and unruled tables, several
/// producers), each with the figures it prints.
const REAL_PAGES: [&str; 13] = [
    "budget-jiangsu-pairs-procurement.pdf",
    "budget-jiangsu-title-remark.pdf",
    "budget-shanghai-table-set.pdf",
    "budget-shenzhen-summary-over-pages.pdf",
    "budget-xian-economic-units.pdf",
    "fuzhou-headings-captions.pdf",
    "guangzhou-number-line.pdf",
    "hangzhou-title-list.pdf",
    "huzhou-title-unit-repeated.pdf",
    "real-narrative-errors.pdf",
    "suwell-title-repeated.pdf",
    "word-real-blank-zeros.pdf",
    "xian-label-runs-into-amount.pdf",
];

/// A word as pdftotext places it: x0, top, x1, bottom and its text.
struct Word {
    x0: f32,
    top: f32,
    x1: f32,
    bottom: f32,
    text: String,
}

/// The words of every page, from `pdftotext -bbox-layout` (XHTML).
fn words(pdf: &std::path::Path) -> Vec<Vec<Word>> {
    let run = Command::new("pdftotext")
        .arg("-bbox-layout")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed: run .ci/setup");
    assert!(
        run.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    let xml = String::from_utf8_lossy(&run.stdout);
    let mut pages: Vec<Vec<Word>> = Vec::new();
    for piece in xml.split('<').skip(1) {
        if piece.starts_with("page ") {
            pages.push(Vec::new());
        } else if let Some(word) = piece.strip_prefix("word ") {
            let (attrs, text) = word.split_once('>').expect("a word element");
            let attr = |name: &str| -> f32 {
                let at = attrs.find(&format!("{name}=\"")).expect(name) + name.len() + 2;
                let end = attrs[at..].find('"').expect("closing quote");
                attrs[at..at + end].parse().expect("a number")
            };
            pages.last_mut().expect("a page").push(Word {
                x0: attr("xMin"),
                top: attr("yMin"),
                x1: attr("xMax"),
                bottom: attr("yMax"),
                text: unescape(text),
            });
        }
    }
    pages
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Slack for the two readers' idea of a glyph's height (points).
const SLACK: f32 = 1.0;

/// The words whose centre lies inside `b`, in reading order, joined.
fn held(words: &[Word], b: &PageBox) -> String {
    let mut inside: Vec<&Word> = words
        .iter()
        .filter(|w| {
            let (cx, cy) = ((w.x0 + w.x1) / 2.0, (w.top + w.bottom) / 2.0);
            b.x0 - SLACK <= cx
                && cx <= b.x1 + SLACK
                && b.top - SLACK <= cy
                && cy <= b.bottom + SLACK
        })
        .collect();
    inside.sort_by(|a, b| a.top.total_cmp(&b.top).then(a.x0.total_cmp(&b.x0)));
    inside.iter().map(|w| w.text.as_str()).collect()
}

/// A printed amount: thousands separators and spaces dropped.
fn amount(text: &str) -> Option<Decimal> {
    let t: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ',' && *c != '，')
        .collect();
    Decimal::from_str(&t).ok()
}

/// Where a label's text runs on into the amount without a gap, pdftotext
/// makes one word of both ("15、资源勘探工业信息等支出0.00"): the figure is
/// the end of a word that starts left of the box and ends at its right edge.
fn ends_word_at_box(words: &[Word], b: &PageBox, value: Decimal) -> bool {
    words.iter().any(|w| {
        let cy = (w.top + w.bottom) / 2.0;
        let on_line = b.top - SLACK <= cy && cy <= b.bottom + SLACK;
        let tail: String = w
            .text
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-'))
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        on_line
            && w.x0 < b.x0 - SLACK
            && (w.x1 - b.x1).abs() <= SLACK
            && amount(&tail) == Some(value)
    })
}

#[test]
fn every_figure_box_holds_its_printed_amount() {
    let mut total = 0;
    for name in REAL_PAGES {
        let path = testdata(name);
        let out = fiscal_extract::extract_file(&path).unwrap_or_else(|e| panic!("{e}"));
        let pages = words(&path);
        let mut checked = 0;
        for f in figures(&out) {
            let b = f.bbox().unwrap_or_else(|| {
                panic!("{name}: {:?} [{}] has no box", f.row.name, f.column.key)
            });
            let on_page = &pages[b.page as usize - 1];
            let text = held(on_page, b);
            assert!(
                amount(&text) == Some(*f.value) || ends_word_at_box(on_page, b, *f.value),
                "{name} p.{} {:?} {:?} [{}] = {}: the box ({}, {}, {}, {}) holds {text:?}",
                b.page,
                f.row.code,
                f.row.name,
                f.column.key,
                f.value,
                b.x0,
                b.top,
                b.x1,
                b.bottom
            );
            checked += 1;
        }
        assert!(checked > 0, "{name} prints figures");
        total += checked;
    }
    assert!(total > 600, "{total} figures checked");
}

#[test]
fn the_box_of_another_figure_does_not_pass() {
    // The test can fail: each figure checked against the box of the next
    // figure printing another amount is found wanting.
    let path = testdata("budget-shanghai-table-set.pdf");
    let out = fiscal_extract::extract_file(&path).unwrap();
    let pages = words(&path);
    let all: Vec<_> = figures(&out).collect();
    let mut compared = 0;
    for (i, f) in all.iter().enumerate() {
        let Some(other) = all[i + 1..].iter().find(|o| o.value != f.value) else {
            continue;
        };
        let b = other.bbox().unwrap();
        let text = held(&pages[b.page as usize - 1], b);
        assert_ne!(amount(&text), Some(*f.value), "{text:?}");
        compared += 1;
    }
    assert!(compared > 100, "{compared}");
}

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

/// Real form pages (决算 self-evaluation, 预算 target forms and lists).
const FORM_PAGES: [&str; 6] = [
    "forms-petition.pdf",
    "forms-xian-justice.pdf",
    "forms-fuzhou-civil.pdf",
    "forms-yantai-housing.pdf",
    "forms-guangzhou-list.pdf",
    "forms-changsha-list.pdf",
];

/// Text without spaces, as the two readers may space it differently.
fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether two texts are the same characters: a box over cells whose texts
/// wrap is read line by line by pdftotext, cell by cell by the form reader.
fn same_text(a: &str, b: &str) -> bool {
    let sorted = |t: &str| {
        let mut c: Vec<char> = t.chars().filter(|c| !c.is_whitespace()).collect();
        c.sort_unstable();
        c
    };
    sorted(a) == sorted(b)
}

/// Every text field of `form` (its JSON) with its pointer, a list's
/// projects left to their own forms.
fn text_fields(value: &serde_json::Value, pointer: String, out: &mut Vec<(String, String)>) {
    const NOT_FIELDS: [&str; 8] = [
        "kind",
        "title",
        "pages",
        "money_unit",
        "number",
        "bboxes",
        "field_bboxes",
        "columns",
    ];
    match value {
        serde_json::Value::String(s) if !compact(s).is_empty() => out.push((pointer, s.clone())),
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                text_fields(v, format!("{pointer}/{i}"), out);
            }
        }
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let own_form = !(pointer.is_empty() && k == "forms");
                if own_form && !NOT_FIELDS.contains(&k.as_str()) {
                    let key = k.replace('~', "~0").replace('/', "~1");
                    text_fields(v, format!("{pointer}/{key}"), out);
                }
            }
        }
        _ => {}
    }
}

#[test]
fn form_field_boxes_hold_their_text() {
    let (mut fields, mut boxed, mut wrong) = (0, 0, 0);
    for name in FORM_PAGES {
        let path = testdata(name);
        let out = fiscal_extract::extract_file(&path).unwrap_or_else(|e| panic!("{e}"));
        let pages = words(&path);
        let mut forms = Vec::new();
        for t in &out.tables {
            let json = serde_json::to_value(t).unwrap();
            if let Some(list) = json.get("forms").and_then(|f| f.as_array()) {
                forms.extend(list.iter().cloned());
            }
            if t.as_grid().is_none() {
                forms.push(json);
            }
        }
        assert!(!forms.is_empty(), "{name} prints forms");
        for form in forms {
            let mut texts = Vec::new();
            text_fields(&form, String::new(), &mut texts);
            let boxes: std::collections::BTreeMap<String, PageBox> =
                serde_json::from_value(form["field_bboxes"].clone()).unwrap_or_default();
            // 广州's list prints each project's indicators as one text
            // ("1.1－产出指标，11－数量指标，…") that the reader splits; the
            // parts have no box of their own (only per-cell and per-line ink
            // is kept), and a part is never given its whole text's box. Until
            // the reader keeps glyph runs, they are left out of the count.
            if name == "forms-guangzhou-list.pdf" {
                let split = |p: &String| p.contains("/indicators/");
                assert!(
                    !boxes.keys().any(split),
                    "{name}: split indicators got a box"
                );
                texts.retain(|(p, _)| !split(p));
            }
            fields += texts.len();
            for (pointer, b) in &boxes {
                let text = form.pointer(pointer).and_then(|v| v.as_str());
                let text = text.unwrap_or_else(|| panic!("{name}: {pointer} names no text"));
                let held = held(&pages[b.page as usize - 1], b);
                assert!(
                    same_text(&held, text),
                    "{name} p.{} {pointer} = {text:?}: the box ({}, {}, {}, {}) holds {held:?}",
                    b.page,
                    b.x0,
                    b.top,
                    b.x1,
                    b.bottom
                );
                boxed += 1;
            }
            // The test can fail: a field's text is not what the box of
            // another field printing another text holds.
            let placed: Vec<(&String, &PageBox)> = boxes.iter().collect();
            for pair in placed.windows(2) {
                let (this, (_, other)) = (form.pointer(pair[0].0), pair[1]);
                let this = this.and_then(|v| v.as_str()).unwrap_or_default();
                let held = held(&pages[other.page as usize - 1], other);
                if form.pointer(pair[1].0).and_then(|v| v.as_str()) != Some(this) {
                    assert!(!same_text(&held, this) || held.is_empty() && this.is_empty());
                    wrong += 1;
                }
            }
        }
    }
    assert!(wrong > 500, "{wrong} fields against another's box");
    println!("form fields {fields}, boxed {boxed}");
    assert!(
        boxed * 100 >= fields * 90,
        "{boxed} of {fields} fields boxed"
    );
}

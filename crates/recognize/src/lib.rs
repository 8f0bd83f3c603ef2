//! Recognition stage: the layout stage's blocks → a document model of tables
//! (identified by title, header tree mapped to column keys, rows classified by
//! subject code) and a narrative outline.
//!
//! # Vocabulary (used the same way everywhere in this project)
//! - 功能分类 = **functional** classification: what money is spent on; codes of
//!   3 digits (类, level 1, e.g. 201), 5 digits (款, level 2, 20131) and 7 digits
//!   (项, level 3, 2013199). The parent of a code is the code with its last two
//!   digits removed.
//! - 经济分类 = **economic** classification: what kind of spending; 3 digits
//!   (类, level 1, e.g. 301) and 5 digits (款, level 2, 30101), some places a
//!   7-digit sub-item (3010201). Two systems: 部门预算支出经济分类 (3xx,
//!   `department`) and 政府预算支出经济分类 (5xx, `government`); budgets print
//!   either or both side by side.
//! - 决算 = final accounts (`final_accounts`), 预算 = budget (`budget`).
//! - 行次 = printed line number of a row; 栏次 = printed column number row.
//!
//! Modules: [`amount`] parses figures, [`code`] maps subject codes,
//! `title` reads table titles (what reads as one, wrapped, repeated, the
//! lines between title and grid) and names tables by them, [`header`] turns
//! header rows into columns (the roles and keys of header words in
//! `header_words`),
//! `rows` turns body rows into classified rows, `contents` reads the 目录,
//! [`assemble`] follows tables over pages (continuation, repeated titles and
//! headers, cut rows), [`forms`] reads the form-like 绩效 tables,
//! [`numbering`] reads outline numbering (第X部分, 一、, （一）, 1., （1）),
//! `narrative` builds the outline, `meta` finds entity (read as printed by
//! `entity`), year, kind (or what else the document is), variant
//! (部门/单位/部门综合) and scope (汇总/本级). Every tolerance these use is a
//! field of [`RecognizeSettings`] (the forms' in its [`forms::FormSettings`]).
//! [`pattern`] compiles the regular expressions of this stage and the checks.

pub mod amount;
pub mod assemble;
pub mod code;
pub mod columns;
pub mod contents;
mod entity;
pub mod forms;
pub mod header;
mod header_words;
mod meta;
mod model;
mod narrative;
pub mod numbering;
pub mod pattern;
pub mod place;
mod rows;
pub mod settings;
mod stitch;
mod table_kind;
pub mod text;
mod title;
mod unit;
pub mod vocabulary;

pub use model::*;
pub use settings::RecognizeSettings;

use fiscal_layout::blocks::{page_blocks, remove_running_lines, PageBlocks};
use fiscal_layout::LayoutSettings;
use fiscal_reader::Document;

/// Runs recognition over a document the reader has read.
pub fn recognize(doc: &Document) -> Recognized {
    let pages = doc.pages.iter().map(page_blocks).collect();
    recognize_blocks(pages, doc.title.as_deref(), doc.warnings.clone())
}

/// Runs recognition over pages already reduced to blocks: a caller reading a
/// document page by page ([`fiscal_reader::open_document`]) builds each
/// page's blocks and drops its glyphs before reading the next, so memory
/// holds blocks, never every page's glyphs. `title` is the document
/// information's; `warnings` are the reader's.
pub fn recognize_blocks(
    pages: Vec<PageBlocks>,
    title: Option<&str>,
    warnings: Vec<String>,
) -> Recognized {
    let (layout, settings) = (LayoutSettings::default(), RecognizeSettings::default());
    recognize_blocks_with(pages, title, warnings, &layout, &settings)
}

/// [`recognize_blocks`] with the given settings: `layout`'s for the running
/// headers and footers removed across pages first, `settings` for the rest.
pub fn recognize_blocks_with(
    mut pages: Vec<PageBlocks>,
    title: Option<&str>,
    mut warnings: Vec<String>,
    layout: &LayoutSettings,
    settings: &RecognizeSettings,
) -> Recognized {
    remove_running_lines(&mut pages, layout);
    let assembled = assemble::assemble(&pages, settings);
    let outline = narrative::outline(&assembled.narrative, settings);
    let document = meta::document_meta(&pages, &assembled.tables, title, settings);
    let mut tables = assembled.tables;
    warnings.extend(assembled.warnings);
    columns::name_columns(&mut tables, &document, &mut warnings);
    warnings.extend(outline.warnings);
    Recognized {
        document,
        contents: assembled.contents,
        tables,
        sections: outline.sections,
        warnings,
    }
}

/// Every decision of table assembly over pages of blocks, in page order:
/// running lines dropped, tables started, continued, closed, repeated titles
/// absorbed (what `extract --debug-layout` shows beside each page).
pub fn assembly_trace(mut pages: Vec<PageBlocks>) -> Vec<assemble::trace::Step> {
    use assemble::trace::{Decision, Step, Trace};
    let settings = RecognizeSettings::default();
    let mut steps: Vec<Step> = remove_running_lines(&mut pages, &LayoutSettings::default())
        .into_iter()
        .map(|(page, text)| Step {
            page,
            decision: Decision::DropsRunningLine { text },
        })
        .collect();
    steps.extend(assemble::assemble_traced(&pages, Trace::kept(), &settings).1);
    // Stable: each page's decisions stay in the order they were taken.
    steps.sort_by_key(|s| s.page);
    steps
}

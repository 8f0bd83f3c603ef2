//! The tuning factors of the recognition stage, named in one place (as the
//! layout stage's `LayoutSettings`): how a title's lines are told, where a
//! form ends, which column a cell is in, what reads as a heading, and the
//! forms' own settings ([`FormSettings`]). Distances are in units of the text
//! they are measured against: a font size (em), a line pitch (the step from
//! one line to the next), or a page's width.
//!
//! "Does this text belong to this column" is asked here of a grid cell and a
//! column of the table model (`cell_in_column`, 0.4): a cell's box is its
//! ruled box or, in an aligned grid, its text's extent, and a body cell set
//! flush right in a wide column covers less of it than its text of its own
//! column — hence less than the layout's 0.5 for a chunk in a column its own
//! figures make, and more than its 0.3 for a centred header word over its
//! columns (`fiscal_layout::LayoutSettings`).
use crate::forms::FormSettings;

/// How recognition reads titles, forms, rows, the outline and the cover.
#[derive(Debug, Clone, PartialEq)]
pub struct RecognizeSettings {
    // ---- titles (`title`) ----
    /// Longest text (characters) of a short line between a title and its
    /// grid (unit line, table number, form code).
    pub title_companion_chars: usize,
    /// Longest second line of a wrapped title (characters); it is shorter
    /// than the first, too.
    pub title_tail_chars: usize,
    /// Lines that may stand between a title and its grid.
    pub title_companion_lines: usize,
    /// The second line of a wrapped title starts less than this × the title's
    /// size below the first …
    pub title_tail_gap: f32,
    /// … is centred within this × the size of the first …
    pub title_tail_centre: f32,
    /// … and is set in the same size, within this share.
    pub title_tail_size: f32,

    // ---- forms in the page sequence (`assemble`) ----
    /// A single run of text starting this × its size left of a form's cells
    /// (and reaching into them) is the narrative again.
    pub form_margin: f32,
    /// A numbered line starting left of this share of the page width is an
    /// outline heading, which ends a form.
    pub form_heading_left: f32,
    /// A single run of text wider than this share of the page width is a
    /// paragraph line, which ends a form.
    pub form_paragraph_width: f32,

    // ---- charts among the narrative (`assemble`) ----
    /// A chart's value axis shows at least this many ticks.
    pub chart_axis_ticks: usize,
    /// A free line within this × its size above or below a chart's grid may
    /// be one of its labels …
    pub chart_label_margin: f32,
    /// … when it prints only figures, or words set apart none longer than
    /// this (characters).
    pub chart_label_chars: usize,

    // ---- rows (`rows`) ----
    /// A cell is in a model column when it covers this share of the narrower
    /// of the two (see the module docs).
    pub cell_in_column: f32,

    // ---- the narrative outline (`narrative`) ----
    /// Longest heading printed on one line (characters); a longer numbered
    /// line is the first line of a paragraph.
    pub max_heading_chars: usize,
    /// Longest heading wrapped over two lines (characters).
    pub max_wrapped_heading_chars: usize,
    /// Longest second line of a wrapped heading (characters).
    pub max_continuation_chars: usize,
    /// A line ending within this many font sizes of the right margin fills it.
    pub full_line_slack: f32,
    /// A heading's first line ending within this many font sizes of the right
    /// margin may have been wrapped there.
    pub wrap_slack: f32,
    /// Largest step (× the usual line pitch) from a heading's first line to its second.
    pub max_wrap_step: f32,
    /// Title type (a cover's) is at least this many times the body text's size.
    pub title_size: f32,
    /// Largest step (× its size) from one line of a title to the next.
    pub max_title_step: f32,
    /// Lines of one type differ in size by at most this share.
    pub same_size: f32,
    /// A line starting this × its size right of the left margin is indented
    /// (a paragraph's first line).
    pub indent: f32,
    /// A line is centred on its page when its centre is within this × its
    /// size of the page's.
    pub centred: f32,
    /// The line pitch (points) assumed when the text has no two lines on a page.
    pub default_pitch: f32,
    /// The next line of a paragraph is at most this × the usual pitch below.
    pub paragraph_step: f32,

    // ---- the cover (`meta`) ----
    /// The cover's title is its lines set at least this share of its largest size.
    pub cover_title_size: f32,
    /// A document's title is at most this long (characters); a longer line
    /// in the cover's type is a sentence.
    pub document_title_chars: usize,
    /// A name printed before the year in a cover line ("…局2024年度部门决算")
    /// is at least this long (characters).
    pub cover_name_chars: usize,
    /// The year is read from this many first pages when the cover names none.
    pub year_pages: usize,
    /// A department's or unit's name is this long (characters; "省委" to the
    /// longest real ones, 中共…委员会…办公室, under 30).
    pub entity_chars: std::ops::RangeInclusive<usize>,

    /// The form readers' settings.
    pub forms: FormSettings,
}

impl Default for RecognizeSettings {
    fn default() -> Self {
        RecognizeSettings {
            title_companion_chars: 12,
            title_tail_chars: 24,
            title_companion_lines: 3,
            title_tail_gap: 1.2,
            title_tail_centre: 4.0,
            title_tail_size: 0.15,

            form_margin: 0.8,
            form_heading_left: 0.2,
            form_paragraph_width: 0.7,

            chart_axis_ticks: 4,
            chart_label_margin: 2.0,
            chart_label_chars: 12,

            cell_in_column: 0.4,

            max_heading_chars: 48,
            max_wrapped_heading_chars: 64,
            max_continuation_chars: 24,
            full_line_slack: 1.5,
            wrap_slack: 3.0,
            max_wrap_step: 1.6,
            title_size: 1.3,
            max_title_step: 2.5,
            same_size: 0.1,
            indent: 1.2,
            centred: 2.0,
            default_pitch: 20.0,
            paragraph_step: 1.25,

            cover_title_size: 0.9,
            document_title_chars: 64,
            cover_name_chars: 4,
            year_pages: 6,
            entity_chars: 2..=40,

            forms: FormSettings::default(),
        }
    }
}

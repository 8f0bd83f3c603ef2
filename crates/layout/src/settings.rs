//! The tuning factors of the layout stage, named in one place (as the forms'
//! `FormSettings` in recognition, and pdfplumber's `TableSettings`). Distances
//! are in points, or in units of the text they are measured against: a font
//! size (em), a line height (top to bottom of a line or chunk), or a page's
//! height.
//!
//! Where two factors look alike and differ, the field says why:
//! - "does this text belong to this column" is asked three times, of three
//!   different things: a body chunk and the column its figures make
//!   (`span_share`, 0.5: a chunk is in a column when it covers half of the
//!   narrower of the two — body text is set inside its column); a header word
//!   and the columns it spans (`header_over`, 0.3: a centred header word may
//!   stick out over its columns' gutters, so less overlap must do); and, in
//!   recognition, a cell and a model column (`RecognizeSettings`, 0.4).
//! - page furniture is cut in two bands: a page number alone on its line
//!   anywhere in the outer 12 % / 15 % of the page (`page_number_head`,
//!   `page_number_foot`: its form, "- 3 -", "第3页", says what it is, so the
//!   band may be generous), and a running header or footer only in the outer
//!   8 % / 7 % (`running_head`, `running_foot`: any text repeated on many pages
//!   is cut there, and a wider band would take a table's repeated header or
//!   the first line of a page's text).

/// How glyphs become lines and chunks, how rulings become grids, how aligned
/// text becomes grids, and what page furniture is cut.
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutSettings {
    // ---- lines and chunks (`lines`) ----
    /// A glyph joins a line when its centre lies within this × its size (or
    /// the line's, the smaller) of the line's centre.
    pub line_band: f32,
    /// The line band is at least this (points), for tiny text.
    pub min_line_band: f32,
    /// A gap wider than this × the font size starts a new chunk (the runs of
    /// text a page's lines are read in: table cells, word groups).
    pub chunk_gap: f32,
    /// The narrower chunk gap of the same lines split finer: header words of
    /// neighbouring columns, and the cells of unruled forms, are set closer
    /// than body figures.
    pub header_gap: f32,
    /// The chunk gap inside one ruled cell: its text is one run however it is
    /// spaced.
    pub cell_chunk_gap: f32,
    /// A gap (× font size, beyond the line's letter spacing) between two Latin
    /// letters or digits that is a word space.
    pub word_gap: f32,
    /// A glyph repeating the last one within this × its size is overprinted
    /// (fake bold), not a second character.
    pub overprint: f32,

    // ---- ruled grids (`grid`) ----
    /// Rulings closer than this (points) are the same line.
    pub snap: f32,
    /// Rulings shorter than this (points) are ignored (tick marks, underline
    /// fragments).
    pub min_ruling: f32,
    /// Parallel rulings this close (points) are one ruling drawn twice.
    pub collinear: f32,
    /// Outer verticals running on this far (points) past the last (or first)
    /// horizontal rule close a row there: Chromium prints the last row at a
    /// page foot with no bottom rule, its verticals running on.
    pub run_on: f32,

    // ---- unruled grids (`align`) ----
    /// Lines of one table region are at most this many line heights apart.
    pub region_line_gap: f32,
    /// A text fragment right under a region's last figure line belongs to it
    /// when closer than this × the line height.
    pub trailing_fragment_gap: f32,
    /// A header line above a region is set at most this × the size of its
    /// figure lines (a larger one is the table's title).
    pub header_size: f32,
    /// The upper lines of the first row's wrapped cells sit within this × the
    /// line height of its figure line.
    pub first_row_reach: f32,
    /// Body chunks closer than this (points) make one column.
    pub column_join: f32,
    /// A chunk is in a column when it covers this share of the narrower of
    /// the two (see the module docs for the other "in a column" tests).
    pub span_share: f32,
    /// A column narrower than this (points) takes any chunk that touches it.
    pub min_column_width: f32,
    /// Header chunks stacked within this × their height are one header word
    /// wrapped (it adds no column).
    pub stacked_reach: f32,
    /// A label heads the words set this × its line height below its bottom (a
    /// row below it, not a label centred down beside them).
    pub label_row_gap: f32,
    /// A label centred over a gutter heads words on both sides within this ×
    /// its width (plus its height).
    pub label_reach: f32,
    /// A header word wraps onto the next line when the gap between them is
    /// less than this × its height.
    pub wrap_gap: f32,
    /// … and more than minus this × its height (lines may overlap a little).
    pub wrap_overlap: f32,
    /// … and their centres or left edges are within this × its height.
    pub wrap_align: f32,
    /// A header word spans a column when it covers this share of the narrower
    /// of the two (see the module docs).
    pub header_over: f32,
    /// A header word is above another when its bottom is at most this × its
    /// height below the other's top.
    pub above_slack: f32,
    /// The words under a header word are one level when their tops are within
    /// this × its height.
    pub level_slack: f32,
    /// Of the column runs a header word may span, those centred under it
    /// within this × its height of the best are as good.
    pub centre_slack: f32,

    // ---- page furniture (`blocks`) ----
    /// A page number is cut when it stands below this share of the page height …
    pub page_number_foot: f32,
    /// … or above this share (see the module docs for the running-line band).
    pub page_number_head: f32,
    /// A running header stands above this share of the page height …
    pub running_head: f32,
    /// … a running footer below this share.
    pub running_foot: f32,
    /// A running line is repeated on at least this many pages …
    pub running_min_pages: usize,
    /// … and on at least this share of the document's pages; but a line
    /// reading "…表" with a grid within this many blocks after it is a table's
    /// title printed on every page of its table, not a running header.
    pub running_page_share: f32,
    /// See `running_page_share`.
    pub title_to_grid_blocks: usize,
}

impl LayoutSettings {
    /// The settings tuned on the corpus; [`Default`] gives these.
    pub const DEFAULT: LayoutSettings = LayoutSettings {
        line_band: 0.4,
        min_line_band: 1.0,
        chunk_gap: 0.6,
        header_gap: 0.3,
        cell_chunk_gap: 1.5,
        word_gap: 0.2,
        overprint: 0.2,

        snap: 2.0,
        min_ruling: 3.0,
        collinear: 1.0,
        run_on: 4.0,

        region_line_gap: 2.5,
        trailing_fragment_gap: 0.6,
        header_size: 1.15,
        first_row_reach: 0.75,
        column_join: 1.0,
        span_share: 0.5,
        min_column_width: 1.0,
        stacked_reach: 2.0,
        label_row_gap: 0.5,
        label_reach: 2.0,
        wrap_gap: 0.6,
        wrap_overlap: 0.2,
        wrap_align: 0.5,
        header_over: 0.3,
        above_slack: 0.05,
        level_slack: 0.3,
        centre_slack: 0.5,

        page_number_foot: 0.85,
        page_number_head: 0.12,
        running_head: 0.08,
        running_foot: 0.93,
        running_min_pages: 3,
        running_page_share: 0.5,
        title_to_grid_blocks: 3,
    };
}

impl Default for LayoutSettings {
    fn default() -> Self {
        LayoutSettings::DEFAULT
    }
}

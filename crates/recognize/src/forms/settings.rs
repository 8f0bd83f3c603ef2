//! The tuning factors of the form readers, named in one place (as pdfplumber's
//! `TableSettings` names its tolerances). Distances are in points, or in units
//! of the text they are measured against: a line height (top to bottom of a
//! line), an em (a glyph's advance), or the line pitch (the step from one line
//! of a cell to the next, which documents set at 1 to 1.5 line heights).

/// How loose form text is grouped into lines, cells and rows.
#[derive(Debug, Clone, PartialEq)]
pub struct FormSettings {
    // ---- labels and header lines in loose text ----
    /// Longest piece (characters) that can be a label or a header word; a
    /// longer piece is a sentence in a cell that happens to mention one.
    pub label_max_chars: usize,
    /// Longest cell (characters) taken for the 年度绩效目标 header; a longer
    /// cell that mentions 目标 is goal text.
    pub goal_header_max_chars: usize,
    /// How far (line heights, centre to centre) the wrapped lines of a label's
    /// row reach from the label line: its value is centred on it over up to
    /// three lines.
    pub label_reach: f32,
    /// How far (line heights) the wrapped neighbours of a header line reach.
    pub header_reach: f32,
    /// How far (line heights) a line made only of header-word fragments
    /// reaches: a header word wraps over up to three lines around its line.
    pub header_fragment_reach: f32,
    /// Fewest characters a piece must have to be taken for a fragment of a
    /// header word.
    pub header_fragment_min_chars: usize,

    // ---- pieces on one line, stacked pieces ----
    /// Smallest em (points) the gap tests assume.
    pub min_em: f32,
    /// Pieces whose tops differ by less than this (ems) stand on one line.
    pub same_line: f32,
    /// Widest space (ems) between a figure and the text beside it that still
    /// makes one text ("2023 年": word processors space Latin text in Chinese).
    pub figure_space: f32,
    /// The em `figure_space` is measured in is at least this (points).
    pub figure_space_min_em: f32,
    /// Slack (points) for edges that touch: a piece may start this far left of
    /// its neighbour's end and still be beside it.
    pub edge_slack: f32,

    // ---- gutters between side-by-side cells read as one run ----
    /// Pieces whose right edges are this close (points) end at one gutter.
    pub gutter_edge_tolerance: f32,
    /// Widest gutter (points) between a column's end and the next one's start.
    pub gutter_max_width: f32,
    /// Fewest pieces that must end at a gutter, and begin after it.
    pub gutter_min_pieces: usize,
    /// Gutters closer than this (points) are one.
    pub gutter_min_distance: f32,
    /// Advance of a Latin letter or figure, in ems of a CJK glyph.
    pub narrow_glyph_advance: f32,
    /// Fewest characters each side of a gutter split (a real piece each side).
    pub gutter_split_min_chars: usize,

    // ---- cutting runs of loose lines into rows ----
    /// Line height (points) assumed when a run has no lines to measure.
    pub default_line_height: f32,
    /// The next line of a cell starts at least this far (line heights) below.
    pub next_line_min_step: f32,
    /// A step longer than this (line heights) is no line step inside a cell.
    pub max_line_step: f32,
    /// Line pitch (line heights) assumed when no step can be measured.
    pub default_pitch: f32,
    /// Which of the measured steps (0..1, smallest first) is the line pitch
    /// when rows are anchored on figures: most steps are line steps inside
    /// cells, the rest steps between rows.
    pub anchored_pitch_quantile: f32,
    /// The same when rows are told apart by line rhythm alone.
    pub rhythm_pitch_quantile: f32,
    /// Lines of one cell follow at up to this many pitches; a longer step
    /// starts the next cell or row.
    pub cell_line_step: f32,
    /// Lines of a merged label (one cell over several rows) follow at up to
    /// this many line heights.
    pub merged_label_line_step: f32,
    /// … and at up to this many line pitches of the cells around them.
    pub merged_label_pitch_step: f32,
    /// Text cut off by a page break starts within this many pitches of the
    /// head of the continuation page …
    pub carry_top_reach: f32,
    /// … and ends at least this many pitches above the first row's figures.
    pub carry_clearance: f32,
    /// A block of text spans a row's figures when they lie at least this many
    /// pitches inside its first and last lines.
    pub spanned_margin: f32,
    /// A block spanning this many rows' figures is one-line cells packed tight,
    /// each line going to its own row.
    pub packed_rows: usize,
    /// Half the height (line heights) a row of figures reaches around its
    /// figures' centre when nothing else is in it.
    pub anchor_half_extent: f32,
    /// At a continuation page's head a merged label starts at the first row
    /// reaching within this many line heights of it.
    pub continuation_label_reach: f32,
    /// A later first row must centre a continuation page's first label better
    /// by more than this (line heights) to be taken.
    pub centring_tie: f32,
}

impl Default for FormSettings {
    fn default() -> Self {
        FormSettings {
            label_max_chars: 12,
            goal_header_max_chars: 13,
            label_reach: 1.6,
            header_reach: 1.1,
            header_fragment_reach: 2.2,
            header_fragment_min_chars: 2,
            min_em: 4.0,
            same_line: 0.3,
            figure_space: 0.45,
            figure_space_min_em: 8.0,
            edge_slack: 1.0,
            gutter_edge_tolerance: 4.0,
            gutter_max_width: 12.0,
            gutter_min_pieces: 2,
            gutter_min_distance: 8.0,
            narrow_glyph_advance: 0.5,
            gutter_split_min_chars: 2,
            default_line_height: 10.0,
            next_line_min_step: 0.5,
            max_line_step: 2.5,
            default_pitch: 1.3,
            anchored_pitch_quantile: 0.25,
            rhythm_pitch_quantile: 0.5,
            cell_line_step: 1.12,
            merged_label_line_step: 2.4,
            merged_label_pitch_step: 1.5,
            carry_top_reach: 1.0,
            carry_clearance: 0.75,
            spanned_margin: 0.25,
            packed_rows: 2,
            anchor_half_extent: 0.5,
            continuation_label_reach: 1.0,
            centring_tie: 0.5,
        }
    }
}

impl FormSettings {
    /// The value at quantile `q` (0..1) of sorted `values`.
    pub(crate) fn quantile(values: &[f32], q: f32) -> Option<f32> {
        values.get((values.len() as f32 * q) as usize).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantile_picks_by_rank() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0];
        assert_eq!(FormSettings::quantile(&v, 0.25), Some(3.0));
        assert_eq!(FormSettings::quantile(&v, 0.5), Some(5.0));
        assert_eq!(FormSettings::quantile(&[], 0.5), None);
    }

    #[test]
    fn a_cell_line_step_is_shorter_than_a_row_step() {
        let s = FormSettings::default();
        assert!(s.cell_line_step < s.max_line_step);
        assert!(s.header_reach < s.label_reach && s.label_reach < s.header_fragment_reach);
    }
}

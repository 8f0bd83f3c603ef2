//! A row of a form as the readers see it: cells with their x extents, from a
//! ruled grid's row or from stacked loose text.

/// One cell of a form row: text and horizontal extent.
#[derive(Debug, Clone)]
pub(crate) struct FormCell {
    pub text: String,
    pub x0: f32,
    pub x1: f32,
}

/// A form row.
pub(crate) struct FormRow {
    /// Cells left to right.
    pub cells: Vec<FormCell>,
    /// The first row of a piece on a later page (it may continue the row before).
    pub continues: bool,
    /// Read from loose text rather than a ruled grid.
    pub loose: bool,
}

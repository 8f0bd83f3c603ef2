//! A cell of the long form and its kind (apart, so that the writers of
//! grids and of forms share it without reaching into each other).
use rust_decimal::Decimal;

/// What a column of the long form holds: the kind of its [`Cell`]s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    /// [`Cell::Text`].
    Text,
    /// [`Cell::Count`].
    Count,
    /// [`Cell::Amount`].
    Amount,
    /// [`Cell::Point`].
    Point,
}

/// A cell of a long-form record.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// A text (from the PDF or a name of ours); empty when absent.
    Text(String),
    /// A whole number (year, level, 行次, page), absent when unknown.
    Count(Option<u32>),
    /// The amount, exact as printed; absent for a form's text.
    Amount(Option<Decimal>),
    /// A coordinate in points to 0.01, absent for a figure without a box.
    Point(Option<f64>),
}

impl Cell {
    /// The cell's kind.
    pub fn kind(&self) -> CellKind {
        match self {
            Cell::Text(_) => CellKind::Text,
            Cell::Count(_) => CellKind::Count,
            Cell::Amount(_) => CellKind::Amount,
            Cell::Point(_) => CellKind::Point,
        }
    }
}

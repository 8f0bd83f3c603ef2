//! A record batch built row by row from a list of typed columns: each table
//! of the dataset names its columns once, and its rows are appended in the
//! same order.
use std::sync::Arc;

use arrow_array::builder::{
    ArrayBuilder, Decimal128Builder, Float64Builder, Int32Builder, ListBuilder, MapBuilder,
    StringBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{ArrowError, Field, Schema};
use fiscal_extract::Decimal;

/// Digits after the point of every amount: printed figures have at most 4.
pub const AMOUNT_SCALE: u32 = 6;
/// The widest decimal Parquet and Arrow store in 128 bits.
pub const AMOUNT_PRECISION: u8 = 38;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text that is never missing (keys, titles).
    Key,
    /// Text, or null.
    Text,
    /// A whole number, or null.
    Int,
    /// An exact amount: DECIMAL(38, 6).
    Amount,
    /// A measure (a coordinate in points), or null.
    Float,
    /// A list of whole numbers (pages).
    Ints,
    /// A list of texts (warnings, notes).
    Texts,
    /// Texts by key (a row's text columns).
    TextMap,
}

/// A column: its name and kind.
pub type ColumnDef = (&'static str, Kind);

/// Why a value does not fit its column.
#[derive(Debug, thiserror::Error)]
pub enum ColumnError {
    /// An amount with more decimal places than the dataset keeps.
    #[error("the amount {0} has more than {AMOUNT_SCALE} decimal places")]
    Scale(Decimal),
    /// Arrow refused the arrays (a bug).
    #[error("arrow: {0}")]
    Arrow(#[from] ArrowError),
}

/// Rows being appended to a table of `columns`.
pub struct Columns {
    defs: &'static [ColumnDef],
    builders: Vec<Box<dyn ArrayBuilder>>,
}

impl Columns {
    /// An empty table of these columns.
    pub fn new(defs: &'static [ColumnDef]) -> Columns {
        let builders = defs.iter().map(|&(_, kind)| builder(kind)).collect();
        Columns { defs, builders }
    }

    /// A row to append, column by column in order.
    pub fn row(&mut self) -> RowWriter<'_> {
        RowWriter {
            columns: self,
            at: 0,
        }
    }

    /// The table as one record batch.
    pub fn finish(mut self) -> Result<RecordBatch, ColumnError> {
        let arrays: Vec<ArrayRef> = self.builders.iter_mut().map(|b| b.finish()).collect();
        let fields: Vec<Field> = self
            .defs
            .iter()
            .zip(&arrays)
            .map(|(&(name, kind), array)| {
                Field::new(name, array.data_type().clone(), kind != Kind::Key)
            })
            .collect();
        Ok(RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays)?)
    }
}

fn builder(kind: Kind) -> Box<dyn ArrayBuilder> {
    match kind {
        Kind::Key | Kind::Text => Box::new(StringBuilder::new()),
        Kind::Int => Box::new(Int32Builder::new()),
        Kind::Amount => Box::new(
            Decimal128Builder::new()
                .with_precision_and_scale(AMOUNT_PRECISION, AMOUNT_SCALE as i8)
                .expect("38 digits, 6 after the point, is a valid decimal"),
        ),
        Kind::Float => Box::new(Float64Builder::new()),
        Kind::Ints => Box::new(ListBuilder::new(Int32Builder::new())),
        Kind::Texts => Box::new(ListBuilder::new(StringBuilder::new())),
        Kind::TextMap => Box::new(MapBuilder::new(
            None,
            StringBuilder::new(),
            StringBuilder::new(),
        )),
    }
}

/// The unscaled 128-bit integer of `value` at [`AMOUNT_SCALE`].
pub fn unscaled(value: &Decimal) -> Result<i128, ColumnError> {
    let mut d = *value;
    if d.scale() > AMOUNT_SCALE {
        // Trailing zeros beyond the scale lose nothing.
        d = d.normalize();
        if d.scale() > AMOUNT_SCALE {
            return Err(ColumnError::Scale(*value));
        }
    }
    Ok(d.mantissa() * 10i128.pow(AMOUNT_SCALE - d.scale()))
}

/// One row being appended; each call fills the next column, whose kind must
/// match (a mismatch is a bug in the table's definition, and panics).
pub struct RowWriter<'c> {
    columns: &'c mut Columns,
    at: usize,
}

impl RowWriter<'_> {
    fn next<B: ArrayBuilder>(&mut self, kinds: &[Kind]) -> &mut B {
        let (name, kind) = self.columns.defs[self.at];
        assert!(kinds.contains(&kind), "column {name} is {kind:?}");
        self.at += 1;
        self.columns.builders[self.at - 1]
            .as_any_mut()
            .downcast_mut::<B>()
            .expect("the builder of the column's kind")
    }

    /// A text column.
    pub fn text(mut self, value: Option<&str>) -> Self {
        self.next::<StringBuilder>(&[Kind::Text, Kind::Key])
            .append_option(value);
        self
    }

    /// A whole-number column.
    pub fn int(mut self, value: Option<i64>) -> Self {
        let value = value.map(|v| i32::try_from(v).unwrap_or(i32::MAX));
        self.next::<Int32Builder>(&[Kind::Int]).append_option(value);
        self
    }

    /// An amount column.
    pub fn amount(mut self, value: Option<&Decimal>) -> Result<Self, ColumnError> {
        let value = value.map(unscaled).transpose()?;
        self.next::<Decimal128Builder>(&[Kind::Amount])
            .append_option(value);
        Ok(self)
    }

    /// A measure column.
    pub fn float(mut self, value: Option<f64>) -> Self {
        self.next::<Float64Builder>(&[Kind::Float])
            .append_option(value);
        self
    }

    /// A list of whole numbers.
    pub fn ints(mut self, values: &[u32]) -> Self {
        let b = self.next::<ListBuilder<Int32Builder>>(&[Kind::Ints]);
        for &v in values {
            b.values()
                .append_value(i32::try_from(v).unwrap_or(i32::MAX));
        }
        b.append(true);
        self
    }

    /// A list of texts.
    pub fn texts<S: AsRef<str>>(mut self, values: &[S]) -> Self {
        let b = self.next::<ListBuilder<StringBuilder>>(&[Kind::Texts]);
        for v in values {
            b.values().append_value(v);
        }
        b.append(true);
        self
    }

    /// Texts by key.
    pub fn text_map<'a>(
        mut self,
        entries: impl IntoIterator<Item = (&'a String, &'a String)>,
    ) -> Result<Self, ColumnError> {
        let b = self.next::<MapBuilder<StringBuilder, StringBuilder>>(&[Kind::TextMap]);
        for (k, v) in entries {
            b.keys().append_value(k);
            b.values().append_value(v);
        }
        b.append(true)?;
        Ok(self)
    }

    /// Ends the row; every column must have been filled.
    pub fn end(self) {
        assert_eq!(self.at, self.columns.defs.len(), "a row left columns out");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn amounts_keep_every_printed_digit() {
        let d = |s| Decimal::from_str(s).unwrap();
        assert_eq!(unscaled(&d("12.34")).unwrap(), 12_340_000);
        assert_eq!(unscaled(&d("-0.5")).unwrap(), -500_000);
        assert_eq!(unscaled(&d("7")).unwrap(), 7_000_000);
        assert_eq!(unscaled(&d("1.50000000")).unwrap(), 1_500_000);
        assert!(unscaled(&d("0.1234567")).is_err());
    }
}

//! A row of a form as the readers see it: cells with their x extents, from a
//! ruled grid's row or from stacked loose text.
use fiscal_layout::geometry::overlap;
use fiscal_layout::lines::join_wrapped;

/// One cell of a form row: text and horizontal extent.
#[derive(Debug, Clone)]
pub(crate) struct FormCell {
    pub text: String,
    pub x0: f32,
    pub x1: f32,
}

/// A form row.
#[derive(Debug, Clone)]
pub(crate) struct FormRow {
    /// Cells left to right.
    pub cells: Vec<FormCell>,
    /// The first row of a piece on a later page (it may continue the row before).
    pub continues: bool,
    /// Read from loose text rather than a ruled grid.
    pub loose: bool,
}

impl FormRow {
    /// Joins the rest of this row's cells, cut off by a page break and printed
    /// at the next page's head: each piece to the cell it stands under (most
    /// overlap), or as a cell of its own.
    pub fn join_rest(&mut self, rest: &FormRow) {
        for piece in rest.cells.iter().filter(|c| !c.text.trim().is_empty()) {
            let under = self
                .cells
                .iter_mut()
                .map(|c| (overlap((c.x0, c.x1), (piece.x0, piece.x1)), c))
                .filter(|(o, _)| *o > 0.0)
                .max_by(|a, b| a.0.total_cmp(&b.0));
            match under {
                Some((_, c)) => c.text = join_wrapped([c.text.trim(), piece.text.trim()]),
                None => self.cells.push(piece.clone()),
            }
        }
        self.cells.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
}

/// A test row of `(text, x0, x1)` cells.
#[cfg(test)]
pub(crate) fn test_row(cells: &[(&str, f32, f32)], continues: bool, loose: bool) -> FormRow {
    FormRow {
        cells: cells
            .iter()
            .map(|(t, x0, x1)| FormCell {
                text: t.to_string(),
                x0: *x0,
                x1: *x1,
            })
            .collect(),
        continues,
        loose,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(text: &str, x0: f32, x1: f32) -> FormCell {
        FormCell {
            text: text.into(),
            x0,
            x1,
        }
    }

    #[test]
    fn the_rest_of_a_cut_row_joins_the_cells_above_it() {
        let mut header = FormRow {
            cells: vec![cell("实际完", 100.0, 160.0), cell("偏差原因", 200.0, 240.0)],
            continues: false,
            loose: false,
        };
        let rest = FormRow {
            cells: vec![
                cell("成指标值", 110.0, 150.0),
                cell("", 160.0, 200.0),
                cell("分析", 205.0, 225.0),
                cell("注", 300.0, 310.0),
            ],
            continues: true,
            loose: false,
        };
        header.join_rest(&rest);
        let texts: Vec<&str> = header.cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, vec!["实际完成指标值", "偏差原因分析", "注"]);
    }
}

//! What the header reading gives: each column's printed path, role, side
//! and provisional key, and the table's sides.
use crate::header_words::Role;
use crate::model::Column;

/// Which code of a row a code column carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CodeSlot {
    /// The row's own code (the first code columns of a side).
    #[default]
    Primary,
    /// The n-th 经济分类 code printed beside the row's own code (部门经济科目,
    /// 政府经济科目); its system is read from its digits.
    Beside(usize),
}

#[derive(Debug, Clone)]
pub struct ColumnModel {
    pub x0: f32,
    pub x1: f32,
    pub role: Role,
    /// For code columns: which code of the row they carry.
    pub slot: CodeSlot,
    /// For attribute columns: a label column of its own (a second 名称, a
    /// 品目大类) that names a row whose label column is blank.
    pub labels_row: bool,
    /// For attribute columns: the column names the unit (预算单位) whose
    /// block of rows the row opens.
    pub names_unit: bool,
    pub group: usize,
    /// Header texts from top to bottom (the group label first, when there is one).
    pub path: Vec<String>,
    pub key: String,
}

#[derive(Debug, Clone, Default)]
pub struct TableModel {
    pub columns: Vec<ColumnModel>,
    /// Group labels; one `None` group for a one-sided table.
    pub groups: Vec<Option<String>>,
}

impl TableModel {
    /// The contract columns (key and printed header path) of the columns with
    /// `role`, a key shared by the column bands of one side listed once.
    pub fn columns_of(&self, role: Role) -> Vec<Column> {
        let mut out: Vec<Column> = Vec::new();
        for c in self.columns.iter().filter(|c| c.role == role) {
            if !out.iter().any(|o| o.key == c.key) {
                out.push(Column {
                    key: c.key.clone(),
                    header: c.path.join("/"),
                    group: self.groups.get(c.group).cloned().flatten(),
                    ..Column::default()
                });
            }
        }
        out
    }
}

//! The sides of a table (收入 | 支出, 功能分类 | 经济分类, a side continued over a
//! further column band): which columns make each, its name column, code
//! slots, label and provisional keys.
use super::model::{CodeSlot, ColumnModel};
use crate::header_words::name_rank;
use crate::header_words::Role;

/// A label column after a value column starts a new side: 收入 | 支出, or one
/// group per label/amount pair where a summary table prints 支出 by 功能分类
/// and by 经济分类 (部门 and 政府) side by side. Returns the number of groups.
pub(super) fn assign_groups(columns: &mut [ColumnModel]) -> usize {
    let mut group = 0;
    let mut seen_value = false;
    for i in 0..columns.len() {
        // A side names its rows: code columns after figures with no label
        // column before the next figures (the 经济科目 codes of a 政府采购 row,
        // printed after 数量) belong to the row on the left.
        let names_rows = columns[i..]
            .iter()
            .take_while(|c| c.role != Role::Value)
            .any(|c| c.role == Role::Name);
        // A side has figures of its own: codes and texts after the last
        // figures (结转资金支出表: 金额, then 功能分类科目代码 | 名称 | 政府经济
        // 分类科目代码 | 名称 | 项目类别) are the rest of the row.
        let has_figures = columns[i..].iter().any(|c| c.role == Role::Value);
        let col = &mut columns[i];
        if col.role.is_label() && seen_value && col.role != Role::Line && names_rows && has_figures
        {
            group += 1;
            seen_value = false;
        }
        if col.role == Role::Value {
            seen_value = true;
        }
        col.group = group;
    }
    group + 1
}

/// Where a side prints several label columns (a 政府采购 row: 品目大类, 专项名称,
/// 采购物品名称), the most specific names the row and the others are attributes;
/// so is the 科目名称 of a code printed beside the row's own (政府经济科目名称).
pub(super) fn one_name_per_group(columns: &mut [ColumnModel], ngroups: usize) {
    let rank = |c: &ColumnModel| {
        c.path
            .iter()
            .map(|p| name_rank(p))
            .min()
            .unwrap_or(usize::MAX)
    };
    let (mut slot, mut group) = (CodeSlot::Primary, 0);
    for col in columns.iter_mut() {
        if col.group != group {
            (slot, group) = (CodeSlot::Primary, col.group);
        }
        match col.role {
            Role::Code | Role::CodePart => slot = col.slot,
            Role::Name
                if slot != CodeSlot::Primary && col.path.iter().any(|p| p.contains("科目")) =>
            {
                col.role = Role::Attribute;
                col.labels_row = true;
            }
            _ => {}
        }
    }
    for g in 0..ngroups {
        let names: Vec<usize> = (0..columns.len())
            .filter(|&i| columns[i].group == g && columns[i].role == Role::Name)
            .collect();
        // The most specific header; among equals one printed before the
        // side's figures (a 绩效目标 or 资金性质 after them describes the
        // row), and of those the rightmost (the finest level).
        let after_figures = |i: usize| {
            columns[..i]
                .iter()
                .any(|c| c.group == g && c.role == Role::Value)
        };
        let Some(&keep) = names
            .iter()
            .min_by_key(|&&i| (rank(&columns[i]), after_figures(i), usize::MAX - i))
        else {
            continue;
        };
        for &i in names.iter().filter(|&&i| i != keep) {
            columns[i].role = Role::Attribute;
            columns[i].labels_row = true;
        }
    }
}

/// The first code columns of a side carry the row's code; code columns after
/// them under another header (部门经济科目 类/款, 政府经济科目 类/款) carry an
/// 经济分类 code printed beside it.
pub(super) fn assign_code_slots(columns: &mut [ColumnModel], ngroups: usize) {
    for g in 0..ngroups {
        // Code parts under one header form one code; each header after the first is a code beside.
        let mut heads: Vec<Vec<String>> = Vec::new();
        let mut after_other = true;
        for col in columns.iter_mut().filter(|c| c.group == g) {
            let head = match col.role {
                Role::CodePart => col.path[..col.path.len().saturating_sub(1)].to_vec(),
                Role::Code => col.path.clone(),
                _ => {
                    after_other = true;
                    continue;
                }
            };
            // A 单位代码 column (six digits, 125001) heads no code of the row:
            // the subject code after it is the row's own.
            if col.path.last().is_some_and(|h| names_unit_code(h)) {
                continue;
            }
            // (a code header spanning two columns is one code too; the same
            // header again after a name is the next code: 烟台's 科目编码 类|款
            // | 部门名称 | 科目编码 类|款 | 政府名称)
            if heads.last() != Some(&head) || after_other {
                heads.push(head);
            }
            after_other = false;
            col.slot = match heads.len() {
                1 => CodeSlot::Primary,
                n => CodeSlot::Beside(n - 2),
            };
        }
    }
}

/// Whether a cell ruled above the header only states the money unit
/// ("单位：万元"): it heads no column.
pub(super) fn is_unit_label(t: &str) -> bool {
    t.strip_prefix("单位")
        .or_else(|| t.strip_prefix("金额单位"))
        .and_then(|r| r.strip_prefix(['：', ':']))
        .and_then(crate::unit::MoneyUnit::parse)
        .is_some()
}

/// Whether a code header names the unit's code (预算单位代码, 单位编码), not a subject's.
fn names_unit_code(header: &str) -> bool {
    header.ends_with("单位代码") || header.ends_with("单位编码")
}

/// The label of each side: its common top header (收入, 支出), or the labels
/// the kind prints without a header (人员经费 | 公用经费, the second side
/// continuing over further column bands). Where several sides share a top
/// header with different columns (支出 by 功能分类 | 支出 by 经济分类), the
/// headers down to where they differ ("支出/功能分类"), or the top header and
/// the side's label column header.
pub(super) fn group_labels(
    columns: &[ColumnModel],
    ngroups: usize,
    two_sided_labels: Option<(&str, &str)>,
) -> Vec<Option<String>> {
    if ngroups == 1 {
        return vec![None];
    }
    let members = |g: usize| columns.iter().filter(move |c| c.group == g);
    let common_prefix = |g: usize| -> Vec<String> {
        let mut it = members(g);
        let mut prefix = it.next().map(|c| c.path.clone()).unwrap_or_default();
        for c in it {
            let n = prefix
                .iter()
                .zip(&c.path)
                .take_while(|(a, b)| a == b)
                .count();
            prefix.truncate(n);
        }
        prefix
    };
    let fallback = |g: usize| two_sided_labels.map(|(a, b)| if g == 0 { a } else { b }.to_string());
    let tops: Vec<Option<String>> = (0..ngroups)
        .map(|g| common_prefix(g).first().cloned())
        .collect();
    let repeated = |labels: &[Option<String>], g: usize| {
        labels.iter().filter(|l| **l == labels[g]).count() > 1
    };
    if ngroups == 2 {
        let labels: Vec<Option<String>> = (0..2)
            .map(|g| tops[g].clone().or_else(|| fallback(g)))
            .collect();
        // Two sides with the same top text are not labels (a shared caption).
        if repeated(&labels, 0) && two_sided_labels.is_some() {
            return (0..2).map(fallback).collect();
        }
        return labels;
    }
    (0..ngroups)
        .map(|g| {
            let Some(top) = &tops[g] else {
                return fallback(g);
            };
            if !repeated(&tops, g) {
                return Some(top.clone());
            }
            let mut parts = common_prefix(g);
            if parts.len() <= 1 {
                if let Some(name) = members(g).find(|c| c.role == Role::Name) {
                    parts.extend(name.path.last().cloned());
                }
            }
            Some(parts.join("/"))
        })
        .collect()
}

/// Provisional keys, one per printed column: the side label and header path
/// as printed; a side that continues another over a further column band (the
/// same label and headers) shares its keys. [`crate::columns`] names them
/// by meaning once the table's kind and the document's year are known.
pub(super) fn assign_keys(columns: &mut [ColumnModel], groups: &[Option<String>]) {
    let mut used = std::collections::HashSet::new();
    let mut first_band: std::collections::HashMap<(usize, Vec<String>), String> =
        std::collections::HashMap::new();
    let band_of = |g: usize| groups.iter().position(|l| *l == groups[g]).unwrap_or(g);
    let same_columns = |a: usize, b: usize, cols: &[ColumnModel]| {
        let paths = |g: usize| -> Vec<(Role, Vec<String>)> {
            cols.iter()
                .filter(|c| c.group == g)
                .map(|c| (c.role, c.path.clone()))
                .collect()
        };
        paths(a) == paths(b)
    };
    for i in 0..columns.len() {
        let g = columns[i].group;
        let band = band_of(g);
        if band != g && same_columns(band, g, columns) {
            if let Some(k) = first_band.get(&(band, columns[i].path.clone())) {
                columns[i].key = k.clone();
                continue;
            }
        }
        let col = &columns[i];
        let label = groups.get(col.group).cloned().flatten().unwrap_or_default();
        let base = format!("{label}|{}|{i}", col.path.join("/"));
        let key = if used.insert(base.clone()) {
            base
        } else {
            format!("{base}|{i}")
        };
        first_band.insert((g, columns[i].path.clone()), key.clone());
        columns[i].key = key;
    }
}

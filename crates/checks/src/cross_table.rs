//! Evaluates the cross-table identities of [`crate::identities`] that apply
//! to the document's kind. An identity whose tables or rows the document does
//! not print is reported as skipped, with what is missing.
use fiscal_recognize::Table;

use fiscal_recognize::DocumentKind;

use crate::check::{label, Check, ComparedFigure, Status};
use crate::context::Context;
use crate::figures::{self, compare, figure_read, is_ordinal_item, table_of, val};
use crate::identities::{Figure, Identity, Read, FINAL_ACCOUNTS};
use crate::rule::Rule;

pub fn run(ctx: &Context, out: &mut Vec<Check>) {
    let Some(kind) = ctx.kind else {
        return;
    };
    for identity in identities_for(kind) {
        match identity {
            Identity::Equal {
                rule,
                what,
                left,
                right,
            } => out.push(equal(&ctx.grids, *rule, what, left, right)),
            Identity::ItemsByName { .. } => items_by_name(&ctx.grids, identity, out),
        }
    }
}

/// The identities that apply to a document of `kind`.
fn identities_for(kind: DocumentKind) -> &'static [Identity] {
    match kind {
        DocumentKind::FinalAccounts => FINAL_ACCOUNTS,
        DocumentKind::Budget => crate::budget::IDENTITIES,
        _ => &[],
    }
}

/// The first of the alternatives the document prints, or why none is.
fn first_read<'a>(tables: &[&'a Table], alternatives: &[Figure]) -> Result<Read<'a>, String> {
    let mut why = String::new();
    for f in alternatives {
        match f.read(tables) {
            Ok(r) => return Ok(r),
            Err(e) if why.is_empty() => why = e,
            Err(_) => {}
        }
    }
    Err(why)
}

fn equal(tables: &[&Table], rule: Rule, what: &str, left: &[Figure], right: &[Figure]) -> Check {
    match (first_read(tables, left), first_read(tables, right)) {
        (Ok(a), Ok(b)) => {
            // A side printed in several forms (本年支出合计 above 支出总计
            // with its 结转下年) agrees where any of them does: places differ
            // in which one the other table restates.
            let agrees = |x: &Read| {
                let n = x.summands.max(b.summands);
                compare(rule, None, String::new(), x.value, b.value, n).status == Status::Pass
            };
            let a = if agrees(&a) {
                a
            } else {
                left.iter()
                    .filter_map(|f| f.read(tables).ok())
                    .find(agrees)
                    .unwrap_or(a)
            };
            compare(
                rule,
                Some(b.table),
                what.to_string(),
                a.value,
                b.value,
                a.summands.max(b.summands),
            )
            .comparing(a.figures.into_iter().chain(b.figures).collect())
        }
        (Err(e), _) | (_, Err(e)) => Check::skipped(rule, format!("{what}: {e}")),
    }
}

/// Each ordinal item of one side, matched by name with the 类 rows of another
/// table.
fn items_by_name(tables: &[&Table], identity: &Identity, out: &mut Vec<Check>) {
    let Identity::ItemsByName {
        rule,
        what,
        left,
        side,
        column,
        right,
        leaves,
    } = *identity
    else {
        return;
    };
    let (Some(l), Some(r)) = (table_of(tables, left), table_of(tables, right)) else {
        let missing = if table_of(tables, left).is_none() {
            left
        } else {
            right
        };
        out.push(Check::skipped(
            rule,
            format!("{what}: no {missing} table in this document"),
        ));
        return;
    };
    let Some(key) = figures::column(l, |h| h.ends_with(column)) else {
        out.push(Check::skipped(
            rule,
            format!("{what}: {} has no {column} column", label(l)),
        ));
        return;
    };
    let before = out.len();
    for item in l.rows.iter().filter(|x| {
        x.group.as_deref() == Some(side) && x.name.as_deref().is_some_and(is_ordinal_item)
    }) {
        let name = item.name.as_deref().unwrap_or_default();
        let bare = name.split_once('、').map_or(name, |(_, b)| b);
        let Some(class) = r.rows.iter().find(|x| {
            x.subject_code().is_some_and(|c| c.level() == 1) && x.name.as_deref() == Some(bare)
        }) else {
            continue;
        };
        let Some((b, fb)) = figure_read(r, class, leaves) else {
            continue;
        };
        let what = format!(
            "{} {side} {name} = {} {}",
            label(l),
            label(r),
            class.code.as_deref().unwrap_or("")
        );
        out.push(
            compare(rule, Some(r), what, val(item, key), b, 1)
                .comparing(vec![ComparedFigure::of(l, item, key), fb]),
        );
    }
    if out.len() == before {
        out.push(Check::skipped(
            rule,
            format!(
                "{what}: no item of {} names a 类 row of {}",
                label(l),
                label(r)
            ),
        ));
    }
}

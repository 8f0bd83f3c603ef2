//! The runner: every check module over one document, in report order.
use fiscal_recognize::Recognized;

use crate::check::Check;
use crate::context::Context;
use crate::rule::Rule;
use crate::{
    arithmetic, completeness, contents, cross_table, forms, narrative, placeholders, typography,
    year_entity,
};

/// Runs every rule over a recognized document. A document that is no
/// department's disclosure (a 通报, a 公报, a government's 决算草案报告 …) is
/// not checked as one: the rules are written for disclosures.
pub fn run_checks(doc: &Recognized) -> Vec<Check> {
    let ctx = Context::new(doc);
    if let Some(kind) = ctx.kind.filter(|k| !k.is_disclosure()) {
        return vec![Check::skipped(
            Rule::DocumentKind,
            format!(
                "document.kind {}: no department disclosure, not checked as one",
                kind.as_str()
            ),
        )];
    }
    if let Some(entity) = doc
        .document
        .entity
        .as_deref()
        .filter(|e| placeholders::is_placeholder_name(e))
    {
        return vec![Check::skipped(
            Rule::DocumentKind,
            format!(
                "the cover names no department but a placeholder ({entity}): a template, not a \
                 department's disclosure, not checked as one"
            ),
        )];
    }
    let mut out = Vec::new();
    arithmetic::run(&ctx, &mut out);
    forms::run(&ctx, &mut out);
    cross_table::run(&ctx, &mut out);
    completeness::run(&ctx, &mut out);
    contents::run(&ctx, &mut out);
    narrative::run(&ctx, &mut out);
    year_entity::run(&ctx, &mut out);
    placeholders::run(&ctx, &mut out);
    typography::run(&ctx, &mut out);
    out
}

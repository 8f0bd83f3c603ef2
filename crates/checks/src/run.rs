//! The runner: every check module over one document, in report order.
use fiscal_recognize::Recognized;

use crate::check::Check;
use crate::context::Context;
use crate::{
    arithmetic, completeness, contents, cross_table, narrative, placeholders, typography,
    year_entity,
};

/// Runs every rule over a recognized document.
pub fn run_checks(doc: &Recognized) -> Vec<Check> {
    let ctx = Context::new(doc);
    let mut out = Vec::new();
    arithmetic::run(&ctx, &mut out);
    cross_table::run(&ctx, &mut out);
    completeness::run(&ctx, &mut out);
    contents::run(&ctx, &mut out);
    narrative::run(&ctx, &mut out);
    year_entity::run(&ctx, &mut out);
    placeholders::run(&ctx, &mut out);
    typography::run(&ctx, &mut out);
    out
}

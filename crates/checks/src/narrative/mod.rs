//! The 情况说明 against the tables. The narrative restates the tables in
//! words ("本年收入1,899.52万元", "完成预算6.89万元的83.02%", "比上年决算增加
//! 298.25万元，增长21%"): each stated figure is bound to the table figure its
//! item names ([`bindings`], [`three_public`], [`operating_expenses`]), at the
//! scale of each ([`stated`]); a stated rate is recomputed at its stated
//! precision ([`rates`]); words of comparison are held to the figures they
//! compare ([`wording`]). Within the text alone, a stated total is held to
//! the parts listed under it ([`parts`]), so a document without tables is
//! checked too.
mod bindings;
mod operating_expenses;
mod parts;
mod rates;
mod stated;
mod three_public;
mod wording;

use crate::check::Check;
use crate::context::Context;
use crate::rule::Rule;

/// The rules of this module that a document of this kind would carry, for
/// reporting them skipped together: the named items of its kind, the 三公
/// totals, the rates, wordings and parts.
fn rules(ctx: &Context) -> Vec<Rule> {
    let mut rules: Vec<Rule> = Vec::new();
    for b in bindings::for_document(ctx.kind) {
        if !rules.contains(&b.rule) {
            rules.push(b.rule);
        }
    }
    rules.extend([
        Rule::NarrativeThreePublicTotalBudget,
        Rule::NarrativeThreePublicTotalFinal,
        Rule::NarrativeChangeRate,
        Rule::NarrativeShare,
        Rule::NarrativeCompletionRate,
        Rule::NarrativeWording,
        Rule::NarrativeOperatingExpenses,
        Rule::NarrativePartsSum,
    ]);
    rules
}

pub fn run(ctx: &Context, out: &mut Vec<Check>) {
    if ctx.passages.iter().all(|p| p.is_heading) {
        for rule in rules(ctx) {
            out.push(Check::skipped(rule, "the document has no narrative text"));
        }
        return;
    }
    bindings::run(ctx, out);
    rates::run(ctx, out);
    three_public::run(ctx, out);
    wording::run(ctx, out);
    operating_expenses::run(ctx, out);
    parts::run(ctx, out);
}

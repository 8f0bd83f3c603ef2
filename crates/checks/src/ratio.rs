//! A stated percentage against the ratio of two printed figures, checked at
//! the precision each is printed to (the narrative's rates and the 绩效
//! forms' completion rates alike).
use rust_decimal::Decimal;

use crate::check::Check;
use crate::figures::half_printed;
use crate::rule::Rule;

/// A ratio of two figures, each known only to its printed precision.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ratio {
    pub num: Decimal,
    pub num_err: Decimal,
    pub den: Decimal,
    pub den_err: Decimal,
}

impl Ratio {
    /// `num / den`, both as printed: each may lie half a unit of its last
    /// printed digit away ("230" anywhere in 229.5 … 230.5).
    pub fn of(num: Decimal, den: Decimal) -> Ratio {
        Ratio {
            num,
            num_err: half_printed(num),
            den,
            den_err: half_printed(den),
        }
    }

    /// The rate of a change `delta` to `now` from the figure before it.
    pub fn change(now: Decimal, delta: Decimal, increased: bool) -> Ratio {
        let r = Ratio::of(delta, now);
        Ratio {
            den: if increased { now - delta } else { now + delta },
            den_err: r.num_err + r.den_err,
            ..r
        }
    }

    /// The lowest and highest percentage the figures allow.
    fn bounds(&self) -> Option<(Decimal, Decimal)> {
        let hundred = Decimal::ONE_HUNDRED;
        let mut values = Vec::new();
        for n in [self.num - self.num_err, self.num + self.num_err] {
            for d in [self.den - self.den_err, self.den + self.den_err] {
                if d.is_zero() || d.is_sign_negative() != self.den.is_sign_negative() {
                    return None;
                }
                values.push(n * hundred / d);
            }
        }
        let lo = values.iter().copied().min()?;
        let hi = values.iter().copied().max()?;
        Some((lo, hi))
    }
}

/// A stated percentage `stated` (as printed, so its precision is known)
/// against the ratio it states.
pub(crate) fn rate_check(rule: Rule, what: &str, stated: Decimal, ratio: Ratio) -> Check {
    if ratio.den.is_zero() && (stated.is_zero() || stated == Decimal::ONE_HUNDRED) {
        // "完成预算的0.00%" of a budget of 0, "增长100%" from nothing: a rate
        // over a zero base has no value, and these are the usual ways of
        // saying so, not a wrong figure.
        return Check::skipped(
            rule,
            format!(
                "{what}: a rate over a zero base ({} / {}) has no value; {stated}% is the usual way \
                 of stating it",
                ratio.num, ratio.den
            ),
        );
    }
    if ratio.den.is_zero() {
        return Check::verdict(
            rule,
            false,
            format!(
                "{what}: a rate stated over a zero base ({} / {})",
                ratio.num, ratio.den
            ),
        );
    }
    let computed = ratio.num * Decimal::ONE_HUNDRED / ratio.den;
    let shown = computed.round_dp(stated.scale() + 1);
    let half = half_printed(stated);
    let rounded = match ratio.bounds() {
        // The base itself is within rounding of zero: any rate is possible.
        None => true,
        Some((lo, hi)) => stated + half >= lo && stated - half <= hi,
    };
    // A rate cut at its last digit instead of rounded ("95.45%" for 95.457 %)
    // is a printing convention, not a wrong figure: it passes, and says so.
    let truncated = !rounded && computed.trunc_with_scale(stated.scale()) == stated;
    let ok = rounded || truncated;
    Check::verdict(
        rule,
        ok,
        format!(
            "{what}: stated {stated}% {} computed {shown}%{}",
            if ok { "≈" } else { "≠" },
            if truncated {
                " (truncated at its last digit, not rounded)"
            } else {
                ""
            }
        ),
    )
}

//! The column key vocabulary: the terms a printed header word is read as,
//! each with the printed variants it covers and the facet it belongs to
//! (measure, flow, fund, item), and the words naming a period (本年, 上年,
//! 增减变化情况, a year). [`crate::columns`] composes a column's key from the
//! terms of its header path; the README's key table is this list.
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// The period a column's figures are of, relative to the document's year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// The year the document is for (本年, 当年, "2026年预算数" in a 2026 budget).
    #[default]
    Current,
    /// The year before (上年, "2025年执行数" in a 2026 budget).
    PriorYear,
    /// The difference between two years (增减变化情况, "2026年预算数比2025年执行数").
    Change,
}

impl Period {
    /// The key prefix of a column of this period (none for the current year).
    pub fn key_prefix(self) -> &'static str {
        match self {
            Period::Current => "",
            Period::PriorYear => "prior_year_",
            Period::Change => "change_",
        }
    }

    /// The contract id ("current", "prior_year", "change").
    pub fn as_str(self) -> &'static str {
        match self {
            Period::Current => "current",
            Period::PriorYear => "prior_year",
            Period::Change => "change",
        }
    }

    /// Whether this is the document's own year (serde skips it on columns).
    pub fn is_current(&self) -> bool {
        *self == Period::Current
    }
}

/// Where a term goes in a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    /// 预算数, 决算数, 执行数: what kind of figure.
    Measure,
    /// 收入 / 支出.
    Flow,
    /// Where the money comes from (一般公共预算, 财政专户, 单位资金 …).
    Fund,
    /// What it is spent on or received as; totals.
    Item,
}

macro_rules! terms {
    ($( $(#[$doc:meta])* $variant:ident = $slug:literal, $facet:ident,
        [$($printed:literal),* $(,)?] $(, within $parent:ident)? ;)*) => {
        /// A word of the key vocabulary.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Term { $( $(#[$doc])* $variant, )* }

        impl Term {
            /// Every term, in the vocabulary's order.
            pub const ALL: &'static [Term] = &[$(Term::$variant),*];

            /// The key piece.
            pub fn slug(self) -> &'static str {
                match self { $(Term::$variant => $slug,)* }
            }

            /// Where the term goes in a key.
            pub fn facet(self) -> Facet {
                match self { $(Term::$variant => Facet::$facet,)* }
            }

            /// The printed words this term covers, normalised as
            /// [`normalise`] does (no spaces, full-width brackets and colon).
            pub fn printed(self) -> &'static [&'static str] {
                match self { $(Term::$variant => &[$($printed),*],)* }
            }

            /// The broader term this one lies within (公务用车购置费 within
            /// 公务用车购置及运行费): a heading of it adds nothing to a key.
            pub fn within(self) -> Option<Term> {
                #[allow(unreachable_patterns)]
                match self { $($(Term::$variant => Some(Term::$parent),)?)* _ => None }
            }
        }
    };
}

terms! {
    // ---- measures ----
    /// 预算数: the budget (年初预算 where a table also prints the adjusted one).
    Budget = "budget", Measure, ["预算数", "预算", "年初预算数", "年初预算", "本年预算", "本年预算数", "预算金额"];
    /// 全年预算数 / 调整预算数: the budget after the year's adjustments.
    AdjustedBudget = "adjusted_budget", Measure, ["全年预算数", "全年预算", "调整预算数", "调整后预算数"];
    /// 决算数: what was spent or received.
    Final = "final", Measure, ["决算数", "决算"];
    /// 执行数: what was spent by a date (a budget's prior-year column).
    Executed = "executed", Measure, ["执行数", "预计执行数"];

    // ---- flows ----
    Income = "income", Flow, ["收入", "收入预算"];
    Expenditure = "expenditure", Flow, ["支出", "支出预算"];

    // ---- funds ----
    /// 财政拨款: the three fiscal budgets together.
    FiscalAppropriation = "fiscal_appropriation", Fund, ["财政拨款", "本级财政拨款", "财政拨款资金", "（财政拨款）"];
    GeneralBudget = "general_budget", Fund, [
        "一般公共预算", "一般公共预算拨款", "一般公共预算财政拨款", "一般公共预算资金", "公共预算拨款", "经费拨款",
    ], within FiscalAppropriation;
    GovernmentFund = "government_fund", Fund, [
        "政府性基金", "政府性基金预算", "政府性基金拨款", "政府性基金预算拨款", "政府性基金预算财政拨款",
    ], within FiscalAppropriation;
    StateCapital = "state_capital", Fund, [
        "国有资本经营预算", "国有资本经营预算拨款", "国有资本经营预算财政拨款",
    ], within FiscalAppropriation;
    SpecialAccount = "special_account", Fund, ["财政专户管理资金", "财政专户拨款", "财政专户资金", "专户资金", "财政专户管理"];
    /// 部门预算: the department's budget, heading every column of 西安's
    /// tables (a key shows it only beside a 总计 of more).
    DepartmentBudget = "department_budget", Fund, ["部门预算"];
    /// 单位资金 (其他资金): what the unit raises itself.
    UnitFunds = "unit_funds", Fund, ["单位资金", "其他资金"];

    // ---- items ----
    /// 合计 / 总计 / 小计: the total of what it heads.
    Total = "total", Item, ["合计", "总计", "小计", "总额"];
    Basic = "basic", Item, ["基本支出"];
    Project = "project", Item, ["项目支出", "专项业务经费支出", "专项业务费", "专项业务经费"];
    Personnel = "personnel", Item, ["人员经费", "人员支出", "人员经费支出", "人员类"], within Basic;
    PublicFunds = "public_funds", Item, ["公用经费", "公用经费支出", "日常公用支出", "日常公用经费"], within Basic;
    RemittanceToSuperior = "remittance_to_superior", Item, ["上缴上级支出"];
    OperatingExpenditure = "operating_expenditure", Item, ["经营支出", "事业单位经营支出"];
    SubsidyToAffiliates = "subsidy_to_affiliates", Item, ["对附属单位补助支出"];
    BusinessIncome = "business_income", Item, ["事业收入", "事业收入（不含教育收费）"], within UnitFunds;
    EducationFees = "education_fees", Item, ["教育收费"];
    OperatingIncome = "operating_income", Item, ["经营收入", "事业单位经营收入", "事业单位经营服务收入"], within UnitFunds;
    SuperiorSubsidyIncome = "superior_subsidy_income", Item, ["上级补助收入"], within UnitFunds;
    /// 附属单位上缴收入 (西安 prints 对附属单位上缴收入).
    AffiliateRemittanceIncome = "affiliate_remittance_income", Item, ["附属单位上缴收入", "对附属单位上缴收入", "下级单位上缴收入"], within UnitFunds;
    OtherIncome = "other_income", Item, ["其他收入", "其它收入"], within UnitFunds;
    CarriedOver = "carried_over", Item, ["上年结转", "上年结转结余", "上年结余、结转", "上年结转和结余资金", "上年结转和结余", "结转结余"];
    NonFiscalBalanceUsed = "non_fiscal_balance_used", Item, ["使用非财政拨款结余"];
    BusinessFundUsed = "business_fund_used", Item, ["用事业基金弥补收支差额"];
    AccountBalance = "account_balance", Item, ["上年实户资金余额"];
    CarriedForward = "carried_forward", Item, ["结转下年", "结转下年资金", "年终结转结余"];
    UnitReserve = "unit_reserve", Item, ["单位预留机动经费"];
    OpeningBalance = "opening_balance", Item, ["年初结转和结余"];
    ClosingBalance = "closing_balance", Item, ["年末结转和结余"];
    /// 其中：专项资金列入部门预算的项目 (西安).
    Earmarked = "earmarked", Item, ["专项资金列入部门预算项目", "专项资金列入部门预算的项目"], within GeneralBudget;
    Procurement = "procurement", Item, ["政府采购项目"];
    SmallAndMedium = "sme", Item, ["政府采购项目中预留给中小企业的项目资金规模"], within Procurement;
    SmallAndMicro = "micro", Item, ["政府采购项目中预留给小型、微型企业的项目资金规模"], within SmallAndMedium;
    /// “三公”经费: the three together.
    ThreePublic = "three_public", Item, ["“三公”经费", "三公经费"];
    OverseasTravel = "overseas_travel", Item, ["因公出国（境）费", "因公出国（境）费用", "因公出国（境）经费", "因公出国（境）"], within ThreePublic;
    Vehicles = "vehicles", Item, ["公务用车购置及运行费", "公务用车购置及运行维护费", "公务用车购置及运行维护", "公务用车购置及运行"], within ThreePublic;
    VehiclePurchase = "vehicle_purchase", Item, ["公务用车购置费", "公务用车购置经费", "购置费", "公务用车购置"], within Vehicles;
    VehicleOperation = "vehicle_operation", Item, ["公务用车运行费", "公务用车运行维护费", "运行费", "公务用车运行维护"], within Vehicles;
    Reception = "reception", Item, ["公务接待费", "公务接待"], within ThreePublic;
    Meetings = "meetings", Item, ["会议费"];
    Training = "training", Item, ["培训费"];
    OperatingExpenses = "operating_expenses", Item, ["机关运行经费", "机关运行经费支出"];
    /// 人数: how many people (会议费、培训费 tables), a count beside the amounts.
    People = "people", Item, ["人数"];
    InBudget = "in_budget", Item, ["纳入预算管理"];
    InSpecialAccount = "in_special_account", Item, ["纳入财政专户管理"];
    /// 增减(%): a rate of change, not an amount.
    ChangeRate = "change_rate", Item, ["增减（%）", "增减率", "增长率", "增减幅度", "增幅"];
    /// Side labels of a budget summary printing 支出 by two classifications.
    Functional = "functional", Item, ["功能分类"];
    Purpose = "purpose", Item, ["支出用途"];
    Economic = "economic", Item, [];
    GovernmentEconomic = "government_economic", Item, [];
}

/// Period words.
const PERIODS: &[(&str, Period)] = &[
    ("本年度", Period::Current),
    ("本年", Period::Current),
    ("当年", Period::Current),
    ("上年度", Period::PriorYear),
    ("上年数", Period::PriorYear),
    ("上年", Period::PriorYear),
    ("增减变化情况", Period::Change),
    ("增减变化金额", Period::Change),
    ("增减变化", Period::Change),
    ("比上年增减", Period::Change),
    ("增减额", Period::Change),
    ("增减", Period::Change),
];

/// Words that add nothing to a key: an amount, a funding-source caption,
/// the 三公 caption's 预（决）算数 and 安排的, a unit.
const NEUTRAL: &[&str] = &[
    "金额",
    "项目金额",
    "资金来源",
    "安排的",
    "预（决）算数",
    "（万元）",
    "（元）",
    "（千元）",
];

/// One header segment as read.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Segment {
    /// Its terms in printed order, each with whether 本年 qualified it
    /// (本年收入: this year's income, not 收入总计).
    pub terms: Vec<(Term, bool)>,
    /// A year printed in it ("2026年预算数").
    pub year: Option<u32>,
    /// A period word (上年, 增减变化情况, "A比B").
    pub period: Option<Period>,
    /// "其中：…": a part singled out of what the column before heads.
    pub part_of: bool,
    /// The segment, normalised, where the vocabulary does not know it.
    pub unknown: Option<String>,
    /// What a comparison of years qualifies itself with ("扣除中央基建投资").
    pub qualifier: Option<String>,
}

/// A header segment in the spelling the vocabulary lists: no spaces,
/// full-width brackets and colon, paired curly quotes; `true` when it opens
/// with 其中 (which is dropped).
pub fn normalise(raw: &str) -> (String, bool) {
    let mut open = true;
    let s: String = raw
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            ':' => '：',
            '"' | '“' | '”' => {
                let q = if open { '“' } else { '”' };
                open = !open;
                q
            }
            c => c,
        })
        .collect();
    if s == "其中" || s == "其中：" {
        return (String::new(), true);
    }
    match s.strip_prefix("其中：").or_else(|| s.strip_prefix("其中")) {
        Some(rest) if !rest.is_empty() => (rest.to_string(), true),
        _ => (s, false),
    }
}

enum Word {
    Term(Term),
    Period(Period),
    Neutral,
}

/// Every printed word, longest first (so 上年结转 is read before 上年).
fn lexicon() -> &'static [(&'static str, Word)] {
    static LEXICON: OnceLock<Vec<(&'static str, Word)>> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut words: Vec<(&'static str, Word)> = Term::ALL
            .iter()
            .flat_map(|t| t.printed().iter().map(|p| (*p, Word::Term(*t))))
            .chain(
                PERIODS
                    .iter()
                    .map(|(p, period)| (*p, Word::Period(*period))),
            )
            .chain(NEUTRAL.iter().map(|p| (*p, Word::Neutral)))
            .collect();
        words.sort_by_key(|(p, _)| std::cmp::Reverse(p.chars().count()));
        words
    })
}

/// A year at the start of `s` ("2026年", "2026年度"): the year and its length.
fn year_at(s: &str) -> Option<(u32, usize)> {
    let digits = s.get(..4)?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: u32 = digits.parse().ok()?;
    if !(1990..=2100).contains(&year) {
        return None;
    }
    ["年度", "年"]
        .iter()
        .find(|suffix| s[4..].starts_with(**suffix))
        .map(|suffix| (year, 4 + suffix.len()))
}

/// Reads a segment as words of the lexicon, longest first; `None` when some
/// of it is no word of it.
fn read_words(s: &str, seg: &mut Segment) -> Option<()> {
    let mut this_year = false;
    let mut rest = s;
    while !rest.is_empty() {
        if let Some((year, n)) = year_at(rest) {
            seg.year = Some(year);
            rest = &rest[n..];
            continue;
        }
        let (word, meaning) = lexicon().iter().find(|(p, _)| rest.starts_with(*p))?;
        rest = &rest[word.len()..];
        match meaning {
            Word::Term(t) => {
                seg.terms.push((*t, this_year && t.facet() == Facet::Flow));
                this_year = false;
            }
            Word::Period(p) => {
                this_year = *p == Period::Current;
                if seg.period != Some(Period::Change) {
                    seg.period = Some(*p);
                }
            }
            Word::Neutral => {}
        }
    }
    Some(())
}

/// Reads one printed header segment.
pub fn read_segment(raw: &str) -> Segment {
    let (s, part_of) = normalise(raw);
    let mut seg = Segment {
        part_of,
        ..Segment::default()
    };
    // A 栏次 number printed under the header names nothing.
    if s.is_empty() || s.bytes().all(|b| b.is_ascii_digit()) {
        return seg;
    }
    // "2026年预算数比2025年执行数（扣除中央基建投资）": a change between two years.
    if let Some(at) = s.find('比').filter(|_| year_at(&s).is_some()) {
        let after = &s[at + '比'.len_utf8()..];
        if year_at(after).is_some() {
            seg.period = Some(Period::Change);
            seg.qualifier = after
                .find('（')
                .map(|p| after[p..].trim_matches(['（', '）']).to_string());
            return seg;
        }
    }
    let mut read = seg.clone();
    if read_words(&s, &mut read).is_some() {
        return read;
    }
    // A classification named by its system: the side label of a summary
    // printing 支出 by 功能分类 and by 经济分类 ("部门预算支出经济分类科目（按大类）",
    // 西安's "支出功能分科目（按大类）", "政府预算支出经济科目（按大类）").
    if s.contains("分类") || s.contains("科目") {
        let system = if s.contains("功能") {
            Some(Term::Functional)
        } else if s.contains("经济") && s.contains("政府") {
            Some(Term::GovernmentEconomic)
        } else if s.contains("经济") {
            Some(Term::Economic)
        } else {
            None
        };
        if let Some(term) = system {
            seg.terms.push((term, false));
            return seg;
        }
    }
    // Unknown: its printed text is its key piece; a leading year still dates it.
    match year_at(&s) {
        Some((year, n)) if n < s.len() => {
            seg.year = Some(year);
            seg.unknown = Some(s[n..].to_string());
        }
        _ => seg.unknown = Some(s),
    }
    seg
}

/// Whether a printed header word reads as words of the vocabulary naming
/// what a column of figures is (合计, 基本支出, 本年收入合计, 金额 …), undated:
/// a header word naming figures wherever it is printed ("2026年预算数" and
/// "当年预算" date a heading instead).
pub fn is_term_word(header_word: &str) -> bool {
    let (s, _) = normalise(header_word);
    if NEUTRAL.contains(&s.as_str()) {
        return true;
    }
    let seg = read_segment(header_word);
    let dated = seg.year.is_some()
        || seg.period.is_some() && !seg.terms.iter().any(|(_, this_year)| *this_year);
    seg.unknown.is_none() && !seg.terms.is_empty() && !dated
}

#[cfg(test)]
mod tests;

//! Cross-table identities as data: per document kind, which figure of which
//! table must equal which figure of another. `crate::cross_table` evaluates
//! them; adding an identity is adding an entry to [`FINAL_ACCOUNTS`] or
//! `crate::budget::IDENTITIES`. The narrative bindings (`crate::narrative`) name their table
//! figures with the same [`Figure`].
use rust_decimal::Decimal;

use fiscal_recognize::numbering::numbering_level;
use fiscal_recognize::{Row, RowRole, Table, TableKind};

use crate::check::{label, ComparedFigure};
use crate::figures::{figure_read, is_blank, is_ordinal_item, table_of};
use crate::rule::Rule;

/// How a row is named.
#[derive(Debug, Clone, Copy)]
pub enum Name {
    /// The total of the table or of its side (its role, whatever its
    /// wording: 合计, 总计, 收入总计 …).
    Total,
    /// The side's total of this year's money, above the balances carried
    /// over (本年收入合计, 本年支出合计, a 收入合计 above 收入总计).
    Subtotal,
    /// Exactly one of these names.
    Is(&'static [&'static str]),
    /// A name ending with this ("一、一般公共预算财政拨款收入").
    EndsWith(&'static str),
    /// An ordinal item ("一、…") containing this word.
    Item(&'static str),
    /// A numbered item of this year's money ("（一）一般公共预算拨款",
    /// "1.一般公共预算拨款", "一、一般公共预算") containing this word: not a
    /// 结转 / 结余 item.
    Listed(&'static str),
}

impl Name {
    fn matches(self, r: &Row) -> bool {
        let Some(name) = r.name.as_deref() else {
            return false;
        };
        match self {
            Name::Total => r.role == RowRole::Total,
            Name::Subtotal => r.role == RowRole::Subtotal,
            Name::Is(names) => names.contains(&name),
            Name::EndsWith(end) => name.ends_with(end),
            Name::Item(word) => is_ordinal_item(name) && name.contains(word),
            Name::Listed(word) => {
                numbering_level(name).is_some()
                    && name.contains(word)
                    && !name.contains("结转")
                    && !name.contains("结余")
            }
        }
    }

    fn describe(self) -> String {
        match self {
            Name::Total => "合计".to_string(),
            Name::Subtotal => "本年合计".to_string(),
            Name::Is(names) => names.join("/"),
            Name::EndsWith(end) | Name::Item(end) | Name::Listed(end) => end.to_string(),
        }
    }
}

/// Which figure of a table.
#[derive(Debug, Clone, Copy)]
pub enum Pick {
    /// The first row of `group` (either side when `None`) without a code whose
    /// name matches, in the first of its columns whose header leaf is one of
    /// `leaves` (its first figure when empty).
    Row {
        group: Option<&'static str>,
        name: Name,
        leaves: &'static [&'static str],
    },
    /// The sum of the rows with these names (all of them printed).
    SumOfRows {
        names: &'static [&'static str],
        leaves: &'static [&'static str],
    },
    /// The sum of the 类 (level-1) rows, where the table prints none of the
    /// totals `unless` names (then those are the figure, and a table that
    /// prints only some of them was not read whole).
    SumOfLevel1 {
        leaves: &'static [&'static str],
        unless: &'static [&'static str],
    },
}

/// A figure of a table of one kind.
#[derive(Debug, Clone, Copy)]
pub struct Figure {
    pub kind: TableKind,
    pub pick: Pick,
}

/// A figure as read: its value, how many printed figures it sums, its table.
pub struct Read<'a> {
    pub value: Decimal,
    pub summands: usize,
    pub table: &'a Table,
    /// The figures read (none for a table printed empty).
    pub figures: Vec<ComparedFigure>,
}

impl Figure {
    /// Reads the figure; the error says what is missing. A table that prints
    /// no figure at all (published empty) reads 0 for any of its totals.
    pub fn read<'a>(&self, tables: &[&'a Table]) -> Result<Read<'a>, String> {
        let t = table_of(tables, self.kind)
            .ok_or_else(|| format!("no {} table in this document", self.kind))?;
        // The figures read, their sum and how many they are.
        let found = |read: Option<Vec<(Decimal, ComparedFigure)>>| {
            read.map(|read| Read {
                value: read.iter().map(|(v, _)| *v).sum(),
                summands: read.len(),
                table: t,
                figures: read.into_iter().map(|(_, f)| f).collect(),
            })
        };
        let read = match self.pick {
            Pick::Row {
                group,
                name,
                leaves,
            } => {
                let r = t.rows.iter().find(|r| {
                    group.is_none_or(|g| r.group.as_deref().is_some_and(|rg| rg.contains(g)))
                        && r.code.is_none()
                        && name.matches(r)
                });
                found(r.and_then(|r| figure_read(t, r, leaves)).map(|f| vec![f]))
            }
            Pick::SumOfRows { names, leaves } => {
                let rows: Vec<&Row> = names
                    .iter()
                    .filter_map(|n| {
                        t.rows
                            .iter()
                            .find(|r| r.code.is_none() && r.name.as_deref() == Some(n))
                    })
                    .collect();
                let values: Option<Vec<_>> = (rows.len() == names.len())
                    .then(|| rows.iter().map(|r| figure_read(t, r, leaves)).collect())
                    .flatten();
                found(values)
            }
            Pick::SumOfLevel1 { leaves, unless } => {
                let printed_total = t.rows.iter().any(|r| {
                    r.code.is_none() && r.name.as_deref().is_some_and(|n| unless.contains(&n))
                });
                let rows: Vec<&Row> = if printed_total {
                    Vec::new()
                } else {
                    t.rows
                        .iter()
                        .filter(|r| r.subject_code().is_some_and(|c| c.level() == 1))
                        .collect()
                };
                let values: Option<Vec<_>> = (!rows.is_empty())
                    .then(|| rows.iter().map(|r| figure_read(t, r, leaves)).collect())
                    .flatten();
                found(values)
            }
        };
        match read {
            Some(r) => Ok(r),
            None if is_blank(t) => Ok(Read {
                value: Decimal::ZERO,
                summands: 1,
                table: t,
                figures: Vec::new(),
            }),
            None => Err(format!("{} has no {}", label(t), self.describe())),
        }
    }

    fn describe(&self) -> String {
        match self.pick {
            Pick::Row {
                name, leaves: [], ..
            } => name.describe(),
            Pick::Row { name, leaves, .. } => format!("{} [{}]", name.describe(), leaves.join("/")),
            Pick::SumOfRows { names, .. } => names.join(" + "),
            Pick::SumOfLevel1 { .. } => "类 rows".to_string(),
        }
    }
}

/// One identity between tables.
#[derive(Debug, Clone, Copy)]
pub enum Identity {
    /// `left` = `right`; each side is the first of its alternatives the
    /// document prints.
    Equal {
        rule: Rule,
        what: &'static str,
        left: &'static [Figure],
        right: &'static [Figure],
    },
    /// Each ordinal item ("一、一般公共服务支出") of `side` in `left` (in the
    /// column whose header ends with `column`) equals the 类 row of the same
    /// name in `right` (in its column with a header leaf among `leaves`).
    ItemsByName {
        rule: Rule,
        what: &'static str,
        left: TableKind,
        side: &'static str,
        column: &'static str,
        right: TableKind,
        leaves: &'static [&'static str],
    },
}

/// The figure of a named row of a table of `kind`, in the first column whose
/// header leaf is one of `leaves`.
/// The 一般公共预算财政拨款基本支出决算表's total: 人员经费合计 + 公用经费合计
/// where printed, else the sum of its 类 rows.
pub(crate) const BASIC_TABLE_TOTAL: &[Figure] = &[
    Figure {
        kind: K::GeneralBudgetBasicExpenditure,
        pick: Pick::SumOfRows {
            names: &["人员经费合计", "公用经费合计"],
            leaves: &[],
        },
    },
    Figure {
        kind: K::GeneralBudgetBasicExpenditure,
        pick: Pick::SumOfLevel1 {
            leaves: &[],
            unless: &["人员经费合计", "公用经费合计"],
        },
    },
];

pub(crate) const fn row(
    kind: TableKind,
    group: Option<&'static str>,
    name: Name,
    leaves: &'static [&'static str],
) -> Figure {
    Figure {
        kind,
        pick: Pick::Row {
            group,
            name,
            leaves,
        },
    }
}

use TableKind as K;

const TOTAL_LEAVES: &[&str] = &["本年支出合计", "合计", "小计"];
const SUBTOTAL_LEAVES: &[&str] = &["小计", "合计"];

/// The identities of the 部门决算 set (表1 … 表9).
pub const FINAL_ACCOUNTS: &[Identity] = &[
    Identity::Equal {
        rule: Rule::SummaryIncomeEqualsIncomeTable,
        what: "表1 本年收入合计 = 收入决算表 合计",
        left: &[row(
            K::IncomeExpenditureSummary,
            Some("收入"),
            Name::Subtotal,
            &[],
        )],
        right: &[row(K::Income, None, Name::Total, &["本年收入合计", "合计"])],
    },
    Identity::Equal {
        rule: Rule::SummaryExpenditureEqualsExpenditureTable,
        what: "表1 本年支出合计 = 支出决算表 合计",
        left: &[row(
            K::IncomeExpenditureSummary,
            Some("支出"),
            Name::Subtotal,
            &[],
        )],
        right: &[row(
            K::Expenditure,
            None,
            Name::Total,
            &["本年支出合计", "合计"],
        )],
    },
    Identity::Equal {
        rule: Rule::SummaryAppropriationsEqualFiscalSummary,
        what: "表1 收入 一般公共预算财政拨款 = 表4 收入 一般公共预算财政拨款",
        left: &[row(
            K::IncomeExpenditureSummary,
            Some("收入"),
            Name::Item("一般公共预算财政拨款"),
            &[],
        )],
        right: &[row(
            K::FiscalAppropriationSummary,
            Some("收入"),
            Name::Item("一般公共预算财政拨款"),
            &[],
        )],
    },
    Identity::Equal {
        rule: Rule::SummaryAppropriationsEqualFiscalSummary,
        what: "表1 收入 政府性基金预算财政拨款 = 表4 收入 政府性基金预算财政拨款",
        left: &[row(
            K::IncomeExpenditureSummary,
            Some("收入"),
            Name::Item("政府性基金预算财政拨款"),
            &[],
        )],
        right: &[row(
            K::FiscalAppropriationSummary,
            Some("收入"),
            Name::Item("政府性基金预算财政拨款"),
            &[],
        )],
    },
    Identity::Equal {
        rule: Rule::SummaryAppropriationsEqualFiscalSummary,
        what: "表1 收入 国有资本经营预算财政拨款 = 表4 收入 国有资本经营预算财政拨款",
        left: &[row(
            K::IncomeExpenditureSummary,
            Some("收入"),
            Name::Item("国有资本经营"),
            &[],
        )],
        right: &[row(
            K::FiscalAppropriationSummary,
            Some("收入"),
            Name::Item("国有资本经营"),
            &[],
        )],
    },
    Identity::Equal {
        rule: Rule::FiscalGeneralEqualsGeneralTable,
        what: "表4 本年支出合计 [一般公共预算财政拨款] = 一般公共预算财政拨款支出决算表 合计",
        left: &[row(
            K::FiscalAppropriationSummary,
            Some("支出"),
            Name::Subtotal,
            &["一般公共预算财政拨款"],
        )],
        right: &[row(
            K::GeneralBudgetExpenditure,
            None,
            Name::Total,
            TOTAL_LEAVES,
        )],
    },
    Identity::Equal {
        rule: Rule::FiscalFundEqualsFundTable,
        what:
            "表4 本年支出合计 [政府性基金预算财政拨款] = 政府性基金预算财政拨款收入支出决算表 合计",
        left: &[row(
            K::FiscalAppropriationSummary,
            Some("支出"),
            Name::Subtotal,
            &["政府性基金预算财政拨款"],
        )],
        right: &[row(K::GovernmentFund, None, Name::Total, SUBTOTAL_LEAVES)],
    },
    Identity::Equal {
        rule: Rule::FiscalCapitalEqualsCapitalTable,
        what:
            "表4 本年支出合计 [国有资本经营预算财政拨款] = 国有资本经营预算财政拨款支出决算表 合计",
        left: &[row(
            K::FiscalAppropriationSummary,
            Some("支出"),
            Name::Subtotal,
            &["国有资本经营预算财政拨款"],
        )],
        right: &[row(K::StateCapital, None, Name::Total, SUBTOTAL_LEAVES)],
    },
    Identity::ItemsByName {
        rule: Rule::FiscalFunctionsEqualGeneralTable,
        what: "表4 支出 by 类 [一般公共预算财政拨款] = 一般公共预算财政拨款支出决算表 类 rows",
        left: K::FiscalAppropriationSummary,
        side: "支出",
        column: "一般公共预算财政拨款",
        right: K::GeneralBudgetExpenditure,
        leaves: TOTAL_LEAVES,
    },
    Identity::Equal {
        rule: Rule::GeneralBasicEqualsBasicTable,
        what: "一般公共预算财政拨款支出决算表 合计 [基本支出] = 基本支出决算表 人员经费 + 公用经费",
        left: &[row(
            K::GeneralBudgetExpenditure,
            None,
            Name::Total,
            &["基本支出"],
        )],
        right: BASIC_TABLE_TOTAL,
    },
];

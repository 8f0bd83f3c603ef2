//! Why tables came out as they did: every decision of table assembly, with
//! the evidence it was taken on, by page. `extract --debug-layout` prints
//! them beside each page.
use std::fmt;

/// A table as a decision names it: its printed number and title.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableName {
    pub number: Option<String>,
    pub title: String,
}

impl fmt::Display for TableName {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match (&self.number, self.title.is_empty()) {
            (Some(n), false) => write!(f, "{n} “{}”", self.title),
            (Some(n), true) => write!(f, "{n}"),
            (None, false) => write!(f, "“{}”", self.title),
            (None, true) => write!(f, "an untitled table"),
        }
    }
}

/// How a table started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    /// A line (or two, wrapped) read as its title.
    Title,
    /// A title printed in its grid's top row.
    Caption,
    /// A grid with no title before it.
    Untitled,
}

/// Why a grid went on the open table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Continuation {
    /// The first grid under the table's title.
    UnderTitle,
    /// Another grid on the page the table last took one from.
    SamePage,
    /// A grid on the page after the one the table last took one from.
    NextPage { from: u32 },
}

/// Why the open table ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Close {
    /// A note under it ("注：…", "本表…", "说明："): nothing after a note is its.
    Note(String),
    /// A narrative line after its grid.
    Narrative(String),
    /// Another table's title.
    NewTitle(String),
    /// Another title printed in a grid's top row.
    NewCaption(String),
    /// The grid is not on the page the table last took one from, nor the next.
    PageGap { last: u32 },
    /// A line a form cannot hold (a title, a heading, a paragraph) or the
    /// form's last row.
    FormEnds(String),
    /// The document ends.
    EndOfDocument,
}

/// Why a line read as a title is not one after all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotTitle {
    /// Another title followed at once: a heading over it, or an entry of a
    /// list of table names.
    TitleFollows,
    /// A grid printed in its grid's top row names another table.
    CaptionFollows,
    /// Nothing but text came after it.
    NoGrid,
    /// It ended its page, and the next page starts with text.
    NextPageStartsWithText,
}

/// One decision of table assembly.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    /// A table starts.
    Starts { table: TableName, how: Start },
    /// A grid goes on the open table.
    Continues { table: TableName, how: Continuation },
    /// The open table's title printed again at the head of a continuation
    /// page: the same table goes on.
    AbsorbsRepeatedTitle { table: TableName, since: u32 },
    /// The open table ends.
    Closes { table: TableName, why: Close },
    /// A table's title with no grid: kept as a table printed empty.
    EmptyTable { table: TableName },
    /// A line read as a title goes back to the narrative.
    NotATitle { text: String, why: NotTitle },
    /// Header rows printed again on a continuation page, dropped.
    DropsRepeatedHeader { rows: usize },
    /// The first row of a continuation page finishes the row the page break cut.
    StitchesCutRow { row: String },
    /// A running header or footer (the same text at the top or foot of many
    /// pages), left out of everything.
    DropsRunningLine { text: String },
    /// A form printed on under the same title on the next page (a list going
    /// on, a form's rows run over) joins the form before it.
    JoinsForm { table: TableName, since: u32 },
    /// A line printing only a table number, held for the title after it (it
    /// neither is narrative nor ends the open table).
    HoldsTableNumber { number: String },
    /// Charts drawn on the page (gridlines, axis ticks, value and category
    /// labels: `blocks` grids and lines), left out of tables and narrative.
    LeavesOutCharts { charts: usize, blocks: usize },
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Decision::Starts { table, how } => match how {
                Start::Title => write!(f, "starts {table}: its title"),
                Start::Caption => write!(f, "starts {table}: title in the grid's top row"),
                Start::Untitled => write!(f, "starts {table}: a grid with no title before it"),
            },
            Decision::Continues { table, how } => match how {
                Continuation::UnderTitle => write!(f, "continues {table}: its first grid"),
                Continuation::SamePage => write!(f, "continues {table}: another grid on the page"),
                Continuation::NextPage { from } => {
                    write!(f, "continues {table}: grid on the page after p.{from}")
                }
            },
            Decision::JoinsForm { table, since } => write!(
                f,
                "joins {table} (since p.{since}): the same form printed on, no new head"
            ),
            Decision::AbsorbsRepeatedTitle { table, since } => write!(
                f,
                "absorbs a repeated title: same title as {table}, open since p.{since}"
            ),
            Decision::Closes { table, why } => {
                write!(f, "closes {table}: ")?;
                match why {
                    Close::Note(line) => write!(f, "note “{line}”"),
                    Close::Narrative(line) => write!(f, "narrative line “{line}”"),
                    Close::NewTitle(title) => write!(f, "title “{title}”"),
                    Close::NewCaption(title) => write!(f, "a grid titled “{title}”"),
                    Close::PageGap { last } => {
                        write!(f, "a grid not on p.{last} nor the page after")
                    }
                    Close::FormEnds(line) => write!(f, "the form ends at “{line}”"),
                    Close::EndOfDocument => write!(f, "end of the document"),
                }
            }
            Decision::EmptyTable { table } => {
                write!(f, "keeps {table} printed empty: a known title, no grid")
            }
            Decision::NotATitle { text, why } => {
                write!(f, "not a title: “{text}”: ")?;
                f.write_str(match why {
                    NotTitle::TitleFollows => "another title follows at once",
                    NotTitle::CaptionFollows => "the grid after it is titled in its top row",
                    NotTitle::NoGrid => "no grid follows",
                    NotTitle::NextPageStartsWithText => "the next page starts with text",
                })
            }
            Decision::DropsRepeatedHeader { rows } => {
                write!(f, "drops {rows} header row(s) printed again")
            }
            Decision::StitchesCutRow { row } => {
                write!(f, "stitches the row cut by the page break: “{row}”")
            }
            Decision::DropsRunningLine { text } => write!(f, "drops running line “{text}”"),
            Decision::HoldsTableNumber { number } => {
                write!(f, "holds table number “{number}” for the title after it")
            }
            Decision::LeavesOutCharts { charts, blocks } => write!(
                f,
                "leaves out {charts} chart(s) ({blocks} grids and label lines): \
                 gridlines without cells, axis ticks stepping evenly"
            ),
        }
    }
}

/// A decision and the page it was taken on.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub page: u32,
    pub decision: Decision,
}

/// The decisions of one assembly, kept only when asked for (building them
/// costs strings the output does not need).
#[derive(Debug, Default)]
pub struct Trace {
    steps: Option<Vec<Step>>,
}

impl Trace {
    /// A trace that keeps what it is given.
    pub fn kept() -> Self {
        Trace {
            steps: Some(Vec::new()),
        }
    }

    /// Records the decision `make` builds, if this trace is kept.
    pub fn record(&mut self, page: u32, make: impl FnOnce() -> Decision) {
        if let Some(steps) = self.steps.as_mut() {
            steps.push(Step {
                page,
                decision: make(),
            });
        }
    }

    pub fn into_steps(self) -> Vec<Step> {
        self.steps.unwrap_or_default()
    }
}

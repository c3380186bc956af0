//! One model of documents: the public types every reader fills, documented in one place.
//!
//! A [`Document`] holds funding units, their projects and the projects' indicators, whatever
//! the input it was read from: the run-on text of Guangzhou's budget system, a grid as text,
//! a spreadsheet or an HTML page. Each concern has its own private module: `indicator` (the
//! indicator and its record form), `diagnostic` and `error`.

mod diagnostic;
mod error;
pub(crate) mod indicator;

use rust_decimal::Decimal;

pub use diagnostic::{Diagnostic, DiagnosticCode, Severity};
pub use error::{TableError, TableErrorKind};
pub use indicator::{Indicator, IndicatorList, Nature, TextCell, TextRole};

/// A performance table (绩效目标表, 绩效自评表 …): its title and money, its funding units
/// (资金使用单位) and their projects, and what the reader noticed on the way.
///
/// Parse it with [`FromStr`](core::str::FromStr) (or [`Document::from_bytes`]), which finds
/// the layout by itself: the run-on records of Guangzhou's budget system, or a grid of
/// cells as pipe rows, TSV, CSV, one cell per line or paragraph, an indented tree or
/// space-separated text. A table that can be read returns a document with
/// [`diagnostics`](Document::diagnostics); only input that is no such table at all is an
/// error.
///
/// ```
/// use jixiao::{Document, Layout};
///
/// let text = std::fs::read_to_string("tests/data/guangzhou_commerce_2024.txt")?;
/// let doc: Document = text.parse()?;
/// assert_eq!(doc.department.as_deref(), Some("广州市商务局"));
/// assert_eq!(doc.year, Some(2024));
/// assert_eq!(doc.layout, Layout::RunOn);
/// assert_eq!(doc.units.len(), 4);
/// assert_eq!(doc.projects().count(), 68);
/// assert_eq!(doc.indicators().count(), 338);
/// assert_eq!(doc.funding.total.map(|t| t.to_string()).as_deref(), Some("123307.34"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
// The JSON begins with the format's version: see `json::versioned`.
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(remote = "Self")
)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Document", transform = crate::json::with_format)
)]
#[non_exhaustive]
pub struct Document {
    /// The title as printed: `广州市商务局2024年项目支出绩效目标表（含转移支付项目）`.
    pub title: Option<String>,
    /// The department (部门名称, 主管部门 of the whole table).
    pub department: Option<String>,
    /// The budget year, from the title.
    pub year: Option<u16>,
    /// The unit of every amount (`万元`, `元`), as printed after `单位：` or `金额单位：`.
    pub money_unit: Option<String>,
    /// The grand total (合计).
    pub funding: Funding,
    /// The funding units (资金使用单位), each with its projects. A table that names no unit
    /// has one, named after the department.
    pub units: Vec<FundingUnit>,
    /// What could not be taken at face value, in the order of the input.
    pub diagnostics: Vec<Diagnostic>,
    /// What kind of table it is: targets, an application, an approval, a self-evaluation.
    #[cfg_attr(feature = "serde", serde(default))]
    pub kind: TableKind,
    /// Whether the table is about projects or about a department's whole spending.
    #[cfg_attr(feature = "serde", serde(default))]
    pub scope: Scope,
    /// Which layout was read.
    #[cfg_attr(feature = "serde", serde(default))]
    pub layout: Layout,
}

/// What kind of performance table a [`Document`] is, from its title and its columns.
///
/// ```
/// use jixiao::TableKind;
///
/// assert_eq!(TableKind::default(), TableKind::Target);
/// assert_eq!(TableKind::SelfEvaluation.as_str(), "self_evaluation");
/// assert_eq!("self_evaluation".parse::<TableKind>(), Ok(TableKind::SelfEvaluation));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub enum TableKind {
    /// 绩效目标表: the targets published with a budget (the default).
    #[default]
    Target,
    /// 绩效目标申报表: targets as a department applies for the money.
    Application,
    /// 绩效目标批复表: targets as the finance bureau approved them.
    Approval,
    /// 绩效自评表: a department's own scoring of its year, with actual values and scores.
    SelfEvaluation,
    /// 绩效评价: an evaluation's scoring table (评价指标体系), often with 决策 and 过程 tiers.
    Evaluation,
}

/// Whether a [`Document`] is about projects or about a department's whole spending
/// (部门整体支出), where the department itself is the subject.
///
/// ```
/// use jixiao::Scope;
///
/// assert_eq!(Scope::default(), Scope::Project);
/// assert_eq!(Scope::Department.as_str(), "department");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub enum Scope {
    /// 项目支出: one or more projects (the default).
    #[default]
    Project,
    /// 部门整体支出: the department's whole spending, read as one project named after it.
    Department,
}

/// Which layout a [`Document`] was read from.
///
/// ```
/// use jixiao::Layout;
///
/// assert_eq!(Layout::Pipe.as_str(), "pipe");
/// assert_eq!("cell_per_line".parse::<Layout>(), Ok(Layout::CellPerLine));
/// assert_eq!(Layout::Outline.to_string().parse::<Layout>(), Ok(Layout::Outline));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub enum Layout {
    /// The run-on records of Guangzhou's budget system, as pdftotext prints them
    /// (`1、1-产出指标；11-数量指标；…；年度指标值:…。`); the default.
    #[default]
    RunOn,
    /// Grid rows with cells between `|` (text copied from an HTML table), empty cells possibly
    /// collapsed.
    Pipe,
    /// Tab- or comma-separated rows (TSV, CSV).
    Delimited,
    /// One cell per line.
    CellPerLine,
    /// One cell per paragraph (cells apart by blank lines).
    Paragraph,
    /// One cell per line, indented by its level (一级, 二级, 三级, values).
    Tree,
    /// Indicators listed under headings that name their levels, not in a grid: an outline
    /// (`一、产出指标` / `（一）数量指标` / `培训人数≥300人；`), prose
    /// (`数量指标:种植数量≥17600株;…`) or bracketed pairs (`【产出指标-数量指标】`).
    Outline,
    /// Cells apart by spaces (Word or PDF text).
    Spaced,
    /// Cells glued together with no separator (Word, PDF or OCR text).
    Glued,
    /// A spreadsheet (XLSX, XLS).
    Spreadsheet,
    /// An HTML page's tables.
    Html,
}

/// A funding unit (资金使用单位): the department itself or a subordinate body.
///
/// ```
/// use jixiao::Document;
///
/// let doc: Document = std::fs::read_to_string("tests/data/guangzhou_commerce_2024.txt")?.parse()?;
/// let unit = &doc.units[3];
/// assert_eq!(unit.name, "广州市商贸发展服务中心");
/// assert_eq!(unit.projects.len(), 3);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct FundingUnit {
    /// The unit's name.
    pub name: String,
    /// The unit's subtotal.
    pub funding: Funding,
    /// The unit's projects, in order.
    pub projects: Vec<Project>,
    /// The 1-based line of the unit's row.
    #[cfg_attr(feature = "serde", serde(default))]
    pub line: Option<usize>,
}

/// A funded project (or, in a 部门整体支出 table, the department's whole spending): its money,
/// its goal (绩效目标) and its indicators (绩效指标).
///
/// ```
/// use jixiao::Document;
///
/// let doc: Document = std::fs::read_to_string("tests/data/guangzhou_commerce_2024.txt")?.parse()?;
/// let project = &doc.units[0].projects[11];
/// assert_eq!(project.name, "机电与科技产业发展暨公平贸易专题（平行车）");
/// assert!(project.goal.starts_with("扩大南沙汽车进口"));
/// assert_eq!(project.indicators.len(), 3);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Project {
    /// The project's name, wrapped lines joined; a code for a 涉密 project.
    pub name: String,
    /// The project's money by column, where the table shows columns.
    pub funding: Funding,
    /// The goal (绩效目标, 年度目标), wrapped lines joined, with its own numbering (`1.`, `1、`)
    /// kept.
    pub goal: String,
    /// The indicators, in order.
    pub indicators: Vec<Indicator>,
    /// The 1-based line of the project's row (where its name starts).
    #[cfg_attr(feature = "serde", serde(default))]
    pub line: Option<usize>,
    /// The unit that carries it out (实施单位), where the table names one.
    #[cfg_attr(feature = "serde", serde(default))]
    pub implementer: Option<String>,
    /// The department in charge (主管部门), where the table names one.
    #[cfg_attr(feature = "serde", serde(default))]
    pub competent: Option<String>,
    /// The budget (预算数, 资金总额 …) in the table's money unit, where the table shows one
    /// amount for the project.
    #[cfg_attr(feature = "serde", serde(default))]
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::json::decimal::option")
    )]
    pub budget: Option<Decimal>,
    /// The implementation period (实施期限, 项目周期) as printed.
    #[cfg_attr(feature = "serde", serde(default))]
    pub period: Option<String>,
    /// What a self-evaluation says of the goal (实际完成情况).
    #[cfg_attr(feature = "serde", serde(default))]
    pub goal_actual: Option<String>,
    /// A self-evaluation's money block (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 |
    /// 得分), one row per source of money, the total first where the table prints one.
    #[cfg_attr(feature = "serde", serde(default))]
    pub execution: Vec<Execution>,
    /// Other labelled cells about the project (项目负责人, 联系电话, 资金来源 …), as printed.
    #[cfg_attr(feature = "serde", serde(default))]
    pub details: Vec<TextCell>,
}

crate::words! {
    TableKind, "table kind" {
        Target => "target",
        Application => "application",
        Approval => "approval",
        SelfEvaluation => "self_evaluation",
        Evaluation => "evaluation",
    }
}

crate::words! {
    Scope, "scope" {
        Project => "project",
        Department => "department",
    }
}

crate::words! {
    Layout, "layout" {
        RunOn => "run_on",
        Pipe => "pipe",
        Delimited => "delimited",
        CellPerLine => "cell_per_line",
        Paragraph => "paragraph",
        Tree => "tree",
        Outline => "outline",
        Spaced => "spaced",
        Glued => "glued",
        Spreadsheet => "spreadsheet",
        Html => "html",
    }
}

impl FundingUnit {
    /// A unit with a name and nothing in it yet.
    ///
    /// ```
    /// let unit = jixiao::FundingUnit::new("某局");
    /// assert!(unit.projects.is_empty());
    /// ```
    pub fn new(name: impl Into<String>) -> FundingUnit {
        FundingUnit {
            name: name.into(),
            funding: Funding::default(),
            projects: Vec::new(),
            line: None,
        }
    }
}

impl Project {
    /// A project with a name and nothing in it yet.
    ///
    /// ```
    /// let project = jixiao::Project::new("服务贸易专题");
    /// assert!(project.indicators.is_empty() && project.goal.is_empty());
    /// ```
    pub fn new(name: impl Into<String>) -> Project {
        Project {
            name: name.into(),
            funding: Funding::default(),
            goal: String::new(),
            indicators: Vec::new(),
            line: None,
            implementer: None,
            competent: None,
            budget: None,
            period: None,
            goal_actual: None,
            execution: Vec::new(),
            details: Vec::new(),
        }
    }
}

/// One row of a self-evaluation's money block: how much of a source of money was budgeted
/// and spent, and what it scored.
///
/// ```
/// use jixiao::Execution;
/// use jixiao::Decimal;
///
/// let row = Execution::new("年度资金总额")
///     .with_budget(Decimal::from(200))
///     .with_executed(Decimal::from(150));
/// assert_eq!(row.computed_rate(), Some(Decimal::from(75)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Execution {
    /// The row's label as printed: `年度资金总额`, `其中：当年财政拨款`, `上年结转资金`, `其他资金`.
    pub label: String,
    /// 年初预算数: the budget at the start of the year.
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "crate::json::decimal::option")
    )]
    pub initial: Option<Decimal>,
    /// 全年预算数: the budget after the year's adjustments.
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "crate::json::decimal::option")
    )]
    pub budget: Option<Decimal>,
    /// 全年执行数: the money spent.
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "crate::json::decimal::option")
    )]
    pub executed: Option<Decimal>,
    /// 分值: the weight of budget execution.
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "crate::json::decimal::option")
    )]
    pub weight: Option<Decimal>,
    /// 执行率 as printed, in percent (`95%` is 95).
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "crate::json::decimal::option")
    )]
    pub rate: Option<Decimal>,
    /// 得分: the score the table gives.
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "crate::json::decimal::option")
    )]
    pub score: Option<Decimal>,
    /// The 1-based line (or row) it was read from.
    pub line: Option<usize>,
}

impl Execution {
    /// An empty row with its label.
    ///
    /// ```
    /// assert_eq!(jixiao::Execution::new("年度资金总额").budget, None);
    /// ```
    pub fn new(label: impl Into<String>) -> Execution {
        Execution {
            label: label.into(),
            initial: None,
            budget: None,
            executed: None,
            weight: None,
            rate: None,
            score: None,
            line: None,
        }
    }

    /// The row with its 全年预算数.
    ///
    /// ```
    /// use jixiao::Decimal;
    ///
    /// let row = jixiao::Execution::new("年度资金总额").with_budget(Decimal::TEN);
    /// assert_eq!(row.budget, Some(Decimal::TEN));
    /// ```
    #[must_use]
    pub fn with_budget(mut self, budget: Decimal) -> Execution {
        self.budget = Some(budget);
        self
    }

    /// The row with its 全年执行数.
    ///
    /// ```
    /// use jixiao::Decimal;
    ///
    /// let row = jixiao::Execution::new("年度资金总额").with_executed(Decimal::ONE);
    /// assert_eq!(row.executed, Some(Decimal::ONE));
    /// ```
    #[must_use]
    pub fn with_executed(mut self, executed: Decimal) -> Execution {
        self.executed = Some(executed);
        self
    }

    /// 执行数 ÷ 预算数 in percent, to two decimals: what the 执行率 should be. `None` without
    /// both amounts, with a budget of 0, or where the division does not fit.
    ///
    /// ```
    /// use jixiao::Execution;
    /// use jixiao::Decimal;
    ///
    /// let row = Execution::new("x").with_budget(Decimal::ZERO).with_executed(Decimal::ONE);
    /// assert_eq!(row.computed_rate(), None);
    /// ```
    #[must_use]
    pub fn computed_rate(&self) -> Option<Decimal> {
        let budget = self.budget.filter(|b| !b.is_zero())?;
        let executed = self.executed?;
        executed
            .checked_mul(Decimal::ONE_HUNDRED)?
            .checked_div(budget)
            .map(|r| r.round_dp(2))
    }
}

/// A row's money, in the table's money unit, by column.
///
/// `None` means the row shows nothing in that column. Where the text does not tell a column
/// apart, the amount goes to [`non_fiscal`](Funding::non_fiscal) (not 财政拨款, but 财政专户拨款
/// or 其他资金) or [`unresolved`](Funding::unresolved) (any column), with a diagnostic.
///
/// ```
/// use jixiao::Funding;
/// use jixiao::Decimal;
///
/// let f = Funding::default()
///     .with_total(Decimal::new(12_004_308, 2))
///     .with_fiscal(Decimal::new(12_003_048, 2))
///     .with_non_fiscal(Decimal::new(1_260, 2));
/// assert_eq!(f.not_fiscal(), Some(Decimal::new(1_260, 2)));
/// assert!(f.adds_up());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Funding {
    /// 总计: the row's total.
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "crate::json::decimal::option")
    )]
    pub total: Option<Decimal>,
    /// 财政拨款: money appropriated from the budget.
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "crate::json::decimal::option")
    )]
    pub fiscal: Option<Decimal>,
    /// 财政专户拨款: money from a fiscal special account.
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "crate::json::decimal::option")
    )]
    pub special: Option<Decimal>,
    /// 其他资金: other money.
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "crate::json::decimal::option")
    )]
    pub other: Option<Decimal>,
    /// Money that is not 财政拨款, where the text does not tell 财政专户拨款 from 其他资金.
    #[cfg_attr(feature = "serde", serde(default))]
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::json::decimal::option")
    )]
    pub non_fiscal: Option<Decimal>,
    /// Money whose column the text does not tell at all.
    #[cfg_attr(feature = "serde", serde(default))]
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::json::decimal::option")
    )]
    pub unresolved: Option<Decimal>,
}

impl Funding {
    /// The money with this total (总计).
    ///
    /// ```
    /// use jixiao::{Decimal, Funding};
    ///
    /// assert_eq!(Funding::default().with_total(Decimal::TEN).total, Some(Decimal::TEN));
    /// ```
    #[must_use]
    pub fn with_total(mut self, amount: Decimal) -> Funding {
        self.total = Some(amount);
        self
    }

    /// The money with this 财政拨款.
    ///
    /// ```
    /// use jixiao::{Decimal, Funding};
    ///
    /// let f = Funding::default().with_total(Decimal::TEN).with_fiscal(Decimal::TEN);
    /// assert!(f.adds_up());
    /// ```
    #[must_use]
    pub fn with_fiscal(mut self, amount: Decimal) -> Funding {
        self.fiscal = Some(amount);
        self
    }

    /// The money with this 财政专户拨款.
    ///
    /// ```
    /// use jixiao::{Decimal, Funding};
    ///
    /// assert_eq!(Funding::default().with_special(Decimal::ONE).not_fiscal(), Some(Decimal::ONE));
    /// ```
    #[must_use]
    pub fn with_special(mut self, amount: Decimal) -> Funding {
        self.special = Some(amount);
        self
    }

    /// The money with this 其他资金.
    ///
    /// ```
    /// use jixiao::{Decimal, Funding};
    ///
    /// assert_eq!(Funding::default().with_other(Decimal::ONE).not_fiscal(), Some(Decimal::ONE));
    /// ```
    #[must_use]
    pub fn with_other(mut self, amount: Decimal) -> Funding {
        self.other = Some(amount);
        self
    }

    /// The money with this amount that is not 财政拨款, not split between 财政专户拨款 and
    /// 其他资金.
    ///
    /// ```
    /// use jixiao::{Decimal, Funding};
    ///
    /// let f = Funding::default().with_other(Decimal::ONE).with_non_fiscal(Decimal::TWO);
    /// assert_eq!(f.not_fiscal(), Some(Decimal::from(3)));
    /// ```
    #[must_use]
    pub fn with_non_fiscal(mut self, amount: Decimal) -> Funding {
        self.non_fiscal = Some(amount);
        self
    }

    /// The money with this amount whose column is not known.
    ///
    /// ```
    /// use jixiao::{Decimal, Funding};
    ///
    /// let f = Funding::default().with_other(Decimal::ONE).with_unresolved(Decimal::ONE);
    /// assert_eq!(f.not_fiscal(), None);
    /// ```
    #[must_use]
    pub fn with_unresolved(mut self, amount: Decimal) -> Funding {
        self.unresolved = Some(amount);
        self
    }

    /// The money that is not 财政拨款 (财政专户拨款, 其他资金, and the non-fiscal money not split
    /// between them); `None` where there is none, or where unresolved money may be either.
    ///
    /// ```
    /// use jixiao::Funding;
    /// use jixiao::Decimal;
    ///
    /// let f = Funding::default().with_total(Decimal::TEN).with_fiscal(Decimal::TEN);
    /// assert_eq!(f.not_fiscal(), None);
    /// ```
    ///
    /// `None` too where the sum is too large to hold exactly.
    pub fn not_fiscal(&self) -> Option<Decimal> {
        if self.unresolved.is_some() {
            return None;
        }
        let parts = [self.special, self.other, self.non_fiscal];
        if !parts.iter().any(Option::is_some) {
            return None;
        }
        crate::value::exact::sum(parts.iter().flatten().copied())
    }

    /// Whether the columns add up to the total (not where their sum is too large to hold
    /// exactly).
    ///
    /// ```
    /// use jixiao::Funding;
    /// use jixiao::Decimal;
    ///
    /// let f = Funding::default().with_total(Decimal::TEN).with_fiscal(Decimal::ONE);
    /// assert!(!f.adds_up());
    /// ```
    #[must_use]
    pub fn adds_up(&self) -> bool {
        let parts = [
            self.fiscal,
            self.special,
            self.other,
            self.non_fiscal,
            self.unresolved,
        ];
        crate::value::exact::sum(parts.iter().flatten().copied())
            .is_some_and(|sum| self.total.unwrap_or_default() == sum)
    }
}

impl Document {
    /// Every project of every unit, in order.
    ///
    /// ```
    /// use jixiao::Document;
    ///
    /// let doc: Document = std::fs::read_to_string("tests/data/guangzhou_commerce_2024.txt")?.parse()?;
    /// assert_eq!(doc.projects().next().map(|p| p.name.as_str()), Some("服务贸易专题"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn projects(&self) -> impl Iterator<Item = &Project> {
        self.units.iter().flat_map(|u| u.projects.iter())
    }

    /// Every indicator of every project, in order.
    ///
    /// ```
    /// use jixiao::{Category, Document};
    ///
    /// let doc: Document = std::fs::read_to_string("tests/data/guangzhou_commerce_2024.txt")?.parse()?;
    /// let satisfaction = doc.indicators().filter(|i| i.category == Some(Category::Satisfaction)).count();
    /// assert!(satisfaction > 50);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn indicators(&self) -> impl Iterator<Item = &Indicator> {
        self.projects().flat_map(|p| p.indicators.iter())
    }
}

//! Whole tables: the public types of a 项目支出绩效目标表, documented in one place.
//!
//! Each concern has its own private module: `layout` (lines, rows, page breaks), `funding`
//! (columns proven by sums), `document` (assembling units and projects), `diagnostic` and
//! `error`.

mod diagnostic;
mod document;
mod error;
mod funding;
mod layout;

use crate::Indicator;
use rust_decimal::Decimal;

pub use diagnostic::{Diagnostic, DiagnosticCode, Severity};
pub use error::{TableError, TableErrorKind};

/// A 项目支出绩效目标表: its title and money, its funding units (资金使用单位) and their
/// projects, and what the parser noticed on the way.
///
/// Parse it with [`FromStr`](core::str::FromStr) (or [`Document::from_bytes`]); a table that
/// can be read returns a document with [`diagnostics`](Document::diagnostics), and only input
/// that is no such table at all is an error.
///
/// ```
/// use jixiao::Document;
///
/// let text = std::fs::read_to_string("tests/data/guangzhou_commerce_2024.txt")?;
/// let doc: Document = text.parse()?;
/// assert_eq!(doc.department.as_deref(), Some("广州市商务局"));
/// assert_eq!(doc.year, Some(2024));
/// assert_eq!(doc.units.len(), 4);
/// assert_eq!(doc.projects().count(), 68);
/// assert_eq!(doc.indicators().count(), 338);
/// assert_eq!(doc.funding.total.map(|t| t.to_string()).as_deref(), Some("123307.34"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Document {
    /// The title as printed: `广州市商务局2024年项目支出绩效目标表（含转移支付项目）`.
    pub title: Option<String>,
    /// The department (部门名称).
    pub department: Option<String>,
    /// The budget year, from the title.
    pub year: Option<u16>,
    /// The unit of every amount (`万元`), as printed after `单位：`.
    pub money_unit: Option<String>,
    /// The grand total (合计).
    pub funding: Funding,
    /// The funding units (资金使用单位), each with its projects.
    pub units: Vec<Unit>,
    /// What could not be taken at face value, in the order of the text.
    pub diagnostics: Vec<Diagnostic>,
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
pub struct Unit {
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

/// A funded project: its money, its goal (绩效目标) and its indicators (绩效指标).
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
pub struct Project {
    /// The project's name, wrapped lines joined; a code for a 涉密 project.
    pub name: String,
    /// The project's money.
    pub funding: Funding,
    /// The goal (绩效目标), wrapped lines joined, with its own numbering (`1.`, `1、`) kept.
    pub goal: String,
    /// The indicators, in order.
    pub indicators: Vec<Indicator>,
    /// The 1-based line of the project's row (where its name starts).
    #[cfg_attr(feature = "serde", serde(default))]
    pub line: Option<usize>,
}

/// A row's money, in the table's money unit, by column.
///
/// `None` means the row shows nothing in that column. Where the text does not tell a column
/// apart, the amount goes to [`non_fiscal`](Funding::non_fiscal) (not 财政拨款, but 财政专户拨款
/// or 其他资金) or [`unresolved`](Funding::unresolved) (any column), with a diagnostic.
///
/// ```
/// use jixiao::Funding;
/// use rust_decimal::Decimal;
///
/// let f = Funding {
///     total: Some(Decimal::new(12_004_308, 2)),
///     fiscal: Some(Decimal::new(12_003_048, 2)),
///     non_fiscal: Some(Decimal::new(1_260, 2)),
///     ..Funding::default()
/// };
/// assert_eq!(f.not_fiscal(), Some(Decimal::new(1_260, 2)));
/// assert!(f.adds_up());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Funding {
    /// 总计: the row's total.
    pub total: Option<Decimal>,
    /// 财政拨款: money appropriated from the budget.
    pub fiscal: Option<Decimal>,
    /// 财政专户拨款: money from a fiscal special account.
    pub special: Option<Decimal>,
    /// 其他资金: other money.
    pub other: Option<Decimal>,
    /// Money that is not 财政拨款, where the text does not tell 财政专户拨款 from 其他资金.
    #[cfg_attr(feature = "serde", serde(default))]
    pub non_fiscal: Option<Decimal>,
    /// Money whose column the text does not tell at all.
    #[cfg_attr(feature = "serde", serde(default))]
    pub unresolved: Option<Decimal>,
}

impl Funding {
    /// The money that is not 财政拨款 (财政专户拨款, 其他资金, and the non-fiscal money not split
    /// between them); `None` where there is none, or where unresolved money may be either.
    ///
    /// ```
    /// use jixiao::Funding;
    /// use rust_decimal::Decimal;
    ///
    /// let f = Funding { total: Some(Decimal::TEN), fiscal: Some(Decimal::TEN), ..Funding::default() };
    /// assert_eq!(f.not_fiscal(), None);
    /// ```
    pub fn not_fiscal(&self) -> Option<Decimal> {
        if self.unresolved.is_some() {
            return None;
        }
        let parts = [self.special, self.other, self.non_fiscal];
        parts
            .iter()
            .any(Option::is_some)
            .then(|| parts.iter().flatten().sum())
    }

    /// Whether the columns add up to the total.
    ///
    /// ```
    /// use jixiao::Funding;
    /// use rust_decimal::Decimal;
    ///
    /// let f = Funding { total: Some(Decimal::TEN), fiscal: Some(Decimal::ONE), ..Funding::default() };
    /// assert!(!f.adds_up());
    /// ```
    pub fn adds_up(&self) -> bool {
        let parts = [
            self.fiscal,
            self.special,
            self.other,
            self.non_fiscal,
            self.unresolved,
        ];
        let sum: Decimal = parts.iter().flatten().sum();
        self.total.unwrap_or_default() == sum
    }
}

impl Document {
    /// Parses a table from bytes, refusing what is not text (invalid UTF-8, control
    /// characters) with an error that says where.
    ///
    /// ```
    /// use jixiao::Document;
    ///
    /// let bytes = std::fs::read("tests/data/guangzhou_commerce_2024.txt")?;
    /// assert_eq!(Document::from_bytes(&bytes)?.units.len(), 4);
    /// assert!(Document::from_bytes(&[0xff, 0xfe]).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<Document, TableError> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match core::str::from_utf8(bytes) {
            Ok(text) => text.parse(),
            Err(e) => Err(TableError::new(
                TableErrorKind::NotText,
                format!("not UTF-8 text: invalid bytes at byte {}", e.valid_up_to()),
            )),
        }
    }

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
    /// let satisfaction = doc.indicators().filter(|i| i.category == Category::Satisfaction).count();
    /// assert!(satisfaction > 50);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn indicators(&self) -> impl Iterator<Item = &Indicator> {
        self.projects().flat_map(|p| p.indicators.iter())
    }
}

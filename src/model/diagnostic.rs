//! Diagnostics: what the table parser read but could not take at face value.

use core::fmt;
use core::str::FromStr;

/// How much a [`Diagnostic`] matters.
///
/// ```
/// use jixiao::Severity;
///
/// assert!(Severity::Error > Severity::Warning);
/// assert_eq!(Severity::Info.as_str(), "info");
/// assert_eq!("warning".parse::<Severity>(), Ok(Severity::Warning));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Severity {
    /// Worth knowing; nothing is wrong.
    Info,
    /// Probably wrong, or read with an assumption.
    Warning,
    /// Wrong: money that does not add up, a record that could not be read.
    Error,
}

impl Severity {
    /// The name used in JSON: `"info"`, `"warning"`, `"error"`.
    ///
    /// ```
    /// assert_eq!(jixiao::Severity::Error.as_str(), "error");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = crate::TableError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [Severity::Info, Severity::Warning, Severity::Error]
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or_else(|| crate::TableError::unknown("severity", s))
    }
}

/// What a [`Diagnostic`] is about; its string form is stable and safe to match on in other
/// languages.
///
/// ```
/// use jixiao::DiagnosticCode;
///
/// assert_eq!(DiagnosticCode::SumMismatch.as_str(), "sum-mismatch");
/// assert_eq!("sum-mismatch".parse::<DiagnosticCode>(), Ok(DiagnosticCode::SumMismatch));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "kebab-case")
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub enum DiagnosticCode {
    /// A row's total is not the sum of its columns, a subtotal not the sum of its rows.
    SumMismatch,
    /// A lone amount whose column (财政拨款 or another) the subtotals do not settle.
    ColumnUnresolved,
    /// A column read by the table's convention, not proven by sums: the first column of a
    /// 合计 row with fewer than three is 财政拨款.
    ColumnAssumed,
    /// An amount known not to be 财政拨款, whose split between 财政专户拨款 and 其他资金 the
    /// text does not tell.
    ColumnUnsplit,
    /// An indicator's tier disagrees with its category (`1-产出指标；21-经济效益`).
    TierCategoryMismatch,
    /// An indicator record that could not be split into its fields; the record is in the
    /// message.
    IndicatorUnsplit,
    /// An indicator record without one of its two values.
    IndicatorIncomplete,
    /// Indicator numbers that skip or repeat.
    IndicatorSequence,
    /// Text that fits nowhere in the table; it is in the message.
    TextUnparsed,
    /// The table has no 合计 row.
    TotalMissing,
    /// A line of page layout (a page number) or text around the table (a web page's
    /// header) that was skipped; it is in the message.
    LayoutSkipped,
    /// A grid row whose cells fit the columns in more than one way; it is in the message
    /// and was not read.
    RowAmbiguous,
    /// A grid row whose cells fit no column (data before any header, a cell no column
    /// takes); it is in the message and was not read.
    RowUnread,
    /// A grid row with labels but no indicator (`生态效益指标` and nothing else).
    RowEmpty,
    /// A tier or category label this crate does not know; it is kept as printed.
    LabelUnknown,
    /// A weight, score or amount that is no number; it is kept as text.
    NumberUnread,
    /// A row's amount that cannot be money as written: negative, with more digits than an
    /// exact decimal holds, or columns that add up to more than an amount can hold. The row
    /// is kept; its money is left out, and the sums it is part of are not checked.
    AmountRefused,
    /// A value longer than `Target::MAX_CHARS` characters, or a compound of more than
    /// `Target::MAX_PARTS` parts: it is kept as text.
    ValueCapped,
}

impl DiagnosticCode {
    /// Every code.
    ///
    /// ```
    /// assert!(jixiao::DiagnosticCode::ALL.len() >= 11);
    /// ```
    pub const ALL: [DiagnosticCode; 18] = [
        DiagnosticCode::SumMismatch,
        DiagnosticCode::ColumnUnresolved,
        DiagnosticCode::ColumnAssumed,
        DiagnosticCode::ColumnUnsplit,
        DiagnosticCode::TierCategoryMismatch,
        DiagnosticCode::IndicatorUnsplit,
        DiagnosticCode::IndicatorIncomplete,
        DiagnosticCode::IndicatorSequence,
        DiagnosticCode::TextUnparsed,
        DiagnosticCode::TotalMissing,
        DiagnosticCode::LayoutSkipped,
        DiagnosticCode::RowAmbiguous,
        DiagnosticCode::RowUnread,
        DiagnosticCode::RowEmpty,
        DiagnosticCode::LabelUnknown,
        DiagnosticCode::NumberUnread,
        DiagnosticCode::AmountRefused,
        DiagnosticCode::ValueCapped,
    ];

    /// The stable name: `"sum-mismatch"`, `"column-unresolved"` …
    ///
    /// ```
    /// assert_eq!(jixiao::DiagnosticCode::TierCategoryMismatch.as_str(), "tier-category-mismatch");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            DiagnosticCode::SumMismatch => "sum-mismatch",
            DiagnosticCode::ColumnUnresolved => "column-unresolved",
            DiagnosticCode::ColumnAssumed => "column-assumed",
            DiagnosticCode::ColumnUnsplit => "column-unsplit",
            DiagnosticCode::TierCategoryMismatch => "tier-category-mismatch",
            DiagnosticCode::IndicatorUnsplit => "indicator-unsplit",
            DiagnosticCode::IndicatorIncomplete => "indicator-incomplete",
            DiagnosticCode::IndicatorSequence => "indicator-sequence",
            DiagnosticCode::TextUnparsed => "text-unparsed",
            DiagnosticCode::TotalMissing => "total-missing",
            DiagnosticCode::LayoutSkipped => "layout-skipped",
            DiagnosticCode::RowAmbiguous => "row-ambiguous",
            DiagnosticCode::RowUnread => "row-unread",
            DiagnosticCode::RowEmpty => "row-empty",
            DiagnosticCode::LabelUnknown => "label-unknown",
            DiagnosticCode::NumberUnread => "number-unread",
            DiagnosticCode::AmountRefused => "amount-refused",
            DiagnosticCode::ValueCapped => "value-capped",
        }
    }

    /// How much this code matters.
    ///
    /// ```
    /// use jixiao::{DiagnosticCode, Severity};
    ///
    /// assert_eq!(DiagnosticCode::SumMismatch.severity(), Severity::Error);
    /// ```
    #[must_use]
    pub const fn severity(self) -> Severity {
        match self {
            DiagnosticCode::SumMismatch
            | DiagnosticCode::IndicatorUnsplit
            | DiagnosticCode::RowAmbiguous
            | DiagnosticCode::RowUnread
            | DiagnosticCode::AmountRefused => Severity::Error,
            DiagnosticCode::ColumnUnresolved
            | DiagnosticCode::TierCategoryMismatch
            | DiagnosticCode::IndicatorIncomplete
            | DiagnosticCode::IndicatorSequence
            | DiagnosticCode::TextUnparsed
            | DiagnosticCode::TotalMissing
            | DiagnosticCode::NumberUnread
            | DiagnosticCode::ValueCapped => Severity::Warning,
            DiagnosticCode::ColumnAssumed
            | DiagnosticCode::ColumnUnsplit
            | DiagnosticCode::LayoutSkipped
            | DiagnosticCode::RowEmpty
            | DiagnosticCode::LabelUnknown => Severity::Info,
        }
    }
}

impl fmt::Display for DiagnosticCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for DiagnosticCode {
    type Err = crate::TableError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DiagnosticCode::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or_else(|| crate::TableError::unknown("diagnostic code", s))
    }
}

/// Something the table parser read but could not take at face value, with where it is.
///
/// ```
/// use jixiao::{DiagnosticCode, Document};
///
/// let text = std::fs::read_to_string("tests/data/guangzhou_commerce_2024.txt")?;
/// let doc: Document = text.parse()?;
/// let unsplit = doc.diagnostics.iter().filter(|d| d.code == DiagnosticCode::ColumnUnsplit);
/// assert!(unsplit.count() > 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Diagnostic {
    /// What it is about.
    pub code: DiagnosticCode,
    /// How much it matters.
    pub severity: Severity,
    /// What was found, in English, quoting the text where it helps.
    pub message: String,
    /// The 1-based line it concerns.
    pub line: usize,
    /// The 1-based character column it concerns (the cell's column, in a spreadsheet).
    pub column: usize,
    /// The sheet (of a workbook) or table (of an HTML page) it concerns, where the input
    /// has several; `line` is then the row.
    #[cfg_attr(feature = "serde", serde(default))]
    pub sheet: Option<String>,
}

impl Diagnostic {
    /// A diagnostic with its code's severity.
    ///
    /// ```
    /// use jixiao::{Diagnostic, DiagnosticCode, Severity};
    ///
    /// let d = Diagnostic::new(DiagnosticCode::TotalMissing, "no 合计 row", 1, 1);
    /// assert_eq!(d.severity, Severity::Warning);
    /// assert_eq!(d.to_string(), "1:1: warning[total-missing]: no 合计 row");
    /// ```
    pub fn new(
        code: DiagnosticCode,
        message: impl Into<String>,
        line: usize,
        column: usize,
    ) -> Self {
        Diagnostic {
            code,
            severity: code.severity(),
            message: message.into(),
            line,
            column,
            sheet: None,
        }
    }

    /// The diagnostic of a sheet (of a workbook) or a table (of an HTML page).
    ///
    /// ```
    /// use jixiao::{Diagnostic, DiagnosticCode};
    ///
    /// let d = Diagnostic::new(DiagnosticCode::RowEmpty, "labels only", 4, 1).with_sheet("表2");
    /// assert_eq!(d.to_string(), "表2:4:1: info[row-empty]: labels only");
    /// ```
    #[must_use]
    pub fn with_sheet(mut self, sheet: impl Into<String>) -> Diagnostic {
        self.sheet = Some(sheet.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(sheet) = &self.sheet {
            write!(f, "{sheet}:")?;
        }
        write!(
            f,
            "{}:{}: {}[{}]: {}",
            self.line, self.column, self.severity, self.code, self.message
        )
    }
}

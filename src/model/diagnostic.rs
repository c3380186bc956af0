//! Diagnostics: what the table parser read but could not take at face value.

use crate::Lang;
use crate::lang::Msg;
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

    /// The word for it in a language: `警告` for a warning in Chinese, `warning` in English.
    ///
    /// ```
    /// use jixiao::{Lang, Severity};
    ///
    /// assert_eq!(Severity::Error.describe(Lang::Zh), "错误");
    /// assert_eq!(Severity::Info.describe(Lang::En), "info");
    /// ```
    #[must_use]
    pub const fn describe(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Severity::Info, Lang::Zh) => "提示",
            (Severity::Warning, Lang::Zh) => "警告",
            (Severity::Error, Lang::Zh) => "错误",
            (_, _) => self.as_str(),
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
    /// An indicator record without one of its two values; or, once at a grid's header, level
    /// columns over rows that print no level this crate reads.
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
    /// An indicator row that prints no tier or category of its own takes the one printed
    /// below it (a merged cell's label printed on a middle row, or a label lost above):
    /// read, but worth a look.
    LabelFromBelow,
    /// A cell of a grid row that fits two of its row's columns (a lone number under 权重 or
    /// 得分): it is kept as text under the header of one of them, and the rest of the row,
    /// whose name and target are sure, is read.
    CellAmbiguous,
    /// A value of glued text (cells run together without separators) with a number that
    /// may hold the next columns' numbers (`≥34` for `≥3` and an actual `4`), in a row that
    /// leaves empty a number column the table fills: read as printed, worth a look.
    ValueGlued,
    /// No header names a grid's columns: rows that begin with a level's label are read as
    /// the national template's columns (一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 |
    /// 度量单位 | 实际完成值 | 分值 | 得分) by what their cells are, and are worth a look.
    HeaderImplied,
    /// Full-width digits and number signs (`１０％`, `＞＝`) and ideographic spaces, read as
    /// their ASCII forms: names, labels and values show them so.
    WidthNarrowed,
    /// Half or more of a grid's indicators (at least four) are fragments: no name, a value for
    /// a name (`37442人`, `>=95%`), or neither a target nor a name of three characters. The
    /// text's layout is likely garbled (a PDF's cells printed out of order), and the reading
    /// should be checked against the table.
    ReadingDoubtful,
    /// An indicator row of a table that prints tiers, with no tier of its own (its 一级 cell
    /// empty, and no label to carry down): it takes its category's tier (`数量指标` is of
    /// 产出指标), which the table does not print. Said at the first row of each run.
    TierImplied,
}

impl DiagnosticCode {
    /// Every code.
    ///
    /// ```
    /// assert!(jixiao::DiagnosticCode::ALL.len() >= 11);
    /// ```
    pub const ALL: [DiagnosticCode; 25] = [
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
        DiagnosticCode::LabelFromBelow,
        DiagnosticCode::CellAmbiguous,
        DiagnosticCode::ValueGlued,
        DiagnosticCode::HeaderImplied,
        DiagnosticCode::WidthNarrowed,
        DiagnosticCode::ReadingDoubtful,
        DiagnosticCode::TierImplied,
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
            DiagnosticCode::LabelFromBelow => "label-from-below",
            DiagnosticCode::CellAmbiguous => "cell-ambiguous",
            DiagnosticCode::ValueGlued => "value-glued",
            DiagnosticCode::HeaderImplied => "header-implied",
            DiagnosticCode::WidthNarrowed => "width-narrowed",
            DiagnosticCode::ReadingDoubtful => "reading-doubtful",
            DiagnosticCode::TierImplied => "tier-implied",
        }
    }

    /// What the code means, in a language: a short description for people, where
    /// [`as_str`](Self::as_str) is for programs.
    ///
    /// ```
    /// use jixiao::{DiagnosticCode, Lang};
    ///
    /// assert_eq!(DiagnosticCode::SumMismatch.describe(Lang::Zh), "金额合计不符");
    /// assert_eq!(DiagnosticCode::SumMismatch.describe(Lang::En), "amounts that do not add up");
    /// ```
    #[must_use]
    pub const fn describe(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (DiagnosticCode::SumMismatch, Lang::En) => "amounts that do not add up",
            (DiagnosticCode::ColumnUnresolved, Lang::En) => {
                "an amount whose money column is not settled"
            }
            (DiagnosticCode::ColumnAssumed, Lang::En) => {
                "a money column read by the table's convention"
            }
            (DiagnosticCode::ColumnUnsplit, Lang::En) => {
                "an amount not 财政拨款, not split between 财政专户拨款 and 其他资金"
            }
            (DiagnosticCode::TierCategoryMismatch, Lang::En) => {
                "a tier that disagrees with its category"
            }
            (DiagnosticCode::IndicatorUnsplit, Lang::En) => {
                "an indicator record that could not be split into its fields"
            }
            (DiagnosticCode::IndicatorIncomplete, Lang::En) => {
                "an indicator record without one of its values"
            }
            (DiagnosticCode::IndicatorSequence, Lang::En) => {
                "indicator numbers that skip or repeat"
            }
            (DiagnosticCode::TextUnparsed, Lang::En) => "text that fits nowhere in the table",
            (DiagnosticCode::TotalMissing, Lang::En) => "no 合计 row",
            (DiagnosticCode::LayoutSkipped, Lang::En) => {
                "page layout or text around the table, skipped"
            }
            (DiagnosticCode::RowAmbiguous, Lang::En) => {
                "a row that fits the columns in more than one way, not read"
            }
            (DiagnosticCode::RowUnread, Lang::En) => "a row whose cells fit no column, not read",
            (DiagnosticCode::RowEmpty, Lang::En) => "a row with labels and no indicator",
            (DiagnosticCode::LabelUnknown, Lang::En) => {
                "a tier or category label this crate does not know"
            }
            (DiagnosticCode::NumberUnread, Lang::En) => {
                "a weight, score or amount that is no number"
            }
            (DiagnosticCode::AmountRefused, Lang::En) => {
                "an amount that cannot be money as written"
            }
            (DiagnosticCode::ValueCapped, Lang::En) => {
                "a value too long or of too many parts, kept as text"
            }
            (DiagnosticCode::LabelFromBelow, Lang::En) => {
                "a tier or category taken from the label printed below the row"
            }
            (DiagnosticCode::CellAmbiguous, Lang::En) => {
                "a cell that fits two columns of its row, kept as text"
            }
            (DiagnosticCode::ValueGlued, Lang::En) => {
                "a glued value whose number may hold the next columns'"
            }
            (DiagnosticCode::HeaderImplied, Lang::En) => {
                "a grid without a header, read by what its cells are"
            }
            (DiagnosticCode::WidthNarrowed, Lang::En) => "full-width digits read as ASCII",
            (DiagnosticCode::ReadingDoubtful, Lang::En) => {
                "a reading whose indicators are mostly fragments"
            }
            (DiagnosticCode::TierImplied, Lang::En) => {
                "a tier the row does not print, taken from its category"
            }
            (DiagnosticCode::SumMismatch, _) => "金额合计不符",
            (DiagnosticCode::ColumnUnresolved, _) => "金额所属资金列无法确定",
            (DiagnosticCode::ColumnAssumed, _) => "资金列按表格惯例推定",
            (DiagnosticCode::ColumnUnsplit, _) => "非财政拨款金额未能区分财政专户拨款与其他资金",
            (DiagnosticCode::TierCategoryMismatch, _) => "一级指标与二级指标不对应",
            (DiagnosticCode::IndicatorUnsplit, _) => "指标记录无法拆分",
            (DiagnosticCode::IndicatorIncomplete, _) => "指标记录缺少指标值",
            (DiagnosticCode::IndicatorSequence, _) => "指标序号跳号或重复",
            (DiagnosticCode::TextUnparsed, _) => "文字无法归入表格任何位置",
            (DiagnosticCode::TotalMissing, _) => "缺少合计行",
            (DiagnosticCode::LayoutSkipped, _) => "版面文字或表外文字，已跳过",
            (DiagnosticCode::RowAmbiguous, _) => "该行可按多种方式对应各列，未读取",
            (DiagnosticCode::RowUnread, _) => "该行单元格无法对应任何列，未读取",
            (DiagnosticCode::RowEmpty, _) => "该行只有指标层级名称，没有指标",
            (DiagnosticCode::LabelUnknown, _) => "无法识别的一级或二级指标名称",
            (DiagnosticCode::NumberUnread, _) => "分值、得分或金额不是数字",
            (DiagnosticCode::AmountRefused, _) => "金额无法按原文读取",
            (DiagnosticCode::ValueCapped, _) => "指标值过长或分项过多，按原文保留",
            (DiagnosticCode::LabelFromBelow, _) => "本行未印指标层级名称，取其下方印出的名称",
            (DiagnosticCode::CellAmbiguous, _) => "单元格可对应本行两列，按文字保留",
            (DiagnosticCode::ValueGlued, _) => "粘连文本中的指标值，其数字可能含有后面各列的数字",
            (DiagnosticCode::HeaderImplied, _) => "没有表头的表格，按单元格内容读取",
            (DiagnosticCode::WidthNarrowed, _) => "全角数字按半角读取",
            (DiagnosticCode::ReadingDoubtful, _) => "读出的指标大多是残片",
            (DiagnosticCode::TierImplied, _) => "本行未印一级指标，按其二级指标推定",
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
            | DiagnosticCode::ValueCapped
            | DiagnosticCode::CellAmbiguous
            | DiagnosticCode::ValueGlued
            | DiagnosticCode::HeaderImplied
            | DiagnosticCode::ReadingDoubtful => Severity::Warning,
            DiagnosticCode::ColumnAssumed
            | DiagnosticCode::ColumnUnsplit
            | DiagnosticCode::LayoutSkipped
            | DiagnosticCode::RowEmpty
            | DiagnosticCode::LabelUnknown
            | DiagnosticCode::LabelFromBelow
            | DiagnosticCode::WidthNarrowed
            | DiagnosticCode::TierImplied => Severity::Info,
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
    /// What was found, in Chinese, quoting the same text; empty where none was given (a
    /// diagnostic made by [`Diagnostic::new`] alone), and then
    /// [`message_in`](Self::message_in) gives the English.
    #[cfg_attr(feature = "serde", serde(default))]
    pub message_zh: String,
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
            message_zh: String::new(),
            line,
            column,
            sheet: None,
        }
    }

    /// A diagnostic with its message in both languages.
    pub(crate) fn of(code: DiagnosticCode, message: Msg, line: usize, column: usize) -> Self {
        Diagnostic::new(code, message.en, line, column).with_message_zh(message.zh)
    }

    /// The diagnostic with its message in Chinese.
    ///
    /// ```
    /// use jixiao::{Diagnostic, DiagnosticCode, Lang};
    ///
    /// let d = Diagnostic::new(DiagnosticCode::TotalMissing, "no 合计 row", 1, 1)
    ///     .with_message_zh("缺少合计行");
    /// assert_eq!(d.message_in(Lang::Zh), "缺少合计行");
    /// assert_eq!(d.message_in(Lang::En), "no 合计 row");
    /// ```
    #[must_use]
    pub fn with_message_zh(mut self, message: impl Into<String>) -> Diagnostic {
        self.message_zh = message.into();
        self
    }

    /// The message in a language; in Chinese, the English one where no Chinese was given.
    ///
    /// ```
    /// use jixiao::{DiagnosticCode, Document, Lang};
    ///
    /// let text = std::fs::read_to_string("tests/data/guangzhou_commerce_2024.txt")?;
    /// let doc: Document = text.parse()?;
    /// let d = doc.diagnostics.iter().find(|d| d.code == DiagnosticCode::ColumnUnsplit).unwrap();
    /// assert!(d.message_in(Lang::Zh).contains("不是财政拨款"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn message_in(&self, lang: Lang) -> &str {
        lang.text(&self.message, &self.message_zh)
    }

    /// The diagnostic displayed in a language; [`Display`](fmt::Display) is English.
    ///
    /// ```
    /// use jixiao::{Diagnostic, DiagnosticCode, Lang};
    ///
    /// let d = Diagnostic::new(DiagnosticCode::TotalMissing, "no 合计 row", 3, 1)
    ///     .with_message_zh("缺少合计行");
    /// assert_eq!(d.display_in(Lang::Zh).to_string(), "第3行第1列：警告[total-missing]：缺少合计行");
    /// assert_eq!(d.display_in(Lang::En).to_string(), d.to_string());
    /// ```
    #[must_use]
    pub fn display_in(&self, lang: Lang) -> impl fmt::Display + '_ {
        InLang(self, lang)
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

/// A diagnostic displayed in a language.
struct InLang<'a>(&'a Diagnostic, Lang);

impl fmt::Display for InLang<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let InLang(d, lang) = *self;
        if lang != Lang::Zh {
            return fmt::Display::fmt(d, f);
        }
        if let Some(sheet) = &d.sheet {
            write!(f, "{sheet} ")?;
        }
        write!(
            f,
            "第{}行第{}列：{}[{}]：{}",
            d.line,
            d.column,
            d.severity.describe(lang),
            d.code,
            d.message_in(lang)
        )
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

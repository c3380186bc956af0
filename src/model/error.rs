//! The error of the table layer: input that is no 项目支出绩效目标表 at all, and strict parses
//! of single indicator records.

/// The error of the table layer.
///
/// A table that can be read returns a [`Document`](crate::Document) with diagnostics; this
/// error is for input that is no such table at all, and for a strict parse of one indicator
/// record.
///
/// ```
/// use jixiao::{Document, TableErrorKind};
///
/// assert_eq!("".parse::<Document>().unwrap_err().kind(), TableErrorKind::Empty);
/// let err = "Hello, world".parse::<Document>().unwrap_err();
/// assert_eq!(err.kind(), TableErrorKind::NotATable);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct TableError {
    kind: TableErrorKind,
    message: String,
    message_zh: String,
}

/// What went wrong in a [`TableError`].
///
/// ```
/// use jixiao::{Document, TableErrorKind};
///
/// let err = Document::from_bytes(b"\x00\x01binary").unwrap_err();
/// assert_eq!(err.kind(), TableErrorKind::NotText);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TableErrorKind {
    /// Nothing but whitespace.
    Empty,
    /// Bytes that are not text: invalid UTF-8, or control characters.
    NotText,
    /// Text, but no 项目支出绩效目标表: no money rows or no indicator records.
    NotATable,
    /// An indicator record that does not follow the record format.
    Record,
    /// A word that names no severity or diagnostic code.
    UnknownWord,
    /// A file that cannot be read as what it says it is: it cannot be opened, a workbook
    /// whose bytes are no workbook, a PDF that `pdftotext` refuses.
    Unreadable,
    /// A form of file this build cannot read: its feature is off (`--features xlsx`,
    /// `--features html`), a program it needs is not installed (`pdftotext`), or a form no
    /// reader takes (Word files).
    Unsupported,
}

impl TableError {
    /// What went wrong, to match on.
    ///
    /// ```
    /// use jixiao::{Indicator, TableErrorKind};
    ///
    /// let err = "1、1-产出指标；12-质量指标".parse::<Indicator>().unwrap_err();
    /// assert_eq!(err.kind(), TableErrorKind::Record);
    /// ```
    #[must_use]
    pub fn kind(&self) -> TableErrorKind {
        self.kind
    }

    /// The message in a language; `Display` gives the English.
    ///
    /// ```
    /// use jixiao::Lang;
    ///
    /// let err = "grade".parse::<jixiao::Severity>().unwrap_err();
    /// assert_eq!(err.message_in(Lang::En), err.to_string());
    /// assert_eq!(err.message_in(Lang::Zh), "无法识别的严重程度：\"grade\"");
    /// ```
    #[must_use]
    pub fn message_in(&self, lang: crate::Lang) -> &str {
        lang.text(&self.message, &self.message_zh)
    }

    pub(crate) fn new(kind: TableErrorKind, message: crate::lang::Msg) -> Self {
        TableError {
            kind,
            message: message.en,
            message_zh: message.zh,
        }
    }

    pub(crate) fn unknown(what: &str, given: &str) -> Self {
        TableError::new(
            TableErrorKind::UnknownWord,
            crate::lang::unknown(what, given),
        )
    }
}

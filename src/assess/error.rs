//! The error of the checks-and-scoring layer: actual values that cannot be read.

/// The error of the checks-and-scoring layer: a file of actual values that cannot be read, a
/// word that names no check or grade.
///
/// ```
/// use jixiao::{Actuals, AssessErrorKind};
///
/// let err = "project,actual\n1,2".parse::<Actuals>().unwrap_err();
/// assert_eq!(err.kind(), AssessErrorKind::Header);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct AssessError {
    kind: AssessErrorKind,
    message: String,
    message_zh: String,
}

/// What went wrong in an [`AssessError`].
///
/// ```
/// use jixiao::{Actuals, AssessErrorKind};
///
/// let err = "project,indicator,actual\n0,1,2".parse::<Actuals>().unwrap_err();
/// assert_eq!(err.kind(), AssessErrorKind::Row);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AssessErrorKind {
    /// The CSV header is not `project,indicator,actual` (with an optional `baseline`).
    Header,
    /// A row that cannot be read: the message says which line and why.
    Row,
    /// A word that names no check, grade or status.
    UnknownWord,
}

impl AssessError {
    /// What went wrong, to match on.
    ///
    /// ```
    /// use jixiao::{Actuals, AssessErrorKind};
    ///
    /// assert_eq!("".parse::<Actuals>().unwrap_err().kind(), AssessErrorKind::Header);
    /// ```
    #[must_use]
    pub fn kind(&self) -> AssessErrorKind {
        self.kind
    }

    /// The message in a language; `Display` gives the English.
    ///
    /// ```
    /// use jixiao::Lang;
    ///
    /// let err = "A".parse::<jixiao::Grade>().unwrap_err();
    /// assert_eq!(err.message_in(Lang::En), err.to_string());
    /// assert_eq!(err.message_in(Lang::Zh), "无法识别的等级：\"A\"");
    /// ```
    #[must_use]
    pub fn message_in(&self, lang: crate::Lang) -> &str {
        lang.text(&self.message, &self.message_zh)
    }

    pub(crate) fn new(kind: AssessErrorKind, message: crate::lang::Msg) -> Self {
        AssessError {
            kind,
            message: message.en,
            message_zh: message.zh,
        }
    }

    pub(crate) fn unknown(what: &str, given: &str) -> Self {
        AssessError::new(
            AssessErrorKind::UnknownWord,
            crate::lang::unknown(what, given),
        )
    }
}

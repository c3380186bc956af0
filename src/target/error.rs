//! The error of the value layer: strict parses, unit mismatches, overflow.

use core::fmt;

/// The error of the value layer: a strict parse that failed, quantities that cannot be
/// compared, an amount out of range.
///
/// A syntax error says where, in bytes and in characters, and what was expected there:
///
/// ```
/// use jixiao::{Target, TargetErrorKind};
///
/// let err = "满意度≥".parse::<Target>().unwrap_err();
/// assert_eq!(err.kind(), TargetErrorKind::Syntax);
/// assert_eq!(err.offset(), Some(12));
/// assert_eq!(err.column(), Some(5));
/// assert_eq!(err.expected(), Some("a number"));
/// assert_eq!(err.to_string(), "expected a number at byte 12 (column 5), found the end of the value");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct TargetError {
    kind: TargetErrorKind,
    offset: Option<usize>,
    column: Option<usize>,
    expected: Option<&'static str>,
    message: String,
}

/// What went wrong in a [`TargetError`].
///
/// ```
/// use jixiao::{Quantity, TargetErrorKind};
///
/// let a: Quantity = "3家".parse()?;
/// let b: Quantity = "3%".parse()?;
/// assert_eq!(a.compare(&b).unwrap_err().kind(), TargetErrorKind::UnitMismatch);
/// # Ok::<(), jixiao::TargetError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TargetErrorKind {
    /// The text is empty (after trimming).
    Empty,
    /// The text does not follow the grammar; see [`TargetError::offset`] and
    /// [`TargetError::expected`].
    Syntax,
    /// Two quantities have different units or rates and cannot be compared.
    UnitMismatch,
    /// An amount is too large for an exact decimal once its scale applies.
    Overflow,
    /// A word that names no comparator, scale, kind, baseline or date.
    UnknownWord,
    /// The value is longer than [`Target::MAX_CHARS`](crate::Target::MAX_CHARS) characters.
    TooLong,
    /// The value is a compound of more than [`Target::MAX_PARTS`](crate::Target::MAX_PARTS)
    /// parts.
    TooManyParts,
}

impl TargetError {
    /// What went wrong, to match on.
    ///
    /// ```
    /// use jixiao::{Target, TargetErrorKind};
    ///
    /// assert_eq!("".parse::<Target>().unwrap_err().kind(), TargetErrorKind::Empty);
    /// ```
    #[must_use]
    pub fn kind(&self) -> TargetErrorKind {
        self.kind
    }

    /// For a syntax error, the byte offset in the text given where parsing stopped.
    ///
    /// ```
    /// assert_eq!("≥9%%".parse::<jixiao::Target>().unwrap_err().offset(), Some(5));
    /// ```
    #[must_use]
    pub fn offset(&self) -> Option<usize> {
        self.offset
    }

    /// For a syntax error, the 1-based character column where parsing stopped.
    ///
    /// ```
    /// assert_eq!("≥9%%".parse::<jixiao::Target>().unwrap_err().column(), Some(4));
    /// ```
    #[must_use]
    pub fn column(&self) -> Option<usize> {
        self.column
    }

    /// For a syntax error, what the grammar expected there.
    ///
    /// ```
    /// assert_eq!("≥9%%".parse::<jixiao::Target>().unwrap_err().expected(), Some("the end of the value"));
    /// ```
    #[must_use]
    pub fn expected(&self) -> Option<&str> {
        self.expected
    }

    pub(crate) fn syntax(text: &str, offset: usize, expected: &'static str) -> TargetError {
        let offset = offset.min(text.len());
        let (before, after) = text.split_at_checked(offset).unwrap_or((text, ""));
        let column = before.chars().count() + 1;
        let found = match after.chars().next() {
            Some(c) => format!("{c:?}"),
            None => "the end of the value".to_string(),
        };
        TargetError {
            kind: TargetErrorKind::Syntax,
            offset: Some(offset),
            column: Some(column),
            expected: Some(expected),
            message: format!(
                "expected {expected} at byte {offset} (column {column}), found {found}"
            ),
        }
    }

    pub(crate) fn too_long() -> TargetError {
        TargetError::other(
            TargetErrorKind::TooLong,
            format!(
                "a target value is at most {} characters: this one is longer, and is kept as text",
                crate::Target::MAX_CHARS
            ),
        )
    }

    pub(crate) fn too_many_parts(parts: usize) -> TargetError {
        TargetError::other(
            TargetErrorKind::TooManyParts,
            format!(
                "a compound value has at most {} parts: this one has {parts}, and is kept as text",
                crate::Target::MAX_PARTS
            ),
        )
    }

    pub(crate) fn empty() -> TargetError {
        TargetError::other(TargetErrorKind::Empty, "empty target value".to_string())
    }

    pub(crate) fn unknown(what: &str, given: &str) -> TargetError {
        TargetError::other(
            TargetErrorKind::UnknownWord,
            format!("unknown {what} {given:?}"),
        )
    }

    pub(crate) fn other(kind: TargetErrorKind, message: String) -> TargetError {
        TargetError {
            kind,
            offset: None,
            column: None,
            expected: None,
            message,
        }
    }
}

impl fmt::Display for TargetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

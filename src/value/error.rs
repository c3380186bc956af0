//! The error of the value layer: strict parses, unit mismatches, overflow.

use crate::lang::{Msg, msg};
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
    message_zh: String,
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

    /// The message in a language; `Display` gives the English.
    ///
    /// ```
    /// use jixiao::{Lang, Target};
    ///
    /// let err = "满意度≥".parse::<Target>().unwrap_err();
    /// assert_eq!(err.message_in(Lang::Zh), "第5个字符处应为数字，实际已到末尾（第12字节）");
    /// assert_eq!(err.message_in(Lang::En), err.to_string());
    /// ```
    #[must_use]
    pub fn message_in(&self, lang: crate::Lang) -> &str {
        lang.text(&self.message, &self.message_zh)
    }

    pub(crate) fn syntax(text: &str, offset: usize, expected: &'static str) -> TargetError {
        let offset = offset.min(text.len());
        let (before, after) = text.split_at_checked(offset).unwrap_or((text, ""));
        let column = before.chars().count() + 1;
        let (found, found_zh) = match after.chars().next() {
            Some(c) => (format!("{c:?}"), format!("为「{c}」")),
            None => ("the end of the value".to_string(), "已到末尾".to_string()),
        };
        TargetError {
            kind: TargetErrorKind::Syntax,
            offset: Some(offset),
            column: Some(column),
            expected: Some(expected),
            message: format!(
                "expected {expected} at byte {offset} (column {column}), found {found}"
            ),
            message_zh: format!(
                "第{column}个字符处应为{}，实际{found_zh}（第{offset}字节）",
                expected_zh(expected)
            ),
        }
    }

    pub(crate) fn too_long() -> TargetError {
        TargetError::other(
            TargetErrorKind::TooLong,
            msg!(
                "a target value is at most {} characters: this one is longer, and is kept as text",
                "指标值最多{}个字符：此值超出，按原文保留",
                crate::Target::MAX_CHARS
            ),
        )
    }

    pub(crate) fn too_many_parts(parts: usize) -> TargetError {
        TargetError::other(
            TargetErrorKind::TooManyParts,
            msg!(
                "a compound value has at most {} parts: this one has {parts}, and is kept as text",
                "复合指标值最多{}项：此值有{parts}项，按原文保留",
                crate::Target::MAX_PARTS
            ),
        )
    }

    pub(crate) fn empty() -> TargetError {
        TargetError::other(
            TargetErrorKind::Empty,
            msg!("empty target value", "指标值为空"),
        )
    }

    pub(crate) fn unknown(what: &str, given: &str) -> TargetError {
        TargetError::other(
            TargetErrorKind::UnknownWord,
            crate::lang::unknown(what, given),
        )
    }

    pub(crate) fn other(kind: TargetErrorKind, message: Msg) -> TargetError {
        TargetError {
            kind,
            offset: None,
            column: None,
            expected: None,
            message: message.en,
            message_zh: message.zh,
        }
    }
}

/// The Chinese for what the grammar expected.
fn expected_zh(expected: &str) -> &str {
    match expected {
        "a classifier" => "量词",
        "a closing parenthesis" => "右括号",
        "a comparator word" | "a comparator" => "比较符（如≥、不少于）",
        "a date separator" => "日期分隔符",
        "a date with a span or 前, 后" => "带期限或“前”“后”的日期",
        "a date" => "日期",
        "a day" => "日",
        "a month" => "月份",
        "a note in parentheses" => "括号内的说明",
        "a number of at most 28 digits" => "不超过28位的数字",
        "a number without hidden characters" => "不含隐藏字符的数字",
        "a number without leading zeros" => "不以0开头的数字",
        "a number" => "数字",
        "a percent sign" => "百分号",
        "a period" => "时段",
        "a quantity that is no date" => "非日期的数量",
        "a quantity" => "数量",
        "a range separator" => "区间分隔符",
        "a rank" => "名次",
        "a scale word" => "数量级（如万、亿）",
        "a scope" => "范围",
        "a target value" => "指标值",
        "a unit" => "计量单位",
        "a verb" => "动词",
        "a word of the grammar" => "可识别的词语",
        "a year" => "年份",
        "text without control characters" => "不含控制字符的文字",
        "the denominator of a rate" => "比率的分母",
        "the end of the quantity" => "数量结束",
        "the end of the value" => "指标值结束",
        "上年 or 预算" => "“上年”或“预算”",
        "增长 or 下降" => "“增长”或“下降”",
        other => other,
    }
}

impl fmt::Display for TargetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

//! Readers: one per input form, each filling the one model of documents.
//!
//! - `runon`: the run-on records of Guangzhou's budget system, as pdftotext prints them;
//! - `grid`: rows of cells, whatever they came from, into a document: the header decides
//!   what each column means, merged cells carry down, short rows are aligned by what their
//!   cells are;
//! - `text`: grids as text: pipe rows, TSV and CSV, one cell per line or per paragraph,
//!   indented trees, space-separated text;
//! - `glued`: grids whose cells run together with no separator, cut by the words of headers
//!   and labels and where values begin and end.
//!
//! [`Document`]'s `FromStr` finds the layout by itself.

mod glued;
pub(crate) mod grid;
pub(crate) mod runon;
mod text;

use crate::{Document, Grid, TableError, TableErrorKind};
use core::str::FromStr;

impl FromStr for Document {
    type Err = TableError;

    /// Reads a table from its text, whatever its layout: the run-on records of Guangzhou's
    /// budget system, or a grid of cells in any of its text renderings.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        read_text(text)
    }
}

impl Document {
    /// Reads a table from bytes, refusing what is not text (invalid UTF-8, control
    /// characters) with an error that says where.
    ///
    /// # Errors
    ///
    /// A [`TableError`] of kind [`NotText`](TableErrorKind::NotText) for bytes that are no
    /// text, and the errors of [`FromStr`] for text that holds no table.
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
}

/// Reads a table from text: the run-on layout where its records are found, else a grid.
fn read_text(text: &str) -> Result<Document, TableError> {
    if text.trim().is_empty() {
        return Err(TableError::new(
            TableErrorKind::Empty,
            "empty text: no table",
        ));
    }
    if let Some((at, c)) = first_control(text) {
        return Err(TableError::new(
            TableErrorKind::NotText,
            format!("not text: control character {c:?} at byte {at}"),
        ));
    }
    // The run-on layout labels its values (`年度指标值:`); a text without such a label is a
    // grid, and the run-on reader need not look.
    if !labels_values(text) {
        return match Grid::from_text(text) {
            Some(grid) => Document::from_grids(&[grid]),
            None => Err(TableError::new(
                TableErrorKind::NotATable,
                "no performance table: no grid header (一级指标, 三级指标, 指标值 …) and no \
                 run-on records (1、1-产出指标；…；年度指标值:…)",
            )),
        };
    }
    match runon::parse(text) {
        Err(e) if e.kind() == TableErrorKind::NotATable => match Grid::from_text(text) {
            Some(grid) => Document::from_grids(&[grid]).map_err(|grid_error| {
                TableError::new(
                    TableErrorKind::NotATable,
                    format!("{grid_error}; nor is it a run-on table: {e}"),
                )
            }),
            None => Err(TableError::new(
                TableErrorKind::NotATable,
                format!(
                    "no performance table: no grid header (一级指标, 三级指标, 指标值 …) and {e}"
                ),
            )),
        },
        result => result,
    }
}

/// Whether a text labels a value as the run-on layout does: `值` then a colon, whatever
/// line breaks fall between (`实施周期指标` / `值:100%`).
fn labels_values(text: &str) -> bool {
    text.match_indices('值').any(|(at, _)| {
        text[at + '值'.len_utf8()..]
            .chars()
            .find(|c| !c.is_whitespace())
            .is_some_and(|c| c == ':' || c == '：')
    })
}

/// Whether a character may appear in a table's text: no control characters beyond tabs,
/// line ends and form feeds (page breaks).
fn is_text(c: char) -> bool {
    !c.is_control() || matches!(c, '\t' | '\n' | '\r' | '\u{c}')
}

/// The first control character that is no text, found over bytes: C0 controls and DEL are
/// single bytes, C1 controls are C2 80 to C2 9F.
fn first_control(text: &str) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    // Most text has none of these bytes at all: a scan that can run wide comes first.
    let suspect =
        |b: u8| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f || b == 0xc2;
    // Chunks without an early exit inside let the compiler test many bytes at once.
    let clean = bytes
        .chunks(32)
        .all(|chunk| !chunk.iter().fold(false, |found, &b| found | suspect(b)));
    if clean {
        return None;
    }
    let at = bytes.iter().enumerate().position(|(i, &b)| {
        (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
            || b == 0x7f
            || (b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
    })?;
    let c = text[at..].chars().next()?;
    (!is_text(c)).then_some((at, c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_not_text() {
        assert!(is_text('\u{c}') && is_text('\t') && is_text('中'));
        assert!(!is_text('\u{0}') && !is_text('\u{1b}'));
        assert_eq!(first_control("表\u{85}x"), Some((3, '\u{85}')));
        assert_eq!(first_control("表\u{7f}"), Some((3, '\u{7f}')));
        assert_eq!(first_control("表\t\u{c}é"), None);
        let err = read_text("标题\u{0}").unwrap_err();
        assert_eq!(err.kind(), TableErrorKind::NotText);
        assert_eq!(
            err.to_string(),
            "not text: control character '\\0' at byte 6"
        );
    }
}

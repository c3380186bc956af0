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
//! - `outline`: indicators listed under headings that name their levels (an outline, prose,
//!   bracketed pairs), laid out as a grid.
//!
//! - `encoding`: the bytes of text files in UTF-8, UTF-16 or GB18030, decoded;
//! - `spreadsheet` (feature `xlsx`): XLSX and XLS workbooks, a grid per sheet;
//! - `html` (feature `html`): a grid per `<table>` of an HTML page;
//! - `merged`: the merged cells of spreadsheets and pages laid into positional grids;
//! - `pdf`: PDF files through poppler's `pdftotext`.
//!
//! [`Document`]'s `FromStr` finds the layout by itself; [`Document::from_path`] picks the
//! reader by the file's extension.

mod encoding;
mod glued;
pub(crate) mod grid;
#[cfg(feature = "html")]
mod html;
#[cfg(any(feature = "xlsx", feature = "html"))]
mod merged;
mod outline;
mod pdf;
pub(crate) mod runon;
#[cfg(feature = "xlsx")]
mod spreadsheet;
mod text;

use crate::lang::{Msg, msg};
use crate::{Diagnostic, DiagnosticCode, Document, Grid, Lang, Layout, TableError, TableErrorKind};
use core::str::FromStr;
use std::borrow::Cow;
use std::path::Path;

/// The forms of file [`Document::from_path`] reads, by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Text,
    Workbook,
    Html,
    Pdf,
    Word,
}

/// The form of a file, by its extension; text where it has none or an unknown one.
fn form_of(path: &Path) -> Form {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => Form::Workbook,
        "html" | "htm" | "shtml" | "xhtml" => Form::Html,
        "pdf" => Form::Pdf,
        "doc" | "docx" | "wps" | "rtf" => Form::Word,
        _ => Form::Text,
    }
}

/// The error for a form whose feature is off.
#[cfg(any(not(feature = "xlsx"), not(feature = "html")))]
fn feature_off(path: &Path, what: &str, feature: &str) -> TableError {
    TableError::new(
        TableErrorKind::Unsupported,
        msg!(
            "cannot read {}: {what} are read with the `{feature}` feature, which is off in this \
             build; enable it (`cargo build --features {feature}`, or `features = [\"{feature}\"]` \
             in Cargo.toml)",
            "无法读取{}：{what}须启用`{feature}`功能才能读取，本次构建未启用；\
             请启用（`cargo build --features {feature}`，或在Cargo.toml中写`features = [\"{feature}\"]`）",
            path.display()
        ),
    )
}

impl FromStr for Document {
    type Err = TableError;

    /// Reads a table from its text, whatever its layout: the run-on records of Guangzhou's
    /// budget system, or a grid of cells in any of its text renderings.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        read_text(text)
    }
}

impl Document {
    /// Reads a table from the bytes of a text file, whatever its encoding: UTF-8 with or
    /// without a byte-order mark, UTF-16 with its mark, or GB18030 (GBK, GB2312) where the
    /// bytes are not UTF-8. What is not text (bytes no encoding reads, control characters)
    /// is refused with an error that says where.
    ///
    /// # Errors
    ///
    /// A [`TableError`] of kind [`NotText`](TableErrorKind::NotText) for bytes that are no
    /// text, naming the byte offset, and the errors of [`FromStr`] for text that holds no
    /// table.
    ///
    /// ```
    /// use jixiao::{Document, TableErrorKind};
    ///
    /// let bytes = std::fs::read("tests/data/guangzhou_commerce_2024.txt")?;
    /// assert_eq!(Document::from_bytes(&bytes)?.units.len(), 4);
    /// // GBK: 一级指标 | 三级指标 | 指标值, then 产出指标 | 场次 | ≥2场.
    /// let gbk = b"\xD2\xBB\xBC\xB6\xD6\xB8\xB1\xEA | \xC8\xFD\xBC\xB6\xD6\xB8\xB1\xEA | \xD6\xB8\xB1\xEA\xD6\xB5\n\
    ///     \xB2\xFA\xB3\xF6\xD6\xB8\xB1\xEA | \xB3\xA1\xB4\xCE | \xA1\xDD2\xB3\xA1";
    /// assert_eq!(Document::from_bytes(gbk)?.indicators().next().unwrap().name, "场次");
    /// let err = Document::from_bytes(b"\xEF\xBB\xBF\xE6\x8C").unwrap_err();
    /// assert_eq!(err.kind(), TableErrorKind::NotText);
    /// assert_eq!(err.to_string(), "not text: invalid UTF-8 bytes at byte 3");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<Document, TableError> {
        let (text, _) = encoding::decode(bytes)?;
        text.parse()
    }
}

impl Document {
    /// Reads a table from a file, by its extension: `.xlsx`, `.xlsm`, `.xlsb`, `.xls` and
    /// `.ods` as a workbook (feature `xlsx`), `.html`, `.htm`, `.shtml` and `.xhtml` as an
    /// HTML page (feature `html`; its bytes decoded as [`from_bytes`](Document::from_bytes)
    /// decodes text), `.pdf` through `pdftotext` ([`from_pdf`](Document::from_pdf)), and any
    /// other (`.txt`, `.csv`, `.tsv`, none) as text in any of the encodings `from_bytes`
    /// detects.
    ///
    /// # Errors
    ///
    /// A [`TableError`] of kind [`Unreadable`](TableErrorKind::Unreadable) where the file
    /// cannot be read, [`Unsupported`](TableErrorKind::Unsupported) where its form's feature
    /// is off (the message names the feature to enable), `pdftotext` is not installed or
    /// the file is a Word file, and the errors of the reader of its form.
    ///
    /// ```
    /// use jixiao::{Document, Layout};
    ///
    /// let doc = Document::from_path("tests/data/formats/anhui_xiaoxian-zhongyang_2023_selfeval_gbk.txt")?;
    /// assert_eq!(doc.layout, Layout::Pipe);
    /// assert_eq!(doc.indicators().next().unwrap().name, "★补助各类瓜果蔬菜种植面积");
    /// # Ok::<(), jixiao::TableError>(())
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Result<Document, TableError> {
        let path = path.as_ref();
        let form = form_of(path);
        if form == Form::Pdf {
            return Document::from_pdf(path);
        }
        if form == Form::Word {
            return Err(TableError::new(
                TableErrorKind::Unsupported,
                msg!(
                    "cannot read {}: Word files are not read; save the table as PDF, HTML, a \
                     spreadsheet or text",
                    "无法读取{}：不支持Word文件，请将表格另存为PDF、网页、电子表格或文本",
                    path.display()
                ),
            ));
        }
        #[cfg(not(feature = "xlsx"))]
        if form == Form::Workbook {
            return Err(feature_off(path, "spreadsheets", "xlsx"));
        }
        #[cfg(not(feature = "html"))]
        if form == Form::Html {
            return Err(feature_off(path, "HTML pages", "html"));
        }
        let bytes = std::fs::read(path).map_err(|e| {
            TableError::new(
                TableErrorKind::Unreadable,
                msg!("cannot read {}: {e}", "无法读取{}：{e}", path.display()),
            )
        })?;
        match form {
            #[cfg(feature = "xlsx")]
            Form::Workbook => Document::from_workbook(&bytes),
            #[cfg(feature = "html")]
            Form::Html => {
                let (text, _) = encoding::decode(&bytes)?;
                Document::from_html(&text)
            }
            _ => Document::from_bytes(&bytes),
        }
    }
}

/// Reads the grid of a text into a document; `None` where the text has no grid header.
///
/// Text taken for space-separated may be glued text whose wrapped words kept a space: where
/// it also reads as glued, the reading that types more indicators is kept (the spaced one on
/// a tie), so a page of glued text is not lost to a few spaces.
fn grid_document(text: &str) -> Option<Result<Document, TableError>> {
    let grid = Grid::from_text(text)?;
    let spaced = grid.layout() == Layout::Spaced;
    let read = Document::from_grids(&[grid]);
    if !spaced {
        return Some(read);
    }
    let Some(glued) = text::glued_alternative(text) else {
        return Some(read);
    };
    let other = Document::from_grids(&[glued]);
    Some(if typed(&other) > typed(&read) {
        other
    } else {
        read
    })
}

/// Reads a text as a grid, or where no grid reads, as the indicators it lists under
/// headings ([`outline`]); `None` where it holds neither.
///
/// Full-width digits and number signs are read as their ASCII forms
/// ([`narrow`](grid::shape::narrow)), and said.
fn grid_or_outline(text: &str) -> Option<Result<Document, TableError>> {
    let ascii = grid::shape::narrow(text);
    let mut read = grid_or_outline_of(&ascii);
    if let (Cow::Owned(_), Some(Ok(doc))) = (&ascii, &mut read) {
        let mut wide = text.split('\n').enumerate().flat_map(|(n, line)| {
            line.chars()
                .enumerate()
                .filter(|(_, c)| grid::shape::wide(*c))
                .map(move |(column, _)| (n + 1, column + 1))
        });
        if let Some((line, column)) = wide.next() {
            doc.diagnostics
                .push(narrowed(wide.count().saturating_add(1), line, column));
            doc.diagnostics.sort_by_key(|d| (d.line, d.column));
        }
    }
    read
}

/// The note that `count` full-width digits and signs, the first at `line` and `column`, were
/// read as ASCII.
pub(crate) fn narrowed(count: usize, line: usize, column: usize) -> Diagnostic {
    Diagnostic::of(
        DiagnosticCode::WidthNarrowed,
        msg!(
            "full-width digits and signs read as ASCII (`１０％` as `10%`): {count}, the first here",
            "全角数字和符号按半角读取（「１０％」读作「10%」）：共{count}处，首处在此"
        ),
        line,
        column,
    )
}

/// [`grid_or_outline`] of a text whose full-width digits are narrowed.
fn grid_or_outline_of(text: &str) -> Option<Result<Document, TableError>> {
    let grid = grid_document(text);
    if matches!(grid, Some(Ok(_))) {
        return grid;
    }
    match outline_document(text) {
        Some(Ok(doc)) => Some(Ok(doc)),
        _ => grid,
    }
}

/// Reads the indicators a text lists under headings that name their levels; `None` where
/// it lists none. The text after the first list that is no heading and no item is reported
/// where it stands.
fn outline_document(text: &str) -> Option<Result<Document, TableError>> {
    // The pinyin a mirror site puts after characters (`學(xué)生`) would read as items'
    // bracketed values: it is taken out of the text before its lists are read, and said.
    let stripped = grid::build::strip_pinyin(text);
    let outline = outline::outline(stripped.as_deref().unwrap_or(text))?;
    let mut read = Document::from_grids(&[outline.grid]);
    if let (Some(stripped), Ok(doc)) = (&stripped, read.as_mut()) {
        let brackets = |t: &str| t.matches(['(', '（']).count();
        let taken = brackets(text).saturating_sub(brackets(stripped));
        doc.diagnostics.push(Diagnostic::of(
            DiagnosticCode::LayoutSkipped,
            msg!(
                "pinyin in brackets after characters taken out of the text, {taken} times",
                "已删除文本中汉字后括号内的拼音，共{taken}处"
            ),
            1,
            1,
        ));
        doc.diagnostics.sort_by_key(|d| (d.line, d.column));
    }
    if let Ok(doc) = read.as_mut()
        && !outline.skipped.is_empty()
    {
        for (skipped, line, column) in outline.skipped {
            doc.diagnostics.push(Diagnostic::of(
                DiagnosticCode::LayoutSkipped,
                msg!(
                    "text outside the lists skipped: «{skipped}»",
                    "已跳过指标列表之外的文字：「{skipped}」"
                ),
                line,
                column,
            ));
        }
        doc.diagnostics.sort_by_key(|d| (d.line, d.column));
    }
    Some(read)
}

/// How many indicators of a reading have a category and a typed value: what tells a right
/// reading of a grid from one that cut its cells in the wrong places.
fn typed(read: &Result<Document, TableError>) -> usize {
    read.as_ref().map_or(0, |d| {
        d.indicators()
            .filter(|i| i.category.is_some() && i.annual.kind() != crate::Kind::Text)
            .count()
    })
}

/// Reads a table from text: the run-on layout where its records are found, else a grid.
fn read_text(text: &str) -> Result<Document, TableError> {
    if text.trim().is_empty() {
        return Err(TableError::new(
            TableErrorKind::Empty,
            msg!("empty text: no table", "文本为空：找不到表格"),
        ));
    }
    if let Some((at, c)) = first_control(text) {
        return Err(TableError::new(
            TableErrorKind::NotText,
            msg!(
                "not text: control character {c:?} at byte {at}",
                "不是文本：第{at}字节有控制字符{c:?}"
            ),
        ));
    }
    // The run-on layout labels its values (`年度指标值:`); a text without such a label is a
    // grid, and the run-on reader need not look.
    if !labels_values(text) {
        return match grid_or_outline(text) {
            Some(read) => read,
            None => Err(TableError::new(
                TableErrorKind::NotATable,
                msg!(
                    "no performance table: no grid header (一级指标, 三级指标, 指标值 …) and no \
                     run-on records (1、1-产出指标；…；年度指标值:…)",
                    "不是绩效目标表：既没有表头（一级指标、三级指标、指标值……），\
                     也没有连排的指标记录（1、1-产出指标；…；年度指标值:…）"
                ),
            )),
        };
    }
    match runon::parse(text) {
        Err(e) if e.kind() == TableErrorKind::NotATable => match grid_or_outline(text) {
            Some(read) => read.map_err(|grid_error| {
                TableError::new(
                    TableErrorKind::NotATable,
                    Msg::new(
                        format!("{grid_error}; nor is it a run-on table: {e}"),
                        format!(
                            "{}；也不是连排格式的表：{}",
                            grid_error.message_in(Lang::Zh),
                            e.message_in(Lang::Zh)
                        ),
                    ),
                )
            }),
            None => Err(TableError::new(
                TableErrorKind::NotATable,
                Msg::new(
                    format!(
                        "no performance table: no grid header (一级指标, 三级指标, 指标值 …) and {e}"
                    ),
                    format!(
                        "不是绩效目标表：没有表头（一级指标、三级指标、指标值……），且{}",
                        e.message_in(Lang::Zh)
                    ),
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
    fn full_width_digits_in_a_grid_read_as_ascii_and_are_said() {
        let text = "| 一级指标 | 二级指标 | 三级指标 | 分值 | 指标值 |\n\
                    | 产出指标（５０分） | 数量指标 | 培训场次 | １０ | ≥２场 |\n";
        let doc = read_text(text).unwrap();
        let first = doc.indicators().next().unwrap();
        assert_eq!(first.tier_label.as_deref(), Some("产出指标（50分）"));
        assert_eq!(first.weight, Some(10.into()));
        assert_eq!(first.annual.raw(), "≥2场");
        let said: Vec<_> = doc
            .diagnostics
            .iter()
            .filter(|d| d.code == DiagnosticCode::WidthNarrowed)
            .map(|d| (d.line, d.column, d.message.as_str()))
            .collect();
        assert_eq!(
            said,
            [(
                2,
                8,
                "full-width digits and signs read as ASCII (`１０％` as `10%`): 5, the first here"
            )]
        );
        // Cells given as a grid are narrowed cell by cell, and said once.
        let grid = Grid::from_text("一级指标\t三级指标\t分值\t指标值\n产出指标\t场次\t１０\t≥２场")
            .unwrap();
        let doc = Document::from_grids(&[grid]).unwrap();
        assert_eq!(doc.indicators().next().unwrap().weight, Some(10.into()));
        let said: Vec<_> = doc
            .diagnostics
            .iter()
            .filter(|d| d.code == DiagnosticCode::WidthNarrowed)
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(
            said,
            ["full-width digits and signs read as ASCII (`１０％` as `10%`): 2, the first here"]
        );
    }

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

//! PDF files, read through poppler's `pdftotext`: in its default mode (the text the run-on
//! reader was built on) and with `-layout` (cells in their columns, the text the grid reader
//! reads best), the reading that finds more targets kept. The program is run where it is
//! installed; where it is not, the error says which package brings it.

use crate::lang::msg;
use crate::{Document, TableError, TableErrorKind};
use std::path::Path;
use std::process::Command;

/// What to install for `pdftotext`.
const INSTALL_ZH: &str = "请安装poppler的pdftotext：`apt-get install poppler-utils`\
                          （Debian、Ubuntu）、`brew install poppler`（Homebrew）、\
                          `dnf install poppler-utils`（Fedora）";

/// What to install for `pdftotext`.
const INSTALL: &str = "install poppler's pdftotext: `apt-get install poppler-utils` \
                       (Debian, Ubuntu), `brew install poppler` (Homebrew), \
                       `dnf install poppler-utils` (Fedora)";

/// The text `program` (pdftotext) prints for a PDF file, laid out in columns or not.
fn text_of(program: &str, path: &Path, layout: bool) -> Result<String, TableError> {
    let output = Command::new(program)
        .args(["-enc", "UTF-8"])
        .args(layout.then_some("-layout"))
        .arg(path)
        .arg("-")
        .output()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                TableError::new(
                    TableErrorKind::Unsupported,
                    msg!(
                        "cannot read {}: pdftotext is not installed; {INSTALL}",
                        "无法读取{}：未安装pdftotext；{INSTALL_ZH}",
                        path.display()
                    ),
                )
            } else {
                TableError::new(
                    TableErrorKind::Unreadable,
                    msg!(
                        "cannot run pdftotext on {}: {e}",
                        "无法对{}运行pdftotext：{e}",
                        path.display()
                    ),
                )
            }
        })?;
    if !output.status.success() {
        let said = String::from_utf8_lossy(&output.stderr);
        return Err(TableError::new(
            TableErrorKind::Unreadable,
            msg!(
                "pdftotext cannot read {} ({}): {}",
                "pdftotext无法读取{}（{}）：{}",
                path.display(),
                output.status,
                said.trim()
            ),
        ));
    }
    String::from_utf8(output.stdout).map_err(|e| {
        TableError::new(
            TableErrorKind::NotText,
            msg!(
                "pdftotext printed no UTF-8 for {}: invalid bytes at byte {}",
                "pdftotext对{}的输出不是UTF-8：第{}字节起无效",
                path.display(),
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

impl Document {
    /// Reads a PDF file through poppler's `pdftotext` (UTF-8), then reads its text as
    /// [`FromStr`](core::str::FromStr) does. The text is taken twice: in pdftotext's default
    /// mode, and with `-layout`, where a table's cells stay in their columns; the reading
    /// with more indicators that state a target wins, the default mode's on a tie (the
    /// run-on layout of Guangzhou's budget system is read from it).
    ///
    /// # Errors
    ///
    /// A [`TableError`] of kind [`Unsupported`](TableErrorKind::Unsupported) where
    /// `pdftotext` is not installed (the message says to install `poppler-utils` or, with
    /// Homebrew, `poppler`), [`Unreadable`](TableErrorKind::Unreadable) where it cannot read
    /// the file, and the errors of `FromStr` for text that holds no table.
    ///
    /// ```
    /// use jixiao::{Document, TableErrorKind};
    ///
    /// match Document::from_pdf("tests/data/formats/guangzhou_commerce_2024.pdf") {
    ///     Ok(doc) => assert_eq!(doc.units.len(), 4),
    ///     Err(e) => assert_eq!(e.kind(), TableErrorKind::Unsupported, "{e}"),
    /// }
    /// ```
    pub fn from_pdf(path: impl AsRef<Path>) -> Result<Document, TableError> {
        let path = path.as_ref();
        let plain = text_of("pdftotext", path, false)?.parse::<Document>();
        let laid_out = text_of("pdftotext", path, true)?.parse::<Document>();
        better(plain, laid_out)
    }
}

/// Of a PDF's two readings, the one with more indicators that state a target; the plain
/// text's on a tie, and its error where neither reads.
fn better(
    plain: Result<Document, TableError>,
    laid_out: Result<Document, TableError>,
) -> Result<Document, TableError> {
    match (plain, laid_out) {
        (Ok(plain), Ok(laid_out)) => Ok(if targets(&laid_out) > targets(&plain) {
            laid_out
        } else {
            plain
        }),
        (Ok(doc), Err(_)) | (Err(_), Ok(doc)) => Ok(doc),
        (Err(e), Err(_)) => Err(e),
    }
}

/// How many of a document's indicators state a target.
fn targets(doc: &Document) -> usize {
    doc.indicators()
        .filter(|i| !i.annual.raw().trim().is_empty())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_pdftotext_says_what_to_install() {
        let err = text_of("pdftotext-not-installed-here", Path::new("x.pdf"), false).unwrap_err();
        assert_eq!(err.kind(), TableErrorKind::Unsupported);
        let message = err.to_string();
        assert!(message.contains("poppler-utils") && message.contains("brew install poppler"));
    }

    #[test]
    fn the_reading_with_more_targets_wins() {
        let one: Result<Document, TableError> =
            "一级指标 | 三级指标 | 指标值\n产出指标 | 场次 | ≥2场".parse();
        let two: Result<Document, TableError> =
            "一级指标 | 三级指标 | 指标值\n产出指标 | 场次 | ≥2场\n效益指标 | 就业 | ≥10人".parse();
        let none: Result<Document, TableError> = "no table".parse();
        let count = |d: Result<Document, TableError>| d.map(|d| d.indicators().count());
        assert_eq!(count(better(one.clone(), two.clone())), Ok(2));
        assert_eq!(count(better(two.clone(), one.clone())), Ok(2));
        assert_eq!(count(better(none.clone(), one.clone())), Ok(1));
        assert_eq!(count(better(one.clone(), none.clone())), Ok(1));
        // A tie keeps the plain text's reading; neither reading gives the plain text's error.
        let tie = better(
            one.clone(),
            "一级指标 | 三级指标 | 指标值\n产出指标 | 座谈 | 1次".parse(),
        );
        assert_eq!(
            tie.map(|d| d.indicators().next().map(|i| i.name.clone())),
            Ok(Some("场次".into()))
        );
        let err = better(none.clone(), "also none".parse()).unwrap_err();
        assert_eq!(err.kind(), none.unwrap_err().kind());
    }
}

//! PDF files, read through poppler's `pdftotext` in its default mode (no `-layout`): the
//! text the run-on reader and the grid reader's text renderings were built on. The program
//! is run where it is installed; where it is not, the error says which package brings it.

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

/// The text `program` (pdftotext) prints for a PDF file.
fn text_of(program: &str, path: &Path) -> Result<String, TableError> {
    let output = Command::new(program)
        .args(["-enc", "UTF-8"])
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
    /// Reads a PDF file through poppler's `pdftotext` (default mode, UTF-8), then reads its
    /// text as [`FromStr`](core::str::FromStr) does.
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
        text_of("pdftotext", path.as_ref())?.parse()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_pdftotext_says_what_to_install() {
        let err = text_of("pdftotext-not-installed-here", Path::new("x.pdf")).unwrap_err();
        assert_eq!(err.kind(), TableErrorKind::Unsupported);
        let message = err.to_string();
        assert!(message.contains("poppler-utils") && message.contains("brew install poppler"));
    }
}

//! Spreadsheets (feature `xlsx`): XLSX and XLS workbooks, read with calamine, every sheet a
//! [`Grid`] named after it.
//!
//! - Merged cells come from the sheet's merge ranges (XLSX and XLS; other workbooks have
//!   none read), laid as [`merged`](super::merged) says.
//! - Numbers are typed cells holding a binary float; they are written as the decimal a
//!   spreadsheet shows, to 15 significant digits (Excel's precision), so `0.1` stays `0.1`
//!   and `0.1 + 0.2` is `0.3`; whole numbers print without `.0`.
//! - Dates are written `2021年12月31日` (the form the tables print, which the value grammar
//!   reads as a date): date-formatted cells, and whole numbers in a column whose header names
//!   a date (日期, …时间), which are Excel date serials (`44561` is 2021-12-31).
//! - An error cell (`#DIV/0!`) keeps its code as text.

use super::merged::Table;
use crate::{Document, Grid, Layout, TableError, TableErrorKind};
use calamine::{Data, ExcelDateTime, ExcelDateTimeType, Reader, Sheets};
use rust_decimal::Decimal;
use std::io::Cursor;

/// The grids of a workbook's sheets, in order; sheets without any text are left out.
///
/// calamine can panic on a damaged workbook (an arithmetic overflow on a merge range whose
/// end comes before its start, in builds with overflow checks): the panic is caught and
/// the workbook is unreadable, as any damaged one.
pub(crate) fn grids(bytes: &[u8]) -> Result<Vec<Grid>, TableError> {
    std::panic::catch_unwind(|| read_sheets(bytes)).unwrap_or_else(|_| {
        Err(TableError::new(
            TableErrorKind::Unreadable,
            crate::lang::msg!(
                "a damaged workbook: its parts cannot be read",
                "工作簿已损坏：其组成部分无法读取"
            ),
        ))
    })
}

/// The grids of a workbook's sheets, read with calamine.
fn read_sheets(bytes: &[u8]) -> Result<Vec<Grid>, TableError> {
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        TableError::new(
            TableErrorKind::Unreadable,
            crate::lang::msg!(
                "not a workbook (XLSX, XLS): {e}",
                "不是工作簿（XLSX、XLS）：{e}"
            ),
        )
    })?;
    let mut grids = Vec::new();
    for name in book.sheet_names() {
        let range = match book.worksheet_range(&name) {
            Ok(range) => range,
            Err(e) => {
                return Err(TableError::new(
                    TableErrorKind::Unreadable,
                    crate::lang::msg!(
                        "sheet {name:?} cannot be read: {e}",
                        "工作表{name:?}无法读取：{e}"
                    ),
                ));
            }
        };
        let merges = match &mut book {
            Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
            Sheets::Xls(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
            _ => Vec::new(),
        };
        let Some((top, left)) = range.start() else {
            continue;
        };
        let (top, left) = (top as usize, left as usize);
        let mut table = Table::new();
        let mut dated: Vec<bool> = Vec::new();
        for (r, row) in range.rows().enumerate() {
            for (c, data) in row.iter().enumerate() {
                if dated.len() <= c {
                    dated.resize(c + 1, false);
                }
                let text = text_of(data, dated.get(c).copied().unwrap_or(false));
                if let Data::String(s) = data
                    && names_a_date(s)
                {
                    dated[c] = true;
                }
                if !text.is_empty() {
                    table.put(r, c, text);
                }
            }
        }
        for m in merges {
            let (r0, c0) = (m.start.0 as usize, m.start.1 as usize);
            let (r1, c1) = (m.end.0 as usize, m.end.1 as usize);
            if r0 < top || c0 < left || r1 < r0 || c1 < c0 {
                continue;
            }
            table.merge(r0 - top, c0 - left, r1 - r0 + 1, c1 - c0 + 1);
        }
        if table.is_blank() {
            continue;
        }
        grids.push(table.into_grid(Layout::Spreadsheet, name, top + 1, left + 1));
    }
    Ok(grids)
}

/// Whether a header names a date column, whose whole numbers are Excel date serials.
fn names_a_date(header: &str) -> bool {
    let h: String = header
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(crate::taxonomy::simplified)
        .collect();
    h.chars().count() <= 12 && (h.contains("日期") || h.ends_with("时间"))
}

/// A cell's text: a string as it is, a number as its decimal, a date as `YYYY年M月D日`.
fn text_of(data: &Data, dated: bool) -> String {
    match data {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) if dated => serial_date(*i as f64).unwrap_or_else(|| i.to_string()),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if dated => serial_date(*f).unwrap_or_else(|| decimal(*f)),
        Data::Float(f) => decimal(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        Data::DateTime(dt) if dt.is_datetime() => {
            date_text(dt).unwrap_or_else(|| decimal(dt.as_f64()))
        }
        Data::DateTime(dt) => decimal(dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}

/// The decimal a spreadsheet shows for a float: 15 significant digits, trailing zeros cut.
fn decimal(f: f64) -> String {
    if !f.is_finite() {
        return f.to_string();
    }
    let scientific = format!("{f:.14e}");
    match Decimal::from_scientific(&scientific) {
        Ok(d) => d.normalize().to_string(),
        Err(_) => f.to_string(),
    }
}

/// An Excel date serial (1900 system) as a date, where it is a whole day in Excel's range.
fn serial_date(f: f64) -> Option<String> {
    if f.fract() != 0.0 || !(1.0..2_958_466.0).contains(&f) {
        return None;
    }
    date_text(&ExcelDateTime::new(f, ExcelDateTimeType::DateTime, false))
}

/// A date cell's date, with its time of day where it has one.
fn date_text(dt: &ExcelDateTime) -> Option<String> {
    let v = dt.as_f64();
    if !v.is_finite() || !(0.0..2_958_466.0).contains(&v) {
        return None;
    }
    let (y, m, d, h, min, s, _) = dt.to_ymd_hms_milli();
    let mut text = format!("{y}年{m}月{d}日");
    if (h, min, s) != (0, 0, 0) {
        text.push_str(&format!(" {h:02}:{min:02}"));
        if s != 0 {
            text.push_str(&format!(":{s:02}"));
        }
    }
    Some(text)
}

impl Grid {
    /// The grids of a workbook (XLSX, XLS; feature `xlsx`): one per sheet that holds any
    /// text, named after the sheet, with merged cells from the sheet's merge ranges, numbers
    /// as the decimals the sheet shows and dates as `2021年12月31日`.
    ///
    /// # Errors
    ///
    /// A [`TableError`] of kind [`Unreadable`](TableErrorKind::Unreadable) for bytes that are
    /// no workbook.
    ///
    /// ```
    /// use jixiao::{Grid, TableErrorKind};
    ///
    /// let bytes = std::fs::read("tests/data/formats/anhui_xiaoxian-zhongyang_2023_selfeval.xlsx")?;
    /// let grids = Grid::from_workbook(&bytes)?;
    /// assert_eq!(grids[0].sheet(), Some("绩效自评表"));
    /// let err = Grid::from_workbook(b"not a workbook").unwrap_err();
    /// assert_eq!(err.kind(), TableErrorKind::Unreadable);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_workbook(bytes: &[u8]) -> Result<Vec<Grid>, TableError> {
        grids(bytes)
    }
}

impl Document {
    /// Reads a workbook (XLSX, XLS; feature `xlsx`): every sheet, in order, as one document
    /// (see [`Grid::from_workbook`] and [`Document::from_grids`]).
    ///
    /// # Errors
    ///
    /// A [`TableError`] of kind [`Unreadable`](TableErrorKind::Unreadable) for bytes that are
    /// no workbook, and the errors of [`Document::from_grids`].
    ///
    /// ```
    /// use jixiao::{Document, Layout};
    ///
    /// let bytes = std::fs::read("tests/data/formats/anhui_xiaoxian-zhongyang_2023_selfeval.xlsx")?;
    /// let doc = Document::from_workbook(&bytes)?;
    /// assert_eq!(doc.layout, Layout::Spreadsheet);
    /// assert!(doc.indicators().count() > 10);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_workbook(bytes: &[u8]) -> Result<Document, TableError> {
        let grids = grids(bytes)?;
        if grids.is_empty() {
            return Err(TableError::new(
                TableErrorKind::Empty,
                crate::lang::msg!(
                    "a workbook without any text: no table",
                    "工作簿没有任何文字：找不到表格"
                ),
            ));
        }
        Document::from_grids(&grids)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_the_decimals_a_sheet_shows() {
        assert_eq!(decimal(0.1), "0.1");
        assert_eq!(decimal(0.1 + 0.2), "0.3");
        assert_eq!(decimal(44561.0), "44561");
        assert_eq!(decimal(8_827_620.53), "8827620.53");
        assert_eq!(decimal(-2.5), "-2.5");
        assert!(decimal(1e300).starts_with("1000"));
        assert_eq!(decimal(f64::NAN), "NaN");
    }

    #[test]
    fn dates_from_serials_and_date_cells() {
        assert_eq!(serial_date(44561.0).as_deref(), Some("2021年12月31日"));
        assert_eq!(serial_date(44561.5), None);
        assert_eq!(serial_date(-3.0), None);
        let cell = Data::DateTime(ExcelDateTime::new(
            44561.5,
            ExcelDateTimeType::DateTime,
            false,
        ));
        assert_eq!(text_of(&cell, false), "2021年12月31日 12:00");
        assert_eq!(text_of(&Data::Int(44561), true), "2021年12月31日");
        assert_eq!(text_of(&Data::Int(44561), false), "44561");
        assert!(names_a_date("完成时间") && names_a_date("开始日期") && !names_a_date("时效指标"));
    }
}

//! Grids: rows of cells, whatever they were read from, into one document.
//!
//! This stage is public: a reader of any input form (text renderings here, spreadsheets and
//! HTML pages beside) produces [`Grid`]s, and [`Document::from_grids`] reads them. The
//! header decides what each column means, by its words rather than its position; merged
//! cells carry down (and up, where a label was printed on a middle row); a short row is
//! aligned by what its cells are. Private modules: `vocab` (the words of headers and labels),
//! `shape` (what a cell is), `align` (placing cells in columns) and `build` (assembling the
//! document).

mod align;
pub(crate) mod build;
pub(crate) mod shape;
pub(crate) mod vocab;
pub(crate) use build::strip_pinyin;

use crate::{Document, Layout, TableError};

/// A table as rows of cells, before anything is read from them: the stage every grid reader
/// produces and [`Document::from_grids`] reads.
///
/// ```
/// use jixiao::{Cell, Document, Grid, Layout, Rows};
///
/// let mut grid = Grid::new(Layout::Spreadsheet, Rows::Positional);
/// for (n, row) in [
///     ["一级指标", "二级指标", "三级指标", "指标值"],
///     ["产出指标", "数量指标", "维修面积", "≥400平方米"],
///     ["", "质量指标", "验收合格率", "≥98%"],
/// ]
/// .iter()
/// .enumerate()
/// {
///     grid.push_row(row.iter().enumerate().map(|(c, text)| Cell::new(*text, n + 1, c + 1)).collect());
/// }
/// let doc = Document::from_grids(&[grid])?;
/// let second = doc.indicators().nth(1).unwrap();
/// assert_eq!(second.name, "验收合格率");
/// assert_eq!(second.tier_label, None);
/// assert_eq!(second.annual.to_string(), "≥98%");
/// # Ok::<(), jixiao::TableError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grid {
    rows: Vec<Vec<Cell>>,
    layout: Layout,
    breaks: Rows,
    sheet: Option<String>,
}

/// How far a [`Grid`]'s rows can be trusted: what the input kept of the table's rows and
/// columns.
///
/// ```
/// use jixiao::Rows;
///
/// assert_ne!(Rows::Positional, Rows::Lost);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Rows {
    /// Every row is a row and every cell stands in its column; merged cells are empty or
    /// repeat their text (spreadsheets, HTML, TSV and CSV).
    Positional,
    /// Every row is a row, but merged and empty cells are left out, so the cells that are
    /// there may stand anywhere (pipe rows copied from an HTML table).
    Collapsed,
    /// Rows are lines, but a row may go on over the next lines, and merged and empty cells
    /// are left out (space-separated Word or PDF text).
    Wrapped,
    /// The rows are lost: one cell after another (a cell per line or paragraph, a tree).
    Lost,
}

/// One cell of a [`Grid`]: its text and where it was read.
///
/// ```
/// use jixiao::Cell;
///
/// let cell = Cell::new(" 产出指标 ", 3, 1);
/// assert_eq!((cell.text(), cell.line(), cell.column()), ("产出指标", 3, 1));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    text: String,
    line: usize,
    column: usize,
    /// Where the cell starts on a page laid out in columns (its display column, wide
    /// characters counting two), where the text shows it: space-separated text.
    pub(crate) page: Option<usize>,
}

impl Cell {
    /// A cell with its text (trimmed) and its place: the 1-based line and character column
    /// of text, or the row and column of a sheet.
    ///
    /// ```
    /// assert_eq!(jixiao::Cell::new("≥90%", 1, 1).text(), "≥90%");
    /// ```
    pub fn new(text: impl Into<String>, line: usize, column: usize) -> Cell {
        let mut text = text.into();
        let trimmed = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
        if trimmed.len() != text.len() {
            text = trimmed.to_owned();
        }
        Cell {
            text,
            line,
            column,
            page: None,
        }
    }

    /// [`Cell::new`] of borrowed text, trimmed before it is copied: one allocation, where
    /// `new` makes two for a cell with spaces around it (every cell of a pipe row).
    pub(crate) fn of(text: &str, line: usize, column: usize) -> Cell {
        let text = text
            .trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
            .to_owned();
        Cell {
            text,
            line,
            column,
            page: None,
        }
    }

    /// Appends text that goes on the cell (a cell wrapped onto the next line), trimmed; in
    /// place, so that a cell of many lines costs its length once.
    pub(crate) fn append(&mut self, text: &str) {
        self.text
            .push_str(text.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}'));
    }

    /// Puts text before the cell's own, trimmed: the first lines of a cell printed above the
    /// line that holds the rest of its row (a PDF centres a cell's lines in its row). The cell
    /// then starts where that text starts.
    pub(crate) fn prepend(&mut self, text: &str, line: usize, column: usize) {
        self.text.insert_str(
            0,
            text.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}'),
        );
        self.line = line;
        self.column = column;
    }

    /// The text, trimmed.
    ///
    /// ```
    /// assert_eq!(jixiao::Cell::new("", 1, 1).text(), "");
    /// ```
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The 1-based line (or row).
    ///
    /// ```
    /// assert_eq!(jixiao::Cell::new("x", 7, 2).line(), 7);
    /// ```
    #[must_use]
    pub fn line(&self) -> usize {
        self.line
    }

    /// The 1-based character column (or column of a sheet).
    ///
    /// ```
    /// assert_eq!(jixiao::Cell::new("x", 7, 2).column(), 2);
    /// ```
    #[must_use]
    pub fn column(&self) -> usize {
        self.column
    }
}

impl Grid {
    /// An empty grid from an input of a layout, whose rows are as far to be trusted as
    /// `rows` says.
    ///
    /// ```
    /// use jixiao::{Grid, Layout, Rows};
    ///
    /// assert!(Grid::new(Layout::Html, Rows::Positional).rows().is_empty());
    /// ```
    #[must_use]
    pub fn new(layout: Layout, rows: Rows) -> Grid {
        Grid {
            rows: Vec::new(),
            layout,
            breaks: rows,
            sheet: None,
        }
    }

    /// The grid, named after the sheet or table it was read from; diagnostics name it.
    ///
    /// ```
    /// use jixiao::{Grid, Layout, Rows};
    ///
    /// let grid = Grid::new(Layout::Spreadsheet, Rows::Positional).with_sheet("Sheet1");
    /// assert_eq!(grid.sheet(), Some("Sheet1"));
    /// ```
    #[must_use]
    pub fn with_sheet(mut self, sheet: impl Into<String>) -> Grid {
        self.sheet = Some(sheet.into());
        self
    }

    /// Adds a row. With [`Rows::Lost`], push each cell as a row of its own.
    ///
    /// ```
    /// use jixiao::{Cell, Grid, Layout, Rows};
    ///
    /// let mut grid = Grid::new(Layout::Pipe, Rows::Collapsed);
    /// grid.push_row(vec![Cell::new("一级指标", 1, 1)]);
    /// assert_eq!(grid.rows().len(), 1);
    /// ```
    pub fn push_row(&mut self, cells: Vec<Cell>) {
        self.rows.push(cells);
    }

    /// The rows.
    ///
    /// ```
    /// use jixiao::Grid;
    ///
    /// let grid = Grid::from_text("一级指标 | 三级指标 | 指标值\n产出指标 | 场次 | ≥2场").unwrap();
    /// assert_eq!(grid.rows()[1][2].text(), "≥2场");
    /// ```
    #[must_use]
    pub fn rows(&self) -> &[Vec<Cell>] {
        &self.rows
    }

    /// The layout of the input it was read from.
    ///
    /// ```
    /// use jixiao::{Grid, Layout};
    ///
    /// let grid = Grid::from_text("一级指标\t三级指标\t指标值\n产出指标\t场次\t≥2场").unwrap();
    /// assert_eq!(grid.layout(), Layout::Delimited);
    /// ```
    #[must_use]
    pub fn layout(&self) -> Layout {
        self.layout
    }

    /// How far its rows can be trusted.
    ///
    /// ```
    /// use jixiao::{Grid, Rows};
    ///
    /// let grid = Grid::from_text("一级指标\n三级指标\n指标值\n产出指标\n场次\n≥2场").unwrap();
    /// assert_eq!(grid.breaks(), Rows::Lost);
    /// ```
    #[must_use]
    pub fn breaks(&self) -> Rows {
        self.breaks
    }

    /// The sheet or table it was read from, where it has a name.
    ///
    /// ```
    /// use jixiao::{Grid, Layout, Rows};
    ///
    /// assert_eq!(Grid::new(Layout::Pipe, Rows::Collapsed).sheet(), None);
    /// ```
    #[must_use]
    pub fn sheet(&self) -> Option<&str> {
        self.sheet.as_deref()
    }

    /// Reads the rows of cells of a grid's text, finding its rendering: pipe rows, TSV or
    /// CSV, one cell per line or per paragraph, an indented tree, or space-separated text.
    /// `None` where the text has no grid header (一级指标, 三级指标, 指标值 …).
    ///
    /// ```
    /// use jixiao::{Grid, Layout, Rows};
    ///
    /// let grid = Grid::from_text("| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n| 产出指标 | 数量指标 | 场次 | ≥2场 |").unwrap();
    /// assert_eq!((grid.layout(), grid.breaks()), (Layout::Pipe, Rows::Collapsed));
    /// assert_eq!(grid.rows()[1].len(), 4);
    /// ```
    #[must_use]
    pub fn from_text(text: &str) -> Option<Grid> {
        super::text::grid(text)
    }
}

impl Document {
    /// Reads a document from grids: the tables of a page, the sheets of a workbook, or one
    /// grid read from text. The grids are read in order as one document; a grid without a
    /// header of its own goes on with the columns of the one before (a table split over
    /// pages).
    ///
    /// # Errors
    ///
    /// A [`TableError`] of kind [`NotATable`](crate::TableErrorKind::NotATable) where no
    /// grid has a header naming indicator columns, or no row holds an indicator.
    ///
    /// ```
    /// use jixiao::{Document, Grid};
    ///
    /// let grid = Grid::from_text("一级指标 | 二级指标 | 三级指标 | 指标值\n产出指标 | 数量指标 | 场次 | ≥2场").unwrap();
    /// let doc = Document::from_grids(&[grid])?;
    /// assert_eq!(doc.indicators().count(), 1);
    /// # Ok::<(), jixiao::TableError>(())
    /// ```
    pub fn from_grids(grids: &[Grid]) -> Result<Document, TableError> {
        build::read(grids)
    }
}

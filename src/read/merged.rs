//! Merged cells, as spreadsheets and HTML pages keep them, laid into positional grids.
//!
//! A merged cell's text stands in its first (top-left) cell. The cells it covers are filled
//! as the grid reader reads best:
//!
//! - covered **below** its first row (a `rowspan`, a label merged down the left): empty, so
//!   that the reader carries the label down, and so that a weight or a goal merged over
//!   several rows is counted once;
//! - covered **to the right** (a `colspan`): the header's words repeated where the text is a
//!   column header (`绩效指标` over 一级 | 二级 | 三级, `指标值` over 年度 | 长期), so that
//!   each column under it is named; empty for anything else (a project's name or goal
//!   spread over the row).

use crate::read::grid::vocab::{Role, fold, role_of};
use crate::{Cell, Grid, Layout, Rows};

/// The most cells a merged range fills in one table: beyond it, covered cells stay as they
/// are (a hostile `rowspan` × `colspan` can ask for billions).
const FILL_BUDGET: usize = 1 << 20;

/// A table's cells as rows of texts (`None` for a place no cell was put in), with its merged
/// ranges, before they are laid into a grid.
#[derive(Debug, Default)]
pub(crate) struct Table {
    rows: Vec<Vec<Option<String>>>,
    budget: usize,
}

impl Table {
    /// An empty table.
    pub(crate) fn new() -> Table {
        Table {
            rows: Vec::new(),
            budget: FILL_BUDGET,
        }
    }

    /// Whether nothing was put at a place.
    pub(crate) fn is_free(&self, row: usize, column: usize) -> bool {
        self.rows
            .get(row)
            .and_then(|r| r.get(column))
            .is_none_or(Option::is_none)
    }

    /// Puts a cell's text at a place.
    pub(crate) fn put(&mut self, row: usize, column: usize, text: String) {
        if self.rows.len() <= row {
            self.rows.resize_with(row + 1, Vec::new);
        }
        if let Some(r) = self.rows.get_mut(row) {
            if r.len() <= column {
                r.resize(column + 1, None);
            }
            if let Some(slot) = r.get_mut(column) {
                *slot = Some(text);
            }
        }
    }

    /// Merges the range from `(row, column)` over `rows` × `columns` places (both at least
    /// 1): the first cell keeps its text, the covered ones are filled as the module says.
    /// Places already filled by another cell are left alone.
    pub(crate) fn merge(&mut self, row: usize, column: usize, rows: usize, columns: usize) {
        let text = self
            .rows
            .get(row)
            .and_then(|r| r.get(column))
            .and_then(Clone::clone)
            .unwrap_or_default();
        let repeat = is_header_word(&text);
        for r in row..row.saturating_add(rows) {
            for c in column..column.saturating_add(columns) {
                if (r, c) == (row, column) || !self.is_free(r, c) {
                    continue;
                }
                if self.budget == 0 {
                    return;
                }
                self.budget -= 1;
                let fill = if c != column && repeat {
                    text.clone()
                } else {
                    String::new()
                };
                self.put(r, c, fill);
            }
        }
    }

    /// Whether no cell holds any text.
    pub(crate) fn is_blank(&self) -> bool {
        self.rows
            .iter()
            .flatten()
            .all(|c| c.as_deref().is_none_or(|t| t.trim().is_empty()))
    }

    /// The grid: each row that holds any text, its cells in place (1-based lines and columns
    /// from `first_line` and `first_column`), named after its sheet or table.
    pub(crate) fn into_grid(
        self,
        layout: Layout,
        name: String,
        first_line: usize,
        first_column: usize,
    ) -> Grid {
        let mut grid = Grid::new(layout, Rows::Positional).with_sheet(name);
        for (r, row) in self.rows.into_iter().enumerate() {
            if row
                .iter()
                .all(|c| c.as_deref().is_none_or(|t| t.trim().is_empty()))
            {
                continue;
            }
            let cells = row
                .into_iter()
                .enumerate()
                .map(|(c, text)| {
                    Cell::new(text.unwrap_or_default(), first_line + r, first_column + c)
                })
                .collect();
            grid.push_row(cells);
        }
        grid
    }
}

/// Whether a cell's text is a column header whose words name the columns it spans.
fn is_header_word(text: &str) -> bool {
    // Headers are short: a project's goal that mentions 完成情况 is no header.
    if text.chars().count() > 16 {
        return false;
    }
    matches!(role_of(&fold(text)), Some(role) if role.is_indicator() || role == Role::Section)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(grid: &Grid) -> Vec<Vec<&str>> {
        grid.rows()
            .iter()
            .map(|r| r.iter().map(Cell::text).collect())
            .collect()
    }

    #[test]
    fn headers_repeat_across_and_labels_stay_once_down() {
        let mut t = Table::new();
        t.put(0, 0, "绩效指标".into());
        t.merge(0, 0, 1, 3);
        t.put(0, 3, "指标值".into());
        t.merge(0, 3, 2, 1);
        for (c, h) in ["一级指标", "二级指标", "三级指标"].into_iter().enumerate() {
            t.put(1, c, h.into());
        }
        t.put(2, 0, "产出指标".into());
        t.merge(2, 0, 2, 1);
        t.put(2, 1, "项目名称写满两格".into());
        t.merge(2, 1, 1, 2);
        let grid = t.into_grid(Layout::Html, "table 1".into(), 1, 1);
        assert_eq!(
            texts(&grid),
            [
                vec!["绩效指标", "绩效指标", "绩效指标", "指标值"],
                vec!["一级指标", "二级指标", "三级指标", ""],
                vec!["产出指标", "项目名称写满两格", ""],
            ]
        );
        assert_eq!(grid.rows()[2][1].line(), 3);
    }

    #[test]
    fn hostile_spans_stop_at_the_budget() {
        let mut t = Table::new();
        t.put(0, 0, "指标值".into());
        t.merge(0, 0, 10_000, 1_000);
        assert!(t.rows.len() <= 10_000);
        let filled: usize = t.rows.iter().map(Vec::len).sum();
        assert!(filled <= FILL_BUDGET + 1_000);
    }
}

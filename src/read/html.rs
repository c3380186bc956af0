//! HTML pages (feature `html`): every `<table>` of a page, parsed by html5ever (through
//! scraper) as a browser would, one [`Grid`] each, in order.
//!
//! - `rowspan` and `colspan` are resolved as HTML lays out a table (`rowspan="0"` runs to
//!   the table's end; spans are capped as browsers cap them), and the covered places filled
//!   as [`merged`](super::merged) says.
//! - Entities are decoded by the parser; runs of spaces (and `&nbsp;`) are one space;
//!   `<br>` and block elements inside a cell are line breaks.
//! - A table inside a table's cell is a grid of its own, after the one it sits in; the outer
//!   cell keeps only its own text. A table whose cells hold no text of their own (a layout
//!   wrapper) gives no grid.
//! - A `<caption>` is a row of one cell above the table.
//! - The lines of text before the first table (the title, `单位：万元`) are a grid of
//!   one-cell rows named `page`, so that they are read as a table's head.
//! - Grids are named `table N`, the Nth `<table>` of the page (counting every table).
//!   Diagnostics name them, with the row and column of the cell.

use super::merged::Table;
use crate::{Cell, Document, Grid, Layout, Rows, TableError, TableErrorKind};
use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// The most lines of text before the first table kept as the page's head.
const HEAD_LINES: usize = 10;

/// The widest `colspan` a browser honours.
const MAX_COLSPAN: usize = 1000;

/// The tallest `rowspan` a browser honours.
const MAX_ROWSPAN: usize = 65534;

/// Elements whose text is never shown.
fn is_hidden(name: &str) -> bool {
    matches!(
        name,
        "head" | "script" | "style" | "noscript" | "template" | "title"
    )
}

/// Elements that start a line of their own.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "li"
            | "ul"
            | "ol"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "tr"
            | "table"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "blockquote"
            | "pre"
            | "dt"
            | "dd"
            | "dl"
            | "address"
            | "caption"
            | "form"
            | "hr"
            | "center"
    )
}

/// Text as a page shows it: spaces collapsed, line breaks where the page breaks lines.
#[derive(Debug, Default)]
struct Lines {
    text: String,
}

impl Lines {
    fn push(&mut self, s: &str) {
        for c in s.chars() {
            if c.is_whitespace() {
                if !self.text.is_empty() && !self.text.ends_with([' ', '\n']) {
                    self.text.push(' ');
                }
            } else {
                self.text.push(c);
            }
        }
    }

    fn newline(&mut self) {
        while self.text.ends_with(' ') {
            self.text.pop();
        }
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
    }

    fn finish(self) -> String {
        let lines: Vec<&str> = self
            .text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        lines.join("\n")
    }
}

/// One cell as written: its text and spans.
struct Written {
    text: String,
    rows: usize,
    columns: usize,
}

/// A span attribute as HTML parses it: leading spaces, then digits; `None` where there are
/// none.
fn span(value: Option<&str>) -> Option<usize> {
    let v = value?.trim_start();
    let digits: &str = &v[..v.find(|c: char| !c.is_ascii_digit()).unwrap_or(v.len())];
    if digits.is_empty() {
        return None;
    }
    // Too many digits is as good as the cap.
    Some(digits.parse::<usize>().unwrap_or(usize::MAX))
}

/// The rows of one table: its caption, then its `tr`s, each with its `td`s and `th`s, not
/// looking into tables nested in it.
fn written_rows(table: NodeRef<'_, Node>) -> (Option<String>, Vec<Vec<Written>>) {
    let mut caption: Option<Lines> = None;
    let mut in_caption = false;
    let mut rows: Vec<Vec<Written>> = Vec::new();
    let mut cell: Option<(Lines, usize, usize)> = None;
    let mut nested = 0usize;
    let mut hidden = 0usize;
    for edge in table.traverse() {
        match edge {
            Edge::Open(node) if node.id() == table.id() => {}
            Edge::Close(node) if node.id() == table.id() => {}
            Edge::Open(node) => {
                let Node::Element(e) = node.value() else {
                    if let Node::Text(t) = node.value()
                        && nested == 0
                        && hidden == 0
                    {
                        if let Some((lines, _, _)) = &mut cell {
                            lines.push(t);
                        } else if in_caption {
                            caption.get_or_insert_with(Lines::default).push(t);
                        }
                    }
                    continue;
                };
                let name = e.name();
                if name == "table" {
                    nested += 1;
                    continue;
                }
                if nested > 0 {
                    continue;
                }
                if is_hidden(name) {
                    hidden += 1;
                    continue;
                }
                match name {
                    "tr" => rows.push(Vec::new()),
                    "td" | "th" => {
                        let columns = span(e.attr("colspan")).unwrap_or(1).clamp(1, MAX_COLSPAN);
                        let rows_spanned = span(e.attr("rowspan")).unwrap_or(1).min(MAX_ROWSPAN);
                        cell = Some((Lines::default(), rows_spanned, columns));
                    }
                    "caption" => in_caption = true,
                    "br" => {
                        if let Some((lines, _, _)) = &mut cell {
                            lines.newline();
                        }
                    }
                    _ if is_block(name) => {
                        if let Some((lines, _, _)) = &mut cell {
                            lines.newline();
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                let Node::Element(e) = node.value() else {
                    continue;
                };
                let name = e.name();
                if name == "table" {
                    nested = nested.saturating_sub(1);
                    continue;
                }
                if nested > 0 {
                    continue;
                }
                if is_hidden(name) {
                    hidden = hidden.saturating_sub(1);
                    continue;
                }
                match name {
                    "td" | "th" => {
                        if let Some((lines, rows_spanned, columns)) = cell.take() {
                            if rows.is_empty() {
                                rows.push(Vec::new());
                            }
                            if let Some(row) = rows.last_mut() {
                                row.push(Written {
                                    text: lines.finish(),
                                    rows: rows_spanned,
                                    columns,
                                });
                            }
                        }
                    }
                    "caption" => in_caption = false,
                    _ if is_block(name) => {
                        if let Some((lines, _, _)) = &mut cell {
                            lines.newline();
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    let caption = caption.map(Lines::finish).filter(|c| !c.is_empty());
    (caption, rows)
}

/// A table laid out: every written cell at its place, spans resolved.
fn lay_out(caption: Option<String>, rows: &[Vec<Written>]) -> Table {
    let mut table = Table::new();
    let top = usize::from(caption.is_some());
    if let Some(caption) = caption {
        table.put(0, 0, caption);
    }
    let height = rows.len();
    for (r, row) in rows.iter().enumerate() {
        let mut c = 0usize;
        for cell in row {
            while !table.is_free(top + r, c) {
                c += 1;
            }
            table.put(top + r, c, cell.text.clone());
            let down = if cell.rows == 0 {
                height - r
            } else {
                cell.rows.min(height - r)
            };
            if down > 1 || cell.columns > 1 {
                table.merge(top + r, c, down, cell.columns);
            }
            c += cell.columns;
        }
    }
    table
}

/// The lines of text of a page before its first table.
fn head_lines(root: NodeRef<'_, Node>) -> Vec<String> {
    let mut lines = Lines::default();
    let mut hidden = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) if e.name() == "table" => break,
                Node::Element(e) if is_hidden(e.name()) => hidden += 1,
                Node::Element(e) if hidden == 0 && (e.name() == "br" || is_block(e.name())) => {
                    lines.newline();
                }
                Node::Text(t) if hidden == 0 => lines.push(t),
                _ => {}
            },
            Edge::Close(node) => match node.value() {
                Node::Element(e) if is_hidden(e.name()) => hidden = hidden.saturating_sub(1),
                Node::Element(e) if hidden == 0 && is_block(e.name()) => lines.newline(),
                _ => {}
            },
        }
    }
    let all: Vec<String> = lines.finish().lines().map(str::to_owned).collect();
    let skip = all.len().saturating_sub(HEAD_LINES);
    all.into_iter().skip(skip).collect()
}

/// The text of a whole page, lines as it shows them.
fn page_text(root: NodeRef<'_, Node>) -> String {
    let mut lines = Lines::default();
    let mut hidden = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) if is_hidden(e.name()) => hidden += 1,
                Node::Element(e) if hidden == 0 && matches!(e.name(), "td" | "th") => {
                    lines.push(" | ");
                }
                Node::Element(e) if hidden == 0 && (e.name() == "br" || is_block(e.name())) => {
                    lines.newline();
                }
                Node::Text(t) if hidden == 0 => lines.push(t),
                _ => {}
            },
            Edge::Close(node) => match node.value() {
                Node::Element(e) if is_hidden(e.name()) => hidden = hidden.saturating_sub(1),
                Node::Element(e) if hidden == 0 && is_block(e.name()) => lines.newline(),
                _ => {}
            },
        }
    }
    lines.finish()
}

/// The grids of a page: the lines before its first table, then each table with text.
pub(crate) fn grids(html: &str) -> Vec<Grid> {
    let page = Html::parse_document(html);
    let root = page.tree.root();
    let tables: Vec<NodeRef<'_, Node>> = root
        .descendants()
        .filter(|n| matches!(n.value(), Node::Element(e) if e.name() == "table"))
        .collect();
    let mut grids = Vec::new();
    if tables.is_empty() {
        return grids;
    }
    let head = head_lines(root);
    if !head.is_empty() {
        let mut grid = Grid::new(Layout::Html, Rows::Positional).with_sheet("page");
        for (n, line) in head.into_iter().enumerate() {
            grid.push_row(vec![Cell::new(line, n + 1, 1)]);
        }
        grids.push(grid);
    }
    for (n, table) in tables.into_iter().enumerate() {
        let (caption, rows) = written_rows(table);
        let laid = lay_out(caption, &rows);
        if laid.is_blank() {
            continue;
        }
        grids.push(laid.into_grid(Layout::Html, format!("table {}", n + 1), 1, 1));
    }
    grids
}

impl Grid {
    /// The grids of an HTML page (feature `html`): the lines of text before its first table
    /// (a grid named `page`), then every `<table>` that holds text, named `table N`, with
    /// `rowspan` and `colspan` resolved, entities decoded and `<br>` kept as a line break.
    /// Empty where the page has no table.
    ///
    /// ```
    /// use jixiao::Grid;
    ///
    /// let page = "<h3>绩效目标表</h3><table>
    ///   <tr><th colspan=3>绩效指标</th><th rowspan=2>指标值</th></tr>
    ///   <tr><th>一级指标</th><th>二级指标</th><th>三级指标</th></tr>
    ///   <tr><td rowspan=2>产出指标</td><td>数量指标</td><td>培训<br>人次</td><td>&ge;100人次</td></tr>
    ///   <tr><td>质量指标</td><td>合格率</td><td>100%</td></tr>
    /// </table>";
    /// let grids = Grid::from_html(page);
    /// assert_eq!(grids[0].sheet(), Some("page"));
    /// let table = &grids[1];
    /// assert_eq!(table.sheet(), Some("table 1"));
    /// assert_eq!(table.rows()[0][2].text(), "绩效指标");
    /// assert_eq!(table.rows()[2][2].text(), "培训\n人次");
    /// assert_eq!(table.rows()[2][3].text(), "≥100人次");
    /// assert_eq!(table.rows()[3][0].text(), "");
    /// ```
    #[must_use]
    pub fn from_html(html: &str) -> Vec<Grid> {
        grids(html)
    }
}

impl Document {
    /// Reads an HTML page (feature `html`): its tables in order as one document (see
    /// [`Grid::from_html`] and [`Document::from_grids`]); many tables are many projects, or
    /// one table split, whose later parts go on with the columns of the first. A page
    /// without a table is read as its text.
    ///
    /// # Errors
    ///
    /// The errors of [`Document::from_grids`], or of [`FromStr`](core::str::FromStr) for a
    /// page without a table.
    ///
    /// ```
    /// use jixiao::{Document, Layout};
    ///
    /// let page = "<p>单位：万元</p><table>
    ///   <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>分值</td></tr>
    ///   <tr><td rowspan=2>产出指标</td><td>数量指标</td><td>维修面积</td><td>&ge;400平方米</td><td>10</td></tr>
    ///   <tr><td>质量指标</td><td>验收合格率</td><td>&ge;98%</td><td>10</td></tr>
    /// </table>";
    /// let doc = Document::from_html(page)?;
    /// assert_eq!(doc.layout, Layout::Html);
    /// let second = doc.indicators().nth(1).unwrap();
    /// assert_eq!((second.name.as_str(), second.annual.raw()), ("验收合格率", "≥98%"));
    /// assert_eq!(second.tier.unwrap().name(), "产出指标");
    /// # Ok::<(), jixiao::TableError>(())
    /// ```
    pub fn from_html(html: &str) -> Result<Document, TableError> {
        let grids = grids(html);
        if grids.iter().any(|g| g.sheet() != Some("page")) {
            return Document::from_grids(&grids);
        }
        let text = page_text(Html::parse_document(html).tree.root());
        if text.trim().is_empty() {
            return Err(TableError::new(
                TableErrorKind::Empty,
                crate::lang::msg!(
                    "an HTML page without text: no table",
                    "网页没有文字：找不到表格"
                ),
            ));
        }
        text.parse()
    }
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
    fn spans_parse_as_html_does() {
        assert_eq!(span(Some(" 3px")), Some(3));
        assert_eq!(span(Some("x")), None);
        assert_eq!(span(None), None);
        assert_eq!(span(Some("99999999999999999999999")), Some(usize::MAX));
    }

    #[test]
    fn merged_labels_cover_exactly_their_rows() {
        // A two-row header whose second row names the parts of a spanned column in words of
        // no column, then labels merged over their rows: each row takes the label whose
        // cell covers it, none the label below.
        let page = "<table>\
            <tr><td rowspan=2>一级指标</td><td rowspan=2>二级指标</td><td rowspan=2>三级指标</td>\
                <td rowspan=2>指标值</td><td colspan=2>采集数据项</td></tr>\
            <tr><td>数据项1</td><td>数据项2</td></tr>\
            <tr><td rowspan=6>产出指标</td><td rowspan=4>数量指标</td><td>培训场次</td>\
                <td>≥2场</td><td></td><td></td></tr>\
            <tr><td>培训人数</td><td>≥50人</td><td></td><td></td></tr>\
            <tr><td>宣传次数</td><td>≥3次</td><td>/</td><td></td></tr>\
            <tr><td>发放资料</td><td>≥100份</td><td>/</td><td></td></tr>\
            <tr><td rowspan=2>质量指标</td><td>合格率</td><td>100%</td><td></td><td></td></tr>\
            <tr><td>覆盖率</td><td>≥95%</td><td></td><td></td></tr>\
            </table>";
        let doc = crate::Document::from_html(page).unwrap();
        let rows: Vec<_> = doc
            .indicators()
            .map(|i| (i.category.map(|c| c.code()), i.name.as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                (Some(11), "培训场次"),
                (Some(11), "培训人数"),
                (Some(11), "宣传次数"),
                (Some(11), "发放资料"),
                (Some(12), "合格率"),
                (Some(12), "覆盖率"),
            ]
        );
        // The header's second row is no indicator, and is said.
        assert!(
            doc.diagnostics
                .iter()
                .any(|d| d.code == crate::DiagnosticCode::RowEmpty && d.message.contains("数据项1")),
            "{:?}",
            doc.diagnostics
        );
    }

    #[test]
    fn nested_tables_are_grids_of_their_own() {
        let page = "<table><tr><td><table><tr><td>一级指标</td><td>指标值</td></tr></table></td></tr></table>\
                    <table><tr><td>a</td><td rowspan=0>b</td></tr><tr><td>c</td></tr></table>";
        let grids = grids(page);
        assert_eq!(grids.len(), 2);
        assert_eq!(grids[0].sheet(), Some("table 2"));
        assert_eq!(texts(&grids[0]), [vec!["一级指标", "指标值"]]);
        assert_eq!(texts(&grids[1]), [vec!["a", "b"], vec!["c", ""]]);
    }

    #[test]
    fn head_lines_and_captions() {
        let page = "<html><head><title>x</title><script>var a;</script></head><body>\
                    <h2>某项目绩效目标表</h2><p>单位：&nbsp;万元</p>\
                    <table><caption>表一</caption><tr><td> a &amp; b </td></tr></table></body></html>";
        let grids = grids(page);
        assert_eq!(
            texts(&grids[0]),
            [vec!["某项目绩效目标表"], vec!["单位： 万元"]]
        );
        assert_eq!(texts(&grids[1]), [vec!["表一"], vec!["a & b"]]);
    }
}

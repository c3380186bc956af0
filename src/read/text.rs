//! Grids as text: the renderings a table takes when it is copied out of a page, a document or
//! a spreadsheet, each read into rows of cells.
//!
//! - pipe rows (`产出指标 | 数量指标 | 维修面积 | ≥400平方米 |`), a row per line or a cell per
//!   line, empty cells collapsed to the row's end;
//! - TSV and CSV, cells in place;
//! - one cell per line, one cell per paragraph (cells apart by blank lines);
//! - an indented tree, a level per indentation;
//! - space-separated text, a row per line that may go on over the next.
//!
//! The rendering is found from the text: the separators its lines use, and how the header's
//! words (一级指标, 三级指标, 指标值 …) stand.

use super::grid::vocab::{Role, ends_with_word, fold, is_word, role_of};
use super::grid::{Cell, Grid, Rows};
use crate::Layout;
use crate::taxonomy::resolve;

/// The glued reading of a text that was taken for space-separated: a page of glued text
/// whose wrapped words keep a space (`一级 指标二级 指标三级指标`) has spaces enough to look
/// spaced; its header line then names more columns cut as glued than split at spaces.
/// `None` where the text is not spaced, or its header reads no better glued.
pub(crate) fn glued_alternative(text: &str) -> Option<Grid> {
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.trim_end_matches('\r').trim_start_matches('\u{feff}'))
        .collect();
    let at = spaced_header(&lines)?;
    // Cut as glued, the header line names at least two columns more than its spaced cells.
    let glued = super::glued::headers_in(lines[at]);
    let whole = split_spaces(lines[at])
        .iter()
        .filter(|(_, c)| super::glued::is_header(c))
        .count();
    (glued >= whole + 2).then(|| super::glued::grid(&lines))
}

/// The line of a spaced grid's header: the first that names three kinds of column, a level
/// among them (`一级指标 二级指标 三级指标 年度指标值`), else the first with two header words,
/// a level's among them (a money block's `全年预算数 分值 执行率 得分` is no indicator header,
/// nor is one cell that kept a space, `半年(程) 指标值`).
fn spaced_header(lines: &[&str]) -> Option<usize> {
    // Each cell's role is read once for the three questions.
    let words = |l: &str| {
        // A line of one cell is neither (a cell per line): its words need no reading, nor
        // its cells a vector.
        if !splits(l) {
            return (0, false, false);
        }
        let cells = split_spaces(l);
        let roles: Vec<Option<Role>> = cells.iter().map(|(_, c)| role_of(&fold(c))).collect();
        let (count, level) = header_words_of(&roles);
        (count, level, header_line_roles(&roles))
    };
    let mut first = None;
    for (n, line) in lines.iter().enumerate() {
        let (count, level, full) = words(line);
        if full {
            return Some(n);
        }
        if count >= 2 && level && first.is_none() {
            first = Some(n);
        }
    }
    first
}

/// Whether cells are two header words at least, a level's among them (`指标类型 指标名称`):
/// a header, where no line names three kinds of column.
fn names_a_level(cells: &[&str]) -> bool {
    let roles: Vec<Option<Role>> = cells.iter().map(|c| role_of(&fold(c))).collect();
    let (count, level) = header_words_of(&roles);
    count >= 2 && level
}

/// How many of a line's cells are header words, by their roles, and whether a level's is
/// among them.
fn header_words_of(roles: &[Option<Role>]) -> (usize, bool) {
    let level = roles
        .iter()
        .any(|&r| is_header_role(r) && matches!(r, Some(Role::Tier | Role::Category | Role::Name)));
    let count = roles.iter().filter(|&&r| is_header_role(r)).count();
    (count, level)
}

/// Reads a grid's text, finding its rendering; `None` where no line holds a grid header.
pub(crate) fn grid(text: &str) -> Option<Grid> {
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.trim_end_matches('\r').trim_start_matches('\u{feff}'))
        .collect();
    let content: Vec<&str> = lines.iter().copied().filter(|l| !blank(l)).collect();
    if content.is_empty() {
        return None;
    }
    let piped = content.iter().filter(|l| l.contains('|')).count();
    if piped * 5 >= content.len() && piped >= 2 {
        return Some(pipe(&lines));
    }
    let tabbed = content.iter().filter(|l| l.contains('\t')).count();
    if tabbed * 3 >= content.len() && tabbed >= 2 {
        return Some(delimited(&lines, '\t'));
    }
    if let Some(grid) = csv(text, &lines) {
        return Some(grid);
    }
    let header = spaced_header(&lines).filter(|&at| rows_spaced(&lines[at + 1..]));
    if let Some(at) = header {
        return Some(spaced(&lines, at));
    }
    // A header a word per line (two header words on lines of their own, one after the
    // other) is no glued text's: glued text is looked for down to it only, as cutting lines
    // is costly.
    let (first, run) = header_run(&lines);
    let above = run.map_or(lines.len(), |second| second + 1);
    if super::glued::looks_glued(&lines[..above]).is_some() {
        return Some(super::glued::grid(&lines));
    }
    // Headers one per line: a cell per line or paragraph, or a tree.
    let first = first?;
    if tree_like(&lines[first..]) {
        return Some(tree(&lines));
    }
    let paragraphs = lines[first..]
        .windows(2)
        .take(40)
        .filter(|w| !blank(w[0]) && blank(w[1]))
        .count();
    let cells = lines[first..].iter().take(40).filter(|l| !blank(l)).count();
    // Header words on consecutive lines are cells of their own: a blank line between cells
    // further down is an empty cell, not the end of a paragraph.
    let next_is_header = lines.get(first + 1).is_some_and(|l| {
        !blank(l) && is_header_word(l.trim()) && !wrapped_header(lines[first].trim(), l.trim())
    });
    if paragraphs * 2 >= cells && cells > 0 && !next_is_header {
        Some(paragraph(&lines, first))
    } else {
        Some(cell_per_line(&lines))
    }
}

/// The first line that is a header word, and the second line of a header written a word per
/// line: a line that is a header word, after another with only blank lines between. (A
/// glued header line reads as a header word too: the two lines are looked at for glue.)
/// One reading of each line for both: the first header word is the first line of the run,
/// or, where there is no run, was met on the way through all the lines.
fn header_run(lines: &[&str]) -> (Option<usize>, Option<usize>) {
    let mut first: Option<usize> = None;
    let mut previous: Option<usize> = None;
    for (n, line) in lines.iter().enumerate() {
        if blank(line) {
            continue;
        }
        if is_header_word(line.trim()) {
            first.get_or_insert(n);
            if previous.is_some() {
                return (first, Some(n));
            }
            previous = Some(n);
        } else {
            previous = None;
        }
    }
    (first, None)
}

/// Whether the lines below a spaced header hold rows of cells: of the first 60 lines that are
/// not blank, those that split into two cells or more hold a third of the characters. Where
/// a cell per line kept a space inside it (`一级 指标`, `产 出 指 标`), the header looks
/// spaced, yet its rows are lines of one cell.
fn rows_spaced(below: &[&str]) -> bool {
    let (mut all, mut split) = (0usize, 0usize);
    for line in below.iter().filter(|l| !blank(l)).take(60) {
        let cells = split_spaces(line);
        let chars: usize = cells.iter().map(|(_, c)| c.chars().count()).sum();
        all += chars;
        if cells.len() >= 2 {
            split += chars;
        }
    }
    split * 3 >= all
}

fn blank(line: &str) -> bool {
    line.chars()
        .all(|c| c.is_whitespace() || c == '\u{3000}' || c == '\u{c}')
}

/// The character column (1-based) of a byte offset in a line.
fn column_of(line: &str, byte: usize) -> usize {
    line.get(..byte).map_or(1, |head| head.chars().count() + 1)
}

/// The character columns of ascending byte offsets in one line, counted in one walk over it
/// (asking [`column_of`] for each cell of a long line would count its start again and again).
pub(super) struct Columns<'a> {
    line: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> Columns<'a> {
    pub(super) fn new(line: &'a str) -> Self {
        Columns {
            line,
            byte: 0,
            chars: 0,
        }
    }

    /// The character column (1-based) of `byte`; an offset before the last asked is counted
    /// from the line's start.
    pub(super) fn at(&mut self, byte: usize) -> usize {
        match self.line.get(self.byte..byte) {
            Some(between) if byte >= self.byte => {
                self.chars += between.chars().count();
                self.byte = byte;
                self.chars + 1
            }
            _ => column_of(self.line, byte),
        }
    }
}

/// Whether a text is a header word of the indicator grid.
fn is_header_word(text: &str) -> bool {
    is_header_role(role_of(&fold(text)))
}

/// Whether a text's role (`role_of` of its fold) makes it a header word of the indicator
/// grid.
fn is_header_role(role: Option<Role>) -> bool {
    role.is_some_and(|r| {
        matches!(
            r,
            Role::Tier
                | Role::Category
                | Role::Name
                | Role::Annual
                | Role::Period
                | Role::Actual
                | Role::Weight
                | Role::Score
        )
    })
}

/// How many of a line's cells are header words of the grid.
fn header_words(cells: &[(usize, &str)]) -> usize {
    cells.iter().filter(|(_, c)| is_header_word(c)).count()
}

/// Whether cells are a grid's header: three kinds of header at least, a level among them.
fn header_line(cells: &[&str]) -> bool {
    // Three kinds need three cells: a line of fewer is read no further.
    if cells.len() < 3 {
        return false;
    }
    let roles: Vec<Option<Role>> = cells.iter().map(|c| role_of(&fold(c))).collect();
    header_line_roles(&roles)
}

/// [`header_line`] of the cells' roles.
fn header_line_roles(cells: &[Option<Role>]) -> bool {
    let mut roles: Vec<Role> = cells
        .iter()
        .filter(|&&r| is_header_role(r))
        .filter_map(|&r| r)
        .collect();
    roles.sort_by_key(|r| *r as u8);
    roles.dedup();
    roles.len() >= 3
        && roles
            .iter()
            .any(|r| matches!(r, Role::Tier | Role::Category | Role::Name))
}

/// Whether [`split_spaces`] finds two cells or more in a line: a space with text on both
/// sides of it.
fn splits(line: &str) -> bool {
    let space = |c: char| c.is_whitespace() || c == '\u{3000}';
    line.trim_matches(space).contains(space)
}

/// A line's cells apart by spaces: by runs of two or more where the line has such runs
/// between header words (pdftotext's layout), else by any space.
fn split_spaces(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (at, c) in line.char_indices() {
        let space = c.is_whitespace() || c == '\u{3000}';
        match (space, start) {
            (true, Some(s)) => {
                out.push((s, &line[s..at]));
                start = None;
            }
            (false, None) => start = Some(at),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &line[s..]));
    }
    out
}

/// The most characters a bracket spaced out over a line's pieces holds (`(60 分)`).
const SPACED_BRACKET: usize = 16;

/// A space-separated line's pieces, with a bracket spaced out over pieces joined up
/// (`(60` `分)` is `(60 分)`), and a piece that is only a bracket joined to the words
/// before it, whose note it is (`产出指标 (60 分)`, `年初目标值 (A)`). The pieces are slices
/// of `line`, each with its byte offset.
fn bracketed_cells<'a>(line: &'a str, pieces: Vec<(usize, &'a str)>) -> Vec<(usize, &'a str)> {
    let mut out: Vec<(usize, &'a str)> = Vec::with_capacity(pieces.len());
    let mut at = 0;
    while at < pieces.len() {
        let (start, first) = pieces[at];
        let mut end = start + first.len();
        let mut open = depth(first);
        let mut next = at + 1;
        // Pieces that close a bracket the first leaves open, within a few characters.
        if open > 0 {
            let mut k = at + 1;
            while let Some(&(s, p)) = pieces.get(k) {
                if line
                    .get(start..s + p.len())
                    .is_none_or(|t| t.chars().count() > SPACED_BRACKET + first.chars().count())
                {
                    break;
                }
                open = open.saturating_add(depth(p));
                k += 1;
                if open <= 0 {
                    if open == 0 {
                        end = s + p.len();
                        next = k;
                    }
                    break;
                }
            }
        }
        let cell = &line[start..end];
        let only_bracket = cell.starts_with(['(', '（'])
            && cell.ends_with([')', '）'])
            && depth(cell) == 0
            && cell.chars().count() <= SPACED_BRACKET;
        match out.last_mut() {
            Some((before, text))
                if only_bracket
                    && text
                        .chars()
                        .next_back()
                        .is_some_and(crate::taxonomy::is_han)
                    && depth(text) == 0 =>
            {
                *text = &line[*before..end];
            }
            _ => out.push((start, cell)),
        }
        at = next;
    }
    out
}

/// Pipe rows: a row per line (`a | b | c |`, with or without a leading `|`), or a cell per
/// line (`a |`), rows opened or closed by lines of pipes alone.
fn pipe(lines: &[&str]) -> Grid {
    let piped: Vec<&str> = lines.iter().copied().filter(|l| l.contains('|')).collect();
    // Lines of two cells or more, and of one: a line's cells are counted once, and no
    // further than two (a real row has a dozen pipes).
    let (mut multi, mut single) = (0usize, 0usize);
    for l in &piped {
        match l.split('|').filter(|c| !blank(c)).take(2).count() {
            0 => {}
            1 => single += 1,
            _ => multi += 1,
        }
    }
    // Cells on lines of their own, each closed by a line holding a pipe alone: the pipes are
    // the cells' separators, and the rows are lost.
    let bare = lines.iter().filter(|l| l.trim() == "|").count();
    let text = lines
        .iter()
        .filter(|l| !blank(l) && !l.contains('|'))
        .count();
    if bare * 5 >= text * 3 && text * 5 >= (text + piped.len()) * 2 && multi * 10 < piped.len() {
        return separated(lines);
    }
    if let Some(grid) = pipe_in_place(lines) {
        return grid;
    }
    if multi >= single {
        pipe_rows(lines)
    } else {
        pipe_cells(lines)
    }
}

/// The fewest rows below the header that show a pipe grid keeps its empty cells.
const IN_PLACE_ROWS: usize = 2;

/// The cells of a pipe row (`| a |  | c |`): the text between its pipes, empty ones kept,
/// with their byte offsets in the line; one pipe at each end is the row's frame.
fn pipe_fields(line: &str) -> Vec<(usize, &str)> {
    let trimmed = line.trim();
    let start = line.len() - line.trim_start().len();
    let body = trimmed.strip_prefix('|').unwrap_or(trimmed);
    let mut at = start + (trimmed.len() - body.len());
    let body = body.strip_suffix('|').unwrap_or(body);
    body.split('|')
        .map(|piece| {
            let field = (at, piece);
            at += piece.len() + 1;
            field
        })
        .collect()
}

/// Pipe rows that keep their empty cells in place (`|  |  | 明确性 |  | 5 |`), as a page's
/// table turned into text cell by cell prints them: every line from the header to the last
/// row has the header's number of cells, no pipes run together, and a row leaves a cell
/// empty before one that is not. Such a
/// grid is read in place, like TSV; any other (a collapsed row, a wrapped cell, a merged
/// cell left out) is read by its cells' kinds.
fn pipe_in_place(lines: &[&str]) -> Option<Grid> {
    let header = lines.iter().position(|l| {
        l.contains('|') && {
            let texts: Vec<&str> = pipe_fields(l).iter().map(|(_, c)| c.trim()).collect();
            header_line(&texts)
        }
    })?;
    let width = pipe_fields(lines[header]).len();
    let last = lines.iter().rposition(|l| l.contains('|'))?;
    let mut rows = 0usize;
    let mut gaps = false;
    for line in lines.get(header + 1..=last)? {
        if blank(line) || markdown_rule(line) {
            continue;
        }
        let fields = pipe_fields(line);
        // Pipes run together (`| ||||`) pad a row whose empty cells collapsed.
        if !line.contains('|') || line.contains("||") || fields.len() != width {
            return None;
        }
        rows += 1;
        // An empty cell before a filled one: past the first filled cell, from the end.
        gaps |= fields
            .iter()
            .rev()
            .skip_while(|(_, c)| blank(c))
            .any(|(_, c)| blank(c));
    }
    if rows < IN_PLACE_ROWS || !gaps {
        return None;
    }
    let mut grid = Grid::new(Layout::Pipe, Rows::Positional);
    for (n, line) in lines.iter().enumerate() {
        if blank(line) || markdown_rule(line) {
            continue;
        }
        let mut columns = Columns::new(line);
        let cells = if line.contains('|') {
            pipe_fields(line)
                .into_iter()
                .map(|(at, piece)| {
                    let lead = piece.len() - piece.trim_start().len();
                    Cell::of(piece, n + 1, columns.at(at + lead))
                })
                .collect()
        } else {
            let lead = line.len() - line.trim_start().len();
            vec![Cell::of(line, n + 1, columns.at(lead))]
        };
        grid.push_row(cells);
    }
    Some(grid)
}

/// Cells apart by lines that hold a pipe alone; a cell's lines are joined. Where every cell
/// is kept, empty ones too, the stream is cut into rows as wide as its header
/// ([`stream_rows`]); else the rows are lost.
fn separated(lines: &[&str]) -> Grid {
    let cells = separated_cells(lines);
    if let Some(grid) = stream_rows(&cells) {
        return grid;
    }
    let mut grid = Grid::new(Layout::Pipe, Rows::Lost);
    for cell in cells {
        grid.push_row(vec![cell]);
    }
    grid
}

/// A stream of cells that keeps its empty cells (`一、投入目标 |` then a pipe alone for each
/// empty cell of the row), cut into rows as wide as its header. The header is a stretch of
/// the first run of header words that names a grid's columns: cells over it
/// (`绩效目标设置情况`) may run into it, and a row's label after it (`一、投入目标`) may
/// read as a header word, so the stretch is the first whose rows fit their columns: each row
/// begins with a filled cell that is not a value, and its weight and score are numbers or
/// empty. Rows from the first that does not fit are left one cell each, as where the rows
/// are lost. `None` where fewer than [`STREAM_ROWS`] rows fit, or no cell is empty.
fn stream_rows(cells: &[Cell]) -> Option<Grid> {
    let mut segment = stream_segment(cells)?;
    let mut grid = Grid::new(Layout::Pipe, Rows::Positional);
    let mut rest = cells;
    let singles = |grid: &mut Grid, cells: &[Cell]| {
        for cell in cells.iter().filter(|c| !c.text().is_empty()) {
            grid.push_row(vec![cell.clone()]);
        }
    };
    // Each stretch that fits in turn: a page of several projects repeats its header over
    // each one's rows (and the project's own lines between).
    loop {
        let (header, width, fitting) = segment;
        singles(&mut grid, &rest[..header]);
        grid.push_row(rest[header..header + width].to_vec());
        let body = &rest[header + width..];
        let (rows, after) = body.split_at(fitting * width);
        for row in rows.chunks(width) {
            grid.push_row(row.to_vec());
        }
        rest = after;
        match stream_segment(rest) {
            Some(next) => segment = next,
            None => break,
        }
    }
    singles(&mut grid, rest);
    Some(grid)
}

/// The first stretch of a stream of cells cut into rows, for [`stream_rows`]: where its
/// header begins, its width and the rows below it that fit. `None` where fewer than
/// [`STREAM_ROWS`] rows fit, or no cell of them is empty. The cells are looked at up to the
/// header's run and a bounded probe beyond it, so that reading stretch after stretch stays
/// linear.
fn stream_segment(cells: &[Cell]) -> Option<(usize, usize, usize)> {
    let word = |r: &Option<Role>| r.is_some_and(|r| r != Role::Blank);
    // The cells' roles up to the header's run, each read once; each run of header words is
    // looked at once, where it ends. The body's cells are not read as headers.
    let mut roles: Vec<Option<Role>> = Vec::new();
    let mut at = 0;
    let (start, run) = loop {
        let role = cells.get(roles.len()).map(|c| role_of(&fold(c.text())));
        if let Some(role) = role.filter(word) {
            roles.push(role);
            continue;
        }
        let run = roles.len() - at;
        if run >= 3 && header_line_roles(&roles[at..]) {
            break (at, run);
        }
        roles.push(role?);
        at = roles.len();
    };
    // The run ends with the header's last column word: a row's label after it
    // (`一、投入目标`, read as a goal's header) is no column.
    let column_word = |r: &Option<Role>| {
        r.is_some_and(|r| r.is_indicator() || matches!(r, Role::Text | Role::LevelWeight))
    };
    let end = start + roles[start..start + run].iter().rposition(column_word)? + 1;
    // Of the stretches, the one whose first rows fit longest; the first of equals.
    let rows_fitting = |at: usize, width: usize| {
        cells[at + width..]
            .chunks(width)
            .take(STREAM_PROBE)
            .take_while(|row| row.len() == width && stream_row_fits(row, &roles[at..at + width]))
            .count()
    };
    let (header, width) = (start..end.min(start + STREAM_HEADER_SHIFTS))
        .map(|at| (at, end - at))
        .filter(|&(_, width)| (3..=STREAM_WIDEST).contains(&width))
        .map(|(at, width)| (rows_fitting(at, width), at, width))
        .filter(|&(rows, _, _)| rows >= STREAM_ROWS)
        .reduce(|best, next| if next.0 > best.0 { next } else { best })
        .map(|(_, at, width)| (at, width))?;
    let columns = &roles[header..header + width];
    let body = &cells[header + width..];
    let fitting = body
        .chunks(width)
        .take_while(|row| row.len() == width && stream_row_fits(row, columns))
        .count();
    let kept = body[..fitting * width].iter().any(|c| c.text().is_empty());
    if fitting < STREAM_ROWS || !kept {
        return None;
    }
    Some((header, width, fitting))
}

/// The fewest rows below its header that show a stream of cells keeps every cell in place.
const STREAM_ROWS: usize = 2;
/// The rows below a stream's header that choose among its stretches, for [`stream_rows`].
const STREAM_PROBE: usize = 8;
/// The most cells over a stream's header that may run into it, for [`stream_rows`].
const STREAM_HEADER_SHIFTS: usize = 8;
/// The widest header of a stream of cells, for [`stream_rows`]: a wider run of header words
/// reads as cells whose rows are lost.
const STREAM_WIDEST: usize = 40;

/// Whether a row of a stream of cells fits the columns its header names: it begins with a
/// filled cell that is not a value, and its weight and score are numbers or empty.
fn stream_row_fits(row: &[Cell], columns: &[Option<Role>]) -> bool {
    use super::grid::shape::{Shape, shape};
    let first = row.first().map_or("", |c| c.text());
    let begins = !first.is_empty()
        && !super::grid::vocab::is_table_number(first)
        && !matches!(
            shape(first),
            Shape::Value | Shape::Number | Shape::Amount | Shape::Percent
        );
    begins
        && row.iter().zip(columns).all(|(cell, role)| {
            !matches!(role, Some(Role::Weight | Role::Score))
                || cell.text().is_empty()
                || matches!(shape(cell.text()), Shape::Number)
        })
}

/// The cells of text whose lines hold a cell each, closed by a pipe (`产出指标 |`, a pipe
/// alone for an empty cell); a line without a pipe goes on to the cell of the next. `None`
/// where a line holds more than one pipe, or text after its pipe.
fn one_cell_lines(lines: &[&str]) -> Option<Vec<Cell>> {
    let mut cells = Vec::new();
    let mut pending: Option<(String, usize, usize)> = None;
    for (n, line) in lines.iter().enumerate() {
        if blank(line) {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let Some((before, after)) = line.split_once('|') else {
            match pending.as_mut() {
                Some((text, _, _)) => text.push_str(line.trim()),
                None => pending = Some((line.trim().to_owned(), n + 1, column_of(line, lead))),
            }
            continue;
        };
        if !blank(after) {
            return None;
        }
        let (mut text, l, c) = pending
            .take()
            .unwrap_or_else(|| (String::new(), n + 1, column_of(line, lead)));
        text.push_str(before.trim());
        cells.push(Cell::new(text, l, c));
    }
    if let Some((text, l, c)) = pending {
        cells.push(Cell::new(text, l, c));
    }
    Some(cells)
}

/// The cells of [`separated`] text, empty ones kept: a line holding a pipe ends a cell, and
/// the lines before it since the last are its text.
fn separated_cells(lines: &[&str]) -> Vec<Cell> {
    let mut cells = Vec::new();
    let mut cell: Option<(String, usize, usize)> = None;
    for (n, line) in lines.iter().enumerate() {
        if line.contains('|') {
            let mut pieces = line.split('|');
            let before = pieces.next().unwrap_or("").trim();
            let (text, l, c) = cell.take().unwrap_or((String::new(), n + 1, 1));
            let text = text + before;
            cells.push(Cell::new(text, l, c));
            // Text after a pipe (`|   项目完成指标`): cells between pipes, and the start of
            // the next cell after the last.
            let mut at = line.find('|').map_or(line.len(), |p| p + 1);
            let mut rest = pieces.peekable();
            while let Some(piece) = rest.next() {
                let lead = piece.len() - piece.trim_start().len();
                if !blank(piece) {
                    let column = column_of(line, at + lead);
                    if rest.peek().is_some() {
                        cells.push(Cell::new(piece.trim(), n + 1, column));
                    } else {
                        cell = Some((piece.trim().to_owned(), n + 1, column));
                    }
                }
                at += piece.len() + 1;
            }
            continue;
        }
        if blank(line) {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        match cell.as_mut() {
            Some((text, _, _)) => text.push_str(line.trim()),
            None => cell = Some((line.trim().to_owned(), n + 1, column_of(line, lead))),
        }
    }
    if let Some((text, l, c)) = cell {
        cells.push(Cell::new(text, l, c));
    }
    cells
}

/// The most cells of a pipe row that goes on over the lines of values below its name
/// ([`broken_after_name`]): more than a grid's columns.
const BROKEN_ROW_CELLS: usize = 24;

/// Whether a markdown-like pipe row broke its line after its name: the row so far holds a
/// name after its labels and no number, and the next line (`line`) begins with a value
/// (`| 经济效益指标 | 减轻负担 |` then `| 有效 |` then `| 有效 | 10 | 10 |`): the line goes on
/// the row, which is no row of its own without a name. A row goes on so up to
/// [`BROKEN_ROW_CELLS`] cells: its cells are looked at once per line, and a text of many
/// such lines stays linear.
fn broken_after_name(row: &[Cell], line: &str) -> bool {
    use super::grid::shape::{Shape, shape};
    if row.len() > BROKEN_ROW_CELLS {
        return false;
    }
    let numeric = |s: Shape| matches!(s, Shape::Number | Shape::Amount | Shape::Percent);
    let shapes: Vec<Shape> = row.iter().map(|c| shape(c.text())).collect();
    let labelled = shapes.iter().any(|s| {
        matches!(
            s,
            Shape::Tier | Shape::Category | Shape::Level | Shape::Label
        )
    });
    let named = shapes
        .iter()
        .rposition(|s| *s == Shape::Text)
        .is_some_and(|at| {
            shapes[..at]
                .iter()
                .all(|s| !numeric(*s) && *s != Shape::Value)
        });
    let first = line
        .trim_start()
        .strip_prefix('|')
        .unwrap_or(line)
        .split('|')
        .next()
        .unwrap_or("");
    let value = matches!(
        shape(first.trim()),
        Shape::Words | Shape::Value | Shape::Percent | Shape::Number | Shape::Op
    );
    labelled && named && !shapes.iter().any(|s| numeric(*s)) && value
}

/// Pipe rows, a row per line (`a | b | c |`, with or without a leading `|`). A row ends
/// with its line where the line closes it: its empty cells collapsed at its end (`| ||||`),
/// three cells or more, a long cell, or a line of pipes alone. A short line of labels that
/// ends with one pipe (`产 出 指 标 (50分) |`, a merged cell on a line of its own) goes on on
/// the next line; a line with no pipe after one that does not end with a pipe goes on its
/// last cell.
fn pipe_rows(lines: &[&str]) -> Grid {
    let piped: Vec<&&str> = lines.iter().filter(|l| l.contains('|')).collect();
    let leading = piped
        .iter()
        .filter(|l| l.trim_start().starts_with('|'))
        .count();
    // Markdown-like tables begin every row with a pipe; elsewhere a line that begins with a
    // pipe goes on the row before it (an empty cell broke its line: `定性 | 优良 |` then
    // `| 优 | 10 |`).
    let markdown = leading * 5 >= piped.len() * 4;
    let mut grid = Grid::new(Layout::Pipe, Rows::Collapsed);
    let mut row: Vec<Cell> = Vec::new();
    // A row ended by its number of cells, not by its padding: a line that begins with a pipe
    // may still go on it.
    let mut soft = false;
    let mut previous = "";
    for (n, line) in lines.iter().enumerate() {
        let line_no = n + 1;
        if blank(line) {
            continue;
        }
        let trimmed = line.trim_start();
        let inside_cell =
            !line.contains('|') && !row.is_empty() && !previous.trim_end().ends_with('|');
        previous = line;
        if inside_cell {
            if let Some(last) = row.last_mut() {
                last.append(line);
            }
            continue;
        }
        // A markdown table's rule under its header (`|---|:---:|`) ends the row before it and
        // holds no cell: it is the table's markup, not its text.
        if markdown_rule(line) {
            if !row.is_empty() {
                grid.push_row(core::mem::take(&mut row));
            }
            soft = false;
            continue;
        }
        let pipes_only = line.chars().all(|c| c == '|' || c.is_whitespace());
        let goes_on = trimmed.starts_with('|') && !pipes_only && broken_after_name(&row, trimmed);
        if soft && !(trimmed.starts_with('|') && !markdown && !pipes_only) && !goes_on {
            grid.push_row(core::mem::take(&mut row));
        }
        if markdown && trimmed.starts_with('|') && !row.is_empty() && !pipes_only && !goes_on {
            grid.push_row(core::mem::take(&mut row));
        }
        soft = false;
        let body = trimmed.strip_prefix('|').unwrap_or(trimmed);
        let offset = line.len() - body.len();
        let mut at = offset;
        let mut cells = 0usize;
        let mut long = false;
        let mut columns = Columns::new(line);
        for piece in body.split('|') {
            let lead = piece.len() - piece.trim_start().len();
            if !blank(piece) {
                cells += 1;
                // More than twelve characters, counted no further than the thirteenth.
                long = long
                    || piece
                        .chars()
                        .filter(|c| !c.is_whitespace())
                        .nth(12)
                        .is_some();
                row.push(Cell::of(piece, line_no, columns.at(at + lead)));
            }
            at += piece.len() + 1;
        }
        let end = line.trim_end();
        let padded = end.ends_with("||") || end.ends_with("| |") || pipes_only;
        if row.is_empty() {
            continue;
        }
        if padded || !line.contains('|') || !end.ends_with('|') {
            grid.push_row(core::mem::take(&mut row));
        } else if cells >= 3 || long {
            soft = true;
        }
    }
    if !row.is_empty() {
        grid.push_row(row);
    }
    grid
}

/// Whether a line is a markdown table's rule: pipes around cells of three dashes or more,
/// each maybe with a colon at either end (`|---|:---:|`).
fn markdown_rule(line: &str) -> bool {
    let body = line.trim().trim_matches('|');
    body.contains('-')
        && body.split('|').all(|cell| {
            let cell = cell.trim();
            let dashes = cell.trim_start_matches(':').trim_end_matches(':');
            dashes.len() >= 3 && dashes.bytes().all(|b| b == b'-')
        })
}

/// Pipe cells, a cell per line (`a |`). A line of pipes alone, or a cell line that ends in a
/// run of pipes (collapsed empty cells), closes a row; without such lines the rows are lost.
fn pipe_cells(lines: &[&str]) -> Grid {
    // Every cell on a line of its own, empty ones as a pipe alone: a stream of cells that
    // may keep its rows' places. Without a pipe alone, no empty cell is kept.
    let empties = lines.iter().any(|l| l.trim() == "|");
    if empties && let Some(grid) = one_cell_lines(lines).and_then(|cells| stream_rows(&cells)) {
        return grid;
    }
    // A line closes a row where, after its cell, only pipes are left, two or more: the
    // row's empty cells collapsed (`1 | ||`, `指标值 | |`), or pipes alone (`||`, `|` after cells).
    let closes = |l: &str| {
        let t = l.trim();
        let rest = t.split_once('|').map_or("", |(_, rest)| rest);
        let only_pipes = rest.chars().all(|c| c == '|' || c.is_whitespace());
        let pipes = t.matches('|').count();
        only_pipes && (pipes >= 2 || t.chars().all(|c| c == '|'))
    };
    // Only closers in the grid count: lines of pipes alone above it are empty cells of the
    // title lines (`项目责任人: |` then `|`).
    let header = lines
        .iter()
        .position(|l| is_header_word(l.split('|').next().unwrap_or("").trim()))
        .unwrap_or(0);
    // The header is a row of its own: where the first closer comes after cells that are no
    // header words (`指标值 |` then `辅警人员 |` … `基本建立 | |`), a closer is an empty cell
    // of some row, not the end of every row.
    fn first_cell(line: &str) -> Option<&str> {
        line.split('|').map(str::trim).find(|c| !c.is_empty())
    }
    let levels = lines.iter().position(|l| {
        first_cell(l).is_some_and(|c| {
            matches!(
                role_of(&fold(c)),
                Some(Role::Tier | Role::Category | Role::Name)
            )
        })
    });
    let header_closed = lines[levels.unwrap_or(lines.len())..]
        .iter()
        .filter(|l| !blank(l))
        .take_while(|l| !(l.contains('|') && closes(l)))
        .all(|l| first_cell(l).is_none_or(|c| role_of(&fold(c)).is_some()));
    let delimited = header_closed
        && lines[header..]
            .iter()
            .filter(|l| l.contains('|') && closes(l))
            .count()
            >= 2;
    let mode = if delimited {
        Rows::Collapsed
    } else {
        Rows::Lost
    };
    let mut grid = Grid::new(Layout::Pipe, mode);
    let mut row: Vec<Cell> = Vec::new();
    let mut pending: Option<Cell> = None;
    let mut seen_pipe = false;
    let flush_row = |grid: &mut Grid, row: &mut Vec<Cell>| {
        if row.is_empty() {
            return;
        }
        match mode {
            Rows::Lost => {
                for cell in row.drain(..) {
                    grid.push_row(vec![cell]);
                }
            }
            _ => grid.push_row(core::mem::take(row)),
        }
    };
    for (n, line) in lines.iter().enumerate() {
        let line_no = n + 1;
        if blank(line) {
            continue;
        }
        if !line.contains('|') {
            // Text with no pipe: a line of its own above the table, or, in it, the start of a
            // cell whose text goes on to the next line.
            if !seen_pipe {
                grid.push_row(vec![Cell::new(
                    *line,
                    line_no,
                    column_of(line, line.len() - line.trim_start().len()),
                )]);
                continue;
            }
            // Text that ends its sentence (`(三)绩效目标。`, a paragraph of the report the
            // table stands in) goes on to no cell: it is a line of its own.
            if let Some(p) = pending.take_if(|p| ends_sentence(p.text())) {
                flush_row(&mut grid, &mut row);
                grid.push_row(vec![p]);
            }
            let cell = match pending.take() {
                Some(mut p) => {
                    p.append(line);
                    p
                }
                None => Cell::new(
                    *line,
                    line_no,
                    column_of(line, line.len() - line.trim_start().len()),
                ),
            };
            pending = Some(cell);
            continue;
        }
        seen_pipe = true;
        let mut at = 0;
        let mut first = true;
        let mut columns = Columns::new(line);
        for piece in line.split('|') {
            let lead = piece.len() - piece.trim_start().len();
            let mut text = piece.trim().to_owned();
            let mut place = (line_no, columns.at(at + lead));
            if first && let Some(p) = pending.take() {
                if ends_sentence(p.text()) {
                    flush_row(&mut grid, &mut row);
                    grid.push_row(vec![p]);
                } else {
                    text = format!("{}{}", p.text(), text);
                    place = (p.line(), p.column());
                }
            }
            first = false;
            if !text.is_empty() {
                row.push(Cell::new(text, place.0, place.1));
            }
            at += piece.len() + 1;
        }
        if closes(line) {
            flush_row(&mut grid, &mut row);
        }
    }
    if let Some(p) = pending {
        row.push(p);
    }
    flush_row(&mut grid, &mut row);
    grid
}

/// Whether a text ends a sentence (`。`, `；`, `！`): a paragraph's end, not a cell's first
/// line.
fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with(['。', '；', ';', '！', '!'])
}

/// Tab-separated rows: cells in place where every row below the header is as wide as the
/// header or a merged cell left its place empty (a spreadsheet's export), else collapsed, the
/// empty cells dropped (an HTML table copied from a browser leaves a merged cell out of the
/// rows below its first).
fn delimited(lines: &[&str], separator: char) -> Grid {
    // The lines are split where they are read, each time: a row's pieces are not kept in a
    // vector of their own between the questions.
    let rows = || lines.iter().enumerate().filter(|(_, line)| !blank(line));
    let header = rows().position(|(_, line)| {
        let texts: Vec<&str> = line.split(separator).map(str::trim).collect();
        header_line(&texts) || names_a_level(&texts)
    });
    let collapsed = header.is_some_and(|h| {
        let width = rows()
            .nth(h)
            .map_or(0, |(_, line)| line.split(separator).count());
        let below = || rows().skip(h + 1);
        below().any(|(_, line)| line.split(separator).count() < width)
            && !below().any(|(_, line)| {
                let mut pieces = line.split(separator);
                let first = pieces.next();
                pieces.next().is_some() && first.is_some_and(blank)
            })
    });
    let mode = if collapsed {
        Rows::Collapsed
    } else {
        Rows::Positional
    };
    let mut grid = Grid::new(Layout::Delimited, mode);
    for (n, line) in rows() {
        let mut at = 0;
        let mut columns = Columns::new(line);
        let cells = line
            .split(separator)
            .filter_map(|piece| {
                let column = columns.at(at);
                at += piece.len() + separator.len_utf8();
                (!collapsed || !blank(piece)).then(|| Cell::of(piece, n + 1, column))
            })
            .collect();
        grid.push_row(cells);
    }
    grid
}

/// CSV, where a line of the header's words is comma-separated: read by the csv crate, cells
/// in place.
fn csv(text: &str, lines: &[&str]) -> Option<Grid> {
    let header = lines.iter().position(|l| {
        // A header needs three cells (`header_line`): a line of fewer commas is no header,
        // and needs no vector of its cells (most lines of a text that is not CSV).
        if l.bytes().filter(|&b| b == b',').nth(1).is_none() {
            return false;
        }
        let cells: Vec<&str> = l.split(',').map(|c| c.trim().trim_matches('"')).collect();
        header_line(&cells)
    })?;
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut grid = Grid::new(Layout::Delimited, Rows::Positional);
    for record in reader.records() {
        let Ok(record) = record else {
            // A row the CSV reader refuses (an unclosed quote) ends the grid; what was read
            // before it stands.
            break;
        };
        let line = record.position().map_or(header + 1, |p| {
            usize::try_from(p.line()).unwrap_or(usize::MAX)
        });
        if record.iter().all(blank) {
            continue;
        }
        let cells = record
            .iter()
            .enumerate()
            .map(|(c, field)| Cell::of(field, line, c + 1))
            .collect();
        grid.push_row(cells);
    }
    Some(grid)
}

/// Space-separated text: a row per line, which may go on over the next lines; cells apart by
/// runs of spaces where the header's are, else by any space.
fn spaced<'a>(lines: &[&'a str], header: usize) -> Grid {
    let wide = {
        let h = lines[header];
        let runs = h.matches("  ").count();
        // Header words one space apart count each (`一级指标 二级指标 三级指标`, where a
        // narrow page squeezed them).
        runs >= 2 && split_wide(h).len() >= 3 && header_words(&split_header(h, None)) >= 2
    };
    // A table run together on one line (a document's text without its line breaks) has
    // lost its rows.
    let header_cells = split_spaces(lines[header]);
    let one_line = header_cells.len() > 3 * header_words(&header_cells) + 12;
    let mode = if one_line { Rows::Lost } else { Rows::Wrapped };
    // Where the header's cells start on the page. Header words one space apart
    // (`分值 年度指标值`, where a PDF's columns are narrow) are cells of their own.
    let measure = if wide {
        Measure::of_lines(lines, header)
    } else {
        Measure::Wide
    };
    let header_starts: Vec<usize> = if wide {
        let below = lines
            .iter()
            .skip(header + 1)
            .find(|l| !blank(l))
            .map(|l| (*l, measure));
        let cells = split_header(lines[header], below);
        piece_columns(lines[header], &cells, measure)
            .into_iter()
            .map(|(_, display)| display)
            .collect()
    } else {
        Vec::new()
    };
    let split = |line: &'a str| -> Vec<(usize, &'a str)> {
        if wide {
            split_at_columns(line, split_wide(line), &header_starts, measure)
        } else {
            bracketed_cells(line, split_spaces(line))
        }
    };
    let (levels, taken) = if one_line {
        (Vec::new(), Vec::new())
    } else {
        wrapped_levels(lines, header, split)
    };
    // Where the header's text columns (explanations, standards, remarks, and headers of no
    // known role, which are kept as text) and its name columns start on the page: a wrapped
    // tail under one may hold anything, digits and scoring rules included (`标率100%`), and
    // a text's first lines too.
    let columns_of = |roles: &[Option<Role>]| -> Vec<usize> {
        let cells = split(lines[header]);
        piece_columns(lines[header], &cells, measure)
            .into_iter()
            .zip(&cells)
            .filter(|(_, (_, t))| roles.contains(&role_of(&fold(t))))
            .map(|((_, display), _)| display)
            .collect()
    };
    let text_columns = columns_of(&[Some(Role::Text), None]);
    let free_columns = columns_of(&[Some(Role::Text), Some(Role::Name), None]);
    // Columns have widths only where the text lays them out (runs of spaces).
    let widths = if one_line || !wide {
        Widths::unknown(measure)
    } else {
        Widths::of(lines, header, split, measure)
    };
    let mut grid = Grid::new(Layout::Spaced, mode);
    // The last row pushed, with where its cells stand on the page.
    let mut last: Option<(Vec<Cell>, Vec<Start>)> = None;
    // The line that row starts on.
    let mut last_line = usize::MAX;
    // How many lines below the header went on its words ([`HEADER_TAIL_LINES`] at most).
    let mut tail_lines = 0usize;
    // Lines of the first lines of cells whose row is printed below them (a PDF centres a
    // cell's lines in its row): their pieces, each with its display and character columns.
    let mut heads: Vec<(usize, Vec<Piece<'a>>)> = Vec::new();
    // A line's cells, and where they stand.
    let row_of = |pieces: &[Piece<'a>]| -> (Vec<Cell>, Vec<Start>) {
        let starts = pieces
            .iter()
            .map(|&(display, _, text, _)| Start {
                at: display,
                first: measure.width(text.trim()),
                open: widths.fills(display, measure.width(text.trim())),
            })
            .collect();
        let cells = pieces
            .iter()
            .map(|&(display, column, text, line)| {
                let mut cell = Cell::of(text, line + 1, column);
                // Places on the page mean something where the cells stand under the header.
                cell.page = widths.known().then_some(display);
                cell
            })
            .collect();
        (cells, starts)
    };
    // Each line's pieces; where a PDF printed rows column by column, the rows put back.
    let logical: Vec<(usize, Vec<Piece<'a>>)> = lines
        .iter()
        .enumerate()
        .filter(|(_, line)| !blank(line))
        .map(|(n, line)| {
            let pieces = split(line);
            let placed = piece_columns(line, &pieces, measure)
                .into_iter()
                .zip(&pieces)
                .map(|((column, display), &(_, text))| (display, column, text, n))
                .collect();
            (n, placed)
        })
        .collect();
    let logical = if one_line {
        logical
    } else {
        unstack(logical, header)
    };
    for (n, placed) in logical {
        if one_line {
            for &(_, column, text, _) in &placed {
                grid.push_row(vec![Cell::new(text, n + 1, column)]);
            }
            continue;
        }
        let pieces: Vec<(usize, &str)> = placed.iter().map(|p| (p.1, p.2)).collect();
        // Where each piece starts: its character column, and its display column.
        let places: Vec<(usize, usize)> = placed.iter().map(|p| (p.1, p.0)).collect();
        // A cell wrapped onto the next line, below where it starts: the line holds only such
        // pieces of text, fewer than the row above, each under a cell that filled its width.
        // Beside them may stand the first lines of labels or names cut inside their brackets
        // (`产出指标(50` / `分)`), centred in the rows below: those start the next row's cells.
        // The last characters of header words cut in narrow columns, on the line below the
        // header: where they complete its words one way only, in order, they go on them,
        // wherever the page put them.
        if n > header
            && last_line == header
            && tail_lines < HEADER_TAIL_LINES
            && heads.is_empty()
            && let Some((row, starts)) = last.as_mut()
            && let words = placed
                .iter()
                .flat_map(|&(display, _, t, _)| {
                    // Each word's place, counted on from the word before.
                    t.split(' ').scan(display, move |at, word| {
                        let here = *at;
                        *at = at.saturating_add(measure.width(word)).saturating_add(1);
                        Some((here, word))
                    })
                })
                .filter(|(_, w)| !w.is_empty())
                .collect::<Vec<_>>()
            && let Some(tails) = header_tails(
                &row.iter()
                    .zip(starts.iter())
                    .map(|(c, s)| (s.at, c.text()))
                    .collect::<Vec<_>>(),
                &words,
            )
        {
            for (k, (_, text)) in tails.into_iter().zip(words) {
                if let (Some(cell), Some(start)) = (row.get_mut(k), starts.get_mut(k)) {
                    cell.append(text);
                    start.open = widths.fills(start.at, measure.width(text.trim()));
                }
            }
            tail_lines += 1;
            continue;
        }
        // A label printed a character a line down a narrow merged cell (`效` / `益` / `指` /
        // `标 经济效益 …`) starts the rows below it: its characters are no wrapped tail of
        // the row above.
        let vertical = || {
            let single = |l: &str| {
                let t = l.trim();
                t.chars().count() == 1 && t.chars().all(crate::taxonomy::is_han)
            };
            let next = lines[n + 1..].iter().find(|l| !blank(l));
            // Or a category's words, its `指标` on the next line (`社会效益` / `指标 满意度…`).
            let label = placed.len() == 1
                && is_level(lines[n].trim())
                && next.is_some_and(|l| l.trim_start().starts_with(['指', '标']));
            label || single(lines[n]) && next.is_some_and(|l| single(l))
        };
        if n > header
            && heads.is_empty()
            && !vertical()
            && let Some((row, starts)) = last.as_mut()
            && let Some(each) = wrapped_pieces(
                &pieces,
                &places,
                row,
                starts,
                // Under a header, only a text column takes a tail that is no words.
                if last_line == header {
                    &text_columns
                } else {
                    &free_columns
                },
                &widths,
                last_line == header,
            )
            && let Some(rest) = heads_beside(&placed, &each)
        {
            // Pieces past the row's cells ([`wrapped_pieces`] gives them its length) are
            // cells of their own.
            let known = row.len();
            for (piece, (k, text)) in placed.iter().zip(each).filter_map(|(p, e)| Some((p, e?))) {
                if k < known
                    && let (Some(cell), Some(start)) = (row.get_mut(k), starts.get_mut(k))
                {
                    cell.append(text);
                    start.open = widths.fills(start.at, measure.width(text.trim()));
                } else {
                    // A cell the row prints on its second line, right of its others.
                    let (mut cells, mut at) = row_of(core::slice::from_ref(piece));
                    row.append(&mut cells);
                    starts.append(&mut at);
                }
            }
            if !rest.is_empty() {
                heads.push((n, rest));
            }
            continue;
        }
        // The first lines of cells whose row comes below: words that fill their columns, on
        // a line holding fewer cells than a row.
        if n > header
            && let Some((row, _)) = last.as_ref()
            && leads(&placed, row.len(), &widths, &text_columns, &free_columns)
        {
            heads.push((n, placed));
            continue;
        }
        // Level headers wrapped onto the lines above the header go before its cells.
        let mut placed = placed;
        // A label's last characters at the start of the row below it (`产出指` / `标 时效指标
        // …`) go back on the label.
        if n > header
            && let Some((row, starts)) = last.as_mut()
            && let Some(&(display, _, text, _)) = placed.first()
            && text.trim().chars().nth(2).is_none()
            && placed.len() > 1
        {
            let nowhere = starts.iter().take_while(|s| s.at == usize::MAX).count();
            let ats: Vec<usize> = starts[nowhere..].iter().map(|s| s.at).collect();
            if let Some(k) = near(&ats, display)
                && let Some(cell) = row.get_mut(nowhere + k)
                && completes(cell.text(), text.trim())
            {
                cell.append(text);
                placed.remove(0);
            }
        }
        if let Some((_, k)) = taken.iter().find(|(l, _)| *l == n) {
            placed.truncate(placed.len().saturating_sub(*k));
        }
        let mut cells: Vec<Cell> = Vec::with_capacity(placed.len() + levels.len());
        let mut starts: Vec<Start> = Vec::with_capacity(placed.len() + levels.len());
        if n == header {
            cells.extend(levels.iter().cloned());
            // Levels joined from above the header stand nowhere.
            starts.extend(levels.iter().map(|_| Start {
                at: usize::MAX,
                first: 0,
                open: true,
            }));
        }
        let (own, own_starts) = row_of(&placed);
        cells.extend(own);
        starts.extend(own_starts);
        // Heads go on the cells of this row that start where they do; where one has no such
        // cell, they were rows of their own.
        // Where the row's cells stand, left to right after the levels that stand nowhere.
        let nowhere = starts.iter().take_while(|s| s.at == usize::MAX).count();
        let ats: Vec<usize> = starts[nowhere..].iter().map(|s| s.at).collect();
        // Every head line has a piece over a cell of the row; its other pieces stand where
        // the row has no cell (a label printed on the first line only, `数量指标` beside the
        // first line of a name).
        let fits = heads
            .iter()
            .all(|(_, pieces)| pieces.iter().any(|&(at, ..)| near(&ats, at).is_some()));
        if fits {
            // Each cell's heads, first line first, go before it at once.
            let mut before: Vec<Option<(String, usize, usize)>> = vec![None; cells.len()];
            // Pieces over no cell of the row: cells of their own, where they stand.
            let mut own: Vec<Piece<'a>> = Vec::new();
            for (_, pieces) in heads.drain(..) {
                for &(at, column, text, line) in &pieces {
                    match near(&ats, at) {
                        Some(k) => {
                            if let Some(slot) = before.get_mut(nowhere + k) {
                                slot.get_or_insert_with(|| (String::new(), line + 1, column))
                                    .0
                                    .push_str(text.trim());
                            }
                        }
                        None => own.push((at, column, text, line)),
                    }
                }
            }
            for (cell, head) in cells.iter_mut().zip(before) {
                if let Some((text, line, column)) = head {
                    cell.prepend(&text, line, column);
                }
            }
            // Each cell of its own goes before the first cell that stands right of it.
            let (own_cells, own_starts) = row_of(&own);
            for (cell, start) in own_cells.into_iter().zip(own_starts) {
                let k = nowhere + starts[nowhere..].partition_point(|s| s.at < start.at);
                cells.insert(k, cell);
                starts.insert(k, start);
            }
        } else {
            for (l, pieces) in heads.drain(..) {
                last_line = l;
                if let Some((row, _)) = last.replace(row_of(&pieces)) {
                    grid.push_row(row);
                }
            }
        }
        if !cells.is_empty() {
            last_line = n;
            if let Some((row, _)) = last.replace((cells, starts)) {
                grid.push_row(row);
            }
        }
    }
    for (_, pieces) in heads.drain(..) {
        if let Some((row, _)) = last.replace(row_of(&pieces)) {
            grid.push_row(row);
        }
    }
    if let Some((row, _)) = last {
        grid.push_row(row);
    }
    grid
}

/// The line under a spaced header as the tails of its words cut in narrow columns
/// (`指标性 指标方 目标值 计量单 分` over `质 向 位 值`): each piece, in order, completes a
/// header word ([`completes_header`]); every word that heads nothing alone takes one, a word
/// that heads alone may. Of the pairings that do so, the one whose pieces stand nearest
/// their words (display columns; `usize::MAX` for a word that stands nowhere, which costs
/// nothing) is taken, where it is the only one so near. For each piece, the index of its
/// word; `None` where the line is no such line or two pairings are as near. One table of at
/// most words × pieces entries; a header of more than 64 words or a line of more than 16
/// pieces is no such line.
fn header_tails(heads: &[(usize, &str)], pieces: &[(usize, &str)]) -> Option<Vec<usize>> {
    const MOST_HEADS: usize = 64;
    const MOST_PIECES: usize = 16;
    let (words, count) = (heads.len(), pieces.len());
    if count == 0
        || count > MOST_PIECES
        || words > MOST_HEADS
        || pieces.iter().any(|(_, t)| {
            without_mark(t).chars().nth(4).is_some() || t.chars().any(|c| c.is_ascii_digit())
        })
    {
        return None;
    }
    let alone: Vec<bool> = heads
        .iter()
        .map(|(_, h)| role_of(&fold(h)).is_some_and(|r| r != Role::Blank))
        .collect();
    // A word that heads nothing alone may also take a character or two that make a word of
    // no known role or a text column's (`绩效金` / `额`); or a header word of two
    // characters at most where the two head the column one of them heads (`自评` / `得分`,
    // `一级` / `指标`).
    let fits = |k: usize, i: usize| -> bool {
        match (heads.get(k), pieces.get(i)) {
            (Some(&(_, h)), Some(&(_, p))) => {
                let joined = role_of(&fold(&format!("{h}{p}")));
                let own = role_of(&fold(p));
                completes_header(h, p)
                    || (!alone[k]
                        && p.chars().nth(2).is_none()
                        && own.is_none()
                        && joined.is_none_or(|r| r == Role::Text))
                    || (p.chars().nth(2).is_none()
                        && own.is_some()
                        && joined.is_some_and(|r| r != Role::Blank)
                        && (joined == own || (is_word(p, "指标") && joined == role_of(&fold(h)))))
                    // A value's header below a word of two characters that heads the same
                    // (`年度` / `指标值`, `实际` / `完成值`).
                    || (h.chars().nth(2).is_none()
                        && own.is_some_and(|r| matches!(r, Role::Annual | Role::Actual))
                        && joined == own
                        && role_of(&fold(h)) == own)
            }
            _ => false,
        }
    };
    let distance = |k: usize, i: usize| -> usize {
        match (heads.get(k), pieces.get(i)) {
            (Some(&(h, _)), Some(&(p, _))) if h != usize::MAX => h.abs_diff(p),
            _ => 0,
        }
    };
    // best[k][i]: the least distance at which words k.. take pieces i.., and whether two
    // pairings reach it; filled from the last word and piece back.
    let width = count + 1;
    let mut best: Vec<Option<(usize, bool)>> = vec![None; (words + 1) * width];
    best[words * width + count] = Some((0, false));
    let better = |a: Option<(usize, bool)>, b: Option<(usize, bool)>| match (a, b) {
        (None, x) | (x, None) => x,
        (Some((x, tx)), Some((y, ty))) => Some(match x.cmp(&y) {
            core::cmp::Ordering::Less => (x, tx),
            core::cmp::Ordering::Greater => (y, ty),
            core::cmp::Ordering::Equal => (x, true),
        }),
    };
    for k in (0..words).rev() {
        for i in (0..=count).rev() {
            let skip = if alone[k] {
                best[(k + 1) * width + i]
            } else {
                None
            };
            let take = if i < count && fits(k, i) {
                best[(k + 1) * width + i + 1]
                    .map(|(cost, tie)| (cost.saturating_add(distance(k, i)), tie))
            } else {
                None
            };
            best[k * width + i] = better(skip, take);
        }
    }
    let (_, tie) = best[0]?;
    if tie {
        return None;
    }
    // The one nearest pairing, walked forward.
    let mut out = Vec::with_capacity(count);
    let mut i = 0;
    for k in 0..words {
        let here = best[k * width + i];
        let take = (i < count && fits(k, i))
            .then(|| best[(k + 1) * width + i + 1])
            .flatten()
            .map(|(cost, tie)| (cost.saturating_add(distance(k, i)), tie));
        if take.is_some() && take.map(|(c, _)| c) == here.map(|(c, _)| c) {
            out.push(k);
            i += 1;
        }
    }
    (out.len() == count).then_some(out)
}

/// How many lines below a spaced header may go on its words cut in narrow columns (a header
/// printed over four lines at most), so that a header's words stay short whatever the text.
const HEADER_TAIL_LINES: usize = 3;

/// A piece of a spaced line: its display column, its character column, its text and its
/// line (0-based).
type Piece<'a> = (usize, usize, &'a str, usize);

/// The lines of a spaced grid (each line's number and pieces, blank lines left out), where
/// rows a PDF's text printed column by column are put back in rows: a run of blocks of `k`
/// lines each (2 to 8), every line shorter than the header, each block's pieces starting to
/// the right of the block before's (a column's cells, then the next column's), holds `k`
/// rows, a line of each block. Each line is looked at a bounded number of times.
fn unstack<'a>(
    mut lines: Vec<(usize, Vec<Piece<'a>>)>,
    header: usize,
) -> Vec<(usize, Vec<Piece<'a>>)> {
    const DEEPEST: usize = 8;
    let width = lines
        .iter()
        .find(|(n, _)| *n == header)
        .map_or(0, |(_, p)| p.len());
    // Where the pieces of the `k` lines from `i` start, leftmost and rightmost, if they are a
    // block: all below the header, none empty, all shorter than it.
    let block = |lines: &[(usize, Vec<Piece<'a>>)], i: usize, k: usize| {
        let run = lines.get(i..i.checked_add(k)?)?;
        let mut span = (usize::MAX, 0);
        for (n, pieces) in run {
            if *n <= header || pieces.is_empty() || pieces.len() >= width {
                return None;
            }
            for &(at, ..) in pieces {
                span = (span.0.min(at), span.1.max(at));
            }
        }
        Some(span)
    };
    let mut out = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let mut found = None;
        for k in 2..=DEEPEST {
            let Some(mut span) = block(&lines, i, k) else {
                break;
            };
            let mut m = 1;
            while let Some(next) = block(&lines, i + m * k, k) {
                if next.0 <= span.1 {
                    break;
                }
                span = next;
                m += 1;
            }
            if m >= 2 {
                found = Some((k, m));
                break;
            }
        }
        match found {
            Some((k, m)) => {
                for r in 0..k {
                    let n = lines[i + r].0;
                    let mut row = Vec::new();
                    for b in 0..m {
                        row.append(&mut lines[i + b * k + r].1);
                    }
                    out.push((n, row));
                }
                i += k * m;
            }
            None => {
                out.push((lines[i].0, std::mem::take(&mut lines[i].1)));
                i += 1;
            }
        }
    }
    out
}

/// Whether a line's pieces are the first lines of cells whose row is printed below them: no
/// more pieces than `row` cells less one, each where a header cell starts and filling that
/// column (so it goes on), each words, a name's text (digits too, no value) under a name
/// column (`free_columns`), or anything under a text column.
fn leads(
    pieces: &[Piece<'_>],
    row: usize,
    widths: &Widths,
    text_columns: &[usize],
    free_columns: &[usize],
) -> bool {
    use super::grid::shape::{Shape, shape};
    let fills = |&(at, _, text, _): &Piece<'_>| {
        let known = widths.width(at).is_some();
        let under = |columns: &[usize]| near(columns, at).is_some();
        let named = under(free_columns)
            && matches!(
                shape(text),
                Shape::Text | Shape::Prose | Shape::Words | Shape::Body
            );
        known
            && widths.fills(at, widths.measure.width(text.trim()))
            && (is_words(text) || named || under(text_columns))
    };
    // Beside them may stand a whole level label, printed on the row's first line only.
    !pieces.is_empty()
        && pieces.len() < row
        && pieces.iter().any(fills)
        && pieces.iter().all(|piece| fills(piece) || is_level(piece.2))
}

/// Where a cell of a spaced row stands on the page.
#[derive(Debug, Clone, Copy)]
struct Start {
    /// Its display column; `usize::MAX` for a cell that stands nowhere.
    at: usize,
    /// How wide its first line is (display columns).
    first: usize,
    /// Whether its last line fills its column, so that the next line may go on with it.
    open: bool,
}

/// How wide the lines of a spaced grid's columns get: for each header cell's display column,
/// the widest piece of a row that starts there and fits before the next header cell. A line
/// as wide, give or take a character, fills its column: a cell wrapped there goes on below,
/// and a cell whose line is shorter ended there.
struct Widths {
    /// Each header cell's column and its widest line.
    columns: Vec<(usize, usize)>,
    /// How the page lays out its characters.
    measure: Measure,
}

impl Widths {
    /// The widths of the columns whose header is the line at `header`, measured on the lines
    /// below it. One walk over each line.
    fn of<'a>(
        lines: &[&'a str],
        header: usize,
        split: impl Fn(&'a str) -> Vec<(usize, &'a str)>,
        measure: Measure,
    ) -> Widths {
        let heads = split(lines[header]);
        let starts: Vec<usize> = piece_columns(lines[header], &heads, measure)
            .into_iter()
            .map(|(_, display)| display)
            .collect();
        let mut widest = vec![0usize; starts.len()];
        // Pieces in all, and those that start where a header cell does.
        let (mut pieces_seen, mut aligned) = (0usize, 0usize);
        for line in lines.iter().skip(header + 1) {
            let pieces = split(line);
            let mut c = 0;
            for ((_, display), (_, text)) in piece_columns(line, &pieces, measure)
                .into_iter()
                .zip(&pieces)
            {
                while starts
                    .get(c)
                    .is_some_and(|&s| s.saturating_add(1) < display)
                {
                    c += 1;
                }
                pieces_seen += 1;
                let Some(&start) = starts.get(c) else { break };
                let width = measure.width(text.trim());
                aligned += usize::from(start.abs_diff(display) <= 1);
                let fits = starts.get(c + 1).is_none_or(|&next| display + width < next);
                if start.abs_diff(display) <= 1 && fits {
                    widest[c] = widest[c].max(width);
                }
            }
        }
        // Cells apart by runs of spaces but not laid out under the header's cells have no
        // columns to measure.
        if aligned.saturating_mul(10) < pieces_seen.saturating_mul(8) {
            return Widths::unknown(measure);
        }
        Widths {
            columns: starts.into_iter().zip(widest).collect(),
            measure,
        }
    }

    /// No column's width.
    fn unknown(measure: Measure) -> Widths {
        Widths {
            columns: Vec::new(),
            measure,
        }
    }

    /// Whether the columns' widths are known.
    fn known(&self) -> bool {
        !self.columns.is_empty()
    }

    /// How wide the lines of the column that starts at display column `at` get, where it is
    /// known.
    fn width(&self, at: usize) -> Option<usize> {
        self.entry(at).filter(|&w| w > 0)
    }

    /// The widest line of the column that starts at display column `at`, if it is one.
    fn entry(&self, at: usize) -> Option<usize> {
        let k = self
            .columns
            .partition_point(|&(s, _)| s.saturating_add(1) < at);
        self.columns
            .get(k)
            .filter(|(s, _)| s.abs_diff(at) <= 1)
            .map(|&(_, widest)| widest)
    }

    /// Whether a line `width` wide, in the column that starts at display column `at`, fills
    /// it; true where the column is not known.
    fn fills(&self, at: usize, width: usize) -> bool {
        self.entry(at)
            .is_none_or(|widest| width.saturating_add(2) >= widest)
    }
}

/// Whether a text is a tier's or a category's label.
fn is_level(text: &str) -> bool {
    resolve::<crate::Tier>(text).is_some() || resolve::<crate::Category>(text).is_some()
}

/// Whether a text is words: letters, no digit, and neither a header word nor a level's label
/// (the tail of a wrapped name or explanation, not a cell of its own kind).
fn is_words(text: &str) -> bool {
    text.chars().any(char::is_alphabetic)
        && !text.chars().any(|c| c.is_ascii_digit())
        && role_of(&fold(text)).is_none()
        && !is_level(text)
}

/// The index of the first of `sorted` (ascending) within a character's width of `at`.
fn near(sorted: &[usize], at: usize) -> Option<usize> {
    let k = sorted.partition_point(|&s| s.saturating_add(1) < at);
    sorted.get(k).filter(|&&s| s.abs_diff(at) <= 1).map(|_| k)
}

/// How a page's text lays out its characters: a wide character in two columns (a text
/// editor, a terminal) or in one (pdftotext's `-layout` puts each character in a cell).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Measure {
    Wide,
    Narrow,
}

impl Measure {
    /// The columns a character takes.
    fn of(self, c: char) -> usize {
        if self == Measure::Wide && (c as u32) >= 0x1100 {
            2
        } else {
            1
        }
    }

    /// The columns a text takes.
    pub(super) fn width(self, text: &str) -> usize {
        text.chars().map(|c| self.of(c)).sum()
    }

    /// How the lines under a spaced header lay their characters out: the measure under
    /// which clearly more of their pieces (a quarter more) start where a header cell does. One walk over each line
    /// per measure.
    fn of_lines(lines: &[&str], header: usize) -> Measure {
        let aligned = |measure: Measure| -> usize {
            let heads = split_header(lines[header], None);
            let starts: Vec<usize> = piece_columns(lines[header], &heads, measure)
                .into_iter()
                .map(|(_, at)| at)
                .collect();
            lines
                .iter()
                .skip(header + 1)
                .map(|line| {
                    let pieces = split_wide(line);
                    piece_columns(line, &pieces, measure)
                        .into_iter()
                        .filter(|&(_, at)| near(&starts, at).is_some())
                        .count()
                })
                .sum()
        };
        // Clearly more: text not laid out in columns aligns by chance either way.
        if aligned(Measure::Narrow).saturating_mul(4) > aligned(Measure::Wide).saturating_mul(5) {
            Measure::Narrow
        } else {
            Measure::Wide
        }
    }
}

/// Where a line's pieces are the wrapped tails of the row above's cells: for each, the index
/// of the cell it goes on, and its text. A piece must start where its cell starts (a
/// character of display width either way) and be words (letters, no digit, no header or
/// level word, not `……`) under a cell that is no header or level word either, close a
/// bracket the cell leaves open, or stand under a text column (`text_columns`, where the
/// header's text columns start: there a tail may hold anything); and be no longer than the
/// cell's first line. Under a data row, `指标` beside other tails is words too, and completes
/// a level's label (`社会效益` / `指标`). A bare number right of the row's last cell is a cell
/// the row prints on its next line (a weight or score centred in a two-line row): it is
/// given the row's length as its index, a cell to add. The line must hold fewer pieces than
/// the row, not counting those right of its last cell, and at least one tail. For each
/// piece, `None` where it is no such piece; `None` for all where the line is no such line.
fn wrapped_pieces<'a>(
    pieces: &[(usize, &'a str)],
    places: &[(usize, usize)],
    row: &[Cell],
    starts: &[Start],
    text_columns: &[usize],
    widths: &Widths,
    header_row: bool,
) -> Option<Vec<Option<(usize, &'a str)>>> {
    // Pieces right of the row's last cell are no tails: they are counted apart.
    let last = starts.last().map_or(0, |s| s.at.saturating_add(2));
    let inner = places.iter().filter(|&&(_, column)| column <= last).count();
    if pieces.is_empty() || inner >= row.len() {
        return None;
    }
    // Whether a piece completes a comparator cut in the cell it stands under: the row goes
    // on, and its one-line cells are centred on this line.
    // It is found on the walk: such a piece stands left of the cells printed lower.
    let mut op_cut = false;
    // Pieces and cells both go left to right: one walk pairs them.
    let mut k = 0;
    let each = pieces
        .iter()
        .zip(places)
        .map(|(&(_, text), &(_, column))| {
            while starts
                .get(k)
                .is_some_and(|s| s.at == usize::MAX || s.at.saturating_add(1) < column)
            {
                k += 1;
            }
            // Of two cells a character's width either side, the nearer.
            if let (Some(here), Some(next)) = (starts.get(k), starts.get(k + 1))
                && next.at.abs_diff(column) < here.at.abs_diff(column)
            {
                k += 1;
            }
            // A number right of the row's last cell: a single-line cell (a weight, a score)
            // that the page centres in its row, printed on the row's second line. It is
            // given the row's length: a cell to add.
            // So are a unit and a value beside a comparator's tail (`小于等` / `于 12 万元 5`).
            if starts.get(k).is_none() {
                use super::grid::shape::{Shape, shape};
                let lower = last < column
                    && match shape(text) {
                        Shape::Number => true,
                        Shape::Amount | Shape::Percent | Shape::Measure | Shape::Value => op_cut,
                        _ => false,
                    };
                return lower.then_some((row.len(), text));
            }
            let start = *starts.get(k)?;
            let above = row.get(k)?.text();
            if start.at.abs_diff(column) <= 1 && completes_op(above, text) {
                op_cut = true;
            }
            // The cell's first line filled its column, or, where the column's width is not
            // known, is as long as the piece (and not a word or two).
            let filled = match widths.width(start.at) {
                Some(_) => widths.fills(start.at, start.first),
                None => {
                    // Four characters at least: a word or two fills no line.
                    let least = widths.measure.width("四个字符");
                    start.first.saturating_add(2) >= widths.measure.width(text.trim()).max(least)
                }
            };
            let under_text = near(text_columns, start.at).is_some();
            // The questions below are asked only as far as the answer needs them: reading a
            // text's words (its level, its header role) is what costs, line after line.
            // The cell above is a level's label, or, in the header, a header word: a header
            // word in a data cell (`达成预期指` holds 预期) says nothing.
            let above_label = || is_level(above) || (header_row && role_of(&fold(above)).is_some());
            // A header cell's bracketed note wrapped onto the next line (`年初目标值` /
            // `(A)`); a weight (`(50分)`) is a row's.
            let header_note = header_row
                && text.starts_with(['(', '（'])
                && depth(text) == 0
                && !text.chars().any(|c| c.is_ascii_digit())
                && matches!(role_of(&fold(above)), Some(r) if r != Role::Blank);
            // A lone dash is an empty cell of its own, no cell's last line.
            let dash = super::grid::shape::is_blank_mark(text) && text.trim() != "无";
            // Under a data row, 指标 beside other cells' tails is words too (`达成预期` /
            // `指标`).
            let words =
                || is_words(text) || (!header_row && pieces.len() > 1 && fold(text) == "指标");
            let tail = || {
                !dash && (start.open && ((words() && !above_label()) || under_text))
                || header_note
                || closes(above, text)
                || completes(above, text)
                || completes_op(above, text)
                // Under a data row, a label's 指标 wrapped (`社会效益` / `指标`) beside other
                // cells' tails; alone on its line, it is left as it was read.
                || (!header_row
                    && pieces.len() > 1
                    && fold(text) == "指标"
                    && is_level(above)
                    && !fold(above).ends_with("指标"))
            };
            // A header word cut in a narrow column (`一级指` / `标`, `得` / `分`): the piece
            // completes it, whatever the column's width.
            // So is one cut after a conjunction (`偏差原因分析及` / `改进措施`).
            let header_tail = header_row
                && (completes_header(above, text)
                    || (above.trim_end().ends_with(['及', '和', '与', '、']) && is_words(text)));
            let cell = k;
            // A cell takes one piece of a line: the next piece goes further right.
            k += 1;
            (start.at.abs_diff(column) <= 1 && ((filled && tail()) || header_tail))
                .then_some((cell, text))
        })
        .collect::<Vec<_>>();
    // Cells printed lower go with tails of the row, not alone.
    each.iter()
        .flatten()
        .any(|&(k, _)| k < row.len())
        .then_some(each)
}

/// Where a line's pieces are tails of the row above (`each`, from [`wrapped_pieces`]) but
/// for some: those others, if each leaves a bracket open (the first line of a label or name
/// centred in the rows below) or is a tier's label (`产出指标`, centred in its merged cell
/// beside the tails, its weight `(50分)` maybe on the next line); nothing where all are
/// tails; `None` where the line is no such line.
fn heads_beside<'a>(
    placed: &[Piece<'a>],
    each: &[Option<(usize, &'a str)>],
) -> Option<Vec<Piece<'a>>> {
    if !each.iter().any(Option::is_some) {
        return None;
    }
    let rest: Vec<Piece<'a>> = placed
        .iter()
        .zip(each)
        .filter(|(_, e)| e.is_none())
        .map(|(p, _)| *p)
        .collect();
    // A tier's label is centred in its merged cell; a category's starts a row with a name.
    let tier = |text: &str| {
        resolve::<crate::Tier>(text).is_some() && resolve::<crate::Category>(text).is_none()
    };
    rest.iter()
        .all(|p| depth(p.2) > 0 || tier(p.2))
        .then_some(rest)
}

/// Whether `piece` closes a bracket that `above` leaves open, and opens none itself: the tail
/// of a cell wrapped inside its brackets (`产出指标(50` / `分)`), whatever it holds.
fn closes(above: &str, piece: &str) -> bool {
    let (open, close) = (depth(above), depth(piece));
    open > 0 && close < 0 && open.saturating_add(close) >= 0
}

/// Whether `piece` completes the comparator `above` was cut from, maybe with the number after
/// it (`大于等` / `于`, `小于等` / `于 12`): `above` is a comparator's first characters, and
/// with the piece's first word it makes one.
fn completes_op(above: &str, piece: &str) -> bool {
    use super::grid::shape::is_op;
    let above = above.trim();
    let word = piece
        .trim()
        .split(|c: char| c.is_whitespace() || c.is_ascii_digit())
        .next()
        .unwrap_or_default();
    // The longest comparator in words is four characters: longer texts are none, and are
    // not joined to be asked.
    const LONGEST: usize = "大于等于".len();
    !above.is_empty()
        && !word.is_empty()
        && above.len() + word.len() <= LONGEST
        && word.chars().nth(2).is_none()
        && !is_op(above)
        && is_op(&format!("{above}{word}"))
}

/// Whether `piece`, a few characters, completes the level label `above` was cut from
/// (`服务对象满意度指` / `标`): the two make a label, and the piece alone is none.
fn completes(above: &str, piece: &str) -> bool {
    const TAIL: usize = 3;
    piece.chars().nth(TAIL).is_none()
        && !is_level(piece)
        && role_of(&fold(piece)).is_none()
        && is_level(&format!("{above}{piece}"))
}

/// Whether `piece`, a character or two that head nothing, completes the header word `above`
/// was cut from. The two make a header word, and either `above` alone heads nothing
/// (`一级指` / `标`, `指标方` / `向`, `计量单` / `位`), or heads the same column and the piece
/// ends it as such words end (`实际完成` / `值`, `年度指标` / `值`), or both are a text
/// column's header (`未完成原因和改进措` / `施`).
fn completes_header(above: &str, piece: &str) -> bool {
    const ENDS: [&str; 4] = ["指标", "分", "值", "重"];
    let piece = piece.trim();
    let core = without_mark(piece);
    // A character alone heads nothing, whatever it means (`值`).
    if core.is_empty()
        || core.chars().nth(4).is_some()
        || (core.chars().nth(1).is_some() && role_of(&fold(piece)).is_some())
    {
        return false;
    }
    let above = fold(above);
    let joined = fold(&format!("{above}{piece}"));
    let Some(role) = role_of(&joined).filter(|&r| r != Role::Blank) else {
        return false;
    };
    // A text column's header may leave a few characters below (`偏差原因分析及改` / `进措施`);
    // any other, one or two, and its mark (`实际完成指` / `标值(B)`).
    if core.chars().nth(2).is_some() && role != Role::Text {
        return false;
    }
    // `指标` / `值` heads a value, whatever `指标` alone heads (`指标` / `值`, `年度指标` /
    // `值`).
    if above.ends_with("指标")
        && core == "值"
        && matches!(role, Role::Annual | Role::Period | Role::Actual)
    {
        return true;
    }
    // A text column's header goes on where its last words end as such headers end and it did
    // not (`改进措` / `施`, `和其他说` / `明`), or where its next words begin with a conjunction
    // (`扣分原因` / `和其他说`); a whole header (`评分标准`) takes no words below it.
    // So does one whose next words end so themselves (`未完成原因` / `分析`).
    const TEXT_ENDS: [&str; 12] = [
        "措施", "说明", "原因", "分析", "备注", "依据", "来源", "标准", "解释", "内容", "情况",
        "方法",
    ];
    let ends = |t: &str| TEXT_ENDS.iter().any(|w| t.ends_with(w));
    let text_goes_on = (ends(&joined) && (!ends(&above) || ends(core)))
        || piece.starts_with(['和', '及', '与', '或', '、']);
    match role_of(&above) {
        None => role != Role::Text || text_goes_on,
        Some(first) => {
            first == role
                && ((role == Role::Text && text_goes_on)
                    || (ENDS
                        .iter()
                        .any(|w| fold(&format!("{above}{core}")).ends_with(w))
                        && !ENDS.iter().any(|w| above.ends_with(w))))
        }
    }
}

/// A header's text without the mark in brackets at its end (`标值(B)`, `值（A）`): a letter or
/// a few characters.
fn without_mark(text: &str) -> &str {
    let Some(open) = text.rfind(['(', '（']) else {
        return text;
    };
    let inner = text[open..]
        .trim_start_matches(['(', '（'])
        .strip_suffix([')', '）']);
    match inner {
        Some(inner) if inner.chars().nth(3).is_none() && !inner.contains(['(', '（']) => {
            &text[..open]
        }
        _ => text,
    }
}

/// How many brackets a text leaves open (negative: closes more than it opens).
fn depth(text: &str) -> i32 {
    text.chars().fold(0i32, |d, c| match c {
        '(' | '（' => d.saturating_add(1),
        ')' | '）' => d.saturating_sub(1),
        _ => d,
    })
}

/// The cells of a grid whose rows are lost (a cell per line or per paragraph), where a cell
/// that leaves a bracket open takes the next cells, at most three, that close it: a label or
/// name wrapped onto lines of its own (`产出指标(50分` / `)`, `受益农户收入(总` / `收入)`).
/// No cell that is a header or a level label is taken. Each cell is looked at a bounded
/// number of times.
fn join_brackets(cells: Vec<Cell>) -> Vec<Cell> {
    const REACH: usize = 3;
    let taken = |t: &str| !matches!(role_of(&fold(t)), Some(r) if r != Role::Blank) && !is_level(t);
    // Each cell's brackets, counted once.
    let depths: Vec<i32> = cells.iter().map(|c| depth(c.text())).collect();
    // How many cells after `i` close the bracket it leaves open.
    let closing = |i: usize| -> usize {
        let mut open = depths.get(i).copied().unwrap_or(0);
        if open <= 0 {
            return 0;
        }
        for ((k, cell), d) in cells
            .iter()
            .enumerate()
            .zip(&depths)
            .skip(i + 1)
            .take(REACH)
        {
            if !taken(cell.text()) {
                return 0;
            }
            open = open.saturating_add(*d);
            if open <= 0 {
                return if open == 0 { k - i } else { 0 };
            }
        }
        0
    };
    let joins: Vec<usize> = (0..cells.len()).map(closing).collect();
    let mut out: Vec<Cell> = Vec::with_capacity(cells.len());
    let mut skip = 0usize;
    for ((cell, n), d) in cells.into_iter().zip(joins).zip(depths) {
        // A label's weight wrapped onto a line of its own that lost its opening bracket
        // (`效益指标` / `30分)`) closes none the cell above opened.
        let orphan = d < 0
            && taken(cell.text())
            && out
                .last()
                .is_some_and(|l| is_level(l.text()) && depth(l.text()) == 0);
        if skip > 0 || orphan {
            skip = skip.saturating_sub(1);
            if let Some(last) = out.last_mut() {
                last.append(cell.text());
            }
            continue;
        }
        skip = n;
        out.push(cell);
    }
    out
}

/// Where each of a line's pieces (at ascending byte offsets) starts: its character column
/// (1-based, as [`column_of`] gives it) and its display column (0-based; CJK and other wide
/// characters count two, as a page lays them out). One walk over the line.
fn piece_columns(line: &str, pieces: &[(usize, &str)], measure: Measure) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(pieces.len());
    let (mut chars, mut display) = (0usize, 0usize);
    let mut walk = line.char_indices().peekable();
    for &(at, _) in pieces {
        while let Some(&(i, c)) = walk.peek() {
            if i >= at {
                break;
            }
            chars += 1;
            display += measure.of(c);
            walk.next();
        }
        out.push((chars + 1, display));
    }
    out
}

/// Level headers wrapped over the lines above a spaced header (`一级` / `指标` / `二级` /
/// `指标`, then `三级指标 预期指标值(A) …`): the headers they make, joined, and for each line
/// above how many of its last cells they took. Nothing where the header names those levels
/// itself. At most eight lines up are looked at.
fn wrapped_levels<'a>(
    lines: &[&'a str],
    header: usize,
    split: impl Fn(&'a str) -> Vec<(usize, &'a str)>,
) -> (Vec<Cell>, Vec<(usize, usize)>) {
    let is_fragment = |t: &str| {
        ["一级", "二级", "三级", "指标"]
            .iter()
            .any(|w| is_word(t, w))
    };
    let own: Vec<Option<Role>> = split(lines[header])
        .iter()
        .map(|(_, t)| role_of(&fold(t)))
        .collect();
    // Fragments, from the nearest line up, each line's last cells.
    let mut found: Vec<(usize, usize, &str)> = Vec::new();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for n in (header.saturating_sub(8)..header).rev() {
        let line = lines[n];
        if blank(line) {
            continue;
        }
        let cells = split(line);
        let k = cells
            .iter()
            .rev()
            .take_while(|(_, t)| is_fragment(t))
            .count();
        if k == 0 {
            break;
        }
        for (at, t) in cells[cells.len() - k..].iter().rev() {
            found.push((n, column_of(line, *at), t));
        }
        taken.push((n, k));
        if k < cells.len() {
            break;
        }
    }
    found.reverse();
    let mut levels: Vec<Cell> = Vec::new();
    let mut i = 0;
    while i < found.len() {
        let (n, column, t) = found[i];
        let joined = match found.get(i + 1) {
            Some(&(_, _, next)) if is_word(next, "指标") && !is_word(t, "指标") => {
                i += 1;
                format!("{t}{next}")
            }
            _ => t.to_owned(),
        };
        i += 1;
        let role = role_of(&fold(&joined));
        if !matches!(role, Some(Role::Tier | Role::Category | Role::Name)) || own.contains(&role) {
            return (Vec::new(), Vec::new());
        }
        levels.push(Cell::new(joined, n + 1, column));
    }
    if levels.is_empty() {
        taken.clear();
    }
    (levels, taken)
}

/// A line's cells apart by runs of two or more spaces.
fn split_wide(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut spaces = 0usize;
    let mut last_end = 0usize;
    for (at, c) in line.char_indices() {
        let space = c.is_whitespace() || c == '\u{3000}';
        if space {
            spaces += 1;
            if spaces == 2
                && let Some(s) = start.take()
            {
                out.push((s, &line[s..last_end]));
            }
        } else {
            if start.is_none() {
                start = Some(at);
            }
            spaces = 0;
            last_end = at + c.len_utf8();
        }
    }
    if let Some(s) = start {
        out.push((s, &line[s..last_end]));
    }
    out
}

/// A spaced header's cells: runs of spaces apart, and header words one space apart
/// (`分值 年度指标值`) apart too. `below` is the line under the header where it holds only
/// the tails of header cells wrapped in narrow columns (`分 得` over `值 分`): a word with
/// its tail below it is a header word too. One walk over each line.
fn split_header<'a>(line: &'a str, below: Option<(&str, Measure)>) -> Vec<(usize, &'a str)> {
    // The tails below, where each word of the header line starts (display columns).
    let tails: Vec<(usize, &str)> = match below {
        Some((below, measure)) => {
            let pieces = split_spaces(below);
            // A header's tails are short: a character or two, a header's last words
            // (`改进措施`).
            let short = pieces.iter().all(|(_, t)| {
                without_mark(t).chars().nth(4).is_none() && !t.chars().any(|c| c.is_ascii_digit())
            });
            if short {
                piece_columns(below, &pieces, measure)
                    .into_iter()
                    .zip(&pieces)
                    .map(|((_, at), &(_, t))| (at, t))
                    .collect()
            } else {
                Vec::new()
            }
        }
        None => Vec::new(),
    };
    // The header line's words: where each starts in the line (bytes) and on the page.
    let words = if tails.is_empty() {
        Vec::new()
    } else {
        split_spaces(line)
    };
    let starts: Vec<usize> = match below {
        Some((_, measure)) => piece_columns(line, &words, measure)
            .into_iter()
            .map(|(_, at)| at)
            .collect(),
        None => Vec::new(),
    };
    let words_at: Vec<usize> = words.iter().map(|&(at, _)| at).collect();
    // The words the tails complete in order, wherever the page put them.
    let ordered: Vec<usize> = {
        let all: Vec<(usize, &str)> = line
            .split(' ')
            .scan(0usize, |offset, word| {
                let here = *offset;
                *offset += word.len() + 1;
                Some((here, word))
            })
            .filter(|(_, w)| !w.is_empty())
            .collect();
        let heads: Vec<(usize, &str)> = match below {
            Some((_, measure)) => piece_columns(line, &all, measure)
                .into_iter()
                .zip(&all)
                .map(|((_, at), &(_, w))| (at, w))
                .collect(),
            None => all.iter().map(|&(_, w)| (usize::MAX, w)).collect(),
        };
        header_tails(&heads, &tails)
            .map(|ks| {
                ks.iter()
                    .filter_map(|&k| all.get(k).map(|&(at, _)| at))
                    .collect()
            })
            .unwrap_or_default()
    };
    let tail_of = |byte: usize| -> Option<&str> {
        let k = words_at.binary_search(&byte).ok()?;
        let at = *starts.get(k)?;
        let t = tails.partition_point(|&(s, _)| s.saturating_add(1) < at);
        tails
            .get(t)
            .filter(|(s, _)| s.abs_diff(at) <= 1)
            .map(|&(_, tail)| tail)
    };
    let mut out = Vec::new();
    for (at, text) in split_wide(line) {
        let words: Vec<(usize, &str)> = text
            .split(' ')
            .scan(0usize, |offset, word| {
                let here = *offset;
                *offset += word.len() + 1;
                Some((at + here, word))
            })
            .collect();
        let header = |w: &str| matches!(role_of(&fold(w)), Some(r) if r != Role::Blank);
        let all_headers = words.len() >= 2
            && words.iter().all(|&(at, w)| {
                header(w)
                    || ordered.contains(&at)
                    || tail_of(at).is_some_and(|tail| header(&format!("{w}{tail}")))
            });
        if all_headers {
            out.extend(words);
        } else {
            out.push((at, text));
        }
    }
    out
}

/// A spaced line's pieces (`pieces`, runs of spaces apart), each cut where one space stands
/// before a header cell's start (`starts`, display columns), between two level labels, after
/// a whole level label (`数量指标 完成省级宣传片制作`), or after a number or value that no
/// unit follows: a PDF's narrow columns leave a single space between cells
/// (`20 29.5亩` under `分值 年度指标值`, `10 无` where the page squeezed the columns), or
/// before the last three bare numbers or fewer after words that are no comparator
/// (`达成预期 20 20`). One walk over the line.
fn split_at_columns<'a>(
    line: &'a str,
    pieces: Vec<(usize, &'a str)>,
    starts: &[usize],
    measure: Measure,
) -> Vec<(usize, &'a str)> {
    use super::grid::shape::{Shape, shape};
    if starts.is_empty() || !pieces.iter().any(|(_, t)| t.contains(' ')) {
        return pieces;
    }
    // How many columns before a header cell's start a value may begin.
    const VALUE_SLACK: usize = 3;
    let valued = |t: &str| {
        matches!(
            shape(t),
            Shape::Number | Shape::Percent | Shape::Amount | Shape::Value
        )
    };
    let places = piece_columns(line, &pieces, measure);
    let mut out = Vec::with_capacity(pieces.len());
    for ((at, text), (_, display)) in pieces.into_iter().zip(places) {
        let mut from = 0;
        // Where the word before the space starts: the cell so far is one word where it is
        // `from`, and only one word is read (so that each is read once).
        let mut word = 0;
        let mut column = display;
        for (i, c) in text.char_indices() {
            column += measure.of(c);
            if c != ' ' {
                continue;
            }
            if i <= from {
                word = i + 1;
                continue;
            }
            // `column` is now where the character after the space stands.
            let at_start = near(starts, column).is_some();
            let one_word = word == from;
            let next = text[i + 1..].split(' ').next().unwrap_or_default();
            let before = &text[from..i];
            let after_value =
                one_word && valued(before) && !matches!(shape(next), Shape::Measure | Shape::Op);
            // A whole level label (`数量指标`) ends its cell.
            let labels =
                one_word && is_level(before) && (ends_with_word(before, "指标") || is_level(next));
            // A label's last characters wrapped below it, before the next row's label
            // (`标 时效指标`, under `产出指`).
            let tail = one_word
                && from == 0
                && before.chars().nth(2).is_none()
                && !is_level(before)
                && is_level(next);
            // Words before the row's last numbers, each a space apart (`达成预期 20 20`, a
            // weight and a score in narrow columns): the numbers are cells of their own.
            let rest = &text[i + 1..];
            // A comparator's words before a number are the target's (`不低于 90`). At most
            // three numbers are looked at, so that each cut reads a few words only.
            let numbers_after = one_word
                && !before.chars().any(|c| c.is_ascii_digit())
                && before.chars().any(char::is_alphabetic)
                && !super::grid::shape::is_op(before)
                && rest.split(' ').nth(3).is_none()
                && rest.split(' ').all(|n| shape(n) == Shape::Number);
            // A value that ends the piece, a space after words, a few columns before a header
            // cell's start (pdftotext squeezes a narrow page's columns): the value is that
            // cell (`补贴覆盖民办幼儿园率 ≥90.91%` under `三级指标 … 指标值`).
            let value_close = !at_start
                && starts
                    .get(starts.partition_point(|&s| s < column))
                    .is_some_and(|&s| s - column <= VALUE_SLACK)
                && !rest.contains(' ')
                && valued(rest)
                && !before.chars().any(|c| c.is_ascii_digit())
                && !super::grid::shape::is_op(before)
                && !super::grid::shape::is_op(text[from..i].rsplit(' ').next().unwrap_or_default());
            // A value that opens with a comparator's sign, a space after words, ends the
            // piece: no name ends so (`开展县域结对交流活动 ≥3次`).
            let signed = !rest.contains(' ')
                && rest.starts_with(['≥', '≤', '≧', '≦', '＞', '＜', '>', '<', '＝', '='])
                && valued(rest)
                && before.chars().any(char::is_alphabetic)
                && !before.chars().any(|c| c.is_ascii_digit());
            // A template's numbered name (`指标1长期使用性`) ends before a value.
            let numbered =
                one_word && super::grid::shape::numbered(before).is_some() && valued(next);
            if at_start
                || after_value
                || labels
                || tail
                || numbers_after
                || value_close
                || signed
                || numbered
            {
                out.push((at + from, before));
                from = i + 1;
            }
            word = i + 1;
        }
        out.push((at + from, &text[from..]));
    }
    out
}

/// One cell per line; the rows are lost.
fn cell_per_line(lines: &[&str]) -> Grid {
    let mut grid = Grid::new(Layout::CellPerLine, Rows::Lost);
    let cells = lines
        .iter()
        .enumerate()
        .filter(|(_, line)| !blank(line))
        .map(|(n, line)| {
            let lead = line.len() - line.trim_start().len();
            Cell::of(line, n + 1, column_of(line, lead))
        })
        .collect();
    for cell in join_brackets(cells) {
        grid.push_row(vec![cell]);
    }
    grid
}

/// One cell per paragraph: lines apart by blank lines are one cell (a wrapped cell's lines
/// joined); the rows are lost. The header's first word (line `header`) starts a cell even
/// with no blank line before it: a title printed right above the header
/// (`项目支出绩效目标表` / `一级指标`) is no part of the header's first cell.
fn paragraph(lines: &[&str], header: usize) -> Grid {
    let mut grid = Grid::new(Layout::Paragraph, Rows::Lost);
    let mut cells = Vec::new();
    let mut current: Option<(String, usize, usize)> = None;
    for (n, line) in lines.iter().enumerate() {
        if (blank(line) || n == header)
            && let Some((text, l, c)) = current.take()
        {
            cells.push(Cell::new(text, l, c));
        }
        if blank(line) {
            if let Some((text, l, c)) = current.take() {
                cells.push(Cell::new(text, l, c));
            }
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        match current.as_mut() {
            Some((text, _, _)) => text.push_str(line.trim()),
            None => current = Some((line.trim().to_owned(), n + 1, column_of(line, lead))),
        }
    }
    if let Some((text, l, c)) = current {
        cells.push(Cell::new(text, l, c));
    }
    for cell in join_brackets(cells) {
        grid.push_row(vec![cell]);
    }
    grid
}

/// Whether two lines are one header cell wrapped in a narrow column (`一级` / `指标`): a
/// word of two characters at most, and one of three at most that makes it a header word of
/// the role it has, if any.
fn wrapped_header(first: &str, next: &str) -> bool {
    if first.chars().nth(2).is_some() || next.chars().nth(3).is_some() {
        return false;
    }
    let joined = role_of(&fold(&format!("{first}{next}")));
    is_header_role(joined) && role_of(&fold(first)).is_none_or(|r| Some(r) == joined)
}

/// Whether lines are an indented tree: a depth for tier labels, a deeper one for
/// categories, and a tenth of the lines indented at least.
fn tree_like(lines: &[&str]) -> bool {
    let content = lines.iter().filter(|l| !blank(l)).count();
    let indented = lines.iter().filter(|l| !blank(l) && indent(l) > 0).count();
    indented * 10 >= content * 3 && tree_depths(lines).is_some()
}

/// The depths of an indented tree's levels: its tier labels', its category labels' (deeper)
/// and its names' (the next depth below). Where the tiers are not at the left margin
/// (`   产出指标` under a unit and a project), what stands further left is no level: the
/// values (`100%`) or the unit and project above the tree.
fn tree_depths(lines: &[&str]) -> Option<(usize, usize, Option<usize>)> {
    let content = || lines.iter().filter(|l| !blank(l));
    // The least depth of a line that reads as a tier's label, then as a category's: a line
    // no shallower than the least found so far cannot lower it, and is not read as a label
    // (a tree repeats its depths on every line: most lines are not read).
    let least = |level: &dyn Fn(&str) -> bool, below: Option<usize>| {
        let mut least: Option<usize> = None;
        for l in content() {
            let d = indent(l);
            if below.is_none_or(|b| d > b) && least.is_none_or(|m| d < m) && level(l.trim()) {
                least = Some(d);
            }
        }
        least
    };
    let tier = least(&|t| resolve::<crate::Tier>(t).is_some(), None)?;
    let category = least(&|t| resolve::<crate::Category>(t).is_some(), Some(tier))?;
    let name = content().map(|l| indent(l)).filter(|d| *d > category).min();
    Some((tier, category, name))
}

/// The width of a line's indentation, a tab or an ideographic space counting as two.
fn indent(line: &str) -> usize {
    line.chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == ' ' { 1 } else { 2 })
        .sum()
}

/// An indented tree: the depth of a line is its column (一级, 二级, 三级, then the values), and a
/// line no deeper than the one before starts a row. The header, where there is one, is the
/// run of header words at the top; where it names no level (`项目 | 指标值 | 绩效金额`), the
/// levels' columns are put before its words. Lines before the first tier label are text
/// above the tree.
fn tree(lines: &[&str]) -> Grid {
    let mut grid = Grid::new(Layout::Tree, Rows::Positional);
    let Some((tier, category, name)) = tree_depths(lines) else {
        return grid;
    };
    // 0, 1, 2 for the levels; 3 for a value, whatever its depth.
    let level = |line: &str| match indent(line) {
        d if d == tier => 0,
        d if d == category => 1,
        d if Some(d) == name => 2,
        _ => 3,
    };
    let mut row: Vec<Cell> = Vec::new();
    let mut header: Vec<Cell> = Vec::new();
    let mut in_header = true;
    let mut started = false;
    let mut last_level = 0usize;
    let mut last_column = 0usize;
    for (n, line) in lines.iter().enumerate() {
        if blank(line) {
            continue;
        }
        let text = line.trim();
        let column = column_of(line, line.len() - line.trim_start().len());
        if in_header && !started {
            if is_header_word(text) || role_of(&fold(text)).is_some() && !header.is_empty() {
                header.push(Cell::new(text, n + 1, column));
                continue;
            }
            if !header.is_empty() {
                in_header = false;
                let names_levels = header.iter().any(|c| {
                    matches!(
                        role_of(&fold(c.text())),
                        Some(Role::Tier | Role::Category | Role::Name)
                    )
                });
                if !names_levels {
                    let (l, c) = (header[0].line(), header[0].column());
                    let levels = ["一级指标", "二级指标", "三级指标"].map(|w| Cell::new(w, l, c));
                    header.splice(0..0, levels);
                }
                grid.push_row(core::mem::take(&mut header));
            }
        }
        if !started {
            if level(line) == 0 && resolve::<crate::Tier>(text).is_some() {
                started = true;
            } else {
                // Text above the tree: a title, a label, a unit or a project.
                grid.push_row(vec![Cell::new(text, n + 1, column)]);
                continue;
            }
        }
        let depth = level(line);
        // The levels of the labels are the columns; deeper lines fill the next columns.
        let target = if depth <= 2 {
            depth
        } else {
            last_column.max(2) + 1
        };
        let starts = !row.is_empty() && depth <= 2 && (depth <= last_level || last_level > 2);
        if starts {
            grid.push_row(core::mem::take(&mut row));
        }
        while row.len() < target {
            row.push(Cell::new("", n + 1, column));
        }
        row.push(Cell::new(text, n + 1, column));
        last_level = depth;
        last_column = target;
    }
    if !header.is_empty() {
        grid.push_row(header);
    }
    if !row.is_empty() {
        grid.push_row(row);
    }
    grid
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
    fn a_header_cell_wrapped_in_a_narrow_column_is_one_cell() {
        assert!(wrapped_header("一级", "指标"));
        assert!(!wrapped_header("一级指标", "二级指标"));
        assert!(!wrapped_header("三级指标", "指标值"));
        // Paragraphs whose first header cell wrapped (`一级` / `指标`) are paragraphs, not
        // lines of a cell each.
        let text = "一级\n指标\n\n二级指标\n\n三级指标\n\n指标值\n\n产出指标\n\n数量指标\n\n\
                    服务对象\n人数\n\n≥2人";
        let grid = super::grid(text).unwrap();
        assert_eq!(grid.layout(), Layout::Paragraph);
        assert_eq!(grid.rows()[6][0].text(), "服务对象人数");
    }

    #[test]
    fn a_header_run_is_two_header_words_on_lines_of_their_own() {
        assert_eq!(
            header_run(&["标题", "一级指标", "", "二级指标", "产出指标"]),
            (Some(1), Some(3))
        );
        assert_eq!(
            header_run(&["一级指标", "产出指标", "二级指标"]),
            (Some(0), None)
        );
        // A glued header line reads as a header word: it ends the run, and is looked at.
        let lines = [
            "三级指标",
            "一级指标二级指标三级指标指标值",
            "产出指标数量指标场次≥2场",
        ];
        assert_eq!(header_run(&lines), (Some(0), Some(1)));
        let grid = super::grid(&lines.join("\n")).unwrap();
        assert_eq!(grid.layout(), Layout::Glued);
    }

    #[test]
    fn pipes_alone_above_the_grid_do_not_close_its_rows() {
        // `项目责任人: |` then `|`: an empty cell of a title line, no row's end.
        let text = "项目责任人: |\n|\n单位(盖章): |\n|\n一级指标 |\n二级指标 |\n三级指标 |\n\
                    指标值 |\n产出指标 |\n数量指标 |\n场次 |\n≥2场 |";
        let grid = super::grid(text).unwrap();
        assert_eq!((grid.layout(), grid.breaks()), (Layout::Pipe, Rows::Lost));
        // Closers in the grid still close its rows.
        let closed = "一级指标 |\n二级指标 |\n三级指标 |\n指标值 | |\n产出指标 |\n\
                      数量指标 |\n场次 |\n≥2场 | |";
        assert_eq!(super::grid(closed).unwrap().breaks(), Rows::Collapsed);
    }

    #[test]
    fn a_spaced_grid_is_split_as_its_indicator_header_is() {
        // The money header above has runs of spaces; the indicator header and rows do not.
        let text = "项目资金          (万元)   全年预算数 全年执行数 分值  执行率 得分\n\
                    年度资金总额: 25 25 10 100.00% 10.00\n\
                    一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n\
                    产出指标 数量指标 开展交流活动 ≥3次 3 10 10";
        assert_eq!(spaced_header(&text.lines().collect::<Vec<_>>()), Some(2));
        // One cell per paragraph whose header cell kept a space names no level: no spaced
        // header.
        let cells = [
            "一级指标",
            "",
            "三级指标",
            "",
            "半年(程) 指标值",
            "",
            "全年(程) 指标值",
        ];
        assert_eq!(spaced_header(&cells), None);
        let grid = super::grid(text).unwrap();
        assert_eq!(grid.layout(), Layout::Spaced);
        assert_eq!(
            texts(&grid)[3],
            [
                "产出指标",
                "数量指标",
                "开展交流活动",
                "≥3次",
                "3",
                "10",
                "10"
            ]
        );
    }

    #[test]
    fn a_tree_may_stand_right_of_its_unit_and_values() {
        // A unit, a project and its amount to the left of the tiers, values at the margin,
        // and a header that names no level.
        let text = "项目\n\n指标值\n\n 某单位\n\n  某项目\n\n3000000\n\n   产出指标\n\n\
                    \x20   数量指标(必填)\n\n     疫苗使用率\n\n100%\n\n     接种人次\n\n≥5000人次\n\n\
                    \x20  满意度指标\n\n    服务对象满意度指标\n\n     满意度\n\n≥95%";
        let grid = super::grid(text).unwrap();
        assert_eq!(grid.layout(), Layout::Tree);
        let rows = texts(&grid);
        assert_eq!(rows[0], ["项目"]);
        assert_eq!(rows[1], ["一级指标", "二级指标", "三级指标", "指标值"]);
        assert_eq!(rows[2..5], [["某单位"], ["某项目"], ["3000000"]]);
        assert_eq!(
            rows[5],
            ["产出指标", "数量指标(必填)", "疫苗使用率", "100%"]
        );
        assert_eq!(rows[6], ["", "", "接种人次", "≥5000人次"]);
        assert_eq!(
            rows[7],
            ["满意度指标", "服务对象满意度指标", "满意度", "≥95%"]
        );
    }

    #[test]
    fn level_headers_wrapped_above_a_spaced_header_go_before_it() {
        let text = "年度绩效指标完成情况 一级\n指标\n二级\n指标\n三级指标 年度指标值 实际完成值 分值 得分\n\
                    (50分)\n数量指标 完成改造项目数量 1 1 10 10";
        let grid = super::grid(text).unwrap();
        let rows = texts(&grid);
        assert_eq!(rows[0], ["年度绩效指标完成情况"]);
        assert_eq!(
            rows[1],
            [
                "一级指标",
                "二级指标",
                "三级指标",
                "年度指标值",
                "实际完成值",
                "分值",
                "得分"
            ]
        );
        assert_eq!((grid.rows()[1][0].line(), grid.rows()[1][1].line()), (1, 3));
        // A header that names its levels takes none from above.
        let named = "一级\n一级指标 二级指标 三级指标 指标值\n产出指标 数量指标 场次 2场";
        assert_eq!(texts(&super::grid(named).unwrap())[0], ["一级"]);
        // Printed in traditional characters, the pieces join as they are printed.
        let traditional = "一級\n指標\n二級指標 三級指標 指標值 完成值\n數量指標 抽验品种 ≥3 4";
        let grid = super::grid(traditional).unwrap();
        let rows = texts(&grid);
        assert_eq!(
            rows[0],
            ["一級指標", "二級指標", "三級指標", "指標值", "完成值"]
        );
    }

    #[test]
    fn glued_text_with_wrapped_spaces_has_a_glued_reading() {
        let text = "1、一级 指标二级 指标三级 指标 年度指标值全年完成值 得分\n2、产出指标数量指标场次≥2场≥2场10";
        // Its rows split at no space, so it is read glued from the start…
        assert_eq!(super::grid(text).map(|g| g.layout()), Some(Layout::Glued));
        // …and where they do, the glued reading is there to compare.
        assert_eq!(
            glued_alternative(text).map(|g| g.layout()),
            Some(Layout::Glued)
        );
        // A spaced header whose cells are whole header words has none.
        let spaced = "一级指标 二级指标 三级指标 指标值\n产出指标 数量指标 场次 ≥2场";
        assert!(glued_alternative(spaced).is_none());
    }

    #[test]
    fn pipe_rows_split_at_pipes() {
        let grid = super::grid("标题\n一级指标 | 二级指标 | 三级指标 | 指标值 |\n产出指标 | 数量指标 | 场次 | ≥2场 |\n场地 | 1处 | |||").unwrap();
        assert_eq!(grid.layout(), Layout::Pipe);
        assert_eq!(grid.breaks(), Rows::Collapsed);
        assert_eq!(
            texts(&grid),
            [
                vec!["标题"],
                vec!["一级指标", "二级指标", "三级指标", "指标值"],
                vec!["产出指标", "数量指标", "场次", "≥2场"],
                vec!["场地", "1处"]
            ]
        );
        assert_eq!(grid.rows()[2][3].column(), 20);
    }

    #[test]
    fn merged_cells_on_lines_of_their_own_join_their_row() {
        let text = "标题 | |||\n一级指标 | 二级指标 | 三级指标 | 指标值 | ||\n产 出 指 标 (50分) |\n数量指标 | 场次 | ≥2场 | |\n场地 | 1处 | |||";
        let grid = super::grid(text).unwrap();
        assert_eq!(
            texts(&grid)[2],
            ["产 出 指 标 (50分)", "数量指标", "场次", "≥2场"]
        );
    }

    #[test]
    fn continuation_lines_join_their_row() {
        let grid = super::grid("一级指标 | 三级指标 | 指标性质 | 指标值 | 单位 |\n产出指标 | 健全性 | 定性 | 优良 |\n| 优 | 10 |\n|").unwrap();
        assert_eq!(
            texts(&grid)[1],
            ["产出指标", "健全性", "定性", "优良", "优", "10"]
        );
    }

    #[test]
    fn pdf_rows_keep_what_they_print_on_their_next_line() {
        // `pdftotext -layout` of a portrait page: a tier's label centred in its merged cell
        // beside the tails of the row above (`产出指标` beside `规定`, `指标`), its weight on
        // the next line; a label's and a value's 指标 wrapped; a weight and score centred in
        // their row, printed on its second line, right of its other cells.
        let text = "\
一级指标 二级指标 三级指标             年度指标值    实际完成 分 得 偏差原因分析及
                                    值    值 分 改进措施
      质量指标 经费支出合规性         严格执行相关制度 达成预期 8 8
产出指标                       规定       指标
(50分) 时效指标 提交报告及时性         在项目计划完成时 达成预期 8 8
                           间内完成     指标
      成本指标 单项业务成本          符合相关规定  达成预期
                                    指标  10 10
      社会效益 对维护基建市场公平的影响程度 效果明显      达成预期 10 10
      指标                            指标
";
        let grid = super::grid(text).unwrap();
        assert_eq!(
            texts(&grid)[1..],
            [
                vec![
                    "质量指标",
                    "经费支出合规性",
                    "严格执行相关制度规定",
                    "达成预期指标",
                    "8",
                    "8"
                ],
                vec![
                    "产出指标(50分)",
                    "时效指标",
                    "提交报告及时性",
                    "在项目计划完成时间内完成",
                    "达成预期指标",
                    "8",
                    "8"
                ],
                vec![
                    "成本指标",
                    "单项业务成本",
                    "符合相关规定",
                    "达成预期指标",
                    "10",
                    "10"
                ],
                vec![
                    "社会效益指标",
                    "对维护基建市场公平的影响程度",
                    "效果明显",
                    "达成预期指标",
                    "10",
                    "10"
                ],
            ]
        );
    }

    #[test]
    fn numbers_a_space_after_words_end_their_row_in_cells_of_their_own() {
        // A weight and a score in narrow columns, a space apart and short of their header.
        let text = "\
一级指标    二级指标    三级指标        年度指标值      实际完成值        分值   得分
产出指标    质量指标    创业能力提升    能力提升        达成预期 20 20
            时效指标    完成及时率      100%            100%              10     10
";
        let grid = super::grid(text).unwrap();
        assert_eq!(
            texts(&grid)[1],
            [
                "产出指标",
                "质量指标",
                "创业能力提升",
                "能力提升",
                "达成预期",
                "20",
                "20"
            ]
        );
        // A comparator's words keep their number.
        let text = "一级指标  二级指标  三级指标  指标值      分值  得分\n\
                    产出指标  数量指标  培训人数  不低于 90  10    10\n";
        let grid = super::grid(text).unwrap();
        assert_eq!(
            texts(&grid)[1],
            ["产出指标", "数量指标", "培训人数", "不低于 90", "10", "10"]
        );
    }

    #[test]
    fn pipe_cells_a_cell_per_line() {
        let text = "|\n一级指标 |\n三级指标 |\n指标值 |\n||\n|\n产出指标 |\n场次 |\n≥2场 |\n||";
        let grid = super::grid(text).unwrap();
        assert_eq!(grid.breaks(), Rows::Collapsed);
        assert_eq!(
            texts(&grid),
            [
                vec!["一级指标", "三级指标", "指标值"],
                vec!["产出指标", "场次", "≥2场"]
            ]
        );
    }

    #[test]
    fn a_label_printed_down_its_cell_starts_the_rows_below() {
        // `效` / `益` / `指` / `标`, a character a line, and `社会效益` / `指标`: labels of
        // the rows below, not wrapped tails of the row above.
        let text = "绩 效 指 标 一级指标 二级指标 三级指标 年度指标值 全年完成值 分值 得分\n\
                    产\n出\n指\n\
                    标 数量指标 维护电影放映设备数量 ≥5套 5套 20 20\n\
                    质量指标 提升放映质量 明显 明显 10 10\n\
                    效\n益\n指\n\
                    标 经济效益\n\
                    指标 全年影院观影人数 ≥4万人次 4.4万人次 5 5\n\
                    影院营业收入 ≥150万元 188.6万元 5 5\n\
                    社会效益\n\
                    指标 放映场次 ≥100场 120场 5 5\n";
        let doc: crate::Document = text.parse().unwrap();
        let rows: Vec<_> = doc
            .indicators()
            .map(|i| (i.category.map(crate::Category::name), i.name.as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                (Some("数量指标"), "维护电影放映设备数量"),
                (Some("质量指标"), "提升放映质量"),
                (Some("经济效益"), "全年影院观影人数"),
                (Some("经济效益"), "影院营业收入"),
                (Some("社会效益"), "放映场次"),
            ]
        );
    }

    #[test]
    fn pipe_cells_closed_by_an_empty_cell_are_no_rows() {
        // Each cell closed by its pipe; a row's empty unit cell adds a pipe (`基本建立 | |`),
        // which closes no row: the first such line comes after cells that are no header's.
        let text = "指标名称 |\n计量单位 |\n指标值 |\n辅警人员 |\n人 |\n512 |\n\
                    项目持续期 |\n基本建立 | |\n满意度 |\n% |\n95 |\n促进稳定 |\n好 | |";
        let grid = super::grid(text).unwrap();
        assert_eq!((grid.layout(), grid.breaks()), (Layout::Pipe, Rows::Lost));
        assert_eq!(grid.rows().len(), 13);
        assert_eq!(texts(&grid)[7], ["基本建立"]);
    }

    #[test]
    fn pipe_cells_keep_a_sentence_off_the_next_cell() {
        // The report around the table: a heading that ends its sentence, then its paragraph,
        // are lines of their own, not the start of the header's first cell.
        let text = "[ 发布机构 ] | 丰都县公安局 |\n[ 有效性 ] |\n(三)绩效目标。\n\
                    指标名称 |\n指标值 |\n辅警人员 |\n512 |";
        let grid = super::grid(text).unwrap();
        let cells: Vec<&str> = texts(&grid).into_iter().flatten().collect();
        assert_eq!(
            cells,
            [
                "[ 发布机构 ]",
                "丰都县公安局",
                "[ 有效性 ]",
                "(三)绩效目标。",
                "指标名称",
                "指标值",
                "辅警人员",
                "512"
            ]
        );
        // Without the sentence's end, the line is a cell's first line.
        let grid = super::grid("[ 有效性 ] |\n[ 发布 ] |\n服务对象\n满意度 |\n≥95% |").unwrap();
        assert!(texts(&grid).concat().contains(&"服务对象满意度"));
    }

    #[test]
    fn separated_cells_keep_text_after_a_pipe() {
        // `|   项目完成指标`: the pipe closes the cell before, and the label after it is the
        // next cell's text, not dropped.
        let text = "|   项目完成指标\n        | \n     质量指标\n        | \n     改善条件\n\
                    ||\n|   效益指标\n  | \n  社会效益指标\n  | \n  有所提升\n||";
        let lines: Vec<&str> = text.lines().collect();
        let grid = separated(&lines);
        let cells: Vec<&str> = texts(&grid)
            .into_iter()
            .flatten()
            .filter(|t| !t.is_empty())
            .collect();
        assert_eq!(
            cells,
            [
                "项目完成指标",
                "质量指标",
                "改善条件",
                "效益指标",
                "社会效益指标",
                "有所提升"
            ]
        );
    }

    #[test]
    fn tabs_and_commas_keep_cells_in_place() {
        let grid = super::grid("一级指标\t三级指标\t指标值\n\t场次\t≥2场").unwrap();
        assert_eq!(grid.breaks(), Rows::Positional);
        assert_eq!(texts(&grid)[1], ["", "场次", "≥2场"]);
        let grid = super::grid("一级指标,三级指标,指标值\n产出指标,\"场次,场地\",≥2场").unwrap();
        assert_eq!(texts(&grid)[1], ["产出指标", "场次,场地", "≥2场"]);
    }

    #[test]
    fn tab_rows_shorter_than_their_header_are_collapsed() {
        // Copied from a browser: the merged 一级 cell is left out of the rows below its first.
        let grid =
            super::grid("一级指标\t三级指标\t指标值\t备注\n产出指标\t场次\t≥2场\t\n场地\t1处\t")
                .unwrap();
        assert_eq!(
            (grid.layout(), grid.breaks()),
            (Layout::Delimited, Rows::Collapsed)
        );
        assert_eq!(texts(&grid)[2], ["场地", "1处"]);
        // A spreadsheet's export keeps a merged cell's place empty: the cells stay in place.
        let grid =
            super::grid("一级指标\t三级指标\t指标值\t备注\n产出指标\t场次\t≥2场\n\t场地\t1处")
                .unwrap();
        assert_eq!(grid.breaks(), Rows::Positional);
        assert_eq!(texts(&grid)[2], ["", "场地", "1处"]);
    }

    /// Cells a line each, each closed by a line holding a pipe alone.
    fn stream(cells: &[&str]) -> String {
        cells.iter().map(|c| format!("{c}\n|\n")).collect()
    }

    #[test]
    fn a_stream_of_cells_that_keeps_its_empty_cells_is_cut_into_rows_as_wide_as_its_header() {
        let text = stream(&[
            "绩效目标设置情况",
            "绩效目标完成情况",
            "目标名称",
            "目标值",
            "目标完成值",
            "权重分值",
            "得分",
            "一、投入目标",
            "",
            "",
            "",
            "",
            "1.预算投入资金",
            "6475",
            "6475",
            "1",
            "1",
            "2.实际到位资金",
            "6475",
            "",
            "1",
            "0",
        ]);
        let grid = super::grid(&text).unwrap();
        assert_eq!(grid.breaks(), Rows::Positional);
        let rows = texts(&grid);
        // The cells over the header ran into it: they stand above it, a row each.
        assert_eq!(
            rows[..2],
            [vec!["绩效目标设置情况"], vec!["绩效目标完成情况"]]
        );
        assert_eq!(
            rows[2],
            ["目标名称", "目标值", "目标完成值", "权重分值", "得分"]
        );
        assert_eq!(rows[3], ["一、投入目标", "", "", "", ""]);
        assert_eq!(rows[5], ["2.实际到位资金", "6475", "", "1", "0"]);
        // A stream whose rows leave merged cells out and end with an empty cell does not fit
        // its header's width: its rows are lost.
        let text = stream(&[
            "一级指标",
            "二级指标",
            "三级指标",
            "指标值",
            "",
            "产出指标",
            "数量指标",
            "作业航时",
            "≥30小时",
            "",
            "质量指标",
            "作业合格率",
            "100%",
            "",
        ]);
        assert_eq!(super::grid(&text).unwrap().breaks(), Rows::Lost);
    }

    #[test]
    fn cells_a_line_each_closed_by_a_pipe_that_keep_their_empty_cells_are_a_stream() {
        // `cell |` a line, `|` alone for an empty cell; the section label over the levels
        // (`绩效指标(20分)`) heads no column of the rows: the stretch after it fits them.
        let text = "绩效指标(20分) |\n一级指标 |\n二级指标 |\n三级指标 |\n指标值 |\n\
            实际完成值 |\n权重 |\n得分 |\n\
            产出指标 |\n数量指标 |\n培训人次 |\n100 |\n|\n10 |\n|\n\
            效益指标 |\n社会效益指标 |\n就业率 |\n≥60% |\n|\n10 |\n|\n\
            总分 |\n100 |\n|\n|\n|\n|\n|\n|\n";
        let grid = super::grid(text).unwrap();
        assert_eq!(grid.breaks(), Rows::Positional);
        let rows = texts(&grid);
        assert_eq!(rows[0], ["绩效指标(20分)"]);
        assert_eq!(rows[1][0], "一级指标");
        assert_eq!(
            rows[2],
            ["产出指标", "数量指标", "培训人次", "100", "", "10", ""]
        );
        assert_eq!(rows[4], ["总分", "100", "", "", "", "", ""]);
    }

    #[test]
    fn a_stream_that_repeats_its_header_over_each_project_is_cut_at_each_header() {
        // A page of projects, each block a table number, its facts and its grid; a table's
        // number begins no row of the grid above it.
        let block = |name: &str, first: &str| {
            stream(&[
                "表十二",
                "专项资金名称",
                name,
                "指标",
                "指标权重",
                "计量单位",
                "指标性质",
                "指标值",
                first,
                "20",
                "人",
                "≥",
                "80",
                "促进社会和谐",
                "20",
                "",
                "定性",
                "",
            ])
        };
        let text = block("甲项目", "发放人数") + &block("乙项目", "按月发放");
        let grid = super::grid(&text).unwrap();
        assert_eq!(grid.breaks(), Rows::Positional);
        let rows = texts(&grid);
        assert_eq!(
            rows[..3],
            [vec!["表十二"], vec!["专项资金名称"], vec!["甲项目"]]
        );
        assert_eq!(rows[4], ["发放人数", "20", "人", "≥", "80"]);
        assert_eq!(rows[5], ["促进社会和谐", "20", "", "定性", ""]);
        assert_eq!(
            rows[6..9],
            [vec!["表十二"], vec!["专项资金名称"], vec!["乙项目"]]
        );
        assert_eq!(rows[9][0], "指标");
        assert_eq!(rows[10], ["按月发放", "20", "人", "≥", "80"]);
        assert_eq!(rows.len(), 12);
    }

    #[test]
    fn pipe_rows_that_keep_their_empty_cells_are_read_in_place() {
        let text = "| 一级指标 | 三级指标 | 分值 | 得分 |\n\
                    | 决策(20分) | 相关性 | 5 | 5 |\n\
                    |  | 明确性 |  | 4 |\n";
        let grid = super::grid(text).unwrap();
        assert_eq!(
            (grid.layout(), grid.breaks()),
            (Layout::Pipe, Rows::Positional)
        );
        assert_eq!(texts(&grid)[2], ["", "明确性", "", "4"]);
        // Pipes run together pad a row whose empty cells collapsed: read by their kinds.
        let text =
            "一级指标 | 三级指标 | 分值 | 得分 |\n决策 | 相关性 | 5 | 5 |\n明确性 | 4 | ||\n";
        assert_eq!(super::grid(text).unwrap().breaks(), Rows::Collapsed);
        // So is a row that leaves out a merged cell.
        let text = "| 一级指标 | 三级指标 | 分值 | 得分 |\n| 决策 | 相关性 | 5 | 5 |\n| 明确性 | 4 | 4 |\n";
        assert_eq!(super::grid(text).unwrap().breaks(), Rows::Collapsed);
    }

    #[test]
    fn a_pipe_row_broken_after_its_name_goes_on_with_its_values() {
        let text = "| 一级指标 | 二级指标 | 三级指标 | 指标值 | 分值 | 得分 |\n\
                    | 效益指标 | 经济效益指标 | 减轻学生家庭负担 |\n\
                    | 有效 |\n\
                    | 有效 | 10 | 10 |\n\
                    | 社会效益指标 | 政策知晓率 | 100% | 10 | 9 |\n";
        let grid = super::grid(text).unwrap();
        assert_eq!(
            texts(&grid)[1],
            [
                "效益指标",
                "经济效益指标",
                "减轻学生家庭负担",
                "有效",
                "有效",
                "10",
                "10"
            ]
        );
        assert_eq!(texts(&grid)[2][0], "社会效益指标");
    }

    #[test]
    fn spaced_brackets_stay_with_the_words_they_note() {
        let text = "一级指标 三级指标 年初目标值 (A) 得分\n产出指标 (60 分) 服务外包 20000 10\n";
        let grid = super::grid(text).unwrap();
        assert_eq!(grid.layout(), Layout::Spaced);
        assert_eq!(
            texts(&grid)[0],
            ["一级指标", "三级指标", "年初目标值 (A)", "得分"]
        );
        assert_eq!(
            texts(&grid)[1],
            ["产出指标 (60 分)", "服务外包", "20000", "10"]
        );
        // A bracket after a number is a cell of its own; one never closed joins nothing.
        let cells = super::bracketed_cells(
            "90 (%) 达到(预期 标准",
            split_spaces("90 (%) 达到(预期 标准"),
        );
        let cells: Vec<&str> = cells.iter().map(|(_, c)| *c).collect();
        assert_eq!(cells, ["90", "(%)", "达到(预期", "标准"]);
    }

    #[test]
    fn lines_paragraphs_and_spaces() {
        let grid = super::grid("一级指标\n三级指标\n指标值\n产出指标\n场次\n≥2场").unwrap();
        assert_eq!(
            (grid.layout(), grid.breaks()),
            (Layout::CellPerLine, Rows::Lost)
        );
        let grid =
            super::grid("一级指标\n\n三级指标\n\n指标值\n\n产出\n指标\n\n场次\n\n≥2场").unwrap();
        assert_eq!(grid.layout(), Layout::Paragraph);
        assert_eq!(texts(&grid)[3], ["产出指标"]);
        // A title right above the header, in the same paragraph, is a cell of its own.
        let grid = super::grid(
            "项目支出绩效目标表\n一级指标\n\n三级指标\n\n指标值\n\n产出指标\n\n场次\n\n≥2场",
        )
        .unwrap();
        assert_eq!(grid.layout(), Layout::Paragraph);
        assert_eq!(texts(&grid)[..2], [["项目支出绩效目标表"], ["一级指标"]]);
        let grid = super::grid("一级指标 三级指标 指标值\n产出指标 场次 ≥2场").unwrap();
        assert_eq!(
            (grid.layout(), grid.breaks()),
            (Layout::Spaced, Rows::Wrapped)
        );
        assert_eq!(texts(&grid)[1], ["产出指标", "场次", "≥2场"]);
        let grid =
            super::grid("一级指标    三级指标    指标值\n产出指标    维修 面积    ≥2场").unwrap();
        assert_eq!(texts(&grid)[1], ["产出指标", "维修 面积", "≥2场"]);
    }

    #[test]
    fn cells_that_kept_a_space_do_not_make_a_grid_spaced() {
        let text = "一级 指标\n\n二级指标\n\n三级指标\n\n指标值\n\n产 出 指 标\n\n数量指标\n\n\
                    补助各类瓜果蔬菜种植面积\n\n29.5亩\n\n其中桃树种植面积\n\n1.5亩";
        let grid = super::grid(text).unwrap();
        assert_eq!(grid.layout(), Layout::Paragraph);
        assert_eq!(texts(&grid)[0], ["一级 指标"]);
        // Rows that split at spaces keep the spaced reading, however short some lines are.
        let text = "一级指标 三级指标 指标值\n产出指标 场次 ≥2场\n指标2:\n……\n效益指标 就业 ≥10人";
        assert_eq!(super::grid(text).unwrap().layout(), Layout::Spaced);
    }

    #[test]
    fn a_spaced_cell_wrapped_below_where_it_starts_goes_on_its_row() {
        let text = "一级指标          二级指标          三级指标          指标值\n\
                    效益指标          经济效益指标      提升六安城市知名  经济效益良好\n\
                    \x20                                   度和美誉度\n\
                    \x20                 社会效益指标      赛事场次          ≥3场\n\
                    \x20                                   ……";
        let grid = super::grid(text).unwrap();
        assert_eq!(grid.layout(), Layout::Spaced);
        assert_eq!(
            texts(&grid)[1..],
            [
                vec![
                    "效益指标",
                    "经济效益指标",
                    "提升六安城市知名度和美誉度",
                    "经济效益良好"
                ],
                vec!["社会效益指标", "赛事场次", "≥3场"],
                vec!["……"],
            ]
        );
    }

    #[test]
    fn a_header_word_cut_in_a_narrow_column_is_completed_below() {
        let text = "一级指 二级指标 三级指标          年初目标值(A)     得\n\
                    标                                                  分\n\
                    产出指标 质量指标 通过专家评审    通过              10";
        let grid = super::grid(text).unwrap();
        assert_eq!(
            texts(&grid)[0],
            ["一级指标", "二级指标", "三级指标", "年初目标值(A)", "得分"]
        );
        // Header words a space apart, their tails below: `值` alone heads nothing, and a
        // header cut after a conjunction goes on.
        let text = "一级指标 二级指标 三级指标             年度指标值    实际完成 分 得 偏差原因分析及\n\
                    \x20                                   值    值 分 改进措施\n\
                    \x20     数量指标 基建工程委托业务项目数量    ≥50个     50   8 8";
        let grid = super::grid(text).unwrap();
        assert_eq!(
            texts(&grid)[0],
            [
                "一级指标",
                "二级指标",
                "三级指标",
                "年度指标值",
                "实际完成值",
                "分值",
                "得分",
                "偏差原因分析及改进措施"
            ]
        );
    }

    #[test]
    fn header_words_wrapped_a_character_below_are_completed() {
        // A portrait PDF's narrow columns cut header words one space apart; their last
        // characters stand below, under where each starts: 值 after a word that heads alone
        // (`年度指标`), and the last character of a text column's header (`改进措` / `施`).
        let text = "一级指标 二级指标     三级指标                 年度指标 全年完成 未完成原因和改进措\n\
                    \x20                                  值    值    施\n\
                    产出指标 数量指标     库存数量真实率                 100%     100%\n\
                    \x20             县级储备粮管理制度严格执行率   100%     100%\n\
                    \x20    质量指标     储备粮管理专户管理率           100%     100%";
        let grid = super::grid(text).unwrap();
        assert_eq!(
            texts(&grid)[0],
            [
                "一级指标",
                "二级指标",
                "三级指标",
                "年度指标值",
                "全年完成值",
                "未完成原因和改进措施"
            ]
        );
        assert_eq!(
            texts(&grid)[1],
            ["产出指标", "数量指标", "库存数量真实率", "100%", "100%"]
        );
    }

    #[test]
    fn split_cell_headers_wrapped_a_character_below_are_completed() {
        // A split-cell header in a portrait PDF: 指标性质, 指标方向, 计量单位 and 分值 cut
        // in their narrow columns.
        let text = "一级指标     二级指标 三级指标               指标性 指标方 目标值 计量单 分\n\
                    \x20                                质 向           位 值\n\
                    满意度指标(10 服务对象满 使用人员满意度           正向  大于等 98    % 10\n\
                    分)       意度                          于\n\
                    \x20        质量指标 设备验收合格率            正向 等于 100     % 7.5";
        let grid = super::grid(text).unwrap();
        assert_eq!(
            texts(&grid)[0],
            [
                "一级指标",
                "二级指标",
                "三级指标",
                "指标性质",
                "指标方向",
                "目标值",
                "计量单位",
                "分值"
            ]
        );
    }

    #[test]
    fn a_comparator_cut_in_its_column_goes_on_below_with_the_cells_printed_lower() {
        // The comparator wraps (`小于等` / `于`); the row's one-line cells (the number, its
        // unit, the weight) are centred, on its second line.
        let text = "一级指标     二级指标 三级指标               指标性 指标方 目标值 计量单 分\n\
                    \x20                                质 向           位 值\n\
                    \x20        成本指标 车辆购置成本             反向 小于等\n\
                    \x20                                    于 12      万元 5\n\
                    \x20        质量指标 设备验收合格率            正向 等于 100     % 7.5";
        let grid = super::grid(text).unwrap();
        let rows = texts(&grid);
        assert_eq!(
            rows[1],
            [
                "成本指标",
                "车辆购置成本",
                "反向",
                "小于等于",
                "12",
                "万元",
                "5"
            ]
        );
        assert_eq!(rows[2][0], "质量指标");
        assert!(super::completes_op("大于等", "于"));
        assert!(super::completes_op("不低", "于 90"));
        assert!(!super::completes_op("大于等于", "于"));
        assert!(!super::completes_op("达成", "年度目标"));
    }

    #[test]
    fn a_value_a_space_after_a_name_a_few_columns_before_its_header_is_a_cell() {
        // pdftotext squeezed the page: the value starts two columns before 指标值.
        let text = "一级指 二级指标   三级指标         指标值\n\
                    标\n\
                    \x20          补贴民办园租用面积    26970.7平方米\n\
                    产出指 质量指标   补贴覆盖民办幼儿园率 ≥90.91%\n\
                    标          补贴发放合规率      ≥95%";
        let grid = super::grid(text).unwrap();
        let rows = texts(&grid);
        assert_eq!(rows[0], ["一级指标", "二级指标", "三级指标", "指标值"]);
        assert_eq!(rows[2][2..], ["补贴覆盖民办幼儿园率", "≥90.91%"]);
        // A value that opens with a comparator's sign is a cell wherever it stands.
        let signed = text.replace(
            "补贴民办园租用面积    26970.7平方米",
            "租用面积 ≥26970平方米",
        );
        let grid = super::grid(&signed).unwrap();
        assert_eq!(texts(&grid)[1], ["租用面积", "≥26970平方米"]);
        // A comparator's words keep their number.
        let text = text.replace("补贴覆盖民办幼儿园率 ≥90.91%", "补贴覆盖率 不低于 90%");
        let grid = super::grid(&text).unwrap();
        assert_eq!(texts(&grid)[2][2..], ["补贴覆盖率 不低于 90%"]);
    }

    #[test]
    fn header_words_a_space_apart_lay_out_the_columns() {
        // A page squeezed the level headers a space apart: the cells still stand where the
        // header's do, so a row's cells printed on lines of their own find their columns.
        let text = "一级指标 二级指标 三级指标             指标值类型 目标值 度量单位 指标值内容             备注\n\
                    成本指标 经济成本指标 疾病预防控制中心经费     ≤\n\
                    \x20    社会成本指标 实施项目对社会产生的不利影响 定性\n\
                    \x20                                70 万元 反映疾病预防控制中心经费。\n\
                    \x20                                减少";
        let grid = super::grid(text).unwrap();
        assert!(grid.rows()[1].iter().all(|c| c.page.is_some()));
        let document = crate::Document::from_grids(&[grid]).unwrap();
        let annual: Vec<&str> = document.indicators().map(|i| i.annual.raw()).collect();
        assert_eq!(annual, ["≤70", "减少"]);
    }

    #[test]
    fn a_header_wrapped_over_three_lines_is_completed_line_by_line() {
        // An evaluation table's header in a portrait PDF (hunan_yueyang-zhengti, printed
        // from its hand reading).
        let text = "一级 二级指 三级指标 评分标准                                                                       分 自评 扣分原因\n\
                    指标 标                                                                                   值 得分 和其他说\n\
                    \x20                                                                                           明\n\
                    \x20          财政供养\n\
                    \x20          人员控制 以100%为标准。在职人员控制率≦100%,计5分;每超过一个百分点扣0.5分,扣完为止。                          5 5\n\
                    \x20          率";
        let grid = super::grid(text).unwrap();
        assert_eq!(
            texts(&grid)[0],
            [
                "一级指标",
                "二级指标",
                "三级指标",
                "评分标准",
                "分值",
                "自评得分",
                "扣分原因和其他说明"
            ]
        );
        // A whole header takes no line below it: the first name's first line is a row's.
        assert!(
            texts(&grid)[1..]
                .iter()
                .any(|row| row.iter().any(|c| c.contains("财政供养")))
        );
    }

    #[test]
    fn three_lines_at_most_go_on_a_header() {
        let mut text = String::from("一级指标 二级指标     三级指标   指标值    偏差原因\n");
        for _ in 0..4 {
            text.push_str("                                     和其他\n");
        }
        text.push_str("产出指标 数量指标     培训人次   100人");
        let grid = super::grid(&text).unwrap();
        assert_eq!(texts(&grid)[0][4], "偏差原因和其他和其他和其他");
        assert_eq!(texts(&grid)[1], ["和其他"]);
    }

    #[test]
    fn header_tails_pair_in_order_one_way_only() {
        // Words and pieces that stand nowhere: their order alone pairs them.
        fn nowhere<'a>(words: &[&'a str]) -> Vec<(usize, &'a str)> {
            words.iter().map(|&w| (usize::MAX, w)).collect()
        }
        let tails = |heads: &[&str], pieces: &[&str]| {
            super::header_tails(&nowhere(heads), &nowhere(pieces))
        };
        let heads = ["一级指标", "指标性", "指标方", "目标值", "计量单", "分"];
        assert_eq!(
            tails(&heads, &["质", "向", "位", "值"]),
            Some(vec![1, 2, 4, 5])
        );
        // A word that heads nothing alone must take a tail: 值 goes on 全年完成, not on
        // 年度指标, which heads alone.
        let heads = ["年度指标", "全年完成", "偏差原因分析及改"];
        assert_eq!(tails(&heads, &["值", "进措施"]), Some(vec![1, 2]));
        assert_eq!(tails(&heads, &["值", "值", "进措施"]), Some(vec![0, 1, 2]));
        // A value's header below a short word that heads the same goes on it.
        let heads = ["三级指标", "年度", "实际", "分值", "得分"];
        assert_eq!(tails(&heads, &["指标值", "完成值"]), Some(vec![1, 2]));
        // Two words that head alone and one 值: its place decides.
        assert_eq!(tails(&["年度指标", "实际完成"], &["值"]), None);
        assert_eq!(
            super::header_tails(&[(0, "年度指标"), (10, "实际完成")], &[(11, "值")]),
            Some(vec![1])
        );
        // Numbers and long words are no tails; nor is a piece that completes nothing.
        assert_eq!(tails(&["计量单"], &["10"]), None);
        assert_eq!(tails(&["计量单"], &["位", "值"]), None);
        assert_eq!(tails(&["计量单"], &[]), None);
        // 指标 / 值 is the value's header; a word of no known role may be completed into
        // another (`绩效金` / `额`).
        let heads = ["一级指标", "二级指标", "三级指标", "指标", "绩效金"];
        assert_eq!(tails(&heads, &["值", "额"]), Some(vec![3, 4]));
        // A tail keeps its column's mark (`实际完成指` / `标值(B)`).
        let heads = ["预期指标", "实际完成指", "分"];
        assert_eq!(
            tails(&heads, &["值(A)", "标值(B)", "值"]),
            Some(vec![0, 1, 2])
        );
        assert_eq!(super::without_mark("标值(B)"), "标值");
        assert_eq!(
            super::without_mark("年初目标值（万元以上）"),
            "年初目标值（万元以上）"
        );
        // A header word below completes the word above that heads nothing alone, where the
        // two head the column one of them heads (`自评` / `得分`, `一级` / `指标`); where
        // pieces could go on several words, the nearest pairing is taken.
        let heads = [
            (0, "一级"),
            (3, "二级指"),
            (7, "三级指标"),
            (12, "评分标准"),
            (90, "分"),
            (92, "自评"),
            (95, "扣分原因"),
        ];
        let pieces = [
            (0, "指标"),
            (5, "标"),
            (92, "值"),
            (94, "得分"),
            (97, "和其他说"),
        ];
        assert_eq!(
            super::header_tails(&heads, &pieces),
            Some(vec![0, 1, 4, 5, 6])
        );
        assert_eq!(tails(&["扣分原因和其他说"], &["明"]), Some(vec![0]));
    }

    #[test]
    fn a_label_beside_the_first_line_of_a_name_goes_on_the_row_below() {
        // The row's values stand on the name's second line, the labels on its first.
        let text = "一级指标  二级指标  三级指标            年初目标值(A)         得分\n\
                    产出指标  数量指标  完成省级宣传片制作方\n\
                    \x20                   案编制              完成1部宣传片         10\n\
                    \x20         质量指标  通过专家评审        通过                  10";
        let grid = super::grid(text).unwrap();
        assert_eq!(
            texts(&grid)[1],
            [
                "产出指标",
                "数量指标",
                "完成省级宣传片制作方案编制",
                "完成1部宣传片",
                "10"
            ]
        );
    }

    #[test]
    fn a_labels_last_characters_before_the_next_rows_label_go_back_on_it() {
        // pdftotext in narrow columns: `产出指` / `标`, the tail one space before the label of
        // the row below.
        let text = "一级指标 二级指标 三级指标            年初目标值     得分\n\
                    产出指 质量指标 通过专家评审        通过           10\n\
                    标 时效指标 按时完成率          100%           10";
        let grid = super::grid(text).unwrap();
        assert_eq!(
            texts(&grid)[1..],
            [
                vec!["产出指标", "质量指标", "通过专家评审", "通过", "10"],
                vec!["时效指标", "按时完成率", "100%", "10"],
            ]
        );
    }

    #[test]
    fn a_dash_on_a_line_of_its_own_is_no_cells_last_line() {
        // The dash is an empty cell a row printed below itself, not the end of its name.
        let text =
            "三级指标 指标值 分值 得分 未完成原因\n开放天数 300天 10 10\n-\n开放率 100% 10 10\n-";
        let grid = super::grid(text).unwrap();
        assert_eq!(
            texts(&grid)[1..],
            [
                vec!["开放天数", "300天", "10", "10"],
                vec!["-"],
                vec!["开放率", "100%", "10", "10"],
                vec!["-"],
            ]
        );
    }

    #[test]
    fn a_spaced_label_wrapped_inside_its_brackets_goes_on_its_row() {
        // `分)` and `)` are no words, and the cells above them are tier labels: only the
        // bracket they close ties them to the label.
        let text = "一级指标          二级指标          三级指标          分值\n\
                    产出指标(50       数量指标          补助各类瓜果蔬    20\n\
                    分)                                 菜种植面积\n\
                    效益指标(30分     社会效益指标      受益人口数量      10\n\
                    )";
        let grid = super::grid(text).unwrap();
        assert_eq!(
            texts(&grid)[1..],
            [
                vec![
                    "产出指标(50分)",
                    "数量指标",
                    "补助各类瓜果蔬菜种植面积",
                    "20"
                ],
                vec!["效益指标(30分)", "社会效益指标", "受益人口数量", "10"],
            ]
        );
        // A piece that opens a bracket of its own is no such tail.
        assert!(!super::closes("产出指标(50", "(分)"));
        assert!(!super::closes("产出指标", "分)"));
        assert!(super::closes("产出指标(50", "分)"));
    }

    #[test]
    fn a_spaced_text_cell_wraps_with_its_digits() {
        // Under a text column, or one whose header names no role, a tail may hold digits.
        let text = "三级指标          指标值            指标解释          评(扣分标准)\n\
                    学生补助标准      17元/人.每天      反映学生每天用餐  按标准发放得10\n\
                    \x20                                   标准              分,每少1元扣1\n\
                    \x20                                                     分\n\
                    补助学生数量      168               反映补助学生人数  发放到位得10分";
        let grid = super::grid(text).unwrap();
        assert_eq!(
            texts(&grid)[1..],
            [
                vec![
                    "学生补助标准",
                    "17元/人.每天",
                    "反映学生每天用餐标准",
                    "按标准发放得10分,每少1元扣1分"
                ],
                vec!["补助学生数量", "168", "反映补助学生人数", "发放到位得10分"],
            ]
        );
    }

    #[test]
    fn a_cell_per_line_label_wrapped_in_its_brackets_is_one_cell() {
        let text = "一级指标\n三级指标\n指标值\n产出指标(50\n分)\n受益农户收入(总\n收入)\n≥90%\n\
                    效益指标\n30分)\n就业(人\n指标值\n)\n≥10人";
        let grid = super::grid(text).unwrap();
        assert_eq!(grid.layout(), Layout::CellPerLine);
        let cells: Vec<&str> = grid.rows().iter().map(|r| r[0].text()).collect();
        assert_eq!(
            cells[3..],
            [
                "产出指标(50分)",
                "受益农户收入(总收入)",
                "≥90%",
                // A weight that lost its opening bracket goes on its label.
                "效益指标30分)",
                // A header is never taken into a bracket.
                "就业(人",
                "指标值",
                ")",
                "≥10人"
            ]
        );
        // The same in paragraphs, and a bracket left open with nothing to close it.
        let text = "一级指标\n\n三级指标\n\n指标值\n\n产出指标(50\n\n分)\n\n场次(\n\n≥2场";
        let grid = super::grid(text).unwrap();
        assert_eq!(grid.layout(), Layout::Paragraph);
        let cells: Vec<&str> = grid.rows().iter().map(|r| r[0].text()).collect();
        assert_eq!(cells[3..], ["产出指标(50分)", "场次(", "≥2场"]);
    }

    #[test]
    fn a_pdf_cell_centred_in_its_row_starts_above_it() {
        // A PDF centres a cell's lines in its row: `贫困地区旅游景点` fills its column under
        // a cell whose last line (`设施建设工程`) did not, so it starts the cell of the row
        // below. A line that fills its column goes on below, digits and all (`标率100%`), and
        // a label's tail completes it (`服务对象满意度指` / `标`).
        let text = "一级指标          二级指标          三级指标          指标值\n\
                    产出指标          数量指标          贫困地区旅游基础  ≥20平方米\n\
                    \x20                                   设施建设工程\n\
                    \x20                                   贫困地区旅游景点\n\
                    \x20                 数量指标          开发数量          ≥4个\n\
                    \x20                 质量指标          *贫困地区旅游基   ≥98%\n\
                    \x20                                   础设施建设质量达\n\
                    \x20                                   标率100%\n\
                    满意度指标        服务对象满意度指  游客满意度        ≥90%\n\
                    \x20                 标";
        let grid = super::grid(text).unwrap();
        assert_eq!(
            texts(&grid)[1..],
            [
                vec![
                    "产出指标",
                    "数量指标",
                    "贫困地区旅游基础设施建设工程",
                    "≥20平方米"
                ],
                vec!["数量指标", "贫困地区旅游景点开发数量", "≥4个"],
                vec![
                    "质量指标",
                    "*贫困地区旅游基础设施建设质量达标率100%",
                    "≥98%"
                ],
                vec!["满意度指标", "服务对象满意度指标", "游客满意度", "≥90%"],
            ]
        );
    }

    #[test]
    fn spaced_cells_not_under_their_header_have_no_widths() {
        // Runs of spaces apart, but not laid out in the header's columns: no line is judged
        // by its width, and no line starts a row below it.
        let text = "一级指标  二级指标  三级指标  指标值\n数量指标  脱贫村村内道路硬化里程  ≥100公里\n\
                    脱贫户供水设施数量  ≥20座\n产出指标  质量指标  验收合格率  100%";
        let grid = super::grid(text).unwrap();
        assert_eq!(texts(&grid)[2], ["脱贫户供水设施数量", "≥20座"]);
        let lines: Vec<&str> = text.lines().collect();
        assert!(!super::Widths::of(&lines, 0, super::split_wide, super::Measure::Wide).known());
    }

    #[test]
    fn narrow_pdf_columns_one_space_apart_are_cells() {
        // pdftotext -layout leaves one space between cells in narrow columns, under header
        // words one space apart.
        let text = "一级指标     二级指标    三级指标                  分值 年度指标值       全年实际值 得分\n\
                    产出指标     数量指标    ★补助鱼塘面积             10 3亩              3亩        10";
        let grid = super::grid(text).unwrap();
        assert_eq!(
            texts(&grid),
            [
                vec![
                    "一级指标",
                    "二级指标",
                    "三级指标",
                    "分值",
                    "年度指标值",
                    "全年实际值",
                    "得分"
                ],
                vec![
                    "产出指标",
                    "数量指标",
                    "★补助鱼塘面积",
                    "10",
                    "3亩",
                    "3亩",
                    "10"
                ],
            ]
        );
        // After a number, one space parts cells wherever the page squeezed them, unless a
        // unit follows.
        assert_eq!(
            super::split_at_columns(
                "10 无  x",
                vec![(0, "10 无"), (8, "x")],
                &[0, 9],
                super::Measure::Wide
            ),
            [(0, "10"), (3, "无"), (8, "x")]
        );
        assert_eq!(
            super::split_at_columns("12 万元", vec![(0, "12 万元")], &[0], super::Measure::Wide),
            [(0, "12 万元")]
        );
        // A whole level label ends its cell; a label's first half does not.
        assert_eq!(
            super::split_at_columns(
                "数量指标 完成宣传片",
                vec![(0, "数量指标 完成宣传片")],
                &[0],
                super::Measure::Wide
            ),
            [(0, "数量指标"), (13, "完成宣传片")]
        );
        assert_eq!(
            super::split_at_columns(
                "经济效益 指标",
                vec![(0, "经济效益 指标")],
                &[0],
                super::Measure::Wide
            ),
            [(0, "经济效益 指标")]
        );
        // One space inside a cell that is not before a header cell's start stays.
        assert_eq!(
            super::split_at_columns(
                "ab cd  ef",
                vec![(0, "ab cd"), (7, "ef")],
                &[0, 7],
                super::Measure::Wide
            ),
            [(0, "ab cd"), (7, "ef")]
        );
        // Words one space apart that are not all headers are one header cell.
        assert_eq!(
            super::split_header("三级指标 说 明  分值", None)[0],
            (0, "三级指标 说 明")
        );
    }

    #[test]
    fn rows_a_pdf_printed_column_by_column_are_put_back() {
        // pdftotext prints the two rows under one centred label column by column: the
        // categories, then the names, then the targets, then the weights.
        let text = "一级指标 二级指标            三级指标           指标值    分值\n\
                    \x20      数量指标          学生受资助人数     735人次   10\n\
                    产出指标 质量指标\n\
                    \x20      时效指标\n\
                    \x20                        营养改善计划覆盖率\n\
                    \x20                        资金到位及时率\n\
                    \x20                                           100%\n\
                    \x20                                           ≥98%\n\
                    \x20                                                     10\n\
                    \x20                                                     5\n\
                    满意度指标 满意度指标       学生满意度         ≥95%      10";
        let grid = super::grid(text).unwrap();
        assert_eq!(
            texts(&grid)[1..],
            [
                vec!["数量指标", "学生受资助人数", "735人次", "10"],
                vec!["产出指标", "质量指标", "营养改善计划覆盖率", "100%", "10"],
                vec!["时效指标", "资金到位及时率", "≥98%", "5"],
                vec!["满意度指标", "满意度指标", "学生满意度", "≥95%", "10"],
            ]
        );
        // The cells keep the lines they were printed on.
        assert_eq!(grid.rows()[2][2].line(), 5);
    }

    #[test]
    fn a_header_wrapped_in_a_narrow_column_goes_on_below() {
        // `得` / `分`: a column two characters wide wraps its header after one.
        let text = "三级指标                      年初目标值(A)        得\n\
                    \x20                                                  分\n\
                    通过专家评审                  通过                 10";
        let grid = super::grid(text).unwrap();
        assert_eq!(
            texts(&grid),
            [
                vec!["三级指标", "年初目标值(A)", "得分"],
                vec!["通过专家评审", "通过", "10"],
            ]
        );
    }

    #[test]
    fn pdftotext_puts_a_wide_character_in_one_column() {
        // pdftotext -layout places every character in one column, CJK too: the cells stand
        // under the header by characters, not by display width.
        let narrow = "一级指标     二级指标    三级指标         指标值\n\
                      产出指标     数量指标    ★补助各类瓜果蔬     20亩\n\
                      \x20                菜种植面积\n\
                      \x20                其中桃树种植面积     1.5亩\n\
                      \x20                其中苹果树种植面     5亩\n\
                      \x20                积";
        let lines: Vec<&str> = narrow.lines().collect();
        assert_eq!(super::Measure::of_lines(&lines, 0), super::Measure::Narrow);
        let grid = super::grid(narrow).unwrap();
        assert_eq!(
            texts(&grid)[1..],
            [
                vec!["产出指标", "数量指标", "★补助各类瓜果蔬菜种植面积", "20亩"],
                vec!["其中桃树种植面积", "1.5亩"],
                vec!["其中苹果树种植面积", "5亩"],
            ]
        );
        // Laid out by display width, the same table measures wide.
        let wide = "一级指标  二级指标  三级指标  指标值\n产出指标  数量指标  场次      ≥2场";
        let lines: Vec<&str> = wide.lines().collect();
        assert_eq!(super::Measure::of_lines(&lines, 0), super::Measure::Wide);
    }

    #[test]
    fn header_words_wrapped_in_narrow_columns_are_cells() {
        // `分` and `得` are no header words, but `分值` and `得分` are, with their tails below;
        // each tail goes on its own cell, the nearer of two a character away.
        let text = "三级指标     实际完成值 分  得 偏差原因分析及改进措\n\
                    \x20              值 分 施\n\
                    项目数量     50    8  8\n\
                    项目质量     100%  8  8";
        let grid = super::grid(text).unwrap();
        assert_eq!(
            texts(&grid)[0],
            [
                "三级指标",
                "实际完成值",
                "分值",
                "得分",
                "偏差原因分析及改进措施"
            ]
        );
        assert_eq!(texts(&grid)[1], ["项目数量", "50", "8", "8"]);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(super::Measure::of_lines(&lines, 0), super::Measure::Narrow);
    }

    #[test]
    fn a_line_of_tails_and_a_label_cut_in_its_brackets() {
        // pdftotext -layout of a PDF whose labels are centred: `标` is the tail of
        // `达成预期指` above it (which holds the header word 预期, and is no header), and
        // `产出指标(50` beside it starts the label of the row below, closed by its `分)`.
        let text = "一级指标   二级指标     三级指标                   年度指标值       实际完成值 分  得 偏差原因分析及改进措\n\
                    \x20                                                        值 分 施\n\
                    \x20      数量指标     基建工程委托业务项目数量           ≥50个        50    8 8\n\
                    \x20               委托业务报告合格率              ≥100百分比     100   8 8\n\
                    \x20       质量指标    经费支出合规性                严格执行相关制度规定 达成预期指  8 8\n\
                    产出指标(50                                            标\n\
                    分)      时效指标   提交报告及时性                 在项目计划完成时间内完 达成预期指 8 8\n\
                    \x20                                      成           标\n\
                    \x20              项目总成本                   ≤90万元       90    8 8";
        let grid = super::grid(text).unwrap();
        let rows = texts(&grid);
        assert_eq!(
            rows[3],
            [
                "质量指标",
                "经费支出合规性",
                "严格执行相关制度规定",
                "达成预期指标",
                "8",
                "8"
            ]
        );
        assert_eq!(
            rows[4],
            [
                "产出指标(50分)",
                "时效指标",
                "提交报告及时性",
                "在项目计划完成时间内完成",
                "达成预期指标",
                "8",
                "8"
            ]
        );
    }

    #[test]
    fn a_header_note_wrapped_below_goes_on_its_header() {
        // `(A)` and `(B)` below `年初目标值` and `实际完成值` are the headers' notes.
        let text = "三级指标         年初目标值   实际完成值   分值\n\
                    \x20                (A)          (B)\n\
                    补助经费拨付率   100%         100%         20\n\
                    春节前完成慰问   按时限完成   100%         20";
        let grid = super::grid(text).unwrap();
        assert_eq!(
            texts(&grid)[0],
            ["三级指标", "年初目标值(A)", "实际完成值(B)", "分值"]
        );
        assert_eq!(texts(&grid).len(), 3);
    }

    #[test]
    fn trees_indent_by_level() {
        let text = "一级指标\n二级指标\n三级指标\n指标值\n产出指标\n  数量指标\n    场次\n      ≥2场\n    场地\n      1处\n效益指标\n  社会效益指标\n    就业\n      ≥10人";
        let grid = super::grid(text).unwrap();
        assert_eq!(grid.layout(), Layout::Tree);
        assert_eq!(
            texts(&grid)[1..],
            [
                vec!["产出指标", "数量指标", "场次", "≥2场"],
                vec!["", "", "场地", "1处"],
                vec!["效益指标", "社会效益指标", "就业", "≥10人"]
            ]
        );
    }

    #[test]
    fn no_header_no_grid() {
        assert!(super::grid("").is_none());
        assert!(super::grid("hello\nworld").is_none());
    }
}

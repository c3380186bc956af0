//! Indicators listed under headings instead of in a grid: the outline that notices and
//! letters print (`一、产出指标` / `（一）数量指标` / `培训人数≥300人；`), the same as
//! running prose (`数量指标:种植数量≥17600株;时效指标:完成及时率≥100%。`), and bracketed
//! pairs (`【产出指标-数量指标】` / `指标1:机柜数量(≥77台)`).
//!
//! Each heading names a tier or a category; each item under it is a name and its value.
//! The reader lays the items out as a grid of 一级指标 | 二级指标 | 三级指标 | 指标值, its
//! rows in their places, and the grid reader does the rest: the taxonomy, the values, the
//! facts in the text above. Text between the lists and after them is reported, not read.
//!
//! ```text
//! outline  = { line }
//! line     = segment { (';' | '；' | '。' | '|') segment }
//! segment  = { heading } [ items ]
//! heading  = [ marker ] label (':' | '：' | end | (',' | '，') after a label in 指标)
//!          | '【' label { '-' label } '】' [ ':' ]
//! items    = item { (',' | '，') item }        an item ends after its value
//! item     = name '(' value ')'               where the items print their values so
//!          | name operator value              (`≥`, `<`, `不低于` …, outside brackets)
//!          | name (',' | ':') value
//!          | name number-value
//!          | name
//! ```
//!
//! Every loop is over the text once, or over a segment's characters a bounded number of
//! times: a heading is at most [`LABEL_CHARS`] characters, and a segment's heading run stops
//! at its first non-heading.

use super::grid::vocab::{ends_grid, ends_with_word, fold};
use super::grid::{Cell, Grid, Rows};
use super::text::Columns;
use crate::taxonomy::resolve;
use crate::{Category, Kind, Layout, Target, Tier};

/// The longest label, in characters, read as a heading: `（一）社会公众或服务对象满意度指标`
/// is 19.
const LABEL_CHARS: usize = 24;

/// What the outline reader found: the grid of its items, and the text it did not read.
#[derive(Debug)]
pub(crate) struct Outline {
    /// The items as a grid, with the text above the first heading as rows above the header.
    pub(crate) grid: Grid,
    /// Text after the first list that is no heading and no item: its text, line and column.
    pub(crate) skipped: Vec<(String, usize, usize)>,
}

/// A level heading: its printed label (without the outline marker) and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Heading<'a> {
    label: &'a str,
    byte: usize,
    marker: Option<Marker>,
}

/// The tier or category in force: its label's cell and the marker its heading had.
#[derive(Debug, Clone)]
struct Level {
    cell: Cell,
    marker: Option<Marker>,
}

/// One item: its name and value, as byte ranges of its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Item {
    name: (usize, usize),
    value: Option<(usize, usize)>,
}

/// Reads a text as an outline; `None` where it has fewer than two level headings or fewer
/// than two items with values under them.
pub(crate) fn outline(text: &str) -> Option<Outline> {
    let lines: Vec<&str> = text.lines().collect();
    let parens = values_in_parens(&lines);
    let mut tier: Option<Level> = None;
    let mut category: Option<Level> = None;
    let mut above: Vec<Cell> = Vec::new();
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut skipped = Vec::new();
    let mut headings = 0usize;
    let mut valued = 0usize;
    // Whether items may follow: after a heading, until a line that is neither.
    let mut open = false;
    let mut first_heading: Option<(usize, usize)> = None;
    // The projects listed one after another: where each one's rows start, and the line that
    // names it, if any; a project starts where the tiers go back (`产出` after `满意度`).
    let mut projects: Vec<(usize, Option<Cell>)> = vec![(0, None)];
    let mut named: Option<Cell> = None;
    // Where in `skipped` the line in `named` is, and the lines so taken for names.
    let mut naming: Option<usize> = None;
    let mut names: Vec<usize> = Vec::new();
    let mut above_name: Option<Cell> = None;
    let mut rank: Option<u8> = None;
    for (n, line) in lines.iter().enumerate() {
        let line_no = n + 1;
        // Columns are counted on along the line, not from its start for each cell.
        let mut columns = Columns::new(line);
        let mut column = |byte: usize| columns.at(byte);
        let mut on_heading_line = false;
        let parts = segments(line);
        // Above the first heading a line is kept whole: a title, a label and its value.
        if first_heading.is_none() && parts.iter().all(|(_, p)| headings_of(p).0.is_empty()) {
            let text = line.trim();
            if !text.is_empty() {
                let at = line.len() - line.trim_start().len();
                let cell = Cell::new(text, line_no, column(at));
                if names_project(text) {
                    named = Some(cell.clone());
                }
                above.push(cell);
            }
            continue;
        }
        for (start, segment) in parts {
            let (heads, rest) = headings_of(segment);
            for head in &heads {
                let at = start + head.byte;
                let level = Level {
                    cell: Cell::new(head.label, line_no, column(at)),
                    marker: head.marker,
                };
                if first_heading.is_none() {
                    above_name = named.take();
                }
                first_heading.get_or_insert((line_no, column(at)));
                headings += 1;
                open = true;
                on_heading_line = true;
                if is_tier_heading(head, tier.as_ref(), category.as_ref()) {
                    let this = resolve::<Tier>(head.label).map(tier_rank);
                    let last_start = projects.last().map_or(0, |p| p.0);
                    if this < rank && rows.len() > last_start {
                        let name = named.take();
                        // The line that names the project is read, not skipped.
                        if name.is_some() {
                            names.extend(naming.take());
                        }
                        projects.push((rows.len(), name));
                    }
                    rank = this;
                    tier = Some(level);
                    category = None;
                } else {
                    category = Some(level);
                }
            }
            let rest_at = start + (segment.len() - rest.len());
            let rest_trimmed = rest.trim_start();
            let rest_at = rest_at + (rest.len() - rest_trimmed.len());
            let rest = rest_trimmed.trim_end();
            if rest.is_empty() {
                continue;
            }
            if first_heading.is_none() {
                if names_project(rest) {
                    named = Some(Cell::new(rest, line_no, column(rest_at)));
                }
                above.push(Cell::new(rest, line_no, column(rest_at)));
                continue;
            }
            let found = items(rest, parens);
            let any_value = found.iter().any(|i| i.value.is_some());
            // A line of words with no value, after the lists, is text between them; so are a
            // note, an attachment or a signature (what ends a grid), and a row of cells
            // (`| 场次 | ≥2场 |`), a grid's that no header names.
            if !open
                || (!any_value && !on_heading_line)
                || ends_grid(rest, &fold(rest))
                || rest.contains('|')
            {
                open = false;
                if names_project(rest) {
                    named = Some(Cell::new(rest, line_no, column(rest_at)));
                    naming = Some(skipped.len());
                }
                skipped.push((rest.to_owned(), line_no, column(rest_at)));
                continue;
            }
            for item in found {
                let text_of = |(a, b): (usize, usize)| rest.get(a..b).unwrap_or_default();
                let name = text_of(item.name);
                let level = |l: &Option<Level>| {
                    l.as_ref()
                        .map_or_else(|| Cell::new("", line_no, 1), |l| l.cell.clone())
                };
                let mut row = vec![
                    level(&tier),
                    level(&category),
                    Cell::new(name, line_no, column(rest_at + item.name.0)),
                ];
                match item.value {
                    Some(range) => {
                        valued += 1;
                        row.push(Cell::new(
                            text_of(range),
                            line_no,
                            column(rest_at + range.0),
                        ));
                    }
                    None => row.push(Cell::new("", line_no, column(rest_at + item.name.1))),
                }
                rows.push(row);
            }
        }
    }
    if headings < 2 || valued < 2 {
        return None;
    }
    let (line, column) = first_heading?;
    let mut grid = Grid::new(Layout::Outline, Rows::Positional);
    for cell in above {
        grid.push_row(vec![cell]);
    }
    let header = ["一级指标", "二级指标", "三级指标", "指标值"].map(|w| Cell::new(w, line, column));
    if projects.len() < 2 {
        grid.push_row(header.to_vec());
        for row in rows {
            grid.push_row(row);
        }
        return Some(Outline { grid, skipped });
    }
    let mut taken = names.into_iter().peekable();
    let skipped = skipped
        .into_iter()
        .enumerate()
        .filter(|(i, _)| taken.next_if_eq(i).is_none())
        .map(|(_, s)| s)
        .collect();
    // Several projects: a 项目名称 column names each on its first row, as a merged cell.
    // The first project's name is the line above the lists that names one.
    if let Some(first) = projects.first_mut() {
        first.1 = above_name;
    }
    let mut with_project = vec![Cell::new("项目名称", line, column)];
    with_project.extend(header);
    grid.push_row(with_project);
    let mut starts = projects.into_iter().peekable();
    for (at, mut row) in rows.into_iter().enumerate() {
        let name = match starts.next_if(|(start, _)| *start == at) {
            Some((_, Some(cell))) => cell,
            _ => Cell::new("", row.first().map_or(1, Cell::line), 1),
        };
        row.insert(0, name);
        grid.push_row(row);
    }
    Some(Outline { grid, skipped })
}

/// Where a tier stands in a target table's order: 产出, 成本 (the 2021 template's), 效益,
/// 满意度, then an evaluation's.
fn tier_rank(tier: Tier) -> u8 {
    match tier {
        Tier::Output => 1,
        Tier::Cost => 2,
        Tier::Benefit => 3,
        Tier::Satisfaction => 4,
        Tier::Decision => 5,
        Tier::Process => 6,
    }
}

/// Whether a line of text between lists may name the project the next list is of
/// (`执法办案费`, `雪亮工程2024至2027服务采购项目`): words of 2 to 60 characters, most of
/// them Chinese, with no punctuation of a sentence or a label and no bracketed heading.
fn names_project(text: &str) -> bool {
    let chars = text.chars().count();
    let han = text.chars().filter(|&c| crate::taxonomy::is_han(c)).count();
    (2..=60).contains(&chars)
        && han * 2 > chars
        && !text.contains([':', '：', ',', '，', '。', ';', '；', '、', '【', '|'])
}

/// Whether a heading is a tier's rather than a category's. Its marker decides where it is
/// the tier's or the category's in force (`二、成本指标` after `一、产出指标` is a tier);
/// else a label that names a tier is one, unless it names a category of the tier in force
/// (`成本指标` under 产出 is category 14; after 效益, `满意度指标` is the tier) or a category
/// where categories are listed with no tier over them.
fn is_tier_heading(head: &Heading<'_>, tier: Option<&Level>, category: Option<&Level>) -> bool {
    if resolve::<Tier>(head.label).is_none() {
        return false;
    }
    if let Some(marker) = head.marker {
        if tier.is_some_and(|t| t.marker == Some(marker)) {
            return true;
        }
        if category.is_some_and(|c| c.marker == Some(marker)) {
            return false;
        }
    }
    let current = tier.and_then(|t| resolve::<Tier>(t.cell.text()));
    match (resolve::<Category>(head.label), current) {
        (None, _) => true,
        (Some(c), Some(current)) => c.tier() != current,
        // Categories listed with no tier over them: one more category.
        (Some(_), None) => category.is_none(),
    }
}

// segment = the text between `;`, `；`, `。` and a table's `|` outside brackets.
/// The segments of a line and the byte offset each starts at.
fn segments(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0usize;
    for (i, c) in line.char_indices() {
        match c {
            '(' | '（' | '【' | '[' | '〔' => depth += 1,
            ')' | '）' | '】' | ']' | '〕' => depth = depth.saturating_sub(1),
            // A table's cell ends a segment too: a tier's label in a cell of its own and
            // its items in the next (`年度绩效总目标 | 产出指标 | 开展文物安全巡查频次8次;…`).
            ';' | '；' | '。' | '|' if depth == 0 => {
                out.push((start, &line[start..i]));
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push((start, &line[start..]));
    out
}

/// The kind of an outline marker: what tells an outline's levels apart where a label could
/// be either (`成本指标` is a tier in the 2021 template and a category under 产出).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    /// `(一)`, `（1）`.
    Bracketed,
    /// `一、`, `1.`.
    Numbered,
    /// `①`.
    Circled,
}

// marker = '(' numeral ')' | '（' numeral '）' | numeral ('、' | '.' | '．') | circled digit
/// A segment without its outline marker and the spaces after it, and the marker's kind.
fn strip_marker(text: &str) -> (&str, Option<Marker>) {
    let is_numeral = |c: char| "一二三四五六七八九十".contains(c) || c.is_ascii_digit();
    let text = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    let mut chars = text.char_indices();
    let stripped = match chars.next() {
        Some((_, '(' | '（')) => chars
            .by_ref()
            .take(4)
            .find(|&(_, c)| !is_numeral(c))
            .filter(|&(i, c)| i > 1 && (c == ')' || c == '）'))
            // `(一)、产出指标`: a mark after the bracket is the marker's too.
            .map(|(i, c)| {
                let rest = &text[i + c.len_utf8()..];
                (
                    rest.strip_prefix(['、', '.', '．']).unwrap_or(rest),
                    Marker::Bracketed,
                )
            }),
        Some((_, c)) if ('\u{2460}'..='\u{2473}').contains(&c) => {
            Some((&text[c.len_utf8()..], Marker::Circled))
        }
        Some((_, c)) if is_numeral(c) => chars
            .find(|&(_, c)| !is_numeral(c))
            .filter(|&(i, c)| {
                c == '、'
                    || (c == '.' || c == '．')
                        && !text[i + c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit())
            })
            .map(|(i, c)| (&text[i + c.len_utf8()..], Marker::Numbered)),
        _ => None,
    };
    let (rest, marker) = stripped.map_or((text, None), |(rest, m)| (rest, Some(m)));
    (
        rest.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{3000}'),
        marker,
    )
}

/// Whether a label names a level of a target table: a tier of 产出, 效益, 满意度 or 成本, or
/// a category under one. An evaluation's levels (决策, 过程, `绩效目标`) head sections of
/// notices too often to be read as headings.
fn names_level(label: &str) -> bool {
    let label = label.trim();
    let targeted = |tier: Tier| {
        matches!(
            tier,
            Tier::Output | Tier::Benefit | Tier::Satisfaction | Tier::Cost
        )
    };
    !label.is_empty()
        && label.chars().count() <= LABEL_CHARS
        && (resolve::<Tier>(label).is_some_and(targeted)
            || resolve::<Category>(label).is_some_and(|c| targeted(c.tier())))
}

// heading = [ marker ] label (':' | '：' | end | ',' after a label in 指标)
//         | '【' label { '-' label } '】' [ ':' ]
/// The headings at the start of a segment and the rest of it.
fn headings_of(segment: &str) -> (Vec<Heading<'_>>, &str) {
    let mut heads = Vec::new();
    let mut rest = segment;
    loop {
        let (text, marker) = strip_marker(rest);
        let offset = segment.len() - text.len();
        if let Some(inner) = text.strip_prefix('【').or_else(|| text.strip_prefix('['))
            && let Some(close) = inner.find(['】', ']'])
        {
            let body = &inner[..close];
            let parts = bracket_parts(body);
            if !parts.iter().all(|&(a, b)| names_level(&body[a..b])) {
                break;
            }
            let body_at = offset + (text.len() - inner.len());
            for (a, b) in parts {
                let part = &body[a..b];
                let lead = part.len() - part.trim_start().len();
                heads.push(Heading {
                    label: part.trim(),
                    byte: body_at + a + lead,
                    marker: None,
                });
            }
            let after = &inner[close..];
            let after = after
                .strip_prefix('】')
                .or_else(|| after.strip_prefix(']'))
                .unwrap_or(after);
            rest = after
                .trim_start()
                .trim_start_matches([':', '：'])
                .trim_start();
            continue;
        }
        let end = text.find([':', '：', ',', '，']);
        let (label, delimiter, after) = match end {
            Some(i) => {
                let d = text[i..].chars().next().unwrap_or(':');
                (&text[..i], d, &text[i + d.len_utf8()..])
            }
            None => (text, ':', ""),
        };
        let mut label = label.trim();
        let mut after = after;
        let comma = delimiter == ',' || delimiter == '，';
        let in_words = |label: &str| ends_with_word(label, "指标") || ends_with_word(label, "目标");
        if !names_level(label) || comma && !in_words(label) {
            // A label in 指标 may end at a space before its item (`数量指标 培训人数≥300人`),
            // not before its weight (`产出指标 (50分)`).
            let spaced = text
                .trim_start()
                .split_once([' ', '\u{3000}', '\t'])
                .filter(|(words, rest)| {
                    let rest = rest.trim_start();
                    in_words(words)
                        && names_level(words)
                        && !rest.is_empty()
                        && !rest.starts_with(['(', '（'])
                });
            match spaced {
                Some((words, rest)) => (label, after) = (words, rest),
                None => break,
            }
        }
        let lead = text.len() - text.trim_start().len();
        heads.push(Heading {
            label,
            byte: offset + lead,
            marker,
        });
        rest = after;
        if rest.trim().is_empty() {
            rest = "";
            break;
        }
    }
    (heads, rest)
}

/// The parts of a bracketed heading's inside, apart by `-`, `—`, `－`, `/` or `、`: their
/// byte ranges.
fn bracket_parts(body: &str) -> Vec<(usize, usize)> {
    let mut parts = Vec::new();
    let mut start = 0usize;
    for (i, c) in body.char_indices() {
        if matches!(c, '-' | '—' | '－' | '/' | '、') {
            parts.push((start, i));
            start = i + c.len_utf8();
        }
    }
    parts.push((start, body.len()));
    parts
}

/// Whether the items of a text print their values in brackets after their names
/// (`指标1:机柜数量(≥77台)`): most lines that end in a bracket do, with a value inside.
fn values_in_parens(lines: &[&str]) -> bool {
    let mut bracketed = 0usize;
    let mut valued = 0usize;
    for line in lines {
        let line = line.trim().trim_end_matches([';', '；', '。', ',', '，']);
        if let Some((_, inner)) = final_group(line) {
            bracketed += 1;
            if operator_at(inner).is_some_and(|at| at == 0) {
                valued += 1;
            }
        }
    }
    valued >= 2 && valued * 2 >= bracketed
}

/// A text's final bracketed group: the byte where it opens and its inside.
fn final_group(text: &str) -> Option<(usize, &str)> {
    let close = text
        .chars()
        .next_back()
        .filter(|&c| c == ')' || c == '）')?;
    let body = &text[..text.len() - close.len_utf8()];
    let mut depth = 0usize;
    for (i, c) in body.char_indices().rev() {
        match c {
            ')' | '）' => depth += 1,
            '(' | '（' if depth == 0 => return (i > 0).then(|| (i, &body[i + c.len_utf8()..])),
            '(' | '（' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// The comparison words that begin a value wherever they stand.
const OPERATOR_WORDS: [&str; 7] = [
    "不低于",
    "不少于",
    "不高于",
    "不超过",
    "不多于",
    "不大于",
    "不小于",
];

/// The comparison words that begin a value where a number or a baseline follows them
/// (`达到95%以上`, `高于上年`): in other words they may be a name's (`达标率`, `超过部分`).
const BARE_OPERATOR_WORDS: [&str; 8] = [
    "达到", "大于", "小于", "高于", "低于", "超过", "少于", "多于",
];

/// Whether a bare comparison word at the start of a text begins a value.
fn bare_operator(text: &str) -> bool {
    BARE_OPERATOR_WORDS.iter().any(|w| {
        text.strip_prefix(w).is_some_and(|rest| {
            rest.starts_with(|c: char| c.is_ascii_digit() || "≥≤等".contains(c))
                || ["上年", "去年", "同期", "往年"]
                    .iter()
                    .any(|b| rest.starts_with(b))
        })
    })
}

// operator = '≥' | '≤' | '≧' | '≦' | '>' | '<' | '=' | '＞' | '＜' | '＝' | operator word
/// The byte where the first operator outside brackets begins, if any.
fn operator_at(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '（' | '【' | '[' => depth += 1,
            ')' | '）' | '】' | ']' => depth = depth.saturating_sub(1),
            '≥' | '≤' | '≧' | '≦' | '>' | '<' | '=' | '＞' | '＜' | '＝' if depth == 0 =>
            {
                return Some(i);
            }
            '不' if depth == 0 && OPERATOR_WORDS.iter().any(|w| text[i..].starts_with(w)) => {
                return Some(i);
            }
            '达' | '大' | '小' | '高' | '低' | '超' | '少' | '多'
                if depth == 0 && bare_operator(&text[i..]) =>
            {
                return Some(i);
            }
            _ => {}
        }
    }
    None
}

// items = item { (',' | '，') item }, an item ending after its value
/// The items of a segment's text: a comma after a value, before more text with a value,
/// starts the next item; any other comma stays in its item.
fn items(text: &str, parens: bool) -> Vec<Item> {
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut start = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '（' | '【' | '[' => depth += 1,
            ')' | '）' | '】' | ']' => depth = depth.saturating_sub(1),
            ',' | '，' if depth == 0 => {
                pieces.push((start, i));
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    pieces.push((start, text.len()));
    // A piece holds a value where a comparator starts one, or where it ends with a number
    // that reads as one (`困难学生1606人次`, then `资助金额160.77万元`).
    let valued = |(a, b): (usize, usize)| {
        text.get(a..b)
            .is_some_and(|p| operator_at(p).is_some() || number_value_at(p.trim()).is_some())
    };
    // Each group, and whether it holds a value yet: each piece is looked at once.
    let mut groups: Vec<((usize, usize), bool)> = Vec::new();
    for piece in pieces {
        let has_value = valued(piece);
        match groups.last_mut() {
            Some((last, last_valued)) if !(*last_valued && has_value) => {
                last.1 = piece.1;
                *last_valued |= has_value;
            }
            _ => groups.push((piece, has_value)),
        }
    }
    groups
        .into_iter()
        .filter_map(|((a, b), _)| {
            let raw = text.get(a..b)?;
            let lead = raw.len() - raw.trim_start().len();
            let trimmed = raw.trim();
            (!trimmed.is_empty()).then(|| {
                let item = item(trimmed, parens);
                let shift = |(x, y): (usize, usize)| (a + lead + x, a + lead + y);
                Item {
                    name: shift(item.name),
                    value: item.value.map(shift),
                }
            })
        })
        .collect()
}

// item = name '(' value ')' | name operator value | name (',' | ':') value
//      | name number-value | name
/// An item's name and value, as byte ranges of its text.
fn item(text: &str, parens: bool) -> Item {
    let whole = Item {
        name: (0, text.len()),
        value: None,
    };
    let split = |at: usize, value_at: usize| {
        // A name's colon or comma before its comparator is no part of it (`合格率：≥95%`).
        let name = text[..at]
            .trim_end()
            .trim_end_matches([',', '，', ':', '：'])
            .trim_end();
        let value = text[value_at..].trim();
        if name.is_empty() || value.is_empty() {
            return whole;
        }
        let value_start = value_at + (text[value_at..].len() - text[value_at..].trim_start().len());
        Item {
            name: (0, name.len()),
            value: Some((value_start, value_start + value.len())),
        }
    };
    if parens && let Some((open, inner)) = final_group(text) {
        let close = text.len() - text.chars().next_back().map_or(0, char::len_utf8);
        let inner_at = close - inner.len();
        let name = text[..open].trim_end();
        if !name.is_empty() && !inner.trim().is_empty() {
            return Item {
                name: (0, name.len()),
                value: Some((inner_at, close)),
            };
        }
    }
    if let Some(at) = operator_at(text).filter(|&at| at > 0) {
        return split(at, at);
    }
    if let Some((at, c)) = last_separator(text) {
        return split(at, at + c.len_utf8());
    }
    if let Some(at) = number_value_at(text) {
        return split(at, at);
    }
    whole
}

/// The last `,` `，` `:` or `：` outside brackets.
fn last_separator(text: &str) -> Option<(usize, char)> {
    let mut depth = 0usize;
    let mut last = None;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '（' | '【' | '[' => depth += 1,
            ')' | '）' | '】' | ']' => depth = depth.saturating_sub(1),
            ',' | '，' | ':' | '：' if depth == 0 => last = Some((i, c)),
            _ => {}
        }
    }
    last
}

/// Where a number that is the rest of the text as a value begins (`培训人数300人`): the
/// first digit run after a name of two characters or more from which the rest reads as a
/// quantity with no subject. At most [`NUMBER_STARTS`] starts are tried.
fn number_value_at(text: &str) -> Option<usize> {
    let mut previous: Option<char> = None;
    let mut tried = 0usize;
    for (i, c) in text.char_indices() {
        let starts = c.is_ascii_digit()
            && !previous.is_some_and(|p| p.is_ascii_digit() || p == '.' || p == '-' || p == '~');
        previous = Some(c);
        if !starts || text[..i].chars().count() < 2 {
            continue;
        }
        tried += 1;
        if tried > NUMBER_STARTS {
            return None;
        }
        let target = Target::lenient(&text[i..]);
        if matches!(target.kind(), Kind::Compare | Kind::Range) && target.subject().is_none() {
            return Some(i);
        }
    }
    None
}

/// How many digit runs [`number_value_at`] tries, each a parse of the rest of its text.
const NUMBER_STARTS: usize = 4;

#[cfg(test)]
mod tests {
    use super::*;

    /// The texts of an item's name and value.
    #[track_caller]
    fn split(text: &str, parens: bool) -> (&str, Option<&str>) {
        let found = item(text, parens);
        (
            &text[found.name.0..found.name.1],
            found.value.map(|(a, b)| &text[a..b]),
        )
    }

    #[test]
    fn segments_end_at_semicolons_and_full_stops_outside_brackets() {
        let first = "数量指标:种植数量≥10株";
        let second = "成活率(≥85%；估)≥85";
        let line = format!("{first};{second}。");
        assert_eq!(
            segments(&line),
            vec![(0, first), (first.len() + 1, second), (line.len(), "")]
        );
    }

    #[test]
    fn items_with_numbers_for_values_split_at_commas() {
        let text = "全年资助困难学生1606人次,资助金额160.77万元";
        let found = items(text, false);
        let pairs: Vec<_> = found
            .iter()
            .map(|i| (&text[i.name.0..i.name.1], i.value.map(|(a, b)| &text[a..b])))
            .collect();
        assert_eq!(
            pairs,
            [
                ("全年资助困难学生", Some("1606人次")),
                ("资助金额", Some("160.77万元"))
            ]
        );
        // Pinyin after characters (a mirror site's) is no bracketed value.
        let text = "（一）、產(chǎn)出指標(biāo)\n1、數量指標:資助學(xué)生1606人次,資助金額160.77萬元。\n\
                    2、質量指標:資助標(biāo)準(zhǔn)100%達標(biāo)。\n";
        let doc: crate::Document = text.parse().unwrap();
        let rows: Vec<_> = doc
            .indicators()
            .map(|i| (i.tier_label.as_deref(), i.name.as_str(), i.annual.raw()))
            .collect();
        assert_eq!(
            rows,
            [
                (Some("產出指標"), "資助學生", "1606人次"),
                (Some("產出指標"), "資助金額", "160.77萬元"),
                (Some("產出指標"), "資助標準", "100%達標")
            ]
        );
    }

    #[test]
    fn a_tier_in_a_cell_lists_its_items_in_the_next() {
        let line = "年度绩效总目标 | 产出指标 | 巡查频次8次;培训次数2次。 |";
        assert_eq!(
            segments(line),
            vec![
                (0, "年度绩效总目标 "),
                ("年度绩效总目标 |".len(), " 产出指标 "),
                ("年度绩效总目标 | 产出指标 |".len(), " 巡查频次8次"),
                (
                    "年度绩效总目标 | 产出指标 | 巡查频次8次;".len(),
                    "培训次数2次"
                ),
                (
                    "年度绩效总目标 | 产出指标 | 巡查频次8次;培训次数2次。".len(),
                    " "
                ),
                (line.len(), ""),
            ]
        );
        let text = "项目名称 | 文物保护经费 |\n\
                    年度绩效总目标 | 产出指标 | 开展巡查频次8次;编制宣传资料数量3个。 |\n\
                    效益指标 | 宣传覆盖人次≥20万人次。 |\n";
        let doc: crate::Document = text.parse().unwrap();
        let rows: Vec<_> = doc
            .indicators()
            .map(|i| (i.tier.map(Tier::name), i.name.as_str(), i.annual.raw()))
            .collect();
        assert_eq!(
            rows,
            [
                (Some("产出指标"), "开展巡查频次", "8次"),
                (Some("产出指标"), "编制宣传资料数量", "3个"),
                (Some("效益指标"), "宣传覆盖人次", "≥20万人次"),
            ]
        );
    }

    #[test]
    fn markers_are_cut_with_their_kind() {
        let cases = [
            ("一、 产出指标", ("产出指标", Some(Marker::Numbered))),
            ("（一）数量指标", ("数量指标", Some(Marker::Bracketed))),
            ("(12)时效", ("时效", Some(Marker::Bracketed))),
            ("(一)、产出指标", ("产出指标", Some(Marker::Bracketed))),
            ("①质量指标", ("质量指标", Some(Marker::Circled))),
            ("2.成本指标", ("成本指标", Some(Marker::Numbered))),
            // A number is no marker.
            ("3.5小时", ("3.5小时", None)),
            ("(≥**株)", ("(≥**株)", None)),
            ("()", ("()", None)),
        ];
        for (text, cut) in cases {
            assert_eq!(strip_marker(text), cut, "{text}");
        }
    }

    #[test]
    fn headings_name_levels_before_the_rest_of_a_segment() {
        let (heads, rest) = headings_of("效益指标:经济效益指标:产值≥80万元");
        let labels: Vec<&str> = heads.iter().map(|h| h.label).collect();
        assert_eq!(
            (labels, rest),
            (vec!["效益指标", "经济效益指标"], "产值≥80万元")
        );
        assert_eq!(heads[1].byte, "效益指标:".len());
        // A label in 指标 may end at a comma; a bare one may not.
        let (heads, rest) = headings_of("可持续影响指标,持续发展");
        assert_eq!((heads.len(), rest), (1, "持续发展"));
        let (heads, rest) = headings_of("服务对象满意度,95%");
        assert_eq!((heads.len(), rest), (0, "服务对象满意度,95%"));
        // A label in 指标 may end at a space, but not before its weight, and a bare one not.
        let (heads, rest) = headings_of("数量指标 培训人数≥300人");
        assert_eq!((heads[0].label, rest), ("数量指标", "培训人数≥300人"));
        let (heads, rest) = headings_of("产出指标 (50分)");
        assert_eq!((heads[0].label, rest), ("产出指标 (50分)", ""));
        assert!(headings_of("满意度 95%").0.is_empty());
        // A heading alone on its line, with its marker.
        let (heads, rest) = headings_of("(二)质量指标");
        assert_eq!(
            (heads[0].label, heads[0].marker, rest),
            ("质量指标", Some(Marker::Bracketed), "")
        );
        // Bracketed pairs, and brackets that name no level.
        let (heads, rest) = headings_of("【产出指标-数量指标】");
        let labels: Vec<&str> = heads.iter().map(|h| h.label).collect();
        assert_eq!((labels, rest), (vec!["产出指标", "数量指标"], ""));
        assert_eq!(heads[1].byte, "【产出指标-".len());
        assert!(headings_of("【总体目标】").0.is_empty());
        // An evaluation's level heads no list.
        assert!(headings_of("绩效目标").0.is_empty());
        // A name is no heading.
        assert_eq!(headings_of("参训学员满意度≥95%").1, "参训学员满意度≥95%");
    }

    #[test]
    fn a_heading_s_marker_tells_a_tier_from_a_category() {
        let cell = |t: &str| Cell::new(t, 1, 1);
        let level = |t: &str, marker| Level {
            cell: cell(t),
            marker,
        };
        let head = |label, marker| Heading {
            label,
            byte: 0,
            marker,
        };
        let output = level("产出指标", Some(Marker::Numbered));
        let quantity = level("数量指标", Some(Marker::Bracketed));
        // `二、成本指标` after `一、产出指标` is the 2021 template's tier.
        assert!(is_tier_heading(
            &head("成本指标", Some(Marker::Numbered)),
            Some(&output),
            Some(&quantity)
        ));
        // `（四）成本指标` is category 14, and so is an unmarked one under 产出.
        assert!(!is_tier_heading(
            &head("成本指标", Some(Marker::Bracketed)),
            Some(&output),
            Some(&quantity)
        ));
        assert!(!is_tier_heading(
            &head("成本指标", None),
            Some(&output),
            None
        ));
        // After 效益, 满意度指标 is a tier; categories listed alone stay categories.
        let benefit = level("效益指标", None);
        assert!(is_tier_heading(
            &head("满意度指标", None),
            Some(&benefit),
            None
        ));
        assert!(!is_tier_heading(
            &head("成本指标", None),
            None,
            Some(&quantity)
        ));
        assert!(!is_tier_heading(
            &head("数量指标", None),
            Some(&output),
            None
        ));
    }

    #[test]
    fn values_in_brackets_are_the_items_when_most_lines_print_them() {
        let lines = [
            "指标1:机柜数量(≥77台)",
            "指标1:维护及时性(<24小时)",
            "指标1:服务(有力保障)",
        ];
        assert!(values_in_parens(&lines));
        // A unit in brackets after a name is no value.
        assert!(!values_in_parens(&[
            "满意度(%)",
            "培训人数(人次)",
            "场次(≥2场)"
        ]));
        assert_eq!(
            final_group("机柜数量(≥77台)"),
            Some(("机柜数量".len(), "≥77台"))
        );
        assert_eq!(final_group("(≥77台)"), None);
        assert_eq!(final_group("数量(a(b))"), Some(("数量".len(), "a(b)")));
        assert_eq!(final_group("数量"), None);
    }

    #[test]
    fn operators_outside_brackets_begin_values() {
        assert_eq!(operator_at("成活率(≥**%)>=85"), Some("成活率(≥**%)".len()));
        assert_eq!(operator_at("覆盖率不低于90%"), Some("覆盖率".len()));
        assert_eq!(operator_at("完成时限,2025年"), None);
        assert_eq!(operator_at("合格率达到95%以上"), Some("合格率".len()));
        assert_eq!(operator_at("收入高于上年"), Some("收入".len()));
        assert_eq!(operator_at("达标率"), None);
        assert_eq!(operator_at("超过部分处置率"), None);
        assert_eq!(operator_at("不良率"), None);
    }

    #[test]
    fn items_split_where_a_value_ends_and_another_begins() {
        let text = "产值(≥**万元)≥80万元,增加收入≥80万元";
        let found = items(text, false);
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[1].name.0..found[1].name.1], "增加收入");
        assert_eq!(found[1].value.map(|(a, b)| &text[a..b]), Some("≥80万元"));
        // A comma before the value stays in the name.
        let text = "★种植数量,黄金蜜种植数量(≥**株)>=17600株";
        let found = items(text, false);
        assert_eq!(found.len(), 1);
        assert_eq!(
            &text[found[0].name.0..found[0].name.1],
            "★种植数量,黄金蜜种植数量(≥**株)"
        );
    }

    #[test]
    fn an_item_is_a_name_and_a_value() {
        assert_eq!(
            split("参训学员满意度≥95%", false),
            ("参训学员满意度", Some("≥95%"))
        );
        assert_eq!(
            split("完成时限,2025年10月底前", false),
            ("完成时限", Some("2025年10月底前"))
        );
        assert_eq!(
            split("农民综合素质:持续提高", false),
            ("农民综合素质", Some("持续提高"))
        );
        assert_eq!(split("培训人数300人", false), ("培训人数", Some("300人")));
        assert_eq!(split("合格率：≥95%", false), ("合格率", Some("≥95%")));
        assert_eq!(
            split("指标1:机柜数量(≥77台)", true),
            ("指标1:机柜数量", Some("≥77台"))
        );
        // Without values in brackets, the bracket stays in the name.
        assert_eq!(
            split("设施人员(县内培训)≧300人", false),
            ("设施人员(县内培训)", Some("≧300人"))
        );
        assert_eq!(split("生态修复功能提高", false), ("生态修复功能提高", None));
        assert_eq!(split("≥95%", false), ("≥95%", None));
    }

    #[test]
    fn a_number_value_is_the_rest_of_the_text_from_a_digit() {
        assert_eq!(
            number_value_at("0-6岁儿童管理数2089人"),
            Some("0-6岁儿童管理数".len())
        );
        assert_eq!(number_value_at("2024年度工作"), None);
        assert_eq!(number_value_at("人数"), None);
    }

    #[test]
    fn an_outline_is_a_grid_of_its_items() {
        let text = "关于项目绩效目标的公示\n一、产出指标\n(一)数量指标\n培训人数≥300人;\n\
                    (二)时效指标\n完成时限,2025年10月底前;\n二、满意度指标\n学员满意度≥95%。\n\
                    附件:绩效目标表\n";
        let found = outline(text).unwrap();
        let rows: Vec<Vec<&str>> = found
            .grid
            .rows()
            .iter()
            .map(|r| r.iter().map(Cell::text).collect())
            .collect();
        assert_eq!(
            rows,
            vec![
                vec!["关于项目绩效目标的公示"],
                vec!["一级指标", "二级指标", "三级指标", "指标值"],
                vec!["产出指标", "数量指标", "培训人数", "≥300人"],
                vec!["产出指标", "时效指标", "完成时限", "2025年10月底前"],
                vec!["满意度指标", "", "学员满意度", "≥95%"],
            ]
        );
        assert_eq!(found.grid.rows()[2][3].column(), 5);
        assert_eq!(found.skipped, vec![("附件:绩效目标表".to_owned(), 9, 1)]);
        assert_eq!(found.grid.layout(), Layout::Outline);
        // One heading, or no values: no outline.
        assert!(outline("一、产出指标\n培训人数≥300人\n场次≥2场").is_none());
        assert!(outline("一、产出指标\n二、效益指标\n培训").is_none());
        // Rows of cells are a grid's, not items.
        assert!(
            outline("产出指标 | 数量指标 | 场次 | ≥2场\n产出指标 | 质量指标 | 合格率 | ≥9%")
                .is_none()
        );
    }

    #[test]
    fn lists_of_several_projects_are_apart_where_the_tiers_go_back() {
        let text = "机房租赁服务采购项目\n【产出指标-数量指标】\n指标1:机柜数量(≥77台)\n\
                    【满意度指标-服务对象满意度指标】\n指标1:满意度(≥90%)\n本级项目\n执法办案费\n\
                    100000\n【产出指标-数量指标】\n指标1:办案数量(≥50件)\n\
                    【产出指标-质量指标】\n指标1:结案率(≥95%)\n";
        let found = outline(text).unwrap();
        let rows: Vec<Vec<&str>> = found
            .grid
            .rows()
            .iter()
            .map(|r| r.iter().map(Cell::text).collect())
            .collect();
        assert_eq!(rows[0], vec!["机房租赁服务采购项目"]);
        assert_eq!(rows[1][0], "项目名称");
        let names: Vec<&str> = rows[2..].iter().map(|r| r[0]).collect();
        assert_eq!(names, vec!["机房租赁服务采购项目", "", "执法办案费", ""]);
        // The line that names the second project is read; the others are reported.
        let skipped: Vec<&str> = found.skipped.iter().map(|s| s.0.as_str()).collect();
        assert_eq!(skipped, vec!["本级项目", "100000"]);
        // A tier repeated in each bracket starts no project.
        let one =
            "【产出指标-数量指标】\n指标1:机柜(≥7台)\n【产出指标-质量指标】\n指标1:合格率(≥9%)\n";
        assert_eq!(outline(one).unwrap().grid.rows()[0].len(), 4);
        assert!(names_project("执法办案费") && names_project("雪亮工程2024至2027服务采购项目"));
        assert!(
            !names_project("100000")
                && !names_project("【总体目标】")
                && !names_project("保障运转,发挥作用")
        );
    }
}

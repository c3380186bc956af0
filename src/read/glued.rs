//! Glued text: a table whose cells run together with no separator, as Word, PDF and OCR text
//! give it (`产出指标数量指标维修面积≥400平方米`, `安装坡面水标尺10≥266米≥266米10`).
//!
//! Each line is cut into cells by what can be told apart without separators: the words of
//! headers and labels (一级指标, 产出指标(50分), 项目名称 …) by a dictionary, values (`≥90%`,
//! `550万粒`, `2023年12月31日`) where they begin with a comparator or a digit and end where a
//! value, a word or the line ends; text between them is a cell of its own. A number glued to
//! the value after it is taken apart where the value repeats (`8550万粒550万粒` is `8`,
//! `550万粒`, `550万粒`, as a weight, a target and the same actual). Row breaks are lost as far
//! as the reader knows: the cells go to the grid reader one after another, which finds the
//! rows again.

use super::grid::vocab::{
    Role, ends_with_word, fold, folds, may_begin_role_word, printed_len, role_of, strip_word,
};
use super::grid::{Cell, Grid, Rows};
use crate::Layout;

/// The words of headers glued text is cut by, longest first where one starts another.
const HEADERS: &[&str] = &[
    "偏差原因分析及改进措施",
    "未完成原因分析及改进措施",
    "未完成原因及改进措施",
    "未完成原因和改进措施",
    "未完成原因分析",
    "指标值设定依据及数据来源",
    "指标标准或依据",
    "实际实现值",
    "实现值",
    "未完成原因及拟采取的改进措施",
    "扣分原因和其他说明",
    "完成目标可能性",
    "评价标准及依据",
    "评价标准",
    "评分规则",
    "得分计算方法",
    "绩效指标描述",
    "指标值说明",
    "指标值及单位",
    "指标方向性",
    "指标目标值",
    "绩效目标值",
    "目标完成值",
    "评价指标值",
    "实际完成指标值",
    "未完成原因",
    "指标描述",
    "指标属性",
    "计算符号",
    "权重分值",
    "折算得分",
    "年度数值",
    "自评得分",
    "完成值",
    "标准值",
    "自评分",
    "复核分",
    "序号",
    "说明",
    "符号",
    "保障绩效目标实现措施",
    "实施周期指标值",
    "是否核心指标",
    "年初指标值",
    "调整指标值",
    "年度指标值",
    "年度目标值",
    "全年实际值",
    "全年完成值",
    "实际完成值",
    "实际完成情况",
    "当年预期实现值",
    "长期指标值",
    "中期指标值",
    "指标值内容",
    "指标值类型",
    "评(扣分标准)",
    "评(扣)分标准",
    "评（扣）分标准",
    "评分标准",
    "绩效标准",
    "指标解释",
    "指标说明",
    "指标性质",
    "指标方向",
    "度量单位",
    "计量单位",
    "绩效指标",
    "一级指标",
    "二级指标",
    "三级指标",
    "指标内容",
    "指标名称",
    "评价指标",
    "评价内容",
    "指标值",
    "目标值",
    "得分系数",
    "指标权重",
    "指标得分",
    "分值",
    "权重",
    "得分",
    "备注",
];

/// The labels of facts around a glued grid, longest first where one starts another.
const LABELS: &[&str] = &[
    // A total's row (`得分合计100`), not the score's header and a word.
    "得分合计",
    "总得分",
    "项目名称",
    "专项资金名称",
    "主管部门",
    "项目主管部门",
    "县级主管部门",
    "实施单位",
    "项目实施单位",
    "项目执行单位",
    "项目负责人",
    "负责人及电话",
    "资金情况(万元)",
    "项目资金(万元)",
    "年度资金总额",
    "全年预算数(A)",
    "全年执行数(B)",
    "执行率(B/A)",
    "年初预算数",
    "全年预算数",
    "全年执行数",
    "执行率",
    "其中:财政拨款",
    "其他资金",
    "年度总体目标",
    "总体目标",
    "年度目标",
    "年初设定目标",
    "全年实际完成情况",
    "预期目标",
    "项目类别",
    "项目性质",
    "项目属性",
    "实施期",
    "项目期",
    "金额单位:万元",
    "金额单位:元",
    "单位:万元",
    "单位:元",
];

/// Whether a text looks glued: a line holds three header words or more with nothing between
/// them.
pub(crate) fn looks_glued(lines: &[&str]) -> Option<usize> {
    // Tables repeat their lines (a cell per line: `100%`, `5`, the same names down a run),
    // and cutting a line is costly: each distinct line is cut once.
    let mut fewer: std::collections::HashSet<&str> = std::collections::HashSet::new();
    // Most lines are ruled out at less cost than a look-up ([`may_hold_headers`]): only the
    // lines that are cut are remembered.
    lines.iter().position(|&line| {
        if !may_hold_headers(line, 3) || fewer.contains(line) {
            return false;
        }
        let glued = headers_in(line) >= 3;
        if !glued {
            fewer.insert(line);
        }
        glued
    })
}

/// How many header words a line holds, cut as glued text (its spaces taken out).
pub(crate) fn headers_in(line: &str) -> usize {
    let line = plain(line);
    cut(&line)
        .iter()
        .filter(|c| c.kind == Kind::Word && is_header(&c.text))
        .count()
}

/// Whether a line may hold `enough` header words cut as glued ([`headers_in`]): a necessary
/// condition, told in one pass over its characters, that rules out most lines of a page
/// before they are cut.
///
/// It counts the line's hot places: a character that begins a pair of [`may_begin_role_word`]
/// with the next (spaces skipped, both simplified), a bracket or a mark that [`fold`] drops,
/// and `值`. Every header word holds one of its own, so a line holds no more header words
/// than hot places: the pieces of [`cut`] are apart, each a run of the line without its
/// spaces and pinyin ([`plain`] only takes characters out, and what it takes out between two
/// characters holds a bracket), and a header word folds to a text that names a role
/// ([`role_of`]):
/// - of two characters or more, it holds a pair side by side that begins a role word
///   ([`may_begin_role_word`] is `role_of`'s own filter); the pair is side by side in the
///   piece too, or [`fold`] dropped what stood between them: a bracket, what a bracket holds,
///   or a mark;
/// - of one character, it is `值` (a test holds `role_of` to it);
/// - empty, it names no role a header word has (`Role::Blank`).
fn may_hold_headers(line: &str, enough: usize) -> bool {
    hot_places(line, enough) >= enough
}

/// The hot places of a line ([`may_hold_headers`]), counted up to `most`.
fn hot_places(line: &str, most: usize) -> usize {
    // A character that is a hot place on its own: what `fold` drops, and `值`.
    let alone = |c: char| c == '值' || folds(c);
    let mut hot = 0;
    let mut previous: Option<char> = None;
    for c in line.chars().filter(|c| !c.is_whitespace()) {
        let c = crate::taxonomy::simplified(c);
        if let Some(p) = previous
            && (alone(p) || may_begin_role_word(p, c))
        {
            hot += 1;
            if hot >= most {
                return hot;
            }
        }
        previous = Some(c);
    }
    hot + usize::from(previous.is_some_and(alone))
}

/// A glued line as it is cut: without its spaces (glued text has none that mean anything:
/// vertical labels print one) and without the pinyin a mirror site put in brackets after
/// its characters (`指(zhǐ)标(biāo)`).
///
/// A line without spaces is not copied, nor one without pinyin copied twice.
fn plain(line: &str) -> std::borrow::Cow<'_, str> {
    let line: std::borrow::Cow<'_, str> = if line.contains(char::is_whitespace) {
        line.chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .into()
    } else {
        line.into()
    };
    match super::grid::strip_pinyin(&line) {
        Some(stripped) => stripped.into(),
        None => line,
    }
}

/// Reads glued text into a grid of cells, one after another.
///
/// Lines wrapped at a fixed width (a document site's text layer, OCR) break cells anywhere:
/// such a line goes on with the next before it is cut ([`wrap_width`]), and so does a page
/// of a document site's pages.
pub(crate) fn grid(lines: &[&str]) -> Grid {
    let mut grid = Grid::new(Layout::Glued, Rows::Lost);
    let pages = page_markers(lines);
    let mut page = 1usize;
    // Each line as it is cut ([`plain`]) and without its page number, its number and the
    // characters taken off its start. (Columns after spaces or pinyin taken out count
    // without them.)
    let mut kept: Vec<(String, usize, usize)> = Vec::with_capacity(lines.len());
    for (n, raw) in lines.iter().enumerate() {
        let mut line = plain(raw).into_owned();
        let mut skipped = 0;
        if pages && let Some(rest) = line.strip_prefix(&format!("{page}、")) {
            skipped = line.chars().count() - rest.chars().count();
            line = rest.to_owned();
            page += 1;
        }
        if !line.is_empty() {
            kept.push((line, n + 1, skipped));
        }
    }
    let width = wrap_width(kept.iter().map(|(line, _, _)| line.as_str()));
    let mut columns = Columns::default();
    let mut at = 0;
    while at < kept.len() {
        // The lines that make one: each of the wrapped width goes on with the next.
        let mut end = at + 1;
        while end < kept.len() && {
            let before = kept[end - 1].0.chars().count();
            (pages && before >= PAGE) || width == Some(before)
        } {
            end += 1;
        }
        let joined: String = kept[at..end]
            .iter()
            .map(|(line, _, _)| line.as_str())
            .collect();
        // Where each line starts in the joined one, in characters.
        let mut starts = Vec::with_capacity(end - at);
        let mut chars = 0;
        for (line, number, skipped) in &kept[at..end] {
            starts.push((chars, *number, *skipped));
            chars += line.chars().count();
        }
        for piece in pieces(&joined, &mut columns) {
            let on = starts.partition_point(|&(start, _, _)| start <= piece.column);
            let (start, number, skipped) = starts
                .get(on.saturating_sub(1))
                .copied()
                .unwrap_or((0, 0, 0));
            grid.push_row(vec![Cell::new(
                piece.text,
                number,
                piece.column - start + skipped + 1,
            )]);
        }
        at = end;
    }
    grid
}

/// Cuts a glued line into its cells: [`cut`], then each of the passes that take apart what
/// the cut left glued. A line that heads the grid tells the passes of the lines after it
/// what columns the grid has ([`Columns`]).
fn pieces(line: &str, columns: &mut Columns) -> Vec<Piece> {
    let mut cut = cut(line);
    if Columns::read(&cut).is_some() {
        cut = split_value_headers(cut);
    }
    if let Some(header) = Columns::read(&cut) {
        *columns = header;
    }
    let cut = split_measures(split_categories(cut, *columns), *columns);
    let cut = split_weights(cut, *columns);
    let pieces = split_known(split_tandem(split_doubled(cut)));
    let pieces = split_judgement(split_tails(split_outcomes(pieces)));
    split_marks(
        split_signed_halves(split_halves(split_points(split_repeats(pieces)))),
        *columns,
    )
}

/// The most characters of a header of values [`split_value_headers`] cuts off.
const VALUE_HEADER_CHARS: usize = 16;

/// Cuts the text of a header line after each 值 that ends a header of values
/// (`预算设定指标值项目完成指标值` is `预算设定指标值` and `项目完成指标值`): value headers in
/// words of their own, which no dictionary lists, are told by their ending.
fn split_value_headers(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        if piece.kind != Kind::Text {
            out.push(piece);
            continue;
        }
        // Headers are short: a longer text is looked at no further.
        let heads_values = |text: &str| {
            text.chars().nth(VALUE_HEADER_CHARS).is_none()
                && matches!(
                    role_of(&fold(text)),
                    Some(Role::Annual | Role::Period | Role::Actual)
                )
        };
        let mut from = 0;
        let mut column = piece.column;
        for (at, c) in piece.text.char_indices() {
            if c != '值' {
                continue;
            }
            let end = at + c.len_utf8();
            let head = &piece.text[from..end];
            if end < piece.text.len() && heads_values(head) {
                out.push(Piece {
                    text: head.to_owned(),
                    kind: Kind::Word,
                    column,
                });
                column += head.chars().count();
                from = end;
            }
        }
        let rest = &piece.text[from..];
        let values = from > 0 && heads_values(rest);
        out.push(Piece {
            text: rest.to_owned(),
            kind: if values { Kind::Word } else { piece.kind },
            column,
        });
    }
    out
}

/// What a glued grid's header says of the columns its rows print, for the passes that cut
/// what only the columns tell apart.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Columns {
    /// The grid has a 二级指标 column: a tier label is followed by a category's.
    categories: bool,
    /// A unit column (计量单位) follows the name's: a name is followed by its unit.
    measure_after_name: bool,
    /// A weight column (分值) follows the name's: a name is followed by its points.
    weight_after_name: bool,
    /// A header was read: the fields below say what the grid has.
    read: bool,
    /// The grid has a unit column (计量单位).
    measure: bool,
}

impl Columns {
    /// The columns a line names, where it heads a grid: three header words at least.
    fn read(pieces: &[Piece]) -> Option<Columns> {
        let roles: Vec<Option<Role>> = pieces
            .iter()
            .map(|p| {
                (p.kind == Kind::Word)
                    .then(|| role_of(&fold(&p.text)))
                    .flatten()
            })
            .collect();
        if roles.iter().flatten().count() < 3 {
            return None;
        }
        Some(Columns {
            categories: roles.contains(&Some(Role::Category)),
            measure_after_name: roles
                .windows(2)
                .any(|w| w == [Some(Role::Name), Some(Role::Measure)]),
            weight_after_name: roles
                .windows(2)
                .any(|w| w == [Some(Role::Name), Some(Role::Weight)]),
            read: true,
            measure: roles.contains(&Some(Role::Measure)),
        })
    }
}

/// The fewest characters of a category's label printed without its 指标 (`项目立项`,
/// `服务对象满意度`): shorter ones (`数量`, `成本`, `社会`) begin names as often
/// (`成本控制率`, `社会满意度`).
const BARE_CATEGORY_SHORTEST: usize = 4;
/// The most characters of a category's label without its 指标.
const BARE_CATEGORY_LONGEST: usize = 10;

/// Cuts a category's label printed without 指标 off the name it is glued to, where a grid
/// has a category column: after a tier's label (`投入(14分)` `项目立项项目立项规范性`), or at a
/// line's start (`服务对象满意度使用人员满意度`). Two characters at least are left for the
/// name.
fn split_categories(pieces: Vec<Piece>, columns: Columns) -> Vec<Piece> {
    if !columns.categories {
        return pieces;
    }
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for (n, piece) in pieces.into_iter().enumerate() {
        let after_tier = out.last().is_some_and(|p| {
            p.kind == Kind::Word && crate::taxonomy::resolve_levels(&p.text).0.is_some()
        });
        if !after_tier && n > 0 || piece.kind != Kind::Text {
            out.push(piece);
            continue;
        }
        // At a line's start, a tier's bare label before a category's (`决策项目立项…`).
        let mut piece = piece;
        if !after_tier && let Some(end) = bare_tier_end(&piece.text) {
            let [tier, rest] = split_at(&piece, end);
            out.push(Piece {
                kind: Kind::Word,
                ..tier
            });
            piece = rest;
        }
        match bare_category_end(&piece.text) {
            Some(end) => {
                let [label, name] = split_at(&piece, end);
                out.push(Piece {
                    kind: Kind::Word,
                    ..label
                });
                out.push(Piece {
                    kind: Kind::Text,
                    ..name
                });
            }
            None => out.push(piece),
        }
    }
    out
}

/// Where a category's label printed without 指标 ends at the start of a text, with two
/// characters at least after it: the longest label of [`BARE_CATEGORY_SHORTEST`] to
/// [`BARE_CATEGORY_LONGEST`] Chinese characters.
fn bare_category_end(text: &str) -> Option<usize> {
    bare_label_end(
        text,
        BARE_CATEGORY_SHORTEST,
        BARE_CATEGORY_LONGEST,
        |label, rest| {
            crate::taxonomy::resolve_levels(label).1.is_some() && rest.chars().nth(1).is_some()
        },
    )
}

/// The most characters of a tier's label printed without 指标 (`满意度`).
const BARE_TIER_LONGEST: usize = 3;

/// Where a tier's label printed without 指标 ends at the start of a text that goes on with a
/// category's ([`bare_category_end`]): `决策` of `决策项目立项立项依据充分性`. Alone, a bare
/// tier begins names as often (`决策程序规范性`, `产出数量`).
fn bare_tier_end(text: &str) -> Option<usize> {
    bare_label_end(text, 2, BARE_TIER_LONGEST, |label, rest| {
        crate::taxonomy::resolve_levels(label).0.is_some() && bare_category_end(rest).is_some()
    })
}

/// Where the longest label of `shortest` to `longest` Chinese characters at the start of a
/// text ends, of those that `fits` (the label, and the text after it).
fn bare_label_end(
    text: &str,
    shortest: usize,
    longest: usize,
    fits: impl Fn(&str, &str) -> bool,
) -> Option<usize> {
    let ends: Vec<usize> = text
        .char_indices()
        .map(|(at, c)| at + c.len_utf8())
        .take(longest)
        .collect();
    (shortest..=ends.len()).rev().find_map(|chars| {
        let end = *ends.get(chars.checked_sub(1)?)?;
        let label = &text[..end];
        (label.chars().all(crate::taxonomy::is_han) && fits(label, &text[end..])).then_some(end)
    })
}

/// The most characters of a unit that [`split_measures`] cuts off a name.
const MEASURE_LONGEST: usize = 4;

/// Cuts a unit off the end of the name it is glued to, where the grid's unit column follows
/// its names' and a value follows the unit (`国家级公益林管护面积万亩` `28`). Two
/// characters at least are left for the name.
fn split_measures(pieces: Vec<Piece>, columns: Columns) -> Vec<Piece> {
    if !columns.measure_after_name {
        return pieces;
    }
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    let mut pieces = pieces.into_iter().peekable();
    while let Some(piece) = pieces.next() {
        let before_value = pieces.peek().is_some_and(|p| p.kind == Kind::Value);
        let starts: Vec<usize> = piece
            .text
            .char_indices()
            .rev()
            .take(MEASURE_LONGEST)
            .map(|(at, _)| at)
            .collect();
        let unit = starts.iter().rev().find(|&&at| {
            piece.text[..at].chars().nth(1).is_some()
                && super::grid::shape::is_measure(&piece.text[at..])
        });
        match unit.filter(|_| piece.kind == Kind::Text && before_value) {
            Some(&at) => {
                let [name, unit] = split_at(&piece, at);
                out.extend([name, unit]);
            }
            None => out.push(piece),
        }
    }
    out
}

/// Cuts a name's points off the name and the words after them, where the grid's weight
/// column follows its names' (`三级指标分值`): a bare number of points after two Chinese
/// characters, before words or the text's end (`可行性2实际工作需求`,
/// `种薯采购价格不高于市场价8`). A number that counts something stays the name's: one a
/// unit or a date follows (`前3名`, `近3年`), one a position word or 指标 comes before
/// (`第2批`, `指标1`).
fn split_weights(pieces: Vec<Piece>, columns: Columns) -> Vec<Piece> {
    if !columns.weight_after_name {
        return pieces;
    }
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        match points_in_name(&piece.text).filter(|_| piece.kind == Kind::Text) {
            Some((start, end)) => {
                let [name, rest] = split_at(&piece, start);
                let [points, words] = split_at(&rest, end - start);
                out.extend([
                    name,
                    Piece {
                        kind: Kind::Value,
                        ..points
                    },
                ]);
                if !words.text.is_empty() {
                    out.push(Piece {
                        kind: Kind::Text,
                        ..words
                    });
                }
            }
            None => out.push(piece),
        }
    }
    out
}

/// The byte offsets of the first number of a text that is a name's points
/// ([`split_weights`]).
fn points_in_name(text: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(at) = text[from..].find(|c: char| c.is_ascii_digit()) {
        let start = from + at;
        let end = text[start..]
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .map_or(text.len(), |at| start + at);
        if name_points(text, start, end) {
            return Some((start, end));
        }
        from = end;
    }
    None
}

/// Whether the number at `start..end` of a text is a name's points ([`split_weights`]).
fn name_points(text: &str, start: usize, end: usize) -> bool {
    let before = &text[..start];
    let mut last = before.chars().rev();
    let named = last.by_ref().take(2).all(crate::taxonomy::is_han)
        && before.chars().nth(1).is_some()
        && !before.ends_with(['第', '前', '近', '共', '约', '计', '每', '达'])
        && !ends_with_word(before, "指标");
    let after = text[end..].chars().next();
    let counted = after.is_some_and(|c| {
        !crate::taxonomy::is_han(c) || is_unit_char(c) || "位级类种档倍岁号型轮届季".contains(c)
    });
    named && !counted && is_points(&text[start..end])
}

/// The fewest characters of a document site's page: numbered lines shorter than this are
/// items of a list, which end where their line does.
const PAGE: usize = 80;

/// The width in characters that lines were wrapped at, where they were: at least three lines
/// of one width, at least 20, make most of the lines, and each but the last is followed by
/// another. Rows printed a line each have widths of their own.
fn wrap_width<'a>(lines: impl Iterator<Item = &'a str>) -> Option<usize> {
    let widths: Vec<usize> = lines.map(|l| l.chars().count()).collect();
    let mut counts: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    // The last line ends the text, whatever its width.
    for &w in widths.iter().rev().skip(1) {
        *counts.entry(w).or_default() += 1;
    }
    let (&width, &count) = counts.iter().max_by_key(|&(w, c)| (*c, *w))?;
    (width >= 20 && count >= 3 && count * 2 > widths.len()).then_some(width)
}

/// Whether the lines are a document-sharing site's pages, each starting with its number
/// (`1、…`, `2、…`, in order, at least two): the numbers are no cells. Numbers that start
/// again (`1、` `2、` `3、` then `1、`) number a table's names, not its pages.
fn page_markers(lines: &[&str]) -> bool {
    let mut page = 1usize;
    for line in lines {
        let line = line.trim_start();
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        let number = line[..digits]
            .parse::<usize>()
            .ok()
            .filter(|_| line[digits..].starts_with('、'));
        match number {
            Some(n) if n == page => page += 1,
            Some(n) if n < page => return false,
            _ => {}
        }
    }
    page > 2
}

/// What a piece of a glued line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A word of the dictionaries: a header, a label, a tier or category.
    Word,
    /// A value: a comparator, a number, a unit.
    Value,
    /// Text between them.
    Text,
}

/// A piece of a glued line, and the character column it starts at (from 0).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Piece {
    text: String,
    kind: Kind,
    column: usize,
}

/// Whether a header's fragments joined go on toward one of [`HEADERS`]: they begin it, or
/// hold whole one that the first fragment, `before`, does not (`偏差原因分析及`,
/// `扣分原因和其他说`, `未完成原因分析及改进措施`). A whole header and the words after it
/// (`绩效标准` / `产出成效`) are a header and a row's first cell.
pub(crate) fn heads_toward(before: &str, joined: &str) -> bool {
    let plain: String = joined.chars().filter(|c| !c.is_whitespace()).collect();
    HEADERS.iter().any(|h| {
        h.starts_with(plain.as_str())
            || (h.chars().count() >= 4 && plain.contains(h) && !before.contains(h))
    })
}

/// Whether a word heads a grid's column.
pub(crate) fn is_header(word: &str) -> bool {
    role_of(&fold(word)).is_some_and(|r| r != Role::Blank)
}

/// The first characters of [`HEADERS`] and [`LABELS`], as a set of 1,024 buckets (every
/// bucket where a word is empty): a constant, worked out when the crate is compiled, so that
/// the test at every position of a glued line reads no lazily built value. Some two hundred
/// first characters leave most buckets empty: most characters are ruled out by it alone.
const FIRST_CHARS: [u64; 16] = {
    const fn add(mut set: [u64; 16], words: &[&str]) -> [u64; 16] {
        let mut i = 0;
        while i < words.len() {
            let bytes = words[i].as_bytes();
            if bytes.is_empty() {
                set = [u64::MAX; 16];
            } else {
                let b = first_bucket(first_code(bytes));
                set[b / 64] |= 1 << (b % 64);
            }
            i += 1;
        }
        set
    }
    add(add([0; 16], HEADERS), LABELS)
};

/// A character's bucket of [`FIRST_CHARS`].
const fn first_bucket(code: u32) -> usize {
    (code.wrapping_mul(0x9E37_79B9) >> 22) as usize
}

/// Whether a character may begin a word of [`HEADERS`] or [`LABELS`] (a filter only).
fn may_begin_word(c: char) -> bool {
    let b = first_bucket(c as u32);
    FIRST_CHARS[b / 64] & (1 << (b % 64)) != 0
}

/// The code point of the first character of UTF-8 bytes that are not empty.
const fn first_code(bytes: &[u8]) -> u32 {
    const fn byte(bytes: &[u8], at: usize) -> u32 {
        if at < bytes.len() {
            bytes[at] as u32
        } else {
            0
        }
    }
    let lead = byte(bytes, 0);
    if lead < 0x80 {
        lead
    } else if lead < 0xE0 {
        ((lead & 0x1F) << 6) | (byte(bytes, 1) & 0x3F)
    } else if lead < 0xF0 {
        ((lead & 0x0F) << 12) | ((byte(bytes, 1) & 0x3F) << 6) | (byte(bytes, 2) & 0x3F)
    } else {
        ((lead & 0x07) << 18)
            | ((byte(bytes, 1) & 0x3F) << 12)
            | ((byte(bytes, 2) & 0x3F) << 6)
            | (byte(bytes, 3) & 0x3F)
    }
}

/// [`HEADERS`] and [`LABELS`], each word with its first character, in the order of their
/// first characters, with the range of the words of each first character: the words a text
/// may begin with are found by one binary search over the first characters, not by a pass
/// over the whole dictionary at every character of a glued line.
struct Dictionary {
    words: Vec<(Option<char>, &'static str)>,
    /// The words without a first character (empty), at the front of `words`.
    empty: usize,
    /// Each first character with the range of its words in `words`.
    firsts: Vec<(char, usize, usize)>,
}

static DICTIONARY: std::sync::LazyLock<Dictionary> = std::sync::LazyLock::new(|| {
    let mut words: Vec<(Option<char>, &'static str)> = HEADERS
        .iter()
        .chain(LABELS)
        .map(|w| (w.chars().next(), *w))
        .collect();
    words.sort_by_key(|&(c, _)| c);
    let empty = words.partition_point(|(c, _)| c.is_none());
    let mut firsts: Vec<(char, usize, usize)> = Vec::new();
    for (at, &(c, _)) in words.iter().enumerate().skip(empty) {
        let Some(c) = c else { continue };
        match firsts.last_mut() {
            Some(last) if last.0 == c => last.2 = at + 1,
            _ => firsts.push((c, at, at + 1)),
        }
    }
    Dictionary {
        words,
        empty,
        firsts,
    }
});

/// The longest dictionary word at the start of a text: a header, a label of a fact, or a tier
/// or category label (with its weight in brackets, `产出指标(40分)`).
fn word_at(text: &str) -> Option<usize> {
    word_at_in(text, None)
}

/// The most bytes of a tier's or category's label that [`word_at`] looks at.
const LEVEL_END: usize = 18 * 3;

/// Where a level's label may end in a line: after each 指标 (指標), and before each weight in
/// brackets (`项目决策(10分)`). Found in one pass over a line, so that [`cut`] does not look
/// for them again at each of its positions.
struct LevelEnds {
    /// Each place, in the order of the line: where it starts, where a label would end, and
    /// whether it is a bracket (a label cannot end before a bracket at its start).
    places: Vec<(usize, usize, bool)>,
    /// The first place at or after the last text asked about.
    next: std::cell::Cell<usize>,
}

impl LevelEnds {
    fn of(line: &str) -> LevelEnds {
        let places = line
            .char_indices()
            .filter_map(|(at, c)| level_end_at(&line[at..], c).map(|(end, b)| (at, at + end, b)))
            .collect();
        LevelEnds {
            places,
            next: std::cell::Cell::new(0),
        }
    }
}

/// Where a level's label may end from a character of a text on: after 指标 (指標), or before a
/// weight in brackets (`(10分)`, told by [`weight_suffix`]); and whether it is a bracket.
fn level_end_at(text: &str, c: char) -> Option<(usize, bool)> {
    match c {
        '指' => printed_len(text, "指标").map(|n| (n, false)),
        '(' | '（' if weight_suffix(text) > 0 => Some((0, true)),
        _ => None,
    }
}

/// [`word_at`] of a line's text from `at` on, with the line's [`LevelEnds`] where they
/// were found (`ends`, with the text's place in the line), or else looked for here.
fn word_at_in(text: &str, ends: Option<(&LevelEnds, usize)>) -> Option<usize> {
    // Glued text is cut at every character: most start no word, and are told so by their
    // first character alone.
    let mut best = dictionary_word_at(text).or_else(|| modified_header_at(text));
    // A tier or category: the shortest prefix that names one, ending with 指标 (指標) or
    // before its weight in brackets (`项目决策(10分)`). Only the text's first bytes can hold
    // one, so only they are searched: the line's rest is searched from each of its
    // characters in turn.
    if !text
        .chars()
        .next()
        .is_some_and(crate::taxonomy::may_begin_level)
    {
        return best;
    }
    let mut reach = text.len().min(LEVEL_END);
    while !text.is_char_boundary(reach) {
        reach -= 1;
    }
    // Each end in turn, until one is too far or the prefix it ends names a level.
    let mut ended = |end: usize| -> bool {
        if end > LEVEL_END {
            return true;
        }
        let prefix = &text[..end];
        // An end inside a bracket is a note's (`绩效目标(定量指标)`), no label's; one before
        // 值 a value's header's (`项目完成指标值`).
        let open = prefix.matches(['(', '（']).count();
        if open > prefix.matches([')', '）']).count() || text[end..].starts_with('值') {
            return false;
        }
        // Read as a label once for both levels.
        let (tier, category) = crate::taxonomy::resolve_levels(prefix);
        if tier.is_some() || category.is_some() {
            let end = end + label_suffix(&text[end..]);
            best = Some(best.map_or(end, |b| b.max(end)));
            return true;
        }
        false
    };
    match ends {
        // The line's places from the text's start on. The texts asked about go on through
        // the line: the search for the first goes on from the last one's.
        Some((ends, from)) => {
            let places = &ends.places;
            let mut first = ends.next.get().min(places.len());
            if first > 0 && places[first - 1].0 >= from {
                first = places.partition_point(|p| p.0 < from);
            }
            while places.get(first).is_some_and(|p| p.0 < from) {
                first += 1;
            }
            ends.next.set(first);
            for &(at, end, bracket) in &places[first..] {
                if at - from >= reach {
                    break;
                }
                if !(bracket && at == from) && ended(end - from) {
                    break;
                }
            }
        }
        None => {
            for (at, c) in text[..reach].char_indices() {
                if let Some((end, bracket)) = level_end_at(&text[at..], c)
                    && !(bracket && at == 0)
                    && ended(at + end)
                {
                    break;
                }
            }
        }
    }
    best
}

/// The length of what a level's label prints after its name: a weight (`(40分)`), or a note
/// of a few words without a number (`(必填)`, `(必填硬性指标)`).
fn label_suffix(text: &str) -> usize {
    match weight_suffix(text) {
        0 => bracketed(text, |inner| {
            !inner.is_empty()
                && inner.chars().nth(6).is_none()
                && !inner
                    .chars()
                    .any(|c| c.is_ascii_digit() || c == '(' || c == '（')
        }),
        weight => weight,
    }
}

/// The longest word of [`HEADERS`] and [`LABELS`] at the start of a text, printed in simplified
/// or traditional characters, with a header's note in brackets (`得分系数(%)`,
/// `指标权重(分)`).
fn dictionary_word_at(text: &str) -> Option<usize> {
    // Glued text is cut at every character: most start no word, and are told so by their
    // first character alone. Only the words with the text's first character are compared.
    let first = text.chars().next().map(crate::taxonomy::simplified);
    if first.is_some_and(|c| !may_begin_word(c)) {
        return None;
    }
    // The words with that first character, and any empty word (first in the order).
    let dictionary = &*DICTIONARY;
    let words = dictionary.words.as_slice();
    let (from, to) = match first {
        Some(c) => dictionary
            .firsts
            .binary_search_by_key(&c, |&(f, _, _)| f)
            .ok()
            .and_then(|at| dictionary.firsts.get(at))
            .map_or((0, 0), |&(_, from, to)| (from, to)),
        None => (0, dictionary.empty),
    };
    let (empty, same) = (words.get(..dictionary.empty), words.get(from..to));
    empty
        .into_iter()
        .chain(same)
        .flatten()
        .filter_map(|(_, w)| printed_len(text, w))
        .max()
        .map(|len| len + note_suffix(&text[len..]))
}

/// Words that a header puts before a header word: when the value was set or reached, and
/// of what (`年初目标值`, `全年实际完成值`, `单项指标得分`).
const MODIFIERS: &[&str] = &[
    "实施周期",
    "单项指标",
    "实际完成",
    "调整后",
    "年初",
    "全年",
    "年度",
    "年终",
    "半年",
    "中期",
    "长期",
    "预期",
    "计划",
    "单项",
    "自评",
    "实际",
    "目标",
];

/// The length of a header word after one or two [`MODIFIERS`] at the start of a text: one
/// header (`年初目标值(A)`), not a word and the header after it.
fn modified_header_at(text: &str) -> Option<usize> {
    // Most positions of a glued line begin no modifier: told by the first character.
    let first = crate::taxonomy::simplified(text.chars().next()?);
    if !matches!(
        first,
        '单' | '实' | '调' | '年' | '全' | '预' | '计' | '自' | '目' | '半' | '中' | '长'
    ) {
        return None;
    }
    let mut at = 0;
    for _ in 0..2 {
        // Only the modifiers with the text's first character (simplified) may be printed
        // there: the others are not compared.
        let first = text[at..].chars().next().map(crate::taxonomy::simplified);
        let modifier = MODIFIERS
            .iter()
            .filter(|m| m.chars().next() == first)
            .find_map(|m| printed_len(&text[at..], m))?;
        at += modifier;
        // A short note after the modifier (`半年(程)指标值`).
        at += bracketed(&text[at..], |inner| inner.chars().count() <= 3);
        let rest = &text[at..];
        // What a modifier says of a column is when or how its value was set: a value's
        // header, not a level's or a heading's (`目标` `绩效指标` is words of a name).
        let of_value = |word: &str| {
            matches!(
                role_of(&fold(word)),
                Some(Role::Annual | Role::Period | Role::Actual | Role::Weight | Role::Score)
            )
        };
        if let Some(len) = dictionary_word_at(rest).filter(|len| of_value(&rest[..*len])) {
            return Some(at + len);
        }
    }
    None
}

/// The most characters inside a note in brackets that [`bracket_note`] keeps in its text.
const BRACKET_NOTE: usize = 12;

/// The length of a note in brackets at the start of a text (`(定量指标)`), brackets
/// included: at most [`BRACKET_NOTE`] characters of words, no number among them (a weight,
/// `(10分)`, is a cell's).
fn bracket_note(text: &str) -> Option<usize> {
    let inner = text.strip_prefix(['(', '（'])?;
    let (at, close) = inner
        .char_indices()
        .take(BRACKET_NOTE + 1)
        .find(|&(_, c)| matches!(c, ')' | '）' | '(' | '（'))?;
    let words = &inner[..at];
    let plain = !words.is_empty()
        && matches!(close, ')' | '）')
        && words.chars().all(crate::taxonomy::is_han);
    plain.then(|| text.len() - inner.len() + at + close.len_utf8())
}

/// Whether a text begins with a template's numbered name: 指标, digits, a colon (`指标2:`).
fn numbered_name(text: &str) -> bool {
    strip_word(text, "指标").is_some_and(|rest| {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && rest[digits..].starts_with([':', '：'])
    })
}

/// The length of a label in words no level has at the start of a row (`实施效果指标`,
/// `过程管理指标(20分)`): two to six characters before 指标, which no digit or colon follows
/// (`指标1:` numbers a name).
fn unknown_label_at(text: &str) -> Option<usize> {
    let mut chars = text.char_indices().skip(2).take(5);
    let end = chars.find_map(|(at, _)| printed_len(&text[at..], "指标").map(|n| at + n))?;
    let after = &text[end..];
    let numbered = after.starts_with(|c: char| c.is_ascii_digit() || matches!(c, ':' | '：'));
    let words = &text[..end];
    let named = words.chars().all(crate::taxonomy::is_han);
    (!numbered && named && !is_header(words)).then(|| end + label_suffix(after))
}

/// The length of a header that names its year (`2021年实际实现值`, `预期2022年实现值`) at the
/// start of a text: maybe 预期 or 计划, a year, and a header word. The year is the header's,
/// not a value of its own.
fn dated_header_at(text: &str) -> Option<usize> {
    let before = ["预期", "计划", "预计"]
        .iter()
        .find(|w| text.starts_with(*w))
        .map_or(0, |w| w.len());
    let year = &text[before..];
    // Four digits: five are looked at, so that a run of digits is not read to its end from
    // each of its places.
    let digits = year.bytes().take(5).take_while(u8::is_ascii_digit).count();
    let rest = year.get(digits..)?.strip_prefix('年')?;
    if digits != 4 || !(year.starts_with("19") || year.starts_with("20")) {
        return None;
    }
    let len = text.len() - rest.len() + word_at(rest)?;
    is_header(&text[..len]).then_some(len)
}

/// The length of a short note in brackets at the start of a text whose inside `fits`, or 0.
/// Notes are short: the closing bracket is looked for among the first characters only, so
/// that a line of open brackets is read in linear time.
fn bracketed(text: &str, fits: impl Fn(&str) -> bool) -> usize {
    const MOST: usize = 12;
    let Some(rest) = text.strip_prefix(['(', '（']) else {
        return 0;
    };
    let window = rest.char_indices().nth(MOST).map_or(rest.len(), |(i, _)| i);
    let Some(close) = rest[..window].find([')', '）']) else {
        return 0;
    };
    if !fits(&rest[..close]) {
        return 0;
    }
    let open = text.len() - rest.len();
    let closing = rest[close..].chars().next().map_or(1, char::len_utf8);
    open + close + closing
}

/// The length of a note in brackets after a header, up to twelve characters: a unit, a word,
/// a column's mark or its limits (`(%)`, `(万元)`, `(A)`, `(2)`, `(150字内)`).
fn note_suffix(text: &str) -> usize {
    bracketed(text, |inner| {
        inner.chars().nth(12).is_none() && !inner.chars().any(|c| c == '(' || c == '（')
    })
}

/// The length of a column's mark left open after its header (`年初目标值(A实际完成值(B`): a
/// bracket and one capital letter that no bracket closes.
fn open_mark(text: &str) -> usize {
    let mut chars = text.chars();
    match (chars.next(), chars.next(), chars.next()) {
        (Some(open @ ('(' | '（')), Some(letter), next)
            if letter.is_ascii_uppercase() && !matches!(next, Some(')' | '）')) =>
        {
            open.len_utf8() + 1
        }
        _ => 0,
    }
}

/// The length of a weight in brackets after a label: `(40分)`, `（10分）`.
fn weight_suffix(text: &str) -> usize {
    bracketed(text, |inner| {
        let weight = inner.trim_end_matches('分');
        !weight.is_empty()
            && weight.len() <= 6
            && weight
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
    })
}

/// Whether a value may begin at the start of a text: a comparator or a digit.
fn value_start(text: &str) -> bool {
    text.starts_with(|c: char| {
        c.is_ascii_digit()
            || matches!(
                c,
                '≥' | '≤' | '>' | '<' | '=' | '＞' | '＜' | '＝' | '≧' | '≦' | '﹦' | '±'
            )
    }) || [
        "大于",
        "小于",
        "等于",
        "不低于",
        "不少于",
        "不超过",
        "不高于",
        "不大于",
        "不小于",
        "不多于",
    ]
    .iter()
    .any(|w| text.starts_with(w))
}

/// The length of a value at the start of a text: a comparator, a number, a unit of up to four
/// characters, a rate (`/年`), a trailing word (`以上`, `以内`). `None` where none starts here.
fn value_at(text: &str) -> Option<usize> {
    // Links of a date or a range: `2022-05-16`, `2021年1月-12月`, `10-20人`.
    const LINKS: usize = 4;
    let mut at = single_value_at(text)?;
    // A date's parts and a range's other end go on the value, four links at most, so that a
    // chain (`1-2-3-…`) is read in linear time from each of its places.
    for _ in 0..LINKS {
        let rest = &text[at..];
        let Some(after) = rest.strip_prefix(['-', '—', '－', '~', '～', '至']) else {
            break;
        };
        match single_value_at(after).filter(|_| after.starts_with(|c: char| c.is_ascii_digit())) {
            Some(end) => at = text.len() - after.len() + end,
            None => break,
        }
    }
    Some(at)
}

/// The length of one value at the start of a text ([`value_at`] without a range's other end).
fn single_value_at(text: &str) -> Option<usize> {
    if !value_start(text) {
        return None;
    }
    let mut at = 0;
    for op in [
        "≥", "≤", ">=", "<=", ">", "<", "=", "＞", "＜", "＝", "≧", "≦", "﹦", "±",
    ] {
        if let Some(rest) = text[at..].strip_prefix(op) {
            at = text.len() - rest.len();
            break;
        }
    }
    for word in [
        "大于等于",
        "小于等于",
        "大于",
        "小于",
        "等于",
        "不低于",
        "不少于",
        "不超过",
        "不高于",
        "不大于",
        "不小于",
        "不多于",
    ] {
        if let Some(rest) = text[at..].strip_prefix(word) {
            at = text.len() - rest.len();
            break;
        }
    }
    let digits = text[at..]
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.' || c == ','))
        .map_or(text.len() - at, |(i, _)| i);
    if digits == 0 {
        return None;
    }
    at += digits;
    // A unit: `%`, 百分比, or up to six characters that units are made of (`元/平方米`), but
    // for the first characters of a word (`00时效指标` is `00` and 时效指标).
    let rest = &text[at..];
    if let Some(after) = rest.strip_prefix(['%', '％']) {
        at = text.len() - after.len();
    } else if let Some(after) = ["百分比", "百分点"]
        .iter()
        .find_map(|u| rest.strip_prefix(u))
    {
        at = text.len() - after.len();
    } else if let Some(unit) = ascii_unit(rest) {
        at += unit;
    } else if word_at(rest).is_none() {
        let unit: usize = rest
            .chars()
            .take(6)
            .take_while(|c| is_unit_char(*c))
            .map(char::len_utf8)
            .sum();
        at += unit;
    }
    // A date goes on to its month and day: `2023年12月31日`.
    for (after, next) in [("年", '月'), ("月", '日')] {
        if text[..at].ends_with(after) {
            let rest = &text[at..];
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            if (1..=2).contains(&digits) && rest[digits..].starts_with(next) {
                at += digits + next.len_utf8();
            }
        }
    }
    // Words after it: `以上`, `及以上`, `底`, `底之前`.
    for _ in 0..2 {
        let Some(after) = [
            "及以上",
            "及以下",
            "以上",
            "以内",
            "以下",
            "之内",
            "之前",
            "以前",
            "底前",
            "底",
            "前",
        ]
        .iter()
        .find_map(|tail| text[at..].strip_prefix(tail)) else {
            break;
        };
        at = text.len() - after.len();
    }
    Some(at)
}

/// The most characters of words that a weight in brackets ends ([`cut`]): a label's or a
/// name's, not a sentence's.
const WEIGHTED_WORDS: usize = 24;

/// Whether words before a weight in brackets are a name or a label's: two characters to
/// [`WEIGHTED_WORDS`], no sentence's punctuation.
fn weighted_words(words: &str) -> bool {
    let mut chars = words.chars();
    chars.nth(1).is_some()
        && chars.nth(WEIGHTED_WORDS - 2).is_none()
        && !words.contains(['，', ',', '。', '；', ';', '：', ':', '、'])
}

/// The length of a unit in Latin letters at the start of a text (`80M`, `5km`, `3kWh`), which
/// no other letter or digit follows.
fn ascii_unit(text: &str) -> Option<usize> {
    const UNITS: &[&str] = &[
        "kWh", "kwh", "KWH", "km", "KM", "Km", "kg", "KG", "Kg", "cm", "mm", "m2", "m3", "M2",
        "M3", "kW", "KW", "kw", "m", "M", "t", "T", "h", "L",
    ];
    UNITS
        .iter()
        .find(|u| {
            text.starts_with(*u)
                && !text[u.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
        })
        .map(|u| u.len())
}

/// Whether a character can be part of a unit: counting words, measures, dates, in either
/// script (`萬`, `個`).
fn is_unit_char(c: char) -> bool {
    "万亿千百元个人次项家户场天日月年时分秒厘毫米亩吨台套辆件本份篇期批所座处间张册部名条株棵顷方斤克升瓦度周门班组支头只宗起例床单箱架艘趟列票页字节粒组平立公里平方米人次倍/"
        .contains(crate::taxonomy::simplified(c))
}

/// The words that begin an explanation or end a row after a value: `反映…`, `该指标…`, and
/// the unit and nature columns of a budget system's export (`-定量`).
fn boundary_at(text: &str) -> bool {
    [
        "反映",
        "该指标",
        "主要考察",
        "-定量",
        "-定性",
        "定量",
        "定性",
    ]
    .iter()
    .any(|w| text.starts_with(w))
}

/// The length of a boundary piece that is a cell of its own: the empty unit `-` before a
/// nature, or the nature.
fn boundary_piece(text: &str) -> Option<usize> {
    ["-", "定量", "定性"]
        .iter()
        .find(|w| text.starts_with(*w) && (**w != "-" || text[1..].starts_with("定")))
        .map(|w| w.len())
}

/// Cuts a glued line into pieces.
fn cut(line: &str) -> Vec<Piece> {
    cut_with(line, true)
}

/// Whether a piece or a boundary of [`cut`] may begin with a character: a dictionary word
/// ([`may_begin_word`]), a modifier, a level's label ([`crate::taxonomy::may_begin_level`]),
/// a dated header (预期, 计划, 预计, a year), a weight or note in brackets, a numbered name
/// (指标2:), an explanation or a nature (反映, 该指标, 主要考察, -定量, 定性), or a value (a
/// digit, a comparator, 大于, 不低于 …). A filter only: a character it rules out begins none
/// of them, and [`cut`] takes it into a text as it is.
fn may_begin_piece(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit() || matches!(c, '(' | '-' | '>' | '<' | '=') || {
            crate::taxonomy::may_begin_level(c) || may_begin_word(c)
        };
    }
    let s = crate::taxonomy::simplified(c);
    matches!(
        c,
        '（' | '指'
            | '预'
            | '计'
            | '反'
            | '该'
            | '主'
            | '定'
            | '大'
            | '小'
            | '等'
            | '不'
            | '≥'
            | '≤'
            | '＞'
            | '＜'
            | '＝'
            | '≧'
            | '≦'
            | '﹦'
            | '±'
    ) || matches!(
        s,
        '单' | '实' | '调' | '年' | '全' | '预' | '计' | '自' | '目' | '半' | '中' | '长'
    ) || may_begin_word(s)
        || crate::taxonomy::may_begin_level(c)
}

/// [`cut`], with the positions that [`may_begin_piece`] rules out read in full or not
/// (`skip`): the test compares the two.
fn cut_with(line: &str, skip: bool) -> Vec<Piece> {
    let level_ends = LevelEnds::of(line);
    let mut pieces: Vec<Piece> = Vec::new();
    let mut text_start: Option<usize> = None;
    // Where the last of a rule's words (分, 得, 扣) went into a text: a text holds one where
    // this is at or after its start.
    let mut last_rule: Option<usize> = None;
    let mut at = 0;
    // Pieces are cut left to right: each column is counted on from the one before, so that
    // a long line is counted once.
    let counted = std::cell::Cell::new((0usize, 0usize));
    let column = |byte: usize| {
        let (from, count) = counted.get();
        let count = if byte >= from {
            count + line.get(from..byte).map_or(0, |t| t.chars().count())
        } else {
            line.get(..byte).map_or(0, |t| t.chars().count())
        };
        counted.set((byte, count));
        count
    };
    let flush = |pieces: &mut Vec<Piece>, from: Option<usize>, to: usize| {
        if let Some(from) = from
            && from < to
        {
            pieces.push(Piece {
                text: line[from..to].to_owned(),
                kind: Kind::Text,
                column: column(from),
            });
        }
    };
    while at < line.len() {
        let rest = &line[at..];
        // A line's first cell may be a label in words this crate does not know
        // (`实施效果指标`).
        let row_start = text_start.is_none() && pieces.is_empty();
        // Most characters of a line's words begin no piece: they go into the text at once.
        if skip && !row_start && rest.chars().next().is_some_and(|c| !may_begin_piece(c)) {
            text_start.get_or_insert(at);
            if rest.starts_with(['分', '得', '扣']) {
                last_rule = Some(at);
            }
            at += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        }
        // Inside a text, a short dictionary word is the text's own (`…严格执行率` is a name,
        // not a name and the header 执行率); a longer one begins a cell.
        let in_text = text_start.is_some_and(|s| s < at);
        // A weight in brackets that begins a cell is a label's whose words are lost
        // (`(50分)数量指标…`): a cell of its own.
        let orphan = Some(weight_suffix(rest)).filter(|&len| len > 0 && text_start.is_none());
        // A weight in brackets after a few words ends them as a cell: a name's or a label's
        // points (`绩效目标合理性(2分)部门所设立的…`, `目标设定(5分)`).
        if let Some(start) = text_start.filter(|&s| s < at)
            && let len @ 1.. = weight_suffix(rest)
            && weighted_words(&line[start..at])
        {
            at += len;
            flush(&mut pieces, text_start.take(), at);
            continue;
        }
        // A numbered name (`指标2:`) begins a cell: a template numbers its rows' names, and
        // an empty row's number is glued to the row before (`…合格合格2020指标2:`).
        if in_text && numbered_name(rest) {
            flush(&mut pieces, text_start.take(), at);
        }
        // A short note in brackets inside a text is the text's (`项目年度绩效目标(定量指标)`):
        // no word inside it begins a cell.
        if in_text && let Some(len) = bracket_note(rest) {
            at += len;
            continue;
        }
        let word = orphan
            .or_else(|| dated_header_at(rest))
            .or_else(|| {
                word_at_in(rest, Some((&level_ends, at)))
                    .filter(|len| !in_text || rest[..*len].chars().count() >= 4)
            })
            .or_else(|| row_start.then(|| unknown_label_at(rest)).flatten());
        if let Some(len) = word {
            let len = len + open_mark(&rest[len..]);
            flush(&mut pieces, text_start.take(), at);
            pieces.push(Piece {
                text: rest[..len].to_owned(),
                kind: Kind::Word,
                column: column(at),
            });
            at += len;
            continue;
        }
        // An explanation begins a cell; a nature (`-定量`) is a cell of its own.
        if text_start.is_some_and(|s| s < at) && boundary_at(rest) {
            flush(&mut pieces, text_start.take(), at);
        }
        if let Some(len) = boundary_piece(rest).filter(|_| {
            let tail = &rest[boundary_piece(rest).unwrap_or(0)..];
            tail.is_empty() || boundary_piece(tail).is_some()
        }) {
            flush(&mut pieces, text_start.take(), at);
            pieces.push(Piece {
                text: rest[..len].to_owned(),
                kind: Kind::Word,
                column: column(at),
            });
            at += len;
            continue;
        }
        // A value starts where a number does, not inside one (`得10分` holds no `0分`).
        let in_number = rest.starts_with(|c: char| c.is_ascii_digit())
            && line[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_digit() || c == '.');
        if let Some(mut len) = (!in_number).then(|| value_at(rest)).flatten() {
            // A word of one or two characters that ends the line after a value is its unit
            // (`≥70村`, `1种`): units are more than the common ones.
            let tail = &rest[len..];
            if rest[..len].ends_with(|c: char| c.is_ascii_digit())
                && !tail.is_empty()
                && tail.chars().nth(2).is_none()
                && tail
                    .chars()
                    .all(|c| crate::taxonomy::is_han(c) && !"是否有无".contains(c))
            {
                len = rest.len();
            }
            let after = &rest[len..];
            // A value stands alone where the line, a word, another value or an explanation
            // follows; inside text (`5000吨稻谷`) it is the text's.
            // After a value, a value is the next column's (a target, then its actual), and
            // the text after it the next row's name (`100%100%库存数量真实率`).
            let after_value =
                text_start.is_none() && pieces.last().is_some_and(|p| p.kind == Kind::Value);
            // After words that end as a name or an explanation ends (`…维护情况2280次大楼…`,
            // `覆盖率100%`), a value with a unit or a comparator ends them, and what follows
            // is the next cell; a year begins the words after it (`执行数2021年实际执行数`).
            let ends_name = text_start.is_some_and(|s| s < at)
                && super::grid::shape::name_like(&line[..at])
                && !rest[..len].ends_with('年');
            // Points after a value make it a scoring rule's, which it begins after an
            // explanation (`满意程度` | `95%以上得10分…`, `…/2023年伙食补助预算` |
            // `90%得10分…`): points counted (`得10分`) end any words before them but a
            // rule's own (`…每降低1%扣1分` goes on).
            let points_follow = after.starts_with(['得', '扣'])
                && after.chars().nth(1).is_some_and(|c| c.is_ascii_digit());
            let words_before = text_start.is_some_and(|s| {
                line[s..at].chars().nth(3).is_some() && last_rule.is_none_or(|r| r < s)
            });
            if (ends_name || points_follow && words_before) && after.starts_with(['得', '扣']) {
                flush(&mut pieces, text_start.take(), at);
                text_start = Some(at);
                if rest[..len].contains(['分', '得', '扣']) {
                    last_rule = Some(at);
                }
                at += len;
                continue;
            }
            // A count's name (`…配备车辆数`) takes a bare number as its target.
            let after_count = text_start.is_some_and(|s| s < at)
                && line[..at].ends_with('数')
                && rest[..len].bytes().all(|b| b.is_ascii_digit());
            // A row without a target shows its weight and the same score after its name
            // (`…种植面积1010梨树…`): two halves of two digits or more.
            let doubled_points = ends_name && {
                twice(&rest[..len]).is_some_and(|h| h.len() >= 2 && is_points(h))
                    && !after.starts_with(['年', '月', '日', '-', '.', '%'])
            };
            // A value that opens with a comparator's sign after words ends them, unless
            // the words go on with it (`≥90%得满分`, `≥3次的`, `≥95%以上`).
            let signed = text_start.is_some_and(|s| s < at)
                && rest.starts_with(['≥', '≤', '>', '<', '＞', '＜', '≧', '≦'])
                && !after.starts_with([
                    '得', '扣', '分', '的', '以', '之', '时', '且', '或', '及', '，', ',', '、',
                    '。', ';', '；', '(', '（',
                ]);
            let after_name = (ends_name
                && rest[..len]
                    .chars()
                    .any(|c| !(c.is_ascii_digit() || c == '.' || c == ',')))
                || after_count
                || doubled_points
                || signed;
            let alone = after.is_empty()
                || value_start(after)
                || word_at(after).is_some()
                || boundary_at(after)
                || DIRECTIONS.iter().any(|w| after.starts_with(w))
                || numbered_name(after)
                || after_value
                || after_name;
            // Points in a scoring rule are the rule's: `…每少1元扣1分`, `得10分`.
            let in_rule = text_start.is_some_and(|s| s < at)
                && line[..at].ends_with(['扣', '得', '计', '加', '减']);
            if alone && !in_rule {
                flush(&mut pieces, text_start.take(), at);
                pieces.push(Piece {
                    text: rest[..len].to_owned(),
                    kind: Kind::Value,
                    column: column(at),
                });
                at += len;
                continue;
            }
        }
        text_start.get_or_insert(at);
        if rest.starts_with(['分', '得', '扣']) {
            last_rule = Some(at);
        }
        at += rest.chars().next().map_or(1, char::len_utf8);
    }
    flush(&mut pieces, text_start.take(), line.len());
    pieces
}

/// The words a self-evaluation prints as a qualitative result (`达成预期指标`): at the end of
/// a glued text they are the actual value, not the name's.
const OUTCOMES: &[&str] = &[
    "达成预期指标",
    "达成年度指标",
    "达到预期目标",
    "完成预期目标",
    "达到预期",
];

/// Splits a self-evaluation's qualitative result ([`OUTCOMES`]) off the end of a text:
/// `带动农民增收农民增收达成预期指标` is a name, its target and `达成预期指标`.
fn split_outcomes(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let at = OUTCOMES
            .iter()
            .find(|w| {
                piece.kind == Kind::Text && piece.text.len() > w.len() && piece.text.ends_with(*w)
            })
            .map(|w| piece.text.len() - w.len());
        match at {
            Some(at) => out.extend(split_at(&piece, at)),
            None => out.push(piece),
        }
    }
    out
}

/// The words of a direction column (指标方向): a cell of their own wherever a text ends with
/// one, or begins with one after a value.
const DIRECTIONS: &[&str] = &["正向指标", "反向指标", "正向", "反向"];

/// The one-character judgements a target and its actual may both print (`好好`, `高高`).
const JUDGED: &str = "好高优良中差低强是否有无";

/// Splits what a row's columns print after a name off the text it is glued to: a direction
/// (`…覆盖率正向`), and a qualitative target glued to the same actual (`…合规性好好`,
/// `…完成情况已完成已完成`). A direction that begins a text after a value is cut off too
/// (`100%正向培训人次`).
fn split_tails(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    let mut pieces = pieces.into_iter().peekable();
    while let Some(piece) = pieces.next() {
        // A result after the text is its row's actual: the text ends with its target once.
        let result_follows = pieces
            .peek()
            .is_some_and(|next| OUTCOMES.contains(&next.text.as_str()));
        if piece.kind != Kind::Text {
            out.push(piece);
            continue;
        }
        let after_value = out.last().is_some_and(|p| p.kind == Kind::Value);
        // A direction whole (`正向指标`) is a cell, not a shorter direction and words.
        if DIRECTIONS.contains(&piece.text.as_str()) {
            out.push(Piece {
                kind: Kind::Word,
                ..piece
            });
            continue;
        }
        let mut piece = piece;
        if after_value
            && let Some(word) = DIRECTIONS
                .iter()
                .find(|w| piece.text.len() > w.len() && piece.text.starts_with(*w))
        {
            let [direction, rest] = split_at(&piece, word.len());
            out.push(Piece {
                kind: Kind::Word,
                ..direction
            });
            piece = Piece {
                kind: Kind::Text,
                ..rest
            };
        }
        if let Some(word) = DIRECTIONS.iter().find(|w| {
            piece.text.ends_with(*w)
                && piece.text[..piece.text.len() - w.len()]
                    .chars()
                    .nth(1)
                    .is_some()
        }) {
            let [name, direction] = split_at(&piece, piece.text.len() - word.len());
            out.push(name);
            out.push(Piece {
                kind: Kind::Word,
                ..direction
            });
            continue;
        }
        match twin_at(&piece.text).filter(|_| !result_follows) {
            Some((first, second)) => {
                let [name, pair] = split_at(&piece, first);
                let [target, actual] = split_at(&pair, second - first);
                out.extend([name, target, actual]);
            }
            None => out.push(piece),
        }
    }
    out
}

/// Where a text ends with one word twice after a name of two characters or more: the byte
/// offsets of the two (`…合规性好好`, `…已完成已完成`). A word of one character is a
/// judgement ([`JUDGED`]); a longer one, up to 24 characters, anything
/// (`…完成1部宣传片,2套方案完成1部宣传片,2套方案`).
fn twin_at(text: &str) -> Option<(usize, usize)> {
    const LONGEST: usize = 24;
    // The offsets of the last characters, from the end: a twin and two characters of name
    // before it are all that is looked at, however long the text.
    let ends: Vec<usize> = text
        .char_indices()
        .rev()
        .take(2 * LONGEST + 2)
        .map(|(i, _)| i)
        .collect();
    (1..=LONGEST).rev().find_map(|n| {
        // Two characters of name at least before the twin.
        ends.get(2 * n + 1)?;
        let (first, second) = (ends[2 * n - 1], ends[n - 1]);
        let word = &text[second..];
        let fits = text[first..second] == *word && (n > 1 || JUDGED.contains(word));
        fits.then_some((first, second))
    })
}

/// The half of a text that is one text twice (`合格合格` is `合格`), if it is.
fn twice(text: &str) -> Option<&str> {
    let half = text.len() / 2;
    let first = text.get(..half)?;
    (text.len().is_multiple_of(2) && !first.is_empty() && text.get(half..) == Some(first))
        .then_some(first)
}

/// Cuts a text that is one text twice into its two cells: a name and the explanation that
/// repeats it (`维修面积维修面积`, under 三级指标 and 绩效指标描述); and a value that is one
/// value twice, a target and the same actual (`2021.1.1-12.312021.1.1-12.31`). Each half is two
/// characters at least, or, after a value (a weight), a judgement of one ([`JUDGED`]: `8`
/// `是是` is a weight, a target and the same actual).
fn split_doubled(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let after_value = out.last().is_some_and(|p| p.kind == Kind::Value);
        let half = twice(&piece.text)
            .filter(|h| match piece.kind {
                // A value twice (`2021.1.1-12.312021.1.1-12.31`): a target and the same
                // actual, a value that holds more than digits, so that it cannot be one
                // number.
                Kind::Value => {
                    h.chars().nth(2).is_some()
                        && h.starts_with(|c: char| c.is_ascii_digit())
                        && h.chars().any(|c| !(c.is_ascii_digit() || c == ','))
                }
                Kind::Text => h.chars().nth(1).is_some() || JUDGED.contains(*h) && after_value,
                Kind::Word => false,
            })
            .map(str::len);
        match half {
            Some(half) => {
                let kind = piece.kind;
                let [first, again] = split_at(&piece, half);
                out.push(first);
                out.push(Piece { kind, ..again });
            }
            None => out.push(piece),
        }
    }
    out
}

/// The most characters of a name that [`tandem_at`] looks for a repeat after, and the
/// fewest and most characters of the repeat: a constant walk per piece, however long.
const TANDEM_NAME: usize = 48;
const TANDEM_SHORTEST: usize = 3;
const TANDEM_LONGEST: usize = 24;

/// Where a text first repeats the characters just before a place, three at least
/// (`科技特派员创业能力提升` `创业能力提升`, `带动农民增收` `农民增收`): the byte offsets of the
/// place and of the repeat's end. The repeat is a qualitative target that prints the name's
/// last words again, glued to the name; Chinese names repeat no run of three characters. The
/// repeat holds two Chinese characters at least: runs of marks (`******`) are no words. Text
/// follows the repeat: a text that ends with one is read by [`twin_at`], as a name and the
/// same target and actual (`成本控制不超过预算不超过预算`) where the table prints actuals.
fn tandem_at(text: &str) -> Option<(usize, usize)> {
    let chars: Vec<(usize, char)> = text
        .char_indices()
        .take(TANDEM_NAME + TANDEM_LONGEST)
        .collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |&(at, _)| at);
    (TANDEM_SHORTEST..=TANDEM_NAME.min(chars.len())).find_map(|place| {
        let longest = place.min(TANDEM_LONGEST).min(chars.len() - place);
        (TANDEM_SHORTEST..=longest).rev().find_map(|n| {
            let before = chars.get(place - n..place)?;
            let after = chars.get(place..place + n)?;
            let words = after
                .iter()
                .filter(|(_, c)| crate::taxonomy::is_han(*c))
                .nth(1)
                .is_some();
            let followed = chars.len() > place + n;
            (words && followed && before.iter().zip(after).all(|(a, b)| a.1 == b.1))
                .then(|| (end_of(place), end_of(place + n)))
        })
    })
}

/// Cuts a text at a repeat of the characters before it ([`tandem_at`]): the name, the repeat,
/// and what follows, each a cell (`带动农民增收农民增收达成预期指标` is a name, its target
/// and the actual). What follows is looked at again.
fn split_tandem(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let mut piece = piece;
        while piece.kind == Kind::Text
            && let Some((place, end)) = tandem_at(&piece.text)
        {
            let [name, rest] = split_at(&piece, place);
            let [repeat, mut rest] = split_at(&rest, end - place);
            let len = repeat.text.len();
            out.push(name);
            out.push(Piece {
                kind: Kind::Text,
                ..repeat
            });
            // The repeat again is a cell again: a target and the same actual.
            while rest.text.len() > len
                && out
                    .last()
                    .is_some_and(|last| rest.text.starts_with(last.text.as_str()))
            {
                let [again, after] = split_at(&rest, len);
                out.push(Piece {
                    kind: Kind::Text,
                    ..again
                });
                rest = after;
            }
            if rest.text.is_empty() {
                piece = rest;
                break;
            }
            piece = Piece {
                kind: Kind::Text,
                ..rest
            };
        }
        if !piece.text.is_empty() {
            out.push(piece);
        }
    }
    out
}

/// The most texts [`split_known`] remembers, and the most characters of each: a table's
/// columns after its values repeat a few texts, and the cap keeps the walk linear.
const KNOWN_TEXTS: usize = 64;
const KNOWN_CHARS: usize = 40;

/// Cuts a text after a value where it begins with a text that stood alone after a value
/// before: a column that repeats its text (`该指标值数据合理`) glued to the next row's name
/// (`=13人` `该指标值数据合理保障遗属人数(人)`). A text stood alone where a word (a label,
/// a header) or the end followed it; what is left after it is two characters at least.
fn split_known(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut known: Vec<String> = Vec::new();
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    let mut pieces = pieces.into_iter().peekable();
    while let Some(piece) = pieces.next() {
        let after_value = out.last().is_some_and(|p: &Piece| p.kind == Kind::Value);
        if piece.kind != Kind::Text || !after_value {
            out.push(piece);
            continue;
        }
        let prefix = known.iter().find(|k| {
            piece.text.len() > k.len()
                && piece.text.starts_with(k.as_str())
                && piece.text[k.len()..].chars().nth(1).is_some()
        });
        if let Some(prefix) = prefix {
            let [text, rest] = split_at(&piece, prefix.len());
            out.push(text);
            out.push(Piece {
                kind: Kind::Text,
                ..rest
            });
            continue;
        }
        // A name is followed by its values; a text that ends a row, by a label or the end.
        let alone = pieces.peek().is_none_or(|next| next.kind == Kind::Word);
        let chars = piece.text.chars().count();
        if alone
            && (2..=KNOWN_CHARS).contains(&chars)
            && known.len() < KNOWN_TEXTS
            && !known.contains(&piece.text)
        {
            known.push(piece.text.clone());
        }
        out.push(piece);
    }
    out
}

/// A text piece cut in two at a byte offset: the name before it, a value after it.
fn split_at(piece: &Piece, at: usize) -> [Piece; 2] {
    [
        Piece {
            text: piece.text[..at].to_owned(),
            kind: Kind::Text,
            column: piece.column,
        },
        Piece {
            text: piece.text[at..].to_owned(),
            kind: Kind::Value,
            column: piece.column + piece.text[..at].chars().count(),
        },
    ]
}

/// Splits words that judge a result off the end of a text that reads like a name:
/// `义务教育优质均衡发展情况稳步提高` is a name and its qualitative target.
fn split_judgement(pieces: Vec<Piece>) -> Vec<Piece> {
    const JUDGING: &[&str] = &[
        "稳步提高",
        "稳步提升",
        "持续改善",
        "持续提升",
        "持续提高",
        "明显改善",
        "明显提高",
        "显著提高",
        "显著提升",
        "显著改善",
        "逐步提高",
        "有所提升",
        "有所提高",
        "有所减轻",
        "有所改善",
        "进一步提高",
        "进一步提升",
        "得到提升",
        "得到改善",
        "效果明显",
        "达标",
        "合格",
        "及时",
        "长期",
        "中长期",
        "持续影响",
        "稳定",
        "良好",
        "优良",
        "提高",
        "提升",
        "改善",
        "按计划实施",
        "按时完成",
        "达成预期指标",
        "达成年度指标",
    ];
    // Targets no name ends with: cut after any name of four characters or more.
    const STRONG: &[&str] = &[
        "效果明显",
        "效果显著",
        "效果良好",
        "影响明显",
        "正面影响",
        "正面支撑",
        "有力保障",
        "持续保障",
        "长期有效",
        "长期",
        "符合规定",
        "符合相关规定",
    ];
    let mut out = Vec::with_capacity(pieces.len());
    for piece in pieces {
        if piece.kind == Kind::Text {
            let judged = JUDGING
                .iter()
                .filter(|w| piece.text.ends_with(*w))
                .map(|w| piece.text.len() - w.len())
                .filter(|&at| {
                    piece.text[..at]
                        .chars()
                        .last()
                        .is_some_and(|c| "率度数量况性值额比例标效".contains(c))
                });
            let strong = STRONG
                .iter()
                .filter(|w| piece.text.ends_with(*w))
                .map(|w| piece.text.len() - w.len())
                .filter(|&at| piece.text[..at].chars().nth(3).is_some());
            // A yes-or-no question answered (`是否对当地生态环境造成影响否`, `有无安全事故无`).
            let answer = piece.text.chars().last().and_then(|last| {
                let at = piece.text.len() - last.len_utf8();
                let asked = &piece.text[..at];
                // The question its answer's character asks: 是/否 answer 是否, 有/无 有无.
                let question = match last {
                    '是' | '否' => "是否",
                    '有' | '无' => "有无",
                    _ => return None,
                };
                (asked.contains(question)
                    && !asked.ends_with(question)
                    && asked.chars().nth(3).is_some())
                .then_some(at)
            });
            let cut = judged.chain(strong).chain(answer).min();
            if let Some(at) = cut {
                out.extend(split_at(&piece, at));
                continue;
            }
        }
        out.push(piece);
    }
    out
}

/// Takes the marks of a core column and a unit column off the text they are glued to: `否`
/// after a row's numbers before the next name (`22否预算完成率`), and `%` after a rate's name
/// (`预算完成率%`), where the grid may have a unit column: a grid whose header names none
/// keeps the `%` on the name (`及时率%=99百分比`).
fn split_marks(pieces: Vec<Piece>, columns: Columns) -> Vec<Piece> {
    let units = columns.measure || !columns.read;
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        if piece.kind != Kind::Text {
            out.push(piece);
            continue;
        }
        let mut text = piece.text.as_str();
        let mut column = piece.column;
        let after_value = out.last().is_some_and(|p| p.kind == Kind::Value);
        let mut chars = text.chars();
        if let (Some(mark @ ('是' | '否')), Some(next)) = (chars.next(), chars.next())
            && after_value
            && !matches!(next, '是' | '否')
        {
            out.push(Piece {
                text: mark.to_string(),
                kind: Kind::Word,
                column,
            });
            text = &text[mark.len_utf8()..];
            column += 1;
        }
        let unit = ['%', '％']
            .iter()
            .find_map(|u| text.strip_suffix(*u))
            .filter(|name| units && name.ends_with('率'));
        match unit {
            Some(name) => {
                let count = name.chars().count();
                out.push(Piece {
                    text: name.to_owned(),
                    kind: Kind::Text,
                    column,
                });
                out.push(Piece {
                    text: text[name.len()..].to_owned(),
                    kind: Kind::Word,
                    column: column + count,
                });
            }
            None => out.push(Piece {
                text: text.to_owned(),
                kind: Kind::Text,
                column,
            }),
        }
    }
    out
}

/// Splits a comparator's number of two equal halves of two digits or more, with no unit,
/// into the target and the same actual glued after it (`≥1010` is `≥10` and `10`).
fn split_signed_halves(pieces: Vec<Piece>) -> Vec<Piece> {
    const MOST_DIGITS: usize = 8;
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let t = piece.text.as_str();
        let digits = t.trim_start_matches(COMPARATORS);
        let sign = t.len() - digits.len();
        let half = digits.len() / 2;
        let halves = piece.kind == Kind::Value
            && sign > 0
            && (4..=MOST_DIGITS).contains(&digits.len())
            && digits.bytes().all(|b| b.is_ascii_digit())
            && twice(digits).is_some()
            && !digits.starts_with('0');
        if halves {
            let [target, actual] = split_at(&piece, sign + half);
            out.push(Piece {
                kind: Kind::Value,
                ..target
            });
            out.push(actual);
            continue;
        }
        out.push(piece);
    }
    out
}

/// Splits a number of two equal halves after a row's values into the halves: a weight and
/// the same score glued (`100%100%1010` ends with `10`, `10`; `22` is `2`, `2`); and after a
/// name where the halves have two digits or more (`…种植面积1010`).
fn split_halves(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let t = piece.text.as_str();
        let half = t.len() / 2;
        let halves = piece.kind == Kind::Value && twice(t).is_some_and(is_points);
        // After a name, a row without a target shows its weight and score alone (`…面积1010`):
        // halves of two digits at least, as a number of one digit twice may be a target.
        let after = out.last().map(|p| p.kind);
        let alone = after == Some(Kind::Text) && half >= 2;
        if halves && (after == Some(Kind::Value) || alone) {
            out.push(Piece {
                text: t[..half].to_owned(),
                kind: Kind::Value,
                column: piece.column,
            });
            out.push(Piece {
                text: t[half..].to_owned(),
                kind: Kind::Value,
                column: piece.column + half,
            });
            continue;
        }
        out.push(piece);
    }
    out
}

/// Whether a number may be a row's points: 100 at most, whole or with one decimal point
/// (`10`, `9.3`), without a leading zero but for `0.5`.
fn is_points(text: &str) -> bool {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, "0"));
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    digits(whole)
        && digits(fraction)
        && (whole == "0" || !whole.starts_with('0'))
        && text != "0"
        && whole.len() <= 3
        && whole
            .parse::<u32>()
            .is_ok_and(|w| w < 100 || (w == 100 && fraction.bytes().all(|b| b == b'0')))
}

/// Takes a number off a value where the value after it repeats its tail: `8550万粒` before
/// `550万粒` is `8` and `550万粒` (a weight and a target glued).
fn split_repeats(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for n in 0..pieces.len() {
        let piece = &pieces[n];
        let next = pieces.get(n + 1);
        if let (Kind::Value, Some(next)) = (piece.kind, next) {
            let longer = piece.text.len() > next.text.len();
            if next.kind == Kind::Value && longer && piece.text.ends_with(&next.text) {
                let head = &piece.text[..piece.text.len() - next.text.len()];
                if !head.is_empty() && head.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
                    out.push(Piece {
                        text: head.to_owned(),
                        kind: Kind::Value,
                        column: piece.column,
                    });
                    out.push(Piece {
                        text: next.text.clone(),
                        kind: Kind::Value,
                        column: piece.column + head.chars().count(),
                    });
                    continue;
                }
            }
        }
        out.push(piece.clone());
    }
    out
}

/// Takes a weight and the same score off the end of a number they are glued to: a
/// self-evaluation's row ends with its actual, its weight and its score (`≥3次` `31010` is
/// `3`, `10`, `10`; `≤441010` is `≤4`, `4`, `10`, `10`). The weight and score are the same
/// number of 100 at most, repeated at the end; after a name (where the number may be a
/// target of its own, `12000`) only a weight of two digits or more is taken.
fn split_points(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let after = out.last().map(|p| p.kind);
        let op_len = piece.text.len() - piece.text.trim_start_matches(COMPARATORS).len();
        let digits = &piece.text[op_len..];
        let bare = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.');
        let shortest = match after {
            Some(Kind::Value) if op_len == 0 => 1,
            Some(Kind::Text) if op_len == 0 => 2,
            // A target's digits run on into its actual and points: six digits at least.
            _ if op_len > 0 && digits.len() >= 6 => 1,
            _ => usize::MAX,
        };
        let Some(head) = (piece.kind == Kind::Value && bare)
            .then(|| points_at(digits, shortest))
            .flatten()
        else {
            out.push(piece);
            continue;
        };
        let head_end = op_len + head;
        let weight_len = (piece.text.len() - head_end) / 2;
        let mut column = piece.column;
        let mut push = |out: &mut Vec<Piece>, text: &str| {
            out.push(Piece {
                text: text.to_owned(),
                kind: Kind::Value,
                column,
            });
            column += text.chars().count();
        };
        // Before the points, a target glued to its actual: two halves of one length.
        let rest = &digits[..head];
        let (half_a, half_b) = rest.split_at(rest.len() / 2);
        if op_len > 0 && rest.len() % 2 == 0 && !half_b.starts_with('0') {
            push(&mut out, &piece.text[..op_len + half_a.len()]);
            push(&mut out, half_b);
        } else {
            push(&mut out, &piece.text[..head_end]);
        }
        push(&mut out, &piece.text[head_end..head_end + weight_len]);
        push(&mut out, &piece.text[head_end + weight_len..]);
    }
    out
}

/// The comparators a glued value may begin with.
const COMPARATORS: &[char] = &['≥', '≤', '>', '<', '=', '＞', '＜', '＝', '≧', '≦'];

/// Where a weight and the same score start at the end of a run of digits ([`split_points`]):
/// the longest weight of `shortest` digits or more, up to three, of 1 to 100, with digits
/// before it that do not begin with a zero.
fn points_at(digits: &str, shortest: usize) -> Option<usize> {
    // A weight of up to three digits, or of up to five characters with a decimal point.
    (shortest..=5).rev().find_map(|len| {
        let head = digits.len().checked_sub(2 * len).filter(|&h| h > 0)?;
        let (weight, score) = digits.get(head..)?.split_at(len);
        let whole = !weight.contains('.');
        let head_text = &digits[..head];
        let fits = weight == score
            && is_points(weight)
            && (!whole || len <= 3)
            && !head_text.ends_with('.')
            && head_text.matches('.').count() <= 1
            && (head == 1 || !digits.starts_with('0'));
        fits.then_some(head)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dictionary_is_in_simplified_characters_and_its_first_characters_are_bucketed() {
        // `printed_len` takes a character printed as the word has it without simplifying it:
        // as `simplified` would, where every character of the words is its own simplified form.
        for word in HEADERS.iter().chain(LABELS).chain(MODIFIERS) {
            assert!(
                word.chars().all(|c| crate::taxonomy::simplified(c) == c),
                "{word} is in simplified characters"
            );
        }
        // Every word's first character passes the filter.
        for word in HEADERS.iter().chain(LABELS) {
            assert!(word.chars().next().is_none_or(may_begin_word), "{word}");
        }
        // Every word is in the range of its first character.
        let dictionary = &*DICTIONARY;
        for &(c, word) in &dictionary.words[dictionary.empty..] {
            let c = c.expect("a word after the empty ones has a first character");
            let &(_, from, to) = dictionary
                .firsts
                .iter()
                .find(|f| f.0 == c)
                .expect("its first character is listed");
            assert!(dictionary.words[from..to].iter().any(|&(_, w)| w == word));
        }
    }

    fn texts(line: &str) -> Vec<String> {
        pieces(line, &mut Columns::default())
            .into_iter()
            .map(|p| p.text)
            .collect()
    }

    /// The texts a line is cut into after a header line.
    fn texts_after(header: &str, line: &str) -> Vec<String> {
        let mut columns = Columns::default();
        pieces(header, &mut columns);
        pieces(line, &mut columns)
            .into_iter()
            .map(|p| p.text)
            .collect()
    }

    /// The cells of a glued grid: text, line and column.
    fn cells(lines: &[&str]) -> Vec<(String, usize, usize)> {
        grid(lines)
            .rows()
            .iter()
            .flatten()
            .map(|c| (c.text().to_owned(), c.line(), c.column()))
            .collect()
    }

    #[test]
    fn times_are_a_unit_and_a_total_of_scores_one_word() {
        assert_eq!(
            texts("创业担保基金放大倍数≥2倍10倍"),
            ["创业担保基金放大倍数", "≥2倍", "10倍"]
        );
        assert_eq!(texts("得分合计100"), ["得分合计", "100"]);
    }

    #[test]
    fn header_fragments_go_on_toward_a_known_header() {
        assert!(heads_toward("偏差原因", "偏差原因分析及"));
        assert!(heads_toward("扣分原因", "扣分原因和其他说"));
        assert!(heads_toward("未完成原因", "未完成原因分析及改进措施"));
        assert!(!heads_toward("备注", "备注产出成效"));
        assert!(!heads_toward("绩效标准", "绩效标准产出成效"));
    }

    #[test]
    fn a_text_twice_is_a_name_and_the_explanation_that_repeats_it() {
        assert_eq!(
            texts("维修面积维修面积≥400平方米"),
            ["维修面积", "维修面积", "≥400平方米"]
        );
        // One character twice is a name's own (`哈哈`-like words), and so is an odd text;
        // after a value, a judgement twice is a target and the same actual.
        assert_eq!(texts("好好≥1次"), ["好好", "≥1次"]);
        assert_eq!(
            texts_after(
                "一级指标二级指标三级指标分值年度指标值全年实际值得分",
                "种薯采购价格不高于市场价8是是8"
            ),
            ["种薯采购价格不高于市场价", "8", "是", "是", "8"]
        );
    }

    #[test]
    fn a_text_that_ended_a_row_before_comes_off_the_next_name() {
        assert_eq!(
            texts(
                "保障职工人数=116人该值合理数量指标保障遗属人数=13人该值合理林木采伐量=6万立方米"
            ),
            [
                "保障职工人数",
                "=116人",
                "该值合理",
                "数量指标",
                "保障遗属人数",
                "=13人",
                "该值合理",
                "林木采伐量",
                "=6万立方米"
            ]
        );
        // A name followed by its value is no text to cut by: the next name may begin with it.
        assert_eq!(
            texts("课时比例70%培训完成率100%课时比例完成率100%"),
            [
                "课时比例",
                "70%",
                "培训完成率",
                "100%",
                "课时比例完成率",
                "100%"
            ]
        );
    }

    #[test]
    fn value_headers_in_words_of_their_own_are_cut_at_their_ending() {
        assert_eq!(
            texts("一级指标二级指标三级指标预算设定指标值项目完成指标值"),
            [
                "一级指标",
                "二级指标",
                "三级指标",
                "预算设定指标值",
                "项目完成指标值"
            ]
        );
        // A level's label before 值 is a value's header, not a label (`项目完成指标`).
        assert_eq!(word_at("项目完成指标值"), None);
    }

    #[test]
    fn a_short_note_in_brackets_stays_in_its_text() {
        assert_eq!(
            texts("项目年度绩效目标(定量指标)规章制度建立与否20"),
            ["项目年度绩效目标(定量指标)规章制度建立与否", "20"]
        );
        assert_eq!(bracket_note("(定量指标)制度"), Some("(定量指标)".len()));
        // A weight is a cell's, and a bracket that does not close soon is no note.
        assert_eq!(bracket_note("(10分)"), None);
        assert_eq!(bracket_note("(一二三四五六七八九十一二三)"), None);
    }

    #[test]
    fn a_rates_percent_is_a_unit_cell_only_where_the_header_has_units() {
        assert_eq!(
            texts_after(
                "一级指标二级指标三级指标指标目标值",
                "时效指标各项工作完成及时率%=99百分比"
            ),
            ["时效指标", "各项工作完成及时率%", "=99百分比"]
        );
        assert_eq!(
            texts_after(
                "一级指标二级指标三级指标计量单位指标值",
                "时效指标各项工作完成及时率%=99"
            ),
            ["时效指标", "各项工作完成及时率", "%", "=99"]
        );
    }

    #[test]
    fn a_signed_value_after_words_ends_them() {
        assert_eq!(
            texts("流转土地补助标准<=475元/亩景观建设成本<=2875元/个"),
            [
                "流转土地补助标准",
                "<=475元/亩",
                "景观建设成本",
                "<=2875元/个"
            ]
        );
        // Words that go on after the value keep it.
        assert_eq!(texts("全部达到≥90%的标准"), ["全部达到≥90%的标准"]);
    }

    #[test]
    fn a_name_ends_before_its_bracket() {
        assert_eq!(
            texts("景点开发数量(≥**个)>=4个流转土地>=60亩"),
            ["景点开发数量(≥**个)", ">=4个", "流转土地", ">=60亩"]
        );
        assert_eq!(
            texts("保障人数(人)=116人遗属人数=13人"),
            ["保障人数(人)", "=116人", "遗属人数", "=13人"]
        );
    }

    #[test]
    fn a_name_ends_before_a_repeat_of_its_last_words() {
        assert_eq!(
            texts("质量指标科技特派员创业能力提升创业能力提升达成预期指标2020"),
            [
                "质量指标",
                "科技特派员创业能力提升",
                "创业能力提升",
                "达成预期指标",
                "20",
                "20"
            ]
        );
        // The name repeated whole, and the repeat's own repeat after it.
        assert_eq!(
            texts("巩固拓展脱贫攻坚成果巩固拓展脱贫攻坚成果达成预期指标"),
            [
                "巩固拓展脱贫攻坚成果",
                "巩固拓展脱贫攻坚成果",
                "达成预期指标"
            ]
        );
        let cut = pieces(
            "保证财政建设补助专款专用专款专用专款专用完成",
            &mut Columns::default(),
        );
        let cut: Vec<(&str, usize)> = cut.iter().map(|p| (p.text.as_str(), p.column)).collect();
        assert_eq!(
            cut,
            [
                ("保证财政建设补助专款专用", 0),
                ("专款专用", 12),
                ("专款专用", 16),
                ("完成", 20)
            ]
        );
        // A text that ends with its repeat is a name and the same target and actual.
        assert_eq!(
            texts("成本控制不超过预算不超过预算"),
            ["成本控制", "不超过预算", "不超过预算"]
        );
        // Runs of two characters, or of marks, are no repeat.
        assert_eq!(texts("研究研究成果转化"), ["研究研究成果转化"]);
        assert_eq!(texts("受益人数******户"), ["受益人数******户"]);
    }

    #[test]
    fn a_long_target_and_the_same_actual_come_off_the_name() {
        assert_eq!(
            texts("完成自评估报告完成1部宣传片,2套方案完成1部宣传片,2套方案"),
            [
                "完成自评估报告",
                "完成1部宣传片,2套方案",
                "完成1部宣传片,2套方案"
            ]
        );
    }

    #[test]
    fn a_signed_number_of_equal_halves_is_a_target_and_the_same_actual() {
        assert_eq!(texts("开展培训次数≥1010"), ["开展培训次数", "≥10", "10"]);
        // One digit twice, a unit, or halves that differ: one value.
        for value in ["≥11", "≥1010人", "≥1020"] {
            assert_eq!(
                texts(&format!("开展培训次数{value}")),
                ["开展培训次数", value]
            );
        }
    }

    #[test]
    fn a_comparator_in_words_begins_a_value() {
        assert_eq!(
            texts("设备验收合格率正向等于100%"),
            ["设备验收合格率", "正向", "等于100%"]
        );
        assert_eq!(texts("故障率反向不大于5%"), ["故障率", "反向", "不大于5%"]);
    }

    #[test]
    fn a_category_without_its_suffix_comes_off_the_name_under_a_category_column() {
        let header = "一级指标二级指标三级指标分值";
        assert_eq!(
            texts_after(header, "投入(14分)项目立项项目立项规范性4分"),
            ["投入(14分)", "项目立项", "项目立项规范性", "4分"]
        );
        assert_eq!(
            texts_after(header, "服务对象满意度使用人员满意度≥98%"),
            ["服务对象满意度", "使用人员满意度", "≥98%"]
        );
        // A category of fewer than four characters begins names as often (`成本控制率`);
        // a label that is the whole text is the name.
        assert_eq!(
            texts_after(header, "产出指标成本控制率100%"),
            ["产出指标", "成本控制率", "100%"]
        );
        assert_eq!(
            texts_after(header, "满意度指标服务对象满意度≥90%"),
            ["满意度指标", "服务对象满意度", "≥90%"]
        );
        // Without a category column a name may begin with a category's words.
        assert_eq!(
            texts_after("一级指标三级指标指标值", "可持续影响力提升显著"),
            ["可持续影响力提升显著"]
        );
    }

    #[test]
    fn a_unit_comes_off_the_name_where_the_unit_column_follows_the_names() {
        let header = "一级指标二级指标三级指标计量单位指标值";
        assert_eq!(
            texts_after(header, "国家级公益林管护面积万亩28"),
            ["国家级公益林管护面积", "万亩", "28"]
        );
        assert_eq!(
            texts_after(header, "党性教育培训次数次26次"),
            ["党性教育培训次数", "次", "26次"]
        );
        // Where the unit column does not follow the names', the name keeps its end.
        assert_eq!(
            texts_after("一级指标二级指标三级指标指标值计量单位", "管护面积万亩28"),
            ["管护面积万亩", "28"]
        );
    }

    #[test]
    fn points_come_off_the_name_where_the_weight_column_follows_the_names() {
        let header = "一级指标二级指标三级指标分值年度指标值全年实际值得分";
        assert_eq!(
            texts_after(header, "可行性2实际工作需求2"),
            ["可行性", "2", "实际工作需求", "2"]
        );
        assert_eq!(
            texts_after(header, "指标1种薯采购价格不高于市场价8是"),
            ["指标1种薯采购价格不高于市场价", "8", "是"]
        );
        // Numbers that count or order something stay the name's.
        for name in ["前3名学生获奖", "第2批项目验收", "近3年完成", "培训5期学员"]
        {
            assert_eq!(texts_after(header, name), [name]);
        }
        // Where no weight column follows the names', a number is the name's.
        assert_eq!(
            texts_after("一级指标二级指标三级指标指标值分值", "可行性2实际工作需求"),
            ["可行性2实际工作需求"]
        );
    }

    #[test]
    fn a_value_takes_a_unit_in_latin_letters() {
        assert_eq!(
            texts("雾炮车风炮射程80M计划标准"),
            ["雾炮车风炮射程", "80M", "计划标准"]
        );
        assert_eq!(texts("巡查里程5km按时"), ["巡查里程", "5km", "按时"]);
        // Letters that go on are a word's, not a unit.
        assert_eq!(texts("型号3Mate设备"), ["型号3Mate设备"]);
    }

    #[test]
    fn a_weight_in_brackets_after_a_few_words_ends_them() {
        assert_eq!(
            texts("绩效目标合理性(2分)部门所设立的整体绩效目标依据是否充分"),
            [
                "绩效目标合理性(2分)",
                "部门所设立的整体绩效目标依据是否充分"
            ]
        );
        // In a sentence it is the sentence's.
        assert_eq!(
            texts("按时完成得满分,否则扣分(5分)以内"),
            ["按时完成得满分,否则扣分(5分)以内"]
        );
    }

    #[test]
    fn a_weight_and_its_score_after_a_name_end_it() {
        assert_eq!(
            texts("★瓜果蔬菜种植面积1010梨树种植面积6亩6亩"),
            [
                "★瓜果蔬菜种植面积",
                "10",
                "10",
                "梨树种植面积",
                "6亩",
                "6亩"
            ]
        );
        // A year is no weight and score: `2020年` begins the words after it.
        assert_eq!(texts("完成面积2020年底前"), ["完成面积", "2020年底前"]);
    }

    #[test]
    fn labels_end_with_their_notes_and_weights() {
        assert_eq!(
            texts("成本指标(必填硬性指标)经济成本指标人均成本≤300元"),
            [
                "成本指标(必填硬性指标)",
                "经济成本指标",
                "人均成本",
                "≤300元"
            ]
        );
        // A label named without 指标 ends before its weight; traditional characters read.
        assert_eq!(
            texts("投入(14分)资金落实指标资金到位率100%"),
            ["投入(14分)", "资金落实指标", "资金到位率", "100%"]
        );
        assert_eq!(
            texts("產出指標數量指標培訓人次≥100人次"),
            ["產出指標", "數量指標", "培訓人次", "≥100人次"]
        );
        // Words in brackets with a number are no note: a name's own.
        assert_eq!(texts("产出指标(2024年)"), ["产出指标", "(2024年)"]);
    }

    #[test]
    fn an_evaluation_s_bare_tier_and_category_come_off_the_name() {
        let header = "一级指标二级指标三级指标半年(程)指标值全年(程)指标值";
        assert_eq!(
            texts(header),
            [
                "一级指标",
                "二级指标",
                "三级指标",
                "半年(程)指标值",
                "全年(程)指标值"
            ]
        );
        assert_eq!(
            texts_after(header, "决策项目立项立项程序规范性规范规范"),
            ["决策", "项目立项", "立项程序规范性", "规范", "规范"]
        );
        // A modifier before a level's header is words of a name, not a header: the
        // category stays whole.
        assert_eq!(
            texts_after(header, "绩效目标绩效指标明确性明确明确")[0],
            "绩效目标"
        );
        // A bare tier before no category is a name's first words.
        assert_eq!(
            texts_after(header, "决策程序规范性规范规范")[0],
            "决策程序规范性"
        );
    }

    #[test]
    fn a_performance_target_value_is_one_header() {
        assert_eq!(
            texts("三级指标绩效目标值实际完成值"),
            ["三级指标", "绩效目标值", "实际完成值"]
        );
    }

    #[test]
    fn counted_points_after_a_value_begin_a_scoring_rule() {
        assert_eq!(
            texts("伙食补助到位率90%以上实际收到补助金额/2023年补助预算90%得10分,每减少1%扣1分"),
            [
                "伙食补助到位率",
                "90%以上",
                "实际收到补助金额/2023年补助预算",
                "90%得10分,每减少1%扣1分"
            ]
        );
    }

    #[test]
    fn a_direction_with_its_suffix_is_one_cell() {
        assert_eq!(
            texts("产出指标时效指标维持时效≥1年20正向指标"),
            ["产出指标", "时效指标", "维持时效", "≥1年", "20", "正向指标"]
        );
    }

    #[test]
    fn directions_and_twin_judgements_are_cut_off_names() {
        assert_eq!(
            texts("补贴发放覆盖率正向≥95%"),
            ["补贴发放覆盖率", "正向", "≥95%"]
        );
        assert_eq!(
            texts("≥95%反向投诉次数≤3次"),
            ["≥95%", "反向", "投诉次数", "≤3次"]
        );
        assert_eq!(texts("资金使用合规性好好"), ["资金使用合规性", "好", "好"]);
        assert_eq!(
            texts("宣传片制作完成情况已完成已完成"),
            ["宣传片制作完成情况", "已完成", "已完成"]
        );
        // A name that ends with a doubled character that judges nothing stays whole, and a
        // name is two characters at least.
        assert_eq!(texts("农村公路户户通"), ["农村公路户户通"]);
        assert_eq!(texts("星星"), ["星星"]);
        assert_eq!(texts("好好"), ["好好"]);
    }

    #[test]
    fn a_weight_and_its_score_come_off_the_numbers_they_are_glued_to() {
        // After a target: the actual, the weight and the score.
        assert_eq!(
            texts("开展县域结对交流活动≥3次31010"),
            ["开展县域结对交流活动", "≥3次", "3", "10", "10"]
        );
        assert_eq!(
            texts("项目总成本≤90万元9088"),
            ["项目总成本", "≤90万元", "90", "8", "8"]
        );
        // A target's digits run on into its actual: halves of one length.
        assert_eq!(
            texts("完成农村户用卫生厕所改造数量≥200030611010"),
            ["完成农村户用卫生厕所改造数量", "≥2000", "3061", "10", "10"]
        );
        assert_eq!(
            texts("示范村建设数量≤441010"),
            ["示范村建设数量", "≤4", "4", "10", "10"]
        );
        // After a name, a row without its target: the weight and the score alone.
        assert_eq!(
            texts("补助各类粮食作物种植面积1010"),
            ["补助各类粮食作物种植面积", "10", "10"]
        );
        // A target of its own is no points: no weight of one digit after a name, and none
        // of more than 100 or of a zero.
        assert_eq!(texts("培训人数12000"), ["培训人数", "12000"]);
        assert_eq!(texts("受益人口11055"), ["受益人口", "11055"]);
        assert_eq!(texts("投资金额≥500000"), ["投资金额", "≥500000"]);
    }

    #[test]
    fn a_short_word_that_ends_a_line_after_a_value_is_its_unit() {
        assert_eq!(texts("开展送戏进万村≥70村"), ["开展送戏进万村", "≥70村"]);
        assert_eq!(texts("开展运动种类1种"), ["开展运动种类", "1种"]);
        // Words of three characters or more are a cell of their own.
        assert_eq!(
            texts("雾炮车风炮射程80计划标准"),
            ["雾炮车风炮射程80计划标准"]
        );
    }

    #[test]
    fn a_count_s_name_takes_a_bare_number() {
        assert_eq!(
            texts("雾炮车抑尘降尘服务配备车辆数10计划标准"),
            ["雾炮车抑尘降尘服务配备车辆数", "10", "计划标准"]
        );
        // A year after a count is the words'.
        assert_eq!(
            texts("依据2020年实际执行数2021年实际执行数"),
            ["依据2020年实际执行数2021年实际执行数"]
        );
    }

    #[test]
    fn a_weight_that_begins_a_cell_is_a_cell() {
        assert_eq!(
            texts("(50分)数量指标★补助各类粮食作物种植面积1010"),
            [
                "(50分)",
                "数量指标",
                "★补助各类粮食作物种植面积",
                "10",
                "10"
            ]
        );
        // After words, brackets are no cell of their own.
        assert!(!texts("培训人数(50分)").contains(&"(50分)".to_owned()));
        // Points with a decimal point, glued twice.
        assert_eq!(
            texts("配套电力设施1250KVA变压器3台39.39.3"),
            ["配套电力设施1250KVA变压器", "3台", "3", "9.3", "9.3"]
        );
    }

    #[test]
    fn headers_are_read_with_their_modifiers_notes_and_traditional_characters() {
        assert_eq!(
            texts("三级指标年初目标值(A)全年实际完成值(B)单项指标得分"),
            [
                "三级指标",
                "年初目标值(A)",
                "全年实际完成值(B)",
                "单项指标得分"
            ]
        );
        assert_eq!(
            texts("指標性質指標值度量單位實際完成值"),
            ["指標性質", "指標值", "度量單位", "實際完成值"]
        );
        assert_eq!(
            texts("二级指标(2)指标值(包含数字及文字描述)"),
            ["二级指标(2)", "指标值(包含数字及文字描述)"]
        );
        // Inside a name, a row's result is the name's.
        assert_eq!(
            texts("宣传片制作完成情况已完成已完成"),
            ["宣传片制作完成情况", "已完成", "已完成"]
        );
    }

    #[test]
    fn a_line_may_begin_with_a_label_in_unknown_words() {
        assert_eq!(
            texts("实施效果指标产出指标建设项目个数1"),
            ["实施效果指标", "产出指标", "建设项目个数", "1"]
        );
        // A numbered name is no label; nor is a label's word inside a line.
        assert_eq!(texts("指标1:开展培训次数≥3次")[0], "指标1:开展培训次数");
        assert!(!texts("完成培训任务实施效果指标").contains(&"实施效果指标".to_owned()));
    }

    #[test]
    fn values_end_with_their_long_units_words_and_ranges() {
        assert_eq!(
            texts("建设成本<=3000元/平方米合格率≥100百分比"),
            ["建设成本", "<=3000元/平方米", "合格率", "≥100百分比"]
        );
        assert_eq!(
            texts("采购计划完成时间11月底之前资金落实期限2019年1月-2019年12月"),
            [
                "采购计划完成时间",
                "11月底之前",
                "资金落实期限",
                "2019年1月-2019年12月"
            ]
        );
        // A dash before words is no range.
        assert_eq!(texts("培训人数10人-次要"), ["培训人数", "10人", "-次要"]);
    }

    #[test]
    fn a_header_that_names_its_year_is_one_word() {
        assert_eq!(
            texts("三级指标2021年实际实现值预期2022年实现值指标标准或依据"),
            [
                "三级指标",
                "2021年实际实现值",
                "预期2022年实现值",
                "指标标准或依据"
            ]
        );
        // A year before words that head no column heads nothing.
        assert_eq!(texts("开工时间2021年实施"), ["开工时间2021年实施"]);
    }

    #[test]
    fn a_self_evaluation_s_result_is_cut_off_its_target() {
        assert_eq!(
            texts("带动农民增收农民增收达成预期指标"),
            ["带动农民增收", "农民增收", "达成预期指标"]
        );
        // The result alone is a cell as it is.
        assert_eq!(texts("达成预期指标"), ["达成预期指标"]);
    }

    #[test]
    fn lines_wrapped_at_one_width_go_on_with_the_next() {
        // Wrapped at 24 characters: `维修面积`, `受益人口` and `群众满意度` are cut by the
        // wrap, and each is one cell, placed where it starts.
        let text = "一级指标二级指标三级指标指标值产出指标数量指标维修面积≥400平方米质量指标验收合\
                    格率≥98%时效指标完成时间2024年12月底前社会效益指标受益人口≥5000人满\
                    意度指标服务对象满意度指标群众满意度≥90%";
        let wrapped: Vec<String> = text
            .chars()
            .collect::<Vec<char>>()
            .chunks(24)
            .map(|c| c.iter().collect())
            .collect();
        let lines: Vec<&str> = wrapped.iter().map(String::as_str).collect();
        assert_eq!(wrap_width(lines.iter().copied()), Some(24));
        let cells = cells(&lines);
        for cell in [
            ("维修面积", 1, 24),
            ("≥400平方米", 2, 4),
            ("受益人口", 3, 24),
            ("群众满意度", 4, 24),
            ("≥90%", 5, 5),
        ] {
            assert!(
                cells.contains(&(cell.0.to_owned(), cell.1, cell.2)),
                "{cell:?} in {cells:?}"
            );
        }
    }

    #[test]
    fn rows_a_line_each_are_not_wrapped() {
        let lines = [
            "一级指标二级指标三级指标指标值",
            "产出指标数量指标维修面积≥400平方米",
            "质量指标验收合格率≥98%",
            "效益指标社会效益指标受益人口≥5000人",
        ];
        assert_eq!(wrap_width(lines.iter().copied()), None);
        // Three lines of one width are too few to tell a wrap from chance.
        let same = [
            "一二三四五六七八九十一二三四五六七八九十",
            "一二三四五六七八九十一二三四五六七八九十",
            "end",
        ];
        assert_eq!(wrap_width(same.iter().copied()), None);
    }

    #[test]
    fn short_numbered_items_are_no_pages() {
        // `1、`, `2、`, `3、` at the start of short lines number items, which end with their
        // lines; they are not a document site's pages that run on into each other.
        let lines = [
            "1、施用配方肥≧18500亩",
            "2、化肥减量增效≧5组",
            "3、其他试验≧3组",
        ];
        let lines_of: Vec<usize> = cells(&lines).iter().map(|c| c.1).collect();
        assert_eq!(lines_of.first(), Some(&1));
        assert_eq!(lines_of.last(), Some(&3));
        assert!(cells(&lines).iter().all(|c| c.0 != "组2、化肥减量增效"));
    }

    #[test]
    fn headers_cut_by_their_words() {
        assert_eq!(
            texts("绩效指标一级指标二级指标指标内容指标值"),
            ["绩效指标", "一级指标", "二级指标", "指标内容", "指标值"]
        );
    }

    #[test]
    fn rows_cut_into_labels_names_and_values() {
        assert_eq!(
            texts("产出指标数量指标农村义务教育学校改造覆盖率100%"),
            ["产出指标", "数量指标", "农村义务教育学校改造覆盖率", "100%"]
        );
        assert_eq!(
            texts("安装坡面水标尺10≥266米≥266米10"),
            ["安装坡面水标尺", "10", "≥266米", "≥266米", "10"]
        );
        assert_eq!(
            texts("产出指标(40分)数量指标指标1免费发放原原种8550万粒550万粒8"),
            [
                "产出指标(40分)",
                "数量指标",
                "指标1免费发放原原种",
                "8",
                "550万粒",
                "550万粒",
                "8"
            ]
        );
        assert_eq!(
            texts("5000吨稻谷、500吨成品粮储备到位率100%100%"),
            ["5000吨稻谷、500吨成品粮储备到位率", "100%", "100%"]
        );
    }

    #[test]
    fn a_value_after_words_ending_as_a_name_ends_them() {
        // An explanation, its row's target and the next row's name run together.
        assert_eq!(
            texts("反映办公大楼全年维修维护情况2280次大楼安检巡察次数"),
            ["反映办公大楼全年维修维护情况", "2280次", "大楼安检巡察次数"]
        );
        assert_eq!(
            texts("伙食补助发放率90%以上实际发放伙食补助金额"),
            ["伙食补助发放率", "90%以上", "实际发放伙食补助金额"]
        );
        // A year begins the words after it; a bare number stays inside them.
        assert_eq!(
            texts("依据2020年实际执行数2021年实际执行数"),
            ["依据2020年实际执行数2021年实际执行数"]
        );
        assert_eq!(texts("采购5000吨稻谷"), ["采购5000吨稻谷"]);
        // A value given points begins a scoring rule.
        assert_eq!(
            texts("学生对学校伙食满意程度95%以上得10分,每降低1%扣1分"),
            ["学生对学校伙食满意程度", "95%以上得10分,每降低1%扣1分"]
        );
    }

    #[test]
    fn marks_and_notes_come_off_the_text_they_are_glued_to() {
        assert_eq!(
            texts("指标名称计量单位指标权重(分)指标得分(分)是否核心指标财政供养人员控制率%"),
            [
                "指标名称",
                "计量单位",
                "指标权重(分)",
                "指标得分(分)",
                "是否核心指标",
                "财政供养人员控制率",
                "%"
            ]
        );
        assert_eq!(
            texts("预算完成率%70%76%100%22否预算调整率"),
            [
                "预算完成率",
                "%",
                "70%",
                "76%",
                "100%",
                "2",
                "2",
                "否",
                "预算调整率"
            ]
        );
        // A name that asks 是否 keeps it.
        assert_eq!(
            texts("验收合格率100%是否按时完成"),
            ["验收合格率", "100%", "是否按时完成"]
        );
    }

    #[test]
    fn a_number_of_equal_halves_after_values_is_a_weight_and_its_score() {
        assert_eq!(
            texts("受益人数100%100%1010资金到位率"),
            ["受益人数", "100%", "100%", "10", "10", "资金到位率"]
        );
        assert_eq!(
            texts("预算调整率3%22否"),
            ["预算调整率", "3%", "2", "2", "否"]
        );
        // After a name, halves of two digits (a row without its target); of one digit, or
        // over 100, or unequal: a number as printed.
        assert_eq!(texts("项目数量2020"), ["项目数量", "20", "20"]);
        assert_eq!(texts("项目数量22"), ["项目数量", "22"]);
        assert_eq!(texts("资金100%200200"), ["资金", "100%", "200200"]);
        assert_eq!(texts("资金100%1012"), ["资金", "100%", "1012"]);
    }

    #[test]
    fn a_unit_that_begins_a_word_is_the_words() {
        assert_eq!(
            texts("明显变质比例00时效指标贷款付息及时率100%"),
            ["明显变质比例", "00", "时效指标", "贷款付息及时率", "100%"]
        );
    }

    #[test]
    fn judgements_leave_names() {
        assert_eq!(
            texts("义务教育优质均衡发展情况稳步提高"),
            ["义务教育优质均衡发展情况", "稳步提高"]
        );
        assert_eq!(texts("提高教学质量"), ["提高教学质量"]);
        // A question is answered yes or no.
        assert_eq!(
            texts("是否对当地生态环境造成影响否"),
            ["是否对当地生态环境造成影响", "否"]
        );
        assert_eq!(texts("有无安全生产事故无"), ["有无安全生产事故", "无"]);
        assert_eq!(texts("项目是否"), ["项目是否"]);
        assert_eq!(texts("是否达标"), ["是否达标"]);
    }

    #[test]
    fn explanations_dates_and_natures_stand_apart() {
        assert_eq!(
            texts("学生补助标准17元/人反映学生每天用餐标准-定量"),
            [
                "学生补助标准",
                "17元/人",
                "反映学生每天用餐标准",
                "-",
                "定量"
            ]
        );
        assert_eq!(
            texts("任务完成时间2023年12月31日反映该项目完成时间"),
            ["任务完成时间", "2023年12月31日", "反映该项目完成时间"]
        );
    }

    /// Every text file under `tests/data`, its distinct lines.
    fn test_lines() -> Vec<String> {
        fn walk(dir: &std::path::Path, lines: &mut std::collections::BTreeSet<String>) {
            let Ok(entries) = std::fs::read_dir(dir) else {
                return;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, lines);
                } else if path.extension().is_some_and(|e| e == "txt")
                    && let Ok(text) = std::fs::read_to_string(&path)
                {
                    lines.extend(text.lines().map(str::to_owned));
                }
            }
        }
        let mut lines = std::collections::BTreeSet::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data"),
            &mut lines,
        );
        lines.into_iter().collect()
    }

    #[test]
    fn of_the_texts_of_one_character_only_zhi_names_a_role() {
        // `hot_places` counts `值` as a header word of its own: no other character is one.
        let named: Vec<char> = (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|c| role_of(&c.to_string()).is_some_and(|r| r != Role::Blank))
            .collect();
        assert_eq!(named, ['值']);
    }

    #[test]
    fn a_line_holds_no_more_header_words_than_hot_places() {
        let lines = test_lines();
        assert!(
            lines.len() > 1000,
            "the test texts are read: {}",
            lines.len()
        );
        let mut ruled_out = 0;
        for line in &lines {
            let headers = headers_in(line);
            assert!(headers <= hot_places(line, usize::MAX), "{line}");
            assert_eq!(
                hot_places(line, 3).min(3),
                hot_places(line, usize::MAX).min(3)
            );
            ruled_out += usize::from(!may_hold_headers(line, 3));
        }
        // The test is worth its pass: it rules out many lines (half of them).
        assert!(
            ruled_out * 3 > lines.len(),
            "{ruled_out} of {}",
            lines.len()
        );
        for line in [
            "一级指标二级指标三级指标指标值",
            "指(zhǐ)标(biāo)值(zhí)分值",
            "一 级 指 标 二 级 指 标 三 级 指 标",
            "一級指標二級指標三級指標",
            "★指*标(1)值",
        ] {
            assert!(
                headers_in(line) <= hot_places(line, usize::MAX),
                "{line}: {}",
                headers_in(line)
            );
        }
    }

    #[test]
    fn positions_that_begin_no_piece_are_skipped_alike() {
        let lines = test_lines();
        for line in &lines {
            let plain = plain(line);
            assert_eq!(cut_with(&plain, true), cut_with(&plain, false), "{line}");
        }
        for line in LINE_PARTS {
            assert_eq!(cut_with(line, true), cut_with(line, false), "{line}");
        }
    }

    /// [`word_at`] at each position of a line, looked for afresh and with the line's
    /// [`LevelEnds`], asked in the order of the line and back.
    fn level_ends_agree(line: &str) {
        let ends = LevelEnds::of(line);
        let positions: Vec<usize> = line.char_indices().map(|(at, _)| at).collect();
        for &at in positions.iter().chain(positions.iter().rev()) {
            let text = &line[at..];
            assert_eq!(
                word_at_in(text, Some((&ends, at))),
                word_at(text),
                "{line} at {at}"
            );
        }
    }

    #[test]
    fn a_line_s_level_ends_are_found_once_as_at_each_position() {
        for line in test_lines() {
            level_ends_agree(&plain(&line));
        }
        for line in LINE_PARTS {
            level_ends_agree(line);
        }
        level_ends_agree("项目决策(10分)产出指标(40分)(5分)数量指标指標(1分)");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// [`word_at`] with a line's [`LevelEnds`] is `word_at` alone.
        #[test]
        fn level_ends_found_once_are_those_at_each_position(
            parts in proptest::collection::vec(proptest::sample::select(LINE_PARTS), 0..14)
        ) {
            level_ends_agree(&parts.concat());
        }

        /// [`cut`] skips the positions [`may_begin_piece`] rules out, and cuts as it would
        /// read them.
        #[test]
        fn skipped_positions_cut_alike(
            parts in proptest::collection::vec(proptest::sample::select(LINE_PARTS), 0..14)
        ) {
            let line = parts.concat();
            proptest::prop_assert_eq!(cut_with(&line, true), cut_with(&line, false), "{}", line);
        }

        /// A line of header words, their parts, brackets, marks, pinyin, spaces, traditional
        /// characters and values holds no more header words than hot places.
        #[test]
        fn hot_places_bound_the_header_words(
            parts in proptest::collection::vec(proptest::sample::select(LINE_PARTS), 0..14)
        ) {
            let line = parts.concat();
            proptest::prop_assert!(headers_in(&line) <= hot_places(&line, usize::MAX), "{}", line);
            proptest::prop_assert_eq!(
                may_hold_headers(&line, 3),
                hot_places(&line, usize::MAX) >= 3
            );
        }
    }

    /// What [`hot_places_bound_the_header_words`] makes its lines of.
    const LINE_PARTS: &[&str] = &[
        "一级指标",
        "二级指标",
        "三级指标",
        "指标值",
        "分值",
        "得分",
        "权重",
        "指标名称",
        "年度指标值",
        "年初目标值",
        "实际完成值",
        "预期2022年实现值",
        "2021年实际实现值",
        "指標",
        "值",
        "指",
        "标",
        "级",
        "目标",
        "绩效",
        "(",
        ")",
        "（",
        "）",
        "【",
        "】",
        "〔",
        "〕",
        "[",
        "]",
        "*",
        "★",
        "☆",
        "?",
        "＊",
        " ",
        "\u{3000}",
        "\u{a0}",
        "(zhǐ)",
        "(biāo)",
        "(%)",
        "(分)",
        "(40分)",
        "(A",
        "产出指标",
        "数量指标",
        "效益指标",
        "满意度指标",
        "维修面积",
        "100%",
        "≥98%",
        "5",
        "2023年",
        "得10分",
        "定量",
        "-",
        "、",
        "一、",
        "1.",
        ":",
        "：",
        "偏差原因",
        "评分标准",
        "备注",
        "项目名称",
        "单位",
        "资金",
        "序号",
        "说明",
        "指标1:",
        "反映",
        "合格",
        "是",
        "否",
        "该指标",
        "主要考察",
        "-定量",
        "定性",
        "大于",
        "不低于",
        "预期",
        "计划",
        "预计",
        "年初",
        "全年",
        "实际完成",
        "单项指标得分",
        "调整后",
        "经济效益指标",
        "社会效益",
        "满意度",
        "(必填)",
        "扣1分",
        "1-2",
        "2022-05-16",
        "≧90%",
        "±5%",
        "﹦",
        "１２",
        "①",
        "標準",
        "產出指標",
        "實際",
        "預期",
        "半年(程)",
        "元/人",
        "项目决策(10分)",
        "km",
        "—",
        "－",
        "。",
        "，",
        "的",
        "人",
        "次",
        "年",
    ];

    #[test]
    fn glued_text_is_recognised_by_its_header() {
        let lines = [
            "标题",
            "绩效指标一级指标二级指标指标内容指标值",
            "产出指标数量指标x100%",
        ];
        assert_eq!(looks_glued(&lines), Some(1));
        assert_eq!(looks_glued(&["标题", "维修面积100%"]), None);
    }

    #[test]
    fn a_short_word_inside_a_name_is_the_names() {
        assert_eq!(
            texts("县级储备粮管理制度严格执行率100%100%"),
            ["县级储备粮管理制度严格执行率", "100%", "100%"]
        );
        // A longer one begins a cell.
        assert_eq!(texts("资金名称年度指标值"), ["资金名称", "年度指标值"]);
    }

    #[test]
    fn points_in_a_scoring_rule_are_the_rules() {
        assert_eq!(
            texts("补助学生数量168反映补助学生人数发放到位得10分,每减少1%,扣1分-定量"),
            [
                "补助学生数量",
                "168",
                "反映补助学生人数发放到位得10分,每减少1%,扣1分",
                "-",
                "定量"
            ]
        );
    }

    #[test]
    fn a_value_after_a_value_is_the_next_column() {
        assert_eq!(
            texts("100%100%库存数量真实率"),
            ["100%", "100%", "库存数量真实率"]
        );
    }

    #[test]
    fn page_numbers_of_a_sharing_site_are_no_cells() {
        let lines = [
            "1、一级指标二级指标三级指标指标值",
            "2、产出指标数量指标场次≥2场",
        ];
        assert!(page_markers(&lines));
        let grid = grid(&lines);
        let cells: Vec<&str> = grid.rows().iter().flatten().map(Cell::text).collect();
        assert_eq!(cells[0], "一级指标");
        assert_eq!(cells[4], "产出指标");
        assert_eq!(grid.rows()[4][0].column(), 3);
        // One numbered line is a list item, not a page.
        assert!(!page_markers(&[
            "1、一级指标二级指标三级指标指标值",
            "产出指标"
        ]));
        // Numbers out of order are not pages.
        assert!(!page_markers(&["2、一级指标", "1、产出指标"]));
    }

    #[test]
    fn a_numbered_name_begins_a_cell() {
        let header = "一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施";
        // An empty template row's number glued after a row's points.
        assert_eq!(
            texts_after(header, "质量指标音响质量等合格合格2020指标2:"),
            [
                "质量指标",
                "音响质量等",
                "合格",
                "合格",
                "20",
                "20",
                "指标2:"
            ]
        );
        assert!(numbered_name("指标12：x") && numbered_name("指標1:"));
        assert!(!numbered_name("指标值") && !numbered_name("指标2项") && !numbered_name("指标:"));
    }

    #[test]
    fn a_column_mark_left_open_stays_with_its_header() {
        assert_eq!(
            texts("三级指标年初目标值(A实际完成值(B"),
            ["三级指标", "年初目标值(A", "实际完成值(B"]
        );
        assert_eq!(open_mark("(A实际"), 2);
        assert_eq!(open_mark("(A)"), 0);
        assert_eq!(open_mark("(万元)"), 0);
        assert_eq!(open_mark("（B"), "（B".len());
    }

    #[test]
    fn a_value_twice_is_a_target_and_its_actual() {
        let header = "一级指标二级指标三级指标目标值完成值";
        assert_eq!(
            texts_after(
                header,
                "产出时效培训任务完成及时2021.1.1-12.312021.1.1-12.31"
            ),
            [
                "产出时效",
                "培训任务完成及时",
                "2021.1.1-12.31",
                "2021.1.1-12.31"
            ]
        );
        // `及以上` is the value's.
        assert_eq!(
            texts_after(header, "社会效益参训学员就业率60%及以上53.53%"),
            ["社会效益", "参训学员就业率", "60%及以上", "53.53%"]
        );
    }

    #[test]
    fn page_numbers_go_up_and_item_numbers_start_again() {
        assert!(page_markers(&[
            "1、项目支出绩效自评表",
            "正文",
            "2、续表",
            "3、续表"
        ]));
        assert!(!page_markers(&[
            "1、水稻≧500亩",
            "2、玉米≧1000亩",
            "1、肥料利用率≧5组"
        ]));
        assert!(!page_markers(&["1、只有一页"]));
    }
}

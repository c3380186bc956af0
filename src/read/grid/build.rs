//! Assembling a document from grids.
//!
//! The grids' cells are read in order as one stream. Outside the indicator grid they are
//! titles, label cells with their values (项目名称 | 主管部门 …), a self-evaluation's money
//! block, and footers (合计, 评价结论); a header row (一级指标 | 二级指标 | …) sets the columns,
//! and the cells up to the next header, label or footer are the grid's rows, aligned to the
//! columns by what they are.

use super::align::{Break, Item, align};
use super::shape::{NEVER, Shape, fit, is_op, shape, shape_folded};
use super::vocab::{
    Chars, Fact, MoneyColumn, Role, Word, ends_grid, ends_with_word, fact_of, fold, is_chrome,
    is_table_number, is_word, money_column, role_of, signs_off, strip_word, word_list,
};
use super::{Grid, Rows};
use crate::lang::{Msg, msg};
use crate::taxonomy::resolve;
use crate::{
    Category, Diagnostic, DiagnosticCode, Direction, Document, Execution, Funding, FundingUnit,
    Indicator, Layout, Nature, Project, Scope, TableError, TableErrorKind, TableKind, Target,
    TextCell, Tier,
};
use rust_decimal::Decimal;
use std::borrow::Cow;

/// A cell of the stream.
#[derive(Debug, Clone)]
struct Tok<'g> {
    /// The text; a wrapped label's fragments joined are owned.
    text: Cow<'g, str>,
    line: usize,
    column: usize,
    /// The first cell of its row (of its line, for wrapped rows).
    row_start: bool,
    /// Its place in its row.
    index: usize,
    /// The grid it came from.
    grid: usize,
    /// What it is by its content.
    shape: Shape,
    /// What its words are: a header, a label, a footer.
    words: Words,
    /// Where it starts on a page laid out in columns ([`Cell`]'s `page`).
    page: Option<usize>,
}

/// What a cell's words are, read once per distinct text: the column it heads, the fact it
/// labels, whether it ends a grid or heads a money column.
#[derive(Debug, Clone, Copy, Default)]
struct Words {
    role: Option<Role>,
    /// The header role of a text longer than a label (a header with a long note), read once:
    /// [`Tok::header_role`] is asked of every cell as rows are tried.
    long_role: Option<Role>,
    fact: Option<Fact>,
    /// `label:value` pairs in the cell.
    labelled: bool,
    ends: bool,
    money: Option<MoneyColumn>,
    /// [`may_start_money`] of the text: asked of every cell near each cell where rows are
    /// lost ([`Builder::money_header_at`]), read once here.
    money_half: bool,
}

impl Words {
    /// The words of a text, given its [`fold`] (which [`flatten`] makes once for the
    /// cell's shape too).
    fn of(text: &str, folded: &str) -> Words {
        // Headers and labels are short; longer text is data.
        if text.is_empty() {
            return Words::default();
        }
        if text.chars().count() > 40 {
            return Words {
                // A header's first word run into a note before it (`详情见附件(注:以下内容为
                // 附件图片识别,个别文字可能不准确,请以附件为准)一级指标`) is that header.
                role: folded.ends_with("一级指标").then_some(Role::Tier),
                long_role: header_role_folded(text, folded),
                money_half: may_start_money(text),
                ..Words::default()
            };
        }
        Words {
            role: header_role_folded(text, folded),
            long_role: None,
            fact: fact_of(folded),
            labelled: split_labelled(text).is_some(),
            ends: ends_grid(text, folded),
            money: money_column(folded),
            money_half: may_start_money(text),
        }
    }

    fn is_label(self) -> bool {
        self.fact.is_some() || self.labelled
    }
}

/// A column of the indicator grid.
#[derive(Debug, Clone)]
struct Column {
    role: Role,
    /// The header as printed (the headers of a column's rows joined).
    header: String,
    /// A second column of a role (二级指标 of the 年度 group beside the 长期 one): read where
    /// the first is empty.
    alternate: bool,
}

/// The most columns a grid's header may have; a wider one is read as text (real tables have
/// up to about twenty).
pub(crate) const MAX_COLUMNS: usize = 64;

/// A project being read.
#[derive(Debug)]
struct Draft {
    project: Project,
    unit: Option<String>,
}

/// What the reading has gathered.
struct Builder<'g> {
    grids: &'g [Grid],
    /// Whether a row printed a tier: where none does, the tiers of categories are no
    /// reading of the table's, and are left to [`Category::tier`].
    tier_printed: bool,
    /// Rows that print no tier and take their category's ([`DiagnosticCode::TierImplied`]),
    /// said where the table prints tiers on other rows; and the tier of the run being said.
    tiers_implied: Vec<Diagnostic>,
    tier_implied: Option<Tier>,
    title: Option<String>,
    year: Option<u16>,
    department: Option<String>,
    money_unit: Option<String>,
    total: Option<Decimal>,
    units: Vec<FundingUnit>,
    unit: Option<String>,
    draft: Option<Draft>,
    columns: Vec<Column>,
    /// The last grid's columns, set aside where a project's block begins
    /// ([`Builder::apply`]): its own header follows, or, where none does, a row that begins
    /// with a level's label takes them up again (one header over many projects).
    set_aside: Vec<Column>,
    /// Where the header's columns start on the page, where it shows them (space-separated
    /// text): display column and column index, ascending.
    pages: Vec<(usize, usize)>,
    diagnostics: Vec<Diagnostic>,
    layout: Layout,
    self_evaluation: bool,
    /// A score's header printed alone above the grid (`自评得分` at the right edge of a
    /// form, over every block): the indicator header that lacks a score column has one.
    score_aside: Option<String>,
    /// A goal block's header was read: its goal and what became of it come next.
    goal_block: bool,
    /// The next grid header at or after a token, found by [`Builder::header_follows`]: where
    /// the search began and what it found, so that each token is looked at once.
    next_header: Option<(usize, Option<usize>)>,
    /// The next run is the first under its header: its first row starts the grid's merged
    /// cells rather than going on with a run above.
    under_header: bool,
    /// Where the first header with a level column (一级指标, 二级指标) stands, and its sheet.
    level_header: Option<(usize, usize, Option<String>)>,
    /// Target values already parsed.
    targets: std::collections::HashMap<String, Target>,
    /// Labels already read as levels ([`Builder::levels_of`]).
    levels: std::collections::HashMap<String, LevelReading>,
    /// The last two labels read as levels, and which of them to replace next: rows carry
    /// their tier and category down, and a label asked again is found by a comparison, not
    /// a hash.
    recent: [Option<(String, LevelReading)>; 2],
    older: usize,
}

/// What a label's text names ([`resolve`] of it as a tier and as a category), and whether
/// its printed label has no words: what a row asks of its tier and category several times,
/// and rows carry the same labels down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct LevelReading {
    tier: Option<Tier>,
    category: Option<Category>,
    /// [`crate::taxonomy::Label::read`] of the text leaves no words (`(50分)`).
    wordless: bool,
}

impl LevelReading {
    fn of(text: &str) -> LevelReading {
        let (tier, category) = crate::taxonomy::resolve_levels(text);
        LevelReading {
            tier,
            category,
            wordless: crate::taxonomy::Label::read(text).core.trim().is_empty(),
        }
    }
}

/// The most distinct labels kept read in a document.
const LEVEL_CACHE: usize = 4096;

/// The most distinct target values kept parsed in a document.
const TARGET_CACHE: usize = 4096;

/// Reads a document from grids.
pub(crate) fn read(grids: &[Grid]) -> Result<Document, TableError> {
    let (read, headers) = read_with(grids, false);
    // No header anywhere: rows that begin with a level's label (a table cut off above its
    // header, or a header in words no vocabulary knows) are read by what their cells are.
    if headers == 0
        && let (Ok(doc), _) = read_with(grids, true)
    {
        return Ok(doc);
    }
    read
}

/// The columns a grid without a header is read in: the national template's, in its order.
const IMPLIED: [(Role, &str); 9] = [
    (Role::Tier, "一级指标"),
    (Role::Category, "二级指标"),
    (Role::Name, "三级指标"),
    (Role::Qualifier, "指标性质"),
    (Role::Annual, "指标值"),
    (Role::Measure, "度量单位"),
    (Role::Actual, "实际完成值"),
    (Role::Weight, "分值"),
    (Role::Score, "得分"),
];

/// Reads the grids, with the number of headers read. With `implied`, a row that begins
/// with a level's label before any header is read under [`IMPLIED`] columns.
fn read_with(grids: &[Grid], implied: bool) -> (Result<Document, TableError>, usize) {
    let (mut toks, pinyin, (wide, first_wide)) = flatten(grids);
    split_header_runs(grids, &mut toks);
    let mut builder = Builder::new(grids);
    if let Some((line, column)) = first_wide {
        builder
            .diagnostics
            .push(crate::read::narrowed(wide, line, column));
    }
    if pinyin > 0
        && let Some(first) = toks.first()
    {
        builder.diagnose(
            DiagnosticCode::LayoutSkipped,
            msg!(
                "pinyin in brackets after characters taken out of {pinyin} cells",
                "已删除{pinyin}个单元格中汉字后括号内的拼音"
            ),
            &Tok {
                text: Cow::Borrowed(""),
                ..first.clone()
            },
        );
    }
    let mut headers = 0usize;
    let mut i = 0;
    while i < toks.len() {
        let tok = &toks[i];
        if tok.t().is_empty() {
            i += 1;
            continue;
        }
        if builder.goal_block {
            builder.goal_block = false;
            if let Some(end) = builder.read_goal(&toks, i) {
                i = end;
                continue;
            }
        }
        if let Some((columns, end)) = builder.header_at(&toks, i) {
            // Cells are placed in columns at a cost of their number times the columns':
            // a header wider than any table is no grid's.
            if columns.len() > MAX_COLUMNS {
                builder.diagnose(
                    DiagnosticCode::LayoutSkipped,
                    msg!(
                        "a header of {} columns, more than the {MAX_COLUMNS} a grid may have: read as text",
                        "表头有{}列，超过表格最多的{MAX_COLUMNS}列：按文字处理",
                        columns.len()
                    ),
                    &toks[i],
                );
                i = end;
                continue;
            }
            for column in columns.iter().filter(|c| c.role == Role::Budget) {
                builder.note_money_unit(&column.header);
            }
            // The header's cells on the page, where each column is one of them.
            let first = &toks[i..builder.row_end(&toks, i).min(toks.len())];
            builder.pages = if first.len() >= columns.len()
                && columns.iter().zip(first).all(|(c, t)| c.header == t.t())
            {
                let pages: Vec<(usize, usize)> = first
                    .iter()
                    .take(columns.len())
                    .enumerate()
                    .filter_map(|(c, t)| Some((t.page?, c)))
                    .collect();
                if pages.windows(2).all(|w| w[0].0 < w[1].0) {
                    pages
                } else {
                    Vec::new()
                }
            } else {
                Vec::new()
            };
            if builder.level_header.is_none()
                && columns
                    .iter()
                    .any(|c| matches!(c.role, Role::Tier | Role::Category))
            {
                builder.level_header = Some((tok.line, tok.column, builder.sheet(tok)));
            }
            builder.columns = columns;
            builder.set_aside.clear();
            builder.add_score_aside();
            builder.under_header = true;
            headers += 1;
            i = end;
            continue;
        }
        if let Some((money, end)) = builder.money_header_at(&toks, i) {
            let mut points = None;
            for tok in &toks[i..end] {
                builder.note_money_unit(tok.t());
                points = points.or_else(|| printed_points(tok.t()));
            }
            i = builder.read_money(&toks, end, &money, points);
            continue;
        }
        if builder.starts_row(&toks, i) && tok.words.ends {
            // A note under the table (`注:`, or glued after its total: `……总分100100注:`)
            // ends its rows: what follows is the note's text, up to another header.
            // So do the form's signatures (`项目负责人:`, `填表人:`): what follows is
            // another table's, whose rows a header of its own must announce.
            let note = {
                let t = tok.t().trim_start_matches(['…', '.']);
                t.starts_with(['注', '註'])
                    || ["注:", "注：", "註:", "註："]
                        .iter()
                        .any(|w| t.ends_with(w))
            };
            let signed = signs_off(tok.t());
            i = builder.read_footer(&toks, i);
            if note || signed {
                builder.columns.clear();
            }
            continue;
        }
        if let Some(end) = builder.read_fact(&toks, i) {
            i = end;
            continue;
        }
        if let Some(end) = builder.read_label_row(&toks, i) {
            i = end;
            continue;
        }
        // A table's title or number on a row of its own, with a header further on: the next
        // table of the page (`表十二` over each project's block), not a row of this one. Or
        // the next section of the report the table stands in: a heading numbered in words
        // that ends its sentence, then a paragraph (`(四)部门(单位)职能职责。`).
        if !builder.columns.is_empty()
            && builder.starts_row(&toks, i)
            && (builder.next_table(&toks, i, builder.row_end(&toks, i))
                || report_section(&toks, i)
                || builder.row_end(&toks, i) == i + 1 && section_title(&toks, i))
        {
            builder.columns.clear();
            builder.preamble_at(&toks, i);
            i += 1;
            continue;
        }
        if implied
            && headers == 0
            && builder.starts_row(&toks, i)
            && (implied_row(&toks, i, builder.breaks(tok) == Rows::Lost, true)
                // A table cut off above the header may start inside a label's rows: a row
                // of a name and its values before one that begins with a label.
                || builder.breaks(tok) != Rows::Lost
                    && implied_row(&toks, i, false, false)
                    && implied_row(&toks, builder.row_end(&toks, i), false, true))
        {
            let columns = IMPLIED.map(|(_, header)| header).join(" | ");
            builder.diagnose(
                DiagnosticCode::HeaderImplied,
                msg!(
                    "no header names the columns: the rows are read as {columns}, by what their cells are",
                    "没有标明各列的表头：各行按单元格内容读作 {columns}"
                ),
                tok,
            );
            builder.columns = IMPLIED
                .iter()
                .map(|&(role, header)| Column {
                    role,
                    header: header.to_owned(),
                    alternate: false,
                })
                .collect();
            // No header is printed above the rows: a row without labels takes none from
            // below (a table cut off above keeps its labels above the cut).
            builder.under_header = false;
            headers += 1;
            continue;
        }
        // A project's block without a header of its own: its first row of a level's label
        // takes up the last grid's columns.
        if builder.columns.is_empty()
            && !builder.set_aside.is_empty()
            && builder.starts_row(&toks, i)
            && matches!(tok.shape, Shape::Tier | Shape::Category | Shape::Level)
        {
            builder.columns = std::mem::take(&mut builder.set_aside);
        }
        if !builder.columns.is_empty() {
            let end = builder.run_end(&toks, i);
            builder.read_run(&toks[i..end], end == toks.len());
            i = end.max(i + 1);
            continue;
        }
        builder.preamble_at(&toks, i);
        i += 1;
    }
    (builder.finish(headers), headers)
}

/// Whether the cell at `i` heads a section of the report a table stands in: numbered in
/// words (`四、`, `(四)`), ended as a sentence (`。`, `：`) or naming targets
/// (`(一)中长期绩效目标`), and followed by a paragraph.
fn report_section(toks: &[Tok<'_>], i: usize) -> bool {
    let t = toks[i].t().trim();
    // Most cells end neither a sentence nor with 目标 (`(一)中长期绩效目标`): they are ruled
    // out before their numbering is read.
    let sentence = t.ends_with(['。', '：', ':']);
    if !sentence && !t.ends_with(['标', '標']) {
        return false;
    }
    let body = t.strip_prefix(['(', '（']).unwrap_or(t);
    let numeral = body
        .chars()
        .take_while(|c| {
            matches!(
                c,
                '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
            )
        })
        .count();
    let numbered = numeral > 0
        && body
            .chars()
            .nth(numeral)
            .is_some_and(|c| matches!(c, '、' | ')' | '）'));
    // A heading that ends no sentence is a section's where it names no level
    // (`(一)中长期绩效目标` over the next project's goals).
    let heading = || {
        sentence || matches!(toks[i].shape, Shape::Text | Shape::Words) && fold(t).ends_with("目标")
    };
    numbered
        && heading()
        && toks[i + 1..]
            .iter()
            .find(|t| !t.t().is_empty())
            .is_some_and(|next| next.shape == Shape::Prose)
}

/// The project a report's heading of its targets names, in either script: `…服务项目` of
/// `…服务项目项目绩效目标` or `…服务项目绩效目标`, `…资金专项` of `…资金专项绩效目标`; `None` for
/// other text, and for a heading of no one project (`三、重点项目绩效目标`,
/// `2024年度部门项目绩效目标`).
fn project_heading(text: &str) -> Option<&str> {
    // Words before 项目 or 专项 that name a kind of project, not one.
    const KINDS: [&str; 9] = [
        "重点", "部门", "本级", "年度", "主要", "其他", "财政", "预算", "支出",
    ];
    let text = text.trim();
    // Most cells are none: the heading ends with 目标.
    if !text.ends_with(['标', '標']) {
        return None;
    }
    let text = super::vocab::strip_outline(text);
    // A traditional character and its simplified form are both three bytes long: the name's
    // end in the simplified copy is its end in the text.
    let simple: String = text.chars().map(crate::taxonomy::simplified).collect();
    let named = simple.strip_suffix("绩效目标")?;
    let end = match named.strip_suffix("项目项目") {
        Some(before) => before.len() + "项目".len(),
        None => named.len(),
    };
    let head = simple
        .get(..end)?
        .strip_suffix("项目")
        .or_else(|| simple.get(..end)?.strip_suffix("专项"))?;
    let generic = KINDS.iter().any(|k| head.ends_with(k));
    (!generic && head.chars().count() >= 4)
        .then(|| text.get(..end))
        .flatten()
}

/// Whether the cell at `i` is a title ([`is_title`]) over a section of the report
/// ([`report_section`]): the next project's heading (`参保城乡居民健康体检经费项目项目绩效目标`
/// over `(一)中长期绩效目标` and its paragraph).
fn section_title(toks: &[Tok<'_>], i: usize) -> bool {
    is_title(toks[i].t())
        && toks[i + 1..]
            .iter()
            .position(|t| !t.t().is_empty())
            .is_some_and(|k| report_section(toks, i + 1 + k))
}

/// Whether the cells from `i` read as an indicator's row without a header: where `labelled`,
/// a level's label (`产出指标`, `数量指标`; an unknown label only before a known one), maybe
/// a second; then a name that is no bare number, then a value or its comparator (`≤`,
/// `定性`). Where rows are `lost`, the cells that follow.
fn implied_row(toks: &[Tok<'_>], i: usize, lost: bool, labelled: bool) -> bool {
    let Some(rest) = toks.get(i..) else {
        return false;
    };
    let mut cells = rest
        .iter()
        .take(IMPLIED.len() + 4)
        .enumerate()
        .take_while(|(n, t)| *n == 0 || lost || !t.row_start)
        .map(|(_, t)| t)
        .filter(|t| !t.t().is_empty());
    let level = |t: &Tok<'_>| matches!(t.shape, Shape::Tier | Shape::Category | Shape::Level);
    let mut next = cells.next();
    if labelled {
        let Some(first) = next else {
            return false;
        };
        next = cells.next();
        if first.shape == Shape::Label && !next.is_some_and(level)
            || !level(first) && first.shape != Shape::Label
        {
            return false;
        }
        while next.is_some_and(|t| level(t) || t.shape == Shape::Label) {
            next = cells.next();
        }
    }
    let named = next.is_some_and(|t| {
        matches!(
            t.shape,
            Shape::Text | Shape::Words | Shape::Prose | Shape::Value
        )
    });
    named
        && cells.next().is_some_and(|t| {
            matches!(
                t.shape,
                Shape::Value
                    | Shape::Number
                    | Shape::Percent
                    | Shape::Amount
                    | Shape::Words
                    | Shape::Text
                    | Shape::Op
                    | Shape::Nature
            )
        })
}

/// What a text column holds, by its header: scoring rules (`评分标准`, `扣分说明`), explanations
/// (`指标解释`, `指标说明`), or either. A rule fits the first better than the second. And a
/// weights' column named 权重, which may give its weights as shares (`20%`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Texts {
    Rules,
    Explanations,
    Shares,
    Any,
}

impl Texts {
    fn of(header: &str) -> Texts {
        let h = fold(header);
        // The header's characters rule most words out before they are searched for.
        let chars = Chars::of(&h);
        let has = |words: &[Word]| chars.any_in(&h, words);
        if has(word_list![
            "评分",
            "扣分",
            "计分",
            "打分",
            "评(扣",
            "得分计算",
            "评价标准",
            "考核标准",
        ]) {
            Texts::Rules
        } else if has(word_list![
            "解释", "说明", "描述", "含义", "定义", "公式", "内容"
        ]) {
            Texts::Explanations
        } else if h.contains("权重") && !h.contains('分') {
            Texts::Shares
        } else {
            Texts::Any
        }
    }

    /// A cell's fit in a column of `role` that holds these texts.
    fn fit(self, shape: Shape, role: Role) -> i32 {
        let f = fit(shape, role);
        if role == Role::Weight && self == Texts::Shares && shape == Shape::Percent {
            return fit(Shape::Number, role);
        }
        if role != Role::Text {
            return f;
        }
        match (self, shape) {
            (Texts::Rules, Shape::Rule) => f + 3,
            (Texts::Rules, Shape::Text | Shape::Prose) => f - 1,
            (Texts::Explanations, Shape::Rule) => f - 3,
            // An explanation reads like a name: under its own header it fits as well.
            (Texts::Explanations, Shape::Text) => f + 2,
            _ => f,
        }
    }
}

/// How many cells [`flatten`] narrowed, and the line and column of the first.
type Narrowed = (usize, Option<(usize, usize)>);

/// The cells of the grids in order, trimmed, with where each row starts, how many pinyin
/// annotations were taken out of them, and the cells whose full-width digits and signs were
/// read as ASCII ([`narrow`](super::shape::narrow)): how many, and where the first stands.
fn flatten(grids: &[Grid]) -> (Vec<Tok<'_>>, usize, Narrowed) {
    // A cell a token: the stream is sized once rather than grown (and copied) as it fills.
    let cells = grids
        .iter()
        .flat_map(|g| &g.rows)
        .fold(0usize, |n, row| n.saturating_add(row.len()));
    let mut toks = Vec::with_capacity(cells);
    let mut pinyin = 0usize;
    let mut wide: Narrowed = (0, None);
    // Tables repeat their labels and values: each distinct text is read once. The map is
    // sized for the cells up front (up to a bound), so that it is not rehashed as it fills.
    let mut seen: std::collections::HashMap<&str, (Shape, Words)> =
        std::collections::HashMap::with_capacity(cells.min(SEEN_CAPACITY));
    // In front of the map, the texts read last by a cheap index ([`recent_slot`]): a table
    // repeats a handful of texts cell after cell (`5`, `100%`, its labels), and comparing a
    // text costs less than hashing it. A text whose slot holds another goes to the map.
    let mut recent: [Option<(&str, (Shape, Words))>; RECENT] = [None; RECENT];
    for (g, grid) in grids.iter().enumerate() {
        for row in &grid.rows {
            for (index, cell) in row.iter().enumerate() {
                let narrowed = super::shape::narrow(&cell.text);
                if let Cow::Owned(_) = narrowed {
                    wide.0 = wide.0.saturating_add(1);
                    wide.1 = wide.1.or(Some((cell.line, cell.column)));
                }
                let (text, (shape, words)) = match (strip_pinyin(&narrowed), narrowed) {
                    (Some(stripped), _) => {
                        pinyin += 1;
                        let read = read_cell(&stripped);
                        (Cow::Owned(stripped), read)
                    }
                    (None, Cow::Owned(narrowed)) => {
                        let read = read_cell(&narrowed);
                        (Cow::Owned(narrowed), read)
                    }
                    (None, Cow::Borrowed(_)) => {
                        let text = cell.text.as_str();
                        let slot = &mut recent[recent_slot(text)];
                        let read = match *slot {
                            Some((kept, read)) if kept == text => read,
                            _ => {
                                let read = *seen.entry(text).or_insert_with(|| read_cell(text));
                                *slot = Some((text, read));
                                read
                            }
                        };
                        (Cow::Borrowed(text), read)
                    }
                };
                toks.push(Tok {
                    text,
                    line: cell.line,
                    column: cell.column,
                    row_start: index == 0 || grid.breaks == Rows::Lost,
                    index,
                    grid: g,
                    shape,
                    words,
                    page: cell.page,
                });
            }
        }
    }
    (toks, pinyin, wide)
}

/// The most distinct texts [`flatten`]'s map is sized for before it fills: a grid's cells
/// up to this many (beyond, it grows as maps do).
const SEEN_CAPACITY: usize = 1024;

/// A cell's shape and words, from one [`fold`] of its text.
fn read_cell(text: &str) -> (Shape, Words) {
    let folded = fold(text);
    (shape_folded(text, &folded), Words::of(text, &folded))
}

/// How many texts [`flatten`] keeps in front of its map.
const RECENT: usize = 64;

/// The slot of a text among [`flatten`]'s recent ones: by its length and its first and last
/// bytes, which tell most of a table's repeated texts apart without reading them whole.
fn recent_slot(text: &str) -> usize {
    let bytes = text.as_bytes();
    let first = usize::from(bytes.first().copied().unwrap_or(0));
    let last = usize::from(bytes.last().copied().unwrap_or(0));
    (text.len().wrapping_mul(31) ^ first.wrapping_mul(7) ^ last) % RECENT
}

/// Starts rows where a grid's header stands inside a row: a page that lost its line breaks
/// prints the goal block, the two rows of a header and the first indicator row as one
/// (`实际完成情况 | … | 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 一级指标 | 二级指标 |
/// 三级指标 | 指标性质 | 指标值 | 度量单位 | 产出指标 | …`). A run of three header cells or more,
/// a level's among them, is a row of its own; where a level's header follows two or more
/// values' headers, it starts the header's second row (`一级指标` under `绩效指标`). One pass
/// over the cells.
fn split_header_runs(grids: &[Grid], toks: &mut [Tok<'_>]) {
    let is_header = |t: &Tok<'_>| {
        t.words.role.is_some_and(|r| r != Role::Blank)
            && !matches!(t.shape, Shape::Tier | Shape::Category | Shape::Level)
    };
    let is_level =
        |t: &Tok<'_>| matches!(t.words.role, Some(Role::Tier | Role::Category | Role::Name));
    let mut i = 0;
    while i < toks.len() {
        // Where rows are lost there are none to start; where cells stand in place, every
        // row is whole, and a header cell of no known role (`评(扣分标准)`) is its column's.
        if grids
            .get(toks[i].grid)
            .is_none_or(|g| matches!(g.breaks, Rows::Lost | Rows::Positional))
            || !is_header(&toks[i])
        {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < toks.len()
            && toks[end].grid == toks[i].grid
            && (end == i || !toks[end].row_start)
            && is_header(&toks[end])
        {
            end += 1;
        }
        let run = &toks[i..end];
        if run.len() >= 3 && run.iter().any(is_level) {
            // Where a level's header follows the values' headers, the header's second row:
            // one line's levels come before its values.
            let values = |t: &Tok<'_>| {
                matches!(
                    t.words.role,
                    Some(Role::Annual | Role::Period | Role::Actual | Role::Weight | Role::Score)
                )
            };
            let second = run
                .iter()
                .position(is_level)
                .filter(|&at| run[..at].iter().filter(|t| values(t)).count() >= 2);
            toks[i].row_start = true;
            if let Some(at) = second {
                toks[i + at].row_start = true;
            }
            // The first row after the header opens with a level's label; a cell of no known
            // role before one (`得分系数(%)`, `是否核心指标`) is the header's own.
            if end < toks.len()
                && toks[end].grid == toks[i].grid
                && matches!(
                    toks[end].shape,
                    Shape::Tier | Shape::Category | Shape::Level | Shape::Label
                )
            {
                toks[end].row_start = true;
            }
        }
        i = end.max(i + 1);
    }
}

/// Whether a cell's [`fold`] may be the first half of a money header printed over two cells
/// (`年初`, `全年`, `执行`, `预算`): its folded words are some of its characters simplified,
/// so it holds the last character of one of them.
fn may_start_money(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(crate::taxonomy::simplified(c), '初' | '年' | '行' | '算'))
}

/// [`fold`] of a text is the first half of a money header printed over two cells.
fn starts_money(folded: &str) -> bool {
    matches!(folded, "年初" | "全年" | "执行" | "预算")
}

/// A text without the pinyin some mirror sites put in brackets after characters
/// (`指標(biāo)值`); `None` where it has none.
pub(crate) fn strip_pinyin(text: &str) -> Option<String> {
    // Pinyin in brackets has a tone mark (`biāo`): a letter of U+00E0 to U+01DC, whose UTF-8
    // lead byte is 0xC3 to 0xC7 (and no other character's byte is one). A text without
    // such a byte has none, and is told so without a look at its brackets.
    if !text.bytes().any(|b| (0xC3..=0xC7).contains(&b)) || !text.contains(['(', '（']) {
        return None;
    }
    let is_pinyin = |c: char| c.is_ascii_lowercase() || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü".contains(c);
    let mut out = String::with_capacity(text.len());
    let mut stripped = false;
    let mut rest = text;
    while let Some(open) = rest.find(['(', '（']) {
        let (head, tail) = rest.split_at(open);
        out.push_str(head);
        let bracket = tail.chars().next().map_or(1, char::len_utf8);
        let inner_end = tail[bracket..].find([')', '）']);
        let after_cjk = head.chars().last().is_some_and(|c| c > '\u{2e80}');
        match inner_end {
            Some(end) => {
                let inner = &tail[bracket..bracket + end];
                let close = tail[bracket + end..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8);
                let tone = !inner.is_ascii();
                if after_cjk
                    && (1..=7).contains(&inner.chars().count())
                    && inner.chars().all(is_pinyin)
                    && tone
                {
                    stripped = true;
                } else {
                    out.push_str(&tail[..bracket + end + close]);
                }
                rest = &tail[bracket + end + close..];
            }
            None => {
                out.push_str(tail);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    stripped.then_some(out)
}

/// The role of a header cell: the folded words, with the horizon a bracket may name
/// (`指标值(长期)` is the long-term target).
fn header_role(text: &str) -> Option<Role> {
    header_role_folded(text, &fold(text))
}

/// The most characters of a header cell whose fragments are joined
/// (`未完成原因` / `分析及` / `改进措施`): the longest of the vocabulary's headers with a
/// note.
const HEADER_CHARS: usize = 32;

/// [`header_role`] of a text already folded.
fn header_role_folded(text: &str, folded: &str) -> Option<Role> {
    // The header's first word run into the text before it (`…请以附件为准)一级指标`).
    let role = if folded.ends_with("一级指标") {
        Role::Tier
    } else {
        role_of(folded)?
    };
    // Only an annual target's header is read for its horizon.
    let long = || {
        let plain: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(crate::taxonomy::simplified)
            .collect();
        ["长期", "中期", "实施周期", "实施期", "半年"]
            .iter()
            .any(|w| plain.contains(w))
    };
    Some(match role {
        Role::Annual if long() => Role::Period,
        role => role,
    })
}

/// Whether a role makes a header a header of the indicator grid.
fn is_key(role: Role) -> bool {
    role.is_indicator()
}

/// Whether a run of header roles is the header of an indicator grid: two kinds of indicator
/// columns at least, a level (一级, 二级, 三级) among them.
fn qualifies(roles: &[Option<Role>]) -> bool {
    let mut kinds: Vec<Role> = roles
        .iter()
        .flatten()
        .cloned()
        .filter(|r| is_key(*r))
        .collect();
    kinds.sort_by_key(|r| *r as u8);
    kinds.dedup();
    let level = kinds
        .iter()
        .any(|r| matches!(r, Role::Tier | Role::Category | Role::Name));
    let value = kinds.iter().any(|r| {
        matches!(
            r,
            Role::Annual | Role::Period | Role::Actual | Role::Weight | Role::Score
        )
    });
    level && (value || kinds.len() >= 3) && kinds.len() >= 2
}

/// A generic target header that a second header row may split: `指标值` over `年度 | 长期`.
fn is_group(text: &str) -> bool {
    matches!(
        fold(text).as_str(),
        "指标值" | "目标值" | "绩效指标值" | "指标值及单位" | "指标" | "绩效目标值"
    )
}

/// Whether a header belongs under a target group: a target of a horizon, an actual value,
/// or a past year's value (`2021年实际实现值`).
fn is_target_like(text: &str) -> bool {
    match header_role(text) {
        Some(Role::Annual | Role::Period | Role::Actual) => true,
        Some(Role::Text) => {
            let folded = fold(text);
            folded.contains("实际") || folded.contains("实现")
        }
        _ => false,
    }
}

impl Tok<'_> {
    /// [`header_role`] of the text: the role `flatten` read where it read one (a text of up
    /// to 40 characters, not empty).
    fn header_role(&self) -> Option<Role> {
        let t = self.t();
        if t.is_empty() {
            header_role(t)
        } else if t.chars().nth(40).is_some() {
            self.words.long_role
        } else {
            self.words.role
        }
    }

    /// The text.
    fn t(&self) -> &str {
        &self.text
    }
}

impl<'g> Builder<'g> {
    fn new(grids: &'g [Grid]) -> Builder<'g> {
        Builder {
            grids,
            tier_printed: false,
            tiers_implied: Vec::new(),
            tier_implied: None,
            title: None,
            year: None,
            department: None,
            money_unit: None,
            total: None,
            units: Vec::new(),
            unit: None,
            draft: None,
            columns: Vec::new(),
            set_aside: Vec::new(),
            pages: Vec::new(),
            diagnostics: Vec::new(),
            layout: grids.first().map_or(Layout::Pipe, |g| g.layout),
            self_evaluation: false,
            score_aside: None,
            goal_block: false,
            next_header: None,
            under_header: false,
            level_header: None,
            targets: std::collections::HashMap::new(),
            levels: std::collections::HashMap::new(),
            recent: [None, None],
            older: 0,
        }
    }

    fn breaks(&self, tok: &Tok<'_>) -> Rows {
        self.grids.get(tok.grid).map_or(Rows::Lost, |g| g.breaks)
    }

    fn sheet(&self, tok: &Tok<'_>) -> Option<String> {
        self.grids.get(tok.grid).and_then(|g| g.sheet.clone())
    }

    fn diagnose(&mut self, code: DiagnosticCode, message: Msg, tok: &Tok<'_>) {
        let mut d = Diagnostic::of(code, message, tok.line, tok.column);
        d.sheet = self.sheet(tok);
        self.diagnostics.push(d);
    }

    /// Whether the cell starts a row, or stands alone where rows are lost.
    fn starts_row(&self, toks: &[Tok<'_>], i: usize) -> bool {
        toks[i].row_start || self.breaks(&toks[i]) == Rows::Lost || first_filled(toks, i)
    }

    /// The end of the row that starts at `i` (one cell where rows are lost).
    fn row_end(&self, toks: &[Tok<'_>], i: usize) -> usize {
        if self.breaks(&toks[i]) == Rows::Lost {
            return i + 1;
        }
        let mut j = i + 1;
        while j < toks.len() && !toks[j].row_start && toks[j].grid == toks[i].grid {
            j += 1;
        }
        j
    }

    /// Whether the row `i..row_end` begins the next table of the page, not a row of this
    /// one: a table's number on a row of its own (`表十二` over each project's block), or its
    /// title with a grid header further on (a title alone may be a page's running head).
    fn next_table(&mut self, toks: &[Tok<'_>], i: usize, row_end: usize) -> bool {
        let text = toks[i].t();
        // A title is short and holds 表: both told in one walk over at most its first
        // characters, before the title's words are searched for.
        let short_table = || {
            let mut chars = 0usize;
            let mut table = false;
            for c in text.chars() {
                chars += 1;
                if chars > TITLE_CHARS {
                    return false;
                }
                table |= c == '表';
            }
            table
        };
        row_end == i + 1
            && (is_table_number(text)
                || (short_table() && is_title(text) && self.header_follows(toks, i + 1)))
    }

    /// Whether a grid header stands at `i` or after it. Asked with `i` growing, each token is
    /// looked at once over a document.
    fn header_follows(&mut self, toks: &[Tok<'_>], i: usize) -> bool {
        let from = match self.next_header {
            Some((start, found)) if start <= i => match found {
                Some(at) if at >= i => return true,
                Some(at) => at + 1,
                None => return false,
            },
            _ => i,
        };
        let found = (from.max(i)..toks.len()).find(|&k| self.header_at(toks, k).is_some());
        self.next_header = Some((i, found));
        found.is_some()
    }

    /// The header of an indicator grid at `i`, with where it ends.
    fn header_at(&self, toks: &[Tok<'_>], i: usize) -> Option<(Vec<Column>, usize)> {
        if !self.starts_row(toks, i) {
            return None;
        }
        match self.breaks(&toks[i]) {
            Rows::Lost => {
                // `年度总体目标 | 预期目标 | 实际完成情况`: a goal block, not a grid's header.
                let next = toks[i + 1..].iter().find(|t| !t.t().is_empty());
                if toks[i].words.fact == Some(Fact::Goal)
                    && next.is_some_and(|t| is_goal_header(t.t()))
                {
                    return None;
                }
                // `可持续影响` / `指标`: the second half of a level's label, not a header.
                // (A few empty cells back at most, so that asking of every cell is linear.)
                let before = toks[i.saturating_sub(8)..i]
                    .iter()
                    .rev()
                    .find(|t| !t.t().is_empty());
                if before.is_some_and(|b| {
                    b.grid == toks[i].grid && level_fragments(b, &toks[i]).is_some()
                }) {
                    return None;
                }
                let first = toks[i].words.role?;
                let opens = is_key(first)
                    || matches!(first, Role::Section | Role::Seq | Role::Org | Role::Project);
                if !opens {
                    return None;
                }
                // A header names the indicators or their values: `一级指标 | 分值` alone is
                // a note's words after the table (`注:1.一级指标分值统一设置为:产出指标50分…`).
                self.header_run(toks, i).filter(|(columns, _)| {
                    columns.iter().any(|c| {
                        matches!(
                            c.role,
                            Role::Name | Role::Annual | Role::Period | Role::Actual
                        )
                    })
                })
            }
            mode => {
                // A header holds a level's header: no row without one is looked at further.
                let end = self.row_end(toks, i);
                let next_end = if end < toks.len() {
                    self.row_end(toks, end)
                } else {
                    end
                };
                let levels = toks[i..next_end].iter().any(|t| {
                    matches!(t.words.role, Some(Role::Tier | Role::Category | Role::Name))
                });
                if !levels {
                    return None;
                }
                self.header_rows(toks, i, mode)
            }
        }
    }

    /// A header over rows: the row at `i`, and the rows under it whose cells are headers too.
    fn header_rows(&self, toks: &[Tok<'_>], i: usize, mode: Rows) -> Option<(Vec<Column>, usize)> {
        let end = self.row_end(toks, i);
        let row = &toks[i..end];
        let mut roles: Vec<Option<Role>> = row.iter().map(|t| t.words.role).collect();
        // A header may need its second row to name its levels (`绩效指标 | 年度指标值 | 分值`
        // over `一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位`).
        if !qualifies(&roles) {
            let named = roles
                .iter()
                .flatten()
                .filter(|r| **r != Role::Blank)
                .count();
            let next_end = self.row_end(toks, end.min(toks.len().saturating_sub(1)));
            if named < 2 || end >= toks.len() || toks[end].grid != toks[i].grid {
                return None;
            }
            // A sentence is no header's cell: the row above a header that holds one
            // (`项目绩效目标 | 绩效目标总体描述 | 完成我市建成区的绿化养护工作,…`) is facts.
            if row
                .iter()
                .any(|t| t.words.role.is_none() && t.t().chars().nth(HEADER_CELL_CHARS).is_some())
            {
                return None;
            }
            roles.extend(toks[end..next_end].iter().map(|t| t.words.role));
            if !qualifies(&roles) {
                return None;
            }
        }
        let mut headers: Vec<Vec<&str>> = vec![row.iter().map(|t| t.t()).collect()];
        let mut next = end;
        while next < toks.len() && toks[next].grid == toks[i].grid {
            let sub_end = self.row_end(toks, next);
            let sub = &toks[next..sub_end];
            let texts: Vec<&str> = sub
                .iter()
                .map(|t| t.t())
                .filter(|t| !t.is_empty())
                .collect();
            let all_headers = !texts.is_empty()
                && texts.iter().all(|t| {
                    header_role(t).is_some_and(|r| r != Role::Blank) && shape(t) != Shape::Tier
                });
            if !all_headers || headers.len() >= 3 {
                break;
            }
            headers.push(sub.iter().map(|t| t.t()).collect());
            next = sub_end;
        }
        let columns = if mode == Rows::Positional {
            positional_header(&headers)
        } else {
            let mut flat: Vec<&str> = headers[0].clone();
            while flat.last().is_some_and(|t| t.is_empty()) {
                flat.pop();
            }
            let mut joined: Option<Vec<String>> = None;
            for sub in &headers[1..] {
                let sub: Vec<&str> = sub.iter().cloned().filter(|t| !t.is_empty()).collect();
                // The second lines of wrapped headers (`年度` / `指标值`, `实际` / `完成值`)
                // go on their first lines.
                if joined.is_none()
                    && let Some(whole) = header_tails(&flat, &sub)
                {
                    joined = Some(whole);
                    continue;
                }
                flat = split_group(&flat, &sub);
            }
            match &joined {
                Some(whole) => columns_of(&whole.iter().map(String::as_str).collect::<Vec<_>>()),
                None => columns_of(&flat),
            }
        };
        Some((columns, next))
    }

    /// A header where rows are lost: the run of header cells from `i`, each of at most
    /// [`HEADER_CHARS`] characters once its fragments are joined.
    fn header_run(&self, toks: &[Tok<'_>], i: usize) -> Option<(Vec<Column>, usize)> {
        let mut j = i;
        let mut texts: Vec<String> = Vec::new();
        while j < toks.len() && toks[j].grid == toks[i].grid {
            let t = toks[j].t();
            if t.is_empty() {
                j += 1;
                continue;
            }
            // The cell's shape and role as read once in `flatten`.
            let (shape_t, role_t) = (toks[j].shape, toks[j].header_role());
            // A header cell split over two lines (`年初` / `预算数`, `实际` / `完成值`).
            // A header is short: fragments join up to [`HEADER_CHARS`] (a long run of
            // words under a header is data, and joining it on would be quadratic).
            if let Some(last) = texts
                .last()
                .filter(|last| last.chars().count() + t.chars().count() <= HEADER_CHARS)
            {
                let joined = format!("{last}{t}");
                let (a, b, both) = (header_role(last), role_t, header_role(&joined));
                let data = matches!(shape_t, Shape::Tier | Shape::Category | Shape::Level);
                // A text header goes on after a conjunction or with words of no role of
                // their own (`偏差原因` / `分析及` / `改进措施`).
                let short_words = t.chars().count() <= 6
                    && matches!(shape_t, Shape::Text | Shape::Words | Shape::Rule)
                    && !t.contains(['(', '（', ':', '：']);
                // Without a conjunction, the words must go on toward a header the crate knows
                // (`偏差原因` / `分析及`): a label in unknown words after a text header
                // (`备注` / `产出成效`) starts the rows.
                let text_goes_on = a == Some(Role::Text)
                    && short_words
                    && (last.ends_with(['及', '和', '与', '、', '/'])
                        || b.is_none() && crate::read::glued::heads_toward(last, &joined));
                // Two whole headers of one kind are two columns (`指标性质` | `指标方向`), not
                // one header's halves (`年度` / `指标值`).
                let whole = |h: &str| (4..=8).contains(&h.chars().count());
                let halves = a == b && a != Some(Role::Text) && !(whole(last) && whole(t));
                // A cell of no known role that closes its bracket (`评(扣分标准)`) is whole: a
                // header word after it (`度量单位`) is the next column's.
                let closed = a.is_none() && b.is_some() && last.ends_with([')', '）']);
                let fragment = !data && !closed && (a.is_none() || halves || text_goes_on);
                if both.is_some() && fragment && money_column(&fold(&joined)).is_none() {
                    texts.pop();
                    texts.push(joined);
                    j += 1;
                    continue;
                }
            }
            match role_t {
                Some(Role::Blank) => break,
                // A cell of no known role between header words (`评(扣分标准)` before
                // `度量单位`) is a column's header all the same.
                None if !texts.is_empty() && header_follows(toks, j) => {
                    texts.push(t.to_owned());
                }
                None => break,
                // A sentence is no header, whatever words it holds (`…项目具体目标表` after a
                // report's paragraph on the targets): the header starts after it. A header's
                // note in brackets (`指标值（定量指标填写数值及计量单位，…）`) is no sentence.
                Some(_)
                    if t.chars().nth(HEADER_CHARS).is_some()
                        && fold(t).chars().nth(HEADER_CHARS).is_some() =>
                {
                    break;
                }
                Some(_) if shape_t == Shape::Tier || shape_t == Shape::Category => break,
                Some(_) => texts.push(t.to_owned()),
            }
            j += 1;
        }
        let roles: Vec<Option<Role>> = texts.iter().map(|t| header_role(t)).collect();
        if !qualifies(&roles) {
            return None;
        }
        // A group header whose parts follow the other headers: `指标值 … 年度 | 长期`.
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        // A header's two rows one after the other: the levels after the values' headers
        // are the second row (`绩效指标 | 年度指标值 | … | 一级指标 | 二级指标 | …`).
        let values = |t: &&str| {
            matches!(
                header_role(t),
                Some(Role::Annual | Role::Period | Role::Actual | Role::Weight | Role::Score)
            )
        };
        let second = texts
            .iter()
            .position(|t| {
                matches!(
                    header_role(t),
                    Some(Role::Tier | Role::Category | Role::Name)
                )
            })
            .filter(|&at| texts[..at].iter().filter(|t| values(t)).count() >= 2);
        let flat = match second {
            Some(at) => split_group(&texts[..at], &texts[at..]),
            None => regroup_run(&texts),
        };
        Some((columns_of(&flat), j))
    }

    /// The money block's header at `i` (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 |
    /// 得分), with where it ends.
    fn money_header_at(&self, toks: &[Tok<'_>], i: usize) -> Option<(Vec<MoneyColumn>, usize)> {
        // A fact's label that names no money (`实施单位`, then its value, then `项目资金(万元) |
        // 年初预算数`) begins no money block: it is read with its value.
        let money_fact = matches!(
            toks[i].words.fact,
            None | Some(Fact::Budget | Fact::Fiscal | Fact::Other | Fact::MoneyUnit)
        );
        if !money_fact && toks[i].words.money.is_none() && !toks[i].words.money_half {
            return None;
        }
        let lost = self.breaks(&toks[i]) == Rows::Lost;
        let mut columns = Vec::new();
        let mut j = i;
        let mut pending = String::new();
        while j < toks.len() && toks[j].grid == toks[i].grid {
            if !lost && j > i && toks[j].row_start {
                break;
            }
            if let Some(column) = toks[j].words.money {
                // `年初 | 预算数` where rows are lost: one header in two cells.
                let joined = (!pending.is_empty())
                    .then(|| money_column(&format!("{pending}{}", fold(toks[j].t()))))
                    .flatten();
                match joined {
                    Some(joined) => columns.push(joined),
                    // A header merged over two cells, repeated in each, names one column.
                    None if columns.last() == Some(&column) && pending.is_empty() => {}
                    None => columns.push(column),
                }
                pending.clear();
                j += 1;
                continue;
            }
            // Data says no header is here: no fold of what cannot be one.
            if !matches!(toks[j].shape, Shape::Text | Shape::Words | Shape::Label) {
                if lost && (!columns.is_empty() || j > i + 2) {
                    break;
                }
                j += 1;
                continue;
            }
            // Only where rows are lost do a cell's words join the next cell's: elsewhere a
            // text cell neither is a money header (its words say so) nor stops the search.
            if !lost {
                j += 1;
                continue;
            }
            // A cell alone names the first half of a money header only where its words end
            // as one does: no fold of the rest.
            if pending.is_empty() && !toks[j].words.money_half {
                if !columns.is_empty() || j > i + 2 {
                    break;
                }
                j += 1;
                continue;
            }
            let folded = fold(toks[j].t());
            if !pending.is_empty() {
                let joined = format!("{pending}{folded}");
                match money_column(&joined) {
                    Some(column) => {
                        columns.push(column);
                        pending.clear();
                    }
                    None => break,
                }
            } else if starts_money(&folded) {
                pending = folded;
            } else if !columns.is_empty() || j > i + 2 {
                break;
            }
            j += 1;
        }
        let money = columns
            .iter()
            .filter(|c| {
                matches!(
                    c,
                    MoneyColumn::Initial
                        | MoneyColumn::Budget
                        | MoneyColumn::Executed
                        | MoneyColumn::Rate
                )
            })
            .count();
        (money >= 2).then_some((columns, j))
    }

    /// Takes the money unit a header or label states in brackets (`预算数（万元）`), where the
    /// table has none yet.
    fn note_money_unit(&mut self, text: &str) {
        if self.money_unit.is_some() {
            return;
        }
        let Some(open) = text.find(['(', '（']) else {
            return;
        };
        let inner = &text[open..];
        let close = inner.find([')', '）']).unwrap_or(inner.len());
        if let Some(unit) = money_unit_of(&inner[..close]) {
            self.money_unit = Some(unit);
        }
    }

    /// Reads the money block's rows after its header; returns where they end.
    /// `points` is the weight the block's header prints (`预算执行情况(20分)`,
    /// `得分(20分*执行率)`): the total row's 分值 where it prints none.
    fn read_money(
        &mut self,
        toks: &[Tok<'_>],
        from: usize,
        columns: &[MoneyColumn],
        points: Option<Decimal>,
    ) -> usize {
        let lost = toks.get(from).is_some_and(|t| self.breaks(t) == Rows::Lost);
        let mut i = from;
        let mut rows = Vec::new();
        while i < toks.len() {
            let label = &toks[i];
            let label_text = label.t();
            if label_text.is_empty() {
                i += 1;
                continue;
            }
            let folded = fold(label_text);
            let is_label = ["资金", "拨款", "结转", "合计", "总额", "财政", "其他"]
                .iter()
                .any(|w| folded.contains(w))
                && !matches!(
                    shape(label_text),
                    Shape::Number | Shape::Amount | Shape::Percent
                );
            if !is_label || (!lost && !label.row_start && !first_filled(toks, i)) {
                break;
            }
            let mut row = Execution::new(label_text);
            row.line = Some(label.line);
            let mut j = i + 1;
            let mut values: Vec<Tok<'_>> = Vec::new();
            while j < toks.len() {
                let t = &toks[j];
                if !lost && t.row_start {
                    break;
                }
                match t.shape {
                    Shape::Number | Shape::Amount | Shape::Percent => values.push(t.clone()),
                    Shape::Empty => {}
                    _ => break,
                }
                j += 1;
            }
            self.fill_money(&mut row, columns, &values);
            rows.push(row);
            i = j;
        }
        if let Some(points) = points {
            let total = rows
                .iter()
                .position(|r| ["总额", "合计", "总计"].iter().any(|w| r.label.contains(w)))
                .unwrap_or(0);
            if let Some(row) = rows.get_mut(total).filter(|r| r.weight.is_none()) {
                row.weight = Some(points);
            }
        }
        let draft = self.draft_mut();
        draft.project.execution.extend(rows);
        self.self_evaluation = true;
        i
    }

    /// Puts a money row's amounts in their columns: a percentage is the 执行率, the other
    /// amounts fill the other columns in order.
    fn fill_money(&mut self, row: &mut Execution, columns: &[MoneyColumn], values: &[Tok<'_>]) {
        let slots: Vec<MoneyColumn> = columns
            .iter()
            .cloned()
            .filter(|c| *c != MoneyColumn::Rate)
            .collect();
        // As many amounts as columns stand in them; fewer fill them in order, a percentage
        // the 执行率.
        let positional = values.len() == columns.len();
        let mut next = 0;
        // Whether the 执行率 was printed without a percent sign: it may be a fraction.
        let mut rate_bare = false;
        for (n, value) in values.iter().enumerate() {
            let percent = value.t().strip_suffix(['%', '％']);
            if positional {
                rate_bare |= columns[n] == MoneyColumn::Rate && percent.is_none();
                let amount = decimal(percent.unwrap_or(value.t()));
                match columns[n] {
                    MoneyColumn::Initial => row.initial = amount,
                    MoneyColumn::Budget => row.budget = amount,
                    MoneyColumn::Executed => row.executed = amount,
                    MoneyColumn::Weight => row.weight = amount,
                    MoneyColumn::Score => row.score = amount,
                    MoneyColumn::Rate => row.rate = amount,
                }
                continue;
            }
            if let Some(percent) = percent {
                row.rate = decimal(percent);
                continue;
            }
            let Some(column) = slots.get(next) else {
                self.diagnose(
                    DiagnosticCode::TextUnparsed,
                    msg!(
                        "amount «{}» of «{}» fits no column",
                        "「{1}」的金额「{0}」无法对应任何列",
                        value.t(),
                        row.label
                    ),
                    value,
                );
                continue;
            };
            next += 1;
            let amount = decimal(value.t());
            match column {
                MoneyColumn::Initial => row.initial = amount,
                MoneyColumn::Budget => row.budget = amount,
                MoneyColumn::Executed => row.executed = amount,
                MoneyColumn::Weight => row.weight = amount,
                MoneyColumn::Score => row.score = amount,
                MoneyColumn::Rate => {
                    rate_bare = true;
                    row.rate = amount;
                }
            }
        }
        // A bare 执行率 up to 1 that the amounts say is a fraction (`0.94` for 94 of 100).
        if let (true, Some(rate), Some(computed)) = (rate_bare, row.rate, row.computed_rate()) {
            let distance = |a: Decimal| a.checked_sub(computed).map(|d| d.abs());
            if let Some(percent) = rate.checked_mul(Decimal::ONE_HUNDRED)
                && let (Some(as_percent), Some(as_printed)) = (distance(percent), distance(rate))
                && rate <= Decimal::ONE
                && as_percent < as_printed
            {
                row.rate = Some(percent.normalize());
            }
        }
    }

    /// Reads a footer row (合计, 评价结论 …) into the project's details.
    fn read_footer(&mut self, toks: &[Tok<'_>], i: usize) -> usize {
        let label = &toks[i];
        let lost = self.breaks(label) == Rows::Lost;
        let mut j = i + 1;
        let mut parts: Vec<&str> = Vec::new();
        while j < toks.len() && toks[j].grid == label.grid {
            let t = &toks[j];
            if (!lost && t.row_start) || (lost && t.words.is_label()) {
                break;
            }
            if lost && (t.words.ends || t.words.role.is_some_and(is_key)) {
                break;
            }
            if !t.t().is_empty() {
                parts.push(t.t());
                if lost && parts.len() >= 2 {
                    j += 1;
                    break;
                }
            }
            j += 1;
        }
        // A footer whose text is the next row's one paragraph (偏差原因分析 | then the prose).
        if parts.is_empty()
            && !lost
            && toks
                .get(j)
                .is_some_and(|t| t.grid == label.grid && t.shape == Shape::Prose)
            && toks
                .get(j + 1)
                .is_none_or(|t| t.row_start || t.t().is_empty())
        {
            parts.push(toks[j].t());
            j += 1;
        }
        let header = label.t().trim_end_matches([':', '：']).to_owned();
        // The page's own words are no part of the table: reported, not read.
        if is_chrome(label.t()) {
            let text = std::iter::once(label.t())
                .chain(parts)
                .collect::<Vec<_>>()
                .join(" | ");
            self.diagnose(
                DiagnosticCode::LayoutSkipped,
                msg!(
                    "text outside the grid skipped: «{text}»",
                    "已跳过表格之外的文字：「{text}」"
                ),
                label,
            );
            return j;
        }
        if self.draft.is_some() || self.units.iter().any(|u| !u.projects.is_empty()) {
            let draft = self.draft_mut();
            draft
                .project
                .details
                .push(TextCell::new(header, parts.join(" | ")));
        } else {
            self.diagnose(
                DiagnosticCode::LayoutSkipped,
                msg!(
                    "«{}» before any project skipped",
                    "已跳过第一个项目之前的「{}」",
                    label.t()
                ),
                label,
            );
        }
        j
    }

    /// Reads a label cell and its value (`项目名称 | 主体班`, `单位:万元`) at `i`; returns where it
    /// ends, or `None` where the cell is no label.
    fn read_fact(&mut self, toks: &[Tok<'_>], i: usize) -> Option<usize> {
        let tok = &toks[i];
        if self.labels_a_tier(toks, i) {
            return None;
        }
        if let Some(pairs) = split_labelled(tok.t()) {
            for (fact, label, value) in pairs {
                self.apply(fact, label, value, tok);
            }
            return Some(i + 1);
        }
        let fact = tok.words.fact?;
        let lost = self.breaks(tok) == Rows::Lost;
        // `年度总体目标 | 预期目标 | 实际完成情况`: the goal and what became of it follow the
        // headings (on the next row, or the next cells where rows are lost).
        if fact == Fact::Goal {
            let mut j = i + 1;
            let mut headings = 0;
            while let Some(t) = toks
                .get(j)
                .filter(|t| t.grid == tok.grid && (lost || !t.row_start))
            {
                if t.t().is_empty() {
                    j += 1;
                } else if is_goal_header(t.t()) {
                    headings += 1;
                    j += 1;
                } else {
                    break;
                }
            }
            if headings > 0 {
                self.goal_block = true;
                return Some(j);
            }
        }
        let mut j = i + 1;
        let mut values: Vec<&str> = Vec::new();
        // A label that is a row by itself, then a row of one cell that is no label: the
        // label's value, its row broken where a stream of cells lost it (`专项资金名称 |` then
        // `在职村村干部补助 |`).
        let alone = |k: usize| {
            toks.get(k)
                .is_some_and(|t| t.grid == tok.grid && t.row_start && !t.t().is_empty())
                && toks
                    .get(k + 1)
                    .is_none_or(|t| t.row_start || t.grid != tok.grid)
        };
        if !lost && tok.row_start && alone(i + 1) && self.row_end(toks, i) == i + 1 {
            let t = &toks[i + 1];
            let label = t.words.is_label() || t.words.role.is_some_and(is_key) || t.words.ends;
            if !label && t.words.fact.is_none() && self.header_at(toks, i + 1).is_none() {
                self.apply(fact, tok.t(), t.t(), tok);
                return Some(i + 2);
            }
        }
        while j < toks.len() && toks[j].grid == tok.grid {
            let t = &toks[j];
            if !lost && t.row_start {
                break;
            }
            if t.words.is_label() || t.words.role.is_some_and(is_key) || t.words.ends {
                break;
            }
            // A money block's header ends the value, but a cell of words before it is the
            // value (`主管部门 | 新洲区楚剧团 | 实施单位 | … | 项目资金(万元) | 年初预算数`).
            let money_words = t.words.money.is_some() || t.words.money_half;
            if money_words && self.money_header_at(toks, j).is_some() {
                break;
            }
            if !t.t().is_empty() {
                values.push(t.t());
                if lost {
                    j += 1;
                    break;
                }
            }
            j += 1;
        }
        let value = values.join(" ");
        self.apply(fact, tok.t(), &value, tok);
        Some(j)
    }

    /// Reads a row that holds labels but does not start with one (`207101天津市河北区人民法院 |
    /// 单位:万元`): a body's name before the labels is the funding unit of the projects
    /// that follow; any other text is reported. `None` where the row holds no label.
    fn read_label_row(&mut self, toks: &[Tok<'_>], i: usize) -> Option<usize> {
        if !toks[i].row_start || self.breaks(&toks[i]) == Rows::Lost {
            return None;
        }
        let end = self.row_end(toks, i);
        // A label word after a level's label in its row is an indicator's name (`资金管理指标 |
        // 年度投资完成率`): facts print no level before them.
        let first_level = (i..end).find(|&k| {
            matches!(
                toks[k].shape,
                Shape::Tier | Shape::Category | Shape::Level | Shape::Label
            )
        });
        let labelled = (i..end).any(|k| {
            let t = &toks[k];
            t.words.is_label()
                && !self.is_data_label(t)
                && !self.in_data_row(&toks[i], t)
                && !self.labels_a_tier(toks, k)
                && first_level.is_none_or(|f| k <= f)
        });
        if !labelled {
            return None;
        }
        let mut j = i;
        while j < end {
            if let Some(next) = self.read_fact(toks, j) {
                j = next.max(j + 1);
                continue;
            }
            let tok = &toks[j];
            if !tok.t().is_empty() {
                if tok.shape == Shape::Body {
                    if self
                        .draft
                        .as_ref()
                        .is_some_and(|d| !d.project.indicators.is_empty())
                    {
                        self.push_draft();
                    }
                    self.unit = Some(tok.t().to_owned());
                    if let Some(draft) = self.draft.as_mut() {
                        draft.unit = self.unit.clone();
                    }
                } else {
                    self.diagnose(
                        DiagnosticCode::LayoutSkipped,
                        msg!(
                            "text beside the labels skipped: «{}»",
                            "已跳过标签旁的文字：「{}」",
                            tok.t()
                        ),
                        tok,
                    );
                }
            }
            j += 1;
        }
        Some(end)
    }

    /// Reads the goal and what became of it after a goal block's header: the cells of the
    /// row (of the next two cells, where rows are lost). `None` where the cells are labels
    /// or headers.
    fn read_goal(&mut self, toks: &[Tok<'_>], i: usize) -> Option<usize> {
        // The rest of the block's header (`| 年度总体目标完成情况综述`).
        let mut i = i;
        while toks
            .get(i)
            .is_some_and(|t| t.t().is_empty() || is_goal_header(t.t()))
        {
            i += 1;
        }
        let lost = self.breaks(toks.get(i)?) == Rows::Lost;
        // A block without goals: the grid's header follows.
        if self.header_at(toks, i).is_some() {
            return None;
        }
        let end = if lost { i + 2 } else { self.row_end(toks, i) };
        let end = end.min(toks.len());
        let cells: Vec<&str> = toks[i..end]
            .iter()
            .take_while(|t| !t.words.is_label() && t.words.role.is_none_or(|r| !is_key(r)))
            .map(Tok::t)
            .collect();
        if cells.is_empty() {
            return None;
        }
        let project = &mut self.draft_mut().project;
        if project.goal.is_empty() {
            project.goal = cells[0].to_owned();
        }
        let actual: Vec<&str> = cells[1..]
            .iter()
            .copied()
            .filter(|t| !t.is_empty())
            .collect();
        if !actual.is_empty() {
            project.goal_actual = Some(actual.join(" "));
        }
        Some(i + cells.len())
    }

    /// Applies a fact read from a label and its value.
    fn apply(&mut self, fact: Fact, label: &str, value: &str, at: &Tok<'_>) {
        let value = value.trim();
        self.note_money_unit(label);
        match fact {
            Fact::Project => {
                if value.is_empty() {
                    return;
                }
                let starts_new = self.draft.as_ref().is_some_and(|d| {
                    !d.project.indicators.is_empty() || !d.project.name.is_empty()
                });
                // A project's block may bring its own grid, also where a unit's row between
                // the blocks has already closed the last project (`207101天津市河北区人民法院 |
                // 单位:万元` over `项目名称 | …`): its money's use and goal are no rows of the
                // last grid. The last grid's columns are set aside until its own header, or
                // a row that begins with a level's label.
                let after_grid = self.draft.is_none() && !self.columns.is_empty();
                if starts_new {
                    self.push_draft();
                }
                if (starts_new || after_grid) && !self.columns.is_empty() {
                    self.set_aside = std::mem::take(&mut self.columns);
                }
                let unit = self.unit.clone();
                let draft = self.draft.get_or_insert_with(|| Draft {
                    project: Project::new(""),
                    unit,
                });
                draft.project.name = value.to_owned();
                draft.project.line = Some(at.line);
            }
            Fact::Department => {
                if !value.is_empty() && self.department.is_none() {
                    self.department = Some(value.to_owned());
                }
            }
            Fact::MoneyUnit => {
                if let Some(unit) = money_unit_of(value) {
                    self.money_unit.get_or_insert(unit);
                }
            }
            Fact::Competent => {
                if !value.is_empty() {
                    let v = value.to_owned();
                    if self.department.is_none() {
                        self.department = Some(strip_code(&v).to_owned());
                    }
                    self.draft_mut().project.competent = Some(v);
                }
            }
            Fact::Implementer => {
                if !value.is_empty() {
                    self.draft_mut().project.implementer = Some(value.to_owned());
                }
            }
            Fact::Budget | Fact::Fiscal | Fact::Other => {
                let amount = self.amount(value);
                match amount {
                    Some(amount) => {
                        let funding = &mut self.draft_mut().project;
                        match fact {
                            Fact::Budget => {
                                funding.budget.get_or_insert(amount);
                                funding.funding.total.get_or_insert(amount);
                            }
                            Fact::Fiscal => {
                                funding.funding.fiscal.get_or_insert(amount);
                            }
                            _ => {
                                funding.funding.other.get_or_insert(amount);
                            }
                        }
                    }
                    None if value.is_empty() => {}
                    None => self
                        .draft_mut()
                        .project
                        .details
                        .push(TextCell::new(label.trim_end_matches([':', '：']), value)),
                }
            }
            Fact::Goal if is_goal_header(value) => {
                // `年度总体目标 | 预期目标 | 实际完成情况`: the goal and what became of it follow.
                self.goal_block = true;
            }
            Fact::Goal => {
                if !value.is_empty() {
                    let project = &mut self.draft_mut().project;
                    if project.goal.is_empty() {
                        project.goal = value.to_owned();
                    } else {
                        project
                            .details
                            .push(TextCell::new(label.trim_end_matches([':', '：']), value));
                    }
                }
            }
            Fact::LongGoal | Fact::Detail => {
                if !value.is_empty() {
                    self.draft_mut()
                        .project
                        .details
                        .push(TextCell::new(label.trim_end_matches([':', '：']), value));
                }
            }
            Fact::Period => {
                if !value.is_empty() {
                    self.draft_mut().project.period = Some(value.to_owned());
                }
            }
        }
    }

    /// An amount in the table's money unit: `164万元` is 164 where the table counts in 万元,
    /// and sets that unit where it has none.
    fn amount(&mut self, text: &str) -> Option<Decimal> {
        let text = text.trim().trim_end_matches(['。', '.']);
        if text.is_empty() {
            return None;
        }
        if is_plain_amount(text) {
            return decimal(text);
        }
        let target = Target::lenient(text);
        let q = target.quantity()?;
        if target.op().is_some() || q.per().is_some() {
            return None;
        }
        let unit = q.unit()?;
        if unit != "元" {
            return None;
        }
        let stated = match q.scale() {
            Some(scale) => format!("{}元", scale.as_str()),
            None => "元".to_owned(),
        };
        let table = self
            .money_unit
            .get_or_insert_with(|| stated.clone())
            .clone();
        convert(q.amount(), &stated, &table)
    }

    /// The current project, begun where there is none.
    fn draft_mut(&mut self) -> &mut Draft {
        let unit = self.unit.clone();
        self.draft.get_or_insert_with(|| Draft {
            project: Project::new(""),
            unit,
        })
    }

    /// Ends the current project.
    fn push_draft(&mut self) {
        let Some(draft) = self.draft.take() else {
            return;
        };
        let name = draft
            .unit
            .or_else(|| self.department.clone())
            .unwrap_or_default();
        match self.units.last_mut() {
            Some(unit) if unit.name == name => unit.projects.push(draft.project),
            _ => {
                let mut unit = FundingUnit::new(name);
                unit.projects.push(draft.project);
                self.units.push(unit);
            }
        }
    }

    /// Text before the grid: the title, the year, or what is skipped.
    /// Gives an indicator header without a score or weight column the score column printed
    /// aside, above it: the form's rows end with their scores under that header.
    fn add_score_aside(&mut self) {
        let scored = self
            .columns
            .iter()
            .any(|c| matches!(c.role, Role::Score | Role::Weight));
        let indicators = self.columns.iter().any(|c| c.role == Role::Name);
        if let Some(header) = self.score_aside.clone()
            && indicators
            && !scored
        {
            self.columns.push(Column {
                role: Role::Score,
                header,
                alternate: false,
            });
        }
    }

    fn preamble(&mut self, tok: &Tok<'_>) {
        let text = tok.t();
        if self.columns.is_empty() && tok.header_role() == Some(Role::Score) {
            self.score_aside = Some(text.to_owned());
        }
        if self.title.is_none() && is_title(text) {
            self.title = Some(text.to_owned());
            if self.year.is_none() {
                self.year = crate::read::runon::year_of(text);
            }
            return;
        }
        if self.year.is_none()
            && let Some(year) = year_line(text)
        {
            self.year = Some(year);
            return;
        }
        self.diagnose(
            DiagnosticCode::LayoutSkipped,
            msg!(
                "text outside the grid skipped: «{text}»",
                "已跳过表格之外的文字：「{text}」"
            ),
            tok,
        );
    }

    /// Text outside the grid at `i`: a report's heading of a project's targets over its
    /// sections (`参保城乡居民健康体检经费项目项目绩效目标`, then `(一)中长期绩效目标` and its
    /// paragraph) begins that project; any other text is [`Builder::preamble`]'s.
    fn preamble_at(&mut self, toks: &[Tok<'_>], i: usize) {
        let tok = &toks[i];
        if let Some(name) = project_heading(tok.t()).filter(|_| section_title(toks, i)) {
            if self.title.is_none() {
                self.title = Some(tok.t().to_owned());
            }
            self.apply(Fact::Project, "项目名称", name, tok);
            return;
        }
        self.preamble(tok);
    }

    /// Where the run of data cells from `i` ends: at a header, a label, a money block or a
    /// footer.
    fn run_end(&mut self, toks: &[Tok<'_>], i: usize) -> usize {
        let mut j = i;
        while j < toks.len() {
            let tok = &toks[j];
            if j > i && tok.grid != toks[i].grid && self.header_at(toks, j).is_some() {
                break;
            }
            if j > i && self.starts_row(toks, j) {
                if self.header_at(toks, j).is_some()
                    || tok.words.ends
                    || self.money_header_at(toks, j).is_some()
                {
                    break;
                }
                // A row with a label in it is the next project's block.
                let row_end = self.row_end(toks, j);
                if self.next_table(toks, j, row_end)
                    || report_section(toks, j)
                    || row_end == j + 1 && section_title(toks, j)
                {
                    break;
                }
                // Where rows are lost, a label's words right after a level's label are the
                // indicator's name (`成本指标` then `项目计划总投资`): facts print no level
                // before them.
                let after_level = self.breaks(tok) == Rows::Lost
                    && matches!(
                        toks[j - 1].shape,
                        Shape::Tier | Shape::Category | Shape::Level
                    );
                if after_level {
                    j += 1;
                    continue;
                }
                // A label's words after a level's label in the row are a name (`成本指标 |
                // 项目计划总投资`), as where rows are lost.
                let level =
                    |t: &Tok<'_>| matches!(t.shape, Shape::Tier | Shape::Category | Shape::Level);
                let labels_end = toks[j..row_end]
                    .iter()
                    .position(level)
                    .map_or(row_end, |k| j + k);
                if (j..labels_end).any(|k| {
                    let t = &toks[k];
                    t.words.is_label()
                        && !self.is_data_label(t)
                        && !self.in_data_row(&toks[j], t)
                        && !self.labels_a_tier(toks, k)
                }) {
                    break;
                }
            }
            j += 1;
        }
        j
    }

    /// Whether a cell with a fact's words is a tier's label: it begins a row of a grid with a
    /// tier column, and a category's label follows it in the row (`项目年度绩效目标(定量指标) |
    /// 制度指标 | 规章制度`, a Hebei evaluation's first level).
    fn labels_a_tier(&self, toks: &[Tok<'_>], k: usize) -> bool {
        let tok = &toks[k];
        tok.row_start
            && self.breaks(tok) != Rows::Lost
            && self.columns.iter().any(|c| c.role == Role::Tier)
            && toks.get(k + 1).is_some_and(|next| {
                next.grid == tok.grid
                    && !next.row_start
                    && matches!(next.shape, Shape::Category | Shape::Level | Shape::Label)
            })
    }

    /// Whether a cell with a fact's words is data of a row in place: under a text column, in
    /// a row that begins with no label (`1.资金管理情况 | 专账核算 | 项目资金管理要求`).
    fn in_data_row(&self, first: &Tok<'_>, tok: &Tok<'_>) -> bool {
        self.breaks(tok) == Rows::Positional
            && tok.index > 0
            && !first.words.is_label()
            && self
                .columns
                .get(tok.index)
                .is_some_and(|c| c.role == Role::Text)
    }

    /// Whether a label-like cell may still be data of the grid (a name that happens to be a
    /// label word is no label where the grid has a column for it).
    fn is_data_label(&self, tok: &Tok<'_>) -> bool {
        // A level's label that is also a fact's (`绩效目标`, a category of evaluation tables) is
        // the grid's where it has a column of levels.
        let levels = self
            .columns
            .iter()
            .any(|c| matches!(c.role, Role::Tier | Role::Category));
        if levels && crate::taxonomy::resolve::<crate::Category>(tok.t()).is_some() {
            return true;
        }
        match tok.words.fact {
            Some(Fact::Project) => self.columns.iter().any(|c| c.role == Role::Project),
            Some(Fact::Budget) => self.columns.iter().any(|c| c.role == Role::Budget),
            Some(Fact::Goal) => self.columns.iter().any(|c| c.role == Role::Goal),
            _ => false,
        }
    }

    /// The column a cell starting at display column `page` stands under: the last whose
    /// header starts at or before it (a character's width to spare), where the header's
    /// places are known.
    fn column_under(&self, page: Option<usize>) -> Option<usize> {
        let page = page?;
        let k = self
            .pages
            .partition_point(|&(s, _)| s <= page.saturating_add(1));
        k.checked_sub(1)
            .and_then(|k| self.pages.get(k))
            .map(|&(_, c)| c)
    }

    /// Reads a run of data cells into indicators.
    fn read_run(&mut self, run: &[Tok<'_>], at_end: bool) {
        let Some(first) = run.first().cloned() else {
            return;
        };
        let mode = self.breaks(&first);
        // Where rows are lost, a bare number right under the header and before the first
        // tier is the points of the block below, printed in a score column merged over it.
        let tier_follows = run.get(1).is_some_and(|t| {
            crate::taxonomy::resolve::<crate::Tier>(t.t()).is_some()
                && crate::taxonomy::resolve::<crate::Category>(t.t()).is_none()
        });
        if mode == Rows::Lost
            && self.under_header
            && first.shape == Shape::Number
            && tier_follows
            && self.columns.iter().any(|c| c.role == Role::Score)
        {
            self.diagnose(
                DiagnosticCode::LayoutSkipped,
                msg!(
                    "the block's points «{}» over its first tier skipped",
                    "已跳过首个一级指标上方的分块分值「{}」",
                    first.t()
                ),
                &first,
            );
            return self.read_run(&run[1..], at_end);
        }
        let mut columns = self.columns.clone();
        let rows: Vec<Row<'_>> = if mode == Rows::Positional {
            positional_rows(run, columns.len())
        } else {
            let sections: Vec<String> = columns
                .iter()
                .filter(|c| c.role == Role::Section)
                .map(|c| fold(&c.header))
                .collect();
            // A section label repeated in the rows (`绩效指标`) says nothing more.
            let cells: Vec<Tok<'_>> = join_fragments(run)
                .into_iter()
                .filter(|t| sections.is_empty() || !sections.contains(&fold(t.t())))
                .collect();
            // Whether the row so far shows a value: a row of labels and a name alone may go on
            // on the next line, where a cell broke its row (`名称 (个) |` then `15 | 6 | 8.0 |`).
            let mut row_has_value = false;
            // A row with more cells than the grid has columns is rows whose breaks were lost
            // (a cell per line, one row's closing pipes missing): its cells may start rows.
            let mut overfull = vec![false; cells.len()];
            let mut start = 0;
            for end in 1..=cells.len() {
                if end == cells.len() || cells[end].row_start {
                    let full = end - start > columns.len();
                    overfull[start..end].iter_mut().for_each(|o| *o = full);
                    start = end;
                }
            }
            // Where rows are lost, a short text repeated down the run (`计划标准` on every
            // row) is a column's standard wording, no name: it goes where rules go.
            let texts_column = columns.iter().any(|c| c.role == Role::Text);
            let mut repeats: std::collections::HashMap<&str, usize> =
                std::collections::HashMap::new();
            if mode == Rows::Lost && texts_column {
                for t in cells.iter().filter(|t| t.shape == Shape::Text) {
                    *repeats.entry(t.t()).or_default() += 1;
                }
            }
            // Under a second label of its tier (`项目效益`), the framework's third level names
            // the effects (`社会效益`, `服务对象满意度`): where the header has one category
            // column, such words are names until the next tier.
            let one_category = columns.iter().filter(|c| c.role == Role::Category).count() == 1
                && columns.iter().any(|c| c.role == Role::Name);
            // A 指标类型 column whose run holds tier labels and no 定量/定性 or comparator is
            // the tiers' column: what the header leaves open, the cells tell.
            if !columns.iter().any(|c| c.role == Role::Tier)
                && let Some(kind) = columns
                    .iter()
                    .position(|c| c.role == Role::Qualifier && fold(&c.header).contains("类型"))
                && cells.iter().any(|t| t.shape == Shape::Tier)
                && !cells
                    .iter()
                    .any(|t| matches!(t.shape, Shape::Op | Shape::Nature | Shape::Direction))
            {
                columns[kind].role = Role::Tier;
            }
            // A grid of tiers and names and no category column, whose rows print a tier and
            // then a category: a category's label is a name there (`指标类型 | 指标名称` over
            // `产出指标 | 数量指标 | 375万平方米`). Where no tier follows, the tier column holds
            // the categories (`一级指标 | 二级指标` over `数量指标 | 维修次数`).
            let named_categories = !columns.iter().any(|c| c.role == Role::Category)
                && columns.iter().any(|c| c.role == Role::Tier)
                && columns.iter().any(|c| c.role == Role::Name)
                && cells.windows(2).any(|w| {
                    w[0].shape == Shape::Tier
                        && w[1].shape == Shape::Category
                        && (mode == Rows::Lost || !w[1].row_start)
                });
            let full = full_width(&cells, mode);
            let placed_labels = labels_by_place(&cells, &columns, mode, full);
            let weighted_labels = labels_by_points(&cells, &columns, mode);
            let mut heading = false;
            // The shape of the last label that began a row: a label of both levels
            // (`成本指标`) that begins a row after rows that began with categories, and is
            // followed by no category, is one of them.
            let mut last_row_label: Option<Shape> = None;
            // The tier of the last tier label read, which such a category must belong to.
            let mut tier_in_force: Option<Tier> = None;
            // The category in force: the last category label of the run, since its tier, its
            // words without suffixes, and the label as printed.
            let mut in_force: Option<(crate::Category, String, &str)> = None;
            let items: Vec<Item> = cells
                .iter()
                .enumerate()
                .map(|(n, t)| {
                    let carries_on = t.row_start && !row_has_value && is_value_shape(t.shape);
                    if t.row_start {
                        row_has_value = false;
                    }
                    row_has_value |= is_value_shape(t.shape);
                    let sibling_category = mode != Rows::Lost
                        && t.row_start
                        && t.shape == Shape::Level
                        && last_row_label == Some(Shape::Category)
                        && crate::taxonomy::resolve::<crate::Category>(t.t())
                            .is_some_and(|c| Some(c.tier()) == tier_in_force)
                        && !cells.get(n + 1).is_some_and(|next| {
                            // A category, then a name: the 2021 template's cost tier.
                            matches!(next.shape, Shape::Category | Shape::Level | Shape::Label)
                                && cells.get(n + 2).is_some_and(|name| {
                                    matches!(name.shape, Shape::Text | Shape::Prose)
                                })
                        });
                    if matches!(t.shape, Shape::Tier | Shape::Level) && !sibling_category {
                        tier_in_force = crate::taxonomy::resolve::<Tier>(t.t());
                    }
                    if t.row_start
                        && matches!(t.shape, Shape::Tier | Shape::Category | Shape::Level)
                    {
                        last_row_label = Some(if sibling_category {
                            Shape::Category
                        } else {
                            t.shape
                        });
                    }
                    let repeated = repeats.get(t.t()).is_some_and(|n| *n >= 3);
                    let repeats = n > 0 && !t.t().is_empty() && cells[n - 1].t() == t.t();
                    // A second label of the tier just named (`效益` then `项目效益`, the
                    // 2020 framework's 二级 under its 一级) is the row's category label: a
                    // tier is not printed twice in a row.
                    let sub_tier =
                        n > 0 && (mode == Rows::Lost || !t.row_start) && sub_tier(&cells[n - 1], t);
                    // Where rows are lost, a label of both levels (`满意度指标`) after another
                    // tier's label (`效益指标`) and before a category of its own tier
                    // (`服务对象满意度指标`) is the next tier: the tier before prints no rows.
                    let next_tier = mode == Rows::Lost
                        && n > 0
                        && tier_after_empty_tier(&cells[n - 1], t, cells.get(n + 1));
                    if matches!(t.shape, Shape::Tier | Shape::Level) {
                        heading = sub_tier && one_category;
                        in_force = None;
                        // A label of both levels right after a tier's label is the category
                        // (`满意度指标` twice): it is in force as a category label is.
                        if !next_tier
                            && t.shape == Shape::Level
                            && n > 0
                            && matches!(cells[n - 1].shape, Shape::Tier | Shape::Level)
                            && let Some(c) = crate::taxonomy::resolve::<crate::Category>(t.t())
                        {
                            let folded = crate::taxonomy::bare_name(&fold(t.t())).to_owned();
                            in_force = Some((c, folded, t.t()));
                        }
                    }
                    // Other words for the category in force (`财务管理` under `资金管理`) name
                    // an indicator of it, not the category again.
                    // The label in force printed again is that category again, whose words
                    // need no reading.
                    let restated = t.shape == Shape::Category
                        && in_force
                            .as_ref()
                            .is_none_or(|(_, _, printed)| *printed != t.t())
                        && crate::taxonomy::resolve::<crate::Category>(t.t()).is_some_and(|c| {
                            // Without its suffixes: `社会效益` says what `社会效益指标` said.
                            let folded = crate::taxonomy::bare_name(&fold(t.t())).to_owned();
                            let again = in_force
                                .as_ref()
                                .is_some_and(|(was, text, _)| *was == c && *text != folded);
                            if !again {
                                in_force = Some((c, folded, t.t()));
                            }
                            again
                        });
                    Item {
                        repeats,
                        heads: sub_tier,
                        continues: n > 0
                            && full.is_some_and(|w| {
                                let before = &cells[n - 1];
                                matches!(before.shape, Shape::Text | Shape::Words | Shape::Prose)
                                    && crate::read::text::Measure::Wide.width(before.t()) + 1 >= w
                            })
                            && matches!(t.shape, Shape::Text | Shape::Words)
                            && !enumerated(t.t()),
                        after_label: n > 0
                            && (matches!(
                                cells[n - 1].shape,
                                Shape::Tier | Shape::Category | Shape::Level | Shape::Label
                            ) || weighted_labels[n - 1] == Some(Shape::Label)),
                        // A label read by its place is one however often it repeats.
                        shape: if let Some(shape) = placed_labels[n] {
                            shape
                        } else if let Some(shape) = weighted_labels[n] {
                            shape
                        } else if next_tier {
                            Shape::Tier
                        } else if sibling_category {
                            Shape::Category
                        } else if repeated {
                            Shape::Rule
                        } else if sub_tier {
                            Shape::Level
                        } else if heading && t.shape == Shape::Category
                            || restated
                            || named_categories && t.shape == Shape::Category
                        {
                            Shape::Text
                        } else if mode == Rows::Lost && labels_a_category(&cells, n) {
                            Shape::Label
                        } else {
                            t.shape
                        },
                        brk: match (n, mode) {
                            (0, _) => Break::Must,
                            _ if sub_tier => Break::Never,
                            (_, Rows::Lost) => Break::May,
                            (_, Rows::Wrapped) if t.row_start => Break::May,
                            (_, _) if carries_on => Break::May,
                            (_, _) if t.row_start => Break::Must,
                            (_, _) if overfull[n] => Break::May,
                            _ => Break::Never,
                        },
                        // Where rows are lost, a name's wrapped lines may be cells of their
                        // own (`图书馆管理机制健` / `全性`): words join the cell before.
                        joinable: (mode == Rows::Wrapped && !t.row_start)
                            || (mode == Rows::Lost
                                && n > 0
                                && matches!(t.shape, Shape::Text | Shape::Words)),
                        near: if matches!(
                            t.shape,
                            Shape::Tier | Shape::Category | Shape::Level | Shape::Label
                        ) {
                            self.column_under(t.page)
                        } else {
                            None
                        },
                    }
                })
                .collect();
            let mut roles: Vec<Role> = columns.iter().map(|c| c.role).collect();
            let texts: Vec<Texts> = columns.iter().map(|c| Texts::of(&c.header)).collect();
            let fit = |shape: Shape, role: Role, c: usize| texts[c].fit(shape, role);
            let mut places = align(&items, &roles, |shape, c| fit(shape, roles[c], c));
            // Where the cells fit no way with levels' points (no cell stands after a label to
            // be them, glued text that reads a label as words), the 分值 columns are the
            // indicators' again.
            if places.is_none() && roles.contains(&Role::LevelWeight) {
                let weights: Vec<Role> = roles
                    .iter()
                    .map(|r| match r {
                        Role::LevelWeight => Role::Weight,
                        r => *r,
                    })
                    .collect();
                // Whether or not they fit, so that the forced reading of unfit rows below sees
                // the indicators' weights.
                places = align(&items, &weights, |shape, c| fit(shape, weights[c], c));
                for column in columns.iter_mut().filter(|c| c.role == Role::LevelWeight) {
                    column.role = Role::Weight;
                }
                roles = weights;
            }
            // A table without a 一级 column whose 指标类型 holds no 定量/定性 but the tiers
            // (`指标类型 | 指标名称 | 指标值`, `产出指标 | 数量指标 | 375万平方米`): the column is
            // the tiers'.
            if places.is_none()
                && !roles.contains(&Role::Tier)
                && let Some(kind) = columns
                    .iter()
                    .position(|c| c.role == Role::Qualifier && fold(&c.header).contains("类型"))
            {
                let mut tiers = roles.clone();
                tiers[kind] = Role::Tier;
                let retried = align(&items, &tiers, |shape, c| fit(shape, tiers[c], c));
                if retried.is_some() {
                    columns[kind].role = Role::Tier;
                    roles = tiers;
                    places = retried;
                }
            }
            // Where a row shows an unknown label as its tier and a tier word as its category
            // (`实施效果指标 | 产出指标`), the table files tiers under its 二级 column: tier
            // words fit that column first.
            if places
                .as_ref()
                .is_some_and(|p| tiers_under_categories(&items, p, &roles))
            {
                let shifted = |shape: Shape, c: usize| match (shape, roles[c]) {
                    (Shape::Tier | Shape::Level, Role::Category) => 9,
                    (Shape::Tier | Shape::Level, Role::Tier) => 4,
                    (shape, role) => fit(shape, role, c),
                };
                places = align(&items, &roles, shifted);
            }
            // Where the 二级 column holds no category anywhere, only words of the table's
            // own (`资金到位率`, `预算支出进度` under `一级指标 | 二级指标 | 分值 | 指标内容`), it
            // names the indicators, and the name column's cells are their texts.
            if let Some(p) = &places
                && let Some((category, name)) = names_under_categories(
                    items
                        .iter()
                        .zip(p)
                        .filter_map(|(i, p)| Some((i.shape, p.as_ref()?.column))),
                    &columns,
                )
            {
                roles[category] = Role::Name;
                roles[name] = Role::Text;
                columns[category].role = Role::Name;
                columns[name].role = Role::Text;
                let texts: Vec<Texts> = columns.iter().map(|c| Texts::of(&c.header)).collect();
                places = align(&items, &roles, |shape, c| texts[c].fit(shape, roles[c]));
            }
            // Where some cell has no place (`重点` after the last column a number may take),
            // the run is read with such cells forced into a column, and their rows reported
            // rather than read: one cell does not cost the run.
            let mut unfit = vec![false; items.len()];
            if places.is_none() {
                let forced = |shape: Shape, c: usize| match fit(shape, roles[c], c) {
                    f if f <= NEVER => FORCED,
                    f => f,
                };
                places = align(&items, &roles, forced);
                for ((place, item), unfit) in places.iter().flatten().zip(&items).zip(&mut unfit) {
                    *unfit =
                        place.is_some_and(|p| fit(item.shape, roles[p.column], p.column) <= NEVER);
                }
            }
            match places {
                Some(places) => grouped_rows(&cells, &places, &unfit, columns.len()),
                None => {
                    let texts: Vec<&str> = cells.iter().map(Tok::t).collect();
                    self.diagnose(
                        DiagnosticCode::RowUnread,
                        msg!(
                            "cells that fit no column of the grid: «{}»",
                            "单元格无法对应表格的任何列：「{}」",
                            texts.join(" | ")
                        ),
                        &first,
                    );
                    return;
                }
            }
        };
        // Cells in place: the same, read off the rows.
        if mode == Rows::Positional
            && let Some((category, name)) = names_under_categories(
                rows.iter().flat_map(|r| {
                    r.cells
                        .iter()
                        .enumerate()
                        .flat_map(|(c, slot)| slot.iter().map(move |t| (t.shape, c)))
                }),
                &columns,
            )
        {
            columns[category].role = Role::Name;
            columns[name].role = Role::Text;
        }
        let under_header = std::mem::take(&mut self.under_header);
        let (rows, columns, sectioned) = section_rows(rows, columns);
        let carry = if sectioned {
            Carry::Printed
        } else {
            Carry::Merged { under_header }
        };
        self.read_rows(rows, &columns, at_end, carry);
    }

    /// Reads aligned rows: labels carried down (and up), projects begun, indicators made.
    ///
    /// Where the run ends the text (`at_end`), a last row that shows a name and nothing
    /// else is the text cut off inside it (`满意`, the start of 满意度指标): it is read, and
    /// said.
    fn read_rows(&mut self, rows: Vec<Row<'_>>, columns: &[Column], at_end: bool, carry: Carry) {
        let tiers = match carry {
            // A page's or a workbook's merged cell keeps its text in its first row: its label
            // stands no lower, and none is carried up.
            Carry::Merged { under_header } => fill_levels(
                &rows,
                columns,
                under_header && !matches!(self.layout, Layout::Html | Layout::Spreadsheet),
            ),
            Carry::Printed => rows
                .iter()
                .map(|r| Levels {
                    tier: row_own(r, columns, Role::Tier),
                    category: None,
                    category_below: None,
                })
                .collect(),
        };
        let last = rows.len().saturating_sub(1);
        // Labels are borrowed from the rows, which outlive the loop: carried down row after
        // row, they are not copied for each.
        let mut previous_category: Option<&str> = None;
        let mut previous_tier: Option<&str> = None;
        // The last tier a row printed, and the labels already said to come from below.
        let mut above_tier: Option<&str> = None;
        let mut from_below: (Option<&str>, Option<&str>) = (None, None);
        for (n, (whole, levels)) in rows.iter().zip(tiers).enumerate() {
            let Levels {
                tier: tier_text,
                category: category_fill,
                category_below,
            } = levels;
            // A row unsure only of where a weight, score, actual value or text goes is read,
            // those cells kept as text.
            let (sure, set_aside) = sure_part(whole, columns);
            let row = sure.as_ref().unwrap_or(whole);
            // The row's labels are read off the whole row: its sure part sets aside no label.
            let own_tier = row_own(whole, columns, Role::Tier);
            if own_tier.is_some() {
                above_tier = own_tier;
                self.tier_printed = true;
            }
            let anchor = row.anchor.clone();
            if row.ambiguous {
                // The row is not read, but a label it surely shows goes on to the rows below.
                let category_sure = columns
                    .iter()
                    .position(|c| c.role == Role::Category && !c.alternate)
                    .is_some_and(|c| !row.unsure.contains(&c));
                if category_sure && let Some(own) = row_own(whole, columns, Role::Category) {
                    previous_category = Some(own);
                    previous_tier = tier_text;
                }
                let texts: Vec<&str> = row.cells.iter().flatten().map(|t| t.t()).collect();
                let texts = texts.join(" | ");
                let (code, message) = if row.unfit {
                    (
                        DiagnosticCode::RowUnread,
                        msg!(
                            "a cell of this row fits none of the columns left to it, not read: «{texts}»",
                            "该行有单元格无法对应其后的任何列，未读取：「{texts}」"
                        ),
                    )
                } else {
                    (
                        DiagnosticCode::RowAmbiguous,
                        msg!(
                            "row fits the columns in more than one way, not read: «{texts}»",
                            "该行可按多种方式对应各列，未读取：「{texts}」"
                        ),
                    )
                };
                self.diagnose(code, message, &anchor);
                continue;
            }
            // Project-level columns.
            let own = |role: Role| -> Option<String> {
                // Most grids have no project-level columns: nothing to gather, row after row.
                if !columns.iter().any(|c| c.role == role) {
                    return None;
                }
                let texts: Vec<&str> = columns
                    .iter()
                    .zip(&row.cells)
                    .filter(|(c, _)| c.role == role)
                    .flat_map(|(_, cells)| cells.iter().map(|t| t.t()))
                    .filter(|t| !t.is_empty())
                    .collect();
                (!texts.is_empty()).then(|| texts.join(""))
            };
            if let Some(org) = own(Role::Org) {
                if own(Role::Project).is_none()
                    && self
                        .draft
                        .as_ref()
                        .is_none_or(|d| d.project.indicators.is_empty())
                    && self.units.is_empty()
                {
                    // A unit's row above its projects: the department and its total.
                    if let Some(budget) = own(Role::Budget).and_then(|b| self.amount(&b)) {
                        if self.department.is_none() {
                            self.department = Some(org.clone());
                        }
                        self.total.get_or_insert(budget);
                        if !has_indicator(row, columns) {
                            continue;
                        }
                    }
                }
                if self.unit.as_deref() != Some(org.as_str()) {
                    self.push_draft();
                    self.unit = Some(org);
                }
            }
            if let Some(name) = own(Role::Project) {
                let same = self.draft.as_ref().is_some_and(|d| d.project.name == name);
                if !same {
                    if self.draft.as_ref().is_some_and(|d| {
                        !d.project.indicators.is_empty() || !d.project.name.is_empty()
                    }) {
                        self.push_draft();
                    }
                    let draft = self.draft_mut();
                    draft.project.name = name;
                    draft.project.line = Some(anchor.line);
                    previous_category = None;
                    previous_tier = None;
                }
            }
            if let Some(budget) = own(Role::Budget) {
                match self.amount(&budget) {
                    Some(amount) => {
                        let project = &mut self.draft_mut().project;
                        project.budget.get_or_insert(amount);
                        project.funding.total.get_or_insert(amount);
                    }
                    None => self.diagnose(
                        DiagnosticCode::NumberUnread,
                        msg!(
                            "budget «{budget}» is no amount",
                            "预算数「{budget}」不是金额"
                        ),
                        &anchor,
                    ),
                }
            }
            // A project's goal and details fill their columns once, on its first row (a merged
            // cell); another text there on a later row is reported, not dropped.
            let mut unplaced: Vec<(String, String)> = Vec::new();
            if let Some(goal) = own(Role::Goal) {
                let project = &mut self.draft_mut().project;
                if project.goal.is_empty() {
                    project.goal = goal;
                } else if project.goal != goal {
                    let header = columns.iter().find(|c| c.role == Role::Goal);
                    unplaced.push((header.map_or("", |c| &c.header).to_owned(), goal));
                }
            }
            for (column, cells) in columns.iter().zip(&row.cells) {
                if column.role == Role::Detail {
                    let text: Vec<&str> = cells.iter().map(|t| t.t()).collect();
                    let text = text.join("");
                    if !text.is_empty() {
                        let project = &mut self.draft_mut().project;
                        match project.details.iter().find(|d| d.header == column.header) {
                            None => project
                                .details
                                .push(TextCell::new(column.header.clone(), text)),
                            Some(d) if d.text != text => {
                                unplaced.push((column.header.clone(), text));
                            }
                            Some(_) => {}
                        }
                    }
                }
            }
            for (header, text) in unplaced {
                self.diagnose(
                    DiagnosticCode::TextUnparsed,
                    msg!(
                        "{header} «{text}» differs from the project's, given on an earlier row; \
                         not read",
                        "{header}「{text}」与前面行给出的项目信息不同，未读取"
                    ),
                    &anchor,
                );
            }
            if at_end && n == last && !has_values(row, columns) && has_indicator(row, columns) {
                let texts: Vec<&str> = row.cells.iter().flatten().map(|t| t.t()).collect();
                self.diagnose(
                    DiagnosticCode::IndicatorIncomplete,
                    msg!(
                        "the text ends inside this row, which shows a name and nothing else: \
                         «{}»; read as an indicator without values",
                        "文本在本行中途结束，该行只有名称：「{}」，按无指标值的指标读取",
                        texts.join(" | ")
                    ),
                    &anchor,
                );
            }
            if !has_indicator(row, columns) {
                // Every cell of the row is said: its labels, and a dash or nature beside them.
                let labels: Vec<&str> = columns
                    .iter()
                    .zip(&row.cells)
                    .filter(|(c, _)| {
                        !matches!(
                            c.role,
                            Role::Org | Role::Project | Role::Budget | Role::Goal | Role::Detail
                        )
                    })
                    .flat_map(|(_, cells)| cells.iter().map(|t| t.t()))
                    .filter(|t| !t.is_empty())
                    .collect();
                if labels
                    .iter()
                    .any(|t| crate::taxonomy::resolve::<Tier>(t).is_some())
                {
                    self.tier_printed = true;
                }
                // Its labels go on to the rows below (a category on a line of its own).
                if let Some(own) = row_own(whole, columns, Role::Category) {
                    previous_category = Some(own);
                    previous_tier = tier_text;
                } else if tier_text != previous_tier {
                    previous_category = None;
                    previous_tier = tier_text;
                }
                if !labels.is_empty() {
                    self.diagnose(
                        DiagnosticCode::RowEmpty,
                        msg!(
                            "a row with labels and no indicator: «{}»",
                            "该行只有指标层级名称，没有指标：「{}」",
                            labels.join(" | ")
                        ),
                        &anchor,
                    );
                }
                continue;
            }
            // The tier resets the category where it changes.
            let own_category = row_own(whole, columns, Role::Category);
            if tier_text != previous_tier && own_category.is_none() && previous_tier.is_some() {
                previous_category = None;
            }
            let category_up =
                own_category.is_none() && (previous_category.is_none() || category_below.is_some());
            let category_text = own_category
                .or(category_below)
                .or(previous_category)
                .or(category_fill);
            // Labels carried up, each said once for the rows it is carried to.
            let tier_up = own_tier.is_none() && tier_text.is_some() && tier_text != above_tier;
            for (up, label, said, what, what_zh) in [
                (tier_up, tier_text, &mut from_below.0, "tier", "一级指标"),
                (
                    category_up,
                    category_text,
                    &mut from_below.1,
                    "category",
                    "二级指标",
                ),
            ] {
                if let Some(label) = label.filter(|_| up)
                    && *said != Some(label)
                {
                    *said = Some(label);
                    self.diagnose(
                        DiagnosticCode::LabelFromBelow,
                        msg!(
                            "this row prints no {what}: it takes «{label}», printed below it",
                            "本行未印{what_zh}，取其下方印出的「{label}」",
                        ),
                        &anchor,
                    );
                }
            }
            previous_category = category_text;
            previous_tier = tier_text;
            let mut indicator = self.indicator(row, columns, tier_text, category_text);
            for (header, tok) in set_aside {
                let text = tok.t();
                self.diagnose(
                    DiagnosticCode::CellAmbiguous,
                    msg!(
                        "«{text}» fits {header} or another column of its row: kept as text, \
                         the rest of the row read",
                        "「{text}」可对应{header}或本行另一列：按文字保留，本行其余部分已读取"
                    ),
                    &tok,
                );
                indicator.texts.push(TextCell::new(header, text));
            }
            // A row of values without a name (a label's row with its points, `生态效益指标 | 0`;
            // a name lost to a merged cell or a garbled line) is read, and said.
            if indicator.name.trim().is_empty() {
                let cells: Vec<&str> = row
                    .cells
                    .iter()
                    .flatten()
                    .map(|t| t.t())
                    .filter(|t| !t.is_empty())
                    .collect();
                self.diagnose(
                    DiagnosticCode::IndicatorIncomplete,
                    msg!(
                        "this row shows values but no name: «{}»; read as an indicator without a name",
                        "该行有指标值但没有指标名称：「{}」，按无名称的指标读取",
                        cells.join(" | ")
                    ),
                    &anchor,
                );
            }
            let draft = self.draft_mut();
            draft.project.indicators.push(indicator);
        }
    }

    /// A target value, parsed once per distinct text of the document: tables repeat their
    /// values (`100%`, `≥90%`).
    /// A value over the caps is kept as text, with a diagnostic at `at`.
    fn target(&mut self, text: &str, at: &Tok<'_>) -> Target {
        if let Some(target) = self.targets.get(text) {
            return target.clone();
        }
        let (target, error) = Target::parse_both(text);
        if let Some(e) = error.filter(|e| {
            matches!(
                e.kind(),
                crate::TargetErrorKind::TooLong | crate::TargetErrorKind::TooManyParts
            )
        }) {
            let message = Msg::new(e.to_string(), e.message_in(crate::Lang::Zh));
            self.diagnose(DiagnosticCode::ValueCapped, message, at);
        }
        // The cache is bounded: a document of distinct values parses each once anyway.
        if self.targets.len() < TARGET_CACHE {
            self.targets.insert(text.to_owned(), target.clone());
        }
        target
    }

    /// [`LevelReading`] of a label, read once per distinct text of the document.
    fn levels_of(&mut self, text: &str) -> LevelReading {
        if let Some((_, read)) = self.recent.iter().flatten().find(|(t, _)| t == text) {
            return *read;
        }
        let read = match self.levels.get(text) {
            Some(read) => *read,
            None => {
                let read = LevelReading::of(text);
                // Bounded: a document of distinct labels reads each once anyway.
                if self.levels.len() < LEVEL_CACHE {
                    self.levels.insert(text.to_owned(), read);
                }
                read
            }
        };
        // The older of the two recent labels gives way; its text's room is used again.
        let slot = &mut self.recent[self.older % 2];
        self.older = (self.older + 1) % 2;
        match slot {
            Some((kept, kept_read)) => {
                kept.clear();
                kept.push_str(text);
                *kept_read = read;
            }
            None => *slot = Some((text.to_owned(), read)),
        }
        read
    }

    /// [`level_label`], its level read by [`Builder::levels_of`]; `read` is that of the text
    /// as printed, which a label without spaces (most) need not look up again.
    fn level_label<L: Copy>(
        &mut self,
        text: &str,
        read: LevelReading,
        level: impl Fn(LevelReading) -> Option<L>,
        name: impl Fn(L) -> &'static str,
    ) -> (Option<L>, Option<String>) {
        let text = spaceless(text);
        let read = match &text {
            Cow::Borrowed(_) => read,
            Cow::Owned(spaceless) => self.levels_of(spaceless),
        };
        let found = level(read);
        let label = match found {
            Some(l) if name(l) == text => None,
            _ => Some(text.into_owned()),
        };
        (found, label)
    }

    /// Makes an indicator from a row.
    fn indicator(
        &mut self,
        row: &Row<'_>,
        columns: &[Column],
        tier_text: Option<&str>,
        category_text: Option<&str>,
    ) -> Indicator {
        let anchor = row.anchor.clone();
        let mut name = String::new();
        let mut annual: Option<Cow<'_, str>> = None;
        let mut period: Option<(String, Cow<'_, str>)> = None;
        let mut actual: Option<Cow<'_, str>> = None;
        let mut op: Option<&str> = None;
        let mut measure: Option<&str> = None;
        let mut measure_header: Option<&str> = None;
        let mut texts: Vec<TextCell> = Vec::new();
        let mut weight = None;
        let mut score = None;
        let mut direction = None;
        let mut nature = None;
        let mut core = false;
        let mut seq = None;
        for (column, cells) in columns.iter().zip(&row.cells) {
            // The column's cells joined: most columns hold one, borrowed rather than copied.
            let text: Cow<'_, str> = match &**cells {
                [one] => Cow::Borrowed(one.t()),
                _ => Cow::Owned(cells.iter().map(|t| t.t()).collect()),
            };
            if text.is_empty() {
                continue;
            }
            match column.role {
                Role::Name if name.is_empty() => name = text.into_owned(),
                Role::Name | Role::Category if column.alternate => {
                    if text != name.as_str() && Some(&*text) != category_text {
                        texts.push(TextCell::new(column.header.clone(), text));
                    }
                }
                Role::Name => texts.push(TextCell::new(column.header.clone(), text)),
                Role::Annual if annual.is_none() => annual = Some(text),
                Role::Annual => {
                    if period.is_none() {
                        period = annual.take().map(|a| (String::new(), a));
                        annual = Some(text);
                    } else {
                        texts.push(TextCell::new(column.header.clone(), text));
                    }
                }
                // A comparator alone under the first of two targets' headers that name no
                // horizon (`指标值属性 | 指标值`, `目标值 | 指标值`): the split cells' comparator.
                Role::Period
                    if op.is_none()
                        && is_op(&text)
                        && header_role(&column.header) != Some(Role::Period) =>
                {
                    op = cells.first().map(Tok::t);
                }
                Role::Period if period.is_none() => period = Some((column.header.clone(), text)),
                Role::Actual if actual.is_none() => actual = Some(text),
                Role::Weight | Role::Score => match number_of(&text) {
                    Some(d) if column.role == Role::Weight && weight.is_none() => weight = Some(d),
                    // A weight given as its share of the table's 100 points (`权重` `20%`;
                    // not under `分值` or `权重分值`, whose cells are points).
                    None if column.role == Role::Weight
                        && weight.is_none()
                        && Texts::of(&column.header) == Texts::Shares
                        && let Some(d) = text.strip_suffix(['%', '％']).and_then(number_of) =>
                    {
                        weight = Some(d);
                    }
                    Some(d) if column.role == Role::Score && score.is_none() => score = Some(d),
                    _ => {
                        self.diagnose(
                            DiagnosticCode::NumberUnread,
                            msg!(
                                "{} «{text}» is no number; kept as text",
                                "{}「{text}」不是数字，按文字保留",
                                column.header
                            ),
                            cells.first().unwrap_or(&anchor),
                        );
                        texts.push(TextCell::new(column.header.clone(), text));
                    }
                },
                Role::Qualifier => {
                    for cell in cells {
                        let t = cell.t();
                        if is_op(t) {
                            op = Some(t);
                        } else if let Some(d) = Direction::from_chinese(t) {
                            direction = Some(d);
                        } else if fold(t).starts_with("定性") {
                            nature = Some(Nature::Qualitative);
                        } else if fold(t).starts_with("定量") {
                            nature = Some(Nature::Quantitative);
                        } else {
                            texts.push(TextCell::new(column.header.clone(), t));
                        }
                    }
                }
                Role::Measure => {
                    // One unit joins the target; more cells there are kept as text.
                    measure = Some(cells.first().map_or("", |t| t.t()));
                    measure_header = Some(column.header.as_str());
                    for cell in cells.iter().skip(1) {
                        texts.push(TextCell::new(column.header.clone(), cell.t()));
                    }
                }
                Role::Core => match super::shape::is_mark(&text) {
                    Some(mark) => core = mark,
                    None => texts.push(TextCell::new(column.header.clone(), text)),
                },
                Role::Seq => seq = text.parse::<u32>().ok(),
                Role::Text => texts.push(TextCell::new(column.header.clone(), text)),
                Role::Tier | Role::Category | Role::Section | Role::Blank => {}
                Role::Org | Role::Project | Role::Budget | Role::Goal | Role::Detail => {}
                _ => texts.push(TextCell::new(column.header.clone(), text)),
            }
        }
        // With no target to join, a comparator or a unit of split cells is kept as text.
        if annual.is_none() && period.is_none() {
            let qualifier = columns.iter().find(|c| c.role == Role::Qualifier);
            for (header, text) in [
                (qualifier.map(|c| c.header.as_str()), op),
                (measure_header, measure),
            ] {
                if let (Some(header), Some(text)) = (header, text.filter(|t| !t.is_empty())) {
                    texts.push(TextCell::new(header, text));
                }
            }
        }
        let annual_text = annual
            .as_deref()
            .map(|value| join_split(op, value, measure))
            .unwrap_or_default();
        let position = self
            .draft
            .as_ref()
            .map_or(0, |d| d.project.indicators.len());
        let seq = seq.unwrap_or_else(|| u32::try_from(position + 1).unwrap_or(u32::MAX));
        // A star before the name marks a core indicator; the name keeps it as printed.
        if name.starts_with(['★', '☆']) {
            core = true;
        }
        let mut indicator = Indicator::new(seq, name, self.target(&annual_text, &anchor));
        if let Some((label, value)) = period {
            indicator.period = Some(self.target(&join_split(op, &value, measure), &anchor));
            let folded = fold(&label);
            indicator.period_label = (!label.is_empty()
                && !matches!(folded.as_str(), "实施周期指标值"))
            .then_some(label);
        }
        // A name that prints its points (`测算依据(5分)`) has its weight: in a table that
        // scores its rows (an actual or a score read above), where the rows lost their
        // cells' places, a lone number under a weight and a score column is the score the
        // row was given.
        if weight.is_some()
            && score.is_none()
            && self.self_evaluation
            && self.breaks(&anchor) != Rows::Positional
            && columns.iter().any(|c| c.role == Role::Score)
            && crate::taxonomy::Label::read(&indicator.name)
                .weight
                .is_some()
        {
            score = weight.take();
        }
        indicator.actual = actual.map(|a| self.target(&a, &anchor));
        indicator.weight = weight;
        indicator.score = score;
        indicator.direction = direction;
        indicator.nature = nature;
        indicator.core = core;
        indicator.texts = texts;
        indicator.line = Some(anchor.line);
        // The rows' labels, each read once ([`Builder::levels_of`]).
        let tier_read = tier_text.map(|t| self.levels_of(t));
        let category_read = category_text.map(|t| self.levels_of(t));
        if let (Some(text), Some(read)) = (tier_text, tier_read) {
            self.tier_printed = true;
            self.tier_implied = None;
            let (tier, label) = self.level_label(text, read, |r| r.tier, Tier::name);
            // A label of no words (`(50分)`, its words lost in the page) takes its tier from
            // the category below.
            let wordless = tier_read.is_some_and(|r| r.wordless);
            let from_category = category_read.and_then(|r| r.category).map(Category::tier);
            // A category filed in the tier column (`数量指标` under 一级指标, the names under
            // 二级) is that category, of its tier; the label stays as printed.
            // So is one printed in both level columns (a merged cell over 一级 and 二级:
            // `服务对象满意度指标 | 服务对象满意度指标`).
            let tier_category = tier_read.and_then(|r| r.category);
            let both = category_read.and_then(|r| r.category) == tier_category;
            let filed = (category_text.is_none() || both)
                .then_some(tier_category)
                .flatten()
                .filter(|_| tier.is_none());
            if let Some(category) = filed {
                indicator.category = Some(category);
                indicator.tier = Some(category.tier());
            } else if tier.is_none() && !(wordless && from_category.is_some()) {
                self.diagnose(
                    DiagnosticCode::LabelUnknown,
                    msg!(
                        "tier «{text}» is no tier this crate knows; kept as printed",
                        "无法识别一级指标「{text}」，按原文保留"
                    ),
                    &anchor,
                );
            }
            // A tier's words filed under 二级 below a label this crate does not know
            // (`实施效果` | `项目效益`) give the tier.
            let from_sub_label = category_read
                .filter(|r| r.category.is_none())
                .and_then(|r| r.tier);
            if filed.is_none() {
                indicator.tier = tier
                    .or(from_category.filter(|_| wordless))
                    .or(from_sub_label);
            }
            indicator.tier_label = label;
        }
        if let (Some(text), Some(read)) = (category_text, category_read) {
            let (category, label) = self.level_label(text, read, |r| r.category, Category::name);
            // Under the tier of satisfaction, a category of whose satisfaction (`受益对象满意度`,
            // `群众满意度指标`) is its one category, 31; the label stays as printed.
            let category = category.or_else(|| {
                let text = spaceless(text);
                let satisfied =
                    ends_with_word(&text, "满意度") || ends_with_word(&text, "满意度指标");
                (satisfied && indicator.tier == Some(Tier::Satisfaction))
                    .then_some(Category::Satisfaction)
            });
            match (category, tier_read.and_then(|r| r.tier)) {
                (None, Some(tier)) if category_read.and_then(|r| r.tier) == Some(tier) => {}
                (None, _) => self.diagnose(
                    DiagnosticCode::LabelUnknown,
                    msg!(
                        "category «{text}» is no category this crate knows; kept as printed",
                        "无法识别二级指标「{text}」，按原文保留"
                    ),
                    &anchor,
                ),
                _ => {}
            }
            indicator.category = category;
            indicator.category_label = label;
            if indicator.tier.is_none() && indicator.tier_label.is_none() {
                indicator.tier = category.map(Category::tier);
                if tier_text.is_none()
                    && let Some(tier) = indicator.tier
                    && self.tier_implied != Some(tier)
                {
                    self.tier_implied = Some(tier);
                    let name = tier.name();
                    let mut d = Diagnostic::of(
                        DiagnosticCode::TierImplied,
                        msg!(
                            "this row prints no tier: it takes «{name}», the tier of its category «{text}»",
                            "本行未印一级指标：按其二级指标「{text}」推定为「{name}」"
                        ),
                        anchor.line,
                        anchor.column,
                    );
                    d.sheet = self.sheet(&anchor);
                    self.tiers_implied.push(d);
                }
            }
            // A label of both levels carried down as the tier (`成本指标`, a category of 产出
            // on a row of its own) over a category of another tier (`经济效益指标`) was that
            // category: the tier is the category's.
            if let (Some(category), Some(tier)) = (category, indicator.tier)
                && category.tier() != tier
                && tier_read.is_some_and(|r| r.category.is_some_and(|c| Some(c.tier()) != r.tier))
            {
                indicator.tier = Some(category.tier());
                indicator.tier_label = None;
            }
        }
        if let Some(d) = crate::read::runon::records::tier_category_mismatch(
            &indicator,
            anchor.line,
            anchor.column,
        ) {
            let mut d = d;
            d.sheet = self.sheet(&anchor);
            self.diagnostics.push(d);
        }
        if indicator.actual.is_some() || indicator.score.is_some() {
            self.self_evaluation = true;
        }
        indicator
    }

    /// Says the reading is doubtful where half or more of its indicators (at least four) are
    /// fragments (see [`is_fragment`]): cells of a garbled text (a PDF's line of cells out of
    /// order) read as rows of fragments (`分`, `公`, `年初指`) or of values (`37442人`).
    fn doubt_garbled(&mut self) {
        const LEAST: usize = 4;
        let indicators: Vec<&Indicator> = self
            .units
            .iter()
            .flat_map(|u| &u.projects)
            .flat_map(|p| &p.indicators)
            .collect();
        let fragments: Vec<&&Indicator> = indicators.iter().filter(|i| is_fragment(i)).collect();
        let Some(first) = fragments.first() else {
            return;
        };
        if indicators.len() < LEAST || fragments.len() * 2 < indicators.len() {
            return;
        }
        let (n, all) = (fragments.len(), indicators.len());
        let line = first.line.unwrap_or(1);
        // The sheet or page table of the grid's header, where the input has several.
        let sheet = self
            .level_header
            .as_ref()
            .and_then(|(_, _, sheet)| sheet.clone())
            .or_else(|| {
                self.grids
                    .first()
                    .and_then(|g| g.sheet().map(str::to_owned))
            });
        let mut d = Diagnostic::of(
            DiagnosticCode::ReadingDoubtful,
            msg!(
                "{n} of the {all} indicators read are fragments (no name, a value for a name such as 37442人, or neither a target nor a name of three characters): the text's layout is likely garbled; check the reading against the table",
                "读出的{all}项指标中有{n}项是残片（无名称、以37442人这样的数值为名称，或既无指标值也无三个字以上的名称）：文本版面可能已错乱，请对照原表核对"
            ),
            line,
            1,
        );
        d.sheet = sheet;
        self.diagnostics.push(d);
    }

    /// The document, once every cell is read.
    fn finish(mut self, headers: usize) -> Result<Document, TableError> {
        self.push_draft();
        let indicators: usize = self
            .units
            .iter()
            .flat_map(|u| &u.projects)
            .map(|p| p.indicators.len())
            .sum();
        if headers == 0 {
            return Err(TableError::new(
                TableErrorKind::NotATable,
                msg!(
                    "no indicator grid: no header naming its columns (一级指标, 三级指标, 指标值 …)",
                    "没有指标表格：找不到标明各列的表头（一级指标、三级指标、指标值……）"
                ),
            ));
        }
        if indicators == 0 {
            return Err(TableError::new(
                TableErrorKind::NotATable,
                msg!(
                    "no indicator grid: a header, but no row holds an indicator",
                    "没有指标表格：有表头，但没有任何一行包含指标"
                ),
            ));
        }
        // A table that prints no tier files its indicators under none: a category's tier is
        // the taxonomy's (`Category::tier`), not the table's. One that prints tiers on other
        // rows says where a row's tier is its category's.
        if self.tier_printed {
            self.diagnostics.append(&mut self.tiers_implied);
        } else {
            for indicator in self
                .units
                .iter_mut()
                .flat_map(|u| &mut u.projects)
                .flat_map(|p| &mut p.indicators)
            {
                indicator.tier = None;
            }
        }
        // Level columns, and no row with a level: the labels are in words this crate does not
        // know, and may have run into the names (glued text cuts cells by known words).
        let levelled = self
            .units
            .iter()
            .flat_map(|u| &u.projects)
            .flat_map(|p| &p.indicators)
            .any(|i| {
                i.tier.is_some()
                    || i.category.is_some()
                    || i.tier_label.is_some()
                    || i.category_label.is_some()
            });
        if !levelled && let Some((line, column, sheet)) = self.level_header.take() {
            let mut d = Diagnostic::of(
                DiagnosticCode::IndicatorIncomplete,
                msg!(
                    "the header names level columns, but no row prints a level this crate reads: the indicators have no tier or category, and labels in other words may begin their names",
                    "表头有一级、二级指标列，但没有任何一行含可识别的指标级别：各指标缺少一级、二级指标，其他写法的级别名称可能混在指标名称开头"
                ),
                line,
                column,
            );
            d.sheet = sheet;
            self.diagnostics.push(d);
        }
        if self.layout == Layout::Glued {
            self.flag_glued_numbers();
        }
        self.doubt_garbled();
        let title = self.title.clone();
        // The title's words as simplified (`項目支出績效自評表`).
        let words: String = self
            .title
            .as_deref()
            .unwrap_or("")
            .chars()
            .map(crate::taxonomy::simplified)
            .collect();
        let tiers: Vec<Tier> = self
            .units
            .iter()
            .flat_map(|u| &u.projects)
            .flat_map(|p| &p.indicators)
            .filter_map(|i| i.tier)
            .collect();
        let kind = if words.contains("自评") {
            TableKind::SelfEvaluation
        } else if words.contains("评价")
            || tiers
                .iter()
                .any(|t| matches!(t, Tier::Decision | Tier::Process))
        {
            TableKind::Evaluation
        } else if words.contains("批复") || words.contains("审批") {
            TableKind::Approval
        } else if words.contains("申报") {
            TableKind::Application
        } else if self.self_evaluation {
            TableKind::SelfEvaluation
        } else {
            TableKind::Target
        };
        let scope = if words.contains("整体") {
            Scope::Department
        } else {
            Scope::Project
        };
        // A project without a name: the department's whole spending, or the table's subject.
        for unit in &mut self.units {
            if unit.name.is_empty() {
                unit.name = self.department.clone().unwrap_or_default();
            }
            for project in &mut unit.projects {
                if project.name.is_empty() {
                    project.name = match scope {
                        Scope::Department => self.department.clone().unwrap_or_default(),
                        _ => title.clone().unwrap_or_default(),
                    };
                }
            }
        }
        self.diagnostics.sort_by(|a, b| {
            (a.sheet.as_deref(), a.line, a.column).cmp(&(b.sheet.as_deref(), b.line, b.column))
        });
        let funding = Funding {
            total: self.total,
            ..Funding::default()
        };
        Ok(Document {
            title,
            department: self.department,
            year: self.year,
            money_unit: self.money_unit,
            funding,
            units: self.units,
            diagnostics: self.diagnostics,
            kind,
            scope,
            layout: self.layout,
        })
    }
}

impl Builder<'_> {
    /// Glued text runs a row's numbers together where a cell between them is empty or its
    /// separator lost (`≥34` for `≥3` and an actual `4`, `595%` for a weight `5` and `95%`):
    /// the numbers cannot be told apart, so a value with two digits or more in a row that
    /// leaves empty a number column (weight, score, actual) the table fills is said, not
    /// guessed at. Linear in the indicators.
    fn flag_glued_numbers(&mut self) {
        let indicators = || {
            self.units
                .iter()
                .flat_map(|u| &u.projects)
                .flat_map(|p| &p.indicators)
        };
        let count = indicators().count();
        let weights = indicators().filter(|i| i.weight.is_some()).count();
        let scores = indicators().filter(|i| i.score.is_some()).count();
        let actuals = indicators().filter(|i| i.actual.is_some()).count();
        // A column the table fills: most of its rows do, or its header has it and a row
        // fills it (where glued text ran every row's numbers together, few rows do).
        let headed = |role: Role| self.columns.iter().any(|c| c.role == role);
        let used = |filled: usize, role: Role| filled * 2 > count || filled > 0 && headed(role);
        let (weights, scores, actuals) = (
            used(weights, Role::Weight),
            used(scores, Role::Score),
            used(actuals, Role::Actual),
        );
        let mut found = Vec::new();
        for i in indicators() {
            let empty: Vec<(&str, &str)> = [
                (i.weight.is_none() && weights, ("weight", "分值")),
                (i.score.is_none() && scores, ("score", "得分")),
                (i.actual.is_none() && actuals, ("actual", "实际完成值")),
            ]
            .into_iter()
            .filter_map(|(empty, what)| empty.then_some(what))
            .collect();
            if empty.is_empty() {
                continue;
            }
            let glued = [Some(&i.annual), i.period.as_ref(), i.actual.as_ref()]
                .into_iter()
                .flatten()
                .find(|t| longest_digit_run(t.raw()) >= 2);
            if let Some(value) = glued {
                let en: Vec<&str> = empty.iter().map(|(en, _)| *en).collect();
                let zh: Vec<&str> = empty.iter().map(|(_, zh)| *zh).collect();
                found.push((
                    i.line.unwrap_or(0),
                    value.raw().to_owned(),
                    en.join(", "),
                    zh.join("、"),
                ));
            }
        }
        for (line, value, empty, empty_zh) in found {
            self.diagnostics.push(Diagnostic::of(
                DiagnosticCode::ValueGlued,
                msg!(
                    "«{value}» is glued text: its number may hold the next columns' numbers, \
                     and this row's {empty} is empty where other rows print one; read as printed",
                    "「{value}」为粘连文本：其中的数字可能含有后面各列的数字，本行的{empty_zh}为空\
                     而其他行有值；按原文读取",
                ),
                line,
                1,
            ));
        }
    }
}

/// The longest run of ASCII digits in a text.
fn longest_digit_run(text: &str) -> usize {
    let mut longest = 0;
    let mut run = 0usize;
    for b in text.bytes() {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

/// A row of the grid: the cells of each column, and where it was read.
#[derive(Debug, Clone)]
struct Row<'g> {
    cells: Vec<Slot<'g>>,
    anchor: Tok<'g>,
    ambiguous: bool,
    /// The columns whose cell might stand in another.
    unsure: Vec<usize>,
    /// Whether a cell of the row was forced into a column that cannot hold it.
    unfit: bool,
}

/// The cells a row holds in one column. Most columns hold none or one: those are kept in
/// place, and only more spill into a vector of their own (a vector a column was an allocation
/// per filled cell of every row).
#[derive(Debug, Clone, Default)]
enum Slot<'g> {
    #[default]
    Empty,
    One(Tok<'g>),
    Many(Vec<Tok<'g>>),
}

/// The level a section row's label opens, for [`section_rows`]: `一、投入目标` a tier,
/// `1.数量目标` a category; `None` where the text is no section's label.
fn section_level(text: &str) -> Option<Role> {
    /// The most characters of a section's label.
    const LONGEST: usize = 12;
    if text.chars().count() > LONGEST {
        return None;
    }
    let (tier, category) = crate::taxonomy::resolve_levels(text);
    let numeral = text.starts_with(|c: char| "一二三四五六七八九十".contains(c));
    let digit = text.starts_with(|c: char| c.is_ascii_digit());
    let rest =
        text.trim_start_matches(|c: char| "一二三四五六七八九十".contains(c) || c.is_ascii_digit());
    let outlined = rest.len() < text.len()
        && rest.starts_with(['、', '.', '．'])
        && (ends_with_word(rest, "目标") || ends_with_word(rest, "指标"));
    match (outlined, numeral, digit) {
        (true, true, _) => Some(Role::Tier),
        (true, _, true) => Some(Role::Category),
        _ if category.is_some() => Some(Role::Category),
        _ if tier.is_some() => Some(Role::Tier),
        _ => None,
    }
}

/// A grid with a name column and no level columns (`目标名称 | 目标值 | …`) whose rows of a
/// label alone head sections (`一、投入目标`, `1.数量目标`): the labels are the levels of
/// the rows below, a tier's until the next tier and a category's until the next level.
/// Level columns are put in front of the grid's for them; a section's row keeps its label
/// there, a row that tells nothing but its level. The flag says whether sections were found.
fn section_rows<'g>(rows: Vec<Row<'g>>, columns: Vec<Column>) -> (Vec<Row<'g>>, Vec<Column>, bool) {
    let levels = columns
        .iter()
        .any(|c| matches!(c.role, Role::Tier | Role::Category));
    let name = columns
        .iter()
        .position(|c| c.role == Role::Name && !c.alternate);
    let Some(name) = name.filter(|_| !levels) else {
        return (rows, columns, false);
    };
    let section = |row: &Row<'g>| -> Option<Role> {
        if row.ambiguous {
            return None;
        }
        let Some([label]) = row.cells.get(name).map(|slot| &**slot) else {
            return None;
        };
        let alone = row
            .cells
            .iter()
            .enumerate()
            .all(|(c, slot)| c == name || slot.iter().all(|t| t.t().is_empty()));
        alone.then(|| section_level(label.t())).flatten()
    };
    if !rows.iter().any(|r| section(r).is_some()) {
        return (rows, columns, false);
    }
    let mut out = Vec::with_capacity(rows.len());
    let mut tier: Option<Tok<'g>> = None;
    let mut category: Option<Tok<'g>> = None;
    for mut row in rows {
        let level = section(&row);
        if let Some(level) = level {
            let label = row
                .cells
                .get_mut(name)
                .and_then(|slot| slot.take().into_iter().next());
            if level == Role::Tier {
                tier = label;
                category = None;
            } else {
                category = label;
            }
        }
        let slot = |tok: &Option<Tok<'g>>| tok.clone().map_or(Slot::Empty, Slot::One);
        let mut cells = Vec::with_capacity(row.cells.len() + 2);
        cells.push(slot(&tier));
        cells.push(slot(&category));
        cells.append(&mut row.cells);
        row.cells = cells;
        row.unsure.iter_mut().for_each(|c| *c += 2);
        out.push(row);
    }
    let mut all = vec![
        Column {
            role: Role::Tier,
            header: String::new(),
            alternate: false,
        },
        Column {
            role: Role::Category,
            header: String::new(),
            alternate: false,
        },
    ];
    all.extend(columns);
    (out, all, true)
}

/// A row's slots, all empty: made in place, not cloned from a first one.
fn empty_slots<'g>(width: usize) -> Vec<Slot<'g>> {
    std::iter::repeat_with(Slot::default).take(width).collect()
}

impl<'g> Slot<'g> {
    fn push(&mut self, tok: Tok<'g>) {
        *self = match std::mem::take(self) {
            Slot::Empty => Slot::One(tok),
            Slot::One(first) => Slot::Many(vec![first, tok]),
            Slot::Many(mut toks) => {
                toks.push(tok);
                Slot::Many(toks)
            }
        };
    }

    /// The cells, taken out: the slot is left empty.
    fn take(&mut self) -> Vec<Tok<'g>> {
        match std::mem::take(self) {
            Slot::Empty => Vec::new(),
            Slot::One(tok) => vec![tok],
            Slot::Many(toks) => toks,
        }
    }
}

impl<'g> std::ops::Deref for Slot<'g> {
    type Target = [Tok<'g>];

    fn deref(&self) -> &[Tok<'g>] {
        match self {
            Slot::Empty => &[],
            Slot::One(tok) => std::slice::from_ref(tok),
            Slot::Many(toks) => toks,
        }
    }
}

impl<'a, 'g> IntoIterator for &'a Slot<'g> {
    type Item = &'a Tok<'g>;
    type IntoIter = std::slice::Iter<'a, Tok<'g>>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// A row that is unsure only of cells whose column changes no name, label or target (a lone
/// number under 权重 or 得分, a text under one of two text columns): the row without them,
/// and them with the header of the column they were placed in. `None` and nothing where
/// the row is sure, or unsure of more.
fn sure_part<'g>(row: &Row<'g>, columns: &[Column]) -> (Option<Row<'g>>, Vec<(String, Tok<'g>)>) {
    let minor = |c: &usize| {
        columns.get(*c).is_some_and(|c| {
            matches!(
                c.role,
                Role::Weight
                    | Role::LevelWeight
                    | Role::Score
                    | Role::Actual
                    | Role::Text
                    | Role::Core
            )
        })
    };
    if !row.ambiguous || row.unfit || row.unsure.is_empty() || !row.unsure.iter().all(minor) {
        return (None, Vec::new());
    }
    let mut sure = row.clone();
    let mut set_aside = Vec::new();
    for &c in &row.unsure {
        if let (Some(cells), Some(column)) = (sure.cells.get_mut(c), columns.get(c)) {
            for tok in cells.take() {
                set_aside.push((column.header.clone(), tok));
            }
        }
    }
    sure.ambiguous = false;
    sure.unsure.clear();
    if !has_indicator(&sure, columns) {
        return (None, Vec::new());
    }
    (Some(sure), set_aside)
}

/// Rows whose cells stand in their columns.
fn positional_rows<'g>(run: &[Tok<'g>], width: usize) -> Vec<Row<'g>> {
    let mut rows: Vec<Row<'g>> = Vec::new();
    for tok in run {
        if tok.row_start || rows.is_empty() {
            rows.push(Row {
                cells: empty_slots(width),
                anchor: tok.clone(),
                ambiguous: false,
                unsure: Vec::new(),
                unfit: false,
            });
        }
        if let Some(row) = rows.last_mut() {
            match row.cells.get_mut(tok.index) {
                Some(cell) if !tok.t().is_empty() => cell.push(tok.clone()),
                Some(_) => {}
                None if tok.t().is_empty() => {}
                None => {
                    // A cell beyond the header's columns: its text is kept as the last
                    // column's, so that nothing is lost.
                    if let Some(last) = row.cells.last_mut() {
                        last.push(tok.clone());
                    }
                }
            }
        }
    }
    rows
}

/// Whether a placement shows a row with an unknown label under 一级 and a tier word under
/// 二级.
fn tiers_under_categories(
    items: &[Item],
    places: &[Option<super::align::Place>],
    roles: &[Role],
) -> bool {
    let mut label_row = None;
    for (item, place) in items.iter().zip(places) {
        let Some(place) = place else { continue };
        match (item.shape, roles.get(place.column)) {
            (Shape::Label, Some(Role::Tier)) => label_row = Some(place.row),
            (Shape::Tier | Shape::Level, Some(Role::Category)) if label_row == Some(place.row) => {
                return true;
            }
            _ => {}
        }
    }
    false
}

/// The category column and the name column, where the one holds indicators' names: a grid
/// with one of each, the name column's header no 三级指标 (`指标内容`), and two cells or more
/// (shape and column) under the category, none of them a level's label.
fn names_under_categories(
    cells: impl Iterator<Item = (Shape, usize)>,
    columns: &[Column],
) -> Option<(usize, usize)> {
    let one = |role: Role| {
        let mut at = columns.iter().enumerate().filter(|(_, c)| c.role == role);
        match (at.next(), at.next()) {
            (Some((c, _)), None) => Some(c),
            _ => None,
        }
    };
    let (category, name) = (one(Role::Category)?, one(Role::Name)?);
    if category > name || fold(&columns[name].header).contains("三级") {
        return None;
    }
    let mut words = 0usize;
    for (shape, _) in cells.filter(|(_, c)| *c == category) {
        match shape {
            Shape::Tier | Shape::Category | Shape::Level => return None,
            Shape::Empty => {}
            _ => words += 1,
        }
    }
    (words >= 2).then_some((category, name))
}

/// Rows from aligned cells.
fn grouped_rows<'g>(
    cells: &[Tok<'g>],
    places: &[Option<super::align::Place>],
    unfit: &[bool],
    width: usize,
) -> Vec<Row<'g>> {
    // The last placed cell's row is the last row: the rows are sized once.
    let count = places
        .iter()
        .rev()
        .flatten()
        .next()
        .map_or(0, |p| p.row.saturating_add(1));
    let mut rows: Vec<Row<'g>> = Vec::with_capacity(count);
    let mut last_column = 0;
    for ((tok, place), unfit) in cells.iter().zip(places).zip(unfit) {
        match place {
            Some(place) => {
                if rows.len() <= place.row {
                    rows.push(Row {
                        cells: empty_slots(width),
                        anchor: tok.clone(),
                        ambiguous: false,
                        unsure: Vec::new(),
                        unfit: false,
                    });
                }
                if let Some(row) = rows.last_mut() {
                    row.ambiguous |= place.ambiguous || *unfit;
                    row.unfit |= *unfit;
                    if place.ambiguous {
                        row.unsure.push(place.column);
                    }
                    if let Some(cell) = row.cells.get_mut(place.column) {
                        cell.push(tok.clone());
                    }
                }
                last_column = place.column;
            }
            None => {
                if let Some(cell) = rows.last_mut().and_then(|r| r.cells.get_mut(last_column)) {
                    cell.push(tok.clone());
                }
            }
        }
    }
    rows
}

/// Whether the cell after `j` (the next that is not empty, in the same grid) is a grid header
/// word: what makes a cell of no known role at `j` a header too.
fn header_follows(toks: &[Tok<'_>], j: usize) -> bool {
    let label = |t: &Tok<'_>| {
        matches!(
            t.shape,
            Shape::Tier | Shape::Category | Shape::Level | Shape::Label
        )
    };
    !label(&toks[j])
        && toks[j + 1..]
            .iter()
            .take_while(|t| t.grid == toks[j].grid)
            .find(|t| !t.t().is_empty())
            .is_some_and(|t| {
                !label(t)
                    && header_role(t.t()).is_some_and(|r| {
                        !matches!(
                            r,
                            Role::Blank
                                | Role::Section
                                | Role::Goal
                                | Role::Project
                                | Role::Org
                                | Role::Budget
                                | Role::Detail
                        )
                    })
            })
}

/// The fit of a cell forced into a column that cannot hold it: worse than any real fit, yet
/// a placement, so that the rest of its run is read.
const FORCED: i32 = -40;

/// Cells with the fragments of wrapped labels joined back (`经济效益` / `指标`), and empty
/// cells dropped: where cells do not stand in their columns an empty one tells nothing.
fn join_fragments<'g>(run: &[Tok<'g>]) -> Vec<Tok<'g>> {
    let mut out: Vec<Tok<'g>> = Vec::with_capacity(run.len());
    let mut skip = 0usize;
    // The second halves of labels printed around their row, joined to their first halves.
    let mut taken: Vec<usize> = Vec::new();
    for (i, tok) in run.iter().enumerate() {
        // Halves stand a few cells after their first: the list holds those still ahead.
        taken.retain(|&k| k >= i);
        if skip > 0 {
            skip -= 1;
            continue;
        }
        if tok.t().is_empty()
            || tok.shape == Shape::Empty && tok.t().chars().all(|c| c.is_whitespace())
            || taken.contains(&i)
        {
            continue;
        }
        if let Some((joined, joined_shape, second)) = label_around_row(run, i) {
            let mut label = tok.clone();
            label.text = Cow::Owned(joined);
            label.shape = joined_shape;
            out.push(label);
            taken.push(second);
            continue;
        }
        if let Some((joined, joined_shape, used)) = vertical_label(&run[i..]) {
            let mut label = tok.clone();
            label.text = Cow::Owned(joined);
            label.shape = joined_shape;
            out.push(label);
            skip = used - 1;
            continue;
        }
        // A category's label wrapped where its second line is a level's word of its own
        // (`服务对象` / `满意度指标`, or over three lines, `服务对象` / `满意度` / `指标`): the
        // lines are the label.
        if let Some(last) = out.last_mut()
            && last.shape == Shape::Text
            && last.t().chars().nth(6).is_none()
            && matches!(tok.shape, Shape::Tier | Shape::Level)
        {
            let third = run
                .get(i + 1)
                .filter(|next| !ends_with_word(tok.t(), "指标") && is_word(next.t(), "指标"));
            let joined = format!(
                "{}{}{}",
                last.t(),
                tok.t(),
                third.map_or("", |next| next.t())
            );
            let third = third.is_some();
            let joined_shape = shape(&joined);
            if joined_shape == Shape::Category && ends_with_word(&joined, "指标") {
                last.text = Cow::Owned(joined);
                last.shape = joined_shape;
                skip = usize::from(third);
                continue;
            }
        }
        if let Some(last) = out.last_mut()
            && let Some((joined, joined_shape)) = level_fragments(last, tok)
        {
            last.text = Cow::Owned(joined);
            last.shape = joined_shape;
            continue;
        }
        out.push(tok.clone());
    }
    out
}

/// A level's label whose lines a PDF printed around its row, where rows are lost (`社会公众或
/// 服务` / `政策满意度` / `≥90%` / `对象满意度指标`): the label, its shape, and where its
/// second half stands. The first half is short words that make no label; the second, a few
/// cells on (the row's name and values, no label between), ends the two in 指标 as a
/// level's label.
fn label_around_row(run: &[Tok<'_>], i: usize) -> Option<(String, Shape, usize)> {
    const HALF: usize = 10;
    const ROW: usize = 4;
    let first = run.get(i)?;
    let short = |t: &Tok<'_>| {
        matches!(t.shape, Shape::Text | Shape::Label | Shape::Words)
            && t.t().chars().nth(HALF).is_none()
    };
    let level = |s: Shape| matches!(s, Shape::Tier | Shape::Category | Shape::Level);
    if !first.row_start || !short(first) {
        return None;
    }
    for (k, tok) in run.iter().enumerate().skip(i + 2).take(ROW) {
        if !tok.row_start || level(tok.shape) {
            return None;
        }
        if short(tok) && ends_with_word(tok.t(), "指标") {
            let joined = format!("{}{}", first.t(), tok.t());
            let joined_shape = shape(&joined);
            return level(joined_shape).then_some((joined, joined_shape, k));
        }
    }
    None
}

/// A level's label printed vertically, a character a cell (`产` / `出` / `指` / `标`): the
/// label, its shape, and how many cells it takes. The longest run of one-character cells
/// (twelve at most) that reads as a tier, a category or a label ending in 指标; `None` where
/// the cells at the start of `run` make none.
fn vertical_label(run: &[Tok<'_>]) -> Option<(String, Shape, usize)> {
    const LONGEST: usize = 12;
    let single = |t: &Tok<'_>| {
        let mut chars = t.t().chars();
        chars.next().is_some_and(|c| !c.is_ascii())
            && chars.next().is_none()
            && !matches!(t.shape, Shape::Star | Shape::Empty | Shape::Op)
    };
    let n = run.iter().take(LONGEST).take_while(|t| single(t)).count();
    if n < 2 {
        return None;
    }
    let mut best = None;
    let mut joined = String::new();
    for (k, tok) in run[..n].iter().enumerate() {
        joined.push_str(tok.t());
        if k == 0 {
            continue;
        }
        let joined_shape = shape(&joined);
        let level = matches!(joined_shape, Shape::Tier | Shape::Category | Shape::Level)
            || joined_shape == Shape::Label && ends_with_word(&joined, "指标");
        if level {
            best = Some((joined.clone(), joined_shape, k + 1));
        }
    }
    best
}

/// A level's label split over two cells, joined: `数量` / `指标`, `社会效` / `益指标`, and a
/// label's weight on a line of its own, `产出指标` / `(50分)`.
fn level_fragments(last: &Tok<'_>, tok: &Tok<'_>) -> Option<(String, Shape)> {
    // The longest halves: a first line as long as the longest labels (`服务对象满意度指`), a
    // second as short as their tails.
    const FIRST: usize = 10;
    const SHORT: usize = 6;
    let (a, b) = (last.t(), tok.t());
    let labelled = matches!(
        last.shape,
        Shape::Text | Shape::Category | Shape::Tier | Shape::Level | Shape::Label | Shape::Words
    );
    if !labelled {
        return None;
    }
    let weight_only = (b.starts_with(['(', '（']) && b.ends_with([')', '）']))
        && b.chars().any(|c| c.is_ascii_digit());
    // The second half of a label is words (`指标`, `益指标`) or its weight: a value, a number
    // or an operator is the next column's, and the joined text need not be read.
    if !weight_only && !matches!(tok.shape, Shape::Text | Shape::Words | Shape::Label) {
        return None;
    }
    // Longer halves than labels have (counted no further than that).
    if a.chars().nth(FIRST).is_some() || b.chars().nth(SHORT).is_some() {
        return None;
    }
    // Neither half a level of its own, the whole one.
    let level = |s: Shape| matches!(s, Shape::Category | Shape::Tier | Shape::Level);
    let halves_apart = !(level(tok.shape) || (level(last.shape) && !is_word(b, "指标")));
    // The joined text's shape decides only where a weight or two halves apart may make a
    // level: it is not read for a level and the name after it, asked of every cell where
    // rows are lost.
    if !weight_only && !halves_apart {
        return None;
    }
    let joined = format!("{a}{b}");
    let joined_shape = shape(&joined);
    if weight_only
        && matches!(last.shape, Shape::Tier | Shape::Category | Shape::Level)
        && joined_shape == last.shape
    {
        return Some((joined, joined_shape));
    }
    if halves_apart && (level(joined_shape) || (is_word(b, "指标") && joined_shape == Shape::Label))
    {
        return Some((joined, joined_shape));
    }
    None
}

/// The own text of a row's column of a role.
fn row_own<'r>(row: &'r Row<'_>, columns: &[Column], role: Role) -> Option<&'r str> {
    columns
        .iter()
        .zip(&row.cells)
        .filter(|(c, _)| c.role == role && !c.alternate)
        .flat_map(|(_, cells)| cells.iter().map(|t| t.t()))
        // A dash in a label column marks it empty: the label above goes on.
        .find(|t| !t.is_empty() && !super::shape::is_blank_mark(t))
}

/// Whether a row holds an indicator: a name, or a target, actual, weight or score; a text
/// column's cells only beside a name or a label of the row's own (texts alone are a header's
/// second row or a spilled note, no indicator).
fn has_indicator(row: &Row<'_>, columns: &[Column]) -> bool {
    let mut name: Option<&str> = None;
    let mut values = false;
    // A dash for a name, with no more than a nature or a unit beside it (`- | 定性`), is a
    // label's row left empty.
    let mut qualified = false;
    // Texts alone, without a name or a label of the row's own (a header's second row under
    // a spanned header, `数据项1 | 数据项2`), make no indicator.
    let mut texts = false;
    let mut labelled = false;
    for (column, cells) in columns.iter().zip(&row.cells) {
        let Some(tok) = cells.iter().find(|t| !t.t().is_empty()) else {
            continue;
        };
        match column.role {
            Role::Name if tok.shape != Shape::Empty => name = name.or(Some(tok.t())),
            Role::Name | Role::Qualifier | Role::Measure | Role::Core => qualified = true,
            Role::Annual
            | Role::Period
            | Role::Actual
            | Role::Weight
            | Role::LevelWeight
            | Role::Score => values = true,
            Role::Text => texts = true,
            Role::Tier | Role::Category => labelled = true,
            _ => {}
        }
    }
    let values = values || qualified && name.is_some() || texts && (name.is_some() || labelled);
    let placeholder = name.is_some_and(is_placeholder_name);
    (name.is_some() || values) && !placeholder
}

/// Whether a row shows a value, a weight, a score or a text of its own beside its name.
fn has_values(row: &Row<'_>, columns: &[Column]) -> bool {
    columns.iter().zip(&row.cells).any(|(column, cells)| {
        matches!(
            column.role,
            Role::Annual
                | Role::Period
                | Role::Actual
                | Role::Weight
                | Role::LevelWeight
                | Role::Score
                | Role::Measure
                | Role::Qualifier
                | Role::Text
                | Role::Core
        ) && cells.iter().any(|t| !t.t().is_empty())
    })
}

/// A template's placeholder name: `……`, `指标2`, `指标3:`.
fn is_placeholder_name(name: &str) -> bool {
    super::shape::is_placeholder(name)
}

/// The tier of each row, and a category from below for the rows above a grid's first one.
/// A tier label may be printed on a middle row of its merged cell: the rows above it take it
/// where their category belongs to it, and the first label below where no label is above.
fn fill_levels<'r>(rows: &'r [Row<'_>], columns: &[Column], under_header: bool) -> Vec<Levels<'r>> {
    let own_tiers: Vec<Option<&str>> = rows
        .iter()
        .map(|r| row_own(r, columns, Role::Tier))
        .collect();
    let own_categories: Vec<Option<&str>> = rows
        .iter()
        .map(|r| row_own(r, columns, Role::Category))
        .collect();
    let first_category = own_categories.iter().flatten().next().copied();
    // Labels printed at the middle of their merged cells: the rows that must take the label
    // below them.
    // The sign is the first run under a header whose first row prints the column empty,
    // which others print: a merged cell's label stands lower than its first row. (A later
    // run may go on with a cell of the run above.)
    let starts_empty = |own: &[Option<&str>]| {
        under_header && own.first().is_some_and(Option::is_none) && own.iter().any(Option::is_some)
    };
    let tier_below = from_below(&own_tiers, starts_empty(&own_tiers));
    let category_below = from_below(&own_categories, starts_empty(&own_categories));
    // The next own category at or below each row, for the rows that take it.
    let mut next_category: Vec<Option<&str>> = vec![None; rows.len()];
    let mut next: Option<&str> = None;
    for r in (0..rows.len()).rev() {
        if own_categories[r].is_some() {
            next = own_categories[r];
        }
        next_category[r] = next;
    }
    // The category each row has, carried down (or up, where it must), for choosing between
    // tiers.
    let mut categories: Vec<Option<Category>> = Vec::with_capacity(rows.len());
    let mut carried: Option<Category> = None;
    for (r, own) in own_categories.iter().enumerate() {
        if let Some(text) = own {
            carried = resolve(text);
        } else if category_below[r] {
            carried = next_category[r].and_then(resolve);
        }
        categories.push(carried);
    }
    // The tier each row prints, read once per row that prints one.
    let own_tier_levels: Vec<Option<Tier>> = own_tiers
        .iter()
        .map(|own| own.and_then(resolve::<Tier>))
        .collect();
    // The next own tier at or below each row (borrowed from `own_tiers`), and what it names.
    let mut below: Vec<Option<&str>> = vec![None; rows.len()];
    let mut below_levels: Vec<Option<Tier>> = vec![None; rows.len()];
    let mut next: Option<&str> = None;
    let mut next_level: Option<Tier> = None;
    for r in (0..rows.len()).rev() {
        if own_tiers[r].is_some() {
            next = own_tiers[r];
            next_level = own_tier_levels[r];
        }
        below[r] = next;
        below_levels[r] = next_level;
    }
    // Whether a tier (read) admits a category.
    let admits = |tier: Option<Tier>, category: Option<Category>| -> bool {
        let (Some(tier), Some(category)) = (tier, category) else {
            return false;
        };
        tier.admits(category)
    };
    // Whether the tier below a row may be its own: not 效益指标 for a 数量指标 row.
    let fits_below = |r: usize| {
        categories[r].is_none()
            || below_levels[r].is_none()
            || admits(below_levels[r], categories[r])
    };
    // The first row with a category of its own: the rows before it take the first category.
    let first_own_category = own_categories.iter().position(Option::is_some);
    let mut out = Vec::with_capacity(rows.len());
    let mut above: Option<&str> = None;
    // What `above` names.
    let mut above_level: Option<Tier> = None;
    for r in 0..rows.len() {
        let tier = if own_tiers[r].is_some() {
            above = own_tiers[r];
            above_level = own_tier_levels[r];
            own_tiers[r]
        } else if tier_below[r] && fits_below(r) {
            below[r]
        } else if above.is_none() {
            // Rows above the first tier printed take it where it may be theirs: not 效益指标
            // for a 数量指标 row, whose tier was lost rather than printed below.
            if fits_below(r) { below[r] } else { None }
        } else if !admits(above_level, categories[r]) && admits(below_levels[r], categories[r]) {
            below[r]
        } else {
            above
        };
        let category = if first_own_category.is_none_or(|first| first > r) {
            first_category
        } else {
            None
        };
        out.push(Levels {
            tier,
            category,
            category_below: category_below[r].then_some(next_category[r]).flatten(),
        });
    }
    out
}

/// What a row of a run takes where it prints no label of its own, borrowed from the rows.
/// How the rows of a run get the levels they do not print, for [`Builder::read_rows`].
#[derive(Debug, Clone, Copy)]
enum Carry {
    /// Labels of merged cells are carried down, or up where they were printed lower
    /// ([`fill_levels`]); `under_header` where the run is the first under its header.
    Merged { under_header: bool },
    /// Every row prints its levels ([`section_rows`] put them there): none is carried.
    Printed,
}

struct Levels<'r> {
    /// Its tier.
    tier: Option<&'r str>,
    /// For rows above the first category printed, that category.
    category: Option<&'r str>,
    /// The category printed below the row, where the row must take it (labels printed at
    /// the middle of their merged cells).
    category_below: Option<&'r str>,
}

/// The rows of a run that must take the label printed below them: where a column's labels
/// stand at the middle of their merged cells, as PDF text prints them, a row after one label
/// may be too far from it to be in its cell (`centered`: the run's first row prints the
/// column empty). Each label's span `[s, e]` has it at its middle rounded either way (`s + e` within one of
/// twice its row); the spans follow each other, the first starts the run and the last ends
/// it. The possible ends of each span are found as ranges, forwards and backwards; a row
/// past every possible end of the span above it is in the span below. None where labels do
/// not stand so, or no spans fit. Linear in the rows.
fn from_below<T>(own: &[Option<T>], centered: bool) -> Vec<bool> {
    let n = own.len();
    let none = vec![false; n];
    let labels: Vec<usize> = (0..n).filter(|&r| own[r].is_some()).collect();
    if !centered || labels.is_empty() {
        return none;
    }
    // Forwards: the possible ends of each span, from the possible starts.
    let mut ends: Vec<(usize, usize)> = Vec::with_capacity(labels.len());
    let (mut a, mut b) = (0usize, 0usize);
    for (k, &p) in labels.iter().enumerate() {
        b = b.min(p);
        let last = labels.get(k + 1).map_or(n - 1, |next| next - 1);
        let lo = (2 * p).saturating_sub(1).saturating_sub(b).max(p);
        let hi = (2 * p + 1).saturating_sub(a).min(last);
        if a > b || lo > hi {
            return none;
        }
        ends.push((lo, hi));
        (a, b) = (lo + 1, hi + 1);
    }
    // Backwards: the last span ends the run; each span's possible starts bound the ends of
    // the span above.
    let Some(last) = ends.last_mut() else {
        return none;
    };
    if !(last.0..=last.1).contains(&(n - 1)) {
        return none;
    }
    *last = (n - 1, n - 1);
    for k in (1..labels.len()).rev() {
        let p = labels[k];
        let (lo, hi) = ends[k];
        let start_lo = (2 * p).saturating_sub(1).saturating_sub(hi);
        let start_hi = (2 * p + 1).saturating_sub(lo).min(p);
        if start_lo > start_hi || start_hi == 0 {
            return none;
        }
        let above = &mut ends[k - 1];
        above.0 = above.0.max(start_lo.saturating_sub(1));
        above.1 = above.1.min(start_hi - 1);
        if above.0 > above.1 {
            return none;
        }
    }
    let mut out = none;
    for (k, &(_, hi)) in ends.iter().enumerate() {
        if let Some(&next) = labels.get(k + 1) {
            for slot in &mut out[hi + 1..next] {
                *slot = true;
            }
        }
    }
    out
}

/// A label without spaces: labels printed down a merged cell come with a space between their
/// characters (`产 出 指 标`), and a label keeps none.
fn spaceless(text: &str) -> Cow<'_, str> {
    if text.chars().any(char::is_whitespace) {
        Cow::Owned(text.chars().filter(|c| !c.is_whitespace()).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// A tier or category from a printed label, and the label where it differs from the name.
#[cfg(test)]
fn level_label<L: crate::taxonomy::Level>(
    text: &str,
    name: impl Fn(L) -> &'static str,
) -> (Option<L>, Option<String>) {
    let text = spaceless(text);
    let text = text.as_ref();
    let level: Option<L> = resolve(text);
    let label = match level {
        Some(l) if name(l) == text => None,
        _ => Some(text.to_owned()),
    };
    (level, label)
}

/// The columns of a header whose rows keep their positions: each column's header is its
/// rows' texts joined; its role is the lowest row's that names one.
fn positional_header(rows: &[Vec<&str>]) -> Vec<Column> {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut texts = Vec::with_capacity(width);
    for c in 0..width {
        let mut parts: Vec<&str> = Vec::new();
        for row in rows {
            if let Some(t) = row.get(c)
                && !t.is_empty()
                && !parts.contains(t)
            {
                parts.push(t);
            }
        }
        texts.push(parts);
    }
    let mut columns: Vec<Column> = texts
        .iter()
        .map(|parts| {
            let role = parts
                .iter()
                .rev()
                .find_map(|p| header_role(p).filter(|r| *r != Role::Blank))
                .or_else(|| header_role(&parts.concat()))
                .unwrap_or(if parts.is_empty() {
                    Role::Blank
                } else {
                    Role::Text
                });
            let role = match (
                role,
                parts.iter().any(|p| header_role(p) == Some(Role::Period)),
            ) {
                (Role::Annual, true) => Role::Period,
                (role, _) => role,
            };
            Column {
                role,
                header: parts.join(""),
                alternate: false,
            }
        })
        .collect();
    name_the_last_level(&mut columns);
    levels_after_values(&mut columns);
    settle_roles(&mut columns);
    columns
}

/// A 分值 column right after a 一级 or 二级 column holds that level's points where the
/// indicators have a 分值 column of their own after their names (`一级指标 | 分值 | 二级指标 |
/// 分值 | 三级指标 | 分值`): such columns are [`Role::LevelWeight`].
fn weigh_levels(columns: &mut [Column]) {
    let Some(name) = columns.iter().position(|c| c.role == Role::Name) else {
        return;
    };
    if !columns[name..].iter().any(|c| c.role == Role::Weight) {
        return;
    }
    for c in 1..name {
        if columns[c].role == Role::Weight
            && matches!(columns[c - 1].role, Role::Tier | Role::Category)
        {
            columns[c].role = Role::LevelWeight;
        }
    }
}

/// A header of levels without a name column (`一级指标 | 二级指标 | 绩效标准 | 当年预期实现值`)
/// names its indicators in its last level column, after a tier's.
fn name_the_last_level(columns: &mut [Column]) {
    if columns.iter().any(|c| c.role == Role::Name) {
        return;
    }
    let Some(tier) = columns.iter().position(|c| c.role == Role::Tier) else {
        return;
    };
    if let Some(last) = columns
        .iter_mut()
        .skip(tier + 1)
        .rfind(|c| c.role == Role::Category)
    {
        last.role = Role::Name;
    }
}

/// A level's header after the name and a target (`目标名称 | 目标值 | 评价指标 | 标准值 |
/// 目标完成值 | 评价指标值`) heads a text column: an evaluation's measure of the indicator,
/// no level. So does a value header that begins with its words (`评价指标值`): that
/// measure's value, not the indicator's.
fn levels_after_values(columns: &mut [Column]) {
    let Some(value) = columns
        .iter()
        .position(|c| matches!(c.role, Role::Annual | Role::Period | Role::Actual))
    else {
        return;
    };
    if !columns[..value].iter().any(|c| c.role == Role::Name) {
        return;
    }
    let mut demoted: Vec<String> = Vec::new();
    for column in &mut columns[value..] {
        let folded = fold(&column.header);
        if matches!(column.role, Role::Tier | Role::Category) {
            column.role = Role::Text;
            demoted.push(folded);
        } else if demoted.iter().any(|d| folded.starts_with(d.as_str())) {
            column.role = Role::Text;
        }
    }
}

/// Columns from a flat list of header texts.
fn columns_of(texts: &[&str]) -> Vec<Column> {
    let mut columns: Vec<Column> = texts
        .iter()
        .map(|t| Column {
            role: header_role(t).unwrap_or(Role::Text),
            header: (*t).to_owned(),
            alternate: false,
        })
        .collect();
    name_the_last_level(&mut columns);
    settle_roles(&mut columns);
    columns
}

/// The roles that depend on the header's other columns, once each column has its own: the
/// levels' points, a role's second column, and a goal's header after the names.
fn settle_roles(columns: &mut [Column]) {
    weigh_levels(columns);
    mark_alternates(columns);
    goal_after_names(columns);
}

/// A goal's header after the indicators' names, where no column holds a target
/// (`三级指标 | 绩效内容 | 绩效标准 | 全年绩效目标`), holds each indicator's target: a project's
/// goal stands before its indicators.
fn goal_after_names(columns: &mut [Column]) {
    if columns.iter().any(|c| c.role == Role::Annual) {
        return;
    }
    let Some(name) = columns.iter().position(|c| c.role == Role::Name) else {
        return;
    };
    if let Some(goal) = columns[name..].iter_mut().find(|c| c.role == Role::Goal) {
        goal.role = Role::Annual;
    }
}

/// Marks a role's second column as its alternate, makes the first of two annual targets the
/// second horizon where the header names none (the longer horizon comes first), and keeps
/// the scaled score of two and the weight beside a score.
fn mark_alternates(columns: &mut [Column]) {
    for role in [Role::Category, Role::Name] {
        let mut seen = false;
        for column in columns.iter_mut().filter(|c| c.role == role) {
            column.alternate = seen;
            seen = true;
        }
    }
    // Of two scores, the one scaled to the weight (`单项指标折算得分`, after `单项指标得分` out
    // of 100) is the indicator's; the other is a text column, kept under its header.
    let scaled =
        |c: &Column| c.role == Role::Score && ["折算", "加权"].iter().any(|w| c.header.contains(w));
    if let Some(chosen) = columns.iter().position(scaled) {
        for (k, column) in columns.iter_mut().enumerate() {
            if column.role == Role::Score && k != chosen {
                column.role = Role::Text;
            }
        }
    }
    // Of two weights, the one beside a score (`单项指标得分 | 权重占比(%) | 单项指标折算得分`)
    // where only one is: the other (Hebei's `指标分值`, which holds each indicator's
    // description) is a text column.
    let beside_score = |k: usize| {
        let score = |j: usize| columns.get(j).is_some_and(|c| c.role == Role::Score);
        score(k + 1) || k.checked_sub(1).is_some_and(score)
    };
    let weights: Vec<usize> = (0..columns.len())
        .filter(|&k| columns[k].role == Role::Weight)
        .collect();
    let beside: Vec<usize> = weights
        .iter()
        .copied()
        .filter(|&k| beside_score(k))
        .collect();
    if weights.len() >= 2 && beside.len() == 1 {
        for k in weights.into_iter().filter(|&k| k != beside[0]) {
            columns[k].role = Role::Text;
        }
    }
    let annuals = columns.iter().filter(|c| c.role == Role::Annual).count();
    let periods = columns.iter().filter(|c| c.role == Role::Period).count();
    if annuals >= 2
        && periods == 0
        && let Some(first) = columns.iter_mut().find(|c| c.role == Role::Annual)
    {
        first.role = Role::Period;
    }
}

/// A header's first row with the second lines of its wrapped cells joined on (`年度` /
/// `指标值`, `实际` / `完成值`): each cell of `sub`, in order, ends a different cell of `top`
/// into a value's header (a target, an actual value, a weight or a score) that the cell alone
/// is not, or is only as a word of two characters that the tail agrees with. `None` where
/// some cell of `sub` ends none.
fn header_tails(top: &[&str], sub: &[&str]) -> Option<Vec<String>> {
    let value = |role: Option<Role>| {
        matches!(
            role,
            Some(Role::Annual | Role::Period | Role::Actual | Role::Weight | Role::Score)
        )
    };
    let mut out: Vec<String> = top.iter().map(|t| (*t).to_owned()).collect();
    let mut from = 0;
    for tail in sub {
        let k = (from..top.len()).find(|&k| {
            let joined = header_role(&format!("{}{tail}", top[k]));
            // A word of two characters (`年度`, `实际`) heads no column by itself: a tail that
            // heads the same column as the whole ends it (`指标值`, `完成值`).
            let alone = header_role(top[k]);
            value(joined)
                && (alone.is_none()
                    || alone != joined
                    || top[k].chars().nth(2).is_none() && header_role(tail) == joined)
        })?;
        out[k].push_str(tail);
        from = k + 1;
    }
    (!sub.is_empty()).then_some(out)
}

/// A header row whose group cell (`指标值`) a second row splits (`年度 | 长期`): the group cell
/// gives way to the parts.
fn split_group<'a>(top: &[&'a str], sub: &[&'a str]) -> Vec<&'a str> {
    if sub.is_empty() {
        return top.to_vec();
    }
    let is_level = |t: &str| {
        matches!(
            header_role(t),
            Some(Role::Tier | Role::Category | Role::Name)
        )
    };
    let (levels, others): (Vec<&'a str>, Vec<&'a str>) = sub.iter().partition(|t| is_level(t));
    // The cells the second row splits: a section label over the levels, a target over its
    // parts (`指标值` over `年度 | 长期`, `年度指标值` over `指标性质 | 指标值 | 度量单位`).
    let section = top
        .iter()
        .position(|t| header_role(t) == Some(Role::Section));
    let parts = others.iter().all(|t| {
        is_target_like(t)
            || matches!(
                header_role(t),
                Some(Role::Weight | Role::Score | Role::Qualifier | Role::Measure)
            )
    });
    // A horizon's own header (`年度指标值`) splits into the parts of its target only: an
    // actual value, a weight or a score under it is the header's next row, wrapped.
    let own_parts = others.iter().all(|t| {
        !matches!(
            header_role(t),
            Some(Role::Actual | Role::Weight | Role::Score | Role::Text)
        )
    });
    let group = top.iter().position(|t| {
        is_group(t) || own_parts && matches!(header_role(t), Some(Role::Annual | Role::Period))
    });
    let mut replace: Vec<(usize, Vec<&'a str>)> = Vec::new();
    // A target's parts and a score's, each under its own group (`预期指标值` over `符号 |
    // 单位(文字描述)`, `自评得分` over `单项指标得分 | 权重占比(%) | 单项指标折算得分`):
    // each group gives way to its parts.
    if let Some(split) = split_target_and_score(top, sub) {
        return split;
    }
    match (levels.is_empty(), others.is_empty(), section, group) {
        (false, false, Some(s), Some(g)) if parts && s != g => {
            replace.push((s, levels));
            replace.push((g, others));
        }
        (false, true, Some(s), _) => replace.push((s, levels)),
        (true, false, _, Some(g)) if parts => replace.push((g, others)),
        // No cell to split: the second row's headers are the table's, under spans of the
        // first that cover them all.
        _ if sub.len() >= top.len() => return sub.to_vec(),
        _ => {
            let mut out = top.to_vec();
            out.extend_from_slice(sub);
            return out;
        }
    }
    let mut out = Vec::with_capacity(top.len() + sub.len());
    for (n, t) in top.iter().enumerate() {
        match replace.iter().find(|(at, _)| *at == n) {
            Some((_, parts)) => out.extend_from_slice(parts),
            None => out.push(t),
        }
    }
    out
}

/// A second header row that splits a target's group and a score's (Hebei's 预算项目绩效自评表):
/// the comparator and the unit go under the target's header, which stays between them as
/// the number's column (`符号 | 预期指标值 | 单位(文字描述)`), and the scores and weights under
/// the score's. `None` where the second row holds anything else, or either group is missing.
fn split_target_and_score<'a>(top: &[&'a str], sub: &[&'a str]) -> Option<Vec<&'a str>> {
    let role = |t: &str| header_role(t);
    let target = top
        .iter()
        .position(|t| matches!(role(t), Some(Role::Annual)) || is_group(t))?;
    let score = top.iter().position(|t| role(t) == Some(Role::Score))?;
    let is_part = |t: &&str| matches!(role(t), Some(Role::Qualifier | Role::Measure));
    let is_scoring = |t: &&str| matches!(role(t), Some(Role::Score | Role::Weight));
    let (parts, scoring): (Vec<&'a str>, Vec<&'a str>) = sub.iter().copied().partition(is_part);
    if parts.is_empty() || scoring.is_empty() || !scoring.iter().all(is_scoring) {
        return None;
    }
    // The number's column: after the comparator, before the unit.
    let mut under_target: Vec<&'a str> = Vec::with_capacity(parts.len() + 1);
    let at = parts
        .iter()
        .position(|t| role(t) == Some(Role::Measure))
        .unwrap_or(parts.len());
    under_target.extend_from_slice(&parts[..at]);
    under_target.push(top[target]);
    under_target.extend_from_slice(&parts[at..]);
    let mut out = Vec::with_capacity(top.len() + sub.len());
    for (k, t) in top.iter().enumerate() {
        if k == target {
            out.extend_from_slice(&under_target);
        } else if k == score {
            out.extend_from_slice(&scoring);
        } else {
            out.push(t);
        }
    }
    Some(out)
}

/// Whether a text begins with an item's number (`指标5:`, `2.`, `3、`, `(1)`): it starts a
/// cell, whatever came before.
fn enumerated(text: &str) -> bool {
    let t = text.trim_start();
    let t = strip_word(t, "指标").unwrap_or(t);
    let bracketed = t.strip_prefix(['(', '（']).unwrap_or(t);
    let digits = bracketed.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && bracketed[digits..].starts_with(['.', '、', '．', ':', '：', ')', '）'])
}

/// Where rows are lost and a PDF's wrapped cells are lines of their own, the width the
/// wrapped lines fill: the commonest width among the run's texts of twelve columns or more,
/// where they are a fifth of such texts, two thirds of them are followed by more words (a
/// line's next line) rather than by a value, and three different texts are so followed (a
/// name said again is no wrapped line). `None` elsewhere.
fn full_width(cells: &[Tok<'_>], mode: Rows) -> Option<usize> {
    if mode != Rows::Lost {
        return None;
    }
    let texty = |t: &Tok<'_>| matches!(t.shape, Shape::Text | Shape::Words | Shape::Prose);
    // Per width: how many texts, and how many of them more words follow.
    let mut counts: std::collections::HashMap<usize, (usize, usize)> =
        std::collections::HashMap::new();
    // The texts more words follow, by width.
    let mut followed_texts: std::collections::HashSet<(usize, &str)> =
        std::collections::HashSet::new();
    let mut texts = 0usize;
    for (n, t) in cells.iter().enumerate().filter(|(_, t)| texty(t)) {
        let w = crate::read::text::Measure::Wide.width(t.t());
        if w >= 12 {
            texts += 1;
            let entry = counts.entry(w).or_default();
            entry.0 += 1;
            if cells
                .get(n + 1)
                .is_some_and(|next| matches!(next.shape, Shape::Text | Shape::Words))
            {
                entry.1 += 1;
                followed_texts.insert((w, t.t()));
            }
        }
    }
    // Ties go to the wider: a wrapped line fills its cell.
    let (width, (count, followed)) = counts.into_iter().max_by_key(|&(w, (n, _))| (n, w))?;
    let different = followed_texts.iter().filter(|(w, _)| *w == width).count();
    (different >= 3 && count * 5 >= texts && followed * 3 >= count * 2).then_some(width)
}

/// Whether the cell at `n`, where rows are lost, is a label of words this crate does not
/// know (`前期准备`) that the category label after it (`项目立项`) files under: a short text
/// right before a category, first in its run or after a row's last number (its score).
/// Read as a name, it would be a row of a name alone. After words, it is rather a row's
/// last value (`正面支撑`) before the next row's category.
fn labels_a_category(cells: &[Tok<'_>], n: usize) -> bool {
    let Some(t) = cells.get(n) else {
        return false;
    };
    t.shape == Shape::Text
        && t.t().chars().count() <= 8
        && !t.t().chars().any(|c| c.is_ascii_digit())
        && cells
            .get(n + 1)
            .is_some_and(|next| matches!(next.shape, Shape::Category | Shape::Level))
        && n.checked_sub(1)
            .and_then(|p| cells.get(p))
            .is_none_or(|before| matches!(before.shape, Shape::Number | Shape::Percent))
}

/// Cells that are labels by where they stand, whatever their words (`产出成效` / `数量成效` /
/// `开展送戏进万村` / `≥70村`): under a header of levels, a name and value columns, the texts
/// before a row's values are its labels and its name, the last of them the name. Texts right
/// after values may be the last row's text columns (collapsed where empty); a text is a label
/// only where it is one however many of them there are. Only short texts of Chinese
/// characters alone are taken (no digits, signs or punctuation), and none that fills the width of
/// wrapped lines ([`full_width`]) or goes on in brackets; where rows are
/// kept, a run of texts does not go on over a row's start. The label
/// next to the name is the category's where the header has a category column (a row that
/// goes on under its tier prints its category and name), the one before it the tier's. For
/// each cell, the shape it has as such a label.
fn labels_by_place(
    cells: &[Tok<'_>],
    columns: &[Column],
    mode: Rows,
    full: Option<usize>,
) -> Vec<Option<Shape>> {
    let mut labels = vec![None; cells.len()];
    let roles: Vec<Role> = columns.iter().map(|c| c.role).collect();
    let Some(name) = roles.iter().position(|r| *r == Role::Name) else {
        return labels;
    };
    // Label columns before the name, and nothing else but a sequence number.
    let levels = roles[..name]
        .iter()
        .filter(|r| matches!(r, Role::Tier | Role::Category))
        .count();
    let only_levels = roles[..name]
        .iter()
        .all(|r| matches!(r, Role::Tier | Role::Category | Role::Seq));
    // The indicator's own columns after its levels and name: its values, and a past year's
    // (`2021年实际实现值`), read as text but holding values.
    let values = |c: &Column| {
        c.role.is_indicator() && !matches!(c.role, Role::Tier | Role::Category | Role::Name)
            || c.role == Role::Text && super::vocab::is_baseline(&fold(&c.header))
    };
    // After the name: text columns (`绩效指标描述`), the values, then text columns again.
    let after = &columns[name + 1..];
    let between = after
        .iter()
        .take_while(|c| c.role == Role::Text && !values(c))
        .count();
    let after = &after[between..];
    let first_text = after.iter().position(|c| !values(c)).unwrap_or(after.len());
    let trailing = after[first_text..]
        .iter()
        .filter(|c| c.role == Role::Text)
        .count();
    // Text columns after the values, between which more values may stand (`指标值 | 指标值内容
    // | 度量单位 | 指标值类型 | 备注`): a row's texts, of which any may end it where the
    // values after them are empty.
    let tail_ok = after[first_text..]
        .iter()
        .all(|c| c.role == Role::Text || values(c));
    // The text columns after the last column of a role among the values, if there is one.
    let texts_after = |role: Role| {
        let last = after.iter().rposition(|c| c.role == role)?;
        Some(
            after[last..]
                .iter()
                .filter(|c| c.role == Role::Text)
                .count(),
        )
    };
    // Real headers have two or three levels and a text column or two between the name and
    // the values; a header of more than [`PLACED_COLUMNS`] of them is read by words alone, so
    // that the readings of a run stay few.
    if levels == 0
        || !only_levels
        || first_text == 0
        || !tail_ok
        || levels + between + trailing > PLACED_COLUMNS
    {
        return labels;
    }
    let has_category = roles[..name].contains(&Role::Category);
    let has_actual = roles.contains(&Role::Actual);
    let known_tiers = cells.iter().any(|t| t.shape == Shape::Tier);
    let known_categories = cells.iter().any(|t| t.shape == Shape::Category);
    let has_core = roles.contains(&Role::Core);
    // The level of a label this crate knows: 1 a tier's, 2 a category's.
    let level = |t: &Tok<'_>| match t.shape {
        Shape::Tier => Some(1),
        Shape::Category => Some(2),
        _ => None,
    };
    // Names may be long (prose) or hold judging words; short words may be a text target.
    let wordy = |t: &Tok<'_>| {
        matches!(
            t.shape,
            Shape::Text
                | Shape::Tier
                | Shape::Category
                | Shape::Level
                | Shape::Label
                | Shape::Prose
        ) || t.shape == Shape::Words && t.t().chars().nth(7).is_some()
    };
    // Each run of words before values: where it starts and ends, and how many of its texts
    // may be the last row's.
    let mut runs: Vec<(usize, usize, usize)> = Vec::new();
    let mut n = 0;
    while n < cells.len() {
        if !wordy(&cells[n]) {
            n += 1;
            continue;
        }
        // A run of words, and whether values stand before and after it.
        let start = n;
        n += 1;
        while n < cells.len() && wordy(&cells[n]) && (mode == Rows::Lost || !cells[n].row_start) {
            n += 1;
        }
        let after_values =
            start > 0 && !cells[start].row_start && !matches!(cells[start - 1].shape, Shape::Empty);
        // A value that says what it is. Where the grid has actuals, words (`完成`) may be a
        // text target's actual; where it has none, they and a yes or no are the target
        // (`影响程度明显`, `否`), unless a column marks core indicators. After a template's
        // numbered name (`指标1:食品安全监管人员培训`), words are its target.
        let numbered_name = n > start && super::shape::numbered(cells[n - 1].t()).is_some();
        let before_values = n < cells.len()
            && (matches!(
                cells[n].shape,
                Shape::Value
                    | Shape::Number
                    | Shape::Amount
                    | Shape::Percent
                    | Shape::Measure
                    | Shape::Op
                    | Shape::Nature
                    | Shape::Direction
            ) || (!has_actual || numbered_name)
                && (cells[n].shape == Shape::Words || cells[n].shape == Shape::Star && !has_core))
            && (mode == Rows::Lost || !cells[n].row_start);
        if !before_values {
            continue;
        }
        let k = n - start;
        // How many of the run may be the last row's texts (`t`), and how many the texts
        // between the name and the values (`b`): empty cells are collapsed, so any number
        // up to the columns', where the labels hold the rest.
        // A cell before the run that only a unit or a qualifier column holds (`定量`, `-`)
        // stands in the last such column: only the text columns after it may follow it.
        let texts_after_it = match cells.get(start.wrapping_sub(1)).map(|t| t.shape) {
            Some(Shape::Nature | Shape::Direction | Shape::Op) => texts_after(Role::Qualifier),
            Some(Shape::Measure) => texts_after(Role::Measure),
            _ => None,
        };
        let most_texts = if after_values || mode == Rows::Lost && start > 0 {
            texts_after_it.unwrap_or(trailing).min(k - 1)
        } else {
            0
        };
        // The ways the run can be read: the name's place in it, and where its labels start
        // (at most `levels` of them before the name). Each way is a few cells at most; a cell
        // is a label where it is one, of one level, in every way.
        let ways = || readings(k, between, levels, most_texts);
        let (Some(from), Some(to), Some((_, first_at))) = (
            ways().map(|(t, _)| t).max(),
            ways().map(|(_, at)| at).min(),
            ways().next(),
        ) else {
            continue;
        };
        // The label a cell is, read one way: counted from the name back, the category, then
        // the tier.
        let label_in = |j: usize, at: usize| label_in_place(j, at, has_category);
        for j in from..to {
            let shape = label_in(j, first_at);
            if ways().any(|(_, at)| label_in(j, at) != shape) {
                continue;
            }
            let t = &cells[start + j];
            // A line that fills the width wrapped lines fill ([`full_width`]) is a name's.
            let short = t.shape == Shape::Text
                && label_words(t.t())
                && full.is_none_or(|w| crate::read::text::Measure::Wide.width(t.t()) + 1 < w)
                // Words that go on in brackets (`防火面积` / `(万亩)`) are a name's.
                && !cells[start + j + 1].t().starts_with(['(', '（']);
            let own = if shape == Shape::Category { 2 } else { 1 };
            // A level whose labels the crate knows in this table takes no unknown words.
            let known_level = if own == 2 {
                known_categories
            } else {
                known_tiers
            };
            // Levels go down the row: a known label before it is higher, one after it lower
            // (words after a category are the name's, `数量指标` / `城乡居民基本` /
            // `医疗参保率`).
            let ordered = cells[start..start + j]
                .iter()
                .filter_map(level)
                .all(|l| l < own)
                && cells[start + j + 1..n]
                    .iter()
                    .filter_map(level)
                    .all(|l| l > own);
            // A label's note (`成本成效(必填硬性指标)`) says what it is, whatever words the
            // table's other labels of its level use.
            let noted = label_core(t.t()) != t.t();
            labels[start + j] = (short && ordered && (noted || !known_level)).then_some(shape);
        }
        runs.push((start, n, most_texts));
    }
    // A text read as a label where it could be nothing else is a label where it could also
    // be the last row's text (`… | >=20平方米 | 数量成效 | 景点开发数量 | >=4个`, under a
    // 备注 column): labels repeat down a table.
    let learned: std::collections::HashMap<&str, Shape> = labels
        .iter()
        .zip(cells)
        .filter_map(|(shape, t)| Some((t.t(), (*shape)?)))
        .collect();
    // The last two characters that the labels read so far end with (`成效` of `数量成效`):
    // a table's labels of one vocabulary share them.
    // A set, so that a table of many labels is still read in linear time.
    let families: std::collections::HashSet<&str> =
        learned.keys().filter_map(|t| family(t)).collect();
    if learned.is_empty() {
        return labels;
    }
    for (start, end, most_texts) in runs {
        // The run's last text is its row's name.
        for j in start..end.saturating_sub(1) {
            if labels[j].is_none() && cells[j].shape == Shape::Text {
                labels[j] = learned.get(cells[j].t()).copied();
            }
        }
        // Labels of the family of those read, where they could also be the last row's text
        // or the name (`… | 70% | 质量成效 | 培训完成率 | 100%`, `质量成效 | 验收合格率 |
        // 验收合格率 | ≥98%` under 绩效指标描述): of the ways to read the run, those where
        // the kin are the labels, and no other text is; each kin cell's level where they
        // agree on it.
        let kin = |j: usize| {
            let t = &cells[start + j];
            labels[start + j].is_some()
                || t.shape == Shape::Text
                    && family(t.t()).is_some_and(|f| families.contains(&f))
                    && !cells[start + j + 1].t().starts_with(['(', '（'])
        };
        let k = end - start;
        let kin_of: Vec<bool> = (0..k).map(kin).collect();
        // Nothing to decide where every kin cell is a label already.
        if !(0..k).any(|j| kin_of[j] && labels[start + j].is_none()) {
            continue;
        }
        let fits = |&(t, at): &(usize, usize)| (0..k).all(|j| kin_of[j] == (t <= j && j < at));
        let mut agreed: Vec<Option<Shape>> = vec![None; k];
        let mut ways = readings(k, between, levels, most_texts)
            .filter(fits)
            .peekable();
        let Some(&(t0, at0)) = ways.peek() else {
            continue;
        };
        for (j, shape) in agreed.iter_mut().enumerate().take(at0).skip(t0) {
            *shape = Some(label_in_place(j, at0, has_category));
        }
        for (_, at) in ways {
            for (j, shape) in agreed.iter_mut().enumerate() {
                if shape.is_some_and(|s| s != label_in_place(j, at, has_category)) {
                    *shape = None;
                }
            }
        }
        for (j, shape) in agreed.into_iter().enumerate() {
            let known = |s: Shape| {
                s == Shape::Category && known_categories || s == Shape::Tier && known_tiers
            };
            if labels[start + j].is_none() && cells[start + j].shape == Shape::Text {
                labels[start + j] = shape.filter(|s| !known(*s));
            }
        }
    }
    labels
}

/// The texts of a run that are a category's label in words this crate does not know, told
/// by the points printed after it, where the rows are lost and each level has its points
/// column (`一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分`): a text followed by
/// one number and then by a name with two (`资金分配 | 8 | 分配办法 | 4 | 4`) is a label and
/// its points, where an indicator prints its weight and its score. Linear in the cells.
///
/// A name so placed is a name even in a category's words (`项目产出 | 15 | 产出数量 | 5 | 5`):
/// such cells are read as [`Shape::Text`], labels as [`Shape::Label`].
fn labels_by_points(cells: &[Tok<'_>], columns: &[Column], mode: Rows) -> Vec<Option<Shape>> {
    let mut read = vec![None; cells.len()];
    let roles: Vec<Role> = columns.iter().map(|c| c.role).collect();
    let category_points = roles
        .windows(2)
        .any(|w| w == [Role::Category, Role::LevelWeight]);
    if mode != Rows::Lost || !category_points || !roles.contains(&Role::Score) {
        return read;
    }
    let number = |at: usize| cells.get(at).is_some_and(|t| t.shape == Shape::Number);
    // A label in unknown words: plain text, or a label's shape that names no level.
    let label = |at: usize| {
        cells.get(at).is_some_and(|t| {
            matches!(t.shape, Shape::Text | Shape::Words | Shape::Label) && label_words(t.t())
        })
    };
    let name = |at: usize| {
        cells.get(at).is_some_and(|t| {
            matches!(
                t.shape,
                Shape::Text | Shape::Words | Shape::Label | Shape::Category | Shape::Level
            )
        })
    };
    // A name: words after a number (the row before, or its labels' points), then its weight
    // and score, then no third number.
    let is_name = |n: usize| {
        name(n) && (n == 0 || number(n - 1)) && number(n + 1) && number(n + 2) && !number(n + 3)
    };
    for n in 0..cells.len() {
        // A label, its points, then a name with its weight and score; or a tier's label, its
        // points, then a category's (`项目绩效 | 55 | 项目产出 | 15 | 产出数量 | 5 | 5`).
        // The second label may be in a level's words (`项目产出`, a tier's) or in none.
        let second = label(n + 2)
            || cells
                .get(n + 2)
                .is_some_and(|t| matches!(t.shape, Shape::Tier | Shape::Level | Shape::Category));
        if label(n) && number(n + 1) && is_name(n + 2) {
            read[n] = Some(Shape::Label);
        } else if label(n) && number(n + 1) && second && number(n + 3) && is_name(n + 4) {
            read[n] = Some(Shape::Label);
            read[n + 2] = Some(Shape::Label);
        }
        if is_name(n) && cells[n].shape != Shape::Text {
            read[n] = Some(Shape::Text);
        }
    }
    read
}

/// The ways to read a run of `k` texts before a row's values ([`labels_by_place`]): where its
/// labels start (`t`, the texts before being the last row's, `most_texts` at most) and where
/// its name stands (`at`, the texts after it being the `between` columns'), at most `levels`
/// labels between them.
fn readings(
    k: usize,
    between: usize,
    levels: usize,
    most_texts: usize,
) -> impl Iterator<Item = (usize, usize)> + Clone {
    (0..=between.min(k.saturating_sub(1))).flat_map(move |b| {
        let at = k.saturating_sub(1 + b);
        (at.saturating_sub(levels)..=most_texts.min(at)).map(move |t| (t, at))
    })
}

/// The label a text is at place `j` of a run whose name is at `at` ([`labels_by_place`]):
/// counted from the name back, the category (where the grid has a category column), then
/// the tier.
fn label_in_place(j: usize, at: usize, has_category: bool) -> Shape {
    if at.checked_sub(j) == Some(1) && has_category {
        Shape::Category
    } else {
        Shape::Tier
    }
}

/// A label without the note in brackets at its end (`数量成效` of `数量成效(必填)`).
fn label_core(text: &str) -> &str {
    match text.strip_suffix([')', '）']) {
        Some(inner) => inner.rfind(['(', '（']).map_or(text, |open| &text[..open]),
        None => text,
    }
}

/// The last two characters of a label in words of no known vocabulary ([`label_words`]) of
/// three characters or more, before its note in brackets: what the labels of one table share
/// (`成效` of `产出成效` and `数量成效`).
fn family(text: &str) -> Option<&str> {
    if !label_words(text) {
        return None;
    }
    let core = label_core(text);
    let mut ends = core.char_indices().rev();
    let (at, _) = ends.nth(1)?;
    ends.next()?;
    Some(&core[at..])
}

/// The most level and text columns around the name and values under which labels are read
/// by their place ([`labels_by_place`]).
const PLACED_COLUMNS: usize = 8;

/// Whether a text may be a label in words of no known vocabulary: twelve Chinese characters
/// at most, and nothing else but a note in brackets at its end (`数量成效(必填硬性指标)`).
fn label_words(text: &str) -> bool {
    let core = label_core(text);
    !core.is_empty() && core.chars().count() <= 12 && core.chars().all(crate::taxonomy::is_han)
}

/// Whether `label` names, in other words, the tier `before` names: `效益` then `项目效益`.
/// So does a tier's label after a weighted label of words this crate does not know
/// (`实施效果(20分)` then `项目效益(20分)`): the unknown label is the row's tier.
fn sub_tier(before: &Tok<'_>, label: &Tok<'_>) -> bool {
    use crate::taxonomy::resolve;
    if label.shape != Shape::Tier
        || !matches!(before.shape, Shape::Label | Shape::Tier | Shape::Level)
    {
        return false;
    }
    let tier = resolve::<crate::Tier>(label.t());
    tier.is_some()
        && fold(before.t()) != fold(label.t())
        && (before.shape == Shape::Label
            && crate::taxonomy::Label::read(before.t()).weight.is_some()
            || matches!(before.shape, Shape::Tier | Shape::Level) && resolve(before.t()) == tier)
}

/// Whether `label`, a label of both levels after the tier label `before`, is a tier of its
/// own: it names another tier than `before`, and `next` is a category of that tier
/// (`效益指标`, `满意度指标`, `服务对象满意度指标`: the 效益 tier prints no rows).
fn tier_after_empty_tier(before: &Tok<'_>, label: &Tok<'_>, next: Option<&Tok<'_>>) -> bool {
    use crate::taxonomy::resolve;
    if label.shape != Shape::Level || before.shape != Shape::Tier {
        return false;
    }
    let Some(next) = next.filter(|n| n.shape == Shape::Category) else {
        return false;
    };
    let tier = resolve::<crate::Tier>(label.t());
    tier.is_some()
        && resolve::<crate::Tier>(before.t()) != tier
        && resolve::<crate::Category>(next.t()).map(crate::Category::tier) == tier
}

/// A run of header cells where rows are lost: a group cell (`指标值`) whose parts follow the
/// other headers gives way to them.
fn regroup_run<'a>(texts: &[&'a str]) -> Vec<&'a str> {
    let Some(g) = texts.iter().position(|t| is_group(t)) else {
        return texts.to_vec();
    };
    // The parts: the run's tail of target headers, after a header that is none.
    let mut t = texts.len();
    while t > g + 1 && is_target_like(texts[t - 1]) && !is_group(texts[t - 1]) {
        t -= 1;
    }
    let between_other = (g + 1..t).any(|k| !is_target_like(texts[k]));
    if t == texts.len() || !between_other {
        return texts.to_vec();
    }
    let mut out = texts[..g].to_vec();
    out.extend_from_slice(&texts[t..]);
    out.extend_from_slice(&texts[g + 1..t]);
    out
}

/// A value written in split cells, joined: `≥` | `95` | `%` is `≥95%`. The comparator is
/// left out where the value already has one, the unit where the value already ends with it
/// or the unit cell says none (`-`, `无`).
fn join_split<'a>(op: Option<&str>, value: &'a str, measure: Option<&str>) -> Cow<'a, str> {
    let value = value.trim();
    // A value with no cells split off it is itself: it is not copied.
    if op.is_none() && measure.is_none() {
        return Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len() + 8);
    if let Some(op) = op {
        let has_op = value.starts_with([
            '≥', '≤', '>', '<', '=', '＞', '＜', '＝', '≧', '≦', '﹦', '═',
        ]) || [
            "大于",
            "小于",
            "不低于",
            "不少于",
            "不超过",
            "不高于",
            "等于",
        ]
        .iter()
        .any(|w| value.starts_with(w));
        if !has_op && !value.is_empty() {
            out.push_str(op);
        }
    }
    out.push_str(value);
    if let Some(measure) = measure.map(str::trim) {
        let none = matches!(measure, "" | "-" | "—" | "无" | "/" | "／");
        let numeric_end = value.ends_with(|c: char| c.is_ascii_digit());
        if !none && numeric_end && !value.ends_with(measure) {
            out.push_str(measure);
        }
    }
    Cow::Owned(out)
}

/// A decimal in a cell: `7.5`, `3,309,840.00`, `10分`.
fn number_of(text: &str) -> Option<Decimal> {
    let t = text.trim().trim_end_matches('分').trim();
    decimal(t)
}

/// A plain decimal, thousands separators allowed.
fn decimal(text: &str) -> Option<Decimal> {
    let narrowed = super::shape::narrow(text);
    let t = narrowed.trim();
    if !super::shape::is_number(t) {
        return None;
    }
    // Most numbers have no separators: they are read as written, not copied.
    let plain: Cow<'_, str> = if t.contains(',') {
        Cow::Owned(t.chars().filter(|c| *c != ',').collect())
    } else {
        Cow::Borrowed(t)
    };
    // `Decimal` rounds away digits it cannot hold: a number is read only where every decimal
    // written is kept.
    let written = plain.split_once('.').map_or(0, |(_, frac)| frac.len());
    plain
        .parse::<Decimal>()
        .ok()
        .filter(|d| usize::try_from(d.scale()).is_ok_and(|s| s == written))
}

/// Whether a text is an amount alone: digits with separators and decimals.
fn is_plain_amount(text: &str) -> bool {
    super::shape::is_number(text)
}

/// An amount converted between money units (元, 万元, 亿元); `None` where it overflows or
/// the units are unknown.
fn convert(amount: Decimal, from: &str, to: &str) -> Option<Decimal> {
    let exponent = |unit: &str| match unit {
        "元" => Some(0u32),
        "千元" => Some(3),
        "万元" => Some(4),
        "百万元" => Some(6),
        "亿元" => Some(8),
        _ => None,
    };
    let (f, t) = (exponent(from)?, exponent(to)?);
    let ten = Decimal::TEN;
    if f >= t {
        let mut out = amount;
        for _ in t..f {
            out = crate::value::exact::mul(out, ten)?;
        }
        Some(out)
    } else {
        // Dividing by ten moves the point: exact while the scale holds it.
        let mut out = amount;
        out.set_scale(amount.scale().checked_add(t - f)?).ok()?;
        Some(out.normalize())
    }
}

/// The money unit a value names: `万元`, `元`, `单位：万元`.
fn money_unit_of(value: &str) -> Option<String> {
    let v: String = value.chars().filter(|c| !c.is_whitespace()).collect();
    ["亿元", "百万元", "万元", "千元", "元"]
        .iter()
        .find(|u| v.contains(*u))
        .map(|u| (*u).to_owned())
}

/// Labelled values inside one cell: `单位:万元`, `填报单位:(盖章) 单位:万元`, `项目名称：主体班`.
fn split_labelled(text: &str) -> Option<Vec<(Fact, &str, &str)>> {
    if !text.contains([':', '：']) {
        return None;
    }
    let mut out = Vec::new();
    let mut rest = text;
    // Each `label:value` runs to the next label.
    let mut starts: Vec<(usize, usize, Fact)> = Vec::new();
    for (at, c) in text.char_indices() {
        if c != ':' && c != '：' {
            continue;
        }
        // The label: the text back to a space, or the cell's start.
        let head = &text[..at];
        let label_start = head.rfind(char::is_whitespace).map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
        let label = &text[label_start..at];
        if let Some(fact) = fact_of(&fold(label)) {
            starts.push((label_start, at + c.len_utf8(), fact));
        }
    }
    if starts.is_empty() || starts[0].0 != 0 {
        return None;
    }
    for (n, &(label_start, value_start, fact)) in starts.iter().enumerate() {
        let end = starts.get(n + 1).map_or(text.len(), |s| s.0);
        let label = &text[label_start..value_start];
        let value = text.get(value_start..end).unwrap_or("").trim();
        out.push((fact, label.trim_end_matches([':', '：']), value));
        rest = &text[end..];
    }
    let _ = rest;
    Some(out)
}

/// A department code before its name: `[015001]武汉市青山区教育局`, `(433)乌海市…`.
fn strip_code(text: &str) -> &str {
    let t = text.trim();
    for (open, close) in [('[', ']'), ('(', ')'), ('（', '）'), ('【', '】')] {
        if let Some(rest) = t.strip_prefix(open)
            && let Some(end) = rest.find(close)
            && rest[..end].chars().all(|c| c.is_ascii_digit())
        {
            return rest[end + close.len_utf8()..].trim();
        }
    }
    t
}

/// Whether a goal label's value is the header of a goal block: `预期目标 实际完成情况`.
fn is_goal_header(value: &str) -> bool {
    let v = fold(value);
    let n = v.chars().count();
    !v.is_empty()
        && ((n <= 30
            && (v.contains("完成情况") || v.contains("实际完成"))
            && v.contains("目标"))
            // The goal's own heading: `年初设定目标`, `预期目标`, `年度目标`, `绩效目标总体描述`,
            // and what became of it: `实际完成情况`.
            || (n <= 8
                && ((v.ends_with("目标")
                    && ["预期", "设定", "计划", "年初"].iter().any(|w| v.contains(w)))
                    || v.ends_with("完成情况")
                    || v.ends_with("总体描述"))))
}

/// The most characters of a header cell that names no column, in a header's first row that
/// needs its second ([`Builder::header_rows`]): a longer one is a sentence, not a header.
const HEADER_CELL_CHARS: usize = 24;

/// The longest table title that ends a grid's rows ([`Builder::next_table`]): a longer text
/// is a row's.
const TITLE_CHARS: usize = 40;

/// Whether a text is a table's title (in simplified or traditional characters).
fn is_title(text: &str) -> bool {
    // Most cells are none: a title holds 表 or ends with 目标, in either script.
    let trimmed = text.trim();
    if !(trimmed.contains('表') || trimmed.ends_with(['标', '標'])) {
        return false;
    }
    let t: String = trimmed.chars().map(crate::taxonomy::simplified).collect();
    let t = t.as_str();
    (t.contains('表')
        && ["绩效", "目标", "评价", "自评"]
            .iter()
            .any(|w| t.contains(w)))
        // A report's heading of a project's targets over its table.
        || project_heading(text).is_some()
}

/// The year of a line such as `(2022年度)` or `2023年`.
fn year_line(text: &str) -> Option<u16> {
    // A year line is ten bytes at most (`2023年度`) without its spaces and brackets: a longer
    // text is told so at its eleventh byte, not copied whole.
    const LONGEST: usize = 4 + "年度".len();
    let mut t = String::with_capacity(LONGEST + 4);
    for c in text
        .chars()
        .filter(|c| !c.is_whitespace() && !"()（）".contains(*c))
    {
        t.push(c);
        if t.len() > LONGEST {
            return None;
        }
    }
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    let rest = &t[digits.len()..];
    if digits.len() == 4 && matches!(rest, "年度" | "年" | "年度)") {
        let year: u16 = digits.parse().ok()?;
        return (1990..=2199).contains(&year).then_some(year);
    }
    None
}

/// Whether the cell at `i` is the first of its row with text: every cell before it on its row
/// is empty (covered by a merged cell above, in a spreadsheet or a page). The walk back stops
/// at the first filled cell, so that asking of every cell takes linear time.
fn first_filled(toks: &[Tok<'_>], i: usize) -> bool {
    if toks[i].t().is_empty() {
        return toks[i].row_start;
    }
    let grid = toks[i].grid;
    let mut k = i;
    while !toks[k].row_start {
        let Some(before) = k.checked_sub(1) else {
            return true;
        };
        k = before;
        if toks[k].grid != grid {
            return true;
        }
        if !toks[k].t().is_empty() {
            return false;
        }
    }
    true
}

/// Whether a cell of this shape is a value (a number, a percentage, a typed value), not a
/// label or a name.
fn is_value_shape(shape: Shape) -> bool {
    matches!(
        shape,
        Shape::Number | Shape::Amount | Shape::Percent | Shape::Value
    )
}

/// The points a header prints in brackets: `(20分)`, `（10分）`, `(20分*执行率)`.
fn printed_points(text: &str) -> Option<Decimal> {
    let mut rest = text;
    while let Some(open) = rest.find(['(', '（']) {
        let after = &rest[open..];
        let inner = after.trim_start_matches(['(', '（']).trim_start();
        let digits = inner
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(inner.len());
        if digits > 0 && inner[digits..].trim_start().starts_with('分') {
            return decimal(&inner[..digits]).filter(|d| *d <= Decimal::ONE_HUNDRED);
        }
        rest = &after[after.chars().next().map_or(1, char::len_utf8)..];
    }
    None
}

/// Whether an indicator read is a fragment of a garbled text rather than a row: it has no
/// name, or a value for a name (see [`is_value_name`]), or neither a target nor a name of
/// three characters (`分`, `公`). A template's placeholder row, named `0`, is a row.
fn is_fragment(indicator: &Indicator) -> bool {
    let name = indicator.name.trim();
    let placeholder = name.chars().all(|c| c == '0' || c == '.');
    name.is_empty()
        || (is_value_name(name) && !placeholder)
        || (indicator.annual.raw().trim().is_empty() && name.chars().nth(2).is_none())
}

/// Whether a name is a value: a number, maybe after a comparator, with at most two characters
/// of unit after it (`37442人`, `14种`, `>=95%`), which is a target's cell read as a row of
/// its own.
fn is_value_name(name: &str) -> bool {
    let number = name.trim_start_matches(['>', '<', '=', '≥', '≤', '≧', '≦', '＞', '＜', '＝']);
    let unit = number.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
    unit.len() < number.len() && unit.chars().nth(2).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The document a text's grid reads to.
    #[track_caller]
    fn document(text: &str) -> Document {
        read(&[Grid::from_text(text).expect("a grid")]).expect("a document")
    }

    /// The line and message of each of a document's diagnostics with a code.
    fn said(doc: &Document, code: DiagnosticCode) -> Vec<(usize, &str)> {
        doc.diagnostics
            .iter()
            .filter(|d| d.code == code)
            .map(|d| (d.line, d.message.as_str()))
            .collect()
    }

    /// The messages of a document's diagnostics with a code.
    fn messages(doc: &Document, code: DiagnosticCode) -> Vec<&str> {
        said(doc, code).into_iter().map(|(_, m)| m).collect()
    }

    /// An indicator's text cells, header and text.
    fn texts_of(i: &crate::Indicator) -> Vec<(&str, &str)> {
        i.texts
            .iter()
            .map(|t| (t.header.as_str(), t.text.as_str()))
            .collect()
    }

    /// The names of the indicators a text's grid reads to.
    fn names(text: &str) -> Vec<String> {
        document(text)
            .indicators()
            .map(|i| i.name.clone())
            .collect()
    }

    /// The names and raw annual values a text's grid reads to.
    fn read_text(text: &str) -> Vec<(String, String)> {
        let doc = document(text);
        doc.indicators()
            .map(|i| (i.name.clone(), i.annual.raw().to_owned()))
            .collect()
    }

    #[test]
    fn a_reading_of_fragments_is_doubted() {
        // Cells of a garbled text read as rows of fragments without targets.
        let garbled = "| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n\
                       | 产出指标 | 数量指标 | 培训人数 | ≥300人 |\n\
                       | | | 年初 | |\n| | | 成值 | |\n| | | 公 | |\n";
        let doc = document(garbled);
        assert_eq!(
            messages(&doc, DiagnosticCode::ReadingDoubtful),
            [
                "3 of the 4 indicators read are fragments (no name, a value for a name such as \
                 37442人, or neither a target nor a name of three characters): the text's layout \
                 is likely garbled; check the reading against the table"
            ]
        );
        // Whole rows, a short name without a target among them, are not doubted.
        let whole = "| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n\
                     | 产出指标 | 数量指标 | 培训人数 | ≥300人 |\n| | 质量指标 | 合格率 | ≥95% |\n\
                     | | 时效指标 | 及时 | |\n| 效益指标 | 社会效益指标 | 群众知晓率 | ≥90% |\n";
        assert!(messages(&document(whole), DiagnosticCode::ReadingDoubtful).is_empty());
    }

    #[test]
    fn split_cells_under_headers_in_other_words_join_their_target() {
        for header in [
            "指标值属性 | 指标值 | 指标单位",
            "比较符 | 指标值 | 计量单位",
            // Two targets' headers that name no horizon: the comparators' is no period.
            "目标值 | 指标值 | 单位",
        ] {
            let text = format!(
                "一级指标 | 二级指标 | 三级指标 | {header}\n\
                 产出指标 | 数量指标 | 培训人数 | ≥ | 300 | 人\n\
                 效益指标 | 社会效益指标 | 群众知晓率 | ≤ | 90 | %\n"
            );
            let doc = document(&text);
            let read: Vec<(&str, Option<&str>, usize)> = doc
                .indicators()
                .map(|i| {
                    let period = i.period.as_ref().map(Target::raw);
                    (i.annual.raw(), period, i.texts.len())
                })
                .collect();
            assert_eq!(read, [("≥300人", None, 0), ("≤90%", None, 0)], "{header}");
        }
        // A horizon's header keeps its cells, comparators too.
        let text = "一级指标 | 二级指标 | 三级指标 | 实施周期指标值 | 年度指标值\n\
                    产出指标 | 数量指标 | 培训人数 | ≥ | 300人\n";
        let doc = document(text);
        let period = doc
            .indicators()
            .next()
            .and_then(|i| i.period.as_ref())
            .map(Target::raw);
        assert_eq!(period, Some("≥"));
    }

    #[test]
    fn satisfactions_category_in_other_words_and_in_both_columns() {
        let text = "一级指标 | 二级指标 | 三级指标 | 指标值\n\
                    满意度指标 | 受益对象满意度 | 学生满意度 | ≥90%\n\
                    满意度指标 | 群众满意度指标 | 知晓率 | ≥80%\n\
                    服务对象满意度指标 | 服务对象满意度指标 | 家长满意度 | ≥95%\n";
        let doc = document(text);
        let read: Vec<(Option<Tier>, Option<Category>, Option<&str>)> = doc
            .indicators()
            .map(|i| (i.tier, i.category, i.category_label.as_deref()))
            .collect();
        let satisfied = (Some(Tier::Satisfaction), Some(Category::Satisfaction));
        assert_eq!(
            read,
            [
                (satisfied.0, satisfied.1, Some("受益对象满意度")),
                (satisfied.0, satisfied.1, Some("群众满意度指标")),
                (satisfied.0, satisfied.1, Some("服务对象满意度指标")),
            ]
        );
        assert!(said(&doc, DiagnosticCode::LabelUnknown).is_empty());
        // Under another tier, such a label is no category this crate knows.
        let text = "一级指标 | 二级指标 | 三级指标 | 指标值\n\
                    效益指标 | 群众满意度 | 学生满意度 | ≥90%\n";
        let doc = document(text);
        assert_eq!(doc.indicators().next().and_then(|i| i.category), None);
        assert_eq!(said(&doc, DiagnosticCode::LabelUnknown).len(), 1);
    }

    #[test]
    fn a_row_of_values_without_a_name_is_said() {
        // Anhui Huoqiu's self-evaluation: a category printed with its points and no indicator.
        let text = "一级指标 | 二级指标 | 三级指标 | 指标值 | 分值 | 得分\n\
                    效益指标 | 社会效益指标 | 带动农民增收 | 达成预期 | 10 | 10\n\
                    | 生态效益指标 | | | | 0\n";
        let doc = document(text);
        assert_eq!(doc.indicators().count(), 2);
        assert_eq!(
            said(&doc, DiagnosticCode::IndicatorIncomplete),
            [(
                3,
                "this row shows values but no name: «生态效益指标 | 0»; read as an indicator \
                 without a name"
            )]
        );
    }

    #[test]
    fn a_row_without_a_tier_among_printed_tiers_says_its_tier_is_implied() {
        // Sichuan Daying's self-evaluation: the 产出 rows' 一级 cells are empty, the 满意度
        // row prints its tier.
        let text = "一级指标 | 二级指标 | 三级指标 | 指标值\n\
                    | 数量指标 | 孤儿助学人数 | 应助尽助\n| 质量指标 | 完成学业 | 100%\n\
                    满意度指标 | 服务对象满意度指标 | 政策知晓率 | ≥90%\n";
        let doc = document(text);
        let tiers: Vec<Option<Tier>> = doc.indicators().map(|i| i.tier).collect();
        assert_eq!(
            tiers,
            [
                Some(Tier::Output),
                Some(Tier::Output),
                Some(Tier::Satisfaction)
            ]
        );
        assert_eq!(
            said(&doc, DiagnosticCode::TierImplied),
            [(
                2,
                "this row prints no tier: it takes «产出指标», the tier of its category «数量指标»"
            )]
        );
        // A table that prints no tier at all files its indicators under none, and says nothing.
        let untiered = "二级指标 | 三级指标 | 指标值\n数量指标 | 孤儿助学人数 | 应助尽助\n";
        let doc = document(untiered);
        assert_eq!(doc.indicators().next().and_then(|i| i.tier), None);
        assert!(said(&doc, DiagnosticCode::TierImplied).is_empty());
    }

    #[test]
    fn a_project_after_a_units_row_brings_its_own_grid() {
        // Tianjin Hebei district's court: a unit's row, then the next project's name, money
        // and goal, then its grid.
        let text = "一级指标 | 二级指标 | 三级指标 | 指标值 |\n\
                    产出指标 | 数量指标 | 维修面积 | ≥400平方米 |\n\
                    207101天津市河北区人民法院 | 单位:万元 | |||||\n\
                    项目名称 | 办案业务费 | |||||\n\
                    用于陪审员参审补助支出 | ||||||\n\
                    绩效目标 | 1.通过陪审员参与案件审判调解工作,提高审判效率 |\n\
                    一级指标 | 二级指标 | 三级指标 | 指标值 |\n\
                    产出指标 | 数量指标 | 聘用调解员人数 | 1人 |\n";
        let doc = document(text);
        let names: Vec<&str> = doc.indicators().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["维修面积", "聘用调解员人数"]);
        let goals: Vec<&str> = doc.projects().map(|p| p.goal.as_str()).collect();
        assert_eq!(goals, ["", "1.通过陪审员参与案件审判调解工作,提高审判效率"]);
    }

    #[test]
    fn projects_under_one_header_take_up_its_columns() {
        // One header over the blocks of several projects, with or without a unit's row
        // between them: each block's rows are read under the header.
        for text in [
            "一级指标 | 二级指标 | 三级指标 | 指标值\n项目名称 | 甲项目\n\
             产出指标 | 数量指标 | 培训人数 | ≥300人\n项目名称 | 乙项目\n\
             产出指标 | 数量指标 | 检查次数 | ≥12次\n",
            "一级指标 | 二级指标 | 三级指标 | 指标值\n项目名称 | 甲项目\n\
             产出指标 | 数量指标 | 培训人数 | ≥300人\n207102某某中心 | 单位:万元\n\
             项目名称 | 乙项目\n产出指标 | 数量指标 | 检查次数 | ≥12次\n",
        ] {
            let doc = document(text);
            let read: Vec<(&str, &str)> = doc
                .projects()
                .flat_map(|p| {
                    p.indicators
                        .iter()
                        .map(|i| (p.name.as_str(), i.name.as_str()))
                })
                .collect();
            assert_eq!(
                read,
                [("甲项目", "培训人数"), ("乙项目", "检查次数")],
                "{text}"
            );
        }
    }

    #[test]
    fn a_target_read_as_a_name_is_a_fragment() {
        for value in [
            "37442人", "14种", "100.00%", "1,228人", "8例", ">=95%", "≥3",
        ] {
            assert!(is_value_name(value), "{value}");
        }
        for name in [
            "培训人数",
            "0-6岁儿童健康管理数",
            "5G基站",
            "指标6:宣传活动",
            "2024年度预算执行率",
            "≥",
        ] {
            assert!(!is_value_name(name), "{name}");
        }
        // The 2021 template's placeholder rows (`0 | 0.00%`) are rows, not fragments.
        let placeholders = "| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n\
                            | 成本指标 | 经济成本指标 | 0 | 0.00% |\n\
                            | | 社会成本指标 | 0 | 0.00% |\n| | 生态环境成本指标 | 0 | 0.00% |\n\
                            | 产出指标 | 数量指标 | 宣传资料份数 | ≥500份 |\n";
        assert!(messages(&document(placeholders), DiagnosticCode::ReadingDoubtful).is_empty());
        // A PDF's line of cells out of order: names and their targets read as rows of their
        // own, the targets as names.
        let garbled = "| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n\
                       | 产出指标 | 数量指标 | 建档人数 | |\n| | | 37442人 | |\n\
                       | | | 宣传活动 | |\n| | | 12次 | |\n| | | 接种率 | |\n| | | 100.00% | |\n";
        assert_eq!(
            messages(&document(garbled), DiagnosticCode::ReadingDoubtful).len(),
            1
        );
    }

    #[test]
    fn a_header_with_a_long_note_in_brackets_is_a_header() {
        let cells = [
            "项目支出绩效目标表",
            "一级指标",
            "二级指标",
            "三级指标",
            "指标值（定量指标填写数值及计量单位，定性指标填写达成标准的文字描述）",
            "指标值说明",
            "产出指标",
            "数量指标",
            "培训人数",
            "≥300人",
            "按花名册统计",
        ];
        assert_eq!(
            read_text(&cells.join("\n\n")),
            [("培训人数".to_owned(), "≥300人".to_owned())]
        );
    }

    #[test]
    fn a_tier_that_prints_no_rows_gives_way_to_the_next() {
        // One cell per paragraph: 效益指标 prints no rows, 满意度指标 (a label of both levels)
        // is the next tier, over its category.
        let cells = [
            "一级指标",
            "二级指标",
            "三级指标",
            "指标值",
            "实际完成值",
            "得分",
            "产出指标",
            "质量指标",
            "合格率",
            "100%",
            "100%",
            "10",
            "效益指标",
            "满意度指标",
            "服务对象满意度指标",
            "满意度",
            "98%",
            "98%",
            "19.6",
        ];
        let doc = document(&cells.join("\n\n"));
        let read: Vec<_> = doc
            .indicators()
            .map(|i| {
                (
                    i.tier.map(|t| t.code()),
                    i.category.map(|c| c.code()),
                    i.name.as_str(),
                    i.score,
                )
            })
            .collect();
        assert_eq!(
            read,
            [
                (Some(1), Some(12), "合格率", Some(10.into())),
                (Some(3), Some(31), "满意度", Some("19.6".parse().unwrap())),
            ]
        );
        assert_eq!(messages(&doc, DiagnosticCode::RowEmpty).len(), 1);
        assert!(messages(&doc, DiagnosticCode::TierCategoryMismatch).is_empty());
    }

    #[test]
    fn titles_are_told_in_either_script() {
        assert!(is_title("部门预算项目绩效目标申报表(2023年度)"));
        assert!(is_title("部門預算項目績效目標申报表(2023年度)"));
        assert!(is_title("参保城乡居民健康体检经费项目项目绩效目标"));
        assert!(!is_title("项目绩效目标"));
        assert!(!is_title("培训人数"));
        assert_eq!(
            project_heading("参保城乡居民健康体检经费项目项目绩效目标"),
            Some("参保城乡居民健康体检经费项目")
        );
        assert_eq!(
            project_heading("城乡居民健康体检项目绩效目标"),
            Some("城乡居民健康体检项目")
        );
        assert_eq!(project_heading("项目绩效目标"), None);
        assert_eq!(project_heading("年度绩效目标"), None);
        // In traditional characters, the name as printed.
        assert_eq!(
            project_heading("參保城鄉居民健康體檢經費項目項目績效目標"),
            Some("參保城鄉居民健康體檢經費項目")
        );
        assert_eq!(
            project_heading("城乡居民医疗救助资金专项绩效目标"),
            Some("城乡居民医疗救助资金专项")
        );
        // A heading of many projects names none.
        assert_eq!(project_heading("三、重点项目绩效目标"), None);
        assert_eq!(project_heading("宁波市本级2024年度重点项目绩效目标"), None);
        assert!(!is_title("三、重点项目绩效目标"));
    }

    #[test]
    fn a_report_around_paragraph_cells_neither_heads_nor_ends_in_the_grid() {
        // A city's report (Cixi, Zhejiang): a project's goals, its table one cell per
        // paragraph, then the next project's heading and goals.
        let cell = |t: &str| format!("{t}\n\n");
        let mut text = String::new();
        for t in [
            "3岁以下婴幼儿照护服务项目项目绩效目标",
            "(一)中长期绩效目标",
            "坚持政府引导、家庭为主、多方参与、规范管理的原则,全面建立以家庭为基础、社区为依托的服务体系。",
            "(二)中长期绩效指标",
            "项目单位按项目实施内容设置了4个指标,包含数量类、质量类指标。指标如下:",
            "项目具体目标表",
            "一级指标",
            "二级指标",
            "指标名称",
            "指标值",
            "产出指标",
            "数量指标",
            "每千人托位",
            "4.5",
            "质量指标",
            "应补尽补率",
            "100%",
            "满意度指标",
            "满意度指标",
            "受益单位满意度",
            "95%",
            "社会公众满意度",
            "≥90%",
            "参保城乡居民健康体检经费项目项目绩效目标",
            "(一)中长期绩效目标",
            "优化城乡居民体检制度,缩小城乡之间基本卫生健康服务差距,提高群众参检率。",
        ] {
            text.push_str(&cell(t));
        }
        let first = text.clone();
        for t in [
            "(二)中长期绩效指标",
            "项目具体目标表",
            "一级指标",
            "二级指标",
            "指标名称",
            "指标值",
            "产出指标",
            "数量指标",
            "体检人数",
            "≥10万人",
        ] {
            text.push_str(&cell(t));
        }
        // Each heading of a project's targets begins that project.
        let doc = document(&text);
        let projects: Vec<_> = doc
            .units
            .iter()
            .flat_map(|u| &u.projects)
            .map(|p| (p.name.as_str(), p.indicators.len()))
            .collect();
        assert_eq!(
            projects,
            [
                ("3岁以下婴幼儿照护服务项目", 4),
                ("参保城乡居民健康体检经费项目", 1)
            ]
        );
        let text = first;
        let doc = document(&text);
        let read: Vec<_> = doc
            .indicators()
            .map(|i| {
                (
                    i.category.map(|c| c.code()),
                    i.name.as_str(),
                    i.annual.raw(),
                    i.period.is_none() && i.texts.is_empty(),
                )
            })
            .collect();
        assert_eq!(
            read,
            [
                (Some(11), "每千人托位", "4.5", true),
                (Some(12), "应补尽补率", "100%", true),
                // Other words for the category in force name an indicator.
                (Some(31), "受益单位满意度", "95%", true),
                (Some(31), "社会公众满意度", "≥90%", true),
            ]
        );
        // The report's paragraphs and headings are said to be skipped, not lost.
        let skipped = doc
            .diagnostics
            .iter()
            .filter(|d| d.code == DiagnosticCode::LayoutSkipped)
            .count();
        assert!(skipped >= 7, "{:?}", doc.diagnostics);
    }

    #[test]
    fn rows_without_a_header_are_read_by_their_cells_with_a_warning() {
        // A table cut off above its header: rows that begin with levels' labels.
        let text = "| 项目完成指标 | 质量指标 | 改善养老服务基础条件 | 改善条件 | 明显改善 |\n\
                    | 效益指标 | 社会效益指标 | 养老服务需求 | 有所提升 | 养老服务提升 |\n\
                    | 满意度指标 | 服务对象满意度指标 | 服务质量满意度 | ≥90% | 98% |\n";
        let doc = document(text);
        let rows: Vec<_> = doc
            .indicators()
            .map(|i| {
                (
                    i.tier_label.as_deref().or(i.tier.map(Tier::name)),
                    i.name.as_str(),
                    i.annual.raw(),
                    i.actual.as_ref().map(crate::Target::raw),
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                (
                    Some("项目完成指标"),
                    "改善养老服务基础条件",
                    "改善条件",
                    Some("明显改善")
                ),
                (
                    Some("效益指标"),
                    "养老服务需求",
                    "有所提升",
                    Some("养老服务提升")
                ),
                (Some("满意度指标"), "服务质量满意度", "≥90%", Some("98%")),
            ]
        );
        assert_eq!(
            said(&doc, DiagnosticCode::HeaderImplied),
            [(
                1,
                "no header names the columns: the rows are read as 一级指标 | 二级指标 | \
                 三级指标 | 指标性质 | 指标值 | 度量单位 | 实际完成值 | 分值 | 得分, by what their cells are"
            )]
        );
        // Split cells (comparator, number, unit), a row of a name first, and the form's
        // signatures, after which a title is no row.
        let text = "城乡居民医保经费发放及时率 | = | 100 | % | 5 | ||||||\n\
                    成本指标 | 网络宣传成本预算 | ≤ | 101400 | 元 | 5 | |||||\n\
                    可持续影响指标 | 参保机制健全性 | 定性 | 优良中低差 | 10 | ||||||\n\
                    项目负责人: | 财务负责人: | |||||||||\n\
                    部门预算项目支出绩效自评表(2023年度) | ||||||||||\n";
        let doc = document(text);
        let rows: Vec<_> = doc
            .indicators()
            .map(|i| (i.name.as_str(), i.annual.raw(), i.weight))
            .collect();
        assert_eq!(
            rows,
            [
                ("城乡居民医保经费发放及时率", "=100%", Some(5.into())),
                ("网络宣传成本预算", "≤101400元", Some(5.into())),
                ("参保机制健全性", "优良中低差", Some(10.into())),
            ]
        );
        // Words about levels, with no row of a label, a name and a value, are no table.
        let prose =
            Grid::from_text("| 产出指标 | 按要求完成。 |\n| 说明 | 无 |\n").expect("a grid");
        assert!(read(&[prose]).is_err());
        // A table with a header is read by it, and says nothing of implied columns.
        let doc = document(
            "| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n| 产出指标 | 数量指标 | 场次 | ≥2场 |\n",
        );
        assert!(said(&doc, DiagnosticCode::HeaderImplied).is_empty());
    }

    #[test]
    fn a_category_over_three_lines_with_a_level_word_in_the_middle_is_one_label() {
        let text = "一级指标\n二级指标\n三级指标\n指标值\n效益指标\n社会效益指标\n网点覆盖率\n≥60%\n\
                    满意度指标\n服务对象\n满意度\n指标\n金融机构满意度\n≥80%\n";
        let doc = document(text);
        let last = doc.indicators().last().expect("an indicator");
        assert_eq!(
            (
                last.category_label.as_deref(),
                last.name.as_str(),
                last.annual.raw()
            ),
            (Some("服务对象满意度指标"), "金融机构满意度", "≥80%")
        );
    }

    #[test]
    fn a_level_label_carried_over_a_category_of_another_tier_was_a_category() {
        // `成本指标` on a row of its own under 二级, then 经济效益: the rows below are 效益's.
        let text = "绩效指标一级\n指标\n二级指标三级指标指标值全年实际完成值未完成原因和改进措施\n\n\n\
                    数量指标建设普通省道二级公路32.1公里2020\n\n\n\
                    质量指标建设符合验收要求2020\n\n\n时效指标按期完成投资1010\n\n\n\
                    成本指标\n\n\n……\n\n\n经济效益\n指标\n对经济发展的促进作用1010\n\n\n\
                    社会效益\n指标\n基本公共服务水平1010\n";
        let doc = document(text);
        let last = doc.indicators().last().expect("an indicator");
        assert_eq!(last.tier, Some(Tier::Benefit));
        assert!(messages(&doc, DiagnosticCode::TierCategoryMismatch).is_empty());
        // The services' category wrapped after its first words is one label.
        let text = "一级指标\n二级指标\n三级指标\n指标值\n满意度指标\n服务对象\n满意度指标\n\
                    群众满意度\n≥90%\n";
        let last = document(text)
            .indicators()
            .last()
            .cloned()
            .expect("an indicator");
        assert_eq!(
            (last.category_label.as_deref(), last.name.as_str()),
            (Some("服务对象满意度指标"), "群众满意度")
        );
    }

    #[test]
    fn a_header_s_wrapped_second_lines_go_on_their_first() {
        let top = [
            "一级指标",
            "三级指标",
            "年度",
            "实际",
            "分值",
            "得分",
            "偏差原因",
        ];
        assert_eq!(
            header_tails(&top, &["指标值", "完成值"]),
            Some(
                [
                    "一级指标",
                    "三级指标",
                    "年度指标值",
                    "实际完成值",
                    "分值",
                    "得分",
                    "偏差原因"
                ]
                .map(String::from)
                .to_vec()
            )
        );
        // A second row that ends no cell is none of their tails.
        assert_eq!(header_tails(&top, &["年度", "长期"]), None);
        // Read as a table below its project's money block, as the second project of a page.
        let header = "一级指标 二级指标 三级指标 年度 实际 分值 得分 偏差原因分析及改进措施\n\
                      指标值 完成值\n";
        let text = format!(
            "项目名称 购买第三方服务\n{header}\
             产出指标 数量指标 服务对象人数 100人次 100人次 15 15\n\
             项目名称 财政政务管理\n{header}\
             产出指标 质量指标 项目合格率 90% 60% 20 10 部分项目延续至下年\n\
             时效指标 完成时限 2019年 2020年 20 10 部分项目延续至下年\n"
        );
        let doc = document(&text);
        let rows: Vec<_> = doc
            .indicators()
            .skip(1)
            .map(|i| {
                (
                    i.annual.raw(),
                    i.actual.as_ref().map(crate::Target::raw),
                    texts_of(i),
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                (
                    "90%",
                    Some("60%"),
                    vec![("偏差原因分析及改进措施", "部分项目延续至下年")]
                ),
                (
                    "2019年",
                    Some("2020年"),
                    vec![("偏差原因分析及改进措施", "部分项目延续至下年")]
                ),
            ]
        );
    }

    #[test]
    fn a_label_printed_around_its_row_is_the_row_s_label() {
        // A PDF centres a wrapped label on its row: its first line above the name, its
        // second below the value.
        let text = "一级指标\n\n二级指标\n\n三级指标\n\n指标值\n\n效益指标\n\n\
                    可持续影响指标\n\n长效管理机制健全性\n\n健全\n\n社会公众或服务\n\n\
                    政策满意度\n\n≥90%\n\n对象满意度指标\n";
        let doc = document(text);
        let rows: Vec<_> = doc
            .indicators()
            .map(|i| (i.name.as_str(), i.category_label.as_deref(), i.texts.len()))
            .collect();
        assert_eq!(
            rows,
            [
                ("长效管理机制健全性", Some("可持续影响指标"), 0),
                ("政策满意度", Some("社会公众或服务对象满意度指标"), 0)
            ]
        );
    }

    #[test]
    fn a_rate_named_after_money_is_an_indicator_under_an_unknown_tier() {
        let text = "| 指标类型 | 指标名称 | 指标值 | 绩效标准 |\n\
                    | 产出指标 | 编印公报 | 每月3000本 | 按时编印 |\n\
                    | 效率指标 | 项目资金到位率 | 100% | 全部到位 |\n";
        let names = names(text);
        assert_eq!(names, ["编印公报", "项目资金到位率"]);
    }

    #[test]
    fn weights_given_as_shares_of_the_points_are_weights() {
        // Under 权重, `20%` is 20 of the table's 100 points, and fits there as a number does.
        let text = "| 一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | 权重 | 得分 |\n\
                    | 产出指标 | 数量指标 | 贷款回收率 | ≥90% | 98.70% | 20% | 20 |\n\
                    | | | 放大倍数 | ≥2倍 | 10倍 | 10% | 10 |\n";
        let doc = document(text);
        let rows: Vec<_> = doc
            .indicators()
            .map(|i| (i.name.as_str(), i.weight, i.score))
            .collect();
        assert_eq!(
            rows,
            [
                ("贷款回收率", Some(20.into()), Some(20.into())),
                ("放大倍数", Some(10.into()), Some(10.into()))
            ]
        );
        assert!(messages(&doc, DiagnosticCode::NumberUnread).is_empty());
        // Under 分值 or 权重分值, whose cells are points, a percentage is no weight: kept
        // as text, and said.
        for header in ["分值", "权重分值"] {
            let text = format!(
                "| 一级指标 | 三级指标 | 指标值 | {header} |\n| 产出指标 | 回收率 | ≥90% | 20% |\n"
            );
            let doc = document(&text);
            assert_eq!(doc.indicators().next().unwrap().weight, None);
            assert_eq!(messages(&doc, DiagnosticCode::NumberUnread).len(), 1);
        }
    }

    #[test]
    fn a_long_note_run_into_the_first_header_cell_keeps_the_tier_column() {
        // A page's note glued to the header's first word: the tier column is still there,
        // and the label under it is the tier as printed.
        let text = "详情见附件(注:以下内容为附件图片识别,个别文字可能不准确,请以附件为准)\
                    一级指标 | 二级指标 | 指标名称 | 目标值 | 完成值 |\n\
                    產出指標 | 產出數量 | 完成培训任务 | 12500名 | 12166名 |\n";
        let doc = document(text);
        let first = doc.indicators().next().expect("an indicator");
        assert_eq!(first.tier_label.as_deref(), Some("產出指標"));
        assert_eq!(first.name, "完成培训任务");
        assert!(messages(&doc, DiagnosticCode::RowEmpty).is_empty());
    }

    #[test]
    fn a_category_column_of_names_holds_the_indicators() {
        // No 三级指标: the 二级 column names the indicators, 指标内容 explains them.
        let text = "| 一级指标 | 二级指标 | 分值 | 指标内容 | 指标值 |\n\
                    | 投入指标 | 资金到位率 | 5 | 实际到位资金/计划投入资金 | 100% |\n\
                    | | 预算支出进度 | 15 | 预算支出是否达到90%以上 | ≥90% |\n";
        let doc = document(text);
        let rows: Vec<_> = doc
            .indicators()
            .map(|i| (i.name.as_str(), i.category_label.as_deref(), texts_of(i)))
            .collect();
        assert_eq!(
            rows,
            [
                (
                    "资金到位率",
                    None,
                    vec![("指标内容", "实际到位资金/计划投入资金")]
                ),
                (
                    "预算支出进度",
                    None,
                    vec![("指标内容", "预算支出是否达到90%以上")]
                ),
            ]
        );
        // Where the 二级 column shows a category, it is the categories' column.
        let text = "| 一级指标 | 二级指标 | 分值 | 指标内容 | 指标值 |\n\
                    | 产出指标 | 数量指标 | 5 | 培训场次 | ≥2场 |\n\
                    | | 时效指标 | 15 | 完成时间 | 年底前 |\n";
        let names = names(text);
        assert_eq!(names, ["培训场次", "完成时间"]);
    }

    #[test]
    fn a_numbered_heading_and_its_paragraph_end_the_grid() {
        // The report the table stands in goes on after it: its next section is no row.
        let text = "指标名称\n\n指标值\n\n辅警人员\n\n=512人\n\n满意度\n\n≥95%\n\n\
                    (四)部门(单位)职能职责。\n\n丰都县公安局是主管全县社会治安的县政府组成部门，\
                    有内设所队室22个，派出所17个，主要职责是预防、制止及侦查违法犯罪活动。\n";
        assert_eq!(
            read_text(text),
            [
                ("辅警人员".to_owned(), "=512人".to_owned()),
                ("满意度".to_owned(), "≥95%".to_owned())
            ]
        );
        // A numbered name in a table's rows, followed by its value, stays a row.
        let text = "指标名称\n\n指标值\n\n(一)宣传活动\n\n≥2次\n";
        assert_eq!(read_text(text).len(), 1);
    }

    #[test]
    fn a_label_word_after_a_level_in_its_row_is_a_name_that_keeps_the_tier_above() {
        // `项目计划总投资` is a budget's label word; after a category in its row it is the
        // indicator's name, and the row goes on under the tier printed above.
        let text = "| 一级指标 | 二级指标 | 三级指标 | 分值 | 年度指标值 |\n\
                    | 产出指标(70分) | 数量指标 | 安装水标尺 | 10 | ≥266米 |\n\
                    | | 成本指标 | 项目计划总投资 | 10 | 20万元 |\n";
        let doc = document(text);
        let last = doc.indicators().last().expect("an indicator");
        assert_eq!(last.name, "项目计划总投资");
        assert_eq!(last.tier_label.as_deref(), Some("产出指标(70分)"));
        assert_eq!(last.annual.raw(), "20万元");
        // Where rows are lost (glued text), the same.
        let glued = "一级指标二级指标三级指标分值年度指标值\n\
                     产出指标(70分)数量指标安装水标尺10≥266米成本指标项目计划总投资1020万元\n";
        let doc = document(glued);
        let names: Vec<_> = doc.indicators().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["安装水标尺", "项目计划总投资"]);
    }

    #[test]
    fn a_facts_words_that_begin_a_row_before_a_category_are_its_tier() {
        // `年度绩效目标` names a goal; here it is the tier's label (a Hebei evaluation table).
        let text = "一级指标\t二级指标\t三级指标\t指标说明\t目标值\t分值\n\
                    项目年度绩效目标(定量指标)\t制度指标\t规章制度\t建立与否\t\t20\n\
                    \t产出数量指标\t享受资助人数\t达到预计值\t2100\t10\n";
        let doc = document(text);
        let read: Vec<_> = doc
            .indicators()
            .map(|i| (i.tier_label.as_deref(), i.name.as_str(), i.weight))
            .collect();
        let tier = Some("项目年度绩效目标(定量指标)");
        assert_eq!(
            read,
            [
                (tier, "规章制度", Some(Decimal::from(20))),
                (tier, "享受资助人数", Some(Decimal::from(10)))
            ]
        );
        assert_eq!(doc.projects().next().map(|p| p.goal.as_str()), Some(""));
    }

    #[test]
    fn a_goals_header_after_the_names_holds_the_targets_where_no_column_does() {
        // Fujian's 2017 form: 投入 holds 成本, and 全年绩效目标 the indicators' targets.
        let text = "一级指标\t二级指标\t三级指标\t绩效内容\t绩效标准\t全年绩效目标\n\
                    投入\t成本目标\t目标1\t发放困难台胞补贴\t100%\t按实际情况发放\n\
                    \t\t目标2\t开展丰收节活动\t100%\t100%\n\
                    产出\t数量目标\t目标1\t困难补助受益\t每月每人200元\t困难台胞432人\n";
        let doc = document(text);
        let read: Vec<_> = doc
            .indicators()
            .map(|i| (i.tier_label.as_deref(), i.annual.raw()))
            .collect();
        assert_eq!(
            read,
            [
                (Some("投入"), "按实际情况发放"),
                (Some("投入"), "100%"),
                (Some("产出"), "困难台胞432人")
            ]
        );
        assert_eq!(doc.projects().next().map(|p| p.goal.as_str()), Some(""));
        assert_eq!(doc.diagnostics, []);
    }

    #[test]
    fn a_goal_column_that_changes_within_a_project_is_reported() {
        let text = "项目名称\t年度目标\t一级指标\t二级指标\t三级指标\t指标值\n\
                    甲项目\t完成培训\t产出指标\t数量指标\t培训人次\t100人次\n\
                    甲项目\t完成培训\t产出指标\t质量指标\t合格率\t≥90%\n\
                    甲项目\t提高技能\t效益指标\t社会效益指标\t就业率\t≥60%\n";
        let doc = document(text);
        assert_eq!(
            doc.projects().next().map(|p| p.goal.as_str()),
            Some("完成培训")
        );
        let reported: Vec<_> = doc.diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            reported,
            ["年度目标 «提高技能» differs from the project's, given on an earlier row; not read"]
        );
    }

    #[test]
    fn a_second_header_row_that_splits_the_target_and_the_score_gives_each_its_parts() {
        // Hebei's 预算项目绩效自评表: 预期指标值 over 符号 | (the number) | 单位(文字描述),
        // 自评得分 over 单项指标得分 | 权重占比(%) | 单项指标折算得分; 指标分值 holds each
        // indicator's description.
        let text = "一级指标 二级指标 三级指标 指标分值 预期指标值 单项指标实际完成值 单项指标完成情况 自评得分\n\
                    符号 单位(文字描述) 单项指标得分 权重占比(%) 单项指标折算得分\n\
                    产出指标 质量指标 符合条件申报对象覆盖率 享受补贴政策人数占申报对象总数的比例 >= 98 %(百分比) 100% 完成 25.00 25.00 6.25\n\
                    效果指标 社会效益指标 补贴发放率 高龄补贴发放完成率 >= 75 %(百分比) 100% 完成 30.00 30.00 9.00\n";
        let doc = document(text);
        let read: Vec<_> = doc
            .indicators()
            .map(|i| {
                (
                    i.name.as_str(),
                    i.annual.to_string(),
                    i.actual.as_ref().map(ToString::to_string),
                    i.weight.map(|w| w.to_string()),
                    i.score.map(|s| s.to_string()),
                )
            })
            .collect();
        let row = |name, annual: &str, weight: &str, score: &str| {
            (
                name,
                annual.to_owned(),
                Some("100%".to_owned()),
                Some(weight.to_owned()),
                Some(score.to_owned()),
            )
        };
        assert_eq!(
            read,
            [
                row("符合条件申报对象覆盖率", "≥98%（百分比）", "25.00", "6.25"),
                row("补贴发放率", "≥75%（百分比）", "30.00", "9.00")
            ]
        );
        let first = doc.indicators().next().expect("an indicator");
        assert_eq!(
            texts_of(first)[..2],
            [
                ("指标分值", "享受补贴政策人数占申报对象总数的比例"),
                ("单项指标完成情况", "完成")
            ]
        );
    }

    #[test]
    fn a_row_with_a_sentence_over_a_header_is_facts_not_the_headers_first_row() {
        // Zhejiang's 项目绩效目标表: the goal's row right above the indicator header.
        let text = "项目绩效目标 | 绩效目标 总体描述 | 完成我市建成区的绿化养护工作,改善了城市生态环境,提升城市品位。 |\n\
                    指标类型 | 指标名称 | 指标值 | 指标描述 |\n\
                    产出指标 | 数量指标 | 375万平方米 | 完成全市375万平方米的绿地养护 |\n";
        let doc = document(text);
        let project = doc.projects().next().expect("a project");
        assert_eq!(
            project.goal,
            "完成我市建成区的绿化养护工作,改善了城市生态环境,提升城市品位。"
        );
        let first = doc.indicators().next().expect("an indicator");
        assert_eq!(first.annual.raw(), "375万平方米");
    }

    #[test]
    fn what_became_of_a_goal_is_read_though_it_says_the_goals_words() {
        let text = "年度总体目标 预期目标 实际完成情况\n\
                    完成文物日常维护,加大文物保护力度。 基本完成年度目标。\n\
                    一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n\
                    产出指标 数量指标 修缮建筑数量 3处 3处 10 10\n";
        let doc = document(text);
        let project = doc.projects().next().expect("a project");
        assert_eq!(project.goal, "完成文物日常维护,加大文物保护力度。");
        assert_eq!(project.goal_actual.as_deref(), Some("基本完成年度目标。"));
    }

    #[test]
    fn facts_before_a_money_block_keep_their_values_where_rows_are_lost() {
        let text = "项目名称\n演出设备更新专项经费\n主管部门\n新洲区楚剧团\n实施单位\n\
                    新洲区文化和旅游局机关\n项目资金(万元)\n年初预算数\n全年预算数\n全年执行数\n\
                    年度资金总额\n30\n30\n30\n一级指标\n二级指标\n三级指标\n指标值\n\
                    产出指标\n数量指标\n演出场次\n≥20场\n";
        let doc = document(text);
        let project = doc.projects().next().expect("a project");
        assert_eq!(project.competent.as_deref(), Some("新洲区楚剧团"));
        assert_eq!(
            project.implementer.as_deref(),
            Some("新洲区文化和旅游局机关")
        );
        assert_eq!(doc.indicators().count(), 1);
    }

    #[test]
    fn a_note_after_the_total_ends_the_rows_though_it_names_levels_and_points() {
        // Glued text: the note's `一级指标分值 … 产出指标50分` made a second grid and
        // indicators of 50, 30 and 10 points.
        let text = "一级指标二级指标三级指标分值年度指标值全年实际值得分\n\
                    产出指标数量指标安装水标尺10≥266米≥266米10\
                    ……总分100100注:1.一级指标分值统一设置为:产出指标50分、效益指标30分、满意度指标10分\n";
        let doc = document(text);
        let read: Vec<_> = doc
            .indicators()
            .map(|i| (i.name.as_str(), i.weight))
            .collect();
        assert_eq!(read, [("安装水标尺", Some(Decimal::from(10)))]);
    }

    #[test]
    fn of_two_scores_the_scaled_one_is_the_indicators() {
        let text = "一级指标\t二级指标\t三级指标\t指标分值\t预期指标值\t单项指标实际完成值\t\
                    单项指标得分\t权重占比(%)\t单项指标折算得分\n\
                    产出指标\t数量指标\t办理案件数量\t10\t>=5000\t6418件\t100\t10\t10\n";
        let doc = document(text);
        let first = doc.indicators().next().expect("an indicator");
        assert_eq!(first.weight, Some(Decimal::from(10)));
        assert_eq!(first.score, Some(Decimal::from(10)));
        // The weight beside the scores is the weight; the other is kept under its header.
        assert_eq!(
            texts_of(first)[..2],
            [("指标分值", "10"), ("单项指标得分", "100")]
        );
    }

    #[test]
    fn a_table_number_ends_a_grid_and_facts_a_row_each_pair_with_the_row_after() {
        // Each project's block: its table's number, its facts a cell per row, its grid.
        let block = |name: &str, budget: &str, first: &str| {
            format!(
                "表十二\n专项资金名称\n{name}\n业务主管部门\n813-五桂镇\n当年预算\n{budget}\n\
                 当年绩效目标\n按时足额发放\n\
                 指标|指标权重|计量单位|指标性质|指标值\n\
                 {first}|20|人|≥|80\n促进社会和谐|20||定性|\n"
            )
        };
        let text = block("甲项目", "229.66", "发放人数")
            + &block("乙项目", "9.31", "按月发放")
            + "表十二\n专项资金名称\n";
        // Rows in place, as a stream of cells gives them.
        let mut grid = Grid::new(Layout::Pipe, Rows::Positional);
        for (n, line) in text.lines().enumerate() {
            let cells = line.split('|').enumerate();
            grid.push_row(
                cells
                    .map(|(c, t)| crate::Cell::new(t, n + 1, c + 1))
                    .collect(),
            );
        }
        let doc = read(&[grid]).expect("a document");
        let projects: Vec<_> = doc.projects().collect();
        assert_eq!(projects.len(), 2);
        assert_eq!(projects[1].name, "乙项目");
        assert_eq!(projects[1].competent.as_deref(), Some("813-五桂镇"));
        assert_eq!(
            projects[1].budget.map(|b| b.to_string()).as_deref(),
            Some("9.31")
        );
        assert_eq!(projects[1].goal, "按时足额发放");
        let names: Vec<_> = doc.indicators().map(|i| i.name.as_str()).collect();
        assert_eq!(
            names,
            ["发放人数", "促进社会和谐", "按月发放", "促进社会和谐"]
        );
        // The cut-off block after the last grid is no rows of it: its number is reported.
        let skipped = doc
            .diagnostics
            .iter()
            .filter(|d| d.message.contains("«表十二»"));
        assert_eq!(skipped.count(), 3);
    }

    #[test]
    fn a_table_that_prints_no_tier_files_its_indicators_under_none() {
        let text = "二级指标\t三级指标\t指标值\n数量指标\t培训人次\t100人次\n\
            时效指标\t完成时间\t2023年12月\n";
        let doc = document(text);
        let levels: Vec<_> = doc.indicators().map(|i| (i.tier, i.category)).collect();
        assert_eq!(
            levels,
            [
                (None, Some(Category::Quantity)),
                (None, Some(Category::Timeliness))
            ]
        );
        // Where the table prints tiers, a row that leaves its tier out takes its category's;
        // a header's first word run into the words before it still heads its column.
        let text = "以下为附件识别内容一级指标\t二级指标\t三级指标\t指标值\n\
            产出指标\t数量指标\t培训人次\t100人次\n\
            \t时效指标\t完成时间\t2023年12月\n";
        let doc = document(text);
        let tiers: Vec<_> = doc.indicators().map(|i| i.tier).collect();
        assert_eq!(tiers, [Some(Tier::Output), Some(Tier::Output)]);
    }

    #[test]
    fn section_rows_give_the_levels_of_a_grid_that_has_no_level_columns() {
        let text = "目标名称\t目标值\t评价指标\t目标完成值\t评价指标值\t权重分值\t得分\n            一、投入目标\t\t\t\t\t\t\n            1.预算投入资金\t6475\t预算完成率\t6475\t100%\t1\t1\n            二、管理目标\t\t\t\t\t\t\n            1.资金管理情况\t专账核算\t项目资金管理要求\t专账核算\t项目资金管理要求\t2\t2\n            三、产出目标\t\t\t\t\t\t\n            1.数量目标\t\t\t\t\t\t\n            建档数\t941250份\t建档率\t1024410\t81.74%\t5\t5\n";
        let doc = document(text);
        let read: Vec<_> = doc
            .indicators()
            .map(|i| {
                (
                    i.tier_label
                        .as_deref()
                        .map_or(String::new(), |t| t.to_owned()),
                    i.category.map(|c| c.code()),
                    i.name.as_str(),
                    i.annual.raw(),
                    i.actual.as_ref().map(|a| a.raw()),
                )
            })
            .collect();
        assert_eq!(
            read,
            [
                (
                    "一、投入目标".to_owned(),
                    None,
                    "1.预算投入资金",
                    "6475",
                    Some("6475")
                ),
                (
                    "二、管理目标".to_owned(),
                    None,
                    "1.资金管理情况",
                    "专账核算",
                    Some("专账核算")
                ),
                (
                    "三、产出目标".to_owned(),
                    Some(11),
                    "建档数",
                    "941250份",
                    Some("1024410")
                ),
            ]
        );
        // A level's header after the target heads the evaluation's measure: text, and so
        // is its value (`评价指标值`).
        let first = doc.indicators().next().unwrap();
        assert_eq!(
            texts_of(first),
            [("评价指标", "预算完成率"), ("评价指标值", "100%")]
        );
    }

    /// A paragraph form whose score column is headed once, at its top right (`自评得分`), and
    /// prints the block's points over the first tier: each row ends with its score.
    const SCORE_ASIDE: &str = "区域绩效自评表\n\n自评得分\n\n100\n\n年度绩效指标完成情况\n\n\
        一级指标\n\n二级指标\n\n三级指标\n\n年度指标值\n\n实际完成指标值\n\n50\n\n\
        产出指标\n\n数量指标\n\n培训人数\n\n100人\n\n120人\n\n5\n\n\
        检查次数\n\n10次\n\n12次\n\n4\n\n\
        效益指标\n\n社会效益指标\n\n知识素养\n\n逐步提高\n\n逐步提高\n\n3\n";

    #[test]
    fn a_score_headed_aside_above_the_grid_is_the_rows_last_column() {
        let doc = document(SCORE_ASIDE);
        let rows: Vec<_> = doc
            .indicators()
            .map(|i| {
                (
                    i.name.as_str(),
                    i.annual.raw(),
                    i.actual.as_ref().map(|a| a.raw()),
                    i.score,
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("培训人数", "100人", Some("120人"), Some(Decimal::from(5))),
                ("检查次数", "10次", Some("12次"), Some(Decimal::from(4))),
                (
                    "知识素养",
                    "逐步提高",
                    Some("逐步提高"),
                    Some(Decimal::from(3))
                ),
            ]
        );
        // The block's points are said, not read as a row.
        assert!(doc.diagnostics.iter().any(|d| d.message.contains("«50»")));
    }

    #[test]
    fn a_score_aside_is_no_column_where_the_header_has_one() {
        let text = SCORE_ASIDE.replace("实际完成指标值\n\n", "实际完成指标值\n\n得分\n\n");
        let doc = document(&text);
        let scores: Vec<_> = doc.indicators().map(|i| i.score).collect();
        assert_eq!(
            scores,
            [
                Some(Decimal::from(5)),
                Some(Decimal::from(4)),
                Some(Decimal::from(3))
            ]
        );
        // Without the aside header, a trailing number has no column to go to.
        let doc = document(&SCORE_ASIDE.replace("自评得分\n\n100\n\n", ""));
        assert!(doc.indicators().all(|i| i.score.is_none()));
    }

    /// An evaluation table: levels, the indicator, an explanation, a scoring rule, points.
    const EVALUATION: [[&str; 7]; 5] = [
        [
            "一级指标",
            "二级指标",
            "三级指标",
            "指标解释",
            "评分标准",
            "分值",
            "得分",
        ],
        [
            "决策",
            "项目立项",
            "立项依据充分性",
            "是否符合法律法规",
            "符合得3分",
            "3",
            "3",
        ],
        [
            "",
            "绩效目标",
            "绩效目标合理性",
            "目标是否明确",
            "明确得2分",
            "2",
            "2",
        ],
        [
            "产出",
            "产出数量",
            "实际完成率",
            "完成数/计划数",
            "100%得10分",
            "10",
            "9",
        ],
        [
            "",
            "产出质量",
            "质量达标率",
            "达标数/完成数",
            "100%得10分",
            "10",
            "10",
        ],
    ];

    /// An indicator as the evaluation tests see it: name, category, weight, score and text
    /// cells.
    type Scored<'d> = (
        &'d str,
        Option<crate::Category>,
        Option<Decimal>,
        Option<Decimal>,
        Vec<(&'d str, &'d str)>,
    );

    /// A number of points, as weights and scores are read.
    fn points(v: u32) -> Option<Decimal> {
        Some(Decimal::from(v))
    }

    /// The indicators of a document, as [`Scored`].
    fn scored(doc: &Document) -> Vec<Scored<'_>> {
        doc.indicators()
            .map(|i| (i.name.as_str(), i.category, i.weight, i.score, texts_of(i)))
            .collect()
    }

    #[test]
    fn a_second_label_of_the_tier_is_the_rows_category_label() {
        // The 2020 framework files 项目效益 under 效益: a cell per paragraph, the two labels
        // are one row's tier and category, and 社会效益 its name, no category of a new row;
        // so is 服务对象满意度 on the next row, under the same labels.
        let text = "一级指标\n\n二级指标\n\n三级指标\n\n指标解释\n\n分值\n\n得分\n\n\
            产出\n\n产出数量\n\n实际完成率\n\n实际产出数与计划产出数的比率\n\n10\n\n9\n\n\
            效益\n\n项目效益\n\n社会效益\n\n项目实施所产生的效益\n\n10\n\n8\n\n\
            服务对象满意度\n\n服务对象对项目实施效果的满意程度\n\n10\n\n9\n";
        let doc = document(text);
        let rows: Vec<_> = doc
            .indicators()
            .map(|i| {
                (
                    i.name.as_str(),
                    i.tier,
                    i.category,
                    i.category_label.as_deref(),
                    i.score,
                    texts_of(i),
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                (
                    "实际完成率",
                    Some(crate::Tier::Output),
                    Some(crate::Category::Quantity),
                    Some("产出数量"),
                    points(9),
                    vec![("指标解释", "实际产出数与计划产出数的比率")]
                ),
                (
                    "社会效益",
                    Some(crate::Tier::Benefit),
                    None,
                    Some("项目效益"),
                    points(8),
                    vec![("指标解释", "项目实施所产生的效益")]
                ),
                (
                    "服务对象满意度",
                    Some(crate::Tier::Benefit),
                    None,
                    Some("项目效益"),
                    points(9),
                    vec![("指标解释", "服务对象对项目实施效果的满意程度")]
                ),
            ]
        );
        assert!(doc.diagnostics.is_empty(), "{:?}", doc.diagnostics);
    }

    #[test]
    fn the_2013_framework_reads_in_its_own_words() {
        // 投入, 过程, 产出, 效果 and their 二级 labels, a cell per line: each label is its
        // tier's or category's, kept as printed.
        let text = "一级指标\n二级指标\n三级指标\n分值\n得分\n\
            投入\n项目立项\n项目立项规范性\n4\n4\n资金落实\n资金到位率\n4\n3\n\
            过程\n业务管理\n管理制度健全性\n5\n5\n财务管理\n资金使用合规性\n5\n4\n\
            效果\n项目效益\n社会效益\n10\n9\n";
        let doc = document(text);
        let rows: Vec<_> = doc
            .indicators()
            .map(|i| {
                (
                    i.name.as_str(),
                    i.tier,
                    i.tier_label.as_deref(),
                    i.category,
                    i.category_label.as_deref(),
                    i.score,
                )
            })
            .collect();
        use crate::{Category as C, Tier as T};
        assert_eq!(
            rows,
            [
                (
                    "项目立项规范性",
                    Some(T::Decision),
                    Some("投入"),
                    Some(C::Approval),
                    None,
                    points(4)
                ),
                (
                    "资金到位率",
                    Some(T::Decision),
                    Some("投入"),
                    Some(C::Funding),
                    Some("资金落实"),
                    points(3)
                ),
                (
                    "管理制度健全性",
                    Some(T::Process),
                    Some("过程"),
                    Some(C::Implementation),
                    Some("业务管理"),
                    points(5)
                ),
                (
                    "资金使用合规性",
                    Some(T::Process),
                    Some("过程"),
                    Some(C::FundManagement),
                    Some("财务管理"),
                    points(4)
                ),
                (
                    "社会效益",
                    Some(T::Benefit),
                    Some("效果"),
                    None,
                    Some("项目效益"),
                    points(9)
                ),
            ]
        );
        assert!(doc.diagnostics.is_empty(), "{:?}", doc.diagnostics);
    }

    #[test]
    fn a_tiers_words_under_an_unknown_weighted_label_give_the_tier() {
        // `实施效果(20分)` is no tier this crate knows; `项目效益(20分)` after it is its
        // second label, which names the tier 效益.
        let text = "一级指标\n二级指标\n三级指标\n分值\n得分\n\
            实施效果(20分)\n项目效益(20分)\n社会效益\n10\n9\n";
        let doc = document(text);
        let rows: Vec<_> = doc
            .indicators()
            .map(|i| {
                (
                    i.name.as_str(),
                    i.tier,
                    i.tier_label.as_deref(),
                    i.category_label.as_deref(),
                    i.score,
                )
            })
            .collect();
        assert_eq!(
            rows,
            [(
                "社会效益",
                Some(crate::Tier::Benefit),
                Some("实施效果(20分)"),
                Some("项目效益(20分)"),
                points(9)
            )]
        );
    }

    #[test]
    fn a_short_text_before_a_category_is_a_label_where_rows_are_lost() {
        // Tiers in words this crate does not know, a cell per line: `前期准备` and `组织管理`
        // are the labels their categories file under, not names of rows of a name alone;
        // `正面支撑`, after a name, is that row's target before the next row's category.
        let text = "一级指标\n二级指标\n三级指标\n指标值\n分值\n得分\n\
            前期准备\n项目立项\n立项依据充分性\n充分\n3\n3\n\
            组织管理\n资金管理\n资金到位率\n100%\n5\n4\n\
            效益指标\n经济效益指标\n带动产业发展\n正面支撑\n社会效益指标\n服务保障民生\n有效\n10\n9\n";
        let doc = document(text);
        let rows: Vec<_> = doc
            .indicators()
            .map(|i| {
                (
                    i.name.as_str(),
                    i.tier_label.as_deref(),
                    i.category,
                    i.annual.raw(),
                    i.score,
                )
            })
            .collect();
        use crate::Category as C;
        assert_eq!(
            rows,
            [
                (
                    "立项依据充分性",
                    Some("前期准备"),
                    Some(C::Approval),
                    "充分",
                    points(3)
                ),
                (
                    "资金到位率",
                    Some("组织管理"),
                    Some(C::FundManagement),
                    "100%",
                    points(4)
                ),
                ("带动产业发展", None, Some(C::Economic), "正面支撑", None),
                ("服务保障民生", None, Some(C::Social), "有效", points(9)),
            ]
        );
    }

    #[test]
    fn a_weight_column_after_a_level_holds_the_levels_points() {
        // `一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值`: the indicator's weight is the
        // one after its name; the levels' points are text on the row that prints them, in
        // TSV and where rows are lost alike.
        let tsv = "一级指标\t分值\t二级指标\t分值\t三级指标\t分值\t得分\n\
            决策\t20\t项目立项\t5\t立项依据充分性\t3\t3\n\
            \t\t\t\t立项程序规范性\t2\t1\n";
        let lines = "一级指标\n分值\n二级指标\n分值\n三级指标\n分值\n得分\n\
            决策\n20\n项目立项\n5\n立项依据充分性\n3\n3\n立项程序规范性\n2\n1\n";
        for text in [tsv, lines] {
            let doc = document(text);
            let rows: Vec<_> = doc
                .indicators()
                .map(|i| (i.name.as_str(), i.weight, i.score, texts_of(i)))
                .collect();
            assert_eq!(
                rows,
                [
                    (
                        "立项依据充分性",
                        points(3),
                        points(3),
                        vec![("分值", "20"), ("分值", "5")]
                    ),
                    ("立项程序规范性", points(2), points(1), vec![]),
                ],
                "{text}"
            );
            assert!(doc.diagnostics.is_empty(), "{:?}", doc.diagnostics);
        }
    }

    #[test]
    fn points_tell_labels_and_names_in_any_words_where_rows_are_lost() {
        // `一级 | 分值 | 二级 | 分值 | 三级 | 分值 | 得分`, a cell per line: a tier in unknown
        // words, a category in a tier's words (`项目产出`) and names in a category's
        // (`产出数量`) are told by their points: one after a label, two after a name.
        let text = "一级指标\n分值\n二级指标\n分值\n三级指标\n分值\n得分\n\
            项目管理\n25\n资金到位\n5\n到位率\n3\n3\n到位时效\n2\n2\n\
            项目绩效\n55\n项目产出\n15\n产出数量\n5\n5\n产出质量\n4\n4\n";
        let doc = document(text);
        let rows: Vec<_> = doc
            .indicators()
            .map(|i| {
                (
                    i.tier_label.clone().or(i.tier.map(|t| t.name().to_owned())),
                    i.category_label.clone(),
                    i.name.as_str(),
                    i.weight,
                    i.score,
                )
            })
            .collect();
        let tier = |t: &str| Some(t.to_owned());
        assert_eq!(
            rows,
            [
                (
                    tier("项目管理"),
                    tier("资金到位"),
                    "到位率",
                    points(3),
                    points(3)
                ),
                (
                    tier("项目管理"),
                    tier("资金到位"),
                    "到位时效",
                    points(2),
                    points(2)
                ),
                (
                    tier("项目绩效"),
                    tier("项目产出"),
                    "产出数量",
                    points(5),
                    points(5)
                ),
                (
                    tier("项目绩效"),
                    tier("项目产出"),
                    "产出质量",
                    points(4),
                    points(4)
                ),
            ]
        );
    }

    #[test]
    fn wrapped_lines_as_wide_as_the_runs_go_on_their_cell() {
        // A PDF's text copied a line at a time: names wrapped at the cell's width (sixteen
        // columns here) are lines of their own. A line as wide as the run's wrapped lines
        // goes on with the next; a numbered name starts a cell whatever came before.
        let text = "一级指标\n二级指标\n三级指标\n指标值\n\
            产出指标\n数量指标\n脱贫村村内道路硬\n化里程\n≥100公里\n\
            脱贫户供水设施数\n量\n≥20座\n\
            质量指标\n项目工程验收合格\n率\n100%\n\
            指标4:设施维护责\n任落实到位\n落实\n指标5:不合格工程\n整改率\n100%\n";
        let rows = read_text(text);
        let expected = [
            ("脱贫村村内道路硬化里程", "≥100公里"),
            ("脱贫户供水设施数量", "≥20座"),
            ("项目工程验收合格率", "100%"),
            ("指标4:设施维护责任落实到位", "落实"),
            ("指标5:不合格工程整改率", "100%"),
        ];
        let got: Vec<(&str, &str)> = rows.iter().map(|(n, a)| (n.as_str(), a.as_str())).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn numbered_texts_start_a_cell() {
        for t in [
            "指标5:药品不良反应",
            "2.资金到位率",
            "3、验收合格率",
            "(1)培训人次",
            "（2）场次",
        ] {
            assert!(enumerated(t), "{t}");
        }
        for t in ["2020年全年", "100%", "指标", "率", "15万元"] {
            assert!(!enumerated(t), "{t}");
        }
    }

    #[test]
    fn a_row_that_fits_no_way_with_level_points_leaves_the_grid_read() {
        // A row of comparators fits no column: the run is read with the 分值 columns as the
        // indicators', as a grid without level points is, rather than not at all, and the
        // row is reported.
        let text = "| 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分 |\n\
            | ≥ | ≥ | ≥ | ≥ | ≥ | ≥ | ≥ |\n\
            | 决策 | 20 | 项目立项 | 5 | 立项依据充分性 | 3 | 3 |\n";
        let doc = document(text);
        let names: Vec<&str> = doc.indicators().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["立项依据充分性"]);
        assert!(
            doc.diagnostics
                .iter()
                .any(|d| d.code == DiagnosticCode::RowUnread && d.line == 2),
            "{:?}",
            doc.diagnostics
        );
    }

    #[test]
    fn a_markdown_rule_is_markup() {
        let text = "| 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分 |\n\
            |---|:---:|---|---|---|---|---|\n\
            | 决策 | 20 | 项目立项 | 5 | 立项依据充分性 | 3 | 3 |\n";
        let doc = document(text);
        let rows: Vec<_> = doc
            .indicators()
            .map(|i| (i.name.as_str(), i.weight, texts_of(i)))
            .collect();
        assert_eq!(
            rows,
            [(
                "立项依据充分性",
                points(3),
                vec![("分值", "20"), ("分值", "5")]
            )]
        );
        assert!(doc.diagnostics.is_empty(), "{:?}", doc.diagnostics);
    }

    #[test]
    fn a_category_said_again_without_its_suffix_is_the_same_category() {
        // `社会效益` after `社会效益指标` restates nothing: it labels the next row.
        let text = "一级指标\n二级指标\n三级指标\n指标值\n效益指标\n社会效益指标\n带动就业\n\
            ≥100人\n社会效益\n群众知晓率\n≥90%\n";
        let doc = document(text);
        let rows: Vec<_> = doc
            .indicators()
            .map(|i| (i.name.as_str(), i.category, i.annual.raw()))
            .collect();
        let social = Some(crate::Category::Social);
        assert_eq!(
            rows,
            [
                ("带动就业", social, "≥100人"),
                ("群众知晓率", social, "≥90%")
            ]
        );
    }

    #[test]
    fn other_words_for_the_category_in_force_name_an_indicator() {
        // `财务管理` is a category's name in the 2013 framework; under 资金管理, the same
        // category in the 2020 framework's words, it names an indicator.
        let text = "一级指标\n二级指标\n三级指标\n分值\n得分\n\
            过程\n资金管理\n资金到位率\n5\n5\n财务管理\n3\n2\n";
        let doc = document(text);
        let rows: Vec<_> = doc
            .indicators()
            .map(|i| (i.name.as_str(), i.category, i.weight, i.score))
            .collect();
        let c = Some(crate::Category::FundManagement);
        assert_eq!(
            rows,
            [
                ("资金到位率", c, points(5), points(5)),
                ("财务管理", c, points(3), points(2))
            ]
        );
    }

    #[test]
    fn an_explanation_after_the_weight_stays_on_its_row() {
        // 分值 before the texts, a cell per line: the explanation is no next row's name, and
        // a formula of a fact's words (`执行数/预算数`) no fact.
        let text = "一级指标\n二级指标\n三级指标\n分值\n指标解释\n评分标准\n得分\n\
                    过程\n资金管理\n资金到位率\n5\n到位资金/预算资金\n100%得5分\n5\n\
                    预算执行率\n5\n执行数/预算数\n100%得5分\n5\n\
                    产出\n产出数量\n实际完成率\n10\n完成数/计划数\n100%得10分\n9";
        let doc = document(text);
        let rows = scored(&doc);
        assert_eq!(
            rows.iter().map(|r| (r.0, r.2, r.3)).collect::<Vec<_>>(),
            [
                ("资金到位率", points(5), points(5)),
                ("预算执行率", points(5), points(5)),
                ("实际完成率", points(10), points(9)),
            ]
        );
        assert_eq!(
            rows[1].4,
            [("指标解释", "执行数/预算数"), ("评分标准", "100%得5分")]
        );
    }

    #[test]
    fn a_name_wrapped_onto_a_line_of_its_own_is_one_name_where_rows_are_lost() {
        let text = "一级指标\n二级指标\n三级指标\n指标性质\n指标值\n度量单位\n完成值\n权重\n得分\n\
                    效益指标\n可持续影响指标\n图书馆管理机制健\n全性\n定性\n好坏\n好坏\n5\n5\n\
                    满意度指标\n服务对象满意度指标\n活动参与人员满意\n度\n≥\n95\n%\n95\n5\n5";
        let doc = document(text);
        let names: Vec<&str> = doc.indicators().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["图书馆管理机制健全性", "活动参与人员满意度"]);
        assert!(doc.indicators().all(|i| i.weight == Some(Decimal::from(5))));
    }

    #[test]
    fn a_category_that_is_also_a_fact_is_the_grids_under_a_levels_header() {
        // 绩效目标 is a project's goal where it labels a fact, and a category of evaluation
        // tables: under a header with a 二级 column, its row is the grid's.
        let text: Vec<String> = EVALUATION.iter().map(|r| r.join(" | ")).collect();
        let doc = document(&text.join("\n"));
        let rows = scored(&doc);
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[1].0, "绩效目标合理性");
        assert_eq!(rows[1].1, Some(crate::Category::Goals));
        assert!(doc.indicators().all(|i| i.category.is_some()));
    }

    #[test]
    fn a_scoring_rule_goes_to_the_rules_column_and_rows_keep_their_points() {
        // A cell per line: an explanation fits a name as well as its column, and rows
        // without their points cost nothing but for the weight.
        let text: Vec<&str> = EVALUATION
            .iter()
            .flat_map(|r| r.iter().copied().filter(|c| !c.is_empty()))
            .collect();
        let doc = document(&text.join("\n"));
        let rows = scored(&doc);
        assert_eq!(
            rows.iter().map(|r| (r.0, r.2, r.3)).collect::<Vec<_>>(),
            [
                ("立项依据充分性", points(3), points(3)),
                ("绩效目标合理性", points(2), points(2)),
                ("实际完成率", points(10), points(9)),
                ("质量达标率", points(10), points(10)),
            ]
        );
        assert_eq!(
            rows[1].4,
            [("指标解释", "目标是否明确"), ("评分标准", "明确得2分")]
        );
        assert_eq!(
            rows[2].4,
            [("指标解释", "完成数/计划数"), ("评分标准", "100%得10分")]
        );
    }

    #[test]
    fn a_header_of_levels_without_names_names_them_in_its_last_level() {
        // 一级 holds the categories and 二级 the names: no 三级 column.
        let doc = document(
            "一级指标 | 二级指标 | 绩效标准 | 当年预期实现值\n\
             数量指标 | 大楼安检巡察次数 | 反映大楼保卫巡检情况 | 200次\n\
             质量指标 | 维修验收合格率 | 反映维修质量情况 | ≥92%",
        );
        let rows: Vec<_> = doc
            .indicators()
            .map(|i| {
                (
                    i.name.as_str(),
                    i.tier,
                    i.category,
                    i.tier_label.as_deref(),
                    i.annual.raw(),
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                (
                    "大楼安检巡察次数",
                    Some(crate::Tier::Output),
                    Some(crate::Category::Quantity),
                    Some("数量指标"),
                    "200次"
                ),
                (
                    "维修验收合格率",
                    Some(crate::Tier::Output),
                    Some(crate::Category::Quality),
                    Some("质量指标"),
                    "≥92%"
                ),
            ]
        );
        assert!(
            doc.diagnostics
                .iter()
                .all(|d| d.code != DiagnosticCode::LabelUnknown)
        );
    }

    #[test]
    fn a_dash_in_a_label_column_leaves_the_label_above() {
        let doc = document(
            "一级指标 二级指标 三级指标 指标值 分值 得分 未完成原因\n产出指标(50分)\n\
             数量指标 开放天数 300天 10 10\n完成值达到指标值,记满分。\n-\n\
             质量指标 开放率 100% 10 10\n-",
        );
        let levels: Vec<_> = doc
            .indicators()
            .map(|i| (i.name.as_str(), i.tier, i.category))
            .collect();
        assert_eq!(
            levels,
            [
                (
                    "开放天数",
                    Some(crate::Tier::Output),
                    Some(crate::Category::Quantity)
                ),
                (
                    "开放率",
                    Some(crate::Tier::Output),
                    Some(crate::Category::Quality)
                ),
            ]
        );
    }

    #[test]
    fn a_row_with_more_cells_than_columns_is_rows_whose_breaks_were_lost() {
        // A cell per line, rows closed by their collapsed empty cells (`| |`), but the first
        // row's closer missing: its cells and the next row's come as one row.
        let text = "一级指标 |\n二级指标 |\n三级指标 |\n指标值 | |\n产出指标 |\n数量指标 |\n\
                    猪肉产量稳定率 |\n≥95% |\n能繁母猪稳定率 |\n90% | ||\n质量指标 |\n合格率 |\n100% | ||";
        assert_eq!(
            read_text(text),
            [
                ("猪肉产量稳定率".to_owned(), "≥95%".to_owned()),
                ("能繁母猪稳定率".to_owned(), "90%".to_owned()),
                ("合格率".to_owned(), "100%".to_owned()),
            ]
        );
    }

    #[test]
    fn a_long_label_wrapped_onto_a_line_of_its_own_is_one_label() {
        // `服务对象满意度指` fills its column's line: `标` is its tail, not a name.
        let text = "一级指标\n二级指标\n三级指标\n指标值\n满意度指标\n服务对象满意度指\n标\n\
                    群众满意度\n≥90%";
        let doc = document(text);
        let read: Vec<(Option<crate::Category>, &str, &str)> = doc
            .indicators()
            .map(|i| (i.category, i.name.as_str(), i.annual.raw()))
            .collect();
        assert_eq!(
            read,
            [(Some(crate::Category::Satisfaction), "群众满意度", "≥90%")]
        );
    }

    #[test]
    fn a_label_on_a_page_laid_out_in_columns_goes_under_its_header() {
        // A label no word list knows (`效率(20分)`) fits the tier and the category column
        // alike: the column the page prints it under decides.
        let labels = |text: &str| -> Vec<(Option<String>, Option<String>)> {
            document(text)
                .indicators()
                .map(|i| (i.tier_label.clone(), i.category_label.clone()))
                .collect()
        };
        let head = "一级指标          二级指标          三级指标          自评分\n\
                    投入(20分)        目标设定(5分)     绩效目标合理性    2\n";
        let under_tier = format!("{head}效率(20分)        预算配置(5分)     在职人员控制率    5");
        let under_category =
            format!("{head}\x20                 预算配置(5分)     在职人员控制率    5");
        let some = |t: &str| Some(t.to_owned());
        assert_eq!(
            labels(&under_tier)[1],
            (some("效率(20分)"), some("预算配置(5分)"))
        );
        assert_eq!(
            labels(&under_category)[1],
            (some("投入(20分)"), some("预算配置(5分)"))
        );
        let lone = format!(
            "{head}\x20                 预算配置(5分)     在职人员控制率    5\n\
                            效率(30分)                          群众满意度        5"
        );
        assert_eq!(labels(&lone)[2].0, some("效率(30分)"));
        let lone = format!(
            "{head}\x20                 预算配置(5分)     在职人员控制率    5\n\
                            \x20                 效率(30分)        群众满意度        5"
        );
        assert_eq!(labels(&lone)[2], (some("投入(20分)"), some("效率(30分)")));
    }

    #[test]
    fn a_type_column_of_tiers_is_the_tier_column() {
        let text = "指标类型 | 指标名称 | 指标值 | 指标描述 |\n\
                    产出指标 | 数量指标 | 375万平方米 | 完成全市绿地养护 |\n\
                    质量指标 | 100% | 达到绿化绿地全覆盖 |\n\
                    满意度指标 | 受益者满意度指标 | ≥95% | 满意率95%以上 |";
        let doc = document(text);
        let tiers: Vec<Option<crate::Tier>> = doc.indicators().map(|i| i.tier).collect();
        assert_eq!(
            tiers,
            [
                Some(crate::Tier::Output),
                Some(crate::Tier::Output),
                Some(crate::Tier::Satisfaction)
            ]
        );
        assert_eq!(
            read_text(text),
            [
                ("数量指标".to_owned(), "375万平方米".to_owned()),
                ("质量指标".to_owned(), "100%".to_owned()),
                ("受益者满意度指标".to_owned(), "≥95%".to_owned()),
            ]
        );
        // A cell per line, where any cell may start a row and some placement always fits:
        // the cells tell.
        let lines = [
            "指标类型",
            "指标名称",
            "指标值",
            "指标描述",
            "产出指标",
            "数量指标",
            "375万平方米",
            "完成全市绿地养护",
            "质量指标",
            "100%",
            "达到绿化绿地全覆盖",
        ];
        let doc = document(&lines.join("\n"));
        let read: Vec<(Option<crate::Tier>, &str)> = doc
            .indicators()
            .map(|i| (i.tier, i.name.as_str()))
            .collect();
        assert_eq!(
            read,
            [
                (Some(crate::Tier::Output), "数量指标"),
                (Some(crate::Tier::Output), "质量指标")
            ]
        );
    }

    #[test]
    fn a_header_inside_a_row_starts_rows_of_its_own() {
        // The goal block, the header's two rows and the first indicator, run into one row.
        let text = "| 年度总体目标 | 预期目标 | 实际完成情况 | 改善体质 | 改善了体质 | 绩效指标 | \
                    年度指标值 | 实际完成值 | 分值 | 得分 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | \
                    指标值 | 度量单位 | 产出指标 | 数量指标 | 受资助人数 | ≧ | 735 | 人次 | 735 | 10 | 10 |\n\
                    | 质量指标 | 覆盖率 | ═ | 100 | % | 98% | 10 | 9 |";
        let doc = document(text);
        let rows: Vec<String> = doc
            .indicators()
            .map(|i| {
                let actual = i.actual.as_ref().map_or("", |a| a.raw());
                let number = |d: Option<Decimal>| d.map_or(String::new(), |d| d.to_string());
                let (w, s) = (number(i.weight), number(i.score));
                format!("{} {} {actual} {w} {s}", i.name, i.annual.raw())
            })
            .collect();
        assert_eq!(
            rows,
            ["受资助人数 ≧735人次 735 10 10", "覆盖率 ═100% 98% 10 9"]
        );
        let project = &doc.units[0].projects[0];
        assert_eq!(project.goal, "改善体质");
    }

    #[test]
    fn a_text_repeated_down_a_lost_run_is_no_name() {
        // One cell per paragraph; `计划标准` under 绩效标准 on every row.
        let cells = [
            "一级指标",
            "二级指标",
            "三级指标",
            "指标值",
            "绩效标准",
            "产出指标",
            "数量指标",
            "配备车辆数",
            "10",
            "计划标准",
            "风炮射程",
            "80M",
            "计划标准",
            "质量指标",
            "空气质量",
            "优良",
            "计划标准",
        ];
        let text = cells.join("\n\n");
        assert_eq!(
            read_text(&text),
            [
                ("配备车辆数".to_owned(), "10".to_owned()),
                ("风炮射程".to_owned(), "80M".to_owned()),
                ("空气质量".to_owned(), "优良".to_owned()),
            ]
        );
        let doc = document(&text);
        assert!(doc.indicators().all(|i| i.texts.len() == 1));
    }

    #[test]
    fn a_label_taken_from_below_is_said() {
        // The first rows' category was lost; the next one printed is carried up to them.
        let text = "一级指标 | 二级指标 | 三级指标 | 指标值 |\n\
                    新增特色产业数量 | ≥1个 |\n\
                    验收合格率 | 100% |\n\
                    时效指标 | 竣工时限 | 2021年9月 |";
        let doc = document(text);
        let said = said(&doc, DiagnosticCode::LabelFromBelow);
        assert_eq!(
            said,
            [(
                2,
                "this row prints no category: it takes «时效指标», printed below it"
            )]
        );
    }

    #[test]
    fn a_row_the_text_ends_inside_is_read_and_said() {
        let text = "一级指标 | 二级指标 | 三级指标 | 指标值 |\n\
                    产出指标 | 数量指标 | 受益人口数量 | 90人 |\n\
                    满意";
        assert_eq!(
            read_text(text),
            [
                ("受益人口数量".to_owned(), "90人".to_owned()),
                ("满意".to_owned(), String::new())
            ]
        );
        let doc = document(text);
        let said: Vec<usize> = said(&doc, DiagnosticCode::IndicatorIncomplete)
            .iter()
            .map(|s| s.0)
            .collect();
        assert_eq!(said, [3]);
    }

    #[test]
    fn rows_above_the_first_tier_take_it_only_where_it_may_be_theirs() {
        // The 产出 rows' tier was lost; 效益指标, printed below them, is not theirs.
        let text = "一级指标 | 二级指标 | 三级指标 | 指标值 |\n\
                    | 数量指标 | 抽验品种 | ≥3 |\n\
                    | 质量指标 | 抽检完成率 | 100% |\n\
                    效益指标 | 社会效益指标 | 群众安全感 | 提升 |";
        let doc = document(text);
        let tiers: Vec<(Option<crate::Tier>, Option<String>)> = doc
            .indicators()
            .map(|i| (i.tier, i.tier_label.clone()))
            .collect();
        assert_eq!(
            tiers,
            [
                (Some(crate::Tier::Output), None),
                (Some(crate::Tier::Output), None),
                (Some(crate::Tier::Benefit), None)
            ]
        );
    }

    #[test]
    fn a_reason_left_empty_is_the_reason_columns() {
        // A cell per paragraph: `无` under 偏差原因 ends each row, it starts none.
        let cells = [
            "一级指标",
            "三级指标",
            "年度指标值",
            "分值",
            "偏差原因分析及改进措施",
            "产出指标",
            "收容所面积",
            "≥200平方米",
            "10",
            "无",
            "围栏长度",
            "≥120米",
            "10",
            "无",
        ];
        assert_eq!(
            read_text(&cells.join("\n\n")),
            [
                ("收容所面积".to_owned(), "≥200平方米".to_owned()),
                ("围栏长度".to_owned(), "≥120米".to_owned()),
            ]
        );
    }

    #[test]
    fn a_header_cell_of_no_known_role_is_its_columns() {
        let tsv = "一级指标\t二级指标\t三级指标\t指标值\t指标值内容\t评(扣分标准)\t度量单位\n\
                   成本指标\t经济成本指标\t学生补助标准\t17\t反映用餐标准\t每少1元扣1分\t元/人";
        for text in [tsv.to_owned(), tsv.replace('\t', " | ")] {
            header_cell_of_no_known_role(&text);
        }
    }

    #[track_caller]
    fn header_cell_of_no_known_role(text: &str) {
        let doc = document(text);
        type Read<'a> = (&'a str, String, Vec<(&'a str, &'a str)>);
        let read: Vec<Read<'_>> = doc
            .indicators()
            .map(|i| {
                let texts = texts_of(i);
                (i.name.as_str(), i.annual.to_string(), texts)
            })
            .collect();
        assert_eq!(
            read,
            [(
                "学生补助标准",
                "17元/人".to_owned(),
                vec![
                    ("指标值内容", "反映用餐标准"),
                    ("评(扣分标准)", "每少1元扣1分")
                ]
            )]
        );
    }

    #[test]
    fn categories_in_unknown_words_are_told_by_their_points() {
        // An evaluation table, a cell per paragraph: each level with its points.
        let cells = [
            "一级指标",
            "分值",
            "二级指标",
            "分值",
            "三级指标",
            "分值",
            "得分",
            "项目决策",
            "20",
            "项目目标",
            "4",
            "目标内容",
            "4",
            "4",
            "决策过程",
            "8",
            "决策依据",
            "4",
            "4",
            "决策程序",
            "4",
            "3",
        ];
        let doc = document(&cells.join("\n\n"));
        let read: Vec<String> = doc
            .indicators()
            .map(|i| {
                let points = |d: Option<Decimal>| d.map_or("-".to_owned(), |d| d.to_string());
                let category = i.category_label.as_deref().unwrap_or("-");
                format!(
                    "{category} {} {} {}",
                    i.name,
                    points(i.weight),
                    points(i.score)
                )
            })
            .collect();
        assert_eq!(
            read,
            [
                "项目目标 目标内容 4 4",
                "决策过程 决策依据 4 4",
                "决策过程 决策程序 4 3"
            ]
        );
    }

    #[test]
    fn a_header_of_no_known_role_that_closes_its_bracket_is_whole() {
        let doc = document(
            "一级指标\n三级指标\n指标值\n评(扣分标准)\n度量单位\n\
             产出指标\n补助学生数量\n168\n发放到位得10分\n人\n",
        );
        let texts: Vec<Vec<(&str, &str)>> = doc.indicators().map(texts_of).collect();
        assert_eq!(texts, [vec![("评(扣分标准)", "发放到位得10分")]]);
    }

    #[test]
    fn a_label_of_both_levels_among_categories_is_a_category() {
        let levels = |text: &str| -> Vec<(Option<Tier>, Option<crate::Category>)> {
            document(text)
                .indicators()
                .map(|i| (i.tier, i.category))
                .collect()
        };
        use crate::Category as C;
        // 成本指标 on a row of its own after the output tier's categories is one of them.
        let text = "一级指标 | 二级指标 | 三级指标 | 指标值 | 分值 |\n\
                    产出指标 | 数量指标 | 宣传片 | 1部 | 10 |\n\
                    质量指标 | 专家评审 | 通过 | 10 |\n\
                    成本指标\n\
                    | 宣传片制作费 | 200万元 | 10 |\n";
        assert_eq!(levels(text)[2], (Some(Tier::Output), Some(C::Cost)));
        // Before a cost category and a name (the 2021 template) it is the cost tier.
        let text = "一级指标 | 二级指标 | 三级指标 | 指标值 | 分值 |\n\
                    产出指标 | 数量指标 | 宣传片 | 1部 | 10 |\n\
                    成本指标 | 经济成本指标 | 宣传片制作费 | 200万元 | 10 |\n";
        assert_eq!(levels(text)[1].0, Some(Tier::Cost));
        // A cost category's label where the name stands, before the values, is the name.
        let text = "一级指标 | 二级指标 | 三级指标 | 指标值类型 | 指标值 |\n\
                    产出指标 | 数量指标 | 支出安排金额 | 定量 | 28.8万元 |\n\
                    质量指标 | 支出到位率 | 定量 | 100% |\n\
                    成本指标 | 社会成本指标 | 定量 | 100% |\n";
        let doc = document(text);
        let last = doc
            .indicators()
            .last()
            .map(|i| (i.category, i.name.clone()));
        assert_eq!(last, Some((Some(C::Cost), "社会成本指标".to_owned())));
    }

    #[test]
    fn categories_under_a_name_column_are_names() {
        let text = "指标类型 | 指标名称 | 指标值 | 指标描述 |\n\
                    产出指标 | 数量指标 | 375万平方米 | 完成全市绿地养护 |\n\
                    时效指标 | 全年 | 全年 |\n\
                    效益指标 | 社会效益指标 | 是 | 满足市民需求 |\n";
        let doc = document(text);
        let read: Vec<(&str, &str)> = doc
            .indicators()
            .map(|i| (i.name.as_str(), i.annual.raw()))
            .collect();
        assert_eq!(
            read,
            [
                ("数量指标", "375万平方米"),
                ("时效指标", "全年"),
                ("社会效益指标", "是")
            ]
        );
        // Where no row prints a tier before a category, the tier column holds the
        // categories.
        let text = "一级指标 | 二级指标 | 指标值 |\n数量指标 | 维修次数 | 2280次 |\n\
                    质量指标 | 验收合格率 | 95% |\n";
        let read = names(text);
        assert_eq!(read, ["维修次数", "验收合格率"]);
    }

    #[test]
    fn a_lone_number_after_a_name_with_its_points_is_the_score() {
        let scores = |text: &str| -> Vec<(Option<Decimal>, Option<Decimal>)> {
            document(text)
                .indicators()
                .map(|i| (i.weight, i.score))
                .collect()
        };
        let d = |n: i64| Some(Decimal::from(n));
        // A self-evaluation, a cell per line: the second row prints only its score.
        let text = "一级指标\n三级指标\n分值\n得分\n决策(20分)\n相关性(5分)\n5\n4\n\
                    测算依据(5分)\n2\n";
        assert_eq!(scores(text), [(d(5), d(4)), (None, d(2))]);
        // A table that scores no row: the lone number is the weight.
        let text = "一级指标\n三级指标\n分值\n得分\n决策(20分)\n相关性(5分)\n5\n\
                    测算依据(5分)\n5\n";
        assert_eq!(scores(text), [(d(5), None), (d(5), None)]);
        // Cells in place say which column the number stands in.
        let text =
            "一级指标\t三级指标\t分值\t得分\n决策\t相关性(5分)\t5\t4\n\t测算依据(5分)\t5\t\n";
        assert_eq!(scores(text), [(d(5), d(4)), (d(5), None)]);
    }

    #[test]
    fn glued_numbers_that_may_hold_the_next_column_s_are_said() {
        let doc = document(
            "一级指标二级指标三级指标年度指标值实际完成值\n\
             产出指标数量指标培训人次≥34\n\
             质量指标验收合格率100%98%\n\
             时效指标完成及时率100%100%\n",
        );
        assert_eq!(doc.layout, Layout::Glued);
        let glued = said(&doc, DiagnosticCode::ValueGlued);
        assert_eq!(
            glued,
            [(
                2,
                "«≥34» is glued text: its number may hold the next columns' numbers, and this \
                 row's actual is empty where other rows print one; read as printed"
            )]
        );
        // Where no row prints an actual, an empty one says nothing.
        let doc =
            document("一级指标二级指标三级指标年度指标值实际完成值\n产出指标数量指标培训人次≥34\n");
        assert!(
            doc.diagnostics
                .iter()
                .all(|d| d.code != DiagnosticCode::ValueGlued)
        );
    }

    #[test]
    fn two_whole_headers_of_one_kind_are_two_columns_a_cell_per_line() {
        let cells = [
            "一级指标",
            "二级指标",
            "三级指标",
            "指标性质",
            "指标方向",
            "目标值",
            "计量单位",
            "分值",
            "产出指标",
            "数量指标",
            "出差人数",
            "正向",
            "=",
            "8",
            "4",
            "出差人次",
            "正向",
            "=",
            "24",
            "人/次",
            "4",
        ];
        assert_eq!(
            read_text(&cells.join("\n")),
            [
                ("出差人数".to_owned(), "=8".to_owned()),
                ("出差人次".to_owned(), "=24人/次".to_owned()),
            ]
        );
    }

    #[test]
    fn a_row_unsure_only_of_its_weight_or_score_is_read_that_cell_kept_as_text() {
        let cells = [
            "一级指标",
            "二级指标",
            "三级指标",
            "指标性质",
            "指标值",
            "度量单位",
            "自评得分",
            "复核得分",
            "产出指标",
            "数量指标",
            "设置及时率",
            "=",
            "100",
            "%",
            "5",
        ];
        let doc = document(&cells.join("\n"));
        let read: Vec<_> = doc
            .indicators()
            .map(|i| {
                let texts = texts_of(i);
                (
                    i.name.as_str(),
                    i.annual.to_string(),
                    i.weight,
                    i.score,
                    texts,
                )
            })
            .collect();
        assert_eq!(
            read,
            [(
                "设置及时率",
                "=100%".to_owned(),
                None,
                None,
                vec![("自评得分", "5")]
            )]
        );
        let codes: Vec<DiagnosticCode> = doc.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, [DiagnosticCode::CellAmbiguous]);
    }

    #[test]
    fn a_label_printed_vertically_a_character_a_cell_is_one_label() {
        let cells = [
            "一级指标",
            "二级指标",
            "三级指标",
            "指标值",
            "产",
            "出",
            "指",
            "标",
            "(50分)",
            "数量指标",
            "场次",
            "≥2场",
            "效",
            "益",
            "指",
            "标",
            "社会效益指标",
            "就业",
            "≥10人",
        ];
        for text in [cells.join("\n"), cells.join("\n\n")] {
            let doc = document(&text);
            let read: Vec<_> = doc
                .indicators()
                .map(|i| (i.tier, i.tier_label.clone(), i.name.clone()))
                .collect();
            assert_eq!(
                read,
                [
                    (
                        Some(Tier::Output),
                        Some("产出指标(50分)".to_owned()),
                        "场次".to_owned()
                    ),
                    (Some(Tier::Benefit), None, "就业".to_owned()),
                ]
            );
        }
    }

    #[test]
    fn labels_at_the_middle_of_their_cells_give_rows_too_far_below_one_to_the_next() {
        // 产出指标 at the middle of its five rows, 效益指标 of its five: the row before 效益指标
        // cannot be in 产出指标's cell, whose middle would then be lower.
        let names = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"];
        let mut text = "一级指标 | 三级指标 | 指标值 |\n".to_owned();
        for (r, name) in names.iter().enumerate() {
            let tier = match r {
                2 => "产出指标 | ",
                7 => "效益指标 | ",
                _ => "",
            };
            text.push_str(&format!("{tier}{name}完成率 | 100% |\n"));
        }
        let doc = document(&text);
        let tiers: Vec<Option<Tier>> = doc.indicators().map(|i| i.tier).collect();
        let (output, benefit) = (Some(Tier::Output), Some(Tier::Benefit));
        // 己 may be in either cell: it stays with the label above it.
        assert_eq!(
            tiers,
            [
                output, output, output, output, output, output, benefit, benefit, benefit, benefit
            ]
        );
        assert_eq!(
            from_below(&[None, Some("a".to_owned()), None], false),
            [false, false, false]
        );
        // Every placement of labels over up to ten rows: a row is only ever given to the
        // label below it, and a labelled row never.
        for n in 0..=10usize {
            for mask in 0u32..(1 << n) {
                let own: Vec<Option<String>> = (0..n)
                    .map(|r| (mask >> r & 1 == 1).then(|| "a".to_owned()))
                    .collect();
                let below = from_below(&own, true);
                assert_eq!(below.len(), n);
                for (r, b) in below.iter().enumerate() {
                    assert!(!b || own[r].is_none() && own[r..].iter().any(Option::is_some));
                }
            }
        }
    }

    #[test]
    fn a_dash_for_a_name_beside_a_nature_is_a_label_row_left_empty() {
        let text = "一级指标 | 二级指标 | 三级指标 | 指标值 | 度量单位 | 指标值类型 |\n\
                    成本指标 | 经济成本指标 | 补助标准 | 17 | 元 | 定量 |\n\
                    生态环境成本指标 | - | 定性 |\n产出指标 | 数量指标 | 人数 | 168 | 人 | 定量 |";
        let doc = document(text);
        let names: Vec<&str> = doc.indicators().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["补助标准", "人数"]);
        let empty = messages(&doc, DiagnosticCode::RowEmpty);
        assert_eq!(
            empty,
            ["a row with labels and no indicator: «生态环境成本指标 | - | 定性»"]
        );
    }

    #[test]
    fn a_core_column_says_yes_or_no() {
        let text = "一级指标 | 三级指标 | 指标值 | 分值 | 是否核心指标 |\n\
                    产出指标 | 预算完成率 | 100% | 2 | 是 |\n预算调整率 | 3% | 2 | 否 |";
        let doc = document(text);
        let read: Vec<(&str, bool)> = doc
            .indicators()
            .map(|i| (i.name.as_str(), i.core))
            .collect();
        assert_eq!(read, [("预算完成率", true), ("预算调整率", false)]);
    }

    #[test]
    fn a_cell_with_no_column_left_costs_its_row_not_the_grid() {
        // `良好` after the weight has only the score's column left, which takes numbers.
        let text = "一级指标 | 三级指标 | 指标值 | 分值 | 得分 |\n产出指标 | 场次 | ≥2场 | 5 | 5 |\n\
                    合格率 | 100% | 5 | 良好 |\n及时率 | 100% | 5 | 5 |";
        let doc = document(text);
        let names: Vec<&str> = doc.indicators().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["场次", "及时率"]);
        let unread: Vec<(usize, DiagnosticCode)> = doc
            .diagnostics
            .iter()
            .filter(|d| d.severity != crate::Severity::Info)
            .map(|d| (d.line, d.code))
            .collect();
        assert_eq!(unread, [(3, DiagnosticCode::RowUnread)]);
    }

    #[test]
    fn a_text_after_a_rows_values_is_its_explanation_not_a_name_without_values() {
        // Split cells a cell per line, an explanation after each row's unit: it ends the row
        // it follows rather than starting one with no target.
        let text = "一级指标\n二级指标\n三级指标\n指标值类型\n目标值\n度量单位\n指标值内容\n备注\n\
                    产出指标\n数量指标\n门面数量\n=\n9\n间数\n考察出租收入任务完成数\n\
                    时效指标\n按时交纳税费\n=\n1\n年\n交纳房产税";
        let doc = document(text);
        let read: Vec<(&str, String, Vec<&str>)> = doc
            .indicators()
            .map(|i| {
                let texts = i.texts.iter().map(|t| t.text.as_str()).collect();
                (i.name.as_str(), i.annual.to_string(), texts)
            })
            .collect();
        assert_eq!(
            read,
            [
                (
                    "门面数量",
                    "=9间数".to_owned(),
                    vec!["考察出租收入任务完成数"]
                ),
                ("按时交纳税费", "=1年".to_owned(), vec!["交纳房产税"]),
            ]
        );
        assert!(
            doc.diagnostics
                .iter()
                .all(|d| d.code != DiagnosticCode::RowAmbiguous)
        );
    }

    #[test]
    fn a_header_of_two_rows_a_cell_per_line_nests_its_second_row() {
        let cells = [
            "绩效指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
            "一级指标",
            "二级指标",
            "三级指标",
            "指标性质",
            "指标值",
            "度量单位",
            "产出指标",
            "数量指标",
            "受资助人数",
            "≧",
            "735",
            "人次",
            "735",
            "10",
            "10",
        ];
        let doc = document(&cells.join("\n"));
        let rows: Vec<String> = doc
            .indicators()
            .map(|i| {
                let actual = i.actual.as_ref().map_or("", |a| a.raw());
                let number = |d: Option<Decimal>| d.map_or(String::new(), |d| d.to_string());
                let (w, s) = (number(i.weight), number(i.score));
                format!("{} {} {actual} {w} {s}", i.name, i.annual.raw())
            })
            .collect();
        assert_eq!(rows, ["受资助人数 ≧735人次 735 10 10"]);
    }

    #[test]
    fn split_values_are_joined() {
        assert_eq!(join_split(Some("≥"), "95", Some("%")), "≥95%");
        assert_eq!(join_split(Some("="), "3500", Some("米")), "=3500米");
        assert_eq!(join_split(Some("≥"), "≥95%", Some("%")), "≥95%");
        assert_eq!(join_split(None, "100", Some("-")), "100");
        assert_eq!(join_split(Some("大于等于"), "98", Some("%")), "大于等于98%");
        assert_eq!(join_split(None, "优良中低差", Some("")), "优良中低差");
    }

    #[test]
    fn money_converts_between_units() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(convert(d("164"), "万元", "元"), Some(d("1640000")));
        assert_eq!(convert(d("3309840"), "元", "万元"), Some(d("330.984")));
        assert_eq!(convert(d("1"), "元", "元"), Some(d("1")));
        assert_eq!(convert(Decimal::MAX, "亿元", "元"), None);
        // No digit lost on the way: 28 decimals cannot take four more.
        assert_eq!(
            convert(d("0.0000000000000000000000000001"), "元", "万元"),
            None
        );
        assert_eq!(
            convert(d("7922816251426433759354395033.5"), "万元", "元"),
            None
        );
    }

    #[test]
    fn numbers_keep_every_digit_written_or_are_not_read() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(decimal("1,200.50"), Some(d("1200.50")));
        assert_eq!(decimal(" 95 "), Some(d("95")));
        assert_eq!(decimal("1.00000000000000000000000000001"), None);
        assert_eq!(decimal("99999999999999999999999999999999"), None);
        assert_eq!(decimal("9万"), None);
    }

    #[test]
    fn labelled_cells_split() {
        let pairs = split_labelled("填报单位:(盖章) 单位:万元").unwrap();
        assert_eq!(pairs.len(), 2);
        assert_eq!((pairs[1].0, pairs[1].2), (Fact::MoneyUnit, "万元"));
        assert!(split_labelled("指标1:安置小区物业费").is_none());
        assert!(split_labelled("目标1:聘用人员").is_none());
    }

    #[test]
    fn header_groups_split() {
        let top = [
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "指标值",
            "指标标准或依据",
        ];
        let sub = ["2021年实际实现值", "预期2022年实现值"];
        assert_eq!(
            split_group(&top, &sub),
            [
                "绩效指标",
                "一级指标",
                "二级指标",
                "三级指标",
                "2021年实际实现值",
                "预期2022年实现值",
                "指标标准或依据"
            ]
        );
        // A horizon's own header does not split into what follows it: the header wrapped.
        let top = ["一级指标", "三级指标", "年度 指标值"];
        assert_eq!(
            split_group(&top, &["实际 完成值"]),
            ["一级指标", "三级指标", "年度 指标值", "实际 完成值"]
        );
        // Its target's parts it splits into.
        assert_eq!(
            split_group(&top, &["计算符号", "指标值", "计量单位"]),
            ["一级指标", "三级指标", "计算符号", "指标值", "计量单位"]
        );
        let run = [
            "一级指标",
            "二级指标",
            "三级指标",
            "指标值",
            "备注",
            "年度",
            "长期",
        ];
        assert_eq!(
            regroup_run(&run),
            ["一级指标", "二级指标", "三级指标", "年度", "长期", "备注"]
        );
    }

    /// Labels of every kind a row carries: names, printed forms, codes, weights, spaced and
    /// traditional characters, other words, values and empty text.
    const LABELS: &[&str] = &[
        "产出指标",
        "数量指标",
        "产 出 指 标",
        " 效益指标 ",
        "1-产出指标",
        "12-质量指标",
        "一、产出指标(50分)",
        "產出指標",
        "成本指标(0-20)分",
        "(50分)",
        "社会效益",
        "项目效益",
        "实施效果",
        "满意度",
        "绩效目标",
        "维修面积",
        "≥90%",
        "",
        " ",
        "12",
    ];

    #[test]
    fn a_labels_levels_read_once_are_what_resolving_it_finds() {
        let grids = [];
        let mut builder = Builder::new(&grids);
        for round in 0..2 {
            for text in LABELS {
                let read = builder.levels_of(text);
                assert_eq!(read.tier, resolve::<Tier>(text), "{text} ({round})");
                assert_eq!(read.category, resolve::<Category>(text), "{text} ({round})");
                assert_eq!(
                    read.wordless,
                    crate::taxonomy::Label::read(text).core.trim().is_empty(),
                    "{text} ({round})"
                );
                assert_eq!(
                    builder.level_label(text, read, |r| r.tier, Tier::name),
                    level_label::<Tier>(text, Tier::name),
                    "{text} ({round})"
                );
                assert_eq!(
                    builder.level_label(text, read, |r| r.category, Category::name),
                    level_label::<Category>(text, Category::name),
                    "{text} ({round})"
                );
            }
        }
    }

    #[test]
    fn only_a_text_that_may_start_a_money_header_is_folded_to_see() {
        for text in [
            "年初",
            "全年",
            "执行",
            "预算",
            "年 初",
            "（一）年初",
            "1.预算",
            "預算",
            "執行",
            "全年：",
            "★执行",
            "年初(万元)",
            "预算数",
            "初",
            "年",
            "执行率",
            "维修面积",
            "≥90%",
            "",
            "产出指标",
            "(年初)",
        ] {
            if starts_money(&fold(text)) {
                assert!(may_start_money(text), "{text}");
            }
        }
        assert!(!may_start_money("维修面积"));
    }

    /// [`fill_levels`] as it was before it read each printed tier once: the reference it is
    /// held to.
    fn fill_levels_reference(
        rows: &[Row<'_>],
        columns: &[Column],
        under_header: bool,
    ) -> Vec<OwnedLevels> {
        let own_tiers: Vec<Option<String>> = rows
            .iter()
            .map(|r| row_own(r, columns, Role::Tier).map(str::to_owned))
            .collect();
        let own_categories: Vec<Option<String>> = rows
            .iter()
            .map(|r| row_own(r, columns, Role::Category).map(str::to_owned))
            .collect();
        let first_category = own_categories.iter().flatten().next().cloned();
        // Labels printed at the middle of their merged cells: the rows that must take the label
        // below them.
        // The sign is the first run under a header whose first row prints the column empty,
        // which others print: a merged cell's label stands lower than its first row. (A later
        // run may go on with a cell of the run above.)
        let starts_empty = |own: &[Option<String>]| {
            under_header
                && own.first().is_some_and(Option::is_none)
                && own.iter().any(Option::is_some)
        };
        let tier_below = from_below(&own_tiers, starts_empty(&own_tiers));
        let category_below = from_below(&own_categories, starts_empty(&own_categories));
        // The next own category at or below each row, for the rows that take it.
        let mut next_category: Vec<Option<&str>> = vec![None; rows.len()];
        let mut next: Option<&str> = None;
        for r in (0..rows.len()).rev() {
            if let Some(own) = &own_categories[r] {
                next = Some(own.as_str());
            }
            next_category[r] = next;
        }
        // The category each row has, carried down (or up, where it must), for choosing between
        // tiers.
        let mut categories: Vec<Option<Category>> = Vec::with_capacity(rows.len());
        let mut carried: Option<Category> = None;
        for (r, own) in own_categories.iter().enumerate() {
            if let Some(text) = own {
                carried = resolve(text);
            } else if category_below[r] {
                carried = next_category[r].and_then(resolve);
            }
            categories.push(carried);
        }
        // The next own tier at or below each row (borrowed from `own_tiers`).
        let mut below: Vec<Option<&str>> = vec![None; rows.len()];
        let mut next: Option<&str> = None;
        for r in (0..rows.len()).rev() {
            if let Some(own) = &own_tiers[r] {
                next = Some(own.as_str());
            }
            below[r] = next;
        }
        let admits = |tier: Option<&str>, category: Option<Category>| -> bool {
            let (Some(tier), Some(category)) = (tier.and_then(resolve::<Tier>), category) else {
                return false;
            };
            tier.admits(category)
        };
        // Whether the tier below a row may be its own: not 效益指标 for a 数量指标 row.
        let fits_below = |r: usize| {
            categories[r].is_none()
                || below[r].and_then(resolve::<Tier>).is_none()
                || admits(below[r], categories[r])
        };
        // The first row with a category of its own: the rows before it take the first category.
        let first_own_category = own_categories.iter().position(Option::is_some);
        let mut out = Vec::with_capacity(rows.len());
        let mut above: Option<String> = None;
        for r in 0..rows.len() {
            let tier = if own_tiers[r].is_some() {
                above = own_tiers[r].clone();
                own_tiers[r].clone()
            } else if tier_below[r] && fits_below(r) {
                below[r].map(str::to_owned)
            } else if above.is_none() {
                // Rows above the first tier printed take it where it may be theirs: not 效益指标
                // for a 数量指标 row, whose tier was lost rather than printed below.
                if fits_below(r) {
                    below[r].map(str::to_owned)
                } else {
                    None
                }
            } else if !admits(above.as_deref(), categories[r]) && admits(below[r], categories[r]) {
                below[r].map(str::to_owned)
            } else {
                above.clone()
            };
            let category = if first_own_category.is_none_or(|first| first > r) {
                first_category.clone()
            } else {
                None
            };
            out.push((
                tier,
                category,
                category_below[r]
                    .then(|| next_category[r].map(str::to_owned))
                    .flatten(),
            ));
        }
        out
    }

    /// A row's [`Levels`], owned: what the reference gives.
    type OwnedLevels = (Option<String>, Option<String>, Option<String>);

    #[test]
    fn levels_filled_with_tiers_read_once_are_the_references() {
        // TSV rows keep their places: empty cells are merged labels, filled or carried.
        let tables = [
            "一级指标\t二级指标\t三级指标\t指标值\n\t数量指标\t面积\t≥400平方米\n产出指标\t\t合格率\t100%\n\t质量指标\t达标率\t≥98%\n效益指标\t社会效益\t就业\t≥10人\n\t\t满意度\t≥90%\n\t数量指标\t场次\t≥2场",
            "一级指标\t二级指标\t三级指标\t指标值\n\t\t面积\t≥400平方米\n\t社会效益指标\t就业\t≥10人\n效益指标\t\t收入\t≥5%\n\t\t满意度\t≥90%\n满意度指标\t服务对象满意度指标\t满意度\t≥90%",
            "一级指标\t二级指标\t三级指标\t指标值\n实施效果\t项目效益\t就业\t≥10人\n\t数量指标\t场次\t≥2场\n(50分)\t质量指标\t合格率\t100%\n\t\t达标\t是",
        ];
        for text in tables {
            let grid = Grid::from_text(text).expect("a grid");
            let grids = [grid];
            let (toks, _, _) = flatten(&grids);
            let end = toks
                .iter()
                .skip(1)
                .position(|t| t.row_start)
                .map_or(0, |p| p + 1);
            let header: Vec<&str> = toks[..end].iter().map(Tok::t).collect();
            let columns = columns_of(&header);
            let rows = positional_rows(&toks[end..], columns.len());
            assert!(rows.len() >= 4 && columns.len() == 4, "{text}");
            for under_header in [false, true] {
                let tuples = |levels: Vec<Levels<'_>>| -> Vec<OwnedLevels> {
                    let owned = |t: Option<&str>| t.map(str::to_owned);
                    levels
                        .into_iter()
                        .map(|l| (owned(l.tier), owned(l.category), owned(l.category_below)))
                        .collect()
                };
                assert_eq!(
                    tuples(fill_levels(&rows, &columns, under_header)),
                    fill_levels_reference(&rows, &columns, under_header),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn pinyin_annotations_are_taken_out() {
        assert_eq!(strip_pinyin("指標(biāo)值").as_deref(), Some("指標值"));
        assert_eq!(
            strip_pinyin("產(chǎn)出(50分)").as_deref(),
            Some("產出(50分)")
        );
        assert_eq!(strip_pinyin("人数(人)"), None);
        assert_eq!(strip_pinyin("服务(service)"), None);
        assert_eq!(strip_pinyin("((("), None);
        // Every tone mark pinyin is read with has a lead byte the first test lets through.
        for c in "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü".chars() {
            let mut bytes = [0; 4];
            let lead = c.encode_utf8(&mut bytes).as_bytes()[0];
            assert!((0xC3..=0xC7).contains(&lead), "{c}");
        }
        assert_eq!(strip_pinyin("指(zhǐ)").as_deref(), Some("指"));
        assert_eq!(strip_pinyin("ü指(zhi)"), None);
    }

    #[test]
    fn codes_leave_names() {
        assert_eq!(
            strip_code("[015001]武汉市青山区教育局"),
            "武汉市青山区教育局"
        );
        assert_eq!(
            strip_code("(433)乌海市供销合作社联合社(部门)"),
            "乌海市供销合作社联合社(部门)"
        );
    }

    #[test]
    fn years_from_lines() {
        assert_eq!(year_line("(2022年度)"), Some(2022));
        assert_eq!(year_line("2020年度)"), Some(2020));
        assert_eq!(year_line("2023年12月"), None);
        assert_eq!(year_line(" ( 2021 年度 ) "), Some(2021));
        assert_eq!(year_line("2021年度项目绩效目标"), None);
    }

    #[test]
    fn a_page_s_own_words_after_the_grid_are_reported_and_a_note_is_kept() {
        let text = "一级指标\n\n三级指标\n\n指标值\n\n产出指标\n\n场次\n\n≥2场\n\n\
                    注:单位为次\n\n扫一扫在手机打开当前页\n";
        let doc: Document = text.parse().unwrap();
        let project = &doc.units[0].projects[0];
        assert_eq!(project.indicators.len(), 1);
        let details: Vec<(&str, &str)> = project
            .details
            .iter()
            .map(|d| (d.header.as_str(), d.text.as_str()))
            .collect();
        assert_eq!(details, vec![("注:单位为次", "")]);
        let skipped = messages(&doc, DiagnosticCode::LayoutSkipped);
        assert_eq!(
            skipped,
            vec!["text outside the grid skipped: «扫一扫在手机打开当前页»"]
        );
    }
}

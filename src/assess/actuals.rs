//! Actual values (实际完成值), by project position or name and indicator number or name, as
//! people write them; read from a CSV file with the header `project,indicator,actual`.

use super::{AssessError, AssessErrorKind};
use crate::lang::{Msg, msg};
use crate::{Lang, Project, Quantity};
use core::str::FromStr;
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};

/// What is known of one indicator's result.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) actual: Option<String>,
    pub(crate) baseline: Option<Quantity>,
    pub(crate) weight: Option<Decimal>,
}

/// Where a row of actual values points: a position (a project's from 1, an indicator's
/// number) or a name as the table prints it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Key<N> {
    At(N),
    Named(String),
}

/// A row that names its project or its indicator, placed when the document is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NamedRow {
    project: Key<usize>,
    /// `None` for the amount the project executed.
    indicator: Option<Key<u32>>,
    entry: Entry,
    executed: Option<Decimal>,
    line: Option<usize>,
}

/// The actual values of a document's indicators, and the amounts each project executed.
///
/// Projects are numbered from 1 in the order of the document; indicators by their number
/// within the project. Either may be named instead, as the table prints it
/// ([`set_named`](Actuals::set_named), or a name in the CSV's `project` or `indicator`
/// column); a name is placed when the document is scored, and one that names no project or
/// indicator, or several, is a note of the [`Assessment`](crate::Assessment), not a guess.
/// Actual values are text as people write them (`3.2小时`, `1.2亿元`, `96.5%`, `达成年度指标`),
/// read by the same grammar as the targets.
///
/// ```
/// use jixiao::Actuals;
/// use jixiao::Decimal;
///
/// let mut actuals = Actuals::default();
/// actuals.set(1, 2, "96.5%").set_budget(1, Decimal::from(760));
/// assert_eq!(actuals.actual(1, 2), Some("96.5%"));
/// assert_eq!(actuals.budget(1), Some(Decimal::from(760)));
///
/// let from_csv: Actuals = "project,indicator,actual\n1,2,96.5%\n1,budget,760".parse()?;
/// assert_eq!(from_csv, actuals);
/// # Ok::<(), jixiao::AssessError>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Actuals {
    indicators: BTreeMap<(usize, u32), Entry>,
    budgets: BTreeMap<usize, Decimal>,
    /// The CSV line each indicator's row (`Some(seq)`) or budget row (`None`) was read
    /// from, to say where a row the document has no place for is.
    lines: BTreeMap<(usize, Option<u32>), usize>,
    /// Rows keyed by a name, in the order given.
    named: Vec<NamedRow>,
}

/// Two sets of actual values are equal when they hold the same values, wherever they were
/// read from.
impl PartialEq for Actuals {
    fn eq(&self, other: &Actuals) -> bool {
        let rows = |a: &Actuals| {
            a.named
                .iter()
                .map(|r| {
                    (
                        r.project.clone(),
                        r.indicator.clone(),
                        r.entry.clone(),
                        r.executed,
                    )
                })
                .collect::<Vec<_>>()
        };
        self.indicators == other.indicators
            && self.budgets == other.budgets
            && rows(self) == rows(other)
    }
}

impl Eq for Actuals {}

impl Actuals {
    /// Sets an indicator's actual value.
    ///
    /// ```
    /// let mut a = jixiao::Actuals::default();
    /// a.set(3, 1, "达成年度指标");
    /// assert_eq!(a.actual(3, 1), Some("达成年度指标"));
    /// ```
    pub fn set(&mut self, project: usize, indicator: u32, actual: impl Into<String>) -> &mut Self {
        self.entry(project, indicator).actual = Some(actual.into());
        self
    }

    /// Sets the actual value of an indicator named as the table prints it, in a project named
    /// so; spaces and the width of brackets do not matter. The names are placed when the
    /// document is scored.
    ///
    /// ```
    /// use jixiao::{assess, Actuals, AssessConfig, Document};
    ///
    /// let doc: Document =
    ///     std::fs::read_to_string("tests/data/selfeval_anhui_xiaoxian_2023.txt")?.parse()?;
    /// let mut actuals = Actuals::default();
    /// // Overrides the 90人 the table states.
    /// actuals.set_named("河西村特色种养补贴到户项目", "受益人口数量", "81人");
    /// let scores = assess(&doc, &actuals, &AssessConfig::default());
    /// let row = scores.projects[0].indicators.iter().find(|i| i.name == "受益人口数量").unwrap();
    /// assert_eq!(row.actual.as_deref(), Some("81人"));
    /// assert_eq!(row.score.to_string(), "9.00");
    /// assert!(scores.notes.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn set_named(
        &mut self,
        project: &str,
        indicator: &str,
        actual: impl Into<String>,
    ) -> &mut Self {
        let (project, indicator) = (
            Key::Named(project.to_owned()),
            Some(Key::Named(indicator.to_owned())),
        );
        let actual = Some(actual.into());
        match self
            .named
            .iter_mut()
            .find(|r| r.project == project && r.indicator == indicator)
        {
            Some(row) => row.entry.actual = actual,
            None => self.named.push(NamedRow {
                project,
                indicator,
                entry: Entry {
                    actual,
                    ..Entry::default()
                },
                executed: None,
                line: None,
            }),
        }
        self
    }

    /// Sets the baseline a relative target is measured against (上年度's value, the budget).
    ///
    /// ```
    /// let mut a = jixiao::Actuals::default();
    /// a.set_baseline(18, 5, "1200亿元".parse()?);
    /// assert_eq!(a.baseline(18, 5).map(|q| q.to_string()).as_deref(), Some("1200亿元"));
    /// # Ok::<(), jixiao::TargetError>(())
    /// ```
    pub fn set_baseline(
        &mut self,
        project: usize,
        indicator: u32,
        baseline: Quantity,
    ) -> &mut Self {
        self.entry(project, indicator).baseline = Some(baseline);
        self
    }

    /// Sets an indicator's weight, out of 100, instead of an even share of its tier's.
    ///
    /// ```
    /// use jixiao::Decimal;
    ///
    /// let mut a = jixiao::Actuals::default();
    /// a.set_weight(1, 1, Decimal::from(30));
    /// assert_eq!(a.weight(1, 1), Some(Decimal::from(30)));
    /// ```
    pub fn set_weight(&mut self, project: usize, indicator: u32, weight: Decimal) -> &mut Self {
        self.entry(project, indicator).weight = Some(weight);
        self
    }

    /// Sets the amount a project executed, in the table's money unit.
    ///
    /// ```
    /// use jixiao::Decimal;
    ///
    /// let mut a = jixiao::Actuals::default();
    /// a.set_budget(2, Decimal::new(11000, 1));
    /// assert_eq!(a.budget(2).map(|d| d.to_string()).as_deref(), Some("1100.0"));
    /// ```
    pub fn set_budget(&mut self, project: usize, executed: Decimal) -> &mut Self {
        self.budgets.insert(project, executed);
        self
    }

    /// An indicator's actual value.
    ///
    /// ```
    /// assert_eq!(jixiao::Actuals::default().actual(1, 1), None);
    /// ```
    #[must_use]
    pub fn actual(&self, project: usize, indicator: u32) -> Option<&str> {
        self.get(project, indicator)?.actual.as_deref()
    }

    /// The baseline of an indicator's relative target.
    ///
    /// ```
    /// assert!(jixiao::Actuals::default().baseline(1, 1).is_none());
    /// ```
    #[must_use]
    pub fn baseline(&self, project: usize, indicator: u32) -> Option<&Quantity> {
        self.get(project, indicator)?.baseline.as_ref()
    }

    /// An indicator's weight, where one was given.
    ///
    /// ```
    /// assert!(jixiao::Actuals::default().weight(1, 1).is_none());
    /// ```
    #[must_use]
    pub fn weight(&self, project: usize, indicator: u32) -> Option<Decimal> {
        self.get(project, indicator)?.weight
    }

    /// The amount a project executed.
    ///
    /// ```
    /// assert!(jixiao::Actuals::default().budget(1).is_none());
    /// ```
    #[must_use]
    pub fn budget(&self, project: usize) -> Option<Decimal> {
        self.budgets.get(&project).copied()
    }

    /// How many indicators and budgets have values.
    ///
    /// ```
    /// let a: jixiao::Actuals = "project,indicator,actual\n1,1,5\n1,budget,3".parse()?;
    /// assert_eq!(a.len(), 2);
    /// # Ok::<(), jixiao::AssessError>(())
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.indicators.len() + self.budgets.len() + self.named.len()
    }

    /// Whether there are no values at all.
    ///
    /// ```
    /// assert!(jixiao::Actuals::default().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub(crate) fn get(&self, project: usize, indicator: u32) -> Option<&Entry> {
        self.indicators.get(&(project, indicator))
    }

    /// Every project and indicator given a value (`None` for a budget), with the CSV line it
    /// was read from.
    pub(crate) fn keys(&self) -> impl Iterator<Item = (usize, Option<u32>, Option<usize>)> + '_ {
        let indicators = self.indicators.keys().map(|&(p, i)| (p, Some(i)));
        let budgets = self.budgets.keys().map(|&p| (p, None));
        indicators
            .chain(budgets)
            .map(|(p, i)| (p, i, self.lines.get(&(p, i)).copied()))
    }

    fn entry(&mut self, project: usize, indicator: u32) -> &mut Entry {
        self.indicators.entry((project, indicator)).or_default()
    }

    /// These values with every named row placed in the document, and a note for each row
    /// that names no project or indicator, or several, or a place already given a value.
    /// Each project's indicators are indexed once, so that many rows take linear time.
    pub(crate) fn placed(&self, projects: &[&Project]) -> (Cow<'_, Actuals>, Vec<Msg>) {
        if self.named.is_empty() {
            return (Cow::Borrowed(self), Vec::new());
        }
        let mut placed = self.clone();
        placed.named.clear();
        let mut notes = Vec::new();
        let mut by_name: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (n, project) in projects.iter().enumerate() {
            by_name.entry(fold(&project.name)).or_default().push(n + 1);
        }
        let mut indicators: BTreeMap<usize, BTreeMap<String, Vec<u32>>> = BTreeMap::new();
        for row in &self.named {
            let at = row.line.map_or_else(String::new, |l| format!("line {l}: "));
            let at_zh = row.line.map_or_else(String::new, |l| format!("第{l}行："));
            let position = match &row.project {
                Key::At(p) => *p,
                Key::Named(name) => match by_name.get(&fold(name)).map(Vec::as_slice) {
                    Some([p]) => *p,
                    Some(several) => {
                        notes.push(msg!(
                            "{at}{} projects are named «{name}» (positions {}): give the position; its value is not scored",
                            "{at_zh}有{}个项目名为「{name}」（序号{}）：请填写项目序号；此值未评分",
                            several.len(),
                            list(several)
                        ));
                        continue;
                    }
                    None => {
                        notes.push(msg!(
                            "{at}no project is named «{name}»: its value is not scored",
                            "{at_zh}没有名为「{name}」的项目：此值未评分"
                        ));
                        continue;
                    }
                },
            };
            let Some(project) = position.checked_sub(1).and_then(|i| projects.get(i)) else {
                notes.push(msg!(
                    "{at}project {position} is not in the document, which has {} projects: its value is not scored",
                    "{at_zh}表中没有第{position}个项目（共{}个项目）：此值未评分",
                    projects.len()
                ));
                continue;
            };
            let seq = match &row.indicator {
                None => None,
                Some(Key::At(seq)) => Some(*seq),
                Some(Key::Named(name)) => {
                    let names = indicators.entry(position).or_insert_with(|| {
                        let mut names: BTreeMap<String, Vec<u32>> = BTreeMap::new();
                        for i in &project.indicators {
                            names.entry(fold(&i.name)).or_default().push(i.seq);
                        }
                        names
                    });
                    match names.get(&fold(name)).map(Vec::as_slice) {
                        Some([seq]) => Some(*seq),
                        Some(several) => {
                            notes.push(msg!(
                                "{at}project {position} «{}» has {} indicators named «{name}» (numbers {}): give the number; its value is not scored",
                                "{at_zh}第{position}个项目「{}」有{}项名为「{name}」的指标（序号{}）：请填写指标序号；此值未评分",
                                project.name,
                                several.len(),
                                list(several)
                            ));
                            continue;
                        }
                        None => {
                            notes.push(msg!(
                                "{at}project {position} «{}» has no indicator named «{name}»: its value is not scored",
                                "{at_zh}第{position}个项目「{}」没有名为「{name}」的指标：此值未评分",
                                project.name
                            ));
                            continue;
                        }
                    }
                }
            };
            let given_twice = match seq {
                None => placed.budgets.contains_key(&position),
                Some(seq) => placed.indicators.contains_key(&(position, seq)),
            };
            if given_twice {
                let what = seq.map_or_else(|| "budget".to_owned(), |s| format!("indicator {s}"));
                let what_zh = seq.map_or_else(|| "预算执行".to_owned(), |s| format!("第{s}项指标"));
                let by_position = match seq {
                    None => self.budgets.contains_key(&position),
                    Some(seq) => self.indicators.contains_key(&(position, seq)),
                };
                let (other, other_zh) = if by_position {
                    ("by position too", "也按序号")
                } else {
                    ("by an earlier name too", "也按前面的名称")
                };
                notes.push(msg!(
                    "{at}project {position} {what} is given a value {other}: that one is kept",
                    "{at_zh}第{position}个项目的{what_zh}{other_zh}填写了数值：保留那一个"
                ));
                continue;
            }
            match (seq, row.executed) {
                (None, Some(executed)) => {
                    placed.budgets.insert(position, executed);
                }
                (None, None) => {}
                (Some(seq), _) => {
                    placed.indicators.insert((position, seq), row.entry.clone());
                }
            }
            if let Some(line) = row.line {
                placed.lines.insert((position, seq), line);
            }
        }
        (Cow::Owned(placed), notes)
    }
}

/// A name as compared: without spaces, brackets of either width.
fn fold(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            c => c,
        })
        .collect()
}

fn list<N: ToString>(numbers: &[N]) -> String {
    numbers
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A `project` field: a position from 1, else a name; a number that is no position is an
/// error.
fn project_key(field: &str) -> Result<Key<usize>, Msg> {
    match field.parse::<usize>() {
        Ok(p) if p >= 1 => Ok(Key::At(p)),
        _ if field.is_empty() || looks_numeric(field) => Err(msg!(
            "project {field:?} is no position from 1, nor a name",
            "项目{field:?}既不是从1起的序号，也不是名称"
        )),
        _ => Ok(Key::Named(field.to_owned())),
    }
}

/// An `indicator` field: a number from 1, else a name; `None` for the budget.
fn indicator_key(field: &str) -> Result<Option<Key<u32>>, Msg> {
    if matches!(field, "budget" | "预算" | "预算执行") {
        return Ok(None);
    }
    match field.parse::<u32>() {
        Ok(s) if s >= 1 => Ok(Some(Key::At(s))),
        _ if field.is_empty() || looks_numeric(field) => Err(msg!(
            "indicator {field:?} is no number from 1, nor a name, nor budget",
            "指标{field:?}既不是从1起的序号，也不是名称或budget（预算）"
        )),
        _ => Ok(Some(Key::Named(field.to_owned()))),
    }
}

/// Whether a field is written as a number (`0`, `-2`, `1.5`), not as a name.
fn looks_numeric(field: &str) -> bool {
    field
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | '.'))
}

/// The columns the CSV may have.
const COLUMNS: [&str; 5] = ["project", "indicator", "actual", "baseline", "weight"];

/// A decimal written plainly (`12`, `12.5`, `-3`, `1,200.50`), read only where every digit
/// written is kept: `Decimal`'s parser rounds away what it cannot hold.
fn exact_decimal(text: &str) -> Option<Decimal> {
    let plain = text.replace(',', "");
    let digits = plain.strip_prefix('-').unwrap_or(&plain);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let well_formed = !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
        && (frac.is_empty() != digits.contains('.'));
    if !well_formed {
        return None;
    }
    Decimal::from_str(&plain)
        .ok()
        .filter(|d| usize::try_from(d.scale()).is_ok_and(|s| s == frac.len()))
}

impl FromStr for Actuals {
    type Err = AssessError;

    /// Reads a CSV file (RFC 4180, read by the `csv` crate) with the header
    /// `project,indicator,actual`, and optionally `baseline` and `weight` columns: `project`
    /// is the project's 1-based position in the document or its name, `indicator` its number
    /// or name, or `budget` for the amount executed (in the table's money unit). An empty
    /// actual is no actual.
    ///
    /// Every row must have the header's fields (a field with a comma is quoted), each column
    /// is named once, a weight is from 0 to 100 and an amount executed is no negative number;
    /// otherwise the error says which line and why.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let text = s.strip_prefix('\u{feff}').unwrap_or(s);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut rows = reader.records();
        let row_error = |line: u64, why: Msg| {
            AssessError::new(
                AssessErrorKind::Row,
                Msg::new(
                    format!("line {line}: {}", why.en),
                    format!("第{line}行：{}", why.zh),
                ),
            )
        };
        let read = |row: Option<Result<csv::StringRecord, csv::Error>>| match row {
            None => Ok(None),
            Some(Ok(record)) => Ok(Some(record)),
            Some(Err(e)) => {
                let line = e.position().map_or(0, csv::Position::line);
                Err(row_error(line, msg!("not CSV: {e}", "不是CSV：{e}")))
            }
        };
        // Lines of nothing but spaces are no rows.
        let blank = |r: &csv::StringRecord| r.len() == 1 && r[0].trim().is_empty();
        let mut next = || -> Result<Option<csv::StringRecord>, AssessError> {
            loop {
                match read(rows.next())? {
                    Some(r) if blank(&r) => continue,
                    other => return Ok(other),
                }
            }
        };
        let Some(header) = next()? else {
            return Err(AssessError::new(
                AssessErrorKind::Header,
                msg!(
                    "no header: expected project,indicator,actual",
                    "没有表头：应为project,indicator,actual"
                ),
            ));
        };
        let header: Vec<String> = header.iter().map(|h| h.trim().to_lowercase()).collect();
        if let Some(unknown) = header.iter().find(|h| !COLUMNS.contains(&h.as_str())) {
            return Err(AssessError::new(
                AssessErrorKind::Header,
                msg!(
                    "unknown column {unknown:?}: expected project,indicator,actual[,baseline][,weight]",
                    "无法识别的列{unknown:?}：应为project,indicator,actual[,baseline][,weight]"
                ),
            ));
        }
        if let Some(twice) = COLUMNS
            .iter()
            .find(|c| header.iter().filter(|h| h == c).count() > 1)
        {
            return Err(AssessError::new(
                AssessErrorKind::Header,
                msg!(
                    "the column {twice:?} is named twice in the header",
                    "表头中{twice:?}列出现了两次"
                ),
            ));
        }
        let column = |name: &str| header.iter().position(|h| h == name);
        let (Some(project_at), Some(indicator_at), Some(actual_at)) =
            (column("project"), column("indicator"), column("actual"))
        else {
            return Err(AssessError::new(
                AssessErrorKind::Header,
                msg!(
                    "the header {:?} lacks project, indicator or actual",
                    "表头{:?}缺少project、indicator或actual列",
                    header.join(",")
                ),
            ));
        };
        let (baseline_at, weight_at) = (column("baseline"), column("weight"));
        let mut actuals = Actuals::default();
        let mut named = HashSet::new();
        while let Some(fields) = next()? {
            let line = fields.position().map_or(0, csv::Position::line);
            let bad = |why: Msg| row_error(line, why);
            if fields.len() != header.len() {
                return Err(bad(msg!(
                    "{} fields where the header has {} ({}): a field with a comma is quoted",
                    "本行有{}个字段，表头有{}个（{}）：含逗号的字段须加引号",
                    fields.len(),
                    header.len(),
                    header.join(",")
                )));
            }
            let field = |at: Option<usize>| {
                at.and_then(|i| fields.get(i))
                    .map(str::trim)
                    .filter(|f| !f.is_empty())
            };
            let project = project_key(field(Some(project_at)).unwrap_or("")).map_err(bad)?;
            let indicator = indicator_key(field(Some(indicator_at)).unwrap_or("")).map_err(bad)?;
            let actual = field(Some(actual_at));
            let line = usize::try_from(line).unwrap_or(usize::MAX);
            let mut entry = Entry {
                actual: actual.map(str::to_owned),
                ..Entry::default()
            };
            let mut executed = None;
            if indicator.is_none() {
                let Some(actual) = actual else { continue };
                let amount = exact_decimal(actual).ok_or_else(|| {
                    bad(msg!(
                        "the amount executed {actual:?} is no number",
                        "执行数{actual:?}不是数字"
                    ))
                })?;
                if amount.is_sign_negative() && !amount.is_zero() {
                    return Err(bad(msg!(
                        "the amount executed {actual:?} is negative",
                        "执行数{actual:?}为负数"
                    )));
                }
                executed = Some(amount);
            } else {
                if let Some(baseline) = field(baseline_at) {
                    entry.baseline = Some(baseline.parse().map_err(|e: crate::TargetError| {
                        bad(Msg::new(
                            format!("baseline {baseline:?}: {e}"),
                            format!("基期值{baseline:?}：{}", e.message_in(Lang::Zh)),
                        ))
                    })?);
                }
                if let Some(weight) = field(weight_at) {
                    let w = exact_decimal(weight).ok_or_else(|| {
                        bad(msg!(
                            "weight {weight:?} is no number",
                            "权重{weight:?}不是数字"
                        ))
                    })?;
                    if !(Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&w) {
                        return Err(bad(msg!(
                            "weight {weight} is not from 0 to 100",
                            "权重{weight}不在0到100之间"
                        )));
                    }
                    entry.weight = Some(w);
                }
            }
            match (project, indicator) {
                (Key::At(project), None) => {
                    if actuals.budgets.contains_key(&project) {
                        return Err(bad(msg!(
                            "project {project}'s budget is given twice",
                            "第{project}个项目的预算执行数填写了两次"
                        )));
                    }
                    if let Some(amount) = executed {
                        actuals.budgets.insert(project, amount);
                    }
                    actuals.lines.insert((project, None), line);
                }
                (Key::At(project), Some(Key::At(seq))) => {
                    if actuals.indicators.contains_key(&(project, seq)) {
                        return Err(bad(msg!(
                            "project {project} indicator {seq} is given twice",
                            "第{project}个项目第{seq}项指标填写了两次"
                        )));
                    }
                    actuals.indicators.insert((project, seq), entry);
                    actuals.lines.insert((project, Some(seq)), line);
                }
                (project, indicator) => {
                    if !named.insert((project.clone(), indicator.clone())) {
                        return Err(bad(msg!(
                            "this project and indicator are given twice",
                            "该项目和指标填写了两次"
                        )));
                    }
                    actuals.named.push(NamedRow {
                        project,
                        indicator,
                        entry,
                        executed,
                        line: Some(line),
                    });
                }
            }
        }
        Ok(actuals)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn error(text: &str) -> String {
        text.parse::<Actuals>().unwrap_err().to_string()
    }

    #[test]
    fn csv_fields_may_be_quoted() {
        let a: Actuals =
            "project,indicator,actual\r\n1,1,\"1,300家\"\r\n\n  \n1,2,\"a \"\"b\"\"\nc\"\n"
                .parse()
                .expect("reads");
        assert_eq!(a.actual(1, 1), Some("1,300家"));
        assert_eq!(a.actual(1, 2), Some("a \"b\"\nc"));
        assert_eq!(a.len(), 2);
        let a: Actuals = "\u{feff}project,indicator,actual\n1,1,5"
            .parse()
            .expect("reads");
        assert_eq!(a.actual(1, 1), Some("5"));
    }

    #[test]
    fn rows_must_have_the_header_s_fields() {
        assert_eq!(
            error("project,indicator,actual\n1,4,1,300家"),
            "line 2: 4 fields where the header has 3 (project,indicator,actual): a field with a comma is quoted"
        );
        assert_eq!(
            error("project,indicator,actual\n1,1,5\n1,4"),
            "line 3: 2 fields where the header has 3 (project,indicator,actual): a field with a comma is quoted"
        );
        assert_eq!(
            error("project,indicator,actual,actual\n1,1,5,6"),
            "the column \"actual\" is named twice in the header"
        );
        assert_eq!(
            error("project,indicator,Project,actual\n1,1,2,6"),
            "the column \"project\" is named twice in the header"
        );
    }

    #[test]
    fn weights_and_amounts_must_be_numbers_in_range() {
        let with_weight = |w: &str| format!("project,indicator,actual,weight\n1,1,5,{w}");
        assert_eq!(
            error(&with_weight("1000")),
            "line 2: weight 1000 is not from 0 to 100"
        );
        assert_eq!(
            error(&with_weight("-500")),
            "line 2: weight -500 is not from 0 to 100"
        );
        assert_eq!(
            error(&with_weight("1e2")),
            "line 2: weight \"1e2\" is no number"
        );
        assert_eq!(
            error(&with_weight("9.9999999999999999999999999999")),
            "line 2: weight \"9.9999999999999999999999999999\" is no number"
        );
        let a: Actuals = with_weight("12.5").parse().expect("reads");
        assert_eq!(a.weight(1, 1), Some(Decimal::new(125, 1)));
        assert_eq!(
            error("project,indicator,actual\n1,budget,-5"),
            "line 2: the amount executed \"-5\" is negative"
        );
        let a: Actuals = "project,indicator,actual\n1,budget,\"1,200.50\""
            .parse()
            .expect("reads");
        assert_eq!(a.budget(1), Some(Decimal::new(120050, 2)));
    }

    #[test]
    fn optional_columns_are_read() {
        let a: Actuals = "Project,Indicator,Actual,Baseline,Weight\n2,3,1.2亿元,1亿元,12\n2,4,,,\n"
            .parse()
            .expect("reads");
        assert_eq!(a.actual(2, 3), Some("1.2亿元"));
        assert_eq!(
            a.baseline(2, 3).map(|q| q.to_string()).as_deref(),
            Some("1亿元")
        );
        assert_eq!(a.weight(2, 3), Some(Decimal::from(12)));
        assert_eq!(a.actual(2, 4), None);
    }

    #[test]
    fn errors_say_which_line_and_why() {
        assert_eq!(error(""), "no header: expected project,indicator,actual");
        assert_eq!(
            error("project,seq,actual"),
            "unknown column \"seq\": expected project,indicator,actual[,baseline][,weight]"
        );
        assert_eq!(
            error("project,actual"),
            "the header \"project,actual\" lacks project, indicator or actual"
        );
        assert_eq!(
            error("project,indicator,actual\n0,1,5"),
            "line 2: project \"0\" is no position from 1, nor a name"
        );
        assert_eq!(
            error("project,indicator,actual\n1,-2,5"),
            "line 2: indicator \"-2\" is no number from 1, nor a name, nor budget"
        );
        assert_eq!(
            error("project,indicator,actual\n服务贸易专题,x,5\n服务贸易专题,x,6"),
            "line 3: this project and indicator are given twice"
        );
        assert_eq!(
            error("project,indicator,actual\n1,1,5\n1,1,6"),
            "line 3: project 1 indicator 1 is given twice"
        );
        assert_eq!(
            error("project,indicator,actual\n1,budget,很多"),
            "line 2: the amount executed \"很多\" is no number"
        );
        assert_eq!(
            error("project,indicator,actual\n1,\"2,5"),
            "line 2: 2 fields where the header has 3 (project,indicator,actual): a field with a comma is quoted"
        );
    }
}

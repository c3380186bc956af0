//! Actual values (实际完成值), by project position and indicator number, as people write
//! them; read from a CSV file with the header `project,indicator,actual`.

use super::{AssessError, AssessErrorKind};
use crate::Quantity;
use core::str::FromStr;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// What is known of one indicator's result.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) actual: Option<String>,
    pub(crate) baseline: Option<Quantity>,
    pub(crate) weight: Option<Decimal>,
}

/// The actual values of a document's indicators, and the amounts each project executed.
///
/// Projects are numbered from 1 in the order of the document (names repeat); indicators by
/// their number within the project. Actual values are text as people write them (`3.2小时`,
/// `1.2亿元`, `96.5%`, `达成年度指标`), read by the same grammar as the targets.
///
/// ```
/// use jixiao::Actuals;
/// use rust_decimal::Decimal;
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
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Actuals {
    indicators: BTreeMap<(usize, u32), Entry>,
    budgets: BTreeMap<usize, Decimal>,
}

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
    /// use rust_decimal::Decimal;
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
    /// use rust_decimal::Decimal;
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
    pub fn actual(&self, project: usize, indicator: u32) -> Option<&str> {
        self.get(project, indicator)?.actual.as_deref()
    }

    /// The baseline of an indicator's relative target.
    ///
    /// ```
    /// assert!(jixiao::Actuals::default().baseline(1, 1).is_none());
    /// ```
    pub fn baseline(&self, project: usize, indicator: u32) -> Option<&Quantity> {
        self.get(project, indicator)?.baseline.as_ref()
    }

    /// An indicator's weight, where one was given.
    ///
    /// ```
    /// assert!(jixiao::Actuals::default().weight(1, 1).is_none());
    /// ```
    pub fn weight(&self, project: usize, indicator: u32) -> Option<Decimal> {
        self.get(project, indicator)?.weight
    }

    /// The amount a project executed.
    ///
    /// ```
    /// assert!(jixiao::Actuals::default().budget(1).is_none());
    /// ```
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
    pub fn len(&self) -> usize {
        self.indicators.len() + self.budgets.len()
    }

    /// Whether there are no values at all.
    ///
    /// ```
    /// assert!(jixiao::Actuals::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub(crate) fn get(&self, project: usize, indicator: u32) -> Option<&Entry> {
        self.indicators.get(&(project, indicator))
    }

    fn entry(&mut self, project: usize, indicator: u32) -> &mut Entry {
        self.indicators.entry((project, indicator)).or_default()
    }
}

/// The fields of a CSV text, with the line each record starts on (RFC 4180: fields in double
/// quotes may hold commas, quotes doubled, and line breaks).
fn records(text: &str) -> Result<Vec<(usize, Vec<String>)>, AssessError> {
    let mut out = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut line = 1;
    let mut start = 1;
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => {
                if c == '\n' {
                    line += 1;
                }
                field.push(c);
            }
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => fields.push(core::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                fields.push(core::mem::take(&mut field));
                out.push((start, core::mem::take(&mut fields)));
                line += 1;
                start = line;
            }
            (false, c) => field.push(c),
        }
    }
    if quoted {
        return Err(AssessError::new(
            AssessErrorKind::Row,
            format!("line {start}: a quoted field is not closed"),
        ));
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        out.push((start, fields));
    }
    out.retain(|(_, f)| !(f.len() == 1 && f[0].trim().is_empty()));
    Ok(out)
}

impl FromStr for Actuals {
    type Err = AssessError;

    /// Reads a CSV file with the header `project,indicator,actual`, and optionally `baseline`
    /// and `weight` columns: `project` is the project's 1-based position in the document,
    /// `indicator` its number, or `budget` for the amount executed (in the table's money
    /// unit). An empty actual is no actual.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let text = s.strip_prefix('\u{feff}').unwrap_or(s);
        let mut rows = records(text)?.into_iter();
        let Some((_, header)) = rows.next() else {
            return Err(AssessError::new(
                AssessErrorKind::Header,
                "no header: expected project,indicator,actual",
            ));
        };
        let header: Vec<String> = header.iter().map(|h| h.trim().to_lowercase()).collect();
        let column = |name: &str| header.iter().position(|h| h == name);
        let known = ["project", "indicator", "actual", "baseline", "weight"];
        if let Some(unknown) = header.iter().find(|h| !known.contains(&h.as_str())) {
            return Err(AssessError::new(
                AssessErrorKind::Header,
                format!(
                    "unknown column {unknown:?}: expected project,indicator,actual[,baseline][,weight]"
                ),
            ));
        }
        let (Some(project_at), Some(indicator_at), Some(actual_at)) =
            (column("project"), column("indicator"), column("actual"))
        else {
            return Err(AssessError::new(
                AssessErrorKind::Header,
                format!(
                    "the header {:?} lacks project, indicator or actual",
                    header.join(",")
                ),
            ));
        };
        let (baseline_at, weight_at) = (column("baseline"), column("weight"));
        let mut actuals = Actuals::default();
        for (line, fields) in rows {
            let bad =
                |why: String| AssessError::new(AssessErrorKind::Row, format!("line {line}: {why}"));
            let field = |at: Option<usize>| {
                at.and_then(|i| fields.get(i))
                    .map(|f| f.trim())
                    .filter(|f| !f.is_empty())
            };
            let project: usize = field(Some(project_at))
                .and_then(|p| p.parse().ok())
                .filter(|p| *p >= 1)
                .ok_or_else(|| {
                    bad(format!(
                        "project {:?} is no position from 1",
                        field(Some(project_at)).unwrap_or("")
                    ))
                })?;
            let indicator = field(Some(indicator_at)).unwrap_or("");
            let actual = field(Some(actual_at));
            if matches!(indicator, "budget" | "预算" | "预算执行") {
                let Some(actual) = actual else { continue };
                let executed = Decimal::from_str(&actual.replace(',', ""))
                    .map_err(|_| bad(format!("the amount executed {actual:?} is no number")))?;
                if actuals.budgets.insert(project, executed).is_some() {
                    return Err(bad(format!("project {project}'s budget is given twice")));
                }
                continue;
            }
            let seq: u32 = indicator.parse().ok().filter(|s| *s >= 1).ok_or_else(|| {
                bad(format!(
                    "indicator {indicator:?} is no number from 1, nor budget"
                ))
            })?;
            if actuals.indicators.contains_key(&(project, seq)) {
                return Err(bad(format!(
                    "project {project} indicator {seq} is given twice"
                )));
            }
            let entry = actuals.entry(project, seq);
            entry.actual = actual.map(str::to_owned);
            if let Some(baseline) = field(baseline_at) {
                entry.baseline = Some(
                    baseline
                        .parse()
                        .map_err(|e| bad(format!("baseline {baseline:?}: {e}")))?,
                );
            }
            if let Some(weight) = field(weight_at) {
                entry.weight = Some(
                    Decimal::from_str(weight)
                        .map_err(|_| bad(format!("weight {weight:?} is no number")))?,
                );
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
        let r = records("a,\"b,c\",\"d\"\"e\"\n\"f\ng\",h\r\n\n").expect("reads");
        assert_eq!(r[0], (1, vec!["a".into(), "b,c".into(), "d\"e".into()]));
        assert_eq!(r[1], (2, vec!["f\ng".into(), "h".into()]));
        assert_eq!(r.len(), 2);
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
            "line 2: project \"0\" is no position from 1"
        );
        assert_eq!(
            error("project,indicator,actual\n1,x,5"),
            "line 2: indicator \"x\" is no number from 1, nor budget"
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
            "line 2: a quoted field is not closed"
        );
    }
}

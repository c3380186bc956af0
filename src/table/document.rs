//! Assembling a document from its layout: rows become funding units and projects, bodies
//! become goals and indicators, amounts become resolved funding.

use super::funding::{Money, UnitMoney, resolve};
use super::layout::{Block, Layout};
use super::{Document, Project, TableError, TableErrorKind, Unit};
use crate::indicator::{TargetCache, read_body};
use crate::{Diagnostic, DiagnosticCode};
use core::str::FromStr;

impl FromStr for Document {
    type Err = TableError;

    /// Parses the text of a table as pdftotext prints it.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        parse(text)
    }
}

/// Whether a character may appear in a table's text: no control characters beyond tabs,
/// line ends and form feeds (page breaks).
fn is_text(c: char) -> bool {
    !c.is_control() || matches!(c, '\t' | '\n' | '\r' | '\u{c}')
}

/// The first control character that is no text, found over bytes: C0 controls and DEL are
/// single bytes, C1 controls are C2 80 to C2 9F.
fn first_control(text: &str) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    // Most text has none of these bytes at all: a scan that can run wide comes first.
    let suspect =
        |b: u8| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f || b == 0xc2;
    // Chunks without an early exit inside let the compiler test many bytes at once.
    let clean = bytes
        .chunks(32)
        .all(|chunk| !chunk.iter().fold(false, |found, &b| found | suspect(b)));
    if clean {
        return None;
    }
    let at = bytes.iter().enumerate().position(|(i, &b)| {
        (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
            || b == 0x7f
            || (b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
    })?;
    let c = text[at..].chars().next()?;
    (!is_text(c)).then_some((at, c))
}

/// The year of the title: the first four digits before 年, from 1900 to 2199.
fn year_of(title: &str) -> Option<u16> {
    let bytes = title.as_bytes();
    title.match_indices('年').find_map(|(at, _)| {
        let start = at.checked_sub(4)?;
        let digits = bytes.get(start..at)?;
        let before_is_digit = start > 0 && bytes[start - 1].is_ascii_digit();
        if before_is_digit || !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let year: u16 = title.get(start..at)?.parse().ok()?;
        (1900..=2199).contains(&year).then_some(year)
    })
}

fn parse(text: &str) -> Result<Document, TableError> {
    if text.trim().is_empty() {
        return Err(TableError::new(
            TableErrorKind::Empty,
            "empty text: no table",
        ));
    }
    if let Some((at, c)) = first_control(text) {
        return Err(TableError::new(
            TableErrorKind::NotText,
            format!("not text: control character {c:?} at byte {at}"),
        ));
    }
    let layout = Layout::read(text);
    if layout.blocks.is_empty() {
        return Err(TableError::new(
            TableErrorKind::NotATable,
            "no 项目支出绩效目标表: no row ends with its amounts (总计, 财政拨款 …)",
        ));
    }
    let Layout {
        title,
        department,
        money_unit,
        total,
        blocks,
        mut diagnostics,
    } = layout;
    let title = Some(title).filter(|t| !t.is_empty());
    let year = title.as_deref().and_then(year_of);

    // Rows become units and projects: indented rows are projects where the table indents at
    // all; otherwise a row with nothing under it, before another row, is a unit.
    let any_indented = blocks.iter().any(|b| b.row.indented);
    let count = blocks.len();
    let mut groups: Vec<(Option<Block>, Vec<Block>)> = Vec::new();
    for (index, block) in blocks.into_iter().enumerate() {
        let is_unit = if any_indented {
            !block.row.indented
        } else {
            block.body.is_empty() && index + 1 < count
        };
        if is_unit {
            if !block.body.is_empty() {
                let (line, column) = block.body.position(0);
                diagnostics.push(Diagnostic::new(
                    DiagnosticCode::TextUnparsed,
                    format!(
                        "text under the unit «{}», before its first project: «{}»",
                        block.row.name, block.body.text
                    ),
                    line,
                    column,
                ));
            }
            groups.push((Some(block), Vec::new()));
        } else {
            match groups.last_mut() {
                Some((_, projects)) => projects.push(block),
                None => groups.push((None, vec![block])),
            }
        }
    }

    // Money: each row's columns, settled by the sums.
    let total_money = total.as_ref().map(|a| Money::new("合计", a));
    let only_group = groups.len() == 1;
    let mut money: Vec<UnitMoney> = groups
        .iter()
        .map(|(unit, projects)| {
            let project_money: Vec<Money> = projects
                .iter()
                .map(|p| Money::new(&p.row.name, &p.row.amounts))
                .collect();
            let unit_money = match (unit, &total) {
                (Some(u), _) => Money::new(&u.row.name, &u.row.amounts),
                // Projects with no unit row above them: the department is their unit, and
                // the 合计 its subtotal where it is the only one.
                (None, Some(total)) if only_group => {
                    Money::new(department.as_deref().unwrap_or("合计"), total)
                }
                (None, _) => Money::sum(department.as_deref().unwrap_or(""), &project_money),
            };
            UnitMoney {
                unit: unit_money,
                projects: project_money,
            }
        })
        .collect();
    let (total_money, money_diagnostics) = resolve(total_money, &mut money);
    diagnostics.extend(money_diagnostics);
    if total.is_none() {
        diagnostics.push(Diagnostic::new(
            DiagnosticCode::TotalMissing,
            "the table has no 合计 row",
            1,
            1,
        ));
    }

    // Bodies: goals and indicators.
    let mut records = 0usize;
    let mut units = Vec::with_capacity(groups.len());
    let mut cache = TargetCache::default();
    for ((unit, blocks), money) in groups.iter().zip(money) {
        let mut projects = Vec::with_capacity(blocks.len());
        for (block, project_money) in blocks.iter().zip(&money.projects) {
            let body = read_body(&block.body, &mut cache);
            records += body.indicators.len()
                + body
                    .diagnostics
                    .iter()
                    .filter(|d| d.code == DiagnosticCode::IndicatorUnsplit)
                    .count();
            diagnostics.extend(body.diagnostics);
            projects.push(Project {
                name: block.row.name.clone(),
                funding: project_money.funding(),
                goal: body.lead,
                indicators: body.indicators,
                line: Some(block.row.line),
            });
        }
        units.push(Unit {
            name: unit.as_ref().map_or_else(
                || department.clone().unwrap_or_default(),
                |u| u.row.name.clone(),
            ),
            funding: money.unit.funding(),
            projects,
            line: unit.as_ref().map(|u| u.row.line),
        });
    }
    if records == 0 {
        return Err(TableError::new(
            TableErrorKind::NotATable,
            "no 项目支出绩效目标表: no indicator records (1、1-产出指标；…)",
        ));
    }
    diagnostics.sort_by_key(|d| (d.line, d.column));
    Ok(Document {
        title,
        department,
        year,
        money_unit,
        funding: total_money.map(|m| m.funding()).unwrap_or_default(),
        units,
        diagnostics,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_come_from_the_title() {
        assert_eq!(year_of("广州市商务局2024年项目支出绩效目标表"), Some(2024));
        assert_eq!(year_of("某局12024年"), None);
        assert_eq!(year_of("某局2024-2025年"), Some(2025));
        assert_eq!(year_of("年度"), None);
    }

    #[test]
    fn control_characters_are_not_text() {
        assert!(is_text('\u{c}') && is_text('\t') && is_text('中'));
        assert!(!is_text('\u{0}') && !is_text('\u{1b}'));
        assert_eq!(first_control("表\u{85}x"), Some((3, '\u{85}')));
        assert_eq!(first_control("表\u{7f}"), Some((3, '\u{7f}')));
        assert_eq!(first_control("表\t\u{c}é"), None);
        let err = parse("标题\u{0}").unwrap_err();
        assert_eq!(err.kind(), TableErrorKind::NotText);
        assert_eq!(
            err.to_string(),
            "not text: control character '\\0' at byte 6"
        );
    }

    #[test]
    fn a_table_without_units_takes_the_department_as_its_unit() {
        let text = "某局2025年项目支出绩效目标表\n部门名称：某局 单位：万元\n合计 10.00 10.00\n\
                    甲项目 10.00 10.00\n目标。\n1、1-产出指标；11-数量指标；场次；实施周期指标值:≥2场；年度指标值:≥1场。\n";
        let doc = parse(text).expect("a table");
        assert_eq!(doc.units.len(), 1);
        assert_eq!(doc.units[0].name, "某局");
        assert_eq!(doc.units[0].line, None);
        assert_eq!(doc.units[0].projects[0].name, "甲项目");
        assert_eq!(doc.year, Some(2025));
    }
}

//! The run-on layout of Guangzhou's budget system, as pdftotext prints it: rows that end with
//! their amounts, and under each project its goal and its indicator records
//! (`1、1-产出指标；11-数量指标；…；年度指标值:…。`).
//!
//! `layout` finds the rows, names and page breaks; `funding` proves the money columns by the
//! sums; `records` reads the indicator records; this module assembles the document.

mod few;
mod funding;
mod layout;
pub(crate) mod records;
mod trim;

use crate::lang::msg;
use crate::{
    Diagnostic, DiagnosticCode, Document, FundingUnit, Layout, Project, Scope, TableError,
    TableErrorKind, TableKind,
};
use funding::{Money, UnitMoney, resolve_into};
use layout::Outline;
use records::{TargetCache, Wrapped, body_is_empty, read_body};

/// The year of the title: the first four digits before 年, from 1900 to 2199.
pub(crate) fn year_of(title: &str) -> Option<u16> {
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

/// Reads a run-on table from text already checked to be text.
pub(crate) fn parse(text: &str) -> Result<Document, TableError> {
    let layout = Outline::read(text);
    if layout.blocks.is_empty() {
        return Err(TableError::new(
            TableErrorKind::NotATable,
            msg!(
                "no 项目支出绩效目标表: no row ends with its amounts (总计, 财政拨款 …)",
                "不是项目支出绩效目标表：没有以金额（总计、财政拨款……）结尾的行"
            ),
        ));
    }
    let Outline {
        title,
        department,
        money_unit,
        total,
        mut blocks,
        mut diagnostics,
        lines,
        ..
    } = layout;
    // The lines of a block's body, which are joined into one buffer body after body.
    let body_lines = |block: &layout::Block| lines.get(block.lines.clone()).unwrap_or_default();
    // The buffer the bodies are joined into, sized once for the largest (a body joins its
    // lines without their ends, and is no longer than they are).
    let (most_bytes, most_lines) = blocks.iter().fold((0, 0), |(bytes, count), block| {
        let lines = body_lines(block);
        let len = lines.iter().map(|(_, l)| l.len()).sum::<usize>();
        (bytes.max(len), count.max(lines.len()))
    });
    let mut joined = Wrapped::with_room(most_bytes, most_lines);
    let title = Some(title).filter(|t| !t.is_empty());
    let year = title.as_deref().and_then(year_of);

    // Rows become units and projects: indented rows are projects where the table indents at
    // all; otherwise a row with nothing under it, before another row, is a unit.
    let any_indented = blocks.iter().any(|b| b.row.indented);
    let count = blocks.len();
    // Each group is its unit's block, if any, and the range of its projects' blocks, which
    // follow it: the blocks stay in place, in one buffer.
    let mut groups: Vec<(Option<usize>, core::ops::Range<usize>)> = Vec::new();
    for (index, block) in blocks.iter().enumerate() {
        let is_unit = if any_indented {
            !block.row.indented
        } else {
            body_is_empty(body_lines(block)) && index + 1 < count
        };
        if is_unit {
            if !body_is_empty(body_lines(block)) {
                joined.refill(body_lines(block).iter().copied());
                let body = joined.whole();
                let (line, column) = body.position(0);
                diagnostics.push(Diagnostic::of(
                    DiagnosticCode::TextUnparsed,
                    msg!(
                        "text under the unit «{}», before its first project: «{}»",
                        "单位「{}」之下、第一个项目之前的文字：「{}」",
                        block.row.name,
                        body.text
                    ),
                    line,
                    column,
                ));
            }
            groups.push((Some(index), index + 1..index + 1));
        } else {
            match groups.last_mut() {
                Some((_, projects)) => projects.end = index + 1,
                None => groups.push((None, index..index + 1)),
            }
        }
    }

    // Money: each row's columns, settled by the sums.
    let total_money = total.as_ref().map(|a| Money::new("合计", a));
    let only_group = groups.len() == 1;
    // The projects' money in one buffer, group after group, each group's part lent to its
    // unit.
    let mut project_money: Vec<Money> = groups
        .iter()
        .flat_map(|(_, projects)| blocks.get(projects.clone()).unwrap_or_default())
        .map(|p| Money::new(&p.row.name, &p.row.amounts))
        .collect();
    let mut money: Vec<UnitMoney> = Vec::with_capacity(groups.len());
    let mut rest = project_money.as_mut_slice();
    for (unit, projects_at) in &groups {
        let len = blocks
            .get(projects_at.clone())
            .map_or(0, <[_]>::len)
            .min(rest.len());
        let (projects, after) = core::mem::take(&mut rest).split_at_mut(len);
        rest = after;
        let unit_money = match (unit.and_then(|u| blocks.get(u)), &total) {
            (Some(u), _) => Money::new(&u.row.name, &u.row.amounts),
            // Projects with no unit row above them: the department is their unit, and
            // the 合计 its subtotal where it is the only one.
            (None, Some(total)) if only_group => {
                Money::new(department.as_deref().unwrap_or("合计"), total)
            }
            (None, _) => {
                let (sum, refused) = Money::sum(department.as_deref().unwrap_or(""), projects);
                diagnostics.extend(refused);
                sum
            }
        };
        money.push(UnitMoney {
            unit: unit_money,
            projects,
        });
    }
    let total_money = resolve_into(total_money, &mut money, &mut diagnostics);
    // The money borrows the rows' names: its funding is taken out, unit by unit and each
    // unit's projects after it, before the names move into the document.
    let funding = total_money.map(|m| m.funding()).unwrap_or_default();
    let mut fundings = Vec::with_capacity(count + 1);
    for unit in &money {
        fundings.push(unit.unit.funding());
        fundings.extend(unit.projects.iter().map(Money::funding));
    }
    drop(money);
    let mut fundings = fundings.into_iter();
    if total.is_none() {
        diagnostics.push(Diagnostic::of(
            DiagnosticCode::TotalMissing,
            msg!("the table has no 合计 row", "表格没有合计行"),
            1,
            1,
        ));
    }

    // Bodies: goals and indicators.
    let mut records = 0usize;
    let mut units = Vec::with_capacity(groups.len());
    let mut cache = TargetCache::for_text(text.len());
    // The rows' names move into the projects and units.
    for (unit, projects_at) in &groups {
        let unit_funding = fundings.next().unwrap_or_default();
        let mut projects = Vec::with_capacity(projects_at.len());
        for block in blocks.get_mut(projects_at.clone()).unwrap_or_default() {
            joined.refill(body_lines(block).iter().copied());
            let body = read_body(&joined.whole(), &mut cache);
            records += body.indicators.len()
                + body
                    .diagnostics
                    .iter()
                    .filter(|d| d.code == DiagnosticCode::IndicatorUnsplit)
                    .count();
            diagnostics.extend(body.diagnostics);
            let mut project = Project::new(core::mem::take(&mut block.row.name));
            project.funding = fundings.next().unwrap_or_default();
            project.goal = body.lead;
            project.indicators = body.indicators;
            project.line = Some(block.row.line);
            projects.push(project);
        }
        let unit = unit.and_then(|u| blocks.get_mut(u));
        let line = unit.as_ref().map(|u| u.row.line);
        units.push(FundingUnit {
            name: unit.map_or_else(
                || department.clone().unwrap_or_default(),
                |u| core::mem::take(&mut u.row.name),
            ),
            funding: unit_funding,
            projects,
            line,
        });
    }
    if records == 0 {
        return Err(TableError::new(
            TableErrorKind::NotATable,
            msg!(
                "no 项目支出绩效目标表: no indicator records (1、1-产出指标；…)",
                "不是项目支出绩效目标表：没有指标记录（1、1-产出指标；…）"
            ),
        ));
    }
    diagnostics.sort_by_key(|d| (d.line, d.column));
    Ok(Document {
        title,
        department,
        year,
        money_unit,
        funding,
        units,
        diagnostics,
        kind: TableKind::Target,
        scope: Scope::Project,
        layout: Layout::RunOn,
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

//! Money: each row's amounts in their columns, proven by the sums.
//!
//! A row prints its total and the columns that are not empty, but pdftotext loses which
//! column a lone amount sat in (`2.60 2.60` may be 财政拨款 or not). The subtotals settle it
//! where exactly one combination of rows adds up: 广州市商务局's non-fiscal 12.60 is its
//! projects of 2.60 and 10.00 and no others. Where no combination or several do, the amount
//! stays unresolved and is reported; nothing is guessed silently.

use super::layout::Amounts;
use crate::{Diagnostic, DiagnosticCode, Funding};
use rust_decimal::Decimal;

/// The column an amount sits in, as far as it is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Fiscal,
    Special,
    Other,
    /// 财政专户拨款 or 其他资金: not 财政拨款, but which of the two is unknown.
    NonFiscal,
    /// Any of the three.
    Unknown,
}

impl Column {
    fn non_fiscal(self) -> bool {
        matches!(self, Column::Special | Column::Other | Column::NonFiscal)
    }
}

/// A row's money while its columns are being resolved.
#[derive(Debug, Clone)]
pub(crate) struct Money {
    name: String,
    total: Decimal,
    parts: Vec<(Decimal, Column)>,
    line: usize,
    column: usize,
}

impl Money {
    /// The columns the layout tells: all three where they are printed in place; the first and
    /// a non-fiscal one where two are shown; none where one is.
    pub(crate) fn new(name: &str, amounts: &Amounts) -> Money {
        const PLACES: [Column; 3] = [Column::Fiscal, Column::Special, Column::Other];
        let parts = if amounts.positional {
            amounts
                .parts
                .iter()
                .zip(PLACES)
                .filter_map(|(a, c)| a.map(|a| (a, c)))
                .collect()
        } else {
            let shown: Vec<Decimal> = amounts.parts.iter().flatten().copied().collect();
            let columns: &[Column] = match shown.len() {
                1 => &[Column::Unknown],
                2 => &[Column::Fiscal, Column::NonFiscal],
                _ => &PLACES,
            };
            shown.into_iter().zip(columns.iter().copied()).collect()
        };
        Money {
            name: name.to_owned(),
            total: amounts.total,
            parts,
            line: amounts.line,
            column: amounts.column,
        }
    }

    /// A row that the table does not print, made of the rows under it: its columns are
    /// unknown.
    pub(crate) fn sum(name: &str, rows: &[Money]) -> Money {
        let total: Decimal = rows.iter().map(|r| r.total).sum();
        Money {
            name: name.to_owned(),
            total,
            parts: vec![(total, Column::Unknown)],
            line: rows.first().map_or(1, |r| r.line),
            column: 1,
        }
    }

    fn sum_of(&self, pick: impl Fn(Column) -> bool) -> Decimal {
        self.parts
            .iter()
            .filter(|(_, c)| pick(*c))
            .map(|(a, _)| *a)
            .sum()
    }

    fn has(&self, pick: impl Fn(Column) -> bool) -> bool {
        self.parts.iter().any(|(_, c)| pick(*c))
    }

    fn diagnostic(&self, code: DiagnosticCode, message: String) -> Diagnostic {
        Diagnostic::new(code, message, self.line, self.column)
    }

    /// The funding as resolved.
    pub(crate) fn funding(&self) -> Funding {
        let part = |column: Column| {
            self.has(|c| c == column)
                .then(|| self.sum_of(|c| c == column))
        };
        Funding {
            total: Some(self.total),
            fiscal: part(Column::Fiscal),
            special: part(Column::Special),
            other: part(Column::Other),
            non_fiscal: part(Column::NonFiscal),
            unresolved: part(Column::Unknown),
        }
    }
}

/// A unit and its projects while their money is resolved.
pub(crate) struct UnitMoney {
    pub(crate) unit: Money,
    pub(crate) projects: Vec<Money>,
}

/// Resolves every row's columns from the sums, and reports what does not add up or cannot be
/// settled.
pub(crate) fn resolve(
    total: Option<Money>,
    units: &mut [UnitMoney],
) -> (Option<Money>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let rows = total.iter().chain(
        units
            .iter()
            .flat_map(|u| std::iter::once(&u.unit).chain(&u.projects)),
    );
    for row in rows {
        let parts: Decimal = row.parts.iter().map(|(a, _)| *a).sum();
        if parts != row.total {
            diagnostics.push(row.diagnostic(
                DiagnosticCode::SumMismatch,
                format!(
                    "«{}»: the total {} is not the sum of its columns {}",
                    row.name, row.total, parts
                ),
            ));
        }
    }
    let total = match total {
        Some(mut total) => {
            if total.parts.len() < 3 && !total.has(|c| c == Column::Special || c == Column::Other) {
                if total.has(|c| c == Column::Unknown) {
                    for part in &mut total.parts {
                        part.1 = Column::Fiscal;
                    }
                }
                diagnostics.push(total.diagnostic(
                    DiagnosticCode::ColumnAssumed,
                    format!(
                        "the 合计 row shows {} of the 3 money columns: the first is read as 财政拨款{}",
                        total.parts.len(),
                        if total.parts.len() == 2 {
                            ", the second as not"
                        } else {
                            ""
                        }
                    ),
                ));
            }
            let mut unit_rows: Vec<Money> = units.iter().map(|u| u.unit.clone()).collect();
            settle(&total, &mut unit_rows, "units", &mut diagnostics);
            for (unit, resolved) in units.iter_mut().zip(unit_rows) {
                unit.unit = resolved;
            }
            Some(total)
        }
        None => {
            for unit in units.iter_mut() {
                if unit.unit.has(|c| c == Column::Unknown) {
                    for part in &mut unit.unit.parts {
                        part.1 = Column::Fiscal;
                    }
                    diagnostics.push(unit.unit.diagnostic(
                        DiagnosticCode::ColumnAssumed,
                        format!(
                            "«{}» shows one money column and the table no 合计 row: it is read as 财政拨款",
                            unit.unit.name
                        ),
                    ));
                }
            }
            None
        }
    };
    for unit in units.iter_mut() {
        settle(&unit.unit, &mut unit.projects, "projects", &mut diagnostics);
    }
    let rows = total.iter().chain(
        units
            .iter()
            .flat_map(|u| std::iter::once(&u.unit).chain(&u.projects)),
    );
    for row in rows {
        if row.has(|c| c == Column::NonFiscal) {
            diagnostics.push(row.diagnostic(
                DiagnosticCode::ColumnUnsplit,
                format!(
                    "«{}»: {} is not 财政拨款; whether it is 财政专户拨款 or 其他资金 the text does not tell",
                    row.name,
                    row.sum_of(|c| c == Column::NonFiscal)
                ),
            ));
        }
    }
    diagnostics.sort_by_key(|d| (d.line, d.column));
    (total, diagnostics)
}

/// Settles the columns of a parent's rows from the parent's columns, and checks that the
/// rows add up to it.
fn settle(parent: &Money, rows: &mut [Money], what: &str, diagnostics: &mut Vec<Diagnostic>) {
    let sum: Decimal = rows.iter().map(|r| r.total).sum();
    if !rows.is_empty() && sum != parent.total {
        diagnostics.push(parent.diagnostic(
            DiagnosticCode::SumMismatch,
            format!(
                "«{}»: the total {} is not the sum of its {what} {sum} (a difference of {})",
                parent.name,
                parent.total,
                parent.total - sum
            ),
        ));
    }
    if parent.has(|c| c == Column::Unknown) {
        report_unresolved(
            rows,
            &format!("the column of «{}» itself is unknown", parent.name),
            diagnostics,
        );
        return;
    }
    settle_fiscal(parent, rows, diagnostics);
    settle_split(parent, rows, diagnostics);
}

/// Decides, for rows whose lone amount could be in any column, whether it is 财政拨款.
fn settle_fiscal(parent: &Money, rows: &mut [Money], diagnostics: &mut Vec<Diagnostic>) {
    let unknown: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.has(|c| c == Column::Unknown))
        .map(|(i, _)| i)
        .collect();
    if unknown.is_empty() {
        return;
    }
    let fiscal_in_parent = parent.has(|c| c == Column::Fiscal);
    let other_in_parent = parent.has(Column::non_fiscal);
    let assign = |rows: &mut [Money], i: usize, column: Column| {
        for part in &mut rows[i].parts {
            if part.1 == Column::Unknown {
                part.1 = column;
            }
        }
    };
    if !other_in_parent || !fiscal_in_parent {
        let column = if fiscal_in_parent {
            Column::Fiscal
        } else {
            Column::NonFiscal
        };
        for &i in &unknown {
            assign(rows, i, column);
        }
        return;
    }
    let known_non_fiscal: Decimal = rows.iter().map(|r| r.sum_of(Column::non_fiscal)).sum();
    let target = parent.sum_of(Column::non_fiscal) - known_non_fiscal;
    let items: Vec<Decimal> = unknown
        .iter()
        .map(|&i| rows[i].sum_of(|c| c == Column::Unknown))
        .collect();
    match unique_subset(&items, target) {
        Ok(chosen) => {
            for (&i, non_fiscal) in unknown.iter().zip(chosen) {
                let column = if non_fiscal {
                    Column::NonFiscal
                } else {
                    Column::Fiscal
                };
                assign(rows, i, column);
            }
        }
        Err(why) => {
            let rows_of: Vec<Money> = unknown.iter().map(|&i| rows[i].clone()).collect();
            let reason = format!(
                "{} of «{}»'s rows with one amount add up to its non-fiscal {}",
                why.describe(),
                parent.name,
                parent.sum_of(Column::non_fiscal)
            );
            report_unresolved(&rows_of, &reason, diagnostics);
        }
    }
}

/// Splits non-fiscal amounts between 财政专户拨款 and 其他资金 where the parent shows both.
fn settle_split(parent: &Money, rows: &mut [Money], diagnostics: &mut Vec<Diagnostic>) {
    let special = parent.has(|c| c == Column::Special);
    let other = parent.has(|c| c == Column::Other);
    let open: Vec<(usize, usize)> = rows
        .iter()
        .enumerate()
        .flat_map(|(r, row)| {
            row.parts
                .iter()
                .enumerate()
                .filter(|(_, (_, c))| *c == Column::NonFiscal)
                .map(move |(p, _)| (r, p))
        })
        .collect();
    if open.is_empty() || !(special || other) {
        return;
    }
    if special != other {
        let column = if special {
            Column::Special
        } else {
            Column::Other
        };
        for (r, p) in open {
            rows[r].parts[p].1 = column;
        }
        return;
    }
    let known_special: Decimal = rows
        .iter()
        .map(|r| r.sum_of(|c| c == Column::Special))
        .sum();
    let target = parent.sum_of(|c| c == Column::Special) - known_special;
    let items: Vec<Decimal> = open.iter().map(|&(r, p)| rows[r].parts[p].0).collect();
    match unique_subset(&items, target) {
        Ok(chosen) => {
            for (&(r, p), is_special) in open.iter().zip(chosen) {
                rows[r].parts[p].1 = if is_special {
                    Column::Special
                } else {
                    Column::Other
                };
            }
        }
        Err(why) => diagnostics.push(parent.diagnostic(
            DiagnosticCode::ColumnUnresolved,
            format!(
                "«{}»: {} of its rows' non-fiscal amounts add up to its 财政专户拨款 {}; they are left unsplit",
                parent.name,
                why.describe(),
                parent.sum_of(|c| c == Column::Special)
            ),
        )),
    }
}

fn report_unresolved(rows: &[Money], reason: &str, diagnostics: &mut Vec<Diagnostic>) {
    for row in rows.iter().filter(|r| r.has(|c| c == Column::Unknown)) {
        diagnostics.push(row.diagnostic(
            DiagnosticCode::ColumnUnresolved,
            format!(
                "«{}»: the column of {} is not settled: {reason}",
                row.name,
                row.sum_of(|c| c == Column::Unknown)
            ),
        ));
    }
}

/// Why no single combination of amounts was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NotUnique {
    None,
    Several,
    TooLarge,
}

impl NotUnique {
    fn describe(self) -> &'static str {
        match self {
            NotUnique::None => "no combination",
            NotUnique::Several => "several combinations",
            NotUnique::TooLarge => "too many combinations to search (amounts too large)",
        }
    }
}

/// The most cells the subset search fills: rows × (smaller sum in cents + 1).
const MAX_CELLS: usize = 40_000_000;

/// The one subset of `items` that sums to `target`, as a mask, if there is exactly one.
fn unique_subset(items: &[Decimal], target: Decimal) -> Result<Vec<bool>, NotUnique> {
    let scale = items
        .iter()
        .chain([&target])
        .map(|d| d.normalize().scale())
        .max()
        .unwrap_or(0);
    if scale > 6 || target.is_sign_negative() && !target.is_zero() {
        return Err(if scale > 6 {
            NotUnique::TooLarge
        } else {
            NotUnique::None
        });
    }
    let factor = Decimal::from(10u64.pow(scale));
    let units = |d: Decimal| -> Option<usize> {
        let scaled = d.checked_mul(factor)?.normalize();
        if scaled.scale() != 0 || scaled.is_sign_negative() {
            return None;
        }
        usize::try_from(scaled.mantissa()).ok()
    };
    let amounts: Vec<usize> = items
        .iter()
        .map(|&d| units(d))
        .collect::<Option<_>>()
        .ok_or(NotUnique::TooLarge)?;
    let whole: usize = amounts.iter().sum();
    let target = units(target).ok_or(NotUnique::TooLarge)?;
    if target > whole {
        return Err(NotUnique::None);
    }
    // Search for the smaller side; the other side is its complement. Amounts larger than
    // the goal cannot be on its side and stay out of the search.
    let complement = whole - target < target;
    let goal = if complement { whole - target } else { target };
    let candidates: Vec<usize> = (0..amounts.len()).filter(|&i| amounts[i] <= goal).collect();
    let chosen = small_side(
        &candidates.iter().map(|&i| amounts[i]).collect::<Vec<_>>(),
        goal,
    )?;
    let mut mask = vec![complement; amounts.len()];
    for (&i, on_goal_side) in candidates.iter().zip(chosen) {
        mask[i] = on_goal_side != complement;
    }
    Ok(mask)
}

/// The one subset of `amounts` that sums to `goal`, as a mask, if there is exactly one.
fn small_side(amounts: &[usize], goal: usize) -> Result<Vec<bool>, NotUnique> {
    let cells = (amounts.len() + 1).saturating_mul(goal + 1);
    if cells > MAX_CELLS {
        return Err(NotUnique::TooLarge);
    }
    // ways[k][s]: the number of subsets of the first k amounts that sum to s, up to 2.
    let width = goal + 1;
    let mut ways = vec![0u8; cells];
    ways[0] = 1;
    for (k, &a) in amounts.iter().enumerate() {
        let (done, next) = ways.split_at_mut((k + 1) * width);
        let previous = &done[k * width..];
        for s in 0..width {
            let without = previous[s];
            let with = if s >= a { previous[s - a] } else { 0 };
            next[s] = (without + with).min(2);
        }
    }
    match ways[amounts.len() * width + goal] {
        0 => return Err(NotUnique::None),
        1 => {}
        _ => return Err(NotUnique::Several),
    }
    let mut chosen = vec![false; amounts.len()];
    let mut s = goal;
    for k in (0..amounts.len()).rev() {
        if ways[k * width + s] == 0 {
            chosen[k] = true;
            s -= amounts[k];
        }
    }
    Ok(chosen)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().expect("decimal")
    }

    fn money(name: &str, total: &str, parts: &[&str]) -> Money {
        Money::new(
            name,
            &Amounts {
                total: d(total),
                parts: parts.iter().map(|p| Some(d(p))).collect(),
                positional: parts.len() == 3,
                line: 1,
                column: 1,
            },
        )
    }

    #[test]
    fn unique_subsets_are_found_and_others_refused() {
        let items = [d("780.00"), d("2.60"), d("148.00"), d("10.00")];
        assert_eq!(
            unique_subset(&items, d("12.60")),
            Ok(vec![false, true, false, true])
        );
        assert_eq!(
            unique_subset(&items, d("928.00")),
            Ok(vec![true, false, true, false])
        );
        assert_eq!(
            unique_subset(&[d("1"), d("1")], d("1")),
            Err(NotUnique::Several)
        );
        assert_eq!(
            unique_subset(&[d("1"), d("2")], d("4")),
            Err(NotUnique::None)
        );
        assert_eq!(
            unique_subset(&[d("1"), d("2")], d("0")),
            Ok(vec![false, false])
        );
        assert_eq!(
            unique_subset(&[d("100000000"), d("100000001")], d("100000000.5")),
            Err(NotUnique::TooLarge)
        );
    }

    #[test]
    fn lone_amounts_are_settled_by_the_subtotals() {
        let total = money("合计", "612.00", &["515.00", "97.00"]);
        let mut units = vec![UnitMoney {
            unit: money("中心", "612.00", &["515.00", "97.00"]),
            projects: vec![
                money("维修", "25.00", &["25.00"]),
                money("专项", "490.00", &["490.00"]),
                money("历史", "97.00", &["97.00"]),
            ],
        }];
        let (_, diagnostics) = resolve(Some(total), &mut units);
        let f: Vec<Funding> = units[0].projects.iter().map(Money::funding).collect();
        assert_eq!(f[0].fiscal, Some(d("25.00")));
        assert_eq!(f[1].fiscal, Some(d("490.00")));
        assert_eq!((f[2].fiscal, f[2].non_fiscal), (None, Some(d("97.00"))));
        let codes: Vec<_> = diagnostics.iter().map(|d| d.code).collect();
        assert!(codes.contains(&DiagnosticCode::ColumnAssumed));
        assert!(!codes.contains(&DiagnosticCode::ColumnUnresolved));
        assert!(!codes.contains(&DiagnosticCode::SumMismatch));
    }

    #[test]
    fn ambiguity_and_mismatch_are_reported() {
        let mut units = vec![UnitMoney {
            unit: money("局", "20.00", &["10.00", "10.00"]),
            projects: vec![
                money("甲", "10.00", &["10.00"]),
                money("乙", "10.00", &["10.00"]),
            ],
        }];
        let (_, diagnostics) = resolve(
            Some(money("合计", "21.00", &["11.00", "10.00"])),
            &mut units,
        );
        let codes: Vec<_> = diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(
            codes
                .iter()
                .filter(|c| **c == DiagnosticCode::ColumnUnresolved)
                .count(),
            2
        );
        assert!(codes.contains(&DiagnosticCode::SumMismatch));
        assert_eq!(units[0].projects[0].funding().unresolved, Some(d("10.00")));
    }

    #[test]
    fn three_columns_split_non_fiscal_amounts() {
        let mut units = vec![UnitMoney {
            unit: money("局", "30.00", &["10.00", "5.00", "15.00"]),
            projects: vec![
                money("甲", "10.00", &["10.00"]),
                money("乙", "5.00", &["5.00"]),
                money("丙", "15.00", &["15.00"]),
            ],
        }];
        let (_, diagnostics) = resolve(
            Some(money("合计", "30.00", &["10.00", "5.00", "15.00"])),
            &mut units,
        );
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let f: Vec<Funding> = units[0].projects.iter().map(Money::funding).collect();
        assert_eq!(f[0].fiscal, Some(d("10.00")));
        assert_eq!(f[1].special, Some(d("5.00")));
        assert_eq!(f[2].other, Some(d("15.00")));
    }
}

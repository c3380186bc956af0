//! Money: each row's amounts in their columns, proven by the sums.
//!
//! A row prints its total and the columns that are not empty, but pdftotext loses which
//! column a lone amount sat in (`2.60 2.60` may be 财政拨款 or not). The subtotals settle it
//! where exactly one combination of rows adds up: 广州市商务局's non-fiscal 12.60 is its
//! projects of 2.60 and 10.00 and no others. Where no combination or several do, the amount
//! stays unresolved and is reported; nothing is guessed silently.

use super::few::Few;
use super::layout::Amounts;
use crate::lang::{Msg, msg};
use crate::value::exact::sum as checked_sum;
use crate::{Diagnostic, DiagnosticCode, Funding, Lang};
use rust_decimal::Decimal;

/// The column an amount sits in, as far as it is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Column {
    Fiscal,
    Special,
    Other,
    /// 财政专户拨款 or 其他资金: not 财政拨款, but which of the two is unknown.
    NonFiscal,
    /// Any of the three.
    #[default]
    Unknown,
}

impl Column {
    fn non_fiscal(self) -> bool {
        matches!(self, Column::Special | Column::Other | Column::NonFiscal)
    }
}

/// A row's money while its columns are being resolved.
///
/// The columns of a row that is not refused add up to an amount that fits (the layout checks
/// it), so that no sum within a row can overflow; sums across rows are checked.
///
/// It borrows its row's name, which only its diagnostics print, and holds its columns in
/// place: a row's money allocates nothing.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Money<'a> {
    name: &'a str,
    total: Decimal,
    parts: Few<(Decimal, Column)>,
    line: usize,
    column: usize,
    /// Whether the row's money was left out (its amounts cannot be money as written, or the
    /// rows it is made of add up to more than an amount can hold): its total is zero, it has
    /// no columns, and no sum it is part of is checked.
    refused: bool,
}

impl<'a> Money<'a> {
    /// The columns the layout tells: all three where they are printed in place; the first and
    /// a non-fiscal one where two are shown; none where one is.
    pub(crate) fn new(name: &'a str, amounts: &Amounts) -> Money<'a> {
        const PLACES: [Column; 3] = [Column::Fiscal, Column::Special, Column::Other];
        let parts = if amounts.refused.is_some() {
            Few::default()
        } else if amounts.positional {
            amounts
                .parts
                .iter()
                .zip(PLACES)
                .filter_map(|(a, c)| a.map(|a| (a, c)))
                .collect()
        } else {
            // The amounts shown are counted, then zipped with their columns, without a
            // buffer of their own.
            let shown = amounts.parts.iter().flatten().copied();
            let columns: &[Column] = match shown.clone().count() {
                1 => &[Column::Unknown],
                2 => &[Column::Fiscal, Column::NonFiscal],
                _ => &PLACES,
            };
            shown.zip(columns.iter().copied()).collect()
        };
        Money {
            name,
            total: amounts.total,
            parts,
            line: amounts.line,
            column: amounts.column,
            refused: amounts.refused.is_some(),
        }
    }

    /// A row that the table does not print, made of the rows under it: its columns are
    /// unknown. Where a row under it is refused, or they add up to more than an amount can
    /// hold, it is refused too (with a diagnostic for the latter).
    pub(crate) fn sum(name: &'a str, rows: &[Money<'_>]) -> (Money<'a>, Option<Diagnostic>) {
        let line = rows.first().map_or(1, |r| r.line);
        let total = if rows.iter().any(|r| r.refused) {
            None
        } else {
            checked_sum(rows.iter().map(|r| r.total))
        };
        let money = Money {
            name,
            total: total.unwrap_or(Decimal::ZERO),
            parts: total.map(|t| (t, Column::Unknown)).into_iter().collect(),
            line,
            column: 1,
            refused: total.is_none(),
        };
        let overflow = total.is_none() && !rows.iter().any(|r| r.refused);
        let diagnostic = overflow.then(|| {
            money.diagnostic(
                DiagnosticCode::AmountRefused,
                msg!(
                    "«{name}»: its rows add up to more than an amount can hold: its money is left out",
                    "「{name}」：各行合计超出金额可容纳的范围，其资金未予采用"
                ),
            )
        });
        (money, diagnostic)
    }

    /// The sum of the columns `pick` takes. Within one row it fits (see [`Money`]).
    fn sum_of(&self, pick: impl Fn(Column) -> bool) -> Option<Decimal> {
        checked_sum(self.parts.iter().filter(|(_, c)| pick(*c)).map(|(a, _)| *a))
    }

    fn has(&self, pick: impl Fn(Column) -> bool) -> bool {
        self.parts.iter().any(|(_, c)| pick(*c))
    }

    fn diagnostic(&self, code: DiagnosticCode, message: Msg) -> Diagnostic {
        Diagnostic::of(code, message, self.line, self.column)
    }

    /// The funding as resolved; nothing where the row's money was left out.
    pub(crate) fn funding(&self) -> Funding {
        if self.refused {
            return Funding::default();
        }
        let part = |column: Column| {
            self.has(|c| c == column)
                .then(|| self.sum_of(|c| c == column))
                .flatten()
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

/// A unit and its projects while their money is resolved: the projects' money is a part of
/// one buffer for the document's projects.
pub(crate) struct UnitMoney<'a, 's> {
    pub(crate) unit: Money<'a>,
    pub(crate) projects: &'s mut [Money<'a>],
}

/// The most units whose rows are settled on the stack; a table of more takes a buffer.
const FEW_UNITS: usize = 8;

/// The most cells the subset searches of one document fill together (rows × (the smaller
/// side's sum in cents + 1), a byte each): about a twentieth of a second and as many
/// megabytes at most, whatever the size of the document. The bundled table takes 4,078;
/// a search that would go beyond what is left is not made, and its rows are reported as
/// unresolved.
pub(crate) const SEARCH_CELLS: usize = 40_000_000;

/// What is left of a document's search budget.
#[derive(Debug)]
pub(crate) struct Budget {
    left: usize,
    /// The table of the last search, its buffer kept for the next.
    ways: Vec<u8>,
}

impl Default for Budget {
    fn default() -> Self {
        Budget {
            left: SEARCH_CELLS,
            ways: Vec::new(),
        }
    }
}

/// Resolves every row's columns from the sums, and reports what does not add up or cannot be
/// settled, sorted by place.
#[cfg(test)]
pub(crate) fn resolve<'a>(
    total: Option<Money<'a>>,
    units: &mut [UnitMoney<'a, '_>],
) -> (Option<Money<'a>>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let total = resolve_into(total, units, &mut diagnostics);
    diagnostics.sort_by_key(|d| (d.line, d.column));
    (total, diagnostics)
}

/// Resolves every row's columns from the sums, and reports what does not add up or cannot be
/// settled onto the end of `diagnostics`, the document's, which are sorted by place once
/// they are all in.
pub(crate) fn resolve_into<'a>(
    total: Option<Money<'a>>,
    units: &mut [UnitMoney<'a, '_>],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Money<'a>> {
    let mut budget = Budget::default();
    let rows = total.iter().chain(
        units
            .iter()
            .flat_map(|u| std::iter::once(&u.unit).chain(u.projects.iter())),
    );
    for row in rows.filter(|r| !r.refused) {
        let parts = row.sum_of(|_| true);
        if parts != Some(row.total) {
            let name = row.name;
            let total = row.total;
            let (sum, sum_zh) = parts.map_or_else(
                || {
                    (
                        "(too large to hold)".to_string(),
                        "（超出可容纳范围）".to_string(),
                    )
                },
                |p| (p.to_string(), p.to_string()),
            );
            diagnostics.push(row.diagnostic(
                DiagnosticCode::SumMismatch,
                Msg::new(
                    format!("«{name}»: the total {total} is not the sum of its columns {sum}"),
                    format!("「{name}」：合计{total}不等于各列之和{sum_zh}"),
                ),
            ));
        }
    }
    let total = match total {
        Some(mut total) => {
            if !total.refused
                && total.parts.len() < 3
                && !total.has(|c| c == Column::Special || c == Column::Other)
            {
                if total.has(|c| c == Column::Unknown) {
                    for part in total.parts.iter_mut() {
                        part.1 = Column::Fiscal;
                    }
                }
                diagnostics.push(total.diagnostic(
                    DiagnosticCode::ColumnAssumed,
                    {
                        let shown = total.parts.len();
                        let (second, second_zh) = if shown == 2 {
                            (", the second as not", "，第二列按非财政拨款读取")
                        } else {
                            ("", "")
                        };
                        msg!(
                            "the 合计 row shows {shown} of the 3 money columns: the first is read as 财政拨款{second}",
                            "合计行只列出3个资金列中的{shown}个：第一列按财政拨款读取{second_zh}"
                        )
                    },
                ));
            }
            // The units' rows are settled as one slice: on the stack for a table of a few
            // units (most), in a buffer for more.
            let mut stack: [Money; FEW_UNITS];
            let mut heap: Vec<Money>;
            let rows: &mut [Money] = match units.first() {
                Some(first) if units.len() <= FEW_UNITS => {
                    stack = [first.unit; FEW_UNITS];
                    for (row, unit) in stack.iter_mut().zip(units.iter()) {
                        *row = unit.unit;
                    }
                    &mut stack[..units.len()]
                }
                _ => {
                    heap = units.iter().map(|u| u.unit).collect();
                    &mut heap
                }
            };
            settle(&total, rows, "units", &mut budget, diagnostics);
            for (unit, resolved) in units.iter_mut().zip(rows.iter()) {
                unit.unit = *resolved;
            }
            Some(total)
        }
        None => {
            for unit in units.iter_mut() {
                if unit.unit.has(|c| c == Column::Unknown) {
                    for part in unit.unit.parts.iter_mut() {
                        part.1 = Column::Fiscal;
                    }
                    diagnostics.push(unit.unit.diagnostic(
                        DiagnosticCode::ColumnAssumed,
                        msg!(
                            "«{}» shows one money column and the table no 合计 row: it is read as 财政拨款",
                            "「{}」只列出一个资金列，且表格没有合计行：按财政拨款读取",
                            unit.unit.name
                        ),
                    ));
                }
            }
            None
        }
    };
    for unit in units.iter_mut() {
        settle(
            &unit.unit,
            unit.projects,
            "projects",
            &mut budget,
            diagnostics,
        );
    }
    let rows = total.iter().chain(
        units
            .iter()
            .flat_map(|u| std::iter::once(&u.unit).chain(u.projects.iter())),
    );
    for row in rows {
        if row.has(|c| c == Column::NonFiscal) {
            let amount = Amount(row.sum_of(|c| c == Column::NonFiscal));
            diagnostics.push(row.diagnostic(
                DiagnosticCode::ColumnUnsplit,
                msg!(
                    "«{}»: {amount} is not 财政拨款; whether it is 财政专户拨款 or 其他资金 the text does not tell",
                    "「{}」：{amount}不是财政拨款；原文未说明属于财政专户拨款还是其他资金",
                    row.name,
                ),
            ));
        }
    }
    total
}

/// Settles the columns of a parent's rows from the parent's columns, and checks that the
/// rows add up to it. Where the parent's money or a row's was left out, the sums prove
/// nothing: they are not checked, and no search is made.
fn settle(
    parent: &Money<'_>,
    rows: &mut [Money<'_>],
    what: &str,
    budget: &mut Budget,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if parent.refused {
        report_unresolved(
            rows,
            &msg!(
                "the money of «{}» itself is left out",
                "「{}」本身的资金未予采用",
                parent.name
            ),
            diagnostics,
        );
        return;
    }
    let refused = rows.iter().find(|r| r.refused).map(|r| r.name);
    if refused.is_none() {
        let sum = checked_sum(rows.iter().map(|r| r.total));
        if !rows.is_empty() && sum != Some(parent.total) {
            let (name, total) = (parent.name, parent.total);
            let what_zh = match what {
                "units" => "各单位",
                _ => "各项目",
            };
            let message = match sum {
                Some(sum) => {
                    let (diff, diff_zh) = crate::value::exact::sub(total, sum).map_or_else(
                        || {
                            (
                                "too large to hold".to_string(),
                                "超出可容纳范围".to_string(),
                            )
                        },
                        |d| (d.to_string(), d.to_string()),
                    );
                    Msg::new(
                        format!(
                            "«{name}»: the total {total} is not the sum of its {what} {sum} (a difference of {diff})"
                        ),
                        format!("「{name}」：合计{total}不等于{what_zh}之和{sum}（相差{diff_zh}）"),
                    )
                }
                None => msg!(
                    "«{name}»: the total {total} is not the sum of its {what}, which add up to more than an amount can hold",
                    "「{name}」：合计{total}不等于{what_zh}之和，其和超出金额可容纳的范围"
                ),
            };
            diagnostics.push(parent.diagnostic(DiagnosticCode::SumMismatch, message));
        }
    }
    if parent.has(|c| c == Column::Unknown) {
        report_unresolved(
            rows,
            &msg!(
                "the column of «{}» itself is unknown",
                "「{}」本身的资金列不明",
                parent.name
            ),
            diagnostics,
        );
        return;
    }
    settle_fiscal(parent, rows, refused, budget, diagnostics);
    settle_split(parent, rows, refused, budget, diagnostics);
}

/// Decides, for rows whose lone amount could be in any column, whether it is 财政拨款.
fn settle_fiscal(
    parent: &Money<'_>,
    rows: &mut [Money<'_>],
    refused: Option<&str>,
    budget: &mut Budget,
    diagnostics: &mut Vec<Diagnostic>,
) {
    // The rows with a lone amount in an unknown column, found where they are needed rather
    // than listed: settling one row leaves the others as they are.
    let unknown = |r: &Money| r.has(|c| c == Column::Unknown);
    if !rows.iter().any(unknown) {
        return;
    }
    let fiscal_in_parent = parent.has(|c| c == Column::Fiscal);
    let other_in_parent = parent.has(Column::non_fiscal);
    let assign = |row: &mut Money, column: Column| {
        for part in row.parts.iter_mut() {
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
        for row in rows.iter_mut().filter(|r| unknown(r)) {
            assign(row, column);
        }
        return;
    }
    let parent_non_fiscal = parent.sum_of(Column::non_fiscal);
    let describe = |why: NotUnique| {
        let name = parent.name;
        let whole = parent_non_fiscal.map_or_else(String::new, |a| a.to_string());
        Msg::new(
            format!(
                "{} of «{name}»'s rows with one amount add up to its non-fiscal {whole}",
                why.describe(Lang::En)
            ),
            format!(
                "「{name}」只有一个金额的各行中，合计等于其非财政拨款{whole}的组合{}",
                why.describe(Lang::Zh)
            ),
        )
    };
    let outcome = match refused {
        Some(name) => Err(msg!(
            "the money of «{name}» is left out, so no sum tells which",
            "「{name}」的资金未予采用，无法据合计判断"
        )),
        None => {
            let known = checked_sum(rows.iter().filter_map(|r| r.sum_of(Column::non_fiscal)));
            let items = rows
                .iter()
                .filter(|r| unknown(r))
                .map(|r| r.sum_of(|c| c == Column::Unknown));
            let all_read = items.clone().all(|i| i.is_some());
            match (parent_non_fiscal, known, all_read) {
                (Some(whole), Some(known), true) => {
                    let target = crate::value::exact::sub(whole, known).ok_or(NotUnique::TooLarge);
                    target
                        .and_then(|target| unique_subset(items.flatten(), target, budget))
                        .map_err(describe)
                }
                _ => Err(describe(NotUnique::TooLarge)),
            }
        }
    };
    match outcome {
        Ok(chosen) => {
            for (row, &non_fiscal) in rows.iter_mut().filter(|r| unknown(r)).zip(&*chosen) {
                let column = if non_fiscal {
                    Column::NonFiscal
                } else {
                    Column::Fiscal
                };
                assign(row, column);
            }
        }
        // Only the rows with an unknown column are reported.
        Err(reason) => report_unresolved(rows, &reason, diagnostics),
    }
}

/// Splits non-fiscal amounts between 财政专户拨款 and 其他资金 where the parent shows both.
fn settle_split(
    parent: &Money<'_>,
    rows: &mut [Money<'_>],
    refused: Option<&str>,
    budget: &mut Budget,
    diagnostics: &mut Vec<Diagnostic>,
) {
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
    let parent_special = parent.sum_of(|c| c == Column::Special);
    let outcome = match refused {
        Some(name) => Err(msg!(
            "the money of «{name}» is left out, so no sum tells which",
            "「{name}」的资金未予采用，无法据合计判断"
        )),
        None => {
            let known = checked_sum(
                rows.iter()
                    .filter_map(|r| r.sum_of(|c| c == Column::Special)),
            );
            let items = open.iter().map(|&(r, p)| rows[r].parts[p].0);
            let search = match (parent_special, known) {
                (Some(whole), Some(known)) => crate::value::exact::sub(whole, known)
                    .ok_or(NotUnique::TooLarge)
                    .and_then(|target| unique_subset(items, target, budget)),
                _ => Err(NotUnique::TooLarge),
            };
            search.map_err(|why| {
                let whole = parent_special.map_or_else(String::new, |a| a.to_string());
                Msg::new(
                    format!(
                        "{} of its rows' non-fiscal amounts add up to its 财政专户拨款 {whole}",
                        why.describe(Lang::En)
                    ),
                    format!(
                        "各行非财政拨款金额中，合计等于其财政专户拨款{whole}的组合{}",
                        why.describe(Lang::Zh)
                    ),
                )
            })
        }
    };
    match outcome {
        Ok(chosen) => {
            for (&(r, p), &is_special) in open.iter().zip(&*chosen) {
                rows[r].parts[p].1 = if is_special {
                    Column::Special
                } else {
                    Column::Other
                };
            }
        }
        Err(reason) => diagnostics.push(parent.diagnostic(
            DiagnosticCode::ColumnUnresolved,
            Msg::new(
                format!("«{}»: {}; they are left unsplit", parent.name, reason.en),
                format!("「{}」：{}；暂不细分", parent.name, reason.zh),
            ),
        )),
    }
}

fn report_unresolved(rows: &[Money<'_>], reason: &Msg, diagnostics: &mut Vec<Diagnostic>) {
    for row in rows.iter().filter(|r| r.has(|c| c == Column::Unknown)) {
        let amount = row
            .sum_of(|c| c == Column::Unknown)
            .map_or_else(String::new, |a| a.to_string());
        diagnostics.push(row.diagnostic(
            DiagnosticCode::ColumnUnresolved,
            Msg::new(
                format!(
                    "«{}»: the column of {amount} is not settled: {}",
                    row.name, reason.en
                ),
                format!(
                    "「{}」：{amount}所属资金列无法确定：{}",
                    row.name, reason.zh
                ),
            ),
        ));
    }
}

/// An amount printed in a message, or nothing where there is none: formatted in place,
/// without a `String` of its own.
struct Amount(Option<Decimal>);

impl core::fmt::Display for Amount {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self.0 {
            Some(a) => core::fmt::Display::fmt(&a, f),
            None => Ok(()),
        }
    }
}

/// Why no single combination of amounts was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NotUnique {
    None,
    Several,
    TooLarge,
    BudgetSpent,
}

impl NotUnique {
    fn describe(self, lang: Lang) -> &'static str {
        match self {
            NotUnique::None => lang.pick("no combination", "不存在"),
            NotUnique::Several => lang.pick("several combinations", "不止一种"),
            NotUnique::TooLarge => lang.pick(
                "too many combinations to search (amounts too large)",
                "过多，无法搜索（金额过大）",
            ),
            NotUnique::BudgetSpent => lang.pick(
                "too many combinations to search (the document's search budget is spent)",
                "过多，无法搜索（本文件的搜索次数已用尽）",
            ),
        }
    }
}

/// How many items a [`Short`] list holds in place: more than a parent has rows in a table.
const FEW: usize = 32;

/// A list held in place where it is short, as the amounts under a parent are, else on the
/// heap: a search's amounts, candidates and mask allocate nothing for a table.
#[derive(Debug, Clone, PartialEq)]
enum Short<T: Copy + Default> {
    Few([T; FEW], usize),
    Many(Vec<T>),
}

impl<T: Copy + Default> Short<T> {
    fn new() -> Self {
        Short::Few([T::default(); FEW], 0)
    }

    /// `len` copies of `item`.
    fn filled(item: T, len: usize) -> Self {
        if len <= FEW {
            Short::Few([item; FEW], len)
        } else {
            Short::Many(vec![item; len])
        }
    }

    fn push(&mut self, item: T) {
        match self {
            Short::Few(items, len) => match items.get_mut(*len) {
                Some(slot) => {
                    *slot = item;
                    *len += 1;
                }
                None => {
                    let mut many = Vec::with_capacity(FEW * 2);
                    many.extend_from_slice(items);
                    many.push(item);
                    *self = Short::Many(many);
                }
            },
            Short::Many(items) => items.push(item),
        }
    }
}

impl<T: Copy + Default> core::ops::Deref for Short<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        match self {
            Short::Few(items, len) => items.get(..*len).unwrap_or_default(),
            Short::Many(items) => items,
        }
    }
}

impl<T: Copy + Default> core::ops::DerefMut for Short<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        match self {
            Short::Few(items, len) => items.get_mut(..*len).unwrap_or_default(),
            Short::Many(items) => items,
        }
    }
}

/// The one subset of `items` that sums to `target`, as a mask, if there is exactly one.
fn unique_subset(
    items: impl Iterator<Item = Decimal> + Clone,
    target: Decimal,
    budget: &mut Budget,
) -> Result<Short<bool>, NotUnique> {
    let scale = items
        .clone()
        .chain([target])
        .map(|d| d.normalize().scale())
        .max()
        .unwrap_or(0);
    if scale > 6 {
        return Err(NotUnique::TooLarge);
    }
    if target.is_sign_negative() && !target.is_zero() {
        return Err(NotUnique::None);
    }
    let factor = Decimal::from(10u64.pow(scale));
    // In the smallest unit the amounts are written in: below 2^96 each, so that their sum
    // fits in a u128.
    let units = |d: Decimal| -> Option<u128> {
        let scaled = crate::value::exact::mul(d, factor)?.normalize();
        if scaled.scale() != 0 || scaled.is_sign_negative() {
            return None;
        }
        Some(scaled.mantissa().unsigned_abs())
    };
    // The amounts in the smallest unit; each reads (checked here), and their sum fits.
    let mut amounts: Short<u128> = Short::new();
    for d in items {
        amounts.push(units(d).ok_or(NotUnique::TooLarge)?);
    }
    let count = amounts.len();
    let whole = amounts
        .iter()
        .try_fold(0u128, |sum, &a| sum.checked_add(a))
        .ok_or(NotUnique::TooLarge)?;
    let target = units(target).ok_or(NotUnique::TooLarge)?;
    if target > whole {
        return Err(NotUnique::None);
    }
    // Search for the smaller side; the other side is its complement. Amounts larger than
    // the goal cannot be on its side and stay out of the search.
    let complement = whole - target < target;
    let goal = if complement { whole - target } else { target };
    let goal = usize::try_from(goal).map_err(|_| NotUnique::TooLarge)?;
    let mut candidates: Short<(usize, usize)> = Short::new();
    for (i, &a) in amounts.iter().enumerate() {
        if let Some(a) = usize::try_from(a).ok().filter(|&a| a <= goal) {
            candidates.push((i, a));
        }
    }
    let mut mask = Short::filled(complement, count);
    small_side(&candidates, goal, budget, &mut mask, complement)?;
    Ok(mask)
}

/// The one subset of the candidates' amounts (each with its place in `mask`) that sums to
/// `goal`, if there is exactly one: its members' places in `mask` are set to the other side
/// than `complement`'s, the rest left as they are. The cells it fills are taken from the
/// budget, and its table from the budget's buffer; where too few cells are left, it is not
/// made.
fn small_side(
    candidates: &[(usize, usize)],
    goal: usize,
    budget: &mut Budget,
    mask: &mut [bool],
    complement: bool,
) -> Result<(), NotUnique> {
    let width = goal.checked_add(1).ok_or(NotUnique::TooLarge)?;
    let cells = candidates
        .len()
        .checked_add(1)
        .and_then(|rows| rows.checked_mul(width))
        .ok_or(NotUnique::TooLarge)?;
    if cells > SEARCH_CELLS {
        return Err(NotUnique::TooLarge);
    }
    if cells > budget.left {
        return Err(NotUnique::BudgetSpent);
    }
    budget.left -= cells;
    // ways[k][s]: the number of subsets of the first k amounts that sum to s, up to 2.
    let ways = &mut budget.ways;
    ways.clear();
    // A first table of some KB holds the searches of a table (the bundled table's take
    // 4,078 cells in all), so that the buffer is not grown from search to search.
    ways.reserve(cells.max(8192));
    ways.resize(cells, 0);
    ways[0] = 1;
    for (k, &(_, a)) in candidates.iter().enumerate() {
        let (done, next) = ways.split_at_mut((k + 1) * width);
        let previous = &done[k * width..];
        for s in 0..width {
            let without = previous[s];
            let with = if s >= a { previous[s - a] } else { 0 };
            next[s] = (without + with).min(2);
        }
    }
    match ways[candidates.len() * width + goal] {
        0 => return Err(NotUnique::None),
        1 => {}
        _ => return Err(NotUnique::Several),
    }
    let mut s = goal;
    for k in (0..candidates.len()).rev() {
        if ways[k * width + s] == 0 {
            let (i, a) = candidates[k];
            mask[i] = !complement;
            s -= a;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().expect("decimal")
    }

    fn money<'a>(name: &'a str, total: &str, parts: &[&str]) -> Money<'a> {
        Money::new(
            name,
            &Amounts {
                total: d(total),
                parts: parts.iter().map(|p| Some(d(p))).collect(),
                positional: parts.len() == 3,
                line: 1,
                column: 1,
                refused: None,
            },
        )
    }

    #[track_caller]
    fn subset(items: &[&str], target: &str) -> Result<Vec<bool>, NotUnique> {
        let items: Vec<Decimal> = items.iter().map(|i| d(i)).collect();
        unique_subset(items.iter().copied(), d(target), &mut Budget::default()).map(|m| m.to_vec())
    }

    #[test]
    fn unique_subsets_are_found_and_others_refused() {
        let items = ["780.00", "2.60", "148.00", "10.00"];
        assert_eq!(subset(&items, "12.60"), Ok(vec![false, true, false, true]));
        assert_eq!(subset(&items, "928.00"), Ok(vec![true, false, true, false]));
        assert_eq!(subset(&["1", "1"], "1"), Err(NotUnique::Several));
        assert_eq!(subset(&["1", "2"], "4"), Err(NotUnique::None));
        assert_eq!(subset(&["1", "2"], "0"), Ok(vec![false, false]));
        assert_eq!(subset(&["1", "2"], "-1"), Err(NotUnique::None));
        assert_eq!(
            subset(&["100000000", "100000001"], "100000000.5"),
            Err(NotUnique::TooLarge)
        );
        // Amounts whose cents overflow a usize when added are added without wrapping: the
        // one that makes 5.00 is found.
        let huge = "9223372036854775808.00";
        assert_eq!(
            subset(&[huge, huge, "5.00"], "5.00"),
            Ok(vec![false, false, true])
        );
        assert_eq!(subset(&[huge, huge], "5.00"), Err(NotUnique::None));
        assert_eq!(
            subset(&["79228162514264337593543950335", "1"], "1"),
            Ok(vec![false, true])
        );
        assert_eq!(
            subset(&[huge, huge], "9223372036854775808.00"),
            Err(NotUnique::TooLarge)
        );
    }

    #[test]
    fn the_search_budget_is_the_document_s() {
        let mut budget = Budget::default();
        // Each search fills (2 + 1) × (10,000,001 + 1) cells: the budget holds only so many.
        let items = [d("100000.01"), d("100000.01")];
        for _ in 0..(SEARCH_CELLS / 30_000_006) {
            assert_eq!(
                unique_subset(items.iter().copied(), d("100000.01"), &mut budget),
                Err(NotUnique::Several)
            );
        }
        assert_eq!(
            unique_subset(items.iter().copied(), d("100000.01"), &mut budget),
            Err(NotUnique::BudgetSpent)
        );
        // A small search still fits in what is left.
        assert_eq!(
            unique_subset([d("1"), d("2")].into_iter(), d("2"), &mut budget).map(|m| m.to_vec()),
            Ok(vec![false, true])
        );
        // Amounts beyond those held in place are searched as well.
        let mut many = vec![d("1"); FEW + 8];
        many.push(d("0.5"));
        let found = unique_subset(many.into_iter(), d("0.5"), &mut Budget::default());
        assert_eq!(found.map(|m| m.iter().filter(|&&b| b).count()), Ok(1));
    }

    #[test]
    fn lone_amounts_are_settled_by_the_subtotals() {
        let total = money("合计", "612.00", &["515.00", "97.00"]);
        let mut projects = [
            money("维修", "25.00", &["25.00"]),
            money("专项", "490.00", &["490.00"]),
            money("历史", "97.00", &["97.00"]),
        ];
        let mut units = vec![UnitMoney {
            unit: money("中心", "612.00", &["515.00", "97.00"]),
            projects: &mut projects,
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
        let mut projects = [
            money("甲", "10.00", &["10.00"]),
            money("乙", "10.00", &["10.00"]),
        ];
        let mut units = vec![UnitMoney {
            unit: money("局", "20.00", &["10.00", "10.00"]),
            projects: &mut projects,
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
        let mut projects = [
            money("甲", "10.00", &["10.00"]),
            money("乙", "5.00", &["5.00"]),
            money("丙", "15.00", &["15.00"]),
        ];
        let mut units = vec![UnitMoney {
            unit: money("局", "30.00", &["10.00", "5.00", "15.00"]),
            projects: &mut projects,
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

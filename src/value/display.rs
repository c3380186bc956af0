//! The canonical form: one spelling per meaning, which the grammar parses back to an equal
//! value. Comparators print as symbols (`不少于100场次` → `≥100场次`), rates as `/年`
//! (`每年不少于12场` → `≥12场/年`), ranges and date spans with `～`.

use super::grammar::{as_of_len, flip, is_cjk, may_start};
use super::words::{CHANGE_VERBS, PERIODS};
use super::{Baseline, Op, PartialDate, Quantity, Scale, Target, Value};
use core::fmt::{self, Display, Formatter, Write};

impl Display for Target {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match &self.value {
            Value::Compound(_) | Value::Qualitative(_) | Value::Text(_) => {
                Display::fmt(&self.value, f)
            }
            value => {
                if let Some(date) = &self.as_of {
                    let head = format!("截至{date}");
                    f.write_str(&head)?;
                    // A subject the date would run on into (`截至1月` and `底…`) is kept apart.
                    if let Some(subject) = &self.subject
                        && as_of_len(&format!("{head}{subject}")) != Some(head.len())
                    {
                        f.write_char('：')?;
                    }
                }
                let starts_with_op = starts_with_op(value);
                if let Some(subject) = &self.subject {
                    f.write_str(subject)?;
                    // A colon keeps the subject apart from the value (`广州海关：95万`); it is
                    // left out before a comparator where the subject ends in an ideograph that
                    // cannot be read as part of the value (`满意度≥95%`, not `每年≥…`), and
                    // after a separator the subject ends with.
                    let separated = subject.ends_with(['，', ',', '、', '；', ';']);
                    let plain_end = subject
                        .chars()
                        .next_back()
                        .is_some_and(|c| is_cjk(c) && !may_start(c))
                        && !ends_with_rate(subject)
                        && !ends_with_change(subject);
                    let needs_colon = !(separated || starts_with_op && plain_end);
                    if needs_colon {
                        f.write_char('：')?;
                    }
                } else if self.as_of.is_some() && !starts_with_op {
                    // A colon, not a comma: a comma would split a compound's part in two.
                    f.write_char('：')?;
                }
                write_value(f, value)?;
                if let Some(note) = &self.note {
                    write!(f, "（{note}）")?;
                }
                Ok(())
            }
        }
    }
}

/// Whether the canonical form of a value starts with a comparator symbol, which keeps it
/// apart from a subject written before it.
fn starts_with_op(value: &Value) -> bool {
    match value {
        Value::Compare { op, .. } | Value::Date { op, .. } => op.is_some(),
        Value::Relative {
            op, value: None, ..
        } => op.is_some(),
        Value::Rank { op, .. } => !matches!(op, Op::Le | Op::Eq),
        _ => false,
    }
}

/// Whether a subject ends with a verb of change (`较上年增长`), which would read the value
/// after it as the change.
fn ends_with_change(subject: &str) -> bool {
    CHANGE_VERBS
        .entries
        .iter()
        .any(|(verb, _)| subject.ends_with(verb))
}

/// Whether a subject ends with `每年`, `每月` …, which would read as the value's rate.
fn ends_with_rate(subject: &str) -> bool {
    PERIODS.entries.iter().any(|(period, _)| {
        subject
            .strip_suffix(period)
            .is_some_and(|s| s.ends_with('每'))
    })
}

fn write_op(f: &mut impl Write, op: Option<Op>) -> fmt::Result {
    match op {
        Some(op) => f.write_str(op.symbol()),
        None => Ok(()),
    }
}

/// The canonical form of a value without subject, date or note.
fn write_value(f: &mut impl Write, value: &Value) -> fmt::Result {
    match value {
        Value::Compare { op: o, value } => {
            write_op(f, *o)?;
            write!(f, "{value}")
        }
        Value::Range { low, high } => {
            let same = low.scale == high.scale && low.unit == high.unit && low.per == high.per;
            if same {
                write!(f, "{}～{high}", low.amount)
            } else {
                write!(f, "{low}～{high}")
            }
        }
        Value::Date { op: o, date, until } => {
            write_op(f, *o)?;
            write!(f, "{date}")?;
            match until {
                Some(until) => write!(f, "～{until}"),
                None => Ok(()),
            }
        }
        Value::Relative {
            op: o,
            baseline,
            value: None,
        } => {
            write_op(f, *o)?;
            f.write_str(baseline.word())
        }
        Value::Relative {
            op: o,
            baseline,
            value: Some(change),
        } => {
            let falling = change.amount.is_sign_negative() && !change.amount.is_zero();
            let (verb, o, change) = if falling {
                let magnitude = Quantity {
                    amount: -change.amount,
                    ..change.clone()
                };
                ("下降", o.map(flip), magnitude)
            } else {
                ("增长", *o, change.clone())
            };
            write!(f, "较{}{verb}", baseline.word())?;
            write_op(f, o)?;
            write!(f, "{change}")
        }
        Value::Rank { op, rank, scope } => {
            let scope = scope.as_deref().unwrap_or("");
            match op {
                Op::Le => write!(f, "{scope}前{rank}名"),
                Op::Eq => write!(f, "{scope}第{rank}名"),
                other => write!(f, "{}{scope}第{rank}名", other.symbol()),
            }
        }
        Value::Compound(_) | Value::Qualitative(_) | Value::Text(_) => Ok(()),
    }
}

impl Display for Value {
    /// The canonical form of the value alone, without a target's subject, date or note.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Value::Compound(parts) => {
                for (n, part) in parts.iter().enumerate() {
                    if n > 0 {
                        f.write_char('，')?;
                    }
                    Display::fmt(part, f)?;
                }
                Ok(())
            }
            Value::Qualitative(words) | Value::Text(words) => f.write_str(words),
            value => write_value(f, value),
        }
    }
}

impl Display for Quantity {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.amount)?;
        if let Some(scale) = self.scale {
            f.write_str(scale.as_str())?;
        }
        if let Some(unit) = &self.unit {
            f.write_str(unit)?;
        }
        if let Some(per) = &self.per {
            write!(f, "/{per}")?;
        }
        Ok(())
    }
}

impl Display for PartialDate {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        if let Some(year) = self.year {
            write!(f, "{year}年")?;
        }
        if let Some(month) = self.month {
            write!(f, "{month}月")?;
            if let Some(day) = self.day {
                write!(f, "{day}日")?;
            }
        }
        Ok(())
    }
}

impl Display for Op {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(self.symbol())
    }
}

impl Display for Scale {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Display for Baseline {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Display for super::Kind {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

//! The JSON contract of the value layer, documented in README.md.

use super::{Baseline, Kind, Op, PartialDate, Quantity, Scale, Target, Value};
use rust_decimal::Decimal;
use serde::de::{self, Deserializer};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

impl Serialize for Target {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("raw", self.raw())?;
        // Written as it is formatted, without a `String` of its own.
        map.serialize_entry("canonical", &Canonical(self))?;
        map.serialize_entry("kind", &self.kind())?;
        match &self.value {
            Value::Compare { op, value } => {
                map.serialize_entry("op", op)?;
                map.serialize_entry("value", value)?;
            }
            Value::Range { low, high } => {
                map.serialize_entry("low", low)?;
                map.serialize_entry("high", high)?;
            }
            Value::Date { op, date, until } => {
                map.serialize_entry("op", op)?;
                map.serialize_entry("date", date)?;
                map.serialize_entry("until", until)?;
            }
            Value::Relative {
                op,
                baseline,
                value,
            } => {
                map.serialize_entry("op", op)?;
                map.serialize_entry("baseline", baseline)?;
                map.serialize_entry("value", value)?;
            }
            Value::Rank { op, rank, scope } => {
                map.serialize_entry("op", op)?;
                map.serialize_entry("rank", rank)?;
                map.serialize_entry("scope", scope)?;
            }
            Value::Compound(parts) => map.serialize_entry("parts", parts)?,
            Value::Qualitative(_) | Value::Text(_) => {}
        }
        map.serialize_entry("subject", &self.subject.as_deref())?;
        map.serialize_entry("as_of", &self.as_of.map(|d| d.iso()))?;
        map.serialize_entry("note", &self.note.as_deref())?;
        map.end()
    }
}

/// A target's canonical form, serialized as the string its `Display` writes.
struct Canonical<'a>(&'a Target);

impl Serialize for Canonical<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self.0)
    }
}

/// A target as it stands in JSON, every field optional; `canonical` is derived and ignored.
#[derive(Deserialize)]
struct WireTarget {
    raw: Option<String>,
    kind: Kind,
    #[serde(default)]
    op: Option<Op>,
    #[serde(default)]
    value: Option<Quantity>,
    #[serde(default)]
    low: Option<Quantity>,
    #[serde(default)]
    high: Option<Quantity>,
    #[serde(default)]
    date: Option<PartialDate>,
    #[serde(default)]
    until: Option<PartialDate>,
    #[serde(default)]
    baseline: Option<Baseline>,
    #[serde(default)]
    rank: Option<u32>,
    #[serde(default)]
    scope: Option<String>,
    #[serde(default)]
    parts: Option<Vec<WireTarget>>,
    #[serde(default)]
    subject: Option<String>,
    #[serde(default)]
    as_of: Option<String>,
    #[serde(default)]
    note: Option<String>,
}

fn missing<E: de::Error>(kind: Kind, field: &'static str) -> E {
    E::custom(format_args!("a {kind} target needs \"{field}\""))
}

impl<'de> Deserialize<'de> for Target {
    /// Reads a target and checks that its typed fields are what its `raw` reads as (or, without
    /// `raw`, what its canonical form reads as): JSON that contradicts itself is refused.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let target = from_wire(WireTarget::deserialize(deserializer)?)?;
        let read = Target::lenient(target.raw());
        if read != target {
            return Err(de::Error::custom(format_args!(
                "the typed fields contradict \"raw\": {:?} reads as {:?} ({}), not as {:?}",
                target.raw(),
                read.to_string(),
                read.kind(),
                target.to_string()
            )));
        }
        Ok(target)
    }
}

/// The target of its wire form, its parts too, without the check of `raw` (a compound's
/// parts are checked as a whole with it).
fn from_wire<E: de::Error>(w: WireTarget) -> Result<Target, E> {
    let kind = w.kind;
    let value = match kind {
        Kind::Compare => Value::Compare {
            op: w.op,
            value: w.value.ok_or_else(|| missing(kind, "value"))?,
        },
        Kind::Range => Value::Range {
            low: w.low.ok_or_else(|| missing(kind, "low"))?,
            high: w.high.ok_or_else(|| missing(kind, "high"))?,
        },
        Kind::Date => Value::Date {
            op: w.op,
            date: w.date.ok_or_else(|| missing(kind, "date"))?,
            until: w.until,
        },
        Kind::Relative => Value::Relative {
            op: w.op,
            baseline: w.baseline.ok_or_else(|| missing(kind, "baseline"))?,
            value: w.value,
        },
        Kind::Rank => Value::Rank {
            op: w.op.ok_or_else(|| missing(kind, "op"))?,
            rank: w.rank.ok_or_else(|| missing(kind, "rank"))?,
            scope: w.scope,
        },
        Kind::Compound => {
            let parts = w.parts.ok_or_else(|| missing(kind, "parts"))?;
            Value::Compound(parts.into_iter().map(from_wire).collect::<Result<_, E>>()?)
        }
        Kind::Qualitative => Value::Qualitative(w.raw.clone().ok_or_else(|| missing(kind, "raw"))?),
        Kind::Text => Value::Text(w.raw.clone().ok_or_else(|| missing(kind, "raw"))?),
    };
    let as_of = match w.as_of {
        Some(text) => Some(
            text.parse::<PartialDate>()
                .map_err(|_| E::custom(format_args!("invalid as_of {text:?}")))?,
        ),
        None => None,
    };
    let mut target = Target {
        raw: super::raw::RawText::default(),
        value,
        subject: w.subject.map(Into::into),
        as_of,
        note: w.note.map(Into::into),
    };
    target.raw = match w.raw {
        Some(raw) => raw.into(),
        None => target.to_string().into(),
    };
    Ok(target)
}

impl Serialize for Quantity {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(4))?;
        map.serialize_entry("amount", &self.amount)?;
        map.serialize_entry("scale", &self.scale)?;
        map.serialize_entry("unit", &self.unit)?;
        map.serialize_entry("per", &self.per)?;
        map.end()
    }
}

#[derive(Deserialize)]
struct WireQuantity {
    #[serde(deserialize_with = "crate::json::decimal::exact")]
    amount: Decimal,
    #[serde(default)]
    scale: Option<Scale>,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    per: Option<String>,
}

impl<'de> Deserialize<'de> for Quantity {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let w = WireQuantity::deserialize(deserializer)?;
        Ok(Quantity {
            amount: w.amount,
            scale: w.scale,
            unit: w.unit.filter(|u| !u.is_empty()).map(Cow::Owned),
            per: w.per.filter(|u| !u.is_empty()).map(Cow::Owned),
        })
    }
}

impl Serialize for Scale {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Scale {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Cow::<str>::deserialize(deserializer)?;
        text.parse().map_err(de::Error::custom)
    }
}

#[derive(Serialize, Deserialize)]
struct WireDate {
    year: Option<u16>,
    month: Option<u8>,
    day: Option<u8>,
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        WireDate {
            year: self.year,
            month: self.month,
            day: self.day,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let w = WireDate::deserialize(deserializer)?;
        PartialDate::from_parts(w.year, w.month, w.day).ok_or_else(|| {
            de::Error::custom("a date needs a year or a month 1-12 (and a day 1-31)")
        })
    }
}

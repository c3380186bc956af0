//! JSON Schemas of the JSON contract, generated from the types by schemars: derived where
//! the JSON is derived, written here where the crate writes its JSON by hand (targets,
//! quantities, dates, the taxonomy's codes).

use super::FORMAT;
use crate::{
    Assessment, Baseline, Category, Document, Kind, Op, PartialDate, Quantity, Report, Scale,
    Target, Tier,
};
use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::{Value, json};
use std::borrow::Cow;

/// The JSON Schema (draft 2020-12) of a [`Document`] as this crate writes it.
///
/// ```
/// let schema = jixiao::json::document_schema();
/// assert_eq!(schema.get("title").and_then(|t| t.as_str()), Some("Document"));
/// assert!(schema.pointer("/properties/format/const").is_some());
/// ```
#[must_use]
pub fn document_schema() -> Schema {
    generator().into_root_schema_for::<Document>()
}

/// The JSON Schema (draft 2020-12) of a [`Report`] as this crate writes it.
///
/// ```
/// let schema = jixiao::json::report_schema();
/// assert_eq!(schema.get("title").and_then(|t| t.as_str()), Some("Report"));
/// ```
#[must_use]
pub fn report_schema() -> Schema {
    generator().into_root_schema_for::<Report>()
}

/// The JSON Schema (draft 2020-12) of an [`Assessment`] as this crate writes it.
///
/// ```
/// let schema = jixiao::json::assessment_schema();
/// assert_eq!(schema.get("title").and_then(|t| t.as_str()), Some("Assessment"));
/// ```
#[must_use]
pub fn assessment_schema() -> Schema {
    generator().into_root_schema_for::<Assessment>()
}

/// Schemas of what is written (every field present), with each description cut to its first
/// paragraph: the docs' examples stay in the docs.
fn generator() -> SchemaGenerator {
    SchemaSettings::draft2020_12()
        .for_serialize()
        .with_transform(RecursiveTransform(first_paragraph))
        .into_generator()
}

fn first_paragraph(schema: &mut Schema) {
    if let Some(Value::String(text)) = schema.get_mut("description") {
        let first = text.split("\n\n").next().unwrap_or_default();
        *text = unlink(&first.replace('\n', " "));
    }
}

/// Markdown links as their text: `[`score`](Self::score)` and `[`Finding`]` are `` `score` ``
/// and `` `Finding` ``.
fn unlink(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find(']').filter(|c| !after[..*c].contains('[')) else {
            out.push('[');
            rest = after;
            continue;
        };
        let inner = &after[..close];
        let tail = &after[close + 1..];
        let target = tail
            .strip_prefix('(')
            .and_then(|t| t.find(')').map(|end| &t[end + 1..]));
        match target {
            Some(next) => {
                out.push_str(inner);
                rest = next;
            }
            None if inner.len() > 1 && inner.starts_with('`') && inner.ends_with('`') => {
                out.push_str(inner);
                rest = tail;
            }
            None => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `"format"` a top-level document begins with, in its schema.
pub(crate) fn with_format(schema: &mut Schema) {
    let format = json!({
        "description": "The version of the JSON contract (`jixiao::json::FORMAT`).",
        "const": FORMAT,
    });
    if let Some(Value::Object(properties)) = schema.get_mut("properties") {
        properties.insert("format".to_owned(), format);
    }
    if let Some(Value::Array(required)) = schema.get_mut("required") {
        required.insert(0, Value::from("format"));
    }
}

/// A string from a fixed list of words.
fn words(description: &str, words: impl IntoIterator<Item = &'static str>) -> Schema {
    let words: Vec<&str> = words.into_iter().collect();
    json_schema!({"description": description, "type": "string", "enum": words})
}

/// An integer from a fixed list of codes.
fn codes(description: &str, codes: impl IntoIterator<Item = u8>) -> Schema {
    let codes: Vec<u8> = codes.into_iter().collect();
    json_schema!({"description": description, "type": "integer", "enum": codes})
}

/// A schema or null.
fn or_null(schema: Schema) -> Schema {
    json_schema!({"anyOf": [schema, {"type": "null"}]})
}

impl JsonSchema for Target {
    fn schema_name() -> Cow<'static, str> {
        "Target".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let quantity = generator.subschema_for::<Quantity>();
        let date = generator.subschema_for::<PartialDate>();
        let op = generator.subschema_for::<Op>();
        let string_or_null = json_schema!({"type": ["string", "null"]});
        let kind = |kind: Kind, required: &[&str], properties: Value| {
            json!({
                "properties": merge(json!({"kind": {"const": kind.as_str()}}), properties),
                "required": required,
            })
        };
        json_schema!({
            "description": "A target value (指标值), typed: its text as written, its canonical form, its kind and the fields of that kind.",
            "type": "object",
            "properties": {
                "raw": {"description": "The text as written, without the whitespace around it", "type": "string"},
                "canonical": {"description": "The canonical form, which parses back to an equal target.", "type": "string"},
                "kind": generator.subschema_for::<Kind>(),
                "op": or_null(op.clone()),
                "value": or_null(quantity.clone()),
                "low": quantity,
                "high": quantity,
                "date": date,
                "until": or_null(date.clone()),
                "baseline": generator.subschema_for::<Baseline>(),
                "rank": {"type": "integer", "minimum": 0, "maximum": u32::MAX},
                "scope": string_or_null,
                "parts": {"type": "array", "items": generator.subschema_for::<Target>()},
                "subject": string_or_null,
                "as_of": {
                    "description": "An ISO 8601 date as precise as the text: 2026, 2026-12, 2026-12-31, --12.",
                    "type": ["string", "null"],
                    "pattern": AS_OF,
                },
                "note": string_or_null,
            },
            "required": ["raw", "canonical", "kind", "subject", "as_of", "note"],
            "additionalProperties": false,
            "oneOf": [
                kind(Kind::Compare, &["op", "value"], json!({"value": quantity})),
                kind(Kind::Range, &["low", "high"], json!({})),
                kind(Kind::Date, &["op", "date", "until"], json!({})),
                kind(Kind::Relative, &["op", "baseline", "value"], json!({})),
                kind(Kind::Rank, &["op", "rank", "scope"], json!({"op": op})),
                kind(Kind::Compound, &["parts"], json!({})),
                kind(Kind::Qualitative, &[], json!({})),
                kind(Kind::Text, &[], json!({})),
            ],
        })
    }
}

/// The pattern of an `as_of` date: a year with its month and day where known, or a month
/// (and day) of no year.
pub(crate) const AS_OF: &str = r"^(\d{4,5}(-\d{2}(-\d{2})?)?|--\d{2}(-\d{2})?)$";

/// Two JSON objects as one.
fn merge(mut a: Value, b: Value) -> Value {
    if let (Value::Object(a), Value::Object(b)) = (&mut a, b) {
        a.extend(b);
    }
    a
}

impl JsonSchema for Quantity {
    fn schema_name() -> Cow<'static, str> {
        "Quantity".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An amount with its scale word, unit and rate: 7.6万家, 15列/周.",
            "type": "object",
            "properties": {
                "amount": {
                    "description": "An exact decimal, with the digits as written.",
                    "type": "string",
                    "pattern": DECIMAL,
                },
                "scale": or_null(generator.subschema_for::<Scale>()),
                "unit": {"type": ["string", "null"]},
                "per": {"type": ["string", "null"]},
            },
            "required": ["amount", "scale", "unit", "per"],
            "additionalProperties": false,
        })
    }
}

/// The pattern of a decimal string, as schemars writes it for `Decimal`.
pub(crate) const DECIMAL: &str = r"^-?\d+(\.\d+)?$";

impl JsonSchema for PartialDate {
    fn schema_name() -> Cow<'static, str> {
        "PartialDate".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A date whose parts may be missing: 2025年, 12月底.",
            "type": "object",
            "properties": {
                "year": {"type": ["integer", "null"], "minimum": 0, "maximum": u16::MAX},
                "month": {"type": ["integer", "null"], "minimum": 1, "maximum": 12},
                "day": {"type": ["integer", "null"], "minimum": 1, "maximum": 31},
            },
            "required": ["year", "month", "day"],
            "additionalProperties": false,
        })
    }
}

impl JsonSchema for Scale {
    fn schema_name() -> Cow<'static, str> {
        "Scale".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        words(
            "A scale word between a number and its unit.",
            Scale::ALL.iter().map(|s| s.as_str()),
        )
    }
}

impl JsonSchema for Kind {
    fn schema_name() -> Cow<'static, str> {
        "Kind".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        words(
            "The kind of a target.",
            Kind::ALL.iter().map(|k| k.as_str()),
        )
    }
}

impl JsonSchema for Op {
    fn schema_name() -> Cow<'static, str> {
        "Op".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        words("A comparator.", Op::ALL.iter().map(|o| o.as_str()))
    }
}

impl JsonSchema for Baseline {
    fn schema_name() -> Cow<'static, str> {
        "Baseline".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        // Every baseline: a new one fails to compile here until it is listed.
        let all = |b: Baseline| match b {
            Baseline::PreviousYear | Baseline::Budget => b.as_str(),
        };
        words(
            "What a relative target is measured against.",
            [Baseline::PreviousYear, Baseline::Budget].map(all),
        )
    }
}

impl JsonSchema for Tier {
    fn schema_name() -> Cow<'static, str> {
        "Tier".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        codes(
            "A tier (一级指标) by its code: 1 产出, 2 效益, 3 满意度, 4 成本, 5 决策, 6 过程.",
            Tier::iter().map(Tier::code),
        )
    }
}

impl JsonSchema for Category {
    fn schema_name() -> Cow<'static, str> {
        "Category".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        codes(
            "A category (二级指标) by its code: 11 数量, 12 质量, 13 时效, 14 成本, 21 经济效益 …",
            Category::iter().map(Category::code),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::unlink;

    #[test]
    fn links_are_read_as_their_text() {
        assert_eq!(
            unlink("beside [`score`](Self::score), the [rules](crate::assess)"),
            "beside `score`, the rules"
        );
        assert_eq!(unlink("see [`Finding`]."), "see `Finding`.");
        assert_eq!(unlink("a [b] c](d"), "a [b] c](d");
        assert_eq!(unlink("[x] [[y"), "[x] [[y");
    }
}

//! Every distinct target value of the real Guangzhou table parses to its expected JSON.
//!
//! Matching rule (from the fixture's README): every key given must match; a list means "any of
//! these" (except under `parts`, where it is the parts in order); `amount` compares as a
//! number; `null` means null or absent.
//!
//! The fixture is read with `serde_json` (a dev-dependency), and each target is compared
//! through [`view`], its JSON built from the public accessors, so that every feature set
//! tests the same facts; with the `serde` feature, `view` is also proven equal to the
//! serialized form.

use jixiao::{PartialDate, Quantity, Target, Value};
use rust_decimal::Decimal;
use serde_json::{Value as Json, json};
use std::str::FromStr;

const SEEDS: &str = include_str!("data/seed_targets.jsonl");

/// A quantity as the JSON contract writes it.
fn quantity(q: &Quantity) -> Json {
    json!({
        "amount": q.amount().to_string(),
        "scale": q.scale().map(|s| s.as_str()),
        "unit": q.unit(),
        "per": q.per(),
    })
}

fn date(d: &PartialDate) -> Json {
    json!({"year": d.year(), "month": d.month(), "day": d.day()})
}

/// A target as the JSON contract (README, "Target") writes it, from its accessors alone.
fn view(t: &Target) -> Json {
    let mut out = json!({
        "raw": t.raw(),
        "canonical": t.to_string(),
        "kind": t.kind().as_str(),
        "subject": t.subject(),
        "as_of": t.as_of().map(|d| d.iso()),
        "note": t.note(),
    });
    let fields = match t.value() {
        Value::Compare { op, value } => {
            json!({"op": op.map(|o| o.as_str()), "value": quantity(value)})
        }
        Value::Range { low, high } => json!({"low": quantity(low), "high": quantity(high)}),
        Value::Date { op, date: d, until } => json!({
            "op": op.map(|o| o.as_str()),
            "date": date(d),
            "until": until.as_ref().map(date),
        }),
        Value::Relative {
            op,
            baseline,
            value,
        } => json!({
            "op": op.map(|o| o.as_str()),
            "baseline": baseline.as_str(),
            "value": value.as_ref().map(quantity),
        }),
        Value::Rank { op, rank, scope } => {
            json!({"op": op.as_str(), "rank": rank, "scope": scope})
        }
        Value::Compound(parts) => json!({"parts": parts.iter().map(view).collect::<Vec<_>>()}),
        _ => json!({}),
    };
    if let (Some(out), Some(fields)) = (out.as_object_mut(), fields.as_object()) {
        out.extend(fields.clone());
    }
    out
}

fn matches(expect: &Json, actual: Option<&Json>, key: &str) -> Result<(), String> {
    let actual_or_null = actual.unwrap_or(&Json::Null);
    match expect {
        Json::Null if actual_or_null.is_null() => Ok(()),
        Json::Array(parts) if key == "parts" => {
            let got = actual_or_null
                .as_array()
                .ok_or_else(|| format!("{key}: expected a list, got {actual_or_null}"))?;
            if got.len() != parts.len() {
                return Err(format!(
                    "{key}: expected {} parts, got {}",
                    parts.len(),
                    got.len()
                ));
            }
            for (n, (e, a)) in parts.iter().zip(got).enumerate() {
                matches(e, Some(a), "part").map_err(|m| format!("parts[{n}].{m}"))?;
            }
            Ok(())
        }
        Json::Array(options) => {
            if options.iter().any(|o| matches(o, actual, key).is_ok()) {
                Ok(())
            } else {
                Err(format!(
                    "{key}: expected one of {expect}, got {actual_or_null}"
                ))
            }
        }
        Json::Object(fields) => {
            let got = actual_or_null
                .as_object()
                .ok_or_else(|| format!("{key}: expected an object, got {actual_or_null}"))?;
            for (k, v) in fields {
                matches(v, got.get(k), k).map_err(|m| format!("{key}.{m}"))?;
            }
            Ok(())
        }
        Json::String(amount) if key == "amount" => {
            let want = Decimal::from_str(amount).map_err(|e| e.to_string())?;
            let got = actual_or_null
                .as_str()
                .and_then(|s| Decimal::from_str(s).ok());
            if got == Some(want) {
                Ok(())
            } else {
                Err(format!("amount: expected {want}, got {actual_or_null}"))
            }
        }
        _ if expect == actual_or_null => Ok(()),
        _ => Err(format!("{key}: expected {expect}, got {actual_or_null}")),
    }
}

#[test]
fn all_198_seed_values_parse_as_expected() {
    let mut failures = Vec::new();
    let mut count = 0;
    for line in SEEDS.lines().filter(|l| !l.trim().is_empty()) {
        count += 1;
        let case: Json = serde_json::from_str(line).expect("fixture line is JSON");
        let raw = case["raw"].as_str().expect("fixture has raw");
        let target = Target::lenient(raw);
        let actual = view(&target);
        if let Err(why) = matches(&case["expect"], Some(&actual), "target") {
            failures.push(format!("{raw}\n    {why}\n    got {actual}"));
        }
    }
    assert_eq!(count, 198, "the fixture holds 198 values");
    assert!(
        failures.is_empty(),
        "{} of {count} seed values differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn seed_values_parse_strictly_unless_untyped() {
    for line in SEEDS.lines().filter(|l| !l.trim().is_empty()) {
        let case: Json = serde_json::from_str(line).expect("fixture line is JSON");
        let raw = case["raw"].as_str().expect("fixture has raw");
        let strict = raw.parse::<Target>();
        assert_eq!(
            strict.as_ref().ok(),
            Some(&Target::lenient(raw)),
            "{raw}: {strict:?}"
        );
    }
}

#[test]
fn seed_values_round_trip_through_their_canonical_form() {
    for line in SEEDS.lines().filter(|l| !l.trim().is_empty()) {
        let case: Json = serde_json::from_str(line).expect("fixture line is JSON");
        let raw = case["raw"].as_str().expect("fixture has raw");
        let target = Target::lenient(raw);
        let canonical = target.to_string();
        assert_eq!(Target::lenient(&canonical), target, "{raw} → {canonical}");
        assert_eq!(
            canonical.parse::<Target>().as_ref(),
            Ok(&target),
            "{canonical}"
        );
    }
}

/// The accessors' view above is the JSON the crate writes, key for key.
#[cfg(feature = "serde")]
#[test]
fn the_view_is_the_serialized_form() {
    for line in SEEDS.lines().filter(|l| !l.trim().is_empty()) {
        let case: Json = serde_json::from_str(line).expect("fixture line is JSON");
        let target = Target::lenient(case["raw"].as_str().expect("fixture has raw"));
        let serialized = serde_json::to_value(&target).expect("targets serialize");
        assert_eq!(view(&target), serialized);
    }
}

#[cfg(feature = "serde")]
#[test]
fn seed_values_round_trip_through_json() {
    for line in SEEDS.lines().filter(|l| !l.trim().is_empty()) {
        let case: Json = serde_json::from_str(line).expect("fixture line is JSON");
        let raw = case["raw"].as_str().expect("fixture has raw");
        let target = Target::lenient(raw);
        let json = serde_json::to_string(&target).expect("serializes");
        let back: Target = serde_json::from_str(&json).expect("deserializes");
        assert_eq!(back, target, "{json}");
        assert_eq!(back.raw(), target.raw());
    }
}

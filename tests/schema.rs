//! The JSON Schemas of `jixiao::json` describe what the crate writes: real documents, reports
//! and assessments validate against them, broken ones do not, and the copies committed in
//! `schema/` are the generated ones.
//!
//! The validator here is small on purpose (a JSON Schema crate would build for minutes): it
//! knows the keywords schemars and the hand-written schemas use, and refuses a schema with any
//! other, so that nothing passes unchecked.
#![cfg(feature = "schema")]

use jixiao::{Actuals, AssessConfig, CheckConfig, Document, assess, check, json};
use serde_json::{Map, Value, json};
use std::path::Path;

/// Where an instance breaks its schema, as a JSON pointer and a reason.
type Failure = String;

struct Validator<'s> {
    root: &'s Value,
}

impl<'s> Validator<'s> {
    fn new(root: &'s Value) -> Self {
        let v = Validator { root };
        v.known_keywords(root, "#");
        v
    }

    /// Every keyword of the schema is one this validator checks or may pass over.
    fn known_keywords(&self, schema: &Value, at: &str) {
        let Some(object) = schema.as_object() else {
            assert!(
                schema.is_boolean(),
                "{at}: a schema is an object or a boolean"
            );
            return;
        };
        for (key, value) in object {
            let at = format!("{at}/{key}");
            match key.as_str() {
                "$schema" | "title" | "description" | "$comment" | "default" | "examples" => {}
                "type" | "enum" | "const" | "required" | "minimum" | "maximum" | "$ref" => {}
                "pattern" => {
                    let pattern = value.as_str().expect("a pattern is a string");
                    assert!(
                        pattern_check(pattern).is_some(),
                        "{at}: unknown pattern {pattern}"
                    );
                }
                "format" => {
                    let format = value.as_str().expect("a format is a string");
                    assert!(
                        format_check(format).is_some(),
                        "{at}: unknown format {format}"
                    );
                }
                "$defs" | "properties" => {
                    for (name, sub) in value.as_object().expect("a map of schemas") {
                        self.known_keywords(sub, &format!("{at}/{name}"));
                    }
                }
                "items" | "additionalProperties" | "not" => self.known_keywords(value, &at),
                "anyOf" | "oneOf" | "allOf" => {
                    for (n, sub) in value
                        .as_array()
                        .expect("a list of schemas")
                        .iter()
                        .enumerate()
                    {
                        self.known_keywords(sub, &format!("{at}/{n}"));
                    }
                }
                other => panic!("{at}: the validator does not know the keyword {other}"),
            }
        }
    }

    fn validate(&self, schema: &Value, instance: &Value, at: &str) -> Result<(), Failure> {
        let schema = match schema {
            Value::Bool(true) => return Ok(()),
            Value::Bool(false) => return Err(format!("{at}: nothing is allowed here")),
            Value::Object(object) => object,
            _ => return Err(format!("{at}: the schema is no schema")),
        };
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            let target = reference
                .strip_prefix('#')
                .and_then(|pointer| self.root.pointer(pointer))
                .ok_or_else(|| format!("{at}: unresolved {reference}"))?;
            self.validate(target, instance, at)?;
        }
        if let Some(types) = schema.get("type") {
            let allowed: Vec<&str> = match types {
                Value::String(t) => vec![t.as_str()],
                Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
                _ => return Err(format!("{at}: a bad type")),
            };
            if !allowed.iter().any(|t| is_type(instance, t)) {
                return Err(format!("{at}: {instance} is not of type {allowed:?}"));
            }
        }
        if let Some(options) = schema.get("enum").and_then(Value::as_array)
            && !options.contains(instance)
        {
            return Err(format!("{at}: {instance} is none of {options:?}"));
        }
        if let Some(constant) = schema.get("const")
            && constant != instance
        {
            return Err(format!("{at}: {instance} is not {constant}"));
        }
        if let Value::Object(fields) = instance {
            self.object(schema, fields, at)?;
        }
        if let (Some(items), Value::Array(list)) = (schema.get("items"), instance) {
            for (n, item) in list.iter().enumerate() {
                self.validate(items, item, &format!("{at}/{n}"))?;
            }
        }
        if let Some(number) = instance.as_f64() {
            if let Some(min) = schema.get("minimum").and_then(Value::as_f64)
                && number < min
            {
                return Err(format!("{at}: {number} is below {min}"));
            }
            if let Some(max) = schema.get("maximum").and_then(Value::as_f64)
                && number > max
            {
                return Err(format!("{at}: {number} is above {max}"));
            }
        }
        if let Some(format) = schema.get("format").and_then(Value::as_str) {
            let check = format_check(format).ok_or_else(|| format!("{at}: format {format}"))?;
            if !check(instance) {
                return Err(format!("{at}: {instance} is no {format}"));
            }
        }
        if let (Some(pattern), Value::String(text)) =
            (schema.get("pattern").and_then(Value::as_str), instance)
        {
            let check = pattern_check(pattern).ok_or_else(|| format!("{at}: {pattern}"))?;
            if !check(text) {
                return Err(format!("{at}: {text:?} does not match {pattern}"));
            }
        }
        if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
            for sub in all {
                self.validate(sub, instance, at)?;
            }
        }
        if let Some(any) = schema.get("anyOf").and_then(Value::as_array) {
            let failures: Vec<Failure> = any
                .iter()
                .filter_map(|sub| self.validate(sub, instance, at).err())
                .collect();
            if failures.len() == any.len() {
                return Err(format!("{at}: none of anyOf: {failures:?}"));
            }
        }
        if let Some(one) = schema.get("oneOf").and_then(Value::as_array) {
            let passing = one
                .iter()
                .filter(|sub| self.validate(sub, instance, at).is_ok())
                .count();
            if passing != 1 {
                return Err(format!("{at}: {passing} of oneOf match, not 1"));
            }
        }
        if let Some(not) = schema.get("not")
            && self.validate(not, instance, at).is_ok()
        {
            return Err(format!("{at}: matches what it must not"));
        }
        Ok(())
    }

    fn object(
        &self,
        schema: &Map<String, Value>,
        fields: &Map<String, Value>,
        at: &str,
    ) -> Result<(), Failure> {
        let properties = schema.get("properties").and_then(Value::as_object);
        for name in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            if !fields.contains_key(name) {
                return Err(format!("{at}: {name:?} is missing"));
            }
        }
        for (name, value) in fields {
            let at = format!("{at}/{name}");
            let sub = properties
                .and_then(|p| p.get(name))
                .or_else(|| schema.get("additionalProperties"));
            if let Some(sub) = sub {
                self.validate(sub, value, &at)?;
            }
        }
        Ok(())
    }
}

fn is_type(instance: &Value, name: &str) -> bool {
    match name {
        "null" => instance.is_null(),
        "boolean" => instance.is_boolean(),
        "object" => instance.is_object(),
        "array" => instance.is_array(),
        "string" => instance.is_string(),
        "number" => instance.is_number(),
        "integer" => instance.is_i64() || instance.is_u64(),
        _ => false,
    }
}

/// The patterns the schemas use, checked by hand.
fn pattern_check(pattern: &str) -> Option<fn(&str) -> bool> {
    fn digits(s: &str) -> bool {
        !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
    }
    fn decimal(s: &str) -> bool {
        let s = s.strip_prefix('-').unwrap_or(s);
        match s.split_once('.') {
            Some((whole, fraction)) => digits(whole) && digits(fraction),
            None => digits(s),
        }
    }
    fn as_of(s: &str) -> bool {
        let two = |p: &str| p.len() == 2 && digits(p);
        if let Some(rest) = s.strip_prefix("--") {
            let mut parts = rest.split('-');
            let month = parts.next().is_some_and(two);
            let day = parts.next().is_none_or(two);
            return month && day && parts.next().is_none();
        }
        let mut parts = s.split('-');
        let year = parts
            .next()
            .is_some_and(|y| (4..=5).contains(&y.len()) && digits(y));
        let month = parts.next().is_none_or(two);
        let day = parts.next().is_none_or(two);
        year && month && day && parts.next().is_none()
    }
    match pattern {
        r"^-?\d+(\.\d+)?$" => Some(decimal),
        r"^(\d{4,5}(-\d{2}(-\d{2})?)?|--\d{2}(-\d{2})?)$" => Some(as_of),
        _ => None,
    }
}

/// The formats schemars writes for integers.
fn format_check(format: &str) -> Option<fn(&Value) -> bool> {
    match format {
        "uint" | "uint8" | "uint16" | "uint32" | "uint64" => Some(|v| !v.is_number() || v.is_u64()),
        "int" | "int8" | "int16" | "int32" | "int64" => Some(|v| !v.is_number() || v.is_i64()),
        _ => None,
    }
}

#[track_caller]
fn valid(schema: &Value, instance: &Value) {
    if let Err(why) = Validator::new(schema).validate(schema, instance, "") {
        panic!("{why}");
    }
}

fn invalid(schema: &Value, instance: &Value) -> Failure {
    Validator::new(schema)
        .validate(schema, instance, "")
        .expect_err("the instance breaks the schema")
}

fn schema_of(schema: schemars::Schema) -> Value {
    schema.to_value()
}

fn bundled() -> Document {
    include_str!("data/guangzhou_commerce_2024.txt")
        .parse()
        .expect("the bundled table parses")
}

fn self_evaluation() -> Document {
    include_str!("data/selfeval_anhui_xiaoxian_2023.txt")
        .parse()
        .expect("the bundled self-evaluation parses")
}

/// Every real table the crate tests itself on.
fn tables() -> Vec<(String, Document)> {
    let mut docs = vec![
        ("bundled".to_owned(), bundled()),
        ("self-evaluation".to_owned(), self_evaluation()),
    ];
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/grids");
    let mut paths: Vec<_> = std::fs::read_dir(&folder)
        .expect("the grids folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("a table");
        if let Ok(doc) = text.parse::<Document>() {
            docs.push((path.display().to_string(), doc));
        }
    }
    docs
}

#[test]
fn real_documents_reports_and_assessments_validate() {
    let documents = schema_of(json::document_schema());
    let reports = schema_of(json::report_schema());
    let assessments = schema_of(json::assessment_schema());
    let actuals: Actuals = include_str!("data/guangzhou_commerce_2024_actuals.csv")
        .parse()
        .expect("the sample actuals");
    let tables = tables();
    assert!(tables.len() > 30, "{} tables", tables.len());
    for (name, doc) in &tables {
        let written = serde_json::to_value(doc).expect("serializes");
        if let Err(why) = Validator::new(&documents).validate(&documents, &written, "") {
            panic!("{name}: {why}");
        }
        let report = serde_json::to_value(check(doc, &CheckConfig::default())).expect("report");
        if let Err(why) = Validator::new(&reports).validate(&reports, &report, "") {
            panic!("{name}: report: {why}");
        }
        let scores = assess(doc, &Actuals::default(), &AssessConfig::default());
        let scores = serde_json::to_value(scores).expect("assessment");
        if let Err(why) = Validator::new(&assessments).validate(&assessments, &scores, "") {
            panic!("{name}: assessment: {why}");
        }
    }
    // With actual values, every status and note appears.
    let scored = assess(&bundled(), &actuals, &AssessConfig::default());
    valid(
        &assessments,
        &serde_json::to_value(scored).expect("assessment"),
    );
}

#[test]
fn every_kind_of_target_validates() {
    let documents = schema_of(json::document_schema());
    let values = include_str!("data/seed_targets.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str::<Value>(l).expect("a fixture line")["raw"].clone())
        .filter_map(|raw| raw.as_str().map(str::to_owned))
        .chain(
            [
                "2023年12月前",
                "2023.07-2024.01",
                "较上年增长10%",
                "不低于上年度",
                "第1名",
                "进展良好",
                "XX",
                "",
            ]
            .map(str::to_owned),
        );
    let target = json!({"$ref": "#/$defs/Target"});
    let mut kinds = std::collections::BTreeSet::new();
    for raw in values {
        let written = serde_json::to_value(jixiao::Target::lenient(&raw)).expect("serializes");
        kinds.insert(written["kind"].as_str().unwrap_or_default().to_owned());
        let mut schema = documents.clone();
        schema["$ref"] = target["$ref"].clone();
        if let Err(why) = Validator::new(&schema).validate(&target, &written, "") {
            panic!("{raw}: {why}\n{written}");
        }
    }
    assert_eq!(kinds.len(), jixiao::Kind::ALL.len(), "{kinds:?}");
}

#[test]
fn broken_documents_do_not_validate() {
    let documents = schema_of(json::document_schema());
    let written = serde_json::to_value(bundled()).expect("serializes");
    valid(&documents, &written);

    let mut without_format = written.clone();
    without_format
        .as_object_mut()
        .expect("an object")
        .remove("format");
    assert!(invalid(&documents, &without_format).contains("\"format\" is missing"));

    let mut future = written.clone();
    future["format"] = json!(2);
    assert!(invalid(&documents, &future).contains("/format: 2 is not 1"));

    let annual = "/units/0/projects/0/indicators/0/annual";
    let mut bad_kind = written.clone();
    if let Some(annual) = bad_kind.pointer_mut(annual) {
        annual["kind"] = json!("bogus");
    }
    assert!(invalid(&documents, &bad_kind).contains("is none of"));

    let mut number_amount = written.clone();
    if let Some(amount) = number_amount.pointer_mut(&format!("{annual}/value/amount")) {
        *amount = json!(100);
    }
    assert!(invalid(&documents, &number_amount).contains("/amount: 100 is not of type"));

    let mut range_without_high = written.clone();
    if let Some(annual) = range_without_high.pointer_mut(annual) {
        annual["kind"] = json!("range");
    }
    assert!(invalid(&documents, &range_without_high).contains("oneOf"));

    let mut extra = written.clone();
    if let Some(annual) = extra.pointer_mut(annual) {
        annual["extra"] = json!(true);
    }
    invalid(&documents, &extra);

    let mut bad_tier = written.clone();
    if let Some(tier) = bad_tier.pointer_mut("/units/0/projects/0/indicators/0/tier") {
        *tier = json!(9);
    }
    assert!(invalid(&documents, &bad_tier).contains("/tier: 9 is none of"));

    let mut bad_money = written;
    if let Some(total) = bad_money.pointer_mut("/funding/total") {
        *total = json!("12,3");
    }
    assert!(invalid(&documents, &bad_money).contains("does not match"));
}

#[test]
fn broken_reports_and_assessments_do_not_validate() {
    let reports = schema_of(json::report_schema());
    let mut report =
        serde_json::to_value(check(&bundled(), &CheckConfig::default())).expect("serializes");
    valid(&reports, &report);
    report["findings"][0]["code"] = json!("no-such-check");
    assert!(invalid(&reports, &report).contains("/findings/0/code"));

    let assessments = schema_of(json::assessment_schema());
    let mut scores = serde_json::to_value(assess(
        &self_evaluation(),
        &Actuals::default(),
        &AssessConfig::default(),
    ))
    .expect("serializes");
    valid(&assessments, &scores);
    scores["projects"][0]["grade"] = json!("A");
    assert!(invalid(&assessments, &scores).contains("/grade"));
}

#[test]
fn the_committed_schemas_are_the_generated_ones() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema");
    let update = std::env::var_os("JIXIAO_UPDATE_SCHEMA").is_some();
    for (name, schema) in [
        ("document", json::document_schema()),
        ("report", json::report_schema()),
        ("assessment", json::assessment_schema()),
    ] {
        let path = folder.join(format!("{name}.schema.json"));
        let generated = serde_json::to_string_pretty(&schema).expect("a schema is JSON") + "\n";
        if update {
            std::fs::create_dir_all(&folder).expect("the schema folder");
            std::fs::write(&path, &generated).expect("writes the schema");
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "{} is not the schema the types give: run JIXIAO_UPDATE_SCHEMA=1 cargo test --features schema --test schema",
            path.display()
        );
    }
}

//! What JSON is read back (issue 9, item 3): every real table's document reads back equal to
//! itself; a target whose typed fields contradict its `raw` is refused; a decimal written as a
//! JSON number that may have lost digits is refused.
#![cfg(feature = "serde")]

mod common;

use jixiao::{Document, Target};
use serde_json::json;

/// Every table under test: the bundled ones and the real grids.
fn tables() -> Vec<(String, Document)> {
    common::fixture_tables()
}

#[test]
fn every_real_document_reads_back_as_itself() {
    let tables = tables();
    assert!(tables.len() > 30, "{} tables", tables.len());
    for (path, doc) in tables {
        let json = serde_json::to_string(&doc).expect("serializes");
        let back: Document = serde_json::from_str(&json)
            .unwrap_or_else(|e| panic!("{path} does not read back: {e}"));
        assert_eq!(back, doc, "{path}");
        assert_eq!(
            serde_json::to_string(&back).expect("serializes"),
            json,
            "{path}"
        );
    }
}

#[test]
fn typed_fields_that_contradict_raw_are_refused() {
    let t = Target::lenient("≥90%");
    let mut json = serde_json::to_value(&t).expect("serializes");
    assert_eq!(serde_json::from_value::<Target>(json.clone()).ok(), Some(t));
    // The amount changed behind raw's back.
    json["value"]["amount"] = json!("80");
    let err = serde_json::from_value::<Target>(json.clone()).expect_err("refused");
    assert!(err.to_string().contains("contradict"), "{err}");
    // Without raw, the typed fields stand, and raw is their canonical form.
    json.as_object_mut().expect("an object").remove("raw");
    let t: Target = serde_json::from_value(json.clone()).expect("reads");
    assert_eq!(t.raw(), "≥80%");
    // A kind that raw does not read as.
    let text = json!({"raw": "≥90%", "kind": "text"});
    assert!(serde_json::from_value::<Target>(text).is_err());
    let words = json!({"raw": "进展良好", "kind": "qualitative"});
    assert_eq!(
        serde_json::from_value::<Target>(words).ok(),
        Some(Target::lenient("进展良好"))
    );
    // A compound's parts are checked with it.
    let c = Target::lenient("广州海关=5000万元，黄埔海关=3000万元");
    let mut json = serde_json::to_value(&c).expect("serializes");
    assert_eq!(serde_json::from_value::<Target>(json.clone()).ok(), Some(c));
    json["parts"][1]["subject"] = json!("广州海关");
    assert!(serde_json::from_value::<Target>(json).is_err());
}

#[test]
fn decimals_that_may_have_lost_digits_are_refused() {
    let doc = tables().swap_remove(0).1;
    let mut json = serde_json::to_value(&doc).expect("serializes");
    let funding = &mut json["funding"]["total"];
    assert!(funding.is_string(), "{funding}");
    // As a string, every digit is kept.
    *funding = json!("12345678901234567890.123");
    let back: Document = serde_json::from_value(json.clone()).expect("reads");
    assert_eq!(
        back.funding.total.map(|d| d.to_string()).as_deref(),
        Some("12345678901234567890.123")
    );
    // As a JSON number, it reaches the reader as a float that lost digits: refused.
    let number: serde_json::Value =
        serde_json::from_str("12345678901234567890.123").expect("a JSON number");
    json["funding"]["total"] = number;
    let err = serde_json::from_value::<Document>(json.clone()).expect_err("refused");
    assert!(err.to_string().contains("as a string"), "{err}");
    // An integer is exact.
    json["funding"]["total"] = json!(120043);
    let back: Document = serde_json::from_value(json).expect("reads");
    assert_eq!(
        back.funding.total.map(|d| d.to_string()).as_deref(),
        Some("120043")
    );
}

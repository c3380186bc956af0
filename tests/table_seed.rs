//! The real Guangzhou 2024 table parses to its expected facts: every unit, project, total
//! and indicator count, and nothing is lost on the way.
//!
//! The expected facts are read with `serde_json` (a dev-dependency), so they are tested in
//! every feature set; only the JSON round trip needs the `serde` feature.

mod common;

use common::records_in;
use jixiao::{DiagnosticCode, Document, Funding, Indicator, Severity};
use rust_decimal::Decimal;
use serde_json::Value as Json;
use std::str::FromStr;

const TABLE: &str = include_str!("data/guangzhou_commerce_2024.txt");
const EXPECTED: &str = include_str!("data/seed_expected.json");

fn document() -> Document {
    TABLE.parse().expect("the seed table parses")
}

fn expected() -> Json {
    serde_json::from_str(EXPECTED).expect("the fixture is JSON")
}

/// A decimal from the fixture (a string or null).
fn amount(json: &Json) -> Option<Decimal> {
    json.as_str()
        .map(|s| Decimal::from_str(s).expect("fixture amounts are decimals"))
}

#[track_caller]
fn assert_money(what: &str, funding: &Funding, expect: &Json) {
    assert_eq!(funding.total, amount(&expect["total"]), "{what}: total");
    assert_eq!(
        funding.fiscal,
        amount(&expect["fiscal"]),
        "{what}: 财政拨款"
    );
    assert_eq!(
        funding.not_fiscal(),
        amount(&expect["non_fiscal"]),
        "{what}: non-fiscal"
    );
    assert!(funding.adds_up(), "{what}: columns add up");
}

#[test]
fn header_facts() {
    let doc = document();
    let e = expected();
    assert_eq!(doc.title.as_deref(), e["title"].as_str());
    assert_eq!(doc.department.as_deref(), e["department"].as_str());
    assert_eq!(doc.year.map(u64::from), e["year"].as_u64());
    assert_eq!(doc.money_unit.as_deref(), e["money_unit"].as_str());
    assert_money("合计", &doc.funding, &e["grand_total"]);
}

#[test]
fn counts() {
    let doc = document();
    let counts = &expected()["counts"];
    assert_eq!(doc.units.len() as u64, counts["units"].as_u64().unwrap());
    assert_eq!(
        doc.projects().count() as u64,
        counts["projects"].as_u64().unwrap()
    );
    assert_eq!(
        doc.indicators().count() as u64,
        counts["indicators"].as_u64().unwrap()
    );
}

#[test]
fn every_unit_and_project() {
    let doc = document();
    let e = expected();
    let units = e["units"].as_array().unwrap();
    assert_eq!(doc.units.len(), units.len());
    for (unit, expect) in doc.units.iter().zip(units) {
        assert_eq!(unit.name, expect["name"].as_str().unwrap());
        assert_money(&unit.name, &unit.funding, expect);
        let projects = expect["projects"].as_array().unwrap();
        assert_eq!(
            unit.projects.len(),
            projects.len(),
            "{}: projects",
            unit.name
        );
        for (n, (project, expect)) in unit.projects.iter().zip(projects).enumerate() {
            let what = format!("{} project {} «{}»", unit.name, n + 1, project.name);
            assert_eq!(project.name, expect["name"].as_str().unwrap(), "{what}");
            assert_eq!(project.funding.total, amount(&expect["total"]), "{what}");
            assert!(project.funding.adds_up(), "{what}");
            assert_eq!(
                project.indicators.len() as u64,
                expect["indicators"].as_u64().unwrap(),
                "{what}: indicators"
            );
            let seqs: Vec<u32> = project.indicators.iter().map(|i| i.seq).collect();
            let numbered: Vec<u32> = (1..=seqs.len() as u32).collect();
            assert_eq!(seqs, numbered, "{what}: numbering restarts and runs on");
        }
    }
}

#[test]
fn the_three_projects_outside_fiscal_money() {
    let doc = document();
    let mut found = Vec::new();
    for unit in &doc.units {
        for project in &unit.projects {
            if project.funding.fiscal.is_none() {
                found.push((
                    unit.name.clone(),
                    project.name.clone(),
                    project.funding.not_fiscal(),
                ));
            } else {
                assert_eq!(
                    project.funding.fiscal, project.funding.total,
                    "{}",
                    project.name
                );
            }
        }
    }
    let expect: Vec<(String, String, Option<Decimal>)> = expected()["non_fiscal_projects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["unit"].as_str().unwrap().to_owned(),
                p["project"].as_str().unwrap().to_owned(),
                amount(&p["amount"]),
            )
        })
        .collect();
    assert_eq!(found, expect);
}

#[test]
fn money_is_reported_not_guessed() {
    let doc = document();
    let codes: Vec<DiagnosticCode> = doc.diagnostics.iter().map(|d| d.code).collect();
    assert!(
        !codes.contains(&DiagnosticCode::SumMismatch),
        "{:#?}",
        doc.diagnostics
    );
    assert!(!codes.contains(&DiagnosticCode::ColumnUnresolved));
    // The non-fiscal money of the 合计, two units and three projects: its column is unknown.
    assert_eq!(
        codes
            .iter()
            .filter(|c| **c == DiagnosticCode::ColumnUnsplit)
            .count(),
        6
    );
    assert_eq!(
        codes
            .iter()
            .filter(|c| **c == DiagnosticCode::ColumnAssumed)
            .count(),
        1
    );
    assert!(
        doc.diagnostics.iter().all(|d| d.severity == Severity::Info),
        "{:#?}",
        doc.diagnostics
    );
}

#[test]
fn names_wrapped_across_lines_and_blank_lines_are_joined() {
    let doc = document();
    let names: Vec<&str> = doc.projects().map(|p| p.name.as_str()).collect();
    assert!(names.contains(&"广州市商务局2023-2024年广州国际贸易单一窗口平台信息化运维项目"));
    assert!(names.contains(&"GZIT2022-QM-N-A-035054"));
    let project = doc.projects().find(|p| p.name == "工作经费").unwrap();
    assert!(project.goal.starts_with("1.通过赴欧美"));
    assert!(project.goal.contains("2.保障派驻纪检组"));
    assert_eq!(project.line, Some(740));
}

#[test]
fn values_wrapped_inside_comparators_are_joined() {
    let doc = document();
    let first = doc.projects().nth(1).unwrap();
    let last = first.indicators.last().unwrap();
    assert_eq!(last.annual.raw(), "≥80%");
    assert_eq!(last.line, Some(47));
    let coded: Vec<&Indicator> = doc.indicators().filter(|i| i.code.is_some()).collect();
    assert_eq!(coded.len(), 3);
    assert_eq!(coded[0].name, "培训服务次数");
}

#[test]
fn every_record_appears_exactly_once() {
    let doc = document();
    let unsplit = doc
        .diagnostics
        .iter()
        .filter(|d| d.code == DiagnosticCode::IndicatorUnsplit)
        .count();
    assert_eq!(records_in(TABLE), 338);
    assert_eq!(doc.indicators().count() + unsplit, records_in(TABLE));
}

#[test]
fn indicators_survive_their_canonical_form() {
    for indicator in document().indicators() {
        let text = indicator.to_string();
        let back: Indicator = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(&back, indicator);
    }
}

#[cfg(feature = "serde")]
#[test]
fn the_document_survives_json() {
    let doc = document();
    let json = serde_json::to_string(&doc).expect("serializes");
    let back: Document = serde_json::from_str(&json).expect("deserializes");
    assert_eq!(back, doc);
    let value: Json = serde_json::from_str(&json).unwrap();
    // The format's version comes first, and reading passes over it.
    assert!(json.starts_with("{\"format\":1,"), "{}", &json[..40]);
    let mut without = value.clone();
    without.as_object_mut().map(|o| o.remove("format"));
    assert_eq!(serde_json::from_value::<Document>(without).ok(), Some(doc));
    let project = &value["units"][0]["projects"][0];
    assert_eq!(project["funding"]["total"], "780.00");
    assert_eq!(project["indicators"][0]["tier"], 1);
    assert_eq!(project["indicators"][0]["category"], 12);
    assert_eq!(project["indicators"][0]["period"]["canonical"], "100%");
    assert_eq!(value["diagnostics"][0]["code"], "column-assumed");
}

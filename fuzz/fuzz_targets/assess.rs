//! `assess` on any actual values: the input is an actuals CSV, scored against the bundled
//! table; or, where it holds a NUL, a table before it and the CSV after. No panic; every
//! score is within its weight and every project's within 0 to 100 where the weights are
//! the defaults.
#![no_main]

use jixiao::{Actuals, AssessConfig, Document, assess};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static BUNDLED: LazyLock<Document> = LazyLock::new(|| {
    include_str!("../../tests/data/guangzhou_commerce_2024.txt")
        .parse()
        .expect("the bundled table")
});

fuzz_target!(|text: &str| {
    let (doc, csv) = match text.split_once('\0') {
        Some((table, csv)) => match table.parse::<Document>() {
            Ok(doc) => (Some(doc), csv),
            Err(_) => return,
        },
        None => (None, text),
    };
    let Ok(actuals) = csv.parse::<Actuals>() else {
        return;
    };
    let doc = doc.as_ref().unwrap_or(&BUNDLED);
    let assessment = assess(doc, &actuals, &AssessConfig::default());
    for project in &assessment.projects {
        assert!(
            project.score >= 0.into() && project.score <= 100.into(),
            "{project:?}"
        );
        for i in &project.indicators {
            assert!(i.score >= 0.into() && i.score <= i.weight, "{i:?}");
        }
    }
});

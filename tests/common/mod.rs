//! Helpers shared by the integration tests (each test uses some of them).
#![allow(dead_code)]

use jixiao::Document;

/// Every table under test that reads: the bundled ones and the real grids, by path, in order.
pub fn fixture_tables() -> Vec<(String, Document)> {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut out = Vec::new();
    for dir in ["tests/data", "tests/data/grids"] {
        let mut paths: Vec<_> = std::fs::read_dir(format!("{root}/{dir}"))
            .expect("the fixtures")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        for path in paths {
            let bytes = std::fs::read(&path).expect("readable");
            if let Ok(doc) = Document::from_bytes(&bytes) {
                out.push((path.display().to_string(), doc));
            }
        }
    }
    out
}

/// Counts indicator records straight from a table's text, without the parser: digits, `、`,
/// a tier code, a dash, a tier name and `；`.
pub fn records_in(text: &str) -> usize {
    let joined: String = text.lines().map(str::trim).collect();
    let tiers = ["1-产出指标；", "2-效益指标；", "3-满意度指标；"];
    joined
        .match_indices('、')
        .filter(|(at, _)| joined[..*at].ends_with(|c: char| c.is_ascii_digit()))
        .filter(|(at, _)| {
            tiers
                .iter()
                .any(|t| joined[at + '、'.len_utf8()..].starts_with(t))
        })
        .count()
}

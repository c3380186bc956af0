//! Properties of the table parser: any text and any truncation of the real table parse without
//! a panic, and page breaks and line wraps anywhere leave the document as it was.

mod cases;
mod common;

use common::records_in;
use jixiao::{DiagnosticCode, Document, Funding, Indicator, TableErrorKind};
use proptest::prelude::*;

const TABLE: &str = include_str!("data/guangzhou_commerce_2024.txt");

/// What a document says, without where it says it (lines move when text is re-wrapped).
#[derive(Debug, PartialEq)]
struct Content {
    units: Vec<(String, Funding)>,
    projects: Vec<(String, Funding, String, Vec<Indicator>)>,
    funding: Funding,
}

fn content(doc: &Document) -> Content {
    Content {
        units: doc
            .units
            .iter()
            .map(|u| (u.name.clone(), u.funding.clone()))
            .collect(),
        projects: doc
            .projects()
            .map(|p| {
                (
                    p.name.clone(),
                    p.funding.clone(),
                    p.goal.clone(),
                    p.indicators.clone(),
                )
            })
            .collect(),
        funding: doc.funding.clone(),
    }
}

/// Asserts two contents are equal, naming the first difference.
fn same(got: &Content, want: &Content) -> Result<(), TestCaseError> {
    prop_assert_eq!(&got.funding, &want.funding);
    prop_assert_eq!(&got.units, &want.units);
    prop_assert_eq!(got.projects.len(), want.projects.len());
    for (g, w) in got.projects.iter().zip(&want.projects) {
        prop_assert_eq!((&g.0, &g.1, &g.2), (&w.0, &w.1, &w.2));
        prop_assert_eq!(g.3.len(), w.3.len(), "indicators of {}", w.0);
        for (gi, wi) in g.3.iter().zip(&w.3) {
            prop_assert_eq!(gi, wi);
        }
    }
    Ok(())
}

fn seed() -> Document {
    TABLE.parse().expect("the seed table parses")
}

/// The lines of the seed that carry body text (goals and indicators), which may wrap anywhere.
fn body_lines() -> Vec<usize> {
    TABLE
        .lines()
        .enumerate()
        .skip(15)
        .filter(|(_, l)| {
            let t = l.trim();
            !t.is_empty()
                && !l.starts_with(' ')
                && !t.ends_with(|c: char| c.is_ascii_digit())
                && t.chars().count() > 2
        })
        .map(|(n, _)| n)
        .collect()
}

proptest! {
    #![proptest_config(cases::config(64))]

    #[test]
    fn any_text_parses_or_is_refused_without_a_panic(text in any::<String>()) {
        match text.parse::<Document>() {
            Ok(doc) => prop_assert!(doc.indicators().count() > 0),
            Err(e) => prop_assert!(matches!(
                e.kind(),
                TableErrorKind::Empty | TableErrorKind::NotText | TableErrorKind::NotATable
            )),
        }
    }

    #[test]
    fn table_like_text_parses_without_a_panic(
        lines in proptest::collection::vec(
            prop_oneof![
                Just("合计 10.00 10.00"), Just("某局 10.00 10.00"), Just("    项目 5.00 5.00"),
                Just("    很长的项目"), Just("5.00 5.00"), Just(""), Just("目标。"),
                Just("1、1-产出指标；11-数量指标；甲；实施周期指标值:≥1；年度指标值:1。"),
                Just("2、2-效益指标；99-未知；乙；实施周期指标"), Just("值:≥2；年度指标值:"),
                Just("3、3-满意度指标；31-服务对象满意度；丙；年度指标值:≥90%"),
                Just("部门名称：某局 单位：万元"), Just("项目名称 总计 绩效指标"), Just("- 3 -"),
                Just("\u{c}"), Just("1,000.00 - 1,000.00 -"),
            ],
            0..40,
        )
    ) {
        let text = lines.join("\n");
        if let Ok(doc) = text.parse::<Document>() {
            let unsplit = doc.diagnostics.iter().filter(|d| d.code == DiagnosticCode::IndicatorUnsplit).count();
            prop_assert!(doc.indicators().count() + unsplit > 0);
            for unit in &doc.units {
                prop_assert!(unit.funding.adds_up() || doc.diagnostics.iter().any(|d| d.code == DiagnosticCode::SumMismatch));
            }
        }
    }

    #[test]
    fn truncated_tables_parse_without_a_panic(cut in 0usize..TABLE.len()) {
        let mut end = cut;
        while !TABLE.is_char_boundary(end) {
            end -= 1;
        }
        let text = &TABLE[..end];
        if let Ok(doc) = text.parse::<Document>() {
            let unsplit = doc.diagnostics.iter().filter(|d| d.code == DiagnosticCode::IndicatorUnsplit).count();
            let read = doc.indicators().count() + unsplit;
            // Only a record cut before its first separator can go unnoticed.
            prop_assert!(read + 1 >= records_in(text), "{} read, {} in the text", read, records_in(text));
            prop_assert!(doc.indicators().count() <= 338);
        }
    }

    #[test]
    fn page_breaks_anywhere_change_nothing(
        breaks in proptest::collection::vec((0usize..1268, 1usize..4, any::<bool>()), 1..12)
    ) {
        let mut lines: Vec<String> = TABLE.lines().map(str::to_owned).collect();
        let mut breaks = breaks;
        breaks.sort_unstable_by_key(|b| std::cmp::Reverse(b.0));
        for (at, count, form_feed) in breaks {
            // Keep the title and header where they are.
            let at = at.max(16).min(lines.len());
            let page = if form_feed { "\u{c}".to_string() } else { String::new() };
            for _ in 0..count {
                lines.insert(at, page.clone());
            }
        }
        let doc: Document = lines.join("\n").parse().expect("still a table");
        same(&content(&doc), &content(&seed()))?;
    }

    #[test]
    fn wrapping_body_lines_anywhere_changes_nothing(
        cuts in proptest::collection::vec((any::<proptest::sample::Index>(), any::<proptest::sample::Index>()), 1..20)
    ) {
        let candidates = body_lines();
        let mut lines: Vec<String> = TABLE.lines().map(str::to_owned).collect();
        let mut chosen: Vec<(usize, usize)> = cuts
            .iter()
            .map(|(line, at)| {
                let n = candidates[line.index(candidates.len())];
                (n, at.index(lines[n].chars().count().max(1)))
            })
            .collect();
        chosen.sort_unstable();
        chosen.dedup_by_key(|c| c.0);
        for (n, at) in chosen.into_iter().rev() {
            let line = lines[n].clone();
            let split = line.char_indices().nth(at).map_or(line.len(), |(i, _)| i);
            let (head, tail) = line.split_at(split);
            // A wrap at a space loses the space, as pdftotext does: keep away from spaces.
            let at_space = head.ends_with(char::is_whitespace) || tail.starts_with(char::is_whitespace);
            if head.trim().is_empty() || tail.trim().is_empty() || at_space {
                continue;
            }
            let (head, tail) = (head.to_owned(), tail.to_owned());
            lines[n] = head;
            lines.insert(n + 1, tail);
        }
        let doc: Document = lines.join("\n").parse().expect("still a table");
        same(&content(&doc), &content(&seed()))?;
    }
}

//! Checks a 项目支出绩效目标表 as reviewers do and prints the findings by check, and the share
//! of values that are typed numbers (量化率).
//!
//! ```text
//! cargo run --example lint               # the bundled Guangzhou 2024 table
//! cargo run --example lint -- PATH       # another table
//! cargo run --example lint -- --json     # the report as JSON
//! ```

use jixiao::{CheckCode, CheckConfig, Document, check};
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

const BUNDLED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/guangzhou_commerce_2024.txt"
);

fn main() -> ExitCode {
    let mut json = false;
    let mut path = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json = true,
            "-h" | "--help" => {
                println!("usage: lint [--json] [PATH]");
                return ExitCode::SUCCESS;
            }
            _ => path = Some(PathBuf::from(arg)),
        }
    }
    let path = path.unwrap_or_else(|| PathBuf::from(BUNDLED));
    let doc = match Document::from_path(&path) {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("{}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    let report = check(&doc, &CheckConfig::default());
    let text = if json {
        match serde_json::to_string_pretty(&report) {
            Ok(text) => text + "\n",
            Err(e) => {
                eprintln!("lint: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        let mut out = String::new();
        for code in CheckCode::ALL {
            let findings: Vec<_> = report.of(code).collect();
            if findings.is_empty() {
                continue;
            }
            out.push_str(&format!(
                "{code} ({}, {}): {}\n",
                code.severity(),
                findings.len(),
                describe(code)
            ));
            for f in findings {
                out.push_str(&format!("    {f}\n"));
            }
            out.push('\n');
        }
        let rate = |q: jixiao::Quantification| {
            q.rate().map_or("-".to_string(), |r| {
                format!("{r}% ({} of {})", q.quantified, q.values)
            })
        };
        out.push_str(&format!(
            "量化率 of the document: {}\n",
            rate(report.quantification)
        ));
        for p in report
            .projects
            .iter()
            .filter(|p| p.quantification.quantified < p.quantification.values)
        {
            out.push_str(&format!(
                "    project {} «{}»: {}\n",
                p.project,
                p.name,
                rate(p.quantification)
            ));
        }
        out
    };
    let mut stdout = io::stdout().lock();
    match stdout.write_all(text.as_bytes()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("lint: {e}");
            ExitCode::FAILURE
        }
        _ => ExitCode::SUCCESS,
    }
}

/// What each check looks for, for the headings.
fn describe(code: CheckCode) -> &'static str {
    match code {
        CheckCode::SumMismatch => "money that does not add up",
        CheckCode::TierCategory => "tier and category disagree",
        CheckCode::MissingTier => "projects without all three tiers",
        CheckCode::DuplicateIndicator => "the same indicator twice in a project",
        CheckCode::EmptyValue => "empty values",
        CheckCode::Placeholder => "placeholders instead of values",
        CheckCode::UnitContradiction => "the value's unit contradicts the name's",
        CheckCode::UnitDiffers => {
            "the value's unit differs from the name's (two counting words, or a word of no known unit)"
        }
        CheckCode::RateNotPercent => "a 率 or 满意度 that is not a percentage",
        CheckCode::PercentOver100 => "a 率 or 满意度 above 100%",
        CheckCode::AnnualAbovePeriod => "annual value above the implementation period's",
        CheckCode::DirectionAgainstName => "a comparator against the name's meaning",
        CheckCode::SatisfactionFloor => "a 满意度 target below the floor",
        CheckCode::NotQuantified => "words where a number was feasible",
        CheckCode::NonStandardSymbol => "non-standard comparator symbols",
        CheckCode::ScoreAboveWeight => "a score above its weight",
        CheckCode::WeightsTotal => "weights that do not add up",
        CheckCode::ScoreUnjustified => "a score the rules do not give",
        CheckCode::FullMarksMissed => "full marks for an actual short of its target",
        CheckCode::ReasonMissing => "a score below full marks with no reason given",
        CheckCode::RateMismatch => "an execution rate that is not executed ÷ budget",
        CheckCode::BudgetScoreMismatch => "a budget score that does not follow the rate",
        CheckCode::ExplanationMissing => "an actual far above its target, unexplained",
        CheckCode::PlaceholderRow => "a template's placeholder left in the table",
        _ => "",
    }
}

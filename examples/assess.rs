//! Scores a table's projects by the national rules (绩效自评): a self-evaluation table as it
//! stands (its weights, actual values and money block), or any table against a CSV of actual
//! values, or both (the CSV adds to or overrides the table's values). Each indicator shows its
//! weight, the score the table gives itself and the score the rules give; `≠` marks where
//! they disagree.
//!
//! ```text
//! cargo run --example assess -- tests/data/selfeval_anhui_xiaoxian_2023.txt   # a 绩效自评表
//! cargo run --example assess -- tests/data/guangzhou_commerce_2024_actuals.csv
//! cargo run --example assess -- TABLE ACTUALS.csv
//! cargo run --example assess -- --json TABLE [ACTUALS.csv]
//! ```
//!
//! ACTUALS.csv has the header `project,indicator,actual` (optionally `baseline` and `weight`):
//! `project` is the project's 1-based position in the table or its name, `indicator` its
//! number or name, or `budget` for the amount executed, in the table's money unit. Any other
//! `.csv` is a table. With no table, the bundled Guangzhou table is scored.

use jixiao::{Actuals, AssessConfig, Assessment, Decimal, Document, Status, assess};
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

const BUNDLED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/guangzhou_commerce_2024.txt"
);

const USAGE: &str = "usage: assess [--json] [TABLE] [ACTUALS.csv]   (a .csv file whose header starts with `project` is the actual values)";

fn main() -> ExitCode {
    let mut json = false;
    let mut paths = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    if paths.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::FAILURE;
    }
    let (csvs, tables): (Vec<PathBuf>, Vec<PathBuf>) =
        paths.into_iter().partition(|p| is_actuals(p));
    if csvs.len() > 1 || tables.len() > 1 {
        eprintln!("assess: one table and one CSV of actual values at most\n{USAGE}");
        return ExitCode::FAILURE;
    }
    let table_path = tables
        .into_iter()
        .next()
        .unwrap_or_else(|| PathBuf::from(BUNDLED));
    let actuals = match csvs.first() {
        None => Actuals::default(),
        Some(path) => match std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|text| text.parse::<Actuals>().map_err(|e| e.to_string()))
        {
            Ok(actuals) => actuals,
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        },
    };
    let doc = match Document::from_path(&table_path) {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("{}: {e}", table_path.display());
            return ExitCode::FAILURE;
        }
    };
    let assessment = assess(&doc, &actuals, &AssessConfig::default());
    let text = if json {
        match serde_json::to_string_pretty(&assessment) {
            Ok(text) => text + "\n",
            Err(e) => {
                eprintln!("assess: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        summary(&assessment)
    };
    let mut stdout = io::stdout().lock();
    match stdout.write_all(text.as_bytes()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("assess: {e}");
            ExitCode::FAILURE
        }
        _ => ExitCode::SUCCESS,
    }
}

/// Whether a file is a CSV of actual values: a `.csv` whose header names the `project` column
/// first (any other `.csv` is a table exported as CSV).
fn is_actuals(path: &std::path::Path) -> bool {
    if !path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
    {
        return false;
    }
    let Ok(bytes) = std::fs::read(path) else {
        // Unreadable: reported as actual values, where the error names the file.
        return true;
    };
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(256)]).to_lowercase();
    let header = text.trim_start_matches('\u{feff}').trim_start();
    header.starts_with("project") || header.starts_with("\"project")
}

/// Each project's indicator scores, budget score, total and grade, then the counts.
fn summary(assessment: &Assessment) -> String {
    let mut out = String::new();
    for p in &assessment.projects {
        let stated = p
            .stated_score
            .map_or(String::new(), |s| format!("  (the table says {s})"));
        out.push_str(&format!(
            "project {} «{}»  {}  {}{stated}{}\n",
            p.project,
            p.name,
            p.score,
            p.grade,
            if p.complete { "" } else { "  (incomplete)" }
        ));
        for i in &p.indicators {
            // The table's own score, and `≠` where the rules give another.
            let said = match i.stated_score {
                Some(s) if (s - i.score).abs() > Decimal::new(5, 1) => format!("{s:>6} ≠"),
                Some(s) => format!("{s:>6}  "),
                None => format!("{:>6}  ", "-"),
            };
            out.push_str(&format!(
                "    {:>2}  {:>6} / {:<6} {said} {:<8} {}  actual {}{}\n",
                i.seq,
                i.score.to_string(),
                i.weight.to_string(),
                i.status.as_str(),
                i.name,
                i.actual.as_deref().unwrap_or("-"),
                i.note
                    .as_ref()
                    .map_or(String::new(), |n| format!("  ({n})"))
            ));
        }
        let b = &p.budget;
        let executed = match (b.executed, b.budget) {
            (Some(e), Some(t)) => format!("{e} of {t} executed"),
            _ => "no amount executed given".to_string(),
        };
        let said = match b.stated_score {
            Some(s) if (s - b.score).abs() > Decimal::new(5, 1) => format!("{s:>6} ≠"),
            Some(s) => format!("{s:>6}  "),
            None => format!("{:>6}  ", "-"),
        };
        out.push_str(&format!(
            "    预算  {:>6} / {:<6} {said} {:<8} {executed}{}\n",
            b.score.to_string(),
            b.weight.to_string(),
            b.status.as_str(),
            b.note
                .as_ref()
                .map_or(String::new(), |n| format!("  ({n})"))
        ));
    }
    let scored: Vec<_> = assessment
        .projects
        .iter()
        .flat_map(|p| &p.indicators)
        .collect();
    let count = |s: Status| scored.iter().filter(|i| i.status == s).count();
    out.push_str(&format!(
        "\n{} projects; indicators: {} met, {} partial, {} missed, {} unscored; {} need an explanation\n",
        assessment.projects.len(),
        count(Status::Met),
        count(Status::Partial),
        count(Status::Missed),
        count(Status::Unscored),
        scored.iter().filter(|i| i.explain).count()
    ));
    for note in &assessment.notes {
        out.push_str(&format!("note: {note}\n"));
    }
    out
}

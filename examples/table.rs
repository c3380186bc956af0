//! Reads performance tables (绩效目标表, 绩效自评表) and prints what they say: the run-on text
//! of Guangzhou's budget system, or grids as pipe rows, TSV, CSV, a cell per line or
//! paragraph, trees or space-separated text, in UTF-8, UTF-16 or GBK; spreadsheets (.xlsx,
//! .xls, with `--features xlsx`), HTML pages (.html, .htm, with `--features html`) and PDFs
//! (.pdf, through poppler's pdftotext).
//!
//! ```text
//! cargo run --example table                         # the bundled Guangzhou 2024 table
//! cargo run --example table -- a.txt b.csv tables/  # files, and every table file in a folder
//! cargo run --example table --features xlsx,html -- a.xlsx page.html report.pdf
//! cargo run --example table -- --json  [PATH…]      # the Document (an array for several)
//! cargo run --example table -- --csv   [PATH…]      # one row per indicator
//! ```

use jixiao::{Category, Document, Funding, Project, TableErrorKind, Target, Value};
use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const BUNDLED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/guangzhou_commerce_2024.txt"
);

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Summary,
    Json,
    Csv,
}

fn main() -> ExitCode {
    let mut format = Format::Summary;
    let mut paths = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => format = Format::Json,
            "--csv" => format = Format::Csv,
            "-h" | "--help" => {
                println!(
                    "usage: table [--json | --csv] [PATH…]   (a PATH may be a folder of .txt, .csv, .tsv, .xlsx, .xls, .html, .htm and .pdf files)"
                );
                return ExitCode::SUCCESS;
            }
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    if paths.is_empty() {
        paths.push(PathBuf::from(BUNDLED));
    }
    let files = match expand(&paths) {
        Ok(files) if files.is_empty() => {
            let named: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
            eprintln!("table: no .txt file in {}", named.join(", "));
            return ExitCode::FAILURE;
        }
        Ok(files) => files,
        Err(e) => {
            eprintln!("table: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut failed = false;
    let mut documents = Vec::new();
    for file in &files {
        match Document::from_path(file) {
            Ok(doc) => documents.push((file, doc)),
            Err(e) => {
                eprintln!("{}: {e}", file.display());
                if e.kind() == TableErrorKind::Unsupported && e.to_string().contains("feature") {
                    eprintln!(
                        "  (run the example with them: cargo run --example table --features xlsx,html -- …)"
                    );
                }
                failed = true;
            }
        }
    }
    let output = match format {
        Format::Summary => documents
            .iter()
            .map(|(file, doc)| summary(file, doc))
            .collect::<Vec<_>>()
            .join("\n"),
        Format::Json if files.len() == 1 => match documents.first() {
            Some((_, doc)) => json(doc),
            None => String::new(),
        },
        Format::Json => {
            let all: Vec<&Document> = documents.iter().map(|(_, d)| d).collect();
            json(&all)
        }
        Format::Csv => csv(&documents),
    };
    let mut out = io::stdout().lock();
    if let Err(e) = out.write_all(output.as_bytes()).and_then(|()| out.flush())
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        eprintln!("table: {e}");
        return ExitCode::FAILURE;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The extensions of the tables a folder is read for.
const TABLES: [&str; 11] = [
    "txt", "csv", "tsv", "xlsx", "xlsm", "xls", "html", "htm", "shtml", "pdf", "ods",
];

/// The files named, with every table file of a folder, in name order.
fn expand(paths: &[PathBuf]) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut inside: Vec<PathBuf> = std::fs::read_dir(path)?
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|p| {
                    p.extension()
                        .and_then(|e| e.to_str())
                        .is_some_and(|e| TABLES.contains(&e.to_ascii_lowercase().as_str()))
                })
                .collect();
            inside.sort();
            files.extend(inside);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

fn json<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_string_pretty(value) {
        Ok(text) => text + "\n",
        Err(e) => format!("{{\"error\": {:?}}}\n", e.to_string()),
    }
}

/// A path as shown: the bundled table relative to the crate.
fn shown(file: &Path) -> &Path {
    file.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .map_or(file, |relative| {
            relative.strip_prefix("/").unwrap_or(relative)
        })
}

/// The columns of a row's money that are not empty.
fn columns(f: &Funding) -> String {
    let named = [
        ("财政拨款", f.fiscal),
        ("财政专户", f.special),
        ("其他资金", f.other),
        ("非财政", f.non_fiscal),
        ("unresolved", f.unresolved),
    ];
    let parts: Vec<String> = named
        .iter()
        .filter_map(|(name, amount)| amount.map(|a| format!("{name} {a}")))
        .collect();
    parts.join(", ")
}

fn money(f: &Funding) -> String {
    let total = f.total.map_or("-".to_string(), |d| d.to_string());
    format!("{total:>10}  ({})", columns(f))
}

/// A readable summary: units and projects with their money, counts by category, diagnostics.
fn summary(file: &Path, doc: &Document) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "== {}", shown(file).display());
    let _ = writeln!(s, "{}", doc.title.as_deref().unwrap_or("(no title)"));
    let _ = writeln!(
        s,
        "department {} · year {} · money in {} · {} table read from its {} layout",
        doc.department.as_deref().unwrap_or("?"),
        doc.year.map_or("?".to_string(), |y| y.to_string()),
        doc.money_unit.as_deref().unwrap_or("?"),
        doc.kind,
        doc.layout
    );
    if doc.funding.total.is_some() {
        let _ = writeln!(s, "合计 {}", money(&doc.funding));
    }
    let _ = writeln!(
        s,
        "{} units, {} projects, {} indicators\n",
        doc.units.len(),
        doc.projects().count(),
        doc.indicators().count()
    );
    for unit in &doc.units {
        let _ = writeln!(s, "{}  {}", unit.name, money(&unit.funding));
        for project in &unit.projects {
            let _ = writeln!(
                s,
                "    {:>10}  {:>2} indicators  {}{}",
                project.funding.total.map_or("-".into(), |t| t.to_string()),
                project.indicators.len(),
                project.name,
                if project.funding.fiscal == project.funding.total {
                    String::new()
                } else {
                    format!("  ({})", columns(&project.funding))
                }
            );
            scored(&mut s, project);
        }
    }
    let _ = writeln!(s, "\nindicators by category");
    for category in Category::iter() {
        let n = doc
            .indicators()
            .filter(|i| i.category == Some(category))
            .count();
        if n > 0 {
            let _ = writeln!(s, "    {:<16} {n:>4}", category.to_string());
        }
    }
    let _ = writeln!(s, "\ndiagnostics ({})", doc.diagnostics.len());
    for d in &doc.diagnostics {
        let _ = writeln!(s, "    {d}");
    }
    s
}

/// A project's indicators with their weights and scores, where the table prints them.
fn scored(s: &mut String, project: &Project) {
    let weighted = project
        .indicators
        .iter()
        .any(|i| i.weight.is_some() || i.score.is_some() || i.actual.is_some());
    if !weighted {
        return;
    }
    let _ = writeln!(
        s,
        "          {:>3}  {:>6} {:>6}  name · target · actual",
        "#", "weight", "score"
    );
    for i in &project.indicators {
        let number = |d: Option<jixiao::Decimal>| d.map_or("-".to_string(), |d| d.to_string());
        let _ = writeln!(
            s,
            "          {:>3}  {:>6} {:>6}  {} · {} · {}",
            i.seq,
            number(i.weight),
            number(i.score),
            i.name,
            i.annual.raw(),
            i.actual.as_ref().map_or("-", |a| a.raw())
        );
    }
    let weights: Option<jixiao::Decimal> = project.indicators.iter().map(|i| i.weight).sum();
    let scores: Option<jixiao::Decimal> = project.indicators.iter().map(|i| i.score).sum();
    for row in &project.execution {
        let _ = writeln!(
            s,
            "          budget {}: {} of {} executed, weight {}, score {}",
            row.label.trim_end_matches([':', '：']),
            row.executed.map_or("-".into(), |d| d.to_string()),
            row.budget.map_or("-".into(), |d| d.to_string()),
            row.weight.map_or("-".into(), |d| d.to_string()),
            row.score.map_or("-".into(), |d| d.to_string())
        );
    }
    if weights.is_some() || scores.is_some() {
        let _ = writeln!(
            s,
            "          total  {:>6} {:>6}",
            weights.map_or("-".into(), |d| d.to_string()),
            scores.map_or("-".into(), |d| d.to_string())
        );
    }
}

/// One CSV field, quoted where it must be.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// raw, kind, op, amount, scale, unit, per of a target.
fn target_fields(t: &Target) -> [String; 7] {
    let (amount, scale, unit, per) = match t.value() {
        Value::Compare { value: q, .. } | Value::Relative { value: Some(q), .. } => (
            q.amount().to_string(),
            q.scale().map(|s| s.to_string()).unwrap_or_default(),
            q.unit().unwrap_or_default().to_string(),
            q.per().unwrap_or_default().to_string(),
        ),
        Value::Rank { rank, .. } => (rank.to_string(), String::new(), "名".into(), String::new()),
        _ => Default::default(),
    };
    [
        t.raw().to_string(),
        t.kind().as_str().to_string(),
        t.op().map(|o| o.as_str().to_string()).unwrap_or_default(),
        amount,
        scale,
        unit,
        per,
    ]
}

/// One row per indicator, for spreadsheets and DuckDB.
fn csv(documents: &[(&PathBuf, Document)]) -> String {
    let mut out = String::from(
        "file,unit,project,seq,tier,category,name,\
         period_raw,period_kind,period_op,period_amount,period_scale,period_unit,period_per,\
         annual_raw,annual_kind,annual_op,annual_amount,annual_scale,annual_unit,annual_per,\
         project_position,weight,score,actual_raw\n",
    );
    for (file, doc) in documents {
        let mut position = 0usize;
        for unit in &doc.units {
            for project in &unit.projects {
                position += 1;
                for i in &project.indicators {
                    let mut row = vec![
                        shown(file).display().to_string(),
                        unit.name.clone(),
                        project.name.clone(),
                        i.seq.to_string(),
                        i.tier.map(|t| t.code().to_string()).unwrap_or_default(),
                        i.category.map(|c| c.code().to_string()).unwrap_or_default(),
                        i.name.clone(),
                    ];
                    match &i.period {
                        Some(period) => row.extend(target_fields(period)),
                        None => row.extend(<[String; 7]>::default()),
                    }
                    row.extend(target_fields(&i.annual));
                    row.push(position.to_string());
                    row.push(i.weight.map(|d| d.to_string()).unwrap_or_default());
                    row.push(i.score.map(|d| d.to_string()).unwrap_or_default());
                    row.push(
                        i.actual
                            .as_ref()
                            .map(|a| a.raw().to_string())
                            .unwrap_or_default(),
                    );
                    let row: Vec<String> = row.iter().map(|f| field(f)).collect();
                    out.push_str(&row.join(","));
                    out.push('\n');
                }
            }
        }
    }
    out
}

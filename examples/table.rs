//! Parses 项目支出绩效目标表 as pdftotext prints them and prints what they say.
//!
//! ```text
//! cargo run --example table                         # the bundled Guangzhou 2024 table
//! cargo run --example table -- a.txt b.txt tables/  # files, and every .txt in a folder
//! cargo run --example table -- --json  [PATH…]      # the Document (an array for several)
//! cargo run --example table -- --csv   [PATH…]      # one row per indicator
//! ```

use jixiao::{Category, Document, Funding, Target, Value};
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
                    "usage: table [--json | --csv] [PATH…]   (a PATH may be a folder of .txt files)"
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
        let parsed = std::fs::read(file)
            .map_err(|e| e.to_string())
            .and_then(|bytes| Document::from_bytes(&bytes).map_err(|e| e.to_string()));
        match parsed {
            Ok(doc) => documents.push((file, doc)),
            Err(e) => {
                eprintln!("{}: {e}", file.display());
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
    if let Err(e) = out.write_all(output.as_bytes()).and_then(|()| out.flush()) {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("table: {e}");
            return ExitCode::FAILURE;
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The files named, with every `.txt` file of a folder, in name order.
fn expand(paths: &[PathBuf]) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut inside: Vec<PathBuf> = std::fs::read_dir(path)?
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
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
        "department {} · year {} · money in {}",
        doc.department.as_deref().unwrap_or("?"),
        doc.year.map_or("?".to_string(), |y| y.to_string()),
        doc.money_unit.as_deref().unwrap_or("?")
    );
    let _ = writeln!(s, "合计 {}", money(&doc.funding));
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
         annual_raw,annual_kind,annual_op,annual_amount,annual_scale,annual_unit,annual_per\n",
    );
    for (file, doc) in documents {
        for unit in &doc.units {
            for project in &unit.projects {
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
                    let row: Vec<String> = row.iter().map(|f| field(f)).collect();
                    out.push_str(&row.join(","));
                    out.push('\n');
                }
            }
        }
    }
    out
}

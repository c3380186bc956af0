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
//! cat ACTUALS.csv | cargo run --example assess -- TABLE -    # `-` is stdin
//! cargo run --example assess -- --lang zh TABLE              # the scores' words in Chinese
//! ```
//!
//! ACTUALS.csv has the header `project,indicator,actual` (optionally `baseline` and `weight`):
//! `project` is the project's 1-based position in the table or its name, `indicator` its
//! number or name, or `budget` for the amount executed, in the table's money unit. Any other
//! `.csv` is a table. With no table, the bundled Guangzhou table is scored. On stdin (`-`),
//! text whose header starts with `project` is the actual values, any other a table.
//!
//! The exit status is 0 when the table was scored, 1 when a file could not be read, 2 for a
//! wrong command line (an unknown option, a second table or CSV, no file at all). The text is
//! in English unless `--lang zh` asks for Chinese; the JSON holds both (`note`, `note_zh`).

use jixiao::{Actuals, AssessConfig, Assessment, Decimal, Document, Lang, Status, assess};
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

const BUNDLED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/guangzhou_commerce_2024.txt"
);

const USAGE: &str = "usage: assess [--json] [--lang zh|en] [TABLE] [ACTUALS.csv]
  TABLE        a table file (none: the bundled Guangzhou 2024 table), or - for stdin
  ACTUALS.csv  a .csv file whose header starts with `project`: the actual values, or -
  --json       the assessment as JSON
  --lang       the language of the text: zh (中文) or en (English, the default)";

/// A file named on the command line: a path, or stdin's bytes for `-`.
enum Input {
    Path(PathBuf),
    Stdin(Vec<u8>),
}

impl Input {
    fn name(&self) -> String {
        match self {
            Input::Path(path) => path.display().to_string(),
            Input::Stdin(_) => "-".to_string(),
        }
    }

    /// Whether it holds actual values: a `.csv` file or stdin whose header names the
    /// `project` column first (any other `.csv` is a table exported as CSV).
    fn is_actuals(&self) -> bool {
        match self {
            Input::Stdin(bytes) => names_project_first(bytes),
            Input::Path(path) => {
                path.extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
                    // Unreadable: taken as actual values, where the error names the file.
                    && std::fs::read(path).map_or(true, |bytes| names_project_first(&bytes))
            }
        }
    }

    fn table(&self, lang: Lang) -> Result<Document, String> {
        match self {
            Input::Path(path) => Document::from_path(path),
            Input::Stdin(bytes) => Document::from_bytes(bytes),
        }
        .map_err(|e| format!("{}: {}", self.name(), e.message_in(lang)))
    }

    fn actuals(&self, lang: Lang) -> Result<Actuals, String> {
        let text = match self {
            Input::Path(path) => std::fs::read_to_string(path).map_err(|e| e.to_string()),
            Input::Stdin(bytes) => String::from_utf8(bytes.clone()).map_err(|e| e.to_string()),
        };
        text.and_then(|text| {
            text.parse::<Actuals>()
                .map_err(|e| e.message_in(lang).to_string())
        })
        .map_err(|e| format!("{}: {e}", self.name()))
    }
}

fn names_project_first(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(256)]).to_lowercase();
    let header = text.trim_start_matches('\u{feff}').trim_start();
    header.starts_with("project") || header.starts_with("\"project")
}

/// What the command line asks for: JSON or text, the language of the text, the files.
type Options = (bool, Lang, Vec<PathBuf>);

/// Reads the command line: `Ok(None)` for `--help`, `Err` with what is wrong.
fn options(args: impl IntoIterator<Item = String>) -> Result<Option<Options>, String> {
    let mut json = false;
    let mut lang = Lang::En;
    let mut paths = Vec::new();
    let mut flags = true;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            _ if !flags => paths.push(PathBuf::from(arg)),
            "--" => flags = false,
            "--json" => json = true,
            "--lang" => {
                let word = args.next().ok_or("--lang needs zh or en")?;
                lang = word
                    .parse()
                    .map_err(|_| format!("--lang {word}: not zh or en"))?;
            }
            flag if flag.starts_with("--lang=") => {
                let word = &flag["--lang=".len()..];
                lang = word
                    .parse()
                    .map_err(|_| format!("--lang {word}: not zh or en"))?;
            }
            "-h" | "--help" => return Ok(None),
            flag if flag.starts_with('-') && flag != "-" => {
                return Err(format!("unknown option {flag}"));
            }
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    match paths.len() {
        0 => Err("no table and no actual values".into()),
        3.. => Err(format!(
            "one table and one CSV of actual values at most, not {} files",
            paths.len()
        )),
        2 if paths.iter().all(|p| p.as_os_str() == "-") => Err("stdin (-) can be read once".into()),
        _ => Ok(Some((json, lang, paths))),
    }
}

fn main() -> ExitCode {
    let (json, lang, paths) = match options(std::env::args().skip(1)) {
        Ok(Some(options)) => options,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(wrong) => {
            eprintln!("assess: {wrong}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            if let Err(e) = io::stdin().lock().read_to_end(&mut bytes) {
                eprintln!("assess: cannot read stdin: {e}");
                return ExitCode::FAILURE;
            }
            inputs.push(Input::Stdin(bytes));
        } else {
            inputs.push(Input::Path(path));
        }
    }
    let (csvs, tables): (Vec<Input>, Vec<Input>) = inputs.into_iter().partition(Input::is_actuals);
    if csvs.len() > 1 || tables.len() > 1 {
        eprintln!("assess: one table and one CSV of actual values at most\n{USAGE}");
        return ExitCode::from(2);
    }
    let table = tables
        .into_iter()
        .next()
        .unwrap_or_else(|| Input::Path(PathBuf::from(BUNDLED)));
    let read = csvs
        .first()
        .map_or(Ok(Actuals::default()), |csv| csv.actuals(lang))
        .and_then(|actuals| Ok((table.table(lang)?, actuals)));
    let (doc, actuals) = match read {
        Ok(read) => read,
        Err(e) => {
            eprintln!("{e}");
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
        match lang {
            Lang::Zh => summary_zh(&assessment),
            _ => summary(&assessment),
        }
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

/// [`summary`] in Chinese.
fn summary_zh(assessment: &Assessment) -> String {
    let lang = Lang::Zh;
    let mut out = String::new();
    for p in &assessment.projects {
        let stated = p
            .stated_score
            .map_or(String::new(), |s| format!("（表中自评{s}）"));
        out.push_str(&format!(
            "第{}个项目「{}」  {}  {}{stated}{}\n",
            p.project,
            p.name,
            p.score,
            p.grade.describe(lang),
            if p.complete { "" } else { "（未评完）" }
        ));
        for i in &p.indicators {
            let said = beside(i.stated_score, i.score);
            out.push_str(&format!(
                "    {:>2}  {:>6} / {:<6} {said} {:<5} {}  实际完成值 {}{}\n",
                i.seq,
                i.score.to_string(),
                i.weight.to_string(),
                i.status.describe(lang),
                i.name,
                i.actual.as_deref().unwrap_or("-"),
                i.note_in(lang)
                    .map_or(String::new(), |n| format!("（{n}）"))
            ));
        }
        let b = &p.budget;
        let executed = match (b.executed, b.budget) {
            (Some(e), Some(t)) => format!("执行数{e}，预算数{t}"),
            _ => "未提供执行数".to_string(),
        };
        let said = beside(b.stated_score, b.score);
        out.push_str(&format!(
            "    预算  {:>6} / {:<6} {said} {:<5} {executed}{}\n",
            b.score.to_string(),
            b.weight.to_string(),
            b.status.describe(lang),
            b.note_in(lang)
                .map_or(String::new(), |n| format!("（{n}）"))
        ));
    }
    let scored: Vec<_> = assessment
        .projects
        .iter()
        .flat_map(|p| &p.indicators)
        .collect();
    let count = |s: Status| scored.iter().filter(|i| i.status == s).count();
    out.push_str(&format!(
        "\n共{}个项目；指标：达成{}项，部分达成{}项，未达成{}项，未评分{}项；{}项须说明原因\n",
        assessment.projects.len(),
        count(Status::Met),
        count(Status::Partial),
        count(Status::Missed),
        count(Status::Unscored),
        scored.iter().filter(|i| i.explain).count()
    ));
    for note in assessment.notes_in(lang) {
        out.push_str(&format!("说明：{note}\n"));
    }
    out
}

/// The table's own score beside the rules', marked `≠` where they differ by more than 0.5.
fn beside(stated: Option<Decimal>, score: Decimal) -> String {
    match stated {
        Some(s) if (s - score).abs() > Decimal::new(5, 1) => format!("{s:>6} ≠"),
        Some(s) => format!("{s:>6}  "),
        None => format!("{:>6}  ", "-"),
    }
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
            let said = beside(i.stated_score, i.score);
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
        let said = beside(b.stated_score, b.score);
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

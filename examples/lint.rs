//! Checks 项目支出绩效目标表 as reviewers do and prints the findings by check, and the share
//! of values that are typed numbers (量化率).
//!
//! ```text
//! cargo run --example lint                       # the bundled Guangzhou 2024 table
//! cargo run --example lint -- a.txt b.xlsx       # other tables, each under its name
//! cat a.txt | cargo run --example lint -- -      # `-` is stdin, read as text
//! cargo run --example lint -- --json [PATH…]     # a JSON array, an entry per file
//! cargo run --example lint -- --fail-on warning  # exit 1 on a warning or an error
//! cargo run --example lint -- --lang zh          # the findings in Chinese
//! ```
//!
//! It gates a pipeline: the exit status is 1 when a finding is at or above the severity
//! `--fail-on` names (`error`, the default; `warning`; `info`; `never`), or when a file
//! holds no table, 2 for a wrong command line, and 0 otherwise. Each JSON entry names its
//! file: `{"file": …, "report": {…}}`, or `{"file": …, "error": {"kind": …, "message": …, "message_zh": …}}`
//! for a file that holds no table, in its place. The text is in English unless `--lang zh`
//! asks for Chinese; the JSON holds both (`message`, `message_zh`) whatever `--lang` says.

use jixiao::{CheckCode, CheckConfig, Document, Lang, Report, Severity, TableErrorKind, check};
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

const BUNDLED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/guangzhou_commerce_2024.txt"
);

const USAGE: &str =
    "usage: lint [--json] [--fail-on error|warning|info|never] [--lang zh|en] [PATH…]
  PATH       a table file, or - for stdin; none: the bundled Guangzhou 2024 table
  --json     a JSON array: {\"file\", \"report\"} or {\"file\", \"error\"} for each file
  --fail-on  exit 1 on a finding of this severity or above (default: error)
  --lang     the language of the text: zh (中文) or en (English, the default)";

/// What the command line asks for.
struct Options {
    json: bool,
    /// The least severity that fails the run; `None` for `never`.
    fail_on: Option<Severity>,
    /// The language of the text.
    lang: Lang,
    paths: Vec<PathBuf>,
}

/// Reads the command line: `Ok(None)` for `--help`, `Err` with what is wrong.
fn options(args: impl IntoIterator<Item = String>) -> Result<Option<Options>, String> {
    let mut options = Options {
        json: false,
        fail_on: Some(Severity::Error),
        lang: Lang::En,
        paths: Vec::new(),
    };
    let mut args = args.into_iter();
    let mut flags = true;
    while let Some(arg) = args.next() {
        // `--fail-on=warning` as well as `--fail-on warning`.
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flags && flag.starts_with("--") => (flag, Some(value)),
            _ => (arg.as_str(), None),
        };
        match flag {
            _ if !flags => options.paths.push(PathBuf::from(arg)),
            "--" => flags = false,
            "--json" => options.json = true,
            "--fail-on" => {
                let word = match inline {
                    Some(word) => word.to_string(),
                    None => args.next().ok_or("--fail-on needs a severity")?,
                };
                options.fail_on = match word.as_str() {
                    "never" => None,
                    severity => Some(severity.parse().map_err(|_| {
                        format!("--fail-on {word}: not error, warning, info or never")
                    })?),
                };
            }
            "--lang" => {
                let word = match inline {
                    Some(word) => word.to_string(),
                    None => args.next().ok_or("--lang needs zh or en")?,
                };
                options.lang = word
                    .parse()
                    .map_err(|_| format!("--lang {word}: not zh or en"))?;
            }
            "-h" | "--help" => return Ok(None),
            flag if flag.starts_with('-') && flag != "-" => {
                return Err(format!("unknown option {flag}"));
            }
            _ => options.paths.push(PathBuf::from(arg)),
        }
    }
    if options
        .paths
        .iter()
        .filter(|p| p.as_os_str() == "-")
        .count()
        > 1
    {
        return Err("stdin (-) can be read once".into());
    }
    if options.paths.is_empty() {
        options.paths.push(PathBuf::from(BUNDLED));
    }
    Ok(Some(options))
}

fn main() -> ExitCode {
    let options = match options(std::env::args().skip(1)) {
        Ok(Some(options)) => options,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(wrong) => {
            eprintln!("lint: {wrong}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut failed = false;
    let mut over = 0;
    let many = options.paths.len() > 1;
    let mut printed = if options.json {
        out.write_all(b"[")
    } else {
        Ok(())
    };
    for (n, path) in options.paths.iter().enumerate() {
        let name = shown(path);
        let report = read(path).map(|doc| check(&doc, &CheckConfig::default()));
        match &report {
            Ok(report) => {
                over += report
                    .findings
                    .iter()
                    .filter(|f| options.fail_on.is_some_and(|fail_on| f.severity >= fail_on))
                    .count();
            }
            Err(e) => {
                let message = match options.lang {
                    Lang::Zh => &e.message_zh,
                    _ => &e.message,
                };
                eprintln!("{name}: {message}");
                failed = true;
            }
        }
        printed = printed.and_then(|()| {
            if options.json {
                out.write_all(if n == 0 { b"\n" } else { b",\n" })?;
                json_element(&mut out, &Entry::new(&name, &report))
            } else if let Ok(report) = &report {
                if many {
                    writeln!(out, "{}== {name}", if n == 0 { "" } else { "\n" })?;
                }
                out.write_all(text(report, options.lang).as_bytes())
            } else {
                Ok(())
            }
        });
        if printed.is_err() {
            break;
        }
    }
    if options.json {
        printed = printed.and_then(|()| out.write_all(b"\n]\n"));
    }
    if let (Some(fail_on), 1..) = (options.fail_on, over) {
        if options.lang == Lang::Zh {
            eprintln!(
                "lint：{over}条问题达到或超过「{}」级别（--fail-on {fail_on}）",
                fail_on.describe(Lang::Zh)
            );
        } else {
            let findings = if over == 1 { "finding" } else { "findings" };
            eprintln!(
                "lint: {over} {findings} of severity {fail_on} or above (--fail-on {fail_on})"
            );
        }
        failed = true;
    }
    match printed.and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("lint: {e}");
            ExitCode::FAILURE
        }
        _ if failed => ExitCode::FAILURE,
        _ => ExitCode::SUCCESS,
    }
}

/// Why a file gave no report: the error's kind as a word, and its message.
#[derive(serde::Serialize)]
struct Failure {
    kind: &'static str,
    message: String,
    message_zh: String,
}

/// A table from a file, or from stdin for `-`.
fn read(path: &PathBuf) -> Result<Document, Failure> {
    let document = if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        if let Err(e) = io::stdin().lock().read_to_end(&mut bytes) {
            return Err(Failure {
                kind: "unreadable",
                message: format!("cannot read stdin: {e}"),
                message_zh: format!("无法读取标准输入：{e}"),
            });
        }
        Document::from_bytes(&bytes)
    } else {
        Document::from_path(path)
    };
    document.map_err(|e| Failure {
        kind: match e.kind() {
            TableErrorKind::Empty => "empty",
            TableErrorKind::NotText => "not_text",
            TableErrorKind::NotATable => "not_a_table",
            TableErrorKind::Record => "record",
            TableErrorKind::UnknownWord => "unknown_word",
            TableErrorKind::Unreadable => "unreadable",
            TableErrorKind::Unsupported => "unsupported",
            _ => "other",
        },
        message: e.to_string(),
        message_zh: e.message_in(Lang::Zh).to_string(),
    })
}

/// A path as shown: the bundled table relative to the crate.
fn shown(path: &std::path::Path) -> String {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .map_or(path, |relative| {
            relative.strip_prefix("/").unwrap_or(relative)
        })
        .display()
        .to_string()
}

/// A file's entry in the JSON: its report, or the error that it has none.
#[derive(serde::Serialize)]
struct Entry<'a> {
    file: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<&'a Report>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a Failure>,
}

impl<'a> Entry<'a> {
    fn new(file: &'a str, report: &'a Result<Report, Failure>) -> Entry<'a> {
        Entry {
            file,
            report: report.as_ref().ok(),
            error: report.as_ref().err(),
        }
    }
}

/// An entry pretty-printed as an element of the array: indented one level. JSON strings
/// hold no raw line breaks, so indenting every line moves only the layout.
fn json_element(out: &mut impl Write, entry: &Entry) -> io::Result<()> {
    let pretty = serde_json::to_string_pretty(entry).map_err(io::Error::other)?;
    write!(out, "  {}", pretty.replace('\n', "\n  "))
}

/// The findings grouped by check, each group headed by the check's code, severity, count and
/// description as the library words them in the language, then the 量化率.
fn text(report: &Report, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut out = String::new();
    for code in CheckCode::ALL {
        let findings: Vec<_> = report.of(code).collect();
        if findings.is_empty() {
            continue;
        }
        let (severity, count, what) = (
            code.severity().describe(lang),
            findings.len(),
            code.describe(lang),
        );
        out.push_str(&if zh {
            format!("{code}（{severity}，{count}条）：{what}\n")
        } else {
            format!("{code} ({severity}, {count}): {what}\n")
        });
        for f in findings {
            out.push_str(&format!("    {}\n", f.display_in(lang)));
        }
        out.push('\n');
    }
    let rate = |q: jixiao::Quantification| {
        q.rate().map_or("-".to_string(), |r| {
            if zh {
                format!("{r}%（{}个指标值中{}个已量化）", q.values, q.quantified)
            } else {
                format!("{r}% ({} of {})", q.quantified, q.values)
            }
        })
    };
    let whole = rate(report.quantification);
    out.push_str(&if zh {
        format!("全表量化率：{whole}\n")
    } else {
        format!("量化率 of the document: {whole}\n")
    });
    for p in report
        .projects
        .iter()
        .filter(|p| p.quantification.quantified < p.quantification.values)
    {
        let (n, name, q) = (p.project, &p.name, rate(p.quantification));
        out.push_str(&if zh {
            format!("    第{n}个项目「{name}」：{q}\n")
        } else {
            format!("    project {n} «{name}»: {q}\n")
        });
    }
    out
}

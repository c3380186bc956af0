//! Reads performance tables (绩效目标表, 绩效自评表) and prints what they say: the run-on text
//! of Guangzhou's budget system, or grids as pipe rows, TSV, CSV, a cell per line or
//! paragraph, trees or space-separated text, in UTF-8, UTF-16 or GBK; spreadsheets (.xlsx,
//! .xls, with `--features xlsx`), HTML pages (.html, .htm, with `--features html`) and PDFs
//! (.pdf, through poppler's pdftotext).
//!
//! ```text
//! cargo run --example table                         # the bundled Guangzhou 2024 table
//! cargo run --example table -- a.txt b.csv tables/  # files, and every table file in a folder
//! cat a.txt | cargo run --example table -- -        # `-` is stdin, read as text
//! cargo run --example table --features xlsx,html -- a.xlsx page.html report.pdf
//! cargo run --example table -- --json  [PATH…]      # a JSON array, an entry per file
//! cargo run --example table -- --jsonl [PATH…]      # the same entries, one per line
//! cargo run --example table -- --csv   [PATH…]      # one row per indicator
//! cargo run --example table -- --excel [PATH…]      # the CSV for spreadsheets (see below)
//! cargo run --example table -- --lang zh [PATH…]    # the summary and messages in Chinese
//! ```
//!
//! Each JSON entry names its file: `{"file": …, "document": {…}}`, or `{"file": …, "error":
//! {"kind": …, "message": …, "message_zh": …}}` for a file that holds no table, in its place, so that entries
//! and files match. `--excel` writes the CSV with a UTF-8 byte-order mark (Excel reads the
//! Chinese right) and puts a `'` before any cell a spreadsheet would run as a formula (one
//! that starts with `=`, `+`, `-`, `@`, a tab or a carriage return, and is not a number).
//!
//! Files are read in parallel, a thread per core (`--jobs N` to choose), and printed in the
//! order given as soon as each is ready: memory grows with the number of threads, not of
//! files. The exit status is 0 when every file was read, 1 when one was not (it is named on
//! stderr), 2 for a wrong command line. The summary and the messages are in English unless
//! `--lang zh` asks for Chinese; the JSON and the CSV are the same in both.

use jixiao::{
    Baseline, Category, Decimal, Document, Funding, Lang, PartialDate, Project, Scale, TableError,
    TableErrorKind, Target, Value,
};
use std::fmt::Write as _;
use std::io::{self, Read, Write};
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::thread;

const BUNDLED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/guangzhou_commerce_2024.txt"
);

const USAGE: &str =
    "usage: table [--json | --jsonl | --csv | --excel] [--jobs N] [--lang zh|en] [PATH…]
  PATH      a table file, a folder of them (.txt, .csv, .tsv, .xlsx, .xls, .html, .htm, .pdf),
            or - for stdin; none: the bundled Guangzhou 2024 table
  --json    a JSON array: {\"file\", \"document\"} or {\"file\", \"error\"} for each file
  --jsonl   the same entries, one compact line each
  --csv     one row per indicator
  --excel   the CSV for spreadsheets: a UTF-8 BOM, and no cell read as a formula
  --jobs N  read N files at a time (default: one per core)
  --lang    the language of the summary and messages: zh (中文) or en (English, the default)";

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Summary,
    Json,
    JsonLines,
    Csv { excel: bool },
}

/// What the command line asks for.
struct Options {
    format: Format,
    jobs: Option<NonZeroUsize>,
    /// The language of the summary and the messages.
    lang: Lang,
    paths: Vec<PathBuf>,
}

/// Reads the command line: `Ok(None)` for `--help`, `Err` with what is wrong.
fn options(args: impl IntoIterator<Item = String>) -> Result<Option<Options>, String> {
    let mut format = Format::Summary;
    let mut excel = false;
    let mut jobs = None;
    let mut lang = Lang::En;
    let mut paths = Vec::new();
    let mut args = args.into_iter();
    let mut flags = true;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            _ if !flags => paths.push(PathBuf::from(arg)),
            "--" => flags = false,
            "--json" => format = Format::Json,
            "--jsonl" => format = Format::JsonLines,
            "--csv" => format = Format::Csv { excel: false },
            "--excel" => excel = true,
            "-j" | "--jobs" => {
                let n = args.next().ok_or("--jobs needs a number")?;
                jobs = Some(
                    n.parse()
                        .map_err(|_| format!("--jobs {n}: not a number above 0"))?,
                );
            }
            "--lang" => {
                let word = args.next().ok_or("--lang needs zh or en")?;
                lang = word
                    .parse()
                    .map_err(|_| format!("--lang {word}: not zh or en"))?;
            }
            "-h" | "--help" => return Ok(None),
            flag if flag.starts_with("--lang=") => {
                let word = &flag["--lang=".len()..];
                lang = word
                    .parse()
                    .map_err(|_| format!("--lang {word}: not zh or en"))?;
            }
            flag if flag.starts_with('-') && flag != "-" => {
                return Err(format!("unknown option {flag}"));
            }
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    if excel {
        match format {
            Format::Summary | Format::Csv { .. } => format = Format::Csv { excel: true },
            Format::Json | Format::JsonLines => return Err("--excel is a form of CSV".into()),
        }
    }
    if paths.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        return Err("stdin (-) can be read once".into());
    }
    if paths.is_empty() {
        paths.push(PathBuf::from(BUNDLED));
    }
    Ok(Some(Options {
        format,
        jobs,
        lang,
        paths,
    }))
}

fn main() -> ExitCode {
    let options = match options(std::env::args().skip(1)) {
        Ok(Some(options)) => options,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(wrong) => {
            eprintln!("table: {wrong}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let files = match expand(&options.paths) {
        Ok(files) if files.is_empty() => {
            let named: Vec<String> = options
                .paths
                .iter()
                .map(|p| p.display().to_string())
                .collect();
            eprintln!("table: no .txt file in {}", named.join(", "));
            return ExitCode::FAILURE;
        }
        Ok(files) => files,
        Err(e) => {
            eprintln!("table: {e}");
            return ExitCode::FAILURE;
        }
    };
    let jobs = options
        .jobs
        .or_else(|| thread::available_parallelism().ok())
        .map_or(1, NonZeroUsize::get)
        .min(files.len());

    let format = options.format;
    let lang = options.lang;
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let mut failed = false;
    let mut first = true;
    let result = begin(&mut out, format)
        .and_then(|()| {
            in_order(
                &files,
                jobs,
                |file| render(file, format, lang),
                |rendered| {
                    if let Some(error) = &rendered.error {
                        eprintln!("{error}");
                        failed = true;
                    }
                    if !rendered.out.is_empty() {
                        out.write_all(separator(format, first))?;
                        out.write_all(&rendered.out)?;
                        first = false;
                    }
                    Ok(())
                },
            )
        })
        .and_then(|()| end(&mut out, format, first))
        .and_then(|()| out.flush());
    match result {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("table: {e}");
            ExitCode::FAILURE
        }
        _ if failed => ExitCode::FAILURE,
        _ => ExitCode::SUCCESS,
    }
}

/// A file to read: a path, or stdin (`-`).
enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    /// The name shown for it: the bundled table relative to the crate, stdin as `-`.
    fn name(&self) -> String {
        match self {
            Source::Stdin => "-".to_string(),
            Source::File(path) => path
                .strip_prefix(env!("CARGO_MANIFEST_DIR"))
                .map_or(path.as_path(), |relative| {
                    relative.strip_prefix("/").unwrap_or(relative)
                })
                .display()
                .to_string(),
        }
    }

    fn read(&self) -> Result<Document, Failure> {
        match self {
            Source::File(path) => Document::from_path(path).map_err(Failure::from),
            Source::Stdin => {
                let mut bytes = Vec::new();
                match io::stdin().lock().read_to_end(&mut bytes) {
                    Ok(_) => Document::from_bytes(&bytes).map_err(Failure::from),
                    Err(e) => Err(Failure {
                        kind: "unreadable",
                        message: format!("cannot read stdin: {e}"),
                        message_zh: format!("无法读取标准输入：{e}"),
                        hint: None,
                    }),
                }
            }
        }
    }
}

/// The extensions of the tables a folder is read for.
const TABLES: [&str; 11] = [
    "txt", "csv", "tsv", "xlsx", "xlsm", "xls", "html", "htm", "shtml", "pdf", "ods",
];

/// The files named, with every table file of a folder, in name order.
fn expand(paths: &[PathBuf]) -> io::Result<Vec<Source>> {
    let mut files = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            files.push(Source::Stdin);
        } else if path.is_dir() {
            let mut inside: Vec<PathBuf> = std::fs::read_dir(path)?
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|p| {
                    p.extension()
                        .and_then(|e| e.to_str())
                        .is_some_and(|e| TABLES.contains(&e.to_ascii_lowercase().as_str()))
                })
                .collect();
            inside.sort();
            files.extend(inside.into_iter().map(Source::File));
        } else {
            files.push(Source::File(path.clone()));
        }
    }
    Ok(files)
}

/// Why a file gave no document: the error's kind as a word, its message, and what to do.
struct Failure {
    kind: &'static str,
    message: String,
    message_zh: String,
    hint: Option<&'static str>,
}

impl From<TableError> for Failure {
    fn from(e: TableError) -> Failure {
        let kind = match e.kind() {
            TableErrorKind::Empty => "empty",
            TableErrorKind::NotText => "not_text",
            TableErrorKind::NotATable => "not_a_table",
            TableErrorKind::Record => "record",
            TableErrorKind::UnknownWord => "unknown_word",
            TableErrorKind::Unreadable => "unreadable",
            TableErrorKind::Unsupported => "unsupported",
            _ => "other",
        };
        let message = e.to_string();
        let hint = (e.kind() == TableErrorKind::Unsupported && message.contains("feature"))
            .then_some(
                "(run the example with them: cargo run --example table --features xlsx,html -- …)",
            );
        Failure {
            kind,
            message,
            message_zh: e.message_in(Lang::Zh).to_string(),
            hint,
        }
    }
}

/// One file's output, and the error to report for it.
struct Rendered {
    out: Vec<u8>,
    error: Option<String>,
}

/// Reads one file and prints it in `format`, on a worker thread.
fn render(source: &Source, format: Format, lang: Lang) -> Rendered {
    let name = source.name();
    let result = source.read();
    let error = result.as_ref().err().map(|f| {
        let message = lang.pick(&f.message, &f.message_zh);
        match f.hint {
            Some(hint) => format!("{name}: {message}\n  {hint}"),
            None => format!("{name}: {message}"),
        }
    });
    let mut out = Vec::new();
    let printed = match (format, &result) {
        (Format::Summary, Ok(doc)) => out.write_all(summary(&name, doc, lang).as_bytes()),
        (Format::Summary | Format::Csv { .. }, Err(_)) => Ok(()),
        (Format::Json | Format::JsonLines, _) => {
            let entry = Entry::new(&name, &result);
            if format == Format::Json {
                json_element(&mut out, &entry)
            } else {
                serde_json::to_writer(&mut out, &entry)
                    .map_err(io::Error::other)
                    .and_then(|()| out.write_all(b"\n"))
            }
        }
        (Format::Csv { excel }, Ok(doc)) => csv(&mut out, &name, doc, excel),
    };
    match printed {
        Ok(()) => Rendered { out, error },
        // Printing into memory fails only where serde_json refuses a value.
        Err(e) => Rendered {
            out: Vec::new(),
            error: Some(format!("{name}: cannot print: {e}")),
        },
    }
}

/// Maps `render` over `items` on `workers` threads and hands each result to `write` in the
/// order of `items`, as soon as it and those before it are ready.
///
/// A feeder thread queues each item for the workers together with a one-shot channel for
/// its result, and the receiving ends of those channels, in order, on a bounded channel the
/// writer reads. At most `2 × workers` results wait to be written, however many items there
/// are. When `write` fails, the queue is dropped, and the feeder and the workers stop.
fn in_order<T: Sync, R: Send>(
    items: &[T],
    workers: usize,
    render: impl Fn(&T) -> R + Sync,
    mut write: impl FnMut(R) -> io::Result<()>,
) -> io::Result<()> {
    let (jobs, queued) = mpsc::sync_channel::<(&T, SyncSender<R>)>(workers);
    let queued = Mutex::new(queued);
    thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                // Taking the lock only to take the next job, so workers take turns.
                while let Ok(Ok((item, result))) = queued.lock().map(|jobs| jobs.recv()) {
                    // The writer may have stopped; then the result is not wanted.
                    let _ = result.send(render(item));
                }
            });
        }
        let (pending, results) = mpsc::sync_channel::<Receiver<R>>(2 * workers);
        scope.spawn(move || {
            for item in items {
                let (result, promise) = mpsc::sync_channel(1);
                if pending.send(promise).is_err() || jobs.send((item, result)).is_err() {
                    break;
                }
            }
        });
        for promise in results {
            // A closed promise is a worker that panicked; the scope reports that panic.
            if let Ok(rendered) = promise.recv() {
                write(rendered)?;
            }
        }
        Ok(())
    })
}

/// What comes before the first document.
fn begin(out: &mut impl Write, format: Format) -> io::Result<()> {
    match format {
        Format::Summary | Format::JsonLines => Ok(()),
        Format::Json => out.write_all(b"["),
        Format::Csv { excel } => {
            if excel {
                out.write_all("\u{feff}".as_bytes())?;
            }
            out.write_all(CSV_HEADER.as_bytes())
        }
    }
}

/// What comes between documents (and before the first).
fn separator(format: Format, first: bool) -> &'static [u8] {
    match format {
        Format::Summary if !first => b"\n",
        Format::Json if first => b"\n",
        Format::Json => b",\n",
        _ => b"",
    }
}

/// What comes after the last document: the JSON array as `serde_json` pretty-prints one.
fn end(out: &mut impl Write, format: Format, empty: bool) -> io::Result<()> {
    match format {
        Format::Json if empty => out.write_all(b"]\n"),
        Format::Json => out.write_all(b"\n]\n"),
        _ => Ok(()),
    }
}

/// A file's entry in the JSON: its document, or the error that it has none.
#[derive(serde::Serialize)]
struct Entry<'a> {
    file: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    document: Option<&'a Document>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<EntryError<'a>>,
}

#[derive(serde::Serialize)]
struct EntryError<'a> {
    kind: &'a str,
    message: &'a str,
    message_zh: &'a str,
}

impl<'a> Entry<'a> {
    fn new(file: &'a str, result: &'a Result<Document, Failure>) -> Entry<'a> {
        Entry {
            file,
            document: result.as_ref().ok(),
            error: result.as_ref().err().map(|f| EntryError {
                kind: f.kind,
                message: &f.message,
                message_zh: &f.message_zh,
            }),
        }
    }
}

/// An entry pretty-printed as an element of the array, one level in, as `serde_json` prints
/// an array: the formatter starts one level in, so the entry is indented as that array's
/// element, straight into the output.
fn json_element(out: &mut Vec<u8>, entry: &Entry) -> io::Result<()> {
    use serde::Serialize;
    out.extend_from_slice(b"  ");
    let formatter = Indented {
        level: 1,
        has_value: false,
    };
    entry
        .serialize(&mut serde_json::Serializer::with_formatter(out, formatter))
        .map_err(io::Error::other)
}

/// A line feed and the indentation of up to 32 levels, two spaces each: what `Indented`
/// writes before a line, in one piece.
const NEWLINE_INDENT: &[u8; 65] =
    b"\n                                                                ";

/// `serde_json`'s `PrettyFormatter` with its indentation of two spaces, byte for byte, but
/// for how it writes: a line's break and indentation go out in one write, where the pretty
/// formatter writes the indentation two spaces at a time (a write per level, ten and more
/// per line of a document's JSON).
struct Indented {
    level: usize,
    has_value: bool,
}

impl Indented {
    /// A line feed, then the indentation of the current level.
    fn newline<W: ?Sized + Write>(&self, writer: &mut W) -> io::Result<()> {
        let mut spaces = 2 * self.level;
        let first = spaces.min(NEWLINE_INDENT.len() - 1);
        writer.write_all(&NEWLINE_INDENT[..=first])?;
        spaces -= first;
        while spaces > 0 {
            let n = spaces.min(NEWLINE_INDENT.len() - 1);
            writer.write_all(&NEWLINE_INDENT[1..=n])?;
            spaces -= n;
        }
        Ok(())
    }
}

impl Indented {
    /// Opens an array or an object: one level deeper, nothing in it yet.
    fn open<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    /// Closes an array or an object, on a line of its own where it holds anything.
    fn close<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level = self.level.saturating_sub(1);
        if self.has_value {
            self.newline(writer)?;
        }
        writer.write_all(bracket)
    }

    /// Begins an element or a key: a comma after the one before, then a new line.
    fn next<W: ?Sized + Write>(&self, writer: &mut W, first: bool) -> io::Result<()> {
        if !first {
            writer.write_all(b",")?;
        }
        self.newline(writer)
    }
}

impl serde_json::ser::Formatter for Indented {
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.next(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.next(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
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
fn summary(file: &str, doc: &Document, lang: Lang) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "== {file}");
    let _ = writeln!(
        s,
        "{}",
        doc.title
            .as_deref()
            .unwrap_or(lang.pick("(no title)", "（无标题）"))
    );
    let department = doc.department.as_deref().unwrap_or("?");
    let year = doc.year.map_or("?".to_string(), |y| y.to_string());
    let money_unit = doc.money_unit.as_deref().unwrap_or("?");
    let _ = match lang {
        Lang::Zh => writeln!(
            s,
            "部门 {department} · 年度 {year} · 金额单位 {money_unit} · {} 表，按 {} 版式读取",
            doc.kind, doc.layout
        ),
        _ => writeln!(
            s,
            "department {department} · year {year} · money in {money_unit} · {} table read from its {} layout",
            doc.kind, doc.layout
        ),
    };
    if doc.funding.total.is_some() {
        let _ = writeln!(s, "合计 {}", money(&doc.funding));
    }
    let (units, projects, indicators) = (
        doc.units.len(),
        doc.projects().count(),
        doc.indicators().count(),
    );
    let _ = match lang {
        Lang::Zh => writeln!(s, "{units}个单位，{projects}个项目，{indicators}项指标\n"),
        _ => writeln!(
            s,
            "{units} units, {projects} projects, {indicators} indicators\n"
        ),
    };
    for unit in &doc.units {
        let _ = writeln!(s, "{}  {}", unit.name, money(&unit.funding));
        for project in &unit.projects {
            let _ = writeln!(
                s,
                "    {:>10}  {:>2}{}  {}{}",
                project.funding.total.map_or("-".into(), |t| t.to_string()),
                project.indicators.len(),
                lang.pick(" indicators", "项指标"),
                project.name,
                if project.funding.fiscal == project.funding.total {
                    String::new()
                } else {
                    format!("  ({})", columns(&project.funding))
                }
            );
            scored(&mut s, project, lang);
        }
    }
    let _ = writeln!(
        s,
        "\n{}",
        lang.pick("indicators by category", "各二级指标的指标数")
    );
    for category in Category::iter() {
        let n = doc
            .indicators()
            .filter(|i| i.category == Some(category))
            .count();
        if n > 0 {
            let _ = writeln!(s, "    {:<16} {n:>4}", category.to_string());
        }
    }
    let _ = match lang {
        Lang::Zh => writeln!(s, "\n诊断信息（{}条）", doc.diagnostics.len()),
        _ => writeln!(s, "\ndiagnostics ({})", doc.diagnostics.len()),
    };
    for d in &doc.diagnostics {
        let _ = writeln!(s, "    {}", d.display_in(lang));
    }
    s
}

/// A project's indicators with their weights and scores, where the table prints them.
fn scored(s: &mut String, project: &Project, lang: Lang) {
    let weighted = project
        .indicators
        .iter()
        .any(|i| i.weight.is_some() || i.score.is_some() || i.actual.is_some());
    if !weighted {
        return;
    }
    let _ = writeln!(
        s,
        "          {:>3}  {:>6} {:>6}  {}",
        "#",
        lang.pick("weight", "分值"),
        lang.pick("score", "得分"),
        lang.pick("name · target · actual", "名称 · 指标值 · 实际完成值")
    );
    for i in &project.indicators {
        let number = |d: Option<Decimal>| d.map_or("-".to_string(), |d| d.to_string());
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
    let weights: Option<Decimal> = project.indicators.iter().map(|i| i.weight).sum();
    let scores: Option<Decimal> = project.indicators.iter().map(|i| i.score).sum();
    for row in &project.execution {
        let label = row.label.trim_end_matches([':', '：']);
        let amount = |d: Option<Decimal>| d.map_or("-".to_string(), |d| d.to_string());
        let (executed, budget) = (amount(row.executed), amount(row.budget));
        let (weight, score) = (amount(row.weight), amount(row.score));
        let _ = match lang {
            Lang::Zh => writeln!(
                s,
                "          预算 {label}：执行数 {executed}，预算数 {budget}，分值 {weight}，得分 {score}"
            ),
            _ => writeln!(
                s,
                "          budget {label}: {executed} of {budget} executed, weight {weight}, score {score}"
            ),
        };
    }
    if weights.is_some() || scores.is_some() {
        let _ = writeln!(
            s,
            "          {}  {:>6} {:>6}",
            lang.pick("total", " 合计"),
            weights.map_or("-".into(), |d| d.to_string()),
            scores.map_or("-".into(), |d| d.to_string())
        );
    }
}

/// The CSV's columns. Each value (`period_` for the implementation period's, `annual_` for
/// the year's) has eleven: its text as written, its kind and comparator, then its number:
///
/// - `amount`, `scale`, `unit`, `per`: a compare value's number (`≥7.6万家/年`: 7.6, 万, 家,
///   年); a range's lower end; a relative value's change (negative for 下降); a rank (名);
/// - `high`: a range's upper end, in the scale and unit of `amount`;
/// - `date`, `until`: a date value's date, and the end of its span, in ISO 8601 (`2024-12`);
/// - `baseline`: what a relative value is measured against (`previous_year`, `budget`).
///
/// `project_position` is the project's 1-based position in its document: the key of the
/// actuals CSV of the `assess` example, since project names repeat.
const CSV_HEADER: &str = "file,unit,project,seq,tier,category,name,\
    period_raw,period_kind,period_op,period_amount,period_scale,period_unit,period_per,\
    period_high,period_date,period_until,period_baseline,\
    annual_raw,annual_kind,annual_op,annual_amount,annual_scale,annual_unit,annual_per,\
    annual_high,annual_date,annual_until,annual_baseline,\
    project_position,weight,score,actual_raw\n";

/// One row per indicator, for spreadsheets and DuckDB.
fn csv(out: &mut Vec<u8>, file: &str, doc: &Document, excel: bool) -> io::Result<()> {
    let mut row = Row {
        csv: csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(out),
        excel,
        cell: String::new(),
    };
    let mut position = 0usize;
    for unit in &doc.units {
        for project in &unit.projects {
            position += 1;
            for i in &project.indicators {
                row.text(file)?;
                row.text(&unit.name)?;
                row.text(&project.name)?;
                row.number(Some(i.seq))?;
                row.number(i.tier.map(|t| t.code()))?;
                row.number(i.category.map(|c| c.code()))?;
                row.text(&i.name)?;
                row.target(i.period.as_ref())?;
                row.target(Some(&i.annual))?;
                row.number(Some(position))?;
                row.number(i.weight)?;
                row.number(i.score)?;
                row.text(i.actual.as_ref().map_or("", |a| a.raw()))?;
                row.csv.write_record(None::<&[u8]>)?;
            }
        }
    }
    row.csv.flush()
}

/// The CSV being written: each field goes straight into the output.
struct Row<'a> {
    csv: csv::Writer<&'a mut Vec<u8>>,
    /// Whether cells a spreadsheet would read as a formula are kept as text.
    excel: bool,
    /// The cell being printed, for numbers and guarded text.
    cell: String,
}

impl Row<'_> {
    fn text(&mut self, text: &str) -> io::Result<()> {
        if self.excel && runs_as_formula(text) {
            self.cell.clear();
            self.cell.push('\'');
            self.cell.push_str(text);
            self.csv.write_field(&self.cell)?;
        } else {
            self.csv.write_field(text)?;
        }
        Ok(())
    }

    fn number(&mut self, number: Option<impl std::fmt::Display>) -> io::Result<()> {
        self.cell.clear();
        if let Some(number) = number {
            let _ = write!(self.cell, "{number}");
        }
        self.csv.write_field(&self.cell)?;
        Ok(())
    }

    /// A value's eleven columns (see [`CSV_HEADER`]), empty where there is none.
    fn target(&mut self, target: Option<&Target>) -> io::Result<()> {
        let Some(t) = target else {
            for _ in 0..11 {
                self.csv.write_field("")?;
            }
            return Ok(());
        };
        let parts = Parts::of(t);
        self.text(t.raw())?;
        self.text(t.kind().as_str())?;
        self.text(t.op().map_or("", |o| o.as_str()))?;
        self.number(parts.amount)?;
        self.text(parts.scale.map_or("", |s| s.as_str()))?;
        self.text(parts.unit.unwrap_or_default())?;
        self.text(parts.per.unwrap_or_default())?;
        self.number(parts.high)?;
        self.text(&parts.date.map(|d| d.iso()).unwrap_or_default())?;
        self.text(&parts.until.map(|d| d.iso()).unwrap_or_default())?;
        self.text(parts.baseline.map_or("", |b| b.as_str()))
    }
}

/// Whether a spreadsheet would run a cell as a formula: it starts with `=`, `+`, `-`, `@`, a
/// tab or a carriage return (OWASP's list for CSV injection), and is not a plain number.
fn runs_as_formula(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && cell.parse::<Decimal>().is_err()
}

/// The number of a value, from its parts.
#[derive(Default)]
struct Parts<'a> {
    amount: Option<Decimal>,
    scale: Option<Scale>,
    unit: Option<&'a str>,
    per: Option<&'a str>,
    high: Option<Decimal>,
    date: Option<PartialDate>,
    until: Option<PartialDate>,
    baseline: Option<Baseline>,
}

impl<'a> Parts<'a> {
    fn of(t: &'a Target) -> Parts<'a> {
        match t.value() {
            Value::Compare { value: q, .. } => Parts {
                amount: Some(q.amount()),
                scale: q.scale(),
                unit: q.unit(),
                per: q.per(),
                ..Parts::default()
            },
            Value::Range { low, high } => Parts {
                amount: Some(low.amount()),
                scale: low.scale(),
                // `3-5年`: the unit is written once, after the upper end.
                unit: low.unit().or(high.unit()),
                per: low.per().or(high.per()),
                // The upper end in the lower end's scale (`500万-1亿元`: 500 to 10000 万),
                // where both ends are in one unit.
                high: (low.unit().is_none() || low.same_unit(high))
                    .then(|| high.to_scale(low.scale()).ok())
                    .flatten()
                    .map(|h| h.amount()),
                ..Parts::default()
            },
            Value::Date { date, until, .. } => Parts {
                date: Some(*date),
                until: *until,
                ..Parts::default()
            },
            Value::Relative {
                baseline, value, ..
            } => Parts {
                amount: value.as_ref().map(|q| q.amount()),
                scale: value.as_ref().and_then(|q| q.scale()),
                unit: value.as_ref().and_then(|q| q.unit()),
                per: value.as_ref().and_then(|q| q.per()),
                baseline: Some(*baseline),
                ..Parts::default()
            },
            Value::Rank { rank, .. } => Parts {
                amount: Some(Decimal::from(*rank)),
                unit: Some("名"),
                ..Parts::default()
            },
            _ => Parts::default(),
        }
    }
}

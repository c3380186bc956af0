//! What the `table` example prints stays byte-identical: its summary, `--json`, `--jsonl` and
//! `--csv` output of the bundled table and of perturbed copies of it (CRLF line ends, page
//! numbers, rewrapped lines, two tables run together), and its `--json` of all of them at once.
//! The test runs the example binary that `cargo test` builds beside it, in a folder holding the
//! inputs, and compares what it prints with the golden files in `tests/data/golden/`.
//!
//! Every target value of the tests reads the same too: `values.tsv` holds each value of the
//! fixtures, each string of the tests and thousands of generated ones, with what the grammar
//! reads in each (its `Debug`, its canonical form and the strict error).
//!
//! The golden files are written, from the code of the checkout the test runs in, by
//! `JIXIAO_UPDATE_GOLDEN=1 cargo test --test golden`: run it only where the outputs are known
//! to be right (on the main branch, before a change that must not change them). To write them
//! elsewhere, set `JIXIAO_GOLDEN_DIR` to a folder. `scripts/golden.sh` does this for a branch:
//! it prints the golden files with that branch's code, in a worktree of its own.
#![cfg(feature = "serde")]

mod common;

use jixiao::Target;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

const TABLE: &str = include_str!("data/guangzhou_commerce_2024.txt");

/// Where the golden files are read from, and written to when updating.
fn golden_dir() -> PathBuf {
    match std::env::var_os("JIXIAO_GOLDEN_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/golden"),
    }
}

/// Whether this run writes the golden files rather than checks them.
fn updating() -> bool {
    std::env::var_os("JIXIAO_UPDATE_GOLDEN").is_some_and(|v| v == "1")
}

/// Checks `got` against the golden file `name`, or writes it there when updating; a
/// difference is pushed to `failures`, naming its first line.
fn compare(name: &str, got: &str, failures: &mut Vec<String>) {
    let path = golden_dir().join(name);
    if updating() {
        std::fs::create_dir_all(golden_dir()).expect("the golden folder can be made");
        std::fs::write(&path, got).expect("the golden file is written");
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    if got != want {
        let line = got
            .lines()
            .zip(want.lines())
            .position(|(g, w)| g != w)
            .unwrap_or_else(|| got.lines().count().min(want.lines().count()));
        failures.push(format!(
            "{}: differs from line {}:\n  got  {:?}\n  want {:?}",
            path.display(),
            line + 1,
            got.lines()
                .nth(line)
                .map(|l| l.chars().take(160).collect::<String>()),
            want.lines()
                .nth(line)
                .map(|l| l.chars().take(160).collect::<String>())
        ));
    }
}

/// The lines of the table that carry body text (goals and indicator records), which may wrap
/// anywhere: not the preamble, not a row (indented, or ending with an amount).
fn is_body_line(n: usize, line: &str) -> bool {
    let t = line.trim();
    n >= 15
        && !t.is_empty()
        && !line.starts_with(' ')
        && !t.ends_with(|c: char| c.is_ascii_digit())
        && t.chars().count() > 2
}

/// Every body line cut in two at its middle, away from spaces, as a narrower page would wrap it.
fn rewrapped(text: &str) -> String {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let chars = line.chars().count();
        let split = line
            .char_indices()
            .nth(chars / 2)
            .map_or(line.len(), |(i, _)| i);
        let (head, tail) = line.split_at(split);
        let at_space = head.ends_with(char::is_whitespace) || tail.starts_with(char::is_whitespace);
        if is_body_line(n, line) && !at_space && !head.is_empty() && !tail.is_empty() {
            out.push(head.to_owned());
            out.push(tail.to_owned());
        } else {
            out.push(line.to_owned());
        }
    }
    out.join("\n") + "\n"
}

/// A page break every 50 lines past the header: a form feed, a page number in either of its
/// spellings, and blank lines.
fn paged(text: &str) -> String {
    let mut out = Vec::new();
    let mut page = 1;
    for (n, line) in text.lines().enumerate() {
        if n > 16 && n % 50 == 0 {
            page += 1;
            out.push(String::new());
            out.push(if page % 2 == 0 {
                format!("- {page} -")
            } else {
                format!("第 {page} 页")
            });
            out.push("\u{c}".to_owned());
        }
        out.push(line.to_owned());
    }
    out.join("\n") + "\n"
}

fn crlf(text: &str) -> String {
    text.replace('\n', "\r\n")
}

/// The inputs: the bundled table and its perturbed copies, each with the name it is shown as.
fn inputs() -> Vec<(&'static str, String)> {
    vec![
        ("bundled", TABLE.to_owned()),
        ("crlf", crlf(TABLE)),
        ("pages", paged(TABLE)),
        ("rewrapped", rewrapped(TABLE)),
        ("concatenated", format!("{TABLE}\n{TABLE}")),
        ("all", crlf(&paged(&rewrapped(TABLE)))),
    ]
}

/// The binary of the `table` example, built by `cargo test` in the profile of this test.
fn table_example() -> PathBuf {
    let exe = std::env::current_exe().expect("the test's path");
    let profile = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target/<profile>/deps");
    let path = profile.join("examples").join("table");
    assert!(
        path.exists(),
        "{} is not built: run `cargo test`, which builds the examples, or `cargo build --example table`",
        path.display()
    );
    path
}

/// What the example prints with these arguments, run in `dir`.
fn table(dir: &Path, args: &[&str]) -> String {
    let out = Command::new(table_example())
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the example runs");
    assert!(out.status.success(), "table {args:?}: {out:?}");
    String::from_utf8(out.stdout).expect("the example prints UTF-8")
}

#[test]
fn outputs_stay_byte_identical() {
    let dir = std::env::temp_dir().join(format!("jixiao-golden-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a folder");
    let inputs = inputs();
    for (name, text) in &inputs {
        std::fs::write(dir.join(format!("{name}.txt")), text).expect("the input is written");
    }
    let mut failures = Vec::new();
    for (name, _) in &inputs {
        let file = format!("{name}.txt");
        for (extension, flag) in [
            ("summary.txt", None),
            ("json", Some("--json")),
            ("jsonl", Some("--jsonl")),
            ("csv", Some("--csv")),
        ] {
            let args: Vec<&str> = flag.into_iter().chain([file.as_str()]).collect();
            compare(
                &format!("{name}.{extension}"),
                &table(&dir, &args),
                &mut failures,
            );
        }
    }
    let files: Vec<String> = inputs.iter().map(|(n, _)| format!("{n}.txt")).collect();
    let mut args = vec!["--json"];
    args.extend(files.iter().map(String::as_str));
    compare("together.json", &table(&dir, &args), &mut failures);
    std::fs::remove_dir_all(&dir).expect("removed");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_perturbed_copies_perturb() {
    let inputs = inputs();
    for (name, text) in &inputs[1..] {
        assert_ne!(text, TABLE, "{name}");
    }
    let lines = |t: &str| t.lines().count();
    assert!(lines(&rewrapped(TABLE)) > lines(TABLE) + 300);
    assert!(paged(TABLE).contains("- 4 -") && paged(TABLE).contains("第 5 页"));
}

/// What the grammar reads in a value, leniently and strictly, and its canonical form.
fn reading(text: &str) -> String {
    let lenient = Target::lenient(text);
    let strict = match text.parse::<Target>() {
        Ok(t) if t == lenient && t.raw() == lenient.raw() => "ok".to_owned(),
        Ok(t) => format!("strict differs: {t:?}"),
        Err(e) => format!("{e} ({:?})", e.kind()),
    };
    format!("{lenient:?}\t{lenient}\t{strict}")
}

#[test]
fn values_stay_identical() {
    if updating() {
        let mut out = String::new();
        for v in &values() {
            let input = serde_json::to_string(v).expect("a string");
            let _ = writeln!(out, "{input}\t{}", reading(v));
        }
        compare("values.tsv", &out, &mut Vec::new());
        return;
    }
    let golden =
        std::fs::read_to_string(golden_dir().join("values.tsv")).expect("values.tsv is there");
    let mut failures = Vec::new();
    let mut count = 0;
    for line in golden.lines() {
        let (input, want) = line.split_once('\t').expect("a value, a tab, its reading");
        let input: String = serde_json::from_str(input).expect("the value is a JSON string");
        let got = reading(&input);
        if got != want {
            failures.push(format!("{input:?}\n  got  {got}\n  want {want}"));
        }
        count += 1;
    }
    assert!(count > 5000, "{count} values");
    assert!(
        failures.is_empty(),
        "{} of {count} values read differently:\n{}",
        failures.len(),
        failures[..failures.len().min(20)].join("\n")
    );
}

/// The string literals of a Rust source, roughly: every value its tests try.
fn literals(source: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = source;
    while let Some(open) = rest.find('"') {
        let after = &rest[open + 1..];
        let mut end = None;
        let mut escaped = false;
        for (i, c) in after.char_indices() {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => {
                    end = Some(i);
                    break;
                }
                _ => escaped = false,
            }
        }
        let Some(end) = end else { break };
        let literal = &after[..end];
        if !literal.contains('\\') && !literal.contains('\n') && literal.chars().count() <= 80 {
            out.push(literal.to_owned());
        }
        rest = &after[end + 1..];
    }
    out
}

/// Text made of the pieces values are made of, from a fixed seed.
fn generated(count: usize) -> Vec<String> {
    const PIECES: &[&str] = &[
        "≥",
        "≧",
        "＞",
        "<",
        "=",
        "＝",
        ">=",
        "%",
        "％",
        "不低于",
        "不少于",
        "达到",
        "超过",
        "以上",
        "以内",
        "以下",
        "控制在",
        "每年",
        "每月",
        "万",
        "亿",
        "千",
        "十",
        "百分比",
        "家",
        "人次",
        "个",
        "场",
        "元",
        "小时",
        "/",
        "年",
        "月",
        "日",
        "底",
        "前",
        "内",
        "截至",
        "上年度",
        "上年",
        "预算",
        "预算数",
        "较",
        "同比",
        "增长",
        "下降",
        "居",
        "全市",
        "前",
        "第",
        "名",
        "（",
        "）",
        "(",
        ")",
        "，",
        "、",
        "；",
        " ",
        "\u{3000}",
        "-",
        "～",
        "至",
        ".",
        ",",
        "±",
        "一",
        "两",
        "次",
        "2024",
        "2025年",
        "12月",
        "０",
        "9",
        "7.6",
        "100",
        "1,000",
        "95.5",
        "3",
        "“",
        "”",
        "满意度",
        "广州海关",
        "长期",
        "及时",
        "XX",
        "完成",
        "。",
        "年底前",
        "以上",
        "左右",
        "：",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..count)
        .map(|_| {
            let n = 1 + next() % 8;
            (0..n)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect()
        })
        .collect()
}

/// The values `values.tsv` holds: those of the seed, of every fixture table, every string
/// literal of the tests and thousands of generated ones, each once.
fn values() -> Vec<String> {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut values: Vec<String> = Vec::new();
    for line in include_str!("data/seed_targets.jsonl").lines() {
        if let Ok(case) = serde_json::from_str::<serde_json::Value>(line) {
            values.extend(case["raw"].as_str().map(str::to_owned));
        }
    }
    for (_, doc) in common::fixture_tables() {
        for i in doc.indicators() {
            for t in i.targets().chain(&i.actual) {
                values.push(t.raw().to_owned());
            }
        }
    }
    for dir in ["tests", "src/value/grammar"] {
        let mut paths: Vec<_> = std::fs::read_dir(format!("{root}/{dir}"))
            .expect("the tests")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "rs"))
            .collect();
        paths.sort();
        for path in paths {
            values.extend(literals(&std::fs::read_to_string(&path).expect("readable")));
        }
    }
    values.extend(generated(6000));
    let mut seen = std::collections::HashSet::new();
    values.retain(|v| seen.insert(v.clone()));
    values
}

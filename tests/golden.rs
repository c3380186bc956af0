//! What the `table` example prints stays byte-identical: its summary, its `--json` and its
//! `--csv` output of the bundled table and of perturbed copies of it (CRLF line ends, page
//! numbers, rewrapped lines, two tables run together).
//!
//! The golden files in `tests/data/golden/` were printed by the example itself, before the
//! parser was made faster. The test renders the same output from the same library calls the
//! example makes (its `summary`, `json` and `csv`, reproduced below), so that it pins what the
//! library gives the example, whatever the example becomes.
//!
//! Every target value of the tests reads the same too: `values.tsv` holds each value of the
//! fixtures, each string of the tests and thousands of generated ones, with what the grammar
//! read in each, before it was made faster.
//!
//! To print the perturbed inputs, for the example to be run on them:
//! `JIXIAO_GOLDEN_INPUTS=/tmp/golden cargo test --test golden -- --ignored write_inputs`.
#![cfg(feature = "serde")]

use jixiao::{Category, Document, Funding, Project, Target, Value};
use std::fmt::Write as _;

const GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/golden");

const TABLE: &str = include_str!("data/guangzhou_commerce_2024.txt");

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

#[test]
fn outputs_stay_byte_identical() {
    let mut failures = Vec::new();
    for (name, text) in inputs() {
        let doc = Document::from_bytes(text.as_bytes()).expect("each input is a table");
        let file = format!("{name}.txt");
        let outputs = [
            ("summary.txt", summary(&file, &doc)),
            ("json", json(&doc)),
            ("csv", csv(&[(&file, doc)])),
        ];
        for (extension, got) in outputs {
            let path = format!("{GOLDEN}/{name}.{extension}");
            let want = std::fs::read_to_string(&path).expect("the golden file is there");
            if got != want {
                let line = got
                    .lines()
                    .zip(want.lines())
                    .position(|(g, w)| g != w)
                    .unwrap_or_else(|| got.lines().count().min(want.lines().count()));
                failures.push(format!(
                    "{path}: differs from line {}:\n  got  {:?}\n  want {:?}",
                    line + 1,
                    got.lines().nth(line),
                    want.lines().nth(line)
                ));
            }
        }
    }
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

/// Writes the inputs to the folder `JIXIAO_GOLDEN_INPUTS` names, for the example to print the
/// golden files from: `table NAME.txt > NAME.summary.txt`, `--json`, `--csv`, run in that folder.
#[test]
#[ignore]
fn write_inputs() {
    let dir = std::env::var("JIXIAO_GOLDEN_INPUTS").expect("JIXIAO_GOLDEN_INPUTS names a folder");
    std::fs::create_dir_all(&dir).expect("the folder can be made");
    for (name, text) in inputs() {
        std::fs::write(format!("{dir}/{name}.txt"), text).expect("the input is written");
    }
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
    let golden = std::fs::read_to_string(format!("{GOLDEN}/values.tsv")).expect("values.tsv");
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

/// Writes `values.tsv` afresh: run only where the readings are known to be right.
#[test]
#[ignore]
fn write_values() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut values: Vec<String> = Vec::new();
    for line in include_str!("data/seed_targets.jsonl").lines() {
        if let Ok(case) = serde_json::from_str::<serde_json::Value>(line) {
            values.extend(case["raw"].as_str().map(str::to_owned));
        }
    }
    for dir in ["tests/data", "tests/data/grids"] {
        let mut paths: Vec<_> = std::fs::read_dir(format!("{root}/{dir}"))
            .expect("the fixtures")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        for path in paths {
            let Ok(doc) = Document::from_bytes(&std::fs::read(&path).expect("readable")) else {
                continue;
            };
            for i in doc.indicators() {
                for t in i.targets().chain(&i.actual) {
                    values.push(t.raw().to_owned());
                }
            }
        }
    }
    for dir in ["tests", "src/target/grammar"] {
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
    let mut out = String::new();
    for v in &values {
        let input = serde_json::to_string(v).expect("a string");
        let _ = writeln!(out, "{input}\t{}", reading(v));
    }
    std::fs::write(format!("{GOLDEN}/values.tsv"), out).expect("written");
}

// What follows is the `table` example's output, from the same library calls.

fn json<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_string_pretty(value) {
        Ok(text) => text + "\n",
        Err(e) => format!("{{\"error\": {:?}}}\n", e.to_string()),
    }
}

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

fn summary(file: &str, doc: &Document) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "== {file}");
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

fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

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

fn csv(documents: &[(&str, Document)]) -> String {
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
                        (*file).to_owned(),
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

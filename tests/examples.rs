//! The examples as command-line tools: on hostile input (issue 11: `table` on an empty
//! folder, `target` on an endless line, invalid UTF-8 and blank lines), and as scripts use
//! them (issue 9: unknown options, `-` for stdin, `lint` on several files and its exit
//! status, `assess` refusing extra files, the shape of `table --json`, the spreadsheet CSV;
//! issue 10: files read in parallel and printed in order). They run the example binaries
//! that `cargo test` builds beside the tests; the examples need `serde`.

#![cfg(feature = "serde")]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The binary of an example, built by `cargo test` in the profile of this test.
fn example(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("the test's path");
    let profile = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target/<profile>/deps");
    let path = profile.join("examples").join(name);
    assert!(
        path.exists(),
        "{} is not built: run `cargo test`, which builds the examples",
        path.display()
    );
    path
}

/// Runs an example with `input` on stdin (written from a thread: the example may stop
/// reading before the end).
fn run(name: &str, args: &[&str], input: Vec<u8>) -> Output {
    let mut child = Command::new(example(name))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the example starts");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        // A closed pipe is the example having read enough.
        let _ = stdin.write_all(&input);
    });
    let output = child.wait_with_output().expect("the example ends");
    writer.join().expect("the writer ends");
    output
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn table_on_an_empty_folder_fails_and_says_so() {
    let dir = std::env::temp_dir().join(format!("jixiao-empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a folder");
    let out = run("table", &[dir.to_str().expect("a path")], Vec::new());
    std::fs::remove_dir(&dir).expect("removed");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_eq!(
        text(&out.stderr),
        format!("table: no .txt file in {}\n", dir.display())
    );
}

#[test]
fn target_stops_at_an_endless_line_instead_of_aborting() {
    let out = run("target", &[], vec![0u8; 3 << 20]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_eq!(
        text(&out.stderr),
        "target: stdin line 1 is longer than 1048576 bytes, and no value is: stopped\n"
    );
}

#[test]
fn target_names_the_line_that_is_not_utf8_and_skips_blank_lines() {
    let out = run(
        "target",
        &["--pretty"],
        b"\xe2\x89\xa590%\n\n   \n\xff\xfe\n\r\n3.5\xe5\xb0\x8f\xe6\x97\xb6\r\n".to_vec(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "target: stdin line 4 is not UTF-8 (an invalid byte at byte 1): skipped\n"
    );
    let lines: Vec<String> = text(&out.stdout).lines().map(str::to_owned).collect();
    assert_eq!(
        lines,
        [
            "≥90%  →  ≥90%  [compare]  op ge, value 90%, amount 90, unit %",
            "3.5小时  →  3.5小时  [compare]  value 3.5小时, amount 3.5, unit 小时",
        ]
    );
}

/// Refuses an unknown option: exit status 2, the usage on stderr, nothing on stdout.
fn refuses_unknown_options(name: &str) {
    let out = run(name, &["--bogus"], Vec::new());
    assert_eq!(out.status.code(), Some(2), "{name}");
    assert!(out.stdout.is_empty(), "{name}");
    let err = text(&out.stderr);
    assert!(
        err.starts_with(&format!("{name}: unknown option --bogus")) && err.contains("usage:"),
        "{name}: {err}"
    );
}

fn json(bytes: &[u8]) -> serde_json::Value {
    serde_json::from_slice(bytes).expect("the output is JSON")
}

/// The `raw` of each JSON line `target` prints.
fn raws(out: &Output) -> Vec<String> {
    text(&out.stdout)
        .lines()
        .map(|l| json(l.as_bytes())["raw"].as_str().expect("raw").to_owned())
        .collect()
}

#[test]
fn target_refuses_unknown_options_but_takes_values_after_two_dashes() {
    refuses_unknown_options("target");
    // `--` ends the options, and a value may then start with a dash; `-5%` is a value.
    let out = run("target", &["-5%", "--", "--bogus"], Vec::new());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(raws(&out), ["-5%", "--bogus"]);
}

#[test]
fn target_reads_stdin_where_a_dash_is() {
    let out = run("target", &["≥1人", "-", "≥3人"], "≥2人\n\n".into());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(raws(&out), ["≥1人", "≥2人", "≥3人"]);
}

const BUNDLED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/guangzhou_commerce_2024.txt"
);
const ACTUALS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/guangzhou_commerce_2024_actuals.csv"
);
const SELFEVAL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/selfeval_anhui_xiaoxian_2023.txt"
);
fn read(path: &str) -> Vec<u8> {
    std::fs::read(path).expect("the file is there")
}

/// Refuses `-` twice: stdin can be read once.
fn reads_stdin_once(name: &str) {
    let out = run(name, &["-", "-"], Vec::new());
    assert_eq!(out.status.code(), Some(2), "{name}");
    assert!(
        text(&out.stderr).contains("stdin (-) can be read once"),
        "{name}"
    );
}

#[test]
fn assess_refuses_unknown_options() {
    refuses_unknown_options("assess");
    reads_stdin_once("assess");
}

#[test]
fn assess_reads_stdin_where_a_dash_is() {
    // On stdin, actual values are told from a table by their header.
    let out = run("assess", &[BUNDLED, "-"], read(ACTUALS));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(out.stdout, run("assess", &[ACTUALS], Vec::new()).stdout);
    let out = run("assess", &["-"], read(SELFEVAL));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(out.stdout, run("assess", &[SELFEVAL], Vec::new()).stdout);
}

#[test]
fn assess_refuses_extra_files() {
    for args in [
        &[BUNDLED, SELFEVAL][..],
        &[ACTUALS, ACTUALS],
        &[BUNDLED, ACTUALS, ACTUALS],
        &[],
    ] {
        let out = run("assess", args, Vec::new());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(text(&out.stderr).contains("usage: assess"), "{args:?}");
    }
}

/// A small grid with an indicator of each tier, each a number: no finding at all. The tests
/// change a line of it to make one finding of each severity.
const CLEAN: &str = "一级指标 | 二级指标 | 三级指标 | 指标值
产出指标 | 数量指标 | 培训场次 | ≥10场
效益指标 | 社会效益指标 | 受益人数 | ≥100人
满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90%
";

/// A folder of the test's own, empty.
fn folder(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("jixiao-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a folder");
    dir
}

/// Writes a file and gives its path as an argument.
fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) -> String {
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("the file is written");
    path.to_str().expect("a UTF-8 path").to_owned()
}

#[test]
fn lint_refuses_unknown_options() {
    refuses_unknown_options("lint");
    reads_stdin_once("lint");
}

#[test]
fn lint_reads_stdin_where_a_dash_is() {
    let out = run("lint", &["--fail-on", "never", "-"], read(BUNDLED));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let from_file = run("lint", &["--fail-on", "never", BUNDLED], Vec::new());
    assert!(out.stdout.len() > 1000);
    assert_eq!(out.stdout, from_file.stdout);
}

#[test]
fn lint_reads_every_path_and_fails_at_the_threshold() {
    let dir = folder("lint");
    let clean = write(&dir, "clean.txt", CLEAN);
    let info = write(&dir, "info.txt", CLEAN.replace("≥10场", "≧10场"));
    let satisfaction = |l: &&str| !l.starts_with("满意度指标");
    let no_satisfaction: String = CLEAN
        .lines()
        .filter(satisfaction)
        .map(|l| l.to_owned() + "\n")
        .collect();
    let warning = write(&dir, "warning.txt", no_satisfaction);
    let error = write(&dir, "error.txt", CLEAN.replace("≥90%", "≥120%"));
    let status = |args: &[&str]| run("lint", args, Vec::new()).status.code();

    // The error of the first file fails the run, though the last is clean.
    assert_eq!(status(&[&error, &clean]), Some(1));
    assert_eq!(status(&[&clean, &error]), Some(1));
    assert_eq!(status(&[&clean, &warning, &info]), Some(0));
    assert_eq!(status(&["--fail-on", "warning", &warning, &clean]), Some(1));
    assert_eq!(status(&["--fail-on=warning", &info, &clean]), Some(0));
    assert_eq!(status(&["--fail-on", "info", &info]), Some(1));
    assert_eq!(
        status(&["--fail-on", "never", &error, &warning, &info]),
        Some(0)
    );
    assert_eq!(status(&["--fail-on", "fatal", &clean]), Some(2));

    let out = run("lint", &[&error, &clean], Vec::new());
    assert_eq!(
        text(&out.stderr),
        "lint: 1 finding of severity error or above (--fail-on error)\n"
    );
    let headings: Vec<String> = text(&out.stdout)
        .lines()
        .filter(|l| l.starts_with("== "))
        .map(str::to_owned)
        .collect();
    assert_eq!(headings, [format!("== {error}"), format!("== {clean}")]);

    // The JSON: an entry per file, in order, and one for the file that is no table.
    let missing = dir.join("missing.txt").display().to_string();
    let out = run("lint", &["--json", &error, &missing, &clean], Vec::new());
    assert_eq!(out.status.code(), Some(1));
    let entries = json(&out.stdout);
    let files: Vec<&str> = entries
        .as_array()
        .expect("an array")
        .iter()
        .map(|e| e["file"].as_str().expect("file"))
        .collect();
    assert_eq!(files, [&error, &missing, &clean]);
    let finding = &entries[0]["report"]["findings"][0];
    assert_eq!(finding["severity"], "error");
    assert!(
        finding["message"]
            .as_str()
            .expect("a message")
            .contains("above 100%")
    );
    assert_eq!(entries[1]["error"]["kind"], "unreadable");
    let message = entries[1]["error"]["message"].as_str().expect("a message");
    assert!(message.starts_with("cannot read"), "{message}");
    assert!(entries[1].get("report").is_none());
    assert_eq!(entries[2]["report"]["findings"], serde_json::json!([]));
    std::fs::remove_dir_all(&dir).expect("removed");
}

/// A file that holds no table.
const NOT_A_TABLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml");

#[test]
fn table_refuses_unknown_options() {
    refuses_unknown_options("table");
    reads_stdin_once("table");
}

#[test]
fn table_reads_stdin_where_a_dash_is() {
    let out = run("table", &["-"], read(BUNDLED));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let from_file = run("table", &[BUNDLED], Vec::new());
    assert_eq!(
        text(&out.stdout),
        text(&from_file.stdout).replacen("== tests/data/guangzhou_commerce_2024.txt", "== -", 1)
    );
}

#[test]
fn table_json_is_an_array_with_an_entry_per_file_in_its_place() {
    let out = run(
        "table",
        &["--json", BUNDLED, NOT_A_TABLE, SELFEVAL],
        Vec::new(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).starts_with("Cargo.toml: no performance table"));
    // Laid out as serde_json pretty-prints an array.
    let printed = text(&out.stdout);
    assert!(printed.starts_with("[\n  {\n    \"file\": \"tests/data/guangzhou_commerce_2024.txt\",\n    \"document\": {\n      \"format\": 1,\n      \"title\": "));
    assert!(printed.contains(
        "\n  },\n  {\n    \"file\": \"Cargo.toml\",\n    \"error\": {\n      \"kind\": "
    ));
    assert!(printed.ends_with("\n    }\n  }\n]\n"));
    let entries = json(&out.stdout);
    let files: Vec<&str> = entries
        .as_array()
        .expect("an array")
        .iter()
        .map(|e| e["file"].as_str().expect("file"))
        .collect();
    assert_eq!(
        files,
        [
            "tests/data/guangzhou_commerce_2024.txt",
            "Cargo.toml",
            "tests/data/selfeval_anhui_xiaoxian_2023.txt"
        ]
    );
    assert_eq!(entries[0]["document"]["department"], "广州市商务局");
    assert_eq!(entries[1]["error"]["kind"], "not_a_table");
    assert!(entries[1].get("document").is_none());
    assert_eq!(entries[2]["document"]["kind"], "self_evaluation");

    // One file gives the same shape: an array of one entry.
    let one = json(&run("table", &["--json"], Vec::new()).stdout);
    assert_eq!(one.as_array().map(Vec::len), Some(1));
    assert_eq!(one[0], entries[0]);

    // JSON Lines: the same entries, one per line.
    let out = run(
        "table",
        &["--jsonl", BUNDLED, NOT_A_TABLE, SELFEVAL],
        Vec::new(),
    );
    let lines: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| json(l.as_bytes()))
        .collect();
    assert_eq!(serde_json::Value::Array(lines), entries);
}

/// A grid whose cells a spreadsheet would run as formulas, and values of every kind with
/// parts: a range, a date, a change against the previous year, a relative value.
const FORMULAS: &str = "一级指标 | 二级指标 | 三级指标 | 指标值
产出指标 | 数量指标 | =HYPERLINK(\"http://x\",\"y\") | +5%
产出指标 | 质量指标 | @SUM(A1) | -
产出指标 | 时效指标 | 完成时间 | 2024年12月前
效益指标 | 社会效益指标 | 收入 | 较上年下降5%
效益指标 | 社会效益指标 | 年限 | 3-5年
满意度指标 | 服务对象满意度指标 | 满意度 | 不低于上年度
";

/// The CSV's rows by column name, every row of the header's width.
fn csv_rows(bytes: &[u8]) -> Vec<std::collections::HashMap<String, String>> {
    let mut reader = csv::Reader::from_reader(bytes);
    let header = reader.headers().expect("a header").clone();
    reader
        .records()
        .map(|r| {
            let r = r.expect("a row of the header's width");
            header
                .iter()
                .map(str::to_owned)
                .zip(r.iter().map(str::to_owned))
                .collect()
        })
        .collect()
}

#[test]
fn table_csv_for_spreadsheets_has_a_bom_and_no_formulas() {
    let dir = folder("excel");
    let table = write(&dir, "formulas.txt", FORMULAS);

    let out = run("table", &["--excel", &table], Vec::new());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let body = out
        .stdout
        .strip_prefix("\u{feff}".as_bytes())
        .expect("a BOM");
    let rows = csv_rows(body);
    let names: Vec<&str> = rows.iter().map(|r| r["name"].as_str()).collect();
    assert_eq!(names[..2], ["'=HYPERLINK(\"http://x\",\"y\")", "'@SUM(A1)"]);
    let raws: Vec<&str> = rows.iter().map(|r| r["annual_raw"].as_str()).collect();
    assert_eq!(raws[..2], ["'+5%", "'-"]);
    // A number stays a number.
    assert_eq!(rows[3]["annual_amount"], "-5");

    // Plain CSV is the text as it is, with no BOM.
    let out = run("table", &["--csv", &table], Vec::new());
    assert!(out.stdout.starts_with(b"file,unit,"));
    let rows = csv_rows(&out.stdout);
    assert_eq!(rows[0]["name"], "=HYPERLINK(\"http://x\",\"y\")");
    assert_eq!(rows[1]["annual_raw"], "-");
    std::fs::remove_dir_all(&dir).expect("removed");
}

#[test]
fn table_csv_fills_the_parts_of_ranges_dates_and_relative_values() {
    let dir = folder("parts");
    let table = write(&dir, "parts.txt", FORMULAS);
    let out = run("table", &["--csv", &table], Vec::new());
    let rows = csv_rows(&out.stdout);
    let columns = [
        "annual_kind",
        "annual_op",
        "annual_amount",
        "annual_unit",
        "annual_high",
        "annual_date",
        "annual_until",
        "annual_baseline",
        "project_position",
    ];
    let got: Vec<Vec<&str>> = rows[2..]
        .iter()
        .map(|r| columns.iter().map(|c| r[*c].as_str()).collect())
        .collect();
    assert_eq!(
        got,
        [
            ["date", "le", "", "", "", "2024-12", "", "", "1"],
            ["relative", "", "-5", "%", "", "", "", "previous_year", "1"],
            ["range", "", "3", "年", "5", "", "", "", "1"],
            ["relative", "ge", "", "", "", "", "", "previous_year", "1"],
        ]
    );
    std::fs::remove_dir_all(&dir).expect("removed");

    // The bundled table: projects by position, 68 of them, each named (names repeat).
    let rows = csv_rows(&run("table", &["--csv"], Vec::new()).stdout);
    let last = rows.last().expect("rows");
    assert_eq!(last["project_position"], "68");
    let first_of_each: std::collections::BTreeSet<&str> = rows
        .iter()
        .map(|r| r["project_position"].as_str())
        .collect();
    assert_eq!(first_of_each.len(), 68);
}

#[test]
fn table_prints_files_in_the_order_given_whatever_order_they_are_read_in() {
    let dir = folder("order");
    let table = std::fs::read_to_string(BUNDLED).expect("the bundled table");
    // A large table first: the small ones after it are read sooner.
    let mut files = vec![write(&dir, "large.txt", [table.as_str(); 8].join("\n"))];
    for n in (0..12).rev() {
        files.push(write(&dir, &format!("small{n}.txt"), &table));
    }
    let not_a_table = write(&dir, "empty.txt", "");
    files.insert(5, not_a_table.clone());
    let args = |format: &'static str| -> Vec<&str> {
        ["--jobs", "4", format]
            .into_iter()
            .chain(files.iter().map(String::as_str))
            .collect()
    };

    let out = run("table", &args("--jsonl"), Vec::new());
    let named: Vec<String> = text(&out.stdout)
        .lines()
        .map(|l| {
            json(l.as_bytes())["file"]
                .as_str()
                .expect("file")
                .to_owned()
        })
        .collect();
    assert_eq!(named, files);

    let out = run("table", &args("--csv"), Vec::new());
    let mut named: Vec<String> = csv_rows(&out.stdout)
        .into_iter()
        .map(|r| r["file"].clone())
        .collect();
    named.dedup();
    let tables: Vec<&String> = files.iter().filter(|f| **f != not_a_table).collect();
    assert_eq!(named.iter().collect::<Vec<_>>(), tables);

    let out = run("table", &args("--json"), Vec::new());
    let summary = run(
        "table",
        &files.iter().map(String::as_str).collect::<Vec<_>>(),
        Vec::new(),
    );
    let headings: Vec<String> = text(&summary.stdout)
        .lines()
        .filter_map(|l| l.strip_prefix("== ").map(str::to_owned))
        .collect();
    assert_eq!(headings.iter().collect::<Vec<_>>(), tables);
    assert_eq!(
        json(&out.stdout).as_array().map(Vec::len),
        Some(files.len())
    );
    assert_eq!(
        text(&out.stderr),
        format!("{not_a_table}: empty text: no table\n")
    );
    std::fs::remove_dir_all(&dir).expect("removed");
}

/// Whether a text holds Chinese characters beyond those of the table's own text: the words
/// of the output itself.
fn has_any(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.contains(w))
}

/// `--lang` takes zh or en (also as `--lang=zh`); any other word is a usage error.
#[test]
fn every_example_takes_lang_and_refuses_an_unknown_one() {
    for name in ["target", "table", "lint", "assess"] {
        for args in [&["--lang", "xx"][..], &["--lang=fr"], &["--lang"]] {
            let out = run(name, args, Vec::new());
            assert_eq!(out.status.code(), Some(2), "{name} {args:?}");
            assert!(out.stdout.is_empty(), "{name} {args:?}");
            let err = text(&out.stderr);
            assert!(
                err.contains("--lang") && err.contains("usage:"),
                "{name}: {err}"
            );
        }
        let help = text(&run(name, &["--help"], Vec::new()).stdout);
        assert!(help.contains("--lang"), "{name}: {help}");
    }
}

#[test]
fn lint_speaks_chinese_with_lang_zh_and_english_by_default() {
    let zh = run(
        "lint",
        &["--fail-on", "never", "--lang", "zh", BUNDLED],
        Vec::new(),
    );
    assert_eq!(zh.status.code(), Some(0), "{}", text(&zh.stderr));
    let zh = text(&zh.stdout);
    assert!(
        zh.contains("第890行：错误[unit-contradiction] 第48个项目「促进利用外资专题」"),
        "{zh}"
    );
    assert!(
        has_any(&zh, &["全表量化率：", "指标名称标明的单位"]),
        "{zh}"
    );
    let en = text(&run("lint", &["--fail-on", "never", BUNDLED], Vec::new()).stdout);
    assert!(
        en.contains("890: error[unit-contradiction] project 48 «促进利用外资专题»"),
        "{en}"
    );
    assert!(!has_any(&en, &["全表量化率", "指标名称标明的单位"]), "{en}");
    // The exit message at the threshold too, and the same whatever the form of the flag.
    let gate = run("lint", &["--lang=zh", BUNDLED], Vec::new());
    assert_eq!(gate.status.code(), Some(1));
    assert!(
        text(&gate.stderr).contains("条问题达到或超过「错误」级别"),
        "{}",
        text(&gate.stderr)
    );
}

#[test]
fn table_speaks_chinese_with_lang_zh() {
    let out = run("table", &["--lang", "zh", BUNDLED], Vec::new());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let zh = text(&out.stdout);
    assert!(zh.contains("诊断信息（"), "{zh}");
    assert!(
        zh.contains("提示[column-unsplit]：「合计」：109.60不是财政拨款"),
        "{zh}"
    );
    // An error too, on stderr.
    let out = run("table", &["--lang", "zh", "-"], b"Hello, world".to_vec());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("不是绩效目标表"),
        "{}",
        text(&out.stderr)
    );
    // The JSON is the same in both languages, with both messages.
    let zh = run("table", &["--json", "--lang", "zh", BUNDLED], Vec::new());
    let en = run("table", &["--json", BUNDLED], Vec::new());
    assert_eq!(zh.stdout, en.stdout);
    let doc = &json(&en.stdout)[0]["document"];
    assert!(
        doc["diagnostics"][0]["message_zh"]
            .as_str()
            .is_some_and(|m| m.contains("合计"))
    );
}

#[test]
fn assess_and_target_speak_chinese_with_lang_zh() {
    let out = run("assess", &["--lang", "zh", ACTUALS], Vec::new());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let zh = text(&out.stdout);
    assert!(zh.contains("第1个项目「服务贸易专题」"), "{zh}");
    assert!(zh.contains("实际完成值") && zh.contains("未评分"), "{zh}");
    let out = run(
        "target",
        &["--lang", "zh", "--pretty", "≥90%", "满意度≥"],
        Vec::new(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout).lines().collect::<Vec<_>>(),
        [
            "≥90%  →  ≥90%  [compare]  比较符 ge，数值 90%，数量 90，单位 %",
            "满意度≥  →  满意度≥  [text]",
            "    按文字保留：第5个字符处应为数字，实际已到末尾（第12字节）",
        ]
    );
}

//! The examples as command-line tools: on hostile input (issue 11: `table` on an empty
//! folder, `target` on an endless line, invalid UTF-8 and blank lines), and as scripts use
//! them (issue 9: unknown options, `-` for stdin, `lint` on several files and its exit
//! status, `assess` refusing extra files, the shape of `table --json`, the spreadsheet CSV;
//! issue 10: files read in parallel and printed in order). They run the example binaries
//! that `cargo test` builds beside the tests; the examples need `serde`.

#![cfg(feature = "serde")]

use std::io::Write;
use std::path::PathBuf;
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

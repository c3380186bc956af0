//! Parses target values (指标值) and prints them typed.
//!
//! ```text
//! cargo run --example target -- "≥90%" "3.5小时以内"      # one JSON object per value
//! cargo run --example target -- --pretty "截至2026年≥7.6万家"
//! printf '≥90%%\n不低于上年度\n' | cargo run --example target   # one value per line
//! cargo run --example target -- "≥90%" - < values.txt    # `-` reads stdin there
//! cargo run --example target -- -5% -- --上年度            # after `--`, values start with -
//! cargo run --example target -- --lang zh --pretty "≥90%"  # the readable line in Chinese
//! ```
//!
//! On stdin, blank lines are skipped, a line that is not UTF-8 is reported (by its number)
//! and skipped, and a line longer than 1 MiB stops the reading: no value is that long
//! (`Target::MAX_CHARS`), and an endless line (`< /dev/zero`) must not fill the memory. The
//! exit status is 1 where any line was reported, 2 for an unknown option. `--pretty` lines
//! and the reports are in English unless `--lang zh` asks for Chinese; the JSON is the same
//! in both.

use jixiao::{Lang, Target, Value};
use std::io::{self, BufRead, Read, Write};
use std::process::ExitCode;

/// The most bytes a line of stdin is read in.
const MAX_LINE_BYTES: u64 = 1 << 20;

const USAGE: &str = "usage: target [--pretty] [--lang zh|en] [--] [VALUE…]
  VALUE     a target value (指标值); - or none: one value per line on stdin
  --pretty  a readable line per value instead of JSON
  --lang    the language of --pretty and the reports: zh (中文) or en (English, the default)
  --        what follows is values, even where it starts with - (-上年度)";

fn main() -> ExitCode {
    let mut pretty = false;
    let mut lang = Lang::En;
    let mut values = Vec::new();
    let mut flags = true;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            _ if !flags => values.push(arg),
            "--" => flags = false,
            "--pretty" => pretty = true,
            flag if flag == "--lang" || flag.starts_with("--lang=") => {
                let word = match flag.strip_prefix("--lang=") {
                    Some(word) => word.to_string(),
                    None => args.next().unwrap_or_default(),
                };
                match word.parse() {
                    Ok(l) => lang = l,
                    Err(_) => {
                        eprintln!("target: --lang {word}: not zh or en\n{USAGE}");
                        return ExitCode::from(2);
                    }
                }
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            // `-5%` is a value: no option starts with a digit.
            flag if flag.starts_with('-') && flag != "-" && !starts_with_digit(&flag[1..]) => {
                eprintln!(
                    "target: unknown option {flag} (a value that starts with -: put -- before it)\n{USAGE}"
                );
                return ExitCode::from(2);
            }
            _ => values.push(arg),
        }
    }
    if values.is_empty() {
        values.push("-".to_string());
    }
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let mut clean = true;
    let result = values.iter().try_for_each(|value| {
        if value == "-" {
            clean &= read_lines(&mut io::stdin().lock(), &mut out, pretty, lang)?;
            Ok(())
        } else {
            print(&mut out, value, pretty, lang)
        }
    });
    match result.map(|()| clean) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("target: {e}");
            ExitCode::FAILURE
        }
    }
}

fn starts_with_digit(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_digit())
}

/// Prints the value of each line of `input`; returns whether every line could be read.
fn read_lines(
    input: &mut impl BufRead,
    out: &mut impl Write,
    pretty: bool,
    lang: Lang,
) -> io::Result<bool> {
    let mut clean = true;
    let mut line = Vec::new();
    for number in 1.. {
        line.clear();
        let read = input
            .by_ref()
            .take(MAX_LINE_BYTES + 1)
            .read_until(b'\n', &mut line)?;
        if read == 0 {
            break;
        }
        if line.last() != Some(&b'\n') && line.len() as u64 > MAX_LINE_BYTES {
            match lang {
                Lang::Zh => eprintln!(
                    "target：标准输入第{number}行超过{MAX_LINE_BYTES}字节，指标值不会这么长：已停止读取"
                ),
                _ => eprintln!(
                    "target: stdin line {number} is longer than {MAX_LINE_BYTES} bytes, and no value is: stopped"
                ),
            }
            return Ok(false);
        }
        match std::str::from_utf8(&line) {
            Ok(text) if text.trim().is_empty() => {}
            Ok(text) => print(out, text.trim_end_matches(['\n', '\r']), pretty, lang)?,
            Err(e) => {
                let at = e.valid_up_to() + 1;
                match lang {
                    Lang::Zh => {
                        eprintln!("target：标准输入第{number}行不是UTF-8（第{at}字节无效）：已跳过")
                    }
                    _ => eprintln!(
                        "target: stdin line {number} is not UTF-8 (an invalid byte at byte {at}): skipped"
                    ),
                }
                clean = false;
            }
        }
    }
    Ok(clean)
}

fn print(out: &mut impl Write, text: &str, pretty: bool, lang: Lang) -> io::Result<()> {
    let target = Target::lenient(text);
    if pretty && lang == Lang::Zh {
        writeln!(out, "{}", describe_zh(&target))
    } else if pretty {
        writeln!(out, "{}", describe(&target))
    } else {
        let json = serde_json::to_string(&target).map_err(io::Error::other)?;
        writeln!(out, "{json}")
    }
}

/// [`describe`] in Chinese, with why a strict parse refuses the text, where it does.
fn describe_zh(target: &Target) -> String {
    let mut line = format!(
        "{}  →  {}  [{}]",
        target.raw(),
        target,
        target.kind().as_str()
    );
    line.push_str(&fields_zh(target));
    for (n, part) in target.parts().iter().enumerate() {
        line.push_str(&format!(
            "\n    第{}项：{}  [{}]",
            n + 1,
            part,
            part.kind().as_str()
        ));
        line.push_str(&fields_zh(part));
    }
    if let Err(e) = target.raw().parse::<Target>() {
        line.push_str(&format!("\n    按文字保留：{}", e.message_in(Lang::Zh)));
    }
    line
}

fn fields_zh(target: &Target) -> String {
    let mut parts = Vec::new();
    if let Some(op) = target.op() {
        parts.push(format!("比较符 {}", op.as_str()));
    }
    match target.value() {
        Value::Compare { value, .. } => parts.push(format!("数值 {value}")),
        Value::Range { low, high } => parts.push(format!("区间 {low} 至 {high}")),
        Value::Date { date, until, .. } => {
            parts.push(format!("日期 {}", date.iso()));
            if let Some(until) = until {
                parts.push(format!("截止 {}", until.iso()));
            }
        }
        Value::Relative {
            baseline, value, ..
        } => {
            let baseline = match baseline {
                jixiao::Baseline::PreviousYear => "上年度",
                jixiao::Baseline::Budget => "预算",
                other => other.as_str(),
            };
            parts.push(format!("比较基准 {baseline}"));
            if let Some(change) = value {
                parts.push(format!("变化 {change}"));
            }
        }
        Value::Rank { rank, scope, .. } => {
            parts.push(format!("名次 {rank}"));
            if let Some(scope) = scope {
                parts.push(format!("范围 {scope}"));
            }
        }
        _ => {}
    }
    if let Some(q) = target.quantity() {
        parts.push(format!("数量 {}", q.amount()));
        if let Some(scale) = q.scale() {
            parts.push(format!("数量级 {scale}"));
        }
        if let Some(unit) = q.unit() {
            parts.push(format!("单位 {unit}"));
        }
        if let Some(per) = q.per() {
            parts.push(format!("每 {per}"));
        }
    }
    if let Some(subject) = target.subject() {
        parts.push(format!("对象 {subject}"));
    }
    if let Some(as_of) = target.as_of() {
        parts.push(format!("截至 {}", as_of.iso()));
    }
    if let Some(note) = target.note() {
        parts.push(format!("备注 {note}"));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("  {}", parts.join("，"))
    }
}

/// One readable line: the raw text, the canonical form, the kind and the parts.
fn describe(target: &Target) -> String {
    let mut line = format!(
        "{}  →  {}  [{}]",
        target.raw(),
        target,
        target.kind().as_str()
    );
    line.push_str(&fields(target));
    for (n, part) in target.parts().iter().enumerate() {
        line.push_str(&format!(
            "\n    part {}: {}  [{}]",
            n + 1,
            part,
            part.kind().as_str()
        ));
        line.push_str(&fields(part));
    }
    line
}

fn fields(target: &Target) -> String {
    let mut parts = Vec::new();
    if let Some(op) = target.op() {
        parts.push(format!("op {}", op.as_str()));
    }
    match target.value() {
        Value::Compare { value, .. } => parts.push(format!("value {value}")),
        Value::Range { low, high } => parts.push(format!("from {low} to {high}")),
        Value::Date { date, until, .. } => {
            parts.push(format!("date {}", date.iso()));
            if let Some(until) = until {
                parts.push(format!("until {}", until.iso()));
            }
        }
        Value::Relative {
            baseline, value, ..
        } => {
            parts.push(format!("baseline {}", baseline.as_str()));
            if let Some(change) = value {
                parts.push(format!("change {change}"));
            }
        }
        Value::Rank { rank, scope, .. } => {
            parts.push(format!("rank {rank}"));
            if let Some(scope) = scope {
                parts.push(format!("scope {scope}"));
            }
        }
        _ => {}
    }
    if let Some(q) = target.quantity() {
        parts.push(format!("amount {}", q.amount()));
        if let Some(scale) = q.scale() {
            parts.push(format!("scale {scale}"));
        }
        if let Some(unit) = q.unit() {
            parts.push(format!("unit {unit}"));
        }
        if let Some(per) = q.per() {
            parts.push(format!("per {per}"));
        }
    }
    if let Some(subject) = target.subject() {
        parts.push(format!("subject {subject}"));
    }
    if let Some(as_of) = target.as_of() {
        parts.push(format!("as of {}", as_of.iso()));
    }
    if let Some(note) = target.note() {
        parts.push(format!("note {note}"));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("  {}", parts.join(", "))
    }
}

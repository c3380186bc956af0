//! Hostile shapes of input, shared by the regression tests (`tests/hostile.rs`) and the
//! scaling bench (`benches/hostile.rs`): each made at any size, to show that reading it
//! grows linearly with it.
#![allow(dead_code)]

/// A table's head: title, department and unit, the column header, and the 合计 row with its
/// amounts (`10.00 10.00`).
pub fn head(amounts: &str) -> String {
    format!(
        "某局2025年项目支出绩效目标表\n部门名称：某局 单位：万元\n项目名称 总计 财政拨款 绩效目标 绩效指标\n合计 {amounts}\n"
    )
}

/// One indicator record, numbered `seq`, with its annual value.
pub fn record(seq: usize, name: &str, annual: &str) -> String {
    format!("{seq}、1-产出指标；11-数量指标；{name}；实施周期指标值:≥2场；年度指标值:{annual}。")
}

/// A project row with its goal and records, one per line.
pub fn project(name: &str, amount: &str, records: &[String]) -> String {
    let mut text = format!("    {name} {amount} {amount}\n目标。\n");
    for r in records {
        text.push_str(r);
        text.push('\n');
    }
    text
}

/// A table of one unit and one project whose single record's annual value is `value`.
pub fn table_with_value(value: &str) -> String {
    let mut text = head("10.00 10.00");
    text.push_str("某局 10.00 10.00\n");
    text.push_str(&project("甲项目", "10.00", &[record(1, "场次", value)]));
    text
}

/// A value of `n` characters made by repeating `unit` (and cutting the last).
pub fn repeat(unit: &str, n: usize) -> String {
    unit.chars().cycle().take(n).collect()
}

/// The repeated units of the values that were quadratic: runs of digits, full-width digits,
/// 十, 零, thousands groups, and repeats of `1(`, `1（`, `上年…x`, `达到100%（`.
pub const VALUE_UNITS: &[(&str, &str)] = &[
    ("digits", "1"),
    ("full-width digits", "１"),
    ("十", "十"),
    ("零", "零"),
    ("thousands groups", ",234"),
    ("1(", "1("),
    ("1（", "1（"),
    ("上年x", "上年"),
    ("达到100%（", "达到100%（"),
    ("1 and space", "1 "),
    ("一家", "一家"),
    ("≥1 and space", "≥1 "),
    ("1，", "1，"),
];

/// One project with `n` indicators, all on lines of their own.
pub fn many_indicators(n: usize) -> String {
    let mut text = head("10.00 10.00");
    text.push_str("某局 10.00 10.00\n");
    let records: Vec<String> = (1..=n)
        .map(|i| record(i, &format!("指标{i}"), "≥1场"))
        .collect();
    text.push_str(&project("甲项目", "10.00", &records));
    text
}

/// One project with `n` indicators all on one line.
pub fn records_on_one_line(n: usize) -> String {
    let mut text = head("10.00 10.00");
    text.push_str("某局 10.00 10.00\n    甲项目 10.00 10.00\n目标。");
    for i in 1..=n {
        text.push_str(&record(i, &format!("指标{i}"), "≥1场"));
    }
    text.push('\n');
    text
}

/// An amount of `cents` hundredths, as a table prints it.
fn cents(cents: u64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

/// `n` units, each with `rows` projects of one amount whose columns only a large subset sum
/// settles (rows × 10,000,001 cells or so, each unit), were there no budget for the document.
pub fn money_searches(n: usize, rows: usize) -> String {
    let each = 10_000_001u64;
    let (rows, n) = (rows as u64, n as u64);
    let (fiscal, non_fiscal) = (each * (rows - rows / 2), each * (rows / 2));
    let mut text = head(&format!(
        "{} {} {}",
        cents(each * rows * n),
        cents(fiscal * n),
        cents(non_fiscal * n)
    ));
    for u in 0..n {
        text.push_str(&format!(
            "单位{u} {} {} {}\n",
            cents(each * rows),
            cents(fiscal),
            cents(non_fiscal)
        ));
        for r in 0..rows {
            text.push_str(&project(
                &format!("项目{u}-{r}"),
                &cents(each),
                &[record(1, "场次", "≥1场")],
            ));
        }
    }
    text
}

/// A table whose one value is a line of `n` characters of `1 1 1 …`.
pub fn long_compound_line(n: usize) -> String {
    table_with_value(&repeat("1 ", n))
}

/// An actuals CSV of `n` rows for the first project of [`many_indicators`].
pub fn actuals(n: usize) -> String {
    let mut text = String::from("project,indicator,actual\n");
    for i in 1..=n {
        text.push_str(&format!("1,{i},{i}场\n"));
    }
    text
}

/// A glued table (OCR text without separators) whose one line is `n` labels each opening a
/// bracket it never closes (`产出指标(产出指标(…`): every label looks for its weight's
/// closing bracket.
pub fn glued_open_brackets(n: usize) -> String {
    format!(
        "一级指标二级指标三级指标指标值\n{}\n",
        "产出指标(".repeat(n)
    )
}

/// A space-separated table whose one data line is `n` labels a space apart (`数量指标 数量指标
/// …`): every space is a place a cell may be cut, each looked at over a few words only.
pub fn spaced_line_of_labels(n: usize) -> String {
    format!(
        "一级指标    二级指标    三级指标    指标值\n产出指标    {}\n",
        vec!["数量指标"; n].join(" ")
    )
}

/// A space-separated table whose line under the header is `n` words and signed values a space
/// apart (`培训 ≥1人 培训 ≥1人 …`): the line is looked at as the header's wrapped tails, and
/// each word's place is counted on from the word before it.
pub fn spaced_line_of_signed_values(n: usize) -> String {
    format!(
        "一级指标 二级指标     三级指标      指标值   分值\n产出指标 数量指标     {}\n",
        vec!["培训 ≥1人"; n].join(" ")
    )
}

/// A space-separated table whose header is followed by `n` lines of one short word under its
/// last column (`和其他`, which may go on a text header): a header's fragments join up to a
/// header's length only, however often the header is looked for.
pub fn spaced_words_under_a_text_header(n: usize) -> String {
    format!(
        "一级指标 二级指标     三级指标   指标值    偏差原因\n{}",
        "                                     和其他\n".repeat(n)
    )
}

/// Pipe rows whose name row is followed by `n` lines of one judging word (`| 有效 |`): a row
/// broken after its name goes on over a few cells only, so that each line looks at a
/// bounded row.
pub fn pipe_lines_of_words_after_a_name(n: usize) -> String {
    format!(
        "| 一级指标 | 二级指标 | 三级指标 | 指标值 | 分值 | 得分 |\n\
         | 效益指标 | 经济效益指标 | 减轻学生家庭负担 |\n{}",
        "| 有效 |\n".repeat(n)
    )
}

/// A stream of cells apart by lines holding a pipe alone: `n` header words that never name
/// a grid (`得分` over and over), a line of words, then a header and `n` rows that keep their empty cells.
/// Each run of header words is looked at once, and the rows are cut in one pass.
pub fn stream_of_header_words(n: usize) -> String {
    let mut text = "得分\n|\n".repeat(n);
    text.push_str("以下为各项指标\n|\n三级指标\n|\n指标值\n|\n分值\n|\n得分\n|\n");
    for _ in 0..n {
        text.push_str("验收合格率\n|\n≥98%\n|\n\n|\n5\n|\n");
    }
    text
}

/// A glued table whose one data line holds a chain of `n` ranges (`1-1-1-…`) and a run of `n`
/// digits: a range is read over a few links only, and a number from its start only.
pub fn glued_numbers(n: usize) -> String {
    format!(
        "一级指标二级指标三级指标指标值\n产出指标数量指标人数{}人数{}人\n",
        "1-".repeat(n),
        "2".repeat(n)
    )
}

/// An outline whose one line holds `n` items apart by commas, then a line of `n` headings
/// before one item: each comma piece and each heading is looked at once.
pub fn outline_of_long_lines(n: usize) -> String {
    format!(
        "一、产出指标\n（一）数量指标\n{}\n（二）质量指标\n{}合格率≥98%\n",
        "场次≥2场,".repeat(n),
        "质量指标:".repeat(n)
    )
}

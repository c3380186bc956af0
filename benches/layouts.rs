//! Reading a table in each layout the crate reads from text: `cargo bench --bench layouts`
//! (criterion prints the throughput in bytes per second). Each input is checked to be read
//! in the layout it is named after before it is timed.
//!
//! - `run_on`: the bundled Guangzhou 2024 table;
//! - `glued`: a real table whose cells run together (`tests/data/grids/`);
//! - `pipe`, `tsv`, `csv`, `cell_per_line`, `paragraph`, `tree`, `spaced`: one grid of
//!   2,000 indicators with merged label cells, in each rendering.
//!
//! `benches/grids.rs` times more real grids.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use jixiao::{Document, Layout};
use std::hint::black_box;

const HEADER: [&str; 5] = ["一级指标", "二级指标", "三级指标", "指标值", "分值"];

/// The rows of a grid of `n` indicators, as a table with merged label cells shows them: a
/// label only where it changes.
fn rows(n: usize) -> Vec<Vec<Option<String>>> {
    const TIERS: [(&str, [&str; 3]); 3] = [
        ("产出指标", ["数量指标", "质量指标", "时效指标"]),
        ("效益指标", ["经济效益指标", "社会效益指标", "生态效益指标"]),
        (
            "满意度指标",
            [
                "服务对象满意度指标",
                "服务对象满意度指标",
                "服务对象满意度指标",
            ],
        ),
    ];
    let names = [
        "维修面积",
        "验收合格率",
        "资金支付及时率",
        "培训人次",
        "群众满意度",
    ];
    let values = [
        "≥400平方米",
        "100%",
        "≥98%",
        "≤3天",
        "≥90%",
        "不低于上年度",
        "2024年12月前",
    ];
    let mut last = (usize::MAX, usize::MAX);
    (0..n)
        .map(|i| {
            let tier = i * 3 / n;
            let category = if tier == 2 { 0 } else { (i * 9 / n) % 3 };
            let (tier_name, categories) = TIERS[tier];
            let row = vec![
                (last.0 != tier).then(|| tier_name.to_owned()),
                (last != (tier, category)).then(|| categories[category].to_owned()),
                Some(format!("{}{}", names[i % names.len()], i)),
                Some(values[i % values.len()].to_owned()),
                Some("5".to_owned()),
            ];
            last = (tier, category);
            row
        })
        .collect()
}

fn pipe(rows: &[Vec<Option<String>>]) -> String {
    let mut s = format!("{} |\n", HEADER.join(" | "));
    for row in rows {
        let present: Vec<&str> = row.iter().flatten().map(String::as_str).collect();
        let padding = "|".repeat(HEADER.len() - present.len());
        s.push_str(&format!("{} | {padding}\n", present.join(" | ")));
    }
    s
}

fn delimited(rows: &[Vec<Option<String>>], separator: &str) -> String {
    let mut s = HEADER.join(separator) + "\n";
    for row in rows {
        let all: Vec<&str> = row.iter().map(|c| c.as_deref().unwrap_or("")).collect();
        s.push_str(&all.join(separator));
        s.push('\n');
    }
    s
}

fn per_line(rows: &[Vec<Option<String>>], gap: &str) -> String {
    let mut all: Vec<&str> = HEADER.to_vec();
    for row in rows {
        all.extend(row.iter().flatten().map(String::as_str));
    }
    all.join(gap) + "\n"
}

fn tree(rows: &[Vec<Option<String>>]) -> String {
    let mut s = HEADER.join("\n") + "\n";
    for row in rows {
        for (depth, cell) in row.iter().enumerate() {
            if let Some(cell) = cell {
                s.push_str(&"  ".repeat(depth.min(3)));
                s.push_str(cell);
                s.push('\n');
            }
        }
    }
    s
}

fn spaced(rows: &[Vec<Option<String>>]) -> String {
    let mut s = HEADER.join(" ") + "\n";
    for row in rows {
        let present: Vec<&str> = row.iter().flatten().map(String::as_str).collect();
        s.push_str(&present.join(" "));
        s.push('\n');
    }
    s
}

fn layouts(c: &mut Criterion) {
    let grid = rows(2000);
    let inputs = [
        (
            "run_on",
            Layout::RunOn,
            include_str!("../tests/data/guangzhou_commerce_2024.txt").to_owned(),
        ),
        (
            "glued",
            Layout::Glued,
            include_str!("../tests/data/grids/beijing_xueyuanlu-baojie_2016_glued.txt").to_owned(),
        ),
        ("pipe", Layout::Pipe, pipe(&grid)),
        ("tsv", Layout::Delimited, delimited(&grid, "\t")),
        ("csv", Layout::Delimited, delimited(&grid, ",")),
        ("cell_per_line", Layout::CellPerLine, per_line(&grid, "\n")),
        ("paragraph", Layout::Paragraph, per_line(&grid, "\n\n")),
        ("tree", Layout::Tree, tree(&grid)),
        ("spaced", Layout::Spaced, spaced(&grid)),
    ];
    let mut group = c.benchmark_group("layouts");
    for (name, layout, text) in &inputs {
        let doc: Document = text.parse().expect("each input is a table");
        assert_eq!(doc.layout, *layout, "{name} is read in its layout");
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| b.iter(|| black_box(text.parse::<Document>())));
    }
    group.finish();
}

criterion_group!(benches, layouts);
criterion_main!(benches);

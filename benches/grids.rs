//! Reading grids as text: `cargo bench --bench grids` (criterion prints the throughput in
//! bytes per second). Real tables in each rendering, and a large generated grid in each.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use jixiao::Document;
use std::hint::black_box;

/// Real tables, one per rendering.
const REAL: &[(&str, &str)] = &[
    (
        "pipe",
        include_str!("../tests/data/grids/sichuan_jingyan_mataxiang_2023_multi-project.txt"),
    ),
    (
        "pipe_selfeval",
        include_str!("../tests/data/grids/anhui_xiaoxian-zhongyang_2023_selfeval.txt"),
    ),
    (
        "paragraph",
        include_str!("../tests/data/grids/hunan_yueyangxian_gaobiaozhunnongtian_2022_grid.txt"),
    ),
    (
        "spaced",
        include_str!("../tests/data/grids/neimenggu_zhalaite_jianchayuan_2025_scored.txt"),
    ),
    (
        "cell_per_line",
        include_str!("../tests/data/grids/tianjin_baodi_chuqinfenwu_2022_grid.txt"),
    ),
    (
        "outline",
        include_str!("../tests/data/grids/ningxia_tongxin-sheshipeixun_2025_outline.txt"),
    ),
];

/// A large grid: 2,000 indicator rows with merged labels, in a rendering.
fn generated(separator: &str, per_line: bool) -> String {
    let names = [
        "维修面积",
        "验收合格率",
        "资金支付及时率",
        "培训人次",
        "群众满意度",
    ];
    let values = ["≥400平方米", "100%", "≥98%", "≤3天", "≥90%"];
    let mut out = ["一级指标", "二级指标", "三级指标", "指标值", "分值"].join(separator);
    out.push('\n');
    for n in 0..2000 {
        let mut cells = Vec::new();
        if n % 20 == 0 {
            cells.push("产出指标");
        }
        if n % 5 == 0 {
            cells.push("数量指标");
        }
        cells.push(names[n % names.len()]);
        cells.push(values[n % values.len()]);
        cells.push("5");
        if per_line {
            out.push_str(&cells.join("\n"));
        } else {
            out.push_str(&cells.join(separator));
        }
        out.push('\n');
    }
    out
}

fn grids(c: &mut Criterion) {
    let mut group = c.benchmark_group("grids");
    for (name, text) in REAL {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| b.iter(|| black_box(text.parse::<Document>())));
    }
    for (name, text) in [
        ("generated_pipe", generated(" | ", false)),
        ("generated_tsv", generated("\t", false)),
        ("generated_spaced", generated(" ", false)),
        ("generated_cell_per_line", generated("\n", true)),
    ] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| b.iter(|| black_box(text.parse::<Document>())));
    }
    group.finish();
}

criterion_group!(benches, grids);
criterion_main!(benches);

//! Reading the files users hold: `cargo bench --bench formats --features xlsx,html`
//! (criterion prints the throughput in bytes per second of the file). A real table as a
//! workbook and as a page, a large generated one in each, and the grid stage alone (without
//! reading the document) to show what the parsers cost.

#[path = "../tests/formats_common/mod.rs"]
mod formats_common;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use formats_common::{Spec, html_page, parse_layout, xlsx};
use jixiao::{Document, Grid};
use std::hint::black_box;

const REAL: &str =
    include_str!("../tests/data/formats/anhui_xiaoxian-zhongyang_2023_selfeval.layout");

/// A large table: 2,000 indicator rows, tiers and categories merged down their runs.
fn generated() -> Vec<Vec<Spec>> {
    let names = [
        "维修面积",
        "验收合格率",
        "资金支付及时率",
        "培训人次",
        "群众满意度",
    ];
    let values = ["≥400平方米", "100%", "≥98%", "≤3天", "≥90%"];
    let mut rows = vec![
        ["一级指标", "二级指标", "三级指标", "指标值", "分值"]
            .iter()
            .map(|h| Spec::new(h, 1, 1))
            .collect::<Vec<_>>(),
    ];
    for n in 0..2000 {
        let mut cells = Vec::new();
        if n % 20 == 0 {
            cells.push(Spec::new("产出指标", 20, 1));
        }
        if n % 5 == 0 {
            cells.push(Spec::new("数量指标", 5, 1));
        }
        cells.push(Spec::new(names[n % 5], 1, 1));
        cells.push(Spec::new(values[n % 5], 1, 1));
        cells.push(Spec::new("10", 1, 1));
        rows.push(cells);
    }
    rows
}

fn formats(c: &mut Criterion) {
    let real = parse_layout(REAL);
    let large = generated();
    for (name, layout) in [("real", &real), ("large", &large)] {
        let book = xlsx(&[("Sheet1", layout)]);
        let page = html_page("绩效目标表", &[layout]);
        let mut group = c.benchmark_group(format!("formats/{name}"));
        group.throughput(Throughput::Bytes(book.len() as u64));
        group.bench_function("xlsx_document", |b| {
            b.iter(|| Document::from_workbook(black_box(&book)))
        });
        group.bench_function("xlsx_grids", |b| {
            b.iter(|| Grid::from_workbook(black_box(&book)))
        });
        group.throughput(Throughput::Bytes(page.len() as u64));
        group.bench_function("html_document", |b| {
            b.iter(|| Document::from_html(black_box(&page)))
        });
        group.bench_function("html_grids", |b| {
            b.iter(|| Grid::from_html(black_box(&page)))
        });
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = formats
}
criterion_main!(benches);

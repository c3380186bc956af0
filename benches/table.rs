//! Parsing the bundled Guangzhou 2024 table, whole: `cargo bench --bench table` (criterion
//! prints the throughput in bytes per second).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use jixiao::Document;
use std::hint::black_box;

const TABLE: &str = include_str!("../tests/data/guangzhou_commerce_2024.txt");

fn table(c: &mut Criterion) {
    let mut group = c.benchmark_group("table");
    group.throughput(Throughput::Bytes(TABLE.len() as u64));
    group.bench_function("guangzhou_commerce_2024", |b| {
        b.iter(|| black_box(TABLE.parse::<Document>()))
    });
    group.finish();
}

criterion_group!(benches, table);
criterion_main!(benches);

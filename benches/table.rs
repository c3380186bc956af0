//! Reading the bundled Guangzhou 2024 table, the run-on layout: `cargo bench --bench table`
//! (criterion prints the throughput in bytes per second).
//!
//! - `table/guangzhou_commerce_2024`: the table, whole;
//! - `table/scale/1x`, `10x`, `100x`: the table's text 1, 10 and 100 times over in one
//!   document, to show that the time grows linearly with the input.

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
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

    let mut group = c.benchmark_group("table/scale");
    group.sampling_mode(SamplingMode::Flat).sample_size(10);
    for times in [1, 10, 100] {
        let text = vec![TABLE; times].join("\n");
        let doc: Document = text.parse().expect("the copies read as one table");
        assert_eq!(doc.indicators().count(), 338 * times);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("{times}x"), |b| {
            b.iter(|| black_box(text.parse::<Document>()))
        });
    }
    group.finish();
}

criterion_group!(benches, table);
criterion_main!(benches);

//! Parsing the 198 distinct target values of the bundled Guangzhou table.
//!
//! `cargo bench --bench targets`; divide the time per iteration by 198 for the time per value
//! (criterion prints the throughput in values per second).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use jixiao::Target;
use std::hint::black_box;

fn seed_values() -> Vec<String> {
    include_str!("../tests/data/seed_targets.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let case: serde_json::Value = serde_json::from_str(line).expect("fixture is JSON");
            case["raw"].as_str().expect("fixture has raw").to_owned()
        })
        .collect()
}

fn targets(c: &mut Criterion) {
    let values = seed_values();
    let mut group = c.benchmark_group("targets");
    group.throughput(Throughput::Elements(values.len() as u64));
    group.bench_function("lenient/198 seed values", |b| {
        b.iter(|| {
            for v in &values {
                black_box(Target::lenient(black_box(v)));
            }
        })
    });
    group.bench_function("canonical/198 seed values", |b| {
        let parsed: Vec<Target> = values.iter().map(|v| Target::lenient(v)).collect();
        b.iter(|| {
            for t in &parsed {
                black_box(t.to_string());
            }
        })
    });
    group.finish();
}

criterion_group!(benches, targets);
criterion_main!(benches);

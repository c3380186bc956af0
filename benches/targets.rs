//! Target values (指标值): `cargo bench --bench targets`. Criterion prints the throughput in
//! values per second; the time per value is one over it.
//!
//! - `lenient`, `strict`, `display`: the 198 distinct values of the bundled Guangzhou table,
//!   read with `Target::lenient`, with `FromStr`, and printed in their canonical form;
//! - `slowest`: the values of the tests (`tests/data/golden/values.tsv`: every value of the
//!   fixtures, every string of the tests, thousands of generated ones) that take longest: the
//!   20 slowest together, then the 5 slowest each alone. The slowest time found is printed
//!   first.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use jixiao::Target;
use std::hint::black_box;
use std::time::{Duration, Instant};

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

/// Every value the tests read.
fn test_values() -> Vec<String> {
    include_str!("../tests/data/golden/values.tsv")
        .lines()
        .filter_map(|line| line.split_once('\t'))
        .map(|(input, _)| serde_json::from_str(input).expect("a JSON string"))
        .collect()
}

/// The time one lenient parse of a value takes, at best over a few rounds.
fn time_of(value: &str) -> Duration {
    const ROUNDS: u32 = 5;
    const REPEAT: u32 = 40;
    (0..ROUNDS)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..REPEAT {
                black_box(Target::lenient(black_box(value)));
            }
            start.elapsed() / REPEAT
        })
        .min()
        .unwrap_or_default()
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
    group.bench_function("strict/198 seed values", |b| {
        b.iter(|| {
            for v in &values {
                let _ = black_box(black_box(v).parse::<Target>());
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

    let all = test_values();
    let mut timed: Vec<(Duration, &String)> = all.iter().map(|v| (time_of(v), v)).collect();
    timed.sort_by_key(|t| std::cmp::Reverse(t.0));
    println!(
        "slowest of {} test values: {:?} for {:?}",
        timed.len(),
        timed[0].0,
        timed[0].1
    );
    let mut group = c.benchmark_group("targets/slowest");
    let slowest: Vec<&str> = timed.iter().take(20).map(|(_, v)| v.as_str()).collect();
    group.throughput(Throughput::Elements(slowest.len() as u64));
    group.bench_function("20 slowest values", |b| {
        b.iter(|| {
            for v in &slowest {
                black_box(Target::lenient(black_box(v)));
            }
        })
    });
    group.throughput(Throughput::Elements(1));
    for (n, (_, value)) in timed.iter().take(5).enumerate() {
        let name: String = value.chars().take(24).collect();
        group.bench_function(format!("{n} {name}"), |b| {
            b.iter(|| black_box(Target::lenient(black_box(value.as_str()))))
        });
    }
    group.finish();
}

criterion_group!(benches, targets);
criterion_main!(benches);

//! What is made of a document once read: `cargo bench --bench reports`.
//!
//! - `check`: the review of the bundled Guangzhou table (indicators per second);
//! - `assess`: scoring it against its sample actual values, and scoring the bundled
//!   self-evaluation table as it stands (indicators per second);
//! - `json`: the document, the review and the scores as JSON, compact and pretty, and the
//!   document read back from JSON (bytes of JSON per second).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use jixiao::{Actuals, AssessConfig, CheckConfig, Document, assess, check};
use std::hint::black_box;

const TABLE: &str = include_str!("../tests/data/guangzhou_commerce_2024.txt");
const ACTUALS: &str = include_str!("../tests/data/guangzhou_commerce_2024_actuals.csv");
const SELF_EVALUATION: &str = include_str!("../tests/data/selfeval_anhui_xiaoxian_2023.txt");

fn reports(c: &mut Criterion) {
    let doc: Document = TABLE.parse().expect("the bundled table");
    let selfeval: Document = SELF_EVALUATION.parse().expect("the self-evaluation");
    let actuals: Actuals = ACTUALS.parse().expect("the actual values");
    let indicators = doc.indicators().count() as u64;

    let mut group = c.benchmark_group("check");
    group.throughput(Throughput::Elements(indicators));
    let config = CheckConfig::default();
    group.bench_function("guangzhou_commerce_2024", |b| {
        b.iter(|| black_box(check(black_box(&doc), &config)))
    });
    group.finish();

    let mut group = c.benchmark_group("assess");
    let config = AssessConfig::default();
    group.throughput(Throughput::Elements(indicators));
    group.bench_function("guangzhou_commerce_2024 with actuals", |b| {
        b.iter(|| black_box(assess(black_box(&doc), &actuals, &config)))
    });
    group.throughput(Throughput::Elements(selfeval.indicators().count() as u64));
    group.bench_function("selfeval_anhui_xiaoxian_2023", |b| {
        b.iter(|| black_box(assess(black_box(&selfeval), &Actuals::default(), &config)))
    });
    group.finish();

    let report = check(&doc, &CheckConfig::default());
    let assessment = assess(&doc, &actuals, &AssessConfig::default());
    let mut group = c.benchmark_group("json");
    let compact = serde_json::to_string(&doc).expect("serializes");
    group.throughput(Throughput::Bytes(compact.len() as u64));
    group.bench_function("document", |b| {
        b.iter(|| black_box(serde_json::to_string(black_box(&doc))))
    });
    group.bench_function("document from JSON", |b| {
        b.iter(|| black_box(serde_json::from_str::<Document>(black_box(&compact))))
    });
    let pretty = serde_json::to_string_pretty(&doc).expect("serializes");
    group.throughput(Throughput::Bytes(pretty.len() as u64));
    group.bench_function("document pretty", |b| {
        b.iter(|| black_box(serde_json::to_string_pretty(black_box(&doc))))
    });
    let json = serde_json::to_string(&report).expect("serializes");
    group.throughput(Throughput::Bytes(json.len() as u64));
    group.bench_function("report", |b| {
        b.iter(|| black_box(serde_json::to_string(black_box(&report))))
    });
    let json = serde_json::to_string(&assessment).expect("serializes");
    group.throughput(Throughput::Bytes(json.len() as u64));
    group.bench_function("assessment", |b| {
        b.iter(|| black_box(serde_json::to_string(black_box(&assessment))))
    });
    group.finish();
}

criterion_group!(benches, reports);
criterion_main!(benches);

//! Hostile input read at 1×, 4× and 16× its size (issue 11): the time of each shape must grow
//! linearly with it. `cargo bench --bench hostile`; criterion prints each size's time and
//! throughput, which stays about the same from 1× to 16× where reading is linear.
//!
//! - values: each repeated unit that was quadratic, within the cap (60, 240 and 960
//!   characters) and beyond it (25, 100 and 400 KB, kept as text);
//! - tables: a value of many digits, a line of many parts, many records on one line, many
//!   indicators in one project, a glued line of labels opening brackets they never close,
//!   pipe lines of words after a name row, and many units each forcing a large search for
//!   money;
//! - checks and scores of a project of many indicators, and the actuals CSV that gives them.

#[path = "../tests/shapes/mod.rs"]
mod shapes;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use jixiao::{Actuals, AssessConfig, CheckConfig, Document, Target, assess, check};
use std::hint::black_box;
use std::time::Duration;

const SCALES: [usize; 3] = [1, 4, 16];

/// Benches `read` on `make(base × scale)` for each scale, with the input's bytes as the
/// throughput.
fn scaled<T>(
    c: &mut Criterion,
    group: &str,
    base: usize,
    make: impl Fn(usize) -> String,
    read: impl Fn(&str) -> T,
) {
    let mut g = c.benchmark_group(group);
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(200))
        .measurement_time(Duration::from_secs(1));
    for scale in SCALES {
        let input = make(base * scale);
        g.throughput(Throughput::Bytes(input.len() as u64));
        g.bench_with_input(
            BenchmarkId::from_parameter(format!("{scale}x")),
            &input,
            |b, i| b.iter(|| black_box(read(black_box(i)))),
        );
    }
    g.finish();
}

fn values(c: &mut Criterion) {
    for (name, unit) in shapes::VALUE_UNITS {
        scaled(
            c,
            &format!("value/{name}"),
            60,
            |n| shapes::repeat(unit, n),
            Target::lenient,
        );
        scaled(
            c,
            &format!("value over the cap/{name}"),
            25_000,
            |n| shapes::repeat(unit, n),
            Target::lenient,
        );
    }
}

fn tables(c: &mut Criterion) {
    let parse = |text: &str| text.parse::<Document>();
    scaled(
        c,
        "table/value of many digits",
        100_000,
        |n| shapes::table_with_value(&"1".repeat(n)),
        parse,
    );
    scaled(
        c,
        "table/line of many parts",
        100_000,
        shapes::long_compound_line,
        parse,
    );
    scaled(
        c,
        "table/records on one line",
        2_000,
        shapes::records_on_one_line,
        parse,
    );
    scaled(
        c,
        "table/indicators in one project",
        2_000,
        shapes::many_indicators,
        parse,
    );
    scaled(
        c,
        "table/glued line of open brackets",
        2_000,
        shapes::glued_open_brackets,
        parse,
    );
    scaled(
        c,
        "table/glued chain of ranges and run of digits",
        2_000,
        shapes::glued_numbers,
        parse,
    );
    scaled(
        c,
        "table/spaced line of labels",
        2_000,
        shapes::spaced_line_of_labels,
        parse,
    );
    scaled(
        c,
        "table/spaced line of signed values under the header",
        2_000,
        shapes::spaced_line_of_signed_values,
        parse,
    );
    scaled(
        c,
        "table/spaced words under a text header",
        2_000,
        shapes::spaced_words_under_a_text_header,
        parse,
    );
    scaled(
        c,
        "table/pipe lines of words after a name",
        2_000,
        shapes::pipe_lines_of_words_after_a_name,
        parse,
    );
    scaled(
        c,
        "table/a stream of header words",
        2_000,
        shapes::stream_of_header_words,
        parse,
    );
    scaled(
        c,
        "table/an outline of long lines",
        2_000,
        shapes::outline_of_long_lines,
        parse,
    );
    scaled(
        c,
        "table/units each searching for money",
        18,
        |n| shapes::money_searches(n, 2),
        parse,
    );
    // Hostile values within the cap, a different one for each record.
    scaled(
        c,
        "table/records of hostile values",
        200,
        |n| {
            let mut text = shapes::head("10.00 10.00");
            text.push_str("某局 10.00 10.00\n    甲项目 10.00 10.00\n目标。\n");
            for i in 1..=n {
                let (_, unit) = shapes::VALUE_UNITS[i % shapes::VALUE_UNITS.len()];
                let value = format!("{}{i}", shapes::repeat(unit, 900));
                text.push_str(&shapes::record(i, "指标", &value));
                text.push('\n');
            }
            text
        },
        parse,
    );
}

fn checks_and_scores(c: &mut Criterion) {
    scaled(
        c,
        "check/indicators in one project",
        5_000,
        shapes::many_indicators,
        |text| {
            let doc: Document = text.parse().expect("a table");
            check(&doc, &CheckConfig::default())
        },
    );
    scaled(
        c,
        "assess/indicators in one project",
        5_000,
        |n| format!("{}\u{0}{}", shapes::many_indicators(n), shapes::actuals(n)),
        |both| {
            let (table, csv) = both.split_once('\u{0}').expect("two parts");
            let doc: Document = table.parse().expect("a table");
            let actuals: Actuals = csv.parse().expect("actuals");
            assess(&doc, &actuals, &AssessConfig::default())
        },
    );
    scaled(c, "actuals/rows", 5_000, shapes::actuals, |csv| {
        csv.parse::<Actuals>()
    });
}

criterion_group!(benches, values, tables, checks_and_scores);
criterion_main!(benches);

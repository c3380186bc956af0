//! Properties of the grid reader: the same grid, rendered as pipe rows, TSV, CSV, a cell per
//! line, a cell per paragraph and space-separated text, reads as the same indicators; any
//! text, and any cut of a real grid, reads without a panic.

use jixiao::{Document, Grid, Indicator, Layout};
use proptest::prelude::*;

/// Tiers with their categories, and names and values such as tables print.
const TREE: &[(&str, &[&str])] = &[
    (
        "产出指标",
        &["数量指标", "质量指标", "时效指标", "成本指标"],
    ),
    (
        "效益指标",
        &[
            "经济效益指标",
            "社会效益指标",
            "生态效益指标",
            "可持续影响指标",
        ],
    ),
    ("满意度指标", &["服务对象满意度指标"]),
];
const NAMES: &[&str] = &[
    "维修面积",
    "验收合格率",
    "资金支付及时率",
    "培训人次",
    "群众满意度",
    "完成时限",
    "覆盖率",
    "项目成本",
    "受益人口数量",
    "设备完好率",
    "宣传次数",
    "服务企业数",
];
const VALUES: &[&str] = &[
    "≥400平方米",
    "100%",
    "≥98%",
    "≤3天",
    "≥90%",
    "2024年12月底前",
    "10个",
    "≤20万元",
    "及时",
    "≥1000人次",
    "持续提升",
    "=100%",
];

/// Values written in split cells: comparator, number, unit.
const SPLIT: &[(&str, &str, &str)] = &[
    ("≥", "400", "平方米"),
    ("=", "100", "%"),
    ("≤", "3", "天"),
    ("≥", "90", "%"),
    ("=", "10", "个"),
    ("≤", "20", "万元"),
];

/// The columns a grid has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Schema {
    /// 一级 | 二级 | 三级 | 指标值 (| 分值).
    Basic,
    /// 一级 | 二级 | 三级 | 指标性质 | 指标值 | 度量单位 (| 分值).
    Split,
    /// 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 (| 分值) | 得分.
    SelfEvaluation,
}

/// One indicator row: tier, category, name, value and maybe a weight.
#[derive(Debug, Clone)]
struct Row {
    tier: usize,
    category: usize,
    name: &'static str,
    value: &'static str,
    split: usize,
    actual: &'static str,
    weight: Option<u8>,
}

/// A grid: rows sorted by tier and category, as tables print them, with or without a 分值
/// column.
fn grids() -> impl Strategy<Value = (Vec<Row>, bool, Schema)> {
    let row = (
        0..3usize,
        0..4usize,
        0..NAMES.len(),
        0..VALUES.len(),
        0..SPLIT.len(),
        0..VALUES.len(),
        1..=30u8,
    )
        .prop_map(|(tier, category, name, value, split, actual, weight)| Row {
            tier,
            category: category % TREE[tier].1.len(),
            name: NAMES[name],
            value: VALUES[value],
            split,
            actual: VALUES[actual],
            weight: Some(weight),
        });
    let schema = prop_oneof![
        Just(Schema::Basic),
        Just(Schema::Split),
        Just(Schema::SelfEvaluation)
    ];
    (proptest::collection::vec(row, 1..12), any::<bool>(), schema).prop_map(
        |(mut rows, weighted, schema)| {
            rows.sort_by_key(|r| (r.tier, r.category));
            if !weighted {
                for r in &mut rows {
                    r.weight = None;
                }
            }
            (rows, weighted, schema)
        },
    )
}

fn header(weighted: bool, schema: Schema) -> Vec<&'static str> {
    let mut h = vec!["一级指标", "二级指标", "三级指标"];
    match schema {
        Schema::Basic => h.push("指标值"),
        Schema::Split => h.extend(["指标性质", "指标值", "度量单位"]),
        Schema::SelfEvaluation => h.extend(["年度指标值", "实际完成值"]),
    }
    if weighted {
        h.push("分值");
    }
    if schema == Schema::SelfEvaluation {
        h.push("得分");
    }
    h
}

/// The cells of each row as a table with merged label cells shows them: a label only where
/// it changes, `None` where the merged cell covers the row.
fn cells(rows: &[Row], schema: Schema) -> Vec<Vec<Option<String>>> {
    let mut out = Vec::new();
    let mut last: Option<(usize, usize)> = None;
    for r in rows {
        let (tier, categories) = TREE[r.tier];
        let tier_cell = (last.map(|l| l.0) != Some(r.tier)).then(|| tier.to_owned());
        let category_cell =
            (last != Some((r.tier, r.category))).then(|| categories[r.category].to_owned());
        let mut row = vec![tier_cell, category_cell, Some(r.name.to_owned())];
        match schema {
            Schema::Basic => row.push(Some(r.value.to_owned())),
            Schema::Split => {
                let (op, number, unit) = SPLIT[r.split];
                row.extend([op, number, unit].map(|c| Some(c.to_owned())));
            }
            Schema::SelfEvaluation => {
                row.push(Some(r.value.to_owned()));
                row.push(Some(r.actual.to_owned()));
            }
        }
        if let Some(w) = r.weight {
            row.push(Some(w.to_string()));
        }
        if schema == Schema::SelfEvaluation {
            row.push(Some(r.weight.map_or(5, |w| w / 2).to_string()));
        }
        out.push(row);
        last = Some((r.tier, r.category));
    }
    out
}

fn pipe(rows: &[Row], weighted: bool, schema: Schema) -> String {
    let width = header(weighted, schema).len();
    let mut s = format!("{} |\n", header(weighted, schema).join(" | "));
    for row in cells(rows, schema) {
        let present: Vec<String> = row.into_iter().flatten().collect();
        let padding = "|".repeat(width - present.len());
        s.push_str(&format!("{} | {padding}\n", present.join(" | ")));
    }
    s
}

fn delimited(rows: &[Row], weighted: bool, schema: Schema, separator: &str) -> String {
    let mut s = header(weighted, schema).join(separator) + "\n";
    for row in cells(rows, schema) {
        let all: Vec<String> = row.into_iter().map(Option::unwrap_or_default).collect();
        s.push_str(&all.join(separator));
        s.push('\n');
    }
    s
}

fn per_line(rows: &[Row], weighted: bool, schema: Schema, gap: &str) -> String {
    let mut all: Vec<String> = header(weighted, schema)
        .iter()
        .map(|h| (*h).to_owned())
        .collect();
    for row in cells(rows, schema) {
        all.extend(row.into_iter().flatten());
    }
    all.join(gap) + "\n"
}

/// An indented tree: the header's words a line each, then each label at its level's depth
/// and the other cells of a row one level deeper than the name.
fn tree(rows: &[Row], weighted: bool, schema: Schema) -> String {
    let mut s = header(weighted, schema).join("\n") + "\n";
    for row in cells(rows, schema) {
        for (depth, cell) in row.into_iter().enumerate() {
            if let Some(cell) = cell {
                let depth = depth.min(3);
                s.push_str(&"  ".repeat(depth));
                s.push_str(&cell);
                s.push('\n');
            }
        }
    }
    s
}

/// A grid's rows listed under headings (layout `outline`): `一、` before a tier, `（一）` before
/// a category, and each row's name and value apart as `separators[i]` says: glued to a
/// comparator, or after a colon or a comma.
fn outline(rows: &[Row], separators: &[usize]) -> String {
    const NUMERALS: [&str; 4] = ["一", "二", "三", "四"];
    let mut text = String::from("关于项目绩效目标的公示\n");
    let mut last: Option<(usize, usize)> = None;
    let mut categories = 0usize;
    for (i, r) in rows.iter().enumerate() {
        let (tier, names) = TREE[r.tier];
        if last.map(|l| l.0) != Some(r.tier) {
            text.push_str(&format!("{}、{tier}\n", NUMERALS[r.tier]));
            categories = 0;
        }
        if last != Some((r.tier, r.category)) {
            text.push_str(&format!(
                "（{}）{}\n",
                NUMERALS[categories], names[r.category]
            ));
            categories += 1;
        }
        let separator = match separators.get(i).copied().unwrap_or(0) % 3 {
            0 if r.value.starts_with(['≥', '≤', '=']) => "",
            1 => "：",
            _ => "，",
        };
        text.push_str(&format!("{}{separator}{}；\n", r.name, r.value));
        last = Some((r.tier, r.category));
    }
    text
}

fn spaced(rows: &[Row], weighted: bool, schema: Schema) -> String {
    let mut s = header(weighted, schema).join(" ") + "\n";
    for row in cells(rows, schema) {
        let present: Vec<String> = row.into_iter().flatten().collect();
        s.push_str(&present.join(" "));
        s.push('\n');
    }
    s
}

/// What an indicator says, without where it says it.
type Said = (
    Option<String>,
    Option<String>,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn said(doc: &Document) -> Vec<Said> {
    doc.indicators()
        .map(|i: &Indicator| {
            (
                i.tier.map(|t| t.name().to_owned()),
                i.category_label
                    .clone()
                    .or_else(|| i.category.map(|c| c.name().to_owned())),
                i.name.clone(),
                i.annual.raw().to_owned(),
                i.actual.as_ref().map(|a| a.raw().to_owned()),
                i.weight.map(|w| w.to_string()),
                i.score.map(|s| s.to_string()),
            )
        })
        .collect()
}

fn expected(rows: &[Row], schema: Schema) -> Vec<Said> {
    rows.iter()
        .map(|r| {
            let (tier, categories) = TREE[r.tier];
            let value = match schema {
                Schema::Split => {
                    let (op, number, unit) = SPLIT[r.split];
                    format!("{op}{number}{unit}")
                }
                _ => r.value.to_owned(),
            };
            let evaluated = schema == Schema::SelfEvaluation;
            (
                Some(tier.to_owned()),
                Some(categories[r.category].to_owned()),
                r.name.to_owned(),
                value,
                evaluated.then(|| r.actual.to_owned()),
                r.weight.map(|w| w.to_string()),
                evaluated.then(|| r.weight.map_or(5, |w| w / 2).to_string()),
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn every_rendering_reads_as_the_same_grid((rows, weighted, schema) in grids()) {
        let want = expected(&rows, schema);
        for (layout, text) in [
            (Layout::Pipe, pipe(&rows, weighted, schema)),
            (Layout::Delimited, delimited(&rows, weighted, schema, "\t")),
            (Layout::Delimited, delimited(&rows, weighted, schema, ",")),
            (Layout::CellPerLine, per_line(&rows, weighted, schema, "\n")),
            (Layout::Paragraph, per_line(&rows, weighted, schema, "\n\n")),
            (Layout::Spaced, spaced(&rows, weighted, schema)),
            (Layout::Tree, tree(&rows, weighted, schema)),
        ] {
            let doc: Document = text.parse().map_err(|e| {
                TestCaseError::fail(format!("{layout:?} not read: {e}\n{text}"))
            })?;
            prop_assert_eq!(doc.layout, layout, "{}", text);
            prop_assert_eq!(said(&doc), want.clone(), "{:?}\n{}", layout, text);
        }
    }

    #[test]
    fn an_outline_reads_as_the_same_grid(
        (rows, _, _) in grids(),
        separators in proptest::collection::vec(0usize..3, 12),
    ) {
        // A list of one item is too little to tell from prose.
        prop_assume!(rows.len() >= 2);
        let want: Vec<Said> = expected(&rows, Schema::Basic)
            .into_iter()
            .map(|(tier, category, name, value, ..)| (tier, category, name, value, None, None, None))
            .collect();
        let text = outline(&rows, &separators);
        let doc: Document = text
            .parse()
            .map_err(|e| TestCaseError::fail(format!("outline not read: {e}\n{text}")))?;
        prop_assert_eq!(doc.layout, Layout::Outline, "{}", text);
        prop_assert_eq!(said(&doc), want, "{}", text);
    }

    #[test]
    fn any_text_reads_without_panic(text in "\\PC{0,400}") {
        let _ = text.parse::<Document>();
        let _ = Grid::from_text(&text);
    }

    #[test]
    fn any_cut_of_real_grids_reads_without_panic(cut in 0usize..4000, file in 0usize..4) {
        let text = [
            include_str!("data/grids/hubei_huangshi_dangxiao_2022_grid.txt"),
            include_str!("data/grids/sichuan_jingyan_mataxiang_2023_multi-project.txt"),
            include_str!("data/grids/neimenggu_zhalaite_jianchayuan_2025_scored.txt"),
            include_str!("data/grids/yunnan_longyang-huafei_2022_selfeval.txt"),
        ][file];
        let end = text.char_indices().map(|(i, _)| i).nth(cut).unwrap_or(text.len());
        if let Ok(doc) = text[..end].parse::<Document>() {
            prop_assert!(doc.indicators().count() > 0);
        }
    }

    #[test]
    fn grid_lines_in_any_mix_read_without_panic(
        lines in proptest::collection::vec(
            prop_oneof![
                Just("一级指标 | 二级指标 | 三级指标 | 指标值 | 分值 |".to_owned()),
                Just("产出指标 | 数量指标 | 场次 | ≥2场 | 10 |".to_owned()),
                Just("| 质量指标 | 合格率 | 100% | |||".to_owned()),
                Just("|".to_owned()),
                Just("年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分".to_owned()),
                Just("年度资金总额 | 10 | 10 | 9 | 10 | 90% | 9".to_owned()),
                Just("项目名称 | 某项目".to_owned()),
                Just("合计 | 100".to_owned()),
                "\\PC{0,20}",
            ],
            0..30,
        )
    ) {
        let text = lines.join("\n");
        let _ = text.parse::<Document>();
    }

    #[test]
    fn glued_pieces_in_any_mix_read_without_panic(
        lines in proptest::collection::vec(
            proptest::collection::vec(
                prop_oneof![
                    Just("一级指标二级指标三级指标指标值".to_owned()),
                    Just("年初目标值(A)全年实际完成值(B)单项指标得分".to_owned()),
                    Just("预期2022年实现值".to_owned()),
                    Just("实施效果指标".to_owned()),
                    Just("产出指标(50分)".to_owned()),
                    Just("成本指标(必填".to_owned()),
                    Just("投入(14分)".to_owned()),
                    Just("指標值".to_owned()),
                    Just("(50分)".to_owned()),
                    Just("≥3次31010".to_owned()),
                    Just("≤441010".to_owned()),
                    Just("39.39.3".to_owned()),
                    Just("2022-05-16".to_owned()),
                    Just("1-".to_owned()),
                    Just("１２３．５".to_owned()),
                    Just("正向".to_owned()),
                    Just("好好".to_owned()),
                    Just("达成预期指标".to_owned()),
                    Just("元/平方米".to_owned()),
                    Just("百分比".to_owned()),
                    Just("底之前".to_owned()),
                    Just("1、".to_owned()),
                    "[\\PC]{0,6}",
                ],
                0..16,
            ),
            0..12,
        )
    ) {
        let text: Vec<String> = lines.iter().map(|l| l.concat()).collect();
        let text = format!("一级指标二级指标三级指标指标值\n{}", text.join("\n"));
        let _ = text.parse::<Document>();
    }
}

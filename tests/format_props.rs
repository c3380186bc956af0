//! Properties of the file readers: one generated grid written as TSV text, as an HTML page
//! with rowspans (whole, or split over two tables) and as an XLSX workbook with merged ranges
//! reads as the same indicators; any bytes given as a workbook or a page read without a
//! panic.
#![cfg(any(feature = "xlsx", feature = "html"))]

mod formats_common;

use formats_common::*;
use jixiao::{Document, Indicator};
use proptest::prelude::*;

const TREE: &[(&str, &[&str])] = &[
    (
        "产出指标",
        &["数量指标", "质量指标", "时效指标", "成本指标"],
    ),
    (
        "效益指标",
        &["经济效益指标", "社会效益指标", "可持续影响指标"],
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
    "受益人口数量",
    "设备完好率",
    "宣传次数",
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
    "<5%",
    "A&B两类",
];

#[derive(Debug, Clone)]
struct Row {
    tier: usize,
    category: usize,
    name: &'static str,
    value: &'static str,
    actual: &'static str,
    weight: u8,
}

/// A grid: rows sorted by tier and category; whether it is a self-evaluation (年度指标值,
/// 全年实际值, 分值, 得分); whether its header groups the levels under 绩效指标; where a page
/// splits it into two tables.
#[derive(Debug, Clone)]
struct Table {
    rows: Vec<Row>,
    evaluated: bool,
    grouped: bool,
    split: Option<usize>,
}

fn tables() -> impl Strategy<Value = Table> {
    let row = (
        0..3usize,
        0..4usize,
        0..NAMES.len(),
        0..VALUES.len(),
        0..VALUES.len(),
        1..=30u8,
    )
        .prop_map(|(tier, category, name, value, actual, weight)| Row {
            tier,
            category: category % TREE[tier].1.len(),
            name: NAMES[name],
            value: VALUES[value],
            actual: VALUES[actual],
            weight,
        });
    (
        proptest::collection::vec(row, 1..10),
        any::<bool>(),
        any::<bool>(),
        proptest::option::of(1..10usize),
    )
        .prop_map(|(mut rows, evaluated, grouped, split)| {
            rows.sort_by_key(|r| (r.tier, r.category));
            let split = split.filter(|s| *s < rows.len());
            Table {
                rows,
                evaluated,
                grouped,
                split,
            }
        })
}

fn values(t: &Table, r: &Row) -> Vec<String> {
    let mut v = vec![r.value.to_owned()];
    if t.evaluated {
        v.push(r.actual.to_owned());
    }
    v.push(r.weight.to_string());
    if t.evaluated {
        v.push((r.weight / 2).to_string());
    }
    v
}

fn value_headers(t: &Table) -> Vec<&'static str> {
    if t.evaluated {
        vec!["年度指标值", "全年实际值", "分值", "得分"]
    } else {
        vec!["指标值", "分值"]
    }
}

/// The grid as TSV: labels only where they change, as a sheet copied to text gives them.
fn tsv(t: &Table) -> String {
    let mut s = ["一级指标", "二级指标", "三级指标"]
        .into_iter()
        .chain(value_headers(t))
        .collect::<Vec<_>>()
        .join("\t");
    s.push('\n');
    let mut last: Option<(usize, usize)> = None;
    for r in &t.rows {
        let (tier, categories) = TREE[r.tier];
        let tier = if last.map(|l| l.0) == Some(r.tier) {
            ""
        } else {
            tier
        };
        let category = if last == Some((r.tier, r.category)) {
            ""
        } else {
            categories[r.category]
        };
        let mut cells = vec![tier.to_owned(), category.to_owned(), r.name.to_owned()];
        cells.extend(values(t, r));
        s.push_str(&cells.join("\t"));
        s.push('\n');
        last = Some((r.tier, r.category));
    }
    s
}

/// The header rows as a page lays them out.
fn header_layout(t: &Table) -> Vec<Vec<Spec>> {
    let levels = ["一级指标", "二级指标", "三级指标"];
    if t.grouped {
        let mut top = vec![Spec::new("绩效指标", 1, 3)];
        top.extend(value_headers(t).into_iter().map(|h| Spec::new(h, 2, 1)));
        vec![top, levels.iter().map(|h| Spec::new(h, 1, 1)).collect()]
    } else {
        vec![
            levels
                .into_iter()
                .chain(value_headers(t))
                .map(|h| Spec::new(h, 1, 1))
                .collect(),
        ]
    }
}

/// Body rows from `from` to `to`, tier and category cells merged down their runs.
fn body_layout(t: &Table, from: usize, to: usize) -> Vec<Vec<Spec>> {
    let rows = &t.rows[from..to];
    let mut out = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let mut cells = Vec::new();
        let run = |same: &dyn Fn(&Row) -> bool| rows[i..].iter().take_while(|o| same(o)).count();
        if i == 0 || rows[i - 1].tier != r.tier {
            cells.push(Spec::new(TREE[r.tier].0, run(&|o| o.tier == r.tier), 1));
        }
        if i == 0 || (rows[i - 1].tier, rows[i - 1].category) != (r.tier, r.category) {
            let n = run(&|o| (o.tier, o.category) == (r.tier, r.category));
            cells.push(Spec::new(TREE[r.tier].1[r.category], n, 1));
        }
        cells.push(Spec::new(r.name, 1, 1));
        cells.extend(values(t, r).iter().map(|v| Spec::new(v, 1, 1)));
        out.push(cells);
    }
    out
}

fn layout(t: &Table) -> Vec<Vec<Spec>> {
    let mut rows = header_layout(t);
    rows.extend(body_layout(t, 0, t.rows.len()));
    rows
}

fn page(t: &Table) -> String {
    match t.split {
        None => html_page("项目绩效目标表", &[&layout(t)]),
        Some(at) => {
            let mut first = header_layout(t);
            first.extend(body_layout(t, 0, at));
            let second = body_layout(t, at, t.rows.len());
            html_page("项目绩效目标表", &[&first, &second])
        }
    }
}

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

fn expected(t: &Table) -> Vec<Said> {
    t.rows
        .iter()
        .map(|r| {
            (
                Some(TREE[r.tier].0.to_owned()),
                Some(TREE[r.tier].1[r.category].to_owned()),
                r.name.to_owned(),
                r.value.to_owned(),
                t.evaluated.then(|| r.actual.to_owned()),
                Some(r.weight.to_string()),
                t.evaluated.then(|| (r.weight / 2).to_string()),
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn a_grid_as_text_as_a_page_and_as_a_workbook_reads_the_same(t in tables()) {
        let want = expected(&t);
        let text = tsv(&t);
        let from_text: Document = text
            .parse()
            .map_err(|e| TestCaseError::fail(format!("text not read: {e}\n{text}")))?;
        prop_assert_eq!(said(&from_text), want.clone(), "text\n{}", text);
        #[cfg(feature = "html")]
        {
            let html = page(&t);
            let doc = Document::from_html(&html)
                .map_err(|e| TestCaseError::fail(format!("page not read: {e}\n{html}")))?;
            prop_assert_eq!(said(&doc), want.clone(), "page\n{}", html);
        }
        #[cfg(feature = "xlsx")]
        {
            let book = xlsx(&[("Sheet1", &layout(&t))]);
            let doc = Document::from_workbook(&book)
                .map_err(|e| TestCaseError::fail(format!("workbook not read: {e}\n{t:?}")))?;
            prop_assert_eq!(said(&doc), want, "workbook {:?}", t);
        }
    }

    #[test]
    fn any_bytes_as_a_workbook_or_a_page_read_without_panic(
        bytes in proptest::collection::vec(any::<u8>(), 0..2000)
    ) {
        #[cfg(feature = "xlsx")]
        let _ = Document::from_workbook(&bytes);
        #[cfg(feature = "html")]
        let _ = Document::from_html(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn any_tag_soup_reads_without_panic(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("<table>".to_owned()),
                Just("</table>".to_owned()),
                Just("<tr>".to_owned()),
                Just("</tr>".to_owned()),
                Just("<td>".to_owned()),
                Just("</td>".to_owned()),
                Just("<th colspan=3>".to_owned()),
                Just("<caption>".to_owned()),
                Just("<br>".to_owned()),
                Just("&ge;".to_owned()),
                Just("一级指标".to_owned()),
                Just("产出指标".to_owned()),
                Just("≥90%".to_owned()),
                (0..70000usize, 0..1200usize)
                    .prop_map(|(r, c)| format!("<td rowspan={r} colspan={c}>")),
                "\\PC{0,12}",
            ],
            0..60,
        )
    ) {
        let html = parts.concat();
        #[cfg(feature = "html")]
        {
            let _ = jixiao::Grid::from_html(&html);
            let _ = Document::from_html(&html);
        }
        let _ = html;
    }

    #[test]
    fn a_damaged_workbook_reads_without_panic(
        damage in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)
    ) {
        #[cfg(feature = "xlsx")]
        {
            let mut bytes =
                std::fs::read("tests/data/formats/anhui_xiaoxian-zhongyang_2023_selfeval.xlsx")
                    .expect("the committed workbook");
            for (at, b) in &damage {
                let i = at.index(bytes.len());
                bytes[i] = *b;
            }
            let _ = Document::from_workbook(&bytes);
        }
        let _ = damage;
    }
}

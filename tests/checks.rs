//! Every check finds what it is for, on a table written to trip each one, and on the real
//! table; thresholds and skips are honoured.

use jixiao::{CheckCode, CheckConfig, Document, Finding, Report, Severity, check};
use rust_decimal::Decimal;

/// A table written so that each check has something to find, with the indicator it concerns.
const TRIPWIRES: &str = "某局2025年项目支出绩效目标表
部门名称：某局 单位：万元
合计 400.00 400.00
某局 300.00 300.00
    检查项目 100.00 100.00
目标。
1、1-产出指标；21-经济效益；投资额；实施周期指标值:≥5亿元；年度指标值:≥1亿元。
2、1-产出指标；11-数量指标；实际使用外资金额（亿美元）；实施周期指标值:≥400亿元；年度指标值:≥25。
3、1-产出指标；12-质量指标；验收合格率；实施周期指标值:≤90%；年度指标值:95。
4、1-产出指标；12-质量指标；资金拨付正确率；实施周期指标值:120%；年度指标值:100%。
5、1-产出指标；11-数量指标；培训场次；实施周期指标值:≥10场；年度指标值:≥12场。
6、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:≥70%；年度指标值:≥85%。
7、1-产出指标；13-时效指标；资金拨付及时性；实施周期指标值:及时；年度指标值:XX。
8、1-产出指标；11-数量指标；培训场次；实施周期指标值:≧10场；年度指标值:≥。
9、2-效益指标；22-社会效益；安全事故率；实施周期指标值:≥1%；年度指标值:。
10、2-效益指标；24-可持续影响；长效机制；实施周期指标值:长期；年度指标值:长期。
    第二项目 200.00 200.00
目标。
1、1-产出指标；11-数量指标；场次；实施周期指标值:≥2场；年度指标值:≥1场。
";

fn report(config: &CheckConfig) -> Report {
    let doc: Document = TRIPWIRES.parse().expect("the tripwire table parses");
    check(&doc, config)
}

/// The (project, indicator, start of message) of every finding of one check.
fn found(report: &Report, code: CheckCode) -> Vec<(Option<usize>, Option<u32>, String)> {
    report
        .of(code)
        .map(|f: &Finding| {
            let head: String = f.message.chars().take(8).collect();
            (f.project, f.indicator, head)
        })
        .collect()
}

#[track_caller]
fn at(report: &Report, code: CheckCode, expected: &[(usize, u32, &str)]) {
    let got = found(report, code);
    let want: Vec<(Option<usize>, Option<u32>, String)> = expected
        .iter()
        .map(|&(p, i, m)| (Some(p), Some(i), m.to_string()))
        .collect();
    assert_eq!(got, want, "{code}");
}

#[test]
fn sum_mismatch_reports_money_from_the_parser() {
    let r = report(&CheckConfig::default());
    let sums: Vec<&Finding> = r.of(CheckCode::SumMismatch).collect();
    assert_eq!(sums.len(), 1);
    assert_eq!(sums[0].line, Some(3));
    assert_eq!(sums[0].severity, Severity::Error);
}

#[test]
fn tier_category() {
    at(
        &report(&CheckConfig::default()),
        CheckCode::TierCategory,
        &[(1, 1, "filed un")],
    );
}

#[test]
fn unit_contradiction() {
    at(
        &report(&CheckConfig::default()),
        CheckCode::UnitContradiction,
        &[(1, 2, "实施周期指标值 ")],
    );
}

/// Units graded by how sure a clash is: other measures contradict, counting words differ.
const UNITS: &str = "某局2025年项目支出绩效目标表
部门名称：某局 单位：万元
合计 100.00 100.00
某局 100.00 100.00
    单位项目 100.00 100.00
目标。
1、1-产出指标；11-数量指标；扶持项目数（个）；实施周期指标值:不少于15家；年度指标值:不少于5家。
2、1-产出指标；11-数量指标；培训人数（人）；实施周期指标值:≥500元；年度指标值:≥100人次。
3、1-产出指标；13-时效指标；办理时长（小时）；实施周期指标值:≤95%；年度指标值:≤3天。
4、1-产出指标；11-数量指标；其他试验(水稻)；实施周期指标值:≧3组；年度指标值:≧3组。
5、2-效益指标；21-经济效益；实际使用外资金额（亿美元）；实施周期指标值:≥400亿元人民币；年度指标值:≥25亿美元。
6、1-产出指标；11-数量指标；服务企业数（家）；实施周期指标值:≥20家；年度指标值:≥2万家。
";

#[test]
fn unit_checks_are_graded_by_how_sure_they_are() {
    let doc: Document = UNITS.parse().expect("the units table parses");
    let r = check(&doc, &CheckConfig::default());
    // Other measures, or units of one measure that do not convert: errors.
    at(
        &r,
        CheckCode::UnitContradiction,
        &[
            (1, 2, "实施周期指标值 "),
            (1, 3, "实施周期指标值 "),
            (1, 3, "年度指标值 «≤"),
            (1, 5, "实施周期指标值 "),
        ],
    );
    // Two counting words (个 and 家, 人 and 人次), or a word no unit this crate knows: warnings.
    at(
        &r,
        CheckCode::UnitDiffers,
        &[
            (1, 1, "实施周期指标值 "),
            (1, 1, "年度指标值 «不"),
            (1, 2, "年度指标值 «≥"),
            (1, 4, "实施周期指标值 "),
            (1, 4, "年度指标值 «≧"),
        ],
    );
    assert!(
        r.of(CheckCode::UnitContradiction)
            .all(|f| f.severity == Severity::Error)
    );
    assert!(
        r.of(CheckCode::UnitDiffers)
            .all(|f| f.severity == Severity::Warning)
    );
    let first = r.of(CheckCode::UnitDiffers).next().expect("a finding");
    assert_eq!(
        first.message,
        "实施周期指标值 «不少于15家» is in 家 where the name states 个"
    );
    // Skipping one grade keeps the other.
    let config = CheckConfig::default().with_skip([CheckCode::UnitDiffers]);
    let r = check(&doc, &config);
    assert_eq!(r.of(CheckCode::UnitDiffers).count(), 0);
    assert_eq!(r.of(CheckCode::UnitContradiction).count(), 4);
}

#[test]
fn rate_not_percent() {
    at(
        &report(&CheckConfig::default()),
        CheckCode::RateNotPercent,
        &[(1, 3, "年度指标值 «9")],
    );
}

#[test]
fn percent_over_100() {
    at(
        &report(&CheckConfig::default()),
        CheckCode::PercentOver100,
        &[(1, 4, "实施周期指标值 ")],
    );
}

#[test]
fn annual_above_period() {
    at(
        &report(&CheckConfig::default()),
        CheckCode::AnnualAbovePeriod,
        &[(1, 5, "年度指标值 «≥")],
    );
}

#[test]
fn direction_against_name() {
    at(
        &report(&CheckConfig::default()),
        CheckCode::DirectionAgainstName,
        &[(1, 3, "实施周期指标值 "), (1, 9, "实施周期指标值 ")],
    );
}

#[test]
fn satisfaction_floor_and_its_threshold() {
    at(
        &report(&CheckConfig::default()),
        CheckCode::SatisfactionFloor,
        &[(1, 6, "实施周期指标值 ")],
    );
    let stricter = CheckConfig::default().with_satisfaction_floor(Decimal::from(90));
    at(
        &report(&stricter),
        CheckCode::SatisfactionFloor,
        &[(1, 6, "实施周期指标值 "), (1, 6, "年度指标值 «≥")],
    );
}

#[test]
fn not_quantified_spares_lasting_effects() {
    at(
        &report(&CheckConfig::default()),
        CheckCode::NotQuantified,
        &[(1, 7, "实施周期指标值 ")],
    );
}

#[test]
fn placeholders() {
    at(
        &report(&CheckConfig::default()),
        CheckCode::Placeholder,
        &[(1, 7, "年度指标值 «X"), (1, 8, "年度指标值 «≥")],
    );
}

#[test]
fn empty_values() {
    at(
        &report(&CheckConfig::default()),
        CheckCode::EmptyValue,
        &[(1, 9, "年度指标值 is")],
    );
}

#[test]
fn duplicate_indicators() {
    at(
        &report(&CheckConfig::default()),
        CheckCode::DuplicateIndicator,
        &[(1, 8, "the same")],
    );
}

#[test]
fn missing_tiers() {
    let r = report(&CheckConfig::default());
    let missing: Vec<_> = r
        .of(CheckCode::MissingTier)
        .map(|f| (f.project, f.message.clone()))
        .collect();
    assert_eq!(
        missing,
        [(
            Some(2),
            "no indicator of 2-效益指标, 3-满意度指标".to_string()
        )]
    );
}

#[test]
fn non_standard_symbols_give_the_canonical_form() {
    let r = report(&CheckConfig::default());
    let f: Vec<&Finding> = r.of(CheckCode::NonStandardSymbol).collect();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].indicator, Some(8));
    assert_eq!(
        f[0].message,
        "实施周期指标值 «≧10场» uses ≧; the canonical form is «≥10场»"
    );
    assert_eq!(f[0].severity, Severity::Info);
}

#[test]
fn skipped_checks_do_not_run() {
    let config = CheckConfig::default().with_skip(CheckCode::ALL);
    assert!(report(&config).findings.is_empty());
}

#[test]
fn findings_say_where() {
    let r = report(&CheckConfig::default());
    let f = r.of(CheckCode::TierCategory).next().expect("a finding");
    assert_eq!(f.unit.as_deref(), Some("某局"));
    assert_eq!(f.project_name.as_deref(), Some("检查项目"));
    assert_eq!(f.indicator_name.as_deref(), Some("投资额"));
    assert_eq!(f.line, Some(7));
    assert_eq!(
        f.to_string(),
        "7: warning[tier-category] project 1 «检查项目» indicator 1 «投资额»: filed under 1-产出指标 but 21-经济效益 belongs to 2-效益指标"
    );
}

#[test]
fn quantification_counts_typed_numbers() {
    let r = report(&CheckConfig::default());
    // Project 1: 20 values, of which 及时, XX, ≥, the empty one and 长期 twice are no numbers.
    assert_eq!(r.projects[0].quantification.values, 20);
    assert_eq!(r.projects[0].quantification.quantified, 14);
    assert_eq!(
        r.projects[1].quantification.rate(),
        Some(Decimal::ONE_HUNDRED)
    );
    assert_eq!(r.quantification.values, 22);
}

#[test]
fn the_real_table() {
    let doc: Document = include_str!("data/guangzhou_commerce_2024.txt")
        .parse()
        .expect("parses");
    let r = check(&doc, &CheckConfig::default());
    let names = |code| {
        r.of(code)
            .filter_map(|f| f.indicator_name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names(CheckCode::UnitContradiction),
        ["实际使用外资金额（亿美元）", "实际使用外资金额（亿美元）"]
    );
    // 个 and 家 both count: a warning, not an error.
    assert_eq!(
        names(CheckCode::UnitDiffers),
        ["扶持项目数（个）", "扶持项目数（个）"]
    );
    assert_eq!(
        names(CheckCode::AnnualAbovePeriod),
        ["广州港全年外贸货物吨数"]
    );
    assert!(
        names(CheckCode::NotQuantified)
            .contains(&"推动我市在形成全面开放新格局上走在全国前列".to_string())
    );
    assert!(names(CheckCode::RateNotPercent).contains(&"采购资金节约率".to_string()));
    assert_eq!(r.of(CheckCode::NonStandardSymbol).count(), 7);
    assert_eq!(r.of(CheckCode::MissingTier).count(), 22);
    for code in [
        CheckCode::SumMismatch,
        CheckCode::TierCategory,
        CheckCode::PercentOver100,
        CheckCode::DirectionAgainstName,
        CheckCode::SatisfactionFloor,
        CheckCode::Placeholder,
        CheckCode::EmptyValue,
        CheckCode::DuplicateIndicator,
    ] {
        assert_eq!(
            r.of(code).count(),
            0,
            "{code}: {:#?}",
            r.of(code).collect::<Vec<_>>()
        );
    }
    assert_eq!(
        (r.quantification.quantified, r.quantification.values),
        (633, 676)
    );
    assert_eq!(
        r.quantification.rate().map(|d| d.to_string()).as_deref(),
        Some("93.64")
    );
}

#[cfg(feature = "serde")]
#[test]
fn the_report_json_begins_with_its_format() {
    let r = report(&CheckConfig::default());
    let text = serde_json::to_string(&r).expect("serializes");
    assert!(
        text.starts_with("{\"format\":1,\"findings\":["),
        "{}",
        &text[..40]
    );
    let back: Report = serde_json::from_str(&text).expect("reads back");
    assert_eq!(back, r);
}

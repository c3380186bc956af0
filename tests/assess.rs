//! Scoring checked against cases computed by hand, edge cases included, and against the
//! sample actuals of the real table.

use jixiao::{Actuals, AssessConfig, Assessment, Document, Grade, MissingTier, Status, assess};
use rust_decimal::Decimal;

/// Two projects: one with every tier and a variety of targets, one with 产出 only.
const TABLE: &str = "某局2025年项目支出绩效目标表
部门名称：某局 单位：万元
合计 300.00 300.00
某局 300.00 300.00
    甲项目 100.00 100.00
目标。
1、1-产出指标；11-数量指标；培训场次；实施周期指标值:≥10场；年度指标值:≥10场。
2、1-产出指标；13-时效指标；办理时间（小时）；实施周期指标值:≤4；年度指标值:≤4。
3、1-产出指标；12-质量指标；安全事故率；实施周期指标值:0%；年度指标值:0%。
4、1-产出指标；14-成本指标；预算控制；实施周期指标值:控制在预算内；年度指标值:不超过预算。
5、2-效益指标；21-经济效益；带动投资（亿元）；实施周期指标值:≥10；年度指标值:≥10。
6、2-效益指标；22-社会效益；外贸进出口总额；实施周期指标值:不低于上年度；年度指标值:较上年增长10%。
7、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:≥90%；年度指标值:≥90%。
    乙项目 200.00 200.00
目标。
1、1-产出指标；11-数量指标；场次；实施周期指标值:≥2场；年度指标值:≥2场。
2、1-产出指标；12-质量指标；验收情况；实施周期指标值:达标；年度指标值:达标。
";

fn doc() -> Document {
    TABLE.parse().expect("the table parses")
}

fn d(s: &str) -> Decimal {
    s.parse().expect("decimal")
}

fn run(csv: &str, config: &AssessConfig) -> Assessment {
    let actuals: Actuals = csv.parse().expect("actuals");
    assess(&doc(), &actuals, config)
}

const ACTUALS: &str = "project,indicator,actual,baseline
1,1,8场,
1,2,5,
1,3,0%,
1,4,,
1,5,1.5亿美元,
1,6,1050万元,1000万元
1,7,96%,
1,budget,95,
2,1,3场,
2,2,部分达成年度指标并具有一定效果,
2,budget,210,
";

#[test]
fn each_indicator_by_hand() {
    let a = run(ACTUALS, &AssessConfig::default());
    let p = &a.projects[0];
    let scores: Vec<(u32, Decimal, Decimal, Status)> = p
        .indicators
        .iter()
        .map(|i| (i.seq, i.weight, i.score, i.status))
        .collect();
    assert_eq!(
        scores,
        [
            // 产出 50 over four indicators: 12.5 each.
            // 8 of ≥10场, 正向: 8 ÷ 10 × 12.5.
            (1, d("12.50"), d("10.00"), Status::Partial),
            // 5 hours (the name's unit) against ≤4, 反向: (1 − (5 − 4) ÷ 4) × 12.5.
            (2, d("12.50"), d("9.38"), Status::Partial),
            // 0% against a target of 0, 反向: full.
            (3, d("12.50"), d("12.50"), Status::Met),
            // No actual.
            (4, d("12.50"), d("0.00"), Status::Unscored),
            // 效益 30 over two: 亿美元 against the name's 亿元 cannot be reconciled.
            (5, d("15.00"), d("0.00"), Status::Unscored),
            // 上年 1000万元 and 增长10% make 1100万元: 1050 ÷ 1100 × 15.
            (6, d("15.00"), d("14.32"), Status::Partial),
            // 满意度 10.
            (7, d("10.00"), d("10.00"), Status::Met),
        ]
    );
    assert_eq!(
        p.indicators[1].note.as_deref(),
        Some("the actual «5» is read in the target's unit: 5小时")
    );
    assert_eq!(
        p.indicators[4].note.as_deref(),
        Some("cannot compare 1.5亿美元 with 10亿元: the units differ (美元, 元)")
    );
    // 预算执行率: 95 of 100 → 9.5.
    assert_eq!(
        (p.budget.score, p.budget.status),
        (d("9.50"), Status::Partial)
    );
    // 10 + 9.375 + 12.5 + 0 + 0 + 14.318… + 10 + 9.5 = 65.69…
    assert_eq!(p.score, d("65.69"));
    assert_eq!(p.grade, Grade::Fair);
    assert!(!p.complete);
}

#[test]
fn a_missing_tier_is_shared_or_lost() {
    let a = run(ACTUALS, &AssessConfig::default());
    let p = &a.projects[1];
    // 产出 only: its 50 becomes all 90, 45 each; 3 of ≥2场 is met and over 130%.
    assert_eq!(
        (p.indicators[0].weight, p.indicators[0].score),
        (d("45.00"), d("45.00"))
    );
    assert!(p.indicators[0].explain);
    // 部分达成: 70% of 45.
    assert_eq!(
        (p.indicators[1].score, p.indicators[1].status),
        (d("31.50"), Status::Partial)
    );
    // 预算: 210 of 200 is capped at 10.
    assert_eq!((p.budget.score, p.budget.status), (d("10.00"), Status::Met));
    assert_eq!(p.score, d("86.50"));
    assert_eq!(p.grade, Grade::Good);
    assert!(p.complete);

    let forfeit = AssessConfig::default().with_missing_tier(MissingTier::Forfeit);
    let p = &run(ACTUALS, &forfeit).projects[1];
    assert_eq!(p.indicators[0].weight, d("25.00"));
    // 25 + 17.5 + 10.
    assert_eq!(p.score, d("52.50"));
    assert_eq!(p.grade, Grade::Poor);
}

#[test]
fn given_weights_replace_the_even_share() {
    let csv = "project,indicator,actual,weight\n2,1,2场,40\n2,2,达成年度指标,\n";
    let p = &run(csv, &AssessConfig::default()).projects[1];
    // 90 for 产出: 40 given, the other takes the 50 left.
    assert_eq!(p.indicators[0].weight, d("40.00"));
    assert_eq!(p.indicators[1].weight, d("50.00"));
    assert_eq!(p.score, d("90.00"));
    assert_eq!(p.budget.status, Status::Unscored);
}

#[test]
fn a_relative_target_without_its_baseline_is_not_scored() {
    let p = &run(
        "project,indicator,actual\n1,6,1050万元\n",
        &AssessConfig::default(),
    )
    .projects[0];
    assert_eq!(p.indicators[5].status, Status::Unscored);
    assert_eq!(
        p.indicators[5].note.as_deref(),
        Some("a target against the previous year (上年度) needs the baseline value")
    );
}

#[test]
fn accidents_above_a_zero_target_score_nothing() {
    let p = &run(
        "project,indicator,actual\n1,3,0.5%\n",
        &AssessConfig::default(),
    )
    .projects[0];
    assert_eq!(
        (p.indicators[2].score, p.indicators[2].status),
        (d("0.00"), Status::Missed)
    );
}

#[test]
fn actuals_reconcile_across_scales() {
    let p = &run(
        "project,indicator,actual\n1,5,120000万元\n",
        &AssessConfig::default(),
    )
    .projects[0];
    // 12亿元 against ≥10亿元: met, and 120% needs no explanation.
    assert_eq!(p.indicators[4].status, Status::Met);
    assert!(!p.indicators[4].explain);
}

#[test]
fn the_sample_actuals_of_the_real_table() {
    let doc: Document = include_str!("data/guangzhou_commerce_2024.txt")
        .parse()
        .expect("parses");
    let actuals: Actuals = include_str!("data/guangzhou_commerce_2024_actuals.csv")
        .parse()
        .expect("the sample actuals read");
    let a = assess(&doc, &actuals, &AssessConfig::default());
    assert_eq!(a.projects.len(), 68);
    let first = &a.projects[0];
    assert_eq!((first.score, first.grade), (d("99.60"), Grade::Excellent));
    let all: Vec<_> = a.projects.iter().flat_map(|p| &p.indicators).collect();
    assert_eq!(all.len(), 338);
    let count = |s| all.iter().filter(|i| i.status == s).count();
    assert_eq!(
        count(Status::Met)
            + count(Status::Partial)
            + count(Status::Missed)
            + count(Status::Unscored),
        338
    );
    assert!(count(Status::Unscored) > 0 && count(Status::Partial) > 0);
    let mismatch = all
        .iter()
        .find(|i| i.name == "中欧班列年度进出口货值（亿美元）")
        .expect("the 中欧班列 indicator");
    assert_eq!(mismatch.status, Status::Unscored);
    for p in &a.projects {
        assert!(
            p.score <= d("100"),
            "project {} scores {}",
            p.project,
            p.score
        );
        assert_eq!(p.grade, AssessConfig::default().grades.grade(p.score));
    }
}

#[cfg(feature = "serde")]
#[test]
fn the_json_has_the_documented_fields() {
    let a = run(ACTUALS, &AssessConfig::default());
    let json: serde_json::Value = serde_json::to_value(&a).expect("serializes");
    // The format's version comes first, and reading passes over it.
    assert_eq!(json["format"], jixiao::json::FORMAT);
    let text = serde_json::to_string(&a).expect("serializes");
    assert!(text.starts_with("{\"format\":1,"), "{text}");
    let back: jixiao::Assessment = serde_json::from_str(&text).expect("reads back");
    assert_eq!(back, a);
    let mut without = json.clone();
    without.as_object_mut().map(|o| o.remove("format"));
    assert_eq!(
        serde_json::from_value::<jixiao::Assessment>(without).ok(),
        Some(a)
    );
    let p = &json["projects"][1];
    assert_eq!(p["project"], 2);
    assert_eq!(p["name"], "乙项目");
    assert_eq!(p["score"], "86.50");
    assert_eq!(p["grade"], "良");
    assert_eq!(p["indicators"][0]["seq"], 1);
    assert_eq!(p["indicators"][0]["weight"], "45.00");
    assert_eq!(p["indicators"][0]["score"], "45.00");
    assert_eq!(p["indicators"][1]["status"], "partial");
}

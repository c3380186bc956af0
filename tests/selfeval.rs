//! Self-evaluation tables (绩效自评表) scored as they stand: the weights, actual values and
//! money block the table prints, the rules' scores beside the table's own, and the checks of
//! what a department says of itself.

use jixiao::{
    Actuals, AssessConfig, Assessment, CheckCode, CheckConfig, Decimal, Document, Status, assess,
    check,
};

fn d(text: &str) -> Decimal {
    text.parse().expect("a decimal")
}

fn table(name: &str) -> Document {
    let path = format!("{}/tests/data/grids/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path)
        .expect("a table")
        .parse()
        .expect("it reads")
}

fn scored(doc: &Document) -> Assessment {
    assess(doc, &Actuals::default(), &AssessConfig::default())
}

/// An indicator's weight, the rules' score and the table's, by name.
#[track_caller]
fn row(a: &Assessment, name: &str) -> (Decimal, Decimal, Option<Decimal>, Status) {
    let i = a.projects[0]
        .indicators
        .iter()
        .find(|i| i.name == name)
        .unwrap_or_else(|| panic!("no indicator {name}"));
    (i.weight, i.score, i.stated_score, i.status)
}

#[test]
fn split_cells_score_by_the_rules_beside_the_table() {
    // 丽江 2020: every target met, and every row given 90% of its weight.
    let a = scored(&table("yunnan_lijiang-weipian_2020_split"));
    assert_eq!(
        row(&a, "衛片執法補助經費"),
        (d("10"), d("10"), Some(d("9.00")), Status::Met)
    );
    assert_eq!(
        row(&a, "違法行為責停率"),
        (d("30"), d("30"), Some(d("27.00")), Status::Met)
    );
    // 滿意度 shows one number, `10.00`, under 分值 or 得分: it is read, that number kept as
    // text, and its tier's weight (10) is its own; every target being met, the rules give 100.
    assert_eq!(row(&a, "滿意度"), (d("10"), d("10"), None, Status::Met));
    let project = &a.projects[0];
    assert_eq!(project.score, d("100.00"));
    assert_eq!(project.stated_score, Some(d("84.00")));
    assert_eq!(project.budget.stated_score, Some(d("10.00")));
}

#[test]
fn weights_before_targets_and_sub_rows() {
    // 萧县 2023: 分值 stands before the target; 其中… rows carry no weight of their own.
    let a = scored(&table("anhui_xiaoxian-zhongyang_2023_selfeval"));
    assert_eq!(
        row(&a, "★补助各类瓜果蔬菜种植面积"),
        (d("20"), d("20"), Some(d("20")), Status::Met)
    );
    assert_eq!(row(&a, "其中桃树种植面积").0, d("0"));
    assert_eq!(
        row(&a, "特色产业带动增加受益农户收入(总收入)"),
        (d("20"), d("20"), Some(d("20")), Status::Met)
    );
    assert_eq!(a.projects[0].budget.score, d("10.00"));
    assert_eq!(a.projects[0].score, d("90.00"));
    assert_eq!(a.projects[0].stated_score, Some(d("90")));
}

#[test]
fn a_money_block_read_from_cells_per_line() {
    // 廊坊 2019: 43.2 budgeted, 37.24 spent: 37.24 ÷ 43.2 × 10 = 8.62; the table says 9.
    let doc = table("hebei_langfang-shipinxuexiao_2019_selfeval");
    let a = scored(&doc);
    let budget = &a.projects[0].budget;
    assert_eq!(
        (budget.budget, budget.executed),
        (Some(d("43.2")), Some(d("37.24")))
    );
    assert_eq!(
        (budget.score, budget.stated_score),
        (d("8.62"), Some(d("9")))
    );
    assert_eq!(budget.stated_rate, Some(d("86")));
    assert_eq!(
        row(&a, "指标1工程资金金额"),
        (d("10"), d("8.62"), Some(d("9")), Status::Partial)
    );
}

#[test]
fn words_for_results_read_by_band() {
    // 棠溪 2022, one line of space-separated text: 达成预期指标 is an achieved result.
    let a = scored(&table("anhui_tangxi-weituo_2022_selfeval"));
    assert_eq!(
        row(&a, "经费支出合规性"),
        (d("8"), d("8"), Some(d("8")), Status::Met)
    );
    assert_eq!(a.projects[0].score, d("80.00"));
}

#[test]
fn glued_weights_and_targets_come_apart() {
    let doc: Document = "绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分\n\
                         产出指标(20分)数量指标安装坡面水标尺10≥266米≥266米10\n\
                         质量指标监测合格率10≥95%90%9"
        .parse()
        .expect("glued text reads");
    let a = scored(&doc);
    assert_eq!(
        row(&a, "安装坡面水标尺"),
        (d("10"), d("10"), Some(d("10")), Status::Met)
    );
    // 90% of 95%: 9.47.
    assert_eq!(
        row(&a, "监测合格率"),
        (d("10"), d("9.47"), Some(d("9")), Status::Partial)
    );
}

/// A clean self-evaluation: weights add up, every score is the rules', reasons are given.
const CLEAN: &str = "\
项目支出绩效自评表
项目名称 | 维修项目 | ||||||
项目资金(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
年度资金总额 | 100 | 100 | 95 | 10 | 95% | 9.5 |
一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |
产出指标 | 数量指标 | 维修面积 | ≥400平方米 | 420平方米 | 30 | 30 | |
质量指标 | 验收合格率 | 100% | 98% | 20 | 19.6 | 两处返工 |
效益指标 | 社会效益指标 | 服务群众人数 | ≥1000人 | 1200人 | 30 | 30 | |
满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% | 95% | 10 | 10 | |";

/// The self-evaluation checks a text trips.
fn tripped(text: &str) -> Vec<CheckCode> {
    let doc: Document = text.parse().expect("the table reads");
    let report = check(&doc, &CheckConfig::default());
    let mut codes: Vec<CheckCode> = report
        .findings
        .iter()
        .map(|f| f.code)
        .filter(|c| {
            matches!(
                c,
                CheckCode::ScoreAboveWeight
                    | CheckCode::WeightsTotal
                    | CheckCode::ScoreUnjustified
                    | CheckCode::FullMarksMissed
                    | CheckCode::ReasonMissing
                    | CheckCode::RateMismatch
                    | CheckCode::BudgetScoreMismatch
                    | CheckCode::ExplanationMissing
                    | CheckCode::PlaceholderRow
            )
        })
        .collect();
    codes.sort();
    codes
}

#[test]
fn a_clean_table_trips_no_check() {
    let doc: Document = CLEAN.parse().expect("reads");
    let a = scored(&doc);
    assert_eq!(a.projects[0].score, d("99.10"));
    assert_eq!(a.projects[0].stated_score, Some(d("99.1")));
    assert_eq!(tripped(CLEAN), []);
}

#[track_caller]
fn trips(from: &str, to: &str, codes: &[CheckCode]) {
    assert!(CLEAN.contains(from), "{from}");
    assert_eq!(tripped(&CLEAN.replace(from, to)), codes, "{to}");
}

#[test]
fn each_check_trips_on_its_fault() {
    trips(
        "维修面积 | ≥400平方米 | 420平方米 | 30 | 30",
        "维修面积 | ≥400平方米 | 420平方米 | 30 | 30.2",
        &[CheckCode::ScoreAboveWeight],
    );
    trips(
        "群众满意度 | ≥90% | 95% | 10 | 10",
        "群众满意度 | ≥90% | 95% | 15 | 15",
        &[CheckCode::WeightsTotal],
    );
    trips(
        "100% | 98% | 20 | 19.6 | 两处返工",
        "100% | 98% | 20 | 18 | 两处返工",
        &[CheckCode::ScoreUnjustified],
    );
    trips(
        "100% | 98% | 20 | 19.6 | 两处返工",
        "100% | 98% | 20 | 20 | 两处返工",
        &[CheckCode::FullMarksMissed],
    );
    trips(
        "100% | 98% | 20 | 19.6 | 两处返工 |",
        "100% | 98% | 20 | 19.6 | |",
        &[CheckCode::ReasonMissing],
    );
    trips(
        "95 | 10 | 95% | 9.5",
        "95 | 10 | 90% | 9.5",
        &[CheckCode::RateMismatch],
    );
    trips(
        "95 | 10 | 95% | 9.5",
        "95 | 10 | 95% | 8",
        &[CheckCode::BudgetScoreMismatch],
    );
    trips(
        "≥1000人 | 1200人",
        "≥1000人 | 1400人",
        &[CheckCode::ExplanationMissing],
    );
    trips(
        "服务群众人数 | ≥1000人",
        "服务群众人数(≥**人) | ≥1000人",
        &[CheckCode::PlaceholderRow],
    );
}

#[test]
fn a_csv_of_actuals_overrides_the_table() {
    let doc: Document = CLEAN.parse().expect("reads");
    let actuals: Actuals = "project,indicator,actual\n1,2,100%".parse().expect("csv");
    let a = assess(&doc, &actuals, &AssessConfig::default());
    assert_eq!(
        row(&a, "验收合格率"),
        (d("20"), d("20"), Some(d("19.6")), Status::Met)
    );
}

#[test]
fn actuals_keyed_by_name_are_placed_or_noted() {
    let doc: Document = CLEAN.parse().expect("reads");
    let name = doc.projects().next().expect("a project").name.clone();
    let csv = format!(
        "project,indicator,actual\n{name},验收合格率,100%\n1,没有的指标,5\n另一个项目,验收合格率,1\n1,2,90%"
    );
    let actuals: Actuals = csv.parse().expect("csv");
    let a = assess(&doc, &actuals, &AssessConfig::default());
    // The row by position comes first; the named row for the same place is noted.
    assert_eq!(
        row(&a, "验收合格率"),
        (d("20"), d("18"), Some(d("19.6")), Status::Partial)
    );
    assert_eq!(
        a.notes,
        [
            "line 2: project 1 indicator 2 is given a value by position too: that one is kept"
                .to_owned(),
            format!(
                "line 3: project 1 «{name}» has no indicator named «没有的指标»: its value is not scored"
            ),
            "line 4: no project is named «另一个项目»: its value is not scored".to_owned(),
        ]
    );
}

#[test]
fn a_name_shared_by_projects_is_not_guessed() {
    let path = format!(
        "{}/tests/data/guangzhou_commerce_2024.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let doc: Document = std::fs::read_to_string(path)
        .expect("the sample")
        .parse()
        .expect("reads");
    let mut actuals = Actuals::default();
    actuals.set_named("服务贸易专题", "扶持资金拨付正确率", "100%");
    let a = assess(&doc, &actuals, &AssessConfig::default());
    assert_eq!(a.notes.len(), 1);
    assert!(
        a.notes[0].starts_with("11 projects are named «服务贸易专题» (positions 1, 2, 3,"),
        "{}",
        a.notes[0]
    );
    assert!(a.projects[0].indicators[0].actual.is_none());
}

#[test]
fn a_goal_block_under_its_own_headings() {
    // 萧县: `年度总体目标 | 年初设定目标 | 年度总体目标完成情况综述`, then the two texts.
    let doc = table("anhui_xiaoxian-zhongyang_2023_selfeval");
    let project = doc.projects().next().expect("a project");
    assert_eq!(
        project.goal,
        "落实39户特色种养业奖补政策,增加脱贫户家庭收入"
    );
    assert_eq!(
        project.goal_actual.as_deref(),
        Some("落实39户特色种养业奖补政策,增加脱贫户家庭收入")
    );
}

#[test]
fn a_money_block_under_a_merged_label_in_a_positional_grid() {
    use jixiao::{Cell, Grid, Layout, Rows};
    // As a spreadsheet lays it out: the block's label merged down its rows, headers merged
    // over two cells and repeated in each.
    let rows: [&[&str]; 5] = [
        &["项目名称", "维修项目", "", "", "", "", "", ""],
        &[
            "资金情况(万元)",
            "",
            "全年预算数",
            "全年执行数",
            "分值",
            "分值",
            "执行率",
            "得分",
            "得分",
        ],
        &["", "年度资金总额:", "100", "95", "10", "", "95%", "9.5", ""],
        &[
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
        ],
        &[
            "产出指标",
            "数量指标",
            "维修面积",
            "≥400平方米",
            "420平方米",
            "90",
            "90",
        ],
    ];
    let mut grid = Grid::new(Layout::Spreadsheet, Rows::Positional);
    for (line, row) in rows.iter().enumerate() {
        grid.push_row(
            row.iter()
                .enumerate()
                .map(|(column, text)| Cell::new(*text, line + 1, column + 1))
                .collect(),
        );
    }
    let doc = Document::from_grids(&[grid]).expect("reads");
    let project = doc.projects().next().expect("a project");
    let money = &project.execution[0];
    assert_eq!(
        (
            money.budget,
            money.executed,
            money.weight,
            money.rate,
            money.score
        ),
        (
            Some(d("100")),
            Some(d("95")),
            Some(d("10")),
            Some(d("95")),
            Some(d("9.5"))
        )
    );
}

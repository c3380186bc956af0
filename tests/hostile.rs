//! Hostile input (issue 11): every reproducer of the issue, each failing without its fix. No
//! panic, a clear error, a diagnostic or a note for what cannot be taken at face value, and
//! nothing typed wrongly instead of refused. Their time is shown by `benches/hostile.rs`.

mod shapes;

use jixiao::{
    Actuals, AssessConfig, Assessment, CheckCode, CheckConfig, Decimal, Diagnostic, DiagnosticCode,
    Document, Kind, Status, Target, TargetErrorKind, assess, check,
};

/// Parses a table that must be one.
#[track_caller]
fn table(text: &str) -> Document {
    match text.parse() {
        Ok(doc) => doc,
        Err(e) => panic!("not a table: {e}\n{text}"),
    }
}

/// The diagnostics of a code, as `line:column: message`.
fn said(doc: &Document, code: DiagnosticCode) -> Vec<String> {
    doc.diagnostics
        .iter()
        .filter(|d| d.code == code)
        .map(|d: &Diagnostic| format!("{}:{}: {}", d.line, d.column, d.message))
        .collect()
}

/// Asserts a value is kept as text, and that the strict parse says `message`.
#[track_caller]
fn refused(text: &str, message: &str) {
    let lenient = Target::lenient(text);
    assert_eq!(lenient.kind(), Kind::Text, "{text:?} read as {lenient:?}");
    assert_eq!(lenient.raw(), text.trim());
    match text.parse::<Target>() {
        Ok(t) => panic!("{text:?} parsed strictly: {t:?}"),
        Err(e) => assert_eq!(e.to_string(), message, "for {text:?}"),
    }
}

/// Asserts the canonical form of a value reads back as the same value.
#[track_caller]
fn canonical_reads_back(text: &str) {
    let t = Target::lenient(text);
    let canonical = t.to_string();
    assert_eq!(Target::lenient(&canonical), t, "{text:?} → {canonical:?}");
}

// ---------------------------------------------------------------------------------------------
// Values typed wrongly instead of refused

#[test]
fn a_number_too_large_to_hold_is_refused_not_read_from_its_tail() {
    refused(
        "99999999999999999999999999999999.5",
        "expected a number of at most 28 digits at byte 29 (column 30), found '9'",
    );
    let groups = ["234"; 10].join(",");
    refused(
        &groups,
        "expected a number of at most 28 digits at byte 38 (column 39), found '4'",
    );
    // 28 digits and 29 up to the largest hold.
    let most = Target::lenient("79228162514264337593543950335家");
    assert_eq!(most.to_string(), "79228162514264337593543950335家");
}

#[test]
fn exponents_are_no_numbers_the_grammar_reads() {
    refused(
        "1e400",
        "expected the end of the value at byte 2 (column 3), found '4'",
    );
    refused(
        "≥1e400%",
        "expected the end of the value at byte 5 (column 4), found '4'",
    );
}

#[test]
fn hidden_characters_inside_a_number_are_not_skipped() {
    refused(
        "≥9\u{200D}0%",
        "expected a number without hidden characters at byte 4 (column 3), found '\\u{200d}'",
    );
    refused(
        "≥9\u{0} 0%",
        "expected text without control characters at byte 4 (column 3), found '\\0'",
    );
    refused(
        "8\"5%",
        "expected the end of the value at byte 1 (column 2), found '\"'",
    );
    refused(
        "8\u{0}5%",
        "expected text without control characters at byte 1 (column 2), found '\\0'",
    );
    refused(
        "8\u{200D}5%",
        "expected a number without hidden characters at byte 1 (column 2), found '\\u{200d}'",
    );
}

#[test]
fn canonical_forms_read_back_as_the_same_value() {
    for text in [
        "两千年",
        "2024/ 一",
        "上年度截至一月",
        "2024，截至2024年上年度",
    ] {
        canonical_reads_back(text);
    }
    assert_eq!(Target::lenient("两千年").kind(), Kind::Qualitative);
    assert_eq!(Target::lenient("2024/ 一").kind(), Kind::Text);
    assert_eq!(
        Target::lenient("2024，截至2024年上年度").to_string(),
        "2024，截至2024年：上年度"
    );
}

// ---------------------------------------------------------------------------------------------
// Caps on a value and a compound

#[test]
fn a_value_longer_than_the_cap_is_kept_as_text() {
    for (name, unit) in shapes::VALUE_UNITS {
        let long = shapes::repeat(unit, 100_000);
        let t = Target::lenient(&long);
        assert_eq!(t.kind(), Kind::Text, "{name}");
        assert_eq!(t.raw().len(), long.trim().len(), "{name}");
        let err = long.parse::<Target>().unwrap_err();
        assert_eq!(err.kind(), TargetErrorKind::TooLong, "{name}");
    }
    let err = "1"
        .repeat(Target::MAX_CHARS + 1)
        .parse::<Target>()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "a target value is at most 1000 characters: this one is longer, and is kept as text"
    );
    // At the cap, the value is read.
    let most = format!("≥{}", "1".repeat(Target::MAX_CHARS - 1));
    assert_eq!(Target::lenient(&most).kind(), Kind::Text);
    assert_ne!(
        most.parse::<Target>().unwrap_err().kind(),
        TargetErrorKind::TooLong
    );
}

#[test]
fn a_compound_of_more_parts_than_the_cap_is_kept_as_text() {
    let many = shapes::repeat("1 ", 2 * (Target::MAX_PARTS + 1));
    let t = Target::lenient(&many);
    assert_eq!(t.kind(), Kind::Text);
    let err = many.parse::<Target>().unwrap_err();
    assert_eq!(
        err.to_string(),
        "a compound value has at most 64 parts: this one has 65, and is kept as text"
    );
    let most = shapes::repeat("1 ", 2 * Target::MAX_PARTS);
    assert_eq!(Target::lenient(&most).parts().len(), Target::MAX_PARTS);
}

// ---------------------------------------------------------------------------------------------
// Tables

#[test]
fn three_amounts_whose_sum_overflows_end_no_row_and_panic_nowhere() {
    let max = "79228162514264337593543950335";
    let mut text = shapes::table_with_value("≥1场");
    text.push_str(&format!("说明 {max} {max} {max}\n"));
    let doc = table(&text);
    assert_eq!(doc.projects().count(), 1);
    // The line is text under the project, read as nothing else.
    assert_eq!(doc.indicators().count(), 1);
}

#[test]
fn row_totals_whose_sum_overflows_are_a_diagnostic() {
    let most = "792281625142643375935439503.35";
    let mut text = shapes::head(&format!("{most} {most}"));
    text.push_str(&format!("某局 {most} {most}\n"));
    text.push_str(&shapes::project(
        "甲项目",
        most,
        &[shapes::record(1, "场次", "≥1场")],
    ));
    text.push_str(&shapes::project(
        "乙项目",
        most,
        &[shapes::record(1, "次数", "≥1次")],
    ));
    let doc = table(&text);
    assert_eq!(
        said(&doc, DiagnosticCode::SumMismatch),
        [
            "5:4: «某局»: the total 792281625142643375935439503.35 is not the sum of its projects, which add up to more than an amount can hold"
        ]
    );
    assert_eq!(doc.projects().count(), 2);
}

#[test]
fn two_huge_projects_are_settled_by_their_sums_without_wrapping() {
    let huge = "9223372036854775808.00";
    let text = format!(
        "{head}某局 18446744073709551621.00 18446744073709551616.00 5.00\n{a}{b}{c}",
        head = shapes::head("18446744073709551621.00 18446744073709551616.00 5.00"),
        a = shapes::project("甲项目", huge, &[shapes::record(1, "场次", "≥1场")]),
        b = shapes::project("乙项目", huge, &[shapes::record(1, "次数", "≥1次")]),
        c = shapes::project("丙项目", "5.00", &[shapes::record(1, "人数", "≥1人")]),
    );
    let doc = table(&text);
    let projects: Vec<_> = doc.projects().collect();
    assert_eq!(projects.len(), 3);
    for p in &projects[..2] {
        assert_eq!(p.funding.not_fiscal(), None, "{}", p.name);
        assert_eq!(
            p.funding.fiscal.map(|f| f.to_string()).as_deref(),
            Some(huge)
        );
    }
    assert_eq!(
        projects[2]
            .funding
            .not_fiscal()
            .map(|f| f.to_string())
            .as_deref(),
        Some("5.00")
    );
    assert!(said(&doc, DiagnosticCode::SumMismatch).is_empty());
}

#[test]
fn a_stray_label_line_is_text_not_a_header() {
    let mut text = shapes::head("30.00 30.00");
    text.push_str("某局 30.00 30.00\n");
    text.push_str("    甲项目 10.00 10.00\n目标。\n项目名称以批复为准\n");
    text.push_str(&shapes::record(1, "场次", "≥1场"));
    text.push('\n');
    text.push_str(&shapes::project(
        "乙项目",
        "20.00",
        &[shapes::record(1, "次数", "≥1次")],
    ));
    let doc = table(&text);
    let projects: Vec<_> = doc.projects().collect();
    assert_eq!(projects.len(), 2);
    assert_eq!(projects[0].goal, "目标。项目名称以批复为准");
    assert_eq!(projects[0].indicators[0].name, "场次");
    assert_eq!(projects[1].name, "乙项目");
    assert_eq!(projects[1].indicators[0].name, "次数");
    assert!(said(&doc, DiagnosticCode::SumMismatch).is_empty());
    // The column header repeated at the top of a page is still skipped, and said.
    let repeated = text.replace(
        "    乙项目",
        "\u{c}项目名称 总计 财政拨款\n财政专户\n绩效目标 绩效指标\n    乙项目",
    );
    let doc = table(&repeated);
    assert_eq!(doc.projects().count(), 2);
    assert_eq!(
        said(&doc, DiagnosticCode::LayoutSkipped),
        ["10:1: column header «项目名称 总计 财政拨款» skipped"]
    );
}

#[test]
fn a_thirty_digit_amount_keeps_its_row() {
    let thirty = "123456789012345678901234567890.00";
    let mut text = shapes::head("10.00 10.00");
    text.push_str("某局 10.00 10.00\n");
    text.push_str(&shapes::project(
        "甲项目",
        "10.00",
        &[shapes::record(1, "场次", "≥1场")],
    ));
    text.push_str(&shapes::project(
        "乙项目",
        thirty,
        &[shapes::record(1, "次数", "≥1次")],
    ));
    let doc = table(&text);
    let projects: Vec<_> = doc.projects().collect();
    assert_eq!(projects.len(), 2);
    assert_eq!(projects[0].indicators.len(), 1);
    assert_eq!(projects[1].indicators[0].name, "次数");
    assert_eq!(projects[1].funding.total, None);
    assert_eq!(
        said(&doc, DiagnosticCode::AmountRefused),
        [
            "9:9: «乙项目»: the amount 123456789012345678901234567890.00 has more digits than an exact decimal holds: the row's money is left out"
        ]
    );
    // The sums its money is part of prove nothing, and are not checked.
    assert!(said(&doc, DiagnosticCode::SumMismatch).is_empty());
}

#[test]
fn negative_money_is_refused() {
    let mut text = shapes::head("10.00 10.00");
    text.push_str("某局 10.00 10.00\n");
    text.push_str(&shapes::project(
        "甲项目",
        "-5.00",
        &[shapes::record(1, "场次", "≥1场")],
    ));
    text.push_str(&shapes::project(
        "乙项目",
        "15.00",
        &[shapes::record(1, "次数", "≥1次")],
    ));
    let doc = table(&text);
    assert_eq!(
        said(&doc, DiagnosticCode::AmountRefused),
        [
            "6:9: «甲项目»: the amount -5.00 is negative, and money never is: the row's money is left out"
        ]
    );
    assert_eq!(doc.projects().next().map(|p| p.funding.total), Some(None));
}

#[test]
fn a_value_of_100k_digits_in_a_table_is_text_with_a_diagnostic() {
    let doc = table(&shapes::table_with_value(&"1".repeat(100_000)));
    let i = doc.indicators().next().expect("an indicator");
    assert_eq!(i.annual.kind(), Kind::Text);
    assert_eq!(
        said(&doc, DiagnosticCode::ValueCapped),
        [
            "8:39: 年度指标值 of indicator 1 «场次»: a target value is at most 1000 characters: this one is longer, and is kept as text"
        ]
    );
}

#[test]
fn a_line_of_a_million_parts_is_text_with_a_diagnostic() {
    let doc = table(&shapes::long_compound_line(2_000_000));
    let i = doc.indicators().next().expect("an indicator");
    assert_eq!(i.annual.kind(), Kind::Text);
    assert_eq!(said(&doc, DiagnosticCode::ValueCapped).len(), 1);
}

#[test]
fn a_header_wider_than_any_grid_is_text_and_the_grid_below_is_read() {
    // Placing cells costs their number times the columns': a header of thousands of columns
    // over rows of thousands of cells took seconds and gigabytes.
    let wide = ["一级指标", "三级指标", "指标值"]
        .into_iter()
        .chain(std::iter::repeat_n("备注", 5_000))
        .collect::<Vec<_>>()
        .join(" | ");
    let cells = ["产出指标", "场次", "≥2场"]
        .into_iter()
        .chain(std::iter::repeat_n("无", 5_000))
        .collect::<Vec<_>>()
        .join(" | ");
    let text = format!(
        "{wide}\n{cells}\n{cells}\n一级指标 | 三级指标 | 指标值\n效益指标 | 就业 | ≥10人\n"
    );
    let doc = table(&text);
    assert_eq!(
        doc.indicators()
            .map(|i| i.name.as_str())
            .collect::<Vec<_>>(),
        ["就业"]
    );
    assert!(
        said(&doc, DiagnosticCode::LayoutSkipped)
            .iter()
            .any(|m| m.starts_with("1:1: a header of 5003 columns, more than the 64")),
        "{:?}",
        said(&doc, DiagnosticCode::LayoutSkipped)
    );
}

#[test]
fn many_records_on_one_line_are_all_read_where_they_are() {
    let doc = table(&shapes::records_on_one_line(2_000));
    assert_eq!(doc.indicators().count(), 2_000);
    let last = doc.indicators().last().expect("records");
    assert_eq!(last.line, Some(7));
}

#[test]
fn the_money_search_budget_is_the_document_s() {
    let doc = table(&shapes::money_searches(20, 2));
    assert_eq!(doc.projects().count(), 40);
    let spent = said(&doc, DiagnosticCode::ColumnUnresolved)
        .iter()
        .filter(|m| m.contains("the document's search budget is spent"))
        .count();
    // The first unit's search fits; the others' would go beyond the budget.
    assert_eq!(spent, 38);
}

// ---------------------------------------------------------------------------------------------
// Checks and scores

const REAL: &str = include_str!("data/guangzhou_commerce_2024.txt");

fn real() -> Document {
    table(REAL)
}

/// Scores the real table against actuals read from CSV.
#[track_caller]
fn scored(csv: &str) -> Assessment {
    let actuals: Actuals = match csv.parse() {
        Ok(a) => a,
        Err(e) => panic!("{csv}: {e}"),
    };
    assess(&real(), &actuals, &AssessConfig::default())
}

/// The CSV error for a text.
#[track_caller]
fn csv_error(csv: &str) -> String {
    match csv.parse::<Actuals>() {
        Ok(a) => panic!("{csv:?} was read: {a:?}"),
        Err(e) => e.to_string(),
    }
}

/// One indicator's score: status, score and note.
fn indicator(a: &Assessment, project: usize, seq: u32) -> (Status, String, Option<String>) {
    let i = &a.projects[project - 1].indicators[seq as usize - 1];
    (i.status, i.score.to_string(), i.note.clone())
}

#[test]
fn a_huge_percentage_is_met_and_needs_an_explanation() {
    let a = scored("project,indicator,actual\n1,2,79228162514264337593543950335%");
    let (status, score, note) = indicator(&a, 1, 2);
    assert_eq!((status, score.as_str()), (Status::Met, "25.00"));
    assert_eq!(
        note.as_deref(),
        Some(
            "the actual 79228162514264337593543950335% is too many times the target 90% to say how many: it needs a written explanation"
        )
    );
}

#[test]
fn an_actual_over_a_tiny_target_scores_without_a_panic() {
    let doc = table(&shapes::table_with_value(
        "≥0.0000000000000000000000000001场",
    ));
    let actuals: Actuals = "project,indicator,actual\n1,1,1000000场"
        .parse()
        .expect("csv");
    let a = assess(&doc, &actuals, &AssessConfig::default());
    let i = &a.projects[0].indicators[0];
    assert_eq!(i.status, Status::Met);
    assert!(i.explain);
    // Below it, the ratio is scored; a negative direction falls to zero.
    let actuals: Actuals = "project,indicator,actual\n1,1,0场".parse().expect("csv");
    let a = assess(&doc, &actuals, &AssessConfig::default());
    assert_eq!(a.projects[0].indicators[0].status, Status::Missed);
}

#[test]
fn an_actual_found_by_the_fuzzer_scores_without_a_panic() {
    let a = scored("project,indicator,actual\n3,4,38家79228162514264337593543950335");
    let i = &a.projects[2].indicators[3];
    assert!(i.explain, "{i:?}");
}

#[test]
fn a_huge_amount_executed_is_unscored_with_a_note() {
    let a = scored("project,indicator,actual\n44,budget,79228162514264337593543950335");
    let b = &a.projects[43].budget;
    assert_eq!(b.status, Status::Unscored);
    assert_eq!(
        b.note.as_deref(),
        Some(
            "the amount executed 79228162514264337593543950335 against the budget 2.60 is too large to score"
        )
    );
    assert!(!a.projects[43].complete);
}

/// A project with a target against the previous year.
const RELATIVE: &str = "某局2025年项目支出绩效目标表
部门名称：某局 单位：万元
合计 10.00 10.00
某局 10.00 10.00
    甲项目 10.00 10.00
目标。
1、2-效益指标；21-经济效益指标；进出口总额（亿元）；实施周期指标值:不低于上年度；年度指标值:较上年增长10%。
2、2-效益指标；21-经济效益指标；出口额（亿元）；实施周期指标值:不低于上年度；年度指标值:较上年增长10亿元。
";

#[test]
fn a_huge_baseline_is_unscored_with_a_note() {
    let doc = table(RELATIVE);
    let max = "79228162514264337593543950335";
    let csv =
        format!("project,indicator,actual,baseline\n1,1,5亿元,{max}亿元\n1,2,5亿元,{max}亿元");
    let actuals: Actuals = csv.parse().expect("csv");
    let a = assess(&doc, &actuals, &AssessConfig::default());
    for (i, change) in a.projects[0].indicators.iter().zip(["10%", "10亿元"]) {
        assert_eq!(i.status, Status::Unscored);
        assert_eq!(
            i.note.as_deref(),
            Some(
                format!("the baseline {max}亿元 with the change {change} is too large to score")
                    .as_str()
            )
        );
    }
}

#[test]
fn weights_are_from_0_to_100_and_add_up_to_at_most_100() {
    for w in ["-500", "1000"] {
        assert_eq!(
            csv_error(&format!("project,indicator,actual,weight\n1,1,100%,{w}")),
            format!("line 2: weight {w} is not from 0 to 100")
        );
    }
    // Weights set by hand are refused where they are scored.
    let mut actuals = Actuals::default();
    actuals
        .set(1, 1, "100%")
        .set_weight(1, 1, Decimal::from(-500))
        .set(1, 2, "100%")
        .set_weight(1, 2, Decimal::MAX);
    let a = assess(&real(), &actuals, &AssessConfig::default());
    let p = &a.projects[0];
    assert_eq!(
        p.indicators[0].note.as_deref(),
        Some("the weight -500 given is not from 0 to 100")
    );
    assert_eq!(p.indicators[1].status, Status::Unscored);
    assert!(p.score >= Decimal::ZERO && p.score <= Decimal::ONE_HUNDRED);
    // Weights from 0 to 100 that add up to more than 100 are refused too.
    let a = scored(
        "project,indicator,actual,weight\n1,1,100%,90\n1,2,100%,90\n1,3,2次,\n1,budget,780,",
    );
    let p = &a.projects[0];
    assert_eq!(p.indicators[0].status, Status::Unscored);
    assert!(p.score <= Decimal::ONE_HUNDRED, "{}", p.score);
    assert_eq!(
        p.indicators[0].note.as_deref(),
        Some(
            "the weights of the project, with the weights given and the budget's 10, add up to 230: more than 100"
        )
    );
    // Configured weights whose sum overflows leave the indicators unscored.
    let config = AssessConfig::default().with_weights(
        jixiao::Weights::default()
            .with_output(Decimal::MAX)
            .with_benefit(Decimal::MAX)
            .with_satisfaction(Decimal::MAX)
            .with_budget(Decimal::TEN),
    );
    let actuals: Actuals = "project,indicator,actual\n1,1,100%".parse().expect("csv");
    let a = assess(&real(), &actuals, &config);
    assert_eq!(
        a.projects[0].indicators[0].note.as_deref(),
        Some("its weight is too large to score")
    );
}

#[test]
fn the_actuals_csv_checks_its_fields_and_header() {
    assert_eq!(
        csv_error("project,indicator,actual\n1,4,1,300家"),
        "line 2: 4 fields where the header has 3 (project,indicator,actual): a field with a comma is quoted"
    );
    assert_eq!(
        csv_error("project,indicator,actual\n1,4"),
        "line 2: 2 fields where the header has 3 (project,indicator,actual): a field with a comma is quoted"
    );
    assert_eq!(
        csv_error("project,indicator,actual,actual\n1,4,1,2"),
        "the column \"actual\" is named twice in the header"
    );
    let a = scored("project,indicator,actual\n1,4,\"1,300家\"");
    assert_eq!(indicator(&a, 1, 4).0, Status::Met);
}

#[test]
fn qualitative_results_are_whole_phrases_and_numbers_in_words_are_read() {
    let a = scored("project,indicator,actual\n1,2,达成率60%\n1,3,基本达成\n1,4,达成");
    // 达成率60% is 60% of a target of 90%.
    assert_eq!(indicator(&a, 1, 2).1, "16.67");
    // 基本达成 is in the partial band of the vocabulary of results in words, not met.
    let (status, _, _) = indicator(&a, 1, 3);
    assert_eq!(status, Status::Partial);
    assert_eq!(indicator(&a, 1, 4).0, Status::Met);
    // A word in no band is unscored, with a note.
    let a = scored("project,indicator,actual\n1,3,还行");
    let (status, _, note) = indicator(&a, 1, 3);
    assert_eq!(status, Status::Unscored);
    assert_eq!(
        note.as_deref(),
        Some(
            "the actual «还行» is no result the rules name (达成年度指标, 部分达成年度指标并具有一定效果, 未达成年度指标且效果较差) and states no number"
        )
    );
}

#[test]
fn hidden_characters_in_an_actual_leave_it_unscored() {
    for actual in ["8\"5%", "8\u{0}5%", "8\u{200D}5%"] {
        let mut actuals = Actuals::default();
        actuals.set(1, 2, actual);
        let a = assess(&real(), &actuals, &AssessConfig::default());
        let (status, _, note) = indicator(&a, 1, 2);
        assert_eq!(status, Status::Unscored, "{actual:?}");
        assert_eq!(
            note,
            Some(format!("the actual «{actual}» states no number")),
            "{actual:?}"
        );
    }
    // Unquoted in a CSV, the quote is read as written.
    let a = scored("project,indicator,actual\n1,2,8\"5%");
    assert_eq!(indicator(&a, 1, 2).0, Status::Unscored);
}

#[test]
fn values_for_projects_and_indicators_the_document_lacks_are_noted() {
    let a = scored("project,indicator,actual\n99999,1,5\n1,99,5\n1,1,100%\n99999,budget,5");
    assert_eq!(
        a.notes,
        [
            "line 3: project 1 «服务贸易专题» has no indicator 99: its value is not scored",
            "line 2: project 99999 is not in the document, which has 68 projects: its value is not scored",
            "line 5: project 99999 is not in the document, which has 68 projects: its value is not scored",
        ]
    );
    assert_eq!(indicator(&a, 1, 1).0, Status::Met);
}

#[test]
fn a_project_of_many_indicators_is_checked_and_scored_in_one_pass() {
    let n = 20_000;
    let mut text = shapes::many_indicators(n);
    text.push_str(&shapes::record(n + 1, "指标1", "≥1场"));
    let doc = table(&text);
    let report = check(&doc, &CheckConfig::default());
    let duplicates: Vec<_> = report.of(CheckCode::DuplicateIndicator).collect();
    assert_eq!(duplicates.len(), 1);
    assert_eq!(duplicates[0].message, "the same indicator as number 1");
    let actuals: Actuals = shapes::actuals(n).parse().expect("csv");
    let a = assess(&doc, &actuals, &AssessConfig::default());
    let p = &a.projects[0];
    assert_eq!(p.indicators.len(), n + 1);
    // 产出 alone takes the 90 of the three tiers, shared by all: all but one met.
    assert_eq!(p.score.to_string(), "90.00");
    assert_eq!(p.indicators[n].status, Status::Unscored);
}

// ---------------------------------------------------------------------------------------------
// What the fuzzers found (`tests/data/fuzz/<target>/`), replayed with their targets' checks

/// The inputs kept for a fuzz target.
fn fuzz_inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/fuzz")
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut inputs: Vec<(String, Vec<u8>)> = entries
        .filter_map(Result::ok)
        .map(|e| {
            let bytes = std::fs::read(e.path()).expect("a fuzz input");
            (e.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect();
    inputs.sort();
    inputs
}

#[test]
fn fuzz_inputs_of_the_value_grammar_hold() {
    for (name, bytes) in fuzz_inputs("target_lenient") {
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        let lenient = Target::lenient(text);
        match text.parse::<Target>() {
            Ok(strict) => assert_eq!(strict, lenient, "{name}"),
            Err(_) => assert_eq!(lenient.kind(), Kind::Text, "{name}"),
        }
        let plain = |t: &Target| {
            t.subject()
                .is_none_or(|s| s.chars().all(char::is_alphanumeric))
        };
        if plain(&lenient) && lenient.parts().iter().all(plain) {
            assert_eq!(Target::lenient(&lenient.to_string()), lenient, "{name}");
        }
    }
}

#[test]
fn fuzz_inputs_of_tables_and_scores_hold() {
    for (_, bytes) in fuzz_inputs("document") {
        if let Ok(doc) = Document::from_bytes(&bytes) {
            let _ = check(&doc, &CheckConfig::default());
        }
    }
    for (name, bytes) in fuzz_inputs("assess") {
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        let (doc, csv) = match text.split_once('\0') {
            Some((t, csv)) => match t.parse::<Document>() {
                Ok(doc) => (doc, csv),
                Err(_) => continue,
            },
            None => (real(), text),
        };
        if let Ok(actuals) = csv.parse::<Actuals>() {
            for p in assess(&doc, &actuals, &AssessConfig::default()).projects {
                assert!(p.score <= Decimal::ONE_HUNDRED, "{name}: {p:?}");
            }
        }
    }
}

#[test]
fn a_value_over_the_cap_in_a_grid_is_text_with_a_diagnostic() {
    let long = "1".repeat(2_000);
    let doc = table(&format!(
        "一级指标 | 二级指标 | 三级指标 | 指标值\n产出指标 | 数量指标 | 培训场次 | {long}\n"
    ));
    let i = doc.indicators().next().expect("an indicator");
    assert_eq!(i.annual.kind(), Kind::Text);
    assert_eq!(i.annual.raw(), long);
    assert_eq!(
        said(&doc, DiagnosticCode::ValueCapped),
        ["2:1: a target value is at most 1000 characters: this one is longer, and is kept as text"]
    );
}

#[test]
fn a_glued_line_of_labels_opening_brackets_keeps_each_bracket() {
    // Each label's weight is looked for among the next few characters only: the line is read
    // in linear time (`benches/hostile.rs`), and no bracket is taken into a label.
    let doc = table(&shapes::glued_open_brackets(3));
    assert_eq!(doc.layout, jixiao::Layout::Glued);
    let labels: Vec<_> = doc
        .indicators()
        .map(|i| (i.tier_label.as_deref(), i.tier))
        .collect();
    assert!(
        labels
            .iter()
            .all(|l| *l == (None, Some(jixiao::Tier::Output))),
        "{labels:?}"
    );
    assert_eq!(doc.indicators().count(), 3);
}

#[test]
fn a_glued_chain_of_ranges_and_a_run_of_digits_read_in_pieces() {
    // A range goes on over four links at most, and a number is read from its start only: the
    // line is read in linear time (`benches/hostile.rs`), and nothing of it is lost.
    let doc = table(&shapes::glued_numbers(50));
    assert_eq!(doc.layout, jixiao::Layout::Glued);
    let first = doc.indicators().next().expect("an indicator");
    assert_eq!(first.name, "人数");
    assert_eq!(first.annual.raw(), "1-1-1-1-1");
}

#[test]
fn a_spaced_line_of_signed_values_under_the_header_keeps_every_word() {
    // The line under the header is first looked at as the header's wrapped tails: each word's
    // place is counted on from the word before, so the line is read in linear time
    // (`benches/hostile.rs`; 20,000 words took seconds when each place was counted from the
    // line's start), and nothing of it is dropped.
    let text = shapes::spaced_line_of_signed_values(20_000);
    let grid = jixiao::Grid::from_text(&text).expect("a grid");
    let kept: String = grid.rows()[1..]
        .iter()
        .flatten()
        .map(|c| c.text().replace(' ', ""))
        .collect();
    let line: String = text.lines().nth(1).unwrap_or_default().replace(' ', "");
    assert_eq!(kept, line);
}

#[test]
fn words_under_a_text_header_are_no_part_of_it() {
    // `偏差原因` may go on with short words of no role (`分析及` / `改进措施`); it went on with
    // every line below it, each time the header was looked for, so 10,000 lines took 10 s
    // (`benches/hostile.rs`). A header's fragments join up to 32 characters, and only toward
    // a header the crate knows: `和其他` is no part of it, and every line is read or reported.
    let n = 2_000;
    let doc = table(&shapes::spaced_words_under_a_text_header(n));
    // Each indicator holds its line's words: a name and the same words as its target.
    assert!(
        doc.indicators()
            .all(|i| i.name == "和其他" && i.annual.raw() == "和其他")
    );
    let read = doc.indicators().count() * 2;
    let reported: std::collections::BTreeSet<usize> =
        doc.diagnostics.iter().map(|d| d.line).collect();
    assert!(
        read + reported.len() >= n,
        "{read} read, {} reported",
        reported.len()
    );
}

#[test]
fn a_spaced_line_of_labels_reads_each_label() {
    // Every space of the line may cut a cell; each cut looks at a few words after it, so the
    // line is read in linear time (`benches/hostile.rs`), and each label is a cell.
    let grid = jixiao::Grid::from_text(&shapes::spaced_line_of_labels(50)).expect("a grid");
    let row: Vec<&str> = grid.rows()[1].iter().map(|c| c.text()).collect();
    assert_eq!(row.len(), 51);
    assert_eq!(row[0], "产出指标");
    assert!(row[1..].iter().all(|c| *c == "数量指标"), "{row:?}");
}

#[test]
fn a_pipe_row_broken_after_its_name_goes_on_over_a_few_cells_only() {
    // Thousands of lines of one judging word after a name row: the row takes a few of them,
    // and the rest are rows of their own; the reading ends, with no indicator to read.
    let text = shapes::pipe_lines_of_words_after_a_name(20_000);
    let error = text.parse::<Document>().expect_err("no indicator");
    assert_eq!(error.kind(), jixiao::TableErrorKind::NotATable);
}

#[test]
fn a_stream_of_header_words_is_read_in_one_pass() {
    // Thousands of header words that name no grid, then a header and rows that keep their
    // empty cells: every row is read, in place.
    let doc: Document = shapes::stream_of_header_words(20_000)
        .parse()
        .expect("a table");
    assert_eq!(doc.indicators().count(), 20_000);
    let last = doc.indicators().last().expect("an indicator");
    assert_eq!((last.annual.raw(), last.weight), ("≥98%", None));
}

#[test]
fn an_outline_of_long_lines_is_read_in_one_pass() {
    // Thousands of items on one line and thousands of headings before one item: every item
    // is read, each under its headings.
    let doc: Document = shapes::outline_of_long_lines(20_000)
        .parse()
        .expect("a list");
    assert_eq!(doc.layout, jixiao::Layout::Outline);
    assert_eq!(doc.indicators().count(), 20_001);
    let last = doc.indicators().last().expect("an indicator");
    assert_eq!((last.name.as_str(), last.annual.raw()), ("合格率", "≥98%"));
    assert_eq!(last.category, Some(jixiao::Category::Quality));
}

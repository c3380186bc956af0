//! Hostile input (issue 11): every reproducer of the issue, each failing without its fix. No
//! panic, a clear error, a diagnostic or a note for what cannot be taken at face value, and
//! nothing typed wrongly instead of refused. Their time is shown by `benches/hostile.rs`.

mod shapes;

use jixiao::{Diagnostic, DiagnosticCode, Document, Kind, Target, TargetErrorKind};

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

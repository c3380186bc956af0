//! One test per production, asserting what it returns and the input it leaves.

use super::*;
use core::fmt::Debug;

/// A date of the tests, known to be valid.
fn date_y(year: u16) -> PartialDate {
    PartialDate::y(year).expect("a valid year")
}

fn date_m(month: u8) -> PartialDate {
    PartialDate::m(month).expect("a valid month")
}

fn date_ym(year: u16, month: u8) -> PartialDate {
    PartialDate::ym(year, month).expect("a valid month")
}

fn date_ymd(year: u16, month: u8, day: u8) -> PartialDate {
    PartialDate::ymd(year, month, day).expect("a valid day")
}

/// Asserts that `parser` reads `input` as `expected` and leaves `left`.
#[track_caller]
fn reads<'a, T: PartialEq + Debug>(
    parser: impl Fn(&'a str) -> Res<'a, T>,
    input: &'a str,
    expected: T,
    left: &str,
) {
    match parser(input) {
        Ok((rest, value)) => {
            assert_eq!(value, expected, "value of {input:?}");
            assert_eq!(rest, left, "input left after {input:?}");
        }
        Err(e) => panic!("{input:?} failed: {e:?}"),
    }
}

/// Asserts that `parser` refuses `input`, expecting `what` at byte `offset`.
#[track_caller]
fn refuses<'a, T: Debug>(
    parser: impl Fn(&'a str) -> Res<'a, T>,
    input: &'a str,
    offset: usize,
    what: &str,
) {
    match parser(input) {
        Ok(ok) => panic!("{input:?} parsed: {ok:?}"),
        Err(nom::Err::Error(e) | nom::Err::Failure(e)) => {
            assert_eq!(input.len() - e.at.len(), offset, "offset for {input:?}");
            assert_eq!(e.what, what, "expectation for {input:?}");
        }
        Err(e) => panic!("{input:?}: {e:?}"),
    }
}

fn d(text: &str) -> Decimal {
    text.parse().expect("test decimal")
}

fn qty(amount: &str, scale: Option<Scale>, unit: Option<&'static str>) -> Quantity {
    Quantity {
        amount: d(amount),
        scale,
        unit: unit.map(Cow::Borrowed),
        per: None,
    }
}

fn rated(q: Quantity, per: &'static str) -> Quantity {
    Quantity {
        per: Some(Cow::Borrowed(per)),
        ..q
    }
}

#[test]
fn sp_takes_every_kind_of_space() {
    reads(sp, " \u{3000}\u{a0}x", " \u{3000}\u{a0}", "x");
    reads(sp, "x", "", "x");
}

#[test]
fn number_reads_digits_separators_and_full_width() {
    reads(number, "123,307.34 123", d("123307.34"), " 123");
    reads(number, "１２.５万", d("12.5"), "万");
    reads(number, "-3%", d("-3"), "%");
    reads(number, "＋7", d("7"), "");
    reads(number, "1,00家", d("1"), ",00家");
    reads(number, "100.", d("100"), ".");
    reads(number, "4021.16㎡", d("4021.16"), "㎡");
    reads(number, "0.5", d("0.5"), "");
    refuses(number, "万", 0, "a number");
    refuses(number, "02024年", 0, "a number without leading zeros");
    refuses(number, "-x", 0, "a number");
    let too_long = "a number of at most 28 digits";
    refuses(number, "123456789012345678901234567890", 29, too_long);
    refuses(
        number,
        "1,234,567,890,123,456,789,012,345,678,901",
        39,
        too_long,
    );
    refuses(number, "99999999999999999999999999999", 28, too_long);
    refuses(number, "0.00000000000000000000000000001", 30, too_long);
    reads(
        number,
        "79228162514264337593543950335家",
        Decimal::MAX,
        "家",
    );
    reads(
        number,
        "0.0000000000000000000000000001",
        d("0.0000000000000000000000000001"),
        "",
    );
}

#[test]
fn cn_number_reads_small_numerals() {
    reads(cn_number, "一次", d("1"), "次");
    reads(cn_number, "两场", d("2"), "场");
    reads(cn_number, "十二个", d("12"), "个");
    reads(cn_number, "一百二十人", d("120"), "人");
    reads(cn_number, "一百零五", d("105"), "");
    reads(cn_number, "三千万", d("3000"), "万");
    reads(cn_number, "一一", d("1"), "一");
    reads(cn_number, "九千零九十九场", d("9099"), "场");
    reads(cn_number, "一百零零零零零零零零零五", d("105"), "");
    refuses(cn_number, "百", 0, "a number");
    // A run of numerals longer than a numeral below 10000 is no number.
    refuses(cn_number, &"十".repeat(13), 0, "a number");
    refuses(cn_number, &"零".repeat(13), 0, "a number");
}

#[test]
fn scale_folds_compound_scales() {
    let s = |i| scale(i, d("3"));
    reads(s, "万家", (d("3"), Scale::TenThousand), "家");
    reads(s, "万亿元", (d("3"), Scale::Trillion), "元");
    reads(s, "千万元", (d("3000"), Scale::TenThousand), "元");
    reads(s, "千克", (d("3"), Scale::Thousand), "克");
    // Traditional characters, as a mirror site prints them.
    reads(s, "萬元", (d("3"), Scale::TenThousand), "元");
    reads(s, "億元", (d("3"), Scale::HundredMillion), "元");
    refuses(s, "家", 0, "a scale word");
}

#[test]
fn open_unit_stops_before_comparator_words() {
    reads(open_unit, "小时以内", Cow::Borrowed("小时"), "以内");
    reads(open_unit, "个工作日内", Cow::Borrowed("个工作日"), "内");
    reads(open_unit, "天以內", Cow::Borrowed("天"), "以內");
    reads(open_unit, "条国内航线", Cow::Borrowed("条国内航线"), "");
    reads(open_unit, "元人民币", Cow::Borrowed("元人民币"), "");
    reads(open_unit, "家/年", Cow::Borrowed("家"), "/年");
    reads(open_unit, "km以上", Cow::Borrowed("km"), "以上");
    reads(
        open_unit,
        "个项目的验收工作",
        Cow::Borrowed("个"),
        "项目的验收工作",
    );
    refuses(open_unit, "/年", 0, "a unit");
    refuses(open_unit, "以上", 0, "a unit");
    refuses(open_unit, "一千元", 0, "a unit");
    refuses(open_unit, "两", 0, "a unit");
}

#[test]
fn percent_reads_every_spelling() {
    reads(percent, "％以上", Cow::Borrowed("%"), "以上");
    reads(percent, "百分比", Cow::Borrowed("%"), "");
    reads(percent, "个百分点", Cow::Borrowed("个百分点"), "");
    refuses(percent, "个", 0, "a percent sign");
}

#[test]
fn unit_prefers_percent() {
    reads(unit, "%完成", Cow::Borrowed("%"), "完成");
    reads(unit, "标准箱", Cow::Borrowed("标准箱"), "");
}

#[test]
fn classifier_needs_a_known_word() {
    reads(classifier, "次/月", Cow::Borrowed("次"), "/月");
    reads(classifier, "场次", Cow::Borrowed("场次"), "");
    refuses(classifier, "流", 0, "a classifier");
}

#[test]
fn per_reads_any_denominator() {
    reads(per, "/年以上", Cow::Borrowed("年"), "以上");
    reads(per, "／ 亩", Cow::Borrowed("亩"), "");
    refuses(per, "/", 1, "the denominator of a rate");
}

#[test]
fn per_prefix_reads_periods() {
    reads(per_prefix, "每年不少于", Cow::Borrowed("年"), "不少于");
    reads(per_prefix, "每季度一次", Cow::Borrowed("季度"), "一次");
    refuses(per_prefix, "每次", 3, "a period");
}

#[test]
fn quantity_reads_scale_unit_and_rate() {
    reads(
        quantity,
        "7.6万家",
        qty("7.6", Some(Scale::TenThousand), Some("家")),
        "",
    );
    reads(
        quantity,
        "10 家/年",
        rated(qty("10", None, Some("家")), "年"),
        "",
    );
    reads(quantity, "100百分比", qty("100", None, Some("%")), "");
    reads(
        quantity,
        "95万、",
        qty("95", Some(Scale::TenThousand), None),
        "、",
    );
    reads(
        quantity,
        "3.5小时以内",
        qty("3.5", None, Some("小时")),
        "以内",
    );
    reads(
        quantity,
        "一次/年",
        rated(qty("1", None, Some("次")), "年"),
        "",
    );
    reads(quantity, "90% 以上", qty("90", None, Some("%")), " 以上");
    refuses(quantity, "一流", 3, "a classifier");
}

#[test]
fn op_prefix_takes_the_longest_word() {
    reads(op_prefix, "不低于90%", Op::Ge, "90%");
    reads(op_prefix, "低于10%", Op::Lt, "10%");
    reads(op_prefix, "大于等于80%", Op::Ge, "80%");
    reads(op_prefix, "＞＝5", Op::Ge, "5");
    reads(op_prefix, ">5", Op::Gt, "5");
    reads(op_prefix, "≦5", Op::Le, "5");
    reads(op_prefix, "控制在5%", Op::Le, "5%");
    // Traditional characters, as a mirror site prints them.
    reads(op_prefix, "不低於90%", Op::Ge, "90%");
    reads(op_prefix, "達到100%", Op::Ge, "100%");
    reads(op_prefix, "不超過3天", Op::Le, "3天");
    for (traditional, simplified) in [
        ("不低於90%", "不低于90%"),
        ("≤3000萬元", "≤3000万元"),
        ("3天以內", "3天以内"),
        ("2023年12月底前完成", "2023年12月底前完成"),
        ("較上年增長5%", "较上年增长5%"),
        ("控制在預算內", "控制在预算内"),
        ("不超過當年預算數", "不超过当年预算数"),
        ("2024年12月底前辦結", "2024年12月底前办结"),
        ("提高2個百分點", "提高2个百分点"),
    ] {
        assert_eq!(
            crate::Target::lenient(traditional),
            crate::Target::lenient(simplified),
            "{traditional}"
        );
    }
    refuses(op_prefix, "约5", 0, "a comparator");
}

#[test]
fn op_symbol_reads_every_equals_sign_tables_print() {
    reads(op_symbol, "﹦72890元", Op::Eq, "72890元");
    reads(op_symbol, "═100", Op::Eq, "100");
    reads(op_symbol, "＝＝5", Op::Eq, "5");
    assert_eq!(
        crate::Target::lenient("═100%"),
        crate::Target::lenient("=100%")
    );
    assert_eq!(crate::Target::lenient("﹦72890元").to_string(), "=72890元");
}

#[test]
fn comparator_and_symbol_take_the_space_after() {
    reads(comparator, "不少于 100", Op::Ge, "100");
    reads(comparator, "≤\u{3000}5", Op::Le, "5");
    refuses(comparator, "100", 0, "a comparator");
    reads(symbol, "> 前6", Op::Gt, "前6");
    refuses(symbol, "不少于5", 0, "a comparator");
}

#[test]
fn op_suffix_reads_words_after_the_number() {
    reads(op_suffix, "以上（含）", Op::Ge, "（含）");
    reads(op_suffix, "及以下", Op::Le, "");
    reads(op_suffix, "内", Op::Le, "");
    reads(op_suffix, "以內", Op::Le, "");
    refuses(op_suffix, "左右", 0, "a comparator word");
}

#[test]
fn compare_merges_comparators_and_rates() {
    let ge = |q| Value::Compare {
        op: Some(Op::Ge),
        value: q,
    };
    reads(
        compare,
        "每年不少于12场",
        ge(rated(qty("12", None, Some("场")), "年")),
        "",
    );
    reads(compare, "≥ 80 %", ge(qty("80", None, Some("%"))), "");
    reads(
        compare,
        "1500人次以上。",
        ge(qty("1500", None, Some("人次"))),
        "。",
    );
    reads(
        compare,
        "控制在3.5小时以内",
        Value::Compare {
            op: Some(Op::Le),
            value: qty("3.5", None, Some("小时")),
        },
        "",
    );
    reads(
        compare,
        "100%完成",
        Value::Compare {
            op: None,
            value: qty("100", None, Some("%")),
        },
        "完成",
    );
    refuses(compare, "≥", 3, "a number");
    refuses(compare, "不少于5人以下", 13, "comparators that agree");
    refuses(compare, "每月5次/年", 14, "one rate");
}

#[test]
fn range_sep_reads_dashes_tildes_and_words() {
    reads(range_sep, " ～ 5", (), "5");
    reads(range_sep, "至5年", (), "5年");
    refuses(range_sep, "/5", 0, "a range separator");
}

#[test]
fn amount_reads_ranges_and_gives_the_low_end_the_high_end_unit() {
    let years = |a: &str, b: &str| Value::Range {
        low: qty(a, None, Some("年")),
        high: qty(b, None, Some("年")),
    };
    reads(amount, "3-5年", years("3", "5"), "");
    reads(amount, "3至5年以上", years("3", "5"), "以上");
    reads(
        amount,
        "±3%以内",
        Value::Range {
            low: qty("-3", None, Some("%")),
            high: qty("3", None, Some("%")),
        },
        "",
    );
    reads(
        amount,
        "5000元～1万元",
        Value::Range {
            low: qty("5000", None, Some("元")),
            high: qty("1", Some(Scale::TenThousand), Some("元")),
        },
        "",
    );
    refuses(amount, "3-", 2, "a number");
    refuses(amount, "±", 2, "a number");
    reads(
        amount,
        "≥3-5年",
        Value::Compare {
            op: Some(Op::Ge),
            value: qty("3", None, None),
        },
        "-5年",
    );
}

#[test]
fn year_reads_four_digits_in_range() {
    reads(year, "2024年", 2024, "年");
    reads(year, "２０２４.07", 2024, ".07");
    refuses(year, "20245", 0, "a year");
    refuses(year, "1000年", 0, "a year");
    refuses(year, "202", 0, "a year");
}

#[test]
fn month_and_day_read_digits_and_numerals() {
    reads(month, "12月", 12, "月");
    reads(month, "十二月", 12, "月");
    reads(month, "07-", 7, "-");
    refuses(month, "13月", 0, "a month");
    refuses(month, "123", 0, "a month");
    reads(day, "31日", 31, "日");
    refuses(day, "32日", 0, "a day");
}

#[test]
fn month_cn_reads_month_day_and_end() {
    reads(month_cn, "12月底前", (12, None), "前");
    reads(month_cn, "6月30日前", (6, Some(30)), "前");
    reads(month_cn, "3月份", (3, None), "");
    refuses(month_cn, "12日", 2, "a word of the grammar");
}

#[test]
fn year_end_is_december() {
    reads(year_end, "年底前", 12, "前");
    reads(year_end, "末", 12, "");
}

#[test]
fn date_cn_reads_chinese_dates() {
    reads(date_cn, "2025年年底前", date_ym(2025, 12), "前");
    reads(date_cn, "2025年底", date_ym(2025, 12), "");
    reads(date_cn, "2024年度", date_y(2024), "");
    reads(date_cn, "2024年上半年", date_y(2024), "上半年");
    reads(date_cn, "12月底", date_m(12), "");
    reads(date_cn, "年底前", date_m(12), "前");
    refuses(date_cn, "2024", 4, "a word of the grammar");
}

#[test]
fn date_sep_reads_dotted_and_dashed_dates() {
    reads(
        date_sep,
        "2023.07-2024.01",
        (date_ym(2023, 7), true),
        "-2024.01",
    );
    reads(date_sep, "2024-06-30", (date_ymd(2024, 6, 30), false), "");
    reads(date_sep, "2024.6.30", (date_ymd(2024, 6, 30), false), "");
    reads(date_sep, "2024/6", (date_ym(2024, 6), false), "");
    refuses(date_sep, "2023.075", 5, "a month");
    refuses(date_sep, "2023年", 4, "a date separator");
}

#[test]
fn date_span_gives_the_end_the_start_year() {
    reads(
        date_span,
        "2021年1月-12月",
        (date_ym(2021, 1), Some(date_ym(2021, 12)), false),
        "",
    );
    reads(
        date_span,
        "2023-2024年",
        (date_y(2023), Some(date_y(2024)), false),
        "",
    );
    reads(date_span, "2024年内", (date_y(2024), None, false), "内");
    reads(date_span, "2023.07", (date_ym(2023, 7), None, true), "");
    reads(
        date_span,
        "2023.07-2024.01",
        (date_ym(2023, 7), Some(date_ym(2024, 1)), false),
        "",
    );
}

#[test]
fn date_reads_deadlines() {
    let le = |date| Value::Date {
        op: Some(Op::Le),
        date,
        until: None,
    };
    reads(date, "2023年12月前", le(date_ym(2023, 12)), "");
    reads(date, "2024年6月底前完成。", le(date_ym(2024, 6)), "。");
    reads(date, "不晚于2024年", le(date_y(2024)), "");
    reads(
        date,
        "2025年起",
        Value::Date {
            op: Some(Op::Ge),
            date: date_y(2025),
            until: None,
        },
        "",
    );
    refuses(date, "≥", 3, "a date");
    refuses(date, "2023.07", 0, "a date with a span or 前, 后");
}

#[test]
fn as_of_reads_the_date_and_a_separator() {
    reads(as_of, "截至2026年≥7.6万家", date_y(2026), "≥7.6万家");
    reads(as_of, "截止2024年底， 累计", date_ym(2024, 12), "累计");
    refuses(as_of, "截至目前", 6, "a date");
}

#[test]
fn rank_number_reads_digits_and_numerals() {
    reads(rank_number, "6名", 6, "名");
    reads(rank_number, "三", 3, "");
    refuses(rank_number, "0", 0, "a rank");
    refuses(rank_number, "1.5", 0, "a rank");
}

#[test]
fn scope_ends_before_the_rank() {
    reads(scope, "全市前6", "全市", "前6");
    reads(scope, "全国同类城市第1", "全国同类城市", "第1");
    refuses(scope, "广州前6", 0, "a scope");
    refuses(scope, "全市", 0, "a scope");
}

#[test]
fn rank_reads_front_and_place() {
    let rank_of = |op, rank, scope: Option<&str>| Value::Rank {
        op,
        rank,
        scope: scope.map(str::to_owned),
    };
    reads(rank, "居全市前6。", rank_of(Op::Le, 6, Some("全市")), "。");
    reads(rank, "前三名", rank_of(Op::Le, 3, None), "");
    reads(rank, "第1名", rank_of(Op::Eq, 1, None), "");
    reads(rank, "位居全省第一位", rank_of(Op::Eq, 1, Some("全省")), "");
    reads(rank, "≥第3名", rank_of(Op::Ge, 3, None), "");
    refuses(rank, "前列", 3, "a rank");
    refuses(rank, "≥前3", 7, "comparators that agree");
}

#[test]
fn previous_year_reads_fillers() {
    reads(previous_year, "上年度", Baseline::PreviousYear, "");
    reads(
        previous_year,
        "上年年度会展",
        Baseline::PreviousYear,
        "年度会展",
    );
    reads(previous_year, "去年同期水平", Baseline::PreviousYear, "");
    refuses(previous_year, "下年", 0, "上年");
}

#[test]
fn budget_reads_prefixes_and_suffixes() {
    reads(budget, "当年预算数", Baseline::Budget, "");
    reads(budget, "预算申报数以内", Baseline::Budget, "以内");
    refuses(budget, "决算", 0, "a word of the grammar");
}

#[test]
fn baseline_is_either() {
    reads(baseline, "预算内", Baseline::Budget, "内");
    reads(baseline, "上一年度", Baseline::PreviousYear, "");
    refuses(baseline, "全国平均", 0, "上年 or 预算");
}

#[test]
fn measure_takes_words_up_to_a_note() {
    reads(measure, "年度会展行业展览规模", "年度会展行业展览规模", "");
    reads(measure, "规模 （万平方米）", "规模", " （万平方米）");
    refuses(measure, "规模5万", 0, "what is measured");
    refuses(measure, "规模 5", 0, "what is measured");
    // A date it holds by is no measure, and a measure is a short phrase.
    refuses(measure, "截至一月", 0, "what is measured");
    let long = "规".repeat(33);
    refuses(measure, &long, 0, "what is measured");
    reads(measure, &long[..96], &long[..96], "");
}

#[test]
fn relative_bound_reads_comparators_on_both_sides() {
    let rel = |op, baseline| Value::Relative {
        op,
        baseline,
        value: None,
    };
    reads(
        relative_bound,
        "控制在预算申报数以内",
        (rel(Some(Op::Le), Baseline::Budget), None),
        "",
    );
    reads(
        relative_bound,
        "不低于上年年度会展行业展览规模",
        (
            rel(Some(Op::Ge), Baseline::PreviousYear),
            Some("年度会展行业展览规模"),
        ),
        "",
    );
    reads(
        relative_bound,
        "当年预算数",
        (rel(None, Baseline::Budget), None),
        "",
    );
    refuses(relative_bound, "不低于全国", 9, "上年 or 预算");
}

#[test]
fn relative_change_signs_the_change() {
    let change = |op, amount: &str| Value::Relative {
        op,
        baseline: Baseline::PreviousYear,
        value: Some(qty(amount, None, Some("%"))),
    };
    reads(
        relative_change,
        "较上年增长10%",
        (change(None, "10"), None),
        "",
    );
    reads(
        relative_change,
        "同比增长不低于5%",
        (change(Some(Op::Ge), "5"), None),
        "",
    );
    reads(
        relative_change,
        "比上年下降5%以上",
        (change(Some(Op::Le), "-5"), None),
        "",
    );
    refuses(relative_change, "较上年持平", 9, "增长 or 下降");
}

#[test]
fn relative_prefers_a_change() {
    reads(
        relative,
        "较预算减少10万元",
        (
            Value::Relative {
                op: None,
                baseline: Baseline::Budget,
                value: Some(qty("-10", Some(Scale::TenThousand), Some("元"))),
            },
            None,
        ),
        "",
    );
}

#[test]
fn note_takes_balanced_parentheses() {
    reads(note, "（如折页形式≥4000份）", "如折页形式≥4000份", "");
    reads(note, "(含(a)b)c", "含(a)b", "c");
    reads(note, "（a)b", "a", "b");
    refuses(note, "（未完", 9, "a closing parenthesis");
    refuses(note, "((a)", 4, "a closing parenthesis");
    refuses(note, "含", 0, "a note in parentheses");
}

#[test]
fn notes_answer_for_every_suffix_of_their_text() {
    let text = "1（a（b）c）（d";
    let notes = Notes::of(text);
    let at = |n: usize| &text[n..];
    reads(|i| notes.note(i), at(1), "a（b）c", "（d");
    reads(|i| notes.note(i), at(5), "b", "c）（d");
    refuses(|i| notes.note(i), at(16), 4, "a closing parenthesis");
    assert!(Notes::of("no parentheses").pairs.is_empty());
}

#[test]
fn value_end_allows_a_note_then_the_end() {
    let value_end = |i| value_end(i, &Notes::of(i));
    reads(value_end, " （每月一次） ", Some("每月一次"), "");
    reads(value_end, "", None, "");
    refuses(value_end, "完成", 0, "the end of the value");
    refuses(value_end, "（a）b", 7, "the end of the value");
    refuses(value_end, " （a（b）", 12, "a closing parenthesis");
}

#[test]
fn qualified_tries_every_kind_to_the_end() {
    let kind = |i| qualified(i, &Notes::of(i), false).map(|(rest, q)| (rest, q.value.kind()));
    reads(kind, "2023.12万元", super::super::Kind::Compare, "");
    reads(kind, "2023.12", super::super::Kind::Compare, "");
    reads(kind, "2023.12前", super::super::Kind::Date, "");
    reads(kind, "3-5年", super::super::Kind::Range, "");
    reads(kind, "前6", super::super::Kind::Rank, "");
    reads(kind, "≥上年度", super::super::Kind::Relative, "");
    refuses(kind, "≥90%x%", 6, "the end of the value");
}

#[test]
fn inside_token_keeps_values_out_of_numbers_and_words() {
    let inside = |text: &str, at: usize| inside_token(text, at);
    assert!(inside("123", 1));
    assert!(inside("99.5", 3));
    assert!(inside("234,234", 4));
    assert!(inside("8\"5%", 2));
    assert!(inside("1e400", 2));
    assert!(inside("9\u{200D}0", 4));
    assert!(inside("一十", 3));
    assert!(!inside("123", 0));
    assert!(!inside("满意度95%", 9));
    assert!(!inside("9，5", 4));
    assert!(!inside("9 5", 2));
    assert!(!inside("9≥5", 1));
    assert!(!inside(".5", 1));
}

#[test]
fn hidden_characters_are_refused_next_to_digits_only() {
    let found = |text: &str| hidden(text).map(|(at, what)| (text.len() - at.len(), what));
    let number = "a number without hidden characters";
    let control = "text without control characters";
    assert_eq!(found("≥9\u{200D}0%"), Some((4, number)));
    assert_eq!(found("≥9 \u{200B}\u{200B} x"), Some((5, number)));
    assert_eq!(found("\u{FEFF}5"), Some((0, number)));
    assert_eq!(found("≥9\u{0} 0%"), Some((4, control)));
    assert_eq!(found("满意度\u{1}≥90%"), Some((9, control)));
    assert_eq!(found("满意度\u{200B}≥90%"), None);
    assert_eq!(found("≥90%\t以上"), None);
}

#[test]
fn single_finds_the_leftmost_value_after_a_subject() {
    let s = single("重点企业用户满意度≥95%", true, false).expect("parses");
    assert_eq!(s.subject, Some("重点企业用户满意度"));
    let s = single("平台企业截至2026年≥7.6万家", true, false).expect("parses");
    assert_eq!((s.subject, s.as_of), (Some("平台企业"), Some(date_y(2026))));
    let s = single("通过验收，合格率达100%", true, false).expect("parses");
    assert_eq!(s.subject, Some("通过验收，合格率"));
    // Two dates it holds by: the second cannot be the subject, which would read as a date.
    assert!(single("截至2026年截至2027年≥1", true, false).is_err());
    let e = single("满意度≥", true, false).err().expect("fails");
    assert_eq!(e.what, "a number");
    // Never inside a number: a refused number is not read from its tail.
    for text in [
        "99999999999999999999999999999999.5",
        "1e400",
        "≥1e400%",
        "234,234,234,234,234,234,234,234,234,234",
        "8\"5%",
    ] {
        assert!(single(text, true, false).is_err(), "{text}");
    }
}

#[test]
fn quantities_that_would_print_as_dates_are_refused() {
    refuses(quantity, "2,023年", 0, "a quantity that is no date");
    refuses(quantity, "两千年", 0, "a quantity that is no date");
    reads(quantity, "1,000年", qty("1000", None, Some("年")), "");
    reads(quantity, "2,023家", qty("2023", None, Some("家")), "");
    reads(
        quantity,
        "2023万年",
        qty("2023", Some(Scale::TenThousand), Some("年")),
        "",
    );
    assert!(reads_as_date(d("2023"), Some("年度")));
    assert!(!reads_as_date(d("2023.5"), Some("年")));
    assert!(!reads_as_date(d("2023"), None));
}

#[test]
fn subjects_hold_no_date_a_value_holds_by() {
    assert!(holds_as_of("年截至一月"));
    assert!(holds_as_of("截至一月截至"));
    assert!(holds_as_of("控制在截至一月"));
    assert!(!holds_as_of("截至"));
    assert!(!holds_as_of("满意度"));
    assert_eq!(as_of_len("截至1月底：5"), Some("截至1月底：".len()));
    assert_eq!(as_of_len("截至2026年满意度"), Some("截至2026年".len()));
    assert_eq!(as_of_len("满意度"), None);
    // Found by the property test: each reads back from its canonical form.
    for text in [
        "年截至一月“上年度",
        "，截至一月截至2024",
        "上年度控制在截至一月",
        "满意度截至一月2024百分比一",
        "底截至一月79228162514264337593543950335",
        "2,023年",
        "较上年增长＝10%以丨",
    ] {
        let (t, _) = target(text);
        let canonical = t.to_string();
        assert_eq!(target(&canonical).0, t, "{text} → {canonical}");
    }
    assert_eq!(
        target("底截至一月5").0.to_string(),
        "截至1月：底：5",
        "a subject the date would run into is kept apart"
    );
    assert_eq!(
        target("平台企业截至2026年≥7.6万家").0.to_string(),
        "截至2026年平台企业≥7.6万家"
    );
}

#[test]
fn trailed_keeps_words_after_a_number_as_the_note() {
    let s = trailed("按合同约定额度、日期100%完成支付", true).expect("parses");
    assert_eq!(s.subject, Some("按合同约定额度、日期"));
    assert_eq!(s.note, Some("完成支付"));
    assert!(trailed("≥90%abc", true).is_none());
    assert!(trailed("十分满意", true).is_none());
    assert!(trailed("100%完成支付（部分）", true).is_none());
    assert!(trailed("100%完成支付2次", true).is_none());
    assert!(trailed("1e5家完成", true).is_none());
}

#[test]
fn compound_needs_two_typed_parts() {
    let parts = compound("广州海关≤7356万元 广州边检总站≤6546万元", true, false)
        .expect("compound")
        .expect("few parts");
    assert_eq!(parts.len(), 2);
    assert_eq!(parts[1].subject(), Some("广州边检总站"));
    assert!(compound("通过验收，合格率达100%", true, false).is_none());
    assert!(compound("10 家/年", true, false).is_none());
    assert!(compound("1,000家", true, false).is_none());
    assert_eq!(
        compound("3.5 小时以内，≥90%", true, false).map(|p| p.map(|p| p.len())),
        Some(Ok(2))
    );
    let most = vec!["≥1家"; Target::MAX_PARTS].join("，");
    assert_eq!(
        compound(&most, true, false).map(|p| p.map(|p| p.len())),
        Some(Ok(Target::MAX_PARTS))
    );
    let more = vec!["1"; Target::MAX_PARTS + 1].join(" ");
    assert_eq!(
        compound(&more, true, false).map(|p| p.map_err(|e| e.kind())),
        Some(Err(crate::TargetErrorKind::TooManyParts))
    );
}

#[test]
fn trim_value_drops_trailing_full_stops() {
    assert_eq!(trim_value(" 前6。 。"), "前6");
    assert_eq!(trim_value("。"), "");
}

#[test]
fn may_start_covers_the_first_character_of_every_word() {
    let tables: [&[&str]; 9] = [
        &[
            "≥", "≧", "⩾", "≤", "≦", "⩽", ">", "<", "=", "＞", "＜", "＝",
        ],
        &OP_PREFIX_WORDS
            .entries
            .iter()
            .map(|w| w.0)
            .collect::<Vec<_>>(),
        &RANK_VERBS.entries.iter().map(|w| w.0).collect::<Vec<_>>(),
        &PREVIOUS_YEAR
            .entries
            .iter()
            .map(|w| w.0)
            .collect::<Vec<_>>(),
        &BUDGET_PREFIXES
            .entries
            .iter()
            .map(|w| w.0)
            .collect::<Vec<_>>(),
        &CHANGE_REFS.entries.iter().map(|w| w.0).collect::<Vec<_>>(),
        &AS_OF_WORDS.entries.iter().map(|w| w.0).collect::<Vec<_>>(),
        &["每", "预算", "前", "第", "±", "年底", "同比", "十"],
        &["０", "9", "-", "＋"],
    ];
    for word in tables.iter().flat_map(|t| t.iter()) {
        let first = word.chars().next().expect("words are not empty");
        assert!(may_start(first), "{word}");
    }
    for c in SCOPE_STARTS {
        assert!(may_start(*c), "{c}");
    }
}

/// [`split_parts`] at separators as it was written, by characters: what
/// [`split_at_separators`] must agree with.
fn split_by_chars(body: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    let mut prev: Option<char> = None;
    let mut chars = body.char_indices().peekable();
    while let Some((idx, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        let thousands = c == ','
            && prev.is_some_and(|p| p.is_ascii_digit())
            && next.is_some_and(|n| n.is_ascii_digit());
        if depth == 0 && is_separator(c) && !thousands {
            parts.push(&body[start..idx]);
            start = idx + c.len_utf8();
        }
        prev = Some(c);
    }
    parts.push(&body[start..]);
    parts
        .into_iter()
        .map(trim_value)
        .filter(|p| !p.is_empty())
        .collect()
}

#[test]
fn separators_split_by_bytes_as_by_characters() {
    for v in test_values() {
        assert_eq!(split_at_separators(&v), split_by_chars(&v), "{v:?}");
    }
}

#[test]
fn known_units_are_read_as_the_run_of_unit_characters_reads_them() {
    for v in test_values() {
        for (at, _) in v.char_indices() {
            let i = &v[at..];
            if let Some(known) = known_open_unit(i) {
                assert_eq!(Ok(known), unit_run(i), "{i:?}");
            }
        }
    }
}

proptest::proptest! {
    #[test]
    fn separators_split_any_text_by_bytes_as_by_characters(
        text in "[0-9a,，、；;()（）。 \\PC]{0,24}"
    ) {
        proptest::prop_assert_eq!(split_at_separators(&text), split_by_chars(&text));
    }
}

/// What a single value reads, comparable.
fn single_read(s: Single<'_>) -> (Value, Option<&str>, Option<PartialDate>, Option<&str>) {
    (s.value, s.subject, s.as_of, s.note)
}

/// Asserts that skipping the positions a separator blocks finds the same single value, and
/// that a trailed value is found the same outside its window ([`compare_window`]).
fn pruning_agrees(text: &str) {
    skip_agrees(text);
    assert_eq!(
        single(text, true, true).ok().map(single_read),
        single(text, true, false).ok().map(single_read),
        "{text:?}"
    );
    assert_eq!(
        trailed(text, true).map(single_read),
        trailed(text, false).map(single_read),
        "{text:?}"
    );
}

/// Asserts that every position before [`unblocked_from`], but for `截`, is one a separator
/// blocks ([`Listed::blocks`]): the search of a long text skips them at once.
fn skip_agrees(text: &str) {
    let to = unblocked_from(text);
    for (idx, c) in text.char_indices().take_while(|&(idx, _)| idx < to) {
        if c != '截' {
            assert!(Listed::new().blocks(text, idx), "{text:?} at {idx}");
        }
    }
}

#[test]
fn long_texts_skip_no_value_the_search_finds() {
    // Values of the tests run together, with separators, spaces and parentheses between them,
    // into texts longer than the search scans for the positions to skip.
    let values = test_values();
    let joints = ["，", "；", "、", " ", "（", "）", ",", "截至2026年"];
    for (k, window) in values.windows(6).enumerate().step_by(3) {
        let mut text = String::new();
        for (n, v) in window.iter().enumerate() {
            if n > 0 {
                text.push_str(joints[(k + n) % joints.len()]);
            }
            text.push_str(v);
        }
        while text.len() <= SKIP_SCAN_BYTES {
            text = format!("{text}；{text}");
        }
        pruning_agrees(&text);
        pruning_agrees(trim_value(&text));
    }
}

#[test]
fn separators_block_no_value_the_search_finds() {
    for v in test_values() {
        pruning_agrees(&v);
        pruning_agrees(trim_value(&v));
    }
    for text in [
        "截至2026年，≥7.6万家",
        "1,000、2,000",
        "1,000",
        "≥1（a，b）",
        "a，≥1",
        "≥1，",
        "≥1)，(x)",
        "达到1,000、2025当年预算数以内后不少于、百分比",
    ] {
        pruning_agrees(text);
    }
}

proptest::proptest! {
    #[test]
    fn separators_block_no_value_in_generated_text(text in value_text()) {
        pruning_agrees(&text);
    }

    #[test]
    fn separators_block_no_value_in_any_text(text in "[0-9,，、；;()（）截至年≥%家 \\PC]{0,24}") {
        pruning_agrees(&text);
    }

    #[test]
    fn unread_characters_block_no_value_in_text_of_the_grammar(
        text in proptest::string::string_regex(&format!("{GRAMMAR_CHARS}{{0,16}}")).unwrap()
    ) {
        pruning_agrees(&text);
    }
}

#[test]
fn known_units_read_whole_as_open_units() {
    for (word, ()) in KNOWN_UNITS.entries {
        let chars: Vec<char> = word.chars().collect();
        assert!(chars.len() <= MAX_UNIT_CHARS, "{word}");
        assert!(
            chars
                .iter()
                .all(|&c| is_unit_char(c) && UNIT_STOP_FIRSTS.holds(c) == Some(false)),
            "{word}"
        );
        assert!(!word.ends_with(UNIT_NEVER_ENDS_WITH), "{word}");
        let first = chars.first().copied().expect("words are not empty");
        assert!(
            !is_cn_numeral(first) && !matches!(first, '万' | '亿'),
            "{word}"
        );
        for after in ["", "/年", "以上", "及以下", "。", "3"] {
            let text = format!("{word}{after}");
            let read = unit_run(&text).map(|(rest, u)| (rest.len(), u));
            assert_eq!(read, Ok((after.len(), Cow::Borrowed(*word))), "{text}");
            let known = known_open_unit(&text).map(|(rest, u)| (rest.len(), u));
            assert_eq!(known, read.ok(), "{text}");
        }
    }
    // Shared units, ended as [`fast::clean_open_unit`] reads them at once, read the same as
    // open units.
    for (word, ()) in SHARED_UNITS.entries {
        assert!(KNOWN_UNITS.exactly(word).is_none(), "{word}");
        for after in ["", "/年", "。", "3", "%"] {
            let text = format!("{word}{after}");
            let fast = fast::clean_open_unit(&text).map(|(rest, u)| (rest.len(), u));
            assert_eq!(
                fast,
                open_unit(&text).ok().map(|(rest, u)| (rest.len(), u)),
                "{text}"
            );
        }
    }
    for text in [
        "个工作日内",
        "家次以上",
        "场馆",
        "人民币",
        "元人民币",
        "次数",
        "万元",
        "千米",
    ] {
        if let Some(known) = known_open_unit(text) {
            assert_eq!(Ok(known), unit_run(text), "{text}");
        }
    }
}

#[test]
fn unit_stops_start_with_the_characters_of_their_bitmap() {
    for (word, ()) in UNIT_STOPS.entries {
        let first = word.chars().next().expect("words are not empty");
        assert_eq!(UNIT_STOP_FIRSTS.holds(first), Some(true), "{word}");
    }
}

/// Every word of the grammar's tables, and the words its productions read as written.
fn grammar_words() -> Vec<&'static str> {
    fn of<T>(table: &Words<T>) -> impl Iterator<Item = &'static str> + '_ {
        table.entries.iter().map(|(w, _)| *w)
    }
    let mut words: Vec<&'static str> = Vec::new();
    words.extend(of(&OP_PREFIX_WORDS).chain(of(&OP_SUFFIX_WORDS)));
    words.extend(of(&DATE_SUFFIX_WORDS).chain(of(&DATE_FILLERS)));
    words.extend(of(&SCALES).chain(of(&PERCENT_WORDS)));
    words.extend(
        of(&KNOWN_UNITS)
            .chain(of(&SHARED_UNITS))
            .chain(of(&PERIODS)),
    );
    words.extend(
        of(&UNIT_STOPS)
            .chain(of(&RANK_VERBS))
            .chain(of(&PREVIOUS_YEAR)),
    );
    words.extend(of(&BASELINE_FILLERS).chain(of(&BUDGET_PREFIXES)));
    words.extend(
        of(&BUDGET_SUFFIXES)
            .chain(of(&CHANGE_REFS))
            .chain(of(&CHANGE_VERBS)),
    );
    words.extend(of(&AS_OF_WORDS).chain(of(&RANGE_SEPARATORS)));
    words.extend([
        "以内",
        "之内",
        "月",
        "份",
        "日",
        "号",
        "底",
        "末",
        "年底",
        "年末",
        "年",
        "度",
        "前",
        "第",
        "名",
        "位",
        "预算",
        "同比",
        "每",
        "±",
        "/",
        "／",
        ".",
        "．",
        "-",
        "－",
        "−",
        "+",
        "＋",
        "≥≧⩾≤≦⩽><=＞＜＝﹦═",
        "%％‰",
        "㎡㎥㎞㎏㎎㎝㎜℃°²³·μΩ",
        "ａｚＡＺ",
    ]);
    words
}

#[test]
fn relative_starts_hold_the_first_words_of_relative_values() {
    let mut words: Vec<&str> = [&PREVIOUS_YEAR, &BUDGET_PREFIXES, &CHANGE_REFS]
        .iter()
        .flat_map(|table| table.entries.iter().map(|(w, ())| *w))
        .chain(["同比", "预算", "預算"])
        .collect();
    let mut starts: Vec<&str> = RELATIVE_STARTS.entries.iter().map(|(w, ())| *w).collect();
    words.sort_unstable();
    starts.sort_unstable();
    assert_eq!(words, starts);
}

#[test]
fn percent_and_scale_words_start_with_their_characters() {
    for (word, _) in PERCENT_WORDS.entries {
        assert!(word.starts_with(fast::percent_start), "{word}");
    }
    for (word, _) in SCALES.entries {
        assert!(word.starts_with(fast::scale_start), "{word}");
    }
}

#[test]
fn every_character_of_the_grammar_is_one_a_value_reads() {
    for word in grammar_words() {
        for c in word.chars() {
            assert!(read_char(c), "{c} in {word}");
            assert!(!unread_char(word, 0, c) || c == ',', "{c} in {word}");
        }
    }
    for c in [
        '，', '、', '；', ';', '：', ':', '“', '”', ')', '）', '。', '\u{200D}',
    ] {
        assert!(unread_char("x", 0, c), "{c}");
    }
    assert!(!unread_char("1,000", 1, ',') && unread_char("1,a", 1, ','));
    // [`next_unread`] passes over ideographs, letters and digits without asking.
    for c in (0..0x3_0000).filter_map(char::from_u32) {
        if is_cjk(c) || c.is_ascii_alphanumeric() {
            assert!(!unread_char("x", 0, c), "{c:?}");
        }
    }
}

#[test]
fn bitmaps_of_ideographs_agree_with_the_character_tests() {
    for code in CJK_FIRST..=CJK_LAST {
        let Some(c) = char::from_u32(code) else {
            continue;
        };
        assert_eq!(STARTS.holds(c), Some(may_start_slow(c)), "{c}");
        let mark = is_cn_numeral(c) || matches!(c, '年' | '期' | '算');
        assert_eq!(MARKS.holds(c), Some(mark), "{c}");
        assert_eq!(is_mark(c), mark, "{c}");
        let marked = fast::WORD_MARKS.holds(c) == Some(true);
        let looked_at = is_cn_numeral(c) || matches!(c, '上' | '去' | '同' | '预' | '預' | '年');
        assert_eq!(marked, looked_at, "{c}");
        assert!(
            is_cjk(c) && digit(c).is_none() && !is_op_char(c) && c != '±',
            "{c}"
        );
    }
    for c in ['a', '0', '≥', '〇', '\u{3400}', '\u{20000}'] {
        assert_eq!(STARTS.holds(c), None, "{c}");
        assert_eq!(is_mark(c), digit(c).is_some() || is_cn_numeral(c), "{c}");
        assert_eq!(may_start(c), may_start_slow(c), "{c}");
    }
    // Every character outside the block too: ASCII by its own test, the others as above.
    for c in (0..0x3_0000).filter_map(char::from_u32) {
        assert_eq!(may_start(c), may_start_slow(c), "{c:?}");
    }
}

#[test]
fn strict_errors_point_into_the_callers_text() {
    let (t, err) = target("  ≥ ");
    assert_eq!(t.value, Value::Text("≥".into()));
    let err = err.expect("an error");
    assert_eq!((err.offset(), err.column()), (Some(5), Some(4)));
    let (_, err) = target("XX");
    assert_eq!(err.expect("an error").expected(), Some("a target value"));
    let (t, err) = target("“前6”");
    assert!(err.is_none(), "{t:?}");
    assert_eq!(t.raw(), "“前6”");
}

#[test]
fn plain_answers_only_as_the_full_grammar_does() {
    let ops = [
        "",
        "≥",
        "≧",
        "＞",
        "<=",
        "=",
        "不少于",
        "不低于",
        "达到",
        "控制在",
        "为",
        "每年不少于",
        "每月",
        "每年",
        "超过",
    ];
    let numbers = ["90", "1,000", "2024", "2023.07", "12", "０5", "7.6", "3"];
    let tails = [
        "",
        "%",
        "万家",
        "家",
        "年",
        "月",
        "年前",
        "/年",
        "个/年",
        "以上",
        "以内",
        "小时以内",
        "-5",
        "～5年",
        "（含）",
        "万",
        "万亿元",
        "百分比",
        "前",
        "家以下",
    ];
    let mut claimed = 0;
    for op in ops {
        for number in numbers {
            for tail in tails {
                let text = format!("{op}{number}{tail}");
                let Some(fast) = plain(&text) else { continue };
                claimed += 1;
                let full = single(&text, false, false).unwrap_or_else(|e| panic!("{text}: {e:?}"));
                assert_eq!(fast, full.value, "{text}");
                assert_eq!(
                    (full.subject, full.as_of, full.note),
                    (None, None, None),
                    "{text}"
                );
            }
        }
    }
    assert!(claimed > 1000, "the fast path took {claimed} values");
}

#[test]
fn prefix_characters_cover_every_word_of_the_prefixes() {
    // The window of a trailed value starts within the run of these before its number.
    assert!(prefix_char('每') && prefix_char(' ') && prefix_char('\u{3000}'));
    for c in [
        '≥', '≧', '⩾', '≤', '≦', '⩽', '>', '<', '=', '＞', '＜', '＝', '﹦', '═',
    ] {
        assert!(prefix_char(c), "{c}");
    }
    for (w, _) in OP_PREFIX_WORDS.entries {
        assert!(w.chars().all(prefix_char), "{w}");
    }
    for (w, _) in PERIODS.entries {
        assert!(w.chars().all(prefix_char), "{w}");
    }
    // No digit, parenthesis or separator: the window starts after the last of them.
    for c in ['0', '９', '（', '(', '，', ',', '、', '；', '%'] {
        assert!(!prefix_char(c), "{c}");
    }
}

#[test]
fn start_guards_cover_the_first_character_of_every_word() {
    for (w, _) in OP_PREFIX_WORDS.entries {
        assert!(w.starts_with(op_word_start), "{w}");
    }
    for (w, _) in RANK_VERBS.entries {
        assert!(w.starts_with(rank_start), "{w}");
    }
    for c in SCOPE_STARTS {
        assert!(rank_start(*c), "{c}");
    }
    for table in [&PREVIOUS_YEAR, &BUDGET_PREFIXES, &CHANGE_REFS] {
        for (w, _) in table.entries {
            assert!(w.starts_with(relative_start), "{w}");
        }
    }
    for w in ["预算", "同比", "前", "第"] {
        assert!(
            w.starts_with(relative_start) || w.starts_with(rank_start),
            "{w}"
        );
    }
    for (w, _) in PERIODS.entries {
        assert!(!w.is_empty());
    }
    assert!(could_be_date("年底前") && could_be_date("十二月") && could_be_date("2024年"));
    assert!(could_be_date("6 月") && could_be_date("2023.07") && could_be_date("2023-2024年"));
    assert!(!could_be_date("1500人次") && !could_be_date("95%") && !could_be_date("12345年"));
}

// ---------------------------------------------------------------------------------------------
// The fast paths against the full grammar

/// Asserts that the fast paths read a text exactly as the full grammar does: the same target,
/// raw text and strict error, leniently and strictly.
#[track_caller]
fn fast_agrees(text: &str) {
    let full = format!("{:?}", target_full(text));
    assert_eq!(format!("{:?}", target(text)), full, "{text:?}");
    assert_eq!(
        format!("{:?}", lenient(text)),
        format!("{:?}", target_full(text).0),
        "{text:?}"
    );
    // [`fast::plain`] is asked before the bytes are judged: a body it reads whole holds no
    // space and no hidden character.
    let (_, body) = fast::trimmed(text);
    if fast::plain(body).is_some() {
        assert!(
            !body.chars().any(|c| c.is_whitespace() || is_hidden(c)),
            "{text:?}"
        );
    }
}

/// The values of the seed, and every value and string of the tests (`tests/data/golden`).
fn test_values() -> Vec<String> {
    let seed = include_str!("../../../tests/data/seed_targets.jsonl")
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|case| case["raw"].as_str().map(str::to_owned));
    let golden = include_str!("../../../tests/data/golden/values.tsv")
        .lines()
        .filter_map(|line| line.split_once('\t'))
        .filter_map(|(input, _)| serde_json::from_str::<String>(input).ok());
    seed.chain(golden).collect()
}

#[test]
fn notes_after_the_fast_path_shape_read_as_the_full_grammar() {
    let values = [
        "≥90%",
        "达到100%",
        "≥400本",
        "每年不少于12场",
        "1,000",
        "2024",
        "2023.07",
        "12",
        "３",
        "≥7.6万家",
        "≤1小时",
        "95%以上",
        "≥1家/年",
        "前",
        "满意度≥90%",
        "≥",
        "90%-95%",
        "",
    ];
    let notes = [
        "（含）",
        "（每月一次）",
        "(a)",
        "（a（b）c）",
        "（a）b",
        "（",
        "（a",
        "（a)）",
        "（，）",
        "（ ）",
        "（）",
        "（≥4000份）",
        "(1)(2)",
        "）",
        "（a）。",
        "（截至2026年）",
    ];
    let mut claimed = 0;
    for value in values {
        for note in notes {
            let text = format!("{value}{note}");
            fast_agrees(&text);
            notes_to_the_end_agree(note);
            claimed += usize::from(fast::noted(&text).is_some());
        }
    }
    assert!(
        claimed > 50,
        "the fast path took {claimed} values with notes"
    );
}

#[test]
fn subjects_before_the_fast_path_shape_read_as_the_full_grammar() {
    let subjects = [
        "",
        "满意度",
        "重点企业用户满意度",
        "数量：",
        "ab",
        "a",
        "x1",
        "年均",
        "年年",
        "全年",
        "年度",
        "年底",
        "年末前",
        "年度预算",
        "截至",
        "甲，",
        "通过验收，合格率",
        "1，",
        "一、",
        "上年，",
        "a，b；c",
        "“甲”",
        "一",
        "上年",
        "全市",
        "2024年",
        "（a）",
        "a b",
        "满意度\u{200B}",
    ];
    let values = [
        "≥90%",
        "达到100%",
        "95",
        "1,000家",
        "超过400亿元人民币",
        "≥7.6万家",
        "每年不少于12场",
        "３",
        "2023.07",
        "12月",
        "前6",
        "-5",
        "≥1家/年",
        "95%以上",
    ];
    let mut claimed = 0;
    for subject in subjects {
        for value in values {
            let text = format!("{subject}{value}");
            fast_agrees(&text);
            // As a part of a compound, and alone.
            fast_agrees(&format!("{text}，{text}"));
            fast_agrees(&format!("≥1家、{text}"));
            if let Some((s, op, value)) = fast::subject_plain(&text) {
                claimed += 1;
                let full = single(&text, false, false).unwrap_or_else(|e| panic!("{text}: {e:?}"));
                assert_eq!(full.value, Value::Compare { op, value }, "{text}");
                assert_eq!(
                    (full.subject, full.as_of, full.note),
                    (s, None, None),
                    "{text}"
                );
            }
            if let Some(part) = fast_part(&text) {
                let full = single(&text, false, false).unwrap_or_else(|e| panic!("{text}: {e:?}"));
                assert_eq!(single_read(part), single_read(full), "{text}");
            }
        }
    }
    assert!(
        claimed > 50,
        "the fast path took {claimed} values after subjects"
    );
}

#[test]
fn listings_answer_for_every_subject_as_a_fresh_look() {
    let values = test_values();
    let mut asked = 0;
    for v in values
        .iter()
        .filter(|v| has_separator(v) && v.chars().count() <= 32)
    {
        // The subjects of one search: the text before each position, as it grows.
        let mut listing = Listing::new(v);
        for (at, _) in v.char_indices() {
            let subject = &v[..at];
            assert_eq!(
                listing.lists_a_value(subject),
                lists_a_value(subject),
                "{v:?} at {at}"
            );
            asked += 1;
        }
    }
    assert!(asked > 1000, "{asked} subjects");
}

#[test]
fn fast_paths_read_every_test_value_as_the_full_grammar() {
    let values = test_values();
    assert!(values.len() > 6000, "{} values", values.len());
    let fast = |v: &str| {
        let (raw, body) = fast::trimmed(v);
        is_clean(raw, body) && (fast::plain(body).is_some() || fast::words(body))
    };
    for v in &values {
        fast_agrees(v);
    }
    // The fast paths must take most real values, or they are no faster: the seed's 198 come
    // first.
    let seed = values[..198].iter().filter(|v| fast(v)).count();
    assert!(
        seed >= 170,
        "the fast paths took {seed} of the seed's values"
    );
}

#[test]
fn trims_and_numbers_read_as_the_grammar_reads_them() {
    for v in test_values() {
        let raw = v.trim();
        assert_eq!(fast::trimmed(&v), (raw, body_of(raw)), "{v:?}");
        for (at, _) in v.char_indices() {
            let i = &v[at..];
            if i.starts_with(|c: char| c.is_ascii_digit())
                && let Some(fast) = fast::ascii_number(i)
            {
                assert_eq!(Ok(fast), number_by_digits(i), "{i:?}");
            }
        }
    }
}

/// The pieces values are made of, for the generator below: every shape the fast paths read,
/// and what lies at their edges (full-width digits, separators, spaces, dates, numerals).
const PIECES: &[&str] = &[
    "≥",
    "≧",
    "⩾",
    "≤",
    ">",
    ">=",
    "＞",
    "＜＝",
    "=",
    "＝",
    "不低于",
    "不少于",
    "达到",
    "达",
    "超过",
    "控制在",
    "为",
    "每年",
    "每月",
    "每",
    "以上",
    "以内",
    "及以上",
    "以下",
    "内",
    "前",
    "后",
    "左右",
    "0",
    "00",
    "1",
    "12",
    "2024",
    "12345",
    "1,000",
    "1,0000",
    "12,345,678",
    "1,00",
    ",",
    ".",
    "．",
    "7.6",
    "0.5",
    "1.",
    "０",
    "５",
    "99999999999999999999",
    "%",
    "％",
    "百分比",
    "百分点",
    "个百分点",
    "‰",
    "万",
    "亿",
    "千",
    "百",
    "十",
    "万亿",
    "家",
    "个",
    "人次",
    "标准箱",
    "元人民币",
    "个工作日",
    "小时",
    "年",
    "月",
    "日",
    "底",
    "年底",
    "季度",
    "/",
    "／",
    "/年",
    "/周",
    "km",
    "㎡",
    "℃",
    "°",
    "²",
    "·",
    "\u{A0}",
    "平方米",
    "上年",
    "上年度",
    "预算",
    "同比",
    "增长",
    "下降",
    "较",
    "居",
    "全市",
    "第",
    "名",
    "截至",
    "（",
    "）",
    "(",
    ")",
    "，",
    "、",
    "；",
    " ",
    "\u{3000}",
    "-",
    "～",
    "至",
    "±",
    "一",
    "两",
    "二",
    "零",
    "满意度",
    "广州海关",
    "完成",
    "长期",
    "XX",
    "“",
    "。",
    "\u{200B}",
    "\u{0}",
    "\t",
    "é",
    "A",
];

fn value_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    proptest::collection::vec(proptest::sample::select(PIECES), 0..9).prop_map(|v| v.concat())
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

    #[test]
    fn fast_paths_read_generated_values_as_the_full_grammar(text in value_text()) {
        fast_agrees(&text);
    }

    #[test]
    fn fast_paths_read_any_text_as_the_full_grammar(text in "\\PC{0,24}") {
        fast_agrees(&text);
    }

    #[test]
    fn ascii_numbers_read_as_digits_do(text in "[0-9]{1,22}([,.][0-9]{0,4}){0,4}[０-９%家]{0,2}") {
        if let Some(fast) = fast::ascii_number(&text) {
            proptest::prop_assert_eq!(Ok(fast), number_by_digits(&text));
        }
    }
}

#[test]
fn dates_are_days_of_the_calendar() {
    // Issue 9: no constructor makes a date whose canonical form would not read back.
    assert_eq!(PartialDate::from_parts(Some(2024), Some(2), Some(31)), None);
    assert_eq!(PartialDate::ymd(2023, 2, 29), None);
    assert!(PartialDate::ymd(2024, 2, 29).is_some());
    assert!(PartialDate::ymd(2000, 2, 29).is_some());
    assert_eq!(PartialDate::ymd(2100, 2, 29), None);
    assert!(PartialDate::from_parts(None, Some(2), Some(29)).is_some());
    assert_eq!(PartialDate::from_parts(None, Some(2), Some(30)), None);
    assert_eq!(PartialDate::ym(2024, 13), None);
    assert_eq!(PartialDate::m(0), None);
    assert_eq!(PartialDate::y(1899), None);
    assert_eq!(PartialDate::y(2200), None);
    assert_eq!(PartialDate::from_parts(None, None, Some(1)), None);
    // Every valid date reads back from its canonical form and its ISO form.
    for year in [
        None,
        Some(PartialDate::MIN_YEAR),
        Some(2024),
        Some(2023),
        Some(PartialDate::MAX_YEAR),
    ] {
        for month in (0..=13).map(Some).chain([None]) {
            for day in (0..=32).map(Some).chain([None]) {
                let Some(date) = PartialDate::from_parts(year, month, day) else {
                    continue;
                };
                assert_eq!(partial_date(&date.to_string()), Some(date), "{date}");
                assert_eq!(date.iso().parse::<PartialDate>(), Ok(date), "{date}");
            }
        }
    }
    // The grammar reads no date that is no day: neither written in Chinese nor with
    // separators, nor an end that takes the start's year.
    assert_eq!(partial_date("2024年2月30日"), None);
    assert_eq!(partial_date("2023-02-29"), None);
    assert_eq!(partial_date("2024-02-29"), PartialDate::ymd(2024, 2, 29));
    assert!(date_span("2023年1月1日至2月29日").is_err());
    assert!(date_span("2024年1月1日至2月29日").is_ok());
}

// ---------------------------------------------------------------------------------------------
// Faster forms of productions against their first forms

/// [`reads_as_date`] as it was first written, formatting every amount: what it must agree
/// with.
fn reads_as_date_by_format(amount: Decimal, unit: Option<&str>) -> bool {
    let Some(unit) = unit else {
        return false;
    };
    if amount.scale() != 0 || amount.is_sign_negative() {
        return false;
    }
    let text = format!("{amount}{unit}");
    could_be_date(&text) && date(&text).is_ok()
}

/// [`could_be_date`] as it was first written, character by character: what it must agree
/// with.
fn could_be_date_by_chars(i: &str) -> bool {
    let digits = i.chars().take_while(|&c| digit(c).is_some()).count();
    let next = || {
        i.char_indices()
            .nth(digits)
            .and_then(|(idx, _)| i[idx..].trim_start().chars().next())
    };
    match digits {
        0 => {
            i.starts_with(|c: char| cn_digit(c).is_some() || c == '十')
                || i.starts_with("年底")
                || i.starts_with("年末")
        }
        4 => next().is_some_and(|c| {
            matches!(
                c,
                '年' | '.' | '-' | '/' | '．' | '－' | '—' | '–' | '~' | '～' | '〜' | '至' | '到'
            )
        }),
        1 | 2 => next() == Some('月'),
        _ => false,
    }
}

/// The characters of the grammar, for generated texts: digits, full-width digits, signs,
/// comparators, separators, scale and unit words, and the words of dates, ranks and baselines.
const GRAMMAR_CHARS: &str = "[0-9０-９.．,，、；;:：%％‰/／\\-－—~～至到±≥≤＞＜>=＝ 　十百千万亿年月日号底末度前后内以上下不少于低超过达到控制在截止至每第名位居全市上年同期比预算数较增长下降个家元人次场吨（）()“”a-z\\PC]";

#[test]
fn every_space_is_found_by_its_bytes() {
    for c in (0..=0x3100).filter_map(char::from_u32) {
        let text = format!("满意度{c}≥90%");
        assert_eq!(has_space(&text), c.is_whitespace(), "{:?}", c);
    }
}

#[test]
fn faster_productions_agree_with_their_first_forms_on_test_values() {
    for v in test_values() {
        for (at, _) in v.char_indices() {
            let i = &v[at..];
            assert_eq!(could_be_date(i), could_be_date_by_chars(i), "{i:?}");
            assert_eq!(has_space(i), i.contains(char::is_whitespace), "{i:?}");
            assert_eq!(has_separator(i), i.contains(is_separator), "{i:?}");
            if let Ok((_, q)) = quantity(i) {
                let unit = q.unit.as_deref();
                assert_eq!(
                    reads_as_date(q.amount, unit),
                    reads_as_date_by_format(q.amount, unit),
                    "{i:?}"
                );
            }
            open_units_agree(i);
            notes_to_the_end_agree(i);
        }
    }
}

/// Asserts that [`fast::note_to_end`] reads a clean text that starts with a parenthesis as
/// [`value_end`] does.
#[track_caller]
fn notes_to_the_end_agree(tail: &str) {
    if !fast::is_clean(tail) || !tail.starts_with(['(', '（']) {
        return;
    }
    let full = value_end(tail, &Notes::of(tail)).ok().map(|(_, note)| note);
    assert_eq!(fast::note_to_end(tail), full, "{tail:?}");
}

/// Asserts that [`fast::clean_open_unit`] reads a clean text as [`open_unit`] does, and that
/// a unit [`fast::may_follow_a_date`] refuses never reads as a date.
#[track_caller]
fn open_units_agree(i: &str) {
    if !fast::is_clean(i) {
        return;
    }
    assert_eq!(fast::clean_open_unit(i), open_unit(i).ok(), "{i:?}");
    for amount in [1u32, 12, 2024, 12345] {
        if !fast::may_follow_a_date(i) {
            assert!(
                !reads_as_date(Decimal::from(amount), Some(i)),
                "{amount}{i:?}"
            );
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

    #[test]
    fn spaces_and_separators_are_found_by_bytes_as_by_characters(
        text in proptest::string::string_regex(&format!("{GRAMMAR_CHARS}{{0,12}}")).unwrap()
    ) {
        proptest::prop_assert_eq!(has_space(&text), text.contains(char::is_whitespace));
        proptest::prop_assert_eq!(has_separator(&text), text.contains(is_separator));
    }

    #[test]
    fn clean_open_units_read_as_open_units(text in proptest::string::string_regex(&format!("{GRAMMAR_CHARS}{{0,8}}")).unwrap()) {
        for (at, _) in text.char_indices() {
            open_units_agree(&text[at..]);
            notes_to_the_end_agree(&text[at..]);
        }
    }

    #[test]
    fn could_be_date_reads_as_by_characters(text in proptest::string::string_regex(&format!("{GRAMMAR_CHARS}{{0,12}}")).unwrap()) {
        proptest::prop_assert_eq!(could_be_date(&text), could_be_date_by_chars(&text));
    }

    #[test]
    fn reads_as_date_answers_for_years_and_months_as_formatting_does(
        amount in 0u64..2300,
        word in proptest::sample::select(vec!["年", "月", "年度", "月份", "年底", "月末"]),
        rest in proptest::string::string_regex(&format!("{GRAMMAR_CHARS}{{0,5}}")).unwrap(),
    ) {
        let amount = Decimal::from(amount);
        let unit = format!("{word}{rest}");
        proptest::prop_assert_eq!(
            reads_as_date(amount, Some(&unit)),
            reads_as_date_by_format(amount, Some(&unit)),
            "{}", unit
        );
    }

    #[test]
    fn reads_as_date_answers_as_formatting_does(
        amount in 0u64..100_000,
        big in proptest::bool::ANY,
        unit in proptest::string::string_regex(&format!("{GRAMMAR_CHARS}{{0,6}}")).unwrap(),
    ) {
        let amount = if big { Decimal::from(amount) * Decimal::from(u64::MAX) } else { Decimal::from(amount) };
        let unit = Some(unit.as_str()).filter(|u| !u.is_empty());
        proptest::prop_assert_eq!(reads_as_date(amount, unit), reads_as_date_by_format(amount, unit));
    }
}

#[test]
fn every_value_holds_a_mark() {
    // The baselines a value may hold without a number: each holds a mark.
    for (word, ()) in PREVIOUS_YEAR.entries {
        assert!(word.chars().any(is_mark), "{word}");
    }
    for word in ["预算", "年底", "年末"] {
        assert!(word.chars().any(is_mark), "{word}");
    }
    // Every value of the tests holds one, and a search that tries no position after the
    // last mark finds the same value as one that tries every position.
    for v in test_values().iter().filter(|v| v.chars().count() <= 40) {
        if let Ok(s) = single(v, false, false) {
            assert!(v.chars().any(is_mark), "{v:?}");
            let pruned = single(v, true, true).map(|s| format!("{:?}", s.value));
            assert_eq!(pruned.ok(), Some(format!("{:?}", s.value)), "{v:?}");
        }
        let text = v.trim_end_matches(|c: char| !is_mark(c));
        if !text.is_empty() && text.len() < v.len() {
            let after = &v[text.len()..];
            assert!(
                qualified(after, &Notes::of(after), false).is_err(),
                "{after:?}"
            );
        }
    }
}

#[test]
fn productions_a_pruned_search_skips_fail() {
    let values = test_values();
    let mut asked = 0;
    for v in &values {
        for (at, _) in v.char_indices() {
            let i = &v[at..];
            // A date that starts with numerals is a month: 月 follows them.
            if !could_be_cn_month(i) {
                assert!(date(i).is_err(), "{i:?}");
                asked += 1;
            }
            // After a comparator, an amount needs a number.
            if let Ok((rest, _)) = op_prefix(i) {
                let next = sp(rest).map_or(rest, |(r, _)| r).chars().next();
                if !next.is_some_and(number_start) && !i.starts_with(['±', '每']) {
                    assert!(amount(i).is_err(), "{i:?}");
                    asked += 1;
                }
            }
        }
    }
    assert!(asked > 1000, "{asked}");
}

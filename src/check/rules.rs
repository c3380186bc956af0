//! The checks, one function each, run over every project and indicator of a document.

use super::{CheckCode, CheckConfig, Finding, ProjectQuantification, Quantification, Report};
use crate::direction::strong_name_direction;
use crate::lang::{Msg, msg};
use crate::model::indicator::with_unit_of;
use crate::{
    Category, DiagnosticCode, Direction, Document, Indicator, Kind, Op, Project, Quantity, Target,
    Tier, Value,
};
use core::cmp::Ordering;

/// Where a finding is: the unit, the project and its position, maybe an indicator.
#[derive(Clone, Copy)]
pub(super) struct Place<'a> {
    pub(super) unit: &'a str,
    pub(super) project: &'a Project,
    pub(super) position: usize,
}

/// Findings being gathered, with the checks to skip.
pub(super) struct Findings<'a> {
    pub(super) config: &'a CheckConfig,
    list: Vec<Finding>,
}

impl Findings<'_> {
    fn on(&self, code: CheckCode) -> bool {
        !self.config.skip.contains(&code)
    }

    pub(super) fn add(
        &mut self,
        code: CheckCode,
        place: Place<'_>,
        indicator: Option<&Indicator>,
        message: Msg,
    ) {
        if !self.on(code) {
            return;
        }
        self.list.push(Finding {
            code,
            severity: code.severity(),
            message: message.en,
            message_zh: message.zh,
            unit: Some(place.unit.to_owned()),
            project: Some(place.position),
            project_name: Some(place.project.name.clone()),
            indicator: indicator.map(|i| i.seq),
            indicator_name: indicator.map(|i| i.name.clone()),
            line: indicator.and_then(|i| i.line).or(place.project.line),
        });
    }
}

pub(super) fn run(doc: &Document, config: &CheckConfig) -> Report {
    let mut findings = Findings {
        config,
        list: Vec::new(),
    };
    sum_mismatch(doc, &mut findings);
    // A self-evaluation is scored once, for the checks of its scores.
    let evaluated = doc.projects().any(super::selfeval::is_evaluated);
    let assessment = evaluated.then(|| {
        crate::assess(
            doc,
            &crate::Actuals::default(),
            &crate::AssessConfig::default(),
        )
    });
    let mut projects = Vec::new();
    let mut total = Quantification::default();
    let mut position = 0;
    for unit in &doc.units {
        for project in &unit.projects {
            position += 1;
            let place = Place {
                unit: &unit.name,
                project,
                position,
            };
            missing_tier(place, &mut findings);
            duplicate_indicator(place, &mut findings);
            if let Some(score) = assessment
                .as_ref()
                .and_then(|a| a.projects.get(position - 1))
            {
                super::selfeval::run(place, score, &mut findings);
            }
            for indicator in &project.indicators {
                tier_category(place, indicator, &mut findings);
                // The name's unit, read once for both values and every check.
                let named = indicator.name_unit();
                let period_label = indicator
                    .period_label
                    .as_deref()
                    .unwrap_or("实施周期指标值");
                let values: Vec<(&str, &Target, Target)> = indicator
                    .period
                    .iter()
                    .map(|p| (period_label, p))
                    .chain([("年度指标值", &indicator.annual)])
                    .map(|(label, written)| (label, written, with_unit_of(written, named.as_ref())))
                    .collect();
                for (label, written, effective) in &values {
                    let value = IndicatorValue {
                        label,
                        written,
                        effective,
                    };
                    empty_or_placeholder(place, indicator, &value, &mut findings);
                    unit_contradiction(place, indicator, named.as_ref(), &value, &mut findings);
                    rate_percent(place, indicator, &value, &mut findings);
                    direction_against_name(place, indicator, &value, &mut findings);
                    satisfaction_floor(place, indicator, &value, &mut findings);
                    not_quantified(place, indicator, &value, &mut findings);
                    non_standard_symbol(place, indicator, &value, &mut findings);
                }
                if let [(_, _, period), (_, _, annual)] = values.as_slice() {
                    annual_above_period(place, indicator, period, annual, &mut findings);
                }
            }
            let q = quantification(project);
            total.quantified += q.quantified;
            total.values += q.values;
            projects.push(ProjectQuantification {
                project: position,
                name: project.name.clone(),
                quantification: q,
            });
        }
    }
    let mut list = findings.list;
    list.sort_by_key(|f| f.line.unwrap_or(0));
    Report {
        findings: list,
        quantification: total,
        projects,
    }
}

/// One of an indicator's two values: as written, and with the name's unit.
struct IndicatorValue<'a> {
    label: &'a str,
    written: &'a Target,
    effective: &'a Target,
}

/// The quantities of a value: a compare value's, a range's two ends, a compound's parts'.
fn quantities(target: &Target) -> Vec<&Quantity> {
    match target.value() {
        Value::Compare { value, .. } => vec![value],
        Value::Range { low, high } => vec![low, high],
        Value::Compound(parts) => parts.iter().flat_map(quantities).collect(),
        _ => Vec::new(),
    }
}

/// Whether a name is that of a share (a 率 or a 满意度), which is a percentage of at most 100:
/// growth and multiples are not.
fn is_share(name: &str) -> bool {
    (name.contains('率') || name.contains("满意度"))
        && !["增长", "增速", "增幅", "带动", "倍", "效率"]
            .iter()
            .any(|w| name.contains(w))
}

fn is_satisfaction(indicator: &Indicator) -> bool {
    indicator.name.contains("满意度") || indicator.category == Some(Category::Satisfaction)
}

// sum-mismatch: money that does not add up, as the table parser found it.
fn sum_mismatch(doc: &Document, findings: &mut Findings<'_>) {
    if !findings.on(CheckCode::SumMismatch) {
        return;
    }
    for d in doc
        .diagnostics
        .iter()
        .filter(|d| d.code == DiagnosticCode::SumMismatch)
    {
        findings.list.push(Finding {
            code: CheckCode::SumMismatch,
            severity: CheckCode::SumMismatch.severity(),
            message: d.message.clone(),
            message_zh: d.message_in(crate::Lang::Zh).to_owned(),
            unit: None,
            project: None,
            project_name: None,
            indicator: None,
            indicator_name: None,
            line: Some(d.line),
        });
    }
}

// missing-tier: a project needs indicators of all three tiers.
fn missing_tier(place: Place<'_>, findings: &mut Findings<'_>) {
    let missing: Vec<Tier> = [Tier::Output, Tier::Benefit, Tier::Satisfaction]
        .into_iter()
        .filter(|t| !place.project.indicators.iter().any(|i| i.tier == Some(*t)))
        .collect();
    if !missing.is_empty() {
        let en: Vec<String> = missing.iter().map(ToString::to_string).collect();
        let zh: Vec<&str> = missing.iter().map(|t| t.name()).collect();
        let message = Msg::new(
            format!("no indicator of {}", en.join(", ")),
            format!("缺少{}", zh.join("、")),
        );
        findings.add(CheckCode::MissingTier, place, None, message);
    }
}

// duplicate-indicator: the same indicator twice in one project. The first of each name is
// remembered, so that a project of many indicators takes linear time.
fn duplicate_indicator(place: Place<'_>, findings: &mut Findings<'_>) {
    let indicators = &place.project.indicators;
    let mut first_of: std::collections::HashMap<&str, &Indicator> =
        std::collections::HashMap::with_capacity(indicators.len());
    for indicator in indicators {
        if indicator.name.is_empty() {
            continue;
        }
        let first = *first_of.entry(indicator.name.as_str()).or_insert(indicator);
        if !core::ptr::eq(first, indicator) {
            let message = msg!(
                "the same indicator as number {}",
                "与第{}项指标重复",
                first.seq
            );
            findings.add(
                CheckCode::DuplicateIndicator,
                place,
                Some(indicator),
                message,
            );
        }
    }
}

// tier-category: the category belongs to another tier.
fn tier_category(place: Place<'_>, indicator: &Indicator, findings: &mut Findings<'_>) {
    let (Some(tier), Some(category)) = (indicator.tier, indicator.category) else {
        return;
    };
    if !tier.admits(category) {
        let message = msg!(
            "filed under {} but {} belongs to {}",
            "列在{}下，但{}属于{}",
            tier,
            category,
            category.tier()
        );
        findings.add(CheckCode::TierCategory, place, Some(indicator), message);
    }
}

/// Whether text is a placeholder: `XX`, `**`, `—`, `/`, `待定`, or a comparator with no
/// number.
fn is_placeholder(raw: &str) -> bool {
    let filler = |c: char| "Xx×*＊—–-_…./／?？、 ".contains(c);
    let words = ["待定", "另定", "暂无", "无", "略", "见附件", "详见附件"];
    let comparator_only = !raw.is_empty() && raw.chars().all(|c| "≥≤><=≧≦＞＜＝%％ ".contains(c));
    (!raw.is_empty() && raw.chars().all(filler)) || words.contains(&raw) || comparator_only
}

// empty-value and placeholder.
fn empty_or_placeholder(
    place: Place<'_>,
    indicator: &Indicator,
    value: &IndicatorValue<'_>,
    findings: &mut Findings<'_>,
) {
    let raw = value.written.raw();
    if raw.is_empty() {
        let message = msg!("{} is empty", "{}为空", value.label);
        findings.add(CheckCode::EmptyValue, place, Some(indicator), message);
    } else if is_placeholder(raw) {
        let message = msg!(
            "{} «{raw}» is a placeholder, not a target",
            "{}「{raw}」是占位符，不是指标值",
            value.label
        );
        findings.add(CheckCode::Placeholder, place, Some(indicator), message);
    }
}

// unit-contradiction and unit-differs: the value's unit is not the one the name states. Units
// of different measures (元 against 人, 小时 against %), or of one measure that do not convert
// (美元 against 元, 小时 against 天), contradict: the number means something else. Two
// counting words (个 against 家) count the same number in other words, and a word this crate
// does not know as a unit (`（水稻）`) may be no unit at all: those only differ.
fn unit_contradiction(
    place: Place<'_>,
    indicator: &Indicator,
    named: Option<&Quantity>,
    value: &IndicatorValue<'_>,
    findings: &mut Findings<'_>,
) {
    let Some(named) = named.and_then(unit_only) else {
        return;
    };
    let clashes: Vec<Quantity> = quantities(value.written)
        .into_iter()
        .filter_map(unit_only)
        .filter(|q| !q.same_unit(&named))
        .collect();
    let named_unit = named.unit().unwrap_or_default();
    let sure = |q: &Quantity| match (measure(q.unit().unwrap_or_default()), measure(named_unit)) {
        (Some(Measure::Count), Some(Measure::Count)) | (None, _) | (_, None) => false,
        (Some(_), Some(_)) => true,
    };
    // The surest clash speaks for the value.
    let Some(q) = clashes.iter().find(|q| sure(q)).or_else(|| clashes.first()) else {
        return;
    };
    let (code, verb, verb_zh) = if sure(q) {
        (
            CheckCode::UnitContradiction,
            "but the name states",
            "但指标名称标明的单位是",
        )
    } else {
        (
            CheckCode::UnitDiffers,
            "where the name states",
            "而指标名称标明的单位是",
        )
    };
    let message = msg!(
        "{} «{}» is in {} {verb} {named_unit}",
        "{}「{}」的单位是{}，{verb_zh}{named_unit}",
        value.label,
        value.written.raw(),
        q.unit().unwrap_or_default(),
    );
    findings.add(code, place, Some(indicator), message);
}

/// What a unit measures, for the units whose measure is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Measure {
    /// Counting words (量词): 个, 家, 项, 次, 人次, 场 …
    Count,
    /// Money: 元, 美元 …
    Money,
    /// Time: 小时, 天, 工作日, 月 …
    Time,
    /// Length: 米, 公里 …
    Length,
    /// Area: 平方米, 亩 …
    Area,
    /// Volume: 立方米, 升.
    Volume,
    /// Mass: 吨, 公斤 …
    Mass,
    /// Shares: %, ‰, 百分点.
    Share,
}

/// The measure of a unit as a name or a value writes it, where it is one this crate knows.
fn measure(unit: &str) -> Option<Measure> {
    const MEASURES: &[(Measure, &[&str])] = &[
        (
            Measure::Count,
            &[
                "个", "家", "项", "次", "人次", "场", "场次", "名", "人", "批", "批次", "期", "届",
                "篇", "本", "份", "条", "件", "座", "所", "类", "种", "轮", "趟", "部", "台", "套",
                "间", "处", "栋", "艘", "架", "辆", "户", "位", "门", "节", "课", "单", "册", "票",
                "列", "家次", "架次", "艘次", "班次", "车次", "户次", "项次", "宗", "组", "株",
                "棵", "头", "只", "张", "块", "幅", "首", "支", "枚", "盏", "根", "口", "校",
            ],
        ),
        (
            Measure::Money,
            &[
                "元",
                "美元",
                "元人民币",
                "人民币元",
                "人民币",
                "欧元",
                "港元",
                "日元",
            ],
        ),
        (
            Measure::Time,
            &[
                "秒",
                "分钟",
                "小时",
                "个小时",
                "钟头",
                "天",
                "日",
                "天数",
                "工作日",
                "个工作日",
                "周",
                "星期",
                "月",
                "个月",
                "季度",
                "年",
            ],
        ),
        (
            Measure::Length,
            &[
                "米", "m", "公里", "km", "㎞", "千米", "厘米", "cm", "毫米", "mm",
            ],
        ),
        (
            Measure::Area,
            &["平方米", "㎡", "m²", "m2", "亩", "公顷", "平方公里", "km²"],
        ),
        (Measure::Volume, &["立方米", "㎥", "m³", "升", "L"]),
        (
            Measure::Mass,
            &["吨", "公斤", "kg", "㎏", "千克", "克", "g", "斤"],
        ),
        (Measure::Share, &["%", "‰", "百分点", "个百分点"]),
    ];
    MEASURES
        .iter()
        .find(|(_, units)| units.contains(&unit))
        .map(|(m, _)| *m)
}

/// A quantity's unit alone (no amount, scale or rate), if it has one: units are compared
/// unit to unit.
fn unit_only(q: &Quantity) -> Option<Quantity> {
    let unit = q.unit()?;
    Some(Quantity::new(rust_decimal::Decimal::ONE).with_unit(unit.to_owned()))
}

// rate-not-percent and percent-over-100: a share is a percentage, of at most 100.
fn rate_percent(
    place: Place<'_>,
    indicator: &Indicator,
    value: &IndicatorValue<'_>,
    findings: &mut Findings<'_>,
) {
    if !is_share(&indicator.name) {
        return;
    }
    for q in quantities(value.effective) {
        if !q.is_percent() {
            let message = msg!(
                "{} «{}» of a 率 or 满意度 is not a percentage",
                "比率或满意度指标的{}「{}」不是百分比",
                value.label,
                value.written.raw()
            );
            findings.add(CheckCode::RateNotPercent, place, Some(indicator), message);
            return;
        }
        if q.amount() > findings.config.percent_ceiling {
            let message = msg!(
                "{} «{}» is above {}%",
                "{}「{}」超过{}%",
                value.label,
                value.written.raw(),
                findings.config.percent_ceiling
            );
            findings.add(CheckCode::PercentOver100, place, Some(indicator), message);
            return;
        }
    }
}

// direction-against-name: `≤` on a 合格率, `≥` on a 事故率.
fn direction_against_name(
    place: Place<'_>,
    indicator: &Indicator,
    value: &IndicatorValue<'_>,
    findings: &mut Findings<'_>,
) {
    let Some(op) = value.written.op().filter(|op| *op != Op::Eq) else {
        return;
    };
    let Some(meant) = strong_name_direction(&indicator.name) else {
        return;
    };
    let stated = Direction::of_op(op);
    if stated != meant {
        let message = msg!(
            "{} «{}» is {} but «{}» is {}",
            "{}「{}」是{}指标，但「{}」应为{}指标",
            value.label,
            value.written.raw(),
            stated.chinese(),
            indicator.name,
            meant.chinese()
        );
        findings.add(
            CheckCode::DirectionAgainstName,
            place,
            Some(indicator),
            message,
        );
    }
}

// satisfaction-floor: a 满意度 target below the floor.
fn satisfaction_floor(
    place: Place<'_>,
    indicator: &Indicator,
    value: &IndicatorValue<'_>,
    findings: &mut Findings<'_>,
) {
    if !is_satisfaction(indicator) {
        return;
    }
    let more_is_asked = !matches!(value.effective.op(), Some(Op::Le | Op::Lt));
    let floor = findings.config.satisfaction_floor;
    let low = quantities(value.effective)
        .into_iter()
        .any(|q| q.is_percent() && q.amount() < floor);
    if more_is_asked && low {
        let message = msg!(
            "{} «{}» is below the 满意度 floor of {floor}%",
            "{}「{}」低于满意度下限{floor}%",
            value.label,
            value.written.raw()
        );
        findings.add(
            CheckCode::SatisfactionFloor,
            place,
            Some(indicator),
            message,
        );
    }
}

// not-quantified: words or text where a number was feasible. 可持续影响 is often qualitative
// by nature (长期), and is left alone.
fn not_quantified(
    place: Place<'_>,
    indicator: &Indicator,
    value: &IndicatorValue<'_>,
    findings: &mut Findings<'_>,
) {
    let raw = value.written.raw();
    let untyped = matches!(value.written.kind(), Kind::Qualitative | Kind::Text);
    if !untyped || raw.is_empty() || is_placeholder(raw) {
        return;
    }
    if indicator.category == Some(Category::Sustainability) {
        return;
    }
    let (what, what_zh) = if value.written.kind() == Kind::Text {
        ("untyped text", "无法归类的文字")
    } else {
        ("words", "文字表述")
    };
    let label = value.label;
    let message = msg!(
        "{label} «{raw}» is {what} where a number was feasible",
        "{label}「{raw}」是{what_zh}，本可量化"
    );
    findings.add(CheckCode::NotQuantified, place, Some(indicator), message);
}

// non-standard-symbol: `≧`, `＞` and their kind, with the canonical form.
fn non_standard_symbol(
    place: Place<'_>,
    indicator: &Indicator,
    value: &IndicatorValue<'_>,
    findings: &mut Findings<'_>,
) {
    let raw = value.written.raw();
    let odd: Vec<&str> = [
        "≧", "≦", "⩾", "⩽", "＞", "＜", "＝", "﹦", "═", ">=", "<=", "==", "％",
    ]
    .into_iter()
    .filter(|s| raw.contains(s))
    .collect();
    if !odd.is_empty() && value.written.kind() != Kind::Text {
        let message = msg!(
            "{} «{raw}» uses {}; the canonical form is «{}»",
            "{}「{raw}」使用了不规范的符号{}；规范写法为「{}」",
            value.label,
            odd.join(" "),
            value.written
        );
        findings.add(
            CheckCode::NonStandardSymbol,
            place,
            Some(indicator),
            message,
        );
    }
}

// annual-above-period: a count whose annual target exceeds the whole period's.
fn annual_above_period(
    place: Place<'_>,
    indicator: &Indicator,
    period: &Target,
    annual: &Target,
    findings: &mut Findings<'_>,
) {
    if indicator.direction().direction != Direction::Positive {
        return;
    }
    let period_label = indicator
        .period_label
        .as_deref()
        .unwrap_or("实施周期指标值");
    let (Some(p), Some(a)) = (period.quantity(), annual.quantity()) else {
        return;
    };
    if p.is_percent() || p.per().is_some() || a.per().is_some() {
        return;
    }
    if let Ok(Ordering::Greater) = a.compare(p) {
        let message = msg!(
            "年度指标值 «{}» is above {period_label} «{}»",
            "年度指标值「{}」高于{period_label}「{}」",
            annual.raw(),
            period.raw()
        );
        findings.add(
            CheckCode::AnnualAbovePeriod,
            place,
            Some(indicator),
            message,
        );
    }
}

/// A project's 量化率: its values that carry a number.
fn quantification(project: &Project) -> Quantification {
    let values = project.indicators.iter().map(|i| i.targets().count()).sum();
    let quantified = project
        .indicators
        .iter()
        .flat_map(Indicator::targets)
        .filter(|t| t.is_quantified())
        .count();
    Quantification { quantified, values }
}

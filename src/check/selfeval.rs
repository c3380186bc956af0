//! The checks of a self-evaluation (绩效自评表): its weights, the scores it gives itself, its
//! money block, and what it leaves unexplained. Each compares the table with the scores the
//! rules of `assess` give the same table.

use super::CheckCode;
use super::rules::{Findings, Place};
use crate::assess::execution;
use crate::lang::msg;
use crate::{Indicator, IndicatorScore, Project, ProjectScore, Status, TextRole};
use rust_decimal::Decimal;

/// Whether a project is a self-evaluation's: it states scores, actual values or a money
/// block.
pub(super) fn is_evaluated(project: &Project) -> bool {
    !project.execution.is_empty()
        || project
            .indicators
            .iter()
            .any(|i| i.score.is_some() || i.actual.is_some())
}

/// Runs every self-evaluation check on a project, beside its scores by the rules.
pub(super) fn run(place: Place<'_>, score: &ProjectScore, findings: &mut Findings<'_>) {
    let project = place.project;
    if !is_evaluated(project) {
        return;
    }
    for (indicator, scored) in project.indicators.iter().zip(&score.indicators) {
        placeholder_row(place, indicator, findings);
        score_above_weight(place, indicator, findings);
        score_unjustified(place, indicator, scored, findings);
        full_marks_missed(place, indicator, scored, findings);
        reason_missing(place, indicator, findings);
        explanation_missing(place, indicator, scored, findings);
    }
    weights_total(place, findings);
    rate_mismatch(place, findings);
    budget_score_mismatch(place, score, findings);
}

/// Whether the table explains a row: a deviation or explanation text with words in it.
fn explained(indicator: &Indicator) -> bool {
    indicator.texts.iter().any(|t| {
        matches!(
            t.role,
            TextRole::Deviation | TextRole::Explanation | TextRole::Remark
        ) && !matches!(t.text.trim(), "" | "无" | "/" | "-" | "—" | "0")
    })
}

// score-above-weight: a stated score above the indicator's weight.
fn score_above_weight(place: Place<'_>, indicator: &Indicator, findings: &mut Findings<'_>) {
    let (Some(weight), Some(score)) = (indicator.weight, indicator.score) else {
        return;
    };
    if score > weight {
        findings.add(
            CheckCode::ScoreAboveWeight,
            place,
            Some(indicator),
            msg!(
                "得分 {score} is above its 分值 {weight}",
                "得分{score}高于分值{weight}"
            ),
        );
    }
}

// score-unjustified: a stated score the rules do not give, beyond the tolerance.
fn score_unjustified(
    place: Place<'_>,
    indicator: &Indicator,
    scored: &IndicatorScore,
    findings: &mut Findings<'_>,
) {
    let Some(stated) = indicator.score else {
        return;
    };
    if scored.status == Status::Unscored || indicator.weight.is_none() {
        return;
    }
    if gap(stated, scored.score) > findings.config.score_tolerance {
        findings.add(
            CheckCode::ScoreUnjustified,
            place,
            Some(indicator),
            msg!(
                "得分 {stated} where the rules give {} (actual «{}» against «{}»)",
                "得分为{stated}，按评分规则应为{}（实际完成值「{}」，指标值「{}」）",
                scored.score,
                scored.actual.as_deref().unwrap_or(""),
                indicator.annual.raw()
            ),
        );
    }
}

// full-marks-missed: full marks with an actual short of the target.
fn full_marks_missed(
    place: Place<'_>,
    indicator: &Indicator,
    scored: &IndicatorScore,
    findings: &mut Findings<'_>,
) {
    let (Some(weight), Some(stated)) = (indicator.weight, indicator.score) else {
        return;
    };
    let short = matches!(scored.status, Status::Partial | Status::Missed);
    if stated >= weight && !weight.is_zero() && short {
        findings.add(
            CheckCode::FullMarksMissed,
            place,
            Some(indicator),
            msg!(
                "full marks ({stated}) though the actual «{}» falls short of «{}»",
                "给了满分（{stated}），但实际完成值「{}」未达到「{}」",
                scored.actual.as_deref().unwrap_or(""),
                indicator.annual.raw()
            ),
        );
    }
}

// reason-missing: a score below full marks with no reason given.
fn reason_missing(place: Place<'_>, indicator: &Indicator, findings: &mut Findings<'_>) {
    let (Some(weight), Some(stated)) = (indicator.weight, indicator.score) else {
        return;
    };
    let deviation = indicator.texts.iter().any(|t| {
        t.role == TextRole::Deviation && !matches!(t.text.trim(), "" | "无" | "/" | "-" | "—")
    });
    if stated < weight && !deviation {
        findings.add(
            CheckCode::ReasonMissing,
            place,
            Some(indicator),
            msg!(
                "得分 {stated} of {weight} with no reason for the shortfall (偏差原因)",
                "得分{stated}（分值{weight}），未说明扣分的偏差原因"
            ),
        );
    }
}

// explanation-missing: an actual at 130% of its target or more, unexplained.
fn explanation_missing(
    place: Place<'_>,
    indicator: &Indicator,
    scored: &IndicatorScore,
    findings: &mut Findings<'_>,
) {
    if scored.explain && !explained(indicator) {
        findings.add(
            CheckCode::ExplanationMissing,
            place,
            Some(indicator),
            msg!(
                "the actual «{}» is far above «{}» and nothing explains it",
                "实际完成值「{}」远超指标值「{}」，且未作说明",
                scored.actual.as_deref().unwrap_or(""),
                indicator.annual.raw()
            ),
        );
    }
}

// placeholder-row: a template's row of zeros, or a placeholder in a name.
fn placeholder_row(place: Place<'_>, indicator: &Indicator, findings: &mut Findings<'_>) {
    let name = indicator.name.as_str();
    let in_name = ["**", "＊＊", "XX", "xx", "××", "……"]
        .iter()
        .any(|p| name.contains(p));
    let zero = |text: &str| {
        let t = text.trim().trim_end_matches(['%', '％']);
        !t.is_empty() && t.trim_matches(|c| c == '0' || c == '.').is_empty()
    };
    let zeros = zero(indicator.annual.raw())
        && indicator.actual.as_ref().is_none_or(|a| zero(a.raw()))
        && indicator.weight.is_none_or(|w| w.is_zero())
        && (name.is_empty() || zero(name));
    if in_name || zeros {
        let what = if in_name {
            msg!(
                "the name «{name}» keeps a template's placeholder",
                "指标名称「{name}」保留了模板的占位符"
            )
        } else {
            msg!("a template's row of zeros", "模板中全为0的行")
        };
        findings.add(CheckCode::PlaceholderRow, place, Some(indicator), what);
    }
}

// weights-total: weights that do not add up to 100 with the budget's, or to a tier's printed
// total.
fn weights_total(place: Place<'_>, findings: &mut Findings<'_>) {
    let project = place.project;
    let weights: Vec<Decimal> = project.indicators.iter().filter_map(|i| i.weight).collect();
    if weights.is_empty() || weights.len() < project.indicators.len() {
        return;
    }
    let budget = execution(project).and_then(|row| row.weight);
    let sum = weights
        .iter()
        .chain(budget.iter())
        .try_fold(Decimal::ZERO, |a, w| a.checked_add(*w));
    match sum {
        Some(sum) if sum != Decimal::ONE_HUNDRED && budget.is_some() => findings.add(
            CheckCode::WeightsTotal,
            place,
            None,
            msg!(
                "the weights add up to {} with the budget's {}, not 100",
                "各项分值加上预算执行的{1}合计为{0}，不等于100",
                sum.normalize(),
                budget.unwrap_or_default().normalize()
            ),
        ),
        None => findings.add(
            CheckCode::WeightsTotal,
            place,
            None,
            msg!("the weights are too large to add up", "分值过大，无法合计"),
        ),
        _ => {}
    }
    // Each tier against the total its label prints.
    let mut seen: Vec<crate::Tier> = Vec::new();
    for indicator in &project.indicators {
        let (Some(tier), Some(label)) = (indicator.tier, indicator.tier_label.as_deref()) else {
            continue;
        };
        if seen.contains(&tier) {
            continue;
        }
        seen.push(tier);
        let Some(printed) = crate::taxonomy::Label::read(label).weight else {
            continue;
        };
        let tier_sum = project
            .indicators
            .iter()
            .filter(|i| i.tier == Some(tier))
            .filter_map(|i| i.weight)
            .try_fold(Decimal::ZERO, |a, w| a.checked_add(w));
        if let Some(tier_sum) = tier_sum.filter(|s| *s != printed) {
            findings.add(
                CheckCode::WeightsTotal,
                place,
                None,
                msg!(
                    "the weights under «{label}» add up to {}, not {}",
                    "「{label}」下各项分值合计为{}，不等于{}",
                    tier_sum.normalize(),
                    printed.normalize()
                ),
            );
        }
    }
}

// rate-mismatch: a 执行率 that is not 执行数 ÷ 预算数.
fn rate_mismatch(place: Place<'_>, findings: &mut Findings<'_>) {
    for row in &place.project.execution {
        let (Some(stated), Some(computed)) = (row.rate, row.computed_rate()) else {
            continue;
        };
        if gap(stated, computed) > findings.config.rate_tolerance {
            findings.add(
                CheckCode::RateMismatch,
                place,
                None,
                msg!(
                    "«{}»: 执行率 {}% where 执行数 {} ÷ 预算数 {} is {}%",
                    "「{}」：执行率为{}%，而执行数{}÷预算数{}为{}%",
                    row.label.trim_end_matches([':', '：']),
                    stated.normalize(),
                    row.executed.unwrap_or_default(),
                    row.budget.unwrap_or_default(),
                    computed.normalize()
                ),
            );
        }
    }
}

// budget-score-mismatch: a budget score that does not follow the execution rate.
fn budget_score_mismatch(place: Place<'_>, score: &ProjectScore, findings: &mut Findings<'_>) {
    let budget = &score.budget;
    let Some(stated) = budget.stated_score else {
        return;
    };
    if budget.status == Status::Unscored {
        return;
    }
    if gap(stated, budget.score) > findings.config.score_tolerance {
        findings.add(
            CheckCode::BudgetScoreMismatch,
            place,
            None,
            msg!(
                "the budget's 得分 {stated} where its execution ({} of {}) gives {} of {}",
                "预算执行得分为{stated}，而按执行情况（执行数{}，预算数{}）应得{}（分值{}）",
                budget.executed.unwrap_or_default(),
                budget.budget.unwrap_or_default(),
                budget.score,
                budget.weight
            ),
        );
    }
}

/// How far apart two amounts are; the largest decimal where the difference overflows (they
/// are then surely apart).
fn gap(a: Decimal, b: Decimal) -> Decimal {
    a.checked_sub(b).map_or(Decimal::MAX, |d| d.abs())
}

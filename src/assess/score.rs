//! The formulas of 绩效自评, as deployed systems implement the national guide:
//!
//! - 正向: full weight when met, otherwise actual ÷ target × weight;
//! - 反向: full weight when actual ≤ target, falling linearly to 0 at twice the target;
//! - 等于 with target 0: full weight when actual ≤ 0, else 0 (otherwise scored as 正向);
//! - qualitative results earn a configured share of the weight;
//! - 预算执行率: executed ÷ budget × its weight, capped at its weight.

use super::actuals::Entry;
use super::{
    Actuals, AssessConfig, Assessment, BudgetScore, IndicatorScore, MissingTier, ProjectScore,
    Status,
};
use crate::lang::{Msg, msg};
use crate::value::exact;
use crate::{
    Baseline, Direction, Document, Execution, Indicator, Lang, PartialDate, Project, Quantity,
    Target, Tier, Value,
};
use core::cmp::Ordering;
use rust_decimal::{Decimal, RoundingStrategy};
use std::collections::{HashMap, HashSet};

/// Scores are given to two decimals, half away from zero, always written with both (where
/// the amount leaves room for them).
fn round(d: Decimal) -> Decimal {
    let mut rounded = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(2);
    rounded
}

/// Why a score cannot be computed: amounts too large (or too small) to combine.
const TOO_LARGE: &str = "too large to score";
/// [`TOO_LARGE`] in Chinese.
const TOO_LARGE_ZH: &str = "过大，无法评分";

/// The sum of weights or scores, or `None` where it overflows. Weights and scores are
/// shares, rounded where a division leaves more decimals than a decimal holds: unlike money,
/// their sums need not be exact.
fn checked_sum(values: impl IntoIterator<Item = Decimal>) -> Option<Decimal> {
    values
        .into_iter()
        .try_fold(Decimal::ZERO, Decimal::checked_add)
}

pub(super) fn assess(doc: &Document, actuals: &Actuals, config: &AssessConfig) -> Assessment {
    let projects: Vec<&Project> = doc.projects().collect();
    let (actuals, named_notes) = actuals.placed(&projects);
    let table = with_table(&projects, &actuals);
    let scores = projects
        .iter()
        .enumerate()
        .map(|(n, project)| score_project(n + 1, project, &table, config))
        .collect();
    let mut notes = unmatched(&projects, &actuals);
    notes.extend(named_notes);
    let (notes, notes_zh) = notes.into_iter().map(|m| (m.en, m.zh)).unzip();
    Assessment {
        projects: scores,
        notes,
        notes_zh,
    }
}

/// The values to score with: those given, and where none is given for an indicator or a
/// project's budget, what the table says itself (a self-evaluation's 实际完成值, 分值, and its
/// money block's 全年执行数).
fn with_table(projects: &[&Project], actuals: &Actuals) -> Actuals {
    let mut merged = actuals.clone();
    for (n, project) in projects.iter().enumerate() {
        let position = n + 1;
        for indicator in &project.indicators {
            if merged.actual(position, indicator.seq).is_none()
                && let Some(actual) = &indicator.actual
            {
                merged.set(position, indicator.seq, actual.raw());
            }
            if merged.weight(position, indicator.seq).is_none()
                && let Some(weight) = indicator.weight
            {
                merged.set_weight(position, indicator.seq, weight);
            }
        }
        if merged.budget(position).is_none()
            && let Some(executed) = execution(project).and_then(|row| row.executed)
        {
            merged.set_budget(position, executed);
        }
    }
    merged
}

/// The total row of a project's money block: the one labelled 总额, 合计 or 总计, else the
/// first.
pub(crate) fn execution(project: &Project) -> Option<&Execution> {
    project
        .execution
        .iter()
        .find(|row| {
            ["总额", "合计", "总计"]
                .iter()
                .any(|w| row.label.contains(w))
        })
        .or_else(|| project.execution.first())
}

/// The weight of a project's budget execution: its money block's 分值; else, where the table
/// weighs every indicator, what those weights leave of 100; else the configuration's.
fn budget_weight(project: &Project, config: &AssessConfig) -> Decimal {
    if let Some(weight) = execution(project).and_then(|row| row.weight) {
        return weight;
    }
    let weights: Vec<Decimal> = project.indicators.iter().filter_map(|i| i.weight).collect();
    if !weights.is_empty() && weights.len() == project.indicators.len() {
        let left = checked_sum(weights).and_then(|sum| Decimal::ONE_HUNDRED.checked_sub(sum));
        if let Some(left) = left.filter(|l| (Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(l)) {
            return left;
        }
    }
    config.weights.budget
}

/// The weights the table prints in its tier labels (`产出指标(50分)`), by tier.
fn printed_tier_weights(project: &Project) -> HashMap<Tier, Decimal> {
    let mut printed = HashMap::new();
    for indicator in &project.indicators {
        let (Some(tier), Some(label)) = (indicator.tier, indicator.tier_label.as_deref()) else {
            continue;
        };
        if let Some(weight) = crate::taxonomy::Label::read(label).weight {
            printed.entry(tier).or_insert(weight);
        }
    }
    printed
}

/// The actual values that find no place in the document: a project it does not have, or an
/// indicator its project does not have. Each project's numbers are gathered once, so that
/// many values take linear time.
fn unmatched(projects: &[&Project], actuals: &Actuals) -> Vec<Msg> {
    let mut numbers: HashMap<usize, HashSet<u32>> = HashMap::new();
    let mut notes = Vec::new();
    for (position, indicator, line) in actuals.keys() {
        let at = line.map_or_else(String::new, |l| format!("line {l}: "));
        let at_zh = line.map_or_else(String::new, |l| format!("第{l}行："));
        let Some(project) = position.checked_sub(1).and_then(|i| projects.get(i)) else {
            notes.push(msg!(
                "{at}project {position} is not in the document, which has {} projects: its value is not scored",
                "{at_zh}表中没有第{position}个项目（共{}个项目）：此值未评分",
                projects.len()
            ));
            continue;
        };
        let Some(seq) = indicator else { continue };
        let known = numbers
            .entry(position)
            .or_insert_with(|| project.indicators.iter().map(|i| i.seq).collect());
        if !known.contains(&seq) {
            notes.push(msg!(
                "{at}project {position} «{}» has no indicator {seq}: its value is not scored",
                "{at_zh}第{position}个项目「{}」没有第{seq}项指标：此值未评分",
                project.name
            ));
        }
    }
    notes
}

/// Each indicator's weight, or why it has none: its tier's weight shared evenly among the
/// tier's indicators, but where weights are given (from 0 to 100); a missing tier's weight
/// shared by the others, or lost. Weights given that would make the project's weights add up
/// to more than 100 are refused.
fn weights(
    position: usize,
    project: &Project,
    actuals: &Actuals,
    budget_weight: Decimal,
    config: &AssessConfig,
) -> Vec<Result<Decimal, Msg>> {
    let printed = printed_tier_weights(project);
    let present: Vec<Tier> = Tier::iter()
        .filter(|t| project.indicators.iter().any(|i| i.tier == Some(*t)))
        .collect();
    let tiers_total = checked_sum(Tier::iter().map(|t| config.weights.of(t)));
    let present_total = checked_sum(present.iter().map(|t| config.weights.of(*t)));
    // What the budget leaves to the tiers: 90 by default, 80 where the table weighs its
    // budget 20.
    let left_to_tiers = Decimal::ONE_HUNDRED
        .checked_sub(budget_weight)
        .filter(|l| !l.is_sign_negative())
        .unwrap_or(Decimal::ZERO);
    let tier_weight = |tier: Tier| -> Option<Decimal> {
        let own = config.weights.of(tier);
        let among = match config.missing_tier {
            MissingTier::Redistribute => present_total?,
            MissingTier::Forfeit => tiers_total?,
        };
        if among.is_zero() {
            return Some(own);
        }
        own.checked_mul(left_to_tiers)?.checked_div(among)
    };
    // Per tier, in one pass: the weights given (their sum, if it fits) and how many share.
    let mut tiers: HashMap<Option<Tier>, (Option<Decimal>, usize)> = HashMap::new();
    for indicator in &project.indicators {
        let (given, shared) = tiers
            .entry(indicator.tier)
            .or_insert((Some(Decimal::ZERO), 0));
        match actuals.weight(position, indicator.seq) {
            Some(w) => *given = given.and_then(|g| g.checked_add(w)),
            None => *shared += 1,
        }
    }
    let too_large = || msg!("its weight is {TOO_LARGE}", "其权重{TOO_LARGE_ZH}");
    let mut weights: Vec<Result<Decimal, Msg>> = project
        .indicators
        .iter()
        .map(|indicator| {
            if let Some(given) = actuals.weight(position, indicator.seq) {
                if !(Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&given) {
                    return Err(msg!(
                        "the weight {given} given is not from 0 to 100",
                        "所填权重{given}不在0到100之间"
                    ));
                }
                return Ok(given);
            }
            let (given, shared) = tiers
                .get(&indicator.tier)
                .copied()
                .unwrap_or((Some(Decimal::ZERO), 1));
            let own = match indicator.tier {
                Some(tier) => match printed.get(&tier) {
                    Some(weight) => *weight,
                    None => tier_weight(tier).ok_or_else(too_large)?,
                },
                None => Decimal::ZERO,
            };
            let left = given
                .and_then(|given| own.checked_sub(given))
                .ok_or_else(too_large)?
                .max(Decimal::ZERO);
            left.checked_div(Decimal::from(shared.max(1)))
                .ok_or_else(too_large)
        })
        .collect();
    let given_any = project
        .indicators
        .iter()
        .any(|i| actuals.weight(position, i.seq).is_some());
    let total = checked_sum(weights.iter().flatten().copied().chain([budget_weight]));
    let over = total.is_none_or(|t| round(t) > Decimal::ONE_HUNDRED);
    if given_any && over {
        let (said, said_zh) = total.map_or_else(
            || (TOO_LARGE.to_string(), TOO_LARGE_ZH.to_string()),
            |t| {
                let t = round(t).normalize().to_string();
                (t.clone(), t)
            },
        );
        for (weight, indicator) in weights.iter_mut().zip(&project.indicators) {
            if actuals.weight(position, indicator.seq).is_some() && weight.is_ok() {
                *weight = Err(msg!(
                    "the weights of the project, with the weights given and the budget's {}, add up to {said}: more than 100",
                    "本项目各项权重（含所填权重及预算执行的{}）合计为{said_zh}：超过100",
                    budget_weight.normalize()
                ));
            }
        }
    }
    weights
}

fn score_project(
    position: usize,
    project: &Project,
    actuals: &Actuals,
    config: &AssessConfig,
) -> ProjectScore {
    let budget_weight = budget_weight(project, config);
    let weights = weights(position, project, actuals, budget_weight, config);
    // The total adds the exact scores and is rounded once, not the rounded ones.
    let (indicators, exact): (Vec<IndicatorScore>, Vec<Decimal>) = project
        .indicators
        .iter()
        .zip(weights)
        .map(|(indicator, weight)| {
            score_indicator(
                indicator,
                weight,
                actuals.get(position, indicator.seq),
                config,
            )
        })
        .unzip();
    let (budget, budget_exact) = score_budget(project, actuals.budget(position), budget_weight);
    // Each score is at most its weight, and the weights add up to at most 100 (the weights
    // of the configuration aside): a sum that does not fit leaves the project at zero.
    let score =
        checked_sum(exact.iter().copied().chain([budget_exact])).map_or(Decimal::ZERO, round);
    let complete = budget.status != Status::Unscored
        && indicators.iter().all(|i| i.status != Status::Unscored);
    let stated: Vec<Decimal> = indicators
        .iter()
        .filter_map(|i| i.stated_score)
        .chain(budget.stated_score)
        .collect();
    let stated_score = if stated.is_empty() {
        None
    } else {
        checked_sum(stated)
    };
    ProjectScore {
        project: position,
        name: project.name.clone(),
        score,
        grade: config.grades.grade(score),
        indicators,
        budget,
        complete,
        stated_score,
    }
}

fn score_budget(
    project: &Project,
    executed: Option<Decimal>,
    weight: Decimal,
) -> (BudgetScore, Decimal) {
    let row = execution(project);
    // The budget: the money block's 全年预算数 (else its 年初预算数), else the project's.
    let budget = row
        .and_then(|r| r.budget.or(r.initial))
        .or(project.budget)
        .or(project.funding.total);
    let mut note = None;
    let (score, status) = match (budget, executed) {
        (Some(b), Some(e)) if b > Decimal::ZERO => {
            match e.checked_div(b).and_then(|rate| rate.checked_mul(weight)) {
                Some(score) => {
                    let score = score.min(weight).max(Decimal::ZERO);
                    let status = if score >= weight {
                        Status::Met
                    } else if score.is_zero() {
                        Status::Missed
                    } else {
                        Status::Partial
                    };
                    (score, status)
                }
                None => {
                    note = Some(msg!(
                        "the amount executed {e} against the budget {b} is {TOO_LARGE}",
                        "执行数{e}与预算数{b}相比{TOO_LARGE_ZH}"
                    ));
                    (Decimal::ZERO, Status::Unscored)
                }
            }
        }
        _ => (Decimal::ZERO, Status::Unscored),
    };
    let rounded = BudgetScore {
        weight: round(weight),
        budget,
        executed,
        score: round(score),
        status,
        note: note.as_ref().map(|m| m.en.clone()),
        note_zh: note.map(|m| m.zh),
        stated_score: row.and_then(|r| r.score),
        stated_rate: row.and_then(|r| r.rate),
    };
    (rounded, score)
}

/// A scored outcome: the share of the weight (0 to 1), the status, and a note.
struct Outcome {
    share: Decimal,
    status: Status,
    note: Option<Msg>,
    explain: bool,
}

impl Outcome {
    fn unscored(why: Msg) -> Outcome {
        Outcome {
            share: Decimal::ZERO,
            status: Status::Unscored,
            note: Some(why),
            explain: false,
        }
    }

    fn of(share: Decimal) -> Outcome {
        let share = share.max(Decimal::ZERO).min(Decimal::ONE);
        let status = if share >= Decimal::ONE {
            Status::Met
        } else if share.is_zero() {
            Status::Missed
        } else {
            Status::Partial
        };
        Outcome {
            share,
            status,
            note: None,
            explain: false,
        }
    }

    fn noted(mut self, note: Option<Msg>) -> Outcome {
        if note.is_some() {
            self.note = note;
        }
        self
    }
}

/// An indicator's score, and the exact score before rounding.
fn score_indicator(
    indicator: &Indicator,
    weight: Result<Decimal, Msg>,
    entry: Option<&Entry>,
    config: &AssessConfig,
) -> (IndicatorScore, Decimal) {
    let direction = indicator.direction();
    let actual = entry.and_then(|e| e.actual.clone());
    let outcome = match (&weight, &actual) {
        (Err(why), _) => Outcome::unscored(why.clone()),
        (Ok(_), None) => Outcome::unscored(msg!("no actual value", "未填写实际完成值")),
        (Ok(_), Some(text)) => {
            let target = indicator.effective_annual();
            let baseline = entry.and_then(|e| e.baseline.as_ref());
            outcome(&target, text, baseline, direction.direction, config)
        }
    };
    let weight = weight.unwrap_or(Decimal::ZERO);
    // The share is from 0 to 1 and the weight at most 100: the product fits.
    let (exact, outcome) = match weight.checked_mul(outcome.share) {
        Some(exact) => (exact, outcome),
        None => (
            Decimal::ZERO,
            Outcome::unscored(msg!(
                "its weight {weight} is {TOO_LARGE}",
                "其权重{weight}{TOO_LARGE_ZH}"
            )),
        ),
    };
    let score = IndicatorScore {
        seq: indicator.seq,
        name: indicator.name.clone(),
        weight: round(weight),
        score: round(exact),
        status: outcome.status,
        direction,
        actual,
        note: outcome.note.as_ref().map(|m| m.en.clone()),
        note_zh: outcome.note.map(|m| m.zh),
        explain: outcome.explain,
        stated_score: indicator.score,
    };
    (score, exact)
}

/// The results in words, each read only as a whole phrase (`达成率60%` is a number, not a
/// result in words), by band: the national guide's three results, their short forms, and the
/// words departments write for them. A word in none of the lists is unscored with a note.
///
/// - achieved (`QualitativeScores::achieved`, 100% by default): 达成年度指标, 达成预期指标, 达成,
///   完成, 按时完成, 达到, 达标, 符合, 是, 优 …;
/// - partial (`partial`, 70%): 部分达成年度指标并具有一定效果, 部分达成, 部分完成, 基本达成,
///   基本完成, 基本达到, 基本符合, 良, 较好 …;
/// - missed (`missed`, 30%): 未达成年度指标且效果较差, 未达成, 未完成, 未达到, 不符合, 否, 差 ….
const ACHIEVED: &[&str] = &[
    "达成年度指标",
    "达成预期指标",
    "达成预期目标",
    "达成预期",
    "达成",
    "已达成",
    "全部达成",
    "完成",
    "已完成",
    "全部完成",
    "完成年度目标",
    "按时完成",
    "按期完成",
    "如期完成",
    "达到",
    "已达到",
    "达到预期",
    "达到预期目标",
    "达标",
    "已达标",
    "符合",
    "符合要求",
    "符合规定",
    "是",
    "有",
    "优",
    "优秀",
];
const PARTIAL: &[&str] = &[
    "部分达成年度指标并具有一定效果",
    "部分达成年度指标",
    "部分达成",
    "部分完成",
    "基本达成",
    "基本完成",
    "基本达到",
    "基本达标",
    "基本符合",
    "良",
    "良好",
    "较好",
];
const MISSED: &[&str] = &[
    "未达成年度指标且效果较差",
    "未达成年度指标",
    "未达成",
    "未完成",
    "未达到",
    "未达标",
    "不符合",
    "否",
    "无",
    "差",
    "较差",
];

/// The qualitative result a text states, as a whole phrase (surrounding spaces and a final
/// `。` aside), as a share in percent.
fn qualitative_result(text: &str, config: &AssessConfig) -> Option<(Decimal, Status)> {
    let q = &config.qualitative;
    let text = text.trim().trim_end_matches('。').trim_end();
    if MISSED.contains(&text) {
        Some((q.missed, Status::Missed))
    } else if PARTIAL.contains(&text) {
        Some((q.partial, Status::Partial))
    } else if ACHIEVED.contains(&text) {
        Some((q.achieved, Status::Met))
    } else {
        None
    }
}

/// The note for an actual in words the rules do not name.
fn unnamed_result(actual: &str) -> Msg {
    msg!(
        "the actual «{actual}» is no result the rules name (达成年度指标, 部分达成年度指标并具有一定效果, 未达成年度指标且效果较差) and states no number",
        "实际完成值「{actual}」既不是评分规则所列的结果（达成年度指标、部分达成年度指标并具有一定效果、未达成年度指标且效果较差），也没有数值"
    )
}

fn outcome(
    target: &Target,
    actual_text: &str,
    baseline: Option<&Quantity>,
    direction: Direction,
    config: &AssessConfig,
) -> Outcome {
    if let Some((percent, status)) = qualitative_result(actual_text, config) {
        return match percent.checked_div(Decimal::ONE_HUNDRED) {
            Some(share) if (Decimal::ZERO..=Decimal::ONE).contains(&share) => Outcome {
                share,
                status,
                note: None,
                explain: false,
            },
            _ => Outcome::unscored(msg!(
                "the share {percent}% a qualitative result earns is not from 0 to 100",
                "定性结果的得分比例{percent}%不在0到100之间"
            )),
        };
    }
    let actual = Target::lenient(actual_text);
    if actual.kind() == crate::Kind::Qualitative && target.kind() != crate::Kind::Qualitative {
        return Outcome::unscored(unnamed_result(actual_text));
    }
    match target.value() {
        Value::Compare { value, .. } => against(value, &actual, direction, config),
        Value::Range { low, high } => range(low, high, &actual, config),
        Value::Relative {
            baseline: kind,
            value,
            ..
        } => match baseline {
            None => Outcome::unscored(match kind {
                Baseline::PreviousYear => msg!(
                    "a target against the previous year (上年度) needs the baseline value",
                    "与上年度相比的指标值须提供基期值（上年度实际值）"
                ),
                Baseline::Budget => msg!(
                    "a target against the budget (预算) needs the baseline value",
                    "与预算相比的指标值须提供基期值（预算数）"
                ),
            }),
            Some(base) => match relative_target(base, value.as_ref()) {
                Ok(goal) => against(&goal, &actual, direction, config),
                Err(why) => Outcome::unscored(why),
            },
        },
        Value::Rank { rank, .. } => {
            let goal = Quantity::new(Decimal::from(*rank)).with_unit("名");
            let placed = rank_of(&actual).map(|r| Quantity::new(Decimal::from(r)).with_unit("名"));
            match placed {
                Some(placed) => score_numbers(&placed, &goal, Direction::Negative, config),
                None => Outcome::unscored(msg!(
                    "the actual «{actual_text}» states no rank",
                    "实际完成值「{actual_text}」没有写明名次"
                )),
            }
        }
        Value::Date { op, date, until } => {
            let deadline = until.unwrap_or(*date);
            match date_of(&actual) {
                Some(done) => dated(done, deadline, op.unwrap_or(crate::Op::Le)),
                None => Outcome::unscored(msg!(
                    "the actual «{actual_text}» states no date",
                    "实际完成值「{actual_text}」没有写明日期"
                )),
            }
        }
        Value::Compound(_) => Outcome::unscored(msg!(
            "a compound target is scored part by part, by hand",
            "复合指标值须逐项人工评分"
        )),
        Value::Qualitative(words) | Value::Text(words) => {
            if actual_text.trim() == words {
                Outcome::of(Decimal::ONE)
            } else {
                Outcome::unscored(msg!(
                    "a target in words is scored from 达成年度指标, 部分达成年度指标并具有一定效果 or 未达成年度指标且效果较差",
                    "文字表述的指标值按“达成年度指标”“部分达成年度指标并具有一定效果”或“未达成年度指标且效果较差”评分"
                ))
            }
        }
    }
}

/// The target a baseline and a change make: 上年 1000万元 and 增长10% make 1100万元.
fn relative_target(base: &Quantity, change: Option<&Quantity>) -> Result<Quantity, Msg> {
    let Some(change) = change else {
        return Ok(base.clone());
    };
    let too_large = || {
        msg!(
            "the baseline {base} with the change {change} is {TOO_LARGE}",
            "基期值{base}加上变化{change}后{TOO_LARGE_ZH}"
        )
    };
    let amount = if change.is_percent() {
        change
            .amount()
            .checked_div(Decimal::ONE_HUNDRED)
            .and_then(|rate| Decimal::ONE.checked_add(rate))
            .and_then(|factor| base.amount().checked_mul(factor))
            .ok_or_else(too_large)?
    } else {
        let delta = change
            .to_scale(base.scale())
            .ok()
            .filter(|d| d.same_unit(base))
            .ok_or_else(|| {
                msg!(
                    "the change {change} and the baseline {base} are in different units",
                    "变化{change}与基期值{base}单位不同"
                )
            })?;
        exact::add(base.amount(), delta.amount()).ok_or_else(too_large)?
    };
    let mut goal = Quantity::new(amount).with_scale(base.scale());
    if let Some(unit) = base.unit() {
        goal = goal.with_unit(unit.to_owned());
    }
    Ok(goal)
}

/// An actual quantity: a number written with or without a comparator, in the target's unit
/// where it states none.
fn actual_quantity(actual: &Target, goal: &Quantity) -> Option<(Quantity, Option<Msg>)> {
    let q = actual.quantity()?;
    let q = &percent_word(q);
    // An actual written like a target (`≥266米`) is read as its amount.
    let written_like_target = actual.op().is_some().then(|| {
        msg!(
            "the actual «{}» is written like a target: read as {q}",
            "实际完成值「{}」写成了指标值的形式：按{q}读取",
            actual.raw()
        )
    });
    if q.unit().is_none()
        && q.scale().is_none()
        && (goal.unit().is_some() || goal.scale().is_some())
    {
        let mut adopted = q.clone().with_scale(goal.scale());
        if let Some(unit) = goal.unit() {
            adopted = adopted.with_unit(unit.to_owned());
        }
        if let Some(per) = goal.per() {
            adopted = adopted.with_per(per.to_owned());
        }
        let note = msg!(
            "the actual «{}» is read in the target's unit: {adopted}",
            "实际完成值「{}」按指标值的单位读取：{adopted}",
            actual.raw()
        );
        return Some((adopted, Some(note)));
    }
    Some((q.clone(), written_like_target))
}

/// A quantity in 百分比 is one in %: `100百分比` is `100%`.
fn percent_word(q: &Quantity) -> Quantity {
    if q.unit() == Some("百分比") {
        let mut same = Quantity::new(q.amount())
            .with_scale(q.scale())
            .with_unit("%");
        if let Some(per) = q.per() {
            same = same.with_per(per.to_owned());
        }
        same
    } else {
        q.clone()
    }
}

fn against(
    goal: &Quantity,
    actual: &Target,
    direction: Direction,
    config: &AssessConfig,
) -> Outcome {
    let goal = &percent_word(goal);
    match actual_quantity(actual, goal) {
        Some((q, note)) => score_numbers(&q, goal, direction, config).noted(note),
        None => Outcome::unscored(no_number(actual)),
    }
}

/// The note for an actual that states no number.
fn no_number(actual: &Target) -> Msg {
    msg!(
        "the actual «{}» states no number",
        "实际完成值「{}」没有数值",
        actual.raw()
    )
}

/// The note for an error of the value layer.
fn target_error(e: &crate::TargetError) -> Msg {
    Msg::new(e.to_string(), e.message_in(Lang::Zh))
}

/// The heart of it: an actual against its target, by direction.
fn score_numbers(
    actual: &Quantity,
    goal: &Quantity,
    direction: Direction,
    config: &AssessConfig,
) -> Outcome {
    let (a, t) = match (
        actual.compare(goal),
        actual.base_amount(),
        goal.base_amount(),
    ) {
        (Ok(_), Ok(a), Ok(t)) => (a, t),
        (Err(e), _, _) => return Outcome::unscored(target_error(&e)),
        (_, Err(e), _) | (_, _, Err(e)) => return Outcome::unscored(target_error(&e)),
    };
    let too_large = || {
        Outcome::unscored(msg!(
            "the actual {actual} against the target {goal} is {TOO_LARGE}",
            "实际完成值{actual}与指标值{goal}相比{TOO_LARGE_ZH}"
        ))
    };
    // The ratio of the actual to the target, where the target is above zero.
    let ratio = || a.checked_div(t);
    let mut outcome = match direction {
        Direction::Equal if t.is_zero() => Outcome::of(if a <= Decimal::ZERO {
            Decimal::ONE
        } else {
            Decimal::ZERO
        }),
        Direction::Positive | Direction::Equal => {
            if a >= t || t <= Decimal::ZERO {
                Outcome::of(Decimal::ONE)
            } else {
                match ratio() {
                    Some(r) => Outcome::of(r),
                    None => return too_large(),
                }
            }
        }
        Direction::Negative => {
            if a <= t {
                Outcome::of(Decimal::ONE)
            } else if t <= Decimal::ZERO || t.checked_mul(Decimal::TWO).is_none_or(|t2| a >= t2) {
                Outcome::of(Decimal::ZERO)
            } else {
                // t < a < 2t: the excess over the target, as a share of it, is below 1.
                match a.checked_sub(t).and_then(|over| over.checked_div(t)) {
                    Some(over) => Outcome::of(Decimal::ONE - over),
                    None => return too_large(),
                }
            }
        }
    };
    if direction != Direction::Negative && t > Decimal::ZERO {
        let Some(percent) = ratio().and_then(|r| r.checked_mul(Decimal::ONE_HUNDRED)) else {
            // Far more than the target: met, and far beyond any threshold of explanation.
            outcome.explain = true;
            outcome.note = Some(msg!(
                "the actual {actual} is too many times the target {goal} to say how many: it needs a written explanation",
                "实际完成值{actual}超出指标值{goal}的倍数过大，无法计算：须书面说明原因"
            ));
            return outcome;
        };
        if percent >= config.explain_from {
            outcome.explain = true;
            outcome.note = Some(msg!(
                "the actual is {}% of the target: above {}%, it needs a written explanation",
                "实际完成值为指标值的{}%：超过{}%，须书面说明原因",
                round(percent).normalize(),
                config.explain_from
            ));
        }
    }
    outcome
}

/// A range target: met within it; below it scored 正向 against its low end, above it 反向
/// against its high end.
fn range(low: &Quantity, high: &Quantity, actual: &Target, config: &AssessConfig) -> Outcome {
    let Some((q, note)) = actual_quantity(actual, high) else {
        return Outcome::unscored(no_number(actual));
    };
    match (q.compare(low), q.compare(high)) {
        (Ok(Ordering::Less), _) => score_numbers(&q, low, Direction::Positive, config).noted(note),
        (_, Ok(Ordering::Greater)) => {
            score_numbers(&q, high, Direction::Negative, config).noted(note)
        }
        (Ok(_), Ok(_)) => Outcome::of(Decimal::ONE).noted(note),
        (Err(e), _) | (_, Err(e)) => Outcome::unscored(target_error(&e)),
    }
}

/// The rank an actual states: `5`, `第5名`, `前5`, `全市第3`.
fn rank_of(actual: &Target) -> Option<u32> {
    match actual.value() {
        Value::Rank { rank, .. } => Some(*rank),
        Value::Compare { value, .. } if value.amount().scale() == 0 => {
            u32::try_from(value.amount().mantissa()).ok()
        }
        _ => None,
    }
}

/// The date an actual states: `2024年6月`, `2024.06.30`.
fn date_of(actual: &Target) -> Option<PartialDate> {
    match actual.value() {
        Value::Date { date, until, .. } => Some(until.unwrap_or(*date)),
        _ => None,
    }
}

/// A date against a deadline: met or missed, comparing what both state.
fn dated(done: PartialDate, deadline: PartialDate, op: crate::Op) -> Outcome {
    let key = |d: PartialDate| {
        (
            d.year().unwrap_or(0),
            d.month().unwrap_or(if d.year().is_some() { 12 } else { 0 }),
            d.day().unwrap_or(31),
        )
    };
    let (mut done_key, deadline_key) = (key(done), key(deadline));
    if deadline.year().is_none() {
        done_key.0 = 0;
    }
    let ordering = done_key.cmp(&deadline_key);
    if op.holds(ordering) || ordering == Ordering::Equal {
        Outcome::of(Decimal::ONE)
    } else {
        Outcome::of(Decimal::ZERO)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().expect("decimal")
    }

    fn q(s: &str) -> Quantity {
        s.parse().expect("quantity")
    }

    #[track_caller]
    fn share(target: &str, actual: &str, direction: Direction) -> (Decimal, Status) {
        let o = outcome(
            &Target::lenient(target),
            actual,
            None,
            direction,
            &AssessConfig::default(),
        );
        (o.share.round_dp(4), o.status)
    }

    #[test]
    fn positive_targets_score_the_ratio() {
        assert_eq!(
            share("≥90%", "96.5%", Direction::Positive),
            (d("1"), Status::Met)
        );
        assert_eq!(
            share("≥90%", "81%", Direction::Positive),
            (d("0.9"), Status::Partial)
        );
        assert_eq!(
            share("≥100场次", "0场次", Direction::Positive),
            (d("0"), Status::Missed)
        );
        assert_eq!(
            share("≥10000万元", "1.2亿元", Direction::Positive),
            (d("1"), Status::Met)
        );
        assert_eq!(
            share("≥10000万元", "0.8亿元", Direction::Positive),
            (d("0.8"), Status::Partial)
        );
    }

    #[test]
    fn negative_targets_fall_to_zero_at_twice_the_target() {
        assert_eq!(
            share("3.5小时以内", "3.2小时", Direction::Negative),
            (d("1"), Status::Met)
        );
        assert_eq!(
            share("3.5小时以内", "5.25小时", Direction::Negative),
            (d("0.5"), Status::Partial)
        );
        assert_eq!(
            share("3.5小时以内", "7小时", Direction::Negative),
            (d("0"), Status::Missed)
        );
        assert_eq!(
            share("3.5小时以内", "9小时", Direction::Negative),
            (d("0"), Status::Missed)
        );
    }

    #[test]
    fn a_target_of_zero() {
        assert_eq!(
            share("0%", "0%", Direction::Negative),
            (d("1"), Status::Met)
        );
        assert_eq!(
            share("0%", "0.1%", Direction::Negative),
            (d("0"), Status::Missed)
        );
        assert_eq!(share("=0", "0", Direction::Equal), (d("1"), Status::Met));
        assert_eq!(share("=0", "1", Direction::Equal), (d("0"), Status::Missed));
        assert_eq!(share("≥0", "0", Direction::Positive), (d("1"), Status::Met));
    }

    #[test]
    fn equal_targets_other_than_zero_score_as_positive() {
        assert_eq!(
            share("=50个", "40个", Direction::Equal),
            (d("0.8"), Status::Partial)
        );
    }

    #[test]
    fn over_achievement_needs_an_explanation() {
        let o = outcome(
            &Target::lenient("≥10家"),
            "13家",
            None,
            Direction::Positive,
            &AssessConfig::default(),
        );
        assert!(o.explain);
        assert_eq!(
            o.note.as_ref().map(|m| m.en.as_str()),
            Some("the actual is 130% of the target: above 130%, it needs a written explanation")
        );
        let o = outcome(
            &Target::lenient("≥10家"),
            "12家",
            None,
            Direction::Positive,
            &AssessConfig::default(),
        );
        assert!(!o.explain);
    }

    #[test]
    fn units_that_do_not_reconcile_are_not_scored() {
        let (share_, status) = share("≥25亿美元", "150亿元", Direction::Positive);
        assert_eq!((share_, status), (d("0"), Status::Unscored));
        let o = outcome(
            &Target::lenient("≥25亿美元"),
            "150亿元",
            None,
            Direction::Positive,
            &AssessConfig::default(),
        );
        assert_eq!(
            o.note.as_ref().map(|m| m.en.as_str()),
            Some("cannot compare 150亿元 with 25亿美元: the units differ (元, 美元)")
        );
    }

    #[test]
    fn bare_actuals_take_the_target_unit() {
        let o = outcome(
            &Target::lenient("≥90%"),
            "95",
            None,
            Direction::Positive,
            &AssessConfig::default(),
        );
        assert_eq!(o.status, Status::Met);
        assert_eq!(
            o.note.as_ref().map(|m| m.en.as_str()),
            Some("the actual «95» is read in the target's unit: 95%")
        );
    }

    #[test]
    fn qualitative_results_earn_their_band() {
        assert_eq!(
            share("长期", "达成年度指标", Direction::Positive),
            (d("1"), Status::Met)
        );
        assert_eq!(
            share(
                "及时",
                "部分达成年度指标并具有一定效果",
                Direction::Positive
            ),
            (d("0.7"), Status::Partial)
        );
        assert_eq!(
            share("≥90%", "未达成年度指标且效果较差", Direction::Positive),
            (d("0.3"), Status::Missed)
        );
        assert_eq!(
            share("及时", "及时", Direction::Positive),
            (d("1"), Status::Met)
        );
        assert_eq!(
            share("及时", "较为及时", Direction::Positive).1,
            Status::Unscored
        );
    }

    #[test]
    fn relative_targets_need_their_baseline() {
        let config = AssessConfig::default();
        let target = Target::lenient("较上年增长10%");
        let o = outcome(&target, "1100万元", None, Direction::Positive, &config);
        assert_eq!(o.status, Status::Unscored);
        assert_eq!(
            o.note.as_ref().map(|m| m.en.as_str()),
            Some("a target against the previous year (上年度) needs the baseline value")
        );
        let o = outcome(
            &target,
            "1050万元",
            Some(&q("1000万元")),
            Direction::Positive,
            &config,
        );
        assert_eq!(
            (o.share.round_dp(4), o.status),
            (d("0.9545"), Status::Partial)
        );
        let o = outcome(
            &Target::lenient("不低于上年度"),
            "1200亿元",
            Some(&q("1000亿元")),
            Direction::Positive,
            &config,
        );
        assert_eq!(o.status, Status::Met);
    }

    #[test]
    fn ranges_ranks_and_dates() {
        assert_eq!(
            share("3-5年", "4年", Direction::Positive),
            (d("1"), Status::Met)
        );
        assert_eq!(
            share("3-5年", "2.4年", Direction::Positive),
            (d("0.8"), Status::Partial)
        );
        assert_eq!(
            share("3-5年", "7.5年", Direction::Positive),
            (d("0.5"), Status::Partial)
        );
        assert_eq!(
            share("居全市前6", "第3名", Direction::Negative),
            (d("1"), Status::Met)
        );
        assert_eq!(
            share("居全市前6", "9", Direction::Negative),
            (d("0.5"), Status::Partial)
        );
        assert_eq!(
            share("2024年6月底前", "2024年5月", Direction::Negative),
            (d("1"), Status::Met)
        );
        assert_eq!(
            share("2024年6月底前", "2024年7月", Direction::Negative),
            (d("0"), Status::Missed)
        );
        assert_eq!(
            share("2024年底前", "2024年12月20日", Direction::Negative),
            (d("1"), Status::Met)
        );
    }

    #[test]
    fn missing_and_compound() {
        assert_eq!(
            share("≥90%", "很好", Direction::Positive).1,
            Status::Unscored
        );
        assert_eq!(
            share(
                "广州海关=5000万元，黄埔海关=3000万元",
                "8000万元",
                Direction::Equal
            )
            .1,
            Status::Unscored
        );
    }
}

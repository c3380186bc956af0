//! Assessment (绩效自评): each indicator and project scored against its targets by the national
//! rules, from the actual values (实际完成值) people write.
//!
//! The types are documented here; `actuals` reads the actual values, `score` holds the
//! formulas.

mod actuals;
mod error;
mod score;

use crate::{Directed, Document, Lang};
use core::fmt;
use core::str::FromStr;
use rust_decimal::Decimal;

pub use actuals::Actuals;
pub use error::{AssessError, AssessErrorKind};
pub(crate) use score::execution;

/// The weights of the three tiers and of the budget execution rate (预算执行率), out of 100.
///
/// The defaults are the national guide's, as deployed systems implement it: 产出 50, 效益 30,
/// 满意度 10, 预算执行率 10.
///
/// ```
/// use jixiao::{Tier, Weights};
/// use jixiao::Decimal;
///
/// let w = Weights::default();
/// assert_eq!(w.of(Tier::Output), Decimal::from(50));
/// assert_eq!(w.total(), Decimal::from(100));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Weights {
    /// 产出指标: 50.
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::json::decimal::exact")
    )]
    pub output: Decimal,
    /// 效益指标: 30.
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::json::decimal::exact")
    )]
    pub benefit: Decimal,
    /// 满意度指标: 10.
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::json::decimal::exact")
    )]
    pub satisfaction: Decimal,
    /// 预算执行率: 10.
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::json::decimal::exact")
    )]
    pub budget: Decimal,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            output: Decimal::from(50),
            benefit: Decimal::from(30),
            satisfaction: Decimal::from(10),
            budget: Decimal::from(10),
        }
    }
}

impl Weights {
    /// The weights with another weight of 产出指标.
    ///
    /// ```
    /// use jixiao::{Decimal, Weights};
    ///
    /// let w = Weights::default().with_output(Decimal::from(40)).with_benefit(Decimal::from(40));
    /// assert_eq!(w.total(), Decimal::from(100));
    /// ```
    #[must_use]
    pub fn with_output(mut self, weight: Decimal) -> Weights {
        self.output = weight;
        self
    }

    /// The weights with another weight of 效益指标.
    ///
    /// ```
    /// use jixiao::{Decimal, Weights};
    ///
    /// assert_eq!(Weights::default().with_benefit(Decimal::from(20)).benefit, Decimal::from(20));
    /// ```
    #[must_use]
    pub fn with_benefit(mut self, weight: Decimal) -> Weights {
        self.benefit = weight;
        self
    }

    /// The weights with another weight of 满意度指标.
    ///
    /// ```
    /// use jixiao::{Decimal, Weights};
    ///
    /// assert_eq!(Weights::default().with_satisfaction(Decimal::from(20)).satisfaction, Decimal::from(20));
    /// ```
    #[must_use]
    pub fn with_satisfaction(mut self, weight: Decimal) -> Weights {
        self.satisfaction = weight;
        self
    }

    /// The weights with another weight of 预算执行率.
    ///
    /// ```
    /// use jixiao::{Decimal, Weights};
    ///
    /// assert_eq!(Weights::default().with_budget(Decimal::ZERO).total(), Decimal::from(90));
    /// ```
    #[must_use]
    pub fn with_budget(mut self, weight: Decimal) -> Weights {
        self.budget = weight;
        self
    }

    /// The weight of a tier.
    ///
    /// ```
    /// use jixiao::{Tier, Weights};
    ///
    /// assert_eq!(Weights::default().of(Tier::Satisfaction).to_string(), "10");
    /// ```
    #[must_use]
    pub fn of(&self, tier: crate::Tier) -> Decimal {
        match tier {
            crate::Tier::Output => self.output,
            crate::Tier::Benefit => self.benefit,
            crate::Tier::Satisfaction => self.satisfaction,
            // The national weights give the other tiers nothing: their indicators need
            // weights from the table or the actuals.
            _ => Decimal::ZERO,
        }
    }

    /// The four weights together.
    ///
    /// ```
    /// assert_eq!(jixiao::Weights::default().total().to_string(), "100");
    /// ```
    #[must_use]
    pub fn total(&self) -> Decimal {
        self.output + self.benefit + self.satisfaction + self.budget
    }
}

/// What becomes of a tier's weight where a project has no indicator of that tier.
///
/// ```
/// use jixiao::{AssessConfig, MissingTier};
///
/// assert_eq!(AssessConfig::default().missing_tier, MissingTier::Redistribute);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MissingTier {
    /// The tiers the project has share it in proportion to their weights, so that a project
    /// can still reach 100 (the default).
    Redistribute,
    /// It is lost: the project cannot reach 100.
    Forfeit,
}

/// The share of an indicator's weight a qualitative result earns, in percent. The guide's
/// bands are 100–80, 80–60 and 60–0; the defaults take the top of the first band and the
/// middle of the others.
///
/// ```
/// use jixiao::QualitativeScores;
///
/// assert_eq!(QualitativeScores::default().partial.to_string(), "70");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct QualitativeScores {
    /// 达成年度指标: 100.
    pub achieved: Decimal,
    /// 部分达成年度指标并具有一定效果: 70.
    pub partial: Decimal,
    /// 未达成年度指标且效果较差: 30.
    pub missed: Decimal,
}

impl Default for QualitativeScores {
    fn default() -> Self {
        QualitativeScores {
            achieved: Decimal::ONE_HUNDRED,
            partial: Decimal::from(70),
            missed: Decimal::from(30),
        }
    }
}

impl QualitativeScores {
    /// The shares with another share for 达成年度指标.
    ///
    /// ```
    /// use jixiao::{Decimal, QualitativeScores};
    ///
    /// let q = QualitativeScores::default().with_achieved(Decimal::from(90));
    /// assert_eq!(q.achieved, Decimal::from(90));
    /// ```
    #[must_use]
    pub fn with_achieved(mut self, share: Decimal) -> QualitativeScores {
        self.achieved = share;
        self
    }

    /// The shares with another share for 部分达成年度指标并具有一定效果.
    ///
    /// ```
    /// use jixiao::{Decimal, QualitativeScores};
    ///
    /// let q = QualitativeScores::default().with_partial(Decimal::from(60));
    /// assert_eq!(q.partial, Decimal::from(60));
    /// ```
    #[must_use]
    pub fn with_partial(mut self, share: Decimal) -> QualitativeScores {
        self.partial = share;
        self
    }

    /// The shares with another share for 未达成年度指标且效果较差.
    ///
    /// ```
    /// use jixiao::{Decimal, QualitativeScores};
    ///
    /// let q = QualitativeScores::default().with_missed(Decimal::ZERO);
    /// assert_eq!(q.missed, Decimal::ZERO);
    /// ```
    #[must_use]
    pub fn with_missed(mut self, share: Decimal) -> QualitativeScores {
        self.missed = share;
        self
    }
}

/// How scores become grades: the lowest score of 优, 良 and 中 (below is 差).
///
/// ```
/// use jixiao::{Grade, GradeBands};
/// use jixiao::Decimal;
///
/// assert_eq!(GradeBands::default().grade(Decimal::from(85)), Grade::Good);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct GradeBands {
    /// 优 from 90.
    pub excellent: Decimal,
    /// 良 from 80.
    pub good: Decimal,
    /// 中 from 60.
    pub fair: Decimal,
}

impl Default for GradeBands {
    fn default() -> Self {
        GradeBands {
            excellent: Decimal::from(90),
            good: Decimal::from(80),
            fair: Decimal::from(60),
        }
    }
}

impl GradeBands {
    /// The bands with another lowest score of 优.
    ///
    /// ```
    /// use jixiao::{Decimal, Grade, GradeBands};
    ///
    /// let bands = GradeBands::default().with_excellent(Decimal::from(95));
    /// assert_eq!(bands.grade(Decimal::from(92)), Grade::Good);
    /// ```
    #[must_use]
    pub fn with_excellent(mut self, lowest: Decimal) -> GradeBands {
        self.excellent = lowest;
        self
    }

    /// The bands with another lowest score of 良.
    ///
    /// ```
    /// use jixiao::{Decimal, Grade, GradeBands};
    ///
    /// let bands = GradeBands::default().with_good(Decimal::from(75));
    /// assert_eq!(bands.grade(Decimal::from(78)), Grade::Good);
    /// ```
    #[must_use]
    pub fn with_good(mut self, lowest: Decimal) -> GradeBands {
        self.good = lowest;
        self
    }

    /// The bands with another lowest score of 中.
    ///
    /// ```
    /// use jixiao::{Decimal, Grade, GradeBands};
    ///
    /// let bands = GradeBands::default().with_fair(Decimal::from(50));
    /// assert_eq!(bands.grade(Decimal::from(55)), Grade::Fair);
    /// ```
    #[must_use]
    pub fn with_fair(mut self, lowest: Decimal) -> GradeBands {
        self.fair = lowest;
        self
    }

    /// The grade of a score.
    ///
    /// ```
    /// use jixiao::{Grade, GradeBands};
    /// use jixiao::Decimal;
    ///
    /// let bands = GradeBands::default();
    /// assert_eq!(bands.grade(Decimal::from(90)), Grade::Excellent);
    /// assert_eq!(bands.grade(Decimal::new(5999, 2)), Grade::Poor);
    /// ```
    #[must_use]
    pub fn grade(&self, score: Decimal) -> Grade {
        if score >= self.excellent {
            Grade::Excellent
        } else if score >= self.good {
            Grade::Good
        } else if score >= self.fair {
            Grade::Fair
        } else {
            Grade::Poor
        }
    }
}

/// The rules of an assessment. The defaults say where they come from.
///
/// Fields may be added: build a config from [`AssessConfig::default`] and its `with_*`
/// methods (or set its public fields).
///
/// ```
/// use jixiao::{AssessConfig, Decimal, MissingTier, Weights};
///
/// let config = AssessConfig::default()
///     .with_weights(Weights::default().with_output(Decimal::from(60)).with_benefit(Decimal::from(20)))
///     .with_missing_tier(MissingTier::Forfeit);
/// assert_eq!(config.weights.total(), Decimal::from(100));
/// assert_eq!(AssessConfig::default().explain_from, Decimal::from(130));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct AssessConfig {
    /// The weights of the tiers and the budget.
    pub weights: Weights,
    /// What becomes of a missing tier's weight.
    pub missing_tier: MissingTier,
    /// What qualitative results earn.
    pub qualitative: QualitativeScores,
    /// The grades.
    pub grades: GradeBands,
    /// An actual at this percentage of its target or more needs a written explanation.
    /// Default 130, as 广西's system asks.
    pub explain_from: Decimal,
}

impl Default for AssessConfig {
    fn default() -> Self {
        AssessConfig {
            weights: Weights::default(),
            missing_tier: MissingTier::Redistribute,
            qualitative: QualitativeScores::default(),
            grades: GradeBands::default(),
            explain_from: Decimal::from(130),
        }
    }
}

impl AssessConfig {
    /// The config with other weights of the tiers and the budget.
    ///
    /// ```
    /// use jixiao::{AssessConfig, Decimal, Weights};
    ///
    /// let config = AssessConfig::default().with_weights(Weights::default().with_budget(Decimal::from(20)));
    /// assert_eq!(config.weights.budget, Decimal::from(20));
    /// ```
    #[must_use]
    pub fn with_weights(mut self, weights: Weights) -> AssessConfig {
        self.weights = weights;
        self
    }

    /// The config with another rule for a missing tier's weight.
    ///
    /// ```
    /// use jixiao::{AssessConfig, MissingTier};
    ///
    /// let config = AssessConfig::default().with_missing_tier(MissingTier::Forfeit);
    /// assert_eq!(config.missing_tier, MissingTier::Forfeit);
    /// ```
    #[must_use]
    pub fn with_missing_tier(mut self, missing_tier: MissingTier) -> AssessConfig {
        self.missing_tier = missing_tier;
        self
    }

    /// The config with other shares for qualitative results.
    ///
    /// ```
    /// use jixiao::{AssessConfig, Decimal, QualitativeScores};
    ///
    /// let shares = QualitativeScores::default().with_partial(Decimal::from(80));
    /// let config = AssessConfig::default().with_qualitative(shares);
    /// assert_eq!(config.qualitative.partial, Decimal::from(80));
    /// ```
    #[must_use]
    pub fn with_qualitative(mut self, qualitative: QualitativeScores) -> AssessConfig {
        self.qualitative = qualitative;
        self
    }

    /// The config with other grade bands.
    ///
    /// ```
    /// use jixiao::{AssessConfig, Decimal, GradeBands};
    ///
    /// let config = AssessConfig::default().with_grades(GradeBands::default().with_fair(Decimal::from(50)));
    /// assert_eq!(config.grades.fair, Decimal::from(50));
    /// ```
    #[must_use]
    pub fn with_grades(mut self, grades: GradeBands) -> AssessConfig {
        self.grades = grades;
        self
    }

    /// The config with another percentage of its target from which an actual needs a written
    /// explanation.
    ///
    /// ```
    /// use jixiao::{AssessConfig, Decimal};
    ///
    /// let config = AssessConfig::default().with_explain_from(Decimal::from(150));
    /// assert_eq!(config.explain_from, Decimal::from(150));
    /// ```
    #[must_use]
    pub fn with_explain_from(mut self, percent: Decimal) -> AssessConfig {
        self.explain_from = percent;
        self
    }
}

/// A grade: 优, 良, 中 or 差.
///
/// ```
/// use jixiao::Grade;
///
/// assert_eq!(Grade::Excellent.as_str(), "优");
/// assert_eq!("差".parse::<Grade>(), Ok(Grade::Poor));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Grade {
    /// 优: 90 and above.
    #[cfg_attr(feature = "serde", serde(rename = "优"))]
    Excellent,
    /// 良: 80 to 90.
    #[cfg_attr(feature = "serde", serde(rename = "良"))]
    Good,
    /// 中: 60 to 80.
    #[cfg_attr(feature = "serde", serde(rename = "中"))]
    Fair,
    /// 差: below 60.
    #[cfg_attr(feature = "serde", serde(rename = "差"))]
    Poor,
}

impl Grade {
    /// The grade's character: 优, 良, 中, 差.
    ///
    /// ```
    /// assert_eq!(jixiao::Grade::Fair.as_str(), "中");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Grade::Excellent => "优",
            Grade::Good => "良",
            Grade::Fair => "中",
            Grade::Poor => "差",
        }
    }

    /// The grade in words of a language: `优` in Chinese, `excellent` in English.
    ///
    /// ```
    /// use jixiao::{Grade, Lang};
    ///
    /// assert_eq!(Grade::Good.describe(Lang::Zh), "良");
    /// assert_eq!(Grade::Good.describe(Lang::En), "good");
    /// ```
    #[must_use]
    pub const fn describe(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Grade::Excellent, Lang::En) => "excellent",
            (Grade::Good, Lang::En) => "good",
            (Grade::Fair, Lang::En) => "fair",
            (Grade::Poor, Lang::En) => "poor",
            (_, _) => self.as_str(),
        }
    }
}

impl fmt::Display for Grade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Grade {
    type Err = AssessError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [Grade::Excellent, Grade::Good, Grade::Fair, Grade::Poor]
            .into_iter()
            .find(|g| g.as_str() == s)
            .ok_or_else(|| AssessError::unknown("grade", s))
    }
}

/// How an indicator (or the budget) fared.
///
/// ```
/// use jixiao::Status;
///
/// assert_eq!(Status::Unscored.as_str(), "unscored");
/// assert_eq!("met".parse::<Status>(), Ok(Status::Met));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub enum Status {
    /// The target was met: full weight.
    Met,
    /// Part of the weight.
    Partial,
    /// Nothing, or the lowest band.
    Missed,
    /// Not scored: no actual, no baseline, units that do not reconcile …; the note says why.
    Unscored,
}

impl Status {
    /// The name used in JSON.
    ///
    /// ```
    /// assert_eq!(jixiao::Status::Partial.as_str(), "partial");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::Partial => "partial",
            Status::Missed => "missed",
            Status::Unscored => "unscored",
        }
    }

    /// The status in words of a language: `部分达成` for [`Status::Partial`] in Chinese.
    ///
    /// ```
    /// use jixiao::{Lang, Status};
    ///
    /// assert_eq!(Status::Partial.describe(Lang::Zh), "部分达成");
    /// assert_eq!(Status::Partial.describe(Lang::En), "partial");
    /// ```
    #[must_use]
    pub const fn describe(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Status::Met, Lang::Zh) => "达成",
            (Status::Partial, Lang::Zh) => "部分达成",
            (Status::Missed, Lang::Zh) => "未达成",
            (Status::Unscored, Lang::Zh) => "未评分",
            (_, _) => self.as_str(),
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Status {
    type Err = AssessError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [
            Status::Met,
            Status::Partial,
            Status::Missed,
            Status::Unscored,
        ]
        .into_iter()
        .find(|g| g.as_str() == s)
        .ok_or_else(|| AssessError::unknown("status", s))
    }
}

/// An indicator's score.
///
/// ```
/// use jixiao::{assess, Actuals, AssessConfig, Direction, Document, Status};
///
/// let doc: Document = std::fs::read_to_string("tests/data/guangzhou_commerce_2024.txt")?.parse()?;
/// let actuals: Actuals = "project,indicator,actual\n1,2,81%".parse()?;
/// let scores = assess(&doc, &actuals, &AssessConfig::default());
/// let i = &scores.projects[0].indicators[1];
/// assert_eq!((i.seq, i.name.as_str()), (2, "扶持资金发放及时率"));
/// assert_eq!((i.weight.to_string(), i.score.to_string()), ("25.00".into(), "22.50".into()));
/// assert_eq!(i.status, Status::Partial);
/// assert_eq!(i.direction.direction, Direction::Positive);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct IndicatorScore {
    /// The indicator's number within its project.
    pub seq: u32,
    /// The indicator's name.
    pub name: String,
    /// Its weight, out of 100.
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::json::decimal::exact")
    )]
    pub weight: Decimal,
    /// The score it earned, rounded to two decimals.
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::json::decimal::exact")
    )]
    pub score: Decimal,
    /// How it fared.
    pub status: Status,
    /// Which way it was scored, and whether that was a guess.
    pub direction: Directed,
    /// The actual value, as written.
    pub actual: Option<String>,
    /// Why it is unscored, how the actual was read, or why it needs an explanation.
    pub note: Option<String>,
    /// The note in Chinese (`None` where there is no note, or none in Chinese was given):
    /// see [`note_in`](Self::note_in).
    #[cfg_attr(feature = "serde", serde(default))]
    pub note_zh: Option<String>,
    /// Whether the actual is so far above the target (130% by default) that it needs a
    /// written explanation.
    pub explain: bool,
    /// The score the table gives it (得分), where it gives one: to be set beside
    /// [`score`](Self::score), the score the rules give.
    #[cfg_attr(feature = "serde", serde(default))]
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::json::decimal::option")
    )]
    pub stated_score: Option<Decimal>,
}

/// The budget execution rate's score: executed ÷ budget × its weight, capped at the weight.
///
/// ```
/// use jixiao::{assess, Actuals, AssessConfig, Document, Status};
///
/// let doc: Document = std::fs::read_to_string("tests/data/guangzhou_commerce_2024.txt")?.parse()?;
/// let actuals: Actuals = "project,indicator,actual\n1,budget,702".parse()?;
/// let b = &assess(&doc, &actuals, &AssessConfig::default()).projects[0].budget;
/// assert_eq!(b.score.to_string(), "9.00"); // 702 of 780.00
/// assert_eq!(b.status, Status::Partial);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct BudgetScore {
    /// Its weight, out of 100.
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::json::decimal::exact")
    )]
    pub weight: Decimal,
    /// The project's budget (its total), in the table's money unit.
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "crate::json::decimal::option")
    )]
    pub budget: Option<Decimal>,
    /// The amount executed, in the same unit.
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "crate::json::decimal::option")
    )]
    pub executed: Option<Decimal>,
    /// The score, rounded to two decimals.
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::json::decimal::exact")
    )]
    pub score: Decimal,
    /// How it fared.
    pub status: Status,
    /// Why it is unscored, where the amounts cannot be scored.
    #[cfg_attr(feature = "serde", serde(default))]
    pub note: Option<String>,
    /// The note in Chinese: see [`note_in`](Self::note_in).
    #[cfg_attr(feature = "serde", serde(default))]
    pub note_zh: Option<String>,
    /// The score the table gives the budget's execution (its money block's 得分), where it
    /// gives one.
    #[cfg_attr(feature = "serde", serde(default))]
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::json::decimal::option")
    )]
    pub stated_score: Option<Decimal>,
    /// The execution rate the table states (执行率, in percent), where it states one.
    #[cfg_attr(feature = "serde", serde(default))]
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::json::decimal::option")
    )]
    pub stated_rate: Option<Decimal>,
}

/// A project's score.
///
/// ```
/// use jixiao::{assess, Actuals, AssessConfig, Document, Grade};
///
/// let doc: Document = std::fs::read_to_string("tests/data/guangzhou_commerce_2024.txt")?.parse()?;
/// let actuals: Actuals = std::fs::read_to_string("tests/data/guangzhou_commerce_2024_actuals.csv")?.parse()?;
/// let p = &assess(&doc, &actuals, &AssessConfig::default()).projects[0];
/// assert_eq!((p.project, p.name.as_str()), (1, "服务贸易专题"));
/// assert_eq!((p.score.to_string(), p.grade), ("99.60".into(), Grade::Excellent));
/// assert!(p.complete);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ProjectScore {
    /// The project's 1-based position in the document.
    pub project: usize,
    /// The project's name.
    pub name: String,
    /// The total, out of 100, rounded to two decimals.
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::json::decimal::exact")
    )]
    pub score: Decimal,
    /// The grade of the score.
    pub grade: Grade,
    /// Each indicator's score.
    pub indicators: Vec<IndicatorScore>,
    /// The budget execution rate's score.
    pub budget: BudgetScore,
    /// Whether every indicator and the budget were scored.
    pub complete: bool,
    /// The table's own total: the sum of the scores it states (得分) for the indicators and
    /// the budget, where it states any. To be set beside [`score`](Self::score), the total
    /// the rules give.
    #[cfg_attr(feature = "serde", serde(default))]
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::json::decimal::option")
    )]
    pub stated_score: Option<Decimal>,
}

/// The scores of a document's projects.
///
/// ```
/// use jixiao::{assess, Actuals, AssessConfig, Document, Grade, Status};
///
/// let doc: Document = std::fs::read_to_string("tests/data/guangzhou_commerce_2024.txt")?.parse()?;
/// let actuals: Actuals = "project,indicator,actual\n\
///                         1,1,100%\n1,2,85%\n1,3,2次\n1,4,15家\n1,5,92%\n1,budget,760".parse()?;
/// let assessment = assess(&doc, &actuals, &AssessConfig::default());
/// let first = &assessment.projects[0];
/// assert_eq!(first.indicators[1].status, Status::Partial);
/// assert_eq!(first.score.to_string(), "98.35");
/// assert_eq!(first.grade, Grade::Excellent);
/// assert!(first.complete);
/// assert!(!assessment.projects[1].complete);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
// The JSON begins with the format's version: see `json::versioned`.
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(remote = "Self")
)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Assessment", transform = crate::json::with_format)
)]
#[non_exhaustive]
pub struct Assessment {
    /// Every project of the document, in order.
    pub projects: Vec<ProjectScore>,
    /// What of the actual values found no place in the document: a project or an indicator
    /// it does not have, with the CSV line where there is one.
    #[cfg_attr(feature = "serde", serde(default))]
    pub notes: Vec<String>,
    /// The same notes in Chinese, in the same order: see [`notes_in`](Self::notes_in).
    #[cfg_attr(feature = "serde", serde(default))]
    pub notes_zh: Vec<String>,
}

impl IndicatorScore {
    /// The note in a language; in Chinese, the English one where no Chinese was given.
    ///
    /// ```
    /// use jixiao::{assess, Actuals, AssessConfig, Document, Lang};
    ///
    /// let doc: Document = std::fs::read_to_string("tests/data/guangzhou_commerce_2024.txt")?.parse()?;
    /// let scores = assess(&doc, &Actuals::default(), &AssessConfig::default());
    /// let first = &scores.projects[0].indicators[0];
    /// assert_eq!(first.note_in(Lang::En), Some("no actual value"));
    /// assert_eq!(first.note_in(Lang::Zh), Some("未填写实际完成值"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn note_in(&self, lang: Lang) -> Option<&str> {
        note_in(self.note.as_deref(), self.note_zh.as_deref(), lang)
    }
}

impl BudgetScore {
    /// The note in a language; in Chinese, the English one where no Chinese was given.
    ///
    /// ```
    /// use jixiao::{assess, Actuals, AssessConfig, Document, Lang};
    ///
    /// let doc: Document = std::fs::read_to_string("tests/data/guangzhou_commerce_2024.txt")?.parse()?;
    /// let scores = assess(&doc, &Actuals::default(), &AssessConfig::default());
    /// assert_eq!(scores.projects[0].budget.note_in(Lang::Zh), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn note_in(&self, lang: Lang) -> Option<&str> {
        note_in(self.note.as_deref(), self.note_zh.as_deref(), lang)
    }
}

impl Assessment {
    /// The notes in a language; in Chinese, each in English where no Chinese was given.
    ///
    /// ```
    /// use jixiao::{assess, Actuals, AssessConfig, Document, Lang};
    ///
    /// let doc: Document = std::fs::read_to_string("tests/data/guangzhou_commerce_2024.txt")?.parse()?;
    /// let actuals: Actuals = "project,indicator,actual\n99,1,5".parse()?;
    /// let scores = assess(&doc, &actuals, &AssessConfig::default());
    /// let notes: Vec<&str> = scores.notes_in(Lang::Zh).collect();
    /// assert_eq!(notes, ["第2行：表中没有第99个项目（共68个项目）：此值未评分"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn notes_in(&self, lang: Lang) -> impl Iterator<Item = &str> {
        self.notes.iter().enumerate().map(move |(i, en)| {
            note_in(Some(en), self.notes_zh.get(i).map(String::as_str), lang).unwrap_or(en)
        })
    }
}

/// A note in a language, from its English and its Chinese.
fn note_in<'a>(en: Option<&'a str>, zh: Option<&'a str>, lang: Lang) -> Option<&'a str> {
    en.map(|en| lang.text(en, zh.unwrap_or("")))
}

/// Scores every project of a document against the actual values given.
///
/// ```
/// use jixiao::{assess, Actuals, AssessConfig, Document, Status};
///
/// let doc: Document = std::fs::read_to_string("tests/data/guangzhou_commerce_2024.txt")?.parse()?;
/// let assessment = assess(&doc, &Actuals::default(), &AssessConfig::default());
/// assert_eq!(assessment.projects.len(), 68);
/// assert!(assessment.projects[0].indicators.iter().all(|i| i.status == Status::Unscored));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn assess(doc: &Document, actuals: &Actuals, config: &AssessConfig) -> Assessment {
    score::assess(doc, actuals, config)
}

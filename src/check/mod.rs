//! Checks: the reviews finance bureaus and auditors run over a table's targets before a budget
//! is approved. Each check has a stable code; thresholds are configurable.
//!
//! The types are documented here; `rules` holds one function per check of the targets,
//! `selfeval` the checks of a self-evaluation's weights, scores and money block.

mod rules;
mod selfeval;

use crate::{Document, Lang, Severity};
use core::fmt;
use core::str::FromStr;
use rust_decimal::Decimal;

/// What a [`Finding`] is about; its string form is stable.
///
/// ```
/// use jixiao::CheckCode;
///
/// assert_eq!(CheckCode::SatisfactionFloor.as_str(), "satisfaction-floor");
/// assert_eq!("placeholder".parse::<CheckCode>(), Ok(CheckCode::Placeholder));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "kebab-case")
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub enum CheckCode {
    /// An indicator's tier disagrees with its category.
    TierCategory,
    /// A value's unit contradicts the unit its name states: a unit of another measure (`元`
    /// under `（人）`, `小时` under `（%）`), or of the same measure that does not convert
    /// (`亿元` under `（亿美元）`). The number means something else: an error.
    UnitContradiction,
    /// A value's unit differs from the unit its name states where both may count the same
    /// thing: two counting words (`不少于15家` under `扶持项目数（个）`), or a word this crate
    /// does not know as a unit (`≥3组` under `其他试验(水稻)`). A warning: worth a look, often
    /// the same count worded differently.
    UnitDiffers,
    /// A 率 or 满意度 whose value is not a percentage.
    RateNotPercent,
    /// A 率 or 满意度 above 100%.
    PercentOver100,
    /// An annual value above the implementation-period value of the same count.
    AnnualAbovePeriod,
    /// A comparator against the meaning of the name: `≤` on 合格率, `≥` on 事故率.
    DirectionAgainstName,
    /// A 满意度 target below the floor (80% by default).
    SatisfactionFloor,
    /// Words or untyped text where a number was feasible.
    NotQuantified,
    /// A placeholder instead of a value: `XX`, `**`, `—`, a comparator with no number.
    Placeholder,
    /// An empty value.
    EmptyValue,
    /// The same indicator twice in one project.
    DuplicateIndicator,
    /// A project without indicators of all three tiers.
    MissingTier,
    /// A comparator written in a non-standard symbol (`≧`, `＞`); the canonical form is given.
    NonStandardSymbol,
    /// Money that does not add up, from the table parser.
    SumMismatch,
    /// A self-evaluation's score above the indicator's weight.
    ScoreAboveWeight,
    /// A self-evaluation's weights that do not add up: to 100 with the budget's, or to the
    /// total a tier label prints (`产出指标(50分)`).
    WeightsTotal,
    /// A self-evaluation's score that the rules do not give, beyond the tolerance.
    ScoreUnjustified,
    /// Full marks where the actual falls short of the target.
    FullMarksMissed,
    /// A score below full marks with no reason given (偏差原因分析及改进措施, 未完成原因).
    ReasonMissing,
    /// A 执行率 that is not 执行数 ÷ 预算数, beyond the tolerance.
    RateMismatch,
    /// A budget score that does not follow the execution rate.
    BudgetScoreMismatch,
    /// An actual at 130% of its target or more with no explanation.
    ExplanationMissing,
    /// A template's placeholder left in the table: a row of zeros (`0 | 0.00% | 0`), a
    /// placeholder in a name (`(≥**人)`, `XX`).
    PlaceholderRow,
}

impl CheckCode {
    /// Every check, in the order they run.
    ///
    /// ```
    /// assert_eq!(jixiao::CheckCode::ALL.len(), 24);
    /// ```
    pub const ALL: [CheckCode; 24] = [
        CheckCode::SumMismatch,
        CheckCode::TierCategory,
        CheckCode::MissingTier,
        CheckCode::DuplicateIndicator,
        CheckCode::EmptyValue,
        CheckCode::Placeholder,
        CheckCode::UnitContradiction,
        CheckCode::UnitDiffers,
        CheckCode::RateNotPercent,
        CheckCode::PercentOver100,
        CheckCode::AnnualAbovePeriod,
        CheckCode::DirectionAgainstName,
        CheckCode::SatisfactionFloor,
        CheckCode::NotQuantified,
        CheckCode::NonStandardSymbol,
        CheckCode::ScoreAboveWeight,
        CheckCode::WeightsTotal,
        CheckCode::ScoreUnjustified,
        CheckCode::FullMarksMissed,
        CheckCode::ReasonMissing,
        CheckCode::RateMismatch,
        CheckCode::BudgetScoreMismatch,
        CheckCode::ExplanationMissing,
        CheckCode::PlaceholderRow,
    ];

    /// The stable name: `"unit-contradiction"` …
    ///
    /// ```
    /// assert_eq!(jixiao::CheckCode::AnnualAbovePeriod.as_str(), "annual-above-period");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            CheckCode::TierCategory => "tier-category",
            CheckCode::UnitContradiction => "unit-contradiction",
            CheckCode::UnitDiffers => "unit-differs",
            CheckCode::RateNotPercent => "rate-not-percent",
            CheckCode::PercentOver100 => "percent-over-100",
            CheckCode::AnnualAbovePeriod => "annual-above-period",
            CheckCode::DirectionAgainstName => "direction-against-name",
            CheckCode::SatisfactionFloor => "satisfaction-floor",
            CheckCode::NotQuantified => "not-quantified",
            CheckCode::Placeholder => "placeholder",
            CheckCode::EmptyValue => "empty-value",
            CheckCode::DuplicateIndicator => "duplicate-indicator",
            CheckCode::MissingTier => "missing-tier",
            CheckCode::NonStandardSymbol => "non-standard-symbol",
            CheckCode::SumMismatch => "sum-mismatch",
            CheckCode::ScoreAboveWeight => "score-above-weight",
            CheckCode::WeightsTotal => "weights-total",
            CheckCode::ScoreUnjustified => "score-unjustified",
            CheckCode::FullMarksMissed => "full-marks-missed",
            CheckCode::ReasonMissing => "reason-missing",
            CheckCode::RateMismatch => "rate-mismatch",
            CheckCode::BudgetScoreMismatch => "budget-score-mismatch",
            CheckCode::ExplanationMissing => "explanation-missing",
            CheckCode::PlaceholderRow => "placeholder-row",
        }
    }

    /// How much a finding of this check matters.
    ///
    /// ```
    /// use jixiao::{CheckCode, Severity};
    ///
    /// assert_eq!(CheckCode::NonStandardSymbol.severity(), Severity::Info);
    /// ```
    #[must_use]
    pub const fn severity(self) -> Severity {
        match self {
            CheckCode::SumMismatch
            | CheckCode::UnitContradiction
            | CheckCode::PercentOver100
            | CheckCode::Placeholder
            | CheckCode::EmptyValue
            | CheckCode::ScoreAboveWeight
            | CheckCode::ScoreUnjustified
            | CheckCode::FullMarksMissed
            | CheckCode::RateMismatch
            | CheckCode::BudgetScoreMismatch => Severity::Error,
            CheckCode::TierCategory
            | CheckCode::UnitDiffers
            | CheckCode::RateNotPercent
            | CheckCode::AnnualAbovePeriod
            | CheckCode::DirectionAgainstName
            | CheckCode::SatisfactionFloor
            | CheckCode::DuplicateIndicator
            | CheckCode::MissingTier
            | CheckCode::NotQuantified
            | CheckCode::WeightsTotal
            | CheckCode::ReasonMissing
            | CheckCode::ExplanationMissing
            | CheckCode::PlaceholderRow => Severity::Warning,
            CheckCode::NonStandardSymbol => Severity::Info,
        }
    }
}

impl CheckCode {
    /// What the check looks for, in a language: a short description for people, where
    /// [`as_str`](Self::as_str) is for programs.
    ///
    /// ```
    /// use jixiao::{CheckCode, Lang};
    ///
    /// assert_eq!(CheckCode::EmptyValue.describe(Lang::Zh), "指标值为空");
    /// assert_eq!(CheckCode::EmptyValue.describe(Lang::En), "an empty value");
    /// ```
    #[must_use]
    pub const fn describe(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (CheckCode::TierCategory, Lang::En) => "a tier that disagrees with its category",
            (CheckCode::UnitContradiction, Lang::En) => {
                "a unit that contradicts the unit the name states"
            }
            (CheckCode::UnitDiffers, Lang::En) => {
                "a unit that differs from the unit the name states"
            }
            (CheckCode::RateNotPercent, Lang::En) => "a 率 or 满意度 that is not a percentage",
            (CheckCode::PercentOver100, Lang::En) => "a 率 or 满意度 above 100%",
            (CheckCode::AnnualAbovePeriod, Lang::En) => "an annual value above the period's",
            (CheckCode::DirectionAgainstName, Lang::En) => {
                "a comparator against the meaning of the name"
            }
            (CheckCode::SatisfactionFloor, Lang::En) => "a 满意度 below the floor",
            (CheckCode::NotQuantified, Lang::En) => "words where a number was feasible",
            (CheckCode::Placeholder, Lang::En) => "a placeholder instead of a value",
            (CheckCode::EmptyValue, Lang::En) => "an empty value",
            (CheckCode::DuplicateIndicator, Lang::En) => "the same indicator twice in one project",
            (CheckCode::MissingTier, Lang::En) => "a project without indicators of all three tiers",
            (CheckCode::NonStandardSymbol, Lang::En) => "a comparator in a non-standard symbol",
            (CheckCode::SumMismatch, Lang::En) => "money that does not add up",
            (CheckCode::ScoreAboveWeight, Lang::En) => "a score above the weight",
            (CheckCode::WeightsTotal, Lang::En) => "weights that do not add up",
            (CheckCode::ScoreUnjustified, Lang::En) => "a score the rules do not give",
            (CheckCode::FullMarksMissed, Lang::En) => "full marks where the actual falls short",
            (CheckCode::ReasonMissing, Lang::En) => "a score below full marks with no reason given",
            (CheckCode::RateMismatch, Lang::En) => "a 执行率 that is not 执行数 ÷ 预算数",
            (CheckCode::BudgetScoreMismatch, Lang::En) => {
                "a budget score that does not follow the execution rate"
            }
            (CheckCode::ExplanationMissing, Lang::En) => {
                "an actual far above its target with no explanation"
            }
            (CheckCode::PlaceholderRow, Lang::En) => "a template's placeholder left in the table",
            (CheckCode::TierCategory, _) => "一级指标与二级指标不对应",
            (CheckCode::UnitContradiction, _) => "指标值单位与指标名称标明的单位矛盾",
            (CheckCode::UnitDiffers, _) => "指标值单位与指标名称标明的单位不一致",
            (CheckCode::RateNotPercent, _) => "比率或满意度指标值不是百分比",
            (CheckCode::PercentOver100, _) => "比率或满意度指标值超过100%",
            (CheckCode::AnnualAbovePeriod, _) => "年度指标值高于实施周期指标值",
            (CheckCode::DirectionAgainstName, _) => "比较符与指标名称含义相反",
            (CheckCode::SatisfactionFloor, _) => "满意度指标值低于下限",
            (CheckCode::NotQuantified, _) => "可量化的指标未量化",
            (CheckCode::Placeholder, _) => "指标值为占位符",
            (CheckCode::EmptyValue, _) => "指标值为空",
            (CheckCode::DuplicateIndicator, _) => "同一项目中指标重复",
            (CheckCode::MissingTier, _) => "项目缺少某一类一级指标",
            (CheckCode::NonStandardSymbol, _) => "比较符书写不规范",
            (CheckCode::SumMismatch, _) => "金额合计不符",
            (CheckCode::ScoreAboveWeight, _) => "得分高于分值",
            (CheckCode::WeightsTotal, _) => "分值合计不符",
            (CheckCode::ScoreUnjustified, _) => "得分与评分规则不符",
            (CheckCode::FullMarksMissed, _) => "未完成目标却给满分",
            (CheckCode::ReasonMissing, _) => "扣分未说明偏差原因",
            (CheckCode::RateMismatch, _) => "执行率不等于执行数÷预算数",
            (CheckCode::BudgetScoreMismatch, _) => "预算执行得分与执行率不符",
            (CheckCode::ExplanationMissing, _) => "大幅超额完成未作说明",
            (CheckCode::PlaceholderRow, _) => "表中残留模板占位内容",
        }
    }
}

impl fmt::Display for CheckCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for CheckCode {
    type Err = crate::AssessError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CheckCode::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| crate::AssessError::unknown("check", s))
    }
}

/// Thresholds and choices of the checks. The defaults say where they come from.
///
/// Fields may be added: build a config from [`CheckConfig::default`] and its `with_*`
/// methods (or set its public fields).
///
/// ```
/// use jixiao::{CheckCode, CheckConfig, Decimal};
///
/// let config = CheckConfig::default()
///     .with_satisfaction_floor(Decimal::from(85))
///     .with_skip([CheckCode::NonStandardSymbol]);
/// assert_eq!(config.satisfaction_floor, Decimal::from(85));
/// assert_eq!(CheckConfig::default().satisfaction_floor, Decimal::from(80));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CheckConfig {
    /// The lowest 满意度 target, in percent. Default 80: the house rule this crate's domain notes
    /// record, common in provincial guides.
    pub satisfaction_floor: Decimal,
    /// The highest percentage a 率 or 满意度 may have. Default 100: a share cannot exceed the
    /// whole (growth rates, 增长率, are exempt).
    pub percent_ceiling: Decimal,
    /// Checks not to run.
    pub skip: Vec<CheckCode>,
    /// How far a self-evaluation's stated score may be from the score the rules give before
    /// it is reported. Default 0.5: tables round scores to whole points or halves.
    pub score_tolerance: Decimal,
    /// How far a stated 执行率 may be from 执行数 ÷ 预算数, in percentage points. Default 0.5:
    /// tables round rates to whole percents.
    pub rate_tolerance: Decimal,
}

impl Default for CheckConfig {
    fn default() -> Self {
        CheckConfig {
            satisfaction_floor: Decimal::from(80),
            percent_ceiling: Decimal::from(100),
            skip: Vec::new(),
            score_tolerance: Decimal::new(5, 1),
            rate_tolerance: Decimal::new(5, 1),
        }
    }
}

impl CheckConfig {
    /// The config with another lowest 满意度 target, in percent.
    ///
    /// ```
    /// use jixiao::{CheckConfig, Decimal};
    ///
    /// let config = CheckConfig::default().with_satisfaction_floor(Decimal::from(90));
    /// assert_eq!(config.satisfaction_floor, Decimal::from(90));
    /// ```
    #[must_use]
    pub fn with_satisfaction_floor(mut self, floor: Decimal) -> CheckConfig {
        self.satisfaction_floor = floor;
        self
    }

    /// The config with another highest percentage of a 率 or 满意度.
    ///
    /// ```
    /// use jixiao::{CheckConfig, Decimal};
    ///
    /// let config = CheckConfig::default().with_percent_ceiling(Decimal::from(120));
    /// assert_eq!(config.percent_ceiling, Decimal::from(120));
    /// ```
    #[must_use]
    pub fn with_percent_ceiling(mut self, ceiling: Decimal) -> CheckConfig {
        self.percent_ceiling = ceiling;
        self
    }

    /// The config with these checks skipped, besides those it skips already.
    ///
    /// ```
    /// use jixiao::{CheckCode, CheckConfig};
    ///
    /// let config = CheckConfig::default()
    ///     .with_skip([CheckCode::MissingTier])
    ///     .with_skip([CheckCode::NotQuantified, CheckCode::MissingTier]);
    /// assert_eq!(config.skip, [CheckCode::MissingTier, CheckCode::NotQuantified]);
    /// ```
    #[must_use]
    pub fn with_skip(mut self, codes: impl IntoIterator<Item = CheckCode>) -> CheckConfig {
        for code in codes {
            if !self.skip.contains(&code) {
                self.skip.push(code);
            }
        }
        self
    }

    /// The config with another tolerance for a self-evaluation's stated scores.
    ///
    /// ```
    /// use jixiao::{CheckConfig, Decimal};
    ///
    /// let config = CheckConfig::default().with_score_tolerance(Decimal::ONE);
    /// assert_eq!(config.score_tolerance, Decimal::ONE);
    /// ```
    #[must_use]
    pub fn with_score_tolerance(mut self, tolerance: Decimal) -> CheckConfig {
        self.score_tolerance = tolerance;
        self
    }

    /// The config with another tolerance for a stated 执行率, in percentage points.
    ///
    /// ```
    /// use jixiao::{CheckConfig, Decimal};
    ///
    /// let config = CheckConfig::default().with_rate_tolerance(Decimal::ONE);
    /// assert_eq!(config.rate_tolerance, Decimal::ONE);
    /// ```
    #[must_use]
    pub fn with_rate_tolerance(mut self, tolerance: Decimal) -> CheckConfig {
        self.rate_tolerance = tolerance;
        self
    }
}

/// One thing a check found, with what it concerns.
///
/// ```
/// use jixiao::{check, CheckCode, CheckConfig, Document};
///
/// let doc: Document = std::fs::read_to_string("tests/data/guangzhou_commerce_2024.txt")?.parse()?;
/// let report = check(&doc, &CheckConfig::default());
/// let f = report
///     .of(CheckCode::UnitContradiction)
///     .find(|f| f.indicator_name.as_deref() == Some("实际使用外资金额（亿美元）"))
///     .unwrap();
/// assert_eq!(f.project_name.as_deref(), Some("促进利用外资专题"));
/// assert_eq!(f.line, Some(890));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Finding {
    /// Which check.
    pub code: CheckCode,
    /// How much it matters.
    pub severity: Severity,
    /// What was found, in English, quoting the values.
    pub message: String,
    /// What was found, in Chinese, quoting the same values; empty where none was given, and
    /// then [`message_in`](Self::message_in) gives the English.
    #[cfg_attr(feature = "serde", serde(default))]
    pub message_zh: String,
    /// The funding unit's name.
    pub unit: Option<String>,
    /// The project's 1-based position in the document (names repeat).
    pub project: Option<usize>,
    /// The project's name.
    pub project_name: Option<String>,
    /// The indicator's number within its project.
    pub indicator: Option<u32>,
    /// The indicator's name.
    pub indicator_name: Option<String>,
    /// The 1-based line it concerns.
    pub line: Option<usize>,
}

impl Finding {
    /// The message in a language; in Chinese, the English one where no Chinese was given.
    ///
    /// ```
    /// use jixiao::{check, CheckCode, CheckConfig, Document, Lang};
    ///
    /// let doc: Document = std::fs::read_to_string("tests/data/guangzhou_commerce_2024.txt")?.parse()?;
    /// let report = check(&doc, &CheckConfig::default());
    /// let f = report.of(CheckCode::UnitContradiction).next().unwrap();
    /// assert!(f.message_in(Lang::Zh).contains("指标名称标明的单位"));
    /// assert_eq!(f.message_in(Lang::En), f.message);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn message_in(&self, lang: Lang) -> &str {
        lang.text(&self.message, &self.message_zh)
    }

    /// The finding displayed in a language; [`Display`](fmt::Display) is English.
    ///
    /// ```
    /// use jixiao::{check, CheckCode, CheckConfig, Document, Lang};
    ///
    /// let doc: Document = std::fs::read_to_string("tests/data/guangzhou_commerce_2024.txt")?.parse()?;
    /// let report = check(&doc, &CheckConfig::default());
    /// let f = report.of(CheckCode::UnitContradiction).next().unwrap();
    /// let zh = f.display_in(Lang::Zh).to_string();
    /// assert!(zh.starts_with(&format!("第{}行：错误[unit-contradiction] 第", f.line.unwrap())), "{zh}");
    /// assert_eq!(f.display_in(Lang::En).to_string(), f.to_string());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn display_in(&self, lang: Lang) -> impl fmt::Display + '_ {
        InLang(self, lang)
    }
}

/// A finding displayed in a language.
struct InLang<'a>(&'a Finding, Lang);

impl fmt::Display for InLang<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let InLang(finding, lang) = *self;
        if lang != Lang::Zh {
            return fmt::Display::fmt(finding, f);
        }
        if let Some(line) = finding.line {
            write!(f, "第{line}行：")?;
        }
        write!(f, "{}[{}]", finding.severity.describe(lang), finding.code)?;
        if let (Some(n), Some(name)) = (finding.project, &finding.project_name) {
            write!(f, " 第{n}个项目「{name}」")?;
        }
        if let (Some(seq), Some(name)) = (finding.indicator, &finding.indicator_name) {
            write!(f, " 第{seq}项指标「{name}」")?;
        }
        write!(f, "：{}", finding.message_in(lang))
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(line) = self.line {
            write!(f, "{line}: ")?;
        }
        write!(f, "{}[{}]", self.severity, self.code)?;
        if let (Some(n), Some(name)) = (self.project, &self.project_name) {
            write!(f, " project {n} «{name}»")?;
        }
        if let (Some(seq), Some(name)) = (self.indicator, &self.indicator_name) {
            write!(f, " indicator {seq} «{name}»")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// The share of values that are typed numbers (量化率), of a project or a document.
///
/// ```
/// use jixiao::Quantification;
/// use jixiao::Decimal;
///
/// let q = Quantification::new(3, 4);
/// assert_eq!(q.rate(), Some(Decimal::new(75, 0)));
/// assert_eq!(Quantification::default().rate(), None);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Quantification {
    /// Values that carry a number that can be checked and scored.
    pub quantified: usize,
    /// All values (two per indicator).
    pub values: usize,
}

impl Quantification {
    /// The share of `quantified` values among `values`.
    ///
    /// ```
    /// let q = jixiao::Quantification::new(2, 3);
    /// assert_eq!((q.quantified, q.values), (2, 3));
    /// ```
    #[must_use]
    pub const fn new(quantified: usize, values: usize) -> Quantification {
        Quantification { quantified, values }
    }

    /// The share in percent, to two decimals; `None` with no values.
    ///
    /// ```
    /// use jixiao::Quantification;
    ///
    /// assert_eq!(Quantification::new(2, 3).rate().map(|r| r.to_string()).as_deref(), Some("66.67"));
    /// ```
    #[must_use]
    pub fn rate(&self) -> Option<Decimal> {
        if self.values == 0 {
            return None;
        }
        let share =
            Decimal::from(self.quantified) * Decimal::ONE_HUNDRED / Decimal::from(self.values);
        Some(share.round_dp(2).normalize())
    }
}

/// A project's 量化率.
///
/// ```
/// use jixiao::{check, CheckConfig, Document};
///
/// let doc: Document = std::fs::read_to_string("tests/data/guangzhou_commerce_2024.txt")?.parse()?;
/// let report = check(&doc, &CheckConfig::default());
/// let last = report.projects.last().unwrap();
/// assert_eq!((last.project, last.name.as_str()), (68, "历史遗留问题处置专项经费"));
/// assert_eq!(last.quantification.rate().map(|r| r.to_string()).as_deref(), Some("50"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ProjectQuantification {
    /// The project's 1-based position in the document.
    pub project: usize,
    /// The project's name.
    pub name: String,
    /// Its values.
    pub quantification: Quantification,
}

/// What the checks found over a document, and how quantified its values are.
///
/// ```
/// use jixiao::{check, CheckConfig, Document};
///
/// let doc: Document = std::fs::read_to_string("tests/data/guangzhou_commerce_2024.txt")?.parse()?;
/// let report = check(&doc, &CheckConfig::default());
/// assert_eq!(report.quantification.values, 676);
/// assert_eq!(report.projects.len(), 68);
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
    schemars(rename = "Report", transform = crate::json::with_format)
)]
#[non_exhaustive]
pub struct Report {
    /// The findings, in the order of the document.
    pub findings: Vec<Finding>,
    /// The document's 量化率.
    pub quantification: Quantification,
    /// Each project's 量化率.
    pub projects: Vec<ProjectQuantification>,
}

impl Report {
    /// The findings of one check.
    ///
    /// ```
    /// use jixiao::{check, CheckCode, CheckConfig, Document};
    ///
    /// let doc: Document = std::fs::read_to_string("tests/data/guangzhou_commerce_2024.txt")?.parse()?;
    /// let report = check(&doc, &CheckConfig::default());
    /// assert!(report.of(CheckCode::NonStandardSymbol).count() > 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn of(&self, code: CheckCode) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.code == code)
    }
}

/// Runs every check over a document (but those the config skips).
///
/// ```
/// use jixiao::{check, CheckCode, CheckConfig, Document};
///
/// let doc: Document = std::fs::read_to_string("tests/data/guangzhou_commerce_2024.txt")?.parse()?;
/// let config = CheckConfig::default().with_skip([CheckCode::NonStandardSymbol]);
/// let report = check(&doc, &config);
/// assert_eq!(report.of(CheckCode::NonStandardSymbol).count(), 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn check(doc: &Document, config: &CheckConfig) -> Report {
    rules::run(doc, config)
}

//! The indicator (三级指标): its place in the taxonomy, its targets, and what a grid row adds
//! (weight, score, actual value, direction, text columns).

use crate::{Category, Diagnostic, Direction, Quantity, TableError, Target, Tier};
use core::fmt;
use core::str::FromStr;
use rust_decimal::Decimal;

/// One indicator (三级指标) with its place in the taxonomy and its targets, and, where the
/// table prints them, its weight, score, actual value and text columns.
///
/// ```
/// use jixiao::{Category, Indicator, Kind, Tier};
///
/// let i: Indicator = "4、2-效益指标；22-社会效益；111012743-平台累计注册企业数量；\
///                     实施周期指标值:截至2026年≥7.6万家；年度指标值:≥7.4万家。".parse()?;
/// assert_eq!((i.seq, i.tier, i.category), (4, Some(Tier::Benefit), Some(Category::Social)));
/// assert_eq!(i.code.as_deref(), Some("111012743"));
/// assert_eq!(i.name, "平台累计注册企业数量");
/// assert_eq!(i.period.as_ref().map(|p| p.kind()), Some(Kind::Compare));
/// assert_eq!(i.annual.to_string(), "≥7.4万家");
/// assert_eq!(i.to_string().parse::<Indicator>()?, i);
/// # Ok::<(), jixiao::TableError>(())
/// ```
///
/// Its [`Display`](fmt::Display) is the record of the Guangzhou layout, extended with a
/// labelled field for each thing a grid row adds (`；分值:10；得分:9.5`); [`FromStr`] reads it
/// back. Equality ignores [`Indicator::line`], which says where the indicator was read, not
/// what it says.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Indicator {
    /// The number of the indicator within its project, from 1: as printed in a run-on
    /// record or a 序号 column, else its position.
    pub seq: u32,
    /// The tier (一级指标) as written; it may disagree with the category's tier. `None` where
    /// the label names no tier this crate knows (it is in [`tier_label`](Self::tier_label)),
    /// and where the table prints no tier at all ([`Category::tier`] gives the taxonomy's);
    /// a row that leaves its tier out in a table that prints tiers takes its category's.
    pub tier: Option<Tier>,
    /// The category (二级指标); `None` where the table has none or its label names no category
    /// this crate knows (it is in [`category_label`](Self::category_label)).
    pub category: Option<Category>,
    /// The indicator's name (三级指标), without its code.
    pub name: String,
    /// The system code written before the name (`111038427` in `111038427-培训服务次数`).
    pub code: Option<String>,
    /// The target for a second horizon: the implementation period (实施周期指标值) by
    /// default, or the one [`period_label`](Self::period_label) names (长期, 中期, 半年).
    pub period: Option<Target>,
    /// The target for the year (年度指标值, 全年指标值); a table's single 指标值.
    pub annual: Target,
    /// The 1-based line the indicator starts on, where it was read from a larger text (the
    /// row, for a spreadsheet).
    #[cfg_attr(feature = "serde", serde(default))]
    pub line: Option<usize>,
    /// The tier's label as printed, where it differs from the tier's name: `产出指标(50分)`,
    /// `產出指標`, `项目完成指标`.
    #[cfg_attr(feature = "serde", serde(default))]
    pub tier_label: Option<String>,
    /// The category's label as printed, where it differs from the category's name.
    #[cfg_attr(feature = "serde", serde(default))]
    pub category_label: Option<String>,
    /// The header of the second horizon's column where it is not 实施周期指标值: `长期指标值`,
    /// `中期目标`, `半年指标值`.
    #[cfg_attr(feature = "serde", serde(default))]
    pub period_label: Option<String>,
    /// The actual value (实际完成值, 全年实际值) of a self-evaluation.
    #[cfg_attr(feature = "serde", serde(default))]
    pub actual: Option<Target>,
    /// The weight (分值, 权重).
    #[cfg_attr(feature = "serde", serde(default))]
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::json::decimal::option")
    )]
    pub weight: Option<Decimal>,
    /// The score the table gives (得分).
    #[cfg_attr(feature = "serde", serde(default))]
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::json::decimal::option")
    )]
    pub score: Option<Decimal>,
    /// The direction as written (指标方向: 正向, 反向); [`Indicator::direction`] reads it first.
    #[cfg_attr(feature = "serde", serde(default))]
    pub direction: Option<Direction>,
    /// 定量 or 定性, as written (指标性质, 指标类型).
    #[cfg_attr(feature = "serde", serde(default))]
    pub nature: Option<Nature>,
    /// The text columns (指标解释, 评分标准, 备注, 偏差原因 …), each with its header.
    #[cfg_attr(feature = "serde", serde(default))]
    pub texts: Vec<TextCell>,
    /// Marked as a core indicator (★, 核心指标).
    #[cfg_attr(feature = "serde", serde(default))]
    pub core: bool,
}

/// Whether an indicator is measured by a number (定量) or in words (定性), as the table says.
///
/// ```
/// use jixiao::Nature;
///
/// assert_eq!(Nature::Qualitative.chinese(), "定性");
/// assert_eq!("quantitative".parse::<Nature>(), Ok(Nature::Quantitative));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub enum Nature {
    /// 定量: a number.
    Quantitative,
    /// 定性: words.
    Qualitative,
}

crate::words! {
    Nature, "nature" {
        Quantitative => "quantitative",
        Qualitative => "qualitative",
    }
}

impl Nature {
    /// The Chinese word: 定量 or 定性.
    ///
    /// ```
    /// assert_eq!(jixiao::Nature::Quantitative.chinese(), "定量");
    /// ```
    #[must_use]
    pub const fn chinese(self) -> &'static str {
        match self {
            Nature::Quantitative => "定量",
            Nature::Qualitative => "定性",
        }
    }
}

/// A text cell of a row or a project (指标解释, 评分标准, 备注, 偏差原因, 项目负责人 …), with its
/// header as printed and what kind of text the header says it is.
///
/// ```
/// use jixiao::{TextCell, TextRole};
///
/// let cell = TextCell::new("偏差原因分析及改进措施", "受疫情影响");
/// assert_eq!(cell.role, TextRole::Deviation);
/// assert_eq!(TextCell::new("指标解释", "x").role, TextRole::Explanation);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct TextCell {
    /// The column's header (or the cell's label) as printed.
    pub header: String,
    /// What kind of text it is, from the header.
    pub role: TextRole,
    /// The text, lines joined.
    pub text: String,
}

impl TextCell {
    /// A text cell; its role is read from the header.
    ///
    /// ```
    /// use jixiao::{TextCell, TextRole};
    ///
    /// assert_eq!(TextCell::new("备注", "").role, TextRole::Remark);
    /// ```
    pub fn new(header: impl Into<String>, text: impl Into<String>) -> TextCell {
        let header = header.into();
        TextCell {
            role: TextRole::of_header(&header),
            header,
            text: text.into(),
        }
    }
}

/// What kind of text a [`TextCell`] holds.
///
/// ```
/// use jixiao::TextRole;
///
/// assert_eq!(TextRole::of_header("评（扣）分标准"), TextRole::Standard);
/// assert_eq!(TextRole::of_header("联系电话"), TextRole::Other);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub enum TextRole {
    /// What the indicator means (指标解释, 指标说明, 绩效指标描述, 指标值内容, 评价内容).
    Explanation,
    /// How it is judged or scored (绩效标准, 评分标准, 评（扣）分标准, 评分规则).
    Standard,
    /// A remark (备注).
    Remark,
    /// Why the result falls short, and what will be done (偏差原因分析及改进措施, 未完成原因).
    Deviation,
    /// Where the target comes from (指标值设定依据及数据来源, 数据来源).
    Basis,
    /// Anything else.
    Other,
}

crate::words! {
    TextRole, "text role" {
        Explanation => "explanation",
        Standard => "standard",
        Remark => "remark",
        Deviation => "deviation",
        Basis => "basis",
        Other => "other",
    }
}

impl TextRole {
    /// The role a header names.
    ///
    /// ```
    /// use jixiao::TextRole;
    ///
    /// assert_eq!(TextRole::of_header("指标值设定依据及数据来源"), TextRole::Basis);
    /// ```
    #[must_use]
    pub fn of_header(header: &str) -> TextRole {
        let has = |words: &[&str]| words.iter().any(|w| header.contains(w));
        if has(&["偏差", "未完成原因", "原因分析", "改进措施"]) {
            TextRole::Deviation
        } else if has(&["依据", "来源"]) {
            TextRole::Basis
        } else if has(&["标准", "评分", "扣分", "规则", "计分"]) {
            TextRole::Standard
        } else if has(&["解释", "说明", "描述", "内容", "含义", "定义"]) {
            TextRole::Explanation
        } else if has(&["备注", "备 注"]) {
            TextRole::Remark
        } else {
            TextRole::Other
        }
    }
}

impl Indicator {
    /// An indicator with a name and an annual target, and nothing else: the start of a
    /// builder chain.
    ///
    /// ```
    /// use jixiao::{Indicator, Target, Tier};
    ///
    /// let i = Indicator::new(1, "维修面积", Target::lenient("≥400平方米")).with_tier(Tier::Output);
    /// assert_eq!(i.tier, Some(Tier::Output));
    /// assert_eq!(i.annual.to_string(), "≥400平方米");
    /// ```
    pub fn new(seq: u32, name: impl Into<String>, annual: Target) -> Indicator {
        Indicator {
            seq,
            tier: None,
            category: None,
            name: name.into(),
            code: None,
            period: None,
            annual,
            line: None,
            tier_label: None,
            category_label: None,
            period_label: None,
            actual: None,
            weight: None,
            score: None,
            direction: None,
            nature: None,
            texts: Vec::new(),
            core: false,
        }
    }

    /// The indicator under a tier.
    ///
    /// ```
    /// use jixiao::{Indicator, Target, Tier};
    ///
    /// let i = Indicator::new(1, "x", Target::lenient("1")).with_tier(Tier::Benefit);
    /// assert_eq!(i.tier, Some(Tier::Benefit));
    /// ```
    #[must_use]
    pub fn with_tier(mut self, tier: Tier) -> Indicator {
        self.tier = Some(tier);
        self
    }

    /// The indicator under a category; its tier too, where none is set.
    ///
    /// ```
    /// use jixiao::{Category, Indicator, Target, Tier};
    ///
    /// let i = Indicator::new(1, "x", Target::lenient("1")).with_category(Category::Quality);
    /// assert_eq!((i.tier, i.category), (Some(Tier::Output), Some(Category::Quality)));
    /// ```
    #[must_use]
    pub fn with_category(mut self, category: Category) -> Indicator {
        self.category = Some(category);
        self.tier.get_or_insert(category.tier());
        self
    }

    /// The indicator with a weight.
    ///
    /// ```
    /// use jixiao::{Indicator, Target};
    /// use jixiao::Decimal;
    ///
    /// let i = Indicator::new(1, "x", Target::lenient("1")).with_weight(Decimal::TEN);
    /// assert_eq!(i.weight, Some(Decimal::TEN));
    /// ```
    #[must_use]
    pub fn with_weight(mut self, weight: Decimal) -> Indicator {
        self.weight = Some(weight);
        self
    }

    /// The indicator with an actual value.
    ///
    /// ```
    /// use jixiao::{Indicator, Target};
    ///
    /// let i = Indicator::new(1, "x", Target::lenient("≥90%")).with_actual(Target::lenient("95%"));
    /// assert_eq!(i.actual.map(|a| a.to_string()).as_deref(), Some("95%"));
    /// ```
    #[must_use]
    pub fn with_actual(mut self, actual: Target) -> Indicator {
        self.actual = Some(actual);
        self
    }

    /// Reads every indicator record of a run-on text (the Guangzhou layout), however its
    /// lines wrap. Never fails: what cannot be read is reported in the diagnostics, with the
    /// text it concerns.
    ///
    /// ```
    /// use jixiao::{DiagnosticCode, Indicator};
    ///
    /// let list = Indicator::parse_list("1、1-产出指标；21-经济效益；投资额；实施周期指标值:≥5亿元；年度指标值:≥1亿元。");
    /// assert_eq!(list.indicators.len(), 1);
    /// assert_eq!(list.diagnostics[0].code, DiagnosticCode::TierCategoryMismatch);
    /// ```
    #[must_use]
    pub fn parse_list(text: &str) -> IndicatorList {
        crate::read::runon::records::parse_list(text)
    }

    /// The unit the name states in parentheses at its end, as a quantity of 1:
    /// `服务对象满意度（%）` is `1%`, `中欧班列年度进出口货值（亿美元）` is `1亿美元`.
    ///
    /// ```
    /// use jixiao::Indicator;
    ///
    /// let i: Indicator = "1、2-效益指标；21-经济效益；中欧班列年度进出口货值（亿美元）；实施周期指标值:≥25；年度指标值:≥25。".parse()?;
    /// assert_eq!(i.name_unit().map(|q| q.to_string()).as_deref(), Some("1亿美元"));
    /// # Ok::<(), jixiao::TableError>(())
    /// ```
    pub fn name_unit(&self) -> Option<Quantity> {
        let mut name = self.name.trim_end();
        // The groups at the end, from the last: 平均等级事故数(宗)（每万艘次船舶进出港）.
        while let Some(inner_end) = name.strip_suffix(['）', ')']) {
            let open = matching_open(inner_end)?;
            let inner = inner_end[open..].trim_start_matches(['（', '(']).trim();
            if let Ok(q) = format!("1{inner}").parse::<Quantity>()
                && (q.scale().is_some() || q.unit().is_some_and(names_a_unit))
            {
                return Some(q);
            }
            name = inner_end[..open].trim_end();
        }
        None
    }

    /// The period value with the name's unit where the value states none: `≥85` under
    /// `服务对象满意度（%）` is `≥85%`.
    ///
    /// ```
    /// use jixiao::Indicator;
    ///
    /// let i: Indicator = "1、3-满意度指标；31-服务对象满意度；服务对象满意度（%）；实施周期指标值:≥85；年度指标值:≥85。".parse()?;
    /// let period = i.effective_period().unwrap();
    /// assert_eq!(period.to_string(), "≥85%");
    /// assert_eq!(period.raw(), "≥85");
    /// # Ok::<(), jixiao::TableError>(())
    /// ```
    #[must_use]
    pub fn effective_period(&self) -> Option<Target> {
        let unit = self.name_unit();
        self.period.as_ref().map(|p| with_unit_of(p, unit.as_ref()))
    }

    /// The annual value with the name's unit where the value states none.
    ///
    /// ```
    /// use jixiao::Indicator;
    ///
    /// let i: Indicator = "1、1-产出指标；11-数量指标；扶持项目数（个）；实施周期指标值:≥30；年度指标值:≥25。".parse()?;
    /// assert_eq!(i.effective_annual().to_string(), "≥25个");
    /// # Ok::<(), jixiao::TableError>(())
    /// ```
    #[must_use]
    pub fn effective_annual(&self) -> Target {
        with_unit_of(&self.annual, self.name_unit().as_ref())
    }

    /// The targets the indicator states: the second horizon's where there is one, then the
    /// annual one.
    ///
    /// ```
    /// use jixiao::Indicator;
    ///
    /// let i: Indicator = "1、1-产出指标；11-数量指标；场次；实施周期指标值:≥2场；年度指标值:≥1场。".parse()?;
    /// assert_eq!(i.targets().count(), 2);
    /// # Ok::<(), jixiao::TableError>(())
    /// ```
    pub fn targets(&self) -> impl Iterator<Item = &Target> {
        self.period.iter().chain(core::iter::once(&self.annual))
    }

    /// The text of the first text column of a role.
    ///
    /// ```
    /// use jixiao::{Indicator, Target, TextCell, TextRole};
    ///
    /// let mut i = Indicator::new(1, "x", Target::lenient("1"));
    /// i.texts.push(TextCell::new("备注", "试点"));
    /// assert_eq!(i.text(TextRole::Remark), Some("试点"));
    /// ```
    #[must_use]
    pub fn text(&self, role: TextRole) -> Option<&str> {
        self.texts
            .iter()
            .find(|t| t.role == role)
            .map(|t| t.text.as_str())
    }
}

impl PartialEq for Indicator {
    fn eq(&self, other: &Indicator) -> bool {
        self.seq == other.seq
            && self.tier == other.tier
            && self.category == other.category
            && self.name == other.name
            && self.code == other.code
            && self.period == other.period
            && self.annual == other.annual
            && self.tier_label == other.tier_label
            && self.category_label == other.category_label
            && self.period_label == other.period_label
            && self.actual == other.actual
            && self.weight == other.weight
            && self.score == other.score
            && self.direction == other.direction
            && self.nature == other.nature
            && self.texts == other.texts
            && self.core == other.core
    }
}

impl Eq for Indicator {}

impl core::hash::Hash for Indicator {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.seq.hash(state);
        self.tier.hash(state);
        self.category.hash(state);
        self.name.hash(state);
        self.code.hash(state);
        self.period.hash(state);
        self.annual.hash(state);
        self.tier_label.hash(state);
        self.category_label.hash(state);
        self.period_label.hash(state);
        self.actual.hash(state);
        self.weight.hash(state);
        self.score.hash(state);
        self.direction.hash(state);
        self.nature.hash(state);
        self.texts.hash(state);
        self.core.hash(state);
    }
}

/// The indicators read from a text, and what was noticed on the way.
///
/// ```
/// use jixiao::Indicator;
///
/// let list = Indicator::parse_list("1、1-产出指标；12-质量指标；扶持资金拨付正确率；实施周期指标\n\
///                                   值:100%；年度指标值:100%。2、3-满意度指标；31-服务对象满\n\
///                                   意度；扶持企业满意度；实施周期指标值:≥\n80%；年度指标值:≥80%。");
/// assert_eq!(list.indicators.len(), 2);
/// assert_eq!(list.indicators[1].period.as_ref().map(|p| p.to_string()).as_deref(), Some("≥80%"));
/// assert_eq!(list.indicators[1].line, Some(2));
/// assert!(list.diagnostics.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct IndicatorList {
    /// The indicators, in order.
    pub indicators: Vec<Indicator>,
    /// What could not be taken at face value: records that could not be split, tiers that
    /// disagree with categories, numbers that skip.
    pub diagnostics: Vec<Diagnostic>,
}

impl IndicatorList {
    pub(crate) fn new(indicators: Vec<Indicator>, diagnostics: Vec<Diagnostic>) -> Self {
        IndicatorList {
            indicators,
            diagnostics,
        }
    }
}

/// A target with a name's unit given to the quantities that state none; callers that need
/// both values read the name's unit once and pass it.
pub(crate) fn with_unit_of(target: &Target, unit: Option<&Quantity>) -> Target {
    let Some(unit) = unit else {
        return target.clone();
    };
    target.map_quantities(&|q: &Quantity| {
        if q.unit().is_some() || q.scale().is_some() {
            return q.clone();
        }
        let mut with = q.clone().with_scale(unit.scale());
        if let Some(u) = unit.unit() {
            with = with.with_unit(u.to_owned());
        }
        with
    })
}

/// The offset of the parenthesis that opens the group ending `text` (whose closing parenthesis
/// was just cut off).
fn matching_open(text: &str) -> Option<usize> {
    let mut depth = 1usize;
    for (at, c) in text.char_indices().rev() {
        match c {
            '）' | ')' => depth += 1,
            '（' | '(' => {
                depth -= 1;
                if depth == 0 {
                    return Some(at);
                }
            }
            _ => {}
        }
    }
    None
}

/// The labels of the fields a record may carry after its values, in the order they are
/// written.
pub(crate) mod field {
    pub(crate) const PERIOD: &str = "实施周期指标值";
    pub(crate) const ANNUAL: &str = "年度指标值";
    pub(crate) const ACTUAL: &str = "实际完成值";
    pub(crate) const WEIGHT: &str = "分值";
    pub(crate) const SCORE: &str = "得分";
    pub(crate) const DIRECTION: &str = "指标方向";
    pub(crate) const NATURE: &str = "指标性质";
    pub(crate) const CORE: &str = "核心指标";
    pub(crate) const TEXT: &str = "文字";
    /// Every label after the annual value, for a reader to split the fields by.
    pub(crate) const AFTER_ANNUAL: [&str; 7] =
        [ACTUAL, WEIGHT, SCORE, DIRECTION, NATURE, CORE, TEXT];
}

impl FromStr for Indicator {
    type Err = TableError;

    /// Parses exactly one record, strictly: its fields present, nothing else around it.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        crate::read::runon::records::parse_one(s)
    }
}

impl fmt::Display for Indicator {
    /// The record of the Guangzhou layout with canonical values, and a labelled field for
    /// each thing a grid row adds. A label that differs from its level's name follows it in
    /// `〔〕`; a second horizon's own header, likewise.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}、", self.seq)?;
        level(f, self.tier, self.tier_label.as_deref())?;
        f.write_str("；")?;
        level(f, self.category, self.category_label.as_deref())?;
        f.write_str("；")?;
        if let Some(code) = &self.code {
            write!(f, "{code}-")?;
        }
        write!(f, "{}；", self.name)?;
        if let Some(period) = &self.period {
            f.write_str(field::PERIOD)?;
            if let Some(label) = &self.period_label {
                write!(f, "〔{label}〕")?;
            }
            write!(f, ":{period}；")?;
        }
        write!(f, "{}:{}", field::ANNUAL, self.annual)?;
        if let Some(actual) = &self.actual {
            write!(f, "；{}:{actual}", field::ACTUAL)?;
        }
        if let Some(weight) = self.weight {
            write!(f, "；{}:{weight}", field::WEIGHT)?;
        }
        if let Some(score) = self.score {
            write!(f, "；{}:{score}", field::SCORE)?;
        }
        if let Some(direction) = self.direction {
            write!(f, "；{}:{}", field::DIRECTION, direction.chinese())?;
        }
        if let Some(nature) = self.nature {
            write!(f, "；{}:{}", field::NATURE, nature.chinese())?;
        }
        if self.core {
            write!(f, "；{}:★", field::CORE)?;
        }
        for text in &self.texts {
            write!(f, "；{}〔{}〕:{}", field::TEXT, text.header, text.text)?;
        }
        f.write_str("。")
    }
}

/// A tier or category as a record writes it: its canonical form, with the printed label in
/// `〔〕` where it differs; the label alone where the level is unknown.
fn level<L: fmt::Display>(
    f: &mut fmt::Formatter<'_>,
    level: Option<L>,
    label: Option<&str>,
) -> fmt::Result {
    if let Some(level) = level {
        write!(f, "{level}")?;
    }
    if let Some(label) = label {
        write!(f, "〔{label}〕")?;
    }
    Ok(())
}

/// Whether a name's last bracket states a unit: a percent, a unit the grammar knows, or a word
/// of at most two characters (`亩`, `公里`); `（总收入）` and `（含补助）` explain, they state no unit.
fn names_a_unit(unit: &str) -> bool {
    unit.chars().count() <= 2
        || unit.ends_with(['%', '‰'])
        || crate::value::words::is_known_unit(unit)
        || unit.contains('/')
}

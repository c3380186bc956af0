//! The three-level taxonomy: tiers (一级指标) and categories (二级指标).
//!
//! The third level, the named indicator, lives in [`crate::Indicator`].

use core::fmt;
use core::str::FromStr;

/// A tier (一级指标): what kind of result an indicator measures.
///
/// Codes are as printed in the tables: `1-产出指标`, `2-效益指标`, `3-满意度指标`.
///
/// ```
/// use jixiao::{Category, Tier};
///
/// let tier: Tier = "1-产出指标".parse()?;
/// assert_eq!(tier, Tier::Output);
/// assert_eq!(tier.code(), 1);
/// assert_eq!(tier.name(), "产出指标");
/// assert_eq!(tier.to_string(), "1-产出指标");
/// assert!(tier.categories().contains(&Category::Quality));
/// assert_eq!("效益".parse::<Tier>()?, Tier::Benefit);
/// assert_eq!(Tier::try_from(3)?, Tier::Satisfaction);
/// # Ok::<(), jixiao::TaxonomyError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(into = "u8", try_from = "u8")
)]
pub enum Tier {
    /// 1 产出指标: outputs (quantity, quality, timeliness, cost).
    Output = 1,
    /// 2 效益指标: benefits (economic, social, ecological, sustainability).
    Benefit = 2,
    /// 3 满意度指标: satisfaction of those served.
    Satisfaction = 3,
}

/// A category (二级指标) within a [`Tier`].
///
/// Codes are as printed in the tables: `12-质量指标`, `21-经济效益`.
///
/// ```
/// use jixiao::{Category, Tier};
///
/// let category: Category = "21-经济效益指标".parse()?;
/// assert_eq!(category, Category::Economic);
/// assert_eq!(category.code(), 21);
/// assert_eq!(category.name(), "经济效益");
/// assert_eq!(category.tier(), Tier::Benefit);
/// assert_eq!(category.to_string(), "21-经济效益");
/// assert_eq!("社会公众或服务对象满意度指标".parse::<Category>()?, Category::Satisfaction);
/// assert_eq!(Category::iter().count(), 9);
/// # Ok::<(), jixiao::TaxonomyError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(into = "u8", try_from = "u8")
)]
pub enum Category {
    /// 11 数量指标: how much was delivered.
    Quantity = 11,
    /// 12 质量指标: how well.
    Quality = 12,
    /// 13 时效指标: how timely.
    Timeliness = 13,
    /// 14 成本指标: at what cost. The 2021 central guide's 经济成本, 社会成本 and 生态环境成本
    /// parse as this category.
    Cost = 14,
    /// 21 经济效益: economic benefit.
    Economic = 21,
    /// 22 社会效益: social benefit.
    Social = 22,
    /// 23 生态效益: ecological benefit.
    Ecological = 23,
    /// 24 可持续影响: lasting effect.
    Sustainability = 24,
    /// 31 服务对象满意度: satisfaction of those served.
    Satisfaction = 31,
}

/// The error from parsing a [`Tier`] or a [`Category`], or converting one from a code.
///
/// It names what was given:
///
/// ```
/// use jixiao::{Category, TaxonomyErrorKind};
///
/// let err = "15".parse::<Category>().unwrap_err();
/// assert_eq!(err.kind(), TaxonomyErrorKind::UnknownCode);
/// assert_eq!(err.to_string(), "unknown category code 15 (expected 11, 12, 13, 14, 21, 22, 23, 24 or 31)");
/// let err = "12-数量指标".parse::<Category>().unwrap_err();
/// assert_eq!(err.kind(), TaxonomyErrorKind::Mismatch);
/// assert_eq!(err.to_string(), "category code 12 is 质量指标, not 数量指标");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct TaxonomyError {
    kind: TaxonomyErrorKind,
    message: String,
}

/// What went wrong in a [`TaxonomyError`].
///
/// ```
/// use jixiao::{Tier, TaxonomyErrorKind};
///
/// assert_eq!("".parse::<Tier>().unwrap_err().kind(), TaxonomyErrorKind::Empty);
/// assert_eq!("投入指标".parse::<Tier>().unwrap_err().kind(), TaxonomyErrorKind::UnknownName);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TaxonomyErrorKind {
    /// Nothing was given.
    Empty,
    /// A number that is no tier or category code.
    UnknownCode,
    /// A name that is no tier or category name.
    UnknownName,
    /// A code and a name that denote different tiers or categories.
    Mismatch,
}

impl TaxonomyError {
    /// What went wrong, to match on.
    ///
    /// ```
    /// use jixiao::{Tier, TaxonomyErrorKind};
    ///
    /// assert_eq!(Tier::try_from(4).unwrap_err().kind(), TaxonomyErrorKind::UnknownCode);
    /// ```
    pub fn kind(&self) -> TaxonomyErrorKind {
        self.kind
    }

    fn new(kind: TaxonomyErrorKind, message: String) -> Self {
        TaxonomyError { kind, message }
    }
}

/// What the tier and category parsers share: the codes, the names and the words they accept.
trait Level: Copy + Sized + 'static {
    const WHAT: &'static str;
    const ALL: &'static [Self];
    /// The printed forms (`12-质量指标`), in the order of `ALL`: what tables write, read first.
    const PRINTED: &'static [&'static str];
    fn code(self) -> u8;
    fn name(self) -> &'static str;
    /// Further names that denote this level, beyond its name with or without the 指标 suffix.
    fn aliases(self) -> &'static [&'static str];
}

impl Level for Tier {
    const WHAT: &'static str = "tier";
    const ALL: &'static [Self] = &Tier::ALL;
    const PRINTED: &'static [&'static str] = &["1-产出指标", "2-效益指标", "3-满意度指标"];
    fn code(self) -> u8 {
        self as u8
    }
    fn name(self) -> &'static str {
        Tier::name(self)
    }
    fn aliases(self) -> &'static [&'static str] {
        match self {
            // 东莞 2019 calls the first two tiers 预期产出指标 and 效果指标.
            Tier::Output => &["预期产出"],
            Tier::Benefit => &["效果"],
            Tier::Satisfaction => &[],
        }
    }
}

impl Level for Category {
    const WHAT: &'static str = "category";
    const ALL: &'static [Self] = &Category::ALL;
    const PRINTED: &'static [&'static str] = &[
        "11-数量指标",
        "12-质量指标",
        "13-时效指标",
        "14-成本指标",
        "21-经济效益",
        "22-社会效益",
        "23-生态效益",
        "24-可持续影响",
        "31-服务对象满意度",
    ];
    fn code(self) -> u8 {
        self as u8
    }
    fn name(self) -> &'static str {
        Category::name(self)
    }
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Category::Cost => &["经济成本", "社会成本", "生态环境成本"],
            Category::Ecological => &["生态环境效益"],
            Category::Sustainability => &["可持续影响效益", "可持续发展"],
            Category::Satisfaction => &["社会公众或服务对象满意度", "满意度"],
            _ => &[],
        }
    }
}

/// Parses `12-质量指标`, `12` or `质量指标` (with or without the 指标 suffix, full- or
/// half-width digits and dash).
fn parse_level<L: Level>(text: &str) -> Result<L, TaxonomyError> {
    let text = text.trim();
    if let Some(at) = L::PRINTED.iter().position(|p| *p == text) {
        if let Some(level) = L::ALL.get(at) {
            return Ok(*level);
        }
    }
    if text.is_empty() {
        return Err(TaxonomyError::new(
            TaxonomyErrorKind::Empty,
            format!("empty {}", L::WHAT),
        ));
    }
    let digits_end = text
        .char_indices()
        .find(|&(_, c)| !is_digit(c))
        .map_or(text.len(), |(i, _)| i);
    let (code_text, rest) = text.split_at(digits_end);
    let rest = rest.trim_start();
    let name = rest
        .strip_prefix(['-', '－', '—', '–', '、', '.', '．'])
        .unwrap_or(rest)
        .trim();
    let by_code = if code_text.is_empty() {
        None
    } else {
        Some(level_by_code::<L>(code_text)?)
    };
    let by_name = if name.is_empty() {
        None
    } else {
        Some(level_by_name::<L>(name)?)
    };
    match (by_code, by_name) {
        (Some(c), Some(n)) if c.code() != n.code() => Err(TaxonomyError::new(
            TaxonomyErrorKind::Mismatch,
            format!(
                "{} code {} is {}, not {}",
                L::WHAT,
                c.code(),
                c.name(),
                name
            ),
        )),
        (Some(level), _) | (None, Some(level)) => Ok(level),
        (None, None) => Err(TaxonomyError::new(
            TaxonomyErrorKind::Empty,
            format!("empty {}", L::WHAT),
        )),
    }
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn level_by_code<L: Level>(code_text: &str) -> Result<L, TaxonomyError> {
    let code = code_text.chars().try_fold(0u32, |acc, c| {
        let d = c.to_digit(10).or_else(|| {
            ('０'..='９')
                .contains(&c)
                .then(|| u32::from(c) - u32::from('０'))
        })?;
        acc.checked_mul(10)?.checked_add(d)
    });
    code.and_then(|code| u8::try_from(code).ok())
        .and_then(level_by_number::<L>)
        .ok_or_else(|| unknown_code::<L>(code_text))
}

fn level_by_number<L: Level>(code: u8) -> Option<L> {
    L::ALL.iter().copied().find(|l| l.code() == code)
}

fn unknown_code<L: Level>(given: impl fmt::Display) -> TaxonomyError {
    let codes: Vec<String> = L::ALL.iter().map(|l| l.code().to_string()).collect();
    let expected = match codes.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {}", rest.join(", "), last),
        _ => codes.join(""),
    };
    TaxonomyError::new(
        TaxonomyErrorKind::UnknownCode,
        format!("unknown {} code {} (expected {})", L::WHAT, given, expected),
    )
}

fn level_by_name<L: Level>(name: &str) -> Result<L, TaxonomyError> {
    let bare = name.strip_suffix("指标").unwrap_or(name).trim_end();
    L::ALL
        .iter()
        .copied()
        .find(|l| {
            let own = l.name();
            own.strip_suffix("指标").unwrap_or(own) == bare || l.aliases().contains(&bare)
        })
        .ok_or_else(|| {
            TaxonomyError::new(
                TaxonomyErrorKind::UnknownName,
                format!("unknown {} name {:?}", L::WHAT, name),
            )
        })
}

impl Tier {
    /// The three tiers, in code order.
    ///
    /// ```
    /// use jixiao::Tier;
    ///
    /// let codes: Vec<u8> = Tier::ALL.iter().map(|t| t.code()).collect();
    /// assert_eq!(codes, [1, 2, 3]);
    /// ```
    pub const ALL: [Tier; 3] = [Tier::Output, Tier::Benefit, Tier::Satisfaction];

    /// Iterates over the three tiers, in code order.
    ///
    /// ```
    /// use jixiao::Tier;
    ///
    /// assert_eq!(Tier::iter().last(), Some(Tier::Satisfaction));
    /// ```
    pub fn iter() -> impl ExactSizeIterator<Item = Tier> + Clone {
        Tier::ALL.into_iter()
    }

    /// The code printed in the tables: 1, 2 or 3.
    ///
    /// ```
    /// assert_eq!(jixiao::Tier::Benefit.code(), 2);
    /// ```
    pub const fn code(self) -> u8 {
        self as u8
    }

    /// The Chinese name: 产出指标, 效益指标 or 满意度指标.
    ///
    /// ```
    /// assert_eq!(jixiao::Tier::Satisfaction.name(), "满意度指标");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Tier::Output => "产出指标",
            Tier::Benefit => "效益指标",
            Tier::Satisfaction => "满意度指标",
        }
    }

    /// The categories of this tier, in code order.
    ///
    /// ```
    /// use jixiao::{Category, Tier};
    ///
    /// assert_eq!(Tier::Satisfaction.categories(), [Category::Satisfaction]);
    /// ```
    pub fn categories(self) -> &'static [Category] {
        match self {
            Tier::Output => &Category::ALL[0..4],
            Tier::Benefit => &Category::ALL[4..8],
            Tier::Satisfaction => &Category::ALL[8..9],
        }
    }
}

impl Category {
    /// The nine categories, in code order.
    ///
    /// ```
    /// use jixiao::Category;
    ///
    /// assert_eq!(Category::ALL[0], Category::Quantity);
    /// assert_eq!(Category::ALL[8].code(), 31);
    /// ```
    pub const ALL: [Category; 9] = [
        Category::Quantity,
        Category::Quality,
        Category::Timeliness,
        Category::Cost,
        Category::Economic,
        Category::Social,
        Category::Ecological,
        Category::Sustainability,
        Category::Satisfaction,
    ];

    /// Iterates over the nine categories, in code order.
    ///
    /// ```
    /// use jixiao::{Category, Tier};
    ///
    /// assert_eq!(Category::iter().filter(|c| c.tier() == Tier::Benefit).count(), 4);
    /// ```
    pub fn iter() -> impl ExactSizeIterator<Item = Category> + Clone {
        Category::ALL.into_iter()
    }

    /// The code printed in the tables: 11 to 14, 21 to 24, or 31.
    ///
    /// ```
    /// assert_eq!(jixiao::Category::Timeliness.code(), 13);
    /// ```
    pub const fn code(self) -> u8 {
        self as u8
    }

    /// The Chinese name as the Guangzhou tables print it: 数量指标 … 成本指标, 经济效益 …
    /// 可持续影响, 服务对象满意度.
    ///
    /// ```
    /// assert_eq!(jixiao::Category::Sustainability.name(), "可持续影响");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Category::Quantity => "数量指标",
            Category::Quality => "质量指标",
            Category::Timeliness => "时效指标",
            Category::Cost => "成本指标",
            Category::Economic => "经济效益",
            Category::Social => "社会效益",
            Category::Ecological => "生态效益",
            Category::Sustainability => "可持续影响",
            Category::Satisfaction => "服务对象满意度",
        }
    }

    /// The tier this category belongs to: the first digit of its code.
    ///
    /// ```
    /// use jixiao::{Category, Tier};
    ///
    /// assert_eq!(Category::Cost.tier(), Tier::Output);
    /// ```
    pub const fn tier(self) -> Tier {
        match self.code() / 10 {
            1 => Tier::Output,
            2 => Tier::Benefit,
            _ => Tier::Satisfaction,
        }
    }
}

impl fmt::Display for Tier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.code(), self.name())
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.code(), self.name())
    }
}

impl FromStr for Tier {
    type Err = TaxonomyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_level(s)
    }
}

impl FromStr for Category {
    type Err = TaxonomyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_level(s)
    }
}

impl TryFrom<u8> for Tier {
    type Error = TaxonomyError;

    fn try_from(code: u8) -> Result<Self, Self::Error> {
        level_by_number(code).ok_or_else(|| unknown_code::<Tier>(code))
    }
}

impl TryFrom<u8> for Category {
    type Error = TaxonomyError;

    fn try_from(code: u8) -> Result<Self, Self::Error> {
        level_by_number(code).ok_or_else(|| unknown_code::<Category>(code))
    }
}

impl From<Tier> for u8 {
    fn from(tier: Tier) -> u8 {
        tier.code()
    }
}

impl From<Category> for u8 {
    fn from(category: Category) -> u8 {
        category.code()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn category(text: &str, expected: Category) {
        assert_eq!(text.parse::<Category>(), Ok(expected), "{text}");
    }

    #[track_caller]
    fn category_err(text: &str, message: &str) {
        let err = text.parse::<Category>().unwrap_err();
        assert_eq!(err.to_string(), message, "{text}");
    }

    #[test]
    fn categories_parse_in_every_spelling() {
        category("12-质量指标", Category::Quality);
        category("12", Category::Quality);
        category("质量指标", Category::Quality);
        category("质量", Category::Quality);
        category(" 21-经济效益指标 ", Category::Economic);
        category("经济效益指标", Category::Economic);
        category("可持续影响指标", Category::Sustainability);
        category("服务对象满意度指标", Category::Satisfaction);
        category("社会公众或服务对象满意度指标", Category::Satisfaction);
        category("３１－服务对象满意度", Category::Satisfaction);
        category("14 成本指标", Category::Cost);
        category("经济成本指标", Category::Cost);
    }

    #[test]
    fn category_errors_name_what_was_given() {
        category_err(
            "15",
            "unknown category code 15 (expected 11, 12, 13, 14, 21, 22, 23, 24 or 31)",
        );
        category_err(
            "999999999999",
            "unknown category code 999999999999 (expected 11, 12, 13, 14, 21, 22, 23, 24 or 31)",
        );
        category_err("效率指标", "unknown category name \"效率指标\"");
        category_err("12-数量指标", "category code 12 is 质量指标, not 数量指标");
        category_err("  ", "empty category");
        category_err("-", "empty category");
    }

    #[test]
    fn tiers_parse_in_every_spelling() {
        for (text, tier) in [
            ("1-产出指标", Tier::Output),
            ("1", Tier::Output),
            ("产出", Tier::Output),
            ("预期产出指标", Tier::Output),
            ("2-效益指标", Tier::Benefit),
            ("效果指标", Tier::Benefit),
            ("3-满意度指标", Tier::Satisfaction),
            ("满意度", Tier::Satisfaction),
        ] {
            assert_eq!(text.parse::<Tier>(), Ok(tier), "{text}");
        }
        assert_eq!(
            "4".parse::<Tier>().unwrap_err().to_string(),
            "unknown tier code 4 (expected 1, 2 or 3)"
        );
        assert_eq!(
            "2-产出指标".parse::<Tier>().unwrap_err().to_string(),
            "tier code 2 is 效益指标, not 产出指标"
        );
    }

    #[test]
    fn printed_forms_are_the_display() {
        for (tier, printed) in Tier::iter().zip(<Tier as Level>::PRINTED) {
            assert_eq!(tier.to_string(), *printed);
        }
        for (category, printed) in Category::iter().zip(<Category as Level>::PRINTED) {
            assert_eq!(category.to_string(), *printed);
        }
    }

    #[test]
    fn display_and_parse_round_trip() {
        for tier in Tier::iter() {
            assert_eq!(tier.to_string().parse::<Tier>(), Ok(tier));
            assert_eq!(Tier::try_from(tier.code()), Ok(tier));
            for category in tier.categories() {
                assert_eq!(category.tier(), tier);
            }
        }
        for category in Category::iter() {
            assert_eq!(category.to_string().parse::<Category>(), Ok(category));
            assert_eq!(Category::try_from(u8::from(category)), Ok(category));
        }
        assert_eq!(
            Tier::iter().map(|t| t.categories().len()).sum::<usize>(),
            Category::ALL.len()
        );
    }

    #[test]
    fn every_code_outside_the_tables_is_refused() {
        for code in 0..=u8::MAX {
            let known = Category::ALL.iter().any(|c| c.code() == code);
            assert_eq!(Category::try_from(code).is_ok(), known, "{code}");
            assert_eq!(Tier::try_from(code).is_ok(), (1..=3).contains(&code));
        }
    }
}

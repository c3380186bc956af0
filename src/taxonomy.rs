//! The three-level taxonomy: tiers (一级指标) and categories (二级指标), and the printed labels
//! they hide behind (`产出指标(50分)`, `產出指標`, `成本指标（必填）`).
//!
//! The third level, the named indicator, lives in [`crate::Indicator`].

use crate::lang::{Msg, what_zh};
use core::fmt;
use core::str::FromStr;
use rust_decimal::Decimal;

/// A tier (一级指标): what kind of result an indicator measures.
///
/// Codes 1 to 3 are as printed in the tables (`1-产出指标`, `2-效益指标`, `3-满意度指标`). The
/// others are this crate's: 4 成本指标, a tier of its own in the 2021 central template
/// (财预〔2021〕101号); 5 决策 and 6 过程, the tiers evaluation tables (绩效评价指标体系) put before
/// 产出 and 效益.
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
/// // The 2013 framework's 投入 is the tier 决策 replaced.
/// assert_eq!("投入".parse::<Tier>()?, Tier::Decision);
/// assert_eq!(Tier::try_from(3)?, Tier::Satisfaction);
/// // Printed labels: weights, suffixes, traditional characters.
/// assert_eq!("產出指標(50分)".parse::<Tier>()?, Tier::Output);
/// assert_eq!("成本指标（必填硬性指标）".parse::<Tier>()?, Tier::Cost);
/// # Ok::<(), jixiao::TaxonomyError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(into = "u8", try_from = "u8")
)]
#[non_exhaustive]
pub enum Tier {
    /// 1 产出指标: outputs (quantity, quality, timeliness, cost).
    Output = 1,
    /// 2 效益指标: benefits (economic, social, ecological, sustainability).
    Benefit = 2,
    /// 3 满意度指标: satisfaction of those served.
    Satisfaction = 3,
    /// 4 成本指标: costs, a tier of its own in the 2021 central template (经济成本, 社会成本,
    /// 生态环境成本).
    Cost = 4,
    /// 5 决策: how the project was decided (项目立项, 绩效目标, 资金投入), in evaluation tables;
    /// 投入 in the 2013 central framework (财预〔2013〕53号), which 决策 replaced.
    Decision = 5,
    /// 6 过程: how it was run (资金管理, 组织实施), in evaluation tables; the 2013 framework's
    /// 财务管理 and 业务管理.
    Process = 6,
}

/// A category (二级指标) within a [`Tier`].
///
/// Codes of the tiers 1 to 3 are as printed in the tables (`12-质量指标`, `21-经济效益`); the
/// others are this crate's, numbered after their tier: 41–43 the 2021 template's cost
/// categories, 51–53 and 61–62 the evaluation tables' 决策 and 过程 categories.
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
/// // The 2021 template's cost categories stay apart from 14 成本指标.
/// assert_eq!("经济成本指标".parse::<Category>()?, Category::EconomicCost);
/// assert_eq!(Category::EconomicCost.tier(), Tier::Cost);
/// assert_eq!(Category::iter().count(), 17);
/// # Ok::<(), jixiao::TaxonomyError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(into = "u8", try_from = "u8")
)]
#[non_exhaustive]
pub enum Category {
    /// 11 数量指标: how much was delivered.
    Quantity = 11,
    /// 12 质量指标: how well.
    Quality = 12,
    /// 13 时效指标: how timely.
    Timeliness = 13,
    /// 14 成本指标: at what cost, as a category of 产出.
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
    /// 41 经济成本指标: the money it costs (2021 template).
    EconomicCost = 41,
    /// 42 社会成本指标: what it costs society (2021 template).
    SocialCost = 42,
    /// 43 生态环境成本指标: what it costs the environment (2021 template).
    EcologicalCost = 43,
    /// 51 项目立项: the grounds and procedure of the decision.
    Approval = 51,
    /// 52 绩效目标: whether the goals are sound and clear.
    Goals = 52,
    /// 53 资金投入: whether the budget was set and allotted soundly (资金落实 in the 2013
    /// framework).
    Funding = 53,
    /// 61 资金管理: how the money was handled (财务管理 in the 2013 framework).
    FundManagement = 61,
    /// 62 组织实施: how the work was organised (业务管理 in the 2013 framework).
    Implementation = 62,
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
/// assert_eq!(err.to_string(), "unknown category code 15 (expected 11, 12, 13, 14, 21, 22, 23, 24, 31, 41, 42, 43, 51, 52, 53, 61 or 62)");
/// let err = "12-数量指标".parse::<Category>().unwrap_err();
/// assert_eq!(err.kind(), TaxonomyErrorKind::Mismatch);
/// assert_eq!(err.to_string(), "category code 12 is 质量指标, not 数量指标");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct TaxonomyError {
    kind: TaxonomyErrorKind,
    message: String,
    message_zh: String,
}

/// What went wrong in a [`TaxonomyError`].
///
/// ```
/// use jixiao::{Tier, TaxonomyErrorKind};
///
/// assert_eq!("".parse::<Tier>().unwrap_err().kind(), TaxonomyErrorKind::Empty);
/// assert_eq!("准备指标".parse::<Tier>().unwrap_err().kind(), TaxonomyErrorKind::UnknownName);
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
    /// assert_eq!(Tier::try_from(9).unwrap_err().kind(), TaxonomyErrorKind::UnknownCode);
    /// ```
    #[must_use]
    pub fn kind(&self) -> TaxonomyErrorKind {
        self.kind
    }

    /// The message in a language; `Display` gives the English.
    ///
    /// ```
    /// use jixiao::{Category, Lang};
    ///
    /// let err = "12-数量指标".parse::<Category>().unwrap_err();
    /// assert_eq!(err.message_in(Lang::Zh), "二级指标代码12是质量指标，不是数量指标");
    /// ```
    #[must_use]
    pub fn message_in(&self, lang: crate::Lang) -> &str {
        lang.pick(&self.message, &self.message_zh)
    }

    fn new(kind: TaxonomyErrorKind, message: crate::lang::Msg) -> Self {
        TaxonomyError {
            kind,
            message: message.en,
            message_zh: message.zh,
        }
    }
}

/// What the tier and category parsers share: the codes, the names and the words they accept.
pub(crate) trait Level: Copy + Sized + 'static {
    const WHAT: &'static str;
    const ALL: &'static [Self];
    /// The printed forms (`12-质量指标`), in the order of `ALL`: what tables write, read first.
    const PRINTED: &'static [&'static str];
    fn code(self) -> u8;
    fn name(self) -> &'static str;
    /// Further names that denote this level, beyond its name with or without the 指标 suffix.
    fn aliases(self) -> &'static [&'static str];
    /// The first characters of every name and alias, as [`initial_bucket`]s.
    fn initials() -> u128;
    /// The names and bare names of the levels, looked up by [`by_name`].
    fn names() -> &'static Names;
}

/// A level type's words, each with the first level (its place in `ALL`) it names: by its
/// name as printed, and by the bare name or alias a text's [`bare_name`] may equal. What
/// [`by_name`] finds by two lookups rather than by comparing a text with every name and
/// alias.
pub(crate) struct Names {
    exact: std::collections::HashMap<&'static str, usize, Fnv>,
    bare: std::collections::HashMap<&'static str, usize, Fnv>,
}

impl Names {
    /// The words of `L`, where the first level to name a word keeps it (as a search of `ALL`
    /// in order finds it).
    fn of<L: Level>() -> Names {
        let mut exact = std::collections::HashMap::default();
        let mut bare = std::collections::HashMap::default();
        for (at, level) in L::ALL.iter().enumerate() {
            exact.entry(level.name()).or_insert(at);
            bare.entry(strip_suffix_word(level.name())).or_insert(at);
            for alias in level.aliases() {
                bare.entry(*alias).or_insert(at);
            }
        }
        Names { exact, bare }
    }
}

/// The FNV-1a hash of a few bytes: the level words and a table's values are short, and a
/// lookup costs less than a cryptographic hasher's setup, which guards against adversaries a
/// parse of one document does not face. Used by the level lookups here and the run-on
/// reader's cache of values.
#[derive(Default, Clone, Copy)]
pub(crate) struct FnvHasher(u64);

impl FnvHasher {
    /// The hash so far, or FNV's offset basis before any byte.
    fn state(self) -> u64 {
        if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        }
    }
}

impl std::hash::Hasher for FnvHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut hash = self.state();
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }

    /// A length (a key's bytes are hashed after theirs) in one step, as one byte would be:
    /// a key has far fewer than 2^64 bytes, and its bytes tell keys apart.
    fn write_usize(&mut self, n: usize) {
        self.0 =
            (self.state() ^ u64::try_from(n).unwrap_or(u64::MAX)).wrapping_mul(0x0100_0000_01b3);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Builds [`FnvHasher`]s.
type Fnv = std::hash::BuildHasherDefault<FnvHasher>;

/// A character's bucket among 128, by its code point: the top 7 bits of a multiplicative
/// hash, as neighbouring CJK characters (指 U+6307, 标 U+6807) share their low bits. Sets of
/// buckets rule words out by one comparison: a level's first characters here, a header
/// word's characters and a glued dictionary's first characters in the readers.
pub(crate) const fn bucket(code: u32) -> u128 {
    1 << (code.wrapping_mul(0x9E37_79B9) >> 25)
}

/// [`bucket`] of a character.
pub(crate) fn initial_bucket(c: char) -> u128 {
    bucket(c as u32)
}

/// Whether a text that starts with `c` may name a level ([`resolve`] of a tier or a
/// category): a digit or numeral of its code or numbering, the dash or mark after a code, a
/// bracket (an opening one's words are skipped, a closing one is), a star or space before its
/// words, or the first character of a level's name or alias. Readers that try every
/// position of a text rule most out by this alone.
pub(crate) fn may_begin_level(c: char) -> bool {
    c.is_ascii_digit()
        || ('０'..='９').contains(&c)
        || c.is_whitespace()
        || matches!(
            c,
            '一' | '二'
                | '三'
                | '四'
                | '五'
                | '六'
                | '七'
                | '八'
                | '九'
                | '十'
                | '('
                | '（'
                | '['
                | '【'
                | '〔'
                | ')'
                | '）'
                | ']'
                | '】'
                | '〕'
                | '*'
                | '★'
                | '\u{3000}'
                | '-'
                | '－'
                | '—'
                | '–'
                | '、'
                | '.'
                | '．'
        )
        || (Tier::initials() | Category::initials()) & initial_bucket(simplified(c)) != 0
}

/// [`Level::initials`], computed once per level type.
fn initials_of<L: Level>() -> u128 {
    L::ALL
        .iter()
        .flat_map(|l| std::iter::once(l.name()).chain(l.aliases().iter().copied()))
        .filter_map(|word| word.chars().next())
        .fold(0, |set, c| set | initial_bucket(c))
}

impl Level for Tier {
    const WHAT: &'static str = "tier";
    const ALL: &'static [Self] = &Tier::ALL;
    const PRINTED: &'static [&'static str] = &[
        "1-产出指标",
        "2-效益指标",
        "3-满意度指标",
        "4-成本指标",
        "5-决策指标",
        "6-过程指标",
    ];
    fn code(self) -> u8 {
        self as u8
    }
    fn name(self) -> &'static str {
        Tier::name(self)
    }
    fn aliases(self) -> &'static [&'static str] {
        match self {
            // 东莞 2019 calls the first two tiers 预期产出指标 and 效果指标; other provinces
            // 项目完成指标 and 项目效益指标.
            Tier::Output => &["预期产出", "项目产出", "项目完成"],
            Tier::Benefit => &["效果", "项目效益", "预期效益"],
            Tier::Satisfaction => &[],
            Tier::Cost => &[],
            // The 2013 central framework's tiers were 投入, 过程, 产出 and 效果.
            Tier::Decision => &["项目决策", "投入"],
            Tier::Process => &["项目过程", "项目管理", "过程管理"],
        }
    }
    fn initials() -> u128 {
        static INITIALS: std::sync::LazyLock<u128> = std::sync::LazyLock::new(initials_of::<Tier>);
        *INITIALS
    }
    fn names() -> &'static Names {
        static NAMES: std::sync::LazyLock<Names> = std::sync::LazyLock::new(Names::of::<Tier>);
        &NAMES
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
        "41-经济成本指标",
        "42-社会成本指标",
        "43-生态环境成本指标",
        "51-项目立项",
        "52-绩效目标",
        "53-资金投入",
        "61-资金管理",
        "62-组织实施",
    ];
    fn code(self) -> u8 {
        self as u8
    }
    fn name(self) -> &'static str {
        Category::name(self)
    }
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Category::Quantity => &["产出数量", "数量"],
            Category::Quality => &["产出质量"],
            // Hubei forms print 进度指标 where the template has 时效指标.
            // (`及时性`, `成本控制` and `时间` are indicators' names too: no aliases.)
            Category::Timeliness => &["产出时效", "时效性", "进度", "产出进度"],
            Category::Cost => &["产出成本", "成本"],
            // 效果 for 效益 (`社会效果指标`), as the tier's 效果指标.
            Category::Economic => &["经济", "经济效果"],
            Category::Social => &["社会", "社会效果"],
            Category::Ecological => &["生态环境效益", "生态", "环境效益", "生态效果", "环境效果"],
            Category::Sustainability => &["可持续影响效益", "可持续发展", "可持续", "可持续性"],
            Category::Satisfaction => &[
                "社会公众或服务对象满意度",
                "社会公众满意度",
                "服务对象满意",
                "满意度",
            ],
            Category::EconomicCost => &["经济成本"],
            Category::SocialCost => &["社会成本"],
            Category::EcologicalCost => &["生态环境成本", "生态成本", "环境成本"],
            Category::Approval => &["立项"],
            Category::Goals => &[],
            Category::Funding => &["资金落实"],
            Category::FundManagement => &["财务管理"],
            Category::Implementation => &["项目实施", "实施", "业务管理"],
        }
    }
    fn initials() -> u128 {
        static INITIALS: std::sync::LazyLock<u128> =
            std::sync::LazyLock::new(initials_of::<Category>);
        *INITIALS
    }
    fn names() -> &'static Names {
        static NAMES: std::sync::LazyLock<Names> = std::sync::LazyLock::new(Names::of::<Category>);
        &NAMES
    }
}

/// Parses `12-质量指标`, `12` or `质量指标` (with or without the 指标 suffix, full- or
/// half-width digits and dash), and printed labels with weights and suffixes in brackets.
fn parse_level<L: Level>(text: &str) -> Result<L, TaxonomyError> {
    match resolve(text) {
        Some(level) => Ok(level),
        None => explain(text),
    }
}

/// The level a text names, if it names one, without the cost of saying why not: readers try
/// every cell of a table.
pub(crate) fn resolve<L: Level>(text: &str) -> Option<L> {
    let text = text.trim();
    match resolve_unlabelled::<L>(text, Unlabelled::of(text)) {
        Some(decided) => decided,
        None => resolve_label::<L>(&Label::read(text)),
    }
}

/// What `parse` answers, without the error it builds where the text names no level: the
/// run-on reader asks it of every number followed by `、` or `.`, most of which are none.
///
/// `parse` answers [`resolve`]'s level where it finds one, else what [`explain`] finds; both
/// decide a printed form alike, and `explain` finds a level exactly where [`resolve_label`]
/// of the text's label does.
pub(crate) fn parse_ok<L: Level>(text: &str) -> Option<L> {
    let text = text.trim();
    match resolve_unlabelled::<L>(text, Unlabelled::of(text)) {
        Some(Some(level)) => Some(level),
        _ if !may_name_after_code::<L>(text) => None,
        _ => resolve_label::<L>(&Label::read(text)),
    }
}

/// Whether a text that starts with a code may name a level after it: the first character
/// after its ASCII digits and their separator, where that is a simplified Han character,
/// but a weight's 分 must begin a level's name (`5小时以内`, the rest of `3.5小时以内` after a run-on record's
/// mark, names none). A text of another start may. Without building its [`Label`].
fn may_name_after_code<L: Level>(text: &str) -> bool {
    if !text.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let rest = text.trim_start_matches(|c: char| c.is_ascii_digit());
    let rest = rest
        .strip_prefix(['-', '－', '—', '–', '、', '.', '．'])
        .unwrap_or(rest);
    match rest.chars().next() {
        // (A weight's 分 is taken off a label: `1-分` is the code alone.)
        Some(c) if is_han(c) && simplified(c) == c && c != '分' => may_begin_a_level::<L>(rest),
        _ => true,
    }
}

/// A text resolved as a tier and as a category ([`resolve`] of each), read as a label once.
pub(crate) fn resolve_levels(text: &str) -> (Option<Tier>, Option<Category>) {
    let text = text.trim();
    let kind = Unlabelled::of(text);
    // Plain words are looked up by name for both levels: their bare form is made once, where
    // their characters leave either level possible. (No printed form is plain words: each
    // starts with its code.)
    if kind == Unlabelled::Plain {
        let tier = may_begin_a_level::<Tier>(text);
        let category = may_begin_a_level::<Category>(text);
        if (!tier && !category) || !has_level_characters(text) {
            return (None, None);
        }
        let bare = bare_name(text);
        return (
            tier.then(|| by_bare_name::<Tier>(text, bare)).flatten(),
            category
                .then(|| by_bare_name::<Category>(text, bare))
                .flatten(),
        );
    }
    let mut label: Option<Label> = None;
    let tier = resolve_unlabelled::<Tier>(text, kind)
        .unwrap_or_else(|| resolve_label(label.get_or_insert_with(|| Label::read(text))));
    let category = resolve_unlabelled::<Category>(text, kind)
        .unwrap_or_else(|| resolve_label(label.get_or_insert_with(|| Label::read(text))));
    (tier, category)
}

/// What a trimmed text is before it is read as a label, whatever the level: what
/// [`resolve_unlabelled`] decides by, found once for a tier and a category alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unlabelled {
    /// Plain words, simplified and unmarked: they name a level by name or not at all.
    Plain,
    /// A comparator or a percentage outside brackets: a value's, no level's.
    ValueLike,
    /// Anything else: read as a label.
    Other,
}

impl Unlabelled {
    fn of(text: &str) -> Unlabelled {
        // Plain words, simplified and unmarked, name a level by name or not at all; but for
        // a weight's 分 left at their end (`成本指标(0-20)分` without its brackets), which the
        // label reading takes off.
        let plain = !text.is_empty()
            && !text.ends_with('分')
            && text.chars().all(|c| is_han(c) && simplified(c) == c);
        if plain {
            return Unlabelled::Plain;
        }
        // A comparator or a percentage outside brackets is a value's; inside them a weight
        // may be a percentage (`产出指标(50%)`).
        let value_like = text.contains(['≥', '≤', '>', '<', '=', '＞', '＜', '＝'])
            || outside_brackets(text).any(|c| matches!(c, '%' | '％'));
        if value_like {
            Unlabelled::ValueLike
        } else {
            Unlabelled::Other
        }
    }
}

/// What [`resolve`] decides of a trimmed text before reading it as a label: `Some` where it
/// decides. `kind` is [`Unlabelled::of`] the text.
fn resolve_unlabelled<L: Level>(text: &str, kind: Unlabelled) -> Option<Option<L>> {
    if let Some(at) = L::PRINTED.iter().position(|p| *p == text) {
        return Some(L::ALL.get(at).copied());
    }
    match kind {
        Unlabelled::Plain => Some(by_name::<L>(text)),
        Unlabelled::ValueLike => Some(None),
        Unlabelled::Other => None,
    }
}

/// The characters of a text outside its brackets.
fn outside_brackets(text: &str) -> impl Iterator<Item = char> + '_ {
    let mut depth = 0usize;
    text.chars().filter(move |&c| match c {
        '(' | '（' | '[' | '【' | '〔' => {
            depth += 1;
            false
        }
        ')' | '）' | ']' | '】' | '〕' => {
            depth = depth.saturating_sub(1);
            false
        }
        _ => depth == 0,
    })
}

/// What [`resolve`] finds in a text read as a label.
fn resolve_label<L: Level>(label: &Label) -> Option<L> {
    let text = label.core.as_str();
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
    // No error is built for a code that names no level: readers ask of every cell.
    let by_code = if code_text.is_empty() {
        None
    } else {
        Some(code_number(code_text).and_then(level_by_number::<L>)?)
    };
    let by_name = if name.is_empty() {
        None
    } else {
        Some(by_name::<L>(name)?)
    };
    match (by_code, by_name) {
        (Some(c), Some(n)) if c.code() != n.code() => None,
        (Some(level), _) | (None, Some(level)) => Some(level),
        (None, None) => None,
    }
}

/// The level a name (or alias) denotes.
fn by_name<L: Level>(name: &str) -> Option<L> {
    let name = name.trim();
    if !may_name_a_level::<L>(name) {
        return None;
    }
    by_bare_name::<L>(name, bare_name(name))
}

/// Whether a trimmed name may name a level of `L`, by its characters alone: a name, its
/// bare form and every alias it may equal start with the same character, and every
/// character of a name that names a level is one of a level's words or of the suffixes
/// [`bare_name`] takes off. Most texts are ruled out so before their bare form is made.
fn may_name_a_level<L: Level>(name: &str) -> bool {
    may_begin_a_level::<L>(name) && has_level_characters(name)
}

/// Whether a name's first character is the first of a name or alias of `L`.
fn may_begin_a_level<L: Level>(name: &str) -> bool {
    name.chars()
        .next()
        .is_some_and(|first| L::initials() & initial_bucket(first) != 0)
}

/// Whether every character of a name (but spaces) is in a bucket of [`level_characters`]:
/// what a tier and a category alike ask of a name's characters.
fn has_level_characters(name: &str) -> bool {
    let words = level_characters();
    name.chars()
        .all(|c| words & initial_bucket(c) != 0 || c.is_whitespace())
}

/// [`by_name`] of a trimmed name whose [`bare_name`] is made: the first level whose name is
/// the name, or whose bare name or an alias is its bare form.
fn by_bare_name<L: Level>(name: &str, bare: &str) -> Option<L> {
    let names = L::names();
    let exact = names.exact.get(name).copied();
    let bare = names.bare.get(bare).copied();
    let at = match (exact, bare) {
        (Some(a), Some(b)) => a.min(b),
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => return None,
    };
    L::ALL.get(at).copied()
}

/// The buckets ([`bucket`]) of every character of the tiers' and categories' names and
/// aliases, and of the suffixes a name may carry (指标, 类, 方面, 目标, 值): what
/// [`by_name`] rules most texts out by, computed once.
fn level_characters() -> u128 {
    static WORDS: std::sync::LazyLock<u128> = std::sync::LazyLock::new(|| {
        fn names<L: Level>() -> impl Iterator<Item = &'static str> {
            L::ALL
                .iter()
                .flat_map(|l| std::iter::once(l.name()).chain(l.aliases().iter().copied()))
        }
        names::<Tier>()
            .chain(names::<Category>())
            .chain(["指标", "类", "方面", "目标", "值"])
            .flat_map(str::chars)
            .fold(0, |set, c| set | initial_bucket(c))
    });
    *WORDS
}

/// Why a text names no level: the error of a strict parse.
fn explain<L: Level>(text: &str) -> Result<L, TaxonomyError> {
    let text = text.trim();
    if let Some(at) = L::PRINTED.iter().position(|p| *p == text)
        && let Some(level) = L::ALL.get(at)
    {
        return Ok(*level);
    }
    let label = Label::read(text);
    let text = label.core.as_str();
    if text.is_empty() {
        return Err(TaxonomyError::new(
            TaxonomyErrorKind::Empty,
            Msg::new(
                format!("empty {}", L::WHAT),
                format!("{}为空", what_zh(L::WHAT)),
            ),
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
            Msg::new(
                format!("{} code {} is {}, not {name}", L::WHAT, c.code(), c.name()),
                format!(
                    "{}代码{}是{}，不是{name}",
                    what_zh(L::WHAT),
                    c.code(),
                    c.name()
                ),
            ),
        )),
        (Some(level), _) | (None, Some(level)) => Ok(level),
        (None, None) => Err(TaxonomyError::new(
            TaxonomyErrorKind::Empty,
            Msg::new(
                format!("empty {}", L::WHAT),
                format!("{}为空", what_zh(L::WHAT)),
            ),
        )),
    }
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn level_by_code<L: Level>(code_text: &str) -> Result<L, TaxonomyError> {
    code_number(code_text)
        .and_then(level_by_number::<L>)
        .ok_or_else(|| unknown_code::<L>(code_text))
}

/// The number a level's code prints (half- or full-width digits), if it fits a code.
fn code_number(code_text: &str) -> Option<u8> {
    let code = code_text.chars().try_fold(0u32, |acc, c| {
        let d = c.to_digit(10).or_else(|| {
            ('０'..='９')
                .contains(&c)
                .then(|| u32::from(c) - u32::from('０'))
        })?;
        acc.checked_mul(10)?.checked_add(d)
    });
    code.and_then(|code| u8::try_from(code).ok())
}

fn level_by_number<L: Level>(code: u8) -> Option<L> {
    L::ALL.iter().copied().find(|l| l.code() == code)
}

fn unknown_code<L: Level>(given: impl fmt::Display) -> TaxonomyError {
    let codes: Vec<String> = L::ALL.iter().map(|l| l.code().to_string()).collect();
    let (expected, expected_zh) = match codes.split_last() {
        Some((last, rest)) if !rest.is_empty() => (
            format!("{} or {}", rest.join(", "), last),
            format!("{}或{}", rest.join("、"), last),
        ),
        _ => (codes.join(""), codes.join("")),
    };
    TaxonomyError::new(
        TaxonomyErrorKind::UnknownCode,
        Msg::new(
            format!("unknown {} code {given} (expected {expected})", L::WHAT),
            format!(
                "无法识别的{}代码{given}（应为{expected_zh}）",
                what_zh(L::WHAT)
            ),
        ),
    )
}

fn level_by_name<L: Level>(name: &str) -> Result<L, TaxonomyError> {
    by_name::<L>(name).ok_or_else(|| {
        TaxonomyError::new(
            TaxonomyErrorKind::UnknownName,
            Msg::new(
                format!("unknown {} name {name:?}", L::WHAT),
                format!("无法识别的{}名称{name:?}", what_zh(L::WHAT)),
            ),
        )
    })
}

/// A name without the suffixes that tables add or leave out: 指标, then 类
/// (`经济效益类指标`); or 方面.
fn strip_suffix_word(name: &str) -> &str {
    let name = name.trim_end();
    if let Some(bare) = name.strip_suffix("方面")
        && !bare.is_empty()
    {
        return bare.trim_end();
    }
    let name = name
        .strip_suffix("指标")
        .filter(|bare| !bare.is_empty())
        .unwrap_or(name);
    name.strip_suffix('类')
        .filter(|bare| !bare.is_empty())
        .unwrap_or(name)
        .trim_end()
}

/// Whether a text is a tier's or a category's name without its suffix (`产出`, `经济效益`).
fn names_a_level_bare(text: &str) -> bool {
    !text.is_empty()
        && (Tier::ALL
            .iter()
            .any(|t| strip_suffix_word(t.name()) == text)
            || Category::ALL
                .iter()
                .any(|c| strip_suffix_word(c.name()) == text))
}

/// A printed name without its suffixes ([`strip_suffix_word`]), where 目标 may stand for 指标
/// (`社会效益目标`, `产出目标`) and a level's value for the level (`产出值`, `经济效益值`). A level's own name keeps its 目标 (`绩效目标`), so that
/// `绩效指标` names none.
pub(crate) fn bare_name(name: &str) -> &str {
    let name = name.trim_end();
    // A level's value printed for the level (`产出值`, `经济效益值`): a level's own name
    // before it, bare. A header of values (`产出指标值`, `项目完成值`) is none.
    let name = name
        .strip_suffix('值')
        .filter(|bare| names_a_level_bare(bare))
        .unwrap_or(name);
    strip_suffix_word(
        name.strip_suffix("目标")
            .filter(|bare| !bare.is_empty())
            .unwrap_or(name),
    )
}

/// A printed label (`一、产出指标(50分)`, `產出指標`, `成本指标(0-20)分`) taken apart: its core
/// words in simplified characters, and the weight it prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Label {
    /// The words that name the level: simplified, without numbering, spaces, brackets and
    /// weights.
    pub(crate) core: String,
    /// The weight printed in it: `(50分)` is 50; `(0-20)分` is 20.
    pub(crate) weight: Option<Decimal>,
}

impl Label {
    /// Takes a printed label apart. Linear in its length.
    pub(crate) fn read(printed: &str) -> Label {
        let mut core = String::with_capacity(printed.len());
        let mut groups: Vec<String> = Vec::new();
        let mut depth = 0usize;
        for c in printed.chars() {
            let c = simplified(c);
            match c {
                '(' | '（' | '[' | '【' | '〔' => {
                    depth += 1;
                    if depth == 1 {
                        groups.push(String::new());
                    }
                }
                ')' | '）' | ']' | '】' | '〕' => depth = depth.saturating_sub(1),
                c if c.is_whitespace() || c == '\u{3000}' || c == '★' || c == '*' => {}
                c if depth > 0 => {
                    if let Some(g) = groups.last_mut() {
                        g.push(c);
                    }
                }
                c => core.push(c),
            }
        }
        // The core's words: a suffix of `core` (after its numbering) cut to a prefix (before a
        // weight), kept as the range of `core` they span, so that where it is all of `core`
        // (most labels) the string is moved, not copied.
        let (start, len, trailing) = {
            let numbered = strip_numbering(&core);
            // A weight after the brackets: `成本指标(0-20)分`, or bare: `产出指标50分`.
            let (words, trailing) = split_trailing_weight(numbered);
            (core.len() - numbered.len(), words.len(), trailing)
        };
        let weight = trailing.or_else(|| groups.iter().find_map(|g| weight_of(g)));
        let core = if start == 0 && len == core.len() {
            core
        } else {
            core.get(start..start + len).unwrap_or_default().to_owned()
        };
        Label { core, weight }
    }
}

/// Strips an outline number in front of a label: `一、`, `（一）` (already unbracketed),
/// `1.`, `1、`, but not a code with a dash (`1-产出指标`), which the parser reads.
fn strip_numbering(text: &str) -> &str {
    let numeral_end = text
        .char_indices()
        .find(|&(_, c)| !("一二三四五六七八九十".contains(c) || c.is_ascii_digit()))
        .map_or(text.len(), |(i, _)| i);
    if numeral_end == 0 {
        return text;
    }
    let rest = &text[numeral_end..];
    match rest.strip_prefix(['、', '.', '．']) {
        Some(rest) if !rest.is_empty() => rest,
        _ => text,
    }
}

/// Splits a weight off the end of a label's core: `产出指标50分` → (`产出指标`, 50); `成本指标分`
/// (the brackets of `(0-20)分` already taken out) → (`成本指标`, none).
fn split_trailing_weight(core: &str) -> (&str, Option<Decimal>) {
    let Some(before) = core.strip_suffix('分') else {
        return (core, None);
    };
    let digits = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_ascii_digit() || c == '.')
        .last()
        .map_or(before.len(), |(i, _)| i);
    let weight = before[digits..].parse::<Decimal>().ok();
    let rest = &before[..digits];
    if rest.is_empty() {
        return (core, None);
    }
    (rest, weight)
}

/// The weight a bracketed group prints: `50分`, `50`, `0-20`, `权重50%`, `分值：20`. Words
/// without a number (`必填`) print none.
fn weight_of(group: &str) -> Option<Decimal> {
    let group = group
        .trim_start_matches(|c: char| !c.is_ascii_digit())
        .trim_end_matches(['分', '%', '％']);
    // A range gives its upper end: `0-20`.
    let upper = group.rsplit(['-', '－', '~', '～', '—']).next()?;
    let upper = upper.trim();
    if upper.is_empty() || !upper.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    upper.parse().ok()
}

/// Whether a character is one of the common Chinese characters (CJK Unified Ideographs,
/// U+4E00 to U+9FFF), the characters labels and names are written in.
pub(crate) fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// The simplified form of the traditional characters that labels and headers use; any other
/// character as it is. Both forms are ideographs of three bytes in UTF-8 (a test checks), so
/// a text and its simplified copy have their words at the same byte offsets. Most characters are none of them, told so by one bit
/// ([`TRADITIONAL_BITS`]) before the pairs are searched.
pub(crate) fn simplified(c: char) -> char {
    let Some(at) = (c as usize).checked_sub(HAN_FIRST) else {
        return c;
    };
    let traditional = TRADITIONAL_BITS
        .get(at / 64)
        .is_some_and(|bits| bits & (1 << (at % 64)) != 0);
    if !traditional {
        return c;
    }
    TRADITIONAL
        .binary_search_by_key(&c, |&(t, _)| t)
        .ok()
        .and_then(|i| TRADITIONAL.get(i))
        .map_or(c, |&(_, s)| s)
}

/// The first code point of the CJK Unified Ideographs, where every character of
/// [`TRADITIONAL`] is.
const HAN_FIRST: usize = 0x4e00;

/// The traditional characters [`simplified`] reads and their simplified forms, in the order
/// of the traditional characters (sorted when the crate is compiled).
const TRADITIONAL: [(char, char); 163] = sorted_pairs([
    ('產', '产'),
    ('標', '标'),
    ('數', '数'),
    ('質', '质'),
    ('時', '时'),
    ('經', '经'),
    ('濟', '济'),
    ('會', '会'),
    ('態', '态'),
    ('響', '响'),
    ('續', '续'),
    ('滿', '满'),
    ('務', '务'),
    ('對', '对'),
    ('環', '环'),
    ('項', '项'),
    ('實', '实'),
    ('際', '际'),
    ('預', '预'),
    ('資', '资'),
    ('決', '决'),
    ('過', '过'),
    ('計', '计'),
    ('級', '级'),
    ('權', '权'),
    ('績', '绩'),
    ('論', '论'),
    ('價', '价'),
    ('評', '评'),
    ('說', '说'),
    ('註', '注'),
    ('備', '备'),
    ('據', '据'),
    ('來', '来'),
    ('設', '设'),
    ('單', '单'),
    ('額', '额'),
    ('執', '执'),
    ('總', '总'),
    ('體', '体'),
    ('現', '现'),
    ('進', '进'),
    ('與', '与'),
    ('規', '规'),
    ('範', '范'),
    ('類', '类'),
    ('達', '达'),
    ('當', '当'),
    ('長', '长'),
    ('週', '周'),
    ('義', '义'),
    ('營', '营'),
    ('運', '运'),
    ('結', '结'),
    ('應', '应'),
    ('發', '发'),
    ('護', '护'),
    ('險', '险'),
    ('條', '条'),
    ('層', '层'),
    ('絕', '绝'),
    ('災', '灾'),
    ('區', '区'),
    ('戶', '户'),
    ('處', '处'),
    ('筆', '笔'),
    ('萬', '万'),
    ('億', '亿'),
    ('圍', '围'),
    ('維', '维'),
    ('訓', '训'),
    ('練', '练'),
    ('導', '导'),
    ('員', '员'),
    ('機', '机'),
    ('關', '关'),
    ('構', '构'),
    ('費', '费'),
    ('撥', '拨'),
    ('專', '专'),
    ('證', '证'),
    ('獲', '获'),
    ('歲', '岁'),
    ('齊', '齐'),
    ('準', '准'),
    ('則', '则'),
    ('紀', '纪'),
    ('錄', '录'),
    ('報', '报'),
    ('統', '统'),
    ('農', '农'),
    ('醫', '医'),
    ('療', '疗'),
    ('學', '学'),
    ('蓋', '盖'),
    ('開', '开'),
    ('術', '术'),
    ('驗', '验'),
    ('檢', '检'),
    ('測', '测'),
    ('號', '号'),
    ('劃', '划'),
    ('屬', '属'),
    ('門', '门'),
    ('負', '负'),
    ('責', '责'),
    ('聯', '联'),
    ('繫', '系'),
    ('電', '电'),
    ('話', '话'),
    ('間', '间'),
    ('釋', '释'),
    ('議', '议'),
    ('審', '审'),
    ('見', '见'),
    ('稱', '称'),
    ('請', '请'),
    ('縣', '县'),
    ('鎮', '镇'),
    ('財', '财'),
    ('轉', '转'),
    ('餘', '余'),
    ('況', '况'),
    ('違', '违'),
    ('為', '为'),
    ('內', '内'),
    ('銷', '销'),
    ('種', '种'),
    ('養', '养'),
    ('興', '兴'),
    ('業', '业'),
    ('衛', '卫'),
    ('補', '补'),
    ('貼', '贴'),
    ('職', '职'),
    ('調', '调'),
    ('組', '组'),
    ('織', '织'),
    ('庫', '库'),
    ('儲', '储'),
    ('糧', '粮'),
    ('團', '团'),
    ('廳', '厅'),
    ('輛', '辆'),
    ('場', '场'),
    ('緒', '绪'),
    // Units of measure (個 人次, 噸, 畝 …), as a unit column prints them.
    ('個', '个'),
    ('噸', '吨'),
    ('畝', '亩'),
    ('張', '张'),
    ('冊', '册'),
    ('隻', '只'),
    ('頭', '头'),
    ('課', '课'),
    ('頃', '顷'),
    ('臺', '台'),
    // Words of table kinds, comparisons and deadlines (批復, 較上年, 辦結, 上線, 百分點).
    ('復', '复'),
    ('較', '较'),
    ('辦', '办'),
    ('線', '线'),
    ('點', '点'),
    ('問', '问'),
    ('題', '题'),
]);

/// The pairs in the order of their first characters: an insertion sort, run when the crate
/// is compiled.
const fn sorted_pairs<const N: usize>(mut pairs: [(char, char); N]) -> [(char, char); N] {
    let mut i = 1;
    while i < N {
        let mut j = i;
        while j > 0 && (pairs[j - 1].0 as u32) > (pairs[j].0 as u32) {
            let before = pairs[j - 1];
            pairs[j - 1] = pairs[j];
            pairs[j] = before;
            j -= 1;
        }
        i += 1;
    }
    pairs
}

/// A bit for each CJK Unified Ideograph (U+4E00 to U+9FFF), set for the traditional
/// characters of [`TRADITIONAL`]: built when the crate is compiled, which fails where a
/// character lies outside the block.
static TRADITIONAL_BITS: [u64; 328] = {
    let mut bits = [0u64; 328];
    let mut i = 0;
    while i < TRADITIONAL.len() {
        let at = TRADITIONAL[i].0 as usize - HAN_FIRST;
        bits[at / 64] |= 1 << (at % 64);
        i += 1;
    }
    bits
};

impl Tier {
    /// The six tiers, in code order.
    ///
    /// ```
    /// use jixiao::Tier;
    ///
    /// let codes: Vec<u8> = Tier::ALL.iter().map(|t| t.code()).collect();
    /// assert_eq!(codes, [1, 2, 3, 4, 5, 6]);
    /// ```
    pub const ALL: [Tier; 6] = [
        Tier::Output,
        Tier::Benefit,
        Tier::Satisfaction,
        Tier::Cost,
        Tier::Decision,
        Tier::Process,
    ];

    /// Iterates over the tiers, in code order.
    ///
    /// ```
    /// use jixiao::Tier;
    ///
    /// assert_eq!(Tier::iter().last(), Some(Tier::Process));
    /// ```
    #[must_use]
    pub fn iter() -> impl ExactSizeIterator<Item = Tier> + Clone {
        Tier::ALL.into_iter()
    }

    /// The code: 1, 2 or 3 as printed in the tables; 4 to 6 this crate's.
    ///
    /// ```
    /// assert_eq!(jixiao::Tier::Benefit.code(), 2);
    /// ```
    #[must_use]
    pub const fn code(self) -> u8 {
        self as u8
    }

    /// The Chinese name: 产出指标, 效益指标, 满意度指标, 成本指标, 决策指标 or 过程指标.
    ///
    /// ```
    /// assert_eq!(jixiao::Tier::Satisfaction.name(), "满意度指标");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Tier::Output => "产出指标",
            Tier::Benefit => "效益指标",
            Tier::Satisfaction => "满意度指标",
            Tier::Cost => "成本指标",
            Tier::Decision => "决策指标",
            Tier::Process => "过程指标",
        }
    }

    /// The categories of this tier, in code order.
    ///
    /// ```
    /// use jixiao::{Category, Tier};
    ///
    /// assert_eq!(Tier::Satisfaction.categories(), [Category::Satisfaction]);
    /// assert_eq!(Tier::Cost.categories().len(), 3);
    /// ```
    #[must_use]
    pub fn categories(self) -> &'static [Category] {
        match self {
            Tier::Output => &Category::ALL[0..4],
            Tier::Benefit => &Category::ALL[4..8],
            Tier::Satisfaction => &Category::ALL[8..9],
            Tier::Cost => &Category::ALL[9..12],
            Tier::Decision => &Category::ALL[12..15],
            Tier::Process => &Category::ALL[15..17],
        }
    }

    /// Whether a category may stand under this tier: its own categories, the 2021
    /// template's cost categories under 产出, where many tables still print them, and 成本
    /// under the 2013 framework's 投入 (read as 决策), where target tables of those years put
    /// it (`投入 | 成本目标`).
    ///
    /// ```
    /// use jixiao::{Category, Tier};
    ///
    /// assert!(Tier::Output.admits(Category::EconomicCost));
    /// assert!(Tier::Decision.admits(Category::Cost));
    /// assert!(!Tier::Output.admits(Category::Social));
    /// ```
    #[must_use]
    pub fn admits(self, category: Category) -> bool {
        category.tier() == self
            || (self == Tier::Output && category.tier() == Tier::Cost)
            || (self == Tier::Cost && category == Category::Cost)
            || (self == Tier::Decision && category == Category::Cost)
    }
}

impl Category {
    /// Every category, in code order.
    ///
    /// ```
    /// use jixiao::Category;
    ///
    /// assert_eq!(Category::ALL[0], Category::Quantity);
    /// assert_eq!(Category::ALL[8].code(), 31);
    /// ```
    pub const ALL: [Category; 17] = [
        Category::Quantity,
        Category::Quality,
        Category::Timeliness,
        Category::Cost,
        Category::Economic,
        Category::Social,
        Category::Ecological,
        Category::Sustainability,
        Category::Satisfaction,
        Category::EconomicCost,
        Category::SocialCost,
        Category::EcologicalCost,
        Category::Approval,
        Category::Goals,
        Category::Funding,
        Category::FundManagement,
        Category::Implementation,
    ];

    /// Iterates over the categories, in code order.
    ///
    /// ```
    /// use jixiao::{Category, Tier};
    ///
    /// assert_eq!(Category::iter().filter(|c| c.tier() == Tier::Benefit).count(), 4);
    /// ```
    #[must_use]
    pub fn iter() -> impl ExactSizeIterator<Item = Category> + Clone {
        Category::ALL.into_iter()
    }

    /// The code: 11 to 14, 21 to 24 or 31 as printed in the tables; 41 to 62 this crate's.
    ///
    /// ```
    /// assert_eq!(jixiao::Category::Timeliness.code(), 13);
    /// ```
    #[must_use]
    pub const fn code(self) -> u8 {
        self as u8
    }

    /// The Chinese name as the tables print it: 数量指标 … 成本指标, 经济效益 … 可持续影响,
    /// 服务对象满意度; 经济成本指标 …; 项目立项 … 组织实施.
    ///
    /// ```
    /// assert_eq!(jixiao::Category::Sustainability.name(), "可持续影响");
    /// ```
    #[must_use]
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
            Category::EconomicCost => "经济成本指标",
            Category::SocialCost => "社会成本指标",
            Category::EcologicalCost => "生态环境成本指标",
            Category::Approval => "项目立项",
            Category::Goals => "绩效目标",
            Category::Funding => "资金投入",
            Category::FundManagement => "资金管理",
            Category::Implementation => "组织实施",
        }
    }

    /// The tier this category belongs to: the first digit of its code.
    ///
    /// ```
    /// use jixiao::{Category, Tier};
    ///
    /// assert_eq!(Category::Cost.tier(), Tier::Output);
    /// assert_eq!(Category::SocialCost.tier(), Tier::Cost);
    /// ```
    #[must_use]
    pub const fn tier(self) -> Tier {
        match self.code() / 10 {
            1 => Tier::Output,
            2 => Tier::Benefit,
            3 => Tier::Satisfaction,
            4 => Tier::Cost,
            5 => Tier::Decision,
            _ => Tier::Process,
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

    #[test]
    fn every_traditional_character_has_its_simplified_form() {
        for (traditional, simple) in TRADITIONAL {
            assert_eq!(simplified(traditional), simple, "{traditional}");
            assert_eq!(simplified(simple), simple, "{simple}");
            // Readers find a word in a simplified copy and take the text at the same bytes.
            assert_eq!(traditional.len_utf8(), simple.len_utf8(), "{traditional}");
        }
        for c in ['a', '产', '指', '\u{4e00}', '\u{9fff}', '\u{a000}', '😀'] {
            assert_eq!(simplified(c), c);
        }
    }

    #[test]
    fn a_level_begins_only_where_may_begin_level_says() {
        // Every character of the blocks labels are printed with, before a level's words: where
        // the filter rules a character out, no level is read after it.
        let blocks = [
            0x20..0x7f,
            0x2000..0x2070,
            0x3000..0x3040,
            0xff00..0xfff0,
            0x4e00..0x9fa6,
        ];
        for c in blocks.into_iter().flatten().filter_map(char::from_u32) {
            if may_begin_level(c) {
                continue;
            }
            for words in ["产出指标", "数量指标", "1-产出指标", "(50分)服务对象满意度"]
            {
                let text = format!("{c}{words}");
                assert_eq!(resolve_levels(&text), (None, None), "{text}");
            }
        }
    }

    /// Texts built from the pieces of levels' labels, numbers, values and noise, in every
    /// combination of a numbering, a body and an ending.
    fn hostile_levels() -> Vec<String> {
        let heads = [
            "", "1", "2", "5", "7", "12", "21", "99", "１", "１２", "３", "一、", "1、", "1.",
            "１．", "3.5", "0.", "1-", "１－", "12-", "21－", "1—", " 2 - ", "★", "(一)",
        ];
        let bodies = [
            "",
            "产出指标",
            "產出指標",
            "效益指标",
            "满意度",
            "成本",
            "决策指标",
            "项目完成",
            "投入",
            "质量指标",
            "经济效益",
            "社会效益类指标",
            "服务对象满意度",
            "绩效目标",
            "绩效指标",
            "万人次",
            "%",
            "≥90%",
            "年度指标值:＜0.2",
            "通过赴欧美开展活动",
            "小时以内",
            "万家",
            "分",
            "5",
        ];
        let tails = [
            "",
            "分",
            "50分",
            "(50分)",
            "〔产出指标(50分)〕",
            "（%）",
            "%",
            " ",
            "★",
            "、",
            "方面",
            "目标",
        ];
        let mut texts = Vec::new();
        for head in heads {
            for body in bodies {
                for tail in tails {
                    texts.push(format!("{head}{body}{tail}"));
                }
            }
        }
        texts
    }

    #[test]
    fn resolve_reads_what_parse_reads() {
        // The grid readers' resolve and the strict parse agree on labels, weights in percent
        // (`产出指标(50%)`) and a weight's 分 left without its brackets (`产出指标分`) among them.
        for text in hostile_levels()
            .into_iter()
            .chain(["产出指标(50%)".to_owned(), "产出指标分".to_owned()])
        {
            assert_eq!(resolve::<Tier>(&text), text.parse::<Tier>().ok(), "{text}");
            assert_eq!(
                resolve::<Category>(&text),
                text.parse::<Category>().ok(),
                "{text}"
            );
        }
    }

    #[test]
    fn parse_ok_after_a_code_answers_as_parse_does() {
        // Every character of every level's name and alias, and others, after a code: the
        // names a code may begin, whole and cut after their first character.
        let mut words: Vec<String> = Vec::new();
        for tier in Tier::ALL {
            words.push(tier.name().to_owned());
            words.extend(Level::aliases(tier).iter().map(|a| (*a).to_owned()));
        }
        for category in Category::ALL {
            words.push(category.name().to_owned());
            words.extend(Level::aliases(category).iter().map(|a| (*a).to_owned()));
        }
        let firsts: Vec<String> = words
            .iter()
            .filter_map(|w| w.chars().next())
            .chain("小万分时个人次年项目".chars())
            .map(String::from)
            .collect();
        for head in ["1", "5", "12", "31", "1-", "12、", "2.", "7．"] {
            for word in words.iter().chain(&firsts) {
                for tail in ["", "指标", "以内", "(20分)"] {
                    let text = format!("{head}{word}{tail}");
                    assert_eq!(parse_ok::<Tier>(&text), text.parse::<Tier>().ok(), "{text}");
                    assert_eq!(
                        parse_ok::<Category>(&text),
                        text.parse::<Category>().ok(),
                        "{text}"
                    );
                }
            }
        }
    }

    #[test]
    fn parse_ok_answers_as_parse_does() {
        for text in hostile_levels() {
            assert_eq!(parse_ok::<Tier>(&text), text.parse::<Tier>().ok(), "{text}");
            assert_eq!(
                parse_ok::<Category>(&text),
                text.parse::<Category>().ok(),
                "{text}"
            );
        }
    }

    #[track_caller]
    fn category(text: &str, expected: Category) {
        assert_eq!(text.parse::<Category>(), Ok(expected), "{text}");
    }

    #[track_caller]
    fn category_err(text: &str, message: &str) {
        let err = text.parse::<Category>().unwrap_err();
        assert_eq!(err.to_string(), message, "{text}");
    }

    #[track_caller]
    fn label(printed: &str, core: &str, weight: Option<&str>) {
        let label = Label::read(printed);
        assert_eq!(label.core, core, "{printed}");
        assert_eq!(
            label.weight.map(|w| w.to_string()).as_deref(),
            weight,
            "{printed}"
        );
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
        category("产出数量指标", Category::Quantity);
        category("數量指標", Category::Quantity);
        category("进度指标", Category::Timeliness);
        category("社会效果指标", Category::Social);
        category("经济效果", Category::Economic);
        category("生态效果指标", Category::Ecological);
        category("可持续性指标", Category::Sustainability);
        category("進度指標", Category::Timeliness);
        category("经济成本指标", Category::EconomicCost);
        category("社会成本指标(必填)", Category::SocialCost);
        category("生态环境成本指标", Category::EcologicalCost);
        category("项目立项", Category::Approval);
        category("组织实施", Category::Implementation);
        // 类 after the name, and 目标 for 指标; 绩效目标 is a name of its own, 绩效指标 none.
        category("经济效益类指标", Category::Economic);
        category("社会效益目标", Category::Social);
        category("绩效目标", Category::Goals);
        assert!("绩效指标".parse::<Category>().is_err());
        assert_eq!("产出目标".parse::<Tier>(), Ok(Tier::Output));
        assert_eq!("满意度类指标".parse::<Tier>(), Ok(Tier::Satisfaction));
        // A level's value printed for the level; a value's own header names none.
        category("经济效益值", Category::Economic);
        category("数量值", Category::Quantity);
        assert_eq!("产出值".parse::<Tier>(), Ok(Tier::Output));
        assert!("指标值".parse::<Category>().is_err());
        assert!("项目完成值".parse::<Tier>().is_err());
        assert!("产出指标值".parse::<Tier>().is_err());
        assert!("产值".parse::<Tier>().is_err());
        // The 2013 framework's words.
        category("资金落实", Category::Funding);
        category("财务管理", Category::FundManagement);
        category("业务管理", Category::Implementation);
    }

    #[test]
    fn category_errors_name_what_was_given() {
        let all = "11, 12, 13, 14, 21, 22, 23, 24, 31, 41, 42, 43, 51, 52, 53, 61 or 62";
        category_err("15", &format!("unknown category code 15 (expected {all})"));
        category_err(
            "999999999999",
            &format!("unknown category code 999999999999 (expected {all})"),
        );
        category_err("效率指标", "unknown category name \"效率指标\"");
        category_err("12-数量指标", "category code 12 is 质量指标, not 数量指标");
        category_err("  ", "empty category");
        category_err("-", "empty category");
        category_err("(必填)", "empty category");
    }

    #[test]
    fn tiers_parse_in_every_spelling() {
        for (text, tier) in [
            ("1-产出指标", Tier::Output),
            ("1", Tier::Output),
            ("产出", Tier::Output),
            ("预期产出指标", Tier::Output),
            ("项目完成指标", Tier::Output),
            ("产出指标(50分)", Tier::Output),
            ("一、产出指标", Tier::Output),
            ("產出指標", Tier::Output),
            ("2-效益指标", Tier::Benefit),
            ("效果指标", Tier::Benefit),
            ("效益指标（30分）", Tier::Benefit),
            ("3-满意度指标", Tier::Satisfaction),
            ("满意度", Tier::Satisfaction),
            ("满意度指标(10)", Tier::Satisfaction),
            ("成本指标(0-20)分", Tier::Cost),
            ("成本指标(必填硬性指标)", Tier::Cost),
            ("决策", Tier::Decision),
            ("过程", Tier::Process),
            ("过程管理指标", Tier::Process),
        ] {
            assert_eq!(text.parse::<Tier>(), Ok(tier), "{text}");
        }
        assert_eq!(
            "9".parse::<Tier>().unwrap_err().to_string(),
            "unknown tier code 9 (expected 1, 2, 3, 4, 5 or 6)"
        );
        assert_eq!(
            "2-产出指标".parse::<Tier>().unwrap_err().to_string(),
            "tier code 2 is 效益指标, not 产出指标"
        );
    }

    #[test]
    fn labels_give_their_core_and_weight() {
        label("产出指标(50分)", "产出指标", Some("50"));
        label("成本指标(0-20)分", "成本指标", Some("20"));
        label("成本指标（必填硬性指标）", "成本指标", None);
        label("产出指标50分", "产出指标", Some("50"));
        label("效益指标（权重30%）", "效益指标", Some("30"));
        label("一、產出指標", "产出指标", None);
        label("★ 数量 指标", "数量指标", None);
        label("1-产出指标", "1-产出指标", None);
        label("分", "分", None);
        label("((((", "", None);
        label(")))产出", "产出", None);
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
            assert_eq!(tier.name().parse::<Tier>(), Ok(tier));
            assert_eq!(Tier::try_from(tier.code()), Ok(tier));
            for category in tier.categories() {
                assert_eq!(category.tier(), tier);
                assert!(tier.admits(*category));
            }
        }
        for category in Category::iter() {
            assert_eq!(category.to_string().parse::<Category>(), Ok(category));
            assert_eq!(category.name().parse::<Category>(), Ok(category));
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
            assert_eq!(Tier::try_from(code).is_ok(), (1..=6).contains(&code));
        }
    }
}

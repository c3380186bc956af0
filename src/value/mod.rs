//! Target values (指标值): the public types, documented in one place.
//!
//! Each concern has its own private module: `grammar` (the nom grammar, one function per
//! production), `words` (the word tables the grammar reads), `display` (the canonical form),
//! `quantity` (scales and comparison), `error` and `serde` (the JSON contract); `exact` holds
//! the arithmetic on amounts read from input, exact or refused.

mod display;
mod error;
pub(crate) mod exact;
mod grammar;
mod quantity;
mod raw;
pub(crate) use raw::RawText;
#[cfg(feature = "serde")]
mod serde;
pub(crate) mod words;

use core::hash::{Hash, Hasher};
use core::str::FromStr;
use rust_decimal::Decimal;
use std::borrow::Cow;

pub use error::{TargetError, TargetErrorKind};

/// The text a value is read from, trimmed as [`Target::raw`] is: the target of a text
/// depends on this alone, so that readers may key a cache of targets on it.
pub(crate) fn raw_of(text: &str) -> &str {
    grammar::raw_of(text)
}

/// One target value (指标值), typed.
///
/// Build it with [`Target::lenient`], which never fails and keeps what it cannot type as
/// [`Value::Text`], or with [`FromStr`], which reports where and what it expected instead.
/// [`Display`](core::fmt::Display) prints the canonical form, which parses back to an equal
/// target.
///
/// ```
/// use jixiao::{Kind, Op, Scale, Target};
///
/// let t = Target::lenient("截至2026年≥7.6万家");
/// assert_eq!(t.kind(), Kind::Compare);
/// assert_eq!(t.op(), Some(Op::Ge));
/// let q = t.quantity().unwrap();
/// assert_eq!(q.amount().to_string(), "7.6");
/// assert_eq!(q.scale(), Some(Scale::TenThousand));
/// assert_eq!(q.unit(), Some("家"));
/// assert_eq!(t.as_of().unwrap().year(), Some(2026));
///
/// assert_eq!(Target::lenient("不少于100场次").to_string(), "≥100场次");
/// assert_eq!(Target::lenient("每年不少于12场").to_string(), "≥12场/年");
/// assert_eq!(Target::lenient("进展良好").kind(), Kind::Qualitative);
/// assert!("≥".parse::<Target>().is_err());
/// ```
///
/// Two targets are equal when they mean the same: the spelling kept in [`Target::raw`] is not
/// compared, so `≧3000` equals `≥3000`. Amounts compare as numbers (`100` equals `100.0`).
///
/// # What a target guarantees
///
/// Its typed fields are what its [`raw`](Target::raw) text reads as:
/// `Target::lenient(t.raw()) == t`. Reading text keeps this by construction; the setters
/// (`with_subject`, `with_as_of`, `with_note`) and [`Target::new`] make `raw` the canonical
/// form, which reads back as the same target for every value the grammar gives; and reading
/// JSON (feature `serde`) refuses a target whose typed fields contradict its `raw`.
///
/// ```
/// # #[cfg(feature = "serde")] {
/// let mut json = serde_json::to_value(jixiao::Target::lenient("≥90%"))?;
/// json["value"]["amount"] = "80".into();
/// assert!(serde_json::from_value::<jixiao::Target>(json).is_err());
/// # }
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Target {
    raw: raw::RawText,
    value: Value,
    subject: Option<raw::RawText>,
    as_of: Option<PartialDate>,
    note: Option<raw::RawText>,
}

/// What a [`Target`] says, by kind.
///
/// ```
/// use jixiao::{Baseline, Op, Target, Value};
///
/// match Target::lenient("不低于上年度").value() {
///     Value::Relative { op, baseline, value } => {
///         assert_eq!(*op, Some(Op::Ge));
///         assert_eq!(*baseline, Baseline::PreviousYear);
///         assert!(value.is_none());
///     }
///     other => panic!("{other:?}"),
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Value {
    /// A number to compare with: `≥90%`, `3.5小时以内`, `100%` (no comparator stated).
    Compare {
        /// The comparator, or `None` where the text states none.
        op: Option<Op>,
        /// The amount with its scale, unit and rate.
        value: Quantity,
    },
    /// A span of numbers: `3-5年`, `90%-95%`, `±3%以内`.
    Range {
        /// The lower end.
        low: Quantity,
        /// The upper end.
        high: Quantity,
    },
    /// A date or deadline: `2023年12月前`, `2023.07-2024.01`.
    Date {
        /// `Le` for a deadline (前, 内), `Ge` for a start (后, 起), `None` for a plain date.
        op: Option<Op>,
        /// The date, or the start of the span.
        date: PartialDate,
        /// The end of the span, if the text gives one.
        until: Option<PartialDate>,
    },
    /// A target relative to a baseline: `不低于上年度`, `控制在预算内`, `较上年增长10%`.
    Relative {
        /// The comparator, or `None` where the text states none (`当年预算数`).
        op: Option<Op>,
        /// What the target is measured against.
        baseline: Baseline,
        /// The change against the baseline (negative for 下降, 减少), if stated.
        value: Option<Quantity>,
    },
    /// A rank: `居全市前6` (`Le` 6), `第1名` (`Eq` 1).
    Rank {
        /// `Le` for 前N, `Eq` for 第N.
        op: Op,
        /// The rank.
        rank: u32,
        /// Among whom: `全市`, `全国`, or `None`.
        scope: Option<String>,
    },
    /// Several targets, each with its own subject: `广州海关=5000万元，黄埔海关=3000万元`.
    Compound(Vec<Target>),
    /// Words with no number: `长期`, `及时`, `进展良好`, `达成年度指标`.
    Qualitative(String),
    /// Text the grammar could not type, kept as written.
    Text(String),
}

/// The kind of a [`Value`], without its data; `"kind"` in the JSON.
///
/// ```
/// use jixiao::{Kind, Target};
///
/// assert_eq!(Target::lenient("3-5年").kind(), Kind::Range);
/// assert_eq!(Kind::Range.as_str(), "range");
/// assert_eq!("range".parse::<Kind>(), Ok(Kind::Range));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(::serde::Serialize, ::serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum Kind {
    /// [`Value::Compare`].
    Compare,
    /// [`Value::Range`].
    Range,
    /// [`Value::Date`].
    Date,
    /// [`Value::Relative`].
    Relative,
    /// [`Value::Rank`].
    Rank,
    /// [`Value::Qualitative`].
    Qualitative,
    /// [`Value::Compound`].
    Compound,
    /// [`Value::Text`].
    Text,
}

/// A comparator: `≥ > ≤ < =`, written as a symbol or in words (不低于, 以内, 超过 …).
///
/// ```
/// use jixiao::Op;
///
/// assert_eq!(Op::Ge.symbol(), "≥");
/// assert_eq!("不超过".parse::<Op>(), Ok(Op::Le));
/// assert_eq!("≧".parse::<Op>(), Ok(Op::Ge));
/// assert!(Op::Ge.holds(95.cmp(&90)));
/// assert!(!Op::Lt.holds(90.cmp(&90)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(::serde::Serialize, ::serde::Deserialize),
    serde(rename_all = "snake_case")
)]
pub enum Op {
    /// `≥`: at least (不低于, 不少于, 以上, 达到).
    Ge,
    /// `>`: more than (超过, 高于, 大于).
    Gt,
    /// `≤`: at most (不超过, 以内, 以下, 控制在…以内).
    Le,
    /// `<`: less than (低于, 少于, 小于).
    Lt,
    /// `=`: exactly (等于, 为).
    Eq,
}

/// A Chinese scale word between a number and its unit: `7.6万家`, `1.2亿元`.
///
/// ```
/// use jixiao::Scale;
///
/// assert_eq!(Scale::TenThousand.as_str(), "万");
/// assert_eq!(Scale::HundredMillion.multiplier().to_string(), "100000000");
/// assert_eq!("万亿".parse::<Scale>(), Ok(Scale::Trillion));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Scale {
    /// 十, ×10.
    Ten,
    /// 百, ×100.
    Hundred,
    /// 千, ×1000.
    Thousand,
    /// 万, ×10⁴.
    TenThousand,
    /// 亿, ×10⁸.
    HundredMillion,
    /// 万亿, ×10¹².
    Trillion,
}

/// What a [`Value::Relative`] target is measured against.
///
/// ```
/// use jixiao::Baseline;
///
/// assert_eq!(Baseline::Budget.as_str(), "budget");
/// assert_eq!(Baseline::PreviousYear.word(), "上年度");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(::serde::Serialize, ::serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum Baseline {
    /// The previous year (上年度, 去年, 上年同期, 同比).
    PreviousYear,
    /// The budget (预算, 预算申报数, 当年预算数).
    Budget,
}

/// An amount with its scale, unit and rate: `7.6万家`, `≥15列/周`'s `15列/周`.
///
/// The amount is exact ([`Decimal`]) and keeps the digits as written; the scale word is kept
/// apart from the unit so that `7.6万家` prints back as written. [`Quantity::base_amount`]
/// and [`Quantity::compare`] apply the scale.
///
/// ```
/// use jixiao::{Quantity, Scale};
/// use std::cmp::Ordering;
///
/// let a: Quantity = "1.2亿元".parse()?;
/// let b: Quantity = "12000万元".parse()?;
/// assert_eq!(a.compare(&b)?, Ordering::Equal);
/// assert_eq!(a.to_scale(Some(Scale::TenThousand))?.to_string(), "12000万元");
/// assert!(a.compare(&"3家".parse()?).is_err());
/// # Ok::<(), jixiao::TargetError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Quantity {
    amount: Decimal,
    scale: Option<Scale>,
    unit: Option<Cow<'static, str>>,
    per: Option<Cow<'static, str>>,
}

/// A date whose parts may be missing: `2025年` (year only), `12月底` (month only).
///
/// ```
/// use jixiao::PartialDate;
///
/// let d = PartialDate::ymd(2024, 6, 30).ok_or("no date")?;
/// assert_eq!(d.to_string(), "2024年6月30日");
/// assert_eq!(d.iso(), "2024-06-30");
/// assert_eq!(PartialDate::m(12).map(|d| d.iso()).as_deref(), Some("--12"));
/// assert_eq!("2025-12".parse::<PartialDate>().ok(), PartialDate::ym(2025, 12));
/// // Only days of the calendar are dates, and every date reads back from its canonical form.
/// assert_eq!(PartialDate::ymd(2024, 2, 31), None);
/// # Ok::<(), &str>(())
/// ```
///
/// There is no default date: every constructor checks its parts as
/// [`PartialDate::from_parts`] does, so that no `PartialDate` is invalid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    year: Option<u16>,
    month: Option<u8>,
    day: Option<u8>,
}

impl Target {
    /// The most characters a value is read in (after trimming): a longer one is kept as
    /// [`Value::Text`], and a strict parse fails with [`TargetErrorKind::TooLong`].
    ///
    /// Real values run to a few dozen characters (the longest of the bundled table has 34); the
    /// cap bounds the time and memory a value from a hostile or broken source can cost, as the
    /// grammar tries a value at every position a subject may end.
    ///
    /// ```
    /// use jixiao::{Kind, Target, TargetErrorKind};
    ///
    /// let long = "1".repeat(Target::MAX_CHARS + 1);
    /// assert_eq!(Target::lenient(&long).kind(), Kind::Text);
    /// assert_eq!(long.parse::<Target>().unwrap_err().kind(), TargetErrorKind::TooLong);
    /// ```
    pub const MAX_CHARS: usize = 1000;

    /// The most parts a compound value has (`广州海关=5000万元，黄埔海关=3000万元` has 2): a value
    /// of more typed parts is kept as [`Value::Text`], and a strict parse fails with
    /// [`TargetErrorKind::TooManyParts`].
    ///
    /// ```
    /// use jixiao::{Kind, Target, TargetErrorKind};
    ///
    /// let many = vec!["≥1家"; Target::MAX_PARTS + 1].join("，");
    /// assert_eq!(Target::lenient(&many).kind(), Kind::Text);
    /// assert_eq!(many.parse::<Target>().unwrap_err().kind(), TargetErrorKind::TooManyParts);
    /// assert_eq!(Target::lenient(&vec!["≥1家"; Target::MAX_PARTS].join("，")).kind(), Kind::Compound);
    /// ```
    pub const MAX_PARTS: usize = 64;

    /// Parses a target value leniently: never fails, never loses text.
    ///
    /// [`Target::raw`] keeps the text as written but for the whitespace around it; the full
    /// stops that end it as a sentence (`。`) are read past, not kept out. A value the
    /// grammar cannot type becomes [`Value::Qualitative`] when it is words without numbers,
    /// and [`Value::Text`] otherwise: so does a value longer than [`Target::MAX_CHARS`], a
    /// compound of more than [`Target::MAX_PARTS`] parts, a number too large or too precise to
    /// hold exactly (more than 28 digits), and a number with a hidden character (a zero-width
    /// joiner, a control character) inside it.
    ///
    /// ```
    /// use jixiao::{Kind, Target};
    ///
    /// let t = Target::lenient(" 2024年上半年出口综合评价居全市前6。");
    /// assert_eq!(t.raw(), "2024年上半年出口综合评价居全市前6。");
    /// assert_eq!(t.kind(), Kind::Rank);
    /// assert_eq!(t.subject(), Some("2024年上半年出口综合评价"));
    /// assert_eq!(Target::lenient("XX").kind(), Kind::Text);
    /// ```
    #[must_use]
    pub fn lenient(text: &str) -> Target {
        grammar::lenient(text)
    }

    /// The lenient target and, where it fell back to text, why: what [`Target::lenient`] and
    /// [`FromStr`] give at once, from one parse.
    pub(crate) fn parse_both(text: &str) -> (Target, Option<TargetError>) {
        grammar::target(text)
    }

    /// What a cache of values keeps of a target it hands out again: the target itself, but
    /// where its value is words that are its raw text (`长期`, `及时`), without them (an empty
    /// `String` allocates nothing); `true` where they were left out, and
    /// [`Target::restored`] puts them back.
    #[inline]
    pub(crate) fn kept(&self) -> (Target, bool) {
        match &self.value {
            Value::Qualitative(words) if words.as_str() == self.raw() => (
                Target {
                    raw: self.raw.clone(),
                    value: Value::Qualitative(String::new()),
                    subject: self.subject.clone(),
                    as_of: self.as_of,
                    note: self.note.clone(),
                },
                true,
            ),
            _ => (self.clone(), false),
        }
    }

    /// The target a cache kept with [`Target::kept`], whole: equal to the target it was kept
    /// of, field by field.
    #[inline]
    pub(crate) fn restored(&self, left_out: bool) -> Target {
        if !left_out {
            return self.clone();
        }
        match &self.value {
            Value::Qualitative(_) => Target {
                raw: self.raw.clone(),
                value: Value::Qualitative(self.raw().to_owned()),
                subject: self.subject.clone(),
                as_of: self.as_of,
                note: self.note.clone(),
            },
            _ => self.clone(),
        }
    }

    /// The raw text as the target holds it: a cache of targets keys them by it, shared
    /// rather than copied where it is long.
    pub(crate) fn raw_text(&self) -> &RawText {
        &self.raw
    }

    /// Builds a target from its value; its [`raw`](Target::raw) text is its canonical form.
    ///
    /// ```
    /// use jixiao::{Op, Quantity, Target, Value};
    ///
    /// let t = Target::new(Value::Compare { op: Some(Op::Ge), value: "90%".parse()? });
    /// assert_eq!(t.raw(), "≥90%");
    /// assert_eq!(t, Target::lenient("不低于90%"));
    /// # Ok::<(), jixiao::TargetError>(())
    /// ```
    #[must_use]
    pub fn new(value: Value) -> Target {
        Target {
            raw: raw::RawText::default(),
            value,
            subject: None,
            as_of: None,
            note: None,
        }
        .canonicalized()
    }

    /// Sets the subject the value is about (`重点企业用户满意度` in `重点企业用户满意度≥95%`);
    /// the raw text becomes the canonical form.
    ///
    /// ```
    /// use jixiao::Target;
    ///
    /// let t = Target::lenient("≥95%").with_subject("重点企业用户满意度");
    /// assert_eq!(t.to_string(), "重点企业用户满意度≥95%");
    /// ```
    #[must_use]
    pub fn with_subject(mut self, subject: impl Into<String>) -> Target {
        let subject: String = subject.into();
        self.subject = (!subject.trim().is_empty()).then(|| subject.into());
        self.canonicalized()
    }

    /// Sets the date the value holds by (`截至2026年`); the raw text becomes the canonical form.
    ///
    /// ```
    /// use jixiao::{PartialDate, Target};
    ///
    /// let t = Target::lenient("≥7.6万家").with_as_of(PartialDate::y(2026).ok_or("no year")?);
    /// assert_eq!(t.to_string(), "截至2026年≥7.6万家");
    /// # Ok::<(), &str>(())
    /// ```
    #[must_use]
    pub fn with_as_of(mut self, as_of: PartialDate) -> Target {
        self.as_of = Some(as_of);
        self.canonicalized()
    }

    /// Sets a note (`如折页形式≥4000份`); the raw text becomes the canonical form.
    ///
    /// ```
    /// use jixiao::Target;
    ///
    /// let t = Target::lenient("≥400本").with_note("如折页形式≥4000份");
    /// assert_eq!(t.to_string(), "≥400本（如折页形式≥4000份）");
    /// ```
    #[must_use]
    pub fn with_note(mut self, note: impl Into<String>) -> Target {
        let note: String = note.into();
        self.note = (!note.trim().is_empty()).then(|| note.into());
        self.canonicalized()
    }

    fn canonicalized(mut self) -> Target {
        self.raw = self.to_string().into();
        self
    }

    /// The text as written, without the whitespace around it.
    ///
    /// ```
    /// assert_eq!(jixiao::Target::lenient("≧3000").raw(), "≧3000");
    /// ```
    #[must_use]
    pub fn raw(&self) -> &str {
        self.raw.as_str()
    }

    /// What the target says.
    ///
    /// ```
    /// use jixiao::{Target, Value};
    ///
    /// assert!(matches!(Target::lenient("3-5年").value(), Value::Range { .. }));
    /// ```
    #[must_use]
    pub fn value(&self) -> &Value {
        &self.value
    }

    /// The kind of value: `Kind::Compare`, `Kind::Range` …
    ///
    /// ```
    /// use jixiao::{Kind, Target};
    ///
    /// assert_eq!(Target::lenient("2023年12月前").kind(), Kind::Date);
    /// ```
    #[must_use]
    pub fn kind(&self) -> Kind {
        self.value.kind()
    }

    /// The comparator of a compare, date, relative or rank value.
    ///
    /// ```
    /// use jixiao::{Op, Target};
    ///
    /// assert_eq!(Target::lenient("3.5小时以内").op(), Some(Op::Le));
    /// assert_eq!(Target::lenient("100%").op(), None);
    /// ```
    #[must_use]
    pub fn op(&self) -> Option<Op> {
        match &self.value {
            Value::Compare { op, .. } | Value::Date { op, .. } | Value::Relative { op, .. } => *op,
            Value::Rank { op, .. } => Some(*op),
            _ => None,
        }
    }

    /// The quantity of a compare value.
    ///
    /// ```
    /// use jixiao::Target;
    ///
    /// assert_eq!(Target::lenient("≥15列/周").quantity().unwrap().per(), Some("周"));
    /// assert!(Target::lenient("长期").quantity().is_none());
    /// ```
    #[must_use]
    pub fn quantity(&self) -> Option<&Quantity> {
        match &self.value {
            Value::Compare { value, .. } => Some(value),
            _ => None,
        }
    }

    /// The parts of a compound value; empty for every other kind.
    ///
    /// ```
    /// use jixiao::Target;
    ///
    /// let t = Target::lenient("广州海关=5000万元，黄埔海关=3000万元");
    /// let subjects: Vec<_> = t.parts().iter().filter_map(|p| p.subject()).collect();
    /// assert_eq!(subjects, ["广州海关", "黄埔海关"]);
    /// ```
    #[must_use]
    pub fn parts(&self) -> &[Target] {
        match &self.value {
            Value::Compound(parts) => parts,
            _ => &[],
        }
    }

    /// What the value is about, written before it: `重点企业用户满意度` in `重点企业用户满意度≥95%`.
    ///
    /// ```
    /// use jixiao::Target;
    ///
    /// assert_eq!(Target::lenient("组织参加各类展会的企业数量≥1000家").subject(), Some("组织参加各类展会的企业数量"));
    /// ```
    #[must_use]
    pub fn subject(&self) -> Option<&str> {
        self.subject.as_deref()
    }

    /// The date the value holds by: `截至2026年`.
    ///
    /// ```
    /// use jixiao::{PartialDate, Target};
    ///
    /// assert_eq!(Target::lenient("截至2026年≥7.6万家").as_of(), PartialDate::y(2026));
    /// ```
    #[must_use]
    pub fn as_of(&self) -> Option<PartialDate> {
        self.as_of
    }

    /// A note: the text in parentheses after the value, or words trailing it.
    ///
    /// ```
    /// use jixiao::Target;
    ///
    /// assert_eq!(Target::lenient("达到100%（每月一次）").note(), Some("每月一次"));
    /// ```
    #[must_use]
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }

    /// Whether the value carries a number that can be checked and scored: a compare, range,
    /// date, rank, or relative value with a change (a compound when all its parts are).
    ///
    /// ```
    /// use jixiao::Target;
    ///
    /// assert!(Target::lenient("≥90%").is_quantified());
    /// assert!(!Target::lenient("不低于上年度").is_quantified());
    /// assert!(!Target::lenient("及时").is_quantified());
    /// ```
    pub fn is_quantified(&self) -> bool {
        match &self.value {
            Value::Compare { .. }
            | Value::Range { .. }
            | Value::Date { .. }
            | Value::Rank { .. } => true,
            Value::Relative { value, .. } => value.is_some(),
            Value::Compound(parts) => !parts.is_empty() && parts.iter().all(Target::is_quantified),
            Value::Qualitative(_) | Value::Text(_) => false,
        }
    }
}

impl Target {
    /// The same target with `f` applied to every quantity it holds (compare, range, the change
    /// of a relative value, and the parts of a compound); the raw text stays as written.
    pub(crate) fn map_quantities(&self, f: &impl Fn(&Quantity) -> Quantity) -> Target {
        let value = match &self.value {
            Value::Compare { op, value } => Value::Compare {
                op: *op,
                value: f(value),
            },
            Value::Range { low, high } => Value::Range {
                low: f(low),
                high: f(high),
            },
            Value::Relative {
                op,
                baseline,
                value,
            } => Value::Relative {
                op: *op,
                baseline: *baseline,
                value: value.as_ref().map(f),
            },
            Value::Compound(parts) => {
                Value::Compound(parts.iter().map(|p| p.map_quantities(f)).collect())
            }
            other => other.clone(),
        };
        Target {
            value,
            ..self.clone()
        }
    }
}

impl PartialEq for Target {
    fn eq(&self, other: &Target) -> bool {
        self.value == other.value
            && self.subject == other.subject
            && self.as_of == other.as_of
            && self.note == other.note
    }
}

impl Eq for Target {}

impl Hash for Target {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.value.hash(state);
        self.subject.hash(state);
        self.as_of.hash(state);
        self.note.hash(state);
    }
}

impl FromStr for Target {
    type Err = TargetError;

    /// Parses strictly: where [`Target::lenient`] would fall back to [`Value::Text`], returns
    /// an error with the byte offset, the character column and what was expected there.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        grammar::strict(s)
    }
}

impl Value {
    /// The kind of this value.
    ///
    /// ```
    /// use jixiao::{Kind, Value};
    ///
    /// assert_eq!(Value::Text("XX".into()).kind(), Kind::Text);
    /// ```
    #[must_use]
    pub fn kind(&self) -> Kind {
        match self {
            Value::Compare { .. } => Kind::Compare,
            Value::Range { .. } => Kind::Range,
            Value::Date { .. } => Kind::Date,
            Value::Relative { .. } => Kind::Relative,
            Value::Rank { .. } => Kind::Rank,
            Value::Compound(_) => Kind::Compound,
            Value::Qualitative(_) => Kind::Qualitative,
            Value::Text(_) => Kind::Text,
        }
    }
}

impl Kind {
    /// Every kind, in the order of [`Value`]'s variants.
    ///
    /// ```
    /// assert_eq!(jixiao::Kind::ALL.len(), 8);
    /// ```
    pub const ALL: [Kind; 8] = [
        Kind::Compare,
        Kind::Range,
        Kind::Date,
        Kind::Relative,
        Kind::Rank,
        Kind::Qualitative,
        Kind::Compound,
        Kind::Text,
    ];

    /// The name used in JSON: `"compare"`, `"range"` …
    ///
    /// ```
    /// assert_eq!(jixiao::Kind::Qualitative.as_str(), "qualitative");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::Compare => "compare",
            Kind::Range => "range",
            Kind::Date => "date",
            Kind::Relative => "relative",
            Kind::Rank => "rank",
            Kind::Qualitative => "qualitative",
            Kind::Compound => "compound",
            Kind::Text => "text",
        }
    }
}

impl FromStr for Kind {
    type Err = TargetError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| TargetError::unknown("kind", s))
    }
}

impl Op {
    /// Every comparator.
    ///
    /// ```
    /// assert_eq!(jixiao::Op::ALL.len(), 5);
    /// ```
    pub const ALL: [Op; 5] = [Op::Ge, Op::Gt, Op::Le, Op::Lt, Op::Eq];

    /// The canonical symbol: `≥ > ≤ < =`.
    ///
    /// ```
    /// assert_eq!(jixiao::Op::Le.symbol(), "≤");
    /// ```
    #[must_use]
    pub const fn symbol(self) -> &'static str {
        match self {
            Op::Ge => "≥",
            Op::Gt => ">",
            Op::Le => "≤",
            Op::Lt => "<",
            Op::Eq => "=",
        }
    }

    /// The name used in JSON: `"ge"`, `"gt"`, `"le"`, `"lt"`, `"eq"`.
    ///
    /// ```
    /// assert_eq!(jixiao::Op::Gt.as_str(), "gt");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Op::Ge => "ge",
            Op::Gt => "gt",
            Op::Le => "le",
            Op::Lt => "lt",
            Op::Eq => "eq",
        }
    }

    /// Whether an actual value that compares to the target as `ordering` meets this comparator.
    ///
    /// ```
    /// use jixiao::Op;
    /// use std::cmp::Ordering;
    ///
    /// assert!(Op::Le.holds(Ordering::Less));
    /// assert!(Op::Eq.holds(Ordering::Equal));
    /// assert!(!Op::Gt.holds(Ordering::Equal));
    /// ```
    #[must_use]
    pub const fn holds(self, ordering: core::cmp::Ordering) -> bool {
        use core::cmp::Ordering::*;
        matches!(
            (self, ordering),
            (Op::Ge, Greater | Equal)
                | (Op::Gt, Greater)
                | (Op::Le, Less | Equal)
                | (Op::Lt, Less)
                | (Op::Eq, Equal)
        )
    }
}

impl FromStr for Op {
    type Err = TargetError;

    /// Parses a comparator symbol or word: `≥`, `≧`, `>=`, `不低于`, `以内` …
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        grammar::op_word(s.trim()).ok_or_else(|| TargetError::unknown("comparator", s))
    }
}

impl Scale {
    /// Every scale, smallest first.
    ///
    /// ```
    /// assert_eq!(jixiao::Scale::ALL[0].as_str(), "十");
    /// ```
    pub const ALL: [Scale; 6] = [
        Scale::Ten,
        Scale::Hundred,
        Scale::Thousand,
        Scale::TenThousand,
        Scale::HundredMillion,
        Scale::Trillion,
    ];

    /// The scale word: `十 百 千 万 亿 万亿`.
    ///
    /// ```
    /// assert_eq!(jixiao::Scale::Trillion.as_str(), "万亿");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Scale::Ten => "十",
            Scale::Hundred => "百",
            Scale::Thousand => "千",
            Scale::TenThousand => "万",
            Scale::HundredMillion => "亿",
            Scale::Trillion => "万亿",
        }
    }

    /// The power of ten the scale stands for.
    ///
    /// ```
    /// assert_eq!(jixiao::Scale::TenThousand.exponent(), 4);
    /// ```
    #[must_use]
    pub const fn exponent(self) -> u32 {
        match self {
            Scale::Ten => 1,
            Scale::Hundred => 2,
            Scale::Thousand => 3,
            Scale::TenThousand => 4,
            Scale::HundredMillion => 8,
            Scale::Trillion => 12,
        }
    }

    /// The factor the scale stands for: 万 is 10000.
    ///
    /// ```
    /// assert_eq!(jixiao::Scale::Thousand.multiplier().to_string(), "1000");
    /// ```
    #[must_use]
    pub fn multiplier(self) -> Decimal {
        Decimal::from(10u64.pow(self.exponent()))
    }
}

impl FromStr for Scale {
    type Err = TargetError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Scale::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| TargetError::unknown("scale", s))
    }
}

impl Baseline {
    /// The name used in JSON: `"previous_year"` or `"budget"`.
    ///
    /// ```
    /// assert_eq!(jixiao::Baseline::PreviousYear.as_str(), "previous_year");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Baseline::PreviousYear => "previous_year",
            Baseline::Budget => "budget",
        }
    }

    /// The word of the canonical form: `上年度` or `预算`.
    ///
    /// ```
    /// assert_eq!(jixiao::Baseline::Budget.word(), "预算");
    /// ```
    #[must_use]
    pub const fn word(self) -> &'static str {
        match self {
            Baseline::PreviousYear => "上年度",
            Baseline::Budget => "预算",
        }
    }
}

impl Quantity {
    /// A plain amount, without scale, unit or rate.
    ///
    /// ```
    /// use jixiao::Quantity;
    /// use rust_decimal::Decimal;
    ///
    /// assert_eq!(Quantity::new(Decimal::from(20)).to_string(), "20");
    /// ```
    #[must_use]
    pub fn new(amount: Decimal) -> Quantity {
        Quantity {
            amount,
            scale: None,
            unit: None,
            per: None,
        }
    }

    /// Sets the scale word.
    ///
    /// ```
    /// use jixiao::{Quantity, Scale};
    ///
    /// let q = Quantity::new(7.into()).with_scale(Some(Scale::HundredMillion)).with_unit("元");
    /// assert_eq!(q.to_string(), "7亿元");
    /// ```
    #[must_use]
    pub fn with_scale(mut self, scale: Option<Scale>) -> Quantity {
        self.scale = scale;
        self
    }

    /// Sets the unit (`家`, `%`, `人次` …); an empty unit means none.
    ///
    /// ```
    /// use jixiao::Quantity;
    ///
    /// assert_eq!(Quantity::new(95.into()).with_unit("%").to_string(), "95%");
    /// ```
    #[must_use]
    pub fn with_unit(mut self, unit: impl Into<Cow<'static, str>>) -> Quantity {
        self.unit = Some(unit.into()).filter(|u| !u.is_empty());
        self
    }

    /// Sets the denominator of a rate (`年` in `250家/年`); an empty one means none.
    ///
    /// ```
    /// use jixiao::Quantity;
    ///
    /// assert_eq!(Quantity::new(250.into()).with_unit("家").with_per("年").to_string(), "250家/年");
    /// ```
    #[must_use]
    pub fn with_per(mut self, per: impl Into<Cow<'static, str>>) -> Quantity {
        self.per = Some(per.into()).filter(|u| !u.is_empty());
        self
    }

    /// The amount as written, before the scale applies: `7.6` in `7.6万家`.
    ///
    /// ```
    /// use jixiao::Quantity;
    ///
    /// assert_eq!("7.6万家".parse::<Quantity>()?.amount().to_string(), "7.6");
    /// # Ok::<(), jixiao::TargetError>(())
    /// ```
    #[must_use]
    pub fn amount(&self) -> Decimal {
        self.amount
    }

    /// The scale word, if any.
    ///
    /// ```
    /// use jixiao::{Quantity, Scale};
    ///
    /// assert_eq!("1300万人次".parse::<Quantity>()?.scale(), Some(Scale::TenThousand));
    /// # Ok::<(), jixiao::TargetError>(())
    /// ```
    #[must_use]
    pub fn scale(&self) -> Option<Scale> {
        self.scale
    }

    /// The unit, if any: `家`, `%`, `标准箱`, `km` …
    ///
    /// ```
    /// use jixiao::Quantity;
    ///
    /// assert_eq!("≥700万标准箱".trim_start_matches('≥').parse::<Quantity>()?.unit(), Some("标准箱"));
    /// # Ok::<(), jixiao::TargetError>(())
    /// ```
    #[must_use]
    pub fn unit(&self) -> Option<&str> {
        self.unit.as_deref()
    }

    /// The denominator of a rate, if any: `年` in `250家/年`.
    ///
    /// ```
    /// use jixiao::Quantity;
    ///
    /// assert_eq!("475元/亩".parse::<Quantity>()?.per(), Some("亩"));
    /// # Ok::<(), jixiao::TargetError>(())
    /// ```
    #[must_use]
    pub fn per(&self) -> Option<&str> {
        self.per.as_deref()
    }

    /// Whether the unit is a percentage (`%`, also written `％` or `百分比`).
    ///
    /// ```
    /// use jixiao::Quantity;
    ///
    /// assert!("≥100百分比".trim_start_matches('≥').parse::<Quantity>()?.is_percent());
    /// # Ok::<(), jixiao::TargetError>(())
    /// ```
    #[must_use]
    pub fn is_percent(&self) -> bool {
        self.unit() == Some("%")
    }
}

impl PartialDate {
    /// The first year a date may have: the grammar reads four-digit years from 1900 to 2199,
    /// so that every date's canonical form reads back.
    pub const MIN_YEAR: u16 = 1900;

    /// The last year a date may have (see [`PartialDate::MIN_YEAR`]).
    ///
    /// ```
    /// use jixiao::PartialDate;
    ///
    /// assert!(PartialDate::y(PartialDate::MAX_YEAR).is_some());
    /// assert!(PartialDate::y(PartialDate::MAX_YEAR + 1).is_none());
    /// ```
    pub const MAX_YEAR: u16 = 2199;

    /// A year alone, `2025年`; `None` outside [`PartialDate::MIN_YEAR`] to
    /// [`PartialDate::MAX_YEAR`].
    ///
    /// ```
    /// use jixiao::PartialDate;
    ///
    /// assert_eq!(PartialDate::y(2025).map(|d| d.to_string()).as_deref(), Some("2025年"));
    /// assert_eq!(PartialDate::y(25), None);
    /// ```
    #[must_use]
    pub const fn y(year: u16) -> Option<PartialDate> {
        PartialDate::checked(Some(year), None, None)
    }

    /// A month alone, `12月`; `None` unless the month is 1 to 12.
    ///
    /// ```
    /// use jixiao::PartialDate;
    ///
    /// assert_eq!(PartialDate::m(12).map(|d| d.to_string()).as_deref(), Some("12月"));
    /// assert_eq!(PartialDate::m(13), None);
    /// ```
    #[must_use]
    pub const fn m(month: u8) -> Option<PartialDate> {
        PartialDate::checked(None, Some(month), None)
    }

    /// A year and month, `2023年12月`; `None` where either is out of range.
    ///
    /// ```
    /// use jixiao::PartialDate;
    ///
    /// assert_eq!(PartialDate::ym(2023, 12).map(|d| d.to_string()).as_deref(), Some("2023年12月"));
    /// assert_eq!(PartialDate::ym(2024, 13), None);
    /// ```
    #[must_use]
    pub const fn ym(year: u16, month: u8) -> Option<PartialDate> {
        PartialDate::checked(Some(year), Some(month), None)
    }

    /// A full date, `2024年6月30日`; `None` where it is no day of the calendar.
    ///
    /// ```
    /// use jixiao::PartialDate;
    ///
    /// assert_eq!(PartialDate::ymd(2024, 6, 30).and_then(|d| d.day()), Some(30));
    /// assert_eq!(PartialDate::ymd(2024, 2, 29).map(|d| d.iso()).as_deref(), Some("2024-02-29"));
    /// assert_eq!(PartialDate::ymd(2023, 2, 29), None);
    /// assert_eq!(PartialDate::ymd(2024, 4, 31), None);
    /// ```
    #[must_use]
    pub const fn ymd(year: u16, month: u8, day: u8) -> Option<PartialDate> {
        PartialDate::checked(Some(year), Some(month), Some(day))
    }

    /// Builds a date from any parts, checking that the year is from
    /// [`PartialDate::MIN_YEAR`] to [`PartialDate::MAX_YEAR`], the month 1 to 12, that a day
    /// comes with a month and is a day of that month (February 29 only in a leap year, or
    /// where the year is not given), and that a year or a month is given; `None` otherwise.
    /// Every date so built prints a canonical form that reads back as itself.
    ///
    /// ```
    /// use jixiao::PartialDate;
    ///
    /// assert_eq!(PartialDate::from_parts(None, Some(12), Some(31)).map(|d| d.iso()), Some("--12-31".to_string()));
    /// assert_eq!(PartialDate::from_parts(Some(2024), Some(13), None), None);
    /// assert_eq!(PartialDate::from_parts(Some(2024), Some(2), Some(31)), None);
    /// assert_eq!(PartialDate::from_parts(None, None, None), None);
    /// ```
    #[must_use]
    pub const fn from_parts(
        year: Option<u16>,
        month: Option<u8>,
        day: Option<u8>,
    ) -> Option<PartialDate> {
        PartialDate::checked(year, month, day)
    }

    /// The date of these parts, if they make one (see [`PartialDate::from_parts`]).
    const fn checked(year: Option<u16>, month: Option<u8>, day: Option<u8>) -> Option<PartialDate> {
        if let Some(y) = year
            && (y < PartialDate::MIN_YEAR || y > PartialDate::MAX_YEAR)
        {
            return None;
        }
        let days = match month {
            Some(m @ 1..=12) => days_in_month(year, m),
            Some(_) => return None,
            None if year.is_none() || day.is_some() => return None,
            None => 0,
        };
        if let Some(d) = day
            && (d == 0 || d > days)
        {
            return None;
        }
        Some(PartialDate { year, month, day })
    }

    /// The year, if given.
    ///
    /// ```
    /// assert_eq!(jixiao::PartialDate::ym(2023, 7).and_then(|d| d.year()), Some(2023));
    /// ```
    #[must_use]
    pub const fn year(&self) -> Option<u16> {
        self.year
    }

    /// The month, if given.
    ///
    /// ```
    /// assert_eq!(jixiao::PartialDate::ym(2023, 7).and_then(|d| d.month()), Some(7));
    /// ```
    #[must_use]
    pub const fn month(&self) -> Option<u8> {
        self.month
    }

    /// The day, if given.
    ///
    /// ```
    /// assert_eq!(jixiao::PartialDate::ym(2023, 7).and_then(|d| d.day()), None);
    /// ```
    #[must_use]
    pub const fn day(&self) -> Option<u8> {
        self.day
    }

    /// The ISO 8601 form: `2026`, `2026-12`, `2026-12-31`, `--12`, `--12-31`.
    ///
    /// ```
    /// assert_eq!(jixiao::PartialDate::y(2026).map(|d| d.iso()).as_deref(), Some("2026"));
    /// ```
    #[must_use]
    pub fn iso(&self) -> String {
        let mut out = match self.year {
            Some(y) => format!("{y:04}"),
            None => "-".to_string(),
        };
        if let Some(m) = self.month {
            out.push_str(&format!("-{m:02}"));
            if let Some(d) = self.day {
                out.push_str(&format!("-{d:02}"));
            }
        }
        out
    }
}

/// The days of a month: February has 29 in a leap year and where the year is not known.
const fn days_in_month(year: Option<u16>, month: u8) -> u8 {
    match month {
        2 => match year {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl FromStr for PartialDate {
    type Err = TargetError;

    /// Parses the ISO form ([`PartialDate::iso`]) or a Chinese date (`2024年6月30日`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        grammar::partial_date(s.trim()).ok_or_else(|| TargetError::unknown("date", s))
    }
}

impl FromStr for Quantity {
    type Err = TargetError;

    /// Parses an amount with its scale, unit and rate: `7.6万家`, `475元/亩`, `95%`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        grammar::quantity_only(s)
    }
}

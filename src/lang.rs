//! The language of messages: every diagnostic, finding, note and error has an English and a
//! Chinese text.

/// The language of a message: Chinese (`zh`) or English (`en`).
///
/// Every [`Diagnostic`](crate::Diagnostic), [`Finding`](crate::Finding), assessment note and
/// error carries both texts. `Display` and the `message` fields are English, the default
/// ([`Lang::default`]); the `message_zh` fields, the `*_in(Lang)` methods and
/// [`describe`](crate::DiagnosticCode::describe) give Chinese. Codes are the same in both.
///
/// ```
/// use jixiao::{DiagnosticCode, Lang};
///
/// assert_eq!(Lang::default(), Lang::En);
/// assert_eq!("zh".parse::<Lang>()?, Lang::Zh);
/// assert_eq!(Lang::Zh.to_string(), "zh");
/// assert_eq!(DiagnosticCode::TotalMissing.describe(Lang::Zh), "缺少合计行");
/// # Ok::<(), jixiao::TableError>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "lowercase")
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub enum Lang {
    /// Chinese (简体中文): `zh`.
    Zh,
    /// English: `en`, the default.
    #[default]
    En,
}

crate::words!(Lang, "language" {
    Zh => "zh",
    En => "en",
});

impl Lang {
    /// Picks the text of this language from an English and a Chinese one.
    ///
    /// ```
    /// use jixiao::Lang;
    ///
    /// assert_eq!(Lang::Zh.pick("error", "错误"), "错误");
    /// assert_eq!(Lang::En.pick("error", "错误"), "error");
    /// ```
    #[must_use]
    pub const fn pick<'a>(self, en: &'a str, zh: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// A message in both languages, as the library builds it.
impl Lang {
    /// The text in this language: the Chinese where asked for and given, else the English
    /// (a message built from outside the crate may have no Chinese).
    pub(crate) fn text<'a>(self, en: &'a str, zh: &'a str) -> &'a str {
        match self {
            Lang::Zh if !zh.is_empty() => zh,
            _ => en,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Msg {
    pub(crate) en: String,
    pub(crate) zh: String,
}

impl Msg {
    pub(crate) fn new(en: impl Into<String>, zh: impl Into<String>) -> Msg {
        Msg {
            en: en.into(),
            zh: zh.into(),
        }
    }
}

/// A [`Msg`] from an English and a Chinese format string and the same arguments (named in
/// the strings, or given after them).
macro_rules! msg {
    ($en:literal, $zh:literal $(,)?) => {
        $crate::lang::Msg::new(format!($en), format!($zh))
    };
    ($en:literal, $zh:literal, $($arg:tt)+) => {
        $crate::lang::Msg::new(format!($en, $($arg)+), format!($zh, $($arg)+))
    };
}
pub(crate) use msg;

/// The Chinese for a kind of word the library reads (`"severity"`, `"grade"` …).
pub(crate) fn what_zh(what: &str) -> &str {
    match what {
        "check" => "检查代码",
        "comparator" => "比较符",
        "date" => "日期",
        "diagnostic code" => "诊断代码",
        "grade" => "等级",
        "kind" => "指标值类型",
        "scale" => "数量级",
        "severity" => "严重程度",
        "status" => "评分状态",
        "nature" => "指标性质",
        "text role" => "文字类别",
        "table kind" => "表格类别",
        "scope" => "范围",
        "layout" => "版式",
        "language" => "语言",
        "tier" => "一级指标",
        "category" => "二级指标",
        other => other,
    }
}

/// The message for a word that names nothing of its kind.
pub(crate) fn unknown(what: &str, given: &str) -> Msg {
    Msg::new(
        format!("unknown {what} {given:?}"),
        format!("无法识别的{}：{given:?}", what_zh(what)),
    )
}

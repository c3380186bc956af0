//! Which way an indicator should go: 正向 (more is better), 反向 (less is better) or 等于.
//!
//! The comparator tells where there is one (`≥` 正向, `≤` and `以内` 反向); for a bare value
//! (`100%`, `0%`, `3500单`) the name must tell, and that is a guess the result says it is.

use crate::{Indicator, Op, Target, Value};
use core::fmt;

/// Which way an indicator should go.
///
/// ```
/// use jixiao::{Basis, Direction, Indicator};
///
/// let i: Indicator = "1、2-效益指标；22-社会效益；司乘驾驶安全事故率；实施周期指标值:0%；年度指标值:0%。".parse()?;
/// let d = i.direction();
/// assert_eq!((d.direction, d.basis), (Direction::Negative, Basis::Name));
/// assert!(d.is_guess());
/// assert_eq!(Direction::Negative.as_str(), "negative");
/// assert_eq!(Direction::Negative.chinese(), "反向");
/// # Ok::<(), jixiao::TableError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Direction {
    /// 正向: more is better (满意度, 合格率, counts).
    Positive,
    /// 反向: less is better (事故率, 投诉率, time limits, costs).
    Negative,
    /// 等于: exactly the target.
    Equal,
}

/// What a [`Direction`] was read from.
///
/// ```
/// use jixiao::Basis;
///
/// assert!(!Basis::Comparator.is_guess());
/// assert!(Basis::Default.is_guess());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub enum Basis {
    /// The table says it (指标方向: 正向, 反向).
    Stated,
    /// The value's comparator: `≥`, `以内`, `不超过` …
    Comparator,
    /// A word of the indicator's name: 事故率, 满意度, 时间 … (a guess).
    Name,
    /// Nothing told: counts and most indicators are 正向 (a guess).
    Default,
}

/// A [`Direction`] and what it was read from.
///
/// ```
/// use jixiao::{Basis, Direction, Indicator};
///
/// let i: Indicator = "1、1-产出指标；13-时效指标；通关时间（小时）；实施周期指标值:3.5小时以内；年度指标值:3.5小时以内。".parse()?;
/// assert_eq!(i.direction().direction, Direction::Negative);
/// assert_eq!(i.direction().basis, Basis::Comparator);
/// # Ok::<(), jixiao::TableError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Directed {
    /// Which way.
    pub direction: Direction,
    /// Read from what.
    pub basis: Basis,
}

impl Directed {
    /// A direction read from `basis`.
    ///
    /// ```
    /// use jixiao::{Basis, Directed, Direction};
    ///
    /// let d = Directed::new(Direction::Negative, Basis::Stated);
    /// assert_eq!((d.direction, d.basis), (Direction::Negative, Basis::Stated));
    /// ```
    #[must_use]
    pub const fn new(direction: Direction, basis: Basis) -> Directed {
        Directed { direction, basis }
    }

    /// Whether the direction is a guess (read from the name, or a default).
    ///
    /// ```
    /// use jixiao::{Basis, Directed, Direction};
    ///
    /// assert!(Directed::new(Direction::Positive, Basis::Name).is_guess());
    /// ```
    #[must_use]
    pub fn is_guess(&self) -> bool {
        self.basis.is_guess()
    }
}

impl Basis {
    /// Whether a direction read from this is a guess.
    ///
    /// ```
    /// assert!(jixiao::Basis::Name.is_guess());
    /// ```
    #[must_use]
    pub const fn is_guess(self) -> bool {
        !matches!(self, Basis::Comparator | Basis::Stated)
    }
}

impl Direction {
    /// The name used in JSON: `"positive"`, `"negative"`, `"equal"`.
    ///
    /// ```
    /// assert_eq!(jixiao::Direction::Equal.as_str(), "equal");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Direction::Positive => "positive",
            Direction::Negative => "negative",
            Direction::Equal => "equal",
        }
    }

    /// The Chinese term: 正向, 反向, 等于.
    ///
    /// ```
    /// assert_eq!(jixiao::Direction::Positive.chinese(), "正向");
    /// ```
    #[must_use]
    pub const fn chinese(self) -> &'static str {
        match self {
            Direction::Positive => "正向",
            Direction::Negative => "反向",
            Direction::Equal => "等于",
        }
    }

    /// The direction a word of a table states: 正向, 反向, 等于 (with or without 指标), or
    /// 越大越好 and 越小越好, in simplified or traditional characters.
    ///
    /// ```
    /// use jixiao::Direction;
    ///
    /// assert_eq!(Direction::from_chinese("反向指标"), Some(Direction::Negative));
    /// assert_eq!(Direction::from_chinese("正向指標"), Some(Direction::Positive));
    /// assert_eq!(Direction::from_chinese("越高越好"), Some(Direction::Positive));
    /// assert_eq!(Direction::from_chinese("中"), None);
    /// ```
    #[must_use]
    pub fn from_chinese(word: &str) -> Option<Direction> {
        let word = word.trim();
        let word = word
            .strip_suffix("指标")
            .or_else(|| word.strip_suffix("指標"))
            .unwrap_or(word)
            .trim_end();
        match word {
            "正向" | "正" | "越大越好" | "越高越好" | "越多越好" => {
                Some(Direction::Positive)
            }
            "反向" | "逆向" | "负向" | "負向" | "越小越好" | "越低越好" | "越少越好" => {
                Some(Direction::Negative)
            }
            "等于" | "等於" | "中性" | "适中" | "適中" => Some(Direction::Equal),
            _ => None,
        }
    }

    /// The direction a comparator states: `≥ >` 正向, `≤ <` 反向, `=` 等于.
    ///
    /// ```
    /// use jixiao::{Direction, Op};
    ///
    /// assert_eq!(Direction::of_op(Op::Lt), Direction::Negative);
    /// ```
    #[must_use]
    pub const fn of_op(op: Op) -> Direction {
        match op {
            Op::Ge | Op::Gt => Direction::Positive,
            Op::Le | Op::Lt => Direction::Negative,
            Op::Eq => Direction::Equal,
        }
    }

    /// The direction an indicator's name suggests, if a word of it does: 事故率, 投诉, 时间,
    /// 成本 (反向); 满意度, 合格率, 及时率, 覆盖率, 数量 (正向).
    ///
    /// ```
    /// use jixiao::Direction;
    ///
    /// assert_eq!(Direction::of_name("口岸整体通关出口时间（小时）"), Some(Direction::Negative));
    /// assert_eq!(Direction::of_name("成本控制率"), Some(Direction::Positive));
    /// assert_eq!(Direction::of_name("宣传推介广州"), None);
    /// ```
    #[must_use]
    pub fn of_name(name: &str) -> Option<Direction> {
        NAME_RULES
            .iter()
            .find(|(words, _)| words.iter().any(|w| name.contains(w)))
            .map(|&(_, direction)| direction)
    }
}

/// The direction a name suggests by a word more telling than a bare 率 or 数: what the
/// direction check holds a comparator against.
pub(crate) fn strong_name_direction(name: &str) -> Option<Direction> {
    NAME_RULES[..NAME_RULES.len() - 1]
        .iter()
        .find(|(words, _)| words.iter().any(|w| name.contains(w)))
        .map(|&(_, direction)| direction)
}

impl fmt::Display for Direction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.chinese())
    }
}

/// Words of names and the direction they suggest, the first rule that matches winning: the
/// specific before the general, so that 事故率 is 反向 though it is a 率, and 成本控制率 is
/// 正向 though it names a cost.
const NAME_RULES: &[(&[&str], Direction)] = &[
    (
        // Rates of handling something bad are 正向: 投诉处理率, 防污染监督检查率.
        &[
            "处理率",
            "处置率",
            "检查率",
            "抽查率",
            "查处率",
            "整改率",
            "办结率",
            "结案率",
            "回复率",
            "响应率",
            "排除",
            "搜救",
        ],
        Direction::Positive,
    ),
    (
        &[
            "事故",
            "投诉",
            "差错",
            "错误率",
            "故障率",
            "发生率",
            "不合格",
            "失败率",
            "减资",
            "延误",
            "违规",
            "违法",
            "超支",
            "损失",
            "拖欠",
            "返工",
            "退件",
            "排放量",
            "能耗",
            "逾期",
            "积压",
            "结余率",
        ],
        Direction::Negative,
    ),
    (
        &[
            "控制率",
            "节约率",
            "满意度",
            "合格率",
            "及时率",
            "覆盖率",
            "完成率",
            "达标率",
            "正确率",
            "准确率",
            "利用率",
            "使用率",
            "稳定率",
            "可用率",
            "成功率",
            "通过率",
            "到位率",
            "执行率",
            "关闭率",
            "解决率",
            "巡检率",
            "知晓率",
            "参与率",
            "运行率",
            "保障率",
            "渗透率",
            "增长",
            "增速",
            "增幅",
            "提升",
            "带动",
        ],
        Direction::Positive,
    ),
    (
        &[
            "时间", "时长", "耗时", "用时", "时限", "周期", "天数", "成本", "费用", "价格",
        ],
        Direction::Negative,
    ),
    (
        &[
            "率", "数量", "次数", "人次", "个数", "家数", "数", "量", "规模", "金额", "额", "面积",
        ],
        Direction::Positive,
    ),
];

/// The comparator a target states, for its direction: a compare, date, relative or rank
/// value's own, or the first of a compound's parts.
fn stated_op(target: &Target) -> Option<Op> {
    match target.value() {
        Value::Compound(parts) => parts.iter().find_map(Target::op),
        Value::Range { .. } => None,
        _ => target.op(),
    }
}

impl Indicator {
    /// Which way the indicator should go: from the comparator of its annual value (or of its
    /// period value), else from its name, else 正向 by default. The result says which.
    ///
    /// ```
    /// use jixiao::{Basis, Direction, Indicator};
    ///
    /// let i: Indicator = "1、3-满意度指标；31-服务对象满意度；满意度；实施周期指标值:≥80%；年度指标值:≥80%。".parse()?;
    /// assert_eq!(i.direction().direction, Direction::Positive);
    /// assert!(!i.direction().is_guess());
    /// # Ok::<(), jixiao::TableError>(())
    /// ```
    #[must_use]
    pub fn direction(&self) -> Directed {
        if let Some(direction) = self.direction {
            return Directed {
                direction,
                basis: Basis::Stated,
            };
        }
        let period_op = || self.period.as_ref().and_then(stated_op);
        if let Some(op) = stated_op(&self.annual).or_else(period_op) {
            return Directed {
                direction: Direction::of_op(op),
                basis: Basis::Comparator,
            };
        }
        match Direction::of_name(&self.name) {
            Some(direction) => Directed {
                direction,
                basis: Basis::Name,
            },
            None => Directed {
                direction: Direction::Positive,
                basis: Basis::Default,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn named(name: &str, value: &str) -> Directed {
        let record = format!(
            "1、1-产出指标；11-数量指标；{name}；实施周期指标值:{value}；年度指标值:{value}。"
        );
        record.parse::<Indicator>().expect("a record").direction()
    }

    #[test]
    fn comparators_decide_first() {
        assert_eq!(named("事故率", "≥1%").direction, Direction::Positive);
        assert_eq!(named("满意度", "≤80%").basis, Basis::Comparator);
        assert_eq!(
            named("补助发放标准", "广州海关=5000万元，黄埔海关=3000万元").direction,
            Direction::Equal
        );
        assert_eq!(
            named("平台规模", "不低于上年度").direction,
            Direction::Positive
        );
        assert_eq!(
            named("完成时限", "2024年6月前").direction,
            Direction::Negative
        );
        assert_eq!(named("排名", "居全市前6").direction, Direction::Negative);
    }

    #[test]
    fn bare_values_take_the_name() {
        for (name, direction) in [
            ("司乘驾驶安全事故率", Direction::Negative),
            ("工程有效投诉控制率", Direction::Negative),
            ("支持的外资企业减资、转内资情况", Direction::Negative),
            ("扶持资金拨付正确率", Direction::Positive),
            ("口岸整体通关进口时间（小时）", Direction::Negative),
            ("运维服务工单数量", Direction::Positive),
            ("成本控制率", Direction::Positive),
            ("投诉处理率", Direction::Positive),
            ("对辖区航运公司安全和防污染监督检查率", Direction::Positive),
        ] {
            let d = named(name, "10");
            assert_eq!((d.direction, d.basis), (direction, Basis::Name), "{name}");
        }
        let d = named("宣传推介广州", "3次/年");
        assert_eq!(
            (d.direction, d.basis),
            (Direction::Positive, Basis::Default)
        );
    }
}

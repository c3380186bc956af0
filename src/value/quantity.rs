//! Quantities across scales: `7.6万家` is 76000家, `1.2亿元` is 12000万元; comparison in one
//! unit, and a clear error where the units differ.

use super::{Quantity, Scale, TargetError, TargetErrorKind};
use core::cmp::Ordering;
use rust_decimal::Decimal;

/// Spellings of one unit: `平方米` and `㎡`, `元人民币` and `元`.
const UNIT_ALIASES: &[(&str, &str)] = &[
    ("平方米", "㎡"),
    ("m²", "㎡"),
    ("m2", "㎡"),
    ("立方米", "㎥"),
    ("m³", "㎥"),
    ("元人民币", "元"),
    ("人民币元", "元"),
    ("人民币", "元"),
    ("公里", "km"),
    ("㎞", "km"),
    ("公斤", "kg"),
    ("㎏", "kg"),
    ("个小时", "小时"),
    ("钟头", "小时"),
    ("天数", "天"),
    ("日", "天"),
    ("星期", "周"),
    ("个月", "月"),
    ("场次", "场"),
    ("批次", "批"),
];

/// The unit a spelling stands for, for comparison.
fn unit_key(unit: &str) -> &str {
    UNIT_ALIASES
        .iter()
        .find(|(alias, _)| *alias == unit)
        .map_or(unit, |&(_, key)| key)
}

impl Quantity {
    /// The amount with its scale applied: 76000 for `7.6万家`.
    ///
    /// # Errors
    ///
    /// [`TargetErrorKind::Overflow`] where the amount with its scale applied is out of the
    /// range of a [`Decimal`], or would lose digits.
    ///
    /// ```
    /// use jixiao::Quantity;
    ///
    /// assert_eq!("7.6万家".parse::<Quantity>()?.base_amount()?.to_string(), "76000");
    /// # Ok::<(), jixiao::TargetError>(())
    /// ```
    pub fn base_amount(&self) -> Result<Decimal, TargetError> {
        let Some(scale) = self.scale else {
            return Ok(self.amount);
        };
        super::exact::mul(self.amount, scale.multiplier())
            .map(|d| d.normalize())
            .ok_or_else(|| overflow(self))
    }

    /// The same quantity without a scale word: `7.6万家` becomes `76000家`.
    ///
    /// # Errors
    ///
    /// [`TargetErrorKind::Overflow`] where the amount with its scale applied is out of the
    /// range of a [`Decimal`], or would lose digits.
    ///
    /// ```
    /// use jixiao::Quantity;
    ///
    /// assert_eq!("7.6万家".parse::<Quantity>()?.normalized()?.to_string(), "76000家");
    /// # Ok::<(), jixiao::TargetError>(())
    /// ```
    pub fn normalized(&self) -> Result<Quantity, TargetError> {
        self.to_scale(None)
    }

    /// The same quantity written with another scale word (or none): `1.2亿元` is `12000万元`.
    ///
    /// # Errors
    ///
    /// [`TargetErrorKind::Overflow`] where the amount is out of range once its scale applies,
    /// or cannot be written exactly with the new scale word.
    ///
    /// ```
    /// use jixiao::{Quantity, Scale};
    ///
    /// let q: Quantity = "1.2亿元".parse()?;
    /// assert_eq!(q.to_scale(Some(Scale::TenThousand))?.to_string(), "12000万元");
    /// # Ok::<(), jixiao::TargetError>(())
    /// ```
    pub fn to_scale(&self, scale: Option<Scale>) -> Result<Quantity, TargetError> {
        let base = self.base_amount()?;
        let amount = match scale {
            None => base,
            Some(s) => base
                .checked_div(s.multiplier())
                // Exact where it multiplies back; else digits fell off the end.
                .filter(|a| super::exact::mul(*a, s.multiplier()) == Some(base))
                .ok_or_else(|| overflow(self))?
                .normalize(),
        };
        Ok(Quantity {
            amount,
            scale,
            ..self.clone()
        })
    }

    /// Whether two quantities are in the same unit and rate, so that they can be compared;
    /// spellings of one unit (`㎡`, `平方米`) count as the same.
    ///
    /// ```
    /// use jixiao::Quantity;
    ///
    /// let a: Quantity = "4021.16㎡".parse()?;
    /// assert!(a.same_unit(&"4000平方米".parse()?));
    /// assert!(!a.same_unit(&"4000".parse()?));
    /// # Ok::<(), jixiao::TargetError>(())
    /// ```
    pub fn same_unit(&self, other: &Quantity) -> bool {
        self.unit().map(unit_key) == other.unit().map(unit_key)
            && self.per().map(unit_key) == other.per().map(unit_key)
    }

    /// Compares two quantities in the same unit across scales: `1.2亿元` equals `12000万元`.
    ///
    /// # Errors
    ///
    /// [`TargetErrorKind::UnitMismatch`], naming both, where the quantities are in different
    /// units (or rates); [`TargetErrorKind::Overflow`] where an amount is out of range once
    /// its scale applies.
    ///
    /// ```
    /// use jixiao::Quantity;
    /// use std::cmp::Ordering;
    ///
    /// let a: Quantity = "7.6万家".parse()?;
    /// assert_eq!(a.compare(&"75000家".parse()?)?, Ordering::Greater);
    /// let err = a.compare(&"95%".parse()?).unwrap_err();
    /// assert_eq!(err.to_string(), "cannot compare 7.6万家 with 95%: the units differ (家, %)");
    /// # Ok::<(), jixiao::TargetError>(())
    /// ```
    pub fn compare(&self, other: &Quantity) -> Result<Ordering, TargetError> {
        if !self.same_unit(other) {
            let describe = |q: &Quantity, none: &str| {
                let unit = q.unit().unwrap_or(none);
                match q.per() {
                    Some(per) => format!("{unit}/{per}"),
                    None => unit.to_string(),
                }
            };
            return Err(TargetError::other(
                TargetErrorKind::UnitMismatch,
                crate::lang::Msg::new(
                    format!(
                        "cannot compare {self} with {other}: the units differ ({}, {})",
                        describe(self, "no unit"),
                        describe(other, "no unit")
                    ),
                    format!(
                        "{self}与{other}无法比较：单位不同（{}、{}）",
                        describe(self, "无单位"),
                        describe(other, "无单位")
                    ),
                ),
            ));
        }
        Ok(self.base_amount()?.cmp(&other.base_amount()?))
    }
}

fn overflow(q: &Quantity) -> TargetError {
    TargetError::other(
        TargetErrorKind::Overflow,
        crate::lang::msg!(
            "the amount of {q} is out of range once its scale applies",
            "{q}按数量级换算后超出数值范围"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn q(text: &str) -> Quantity {
        match text.parse() {
            Ok(q) => q,
            Err(e) => panic!("{text}: {e}"),
        }
    }

    #[test]
    fn scales_normalise() {
        assert_eq!(q("7.6万家").normalized().unwrap(), q("76000家"));
        assert_eq!(
            q("1.2亿元").to_scale(Some(Scale::TenThousand)).unwrap(),
            q("12000万元")
        );
        assert_eq!(q("3千").base_amount().unwrap(), Decimal::from(3000));
        assert_eq!(
            q("2万亿元").base_amount().unwrap().to_string(),
            "2000000000000"
        );
        assert_eq!(q("95%").normalized().unwrap(), q("95%"));
    }

    #[test]
    fn comparison_crosses_scales_not_units() {
        assert_eq!(
            q("1.2亿元").compare(&q("12000万元")).unwrap(),
            Ordering::Equal
        );
        assert_eq!(
            q("1.2亿元").compare(&q("10000万元")).unwrap(),
            Ordering::Greater
        );
        assert_eq!(
            q("4021.16㎡").compare(&q("4021.16平方米")).unwrap(),
            Ordering::Equal
        );
        assert_eq!(
            q("400亿元人民币").compare(&q("300亿元")).unwrap(),
            Ordering::Greater
        );
        let err = q("25亿美元").compare(&q("400亿元")).unwrap_err();
        assert_eq!(err.kind(), TargetErrorKind::UnitMismatch);
        assert_eq!(
            err.to_string(),
            "cannot compare 25亿美元 with 400亿元: the units differ (美元, 元)"
        );
        let err = q("40次/年").compare(&q("40次")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "cannot compare 40次/年 with 40次: the units differ (次/年, 次)"
        );
    }

    #[test]
    fn scales_that_would_round_are_an_error() {
        // 28 digits and 27 decimals, times 万: the product would lose its last decimals.
        let precise = q("1.234567890123456789012345678万");
        assert_eq!(
            precise.base_amount().unwrap_err().kind(),
            TargetErrorKind::Overflow
        );
        let small = q("0.0000000000000000000000001");
        assert_eq!(
            small.to_scale(Some(Scale::Trillion)).unwrap_err().kind(),
            TargetErrorKind::Overflow
        );
    }

    #[test]
    fn overflow_is_an_error_not_a_panic() {
        let big = q("79228162514264337593543950335万亿");
        assert_eq!(
            big.base_amount().unwrap_err().kind(),
            TargetErrorKind::Overflow
        );
        assert_eq!(
            big.compare(&q("1家")).unwrap_err().kind(),
            TargetErrorKind::UnitMismatch
        );
        assert_eq!(
            big.compare(&q("1万亿")).unwrap_err().kind(),
            TargetErrorKind::Overflow
        );
    }
}

//! Exact decimal arithmetic for amounts read from input. `rust_decimal` rounds silently where
//! a sum or a product has more digits than it holds (two amounts of 27 digits and 2 decimals
//! add up to one with 1 decimal); these refuse instead, so that a sum is either exact or none.

use rust_decimal::Decimal;

/// `a + b`, or `None` where the sum is too large to hold with every decimal of both.
pub(crate) fn add(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_add(b)
        .filter(|sum| sum.scale() >= a.scale().max(b.scale()))
}

/// `a − b`, or `None` where the difference is too large to hold with every decimal of both.
pub(crate) fn sub(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_sub(b)
        .filter(|difference| difference.scale() >= a.scale().max(b.scale()))
}

/// The sum of amounts, or `None` where it is too large to hold exactly.
pub(crate) fn sum(amounts: impl IntoIterator<Item = Decimal>) -> Option<Decimal> {
    amounts.into_iter().try_fold(Decimal::ZERO, add)
}

/// `a × b`, or `None` where the product is too large (or too small) to hold exactly.
pub(crate) fn mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    if a.is_zero() || b.is_zero() {
        return Some(Decimal::ZERO);
    }
    let scale = a.scale().checked_add(b.scale())?;
    a.checked_mul(b)
        .filter(|product| product.scale() == scale && !product.is_zero())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().expect("decimal")
    }

    #[test]
    fn sums_are_exact_or_none() {
        assert_eq!(add(d("2.60"), d("10.00")), Some(d("12.60")));
        assert_eq!(
            add(d("2.60"), d("10.00")).map(|s| s.to_string()),
            Some("12.60".into())
        );
        // rust_decimal would give 1584563250285286751870879006.7: a decimal lost.
        let most = d("792281625142643375935439503.35");
        assert_eq!(add(most, most), None);
        assert_eq!(add(Decimal::MAX, Decimal::ONE), None);
        assert_eq!(sub(Decimal::MIN, Decimal::ONE), None);
        assert_eq!(sub(d("12.60"), d("2.6")), Some(d("10.00")));
        assert_eq!(sum([d("1"), d("2.5"), d("3")]), Some(d("6.5")));
        assert_eq!(sum([Decimal::MAX, Decimal::MAX]), None);
        assert_eq!(sum([]), Some(Decimal::ZERO));
    }

    #[test]
    fn products_are_exact_or_none() {
        assert_eq!(mul(d("7.6"), d("10000")), Some(d("76000.0")));
        assert_eq!(mul(d("0"), d("0.5")), Some(Decimal::ZERO));
        let tiny = d("0.0000000000000000000000000001");
        // rust_decimal would give 0.
        assert_eq!(mul(tiny, tiny), None);
        assert_eq!(mul(Decimal::MAX, d("2")), None);
        assert_eq!(mul(tiny, d("0.5")), None);
    }
}

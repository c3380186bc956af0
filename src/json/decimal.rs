//! Decimals read from JSON without losing a digit.
//!
//! Every decimal of this crate is written as a JSON string (`"123307.34"`), and read from one
//! exactly: a string with more digits than a `Decimal` holds is refused rather than rounded.
//! A JSON integer is read too, exactly. A JSON number with a fraction or an exponent
//! (`12345678901234567890.123`) is refused: a JSON parser hands it over as a binary float,
//! which may already have lost digits, and nothing tells whether it has.

use rust_decimal::Decimal;
use serde::Deserializer;
use serde::de::{self, Visitor};
use std::fmt;

struct Exact;

impl Visitor<'_> for Exact {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal as a string (\"12.5\") or an integer")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        Decimal::from_str_exact(v.trim()).map_err(|e| {
            E::custom(format_args!(
                "{v:?} is no decimal that can be held without losing digits: {e}"
            ))
        })
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Decimal, E> {
        Decimal::try_from_i128_with_scale(v, 0)
            .map_err(|_| E::custom(format_args!("{v} has more digits than a decimal holds")))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Decimal, E> {
        i128::try_from(v)
            .map_err(|_| E::custom(format_args!("{v} has more digits than a decimal holds")))
            .and_then(|v| self.visit_i128(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
        Err(E::custom(format_args!(
            "the JSON number {v} may have lost digits as a binary float: \
             write the decimal as a string (\"{v}\")"
        )))
    }
}

/// A decimal, read exactly (see the module).
pub(crate) fn exact<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
    deserializer.deserialize_any(Exact)
}

struct Maybe;

impl<'de> Visitor<'de> for Maybe {
    type Value = Option<Decimal>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal as a string (\"12.5\"), an integer, or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        exact(deserializer).map(Some)
    }
}

/// An optional decimal, read exactly (see the module); `null` is `None`.
pub(crate) fn option<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Decimal>, D::Error> {
    deserializer.deserialize_option(Maybe)
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    #[derive(serde::Deserialize, Debug)]
    struct Holder {
        #[serde(deserialize_with = "super::exact")]
        a: Decimal,
        #[serde(default, deserialize_with = "super::option")]
        b: Option<Decimal>,
    }

    fn read(json: &str) -> Result<(String, Option<String>), String> {
        serde_json::from_str::<Holder>(json)
            .map(|h| (h.a.to_string(), h.b.map(|b| b.to_string())))
            .map_err(|e| e.to_string())
    }

    #[test]
    fn every_digit_is_kept_or_the_value_refused() {
        assert_eq!(
            read(r#"{"a": "12.50", "b": null}"#),
            Ok(("12.50".into(), None))
        );
        assert_eq!(read(r#"{"a": 7}"#), Ok(("7".into(), None)));
        assert_eq!(
            read(r#"{"a": -7, "b": "0.1"}"#),
            Ok(("-7".into(), Some("0.1".into())))
        );
        assert_eq!(
            read(r#"{"a": "12345678901234567890.123"}"#),
            Ok(("12345678901234567890.123".into(), None))
        );
        // Issue 9: a JSON number whose digits a float cannot hold is refused, not rounded.
        let err = read(r#"{"a": 12345678901234567890.123}"#).expect_err("refused");
        assert!(err.contains("write the decimal as a string"), "{err}");
        assert!(read(r#"{"a": 1, "b": 0.5}"#).is_err());
        assert!(read(r#"{"a": 1e3}"#).is_err());
        // More digits than a decimal holds, in a string or an integer.
        assert!(read(r#"{"a": "1.000000000000000000000000000001"}"#).is_err());
        assert!(read(r#"{"a": "x"}"#).is_err());
    }
}

//! # The JSON contract
//!
//! What every type of this crate is in JSON, for tools in other languages: the same text as
//! README's "JSON" section (a test keeps them equal).
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! use jixiao::{check, CheckConfig, Document};
//!
//! let doc: Document = "\
//! 一级指标 | 二级指标 | 三级指标 | 指标值 |
//! 产出指标 | 数量指标 | 培训人次 | ≥100人次 |"
//!     .parse()?;
//! let json = serde_json::to_value(&doc)?;
//! assert_eq!(json["format"], jixiao::json::FORMAT);
//! assert_eq!(json["units"][0]["projects"][0]["indicators"][0]["annual"]["canonical"], "≥100人次");
//! let report = serde_json::to_value(check(&doc, &CheckConfig::default()))?;
//! assert_eq!(report["format"], 1);
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
#![doc = include_str!("contract.md")]

#[cfg(feature = "serde")]
pub(crate) mod decimal;
#[cfg(feature = "schema")]
mod schema;

#[cfg(feature = "schema")]
pub(crate) use schema::with_format;
#[cfg(feature = "schema")]
pub use schema::{assessment_schema, document_schema, report_schema};

/// The version of the JSON contract, written first in every [`Document`](crate::Document),
/// [`Report`](crate::Report) and [`Assessment`](crate::Assessment) as `"format"`.
///
/// It is raised only when a field changes meaning or goes away; added fields leave it as it
/// is. Reading accepts JSON with or without it.
///
/// ```
/// assert_eq!(jixiao::json::FORMAT, 1);
/// ```
pub const FORMAT: u32 = 1;

/// `Serialize` and `Deserialize` for the top-level documents: the fields as derived (with
/// `#[serde(remote = "Self")]`, which derives them as inherent functions), after
/// `"format": FORMAT`.
#[cfg(feature = "serde")]
mod versioned {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// The derived serialization of a document's fields.
    pub(super) trait Fields {
        fn fields<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;
    }

    #[derive(Serialize)]
    #[serde(bound = "")]
    struct Versioned<'a, T: Fields> {
        format: u32,
        #[serde(flatten, serialize_with = "fields")]
        value: &'a T,
    }

    fn fields<T: Fields, S: Serializer>(value: &&T, serializer: S) -> Result<S::Ok, S::Error> {
        value.fields(serializer)
    }

    macro_rules! versioned {
        ($($ty:ident),+) => {$(
            impl Fields for crate::$ty {
                fn fields<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    crate::$ty::serialize(self, serializer)
                }
            }

            impl Serialize for crate::$ty {
                fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    Versioned {
                        format: super::FORMAT,
                        value: self,
                    }
                    .serialize(serializer)
                }
            }

            /// The fields as derived; `"format"`, like any field this version does not know,
            /// is passed over.
            impl<'de> Deserialize<'de> for crate::$ty {
                fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    crate::$ty::deserialize(deserializer)
                }
            }
        )+};
    }

    versioned!(Document, Report, Assessment);
}

#[cfg(test)]
mod tests {
    /// README's "JSON" section is this module's text, word for word.
    #[test]
    fn readme_states_the_contract_word_for_word() {
        let readme = include_str!("../../README.md");
        let contract = include_str!("contract.md");
        assert!(
            readme.contains(&format!("## JSON\n\n{contract}\n## ")),
            "README's JSON section differs from src/json/contract.md"
        );
    }
}

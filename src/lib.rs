//! # jixiao (绩效)
//!
//! Typed data from Chinese public-budget performance target tables (项目支出绩效目标表).
//!
//! The crate is built in layers, each in its own module:
//!
//! - the **taxonomy** ([`Tier`], [`Category`]): 产出 / 效益 / 满意度 and their nine categories;
//! - the **value grammar** ([`Target`], [`Value`], [`Quantity`]): a nom grammar that types
//!   every 指标值 as written in loose Chinese (`≥90%`, `不少于100场次`, `3.5小时以内`,
//!   `不低于上年度`, `截至2026年≥7.6万家`, `广州海关=5000万元，黄埔海关=3000万元`);
//! - **readers**, one per input form: the run-on text of Guangzhou's budget system, grids as
//!   text (pipe rows, TSV/CSV, a cell per line or paragraph, trees, space-separated);
//! - **one model of documents** ([`Document`], [`Project`], [`Indicator`]): whole tables with
//!   their money, goals, indicators, weights, scores and actual values, and [`Diagnostic`]s
//!   for whatever could not be taken at face value;
//! - **checks and scoring** ([`check`], [`assess`]): the reviews made before a budget is
//!   approved, and 绩效自评 scoring of actual values, with each indicator's [`Direction`].
//!
//! ```
//! use jixiao::{Kind, Op, Target};
//!
//! let target = Target::lenient("不少于100场次");
//! assert_eq!(target.kind(), Kind::Compare);
//! assert_eq!(target.op(), Some(Op::Ge));
//! assert_eq!(target.quantity().unwrap().unit(), Some("场次"));
//! assert_eq!(target.to_string(), "≥100场次");
//!
//! // A strict parse says where it stopped and what it expected.
//! let err = "≥万家".parse::<Target>().unwrap_err();
//! assert_eq!((err.offset(), err.column()), (Some(3), Some(2)));
//! ```
//!
//! Every diagnostic, finding, note and error is worded in English and in Chinese ([`Lang`]):
//! `Display` is English, the default; `message_in(Lang::Zh)`, `display_in(Lang::Zh)` and the
//! `message_zh` fields give the Chinese, quoting the same values.
//!
//! With the `serde` feature (on by default) every type serializes to the JSON documented in
//! [`json`], which begins with the contract's version; with the `schema` feature (off by
//! default) [`json`] also gives the JSON Schemas of the documents, tables, reports and
//! assessments it writes.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

/// Gives a fieldless enum its words: `ALL`, `as_str`, `Display` and a `FromStr` that reads
/// the words back (the forms of the JSON and of the command line).
macro_rules! words {
    ($ty:ident, $what:literal { $($variant:ident => $word:literal),+ $(,)? }) => {
        impl $ty {
            /// Every value, in order.
            ///
            #[doc = concat!("```\nassert!(!jixiao::", stringify!($ty), "::ALL.is_empty());\n```")]
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            /// The word used in JSON and on the command line.
            ///
            #[doc = concat!("```\nuse jixiao::", stringify!($ty), ";\n\nfor v in ", stringify!($ty),
                "::ALL {\n    assert_eq!(v.as_str().parse::<", stringify!($ty), ">(), Ok(*v));\n}\n```")]
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $word),+
                }
            }
        }

        impl core::fmt::Display for $ty {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl core::str::FromStr for $ty {
            type Err = crate::TableError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == s)
                    .ok_or_else(|| crate::TableError::unknown($what, s))
            }
        }
    };
}
pub(crate) use words;

pub(crate) mod assess;
mod check;
mod direction;
pub mod json;
mod lang;
mod model;
mod read;
#[cfg(any(test, doctest))]
mod semver;
mod taxonomy;
mod value;

pub use assess::{
    Actuals, AssessConfig, AssessError, AssessErrorKind, Assessment, BudgetScore, Grade,
    GradeBands, IndicatorScore, MissingTier, ProjectScore, QualitativeScores, Status, Weights,
    assess,
};
pub use check::{
    CheckCode, CheckConfig, Finding, ProjectQuantification, Quantification, Report, check,
};
pub use direction::{Basis, Directed, Direction};
pub use lang::Lang;
pub use model::{
    Diagnostic, DiagnosticCode, Document, Execution, Funding, FundingUnit, Indicator,
    IndicatorList, Layout, Nature, Project, Scope, Severity, TableError, TableErrorKind, TableKind,
    TextCell, TextRole,
};
pub use read::grid::{Cell, Grid, Rows};
pub use rust_decimal::Decimal;
pub use taxonomy::{Category, TaxonomyError, TaxonomyErrorKind, Tier};
pub use value::{
    Baseline, Kind, Op, PartialDate, Quantity, Scale, Target, TargetError, TargetErrorKind, Value,
};

/// The usage examples of README.md, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

#[cfg(test)]
mod tests {
    /// Every error can cross threads and be boxed as `dyn Error`.
    #[test]
    fn errors_are_send_sync_errors() {
        fn is_error<T: std::error::Error + Send + Sync + 'static>() {}
        is_error::<crate::TaxonomyError>();
        is_error::<crate::TargetError>();
        is_error::<crate::TableError>();
        is_error::<crate::AssessError>();
    }
}

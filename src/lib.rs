//! # jixiao (绩效)
//!
//! Typed data from Chinese public-budget performance target tables (项目支出绩效目标表).

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod taxonomy;

pub use taxonomy::{Category, TaxonomyError, TaxonomyErrorKind, Tier};

//! The table reader on any bytes, through `Document::from_bytes`, which finds the layout by
//! itself (run-on records, or a grid in any of its text renderings); then the checks of
//! what it read. No panic; a document read has indicators.
#![no_main]

use jixiao::{CheckConfig, Document, check};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(doc) = Document::from_bytes(bytes) {
        let report = check(&doc, &CheckConfig::default());
        let _ = report.quantification.rate();
        for indicator in doc.indicators() {
            let _ = indicator.to_string();
            let _ = indicator.direction();
        }
    }
});

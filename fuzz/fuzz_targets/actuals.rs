//! The actuals CSV on any text: read or refused with an error, never a panic.
#![no_main]

use jixiao::Actuals;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(actuals) = text.parse::<Actuals>() {
        let _ = actuals.len();
    }
});

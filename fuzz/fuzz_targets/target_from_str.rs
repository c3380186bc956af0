//! The strict parses of the value layer on any text: `Target`, `Quantity`, `PartialDate`,
//! `Op`, and what a parsed quantity computes. No panic; an error says where, on a character
//! boundary.
#![no_main]

use jixiao::{Op, PartialDate, Quantity, Scale, Target};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    match text.parse::<Target>() {
        Ok(t) => {
            let _ = t.to_string();
            for q in t
                .quantity()
                .into_iter()
                .chain(t.parts().iter().filter_map(Target::quantity))
            {
                let _ = q.base_amount();
                let _ = q.normalized();
                let _ = q.to_scale(Some(Scale::HundredMillion));
            }
        }
        Err(e) => {
            if let Some(at) = e.offset() {
                assert!(text.is_char_boundary(at), "{text:?} at {at}");
            }
        }
    }
    if let Ok(q) = text.parse::<Quantity>() {
        let _ = q.base_amount();
        let _ = q.compare(&q);
        let _ = q.to_scale(Some(Scale::Trillion));
    }
    let _ = text.parse::<PartialDate>();
    let _ = text.parse::<Op>();
});

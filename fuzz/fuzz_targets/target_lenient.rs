//! `Target::lenient` on any text: no panic, the raw text is the input's, lenient and strict
//! parses agree, and the canonical form reads back as the same value.
#![no_main]

use jixiao::{Kind, Target};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let lenient = Target::lenient(text);
    assert!(
        text.contains(lenient.raw()),
        "raw {:?} not in {text:?}",
        lenient.raw()
    );
    match text.parse::<Target>() {
        Ok(strict) => assert_eq!(strict, lenient, "{text:?}"),
        Err(_) => assert_eq!(lenient.kind(), Kind::Text, "{text:?}"),
    }
    // The canonical form means the same, where the subjects are plain words (a subject of
    // spaces, quotes and comparators may read differently once it moves).
    let plain = |t: &Target| {
        t.subject().is_none_or(|s| {
            s.chars()
                .all(|c| c.is_alphanumeric() && !c.is_whitespace() || "（）()·-_".contains(c))
        })
    };
    if plain(&lenient) && lenient.parts().iter().all(plain) {
        let canonical = lenient.to_string();
        assert_eq!(
            Target::lenient(&canonical),
            lenient,
            "{text:?} → {canonical:?}"
        );
    }
});

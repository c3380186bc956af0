//! Helpers shared by the integration tests.

/// Counts indicator records straight from a table's text, without the parser: digits, `、`,
/// a tier code, a dash, a tier name and `；`.
pub fn records_in(text: &str) -> usize {
    let joined: String = text.lines().map(str::trim).collect();
    let tiers = ["1-产出指标；", "2-效益指标；", "3-满意度指标；"];
    joined
        .match_indices('、')
        .filter(|(at, _)| joined[..*at].ends_with(|c: char| c.is_ascii_digit()))
        .filter(|(at, _)| {
            tiers
                .iter()
                .any(|t| joined[at + '、'.len_utf8()..].starts_with(t))
        })
        .count()
}

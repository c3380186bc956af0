//! How many cases a property test runs: `PROPTEST_CASES` where it is set (to run 50,000
//! before a release), else the test's own number (what CI runs).

use proptest::test_runner::Config;

/// proptest's configuration (which reads `PROPTEST_CASES` and the other `PROPTEST_`
/// variables), with `default` cases where `PROPTEST_CASES` is not set.
pub fn config(default: u32) -> Config {
    let mut config = Config::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = default;
    }
    config
}

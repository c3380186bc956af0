//! The Rust version the package declares (`rust-version`) is one that every dependency,
//! dev-dependencies included, builds on: `cargo test` must build on it.

use serde_json::Value;
use std::process::Command;

/// A version's numbers, `1.86` as `[1, 86, 0]`.
fn numbers(version: &str) -> Vec<u64> {
    let mut n: Vec<u64> = version
        .split('.')
        .map(|p| p.parse().expect("a version number"))
        .collect();
    n.resize(3, 0);
    n
}

#[test]
fn the_declared_rust_version_builds_every_dependency() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--locked"])
        .arg("--manifest-path")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: Value = serde_json::from_slice(&output.stdout).expect("metadata is JSON");
    let packages = metadata["packages"].as_array().expect("packages");
    let declared = packages
        .iter()
        .find(|p| p["name"] == "jixiao")
        .and_then(|p| p["rust_version"].as_str())
        .expect("jixiao declares a rust-version");
    let needed = packages
        .iter()
        .filter_map(|p| Some((p["rust_version"].as_str()?, p["name"].as_str()?)))
        .max_by_key(|(version, _)| numbers(version))
        .expect("some package declares a rust-version");
    assert!(
        numbers(declared) >= numbers(needed.0),
        "rust-version {declared}, but {} needs {}",
        needed.1,
        needed.0
    );
}

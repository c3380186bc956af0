//! The Rust version the package declares (`rust-version`), and README states, is one that
//! every dependency of the default build, dev-dependencies included, builds on: `cargo test`
//! must build on it.

use serde_json::Value;
use std::collections::HashSet;
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

fn cargo(args: &[&str]) -> String {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args(args)
        .arg("--manifest-path")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"))
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("cargo prints UTF-8")
}

/// Every package's declared Rust version, by name.
fn rust_versions() -> Vec<(String, String)> {
    let metadata: Value =
        serde_json::from_str(&cargo(&["metadata", "--format-version", "1", "--locked"]))
            .expect("metadata is JSON");
    metadata["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .filter_map(|p| {
            Some((
                p["name"].as_str()?.to_owned(),
                p["rust_version"].as_str()?.to_owned(),
            ))
        })
        .collect()
}

/// The packages a build with these feature arguments uses, dev-dependencies included.
fn used(features: &[&str]) -> HashSet<String> {
    let mut args = vec![
        "tree",
        "--locked",
        "--edges",
        "normal,build,dev",
        "--prefix",
        "none",
        "--format",
        "{p}",
    ];
    args.extend_from_slice(features);
    cargo(&args)
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .map(str::to_owned)
        .collect()
}

/// The highest Rust version the packages used need, with the package that needs it.
fn needed(used: &HashSet<String>, versions: &[(String, String)]) -> (String, String) {
    versions
        .iter()
        .filter(|(name, _)| used.contains(name) && name != "jixiao")
        .max_by_key(|(_, version)| numbers(version))
        .map(|(name, version)| (version.clone(), name.clone()))
        .expect("some package declares a rust-version")
}

#[test]
fn the_declared_rust_version_builds_every_dependency() {
    let versions = rust_versions();
    let declared = versions
        .iter()
        .find(|(name, _)| name == "jixiao")
        .map(|(_, v)| v.clone())
        .expect("jixiao declares a rust-version");
    let (version, name) = needed(&used(&[]), &versions);
    assert!(
        numbers(&declared) >= numbers(&version),
        "rust-version {declared}, but {name} needs {version}"
    );
    let readme = include_str!("../README.md");
    assert!(readme.contains(&format!("jixiao needs Rust {declared} or later")));
}

#!/usr/bin/env bash
# Writes the golden files of tests/golden.rs (tests/data/golden/) with the code of a branch,
# main by default, so that they hold that branch's output rather than this checkout's:
#
#     scripts/golden.sh [REF]
#
# It checks REF out in a worktree of its own, puts this checkout's tests/golden.rs there (the
# same inputs and the same runs of the `table` example), runs it with JIXIAO_UPDATE_GOLDEN=1
# writing into this checkout's tests/data/golden/, and removes the worktree. Then
# `cargo test --test golden` here checks that this checkout prints the same bytes.
#
# The worktree builds in a target folder of its own (JIXIAO_GOLDEN_TARGET, by default
# target/golden-ref), so that its example binaries are never taken for this checkout's.
set -euo pipefail
cd "$(dirname "$0")/.."
here="$(pwd)"
ref="${1:-main}"
tree="$(mktemp -d "${TMPDIR:-/tmp}/jixiao-golden.XXXXXX")"
trap 'git -C "$here" worktree remove --force "$tree" >/dev/null 2>&1 || rm -rf "$tree"' EXIT
git worktree add --detach "$tree" "$ref" >/dev/null
cp tests/golden.rs "$tree/tests/golden.rs"
(
    cd "$tree"
    JIXIAO_UPDATE_GOLDEN=1 JIXIAO_GOLDEN_DIR="$here/tests/data/golden" \
        CARGO_TARGET_DIR="${JIXIAO_GOLDEN_TARGET:-$here/target/golden-ref}" \
        bash -c 'cargo build --example table && cargo test --test golden' 
)
echo "golden files written from $ref ($(git rev-parse --short "$ref")) into tests/data/golden/"

#!/usr/bin/env bash
# Benchmark the printed workbook: typeset the repository's default workbook (with
# the sample view of tests/testsuite/pdf.rs) N times in a release build, personal and
# blank, and print the page count, the size, the first (cold) time and the median
# of the warm runs.
#
#   bench/pdf.sh [RUNS]          default 20 runs
#   OUT=dir bench/pdf.sh         also write personal.pdf and blank.pdf to dir
#   JOBS=2 bench/pdf.sh          cargo's build jobs (default 2)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20}"
export CAREERBOOK_BENCH_RUNS="$runs"
if [[ -n "${OUT:-}" ]]; then
    mkdir -p "$OUT"
    CAREERBOOK_BENCH_OUT="$(cd "$OUT" && pwd)"
    export CAREERBOOK_BENCH_OUT
fi
cargo test --release -j "${JOBS:-2}" --test testsuite -- --ignored --exact pdf::bench_pdf --nocapture 2>&1 |
    grep -E '^(personal|blank):|panicked|^error' || {
    echo "bench/pdf.sh: the benchmark did not run" >&2
    exit 1
}

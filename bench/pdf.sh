#!/usr/bin/env bash
# Benchmark the printed workbook.
#
#   bench/pdf.sh [RUNS]            the repository's default workbook (with the
#                                  sample view of tests/testsuite/pdf.rs), typeset N
#                                  times in one process (the dist profile), personal and blank:
#                                  page count, size, first (cold) time, median of the
#                                  warm runs (default 20 runs)
#   bench/pdf.sh cohort [MEMBERS]  a cohort written by bench/gen.py (default 100
#                                  members): `careerbook pdf` for every member,
#                                  alternating with one member's
#                                  `careerbook pdf --person`, ROUNDS times (default
#                                  3); prints the medians, the time per member and
#                                  the ratio to one member, against the target of
#                                  issue 24 (at most 25 times one member)
#
#   OUT=dir bench/pdf.sh           also write personal.pdf and blank.pdf to dir
#   JOBS=2 bench/pdf.sh            cargo's build jobs (default 2)
#   CAREERBOOK=path bench/pdf.sh cohort
#                                  the binary to time (default: built with
#                                  `cargo build --profile dist`, as published)
#   BENCH_DATA=dir bench/pdf.sh cohort
#                                  where the cohort is generated and its PDFs
#                                  written (default target/bench-data); a tmpfs
#                                  such as /dev/shm/bench-data keeps a busy disk
#                                  out of the figures
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" == cohort ]]; then
    members="${2:-100}"
    rounds="${ROUNDS:-3}"
    if [[ -z "${CAREERBOOK:-}" ]]; then
        cargo build --profile dist --quiet -j "${JOBS:-2}"
        CAREERBOOK="${CARGO_TARGET_DIR:-target}/dist/careerbook"
    fi
    bench_data="${BENCH_DATA:-${CARGO_TARGET_DIR:-target}/bench-data}"
    data="$bench_data/pdf-cohort-$members"
    mkdir -p "$bench_data"
    if [[ ! -f "$data/.done" || bench/gen.py -nt "$data/.done" ]]; then
        rm -rf "$data"
        python3 bench/gen.py cohort --members "$members" --out "$data" --guide . >/dev/null
        touch "$data/.done"
    fi
    out="$(mktemp -d -p "$bench_data")"
    trap 'rm -rf "$out"' EXIT
    one=member-0001
    echo "# careerbook PDF benchmark, a cohort of $members members, $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "binary: $("$CAREERBOOK" --version) ($CAREERBOOK)"
    echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
    run() { # label, then careerbook's arguments; prints "seconds peak-KB"
        local label=$1; shift
        rm -rf "$out/pdf"; sync
        /usr/bin/time -f "%e %M" -o "$out/time" "$CAREERBOOK" pdf "$data" --today 2026-11-24 -o "$out/pdf/" "$@" >/dev/null 2>"$out/log" || {
            echo "bench/pdf.sh: $label failed:" >&2; cat "$out/log" >&2; exit 1; }
        tail -n 1 "$out/time"
    }
    all=() single=()
    for r in $(seq "$rounds"); do
        read -r t m < <(run "all members")
        echo "  round $r: all $members members ${t} s, $((m / 1024)) MB peak"
        all+=("$t")
        read -r t m < <(run "one member" --person "$one")
        echo "  round $r: one member     ${t} s, $((m / 1024)) MB peak"
        single+=("$t")
    done
    median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END{print v[int((NR+1)/2)]}'; }
    a=$(median "${all[@]}") o=$(median "${single[@]}")
    awk -v a="$a" -v o="$o" -v n="$members" 'BEGIN{
        printf "all %d members: %.2f s (%.0f ms a member); one member: %.2f s; ratio %.1f\n", n, a, 1000*a/n, o, a/o
        printf "target: at most 25 times one member (%.2f s): %s\n", 25*o, (a <= 25*o ? "met" : "missed")
    }'
    exit 0
fi

runs="${1:-20}"
export CAREERBOOK_BENCH_RUNS="$runs"
if [[ -n "${OUT:-}" ]]; then
    mkdir -p "$OUT"
    CAREERBOOK_BENCH_OUT="$(cd "$OUT" && pwd)"
    export CAREERBOOK_BENCH_OUT
fi
cargo test --profile dist -j "${JOBS:-2}" --test testsuite -- --ignored --exact pdf::bench_pdf --nocapture 2>&1 |
    grep -E '^(personal|blank):|panicked|^error' || {
    echo "bench/pdf.sh: the benchmark did not run" >&2
    exit 1
}

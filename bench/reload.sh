#!/usr/bin/env bash
# Rebuild-to-reload latency of `careerbook serve` on the default workbook (this
# repository's book.toml, content/, data/ and themes/, copied to a temporary
# folder so nothing here is touched).
#
# Each run touches a content file and times how long until the server-sent
# `reload` event arrives: that is the debounce (100 ms, checked every 25 ms),
# then the rebuild, the swap of the output folder and the event. "after the
# debounce" subtracts the 100 ms. Target: under 100 ms after the debounce.
#
#   bench/reload.sh [RUNS]        (default 10; builds the dist binary first)
#   CAREERBOOK=path bench/reload.sh   times that binary instead
#
# TODAY=YYYY-MM-DD fixes the date the workbook is built for (default: today).
# Uses CARGO_TARGET_DIR if set. Needs bash 5, curl.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-10}
debounce_ms=100
target=${CARGO_TARGET_DIR:-target}
if [ -n "${CAREERBOOK:-}" ]; then
  bin=$CAREERBOOK
else
  cargo build --profile dist --quiet -j 2
  bin="$target/dist/careerbook"
fi

work=$(mktemp -d)
server=""
cleanup() {
  [ -n "${SSE_PID:-}" ] && kill "$SSE_PID" 2>/dev/null || true
  if [ -n "$server" ]; then kill -INT "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work" "$work.log"
}
trap cleanup EXIT

cp -r book.toml content data "$work/"
[ -d themes ] && cp -r themes "$work/"
# shellcheck disable=SC2086
"$bin" serve "$work" --port 0 ${TODAY:+--today "$TODAY"} 2>"$work.log" &
server=$!
for _ in $(seq 100); do
  grep -q '^Serving ' "$work.log" 2>/dev/null && break
  sleep 0.1
done
url=$(sed -n 's/^Serving //p' "$work.log")
[ -n "$url" ] || { cat "$work.log"; echo "serve did not start" >&2; exit 1; }

coproc SSE { exec curl -sN "${url}__careerbook/events"; }

# Read events until one named $1 (or `failed`); fail after 10 s.
wait_event() {
  local line
  while IFS= read -r -t 10 line <&"${SSE[0]}"; do
    case "$line" in
      "event: $1") return 0 ;;
      "event: failed") echo "the build failed:" >&2; cat "$work.log" >&2; exit 1 ;;
    esac
  done
  echo "no \`$1\` event within 10 s" >&2
  exit 1
}

wait_event status
page="$work/content/mentor-vs-sponsor.md"
[ -f "$page" ] || page=$(find "$work/content" -name '*.md' | head -1)
now_us() { local t=${EPOCHREALTIME/./}; echo "${t#0}"; }

# One warm-up (caches, the first rebuild's allocations), then the runs.
touch "$page"; wait_event reload; sleep 0.3
samples=()
for _ in $(seq "$runs"); do
  t0=$(now_us)
  touch "$page"
  wait_event reload
  t1=$(now_us)
  samples+=($(( (t1 - t0) / 1000 )))
  sleep 0.3
done

stats() { # label, values...
  local label=$1; shift
  printf '%s\n' "$@" | sort -n | awk -v label="$label" '
    { v[NR] = $1 }
    END {
      median = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      p90 = v[int(NR * 0.9 + 0.999)]
      printf "%-32s median %5.0f ms   p90 %5.0f ms   (min %d, max %d)\n", label, median, p90, v[1], v[NR]
    }'
}
after=()
for s in "${samples[@]}"; do after+=($(( s - debounce_ms ))); done
builds=$(grep -o 'rebuilt [0-9]* pages into .* in [0-9]* ms' "$work.log" | tail -n "$runs" | sed 's/.* in \([0-9]*\) ms/\1/')
pages=$(grep -o 'rebuilt [0-9]* pages' "$work.log" | tail -1 | cut -d' ' -f2)

echo "careerbook serve, default workbook ($pages pages), $runs runs, debounce ${debounce_ms} ms"
stats "touch -> reload event" "${samples[@]}"
stats "after the debounce" "${after[@]}"
# shellcheck disable=SC2086
stats "rebuild alone (server's figure)" $builds
